"""The corpus commands of the command line: ``index``, ``quotes``, ``events``, ``actors``."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from belnews.corpus import Corpus, Hit
from belnews.errors import BelnewsError
from belnews.model import Actor, Event, Quote
from belnews.parallel import ParseError, Record
from belnews.pipeline import parse_published

__all__ = ["COMMANDS", "add_commands"]

_WIDEST = 72  # the last column of a table is cut to this many characters


def add_commands(sub: Any) -> None:
    """Add the corpus commands to the ``belnews`` argument parser's sub-parsers."""
    p = sub.add_parser("index", help="parse a directory of .txt files or a JSON-lines file into a corpus")
    p.add_argument("source", metavar="DIR_OR_JSONL", help="a directory of .txt files, or a .jsonl file")
    _db(p)
    p.add_argument("--workers", type=int, default=None, metavar="N", help="processes (default: every core)")
    p.add_argument("--published", metavar="DATE", help="publication date of records that give none")
    p = sub.add_parser("quotes", help="quotes by a speaker, in any spelling")
    p.add_argument("speaker", nargs="?", metavar="NAME", help="a name in any spelling, or an actor id")
    p.add_argument("--since", metavar="DATE", help="articles published on or after DATE")
    p.add_argument("--until", metavar="DATE", help="articles published on or before DATE")
    _db(p)
    _format(p)
    p = sub.add_parser("events", help="events by kind, date, place and actor, in date order")
    p.add_argument("--kind", help="an event kind: protest, arrest, meet, ...")
    p.add_argument("--since", metavar="DATE", help="events on or after DATE")
    p.add_argument("--until", metavar="DATE", help="events on or before DATE")
    p.add_argument("--location", metavar="PLACE", help="a place in any spelling")
    p.add_argument("--actor", metavar="NAME", help="an actor (or target) in any spelling")
    _db(p)
    _format(p)
    p = sub.add_parser("actors", help="the corpus's actors by name, in any spelling")
    p.add_argument("name", nargs="?", metavar="NAME", help="a name in any spelling, or an actor id")
    p.add_argument("--kind", help="person, organization, country, location or group")
    _db(p)
    _format(p)


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", required=True, metavar="FILE", help="the corpus file (SQLite)")


def _format(p: argparse.ArgumentParser) -> None:
    p.add_argument("--format", choices=("table", "jsonl"), default="table", help="table (default) or jsonl")


# -- index ------------------------------------------------------------------------------


def _sources(source: Path) -> tuple[list[str], Iterator[Record | None]]:
    """The names of the input records and the records (None: unreadable, already reported)."""
    if source.is_dir():
        files = sorted(source.rglob("*.txt"))
        return [str(f) for f in files], (_read_text(f) for f in files)
    if source.is_file():
        with source.open(encoding="utf-8") as lines:
            count = sum(1 for line in lines if line.strip())
        return [f"{source}:{n}" for n in range(1, count + 1)], _read_jsonl(source)
    raise BelnewsError(f"no such directory or file: {source}")


def _read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        _warn(f"{path}: cannot read: {exc}")
        return None


def _read_jsonl(path: Path) -> Iterator[Record | None]:
    with path.open(encoding="utf-8") as lines:
        number = 0
        for line in lines:
            if not line.strip():
                continue
            number += 1
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                _warn(f"{path}:{number}: not JSON: {exc.msg}")
                yield None
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                _warn(f'{path}:{number}: a record needs a "text" string')
                yield None
                continue
            yield record


def _warn(message: str) -> None:
    print(f"belnews: {message}", file=sys.stderr)


def _progress(done: int, total: int, err: TextIO) -> None:
    width = 30
    filled = width * done // max(total, 1)
    err.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    err.flush()


