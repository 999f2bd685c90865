"""Small text helpers for quotation finding: sentences, noun phrases before and after a cue.

Everything works on one paragraph's text with offsets into it, so no rule can reach across
a paragraph.

>>> text = "Mr. Ivanov spoke. Then, Olga Lis said: yes."
>>> sentence_bounds(text, [])
[(0, 17), (18, 43)]
>>> text[slice(*np_before(text, text.index("said"), 18))]
'Olga Lis'
>>> after = "said Pavel Kral, a driver."
>>> after[slice(*np_after(after, 4, 26))]
'Pavel Kral'
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence

import regex

from belnews._pattern_cache import compile_stored, compile_stored_re
from belnews._quote_marks import Piece

__all__ = [
    "clause_start",
    "finite_clause",
    "np_after",
    "np_before",
    "pronoun_clause",
    "sentence_bounds",
    "subject",
    "tail_tokens",
    "word_spans",
]

# "[.!?]" first, not "[.!?]+": a pattern that opens with a plain class is searched for fast
_END = compile_stored(r"[.!?…][.!?…]*[\"'”’»)]*(?=\s+[\"'“‘«(]?[\p{Lu}\p{N}])")
# _END for ASCII text: its classes cut to ASCII, and \s as ``regex`` reads it (\x1c-\x1f are no space)
_END_ASCII = compile_stored_re(r"[.!?][.!?]*[\"')]*(?=[\t\n\x0b\x0c\r ]+[\"'(]?[A-Z0-9])")
_TOKEN = compile_stored(r"[\p{L}\p{N}\p{M}’'&/-]+(?:\.(?=[\p{L}\p{N}]))?[\p{L}\p{N}\p{M}’'&/-]*\.?|\S")
# _TOKEN for ASCII text: its classes cut to ASCII, and \S as ``regex`` reads it (\x1c-\x1f are no space)
_TOKEN_ASCII = compile_stored_re(
    r"[A-Za-z0-9'&/-]+(?:\.(?=[A-Za-z0-9]))?[A-Za-z0-9'&/-]*\.?|[^\t\n\x0b\x0c\r ]"
)
_ABBREV = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "st",
        "jr",
        "gen",
        "col",
        "lt",
        "sgt",
        "capt",
        "gov",
        "sen",
        "rep",
        "no",
        "vs",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "u.s",
        "u.k",
        "e.g",
        "i.e",
    ]
)
AUX = frozenset(
    [
        "has",
        "have",
        "had",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "also",
        "again",
        "already",
        "once",
        "then",
        "later",
        "previously",
        "recently",
        "repeatedly",
        "reportedly",
        "publicly",
        "would",
        "will",
        "could",
        "can",
        "may",
        "might",
        "just",
        "still",
        "even",
        "never",
        "not",
        "further",
        "earlier",
        "today",
        "yesterday",
        "now",
        "often",
        "has't",
        "hasn’t",
        "did",
        "does",
        "do",
    ]
)
BOUNDARY = frozenset(
    [
        "and",
        "but",
        "or",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "while",
        "as",
        "because",
        "when",
        "after",
        "before",
        "although",
        "though",
        "so",
        "if",
        "since",
        "where",
        "yet",
        "whereas",
        "nor",
        "than",
        "however",
    ]
)
PRONOUNS = frozenset(["he", "she", "they", "we", "i", "it", "there", "you"])
_FINITE = frozenset(
    [
        "had",
        "has",
        "have",
        "was",
        "were",
        "is",
        "are",
        "would",
        "will",
        "could",
        "can",
        "may",
        "might",
        "must",
        "should",
        "did",
        "does",
        "do",
        "shall",
    ]
)
_QUANTIFIERS = frozenset(["more", "less", "fewer", "nearly", "almost", "about", "around", "over", "only"])
_TIME_WORDS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tonight",
        "earlier",
        "later",
        "last",
        "this",
        "week",
        "month",
        "year",
        "morning",
        "evening",
        "afternoon",
        "night",
        "statement",
        "interview",
        "briefing",
    ]
)
_DETERMINERS = frozenset(
    [
        "the",
        "a",
        "an",
        "this",
        "these",
        "those",
        "his",
        "her",
        "their",
        "its",
        "our",
        "my",
        "some",
        "many",
        "most",
    ]
)
_PREPOSITIONS = frozenset(
    [
        "in",
        "on",
        "at",
        "after",
        "before",
        "during",
        "with",
        "for",
        "since",
        "despite",
        "following",
        "under",
        "over",
        "by",
        "from",
        "to",
    ]
)


def word_spans(text: str, start: int, end: int, limit: int | None = None) -> list[tuple[int, int]]:
    """Token spans in ``text[start:end]`` (the first ``limit`` of them): words and punctuation."""
    # most ranges are ASCII: ``re`` reads them the same, and starts faster
    found: Iterator[re.Match[str] | regex.Match[str]] = (
        _TOKEN_ASCII.finditer(text, start, end)
        if text[start:end].isascii()
        else _TOKEN.finditer(text, start, end)
    )
    return [m.span() for m in (found if limit is None else itertools.islice(found, limit))]


def tail_tokens(text: str, floor: int, end: int) -> list[tuple[int, int]]:
    """The tokens of ``text[floor:end]``, of a long range only enough of its tail for a walk back.

    A walk back skips auxiliaries and then takes at most ten tokens; the window widens until it
    holds more than that, and starts after a space so that no token is cut. A comma is a token
    of its own, so the tokens after a comma are also those of the range that starts there.

    >>> text = "In Minsk, the police said"
    >>> [text[a:b] for a, b in tail_tokens(text, 0, len(text))]
    ['In', 'Minsk', ',', 'the', 'police', 'said']
    """
    width = 64
    tokens: list[tuple[int, int]] = []
    done = end  # the tokens of text[done:end] are known; a token never holds a space
    while True:
        cut = text.rfind(" ", floor, max(floor, end - width))
        start = cut + 1 if cut > floor else floor
        if start < done:
            tokens[:0] = word_spans(text, start, done)  # only the new stretch
            done = start
        if cut <= floor:
            return tokens
        aux = 0  # the auxiliaries at the end
        for a, b in reversed(tokens):
            if text[a:b].casefold() not in AUX:
                break
            aux += 1
        if len(tokens) > aux + 12:
            return tokens
        width *= 2


def _is_abbrev(word: str) -> bool:
    core = word.rstrip(".").casefold()
    return core in _ABBREV or (len(core) == 1 and core.isalpha())


# what may stand right after an end mark where _END matches: another end mark, a closing mark
# or bracket, or the space its lookahead needs (every ``\s`` character is a str.isspace one)
_AFTER_END = frozenset(".!?…\"'”’»)")


def _sentence_ends(text: str) -> list[tuple[int, int]]:
    """The spans ``_END`` finds in ``text`` (``_END_ASCII`` in ASCII text), read from its end marks.

    ``_END`` is tried only where it can match rather than at every character. Most end marks
    are the full stops of abbreviations and numbers, with a letter or a digit after them: only
    the marks that something else follows are tried.

    >>> _sentence_ends("Mr. Lis, 41, said: 3.5 is fine... Then? ok")
    [(2, 3), (30, 33)]
    """
    last = len(text) - 1  # a mark in the last place has no space after it
    marks: list[int] = []
    for mark in ".!?…":
        at = text.find(mark, 0, last)
        while at >= 0:
            if text[at + 1] in _AFTER_END or text[at + 1].isspace():
                marks.append(at)
            at = text.find(mark, at + 1, last)
    if not marks:
        return []
    marks.sort()
    pattern = _END_ASCII if text.isascii() else _END
    ends: list[tuple[int, int]] = []
    resume = 0  # like a scan, the next match starts after the end of the last one
    for at in marks:
        if at >= resume:
            m = pattern.match(text, at)
            if m is not None:
                resume = m.end()
                ends.append((at, resume))
    return ends


def sentence_bounds(text: str, pieces: Sequence[Piece]) -> list[tuple[int, int]]:
    """Sentence spans of a paragraph; a full stop inside quotation marks does not end one."""
    out: list[tuple[int, int]] = []
    start = 0
    size = len(text)
    for at, end in _sentence_ends(text):
        if pieces and any(p.start <= at and end <= p.end for p in pieces):
            continue
        if text[at] == ".":
            before = text[max(0, at - 12) : at + 1].split()
            if before and _is_abbrev(before[-1]):
                continue
        out.append((start, end))
        start = end
        while start < size and text[start].isspace():
            start += 1
    if start < size:
        out.append((start, size))
    return out


def _is_boundary(word: str) -> bool:
    return not word[:1].isalnum() or word.casefold() in BOUNDARY


def np_before(
    text: str, end: int, floor: int, tokens: list[tuple[int, int]] | None = None
) -> tuple[int, int] | None:
    """The noun phrase that ends just before ``end`` (skipping auxiliaries), as a span.

    ``tokens`` are ``tail_tokens(text, floor, end)`` when the caller has them already.
    """
    if tokens is None:
        tokens = tail_tokens(text, floor, end)
    i = len(tokens) - 1
    while i >= 0 and text[tokens[i][0] : tokens[i][1]].casefold() in AUX:
        i -= 1
    if i < 0 or _is_boundary(text[tokens[i][0] : tokens[i][1]]):
        return None
    if text[tokens[i][0] : tokens[i][1]].casefold() in PRONOUNS:
        return tokens[i]  # "Last Friday he said": the pronoun is the whole phrase
    last = i
    while i > 0 and last - i < 8 and not _is_boundary(text[tokens[i - 1][0] : tokens[i - 1][1]]):
        i -= 1
    return tokens[i][0], _strip_dot(text, tokens[last])


def _strip_dot(text: str, token: tuple[int, int]) -> int:
    word = text[token[0] : token[1]]
    return token[1] - 1 if word.endswith(".") and not _is_abbrev(word) else token[1]


def np_after(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The noun phrase that starts at ``start``: up to a comma, a clause end or 8 words."""
    tokens = word_spans(text, start, end, limit=9)
    out: tuple[int, int] | None = None
    for k, tok in enumerate(tokens):
        word = text[tok[0] : tok[1]]
        if not word[:1].isalnum() or k >= 8 or (out is not None and word.casefold() in BOUNDARY):
            break
        out = (tokens[0][0], _strip_dot(text, tok))
        if _strip_dot(text, tok) < tok[1]:
            break
    return out


