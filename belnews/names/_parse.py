"""``parse_name``: a name string split into given names, patronymic and family name.

Order is read from the form: a comma ("LUKASHENKO, Alexander") or an all-capitals word marks
the family name; a patronymic (-ovich, -avich, -ovych, -owitsch, -ovna, -auna, -ivna ...) sits
after the given name, so a patronymic in last place means the list is surname first
("Lukashenko Aleksandr Grigor'yevich"). Titles and honorifics before the name are dropped.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from typing import Any

import attrs

from belnews._data import read_text
from belnews._pattern_cache import compile_stored_re
from belnews.model import Gender
from belnews.names._given import given_table
from belnews.names._key import fold_word, latin, strip_marks
from belnews.names._translit import has_cyrillic, romanize

__all__ = ["Name", "family_gender", "given_classes", "patronymic_gender", "read_name"]


@attrs.frozen
class Name:
    """A personal name split into its parts.

    Attributes:
        text: the input as given.
        given: given names (and initials such as ``"V."``) in the order written.
        patronymic: the patronymic, if the form has one.
        family: the family name (particles such as ``von der`` included).
        gender: the grammatical gender the form shows (given name, patronymic, family-name
            ending or honorific), or None.
        surname_first: True when the family name was written first.
        initials: the letters of given names written as initials (``("V",)``).
        honorifics: the titles stripped from the front (``("President",)``).
    """

    text: str
    given: tuple[str, ...] = ()
    patronymic: str | None = None
    family: str | None = None
    gender: Gender | None = None
    surname_first: bool = False
    initials: tuple[str, ...] = ()
    honorifics: tuple[str, ...] = ()


@functools.cache
def _particles() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(read_text("name_particles.json"))
    return data


_TOKEN = compile_stored_re(r"[^\W\d_][\w’'ʹʼ.\-]*")
_POSSESSIVE = compile_stored_re(r"['’]s\b")
_BRACKETS = compile_stored_re(r"\([^)]*\)|\[[^\]]*\]")
_APOS = compile_stored_re(r"[’'ʹʺʼ`´]")
_PATR_M = compile_stored_re(
    r"(?:[oeaë]|yo|ye|ie|je|iye|ije|io)[vw][iy](?:ch|č|ĉ|tsch|cz|cs|tch|c|tš)$"
    r"|(?:ilyich|ilich|ilič|iljič|kuzmich|kuzmič|fomich|lukich|nikitich|savvich)$"
)
_PATR_F = compile_stored_re(r"(?:[oeaë]|yo|ye|ie|je|iye|ije)[vwuŭ]na$|(?:i|y|ï|yi)vna$|i(?:ch|č)na$")
# Family-name endings that show gender, each with the masculine form the key is made from.
# (A replacement of r"\g<0>" keeps the ending as it is.)
_FAMILY_ENDINGS: tuple[tuple[re.Pattern[str], str, Gender], ...] = (
    (compile_stored_re(r"(?<=[scz]k)(?:aya|aja|aia|aïa|a|á)$"), "i", Gender.FEMALE),
    (compile_stored_re(r"(?<=[scz]k)(?:iy|yy|yi|ij|yj|ii|y|i|í|ý|iĭ|yĭ|ji)$"), "i", Gender.MALE),
    (compile_stored_re(r"(?<=[^aeiouy])(?:aya|aja|aia|aïa)$"), "yi", Gender.FEMALE),
    (compile_stored_re(r"(?<=n)(?:yy|yj|yi|iy|ij|ii|y|õi|îi|yĭ|ïi)$"), "yi", Gender.MALE),
    (compile_stored_re(r"(?<=[^aeiouy])(?:oy|oi|oj|oĭ)$"), "yi", Gender.MALE),
    (compile_stored_re(r"(?<=ov|ev|ëv|ow|ew|av|aw|in|yn)[aá]$"), "", Gender.FEMALE),
    (compile_stored_re(r"(?:ov|ev|ëv|ow|ew|au|aŭ|ou|oŭ|aw|in|yn|ine)$"), r"\g<0>", Gender.MALE),
    (compile_stored_re(r"(?<=[oe])ff$"), "v", Gender.MALE),
)
_SPACE_HYPHEN = compile_stored_re(r"[\s\-]+")


@functools.lru_cache(maxsize=65536)
def latin_lower(word: str) -> str:
    """Lower-case Latin of a word: Cyrillic romanised (phonetic scheme), apostrophes dropped."""
    return latin(word).replace("_", "")


@functools.lru_cache(maxsize=65536)
def family_form(family: str) -> tuple[str, Gender | None]:
    """The masculine form of a family name (the key is made from it) and the gender its ending shows."""
    low = _SPACE_HYPHEN.sub("", latin_lower(family))
    for pattern, repl, gender in _FAMILY_ENDINGS:
        if pattern.search(low) and len(low) > 2:
            return pattern.sub(repl, low), gender
    return low, None


def family_gender(family: str) -> Gender | None:
    """The gender a family-name ending shows (-skaya, -ova, -ina, -aya female; -sky, -ov, -in, -y male)."""
    return family_form(family)[1]


@functools.lru_cache(maxsize=65536)
def patronymic_gender(word: str) -> Gender | None:
    """MALE for -ovich/-avich/-ovych..., FEMALE for -ovna/-auna/-ivna..., else None."""
    low = latin_lower(word)
    if _PATR_F.search(low):
        return Gender.FEMALE
    if _PATR_M.search(low):
        return Gender.MALE
    return None


@functools.lru_cache(maxsize=65536)
def given_classes(word: str) -> frozenset[int]:
    """The ids of the given-name classes a spelling belongs to (empty when none)."""
    table = given_table()
    out: frozenset[int] = frozenset()
    for reading in fold_word(word):
        out |= table.by_key.get(reading, frozenset())
    return out


def _given_gender(word: str) -> Gender | None:
    genders = {given_table().genders[c] for c in given_classes(word)}
    return genders.pop() if len(genders) == 1 else None


def _is_initial(tok: str) -> bool:
    """ "V", "V." or "Yu." (one capital, at most one small letter, then a dot), or runs: "A.G."."""
    if len(tok) == 1:
        return tok.isupper()
    if not tok.endswith("."):
        return False
    return all(
        0 < len(p) <= 2 and p[0].isupper() and (len(p) == 1 or p[1:].islower()) for p in tok[:-1].split(".")
    )


def _is_given(tok: str) -> bool:
    return _is_initial(tok) or bool(given_classes(tok.rstrip(".")))


def _is_caps(tok: str) -> bool:
    return tok.isupper() and not _is_initial(tok) and sum(c.isalpha() for c in tok) > 1


def _tokens(part: str) -> list[str]:
    out = []
    for tok in _TOKEN.findall(part):
        tok = tok.rstrip("-’'ʹʼ")
        if not _is_initial(tok) and tok.endswith(".") and len(tok) > 2:
            tok = tok.rstrip(".")
        out.append(tok)
    return out


@functools.cache
def _word_sets() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(demonyms and other words before a title, suffixes, particles) from name_particles.json."""
    data = _particles()
    return frozenset(data["demonyms"]), frozenset(data["suffixes"]), frozenset(data["particles"])


