"""Counts: the data samples, qualifiers, vague sizes, what is not a count, spans."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from belnews import quantities
from belnews.clean import Cleaned, clean_article
from belnews.model import Paragraph, Qualifier, Quantity, Span
from belnews.quantities import find_quantities, parse_quantity, quantities_in, scan_starts, words_value
from tests.conftest import gold_for, needs_shared, seed_paths


def _data() -> dict[str, Any]:
    text = resources.files("belnews").joinpath("data/numbers.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def test_data_file_shape() -> None:
    data = _data()
    qualifiers = {q.value for q in Qualifier}
    assert set(data["qualifiers"].values()) <= qualifiers
    for v in data["vague"]:
        assert v["value"] > 0 and (v["high"] is None or v["high"] > v["value"])
    for text, expected in data["samples"]:
        assert isinstance(text, str)
        assert all(len(row) == 4 and row[1] in qualifiers for row in expected)


@pytest.mark.parametrize("sample", _data()["samples"], ids=lambda s: s[0][:40])
def test_samples(sample: list[Any]) -> None:
    text, expected = sample
    got = [[q.value, q.qualifier.value, q.high, q.unit] for q in quantities_in(text)]
    assert got == expected


@pytest.mark.parametrize("phrase, qualifier", sorted(_data()["qualifiers"].items()))
def test_every_qualifier(phrase: str, qualifier: str) -> None:
    q = parse_quantity(f"{phrase} 300 protesters")
    assert q is not None and q.value == 300 and q.qualifier.value == qualifier
    assert q.text == f"{phrase} 300"


@pytest.mark.parametrize(
    "phrase, value",
    [
        ("one hundred thousand", 100000),
        ("twenty-five", 25),
        ("a hundred", 100),
        ("three hundred and twelve", 312),
        ("two million", 2000000),
        ("forty thousand five hundred", 40500),
    ],
)
def test_number_words(phrase: str, value: int) -> None:
    assert words_value(phrase) == value
    q = parse_quantity(f"{phrase} people")
    assert q is not None and q.value == value


def test_vague_sizes_take_the_smallest_value_and_bound_where_the_phrase_does() -> None:
    rows = {
        "dozens": (24, None),
        "hundreds": (200, None),
        "thousands": (2000, None),
        "a few thousand": (2000, 9999),
        "several thousand": (2000, 9999),
        "tens of thousands": (20000, 99999),
        "hundreds of thousands": (200000, 999999),
    }
    for phrase, (value, high) in rows.items():
        q = parse_quantity(f"{phrase} of people")
        assert q is not None and (q.value, q.high, q.low) == (value, high, value), phrase
        assert q.qualifier is Qualifier.AT_LEAST


def test_digits_scales_and_percentages() -> None:
    assert [q.value for q in quantities_in("Some 3.5 million voters; 1,200 police; $2 billion.")] == [
        3500000,
        1200,
        2000000000,
    ]
    pct = parse_quantity("turnout was 84.2 per cent")
    assert pct is not None and pct.value == 84.2 and pct.unit == "percent"


@pytest.mark.parametrize(
    "text",
    [
        "He was elected in 1994 and again in 2020.",
        "They met on 13 September and on August 9th.",
        "He has ruled for 26 years; the 26-year ruler; four years; five consecutive weeks.",
        "It was his sixth term and the first time.",
        "One of the leaders spoke; nearly all of them left.",
        "The COVID-19 rules, the G7 and the S-400 system.",
    ],
)
def test_not_counts(text: str) -> None:
    assert quantities_in(text) == []


def test_spans_and_offset() -> None:
    text = "Police said more than 30,000 people were held."
    q = quantities_in(text, offset=10)[0]
    assert q.span == Span(10 + text.index("more"), 10 + text.index(" people"))
    para = "Nearly 500 workers joined."
    doc = Cleaned(
        "Intro.\n\n" + para, paragraphs=(Paragraph("Intro.", Span(0, 6)), Paragraph(para, Span(8, 34)))
    )
    (found,) = find_quantities(doc)
    assert found.span is not None and found.span.slice(doc.text) == "Nearly 500"


def test_no_break_spaces() -> None:
    q = parse_quantity("At least four\u00a0people died")
    assert q is not None and (q.value, q.qualifier, q.unit) == (4, Qualifier.AT_LEAST, "people")


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("at least 30,000 tens of thousands one hundred % 1994 -")), max_size=80
    )
)
def test_any_text_gives_spans_into_it(text: str) -> None:
    for q in quantities_in(text):
        assert q.span is not None and q.span.slice(text) == q.text


@needs_shared
def test_seed_event_counts_are_read() -> None:
    checked = right = 0
    for seed in seed_paths():
        gold = gold_for(seed)
        doc = clean_article(Path(seed).read_text(encoding="utf-8"))
        events: list[dict[str, Any]] = gold["events"]  # type: ignore[assignment]
        found = find_quantities(doc)
        for e in events:
            start = doc.text.find(e["evidence"])
            if "count" not in e or start < 0:
                continue
            checked += 1
            end = start + len(e["evidence"])
            inside = [q for q in found if q.span is not None and start <= q.span.start < end]
            right += any(q.value == e["count"] and q.qualifier.value == e["count_qualifier"] for q in inside)
    assert checked and right / checked >= 0.9


def _starts_stem_by_stem(text: str, stems: list[str], words_before: int, lead: str) -> list[int]:
    """The definition scan_starts keeps: each stem found with ``str.find``, then walked back."""
    found = set()
    for stem in stems:
        i = text.find(stem)
        while i >= 0:
            if i == 0 or not text[i - 1].isalnum():
                found.add(i)
            i = text.find(stem, i + len(stem))
    starts = set()
    for start in found:
        while start > 0 and (
            text[start - 1].isalnum()
            or text[start - 1] == "-"
            or (
                text[start - 1] in ",."
                and text[start - 2 : start - 1].isdigit()
                and text[start : start + 1].isdigit()
            )
        ):
            start -= 1
        while start > 0 and text[start - 1] in lead:
            start -= 1
        starts.add(start)
        for _ in range(words_before):
            j = start - 1
            while j >= 0 and text[j] in " \t\u00a0":
                j -= 1
            if j < 0 or j == start - 1 or not (text[j].isalpha() or text[j] == "-"):
                break
            while j > 0 and (text[j - 1].isalpha() or text[j - 1] == "-"):
                j -= 1
            start = j
            starts.add(start)
    return sorted(starts)


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("Aug 0105 ten-s_é,.$—\u00a0ſK\n\t²’")), max_size=60),
    st.lists(
        st.sampled_from(["Aug", "0", "10", "ten", "tens", "mid-", "a b", "é", "_s"]), min_size=1, max_size=5
    ),
    st.integers(min_value=0, max_value=3),
)
def test_one_scan_finds_what_stem_by_stem_finds(text: str, stems: list[str], words_before: int) -> None:
    expected = _starts_stem_by_stem(text, stems, words_before, "$")
    assert scan_starts(text, stems, words_before=words_before, lead="$") == expected


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["5", "3,5", "1.5", "Zé", " ", "  ", "\u00a0", "\t", *",.€$-a½²ǅß"]),
        max_size=30,
    ),
    st.integers(min_value=0, max_value=3),
)
def test_the_walk_back_from_a_stem_reads_letters_as_str_does(parts: list[str], words_before: int) -> None:
    # the walk back runs on ASCII as a pattern: next to "½", "²" (no letters for str.isalpha,
    # digits or numbers for str.isalnum), "ǅ", "ß" or a sign outside ASCII it must agree too
    text = "".join(parts) + " 5"
    expected = _starts_stem_by_stem(text, ["5"], words_before, "€$")
    assert scan_starts(text, ["5"], words_before=words_before, lead="€$") == expected


def _stage_stems() -> list[list[str]]:
    from belnews.dates import _vocab

    return [sorted(quantities._tables().triggers), sorted(_vocab().triggers)]


_WORDS = ["August", "Aug", "ten", "often", "Ten", "2020", "30,000", "one", "someone", "day", "Monday"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_WORDS),
            st.text(alphabet=st.sampled_from(list("tenAugo9 _-,.$é²ſK—\n\u00a0’Éàß")), max_size=4),
        ),
        max_size=25,
    )
)
def test_the_stages_scans_find_what_stem_by_stem_finds(parts: list[str]) -> None:
    # the real stems of both stages: the scanner's leading class is ASCII, non-ASCII letters
    # and digits before a stem ("éten", "²0") are no word starts
    text = "".join(parts)
    for stems in _stage_stems():
        assert scan_starts(text, stems, words_before=3, lead="$") == _starts_stem_by_stem(text, stems, 3, "$")


def test_the_stages_scans_on_the_articles() -> None:
    for path in sorted(Path(__file__).parent.parent.joinpath("examples").glob("*.txt")):
        text = clean_article(path.read_text(encoding="utf-8")).text
        for stems in _stage_stems():
            for words_before in (0, 3):
                expected = _starts_stem_by_stem(text, stems, words_before, "$")
                assert scan_starts(text, stems, words_before=words_before, lead="$") == expected


def test_counts_in_words_no_count_begins_with_are_skipped_fast() -> None:
    text = "Nobody knew whether the sixth convoy carried eleven hundred refugees or none."
    assert [(q.value, q.unit) for q in quantities_in(text)] == [(1100, "refugees")]


def _paragraph_by_paragraph(doc: Cleaned) -> list[Quantity]:
    """The definition find_quantities keeps: each paragraph read on its own."""
    out: list[Quantity] = []
    for p in doc.paragraphs:
        out.extend(quantities_in(doc.text[p.span.start : p.span.end], p.span.start))
    return out


_EDGES = [
    "Turnout reached 61",
    "percent of voters came, officials said on 12",
    "September the crowd of 5,000",
    "people marched; Article 23",
    "was cited by the court in 2019",
    "thousands more joined them, twenty-",
    "five of them were held for 15",
    "days and fined $3",
    "million in total.",
]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(_EDGES), min_size=1, max_size=6))
def test_the_whole_text_gives_what_its_paragraphs_give(paragraphs: list[str]) -> None:
    doc = clean_article("Headline\n\n" + "\n\n".join(paragraphs))
    assert list(find_quantities(doc)) == _paragraph_by_paragraph(doc)


def test_text_outside_the_paragraphs_is_not_read() -> None:
    text = "Police held 40 people.\n\nIgnored 70 words here.\n\nThen 12 more were freed."
    last = text.index("Then")
    first = Paragraph(text[:22], Span(0, 22))
    doc = Cleaned(text, paragraphs=(first, Paragraph(text[last:], Span(last, len(text)))))
    assert [q.value for q in find_quantities(doc)] == [40, 12]


def test_the_month_hints_are_what_every_month_begins_with() -> None:
    assert {month[0] for month in quantities._MONTHS.split("|")} == quantities._MONTH_INITIALS


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The vote of 9 August and 12th of\u00a0October drew 40 observers.", [40]),
        ("By June 14 about 300 miners had walked out, and by Dec. 2 some 90 more.", [300, 90]),
        ("Shipments rose 12 Septembers running to 70 tonnes in 3 Aprils.", [12, 70, 3]),
    ],
)
def test_numbers_next_to_month_names(text: str, values: list[int]) -> None:
    assert [q.value for q in quantities_in(text)] == values


def _plain_alternation(phrases: list[str]) -> str:
    """What phrase_alternation gave before phrases shared their beginnings."""
    ordered = sorted(phrases, key=lambda p: (-len(p), p))
    return "|".join(regex.escape(p).replace(r"\ ", r"[ \t\u00a0]+") for p in ordered)


_PHRASES = [
    "at least",
    "at most",
    "about",
    "As many as",
    "as few as",
    "a",
    "an",
    "ab",
    "Ab",
    "a b",
    "a-b",
    "$",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(_PHRASES), min_size=1, max_size=8, unique=True),
    st.text(alphabet="aAbBsStlmnoe $-\t\u00a0", max_size=20),
    st.booleans(),
)
def test_shared_beginnings_match_what_the_plain_alternation_matches(
    phrases: list[str], text: str, ignore_case: bool
) -> None:
    flags = re.IGNORECASE if ignore_case else 0
    shared = re.compile(rf"(?:{quantities.phrase_alternation(phrases)})(?P<next>x|\w)?", flags)
    plain = re.compile(rf"(?:{_plain_alternation(phrases)})(?P<next>x|\w)?", flags)
    for i in range(len(text) + 1):
        a, b = shared.match(text, i), plain.match(text, i)
        assert (a and a.span(0), a and a.span("next")) == (b and b.span(0), b and b.span("next"))


def test_phrases_that_begin_alike_share_their_beginning() -> None:
    pattern = quantities.phrase_alternation(["more than", "more or less", "many"])
    assert pattern == r"m(?:ore[ \t\u00a0]+(?:or[ \t\u00a0]+less|than)|any)"
    assert re.fullmatch(pattern, "more\u00a0 or less") is not None
