"""Raw page text -> title, dateline, paragraphs and sentences of the cleaned body.

The cleaner reads what a scraper gives (or HTML pasted as text) line by line:

1. characters are normalised: line endings, no-break and other odd spaces, zero-width and
   control characters; HTML markup, if any, becomes plain lines;
2. spacing is repaired without changing a word ("Belarus,as" -> "Belarus, as");
3. site furniture (page chrome, share and comment prompts, donation pleas, bylines, photo
   credits, stray markup) is dropped by the patterns of ``data/furniture.json``;
4. the first remaining line is the title, unless it cannot be one; breadcrumbs are dropped;
5. photo captions are dropped: a line closing with a credit, or describing a picture with a
   position marker ("(right)"), or followed by a credit line;
6. the rest becomes paragraphs (body, heading, interview turn), the dateline is taken off
   the first one, and sentences are split without breaking at abbreviations.

The patterns of the hot path use the standard ``re`` module, which is faster here; the
dateline (read once per article) uses ``regex`` for its Unicode letter classes.

>>> doc = clean_article("Home » World » Minsk votes\\nMinsk votes\\n"
...                     "MINSK (Reuters) - Polls opened.It was calm.\\nShare this article")
>>> doc.title, doc.dateline, doc.text
('Minsk votes', 'MINSK', 'Polls opened. It was calm.')
>>> [doc.text[s.start : s.end] for s in doc.sentences]
['Polls opened.', 'It was calm.']
"""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Callable, Iterator
from importlib import resources
from typing import Any, NamedTuple

import attrs
import regex

from belnews.model import Paragraph, ParagraphKind, Span

__all__ = ["Cleaned", "clean_article"]


@attrs.frozen
class Cleaned:
    """The cleaned article: what every later stage reads. All spans point into ``text``."""

    text: str
    title: str | None = None
    dateline: str | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    sentences: tuple[Span, ...] = ()


# --------------------------------------------------------------------------- data tables


