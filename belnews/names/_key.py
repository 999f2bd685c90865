"""The phonetic key: one spelling-independent string per name word.

A word is romanised (Cyrillic through the phonetic scheme), read by the rules of
``belnews/data/name_phonetics.json`` into classes every romanisation shares, and folded:
double letters, iotated vowels (ia/ya/ie/io -> i), ``t`` before a front vowel (Belarusian
ць, so Tikhanovsky ~ Tsikhanouski). Where a spelling is ambiguous ("ch" is ч in English but
х in German) the key is a set of readings, the first the likeliest.
"""

from __future__ import annotations

import functools
import itertools
import json
import re
import unicodedata
from collections.abc import Mapping
from typing import Any

from belnews._data import read_text
from belnews._pattern_cache import compile_stored_re
from belnews.names._translit import has_cyrillic, phonetic_lower

__all__ = ["fold", "fold_word", "latin", "patronymic_stem", "strip_marks"]

# The readings of the ambiguous placeholders, likeliest first without a Slavic-Latin marker.
_AMBIGUOUS: Mapping[str, tuple[str, str]] = {"X": ("C", "G"), "Z": ("C", "S"), "K": ("S", "k")}
# Letters and digraphs that show a Polish, Czech, German, Łacinka or scholarly spelling, where
# "ch" is х.
# The fold runs on every name word, so its patterns use the faster stdlib ``re``.
_SLAVIC_LATIN = compile_stored_re(r"[wjłŭǔšžčĥŝĉřěůźśćżý]|sch|sz|cz|c(?![hzsk])")
_HUNGARIAN = compile_stored_re(r"cs|zs|gy|ics$|szk[iy]j")
# French: -ine (Poutine, Orechkine) or tch (Gorbatchev). The Belarusian national Latin writes ў
# as u (Tsikhanouski, ч as ch), so "ou" with "ch" is no proof of French.
_FRENCH = compile_stored_re(r"[^aeiouy]ine$|(?<!s)tch")
_STRESS = compile_stored_re(r"(?<=[\u0400-\u052f])[\u0300\u0301]")
_APOSTROPHES = compile_stored_re(r"[’'ʹʺʼ`´‘]")
# ia/ya/ie/io -> i inside a word; a final -ia stays (Valeria is not Valery).
_IOTATED = compile_stored_re(r"IA(?!$)")
_NOT_KEY = compile_stored_re(r"[^A-Za-z]")
_MAX_READINGS = 8


def strip_marks(text: str) -> str:
    """Remove stress marks over Cyrillic vowels (``Алекса́ндр`` -> ``Александр``)."""
    if "\u0301" not in text and "\u0300" not in text:
        return text
    return unicodedata.normalize("NFC", _STRESS.sub("", unicodedata.normalize("NFD", text)))


@functools.cache
def _rules() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(read_text("name_phonetics.json"))
    return data


def _trie_pattern(words: list[str]) -> str:
    """A regex alternation of ``words`` grouped by leading letters, longest match first.

    ``sh|shch|sch`` becomes ``s(?:h(?:ch)?|ch)``: the engine rejects a position on its first
    letter instead of trying every word, which makes the fold several times faster.
    """
    heads: dict[str, list[str]] = {}
    ends = False
    for w in words:
        if w:
            heads.setdefault(w[0], []).append(w[1:])
        else:
            ends = True
    alts = []
    for head, tails in sorted(heads.items()):
        inner = _trie_pattern(tails)
        alts.append(re.escape(head) + (f"(?:{inner})" if inner else ""))
    body = "|".join(alts)
    if ends and body:
        return f"(?:{body})?"
    return body


@functools.cache
def _compiled() -> tuple[dict[int, str], re.Pattern[str], dict[str, str], re.Pattern[str], dict[int, str]]:
    rules = _rules()
    letters = {ord(k): v for k, v in rules["letters"].items()}
    graphs: dict[str, str] = rules["multigraphs"]
    alternation = _trie_pattern(list(graphs))
    pattern = compile_stored_re(
        "(?P<mg>"
        + alternation
        + r")|(?P<uv>(?<=[aeo])u)|(?P<cs>c(?=[eiy]))|(?P<gu>gu(?=e))|(?P<hcs>cs(?=$|[aeiou]))"
    )
    french: dict[str, str] = rules["french"]
    fr_pattern = compile_stored_re("|".join(re.escape(g) for g in sorted(french, key=len, reverse=True)))
    singles = {ord(k): v for k, v in {**rules["vowels"], **rules["consonants"]}.items()}
    return letters, pattern, graphs, fr_pattern, singles


