"""Issue 11, the command line's part: no way left to lose, corrupt or silently skip a
user's data. Each test is named after what the user would have lost; most run
in-process (``cli``), the signal ones as real processes."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time

import pytest

from newsclean import report, runner
from newsclean.runner import Mode

from .helpers import ROOT, clean_env, cli  # noqa: F401  (cli is a fixture)

DIRTY = b"Home | News | Sport\nThe council approved the new harbour budget on Tuesday evening.\nBack to top\n"
CLEAN = b"The council approved the new harbour budget on Tuesday evening.\n"


def err(proc) -> str:
    return proc.stderr.decode("utf-8", "replace")


def write(path, data: bytes = DIRTY):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# --- 1: an output that is also an input ---------------------------------------------


def test_jsonl_output_naming_its_input_does_not_truncate_the_corpus(cli, tmp_path):
    records = b'{"id": 1, "text": "Back to top\\nThe story, told in one sentence here."}\n'
    corpus = write(tmp_path / "c.jsonl", records)
    proc = cli("--input-format", "jsonl", "c.jsonl", "-o", "c.jsonl")
    assert proc.returncode == 2
    assert "is also an input" in err(proc)
    assert corpus.read_bytes() == records


def test_cluster_part_file_written_over_an_input_is_refused_before_connecting(cli, tmp_path):
    records = b'{"text": "Back to top\\nThe story, told in one sentence here."}\n'
    shard = write(tmp_path / "out" / "part-00000.jsonl", records)
    proc = cli("--scheduler", "tcp://127.0.0.1:1", "--input-format", "jsonl", "out/part-00000.jsonl", "-o", "out")
    assert proc.returncode == 2, err(proc)
    assert "is also an input" in err(proc)
    assert shard.read_bytes() == records


def test_learned_template_written_over_an_input_does_not_destroy_the_article(cli, tmp_path):
    pages = [write(tmp_path / f"p{i}.txt") for i in range(3)]
    proc = cli("--learn-template", "p0.txt", "p0.txt", "p1.txt", "p2.txt")
    assert proc.returncode == 2
    assert "is also an input" in err(proc)
    assert all(p.read_bytes() == DIRTY for p in pages)


def test_jsonl_output_naming_a_hard_link_of_its_input_does_not_truncate_it(cli, tmp_path):
    records = b'{"id": 1, "text": "Back to top\\nThe story, told in one sentence here."}\n'
    corpus = write(tmp_path / "c.jsonl", records)
    os.link(corpus, tmp_path / "same.jsonl")
    proc = cli("--input-format", "jsonl", "c.jsonl", "-o", "same.jsonl")
    assert proc.returncode == 2
    assert corpus.read_bytes() == records


def test_output_folder_writing_over_a_named_input_is_refused(cli, tmp_path):
    page = write(tmp_path / "out" / "x.txt")
    proc = cli("out/x.txt", "-o", "out/")
    assert proc.returncode == 2
    assert "which is an input" in err(proc)
    assert page.read_bytes() == DIRTY


# --- 2: two inputs, one output path ---------------------------------------------------


def test_two_inputs_with_the_same_relative_path_do_not_overwrite_each_other(cli, tmp_path):
    write(tmp_path / "a" / "x.txt")
    write(tmp_path / "b" / "x.txt", DIRTY.replace(b"council", b"mayor"))
    proc = cli("a/x.txt", "b/x.txt", "-o", "out/")
    assert proc.returncode == 2
    assert "a/x.txt and b/x.txt" in err(proc)
    assert not (tmp_path / "out").exists()


def test_two_site_folders_with_the_same_file_names_do_not_overwrite_each_other(cli, tmp_path):
    write(tmp_path / "sites" / "bbc" / "2020" / "0001.txt")
    write(tmp_path / "sites" / "cnn" / "2020" / "0001.txt")
    proc = cli("sites/bbc", "sites/cnn", "-o", "clean")
    assert proc.returncode == 2
    assert "sites/bbc/2020/0001.txt and sites/cnn/2020/0001.txt" in err(proc)
    assert not (tmp_path / "clean").exists()


def test_a_file_named_twice_is_cleaned_once_not_reported_as_a_collision(cli, tmp_path):
    write(tmp_path / "a" / "x.txt")
    proc = cli("a/x.txt", "a/x.txt", "a", "-o", "out")
    assert proc.returncode == 0, err(proc)
    assert (tmp_path / "out" / "x.txt").read_bytes() == CLEAN
    assert err(proc).splitlines()[-1] == "1 file cleaned."


# --- 4: the pre-commit hook ---------------------------------------------------------


def test_hook_leaves_excluded_files_named_by_pre_commit_alone(cli, tmp_path):
    """pre-commit names every file; the config's exclude applies to them under the hook."""
    (tmp_path / "newsclean.toml").write_text('exclude = ["requirements*.txt", "robots.txt"]\n')
    reqs = write(tmp_path / "requirements.txt", b"requests>=2.31\n")
    robots = write(tmp_path / "robots.txt", b"User-agent: *\nDisallow: /admin\n")
    article = write(tmp_path / "news" / "a.txt")
    proc = cli("-i", "requirements.txt", "robots.txt", "news/a.txt", env=clean_env(PRE_COMMIT="1"))
    assert proc.returncode == 1, err(proc)
    assert reqs.read_bytes() == b"requests>=2.31\n"
    assert robots.read_bytes() == b"User-agent: *\nDisallow: /admin\n"
    assert article.read_bytes() == CLEAN
    # Outside pre-commit, --force-exclude asks for the same; without it, a named file is taken.
    write(tmp_path / "requirements.txt", DIRTY)
    assert cli("--check", "--force-exclude", "requirements.txt").returncode == 0
    assert cli("--check", "requirements.txt").returncode == 1


