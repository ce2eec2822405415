"""JSONL streams: one JSON object per line in, the same object with its text cleaned out.

Streamed record by record: a line is read, cleaned, written and flushed before the next
is read, so memory stays flat however long the stream and a reader downstream sees each
record as soon as it is ready. Every field but the text field is kept as it came (in its
order); ``with_removed`` adds ``removed`` (line, text, stage, rule) and a page the
safety valve kept gets ``notes``.

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

import json
import sys
from typing import BinaryIO, Callable, Iterator

from .files import InputError
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


def iter_records(stream, name: str, text_field: str, on_bad: Callable[[str], None] | None) -> Iterator[tuple[int, dict]]:
    """Yield (line number, record). A bad line goes to ``on_bad(message)``, or raises
    :class:`BadRecord` when ``on_bad`` is None. Blank lines are passed over."""
    for number, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        try:
            record = parse_record(raw, text_field)
        except (ValueError, RecursionError) as exc:
            msg = f"{name}:{number}: bad record: {_short(exc)}"
            if on_bad is None:
                raise BadRecord(msg) from None
            on_bad(msg)
            continue
        yield number, record


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


def clean_stream(stream, out, plan: Plan, *, name: str = "<stdin>", text_field: str = "text",
                 with_removed: bool = False, on_bad: Callable[[str], None] | None = None) -> tuple[int, int]:
    """Clean every record of ``stream`` into ``out``, flushing after each record.
    Returns (records written, bad lines skipped)."""
    written = skipped = 0

    def bad(msg: str) -> None:
        nonlocal skipped
        skipped += 1
        assert on_bad is not None
        on_bad(msg)

    for _, record in iter_records(stream, name, text_field, bad if on_bad else None):
        out.write(dump_record(clean_record(record, plan, text_field, with_removed)))
        out.flush()
        written += 1
    return written, skipped


def clean_jsonl(files, plan: Plan, *, output=None, text_field="text", with_removed=False,
                skip_bad=False, quiet=False) -> int:
    """The CLI's ``--input-format jsonl``: every file (``-`` is stdin) in turn, records
    written to ``output`` or stdout. Bad lines are always reported on stderr (even with
    ``quiet``); with ``skip_bad`` the run goes on and still exits 0."""
    out = open(output, "wb") if output else sys.stdout.buffer

    def report(msg: str) -> None:
        sys.stderr.write(f"skipped {msg}\n")
        sys.stderr.flush()

    total_written = total_skipped = 0
    try:
        for name in files:
            stream = _open(name)
            try:
                written, skipped = clean_stream(
                    stream, out, plan, name="<stdin>" if name == "-" else name, text_field=text_field,
                    with_removed=with_removed, on_bad=report if skip_bad else None,
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
    if not quiet and total_skipped:
        sys.stderr.write(
            f"{total_written} record{'' if total_written == 1 else 's'} cleaned, "
            f"{total_skipped} bad line{'' if total_skipped == 1 else 's'} skipped.\n"
        )
    return EXIT_OK
