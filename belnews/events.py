"""Event triggers -> events with their slots filled.

Each sentence is searched for triggers (``data/event_triggers.json``); triggers of one kind
in one clause make one event; the content of a warning or a criticism is not an event of its
own; a noun that only names a kind of happening already reported ("the protests", "this
election") refers back to it and adds nothing. Slots come from the sentence and its
neighbours: the actors named around the trigger, the place, the date and the count.
"""

from __future__ import annotations

import bisect
import datetime as dt

import attrs
import regex

from belnews._event_slots import (
    Scene,
    SentenceDates,
    SpannedDates,
    build_scene,
    pick_count,
    pick_date,
    pick_place,
    spanned_dates,
)
from belnews._lazy import lazy, lazy_regex
from belnews._quote_marks import char_offsets
from belnews._triggers import (
    Hit,
    cue_search,
    cue_spans,
    find_triggers_at,
    folds_plainly,
    lowered,
    trigger_table,
)
from belnews.clean import Cleaned
from belnews.model import (
    Actor,
    ActorKind,
    DateRef,
    Event,
    EventKind,
    ParagraphKind,
    Precision,
    Quantity,
    Span,
)

__all__ = ["find_events"]


_SKIP = frozenset({ParagraphKind.HEADING, ParagraphKind.CAPTION})
# A new clause: after a semicolon, or at "and"/"but" that a new subject and its auxiliary follow.
# A match never ends in blanks, so one that begins inside a run of blanks would have begun at
# its first: "(?<!\s)" only saves rescanning the run from every blank in it.
_CLAUSE = lazy_regex(
    r";\s*|,\s*(?:and|but|while|whereas|although|though|even though|as)\s+"
    r"|(?<!\s)\s+(?:"
    r"(?:and|but)\s+(?=(?:[\w'’-]+\s+){1,7}?(?:have|has|had|was|were|is|are|will|would)\b)"
    # "... and the European Union adopted ...": a new named subject and its own verb
    r"|(?:and|but|while)\s+(?=(?:the\s+)?\p{Lu}[\w'’-]*(?:\s+\p{Lu}[\w'’-]*){0,3}\s+\w+ed\b))"
)
# Where a clause can end, found by the standard module in one pass: the first two kinds of
# boundary whole ("[^\S\x1c-\x1f]" is what ``regex`` calls a blank), and each "and", "but" or
# "while" before a blank, where _CLAUSE itself is tried from the first blank of the run before
# it. Each branch begins with a literal of its own (not a group), so that the scan skips to
# those characters instead of trying every offset.
_BOUNDARY = lazy(
    r";[^\S\x1c-\x1f]*|,[^\S\x1c-\x1f]*(?:and|but|while|whereas|although|though|even though|as)"
    r"[^\S\x1c-\x1f]+|and(?=[^\S\x1c-\x1f])|but(?=[^\S\x1c-\x1f])|while(?=[^\S\x1c-\x1f])"
)
_QUOTE_MARKS = '"“”'  # each opens or closes a quotation
# The patterns that end at "$" are matched from the end (REVERSE, where ``match`` anchors at
# the end of the text): where only whether one matches counts, that is one try, where a search
# would go on to fail at every other offset. Each ends in a blank, so that one that a search
# finds before a final line break ("$" allows it) also matches at the very end.
_DEFINITE = lazy_regex(
    r"\b(?:the|these|those|this|that|its|his|her|their)\s+(?:[\w'’-]+\s+){0,2}$",
    regex.IGNORECASE | regex.REVERSE,
)
_DISTINCT = lazy_regex(
    r"\b(?:previous|last|first|latest|second|third|new|another|early|snap)\b", regex.IGNORECASE
)
_NEXT_PREDICATE = lazy_regex(r"\s+and\s+(?:also\s+|then\s+)?\w+ed\b")
_MODAL = lazy_regex(r"\b(?:[Cc]an|[Cc]ould|may|[Mm]ight|[Ww]ould|[Ii]f|[Uu]nless)\b")
# the words of _DISTINCT and _MODAL in lower case: where the lower case of a text holds none of
# them (as a part of a longer word even), a search of it is saved. _DISTINCT ignores case: it
# may also match a letter that folds to one of a-z (see folds_plainly).
_DISTINCT_WORDS = (
    "previous",
    "last",
    "first",
    "latest",
    "second",
    "third",
    "new",
    "another",
    "early",
    "snap",
)
_MODAL_WORDS = ("can", "could", "may", "might", "would", "if", "unless")
# A paragraph that reads as a heading: no closing punctuation, most words capitalised.
_HEADING_WORD = lazy_regex(r"\b\p{Lu}")
_PASSIVE = lazy_regex(
    r"\b(?:was|were|been|being|be|is|are)\s+(?:\w+ly\s+)?$", regex.IGNORECASE | regex.REVERSE
)
_NO = lazy_regex(
    r"\b(?:no|without)\s+(?:[\w'’-]+\s+)?$", regex.IGNORECASE | regex.REVERSE
)  # "no protests", not "not to recognise ..."
# A name right before a noun trigger. From the end, ``fullmatch`` tells whether one begins
# at the start of the searched text (a search from the left would have found it first).
_NAMED = lazy_regex(
    r"\b(?!(?:The|A|An|This|That|These|Those|Its|Their|His|Her)\b)"
    r"\p{Lu}[\w'’]*(?:[ -](?:\p{Lu}[\w'’]*|\d{4}))*\s+$",
    regex.REVERSE,
)
_MILITARY = "military"  # the mode of an armed attack (a missile strike, shelling)
_AGENTS = frozenset({ActorKind.PERSON, ActorKind.ORGANIZATION, ActorKind.GROUP, ActorKind.COUNTRY})