def _hook():
    import yaml  # pre-commit's own dependency

    with open(ROOT / ".pre-commit-hooks.yaml") as f:
        (hook,) = yaml.safe_load(f)
    return hook


@pytest.mark.parametrize(
    "name",
    ["requirements.txt", "requirements-dev.txt", "dev/requirements_test.txt", "robots.txt", "LICENSE.txt",
     "license.txt", "CMakeLists.txt", "COPYING.txt", "NOTICE.txt", "CHANGELOG.txt", "AUTHORS.txt",
     "docs/requirements.txt", "constraints.txt", "THIRD_PARTY_NOTICES.txt", "llms.txt", "humans.txt",
     "security.txt", ".well-known/security.txt", "ads.txt", "CITATION.txt", "pip-requirements.txt"],
)
def test_shipped_hook_never_touches_well_known_files_that_are_not_articles(name):
    hook = _hook()
    assert re.search(hook["files"], name)  # it is a .txt file...
    assert re.search(hook["exclude"], name), f"{name} would be rewritten by the hook"


@pytest.mark.parametrize("name", ["corpus/2020/0001.txt", "news/requirements-of-the-law.txt", "page.txt", "robots-uprising.txt"])
def test_shipped_hook_still_cleans_articles(name):
    hook = _hook()
    assert re.search(hook["files"], name) and not re.search(hook["exclude"], name)


def test_version_is_written_in_one_place():
    import tomllib

    import newsclean

    with open(ROOT / "pyproject.toml", "rb") as f:
        project = tomllib.load(f)["project"]
    assert "version" not in project and "version" in project["dynamic"]
    assert re.fullmatch(r"\d+\.\d+\.\d+", newsclean.__version__)


# --- 5: markdown from the configuration under -i ---------------------------------------


def test_markdown_format_in_config_does_not_add_a_heading_mark_on_every_hook_run(cli, tmp_path):
    (tmp_path / "newsclean.toml").write_text('format = "markdown"\n')
    page = write(tmp_path / "page.txt", b"Home | News\n\nFerry back in service\n\n" + CLEAN)
    assert cli("-i", "page.txt").returncode == 1
    once = page.read_bytes()
    assert not once.startswith(b"#")
    assert cli("-i", "page.txt").returncode == 0  # the hook passes on its second run
    assert page.read_bytes() == once


def test_markdown_asked_for_with_in_place_is_refused(cli, tmp_path):
    page = write(tmp_path / "page.txt")
    proc = cli("-i", "-f", "markdown", "page.txt")
    assert proc.returncode == 2
    assert "--in-place works on text, not markdown" in err(proc)
    assert page.read_bytes() == DIRTY


# --- 14: -o naming the input folder or one above it -----------------------------------


@pytest.mark.parametrize("args", [("corpus", "-o", "corpus"), ("corpus/sub", "-o", "corpus"), ("corpus/sub", "-o", ".")])
def test_output_folder_holding_the_input_is_an_error_not_no_files(cli, tmp_path, args):
    page = write(tmp_path / "corpus" / "sub" / "a.txt")
    proc = cli(*args)
    assert proc.returncode == 2, err(proc)
    assert "holds the input folder" in err(proc)
    assert "no files" not in err(proc)
    assert page.read_bytes() == DIRTY


# --- 16: a pattern that times out in a JSONL record -------------------------------------


def test_catastrophic_rule_in_jsonl_passes_the_record_through_instead_of_aborting(tmp_path):
    (tmp_path / "evil.rules").write_text("[footer]\nre: ^(a|aa)+$\n")
    evil = "Back to top\n" + "a" * 60 + "b\nThe article, in a sentence of its own.\n"
    lines = [{"id": 1, "text": evil}, {"id": 2, "text": "Back to top\nThe second story, in a sentence."}]
    (tmp_path / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines))
    r = subprocess.run(
        [sys.executable, "-m", "newsclean", "--input-format", "jsonl", "--rules", "evil.rules", "in.jsonl"],
        capture_output=True, cwd=tmp_path, env=clean_env(NEWSCLEAN_PATTERN_TIMEOUT="0.05"), timeout=120,
    )
    assert r.returncode == 0, r.stderr
    out = [json.loads(line) for line in r.stdout.splitlines()]
    assert [o["id"] for o in out] == [1, 2]
    assert out[0]["text"] == evil
    notes = out[0].get("newsclean_notes", out[0].get("notes"))  # the io branch names newsclean's additions
    assert notes == ["a pattern timed out: passed through unchanged"]


# --- 18: a worker killed ----------------------------------------------------------------


