"""What a regular expression's matches start with and hold, read from the pattern's text.

A line is tried only against the patterns that can start with its first character
(``first_chars``), and that hold one of the texts every match holds (``needed_texts``). This
is a small reading of the syntax: literals, classes, groups, optional parts and lookarounds;
anything else may start with any character (None) and holds no known text.

>>> sorted(first_chars(r"(?:main )?menu|\\(?search"))
['(', 'm', 's']
>>> first_chars(r".{1,60}x") is None
True
"""

from __future__ import annotations

import functools
import re

from belnews._lazy import lazy as _lazy
from belnews._pattern_cache import compile_stored_re

__all__ = [
    "QUANTIFIER",
    "alternatives",
    "class_chars",
    "first_chars",
    "group_end",
    "matches_by_char",
    "needed_texts",
    "split_by_char",
]


def group_end(pattern: str, i: int) -> int:
    """The index after the group or class that opens at ``pattern[i]``.

    >>> group_end("(?:a|(b))c", 0), group_end("x[)(]y", 1)
    (9, 5)
    """
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


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of a regular expression."""
    out: list[str] = []
    start = i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            i += 2
        elif c in "([":
            i = group_end(pattern, i)
        elif c == "|":
            out.append(pattern[start:i])
            start = i = i + 1
        else:
            i += 1
    out.append(pattern[start:])
    return out


_CLASS_ESCAPES: dict[str, frozenset[str]] = {"d": frozenset("0123456789"), "s": frozenset(" \t\n\r\f\v")}
# a quantifier: the sign, or the least count, the comma and the most count of a {...}
QUANTIFIER = compile_stored_re(r"(?:([?*+])|\{(\d*)(,?)(\d*)\})[?+]?")


def class_chars(body: str) -> frozenset[str] | None:
    """The characters the class ``[body]`` matches: characters, ranges, ``\\d``, ``\\s`` and escaped
    signs; None for a negated class, another escape, or a range wider than 128 characters.

    >>> sorted(class_chars(r"a-c\\-")), class_chars("^a")
    (['-', 'a', 'b', 'c'], None)
    """
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


def first_chars(pattern: str) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can start with; None when that could be any."""
    chars: set[str] = set()
    for alt in alternatives(pattern):
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
            j = group_end(alt, i)
            inner = alt[i + 1 : j - 1]
            if inner.startswith(("?=", "?!", "?<=", "?<!")):
                i = j  # a lookaround matches nothing: what follows leads
                continue
            if inner.startswith("?:"):
                first = first_chars(inner[2:])
            elif inner.startswith("?"):
                return None
            else:
                first = first_chars(inner)
        elif c == "[":
            j = group_end(alt, i)
            first = class_chars(alt[i + 1 : j - 1])
        elif c in ".$*+?{)|":
            return None
        else:
            first = frozenset(c)
        if first is None:
            return None
        chars |= first
        q = QUANTIFIER.match(alt, j)
        if q is None or not (q[1] in ("?", "*") or (q[0][0] == "{" and q[2] in ("", "0"))):
            return frozenset(chars)
        i = q.end()
    return None


