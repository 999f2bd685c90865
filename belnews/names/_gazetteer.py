"""The people gazetteer (``belnews/data/people.json``): lookup by any spelling, display names.

Entries are indexed by the key of their family name, so a lookup is a dict hit followed by
``same_person`` on the few entries that share the key (whose full keys are computed only then).

When several entries fit, two rules may still pick one: an entry that carries the query's
family name letter for letter beats entries that only share its key (``Bialiatski`` is not
``Biletsky``), and a surname alone ("Lukashenko", "Aliyev") means the entry flagged
``primary_for_surname``, the one the press means by the bare surname. A surname alone never
resolves to an entry flagged ``common_surname`` unless that entry is also the primary one
("Ivanov" alone is not Sergei Ivanov).

The family-name keys of every entry are computed ahead of time into
``belnews/data/people_index.json`` by ``scripts/build_derived_tables.py`` (parsing 1,400 name
forms would take a large part of a first call). The shipped index is used only while the
tables it was made from are unchanged (their checksums are recorded in it); a test checks it
equals what the code computes, so a change to the key rules cannot leave it stale either.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from belnews._data import data_bytes, load_table, table_checksum
from belnews.errors import InputTypeError
from belnews.model import Gender
from belnews.names._match import Keys, family_keys, keys_of, same_keys
from belnews.names._parse import display_latin, read_name
from belnews.names._translit import cyrillic_language, has_cyrillic, romanize

__all__ = ["Person", "lookup_person", "normalize_name"]


def _tuple(values: Iterable[str]) -> tuple[str, ...]:
    """``tuple`` as a Python function: attrs reads a converter's signature, and reading a built-in's
    costs the first call ~10 ms (it loads the tokenizer)."""
    return tuple(values)


@attrs.frozen
class Person:
    """A public figure from the gazetteer.

    Attributes:
        name: the canonical English name (the English Wikipedia title where there is one).
        native: the name in its original Cyrillic (Belarusian, Russian, Ukrainian ...).
        aliases: other Latin spellings seen in print.
        gender: the person's gender, where recorded.
        country: ISO 3166-1 alpha-2 code of the country the person is a public figure of.
        roles: main offices and roles.
        wikidata: the Wikidata QID, where verified.
        primary_for_surname: the press means this person by the bare surname, even though
            other entries share it (Alexander Lukashenko among the Lukashenkos).
        common_surname: the surname is common, so a bare surname is not taken for this person.
    """

    name: str
    native: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    gender: Gender | None = None
    country: str | None = None
    roles: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    wikidata: str | None = None
    primary_for_surname: bool = False
    common_surname: bool = False


@attrs.frozen
class _Index:
    people: tuple[Person, ...]
    texts: tuple[tuple[str, ...], ...]  # each entry's name forms: name, native names, aliases
    by_family: dict[str, tuple[int, ...]]


def _forms(texts: tuple[str, ...]) -> Iterator[Keys]:
    """The comparison keys of an entry's name forms (``keys_of`` is cached)."""
    return (k for k in map(keys_of, texts) if not k.empty)


def _surfaces(texts: tuple[str, ...]) -> frozenset[str]:
    """An entry's family names as written, folded by ``_surface``."""
    return frozenset(_surface(read_name(f).family) for f in texts) - {""}


def _person(raw: dict[str, Any]) -> Person:
    gender = raw.get("gender")
    return Person(
        name=raw["name"],
        native=raw.get("native") or (),
        aliases=raw.get("aliases") or (),
        gender=Gender(gender) if gender in ("m", "f") else None,
        country=raw.get("country"),
        roles=raw.get("roles") or (),
        wikidata=raw.get("wikidata"),
        primary_for_surname=bool(raw.get("primary_for_surname")),
        common_surname=bool(raw.get("common_surname")),
    )


def _surface(family: str | None) -> str:
    """A family name as written, without case, accents or separators (``Nausėda`` -> ``nauseda``)."""
    if not family:
        return ""
    decomposed = unicodedata.normalize("NFKD", family.casefold())
    return "".join(c for c in decomposed if c.isalpha() and not unicodedata.combining(c))


