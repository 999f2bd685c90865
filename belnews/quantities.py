"""Numbers, percentages and crowd sizes: the counts a careful reader would code.

A count is a number in digits ("774", "30,000", "3.5 million") or words ("one hundred
thousand", "twenty-five"), a percentage ("80 percent", "80%"), or a vague size ("tens of
thousands", "a few thousand", "dozens"), with the qualifier before it ("at least", "more
than", "up to", "nearly"). Vague sizes take the smallest number the phrase allows, a plural
unit meaning at least two of it, so "tens of thousands" is 20,000 ``at_least``; ``high`` is
set where the phrase bounds the size ("tens of thousands" is below 100,000). The tables live
in ``data/numbers.json``.

Years, dates ("13 September", "August 9th"), durations ("26 years", "26-year"), ordinals
("sixth", "9th"), "one of the ..." and numbers inside names ("G7", "Boeing 737") are not
counts.

>>> [(q.text, q.value, q.qualifier.value) for q in quantities_in("At least 774 people were held.")]
[('At least 774', 774, 'at_least')]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from typing import Any

import regex

from belnews._data import load_table
from belnews._pattern_cache import compile_stored, compile_stored_re
from belnews.clean import Cleaned
from belnews.model import Qualifier, Quantity, Span

__all__ = ["count_nouns", "find_quantities", "parse_quantity", "quantities_in", "scan_starts", "words_value"]

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_SP = r"[ \t\u00a0]"


class _Tables:
    """The count tables and pattern (see :func:`_tables`); never changed after ``__init__``."""

    __slots__ = (
        "count_nouns",
        "currencies",
        "firsts",
        "fixed",
        "not_units",
        "pattern",
        "percent_words",
        "qualifiers",
        "scales",
        "time_units",
        "triggers",
        "vague",
        "words",
    )

    words: dict[str, int]  # every number word: units, tens and scales
    scales: dict[str, int]
    fixed: dict[str, int]
    vague: dict[str, tuple[int, int | None]]
    qualifiers: dict[str, Qualifier]
    percent_words: tuple[str, ...]
    currencies: dict[str, str]
    time_units: frozenset[str]
    count_nouns: frozenset[str]
    not_units: frozenset[str]
    pattern: regex.Pattern[str]
    triggers: tuple[str, ...]
    firsts: frozenset[str] | None  # the first word of every count, lower case (see _first_words)

    def __init__(
        self,
        *,
        words: dict[str, int],
        scales: dict[str, int],
        fixed: dict[str, int],
        vague: dict[str, tuple[int, int | None]],
        qualifiers: dict[str, Qualifier],
        percent_words: tuple[str, ...],
        currencies: dict[str, str],
        time_units: frozenset[str],
        count_nouns: frozenset[str],
        not_units: frozenset[str],
        pattern: regex.Pattern[str],
        triggers: tuple[str, ...],
        firsts: frozenset[str] | None,
    ) -> None:
        self.words = words
        self.scales = scales
        self.fixed = fixed
        self.vague = vague
        self.qualifiers = qualifiers
        self.percent_words = percent_words
        self.currencies = currencies
        self.time_units = time_units
        self.count_nouns = count_nouns
        self.not_units = not_units
        self.pattern = pattern
        self.triggers = triggers
        self.firsts = firsts


class _Parts:
    """What the groups of the count pattern (see :func:`_tables`) matched, in their order
    (:data:`_PART_NAMES`); never changed after ``__init__``.

    Made from ``Match.groups()`` in one call: ``regex`` reads a group name as a number
    first, and each failed reading raises and formats an error it then drops.
    """

    __slots__ = ("cur", "digits", "fixed", "num", "pct", "qual", "scale", "vague", "words")

    qual: str | None
    num: str
    vague: str | None
    fixed: str | None
    cur: str | None
    digits: str | None
    scale: str | None
    words: str | None
    pct: str | None

    def __init__(
        self,
        qual: str | None,
        num: str,
        vague: str | None,
        fixed: str | None,
        cur: str | None,
        digits: str | None,
        scale: str | None,
        words: str | None,
        pct: str | None,
    ) -> None:
        self.qual = qual
        self.num = num
        self.vague = vague
        self.fixed = fixed
        self.cur = cur
        self.digits = digits
        self.scale = scale
        self.words = words
        self.pct = pct


_PART_NAMES = ("qual", "num", "vague", "fixed", "cur", "digits", "scale", "words", "pct")


_NUM = _PART_NAMES.index("num") + 1  # the number of the group "num", for its span


@functools.cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = load_table("numbers.json")
    return data


def phrase_alternation(phrases: Sequence[str]) -> str:
    r"""A regex alternation of phrases, longest first, spaces matching any blank.

    Phrases that begin alike share their beginning, so the engine reads it once instead of
    trying each phrase in turn (a phrase that another begins stays after it, as the longest
    first order wants). Only phrases that cannot match at the same place change their order:
    those beginning with different letters (in any case, so the alternation means the same
    with or without ``IGNORECASE``).

    >>> print(phrase_alternation(["at least", "at most", "about", "Monday"]))
    a(?:t[ \t\u00a0]+(?:least|most)|bout)|Monday
    """
    ordered = sorted(phrases, key=lambda p: (-len(p), p))  # ties in a fixed order, whatever the input's
    if all(p and p.isascii() and p == p.strip() for p in ordered):
        return "|".join(_shared_beginnings(ordered))
    return "|".join(_phrase_pattern(p) for p in ordered)


def _phrase_pattern(phrase: str) -> str:
    return regex.escape(phrase).replace(r"\ ", _SP + "+")


def _shared_beginnings(phrases: list[str]) -> list[str]:
    """The alternatives of :func:`phrase_alternation` for ASCII phrases without outer blanks.

    Phrases are grouped by their first character, in lower case, in the order the groups
    first occur (phrases of two groups never match at the same place); inside a group, each
    run of phrases that begin with the same character keeps its order and shares that
    character. A phrase that ends here (``""``) is the shortest of its group, so it comes last.

    >>> _shared_beginnings(["ab", "Ac", "ad", "b", "a"])
    ['ab', 'Ac', 'a(?:d|)', 'b']
    """
    groups: dict[str, list[str]] = {}
    for p in phrases:
        groups.setdefault(p[:1].lower(), []).append(p)
    parts: list[str] = []
    for members in groups.values():
        runs: list[list[str]] = []
        for p in members:
            if runs and p[:1] == runs[-1][0][:1]:
                runs[-1].append(p)
            else:
                runs.append([p])
        for run in runs:
            if len(run) == 1 or not run[0]:
                parts.extend(_phrase_pattern(p) for p in run)
                continue
            rest = _shared_beginnings([p[1:] for p in run])
            parts.append(
                _phrase_pattern(run[0][0]) + (rest[0] if len(rest) == 1 else f"(?:{'|'.join(rest)})")
            )
    return parts


def _triggers(d: dict[str, Any], words: dict[str, int]) -> tuple[str, ...]:
    """What every count contains: a digit, a number word, a vague size word."""
    vague = {p.split()[-1].rstrip("s") for p in (v["phrase"] for v in d["vague"])}
    fixed = {p.split()[-1] for p in d["fixed"]}
    found = set(words) | vague | fixed
    found |= {w.capitalize() for w in found}
    return tuple(sorted(found | set("0123456789")))


@functools.cache
def _tables() -> _Tables:
    d = _data()
    scales: dict[str, int] = d["scales"]
    words = {**d["units"], **d["tens"], **scales}
    vague = {v["phrase"]: (int(v["value"]), v["high"]) for v in d["vague"]}
    qualifiers = {k: Qualifier(v) for k, v in d["qualifiers"].items()}
    word = phrase_alternation(list(words))
    number_words = rf"(?:(?:an?{_SP}+)?(?:{word})(?:(?:{_SP}+and{_SP}+|{_SP}+|-)(?:{word}))*)"
    digits = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
    scale = phrase_alternation(list(scales))
    currency = "".join(regex.escape(c) for c in d["currencies"])
    percent = phrase_alternation(d["percent_words"])
    pattern = compile_stored(
        rf"""
        (?<![\w\-./:,])
        (?:(?P<qual>{phrase_alternation(list(qualifiers))}){_SP}+)?
        (?P<num>
            (?P<vague>{phrase_alternation(list(vague))})
          | (?P<fixed>{phrase_alternation(list(d["fixed"]))})
          | (?P<cur>[{currency}])?(?P<digits>{digits})(?:{_SP}*(?P<scale>{scale}))?
          | (?P<words>{number_words})
        )
        (?![\w])
        (?:{_SP}*(?P<pct>{percent}))?
        """,
        regex.VERBOSE | regex.IGNORECASE,
    )
    if tuple(pattern.groupindex) != _PART_NAMES:
        raise ValueError("the groups of the count pattern must be those of _Parts, in order")
    return _Tables(
        words=words,
        scales=scales,
        fixed=d["fixed"],
        vague=vague,
        qualifiers=qualifiers,
        percent_words=tuple(d["percent_words"]),
        currencies=d["currencies"],
        time_units=frozenset(d["time_units"]),
        count_nouns=frozenset(d["count_nouns"]),
        not_units=frozenset(d["not_units"]),
        pattern=pattern,
        triggers=_triggers(d, words),
        firsts=_first_words([*qualifiers, *vague, *d["fixed"], *words, "a", "an"]),
    )


def _first_words(phrases: Iterable[str]) -> frozenset[str] | None:
    """The letters each phrase begins with, lower case: a match at a word not among them fails.

    ``None`` when a phrase is not plain ASCII (matching it without regard to case may then
    take letters that lower-casing does not tell apart).

    >>> sorted(_first_words(["at least", "twenty-five", "5", "%"]))
    ['at', 'twenty']
    """
    out = set()
    for phrase in phrases:
        if not phrase.isascii():
            return None
        m = _ascii_word().match(phrase.lower())
        if m is not None:
            out.add(m.group())
    return frozenset(out)


@functools.cache
def _ascii_word() -> re.Pattern[str]:
    return compile_stored_re("[A-Za-z]+")


@functools.cache
def _context() -> tuple[regex.Pattern[str], regex.Pattern[str], regex.Pattern[str]]:
    """Patterns for what follows and precedes a number: next words, months, ordinals."""
    determiner = r"(?:the|my|our|your|their|his|her|its|these|those)"
    following = compile_stored(rf"(?:{_SP}+|-)(?:of{_SP}+(?:{determiner}{_SP}+)?)?([A-Za-z][\w'’-]*)")
    before_month = compile_stored(rf"(?:\b(?:{_MONTHS})\.?{_SP}+(?:the{_SP}+)?)$")
    after_month = compile_stored(rf"(?:st|nd|rd|th)?(?:{_SP}+of)?{_SP}+(?:{_MONTHS})\b")
    return following, before_month, after_month


_MONTH_INITIALS = frozenset("ADFJMNOS")  # the first letters of _MONTHS


@functools.cache
def _month_after_hint() -> re.Pattern[str]:
    """What the "after month" pattern of :func:`_context` reads up to a month's first letter."""
    return compile_stored_re(rf"(?:st|nd|rd|th)?(?:{_SP}+of)?{_SP}+[{''.join(sorted(_MONTH_INITIALS))}]")


