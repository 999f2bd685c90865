"""The trigger table's helpers: the word test that spares a cue pattern's search."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from belnews._triggers import cue_search, needed_words, trigger_table


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\b(?:seldom|now and then)\b", (("seldom",), ("now", "and", "then"))),
        (r"\b(?:ought to|needs? to)\b", (("ought", "to"), ("to",))),
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
    ):
        assert cue_search(pattern, needs, text) == bool(pattern.search(text))


def test_the_table_cues_that_list_words_are_read_as_such() -> None:
    table = trigger_table()
    assert table.habitual_needs is not None and ("often",) in table.habitual_needs
    assert table.hypothetical_needs is not None and ("in", "case") in table.hypothetical_needs
