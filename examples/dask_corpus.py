"""Parse a corpus with a Dask bag and write the articles as JSON lines.

Needs the ``dask`` extra: ``pip install 'belnews[dask]'``. Run it as::

    python examples/dask_corpus.py SOURCE OUT_DIR [--published 2020-09-14]
        [--scheduler processes|threads|sync] [--workers N] [--partitions N]

``SOURCE`` is a directory of ``.txt`` articles (headline first) or a JSON-lines file (or a
glob of them, ``'archive/*.jsonl'``) with one record a line: ``{"text": ..., "published":
..., "url": ...}``, ``text`` required. ``OUT_DIR`` receives one ``part-NNNNN.jsonl`` per
partition: a line per article, ``Article.to_dict()``, or ``{"error": {...}, "url": ...}``
for an article that failed (the others go on; its ``url`` tells which, so give JSON-lines
records one). Partitions keep the input order.

What the workers receive is small: file names (each worker reads its own files) or the
records themselves, and the library function :func:`belnews.parallel.parse_record`, which
pickles by reference. belnews's data tables are never shipped: each worker process loads
them on its first article and keeps them (they are cached functions).

On a cluster, create a ``dask.distributed.Client`` and call ``run(source, out_dir,
scheduler=None)`` from Python; the paths must then be readable from every worker (a shared
file system, or an ``s3://`` glob, which ``dask.bag.read_text`` reads through fsspec).
benchmarks/SCALING.md shows this and the same job on Spark.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import dask.bag as db

from belnews.parallel import Record, parse_record


def read_txt(path: str) -> dict[str, Any]:
    """One ``.txt`` article as a record, read where the task runs (on the worker)."""
    return {"text": Path(path).read_text(encoding="utf-8"), "url": Path(path).as_uri()}


def is_error(result: dict[str, Any]) -> bool:
    return "error" in result


def records_bag(source: str | Path, *, partitions: int | None = None) -> db.Bag:
    """The corpus as a bag of records: from a directory of ``.txt`` files or from JSON lines."""
    path = Path(source)
    if path.is_dir():
        names = sorted(str(p) for p in path.glob("*.txt"))
        if not names:
            raise SystemExit(f"no .txt files in {path}")
        return db.from_sequence(names, npartitions=partitions or min(len(names), 100)).map(read_txt)
    records = db.read_text(str(source)).filter(str.strip).map(json.loads)  # a partition per file
    return records if partitions is None else records.repartition(partitions)


def parse_bag(records: db.Bag | Iterable[Record], *, published: str | None = None) -> db.Bag:
    """Parse every record of ``records`` (a bag, or a plain sequence made into one)."""
    bag = records if isinstance(records, db.Bag) else db.from_sequence(list(records))
    return bag.map(parse_record, published=published)


def run(
    source: str | Path,
    out_dir: str | Path,
    *,
    published: str | None = None,
    scheduler: str | None = "processes",
    workers: int | None = None,
    partitions: int | None = None,
) -> dict[str, int]:
    """Parse ``source`` into ``out_dir/part-NNNNN.jsonl``; return how many articles and errors.

    ``scheduler`` is a Dask scheduler name (``"processes"``, ``"threads"``, ``"sync"``), or
    ``None`` for Dask's default, which is the cluster once a ``dask.distributed.Client``
    has been created.
    """
    results = parse_bag(records_bag(source, partitions=partitions), published=published)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    for stale in out.glob("part-*.jsonl"):  # a previous run's files: replaced, not mixed in
        stale.unlink()
    results.map(json.dumps, ensure_ascii=False).to_textfiles(
        str(out / "part-*.jsonl"),
        name_function=lambda n: f"{n:05d}",
        encoding="utf-8",
        last_endline=True,
        scheduler=scheduler,
        num_workers=workers,
    )
    # Count from the files: computing counts on the bag as well would parse everything twice.
    total = errors = 0
    for part in sorted(out.glob("part-*.jsonl")):
        with part.open(encoding="utf-8") as lines:
            for line in lines:
                total += 1
                errors += line.startswith('{"error":')
    return {"articles": total - errors, "errors": errors}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("source", help="a directory of .txt files, or a JSON-lines file or glob")
    ap.add_argument("out_dir", help="where part-NNNNN.jsonl files are written")
    ap.add_argument("--published", help="publication date for records without one (ISO)")
    ap.add_argument(
        "--scheduler",
        default="processes",
        choices=("processes", "threads", "sync"),
        help="Dask's local scheduler (default processes; for a cluster, call run() with a Client)",
    )
    ap.add_argument("--workers", type=int, help="worker processes or threads (default: every core)")
    ap.add_argument("--partitions", type=int, help="how many partitions to split the corpus into")
    args = ap.parse_args(argv)
    counts = run(
        args.source,
        args.out_dir,
        published=args.published,
        scheduler=args.scheduler,
        workers=args.workers,
        partitions=args.partitions,
    )
    print(f"{counts['articles']} articles parsed, {counts['errors']} failed; JSON lines in {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
