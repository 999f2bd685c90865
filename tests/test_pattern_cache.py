"""The on-disk store of compiled patterns: read back when present, never trusted blindly, never needed."""

from __future__ import annotations

import json
import pickle
import re
import sys
from pathlib import Path

import pytest
import regex

from belnews import _pattern_cache
from belnews._pattern_cache import cache_root, compile_stored, compile_stored_re
from tests.conftest import run_python

PATTERN = r"\b(?:Minsk|Grodno|Brest)\b"


def _entries(root: Path, engine: str = "regex") -> list[Path]:
    return sorted(root.glob(f"{engine}-*/*.pickle"))


def test_a_compiled_pattern_is_stored_and_read_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    env = {"BELNEWS_CACHE_DIR": str(tmp_path)}
    first = compile_stored(PATTERN, regex.IGNORECASE, environ=env)
    (entry,) = _entries(tmp_path)
    assert entry.parent.name == f"regex-{regex.__version__}-{sys.implementation.cache_tag}"

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again instead of read from the store")

    monkeypatch.setattr(regex, "compile", refuse)
    again = compile_stored(PATTERN, regex.IGNORECASE, environ=env)
    assert again.pattern == first.pattern and again.flags == first.flags
    assert again.findall("From GRODNO to Brest") == ["GRODNO", "Brest"]


def test_flags_make_another_entry(tmp_path: Path) -> None:
    env = {"BELNEWS_CACHE_DIR": str(tmp_path)}
    plain = compile_stored(PATTERN, environ=env)
    folded = compile_stored(PATTERN, regex.IGNORECASE, environ=env)
    assert len(_entries(tmp_path)) == 2
    assert plain.findall("minsk, Minsk") == ["Minsk"]
    assert folded.findall("minsk, Minsk") == ["minsk", "Minsk"]


def test_a_damaged_entry_is_compiled_afresh_and_replaced(tmp_path: Path) -> None:
    env = {"BELNEWS_CACHE_DIR": str(tmp_path)}
    compile_stored(PATTERN, environ=env)
    (entry,) = _entries(tmp_path)
    entry.write_bytes(b"\x80\x05not a pickle")
    assert compile_stored(PATTERN, environ=env).findall("Brest") == ["Brest"]
    assert entry.read_bytes() != b"\x80\x05not a pickle"
    assert compile_stored(PATTERN, environ=env).pattern == PATTERN


def test_an_entry_holding_another_pattern_is_not_used(tmp_path: Path) -> None:
    env = {"BELNEWS_CACHE_DIR": str(tmp_path)}
    compile_stored(PATTERN, environ=env)
    (entry,) = _entries(tmp_path)
    other = tmp_path / "other"
    compile_stored(r"\d+", environ={"BELNEWS_CACHE_DIR": str(other)})
    (foreign,) = _entries(other)
    entry.write_bytes(foreign.read_bytes())  # the right file name, the wrong pattern inside
    assert compile_stored(PATTERN, environ=env).findall("Minsk 12") == ["Minsk"]


def test_an_empty_setting_turns_the_store_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert compile_stored(PATTERN, environ={"BELNEWS_CACHE_DIR": ""}).search("Minsk")
    assert not any(tmp_path.rglob("*.pickle"))


