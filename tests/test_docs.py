"""The documentation builds strictly, and the version agrees everywhere it is written."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

import belnews
from tests.conftest import ROOT


def _installed(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:  # a parent package is missing
        return False


_HAS_MKDOCS = _installed("mkdocs") and _installed("mkdocstrings_handlers.python")


@pytest.mark.skipif(
    not _HAS_MKDOCS, reason="mkdocs and mkdocstrings-python are the docs extra: pip install -e '.[docs]'"
)
def test_docs_build_strictly(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    api = (tmp_path / "site" / "api" / "index.html").read_text(encoding="utf-8")
    for name in ("parse_article", "same_person", "Corpus", "parse_many", "Article"):
        assert f'id="belnews.{name}"' in api, f"the API reference lacks belnews.{name}"
    assert "<blockquote" not in api, "a doctest was rendered as a block quote"


def _nav_pages() -> list[str]:
    return re.findall(
        r":\s*([\w./-]+\.md)\s*$", (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), re.MULTILINE
    )


def test_every_page_is_in_the_nav() -> None:
    pages = sorted(p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").glob("*.md"))
    assert sorted(_nav_pages()) == pages


def _changelog_versions() -> list[str]:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    return re.findall(r"^## \[(\d+\.\d+\.\d+[^\]]*)\]", text, re.MULTILINE)


def test_version_follows_the_changelog() -> None:
    project = (ROOT / "pyproject.toml").read_text(encoding="utf-8").split("\n[project]\n", 1)[1]
    found = re.search(r'^version = "([^"]+)"$', project, re.MULTILINE)
    assert found, "pyproject.toml's [project] table has no version"
    declared = found[1]
    versions = _changelog_versions()
    assert versions, "CHANGELOG.md has no '## [x.y.z] - date' entry"
    assert declared == belnews.__version__ == versions[0]


def test_changelog_entries_are_dated_and_ordered() -> None:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    entries = re.findall(r"^## \[(\d+)\.(\d+)\.(\d+)\] - (\d{4}-\d{2}-\d{2})$", text, re.MULTILINE)
    assert len(entries) == len(_changelog_versions()), "every release heading reads '## [x.y.z] - YYYY-MM-DD'"
    releases = [(int(a), int(b), int(c)) for a, b, c, _ in entries]
    assert releases == sorted(releases, reverse=True)
