"""Mentions -> persons, organisations, countries, places and groups, with coreference.

No statistical model: known names come from exact tables (countries, places, organisations,
group nouns), and a capitalised sequence is a person only on evidence: an honorific or a
title before it, a known given name, an apposition ("Gennady, a logistics worker"), a speech
verb next to it, or an East-Slavic surname form. Within the article, a bare surname joins
the nearest compatible full name before it (same family name, same gender), so two people
who share a surname stay two. A role description ("the Belarusian leader") joins the one
person the article gives that role.

>>> from belnews.clean import clean_article
>>> doc = clean_article("Title\\n\\nBelarusian President Alexander Lukashenko met Russian leader "
...                     "Vladimir Putin in Sochi. Lukashenko said protesters were paid.")
>>> [(a.name, a.kind.value, a.country) for a in find_actors(doc)]
... # doctest: +NORMALIZE_WHITESPACE
[('Belarus', 'country', 'BY'), ('Alexander Lukashenko', 'person', 'BY'), ('Russia', 'country', 'RU'),
 ('Vladimir Putin', 'person', 'RU'), ('Sochi', 'location', 'RU'), ('protesters', 'group', None)]
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
import string
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, Protocol

import regex

from belnews._capitals import capital_phrases
from belnews._countries import CountryRef, country_gazetteer, country_name, lookup_country
from belnews._lazy import lazy_regex
from belnews._mentions import (
    Gazetteer,
    Gazetteers,
    Hit,
    Words,
    find_known_in,
    fold,
    load_data,
    read_words,
    slug,
)
from belnews._orgs import Org, lookup_org, national_name, org_gazetteer, org_heads
from belnews._pattern_cache import compile_stored, compile_stored_re
from belnews._places import Place, place_gazetteer
from belnews.clean import Cleaned
from belnews.model import Actor, ActorKind, Gender, Mention, Span
from belnews.names import lookup_person, name_key, normalize_name, parse_name, same_person
from belnews.names._given import given_table
from belnews.names._key import fold_word

__all__ = ["find_actors"]


# --- the people gazetteer ---------------------------------------------------------------


class _KnownPerson(Protocol):
    """What the people gazetteer (``belnews.names.lookup_person``) tells about a person."""

    @property
    def name(self) -> str: ...
    @property
    def gender(self) -> Gender | None: ...
    @property
    def country(self) -> str | None: ...
    @property
    def roles(self) -> tuple[str, ...]: ...
    @property
    def wikidata(self) -> str | None: ...


@functools.lru_cache(maxsize=8192)
def _known_person(text: str) -> _KnownPerson | None:
    """The people gazetteer's record of a name, or ``None``."""
    return lookup_person(text)


# --- the cue tables ----------------------------------------------------------------------


class _Cues:
    """The cue tables of this module (read-only: nothing is assigned after ``__init__``)."""

    __slots__ = (
        "auxiliaries",
        "function_words",
        "given",
        "group_needs",
        "groups",
        "head_cut",
        "head_roles",
        "honorifics",
        "no_lone_name",
        "not_after_opposition",
        "not_names",
        "particles",
        "place_after",
        "place_firsts",
        "place_heads",
        "plural_endings",
        "role_description",
        "role_firsts",
        "slavic_given",
        "speech_first",
        "speech_pairs",
        "speech_verbs",
        "surname_shapes",
        "thing_after",
        "thing_firsts",
        "thing_heads",
        "things",
        "title_by_run",
        "title_firsts",
        "title_heads",
        "title_in",
        "title_lasts",
        "title_words",
        "titles",
        "weak_particles",
    )

    def __init__(
        self,
        *,
        honorifics: dict[str, Gender | None],
        titles: frozenset[str],
        title_firsts: frozenset[str],
        title_lasts: frozenset[str],
        title_heads: frozenset[str],
        title_words: int,
        head_roles: frozenset[str],
        speech_first: frozenset[str],
        speech_verbs: frozenset[str],
        speech_pairs: frozenset[tuple[str, str]],
        auxiliaries: frozenset[str],
        title_in: Callable[[], regex.Pattern[str]],
        title_by_run: dict[str, tuple[str, ...]],
        role_description: Callable[[], regex.Pattern[str]],
        role_firsts: tuple[str, ...],
        given: dict[str, Gender],
        slavic_given: frozenset[str],
        function_words: frozenset[str],
        not_names: frozenset[str],
        no_lone_name: frozenset[str],
        groups: Gazetteer[str],
        group_needs: dict[str, str],
        not_after_opposition: frozenset[str],
        particles: frozenset[str],
        surname_shapes: dict[str, tuple[str, ...]],
        weak_particles: frozenset[str],
        things: frozenset[str],
        thing_after: Callable[[], regex.Pattern[str]],
        thing_firsts: tuple[str, ...],
        place_after: Callable[[], regex.Pattern[str]],
        place_firsts: tuple[str, ...],
        head_cut: int,
        thing_heads: frozenset[str],
        place_heads: frozenset[str],
        plural_endings: tuple[str, ...],
    ) -> None:
        self.honorifics = honorifics
        self.titles = titles
        self.title_firsts = title_firsts  # the first and the last words of the titles, for a quick test
        self.title_lasts = title_lasts
        self.title_heads = title_heads  # the titles' parts before their first space (a word never holds one)
        self.title_words = title_words
        self.head_roles = head_roles
        # the words a speech cue can begin with, for a quick test (``_speech_after``)
        self.speech_first = speech_first
        self.speech_verbs = speech_verbs
        self.speech_pairs = speech_pairs  # the speech verbs of two words ("pointed out")
        self.auxiliaries = auxiliaries  # the words that may stand before the verb ("has", "also")
        self.title_in = title_in  # any title, in any case (``_title_noun``; texts beyond ASCII only)
        self.title_by_run = title_by_run  # the titles by their first letters, longest first
        self.role_description = role_description
        self.role_firsts = role_firsts  # the first words of the roles ``role_description`` ends with
        self.given = given
        self.slavic_given = slavic_given
        self.function_words = function_words
        self.not_names = not_names
        self.no_lone_name = no_lone_name  # the honorifics and the words that are no name: no name alone
        self.groups = groups
        self.group_needs = group_needs
        self.not_after_opposition = not_after_opposition
        self.particles = particles
        self.surname_shapes = surname_shapes
        self.weak_particles = weak_particles
        self.things = things
        self.thing_after = thing_after
        self.thing_firsts = thing_firsts  # the first words of ``thing_after``'s nouns, for a quick test
        self.place_after = place_after
        self.place_firsts = place_firsts
        # the first ``head_cut`` letters of the words of ``thing_firsts`` and ``place_firsts`` (as many as the
        # shortest word has): a quicker test of the text after a name, before ``startswith`` reads the tuple
        self.head_cut = head_cut
        self.thing_heads = thing_heads
        self.place_heads = place_heads
        self.plural_endings = plural_endings  # of a capitalised plural noun (``_plural_opener``)


def _alternation(words: Iterable[str]) -> str:
    return "|".join(
        regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=lambda w: (-len(w), w))
    )


def _by_first_run(titles: list[str]) -> dict[str, tuple[str, ...]]:
    """The titles by the letters they begin with (up to their first space or hyphen), longest first."""
    out: dict[str, list[str]] = {}
    for title in sorted(set(titles), key=lambda t: (-len(t), t)):
        out.setdefault(_rx(r"[a-z]*").match(title).group(), []).append(title)  # type: ignore[union-attr]
    return {run: tuple(ts) for run, ts in out.items()}


@functools.cache
def _cues() -> _Cues:
    t = load_data("titles.json")
    nn = load_data("not_names.json")
    gr = load_data("groups.json")
    titles = [w.casefold() for w in t["titles"]]
    auxiliaries = ("has", "had", "have", "also", "then", "later", "once", "recently")
    given: dict[str, Gender] = {}
    slavic: set[str] = set()
    for origin in ("other", "east_slavic"):
        for g, names in t["given_names"][origin].items():
            for n in names:
                given[n] = Gender(g)
                if origin == "east_slavic":
                    slavic.add(n)
    groups: Gazetteer[str] = Gazetteer()
    for entry in gr["groups"]:
        for form in entry["forms"]:
            groups.add(form, entry["name"], lowercase_ok=True)
    roles = _alternation(t["role_descriptions"])
    not_names = frozenset(nn["function_words"]) | frozenset(nn["words"]) | frozenset(nn["things"])
    thing_firsts = {w.split(" ")[0] for w in nn["thing_nouns"]}
    place_firsts = {w.split(" ")[0] for w in nn["place_nouns"]}
    cut = min(map(len, thing_firsts | place_firsts))
    return _Cues(
        honorifics={k: (None if v is None else Gender(v)) for k, v in t["honorifics"].items()},
        titles=frozenset(titles),
        title_firsts=frozenset(t.split()[0] for t in titles),
        title_lasts=frozenset(t.split()[-1] for t in titles),
        title_heads=frozenset(t.split(" ")[0] for t in titles),
        title_words=max(w.count(" ") + 1 for w in titles),
        head_roles=frozenset(t["head_roles"]),
        speech_first=frozenset(("who", *auxiliaries, *(v.split()[0] for v in t["speech_verbs"]))),
        speech_verbs=frozenset(v for v in t["speech_verbs"] if " " not in v),
        speech_pairs=frozenset((v.split()[0], v.split()[1]) for v in t["speech_verbs"] if " " in v),
        auxiliaries=frozenset(auxiliaries),
        title_in=lazy_regex(rf"(?i)\b(?:{_alternation(titles)})\b"),
        title_by_run=_by_first_run(titles),
        role_description=lazy_regex(
            rf"\b[Tt]he\s+(?:(?P<dem>\p{{Lu}}[\p{{L}}-]+)\s+)?(?P<adj>(?:[a-z][a-z-]+\s+){{0,2}}?)"
            rf"(?P<role>{roles})\b(?!\s+(?:of|to|in|for)\b|[\s\u00a0]+\p{{Lu}})"
        ),
        role_firsts=tuple(sorted({r.split()[0] for r in t["role_descriptions"]})),
        given=given,
        slavic_given=frozenset(slavic),
        function_words=frozenset(nn["function_words"]),
        not_names=not_names,
        no_lone_name=frozenset(t["honorifics"]) | not_names,
        groups=groups,
        group_needs={e["name"]: e["needs"] for e in gr["groups"] if "needs" in e},
        not_after_opposition=frozenset(gr["not_after_opposition"]),
        particles=frozenset(load_data("name_particles.json")["particles"]),
        surname_shapes={k: tuple(v) for k, v in t["surname_shapes"].items()},
        weak_particles=frozenset(nn["weak_particles"]),
        things=frozenset(nn["things"]),
        thing_after=lazy_regex(rf"^[\s\u00a0]+(?:{_alternation(nn['thing_nouns'])})\b"),
        thing_firsts=tuple(thing_firsts),
        place_after=lazy_regex(rf"^[\s\u00a0]+(?:{_alternation(nn['place_nouns'])})\b"),
        place_firsts=tuple(place_firsts),
        head_cut=cut,
        thing_heads=frozenset(w[:cut] for w in thing_firsts),
        place_heads=frozenset(w[:cut] for w in place_firsts),
        plural_endings=tuple(nn["plural_endings"]),
    )