def _index_cmd(args: argparse.Namespace) -> int:
    published = parse_published(args.published)
    if args.workers is not None and args.workers < 1:
        raise BelnewsError(f"--workers must be at least 1, got {args.workers}")
    names, records = _sources(Path(args.source))
    skipped: list[int] = []

    def readable() -> Iterator[Record]:
        for index, record in enumerate(records):
            if record is None:
                skipped.append(index)
            else:
                yield record

    new = old = failed = 0
    tty = sys.stderr.isatty()
    with Corpus(args.db) as corpus:
        try:
            for result in corpus.add_many(readable(), published=published, workers=args.workers):
                if isinstance(result, ParseError):
                    failed += 1
                    _warn(f"{_name(names, skipped, result.index)}: {result.error_type}: {result.message}")
                elif result.new:
                    new += 1
                else:
                    old += 1
                if tty:
                    _progress(new + old + failed + len(skipped), len(names), sys.stderr)
        except KeyboardInterrupt:
            _warn(f"interrupted: {new} new articles are committed; run the same command to resume")
            return 130
        finally:
            if tty:
                sys.stderr.write("\n")
        total = len(corpus)
    failed += len(skipped)
    _warn(f"{new} new, {old} already indexed, {failed} failed; the corpus holds {total} articles")
    return 1 if failed else 0


def _name(names: Sequence[str], skipped: Sequence[int], index: int) -> str:
    """The name of the ``index``-th readable record (unreadable ones were never fed)."""
    gaps = set(skipped)
    readable = (n for i, n in enumerate(names) if i not in gaps)
    return next((n for i, n in enumerate(readable) if i == index), f"record {index}")


# -- queries ----------------------------------------------------------------------------


def _open(args: argparse.Namespace) -> Corpus:
    return Corpus(args.db, create=False)


def _cut(text: str, width: int = _WIDEST) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], out: TextIO) -> None:
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(headers)]
    for row in (headers, *rows):
        out.write("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=False)).rstrip() + "\n")


def _jsonl(records: Sequence[dict[str, Any]], out: TextIO) -> None:
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _head(hit: Hit[Any]) -> dict[str, Any]:
    published = None if hit.published is None else hit.published.isoformat()
    return {"article_id": hit.article_id, "title": hit.title, "published": published}


def _names(actors: Sequence[Actor | None]) -> dict[str, str]:
    return {a.id: a.name for a in actors if a is not None}


def _quotes_cmd(args: argparse.Namespace) -> int:
    with _open(args) as corpus:
        hits: list[Hit[Quote]] = corpus.quotes(args.speaker, since=args.since, until=args.until)
    if args.format == "jsonl":
        _jsonl(
            [{**_head(h), "quote": h.record.to_dict(), "names": _names([h.record.speaker])} for h in hits],
            sys.stdout,
        )
        return 0
    rows = [
        [
            _day(h),
            str(h.article_id),
            "" if h.record.speaker is None else h.record.speaker.name,
            h.record.kind.value,
            _cut(h.record.text),
        ]
        for h in hits
    ]
    _table(["published", "article", "speaker", "kind", "quote"], rows, sys.stdout)
    return 0


def _day(hit: Hit[Any]) -> str:
    return "" if hit.published is None else hit.published.isoformat()


def _events_cmd(args: argparse.Namespace) -> int:
    with _open(args) as corpus:
        hits: list[Hit[Event]] = corpus.events(
            args.kind, since=args.since, until=args.until, location=args.location, actor=args.actor
        )
    if args.format == "jsonl":
        _jsonl(
            [
                {
                    **_head(h),
                    "event": h.record.to_dict(),
                    "names": _names([*h.record.actors, *h.record.targets, h.record.location]),
                }
                for h in hits
            ],
            sys.stdout,
        )
        return 0
    rows = []
    for h in hits:
        e = h.record
        rows.append(
            [
                _day(h) if e.date is None else e.date.value,
                e.kind.value + ("" if e.mode is None else f"/{e.mode}"),
                "" if e.location is None else e.location.name,
                "" if e.count is None else f"{e.count.value:,}",
                ", ".join(a.name for a in e.actors),
                str(h.article_id),
                _cut(e.evidence, 60),
            ]
        )
    _table(["date", "kind", "location", "count", "actors", "article", "evidence"], rows, sys.stdout)
    return 0


def _actors_cmd(args: argparse.Namespace) -> int:
    with _open(args) as corpus:
        found = corpus.actors(args.name, kind=args.kind)
    if args.format == "jsonl":
        _jsonl([a.to_dict() for a in found], sys.stdout)
        return 0
    rows = [[a.id, a.kind.value, a.name, a.country or "", _cut(", ".join(a.aliases), 50)] for a in found]
    _table(["id", "kind", "name", "country", "aliases"], rows, sys.stdout)
    return 0


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "index": _index_cmd,
    "quotes": _quotes_cmd,
    "events": _events_cmd,
    "actors": _actors_cmd,
}
