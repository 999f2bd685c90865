"""Lists of links to other stories: numbered or bulleted headlines under "Most read" or
closing the page.

>>> list_item("2. Ten things to know about the vote"), list_item("1. The first condition is freedom.")
(('Ten things to know about the vote', 2), None)
"""

from __future__ import annotations

from belnews._lazy import lazy as _lazy
from belnews._lines import Line

__all__ = ["list_item", "numbered_tail"]

_LIST_NUMBER = _lazy(r"^(?:[-*•·–—]\s?|(\d{1,2})[.)]\s)")


def list_item(line: str) -> tuple[str, int | None] | None:
    """A line shaped like a linked headline of a list ("1. Why Georgia votes"): its text and number."""
    m = _LIST_NUMBER().match(line)
    text = line[m.end() :].strip() if m else line
    if not text or len(text) > 160 or text[-1] in ".;:,!" or text.startswith(("#", "**")):
        return None
    if len(text.split()) > 20 or not (text[0].isupper() or text[0].isdigit() or text[0] in "“\"'‘«"):
        return None
    return text, (int(m[1]) if m and m[1] else None)


def numbered_tail(lines: list[Line]) -> int:
    """How many lines close the page as a numbered list of headlines ("1. ...", "2. ..."), or 0.

    A list that a sentence introduces ("They demand:") is the article's own.
    """
    numbers: list[int] = []
    for line in reversed(lines):
        item = list_item(line.text)
        if item is None or item[1] is None:
            break
        numbers.append(item[1])
    numbers.reverse()
    if len(numbers) < 2 or numbers != list(range(1, len(numbers) + 1)):
        return 0
    if len(numbers) < len(lines) and lines[-len(numbers) - 1].text.endswith(":"):
        return 0
    return len(numbers)
