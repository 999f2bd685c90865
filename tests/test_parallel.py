from __future__ import annotations

import datetime as dt
import pickle
import time
from collections.abc import Iterator

import pytest

import belnews
from belnews.model import Article
from belnews.parallel import ParseError, Record, parse_many
from tests.conftest import EXAMPLES, needs_shared, seed_paths

SHORT = [
    "Strike at the tractor works\n\nWorkers in Minsk walked out on Monday.",
    "Talks in Sochi\n\nThe two presidents met for four hours.",
    "Verdict in Hrodna\n\nA court sentenced the blogger to six years.",
]


def _corpus() -> list[str]:
    texts = [EXAMPLES.joinpath("article.txt").read_text(encoding="utf-8"), *SHORT]
    return texts + [p.read_text(encoding="utf-8") for p in seed_paths()]


@pytest.mark.parametrize("workers", [1, 2])
def test_same_results_in_input_order(workers: int) -> None:
    texts = _corpus() * 3
    got = list(parse_many(texts, published="2020-09-14", workers=workers, chunksize=2))
    want = [belnews.parse_article(t, published="2020-09-14") for t in texts]
    assert got == want


@pytest.mark.parametrize("workers", [1, 2])
def test_a_failure_is_a_record_and_the_rest_go_on(workers: int) -> None:
    records: list[object] = [
        SHORT[0],
        "   ",
        b"bytes",
        42,
        {"title": "no text"},
        SHORT[1],
        (SHORT[2], "soon"),
    ]
    got = list(parse_many(records, workers=workers, chunksize=3))  # type: ignore[arg-type]
    assert [type(r).__name__ for r in got] == ["Article"] + ["ParseError"] * 4 + ["Article", "ParseError"]
    errors = [r for r in got if isinstance(r, ParseError)]
    assert [e.index for e in errors] == [1, 2, 3, 4, 6]
    assert [e.error_type for e in errors] == [
        "EmptyTextError",
        "InputTypeError",
        "InputTypeError",
        "InputTypeError",
        "PublishedDateError",
    ]
    assert "decode it first" in errors[1].message


def test_records_carry_their_own_date_and_url() -> None:
    records: list[Record] = [
        SHORT[0],
        (SHORT[1], "2021-03-25"),
        {"text": SHORT[2], "published": "2022-01-01", "url": "https://example.org/a"},
        {"text": SHORT[2], "published": None},
    ]
    got = [
        r for r in parse_many(records, published=dt.date(2020, 9, 14), workers=1) if isinstance(r, Article)
    ]
    assert [a.published for a in got] == [
        dt.date(2020, 9, 14),
        dt.date(2021, 3, 25),
        dt.date(2022, 1, 1),
        dt.date(2020, 9, 14),
    ]
    assert got[2].url == "https://example.org/a"


def test_input_is_read_lazily() -> None:
    pulled: list[int] = []

    def endless() -> Iterator[str]:
        n = 0
        while True:
            pulled.append(n)
            yield SHORT[n % 3]
            n += 1

    results = parse_many(endless(), workers=2, chunksize=4)
    first = [next(results) for _ in range(5)]
    assert all(isinstance(r, Article) for r in first)
    assert len(pulled) <= 4 * 2 * 2 + 4  # the window of chunks in flight, not the whole stream
    results.close()  # type: ignore[attr-defined]


def test_an_article_pickles_as_field_values_and_comes_back_equal() -> None:
    # Workers send every article back pickled: records travel as (class, field values),
    # not as a dict of field names per span, and are rebuilt (and validated) by __init__.
    article = belnews.parse_article(EXAMPLES.joinpath("article.txt").read_text(encoding="utf-8"))
    data = pickle.dumps(article)
    assert pickle.loads(data) == article
    assert b"start" not in data and b"resolved" not in data  # no field names in the payload
    span = article.actors[0].mentions[0].span
    assert span.__reduce__() == (type(span), (span.start, span.end))


def test_bad_options() -> None:
    with pytest.raises(ValueError, match="workers"):
        parse_many(SHORT, workers=0)
    with pytest.raises(ValueError, match="chunksize"):
        parse_many(SHORT, chunksize=0)


def _seconds(text: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        belnews.parse_article(text, published="2020-09-14")
        best = min(best, time.process_time() - start)
    return best


@needs_shared
def test_cost_grows_linearly() -> None:
    # A generous guard against quadratic loops: 50 times the text costs < 100 times the time.
    article = seed_paths()[0].read_text(encoding="utf-8")
    title, _, body = article.partition("\n")
    long = title + "\n" + "\n\n".join([body] * 50)
    belnews.parse_article(article)  # tables and dateparser load outside the timing
    one = _seconds(article, 5)
    fifty = _seconds(long, 2)
    assert fifty < 100 * one + 0.05, f"50x text took {fifty / one:.0f}x the time"
