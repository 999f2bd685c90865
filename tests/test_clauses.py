"""Tests of belnews._clauses on sentences of my own."""

from __future__ import annotations

import random
import sys

import regex

from belnews._clauses import _END, _END_ASCII, _sentence_ends, sentence_bounds
from belnews._quote_marks import find_pieces


def _scanned(text: str) -> list[tuple[int, int]]:
    """What a plain scan of the whole text with the end pattern finds."""
    return [m.span() for m in (_END_ASCII if text.isascii() else _END).finditer(text)]


def test_every_space_the_end_pattern_reads_is_a_python_space() -> None:
    """``_sentence_ends`` tries only marks that a str.isspace space (or a mark) follows."""
    every = "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code < 0xE000)
    assert all(space.isspace() for space in regex.findall(r"\s", every))


def test_sentence_ends_are_those_of_a_scan_on_random_characters() -> None:
    rnd = random.Random(17)
    alphabet = "aZ09.!?…'\")( \t\n\x0b\x1c\x1f\u00a0\u2009,(“”‘’»«Ёé"
    for _ in range(30000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 14)))
        assert _sentence_ends(text) == _scanned(text), text


def test_sentence_ends_are_those_of_a_scan_on_news_shaped_text() -> None:
    rnd = random.Random(19)
    words = [
        "Mr.", "Dr.", "U.S.", "Gen.", "A.", "the", "Opposition", "Vilnius", "Kyiv", "said", "rose",
        "3.5", "1,200", "No.", "7", "p.m.", "Inc.", "“We", "will", "stay.”", "'Never!'", "(AP)",
        "(see", "below.)", "Why?", "Really?!", "So…", "wait...", "«Нет.»", "Олег", "—", ":", ",",
    ]  # fmt: skip
    ends = [".", "!", "?", "…", "...", ".”", "?’", ".)", ""]
    spaces = [" ", " ", " ", "  ", "\n", "\u00a0", ""]
    for _ in range(20000):
        text = "".join(
            rnd.choice(words) + rnd.choice(ends if rnd.random() < 0.2 else [""]) + rnd.choice(spaces)
            for _ in range(rnd.randint(1, 12))
        )
        assert _sentence_ends(text) == _scanned(text), text
        sentence_bounds(text, find_pieces(text))  # no offset may go out of range


def test_sentence_bounds_skip_abbreviations_numbers_and_quoted_stops() -> None:
    text = "Gen. Orlov arrived at 9.30 a.m. on Friday. “Stay. Wait,” he said. Then? Nothing… Done."
    spans = sentence_bounds(text, find_pieces(text))
    assert [text[a:b] for a, b in spans] == [
        "Gen. Orlov arrived at 9.30 a.m. on Friday.",
        "“Stay. Wait,” he said.",
        "Then?",
        "Nothing…",
        "Done.",
    ]
