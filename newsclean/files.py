"""Finding inputs, reading bytes safely, and writing files atomically.

Nothing here imports typer or rich: the CLI and the Dask runner share it.
"""


# No `from __future__ import annotations` in this module: it defines NamedTuples, whose
# string annotations typing would compile one by one at every start (docs/performance.md).
import codecs
import contextlib
import fnmatch
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO, NamedTuple

DEFAULT_INCLUDE = ("*.txt",)


class InputError(Exception):
    """A file that cannot be processed; the message names the file and the reason."""


class Skipped(Exception):
    """A file deliberately left alone (binary, hard-linked...); not an error."""


class Source(NamedTuple):
    """One input file: its path, and its path relative to the folder it was found in.

    ``error`` is set when the walk could not look into a folder (no permission, a path
    over the system's limit...): that part of the tree was not seen, which the run
    reports as a failure rather than skipping it in silence.
    """

    path: str
    relative: str
    error: str | None = None


def _match(rel: str, patterns: Iterable[str]) -> bool:
    name = os.path.basename(rel)
    return any(fnmatch.fnmatch(rel, p) or fnmatch.fnmatch(name, p) for p in patterns)


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)


def discover(
    paths: Iterable[str],
    include: Iterable[str] = DEFAULT_INCLUDE,
    exclude: Iterable[str] = (),
    root: str | None = None,
) -> Iterator[Source]:
    """Files named on the command line as they are; folders walked recursively.

    In a folder: hidden files and folders (``.git``...) are skipped, symbolic links are
    not followed (neither to files nor to folders), only regular files are taken (not
    FIFOs, sockets or devices), files must match an ``include``
    glob and no ``exclude`` glob (globs match the path relative to the folder, or the
    file name). Results are sorted so that runs are reproducible.

    ``root`` (the configuration's folder): ``exclude`` globs also match paths relative
    to it, so that ``keep/*`` in ``corpus/newsclean.toml`` holds whether ``corpus`` or
    ``corpus/keep`` is walked; a walked folder that ``exclude`` matches so (or inside
    one that does) yields nothing.

    The walk keeps its own stack (no recursion: a tree 10,000 folders deep is walked
    like any other). A folder that cannot be listed yields a :class:`Source` whose
    ``error`` says why, in its place in the order.

    >>> import tempfile, os
    >>> d = tempfile.mkdtemp(); os.makedirs(os.path.join(d, "b")); os.mkdir(os.path.join(d, ".git"))
    >>> for n in ("b/2.txt", "a.txt", "b/1.txt", ".git/x.txt", "c.csv"): open(os.path.join(d, n), "w").close()
    >>> [s.relative for s in discover([d])]
    ['a.txt', 'b/1.txt', 'b/2.txt']
    """
    include = tuple(include) or DEFAULT_INCLUDE
    exclude = tuple(exclude)
    for top in paths:
        if not os.path.isdir(top):
            yield Source(top, os.path.basename(top))
            continue
        prefix = _below(top, root) if root and exclude else None
        if prefix and _excluded_folder(prefix, exclude):
            continue
        yield from _walk(top, include, exclude, prefix)


def _below(path: str, root: str) -> str | None:
    """``path`` relative to ``root`` ("" for root itself), or None if it is not inside."""
    rel = os.path.relpath(os.path.realpath(path), os.path.realpath(root))
    if rel == os.curdir:
        return ""
    return None if rel == os.pardir or rel.startswith(os.pardir + os.sep) else rel


def _excluded_folder(rel: str, exclude: tuple[str, ...]) -> bool:
    parts = rel.split(os.sep)
    return any(_match(os.path.join(*parts[:i]), exclude) for i in range(1, len(parts) + 1))


