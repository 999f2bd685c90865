"""find_actors: each rule on sentences written for the test, the data tables' samples, the seeds."""

from __future__ import annotations

import json
import time
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from belnews._countries import lookup_country
from belnews._orgs import lookup_org
from belnews._places import lookup_place
from belnews.actors import _cues, find_actors
from belnews.clean import clean_article
from belnews.model import Actor, ActorKind, Gender
from tests.conftest import needs_shared, seed_paths


def actors(body: str) -> tuple[Actor, ...]:
    return find_actors(clean_article("A headline about the news\n\n" + body))


def persons(body: str) -> list[Actor]:
    return [a for a in actors(body) if a.kind is ActorKind.PERSON]


def person_names(body: str) -> list[str]:
    return [a.name for a in persons(body)]


def of_kind(body: str, kind: ActorKind) -> list[Actor]:
    return [a for a in actors(body) if a.kind is kind]


def data(name: str) -> Any:
    return json.loads(resources.files("belnews").joinpath("data").joinpath(name).read_text(encoding="utf-8"))


# --- data tables carry their samples -----------------------------------------------------------


@pytest.mark.parametrize("surface,code", data("countries_extra.json")["samples"])
def test_country_samples(surface: str, code: str | None) -> None:
    ref = lookup_country(surface)
    assert (None if ref is None else ref.code) == code


@pytest.mark.parametrize("surface,name", data("places.json")["samples"])
def test_place_samples(surface: str, name: str | None) -> None:
    place = lookup_place(surface)
    assert (None if place is None else place.name) == name


@pytest.mark.parametrize("surface,name", data("organizations.json")["samples"])
def test_org_samples(surface: str, name: str | None) -> None:
    org = lookup_org(surface)
    assert (None if org is None else org.name) == name


@pytest.mark.parametrize("word,kind", data("titles.json")["samples"])
def test_title_samples(word: str, kind: str | None) -> None:
    cues = _cues()
    if kind == "honorific":
        assert word in cues.honorifics
    elif kind == "title":
        assert word.casefold() in cues.titles
    elif kind == "speech_verb":
        assert word in cues.speech_verbs
    elif kind is None:
        assert word not in cues.given and word.casefold() not in cues.titles
    else:
        assert cues.given[word] is Gender(kind)


@pytest.mark.parametrize("surface,name", data("groups.json")["samples"])
def test_group_samples(surface: str, name: str | None) -> None:
    found = [a.name for a in of_kind(f"Yesterday {surface} gathered.", ActorKind.GROUP)]
    assert found == ([] if name is None else [name])


@pytest.mark.parametrize("word,stop", data("not_names.json")["samples"])
def test_not_name_samples(word: str, stop: bool) -> None:
    assert (word in _cues().not_names) is stop


def test_every_table_has_a_description_and_samples() -> None:
    for name in ("countries_extra", "places", "organizations", "titles", "groups", "not_names"):
        table = data(name + ".json")
        assert table["description"] and table["samples"], name


# --- persons: evidence -------------------------------------------------------------------------


def test_titles_and_honorifics_make_persons() -> None:
    body = (
        "Foreign Minister Petr Novak met Mr Horvath and Dr.Kowalczyk on Monday. "
        "Later Prime Minister Halvorsen spoke to opposition leader Ilse Brandt."
    )
    assert person_names(body) == ["Petr Novak", "Horvath", "Kowalczyk", "Halvorsen", "Ilse Brandt"]


def test_honorific_gives_gender_and_alias() -> None:
    (p,) = persons("Mrs. Olga Zhukova arrived. Mrs Zhukova said little.")
    assert p.name == "Olga Zhukova"
    assert p.gender is Gender.FEMALE
    assert "Mrs Zhukova" in p.aliases


def test_apposition_and_speech_verbs_make_persons() -> None:
    body = (
        "“We will march again,” said Bogdan, a metro driver who asked not to be named. "
        "The plan failed, Zavadsky stated."
    )
    found = persons(body)
    assert [p.name for p in found] == ["Bogdan", "Zavadsky"]
    assert found[0].roles == ("metro driver",)


