"""Cyrillic to Latin by the schemes in ``belnews/data/translit_*.json``.

Each scheme file holds a letter table plus the context rules the official tables state
(start of word, after a vowel, word endings, letter sequences) and its own samples.
"""

from __future__ import annotations

import functools
import json
from typing import Literal

import attrs

from belnews._data import read_text
from belnews._pattern_cache import compile_stored, compile_stored_re

__all__ = ["Scheme", "cyrillic_language", "has_cyrillic", "phonetic_lower", "romanize", "scheme"]

SchemeName = Literal["bgn_pcgn", "be_national", "uk_national", "iso9", "phonetic"]
SCHEMES: tuple[SchemeName, ...] = ("bgn_pcgn", "be_national", "uk_national", "iso9", "phonetic")

_CYRILLIC = compile_stored_re(r"[\u0400-\u052f\u1c80-\u1c8f\u2de0-\u2dff\ua640-\ua69f]")
_WORD = compile_stored(r"[\p{Cyrillic}’'ʼ]+")
_VOWELS = frozenset("аеёиоуыэюяіїєў")
_SOFT_HARD = frozenset("ьъйʼ’'")


@attrs.frozen
class Scheme:
    """One romanisation scheme, as read from its data file."""

    name: str
    letters: dict[str, str]
    initial: dict[str, str]
    after_vowel: dict[str, str]
    endings: dict[str, str]
    sequences: dict[str, str]
    after_i: dict[str, str]
    samples: tuple[tuple[str, str], ...]


@functools.cache
def scheme(name: SchemeName) -> Scheme:
    """The scheme stored in ``translit_<name>.json``."""
    data = json.loads(read_text(f"translit_{name}.json"))
    return Scheme(
        name=data["name"],
        letters=data["letters"],
        initial=data["initial"],
        after_vowel=data["after_vowel"],
        endings=dict(sorted(data["endings"].items(), key=lambda kv: -len(kv[0]))),
        sequences=data.get("sequences", {}),
        after_i=data.get("after_i", {}),
        samples=tuple((a, b) for a, b in data["samples"]),
    )


def has_cyrillic(text: str) -> bool:
    """True when ``text`` holds a Cyrillic letter."""
    return not text.isascii() and _CYRILLIC.search(text) is not None


def cyrillic_language(text: str) -> Literal["ru", "be", "uk"]:
    """Guess the language of Cyrillic ``text`` from the letters only one language uses.

    ``ў`` and ``і`` with ``ы`` or ``э`` are Belarusian; ``ї``, ``є``, ``ґ``, or ``і`` with ``и``
    are Ukrainian; everything else is read as Russian.
    """
    low = text.lower()
    if "ў" in low or ("і" in low and ("ы" in low or "э" in low)):
        return "be"
    if any(c in low for c in "їєґ") or ("і" in low and "и" in low):
        return "uk"
    if "і" in low:
        return "be" if "и" not in low else "uk"
    return "ru"


def _case_like(src: str, out: str, word_upper: bool) -> str:
    if not out or not src.isupper():
        return out
    return out.upper() if word_upper else out[0].upper() + out[1:]


def _word(word: str, sch: Scheme) -> str:
    low = word.lower()
    upper = len(word) > 1 and word.isupper()
    ending = ""
    for end, rep in sch.endings.items():
        if low.endswith(end) and len(low) > len(end):
            ending = _case_like(word[-len(end)], rep, upper) if upper else rep
            low, word = low[: -len(end)], word[: -len(end)]
            break
    out: list[str] = []
    i = 0
    while i < len(low):
        seq = next((s for s in sch.sequences if low.startswith(s, i)), None) if sch.sequences else None
        if seq is not None:
            out.append(_case_like(word[i], sch.sequences[seq], upper))
            i += len(seq)
            continue
        ch = low[i]
        prev = low[i - 1] if i else ""
        if not prev and ch in sch.initial:
            rep = sch.initial[ch]
        elif prev in ("і", "ы", "и") and ch in sch.after_i:
            rep = sch.after_i[ch]
        elif prev and (prev in _VOWELS or prev in _SOFT_HARD) and ch in sch.after_vowel:
            rep = sch.after_vowel[ch]
        else:
            rep = sch.letters.get(ch, ch if ch not in "’'ʼ" else "")
        out.append(_case_like(word[i], rep, upper))
        i += 1
    return "".join(out) + ending


def romanize(text: str, name: SchemeName | Literal["auto"] = "auto") -> str:
    """Romanise the Cyrillic in ``text``; Latin and other characters pass through.

    ``"auto"`` picks BGN/PCGN for Russian, the Belarusian national Latin for Belarusian and the
    Ukrainian national system for Ukrainian (see :func:`cyrillic_language`).

    >>> romanize("Светлана Тихановская")
    'Svetlana Tikhanovskaya'
    >>> romanize("Святлана Ціханоўская")
    'Sviatlana Tsikhanouskaya'
    >>> romanize("ЛУКАШЕНКО")
    'LUKASHENKO'
    """
    if not has_cyrillic(text):
        return text
    if name == "auto":
        lang = cyrillic_language(text)
        name = "be_national" if lang == "be" else "uk_national" if lang == "uk" else "bgn_pcgn"
    sch = scheme(name)
    return _WORD.sub(lambda m: _word(m.group(), sch), text)


@functools.cache
def _phonetic_table() -> dict[int, str]:
    sch = scheme("phonetic")
    if sch.initial or sch.after_vowel or sch.endings or sch.sequences or sch.after_i:
        raise ValueError("the phonetic scheme must map letter by letter")
    return {ord(k): v for k, v in sch.letters.items()}


def phonetic_lower(text: str) -> str:
    """``romanize(text, "phonetic").lower()``, fast: that scheme maps letter by letter.

    >>> phonetic_lower("Ціханоўская")
    'tsiĥanoŭskaya'
    """
    return text.lower().translate(_phonetic_table())