def scan_starts(text: str, stems: Iterable[str], *, words_before: int, lead: str = "") -> list[int]:
    """Word starts where a phrase may begin: each word holding a stem, and the words before it.

    Finding the few words every phrase must contain in one scan and trying a full pattern
    only at these starts costs far less than running the pattern over the text.

    Args:
        text: the text to search.
        stems: case-sensitive strings one of which every phrase contains ("Aug", "0"),
            found where they begin a word.
        words_before: how many words before a stem may still belong to the phrase.
        lead: characters that may open a word ("$" before "5 million").

    Returns:
        The starts, in order.

    >>> text = "He left in early August."
    >>> [text[i:i + 5] for i in scan_starts(text, ["Aug"], words_before=2)]
    ['in ea', 'early', 'Augus']
    """
    scanner, others = _stem_scanner(tuple(stems))
    positions: set[int] = set()
    if scanner is not None:
        # the scanner reads the text as ASCII bytes ("?" for a character outside ASCII, so
        # offsets stay), each byte that is no letter or digit made a blank, and matches the
        # blank before a stem: a blank put first stands for the text's start; a letter or
        # digit outside ASCII there is no word start ("éten")
        for m in scanner.finditer(b" " + text.encode("ascii", "replace").translate(_blanked())):
            i = m.start()
            if i == 0 or not text[i - 1].isalnum():
                positions.add(i)
    for stem in others:
        i = text.find(stem)
        while i >= 0:
            if i == 0 or not text[i - 1].isalnum():  # not inside a word: "often", "someone"
                positions.add(i)
            i = text.find(stem, i + len(stem))
    starts: set[int] = set()
    if not positions:
        return []
    back = _back_scanner(words_before, lead)
    backwards = text[::-1]
    n = len(text)
    for t in positions:
        walked = back.match(backwards, n - t)
        assert walked is not None  # every part after the first group is optional
        if backwards[n - t - 1 : walked.end()].isascii():
            for k in range(1, words_before + 2):
                at = walked.start(k)
                if at < 0:
                    break
                starts.add(n - at)
        else:  # a letter or digit outside ASCII, a blank "\u00a0" or a currency sign nearby
            starts.update(_starts_before(text, t, words_before, lead))
    return sorted(starts)


