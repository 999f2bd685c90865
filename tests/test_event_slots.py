"""Slot filling for events: the place, with the cheap test that spares the nationwide search."""

from __future__ import annotations

import re

import pytest

from belnews import _event_slots
from belnews._event_slots import Scene, build_scene
from belnews._triggers import lowered
from belnews.clean import Cleaned
from belnews.model import Actor, ActorKind, Mention, Span


def _nationwide_phrases() -> list[str]:
    pattern = _event_slots._NATIONWIDE().pattern
    whole = re.fullmatch(r"\\b\(\?:([^()\\]*)\)\\b", pattern)
    assert whole is not None, "a plain list of phrases: the words below can be read off it"
    return whole.group(1).split("|")


def test_every_nationwide_phrase_has_one_of_the_words_tested_first() -> None:
    phrases = _nationwide_phrases()
    assert phrases
    for phrase in phrases:
        assert any(word in phrase for word in _event_slots._NATIONWIDE_WORDS), phrase


@pytest.mark.parametrize(
    "sentence",
    [
        "Strikes spread nationwide within a week.",
        "Truckers blocked roads all over the country on Monday.",
        "Shops shut in a NATIONAL walkout.",
        "Teachers walked out country-wide.",
    ],
)
def test_a_nationwide_sentence_passes_the_word_test(sentence: str) -> None:
    low = lowered(sentence)
    assert _event_slots._NATIONWIDE().search(low)
    assert _event_slots._nationwide(sentence, low, Span(0, len(sentence)))


@pytest.mark.parametrize(
    "sentence",
    [
        "Farmers in İzmir joined a NATIONAL walkout.",  # "İ" lowers to two characters
        "Crowds marched acroſs the country.",  # a long s is an "s" without regard to case
    ],
)
def test_a_text_that_folds_unusually_is_searched_without_regard_to_case(sentence: str) -> None:
    assert _event_slots._nationwide(sentence, lowered(sentence), Span(0, len(sentence)))


@pytest.mark.parametrize(
    "sentence",
    [
        "Crowds gathered outside the town hall.",
        "Miners in the north downed tools.",
    ],
)
def test_a_local_sentence_is_not_nationwide(sentence: str) -> None:
    assert not _event_slots._nationwide(sentence, lowered(sentence), Span(0, len(sentence)))


def _scene(text: str, places: list[tuple[str, str, ActorKind]]) -> Scene:
    actors = []
    for name, code, kind in places:
        spans = [Span(m.start(), m.end()) for m in re.finditer(re.escape(name), text)]
        mentions = tuple(Mention(name, span) for span in spans)
        actors.append(Actor(f"{kind.value}:{name.lower()}", name, kind, code, mentions=mentions))
    doc = Cleaned(text, paragraphs=(), sentences=(Span(0, len(text)),))
    return build_scene(doc, actors, [])


def test_scene_reads_each_mention_once_and_in_text_order() -> None:
    text = "Georgia said the Tbilisi-based group marched in Tbilisi and later in Batumi, Georgia."
    scene = _scene(
        text,
        [
            ("Georgia", "GE", ActorKind.COUNTRY),
            ("Tbilisi", "GE", ActorKind.LOCATION),
            ("Batumi", "GE", ActorKind.LOCATION),
        ],
    )
    assert scene.main is not None and scene.main.name == "Georgia"
    places = scene.between(0, len(text))
    assert [(text[p.span.start : p.span.end], p.locative) for p in places] == [
        ("Georgia", False),
        ("Tbilisi", False),  # "Tbilisi-based" names no place of a happening
        ("Tbilisi", True),
        ("Batumi", True),
        ("Georgia", False),
    ]
    assert scene.between(0, len(text))[2] is places[2]  # read once, then kept
    assert scene.first_seen["location:tbilisi"] == text.index("Tbilisi")