def test_a_killed_worker_costs_only_its_file_not_the_run(cli, tmp_path, monkeypatch):
    """The out-of-memory killer takes one worker: its file is retried alone, fails again
    and is reported; every other file is cleaned and the run ends with a summary."""
    parent = os.getpid()
    real = runner.process

    def process(source, plan):
        if "poison" in source.path and os.getpid() != parent:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(source, plan)

    monkeypatch.setattr(runner, "process", process)  # the workers are forked: they have it
    for i in range(24):
        write(tmp_path / "c" / f"p{i:02}.txt")
    write(tmp_path / "c" / "p05-poison.txt")
    proc = cli("-i", "-j", "2", "c")
    assert proc.returncode == 123, err(proc)
    lines = err(proc).splitlines()
    assert [ln for ln in lines if "error" in ln] == [
        "newsclean: error: c/p05-poison.txt: the worker process cleaning it died (killed, or out of memory); not cleaned"
    ]
    assert lines[-1] == "24 files cleaned, 1 file failed."
    assert all((tmp_path / "c" / f"p{i:02}.txt").read_bytes() == CLEAN for i in range(24))
    assert (tmp_path / "c" / "p05-poison.txt").read_bytes() == DIRTY


def _kill_worker_on(monkeypatch, poisoned):
    """In a worker process (forked: it has this patch), cleaning a text for which
    ``poisoned(text)`` is true kills the worker, as the out-of-memory killer would."""
    from newsclean import streams

    parent = os.getpid()
    real = streams.clean_text

    def clean_text(text, plan):
        if os.getpid() != parent and poisoned(text):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(text, plan)

    monkeypatch.setattr(streams, "clean_text", clean_text)


STORY = "Back to top\nStory {}, about the harbour, told in a sentence."


def _stream(tmp_path, poison_at=30, n=40):
    lines = [json.dumps({"id": i, "text": STORY.format(i)}) for i in range(n)]
    lines[poison_at] = json.dumps({"id": poison_at, "text": "poison"})
    write(tmp_path / "c.jsonl", "\n".join(lines).encode() + b"\n")
    return lines


@pytest.mark.parametrize("policy", ["fail", "skip", "pass"])
def test_a_record_that_kills_its_worker_twice_costs_only_that_record(cli, tmp_path, monkeypatch, policy):
    """The out-of-memory killer takes a worker: the records it took down with it are
    cleaned again, each alone; the one that kills its worker again is named by its line,
    left out (or passed through unchanged with --on-bad-line pass, so that output line N
    is still input line N), and the rest of the stream is cleaned, in order."""
    _kill_worker_on(monkeypatch, lambda text: text == "poison")
    lines = _stream(tmp_path)
    proc = cli("--input-format", "jsonl", "-j", "2", "--on-bad-line", policy, "c.jsonl")
    assert proc.returncode == 123, err(proc)
    what = "passed through unchanged" if policy == "pass" else "left out"
    assert err(proc).splitlines() == [
        "newsclean: error: c.jsonl:31: the worker process cleaning this record died twice (killed, or out of memory); "
        f"not cleaned, {what}",
        "39 records cleaned, 1 record failed.",
    ]
    out = proc.stdout.decode().splitlines()
    if policy == "pass":
        assert out[30] == lines[30]
        del out[30]
    assert [json.loads(line)["id"] for line in out] == [i for i in range(40) if i != 30]
    assert all(json.loads(line)["text"] == STORY.format(i).split("\n")[1] + "\n"
               for i, line in zip((i for i in range(40) if i != 30), out))


