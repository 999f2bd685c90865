"""Site furniture: the lines of a web page that are not part of the article.

Page chrome, share and comment prompts, donation pleas, bylines, photo credits and stray
markup are matched by the patterns of ``data/furniture.json`` against whole lines (or every
sentence of a line). Each pattern is tried only on lines that start with a character it can
start with (``_regex_lead``) and whose first three characters it can begin with (``_heads``),
so a line needs only the few patterns that could fit it compiled; a pattern is tried only on
lines that hold one of the texts its every match holds (``_regex_lead.needed_texts``), and
patterns that need a word only on pages that hold it. What the patterns give once expanded
(alternatives, first characters, heads) is computed ahead into ``data/furniture_index.json``.

>>> is_furniture("Share this article"), is_furniture("Share prices fell.")
(True, False)
>>> crumb_tail("Home » World » Minsk votes")
'Minsk votes'
"""

from __future__ import annotations

import functools
import re
from typing import Any, NamedTuple

from belnews._data import load_table, table_checksum
from belnews._lazy import lazy as _lazy
from belnews._lines import bare, holds_any, quoted
from belnews._pattern_cache import compile_stored_re
from belnews._regex_lead import QUANTIFIER, group_end, needed_texts
from belnews._regex_lead import alternatives as _alternatives
from belnews._regex_lead import first_chars as _first_chars

__all__ = [
    "CRUMB_SEPARATORS",
    "Needs",
    "crumb_tail",
    "furniture",
    "is_comment_header",
    "is_furniture",
    "is_head_byline",
    "is_list_header",
    "is_tail",
    "line_mark",
    "needs_of_page",
    "page_needs",
]


def _expand(pattern: str, defs: dict[str, str]) -> str:
    for _ in range(4):  # definitions may use definitions
        pattern = re.sub(r"\{([A-Z]+)\}", lambda m: defs.get(m[1], m[0]), pattern)
    return pattern


# (alternative, the characters it can start with, its heads: see _heads); None: not known
_Alternatives = tuple[tuple[str, "frozenset[str] | None", "frozenset[str] | None"], ...]


class _Floating(NamedTuple):
    needs: tuple[str, ...]
    source: str  # compiled by _floating_fullmatch, only on pages that hold one of the needs
    markup: bool


class _Lazy:
    """A pattern compiled when first used: a page may never need it. Never changed after ``__init__``."""

    __slots__ = ("flags", "source")

    def __init__(self, source: str, flags: int = 0) -> None:
        self.source = source
        self.flags = flags

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return _compiled(self.source, self.flags).fullmatch(text)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return _compiled(self.source, self.flags).search(text, pos)


@functools.cache
def _compiled(source: str, flags: int) -> re.Pattern[str]:
    return compile_stored_re(source, flags)


class _Furniture:
    """The furniture tables, read on every line: a plain class (native when compiled), made once
    by ``furniture`` and never changed after ``__init__``."""

    __slots__ = (
        "cased",
        "cased_first",
        "comment_header",
        "credit",
        "credit_max",
        "credit_suffix",
        "floating",
        "head_byline",
        "line",
        "list_header",
        "markup",
        "markup_needs",
        "max_line",
        "needs",
        "position",
        "suffix_needs",
        "suffix_window",
        "tail",
    )

    def __init__(
        self,
        *,
        line: _Alternatives,
        cased: re.Pattern[str],
        cased_first: frozenset[str] | None,
        floating: tuple[_Floating, ...],
        markup: _Lazy,
        markup_needs: tuple[str, ...],
        credit: _Alternatives,
        credit_suffix: _Lazy,
        suffix_needs: tuple[str, ...],
        list_header: _Lazy,
        comment_header: _Lazy,
        head_byline: _Lazy,
        tail: _Lazy,
        suffix_window: int,
        position: _Lazy,
        needs: tuple[str, ...],
        max_line: int,
        credit_max: int,
    ) -> None:
        self.line = line  # on the lowercased line, tried through _dispatch
        self.cased = cased  # on the line as written
        self.cased_first = cased_first  # what a cased line can start with
        self.floating = floating
        self.markup = markup
        self.markup_needs = markup_needs  # a markup line holds one of these (or no word at all)
        self.credit = credit
        self.credit_suffix = credit_suffix
        self.suffix_needs = suffix_needs
        self.list_header = list_header  # a header opening a list of links ("Most read")
        self.comment_header = comment_header  # a header opening the comment section ("3 Comments")
        self.head_byline = head_byline  # a byline without "By" under the headline ("Jane Doe in Kyiv")
        self.tail = tail  # a sentence that is furniture at the end of the page (an author's bio)
        self.suffix_window = suffix_window
        self.position = position
        self.needs = needs  # any of the floating patterns' needs
        self.max_line = max_line
        self.credit_max = credit_max


