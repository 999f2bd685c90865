"""The derived furniture table (belnews/data/furniture_index.json) and the heads it records."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import belnews
from belnews import _furniture
from belnews._furniture import _ANY, _DIGIT, _HEAD, _SPACE, _WORD, _heads, _may_begin
from belnews._regex_lead import needed_texts

DATA = Path(belnews.__file__).parent / "data"


def _shipped() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((DATA / _furniture.FURNITURE_INDEX).read_text(encoding="utf-8"))
    return data


def test_the_shipped_table_equals_the_computed_one() -> None:
    shipped = _shipped()
    for name, value in _furniture.computed_index_fields().items():
        assert shipped[name] == value, f"{name}: run scripts/build_derived_tables.py"


def test_the_library_uses_the_shipped_table() -> None:
    assert _furniture._derived() is _furniture.load_table(_furniture.FURNITURE_INDEX)


@pytest.mark.parametrize(("line", "fits"), _shipped()["samples"])
def test_furniture_index_samples(line: str, fits: bool) -> None:
    assert _furniture._fullmatch("line", line) is fits


@pytest.mark.parametrize(
    ("pattern", "heads"),
    [
        ("(?:main )?menu|search", {"mai", "men", "sea"}),
        ("ads?", {"ad", "ads"}),  # "ad" is a whole match
        (r"(?=we)weekly\b|(?<!x)no", {"wee", "no"}),
        ("[a-c]x{2,}", {"axx", "bxx", "cxx"}),
        (
            r"[a\w]+ x",
            {x + y + z for x in "a" + _WORD for y in "a" + _WORD for z in "a" + _WORD}
            | {x + y + " " for x in "a" + _WORD for y in "a" + _WORD}
            | {x + " x" for x in "a" + _WORD},
        ),
        (r"\s?-", {"-", _SPACE + "-"}),
        ("[^a]bc|.x", {_ANY + "bc", _ANY + "x"}),
        (r"\d{1,2} min", {_DIGIT + " m", _DIGIT * 2 + " "}),
        ("(?i)menu", None),
        ("(?P<x>ab)(?(x)c|d)", None),
    ],
)
def test_heads(pattern: str, heads: set[str] | None) -> None:
    assert _heads(pattern) == (None if heads is None else frozenset(heads))


@pytest.mark.parametrize(
    ("heads", "head", "fits"),
    [
        (frozenset({"sha"}), "sha", True),
        (frozenset({"sha"}), "sho", False),
        (frozenset({_DIGIT + " c"}), "7 c", True),
        (frozenset({_DIGIT + " c"}), "x c", False),
        (frozenset({_WORD + _ANY + _SPACE}), "é!\u00a0", True),
        (frozenset({"ad"}), "ad", True),  # the whole line "ad"
        (frozenset({"ad"}), "ads", False),
        (None, "xyz", True),
    ],
)
def test_may_begin(heads: frozenset[str] | None, head: str, fits: bool) -> None:
    assert _may_begin(heads, head) is fits


_PATTERNS = [
    "(?:back to |go to )?(?:the )?top",
    r"\d{1,2}[:.]\d{2}(?: ?[ap]m)?",
    r"(?:\d+\s)?shares?",
    r"[\w .'\-]{1,8}(?: / |, )(?:ap|afp)",
    r"(?:no|\d+) (?:comments?|replies)",
    r"\(?(?:with )?reporting by [^.]{1,10}",
    r"a{0,3}b?c+",
    r"x*(?:y|zz)?\s\W",
]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(_PATTERNS),
    st.text(alphabet="abcxyz 0123456789:.,/()'\\-tohrepsgmwin\t\u00a0é٣!", max_size=14),
)
def test_heads_never_rule_out_a_match(pattern: str, text: str) -> None:
    if re.fullmatch(pattern, text):
        assert _may_begin(_heads(pattern), text[:_HEAD])


@pytest.mark.parametrize("pattern", _PATTERNS)
def test_heads_of_generated_matches(pattern: str) -> None:
    """Strings built to match each pattern begin as its heads say."""
    samples = {
        _PATTERNS[0]: ["top", "the top", "back to the top", "go to top"],
        _PATTERNS[1]: ["9:30", "12.05 pm", "٣:00am"],
        _PATTERNS[2]: ["share", "12 shares", "٣\u00a0share"],
        _PATTERNS[3]: ["jo / ap", "a.b-c, afp", "é / afp"],
        _PATTERNS[4]: ["no comments", "17 replies"],
        _PATTERNS[5]: ["reporting by x", "(with reporting by jo"],
        _PATTERNS[6]: ["c", "aaac", "bcc"],
        _PATTERNS[7]: ["\t!", "xxxy !", "zz\u00a0-"],
    }[pattern]
    for text in samples:
        assert re.fullmatch(pattern, text), text
        assert _may_begin(_heads(pattern), text[:_HEAD]), text


def _lines() -> list[str]:
    data = _furniture.load_table("furniture.json")
    pages = [text for text, _ in data["caption_samples"] + data["list_samples"]]
    pages += [
        p.read_text(encoding="utf-8")
        for p in sorted((Path(__file__).parent.parent / "examples").glob("*.txt"))
    ]
    lines = [line for line, _ in data["samples"]] + [line for page in pages for line in page.split("\n")]
    return [line.strip().lower() for line in lines if line.strip()]


@pytest.mark.parametrize("table", ["line", "credit"])
def test_dispatch_decides_as_the_whole_table(table: str) -> None:
    """Trying only the alternatives a line's first characters allow gives the whole table's answer."""
    alternatives = _furniture.furniture().line if table == "line" else _furniture.furniture().credit
    whole = re.compile("|".join(f"(?:{a})" for a, _, _ in alternatives))
    for low in _lines():
        for piece in (low, low[:40], low[-30:]):
            assert _furniture._fullmatch(table, piece) is (whole.fullmatch(piece) is not None), piece


def test_the_characters_that_lowercase_to_ascii_are_all_known() -> None:
    need_chars = {c for n in _needs_of_every_kind() for c in n if not c.isascii()}
    for code in range(0x80, 0x110000):
        low = chr(code).lower()
        if any(c.isascii() for c in low):
            assert chr(code) in _furniture.LOWER_TO_ASCII, hex(code)
        elif chr(code) not in need_chars:
            assert not need_chars & set(low), hex(code)
    assert all(c.lower() == c for c in need_chars)


def _needs_of_every_kind() -> tuple[str, ...]:
    f = _furniture.furniture()
    return (*f.needs, *f.markup_needs, *f.suffix_needs, *_furniture.CRUMB_SEPARATORS)


@pytest.mark.parametrize(
    "page",
    [
        "Home » World » Minsk\nSUPPORT “our” journalism: DONATE today",
        "Photo: Getty Images — Cookies › settings",
        "The \u212aelvin sign: COO\u212aIE policy",  # lowercases to "cookie"
        "İnbox: ÉTÉ à Minsk, Раздел › Новости",
        "plain ascii page with a cookie and http://x.org",
        "a lone surrogate \udc80 next to a Getty photo",
    ],
)
def test_needs_of_page_equals_page_needs_of_the_lowercased_page(page: str) -> None:
    assert _furniture.needs_of_page(page) == _furniture.page_needs(page.lower())


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *_needs_of_every_kind(),
                *(n.upper() for n in _needs_of_every_kind()),
                "İ",
                "\u212a",
                "É",
                "Ж",
                "“",
                " ",
                "Share",
                "x",
            ]
        ),
        max_size=12,
    ).map("".join)
)
def test_needs_of_page_on_mixed_pages(page: str) -> None:
    assert _furniture.needs_of_page(page) == _furniture.page_needs(page.lower())


def _plain_needs(low: str) -> _furniture.Needs:
    """``page_needs`` read plainly: every need looked for in the whole page, without gates."""
    f = _furniture.furniture()
    held = {n for n in f.needs if n in low}
    return _furniture.Needs(
        tuple(x for x in f.floating if any(n in held for n in x.needs)),
        tuple(n for n in f.markup_needs if n in low),
        tuple(n for n in f.suffix_needs if n in low),
        tuple(n for n in _furniture.CRUMB_SEPARATORS if n in low),
        tuple(sorted({n for x in f.floating if any(n in held for n in x.needs) for n in x.needs})),
    )


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from([*_needs_of_every_kind(), "@", "»", "/", "COOKIE", "|", " ", "Ж", "x"]), max_size=12
    )
)
def test_gates_leave_page_needs_as_the_plain_reading(bits: list[str]) -> None:
    page = "".join(bits)
    assert _furniture.page_needs(page) == _plain_needs(page)
    assert _furniture.needs_of_page(page + "Ж") == _plain_needs((page + "Ж").lower())


def test_gates_are_the_rare_characters_of_the_needs() -> None:
    gates = _furniture._gates()
    assert gates[" » "] == "»" and gates["(@"] == "@" and gates["contribut"] == ""
    assert all(g in n for n, g in gates.items())


@pytest.mark.parametrize(
    ("alternative", "required"),
    [
        ("(?:main )?menu", ("menu",)),
        ("ads?", ("ad",)),
        (r"\d{1,2} min(?:ute)?s? read", (" read",)),
        (r"[a-z]+\.com", (".com",)),
        (r"\(photos?\)", ("(photo",)),
        ("x{2,}y", ("y",)),
        ("ab*c", ("a",)),
        ("news|blog", ("news", "blog")),
        ("(?i)share", ("",)),
        (r"\x41bc", ("",)),
        (r"\bsee also\b", ("see also",)),
        (r"[\w ]{1,9}(?:\s?/\s?|,\s)(?:ap|afp)", ("ap", "afp")),
        (r"[\w ]{1,9}(?:\s?/\s?|,\s)(?:ap|afp|epa|tass|efe)", ("/", ",")),
        (r"(?:\d+\s)?(?:comments?|replies)", ("comment", "replies")),
        (r"(?:x|y)?(?:a|b)*", ("",)),
        (r"[a-z]+(?!ab|cd)", ("",)),
        ("(?:a|b|c|d|e)x", ("x",)),  # more forms than the limit: the run after them
    ],
)
def test_needed_texts_of_an_alternative(alternative: str, required: tuple[str, ...]) -> None:
    assert needed_texts(alternative, _furniture._MAX_ANY) == required


def test_every_alternative_match_holds_its_needed_texts() -> None:
    """The texts the dispatch looks for are sound: every line an alternative fits holds one."""
    f = _furniture.furniture()
    for alternative, _, _ in (*f.line, *f.credit):
        needed = needed_texts(alternative, _furniture._MAX_ANY)
        for low in _lines():
            if re.fullmatch(alternative, low):
                assert any(text in low for text in needed), (alternative, low)


def test_needed_texts_take_the_group_of_longest_texts() -> None:
    alternative = r"(?=.{0,40}?\b(?:us|you)\b).{0,20}?(?:please help|donate now)\b.{0,30}"
    assert needed_texts(alternative, _furniture._MAX_ANY) == ("please help", "donate now")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["Share", "x", " ", ".", "!", "?", "*", "|", "·", "•", "\t", "é"]), max_size=14)
)
def test_first_piece_is_the_first_of_the_pieces(bits: list[str]) -> None:
    text = "".join(bits)
    pieces = _furniture._PIECES().split(text)
    assert _furniture._first_piece(text) == (pieces[0] if len(pieces) > 1 else None)


def test_a_line_is_furniture_only_when_every_sentence_is() -> None:
    assert _furniture.is_furniture("Share this article. Subscribe to our newsletter.")
    assert not _furniture.is_furniture("Minsk voted today. Share this article.")
    assert not _furniture.is_furniture("Share this article. Minsk voted today.")
    assert _furniture.is_furniture("— · —") and not _furniture.is_furniture("_ Minsk")
