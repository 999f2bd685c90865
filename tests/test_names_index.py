"""The shipped name indexes (belnews/data/people_index.json, given_index.json) are what the code computes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import belnews
from belnews._data import load_table
from belnews.names import _given, lookup_person
from belnews.names._gazetteer import (
    PEOPLE_INDEX,
    _raw_people,
    _shipped_family_index,
    build_index,
    computed_index_fields,
    family_index,
)
from belnews.names._given import given_table
from belnews.names._key import fold_word
from belnews.names._match import family_keys
from belnews.names._parse import given_classes, read_name

DATA = Path(belnews.__file__).parent / "data"
ROOT = Path(__file__).resolve().parent.parent


def _shipped() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / PEOPLE_INDEX).read_text(encoding="utf-8"))
    return data


def test_the_shipped_index_equals_the_computed_one() -> None:
    shipped = _shipped()
    computed = computed_index_fields()
    assert shipped["sources_crc32"] == computed["sources_crc32"], "run scripts/build_derived_tables.py"
    assert shipped["by_family"] == computed["by_family"], "run scripts/build_derived_tables.py"


def test_the_library_uses_the_shipped_index() -> None:
    shipped = _shipped_family_index()
    assert shipped is not None
    assert shipped == build_index(_raw_people()).by_family


@pytest.mark.parametrize(("printed", "entry"), _shipped()["samples"])
def test_people_index_samples(printed: str, entry: str) -> None:
    names = [e["name"] for e in _raw_people()]
    listed = {
        pid
        for key in family_keys(read_name(printed).family or "")
        for pid in _shipped()["by_family"].get(key, ())
    }
    assert names.index(entry) in listed
    person = lookup_person(printed)
    assert person is not None and person.name == entry


def test_family_index_lists_every_entry_under_each_key_of_its_forms() -> None:
    texts = (("Ivan Petrov", "Іван Пятроў"), ("Olga Petrova",), ("Anna Smirnova",))
    index = family_index(texts)
    assert index[family_keys("Petrov")[0]] == (0, 1)  # husband and wife share the key
    assert index[family_keys("Smirnova")[0]] == (2,)


@pytest.mark.skipif(
    not (ROOT / "belnews").is_dir(),
    reason="the script checks the source tree's data files; an installed build is under test",
)
def test_the_build_script_reports_an_up_to_date_file() -> None:
    script = ROOT / "scripts" / "build_derived_tables.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


# --- the given-name keys (belnews/data/given_index.json) ---------------------------------------


def _shipped_given() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / _given.GIVEN_INDEX).read_text(encoding="utf-8"))
    return data


def test_the_shipped_given_index_equals_the_computed_one() -> None:
    shipped = _shipped_given()
    for name, value in _given.computed_index_fields().items():
        assert shipped[name] == value, f"{name}: run scripts/build_derived_tables.py"


def test_the_library_uses_the_shipped_given_index() -> None:
    assert _given._derived() is load_table(_given.GIVEN_INDEX)


@pytest.mark.parametrize(("spelling", "name"), _shipped_given()["samples"])
def test_given_index_samples(spelling: str, name: str) -> None:
    classes = _given._data()["classes"]
    ids = {cid for cid, cls in enumerate(classes) if name in cls["names"]}
    assert ids and ids <= given_classes(spelling)
    assert given_table().by_key[fold_word(spelling)[0]] & ids