FURNITURE_INDEX = "furniture_index.json"
# the tables of furniture.json that are compiled whole (as one alternation each)
_UNIONS = ("cased", "markup", "credit_suffix", "list_headers", "comment_headers", "head_byline", "tail")


def derived_fields(data: dict[str, Any]) -> dict[str, Any]:
    """What furniture.json's patterns give once ``{DEFS}`` are expanded, as JSON values.

    ``line`` and ``credit``: [alternative, the characters it can start with, its heads (sorted)]
    per top-level alternative (null where not known); ``sources``: each table of ``_UNIONS`` and
    the position marker as one pattern; ``floating``: each floating pattern's source.
    """
    defs: dict[str, str] = data["defs"]

    def source(patterns: list[str]) -> str:
        return "|".join(f"(?:{_expand(p, defs)})" for p in patterns)

    def alternatives(patterns: list[str]) -> list[list[Any]]:
        out: list[list[Any]] = []
        for alt in (a for p in patterns for a in _alternatives(_expand(p, defs))):
            lead, heads = _first_chars(alt), _heads(alt)
            out.append(
                [
                    alt,
                    None if lead is None else "".join(sorted(lead)),
                    None if heads is None else sorted(heads),
                ]
            )
        return out

    cased_first = _first_chars("|".join(_expand(p, defs) for p in data["cased"]))
    return {
        "line": alternatives([p for ps in data["line"].values() for p in ps]),
        "credit": alternatives(data["credit"]),
        "cased_first": None if cased_first is None else "".join(sorted(cased_first)),
        "sources": {
            **{name: source(data[name]) for name in _UNIONS},
            "position_marker": source([data["position_marker"]]),
        },
        "floating": [source([f["pattern"]]) for f in data["floating"]],
    }


def computed_index_fields() -> dict[str, Any]:
    """The fields of ``furniture_index.json`` that the code computes (the rest is written by hand)."""
    return {
        "sources_crc32": {"furniture.json": table_checksum("furniture.json")},
        **derived_fields(load_table("furniture.json")),
    }


def _derived() -> dict[str, Any]:
    """``derived_fields``: as shipped in ``furniture_index.json`` while it fits furniture.json."""
    shipped: dict[str, Any] = load_table(FURNITURE_INDEX)
    if shipped["sources_crc32"] == {"furniture.json": table_checksum("furniture.json")}:
        return shipped
    return derived_fields(load_table("furniture.json"))


def _chars(text: str | None) -> frozenset[str] | None:
    return None if text is None else frozenset(text)


