"""Patterns rebuilt from generated engine code match what a fresh compile matches, and
the generated module is up to date with the patterns newsclean compiles."""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import re
import subprocess
import sys

import pytest
import regex

from newsclean import _regex_states, regexes

from .helpers import SAMPLES

SAME_VERSION = regex.__version__ == _regex_states.REGEX_VERSION
LINES = [line for p in sorted(SAMPLES.glob("*.txt")) for line in p.read_text(encoding="utf-8").casefold().splitlines()]


@pytest.mark.skipif(not SAME_VERSION, reason="generated for another regex version: patterns are compiled as usual")
def test_generated_states_cover_every_builtin_pattern():
    """Fails when a pack or a module-level pattern changed: run `make patterns`. (In a
    fresh process: the patterns other tests compile are none of its business.)"""
    tool = SAMPLES.parent / "tools" / "compile_patterns.py"
    r = subprocess.run([sys.executable, str(tool), "--check"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr


@pytest.mark.parametrize("key", sorted(_regex_states.STATES), ids=lambda k: k[0][:40])
def test_a_rebuilt_pattern_finds_what_a_compiled_one_finds(key):
    rebuilt = regexes.compile_pattern(*key)
    fresh = regex.compile(*key)
    assert rebuilt.pattern == fresh.pattern
    for line in LINES:
        assert [m.span() for m in rebuilt.finditer(line)] == [m.span() for m in fresh.finditer(line)]
        assert (m := rebuilt.match(line)) is None and fresh.match(line) is None or m.groupdict() == fresh.match(line).groupdict()


def test_engine_code_for_another_regex_version_is_never_used(monkeypatch):
    key = next(iter(_regex_states.STATES), (r"\d++", 0))
    monkeypatch.setattr(_regex_states, "REGEX_VERSION", "0.0")
    monkeypatch.setattr(_regex_states, "STATES", {key: ("garbage", 0, b"\x00")})
    assert regexes.compile_pattern(*key).pattern == key[0]


def test_damaged_engine_code_is_compiled_afresh(monkeypatch):
    monkeypatch.setattr(_regex_states, "REGEX_VERSION", regex.__version__)
    monkeypatch.setattr(_regex_states, "STATES", {("a+b", 0): ("a+b", 0, b"\xff\xfe", {}, {}, {}, [], 0)})
    assert regexes.compile_pattern("a+b").search("xaab").span() == (1, 4)


SAME_ENGINE = (getattr(_regex_states, "SRE_MAGIC", None), getattr(_regex_states, "PYTHON", None)) == (
    _sre.MAGIC,
    sys.version_info[:2],
)


@pytest.mark.skipif(not SAME_ENGINE, reason="generated for another re engine: patterns are compiled as usual")
@pytest.mark.parametrize("key", sorted(getattr(_regex_states, "RE_STATES", {})), ids=lambda k: k[0][:40])
def test_a_rebuilt_re_pattern_is_the_compiled_one(key):
    """The standard library's patterns built from generated code: same flags, groups
    and matches as ``re.compile`` (with its cache bypassed)."""
    rebuilt = regexes.compile_re(*key)
    fresh = re.compile(*key)
    assert rebuilt is not fresh
    assert (rebuilt.pattern, rebuilt.flags, rebuilt.groups, rebuilt.groupindex) == (
        fresh.pattern,
        fresh.flags,
        fresh.groups,
        fresh.groupindex,
    )
    for line in LINES + ["3 of 12 -- [1]x l’été", "\ud800", "tool.newsclean = 1", "  o + bullet"]:
        assert [m.span() for m in rebuilt.finditer(line)] == [m.span() for m in fresh.finditer(line)]


def test_re_code_for_another_engine_is_never_used(monkeypatch):
    monkeypatch.setattr(_regex_states, "SRE_MAGIC", -1)
    monkeypatch.setattr(_regex_states, "RE_STATES", {("a+", 0): (32, (0,), 0, {}, (None,))})
    assert regexes.compile_re("a+").search("baa").span() == (1, 3)