@functools.cache
def _known_tables() -> Gazetteers:
    """The organisation, place, country and group tables, read in one pass (in that order)."""
    return Gazetteers(
        (
            (org_gazetteer(), False),
            (place_gazetteer(), True),
            (country_gazetteer(), True),
            (_cues().groups, False),
        )
    )


@functools.cache
def _rx(pattern: str) -> regex.Pattern[str]:
    """A pattern compiled once."""
    return compile_stored(pattern)


_LOCATIVES = frozenset(
    {"in", "to", "from", "at", "near", "into", "across", "outside", "inside", "via", "toward", "towards"}
)


class _Patterns:
    """The patterns of this module (read-only: nothing is assigned after ``__init__``)."""

    __slots__ = (
        "apposition_after",
        "apposition_before",
        "complement",
        "of_country",
        "owner_before",
        "pronoun",
        "word_before",
    )

    def __init__(
        self,
        *,
        apposition_after: Callable[[], regex.Pattern[str]],
        apposition_before: Callable[[], regex.Pattern[str]],
        complement: Callable[[], regex.Pattern[str]],
        of_country: Callable[[], regex.Pattern[str]],
        word_before: Callable[[], regex.Pattern[str]],
        owner_before: Callable[[], regex.Pattern[str]],
        pronoun: Callable[[], regex.Pattern[str]],
    ) -> None:
        self.apposition_after = apposition_after
        self.apposition_before = apposition_before
        self.complement = complement
        self.of_country = of_country
        self.word_before = word_before
        self.owner_before = owner_before
        self.pronoun = pronoun


@functools.cache
def _re() -> _Patterns:
    """The patterns of this module, each compiled on its first use."""
    return _Patterns(
        apposition_after=lazy_regex(
            r"^(?:,|\s+[-–—])\s+(?:(?:a|an|the)\s+(?P<phrase>[^,.;:!?()“”\"]{1,90})|(?P<who>who|whose)\b|"
            r"(?P<bare>[a-z][^,.;:!?()“”\"]{1,60}))"
        ),
        apposition_before=lazy_regex(r"^\s*(?:\p{L}+\s+)?(?:[Tt]he|[Aa]n?)\s+(?P<phrase>[^,()“”\"]{1,90})$"),
        complement=lazy_regex(r"\s+(?:of|at|for)(?:\s+(?:the\s+)?[\p{L}\-]+){1,5}"),
        of_country=lazy_regex(r"^\s+of\s+(?:the\s+)?(\p{L}[\p{L}.]*(?:\s+\p{Lu}\p{L}+)?)"),
        # searched from the end ("(?r)"): the same match as a forward search, found without trying
        # every start in the window
        word_before=lazy_regex(r"(?r)(\p{L}[\p{L}.\-]*(?:['’]s)?)[\s\u00a0]+$"),
        owner_before=lazy_regex(
            r"(?:^|[\s(])(?P<owner>\p{Lu}[\p{L}\-]+)['’]s\s+(?P<role>(?:[a-z\-]+\s+){0,3}[a-z\-]+)(?P<comma>,?)[\s\u00a0]+$"
        ),
        pronoun=lazy_regex(r"\b(?:(?P<m>he|him|his|himself)|(?P<f>she|her|hers|herself))\b", regex.I),
    )


_SENTENCE_END = frozenset(".!?:…")

# Name endings, tested with ``_ends_with`` (what a pattern ``(?:a|b)$`` finds, without compiling one)
_SLAVIC_SURNAME = (
    *(
        "enko",
        "ovich",
        "evich",
        "ovna",
        "evna",
        "ov",
        "ova",
        "ev",
        "eva",
        "yov",
        "yova",
        "sky",
        "ski",
        "skiy",
    ),
    *("skaya", "ska", "skaja", "in", "ina", "yn", "yna", "uk", "yuk", "chuk", "chyk", "chik", "ich", "ovski"),
    *("ouski", "ouskaya", "ouska", "ava", "au", "eu", "ik", "ak", "ka"),
)
_FOREIGN_SURNAME = (
    "yan",
    "yants",
    "shvili",
    "dze",
    "uly",
    "kyzy",
    "escu",
    "eanu",
    "iyev",
    "yev",
    "bayev",
    "bekov",
    "zade",
)
_FEMININE_SURNAME = (
    "ova",
    "eva",
    "yova",
    "ina",
    "yna",
    "skaya",
    "ska",
    "skaja",
    "ouskaya",
    "ouska",
    "ava",
    "aya",
)
_MASCULINE_SURNAME = ("ov", "ev", "yov", "in", "yn", "sky", "ski", "skiy", "ouski", "au", "eu")
_PLACE_ENDINGS = (
    "sk",
    "ino",
    "ovo",
    "evo",
    "yevo",
    "grad",
    "gorod",
    "burg",
    "pol",
    "opol",
    "ivka",
    "ovka",
    "evka",
)
_PLACE_ENDINGS_MORE = ("yivka", "ivsk")


def _ends_with(word: str, endings: tuple[str, ...]) -> bool:
    """Whether ``word`` ends with one of ``endings``, or does before a final line break (as ``$`` reads)."""
    return word.endswith(endings) or (word[-1:] == "\n" and word[:-1].endswith(endings))


# --- working records ---------------------------------------------------------------------


class _Draft:
    """An actor being assembled."""

    __slots__ = ("aliases", "country", "gender", "key", "kind", "mentions", "name", "roles", "wikidata")

    def __init__(self, key: str, name: str, kind: ActorKind, country: str | None = None) -> None:
        self.key = key
        self.name = name
        self.kind = kind
        self.country = country
        self.mentions: list[Mention] = []
        self.aliases: list[str] = []
        self.roles: list[str] = []
        self.gender: Gender | None = None
        self.wikidata: str | None = None

    def add(self, text: str, start: int, end: int, *, resolved: bool = False, alias: bool = True) -> None:
        surface = " ".join(text.split())  # (U+00A0 is a space to ``split``)
        self.mentions.append(Mention(surface, Span(start, end), resolved))
        if alias and surface not in self.aliases:
            self.aliases.append(surface)


class _Cand:
    """A capitalised sequence that may name a person."""

    __slots__ = (
        "country",
        "end",
        "full",
        "has_honorific",
        "heading",
        "honorific",
        "name",
        "name_start",
        "pending",
        "role",
        "start",
        "strong",
        "thing",
        "words",
    )

    def __init__(self, start: int, name_start: int, end: int, words: list[str], name: str) -> None:
        self.start = start  # the mention, honorific included
        self.name_start = name_start
        self.end = end
        self.words = words
        self.name = name  # the words joined by spaces (kept in step with ``words``)
        self.honorific: Gender | None = None
        self.has_honorific = False
        self.role: str | None = None
        self.country: str | None = None
        self.strong = False
        self.heading = False
        self.thing = False  # "the Oreshnik missile": a name of a weapon, system or the like
        self.full = False  # ``_full_name(words)``, set once the words are final (``_split_run``)
        # a lone word whose weaker evidence (``_lone_evidence``) is read only where it counts
        # (``_join_single``)
        self.pending = False


def _full_name(words: list[str]) -> bool:
    """Two name words or more ("Anna Petrova"; not "A. Petrova", not "von der Leyen")."""
    seen = False
    for w in words:
        if len(w) > 1 and not w.islower():
            if seen:
                return True
            seen = True
    return False


class _Person:
    """A person being assembled, with what finding the person's other mentions needs."""

    __slots__ = ("anchors", "article_roles", "draft", "family", "forms", "full", "gender", "lone")

    def __init__(
        self,
        full: list[str],
        family: str,
        gender: Gender | None,
        anchors: list[int],
        draft: _Draft,
        forms: dict[str, None],
        lone: bool,
    ) -> None:
        self.full = full
        self.family = family
        self.gender = gender
        self.anchors = anchors  # starts of the full-name mentions
        self.draft = draft
        self.forms = forms  # the distinct names in full, in order (compared without repeats)
        self.lone = lone  # the first name in full is one word
        self.article_roles: tuple[str, ...] = ()  # the roles the article itself states


# --- the stages --------------------------------------------------------------------------


