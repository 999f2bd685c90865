from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from belnews.cli import main
from belnews.corpus import Corpus
from tests.conftest import EXAMPLES, seed_paths
from tests.test_corpus import FIRST, SECOND


def test_parse_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(EXAMPLES / "article.txt"), "--published", "2025-11-18"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["published"] == "2025-11-18"
    assert record["title"]


def test_jsonl_for_several(capsys: pytest.CaptureFixture[str]) -> None:
    path = str(EXAMPLES / "article.txt")
    assert main(["parse", path, path, "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and all(json.loads(x)["title"] for x in lines)


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Headline\n\nBody text here."))
    assert main(["parse", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "Headline"


@pytest.mark.parametrize(
    "argv, message",
    [
        (["parse", "no/such/file.txt"], "no such file"),
        (["parse", str(EXAMPLES / "article.txt"), "--published", "soon"], "published"),
    ],
)
def test_bad_input_exits_2(argv: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_python_dash_m() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "belnews", "parse", str(EXAMPLES / "article.txt")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert json.loads(out)["text"]


# -- the corpus commands ------------------------------------------------------------------

SHORT = {
    "strike.txt": "Strike at the tractor works\n\nWorkers in Minsk walked out on Monday.",
    "talks.txt": "Talks in Sochi\n\nThe two presidents met for four hours.",
}


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in SHORT.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "example.txt").write_text(
        (EXAMPLES / "article.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    for seed in seed_paths():
        (folder / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


def _index(source: Path, db: Path, *extra: str) -> int:
    return main(["index", str(source), "--db", str(db), "--workers", "1", *extra])


def test_index_a_directory_and_resume(
    articles: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "c.sqlite"
    count = len(list(articles.glob("*.txt")))
    assert _index(articles, db) == 0
    assert f"{count} new, 0 already indexed, 0 failed" in capsys.readouterr().err
    assert _index(articles, db, "--published", "2020-09-14") == 0  # other dates: other articles
    assert f"{count} new" in capsys.readouterr().err
    assert _index(articles, db) == 0
    assert f"0 new, {count} already indexed" in capsys.readouterr().err
    with Corpus(db) as corpus:
        assert len(corpus) == 2 * count


def test_index_jsonl_reports_bad_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "news.jsonl"
    lines = [
        json.dumps({"text": SHORT["strike.txt"], "published": "2021-03-25"}),
        "{not json",
        json.dumps({"text": "   "}),
        json.dumps({"title": "no text"}),
        json.dumps({"text": SHORT["talks.txt"], "published": "2020-09-14", "url": "https://example.org/t"}),
    ]
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = tmp_path / "c.sqlite"
    assert main(["index", str(source), "--db", str(db), "--workers", "2"]) == 1
    err = capsys.readouterr().err
    assert f"{source}:2: not JSON" in err
    assert f"{source}:3: EmptyTextError" in err
    assert f'{source}:4: a record needs a "text" string' in err
    assert "2 new, 0 already indexed, 3 failed" in err
    with Corpus(db) as corpus:
        assert {corpus.article(i).published for i in (1, 2)} == {dt.date(2021, 3, 25), dt.date(2020, 9, 14)}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "c.sqlite"
    with Corpus(path) as corpus:
        corpus.add_article(FIRST)
        corpus.add_article(SECOND)
    return path


def test_quotes_table(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes", "Anna Kavalenka", "--db", str(db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["published", "article", "speaker", "kind", "quote"]
    assert lines[1].split()[:2] == ["2020-08-10", "1"] and lines[1].endswith("We will not leave")
    # "Anna Kovalenko" in the second article is the same person, spelled the Russian way
    assert lines[2].split()[:2] == ["2020-09-02", "2"] and lines[2].endswith("the pressure is working")
    assert len(lines) == 3
    assert lines[0].index("quote") == lines[1].index("We will")  # aligned columns


def test_quotes_jsonl(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes", "--db", str(db), "--format", "jsonl"]) == 0
    records = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert [r["quote"]["text"] for r in records] == ["We will not leave", "the pressure is working", "I stay"]
    assert records[0]["names"] == {"person:anna-kavalenka": "Anna Kavalenka"}
    assert records[1]["published"] == "2020-09-02"


def test_events_filters(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["events", "--kind", "protest", "--since", "2020-08-01", "--location", "Grodno", "--db", str(db)]
    assert main(argv) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and lines[1].split()[:4] == ["2020-08-09", "protest", "Grodno", "2,000"]
    assert main(["events", "--until", "2020-08-31", "--db", str(db), "--format", "jsonl"]) == 0
    (record,) = [json.loads(x) for x in capsys.readouterr().out.splitlines()]
    assert record["event"]["kind"] == "protest" and record["names"]["location:grodno"] == "Grodno"


def test_actors_table(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["actors", "Grodno", "--db", str(db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split()[:4] == ["location:grodno", "location", "Grodno", "BY"]


@pytest.mark.parametrize(
    "argv, message",
    [
        (["quotes", "X", "--db", "no/such.sqlite"], "no corpus at no/such.sqlite"),
        (["events", "--kind", "protst"], "unknown event kind 'protst'"),
        (["events", "--since", "1 Aug 2020"], "since must be an ISO date"),
        (["actors", "--kind", "people"], "unknown actor kind 'people'"),
        (["index", "no/such/dir"], "no such directory or file"),
    ],
)
def test_corpus_commands_bad_input(
    argv: list[str], message: str, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if "--db" not in argv:
        argv = [*argv, "--db", str(db)]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1