def _strip_titles(tokens: list[str]) -> tuple[list[str], list[str], Gender | None]:
    honorifics: dict[str, str | None] = _particles()["honorifics"]
    skip, suffixes, particles = _word_sets()
    dropped: list[str] = []
    gender: Gender | None = None
    while len(tokens) > 1:
        low = tokens[0].lower().rstrip(".")
        if low in honorifics:
            mark = honorifics[low]
            gender = Gender(mark) if mark and gender is None else gender
        elif low not in skip and not (tokens[0].islower() and low not in particles):
            break
        dropped.append(tokens.pop(0))
    while len(tokens) > 1 and tokens[-1].lower().rstrip(".") in suffixes:
        tokens.pop()
    return tokens, dropped, gender


def _join_particles(tokens: list[str]) -> list[str]:
    particles = _word_sets()[2]
    if len(tokens) > 1 and (tokens[0] in particles or {tokens[0].lower(), tokens[1]} <= particles):
        return [" ".join(tokens)]  # a family name alone: "von der Leyen", "Von der Leyen"
    for i in range(1, len(tokens) - 1):
        if tokens[i] in particles:
            return [*tokens[:i], " ".join(tokens[i:])]
    return tokens


def _split_rest(rest: list[str]) -> tuple[list[str], str | None]:
    given: list[str] = []
    patronymic = None
    for tok in rest:
        if given and patronymic is None and not _is_initial(tok) and patronymic_gender(tok):
            patronymic = tok
        else:
            given.append(tok)
    return given, patronymic


