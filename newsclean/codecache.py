"""Generated Python code, compiled once and kept in the user's cache folder.

The content model ships as JSON and runs as generated Python. Compiling that code is
the largest single cost of starting ``newsclean`` (about 7 ms of ~80), so the compiled
code object is kept on disk with ``marshal``, the way Python keeps ``.pyc`` files, and
loaded in well under a millisecond by later runs.

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
"""

from __future__ import annotations

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


def _store(path: str, data: bytes) -> None:
    """Write the entry as newsclean writes any file (a reader sees a whole entry or
    none); a folder that cannot be written only costs the next run a compile."""
    from .files import InputError, Skipped, write_atomic  # only on a cache miss

    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        write_atomic(path, data, durable=False)
    except (OSError, InputError, Skipped):
        pass
