"""The records belnews returns: frozen attrs classes and the enums of their vocabularies.

Every record is immutable, every collection a tuple, and every extracted thing carries the
:class:`Span` of the text it came from (character offsets into :attr:`Article.text`).
``Article.to_dict()`` gives a JSON-ready dict and ``Article.from_dict()`` reads it back:

>>> span = Span(0, 5)
>>> span.slice("Minsk is the capital")
'Minsk'
>>> q = Quantity(value=20000, qualifier=Qualifier.AT_LEAST, text="tens of thousands")
>>> q.to_dict()["qualifier"], q.to_dict()["value"]
('at_least', 20000)
"""

from __future__ import annotations

import datetime as dt
import enum
import operator
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

__all__ = [
    "Actor",
    "ActorKind",
    "Article",
    "DateRef",
    "Event",
    "EventKind",
    "Gender",
    "Mention",
    "Paragraph",
    "ParagraphKind",
    "Precision",
    "Qualifier",
    "Quantity",
    "Quote",
    "QuoteKind",
    "Span",
]


class ActorKind(str, enum.Enum):
    """What an actor is."""

    PERSON = "person"
    ORGANIZATION = "organization"
    COUNTRY = "country"
    LOCATION = "location"
    GROUP = "group"


class Gender(str, enum.Enum):
    """A person's grammatical gender, as the name form or the text shows it."""

    MALE = "m"
    FEMALE = "f"


class ParagraphKind(str, enum.Enum):
    """The role a paragraph plays in the article."""

    BODY = "body"
    HEADING = "heading"
    CAPTION = "caption"
    INTERVIEW = "interview"  # one turn of an interview, "**Name:** ..."


class QuoteKind(str, enum.Enum):
    """How speech is reported."""

    DIRECT = "direct"  # verbatim, in quotation marks (or a block quote / interview turn)
    INDIRECT = "indirect"  # reported: "Putin said that ..."
    PARTIAL = "partial"  # a quoted phrase attributed to a speaker inside a sentence


class EventKind(str, enum.Enum):
    """The event vocabulary, after PLOVER. ``cameo`` gives the CAMEO root code."""

    PROTEST = "protest"
    STRIKE = "strike"
    ARREST = "arrest"
    ASSAULT = "assault"
    KILL = "kill"
    MEET = "meet"
    ELECTION = "election"
    SANCTION = "sanction"
    DEPLOY = "deploy"
    DEPORT = "deport"
    DEFECT = "defect"
    ACCUSE = "accuse"
    THREATEN = "threaten"
    SUPPORT = "support"

    @property
    def cameo(self) -> str:
        """The CAMEO root code (two digits) that the kind maps to.

        >>> EventKind.PROTEST.cameo
        '14'
        """
        return _CAMEO[self]


_CAMEO: dict[EventKind, str] = {
    EventKind.PROTEST: "14",
    EventKind.STRIKE: "14",
    EventKind.ARREST: "17",
    EventKind.ASSAULT: "18",
    EventKind.KILL: "18",
    EventKind.MEET: "04",
    EventKind.ELECTION: "05",
    EventKind.SANCTION: "16",
    EventKind.DEPLOY: "15",
    EventKind.DEPORT: "17",
    EventKind.DEFECT: "16",
    EventKind.ACCUSE: "11",
    EventKind.THREATEN: "13",
    EventKind.SUPPORT: "07",
}


