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

from .concurrency import Pool
from .files import InputError
from .runner import Plan, clean_text


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
    from .writers import removed_records

    pipeline = plan.pipeline()
    doc, passed = clean_text(record[text_field], plan)
    if not passed:  # a pattern that timed out leaves the text as it came, with a note
        record[text_field] = pipeline.render(doc, plan.fmt if plan.fmt in ("text", "markdown") else "text")
    if with_removed:
        record["removed"] = removed_records(doc)
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

# The run's one pool (see newsclean.concurrency), under the name streams have used.
WorkerPool = Pool


def clean_stream(stream, out, plan: Plan, *, name: str = "<stdin>", text_field: str = "text",
                 with_removed: bool = False, on_bad: Callable[[str], None] | None = None,
                 jobs: int = 1, pool: Pool | None = None, pass_bad: bool = False) -> tuple[int, int]:
    """Clean every record of ``stream`` into ``out``, flushing after each record.
    Returns (lines written, bad lines skipped).

    With ``jobs`` > 1, records after the first ``BEFORE_POOL`` are cleaned by that many
    worker processes (``pool``'s, else a pool of the stream's own) and written in input
    order, each as soon as it and those before it are done; a bad line is reported (or
    fails the run) at its place in the order. With ``pass_bad``, a bad line (and a blank
    one) is written out as it came, so that output line N is input line N.
    """
    counts = [0, 0]  # written, skipped
    events = _events(stream, name, text_field, keep_blank=pass_bad)
    head = itertools.islice(events, BEFORE_POOL) if jobs > 1 else events
    for kind, value in head:
        if kind == "record":
            value = clean_record(value, plan, text_field, with_removed)  # type: ignore[arg-type]
        _emit(kind, value, out, on_bad, counts, pass_bad)
    if jobs > 1:
        rest = next(events, None)
        if rest is not None:  # a longer stream: the pool is worth starting
            with Pool(jobs) if pool is None else contextlib.nullcontext(pool) as workers:
                _clean_in_pool(itertools.chain([rest], events), out, plan, text_field, with_removed, on_bad,
                               workers, counts, pass_bad)
    return counts[0], counts[1]


def _events(stream, name: str, text_field: str, keep_blank: bool = False) -> Iterator[tuple[str, object]]:
    """("record", dict) or ("bad", (message, line)) for each non-blank line, in order
    (and ("bad", (None, line)) for a blank one with ``keep_blank``)."""
    for number, raw in enumerate(stream, 1):
        if not raw.strip():
            if keep_blank:
                yield "bad", (None, raw)
            continue
        try:
            yield "record", parse_record(raw, text_field)
        except (ValueError, RecursionError) as exc:
            yield "bad", (f"{name}:{number}: bad record: {_short(exc)}", raw)


def _emit(kind: str, value, out, on_bad, counts: list[int], pass_bad: bool = False) -> None:
    """Write a cleaned record, or handle a bad line: written unchanged (``pass_bad``),
    reported and skipped (``on_bad``), else :class:`BadRecord` is raised."""
    if kind == "bad":
        message, raw = value
        if pass_bad:
            out.write(raw if raw.endswith(b"\n") else raw + b"\n")
            out.flush()
            counts[0] += 1
            return
        if on_bad is None:
            raise BadRecord(message)
        counts[1] += 1
        on_bad(message)
    else:
        out.write(dump_record(value))
        out.flush()
        counts[0] += 1


def _clean_in_pool(events, out, plan: Plan, text_field: str, with_removed: bool,
                   on_bad, workers: Pool, counts: list[int], pass_bad: bool = False) -> None:
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
            _emit(kind, value if kind == "bad" else value.result(), out, on_bad, counts, pass_bad)
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
                on_bad_line: str = "fail", jobs: int = 1, pool: Pool | None = None,
                on_bad: Callable[[str], None] | None = None) -> tuple[int, int]:
    """The CLI's ``--input-format jsonl``: every file (``-`` is stdin) in turn, records
    written to ``output`` or stdout, cleaned by ``jobs`` processes of ``pool``. A bad
    line fails the run (``on_bad_line="fail"``: :class:`BadRecord`), is given to
    ``on_bad`` and left out (``"skip"``), or is written unchanged (``"pass"``).
    Returns (lines written, bad lines skipped). The caller has made sure that
    ``output`` is none of ``files``."""
    out = open(output, "wb") if output else sys.stdout.buffer
    total_written = total_skipped = 0
    try:
        with contextlib.nullcontext(pool) if pool is not None else Pool(jobs) as workers:
            for name in files:
                stream = _open(name)
                try:
                    written, skipped = clean_stream(
                        stream, out, plan, name="<stdin>" if name == "-" else name, text_field=text_field,
                        with_removed=with_removed, on_bad=on_bad if on_bad_line == "skip" else None, jobs=jobs,
                        pool=workers, pass_bad=on_bad_line == "pass",
                    )
                    total_written += written
                    total_skipped += skipped
                finally:
                    if stream is not sys.stdin.buffer:
                        stream.close()
    finally:
        if output:
            out.close()
        else:
            out.flush()
    return total_written, total_skipped
