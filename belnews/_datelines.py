"""The dateline that opens a story's first paragraph ("MINSK (Reuters) -", "KYIV, Ukraine —").

The place is kept as written (``data/clean_datelines.json`` lists openers that are not places
and the regions that let a title-case place stand without an agency).

>>> dateline("KYIV, Ukraine — Sirens sounded.")
('KYIV', 16)
>>> dateline("BREAKING - The president has left.") is None
True
"""

from __future__ import annotations

import functools

import regex

from belnews._data import load_table
from belnews._lazy import lazy_regex as _lazy_regex

__all__ = ["dateline"]


@functools.cache
def _table() -> tuple[frozenset[str], frozenset[str]]:
    """Capitalised openers that are not places, and the regions a dateline may name."""
    table = load_table("clean_datelines.json")
    return frozenset(table["not_places"]), frozenset(table["regions"])


_SEPARATORS = ("-", "–", "—", ":", "/")  # a character of each way the pattern's "sep" can be written
_DATELINE = _lazy_regex(
    r"""^(?P<place>[\p{Lu}][\p{Lu}'’.\-]+(?:\s[\p{Lu}][\p{Lu}'’.\-]*){0,3}
          (?:/[\p{Lu}][\p{Lu}'’.\-]+(?:\s[\p{Lu}][\p{Lu}'’.\-]*){0,3}){0,3}
        |[\p{Lu}][\p{Ll}]+(?:[\s\-][\p{Lu}][\p{Ll}]+){0,2}(?:/[\p{Lu}][\p{Ll}]+){0,3})
        (?:,\s(?P<region>[\p{Lu}][\p{L}.'’\-]*(?:\s[\p{Lu}][\p{L}.'’\-]*){0,2}))?
        (?:,\s(?:[\p{Lu}][\p{Ll}]{2,8}\.?\s\d{1,2}|\d{1,2}\s[\p{Lu}][\p{Ll}]{2,8})(?:,?\s\d{4})?)?
        (?:\s?\((?P<agency>[\p{Lu}][\p{L}&./\-]{0,20}(?:\s[\p{Lu}][\p{L}&./\-]{0,20}){0,2})\))?
        (?P<sep>\s?[-–—]+\s|:\s|\.\s?/[\p{Lu}]{2,10}/\.?\s)""",
    regex.VERBOSE,
)


def dateline(text: str) -> tuple[str, int] | None:
    """The dateline's place and where the paragraph's text starts after it, or None.

    Args:
        text: the first paragraph of the body.

    >>> dateline("MOSCOW, August 10. /TASS/. The Kremlin said talks went well.")
    ('MOSCOW', 27)
    """
    head = text[:120]
    if not any(sep in head for sep in _SEPARATORS):
        return None  # no separator a dateline could end with: the pattern cannot match
    m = _DATELINE().match(head)
    if m is None:
        return None
    place = m["place"]
    not_places, regions = _table()
    if place.upper() in not_places or place.rstrip(".") in not_places:
        return None
    if not place.isupper() and m["agency"] is None and m["region"] not in regions:
        return None
    if m["sep"].strip() == ":" and not place.isupper():
        return None
    if len(place.replace(".", "")) < 3 and m["agency"] is None and m["region"] is None:
        return None
    first = text[m.end() : m.end() + 2].lstrip("“‘\"'«(")[:1]
    if not (first.isupper() or first.isdigit()):  # a dateline opens a sentence
        return None
    return place, m.end()
