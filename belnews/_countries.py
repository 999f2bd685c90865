"""Countries by name, common name, demonym or historic name: exact tables built once, lazily.

pycountry gives the official names; ``data/countries_extra.json`` adds what news writes and
pycountry lacks ("Russia", "the US", "Britain", "Belarusian", "Soviet", "USSR").
"""

from __future__ import annotations

import functools

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


@functools.cache
def _display() -> dict[str, str]:
    import pycountry

    names: dict[str, str] = {}
    for c in pycountry.countries:
        names[c.alpha_2] = getattr(c, "common_name", None) or c.name
    display = _extra()["display"]
    assert isinstance(display, dict)
    names.update(display)
    return names


@functools.cache
def country_gazetteer() -> Gazetteer[CountryRef]:
    """The table of every country name and demonym (built on first use)."""
    import pycountry

    extra = _extra()
    stop = set(extra["lowercase_stop"])  # type: ignore[call-overload]
    table: Gazetteer[CountryRef] = Gazetteer()

    def add(form: str, ref: CountryRef) -> None:
        table.add(form, ref, lowercase_ok=form.casefold() not in stop)

    for c in pycountry.countries:
        for form in (c.name, getattr(c, "common_name", None), getattr(c, "official_name", None)):
            if form and "," not in form:
                add(form, CountryRef(c.alpha_2))
    names = extra["names"]
    demonyms = extra["demonyms"]
    assert isinstance(names, dict) and isinstance(demonyms, dict)
    for code, forms in names.items():
        for form in forms:
            add(form, CountryRef(code))
    for code, forms in demonyms.items():
        for form in forms:
            add(form, CountryRef(code, demonym=True))
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