def _walk(top: str, include: tuple[str, ...], exclude: tuple[str, ...], prefix: str | None = None) -> Iterator[Source]:
    """Depth first, in sorted order (a folder's files, then each sub-folder in turn).
    ``prefix``: ``top`` relative to the configuration's folder, where ``exclude`` globs
    match too."""

    def excluded(rel: str) -> bool:
        return _match(rel, exclude) or (prefix is not None and prefix != "" and _match(os.path.join(prefix, rel), exclude))

    stack = [""]  # folders still to list, relative to top; the next one on the end
    while stack:
        rel_dir = stack.pop()
        folder = os.path.join(top, rel_dir) if rel_dir else top
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield Source(folder, rel_dir or ".", error=f"{folder}: cannot read folder: {_why(exc)}; not cleaned")
            continue
        subdirs = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            rel = os.path.join(rel_dir, entry.name) if rel_dir else entry.name
            try:
                # Links are not followed; a FIFO or device would block or never end.
                is_dir = entry.is_dir(follow_symlinks=False)
                is_file = not is_dir and entry.is_file(follow_symlinks=False)
            except OSError as exc:
                yield Source(entry.path, rel, error=f"{entry.path}: {_why(exc)}")
                continue
            if is_dir:
                if not excluded(rel):
                    subdirs.append(rel)
            elif is_file and _match(rel, include) and not excluded(rel):
                yield Source(entry.path, rel)
        stack.extend(reversed(subdirs))


_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


# Pipes already open in this process, named by descriptor (a shell's process
# substitution, /dev/stdin): they have a writer, unlike a FIFO found on disk.
_OPEN_PIPES = ("/dev/fd/", "/proc/self/fd/", "/dev/stdin")


def open_input(path: str) -> tuple[BinaryIO, os.stat_result]:
    """A named input opened for reading, and its ``stat`` taken when it was opened.

    Anything but a regular file is refused without blocking: a FIFO named on the
    command line would wait forever for a writer, a device would never end. A pipe the
    shell opened (``<(command)``, which names it ``/dev/fd/N``) is read: its writer is
    there. Every named input goes through here, text files and JSONL streams alike.

    >>> import os, tempfile
    >>> d = tempfile.mkdtemp(); fifo = os.path.join(d, "pipe"); os.mkfifo(fifo)
    >>> open_input(fifo)
    Traceback (most recent call last):
    ...
    newsclean.files.InputError: .../pipe: not a regular file (a FIFO); not read (to read a pipe, ...)
    """
    try:
        # O_NONBLOCK: opening a FIFO without a writer returns at once instead of waiting.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a directory") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise InputError(f"{path}: {_why(exc)}") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISFIFO(st.st_mode) and path.startswith(_OPEN_PIPES):
            pass  # `newsclean <(zcat page.gz)`: a pipe the shell opened, with its writer.
        elif not stat.S_ISREG(st.st_mode):
            kind = _kind(st.st_mode)
            if kind == "a folder":
                raise InputError(f"{path}: is a directory")
            hint = " (to read a pipe, give '-' and pipe it to stdin)" if kind == "a FIFO" else ""
            raise InputError(f"{path}: not a regular file ({kind}); not read{hint}")
        os.set_blocking(fd, True)
        return open(fd, "rb"), st
    except OSError as exc:
        os.close(fd)
        raise InputError(f"{path}: {_why(exc)}") from None
    except BaseException:
        os.close(fd)
        raise


def read_file(path: str) -> tuple[bytes, os.stat_result]:
    """The bytes of a regular file (see :func:`open_input`), and its ``stat`` taken when
    it was opened (hand it to :func:`write_atomic`'s ``expect`` so that a file changed
    meanwhile is left alone).

    >>> import os, tempfile
    >>> d = tempfile.mkdtemp(); p = os.path.join(d, "a.txt"); open(p, "wb").write(b"hi")
    2
    >>> data, st = read_file(p); data, st.st_size
    (b'hi', 2)
    """
    f, st = open_input(path)
    try:
        with f:
            return f.read(), st
    except OSError as exc:
        raise InputError(f"{path}: {_why(exc)}") from None


def read_bytes(path: str) -> bytes:
    """The bytes of a regular file (see :func:`read_file`); :class:`InputError` names
    the file and the reason when it cannot be read."""
    return read_file(path)[0]


# Encodings whose text is full of NUL bytes: the binary check does not apply to them.
_WIDE = ("utf-16", "utf16", "utf-32", "utf32", "utf_16", "utf_32")