class _Draft:
    """An event before the article-wide pass: the event and what the pass needs to judge it.

    Frozen by convention: nothing assigns to it after ``__init__`` (make a new one instead).
    """

    __slots__ = ("definite", "event", "own_slots", "verb")

    def __init__(self, event: Event, verb: bool, definite: bool, own_slots: bool) -> None:
        self.event = event
        self.verb = verb
        self.definite = definite
        self.own_slots = own_slots


class _Article:
    """What every sentence of one article reads, computed once: the text, its lower case, the
    records of the earlier stages, and their start offsets for ``bisect``.

    Frozen by convention: nothing assigns to it after ``__init__``.
    """

    __slots__ = (
        "dates",
        "doc",
        "low",
        "mention_starts",
        "mentions",
        "paragraph_starts",
        "quantities",
        "quantity_starts",
        "scene",
    )

    def __init__(
        self,
        doc: Cleaned,
        low: str,
        scene: Scene,
        mentions: list[tuple[Span, Actor]],
        mention_starts: list[int],
        dates: SpannedDates,
        quantities: tuple[Quantity, ...],
        quantity_starts: list[int],
        paragraph_starts: list[int],
    ) -> None:
        self.doc = doc
        self.low = low
        self.scene = scene
        self.mentions = mentions  # the agents' mentions, in text order
        self.mention_starts = mention_starts
        self.dates = dates
        self.quantities = quantities
        self.quantity_starts = quantity_starts
        self.paragraph_starts = paragraph_starts


