"""Raw page text -> title, dateline, paragraphs and sentences of the cleaned body.

The cleaner reads what a scraper gives (or HTML pasted as text) line by line:

1. characters are normalised and spacing repaired without changing a word (``_page_text``);
2. site furniture (page chrome, share and comment prompts, donation pleas, bylines, photo
   credits, stray markup) is dropped by the patterns of ``data/furniture.json``
   (``_furniture``), and so are lists of links to other stories (``_link_lists``);
3. the title is chosen among the first lines; breadcrumbs are dropped (``_titles``);
4. photo captions are dropped (``_captions``);
5. the rest becomes paragraphs: body, heading, interview turn (``_paragraphs``); the dateline
   is taken off the first one (``_datelines``), and sentences are split without breaking at
   abbreviations (``_sentences``).

>>> doc = clean_article("Home » World » Minsk votes\\nMinsk votes\\n"
...                     "MINSK (Reuters) - Polls opened.It was calm.\\nShare this article")
>>> doc.title, doc.dateline, doc.text
('Minsk votes', 'MINSK', 'Polls opened. It was calm.')
>>> [doc.text[s.start : s.end] for s in doc.sentences]
['Polls opened.', 'It was calm.']
"""

from __future__ import annotations

from belnews._captions import credit_suffix, is_caption
from belnews._datelines import dateline as find_dateline
from belnews._furniture import (
    Needs,
    crumb_tail,
    is_head_byline,
    is_tail,
    line_mark,
    needs_of_page,
)
from belnews._lines import TERMINAL, Line
from belnews._link_lists import list_item, numbered_tail
from belnews._page_text import joins_text, normalize, tidy_lines
from belnews._paragraphs import join_wrapped, paragraphs
from belnews._sentences import paragraph_sentences
from belnews._titles import choose_title, fold
from belnews.model import Paragraph, ParagraphKind, Span

__all__ = ["Cleaned", "clean_article"]


class Cleaned:
    """The cleaned article: what every later stage reads. All spans point into ``text``.

    A plain class with slots rather than an attrs record: every stage reads its fields many
    times, and a compiled build makes it a native class, whose fields are read directly. It is
    never changed after it is made (treat it as frozen); it compares, hashes and prints by its
    fields, as a frozen attrs record would.

    >>> doc = Cleaned("Polls opened.", sentences=(Span(0, 13),))
    >>> doc == Cleaned("Polls opened.", None, None, (), (Span(0, 13),)), doc.sentences
    (True, (Span(start=0, end=13),))
    """

    __slots__ = ("dateline", "paragraphs", "sentences", "text", "title")

    def __init__(
        self,
        text: str,
        title: str | None = None,
        dateline: str | None = None,
        paragraphs: tuple[Paragraph, ...] = (),
        sentences: tuple[Span, ...] = (),
    ) -> None:
        self.text = text
        self.title = title
        self.dateline = dateline
        self.paragraphs = paragraphs
        self.sentences = sentences

    def _fields(self) -> tuple[str, str | None, str | None, tuple[Paragraph, ...], tuple[Span, ...]]:
        return self.text, self.title, self.dateline, self.paragraphs, self.sentences

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Cleaned):
            return NotImplemented
        return self._fields() == other._fields()

    def __hash__(self) -> int:
        return hash(self._fields())

    def __repr__(self) -> str:
        return (
            f"Cleaned(text={self.text!r}, title={self.title!r}, dateline={self.dateline!r}, "
            f"paragraphs={self.paragraphs!r}, sentences={self.sentences!r})"
        )


def _content_lines(text: str, needs: Needs) -> tuple[list[Line], str | None]:
    """Lines that are not furniture (credit lines as empty markers), and the breadcrumb's tail."""
    lines: list[Line] = []
    crumb: str | None = None
    for i, line in enumerate(tidy_lines(text, normalized=True)):
        if not line:
            continue
        tail = crumb_tail(line, needs.crumb)
        if tail is not None:
            crumb = crumb or tail
            lines.append(Line("", i, "crumb"))
            continue
        mark = line_mark(line, needs)  # a quoted comment header too: "2 thoughts on “<the title>”"
        if mark is None:
            lines.append(Line(line, i))
        elif mark:
            lines.append(Line("", i, mark))
    return lines, crumb