def looks_binary(data: bytes, encoding: str = "utf-8") -> bool:
    """NUL bytes in the first 8 KiB: an image or archive renamed .txt, not text.

    >>> looks_binary(b"\\x89PNG\\r\\n\\x1a\\n\\x00\\x00\\x00\\rIHDR"), looks_binary(b"Plain text.")
    (True, False)
    >>> looks_binary("Text".encode("utf-16"), "utf-16")
    False
    """
    if encoding.lower().startswith(_WIDE) or (encoding.lower() == "auto" and _wide_bom(data)):
        return False
    return b"\x00" in data[:8192]


# Byte order marks of the encodings whose text is full of NUL bytes, longest first.
_WIDE_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def _wide_bom(data: bytes) -> str | None:
    """The UTF-16 or UTF-32 codec (with its byte order) that ``data``'s BOM names."""
    return next((codec for bom, codec in _WIDE_BOMS if data.startswith(bom)), None)


class Decoded(NamedTuple):
    """Text read from bytes, the encoding that writes it back byte for byte, and a note
    for the user when the bytes were not what was asked for (``None`` otherwise)."""

    text: str
    encoding: str
    note: str | None = None


# Detection is trusted only when the text it decodes looks like language, not noise.
MAX_CHAOS = 0.1
_ASCII = bytes(range(128))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def decode_text(data: bytes, encoding: str = "utf-8", *, name: str = "<stdin>") -> Decoded:
    r"""Bytes to text, the encoding to write back with, and a note.

    UTF-8 is decoded with ``surrogateescape``: invalid bytes survive the round trip
    untouched, and the note says how many there were and that ``--encoding auto``
    exists. ``auto`` asks charset-normalizer (``newsclean[detect]``) when the bytes are
    not UTF-8, and takes its answer only if it is sure of it (the text does not look
    like noise) and decoding then encoding gives back the very same bytes. Text that is
    UTF-8 but for a few stray bytes stays UTF-8 (more bytes in valid multi-byte
    sequences than stray ones): read as a legacy code page, its multi-byte characters
    would be split into two, which cleaning could then tear apart.

    >>> decode_text("café".encode())
    Decoded(text='café', encoding='utf-8', note=None)
    >>> decoded = decode_text("café, thé".encode() + b" \x93")
    >>> decoded.encoding, decoded.note
    ('utf-8', '1 byte not valid UTF-8, kept as it is (for a file in another encoding: --encoding auto or --encoding NAME)')
    >>> decode_text("café, thé".encode() + b" \x93", "auto").encoding
    'utf-8'
    """
    if encoding.lower() in ("utf-8", "utf8", "auto"):
        try:
            return Decoded(data.decode("utf-8"), "utf-8")
        except UnicodeDecodeError:
            pass
        wide = _wide_bom(data) if encoding.lower() == "auto" else None
        if wide is not None:
            # The BOM says which: decoded with its byte order, the BOM stays a character
            # of the text (as with UTF-8) and is written back as it was.
            try:
                return Decoded(data.decode(wide), wide)
            except UnicodeDecodeError:
                pass
        loose = data.decode("utf-8", "surrogateescape")
        stray = len(data) - len(loose.encode("utf-8", "ignore"))  # one lone surrogate per stray byte
        if encoding.lower() != "auto":
            return Decoded(loose, "utf-8", (
                f"{_plural(stray, 'byte')} not valid UTF-8, kept as {'it is' if stray == 1 else 'they are'}"
                " (for a file in another encoding: --encoding auto or --encoding NAME)"
            ))
        in_sequences = len(data.translate(None, _ASCII)) - stray  # bytes of valid multi-byte characters
        kept = Decoded(loose, "utf-8", (
            f"{_plural(stray, 'byte')} not valid UTF-8 and no other encoding fits for sure: read as UTF-8, "
            f"the stray {'byte kept as it is' if stray == 1 else 'bytes kept as they are'}"
        ))
        if in_sequences > stray:
            return kept
        try:
            from charset_normalizer import from_bytes
        except ImportError:
            raise InputError(
                f"{name}: --encoding auto needs charset-normalizer (pip install newsclean[detect])"
            ) from None
        best = from_bytes(data).best()
        if best is None or best.chaos > MAX_CHAOS:
            return kept
        try:
            text = data.decode(best.encoding)
            faithful = text.encode(best.encoding) == data
        except (LookupError, UnicodeError):
            faithful = False
        return Decoded(text, best.encoding) if faithful else kept
    codec = _faithful_codec(encoding, data)
    try:
        text = data.decode(codec)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: not valid {encoding} at byte {exc.start}") from None
    return Decoded(text, codec)


