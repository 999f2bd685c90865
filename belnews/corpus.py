"""``Corpus``: parsed articles in one SQLite file, queried across articles.

Each article is stored once (by a hash of its cleaned text and date), with its whole record
and with tables of its actors, quotes, events and dates, so that questions are SQL. Actors
are resolved across articles into one registry: "Svetlana Tikhanovskaya" in one article and
"Sviatlana Tsikhanouskaya" in another are one entry, found under either spelling.

>>> from belnews.corpus import Corpus
>>> with Corpus(":memory:") as corpus:
...     first = corpus.add("Talks in Sochi\\n\\nThe leaders met in Sochi.", published="2020-09-14")
...     again = corpus.add("Talks in Sochi\\n\\nThe leaders met in Sochi.", published="2020-09-14")
...     (first == again, len(corpus), corpus.article(first).title)
(True, 1, 'Talks in Sochi')
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import sqlite3
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any, Generic, TypeVar

import attrs

from belnews import _corpus_schema, _registry
from belnews.errors import BelnewsError
from belnews.model import Actor, ActorKind, Article, DateRef, Event, EventKind, Precision, Quote
from belnews.parallel import ParseError, Published, Record, parse_many
from belnews.pipeline import parse_article, parse_published

__all__ = ["Added", "Corpus", "CorpusError", "Hit"]

T = TypeVar("T")


class CorpusError(BelnewsError, ValueError):
    """The corpus file cannot be used, or a query names something that does not exist."""


@attrs.frozen
class Hit(Generic[T]):
    """A record found by a query, with the article it comes from.

    Actors inside ``record`` (a quote's speaker, an event's actors and location) are the
    corpus's registry entries: their ``id`` is the same in every article and their
    ``aliases`` hold every spelling the corpus has seen.
    """

    article_id: int
    title: str | None
    published: dt.date | None
    record: T


@attrs.frozen
class Added:
    """What :meth:`Corpus.add_many` did with one input record.

    ``new`` is ``False`` when the article was already in the corpus.
    """

    index: int
    article_id: int
    new: bool


def _hash(text: str, published: dt.date | None) -> str:
    day = "" if published is None else published.isoformat()
    return hashlib.sha256(f"{day}\n{text}".encode()).hexdigest()


def _day_range(date: DateRef) -> tuple[str, str]:
    first = date.start
    if date.precision is Precision.DAY:
        last = first
    elif date.precision is Precision.MONTH:
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    elif date.precision is Precision.YEAR:
        last = dt.date(first.year, 12, 31)
    else:
        last = dt.date(first.year + 9, 12, 31)
    return first.isoformat(), last.isoformat()


def _when(value: dt.date | str | None, what: str) -> str | None:
    try:
        day = parse_published(value)
    except BelnewsError:
        raise CorpusError(f"{what} must be an ISO date such as '2020-08-01', got {value!r}") from None
    return None if day is None else day.isoformat()


def _kind(value: EventKind | str) -> EventKind:
    try:
        return EventKind(value)
    except ValueError:
        known = ", ".join(k.value for k in EventKind)
        raise CorpusError(f"unknown event kind {value!r}: use one of {known}") from None


def _actor_kind(value: ActorKind | str) -> ActorKind:
    try:
        return ActorKind(value)
    except ValueError:
        known = ", ".join(k.value for k in ActorKind)
        raise CorpusError(f"unknown actor kind {value!r}: use one of {known}") from None


class Corpus:
    """A store of parsed articles in an SQLite file, with queries across them.

    Args:
        path: the database file (created when missing), or ``":memory:"``.
        create: when ``False``, a missing file is an error instead of a new corpus.

    Raises:
        CorpusError: the file is missing (with ``create=False``), is not a belnews corpus,
            or was written by an incompatible version.

    Every article is added in a transaction of its own, so a run that is interrupted keeps
    every article it finished, and adding the same article again does nothing: an index
    run can simply be started again.
    """

    def __init__(self, path: str | Path, *, create: bool = True) -> None:
        name = str(path)
        if not create and name != ":memory:" and not Path(name).is_file():
            raise CorpusError(f"no corpus at {name}: create it first with `belnews index`")
        self._conn = sqlite3.connect(name, isolation_level=None)
        try:
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.execute("PRAGMA synchronous = NORMAL")
            version = _corpus_schema.create(self._conn)
        except sqlite3.DatabaseError as exc:
            self._conn.close()
            raise CorpusError(f"{name} is not a belnews corpus: {exc}") from None
        if version != _corpus_schema.SCHEMA_VERSION:
            self._conn.close()
            raise CorpusError(
                f"{name} holds corpus schema {version}; this belnews reads {_corpus_schema.SCHEMA_VERSION}"
            )

    # -- life cycle -------------------------------------------------------------------

    def close(self) -> None:
        """Close the database; the corpus cannot be used afterwards."""
        self._conn.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def __len__(self) -> int:
        return int(self._conn.execute("SELECT count(*) FROM articles").fetchone()[0])

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield self._conn
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        self._conn.execute("COMMIT")

    # -- adding -----------------------------------------------------------------------

    def _existing(self, column: str, digest: str) -> int | None:
        row = self._conn.execute(f"SELECT id FROM articles WHERE {column} = ?", (digest,)).fetchone()
        return None if row is None else int(row[0])

    def add(self, text: str, *, published: Published = None, url: str | None = None) -> int:
        """Parse an article and store it; return its id in the corpus.

        An article already stored (same text and date) is not parsed again: its id is
        returned.

        Raises:
            BelnewsError: the text or date cannot be parsed (see :func:`belnews.parse_article`).
        """
        day = parse_published(published)
        if isinstance(text, str):
            known = self._existing("source_hash", _hash(text, day))
            if known is not None:
                return known
        article = parse_article(text, published=day, url=url)
        return self._store(article, _hash(text, day))[0]

    def add_article(self, article: Article) -> int:
        """Store an article parsed already; return its id (the existing one if stored)."""
        return self._store(article, None)[0]

    def add_many(
        self,
        texts: Iterable[Record],
        *,
        published: Published = None,
        workers: int | None = None,
        chunksize: int = 16,
    ) -> Iterator[Added | ParseError]:
        """Parse and store many articles (on ``workers`` processes, as :func:`~belnews.parse_many`).

        Articles already in the corpus are skipped without parsing. Each result says what
        happened to one input record; results come roughly in input order, each with its
        index. Articles are committed one by one as their results arrive.

        >>> with Corpus(":memory:") as corpus:
        ...     [type(r).__name__ for r in corpus.add_many(["A\\n\\nB.", "A\\n\\nB.", ""], workers=1)]
        ['Added', 'Added', 'ParseError']
        """
        fed: deque[tuple[int, str | None]] = deque()
        done: deque[Added | ParseError] = deque()

        def fresh() -> Iterator[Record]:
            for index, record in enumerate(texts):
                digest = _peek(record, published)
                known = None if digest is None else self._existing("source_hash", digest)
                if known is not None:
                    done.append(Added(index, known, False))
                    continue
                fed.append((index, digest))
                yield record

        for result in parse_many(fresh(), published=published, workers=workers, chunksize=chunksize):
            yield from _drain(done)
            index, digest = fed.popleft()
            if isinstance(result, ParseError):
                yield attrs.evolve(result, index=index)
            else:
                article_id, new = self._store(result, digest)
                yield Added(index, article_id, new)
        yield from _drain(done)

    def _store(self, article: Article, source_hash: str | None) -> tuple[int, bool]:
        digest = _hash(article.text, article.published)
        with self._transaction() as conn:
            known = self._existing("hash", digest)
            if known is not None:
                return known, False
            record = article.to_dict()
            cursor = conn.execute(
                "INSERT INTO articles (hash, source_hash, title, published, url, record) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    digest,
                    source_hash,
                    article.title,
                    record["published"],
                    article.url,
                    json.dumps(record, ensure_ascii=False),
                ),
            )
            article_id = int(cursor.lastrowid or 0)
            _store_parts(conn, article_id, article)
        return article_id, True

    # -- reading ----------------------------------------------------------------------

    def article(self, article_id: int) -> Article:
        """The stored article, as it was parsed (with the article's own actor ids).

        Raises:
            CorpusError: no article has this id.
        """
        row = self._conn.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            raise CorpusError(f"no article with id {article_id}")
        return Article.from_dict(json.loads(row[0]))

    def actors(self, name: str | None = None, *, kind: ActorKind | str | None = None) -> list[Actor]:
        """Registry entries by name in any spelling (or by id), most often named first.

        ``aliases`` holds every spelling seen; ``mentions`` is empty (they belong to articles).

        Raises:
            CorpusError: the kind is unknown.
        """
        kinds = () if kind is None else (_actor_kind(kind),)
        sql = "SELECT id, name, kind, country, gender, roles FROM actors"
        params: list[Any] = []
        if name is not None:
            ids = _registry.ids_for_name(self._conn, name, kinds)
            sql += f" WHERE id IN ({','.join('?' * len(ids))})"
            params.extend(ids)
        elif kinds:
            sql += " WHERE kind = ?"
            params.append(kinds[0].value)
        sql += " ORDER BY (SELECT count(*) FROM article_actors x WHERE x.actor_id = actors.id) DESC, id"
        return [
            _registry.actor_from_row(self._conn, row) for row in self._conn.execute(sql, params).fetchall()
        ]

    def quotes(
        self,
        speaker: str | None = None,
        *,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
    ) -> list[Hit[Quote]]:
        """Quotes by a speaker named in any spelling (or every quote), oldest article first.

        Args:
            speaker: a name ("Tikhanovskaya", "Sviatlana Tsikhanouskaya") or an actor id.
            since: only articles published on or after this date.
            until: only articles published on or before this date.

        Raises:
            CorpusError: ``since`` or ``until`` is not an ISO date.
        """
        where, params = ["1"], []
        if speaker is not None:
            ids = _registry.ids_for_name(self._conn, speaker)
            where.append(f"q.speaker_id IN ({','.join('?' * len(ids))})")
            params.extend(ids)
        for bound, op in ((_when(since, "since"), ">="), (_when(until, "until"), "<=")):
            if bound is not None:
                where.append(f"a.published {op} ?")
                params.append(bound)
        rows = self._conn.execute(
            "SELECT q.article_id, q.record FROM quotes q JOIN articles a ON a.id = q.article_id "
            f"WHERE {' AND '.join(where)} ORDER BY a.published, q.article_id, q.seq",
            params,
        ).fetchall()
        return self._hits(rows, Quote.from_dict)

    def events(
        self,
        kind: EventKind | str | None = None,
        *,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
        location: str | None = None,
        actor: str | None = None,
    ) -> list[Hit[Event]]:
        """Events by kind, date range, place and actor, in date order.

        An event without a date of its own is taken at its article's publication date.
        A date range keeps events whose date (a day, month, year or decade) overlaps it.

        Args:
            kind: an event kind ("protest", :attr:`EventKind.ARREST`, ...).
            since: only events on or after this date.
            until: only events on or before this date.
            location: a place in any spelling, or its id.
            actor: an actor (as actor or target) in any spelling, or its id.

        Raises:
            CorpusError: the kind is unknown, or a date is not an ISO date.
        """
        where, params = ["1"], []
        if kind is not None:
            where.append("e.kind = ?")
            params.append(_kind(kind).value)
        lo, hi = _when(since, "since"), _when(until, "until")
        if lo is not None:
            where.append("e.day_to >= ?")
            params.append(lo)
        if hi is not None:
            where.append("e.day_from <= ?")
            params.append(hi)
        if location is not None:
            ids = _registry.ids_for_name(self._conn, location)
            where.append(f"e.location_id IN ({','.join('?' * len(ids))})")
            params.extend(ids)
        if actor is not None:
            ids = _registry.ids_for_name(self._conn, actor)
            where.append(
                f"e.id IN (SELECT event_id FROM event_actors WHERE actor_id IN ({','.join('?' * len(ids))}))"
            )
            params.extend(ids)
        rows = self._conn.execute(
            "SELECT e.article_id, e.record FROM events e "
            f"WHERE {' AND '.join(where)} ORDER BY e.day_from IS NULL, e.day_from, e.article_id, e.seq",
            params,
        ).fetchall()
        return self._hits(rows, Event.from_dict)

    def timeline(
        self,
        actor: str | None = None,
        *,
        kind: EventKind | str | None = None,
        since: dt.date | str | None = None,
        until: dt.date | str | None = None,
    ) -> list[Hit[Event]]:
        """The dated events (of an actor, of a kind), ordered by date: a chronology."""
        hits = self.events(kind, since=since, until=until, actor=actor)
        return [h for h in hits if h.record.date is not None or h.published is not None]

    def _hits(self, rows: Sequence[tuple[int, str]], build: Any) -> list[Hit[Any]]:
        heads: dict[int, tuple[str | None, dt.date | None, dict[str, Actor]]] = {}
        out = []
        for article_id, record in rows:
            if article_id not in heads:
                heads[article_id] = self._head(article_id)
            title, published, actors = heads[article_id]
            out.append(Hit(article_id, title, published, build(json.loads(record), actors)))
        return out

    def _head(self, article_id: int) -> tuple[str | None, dt.date | None, dict[str, Actor]]:
        title, published = self._conn.execute(
            "SELECT title, published FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        actors: dict[str, Actor] = {}
        rows = self._conn.execute(
            "SELECT x.local_id, a.id, a.name, a.kind, a.country, a.gender, a.roles "
            "FROM article_actors x JOIN actors a ON a.id = x.actor_id WHERE x.article_id = ?",
            (article_id,),
        ).fetchall()
        for local_id, *entry in rows:
            actors[local_id] = _registry.actor_from_row(self._conn, tuple(entry))
        return title, None if published is None else dt.date.fromisoformat(published), actors


def _drain(queue: deque[Added | ParseError]) -> Iterator[Added | ParseError]:
    while queue:
        yield queue.popleft()


def _peek(record: Any, published: Published) -> str | None:
    """The lookup hash of an input record before parsing; None when it cannot be read."""
    own: Any = None
    if isinstance(record, str):
        text: Any = record
    elif isinstance(record, tuple) and len(record) == 2:
        text, own = record
    elif isinstance(record, Mapping):
        text, own = record.get("text"), record.get("published")
    else:
        return None
    if not isinstance(text, str):
        return None
    try:
        return _hash(text, parse_published(published if own is None else own))
    except BelnewsError:
        return None


def _event_days(event: Event, published: str | None) -> tuple[str | None, str | None]:
    if event.date is not None:
        try:
            return _day_range(event.date)
        except ValueError:  # a date value the stage could not resolve to a calendar day
            pass
    return published, published


def _store_parts(conn: sqlite3.Connection, article_id: int, article: Article) -> None:
    ids = {}
    for actor in article.actors:
        ids[actor.id] = _registry.register(conn, actor)
    conn.executemany(
        "INSERT OR IGNORE INTO article_actors (article_id, local_id, actor_id, mentions) VALUES (?, ?, ?, ?)",
        [(article_id, a.id, ids[a.id], len(a.mentions)) for a in article.actors],
    )
    conn.executemany(
        "INSERT INTO quotes (article_id, seq, speaker_id, kind, text, record) VALUES (?, ?, ?, ?, ?, ?)",
        [
            (
                article_id,
                seq,
                None if q.speaker is None else ids.get(q.speaker.id),
                q.kind.value,
                q.text,
                json.dumps(q.to_dict(), ensure_ascii=False),
            )
            for seq, q in enumerate(article.quotes)
        ],
    )
    published = None if article.published is None else article.published.isoformat()
    for seq, event in enumerate(article.events):
        day_from, day_to = _event_days(event, published)
        cursor = conn.execute(
            "INSERT INTO events (article_id, seq, kind, day_from, day_to, location_id, count, record) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                article_id,
                seq,
                event.kind.value,
                day_from,
                day_to,
                None if event.location is None else ids.get(event.location.id),
                None if event.count is None else float(event.count.value),
                json.dumps(event.to_dict(), ensure_ascii=False),
            ),
        )
        roles = [("actor", a) for a in event.actors] + [("target", a) for a in event.targets]
        conn.executemany(
            "INSERT OR IGNORE INTO event_actors (event_id, actor_id, role) VALUES (?, ?, ?)",
            [(cursor.lastrowid, ids[a.id], role) for role, a in roles if a.id in ids],
        )
    conn.executemany(
        "INSERT INTO dates (article_id, seq, text, value, precision, day_from, day_to) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [
            (article_id, seq, d.text, d.value, d.precision.value, *days)
            for seq, d, days in _date_rows(article)
        ],
    )


def _date_rows(article: Article) -> Iterator[tuple[int, DateRef, tuple[str, str]]]:
    for seq, date in enumerate(article.dates):
        try:
            yield seq, date, _day_range(date)
        except ValueError:
            continue
