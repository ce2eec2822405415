"""`make bench` itself is code: run it in --quick mode and check what it reports.

Figures from a quick run mean nothing (tiny sizes, a busy test machine); this only
checks that every figure is measured, printed beside its target and written as JSON.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

pytestmark = pytest.mark.slow


def test_quick_benchmark_reports_every_figure(tmp_path):
    res = subprocess.run(
        [sys.executable, os.path.join(ROOT, "benchmarks", "run.py"), "--quick", "--shared", str(tmp_path / "none"),
         "--out", str(tmp_path / "results")],
        capture_output=True, text=True, timeout=300,
        env={k: v for k, v in os.environ.items() if k not in ("PRE_COMMIT",)},
    )
    assert res.returncode == 0, res.stderr
    out = res.stdout
    assert "sample pages (samples/)" in out  # no dev corpus: falls back to the samples
    for label in ("throughput", "startup", "folder", "stream", "learn", "precommit", "hostile"):
        assert f"] {label}" in out
    for target in (">= 12 MB/s", ">= 0.06", "<= 80 ms", "<= 7", ">= 1.6x", "<= 200 MB"):
        assert target in out

    data = json.loads((tmp_path / "results" / "latest.json").read_text())
    assert data["meta"]["quick"] is True
    assert data["throughput"]["library_mb_s"] > 0 and data["throughput"]["line_filter_mb_s"] > 0
    assert data["startup"]["runs"] == 3
    assert data["folder"]["outputs_equal"] is True and data["folder"]["exit_codes"] == [0, 0]
    assert data["stream"]["exit_codes"] == [0, 0, 0] and len(data["stream"]["peak_rss_mb"]) == 2
    assert data["stream"]["pool"]["peak_tree_rss_mb"] > 0  # the workers were sampled
    assert [r["exit"] for r in data["learn"]["runs"]] == [0, 0]
    assert data["precommit"]["exit_codes"] == [0, 0, 0]
    assert len(data["hostile"]["inputs"]) >= 5
    assert len(list((tmp_path / "results").glob("*.json"))) == 2  # a dated copy and latest.json


def test_bench_rejects_an_unknown_figure(tmp_path):
    res = subprocess.run([sys.executable, os.path.join(ROOT, "benchmarks", "run.py"), "--only", "speed"],
                         capture_output=True, text=True, timeout=60)
    assert res.returncode == 2
    assert "unknown figure" in res.stderr
