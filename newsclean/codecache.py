"""Generated Python code, parsed data files and combined patterns, compiled once and
kept in the user's cache folder.

The content model ships as JSON and runs as generated Python. Compiling that code is
the largest single cost of starting ``newsclean`` (about 7 ms of ~80), so the compiled
code object is kept on disk with ``marshal``, the way Python keeps ``.pyc`` files, and
loaded in well under a millisecond by later runs. The next largest is the phrase pack's
alternation: ``regex`` parses a pattern in Python (~6 ms for the English pack's), and a
compiled pattern's engine code, which is what ``regex`` itself pickles, loads in 0.1 ms.
Parsed phrase packs are kept the same way (~1 ms each).

The cache folder is ``$NEWSCLEAN_CACHE_DIR``, else ``$XDG_CACHE_HOME/newsclean``, else
``~/.cache/newsclean``. An entry starts with its full key, which names everything the
code depends on (for files, their path, size and modification time, as ``.pyc`` files
do), and is used only when that key matches: a new model, a new newsclean or another
Python never reads a stale one. The cache is
an optimisation only: a folder that cannot be written, or an entry that cannot be read,
means compiling as if there were no cache. ``NEWSCLEAN_CACHE_DIR=`` (empty) turns it off.

>>> code = compiled("example", lambda: "def f(x):\\n    return x + 1\\n", "<example>")
>>> namespace = {}
>>> exec(code, namespace)
>>> namespace["f"](1)
2
>>> compiled_regex(r"^(?:share|tweet) ", 0).match("share this").group()
'share '
"""

from __future__ import annotations

import copyreg
import marshal
import os
import sys
import zlib
from collections.abc import Callable
from types import CodeType
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> str | None:
    """The folder for cached code, or None when caching is turned off."""
    if "NEWSCLEAN_CACHE_DIR" in os.environ:
        return os.environ["NEWSCLEAN_CACHE_DIR"] or None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "newsclean")


def file_key(path: str) -> str:
    """A file's part of a key: path, size and modification time (no hashing: hashlib
    alone costs ~3 ms of start-up)."""
    st = os.stat(path)
    return f"{os.path.abspath(path)}:{st.st_size}:{st.st_mtime_ns}"


def compiled(key: str, source: Callable[[], str], filename: str) -> CodeType:
    """The code object of ``source()``, from the cache when ``key`` was compiled before.

    ``key`` must name everything ``source()`` depends on.
    """
    entry = _Entry("marshal", f"{filename}\0{key}")
    code = entry.load()
    if isinstance(code, CodeType):
        return code
    code = compile(source(), filename, "exec")
    entry.store(code)
    return code


def data(key: str, compute: Callable[[], T]) -> T:
    """``compute()``, plain data that marshal can hold (dicts, lists, tuples, strings,
    numbers), from the cache when ``key`` was computed before.

    ``key`` must name everything ``compute()`` depends on.

    >>> data("example-squares", lambda: {n: n * n for n in range(4)})
    {0: 0, 1: 1, 2: 4, 3: 9}
    """
    entry = _Entry("data", key)
    value = entry.load()
    if value is _MISSING:
        value = compute()
        entry.store(value)
    return value


def compiled_regex(source: str, flags: int = 0):
    """``regex.compile(source, flags)``, from the cache when ``source`` was compiled before.

    The entry holds what ``regex`` pickles a pattern as (the pattern, its flags and its
    engine code, a tuple of plain data) and is rebuilt with the function ``regex``
    registers for unpickling; the key holds the ``regex`` version, since engine code is
    not stable across versions. Errors in ``source`` are raised as ``regex.compile``
    raises them.
    """
    import regex

    reduce = copyreg.dispatch_table.get(regex.Pattern)
    if reduce is None:  # pragma: no cover - a regex that cannot be pickled
        return regex.compile(source, flags)
    entry = _Entry("regex", f"{regex.__version__}\0{int(flags)}\0{source}")
    state = entry.load()
    if isinstance(state, tuple):
        try:
            # the reducer of any pattern names the rebuilding function (the empty
            # pattern is the cheapest to compile, and regex caches it)
            pattern = reduce(regex.compile(""))[0](*state)
            if isinstance(pattern, regex.Pattern) and pattern.pattern == source:
                return pattern
        except Exception:  # noqa: BLE001 - a damaged entry means compiling afresh
            pass
    pattern = regex.compile(source, flags)
    entry.store(reduce(pattern)[1])
    return pattern


_MISSING = object()


class _Entry:
    """One cache file: a header that is its whole key (with the Python version, since
    marshal's format is not stable across versions), the CRC-32 of the rest, then a
    marshalled value. The checksum keeps a damaged value from being used at all: a
    pattern's engine code is not checked by the engine that runs it."""

    def __init__(self, kind: str, key: str) -> None:
        folder = cache_dir()
        self.header = f"{kind}\0{sys.implementation.cache_tag}\0{key}\n".encode("utf-8", "surrogateescape")
        self.path = None if folder is None else os.path.join(folder, f"{zlib.crc32(self.header):08x}.{kind}")

    def load(self):
        """The stored value, or ``_MISSING`` (no cache, no entry, another key, damage)."""
        if self.path is None:
            return _MISSING
        try:
            with open(self.path, "rb") as f:
                stored = f.read()
            if stored.startswith(self.header):
                crc, payload = stored[len(self.header) : len(self.header) + 8], stored[len(self.header) + 8 :]
                if crc == b"%08x" % zlib.crc32(payload):
                    return marshal.loads(payload)
        except (OSError, ValueError, EOFError, TypeError):
            pass
        return _MISSING

    def store(self, value) -> None:
        """Write the entry as newsclean writes any file (a reader sees a whole entry or
        none); a folder that cannot be written only costs the next run a compile."""
        if self.path is None:
            return
        from .files import InputError, Skipped, write_atomic  # only on a cache miss

        try:
            payload = marshal.dumps(value)
            stored = self.header + b"%08x" % zlib.crc32(payload) + payload
            folder = os.path.dirname(self.path)
            os.makedirs(folder, exist_ok=True)
            write_atomic(self.path, stored, durable=False)
            _prune(folder, keep=self.path)
        except (OSError, ValueError, InputError, Skipped):  # ValueError: not marshallable
            pass


# Entries kept: a new model, pack, rules file or version makes new ones (the old ones
# are never read again), so past this many the least recently written go.
MAX_ENTRIES = 256


def _prune(folder: str, keep: str) -> None:
    entries = [e for e in os.scandir(folder) if e.name.endswith((".marshal", ".data", ".regex"))]
    if len(entries) > MAX_ENTRIES:
        entries = [e for e in entries if e.path != keep]
        entries.sort(key=lambda e: e.stat().st_mtime_ns)
        for e in entries[: len(entries) - MAX_ENTRIES * 3 // 4]:
            try:
                os.unlink(e.path)
            except OSError:
                pass
