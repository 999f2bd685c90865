"""A line of the page and the shapes the cleaner reads in it (quoted, title-cased, labelled).

>>> title_cased("Belarus Hesitates on Direct Involvement"), quoted("He said “no”.")
(True, True)
>>> bare("- **Share this**")
'Share this'
"""

from __future__ import annotations

from typing import NamedTuple

from belnews._lazy import lazy as _lazy

__all__ = ["BULLET", "HEADING_MARK", "LABEL", "TERMINAL", "Line", "bare", "quoted", "title_cased"]

TERMINAL = ".!?…;:,\"”’'»)]"  # a line ending with one of these closes a sentence or a quote
_MARKS = "-*•·–—>#"  # the characters of BULLET's leading runs
BULLET = _lazy(rf"^(?:[{_MARKS}]+\s?)+|\*\*")
HEADING_MARK = _lazy(r"^#{1,6}\s*")
LABEL = _lazy(r"^(?:\*\*|__)\s?([^*_:]{1,80}?)\s?(?::\s?(?:\*\*|__)|(?:\*\*|__)\s?:)\s?(.*)$")


class Line(NamedTuple):
    """A kept line of the page, or a marker standing for a dropped one."""

    text: str  # "" for a marker: a credit line (it marks the caption before it) or a list header
    number: int  # its line number in the normalised input
    mark: str = ""  # "credit" or "list" for a marker


def quoted(line: str) -> bool:
    """The line holds quoted speech, so it is never taken for furniture."""
    return "“" in line or "”" in line or "«" in line or "»" in line or "„" in line or line.count('"') >= 2


def bare(line: str) -> str:
    """The line without list bullets, heading marks and bold markup: ``BULLET().sub("", line).strip()``
    without the search (runs of marks, each with one space after it, then every "**").

    >>> bare("-- * **Read more**"), bare("**Q:** Why?")
    ('Read more', 'Q: Why?')
    """
    if line and line[0] in _MARKS:
        i, n = 0, len(line)
        while i < n and line[i] in _MARKS:
            while i < n and line[i] in _MARKS:
                i += 1
            if i < n and line[i].isspace():
                i += 1
        return line[i:].replace("**", "").strip()
    if "**" in line:
        return line.replace("**", "").strip()
    return line


def title_cased(line: str, *, strict: bool = False) -> bool:
    """Most longer words are capitalised ("Belarus hesitates on Direct Involvement").

    ``strict`` leaves the first word out and wants more than half, so that a caption naming
    people and places ("Lukashenka at a meeting in Minsk") is not taken for a subhead.
    """
    words = [w.strip("“”‘’\"'(),.:;!?") for w in line.split()[int(strict) :]]
    long = [w for w in words if len(w) >= 4] or [w for w in words if w]
    upper = 2 * sum(1 for w in long if w[0].isupper())
    return bool(long) and (upper > len(long) if strict else upper >= len(long))