def find_actors(doc: Cleaned) -> tuple[Actor, ...]:
    """Every actor the cleaned article names, each once, ordered by first mention.

    Args:
        doc: the cleaned article.

    Returns:
        Persons, organisations, countries, places and groups with their mentions (spans into
        ``doc.text``); mentions found by coreference have ``resolved=True``.

    >>> from belnews.clean import clean_article
    >>> doc = clean_article("T\\n\\nDmitry Oreshkin, a Russian political scientist, spoke. "
    ...                     "Oreshkin stated it. Political scientist Andrei Oreshkin disagreed. "
    ...                     "Oreshkin explained why.")
    >>> [(a.name, a.country, [m.span.start for m in a.mentions]) for a in find_actors(doc)
    ...  if a.kind is ActorKind.PERSON]
    [('Dmitry Oreshkin', 'RU', [0, 55]), ('Andrei Oreshkin', 'RU', [95, 122])]
    """
    text = doc.text
    words = read_words(text)
    taken = [False] * len(words.texts)
    drafts: dict[str, _Draft] = {}

    org_hits, place_hits, country_hits, group_hits = find_known_in(text, words, _known_tables())
    for hit in org_hits:
        _take(taken, hit)
        _add_org(drafts, hit)
    for hit in _pattern_orgs(text, words, taken):
        _add_org(drafts, hit)
    for place_hit in place_hits:
        if any(taken[place_hit.first : place_hit.last]) or _given_before_surname(place_hit, words):
            continue
        _take(taken, place_hit)
        place: Place = place_hit.value
        d = _draft(drafts, "location:" + slug(place.name), place.name, ActorKind.LOCATION, place.country)
        d.add(place_hit.text, place_hit.start, place_hit.end)
    for c_hit in country_hits:
        if c_hit.last - c_hit.first > 1 or c_hit.text == words.texts[c_hit.first]:
            _take(taken, c_hit)  # a part of a hyphenated word names the country, leaves the word
        code = c_hit.value.code
        d = drafts.get("country:" + code) or _draft(
            drafts, "country:" + code, country_name(code), ActorKind.COUNTRY, code
        )
        d.add(c_hit.text, c_hit.start, c_hit.end, alias=not c_hit.value.demonym)
    for start, end, capital in capital_phrases(text, country_hits):  # "the Belarusian capital": Minsk
        d = _draft(
            drafts, "location:" + slug(capital.name), capital.name, ActorKind.LOCATION, capital.country
        )
        d.add(text[start:end], start, end, resolved=True, alias=False)
        d.mentions.sort(key=_MENTION_START)  # the phrase may come before the city's name
    _groups(text, group_hits, taken, drafts)
    home = _home_country(drafts)
    _national_bodies(text, drafts, home)
    persons = _persons(doc, words, taken)
    _countries_from_bodies(persons, drafts)
    for p in persons:
        if p.draft.country is None and home is not None and _native_shape(p, home):
            p.draft.country = home
        drafts[p.draft.key] = p.draft
    _role_descriptions(text, persons)
    return tuple(_actor(d) for d in sorted(drafts.values(), key=lambda d: d.mentions[0].span.start))


_EAST_SLAVIC_STATES = frozenset({"BY", "RU", "UA"})


def _home_country(drafts: dict[str, _Draft]) -> str | None:
    """The country the article names most often, if it names one most."""
    counts = sorted((n, code) for code, n in _country_weights(drafts).items())[::-1]
    if counts and (len(counts) == 1 or counts[0][0] > counts[1][0]):
        return counts[0][1]
    return None


def _country_weights(drafts: dict[str, _Draft]) -> dict[str, int]:
    """How often the article names each country, by name, demonym or a place in it."""
    weights: dict[str, int] = {}
    for d in drafts.values():
        if d.country and d.kind in (ActorKind.COUNTRY, ActorKind.LOCATION):
            weights[d.country] = weights.get(d.country, 0) + len(d.mentions)
    return weights


def _native_shape(p: _Person, home: str) -> bool:
    """A name of the shape usual in ``home``: the person is taken to be from there (a prior, weaker than
    any article evidence)."""
    if home in _EAST_SLAVIC_STATES:
        return _east_slavic(p)
    family = unicodedata.normalize("NFC", p.draft.name.split()[-1]).casefold()
    return len(family) >= 5 and family.endswith(_cues().surname_shapes.get(home, ()))


def _east_slavic(p: _Person) -> bool:
    """A name of East-Slavic form: a person with no other evidence is taken to be from the
    East-Slavic country the article is about (a prior, weaker than any article evidence)."""
    words = p.draft.name.split()
    cues = _cues()
    return words[0] in cues.slavic_given or (len(words[-1]) >= 5 and _slavic_shape(words[-1]))


def _draft(drafts: dict[str, _Draft], key: str, name: str, kind: ActorKind, country: str | None) -> _Draft:
    d = drafts.get(key)
    if d is None:
        d = drafts[key] = _Draft(key, name, kind, country)
    return d


def _take(taken: list[bool], hit: Hit[Any]) -> None:
    taken[hit.first : hit.last] = [True] * (hit.last - hit.first)


def _given_before_surname(hit: Hit[Place], words: Words) -> bool:
    """A place that is also a given name, followed by a capitalised word ("Sofia Sapega")."""
    nxt = hit.last
    if nxt - hit.first != 1 or nxt >= len(words.texts):
        return False
    return hit.text in _cues().given and words.is_cap[nxt] and words.starts[nxt] == hit.end + 1


_MENTION_START = operator.attrgetter("span.start")


def _actor(d: _Draft) -> Actor:
    actor_id = d.wikidata or d.key
    return Actor(
        id=actor_id,
        name=d.name,
        kind=d.kind,
        country=d.country,
        aliases=tuple(d.aliases),
        roles=tuple(d.roles),
        gender=d.gender,
        mentions=tuple(sorted(d.mentions, key=_MENTION_START)),
    )


# --- organisations -------------------------------------------------------------------------


def _add_org(drafts: dict[str, _Draft], hit: Hit[Org]) -> None:
    org = hit.value
    d = _draft(drafts, "organization:" + slug(org.name), org.name, ActorKind.ORGANIZATION, org.country)
    d.add(hit.text, hit.start, hit.end)


_CONNECTORS = frozenset({"of", "for", "on", "and", "&", "de", "du", "des"})
_CONNECTORS_OR_S = _CONNECTORS | {"s"}


@functools.cache
def _heads_beyond_title_case() -> tuple[str, ...]:
    """The head words of organisations that a word in title case may not spell ("TV"): every word that
    opens with an ASCII capital and is not all capitals is among ``Words.title_case``."""
    return tuple(
        sorted(w for w in org_heads()[2] if not ("A" <= w[0] <= "Z" and (len(w) == 1 or not w.isupper())))
    )


def _pattern_orgs(text: str, read: Words, taken: list[bool]) -> list[Hit[Org]]:
    """Unseen organisations by shape: "... Center", "Ministry of ...", "Prosecutor General's Office"."""
    heads, leading, either = org_heads()
    cues = _cues()
    out: list[Hit[Org]] = []
    texts = read.texts
    is_cap = read.is_cap
    gaps = read.gaps
    n = len(texts)
    done = 0
    # A run of name words is a stretch of words each joined to the one before it (``_joins``); a name needs
    # a head word, so only the stretches that hold one are read (a stretch is the same whichever of its
    # words it is read from: the joins depend on the words alone). A head word in title case is one of the
    # title-case words: only they are read, unless the text holds one of the other head words ("TV")
    scan: Sequence[int] = range(n)
    if not any(w in text for w in _heads_beyond_title_case()):
        scan = read.title_case
    for h in itertools.compress(scan, map(either.__contains__, map(texts.__getitem__, scan))):
        if h < done or taken[h]:
            continue
        a = h
        while a > 0 and not taken[a - 1] and _joins(read, a, heads):
            a -= 1
        j = h + 1
        while j < n and not taken[j] and _joins(read, j, heads):
            j += 1
        done = j
        # the run opens at the stretch's first capitalised word (an organisation's word unless in capitals
        # with a digit or the like)
        i = next((k for k in range(a, j) if texts[k][0].isupper() and (is_cap[k] or texts[k].isalpha())), j)
        if j - i < 2 or not any(texts[k] in either for k in range(i, j)):
            continue  # a name needs two words or more, and a head word (below)
        run = list(range(i, j))
        while run and (
            texts[run[0]] in cues.function_words
            or ("-" in texts[run[0]] and not texts[run[0]].split("-")[-1][:1].isupper())
        ):
            run.pop(0)
        while run and texts[run[-1]] in _CONNECTORS_OR_S:
            run.pop()
        if not run:
            continue
        words = [texts[k] for k in run]
        head_at = max((k for k, w in enumerate(words) if w in heads and k > 0), default=-1)
        if head_at < 0 and words[0] not in leading:
            continue
        if head_at < 0 and len(words) < 3:
            continue
        first = 0
        if head_at > 0:
            ands = [k for k in range(head_at) if words[k] in ("and", "&")]
            if ands:
                first = ands[-1] + 1
        run = run[first:]
        k = run[0] - 1
        if k >= 0 and gaps[run[0]] == " ":
            ref = lookup_country(texts[k])
            if ref is not None and ref.demonym:
                run.insert(0, k)
        start, end = read.starts[run[0]], read.ends[run[-1]]
        surface = text[start:end]
        if lookup_country(surface) is not None or place_gazetteer().get(surface) is not None:
            continue  # "Soviet Union", "Minsk Region"
        country = None
        for k in (run[0], run[0] - 1):
            ref = lookup_country(texts[k]) if k >= 0 else None
            if ref is not None and ref.demonym:
                country = ref.code
                break
        name = " ".join(surface.replace("’", "'").split())
        out.append(Hit(start, end, surface, Org(name, country), run[0], run[-1] + 1))
        for k in run:
            taken[k] = True
    return out


