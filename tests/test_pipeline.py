from __future__ import annotations

import datetime as dt
import json

import pytest

import belnews
from tests.conftest import EXAMPLES, gold_for, needs_shared, seed_paths


def _roundtrip(article: belnews.Article) -> None:
    record = json.loads(json.dumps(article.to_dict()))
    assert belnews.Article.from_dict(record) == article


def test_example_roundtrips() -> None:
    for path in sorted(EXAMPLES.glob("*.txt")):
        _roundtrip(belnews.parse_article(path.read_text(encoding="utf-8"), published="2025-11-18"))


@needs_shared
@pytest.mark.parametrize("seed", seed_paths(), ids=lambda p: p.stem)
def test_seed_roundtrips(seed) -> None:  # type: ignore[no-untyped-def]
    gold = gold_for(seed)
    article = belnews.parse_article(seed.read_text(encoding="utf-8"), published=str(gold["published"]))
    assert article.published == dt.date.fromisoformat(str(gold["published"]))
    _roundtrip(article)


@pytest.mark.parametrize("published", ["2020-09-14", dt.date(2020, 9, 14), dt.datetime(2020, 9, 14, 8)])
def test_published_forms(published: object) -> None:
    article = belnews.parse_article("T\n\nBody.", published=published)  # type: ignore[arg-type]
    assert article.published == dt.date(2020, 9, 14)


def test_bad_published_names_the_value() -> None:
    with pytest.raises(belnews.PublishedDateError, match="yesterday"):
        belnews.parse_article("T\n\nBody.", published="yesterday")
    with pytest.raises(ValueError):
        belnews.parse_article("T\n\nBody.", published="2020-13-45")


def test_bytes_and_empty() -> None:
    with pytest.raises(TypeError, match="decode"):
        belnews.parse_article(b"text")  # type: ignore[arg-type]
    with pytest.raises(belnews.EmptyTextError):
        belnews.parse_article(" \n\t ")
    with pytest.raises(belnews.InputTypeError):
        belnews.parse_article(None)  # type: ignore[arg-type]
