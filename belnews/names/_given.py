"""Given names: the equivalence classes of ``belnews/data/given_names.json``, indexed by key.

A spelling belongs to every class that has a member with the same phonetic key, so unseen
spellings ("Aljaksandr") join their class without being listed; the table only needs the
equivalences no key can see (Alexander ~ Oleksandr, Vladimir ~ Uladzimir, Eduard ~ Edik).
"""

from __future__ import annotations

import functools
import importlib.resources
import json
from typing import Any

import attrs

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
    raw = (importlib.resources.files("belnews") / "data" / "given_names.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(raw)
    return data


@functools.cache
def given_table() -> GivenTable:
    """Load and index the given-name table (once)."""
    data = _data()
    by_key: dict[str, set[int]] = {}
    by_stem: dict[str, set[int]] = {}
    genders: list[Gender | None] = []
    initials: list[frozenset[str]] = []
    members: list[frozenset[str]] = []
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
        genders.append(Gender(cls["gender"]) if cls.get("gender") else None)
        initials.append(frozenset(k[0] for k in keys))
        members.append(frozenset(keys))
    return GivenTable(
        by_key={k: frozenset(v) for k, v in by_key.items()},
        by_stem={k: frozenset(v) for k, v in by_stem.items()},
        genders=tuple(genders),
        initials=tuple(initials),
        members=tuple(members),
        samples=tuple((a, b, bool(same)) for a, b, same in data["samples"]),
    )