@functools.cache
def furniture() -> _Furniture:
    """The furniture patterns (read once, on first use; each compiled when first needed).

    What the patterns give once their ``{DEFS}`` are expanded is read from
    ``furniture_index.json`` (``scripts/build_derived_tables.py`` writes it; a test checks it).
    """
    data = load_table("furniture.json")
    derived = _derived()
    sources: dict[str, str] = derived["sources"]

    def alternatives(rows: list[list[Any]]) -> _Alternatives:
        return tuple(
            (a, _chars(lead), None if heads is None else frozenset(heads)) for a, lead, heads in rows
        )

    floating = tuple(
        _Floating(tuple(f["needs"]), src, bool(f.get("markup")))
        for f, src in zip(data["floating"], derived["floating"], strict=True)
    )
    return _Furniture(
        line=alternatives(derived["line"]),
        cased=compile_stored_re(sources["cased"]),
        cased_first=_chars(derived["cased_first"]),
        floating=floating,
        markup=_Lazy(sources["markup"]),
        markup_needs=tuple(data["markup_needs"]),
        credit=alternatives(derived["credit"]),
        credit_suffix=_Lazy(sources["credit_suffix"], re.IGNORECASE),
        suffix_needs=tuple(data["credit_suffix_needs"]),
        list_header=_Lazy(sources["list_headers"]),
        comment_header=_Lazy(sources["comment_headers"]),
        head_byline=_Lazy(sources["head_byline"]),
        tail=_Lazy(sources["tail"]),
        suffix_window=int(data["suffix_window"]),
        position=_Lazy(sources["position_marker"]),
        needs=tuple(sorted({n for f in floating for n in f.needs})),
        max_line=int(data["max_line"]),
        credit_max=int(data["credit_max"]),
    )


_HEAD = 3  # lines are dispatched on their first three characters
# Stand-ins, in heads, for a character the pattern does not pin down: any, a \\d, a \\s, a \\w
# (the stdlib engine's own tests for str patterns: isdecimal, isspace, isalnum or "_").
_ANY, _DIGIT, _SPACE, _WORD = "\x00", "\x01", "\x02", "\x03"
_CLASS_ESCAPES = {"d": _DIGIT, "s": _SPACE, "w": _WORD}
_MAX_HEADS = 512
_EMPTY = frozenset({""})


def _class_set(body: str) -> frozenset[str]:
    """The characters (and stand-ins) of the class ``[body]``; {_ANY} when it is not read here."""
    items: list[tuple[str, bool]] = []  # (character, written escaped)
    i = 0
    while i < len(body):
        if body[i] == "\\":
            e = body[i + 1 : i + 2]
            if e.isalnum() and e not in _CLASS_ESCAPES:  # \W, \u00a0 ...: not read here
                return frozenset({_ANY})
            items.append((_CLASS_ESCAPES.get(e, e), True))
            i += 2
        else:
            items.append((body[i], False))
            i += 1
    if not items or items[0] == ("^", False):
        return frozenset({_ANY})
    chars: set[str] = set()
    k = 0
    while k < len(items):
        if k + 2 < len(items) and items[k + 1] == ("-", False):  # a range; "-" first or last is itself
            lo, hi = ord(items[k][0]), ord(items[k + 2][0])
            if not 0 <= hi - lo <= 128 or {items[k][0], items[k + 2][0]} & {_DIGIT, _SPACE, _WORD}:
                return frozenset({_ANY})
            chars.update(map(chr, range(lo, hi + 1)))
            k += 3
        else:
            chars.add(items[k][0])
            k += 1
    return frozenset(chars)


def _element(alt: str, i: int) -> tuple[frozenset[str] | None, int]:
    """The heads of the element of ``alt`` at ``i`` (None: not read here), and the index after it."""
    c = alt[i]
    if c == "\\":
        e = alt[i + 1 : i + 2]
        if e in ("b", "B", "A", "Z"):
            return _EMPTY, i + 2
        if e.isalnum():
            return frozenset({_CLASS_ESCAPES.get(e, _ANY)}), i + 2
        return frozenset({e or _ANY}), i + 2
    if c in "^$":
        return _EMPTY, i + 1
    if c == "(":
        j = group_end(alt, i)
        inner = alt[i + 1 : j - 1]
        if inner.startswith(("?=", "?!", "?<=", "?<!")):
            return _EMPTY, j  # a lookaround consumes nothing (what it demands only narrows)
        if inner.startswith("?:"):
            return _heads(inner[2:]), j
        if inner.startswith("?P<") and ">" in inner:
            return _heads(inner[inner.index(">") + 1 :]), j
        return (None if inner.startswith("?") else _heads(inner)), j
    if c == "[":
        j = group_end(alt, i)
        return _class_set(alt[i + 1 : j - 1]), j
    if c == ".":
        return frozenset({_ANY}), i + 1
    if c in ")|*+?{":
        return None, i + 1
    return frozenset({c}), i + 1


