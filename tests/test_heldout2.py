"""The second held-out set: a blind set written to judge whether belnews generalises.

`tests/fixtures/heldout2/` holds eight articles and their gold annotations in the seed
format (`../shared/gold/SCHEMA.md`, `"file"` relative to that folder). Developers tuning the
parser must not read the articles or the gold (see its README.md); this module only checks
them and measures the parser on them. Two kinds of test:

- the gold is sound: keys, kinds and formats are valid and every string it quotes occurs
  verbatim in its article (needs nothing outside this repository);
- the parser does not fall below a floor: the project scorer (`../shared/eval/score.py`,
  skipped where it is absent) scores the whole pipeline on the set, and each metric stays
  above a floor set a little below what the parser reached when the set was written.
  Raise a floor when a change lifts the metric for good; never lower one.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import belnews

HELDOUT2 = Path(__file__).resolve().parent / "fixtures" / "heldout2"
GOLD_DIR = HELDOUT2 / "gold"
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

# Floors a little below the figures measured when the set was written:
# quote_f1=0.883 speaker_acc=0.817 person_f1=0.892 person_name=0.984 country_f1=1.000
# event_f1=0.631 date_value=0.873 junk_removed=0.675 content_kept=1.000
FLOORS = {
    "quote_f1": 0.92,  # 0.946 after the wave-3 quote work
    "speaker_acc": 0.81,  # 0.837 after the wave-3 quote work
    "person_f1": 0.97,  # 1.000 after the wave-3 actors work
    "person_name": 0.96,  # 1.000 after the wave-3 actors work (0.986 with the gazetteer's "Kazulin")
    "country_f1": 0.95,
    "event_f1": 0.73,  # 0.758 after the wave-3 event work
    "date_value": 0.95,  # 0.982 after the wave-3 date work
    "junk_removed": 0.97,  # 1.000 after the wave-3 cleaning work
    "content_kept": 0.99,
    "title": 0.95,  # 1.000 after the wave-3 cleaning work
    "dateline": 0.95,
}
# Counts that must not grow: merged persons and gold non-persons reported as persons.
CEILINGS = {"person_merges": 0.0, "not_person_as_person": 1.0}  # 0 after the wave-3 actors work


def gold_paths() -> list[Path]:
    return sorted(GOLD_DIR.glob("*.json"))


def load_gold(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def article_text(gold: dict[str, Any]) -> str:
    path = HELDOUT2 / str(gold["file"])
    return path.read_text(encoding="utf-8")


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


def test_the_set_has_eight_articles_with_gold() -> None:
    assert len(gold_paths()) == 8
    assert len(list((HELDOUT2 / "articles").glob("*.txt"))) == 8
    assert (HELDOUT2 / "README.md").is_file()


@pytest.mark.parametrize("path", gold_paths(), ids=lambda p: p.stem)
def test_gold_keys_and_formats(path: Path) -> None:
    gold = load_gold(path)
    assert GOLD_KEYS <= set(gold) <= GOLD_KEYS | OPTIONAL_KEYS
    assert gold["file"] == f"articles/{path.stem}.txt"
    assert ISO_DATE_RE.match(gold["published"])
    dt.date.fromisoformat(gold["published"])
    for person in gold["persons"]:
        assert set(person) == {"name", "country", "mentions"}
        assert person["mentions"], person["name"]
        assert person["country"] is None or COUNTRY_RE.match(person["country"])
    assert all(COUNTRY_RE.match(c) for c in gold["countries"])
    assert len(set(gold["countries"])) == len(gold["countries"])
    for quote in gold["quotes"]:
        assert set(quote) == {"text", "speaker", "kind"}
        assert quote["kind"] in QUOTE_KINDS
    for event in gold["events"]:
        assert set(event) <= EVENT_KEYS and "evidence" in event
        assert event["kind"] in EVENT_KINDS
        if "date" in event:
            assert EVENT_DATE_RE.match(event["date"]), event
        if "count" in event:
            assert isinstance(event["count"], int) and not isinstance(event["count"], bool)
            assert event.get("count_qualifier") in QUALIFIERS
        else:
            assert "count_qualifier" not in event
    texts = [d["text"] for d in gold["dates"]]
    assert len(set(texts)) == len(texts)
    for date in gold["dates"]:
        assert set(date) == {"text", "value", "precision"}
        assert PRECISION_RE[date["precision"]].match(date["value"]), date


@pytest.mark.parametrize("path", gold_paths(), ids=lambda p: p.stem)
def test_gold_strings_occur_verbatim(path: Path) -> None:
    gold = load_gold(path)
    text = article_text(gold)
    missing = [(field, s) for field, s in quoted_strings(gold) if not s or s not in text]
    assert not missing


@pytest.mark.parametrize("path", gold_paths(), ids=lambda p: p.stem)
def test_gold_content_is_not_furniture(path: Path) -> None:
    gold = load_gold(path)
    text = article_text(gold)
    lines = {line.strip() for line in text.split("\n")}
    assert gold["title"] in lines
    content = [("keep", k) for k in gold["keep"]]
    content += [("quote", q["text"]) for q in gold["quotes"]]
    content += [("evidence", e["evidence"]) for e in gold["events"]]
    content += [("date", d["text"]) for d in gold["dates"]]
    content += [("mention", m) for p in gold["persons"] for m in p["mentions"]]
    inside = [(field, s) for field, s in content if not outside_junk(text, s, gold["junk"])]
    assert not inside
    assert not [k for k in gold["keep"] if any(k in j for j in gold["junk"])]


@pytest.mark.parametrize("path", gold_paths(), ids=lambda p: p.stem)
def test_gold_speakers_are_known(path: Path) -> None:
    gold = load_gold(path)
    folded = article_text(gold).casefold()
    known = {p["name"] for p in gold["persons"]} | set(gold["organizations"])
    scare = set(gold.get("scare_quotes", []))
    for quote in gold["quotes"]:
        speakers = quote["speaker"] if isinstance(quote["speaker"], list) else [quote["speaker"]]
        for speaker in speakers:
            assert speaker is None or speaker in known or speaker.casefold() in folded, speaker
        assert quote["text"] not in scare


# The scorer run ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    if not SCORER.is_file():
        pytest.skip("../shared/eval/score.py is absent: the project scorer is not part of a fresh clone")
    spec = importlib.util.spec_from_file_location("belnews_heldout2_score", SCORER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def heldout2_metrics(scorer: ModuleType) -> dict[str, float | None]:
    total = scorer.Tally()
    for path in gold_paths():
        gold = load_gold(path)
        published = dt.date.fromisoformat(gold["published"])
        article = belnews.parse_article(article_text(gold), published=published)
        record = json.loads(json.dumps(article.to_dict()))
        total.merge(scorer.score_article(gold, article_text(gold), record, []))
    result: dict[str, float | None] = scorer.metrics(total)
    return result


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_metric_stays_above_floor(heldout2_metrics: dict[str, float | None], metric: str) -> None:
    value = heldout2_metrics[metric]
    assert value is not None and value >= FLOORS[metric], f"{metric}={value} < {FLOORS[metric]}"


@pytest.mark.parametrize("metric", sorted(CEILINGS))
def test_error_count_stays_below_ceiling(heldout2_metrics: dict[str, float | None], metric: str) -> None:
    value = heldout2_metrics[metric]
    assert value is not None and value <= CEILINGS[metric], f"{metric}={value} > {CEILINGS[metric]}"
