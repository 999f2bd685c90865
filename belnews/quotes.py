"""Quotations and their speakers.

Quotation marks are paired paragraph by paragraph (:mod:`belnews._quote_marks`); each piece
is then attributed by the cue next to it (``"...," said X``, ``X said: "..."``), by the
quote it continues, by the paragraph around it, by a colon ending the paragraph before, by
an earlier identical quote (a pull-quote) or by the next paragraph. Reported speech is found
from speech cues (``data/speech_cues.json``): ``X said that ...``, ``according to X, ...``,
``..., say two analysts``. Marked words that no cue governs are scare quotes and are left
out. Interview turns are one quote each. Speakers are resolved to the given actors by
:class:`belnews._speakers.Resolver`.
"""

from __future__ import annotations

import bisect

import regex

from belnews._clauses import (
    AUX,
    BOUNDARY,
    clause_start,
    finite_clause,
    np_after,
    np_before,
    pronoun_clause,
    sentence_bounds,
    subject,
    tail_tokens,
)
from belnews._pattern_cache import compile_stored, compile_stored_re
from belnews._quote_marks import Piece, find_pieces, opening_marks
from belnews._speakers import Resolver
from belnews._speech_cues import CueHit, Cues, speech_cues
from belnews.clean import Cleaned
from belnews.model import Actor, ActorKind, ParagraphKind, Quote, QuoteKind, Span

__all__ = ["find_quotes"]

_SKIP_KINDS = (ParagraphKind.HEADING, ParagraphKind.CAPTION)
_SPEAKER_KINDS = (ActorKind.PERSON, ActorKind.ORGANIZATION, ActorKind.GROUP)
_LEAD = compile_stored(r"^(?:\W|but|and|yet|so|however|still|now)*$", regex.IGNORECASE)
_THAT = compile_stored(r"\bthat\b", regex.IGNORECASE)
_BY = compile_stored(r"\bby\s", regex.IGNORECASE)
_TO = compile_stored(r"\bto\s", regex.IGNORECASE)
_NOT = compile_stored(r"\bnot\s+(?=to\s)", regex.IGNORECASE)
_SECOND = compile_stored(
    r",?\s+(?:and|but)\s+(?P<that>that)\s|(?P<list>,\s+that)\s|,?\s+(?:and|but|though|although|while|whereas)\s",
    regex.IGNORECASE,
)
_SUBJECT_WORDS = 5  # words between a conjunction and the next speech verb: "and officials privately admit"
_AGENT_END = compile_stored(r"\s(?:on|in|at|that|last|this|after)\s|[,;:]", regex.IGNORECASE)
_GAP_WORDS = 8  # words a "that" may stand after its verb: "revealed to state television that"
_PASSIVE = frozenset(["was", "were", "been", "is", "are", "being"])
_AFTER_SEG = compile_stored(
    # a run of plain characters at a time (the same end as one at a time, without a step per character)
    r"\s*[,–—-]?\s*((?:[^.;:!?()“”\"\n]+|(?<=\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|[A-Z]))\.)*)"
)
_LIST_JOIN = compile_stored(r"\s*(?:,\s*(?:(?:and|or)\s*)?|(?:and|or)\s*)")  # one way to match each text
_CUE_WORDS = 12  # words the cue may stand after a quotation it attributes
_PIECE_END_OK = frozenset(",!?–—-…")
_TAIL = compile_stored(
    r"|\([^()]*\)|(?:for|in|on|at)(?:\s+\S+){1,4}"
    r"|(?:(?:late|early|last|this)\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day(?:\s+\w+)?|today|yesterday",
    regex.IGNORECASE,
)
_LABEL = compile_stored(r"\s*[^:\n]{1,60}?\**:\**\s*")
_LABELLED = compile_stored(r"\s*\**[\p{Lu}][^:\n]{0,58}?\**:")
_NAME_COMMA = compile_stored(r"\s+[^,;:]{2,120},\s*")
_INTRO = compile_stored(r"\s*|(?:\s+[\w’'-]+){1,4}\s*[:,]\s*|\s*[:,]\s*")
# what regex reads as ``\s`` (``str.isspace`` but \x1c-\x1f), then dashes, dots and commas: a lead
# made only of these is no text before a quotation
_LEAD_NOISE = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a"
    "\u2028\u2029\u202f\u205f\u3000…—–,.-"
)
_APPOSITION = compile_stored(r"\s*(?:a|an|the|who|which)\b[^,]{0,80},")
_RELATIVE = compile_stored(r"\b(?:that|which|who|whom)\b", regex.IGNORECASE)
_AS = compile_stored(r"\bas\s*$", regex.IGNORECASE)
_NOT_ALNUM = compile_stored_re(r"[\W_]+")
_WORD = compile_stored_re(r"\S+")  # a word as str.split sees it (re and str share one idea of a space)
_UNFINISHED = compile_stored(r"[^ .:]")  # a sentence goes on after a trailing attribution
_GAP_BREAK = compile_stored(r"[,;:()“”\"]")
_APPOSITION_BREAK = compile_stored(r"[;:“”\"]")
_NOMINAL = compile_stored(
    r"(?:\b(?:the|a|an|its|his|her|their|our|this|these|those)|[’']s?)\s*$", regex.IGNORECASE
)


