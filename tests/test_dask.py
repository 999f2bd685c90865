"""Past one machine: ``parse_record`` (the unit of work for Dask or Spark) and the Dask example.

The Dask tests skip where the ``dask`` extra is not installed (``pip install -e '.[dask]'``).
"""

from __future__ import annotations

import importlib.util
import json
import os
import pickle
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import belnews
from belnews._data import load_table
from belnews.parallel import parse_record
from tests.conftest import EXAMPLES, ROOT

needs_dask = pytest.mark.skipif(
    importlib.util.find_spec("dask") is None,
    reason="dask is not installed: pip install -e '.[dask]' to run the Dask example's tests",
)

PUBLISHED = "2021-03-02"
OWN = {
    "strike.txt": "Strike at the potash works\n\nMiners in Salihorsk stopped work on Monday, "
    "the union said. About 300 workers joined the strike.",
    "talks.txt": "Ministers meet in Vilnius\n\nThe foreign ministers of Lithuania and Poland "
    "met in Vilnius on Tuesday to discuss the border.",
    "verdict.txt": "Journalist sentenced in Homel\n\nA court in Homel sentenced a journalist "
    "to three years on Friday, her lawyer said.",
    "empty.txt": "  \n ",
}


def _articles() -> dict[str, str]:
    """Our own short articles and the project's examples, by file name."""
    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))}
    return {**texts, **OWN}


