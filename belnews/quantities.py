"""Numbers, percentages and crowd sizes."""

from __future__ import annotations

from belnews.clean import Cleaned
from belnews.model import Quantity

__all__ = ["find_quantities"]


def find_quantities(doc: Cleaned) -> tuple[Quantity, ...]:
    """Every count in the article. (Not yet implemented: none.)"""
    return ()
