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
from collections.abc import Iterator

from belnews._data import load_table
from belnews._lazy import lazy as _lazy
from belnews.model import Span

__all__ = ["STOP", "sentence_spans"]


@functools.cache
def _table() -> tuple[frozenset[str], frozenset[str]]:
    """Abbreviations that end no sentence, and those that end none before a number."""
    table = load_table("clean_sentences.json")
    return frozenset(table["abbreviations"]), frozenset(table["before_number"])


# "[.!?…][.!?…]*", not "[.!?…]+": a pattern that opens with a class lets re skip to its characters
STOP = _lazy(r"([.!?…][.!?…]*[”’\"'»)\]]*)(\s+)[“‘\"'«(\[]?")
_INITIALISM = _lazy(r"(?:[^\W\d_]{1,2}\.)+[^\W\d_]{1,2}")


def _ends_sentence(text: str, m: re.Match[str]) -> bool:
    nxt = text[m.end() : m.end() + 1]
    if not (nxt.isupper() or nxt.isdigit()):
        return False
    if text[m.start()] != "." or text[m.start() + 1 : m.start() + 2] in ".…":
        return True
    start = max(text.rfind(" ", max(0, m.start() - 40), m.start()) + 1, m.start() - 40)
    token = text[start : m.start()].lstrip("“‘\"'«([")
    abbreviations, before_number = _table()
    if token in abbreviations or (len(token) == 1 and token.isupper()):
        return False
    if token in before_number:
        return not nxt.isdigit()
    return _INITIALISM().fullmatch(token) is None


def sentence_spans(text: str, offset: int) -> Iterator[Span]:
    """The sentences of one paragraph as spans shifted by ``offset``; never empty.

    >>> list(sentence_spans("It rained. No. 5 won.", 10))
    [Span(start=10, end=20), Span(start=21, end=31)]
    """
    pos = 0
    for m in STOP().finditer(text):
        if _ends_sentence(text, m):
            yield Span(offset + pos, offset + m.end(1))
            pos = m.end(2)
    if pos < len(text.rstrip()):
        yield Span(offset + pos, offset + len(text.rstrip()))
