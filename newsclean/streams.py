"""JSONL streams: one JSON object per line in, the same object with its text cleaned out.

Streamed record by record: each record is written and flushed as soon as it is clean,
in input order, and only a few are held at once, so memory stays flat however long the
stream and a reader downstream sees each record as soon as it is ready. With ``jobs``
above 1, a long stream is cleaned by that many worker processes.

Every field but the text field comes out as it came in, byte for byte: only the text
field's value is replaced in the line, so number literals (``1E2``, ``1e400``, an
integer of 5,000 digits), duplicate keys, escapes, key order, spacing and the line end
are kept exactly, and records nested any depth are taken. Output is always valid JSON
in UTF-8: a line that is not (``NaN``, ``Infinity``, bytes that are not UTF-8...) is a
bad line, never passed on. newsclean adds members under names of its own, so that a
record's own ``removed`` or ``notes`` is kept as it is:

- ``newsclean_removed`` (with ``--with-removed``): each removed line as ``{"line",
  "text", "stage", "rule"}``;
- ``newsclean_notes``: what happened to a page the safety valve kept, or that a
  pattern timed out on (a list of strings).

A record that already has one of them (cleaned by an earlier run) gets this run's value
in its place.

>>> import io
>>> out = io.BytesIO()
>>> src = io.BytesIO(b'{"id": 1, "text": "Home | Share\\\\nThe story itself, told well."}\\n')
>>> clean_stream(src, out, Plan(), name="<example>")
(1, 0)
>>> out.getvalue()
b'{"id": 1, "text": "The story itself, told well.\\\\n"}\\n'

A line that is not a JSON object with a string text field is a bad line, named by its
line number: it fails the run (``on_bad_line="fail"``, exit 123) or is reported on
stderr and skipped (``"skip"``).
"""

from __future__ import annotations

import contextlib
import itertools
import json
import sys
from collections.abc import Callable, Iterator
from json.decoder import scanstring as _scanstring  # type: ignore[attr-defined]
from typing import BinaryIO

from .concurrency import Pool, StopSignals
from .files import InputError, atomic_output, open_input, write_all
from .regexes import compile_re
from .runner import Plan, clean_text


class BadRecord(InputError):
    """A JSONL line that is not a usable record; the message names file and line."""


def _open(name: str) -> BinaryIO:
    """stdin for ``-``, else the named file through the one read path (a FIFO or a
    device named on the command line is refused, not waited on)."""
    if name == "-":
        return sys.stdin.buffer
    return open_input(name)[0]


# The names of what newsclean adds to a record: prefixed, so that a record's own
# ``removed`` or ``notes`` is never touched.
REMOVED_KEY = "newsclean_removed"
NOTES_KEY = "newsclean_notes"


class Record:
    """One JSONL line, kept as the text it came as: cleaning replaces the text field's
    value and adds newsclean's own members, and :func:`dump_record` writes every other
    byte of the line as it was (numbers such as ``1E2`` or ``1e400`` or a 5,000-digit
    integer, duplicate keys, escapes, spacing, key order).

    ``members`` holds, for each top-level member, its key and where its value starts
    and ends in ``line``. Picklable: a pool's workers receive it as it is.
    """

    __slots__ = ("line", "ending", "members", "text_field", "edits", "added")

    def __init__(self, line: str, ending: str, members: list[tuple[str, int, int]], text_field: str) -> None:
        self.line = line
        self.ending = ending
        self.members = members
        self.text_field = text_field
        self.edits: dict[int, tuple[int, str]] = {}  # value start -> (value end, new JSON)
        self.added: dict[str, object] = {}  # newsclean's members, in the order added

    def __getstate__(self):
        return tuple(getattr(self, k) for k in self.__slots__)

    def __setstate__(self, state) -> None:
        for k, v in zip(self.__slots__, state):
            setattr(self, k, v)

    def texts(self) -> list[tuple[int, int, str]]:
        """(start, end, decoded value) of each occurrence of the text field."""
        out = []
        for key, start, end in self.members:
            if key == self.text_field:
                out.append((start, end, _scanstring(self.line, start + 1, True)[0]))
        return out

    def __repr__(self) -> str:
        return f"Record({dump_record(self)!r})"


