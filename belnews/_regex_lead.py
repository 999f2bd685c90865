"""The characters a regular expression's match can start with, read from the pattern's text.

A line is tried only against the patterns that can start with its first character. This is a
small reading of the syntax: literals, classes, groups, optional parts and lookarounds;
anything else may start with any character (None).

>>> sorted(first_chars(r"(?:main )?menu|\\(?search"))
['(', 'm', 's']
>>> first_chars(r".{1,60}x") is None
True
"""

from __future__ import annotations

import re

__all__ = ["alternatives", "first_chars", "group_end"]


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
