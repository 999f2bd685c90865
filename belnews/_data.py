"""The one reader of belnews's data tables: JSON files in ``belnews/data``, loaded once.

>>> table = load_table("numbers.json")
>>> table is load_table("numbers.json")  # read once, then shared
True
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any

__all__ = ["load_table"]


@functools.cache
def load_table(name: str) -> Any:
    """The parsed contents of ``belnews/data/<name>``, read on first use and cached.

    Callers treat the result as read-only: it is shared by every caller.
    """
    text = resources.files("belnews").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    return json.loads(text)
