"""Date expressions: the data samples, the dateparser traps, resolution rules, spans."""

from __future__ import annotations

import datetime as dt
import json
import re
import subprocess
import sys
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from belnews import dates
from belnews.clean import Cleaned, clean_article
from belnews.dates import find_dates, resolve_at
from belnews.model import Paragraph, Precision, Span
from tests.conftest import gold_for, needs_shared, seed_paths


def _data() -> dict[str, Any]:
    text = resources.files("belnews").joinpath("data/date_patterns.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def doc_of(*paragraphs: str) -> Cleaned:
    """A Cleaned document with paragraphs and sentences, built without the cleaner."""
    text = "\n\n".join(paragraphs)
    paras: list[Paragraph] = []
    sentences: list[Span] = []
    pos = 0
    for p in paragraphs:
        paras.append(Paragraph(p, Span(pos, pos + len(p))))
        start = pos
        for i, ch in enumerate(p):
            if ch in ".!?" and (i + 1 == len(p) or p[i + 1] == " "):
                sentences.append(Span(start, pos + i + 1))
                start = pos + i + 2
        if start < pos + len(p):
            sentences.append(Span(start, pos + len(p)))
        pos += len(p) + 2
    return Cleaned(text, paragraphs=tuple(paras), sentences=tuple(sentences))


def found(text: str, published: str | None) -> list[tuple[str, str]]:
    ref = None if published is None else dt.date.fromisoformat(published)
    return [(d.text, d.value) for d in find_dates(doc_of(text), ref)]


def test_data_file_shape() -> None:
    data = _data()
    assert set(data["months"].values()) == set(range(1, 13))
    assert len(data["weekdays"]) == 7
    assert all(r["precision"] in {p.value for p in Precision} for r in data["relative"])
    for sample in data["samples"]:
        text, published, expected = sample
        assert isinstance(text, str) and dt.date.fromisoformat(published)
        assert all(len(pair) == 2 for pair in expected)


@pytest.mark.parametrize("sample", _data()["samples"], ids=lambda s: s[0][:40])
def test_samples(sample: list[Any]) -> None:
    text, published, expected = sample
    assert [list(pair) for pair in found(text, published)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Today we will march to the square.",  # "we" is no Wednesday, "march" no month
        "They may gather again, and we will see.",
        "He took 80% of the vote after 26 years in power.",
        "World Today News asked the minister.",
        "Readers of the Sunday Times remember Bloody Sunday.",
        "The 774 detainees and 30,000 marchers filled the streets.",
        "Four years on, the three-decade rule and the 26-year reign go on.",
        "They marched for five consecutive weeks.",
        "Protests have gone on to this day, and a few days ago, in one of the most dramatic weeks.",
        "Some 2000 protesters and 1500 police were there.",
    ],
)
def test_dateparser_traps_are_not_dates(text: str) -> None:
    dates = found(text, "2021-03-03")
    assert [t for t, _ in dates if t.lower() != "today"] == []


def test_a_year_used_as_a_date() -> None:
    assert found("Memories of the 2020 protests linger.", "2024-12-07") == [("2020", "2020")]
    assert found("Tensions rose in 2014 and 2022.", "2024-12-07") == [("in 2014", "2014"), ("2022", "2022")]


def test_month_takes_the_nearest_year_unless_tense_says_otherwise() -> None:
    # nearest: November 2020 is one month back, November 2021 eleven ahead
    assert found("Talks are held in November.", "2020-12-15") == [("in November", "2020-11")]
    # nearest: February 2021 is two months ahead
    assert found("Talks are held in February.", "2020-12-15") == [("in February", "2021-02")]
    assert found("Talks will be held in November.", "2020-12-15") == [("in November", "2021-11")]
    assert found("Talks were held in February.", "2020-12-15") == [("in February", "2020-02")]


