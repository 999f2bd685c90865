"""A line of the page and the shapes the cleaner reads in it (quoted, title-cased, labelled).

>>> title_cased("Belarus Hesitates on Direct Involvement"), quoted("He said “no”.")
(True, True)
>>> bare("- **Share this**")
'Share this'
"""

from __future__ import annotations

from belnews._lazy import lazy as _lazy

__all__ = [
    "BULLET",
    "HEADING_MARK",
    "LABEL",
    "TERMINAL",
    "Line",
    "bare",
    "holds_any",
    "quoted",
    "title_cased",
]

TERMINAL = ".!?…;:,\"”’'»)]"  # a line ending with one of these closes a sentence or a quote
_MARKS = "-*•·–—>#"  # the characters of BULLET's leading runs
BULLET = _lazy(rf"^(?:[{_MARKS}]+\s?)+|\*\*")
HEADING_MARK = _lazy(r"^#{1,6}\s*")
LABEL = _lazy(r"^(?:\*\*|__)\s?([^*_:]{1,80}?)\s?(?::\s?(?:\*\*|__)|(?:\*\*|__)\s?:)\s?(.*)$")


class Line:
    """A kept line of the page, or a marker standing for a dropped one.

    A plain class rather than a named tuple: a page makes one or two per line, and a class
    with slots is made in about half the time (a native class when compiled).
    """

    __slots__ = ("mark", "number", "text")

    def __init__(self, text: str, number: int, mark: str = "") -> None:
        self.text = text  # "" for a marker: a credit line (it marks the caption before it) or a list header
        self.number = number  # its line number in the normalised input
        self.mark = mark  # "credit" or "list" for a marker


def holds_any(text: str, parts: tuple[str, ...]) -> bool:
    """Some of ``parts`` occurs in ``text``: ``any(p in text for p in parts)`` without a generator
    (lines are many, and the generator cost more than the searches).

    >>> holds_any("Photo: AP", (":", "/")), holds_any("No credit", (":", "/"))
    (True, False)
    """
    for part in parts:
        if part in text:
            break
    else:
        return False
    return True


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