def clean_record(record, plan: Plan, text_field: str = "text", with_removed: bool = False):
    r"""Clean the text field of a :class:`Record` (from :func:`parse_record`) or of a
    dict, and return it. ``with_removed`` adds ``newsclean_removed`` (line, text, stage,
    rule of each removed line); a page with notes (the safety valve kept it, a pattern
    timed out...) gets ``newsclean_notes``. A record's own ``removed`` or ``notes`` is
    left as it is. When the text field occurs more than once in a line, each occurrence
    is cleaned; the additions describe the last one, the value JSON readers keep.

    >>> clean_record({"text": "Back to top\nA line of the article.", "removed": 0}, Plan(), with_removed=True)
    {'text': 'A line of the article.\n', 'removed': 0, 'newsclean_removed': [{'line': 1, 'text': 'Back to top', 'stage': 'boilerplate-lines', 'rule': 'phrase:navigation'}]}
    """
    from .writers import removed_records

    pipeline = plan.pipeline()
    fmt = plan.fmt if plan.fmt in ("text", "markdown") else "text"
    if isinstance(record, Record):
        text_field = record.text_field
        values = record.texts()
    else:
        values = [(0, 0, record[text_field])]
    doc = None
    for start, end, value in values:
        doc, passed = clean_text(value, plan)  # a pattern that timed out: the text as it came, with a note
        rendered = value if passed else pipeline.render(doc, fmt)
        if isinstance(record, Record):
            record.edits[start] = (end, _json(rendered))
        else:
            record[text_field] = rendered
    if doc is None:
        return record
    added = record.added if isinstance(record, Record) else record
    if with_removed:
        added[REMOVED_KEY] = removed_records(doc)
    if doc.notes:
        added[NOTES_KEY] = list(doc.notes)
    return record


