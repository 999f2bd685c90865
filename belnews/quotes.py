"""Quotations and their speakers."""

from __future__ import annotations

from belnews.clean import Cleaned
from belnews.model import Actor, Quote

__all__ = ["find_quotes"]


def find_quotes(doc: Cleaned, actors: tuple[Actor, ...]) -> tuple[Quote, ...]:
    """Every quotation in the article with its speaker. (Not yet implemented: none.)"""
    return ()
