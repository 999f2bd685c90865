"""Words of the text and the exact look-up of known names in them (gazetteers).

A text is read as word tokens with their offsets; a gazetteer is a table from a folded key
(case folded, dots dropped, U+00A0 read as a space) to entries, and :func:`find_known` finds
the longest known phrase at each word, honouring each form's case rule:

- a form with no lowercase letter (an acronym: "US", "KGB") matches only as written;
- other forms match when the text capitalises them, or writes them in capitals;
- and, when the table allows it, in lowercase ("lebanon", "kremlin").
"""

from __future__ import annotations

import bisect
import functools
import itertools
import operator
import re
import sys
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Generic, NamedTuple, TypeVar

import regex

from belnews._data import load_table
from belnews._pattern_cache import compile_stored, compile_stored_re

__all__ = [
    "Gazetteer",
    "Gazetteers",
    "Hit",
    "Token",
    "Words",
    "find_known_in",
    "fold",
    "load_data",
    "read_words",
    "slug",
    "tokenize",
]

T = TypeVar("T")

# A word: letters and digits, inner hyphens, slashes and underscores ("Rostov-on-Don", "RFE/RL",
# "By_Pol"), an inner apostrophe that is not a possessive ("O'Brien"); or dotted initials ("U.S.").
_TOKEN = r"(?:\p{Lu}\.){2,}|\p{L}[\p{L}\p{M}\p{N}]*(?:[-_/][\p{L}\p{N}]+|['’](?![sS]\b)\p{L}+)*"
_GAP = r"[ \u00a0]|\.[ \u00a0]?"
# Each word with the non-letters before it, and at the end the text's tail with an empty word: every
# letter begins a word, so the offsets follow from the lengths alone (no match objects to build).
_GAPPED = rf"(\P{{L}}*)({_TOKEN}|\Z)"


# Most articles hold only characters of these blocks (Latin, combining marks, Cyrillic, punctuation,
# currency signs). For them the word pattern is rewritten for the standard ``re`` module, which
# finds words about twice as fast: its character classes are the blocks' characters that ``regex``
# itself puts in each class, so both patterns find the same words.
_FAST_BLOCKS = ((0x0000, 0x0370), (0x0400, 0x0500), (0x2000, 0x20D0))


@functools.cache
def _compiled(pattern: str) -> regex.Pattern[str]:
    return compile_stored(pattern)


def _char_class(prop: str, chars: str) -> str:
    """The characters of ``chars`` in the ``regex`` class ``prop``, as ``re`` class ranges."""
    codes = [ord(c) for c in regex.findall(prop, chars)]
    out = []
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        out.append(re.escape(chr(codes[i])) + ("-" + re.escape(chr(codes[j])) if j > i else ""))
        i = j + 1
    return "".join(out)


@functools.cache
def _fast_classes() -> tuple[str, str, str, str, str, str]:
    """The possessive-repeat mark, and the ``re`` classes (letter, capital, mark, digit, word character) of
    the characters within ``_FAST_BLOCKS``."""
    chars = "".join(chr(c) for a, b in _FAST_BLOCKS for c in range(a, b))
    # Possessive repeats give the same words: nothing after a repeat can fail, so the engine never takes back
    # what one read; they only spare it the bookkeeping for taking back (Python 3.11.5+: earlier versions
    # lack them or misread a possessive group, gh-106052).
    p = "+" if sys.version_info >= (3, 11, 5) else ""
    return (
        p,
        _char_class(r"\p{L}", chars),
        _char_class(r"\p{Lu}", chars),
        _char_class(r"\p{M}", chars),
        _char_class(r"\p{N}", chars),
        _char_class(r"\w", chars),
    )


@functools.cache
def _outside() -> re.Pattern[str]:
    """The test for a text with a character outside ``_FAST_BLOCKS``."""
    return compile_stored_re("[^" + "".join(rf"\u{a:04x}-\u{b - 1:04x}" for a, b in _FAST_BLOCKS) + "]")


@functools.cache
def _fast_word() -> str:
    """The words of ``_GAPPED`` for ``re`` on texts within ``_FAST_BLOCKS`` (a pattern's source).

    Written to start with a letter class, which lets ``re`` skip to the next letter in C; the dotted
    initials ("U.S.") are then the branch that follows the first letter with a dot (a literal: the other
    words skip that branch at once), the letter before it a capital.
    """
    p, letter, upper, mark, digit, word = _fast_classes()
    return (
        rf"[{letter}](?:\.(?<=[{upper}]\.)(?:[{upper}]\.)+|[{letter}{mark}{digit}]*{p}"
        rf"(?:[-_/][{letter}{digit}]+{p}|['’](?![sS](?![{word}]))[{letter}]+{p})*{p})"
    )


