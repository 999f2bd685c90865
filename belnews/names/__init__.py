"""One person, however the name is spelled: parsing, keys, matching and display forms.

(First version: exact comparison only; the transliteration-invariant matcher replaces it.)
"""

from __future__ import annotations

import attrs

from belnews.model import Gender

__all__ = ["Name", "name_key", "normalize_name", "parse_name", "same_person"]


@attrs.frozen
class Name:
    """A personal name split into its parts."""

    text: str
    given: tuple[str, ...] = ()
    patronymic: str | None = None
    family: str | None = None
    gender: Gender | None = None
    surname_first: bool = False


def parse_name(text: str) -> Name:
    """Split a name into given names and family name."""
    parts = text.split()
    return Name(text, tuple(parts[:-1]), None, parts[-1] if parts else None)


def name_key(text: str) -> str:
    """A key of the family name."""
    return text.split()[-1].casefold() if text.split() else ""


def same_person(a: str, b: str) -> bool:
    """True when the two names can denote the same person."""
    return a.casefold() == b.casefold()


def normalize_name(text: str) -> str:
    """The display form of a name."""
    return " ".join(text.split())
