"""Date expressions, found by belnews's own patterns and resolved against the article's date.

Finding and resolving are separate. The patterns (built from ``data/date_patterns.json``)
find only what a reader takes for a date: month and weekday names are matched with their
capital letter, so "may" and "march" (verbs) and "we" never are; durations ("26 years",
"four years", "three-decade rule") and vague phrases ("a few days ago", "to this day") have
no pattern; a bare year counts only where it is used as a date ("in 1994", "the 2020
election"). What the patterns read completely (a day and month name, a month, a weekday,
"3 weeks ago", "last month") is resolved with calendar arithmetic on the match's groups,
following :mod:`dateparser`'s reading of the same words (``tests/test_dates.py`` checks
they agree); anything else (an impossible day, a leap day) goes to :mod:`dateparser`
(imported on first use, cached on the candidate string, base date and preference), never
over the whole text.

How a careful reader resolves what the text leaves open:

- A month or day without a year takes the year that puts it nearest to the article's date,
  unless the nearest tense cue in the sentence ("was", "ago", "since" / "will", "upcoming",
  "next") says it lies before or after.
- A weekday is the most recent such day on or before the article's date ("On Sunday" in a
  Sunday paper is that day), or on or after it with a future cue. When the sentence ties it
  to an earlier happening with a sequence word ("following", "after", "later"), the weekday
  is the first such day after the anchor: the latest day date earlier in the same sentence,
  else the latest explicit calendar date ("August 9th", "9 August 2020") earlier in the
  article; the anchor is used only when the day it gives is not after the article's date.
- Without an article date, expressions that need one (relative phrases, weekdays, dates
  without a year) are left out.

>>> import datetime as dt
>>> from belnews.clean import Cleaned
>>> doc = Cleaned("Protests began in August and peaked on Sunday 13 September.")
>>> [(d.text, d.value) for d in find_dates(doc, dt.date(2020, 9, 14))]
[('in August', '2020-08'), ('on Sunday 13 September', '2020-09-13')]
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Sequence
from typing import Any, Literal

import regex

from belnews._data import load_table
from belnews._pattern_cache import compile_stored, compile_stored_re
from belnews.clean import Cleaned
from belnews.model import DateRef, Precision, Span
from belnews.quantities import count_nouns, phrase_alternation, scan_starts

__all__ = ["find_dates", "resolve_at"]

_SP = r"[ \t\u00a0]"
_SENTENCE_START = frozenset('.!?:;"“‘(*—–…\n')

Prefer = Literal["past", "future"]
# "said they would march again on Saturday": the weekday of the predicate "would" governs is ahead
_WOULD = compile_stored_re(r"\bwould\s+(?!have\b)(?:[a-z]+\s+){1,3}$")


class _Vocab:
    """The date tables and patterns (see :func:`_vocab`); never changed after ``__init__``."""

    __slots__ = (
        "ago_counts",
        "ago_units",
        "ambiguous_months",
        "feasts",
        "first_words",
        "group_names",
        "joined_before",
        "kept_prepositions",
        "months",
        "name_follows",
        "named_days",
        "not_after_dated_year",
        "not_after_year",
        "ordinals",
        "past_verb",
        "pattern",
        "possessive",
        "relative",
        "relative_offsets",
        "same_named",
        "sequence_cues",
        "tense_clitics",
        "tense_cues",
        "the_adjective_before",
        "the_before",
        "triggers",
        "weekdays",
        "word_after",
    )

    months: dict[str, int]  # full names and abbreviations
    ambiguous_months: frozenset[str]
    weekdays: tuple[str, ...]
    named_days: frozenset[str]
    kept_prepositions: frozenset[str]
    relative: dict[str, tuple[str, Precision]]  # phrase -> (what dateparser reads, precision)
    relative_offsets: dict[str, int]  # phrase -> its distance from the article's date, in its precision
    ago_counts: dict[str, int]
    ordinals: dict[str, int]  # "fifth" -> 5, for a bare day of the month ("on the fifth")
    feasts: dict[str, int]  # a movable feast -> its offset in days from Easter Sunday
    ago_units: dict[str, Precision]
    pattern: re.Pattern[str]  # duplicate group names numbered: see _unique_groups
    group_names: tuple[str, ...]  # the pattern's groups in order (every group is named)
    same_named: dict[str, tuple[str, ...]]  # a repeated name -> its numbered names: ("year", "year_2", ...)
    triggers: tuple[str, ...]
    first_words: frozenset[str] | None  # lowercased; None: any word may begin a date
    tense_cues: re.Pattern[str]  # on a blank and lowercased text: groups "past" and "future" (see _tense)
    tense_clitics: re.Pattern[str]  # the cues that begin with an apostrophe ("'ll"), on lowercased text
    past_verb: regex.Pattern[str]  # a past-tense verb, the weakest cue: "In January the EU passed ..."
    sequence_cues: re.Pattern[str]
    name_follows: regex.Pattern[str]  # a capitalised word that is no month: "Sunday Times"
    word_after: regex.Pattern[str]
    possessive: regex.Pattern[str]
    the_before: regex.Pattern[str]
    the_adjective_before: regex.Pattern[str]  # "the disputed 2020 election"
    not_after_dated_year: frozenset[str]  # "the last 2000 years" is a duration
    joined_before: regex.Pattern[str]  # "and" / "to" / a dash between two years
    not_after_year: frozenset[str]

    def __init__(
        self,
        *,
        months: dict[str, int],
        ambiguous_months: frozenset[str],
        weekdays: tuple[str, ...],
        named_days: frozenset[str],
        kept_prepositions: frozenset[str],
        relative: dict[str, tuple[str, Precision]],
        relative_offsets: dict[str, int],
        ago_counts: dict[str, int],
        ordinals: dict[str, int],
        feasts: dict[str, int],
        ago_units: dict[str, Precision],
        pattern: re.Pattern[str],
        group_names: tuple[str, ...],
        same_named: dict[str, tuple[str, ...]],
        triggers: tuple[str, ...],
        first_words: frozenset[str] | None,
        tense_cues: re.Pattern[str],
        tense_clitics: re.Pattern[str],
        past_verb: regex.Pattern[str],
        sequence_cues: re.Pattern[str],
        name_follows: regex.Pattern[str],
        word_after: regex.Pattern[str],
        possessive: regex.Pattern[str],
        the_before: regex.Pattern[str],
        the_adjective_before: regex.Pattern[str],
        not_after_dated_year: frozenset[str],
        joined_before: regex.Pattern[str],
        not_after_year: frozenset[str],
    ) -> None:
        self.months = months
        self.ambiguous_months = ambiguous_months
        self.weekdays = weekdays
        self.named_days = named_days
        self.kept_prepositions = kept_prepositions
        self.relative = relative
        self.relative_offsets = relative_offsets
        self.ago_counts = ago_counts
        self.ordinals = ordinals
        self.feasts = feasts
        self.ago_units = ago_units
        self.pattern = pattern
        self.group_names = group_names
        self.same_named = same_named
        self.triggers = triggers
        self.first_words = first_words
        self.tense_cues = tense_cues
        self.tense_clitics = tense_clitics
        self.past_verb = past_verb
        self.sequence_cues = sequence_cues
        self.name_follows = name_follows
        self.word_after = word_after
        self.possessive = possessive
        self.the_before = the_before
        self.the_adjective_before = the_adjective_before
        self.not_after_dated_year = not_after_dated_year
        self.joined_before = joined_before
        self.not_after_year = not_after_year


@functools.cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = load_table("date_patterns.json")
    return data


def _words(cues: Sequence[str]) -> str:
    """Whole words or phrases; a contraction ("'ll") may follow a word."""
    whole = [c for c in cues if c[0] not in "'’"]
    clitics = [c for c in cues if c[0] in "'’"]
    either = rf"(?<![\w'’])(?:{phrase_alternation(whole)})" + (
        f"|{phrase_alternation(clitics)}" if clitics else ""
    )
    return rf"(?:{either})(?![\w'’])"


def _tense(past: Sequence[str], future: Sequence[str], *, clitics: bool) -> re.Pattern[str]:
    r"""The tense cues as whole words, in groups "past" and "future"; or the contractions.

    Whole words are matched with the character before them, which is no word character or
    apostrophe (``[^\w'’]``): run on a blank followed by the text, a match starts one
    character before its cue. Beginning with a character class lets the engine skip to the
    next such character instead of trying every position, as a leading lookbehind makes it.
    Every contraction begins with an apostrophe and may follow a word ("we'll").

    >>> [(c.start(), c.lastgroup) for c in _tense(["was"], ["will"], clitics=False).finditer(" it was")]
    [(3, 'past')]
    """

    def alternation(cues: Sequence[str]) -> str:
        chosen = [c for c in cues if (c[0] in "'’") == clitics]
        return phrase_alternation(chosen) if chosen else "(?!)"

    before = "" if clitics else "[^\\w'’]"
    return compile_stored_re(
        rf"{before}(?:(?P<past>{alternation(past)})|(?P<future>{alternation(future)}))(?![\w'’])"
    )


def _cue_pattern(cues: Sequence[str]) -> re.Pattern[str]:
    # the standard library's engine: several times faster here than regex's
    return compile_stored_re(_words(cues), re.IGNORECASE)


def _triggers(d: dict[str, Any]) -> tuple[str, ...]:
    """What every date contains: a month or weekday stem, a relative word, "ago", a digit."""
    names = [*d["months"], *d["month_abbreviations"], *d["weekdays"]]
    words = {w for r in d["relative"] for w in r["phrase"].split()[-1:]}
    found = {n[:3] for n in names} | {"ago", "day", "Day"} | set("0123456789")
    found |= {w.split("-")[0] for w in d["ordinals"]} | {f.split()[0] for f in d["movable_feasts"]}
    found |= words | {w.capitalize() for w in words}
    return tuple(sorted(found))


def _first_words(d: dict[str, Any]) -> frozenset[str] | None:
    """The words (lowercased) a date expression may begin with when it begins with a letter.

    Every branch of the pattern in :func:`_vocab` begins with a digit or with the first word
    of one of these phrases; ``None`` when a phrase does not begin with a whole ASCII word.
    """
    phrases = [
        "overnight",
        "the",
        "early",
        "mid",
        "late",
        "last",
        "next",
        "this",
        *d["kept_prepositions"],
        *d["context_prepositions"],
        *d["months"],
        *d["month_abbreviations"],
        *d["weekdays"],
        *d["month_modifiers"],
        *d["ago_counts"],
        *(r["phrase"] for r in d["relative"]),
        *d["following_day"],
        *d["movable_feasts"],
    ]
    words = set()
    for phrase in phrases:
        word = _ASCII_WORD.match(phrase)
        if word is None or phrase[word.end() : word.end() + 1].isalpha():
            return None
        words.add(word.group().lower())
    return frozenset(words)


_ASCII_WORD = compile_stored_re("[A-Za-z]+")


def _could_start(text: str, start: int, first_words: frozenset[str] | None) -> bool:
    """False where no date can begin: a word that begins none.

    >>> _could_start("He left in May", 8, frozenset({"in"})), _could_start("He left", 3, frozenset({"in"}))
    (True, False)
    """
    word = _ASCII_WORD.match(text, start)
    if word is None or first_words is None or text[word.end() : word.end() + 1].isalpha():
        return True  # a digit, or a word with letters beyond ASCII: the pattern decides
    return word.group().lower() in first_words


_GROUP = compile_stored_re(r"\(\?P<(\w+)>")


def _unique_groups(source: str) -> tuple[str, dict[str, tuple[str, ...]]]:
    """The pattern with each repeated group name numbered, and the names each name became.

    The standard module (several times cheaper to compile and to run here than ``regex``)
    wants every group name once. On this pattern the two engines differ only on rare
    letters next to a date word: a combining mark outside U+0300-U+036F (a word letter for
    ``regex``, not for ``re``) and the dotless "ı", which ``re`` takes for "i" where case is
    ignored (``tests/test_dates.py`` compares them on generated text).

    >>> _unique_groups("(?P<y>1)|(?P<y>2)(?P<m>3)")
    ('(?P<y>1)|(?P<y_2>2)(?P<m>3)', {'y': ('y', 'y_2'), 'm': ('m',)})
    """
    names: dict[str, list[str]] = {}

    def number(m: re.Match[str]) -> str:
        seen = names.setdefault(m.group(1), [])
        seen.append(m.group(1) if not seen else f"{m.group(1)}_{len(seen) + 1}")
        return f"(?P<{seen[-1]}>"

    renamed = _GROUP.sub(number, source)
    return renamed, {name: tuple(all_) for name, all_ in names.items()}


def _groups(
    m: re.Match[str], names: tuple[str, ...], same_named: dict[str, tuple[str, ...]]
) -> dict[str, Any]:
    """What each group name matched (a repeated name: the one of its groups that took part).

    ``names`` are the pattern's group names in order (building the dict from ``groups()``
    costs less than ``groupdict()``).
    """
    found = dict(zip(names, m.groups(), strict=True))
    for name, numbered in same_named.items():
        if found[name] is None:
            for n in numbered:
                if found[n] is not None:
                    found[name] = found[n]
                    break
    return found


def _end(m: re.Match[str], name: str) -> int:
    """Where the group ``name`` (under any of its numbered names) ended."""
    return max(m.end(n) for n in _vocab().same_named.get(name, (name,)))


@functools.cache
def _vocab() -> _Vocab:
    d = _data()
    full: dict[str, int] = d["months"]
    abbr: dict[str, int] = d["month_abbreviations"]
    weekdays: list[str] = d["weekdays"]
    preps = d["kept_prepositions"] + d["context_prepositions"]
    relative = {r["phrase"]: (r.get("parse", r["phrase"]), Precision(r["precision"])) for r in d["relative"]}
    full_alt = phrase_alternation(list(full))
    month = rf"(?:(?:{full_alt})\b|(?:{phrase_alternation(list(abbr))})(?:\.|\b))"
    mod = rf"(?:{phrase_alternation(d['month_modifiers'])})"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th|)(?![\d:])"
    year = r"(?P<year>1\d{3}|20\d{2})(?!\d|,\d)"
    wday = rf"(?:{phrase_alternation(weekdays)})"
    wd_prefix = rf"(?:(?P<wd>{wday}),?{_SP}+|)"
    ago_count = rf"(?:{phrase_alternation(list(d['ago_counts']))}|\d{{1,2}})"
    ordinal = rf"(?:(?i:{phrase_alternation(list(d['ordinals']))})|[0-3]?\d(?:st|nd|rd|th))"
    # a bare day of the month ends its phrase: "on the fifth," but not "on the fifth floor"
    ordinal_end = rf"(?=[,.;:)!?]|{_SP}+(?:of{_SP}+(?:this|the){_SP}+month|and|when|as|but)\b|$)"
    # an optional part is written "(?:X|)", not "(?:X)?": the same matches, but the standard
    # module's engine takes a branch for far less than a repeat (it allocates one per try)
    source = _unique_groups(
        rf"""
        (?<![\w'’\u0300-\u036f\u200c\u200d-])  # combining accents and joiners: in \w for regex, not for re
        (?:(?P<night>(?i:overnight))(?:{_SP}+(?i:into)|){_SP}+|)
        (?:(?P<prep>(?i:{phrase_alternation(preps)})){_SP}+|)
        (?:
            (?P<iso>(?P<year>\d{{4}})-(?P<mon>\d\d)-(?P<day>\d\d))(?!\d)
          | (?P<dmy>{wd_prefix}(?:the{_SP}+|){day}(?:{_SP}+of|){_SP}+(?P<month>{month})(?:,?{_SP}+{year}|))
          | (?P<mdy>{wd_prefix}(?P<month>{month}){_SP}+{day}(?:,?{_SP}+{year}|))
          | (?P<my>(?:(?P<mod>{mod})(?:{_SP}+|-)|)(?P<month>{month}),?{_SP}+{year})
          | (?P<decade>(?:[Tt]he{_SP}+|)(?:(?:early|mid|late)[\- \t\u00a0]+|)(?P<dec>1\d\d0|20\d0)s)\b
          | (?P<ago>(?i:(?P<n>{ago_count}){_SP}+(?P<unit>day|week|month|year)s?{_SP}+ago))\b
          | (?P<rel>(?i:{phrase_alternation(list(relative))}))\b
          | (?P<nextday>(?i:{phrase_alternation(d["following_day"])}))\b
          | (?P<feast>{phrase_alternation(list(d["movable_feasts"]))})\b
          | (?P<dom>(?i:the){_SP}+(?P<ord>{ordinal})){ordinal_end}
          | (?P<weekday>(?:(?P<wrel>(?i:last|next|this)){_SP}+|)(?P<wd>{wday})
                (?:{_SP}+(?P<part>{phrase_alternation(d["day_parts"])})|))\b
          | (?P<mo>(?:(?P<mrel>(?i:last|next|this)){_SP}+|)(?:(?P<mod>(?i:{mod}))(?:{_SP}+|-)|)
                (?P<month>{full_alt}))\b
          | (?P<yr>(?:(?P<mod>early|mid|late)[\- \t\u00a0]+|){year})
        )
        """
    )
    pattern = compile_stored_re(source[0], re.VERBOSE)
    if len(pattern.groupindex) != pattern.groups:
        raise ValueError("every group of the date pattern must be named")
    return _Vocab(
        months={**full, **abbr},
        ambiguous_months=frozenset(d["ambiguous_months"]),
        weekdays=tuple(weekdays),
        named_days=frozenset(d["named_days"]),
        kept_prepositions=frozenset(d["kept_prepositions"]),
        relative={k.lower(): v for k, v in relative.items()},
        relative_offsets={r["phrase"].lower(): r["offset"] for r in d["relative"] if "offset" in r},
        ago_counts=d["ago_counts"],
        ordinals={k.lower(): v for k, v in d["ordinals"].items()},
        feasts=d["movable_feasts"],
        ago_units={k: Precision(v) for k, v in d["ago_units"].items()},
        pattern=pattern,
        group_names=tuple(sorted(pattern.groupindex, key=pattern.groupindex.__getitem__)),
        same_named={name: numbered for name, numbered in source[1].items() if len(numbered) > 1},
        triggers=_triggers(d),
        first_words=_first_words(d),
        # only whether it occurs matters (see _direction), and regex tells that many times faster
        # searching from the end, where every match begins with a literal "ed"
        past_verb=compile_stored(d["past_verb"], regex.REVERSE),
        tense_cues=_tense(d["past_cues"], d["future_cues"], clitics=False),
        tense_clitics=_tense(d["past_cues"], d["future_cues"], clitics=True),
        sequence_cues=_cue_pattern(d["sequence_cues"]),
        name_follows=compile_stored(rf"{_SP}+(?!(?:{phrase_alternation(list(full))})\b)[A-Z]"),
        word_after=compile_stored(rf"{_SP}*(%|\w+)"),
        possessive=compile_stored(r"['’]s\b"),
        the_before=compile_stored(rf"\b[Tt]he{_SP}+$"),
        the_adjective_before=compile_stored(rf"\b[Tt]he{_SP}+[a-z]{{3,}}{_SP}+$"),
        not_after_dated_year=frozenset(d["not_after_dated_year"]),
        joined_before=compile_stored(rf"(?:{_SP}+(?:and|or|to)|{_SP}*[\-–]){_SP}*$"),
        not_after_year=count_nouns() | {"percent"},
    )


@functools.lru_cache(maxsize=4096)
def _parse(text: str, base: dt.date, prefer: Prefer) -> dt.date | None:
    """dateparser on one candidate string, relative to ``base``."""
    import dateparser  # slow to import: only on first use

    settings: Any = {
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": prefer,
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    found = dateparser.parse(text, languages=["en"], settings=settings)
    return None if found is None else found.date()


def _shift_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, kept inside the month it lands in, as dateparser does.

    >>> _shift_months(dt.date(2020, 3, 31), -1), _shift_months(dt.date(2020, 2, 29), 12)
    (datetime.date(2020, 2, 29), datetime.date(2021, 2, 28))
    """
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    return dt.date(year, month0 + 1, min(day.day, _days_in(year, month0 + 1)))


def _days_in(year: int, month: int) -> int:
    return (dt.date(year + month // 12, month % 12 + 1, 1) - dt.date(year, month, 1)).days


def _shift(day: dt.date, count: int, unit: Precision) -> dt.date:
    if unit is Precision.DAY:
        return day + dt.timedelta(days=count)
    return _shift_months(day, count if unit is Precision.MONTH else 12 * count)


def _day_in(month: int, day: int, base: dt.date, prefer: Prefer) -> dt.date | None:
    """A day and month as dateparser reads them: the latest on or before ``base``, or the first after it.

    A day no common year has (29 February, 31 April) goes to dateparser itself.
    """
    if not 1 <= day <= _days_in(2001, month):
        return _parse(f"{day} {_month_name(month)}", base, prefer)
    this_year = dt.date(base.year, month, day)
    if prefer == "past":
        return this_year if this_year <= base else dt.date(base.year - 1, month, day)
    return this_year if this_year > base else dt.date(base.year + 1, month, day)


def _weekday(weekday: int, base: dt.date, prefer: Prefer) -> dt.date:
    """A bare weekday name (0 is Monday) as dateparser reads it: the last one before ``base``
    ("past") or the first after it ("future"), never ``base`` itself."""
    if prefer == "past":
        return base - dt.timedelta(days=(base.weekday() - weekday - 1) % 7 + 1)
    return base + dt.timedelta(days=(weekday - base.weekday() - 1) % 7 + 1)


def _month_number(name: str) -> int:
    return _vocab().months[name.rstrip(".")]


def _month_name(number: int) -> str:
    return next(k for k, v in _vocab().months.items() if v == number)


class _Found:
    """A date expression and what resolving it needs; never changed after ``__init__``."""

    __slots__ = ("groups", "kind", "span", "text")

    text: str
    span: Span
    kind: str
    groups: dict[str, Any]  # str or None by group name, as _groups gives them (like Match.group)

    def __init__(self, text: str, span: Span, kind: str, groups: dict[str, Any]) -> None:
        self.text = text
        self.span = span
        self.kind = kind
        self.groups = groups


def _sentence_span(doc: Cleaned, pos: int) -> Span:
    i = bisect.bisect_right(doc.sentences, pos, key=lambda s: s.start) - 1
    if i >= 0 and pos < doc.sentences[i].end:
        return doc.sentences[i]
    text = doc.text
    start = max(text.rfind(c, 0, pos) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, pos) for c in ".!?\n") if i >= 0]
    return Span(start, min(ends) + 1 if ends else len(text))


def _at_sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t\u00a0")
    return not before or before[-1] in _SENTENCE_START


def _keep(doc: Cleaned, m: re.Match[str], g: dict[str, Any], found: list[_Found]) -> str | None:
    """The kind of a match, or ``None`` when the context says it is no date."""
    v = _vocab()
    text = doc.text
    prep = g["prep"]
    # the kinds are the alternatives of the pattern, each a group holding all its others and
    # nothing captured after it: the kind that matched is the group that closed last
    kind = m.lastgroup
    assert kind is not None
    if kind == "dom" and (prep or "").lower() != "on":
        return None  # "the fifth" alone is a rank, "on the fifth" a day
    core_start = m.start(kind)
    if kind == "rel" and g["rel"][0].isupper() and not _at_sentence_start(text, m.start()):
        return None  # "World Today News"
    if kind == "weekday" and not (prep or g["wrel"]):
        two = text[max(0, core_start - 20) : _end(m, "wd")]
        if any(two.endswith(name) for name in v.named_days):
            return None  # "Bloody Sunday"
        if v.name_follows.match(text, m.end()):
            return None  # "Sunday Times"
    if kind == "mo":
        context = prep or g["mod"] or g["mrel"]
        if g["month"] in v.ambiguous_months:
            firm = prep and prep.lower() not in ("and", "or", "of", "to", "for")
            context = firm or g["mod"] or g["mrel"]
        if not context:
            return None
    if kind == "yr":
        return "yr" if _year_is_date(text, m, g, found) else None
    return kind


def _year_is_date(text: str, m: re.Match[str], g: dict[str, Any], found: list[_Found]) -> bool:
    v = _vocab()
    after = v.word_after.match(text, m.end())
    if after and (after.group(1) == "%" or after.group(1).lower() in v.not_after_year):
        return False  # a count: "2000 protesters", "2020 percent"
    if g["prep"] or g["mod"] or v.possessive.match(text, m.end()):
        return True
    if v.the_before.search(text, max(0, m.start() - 12), m.start()):
        return True  # used as a date: "the 2020 election"
    if v.the_adjective_before.search(text, max(0, m.start() - 24), m.start()) and not (
        after and after.group(1).lower() in v.not_after_dated_year
    ):
        return True  # "the disputed 2020 election", but not "the last 2000 years"
    joined = v.joined_before.search(text, max(0, m.start() - 8), m.start())
    return bool(joined and found and found[-1].kind == "yr" and found[-1].span.end >= joined.start())


def _candidates(doc: Cleaned) -> list[_Found]:
    v = _vocab()
    text = doc.text
    out: list[_Found] = []
    done = 0
    for s in scan_starts(text, v.triggers, words_before=3):  # "the end of August"
        if s < done or not _could_start(text, s, v.first_words):
            continue
        m = v.pattern.match(text, s)
        if m is None:
            continue
        g = _groups(m, v.group_names, v.same_named)
        kind = _keep(doc, m, g, out)
        if kind is None:
            continue
        prep = g["prep"]
        kept = g["night"] or (prep and prep.lower() in v.kept_prepositions)
        start = m.start() if kept else m.start(kind)
        end = m.end(kind)
        out.append(_Found(text[start:end], Span(start, end), kind, g))
        done = m.end()
    return out


def _tense_cues(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, past) of each tense cue in a lowercased text, in text order.

    >>> _tense_cues("it was over; we'll see")
    [(3, 6, True), (15, 18, False)]
    """
    v = _vocab()
    # a match of tense_cues begins one character before its cue, in the text with a blank put first
    cues = [(c.start(), c.end() - 1, c.lastgroup == "past") for c in v.tense_cues.finditer(" " + text)]
    if "'" in text or "’" in text:
        cues += [(c.start(), c.end(), c.lastgroup == "past") for c in v.tense_clitics.finditer(text)]
        cues.sort()
    return cues


def _direction(doc: Cleaned, span: Span) -> Prefer | None:
    """The tense the cue nearest to the expression points to, in its sentence."""
    at, to = span.start, span.end
    sentence = _sentence_span(doc, at)
    base = sentence.start
    text = doc.text[base : sentence.end].lower()
    best: tuple[int, Prefer] | None = None
    for cue_start, cue_end, past in _tense_cues(text):
        start, end = base + cue_start, base + cue_end
        if at <= start < to:
            continue  # the expression's own word ("last month")
        distance = at - end if end <= at else start - to
        if best is None or distance < best[0]:
            best = (distance, "past" if past else "future")
    if best is None and _vocab().past_verb.search(text):
        return "past"
    return None if best is None else best[1]


def _choose(
    past: dt.date | None, future: dt.date | None, ref: dt.date, direction: Prefer | None
) -> dt.date | None:
    if past is None or future is None:
        return past or future
    if direction == "past":
        return past
    if direction == "future":
        return future
    return past if (ref - past) <= (future - ref) else future


def _month_value(month: int, ref: dt.date, direction: Prefer | None) -> dt.date:
    if month == ref.month:
        return dt.date(ref.year, month, 1)  # the current month
    # a bare month name, as dateparser reads it: "past" counts the current month, "future" does not
    past = dt.date(ref.year if month < ref.month else ref.year - 1, month, 1)
    future = dt.date(ref.year if month > ref.month else ref.year + 1, month, 1)
    months_back = (ref.year - past.year) * 12 + ref.month - past.month
    months_ahead = (future.year - ref.year) * 12 + future.month - ref.month
    if direction is None:
        return past if months_back <= months_ahead else future
    return past if direction == "past" else future


def _day_value(g: dict[str, Any], ref: dt.date | None, direction: Prefer | None) -> dt.date | None:
    month = _month_number(g["month"])
    day = int(g["day"])
    if g["year"]:
        return _calendar_date(int(g["year"]), month, day, f"{day} {_month_name(month)} {g['year']}")
    if ref is None:
        return None
    past, future = _day_in(month, day, ref, "past"), _day_in(month, day, ref, "future")
    if g["wd"]:
        weekday = _vocab().weekdays.index(g["wd"])
        fits = [d for d in (past, future) if d is not None and d.weekday() == weekday]
        if len(fits) == 1:
            return fits[0]
    if past == ref or future == ref:
        return ref
    return _choose(past, future, ref, direction)


def _calendar_date(year: int, month: int, day: int, written: str) -> dt.date | None:
    """The date, or what dateparser makes of ``written`` when no calendar has it (or the year
    is before 1000, which dateparser reads its own way)."""
    try:
        return dt.date(year, month, day) if year >= 1000 else _parse(written, dt.date(2000, 1, 1), "past")
    except ValueError:
        return _parse(written, dt.date(2000, 1, 1), "past")


def _weekday_on_or_before(weekday: int, day: dt.date) -> dt.date:
    return _weekday(weekday, day + dt.timedelta(days=1), "past")


def _weekday_value(
    doc: Cleaned, f: _Found, ref: dt.date, direction: Prefer | None, days: list[tuple[_Found, dt.date]]
) -> dt.date | None:
    g = f.groups
    weekday = _vocab().weekdays.index(g["wd"])
    rel = (g["wrel"] or "").lower()
    if rel == "last":
        return _weekday(weekday, ref, "past")
    if rel == "next":
        return _weekday(weekday, ref, "future")
    if (
        rel == "this"
        or direction == "future"
        or _WOULD.search(doc.text, max(0, f.span.start - 40), f.span.start)
    ):
        return _weekday(weekday, ref - dt.timedelta(days=1), "future")
    sentence = _sentence_span(doc, f.span.start)
    if _vocab().sequence_cues.search(doc.text, sentence.start, sentence.end):
        anchor = _anchor(f, sentence, days)
        if anchor is not None and anchor < ref:
            anchored = _weekday_on_or_before(weekday, anchor + dt.timedelta(days=7))
            if anchored <= ref:
                return anchored
    return _weekday_on_or_before(weekday, ref)


def _anchor(f: _Found, sentence: Span, days: list[tuple[_Found, dt.date]]) -> dt.date | None:
    """The latest day date before ``f`` in its sentence, else the latest explicit one before it."""
    at, sentence_start = f.span.start, sentence.start
    earlier = [(g, d) for g, d in days if g.span.end <= at]
    in_sentence = [d for g, d in earlier if g.span.start >= sentence_start]
    if in_sentence:
        return in_sentence[-1]
    explicit = [d for g, d in earlier if g.kind in ("iso", "dmy", "mdy")]
    return explicit[-1] if explicit else None


def _resolve(
    doc: Cleaned, f: _Found, ref: dt.date | None, days: list[tuple[_Found, dt.date]]
) -> tuple[str, Precision] | None:
    g = f.groups
    kind = f.kind
    if kind == "decade":
        return f"{g['dec']}s", Precision.DECADE
    if kind == "yr":
        return g["year"], Precision.YEAR
    if kind == "iso":
        iso = g["iso"]
        parsed = _calendar_date(int(iso[:4]), int(iso[5:7]), int(iso[8:]), iso)
        return None if parsed is None else (parsed.isoformat(), Precision.DAY)
    if kind == "my":
        month = _month_number(g["month"])
        return f"{int(g['year']):04d}-{month:02d}", Precision.MONTH
    if kind in ("dmy", "mdy"):
        value = _day_value(g, ref, None if ref is None else _direction(doc, f.span))
        return None if value is None else (value.isoformat(), Precision.DAY)
    if ref is None:
        return None
    if kind == "mo":
        month = _month_number(g["month"])
        rel = (g["mrel"] or "").lower()
        direction: Prefer | None = "past" if rel == "last" else "future" if rel == "next" else None
        if rel == "this":
            return f"{ref.year:04d}-{month:02d}", Precision.MONTH
        month_value = _month_value(month, ref, direction or _direction(doc, f.span))
        return month_value.strftime("%Y-%m"), Precision.MONTH
    if kind == "weekday":
        value = _weekday_value(doc, f, ref, _direction(doc, f.span), days)
        return None if value is None else (value.isoformat(), Precision.DAY)
    v = _vocab()
    if kind in ("nextday", "feast", "dom"):
        value = _counted_day(doc, f, ref, days)
        return None if value is None else (value.isoformat(), Precision.DAY)
    if kind == "ago":
        n = g["n"].lower()
        count = int(n) if n.isdigit() else v.ago_counts[n]
        unit = g["unit"].lower()
        by_days = unit in ("day", "week")
        parsed = _shift(
            ref, -count * (7 if unit == "week" else 1), Precision.DAY if by_days else Precision(unit)
        )
        precision = v.ago_units[unit]
    else:
        written = " ".join(g["rel"].lower().split())
        phrase, precision = v.relative[written]
        offset = v.relative_offsets.get(written)
        parsed = _parse(phrase, ref, "past") if offset is None else _shift(ref, offset, precision)
    if parsed is None:
        return None
    return _format(parsed, precision), precision


def _counted_day(doc: Cleaned, f: _Found, ref: dt.date, days: list[tuple[_Found, dt.date]]) -> dt.date | None:
    """A day counted from another: the day after the latest earlier day date, a day of this
    month, a movable feast counted from Easter."""
    g = f.groups
    v = _vocab()
    if f.kind == "nextday":
        at = f.span.start
        earlier = [d for g, d in days if g.span.end <= at]
        return earlier[-1] + dt.timedelta(days=1) if earlier else None
    if f.kind == "dom":
        word = g["ord"].lower()
        n = v.ordinals[word] if word in v.ordinals else int(word.rstrip("stndrh"))
        year, month = ref.year, ref.month
        if n > ref.day and _direction(doc, f.span) != "future":  # still to come this month: the last one
            year, month = (year - 1, 12) if month == 1 else (year, month - 1)
        try:
            return dt.date(year, month, n)
        except ValueError:
            return None
    name = " ".join(g["feast"].split())
    orthodox = name.startswith("Orthodox") or doc.text.endswith("Orthodox", 0, f.span.start - 1)
    future = _direction(doc, f.span) == "future"
    for year in (
        (ref.year + 1, ref.year, ref.year - 1) if not future else (ref.year - 1, ref.year, ref.year + 1)
    ):
        day = _easter(year, orthodox=orthodox) + dt.timedelta(days=v.feasts[name])
        if (day >= ref) if future else (day <= ref):
            return day
    return None


def _easter(year: int, *, orthodox: bool = False) -> dt.date:
    """Easter Sunday of ``year`` in the Gregorian calendar (the Orthodox date when asked).

    >>> _easter(2024), _easter(2024, orthodox=True)
    (datetime.date(2024, 3, 31), datetime.date(2024, 5, 5))
    """
    if orthodox:  # the Julian computus, shifted to the Gregorian calendar (valid 1900-2099)
        a, b, c = year % 4, year % 7, year % 19
        d = (19 * c + 15) % 30
        e = (2 * a + 4 * b - d + 34) % 7
        month, day = divmod(d + e + 114, 31)
        return dt.date(year, month, day + 1) + dt.timedelta(days=13)
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    lw = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * lw) // 451
    month, day = divmod(h + lw - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _format(value: dt.date, precision: Precision) -> str:
    if precision is Precision.DAY:
        return value.isoformat()
    if precision is Precision.MONTH:
        return value.strftime("%Y-%m")
    return f"{value.year:04d}"


def find_dates(doc: Cleaned, published: dt.date | None) -> tuple[DateRef, ...]:
    """Every date expression in the article, resolved against ``published``.

    Args:
        doc: the cleaned article.
        published: the article's date, the base for "last month", "on Tuesday", "in May".

    Returns:
        The dates in text order; ``text`` is the expression as written, with a leading
        "in", "on", "since" or "until".

    >>> from belnews.clean import Cleaned
    >>> doc = Cleaned("A week ago he was jailed. We may march on Saturday morning.")
    >>> [(d.text, d.value) for d in find_dates(doc, dt.date(2020, 8, 16))]
    [('A week ago', '2020-08-09'), ('on Saturday morning', '2020-08-15')]
    """
    out: list[DateRef] = []
    days: list[tuple[_Found, dt.date]] = []
    for f in _candidates(doc):
        resolved = _resolve(doc, f, published, days)
        if resolved is None:
            continue
        value, precision = resolved
        if precision is Precision.DAY:
            days.append((f, dt.date.fromisoformat(value)))
        out.append(DateRef(f.text, value, precision, f.span))
    return tuple(out)


def resolve_at(doc: Cleaned, dates: Sequence[DateRef], position: int) -> DateRef | None:
    """The date that governs the sentence holding ``position``.

    The date in that sentence nearest to ``position`` (one introduced by "since", which
    starts a period, only when the sentence has no other), else the latest narrative date
    earlier in the same paragraph (not a "since" date, not a decade), else ``None``.

    Args:
        doc: the cleaned article.
        dates: what :func:`find_dates` returned for it.
        position: an offset into ``doc.text``, such as an event trigger's start.

    >>> from belnews.clean import Cleaned
    >>> doc = Cleaned("Crowds marched on 13 September 2020. Police held 774 people.")
    >>> found = find_dates(doc, dt.date(2020, 9, 14))
    >>> resolve_at(doc, found, doc.text.index("774")).value
    '2020-09-13'
    """
    sentence = _sentence_span(doc, position)
    spanned = dates  # in text order, as find_dates gives them (a date without a span is skipped)

    def start_of(d: DateRef) -> int:
        return d.span.start if d.span is not None else -1

    def since(d: DateRef) -> bool:
        return d.text.lower().startswith("since")

    lo = bisect.bisect_left(spanned, sentence.start, key=start_of)
    hi = bisect.bisect_left(spanned, sentence.end, key=start_of)
    inside = [d for d in spanned[lo:hi] if d.span is not None]
    if inside:
        return min(inside, key=lambda d: (since(d), _distance(d, position)))
    i = bisect.bisect_right(doc.paragraphs, position, key=lambda p: p.span.start) - 1
    paragraph = doc.paragraphs[i].span if i >= 0 and position < doc.paragraphs[i].span.end else None
    start = paragraph.start if paragraph is not None else 0
    for d in reversed(spanned[bisect.bisect_left(spanned, start, key=start_of) : lo]):
        if (
            d.span is not None
            and d.span.end <= sentence.start
            and not since(d)
            and d.precision is not Precision.DECADE
        ):
            return d
    return None


def _distance(d: DateRef, position: int) -> int:
    assert d.span is not None
    if d.span.start <= position < d.span.end:
        return 0
    return d.span.start - position if d.span.start > position else position - d.span.end
