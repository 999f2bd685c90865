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


def _inner(ch: str) -> bool:
    """Whether ``ch`` continues a word (so a cue word next to it is only part of a word)."""
    return ch.isalnum() or ch in "_’'-"


@attrs.frozen
class CueHit:
    """One cue found in a text, with the match-like accessors ``start``, ``end``, ``group``."""

    begin: int
    stop: int
    text: str

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
        low = text.lower()
        if len(low) != len(text):  # a letter whose lower case is longer: keep offsets right
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        hits: list[tuple[int, int]] = []
        for word in self.by_first.keys() & set(_LETTERS.findall(low)):
            size = len(word)
            at = low.find(word)
            while at >= 0:
                end = at + size
                if not (at and _inner(low[at - 1])) and not (end < len(low) and _inner(low[end])):
                    for tail in self.by_first[word]:
                        if tail is None:
                            hits.append((at, end))
                            break
                        t = tail.match(low, end)
                        if t is not None:
                            hits.append((at, t.end()))
                            break
                at = low.find(word, at + 1)
        hits.sort(key=lambda h: (h[0], -h[1]))
        out: list[CueHit] = []
        for start, end in hits:
            if not out or start >= out[-1].stop:
                out.append(CueHit(start, end, text[start:end]))
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
    )


def _tail(words: tuple[str, ...]) -> regex.Pattern[str] | None:
    """A pattern for the words of a cue after its first, or None for a one-word cue."""
    if not words:
        return None
    return regex.compile(r"\s+" + r"\s+".join(regex.escape(w) for w in words) + r"(?![\w’'-])")
