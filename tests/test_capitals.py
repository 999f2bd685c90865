"""Capital phrases ("the Belarusian capital", "the capital of Moldova") name the capital city."""

from __future__ import annotations

import pytest

import belnews
from belnews._capitals import capital_of
from belnews._data import load_table
from belnews._places import lookup_place
from belnews.actors import find_actors
from belnews.clean import clean_article
from belnews.model import Actor, ActorKind

TABLE = load_table("capitals.json")


def actors(body: str) -> tuple[Actor, ...]:
    return find_actors(clean_article("A headline about the news\n\n" + body))


def capital_mentions(body: str) -> list[tuple[str, str, bool]]:
    """(city, mention text, resolved) of every resolved location mention."""
    return [
        (a.name, m.text, m.resolved)
        for a in actors(body)
        if a.kind is ActorKind.LOCATION
        for m in a.mentions
        if m.resolved
    ]


def test_table_has_a_description_and_samples() -> None:
    assert TABLE["description"] and TABLE["samples"] and TABLE["capitals"]


@pytest.mark.parametrize("code,name", sorted(TABLE["capitals"].items()))
def test_every_capital_is_a_place_under_its_canonical_name(code: str, name: str) -> None:
    place = lookup_place(name)
    assert place is not None and place.name == name
    assert capital_of(code) == place


@pytest.mark.parametrize("sentence,city", TABLE["samples"])
def test_capital_samples(sentence: str, city: str | None) -> None:
    found = {name for name, _, _ in capital_mentions(sentence)}
    assert found == ({city} if city else set())


def test_adjective_form_is_a_resolved_mention_of_the_city() -> None:
    found = actors("Farmers drove tractors into the Polish capital on Thursday.")
    warsaw = next(a for a in found if a.name == "Warsaw")
    assert warsaw.id == "location:warsaw" and warsaw.kind is ActorKind.LOCATION and warsaw.country == "PL"
    assert [(m.text, m.resolved) for m in warsaw.mentions] == [("the Polish capital", True)]
    # the demonym still names the country
    assert any(a.id == "country:PL" for a in found)


def test_same_actor_as_when_the_city_is_named() -> None:
    named = next(a for a in actors("Farmers drove tractors into Warsaw.") if a.name == "Warsaw")
    phrase = next(a for a in actors("Farmers drove tractors into the Polish capital.") if a.name == "Warsaw")
    assert (named.id, named.name, named.kind, named.country) == (
        phrase.id,
        phrase.name,
        phrase.kind,
        phrase.country,
    )


def test_capital_of_country() -> None:
    assert capital_mentions("Negotiators arrived in the capital of Latvia late at night.") == [
        ("Riga", "the capital of Latvia", True)
    ]


def test_possessive_form() -> None:
    assert capital_mentions("Air-raid sirens sounded across Estonia's capital.") == [
        ("Tallinn", "Estonia's capital", True)
    ]


def test_apposition_joins_the_named_city() -> None:
    found = actors("Sirens wailed in the Ukrainian capital, Kyiv, before dawn.")
    kyiv = [a for a in found if a.name == "Kyiv"]
    assert len(kyiv) == 1
    assert [(m.text, m.resolved) for m in kyiv[0].mentions] == [
        ("the Ukrainian capital", True),
        ("Kyiv", False),
    ]
    assert found[0].name == "Kyiv"  # ordered by its first mention, the phrase


def test_country_without_a_capital_entry_adds_nothing() -> None:
    found = actors("Students marched through the Chilean capital on Friday.")
    assert all(a.kind is not ActorKind.LOCATION for a in found)


def test_money_and_former_capitals_are_not_the_city() -> None:
    assert capital_mentions("Bankers warned of Belarusian capital flight.") == []
    assert capital_mentions("Poets met in the old Georgian capital of Mtskheta.") == []


def test_event_located_in_the_capital_phrase() -> None:
    article = belnews.parse_article(
        "T\n\nHundreds of pensioners protested in the Armenian capital on Saturday.", published="2023-05-06"
    )
    protests = [e for e in article.events if e.kind is belnews.EventKind.PROTEST]
    assert protests and protests[0].location is not None and protests[0].location.name == "Yerevan"
    assert all(t.kind is not ActorKind.COUNTRY for t in protests[0].targets)


def test_event_located_in_an_apposition_before_its_trigger() -> None:
    article = belnews.parse_article(
        "T\n\nIn the Moldovan capital, Chisinau, thousands rallied against price rises on Sunday.",
        published="2023-03-12",
    )
    protests = [e for e in article.events if e.kind is belnews.EventKind.PROTEST]
    assert protests and protests[0].location is not None and protests[0].location.name == "Chisinau"


def test_event_located_in_a_possessive_phrase() -> None:
    article = belnews.parse_article(
        "T\n\nRiot police detained dozens of students in Georgia's capital on Friday.", published="2024-05-10"
    )
    arrests = [e for e in article.events if e.kind is belnews.EventKind.ARREST]
    assert arrests and arrests[0].location is not None and arrests[0].location.name == "Tbilisi"
