"""The compiled-model cache: faster starts, never a wrong or stale model."""

from __future__ import annotations

import json
import os

import pytest

from newsclean import codecache
from newsclean.stages import content as C

from .helpers import SAMPLES, clean_env, run_cli

SOURCE = "def f(x):\n    return x + 1\n"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("NEWSCLEAN_CACHE_DIR", str(folder))
    return folder


def run(code, *args):
    namespace: dict = {}
    exec(code, namespace)
    return namespace["f"](*args)


def no_source():
    raise AssertionError("compiled again although the cache had it")


def test_second_use_reads_the_cache_instead_of_compiling(cache):
    assert run(codecache.compiled("k", lambda: SOURCE, "<t>"), 1) == 2
    assert len(list(cache.iterdir())) == 1
    assert run(codecache.compiled("k", no_source, "<t>"), 1) == 2


def test_another_key_compiles_its_own_code(cache):
    codecache.compiled("k1", lambda: SOURCE, "<t>")
    other = "def f(x):\n    return x * 10\n"
    assert run(codecache.compiled("k2", lambda: other, "<t>"), 2) == 20
    assert run(codecache.compiled("k1", no_source, "<t>"), 2) == 3


@pytest.mark.parametrize("damage", [b"", b"garbage", None], ids=["empty", "garbage", "truncated"])
def test_a_damaged_entry_is_compiled_again_and_replaced(cache, damage):
    codecache.compiled("k", lambda: SOURCE, "<t>")
    (entry,) = cache.iterdir()
    data = entry.read_bytes()
    entry.write_bytes(data[: len(data) - 20] if damage is None else damage)
    assert run(codecache.compiled("k", lambda: SOURCE, "<t>"), 1) == 2
    assert entry.read_bytes() == data


