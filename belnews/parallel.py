"""``parse_many``: many articles on every core, results in input order, failures as records.

>>> from belnews.parallel import parse_many
>>> results = list(parse_many(["Minsk protests grow\\n\\nThousands marched.", "   "], workers=1))
>>> results[0].title
'Minsk protests grow'
>>> results[1]
ParseError(index=1, error_type='EmptyTextError', message='the article text is empty: nothing to parse')
"""

from __future__ import annotations

import datetime as dt
import os
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import Any, TypeAlias

import attrs

from belnews.errors import InputTypeError
from belnews.model import Article
from belnews.pipeline import parse_article

__all__ = ["ParseError", "Record", "parse_many", "parse_record"]

Published: TypeAlias = dt.date | dt.datetime | str | None

#: One input: the text alone, a ``(text, published)`` pair, or a mapping with the keys
#: ``text`` and optionally ``published`` and ``url`` (a JSON-lines record, say).
Record: TypeAlias = str | tuple[str, Published] | Mapping[str, Any]


@attrs.frozen
class ParseError:
    """An article that could not be parsed: which one (its position in the input) and why.

    >>> ParseError(3, "EmptyTextError", "the article text is empty: nothing to parse").index
    3
    """

    index: int
    error_type: str
    message: str


@attrs.frozen
class _Job:
    """What a worker receives: plain values only, so it pickles cheaply."""

    index: int
    text: Any
    published: Published
    url: Any


def _job(index: int, record: Any, published: Published) -> _Job:
    if isinstance(record, (str, bytes, bytearray)):  # parse_article explains bytes
        return _Job(index, record, published, None)
    if isinstance(record, tuple) and len(record) == 2:
        return _Job(index, record[0], published if record[1] is None else record[1], None)
    if isinstance(record, Mapping):
        if "text" not in record:
            raise InputTypeError("a mapping record needs a 'text' key")
        own = record.get("published")
        return _Job(index, record["text"], published if own is None else own, record.get("url"))
    raise InputTypeError(
        "each record must be a str, a (text, published) pair or a mapping with a 'text' key, "
        f"not {type(record).__name__}"
    )


def _parse(job: _Job | ParseError) -> Article | ParseError:
    if isinstance(job, ParseError):
        return job
    try:
        return parse_article(job.text, published=job.published, url=job.url)
    except Exception as exc:  # one bad article must not stop the others
        return ParseError(job.index, type(exc).__name__, str(exc))


def _parse_chunk(jobs: list[_Job | ParseError]) -> list[Article | ParseError]:
    return [_parse(job) for job in jobs]


def _jobs(records: Iterable[Record], published: Published) -> Iterator[_Job | ParseError]:
    for index, record in enumerate(records):
        try:
            yield _job(index, record, published)
        except InputTypeError as exc:
            yield ParseError(index, type(exc).__name__, str(exc))


def _pooled(
    jobs: Iterator[_Job | ParseError], workers: int, chunksize: int
) -> Iterator[Article | ParseError]:
    # A bounded window of chunks in flight: the input is read lazily (a generator over
    # millions of files works) and memory stays flat, while results come back in order.
    # A consumer that stops early cancels the chunks not yet started.
    window = 2 * workers
    pool = ProcessPoolExecutor(max_workers=workers)
    try:
        pending: deque[Future[list[Article | ParseError]]] = deque()
        while True:
            while len(pending) < window:
                chunk = list(islice(jobs, chunksize))
                if not chunk:
                    break
                pending.append(pool.submit(_parse_chunk, chunk))
            if not pending:
                return
            yield from pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def parse_record(record: Record, *, published: Published = None, index: int = 0) -> dict[str, Any]:
    """Parse one record into a JSON-ready dict, never raising: the unit of work for Dask or Spark.

    A distributed engine pickles the function it maps and the records it ships; this one
    pickles by reference (a few dozen bytes) and takes plain values, and the parser's
    tables load once per worker process, on its first article, as they are cached.

    Args:
        record: a ``str``, a ``(text, published)`` pair, or a mapping with ``text`` and
            optionally ``published`` and ``url``, as :func:`parse_many` takes.
        published: the publication date when the record carries none.
        index: the record's position in the corpus, reported if it fails.

    Returns:
        ``Article.to_dict()`` of the parsed article, or, when it fails,
        ``{"error": {"index": ..., "error_type": ..., "message": ...}, "url": ...}``.

    >>> parse_record({"text": "Talks in Sochi\\n\\nThe leaders met.", "url": "u1"})["title"]
    'Talks in Sochi'
    >>> failed = parse_record({"text": " ", "url": "u2"}, index=7)
    >>> failed["error"]["index"], failed["error"]["error_type"], failed["url"]
    (7, 'EmptyTextError', 'u2')
    """
    try:
        job: _Job | ParseError = _job(index, record, published)
    except InputTypeError as exc:
        job = ParseError(index, type(exc).__name__, str(exc))
    result = _parse(job)
    if isinstance(result, Article):
        return result.to_dict()
    url = job.url if isinstance(job, _Job) and isinstance(job.url, str) else None
    return {"error": attrs.asdict(result), "url": url}


def parse_many(
    texts: Iterable[Record],
    *,
    published: Published = None,
    workers: int | None = None,
    chunksize: int = 16,
) -> Iterator[Article | ParseError]:
    """Parse many articles, on several processes, yielding results in input order.

    Each result is an :class:`~belnews.Article`, or a :class:`ParseError` saying which
    article (its index in the input) failed and why; the other articles go on.

    Args:
        texts: the articles: each a ``str``, a ``(text, published)`` pair, or a mapping
            with ``text`` and optionally ``published`` and ``url`` (a JSON-lines record).
            Read lazily, so a generator over a large archive is fine.
        published: the publication date for records that do not carry their own.
        workers: how many processes; ``None`` uses every core (``os.cpu_count()``),
            ``1`` parses in this process with no pool at all.
        chunksize: how many articles a worker takes at a time. Larger chunks cost less
            in coordination; smaller ones balance uneven articles better.

    Returns:
        An iterator of ``Article | ParseError``, one per input record, in input order.

    Raises:
        ValueError: ``workers`` or ``chunksize`` is less than 1.

    >>> pairs = [("Talks in Sochi\\n\\nThe leaders met on Monday.", "2020-09-14")]
    >>> [a.published for a in parse_many(pairs, workers=1)]
    [datetime.date(2020, 9, 14)]
    >>> next(parse_many([b"bytes"], workers=1)).error_type
    'InputTypeError'
    """
    n = (os.cpu_count() or 1) if workers is None else workers
    if n < 1:
        raise ValueError(f"workers must be at least 1, got {workers}")
    if chunksize < 1:
        raise ValueError(f"chunksize must be at least 1, got {chunksize}")
    jobs = _jobs(texts, published)
    if n == 1:
        return map(_parse, jobs)
    return _pooled(jobs, n, chunksize)