class _Draft:
    """A quotation found, before its speaker is resolved (spans are article offsets).

    A plain class (mypyc compiles it to a native one): _finish sets the speaker fields in place.
    """

    __slots__ = (
        "attributed",
        "continues",
        "cue",
        "kind",
        "label",
        "paragraph",
        "spans",
        "speaker",
        "speaker_span",
        "speaker_text",
        "standalone",
    )

    def __init__(
        self,
        kind: QuoteKind,
        spans: tuple[tuple[int, int], ...],
        paragraph: int,
        cue: str | None = None,
        speaker_span: tuple[int, int] | None = None,
        label: str | None = None,
        attributed: bool = False,
        standalone: bool = False,
        continues: bool = False,
        speaker: Actor | None = None,
        speaker_text: str | None = None,
    ) -> None:
        self.kind = kind
        self.spans = spans  # each (start, end): a Span only in the final Quote
        self.paragraph = paragraph
        self.cue = cue
        self.speaker_span = speaker_span
        self.label = label  # an interview label, resolved by name
        self.attributed = attributed  # the text says who spoke (even if it names no actor)
        self.standalone = standalone  # the whole paragraph is this quotation
        self.continues = continues  # runs on into the next paragraph
        self.speaker = speaker
        self.speaker_text = speaker_text

    def with_spans(self, spans: tuple[tuple[int, int], ...]) -> _Draft:
        """A copy with ``spans`` in place of its own."""
        return _Draft(
            self.kind,
            spans,
            self.paragraph,
            self.cue,
            self.speaker_span,
            self.label,
            self.attributed,
            self.standalone,
            self.continues,
            self.speaker,
            self.speaker_text,
        )


def find_quotes(doc: Cleaned, actors: tuple[Actor, ...]) -> tuple[Quote, ...]:
    """Every quotation in the article with its speaker.

    Args:
        doc: the cleaned article.
        actors: the actors of the article; speakers are taken from them only.

    Returns:
        The quotations in text order: direct (marked, block or interview), indirect
        ("X said that ...") and partial (a marked phrase inside reported speech).

    >>> from belnews.clean import clean_article
    >>> doc = clean_article('Title\\n\\n"We will stay," said Olga. Police say they arrested 20 people.')
    >>> [(q.text, q.kind.value, q.speaker_text, q.cue) for q in find_quotes(doc, ())]
    [('We will stay', 'direct', 'Olga', 'said'), ('they arrested 20 people', 'indirect', 'Police', 'say')]
    """
    cues = speech_cues()
    plain = Resolver(doc.text, actors, cues=cues)
    hits = cues.find_tuples(doc.text)  # once for the article; each paragraph takes its share
    starts = [h[0] for h in hits]
    marks = opening_marks(doc.text)  # a paragraph without one has no pieces
    drafts: list[_Draft] = []
    paragraphs = doc.paragraphs
    k = 0
    while k < len(paragraphs):
        para = paragraphs[k]
        if para.kind is ParagraphKind.INTERVIEW:
            turn = _interview_turn(doc, k)
            drafts.append(turn)
            k += len(turn.spans)
            continue
        if para.kind not in _SKIP_KINDS:
            base, stop = para.span.start, para.span.end
            mine = hits[bisect.bisect_left(starts, base) : bisect.bisect_left(starts, stop)]
            matches = [CueHit(h[0] - base, h[1] - base, h[2], h[3], h[4]) for h in mine if h[1] <= stop]
            pieces = find_pieces(para.text) if _any_between(marks, base, stop) else []
            found = _paragraph(_Para(para.text, base, k, plain, matches, pieces)) if pieces or matches else []
            if not found and k > 0 and _introduces(doc, k - 1, drafts):
                found = [_Draft(QuoteKind.DIRECT, ((base, stop),), k)]
            drafts.extend(found)
        k += 1
    return tuple(_finish(doc, drafts, plain, cues))


def _any_between(offsets: list[int], start: int, stop: int) -> bool:
    """Whether one of the sorted ``offsets`` lies in ``[start, stop)``."""
    i = bisect.bisect_left(offsets, start)
    return i < len(offsets) and offsets[i] < stop


# -- interviews -----------------------------------------------------------------------


def _interview_turn(doc: Cleaned, first: int) -> _Draft:
    """One turn: the run of INTERVIEW paragraphs that starts at ``first`` with one speaker."""
    para = doc.paragraphs[first]
    label = para.speaker or ""
    spans = []
    k = first
    while k < len(doc.paragraphs):
        p = doc.paragraphs[k]
        if p.kind is not ParagraphKind.INTERVIEW or p.speaker != label or (k > first and _labelled(p.text)):
            break
        start = p.span.start
        if k == first:
            m = _LABEL.match(p.text)
            if m and _labelled(p.text):
                start += m.end()
        spans.append((start, p.span.end))
        k += 1
    label_span = (para.span.start, para.span.start + len(label)) if para.text.startswith(label) else None
    return _Draft(
        QuoteKind.DIRECT,
        tuple(spans),
        first,
        cue=label,
        speaker_span=label_span,
        label=label,
        attributed=True,
    )


def _labelled(text: str) -> bool:
    return ":" in text and _LABELLED.match(text) is not None  # the label ends with a colon


# -- one paragraph ------------------------------------------------------------------------


def _introduces(doc: Cleaned, k: int, drafts: list[_Draft]) -> bool:
    """Paragraph ``k`` ends with a colon after a speech cue in its last sentence."""
    para = doc.paragraphs[k]
    if para.kind is not ParagraphKind.BODY or not para.text.rstrip().endswith(":"):
        return False
    return any(d.paragraph == k and d.attributed and d.spans[-1][1] >= para.span.end - 80 for d in drafts)


