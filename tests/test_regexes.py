"""Patterns rebuilt from generated engine code match what a fresh compile matches, and
the generated module is up to date with the patterns newsclean compiles."""

from __future__ import annotations

import pytest
import regex

from newsclean import _regex_states, regexes

from .helpers import SAMPLES

SAME_VERSION = regex.__version__ == _regex_states.REGEX_VERSION
LINES = [line for p in sorted(SAMPLES.glob("*.txt")) for line in p.read_text(encoding="utf-8").casefold().splitlines()]


@pytest.mark.skipif(not SAME_VERSION, reason="generated for another regex version: patterns are compiled as usual")
def test_generated_states_cover_every_builtin_pattern():
    """Fails when a pack or a module-level pattern changed: run `make patterns`."""
    import sys

    sys.path.insert(0, str(SAMPLES.parent / "tools"))
    try:
        from compile_patterns import builtin_patterns
    finally:
        sys.path.pop(0)
    missing = sorted(source[:60] for source, _ in set(builtin_patterns()) - set(_regex_states.STATES))
    assert not missing, f"run `make patterns`: no generated engine code for {missing}"


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