def _concat(left: frozenset[str], right: frozenset[str]) -> frozenset[str]:
    """The heads of ``left`` followed by ``right`` (a head already _HEAD long stays as it is)."""
    out = {a for a in left if len(a) >= _HEAD}
    out.update((a + b)[:_HEAD] for a in left if len(a) < _HEAD for b in right)
    return frozenset(out)


def _repeat(element: frozenset[str], lo: int, hi: int) -> frozenset[str]:
    """The heads of ``element`` repeated ``lo`` to ``hi`` times (repeats past _HEAD add nothing)."""
    out: set[str] = set()
    for count in range(min(lo, _HEAD), min(hi, _HEAD) + 1):
        rep = _EMPTY
        for _ in range(count):
            rep = _concat(rep, element)
        out |= rep
    return frozenset(out)


@functools.cache
def _heads(pattern: str) -> frozenset[str] | None:
    """The first ``_HEAD`` characters of every string ``pattern`` matches (all of it when shorter).

    Stand-ins (``_ANY``, ``_DIGIT`` ...) take the place of characters the pattern does not pin
    down; None when the syntax is beyond this small reading (inline flags, conditionals ...).

    >>> sorted(_heads(r"(?:back|return) to top|ads?|x"))
    ['ad', 'ads', 'bac', 'ret', 'x']
    >>> _heads(r"\\d+ min") == {_DIGIT + " m", _DIGIT * 2 + " ", _DIGIT * 3}
    True
    >>> _heads(r"(?i)share") is None
    True
    """
    out: set[str] = set()
    for alt in _alternatives(pattern):
        acc = _EMPTY
        i = 0
        while i < len(alt) and any(len(a) < _HEAD for a in acc):
            element, j = _element(alt, i)
            if element is None:
                return None
            q = QUANTIFIER.match(alt, j)
            if q is not None:
                if q[1]:
                    lo, hi = (1 if q[1] == "+" else 0), (1 if q[1] == "?" else _HEAD)
                else:
                    lo = int(q[2] or 0)
                    hi = lo if not q[3] else (int(q[4]) if q[4] else _HEAD)
                element, j = _repeat(element, lo, hi), q.end()
            acc = _concat(acc, element)
            if len(acc) > _MAX_HEADS:
                return None
            i = j
        out |= acc
    return frozenset(out)


@functools.cache
def _stand_ins(c: str) -> tuple[str, ...]:
    """What in a head can stand for the character ``c``: itself, or a stand-in that fits it."""
    return (
        c,
        _ANY,
        *((_DIGIT,) if c.isdecimal() else ()),
        *((_SPACE,) if c.isspace() else ()),
        *((_WORD,) if c.isalnum() or c == "_" else ()),
    )


def _forms(head: str, prefixes: frozenset[str] | None = None) -> list[str]:
    """The ways a head in ``_heads`` can stand for ``head``: its characters or fitting stand-ins.

    ``prefixes``: when given, only forms that begin one of these (the beginnings of known heads).
    """
    forms = [""]
    for c in head:
        forms = [f + s for f in forms for s in _stand_ins(c) if prefixes is None or f + s in prefixes]
    return forms


def _may_begin(heads: frozenset[str] | None, head: str) -> bool:
    """True when a string beginning with ``head`` (its whole text when shorter) may fit ``heads``."""
    return heads is None or not heads.isdisjoint(_forms(head))