class _Para:
    """The state of one paragraph while its quotations are found."""

    __slots__ = (
        "_sentences",
        "_starts",
        "base",
        "done",
        "drafts",
        "index",
        "matches",
        "pieces",
        "resolver",
        "text",
        "used",
    )

    def __init__(
        self,
        text: str,
        base: int,
        index: int,
        resolver: Resolver,
        matches: list[CueHit],
        pieces: list[Piece],
    ):
        self.text = text
        self.base = base
        self.index = index
        self.pieces = pieces  # find_pieces(text)
        self.resolver = resolver
        self.matches = [m for m in matches if not self._inside_piece(m.begin)] if pieces else matches
        self.used: set[int] = set()  # cue offsets already used
        self.done: set[int] = set()  # pieces (by index) already reported or absorbed
        self.drafts: list[_Draft] = []
        self._sentences: list[tuple[int, int]] = []  # with _starts, found by sentence() when first needed
        self._starts: list[int] | None = None

    def _inside_piece(self, pos: int) -> bool:
        return any(p.start <= pos < p.end for p in self.pieces)

    def sentence(self, pos: int) -> tuple[int, int]:
        """The sentence around ``pos`` (the paragraph's sentences are found when first asked for)."""
        if self._starts is None:
            self._sentences = sentence_bounds(self.text, self.pieces)
            self._starts = [s for s, _e in self._sentences]
        k = bisect.bisect_right(self._starts, pos) - 1  # sentences are in order, apart
        if k >= 0 and pos < self._sentences[k][1]:
            return self._sentences[k]
        return 0, len(self.text)

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.base + start, self.base + end

    def draft(
        self,
        kind: QuoteKind,
        start: int,
        end: int,
        cue: str | None,
        who: tuple[int, int] | None,
        *,
        attributed: bool = False,
        standalone: bool = False,
        continues: bool = False,
    ) -> None:
        text, base = self.text, self.base
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
            end -= 1
        if who is not None:  # "Co-operation in Europe said": the whole name the actors found
            at = base + who[0]
            for m_start, _m_end, _actor in self.resolver.overlapping(at, at + 1):
                if base <= m_start < at:
                    who = (m_start - base, who[1])
        self.drafts.append(
            _Draft(
                kind,
                ((base + start, base + end),),
                self.index,
                cue=None if cue is None else " ".join(cue.casefold().split()),
                speaker_span=None if who is None else (base + who[0], base + who[1]),
                attributed=attributed or who is not None,
                standalone=standalone,
                continues=continues,
            )
        )


def _paragraph(st: _Para) -> list[_Draft]:
    """The quotations of one paragraph: its quoted pieces attributed, then reported speech."""
    for n, piece in enumerate(st.pieces):
        _attribute_piece(st, n, piece)
    for m in st.matches:
        if m.begin not in st.used:
            _reported(st, m)
    for n, piece in enumerate(st.pieces):
        if n not in st.done:
            _unattributed_piece(st, n, piece)
    st.drafts.sort(key=lambda d: d.spans[0][0])
    return st.drafts


def _prefix_start(st: _Para, n: int, piece: Piece) -> int:
    """Where the text that leads up to a piece starts: its sentence, or the piece before."""
    start = st.sentence(piece.open_at)[0]
    if n > 0:
        start = max(start, st.pieces[n - 1].outer_end)
    return _after_last_stop(st.text, start, piece.open_at)


def _after_last_stop(text: str, start: int, end: int) -> int:
    """Where ``text[start:end]`` goes on after its last ".", "!" or "?" that a space follows.

    The space (as ``regex`` reads ``\\s``) lies inside the range too; ``start`` if there is no such
    mark. Three searches back from the end, not a scan of the range.
    """
    found = start
    if end - 1 <= start:
        return start  # no room for a mark and a space (and rfind reads a negative end from the back)
    for mark in ".!?":
        at = text.rfind(mark, found, end - 1)
        while at >= 0 and not _regex_space(text[at + 1]):
            at = text.rfind(mark, found, at)
        if at >= 0:
            found = at + 1
    return found


def _regex_space(ch: str) -> bool:
    """Whether ``regex`` reads ``ch`` as ``\\s``: a ``str.isspace`` character but \\x1c-\\x1f."""
    return ch.isspace() and not "\x1c" <= ch <= "\x1f"


def _attribute_piece(st: _Para, n: int, piece: Piece) -> None:
    text = st.text
    # after the piece: '"...," said X' / '"...," X said' / '"...," X, his aide, told reporters'
    words = text[piece.start : piece.end].rstrip()
    ends_ok = words[-1:] in _PIECE_END_OK or text[piece.outer_end : piece.outer_end + 1] in (",", "–", "—")
    # the words after are read only where a cue may stand in them and the piece may end there
    m = _AFTER_SEG.match(text, piece.outer_end) if st.matches and (ends_ok or words.endswith(".")) else None
    if m and m.group(1).strip() and piece.closed:
        seg_start, seg_end = m.start(1), m.end(1)
        if ends_ok or (words.endswith(".") and text[seg_start : seg_start + 1].islower()):
            found = _after_speaker(st, seg_start, seg_end)
            if found is not None:
                cue, span = found
                st.used.add(cue.begin)
                st.done.add(n)
                st.draft(QuoteKind.DIRECT, piece.start, piece.end, cue.text, span, continues=not piece.closed)
                return
    # a list of quotations under one cue: 'chanted "Navalny!" and "No to war!"'
    if n - 1 in st.done and _LIST_JOIN.fullmatch(text, st.pieces[n - 1].outer_end, piece.open_at):
        prev = st.pieces[n - 1]
        first = next((d for d in st.drafts if d.spans[0] == st.span(prev.start, prev.end)), None)
        if first is not None and first.kind is QuoteKind.DIRECT and first.speaker_span is not None:
            st.done.add(n)
            st.drafts.append(first.with_spans((st.span(piece.start, piece.end),)))
            return
    # before the piece: 'X said: "..."' / 'according to X, "..."' / 'with shouts of "..."'
    if not st.matches:
        return  # no cue to find
    start = _prefix_start(st, n, piece)
    lead = _last_cue(st, start, piece.open_at)
    if lead is None:
        return
    cue = lead
    between = text[cue.stop : piece.open_at]
    role = cue.role
    who: tuple[int, int] | None = None
    if role == "according":
        if _NAME_COMMA.fullmatch(between):
            who = np_after(text, cue.stop + len(between) - len(between.lstrip()), piece.open_at)
    elif not _INTRO.fullmatch(between):
        return
    elif role == "shout":
        who = subject(text, st.sentence(cue.begin)[0], cue.begin)
    elif role in ("verb", "passive"):
        who = _speaker_before(st, cue.begin, start)
    if who is None:
        return
    st.used.add(cue.begin)
    st.done.add(n)
    st.draft(QuoteKind.DIRECT, piece.start, piece.end, cue.text, who)


