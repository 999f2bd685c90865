"""Export the events of articles to CSV, one row per event, for a spreadsheet.

    python examples/events_to_csv.py [ARTICLE.txt ...] [--published YYYY-MM-DD] [-o events.csv]

Without files it reads every examples/*.txt; without -o it writes to standard output.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path
from typing import TextIO

import belnews

HERE = Path(__file__).resolve().parent
COLUMNS = [
    "article",
    "kind",
    "cameo",
    "mode",
    "date",
    "precision",
    "location",
    "actors",
    "targets",
    "count",
    "qualifier",
    "negated",
    "hypothetical",
    "future",
    "evidence",
]


def rows(path: Path, article: belnews.Article) -> list[dict[str, object]]:
    """One CSV row per event of the article."""
    out: list[dict[str, object]] = []
    for event in article.events:
        out.append(
            {
                "article": path.name,
                "kind": event.kind.value,
                "cameo": event.cameo,
                "mode": event.mode or "",
                "date": event.date.value if event.date else "",
                "precision": event.date.precision.value if event.date else "",
                "location": event.location.name if event.location else "",
                "actors": "; ".join(a.name for a in event.actors),
                "targets": "; ".join(a.name for a in event.targets),
                "count": event.count.value if event.count else "",
                "qualifier": event.count.qualifier.value if event.count else "",
                "negated": event.negated,
                "hypothetical": event.hypothetical,
                "future": event.future,
                "evidence": event.evidence,
            }
        )
    return out


def write(paths: list[Path], published: str, out: TextIO) -> None:
    """Parse the articles and write their events to ``out`` as CSV."""
    texts = [p.read_text(encoding="utf-8") for p in paths]
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    for path, result in zip(paths, belnews.parse_many(texts, published=published, workers=1), strict=True):
        if isinstance(result, belnews.ParseError):
            print(f"{path}: {result.error_type}: {result.message}", file=sys.stderr)
            continue
        writer.writerows(rows(path, result))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("articles", nargs="*", type=Path)
    ap.add_argument("--published", default="2025-11-18", help="publication date, ISO")
    ap.add_argument("-o", "--output", type=Path, help="the CSV file (default: standard output)")
    args = ap.parse_args()

    paths = args.articles or sorted(HERE.glob("*.txt"))
    if args.output is None:
        write(paths, args.published, sys.stdout)
    else:
        with open(args.output, "w", encoding="utf-8", newline="") as out:
            write(paths, args.published, out)


if __name__ == "__main__":
    main()
