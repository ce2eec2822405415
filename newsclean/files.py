"""Finding inputs, reading bytes safely, and writing files atomically.

Nothing here imports typer or rich: the CLI and the Dask runner share it.
"""

from __future__ import annotations

import fnmatch
import os
from dataclasses import dataclass
from typing import Iterable, Iterator

DEFAULT_INCLUDE = ("*.txt",)


class InputError(Exception):
    """A file that cannot be processed; the message names the file and the reason."""


class Skipped(Exception):
    """A file deliberately left alone (binary, hard-linked...); not an error."""


@dataclass(frozen=True)
class Source:
    """One input file: its path, and its path relative to the folder it was found in."""

    path: str
    relative: str


def _match(rel: str, patterns: Iterable[str]) -> bool:
    name = os.path.basename(rel)
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) for p in patterns)


def discover(
    paths: Iterable[str],
    include: Iterable[str] = DEFAULT_INCLUDE,
    exclude: Iterable[str] = (),
) -> Iterator[Source]:
    """Files named on the command line as they are; folders walked recursively.

    In a folder: hidden files and folders (``.git``...) are skipped, symbolic links are
    not followed (neither to files nor to folders), files must match an ``include``
    glob and no ``exclude`` glob (globs match the path relative to the folder, or the
    file name). Results are sorted so that runs are reproducible.
    """
    include = tuple(include) or DEFAULT_INCLUDE
    exclude = tuple(exclude)
    for top in paths:
        if not os.path.isdir(top):
            yield Source(top, os.path.basename(top))
            continue
        for root, dirs, files in os.walk(top, followlinks=False):
            dirs[:] = sorted(
                d
                for d in dirs
                if not d.startswith(".")
                and not os.path.islink(os.path.join(root, d))
                and not _match(os.path.relpath(os.path.join(root, d), top), exclude)
            )
            for name in sorted(files):
                if name.startswith("."):
                    continue
                full = os.path.join(root, name)
                rel = os.path.relpath(full, top)
                if os.path.islink(full):
                    continue
                if _match(rel, include) and not _match(rel, exclude):
                    yield Source(full, rel)


def read_bytes(path: str) -> bytes:
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from None


def looks_binary(data: bytes) -> bool:
    """NUL bytes in the first 8 KiB: an image or archive renamed .txt, not text."""
    return b"\x00" in data[:8192]


def decode(data: bytes, encoding: str = "utf-8", *, name: str = "<stdin>") -> tuple[str, str]:
    """Bytes to text and the encoding to write back with.

    UTF-8 is decoded with ``surrogateescape``: invalid bytes survive the round trip
    untouched. ``auto`` asks charset-normalizer (installed with ``newsclean[detect]``)
    when the bytes are not UTF-8.
    """
    if encoding.lower() in ("utf-8", "utf8", "auto"):
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            if encoding.lower() != "auto":
                return data.decode("utf-8", "surrogateescape"), "utf-8"
        try:
            from charset_normalizer import from_bytes
        except ImportError:
            raise InputError(
                f"{name}: --encoding auto needs charset-normalizer (pip install newsclean[detect])"
            ) from None
        best = from_bytes(data).best()
        if best is None:
            raise InputError(f"{name}: cannot detect the encoding; name it with --encoding")
        return str(best), best.encoding
    try:
        return data.decode(encoding), encoding
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid {encoding} at byte {exc.start}") from None


def encode(text: str, encoding: str) -> bytes:
    if encoding == "utf-8":
        return text.encode("utf-8", "surrogateescape")
    return text.encode(encoding, "replace")


def write_atomic(path: str, data: bytes, *, durable: bool = True) -> None:
    """Replace ``path``'s content with ``data`` so that a crash leaves old or new, never
    a mix: a unique temp file in the same folder, fsync, the original's permission
    bits, ``os.replace``, then fsync the folder. The temp file is removed on error.

    ``durable=False`` skips both fsyncs (still temp file + rename, so no reader sees a
    half-written file): for outputs derived from inputs that stay untouched (``-o DIR``),
    where two fsyncs per file would cost more than cleaning it.

    A symbolic link is written through: its target gets the new content, the link stays.
    """
    import tempfile  # not on the start-up path of a run that writes to stdout

    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    try:
        mode = os.stat(target).st_mode & 0o7777
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    else:
        # Root may write anything; a file without its write bit is still not ours to change.
        if not mode & 0o222:
            raise InputError(f"{path}: file is read-only")
    try:
        fd, tmp = tempfile.mkstemp(
            dir=folder, prefix="." + os.path.basename(target) + ".", suffix=".newsclean-tmp"
        )
    except OSError as exc:
        raise InputError(f"{path}: cannot write in {folder}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            if durable:
                os.fsync(f.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise InputError(f"{path}: write failed: {exc.strerror or exc}") from None
        raise
    if durable:
        _fsync_dir(folder)


def _fsync_dir(folder: str) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
