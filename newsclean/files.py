"""Finding inputs, reading bytes safely, and writing files atomically.

Nothing here imports typer or rich: the CLI and the Dask runner share it.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from collections.abc import Iterable, Iterator
from typing import NamedTuple

DEFAULT_INCLUDE = ("*.txt",)


class InputError(Exception):
    """A file that cannot be processed; the message names the file and the reason."""


class Skipped(Exception):
    """A file deliberately left alone (binary, hard-linked...); not an error."""


class Source(NamedTuple):
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
    not followed (neither to files nor to folders), only regular files are taken (not
    FIFOs, sockets or devices), files must match an ``include``
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
                try:
                    # Links are not followed; a FIFO or device would block or never end.
                    if not stat.S_ISREG(os.lstat(full).st_mode):
                        continue
                except OSError:
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


# Encodings whose text is full of NUL bytes: the binary check does not apply to them.
_WIDE = ("utf-16", "utf16", "utf-32", "utf32", "utf_16", "utf_32")


def looks_binary(data: bytes, encoding: str = "utf-8") -> bool:
    """NUL bytes in the first 8 KiB: an image or archive renamed .txt, not text.

    >>> looks_binary(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR"), looks_binary(b"Plain text.")
    (True, False)
    >>> looks_binary("Text".encode("utf-16"), "utf-16")
    False
    """
    if encoding.lower().startswith(_WIDE):
        return False
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


# A temp file is named ".NAME.RANDOM.newsclean-tmp": hidden, so a folder walk never takes
# it as an input, and a later in-place run can recognise the leftovers of a killed run.
TMP_SUFFIX = ".newsclean-tmp"
# Leftovers younger than this may belong to another newsclean still writing that file.
STALE_TMP_SECONDS = 60.0


def write_atomic(path: str, data: bytes, *, durable: bool = True) -> None:
    """Replace ``path``'s content with ``data`` so that a crash leaves old or new, never
    a mix: a unique temp file in the same folder, fsync, the original's permission
    bits (and owner, when allowed), ``os.replace``, then fsync the folder. The temp
    file is removed on any error, and the original is left as it was.

    ``durable=False`` skips both fsyncs (still temp file + rename, so no reader sees a
    half-written file): for outputs derived from inputs that stay untouched (``-o DIR``),
    where two fsyncs per file would cost more than cleaning it.

    A symbolic link is written through: its target gets the new content, the link stays.
    A file with several hard links is not written (:class:`Skipped`): ``os.replace``
    would give this name a new file and leave the other names with the old content.
    A read-only file or folder is refused even for root, who could write it anyway.

    >>> import tempfile, os
    >>> d = tempfile.mkdtemp(); p = os.path.join(d, "a.txt")
    >>> write_atomic(p, b"new"); open(p, "rb").read(), os.listdir(d)
    (b'new', ['a.txt'])
    """
    import tempfile  # not on the start-up path of a run that writes to stdout

    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    try:
        st = os.stat(target)
    except FileNotFoundError:
        st = None
        mode = 0o666 & ~_umask()
    else:
        if not stat.S_ISREG(st.st_mode):
            raise InputError(f"{path}: not a regular file; not rewritten")
        mode = st.st_mode & 0o7777
        # Root may write anything; a file without its write bits is still not ours to change.
        if not mode & 0o222 or not os.access(target, os.W_OK):
            raise InputError(f"{path}: file is read-only")
        if st.st_nlink > 1:
            raise Skipped(
                f"{path}: has {st.st_nlink} hard links; skipped (rewriting would leave the "
                "other names with the old content)"
            )
    try:
        folder_mode = os.stat(folder).st_mode
    except OSError as exc:
        raise InputError(f"{path}: cannot write in {folder}: {exc.strerror or exc}") from None
    if not folder_mode & 0o222 or not os.access(folder, os.W_OK):
        raise InputError(f"{path}: cannot write in {folder}: folder is read-only")
    try:
        fd, tmp = tempfile.mkstemp(
            dir=folder, prefix="." + os.path.basename(target) + ".", suffix=TMP_SUFFIX
        )
    except OSError as exc:
        raise InputError(f"{path}: cannot write in {folder}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            if durable:
                os.fsync(f.fileno())
        if st is not None and (st.st_uid, st.st_gid) != _owner(tmp):
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except OSError:
                pass  # not root: the file becomes ours, as with any editor
        os.chmod(tmp, mode)  # after chown, which clears set-id bits
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
    remove_stale_tmp(target)


def remove_stale_tmp(target: str, *, older_than: float = STALE_TMP_SECONDS) -> list[str]:
    """Remove the temp files a killed run left beside ``target`` (``.NAME.*.newsclean-tmp``
    older than ``older_than`` seconds); return their paths. Never raises."""
    import glob
    import time

    folder = os.path.dirname(target) or "."
    pattern = os.path.join(glob.escape(folder), "." + glob.escape(os.path.basename(target)) + ".*" + TMP_SUFFIX)
    removed = []
    now = time.time()
    for leftover in glob.glob(pattern):
        try:
            if now - os.lstat(leftover).st_mtime >= older_than:
                os.unlink(leftover)
                removed.append(leftover)
        except OSError:
            pass
    return removed


def _owner(path: str) -> tuple[int, int]:
    st = os.stat(path)
    return st.st_uid, st.st_gid


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