def _national_bodies(text: str, drafts: dict[str, _Draft], home: str | None) -> None:
    """ "Russia's Defence Ministry", "the Foreign Ministry" (in an article about Latvia): the state body
    by its canonical name, where the article makes the country clear."""
    for key, d in list(drafts.items()):
        if d.kind is not ActorKind.ORGANIZATION:
            continue
        form, code = d.name, None
        owner = _owner_body(form)
        if owner is not None and national_name(owner[1], "BY") is not None:
            ref = _country_word(owner[0]) or lookup_country(owner[0])
            if ref is not None:
                form, code = owner[1], ref.code
        if national_name(form, "BY") is None and national_name(form, "RU") is None:
            continue
        code = code or _stated_country(text, d) or home
        name = None if code is None else national_name(form, code)
        if name is None:
            continue
        del drafts[key]
        merged = _draft(drafts, "organization:" + slug(name), name, ActorKind.ORGANIZATION, code)
        merged.mentions.extend(d.mentions)
        merged.aliases.extend(a for a in d.aliases if a not in merged.aliases)


@functools.lru_cache(maxsize=4096)
def _owner_body(name: str) -> tuple[str, str] | None:
    """An organisation's name read as an owner and a body ("Russia's Defence Ministry"), once per name."""
    owner = _rx(r"(\p{Lu}[\p{L}\-]+)(?:['’]s)?\s+(.+)$").match(name)
    return None if owner is None else (owner.group(1), owner.group(2))


def _stated_country(text: str, d: _Draft) -> str | None:
    """The country a demonym or possessive before a mention, or "of <Country>" after it, states."""
    for m in d.mentions:
        span = m.span
        start, end = span.start, span.end
        before = text[max(0, start - 40) : start]
        if before.rstrip().endswith(("the", "The")):  # (``rstrip`` removes every ``\s`` and more)
            before = _rx(r"(?:\bthe|\bThe)[\s\u00a0]+$").sub("", before)
        word = _word_before(before)
        ref = _country_word(word) if word else None
        if ref is None:
            of = _of_country(text[end : end + 40])
            ref = lookup_country(of.group(1)) if of else None
        if ref is not None:
            return ref.code
    return None


def _of_country(after: str) -> regex.Match[str] | None:
    """``_re().of_country`` matched at the start of ``after`` ("of the Belarusian ..."), tried only where
    ``after`` opens with spaces and "of" (``lstrip`` removes every ``\\s``, and stops at the "o").

    >>> _of_country(" of the Ukrainians").group(1), _of_country(" on the way")
    ('Ukrainians', None)
    """
    if not after[:1].isspace() or not after.lstrip().startswith("of"):
        return None
    return _re().of_country().match(after)


def _countries_from_bodies(persons: list[_Person], drafts: dict[str, _Draft]) -> None:
    """ "Treasury Secretary Janet Yellen" where the article names the US Treasury: the body's country."""
    if all(p.draft.country is not None or not p.draft.roles for p in persons):
        return  # no person whose role may tell a country
    owners: dict[str, set[str]] = {}
    for d in drafts.values():
        if d.kind is ActorKind.ORGANIZATION and d.country:
            for form in (d.name, *d.aliases):
                for w in form.split():
                    if w[:1].isupper() and len(w) > 3:
                        owners.setdefault(w, set()).add(d.country)
    for p in persons:
        if p.draft.country is not None:
            continue
        for role in p.draft.roles:
            first = role.split()[0]
            found = owners.get(first, set())
            if len(found) == 1 and first[:1].isupper():
                p.draft.country = next(iter(found))
                break


def _joins(read: Words, j: int, heads: frozenset[str]) -> bool:
    """Whether word ``j`` continues the capitalised run of the word before it: a capitalised word, a
    connector before one ("of", "and") or the possessive "s" before a head word."""
    gap = read.gaps[j]
    word = read.texts[j]
    if gap == " " or gap == "\u00a0":
        return _org_word(read, j) or (
            word in _CONNECTORS and j + 1 < len(read.texts) and _org_word(read, j + 1)
        )
    return (
        (gap == "’" or gap == "'") and word == "s" and j + 1 < len(read.texts) and read.texts[j + 1] in heads
    )


def _org_word(words: Words, k: int) -> bool:
    """A word of an organisation's name: capitalised, or an acronym of letters ("OSCE")."""
    t = words.texts[k]
    return words.is_cap[k] or (len(t) >= 2 and t.isupper() and t.isalpha())


# --- groups ----------------------------------------------------------------------------------


def _groups(text: str, hits: list[Hit[str]], taken: list[bool], drafts: dict[str, _Draft]) -> None:
    cues = _cues()
    found: list[tuple[str, str | None, int, int, str]] = []
    for m in hits:
        if taken[m.last - 1]:  # the head noun belongs to an organisation's name
            continue
        surface, name = m.text, m.value
        after = text[m.end : m.end + 30]
        if name == "opposition":
            nxt = _rx(r"[\s\u00a0]+([a-z]+)").match(after)
            if nxt and nxt.group(1) in cues.not_after_opposition:
                continue
            if text[max(0, m.start - 1) : m.start] == "-":
                continue
        country = None
        before = _word_before(text[max(0, m.start - 30) : m.start])
        if before:
            ref = _country_word(before.rstrip("."))
            if ref is not None:
                country = ref.code
        needs = cues.group_needs.get(name)
        if needs is not None and " " not in fold(surface) and not _group_owner(before, needs, country):
            continue  # "social media", "the national team"
        of = None if country is not None else _of_country(after)
        if of:
            ref = lookup_country(of.group(1))
            if ref is not None and not ref.demonym:
                country = ref.code
        found.append((name, country, m.start, m.end, surface))
        _take(taken, m)
    by_name: dict[str, set[str | None]] = {}
    for name, country, *_ in found:
        by_name.setdefault(name, set()).add(country)
    for name, country, start, end, surface in found:
        countries = by_name[name] - {None}
        if country is None and len(countries) == 1:
            country = next(iter(countries))
        key = "group:" + slug(name) + ("" if country is None else "-" + country.lower())
        d = _draft(drafts, key, name, ActorKind.GROUP, country)
        d.add(surface, start, end)


_OWNER_WORDS = frozenset({"his", "her", "their", "its", "our", "my", "your"})


def _group_owner(before: str | None, needs: str, country: str | None) -> bool:
    """The word before a group noun that needs one: a country ("Russian media") or an owner
    ("his team", "Navalny's team")."""
    if needs == "country" or before is None:
        return country is not None
    return before.casefold() in _OWNER_WORDS or before.endswith(("'s", "’s"))


# --- persons ---------------------------------------------------------------------------------


def _heading_spans(doc: Cleaned) -> list[tuple[int, int]]:
    """Paragraphs written in title case (headings, subheads): capitals are no evidence there."""
    out = []
    for p in doc.paragraphs:
        if p.text.rstrip().endswith((".", "?", "!", "”", '"')):
            continue  # a sentence
        words = _rx(r"\p{L}[\p{L}'’\-]*").findall(p.text)
        if not words or len(words) > 20:
            continue
        long = [w for w in words if len(w) > 3]
        if long and sum(w[0].isupper() for w in long) >= 0.7 * len(long) and len(long) >= 2:
            out.append((p.span.start, p.span.end))
    return out


def _sentence_initial(text: str, pos: int) -> bool:
    k = pos - 1
    while k >= 0 and (text[k] in " \u00a0\t*“\"‘'«(" or text[k] == "\n"):
        if text[k] == "\n":
            return True
        k -= 1
    return k < 0 or text[k] in _SENTENCE_END


def _candidates(doc: Cleaned, words: Words, taken: list[bool]) -> list[_Cand]:
    text = doc.text
    cues = _cues()
    headings = _heading_spans(doc)
    out: list[_Cand] = []
    texts = words.texts
    is_cap = words.is_cap
    gaps = words.gaps
    n = len(texts)
    particles = cues.particles  # (a quick test before the particles' functions)
    honorifics = cues.honorifics
    no_name = cues.no_lone_name
    resume = 0
    title_case = words.title_case
    for i in itertools.compress(title_case, map(operator.not_, map(taken.__getitem__, title_case))):
        if i < resume:
            continue
        j = i + 1
        # (the loop below stops at once unless the next word is capitalised or a particle)
        while j < n and not taken[j] and (is_cap[j] or texts[j] in particles):
            gap = gaps[j]
            if not is_cap[j]:
                k = (
                    _particles_end(gaps, texts, j, cues)
                    if texts[j] in particles and gap in (" ", "\u00a0")
                    else j
                )
                if k == j or k >= n or taken[k] or not is_cap[k]:
                    break
                j = k  # "Ursula von der Leyen": the particles join the family name
            elif gap in (" ", "\u00a0") or (
                gap in (".", ". ", ".\u00a0") and (len(texts[j - 1]) == 1 or texts[j - 1] in honorifics)
            ):
                j += 1
            else:
                break
        first = _particles_before(gaps, texts, i, taken, cues) if i and texts[i - 1] in particles else i
        resume = j
        if first == i == j - 1 and texts[i] in no_name:
            continue  # a lone honorific or function word ("The", "But"): no name in it (see _split_run)
        for c in _split_run(text, words, first, j, cues, headings):
            if "-" not in c.name or not _compound_word(c, cues):  # (a quick test: a compound holds a hyphen)
                out.append(c)
    return out


