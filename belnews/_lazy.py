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

__all__ = ["LazyRegex", "lazy", "lazy_regex"]


def lazy(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """A function returning ``pattern`` compiled with ``re`` (compiled once, on the first call)."""
    return functools.cache(lambda: compile_stored_re(pattern, flags))


def lazy_regex(pattern: str, flags: int = 0) -> Callable[[], regex.Pattern[str]]:
    """A function returning ``pattern`` compiled with ``regex`` (for Unicode property classes)."""
    return functools.cache(lambda: compile_stored(pattern, flags))


@functools.cache
def _compiled(pattern: str, flags: int) -> regex.Pattern[str]:
    return compile_stored(pattern, flags)


class LazyRegex:
    """A ``regex`` pattern compiled when ``rx`` is first read, then shared (by pattern and flags).

    Kept in one cache rather than on the instance, so that compiled builds (mypyc), whose
    classes have no instance ``__dict__`` for ``functools.cached_property``, compile it once too.

    >>> NUMBER = LazyRegex(r"\\d+")
    >>> NUMBER.rx.findall("12 of 30")
    ['12', '30']
    >>> NUMBER.rx is NUMBER.rx
    True
    """

    __slots__ = ("_args",)

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)

    @property
    def rx(self) -> regex.Pattern[str]:
        return _compiled(*self._args)