PEOPLE_INDEX = "people_index.json"
# The tables the family keys are computed from: the shipped index holds while they are unchanged.
KEY_SOURCES = (
    "people.json",
    "given_names.json",
    "name_particles.json",
    "name_phonetics.json",
    "translit_phonetic.json",
)


@functools.cache
def _people_bytes() -> bytes:
    """The bytes of ``people.json`` (empty when the file is absent)."""
    return data_bytes("people.json") or b""


def source_checksums() -> dict[str, int]:
    """The checksum of each table in ``KEY_SOURCES``, as ``people_index.json`` records them."""
    return {name: table_checksum(name) for name in KEY_SOURCES}


@functools.cache
def _raw_people() -> tuple[dict[str, Any], ...]:
    data = _people_bytes()
    return tuple(json.loads(data).get("people", ())) if data else ()


def _entries(entries: tuple[dict[str, Any], ...]) -> tuple[tuple[Person, ...], tuple[tuple[str, ...], ...]]:
    """The entries as :class:`Person` records, and each one's name forms."""
    people = tuple(_person(e) for e in entries)
    return people, tuple((p.name, *p.native, *p.aliases) for p in people)


def family_index(texts: tuple[tuple[str, ...], ...]) -> dict[str, tuple[int, ...]]:
    """Family-name key -> the positions of the entries (their name forms ``texts``) that have it."""
    by_family: dict[str, list[int]] = {}
    for pid, forms in enumerate(texts):
        # only the family keys here: the rest of an entry's keys is computed when a lookup needs it
        families = (read_name(f).family for f in forms)
        for fk in {fk for family in families if family for fk in family_keys(family)}:
            by_family.setdefault(fk, []).append(pid)
    return {k: tuple(v) for k, v in by_family.items()}


def build_index(entries: tuple[dict[str, Any], ...]) -> _Index:
    """Index gazetteer entries (dicts of the people.json shape) by family-name key."""
    people, texts = _entries(entries)
    return _Index(people, texts, family_index(texts))


def _shipped_family_index() -> dict[str, tuple[int, ...]] | None:
    """The family index of ``people_index.json``, or None when it was made from another people.json."""
    table: dict[str, Any] = load_table(PEOPLE_INDEX)
    if table["sources_crc32"] != source_checksums():
        return None
    return {k: tuple(v) for k, v in table["by_family"].items()}


def computed_index_fields() -> dict[str, Any]:
    """The fields of ``people_index.json`` that the code computes (the rest is written by hand)."""
    by_family = family_index(_entries(_raw_people())[1])
    return {
        "sources_crc32": source_checksums(),
        "by_family": {k: list(by_family[k]) for k in sorted(by_family)},
    }


@functools.cache
def _index() -> _Index:
    people, texts = _entries(_raw_people())
    shipped = _shipped_family_index()
    return _Index(people, texts, family_index(texts) if shipped is None else shipped)


def find_person(text: str, index: _Index) -> Person | None:
    """The one entry of ``index`` that ``text`` names, or None (unknown or ambiguous)."""
    query = keys_of(text)
    if query.empty or not query.family:
        return None
    candidates = sorted({pid for fk in query.family for pid in index.by_family.get(fk, ())})
    hits = [
        pid
        for pid in candidates
        if (query.gender is None or index.people[pid].gender in (None, query.gender))
        and any(same_keys(query, form) for form in _forms(index.texts[pid]))
    ]
    if len(hits) > 1:
        written = _surface(read_name(text).family)
        exact = [pid for pid in hits if written in _surfaces(index.texts[pid])]
        hits = exact if exact else hits
    if query.given is None and not query.patronymic:
        return _surname_alone([index.people[pid] for pid in hits])
    return index.people[hits[0]] if len(hits) == 1 else None