def _after_speaker(st: _Para, start: int, end: int) -> tuple[CueHit, tuple[int, int]] | None:
    """The cue and speaker in the words after a quotation, up to the sentence end."""
    text = st.text
    cue = _first_cue(st, start, end, ("verb", "passive", "according"))
    if cue is None or len(text[start : cue.begin].split()) > _CUE_WORDS:
        return None
    verb = cue.verb
    if cue.begin == start or cue.role == "according":
        if verb is not None and verb.object:
            return None  # '"...," told the BBC' names the addressee
        who = np_after(text, cue.stop, end)
        return None if who is None else (cue, who)
    pre = text[start : cue.begin].rstrip()
    if _RELATIVE.search(pre):  # '"...", charges that rights groups say were invented': not its speaker
        return None
    if "," in pre:  # '"...," Kalesnikava's sister, Tatsiana Khomich, told reporters'
        if not pre.endswith(","):
            return None
        return cue, (start, start + len(pre.rstrip(" ,")))
    who = np_before(text, cue.begin, start)
    return None if who is None else (cue, who)


def _speaker_before(st: _Para, cue: int, floor: int) -> tuple[int, int] | None:
    """Who stands before the cue at ``cue``: "X said", "X, a lawyer, said", "X left but said"."""
    return _speaker_from(st, cue, floor, np_before(st.text, cue, floor))


def _speaker_from(st: _Para, cue: int, floor: int, who: tuple[int, int] | None) -> tuple[int, int] | None:
    """:func:`_speaker_before` given ``who``, the noun phrase right before the cue (if any)."""
    text = st.text
    if who is not None:
        return who
    before = text[floor:cue].rstrip()
    words = before.split()
    while words and words[-1].casefold() in AUX:
        words.pop()
    if not words:
        return None
    last = words[-1].casefold()
    s = st.sentence(cue)[0] if floor <= st.sentence(cue)[0] else floor
    if last in ("and", "but", "yet"):  # "X conceded on Monday but said ...", "X, a lawyer, left and said"
        head = subject(text, s, cue)
        if head is not None and text[head[1] : head[1] + 1] == ",":
            close = text.find(",", head[1] + 1, cue)
            if close > 0 and len(text[head[1] : close].split()) <= 8:
                return head[0], close
        return head
    if last.endswith(","):  # "X, the fugitive businessman who ..., said"
        head = subject(text, s, cue)
        if head is None:
            return None
        rest = text[head[1] : cue].strip()
        if rest.startswith(",") and len(rest) > 1 and not _APPOSITION_BREAK.search(rest):
            end = len(before)
            while end > 0 and before[end - 1] in " ,":
                end -= 1
            return head[0], floor + end
    return None


def _first_cue(st: _Para, start: int, end: int, roles: tuple[str, ...]) -> CueHit | None:
    for m in st.matches:
        if start <= m.begin and m.stop <= end and m.role in roles:
            return m
    return None


def _last_cue(st: _Para, start: int, end: int) -> CueHit | None:
    found = None
    for m in st.matches:
        if start <= m.begin and m.stop <= end and m.role != "frame":
            found = m
    return found


def _unattributed_piece(st: _Para, n: int, piece: Piece) -> None:
    """A piece no cue governs: a quotation standing alone, or a scare quote (dropped)."""
    lead = st.text[_prefix_start(st, n, piece) : piece.open_at]
    if lead.strip(_LEAD_NOISE):
        return  # inside a sentence with no speaker: a scare quote, a title or a slogan
    words = st.text[piece.start : piece.end].split()
    if len(words) < 4 and st.text[piece.start : piece.end].rstrip()[-1:] not in ".!?…":
        return
    whole = not st.text[: piece.open_at].strip() and not st.text[piece.outer_end :].strip(" .")
    st.draft(
        QuoteKind.DIRECT, piece.start, piece.end, None, None, standalone=whole, continues=not piece.closed
    )


# -- reported speech ----------------------------------------------------------------------


def _reported(st: _Para, m: CueHit) -> None:
    role = m.role
    if role == "according":
        _according(st, m)
    elif role == "frame":
        _framed(st, m)
    elif role == "passive":
        _verb(st, m, "clause", weak=False, participle=False)
    elif role == "verb":
        verb = m.verb
        if verb is not None and verb.complement != "none":
            _verb(st, m, verb.complement, weak=verb.weak, participle=verb.participle)