def test_a_worker_killed_once_loses_no_record(cli, tmp_path, monkeypatch):
    """Killed once (the record was not the cause, or memory was short for a moment): every
    record it had is cleaned again, and the run ends as if nothing had happened."""
    marker = tmp_path / "killed-once"

    def once(text):
        if text == "poison" and not marker.exists():
            marker.write_bytes(b"")
            return True
        return False

    _kill_worker_on(monkeypatch, once)
    _stream(tmp_path)
    proc = cli("--input-format", "jsonl", "-j", "2", "c.jsonl")
    assert proc.returncode == 0, err(proc)
    assert marker.exists() and err(proc) == ""
    out = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["id"] for r in out] == list(range(40))
    assert out[30]["text"] == "poison\n"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_worker_killed_while_the_stream_waits_for_input_does_not_hang_it(tmp_path):
    """A worker killed between records, while the reader waits on a stdin that stays
    open: the pool starts again (its new processes must not wait for the stdin the
    reader holds) and the next records come out."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsclean", "--input-format", "jsonl", "-j", "2"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path, env=clean_env(),
    )
    import queue
    import threading

    out: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [out.put(ln) for ln in iter(proc.stdout.readline, b"")], daemon=True).start()
    try:
        def send(ids):
            proc.stdin.write(b"".join(json.dumps({"id": i, "text": STORY.format(i)}).encode() + b"\n" for i in ids))
            proc.stdin.flush()
            return [json.loads(out.get(timeout=20))["id"] for _ in ids]

        assert send(range(30)) == list(range(30))  # past the first records: the pool is up
        workers = _children(proc.pid)
        assert workers
        os.kill(workers[0], signal.SIGKILL)
        time.sleep(0.5)
        assert send(range(30, 35)) == list(range(30, 35))
        proc.stdin.close()
        assert proc.wait(timeout=60) == 0
        assert proc.stderr.read() == b""
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


# --- 19, 20: signals ----------------------------------------------------------------------

PARAGRAPH = (
    "The minister said on Tuesday that the talks would go on next week, and that both "
    "sides had agreed to meet again in the capital before the end of the month.\n\n"
)


def _paragraphs(n: int) -> str:
    """``n`` paragraphs, each its own (a paragraph printed again is a second copy,
    which cleaning removes)."""
    return "".join(f"Paragraph {k}: {PARAGRAPH}" for k in range(n))


def _corpus(folder, n=120, paragraphs=150):
    originals = {}
    for i in range(n):
        data = b"Home | News | Sport\n" + (f"Story {i}.\n\n" + _paragraphs(paragraphs)).encode() + b"Back to top\n"
        originals[str(write(folder / f"p{i:03}.txt", data))] = data
    return originals


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(p) for p in f.read().split()]
    except OSError:
        return []


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ", 1)[1][0] != "Z"
    except OSError:
        return False


def _start_and_wait_for_fixing(folder, jobs: int):
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsclean", "-i", "-j", str(jobs), str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=clean_env(), cwd=folder,
    )
    first = proc.stderr.readline()  # the first "Fixing": the run is under way
    assert first.startswith(b"Fixing "), first
    return proc, first


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("sig, code, jobs", [(signal.SIGTERM, 143, 2), (signal.SIGINT, 130, 2), (signal.SIGINT, 130, 1)])
def test_signal_mid_run_reports_every_rewritten_file_and_leaves_no_worker(tmp_path, sig, code, jobs):
    folder = tmp_path / "c"
    originals = _corpus(folder)
    proc, first = _start_and_wait_for_fixing(folder, jobs)
    workers = _children(proc.pid)
    proc.send_signal(sig)
    rest = proc.stderr.read()
    assert proc.wait(timeout=60) == code, rest
    lines = (first + rest).decode().splitlines()
    fixed = {ln[len("Fixing "):] for ln in lines if ln.startswith("Fixing ")}
    changed = {p for p, data in originals.items() if open(p, "rb").read() != data}
    assert fixed == changed  # every rewritten file reported, and only those
    assert len(changed) < len(originals), "the run finished before the signal: make the corpus bigger"
    assert "Interrupted" in lines[-1] and "file" in lines[-1]
    assert not [f for f in os.listdir(folder) if not f.endswith(".txt")]  # no temp file left
    time.sleep(0.5)
    assert not [w for w in workers if _alive(w)]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_die_with_a_killed_parent_instead_of_rewriting_files_forever(tmp_path):
    folder = tmp_path / "c"
    _corpus(folder)
    proc, _ = _start_and_wait_for_fixing(folder, 2)
    workers = _children(proc.pid)
    assert workers
    proc.kill()
    proc.wait(timeout=60)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.1)
    assert not [w for w in workers if _alive(w)]


@pytest.mark.parametrize("jobs", ["1", "2"])
@pytest.mark.parametrize("sig, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_signal_while_a_jsonl_stream_waits_for_input_ends_cleanly_not_with_a_fatal_error(tmp_path, sig, code, jobs):
    """The reader thread is blocked on a stdin that stays open: exiting used to abort the
    interpreter (exit 134, "Fatal Python error"). With -j 1 the main thread itself waits
    on stdin: a signal noted for later would wait there for ever; it stops at once."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsclean", "--input-format", "jsonl", "-j", jobs],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path, env=clean_env(),
    )
    for i in range(40):
        proc.stdin.write(json.dumps({"id": i, "text": f"Back to top\nStory {i}, told in one sentence."}).encode() + b"\n")
    proc.stdin.flush()
    got = [proc.stdout.readline() for _ in range(40)]  # every record so far is out
    assert all(json.loads(line)["id"] == i for i, line in enumerate(got))
    proc.send_signal(sig)
    assert proc.wait(timeout=60) == code
    assert proc.stderr.read() == b"40 records cleaned. Interrupted: the rest of the input was not read.\n"
    proc.stdin.close()


def _first_lines(proc, n: int) -> bytes:
    """At least ``n`` whole lines of ``proc``'s stdout, and every byte read with them.
    Read from the pipe itself: ``proc.stdout.readline()`` keeps what it read past the
    line in its buffer, which ``communicate()`` (reading the descriptor) never sees, so
    the next line looked cut at its start ("Expecting value: line 1 column 1")."""
    head = b""
    while head.count(b"\n") < n:
        chunk = os.read(proc.stdout.fileno(), 1 << 16)
        if not chunk:
            break
        head += chunk
    return head


def _big_records(path, n=80):
    """Records slow enough to clean (~0.1 s each) that a signal finds some in flight."""
    path.write_bytes(b"".join(
        json.dumps({"id": i, "text": "Home | News\n" + _paragraphs(1000) + "Back to top\n"}).encode() + b"\n"
        for i in range(n)
    ))


@pytest.mark.parametrize("sig, code, jobs", [(signal.SIGTERM, 143, 2), (signal.SIGINT, 130, 2), (signal.SIGINT, 130, 1)])
def test_signal_mid_jsonl_stream_writes_whole_records_in_order_then_the_summary(tmp_path, sig, code, jobs):
    """The records being cleaned are finished and written in order, never half a line,
    then the summary says how many; no record after a gap."""
    from newsclean.streams import BEFORE_POOL

    _big_records(tmp_path / "c.jsonl")
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsclean", "--input-format", "jsonl", "-j", str(jobs), "c.jsonl"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path, env=clean_env(),
    )
    first = _first_lines(proc, BEFORE_POOL + 2)  # past the first records
    proc.send_signal(sig)
    rest, errors = proc.communicate(timeout=60)
    assert proc.returncode == code, errors
    out = (first + rest).decode().split("\n")
    assert out.pop() == ""  # the last line is whole
    assert [json.loads(line)["id"] for line in out] == list(range(len(out)))
    assert len(out) < 80, "the run finished before the signal: make the records bigger"
    assert errors.decode().splitlines() == [f"{len(out)} records cleaned. Interrupted: the rest of the input was not read."]


