"""Date expressions, resolved against the article's date."""

from __future__ import annotations

import datetime as dt

from belnews.clean import Cleaned
from belnews.model import DateRef

__all__ = ["find_dates"]


def find_dates(doc: Cleaned, published: dt.date | None) -> tuple[DateRef, ...]:
    """Every date expression in the article. (Not yet implemented: none.)"""
    return ()