def _content(
    st: _Para,
    start: int,
    end: int,
    cue: CueHit,
    who: tuple[int, int] | None,
    *,
    attributed: bool = True,
) -> bool:
    """Report ``text[start:end]`` as indirect speech, absorbing the pieces inside it."""
    text = st.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".;:"):
        end -= 1
    if _word_start(text, start, end, 2) == end:  # fewer than three words (counted without a copy)
        return False
    if any(d.spans[0][0] < st.base + end and st.base + start < d.spans[0][1] for d in st.drafts):
        return False
    inside = [n for n, p in enumerate(st.pieces) if start <= p.open_at and p.end <= end + 1]
    if any(n in st.done for n in inside):
        return False
    st.done.update(inside)
    st.used.add(cue.begin)
    kind = QuoteKind.PARTIAL if inside else QuoteKind.INDIRECT
    st.draft(kind, start, end, cue.text, who, attributed=attributed)
    for n in inside[1:]:  # 'said it "failed ..." and cited an "arbitrary ..."': each phrase an entry
        piece = st.pieces[n]
        st.draft(QuoteKind.PARTIAL, piece.start, piece.end, cue.text, who, attributed=attributed)
    return True


def _according(st: _Para, m: CueHit) -> None:
    text = st.text
    s, e = st.sentence(m.begin)
    colon = max(text.rfind(":", s, m.begin), text.rfind(";", s, m.begin))
    if colon >= 0 and _LEAD.match(text[colon + 1 : m.begin]):  # "... population: according to X, ..."
        s = colon + 1
    before = text[s : m.begin]
    if _LEAD.match(before):  # "According to X, <content>"
        rest = m.stop
        comma = text.find(",", rest, e)
        if comma < 0:
            return
        who = np_after(text, rest, comma)
        nxt = comma + 1
        # skip appositions: "according to X, a political scientist living in exile, <content>"
        apposition = _APPOSITION.match(text, nxt, e)
        if apposition and text[nxt:e].lstrip()[:1].islower():
            nxt = apposition.end()
        if text[nxt:e].lstrip()[:1] in "\"“”‘'":
            return
        _content(st, nxt, e, m, who)
    elif before.rstrip().endswith(","):  # "<content>, according to X"
        who = (m.stop + 1, e) if e > m.stop + 1 else None
        if who is not None:
            who = (who[0], e - 1 if text[e - 1] in ".:" else e)
        _content(st, s, len(before.rstrip()) + s - 1, m, who)


def _framed(st: _Para, m: CueHit) -> None:
    """'X has called them "Western puppets"': marked words after a naming verb are partial."""
    s, e = st.sentence(m.begin)
    if not any(n not in st.done and m.stop <= piece.open_at < e for n, piece in enumerate(st.pieces)):
        return  # no marked words after it: nothing to name
    who = _speaker_before(st, m.begin, s)
    if who is None or _AS.search(st.text, s, who[0]):
        return  # "..., as they call it": names the words before, which nobody is said to say
    for n, piece in enumerate(st.pieces):
        if n not in st.done and m.stop <= piece.open_at < e:
            st.done.add(n)
            st.used.add(m.begin)
            st.draft(QuoteKind.PARTIAL, piece.start, piece.end, m.text, who)


def _verb(st: _Para, m: CueHit, complement: str, *, weak: bool, participle: bool) -> None:
    text = st.text
    s, e = st.sentence(m.begin)
    stop = _rstrip_end(text, s, m.begin)  # text[s:stop] is the sentence before the cue, not copied
    after = m.stop
    if _nominal(text, max(s, m.begin - 40), m.begin):  # the tail only: linear in long sentences
        return  # "Russia’s state television", "the reports": a noun, not a verb
    if participle:  # "..., saying that ...", "issued a statement saying ..."
        who = subject(text, s, m.begin)
        _complement(st, m, complement, after, e, who)
        return
    if stop > s and text[stop - 1] == "," and _trailing(st, m, s, e, stop - 1):
        return
    # "<content>, X reports (above)." / "<content>, officials said Sunday, as ..."
    tail = tail_tokens(text, s, m.begin)  # tokenized once for both walks back
    near = np_before(text, m.begin, s, tail)
    comma = text.rfind(",", s, stop)
    if comma >= 0:
        k = bisect.bisect_left(tail, (comma + 1,))  # the tokens after the comma
        who = near if k == 0 else np_before(text, m.begin, comma + 1, tail[k:])
        if (
            who is not None
            and who[0] <= comma + 3
            and complement != "to"
            and _tail_ok(text[after:e])
            and _content(st, s, comma, m, who)
        ):
            return
    who = _speaker_from(st, m.begin, s, near)
    if who is None:
        return
    if text[who[0] : who[1]].casefold() in _PASSIVE or _passive(text, who, m):
        _passive_report(st, m, e)
        return
    head = text.find(",", who[0], who[1])
    if weak and not st.resolver.is_speaker(st.base + who[0], st.base + (who[1] if head < 0 else head)):
        return
    if _parenthetical(st, m, s, e, who):
        return
    _complement(st, m, complement, after, e, who)


def _tail_ok(tail: str) -> bool:
    """What may follow a trailing attribution: nothing, a time or place, then a side clause."""
    tail = tail.strip(" .:")
    if _TAIL.fullmatch(tail):
        return True
    head, comma, rest = tail.partition(",")
    return (
        bool(comma)
        and bool(_TAIL.fullmatch(head.strip()))
        and rest.split()[:1] != []
        and (rest.split()[0].casefold() in BOUNDARY)
    )


def _parenthetical(st: _Para, m: CueHit, s: int, e: int, who: tuple[int, int]) -> bool:
    """'Some of them, he said, had been beaten': the attribution sits inside the clause it reports."""
    text = st.text
    lead_end = _rstrip_end(text, s, who[0])
    rest = _lstrip_start(text, m.stop, e)
    if not (lead_end > s and text[lead_end - 1] == ",") or text[rest : rest + 1] != "," or rest >= e:
        return False
    lead = text[s:lead_end]
    rest += 1
    words = lead[:-1].split()
    if not words:
        return False
    if words[-1].casefold() in ("that", "which", "who"):  # "firms that, officials say, paid"
        return _content(st, rest, e, m, who)
    if len(words) > 8:
        return False
    head = (st.base + s, st.base + s + len(lead) - 1)
    if not _content(st, rest, e, m, who):
        return False
    last = st.drafts[-1]
    st.drafts[-1] = last.with_spans((head, *last.spans))
    return True


