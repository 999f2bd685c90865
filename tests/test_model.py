"""The records' own checks: a span is a pair of offsets, start before end, neither negative."""

from __future__ import annotations

import pickle

import attrs
import pytest

from belnews.model import Span


@pytest.mark.parametrize(("start", "end"), [(5, 2), (-1, 3), (-4, -1)])
def test_a_bad_span_is_refused_with_its_offsets(start: int, end: int) -> None:
    with pytest.raises(ValueError, match=rf"bad span: {start}\.\.{end}"):
        Span(start, end)


def test_a_span_is_built_by_position_or_keyword_and_stays_frozen() -> None:
    span = Span(start=2, end=7)
    assert span == Span(2, 7) == Span.from_list([2, 7])
    assert span.slice("the crowd marched") == "e cro"
    assert (span.start, span.end, span.to_list()) == (2, 7, [2, 7])
    assert Span(0, 0).to_list() == [0, 0]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        span.start = 3  # type: ignore[misc]


def test_spans_order_hash_copy_and_pickle_like_values() -> None:
    spans = [Span(4, 9), Span(1, 3), Span(1, 2)]
    assert sorted(spans) == [Span(1, 2), Span(1, 3), Span(4, 9)]
    assert len({Span(1, 2), Span(1, 2)}) == 1
    assert attrs.evolve(Span(1, 2), end=5) == Span(1, 5)
    with pytest.raises(ValueError, match="bad span"):
        attrs.evolve(Span(3, 4), end=1)
    assert pickle.loads(pickle.dumps(Span(3, 8))) == Span(3, 8)
