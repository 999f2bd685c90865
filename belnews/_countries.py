"""Countries by name, common name, demonym or historic name: exact tables built once, lazily.

pycountry gives the official names; ``data/countries_extra.json`` adds what news writes and
pycountry lacks ("Russia", "the US", "Britain", "Belarusian", "Soviet", "USSR").
"""

from __future__ import annotations

import functools
import json

import attrs

from belnews._mentions import Gazetteer, load_data

__all__ = ["CountryRef", "country_gazetteer", "country_name", "lookup_country"]


@attrs.frozen
class CountryRef:
    """What a country mention names: the code, and whether it was a demonym ("Belarusian")."""

    code: str
    demonym: bool = False


@functools.cache
def _extra() -> dict[str, object]:
    data: dict[str, object] = load_data("countries_extra.json")
    return data


_ISO_FIELDS = ("alpha_2", "name", "common_name", "official_name")


@functools.cache
def _iso_countries() -> tuple[dict[str, str], ...]:
    """pycountry's ISO 3166-1 records (code, name, common and official name where there are).

    Read from pycountry's database file where it lies in its usual place: ``import pycountry``
    reads the metadata of every installed package to learn its own version, which costs more
    than the whole table.
    """
    import importlib.util  # here, not at import: both cost milliseconds to import
    import os.path

    spec = importlib.util.find_spec("pycountry")
    if spec is not None and spec.origin:
        path = os.path.join(os.path.dirname(spec.origin), "databases", "iso3166-1.json")
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as file:
                entries = json.load(file)["3166-1"]
            return tuple({k: e[k] for k in _ISO_FIELDS if k in e} for e in entries)
    import pycountry

    return tuple(
        {k: getattr(c, k) for k in _ISO_FIELDS if getattr(c, k, None) is not None}
        for c in pycountry.countries
    )


@functools.cache
def _display() -> dict[str, str]:
    names: dict[str, str] = {}
    for c in _iso_countries():
        names[c["alpha_2"]] = c.get("common_name") or c["name"]
    display = _extra()["display"]
    assert isinstance(display, dict)
    names.update(display)
    return names


@functools.cache
def country_gazetteer() -> Gazetteer[CountryRef]:
    """The table of every country name and demonym (built on first use)."""
    extra = _extra()
    stop = set(extra["lowercase_stop"])  # type: ignore[call-overload]
    table: Gazetteer[CountryRef] = Gazetteer()
    refs: dict[tuple[str, bool], CountryRef] = {}  # one record per code (equal records, made once)

    def add(form: str, code: str, demonym: bool = False) -> None:
        ref = refs.get((code, demonym))
        if ref is None:
            ref = refs[code, demonym] = CountryRef(code, demonym)
        table.add(form, ref, lowercase_ok=form.casefold() not in stop)

    for c in _iso_countries():
        for form in (c["name"], c.get("common_name"), c.get("official_name")):
            if form and "," not in form:
                add(form, c["alpha_2"])
    names = extra["names"]
    demonyms = extra["demonyms"]
    assert isinstance(names, dict) and isinstance(demonyms, dict)
    for code, forms in names.items():
        for form in forms:
            add(form, code)
    for code, forms in demonyms.items():
        for form in forms:
            add(form, code, demonym=True)
    return table


def lookup_country(surface: str) -> CountryRef | None:
    """The country a name or demonym denotes, or ``None``.

    >>> lookup_country("Belarusian"), lookup_country("lebanon").code, lookup_country("USSR").code
    (CountryRef(code='BY', demonym=True), 'LB', 'SU')
    >>> lookup_country("us") is None, lookup_country("Pan-European") is None
    (True, True)
    """
    if surface[:4].casefold() == "the ":
        surface = surface[4:]
    return country_gazetteer().get(surface)


def country_name(code: str) -> str:
    """The display name of a country code.

    >>> country_name("RU"), country_name("SU"), country_name("SK")
    ('Russia', 'Soviet Union', 'Slovakia')
    """
    return _display().get(code, code)
