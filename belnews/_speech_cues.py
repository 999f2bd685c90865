"""The speech-cue table (``data/speech_cues.json``), loaded once and compiled lazily.

>>> cues = speech_cues()
>>> cues.verbs["warned"].complement, cues.verbs["highlights"].weak
('that', True)
>>> [m.group() for m in cues.find("She was quoted as saying it, according to them")]
['was quoted as saying', 'according to']
"""

from __future__ import annotations

import functools
import re
from typing import Any

import attrs
import regex

from belnews._data import load_table

__all__ = ["CueHit", "Cues", "Verb", "speech_cues"]


_LETTERS = re.compile(r"[a-z]+")  # stdlib re: faster for a plain class
# bytes -> the same bytes with ASCII letters lowered and every other byte a space
_FOLD_ASCII = bytes(b + 32 if 65 <= b <= 90 else b if 97 <= b <= 122 else 32 for b in range(256))
# How far past its first word a cue's rest is matched. The rest is a few words ("quoted as
# saying"), and cleaned text has no blank run longer than two. Unbounded, regex looks for a
# tail's required word ("quoted") through the rest of the article before each try, which
# made long articles quadratic.
_TAIL_WINDOW = 256


def _trie(words: list[str]) -> str:
    """One alternation for ``words`` that branches letter by letter (cheap to try at each offset)."""
    heads: dict[str, list[str]] = {}
    for word in words:
        heads.setdefault(word[:1], []).append(word[1:])
    branches = []
    for head in sorted(heads):
        rests = heads[head]
        if not head:
            continue
        inner = _trie([r for r in rests if r])
        optional = "" in rests
        body = inner if inner else ""
        if body and optional:
            body = f"(?:{body})?"
        branches.append(re.escape(head) + body)
    if not branches:
        return ""
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _inner(ch: str) -> bool:
    """Whether ``ch`` continues a word (so a cue word next to it is only part of a word)."""
    return ch.isalnum() or ch in "_’'-"


@attrs.define  # never changed once made; not frozen, as a frozen class sets each field by a call
class CueHit:
    """One cue found in a text, with the match-like accessors ``start``, ``end``, ``group``."""

    begin: int
    stop: int
    text: str
    role: str = "verb"  # what Cues.role gives for ``text``
    verb: Verb | None = None  # the verb form ``text`` is, if any

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.stop

    def group(self) -> str:
        return self.text


@attrs.frozen
class Verb:
    """One word form of a speech verb and what it takes as reported content."""

    form: str
    complement: str  # clause | that | to | any | none
    weak: bool = False
    object: bool = False  # the noun phrase after it is the addressee ("told reporters")

    @property
    def participle(self) -> bool:
        """True for the ``-ing`` form, which takes its subject from the clause before it."""
        return self.form.endswith("ing")