def _particles_end(gaps: list[str], texts: list[str], j: int, cues: _Cues) -> int:
    """The index after the lowercase name particles ("von der") that start at word ``j``."""
    k = j
    while k < len(texts) and texts[k] in cues.particles:
        if k > j and gaps[k] not in (" ", "\u00a0"):
            return j
        k += 1
    if k > j and (k >= len(texts) or gaps[k] not in (" ", "\u00a0")):
        return j
    return k


def _particles_before(gaps: list[str], texts: list[str], i: int, taken: list[bool], cues: _Cues) -> int:
    """The first of the particles right before word ``i`` that begin a family name ("de Gaulle")."""
    k = i
    while k > 0 and not taken[k - 1] and texts[k - 1] in cues.particles and gaps[k] in (" ", "\u00a0"):
        k -= 1
    return k if k < i and texts[i - 1] not in cues.weak_particles else i


def _compound_word(cand: _Cand, cues: _Cues) -> bool:
    """ "Pan-European", "Anti-Soviet": a hyphenated word with a part that is no name (the caller tests
    first that the name holds a hyphen)."""
    for word in cand.words:
        parts = word.split("-")
        if len(parts) > 1 and any(
            p in cues.not_names or lookup_country(p) or (len(p) > 1 and p.isupper()) for p in parts
        ):
            return True
    return False


def _split_run(
    text: str, words: Words, first: int, end: int, cues: _Cues, headings: list[tuple[int, int]]
) -> list[_Cand]:
    """The candidates in the run of capitalised words ``first`` to ``end`` (an index past the last)."""
    texts = words.texts
    starts = words.starts
    ends = words.ends
    if end - first == 1:  # a lone word (``_candidates`` passes none in ``cues.no_lone_name``)
        w = texts[first]
        e = ends[first]
        name = w + "." if len(w) == 1 and text[e : e + 1] == "." else w
        cand = _Cand(starts[first], starts[first], e, [name], name)
        cand.heading = bool(headings) and _in_heading(starts[first], headings)
        _evidence(text, cand, cues)
        return [cand]
    pos = first
    honorific: Gender | None = None
    has_honorific = False
    role: str | None = None
    role_start = -1
    last = end - 1
    while pos < end:
        w = texts[pos]
        if w in cues.honorifics:
            honorific, has_honorific = cues.honorifics[w], True
            pos += 1
            continue
        width = _title_width(words, pos, end, cues) if pos < last else 0  # (a title needs a word after it)
        if width:
            role_start = starts[pos]
            role = " ".join(texts[pos : pos + width])
            pos += width
            continue
        width = (
            0
            if pos + 1 >= last or w in cues.given or _country_word(w)
            else _title_width(words, pos + 1, end, cues)
        )
        if width and role is None:  # "Treasury Secretary", "Defence Minister": a body, then the title
            role_start = starts[pos + 1]
            role = " ".join(texts[pos : pos + 1 + width])
            pos += 1 + width
            continue
        if w in cues.not_names and w not in cues.given:
            pos += 1
            continue
        break
    pieces: list[list[int]] = []
    for k in range(pos, end):
        if texts[k] in cues.not_names and not (pieces and pieces[-1] and texts[pieces[-1][-1]] in cues.given):
            pieces.append([])
        elif pieces and pieces[-1]:
            pieces[-1].append(k)
        else:
            pieces.append([k])
    out = []
    first_piece = True
    # a heading is a paragraph, and a run never crosses one (its words stand on one line): test it once
    heading = bool(headings) and _in_heading(starts[first], headings)
    for piece in pieces:
        if not piece:
            first_piece = False
            continue
        start = starts[first] if first_piece and has_honorific else starts[piece[0]]
        names = [
            texts[k] + "." if len(texts[k]) == 1 and text[ends[k] : ends[k] + 1] == "." else texts[k]
            for k in piece
        ]
        cand = _Cand(start, starts[piece[0]], ends[piece[-1]], names, " ".join(names))
        if first_piece:
            cand.honorific, cand.has_honorific = honorific, has_honorific
            if role is not None:
                _set_title(cand, role, text, role_start)
        cand.heading = heading
        _evidence(text, cand, cues)
        cand.full = _full_name(cand.words)
        out.append(cand)
        first_piece = False
    return out


def _in_heading(pos: int, headings: list[tuple[int, int]]) -> bool:
    """Whether ``pos`` falls in one of the ``headings`` (spans in order, apart): the last opening at or
    before it."""
    k = bisect.bisect_right(headings, (pos, sys.maxsize)) - 1
    return k >= 0 and pos < headings[k][1]


def _title_width(words: Words, pos: int, end: int, cues: _Cues) -> int:
    """How many words from ``pos`` (before ``end``) form a title with a name after it, 0 for none."""
    if pos >= end - 1 or words.keys[pos] not in cues.title_firsts:
        return 0
    texts = words.texts
    for width in range(min(cues.title_words, end - pos), 0, -1):
        # a title needs a name after it
        title = " ".join(texts[pos : pos + width]).casefold()
        if title in cues.titles and texts[pos + width - 1] not in cues.given and pos + width < end:
            return width
    return 0


_WORD_SEPARATORS = "\x1c\x1d\x1e\x1f"  # ``str.isspace`` but not ``regex``'s ``\s``
# Characters beyond the blocks where ``str.isalpha`` is ``regex``'s ``\p{L}`` (they differ on letters newer
# to Unicode than Python's tables; tested)
_BEYOND_LETTER_BLOCKS = compile_stored_re(r"[^\u0000-\u052f\u2000-\u207f]")


def _word_before(before: str) -> str | None:
    """The word before the spaces that end ``before`` (a possessive "'s" kept), or ``None``: what the
    pattern ``(?r)(\\p{L}[\\p{L}.\\-]*(?:['’]s)?)[\\s\\u00a0]+$`` finds, read from the end without it."""
    if not before.isascii() and _BEYOND_LETTER_BLOCKS.search(before):
        m = _re().word_before().search(before)
        return None if m is None else m.group(1)
    end = len(before.rstrip())
    if end == len(before):
        return None
    if before[end:] != " ":  # (the common case: one space)
        for c in _WORD_SEPARATORS:
            if c in before[end:]:  # not a space to the pattern: the spaces begin after it
                end = before.rindex(c) + 1
                if end == len(before):
                    return None
    if before.endswith(("'s", "’s"), 0, end):
        start = _letters_start(before, end - 2)
        if start >= 0:
            return before[start:end]
    start = _letters_start(before, end)
    return None if start < 0 else before[start:end]


_ASCII_RUN = string.ascii_letters + ".-"


def _letters_start(text: str, end: int) -> int:
    """Where the first letter of the run of letters, dots and hyphens that ends at ``end`` stands; -1 if the
    run holds no letter."""
    head = text[:end].rstrip(_ASCII_RUN)  # (the common case: the run is ASCII, and what stands before it)
    if not head or head[-1].isascii():
        rest = text[len(head) : end].lstrip(".-")
        return end - len(rest) if rest else -1
    start = -1
    k = end - 1
    while k >= 0:
        c = text[k]
        if c.isalpha():
            start = k
        elif c != "." and c != "-":
            break
        k -= 1
    return start


def _country_before(text: str, pos: int) -> tuple[str, str] | None:
    """The country of the word before a title ("Belarusian President", "US President"), and the word."""
    word = _word_before(text[max(0, pos - 30) : pos])
    if word is None:
        return None
    ref = _country_word(word)
    return None if ref is None else (ref.code, word)


@functools.lru_cache(maxsize=8192)
def _country_word(word: str) -> CountryRef | None:
    """The country of a name, a demonym or a possessive ("Moldova's")."""
    if word.endswith(("'s", "’s")):
        ref = lookup_country(word[:-2])
        return None if ref is None or ref.demonym else ref
    return lookup_country(word)


def _set_title(cand: _Cand, title: str, text: str, pos: int) -> None:
    cand.role = " ".join(title.split())
    before = _country_before(text, pos)
    if before is not None:
        cand.country = before[0]
        cand.role = before[1] + " " + cand.role


def _words_before(before: str) -> list[str]:
    """The words right before a candidate, up to the nearest punctuation (at most four)."""
    if not before or before[-1] not in " \u00a0":
        return []
    out: list[str] = []
    for w in reversed(before.rsplit(None, 4)[-4:]):  # (the last four words, as ``split()[-4:]``)
        if not w[-1].isalpha():
            break
        out.append(w)
        if not w[0].isalpha():
            break
    out.reverse()
    return out


def _last_word_before(before: str) -> str:
    """The last of ``_words_before(before)``, "" if none (one split, not four words read)."""
    if not before or before[-1] not in " \u00a0":
        return ""
    chunks = before.rsplit(None, 1)
    if not chunks:
        return ""
    word = chunks[-1]
    return word if word[-1].isalpha() else ""


def _title_at_end(words: list[str], cues: _Cues) -> int:
    """How many of the last ``words`` form a title ("Foreign Minister"), 0 for none."""
    if not words or words[-1].casefold() not in cues.title_lasts:
        return 0
    for k in range(min(cues.title_words, len(words)), 0, -1):
        if " ".join(words[-k:]).casefold() in cues.titles:
            return k
    return 0


# ``regex``'s ``\s`` and a comma, for ``str.lstrip`` and the class below (tested on every character)
_SPACES_COMMA = (
    "\t\n\x0b\x0c\r ,\x85\xa0\u1680"
    + "".join(map(chr, range(0x2000, 0x200B)))
    + "\u2028\u2029\u202f\u205f\u3000"
)
# ``[\s,]*([a-z]*)`` for the standard ``re`` module, several times faster on such a short match
_FIRST_WORD = compile_stored_re(f"[{re.escape(_SPACES_COMMA)}]*([a-z]*)")
_ROLE_TAIL = _SPACES_COMMA + string.ascii_lowercase + "-"  # what ``owner_before`` reads after the "'s"
_ASCII_WORD = compile_stored_re(r"[A-Za-z0-9_]*")  # ``regex``'s ``\w*`` on ASCII text
_DASHES = ("-", "–", "—")


