"""The third held-out set: a blind set written to judge whether belnews generalises.

`tests/fixtures/heldout3/` holds ten articles written for this set (wire copy, a regional
outlet, a Guardian-style page, a TASS item, a live blog, an exile outlet, a think-tank
commentary, an EU statement, a Q:/A: interview and a short brief; 2004-2025) and their gold
annotations in the seed format (`../shared/gold/SCHEMA.md`, `"file"` relative to that folder).
Developers tuning the parser must not read the articles or the gold (see its README.md); this
module only checks them and measures the parser on them. Two kinds of test:

- the gold is sound: keys, kinds and formats are valid, every string it quotes occurs
  verbatim in its article, and what it asks for can be met (a junk line does not also occur
  in the content, a kept fragment is not inside junk);
- the parser does not fall below a floor: the project scorer (`../shared/eval/score.py`,
  skipped where it is absent) scores the whole pipeline on the set, and each metric stays at
  or above a floor set about 0.05 below what the parser reached when the set was written;
  counts that should be zero may not grow. Raise a floor when a change lifts the metric for
  good; never lower one.
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

HELDOUT3 = Path(__file__).resolve().parent / "fixtures" / "heldout3"
GOLD_DIR = HELDOUT3 / "gold"
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
EVENT_KINDS = {
    "PROTEST",
    "ARREST",
    "ASSAULT",
    "KILL",
    "MEET",
    "ELECTION",
    "STRIKE",
    "SANCTION",
    "DEPLOY",
    "DEPORT",
    "DEFECT",
    "ACCUSE",
    "THREATEN",
    "SUPPORT",
}
EVENT_KEYS = {"kind", "actor", "target", "location", "date", "count", "count_qualifier", "evidence"}
QUALIFIERS = {"exact", "at_least", "at_most", "about", "more_than"}
QUOTE_KINDS = {"direct", "indirect", "partial"}
PRECISION_RE = {
    "day": re.compile(r"^\d{4}-\d{2}-\d{2}$"),
    "month": re.compile(r"^\d{4}-\d{2}$"),
    "year": re.compile(r"^\d{4}$"),
    "decade": re.compile(r"^\d{3}0s$"),
}
EVENT_DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
COUNTRY_RE = re.compile(r"^[A-Z]{2}$")

# Measured when the set was written (see fixtures/heldout3/README.md):
# title=0.800 dateline=0.700 junk_removed=0.710 content_kept=1.000 person_f1=0.957
# person_name=0.925 country_f1=1.000 quote_f1=0.846 speaker_acc=0.808 event_f1=0.523
# date_value=0.909 not_person_as_person=1 person_merges=0 scare_as_quote=0
FLOORS = {
    "title": 0.75,
    "dateline": 0.65,
    "junk_removed": 0.66,
    "content_kept": 0.95,
    "person_f1": 0.90,
    "person_name": 0.87,
    "country_f1": 0.95,
    "quote_f1": 0.79,
    "speaker_acc": 0.75,
    "event_f1": 0.47,
    "date_value": 0.85,
}
# Counts that must not grow.
CEILINGS = {"person_merges": 0.0, "not_person_as_person": 1.0, "scare_as_quote": 0.0}


def gold_paths() -> list[Path]:
    return sorted(GOLD_DIR.glob("*.json"))


def load_gold(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def article_text(gold: dict[str, Any]) -> str:
    return (HELDOUT3 / str(gold["file"])).read_text(encoding="utf-8")


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


def junk_spans(text: str, junk: list[str]) -> list[tuple[int, int]]:
    spans = []
    for j in junk:
        start = text.find(j)
        while start >= 0:
            spans.append((start, start + len(j)))
            start = text.find(j, start + 1)
    return spans


def outside_junk(text: str, fragment: str, junk: list[str]) -> bool:
    """True if `fragment` occurs at least once not wholly inside a junk line."""
    spans = junk_spans(text, junk)
    start = text.find(fragment)
    while start >= 0:
        end = start + len(fragment)
        if not any(a <= start and end <= b for a, b in spans):
            return True
        start = text.find(fragment, start + 1)
    return False


def squeezed(s: str) -> str:
    """Case-, quote- and space-insensitive form, close to the scorer's comparison."""
    s = s.casefold()
    for q in "\"'“”‘’„«»":
        s = s.replace(q, "")
    return "".join(s.replace(".", " ").split())


# -- the gold is sound ---------------------------------------------------------------------


def test_the_set_has_ten_articles_with_gold_and_a_readme() -> None:
    assert len(gold_paths()) == 10
    assert len(list((HELDOUT3 / "articles").glob("*.txt"))) == 10
    assert (HELDOUT3 / "README.md").is_file()


@pytest.mark.parametrize("path", gold_paths(), ids=lambda p: p.stem)
def test_gold_has_the_schema_keys_and_names_its_own_article(path: Path) -> None:
    gold = load_gold(path)
    assert set(gold) >= GOLD_KEYS, GOLD_KEYS - set(gold)
    assert set(gold) <= GOLD_KEYS | OPTIONAL_KEYS, set(gold) - GOLD_KEYS - OPTIONAL_KEYS
    assert gold["file"] == f"articles/{path.stem}.txt"
    assert (HELDOUT3 / gold["file"]).is_file()
    assert ISO_DATE_RE.match(gold["published"])
    dt.date.fromisoformat(gold["published"])


