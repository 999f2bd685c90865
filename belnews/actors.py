"""Mentions -> persons, organisations, countries, places and groups, with coreference."""

from __future__ import annotations

from belnews.clean import Cleaned
from belnews.model import Actor

__all__ = ["find_actors"]


def find_actors(doc: Cleaned) -> tuple[Actor, ...]:
    """Every actor the cleaned article names, each once. (Not yet implemented: none.)"""
    return ()