@functools.cache
def split_by_char(before: str, chars: str, after: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The pattern ``before + "[chars]" + after`` as one pattern per character of ``chars``.

    ``before`` matches nothing (an opening bracket): a pattern that opens with a literal is
    searched much faster than one that opens with a class.
    """
    return tuple((c, compile_stored_re(before + re.escape(c) + after)) for c in chars)


def matches_by_char(text: str, patterns: tuple[tuple[str, re.Pattern[str]], ...]) -> list[re.Match[str]]:
    """What ``finditer`` of the pattern that ``split_by_char`` split finds in ``text``, in order.

    One search per character ``text`` holds. Exact for a pattern whose match, when it begins
    inside a match, ends where that one ends (or that cannot begin inside one): a match of
    the whole pattern is then the first match of a per-character pattern that starts at or
    after the end of the one before.

    >>> [m[0] for m in matches_by_char("a.b, c!", split_by_char("", ".,!", " ?"))]
    ['.', ', ', '!']
    """
    found: list[re.Match[str]] = []
    for c, pattern in patterns:
        if c in text:
            found.extend(pattern.finditer(text))
    if len(found) < 2:
        return found
    found.sort(key=_start)
    out: list[re.Match[str]] = []
    end = 0
    for m in found:
        if m.start() >= end:
            out.append(m)
            end = m.end()
    return out


def _start(m: re.Match[str]) -> int:
    return m.start()


# inline flags, and escapes that go on past their letter (\x41, \u00a0, \N{...}, \1)
_UNREAD = _lazy(r"\(\?[aiLmsux-]|\\[xuUN0-9]")


def _literal_forms(pattern: str, limit: int) -> list[str] | None:
    """Every string ``pattern`` matches, when it is an alternation of plain texts and groups of
    them (at most ``limit`` strings); None otherwise.

    >>> _literal_forms(r"make a (?:donation|contribution)|give\\.", 4)
    ['make a donation', 'make a contribution', 'give.']
    """
    out: list[str] = []
    for alt in alternatives(pattern):
        forms = [""]
        i = 0
        while i < len(alt):
            c = alt[i]
            if c == "\\":
                e = alt[i + 1 : i + 2]
                if not e or e.isalnum():
                    return None
                piece, j = [e], i + 2
            elif c == "(":
                j = group_end(alt, i)
                inner = alt[i + 1 : j - 1]
                inner = inner[2:] if inner.startswith("?:") else inner
                sub = None if inner.startswith("?") else _literal_forms(inner, limit)
                if sub is None:
                    return None
                piece = sub
            elif c in "[.^$)*+?{":
                return None
            else:
                piece, j = [c], i + 1
            if QUANTIFIER.match(alt, j) is not None:
                return None
            forms = [f + p for f in forms for p in piece]
            if len(forms) > limit:
                return None
            i = j
        out.extend(forms)
        if len(out) > limit:
            return None
    return out


@functools.cache
def needed_texts(pattern: str, limit: int) -> tuple[str, ...]:
    """Texts of which every string ``pattern`` matches holds one (("",) when none are known, or
    when there would be more than ``limit``).

    Runs of plain texts and groups of them are read whole (up to ``limit`` forms): of those an
    alternative holds, the one whose shortest text is longest is taken.

    >>> needed_texts(r"(?=.{0,9}\\b(?:us|you)\\b).{0,9}?(?:support (?:us|our work)|donate now)\\b.*", 4)
    ('support us', 'support our work', 'donate now')
    >>> needed_texts(r"[a-z]+ (?:a|b)?c|dd", 4), needed_texts(r"[a-z]+|d", 4), needed_texts("ads?", 4)
    ((' ', 'dd'), ('',), ('ad',))
    """
    if _UNREAD().search(pattern):
        return ("",)
    whole = _literal_forms(pattern, limit)
    if whole is not None:
        return tuple(dict.fromkeys(whole))
    out: list[str] = []
    for alt in alternatives(pattern):
        texts = _alternative_texts(alt, limit)
        if not all(texts):
            return ("",)
        out.extend(texts)
    found = tuple(dict.fromkeys(out))
    return found if len(found) <= limit else ("",)


def _alternative_texts(alt: str, limit: int) -> tuple[str, ...]:
    """``needed_texts`` of one alternative (no "|" outside its groups)."""
    found: list[tuple[str, ...]] = []
    run = [""]
    i = 0
    while i < len(alt):
        c = alt[i]
        piece: list[str] | None = None
        if c == "\\":
            e = alt[i + 1 : i + 2]
            piece, j = (None if e.isalnum() or not e else [e]), i + 2
        elif c == "(":
            j = group_end(alt, i)
            inner = alt[i + 1 : j - 1]
            if QUANTIFIER.match(alt, j) is None:
                if inner.startswith("?="):  # what a lookahead demands lies in the string too
                    found.append(needed_texts(inner[2:], limit))
                elif not inner.startswith("?") or inner.startswith("?:"):
                    body = inner[2:] if inner.startswith("?:") else inner
                    piece = _literal_forms(body, limit)
                    if piece is None:
                        found.append(needed_texts(body, limit))
        elif c in "[.^$)*+?{":
            j = group_end(alt, i) if c == "[" else i + 1
        else:
            piece, j = [c], i + 1
        q = QUANTIFIER.match(alt, j)
        if q is not None:
            piece, j = None, q.end()  # optional or repeated: not read as text
        longer = None if piece is None else [f + p for f in run for p in piece]
        if longer is None or len(longer) > limit:
            found.append(tuple(run))
            run = [""] if piece is None or len(piece) > limit else piece
        else:
            run = longer
        i = j
    found.append(tuple(run))
    usable = [t for t in found if all(t)]
    return max(usable, key=_text_score, default=("",))


def _text_score(texts: tuple[str, ...]) -> tuple[int, int]:
    return _shortest(texts), -len(set(texts))


def _shortest(texts: tuple[str, ...]) -> int:
    return min(map(len, texts))
