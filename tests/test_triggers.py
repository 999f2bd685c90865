"""The trigger table's helpers: the word test that spares a cue pattern's search."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from belnews._triggers import (
    _WORD,
    _blocker_before,
    _compiled,
    _first_match,
    _raw_table,
    _tries,
    _whole_word_trigger,
    anchored_heads,
    cue_search,
    cue_spans,
    letter_led,
    lowered,
    narrowed,
    needed_words,
    plain_text,
    sample_kinds,
    trigger_table,
)


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\b(?:seldom|now and then)\b", (("seldom",), ("now and then",))),
        (r"\b(?:ought to|needs? to)\b", (("ought to",), ("need", " to"))),
        (r"\b(?:votes? on|set to)\b", (("vote", " on"), ("set to",))),
        (r"\b(?:seldom|rare(?:ly)?)\b", None),  # a group inside: not a plain list
        (r"\b(?:seldom|\w+ly)\b", None),
        (r"(?:seldom|rarely)", None),  # no word edges: "seldom" may stand inside a word
        (r"\b(?:seldom|a?)\b", None),  # a phrase with no whole word
    ],
)
def test_needed_words_reads_plain_phrase_lists_only(
    pattern: str, expected: tuple[tuple[str, ...], ...] | None
) -> None:
    assert needed_words(pattern) == expected


_WORDS = [
    "it",
    "if",
    "iffy",
    "may",
    "mayor",
    "in",
    "case",
    "in case",
    "will",
    "shall",
    "plan",
    "plans",
    "planet",
    "is",
    "next",
    "often",
    "oftentimes",
    "would",
    "were",
    "to",
    "only",
    "when",
    "always",
    "Often",
    "MAY",
    "un-less",
    "unless",
    ",",
    "-",
]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=8), st.sampled_from([" ", "", "-", "  "]))
def test_cue_search_answers_as_the_search_does(words: list[str], glue: str) -> None:
    table = trigger_table()
    text = glue.join(words).lower()
    for pattern, needs in (
        (table.habitual, table.habitual_needs),
        (table.hypothetical, table.hypothetical_needs),
        (table.future, table.future_needs),
    ):
        assert cue_search(pattern, needs, text) == bool(pattern.search(text))


def test_the_table_cues_that_list_words_are_read_as_such() -> None:
    table = trigger_table()
    assert table.habitual_needs is not None and ("often",) in table.habitual_needs
    assert table.hypothetical_needs is not None and ("in case",) in table.hypothetical_needs
    assert table.future_needs is not None and ("plan", " to") in table.future_needs


# --- the table narrowed to the word where a match may begin --------------------------------


@pytest.mark.parametrize(
    ("pattern", "word", "expected"),
    [
        ("(?:fled|flee|fleeing) abroad", "fleeing", "(?:flee|fleeing) abroad"),
        ("sacked|(?:fired|dismissed) (?:the )?staff", "fired", "(?:fired) (?:the )?staff"),
        ("(?<=\\bthe )raid|(?:raided|stormed)", "raid", "(?<=\\bthe )raid"),
        ("walkouts?|stoppages?", "walkout", "walkouts?"),
        ("(?:a|an)? ?siege", "siege", "(?:a|an)? ?siege"),  # an optional group: kept whole
        ("(?-i:\\p{Lu})\\w+ raid|raided", "raided", "(?:(?-i:\\p{Lu})\\w+ raid|raided)"),
        ("(?:ousted|toppled)", "coup", "ousted"),  # none fits: one is left, to fail as before
    ],
)
def test_narrowed_keeps_what_can_match_at_the_word(pattern: str, word: str, expected: str) -> None:
    assert narrowed(pattern, word) == expected


_OWN = [
    "Riot police detained two reporters and later expelled a cameraman from the country.",
    "Thousands took to the streets of Tbilisi, and students staged a sit-in outside parliament.",
    "A Russian missile strike killed four people; rescuers said the overnight barrage left 12 dead.",
    "The minister accused the opposition of plotting a coup before he signed the accord.",
    "Workers at the tractor plant went on strike after managers fired three union leaders.",
    "She fled to Vilnius, where exiled activists rallied outside the embassy.",
]


def _full_and_narrowed(text: str) -> list[tuple[object, object]]:
    table = trigger_table()
    low = lowered(text)
    out = []
    for m in table.starts.finditer(low):
        word_match = _WORD.match(low, m.start())
        assert word_match is not None
        word = word_match.group()
        full = [
            b
            for b, begins in zip(table.branches, table.begins, strict=True)
            if any(word.startswith(w) for w in begins)
        ]
        a = _compiled(tuple(full)).match(text, m.start())
        b, index = _first_match(_tries(word), text, m.start())  # each trigger's own pattern, in turn
        out.append((a and (a.span(), a.lastgroup), b and (b.span(), f"t{index}")))
        whole = _whole_word_trigger(word)
        if whole >= 0:  # the plain word found without a pattern: what the full table finds
            out.append((a and (a.span(), a.lastgroup), ((m.start(), word_match.end()), f"t{whole}")))
    return out


@pytest.mark.parametrize("text", _OWN + [s for s, _ in trigger_table().samples])
def test_narrowed_table_matches_as_the_full_one(text: str) -> None:
    for full, narrow in _full_and_narrowed(text):
        assert full == narrow


_BEGINS = sorted({w for begins in trigger_table().begins for w in begins})
_NEXT = [
    "the",
    "a",
    "dead",
    "streets",
    "strike",
    "again",
    "protests",
    "Minsk",
    "on",
    "to",
    "in",
    "12",
    ",",
    ".",
]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(_BEGINS),
    st.sampled_from(["", "ed", "s", "ing", "-in", "ion", "’", "’s", "'s"]),
    st.lists(st.sampled_from(_NEXT), max_size=5),
)
def test_narrowed_table_matches_as_the_full_one_anywhere(begin: str, ending: str, rest: list[str]) -> None:
    text = " ".join(["They", begin + ending, *rest])
    for full, narrow in _full_and_narrowed(text):
        assert full == narrow


@pytest.mark.parametrize("text", _OWN + [s for s, _ in trigger_table().samples])
def test_standard_patterns_match_as_regex_ones_on_plain_text(text: str) -> None:
    variants = [text, text.replace("’", "'").upper(), "“" + text.lower() + "” – he said"]
    for variant in [v for v in variants if plain_text(v)]:
        low = lowered(variant)
        for m in trigger_table().starts.finditer(low):
            word = _WORD.match(low, m.start())
            tries = _tries(word.group() if word else m.group())
            a, ia = _first_match(tries, variant, m.start())
            b, ib = _first_match(tries, variant, m.start(), plain=True)
            assert (a and a.span(), ia) == (b and b.span(), ib)


def test_plain_text_leaves_out_what_the_modules_read_differently() -> None:
    assert plain_text("Riot police “detained” 40 people – again…")
    assert not plain_text("Protesters marched in Białystok")  # a letter outside ASCII
    assert not plain_text("Crowds\x1cmarched")  # a blank to one module only
    assert not plain_text("Crowds marched\u2009again")  # a blank outside ASCII


def test_cased_blockers_are_skipped_only_without_their_leading_words() -> None:
    table = trigger_table()
    assert table.cased_leads is not None
    # "after the protests" names a time, not a protest; the same noun without the lead is one
    assert "protest" not in sample_kinds("Prices rose sharply after the protests.")
    assert "protest" in sample_kinds("Prices rose sharply during protests in the capital.")
    assert "protest" not in sample_kinds("Prices rose sharply AFTER THE protests.")


def _triggers_tried(word: str) -> set[str]:
    return {trigger_table().patterns[index] for index, _, _ in _tries(word)}


def test_a_first_word_a_blank_follows_is_tried_only_at_that_word_whole() -> None:
    strike = next(p for p in trigger_table().patterns if p.startswith("(?:went|go|goes|going|gone) on "))
    assert strike in _triggers_tried("goes")
    assert strike not in _triggers_tried("government")  # "go on strike" cannot begin there
    assert strike not in _triggers_tried("gonergy")


@pytest.mark.parametrize(
    "text",
    [
        "The government went on strike, and the governor goes on leave.",
        "Goers gone on, going-on and went-on strikes.",
        "Crowds took to the streets; tookers took part in a took-to vote.",
    ],
)
def test_words_that_only_begin_with_a_first_word_find_what_the_full_table_finds(text: str) -> None:
    for full, narrow in _full_and_narrowed(text):
        assert full == narrow


_GLUE = [" ", "", "-", "_", "é", "ł", "ж", "Ⅻ", "²", "’", "“", "\u00a0", "\n", "(", "9", "٣"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from([*_BEGINS, "arrested", "the", "sit-in", "x"]), max_size=6),
    st.lists(st.sampled_from(_GLUE), min_size=1),
)
def test_the_scan_drops_what_a_letter_outside_ascii_begins(words: list[str], glue: list[str]) -> None:
    """After a letter or digit outside ASCII a beginning is none: the scan finds what ``starts`` finds."""
    text = "".join(w + glue[i % len(glue)] for i, w in enumerate(words))
    low = lowered(text)
    assert cue_spans(low) == [m.span() for m in trigger_table().starts.finditer(low)]


_BLOCKER_WORDS = ["demands", "called for", "urged", "asking", "popular", "show of", "pressed", "wants"]


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.sampled_from([*_BLOCKER_WORDS, "the", "them", "to", "leaders", "x"]), max_size=10),
    st.lists(st.sampled_from([" ", "", "_", "é", "’", "(", "9", "-", "  ", "\n"]), min_size=1),
)
def test_blockers_after_a_character_match_as_a_search_after_a_boundary(
    words: list[str], glue: list[str]
) -> None:
    """The blockers taken with the character before them answer as the search of them after "\\b"."""
    text = "".join(w + glue[i % len(glue)] for i, w in enumerate(words))
    table = trigger_table()
    plain = [p for p in _raw_table()["blockers"] if "(?-i:" not in p]
    reference = re.compile("|".join(r"\b" + p for p in plain))
    assert table.opening_blockers is not None
    for start in range(len(text) + 1):
        lo = max(0, start - 60)
        assert _blocker_before(table, text, lo, start) == (reference.search(text, lo, start) is not None)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from([*_WORDS, "not", "don't", "n't", "knot", "no", "snow", "avoided"]), max_size=8)
)
def test_letter_led_cues_match_where_the_written_ones_do(words: list[str]) -> None:
    text = " ".join(words).lower()
    data = _raw_table()
    for written in (r"\b" + data["negators"], data["hypothetical"], data["future"], data["habitual"]):
        led = re.compile(letter_led(written))
        assert bool(led.search(text)) == bool(re.search(written, text)), written
        assert bool(led.search(text[1:])) == bool(re.search(written, text[1:])), written


def test_a_mood_of_the_public_after_a_trigger_blocks_it() -> None:
    assert sample_kinds("The reform met protests from the public.") == ()
    assert sample_kinds("The reform met protests from voters in the south.") == ()
    assert sample_kinds("The reform met protests from Monday on.") == ("protest",)
    assert sample_kinds("The reform met protests fromage aside.") == ("protest",)
    assert trigger_table().after_heads == anchored_heads(_raw_table()["after_blockers"])
