"""Shape and integrity of belnews/data/people.json, the people gazetteer.

These tests check the data file itself, not the loader: every record has the documented fields
with the right types, names are unique, scripts are what each field promises, and the samples
point at people the file lists.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from importlib import resources
from typing import Any

import pycountry

from belnews.names import name_key

PERSON_FIELDS = {"name", "native", "aliases", "gender", "country", "roles", "wikidata"}
# Optional flags of the bare-surname rule; true when present.
PERSON_FLAGS = {"primary_for_surname", "common_surname"}
EXTRA_COUNTRIES = {"SU", "XK"}
QID = re.compile(r"Q[1-9][0-9]*")
# Characters allowed in a name besides letters of the expected script.
NAME_PUNCTUATION = set(" -.'’")


def _data() -> dict[str, Any]:
    text = resources.files("belnews.data").joinpath("people.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def _people() -> list[dict[str, Any]]:
    people: list[dict[str, Any]] = _data()["people"]
    return people


def _fold(text: str) -> str:
    """Case- and accent-insensitive form, the weakest match a loader could reasonably use."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def _script_ok(text: str, script: str) -> bool:
    """True when every letter of `text` belongs to `script` ("LATIN" or "CYRILLIC")."""
    if not text or text != text.strip() or "  " in text:
        return False
    for ch in text:
        if ch.isalpha():
            if not unicodedata.name(ch, "").startswith(script):
                return False
        elif ch not in NAME_PUNCTUATION:
            return False
    return True


def _country_ok(code: str) -> bool:
    if code in EXTRA_COUNTRIES:
        return True
    found: object = pycountry.countries.get(alpha_2=code)
    return found is not None


def _is_str_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) and item for item in value)


def test_top_level_shape() -> None:
    data = _data()
    assert set(data) == {"description", "people", "samples"}
    assert isinstance(data["description"], str) and len(data["description"]) > 100
    assert isinstance(data["people"], list)
    assert isinstance(data["samples"], list)


def test_at_least_250_people() -> None:
    assert len(_people()) >= 250


def test_every_person_has_the_documented_fields_and_types() -> None:
    bad: list[str] = []
    for person in _people():
        label = str(person.get("name"))
        flags = set(person) & PERSON_FLAGS
        if set(person) - flags != PERSON_FIELDS:
            bad.append(f"{label}: fields {sorted((set(person) - flags) ^ PERSON_FIELDS)}")
            continue
        if any(person[flag] is not True for flag in flags):
            bad.append(f"{label}: a flag, when present, is true")
        if not isinstance(person["name"], str) or not person["name"]:
            bad.append(f"{label}: name")
        for key in ("native", "aliases", "roles"):
            if not _is_str_list(person[key]):
                bad.append(f"{label}: {key} must be a list of non-empty strings")
        if not person["roles"]:
            bad.append(f"{label}: roles is empty")
        if person["wikidata"] is not None and not isinstance(person["wikidata"], str):
            bad.append(f"{label}: wikidata must be a string or null")
    assert bad == []


def test_names_are_unique() -> None:
    names = [person["name"] for person in _people()]
    assert len(names) == len(set(names))
    assert len({_fold(name) for name in names}) == len(names)


def test_no_surface_form_names_two_people() -> None:
    owner: dict[str, str] = {}
    clashes: list[str] = []
    for person in _people():
        forms = {_fold(form) for form in [person["name"], *person["native"], *person["aliases"]]}
        for form in forms:
            if owner.setdefault(form, person["name"]) != person["name"]:
                clashes.append(f"{form!r}: {owner[form]} / {person['name']}")
    assert clashes == []


def test_aliases_and_native_forms_do_not_repeat_within_a_person() -> None:
    for person in _people():
        assert person["name"] not in person["aliases"], person["name"]
        assert len(set(person["aliases"])) == len(person["aliases"]), person["name"]
        assert len(set(person["native"])) == len(person["native"]), person["name"]


def test_gender_is_m_or_f() -> None:
    assert {person["gender"] for person in _people()} <= {"m", "f"}


def test_country_codes_are_iso_alpha_2() -> None:
    bad = [(p["name"], p["country"]) for p in _people() if not _country_ok(p["country"])]
    assert bad == []


def test_wikidata_ids_are_well_formed_and_unique() -> None:
    qids = [p["wikidata"] for p in _people() if p["wikidata"] is not None]
    assert all(QID.fullmatch(qid) for qid in qids), qids
    assert len(qids) == len(set(qids))


def test_native_names_are_cyrillic() -> None:
    bad = [form for p in _people() for form in p["native"] if not _script_ok(form, "CYRILLIC")]
    assert bad == []


def test_names_and_aliases_are_latin() -> None:
    bad = [form for p in _people() for form in [p["name"], *p["aliases"]] if not _script_ok(form, "LATIN")]
    assert bad == []


def test_people_are_sorted_by_country_then_name() -> None:
    keys = [(p["country"], p["name"]) for p in _people()]
    assert keys == sorted(keys)


def test_people_sharing_a_surname_are_listed_separately() -> None:
    names = {p["name"] for p in _people()}
    for group in (
        {"Alexander Lukashenko", "Viktor Lukashenko", "Dmitry Lukashenko", "Nikolai Lukashenko"},
        {"Viktar Babaryka", "Eduard Babaryka"},
        {"Alexei Navalny", "Yulia Navalnaya"},
        {"Volodymyr Zelenskyy", "Olena Zelenska"},
        {"Dmitry Oreshkin", "Maxim Oreshkin"},
    ):
        assert group <= names, group - names


def test_samples_are_pairs_of_query_and_listed_name() -> None:
    samples = _data()["samples"]
    names = {p["name"] for p in _people()}
    assert len(samples) >= 30
    for sample in samples:
        assert isinstance(sample, list) and len(sample) == 2, sample
        query, expected = sample
        assert isinstance(query, str) and query.strip() == query and query, sample
        assert expected is None or expected in names, sample
    assert any(expected is None for _, expected in samples)
    assert any(_script_ok(query, "CYRILLIC") for query, _ in samples)


def test_samples_agree_with_the_forms_in_the_file() -> None:
    """A full-name sample query is one of its person's forms; a null sample is no one's."""
    forms: dict[str, str] = {}
    for person in _people():
        for form in [person["name"], *person["native"], *person["aliases"]]:
            forms[_fold(form)] = person["name"]
    for query, expected in _data()["samples"]:
        if expected is None:
            assert _fold(query) not in forms, query
        elif " " in query:
            assert forms.get(_fold(query)) == expected, query


def test_a_surname_has_at_most_one_primary_person_per_gender() -> None:
    primaries: dict[tuple[str, str], str] = {}
    clashes: list[str] = []
    for person in _people():
        if person.get("primary_for_surname"):
            key = (name_key(person["name"]), person["gender"])
            if primaries.setdefault(key, person["name"]) != person["name"]:
                clashes.append(f"{primaries[key]} / {person['name']}")
    assert clashes == []


def test_primary_flags_mark_people_who_share_a_surname() -> None:
    """The flag only matters where entries share a surname key; elsewhere it would be noise."""
    counts = Counter(name_key(person["name"]) for person in _people())
    lonely = [
        p["name"] for p in _people() if p.get("primary_for_surname") and counts[name_key(p["name"])] < 2
    ]
    assert lonely == []