def test_weekday_with_a_leading_weekday_picks_the_matching_year() -> None:
    # 13 September fell on a Sunday in 2020, not in 2021
    assert found("Crowds came on Sunday 13 September.", "2021-03-01") == [
        ("on Sunday 13 September", "2020-09-13")
    ]


def test_weekday_resolves_against_the_reference_or_an_anchor() -> None:
    # Friday 2020-08-28: "on Tuesday" is the Tuesday of that week
    assert found("He resigned on Tuesday.", "2020-08-28") == [("on Tuesday", "2020-08-25")]
    text = "The count ended on 2 August. He resigned on Tuesday, after the count."
    assert found(text, "2020-08-28")[-1] == ("on Tuesday", "2020-08-04")
    # an anchor that would land after the reference date is not used
    text = "The count ended on 26 August. He resigned on Tuesday, after the count."
    assert found(text, "2020-08-28")[-1] == ("on Tuesday", "2020-08-25")
    # a relative date is no anchor
    assert found("A week ago it began. He left on Tuesday after that.", "2020-08-28")[-1] == (
        "on Tuesday",
        "2020-08-25",
    )


def test_relative_phrases() -> None:
    got = dict(found("It began yesterday; last week; next month; this year; two weeks ago.", "2020-08-16"))
    assert got == {
        "yesterday": "2020-08-15",
        "last week": "2020-08-09",
        "next month": "2020-09",
        "this year": "2020",
        "two weeks ago": "2020-08-02",
    }


def test_precision_follows_the_expression() -> None:
    doc = doc_of("In the 1990s and in 1994, in May 2020, on 9 August 2020.")
    dates = find_dates(doc, dt.date(2021, 1, 1))
    assert [(d.value, d.precision) for d in dates] == [
        ("1990s", Precision.DECADE),
        ("1994", Precision.YEAR),
        ("2020-05", Precision.MONTH),
        ("2020-08-09", Precision.DAY),
    ]


def test_without_a_reference_only_absolute_dates_are_kept() -> None:
    assert found("On Tuesday, in May, since 1994, on 9 August 2020, last month.", None) == [
        ("since 1994", "1994"),
        ("on 9 August 2020", "2020-08-09"),
    ]


def test_spans_point_at_the_text() -> None:
    doc = doc_of("First line.", "Crowds came on Sunday 13 September and again a week ago.")
    for d in find_dates(doc, dt.date(2020, 9, 20)):
        assert d.span is not None
        assert d.span.slice(doc.text) == d.text


def test_resolve_at_prefers_the_sentence_then_the_paragraph() -> None:
    doc = doc_of(
        "Crowds marched on 13 September 2020. Police held many people. Since 1994 he has ruled.",
        "Officials were silent.",
    )
    dates = find_dates(doc, dt.date(2020, 9, 14))
    held = resolve_at(doc, dates, doc.text.index("held"))
    assert held is not None and held.value == "2020-09-13"
    ruled = resolve_at(doc, dates, doc.text.index("ruled"))
    assert ruled is not None and ruled.value == "1994"
    assert resolve_at(doc, dates, doc.text.index("silent")) is None


def test_resolve_at_skips_since_dates_for_later_sentences() -> None:
    doc = doc_of("He has ruled since 1994. Crowds gathered.")
    dates = find_dates(doc, dt.date(2020, 9, 14))
    assert resolve_at(doc, dates, doc.text.index("gathered")) is None


def test_import_does_not_load_dateparser() -> None:
    code = "import sys, belnews; print('dateparser' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


@settings(max_examples=60, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(list("Sunday May 2020 in on ago week last 13 September -,.")), max_size=80
    )
)
def test_any_text_gives_spans_into_it(text: str) -> None:
    doc = doc_of(text)
    for d in find_dates(doc, dt.date(2020, 8, 16)):
        assert d.span is not None and d.span.slice(doc.text) == d.text


def _overlaps(pred: str, gold: str) -> bool:
    p, g = pred.casefold().replace(".", ""), gold.casefold().replace(".", "")
    return g in p or (p in g and 2 * len(p) >= len(g))