@pytest.mark.parametrize("path", gold_paths(), ids=lambda p: p.stem)
def test_every_quoted_string_occurs_verbatim(path: Path) -> None:
    gold = load_gold(path)
    text = article_text(gold)
    missing = [(field, s) for field, s in quoted_strings(gold) if not s or s not in text]
    assert not missing


@pytest.mark.parametrize("path", gold_paths(), ids=lambda p: p.stem)
def test_title_is_a_whole_line_and_content_lies_outside_junk(path: Path) -> None:
    gold = load_gold(path)
    text = article_text(gold)
    assert gold["title"] in [line.strip() for line in text.split("\n")]
    content = [("keep", k) for k in gold["keep"]]
    content += [("quote", q["text"]) for q in gold["quotes"]]
    content += [("evidence", e["evidence"]) for e in gold["events"]]
    content += [("date", d["text"]) for d in gold["dates"]]
    content += [("mention", m) for p in gold["persons"] for m in p["mentions"]]
    inside = [(field, s) for field, s in content if not outside_junk(text, s, gold["junk"])]
    assert not inside


@pytest.mark.parametrize("path", gold_paths(), ids=lambda p: p.stem)
def test_junk_can_be_removed_without_losing_content(path: Path) -> None:
    gold = load_gold(path)
    rest = article_text(gold).replace(gold["title"], "", 1)
    for j in gold["junk"]:
        rest = rest.replace(j, "")
    body = squeezed(rest)
    assert [j for j in gold["junk"] if squeezed(j) in body] == []
    assert [k for k in gold["keep"] if squeezed(k) not in body] == []


@pytest.mark.parametrize("path", gold_paths(), ids=lambda p: p.stem)
def test_persons_countries_and_not_persons_are_well_formed(path: Path) -> None:
    gold = load_gold(path)
    names = [p["name"] for p in gold["persons"]]
    assert len(names) == len(set(names))
    for p in gold["persons"]:
        assert set(p) == {"name", "country", "mentions"}
        assert p["mentions"]
        assert p["country"] is None or COUNTRY_RE.match(p["country"])
    assert all(COUNTRY_RE.match(c) for c in gold["countries"])
    assert len(gold["countries"]) == len(set(gold["countries"]))
    mentions = {m.casefold() for p in gold["persons"] for m in p["mentions"]}
    assert [s for s in gold["not_persons"] if s.casefold() in mentions] == []


@pytest.mark.parametrize("path", gold_paths(), ids=lambda p: p.stem)
def test_quotes_have_valid_kinds_and_known_speakers(path: Path) -> None:
    gold = load_gold(path)
    text = article_text(gold).casefold()
    known = {p["name"] for p in gold["persons"]} | set(gold["organizations"])
    for q in gold["quotes"]:
        assert set(q) == {"text", "speaker", "kind"}
        assert q["kind"] in QUOTE_KINDS
        speakers = q["speaker"] if isinstance(q["speaker"], list) else [q["speaker"]]
        for sp in speakers:
            assert sp is None or sp in known or sp.casefold() in text, sp
    quote_texts = {q["text"] for q in gold["quotes"]}
    assert [s for s in gold.get("scare_quotes", []) if s in quote_texts] == []


@pytest.mark.parametrize("path", gold_paths(), ids=lambda p: p.stem)
def test_events_and_dates_have_valid_kinds_and_formats(path: Path) -> None:
    gold = load_gold(path)
    for e in gold["events"]:
        assert set(e) <= EVENT_KEYS, set(e) - EVENT_KEYS
        assert e["kind"] in EVENT_KINDS
        if "date" in e:
            assert EVENT_DATE_RE.match(e["date"]), e["date"]
        if "count" in e:
            assert isinstance(e["count"], int) and not isinstance(e["count"], bool)
            assert e["count_qualifier"] in QUALIFIERS
        else:
            assert "count_qualifier" not in e
    texts = [d["text"] for d in gold["dates"]]
    assert len(texts) == len(set(texts))
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
def measured() -> dict[str, float | None]:
    """The scorer's metrics for the whole pipeline over the set (computed once)."""
    score = scorer()
    total = score.Tally()
    explain: list[str] = []
    for path in gold_paths():
        gold = load_gold(path)
        published = dt.date.fromisoformat(gold["published"])
        record = belnews.parse_article(article_text(gold), published=published).to_dict()
        record = json.loads(json.dumps(record))
        total.merge(score.score_article(gold, article_text(gold), record, explain))
    result: dict[str, float | None] = score.metrics(total)
    return result


needs_scorer = pytest.mark.skipif(
    not SCORER.is_file(), reason="../shared/eval/score.py is absent: the scorer is not part of a fresh clone"
)


@needs_scorer
@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_metric_stays_above_its_floor(metric: str) -> None:
    got = measured()[metric]
    assert got is not None and got >= FLOORS[metric], f"{metric}={got} < floor {FLOORS[metric]}"


@needs_scorer
@pytest.mark.parametrize("metric", sorted(CEILINGS))
def test_error_count_does_not_grow(metric: str) -> None:
    got = measured()[metric]
    assert got is not None and got <= CEILINGS[metric], f"{metric}={got} > ceiling {CEILINGS[metric]}"