@functools.lru_cache(maxsize=65536)
def latin(word: str) -> str:
    """Lower-case Latin of one word: Cyrillic romanised, stress gone, apostrophes as ``_``.

    The ``_`` keeps a soft sign from joining letters into a digraph (ISO 9 ``cʹz`` is not ``cz``);
    it is dropped with the other non-letters.
    """
    if not word.isascii():
        word = strip_marks(word)
        word = phonetic_lower(word) if has_cyrillic(word) else word.lower()
        return _APOSTROPHES.sub("_", word)
    return word.lower().replace("'", "_").replace("`", "_")


def _is_french(low: str) -> bool:
    if "ch" not in low and not low.endswith("ine"):
        return False
    return _FRENCH.search(low) is not None


_HAS_DOUBLE = compile_stored_re(r"(.)\1")


def _undouble(key: str) -> str:
    """Collapse runs of one letter (``tt`` -> ``t``)."""
    if _HAS_DOUBLE.search(key) is None:
        return key
    return "".join(k for k, _ in itertools.groupby(key))


_CONTEXT = {"uv": "V", "cs": "S", "gu": "G", "hcs": "C"}


@functools.lru_cache(maxsize=65536)
def fold_word(word: str) -> tuple[str, ...]:
    """The key readings of one word, likeliest first (empty when it has no letters).

    >>> fold_word("Tsikhanouskaya")[0] == fold_word("Тихановская")[0] == fold_word("Cichanoŭskaja")[0]
    True
    >>> fold_word("Tikhanovsky")
    ('siganavski',)
    """
    return _fold_latin(latin(word))


@functools.lru_cache(maxsize=65536)
def _fold_latin(low: str) -> tuple[str, ...]:
    """``fold_word`` of a word already lower-cased and romanised (Latin and Cyrillic share it)."""
    letters, pattern, graphs, fr_pattern, singles = _compiled()
    if _is_french(low):
        french_rules: dict[str, str] = _rules()["french"]
        low = fr_pattern.sub(lambda m: french_rules[m.group()], low)
        if low.endswith("e"):
            low = low[:-1]
    marked = "ch" in low and _SLAVIC_LATIN.search(low) is not None
    hungarian = "sz" in low and _HUNGARIAN.search(low) is not None
    if not low.isascii():
        low = unicodedata.normalize("NFC", low).translate(letters)
        low = "".join(c for c in unicodedata.normalize("NFD", low) if not unicodedata.combining(c))

    def graph(m: re.Match[str]) -> str:
        kind = m.lastgroup
        return graphs[m.group()] if kind == "mg" else _CONTEXT[kind or ""]

    key = pattern.sub(graph, low).translate(singles)
    if not (key.isascii() and key.isalpha()):
        key = _NOT_KEY.sub("", key)
    key = _undouble(_IOTATED.sub("I", _undouble(key)))
    key = _undouble(key.replace("tI", "SI").replace("CI", "CA"))
    if not key:
        return ()
    if "X" not in key and "Z" not in key and "K" not in key:
        return (key.lower(),)
    first = {"X": "G" if marked else "C", "Z": "S" if hungarian else "C", "K": "S"}
    slots = [c for c in key if c in _AMBIGUOUS]
    choices = [(first[c], *(r for r in _AMBIGUOUS[c] if r != first[c])) for c in slots]
    readings: list[str] = []
    for combo in itertools.islice(itertools.product(*choices), _MAX_READINGS):
        it = iter(combo)
        reading = "".join(next(it) if c in _AMBIGUOUS else c for c in key)
        reading = _undouble(reading.replace("CI", "CA")).lower()
        if reading not in readings:
            readings.append(reading)
    return tuple(readings)


def fold(word: str) -> frozenset[str]:
    """All key readings of one word, as a set."""
    return frozenset(fold_word(word))


_PATRONYMIC_END = compile_stored_re(r"(?:[ai]?v(?:i[cg]|n[a])|i[cg](?:na)?)$")


def patronymic_stem(reading: str) -> str:
    """The father's-name part of a folded patronymic (``grigarivic`` -> ``grigar``)."""
    return _PATRONYMIC_END.sub("", reading).rstrip("aiu") or reading
