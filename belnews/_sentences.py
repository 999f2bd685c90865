"""Sentences of a paragraph, split at final stops but not after abbreviations or initials.

``data/clean_sentences.json`` lists the abbreviations ("Dr", "Aug") and those that end no
sentence only before a number ("No. 5").

>>> text = "Mr. Smith met Gen. Ivanov on Aug. 9 in the U.S. capital. Talks failed."
>>> [text[s.start : s.end] for s in sentence_spans(text, 0)]
['Mr. Smith met Gen. Ivanov on Aug. 9 in the U.S. capital.', 'Talks failed.']
"""

from __future__ import annotations

import functools
import re

from belnews._data import load_table
from belnews._lazy import lazy as _lazy
from belnews._regex_lead import matches_by_char, split_by_char
from belnews.model import Span

__all__ = ["STOP", "sentence_spans"]


@functools.cache
def _table() -> tuple[frozenset[str], frozenset[str]]:
    """Abbreviations that end no sentence, and those that end none before a number."""
    table = load_table("clean_sentences.json")
    return frozenset(table["abbreviations"]), frozenset(table["before_number"])


_STOP_CHARS = ".!?…"
_STOP_REST = r"[.!?…]*[”’\"'»)\]]*)(\s+)[“‘\"'«(\[]?"
# "[.!?…][.!?…]*", not "[.!?…]+": a pattern that opens with a class lets re skip to its characters
STOP = _lazy(f"([{_STOP_CHARS}]{_STOP_REST}")


def _stops(text: str) -> list[re.Match[str]]:
    """``list(STOP().finditer(text))``, from one search per stop character.

    A match of STOP runs from a stop over the stops, closing quotes and spaces after it; a
    match of the pattern of one of its stops ends where it ends (what ``matches_by_char`` needs).
    """
    return matches_by_char(text, split_by_char("(", _STOP_CHARS, _STOP_REST))


_INITIALISM = _lazy(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")


def _ends_sentence(text: str, start: int, end: int) -> bool:
    """The stop matched at ``start`` (a match of STOP ending at ``end``) ends a sentence."""
    nxt = text[end : end + 1]
    if not (nxt.isupper() or nxt.isdigit()):
        return False
    if text[start] != "." or text[start + 1 : start + 2] in ".…":
        return True
    token = text[max(text.rfind(" ", max(0, start - 40), start) + 1, start - 40) : start].lstrip("“‘\"'«([")
    abbreviations, before_number = _table()
    if token in abbreviations or (len(token) == 1 and token.isupper()):
        return False
    if token in before_number:
        return not nxt.isdigit()
    return "." not in token or _INITIALISM().fullmatch(token) is None  # an initialism holds a stop


def sentence_spans(text: str, offset: int) -> list[Span]:
    """The sentences of one paragraph as spans shifted by ``offset``; never empty.

    >>> list(sentence_spans("It rained. No. 5 won.", 10))
    [Span(start=10, end=20), Span(start=21, end=31)]
    """
    out: list[Span] = []
    pos = 0
    for m in _stops(text):
        if _ends_sentence(text, m.start(), m.end()):
            out.append(Span(offset + pos, offset + m.end(1)))
            pos = m.end(2)
    end = len(text.rstrip())
    if pos < end:
        out.append(Span(offset + pos, offset + end))
    return out
