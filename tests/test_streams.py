"""JSONL streams (--input-format jsonl): records in, the same records with clean text out.

The CLI cases run the real command in a subprocess: stdin, stdout and exit codes are
what a user of a shell pipeline sees.
"""

from __future__ import annotations

import io
import json
import os
import queue
import subprocess
import sys
import threading

import pytest

import newsclean
from newsclean.runner import Plan
from newsclean.streams import BadRecord, clean_record, clean_stream, dump_record

PAGE = "Go to home page\n\nThe minister spoke for an hour about the budget.\n\nBack to top | Share"
OTHER = "Share on Facebook | Tweet\nA second story, about the harbour, told in one line."


def run_cli(*args, stdin: bytes = b"", env=None, cwd=None):
    full_env = {**os.environ, **(env or {})}
    full_env.pop("PRE_COMMIT", None)
    return subprocess.run(
        [sys.executable, "-m", "newsclean", *args], input=stdin, capture_output=True, env=full_env, cwd=cwd,
        timeout=60,
    )


def jsonl(*records) -> bytes:
    return b"".join(json.dumps(r).encode() + b"\n" for r in records)


def records(out: bytes) -> list[dict]:
    return [json.loads(line) for line in out.splitlines()]


# ---------------------------------------------------------------- the library core


def test_clean_record_cleans_the_text_and_keeps_every_other_field_in_order():
    rec = {"id": 7, "url": "https://example.org/a", "text": PAGE, "meta": {"lang": "en", "tags": [1, 2]}}
    out = clean_record(rec, Plan())
    assert list(out) == ["id", "url", "text", "meta"]
    assert out["text"] == newsclean.clean(PAGE)
    assert (out["id"], out["url"], out["meta"]) == (7, "https://example.org/a", {"lang": "en", "tags": [1, 2]})


def test_with_removed_lists_each_removed_line_with_stage_and_rule():
    out = clean_record({"text": PAGE}, Plan(), with_removed=True)
    expected = [
        {"line": r.line, "text": r.text, "stage": r.stage, "rule": r.rule}
        for r in newsclean.clean_and_explain(PAGE).removed
    ]
    assert out["newsclean_removed"] == expected
    assert [r["line"] for r in out["newsclean_removed"]] == [1, 5]


def test_another_text_field():
    out = clean_record({"body": PAGE, "text": "left alone | Share"}, Plan(), text_field="body")
    assert out["body"] == newsclean.clean(PAGE)
    assert out["text"] == "left alone | Share"


@pytest.mark.parametrize(
    "line, problem",
    [
        (b"not json at all", "Expecting value"),
        (b"[1, 2, 3]", "not a JSON object but list"),
        (b'"a string"', "not a JSON object but str"),
        (b'{"id": 1}', "no field 'text'"),
        (b'{"text": 42}', "field 'text' is not a string"),
        (b'{"text": null}', "field 'text' is not a string"),
        (b'{"text": "caf\xe9"}', "invalid continuation byte"),  # Latin-1, not UTF-8
        (b'{"text": "unterminated', "Unterminated string"),  # the line ends inside the string
    ],
)
def test_bad_lines_are_named_by_number_and_reason(line, problem):
    stream = io.BytesIO(jsonl({"text": "One."}) + line + b"\n" + jsonl({"text": "Three."}))
    with pytest.raises(BadRecord) as err:
        clean_stream(stream, io.BytesIO(), Plan(), name="in.jsonl")
    assert str(err.value).startswith("in.jsonl:2: bad record: ")
    assert problem in str(err.value)

    skipped: list[str] = []
    out = io.BytesIO()
    assert clean_stream(io.BytesIO(stream.getvalue()), out, Plan(), name="in.jsonl", on_bad=skipped.append) == (2, 1)
    assert [r["text"] for r in records(out.getvalue())] == ["One.\n", "Three.\n"]
    assert len(skipped) == 1 and skipped[0].startswith("in.jsonl:2: ")


def test_blank_lines_and_crlf_line_ends_are_fine():
    stream = io.BytesIO(b'{"text": "One."}\r\n\r\n   \n{"text": "Two."}')  # no final newline either
    out = io.BytesIO()
    assert clean_stream(stream, out, Plan()) == (2, 0)
    assert [r["text"] for r in records(out.getvalue())] == ["One.\n", "Two.\n"]


