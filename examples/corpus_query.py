"""Build a corpus from the example articles and find quotes by a speaker in another spelling.

    python examples/corpus_query.py ["Svetlana Tikhanovskaya"]

The corpus is an SQLite file in a temporary directory, removed at the end.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import belnews

HERE = Path(__file__).resolve().parent


def main() -> None:
    speaker = sys.argv[1] if len(sys.argv) > 1 else "Svetlana Tikhanovskaya"
    with tempfile.TemporaryDirectory() as tmp, belnews.Corpus(Path(tmp) / "news.db") as corpus:
        records = [
            {"text": p.read_text(encoding="utf-8"), "published": "2025-11-18"}
            for p in sorted(HERE.glob("*.txt"))
        ]
        for result in corpus.add_many(records, workers=1):
            if isinstance(result, belnews.ParseError):
                print(f"could not parse record {result.index}: {result.message}", file=sys.stderr)
        print(f"{len(corpus)} articles indexed")

        entries = corpus.actors(speaker, kind="person")
        if entries:
            spellings = ", ".join(sorted({entries[0].name, *entries[0].aliases}))
            print(f"{speaker!r} is {entries[0].name} ({entries[0].id}), written as: {spellings}")
        hits = corpus.quotes(speaker)
        print(f"{len(hits)} quotes by {speaker!r}:")
        for hit in hits:
            quote = hit.record
            name = quote.speaker.name if quote.speaker else "?"
            print(f"  {hit.published} | {hit.title} | {name} [{quote.kind.value}]: {quote.text}")


if __name__ == "__main__":
    main()