class Precision(str, enum.Enum):
    """How precisely a :class:`DateRef` is known."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"
    DECADE = "decade"


class Qualifier(str, enum.Enum):
    """How a :class:`Quantity` relates to its value."""

    EXACT = "exact"
    AT_LEAST = "at_least"
    AT_MOST = "at_most"
    ABOUT = "about"
    MORE_THAN = "more_than"


class _PickledByFields:
    """Pickled as the class and its field values, rebuilt through ``__init__``.

    attrs pickles a slotted class as a dict of its fields, set one by one on unpickling; an
    article holds hundreds of spans and mentions, and ``parse_many`` ships every article
    from a worker to the caller, so the tuple form more than halves that cost (and the
    validators still check what is unpickled).
    """

    __slots__ = ()
    _field_values: Callable[[Any], tuple[Any, ...]]

    def __init_subclass__(cls) -> None:
        # attrs makes each record class twice (the slotted one replaces the first): the
        # second already carries its fields.
        fields = cls.__dict__.get("__attrs_attrs__")
        if fields is not None:
            get = operator.attrgetter(*(f.name for f in fields))
            cls._field_values = (lambda record: (get(record),)) if len(fields) == 1 else get

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return type(self), self._field_values(self)


_set_field = object.__setattr__  # how a frozen record's own ``__init__`` sets its fields


@attrs.frozen(order=True, init=False)
class Span(_PickledByFields):
    """Character offsets ``[start, end)`` into :attr:`Article.text`.

    >>> Span(3, 1)
    Traceback (most recent call last):
    ...
    ValueError: bad span: 3..1
    """

    start: int
    end: int

    def __init__(self, start: int, end: int) -> None:
        # Written out rather than made by attrs with a validator: spans are made by the hundred
        # per article, and the comparisons cost less than a validator call (and attrs' setup).
        if not 0 <= start <= end:
            raise ValueError(f"bad span: {start}..{end}")
        _set_field(self, "start", start)
        _set_field(self, "end", end)

    def slice(self, text: str) -> str:
        """The part of ``text`` the span covers."""
        return text[self.start : self.end]

    def to_list(self) -> list[int]:
        return [self.start, self.end]

    @classmethod
    def from_list(cls, value: Sequence[int]) -> Span:
        return cls(int(value[0]), int(value[1]))


def _opt_span(value: Any) -> Span | None:
    return None if value is None else Span.from_list(value)


@attrs.frozen
class Paragraph(_PickledByFields):
    """A paragraph of the cleaned text, with its kind.

    ``speaker`` is the label of an interview turn (``"Dr. Petrova"`` for
    ``**Dr. Petrova:** ...``); the label is not part of ``text``.
    """

    text: str
    span: Span
    kind: ParagraphKind = ParagraphKind.BODY
    speaker: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "span": self.span.to_list(),
            "kind": self.kind.value,
            "speaker": self.speaker,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Paragraph:
        return cls(
            text=d["text"],
            span=Span.from_list(d["span"]),
            kind=ParagraphKind(d.get("kind", "body")),
            speaker=d.get("speaker"),
        )


@attrs.frozen
class Mention(_PickledByFields):
    """One place where an actor is named or referred to."""

    text: str
    span: Span
    resolved: bool = False  # True when coreference (not the name itself) linked it

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "span": self.span.to_list(), "resolved": self.resolved}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Mention:
        return cls(d["text"], Span.from_list(d["span"]), bool(d.get("resolved", False)))


@attrs.frozen
class Actor(_PickledByFields):
    """A person, organisation, country, place or group named in the article.

    ``id`` is stable across articles: a Wikidata ID where the gazetteer knows the actor,
    else a key derived from the normalised name.
    """

    id: str
    name: str
    kind: ActorKind
    country: str | None = None
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    gender: Gender | None = None
    mentions: tuple[Mention, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind.value,
            "country": self.country,
            "aliases": list(self.aliases),
            "roles": list(self.roles),
            "gender": None if self.gender is None else self.gender.value,
            "mentions": [m.to_dict() for m in self.mentions],
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Actor:
        return cls(
            id=d["id"],
            name=d["name"],
            kind=ActorKind(d["kind"]),
            country=d.get("country"),
            aliases=tuple(d.get("aliases", ())),
            roles=tuple(d.get("roles", ())),
            gender=None if d.get("gender") is None else Gender(d["gender"]),
            mentions=tuple(Mention.from_dict(m) for m in d.get("mentions", ())),
        )


@attrs.frozen
class DateRef(_PickledByFields):
    """A date expression resolved against the article's date.

    ``value`` is ``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY`` or ``YYY0s`` by ``precision``.

    >>> DateRef("the 1990s", "1990s", Precision.DECADE).start
    datetime.date(1990, 1, 1)
    """

    text: str
    value: str
    precision: Precision
    span: Span | None = None

    @property
    def start(self) -> dt.date:
        """The first day the date can denote."""
        v = self.value.rstrip("s")
        parts = [int(p) for p in v.split("-")]
        while len(parts) < 3:
            parts.append(1)
        return dt.date(parts[0], parts[1], parts[2])

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "value": self.value,
            "precision": self.precision.value,
            "span": None if self.span is None else self.span.to_list(),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> DateRef:
        return cls(d["text"], d["value"], Precision(d["precision"]), _opt_span(d.get("span")))


@attrs.frozen
class Quantity(_PickledByFields):
    """A count: ``value`` is the number a careful reader would code.

    Vague sizes take the smallest number the phrase allows ("tens of thousands" is 20,000
    ``at_least``); ``low`` and ``high`` bound it where the phrase does.
    """

    value: int | float
    qualifier: Qualifier = Qualifier.EXACT
    text: str = ""
    low: int | float | None = None
    high: int | float | None = None
    unit: str | None = None
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "qualifier": self.qualifier.value,
            "unit": self.unit,
            "text": self.text,
            "span": None if self.span is None else self.span.to_list(),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Quantity:
        return cls(
            value=d["value"],
            qualifier=Qualifier(d.get("qualifier", "exact")),
            text=d.get("text", ""),
            low=d.get("low"),
            high=d.get("high"),
            unit=d.get("unit"),
            span=_opt_span(d.get("span")),
        )


@attrs.frozen
class Quote(_PickledByFields):
    """Reported speech with its speaker.

    ``speaker`` is the :class:`Actor` who spoke, or ``None`` when the article does not
    say; ``speaker_text`` is the mention as written ("he", "the disputed president").
    ``spans`` holds one span per piece of the quotation (a quote split by its
    attribution has two).
    """

    text: str
    kind: QuoteKind
    speaker: Actor | None = None
    speaker_text: str | None = None
    cue: str | None = None
    spans: tuple[Span, ...] = ()
    paragraph: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "kind": self.kind.value,
            "speaker": None if self.speaker is None else self.speaker.id,
            "speaker_text": self.speaker_text,
            "cue": self.cue,
            "spans": [s.to_list() for s in self.spans],
            "paragraph": self.paragraph,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], actors: Mapping[str, Actor]) -> Quote:
        return cls(
            text=d["text"],
            kind=QuoteKind(d["kind"]),
            speaker=_actor(d.get("speaker"), actors),
            speaker_text=d.get("speaker_text"),
            cue=d.get("cue"),
            spans=tuple(Span.from_list(s) for s in d.get("spans", ())),
            paragraph=d.get("paragraph"),
        )


def _actor(actor_id: str | None, actors: Mapping[str, Actor]) -> Actor | None:
    if actor_id is None:
        return None
    try:
        return actors[actor_id]
    except KeyError:
        raise ValueError(f"record names actor {actor_id!r}, which is not among its actors") from None


@attrs.frozen
class Event(_PickledByFields):
    """Something that happened or is announced: who did what to whom, where, when, how many."""

    kind: EventKind
    evidence: str
    span: Span | None = None
    mode: str | None = None  # sharpens the kind: "demo", "strike", "rally"; "visit", "phone"
    actors: tuple[Actor, ...] = ()
    targets: tuple[Actor, ...] = ()
    location: Actor | None = None
    date: DateRef | None = None
    count: Quantity | None = None
    negated: bool = False
    hypothetical: bool = False
    future: bool = False

    @property
    def cameo(self) -> str:
        """The CAMEO root code of the event's kind."""
        return self.kind.cameo

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "mode": self.mode,
            "actors": [a.id for a in self.actors],
            "targets": [a.id for a in self.targets],
            "location": None if self.location is None else self.location.id,
            "date": None if self.date is None else self.date.to_dict(),
            "count": None if self.count is None else self.count.to_dict(),
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "future": self.future,
            "evidence": self.evidence,
            "span": None if self.span is None else self.span.to_list(),
            "cameo": self.cameo,
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any], actors: Mapping[str, Actor]) -> Event:
        return cls(
            kind=EventKind(d["kind"]),
            evidence=d["evidence"],
            span=_opt_span(d.get("span")),
            mode=d.get("mode"),
            actors=tuple(a for a in (_actor(i, actors) for i in d.get("actors", ())) if a),
            targets=tuple(a for a in (_actor(i, actors) for i in d.get("targets", ())) if a),
            location=_actor(d.get("location"), actors),
            date=None if d.get("date") is None else DateRef.from_dict(d["date"]),
            count=None if d.get("count") is None else Quantity.from_dict(d["count"]),
            negated=bool(d.get("negated", False)),
            hypothetical=bool(d.get("hypothetical", False)),
            future=bool(d.get("future", False)),
        )


