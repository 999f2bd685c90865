"""Who a speaker phrase refers to: a name, a surname, a pronoun or a description -> an Actor.

Resolution only ever returns actors from the list it was given; where none fits it gives
``None`` and the caller keeps the phrase as written.

>>> from belnews.model import Actor, ActorKind, Gender, Mention, Span
>>> text = "Anna Lis spoke. Then he said no. Lis said yes."
>>> anna = Actor("person:anna-lis", "Anna Lis", ActorKind.PERSON, gender=Gender.FEMALE,
...              mentions=(Mention("Anna Lis", Span(0, 8)),))
>>> r = Resolver(text, (anna,))
>>> r.resolve(21, 23) is None, r.resolve(33, 36).name
(True, 'Anna Lis')
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from belnews._pattern_cache import compile_stored, compile_stored_re
from belnews._speech_cues import Cues, speech_cues
from belnews.model import Actor, ActorKind, Gender

__all__ = ["Resolver"]

_PRIORITY = {
    ActorKind.PERSON: 0,
    ActorKind.ORGANIZATION: 1,
    ActorKind.GROUP: 2,
    ActorKind.COUNTRY: 3,
    ActorKind.LOCATION: 4,
}
_SPEAKER_KINDS = (ActorKind.PERSON, ActorKind.ORGANIZATION, ActorKind.GROUP)
_TITLES = frozenset(
    ["mr", "mrs", "ms", "miss", "dr", "prof", "sir", "madam", "president", "minister", "gen", "general"]
)
_NUMBERS = frozenset(["two", "three", "four", "five", "several", "both", "many", "some"])
_WORD = compile_stored(r"[\p{L}\p{M}’'-]+")
_WORD_ASCII = compile_stored_re(r"[A-Za-z'-]+")  # _WORD on ASCII text (``re`` starts faster)
_LOOKBACK = 3000  # characters a pronoun or description may reach back
_SUBJECT_REACH = 700  # characters within which a sentence subject beats a nearer mention
_OF = compile_stored(r"([\p{L}\p{M}’'-]+)\s+(?:of|for)\s")


def _words(text: str) -> list[str]:
    """The words of ``text`` as ``_WORD`` finds them."""
    return (_WORD_ASCII if text.isascii() else _WORD).findall(text)


_APOSTROPHES = ("’", "'")  # a mention followed by one is possessive ("’s" starts with one too)


def _is_possessive(text: str, end: int) -> bool:
    return text[end : end + 1] in _APOSTROPHES


class Resolver:
    """Resolves speaker phrases (``start, end`` offsets into the article text) to actors.

    ``quote_spans`` are excluded when a pronoun or description looks back for its
    antecedent: names inside a quotation are not the speaker. ``joint`` lists
    ``(offset, actor)`` for attributions that name two or more persons ("according to A
    and B"): "they" and "two analysts" resolve to the nearest of them. ``subjects`` are the
    start offsets of mentions that stand as a subject or a speaker: "he" prefers the
    nearest of them to a nearer name in an object or a modifier. ``like``: a resolver of the
    same text and actors whose index of mentions is reused.
    """

    def __init__(
        self,
        text: str,
        actors: tuple[Actor, ...],
        *,
        cues: Cues | None = None,
        quote_spans: Iterable[tuple[int, int]] = (),
        joint: Iterable[tuple[int, Actor]] = (),
        subjects: Iterable[int] = (),
        like: Resolver | None = None,
    ) -> None:
        self.text = text
        self.actors = actors
        self.cues = cues or speech_cues()
        self.speaker_nouns = self.cues.speaker_nouns
        self.subjects = frozenset(subjects)
        self._rows: list[tuple[int, int, int]]
        self._starts: list[int]
        self._longest: int
        self._best: dict[tuple[int, int], Actor | None]  # best() by span: it reads only the mentions
        self._folded: list[tuple[Actor, list[str]]] | None = None  # by_name's names, when first needed
        self._org_words: dict[str, list[Actor]] | None = None  # _description's, when first needed
        if like is not None and like.text is text and like.actors is actors:
            # the same mentions: share the index and what best() found (neither depends on the rest)
            self._rows, self._starts, self._longest = like._rows, like._starts, like._longest
            self._best, self._folded, self._org_words = like._best, like._folded, like._org_words
        else:
            rows = [(m.span.start, m.span.end, i) for i, a in enumerate(actors) for m in a.mentions]
            rows.sort()
            starts: list[int] = []
            longest = 0
            for start, end, _i in rows:  # one pass for both
                starts.append(start)
                if end - start > longest:
                    longest = end - start
            self._rows, self._starts, self._longest = rows, starts, longest
            self._best = {}
        quotes = sorted(quote_spans)
        self._quotes = quotes
        self._quote_starts = [q[0] for q in quotes]
        self.joint = sorted(joint, key=lambda j: j[0])

    # -- mentions -----------------------------------------------------------------
    def overlapping(self, floor: int, ceiling: int) -> list[tuple[int, int, Actor]]:
        """Actor mentions that overlap ``[floor, ceiling)``, in text order."""
        hi = bisect.bisect_left(self._starts, ceiling)
        lo = bisect.bisect_left(self._starts, floor - self._longest)
        actors = self.actors
        return [(start, end, actors[i]) for start, end, i in self._rows[lo:hi] if end > floor]

    def spans_of(self, kind: ActorKind, floor: int, ceiling: int) -> list[tuple[int, int]]:
        """The mentions of actors of ``kind`` that start inside ``[floor, ceiling)``, in text order."""
        lo = bisect.bisect_left(self._starts, floor)
        hi = bisect.bisect_left(self._starts, ceiling, lo)
        actors = self.actors
        return [(start, end) for start, end, i in self._rows[lo:hi] if actors[i].kind is kind]

    def _in_quote(self, start: int, end: int) -> bool:
        k = bisect.bisect_right(self._quote_starts, start) - 1
        return k >= 0 and self._quotes[k][0] <= start and end <= self._quotes[k][1]

    def _preceding(
        self, pos: int, kinds: tuple[ActorKind, ...], gender: Gender | None, *, subject_first: bool = False
    ) -> Actor | None:
        """The actor of the nearest mention before ``pos`` (outside quotes) that fits.

        With ``subject_first``, a mention in subject or speaker position within reach wins
        over a nearer one, and a possessive modifier ("Putin's") is taken only as a last resort.
        """
        hi = bisect.bisect_left(self._starts, pos)
        nearest: Actor | None = None
        for start, end, i in reversed(self._rows[:hi]):
            if pos - end > _LOOKBACK:
                break
            actor = self.actors[i]
            if end > pos or actor.kind not in kinds or self._in_quote(start, end):
                continue
            if gender is not None and actor.gender not in (None, gender):
                continue
            if not subject_first:
                return actor
            if start in self.subjects:
                return actor
            if nearest is None and not _is_possessive(self.text, end):
                nearest = actor
            if pos - end > _SUBJECT_REACH and nearest is not None:
                return nearest
        return nearest

    def best(self, first: int, last: int, found: list[tuple[int, int, Actor]] | None = None) -> Actor | None:
        """The speaker among the mentions inside ``[first, last)``: persons first, modifiers last.

        A mention that only says whose proxy speaks ("the families of X", "X's lawyer")
        is never the speaker. ``found``: ``overlapping(first, last)``, when the caller has it already.
        """
        key = (first, last)
        if key in self._best:
            return self._best[key]
        if found is None:
            found = self.overlapping(first, last)
        if not found:
            return None
        segment = self.text[first : found[-1][0]].casefold()
        # else no "<proxy noun> of" can stand before a mention (each before-text is a prefix of segment)
        of = ("of" in segment or "for" in segment) and any(n in segment for n in self.cues.proxy_nouns)
        text = self.text
        # a mention can only be a proxy's after "of"/"for" or with a possessive mark
        found = [
            f
            for f in found
            if not ((of or _is_possessive(text, f[1])) and self._proxied(first, last, f[0], f[1], of=of))
        ]
        heads = [f for f in found if not _is_possessive(text, f[1])] or found
        best = min(heads, key=lambda f: (_PRIORITY[f[2].kind], f[0]))[2] if heads else None
        self._best[key] = best
        return best

    def _proxied(self, first: int, last: int, start: int, end: int, *, of: bool = True) -> bool:
        """A mention that names whom the speaker speaks for; ``of``: "of" or "for" may precede it."""
        if of:
            before = self.text[first:start].casefold()
            for m in _OF.finditer(before):
                if m.group(1) in self.cues.proxy_nouns:
                    return True
        if _is_possessive(self.text, end):
            after = _words(self.text[end : min(last, end + 30)].casefold())
            after = [w for w in after if w not in ("s", "’s", "'s")]
            return bool(after) and after[0] in self.cues.proxy_nouns and len(after) == 1
        return False

    def is_speaker(self, first: int, last: int) -> bool:
        """Whether the phrase ending at ``last`` can speak: a speaker actor, a pronoun or a noun."""
        phrase = self.text[first:last]
        words = _words(phrase.casefold())
        if not words:
            return False
        if words[-1] in ("he", "she", "they", "we", "i") or words[-1] in self.speaker_nouns:
            return True
        for _s, end, actor in self.overlapping(first, last):
            if end >= last - 1 and actor.kind in _SPEAKER_KINDS and not _is_possessive(self.text, end):
                return True
        return False

    # -- resolution -------------------------------------------------------------------
    def resolve(self, first: int, last: int) -> Actor | None:
        """The actor the speaker phrase ``text[first:last]`` refers to, or ``None``."""
        phrase = self.text[first:last].strip()
        words = _words(phrase.casefold())
        if not words:
            return None
        if len(words) == 1 and words[0] in ("he", "him", "she", "her", "they", "them", "it"):
            return self._pronoun(words[0], first)
        if words[0] in _NUMBERS and words[-1] in self.speaker_nouns:
            joint = self._joint(first, forward=True)
            if joint is not None:
                return joint
        found = self.best(first, last)
        if found is not None:
            return found
        if self.overlapping(first, last):
            return None  # it names only whom the speaker speaks for ("the parents of X")
        named = self.by_name(phrase, first)
        if named is not None:
            return named
        return self._description(words, first)

    def _pronoun(self, word: str, pos: int) -> Actor | None:
        if word in ("they", "them"):
            joint = self._joint(pos, forward=False)
            if joint is not None:
                return joint
            return self._preceding(pos, (ActorKind.GROUP, ActorKind.ORGANIZATION), None)
        if word == "it":
            return self._preceding(pos, (ActorKind.ORGANIZATION, ActorKind.COUNTRY), None, subject_first=True)
        gender = Gender.MALE if word in ("he", "him") else Gender.FEMALE
        return self._preceding(pos, (ActorKind.PERSON,), gender, subject_first=True)

    def _joint(self, pos: int, *, forward: bool) -> Actor | None:
        best: tuple[int, Actor] | None = None
        for at, actor in self.joint:
            if at > pos and not forward:
                continue
            dist = abs(pos - at)
            if dist <= _LOOKBACK and (best is None or dist < best[0]):
                best = (dist, actor)
        return None if best is None else best[1]

    def by_name(self, phrase: str, pos: int) -> Actor | None:
        """An actor whose name, alias or surname the phrase spells (``Dr.Petrova``, ``Oreshkin``)."""
        tokens = [t for t in _words(phrase.replace(".", ". ")) if t.casefold() not in _TITLES]
        if not tokens or not tokens[0][:1].isupper():
            return None
        key = " ".join(tokens).casefold()
        last = tokens[-1].casefold()
        candidates = []
        for actor, folded in self._folded_names():
            if key in folded or (
                actor.kind is ActorKind.PERSON and any(f.split()[-1:] == [last] for f in folded)
            ):
                candidates.append(actor)
        if len(candidates) <= 1:
            return candidates[0] if candidates else None
        return self._nearest_of(candidates, pos) or candidates[0]

    def _folded_names(self) -> list[tuple[Actor, list[str]]]:
        """The speaker actors with their names and aliases folded as ``by_name`` compares them."""
        if self._folded is None:
            self._folded = [
                (actor, [" ".join(_words(n)).casefold() for n in (actor.name, *actor.aliases)])
                for actor in self.actors
                if actor.kind in _SPEAKER_KINDS
            ]
        return self._folded

    def _organisations_by_word(self) -> dict[str, list[Actor]]:
        """Each word of an organisation's name or alias (case folded) -> those organisations, in order."""
        if self._org_words is None:
            self._org_words = {}
            for actor in self.actors:
                if actor.kind is ActorKind.ORGANIZATION:
                    words = {w for n in (actor.name, *actor.aliases) for w in _words(n.casefold())}
                    for word in words:
                        self._org_words.setdefault(word, []).append(actor)
        return self._org_words

    def _nearest_of(self, candidates: list[Actor], pos: int) -> Actor | None:
        best: tuple[int, Actor] | None = None
        for actor in candidates:
            for m in actor.mentions:
                end = m.span.end
                if end <= pos and (best is None or end > best[0]):
                    best = (end, actor)
        return None if best is None else best[1]

    def _description(self, words: list[str], pos: int) -> Actor | None:
        head = words[-1]
        if words[0] in ("the", "this", "that") and len(words) <= 3:
            if head in self.cues.generic_org_nouns:
                return self._preceding(pos, (ActorKind.ORGANIZATION,), None)
            if head in self.cues.named_org_nouns:
                return self._nearest_of(self._organisations_by_word().get(head, []), pos)
        if head not in self.speaker_nouns:
            return None
        if words[0] in _NUMBERS:
            return self._joint(pos, forward=True)
        if words[0] not in ("the", "this", "that") or head.endswith("s"):
            return None
        with_role = [a for a in self.actors if any(head in r.casefold().split() for r in a.roles)]
        return self._nearest_of(with_role, pos) or self._preceding(pos, (ActorKind.PERSON,), None)
