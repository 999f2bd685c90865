"""The command line.

- ``belnews parse FILE... [--published DATE] [--format json|jsonl]``: print parsed articles.
- ``belnews index DIR_OR_JSONL --db FILE [--workers N] [--published DATE]``: parse a directory
  of ``.txt`` files or a JSON-lines file of ``{"text": ..., "published": ...}`` records into
  a corpus; run it again to resume an interrupted run.
- ``belnews quotes [NAME] --db FILE``, ``belnews events [--kind K] [--since D] [--until D]
  [--location PLACE] [--actor NAME] --db FILE``, ``belnews actors [NAME] --db FILE``: query
  it, as an aligned table or, with ``--format jsonl``, one JSON record a line.

``-`` reads standard input. Bad input exits with status 2 and a one-line message.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from belnews._cli_corpus import COMMANDS as _CORPUS_COMMANDS
from belnews._cli_corpus import add_commands as _corpus_commands
from belnews.errors import BelnewsError
from belnews.pipeline import parse_article, parse_published

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="belnews",
        description="Turn English news about Belarus and its neighbours into structured data.",
    )
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="parse articles and print them as JSON")
    p.add_argument("files", nargs="+", metavar="FILE", help="article text files; - for stdin")
    p.add_argument("--published", metavar="DATE", help="publication date, ISO (2020-09-14)")
    p.add_argument(
        "--format",
        choices=("json", "jsonl"),
        default=None,
        help="json: one indented document (a list for several files); jsonl: one line each",
    )
    _corpus_commands(sub)
    return ap


def _read(name: str) -> str:
    if name == "-":
        return sys.stdin.read()
    path = Path(name)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise BelnewsError(f"no such file: {name}") from None
    except IsADirectoryError:
        raise BelnewsError(f"{name} is a directory, not an article file") from None
    except UnicodeDecodeError:
        raise BelnewsError(f"{name} is not UTF-8 text") from None


def _parse_cmd(args: argparse.Namespace) -> int:
    published = parse_published(args.published)
    records = []
    for name in args.files:
        text = _read(name)
        try:
            article = parse_article(text, published=published)
        except BelnewsError as exc:
            raise BelnewsError(f"{name}: {exc}") from None
        records.append(article.to_dict())
    fmt = args.format or ("json" if len(records) == 1 else "jsonl")
    out = sys.stdout
    if fmt == "jsonl":
        for rec in records:
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
    else:
        doc = records[0] if len(records) == 1 else records
        out.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "parse":
            return _parse_cmd(args)
        return _CORPUS_COMMANDS[args.command](args)
    except BelnewsError as exc:
        print(f"belnews: error: {exc}", file=sys.stderr)
        return 2