def _first_word(after: str) -> str:
    """The lowercase word opening ``after`` (spaces and commas skipped), "" if none."""
    m = _FIRST_WORD.match(after)
    return "" if m is None else m.group(1)


def _speech_after(after: str, cues: _Cues) -> bool:
    """Whether ``after`` opens with a speech verb (``, who has also said``): what the pattern
    ``^[\\s,]*(?:who\\s+)?(?:AUXILIARY\\s+){0,2}(?:VERB)\\b`` matches, read on the words (the
    alternation of every verb is slow to compile).

    >>> cues = _cues()
    >>> [_speech_after(after, cues) for after in (", who has said", " pointed out,", " sayso")]
    [True, True, False]
    """
    rest = after.lstrip(_SPACES_COMMA)  # (what ``[\s,]*`` matches)
    # "who", two auxiliaries and a verb of two words: the last piece only needs its first word
    if any(c in rest for c in _WORD_SEPARATORS):  # spaces to ``split``, not to ``\s``
        chunks = _rx(r"\s+").split(rest, maxsplit=4)
    else:  # what that split gives: "" after spaces that end the text
        chunks = rest.split(None, 4)
        if len(chunks) < 5 and (not rest or rest[-1].isspace()):
            chunks.append("")
    n = len(chunks)
    j = 1 if chunks[0] == "who" and n > 1 else 0
    for _ in range(3):
        chunk = chunks[j]
        if _lead_word(chunk) in cues.speech_verbs:
            return True
        if j + 1 < n and (chunk, _lead_word(chunks[j + 1])) in cues.speech_pairs:
            return True
        if j + 1 >= n or chunk not in cues.auxiliaries:
            return False
        j += 1
    return False


def _owner_before(before: str) -> regex.Match[str] | None:
    """What ``_re().owner_before`` finds in ``before``, searched from the last space before the last
    apostrophe: the match's apostrophe is that one (none follows it), and no space stands in its owner.

    >>> _owner_before("talks. Georgia's public defender, ").group("owner", "role")
    ('Georgia', 'public defender')
    """
    quote = max(before.rfind("'"), before.rfind("’"))
    if quote < 0 or before[quote + 1 : quote + 2] != "s" or before[quote + 2 :].lstrip(_ROLE_TAIL):
        return None  # (after the "'s", the pattern reads only lowercase words, spaces and a comma)
    return _re().owner_before().search(before, max(0, before.rfind(" ", 0, quote)))


def _lead_word(chunk: str) -> str:
    """The word characters (``\\w``) a piece of text begins with."""
    if not chunk.isascii():
        return _rx(r"\w*").match(chunk).group()  # type: ignore[union-attr]
    if chunk.isalpha():  # (the common case: a word alone)
        return chunk
    return _ASCII_WORD.match(chunk).group()  # type: ignore[union-attr]


def _evidence(text: str, cand: _Cand, cues: _Cues) -> None:
    """Decide whether the candidate is a person on its own evidence; note role and country."""
    before = text[max(0, cand.start - 60) : cand.start]
    after = text[cand.end : cand.end + 100]
    last = _last_word_before(before)
    folded = last.casefold()  # (what every test on the word before reads)
    # the words before it: the word before suffices unless it may end a title or join two places
    words = (
        _words_before(before)
        if folded in cues.title_lasts or folded == "and" or folded == "or"
        else [last]
        if last
        else []
    )
    strong = cand.has_honorific or cand.role is not None
    k = 0 if cand.role is not None else _title_at_end(words, cues)
    titled = cand.role is not None or k > 0
    if k:  # a title before the name ("Foreign Minister"); cand.role is None here
        cand.role = " ".join(words[-k:])
        if len(words) > k:
            ref = _country_word(words[-k - 1])
            if ref is not None:
                cand.country = ref.code
                cand.role = words[-k - 1] + " " + cand.role
            else:  # "State Department spokesman": the body the holder serves
                _qualify(cand, words[:-k])
        strong = True
    if len(cand.words) > 1 and cand.words[0] in cues.given:
        strong = True
    # a lone word's weaker evidence is read later, and only if the word joins no person (``_join_single``)
    lone = len(cand.words) == 1 and not cand.has_honorific
    # a speech verb next to it (not read once the evidence suffices: the test changes nothing else)
    if not strong and not lone and _speech_next(folded, after, cues):
        strong = True
    spaced = after[:1].isspace()  # the patterns below that begin with a space (any ``\s``) need it
    ap = (
        _re().apposition_after().match(after)
        if after[:1] == "," or (spaced and after.lstrip()[:1] in _DASHES)  # (the pattern's openings)
        else None
    )
    if ap:
        if ap.group("who"):
            strong = True
        phrase = ap.group("phrase") or ap.group("bare")
        if phrase and _role_from_phrase(phrase, cand, cues, article=ap.group("phrase") is not None):
            strong = True
    phrase = _apposition_before(before) if before.rstrip(" \u00a0").endswith(",") else None
    if phrase and _role_from_phrase(phrase, cand, cues, article=True, anywhere=True):
        strong = True
    owner = _owner_before(before) if "s " in before[-40:] else None
    if (
        owner
        and cand.country is None
        and not any(w in cues.function_words for w in owner.group("role").split())
        and (owner.group("comma") or _title_noun(owner.group("role")))
    ):  # "Georgia's public defender, Levan Ioseliani"
        ref = lookup_country(owner.group("owner"))
        if ref is not None and not ref.demonym:
            cand.country = ref.code
            cand.role = cand.role or owner.group("role")
    known = None if strong or lone else _known_person(cand.name)
    if known is not None and (len(cand.words) > 1 or cand.name.casefold() in known.name.casefold().split()):
        strong = True  # a lone word only where the gazetteer spells it so ("Goris" is no "Harris")
    if not strong and not lone and _surname_shape(cand.words[-1]):
        first_ok = (
            len(cand.words) == 1
            or not _sentence_initial(text, cand.name_start)
            or _name_like_opener(cand.words[0], text)
        )
        if first_ok and folded not in _LOCATIVES:
            strong = True
    if (
        len(cand.words) > 1
        and not cand.heading
        and not _given_name(cand.words[0])
        and not _foreign_shape(cand.words[-1])
        and not (_surname_shape(cand.words[-1]) and _name_like_opener(cand.words[0], text))
        and cand.words[1] not in cues.particles
        and not cand.has_honorific
        and _sentence_initial(text, cand.name_start)
    ):
        # "Instead Putin ...": an ordinary word opening the sentence is not a given name
        cand.name_start = text.index(cand.words[1], cand.name_start)
        if not cand.has_honorific:
            cand.start = cand.name_start
        cand.words = cand.words[1:]
        cand.name = " ".join(cand.words)
    if len(cand.words) > 1 or cand.has_honorific:
        cand.strong = strong and not cand.heading
        return
    # a lone word (no honorific)
    # what follows the spaces: its first word is checked before the patterns of spaces and nouns
    # (``lstrip`` removes every character those spaces match)
    rest = after.lstrip() if spaced else ""
    overruled = False  # (the weaker evidence counts for nothing then)
    head = rest[: cues.head_cut]
    if (
        not titled
        and head in cues.place_heads
        and rest.startswith(cues.place_firsts)
        and cues.place_after().match(after)
    ):
        # "the Zavodsky district": the word names a place wherever it stands
        cand.thing, strong, overruled = True, False, True
    elif (
        not titled
        and (
            folded in _PLACE_BEFORE
            or ((folded == "and" or folded == "or") and _place_before(words))  # (``_place_before``)
            or (folded in _LOCATIVES and _place_shape(cand.name))
        )
        and not _rx(r"^['’]s\b").match(after)
    ):
        # "in Zavodsk", "in Minsk and Zavodsk": a place here; a person only elsewhere
        strong, overruled = False, True
    if cand.role is None:
        if (
            head in cues.thing_heads
            and rest.startswith(cues.thing_firsts)
            and cues.thing_after().match(after)
        ):
            cand.thing, strong, overruled = True, False, True
        elif (
            _plural_opener(cand.words[0])
            and cand.words[0] not in cues.given
            and _sentence_initial(text, cand.name_start)
        ):
            strong, overruled = False, True  # "Analysts said ...", "Witnesses ..."
    cand.strong = strong and not cand.heading
    cand.pending = lone and not strong and not overruled and not cand.heading


def _speech_next(folded: str, after: str, cues: _Cues) -> bool:
    """A speech verb right before a candidate (``folded``: the word before it) or after it."""
    return folded in cues.speech_verbs or (
        _first_word(after) in cues.speech_first and _speech_after(after, cues)
    )


def _lone_evidence(text: str, cand: _Cand) -> bool:
    """The weaker evidence for a lone word (no honorific) that ``_evidence`` leaves pending: a speech verb
    next to it, the gazetteer's spelling ("Goris" is no "Harris"), or a family name's ending."""
    folded = _last_word_before(text[max(0, cand.start - 60) : cand.start]).casefold()
    if _speech_next(folded, text[cand.end : cand.end + 100], _cues()):
        return True
    known = _known_person(cand.name)
    if known is not None and cand.name.casefold() in known.name.casefold().split():
        return True
    return _surname_shape(cand.words[-1]) and folded not in _LOCATIVES


