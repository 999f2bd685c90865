"""One person, however the name is spelled: parsing, keys, matching and display forms.

>>> from belnews.names import same_person
>>> same_person("Svetlana Tikhanovskaya", "Sviatlana Tsikhanouskaya")
True
>>> same_person("Sviatlana Tsikhanouskaya", "Siarhei Tsikhanouski")
False
"""

from __future__ import annotations

from belnews.errors import InputTypeError
from belnews.names._gazetteer import Person, lookup_person, normalize_name
from belnews.names._match import family_keys, keys_of, same_keys
from belnews.names._parse import Name, read_name

__all__ = ["Name", "Person", "lookup_person", "name_key", "normalize_name", "parse_name", "same_person"]


def _check(func: str, value: object) -> str:
    if not isinstance(value, str):
        raise InputTypeError(f"{func} takes a name as text (str), not {type(value).__name__}")
    return value


def parse_name(text: str) -> Name:
    """Split a personal name into given names, patronymic and family name.

    Honorifics and titles in front are dropped; the order is read from the form (a comma or
    an all-capitals word marks the family name, a patronymic in last place a surname-first
    list); the gender comes from the given name, the patronymic or the family-name ending.

    Args:
        text: one personal name, in Latin or Cyrillic script.

    Returns:
        The :class:`Name`; parts the text does not hold are empty or None.

    Raises:
        InputTypeError: ``text`` is not a str.

    >>> n = parse_name("Lukashenko Aleksandr Grigor'yevich")
    >>> n.given, n.patronymic, n.family, n.surname_first
    (('Aleksandr',), "Grigor'yevich", 'Lukashenko', True)
    >>> parse_name("Sviatlana Tsikhanouskaya").gender, parse_name("Tsikhanouski").gender
    (<Gender.FEMALE: 'f'>, <Gender.MALE: 'm'>)
    >>> parse_name("Svetlana Tikhanovskaya").family
    'Tikhanovskaya'
    >>> parse_name(42)
    Traceback (most recent call last):
    ...
    belnews.errors.InputTypeError: parse_name takes a name as text (str), not int
    """
    return read_name(_check("parse_name", text))


def name_key(text: str) -> str:
    """A transliteration-invariant key of the family name (of the given name if there is none).

    The key folds romanisation differences (akanye o/a, e/ia/ya, g/h, v/u/ў, t/ts, kh/ch/h,
    sh/sz/š/sch, zh/ž/ż, double letters, soft signs, stress marks) and the gendered ending
    (-sky/-skaya, -ov/-ova), so a husband and wife share it: :func:`same_person` tells them
    apart by the gender. Where a spelling is ambiguous the likeliest reading is returned.

    Args:
        text: a personal name, in Latin or Cyrillic script.

    Returns:
        The key ("" when the text holds no letters).

    Raises:
        InputTypeError: ``text`` is not a str.

    >>> name_key("Sviatlana Tsikhanouskaya")
    'siganavsk'
    >>> name_key("Svetlana Tikhanovskaya") == name_key("Ціханоўская") == name_key("Tsikhanouski")
    True
    >>> name_key("Lukashenko"), name_key("Łukaszenka"), name_key("Лукашэнка")
    ('lukacank', 'lukacank', 'lukacank')
    """
    name = read_name(_check("name_key", text))
    word = name.family or (name.given[-1].rstrip(".") if name.given else "")
    keys = family_keys(word) if word else ()
    return keys[0] if keys else ""


def same_person(a: str, b: str) -> bool:
    """True when two name strings can denote the same person.

    Family names must agree by key and by the gender their endings show; given names by
    equivalence class or key (a missing one never contradicts; an initial fits a name it can
    begin); patronymics, when both have one, by the father's name.

    Args:
        a: a personal name.
        b: another personal name.

    Returns:
        True or False; symmetric, and True for two equal strings.

    Raises:
        InputTypeError: either argument is not a str.

    >>> same_person("Svetlana Tikhanovskaya", "Sviatlana Tsikhanouskaya")
    True
    >>> same_person("Swjatlana Zichanouskaja", "Святлана Ціханоўская")
    True
    >>> same_person("Sviatlana Tsikhanouskaya", "Siarhei Tsikhanouski")
    False
    >>> same_person("Tikhanovskaya", "Tikhanovsky")
    False
    >>> same_person("Lukashenko Aleksandr Grigor'yevich", "Aliaksandr Ryhoravich Lukashenka")
    True
    >>> same_person("Dmitry Oreshkin", "Maxim Oreshkin")
    False
    """
    _check("same_person", a)
    _check("same_person", b)
    if a == b:
        return True
    return same_keys(keys_of(a), keys_of(b))
