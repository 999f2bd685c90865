"""The JSON Schema of ``Article.to_dict()`` (belnews/data/article.schema.json) holds for real output."""

from __future__ import annotations

import enum
import functools
import importlib.resources
import json
from pathlib import Path
from typing import Any

import pytest

import belnews
from belnews.model import ActorKind, EventKind, Gender, ParagraphKind, Precision, Qualifier, QuoteKind
from tests.conftest import EXAMPLES, gold_for, needs_shared, seed_paths

jsonschema = pytest.importorskip(
    "jsonschema", reason="jsonschema is a test dependency: pip install -e '.[test]'"
)


@functools.cache
def _schema() -> dict[str, Any]:
    raw = (importlib.resources.files("belnews") / "data" / "article.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(raw)
    return schema


def _validator() -> Any:
    cls = jsonschema.Draft202012Validator
    return cls(_schema(), format_checker=cls.FORMAT_CHECKER)


def _problems(record: dict[str, Any]) -> list[str]:
    errors = sorted(_validator().iter_errors(record), key=lambda e: list(e.absolute_path))
    return [f"{'/'.join(map(str, e.absolute_path)) or '(top)'}: {e.message}" for e in errors]


def _ids_resolve(record: dict[str, Any]) -> list[str]:
    """Actor ids named by quotes and events that the record's actors do not hold."""
    ids = {a["id"] for a in record["actors"]}
    named = [q["speaker"] for q in record["quotes"]]
    for e in record["events"]:
        named += [*e["actors"], *e["targets"], e["location"]]
    return [i for i in named if i is not None and i not in ids]


def _check(record: dict[str, Any]) -> None:
    record = json.loads(json.dumps(record))  # what a consumer of the JSON sees
    assert _problems(record) == []
    assert _ids_resolve(record) == []


def test_schema_is_valid_draft_2020_12() -> None:
    assert _schema()["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(_schema())


@pytest.mark.parametrize(
    "path,enum_type",
    [
        (("paragraph", "kind"), ParagraphKind),
        (("actor", "kind"), ActorKind),
        (("quote", "kind"), QuoteKind),
        (("date", "precision"), Precision),
        (("quantity", "qualifier"), Qualifier),
        (("event", "kind"), EventKind),
    ],
)
def test_schema_enums_follow_the_model(path: tuple[str, str], enum_type: type[enum.Enum]) -> None:
    record, field = path
    assert _schema()["$defs"][record]["properties"][field]["enum"] == [m.value for m in enum_type]


def test_schema_gender_follows_the_model() -> None:
    assert _schema()["$defs"]["actor"]["properties"]["gender"]["enum"] == [*(g.value for g in Gender), None]


def test_schema_keys_follow_to_dict() -> None:
    """Every key to_dict writes is described, and nothing more: a new field needs the schema too."""
    article = belnews.parse_article(
        "Talks in Sochi\n\nSOCHI - Vladimir Putin met Alexander Lukashenko on Monday, and 2,000 "
        "people protested in Minsk. \u201cWe agreed,\u201d Putin said.",
        published="2020-09-14",
    )
    record = article.to_dict()
    defs = _schema()["$defs"]
    assert set(_schema()["required"]) == set(record)
    for name, items in [("actor", "actors"), ("quote", "quotes"), ("event", "events"), ("date", "dates")]:
        assert record[items], f"the sample article should give {items}"
        assert set(defs[name]["required"]) == set(record[items][0]), name
    _check(record)


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_examples_validate(path: Path) -> None:
    _check(belnews.parse_article(path.read_text(encoding="utf-8"), published="2025-11-18").to_dict())


@needs_shared
@pytest.mark.parametrize("seed", seed_paths(), ids=lambda p: p.name)
def test_seeds_validate(seed: Path) -> None:
    published = gold_for(seed).get("published")
    article = belnews.parse_article(seed.read_text(encoding="utf-8"), published=published)  # type: ignore[arg-type]
    _check(article.to_dict())


def test_minimal_article_validates() -> None:
    _check(belnews.Article(text="").to_dict())


@pytest.mark.parametrize(
    "change",
    [
        lambda r: r.update(published="14/09/2020"),
        lambda r: r["actors"][0].update(kind="celebrity"),
        lambda r: r["actors"][0].update(country="Belarus"),
        lambda r: r["dates"][0].update(value="September 2020"),
        lambda r: r["quotes"][0].update(spans=[[1, 2, 3]]),
        lambda r: r.update(extra=1),
    ],
    ids=["published", "actor-kind", "country", "date-value", "span", "unknown-key"],
)
def test_schema_rejects_bad_records(change: Any) -> None:
    article = belnews.parse_article(
        "Vote in Belarus\n\nSviatlana Tsikhanouskaya said on 9 August 2020: \u201cWe won.\u201d",
        published="2020-09-14",
    )
    record = json.loads(json.dumps(article.to_dict()))
    assert _problems(record) == []
    change(record)
    assert _problems(record) != []