def test_a_lone_surrogate_is_written_as_an_escape_not_as_broken_utf8():
    line = dump_record({"text": "a\ud800b", "note": "é"})
    assert line == b'{"text": "a\\ud800b", "note": "\\u00e9"}\n'
    assert json.loads(line)["text"] == "a\ud800b"


def test_non_ascii_is_written_as_utf8():
    assert dump_record({"text": "Grüße – ça va"}) == '{"text": "Grüße – ça va"}\n'.encode()


# ---------------------------------------------------------------- through the CLI


def test_cli_stdin_to_stdout():
    inp = jsonl({"id": 1, "text": PAGE}, {"id": 2, "text": OTHER, "extra": [True, None]})
    res = run_cli("--input-format", "jsonl", stdin=inp)
    assert res.returncode == 0, res.stderr
    assert records(res.stdout) == [
        {"id": 1, "text": newsclean.clean(PAGE)},
        {"id": 2, "text": newsclean.clean(OTHER), "extra": [True, None]},
    ]
    assert res.stderr == b""


def test_cli_files_in_order_with_text_field_and_removed(tmp_path):
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_bytes(jsonl({"body": PAGE}))
    b.write_bytes(jsonl({"body": OTHER}, {"body": "Plain sentence, nothing to remove."}))
    res = run_cli("--input-format", "jsonl", "--text-field", "body", "--with-removed", str(a), str(b))
    assert res.returncode == 0, res.stderr
    out = records(res.stdout)
    assert [r["body"] for r in out] == [newsclean.clean(PAGE), newsclean.clean(OTHER), "Plain sentence, nothing to remove.\n"]
    assert [len(r["newsclean_removed"]) for r in out] == [2, 1, 0]
    assert out[1]["newsclean_removed"][0] == {"line": 1, "text": "Share on Facebook | Tweet", "stage": "boilerplate-lines",
                                    "rule": "phrase:share"}


def test_cli_output_file(tmp_path):
    dest = tmp_path / "clean.jsonl"
    res = run_cli("--input-format", "jsonl", "-o", str(dest), "-", stdin=jsonl({"text": PAGE}))
    assert res.returncode == 0, res.stderr
    assert res.stdout == b""
    assert records(dest.read_bytes()) == [{"text": newsclean.clean(PAGE)}]


def test_cli_bad_line_fails_the_run_by_default_after_the_good_records():
    inp = jsonl({"text": "One."}) + b"{broken\n" + jsonl({"text": "Three."})
    res = run_cli("--input-format", "jsonl", stdin=inp)
    assert res.returncode == 123
    assert records(res.stdout) == [{"text": "One.\n"}]
    assert b"<stdin>:2: bad record" in res.stderr