def _surname_alone(hits: list[Person]) -> Person | None:
    """The person a bare surname means among the entries it fits, or None.

    The one entry flagged primary for the surname wins; otherwise a single fitting entry,
    unless its surname is flagged common.
    """
    primary = [p for p in hits if p.primary_for_surname]
    if len(primary) == 1:
        return primary[0]
    if len(hits) == 1 and not hits[0].common_surname:
        return hits[0]
    return None


def lookup_person(text: str) -> Person | None:
    """The gazetteer entry a name denotes, however it is spelled.

    A surname alone resolves when one entry of a fitting gender has that family name (and the
    name is not flagged common), or, when several do, to the one flagged as the person the
    press means by the bare surname (``primary_for_surname``). An entry that has the query's
    family name letter for letter is preferred over entries that only share its phonetic key.

    Args:
        text: a personal name, in Latin or Cyrillic script.

    Returns:
        The :class:`Person`, or None when the name is not in the gazetteer or is ambiguous.

    Raises:
        InputTypeError: ``text`` is not a str.

    >>> p = lookup_person("Svetlana Tikhanovskaya")
    >>> p.name if p else "Sviatlana Tsikhanouskaya"
    'Sviatlana Tsikhanouskaya'
    >>> p = lookup_person("Tsikhanouski")
    >>> p.name if p else "Sergei Tikhanovsky"
    'Sergei Tikhanovsky'
    >>> p = lookup_person("Łukaszenka")
    >>> p.name if p else "Alexander Lukashenko"
    'Alexander Lukashenko'
    """
    if not isinstance(text, str):
        raise InputTypeError(f"lookup_person takes a name as text (str), not {type(text).__name__}")
    return _find(text)


@functools.lru_cache(maxsize=16384)
def _find(text: str) -> Person | None:
    """``find_person`` in the package's gazetteer, once per string."""
    return find_person(text, _index())


def _display_word(word: str, scheme_text: str) -> str:
    if has_cyrillic(word):
        lang = cyrillic_language(scheme_text)
        word = romanize(
            word, "be_national" if lang == "be" else "uk_national" if lang == "uk" else "bgn_pcgn"
        )
    else:
        word = display_latin(word)
    letters = [c for c in word if c.isalpha()]
    if len(letters) > 1 and all(c.isupper() for c in letters):
        word = "-".join(part.capitalize() for part in word.split("-"))
    return word


def normalize_name(text: str) -> str:
    """The display form belnews uses for a personal name.

    The gazetteer's canonical English spelling where :func:`lookup_person` knows the person
    (a bare surname too, under its rules: "Łukaszenka" is Alexander Lukashenko, but an unknown
    "Ivan Lukashenko" or a common surname alone is never made into a famous one); otherwise a
    clean Latin form of the input: honorifics dropped, given names first, ALL-CAPS family names in
    title case, Cyrillic romanised by BGN/PCGN (Russian), the Belarusian national Latin
    (Belarusian) or the Ukrainian national system (Ukrainian), as the letters show.

    Args:
        text: a personal name, in Latin or Cyrillic script.

    Returns:
        The display name ("" when the text holds no name).

    Raises:
        InputTypeError: ``text`` is not a str.

    >>> normalize_name("Svetlana Tikhanovskaya") in ("Sviatlana Tsikhanouskaya", "Svetlana Tikhanovskaya")
    True
    >>> normalize_name("Mr Ivan IVANOV-PETROVSKY")
    'Ivan Ivanov-Petrovsky'
    >>> normalize_name("Сідарэнка, Яўген")
    'Yauhen Sidarenka'
    >>> normalize_name("Ivan LUKASHENKO")
    'Ivan Lukashenko'
    """
    if not isinstance(text, str):
        raise InputTypeError(f"normalize_name takes a name as text (str), not {type(text).__name__}")
    return _normalized(text)


@functools.lru_cache(maxsize=16384)
def _normalized(text: str) -> str:
    person = _find(text)
    if person is not None:
        return person.name
    name = read_name(text)
    parts = [
        *name.given,
        *([name.patronymic] if name.patronymic else []),
        *([name.family] if name.family else []),
    ]
    if not parts:
        return " ".join(text.split())
    return " ".join(_display_word(w, text) for p in parts for w in p.split())