def _faithful_codec(encoding: str, data: bytes) -> str:
    """The codec that reads ``data`` as ``encoding`` and writes it back byte for byte.
    ``utf-8-sig``, ``utf-16`` and ``utf-32`` write a byte order mark (``utf-16`` in this
    machine's order) whether or not the file had one: a file without one is read with
    the plain codec (in the order Python's decoder assumed), and a file with one with its
    own byte order, the mark kept as the first character, as UTF-8's is.

    >>> _faithful_codec("UTF-8-SIG", b"abc"), _faithful_codec("utf_16", "\ufeffab".encode("utf-16-be"))
    ('utf-8', 'utf-16-be')
    """
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return encoding
    if name == "utf-8-sig":
        return encoding if data.startswith(codecs.BOM_UTF8) else "utf-8"
    if name in ("utf-16", "utf-32"):
        boms = ((codecs.BOM_UTF16_LE, "le"), (codecs.BOM_UTF16_BE, "be")) if name == "utf-16" else \
            ((codecs.BOM_UTF32_LE, "le"), (codecs.BOM_UTF32_BE, "be"))
        order = next((order for bom, order in boms if data.startswith(bom)), None)
        if order is None:
            order = "le" if sys.byteorder == "little" else "be"
        return f"{name}-{order}"
    return encoding


def decode(data: bytes, encoding: str = "utf-8", *, name: str = "<stdin>") -> tuple[str, str]:
    """Bytes to text and the encoding to write back with (see :func:`decode_text`,
    which also returns a note for the user)."""
    decoded = decode_text(data, encoding, name=name)
    return decoded.text, decoded.encoding


def encode(text: str, encoding: str, *, name: str = "<stdin>") -> bytes:
    r"""Text back to bytes. UTF-8 writes the stray bytes ``surrogateescape`` kept as they
    were; any other encoding must hold every character, or :class:`InputError` says
    which one it cannot (never a ``?`` in its place).

    >>> encode("caf\udce9", "utf-8"), encode("café", "latin-1")
    (b'caf\xe9', b'caf\xe9')
    >>> encode("a \u2192 b", "latin-1", name="p.txt")
    Traceback (most recent call last):
    ...
    newsclean.files.InputError: p.txt: the cleaned text holds '→' (U+2192), which latin-1 cannot write; left as it is
    """
    if encoding.lower() in ("utf-8", "utf8"):
        return text.encode("utf-8", "surrogateescape")
    try:
        return text.encode(encoding)
    except UnicodeEncodeError as exc:
        char = exc.object[exc.start]
        raise InputError(
            f"{name}: the cleaned text holds {char!r} (U+{ord(char):04X}), which {encoding} cannot write; left as it is"
        ) from None


# A temp file is named ".NAME.RANDOM.newsclean-tmp": hidden, so a folder walk never takes
# it as an input, and a later in-place run can recognise the leftovers of a killed run.
TMP_SUFFIX = ".newsclean-tmp"
# Leftovers younger than this may belong to another newsclean still writing that file.
STALE_TMP_SECONDS = 60.0


class Changed(InputError):
    """The file was changed, replaced or deleted after it was read: the cleaned old
    content must not overwrite the newer one, so the file is left as it is."""


def _identity(st: os.stat_result) -> tuple[int, int, int, int, int]:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


# How much of a file's name its temp file repeats: names may be up to 255 bytes, and the
# temp file adds a dot, a random part and TMP_SUFFIX to it.
TMP_NAME_BYTES = 100


def _tmp_prefix(target: str) -> str:
    """``.NAME.`` for the temp files of ``target``, NAME cut to ``TMP_NAME_BYTES``
    bytes so that a file with a name of the longest length can still be rewritten.

    >>> _tmp_prefix("/corpus/a.txt"), len(os.fsencode(_tmp_prefix("/c/" + "é" * 120)))
    ('.a.txt.', 102)
    """
    return "." + os.fsdecode(os.fsencode(os.path.basename(target))[:TMP_NAME_BYTES]) + "."


