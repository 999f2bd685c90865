"""Regular expressions compiled on first use, so that importing belnews stays cheap.

>>> WORD = lazy(r"\\w+")
>>> WORD().findall("two words")
['two', 'words']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import regex

from belnews._pattern_cache import compile_stored, compile_stored_re

__all__ = ["lazy", "lazy_regex"]


def lazy(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A function returning ``pattern`` compiled with ``re`` (compiled once, on the first call)."""
    return functools.cache(lambda: compile_stored_re(pattern, flags))


def lazy_regex(pattern: str, flags: int = 0) -> Callable[[], regex.Pattern[str]]:
    """A function returning ``pattern`` compiled with ``regex`` (for Unicode property classes).

    >>> CAPITALS = lazy_regex(r"\\p{Lu}+")
    >>> CAPITALS().findall("ОМОН and KGB"), CAPITALS() is CAPITALS()
    (['ОМОН', 'KGB'], True)
    """
    return functools.cache(lambda: compile_stored(pattern, flags))