@attrs.frozen
class Cues:
    """The compiled table: word form -> role, and the cues indexed by their first word."""

    verbs: dict[str, Verb]
    frames: frozenset[str]
    shouts: frozenset[str]
    phrases: dict[str, str]
    speaker_nouns: frozenset[str]
    proxy_nouns: frozenset[str]
    generic_org_nouns: frozenset[str]
    named_org_nouns: frozenset[str]
    samples: tuple[tuple[str, str, str], ...]
    by_first: dict[str, tuple[regex.Pattern[str] | None, ...]]  # first word -> rest of each cue
    first_word: re.Pattern[str]  # a non-letter, then a whole run of letters that is the first word of a cue
    first_word_ascii: re.Pattern[bytes]  # the same over bytes where every non-letter is a space
    ascii_tails: bool  # every tail is of ASCII (its letters match either case)

    def role(self, cue: str) -> str:
        """``verb``, ``frame``, ``shout`` or a phrase role (``according``, ``passive``)."""
        key = " ".join(cue.casefold().split())
        if key in self.phrases:
            return self.phrases[key]
        if key in self.shouts:
            return "shout"
        if key in self.frames:
            return "frame"
        return "verb"

    def find(self, text: str) -> list[CueHit]:
        """Every cue in ``text``, in order; a longer cue wins over a shorter one it contains."""
        # Only two characters lower to more than one character or to an ASCII letter (U+0130,
        # U+212A). Without them, a word of ``text.lower()`` made of a-z is one of ASCII letters
        # in ``text`` itself, and the checks below read the same in either case; so the search
        # runs over bytes (every other character a "?", and then every non-letter a space, which
        # the search finds fast as the literal its pattern opens with) and nothing is lowered but the hits.
        if self.ascii_tails and "\u0130" not in text and "\u212a" not in text:
            low = text
            seen = b" " + text.encode("ascii", "replace").translate(_FOLD_ASCII)
            spans = [m.span(1) for m in self.first_word_ascii.finditer(seen)]
        else:
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)  # offsets kept
            spans = [m.span(1) for m in self.first_word.finditer(" " + low)]
        out: list[CueHit] = []
        size = len(low)
        last = 0  # where the last hit kept ends: a cue inside it is skipped
        # each first word stands only at the start of a run of letters, so hits come in text order
        for at, end in spans:
            at -= 1  # the patterns read a space put before the text
            end -= 1
            if at < last or (at and _inner(low[at - 1])) or (end < size and _inner(low[end])):
                continue
            for tail in self.by_first[low[at:end].lower()]:
                stop = end
                if tail is not None:
                    t = tail.match(low, end, end + _TAIL_WINDOW)
                    if t is None:
                        continue
                    stop = t.end()
                cue = text[at:stop]
                out.append(CueHit(at, stop, cue, self.role(cue), self.verbs.get(cue.casefold())))
                last = stop
                break
        return out


@functools.cache
def speech_cues() -> Cues:
    """The speech-cue table, read from the package data on first use."""
    raw: dict[str, Any] = load_table("speech_cues.json")
    verbs: dict[str, Verb] = {}
    for entry in raw["verbs"]:
        for form in entry["forms"]:
            verbs[form] = Verb(
                form, entry["complement"], bool(entry.get("weak", False)), bool(entry.get("object", False))
            )
    phrases = {p["text"]: p["role"] for p in raw["phrases"]}
    by_first: dict[str, list[tuple[str, ...]]] = {}
    for cue in [*verbs, *raw["frames"], *raw["shouts"], *phrases]:
        seq = tuple(cue.casefold().split())
        by_first.setdefault(seq[0], []).append(seq[1:])
    # a non-letter, then the word: a pattern that opens with a plain class, which ``re``
    # searches for fast (a leading lookbehind would make it try every offset)
    trie = _trie([k for k in by_first if _LETTERS.fullmatch(k)])
    first = "[^a-z](" + trie + ")(?![a-z])"
    return Cues(
        verbs=verbs,
        frames=frozenset(raw["frames"]),
        shouts=frozenset(raw["shouts"]),
        phrases=phrases,
        speaker_nouns=frozenset(raw["speaker_nouns"]),
        proxy_nouns=frozenset(raw["proxy_nouns"]),
        generic_org_nouns=frozenset(raw["org_nouns"]["generic"]),
        named_org_nouns=frozenset(raw["org_nouns"]["named"]),
        samples=tuple((s[0], s[1], s[2]) for s in raw["samples"]),
        by_first={
            k: tuple(_tail(t) for t in sorted(set(v), key=len, reverse=True)) for k, v in by_first.items()
        },
        first_word=re.compile(first),
        first_word_ascii=re.compile(("[ ](" + trie + ")(?![a-z])").encode("ascii")),
        ascii_tails=all(w.isascii() for v in by_first.values() for t in v for w in t),
    )


def _tail(words: tuple[str, ...]) -> regex.Pattern[str] | None:
    """A pattern for the words of a cue after its first, or None for a one-word cue."""
    if not words:
        return None
    # matched only right after a first word's last letter, where "no space before" always holds;
    # it keeps a scan over a run of spaces linear (the letter classes give no literal to look for)
    return regex.compile(r"(?<!\s)\s+" + r"\s+".join(_any_case(w) for w in words) + r"(?![\w’'-])")


def _any_case(word: str) -> str:
    """A pattern for ``word`` (lower case) that also matches its ASCII letters in upper case.

    >>> _any_case("as")
    '[aA][sS]'
    """
    return "".join(f"[{c}{c.upper()}]" if "a" <= c <= "z" else regex.escape(c) for c in word)