def _example() -> ModuleType:
    """examples/dask_corpus.py as a module (not put in sys.modules, so Dask ships its few
    helper functions by value, as it does when the file runs as a script)."""
    spec = importlib.util.spec_from_file_location("dask_corpus_example", EXAMPLES / "dask_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _read_parts(out: Path) -> list[dict[str, Any]]:
    lines = []
    for part in sorted(out.glob("part-*.jsonl")):
        lines += [json.loads(line) for line in part.read_text(encoding="utf-8").splitlines() if line]
    return lines


def _expected(name: str, text: str, url: str) -> dict[str, Any]:
    return belnews.parse_article(text, published=PUBLISHED, url=url).to_dict()


# parse_record: no Dask needed


def test_parse_record_is_parse_article_as_a_json_ready_dict() -> None:
    text = OWN["strike.txt"]
    got = parse_record({"text": text, "url": "https://example.org/1"}, published=PUBLISHED)
    assert got == belnews.parse_article(text, published=PUBLISHED, url="https://example.org/1").to_dict()
    assert json.loads(json.dumps(got)) == got
    assert any(e["kind"] == "strike" for e in got["events"])


def test_parse_record_takes_every_record_shape_and_the_own_date_wins() -> None:
    text = OWN["talks.txt"]
    assert parse_record(text, published=PUBLISHED)["published"] == PUBLISHED
    assert parse_record((text, "2019-05-01"), published=PUBLISHED)["published"] == "2019-05-01"
    assert parse_record({"text": text, "published": "2019-05-01"}, published=PUBLISHED)["published"] == (
        "2019-05-01"
    )


@pytest.mark.parametrize(
    ("record", "error_type"),
    [
        ({"text": "   ", "url": "u"}, "EmptyTextError"),
        ({"url": "u"}, "InputTypeError"),
        (b"bytes", "InputTypeError"),
        ({"text": OWN["talks.txt"], "published": "last week", "url": "u"}, "PublishedDateError"),
    ],
)
def test_parse_record_turns_a_failure_into_an_error_record(record: Any, error_type: str) -> None:
    got = parse_record(record, index=41)
    assert got["error"]["index"] == 41
    assert got["error"]["error_type"] == error_type
    assert got["error"]["message"]
    assert got["url"] == ("u" if isinstance(record, dict) and "text" in record else None)
    json.dumps(got)


def test_what_a_worker_receives_pickles_cheaply() -> None:
    # The function travels by reference (its qualified name), never with the parser's tables.
    assert len(pickle.dumps(parse_record)) < 100
    record = {"text": OWN["verdict.txt"], "published": PUBLISHED, "url": "https://example.org/3"}
    shipped = pickle.dumps((parse_record, record, {"published": PUBLISHED}))
    assert len(shipped) < len(OWN["verdict.txt"]) + 300


def test_tables_load_once_per_process() -> None:
    texts = list(_articles().values())
    parse_record(texts[0], published=PUBLISHED)  # the first article loads what it needs
    before = load_table.cache_info().misses
    for text in texts * 3:
        parse_record(text, published=PUBLISHED)
    assert load_table.cache_info().misses == before


# The Dask example


@pytest.fixture
def corpus_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in _articles().items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@needs_dask
@pytest.mark.parametrize("scheduler", ["sync", "threads"])
def test_example_parses_a_directory_into_json_lines(corpus_dir: Path, tmp_path: Path, scheduler: str) -> None:
    out = tmp_path / "out"
    counts = _example().run(corpus_dir, out, published=PUBLISHED, scheduler=scheduler, partitions=2)
    assert counts == {"articles": len(_articles()) - 1, "errors": 1}
    assert len(list(out.glob("part-*.jsonl"))) == 2
    got = _read_parts(out)
    paths = sorted(corpus_dir.glob("*.txt"))  # the partitions keep the input order
    assert len(got) == len(paths)
    for path, record in zip(paths, got, strict=True):
        if path.name == "empty.txt":
            assert record == {
                "error": {
                    "index": 0,
                    "error_type": "EmptyTextError",
                    "message": "the article text is empty: nothing to parse",
                },
                "url": path.as_uri(),
            }
        else:
            assert record == _expected(path.name, path.read_text(encoding="utf-8"), path.as_uri())


@needs_dask
def test_example_reads_json_lines_records(tmp_path: Path) -> None:
    source = tmp_path / "archive.jsonl"
    records = [
        {"text": text, "url": f"https://example.org/{name}", "published": "2020-08-10"}
        for name, text in OWN.items()
    ]
    lines = [json.dumps(r) for r in records]
    source.write_text("\n".join(lines[:2]) + "\n\n" + "\n".join(lines[2:]) + "\n", encoding="utf-8")
    counts = _example().run(source, tmp_path / "out", scheduler="sync")
    assert counts == {"articles": 3, "errors": 1}
    got = _read_parts(tmp_path / "out")
    assert [g["url"] for g in got] == [r["url"] for r in records]
    assert (
        got[0]
        == belnews.parse_article(records[0]["text"], published="2020-08-10", url=records[0]["url"]).to_dict()
    )


@needs_dask
def test_the_dask_graph_ships_texts_and_names_only(corpus_dir: Path) -> None:
    import cloudpickle

    example = _example()
    # From a directory, the graph holds file names: each worker reads its own files.
    bag = example.parse_bag(example.records_bag(corpus_dir, partitions=2), published=PUBLISHED)
    from_dir = len(cloudpickle.dumps(dict(bag.__dask_graph__())))
    assert from_dir < 4_000  # 1.4 kB here: the paths, and read_txt by value (1 kB a partition)
    # From records in memory, the graph holds the texts and little else.
    texts = [f"{text} ({n})" for n in range(20) for text in _articles().values()]  # all distinct
    bag = example.parse_bag([{"text": t} for t in texts], published=PUBLISHED)
    in_memory = len(cloudpickle.dumps(dict(bag.__dask_graph__())))
    text_bytes = sum(len(t.encode("utf-8")) for t in texts)
    assert text_bytes < in_memory < text_bytes * 1.1 + 8_000


@needs_dask
def test_the_example_runs_as_a_script_on_worker_processes(corpus_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [
            sys.executable,
            str(EXAMPLES / "dask_corpus.py"),
            str(corpus_dir),
            str(out),
            *("--published", PUBLISHED, "--scheduler", "processes", "--workers", "2", "--partitions", "3"),
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert f"{len(_articles()) - 1} articles parsed, 1 failed" in done.stdout
    got = _read_parts(out)
    paths = sorted(corpus_dir.glob("*.txt"))
    assert [g["url"] for g in got] == [p.as_uri() for p in paths]
    talks = got[[p.name for p in paths].index("talks.txt")]
    assert talks == _expected("talks.txt", OWN["talks.txt"], (corpus_dir / "talks.txt").as_uri())


@needs_dask
def test_the_example_parses_each_article_once(corpus_dir: Path, tmp_path: Path) -> None:
    example = _example()
    seen: list[str] = []

    def counting(record: Any, **options: Any) -> dict[str, Any]:
        seen.append(record["url"])
        return parse_record(record, **options)

    example.parse_record = counting
    counts = example.run(corpus_dir, tmp_path / "out", published=PUBLISHED, scheduler="sync", partitions=3)
    assert sorted(seen) == sorted(p.as_uri() for p in corpus_dir.glob("*.txt"))
    assert counts["articles"] + counts["errors"] == len(seen)