def _body_lines(text: str) -> tuple[str | None, list[Line]]:
    """The title and the content lines of the normalised text, furniture and captions dropped."""
    # without markup, a line holds a credit word only where the page does: the page is not searched for them
    needs = needs_of_page(text, every_credit_word=not joins_text(text))
    lines, crumb = _content_lines(text, needs)
    title, first = choose_title(lines, crumb, page=text)
    key = fold(title) if title else ""
    body: list[Line] = []
    in_list = False  # inside a list of linked headlines under a header such as "Most read"
    in_head = True  # between the headline and the story's first paragraph
    title_length = len(title or "")
    for j in range(first, len(lines)):
        item = lines[j]
        line = item.text
        if item.mark == "comments" and len(body) >= 2:
            break  # the readers' comments: nothing after their header is the article
        if in_head:
            in_head = not _story_paragraph(line)
            if in_head and line and is_head_byline(line):
                continue
        in_list = item.mark == "list" or (in_list and (not line or list_item(line) is not None))
        if not line or in_list or (key and abs(len(line) - title_length) < 12 and fold(line) == key):
            continue
        next_is_credit = j + 1 < len(lines) and lines[j + 1].mark == "credit"
        suffix = credit_suffix(line, needs.suffix)
        if is_caption(line, next_is_credit=next_is_credit, suffix=suffix):
            continue
        # a paragraph too long for a caption keeps its text without the credit
        body.append(item if suffix is None else Line(line[: suffix.start()].rstrip(), item.number))
    body = body[: len(body) - numbered_tail(body)]
    while len(body) > 1 and is_tail(body[-1].text):
        body.pop()  # the author's bio or a note on the piece, closing the page
    return title, join_wrapped(body)


def _story_paragraph(line: str) -> bool:
    """A line that reads as a paragraph of the story: several words closed by a stop."""
    return bool(line) and line[-1] in TERMINAL and line.count(" ") >= 7


def clean_article(raw: str) -> Cleaned:
    """Clean raw article text: title, dateline, body paragraphs and sentences, no furniture.

    Args:
        raw: the page text, headline first (HTML pasted as text is read too).

    Returns:
        The cleaned article. ``text`` joins the paragraphs with a blank line; every
        paragraph and sentence span points into it. Input that holds no article (only
        furniture, or a headline alone) gives ``text == ""`` and no paragraphs.

    >>> doc = clean_article("Protests in Minsk\\n\\nSkip to content\\n\\n"
    ...                     "**Q:** Why march?\\n\\n**Dr.Petrova:** Because,as she said, it works.")
    >>> doc.title
    'Protests in Minsk'
    >>> for p in doc.paragraphs:
    ...     print(p.kind.value, p.speaker, p.text, sep=" | ")
    interview | Q | Q: Why march?
    interview | Dr. Petrova | Dr. Petrova: Because, as she said, it works.
    >>> clean_article("Share this article\\nLeave a Reply")
    Cleaned(text='', title=None, dateline=None, paragraphs=(), sentences=())
    """
    title, lines = _body_lines(normalize(raw))
    parts = paragraphs(lines)
    dateline: str | None = None
    if parts and parts[0][1] is ParagraphKind.BODY:
        found = find_dateline(parts[0][0])
        if found is not None:
            dateline = found[0]
            rest = parts[0][0][found[1] :].strip()
            parts = [(rest, ParagraphKind.BODY, None), *parts[1:]] if rest else parts[1:]
    kept: list[Paragraph] = []
    bounds: list[tuple[int, int]] = []
    pos = 0
    for text, kind, speaker in parts:
        end = pos + len(text)
        kept.append(Paragraph(text, Span(pos, end), kind, speaker))
        bounds.append((pos, end))
        pos = end + 2
    body = "\n\n".join([part[0] for part in parts])
    sentences = paragraph_sentences(body, bounds)  # one search of the body for its stops
    return Cleaned(body, title or None, dateline, tuple(kept), tuple(sentences))