@needs_shared
def test_seed_dates_are_found_and_resolved() -> None:
    total = hit = right = 0
    for seed in seed_paths():
        gold = gold_for(seed)
        doc = clean_article(Path(seed).read_text(encoding="utf-8"))
        published = dt.date.fromisoformat(str(gold["published"]))
        dates = find_dates(doc, published)
        gold_dates: list[dict[str, str]] = gold["dates"]  # type: ignore[assignment]
        for g in gold_dates:
            total += 1
            match = next((d for d in dates if _overlaps(d.text, g["text"])), None)
            if match is not None:
                hit += 1
                right += match.value == g["value"]
    assert total and hit / total >= 0.95 and right / total >= 0.90


@pytest.mark.parametrize(
    ("sentence", "published", "expected"),
    [
        ("Opposition groups will rally tonight outside parliament.", "2024-12-01", ("tonight", "2024-12-01")),
        ("Air raid sirens sounded this morning in Lviv.", "2024-05-26", ("this morning", "2024-05-26")),
        ("In March the Rada approved a mobilisation law.", "2024-08-09", ("In March", "2024-03")),
        ("Chisinau prepares for a tightly watched vote in January.", "2024-12-07", ("in January", "2025-01")),
        (
            "The drills planned for September will involve 13,000 troops.",
            "2025-01-15",
            ("September", "2025-09"),
        ),
        ("The mayor resigned late last year.", "2024-03-02", ("late last year", "2023")),
        ("Voting ended on Nov. 3 in Moldova.", "2024-11-04", ("on Nov. 3", "2024-11-03")),
    ],
)
def test_wave2_expressions(sentence: str, published: str, expected: tuple[str, str]) -> None:
    found = [(d.text, d.value) for d in find_dates(Cleaned(sentence), dt.date.fromisoformat(published))]
    assert expected in found


# The calendar arithmetic that replaced dateparser for the forms the patterns read completely
# must give what dateparser gives (it still resolves the rest); a spread of reference dates
# (month ends, a leap year, every weekday) against every form.
_BASES = [dt.date(2019, 12, 25) + dt.timedelta(days=n) for n in range(0, 800, 41)] + [
    dt.date(2020, 2, 29),
    dt.date(2020, 3, 31),
    dt.date(2021, 1, 31),
    dt.date(2021, 12, 31),
]


def test_weekdays_and_months_agree_with_dateparser() -> None:
    weekdays, months = _data()["weekdays"], list(_data()["months"])
    for base in _BASES:
        for prefer in ("past", "future"):
            for i, name in enumerate(weekdays):
                assert dates._weekday(i, base, prefer) == dates._parse(name, base, prefer), (name, base)
            first = base.replace(day=1)
            for month in range(1, 13):
                expected = dates._parse(months[month - 1], first, prefer)
                assert expected is not None and (expected.year, expected.month) == (
                    (first.year - (month > first.month), month)
                    if prefer == "past"
                    else (first.year + (month <= first.month), month)
                )
                if prefer == "past" or month != base.month:  # the current month is this one
                    value = dates._month_value(month, base, prefer)
                    assert value.strftime("%Y-%m") == expected.strftime("%Y-%m")


def test_days_of_a_month_agree_with_dateparser() -> None:
    months = list(_data()["months"])
    for base in _BASES[::3]:
        near = [base + dt.timedelta(days=n) for n in (-1, 0, 1)]
        for month, day in [(d.month, d.day) for d in near] + [(1, 1), (2, 28), (2, 29), (4, 31), (12, 31)]:
            for prefer in ("past", "future"):
                written = f"{day} {months[month - 1]}"
                assert dates._day_in(month, day, base, prefer) == dates._parse(written, base, prefer), written
    for year, month, day in [
        (1994, 8, 9),
        (2020, 2, 29),
        (2021, 2, 29),
        (2020, 4, 31),
        (1000, 1, 1),
        (2099, 12, 31),
    ]:
        written = f"{day} {months[month - 1]} {year}"
        assert dates._calendar_date(year, month, day, written) == dates._parse(
            written, dt.date(2000, 1, 1), "past"
        )
        iso = f"{year:04d}-{month:02d}-{day:02d}"
        assert dates._calendar_date(year, month, day, iso) == dates._parse(iso, dt.date(2000, 1, 1), "past")