def test_a_store_that_cannot_be_written_is_not_needed(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    env = {"BELNEWS_CACHE_DIR": str(blocker / "cache")}
    assert compile_stored(PATTERN, environ=env).findall("Brest") == ["Brest"]
    assert compile_stored(PATTERN, environ=env).findall("Minsk") == ["Minsk"]


@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="the XDG layout is the default elsewhere")
def test_the_default_folder_follows_xdg(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cache_root({}) == tmp_path / ".cache" / "belnews"
    assert cache_root({"XDG_CACHE_HOME": "/var/cache/ana"}) == Path("/var/cache/ana/belnews")
    assert cache_root({"XDG_CACHE_HOME": "relative/path"}) == tmp_path / ".cache" / "belnews"  # ignored
    assert cache_root({"BELNEWS_CACHE_DIR": "~/bn"}) == tmp_path / "bn"


_PARSE_EXAMPLES = """
import json, sys
from pathlib import Path
import belnews
texts = [p.read_text(encoding="utf-8") for p in sorted(Path("examples").glob("*.txt"))]
print(json.dumps([belnews.parse_article(t, published="2020-09-14").to_dict() for t in texts]))
"""


def _parse_examples(cache: str) -> object:
    return json.loads(run_python(_PARSE_EXAMPLES, BELNEWS_CACHE_DIR=cache))


def test_articles_parse_the_same_with_the_store_cold_warm_and_off(tmp_path: Path) -> None:
    cold = _parse_examples(str(tmp_path))  # compiles and fills the store
    stored = _entries(tmp_path)
    assert len(stored) > 60  # the patterns of every stage, not only the lazily compiled ones
    if _pattern_cache._re_internals() is not None:
        assert len(_entries(tmp_path, "re")) > 60
    warm = _parse_examples(str(tmp_path))  # reads it back
    assert _entries(tmp_path) == stored
    assert warm == cold
    assert _parse_examples("") == cold


_LIST_STORE = """
import sys
from pathlib import Path
import belnews
for p in sorted(Path("examples").glob("*.txt")):
    belnews.parse_article(p.read_text(encoding="utf-8"), published="2020-09-14")
"""


def test_the_patterns_do_not_depend_on_the_hash_seed(tmp_path: Path) -> None:
    """Patterns built from sets are put in a fixed order: one entry per pattern, whatever the process."""
    for seed in ("1", "2", "3"):
        run_python(_LIST_STORE, BELNEWS_CACHE_DIR=str(tmp_path / seed), PYTHONHASHSEED=seed)
    names = [sorted(p.name for p in tmp_path.joinpath(seed).rglob("*.pickle")) for seed in ("1", "2", "3")]
    assert names[0] and names[0] == names[1] == names[2]


needs_re_store = pytest.mark.skipif(
    _pattern_cache._re_internals() is None, reason="re patterns are stored on CPython 3.11 and later only"
)
RE_PATTERNS = [
    (r"(?P<who>\b[A-Z]\w+) (?:said|told)\b", 0),
    (r"^\s*(\d+(?:,\d{3})*)\s+(people|protesters)$", re.MULTILINE),
    (r"(?i)gro[dh]no|brest", 0),
    (r"minsk  # the capital\n | vitebsk", re.IGNORECASE | re.VERBOSE),
]
RE_TEXT = "Lukashenko said no.\n 12,000 protesters\nIn MINSK and Grodno, Tikhanovskaya told them. Vitebsk"


def _same(a: re.Pattern[str], b: re.Pattern[str]) -> bool:
    return (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex) and [
        (m.span(), m.groups()) for m in a.finditer(RE_TEXT)
    ] == [(m.span(), m.groups()) for m in b.finditer(RE_TEXT)]


@needs_re_store
@pytest.mark.parametrize(("pattern", "flags"), RE_PATTERNS)
def test_an_re_pattern_is_stored_and_read_back_as_re_compiles_it(
    pattern: str, flags: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    env = {"BELNEWS_CACHE_DIR": str(tmp_path)}
    first = compile_stored_re(pattern, flags, environ=env)
    (entry,) = _entries(tmp_path, "re")
    assert entry.parent.name.startswith(f"re-{sys.version_info.major}.{sys.version_info.minor}.")

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("compiled again instead of read from the store")

    monkeypatch.setattr(re, "compile", refuse)
    monkeypatch.setattr(_pattern_cache._re_internals()[1], "parse", refuse)  # type: ignore[index]
    again = compile_stored_re(pattern, flags, environ=env)
    monkeypatch.undo()
    expected = re.compile(pattern, flags)
    assert type(again) is re.Pattern
    assert _same(first, expected) and _same(again, expected)


@needs_re_store
def test_re_entries_that_are_damaged_foreign_or_tampered_are_compiled_afresh(tmp_path: Path) -> None:
    env = {"BELNEWS_CACHE_DIR": str(tmp_path)}
    pattern, flags = RE_PATTERNS[0]
    compile_stored_re(pattern, flags, environ=env)
    (entry,) = _entries(tmp_path, "re")
    good = entry.read_bytes()
    saved = pickle.loads(good)
    other = (r"\d+", *saved[1:])  # the right file name, another pattern inside
    tampered = (*saved[:2], [7] * len(saved[2]), *saved[3:])  # code the engine refuses
    for bad in (b"\x80\x05not a pickle", pickle.dumps(other), pickle.dumps(tampered)):
        entry.write_bytes(bad)
        assert _same(compile_stored_re(pattern, flags, environ=env), re.compile(pattern, flags))
        assert entry.read_bytes() == good  # replaced by the right entry


def test_without_re_internals_re_compiles_and_nothing_is_stored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_pattern_cache, "_re_internals", lambda: None)  # another Python
    pattern, flags = RE_PATTERNS[1]
    compiled = compile_stored_re(pattern, flags, environ={"BELNEWS_CACHE_DIR": str(tmp_path)})
    assert _same(compiled, re.compile(pattern, flags))
    assert not any(tmp_path.rglob("*.pickle"))


@needs_re_store
def test_a_changed_re_compiler_falls_back_to_re_compile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def changed(*args: object, **kwargs: object) -> None:
        raise TypeError("parse() takes another argument now")

    monkeypatch.setattr(_pattern_cache._re_internals()[1], "parse", changed)  # type: ignore[index]
    pattern, flags = RE_PATTERNS[2]
    compiled = compile_stored_re(pattern, flags, environ={"BELNEWS_CACHE_DIR": str(tmp_path)})
    monkeypatch.undo()
    assert _same(compiled, re.compile(pattern, flags))
    assert not any(tmp_path.rglob("*.pickle"))


def test_re_patterns_with_the_store_off_are_plain_re_compile(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []

    def recording(pattern: str, flags: int = 0) -> re.Pattern[str]:
        seen.append(pattern)
        return plain(pattern, flags)

    plain = re.compile
    monkeypatch.setattr(re, "compile", recording)  # what the regex audit relies on
    compile_stored_re(RE_PATTERNS[0][0], environ={"BELNEWS_CACHE_DIR": ""})
    assert seen == [RE_PATTERNS[0][0]]
