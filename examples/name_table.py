"""A name-matching table: which spellings in a list denote the same person.

    python examples/name_table.py ["Name one" "Name two" ...]

For each spelling it prints the display form, the transliteration-invariant key and a
group number: spellings in one group are the same person by ``belnews.same_person``.
"""

from __future__ import annotations

import sys

import belnews

SPELLINGS = [
    "Svetlana Tikhanovskaya",
    "Sviatlana Tsikhanouskaya",
    "Swjatlana Zichanouskaja",
    "Святлана Ціханоўская",
    "Siarhei Tsikhanouski",
    "Sergei Tikhanovsky",
    "Aliaksandr Lukashenka",
    "Alexander Lukashenko",
    "Łukaszenka",
    "Maria Kolesnikova",
    "Maryia Kalesnikava",
]


def groups(names: list[str]) -> list[int]:
    """A group number per name: a name joins the first group all of whose names it matches."""
    members: list[list[str]] = []
    out = []
    for name in names:
        for number, group in enumerate(members):
            if all(belnews.same_person(name, other) for other in group):
                group.append(name)
                out.append(number + 1)
                break
        else:
            members.append([name])
            out.append(len(members))
    return out


def main() -> None:
    names = sys.argv[1:] or SPELLINGS
    rows = [("spelling", "display name", "key", "person")]
    rows += [
        (name, belnews.normalize_name(name), belnews.name_key(name), str(group))
        for name, group in zip(names, groups(names), strict=True)
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    for row in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())


if __name__ == "__main__":
    main()
