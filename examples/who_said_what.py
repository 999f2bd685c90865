"""Parse one article and print who said what.

    python examples/who_said_what.py [ARTICLE.txt] [--published YYYY-MM-DD]

Without a file it reads examples/article.txt (published 2025-11-18).
"""

from __future__ import annotations

import argparse
from pathlib import Path

import belnews

HERE = Path(__file__).resolve().parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("article", nargs="?", type=Path, default=HERE / "article.txt")
    ap.add_argument("--published", default="2025-11-18", help="publication date, ISO")
    args = ap.parse_args()

    article = belnews.parse_article(args.article.read_text(encoding="utf-8"), published=args.published)
    print(article.title)
    print("=" * len(article.title or ""))
    for quote in article.quotes:
        who = (
            quote.speaker.name if quote.speaker else f"(unattributed: {quote.speaker_text or 'nobody named'})"
        )
        text = f"\u201c{quote.text}\u201d" if quote.kind is belnews.QuoteKind.DIRECT else quote.text
        print(f"{who} [{quote.kind.value}]: {text}")


if __name__ == "__main__":
    main()
