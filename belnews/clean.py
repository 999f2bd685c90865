"""Raw page text -> title, dateline, paragraphs and sentences of the cleaned body.

(First version: the title is the first line, every other non-empty line a paragraph.)
"""

from __future__ import annotations

import attrs
import regex

from belnews.model import Paragraph, ParagraphKind, Span

__all__ = ["Cleaned", "clean_article"]


@attrs.frozen
class Cleaned:
    """The cleaned article: what every later stage reads. All spans point into ``text``."""

    text: str
    title: str | None = None
    dateline: str | None = None
    paragraphs: tuple[Paragraph, ...] = ()
    sentences: tuple[Span, ...] = ()


_SENTENCE_END = regex.compile(r"(?<=[.!?…][\"'”’»)]?)\s+(?=[\"'“‘«(]?[A-Z0-9])")


def _sentences(text: str, start: int) -> list[Span]:
    out = []
    pos = 0
    for m in _SENTENCE_END.finditer(text):
        out.append(Span(start + pos, start + m.start()))
        pos = m.end()
    if pos < len(text):
        out.append(Span(start + pos, start + len(text)))
    return out


def clean_article(raw: str) -> Cleaned:
    """Split raw article text into title and body paragraphs.

    >>> c = clean_article("Headline\\n\\nFirst paragraph. Second sentence.")
    >>> c.title, c.text, len(c.sentences)
    ('Headline', 'First paragraph. Second sentence.', 2)
    """
    lines = [ln.strip() for ln in raw.splitlines()]
    lines = [ln for ln in lines if ln]
    title = lines[0] if lines else None
    paragraphs: list[Paragraph] = []
    sentences: list[Span] = []
    parts: list[str] = []
    pos = 0
    for ln in lines[1:]:
        if parts:
            pos += 2
        span = Span(pos, pos + len(ln))
        paragraphs.append(Paragraph(ln, span, ParagraphKind.BODY))
        sentences.extend(_sentences(ln, pos))
        parts.append(ln)
        pos += len(ln)
    return Cleaned("\n\n".join(parts), title, None, tuple(paragraphs), tuple(sentences))