def test_given_name_makes_a_person_without_other_evidence() -> None:
    assert person_names("The report by Natalia Kravets appeared online.") == ["Natalia Kravets"]


def test_title_case_heading_yields_only_known_persons() -> None:
    body = "Kozlov Welcomes Petrenko At Summit\n\nViktor Kozlov received Oleh Petrenko on Friday."
    names = person_names(body)
    assert names == ["Viktor Kozlov", "Oleh Petrenko"]
    for p in persons(body):
        assert len(p.mentions) == 2


def test_not_persons() -> None:
    body = (
        "Photo: REUTERS, IVAN PETROV\n\n"
        "The Guardian and Al Jazeera reported it, as did RFE/RL and AFP. Ships left the Black Sea. "
        "Crowds chanted “Slavic brothers” and “Western Puppets” near Latin America House. "
        "Monday Reports News said Pan-European security mattered. Tomorrow Will Tell."
    )
    assert person_names(body) == []


def test_organisation_containing_a_name_is_not_the_person() -> None:
    body = "She works at the Olof Palme Program on Democracy and Security in Stockholm."
    assert person_names(body) == []
    assert [o.name for o in of_kind(body, ActorKind.ORGANIZATION)] == [
        "Olof Palme Program on Democracy and Security"
    ]


def test_no_break_space_inside_a_name() -> None:
    (p,) = persons("Pavel\u00a0Sheremet, who was a journalist, died.")
    assert p.name == "Pavel Sheremet"


# --- persons: coreference ----------------------------------------------------------------------


def test_two_people_sharing_a_surname_stay_two() -> None:
    body = (
        "Yuri Marchenko, a Ukrainian economist, disagreed. Marchenko said so twice. "
        "Economist Pavlo Marchenko was cautious. Marchenko explained why. "
        "Marchenko added a warning."
    )
    found = persons(body)
    assert [p.name for p in found] == ["Yuri Marchenko", "Pavlo Marchenko"]
    yuri, pavlo = found
    assert len(yuri.mentions) == 2 and len(pavlo.mentions) == 3
    assert yuri.country == "UA"


def test_husband_and_wife_split_by_gender() -> None:
    body = (
        "Ihar Barysevich, a blogger, was arrested. His wife Alena Barysevicha ran instead. "
        "Barysevich stayed in jail while Barysevicha toured the country."
    )
    husband, wife = persons(body)
    assert husband.name == "Ihar Barysevich" and husband.gender is Gender.MALE
    assert wife.name == "Alena Barysevicha" and wife.gender is Gender.FEMALE
    assert [m.text for m in husband.mentions] == ["Ihar Barysevich", "Barysevich"]
    assert [m.text for m in wife.mentions] == ["Alena Barysevicha", "Barysevicha"]


def test_role_description_resolves_to_the_role_holder() -> None:
    body = (
        "Moldovan President Ion Stanescu met Romanian President Victor Ilie. "
        "The Moldovan leader asked for gas."
    )
    found = {p.name: p for p in persons(body)}
    resolved = [m for m in found["Ion Stanescu"].mentions if m.resolved]
    assert [m.text for m in resolved] == ["The Moldovan leader"]
    assert found["Ion Stanescu"].country == "MD"
    assert found["Ion Stanescu"].roles == ("Moldovan President",)
    assert not any(m.resolved for m in found["Victor Ilie"].mentions)


def test_ambiguous_role_description_stays_unresolved() -> None:
    body = "President Ion Stanescu met President Victor Ilie. The president left early."
    assert not any(m.resolved for p in persons(body) for m in p.mentions)


def test_lowercase_surname_of_a_known_person() -> None:
    body = "Dmitry Medvedev spoke first. Later medvedev repeated it."
    (p,) = persons(body)
    assert [m.text for m in p.mentions] == ["Dmitry Medvedev", "medvedev"]


