"""The one reader of belnews's data tables: JSON files in ``belnews/data``, loaded once.

>>> table = load_table("numbers.json")
>>> table is load_table("numbers.json")  # read once, then shared
True

Tables derived from others ahead of time (``people_index.json``, ``furniture_index.json``, written
by ``scripts/build_derived_tables.py``) record the :func:`table_checksum` of their sources, so
a reader can tell when they no longer fit.
"""

from __future__ import annotations

import functools
import json
import pkgutil
import zlib
from typing import Any

__all__ = ["data_bytes", "load_table", "read_text", "table_checksum"]


def data_bytes(name: str) -> bytes | None:
    """The bytes of ``belnews/data/<name>``, or None when there is no such file.

    Read through the package's loader (``pkgutil.get_data``), so it works from a wheel or a zip
    too; unlike ``importlib.resources`` it imports nothing heavy (pathlib, tempfile, zipfile ...).
    """
    try:
        return pkgutil.get_data("belnews", f"data/{name}")
    except FileNotFoundError:
        return None


def read_text(name: str) -> str:
    """The text (UTF-8) of ``belnews/data/<name>``; FileNotFoundError when it is absent."""
    data = data_bytes(name)
    if data is None:
        raise FileNotFoundError(f"belnews/data/{name}")
    return data.decode("utf-8")


@functools.cache
def load_table(name: str) -> Any:
    """The parsed contents of ``belnews/data/<name>``, read on first use and cached.

    Callers treat the result as read-only: it is shared by every caller.
    """
    return json.loads(read_text(name))


@functools.cache
def table_checksum(name: str) -> int:
    """The CRC-32 of the bytes of ``belnews/data/<name>`` (0 when there is no such file).

    >>> table_checksum("numbers.json") == table_checksum("numbers.json") != 0
    True
    """
    data = data_bytes(name)
    return 0 if data is None else zlib.crc32(data)
