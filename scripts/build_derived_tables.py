"""Write the tables of belnews/data that are computed from other tables, ahead of time.

- ``people_index.json``: the family-name keys of the people gazetteer (people.json). The
  lookup index of ``belnews.names`` needs the key of every name form; computing them means
  parsing some 1,400 names, a large part of a first parse_article.
- ``given_index.json``: the phonetic keys of every spelling of given_names.json, which every
  name parse needs (some 550 spellings to fold).
- ``furniture_index.json``: furniture.json's patterns with their ``{DEFS}`` expanded, split
  into alternatives, each with the characters and three-character heads it can begin with
  (what lets a line compile only the few patterns that could fit it).

Each file records the checksums of the tables it was computed from; the library uses it only
while they hold (and computes the same thing itself otherwise), and tests fail when a file
differs from what the code computes. Run this after editing a source table or the code that
derives from it. ``--check`` only reports whether the files are up to date (exit status 1 if not).

Usage: python scripts/build_derived_tables.py [--check]
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from belnews import _furniture  # noqa: E402
from belnews.names import _gazetteer, _given  # noqa: E402

DATA = ROOT / "belnews" / "data"
# file -> the function computing its generated fields; "about" and "samples" are kept as written
TABLES: dict[str, Callable[[], dict[str, Any]]] = {
    _gazetteer.PEOPLE_INDEX: _gazetteer.computed_index_fields,
    _given.GIVEN_INDEX: _given.computed_index_fields,
    _furniture.FURNITURE_INDEX: _furniture.computed_index_fields,
}


def render(table: dict[str, Any]) -> str:
    """The file's text: one entry per line, so a change reads as a small diff."""
    lines = []
    for name, value in table.items():
        if isinstance(value, dict) and name != "sources_crc32":
            inner = [
                f"  {json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}"
                for k, v in value.items()
            ]
            lines.append(f" {json.dumps(name)}: {{\n" + ",\n".join(inner) + "\n }")
        elif isinstance(value, list) and name != "samples" and value:
            inner = [f"  {json.dumps(v, ensure_ascii=False)}" for v in value]
            lines.append(f" {json.dumps(name)}: [\n" + ",\n".join(inner) + "\n ]")
        else:
            lines.append(f" {json.dumps(name)}: {json.dumps(value, ensure_ascii=False)}")
    return "{\n" + ",\n".join(lines) + "\n}\n"


def build(name: str) -> str:
    """The text ``name`` should have: its hand-written fields, then the computed ones."""
    path = DATA / name
    old: dict[str, Any] = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    return render({"about": old.get("about", ""), "samples": old.get("samples", []), **TABLES[name]()})


def main(argv: list[str]) -> int:
    stale = []
    for name in TABLES:
        path = DATA / name
        text = build(name)
        current = path.read_text(encoding="utf-8") if path.is_file() else ""
        if text == current:
            print(f"{name}: up to date")
        elif "--check" in argv:
            print(f"{name}: STALE: run scripts/build_derived_tables.py")
            stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"{name}: written")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
