"""Organisations: a table of known ones, and the shape of unseen ones ("... Council")."""

from __future__ import annotations

import functools

import attrs

from belnews._countries import country_name
from belnews._mentions import Gazetteer, fold, load_data

__all__ = ["Org", "lookup_org", "national_name", "org_gazetteer", "org_heads"]


@attrs.frozen
class Org:
    """A known organisation: canonical name and, where it belongs to one state, its country."""

    name: str
    country: str | None = None


@functools.cache
def org_gazetteer() -> Gazetteer[Org]:
    """The table of every organisation form (built on first use)."""
    data = load_data("organizations.json")
    any_case = {w.casefold() for w in data["any_case"]}
    table: Gazetteer[Org] = Gazetteer()
    for entry in data["organizations"]:
        org = Org(entry["name"], entry.get("country"))
        for form in [entry["name"], *entry["aliases"]]:
            lower = " " in form or form.casefold() in any_case
            table.add(form, org, lowercase_ok=lower)
    for body in data["national_bodies"]:
        for form in body["forms"]:
            if table.get(form) is None:  # "the interior ministry": named once the country is known
                table.add(form, Org(form), lowercase_ok=" " in form)
    return table


@functools.cache
def org_heads() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Words that end (first set) or begin (second set) an organisation's name, and both sets in one."""
    data = load_data("organizations.json")
    heads, leading = frozenset(data["heads"]), frozenset(data["leading_heads"])
    return heads, leading, heads | leading


def lookup_org(surface: str) -> Org | None:
    """The organisation a name denotes, or ``None``.

    >>> lookup_org("Nato").name, lookup_org("kremlin").country, lookup_org("afp")
    ('NATO', 'RU', None)
    """
    return org_gazetteer().get(surface)


@functools.cache
def _national() -> dict[str, tuple[str, frozenset[str]]]:
    """Folded form of a state body -> (pattern of its canonical name, the countries it fits; empty: any)."""
    out: dict[str, tuple[str, frozenset[str]]] = {}
    for entry in load_data("organizations.json")["national_bodies"]:
        for form in entry["forms"]:
            out[fold(form)] = (entry["name"], frozenset(entry.get("countries", ())))
    return out


def national_name(form: str, code: str) -> str | None:
    """The canonical name of the state body ``form`` of the country ``code``, or ``None``.

    >>> national_name("Foreign Ministry", "LV"), national_name("Central Electoral Commission", "MD")
    ('Latvian Ministry of Foreign Affairs', 'Central Electoral Commission of Moldova')
    >>> national_name("KGB", "BY"), national_name("KGB", "SU"), national_name("Kremlin", "RU")
    ('KGB of Belarus', None, None)
    """
    found = _national().get(fold(form))
    if found is None or (found[1] and code not in found[1]):
        return None
    pattern, _ = found
    demonyms = load_data("countries_extra.json")["demonyms"].get(code)
    if "{demonym}" in pattern and not demonyms:
        return None
    return pattern.format(country=country_name(code), demonym=demonyms[0] if demonyms else "")
