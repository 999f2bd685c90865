"""The scripts in examples/ run, from any directory, and print what they promise."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

from tests.conftest import EXAMPLES


def _run(script: str, *args: str, cwd: Path) -> str:
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_who_said_what(tmp_path: Path) -> None:
    out = _run("who_said_what.py", cwd=tmp_path)
    lines = out.splitlines()
    assert lines[0] == "Belarus opposition leader urges EU to keep pressure on Minsk"
    said = {line.split(" [", 1)[0] for line in lines[2:]}
    assert {"Sviatlana Tsikhanouskaya", "Sergey Lavrov"} <= said
    assert any(line.startswith("Sergey Lavrov [direct]") and "Nobody in Minsk" in line for line in lines)


def test_who_said_what_reads_a_given_file(tmp_path: Path) -> None:
    article = tmp_path / "talks.txt"
    article.write_text(
        "Talks in Astana\n\nKazakh President Kassym-Jomart Tokayev met Chinese officials on Friday. "
        '"We have agreed on the route," Tokayev told reporters.\n',
        encoding="utf-8",
    )
    out = _run("who_said_what.py", str(article), "--published", "2024-05-20", cwd=tmp_path)
    assert out.splitlines()[0] == "Talks in Astana"
    assert any("Tokayev" in line and "agreed on the route" in line for line in out.splitlines()[2:])


def test_corpus_query_finds_quotes_under_another_spelling(tmp_path: Path) -> None:
    out = _run("corpus_query.py", cwd=tmp_path)
    assert "2 articles indexed" in out
    quotes = [line for line in out.splitlines() if line.startswith("  ")]
    assert quotes, out
    assert all("Sviatlana Tsikhanouskaya" in line for line in quotes)
    assert any("Every political prisoner released" in line for line in quotes)
    assert list(tmp_path.iterdir()) == []  # the corpus lived in a temporary directory


def test_corpus_query_in_cyrillic(tmp_path: Path) -> None:
    out = _run("corpus_query.py", "Сергей Лавров", cwd=tmp_path)
    assert any("Nobody in Minsk asked" in line for line in out.splitlines())


def _groups(table: str) -> dict[str, str]:
    """spelling -> person number, read from the aligned table (the last column)."""
    rows = table.splitlines()[1:]
    header = table.splitlines()[0]
    width = header.index("display name")
    return {row[:width].strip(): row.split()[-1] for row in rows}


def test_name_table_groups_the_spellings(tmp_path: Path) -> None:
    groups = _groups(_run("name_table.py", cwd=tmp_path))
    wife = {groups[n] for n in ("Svetlana Tikhanovskaya", "Sviatlana Tsikhanouskaya", "Святлана Ціханоўская")}
    husband = {groups[n] for n in ("Siarhei Tsikhanouski", "Sergei Tikhanovsky")}
    assert len(wife) == 1
    assert len(husband) == 1
    assert wife != husband
    assert groups["Aliaksandr Lukashenka"] == groups["Alexander Lukashenko"] == groups["Łukaszenka"]


def test_name_table_takes_names(tmp_path: Path) -> None:
    groups = _groups(
        _run("name_table.py", "Volodymyr Zelensky", "Владимир Зеленский", "Petro Poroshenko", cwd=tmp_path)
    )
    assert groups["Volodymyr Zelensky"] == groups["Владимир Зеленский"] != groups["Petro Poroshenko"]


def test_events_to_csv(tmp_path: Path) -> None:
    out = _run("events_to_csv.py", "-o", "events.csv", cwd=tmp_path)
    assert out == ""
    with (tmp_path / "events.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows
    assert {r["article"] for r in rows} <= {"article.txt", "wire.txt"}
    arrests = [r for r in rows if r["kind"] == "arrest" and r["article"] == "article.txt"]
    assert [(r["location"], r["count"], r["cameo"], r["date"]) for r in arrests] == [
        ("Minsk", "35", "17", "2025-11-15")
    ]
    assert all(r["evidence"] for r in rows)


def test_events_to_csv_on_stdout(tmp_path: Path) -> None:
    article = tmp_path / "strike.txt"
    article.write_text(
        "Strike spreads\n\nMore than 2,000 miners went on strike in Soligorsk on Monday.\n", encoding="utf-8"
    )
    out = _run("events_to_csv.py", str(article), "--published", "2021-03-10", cwd=tmp_path)
    rows = list(csv.DictReader(out.splitlines()))
    strike = next(r for r in rows if r["kind"] == "strike")
    assert (strike["count"], strike["qualifier"], strike["date"]) == ("2000", "more_than", "2021-03-08")