def test_cli_bad_lines_skipped_on_request_are_reported_with_their_numbers(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_bytes(jsonl({"text": "One."}) + b"[]\n" + jsonl({"text": "Three."}) + b'{"id": 4}\n')
    res = run_cli("--input-format", "jsonl", "--on-bad-line", "skip", str(src))
    assert res.returncode == 0
    assert records(res.stdout) == [{"text": "One.\n"}, {"text": "Three.\n"}]
    err = res.stderr.decode()
    assert f"skipped {src}:2: bad record: not a JSON object" in err
    assert f"skipped {src}:4: bad record: no field 'text'" in err
    assert "2 records cleaned, 2 bad lines skipped." in err


def test_cli_bad_lines_are_reported_even_when_quiet():
    res = run_cli("--input-format", "jsonl", "--on-bad-line", "skip", "-q", stdin=b"nope\n")
    assert res.returncode == 0
    assert b"<stdin>:1: bad record" in res.stderr
    assert b"bad lines skipped" not in res.stderr


def test_cli_rejects_an_unknown_on_bad_line_value():
    res = run_cli("--input-format", "jsonl", "--on-bad-line", "ignore", stdin=b"")
    assert res.returncode == 2


def test_cli_missing_input_file_fails_with_its_name(tmp_path):
    res = run_cli("--input-format", "jsonl", str(tmp_path / "nope.jsonl"))
    assert res.returncode == 123
    assert b"nope.jsonl" in res.stderr


def test_records_come_out_while_the_stream_is_still_open():
    """Each record is written and flushed before the next is read: a reader downstream
    gets record 1 while the writer upstream has not yet sent record 2."""
    env = {**os.environ}
    env.pop("PRE_COMMIT", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsclean", "--input-format", "jsonl"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(l) for l in iter(proc.stdout.readline, b"")], daemon=True).start()
    try:
        proc.stdin.write(jsonl({"n": 1, "text": PAGE}))
        proc.stdin.flush()
        first = lines.get(timeout=30)  # stdin still open: only streaming can answer this
        assert json.loads(first) == {"n": 1, "text": newsclean.clean(PAGE)}
        proc.stdin.write(jsonl({"n": 2, "text": OTHER}))
        proc.stdin.close()
        second = lines.get(timeout=30)
        assert json.loads(second)["n"] == 2
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_the_stream_is_read_lazily_not_slurped(monkeypatch):
    """clean_stream pulls one line at a time: a generator that fails after the first
    record still lets that record through first."""

    def lines():
        yield jsonl({"text": "One."})
        raise RuntimeError("upstream died")

    out = io.BytesIO()
    with pytest.raises(RuntimeError):
        clean_stream(lines(), out, Plan())
    assert records(out.getvalue()) == [{"text": "One.\n"}]


# ---------------------------------------------------------------- with worker processes

from newsclean import streams  # noqa: E402

LONG = streams.BEFORE_POOL * 3  # records enough that most go through the pool


def long_stream(bad_at=()) -> bytes:
    lines = []
    for n in range(LONG):
        if n in bad_at:
            lines.append(b"{not json\n")
        lines.append(jsonl({"n": n, "text": PAGE if n % 2 else OTHER + f" Number {n}."}))
    return b"".join(lines)


@pytest.mark.parametrize("bad_at", [(), (3, streams.BEFORE_POOL + 5, LONG - 1)], ids=["clean", "bad-lines"])
def test_jobs_2_writes_what_jobs_1_writes_in_the_same_order(bad_at):
    outs, reports = [], []
    for jobs in (1, 2):
        out, skipped = io.BytesIO(), []
        counts = clean_stream(io.BytesIO(long_stream(bad_at)), out, Plan(), name="in.jsonl",
                              on_bad=skipped.append, jobs=jobs)
        outs.append(out.getvalue())
        reports.append((counts, skipped))
    assert outs[0] == outs[1]
    assert [r["n"] for r in records(outs[1])] == list(range(LONG))
    assert reports[0] == reports[1] == ((LONG, len(bad_at)), reports[0][1])
    assert len(reports[1][1]) == len(bad_at)


def test_jobs_2_fails_at_a_bad_line_after_writing_every_record_before_it():
    bad = streams.BEFORE_POOL + 7
    out = io.BytesIO()
    with pytest.raises(BadRecord, match=r"in\.jsonl:\d+: bad record"):
        clean_stream(io.BytesIO(long_stream(bad_at=(bad,))), out, Plan(), name="in.jsonl", jobs=2)
    assert [r["n"] for r in records(out.getvalue())] == list(range(bad))


def test_jobs_2_passes_on_an_upstream_error_after_the_records_before_it():
    def lines():
        for n in range(streams.BEFORE_POOL + 10):
            yield jsonl({"n": n, "text": PAGE})
        raise RuntimeError("upstream died")

    out = io.BytesIO()
    with pytest.raises(RuntimeError, match="upstream died"):
        clean_stream(lines(), out, Plan(), jobs=2)
    assert [r["n"] for r in records(out.getvalue())] == list(range(streams.BEFORE_POOL + 10))


def test_jobs_2_holds_a_bounded_number_of_records(monkeypatch):
    """The reader thread waits for room: never more than IN_FLIGHT_PER_JOB * jobs records
    are read ahead of the one being written."""
    read = []

    def lines():
        for n in range(streams.BEFORE_POOL + 200):
            read.append(n)
            yield jsonl({"n": n, "text": PAGE})

    ahead = []

    class Out(io.BytesIO):
        def write(self, data):
            n = json.loads(data)["n"]
            ahead.append(len(read) - 1 - n)
            return super().write(data)

    clean_stream(lines(), Out(), Plan(), jobs=2)
    assert max(ahead) <= streams.IN_FLIGHT_PER_JOB * 2 + 2


def test_cli_jobs_2_streams_records_while_the_stream_is_open():
    """Past the records cleaned before the pool starts, a reader downstream still gets
    each record while the writer upstream waits."""
    env = {**os.environ}
    env.pop("PRE_COMMIT", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsclean", "--input-format", "jsonl", "--jobs", "2"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
    )
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(l) for l in iter(proc.stdout.readline, b"")], daemon=True).start()
    try:
        first = streams.BEFORE_POOL + 4
        proc.stdin.write(b"".join(jsonl({"n": n, "text": PAGE}) for n in range(first)))
        proc.stdin.flush()
        got = [json.loads(lines.get(timeout=30))["n"] for _ in range(first)]  # stdin still open
        assert got == list(range(first))
        proc.stdin.write(jsonl({"n": first, "text": OTHER}))
        proc.stdin.flush()
        assert json.loads(lines.get(timeout=30))["n"] == first
        proc.stdin.close()
        assert proc.wait(timeout=30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_cli_jobs_2_matches_jobs_1():
    data = long_stream(bad_at=(2, streams.BEFORE_POOL + 3))
    one = run_cli("--input-format", "jsonl", "--on-bad-line", "skip", "--jobs", "1", stdin=data)
    two = run_cli("--input-format", "jsonl", "--on-bad-line", "skip", "--jobs", "2", stdin=data)
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout and one.stderr == two.stderr


def test_the_streams_of_one_run_share_one_pool(monkeypatch):
    import concurrent.futures

    started = []

    class Counting(concurrent.futures.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            started.append(1)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Counting)
    alone = io.BytesIO()
    clean_stream(io.BytesIO(long_stream()), alone, Plan(), jobs=1)
    with streams.WorkerPool(2) as workers:
        assert not workers.started  # nothing started before it is needed
        outs = []
        for _ in range(3):
            out = io.BytesIO()
            clean_stream(io.BytesIO(long_stream()), out, Plan(), jobs=2, pool=workers)
            outs.append(out.getvalue())
    assert started == [1]
    assert outs == [alone.getvalue()] * 3


def test_cli_jobs_2_over_several_files_matches_jobs_1(tmp_path):
    for n in range(3):
        (tmp_path / f"shard{n}.jsonl").write_bytes(long_stream(bad_at=(n,)))
    args = ["--input-format", "jsonl", "--on-bad-line", "skip", "shard0.jsonl", "shard1.jsonl", "shard2.jsonl"]
    one = run_cli(*args, "--jobs", "1", cwd=tmp_path)
    two = run_cli(*args, "--jobs", "2", cwd=tmp_path)
    assert one.returncode == two.returncode == 0
    assert one.stdout == two.stdout and one.stderr == two.stderr
    assert len(records(two.stdout)) == 3 * LONG


class _PartialWrites(io.RawIOBase):
    """A raw output that takes at most 1000 bytes a call, as ``sys.stdout.buffer``
    does under ``python -u`` when a signal interrupts a write into a full pipe."""

    def __init__(self) -> None:
        self.got = bytearray()

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:
        n = min(1000, len(b))
        self.got += bytes(b[:n])
        return n


def test_a_raw_output_that_takes_part_of_a_record_at_a_time_gets_every_record_whole():
    """Under PYTHONUNBUFFERED a SIGTERM during a record's write made it return having
    written 103,775 of 157,023 bytes: the record was counted, the summary said so, and
    the output ended with half a line. Each record is now written to its end."""
    text = "Back to top\n" + "A sentence of the story, long enough to matter here.\n" * 200
    src = io.BytesIO(jsonl(*({"id": i, "text": text} for i in range(3))))
    out = _PartialWrites()
    assert clean_stream(src, out, Plan(), name="<test>") == (3, 0)
    assert [r["id"] for r in records(bytes(out.got))] == [0, 1, 2]
    assert bytes(out.got).count(b"\n") == 3 and bytes(out.got).endswith(b"}\n")