def write_all(out, data: bytes) -> None:
    """Write every byte of ``data`` to ``out``. A buffered stream does that in one
    call, but ``sys.stdout.buffer`` is a raw stream under ``python -u`` or
    ``PYTHONUNBUFFERED``, and a raw write into a full pipe that a signal interrupts
    returns having written only part: the rest is written here, so that a record or
    a page is never cut short.

    >>> import io
    >>> class Slow(io.RawIOBase):
    ...     got = b""
    ...     def writable(self): return True
    ...     def write(self, b): self.got += bytes(b[:3]); return min(3, len(b))
    >>> out = Slow(); write_all(out, b"a whole line\\n"); out.got
    b'a whole line\\n'
    """
    n = out.write(data)
    # None: a file-like object that does not count (taken as all written).
    while n is not None and n < len(data):
        data = data[n:]
        n = out.write(data)


def write_atomic(path: str, data: bytes, *, durable: bool = True, expect: os.stat_result | None = None) -> None:
    """Replace ``path``'s content with ``data`` so that a crash leaves old or new, never
    a mix: a unique temp file in the same folder, fsync, the original's permission
    bits, owner (when allowed) and extended attributes, ``os.replace``, then fsync the
    folder. The temp file is removed on any error, and the original is left as it was.

    ``durable=False`` skips both fsyncs (still temp file + rename, so no reader sees a
    half-written file): for outputs derived from inputs that stay untouched (``-o DIR``),
    where two fsyncs per file would cost more than cleaning it.

    ``expect``: the ``stat`` of the file when it was read (:func:`read_file`). If the
    file is no longer that one (edited, replaced or deleted meanwhile: device, inode,
    size, mtime or ctime differ), nothing is written and :class:`Changed` says so.

    A symbolic link is written through: its target gets the new content, the link stays.
    A file with several hard links is not written (:class:`Skipped`): ``os.replace``
    would give this name a new file and leave the other names with the old content.
    A read-only file or folder is refused even for root, who could write it anyway.

    >>> import tempfile, os
    >>> d = tempfile.mkdtemp(); p = os.path.join(d, "a.txt")
    >>> write_atomic(p, b"new"); open(p, "rb").read(), os.listdir(d)
    (b'new', ['a.txt'])
    """
    with atomic_output(path, durable=durable, expect=expect) as f:
        f.write(data)


