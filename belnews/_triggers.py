"""The event trigger table (``data/event_triggers.json``), compiled once and matched in text.

A trigger is a word or phrase that reports a happening ("detained", "took to the streets",
"visit to"). Each match carries the event kind, whether it is a verb (a report of the
happening) or a noun (which may only refer back to one), and the mode that sharpens it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple

import regex

from belnews._data import load_table
from belnews._lazy import lazy
from belnews._pattern_cache import compile_stored, compile_stored_re
from belnews._regex_lead import alternatives, first_chars, group_end
from belnews.model import EventKind

__all__ = [
    "Hit",
    "TriggerTable",
    "anchored_heads",
    "cue_search",
    "cue_spans",
    "find_triggers",
    "find_triggers_at",
    "find_triggers_slowly",
    "folds_plainly",
    "leading_words",
    "letter_led",
    "lowered",
    "narrowed",
    "needed_words",
    "plain_text",
    "sample_kinds",
    "trigger_table",
]


class Hit:
    """One trigger found in a text: ``start``/``end`` are offsets into that text.

    Frozen by convention: nothing assigns to it after ``__init__`` (make a new one instead).
    """

    __slots__ = ("end", "kind", "mode", "start", "verb")

    def __init__(self, kind: EventKind, start: int, end: int, verb: bool, mode: str | None = None) -> None:
        self.kind = kind
        self.start = start
        self.end = end
        self.verb = verb
        self.mode = mode


class TriggerTable:
    """The compiled table: every trigger's branch (each compiled on first use), and the cue patterns.

    Frozen by convention: nothing assigns to it after ``__init__``.
    """

    __slots__ = (
        "absorbers",
        "after_blockers",
        "after_heads",
        "begins",
        "blockers",
        "branches",
        "cased_blockers",
        "cased_leads",
        "entries",
        "future",
        "future_needs",
        "habitual",
        "habitual_needs",
        "hypothetical",
        "hypothetical_needs",
        "labour_context",
        "military_context",
        "negators",
        "opening_blockers",
        "patterns",
        "samples",
        "scan",
        "starts",
    )

    def __init__(
        self,
        *,
        branches: tuple[str, ...],
        patterns: tuple[str, ...],
        begins: tuple[tuple[str, ...], ...],
        starts: re.Pattern[str],
        scan: re.Pattern[str],
        entries: tuple[tuple[EventKind, bool, str | None], ...],
        blockers: re.Pattern[str],
        opening_blockers: re.Pattern[str] | None,
        cased_blockers: re.Pattern[str] | None,
        after_blockers: re.Pattern[str],
        after_heads: tuple[str, ...] | None,
        absorbers: Callable[[], re.Pattern[str]],
        negators: re.Pattern[str],
        hypothetical: re.Pattern[str],
        future: re.Pattern[str],
        habitual: re.Pattern[str],
        military_context: Callable[[], re.Pattern[str]],
        labour_context: Callable[[], re.Pattern[str]],
        samples: tuple[tuple[str, tuple[str, ...]], ...],
        hypothetical_needs: tuple[tuple[str, ...], ...] | None,
        habitual_needs: tuple[tuple[str, ...], ...] | None,
        future_needs: tuple[tuple[str, ...], ...] | None,
        cased_leads: tuple[str, ...] | None,
    ) -> None:
        self.branches = branches  # each trigger's own pattern, as a named group
        self.patterns = patterns  # each trigger's pattern as the table writes it
        self.begins = begins  # each trigger's word beginnings, lower case
        self.starts = starts  # the word beginnings a match can start with, as one trie-shaped pattern
        # the same after the character before them (group 1): a pattern that begins with a class of
        # characters is scanned fast, where a lookbehind first is tried at every offset. The class
        # is every character but an ASCII letter, digit, "_" or "-" (a table of bits, where "\w"
        # asks Unicode of each character); after a letter or digit outside ASCII, a match is dropped
        self.scan = scan
        self.entries = entries
        # the cue patterns below run on lower-cased text (see lowered). Where every blocker begins
        # with a word character, ``blockers`` takes the character before it (a class first is
        # scanned fast, where "\b" first is tried at every offset), and ``opening_blockers`` is
        # tried at the very start; else ``blockers`` begins with "\b" and ``opening_blockers`` is None
        self.blockers = blockers
        self.opening_blockers = opening_blockers
        self.cased_blockers = cased_blockers  # the blockers that tell capitals apart, on the text as written
        self.after_blockers = after_blockers
        self.after_heads = after_heads  # what one of which every after-blocker begins with, or None
        self.absorbers = absorbers  # compiled on first use, as the two contexts
        self.negators = negators
        self.hypothetical = hypothetical
        self.future = future
        self.habitual = habitual
        # a paragraph about an armed attack: its "strike" is no walkout
        self.military_context = military_context
        self.labour_context = labour_context  # a paragraph about work: its "strike" is a walkout
        self.samples = samples
        # the words each phrase of these cues needs (see needed_words)
        self.hypothetical_needs = hypothetical_needs
        self.habitual_needs = habitual_needs
        self.future_needs = future_needs
        self.cased_leads = cased_leads  # the words one of which every cased blocker begins with


def _raw_table() -> dict[str, Any]:
    data: dict[str, Any] = load_table("event_triggers.json")
    return data


@functools.cache
def trigger_table() -> TriggerTable:
    """The trigger table, read and compiled on first use.

    >>> table = trigger_table()
    >>> len(table.entries) > 40
    True
    """
    data = _raw_table()
    entries = []
    parts = []
    starts: set[str] = set()
    for i, t in enumerate(data["triggers"]):
        entries.append((EventKind(t["kind"]), t["pos"] == "verb", t.get("mode")))
        parts.append(f"(?P<t{i}>{_guarded(t['pattern'], t['starts'])})")
        starts.update(t["starts"])

    trie = _trie({w.lower() for w in starts})

    def ci(p: str) -> re.Pattern[str]:
        # the cue patterns need nothing beyond the standard module, and run on lower-cased
        # text: matching without IGNORECASE is two to three times faster
        return compile_stored_re(p)

    plain = [p for p in data["blockers"] if "(?-i:" not in p]
    any_blocker = "|".join(plain)
    word_led = _word_led(any_blocker)
    cased = [r"\b" + p for p in data["blockers"] if "(?-i:" in p]

    return TriggerTable(
        branches=tuple(parts),
        patterns=tuple(t["pattern"] for t in data["triggers"]),
        begins=tuple(tuple(w.lower() for w in t["starts"]) for t in data["triggers"]),
        starts=compile_stored_re(r"(?<![\w-])" + trie),
        scan=compile_stored_re(r"[^0-9A-Za-z_-](" + trie + ")"),
        entries=tuple(entries),
        blockers=ci((r"\W(?:" if word_led else r"\b(?:") + any_blocker + ")"),
        opening_blockers=ci(any_blocker) if word_led else None,
        cased_blockers=compile_stored_re("|".join(cased), re.IGNORECASE) if cased else None,
        after_blockers=ci("|".join(data["after_blockers"])),
        after_heads=anchored_heads(data["after_blockers"]),
        absorbers=lazy(r"\b" + data["absorbers"] + r"\b"),
        negators=ci(letter_led(r"\b" + data["negators"])),
        hypothetical=ci(letter_led(data["hypothetical"])),
        future=ci(letter_led(data["future"])),
        habitual=ci(letter_led(data["habitual"])),
        military_context=lazy(data["military_context"]),
        labour_context=lazy(data["labour_context"]),
        samples=tuple((s, tuple(k)) for s, k in data["samples"]),
        hypothetical_needs=needed_words(data["hypothetical"]),
        habitual_needs=needed_words(data["habitual"]),
        future_needs=needed_words(data["future"]),
        cased_leads=leading_words([p for p in data["blockers"] if "(?-i:" in p]),
    )


_PHRASES = compile_stored_re(r"\\b\(\?:([^()\\]*)\)\\b")
_PHRASE = compile_stored_re(r"[a-z]+\??(?: [a-z]+\??)*")
_OPTIONAL = compile_stored_re(r"[a-z]\?")  # a letter that a phrase may leave out


def _word_led(pattern: str) -> bool:
    """Whether every match of ``pattern`` begins with a word character (then "\\b" before it is a
    character that is none, or the start of the text).

    >>> _word_led(r"(?:demand\\w*|call\\w* for) ?$"), _word_led("(?:no|-) ?$")
    (True, False)
    """
    chars = first_chars(pattern)
    return chars is not None and all(c.isalnum() or c == "_" for c in chars)


_LETTER = compile_stored_re(r"(?:\\b)?([a-z])(?![?*+{])")


_HEAD = compile_stored_re(r"\^([^\\.^$*+?{}\[\]()|]+)([?*+{]?)")


def anchored_heads(patterns: Sequence[str]) -> tuple[str, ...] | None:
    """The texts that matches of ``patterns`` begin with, where each is "^" and some plain characters.

    A text that begins with none of them cannot match: one ``str.startswith`` saves the search.
    None where a pattern begins otherwise (or holds more than one alternative).

    >>> anchored_heads(["^ from (?:the )?people", "^ by votes? of"])
    (' from ', ' by vote')
    >>> anchored_heads(["^ from|^ by"]) is None
    True
    """
    out = []
    for pattern in patterns:
        head = _HEAD.match(pattern)
        if head is None or len(alternatives(pattern)) > 1:
            return None
        literal = head.group(1)[:-1] if head.group(2) else head.group(1)  # a quantifier: its letter may go
        if not literal:
            return None
        out.append(literal)
    return tuple(out)


def letter_led(pattern: str) -> str:
    r"""``\b(?:A|B|...)`` and what follows, written so that a search skips to where one can begin.

    Where each alternative begins with a lower-case letter (after an optional "\b"), the "\b"
    before it is "no word character before that letter": a lookbehind tried after the letter.
    Then every alternative begins with a literal, and the standard module scans for their
    first letters, where "\b" first is tried at every offset. Any other pattern is returned
    as written.

    >>> letter_led(r"\b(?:\bnot\b|fail\w* to) ?$")
    '(?:n(?<!\\w.)ot\\b|f(?<!\\w.)ail\\w* to) ?$'
    >>> letter_led(r"\b(?:\w+ly|often)\b")
    '\\b(?:\\w+ly|often)\\b'
    """
    if not pattern.startswith(r"\b(?:"):
        return pattern
    end = group_end(pattern, 2)
    out = []
    for alternative in alternatives(pattern[5 : end - 1]):
        letter = _LETTER.match(alternative)
        if letter is None:
            return pattern
        out.append(letter.group(1) + r"(?<!\w.)" + alternative[letter.end() :])
    return "(?:" + "|".join(out) + ")" + pattern[end:]


def needed_words(pattern: str) -> tuple[tuple[str, ...], ...] | None:
    """For a pattern that lists phrases of plain words, the strings each phrase needs whole.

    ``\\b(?:if|in case|plans? to)\\b`` matches only where every string of one of its phrases
    stands in the text: each run of a phrase up to or after an optional letter, blanks and all
    ("in case", or "plan" and " to"). A text that lacks a string of each phrase cannot match,
    and the search is skipped. ``None`` for any other pattern, or a phrase with no string.

    >>> needed_words(r"\\b(?:if|in case|plans? to)\\b")
    (('if',), ('in case',), ('plan', ' to'))
    >>> needed_words(r"\\b(?:often|us(?:ual)?ly)\\b") is None
    True
    """
    whole = _PHRASES.fullmatch(pattern)
    if whole is None:
        return None
    out = []
    for phrase in whole.group(1).split("|"):
        if not _PHRASE.fullmatch(phrase):
            return None
        runs = tuple(run for run in _OPTIONAL.split(phrase) if run.strip())
        if not runs:
            return None
        out.append(runs)
    return tuple(out)


_LEADING = compile_stored_re(r"\(\?:([a-z]+(?:\|[a-z]+)*)\)[ ]")


def leading_words(patterns: Sequence[str]) -> tuple[str, ...] | None:
    """The words one of which every match of one of ``patterns`` begins with, or None.

    Only where each pattern begins with a group of plain words and a blank; a text in which
    none of them stands (as a part of a word even) cannot match.

    >>> leading_words(["(?:since|after) the", "(?:when) we"])
    ('since', 'after', 'when')
    >>> leading_words(["(?:since|after) the", "popular"]) is None
    True
    >>> leading_words(["(?:since|after) the|popular"]) is None
    True
    """
    out: list[str] = []
    for pattern in patterns:
        lead = _LEADING.match(pattern)
        if lead is None or len(alternatives(pattern)) > 1:
            return None
        out.extend(lead.group(1).split("|"))
    return tuple(out)


def folds_plainly(text: str) -> bool:
    """Whether a letter of ``text`` that matches a letter a-z without regard to case is one of A-Z, a-z.

    Then a pattern of plain lower-case words that matches ``text`` without regard to case
    finds them in ``lowered(text)``. The exceptions: dotted and dotless i, long s.

    >>> folds_plainly("Minsk"), folds_plainly("İzmir")
    (True, False)
    """
    return "İ" not in text and "ı" not in text and "ſ" not in text


def cue_search(pattern: re.Pattern[str], needs: tuple[tuple[str, ...], ...] | None, text: str) -> bool:
    """Whether a cue pattern matches ``text``, not run where a word it needs is missing.

    ``needs`` is what :func:`needed_words` gives for the pattern: a phrase can match only
    where each of its strings is in the text (a word absent even as a part of a longer one
    rules the phrase out, at the cost of a substring test).

    >>> table = trigger_table()
    >>> cue_search(table.habitual, table.habitual_needs, "protests often turn violent")
    True
    >>> cue_search(table.habitual, table.habitual_needs, "protests turned violent")
    False
    """
    if needs is None:
        return bool(pattern.search(text))
    for phrase in needs:
        for run in phrase:
            if run not in text:
                break
        else:  # every string of the phrase is there
            return bool(pattern.search(text))
    return False


def _guarded(pattern: str, begins: Sequence[str]) -> str:
    """A trigger's pattern that tries its lookbehinds only where one of its words begins.

    A lookbehind of some length runs back over the words before it ("Zapad exercises"
    looks for a name of capitalised words); tried at every offset of a long run of such words,
    it would rescan the run each time. Every match begins with a word of the trigger, so the
    lookahead changes no match.

    >>> _guarded("(?<=the )strike", ["strike"])
    '(?=strike)(?<=the )strike'
    >>> _guarded("marched", ["marched"])
    'marched'
    """
    if "(?<" not in pattern:
        return pattern
    words = sorted({regex.escape(w.lower(), special_only=True) for w in begins}, key=lambda w: (-len(w), w))
    guard = words[0] if len(words) == 1 else "(?:" + "|".join(words) + ")"
    return f"(?={guard}){pattern}"


def _trie(words: set[str]) -> str:
    """One pattern for a set of literal prefixes, shared beginnings factored out (fast to scan).

    >>> _trie({"arrest", "army", "deport"})
    '(?:a(?:r(?:my|rest))|deport)'
    """
    by_first: dict[str, set[str]] = {}
    for w in words:
        if w:
            by_first.setdefault(w[0], set()).add(w[1:])
    parts = []
    for first in sorted(by_first):
        rests = by_first[first]
        if "" in rests:  # a shorter prefix covers every longer one that it begins
            parts.append(re.escape(first))
            continue
        if len(rests) == 1:
            parts.append(re.escape(first + next(iter(rests))))
            continue
        parts.append(re.escape(first) + _trie(rests))
    return "(?:" + "|".join(parts) + ")"


_WORD = compile_stored_re(r"[\w'’-]+")


@functools.cache
def _begin_index() -> dict[str, tuple[int, ...]]:
    """Each word beginning of the table (lower case) and the triggers that list it, in table order."""
    index: dict[str, list[int]] = {}
    for i, begins in enumerate(trigger_table().begins):
        for w in begins:
            if i not in index.setdefault(w, []):
                index[w].append(i)
    return {w: tuple(found) for w, found in index.items()}


@functools.lru_cache(maxsize=4096)
def _candidates(word: str) -> tuple[int, ...]:
    """The triggers that can begin at a word beginning like ``word``: those with a beginning it starts with.

    >>> table = trigger_table()
    >>> [table.entries[i][0].value for i in _candidates("deported")]
    ['deport']
    """
    index = _begin_index()
    found: set[int] = set()
    for k in range(len(word) + 1):
        hit = index.get(word[:k])
        if hit is not None:
            found.update(hit)
    return tuple(sorted(found))


_Try = tuple[int, regex.Pattern[str], re.Pattern[str] | None]  # a trigger, its pattern, its standard one


@functools.lru_cache(maxsize=4096)
def _tries(word: str) -> tuple[_Try, ...]:
    """The triggers that can match at a word beginning like ``word``, in table order, with their patterns.

    A trigger none of whose alternatives can begin with ``word`` (see :func:`_can_begin`) is
    left out. Each pattern is compiled once per trigger, not per word: the table has few,
    however many new words an article brings. Each comes with the same pattern compiled by the
    standard module, where it can be (see :func:`_standard_trigger`).
    """
    table = trigger_table()
    out = []
    for i in _candidates(word):
        if not word.isascii() or any(_can_begin(a, word) for a in _top_alternatives(table.patterns[i])):
            out.append((i, _one_trigger(i), _standard_trigger(i)))
    return tuple(out)


def _one_trigger(i: int) -> regex.Pattern[str]:
    """Trigger ``i`` alone, compiled on first use (cached by :func:`_compiled`)."""
    return _compiled((trigger_table().branches[i],))


@functools.lru_cache(maxsize=256)
def _standard_trigger(i: int) -> re.Pattern[str] | None:
    """Trigger ``i`` compiled by the standard module, or None where it needs ``regex``.

    A call costs a fraction of one to ``regex``; on a :func:`plain_text` they match alike (the
    two differ only on letters, digits and blanks outside ASCII). A pattern with a Unicode
    property, or a lookbehind of varying width, needs ``regex``.
    """
    branch = trigger_table().branches[i]
    if "\\p" in branch:
        return None
    try:
        return compile_stored_re(r"(?<![\w-])(?:" + branch + r")(?![\w-])", re.IGNORECASE)
    except re.error:
        return None


# ASCII (but for U+001C..U+001F, blanks to one module and not to the other) and the marks of
# typesetting outside it, none of them a letter, a digit or a blank to either module
_PLAIN_TEXT = compile_stored_re(r"[\x00-\x1b\x20-\x7f’‘“”–—…«»„\u00a0]*")


def plain_text(text: str) -> bool:
    """Whether ``text`` holds only characters that ``re`` and ``regex`` read alike.

    >>> plain_text("Crowds “marched” – again"), plain_text("Crowds marched in Kraków")
    (True, False)
    """
    return _PLAIN_TEXT.fullmatch(text) is not None


def _first_match(
    tries: tuple[_Try, ...], text: str, at: int, *, plain: bool = False
) -> tuple[regex.Match[str] | re.Match[str] | None, int]:
    """The first of ``tries`` (see :func:`_tries`) that matches ``text`` at ``at``, and its trigger.

    What the alternation of their patterns would find, without compiling it. Where ``text``
    is a :func:`plain_text`, a pattern the standard module compiled is tried instead.
    """
    for index, pattern, standard in tries:
        m = standard.match(text, at) if plain and standard is not None else pattern.match(text, at)
        if m is not None:
            return m, index
    return None, -1


_PLAIN_WORD = compile_stored_re(r"(?:\(\?:)?([a-z'’-]+)\)?")


@functools.lru_cache(maxsize=4096)
def _whole_word_trigger(word: str) -> int:
    """The trigger that matches ``word`` (lower case, a whole word of the text) as a plain word, or -1.

    Only where every trigger that can begin there narrows to a plain word (see
    :func:`narrowed`): the first that is ``word`` matches, and no regular expression is needed.

    >>> table = trigger_table()
    >>> table.entries[_whole_word_trigger("detained")][0].value
    'arrest'
    >>> _whole_word_trigger("took")  # "took to the streets", "took part in": patterns
    -1
    """
    if not word.isascii():
        return -1
    table = trigger_table()
    first = -1
    for i in _candidates(word):
        pattern = narrowed(table.patterns[i], word)
        plain = _PLAIN_WORD.fullmatch(pattern)
        if plain is None or (pattern.startswith("(?:") != pattern.endswith(")")):
            return -1
        literal = plain.group(1)
        if literal != word and word.startswith(literal):
            return -1  # "rallies’": the pattern may end inside the word, at a mark
        if first < 0 and literal == word:
            first = i
    return first


@functools.lru_cache(maxsize=4096)
def _compiled(branches: tuple[str, ...]) -> regex.Pattern[str]:
    return compile_stored(
        r"(?<![\w-])(?:" + "|".join(branches) + r")(?![\w-])", regex.IGNORECASE | regex.VERSION0
    )


def narrowed(pattern: str, word: str) -> str:
    r"""``pattern`` without the alternatives that cannot match where the word ``word`` begins.

    An alternative that begins with a plain word (after any lookbehinds), or with a group of
    plain words, needs the text there to begin with that word: where ``word`` (lower case,
    the whole word of the text) does not, it cannot match, and dropping it changes no match.
    Anything else is kept as written.

    >>> narrowed("(?:killed|killing|shot dead|left (?:\\w+ ){1,3}dead)", "killed")
    'killed'
    >>> narrowed("(?<!anti-)(?:protests|marches)(?= again)|protest", "marches")
    '(?<!anti-)(?:marches)(?= again)'
    >>> narrowed("strikes?|walkouts?", "strike")
    'strikes?'
    """
    branches = _top_alternatives(pattern)
    kept = [n for n in (_narrowed_alternative(a, word) for a in branches) if n is not None]
    if not kept:  # nothing can match: keep one alternative, which fails as before
        return branches[0]
    return kept[0] if len(kept) == 1 else "(?:" + "|".join(kept) + ")"


@functools.lru_cache(maxsize=1024)
def _top_alternatives(pattern: str) -> tuple[str, ...]:
    """The alternatives of ``pattern``, or of the group that is all of it."""
    branches = alternatives(pattern)
    if len(branches) == 1 and pattern.startswith("(?:") and group_end(pattern, 0) == len(pattern):
        branches = alternatives(pattern[3:-1])
    return tuple(branches)


_LITERAL = compile_stored_re(r"[A-Za-z][A-Za-z'’-]*")
_QUANTIFIERS = "?*+{"


class _Lead(NamedTuple):
    """How an alternative begins, read once: what :func:`_narrowed_alternative` tests a word with."""

    head: str  # its lookbehinds
    words: tuple[str, ...] | None  # the plain words of a leading group, or None
    firsts: tuple[str, ...]  # the first word of each (lower case), or the leading literal alone
    tail: str  # what follows the leading group
    any_word: bool  # it may begin with anything: kept for every word
    # for each of firsts, whether a blank follows it: the text's word there must be it whole
    whole: tuple[bool, ...] = ()


@functools.lru_cache(maxsize=2048)
def _lead(alternative: str) -> _Lead:
    i = 0
    while alternative.startswith(("(?<=", "(?<!"), i):  # lookbehinds take no text
        i = group_end(alternative, i)
    head, rest = alternative[:i], alternative[i:]
    if rest.startswith("(?:"):
        end = group_end(rest, 0) - 1
        if rest[end + 1 : end + 2] in _QUANTIFIERS and end + 1 < len(rest):
            return _Lead(head, None, (), "", True)  # an optional group: anything may come first
        words = alternatives(rest[3:end])
        if not all(_LITERAL.fullmatch(w.partition(" ")[0]) for w in words):
            return _Lead(head, None, (), "", True)
        firsts = tuple(w.partition(" ")[0].lower() for w in words)
        tail = rest[end + 1 :]
        whole = tuple(" " in w or tail.startswith(" ") for w in words)
        return _Lead(head, tuple(words), firsts, tail, False, whole)
    m = _LITERAL.match(rest)
    if m is None:
        return _Lead(head, None, (), "", True)
    literal = m.group()
    if rest[m.end() : m.end() + 1] in _QUANTIFIERS and m.end() < len(rest):
        literal = literal[:-1]  # "strikes?": only "strike" is needed
    return _Lead(head, None, (literal.lower(),), "", False, (rest.startswith(" ", m.end()),))


def _can_begin(alternative: str, word: str) -> bool:
    """Whether ``alternative`` can match where the word ``word`` (lower case, ASCII) begins.

    What :func:`_narrowed_alternative` keeps, less an alternative whose first word a blank
    follows: there the word of the text must be that word whole, as "go on strike" cannot
    begin at "government" (a word of the text runs on over letters, digits, hyphens and
    apostrophes, none of them a blank).
    """
    lead = _lead(alternative)
    if lead.any_word:
        return True
    for first, whole in zip(lead.firsts, lead.whole, strict=True):
        if word == first if whole else word.startswith(first):
            return True
    return False


def _narrowed_alternative(alternative: str, word: str) -> str | None:
    """One alternative narrowed to ``word``, or None where it cannot match there."""
    lead = _lead(alternative)
    if lead.any_word:
        return alternative
    if lead.words is None:
        return alternative if word.startswith(lead.firsts[0]) else None
    fitting = [w for w, first in zip(lead.words, lead.firsts, strict=True) if word.startswith(first)]
    if not fitting:
        return None
    return lead.head + "(?:" + "|".join(fitting) + ")" + lead.tail


def find_triggers_slowly(text: str) -> list[tuple[int, int, str | None]]:
    """The raw matches of the full table over ``text``, without the quick scan (for tests).

    >>> find_triggers_slowly("Crowds marched.")
    [(7, 14, 't1')]
    """
    return [(m.start(), m.end(), m.lastgroup) for m in _compiled(trigger_table().branches).finditer(text)]


def lowered(text: str) -> str:
    """``text`` in lower case, character for character (offsets stay valid).

    >>> lowered("İstanbul MARCH")
    'İstanbul march'
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _blocker_before(table: TriggerTable, lower: str, lo: int, start: int) -> bool:
    """Whether a blocker matches ``lower[lo:start]`` (a search of them, each after "\\b", there)."""
    if table.opening_blockers is None:
        return table.blockers.search(lower, lo, start) is not None
    if lo:  # from the character before the window
        return table.blockers.search(lower, lo - 1, start) is not None
    return (
        table.blockers.search(lower, 0, start) is not None
        or table.opening_blockers.match(lower, 0, start) is not None
    )