@pytest.mark.parametrize("sig, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_signal_mid_jsonl_stream_into_a_file_leaves_the_old_output_whole(tmp_path, sig, code):
    _big_records(tmp_path / "c.jsonl")
    old = write(tmp_path / "out.jsonl", b'{"id": "the previous run"}\n')
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsclean", "--input-format", "jsonl", "-j", "2", "c.jsonl", "-o", "out.jsonl"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path, env=clean_env(),
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:  # records are going into the temp file
        temps = [p for p in tmp_path.iterdir() if p.name.endswith(".newsclean-tmp")]
        if temps and temps[0].stat().st_size > 100_000:
            break
        time.sleep(0.02)
    proc.send_signal(sig)
    _, errors = proc.communicate(timeout=60)
    assert proc.returncode == code, errors
    assert old.read_bytes() == b'{"id": "the previous run"}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.jsonl", "out.jsonl"]
    (line,) = errors.decode().splitlines()
    assert line.startswith("Interrupted: out.jsonl left as it was (") and line.endswith("before the signal, not written).")


# --- 22, 24: what JSONL mode cannot do is refused -------------------------------------


@pytest.mark.parametrize(
    "flags, needle",
    [
        (["-i"], "--in-place"),
        (["--check"], "--check"),
        (["--diff"], "--diff"),
        (["--explain"], "--explain"),
        (["--learn-template", "t.json"], "--learn-template"),
        (["-f", "json"], "not json"),
        (["-o", "outdir"], "is a folder"),
    ],
)
def test_jsonl_mode_refuses_what_it_would_silently_ignore(cli, tmp_path, flags, needle):
    (tmp_path / "outdir").mkdir()
    records = b'{"text": "Back to top\\nThe story, told in one sentence here."}\n'
    write(tmp_path / "c.jsonl", records)
    proc = cli("--input-format", "jsonl", *flags, "c.jsonl")
    assert proc.returncode == 2, err(proc)
    assert needle in err(proc) and proc.stdout == b""
    assert (tmp_path / "c.jsonl").read_bytes() == records
    assert not (tmp_path / "t.json").exists()


def test_jsonl_records_without_text_pass_through_so_lines_still_match(cli, tmp_path):
    lines = [
        b'{"id": 1, "text": "Back to top\\nThe first story, told in a sentence."}',
        b'{"id": 2, "body": "no text field here"}',
        b"",
        b"not json at all",
        b'{"id": 3, "text": "The third story, told in a sentence."}',
    ]
    write(tmp_path / "c.jsonl", b"\n".join(lines) + b"\n")
    proc = cli("--input-format", "jsonl", "--on-bad-line", "pass", "c.jsonl")
    assert proc.returncode == 0, err(proc)
    out = proc.stdout.split(b"\n")[:-1]
    assert len(out) == len(lines)
    assert out[1:4] == lines[1:4]
    assert json.loads(out[0])["text"] == "The first story, told in a sentence.\n"


def test_jsonl_markdown_text_field_is_allowed(cli, tmp_path):
    write(tmp_path / "c.jsonl", b'{"text": "Ferry back\\n\\nThe council approved the new harbour budget on Tuesday evening."}\n')
    assert cli("--input-format", "jsonl", "-f", "markdown", "c.jsonl").returncode == 0


# --- 25: values a flag does not take --------------------------------------------------


@pytest.mark.parametrize(
    "flags, needle",
    [(["-j", "0"], "must be 1 or more"), (["-j", "-3"], "must be 1 or more"), (["--language", "klingon"], "klingon")],
)
def test_nonsense_values_are_usage_errors_not_silently_accepted(cli, tmp_path, flags, needle):
    write(tmp_path / "a.txt")
    proc = cli(*flags, "a.txt")
    assert proc.returncode == 2
    assert needle in err(proc)
    assert proc.stdout == b""


def test_nonsense_values_in_the_config_are_configuration_errors(cli, tmp_path):
    """As any configuration that cannot be used: exit 123, naming the file."""
    write(tmp_path / "a.txt")
    (tmp_path / "newsclean.toml").write_text('jobs = 0\n')
    proc = cli("a.txt")
    assert proc.returncode == 123 and "newsclean.toml" in err(proc) and "jobs" in err(proc)
    (tmp_path / "newsclean.toml").write_text('language = "klingon"\n')
    proc = cli("a.txt")
    assert proc.returncode == 123 and "newsclean.toml" in err(proc) and "klingon" in err(proc)
    assert proc.stdout == b""


@pytest.fixture
def pools_started(monkeypatch):
    """The ``max_workers`` of every process pool started, on a machine of one core."""
    import concurrent.futures

    from newsclean import concurrency

    started = []

    class Counting(concurrent.futures.ProcessPoolExecutor):
        def __init__(self, *args, max_workers=None, **kwargs):
            started.append(max_workers)
            # Fail before forking: an uncapped -j 10000 would start 10,000 processes.
            assert max_workers is not None and max_workers <= 16, f"a pool of {max_workers} workers"
            super().__init__(*args, max_workers=max_workers, **kwargs)

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", Counting)
    monkeypatch.setattr(concurrency, "cores", lambda: 1)
    return started


@pytest.mark.parametrize("source", ["flag", "config"])
def test_a_huge_jobs_number_starts_a_few_workers_per_core_not_thousands(cli, tmp_path, pools_started, source):
    """-j 10000 on one core: 4 workers, a one-line note, and the run is done as asked."""
    from newsclean.concurrency import MAX_JOBS_PER_CORE

    for i in range(8 * MAX_JOBS_PER_CORE):
        write(tmp_path / "c" / f"p{i:02}.txt")
    if source == "flag":
        proc = cli("-i", "-j", "10000", "c")
        note = "newsclean: note: -j 10000: using 4 worker processes (at most 4 per core, 1 core here)"
    else:  # the note names the configuration file
        (tmp_path / "newsclean.toml").write_text("jobs = 10000\n")
        proc = cli("-i", "c")
        note = "/newsclean.toml: jobs = 10000: using 4 worker processes (at most 4 per core, 1 core here)"
    assert proc.returncode == 1, err(proc)
    assert pools_started == [MAX_JOBS_PER_CORE]
    lines = err(proc).splitlines()
    assert lines[0].endswith(note) and lines[-1] == "32 files cleaned."
    assert all(p.read_bytes() == CLEAN for p in (tmp_path / "c").iterdir())


def test_a_huge_jobs_number_on_a_jsonl_stream_is_capped_too(cli, tmp_path, pools_started):
    records = [json.dumps({"id": i, "text": STORY.format(i)}) for i in range(60)]
    write(tmp_path / "c.jsonl", "\n".join(records).encode() + b"\n")
    proc = cli("--input-format", "jsonl", "-j", "10000", "c.jsonl")
    assert proc.returncode == 0, err(proc)
    assert pools_started == [4]
    assert err(proc) == "newsclean: note: -j 10000: using 4 worker processes (at most 4 per core, 1 core here)\n"
    assert [json.loads(line)["id"] for line in proc.stdout.splitlines()] == list(range(60))
    quiet = cli("--input-format", "jsonl", "-q", "-j", "10000", "c.jsonl")
    assert quiet.returncode == 0 and quiet.stderr == b""


def test_a_jobs_number_within_the_cap_is_taken_as_it_is(cli, tmp_path, pools_started):
    records = [json.dumps({"id": i, "text": STORY.format(i)}) for i in range(60)]
    write(tmp_path / "c.jsonl", "\n".join(records).encode() + b"\n")
    proc = cli("--input-format", "jsonl", "-j", "3", "c.jsonl")
    assert proc.returncode == 0 and proc.stderr == b""
    assert pools_started == [3]


def test_language_help_lists_the_languages_with_packs(cli):
    from newsclean.packs import LANGUAGES

    out = cli("--help").stdout.decode()
    assert "|".join(LANGUAGES) in out


# --- 28: names with newlines ------------------------------------------------------------


def test_a_newline_in_a_file_name_does_not_split_the_fixing_line(cli, tmp_path):
    write(tmp_path / "two\nlines.txt")
    write(tmp_path / "plain.txt")
    proc = cli("-i", "two\nlines.txt", "plain.txt")
    lines = err(proc).splitlines()
    assert "Fixing 'two\\nlines.txt'" in lines
    assert "Fixing plain.txt" in lines
    assert len(lines) == 3  # two Fixing lines and the summary
    write(tmp_path / "bad\nname.txt", b"\x00binary")
    lines = err(cli("-i", "bad\nname.txt", "plain.txt")).splitlines()
    assert "'bad\\nname.txt': binary file (NUL bytes), skipped" in lines


# --- 29: the progress bar and a pager ---------------------------------------------------


class _Terminal:
    def isatty(self):
        return True


@pytest.mark.parametrize(
    "stdout_kind, writes_stdout, shown",
    [("pipe", True, False), ("file", True, True), ("pipe", False, True)],
)
def test_progress_bar_never_draws_over_output_going_to_a_pager(monkeypatch, tmp_path, stdout_kind, writes_stdout, shown):
    """``newsclean --diff a b | less``: less draws on the terminal stderr is on."""
    if stdout_kind == "pipe":
        r, w = os.pipe()
        out = os.fdopen(w, "w")
    else:
        out = open(tmp_path / "out.txt", "w")
    try:
        monkeypatch.setattr(sys, "stderr", _Terminal())
        monkeypatch.setattr(sys, "stdout", out)
        for name in ("CI", "PRE_COMMIT"):
            monkeypatch.delenv(name, raising=False)
        assert report.progress_wanted(False, 10, writes_stdout) is shown
    finally:
        out.close()
        if stdout_kind == "pipe":
            os.close(r)


# --- issue 10: --check --diff -------------------------------------------------------------


def test_check_and_diff_together_print_the_diff_write_nothing_and_exit_1(cli, tmp_path):
    page = write(tmp_path / "page.txt")
    proc = cli("--check", "--diff", "page.txt")
    assert proc.returncode == 1
    assert b"-Back to top" in proc.stdout
    assert page.read_bytes() == DIRTY


def test_report_summary_and_exit_codes():
    r = report.Report(Mode.CHECK)
    r.count("changed")
    assert (r.summary_line(), r.exit_code()) == ("1 file would be cleaned.", report.CHANGED)
    r.interrupted = report.SIGTERM
    assert r.exit_code() == 143


# --- 10, 27, 30: nothing is kept under the user's home ---------------------------------


@pytest.mark.parametrize("home", ["home", ""])
def test_cleaning_writes_nothing_outside_its_inputs_and_outputs(tmp_path, home):
    """No cache under ~/.cache (or /.cache when HOME is empty, or a relative
    XDG_CACHE_HOME in the current folder): newsclean keeps no state between runs."""
    work = tmp_path / "work"
    work.mkdir()
    (work / "page.txt").write_bytes(DIRTY)
    home_dir = tmp_path / "home"
    home_dir.mkdir()
    env = clean_env(HOME=str(home_dir) if home else "", XDG_CACHE_HOME="relative-cache")
    r = subprocess.run([sys.executable, "-m", "newsclean", "-i", "page.txt"], cwd=work, env=env,
                       capture_output=True, timeout=60)
    assert r.returncode == 1, r.stderr
    assert sorted(os.listdir(work)) == ["page.txt"]
    assert os.listdir(home_dir) == []


# --- found attacking (session 2) -------------------------------------------------------


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_sigterm_to_the_whole_group_still_reports_every_rewritten_file(tmp_path):
    """`timeout 60 newsclean -i -j 2 corpus/` sends SIGTERM to the whole process group:
    the workers die with their chunks half done. A file a dead worker had already
    rewritten was neither reported nor counted ("no files."); now it is a "Fixing" line."""
    folder = tmp_path / "c"
    originals = _corpus(folder)
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsclean", "-i", "-j", "2", str(folder)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=clean_env(), cwd=folder, start_new_session=True,
    )
    first = proc.stderr.readline()
    assert first.startswith(b"Fixing "), first
    os.killpg(proc.pid, signal.SIGTERM)
    rest = proc.stderr.read()
    assert proc.wait(timeout=60) == 143, rest
    lines = (first + rest).decode().splitlines()
    fixed = {ln[len("Fixing "):] for ln in lines if ln.startswith("Fixing ")}
    changed = {p for p, data in originals.items() if open(p, "rb").read() != data}
    assert fixed == changed
    assert "Traceback" not in rest.decode()