@functools.lru_cache(maxsize=8192)
def _plural_opener(word: str) -> bool:
    """A capitalised plural noun ("Officials", "Witnesses"): what ``^\\p{Lu}\\p{Ll}+(?:ENDING)$`` matches
    (the endings are lowercase letters, so the word is a capital then lowercase letters, the ending
    after at least one of them).

    >>> _plural_opener("Officials"), _plural_opener("Ists"), _plural_opener("OFFICIALS")
    (True, False, False)
    """
    if word[-1:] == "\n":
        word = word[:-1]
    if _rx(r"\p{Lu}\p{Ll}+").fullmatch(word) is None:
        return False
    return any(word.endswith(e) and len(word) >= len(e) + 2 for e in _cues().plural_endings)


_PLACE_BEFORE = frozenset({"in", "near", "nearby", "outside", "across", "via"})


def _place_before(words: list[str]) -> bool:
    """The words before a lone capitalised word make it a place: "in", "near", "of nearby", or
    "and"/"or" after a known place or a place word ("in Minsk and Zavodsk")."""
    if not words:
        return False
    last = words[-1].casefold()
    if last in _PLACE_BEFORE:
        return True
    if last in ("and", "or") and len(words) >= 2 and words[-2][:1].isupper():
        return place_gazetteer().get(words[-2]) is not None or (
            len(words) >= 3 and words[-3].casefold() in _PLACE_BEFORE
        )
    return False


@functools.lru_cache(maxsize=8192)
def _place_shape(word: str) -> bool:
    """A town's name by its ending ("Zhodino", "Borisovo", "Pinsk", "Sviatohirsk", "Pokrovka")."""
    return len(word) >= 5 and _ends_with(word, _PLACE_ENDINGS + _PLACE_ENDINGS_MORE)


@functools.lru_cache(maxsize=8192)
def _surname_shape(word: str) -> bool:
    """A family name by its ending: East-Slavic ("-enko", "-ovich"), Caucasian or Central Asian
    ("-yan", "-shvili", "-dze", "-uly")."""
    return len(word) >= 5 and (_slavic_shape(word) or _foreign_shape(word))


@functools.lru_cache(maxsize=8192)
def _slavic_shape(word: str) -> bool:
    """An East-Slavic family name's ending ("-enko", "-ovich", "-ava"), at any length."""
    return _ends_with(word, _SLAVIC_SURNAME)


@functools.lru_cache(maxsize=8192)
def _foreign_shape(word: str) -> bool:
    """A Caucasian or Central Asian family name's ending ("-yan", "-shvili", "-uly"), at any length."""
    return _ends_with(word, _FOREIGN_SURNAME)


def _name_like_opener(word: str, text: str) -> bool:
    """A sentence-opening word before a surname that may be a given name the tables lack ("Rustam
    Karimov"): not shaped like an adverb or a verb form, and never written in lowercase in the article."""
    if len(word) < 3 or word.endswith(("ly", "ed", "ing")) or not word[1:].islower():
        return False
    return not _occurs_alone(text, word.lower())


def _occurs_alone(text: str, word: str) -> bool:
    """Whether ``word`` stands in ``text`` with no letter or hyphen touching it: what the pattern
    ``(?<![\\p{L}\\-])WORD(?![\\p{L}\\-])`` finds, without a pattern compiled per word.

    >>> _occurs_alone("a well-known fact", "known"), _occurs_alone("known; well", "well")
    (False, True)
    """
    touching = _rx(r"[\p{L}\-]")
    return any(
        (k == 0 or touching.match(text, k - 1) is None) and touching.match(text, k + len(word)) is None
        for k in _occurrences(text, word)
    )


@functools.lru_cache(maxsize=4096)
def _given_name(word: str) -> bool:
    """A known given name, in any spelling the given-name classes know ("Valiantsin")."""
    if word in _cues().given:
        return True
    by_key = given_table().by_key
    return any(reading in by_key for reading in fold_word(word))


def _qualify(cand: _Cand, words: list[str]) -> None:
    """Prefix the role with the capitalised words before its title, and take a known body's country."""
    caps: list[str] = []
    for w in reversed(words[-3:]):
        if not w[:1].isupper() or w in _cues().function_words:
            break
        caps.insert(0, w)
    for k in range(len(caps)):
        org = lookup_org(" ".join(caps[k:]))
        if org is not None:
            cand.country = cand.country or org.country
            break
    if caps:
        cand.role = " ".join(caps) + " " + (cand.role or "")


def _apposition_before(before: str) -> str | None:
    """ "the leader of the opposition, " opening the clause before a name: the phrase."""
    tail = before.rstrip(" \u00a0")
    if not tail.endswith(","):
        return None
    body = tail[:-1]
    clause = body[max(map(body.rfind, ".;:!?…\n")) + 1 :]  # after the last of these marks (-1: none)
    m = _re().apposition_before().match(clause)
    return None if m is None else m.group("phrase")


def _role_from_phrase(
    phrase: str, cand: _Cand, cues: _Cues, *, article: bool, anywhere: bool = False
) -> bool:
    """Note the role (and the country it gives) an apposition states; False if it states none."""
    words = [w.strip("‘’“”\"'") for w in phrase.split()[:10]]
    folded = [w.casefold() for w in words]
    found = None
    for i in range(len(words)):
        if folded[i] not in cues.title_heads:
            continue  # no title begins with this word
        for k in range(min(cues.title_words, len(words) - i), 0, -1):
            if " ".join(folded[i : i + k]) in cues.titles:
                found = (i, k)
                break
        if found:
            break
    if found is None or (not article and found[0] > 2):
        return False
    i, k = found
    first = max(0, i - 3)
    # what follows the title, if it may open with "of", "at" or "for" (as both patterns below need)
    rest = " " + " ".join(words[i + k :]) if _opens_with(words, i + k, ("of", "at", "for")) else ""
    if cand.role is None:
        complement = _re().complement().match(rest) if rest else None
        cand.role = " ".join(words[first : i + k]) + (complement.group() if complement else "")
    if cand.country is None:
        scope = words if anywhere else words[first:i]
        for w in scope:
            ref = lookup_country(w)
            if ref is not None:
                cand.country = ref.code
                break
        else:
            of = _of_country(rest) if rest else None
            ref = lookup_country(of.group(1)) if of else None
            if ref is not None:
                cand.country = ref.code
    return True


def _opens_with(words: list[str], k: int, firsts: tuple[str, ...]) -> bool:
    """Whether the first non-empty word of ``words[k:]`` begins with one of ``firsts``."""
    for word in words[k:]:
        if word:
            return word.startswith(firsts)
    return False


def _gender_of(cand: _Cand) -> Gender | None:
    if cand.honorific is not None:
        return cand.honorific
    return _name_gender(cand.name)


@functools.lru_cache(maxsize=8192)
def _name_gender(name: str) -> Gender | None:
    """The gender a name's words tell (a candidate's words are its name split at spaces)."""
    cues = _cues()
    parsed = parse_name(name)
    if parsed.gender is not None:
        return parsed.gender
    words = name.split(" ")
    if len(words) > 1 and words[0] in cues.given:
        return cues.given[words[0]]
    last = words[-1]
    if len(words) == 1 and last in cues.given:
        return cues.given[last]
    if _ends_with(last, _FEMININE_SURNAME):
        return Gender.FEMALE
    if _ends_with(last, _MASCULINE_SURNAME):
        return Gender.MALE
    return None


def _compatible(a: Gender | None, b: Gender | None) -> bool:
    return a is None or b is None or a is b


@functools.lru_cache(maxsize=8192)
def _family(name: str) -> str:
    parsed = parse_name(name)
    return parsed.family or name.split()[-1]


@functools.lru_cache(maxsize=8192)
def _same_family(word: str, family: str) -> bool:
    return (
        word.casefold() == family.casefold()
        or same_person(word, family)
        or (bool(name_key(word)) and name_key(word) == name_key(family))
    )


@functools.lru_cache(maxsize=8192)
def _same_name(a: str, b: str) -> bool:
    """``same_person(a, b)``, read once per pair (the same names meet again and again)."""
    return same_person(a, b)


def _persons(doc: Cleaned, words: Words, taken: list[bool]) -> list[_Person]:
    text = doc.text
    cands = _candidates(doc, words, taken)
    things = {c.name for c in cands if c.thing}
    cands = [c for c in cands if c.name not in things]
    persons: list[_Person] = []
    families: dict[str, tuple[int, list[_Person]]] = {}  # (see ``_join_single``)
    # 1. full names with evidence make the persons
    for c in cands:
        if c.strong and c.full:
            _join_full(persons, c, _gender_of(c), text)
    # 2. single words with evidence, and weaker mentions that match a person
    for c in cands:
        if c.full:
            if c.strong:
                continue
            p = next((p for p in persons if any(_same_name(c.name, f) for f in p.forms)), None)
            if p is not None:
                p.full.append(c.name)
                p.forms[c.name] = None
                p.anchors.append(c.start)
                _mention(p, c, text)
            elif c.heading:
                for k, w in enumerate(c.words):
                    sub = _Cand(0, 0, 0, [w], w)
                    start = text.index(w, c.name_start if k == 0 else c.start)
                    sub.start = sub.name_start = start
                    sub.end = start + len(w)
                    _join_single(persons, sub, text, families, create=False)
            continue
        _join_single(persons, c, text, families, create=c.strong)
    _lowercase_surnames(text, words, taken, persons)
    for p in persons:
        _finish(p, text)
    return persons


def _join_full(persons: list[_Person], c: _Cand, gender: Gender | None, text: str) -> None:
    for p in persons:
        if _compatible(p.gender, gender) and any(_same_name(c.name, f) for f in p.forms):
            p.full.append(c.name)
            p.forms[c.name] = None
            p.anchors.append(c.start)
            p.gender = p.gender or gender
            _mention(p, c, text)
            return
    draft = _Draft("", c.name, ActorKind.PERSON)
    p = _Person([c.name], _family(c.name), gender, [c.start], draft, {c.name: None}, len(c.name.split()) == 1)
    persons.append(p)
    _mention(p, c, text)