def _verb_in(st: _Para, start: int, end: int) -> bool:
    """Whether another speech verb stands right before ``end`` ("state media reported that")."""
    return any(
        start <= m.begin
        and m.stop <= end
        and not st.text[m.stop : end].strip()
        and m.role == "verb"
        and not _nominal(st.text, max(start, m.begin - 40), m.begin)
        for m in st.matches
    )


def _passive(text: str, who: tuple[int, int], m: CueHit) -> bool:
    words = text[who[1] : m.begin].split()
    return bool(words) and words[-1].casefold() in _PASSIVE


def _passive_report(st: _Para, m: CueHit, e: int) -> None:
    """'It was announced by the officials on Monday that ...': the agent is the speaker."""
    text = st.text
    that = _THAT.search(text, m.stop, e)
    if that is None or len(text[m.stop : that.start()].split()) > 10:
        return
    who = None
    by = _BY.search(text, m.stop, that.start())
    if by is not None:
        stop = _AGENT_END.search(text, by.end(), that.end())
        who = np_after(text, by.end(), stop.start() if stop else that.start())
    _content(st, that.end(), e, m, who, attributed=True)


def _trailing(st: _Para, m: CueHit, s: int, e: int, comma: int) -> bool:
    """'<content>, say two leading analysts.': the cue opens the last clause (after ``comma``)."""
    text = st.text
    who = np_after(text, m.stop, e)
    if who is None or _UNFINISHED.search(text, who[1], e) or text[m.stop : who[0]].strip():
        return False
    if any(w.casefold() in AUX for w in text[who[0] : who[1]].split()):
        return False  # "X, 41, said her shop had been looted": a clause, not a speaker
    if not st.resolver.is_speaker(st.base + who[0], st.base + who[1]):
        return False  # "X, the mayor, declared three days of mourning": an object, not a speaker
    _content(st, s, comma, m, who)
    return True


# every character a _NOMINAL match can end with before its trailing spaces ("ſ" folds to "s")
_NOMINAL_LAST = frozenset("aenrsAENRSſ’'")
_NOMINAL_LONGEST = 5  # the characters of the longest word _NOMINAL matches ("their", "these", "those")


def _nominal(text: str, start: int, end: int) -> bool:
    """Whether ``_NOMINAL`` matches in ``text[start:end]``: a word before the end makes a noun of the cue.

    The match ends at ``end`` but for spaces (what ``regex`` reads as ``\\s``, ``str.isspace`` reads
    as a space too), so a range whose last other character no match ends with is not searched;
    and what it matches before them is at most five characters long (``regex`` reads the
    character before the window for ``\\b``), so only those are searched.
    """
    last = _rstrip_end(text, start, end)
    if last == start or text[last - 1] not in _NOMINAL_LAST:
        return False
    return _NOMINAL.search(text, max(start, last - _NOMINAL_LONGEST), end) is not None


