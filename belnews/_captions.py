"""Photo captions: a line closing with a credit, describing a picture with a position marker
("(right)"), or followed by a credit line.

>>> line = "Protesters march in Minsk. Photo: Reuters/Jane Doe"
>>> is_caption(line, next_is_credit=False, suffix=credit_suffix(line, ("photo",)))
True
>>> is_caption("Protesters marched in Minsk.", next_is_credit=False, suffix=None)
False
"""

from __future__ import annotations

import re

from belnews._furniture import furniture
from belnews._lines import TERMINAL, holds_any, title_cased

__all__ = ["CREDIT_MARKS", "credit_suffix", "is_caption"]

CREDIT_MARKS = (":", "/")  # every pattern of furniture.json's "credit_suffix" has one after the credit word


def credit_suffix(line: str, needs: tuple[str, ...]) -> re.Match[str] | None:
    """A photo credit closing the line ("... in Minsk. Photo: Reuters/Jane Doe").

    ``needs``: the credit words that the page holds.
    """
    if not needs:
        return None  # the page holds no credit word
    f = furniture()
    start = max(0, len(line) - f.suffix_window)
    tail = line[start:]
    if not holds_any(tail, CREDIT_MARKS):
        return None  # the marks have no case: the lowercased tail holds them where the tail does
    window = tail.lower()
    if not holds_any(window, needs):
        return None
    return f.credit_suffix.search(line, start)


def is_caption(line: str, *, next_is_credit: bool, suffix: re.Match[str] | None) -> bool:
    """The line is a photo caption; ``suffix``: the credit closing it, if any (``credit_suffix``)."""
    if line.count(" ") >= 60:
        return False
    if suffix is not None:
        return True
    open_end = line[-1] not in TERMINAL
    if "(" in line and furniture().position.search(line.lower()) and (next_is_credit or open_end):
        return True
    return next_is_credit and open_end and not line.startswith("#") and not title_cased(line, strict=True)