@functools.lru_cache(maxsize=16)
def _back_scanner(words_before: int, lead: str) -> re.Pattern[str]:
    r"""What :func:`_starts_before` does, in ASCII text, as a pattern run on the reversed text.

    Matched where the text before a stem begins (reversed), its numbered empty groups stand
    where the stem's word and each word before it start. The match then takes the blanks and
    two characters after the last of them: where they and all the match are ASCII, the
    pattern's ASCII letters and digits are what ``str.isalpha``/``str.isalnum`` accept.

    >>> print(_back_scanner(1, "$").pattern)
    (?:[0-9A-Za-z-]|(?<=[0-9])[,.](?=[0-9]))*[\$]*()(?:[ \t\xa0]+[A-Za-z-]+())?[ \t\xa0]*.?.?
    """
    words = ""
    for _ in range(words_before):
        words = rf"(?:[ \t\xa0]+[A-Za-z-]+(){words})?"
    own = f"[{re.escape(lead)}]*" if lead else ""
    return compile_stored_re(
        rf"(?:[0-9A-Za-z-]|(?<=[0-9])[,.](?=[0-9]))*{own}(){words}[ \t\xa0]*.?.?", re.DOTALL
    )


def _starts_before(text: str, t: int, words_before: int, lead: str) -> list[int]:
    """Where the word holding ``t`` starts (with a sign in ``lead`` before it), and the words before it.

    >>> text = "It cost $5m in all."
    >>> [text[i:] for i in _starts_before(text, text.index("5"), 2, "$")]
    ['$5m in all.', 'cost $5m in all.', 'It cost $5m in all.']
    """
    start = t
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "-" or _in_number(text, start - 1)):
        start -= 1
    while start > 0 and text[start - 1] in lead:
        start -= 1
    starts = [start]
    for _ in range(words_before):
        j = start - 1
        while j >= 0 and text[j] in " \t\u00a0":
            j -= 1
        if j < 0 or j == start - 1 or not (text[j].isalpha() or text[j] == "-"):
            break
        while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "-"):
            j -= 1
        start = j
        starts.append(start)
    return starts


