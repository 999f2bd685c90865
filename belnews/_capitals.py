"""Capital phrases: "the Belarusian capital", "Ukraine's capital", "the capital of Georgia" name a city.

The capitals are in ``data/capitals.json`` (ISO code -> the capital as the place table names it).
A phrase is read around a country mention the gazetteer found: a demonym or name after "the"
and before "capital" ("the Ukrainian capital", "the US capital city"), a name with a possessive
before it ("Ukraine's capital"), or a name after "the capital of". "capital" followed by a word
of money ("Russian capital flight") is not a city, and "the former Ukrainian capital" is not today's.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from belnews._countries import CountryRef
from belnews._data import load_table
from belnews._mentions import Hit
from belnews._pattern_cache import compile_stored_re
from belnews._places import Place, lookup_place

__all__ = ["capital_of", "capital_phrases"]

_SPACE = r"[ \t\u00a0]+"


@functools.cache
def _capitals() -> dict[str, Place]:
    """Each country code with a capital in the table -> the capital's place record."""
    table: dict[str, str] = load_table("capitals.json")["capitals"]
    out: dict[str, Place] = {}
    for code, name in table.items():
        place = lookup_place(name)
        if place is not None:
            out[code] = place
    return out


@functools.cache
def _money_after() -> frozenset[str]:
    words: list[str] = load_table("capitals.json")["money_after"]
    return frozenset(words)


@functools.cache
def _after() -> re.Pattern[str]:
    """After a country's name or demonym: "'s"?, " capital" or " capital city", and the next word (if any)."""
    return compile_stored_re(
        r"(['’]s)?(" + _SPACE + r"capital\b(?:" + _SPACE + r"city\b)?)(?:" + _SPACE + r"(\w+))?"
    )


@functools.cache
def _before() -> re.Pattern[str]:
    """Before a country's name or demonym: "the" (the phrase's start), or "the capital (city) of (the)"."""
    return compile_stored_re(
        r"(?:^|(?<=\W))([Tt]he" + _SPACE + r"(?:capital(?:" + _SPACE + r"city)?" + _SPACE + r"of"
        r"(?:" + _SPACE + r"the)?" + _SPACE + r")?)$"
    )


def capital_of(code: str) -> Place | None:
    """The capital of the country ``code``, if the table knows it.

    >>> capital_of("BY"), capital_of("UA").name, capital_of("ZZ")
    (Place(name='Minsk', country='BY'), 'Kyiv', None)
    """
    return _capitals().get(code)


def capital_phrases(text: str, hits: Sequence[Hit[CountryRef]]) -> list[tuple[int, int, Place]]:
    """The capital phrases around the country mentions ``hits`` of ``text``: (start, end, capital).

    >>> from belnews._countries import country_gazetteer
    >>> from belnews._mentions import Gazetteers, find_known_in, read_words
    >>> text = "Talks in the Georgian capital moved to the capital of Armenia."
    >>> hits = find_known_in(text, read_words(text), Gazetteers(((country_gazetteer(), True),)))[0]
    >>> [(text[start:end], place.name) for start, end, place in capital_phrases(text, hits)]
    [('the Georgian capital', 'Tbilisi'), ('the capital of Armenia', 'Yerevan')]
    """
    if "capital" not in text:
        return []
    found: list[tuple[int, int, Place]] = []
    for hit in hits:
        place = capital_of(hit.value.code)
        if place is None or text.find("capital", max(0, hit.start - 30), hit.end + 12) < 0:
            continue
        before = _before().search(text, max(0, hit.start - 30), hit.start)
        after = _after().match(text, hit.end)
        if before is None:
            if after is not None and after.group(1) and not hit.value.demonym and not _money(after):
                found.append((hit.start, after.end(2), place))  # "Ukraine's capital"
            continue
        if "capital" in before.group(1):  # "the capital of Belarus", not "of Belarus's" or "of Russian-held"
            if not hit.value.demonym and not text.startswith(("'s", "’s", "-"), hit.end):
                found.append((before.start(1), hit.end, place))
        elif after is not None and not after.group(1) and not _money(after):  # "the Belarusian capital"
            found.append((before.start(1), after.end(2), place))
    return found


def _money(after: re.Match[str]) -> bool:
    word = after.group(3)
    return word is not None and word.casefold() in _money_after()
