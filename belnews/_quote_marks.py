"""Quotation marks inside one paragraph: which are marks, and which words they enclose.

Marks are paired per paragraph only, so an odd mark can never swallow the rest of an
article. Whether a mark opens or closes is read from its neighbours first (a space before
and a letter after opens, whatever the glyph: ``”jointly respond”``) and from the glyph
only when the neighbours do not say. Single marks are quotes only where they open after a
space and close before one, so apostrophes (``Belarus’ first``, ``Tsikhanouski’s wife``,
``we’ve``) are never taken for marks unless a single quote is open.

>>> [(p.start, p.end, p.closed) for p in find_pieces('He said "no" twice.')]
[(9, 11, True)]
>>> [p.closed for p in find_pieces("“It runs on and on")]
[False]
"""

from __future__ import annotations

__all__ = ["Piece", "find_pieces", "opening_marks"]

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_SINGLE_OPEN = "‘‹"
_SINGLE_CLOSE = "’›"
_MARKS = "\"“”„«»'‘’‹›"
_OPEN_BEFORE = " \t\n([{—–-/…"  # what may stand before an opening mark
_OPENERS = "\"“”„«»'‘‹"  # a mark that can open a piece (any double mark, or a single opener)


class Piece:
    """Words between a pair of marks, as offsets into the paragraph.

    ``start``/``end`` cover the words without the marks; ``open_at`` is the offset of the
    opening mark; ``closed`` is False when the paragraph ended before a closing mark.
    Never changed once made (a plain class: mypyc compiles it to a native one).
    """

    __slots__ = ("closed", "end", "open_at", "single", "start")

    def __init__(self, start: int, end: int, open_at: int, closed: bool, single: bool = False) -> None:
        self.start = start
        self.end = end
        self.open_at = open_at
        self.closed = closed
        self.single = single

    def __repr__(self) -> str:
        return (
            f"Piece(start={self.start}, end={self.end}, open_at={self.open_at}, "
            f"closed={self.closed}, single={self.single})"
        )

    @property
    def outer_end(self) -> int:
        """The offset just after the closing mark (or the paragraph end)."""
        return self.end + 1 if self.closed else self.end


def _role(text: str, i: int) -> str:
    """``open``, ``close`` or ``either`` for the mark at ``i``, from its neighbours."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opens = before in _OPEN_BEFORE and not after.isspace()
    closes = not before.isspace() and (after.isspace() or not after.isalnum())
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    return "either"


def find_pieces(text: str) -> list[Piece]:
    """The quoted pieces of one paragraph, in order.

    Double marks pair among themselves; single marks count only outside double quotes.
    An opening double mark left open at the end of the paragraph gives a piece that runs
    to the end (``closed=False``); a single one left open is taken for an apostrophe.

    >>> [text[p.start : p.end] for text in ["‘last dictator’ as they call him"] for p in find_pieces(text)]
    ['last dictator']
    >>> find_pieces("Belarus’ first and Tsikhanouski’s wife")
    []
    """
    pieces: list[Piece] = []
    open_double: int | None = None
    open_single: int | None = None
    for i in char_offsets(text, _MARKS):
        ch = text[i]
        if ch in '"“”„«»':
            role = _role(text, i)
            if role == "either":
                if ch in _DOUBLE_OPEN:
                    role = "open"
                elif ch in _DOUBLE_CLOSE:
                    role = "close"
                else:
                    role = "close" if open_double is not None else "open"
            if open_double is None:
                if role == "open":
                    open_double = i
                    open_single = None  # a single mark left open was an apostrophe
            elif role == "close":
                pieces.append(Piece(open_double + 1, i, open_double, True))
                open_double = None
            else:  # a second opening mark: the first was never closed
                pieces.append(Piece(open_double + 1, _trim_end(text, i), open_double, False))
                open_double = i
            continue
        if open_double is not None:
            continue  # nested single quotes belong to the double quote
        # a single mark's role is read only where it may matter (most are apostrophes)
        if open_single is None:
            after = text[i + 1] if i + 1 < len(text) else " "
            if ch in _SINGLE_OPEN + "'" and after.isalpha() and _role(text, i) == "open":
                open_single = i
        elif ch in _SINGLE_CLOSE + "'" and _role(text, i) == "close":
            after = text[i + 1] if i + 1 < len(text) else " "
            if not after.isalpha():
                pieces.append(Piece(open_single + 1, i, open_single, True, single=True))
                open_single = None
    if open_double is not None:
        pieces.append(Piece(open_double + 1, _trim_end(text, len(text)), open_double, False))
    pieces.sort(key=lambda p: p.start)
    return [p for p in pieces if p.end > p.start]


def opening_marks(text: str) -> list[int]:
    """The offsets of the marks that can open a piece: :func:`find_pieces` finds none in a text without one.

    >>> opening_marks("He said “no” and ‘yes’, it’s done")
    [8, 11, 17]
    """
    return char_offsets(text, _OPENERS)


def char_offsets(text: str, chars: str) -> list[int]:
    """The offsets of any of ``chars`` in ``text``, in order.

    A ``str.find`` per character outruns a pattern's scan: most of the characters are not in
    the text at all, and one that is skips ahead fast.

    >>> char_offsets("a“b”c“", "“”")
    [1, 3, 5]
    """
    found: list[int] = []
    for ch in chars:
        at = text.find(ch)
        while at >= 0:
            found.append(at)
            at = text.find(ch, at + 1)
    found.sort()
    return found


def _trim_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end