def test_sigterm_to_the_whole_group_mid_jsonl_stream_writes_an_unbroken_prefix(tmp_path):
    """The same for a stream: the records whose workers died with the signal are not
    written, nor any after them: the output is the input's first N records, whole, and
    the summary says N."""
    from newsclean.streams import BEFORE_POOL

    _big_records(tmp_path / "c.jsonl")
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsclean", "--input-format", "jsonl", "-j", "2", "c.jsonl"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path, env=clean_env(), start_new_session=True,
    )
    first = _first_lines(proc, BEFORE_POOL + 2)
    os.killpg(proc.pid, signal.SIGTERM)
    rest, errors = proc.communicate(timeout=60)
    assert proc.returncode == 143, errors
    out = (first + rest).decode().split("\n")
    assert out.pop() == ""  # the last line is whole
    assert [json.loads(line)["id"] for line in out] == list(range(len(out)))
    assert errors.decode().splitlines() == [f"{len(out)} records cleaned. Interrupted: the rest of the input was not read."]


def test_a_fifo_given_as_rules_file_is_refused_not_waited_on(tmp_path):
    """Item 21 for --rules: a FIFO without a writer hung the run for ever before any file
    was read (the configuration and --template were already refused)."""
    from .helpers import run_cli

    write(tmp_path / "a.txt")
    os.mkfifo(tmp_path / "rules.txt")
    proc = run_cli("--rules", "rules.txt", "a.txt", cwd=tmp_path, timeout=30)
    assert proc.returncode == 123
    assert err(proc).startswith("newsclean: error: rules.txt: not a regular file (a FIFO)")
    assert proc.stdout == b""