def test_mention_spans_point_at_their_text() -> None:
    doc = clean_article("H\n\nMr. Oleg Orlov, a rights activist, spoke. Orlov was fined in Moscow.")
    for actor in find_actors(doc):
        for m in actor.mentions:
            assert doc.text[m.span.start : m.span.end] == m.text


# --- countries, places, organisations, groups --------------------------------------------------


def test_countries_by_name_demonym_lowercase_and_history() -> None:
    body = (
        "Belarusian and Polish officials met. Russia-backed forces crossed from the USSR era bases; "
        "Britain and the US objected while lebanon and Syria stayed quiet. Soviet tanks rusted."
    )
    codes = {a.country for a in of_kind(body, ActorKind.COUNTRY)}
    assert codes == {"BY", "PL", "RU", "SU", "GB", "US", "LB", "SY"}
    assert all(a.id == f"country:{a.country}" for a in of_kind(body, ActorKind.COUNTRY))


def test_pronoun_us_and_pan_prefix_are_not_countries() -> None:
    assert of_kind("Let us discuss Pan-European trade and turkey recipes.", ActorKind.COUNTRY) == []


def test_places_are_transliteration_aware_and_do_not_add_countries() -> None:
    body = "Protests spread from Gomel to Hrodna, then to Kharkov and Zurich."
    places = of_kind(body, ActorKind.LOCATION)
    assert [(p.name, p.country, p.id) for p in places] == [
        ("Homiel", "BY", "location:homiel"),
        ("Hrodna", "BY", "location:hrodna"),
        ("Kharkiv", "UA", "location:kharkiv"),
        ("Zurich", "CH", "location:zurich"),
    ]
    assert of_kind(body, ActorKind.COUNTRY) == []


def test_known_and_unseen_organisations() -> None:
    body = (
        "The EU and Nato warned the kremlin. The Minsk-based Belarusian Helsinki Committee, "
        "the Ministry of Foreign Affairs and the Prosecutor General’s Office disagreed."
    )
    orgs = {o.name: o for o in of_kind(body, ActorKind.ORGANIZATION)}
    assert set(orgs) == {
        "European Union",
        "NATO",
        "Kremlin",
        "Belarusian Helsinki Committee",
        "Ministry of Foreign Affairs",
        "Prosecutor General's Office",
    }
    assert orgs["Kremlin"].country == "RU"
    assert orgs["Belarusian Helsinki Committee"].country == "BY"


def test_groups_with_country() -> None:
    body = (
        "Police say protesters threw stones. The police of Ukraine denied it, "
        "and Ukrainian authorities blamed political analysts."
    )
    groups = {(g.name, g.country) for g in of_kind(body, ActorKind.GROUP)}
    assert groups == {
        ("police", "UA"),
        ("protesters", None),
        ("authorities", "UA"),
        ("political analysts", None),
    }


def test_opposition_as_group_but_not_in_opposition_leader() -> None:
    body = "The Georgian opposition rejected it. Opposition leader Nika Beridze agreed."
    groups = of_kind(body, ActorKind.GROUP)
    assert [(g.name, g.country, len(g.mentions)) for g in groups] == [("opposition", "GE", 1)]


# --- the seeds ---------------------------------------------------------------------------------


@needs_shared
@pytest.mark.parametrize("seed", seed_paths(), ids=lambda p: Path(p).stem)
def test_seed_actors_are_consistent_and_fast(seed: Path) -> None:
    doc = clean_article(seed.read_text(encoding="utf-8"))
    found = find_actors(doc)
    ids = [a.id for a in found]
    assert len(ids) == len(set(ids))
    for actor in found:
        assert actor.mentions
        for m in actor.mentions:
            assert doc.text[m.span.start : m.span.end].replace("\u00a0", " ") == m.text
    start = time.perf_counter()
    for _ in range(5):
        find_actors(doc)
    assert (time.perf_counter() - start) / 5 < 0.05
