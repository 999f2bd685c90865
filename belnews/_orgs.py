"""Organisations: a table of known ones, and the shape of unseen ones ("... Council")."""

from __future__ import annotations

import functools

import attrs

from belnews._mentions import Gazetteer, load_data

__all__ = ["Org", "lookup_org", "org_gazetteer", "org_heads"]


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
    return table


@functools.cache
def org_heads() -> tuple[frozenset[str], frozenset[str]]:
    """Words that end (first set) or begin (second set) an organisation's name."""
    data = load_data("organizations.json")
    return frozenset(data["heads"]), frozenset(data["leading_heads"])


def lookup_org(surface: str) -> Org | None:
    """The organisation a name denotes, or ``None``.

    >>> lookup_org("Nato").name, lookup_org("kremlin").country, lookup_org("afp")
    ('NATO', 'RU', None)
    """
    return org_gazetteer().get(surface)