@functools.lru_cache(maxsize=64)
def _stem_scanner(stems: tuple[str, ...]) -> tuple[re.Pattern[bytes] | None, tuple[str, ...]]:
    r"""One pattern for the stems made of ASCII letters and digits only, and the other stems.

    The pattern runs on the text as :func:`_blanked` bytes, where every character before a
    word is a blank. It matches a stem with the blank before it, so a match starts one
    character before its stem; scanning a blank followed by the text finds a stem at the
    text's start too. The caller drops the matches after a letter or digit outside ASCII
    (``str.isalnum``), which are rare. Starting with one literal character lets the engine
    skip ahead to the next blank at the speed of a byte search (a class costs it a test per
    character, a leading lookbehind a try at every position); the lookahead for the stems'
    first characters then turns most words away before the alternation. Only where a stem
    begins matters, not which one, and an occurrence that overlaps another starts after a
    letter or digit of it (never a word start); so one scan finds what ``str.find`` per stem
    finds.

    >>> pattern, others = _stem_scanner(("Aug", "0", "mid-", "é"))
    >>> print(pattern.pattern, others)
    b' (?=[0A])(?:0|Aug)' ('mid-', 'é')
    """
    plain = {s for s in stems if s and s.isascii() and s.isalnum()}
    others = tuple(s for s in stems if s not in plain)
    if not plain:
        return None, others
    firsts = "".join(re.escape(c) for c in sorted({s[0] for s in plain}))
    return compile_stored_re(f" (?=[{firsts}]){_trie(plain)}".encode("ascii")), others


