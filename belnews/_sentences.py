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

__all__ = ["STOP", "paragraph_sentences", "sentence_spans"]


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


def _ends_sentence(text: str, start: int, end: int, first: int) -> bool:
    """The stop matched at ``start`` (a match of STOP ending at ``end``) ends a sentence of the
    paragraph that begins at ``first``."""
    nxt = text[end : end + 1]
    if not (nxt.isupper() or nxt.isdigit()):
        return False
    if text[start] != "." or text[start + 1 : start + 2] in ".…":
        return True
    since = max(text.rfind(" ", max(first, start - 40), start) + 1, start - 40, first)
    token = text[since:start].lstrip("“‘\"'«([")
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
    return _sentences(text, [(0, len(text))], offset)


def paragraph_sentences(text: str, bounds: list[tuple[int, int]]) -> list[Span]:
    """The sentences of every paragraph of ``text`` (``bounds``: where each begins and ends, in
    order, apart), found with one search of the whole text: ``sentence_spans`` of each paragraph.

    >>> text = "It rained. No. 5 won.\\n\\nMr. Smith left."
    >>> [text[s.start : s.end] for s in paragraph_sentences(text, [(0, 21), (23, 38)])]
    ['It rained.', 'No. 5 won.', 'Mr. Smith left.']
    """
    return _sentences(text, bounds, 0)


def _sentences(text: str, bounds: list[tuple[int, int]], offset: int) -> list[Span]:
    """The sentences of the paragraphs at ``bounds`` in ``text``, shifted by ``offset``.

    A stop's match that runs on past its paragraph's end (into the gap between paragraphs) ends
    no sentence: in the paragraph alone it would find no space after the stop.
    """
    out: list[Span] = []
    stops = _stops(text)
    k = 0
    for first, last in bounds:
        pos = first
        while k < len(stops):
            m = stops[k]
            start, end = m.span()
            if start >= last:
                break
            k += 1
            if end <= last and _ends_sentence(text, start, end, first):
                out.append(Span(offset + pos, offset + m.end(1)))
                pos = m.end(2)
        end = last
        while end > pos and text[end - 1].isspace():
            end -= 1
        if pos < end:
            out.append(Span(offset + pos, offset + end))
    return out
