"""newsclean.dask: the same pipeline on a real Dask cluster gives the local run's output.

One LocalCluster of two worker processes (one thread each) serves the module; the CLI
tests point --scheduler at its address, as a user would at a remote cluster.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

distributed = pytest.importorskip("distributed")
pytest.importorskip("dask.bag")

from newsclean import dask as nc_dask  # noqa: E402
from newsclean.files import discover  # noqa: E402
from newsclean.runner import Mode, Plan, process_many  # noqa: E402

from .helpers import run_main  # noqa: E402

pytestmark = pytest.mark.slow

WORDS = ("council harbour budget residents ferry museum winter plans school teachers bridge "
         "repairs market traders river flood station library volunteers").split()


def page(i: int) -> str:
    body = " ".join(WORDS[(i + j) % len(WORDS)] for j in range(12 + i % 7))
    lines = ["Home | News | Sport" if i % 2 else "Skip to content", "", f"Headline {i} on the {WORDS[i % 19]}", "",
             f"The {body} were on the agenda, the mayor said on Monday.", "",
             f"Residents asked about the {WORDS[(i * 3) % 19]} and the {WORDS[(i * 5) % 19]}.", "",
             "Back to top", "Copyright 2020 Example Post"]
    return "\n".join(lines) + "\n"


def make_corpus(root, n=30) -> None:
    for i in range(n):
        folder = root / f"part{i % 3}"
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"p{i:03d}.txt").write_bytes(page(i).encode())
    (root / "part0" / "broken.txt").write_bytes(b"\x00\x01 binary")


def tree(root) -> dict[str, bytes]:
    return {
        os.path.relpath(os.path.join(d, f), root): open(os.path.join(d, f), "rb").read()
        for d, _, files in os.walk(root)
        for f in files
    }


def run_cli(*args):
    """In-process: the cluster's workers are real processes; the client here is the CLI's own."""
    env = {k: v for k, v in os.environ.items() if k not in ("PRE_COMMIT", "CI")}
    return run_main(*args, env=env)


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as c:
        with distributed.Client(c) as client:
            yield c, client


@pytest.fixture
def corpus(tmp_path):
    make_corpus(tmp_path / "in")
    return tmp_path / "in"


def test_cluster_output_equals_local_output_file_for_file(cluster, corpus, tmp_path):
    _, client = cluster
    sources = list(discover([str(corpus)]))
    local = list(process_many(sources, Plan(mode=Mode.OUTPUT_DIR, output=str(tmp_path / "local")), jobs=1))
    remote = list(nc_dask.process_files(sources, Plan(mode=Mode.OUTPUT_DIR, output=str(tmp_path / "dask")), client,
                                        per_partition=4))
    assert [(o.name, o.status) for o in remote] == [(o.name, o.status) for o in local]
    assert tree(tmp_path / "dask") == tree(tmp_path / "local")
    assert len(tree(tmp_path / "local")) == 30


def test_workers_did_the_work(cluster, corpus, tmp_path):
    """Each partition ran in a worker process, not in this one."""
    _, client = cluster
    import dask.bag as db

    sources = list(discover([str(corpus)]))
    bag = db.from_sequence(sources, npartitions=6).map_partitions(lambda part: [os.getpid()] * len(part))
    pids = set(bag.compute(scheduler=client.get))
    assert os.getpid() not in pids
    assert pids <= set(client.run(os.getpid).values())


def test_cli_scheduler_address_equals_local_run(cluster, corpus, tmp_path):
    c, _ = cluster
    remote = run_cli("--scheduler", c.scheduler_address, str(corpus), "-o", str(tmp_path / "dask"))
    local = run_cli("--jobs", "1", str(corpus), "-o", str(tmp_path / "local"))
    assert remote.returncode == local.returncode == 0, remote.stderr
    assert remote.stderr == local.stderr  # same messages, same summary
    assert tree(tmp_path / "dask") == tree(tmp_path / "local")


def test_cli_scheduler_stdout_keeps_input_order(cluster, corpus):
    c, _ = cluster
    remote = run_cli("--scheduler", c.scheduler_address, "-q", str(corpus))
    local = run_cli("--jobs", "1", "-q", str(corpus))
    assert remote.returncode == local.returncode == 0
    assert remote.stdout == local.stdout and remote.stdout


def test_cli_scheduler_jsonl_writes_one_part_per_input(cluster, tmp_path):
    c, _ = cluster
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text("".join(json.dumps({"id": i, "text": page(i)}) + "\n" for i in range(5)))
    b.write_text("".join(json.dumps({"id": i, "text": page(i)}) + "\n" for i in range(5, 9)) + "oops\n")
    remote = run_cli("--scheduler", c.scheduler_address, "--input-format", "jsonl", "--on-bad-line", "skip",
                     "--with-removed", str(a), str(b), "-o", str(tmp_path / "out"))
    local = run_cli("--input-format", "jsonl", "--on-bad-line", "skip", "--with-removed", str(a), str(b))
    assert remote.returncode == local.returncode == 0, remote.stderr
    parts = sorted(os.listdir(tmp_path / "out"))
    assert parts == ["part-00000.jsonl", "part-00001.jsonl"]
    assert b"".join((tmp_path / "out" / p).read_bytes() for p in parts) == local.stdout
    assert f"skipped {b}:5: bad record".encode() in remote.stderr


def test_cli_scheduler_jsonl_bad_line_fails_that_file(cluster, tmp_path):
    c, _ = cluster
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "One sentence here."}\n[1]\n')
    res = run_cli("--scheduler", c.scheduler_address, "--input-format", "jsonl", str(bad), "-o", str(tmp_path / "out"))
    assert res.returncode == 123
    assert f"{bad}:2: bad record".encode() in res.stderr
    assert not (tmp_path / "out" / "part-00000.jsonl").exists()  # no half-written part file


def test_cli_scheduler_jsonl_needs_an_output_folder(tmp_path):
    (tmp_path / "a.jsonl").write_text("")
    res = run_cli("--scheduler", "tcp://127.0.0.1:1", "--input-format", "jsonl", str(tmp_path / "a.jsonl"))
    assert res.returncode == 2
    assert b"needs -o DIR" in res.stderr


def test_dask_stays_off_the_start_up_path():
    res = subprocess.run([sys.executable, "-X", "importtime", "-m", "newsclean", "--version"], capture_output=True)
    assert res.returncode == 0
    imported = {line.split("|")[-1].strip() for line in res.stderr.decode().splitlines() if "|" in line}
    assert "newsclean.cli" in imported
    assert not {m for m in imported if m.split(".")[0] in ("dask", "distributed") or m == "newsclean.dask"}