@functools.cache
def _fast_split() -> re.Pattern[str]:
    """The words of ``_GAPPED`` for ``re`` on texts within ``_FAST_BLOCKS``, as one group to split a text
    on: gap, word, gap, ..., word, tail."""
    return compile_stored_re("(" + _fast_word() + ")")


@functools.cache
def _fast_runs() -> re.Pattern[str]:
    """As :func:`_fast_split`, but each part between the gaps is a run of words joined by single spaces
    ("the KGB in Minsk"): a word's match never depends on the text before it, so a run holds the words
    :func:`_fast_split` finds there, and the engine starts once a run, not once a word."""
    p, w = _fast_classes()[0], _fast_word()
    return compile_stored_re(f"({w}(?: {w})*{p})")


# The bytes of ASCII, deleted from a text in UTF-8 to leave its other characters.
_ASCII_BYTES = bytes(range(128))


def _within_blocks(text: str) -> bool:
    """Whether every character of ``text`` is within ``_FAST_BLOCKS``: a text in ASCII at once, else only its
    other characters are read. In UTF-8 each of them is written in bytes of 128 and over alone, so deleting
    the bytes of ASCII leaves them whole (a lone surrogate too, with "surrogatepass"; outside the blocks).

    >>> _within_blocks("Łukašenka’s “Мінск”"), _within_blocks("Athens (Αθήνα)")
    (True, False)
    """
    if text.isascii():
        return True
    rest = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_BYTES)
    return _outside().search(rest.decode("utf-8", "surrogatepass")) is None


def _casefold(words: str) -> str:
    """``words.casefold()``, quicker on words in ASCII but for the apostrophe "’" ("won’t"): ``casefold``
    reads a text in ASCII at once, but any other character makes it read each one on its own."""
    if words.isascii() or "’" not in words or "\x00" in words:
        return words.casefold()
    bare = words.replace("’", "\x00")
    return bare.lower().replace("\x00", "’") if bare.isascii() else words.casefold()


class Token(NamedTuple):
    """A word of the text, its offsets, its look-up key (see :func:`fold`), whether it is written in
    title case ("Minsk", "McCain") or is a single initial ("J"), and whether it is all capitals."""

    start: int
    end: int
    text: str
    key: str
    is_cap: bool
    is_upper: bool = False  # two letters or more, all capitals ("KGB", "U.S.")


def tokenize(text: str) -> list[Token]:
    """The words of ``text`` with their offsets.

    >>> [t.text for t in tokenize("Lukashenko’s plane landed in Rostov-on-Don, U.S. says")]
    ['Lukashenko', 's', 'plane', 'landed', 'in', 'Rostov-on-Don', 'U.S.', 'says']
    """
    words = read_words(text)
    return [words.token(k) for k in range(len(words.texts))]


class Words:
    """The words of a text, read once and shared by every scan of it: what each :class:`Token` holds, field
    by field (lists in step; no record made per word), and the indices of the words in title case.
    Read-only: nothing is assigned after ``__init__``."""

    __slots__ = ("ends", "gaps", "is_cap", "is_upper", "keys", "starts", "texts", "title_case")

    def __init__(
        self,
        starts: list[int],
        ends: list[int],
        texts: list[str],
        keys: list[str],
        is_cap: list[bool],
        is_upper: list[bool],
        title_case: list[int],
        gaps: list[str],
    ) -> None:
        self.starts = starts
        self.ends = ends
        self.texts = texts
        self.keys = keys
        self.is_cap = is_cap
        self.is_upper = is_upper
        self.title_case = title_case  # title case only (``Token.is_cap``)
        self.gaps = gaps  # the text before each word, from the end of the word before it

    def token(self, k: int) -> Token:
        """The ``k``-th word as a record."""
        return Token(
            self.starts[k], self.ends[k], self.texts[k], self.keys[k], self.is_cap[k], self.is_upper[k]
        )


