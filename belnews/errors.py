"""The errors belnews raises. Each says what was wrong and what to do.

>>> import belnews
>>> belnews.parse_article(b"Minsk")
Traceback (most recent call last):
...
belnews.errors.InputTypeError: parse_article takes text (str), not bytes: decode it first, ...
"""

from __future__ import annotations

__all__ = ["BelnewsError", "EmptyTextError", "InputTypeError", "PublishedDateError"]


class BelnewsError(Exception):
    """Base class of every error belnews raises on purpose."""


class InputTypeError(BelnewsError, TypeError):
    """The input is not of a type belnews reads (bytes where text is due, say)."""


class EmptyTextError(BelnewsError, ValueError):
    """The text holds nothing to parse."""


class PublishedDateError(BelnewsError, ValueError):
    """The ``published`` reference date could not be read."""