def clause_start(text: str, start: int, end: int) -> bool:
    """Whether a clause seems to open at ``start``: a pronoun, a determiner or a name."""
    tokens = word_spans(text, start, end, limit=3)
    if len(tokens) < 3:
        return False
    word = text[tokens[0][0] : tokens[0][1]]
    folded = word.casefold()
    return (
        folded in PRONOUNS
        or folded in _DETERMINERS
        or folded in _QUANTIFIERS
        or word[:1].isdigit()
        or (word[:1].isupper() and folded not in AUX)
    )


def finite_clause(text: str, start: int, end: int) -> int | None:
    """Where a bare clause with a finite auxiliary opens near ``start``, or None.

    "said police had detained 91" -> "police had ...": the subject is the words before the
    first auxiliary (at most four), after any time adverbial ("said on Saturday it had").
    """
    tokens = word_spans(text, start, end, limit=9)
    for k, tok in enumerate(tokens):
        word = text[tok[0] : tok[1]]
        folded = word.casefold()
        if not word[:1].isalnum() or folded in BOUNDARY:
            return None
        if k and folded in _FINITE:
            first = k
            while first > 0 and k - first < 4:
                prev = text[tokens[first - 1][0] : tokens[first - 1][1]]
                if (
                    prev.casefold() in _PREPOSITIONS
                    or prev.casefold() in _TIME_WORDS
                    or prev.casefold() in AUX
                ):
                    break
                first -= 1
            if first == k:
                return None
            if first >= 1 and text[tokens[first - 1][0] : tokens[first - 1][1]].casefold() == "at":
                first -= 1  # "said at least 150 people had been"
            lead = [text[t[0] : t[1]].casefold() for t in tokens[:first]]
            if lead and not (lead[0] in _PREPOSITIONS or lead[0] in _TIME_WORDS):
                return None  # words before the subject that are no adverbial: not a clause
            return tokens[first][0]
    return None