def test_relative_offsets_and_ago_agree_with_dateparser() -> None:
    for base in _BASES:
        for r in _data()["relative"]:
            unit = Precision(r["precision"])
            expected = dates._parse(r.get("parse", r["phrase"]), base, "past")
            assert dates._shift(base, r["offset"], unit) == expected, (r["phrase"], base)
        for count in (0, 1, 2, 7, 13, 30, 99):
            for unit in (Precision.DAY, Precision.MONTH, Precision.YEAR):
                expected = dates._parse(f"{count} {unit.value}s ago", base, "past")
                assert dates._shift(base, -count, unit) == expected, (count, unit, base)
            assert dates._shift(base, -7 * count, Precision.DAY) == dates._parse(
                f"{count} weeks ago", base, "past"
            )


@pytest.mark.parametrize(
    "text",
    [
        "Overnight into Sunday, and by mid-August or the end of September 2021, the 1990s ended.",
        "Three weeks ago, on the fifth, a day later, since 9 Aug. 2020 and Sept. 3, during Easter Monday.",
        "Last night, this evening, earlier this year and early next year; late 2019 and 2020-08-09.",
        "THE NEXT DAY, In March, On Sunday 13 September, until Nov. 3 and from Friday morning.",
        "Anything: ſince May, Kyiv’s 2022 winter, ½ today, naïve Monday, café Sunday.",
    ],
)
def test_the_start_filter_keeps_every_start_the_pattern_matches(text: str) -> None:
    v = dates._vocab()
    for start in range(len(text)):
        if v.pattern.match(text, start) is not None:
            assert dates._could_start(text, start, v.first_words), text[start:]


def _words_of_dates() -> list[str]:
    d = dates._data()
    words = {w for phrase in d["kept_prepositions"] + d["context_prepositions"] for w in phrase.split()}
    for key in ("months", "month_abbreviations", "weekdays", "month_modifiers", "ago_counts", "ordinals"):
        words |= {w for phrase in d[key] for w in phrase.split()}
    for key in ("following_day", "movable_feasts", "day_parts"):
        words |= {w for phrase in d[key] for w in phrase.split()}
    words |= {w for r in d["relative"] for w in r["phrase"].split()}
    words |= {"the", "The", "of", "ago", "days", "weeks", "years", "overnight", "into", "Times", "1990s"}
    words |= {"13", "5th", "31st", "2020", "1994", "2020-09-13", "9", "12:30", "Sept.", "mid", "early-"}
    words |= {
        "Łukašenka",
        "café",
        "Straße",
        "протест",
        "_",
        "'s",
        "’",
        "-",
        "—",
        ".",
        ",",
        ";",
        "(",
        ")",
        "%",
    }
    return sorted(words)


def _same_named_source(pattern: str) -> str:
    """The date pattern as first written: repeated group names, for ``regex``."""
    return re.sub(r"\(\?P<(\w+?)_\d+>", r"(?P<\1>", pattern)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(_words_of_dates()),
            st.sampled_from([" ", " ", " ", "  ", "\u00a0", "\t", "\n", ", ", ". ", "", "-"]),
        ),
        max_size=30,
    ).map(lambda pairs: "".join(w + sep for w, sep in pairs))
)
def test_the_date_pattern_matches_as_regex_did(text: str) -> None:
    # the pattern runs on the standard module; ``regex`` with the names repeated is how it was
    # written first, and both must match the same text with the same groups everywhere
    v = dates._vocab()
    written = regex.compile(_same_named_source(v.pattern.pattern), regex.VERBOSE)
    for i in range(len(text) + 1):
        old, new = written.match(text, i), v.pattern.match(text, i)
        assert (old is None) == (new is None), (text, i)
        if old is not None and new is not None:
            assert old.span() == new.span()
            groups = dates._groups(new, v.group_names, v.same_named)
            assert old.groupdict() == {name: groups[name] for name in old.groupdict()}
            assert {k: x for k, x in groups.items() if k not in old.groupdict()} == {
                k: x for k, x in new.groupdict().items() if k not in old.groupdict()
            }
            for name in old.groupdict():
                assert old.end(name) == dates._end(new, name), (text, i, name)
                if name not in v.same_named:
                    assert old.start(name) == new.start(name), (text, i, name)


