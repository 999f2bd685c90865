"""Compiled patterns kept on disk, so that a new process does not parse them again.

Compiling belnews's patterns is about half the cost of the first ``parse_article`` in a
process: the ``regex`` module parses a pattern in Python, and some of ours are long
alternations. A compiled ``regex`` pattern pickles as its compiled code, and loading that is
a hundred times cheaper than compiling the source, so each pattern compiled once is stored
under the user's cache directory and read back by later processes (new command-line runs,
``parse_many`` workers, cluster workers).

The store is a cache and nothing more: a pattern read from it is checked to be the one asked
for, anything unreadable is compiled afresh, and a directory that cannot be written is simply
not used. Results never depend on it. ``BELNEWS_CACHE_DIR`` chooses the directory; set to an
empty string it turns the store off. Entries are kept per ``regex`` version and Python
version, since the compiled code belongs to both. Entries are read with ``pickle``: like
``__pycache__``, the directory should be writable by its user alone (the default is).

Patterns of the standard ``re`` module (the faster matcher for plain patterns) are stored too,
by :func:`compile_stored_re`, on CPython 3.11 and later. ``re`` cannot pickle a pattern's
code, so the store keeps what its compiler hands to the C engine (the code list, the group
count and names) and gives it back to the engine, which checks the code before accepting it.
The entries are kept per exact Python version and engine version, and anything unexpected
(another Python, a changed compiler) falls back to ``re.compile``.

>>> import tempfile
>>> folder = tempfile.mkdtemp()
>>> first = compile_stored(r"\\bMinsk\\b", environ={"BELNEWS_CACHE_DIR": folder})
>>> again = compile_stored(r"\\bMinsk\\b", environ={"BELNEWS_CACHE_DIR": folder})  # read back
>>> again.pattern == first.pattern, bool(again.search("in Minsk"))
(True, True)
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib
import os
import pickle
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from types import ModuleType
from typing import Any, AnyStr

import regex

__all__ = ["cache_root", "compile_stored", "compile_stored_re"]

_ENV = "BELNEWS_CACHE_DIR"


def cache_root(environ: Mapping[str, str] | None = None) -> Path | None:
    """The directory belnews keeps its caches in, or None when they are turned off.

    ``BELNEWS_CACHE_DIR`` when set (an empty value turns caching off); otherwise the
    platform's per-user cache directory: ``%LOCALAPPDATA%`` on Windows,
    ``~/Library/Caches`` on macOS, ``$XDG_CACHE_HOME`` or ``~/.cache`` elsewhere, each
    with a ``belnews`` folder. ``environ`` stands for ``os.environ``.

    >>> cache_root({"BELNEWS_CACHE_DIR": "/srv/cache/belnews"}).as_posix()
    '/srv/cache/belnews'
    >>> cache_root({"BELNEWS_CACHE_DIR": ""}) is None
    True
    """
    env = os.environ if environ is None else environ
    chosen = env.get(_ENV)
    if chosen is not None:
        return Path(chosen).expanduser() if chosen else None
    if sys.platform == "win32":
        base = env.get("LOCALAPPDATA")
        return Path(base) / "belnews" / "Cache" if base else None
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "belnews"
    xdg = env.get("XDG_CACHE_HOME")
    return (Path(xdg) if xdg and os.path.isabs(xdg) else Path.home() / ".cache") / "belnews"


def _store(environ: Mapping[str, str] | None) -> Path | None:
    """The folder for compiled patterns of this ``regex`` and this Python, or None."""
    root = cache_root(environ)
    if root is None:
        return None
    return root / f"regex-{regex.__version__}-{sys.implementation.cache_tag}"


def compile_stored(
    pattern: str, flags: int = 0, *, environ: Mapping[str, str] | None = None
) -> regex.Pattern[str]:
    """``regex.compile(pattern, flags)``, read from the store when an earlier process compiled it.

    ``environ`` stands for ``os.environ`` (where ``BELNEWS_CACHE_DIR`` is looked up).

    >>> compile_stored(r"\\d+").findall("12 of 30")
    ['12', '30']
    """
    store = _store(environ)
    if store is None:
        return regex.compile(pattern, flags)
    path = store / _entry_name(pattern, flags)
    try:
        loaded = pickle.loads(path.read_bytes())
    except Exception:  # not stored yet, or a damaged entry: compiled afresh below, and replaced
        loaded = None
    # regex adds flags of its own to a pattern's: the ones asked for must all be there
    if isinstance(loaded, regex.Pattern) and loaded.pattern == pattern and loaded.flags & flags == flags:
        return loaded
    compiled = regex.compile(pattern, flags)
    _save(path, compiled)
    return compiled


def compile_stored_re(
    pattern: AnyStr, flags: int = 0, *, environ: Mapping[str, str] | None = None
) -> re.Pattern[AnyStr]:
    """``re.compile(pattern, flags)``, read from the store when an earlier process compiled it.

    ``environ`` stands for ``os.environ`` (where ``BELNEWS_CACHE_DIR`` is looked up).

    >>> compile_stored_re(r"\\d+").findall("12 of 30")
    ['12', '30']
    >>> compile_stored_re(rb"\\d+").findall(b"12 of 30")
    [b'12', b'30']
    """
    flags = int(flags)
    internals = _re_internals()
    root = cache_root(environ) if internals is not None else None
    if internals is None or root is None:
        return re.compile(pattern, flags)
    sre, parser, compiler = internals
    path = root / f"re-{'.'.join(map(str, sys.version_info[:3]))}-{sre.MAGIC}" / _entry_name(pattern, flags)
    try:
        saved = pickle.loads(path.read_bytes())
        if saved[0] == pattern and saved[1] & flags == flags:
            compiled: re.Pattern[AnyStr] = sre.compile(*saved)  # the engine checks the code it is given
            return compiled
    except Exception:  # not stored yet, or damaged: compiled afresh below, and replaced
        pass
    try:
        # what re.compile does, keeping the engine's arguments to store them
        parsed = parser.parse(pattern, flags)
        groups = parsed.state.groupdict
        names: list[str | None] = [None] * parsed.state.groups
        for name, index in groups.items():
            names[index] = name
        args = (
            pattern,
            int(flags | parsed.state.flags),
            [int(op) for op in compiler._code(parsed, flags)],  # its opcodes are int subclasses
            parsed.state.groups - 1,
            groups,
            tuple(names),
        )
        compiled = sre.compile(*args)
    except Exception:  # a compiler unlike the one this was written for: the public way
        return re.compile(pattern, flags)
    _save(path, args)
    return compiled


@functools.cache
def _re_internals() -> tuple[Any, Any, Any] | None:
    """The C engine, parser and compiler behind ``re`` (CPython 3.11 and later), or None."""
    if sys.implementation.name != "cpython" or sys.version_info < (3, 11):
        return None
    try:
        modules: list[ModuleType] = [
            importlib.import_module(m) for m in ("_sre", "re._parser", "re._compiler")
        ]
    except ImportError:
        return None
    sre, parser, compiler = modules
    if not all(hasattr(sre, a) for a in ("compile", "MAGIC")) or not hasattr(compiler, "_code"):
        return None
    return sre, parser, compiler


def _entry_name(pattern: str | bytes, flags: int) -> str:
    """The file a pattern compiled with ``flags`` is stored in (a bytes pattern's name is its repr)."""
    key = hashlib.blake2b(f"{flags}\0{pattern!s}".encode("utf-8", "surrogatepass"), digest_size=16)
    return f"{key.hexdigest()}.pickle"


def _save(path: Path, entry: object) -> None:
    """Write ``entry`` pickled to ``path`` in one step (a reader never sees half a file), or not at all."""
    partial = path.with_name(f"{path.stem}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(partial, path)
    except OSError:  # a read-only or full disk: the store is only a cache
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)  # what a full disk left half written