def find_events(
    doc: Cleaned,
    actors: tuple[Actor, ...],
    dates: tuple[DateRef, ...],
    quantities: tuple[Quantity, ...],
    *,
    include_negated: bool = False,
    published: dt.date | None = None,
) -> tuple[Event, ...]:
    """Every event the article reports, in text order.

    Args:
        doc: the cleaned article.
        actors: the actors found in it; events point only to these.
        dates: its date expressions; an event takes the one that governs it.
        quantities: its counts; an event takes the one attached to its participants.
        include_negated: also return events the text denies ("refrained from sending
            troops"), with ``negated=True``.
        published: the article's date: an undated event in the opening paragraph, where no
            other date governs it, is dated to it (news reports the day's events first).

    Returns:
        The events, each with its evidence sentence and span.

    >>> from belnews.clean import clean_article
    >>> doc = clean_article("Title\\n\\nPolice detained dozens of marchers. They were later freed.")
    >>> [(e.kind.value, e.evidence) for e in find_events(doc, (), (), ())]
    [('arrest', 'Police detained dozens of marchers.')]
    """
    low = lowered(doc.text)  # the cue patterns run on lower-cased text
    # one scan of the whole text for the words a trigger can begin with: a sentence without
    # one is skipped at once
    found = cue_spans(low)
    if not found:
        return ()
    spanned = tuple(d for d in dates if d.span is not None)
    mentions = sorted(
        ((m.span, a) for a in actors if a.kind in _AGENTS for m in a.mentions), key=lambda x: x[0].start
    )
    art = _Article(
        doc,
        low,
        build_scene(doc, actors, spanned),
        mentions,
        [span.start for span, _ in mentions],
        spanned_dates(spanned),
        quantities,
        [q.span.start if q.span is not None else -1 for q in quantities],
        [p.span.start for p in doc.paragraphs],
    )
    drafts: list[_Draft] = []
    kinds: set[EventKind] = set()  # the kinds of the drafts so far
    cues = [start for start, _ in found]
    # a sentence's own lower case is a slice of the article's (only a capital sigma lowers
    # according to what follows it)
    slices = "Σ" not in doc.text
    sentences = iter(doc.sentences)
    quoted: list[tuple[int, int]] | None = None  # the quotations: read once a trigger needs them
    sent = next(sentences, None)
    for para in doc.paragraphs:
        skip: bool | None = None  # a heading or a caption: read once a sentence of it needs it
        para_start, para_end = para.span.start, para.span.end
        while sent is not None:
            sent_start, sent_end = sent.start, sent.end
            if sent_start >= para_end:
                break
            first = bisect.bisect_left(cues, sent_start)
            has_cue = first < len(cues) and cues[first] < sent_end
            if skip is None and has_cue:
                skip = para.kind in _SKIP or _looks_like_heading(para.text)
            if has_cue and not skip and sent_start >= para_start:
                lower = low[sent_start:sent_end] if slices else lowered(doc.text[sent_start:sent_end])
                at = _sentence_cues(doc.text, lower, sent, found, first)
                hits = find_triggers_at(doc.text[sent_start:sent_end], lower, at)
                if hits:
                    if quoted is None:
                        quoted = _quoted_spans(doc.text)
                    _sentence_events(art, sent, para.span, quoted, hits, kinds, drafts)
            sent = next(sentences, None)
    if published is not None and doc.paragraphs:
        lede = doc.paragraphs[0].span
        today = DateRef("", published.isoformat(), Precision.DAY)
        drafts = [
            _Draft(attrs.evolve(d.event, date=today), d.verb, d.definite, d.own_slots)
            if d.event.date is None and d.event.span is not None and d.event.span.start < lede.end
            else d
            for d in drafts
        ]
    events = _dedupe(drafts)
    return tuple(e for e in events if include_negated or not e.negated)