def _tense_cues_as_written(text: str) -> list[tuple[int, int, bool]]:
    """The definition _tense_cues keeps: one pattern whose words begin after a lookbehind."""
    d = dates._data()
    pattern = re.compile(
        rf"(?P<past>{dates._words(d['past_cues'])})|(?P<future>{dates._words(d['future_cues'])})"
    )
    return [(c.start(), c.end(), c.group("past") is not None) for c in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(
                ["was", "will", "we", "'ll", "’ll", "since", "going", "to", "next", "ago", "o", "_", "é"]
            ),
            st.sampled_from([" ", "", "  ", "\u00a0", "\n", ", ", "'", "’", "-"]),
        ),
        max_size=20,
    ).map(lambda pairs: "".join(w + sep for w, sep in pairs))
)
def test_tense_cues_are_found_as_one_lookbehind_pattern_finds_them(text: str) -> None:
    assert dates._tense_cues(text) == _tense_cues_as_written(text)


def test_tense_cues_in_sentences() -> None:
    text = "the talks were held and they'll resume; a vote is set to follow"
    assert [(text[s:e], past) for s, e, past in dates._tense_cues(text)] == [
        ("were", True),
        ("'ll", False),
        ("is set to", False),
    ]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(
                ["voted", "the", "a", "ly", "need", "x-rayed", "planned", "at", "ed", "é", "²", "_"]
            ),
            st.sampled_from([" ", "", "  ", "\u00a0", "\n", ", ", "; ", "-"]),
        ),
        max_size=20,
    ).map(lambda pairs: "".join(w + sep for w, sep in pairs))
)
def test_the_past_verb_is_found_from_the_end_where_it_is_found_from_the_start(text: str) -> None:
    forward = regex.compile(dates._data()["past_verb"])
    assert bool(dates._vocab().past_verb.search(text)) == bool(forward.search(text))


def test_past_verb_in_sentences() -> None:
    found = dates._vocab().past_verb.search
    assert found("in march the council approved the budget")
    assert not found("in march the council will need a budget")  # "need" is no past tense
    assert not found("the talks, postponed at the request of the envoys")  # after a comma, then "at"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The vote was set for 2031-04-05 by decree.", "iso"),
        ("She flew home on Friday, 3 March 2028.", "dmy"),
        ("He resigned on March 3, 2028, after a row.", "mdy"),
        ("The plant shut in late March 2028 for good.", "my"),
        ("Prices rose sharply in the early 1990s there.", "decade"),
        ("The mayor quit three weeks ago in protest.", "ago"),
        ("Parliament met yesterday to vote.", "rel"),
        ("They struck again the following day at noon.", "nextday"),
        ("The talks stalled before Good Friday that spring.", "feast"),
        ("The court sits again on the ninth, a clerk said.", "dom"),
        ("Farmers will rally next Tuesday evening in town.", "weekday"),
        ("The fund ran dry in early March as expected.", "mo"),
        ("The treaty of 1921 still matters.", "yr"),
    ],
)
def test_each_alternative_of_the_pattern_gives_its_kind(sentence: str, kind: str) -> None:
    # the kind is the group that closed last: every alternative must hold all its groups
    found = dates._candidates(Cleaned(sentence))
    assert [f.kind for f in found] == [kind]
