"""Site furniture: the lines of a web page that are not part of the article.

Page chrome, share and comment prompts, donation pleas, bylines, photo credits and stray
markup are matched by the patterns of ``data/furniture.json`` against whole lines (or every
sentence of a line). Each pattern is tried only on lines that start with a character it can
start with (``_regex_lead``), and patterns that need a word are tried only on pages that
hold it.

>>> is_furniture("Share this article"), is_furniture("Share prices fell.")
(True, False)
>>> crumb_tail("Home » World » Minsk votes")
'Minsk votes'
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from belnews._data import load_table
from belnews._lazy import lazy as _lazy
from belnews._lines import bare, quoted
from belnews._regex_lead import alternatives as _alternatives
from belnews._regex_lead import first_chars as _first_chars

__all__ = [
    "CRUMB_SEPARATORS",
    "Needs",
    "crumb_tail",
    "furniture",
    "is_comment_header",
    "is_credit",
    "is_furniture",
    "is_head_byline",
    "is_list_header",
    "is_tail",
    "page_needs",
]


def _expand(pattern: str, defs: dict[str, str]) -> str:
    for _ in range(4):  # definitions may use definitions
        pattern = re.sub(r"\{([A-Z]+)\}", lambda m: defs.get(m[1], m[0]), pattern)
    return pattern


_Alternatives = tuple[tuple[str, "frozenset[str] | None"], ...]


class _Floating(NamedTuple):
    needs: tuple[str, ...]
    source: str  # compiled by _floating_fullmatch, only on pages that hold one of the needs
    markup: bool


class _Furniture(NamedTuple):
    line: _Alternatives  # on the lowercased line, tried through _dispatch
    cased: re.Pattern[str]  # on the line as written
    cased_first: frozenset[str] | None  # what a cased line can start with
    floating: tuple[_Floating, ...]
    markup: re.Pattern[str]
    markup_needs: tuple[str, ...]  # a markup line holds one of these (or no word at all)
    credit: _Alternatives
    credit_suffix: re.Pattern[str]
    suffix_needs: tuple[str, ...]
    list_header: re.Pattern[str]  # a header opening a list of links ("Most read")
    comment_header: re.Pattern[str]  # a header opening the comment section ("3 Comments")
    head_byline: re.Pattern[str]  # a byline without "By" under the headline ("Jane Doe in Kyiv")
    tail: re.Pattern[str]  # a sentence that is furniture at the end of the page (an author's bio)
    suffix_window: int
    position: re.Pattern[str]
    needs: tuple[str, ...]  # any of the floating patterns' needs
    max_line: int
    credit_max: int


@functools.cache
def furniture() -> _Furniture:
    """The furniture patterns, compiled (once, on first use)."""
    data = load_table("furniture.json")
    defs: dict[str, str] = data["defs"]

    def source(patterns: list[str]) -> str:
        return "|".join(f"(?:{_expand(p, defs)})" for p in patterns)

    def union(patterns: list[str], flags: int = 0) -> re.Pattern[str]:
        return re.compile(source(patterns), flags)

    def alternatives(patterns: list[str]) -> _Alternatives:
        alts = [a for p in patterns for a in _alternatives(_expand(p, defs))]
        return tuple((a, _first_chars(a)) for a in alts)

    floating = tuple(
        _Floating(tuple(f["needs"]), source([f["pattern"]]), bool(f.get("markup"))) for f in data["floating"]
    )
    return _Furniture(
        line=alternatives([p for ps in data["line"].values() for p in ps]),
        cased=union(data["cased"]),
        cased_first=_first_chars("|".join(_expand(p, defs) for p in data["cased"])),
        floating=floating,
        markup=union(data["markup"]),
        markup_needs=tuple(data["markup_needs"]),
        credit=alternatives(data["credit"]),
        credit_suffix=union(data["credit_suffix"], re.IGNORECASE),
        suffix_needs=tuple(data["credit_suffix_needs"]),
        list_header=union(data["list_headers"]),
        comment_header=union(data["comment_headers"]),
        head_byline=union(data["head_byline"]),
        tail=union(data["tail"]),
        suffix_window=int(data["suffix_window"]),
        position=union([data["position_marker"]]),
        needs=tuple(sorted({n for f in floating for n in f.needs})),
        max_line=int(data["max_line"]),
        credit_max=int(data["credit_max"]),
    )


@functools.lru_cache(maxsize=1024)
def _dispatch(table: str, first: str) -> re.Pattern[str] | None:
    """One pattern of the ``table`` ("line" or "credit") alternatives that can start with ``first``."""
    alts = furniture().line if table == "line" else furniture().credit
    chosen = [a for a, lead in alts if lead is None or first in lead]
    return re.compile("|".join(f"(?:{a})" for a in chosen)) if chosen else None


@functools.cache
def _floating_pattern(source: str) -> re.Pattern[str]:
    return re.compile(source)


def _floating_fullmatch(x: _Floating, low: str) -> bool:
    return _floating_pattern(x.source).fullmatch(low) is not None


def _fullmatch(table: str, low: str) -> bool:
    pattern = _dispatch(table, low[:1])
    return pattern is not None and pattern.fullmatch(low) is not None


# --------------------------------------------------------------------------- furniture

_HAS_WORD = _lazy(r"[^\W_]")
# spaces after a stop, or a bar between spaces; the same as r"(?<=[.!?*])\s+|\s[·•|]\s", but
# starting with a space lets the search skip ahead to one
_PIECES = _lazy(r"\s(?:(?<=[.!?*]\s)\s*|[·•|]\s)")
_META = _lazy(r"\s[·•|]\s")
CRUMB_SEPARATORS = (" » ", " › ", " > ", " / ", " | ")  # lines are tidied: spaces are single
_CRUMB_STRONG = _lazy(r"\s[»›]\s")
_CRUMB_WEAK = _lazy(r"\s[>/|]\s")


class Needs(NamedTuple):
    """What the page holds of the words that some patterns need: a line can hold no other."""

    floating: tuple[_Floating, ...]
    markup: tuple[str, ...]
    suffix: tuple[str, ...]
    crumb: tuple[str, ...]


def page_needs(low: str) -> Needs:
    """The floating patterns, markup signs and credit words that occur in the (lowercased) page."""
    f = furniture()
    held = {n for n in f.needs if n in low}
    return Needs(
        tuple(x for x in f.floating if any(n in held for n in x.needs)),
        tuple(n for n in f.markup_needs if n in low),
        tuple(n for n in f.suffix_needs if n in low),
        tuple(n for n in CRUMB_SEPARATORS if n in low),
    )


def _floating(low: str, page: tuple[_Floating, ...]) -> tuple[_Floating, ...]:
    """The floating patterns worth trying on a line: those whose needs it holds (usually none)."""
    return tuple(x for x in page if any(n in low for n in x.needs)) if page else ()


def _cased(piece: str) -> bool:
    f = furniture()
    return (f.cased_first is None or piece[:1] in f.cased_first) and f.cased.fullmatch(piece) is not None


def _matches(piece: str, floating: tuple[_Floating, ...], low: str | None = None) -> bool:
    """The piece (a line, or a sentence of one) is furniture; ``floating``: the line's candidates.

    ``low``: the piece lowercased, when the caller has it.
    """
    low = piece.lower() if low is None else low
    if _fullmatch("line", low) or _cased(piece):
        return True
    if any(not x.markup and _floating_fullmatch(x, low) for x in floating):
        return True
    return len(piece) <= furniture().credit_max and _fullmatch("credit", low)


def is_furniture(line: str, needs: Needs | None = None) -> bool:
    """True when the whole line (or each of its sentences) is site furniture.

    ``needs`` narrows the patterns tried to those the page can match (all, when not given).

    >>> is_furniture("Share this article"), is_furniture("Share prices fell.")
    (True, False)
    """
    f = furniture()
    low = line.lower()
    needs = needs or page_needs(low)
    floating = _floating(low, needs.floating)
    if not _HAS_WORD().search(line) or any(x.markup and _floating_fullmatch(x, low) for x in floating):
        return True
    if any(n in low for n in needs.markup) and f.markup.fullmatch(low):
        return True
    if len(line) > f.max_line or quoted(line):
        return False
    stripped = bare(line)
    if not stripped or _matches(stripped, floating, low if stripped is line else None):
        return True
    if len(stripped) > f.max_line // 2:
        return False
    pieces = _PIECES().split(stripped)
    if len(pieces) < 2:
        return False
    if " | " in stripped or " · " in stripped or " • " in stripped:
        return _meta_line(_META().split(stripped), floating)
    return all(_matches(p, floating) for p in pieces)


def _meta_line(pieces: list[str], floating: tuple[_Floating, ...]) -> bool:
    """Short labels between bars, one of them furniture: "Politics | 3 March 2023 | 2 Comments"."""
    if all(len(p.split()) <= 5 and p[-1:] not in ".!?" for p in pieces):
        return any(_matches(p, floating) for p in pieces)
    return all(_matches(p, floating) for p in _PIECES().split(" | ".join(pieces)))


def is_list_header(line: str) -> bool:
    """A header over a list of links to other stories ("Most read", "RELATED STORIES").

    >>> is_list_header("Most read"), is_list_header("Most readers agreed.")
    (True, False)
    """
    return len(line) <= 60 and furniture().list_header.fullmatch(bare(line).lower()) is not None


def is_comment_header(line: str) -> bool:
    """A header that opens the readers' comments: what follows it is not the article.

    >>> is_comment_header("3 thoughts on “Minsk votes”"), is_comment_header("Comments by the minister")
    (True, False)
    """
    return len(line) <= 250 and furniture().comment_header.fullmatch(bare(line).lower()) is not None


def is_head_byline(line: str) -> bool:
    """A byline without "By" under the headline: a name and a place or role ("Jane Doe in Kyiv").

    >>> is_head_byline("Jane Doe in Kyiv"), is_head_byline("Protests in Minsk")
    (True, False)
    """
    return len(line) <= 120 and furniture().head_byline.fullmatch(bare(line)) is not None


def is_tail(line: str) -> bool:
    """A closing line about the author or the piece, furniture when only furniture follows it.

    >>> is_tail("Jane Doe is a Kyiv-based writer. The views expressed are her own.")
    True
    >>> is_tail("Jane Doe is a journalist who was jailed in 2021.")
    False
    """
    if len(line) > 400 or quoted(line):
        return False
    tail = furniture().tail
    return all(tail.fullmatch(p) or _matches(p, ()) for p in _PIECES().split(bare(line)))


def is_credit(line: str) -> bool:
    f = furniture()
    if len(line) > f.credit_max or quoted(line):
        return False
    return _fullmatch("credit", bare(line).lower())


def crumb_tail(line: str, separators: tuple[str, ...] = CRUMB_SEPARATORS) -> str | None:
    """The last part of a breadcrumb line ("Home » World » Title"), or None if it is not one.

    ``separators``: those of CRUMB_SEPARATORS that the page holds.
    """
    if not separators or "«" in line or not any(sep in line for sep in separators):
        return None
    parts = _CRUMB_STRONG().split(line)
    if len(parts) < 2:
        parts = _CRUMB_WEAK().split(line)
        if len(parts) < 3 or any(len(p.split()) > 3 for p in parts[:-1]):
            return None
    if any(len(p.split()) > 5 or not p for p in parts[:-1]):
        return None
    return parts[-1].strip()
