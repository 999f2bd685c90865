"""Slot filling for events: where, when and how many, from the sentence and its neighbours.

Everything here reads the records of earlier stages (actors, dates, quantities) and the
cleaned text; nothing is invented.
"""

from __future__ import annotations

import bisect
import collections
from collections.abc import Mapping, Sequence

import regex

from belnews._lazy import lazy_regex
from belnews._triggers import folds_plainly
from belnews.clean import Cleaned
from belnews.dates import resolve_at
from belnews.model import Actor, ActorKind, DateRef, EventKind, Precision, Quantity, Span

__all__ = [
    "Place",
    "Scene",
    "SentenceDates",
    "SpannedDates",
    "build_scene",
    "pick_count",
    "pick_date",
    "pick_place",
    "spanned_dates",
]


# A place named after a locative preposition: "in Minsk", "to Lithuania", "streets of Minsk",
# "in the Black Sea resort of Sochi". Case matters: the words between are names. It ends at
# the end of the text searched (after a blank), so it is matched from the end (REVERSE: ``match``
# anchors there, one try, not one per offset).
_LOCATIVE = lazy_regex(
    r"\b(?:[Ii]n|[Aa]t|[Aa]cross|[Tt]hroughout|[Nn]ear|[Oo]utside|[Tt]o|[Ii]nto|[Ii]nside|[Aa]round|visited)\s+"
    r"(?:the\s+)?(?:(?:central|downtown|northern|southern|eastern|western|north-?eastern|north-?western"
    r"|south-?eastern|south-?western|occupied|besieged)\s+)?(?:\p{Lu}[\w'’-]*\s+){0,3}"
    r"(?:(?:city|town|capital|village|region|resort|province|oblast|district|streets)\s+of\s+)?$"
    r"|\bstreets\s+of\s+$",
    regex.REVERSE,
)
# every phrase of _NATIONWIDE has one of these words (in lower case)
_NATIONWIDE_WORDS = ("nation", "country")
_NATIONWIDE_PHRASES = (
    r"\b(?:national|nationwide|country-?wide|across the country|in the country|all over the country"
    r"|throughout the country)\b"
)
# Matched on lower-cased text (cheaper than without regard to case, and the same where the
# text folds plainly: :func:`belnews._triggers.folds_plainly`), else on the text itself.
_NATIONWIDE = lazy_regex(_NATIONWIDE_PHRASES)
_NATIONWIDE_ANY_CASE = lazy_regex(_NATIONWIDE_PHRASES, regex.IGNORECASE)
_DOMESTIC = frozenset(
    {
        EventKind.PROTEST,
        EventKind.STRIKE,
        EventKind.ARREST,
        EventKind.ASSAULT,
        EventKind.KILL,
        EventKind.ELECTION,
        EventKind.DEFECT,
        EventKind.DEPORT,
    }
)
_STREET = frozenset({EventKind.PROTEST, EventKind.ASSAULT, EventKind.ARREST, EventKind.STRIKE})
_NOT_PEOPLE = frozenset({"percent", "%", "per cent", "year", "years", "month", "months", "week", "weeks",
                         "day", "days", "hour", "hours", "km", "kilometres", "kilometers", "dollars", "euros",
                         "roubles", "rubles", "term", "terms", "time", "times"})  # fmt: skip
# Words that may stand between a count and its trigger: "774 people", "thousands of them have been".
_BETWEEN = lazy_regex(r"^[\s\w'’-]{0,60}$")
_PREPOSITION = lazy_regex(r"\b(?:at|in|on|from|for|to|with|during|after|before)\b")
# A date right after a verb of saying dates the report: "officials said Sunday", "told reporters on Friday".
_SAYING = ("said", "says", "told", "announced", "reported", "added", "wrote", "confirmed", "stated")
_REPORTED = lazy_regex(r"\b(?:" + "|".join(_SAYING) + r")(?:\s+\p{Ll}\w*){0,2}\s*$")
_NEAR = 60  # how far (in characters) from its trigger a date may stand to be the event's own


