"""Shared helpers for the tests: run ``newsclean`` in-process (fast) or as a real process.

Kept out of conftest.py on purpose: test modules import what they use
(``from .helpers import cli, run_cli``), so other test modules stay independent.

``cli`` (a fixture) and :func:`run_main` call ``newsclean.cli.main([...])`` in this
process, with stdin, stdout, stderr, the working folder and the environment replaced
for the call: what a user would see, in milliseconds. :func:`run_cli` starts a real
``python -m newsclean`` for what only a process shows: pipes, signals, terminals.
"""

from __future__ import annotations

import contextlib
import errno
import io
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


class _Stdin(io.TextIOWrapper):
    """A pipe on stdin (never a terminal), with ``.buffer`` as the real one has."""

    def isatty(self) -> bool:
        return False


class _Out(io.TextIOWrapper):
    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:  # like a pipe: no descriptor to look at
        raise io.UnsupportedOperation("fileno")


@contextlib.contextmanager
def _environment(env: dict | None):
    if env is None:
        env = clean_env()
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def run_main(*args, input: bytes | None = None, cwd=None, env=None, stdin=None, timeout=None):
    """``newsclean ARGS`` in this process: a CompletedProcess as :func:`run_cli` gives.
    ``stdin`` and ``timeout`` (for a real process only) are accepted and ignored, except
    that a ``stdin`` given means "not a pipe with data": stdin is then empty."""
    from newsclean.cli import main

    out, err = io.BytesIO(), io.BytesIO()
    fake_in = _Stdin(io.BytesIO(input or b""), encoding="utf-8")
    fake_out = _Out(out, encoding="utf-8", errors="surrogateescape", write_through=True)
    fake_err = _Out(err, encoding="utf-8", errors="backslashreplace", write_through=True)
    saved = sys.stdin, sys.stdout, sys.stderr
    old_cwd = os.getcwd()
    argv = [str(a) for a in args]
    try:
        with _environment(env):
            if cwd is not None:
                os.chdir(cwd)
            sys.stdin, sys.stdout, sys.stderr = fake_in, fake_out, fake_err
            code = main(argv)
            fake_out.flush()
            fake_err.flush()
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
        os.chdir(old_cwd)
    return subprocess.CompletedProcess(["newsclean", *argv], code, out.getvalue(), err.getvalue())


@pytest.fixture
def cli(tmp_path):
    """``cli(*args, input=b"")`` runs newsclean in-process with the test's temp folder as cwd."""

    def _run(*args, **kwargs):
        kwargs.setdefault("cwd", tmp_path)
        return run_main(*args, **kwargs)

    return _run


@pytest.fixture
def cli_process(tmp_path):
    """As ``cli``, but a real process: for pipes, signals and terminals."""

    def _run(*args, **kwargs):
        kwargs.setdefault("cwd", tmp_path)
        return run_cli(*args, **kwargs)

    return _run


def sample_names() -> list[str]:
    return sorted(p.name[: -len(".raw.txt")] for p in SAMPLES.glob("*.raw.txt"))


class FullDisk:
    """A file object whose writes fail as on a full disk, after half the bytes."""

    def __init__(self, f):
        self.f = f

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.f.close()

    def write(self, data):
        self.f.write(data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name):
        return getattr(self.f, name)


# An English article of our own (four paragraphs), shared by the headline and furniture tests.
KILMORE_ARTICLE = [
    "The harbour at Kilmore was closed on Monday after a winter storm damaged two of its "
    "piers, leaving the fishing fleet tied up in the inner basin for the rest of the week.",
    "Harbour master Ruth Okafor said the storm was the worst she had seen in twenty years, "
    "and that divers would inspect the piers once the waves had dropped.",
    "The council has set aside money for repairs, which are expected to take at least three "
    "weeks. Ferries to the islands will sail from Port Ellen until the harbour reopens.",
    "Fishermen said the closure would cost them a week of work at the busiest time of the "
    "year, and asked the council to help crews who cannot land their catch.",
]
