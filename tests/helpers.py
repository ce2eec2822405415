"""Shared helpers for the tests: run the real ``newsclean`` command in a subprocess.

Kept out of conftest.py on purpose: test modules import what they use
(``from .helpers import cli, run_cli``), so other test modules stay independent.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"

# Variables that change what the command does; a test sets the ones it wants.
_SCRUB = ("PRE_COMMIT", "CI", "NO_COLOR", "FORCE_COLOR", "COLUMNS")


def clean_env(**extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in _SCRUB}
    env.update(extra)
    return env


def run_cli(*args, input: bytes | None = None, cwd=None, env=None, stdin=None, timeout=60):
    """``python -m newsclean ARGS`` as a user would run it; returns CompletedProcess
    with bytes stdout/stderr."""
    kwargs = {"stdin": stdin} if stdin is not None else {"input": input if input is not None else b""}
    return subprocess.run(
        [sys.executable, "-m", "newsclean", *map(str, args)],
        capture_output=True,
        cwd=cwd,
        env=env or clean_env(),
        timeout=timeout,
        **kwargs,
    )


@pytest.fixture
def cli(tmp_path):
    """``cli(*args, input=b"")`` runs newsclean with the test's temp folder as cwd."""

    def _run(*args, **kwargs):
        kwargs.setdefault("cwd", tmp_path)
        return run_cli(*args, **kwargs)

    return _run


def sample_names() -> list[str]:
    return sorted(p.name[: -len(".raw.txt")] for p in SAMPLES.glob("*.raw.txt"))