def test_an_unwritable_cache_folder_only_costs_the_compile(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("NEWSCLEAN_CACHE_DIR", str(blocker / "cache"))
    assert run(codecache.compiled("k", lambda: SOURCE, "<t>"), 1) == 2
    assert not list(tmp_path.glob("**/*.tmp"))


def test_an_empty_cache_dir_turns_the_cache_off(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSCLEAN_CACHE_DIR", "")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert run(codecache.compiled("k", lambda: SOURCE, "<t>"), 1) == 2
    assert list(tmp_path.iterdir()) == []


def test_a_changed_model_file_is_not_read_from_a_stale_entry(tmp_path, cache):
    path = tmp_path / "model.json"
    path.write_text("1")
    before = codecache.file_key(str(path))
    path.write_text("22")
    assert codecache.file_key(str(path)) != before


def test_the_cached_model_scores_like_a_freshly_compiled_one(cache):
    model_path = os.path.join(os.path.dirname(C.__file__), "..", "content_model.json")
    with open(model_path, encoding="utf-8") as f:
        data = json.load(f)
    fresh = C.model_from_dict(data)
    C.model_from_dict(data, cache_key="test")  # fills the cache
    cached = C.model_from_dict(data, cache_key="test")
    assert len(list(cache.iterdir())) == 1
    rows = [[(i * 7 + j * 3) % 11 / 10.0 for j in range(len(C.FEATURES))] for i in range(50)]
    assert [cached.first(r) for r in rows] == [fresh.first(r) for r in rows]
    extended = [r + [0.5] * len(C.CONTEXT_FEATURES) for r in rows]
    assert [cached.second(r) for r in extended] == [fresh.second(r) for r in extended]


def test_the_command_cleans_the_same_with_a_cold_and_a_warm_cache(tmp_path):
    raw = SAMPLES / "eir-2022-01-21-blinken-lavrov.raw.txt"
    expected = raw.with_name(raw.name.replace(".raw.txt", ".expected.txt")).read_bytes()
    env = clean_env(NEWSCLEAN_CACHE_DIR=str(tmp_path / "cache"))
    cold = run_cli(raw, env=env)
    assert list((tmp_path / "cache").iterdir())
    warm = run_cli(raw, env=env)
    assert cold.returncode == warm.returncode == 0
    assert cold.stdout == warm.stdout == expected


# ------------------------------------------------------------------ compiled patterns

PATTERN = r"^(?:share|tweet)(?: this)?\b|^back to top\b"


@pytest.fixture
def compiles(monkeypatch):
    """The sources regex.compile is asked to compile, in order."""
    import regex

    seen: list[str] = []
    real = regex.compile

    def spy(source, flags=0, **kwargs):
        seen.append(source)
        return real(source, flags, **kwargs)

    monkeypatch.setattr(regex, "compile", spy)
    return seen


def test_a_pattern_is_compiled_once_then_read_from_the_cache(cache, compiles):
    import regex

    first = codecache.compiled_regex(PATTERN, regex.V0)
    assert compiles == [PATTERN]
    again = codecache.compiled_regex(PATTERN, regex.V0)
    assert PATTERN not in compiles[1:]  # rebuilt from the entry, not parsed again
    assert (again.pattern, again.flags, again.groups) == (first.pattern, first.flags, first.groups)
    for text in ["share this", "tweet", "shared", "back to top", "go back to top", ""]:
        assert bool(again.match(text)) == bool(first.match(text))


@pytest.mark.parametrize("damage", [b"", b"garbage", None], ids=["empty", "garbage", "truncated"])
def test_a_damaged_pattern_entry_is_compiled_again_and_replaced(cache, damage):
    codecache.compiled_regex(PATTERN)
    (entry,) = cache.iterdir()
    data = entry.read_bytes()
    entry.write_bytes(data[: len(data) - 20] if damage is None else damage)
    assert codecache.compiled_regex(PATTERN).match("share this")
    assert entry.read_bytes() == data


def test_another_regex_version_does_not_read_the_entry(cache, compiles, monkeypatch):
    import regex

    codecache.compiled_regex(PATTERN)
    monkeypatch.setattr(regex, "__version__", "0.0.0-other")
    codecache.compiled_regex(PATTERN)
    assert compiles.count(PATTERN) == 2
    assert len(list(cache.iterdir())) == 2


def test_a_bad_pattern_raises_as_regex_does_and_stores_nothing(cache):
    import regex

    with pytest.raises(regex.error):
        codecache.compiled_regex(r"(unclosed")
    assert not cache.exists() or not list(cache.iterdir())


@pytest.mark.parametrize("lang", ["en", "de", "es", "fr", "it", "nl", "pt", "ru"])
def test_a_cached_pack_alternation_finds_what_a_fresh_one_finds(cache, monkeypatch, lang):
    """Each shipped pack's one-alternation pattern, rebuilt from the cache, gives every
    sample line the same category as one compiled without a cache."""
    from newsclean.packs import PHRASES_DIR, parse_pack

    with open(os.path.join(PHRASES_DIR, f"{lang}.txt"), encoding="utf-8") as f:
        text = f.read()
    lines = [
        line.strip().casefold()
        for path in sorted(SAMPLES.glob("*.raw.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]

    def categories() -> list[str]:
        pattern, names = parse_pack(text).categorised_pattern
        return [names[m.lastgroup] if (m := pattern.match(x)) else "" for x in lines]

    stored = categories()  # compiled, and stored in the cache
    assert any(p.suffix == ".regex" for p in cache.iterdir())
    from_cache = categories()
    monkeypatch.setenv("NEWSCLEAN_CACHE_DIR", "")
    assert from_cache == stored == categories()
    if lang == "en":
        assert any(stored)  # the samples do hold lines the English pack names


# ------------------------------------------------------------------ parsed data


def test_data_is_computed_once_then_read_from_the_cache(cache):
    value = {("share", "this"): "share", ("back", "to", "top"): "navigation"}
    assert codecache.data("k", lambda: value) == value
    assert codecache.data("k", no_source) == value
    assert codecache.data("other", lambda: [1, 2]) == [1, 2]


def test_a_damaged_data_entry_is_computed_again(cache):
    codecache.data("k", lambda: [1, 2, 3])
    (entry,) = cache.iterdir()
    entry.write_bytes(entry.read_bytes()[:-3])
    assert codecache.data("k", lambda: [1, 2, 3]) == [1, 2, 3]


def test_the_cache_keeps_a_bounded_number_of_entries(cache, monkeypatch):
    monkeypatch.setattr(codecache, "MAX_ENTRIES", 8)
    for n in range(20):
        codecache.data(f"k{n}", lambda: n)
    assert len(list(cache.iterdir())) <= 8
    assert codecache.data("k19", no_source) == 19  # the newest are kept


def test_a_pack_from_the_cache_equals_the_parsed_pack(cache):
    from newsclean.packs import PHRASES_DIR, builtin_pack, parse_pack

    builtin_pack.cache_clear()
    try:
        builtin_pack("de")  # parsed and stored
        builtin_pack.cache_clear()
        cached = builtin_pack("de")
    finally:
        builtin_pack.cache_clear()
    with open(os.path.join(PHRASES_DIR, "de.txt"), encoding="utf-8") as f:
        parsed = parse_pack(f.read())
    assert cached.phrases == parsed.phrases and cached.markers == parsed.markers
    assert [(c, p.pattern) for c, p in cached.patterns] == [(c, p.pattern) for c, p in parsed.patterns]


def test_a_changed_byte_anywhere_in_an_entry_means_computing_afresh(cache):
    """Every entry carries a checksum: a value that still unmarshals but is not what was
    stored (a flipped bit in a pattern's engine code) is never used."""
    import regex

    codecache.compiled_regex(PATTERN, regex.V0)
    (entry,) = cache.iterdir()
    data = entry.read_bytes()
    for i in range(len(data) - 40, len(data)):
        entry.write_bytes(data[:i] + bytes([data[i] ^ 0x01]) + data[i + 1 :])
        pattern = codecache.compiled_regex(PATTERN, regex.V0)
        assert pattern.match("share this") and not pattern.match("shared")
        assert entry.read_bytes() == data  # replaced by a fresh compile
