"""The speech-cue table (``data/speech_cues.json``), loaded once and compiled lazily.

>>> cues = speech_cues()
>>> cues.verbs["warned"].complement, cues.verbs["highlights"].weak
('that', True)
>>> [m.text for m in cues.find("She was quoted as saying it, according to them")]
['was quoted as saying', 'according to']
"""

from __future__ import annotations

import functools
import re
from typing import Any

import regex

from belnews._data import load_table
from belnews._pattern_cache import compile_stored, compile_stored_re

__all__ = ["CueHit", "Cues", "Verb", "speech_cues"]


_LETTERS = compile_stored_re(r"[a-z]+")  # stdlib re: faster for a plain class
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


class CueHit:
    """One cue found in a text: its offsets ``begin`` and ``stop``, and its ``text``.

    Never changed once made (a plain class: mypyc compiles it to a native one).
    """

    __slots__ = ("begin", "role", "stop", "text", "verb")

    def __init__(
        self, begin: int, stop: int, text: str, role: str = "verb", verb: Verb | None = None
    ) -> None:
        self.begin = begin
        self.stop = stop
        self.text = text
        self.role = role  # what Cues.role gives for ``text``
        self.verb = verb  # the verb form ``text`` is, if any

    def __repr__(self) -> str:
        return (
            f"CueHit(begin={self.begin}, stop={self.stop}, text={self.text!r}, "
            f"role={self.role!r}, verb={self.verb!r})"
        )


class Verb:
    """One word form of a speech verb and what it takes as reported content.

    Never changed once made (a plain class: mypyc compiles it to a native one); equal by value.
    """

    __slots__ = ("complement", "form", "object", "weak")

    def __init__(self, form: str, complement: str, weak: bool = False, object: bool = False) -> None:
        self.form = form
        self.complement = complement  # clause | that | to | any | none
        self.weak = weak
        self.object = object  # the noun phrase after it is the addressee ("told reporters")

    def _key(self) -> tuple[str, str, bool, bool]:
        return self.form, self.complement, self.weak, self.object

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Verb) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        fields = f"form={self.form!r}, complement={self.complement!r}, weak={self.weak}, object={self.object}"
        return f"Verb({fields})"

    @property
    def participle(self) -> bool:
        """True for the ``-ing`` form, which takes its subject from the clause before it."""
        return self.form.endswith("ing")