class Place:
    """A place mention: the actor, its span, and whether a locative preposition introduces it.

    Frozen by convention: nothing assigns to it after ``__init__``.
    """

    __slots__ = ("actor", "locative", "span")

    def __init__(self, actor: Actor, span: Span, locative: bool) -> None:
        self.actor = actor
        self.span = span
        self.locative = locative


class Scene:
    """What the whole article knows about places: its mentions, main country and dated scenes.

    Whether a locative preposition introduces a mention is read when a lookup first needs it:
    most mentions stand where no event asks. ``scenes`` is filled by :func:`build_scene`.
    """

    __slots__ = ("first_seen", "known", "main", "mentions", "scenes", "starts", "text")

    def __init__(self, mentions: tuple[tuple[Actor, Span], ...], main: Actor | None, text: str) -> None:
        self.mentions = mentions  # the place mentions, in text order
        self.main = main
        self.text = text
        self.scenes: dict[str, Actor] = {}  # a day (ISO value) -> the city the article sets it in
        # the mentions' start offsets, for windowed lookups
        self.starts: tuple[int, ...] = tuple(span.start for _, span in mentions)
        first_seen: dict[str, int] = {}  # actor id -> start of its first place mention
        for actor, span in mentions:
            first_seen.setdefault(actor.id, span.start)
        self.first_seen: Mapping[str, int] = first_seen
        self.known: list[Place | None] = [None] * len(mentions)  # each mention's Place, once read

    def place(self, i: int) -> Place:
        """The ``i``-th place mention."""
        known = self.known[i]
        if known is not None:
            return known
        actor, span = self.mentions[i]
        text = self.text
        attributive = text.startswith("-", span.end)  # "the Minsk-based centre"
        locative = not attributive and bool(_LOCATIVE().match(text[max(0, span.start - 60) : span.start]))
        place = self.known[i] = Place(actor, span, locative)
        return place

    def between(self, start: int, end: int) -> list[Place]:
        """The place mentions that start in ``[start, end)``."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return [self.place(i) for i in range(lo, hi)]


def build_scene(doc: Cleaned, actors: Sequence[Actor], dates: Sequence[DateRef]) -> Scene:
    """Collect the place mentions, the article's main country and its dated city scenes.

    >>> from belnews.model import Mention
    >>> mention = Mention("Belarus", Span(10, 17))
    >>> by = Actor("country:BY", "Belarus", ActorKind.COUNTRY, "BY", mentions=(mention,))
    >>> doc = Cleaned("Crowds in Belarus grew.", paragraphs=(), sentences=(Span(0, 23),))
    >>> build_scene(doc, [by], []).main.name
    'Belarus'
    """
    mentions: list[tuple[Actor, Span]] = []
    weight: collections.Counter[str] = collections.Counter()
    by_code: dict[str, Actor] = {}
    for actor in actors:
        if actor.kind not in (ActorKind.LOCATION, ActorKind.COUNTRY):
            continue
        if actor.kind is ActorKind.COUNTRY and actor.country:
            by_code.setdefault(actor.country, actor)
        for m in actor.mentions:
            mentions.append((actor, m.span))
        if actor.country and actor.mentions:
            weight[actor.country] += len(actor.mentions)
    mentions.sort(key=_mention_start)
    mentions = _outermost(mentions)
    # the country its places are in most often, if the article names it as a country (a
    # country named less often, "Russian media" in a story set in Minsk, is not the scene)
    ranked = weight.most_common(1)
    main = by_code.get(ranked[0][0]) if ranked else None
    scene = Scene(tuple(mentions), main, doc.text)
    starts = scene.starts
    day_dates = sorted(
        (d.span.start, d.value) for d in dates if d.span is not None and d.precision is Precision.DAY
    )
    day_starts = [start for start, _ in day_dates]
    for para in doc.paragraphs:
        first = bisect.bisect_left(day_starts, para.span.start)
        last = bisect.bisect_left(day_starts, para.span.end)
        if first == last:
            continue  # no day for a scene
        city = None
        for i in range(
            bisect.bisect_left(starts, para.span.start), bisect.bisect_left(starts, para.span.end)
        ):
            actor = mentions[i][0]
            if (
                actor.kind is ActorKind.LOCATION
                and (main is None or actor.country in (None, main.country))
                and scene.place(i).locative
            ):
                city = actor
                break
        if city is None:
            continue
        for _, value in day_dates[first:last]:
            scene.scenes.setdefault(value, city)
    return scene


def _mention_start(mention: tuple[Actor, Span]) -> int:
    return mention[1].start


def _outermost(mentions: list[tuple[Actor, Span]]) -> list[tuple[Actor, Span]]:
    """The mentions (in text order) that no other one holds: "Belarusian" in "the Belarusian
    capital" (Minsk) is part of the city's phrase, not a place of its own; of two that start
    together ("Ukraine's capital", "Ukraine"), the longer.
    """
    kept: list[tuple[Actor, Span]] = []
    start = end = -1
    for mention in mentions:
        span = mention[1]
        if span.end <= end:  # within the last one kept (the one reaching furthest)
            continue
        if span.start == start:  # same start, longer: it holds the last one kept
            kept[-1] = mention
        else:
            kept.append(mention)
        start, end = span.start, span.end
    return kept


def _within(span: Span, start: int, end: int) -> bool:
    return start <= span.start and span.end <= end


def pick_place(
    doc: Cleaned,
    scene: Scene,
    kind: EventKind,
    anchor: int,
    sentence: Span,
    paragraph: Span,
    date: DateRef | None,
    paragraph_starts: Sequence[int],
    *,
    low: str,
    in_sentence: Sequence[Place],
) -> Actor | None:
    """The place of an event whose trigger starts at ``anchor`` in ``sentence``.

    The order: a place named with a locative preposition in the sentence (refined to a city
    of that country named in the next sentences), the main country named in the sentence or
    a "national"/"across the country" phrase, the city where the article's scene on the
    event's date is set, a place in the paragraph, and for domestic kinds the main country.
    ``low`` is the article's text in lower case (:func:`belnews._triggers.lowered`), and
    ``in_sentence`` the place mentions of the sentence (``scene.between`` over it).
    """
    own = [p for p in in_sentence if p.locative and p.span.end <= sentence.end]
    if own:
        after = [p for p in own if p.span.start >= anchor]
        best = (after or own[::-1])[0]
        if best.actor.kind is ActorKind.COUNTRY:
            return _refine(doc, scene, best.actor, sentence) or best.actor
        return best.actor
    domestic = kind in _DOMESTIC
    if scene.main is not None:
        named = any(p.actor is scene.main for p in in_sentence)
        if named or _nationwide(doc.text, low, sentence):
            return scene.main
    if domestic and date is not None and date.value in scene.scenes:
        return scene.scenes[date.value]
    near = [
        p
        for p in scene.between(paragraph.start, paragraph.end)
        if p.locative and (not domestic or _is_home(p.actor, scene.main))
    ]
    if near:
        return min(near, key=lambda p: abs(p.span.start - anchor)).actor
    i = bisect.bisect_left(paragraph_starts, paragraph.start)
    if kind in _STREET and 0 < i < 3:  # the story's scene: the city the lede sets it in ("in Tbilisi")
        lede = doc.paragraphs[0].span
        for p in scene.between(lede.start, lede.end):
            if p.locative and p.actor.kind is ActorKind.LOCATION and _is_home(p.actor, scene.main):
                return p.actor
    return scene.main if domestic else None


def _nationwide(text: str, low: str, sentence: Span) -> bool:
    """Whether a "national"/"across the country" phrase stands in ``sentence`` of ``text``.

    ``low`` is ``text`` in lower case (:func:`belnews._triggers.lowered`): where it folds
    plainly, a sentence without one of _NATIONWIDE_WORDS is ruled out without a search.

    >>> text = "Shops shut in a NATIONAL walkout."
    >>> _nationwide(text, text.lower(), Span(0, len(text)))
    True
    """
    words = low[sentence.start : sentence.end]
    if not folds_plainly(words):
        return _NATIONWIDE_ANY_CASE().search(text, sentence.start, sentence.end) is not None
    if not any(w in words for w in _NATIONWIDE_WORDS):
        return False
    return _NATIONWIDE().search(low, sentence.start, sentence.end) is not None


def _is_home(actor: Actor, main: Actor | None) -> bool:
    return main is None or actor is main or actor.country == main.country


def _refine(doc: Cleaned, scene: Scene, country: Actor, sentence: Span) -> Actor | None:
    """A city of ``country`` named with a locative in the two sentences after ``sentence``."""
    first = bisect.bisect_left(doc.sentences, sentence.end, key=lambda s: s.start)
    following = doc.sentences[first : first + 2]
    if not following:
        return None
    end = following[-1].end
    for p in scene.between(sentence.end, end):
        if p.locative and p.actor.kind is ActorKind.LOCATION and p.actor.country == country.country:
            return p.actor
    return None


class SentenceDates:
    """The dates of one sentence, split by whether a verb of saying dates the report with them.

    Frozen by convention: nothing assigns to it after ``__init__``.
    """

    __slots__ = ("others", "sentence", "spanned", "starts", "told")

    def __init__(
        self,
        sentence: Span,
        told: list[DateRef],
        others: list[DateRef],
        spanned: tuple[DateRef, ...],
        starts: list[int],
    ) -> None:
        self.sentence = sentence
        self.told = told  # "killing 16 people, officials said Sunday": the day of the report
        self.others = others
        self.spanned = spanned  # every date of the article with a span, in text order
        self.starts = starts  # their start offsets


class SpannedDates:
    """An article's dates that have spans, in text order, and their start offsets.

    Frozen by convention: nothing assigns to it after ``__init__``.
    """

    __slots__ = ("dates", "starts")

    def __init__(self, dates: tuple[DateRef, ...], starts: list[int]) -> None:
        self.dates = dates
        self.starts = starts

    def in_sentence(self, text: str, sentence: Span) -> SentenceDates:
        """The dates of ``sentence``, read once for all its events."""
        lo = bisect.bisect_left(self.starts, sentence.start)
        hi = bisect.bisect_left(self.starts, sentence.end)
        told: list[DateRef] = []
        others: list[DateRef] = []
        for d in self.dates[lo:hi]:
            reported = (
                d.span is not None
                and _says(text[sentence.start : d.span.start])
                and _REPORTED().search(text, sentence.start, d.span.start)
            )
            (told if reported else others).append(d)
        return SentenceDates(sentence, told, others, self.dates, self.starts)


def _says(text: str) -> bool:
    """Whether a verb of saying stands in ``text`` (what every match of _REPORTED needs)."""
    return any(verb in text for verb in _SAYING)


def spanned_dates(dates: Sequence[DateRef]) -> SpannedDates:
    """The dates of ``dates`` that have spans (in text order, as find_dates gives them)."""
    spanned = tuple(d for d in dates if d.span is not None)
    return SpannedDates(spanned, [_start(d) for d in spanned])


def pick_date(
    doc: Cleaned,
    dates: SentenceDates,
    anchor: int,
    clause: tuple[int, int],
    paragraph: Span,
    *,
    new_scene: bool = False,
) -> tuple[DateRef | None, bool]:
    """The date of an event and whether it is the event's own (stated near its trigger).

    A date in the clause within a few words of the trigger is its own; else the date that
    governs the sentence (:func:`belnews.dates.resolve_at`); else the nearest date after it
    in the paragraph; else the latest narrative date earlier in the article, unless
    ``new_scene`` says the sentence moves to a place of its own. ``clause`` is the trigger's
    clause as (start, end).
    """
    sentence, told, in_sentence, spanned = dates.sentence, dates.told, dates.others, dates.spanned
    clause_start, clause_end = clause
    own = [
        d
        for d in in_sentence
        if d.span
        and (
            (_within(d.span, clause_start, clause_end) and abs(d.span.start - anchor) <= _NEAR)
            or d.span.start == sentence.start  # "A week ago, ..." governs its whole sentence
        )
    ]
    if own:
        return min(own, key=lambda d: abs(d.span.start - anchor) if d.span else 0), True
    earlier = [
        d
        for d in in_sentence
        if d.span and d.span.end <= anchor and _within(d.span, clause_start, clause_end)
    ]
    if told and earlier:
        return earlier[-1], True
    governing = resolve_at(doc, spanned, anchor)
    if governing is not None:
        return governing, False
    first = bisect.bisect_left(dates.starts, sentence.end)
    if first < len(spanned) and _start(spanned[first]) < paragraph.end:
        return spanned[first], False
    for d in reversed(spanned[: bisect.bisect_left(dates.starts, paragraph.start)]):
        if d.precision is Precision.DECADE or d.text.lower().startswith("since"):
            continue  # a period sets no scene
        # a paragraph set in a place of its own starts a new scene: no earlier date carries into it
        return (None, False) if new_scene else (d, False)
    return None, False


def _start(d: DateRef) -> int:
    return d.span.start if d.span is not None else 0


def _countable(q: Quantity) -> bool:
    if q.unit is not None and q.unit.lower() in _NOT_PEOPLE:
        return False
    return not (isinstance(q.value, int) and 1800 <= q.value <= 2100 and q.text.strip().isdigit())


def pick_count(
    text: str,
    quantities: Sequence[Quantity],
    starts: Sequence[int],
    start: int,
    end: int,
    clause: tuple[int, int],
    others: Sequence[int],
    *,
    verb: bool = True,
) -> Quantity | None:
    """The count of the participants of the trigger at ``start``..``end`` within ``clause``.

    A count right before a verb trigger is its subject ("774 people were detained"); else the
    first count after it that no other trigger stands before ("detained 774 people").
    ``others`` are the start offsets of the clause's other triggers; ``starts`` those of
    ``quantities`` (-1 for one without a span); ``clause`` is (start, end).
    """
    spanned = quantities  # in text order, as find_quantities gives them (one without a span is skipped)
    clause_start, clause_end = clause
    lo = bisect.bisect_left(starts, clause_start)
    hi = bisect.bisect_left(starts, clause_end)
    inside = [
        q for q in spanned[lo:hi] if q.span and _within(q.span, clause_start, clause_end) and _countable(q)
    ]
    before = [q for q in inside if q.span and q.span.end <= start]
    if before and verb:  # "two rallies" counts the rallies, not the people in them
        q = before[-1]
        assert q.span is not None
        gap = text[q.span.end : start]
        if (
            _BETWEEN().match(gap)
            and " and " not in gap
            and not _PREPOSITION().search(gap)
            and not any(q.span.end <= o < start for o in others)
        ):
            return q
    for q in inside:  # a count inside a long trigger: "keeps around 1,500 troops"
        assert q.span is not None
        if start < q.span.start and q.span.end <= end:
            return q
    for q in inside:
        assert q.span is not None
        if q.span.start >= end and not any(end <= o < q.span.start for o in others):
            bound_later = any(
                o > q.span.end
                and _BETWEEN().match(text[q.span.end : o])
                and " and " not in text[q.span.end : o]
                and not _PREPOSITION().search(text[q.span.end : o])
                for o in others
            )
            return None if bound_later else q
    return None
