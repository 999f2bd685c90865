"""Hostile and broken articles: each parses without a crash, in time proportional to its size,
within bounded memory.

The time bound is a generous multiple of the per-character cost of ordinary news copy,
measured on this machine at the start of the module, so a slow machine is not a failure and a
super-linear stage is. Both are CPU time of this process, so other work on a busy machine
does not count. A parse that overruns its bound is interrupted (SIGPROF, the timer of the
process's CPU time), so a regression fails in seconds instead of hanging the suite. Set
``BELNEWS_BIG=1`` to also parse 10 MB of text (about two minutes).
"""

from __future__ import annotations

import os
import signal
import sys
import time
import tracemalloc
from collections.abc import Iterator
from types import FrameType

import pytest

import belnews
from belnews import Article
from tests.fixtures.adversarial import SHAPES, normal

SIZE = 200_000  # characters per adversarial article
# Times the per-character cost of ordinary copy. A linear shape may still cost several times
# copy per character (a run of speech verbs, each a cue to weigh: about 4x), and more on the
# compiled build, where copy is faster and the regex engines are not.
SLACK = 8.0
FLOOR = 1.0  # seconds: below this, timing noise dominates
MEMORY = 400  # times the input's size in characters: the tracemalloc peak allowed

needs_alarm = pytest.mark.skipif(sys.platform == "win32", reason="the time bound uses SIGPROF")

# Shapes that are still super-linear; each reason names the stage and the loop.
SLOW: dict[str, str] = {}


@pytest.fixture(scope="module")
def per_char() -> float:
    """CPU seconds per character of ordinary news copy, the best of two runs."""
    belnews.parse_article(normal(5_000))  # load the stages and their tables
    text = normal(SIZE)
    best = float("inf")
    for _ in range(2):
        start = time.process_time()
        belnews.parse_article(text)
        best = min(best, time.process_time() - start)
    return best / len(text)


class Overrun(Exception):
    """A parse ran past its time bound."""


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise Overrun


def timed_parse(text: str, bound: float) -> tuple[Article, float]:
    """Parse ``text``, failing the test if it takes more than ``bound`` CPU seconds."""
    old = signal.signal(signal.SIGPROF, _alarm)
    signal.setitimer(signal.ITIMER_PROF, bound)
    start = time.process_time()
    try:
        article = belnews.parse_article(text)
    except Overrun:
        pytest.fail(f"{len(text):,} characters took more than {bound:.1f} CPU seconds")
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, old)
    return article, time.process_time() - start


def bound_for(text: str, per_char: float) -> float:
    return max(FLOOR, SLACK * per_char * len(text))


def _shapes() -> Iterator[object]:
    for name in SHAPES:
        marks = [pytest.mark.xfail(strict=True, reason=SLOW[name])] if name in SLOW else []
        yield pytest.param(name, marks=marks, id=name)


def check_article(a: Article) -> None:
    for p in a.paragraphs:
        assert p.text == a.text[p.span.start : p.span.end]
    for actor in a.actors:
        for m in actor.mentions:
            assert m.text == a.text[m.span.start : m.span.end]


@needs_alarm
@pytest.mark.parametrize("name", list(_shapes()))
def test_parses_in_proportional_time(name: str, per_char: float) -> None:
    text = SHAPES[name](SIZE)
    article, _seconds = timed_parse(text, bound_for(text, per_char))
    check_article(article)


@pytest.mark.parametrize("name", [n for n in SHAPES if n not in SLOW])
def test_memory_is_bounded(name: str) -> None:
    text = SHAPES[name](50_000)
    belnews.parse_article(normal(5_000))  # the tables are loaded once; they are not the input's cost
    tracemalloc.start()
    try:
        belnews.parse_article(text)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak <= MEMORY * max(len(text), 10_000), f"peak {peak:,} bytes for {len(text):,} characters"


@needs_alarm
def test_one_megabyte_of_news(per_char: float) -> None:
    text = normal(1_000_000)
    article, _ = timed_parse(text, bound_for(text, per_char))
    assert len(article.paragraphs) > 1000


@needs_alarm
@pytest.mark.skipif(not os.environ.get("BELNEWS_BIG"), reason="set BELNEWS_BIG=1 to parse 10 MB")
def test_ten_megabytes(per_char: float) -> None:
    text = normal(10_000_000)
    article, _ = timed_parse(text, bound_for(text, per_char))
    assert article.text


def test_title_only_keeps_the_title() -> None:
    a = belnews.parse_article(SHAPES["title_only"](100))
    assert a.title == "Belarus opposition leader detained in Minsk"
    assert a.quotes == () and a.events == ()


def test_html_does_not_become_actors() -> None:
    a = belnews.parse_article(SHAPES["html_as_text"](3_000))
    names = {actor.name.casefold() for actor in a.actors}
    assert not names & {"div", "span", "script", "href", "class", "amp", "nbsp", "ldquo"}


def test_no_break_space_inside_a_name_is_one_person() -> None:
    a = belnews.parse_article("Talks\n\nIvan\u00a0Petrov met reporters. Ivan Petrov said nothing.")
    persons = [actor for actor in a.actors if actor.kind is belnews.ActorKind.PERSON]
    assert len(persons) == 1, persons


def test_control_characters_do_not_survive_into_names() -> None:
    a = belnews.parse_article(SHAPES["control_and_marks"](5_000))
    for actor in a.actors:
        assert all(c.isprintable() for c in actor.name), actor.name
