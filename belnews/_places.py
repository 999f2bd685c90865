"""Cities, regions and areas with their country, in every spelling the table knows."""

from __future__ import annotations

import functools

import attrs

from belnews._mentions import Gazetteer, load_data

__all__ = ["Place", "lookup_place", "place_gazetteer"]


@attrs.frozen
class Place:
    """A known place: its canonical English name and the country it lies in."""

    name: str
    country: str


@functools.cache
def place_gazetteer() -> Gazetteer[Place]:
    """The table of every place form (built on first use)."""
    data = load_data("places.json")
    stop = {w.casefold() for w in data["lowercase_stop"]}
    table: Gazetteer[Place] = Gazetteer()
    for code, entries in data["places"].items():
        for forms in entries:
            place = Place(forms[0], code)
            for form in forms:
                table.add(form, place, lowercase_ok=len(form) >= 5 and form.casefold() not in stop)
    return table


def lookup_place(surface: str) -> Place | None:
    """The place a name denotes, or ``None``.

    >>> lookup_place("Grodno"), lookup_place("Kiev").name, lookup_place("JAKARTA").country
    (Place(name='Hrodna', country='BY'), 'Kyiv', 'ID')
    """
    return place_gazetteer().get(surface)
