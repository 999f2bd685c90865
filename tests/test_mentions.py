"""The words :func:`belnews._mentions.read_words` reads by runs agree with a plain word search."""

from __future__ import annotations

import random

import regex

from belnews._mentions import _FAST_BLOCKS, _GAPPED, _TOKEN, _fast_split, read_words


def _plain(text: str) -> tuple[list[tuple[int, int]], list[str]]:
    """The words' offsets by a plain search, and the gap before each (from the end of the word before)."""
    spans = [(m.start(), m.end()) for m in regex.finditer(_TOKEN, text)]
    ends = [0] + [e for _s, e in spans]
    return spans, [text[ends[k] : s] for k, (s, _e) in enumerate(spans)]


def test_runs_of_words_give_the_words_one_by_one() -> None:
    """Texts of short words, spaces (single and double), initials, possessives and punctuation."""
    block_chars = [chr(c) for a, b in _FAST_BLOCKS for c in range(a, b)]
    usual = [*"aZsSA'’.-_/ 1é\u0301Ł\u00a0Жж,", " ", " ", "  ", "U.S. ", "’s ", "A. B", "\n\n"]
    rng = random.Random(11)
    for _ in range(20000):
        text = "".join(
            rng.choice(block_chars if rng.random() < 0.2 else usual) for _ in range(rng.randint(1, 14))
        )
        words = read_words(text)
        spans, gaps = _plain(text)
        assert list(zip(words.starts, words.ends, strict=True)) == spans, repr(text)
        assert words.gaps == gaps, repr(text)
        assert words.texts == [text[s:e] for s, e in spans], repr(text)


def test_runs_on_sentences() -> None:
    """Sentences of our own, read by runs, give the words and gaps the word pattern gives."""
    for text in (
        "The U.S. Army and A. Lukashenko’s office met in Rostov-on-Don.  Then  RFE/RL said so.",
        "“We won’t go,” she said; O'Brien’s aide, U.S.A. and St.\u00a0Petersburg agreed:",
        "",
        "  ,. ",
        "Minsk",
    ):
        words = read_words(text)
        parts = _fast_split().split(text)[:-1]
        assert words.gaps == parts[0::2] and words.texts == parts[1::2]
        pairs = regex.findall(_GAPPED, text)
        assert [w for _g, w in pairs if w] == words.texts


def test_block_test_reads_only_the_characters_outside_ascii() -> None:
    """``_within_blocks`` agrees with the search for a character outside the blocks on texts that mix ASCII
    with several other characters (within the blocks and not, a lone surrogate among them)."""
    from belnews._mentions import _outside, _within_blocks

    others = [*"’“”—€éŁЖж\u0301\u036f\u0370Αλ™\u20cf\u20d0\ud800\udfff", "😀", "\u4e2d"]
    rng = random.Random(5)
    for _ in range(5000):
        text = "".join(rng.choice([*others, "Minsk ", "a", "."]) for _ in range(rng.randint(0, 6)))
        assert _within_blocks(text) == (_outside().search(text) is None), repr(text)
    assert _within_blocks("The “KGB” in Мінск, €5") and not _within_blocks("Tbilisi (თბილისი)")


def test_hits_compare_by_fields() -> None:
    """Hits are plain records: equal when their fields are, shown with them, and not hashable (mutable)."""
    from belnews._mentions import Hit

    hit = Hit(3, 8, "Minsk", "BY", 1, 2)
    assert hit == Hit(3, 8, "Minsk", "BY", 1, 2)
    assert hit != Hit(3, 8, "Minsk", "RU", 1, 2) and hit != (3, 8, "Minsk", "BY", 1, 2)
    assert repr(hit) == "Hit(start=3, end=8, text='Minsk', value='BY', first=1, last=2)"
    assert Hit.__hash__ is None