@functools.cache
def _blanked() -> bytes:
    """A ``bytes.translate`` table that makes every byte but an ASCII letter or digit a blank.

    >>> b"It's 5-6 p.m.?".translate(_blanked())
    b'It s 5 6 p m  '
    """
    return bytes(c if chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256))


def _trie(words: set[str]) -> str:
    """A pattern that matches where one of ``words`` begins (a word that another begins is left out).

    Words of one character make one class, which the engine tries as one alternative.

    >>> _trie({"ten", "tens", "two", "9"}), _trie({"1", "2", "3", "ten"})
    ('(?:9|t(?:en|wo))', '(?:[123]|ten)')
    """
    by_first: dict[str, set[str]] = {}
    for w in words:
        by_first.setdefault(w[0], set()).add(w[1:])
    # the shorter word begins every longer one: finding it is enough
    singles = [re.escape(first) for first in sorted(by_first) if "" in by_first[first]]
    parts = [f"[{''.join(singles)}]" if len(singles) > 1 else singles[0]] if singles else []
    for first in sorted(by_first):
        rests = by_first[first]
        if "" in rests:
            continue
        if len(rests) == 1:
            parts.append(re.escape(first + next(iter(rests))))
        else:
            parts.append(re.escape(first) + _trie(rests))
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def _in_number(text: str, i: int) -> bool:
    """True for the separator in "30,000" or "3.5"."""
    return text[i] in ",." and text[i - 1 : i].isdigit() and text[i + 1 : i + 2].isdigit()


def count_nouns() -> frozenset[str]:
    """Nouns that mark a number before them as a count of people or things, not a year.

    >>> "protesters" in count_nouns()
    True
    """
    return _tables().count_nouns


def words_value(text: str) -> int | None:
    """The value of a number written in words, or ``None``.

    >>> words_value("one hundred and fifty thousand"), words_value("twenty-five")
    (150000, 25)
    """
    t = _tables()
    total = current = 0
    seen = False
    for token in _blanks().split(text.lower()):
        if token in ("and", ""):
            continue
        if token in ("a", "an"):
            current = max(current, 1)
            continue
        value = t.words.get(token)
        if value is None:
            return None
        seen = True
        if value == 100:
            current = max(current, 1) * 100
        elif value >= 1000:
            total += max(current, 1) * value
            current = 0
        else:
            current += value
    return total + current if seen else None