def _looks_like_heading(text: str) -> bool:
    """A short paragraph in title case without closing punctuation ("Belarus Protests: Putin Ready")."""
    stripped = text.rstrip()
    if not stripped or stripped[-1] in '.!?"”’…':  # most paragraphs: no need to count their words
        return False
    words = text.split()
    if len(words) > 20:
        return False
    return len(_HEADING_WORD().findall(text)) * 2 > len(words)


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Quotations of four words or more (scare quotes do not count), as (start, end) in text order.

    A quotation runs from a quotation mark to the next one, and never over a line break, so
    none runs from one paragraph into the next: what a scan for a mark, the text up to the
    next mark or line break, and a mark would find. The marks are found by ``str.find``, a
    fraction of the cost of a pattern that tries every character against a class.
    """
    marks = char_offsets(text, _QUOTE_MARKS)
    out: list[tuple[int, int]] = []
    k = 0
    while k + 1 < len(marks):
        start, end = marks[k], marks[k + 1]
        if text.find("\n", start + 1, end) >= 0:  # no quotation opens here: try the next mark
            k += 1
            continue
        if len(text[start + 1 : end].split()) >= 4:
            out.append((start, end + 1))
        k += 2
    return out


def _quoted(quoted: list[tuple[int, int]], pos: int) -> bool:
    """Whether ``pos`` is inside one of ``quoted`` (in text order, none overlapping)."""
    i = bisect.bisect_right(quoted, (pos + 1,)) - 1  # the last that begins at or before it
    return i >= 0 and pos < quoted[i][1]


def _clauses(text: str, offset: int) -> list[tuple[int, int]]:
    """The clauses of a sentence as (start, end) offsets, ``offset`` added."""
    out = []
    pos = 0
    for m in _BOUNDARY().finditer(text):
        start, end = m.span()
        if start < pos:
            continue
        if text[start] not in ";,":
            # "and" after a blank: the boundary, if any, begins at the first blank of their run
            if start <= pos or not _is_blank(text[start - 1]):
                continue
            start -= 1
            while start > pos and _is_blank(text[start - 1]):
                start -= 1
            found = _CLAUSE().match(text, start)
            if found is None:
                continue
            start, end = found.span()
        out.append((offset + pos, offset + start))
        pos = end
    out.append((offset + pos, offset + len(text)))
    return out


def _is_blank(char: str) -> bool:
    """Whether ``regex`` reads ``char`` as a blank (``str.isspace`` also takes U+001C..U+001F)."""
    return char.isspace() and not "\x1c" <= char <= "\x1f"


def _sentence_cues(text: str, lower: str, sent: Span, found: list[tuple[int, int]], first: int) -> list[int]:
    """Where the quick scan of the article matches inside ``sent``, as offsets into the sentence.

    ``found`` is that scan (start, end) and ``first`` the index of its first match in ``sent``.
    What the sentence alone would give: a match that runs past its end is not one, and its
    first word is a word beginning even after a letter or a hyphen.
    """
    out = []
    sent_start, sent_end = sent.start, sent.end
    for i in range(first, len(found)):
        start, end = found[i]
        if start >= sent_end:
            break
        if end <= sent_end:
            out.append(start - sent_start)
    before = text[sent_start - 1] if sent_start > 0 else " "
    after_word = before.isalnum() or before in "_-"  # what the scan's "(?<![\w-])" refuses
    if after_word and (not out or out[0] != 0) and trigger_table().starts.match(lower):
        out.insert(0, 0)
    return out


def _sentence_events(
    art: _Article,
    sent: Span,
    para: Span,
    quoted: list[tuple[int, int]],
    hits: list[Hit],
    kinds: set[EventKind],
    out: list[_Draft],
) -> None:
    """Add the events of one sentence to ``out``: ``hits`` are its triggers, ``quoted`` its quotations.

    ``kinds`` holds the kinds of the drafts before it (it grows with the sentence's own): a
    definite noun of one of them only refers back (:func:`_dedupe` drops it), so its slots
    are not filled.
    """
    doc, low = art.doc, art.low
    sent_start, sent_end = sent.start, sent.end
    text = doc.text[sent_start:sent_end]
    if quoted:
        hits = [h for h in hits if not _quoted(quoted, sent_start + h.start)]
    if not hits:
        return
    table = trigger_table()
    hits = _military_strikes(low, para, hits)
    clauses = _clauses(text, sent_start)
    clause_starts = [start for start, _ in clauses]

    def clause_of(h: Hit) -> int:
        pos = sent_start + h.start
        i = bisect.bisect_right(clause_starts, pos) - 1
        return i if i >= 0 and pos < clauses[i][1] else len(clauses) - 1

    # What a warning or a criticism is about is part of it, not an event of its own: up to
    # the end of its clause or a new coordinated predicate ("... and ordered the police").
    kept: list[tuple[Hit, int]] = []  # each kept hit and its clause
    absorbed_until = -1
    for h in hits:
        if h.start < absorbed_until and h.kind is not EventKind.ELECTION:
            continue
        ci = clause_of(h)
        kept.append((h, ci))
        if h.kind in (EventKind.THREATEN, EventKind.ACCUSE) and table.absorbers().match(
            low, sent_start + h.start
        ):
            clause_end = clauses[ci][1] - sent_start
            nxt = _NEXT_PREDICATE().search(text, h.end, clause_end)
            absorbed_until = nxt.start() if nxt else clause_end
    groups: dict[tuple[int, EventKind], list[Hit]] = {}
    for h, ci in kept:
        key = (ci, h.kind)
        if not h.verb:  # a noun never makes a second event of its kind in one sentence
            key = next((k for k in groups if k[1] is h.kind), key)
        groups.setdefault(key, []).append(h)
    # A shelling or a missile strike that kills is reported by its toll: the attack is how.
    killed = any(k is EventKind.KILL for _, k in groups)
    in_sentence = art.scene.between(sent_start, sent_end)
    # a sentence set in a place the article has not named before starts a new scene
    para_start = para.start
    moved = any(p.locative and art.scene.first_seen[p.actor.id] >= para_start for p in in_sentence)
    sentence_dates: SentenceDates | None = None  # read once an event of the sentence needs them
    for (ci, kind), group in groups.items():
        anchor = next((h for h in group if h.verb), group[0])
        if killed and not anchor.verb and anchor.mode == _MILITARY:
            continue
        clause = clauses[ci]
        clause_start, clause_end = clause
        clause_text = low[clause_start:clause_end]
        if cue_search(table.habitual, table.habitual_needs, clause_text):
            continue
        start, end = sent_start + anchor.start, sent_start + anchor.end
        verb = any(h.verb for h in group)
        definite = distinct = False
        if not verb:
            left, right = _segment(doc.text, clause, start)
            if _has_any(_MODAL_WORDS, low[left:right]) and _MODAL().search(doc.text[left:right]):
                continue  # a possible happening named as a topic, not one reported
            left = max(clause_start, start - 40)
            before = doc.text[left:start]
            distinct = (_has_any(_DISTINCT_WORDS, low[left:start]) or not folds_plainly(before)) and bool(
                _DISTINCT().search(before)
            )
            definite = (
                not distinct and bool(_DEFINITE().match(before)) and not _named(doc.text, sent_start, start)
            )
            if definite and kind in kinds:
                continue  # refers back to a happening already reported
        kinds.add(kind)
        local = low[clause_start:start]
        others = [sent_start + h.start for h, hc in kept if h.kind is not kind and hc == ci]
        if sentence_dates is None:
            sentence_dates = art.dates.in_sentence(doc.text, sent)
        date, own_date = pick_date(doc, sentence_dates, start, clause, para, new_scene=moved)
        count = pick_count(
            doc.text, art.quantities, art.quantity_starts, start, end, clause, others, verb=anchor.verb
        )
        location = pick_place(
            doc,
            art.scene,
            kind,
            start,
            sent,
            para,
            date,
            art.paragraph_starts,
            low=low,
            in_sentence=in_sentence,
        )
        own_place = any(p.locative and p.actor is location for p in in_sentence)
        agents, targets = _participants(
            doc.text, art.mentions, art.mention_starts, clause, start, end, location
        )
        event = Event(
            kind=kind,
            evidence=text,
            span=sent,
            mode=next((h.mode for h in group if h.mode), None),
            actors=agents,
            targets=targets,
            location=location,
            date=date,
            count=count,
            negated=bool(table.negators.search(local[-40:]) if anchor.verb else _NO().match(local[-40:])),
            hypothetical=cue_search(table.hypothetical, table.hypothetical_needs, clause_text),
            future=cue_search(table.future, table.future_needs, local),
        )
        out.append(
            _Draft(event, verb, definite, verb or own_date or own_place or distinct or count is not None)
        )


def _named(text: str, start: int, end: int) -> bool:
    """Whether a name stands right before ``end`` that does not open the text at ``start``.

    "the Zapad exercise" is its own happening, not one reported before.
    """
    return bool(_NAMED().match(text, start, end)) and not _NAMED().fullmatch(text, start, end)


def _military_strikes(low: str, para: Span, hits: list[Hit]) -> list[Hit]:
    """A bare "strike" in a paragraph about bombs and shelling (and not about workers) is an attack.

    ``low`` is the article's text in lower case.
    """
    if not any(h.kind is EventKind.STRIKE for h in hits):
        return hits
    table = trigger_table()
    war = table.military_context().search(low, para.start, para.end)
    if not war or table.labour_context().search(low, para.start, para.end):
        return hits
    return [
        Hit(EventKind.ASSAULT, h.start, h.end, h.verb, _MILITARY) if h.kind is EventKind.STRIKE else h
        for h in hits
    ]


def _segment(text: str, clause: tuple[int, int], pos: int) -> tuple[int, int]:
    """The comma-delimited stretch of ``clause`` (start, end) around ``pos``, as (start, end)."""
    clause_start, clause_end = clause
    left = text.rfind(",", clause_start, pos)
    right = text.find(",", pos, clause_end)
    return (left + 1 if left >= 0 else clause_start, right if right >= 0 else clause_end)


def _has_any(words: tuple[str, ...], text: str) -> bool:
    """Whether one of ``words`` stands in ``text``, even as a part of a longer word."""
    return any(word in text for word in words)


def _participants(
    text: str,
    mentions: list[tuple[Span, Actor]],
    starts: list[int],
    clause: tuple[int, int],
    start: int,
    end: int,
    location: Actor | None,
) -> tuple[tuple[Actor, ...], tuple[Actor, ...]]:
    """Who acts and who is acted on: the actors named before and after the trigger in its clause.

    ``starts`` are the mentions' start offsets, ``clause`` is (start, end). In a passive
    clause ("were detained by police") the roles turn round.
    """
    before: list[Actor] = []
    after: list[Actor] = []
    clause_start, clause_end = clause
    lo = bisect.bisect_left(starts, clause_start)
    hi = bisect.bisect_left(starts, clause_end)
    # the place's own phrases ("the Lithuanian capital"), read once a country is met: the
    # country named in one is part of the place
    phrases: list[Span] | None = None
    for span, actor in mentions[lo:hi]:
        span_end = span.end
        if span_end > clause_end or actor is location:
            continue
        if location is not None and actor.kind is ActorKind.COUNTRY:
            if phrases is None:
                phrases = [m.span for m in location.mentions if m.resolved]
            if any(p.start <= span.start and span_end <= p.end for p in phrases):
                continue
        side = before if span_end <= start else after if span.start >= end else None
        if side is not None and actor not in side:
            side.append(actor)
    if _PASSIVE().match(text[max(clause_start, start - 30) : start]):
        by = [
            a for s, a in mentions[lo:hi] if s.start >= end and text[end : s.start].rstrip().endswith(" by")
        ]
        return tuple(by[:1]), tuple(before[-2:])
    return tuple(before[-2:]), tuple(after[:2])


def _dedupe(drafts: list[_Draft]) -> list[Event]:
    """Drop noun mentions that only refer back to a happening of a kind already reported.

    "The demonstrations began on August 9th ... This sparked protests": the second names
    the same happening. A definite noun ("the protests") of a kind seen before refers
    back unless an adjective marks another one ("the previous election"); an indefinite one
    does when it brings no date, place or count of its own.
    """
    out: list[Event] = []
    kinds: set[EventKind] = set()
    scenes: set[tuple[EventKind, str | None, str | None]] = set()  # kind, day, place of each kept event
    for d in drafts:
        e = d.event
        if not d.verb and e.kind in kinds:
            day = None if e.date is None else e.date.value
            where = None if e.location is None else e.location.id
            same = day is not None and e.count is None and (e.kind, day, where) in scenes
            if d.definite or not d.own_slots or same:
                continue
        out.append(e)
        kinds.add(e.kind)
        scenes.add(
            (e.kind, None if e.date is None else e.date.value, None if e.location is None else e.location.id)
        )
    return out
