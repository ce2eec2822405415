"""JSONL streams: one JSON object per line in, the same object with its text cleaned out.

Streamed line by line: memory stays flat however long the stream. Every field but the
text field is kept as it came; ``with_removed`` adds ``removed`` (line, stage, rule).
"""

from __future__ import annotations

import json
import sys

from .files import InputError
from .runner import Plan

EXIT_OK, EXIT_FAILED = 0, 123


def _open(name: str):
    if name == "-":
        return sys.stdin.buffer
    try:
        return open(name, "rb")
    except OSError as exc:
        raise InputError(f"{name}: {exc.strerror or exc}") from None


def clean_record(record: dict, plan: Plan, text_field: str, with_removed: bool) -> dict:
    pipeline = plan.pipeline()
    doc = pipeline.run(record[text_field])
    record[text_field] = pipeline.render(doc, "text")
    if with_removed:
        record["removed"] = [
            {"line": ln.number, "text": ln.text, "stage": ln.removal.stage, "rule": ln.removal.rule}
            for ln in doc.lines
            if ln.removal is not None
        ]
    if doc.notes:
        record.setdefault("notes", []).extend(doc.notes)
    return record


def iter_records(stream, name: str, text_field: str, skip_bad: bool, errors: list):
    """Yield (line number, record); report bad lines in ``errors`` or raise InputError."""
    for number, raw in enumerate(stream, 1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
            if not isinstance(record, dict):
                raise ValueError("not a JSON object")
            if not isinstance(record.get(text_field), str):
                raise ValueError(f"no string field {text_field!r}")
        except ValueError as exc:
            msg = f"{name}:{number}: bad record: {exc}"
            if not skip_bad:
                raise InputError(msg) from None
            errors.append(msg)
            continue
        yield number, record


def clean_jsonl(files, plan: Plan, *, output=None, text_field="text", with_removed=False,
                skip_bad=False, quiet=False) -> int:
    out = open(output, "wb") if output else sys.stdout.buffer
    errors: list[str] = []
    try:
        for name in files:
            stream = _open(name)
            try:
                for _, record in iter_records(stream, "<stdin>" if name == "-" else name, text_field, skip_bad, errors):
                    rec = clean_record(record, plan, text_field, with_removed)
                    out.write(json.dumps(rec, ensure_ascii=False).encode("utf-8", "surrogateescape") + b"\n")
                    while errors:
                        sys.stderr.write(f"skipped {errors.pop(0)}\n")
            finally:
                if stream is not sys.stdin.buffer:
                    stream.close()
        while errors:
            sys.stderr.write(f"skipped {errors.pop(0)}\n")
    finally:
        if output:
            out.close()
        else:
            out.flush()
    return EXIT_OK
