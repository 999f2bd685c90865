"""Our own evaluation sets: articles we wrote, with gold in the seed format.

`tests/fixtures/heldout*/` each hold `articles/*.txt`, `gold/*.json` (the format of
`../shared/gold/SCHEMA.md`, `"file"` relative to the set's folder) and `floors.json`.
`heldout` and `heldout2` have been used to develop the parser; `heldout3` is blind: nobody
tuning the parser reads it (see its README.md), so its figures say how belnews does on text
it has never seen. Two kinds of test, for every set:

- the gold is sound: keys, kinds and formats are valid, every string it quotes occurs
  verbatim in its article, and what it asks for can be met (content lies outside junk);
- the parser stays above the set's floors: the project scorer (`../shared/eval/score.py`,
  skipped where it is absent) scores the whole pipeline on the set; each metric in
  `floors.json` may not fall and each error count in its ceilings may not grow. Raise a floor
  when a change lifts the metric for good; never lower one.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import belnews

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SETS = ("heldout", "heldout2", "heldout3")
SCORER = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "score.py"

GOLD_KEYS = {
    "file",
    "published",
    "title",
    "dateline",
    "junk",
    "keep",
    "persons",
    "not_persons",
    "organizations",
    "countries",
    "quotes",
    "events",
    "dates",
}
OPTIONAL_KEYS = {"scare_quotes", "notes"}
EVENT_KINDS = {k.value.upper() for k in belnews.EventKind}
EVENT_KEYS = {"kind", "actor", "target", "location", "date", "count", "count_qualifier", "evidence"}
QUALIFIERS = {q.value for q in belnews.Qualifier}
QUOTE_KINDS = {k.value for k in belnews.QuoteKind}
PRECISION_RE = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
    "decade": re.compile(r"^\d{3}0s$"),
}
EVENT_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")


def gold_paths(name: str) -> list[Path]:
    return sorted((FIXTURES / name / "gold").glob("*.json"))


ALL_GOLD = [pytest.param(name, path, id=f"{name}/{path.stem}") for name in SETS for path in gold_paths(name)]


def load_gold(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def article_text(name: str, gold: dict[str, Any]) -> str:
    return (FIXTURES / name / str(gold["file"])).read_text(encoding="utf-8")


def quoted_strings(gold: dict[str, Any]) -> list[tuple[str, str]]:
    """Every (field, string) pair of the gold that must occur verbatim in the article."""
    out = [("title", gold["title"])]
    if gold["dateline"] is not None:
        out.append(("dateline", gold["dateline"]))
    out += [("junk", j) for j in gold["junk"]]
    out += [("keep", k) for k in gold["keep"]]
    out += [("not_persons", s) for s in gold["not_persons"]]
    out += [(f"mention of {p['name']}", m) for p in gold["persons"] for m in p["mentions"]]
    out += [("quote", q["text"]) for q in gold["quotes"]]
    out += [(f"{e['kind']} evidence", e["evidence"]) for e in gold["events"]]
    out += [("date", d["text"]) for d in gold["dates"]]
    out += [("scare_quote", s) for s in gold.get("scare_quotes", [])]
    return out


def outside_junk(text: str, fragment: str, junk: list[str]) -> bool:
    """True if `fragment` occurs at least once not wholly inside a junk line."""
    spans = []
    for j in junk:
        start = text.find(j)
        while start >= 0:
            spans.append((start, start + len(j)))
            start = text.find(j, start + 1)
    start = text.find(fragment)
    while start >= 0:
        end = start + len(fragment)
        if not any(a <= start and end <= b for a, b in spans):
            return True
        start = text.find(fragment, start + 1)
    return False


# -- the gold is sound ---------------------------------------------------------------------


@pytest.mark.parametrize("name", SETS)
def test_each_set_has_articles_gold_and_floors(name: str) -> None:
    assert len(gold_paths(name)) >= 8
    assert len(list((FIXTURES / name / "articles").glob("*.txt"))) == len(gold_paths(name))
    floors = json.loads((FIXTURES / name / "floors.json").read_text(encoding="utf-8"))
    assert set(floors) == {"about", "floors", "ceilings"}


@pytest.mark.parametrize("name, path", ALL_GOLD)
def test_gold_has_the_schema_keys_and_names_its_own_article(name: str, path: Path) -> None:
    gold = load_gold(path)
    assert set(gold) >= GOLD_KEYS, GOLD_KEYS - set(gold)
    assert set(gold) <= GOLD_KEYS | OPTIONAL_KEYS, set(gold) - GOLD_KEYS - OPTIONAL_KEYS
    assert (FIXTURES / name / gold["file"]).is_file()
    dt.date.fromisoformat(gold["published"])


@pytest.mark.parametrize("name, path", ALL_GOLD)
def test_every_quoted_string_occurs_verbatim(name: str, path: Path) -> None:
    gold = load_gold(path)
    text = article_text(name, gold)
    assert [(field, s) for field, s in quoted_strings(gold) if not s or s not in text] == []


@pytest.mark.parametrize("name, path", ALL_GOLD)
def test_content_lies_outside_junk(name: str, path: Path) -> None:
    gold = load_gold(path)
    text = article_text(name, gold)
    content = [("keep", k) for k in gold["keep"]]
    content += [("quote", q["text"]) for q in gold["quotes"]]
    content += [("evidence", e["evidence"]) for e in gold["events"]]
    content += [("date", d["text"]) for d in gold["dates"]]
    assert [(field, s) for field, s in content if not outside_junk(text, s, gold["junk"])] == []


@pytest.mark.parametrize("name, path", ALL_GOLD)
def test_persons_and_countries_are_well_formed(name: str, path: Path) -> None:
    gold = load_gold(path)
    names = [p["name"] for p in gold["persons"]]
    assert len(names) == len(set(names))
    for p in gold["persons"]:
        assert set(p) == {"name", "country", "mentions"} and p["mentions"]
        assert p["country"] is None or COUNTRY_RE.match(p["country"])
    assert all(COUNTRY_RE.match(c) for c in gold["countries"])
    mentions = {m.casefold() for p in gold["persons"] for m in p["mentions"]}
    assert [s for s in gold["not_persons"] if s.casefold() in mentions] == []


@pytest.mark.parametrize("name, path", ALL_GOLD)
def test_quotes_have_valid_kinds_and_known_speakers(name: str, path: Path) -> None:
    gold = load_gold(path)
    text = article_text(name, gold).casefold()
    known = {p["name"] for p in gold["persons"]} | set(gold["organizations"])
    for q in gold["quotes"]:
        assert set(q) == {"text", "speaker", "kind"}
        assert q["kind"] in QUOTE_KINDS
        speakers = q["speaker"] if isinstance(q["speaker"], list) else [q["speaker"]]
        for sp in speakers:
            assert sp is None or sp in known or sp.casefold() in text, sp


@pytest.mark.parametrize("name, path", ALL_GOLD)
def test_events_and_dates_have_valid_kinds_and_formats(name: str, path: Path) -> None:
    gold = load_gold(path)
    for e in gold["events"]:
        assert set(e) <= EVENT_KEYS, set(e) - EVENT_KEYS
        assert e["kind"] in EVENT_KINDS
        if "date" in e:
            assert EVENT_DATE_RE.match(e["date"]), e["date"]
        if e.get("count") is not None:
            assert isinstance(e["count"], int) and not isinstance(e["count"], bool)
            assert e.get("count_qualifier") in QUALIFIERS
    for d in gold["dates"]:
        assert set(d) == {"text", "value", "precision"}
        assert PRECISION_RE[d["precision"]].match(d["value"]), d


# -- the parser stays above its floors -------------------------------------------------------


@functools.cache
def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("belnews_shared_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.cache
def measured(name: str) -> dict[str, float | None]:
    """The scorer's metrics for the whole pipeline over one set (computed once)."""
    score = scorer()
    total = score.Tally()
    explain: list[str] = []
    for path in gold_paths(name):
        gold = load_gold(path)
        text = article_text(name, gold)
        record = belnews.parse_article(text, published=gold["published"]).to_dict()
        total.merge(score.score_article(gold, text, json.loads(json.dumps(record)), explain))
    result: dict[str, float | None] = score.metrics(total)
    return result


def _limits(kind: str) -> list[Any]:
    out = []
    for name in SETS:
        table = json.loads((FIXTURES / name / "floors.json").read_text(encoding="utf-8"))[kind]
        out += [pytest.param(name, metric, limit, id=f"{name}-{metric}") for metric, limit in table.items()]
    return out


needs_scorer = pytest.mark.skipif(
    not SCORER.is_file(), reason="../shared/eval/score.py is absent: the scorer is not part of a fresh clone"
)


@needs_scorer
@pytest.mark.parametrize("name, metric, floor", _limits("floors"))
def test_metric_stays_above_its_floor(name: str, metric: str, floor: float) -> None:
    got = measured(name)[metric]
    assert got is not None and got >= floor, f"{name}: {metric}={got} < floor {floor}"


@needs_scorer
@pytest.mark.parametrize("name, metric, ceiling", _limits("ceilings"))
def test_error_count_does_not_grow(name: str, metric: str, ceiling: float) -> None:
    got = measured(name)[metric]
    assert got is not None and got <= ceiling, f"{name}: {metric}={got} > ceiling {ceiling}"