def _blocked(table: TriggerTable, text: str, lower: str, start: int, end: int) -> bool:
    lo = max(0, start - 60)
    after = table.after_heads is None or lower.startswith(table.after_heads, end)
    if _blocker_before(table, lower, lo, start) or (
        after and table.after_blockers.search(lower[end : end + 40])
    ):
        return True
    if table.cased_blockers is None:
        return False
    if table.cased_leads is not None:
        window = lower[lo:start]
        if not any(w in window for w in table.cased_leads) and folds_plainly(window):
            return False  # none of the words every cased blocker begins with
    return bool(table.cased_blockers.search(text[lo:start]))


def find_triggers(text: str) -> list[Hit]:
    """Every trigger in ``text`` that is not blocked by a request or mood cue before it.

    Args:
        text: a sentence (or any span of text).

    Returns:
        The hits, left to right; where triggers overlap, the one listed first in the table.

    >>> text = "Police detained 40 marchers."
    >>> [(h.kind.value, text[h.start : h.end]) for h in find_triggers(text)]
    [('arrest', 'detained')]
    >>> [h.kind.value for h in find_triggers("They demanded his resignation.")]
    []
    """
    lower = lowered(text)
    return find_triggers_at(text, lower, [start for start, _ in cue_spans(lower)])


def cue_spans(lower: str) -> list[tuple[int, int]]:
    """Where a trigger can begin in ``lower`` (a :func:`lowered` text): the quick scan, one pass.

    Each match of ``starts`` (a word beginning of the table where no word character or hyphen
    comes before it), as (start, end) in text order. The scan tries its trie only after a
    character that no ASCII word can go on over, which the standard module finds fast; a match
    after a letter or digit outside ASCII is none (it ends inside a word, before any match of
    ``starts``, as its trie takes only ASCII letters and hyphens). A match at the very start
    has no character before it, and is tried on its own.

    >>> text = "Riot police detained two reporters."
    >>> [text[start:end] for start, end in cue_spans(lowered(text))]
    ['detained']
    """
    table = trigger_table()
    found = [m.span(1) for m in table.scan.finditer(lower)]
    if not lower.isascii():
        found = [span for span in found if lower[span[0] - 1].isascii() or not lower[span[0] - 1].isalnum()]
    opening = table.starts.match(lower)
    if opening is not None:
        found.insert(0, opening.span())
    return found


