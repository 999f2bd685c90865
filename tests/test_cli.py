from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from belnews.cli import main
from tests.conftest import EXAMPLES


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