@functools.cache
def _blanks() -> regex.Pattern[str]:
    return compile_stored(r"[\s\-]+")


def _number(g: _Parts) -> tuple[int | float, int | None, bool] | None:
    """(value, high, vague) of a match, or ``None`` when it is not a number."""
    t = _tables()
    if g.vague:
        value, high = t.vague[" ".join(g.vague.lower().split())]
        return value, high, True
    if g.fixed:
        return t.fixed[" ".join(g.fixed.lower().split())], None, False
    if g.digits:
        raw = g.digits.replace(",", "")
        number: float = float(raw)
        if g.scale:
            number *= t.scales[g.scale.lower()]
        return (int(number) if number == int(number) else number), None, False
    assert g.words is not None  # one of the alternatives of "num" matched
    value_ = words_value(g.words)
    return None if value_ is None else (value_, None, False)


def _next_words(text: str, end: int) -> list[str]:
    following = _context()[0]
    out: list[str] = []
    pos = end
    while len(out) < 2:
        m = following.match(text, pos)
        if m is None:
            break
        out.append(m.group(1))
        pos = m.end()
    return out


def _unit(words: list[str]) -> str | None:
    t = _tables()
    for w in words:
        if w.lower() in t.count_nouns:
            return w.lower()
    for i, w in enumerate(words):
        lw = w.lower()
        if not w.islower() or lw in t.not_units:
            return None
        if lw.endswith(("ed", "ing", "ly")) and i == 0:
            continue  # "two leading analysts"
        return None if lw.endswith(("ed", "ly")) else lw
    return None


def _is_count(text: str, m: regex.Match[str], g: _Parts, value: float, words: list[str]) -> bool:
    """False for years, dates, durations, ordinals, "one of", and numbers inside names."""
    t = _tables()
    _, before_month, after_month = _context()
    start, end = m.span(_NUM)
    core = g.num
    lowered = [w.lower() for w in words]
    if g.pct:
        return True
    if lowered and lowered[0] in t.time_units:
        return False  # "26 years", "26-year"
    if len(lowered) > 1 and lowered[1] in t.time_units and lowered[0] not in t.count_nouns:
        return False  # "five consecutive weeks"
    if g.digits:
        # every month name begins with one of _MONTH_INITIALS: where none follows or comes
        # before, neither month pattern can match, and the cheaper tests spare running them
        if _month_after_hint().match(text, end) and after_month.match(text, end):
            return False
        before = text[max(0, start - 20) : start]
        if not _MONTH_INITIALS.isdisjoint(before) and before_month.search(before):
            return False
        if _ordinal_suffix().match(text, end):
            return False
        plain = "," not in core and "." not in core and not g.scale
        unit_follows = bool(lowered) and lowered[0] in t.count_nouns
        if plain and len(core) == 4 and 1000 <= value <= 2099 and not g.qual and not unit_follows:
            return False  # a year
        if _after_name(text, start) and not unit_follows:
            return False  # "Boeing 737", "Article 23"
    if g.words:
        lw = core.lower()
        if lw in ("one", "a", "an") and not (lowered and lowered[0] in t.count_nouns):
            return False  # "one of the", "one side"
    return True


@functools.cache
def _ordinal_suffix() -> regex.Pattern[str]:
    return compile_stored(r"(?:st|nd|rd|th)\b")


def _after_name(text: str, start: int) -> bool:
    """True when a capitalised word (not the first of a sentence) stands right before."""
    m = _name_before().search(text, max(0, start - 40), start)
    if m is None:
        return False
    i = m.start() - 1
    while i >= 0 and text[i] in " \t\u00a0":
        i -= 1
    return i >= 0 and text[i] not in '.!?:;"“”\n(*'


@functools.cache
def _name_before() -> regex.Pattern[str]:
    return compile_stored(rf"(?<![\w'’])[A-Z][\w'’]*{_SP}+$")