def test_a_rules_file_that_is_not_utf8_is_named_with_the_place(cli, tmp_path):
    write(tmp_path / "a.txt")
    (tmp_path / "rules.txt").write_bytes(b"[navigation]\nshare this\n\xff\xfe story\n")
    proc = cli("--rules", "rules.txt", "a.txt")
    assert proc.returncode == 123
    assert err(proc) == "newsclean: error: rules.txt: not valid UTF-8 at byte 24\n"


def test_a_corpus_config_applies_when_run_from_outside_the_corpus(cli, tmp_path):
    """corpus/newsclean.toml excludes keep/: `newsclean -i corpus/` run from the folder
    above used to miss it (the search started at the current folder) and rewrote the
    files it protects. As black does, the search starts where the named paths are."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "newsclean.toml").write_text('exclude = ["keep/*"]\n')
    kept = write(tmp_path / "corpus" / "keep" / "x.txt")
    page = write(tmp_path / "corpus" / "a.txt")
    proc = cli("-i", "corpus")
    assert proc.returncode == 1, err(proc)
    assert kept.read_bytes() == DIRTY
    assert page.read_bytes() == CLEAN
    proc = cli("-i", "corpus/keep/x.txt", "--force-exclude")
    assert kept.read_bytes() == DIRTY


@pytest.mark.parametrize(
    "encoding, codec, bom",
    [("utf-8-sig", "utf-8", b""), ("utf-16", "utf-16-le", b""), ("utf-16", "utf-16-be", b"\xfe\xff"),
     ("utf-16", "utf-16-le", b"\xff\xfe"), ("utf-32", "utf-32-be", b"\x00\x00\xfe\xff")],
)
def test_a_named_encoding_writes_the_file_back_with_its_own_bom_and_byte_order(cli, tmp_path, encoding, codec, bom):
    """--encoding utf-8-sig (or utf-16, utf-32) used to add a byte order mark to a file
    that had none, and utf-16 turned a big-endian file little-endian: a clean file was
    'fixed' into other bytes. A file keeps its BOM, or its lack of one, and its order."""
    clean = write(tmp_path / "clean.txt", bom + CLEAN.decode().encode(codec))
    dirty = write(tmp_path / "dirty.txt", bom + DIRTY.decode().encode(codec))
    proc = cli("-i", "--encoding", encoding, "clean.txt", "dirty.txt")
    assert err(proc).splitlines() == ["Fixing dirty.txt", "1 file cleaned, 1 file left unchanged."]
    assert clean.read_bytes() == bom + CLEAN.decode().encode(codec)
    assert dirty.read_bytes() == bom + CLEAN.decode().encode(codec)


@pytest.mark.parametrize("flag", [["-i"], ["--check"], ["--diff"], ["-o", "out.txt"]])
def test_learn_template_refuses_a_mode_it_would_silently_ignore(cli, tmp_path, flag):
    """`--learn-template t.json -i corpus/` learned the template, exited 0 and cleaned
    nothing: the user thinks the corpus was rewritten. Learning is a run of its own."""
    page = write(tmp_path / "a.txt")
    proc = cli("--learn-template", "t.json", *flag, "a.txt")
    assert proc.returncode == 2, err(proc)
    assert "--learn-template" in err(proc) and flag[0] in err(proc)
    assert page.read_bytes() == DIRTY
    assert not (tmp_path / "t.json").exists() and not (tmp_path / "out.txt").exists()


@pytest.mark.parametrize("value", ["abc", "nan", "-1", "0", "inf"])
def test_a_pattern_timeout_that_is_not_a_number_of_seconds_is_a_usage_error(tmp_path, value):
    """NEWSCLEAN_PATTERN_TIMEOUT=abc crashed every command, --help included, with a
    traceback; nan switched the time limit off in silence."""
    from .helpers import run_cli

    write(tmp_path / "a.txt")
    proc = run_cli("a.txt", cwd=tmp_path, env=clean_env(NEWSCLEAN_PATTERN_TIMEOUT=value))
    assert proc.returncode == 2, err(proc)
    assert err(proc) == (
        f"newsclean: error: NEWSCLEAN_PATTERN_TIMEOUT must be a number of seconds above 0, not {value!r}\n"
    )
    assert proc.stdout == b""
    assert run_cli("a.txt", cwd=tmp_path, env=clean_env(NEWSCLEAN_PATTERN_TIMEOUT="0.5")).stdout == CLEAN


@pytest.mark.parametrize("pattern", ["keep/*", "keep"])
@pytest.mark.parametrize("where", ["named-subfolder", "from-inside"])
def test_a_config_exclude_holds_whichever_folder_is_named(cli, tmp_path, pattern, where):
    """exclude globs were matched relative to the folder named on the command line:
    `newsclean -i corpus/keep` (or `newsclean -i .` inside it) rewrote the files that
    corpus/newsclean.toml's `keep/*` protects. They match relative to the
    configuration's folder too, as black's do."""
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "newsclean.toml").write_text(f'exclude = ["{pattern}"]\n')
    kept = write(tmp_path / "corpus" / "keep" / "x.txt")
    deeper = write(tmp_path / "corpus" / "keep" / "sub" / "y.txt")
    if where == "named-subfolder":
        proc = cli("-i", "corpus/keep")
    else:
        proc = cli("-i", ".", cwd=tmp_path / "corpus" / "keep")
    assert proc.returncode == 0, err(proc)
    assert kept.read_bytes() == DIRTY and deeper.read_bytes() == DIRTY


@pytest.mark.parametrize("link", ["file", "folder"])
def test_a_link_in_the_output_folder_does_not_send_an_output_outside_it(cli, tmp_path, link):
    """-o DIR wrote through a symbolic link found in DIR (out/a.txt -> ../notes.txt, or
    out/sub -> elsewhere), overwriting a file outside the output folder that was no
    input. Such an output is refused, named, and the others are written."""
    write(tmp_path / "c" / "a.txt")
    write(tmp_path / "c" / "sub" / "b.txt")
    write(tmp_path / "c" / "z.txt")
    notes = write(tmp_path / "notes.txt", b"my own notes\n")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "out").mkdir()
    if link == "file":
        (tmp_path / "out" / "a.txt").symlink_to(notes)
        name = "out/a.txt"
    else:
        (tmp_path / "out" / "sub").symlink_to(tmp_path / "elsewhere")
        name = "out/sub/b.txt"
    proc = cli("c", "-o", "out")
    assert proc.returncode == 123, err(proc)
    assert notes.read_bytes() == b"my own notes\n"
    assert not (tmp_path / "elsewhere" / "b.txt").exists()
    assert [ln for ln in err(proc).splitlines() if "error" in ln] == [
        f"newsclean: error: {name}: leads outside the output folder (a symbolic link); not written"
    ]
    assert (tmp_path / "out" / "z.txt").read_bytes() == CLEAN
