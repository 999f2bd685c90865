"""Given names: the equivalence classes of ``belnews/data/given_names.json``, indexed by key.

A spelling belongs to every class that has a member with the same phonetic key, so unseen
spellings ("Aljaksandr") join their class without being listed; the table only needs the
equivalences no key can see (Alexander ~ Oleksandr, Vladimir ~ Uladzimir, Eduard ~ Edik).

The keys of every spelling are computed ahead into ``belnews/data/given_index.json`` by
``scripts/build_derived_tables.py``; the file is used while the tables it was computed from
are unchanged (a test checks it equals what the code computes).
"""

from __future__ import annotations

import functools
import json
from typing import Any

import attrs

from belnews._data import load_table, read_text, table_checksum
from belnews.model import Gender
from belnews.names._key import fold_word

__all__ = ["GivenTable", "given_table"]


@attrs.frozen
class GivenTable:
    """The given-name classes indexed by key: each key reading -> the ids of its classes."""

    by_key: dict[str, frozenset[int]]
    by_stem: dict[str, frozenset[int]]
    genders: tuple[Gender | None, ...]
    initials: tuple[frozenset[str], ...]
    members: tuple[frozenset[str], ...]
    samples: tuple[tuple[str, str, bool], ...]


def _stem(reading: str) -> str:
    return reading.rstrip("aiu") or reading


@functools.cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(read_text("given_names.json"))
    return data


GIVEN_INDEX = "given_index.json"
# The tables the keys are computed from: the shipped index holds while they are unchanged.
KEY_SOURCES = ("given_names.json", "name_phonetics.json", "translit_phonetic.json")


def derived_fields(data: dict[str, Any]) -> dict[str, Any]:
    """The key indexes of the given-name classes of ``data`` (given_names.json), as JSON values.

    ``by_key`` and ``by_stem``: each key reading (or its stem) -> the ids of its classes;
    ``members``: each class's key readings (of its names, not its diminutives), sorted.
    """
    by_key: dict[str, set[int]] = {}
    by_stem: dict[str, set[int]] = {}
    members: list[list[str]] = []
    for cid, cls in enumerate(data["classes"]):
        keys: set[str] = set()
        for spelling in cls["names"]:
            for reading in fold_word(spelling):
                keys.add(reading)
                by_key.setdefault(reading, set()).add(cid)
                by_stem.setdefault(_stem(reading), set()).add(cid)
        for spelling in cls["diminutives"]:
            for reading in fold_word(spelling):
                by_key.setdefault(reading, set()).add(cid)
        members.append(sorted(keys))
    return {
        "by_key": {k: sorted(by_key[k]) for k in sorted(by_key)},
        "by_stem": {k: sorted(by_stem[k]) for k in sorted(by_stem)},
        "members": members,
    }


def computed_index_fields() -> dict[str, Any]:
    """The fields of ``given_index.json`` that the code computes (the rest is written by hand)."""
    return {"sources_crc32": {n: table_checksum(n) for n in KEY_SOURCES}, **derived_fields(_data())}


def _derived() -> dict[str, Any]:
    """``derived_fields``: as shipped in ``given_index.json`` while its sources are unchanged."""
    shipped: dict[str, Any] = load_table(GIVEN_INDEX)
    if shipped["sources_crc32"] == {n: table_checksum(n) for n in KEY_SOURCES}:
        return shipped
    return derived_fields(_data())


@functools.cache
def given_table() -> GivenTable:
    """Load and index the given-name table (once)."""
    data = _data()
    derived = _derived()
    members = tuple(frozenset(m) for m in derived["members"])
    return GivenTable(
        by_key={k: frozenset(v) for k, v in derived["by_key"].items()},
        by_stem={k: frozenset(v) for k, v in derived["by_stem"].items()},
        genders=tuple(Gender(cls["gender"]) if cls.get("gender") else None for cls in data["classes"]),
        initials=tuple(frozenset(k[0] for k in keys) for keys in members),
        members=members,
        samples=tuple((a, b, bool(same)) for a, b, same in data["samples"]),
    )
