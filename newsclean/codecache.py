"""Generated Python code and combined patterns, compiled once and kept in the user's
cache folder.

The content model ships as JSON and runs as generated Python. Compiling that code is
the largest single cost of starting ``newsclean`` (about 7 ms of ~80), so the compiled
code object is kept on disk with ``marshal``, the way Python keeps ``.pyc`` files, and
loaded in well under a millisecond by later runs. The next largest is the phrase pack's
alternation: ``regex`` parses a pattern in Python (~6 ms for the English pack's), and a
compiled pattern's engine code, which is what ``regex`` itself pickles, loads in 0.1 ms.

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
from types import CodeType
from typing import Callable


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

    ``key`` must name everything ``source()`` depends on; the Python version is added
    here, since marshal's format is not stable across versions.
    """
    folder = cache_dir()
    if folder is None:
        return compile(source(), filename, "exec")
    header = f"{sys.implementation.cache_tag}\0{filename}\0{key}\n".encode("utf-8", "surrogateescape")
    path = os.path.join(folder, f"{zlib.crc32(header):08x}.marshal")
    try:
        with open(path, "rb") as f:
            data = f.read()
        if data.startswith(header):
            code = marshal.loads(data[len(header) :])
            if isinstance(code, CodeType):
                return code
    except (OSError, ValueError, EOFError, TypeError):
        pass
    code = compile(source(), filename, "exec")
    _store(path, header + marshal.dumps(code))
    return code


def compiled_regex(source: str, flags: int = 0):
    """``regex.compile(source, flags)``, from the cache when ``source`` was compiled before.

    The entry holds what ``regex`` pickles a pattern as (the pattern, its flags and its
    engine code, a tuple of plain data) and is rebuilt with the function ``regex``
    registers for unpickling; the key holds the ``regex`` version, since engine code is
    not stable across versions. Errors in ``source`` are raised as ``regex.compile``
    raises them.
    """
    import regex

    folder = cache_dir()
    reduce = copyreg.dispatch_table.get(regex.Pattern)
    if folder is None or reduce is None:
        return regex.compile(source, flags)
    header = f"regex {regex.__version__}\0{int(flags)}\0{source}\n".encode("utf-8", "surrogateescape")
    path = os.path.join(folder, f"{zlib.crc32(header):08x}.regex")
    try:
        with open(path, "rb") as f:
            data = f.read()
        if data.startswith(header):
            # the reducer of any pattern names the rebuilding function (the empty
            # pattern is the cheapest to compile, and regex caches it)
            rebuild = reduce(regex.compile(""))[0]
            pattern = rebuild(*marshal.loads(data[len(header) :]))
            if isinstance(pattern, regex.Pattern) and pattern.pattern == source:
                return pattern
    except Exception:  # noqa: BLE001 - any unreadable entry means compiling afresh
        pass
    pattern = regex.compile(source, flags)
    try:
        entry = marshal.dumps(reduce(pattern)[1])
    except (TypeError, ValueError):  # not plain data in this regex version: no entry
        return pattern
    _store(path, header + entry)
    return pattern


def _store(path: str, data: bytes) -> None:
    """Write the entry as newsclean writes any file (a reader sees a whole entry or
    none); a folder that cannot be written only costs the next run a compile."""
    from .files import InputError, Skipped, write_atomic  # only on a cache miss

    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        write_atomic(path, data, durable=False)
    except (OSError, InputError, Skipped):
        pass
