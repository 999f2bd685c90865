"""``same_person``: can two name strings denote one person?

Family names must agree by key (and by the gender their endings show), given names by
class or key (an initial fits a name it can begin), patronymics by the father's name they
carry. A missing part never contradicts: "Lukashenko" ~ "Alexander Lukashenko".
"""

from __future__ import annotations

import functools

import attrs

from belnews.model import Gender
from belnews.names._given import given_table
from belnews.names._key import fold_word, patronymic_stem
from belnews.names._parse import family_form, given_classes, read_name

__all__ = ["Keys", "family_keys", "keys_of", "same_keys"]

_VOWELS = "aiu"


@functools.lru_cache(maxsize=65536)
def family_keys(family: str) -> tuple[str, ...]:
    """The key readings of a family name, likeliest first (gender ending folded to masculine)."""
    masc, _ = family_form(family)
    out: list[str] = []
    for reading in fold_word(masc):
        key = reading.rstrip(_VOWELS)
        key = key if len(key) >= 2 else reading
        if key not in out:
            out.append(key)
    return tuple(out)


@attrs.frozen
class _Given:
    readings: frozenset[str]
    classes: frozenset[int]
    initial: str | None  # the folded letter, for an initial only
    starts: frozenset[str]  # folded letters this name can begin with


@functools.lru_cache(maxsize=65536)
def _given(word: str) -> _Given:
    table = given_table()
    bare = word.rstrip(".")
    readings = frozenset(fold_word(bare))
    if word.endswith(".") or (len(bare) == 1 and bare.isupper()):
        first = fold_word(bare)
        return _Given(readings, frozenset(), first[0][0] if first else None, frozenset())
    classes = given_classes(bare)
    starts = {r[0] for r in readings}
    for cid in classes:
        starts |= table.initials[cid]
    return _Given(readings, classes, None, frozenset(starts))


@attrs.frozen
class Keys:
    """Everything ``same_person`` compares, computed once per string."""

    empty: bool
    family: frozenset[str]
    given: _Given | None
    patronymic: frozenset[str]
    patronymic_classes: frozenset[int]
    gender: Gender | None


@functools.lru_cache(maxsize=65536)
def keys_of(text: str) -> Keys:
    """The comparison keys of one name string."""
    name = read_name(text)
    family = frozenset(family_keys(name.family)) if name.family else frozenset()
    given = _given(name.given[0]) if name.given else None
    stems: frozenset[str] = frozenset()
    classes: frozenset[int] = frozenset()
    if name.patronymic:
        stems = frozenset(patronymic_stem(r) for r in fold_word(name.patronymic))
        by_stem = given_table().by_stem
        for stem in stems:
            classes |= by_stem.get(stem, frozenset())
    return Keys(
        empty=not family and given is None,
        family=family,
        given=given,
        patronymic=stems,
        patronymic_classes=classes,
        gender=name.gender,
    )


def _one_consonant_apart(a: str, b: str) -> bool:
    """True when the longer (7+ letters) is the shorter with one consonant inserted, not first."""
    if len(a) < len(b):
        a, b = b, a
    if len(a) != len(b) + 1 or len(a) < 7:
        return False
    for i in range(1, len(a)):
        if a[:i] + a[i + 1 :] == b:
            return a[i] not in _VOWELS
    return False


@functools.lru_cache(maxsize=65536)
def _given_agree(a: _Given, b: _Given) -> bool:
    if a.initial is not None or b.initial is not None:
        if a.initial is not None and b.initial is not None:
            return a.initial == b.initial
        full, init = (b, a.initial) if a.initial is not None else (a, b.initial)
        return init in full.starts
    if a.classes and b.classes:
        return bool(a.classes & b.classes)
    if a.readings & b.readings:
        return True
    # One side is not in the table: allow one dropped consonant in a long name (Voloymyr).
    members = given_table().members
    pool_a = a.readings.union(*(members[c] for c in a.classes))
    pool_b = b.readings.union(*(members[c] for c in b.classes))
    return any(_one_consonant_apart(x, y) for x in pool_a for y in pool_b)


def same_keys(a: Keys, b: Keys) -> bool:
    """The decision of ``same_person`` on two computed keys."""
    if a.empty or b.empty:
        return False
    if a.gender is not None and b.gender is not None and a.gender is not b.gender:
        return False
    if a.family and b.family:
        if not a.family & b.family:
            return False
    elif a.given is None or b.given is None:
        return False
    if a.given is not None and b.given is not None and not _given_agree(a.given, b.given):
        return False
    if a.patronymic and b.patronymic:
        return bool(a.patronymic & b.patronymic or a.patronymic_classes & b.patronymic_classes)
    return True