def find_triggers_at(text: str, lower: str, cues: Iterable[int]) -> list[Hit]:
    """:func:`find_triggers` with its quick scan done: ``cues`` are where ``starts`` matches ``lower``.

    Args:
        text: a sentence (or any span of text).
        lower: ``lowered(text)``.
        cues: the offsets, in order, where ``trigger_table().starts`` matches in ``lower`` (see
            :func:`cue_spans`).

    >>> text = "Crowds marched."
    >>> [h.kind.value for h in find_triggers_at(text, lowered(text), [7])]
    ['protest']
    """
    table = trigger_table()
    out: list[Hit] = []
    end = 0
    word_at = _WORD.match
    plain: bool | None = None  # whether the text is plain_text: read once a pattern is tried
    for cue in cues:
        if cue < end:
            continue
        word = word_at(lower, cue)
        if word is not None:
            w = word.group()
            after = word.end()
            index = _whole_word_trigger(w)
            # the pattern would match just the word, with the edges that the scans saw (a
            # character outside ASCII may be a letter to the pattern and not to them)
            if (
                index >= 0
                and (after == len(lower) or lower[after].isascii())
                and (cue == 0 or lower[cue - 1].isascii())
            ):
                if _blocked(table, text, lower, cue, after):
                    continue
                end = after
                kind, verb, mode = table.entries[index]
                out.append(Hit(kind, cue, end, verb, mode))
                continue
            tries = _tries(w)
        else:
            found = table.starts.match(lower, cue)
            tries = _tries(found.group() if found else "")
        if not tries:
            continue
        # the first trigger in table order that matches there: what their alternation finds
        if plain is None:
            plain = plain_text(text)
        m, index = _first_match(tries, text, cue, plain=plain)
        if m is None:
            continue
        start, end = m.span()
        if _blocked(table, text, lower, start, end):
            continue
        kind, verb, mode = table.entries[index]
        out.append(Hit(kind, start, end, verb, mode))
    return out


def sample_kinds(sentence: str) -> tuple[str, ...]:
    """The distinct kinds the triggers find in ``sentence``, sorted (what the samples state).

    >>> sample_kinds("Hundreds were detained and two were deported.")
    ('arrest', 'deport')
    """
    return tuple(sorted({h.kind.value for h in find_triggers(sentence)}))