_WS = compile_re(r"[ \t\n\r]*")
_NUMBER = compile_re(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?")


def _not_json(literal: str):
    raise ValueError(f"{literal} is not valid JSON")


def _ignore(_value):
    return None


# Checks a nested value with the json module's C scanner without building it: numbers
# and objects are not converted (no 5,000-digit limit, no dict merging duplicate keys),
# and NaN or Infinity, which JSON does not have, are refused.
_CHECKER = json.JSONDecoder(
    object_pairs_hook=_ignore, parse_float=_ignore, parse_int=_ignore, parse_constant=_not_json
)


def _value_end(s: str, i: int) -> int:
    """Where the JSON value starting at ``s[i]`` ends; ValueError if it is not one."""
    if s.startswith('"', i):
        return _scanstring(s, i + 1, True)[1]
    try:
        return _CHECKER.raw_decode(s, i)[1]
    except RecursionError:  # nested deeper than the C scanner goes: check it without recursion
        return _skip_value(s, i)


def _error(msg: str, s: str, i: int) -> json.JSONDecodeError:
    return json.JSONDecodeError(msg, s, i)


def _skip_value(s: str, i: int) -> int:
    """The end of the JSON value at ``s[i]``, checked with a stack instead of recursion
    (a record nested 100,000 deep is as valid as any other)."""
    stack: list[str] = []  # the closing bracket of each open container
    while True:
        # A value is expected at i.
        i = _WS.match(s, i).end()  # type: ignore[union-attr]
        c = s[i:i + 1]
        if c == "{" or c == "[":
            close = "}" if c == "{" else "]"
            i = _WS.match(s, i + 1).end()  # type: ignore[union-attr]
            if s.startswith(close, i):
                i += 1
            else:
                stack.append(close)
                if close == "}":
                    i = _key(s, i)
                continue
        elif c == '"':
            i = _scanstring(s, i + 1, True)[1]
        elif c in ("t", "f", "n") and s.startswith(("true", "false", "null"), i):
            i += 4 if c != "f" else 5
        elif s.startswith(("NaN", "Infinity", "-Infinity"), i):
            raise ValueError(f"{s[i:i + 9].rstrip(',]} ')} is not valid JSON")
        else:
            m = _NUMBER.match(s, i)
            if m is None:
                raise _error("Expecting value", s, i)
            i = m.end()
        # After a value: close containers, or a comma and the next value.
        while True:
            if not stack:
                return i
            i = _WS.match(s, i).end()  # type: ignore[union-attr]
            c = s[i:i + 1]
            if c == ",":
                i = _WS.match(s, i + 1).end()  # type: ignore[union-attr]
                if stack[-1] == "}":
                    i = _key(s, i)
                break
            if c == stack[-1]:
                stack.pop()
                i += 1
                continue
            raise _error("Expecting ',' delimiter", s, i)


def _key(s: str, i: int) -> int:
    """A member's key and its colon at ``s[i]``; the index of its value."""
    if not s.startswith('"', i):
        raise _error("Expecting property name enclosed in double quotes", s, i)
    i = _scanstring(s, i + 1, True)[1]
    i = _WS.match(s, i).end()  # type: ignore[union-attr]
    if not s.startswith(":", i):
        raise _error("Expecting ':' delimiter", s, i)
    return _WS.match(s, i + 1).end()  # type: ignore[union-attr]


_KINDS = {"[": "list", '"': "str", "t": "bool", "f": "bool", "n": "NoneType"}


def parse_record(raw: bytes, text_field: str) -> Record:
    r"""One JSONL line to a :class:`Record`; ValueError says what is wrong with it: not
    UTF-8, not JSON (``NaN`` and ``Infinity`` are not JSON either), not an object, no
    text field or one that is not a string.

    Only the top level is taken apart; nested values are checked, not built, so a
    record of any depth, with numbers of any length, is taken as it is.

    >>> rec = parse_record(b'{"n": 1E2, "big": 1e400, "text": "Hello.", "n": 2}\n', "text")
    >>> [key for key, start, end in rec.members]
    ['n', 'big', 'text', 'n']
    >>> parse_record(b'{"text": "a", "x": NaN}', "text")
    Traceback (most recent call last):
    ...
    ValueError: NaN is not valid JSON
    """
    line = raw.decode("utf-8")
    ending = "\r\n" if line.endswith("\r\n") else "\n" if line.endswith("\n") else ""
    if ending:
        line = line[: -len(ending)]
    if line.startswith("\ufeff"):
        # A byte order mark (a file saved by an editor that writes one) is not JSON:
        # read past it, and leave it out of the record, so that the output is JSON.
        line = line[1:]
    i = _WS.match(line, 0).end()  # type: ignore[union-attr]
    if not line.startswith("{", i):
        end = _value_end(line, i)  # not JSON at all, or JSON but not an object?
        if _WS.match(line, end).end() != len(line):  # type: ignore[union-attr]
            raise _error("Extra data", line, end)
        literal = line[i:end]
        kind = _KINDS.get(literal[:1], "float" if any(c in literal for c in ".eE") else "int")
        raise ValueError(f"not a JSON object but {kind}")
    members = []
    i = _WS.match(line, i + 1).end()  # type: ignore[union-attr]
    if not line.startswith("}", i):
        while True:
            if not line.startswith('"', i):
                raise _error("Expecting property name enclosed in double quotes", line, i)
            key, i = _scanstring(line, i + 1, True)
            i = _WS.match(line, i).end()  # type: ignore[union-attr]
            if not line.startswith(":", i):
                raise _error("Expecting ':' delimiter", line, i)
            start = _WS.match(line, i + 1).end()  # type: ignore[union-attr]
            i = _value_end(line, start)
            members.append((key, start, i))
            i = _WS.match(line, i).end()  # type: ignore[union-attr]
            if line.startswith(",", i):
                i = _WS.match(line, i + 1).end()  # type: ignore[union-attr]
                continue
            if line.startswith("}", i):
                break
            raise _error("Expecting ',' delimiter", line, i)
    i = _WS.match(line, i + 1).end()  # type: ignore[union-attr]
    if i != len(line):
        raise _error("Extra data", line, i)
    texts = [start for key, start, end in members if key == text_field]
    if not texts:
        raise ValueError(f"no field {text_field!r}")
    if any(not line.startswith('"', start) for start in texts):
        raise ValueError(f"field {text_field!r} is not a string")
    return Record(line, ending, members, text_field)


def _short(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 200 else text[:200] + "..."


def _json(value) -> str:
    """``value`` as JSON text that encodes to UTF-8: non-ASCII as it is, unless the
    value holds a lone surrogate (from a ``\\ud800`` escape), which only an escape can
    carry."""
    out = json.dumps(value, ensure_ascii=False)
    try:
        out.encode("utf-8")
    except UnicodeEncodeError:
        out = json.dumps(value, ensure_ascii=True)
    return out


def dump_record(record) -> bytes:
    r"""The record as one line of UTF-8 JSON, ending as it came (``\\n`` or ``\\r\\n``;
    ``\\n`` if it had no end). A :class:`Record` keeps every byte but the text field's
    value and newsclean's members; a member newsclean adds that the line already has
    (from an earlier run) gets the new value in its place. A dict is written with
    ``json.dumps``; a lone surrogate is written as an escape, never as broken UTF-8.

    >>> rec = parse_record(b'{"n": 1E2, "text": "Back to top\\nThe story.", "notes": "mine"}', "text")
    >>> dump_record(clean_record(rec, Plan(), with_removed=True))
    b'{"n": 1E2, "text": "The story.\\n", "notes": "mine", "newsclean_removed": [{"line": 1, "text": "Back to top", "stage": "boilerplate-lines", "rule": "phrase:navigation"}]}\n'
    >>> dump_record({"text": "caf\u00e9"}), dump_record({"text": "\ud800"})
    (b'{"text": "caf\xc3\xa9"}\n', b'{"text": "\\ud800"}\n')
    """
    if not isinstance(record, Record):
        try:
            return json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n"
        except UnicodeEncodeError:
            return json.dumps(record, ensure_ascii=True).encode("ascii") + b"\n"
    line = record.line
    edits = dict(record.edits)
    added = dict(record.added)
    for key, start, end in record.members:
        if key in added:  # ours, from an earlier run: this run's value in its place
            edits[start] = (end, _json(added[key]))
    for key, _, _ in record.members:
        added.pop(key, None)
    out = []
    pos = 0
    for start in sorted(edits):
        end, new = edits[start]
        out.append(line[pos:start])
        out.append(new)
        pos = end
    if added:
        last = record.members[-1][2]  # new members go right after the last value
        out.append(line[pos:last])
        out.extend(f", {_json(key)}: {_json(value)}" for key, value in added.items())
        pos = last
    out.append(line[pos:])
    out.append(record.ending or "\n")
    return "".join(out).encode("utf-8")


# With a pool (``jobs`` > 1): the first records are cleaned here, since a pool costs
# ~0.1 s to start, more than a short stream takes to clean; after them, records in
# flight at once per worker: enough to keep every worker busy, few enough that memory
# stays flat (each holds one page).
BEFORE_POOL = 16
IN_FLIGHT_PER_JOB = 8

# The run's one pool (see newsclean.concurrency), under the name streams have used.
WorkerPool = Pool


class RecordLost(InputError):
    """A record whose worker process died twice (killed, or out of memory): it was not
    cleaned. The message names the file and line."""


def _lost_message(name: str, number: int, passed: bool) -> str:
    what = "passed through unchanged" if passed else "left out"
    return (f"{name}:{number}: the worker process cleaning this record died twice (killed, or out of memory); "
            f"not cleaned, {what}")


class _Writer:
    """Writes the stream's results in order and keeps its counts: a cleaned record, a bad
    line (passed through, reported and skipped, or :class:`BadRecord`), a record lost with
    its worker (passed through with ``pass_bad``, else left out; given to ``on_lost``, or
    :class:`RecordLost` is raised)."""

    def __init__(self, out, name: str, on_bad, on_lost, pass_bad: bool) -> None:
        self.out = out
        self.name = name
        self.on_bad = on_bad
        self.on_lost = on_lost
        self.pass_bad = pass_bad
        self.written = self.skipped = 0

    def _line(self, data: bytes) -> None:
        write_all(self.out, data)  # whole, even on a raw stdout a signal interrupts
        self.out.flush()
        self.written += 1

    def record(self, record) -> None:
        self._line(dump_record(record))

    def bad(self, value) -> None:
        message, raw = value
        if self.pass_bad:
            self._line(raw if raw.endswith(b"\n") else raw + b"\n")
            return
        if self.on_bad is None:
            raise BadRecord(message)
        self.skipped += 1
        self.on_bad(message)

    def lost(self, record: Record, number: int) -> None:
        message = _lost_message(self.name, number, self.pass_bad)
        if self.pass_bad:
            self._line(dump_record(record))  # as it came: nothing of it was changed here
        if self.on_lost is None:
            raise RecordLost(message)
        self.on_lost(message)


def clean_stream(stream, out, plan: Plan, *, name: str = "<stdin>", text_field: str = "text",
                 with_removed: bool = False, on_bad: Callable[[str], None] | None = None,
                 jobs: int = 1, pool: Pool | None = None, pass_bad: bool = False,
                 on_lost: Callable[[str], None] | None = None, stop: StopSignals | None = None) -> tuple[int, int]:
    """Clean every record of ``stream`` into ``out``, flushing after each record.
    Returns (lines written, bad lines skipped).

    With ``jobs`` > 1, records after the first ``BEFORE_POOL`` are cleaned by that many
    worker processes (``pool``'s, else a pool of the stream's own) and written in input
    order, each as soon as it and those before it are done; a bad line is reported (or
    fails the run) at its place in the order. With ``pass_bad``, a bad line (and a blank
    one) is written out as it came, so that output line N is input line N.

    A worker that dies (the out-of-memory killer) costs only its records: every record
    in flight that had no result is cleaned again, each alone, in a fresh pool; one that
    kills its worker again is given to ``on_lost`` (and written unchanged with
    ``pass_bad``), and the stream goes on.

    ``stop`` (a :class:`StopSignals` the caller entered): once a signal has come, no more
    records are read; those being cleaned are finished and written in order, then the
    function returns.
    """
    writer = _Writer(out, name, on_bad, on_lost, pass_bad)
    events = _events(stream, name, text_field, keep_blank=pass_bad)
    for kind, value, _ in _pull(events, stop, BEFORE_POOL if jobs > 1 else None):
        if kind == "record":
            writer.record(clean_record(value, plan, text_field, with_removed))
        else:
            writer.bad(value)
    if jobs > 1:
        rest = list(_pull(events, stop, 1))
        if rest:  # a longer stream: the pool is worth starting
            with Pool(jobs) if pool is None else contextlib.nullcontext(pool) as workers:
                _clean_in_pool(itertools.chain(rest, events), writer, plan, text_field, with_removed, workers, stop)
    return writer.written, writer.skipped


def _events(stream, name: str, text_field: str, keep_blank: bool = False) -> Iterator[tuple[str, object, int]]:
    """("record", Record, line number) or ("bad", (message, line), line number) for each
    non-blank line, in order (and ("bad", (None, line), n) for a blank one with
    ``keep_blank``)."""
    for number, raw in enumerate(stream, 1):
        if not raw.strip():
            if keep_blank:
                yield "bad", (None, raw), number
            continue
        try:
            yield "record", parse_record(raw, text_field), number
        except (ValueError, RecursionError) as exc:
            yield "bad", (f"{name}:{number}: bad record: {_short(exc)}", raw), number


def _pull(events: Iterator, stop: StopSignals | None, limit: int | None) -> Iterator:
    """Up to ``limit`` events, read in this (the main) thread, until a signal comes. While
    it waits for a line it holds no work, so a signal ends the wait at once (see
    :attr:`StopSignals.idle`); a line read as the signal came is left unwritten, whole."""
    count = 0
    while limit is None or count < limit:
        if stop is None:
            item = next(events, None)
        else:
            if stop.signum:
                return
            try:
                stop.idle = True
                item = next(events, None)
                stop.idle = False
            except KeyboardInterrupt:
                stop.idle = False
                if stop.signum:
                    return
                raise
        if item is None:
            return
        count += 1
        yield item


def _stopped(stop: StopSignals | None) -> bool:
    return stop is not None and stop.stopped


def _clean_in_pool(events, writer: _Writer, plan: Plan, text_field: str, with_removed: bool,
                   workers: Pool, stop: StopSignals | None) -> None:
    """The rest of the stream through the pool's worker processes.

    A reader thread parses lines into a queue; this thread submits records to the pool
    and writes results in input order. The reader takes a slot before each line and this
    thread gives it back when the line is written, so at most ``IN_FLIGHT_PER_JOB``
    records per worker are in memory; and since the reader never waits for a result, a
    record is written as soon as it is clean, even while the stream upstream is idle.
    Only this thread touches the pool: when a worker dies, it restarts it and cleans the
    records that were lost with it again, each alone (see :meth:`_InPool.recover`).
    """
    import queue
    import threading

    window = IN_FLIGHT_PER_JOB * workers.jobs
    slots = threading.Semaphore(window)
    ready: queue.SimpleQueue = queue.SimpleQueue()
    done = threading.Event()

    def read() -> None:
        try:
            for item in events:
                while not slots.acquire(timeout=0.1):
                    if done.is_set():
                        return
                if done.is_set():
                    return
                ready.put(item)
        except BaseException as exc:  # noqa: BLE001 - handed to the writer, in order
            ready.put(("error", exc, 0))
        else:
            ready.put(("end", None, 0))

    run = _InPool(writer, plan, text_field, with_removed, workers, stop, slots)
    threading.Thread(target=read, name="newsclean-jsonl-reader", daemon=True).start()
    try:
        run.loop(ready)
    except KeyboardInterrupt:
        done.set()  # asked twice: stop now; the pool is dropped as a whole (Pool.__exit__)
        raise
    except BaseException:
        # Stop the reader (it may be waiting for a slot) and cancel this stream's records
        # not yet started: a shared pool is not ours to shut down.
        done.set()
        run.cancel()
        raise
    done.set()


class _InPool:
    """The state of one stream's pooled part: the entries in flight, in input order, each
    ``[kind, value, line number, future]`` (a future only for a record)."""

    def __init__(self, writer: _Writer, plan: Plan, text_field: str, with_removed: bool, workers: Pool,
                 stop: StopSignals | None, slots) -> None:
        from collections import deque

        self.writer = writer
        self.args = (plan, text_field, with_removed)
        self.workers = workers
        self.stop = stop
        self.slots = slots
        self.pending: deque[list] = deque()

    def loop(self, ready) -> None:
        import queue
        from concurrent.futures import TimeoutError as Timeout
        from concurrent.futures.process import BrokenProcessPool

        ended = False
        while True:
            # Everything the reader has parsed is submitted (the slots bound it).
            while not ended:
                try:
                    item = ready.get(timeout=0.1) if not self.pending else ready.get_nowait()
                except queue.Empty:
                    break
                if item[0] == "end":
                    ended = True
                    break
                entry = [*item, None]
                self.pending.append(entry)
                if entry[0] == "record":
                    try:
                        entry[3] = self.workers.submit(clean_record, entry[1], *self.args)
                    except BrokenProcessPool:  # a worker died since the last result
                        self.recover()
                        continue
            if _stopped(self.stop):
                self.finish()
                return
            if not self.pending:
                if ended:
                    return
                continue
            kind, value, number, future = self.pending[0]
            if kind == "record":
                try:
                    value = self.workers.result(future, timeout=0.1)
                except Timeout:
                    continue
                except BrokenProcessPool:
                    self.recover()
                    continue
            self._write(self.pending.popleft(), value)

    def _write(self, entry: list, value) -> None:
        """One entry's result, in its place (a cleaned record; a bad line; an error from
        upstream, raised here after every line before it)."""
        kind = entry[0]
        self.slots.release()
        if kind == "record":
            self.writer.record(value)
        elif kind == "bad":
            self.writer.bad(value)
        elif kind == "lost":
            self.writer.lost(entry[1], entry[2])
        else:
            raise value

    def recover(self) -> None:
        """A worker died, and the pool with it: every record in flight keeps the result it
        had; the others are cleaned again, each alone in a fresh pool, so that a record
        that kills its worker again is the one reported (and the others are not). All of
        them are written, in order."""
        from concurrent.futures.process import BrokenProcessPool

        self.workers.restart()
        while self.pending:
            entry = self.pending[0]
            kind, value, number, future = entry
            if kind == "record":
                if future is not None and future.done() and not future.cancelled() and future.exception() is None:
                    value = future.result()
                else:
                    if _stopped(self.stop):
                        return  # what is left is abandoned whole
                    try:
                        value = self.workers.result(self.workers.submit(clean_record, entry[1], *self.args))
                    except BrokenProcessPool:
                        self.workers.restart()
                        entry[0] = "lost"
            self._write(self.pending.popleft(), value)

    def finish(self) -> None:
        """A signal came: the records being cleaned (a worker has them) are finished and
        written in order, with the lines before them; the first record not started, or
        whose worker died with the signal (a SIGTERM sent to the whole process group, as
        ``timeout`` does), ends the output there: what was written is an unbroken prefix
        of the input. Nothing is cancelled here (a future cancelled while a dying pool
        fails it makes the pool's own thread raise); closing the pool drops the rest."""
        from concurrent.futures.process import BrokenProcessPool

        while self.pending:
            kind, value, number, future = self.pending[0]
            if kind == "record":
                if future is None or not (future.running() or future.done()):
                    return
                try:
                    value = self.workers.result(future)  # not for ever: its worker may have died mid-result
                except BrokenProcessPool:
                    return
            self._write(self.pending.popleft(), value)

    def cancel(self) -> None:
        for entry in self.pending:
            if entry[3] is not None:
                entry[3].cancel()


def clean_jsonl(files, plan: Plan, *, output=None, text_field="text", with_removed=False,
                on_bad_line: str = "fail", jobs: int = 1, pool: Pool | None = None,
                on_bad: Callable[[str], None] | None = None, on_lost: Callable[[str], None] | None = None,
                stop: StopSignals | None = None) -> tuple[int, int]:
    """The CLI's ``--input-format jsonl``: every file (``-`` is stdin) in turn, records
    written to ``output`` or stdout, cleaned by ``jobs`` processes of ``pool``. A bad
    line fails the run (``on_bad_line="fail"``: :class:`BadRecord`), is given to
    ``on_bad`` and left out (``"skip"``), or is written unchanged (``"pass"``). A record
    lost with its worker twice is given to ``on_lost`` (written unchanged with
    ``"pass"``, else left out), and the run goes on.
    Returns (lines written, bad lines skipped). The caller has made sure that
    ``output`` is none of ``files``.

    Once ``stop`` has seen a signal, the records in flight are finished and written, no
    more are read, and an ``output`` file is left as it was (the records written so far
    go to its temp file, which is removed).
    """
    total_written = total_skipped = 0

    class Abandon(Exception):
        pass

    # -o FILE: written through the one atomic path; replaced only when every record is
    # written, so a full disk, a failed line or a signal leaves the previous output whole.
    try:
        with (atomic_output(output) if output else contextlib.nullcontext(sys.stdout.buffer)) as out, \
                (contextlib.nullcontext(pool) if pool is not None else Pool(jobs)) as workers:
            try:
                for name in files:
                    if _stopped(stop):
                        break
                    stream = _open(name)
                    try:
                        written, skipped = clean_stream(
                            stream, out, plan, name="<stdin>" if name == "-" else name, text_field=text_field,
                            with_removed=with_removed, on_bad=on_bad if on_bad_line == "skip" else None,
                            jobs=jobs, pool=workers, pass_bad=on_bad_line == "pass", on_lost=on_lost, stop=stop,
                        )
                        total_written += written
                        total_skipped += skipped
                    finally:
                        if stream is not sys.stdin.buffer:
                            stream.close()
            finally:
                if not output:
                    out.flush()
            if output and _stopped(stop):
                raise Abandon()
    except Abandon:
        pass
    return total_written, total_skipped