class Cues:
    """The compiled table: word form -> role, and the cues indexed by their first word.

    Made once by :func:`speech_cues` and never changed (a plain class: mypyc compiles it to a
    native one, whose fields read fast in the per-hit loops).
    """

    __slots__ = (
        "ascii_tails",
        "by_first",
        "first_word",
        "first_word_ascii",
        "frames",
        "generic_org_nouns",
        "named_org_nouns",
        "phrases",
        "proxy_nouns",
        "samples",
        "second_words",
        "shouts",
        "speaker_nouns",
        "verbs",
        "words",
    )

    def __init__(
        self,
        *,
        verbs: dict[str, Verb],
        frames: frozenset[str],
        shouts: frozenset[str],
        phrases: dict[str, str],
        speaker_nouns: frozenset[str],
        proxy_nouns: frozenset[str],
        generic_org_nouns: frozenset[str],
        named_org_nouns: frozenset[str],
        samples: tuple[tuple[str, str, str], ...],
        by_first: dict[str, tuple[regex.Pattern[str] | None, ...]],
        first_word: re.Pattern[str],
        first_word_ascii: re.Pattern[bytes],
        ascii_tails: bool,
        words: dict[str, tuple[str, Verb | None]],
        second_words: dict[str, tuple[bytes, ...]],
    ) -> None:
        self.verbs = verbs
        self.frames = frames
        self.shouts = shouts
        self.phrases = phrases
        self.speaker_nouns = speaker_nouns
        self.proxy_nouns = proxy_nouns
        self.generic_org_nouns = generic_org_nouns
        self.named_org_nouns = named_org_nouns
        self.samples = samples
        self.by_first = by_first  # first word -> rest of each cue
        self.first_word = (
            first_word  # a non-letter, then a whole run of letters that is the first word of a cue
        )
        self.first_word_ascii = first_word_ascii  # the same over bytes where every non-letter is a space
        self.ascii_tails = ascii_tails  # every tail is of ASCII (its letters match either case)
        self.words = words  # a one-word cue, case folded -> its role and verb
        self.second_words = second_words  # first word -> b" w " for each word its cues go on with

    def role(self, cue: str) -> str:
        """``verb``, ``frame``, ``shout`` or a phrase role (``according``, ``passive``)."""
        return _role(" ".join(cue.casefold().split()), self.phrases, self.shouts, self.frames)

    def find(self, text: str) -> list[CueHit]:
        """Every cue in ``text``, in order; a longer cue wins over a shorter one it contains."""
        return [CueHit(*hit) for hit in self.find_tuples(text)]

    def find_tuples(self, text: str) -> list[tuple[int, int, str, str, Verb | None]]:
        """What :meth:`find` gives, as ``(begin, stop, text, role, verb)`` tuples (no record made)."""
        # Only two characters lower to more than one character or to an ASCII letter (U+0130,
        # U+212A). Without them, a word of ``text.lower()`` made of a-z is one of ASCII letters
        # in ``text`` itself, and the checks below read the same in either case; so the search
        # runs over bytes (every other character a "?", and then every non-letter a space, which
        # the search finds fast as the literal its pattern opens with) and nothing is lowered but the hits.
        if self.ascii_tails and "\u0130" not in text and "\u212a" not in text:
            low = text
            seen = b" " + text.encode("ascii", "replace").translate(_FOLD_ASCII)
            spans = [m.span(1) for m in self.first_word_ascii.finditer(seen)]
            seen += b" "
        else:
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)  # offsets kept
            spans = [m.span(1) for m in self.first_word.finditer(" " + low)]
            seen = b""
        # a first word whose every cue goes on with a word of letters ("was" only in "was quoted
        # as saying") is tried only if the folded text holds one of those words between spaces
        absent: dict[str, bool] = {}
        by_first, second_words, words, verbs = self.by_first, self.second_words, self.words, self.verbs
        out: list[tuple[int, int, str, str, Verb | None]] = []
        size = len(low)
        last = 0  # where the last hit kept ends: a cue inside it is skipped
        # each first word stands only at the start of a run of letters, so hits come in text order
        for at, end in spans:
            at -= 1  # the patterns read a space put before the text
            end -= 1
            if at < last or (at and _inner(low[at - 1])) or (end < size and _inner(low[end])):
                continue
            word = low[at:end].lower()
            if seen and word in second_words:
                if word not in absent:
                    absent[word] = not any(n in seen for n in second_words[word])
                if absent[word]:
                    continue
            for tail in by_first[word]:
                stop = end
                if tail is not None:
                    t = tail.match(low, end, end + _TAIL_WINDOW)
                    if t is None:
                        continue
                    stop = t.end()
                cue = text[at:stop]
                folded = cue.casefold()
                known = words.get(folded) if tail is None else None
                if known is None:
                    known = self.role(cue), verbs.get(folded)
                out.append((at, stop, cue, known[0], known[1]))
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
    frames, shouts = frozenset(raw["frames"]), frozenset(raw["shouts"])
    return Cues(
        verbs=verbs,
        frames=frames,
        shouts=shouts,
        phrases=phrases,
        speaker_nouns=frozenset(raw["speaker_nouns"]),
        proxy_nouns=frozenset(raw["proxy_nouns"]),
        generic_org_nouns=frozenset(raw["org_nouns"]["generic"]),
        named_org_nouns=frozenset(raw["org_nouns"]["named"]),
        samples=tuple((s[0], s[1], s[2]) for s in raw["samples"]),
        by_first={
            k: tuple(_tail(t) for t in sorted(set(v), key=lambda t: (-len(t), t)))
            for k, v in by_first.items()
        },
        first_word=compile_stored_re(first),
        first_word_ascii=compile_stored_re(("[ ](" + trie + ")(?![a-z])").encode("ascii")),
        ascii_tails=all(w.isascii() for v in by_first.values() for t in v for w in t),
        second_words=_second_words(by_first),
        # what role() and verbs give for each one-word cue, looked up once here
        words={k: (_role(k, phrases, shouts, frames), verbs.get(k)) for k, v in by_first.items() if () in v},
    )


def _second_words(by_first: dict[str, list[tuple[str, ...]]]) -> dict[str, tuple[bytes, ...]]:
    """For a first word whose every cue has a second word of ASCII letters: those words between spaces.

    Each tail reads spaces, that word and then spaces or a non-word character, so where a tail
    matches, the text folded to ASCII letters and spaces holds the word between spaces.
    """
    out: dict[str, tuple[bytes, ...]] = {}
    for first, tails in by_first.items():
        if all(t and _LETTERS.fullmatch(t[0]) for t in tails):
            out[first] = tuple(sorted({b" " + t[0].encode("ascii") + b" " for t in tails}))
    return out


def _role(key: str, phrases: dict[str, str], shouts: frozenset[str], frames: frozenset[str]) -> str:
    """The role of a cue folded to ``key`` (see :meth:`Cues.role`)."""
    if key in phrases:
        return phrases[key]
    if key in shouts:
        return "shout"
    if key in frames:
        return "frame"
    return "verb"


def _tail(words: tuple[str, ...]) -> regex.Pattern[str] | None:
    """A pattern for the words of a cue after its first, or None for a one-word cue."""
    if not words:
        return None
    # matched only right after a first word's last letter, where "no space before" always holds;
    # it keeps a scan over a run of spaces linear (the letter classes give no literal to look for)
    return compile_stored(r"(?<!\s)\s+" + r"\s+".join(_any_case(w) for w in words) + r"(?![\w’'-])")


def _any_case(word: str) -> str:
    """A pattern for ``word`` (lower case) that also matches its ASCII letters in upper case.

    >>> _any_case("as")
    '[aA][sS]'
    """
    return "".join(f"[{c}{c.upper()}]" if "a" <= c <= "z" else regex.escape(c) for c in word)