def _opt_date(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


@attrs.frozen
class Article(_PickledByFields):
    """A parsed article: the cleaned text and everything extracted from it.

    All spans point into :attr:`text`. Build one with :func:`belnews.parse_article`.
    """

    text: str
    title: str | None = None
    dateline: str | None = None
    published: dt.date | None = None
    url: str | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    actors: tuple[Actor, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    dates: tuple[DateRef, ...] = ()
    quantities: tuple[Quantity, ...] = ()

    def actor(self, actor_id: str) -> Actor | None:
        """The actor with this id, or ``None``."""
        return next((a for a in self.actors if a.id == actor_id), None)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict; :meth:`from_dict` reads it back to an equal article."""
        return {
            "title": self.title,
            "dateline": self.dateline,
            "published": None if self.published is None else self.published.isoformat(),
            "url": self.url,
            "text": self.text,
            "paragraphs": [p.to_dict() for p in self.paragraphs],
            "actors": [a.to_dict() for a in self.actors],
            "quotes": [q.to_dict() for q in self.quotes],
            "events": [e.to_dict() for e in self.events],
            "dates": [d.to_dict() for d in self.dates],
            "quantities": [q.to_dict() for q in self.quantities],
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> Article:
        """Read back what :meth:`to_dict` wrote.

        Raises:
            ValueError: a quote or event names an actor id the record does not hold.
        """
        actors = tuple(Actor.from_dict(a) for a in d.get("actors", ()))
        by_id = {a.id: a for a in actors}
        return cls(
            text=d["text"],
            title=d.get("title"),
            dateline=d.get("dateline"),
            published=_opt_date(d.get("published")),
            url=d.get("url"),
            paragraphs=tuple(Paragraph.from_dict(p) for p in d.get("paragraphs", ())),
            actors=actors,
            quotes=tuple(Quote.from_dict(q, by_id) for q in d.get("quotes", ())),
            events=tuple(Event.from_dict(e, by_id) for e in d.get("events", ())),
            dates=tuple(DateRef.from_dict(x) for x in d.get("dates", ())),
            quantities=tuple(Quantity.from_dict(q) for q in d.get("quantities", ())),
        )
