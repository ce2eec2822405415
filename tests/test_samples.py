"""Golden files: every ``samples/NAME.raw.txt`` must clean to ``NAME.expected.txt``,
through the library and through the command, and cleaning the expected text again
must change nothing (a pre-commit hook that keeps rewriting a file is a broken hook)."""

from __future__ import annotations

import pytest

import newsclean

from .helpers import SAMPLES, run_cli, sample_names

NAMES = sample_names()


def _read(name: str, kind: str) -> str:
    return (SAMPLES / f"{name}.{kind}.txt").read_bytes().decode("utf-8")


def test_there_are_enough_samples():
    assert len(NAMES) >= 7
    for name in NAMES:
        assert (SAMPLES / f"{name}.expected.txt").is_file(), f"{name}.raw.txt has no expected file"


@pytest.mark.parametrize("name", NAMES)
def test_library_cleans_sample(name):
    assert newsclean.clean(_read(name, "raw")) == _read(name, "expected")


@pytest.mark.parametrize("name", NAMES)
def test_cli_cleans_sample(name):
    proc = run_cli(SAMPLES / f"{name}.raw.txt")
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout.decode("utf-8") == _read(name, "expected")


@pytest.mark.parametrize("name", NAMES)
def test_expected_output_is_stable(name):
    expected = _read(name, "expected")
    assert newsclean.clean(expected) == expected