def _rstrip_end(text: str, start: int, end: int) -> int:
    """``start + len(text[start:end].rstrip())``, without copying a long range."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _lstrip_start(text: str, start: int, end: int) -> int:
    """``end - len(text[start:end].lstrip())``, without copying a long range."""
    while start < end and text[start].isspace():
        start += 1
    return start


def _complement(
    st: _Para, m: CueHit, complement: str, after: int, e: int, who: tuple[int, int] | None
) -> None:
    text = st.text
    if complement in ("that", "clause"):
        # a "that" after the first _GAP_WORDS words is too far: search no further (and see its \b)
        gap = text[after : min(e, _word_start(text, after, e, _GAP_WORDS) + 5)]
        that = _THAT.search(gap)
        if (
            that is not None
            and len(gap[: that.start()].split()) <= _GAP_WORDS
            and not _GAP_BREAK.search(gap, 0, that.start())
            and not _verb_in(st, after, after + that.start())
        ):
            _clauses(st, after + that.end(), e, m, who, parallel=True)
            return
        start = after + len(gap) - len(gap.lstrip())
        if complement == "clause" and clause_start(text, start, e):
            _clauses(st, after, e, m, who)
            return
        verb = m.verb
        if verb is not None and not verb.object:
            bare = finite_clause(text, start, e)  # "said police had detained", "said on Monday it had"
        else:
            bare = pronoun_clause(text, start, e)  # "told supporters he would be"
        if bare is not None:
            _clauses(st, bare, e, m, who)
        return
    if complement == "to":
        gap = text[after : min(e, _word_start(text, after, e, 4) + 3)]  # "to" within four words
        to = _TO.search(gap)
        if (
            to is not None
            and len(gap[: to.start()].split()) <= 4
            and not _GAP_BREAK.search(gap, 0, to.start())
        ):
            begin = after + to.start()
            negation = _NOT.search(text, after, begin + 3)  # only a "not" right before "to" counts
            ok = negation is not None and negation.end() == begin
            _content(st, negation.start() if negation and ok else after + to.end(), e, m, who)
        return
    if complement == "any":
        _content(st, after, e, m, who)


def _word_start(text: str, start: int, end: int, n: int) -> int:
    """Where the word after the first ``n`` words of ``text[start:end]`` starts, else ``end``.

    Words are what ``str.split`` finds, so a search that stops here costs ``n`` words, not the
    rest of a sentence that may never end: a window is split first, whose last word, even if the
    window cuts it, starts where it does in the whole range.
    """
    stop = min(end, start + 16 * n + 64)
    parts = text[start:stop].split(None, n)
    if len(parts) > n:
        return stop - len(parts[n])
    if stop == end:
        return end
    for k, word in enumerate(_WORD.finditer(text, start, end)):
        if k == n:
            return word.start()
    return end


def _clauses(
    st: _Para, start: int, e: int, m: CueHit, who: tuple[int, int] | None, *, parallel: bool = False
) -> None:
    """Reported content that may hold more clauses.

    "A and that B" (and, after a first "that", "that A, that B") -> each its own claim, unless
    A holds a marked phrase; "A, and (he) warned that B" / "A, though officials admit B" -> A
    only (the second cue reports B itself).
    """
    text = st.text
    if _covered(st, start, e):
        return
    begin = start
    for cut in _SECOND.finditer(text, start, e) if _may_join(text, start, e) else ():
        if cut.start() < begin:
            continue
        if cut.group("that") or (parallel and cut.group("list")):
            if not parallel and any(begin <= p.open_at < cut.start() for p in st.pieces):
                continue  # "saying it was “X” and that ...": one statement, its partial is the entry
            if not _content(st, begin, cut.start(), m, who):
                return
            begin = cut.end()
        elif _reports_next(st, cut.end(), e):
            _content(st, begin, cut.start(), m, who)
            return
    _content(st, begin, e, m, who)


# a word every _SECOND match holds ("although" holds "though"), as ``str.lower`` spells it in ASCII
_JOIN_WORDS = ("and", "but", "that", "though", "while", "whereas")


def _may_join(text: str, start: int, end: int) -> bool:
    """Whether ``_SECOND`` may match in ``text[start:end]``: an ASCII range holds one of its words."""
    segment = text[start:end]
    if not segment.isascii():
        return True  # IGNORECASE reads some other letters as these (the Kelvin sign, the long s)
    low = segment.lower()
    return any(word in low for word in _JOIN_WORDS)


def _covered(st: _Para, start: int, end: int) -> bool:
    """Whether a report already made overlaps every report ``text[start:end]`` could give.

    A report needs three words, so it opens at or before the third word from the end; a report
    that runs from before ``start`` past that word leaves nothing to find (and a sentence that
    never ends is not searched again for each cue in it).
    """
    third = _third_last_word(st.text, start, end)
    if third is None:
        return False
    at, lo = st.base + third, st.base + start
    return any(d.spans[0][0] <= lo and at < d.spans[0][1] for d in st.drafts)


_TAIL_CHARS = 120  # the tail of a range read first for its last words: three words fit in most


def _third_last_word(text: str, start: int, end: int) -> int | None:
    """Where the third word from the end of ``text[start:end]`` starts (``None`` if fewer).

    Words are what ``str.split`` finds. Only the range's tail is split, unless it holds fewer
    than three words or its third-last word starts where the tail does (and so may be cut).
    """
    tail = max(start, end - _TAIL_CHARS)
    at = _third_last_from(text, tail, end)
    if tail > start and (at is None or at == tail):
        at = _third_last_from(text, start, end)
    return at


def _third_last_from(text: str, start: int, end: int) -> int | None:
    """:func:`_third_last_word` of a range split whole."""
    words = text[start:end].rsplit(None, 2)
    if len(words) < 3:
        return None
    head = words[0]  # the range up to the end of its third-last word
    return start + len(head) - len(head.rsplit(None, 1)[-1])


def _reports_next(st: _Para, start: int, end: int) -> bool:
    """Whether a speech verb opens a new report right after a conjunction ("and (he) said ...")."""
    for c in st.matches:
        if c.begin < start:
            continue
        if c.begin >= end or c.role != "verb":
            return False
        between = st.text[start : c.begin]
        words = between.split()
        return (
            len(words) <= _SUBJECT_WORDS
            and not _GAP_BREAK.search(between)
            and not any(w.casefold() in BOUNDARY for w in words)
            and not _nominal(st.text, max(start, c.begin - 40), c.begin)
        )
    return False


# -- speakers -----------------------------------------------------------------------------


def _finish(doc: Cleaned, drafts: list[_Draft], plain: Resolver, cues: Cues) -> list[Quote]:
    drafts.sort(key=lambda d: d.spans[0][0])
    actors = plain.actors
    joint: list[tuple[int, Actor]] = []
    subjects: set[int] = set()  # mention offsets in speaker position: those of the actor each phrase names
    for d in drafts:
        span = d.speaker_span
        if span is not None:
            found = plain.overlapping(span[0], span[1])  # once for both uses
            first = next((a for _s, _e, a in found if a.kind is ActorKind.PERSON), None)
            if first is not None and any(
                a.kind is ActorKind.PERSON and a is not first for _s, _e, a in found
            ):
                joint.append((span[0], first))  # two or more persons
            who = plain.best(span[0], span[1], found)
            subjects.update(start for start, _e, a in found if a is who)
    quote_spans = [s for d in drafts for s in d.spans]
    subjects.update(_sentence_subjects(doc, plain, quote_spans))
    resolver = Resolver(
        doc.text,
        actors,
        cues=cues,
        quote_spans=quote_spans,
        joint=joint,
        subjects=subjects,
        like=plain,
    )
    text = doc.text
    for d in drafts:  # each draft is this function's own: its speaker is set in place
        span = d.speaker_span
        if span is not None:
            who = resolver.resolve(span[0], span[1])
            if who is None and d.label is not None:
                who = _by_label(doc, resolver, d)
            d.speaker, d.speaker_text = who, text[span[0] : span[1]].strip()
        elif d.label is not None:
            d.speaker, d.speaker_text = _by_label(doc, resolver, d), d.label
    out: list[_Draft] = []
    for i, d in enumerate(drafts):
        if not d.attributed:
            source = _source(doc, drafts, out, i)
            if source is not None:
                d = _spoken(d, source.speaker, source.speaker_text, source.cue, attributed=True)
        out.append(d)
    return [_quote(doc, d) for d in out]


def _spoken(
    d: _Draft, speaker: Actor | None, speaker_text: str | None, cue: str | None, *, attributed: bool = False
) -> _Draft:
    """``d`` with its speaker (and cue) set; ``attributed`` marks it attributed (else it keeps its own)."""
    return _Draft(
        d.kind,
        d.spans,
        d.paragraph,
        cue=cue,
        speaker_span=d.speaker_span,
        label=d.label,
        attributed=attributed or d.attributed,
        standalone=d.standalone,
        continues=d.continues,
        speaker=speaker,
        speaker_text=speaker_text,
    )


def _sentence_subjects(doc: Cleaned, plain: Resolver, quote_spans: list[tuple[int, int]]) -> list[int]:
    """Mention offsets in subject position: each sentence's first person named outside a quotation.

    A possessive ("Putin’s aide") is no subject: the sentence's next person is taken instead.
    The persons' mentions, the sentences and the quotations are all in text order: one walk
    over the mentions moves through the other two.
    """
    text = doc.text
    sentences = doc.sentences
    inside = sorted(quote_spans)
    last, quotes = len(sentences), len(inside)
    out: list[int] = []
    s = q = 0
    reach = -1  # the furthest end of the quotations that start at or before the mention
    taken = -1  # the sentence whose subject is found
    for start, end in plain.spans_of(ActorKind.PERSON, 0, len(text)):
        while s < last and sentences[s].end <= start:
            s += 1
        if s == last:
            break
        if s == taken or start < sentences[s].start:
            continue
        while q < quotes and inside[q][0] <= start:
            if inside[q][1] > reach:
                reach = inside[q][1]
            q += 1
        if reach >= end:  # inside a quotation
            continue
        if text[end : end + 1] not in ("’", "'"):
            out.append(start)
            taken = s
    return out


def _by_label(doc: Cleaned, resolver: Resolver, d: _Draft) -> Actor | None:
    """The actor an interview label names; "Q"/"A" are the interviewer and the interviewee."""
    label = (d.label or "").strip(" *:.").casefold()
    if label in ("q", "question", "a", "answer"):
        first = next(
            (p.span.start for p in doc.paragraphs if p.kind is ParagraphKind.INTERVIEW), d.spans[0][0]
        )
        intro = [a for a in resolver.actors if any(m.span.end <= first for m in a.mentions)]
        intro.sort(key=lambda a: min(m.span.start for m in a.mentions))
        guest = next((a for a in intro if a.kind is ActorKind.PERSON), None)
        if label.startswith("a") or guest is None:
            return guest
        near = min(m.span.end for m in guest.mentions)
        for actor in intro:
            where = min(m.span.start for m in actor.mentions)
            if actor is guest or actor.kind not in _SPEAKER_KINDS or near <= where < near + 100:
                continue  # the guest's own apposition ("a fellow at the X Institute")
            return actor
        return None
    return resolver.by_name(d.label or "", d.spans[0][0])


def _source(doc: Cleaned, drafts: list[_Draft], done: list[_Draft], i: int) -> _Draft | None:
    """The quotation whose speaker an unattributed piece shares."""
    d = drafts[i]
    # a quote running over paragraphs: the attribution comes with its last piece
    j = i
    while drafts[j].continues and j + 1 < len(drafts) and drafts[j + 1].paragraph == drafts[j].paragraph + 1:
        j += 1
        if drafts[j].attributed:
            return drafts[j]
    # the paragraph after an unclosed quotation opens with its continuation
    if (
        done
        and done[-1].continues
        and done[-1].attributed
        and done[-1].paragraph == d.paragraph - 1
        and d.spans[0][0] - 1 == doc.paragraphs[d.paragraph].span.start
    ):
        return done[-1]
    same = [x for x in done if x.paragraph == d.paragraph and x.attributed]
    if same:
        return same[-1]
    later = [x for x in drafts[i + 1 :] if x.paragraph == d.paragraph and x.attributed]
    if later:
        return later[0]
    if i > 0 and drafts[i - 1].attributed and drafts[i - 1].paragraph == d.paragraph - 1:
        prev = doc.paragraphs[d.paragraph - 1].text.rstrip()
        if prev.endswith(":"):
            return drafts[i - 1]
    key = _squeeze(" ".join(doc.text[a:b] for a, b in d.spans))
    if len(key) >= 20:  # a pull-quote: the same words quoted (and attributed) before
        for x in reversed(done):
            if not x.attributed:
                continue
            other = _squeeze(" ".join(doc.text[a:b] for a, b in x.spans))
            if key in other or other in key:
                return x
    if d.standalone:
        following = [x for x in drafts[i + 1 :] if x.paragraph == d.paragraph + 1 and x.attributed]
        if following:
            return following[0]
    return None


def _squeeze(s: str) -> str:
    """The letters and digits of ``s``, case folded (``[\\W_]`` is every character not ``isalnum()``)."""
    return _NOT_ALNUM.sub("", s.casefold())


def _quote(doc: Cleaned, d: _Draft) -> Quote:
    """The final record of ``d``: its pieces' words joined by a space, one Span per piece."""
    text = doc.text
    words = " ".join([text[a:b].strip() for a, b in d.spans])
    spans = tuple([Span(a, b) for a, b in d.spans])
    return Quote(words, d.kind, d.speaker, d.speaker_text, d.cue, spans, d.paragraph)