def _join_single(
    persons: list[_Person],
    c: _Cand,
    text: str,
    families: dict[str, tuple[int, list[_Person]]],
    *,
    create: bool,
) -> None:
    """Add a one-word mention to the person whose family name it is (``families``: the persons of each word's
    family among the first persons, read on the persons added since)."""
    word = c.name if c.words[0] in _cues().particles else c.words[0]
    read, fits = families.get(word, (0, []))
    if read < len(persons):
        fits = fits + [p for p in persons[read:] if _same_family(word, p.family)]
        families[word] = (len(persons), fits)
    gender = _gender_of(c) if fits else None
    if gender is not None and fits:
        fits = [p for p in fits if p.gender is None or p.gender is gender]
    if len(fits) > 1:
        folded = word.casefold()
        exact = [p for p in fits if p.family.casefold() == folded]
        fits = exact or fits  # "Barysevich" is the husband, even where the wife "Barysevicha" is nearer
    if not fits:
        fits = [p for p in persons if p.lone and any(word == f.split()[0] for f in p.forms)]
    if fits:
        _mention(_nearest(fits, c.start), c, text)
        return
    if not (create or (c.pending and _lone_evidence(text, c))):
        return
    gender = _gender_of(c)
    draft = _Draft("", normalize_name(word), ActorKind.PERSON)
    p = _Person([word], word, gender, [c.start], draft, {word: None}, len(word.split()) == 1)
    persons.append(p)
    _mention(p, c, text)


def _nearest(fits: list[_Person], pos: int) -> _Person:
    """The person whose latest full-name mention before ``pos`` is nearest; else the first after."""
    if len(fits) == 1:
        return fits[0]
    latest, k = max((max(filter(pos.__ge__, p.anchors), default=-1), k) for k, p in enumerate(fits))
    if latest >= 0:  # a mention at or before ``pos`` (anchors are offsets, never negative)
        return fits[k]
    return fits[min((min(p.anchors), k) for k, p in enumerate(fits))[1]]


def _mention(p: _Person, c: _Cand, text: str) -> None:
    d = p.draft
    d.add(text[c.start : c.end], c.start, c.end)
    if c.start != c.name_start:
        surface = " ".join(text[c.name_start : c.end].replace("\u00a0", " ").split())
        if surface not in d.aliases:
            d.aliases.append(surface)
    if c.role and c.role not in d.roles:
        d.roles.append(c.role)
    if c.country is not None and d.country is None:
        d.country = c.country
    if c.honorific is not None and p.gender is None:
        p.gender = c.honorific


# the characters whose case folding is ASCII letters ("ß" -> "ss", "ﬁ" -> "fi"; tested)
_ASCII_FOLDS = "\u00df\u017f\u1e9e\u212a\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06"


def _lowercase_surnames(text: str, words: Words, taken: list[bool], persons: list[_Person]) -> None:
    """A known East-Slavic surname written in lowercase ("putin") is still the person."""
    families = {p.family.casefold(): p for p in persons if len(p.family) >= 5 and _slavic_shape(p.family)}
    if not families:
        return
    if all(family.isascii() and family not in text for family in families) and all(
        c not in text for c in _ASCII_FOLDS
    ):
        return  # a lowercase word whose key is an ASCII family is that family, as written (but for these)
    texts = words.texts
    for k in itertools.compress(range(len(texts)), map(families.__contains__, words.keys)):  # one pass
        if not taken[k] and texts[k].islower():
            families[words.keys[k]].draft.add(texts[k], words.starts[k], words.ends[k])


def _finish(p: _Person, text: str) -> None:
    d = p.draft
    longest_first = max(zip(p.full, p.anchors, strict=True), key=lambda fa: (len(fa[0].split()), -fa[1]))
    full = longest_first[0]
    d.name = normalize_name(full.replace("\u00a0", " "))
    p.article_roles = tuple(d.roles)
    known = _known_person(d.name)
    if known is not None:
        d.name = known.name
        d.wikidata = known.wikidata
        p.gender = p.gender or known.gender
        d.country = d.country or known.country
        d.roles.extend(r for r in known.roles if r not in d.roles)
    d.gender = p.gender or _pronoun_gender(text, d)
    d.key = "person:" + slug(d.name)


def _pronoun_gender(text: str, d: _Draft) -> Gender | None:
    """The gender of the pronouns that follow the person's mentions in their sentences."""
    votes = {Gender.MALE: 0, Gender.FEMALE: 0}
    for m in d.mentions:
        end = m.span.end
        window = text[end : end + 120]
        cut = _rx(r"[.!?]\s|\n").search(window)
        window = window[: cut.start()] if cut else window
        for pm in _re().pronoun().finditer(window):
            votes[Gender.MALE if pm.group("m") else Gender.FEMALE] += 1
    if votes[Gender.MALE] > 2 * votes[Gender.FEMALE]:
        return Gender.MALE
    if votes[Gender.FEMALE] > 2 * votes[Gender.MALE]:
        return Gender.FEMALE
    return None


# --- role descriptions -----------------------------------------------------------------------


def _role_descriptions(text: str, persons: list[_Person]) -> None:
    """ "the Belarusian leader" -> the one person the article gives that role."""
    cues = _cues()
    for m in _role_matches(text, cues):
        if _rx(r"[,\-–—][\s\u00a0]*$").search(text[max(0, m.start() - 3) : m.start()]):
            continue  # an apposition: the role of the name next to it
        dem = m.group("dem")
        country = None
        if dem:
            ref = lookup_country(dem)
            if ref is None:
                continue
            country = ref.code
        role = " ".join(m.group("role").split()).casefold()
        opposition = "opposition" in m.group("adj")
        fits = [p for p in persons if _holds(p.article_roles, p, role, country, opposition, cues)]
        if len(fits) != 1:  # the article does not say: what the gazetteer knows
            fits = [p for p in persons if _holds(p.draft.roles, p, role, country, opposition, cues)]
        if len(fits) == 1:
            fits[0].draft.add(m.group(), m.start(), m.end(), resolved=True, alias=False)


def _role_matches(text: str, cues: _Cues) -> list[regex.Match[str]]:
    """What ``cues.role_description().finditer(text)`` finds, trying the pattern only at the "the"s before
    each role word: a match holds one, and only letters, spaces and hyphens between its "the" and it."""
    rx = cues.role_description()
    found = sorted({k for word in cues.role_firsts for k in _occurrences(text, word)})
    out: list[regex.Match[str]] = []
    cursor = 0
    for at in found:
        if at < cursor:
            continue
        # after the last of these marks (none of them is a letter, a space or a hyphen)
        lo = 1 + max(
            cursor - 1,
            text.rfind(".", cursor, at),
            text.rfind(",", cursor, at),
            text.rfind(";", cursor, at),
            text.rfind(":", cursor, at),
        )
        k = text.find("he", lo + 1, at)
        while k >= 0:
            if text[k - 1] in "Tt":
                m = rx.match(text, k - 1)
                if m is not None:
                    out.append(m)
                    cursor = m.end()
                    break
            k = text.find("he", k + 2, at)
        else:
            cursor = at  # no match begins before this role word
    return out


def _occurrences(text: str, word: str) -> Iterator[int]:
    """Where ``word`` stands in ``text``, left to right."""
    k = text.find(word)
    while k >= 0:
        yield k
        k = text.find(word, k + 1)


@functools.lru_cache(maxsize=8192)
def _title_noun(phrase: str) -> str:
    """The first title a phrase holds, its spaces single ("" for none).

    >>> _title_noun("Belarusian foreign  minister"), _title_noun("a ministry")
    ('foreign minister', '')
    """
    cues = _cues()
    if not phrase.isascii():
        head = cues.title_in().search(phrase)
        return "" if head is None else " ".join(head.group().split())
    # what ``cues.title_in`` finds, read on the runs of letters: the leftmost title, the longest there
    lowered = phrase.lower()
    for run in _rx(r"[a-z]+").finditer(lowered):
        start = run.start()
        if start and lowered[start - 1] in _ASCII_WORD_NOT_LETTER:
            continue  # no word boundary before it ("2nd")
        for title in cues.title_by_run.get(run.group(), ()):
            end = _title_end(lowered, start, title)
            if end >= 0:
                return " ".join(phrase[start:end].split())
    return ""


_ASCII_WORD_NOT_LETTER = frozenset("0123456789_")
_ASCII_SPACE = frozenset(" \t\n\r\x0b\x0c")  # what ``\s`` matches in ASCII


def _title_end(lowered: str, pos: int, title: str) -> int:
    """Where ``title`` (its spaces: any run of spaces) ends when it stands at ``pos`` of the ASCII text
    ``lowered`` and a word ends with it; -1 where it does not."""
    n = len(lowered)
    for c in title:
        if pos >= n:
            return -1
        if c == " ":
            if lowered[pos] not in _ASCII_SPACE:
                return -1
            while pos < n and lowered[pos] in _ASCII_SPACE:
                pos += 1
        elif lowered[pos] == c:
            pos += 1
        else:
            return -1
    if pos < n and (lowered[pos].isalpha() or lowered[pos] in _ASCII_WORD_NOT_LETTER):
        return -1
    return pos


def _holds(
    roles: Iterable[str], p: _Person, role: str, country: str | None, opposition: bool, cues: _Cues
) -> bool:
    if country is not None and p.draft.country != country:
        return False
    for r in roles:
        folded = r.casefold()
        if ("opposition" in folded.split()) != opposition:
            continue
        noun = _title_noun(folded.replace("opposition ", ""))
        if noun == role or (role in cues.head_roles and noun in cues.head_roles):
            return True
    return False