def _lazy(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A pattern compiled on first use, so that importing belnews stays cheap."""
    return functools.cache(lambda: re.compile(pattern, flags))


def _lazy_regex(pattern: str, flags: int = 0) -> Callable[[], regex.Pattern[str]]:
    return functools.cache(lambda: regex.compile(pattern, flags))


def _load(name: str) -> Any:
    path = resources.files("belnews").joinpath("data").joinpath(name)
    return json.loads(path.read_text(encoding="utf-8"))


def _expand(pattern: str, defs: dict[str, str]) -> str:
    for _ in range(4):  # definitions may use definitions
        pattern = re.sub(r"\{([A-Z]+)\}", lambda m: defs.get(m[1], m[0]), pattern)
    return pattern


# The line patterns are many; a line is tried only against those that can start with its first
# character, which is worked out from each pattern's own text (a small reading of its syntax:
# literals, classes, groups, optional parts and lookarounds; anything else may start with any).


def _scan(pattern: str, i: int) -> int:
    """The index after the group or class that opens at ``pattern[i]``."""
    depth, in_class = 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if in_class:
            in_class = c != "]"
            if not in_class and depth == 0:
                return i + 1
        elif c == "[":
            in_class = True
            if pattern[i + 1 : i + 2] == "]":
                i += 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return i


def _alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression."""
    out: list[str] = []
    start = i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
        elif c in "([":
            i = _scan(pattern, i)
        elif c == "|":
            out.append(pattern[start:i])
            start = i = i + 1
        else:
            i += 1
    out.append(pattern[start:])
    return out


_CLASS_ESCAPES: dict[str, frozenset[str]] = {"d": frozenset("0123456789"), "s": frozenset(" \t\n\r\f\v")}
_QUANT = re.compile(r"(?:[?*+]|\{(\d*)(?:,\d*)?\})\??")


def _class_chars(body: str) -> frozenset[str] | None:
    if body.startswith("^"):
        return None
    chars: set[str] = set()
    i = 0
    while i < len(body):
        c = body[i]
        if c == "\\":
            e = body[i + 1 : i + 2]
            if e.isalnum():
                if e not in _CLASS_ESCAPES:
                    return None
                chars |= _CLASS_ESCAPES[e]
            else:
                chars.add(e)
            i += 2
            continue
        if body[i + 1 : i + 2] == "-" and i + 2 < len(body):
            lo, hi = ord(c), ord(body[i + 2])
            if hi - lo > 128:
                return None
            chars.update(map(chr, range(lo, hi + 1)))
            i += 3
            continue
        chars.add(c)
        i += 1
    return frozenset(chars)


def _first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can start with; None when that could be any."""
    chars: set[str] = set()
    for alt in _alternatives(pattern):
        lead = _lead(alt)
        if lead is None:
            return None
        chars |= lead
    return frozenset(chars)


def _lead(alt: str) -> frozenset[str] | None:
    """The characters the alternative ``alt`` can start with (None: any)."""
    chars: set[str] = set()
    i = 0
    while i < len(alt):
        c = alt[i]
        j = i + 1
        if c == "^":
            i = j
            continue
        if c == "\\":
            e = alt[i + 1 : i + 2]
            j = i + 2
            if e in ("b", "B", "A"):
                i = j
                continue
            first = _CLASS_ESCAPES.get(e) if e.isalnum() else frozenset(e)
        elif c == "(":
            j = _scan(alt, i)
            inner = alt[i + 1 : j - 1]
            if inner.startswith(("?=", "?!", "?<=", "?<!")):
                i = j  # a lookaround matches nothing: what follows leads
                continue
            if inner.startswith("?:"):
                first = _first_chars(inner[2:])
            elif inner.startswith("?"):
                return None
            else:
                first = _first_chars(inner)
        elif c == "[":
            j = _scan(alt, i)
            first = _class_chars(alt[i + 1 : j - 1])
        elif c in ".$*+?{)|":
            return None
        else:
            first = frozenset(c)
        if first is None:
            return None
        chars |= first
        q = _QUANT.match(alt, j)
        if q is None or not (q[0][0] in "?*" or (q[0][0] == "{" and q[1] in ("", "0"))):
            return frozenset(chars)
        i = q.end()
    return None


_Alternatives = tuple[tuple[str, "frozenset[str] | None"], ...]


class _Floating(NamedTuple):
    needs: tuple[str, ...]
    pattern: re.Pattern[str]
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
    suffix_window: int
    position: re.Pattern[str]
    needs: tuple[str, ...]  # any of the floating patterns' needs
    max_line: int
    credit_max: int


@functools.cache
def _furniture() -> _Furniture:
    data = _load("furniture.json")
    defs: dict[str, str] = data["defs"]

    def union(patterns: list[str], flags: int = 0) -> re.Pattern[str]:
        return re.compile("|".join(f"(?:{_expand(p, defs)})" for p in patterns), flags)

    def alternatives(patterns: list[str]) -> _Alternatives:
        alts = [a for p in patterns for a in _alternatives(_expand(p, defs))]
        return tuple((a, _first_chars(a)) for a in alts)

    floating = tuple(
        _Floating(tuple(f["needs"]), union([f["pattern"]]), bool(f.get("markup"))) for f in data["floating"]
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
        suffix_window=int(data["suffix_window"]),
        position=union([data["position_marker"]]),
        needs=tuple(sorted({n for f in floating for n in f.needs})),
        max_line=int(data["max_line"]),
        credit_max=int(data["credit_max"]),
    )


@functools.lru_cache(maxsize=1024)
def _dispatch(table: str, first: str) -> re.Pattern[str] | None:
    """One pattern of the ``table`` ("line" or "credit") alternatives that can start with ``first``."""
    alts = _furniture().line if table == "line" else _furniture().credit
    chosen = [a for a, lead in alts if lead is None or first in lead]
    return re.compile("|".join(f"(?:{a})" for a in chosen)) if chosen else None


def _fullmatch(table: str, low: str) -> bool:
    pattern = _dispatch(table, low[:1])
    return pattern is not None and pattern.fullmatch(low) is not None


class _Rules(NamedTuple):
    abbreviations: frozenset[str]
    before_number: frozenset[str]
    titles: frozenset[str]
    domain_endings: frozenset[str]
    not_places: frozenset[str]
    regions: frozenset[str]


@functools.cache
def _rules() -> _Rules:
    sentences, spacing, datelines = (_load(f"clean_{n}.json") for n in ("sentences", "spacing", "datelines"))
    return _Rules(
        abbreviations=frozenset(sentences["abbreviations"]),
        before_number=frozenset(sentences["before_number"]),
        titles=frozenset(spacing["titles"]),
        domain_endings=frozenset(spacing["domain_endings"]),
        not_places=frozenset(datelines["not_places"]),
        regions=frozenset(datelines["regions"]),
    )


# --------------------------------------------------------------------------- characters

_ODD_SPACE = _lazy("[\t\u00a0\u1680\u180e\u2000-\u200a\u202f\u205f\u3000]")
_ODD_NEWLINE = _lazy("\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_INVISIBLE = _lazy("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\u00ad\u200b-\u200f\u2060-\u2064\ufeff]")

_HTML_HINT = _lazy(
    r"<(?:p|div|br|span|a|h[1-6]|li|ul|ol|html|body|article|section|figure|figcaption|img|script|style"
    r"|strong|em|b|i|table|tr|td|blockquote|header|footer|nav|aside|meta|link|iframe|noscript)\b|<!--",
    re.IGNORECASE,
)
_HTML_DROP = _lazy(
    r"<(script|style|noscript|figcaption|nav|footer|aside|iframe|svg|head|form|button|select)\b|<!--",
    re.IGNORECASE,
)
_HTML_HEADING = _lazy(r"<h[2-6]\b[^<>]{0,2000}>", re.IGNORECASE)
_HTML_BLOCK = _lazy(
    r"</?(?:p|div|br|h[1-6]|li|ul|ol|tr|table|section|article|header|blockquote|figure|main|hr)\b[^<>]{0,2000}>",
    re.IGNORECASE,
)
_HTML_TAG = _lazy(r"</?[A-Za-z][^<>]{0,2000}>")


@functools.cache
def _html_closer(name: str) -> re.Pattern[str]:
    return re.compile("-->" if name == "!--" else rf"</{name}\s*>", re.IGNORECASE)


def _drop_html_blocks(text: str) -> str:
    """Cut script, style, caption and navigation elements (and comments) out, in one pass."""
    out: list[str] = []
    pos = 0
    while (m := _HTML_DROP().search(text, pos)) is not None:
        out.append(text[pos : m.start()])
        close = _html_closer((m[1] or "!--").lower()).search(text, m.end())
        if close is None:
            return "".join(out)
        pos = close.end()
        out.append("\n")
    out.append(text[pos:])
    return "".join(out)


def _normalize(raw: str) -> str:
    """One line per paragraph-ish unit, odd spaces made plain, invisible characters gone."""
    text = _ODD_NEWLINE().sub("\n", raw)
    if _HTML_HINT().search(text):
        text = _drop_html_blocks(text)
        text = _HTML_HEADING().sub("\n\n## ", text)
        text = _HTML_TAG().sub("", _HTML_BLOCK().sub("\n\n", text))
        text = _ODD_NEWLINE().sub("\n", html.unescape(text))
    return _ODD_SPACE().sub(" ", _INVISIBLE().sub("", text))


_IMAGE_MD = _lazy(r"!\[[^\]\n]{0,300}\]\([^)\n]{0,1000}\)")
_LINK_MD = _lazy(r"\[([^\]\n]{1,300})\]\((?:https?://|/|www\.)[^)\s]{0,1000}\)")
_STRAY_TAG = _lazy(r"</?[A-Za-z][\w-]{0,20}(?:\s[^<>]{0,400})?/?>")
_LETTERS = _lazy(r"[^\W\d_]+")
_JOINED = _lazy(r"[,.!?]”?(?=[^\W\d_])")


def _repair_spacing(line: str) -> str:
    """Put back a space lost after a comma or a stop between two words; change no word.

    >>> _repair_spacing("Belarus,as Dr.Petrova said.He left rferl.org on Aug. 9 with 30,000 U.S. dollars")
    'Belarus, as Dr. Petrova said. He left rferl.org on Aug. 9 with 30,000 U.S. dollars'
    """
    rules = _rules()
    out: list[str] = []
    pos = 0
    for m in _JOINED().finditer(line):
        i, j = m.start(), m.end()
        before = line[i - 2 : i] if i >= 2 else ""
        if m[0] == ",":
            add = i > 0 and line[i - 1].isalpha()
        elif m[0].endswith("”"):
            add = line[j].isupper()
        elif m[0] == "." and line[j].isupper() and _word_before(line, i) in rules.titles:
            add = True
        else:
            nxt = _LETTERS().match(line, j)
            word = nxt[0] if nxt else ""
            add = (
                len(before) == 2
                and before.isalpha()
                and before.islower()
                and word[:1].isupper()
                and word[1:2].islower()
                and (m[0] != "." or word.lower() not in rules.domain_endings)
            )
        if add:
            out.append(line[pos:j])
            out.append(" ")
            pos = j
    out.append(line[pos:])
    return "".join(out)


def _word_before(line: str, end: int) -> str:
    start = end
    while start > 0 and end - start < 8 and line[start - 1].isalpha():
        start -= 1
    return line[start:end]


def _tidy_line(line: str) -> str:
    line = " ".join(line.split())
    if "](" in line:
        line = _LINK_MD().sub(r"\1", _IMAGE_MD().sub("", line))
    if "<" in line:
        line = " ".join(_STRAY_TAG().sub("", line).split())
    return _repair_spacing(line)


# --------------------------------------------------------------------------- furniture

_HAS_WORD = _lazy(r"[^\W_]")
_PIECES = _lazy(r"(?<=[.!?*])\s+|\s[·•|]\s")
_BULLET = _lazy(r"^(?:[-*•·–—>#]+\s?)+|\*\*")
_TERMINAL = ".!?…;:,\"”’'»)]"
_QUOTE_MARK = _lazy("[“”«»„]")
_CRUMB_SEPARATORS = (" » ", " › ", " > ", " / ", " | ")  # lines are tidied: spaces are single
_CRUMB_STRONG = _lazy(r"\s[»›]\s")
_CRUMB_WEAK = _lazy(r"\s[>/|]\s")


def _quoted(line: str) -> bool:
    """The line holds quoted speech, so it is never taken for furniture."""
    return _QUOTE_MARK().search(line) is not None or line.count('"') >= 2


def _bare(line: str) -> str:
    if line[0] in "-*•·–—>#" or "**" in line:
        return _BULLET().sub("", line).strip()
    return line


class _Needs(NamedTuple):
    """What the page holds of the words that some patterns need: a line can hold no other."""

    floating: tuple[_Floating, ...]
    markup: tuple[str, ...]
    suffix: tuple[str, ...]
    crumb: tuple[str, ...]


def _page_needs(low: str) -> _Needs:
    """The floating patterns, markup signs and credit words that occur in the (lowercased) page."""
    f = _furniture()
    return _Needs(
        tuple(x for x in f.floating if any(n in low for n in x.needs)),
        tuple(n for n in f.markup_needs if n in low),
        tuple(n for n in f.suffix_needs if n in low),
        tuple(n for n in _CRUMB_SEPARATORS if n in low),
    )


def _floating(low: str, page: tuple[_Floating, ...]) -> tuple[_Floating, ...]:
    """The floating patterns worth trying on a line: those whose needs it holds (usually none)."""
    return tuple(x for x in page if any(n in low for n in x.needs)) if page else ()


def _cased(piece: str) -> bool:
    f = _furniture()
    return (f.cased_first is None or piece[:1] in f.cased_first) and f.cased.fullmatch(piece) is not None


def _matches(piece: str, floating: tuple[_Floating, ...]) -> bool:
    """The piece (a line, or a sentence of one) is furniture; ``floating``: the line's candidates."""
    low = piece.lower()
    if _fullmatch("line", low) or _cased(piece):
        return True
    if any(not x.markup and x.pattern.fullmatch(low) for x in floating):
        return True
    return len(piece) <= _furniture().credit_max and _fullmatch("credit", low)


def _is_furniture(line: str, needs: _Needs | None = None) -> bool:
    """True when the whole line (or each of its sentences) is site furniture.

    ``needs`` narrows the patterns tried to those the page can match (all, when not given).

    >>> _is_furniture("Share this article"), _is_furniture("Share prices fell.")
    (True, False)
    """
    f = _furniture()
    low = line.lower()
    needs = needs or _page_needs(low)
    floating = _floating(low, needs.floating)
    if not _HAS_WORD().search(line) or any(x.markup and x.pattern.fullmatch(low) for x in floating):
        return True
    if any(n in low for n in needs.markup) and f.markup.fullmatch(low):
        return True
    if len(line) > f.max_line or _quoted(line):
        return False
    bare = _bare(line)
    if not bare or _matches(bare, floating):
        return True
    if len(bare) > f.max_line // 2:
        return False
    pieces = _PIECES().split(bare)
    return len(pieces) > 1 and all(_matches(p, floating) for p in pieces)


def _is_list_header(line: str) -> bool:
    """A header over a list of links to other stories ("Most read", "RELATED STORIES").

    >>> _is_list_header("Most read"), _is_list_header("Most readers agreed.")
    (True, False)
    """
    return len(line) <= 60 and _furniture().list_header.fullmatch(_bare(line).lower()) is not None


def _is_credit(line: str) -> bool:
    f = _furniture()
    if len(line) > f.credit_max or _quoted(line):
        return False
    return _fullmatch("credit", _bare(line).lower())


def _crumb_tail(line: str, separators: tuple[str, ...] = _CRUMB_SEPARATORS) -> str | None:
    """The last part of a breadcrumb line ("Home » World » Title"), or None if it is not one.

    ``separators``: those of _CRUMB_SEPARATORS that the page holds.
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


def _title_cased(line: str, *, strict: bool = False) -> bool:
    """Most longer words are capitalised ("Belarus hesitates on Direct Involvement").

    ``strict`` leaves the first word out and wants more than half, so that a caption naming
    people and places ("Lukashenka at a meeting in Minsk") is not taken for a subhead.
    """
    words = [w.strip("“”‘’\"'(),.:;!?") for w in line.split()[int(strict) :]]
    long = [w for w in words if len(w) >= 4] or [w for w in words if w]
    upper = 2 * sum(1 for w in long if w[0].isupper())
    return bool(long) and (upper > len(long) if strict else upper >= len(long))


def _credit_suffix(line: str, needs: tuple[str, ...]) -> re.Match[str] | None:
    """A photo credit closing the line ("... in Minsk. Photo: Reuters/Jane Doe").

    ``needs``: the credit words that the page holds.
    """
    f = _furniture()
    start = max(0, len(line) - f.suffix_window)
    window = line[start:].lower()
    if not any(n in window for n in needs):
        return None
    return f.credit_suffix.search(line, start)


def _is_caption(line: str, next_is_credit: bool, suffix: re.Match[str] | None) -> bool:
    if line.count(" ") >= 60:
        return False
    if suffix is not None:
        return True
    open_end = line[-1] not in _TERMINAL
    if "(" in line and _furniture().position.search(line.lower()) and (next_is_credit or open_end):
        return True
    return next_is_credit and open_end and not line.startswith("#") and not _title_cased(line, strict=True)


# --------------------------------------------------------------------------- title and dateline

_TITLE_SITE = _lazy(r"\s\|\s[^|]{1,40}$")
_HEADING_MARK = _lazy(r"^#{1,6}\s*")
_BOLD_LINE = _lazy(r"^\*\*([^*]+)\*\*$")
_LABEL = _lazy(r"^(?:\*\*|__)\s?([^*_:]{1,80}?)\s?(?::\s?(?:\*\*|__)|(?:\*\*|__)\s?:)\s?(.*)$")
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


def _title_like(line: str) -> bool:
    return 0 < len(line) <= 250 and len(line.split()) <= 40 and _LABEL().match(line) is None


def _clean_title(line: str) -> str:
    line = _HEADING_MARK().sub("", line).replace("**", "").strip()
    m = _TITLE_SITE().search(line)
    if m is not None and len(line[: m.start()].split()) >= 3:
        line = line[: m.start()]
    return line.strip()


def _dateline(text: str) -> tuple[str, int] | None:
    """The dateline's place and where the paragraph's text starts after it.

    >>> _dateline("KYIV, Ukraine — Sirens sounded.")
    ('KYIV', 16)
    """
    m = _DATELINE().match(text[:120])
    if m is None:
        return None
    place = m["place"]
    rules = _rules()
    if place.upper() in rules.not_places or place.rstrip(".") in rules.not_places:
        return None
    if not place.isupper() and m["agency"] is None and m["region"] not in rules.regions:
        return None
    if m["sep"].strip() == ":" and not place.isupper():
        return None
    if len(place.replace(".", "")) < 3 and m["agency"] is None and m["region"] is None:
        return None
    first = text[m.end() : m.end() + 2].lstrip("“‘\"'«(")[:1]
    if not (first.isupper() or first.isdigit()):  # a dateline opens a sentence
        return None
    return place, m.end()


def _fold(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


# --------------------------------------------------------------------------- sentences

_STOP = _lazy(r"([.!?…]+[”’\"'»)\]]*)(\s+)[“‘\"'«(\[]?")
_INITIALISM = _lazy(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")


def _ends_sentence(text: str, m: re.Match[str]) -> bool:
    nxt = text[m.end() : m.end() + 1]
    if not (nxt.isupper() or nxt.isdigit()):
        return False
    if text[m.start()] != "." or text[m.start() + 1 : m.start() + 2] in ".…":
        return True
    start = max(text.rfind(" ", max(0, m.start() - 40), m.start()) + 1, m.start() - 40)
    token = text[start : m.start()].lstrip("“‘\"'«([")
    rules = _rules()
    if token in rules.abbreviations or (len(token) == 1 and token.isupper()):
        return False
    if token in rules.before_number:
        return not nxt.isdigit()
    return _INITIALISM().fullmatch(token) is None


def _sentence_spans(text: str, offset: int) -> Iterator[Span]:
    """The sentences of one paragraph as spans shifted by ``offset``; never empty."""
    pos = 0
    for m in _STOP().finditer(text):
        if _ends_sentence(text, m):
            yield Span(offset + pos, offset + m.end(1))
            pos = m.end(2)
    if pos < len(text.rstrip()):
        yield Span(offset + pos, offset + len(text.rstrip()))


# --------------------------------------------------------------------------- assembly


class _Line(NamedTuple):
    text: str  # "" for a marker: a credit line (it marks the caption before it) or a list header
    number: int  # its line number in the normalised input
    mark: str = ""  # "credit" or "list" for a marker


_LIST_NUMBER = _lazy(r"^(?:[-*•·–—]\s?|(\d{1,2})[.)]\s)")


def _list_item(line: str) -> tuple[str, int | None] | None:
    """A line shaped like a linked headline of a list ("1. Why Georgia votes"): its text and number.

    >>> _list_item("2. Ten things to know about the vote"), _list_item("1. The first condition is freedom.")
    (('Ten things to know about the vote', 2), None)
    """
    m = _LIST_NUMBER().match(line)
    text = line[m.end() :].strip() if m else line
    if not text or len(text) > 160 or text[-1] in ".;:,!" or text.startswith(("#", "**")):
        return None
    if len(text.split()) > 20 or not (text[0].isupper() or text[0].isdigit() or text[0] in "“\"'‘«"):
        return None
    return text, (int(m[1]) if m and m[1] else None)


def _numbered_tail(lines: list[_Line]) -> int:
    """How many lines close the page as a numbered list of headlines ("1. ...", "2. ..."), or 0.

    A list that a sentence introduces ("They demand:") is the article's own.
    """
    numbers: list[int] = []
    for line in reversed(lines):
        item = _list_item(line.text)
        if item is None or item[1] is None:
            break
        numbers.append(item[1])
    numbers.reverse()
    if len(numbers) < 2 or numbers != list(range(1, len(numbers) + 1)):
        return 0
    if len(numbers) < len(lines) and lines[-len(numbers) - 1].text.endswith(":"):
        return 0
    return len(numbers)


def _content_lines(text: str, needs: _Needs) -> tuple[list[_Line], str | None]:
    """Lines that are not furniture (credit lines as empty markers), and the breadcrumb's tail."""
    lines: list[_Line] = []
    crumb: str | None = None
    for i, raw in enumerate(text.split("\n")):
        line = _tidy_line(raw)
        if not line:
            continue
        tail = _crumb_tail(line, needs.crumb)
        if tail is not None:
            crumb = crumb or tail
        elif _is_list_header(line):
            lines.append(_Line("", i, "list"))
        elif not _is_furniture(line, needs):
            lines.append(_Line(line, i))
        elif _is_credit(line):
            lines.append(_Line("", i, "credit"))
    return lines, crumb


def _body_lines(text: str) -> tuple[str | None, list[_Line]]:
    """The title and the content lines of the normalised text, furniture and captions dropped."""
    needs = _page_needs(text.lower())
    lines, crumb = _content_lines(text, needs)
    first = next((j for j, line in enumerate(lines) if line.text), len(lines))
    if _is_kicker(lines, first):
        first += 1
    title: str | None = None
    if first < len(lines) and _title_like(lines[first].text) and _dateline(lines[first].text) is None:
        title = _clean_title(lines[first].text)
        first += 1
    elif crumb is not None and len(crumb.split()) >= 3:
        title = crumb
    key = _fold(title) if title else ""
    body: list[_Line] = []
    in_list = False  # inside a list of linked headlines under a header such as "Most read"
    for j in range(first, len(lines)):
        line = lines[j].text
        in_list = lines[j].mark == "list" or (in_list and (not line or _list_item(line) is not None))
        if not line or in_list or (key and abs(len(line) - len(title or "")) < 12 and _fold(line) == key):
            continue
        next_is_credit = j + 1 < len(lines) and lines[j + 1].mark == "credit"
        suffix = _credit_suffix(line, needs.suffix)
        if _is_caption(line, next_is_credit, suffix):
            continue
        # a paragraph too long for a caption keeps its text without the credit
        body.append(_Line(line if suffix is None else line[: suffix.start()].rstrip(), lines[j].number))
    return title, _join_wrapped(body[: len(body) - _numbered_tail(body)])


def _is_kicker(lines: list[_Line], first: int) -> bool:
    """A section label above the headline ("Europe", "EXCLUSIVE") rather than the headline."""
    if first + 1 >= len(lines) or len(lines[first].text.split()) > 2 or not lines[first + 1].text:
        return False
    headline = lines[first + 1].text
    if headline[-1] in _TERMINAL or _STOP().search(headline) is not None:
        return False  # a sentence of the body, not a headline
    return len(headline.split()) >= 5 and _title_like(headline)


def _join_wrapped(lines: list[_Line]) -> list[_Line]:
    """Join a hard-wrapped line to the one it continues (no gap, no final stop, lowercase next)."""
    out: list[_Line] = []
    for line in lines:
        if out and line.number == out[-1].number + 1 and line.text:
            prev = out[-1].text
            if prev[-1] not in _TERMINAL and line.text[0].islower() and not prev.startswith(("#", "**")):
                out[-1] = _Line(f"{prev} {line.text}", line.number)
                continue
        if line.text:
            out.append(line)
    return out


_Part = tuple[str, ParagraphKind, "str | None"]


def _paragraphs(lines: list[_Line]) -> list[_Part]:
    """Each line as a paragraph with its kind; interview turns carry their speaker."""
    out: list[_Part] = []
    speaker: str | None = None
    pending: str | None = None  # a bare interview label waiting for its text
    for n, item in enumerate(lines):
        line = item.text
        label = _LABEL().match(line) if line.startswith(("**", "__")) else None
        if label is not None and label[1][:1].isupper() and len(label[1].split()) <= 8:
            if pending is not None:
                out.append((f"{pending}:", ParagraphKind.INTERVIEW, pending))
            speaker = " ".join(label[1].split())
            rest = label[2].replace("**", "").strip()
            pending = None if rest else speaker
            if rest:
                out.append((f"{speaker}: {rest}", ParagraphKind.INTERVIEW, speaker))
            continue
        heading = _heading(line, last=n == len(lines) - 1, in_turn=speaker is not None)
        if heading is not None:
            if pending is not None:
                out.append((f"{pending}:", ParagraphKind.INTERVIEW, pending))
                pending = None
            out.append((heading, ParagraphKind.HEADING, None))
            speaker = None
            continue
        line = line.replace("**", "").strip()
        if not line:
            continue
        if pending is not None:
            out.append((f"{pending}: {line}", ParagraphKind.INTERVIEW, pending))
            pending = None
        elif speaker is not None:
            out.append((line, ParagraphKind.INTERVIEW, speaker))
        else:
            out.append((line, ParagraphKind.BODY, None))
    if pending is not None:
        out.append((f"{pending}:", ParagraphKind.INTERVIEW, pending))
    return out


def _heading(line: str, *, last: bool, in_turn: bool) -> str | None:
    """The subhead's text when ``line`` is a subhead, else None."""
    if line.startswith("#"):
        return _HEADING_MARK().sub("", line).replace("**", "").strip() or None
    bold = _BOLD_LINE().match(line)
    if bold is not None and bold[1].strip()[-1:] not in _TERMINAL and len(bold[1].split()) <= 20:
        return bold[1].strip()
    if last or in_turn or line[-1] in _TERMINAL or _quoted(line) or "**" in line:
        return None
    if not (line[0].isupper() or line[0].isdigit()) or len(line.split()) > 14:
        return None
    return line if _title_cased(line) else None


def clean_article(raw: str) -> Cleaned:
    """Clean raw article text: title, dateline, body paragraphs and sentences, no furniture.

    Args:
        raw: the page text, headline first (HTML pasted as text is read too).

    Returns:
        The cleaned article. ``text`` joins the paragraphs with a blank line; every
        paragraph and sentence span points into it. Input that holds no article (only
        furniture, or a headline alone) gives ``text == ""`` and no paragraphs.

    >>> doc = clean_article("Protests in Minsk\\n\\nSkip to content\\n\\n"
    ...                     "**Q:** Why march?\\n\\n**Dr.Petrova:** Because,as she said, it works.")
    >>> doc.title
    'Protests in Minsk'
    >>> for p in doc.paragraphs:
    ...     print(p.kind.value, p.speaker, p.text, sep=" | ")
    interview | Q | Q: Why march?
    interview | Dr. Petrova | Dr. Petrova: Because, as she said, it works.
    >>> clean_article("Share this article\\nLeave a Reply")
    Cleaned(text='', title=None, dateline=None, paragraphs=(), sentences=())
    """
    title, lines = _body_lines(_normalize(raw))
    parts = _paragraphs(lines)
    dateline: str | None = None
    if parts and parts[0][1] is ParagraphKind.BODY:
        found = _dateline(parts[0][0])
        if found is not None:
            dateline = found[0]
            rest = parts[0][0][found[1] :].strip()
            parts = [(rest, ParagraphKind.BODY, None), *parts[1:]] if rest else parts[1:]
    paragraphs: list[Paragraph] = []
    sentences: list[Span] = []
    pos = 0
    for text, kind, speaker in parts:
        span = Span(pos, pos + len(text))
        paragraphs.append(Paragraph(text, span, kind, speaker))
        sentences.extend(_sentence_spans(text, pos))
        pos = span.end + 2
    body = "\n\n".join(p.text for p in paragraphs)
    return Cleaned(body, title or None, dateline, tuple(paragraphs), tuple(sentences))