def quantities_in(text: str, offset: int = 0) -> list[Quantity]:
    """Every count in a piece of text, with spans shifted by ``offset``.

    Args:
        text: a sentence, a paragraph or a whole article.
        offset: where ``text`` starts in the article, added to every span.

    Returns:
        The counts in the order they occur.

    >>> [(q.value, q.qualifier.value, q.high) for q in quantities_in("Tens of thousands marched.")]
    [(20000, 'at_least', 99999)]
    >>> quantities_in("He won 80% of the vote.", offset=100)[0].span
    Span(start=107, end=110)
    """
    t = _tables()
    out: list[Quantity] = []
    done = 0
    firsts, word = t.firsts, _ascii_word()
    for s in scan_starts(text, t.triggers, words_before=3, lead="".join(t.currencies)):
        if s < done:
            continue
        if firsts is not None and text[s].isascii() and text[s].isalpha():
            # a word no count begins with: the pattern would fail here (a word that goes on in
            # other letters is left to the pattern)
            w = word.match(text, s)
            if w is not None and w.group().lower() not in firsts and text[w.end() : w.end() + 1].isascii():
                continue
        m = t.pattern.match(text, s)
        if m is None:
            continue
        g = _Parts(*m.groups())
        number = _number(g)
        if number is None:
            continue
        value, high, vague = number
        words = _next_words(text, m.end())
        if not _is_count(text, m, g, value, words):
            continue
        qual_text = g.qual
        qualifier = t.qualifiers[" ".join(qual_text.lower().split())] if qual_text else None
        if qualifier is None:
            qualifier = Qualifier.AT_LEAST if vague else Qualifier.EXACT
        low: int | float | None = (
            value if vague or qualifier in (Qualifier.AT_LEAST, Qualifier.MORE_THAN) else None
        )
        if qualifier is Qualifier.AT_MOST:
            high = int(value) if isinstance(value, int) else None
        if g.pct:
            unit: str | None = "percent"
        elif g.cur:
            unit = t.currencies[g.cur]
        else:
            unit = _unit(words)
        out.append(
            Quantity(
                value=value,
                qualifier=qualifier,
                text=m.group(0),
                low=low,
                high=high,
                unit=unit,
                span=Span(offset + m.start(), offset + m.end()),
            )
        )
        done = m.end()
    return out


def parse_quantity(text: str) -> Quantity | None:
    """Read one phrase as a count: the first count in it, or ``None``.

    >>> q = parse_quantity("more than 30,000 people")
    >>> q.value, q.qualifier.value, q.unit
    (30000, 'more_than', 'people')
    >>> parse_quantity("a few thousand").high
    9999
    >>> parse_quantity("the sixth term") is None
    True
    """
    found = quantities_in(text)
    return found[0] if found else None


def find_quantities(doc: Cleaned) -> tuple[Quantity, ...]:
    """Every count in the article, spans into ``doc.text``.

    >>> from belnews.clean import Cleaned
    >>> [q.value for q in find_quantities(Cleaned("Police held 774 people and dozens more."))]
    [774, 24]
    """
    out: list[Quantity] = []
    if not doc.paragraphs or _only_breaks_between(doc):
        # no count crosses a line break (nor reads past one), so the text in one piece
        # gives what its paragraphs give one by one, for one scan instead of one each
        return tuple(quantities_in(doc.text))
    for p in doc.paragraphs:
        out.extend(quantities_in(doc.text[p.span.start : p.span.end], p.span.start))
    return tuple(out)


def _only_breaks_between(doc: Cleaned) -> bool:
    """True when the text is its paragraphs with nothing but line breaks around them."""
    pos = 0
    for p in doc.paragraphs:
        if p.span.start < pos or doc.text[pos : p.span.start].strip("\n"):
            return False
        pos = p.span.end
    return not doc.text[pos:].strip("\n")