def pronoun_clause(text: str, start: int, end: int) -> int | None:
    """Where a clause opened by a pronoun and a finite verb stands after a short object.

    "told supporters he would stay" -> "he would ...": the addressee takes at most four words.
    """
    tokens = word_spans(text, start, end, limit=7)
    for k in range(1, min(len(tokens) - 1, 5)):
        word = text[tokens[k][0] : tokens[k][1]].casefold()
        if (
            not text[tokens[k - 1][0]].isalnum()
            or text[tokens[k - 1][0] : tokens[k - 1][1]].casefold() in BOUNDARY
        ):
            return None
        if word in PRONOUNS and text[tokens[k + 1][0] : tokens[k + 1][1]].casefold() in _FINITE:
            return tokens[k][0]
    return None


def subject(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The subject of the clause that opens at ``start``: a pronoun or the first noun phrase.

    A leading adverbial ("On Sunday, ...") is skipped.
    """
    # the walk reads at most 8 tokens, a comma, a conjunction, then 8 tokens more
    tokens = word_spans(text, start, end, limit=18)
    if not tokens:
        return None
    first = text[tokens[0][0] : tokens[0][1]].casefold()
    if first in _PREPOSITIONS or (first.endswith("ly") and len(tokens) > 1):
        comma = next((k for k, t in enumerate(tokens[:8]) if text[t[0] : t[1]] == ","), None)
        pronoun = next(
            (k for k, t in enumerate(tokens[:7]) if text[t[0] : t[1]].casefold() in PRONOUNS), None
        )
        if comma is None and pronoun is not None:  # "Shortly after midnight she appeared"
            return tokens[pronoun]
        if comma is None:
            return None
        tokens = tokens[comma + 1 :]
    if tokens and text[tokens[0][0] : tokens[0][1]].casefold() in BOUNDARY:
        tokens = tokens[1:]
    if not tokens:
        return None
    first = text[tokens[0][0] : tokens[0][1]].casefold()
    if first in PRONOUNS:
        return tokens[0]
    last: tuple[int, int] | None = None
    for k, tok in enumerate(tokens[:8]):
        word = text[tok[0] : tok[1]]
        folded = word.casefold()
        if k and (not word[:1].isalnum() or folded in AUX or folded in BOUNDARY):
            break
        if k and word[:1].islower() and folded.endswith("ed"):
            break
        last = tok
    return None if last is None else (tokens[0][0], last[1])
