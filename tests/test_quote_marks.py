"""Tests of belnews._quote_marks on text of my own."""

from __future__ import annotations

import random
import re

from belnews._quote_marks import _MARKS, _OPENERS, char_offsets, find_pieces, opening_marks


def test_markchar_offsets_are_those_of_a_character_class_scan() -> None:
    rnd = random.Random(23)
    alphabet = ["a", "Ё", " ", "\n", "it’s", '"', "“", "”", "„", "«", "»", "'", "‘", "’", "‹", "›", "—"]
    for chars in [_MARKS, _OPENERS]:
        scan = re.compile("[" + re.escape(chars) + "]")
        for _ in range(5000):
            text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 16)))
            assert char_offsets(text, chars) == [m.start() for m in scan.finditer(text)], text


def test_only_apostrophes_make_no_pieces() -> None:
    for text in ["Minsk’s mayor and Belarus’ envoys", "the ›odd› one", ""]:
        assert opening_marks(text) == []
        assert find_pieces(text) == []


def test_pieces_of_mixed_marks() -> None:
    text = "He called it «a farce» and said: “We’ll see ‘who’ stays.” Then 'fine'."
    assert [text[p.start : p.end] for p in find_pieces(text)] == ["a farce", "We’ll see ‘who’ stays.", "fine"]