def read_words(text: str) -> Words:
    """The words of ``text`` (see :func:`tokenize`), with their keys and where the capitals are.

    >>> words = read_words("The KGB in Minsk")
    >>> words.keys, words.is_upper, words.title_case, words.gaps
    (['the', 'kgb', 'in', 'minsk'], [False, True, False, False], [0, 3], ['', ' ', ' ', ' '])
    """
    outside = not _within_blocks(text)
    if outside:
        pairs = _compiled(_GAPPED).findall(text)
        while pairs and not pairs[-1][1]:
            pairs.pop()  # the tail, after the last word (every letter begins a word: no other word is empty)
        flat: list[str] = list(itertools.chain.from_iterable(pairs))
        words = flat[1::2]
        gaps = flat[0::2]
        joined = " ".join(words)
    else:
        runs = _fast_runs().split(text)  # the gaps and runs of words in turn, and the text's tail
        runs.pop()
        joined = " ".join(runs[1::2])  # a word holds no space: the words of the runs, joined
        words = joined.split(" ") if runs else []
        # each word's gap: a single space within a run, the gap before the run for its first word
        gaps = [" "] * len(words)
        spaces = map(str.count, runs[1::2], itertools.repeat(" "))
        firsts = itertools.accumulate(map((1).__add__, spaces), initial=0)
        for k, gap in zip(firsts, runs[0::2], strict=False):  # (``firsts`` ends with one past the last word)
            gaps[k] = gap
        flat = [""] * (2 * len(words))
        flat[0::2] = gaps
        flat[1::2] = words
    n = len(words)
    # every step below is one call over all the words (no Python loop over them): their lengths summed give
    # each word's start and end
    bounds = list(itertools.accumulate(map(len, flat)))
    # ``casefold`` reads each character on its own and a word holds no space: the keys of the words
    # joined are the words' keys
    folded = _casefold(joined)
    keys = (folded.replace(".", "") if "." in folded else folded).split(" ") if n else []
    # the words that may begin with a capital: within the blocks, a word whose key differs from it (a
    # capital folds to another first letter); elsewhere each word's first letter is read
    ahead = map(str.isupper, map(operator.itemgetter(0), words)) if outside else map(operator.ne, words, keys)
    is_cap = [False] * n
    is_upper = [False] * n
    title_case: list[int] = []
    for k in itertools.compress(range(n), ahead):
        word = words[k]
        if not word[0].isupper():
            continue  # "straße", "a.m.": a word that folds to another, in lowercase
        if len(word) > 1 and word.isupper():
            is_upper[k] = True
        else:
            is_cap[k] = True
            title_case.append(k)
    return Words(bounds[0::2], bounds[1::2], words, keys, is_cap, is_upper, title_case, gaps)


def glued(words: Words, k: int) -> bool:
    """Whether word ``k + 1`` follows word ``k`` as part of one phrase: a space, an initial's dot
    ("St. Petersburg", "A. Lukashenko"), or the apostrophe of a possessive ("prosecutor's office").

    >>> words = read_words("A. Lukashenko’s office. Then")
    >>> [glued(words, k) for k in range(4)]
    [True, True, True, False]
    """
    if k + 1 >= len(words.texts):
        return False
    between = words.gaps[k + 1]
    if between == " ":
        return True
    if not 0 < len(between) <= 2:
        return False
    if between in ("'", "’"):
        return words.texts[k + 1] in ("s", "S")
    return _compiled(_GAP).fullmatch(between) is not None and not (
        between[0] == "." and len(words.texts[k]) > 3
    )


def fold(text: str) -> str:
    """The look-up key of a phrase: case folded, dots dropped, spaces single.

    >>> fold("St.\u00a0Petersburg"), fold("U.S."), fold("Prosecutor’s Office")
    ('st petersburg', 'us', 'prosecutor s office')
    """
    if "." not in text and "\u00a0" not in text and "'" not in text and "’" not in text:
        return " ".join(text.casefold().split())  # the common case, without the replacements
    folded = text.replace(".", "").replace("\u00a0", " ").casefold()
    if "s" in folded and ("'" in folded or "’" in folded):
        folded = _compiled(r"['’]s\b").sub(" s", folded)  # a possessive is two words, as tokens read it
    return " ".join(folded.split())