class _HeadIndex(NamedTuple):
    by_head: dict[str, tuple[int, ...]]  # a head -> the alternatives that have it
    prefixes: frozenset[str]  # every beginning of every head
    unread: tuple[int, ...]  # the alternatives without heads


@functools.cache
def _head_index(table: str) -> _HeadIndex:
    """The ``table`` alternatives indexed by their heads."""
    alts = furniture().line if table == "line" else furniture().credit
    by_head: dict[str, list[int]] = {}
    for i, (_, _, heads) in enumerate(alts):
        for h in heads or ():
            by_head.setdefault(h, []).append(i)
    return _HeadIndex(
        {h: tuple(v) for h, v in by_head.items()},
        frozenset(h[:k] for h in by_head for k in range(len(h) + 1)),
        tuple(i for i, (_, _, heads) in enumerate(alts) if heads is None),
    )


@functools.lru_cache(maxsize=4096)
def _dispatch(table: str, head: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The ``table`` ("line" or "credit") alternatives that can begin with ``head``, each with
    texts of which every string it matches holds one (``needed_texts``).

    ``head``: the first ``_HEAD`` characters of the lowercased line. The alternatives are found
    by walking the beginnings of their heads, so a page of many different lines stays cheap.
    """
    alts = furniture().line if table == "line" else furniture().credit
    index = _head_index(table)
    found = set(index.unread)
    for form in _forms(head, index.prefixes):
        found.update(index.by_head.get(form, ()))
    first = head[:1]
    chosen = []
    for i in sorted(found):
        alternative, lead, _ = alts[i]
        if lead is None or first in lead:
            chosen.append((alternative, needed_texts(alternative, _MAX_ANY)))
    return tuple(chosen)


_MAX_ANY = 4  # more texts to look for cost more than the match they would spare
_MAX_TEXTS = 24  # the texts a floating pattern's line is checked for (a few lines a page hold a need)


@functools.cache
def _floating_pattern(source: str) -> re.Pattern[str]:
    return compile_stored_re(source)


def _floating_fullmatch(x: _Floating, low: str) -> bool:
    """The floating pattern matches the whole (lowercased) text; tried only when the text holds
    one of the texts that every match holds."""
    texts = needed_texts(x.source, _MAX_TEXTS)
    if texts != ("",) and not holds_any(low, texts):
        return False
    return _floating_pattern(x.source).fullmatch(low) is not None


def _fullmatch(table: str, low: str) -> bool:
    """Some ``table`` alternative matches the whole lowercased text; only the alternatives its
    head allows are tried (each compiled on first use), and only when it holds their required text.
    """
    for alternative, needed in _dispatch(table, low[:_HEAD]):
        for text in needed:
            if text in low:
                if _compiled(alternative, 0).fullmatch(low) is not None:
                    return True
                break
    return False


# --------------------------------------------------------------------------- furniture

_HAS_WORD = _lazy(r"[^\W_]")
# spaces after a stop, or a bar between spaces; the same as r"(?<=[.!?*])\s+|\s[·•|]\s", but
# starting with a space lets the search skip ahead to one
_PIECES = _lazy(r"\s(?:(?<=[.!?*]\s)\s*|[·•|]\s)")
_META = _lazy(r"\s[·•|]\s")


def _one_piece(text: str) -> bool:
    """A printable text (no space but " ") without a stop or a bar before a space is one piece of
    ``_PIECES``, known without the search."""
    return text.isprintable() and not (
        ". " in text
        or "! " in text
        or "? " in text
        or "* " in text
        or "·" in text
        or "•" in text
        or "|" in text
    )


def _pieces(text: str) -> list[str]:
    """``_PIECES().split(text)``, without the search for a text of ``_one_piece``."""
    return [text] if _one_piece(text) else _PIECES().split(text)


def _first_piece(text: str) -> str | None:
    """``_pieces(text)[0]`` when the text has more than one piece, else None (one search, no split)."""
    m = None if _one_piece(text) else _PIECES().search(text)
    return None if m is None else text[: m.start()]


CRUMB_SEPARATORS = (" » ", " › ", " > ", " / ", " | ")  # lines are tidied: spaces are single
_CRUMB_STRONG = _lazy(r"\s[»›]\s")
_CRUMB_WEAK = _lazy(r"\s[>/|]\s")


class Needs:
    """What the page holds of the words that some patterns need: a line can hold no other.

    Read on every line: a plain class (native when compiled), never changed after ``__init__``;
    it compares, hashes and prints by its fields.
    """

    __slots__ = ("crumb", "floating", "floating_needs", "markup", "suffix")

    def __init__(
        self,
        floating: tuple[_Floating, ...],
        markup: tuple[str, ...],
        suffix: tuple[str, ...],
        crumb: tuple[str, ...],
        floating_needs: tuple[str, ...],
    ) -> None:
        self.floating = floating
        self.markup = markup
        self.suffix = suffix
        self.crumb = crumb
        self.floating_needs = floating_needs  # every need of ``floating``: a line holds one to try them

    def fields(
        self,
    ) -> tuple[tuple[_Floating, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
        """The fields in their order: floating, markup, suffix, crumb, floating_needs."""
        return self.floating, self.markup, self.suffix, self.crumb, self.floating_needs

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Needs):
            return NotImplemented
        return self.fields() == other.fields()

    def __hash__(self) -> int:
        return hash(self.fields())

    def __repr__(self) -> str:
        return "Needs(floating={!r}, markup={!r}, suffix={!r}, crumb={!r}, floating_needs={!r})".format(
            *self.fields()
        )


def _needs(
    floating: tuple[_Floating, ...], markup: tuple[str, ...], suffix: tuple[str, ...], crumb: tuple[str, ...]
) -> Needs:
    return Needs(floating, markup, suffix, crumb, tuple(sorted({n for x in floating for n in x.needs})))


def page_needs(low: str, *, every_credit_word: bool = False) -> Needs:
    """The floating patterns, markup signs and credit words that occur in the (lowercased) page.

    ``every_credit_word``: as in ``needs_of_page``.
    """
    f, gate = furniture(), _gates()
    held = {n for n in f.needs if gate[n] in low and n in low}
    return _needs(
        tuple(x for x in f.floating if any(n in held for n in x.needs)),
        tuple(n for n in f.markup_needs if n in low),
        f.suffix_needs
        if every_credit_word
        else tuple(n for n in f.suffix_needs if gate[n] in low and n in low),
        tuple(n for n in CRUMB_SEPARATORS if gate[n] in low and n in low),
    )


# The characters beyond ASCII whose lowercase holds an ASCII letter ("\u212a", the Kelvin sign,
# gives "k"). On a page without them, every need (ASCII, or "»" and "›", which no other character
# lowercases to) occurs in ``page.lower()`` exactly where it occurs in the page with only its
# ASCII letters lowercased: what ``bytes.lower`` does to the page's UTF-8, many times faster.
LOWER_TO_ASCII = ("\u0130", "\u212a")


def needs_of_page(page: str, *, every_credit_word: bool = False) -> Needs:
    """``page_needs(page.lower())``, found without lowercasing the whole page.

    ``every_credit_word``: ``suffix`` is every credit word, not looked for in the page. For a page
    without markup the cleaner gives the same result either way: a tidied line then holds a credit
    word only where the page does (tidying only drops spaces between words, or adds them), and a
    line holding none is not searched for a credit.

    >>> needs_of_page("Home » World\\nSHARE on Facebook").crumb
    (' » ',)
    """
    if page.isascii() or any(c in page for c in LOWER_TO_ASCII):
        return page_needs(page.lower(), every_credit_word=every_credit_word)
    low = page.encode("utf-8", "surrogatepass").lower()
    f, enc, gate = furniture(), _encoded_needs(), _encoded_gates()
    held = {n for n in f.needs if gate[n] in low and enc[n] in low}
    return _needs(
        tuple(x for x in f.floating if any(n in held for n in x.needs)),
        tuple(n for n in f.markup_needs if enc[n] in low),
        f.suffix_needs
        if every_credit_word
        else tuple(n for n in f.suffix_needs if gate[n] in low and enc[n] in low),
        tuple(n for n in CRUMB_SEPARATORS if gate[n] in low and enc[n] in low),
    )


_COMMON = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 .")


@functools.cache
def _gates() -> dict[str, str]:
    """For every need of ``page_needs`` longer than one character: its last character that is rare
    in text (not a lowercase ASCII letter, digit, space or full stop), or "" when it has none.

    A page without that character cannot hold the need, and one character is found many times
    faster than a text (" » " -> "»", "(@" -> "@").
    """
    f = furniture()
    gates: dict[str, str] = {}
    for n in (*f.needs, *f.suffix_needs, *CRUMB_SEPARATORS):
        rare = [c for c in n if c not in _COMMON]
        gates[n] = rare[-1] if rare and len(n) > 1 else ""
    return gates


@functools.cache
def _encoded_gates() -> dict[str, bytes]:
    """``_gates`` in UTF-8, each the last byte of its character (the byte found in the page's UTF-8)."""
    return {n: c.encode()[-1:] for n, c in _gates().items()}


@functools.cache
def _encoded_needs() -> dict[str, bytes]:
    """Every need of ``page_needs`` in UTF-8."""
    f = furniture()
    return {n: n.encode() for n in (*f.needs, *f.markup_needs, *f.suffix_needs, *CRUMB_SEPARATORS)}


def _floating(low: str, page: Needs) -> tuple[_Floating, ...]:
    """The floating patterns of the page worth trying on a line: those whose needs it holds (usually none)."""
    hit: list[str] = []
    for n in page.floating_needs:
        if n in low:
            hit.append(n)
    if not hit:
        return ()
    out: list[_Floating] = []
    for x in page.floating:
        for n in x.needs:
            if n in hit:
                out.append(x)
                break
    return tuple(out)


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
    for x in floating:
        if not x.markup and _floating_fullmatch(x, low):
            return True
    return len(piece) <= furniture().credit_max and _fullmatch("credit", low)


def is_furniture(line: str, needs: Needs | None = None) -> bool:
    """True when the whole line (or each of its sentences) is site furniture.

    ``needs`` narrows the patterns tried to those the page can match (all, when not given).

    >>> is_furniture("Share this article"), is_furniture("Share prices fell.")
    (True, False)
    """
    low, stripped, stripped_low = _readings(line)
    return _is_furniture(line, needs or page_needs(low), low, stripped, stripped_low, quoted(line))


def _readings(line: str) -> tuple[str, str, str]:
    """The line lowercased, ``bare``, and that lowercased (the first again where ``bare`` kept it)."""
    low = line.lower()
    stripped = bare(line)
    return low, stripped, low if stripped is line else stripped.lower()


def _is_furniture(
    line: str, needs: Needs, low: str, stripped: str, stripped_low: str, is_quoted: bool
) -> bool:
    """``is_furniture`` of a line the caller has read: lowercased, ``bare`` (and that lowercased),
    and whether it is ``quoted``."""
    f = furniture()
    floating = _floating(low, needs)
    if not line[:1].isalnum() and not _HAS_WORD().search(line):  # a word's character first: no search
        return True
    for x in floating:
        if x.markup and _floating_fullmatch(x, low):
            return True
    if needs.markup and holds_any(low, needs.markup) and f.markup.fullmatch(low):
        return True
    if len(line) > f.max_line or is_quoted:
        return False
    if not stripped or _matches(stripped, floating, stripped_low):
        return True
    if len(stripped) > f.max_line // 2:
        return False
    first = _first_piece(stripped)
    if first is None:
        return False
    if " | " in stripped or " · " in stripped or " • " in stripped:
        return _meta_line(_META().split(stripped), floating)
    # the first piece decides most lines: the rest are split only when it is furniture
    return _matches(first, floating) and all(_matches(p, floating) for p in _pieces(stripped)[1:])


def line_mark(line: str, needs: Needs) -> str | None:
    """What the cleaner keeps of a line (not a breadcrumb): None for a line of content, "" for
    furniture dropped, or the marker furniture leaves: "list" (a header over a list of links),
    "credit" (a photo credit) or "comments" (the header of the readers' comments).

    The line is read (lowercased, ``bare``, ``quoted``) once for all of ``is_list_header``,
    ``is_furniture``, the credit patterns and ``is_comment_header``.

    >>> page = needs_of_page("Most read\\nPhoto: Reuters\\nShare this\\nMinsk votes.")
    >>> [line_mark(x, page) for x in ("Most read", "Photo: Reuters", "Share this", "Minsk votes.")]
    ['list', 'credit', '', None]
    """
    low, stripped, stripped_low = _readings(line)
    if _list_header(line, stripped_low):
        return "list"
    is_quoted = quoted(line)
    if _is_furniture(line, needs, low, stripped, stripped_low, is_quoted):
        if len(line) <= furniture().credit_max and not is_quoted and _fullmatch("credit", stripped_low):
            return "credit"  # a photo credit: it marks the line before it as a caption
        return "comments" if _comment_header(line, stripped_low) else ""
    return "comments" if is_quoted and _comment_header(line, stripped_low) else None


def _meta_line(pieces: list[str], floating: tuple[_Floating, ...]) -> bool:
    """Short labels between bars, one of them furniture: "Politics | 3 March 2023 | 2 Comments"."""
    if all(len(p.split()) <= 5 and p[-1:] not in ".!?" for p in pieces):
        return any(_matches(p, floating) for p in pieces)
    return all(_matches(p, floating) for p in _pieces(" | ".join(pieces)))


def is_list_header(line: str) -> bool:
    """A header over a list of links to other stories ("Most read", "RELATED STORIES").

    >>> is_list_header("Most read"), is_list_header("Most readers agreed.")
    (True, False)
    """
    return _list_header(line, bare(line).lower())


def _list_header(line: str, stripped_low: str) -> bool:
    return len(line) <= 60 and furniture().list_header.fullmatch(stripped_low) is not None


def is_comment_header(line: str) -> bool:
    """A header that opens the readers' comments: what follows it is not the article.

    >>> is_comment_header("3 thoughts on “Minsk votes”"), is_comment_header("Comments by the minister")
    (True, False)
    """
    return _comment_header(line, bare(line).lower())


def _comment_header(line: str, stripped_low: str) -> bool:
    return len(line) <= 250 and furniture().comment_header.fullmatch(stripped_low) is not None


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
    return all(tail.fullmatch(p) or _matches(p, ()) for p in _pieces(bare(line)))


def crumb_tail(line: str, separators: tuple[str, ...] = CRUMB_SEPARATORS) -> str | None:
    """The last part of a breadcrumb line ("Home » World » Title"), or None if it is not one.

    ``separators``: those of CRUMB_SEPARATORS that the page holds.
    """
    if not separators or "«" in line or not holds_any(line, separators):
        return None
    parts = _CRUMB_STRONG().split(line)
    if len(parts) < 2:
        parts = _CRUMB_WEAK().split(line)
        if len(parts) < 3 or any(len(p.split()) > 3 for p in parts[:-1]):
            return None
    if any(len(p.split()) > 5 or not p for p in parts[:-1]):
        return None
    return parts[-1].strip()
