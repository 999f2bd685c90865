"""The headline: which line of the page is the title, and its text without site names.

>>> lines = [Line("Europe", 0), Line("Minsk votes as the opposition stays home", 1), Line("It rained.", 2)]
>>> choose_title(lines, crumb=None)
('Minsk votes as the opposition stays home', 2)
"""

from __future__ import annotations

from belnews._datelines import dateline
from belnews._lazy import lazy as _lazy
from belnews._lines import HEADING_MARK, LABEL, TERMINAL, Line
from belnews._sentences import STOP

__all__ = ["choose_title", "fold"]

_TITLE_SITE = _lazy(r"\s\|\s[^|]{1,40}$")
_NOT_LETTERS = _lazy(r"[\W_]+")  # what ``fold`` drops: spaces, punctuation (no letter or digit)


def choose_title(lines: list[Line], crumb: str | None, *, page: str = "") -> tuple[str | None, int]:
    """The title of the page and the index of the first line after it.

    The first line is the title unless it is a label above the headline: a section name, or
    the site's name (a short line above the breadcrumb, or one the page never repeats while
    it repeats the headline below it, as comment headers and page titles do).

    Args:
        lines: the kept lines of the page (markers have empty text; "crumb" marks a breadcrumb).
        crumb: the last part of the page's breadcrumb, if it has one.
        page: the whole page's text, where a headline is often repeated.

    Returns:
        The title (None when no line can be one) and where the body starts in ``lines``.
    """
    first = next((j for j, line in enumerate(lines) if line.text), len(lines))
    headline = _headline_after_label(lines, first, page)
    if headline is not None:
        first = headline
    if first < len(lines) and _title_like(lines[first].text) and dateline(lines[first].text) is None:
        return _clean_title(lines[first].text), first + 1
    if crumb is not None and len(crumb.split()) >= 3:
        return crumb, first
    return None, first


def fold(text: str) -> str:
    """The text with case, spaces and punctuation folded away, to compare a line with the title.

    >>> fold("Minsk Votes — “Live”"), fold("minsk votes: live!")
    ('minskvoteslive', 'minskvoteslive')
    """
    return _NOT_LETTERS().sub("", text.casefold())


def _title_like(line: str) -> bool:
    return 0 < len(line) <= 250 and len(line.split()) <= 40 and LABEL().match(line) is None


def _clean_title(line: str) -> str:
    line = HEADING_MARK().sub("", line).replace("**", "").strip()
    m = _TITLE_SITE().search(line)
    if m is not None and len(line[: m.start()].split()) >= 3:
        line = line[: m.start()]
    return line.strip()


def _headline_after_label(lines: list[Line], first: int, page: str) -> int | None:
    """Where the headline is when ``lines[first]`` is a label above it ("Europe", a site name)."""
    if first >= len(lines):
        return None
    label = lines[first].text
    j, crumb = first + 1, False
    while j < len(lines) and not lines[j].text:
        crumb = crumb or lines[j].mark == "crumb"
        j += 1
    if j >= len(lines):
        return None
    headline = lines[j].text
    if headline[-1] in TERMINAL or STOP().search(headline) is not None:
        return None  # a sentence of the body, not a headline
    if len(headline.split()) < 5 or not _title_like(headline):
        return None
    words = len(label.split())
    if words <= 2 and (j == first + 1 or crumb):
        return j
    repeated = page.count(headline) > 1 and page.count(label) == 1
    return j if words <= 5 and label[-1] not in TERMINAL and (crumb or repeated) else None