@contextlib.contextmanager
def atomic_output(path: str, *, durable: bool = True, expect: os.stat_result | None = None) -> Iterator[BinaryIO]:
    """A binary file to write ``path``'s new content into, as a stream: it goes to a
    temp file in the same folder, which replaces ``path`` only when the ``with`` block
    ends without an error (see :func:`write_atomic`, which is built on this). On an
    error, or an interrupt, the temp file is removed and ``path`` is left as it was:
    a full disk half-way through a JSONL stream never leaves a partial file where the
    old one was.

    >>> import tempfile, os
    >>> d = tempfile.mkdtemp(); p = os.path.join(d, "out.jsonl"); open(p, "wb").write(b"old")
    3
    >>> with atomic_output(p) as f:
    ...     _ = f.write(b"line 1"); raise KeyError("stopped")
    Traceback (most recent call last):
    ...
    KeyError: 'stopped'
    >>> open(p, "rb").read(), os.listdir(d)
    (b'old', ['out.jsonl'])
    """
    import tempfile  # not on the start-up path of a run that writes to stdout

    target = os.path.realpath(path)
    folder = os.path.dirname(target) or "."
    st: os.stat_result | None
    try:
        st = os.stat(target)
    except FileNotFoundError:
        if expect is not None:
            raise Changed(f"{path}: deleted while it was being cleaned; not re-created") from None
        st = None
    except OSError as exc:
        raise InputError(f"{path}: cannot write: {_why(exc)}") from None
    if st is None:
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
    _check_unchanged(path, st, expect)
    try:
        folder_mode = os.stat(folder).st_mode
    except OSError as exc:
        raise InputError(f"{path}: cannot write in {folder}: {_why(exc)}") from None
    if not folder_mode & 0o222 or not os.access(folder, os.W_OK):
        raise InputError(f"{path}: cannot write in {folder}: folder is read-only")
    try:
        fd, tmp = tempfile.mkstemp(
            dir=folder, prefix=_tmp_prefix(target), suffix=TMP_SUFFIX
        )
    except OSError as exc:
        raise InputError(f"{path}: cannot write in {folder}: {_why(exc)}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            if durable:
                os.fsync(f.fileno())
        if st is not None:
            if (st.st_uid, st.st_gid) != _owner(tmp):
                try:
                    os.chown(tmp, st.st_uid, st.st_gid)
                except OSError:
                    pass  # not root: the file becomes ours, as with any editor
            os.chmod(tmp, mode)  # after chown, which clears set-id bits
            copy_xattrs(target, tmp)
        else:
            os.chmod(tmp, mode)
        if expect is not None:
            # Last look before the replace: an edit made while this file was cleaned wins.
            try:
                now = os.stat(target)
            except FileNotFoundError:
                raise Changed(f"{path}: deleted while it was being cleaned; not re-created") from None
            _check_unchanged(path, now, expect)
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise InputError(f"{path}: write failed: {_why(exc)}") from None
        raise
    if durable:
        _fsync_dir(folder)
    remove_stale_tmp(target)


def _check_unchanged(path: str, now: os.stat_result | None, expect: os.stat_result | None) -> None:
    if expect is None or now is None:
        return
    if (now.st_dev, now.st_ino) != (expect.st_dev, expect.st_ino):
        raise Changed(f"{path}: replaced by another file while it was being cleaned; left as it is")
    if _identity(now) != _identity(expect):
        raise Changed(f"{path}: changed while it was being cleaned; left as it is (run again to clean it)")


def copy_xattrs(src: str, dest: str) -> None:
    """Copy the extended attributes of ``src`` onto ``dest`` (``user.xdg.origin.url``,
    which wget and browsers set on downloads; ACLs...). Where the system or the file
    system has none, there is nothing to keep. An attribute of the ``user.`` namespace
    that cannot be set (no room for it...) stops the rewrite (``OSError``): the file
    would lose it. The others (``security.*``, ``trusted.*``, ``system.*``) may be
    reserved to other users or kernels, and are passed over when they cannot be set."""
    listxattr = getattr(os, "listxattr", None)
    if listxattr is None:
        return
    try:
        names = listxattr(src)
    except OSError:
        return
    for name in names:
        try:
            os.setxattr(dest, name, os.getxattr(src, name))
        except OSError as exc:
            if name.startswith("user."):
                raise OSError(exc.errno, f"cannot keep extended attribute {name}: {_why(exc)}") from None


# The temp files found in each folder the first time this process wrote there: listing
# a folder of 10,000 files on every write made rewriting it quadratic (12 ms a file).
_LEFTOVERS: dict[str, list[str]] = {}


def remove_stale_tmp(target: str, *, older_than: float = STALE_TMP_SECONDS) -> list[str]:
    """Remove the temp files a killed run left beside ``target`` (``.NAME.*.newsclean-tmp``
    older than ``older_than`` seconds); return their paths. Never raises.

    The folder is listed once per process (see ``_LEFTOVERS``); each later write there
    only looks at the leftovers that listing found.
    """
    import time

    folder = os.path.dirname(target) or "."
    names = _LEFTOVERS.get(folder)
    if names is None:
        try:
            with os.scandir(folder) as it:
                names = [e.name for e in it if e.name.startswith(".") and e.name.endswith(TMP_SUFFIX)]
        except OSError:
            names = []
        _LEFTOVERS[folder] = names
    prefix = _tmp_prefix(target)
    removed = []
    now = time.time()
    for name in [n for n in names if n.startswith(prefix)]:
        leftover = os.path.join(folder, name)
        try:
            if now - os.lstat(leftover).st_mtime >= older_than:
                os.unlink(leftover)
                removed.append(leftover)
                names.remove(name)
        except FileNotFoundError:
            names.remove(name)
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