def _roles(tokens: list[str]) -> tuple[list[str], str | None, str | None, bool]:
    """(given, patronymic, family, surname_first) for tokens without a comma."""
    n = len(tokens)
    caps = [i for i, t in enumerate(tokens) if _is_caps(t)]
    if n > 1 and caps and len(caps) < n:
        fam = " ".join(tokens[i] for i in caps)
        given, patr = _split_rest([t for i, t in enumerate(tokens) if i not in caps])
        return given, patr, fam, caps[0] == 0
    if n == 1:
        tok = tokens[0]
        if _is_given(tok):
            return [tok], None, None, False
        return [], None, tok, False
    pat = [patronymic_gender(t) is not None and not _is_initial(t) for t in tokens]
    if n == 2:
        a, b = tokens
        if patronymic_gender(b) is Gender.FEMALE and _is_given(a):
            return [a], b, None, False
        if not _is_given(a) and _is_given(b):
            return [b], None, a, True
        return [a], None, b, False
    inner = [i for i in range(1, n - 1) if pat[i]]
    if inner and not pat[0]:
        i = inner[0]
        return tokens[:i], tokens[i], " ".join(tokens[i + 1 :]), False
    if pat[-1] and not pat[0]:
        return tokens[1:-1], tokens[-1], tokens[0], True
    return tokens[:-1], None, tokens[-1], False


@functools.lru_cache(maxsize=65536)
def read_name(text: str) -> Name:
    """Parse ``text`` (a str) into a :class:`Name`; see ``belnews.names.parse_name``."""
    clean = text if text.isascii() else strip_marks(unicodedata.normalize("NFC", text))
    clean = _BRACKETS.sub(" ", _POSSESSIVE.sub("", clean))
    left, comma, right = clean.partition(",")
    tokens, dropped, hon_gender = _strip_titles(_tokens(left))
    given: list[str]
    patronymic: str | None
    family: str | None
    surname_first = False
    rest = _tokens(right) if comma else []
    if rest and (_is_given(rest[0]) or _is_caps(left.strip())):
        given, patronymic = _split_rest(rest)
        family, surname_first = " ".join(tokens) or None, True
    else:
        given, patronymic, family, surname_first = (
            _roles(_join_particles(tokens)) if tokens else ([], None, None, False)
        )
    if family is not None and _is_caps(family):
        family = " ".join(w.title() if not has_cyrillic(w) else w.capitalize() for w in family.split())
    full = [g for g in given if not _is_initial(g)]
    initials = tuple(g.rstrip(".") for g in given if _is_initial(g))
    gender = (
        (_given_gender(full[0]) if full else None)
        or (patronymic_gender(patronymic) if patronymic else None)
        or (family_gender(family) if family else None)
        or hon_gender
    )
    return Name(
        text=text,
        given=tuple(given),
        patronymic=patronymic,
        family=family,
        gender=gender,
        surname_first=surname_first,
        initials=initials,
        honorifics=tuple(dropped),
    )


def display_latin(word: str) -> str:
    """A word romanised for display (BGN/PCGN, Belarusian or Ukrainian national by its letters)."""
    return romanize(word) if has_cyrillic(word) else word
