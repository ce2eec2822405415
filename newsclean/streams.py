"""JSONL streams: one JSON object per line in, the same object with its text cleaned out.

Streamed record by record: each record is written and flushed as soon as it is clean,
in input order, and only a few are held at once, so memory stays flat however long the
stream and a reader downstream sees each record as soon as it is ready. With ``jobs``
above 1, a long stream is cleaned by that many worker processes. Every field but the
text field is kept as it came (in its order); ``with_removed`` adds ``removed`` (line,
text, stage, rule) and a page the safety valve kept gets ``notes``.

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
from typing import BinaryIO

from .files import InputError, atomic_output
from .runner import Plan

EXIT_OK, EXIT_FAILED = 0, 123


class BadRecord(InputError):
    """A JSONL line that is not a usable record; the message names file and line."""


def _open(name: str) -> BinaryIO:
    if name == "-":
        return sys.stdin.buffer
    try:
        return open(name, "rb")
    except OSError as exc:
        raise InputError(f"{name}: {exc.strerror or exc}") from None


def clean_record(record: dict, plan: Plan, text_field: str = "text", with_removed: bool = False) -> dict:
    """Clean ``record[text_field]`` in place and return the record.

    >>> clean_record({"text": "Back to top\\nA line of the article.", "lang": "en"}, Plan(), with_removed=True)
    {'text': 'A line of the article.\\n', 'lang': 'en', 'removed': [{'line': 1, 'text': 'Back to top', 'stage': 'boilerplate-lines', 'rule': 'phrase:navigation'}]}
    """
    pipeline = plan.pipeline()
    doc = pipeline.run(record[text_field])
    record[text_field] = pipeline.render(doc, plan.fmt if plan.fmt in ("text", "markdown") else "text")
    if with_removed:
        record["removed"] = [
            {"line": ln.number, "text": ln.text, "stage": ln.removal.stage, "rule": ln.removal.rule}
            for ln in doc.lines
            if ln.removal is not None
        ]
    if doc.notes:
        record.setdefault("notes", []).extend(doc.notes)
    return record


def parse_record(raw: bytes, text_field: str) -> dict:
    """One JSONL line to a record; ValueError says what is wrong with it."""
    record = json.loads(raw)
    if not isinstance(record, dict):
        raise ValueError(f"not a JSON object but {type(record).__name__}")
    value = record.get(text_field)
    if not isinstance(value, str):
        raise ValueError(
            f"no field {text_field!r}" if text_field not in record else f"field {text_field!r} is not a string"
        )
    return record


def _short(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) <= 200 else text[:200] + "..."


def dump_record(record: dict) -> bytes:
    """The record as one line of UTF-8 JSON. A lone surrogate (from a ``\\\\ud800``
    escape in the input) cannot be UTF-8: such a record is written with ASCII escapes.

    >>> dump_record({"text": "caf\\u00e9"}), dump_record({"text": "\\ud800"})
    (b'{"text": "caf\\xc3\\xa9"}\\n', b'{"text": "\\\\ud800"}\\n')
    """
    try:
        return json.dumps(record, ensure_ascii=False).encode("utf-8") + b"\n"
    except UnicodeEncodeError:
        return json.dumps(record, ensure_ascii=True).encode("ascii") + b"\n"


# With a pool (``jobs`` > 1): the first records are cleaned here, since a pool costs
# ~0.1 s to start, more than a short stream takes to clean; after them, records in
# flight at once per worker: enough to keep every worker busy, few enough that memory
# stays flat (each holds one page).
BEFORE_POOL = 16
IN_FLIGHT_PER_JOB = 8


class WorkerPool:
    """Worker processes started on first use, and shared by the streams of one run:
    starting a pool costs ~16 ms, which a run over a thousand JSONL shards would pay a
    thousand times.

    >>> with WorkerPool(2) as pool:
    ...     pool.started
    False
    """

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self._executor = None

    @property
    def started(self) -> bool:
        return self._executor is not None

    def executor(self):
        if self._executor is None:
            from concurrent.futures import ProcessPoolExecutor

            self._executor = ProcessPoolExecutor(max_workers=self.jobs)
        return self._executor

    def __enter__(self) -> WorkerPool:
        return self

    def __exit__(self, *exc) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)


def clean_stream(stream, out, plan: Plan, *, name: str = "<stdin>", text_field: str = "text",
                 with_removed: bool = False, on_bad: Callable[[str], None] | None = None,
                 jobs: int = 1, pool: WorkerPool | None = None) -> tuple[int, int]:
    """Clean every record of ``stream`` into ``out``, flushing after each record.
    Returns (records written, bad lines skipped).

    With ``jobs`` > 1, records after the first ``BEFORE_POOL`` are cleaned by that many
    worker processes (``pool``'s, else a pool of the stream's own) and written in input
    order, each as soon as it and those before it are done; a bad line is reported (or
    fails the run) at its place in the order.
    """
    counts = [0, 0]  # written, skipped
    events = _events(stream, name, text_field)
    head = itertools.islice(events, BEFORE_POOL) if jobs > 1 else events
    for kind, value in head:
        _emit(kind, value if kind == "bad" else clean_record(value, plan, text_field, with_removed), out, on_bad, counts)
    if jobs > 1:
        rest = next(events, None)
        if rest is not None:  # a longer stream: the pool is worth starting
            with WorkerPool(jobs) if pool is None else contextlib.nullcontext(pool) as workers:
                _clean_in_pool(itertools.chain([rest], events), out, plan, text_field, with_removed, on_bad,
                               workers, counts)
    return counts[0], counts[1]


def _events(stream, name: str, text_field: str) -> Iterator[tuple[str, object]]:
    """("record", dict) or ("bad", message) for each non-blank line, in order."""
    for number, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        try:
            yield "record", parse_record(raw, text_field)
        except (ValueError, RecursionError) as exc:
            yield "bad", f"{name}:{number}: bad record: {_short(exc)}"


def _emit(kind: str, value, out, on_bad, counts: list[int]) -> None:
    """Write a cleaned record, or report a bad line (raise :class:`BadRecord` when
    ``on_bad`` is None)."""
    if kind == "bad":
        if on_bad is None:
            raise BadRecord(value)
        counts[1] += 1
        on_bad(value)
    else:
        out.write(dump_record(value))
        out.flush()
        counts[0] += 1


def _clean_in_pool(events, out, plan: Plan, text_field: str, with_removed: bool,
                   on_bad, workers: WorkerPool, counts: list[int]) -> None:
    """The rest of the stream through the pool's worker processes.

    A reader thread parses lines and submits records; this thread writes results in
    input order. Between them a bounded queue of futures (and bad-line messages):
    when it is full, the reader waits, so at most ``IN_FLIGHT_PER_JOB`` records per
    worker are in memory; and since the reader never waits for a result, a record is
    written as soon as it is clean, even while the stream upstream is idle.
    """
    import queue
    import threading

    executor = workers.executor()
    window: queue.Queue = queue.Queue(maxsize=IN_FLIGHT_PER_JOB * workers.jobs)
    stop = threading.Event()

    def read() -> None:
        try:
            for kind, value in events:
                if stop.is_set():
                    return
                if kind == "record":
                    value = executor.submit(clean_record, value, plan, text_field, with_removed)
                window.put((kind, value))
        except BaseException as exc:  # noqa: BLE001 - handed to the writer, in order
            window.put(("error", exc))
        else:
            window.put(("end", None))

    threading.Thread(target=read, name="newsclean-jsonl-reader", daemon=True).start()
    try:
        while True:
            kind, value = window.get()
            if kind == "end":
                break
            if kind == "error":
                raise value
            _emit(kind, value if kind == "bad" else value.result(), out, on_bad, counts)
    except BaseException:
        # Stop the reader (it may be waiting for room in the window) and cancel this
        # stream's records not yet started: a shared pool is not ours to shut down.
        stop.set()
        while not window.empty():
            kind, value = window.get_nowait()
            if kind == "record":
                value.cancel()
        raise


def clean_jsonl(files, plan: Plan, *, output=None, text_field="text", with_removed=False,
                skip_bad=False, quiet=False, jobs: int = 1) -> int:
    """The CLI's ``--input-format jsonl``: every file (``-`` is stdin) in turn, records
    written to ``output`` or stdout, cleaned by ``jobs`` processes. Bad lines are always
    reported on stderr (even with ``quiet``); with ``skip_bad`` the run goes on and
    still exits 0."""
    def report(msg: str) -> None:
        sys.stderr.write(f"skipped {msg}\n")
        sys.stderr.flush()

    total_written = total_skipped = 0
    # -o FILE: written through the one atomic path; replaced only when every record is
    # written, so a full disk or a failed line leaves the previous output whole.
    with (atomic_output(output) if output else contextlib.nullcontext(sys.stdout.buffer)) as out, \
            WorkerPool(jobs) as workers:  # one pool for all the files, started if needed
        try:
            for name in files:
                stream = _open(name)
                try:
                    written, skipped = clean_stream(
                        stream, out, plan, name="<stdin>" if name == "-" else name, text_field=text_field,
                        with_removed=with_removed, on_bad=report if skip_bad else None, jobs=jobs,
                        pool=workers,
                    )
                    total_written += written
                    total_skipped += skipped
                finally:
                    if stream is not sys.stdin.buffer:
                        stream.close()
        finally:
            if not output:
                out.flush()
    if not quiet and total_skipped:
        sys.stderr.write(
            f"{total_written} record{'' if total_written == 1 else 's'} cleaned, "
            f"{total_skipped} bad line{'' if total_skipped == 1 else 's'} skipped.\n"
        )
    return EXIT_OK
