"""Property tests of the whole pipeline: no input breaks ``parse_article`` or its promises.

For any text, ``parse_article`` returns an article or raises a :class:`belnews.BelnewsError`;
every span points at the text it claims; the same input gives the same output; and the
article survives a JSON round trip.
"""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import belnews
from belnews import Article

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Pieces of news copy and of what breaks it, joined in any order by the strategy below.
FRAGMENTS = [
    "Ivan Petrov",
    "Anna Sidorova",
    "Alexander Lukashenko",
    "Sviatlana Tsikhanouskaya",
    "Mr.",
    "Dr.",
    "President",
    "the opposition",
    "protesters",
    "police",
    "Minsk",
    "Belarus",
    "Russia",
    "the European Union",
    "said",
    "told reporters",
    "according to",
    "detained",
    "marched",
    "met",
    "on Sunday",
    "last week",
    "14 September 2020",
    "at least",
    "tens of thousands",
    "120",
    "1,500",
    "$2.5 billion",
    "50%",
    "Александр Лукашенко",
    "Мінск",
    "Святлана Ціханоўская",
    '"',
    "\u201c",
    "\u201d",
    "\u2018",
    "\u2019",
    "\u00ab",
    "\u00bb",
    "\u201e",
    "'",
    ".",
    ",",
    ":",
    ";",
    "!",
    "?",
    "-",
    "\u2014",
    "(",
    ")",
    "...",
    "**",
    "**Dr. Petrova:**",
    "MINSK (Reuters) -",
    "By Jane Doe",
    "Advertisement",
    "<p>",
    "</p>",
    "&amp;",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\t",
    "\r\n",
    "\u00a0",  # no-break space
    "\u202f",  # narrow no-break space
    "\u200b",  # zero-width space
    "\u200d",  # zero-width joiner
    "\ufeff",  # byte-order mark
    "\u200e",  # left-to-right mark
    "\u202e",  # right-to-left override
    "\u2066",  # left-to-right isolate
    "\u2028",  # line separator
    "\x00",
    "\x0b",
    "\x1b",
    "\u0301",  # combining acute accent
    "\U0001f600",
]

news_like = st.lists(st.sampled_from(FRAGMENTS), max_size=60).map(" ".join) | st.lists(
    st.sampled_from(FRAGMENTS), max_size=60
).map("".join)
any_text = st.text(max_size=400)
texts = any_text | news_like


def parse(text: str) -> Article | None:
    """The parsed article, or None when belnews refuses the text with one of its documented errors."""
    try:
        return belnews.parse_article(text, published="2020-09-14")
    except belnews.BelnewsError:
        assert not text.strip() or _only_invisible(text), f"refused a text with content: {text!r}"
        return None


def _only_invisible(text: str) -> bool:
    return all(not c.isprintable() or c.isspace() for c in text)


def check_spans(a: Article) -> None:
    """Every span of the article lies in its text and covers what the record says it covers."""
    text = a.text
    size = len(text)
    for p in a.paragraphs:
        assert p.text == text[p.span.start : p.span.end], p
    for actor in a.actors:
        for m in actor.mentions:
            assert m.span.end <= size and m.text == text[m.span.start : m.span.end], (actor.id, m)
    for q in a.quotes:
        for s in q.spans:
            assert s.end <= size, (q, size)
        if q.paragraph is not None:
            assert 0 <= q.paragraph < len(a.paragraphs), q
    for e in a.events:
        if e.span is not None:
            assert e.span.end <= size, e
            covered = text[e.span.start : e.span.end]
            assert e.evidence in covered or covered in e.evidence, (e.evidence, covered)
    for d in a.dates:
        if d.span is not None:
            assert d.span.end <= size and d.text == text[d.span.start : d.span.end], d
    for n in a.quantities:
        if n.span is not None:
            assert n.span.end <= size and n.text == text[n.span.start : n.span.end], n


def check_references(a: Article) -> None:
    """Quotes and events point only at actors of the article."""
    ids = {actor.id: actor for actor in a.actors}
    assert len(ids) == len(a.actors), "two actors share an id"
    linked = [q.speaker for q in a.quotes] + [e.location for e in a.events]
    linked += [x for e in a.events for x in (*e.actors, *e.targets)]
    for actor in linked:
        assert actor is None or ids.get(actor.id) == actor, actor


@SETTINGS
@given(texts)
def test_any_text_parses_or_is_refused_with_a_belnews_error(text: str) -> None:
    a = parse(text)
    if a is not None:
        check_spans(a)
        check_references(a)


@SETTINGS
@given(news_like)
def test_same_input_same_output(text: str) -> None:
    first, second = parse(text), parse(text)
    assert first == second
    if first is not None and second is not None:
        assert first.to_dict() == second.to_dict()


@SETTINGS
@given(texts)
def test_json_round_trip(text: str) -> None:
    a = parse(text)
    if a is not None:
        assert Article.from_dict(json.loads(json.dumps(a.to_dict()))) == a


def test_examples_keep_their_promises() -> None:
    """The project's own example articles, checked with the same rules as the generated texts."""
    from tests.conftest import EXAMPLES, seed_paths

    for path in [*sorted(EXAMPLES.glob("*.txt")), *seed_paths()]:
        a = parse(path.read_text(encoding="utf-8"))
        assert a is not None
        check_spans(a)
        check_references(a)
        assert Article.from_dict(json.loads(json.dumps(a.to_dict()))) == a
