"""Event triggers -> events with their slots filled."""

from __future__ import annotations

from belnews.clean import Cleaned
from belnews.model import Actor, DateRef, Event, Quantity

__all__ = ["find_events"]


def find_events(
    doc: Cleaned,
    actors: tuple[Actor, ...],
    dates: tuple[DateRef, ...],
    quantities: tuple[Quantity, ...],
) -> tuple[Event, ...]:
    """Every event the article reports. (Not yet implemented: none.)"""
    return ()