@functools.lru_cache(maxsize=16384)
def slug(text: str) -> str:
    """An ASCII id part: lowercase words joined by hyphens.

    >>> slug("Anya Petrova"), slug("Zürich"), slug("EU leaders")
    ('anya-petrova', 'zurich', 'eu-leaders')
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "-".join(_compiled(r"[a-z0-9]+").findall(ascii_text.lower()))


def load_data(name: str) -> Any:
    """A JSON table of ``belnews/data`` (shared and cached: treat it as read-only)."""
    return load_table(name)


class Hit(Generic[T]):
    """A known phrase found in the text (read-only: nothing is assigned after ``__init__``); hits are equal
    when their fields are."""

    __slots__ = ("end", "first", "last", "start", "text", "value")

    def __init__(self, start: int, end: int, text: str, value: T, first: int, last: int) -> None:
        self.start = start
        self.end = end
        self.text = text
        self.value = value
        self.first = first  # index of its first token
        self.last = last  # index one past its last token

    def _values(self) -> tuple[int, int, str, T, int, int]:
        return (self.start, self.end, self.text, self.value, self.first, self.last)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Hit):
            return NotImplemented
        return self._values() == other._values()

    def __repr__(self) -> str:
        return "Hit(start={!r}, end={!r}, text={!r}, value={!r}, first={!r}, last={!r})".format(
            *self._values()
        )


class _Form:
    """One written form of a table's entry (tables hold a few thousand, made on first use; read-only:
    nothing is assigned after ``__init__``)."""

    __slots__ = ("acronym", "bare", "form", "lowercase_ok", "the", "value")

    def __init__(
        self, form: str, value: Any, lowercase_ok: bool, acronym: bool, bare: str, the: bool
    ) -> None:
        self.form = form
        self.value = value
        self.lowercase_ok = lowercase_ok
        self.acronym = acronym  # no lowercase letter: matches only as written, dots aside
        self.bare = bare  # the form without dots (for an acronym's comparison)
        self.the = the  # begins with "The ": matches only as written, spaces aside


class Gazetteer(Generic[T]):
    """An exact table of phrases to values, matched on tokens by :func:`find_known`."""

    def __init__(self) -> None:
        self._forms: dict[str, list[_Form]] = {}
        self._max_words: dict[str, int] = {}

    def add(self, form: str, value: T, *, lowercase_ok: bool = False) -> None:
        """Add one written form of a name."""
        # (``fold`` and ``_form`` written out: the tables add a few thousand forms on the first call)
        if "." in form or "\u00a0" in form or "'" in form or "’" in form:
            key = fold(form)
        else:
            key = " ".join(form.casefold().split())
        if not key:
            return
        entry = _Form(
            form,
            value,
            lowercase_ok,
            not any(map(str.islower, form)),
            form.replace(".", ""),
            form.startswith("The "),
        )
        forms = self._forms.get(key)
        if forms is None:
            self._forms[key] = [entry]
        else:
            forms.append(entry)
        first = key.partition(" ")[0]
        words = key.count(" ") + 1
        if words > self._max_words.get(first, 0):
            self._max_words[first] = words

    def get_key(self, key: str, surface: str) -> T | None:
        """The value of a phrase by its folded key and its surface (for the case rule)."""
        forms = self._forms.get(key)
        if forms is None:
            return None
        for f in forms:
            if _case_ok(f, surface):
                value: T = f.value
                return value
        return None

    def get(self, surface: str) -> T | None:
        """The value of a phrase written as ``surface``, or ``None``.

        >>> g: Gazetteer[str] = Gazetteer()
        >>> g.add("US", "US"); g.add("Lebanon", "LB", lowercase_ok=True)
        >>> g.get("US"), g.get("us"), g.get("lebanon"), g.get("LEBANON")
        ('US', None, 'LB', 'LB')
        """
        for f in self._forms.get(fold(surface), ()):
            if _case_ok(f, surface):
                value: T = f.value
                return value
        return None

    def max_words(self, first_word: str) -> int:
        """The most words a phrase beginning with this (folded) word has; 0 for none."""
        return self._max_words.get(first_word, 0)


def _case_ok(form: _Form, surface: str) -> bool:
    if form.acronym:
        return surface.replace(".", "") == form.bare
    if form.the:
        return " ".join(surface.split()) == form.form
    # capitalised or in capitals (the first letter is then a capital), or lowercase where allowed
    return form.lowercase_ok or surface[:1].isupper()


def find_known(text: str, words: Words, table: Gazetteer[T], *, parts: bool = False) -> Iterator[Hit[T]]:
    """The longest known phrases, left to right, without overlap.

    With ``parts``, a hyphenated word that is not known as a whole is also looked up part by
    part ("Russia-Belarus", "Minsk-based"), except after the prefix "Pan-".
    """
    i = 0
    n = len(words.texts)
    max_words = table._max_words.get
    starts, ends, texts, keys = words.starts, words.ends, words.texts, words.keys
    while i < n:
        top = max_words(keys[i], 0)
        if not top:
            if parts and "-" in texts[i]:
                yield from _part_hits(starts[i], texts[i], i, table)
            i += 1
            continue
        hit: Hit[T] | None = None
        for width in range(min(top, n - i), 0, -1):
            if width > 1 and not _joined(words, i, i + width):
                continue
            key = " ".join(keys[i : i + width])
            surface = text[starts[i] : ends[i + width - 1]]
            value = table.get_key(key, surface)
            if value is not None:
                hit = Hit(starts[i], ends[i + width - 1], surface, value, i, i + width)
                break
        if hit is not None:
            yield hit
            i = hit.last
            continue
        if parts and "-" in texts[i]:
            yield from _part_hits(starts[i], texts[i], i, table)
        i += 1


class _First:
    """What the tables hold under phrases that begin with one (folded) word (read-only: nothing is assigned
    after ``__init__``)."""

    __slots__ = ("seconds", "solo", "top")

    def __init__(self, top: int, solo: bool, seconds: frozenset[str]) -> None:
        self.top = top  # the most words of such a phrase, in any table
        self.solo = solo  # the word alone is a key
        self.seconds = seconds  # the second words of such phrases


class _Entry(NamedTuple):
    """What one table holds under one key: for the common case (no acronym, no "The ...") the value when the
    text capitalises the phrase and when it does not (``None``: no match); else its forms, in order."""

    table: int
    on_capital: Any
    on_lower: Any
    forms: list[_Form] | None


class Gazetteers:
    """Several gazetteers read in one pass over the words (see :func:`find_known_in`)."""

    def __init__(self, tables: tuple[tuple[Gazetteer[Any], bool], ...]) -> None:
        self.tables = tables
        # every key a table holds a form under (a phrase with none of these keys needs no table look-up)
        self.keys = frozenset(key for table, _parts in tables for key in table._forms)
        prefixes = set(self.keys)  # each key, and the first words of the keys of several words
        seconds: dict[str, set[str]] = {}
        for key in self.keys:
            cut = key.rfind(" ")
            while cut > 0:
                prefixes.add(key[:cut])
                cut = key.rfind(" ", 0, cut)
            first, _, rest = key.partition(" ")
            if rest:
                seconds.setdefault(first, set()).add(rest.partition(" ")[0])
        self.prefixes = frozenset(prefixes)
        # a first word -> what phrases it begins
        tops: dict[str, int] = {}
        for table, _parts in tables:
            for word, top in table._max_words.items():
                tops[word] = max(top, tops.get(word, 0))
        self.tops = {
            word: _First(top, word in self.keys, frozenset(seconds.get(word, ())))
            for word, top in tops.items()
        }
        self.firsts = frozenset(tops)  # the same words, as a set (a set answers ``in`` faster than a dict)
        # a key -> what each table holds under it
        entries: dict[str, list[_Entry]] = {}
        for k, (table, _parts) in enumerate(tables):
            for key, forms in table._forms.items():
                plain = not any(f.acronym or f.the or f.value is None for f in forms)
                on_lower = next((f.value for f in forms if f.lowercase_ok), None) if plain else None
                entry = _Entry(k, forms[0].value, on_lower, None) if plain else _Entry(k, None, None, forms)
                entries.setdefault(key, []).append(entry)
        self.entries = {key: tuple(row) for key, row in entries.items()}


def _hyphenated(text: str, words: Words) -> list[int]:
    """The indices of the words that hold a hyphen ("Minsk-based"), in order."""
    out: list[int] = []
    starts, ends = words.starts, words.ends
    pos = text.find("-")
    while pos >= 0:
        k = bisect.bisect_right(starts, pos) - 1  # the word at or before the hyphen
        if k >= 0 and pos < ends[k]:
            out.append(k)
            pos = text.find("-", ends[k])
        elif k + 1 < len(starts):
            pos = text.find("-", starts[k + 1])
        else:
            break
    return out


def find_known_in(text: str, words: Words, tables: Gazetteers) -> list[list[Hit[Any]]]:
    """For each table, the hits :func:`find_known` would give, found in one pass.

    >>> a: Gazetteer[str] = Gazetteer(); a.add("New York", "NY"); a.add("York", "Y")
    >>> b: Gazetteer[str] = Gazetteer(); b.add("York", "duke")
    >>> words = "From New York to York-based"
    >>> [[h.value for h in hits] for hits in find_known_in(words, read_words(words),
    ...                                                    Gazetteers(((a, False), (b, True))))]
    [['NY'], ['duke', 'duke']]
    """
    n = len(words.texts)
    starts, ends, texts = words.starts, words.ends, words.texts
    count = len(tables.tables)
    out: list[list[Hit[Any]]] = [[] for _ in range(count)]
    cursor = [0] * count
    tops = tables.tops
    prefixes = tables.prefixes
    all_keys = tables.keys
    parts = [p for _t, p in tables.tables]
    # only the words that begin a known phrase, and hyphenated words (looked up part by part)
    keys_at = words.keys  # a hyphenated word's key keeps hyphens
    todo = list(itertools.compress(range(n), map(tables.firsts.__contains__, keys_at)))
    if any(parts) and "-" in text:
        for k in _hyphenated(text, words):  # a few words: each put in its place (no sort of the whole list)
            at = bisect.bisect_left(todo, k)
            if at == len(todo) or todo[at] != k:
                todo.insert(at, k)
    gap_at = words.gaps
    entries_of = tables.entries
    for i in todo:
        key_i = keys_at[i]
        found = tops.get(key_i)
        if found is None:
            for k in range(count):
                if parts[k] and cursor[k] <= i:
                    out[k].extend(_part_hits(starts[i], texts[i], i, tables.tables[k][0]))
            continue
        longer = i + 1 < n and keys_at[i + 1] in found.seconds
        hyphen = "-" in key_i
        if not longer and not found.solo and not hyphen:
            continue  # "the", "political": a word that only begins phrases, and no phrase here
        phrase = [key_i]  # by width - 1: the folded key of the phrase of that many words
        if longer:
            width = 2
            top = found.top
            while width <= n - i and width <= top:
                j = i + width - 1
                if gap_at[j] != " " and not glued(words, j - 1):
                    break
                key = phrase[-1] + " " + keys_at[j]
                if key not in prefixes:
                    break
                phrase.append(key)
                width += 1
        if not hyphen and ((len(phrase) == 1 and not found.solo) or all_keys.isdisjoint(phrase)):
            continue  # a word that only begins phrases and no phrase of the words after it, or no key at all
        capital = text[starts[i]].isupper()
        done = 0  # the tables with a hit here, as bits
        for width in range(len(phrase), 0, -1):
            entries = entries_of.get(phrase[width - 1])
            if entries is None:
                continue
            for k, on_capital, on_lower, forms in entries:
                if done >> k & 1 or cursor[k] > i:
                    continue
                end = ends[i + width - 1]
                if forms is None:
                    value = on_capital if capital else on_lower
                    if value is None:
                        continue
                    surface = text[starts[i] : end]
                else:
                    surface = text[starts[i] : end]
                    for f in forms:
                        if _case_ok(f, surface):
                            value = f.value
                            break
                    else:
                        continue
                out[k].append(Hit(starts[i], end, surface, value, i, i + width))
                cursor[k] = i + width
                done |= 1 << k
        if hyphen:
            for k in range(count):
                if parts[k] and not done >> k & 1 and cursor[k] <= i:
                    out[k].extend(_part_hits(starts[i], texts[i], i, tables.tables[k][0]))
    return out


def _joined(words: Words, a: int, b: int) -> bool:
    return all(glued(words, k) for k in range(a, b - 1))


def _part_hits(start: int, word: str, index: int, table: Gazetteer[T]) -> Iterator[Hit[T]]:
    pos = start
    pieces = word.split("-")
    if pieces[0].casefold() == "pan":
        return
    for piece in pieces:
        value = table.get(piece) if piece else None
        if value is not None:
            yield Hit(pos, pos + len(piece), piece, value, index, index + 1)
        pos += len(piece) + 1


@functools.cache
def _words(name: str, key: str) -> frozenset[str]:
    return frozenset(load_data(name)[key])


def word_set(name: str, key: str) -> frozenset[str]:
    """A list of words from a data table, as a set (cached)."""
    return _words(name, key)


def build(entries: Mapping[str, T], lowercase_ok: Callable[[str], bool]) -> Gazetteer[T]:
    """A gazetteer from written forms to values."""
    g: Gazetteer[T] = Gazetteer()
    for form, value in entries.items():
        g.add(form, value, lowercase_ok=lowercase_ok(form))
    return g
