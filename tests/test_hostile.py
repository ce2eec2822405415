"""Hostile input: no pattern may go quadratic or exponential.

Every compiled pattern in ``newsclean/`` (module-level patterns and each category of
the built-in phrase packs) has a worst-case input here, and so does the whole pipeline
for the shapes scraped text takes at its worst (a 20 MB line, a million ``[``...).
Each case runs in its own process under a generous guard (``GUARD`` seconds, plus 10 for
start-up and building the input; the process is killed then): a case
that does not finish is a failure, whatever the machine; how long it took is printed,
not asserted. For the figures:

    python tests/test_hostile.py            # every case, a table of times
    python tests/test_hostile.py CASE...    # some cases

The last line of defence is tested too: a document that trips a pattern's timeout
(a user's rules file gone exponential) passes through unchanged, with a warning.
Inputs found by the fuzzer (fuzz/regressions/) are replayed through its checks.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import subprocess
import sys
import time

import pytest

# seconds: a linear case takes a second or two on an idle machine (_AGENCY_TAIL's 30 inputs
# take 4 s), and three times that on a machine busy with other jobs; a quadratic one
# takes many minutes, so the guard tells them apart however loaded the machine is
GUARD = 90.0
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def _pipeline(text: str) -> None:
    import newsclean

    newsclean.clean(text)


def _pattern(name: str):
    """``module.NAME`` of a compiled pattern, or ``pack:LANG:CATEGORY``."""
    if name.startswith("pack:"):
        from newsclean.packs import builtin_pack

        _, lang, cat = name.split(":")
        return builtin_pack(lang).combined_patterns[cat]
    module, attr = name.rsplit(".", 1)
    return getattr(importlib.import_module(module), attr)


def _search(name: str, texts) -> None:
    pat = _pattern(name)
    for text in texts:
        pat.search(text)
        pat.findall(text)
        pat.sub(" ", text)


M = 1_000_000
# Pattern cases are a quarter of that: a quadratic pattern still needs ~6e10 steps on
# them (minutes), far past GUARD, while a linear one takes milliseconds.
P = M // 4

# Shapes that every pattern meets: runs of one character, alternations of two.
GENERIC = [
    " " * P,
    "a" * P,
    "[" * P,
    "_" * P,
    "|" * P,
    "-" * P,
    "." * P,
    "a." * (P // 2),
    "a-" * (P // 2),
    "a'" * (P // 2),
    "a " * (P // 2),
    "1" * P,
    "\u0301" * P,
    "(" * P,
    "©" * P,
]

# Worst cases of each compiled pattern: (pattern, extra inputs aimed at its shape).
PATTERN_CASES = {
    "newsclean.compose.LINK_NUMBER_RE": ["[1]" * (P // 3), "[" + "1" * P + "]x", "a[1" * (P // 3), "[12345]" * (P // 7)],
    "newsclean.visible.MARKDOWN_LINK_RE": [
        "[" * P, "[a](" * (P // 4), "[" + "a" * P + "](", "[a](" + "b" * P, "![" * (P // 2), "[a]" * (P // 3),
    ],
    "newsclean.tokens.WORD_RE": ["a.a'a-" * (P // 6), "a" + "'" * P, "word" + ".word" * (P // 5)],
    "newsclean.visible.IMAGE_RE": [
        "[" + "a" * P,
        "[a1" * (P // 3),
        "[img " * (P // 5),
        "[" + "x.jp" * (P // 4),
        "[ " + " " * P + "img",
        "[" + "a" * 40 + "1" + "-" * P,
    ],
    "pack:en:cookie": ["we use " * (P // 7), "by continuing to use " * (P // 21), "this website uses " * (P // 18)],
    "pack:en:newsletter": ["sign up " + "x" * P, "get the " + "newsletter " * (P // 11), "subscribe " * (P // 10)],
    "pack:en:related": [
        "more stories from " + "x" * P,
        "more news " * (P // 10),
        "more from " + "x" * P,
        "more by " * (P // 8),
        "more articles by " + "a " * (P // 2),
    ],
    "pack:en:comments": ["1" * P + " comments", "comments (" + "1" * P, "discussion (" * (P // 12)],
    "pack:en:footer": [
        "copyright " + "© " * (P // 2),
        "copyright" + " " * P + "x",
        "all rights " * (P // 11),
        "x" * 80 + " all rights reserved" * (P // 20),
        "this article may not be " * (P // 24),
        "the views expressed " + "a" * P,
        "views expressed " * (P // 16),
        "the views expressed" + " x.y" * (P // 4),
        "note: the opinions expressed are " + "those of " * (P // 9),
    ],
    "pack:en:credit": [
        "photo: " + "x" * P,
        "photograph credit" + " " * P + ":",
        "(photo by " + "x" * P,
        "photo " + " " * P + "by",
        "getty images/" + "/" * P,
    ],
}


PATTERN_CASES.update(
    {
        "newsclean.packs._GLOBAL_FLAGS": ["(?" * (P // 2), "(?" + "a" * P, "(?a" * (P // 3)],
        "newsclean.packs._NOT_LITERAL": [
            "\\p{" * (P // 3), "(?<" * (P // 3), "(?P=" * (P // 4), "(?" + "a" * P, "\\" * P, "(?P<" + "a" * P,
        ],
        "newsclean.tokens._TOKENS_OR_NEWLINE": ["a.a'a-" * (P // 6), "a\n" * (P // 2), "a" + "'" * P],
        "newsclean.tokens._ASCII_WORD_RE": ["a.a'a-" * (P // 6), "a-" * (P // 2), "a" * P + "'", "'" * P],
        "newsclean.tokens._LATIN_WORD_RE": ["é’a-" * (P // 4), "é-" * (P // 2), "é" * P + "’", "’" * P],
        "newsclean.tokens._NOT_LATIN": ["é" * P, "a’" * (P // 2) + "ж"],
        "newsclean.packs._VERBOSE": ["(?" * (P // 2), "(?" + "a" * P, "(?a" * (P // 3)],
        "newsclean.needles._DIGITS": ["1" * P, "1" * P + "x", "١" * P],
        "newsclean.needles._ESCAPE": ["\\" * P, "\\a" * (P // 2)],
        "newsclean.needles._REGEX_ONLY": [
            "{" + "1" * P, "{1" * (P // 2), "{1," + "1" * P, "[:" + "a" * P, "[:" * (P // 2), "(?" * (P // 2),
        ],
        "newsclean.language._LEADING_BULLETS": ["o " * (P // 2), " " * P + "x", "\n o" * (P // 3), "o" * P],
        "newsclean.segments._BLANK_RE": ["\n" * P, "\n \n" * (P // 3), " \n" * (P // 2), "\n" + " " * P],
        "newsclean.segments._DIGITS_RE": ["1" * P, "a1" * (P // 2)],
        "newsclean.stages.content.features._DIGIT_RE": ["1" * P, "a1" * (P // 2)],
        "newsclean.stages.content.features._SEPARATOR_RE": ["|" * P, "a»" * (P // 2)],
        "newsclean.stages.content.features.DATE_RE": ["1." * (P // 2), "20" * (P // 2), "12/12/" * (P // 6), "1:" * P],
        "newsclean.stages.content.features.DATELINE_RE": ["1." * (P // 2), "2008" * (P // 4), "12.12." * (P // 6)],
        "newsclean.stages.after_article._EMPTY_BOX": ["[ " * (P // 2), "[" + " " * P, "[ \t" * (P // 3)],
        "newsclean.stages.after_article._DATED": ["1" * P, "20.11." * (P // 6), "2021-11-" * (P // 8), "20.11.2021 " + "-" * P],
        "newsclean.stages.content.region._NUMBERED_RE": ["1" * P, "1." * (P // 2), "12)" * (P // 3)],
        "newsclean.stages.content.region._NAME_RE": ["A" * P, "Aa" * (P // 2), "A" + "a" * P, "É" + "é" * P + "1"],
        "newsclean.stages.content.region._CLOCK_RE": ["1:" * P, "12:3" * (P // 4), "1" * P + ":"],
        "newsclean.stages.content.region._FIELD_RE": ["a" * P + ":", "a " * (P // 2), "a.-" * (P // 3) + ": ", "a a a" + "'" * P],
        "newsclean.template._DIGITS": ["1" * P, "1a" * (P // 2)],
        "newsclean.text._RUN_RE": [" " * P + "x", "  x" * (P // 3)],
        "newsclean.script.CJK_RE": ["東" * P, "あa" * (P // 2), "a" * P],
        "newsclean.headline._BULLET_START": ["* " * (P // 2), "•" * P + "x", "1" * P],
        "newsclean.headline._HASHES": ["#" * P + "x", "# " * (P // 2)],
        "newsclean.headline._IMAGES": ["[" + "a" * P, "[a] " * (P // 4), "[" * P],
        "newsclean.headline._BUTTON": ["(" * P, "(BUTTON" * (P // 7), "[" * P],
        "newsclean.headline._SPLIT": ["a - " * (P // 4), "a" * P + " | ", " - " * (P // 3) + "x", " " * P],
        "newsclean.headline._DOMAIN_SUFFIX": ["a" * P + " (", "a (" * (P // 3), "a (b." + "c." * (P // 2), " (a.bc)" * (P // 7)],
        "newsclean.headline._RULE_OR_SITE": ["-" * P + "x", "a." * (P // 2), "a-." * (P // 3) + "1", "." * P],
        "newsclean.headline._SENTENCE_END": ["aa." * (P // 3), "a. " * (P // 3), "。" * P, "aa" + " " * P],
        "newsclean.headline._CJK": ["東" * P, "a" * P],
        "newsclean.headline._DANGLING": [" " * P + "x", " -" * (P // 2) + "x", "a" * P + " |"],
        "newsclean.headline._IMAGE_FILE": ["[" + "a" * P, "[a." * (P // 3), "[" + "." * P + "png"],
        "newsclean.headline._LABEL": ["A" * P + ":", "Ab:" + " " * P, "Ab / " + "x" * P],
        "newsclean.headline._DATE_OR_TIME": ["1" * P, "1." * (P // 2), "12:" * (P // 3)],
        "newsclean.stages.furniture._AGO": ["vor " + "1" * P, "1 " * (P // 2), "about " * (P // 6), "1" + " " * P + "h"],
        "newsclean.stages.furniture._CHECKBOX": [" " * P + "[", "[ ]" * (P // 3), "- " * (P // 2)],
        "newsclean.stages.furniture._BUTTON_ONLY": ["[" + "a" * P, "[a b] " * (P // 6), "[ " * (P // 2), "(BUTTON)" * (P // 8)],
        "newsclean.stages.furniture._EMPTY_FIELD": ["a" * P + " _", "a " * (P // 2) + "[", "a" + " " * P + "[ ]", "a[" * (P // 2)],
        "newsclean.stages.furniture._REQUIRED_LABEL": ["a" * P + " ", "a " * (P // 2), "a" + " " * P + "*x", "a'" * (P // 2)],
        "newsclean.stages.furniture._NEWSLETTER_HEADING": ["a " * (P // 2), "a" * P, "newsletter " * (P // 11)],
        "newsclean.stages.furniture._NEWSLETTER_VERBS": ["sig" * (P // 3), "a" * P],
        "newsclean.stages.furniture._CREDIT_TAIL": [" ©" * (P // 2), "photo: " * (P // 7), "© " + "a" * P + ".", "(" * P],
        "newsclean.stages.furniture._SOURCE_TAIL": [
            " foto:" * (P // 6), "(quelle: " + "a " * (P // 2), "bild: " + "a" * P + ")", "©" * P, " " * P + ".",
        ],
        "newsclean.stages.furniture._LICENCE_TAIL": ["cc by " * (P // 6), "cc-by-sa" * (P // 8), "cc by" + " " * P + "1.0"],
        "newsclean.stages.furniture._STAND_IN": ["(archiv" * (P // 7), "[abb." * (P // 5), "abbildung " + " " * P, "(" * P],
        "newsclean.stages.furniture._CONSENT": ["agre" * (P // 4), "a" * P],
        "newsclean.stages.furniture._ITEM_MARK": ["* " * (P // 2), "1" * P, " " * P, "1." + " " * P],
        "newsclean.stages.furniture._PIPE_CREDIT": ["|" * P, "| " * (P // 2), "|" + " " * P + "x"],
        "newsclean.stages.furniture._NAME_STOCK": ["A" * P, "Aa " * (P // 3), "A " * (P // 2) + "getty", "A" + " " * P + "x"],
        "newsclean.stages.furniture._POSITION": ["A" * P, "A (" * (P // 3), "A" + " " * P + "(l.)", "A (1. " * (P // 6)],
        "newsclean.stages.furniture._OTHER_DATE": ["1" * P, "2026 " * (P // 5), "1月" * (P // 2), "2026-" * (P // 5)],
        "newsclean.stages.furniture._AGENCY_TAIL": [
            "/ " * (P // 2), "/" + " " * P + "x", "(a" + "/" * P, "a." * (P // 2), "via " * (P // 4),
            "© " + "a " * (P // 2), "/a/" * (P // 3), "(" + "a" * 40 + " " * P + "/",
        ],
        "newsclean.config._TOOL_TABLE_RE": [
            "[" + " " * P, "[ [" + " \t" * (P // 2), "tool" * (P // 4), "\n" * P, "[tool" + " " * P + ".",
            "\n[ tool ." * (P // 9), "'tool' " * (P // 7),
        ],
    }
)


def _pack_cases() -> dict[str, list[str]]:
    """For each pattern category of every built-in pack without cases of its own: each
    pattern's leading literal repeated, and followed by a million spaces or letters
    (the shapes that make an unanchored or greedy pattern backtrack)."""
    import regex

    from newsclean.packs import LANGUAGES, builtin_pack

    cases: dict[str, list[str]] = {}
    for lang in LANGUAGES:
        for cat, p in builtin_pack(lang).patterns:
            lead = regex.match(r"\^?(?:\(\?:)?([^\\()\[\]|?*+{}.^$]+)", p.pattern)
            seed = lead.group(1) if lead and lead.group(1).strip() else "x"
            cases.setdefault(f"pack:{lang}:{cat}", []).extend(
                [seed * (P // len(seed)), seed + " " * P + "x", seed + "x" * P]
            )
    return cases


for _name, _texts in _pack_cases().items():
    PATTERN_CASES.setdefault(_name, _texts)


def _wrapped(n: int, word: str = "word") -> str:
    line = "   " + " ".join([word] * 14)
    return "\n".join(line + ("-" if i % 2 else "") for i in range(n)) + "\n"


# Whole-pipeline worst cases: what a broken dumper or a hostile page can produce.
PIPELINE_CASES = {
    "line of 50,000 spaces": lambda: " " * 50_000 + "word\n",
    "20 MB with no newline": lambda: "word " * (4 * M),
    "20 MB of one letter": lambda: "x" * (20 * M),
    "100,000 | in a row": lambda: "|" * 100_000,
    "100,000 '| ' in a row": lambda: "| " * 100_000,
    "repeated punctuation": lambda: "!?.,;:-" * (M // 7) + "\n" + "...." * (M // 4),
    "combining marks": lambda: "a" + "\u0301" * (M // 5) + "\n" + "e\u0301\u0302" * (M // 3),
    "1,000,000 [": lambda: "[" * M,
    "1,000,000 _": lambda: "_" * M,
    "[a repeated": lambda: "[a" * (M // 2),
    "[img repeated": lambda: "[img " * (M // 5),
    "unclosed [ then letters": lambda: "[" + "a" * M,
    "non-breaking and zero-width": lambda: "\u00a0\u200b" * (M // 2),
    "line separators inside lines": lambda: "\u2028\x85\x0b\x0c" * (M // 4),
    "1,000,000 CR": lambda: "\r" * M,
    "CRLF blank lines": lambda: "\r\n" * (M // 2),
    "50,000 boilerplate lines": lambda: "Back to top | Share | Tweet\n" * 50_000,
    "hard-wrapped paragraph, 30,000 lines": lambda: _wrapped(30_000),
    "hyphen at every line end": lambda: _wrapped(30_000, "hyph-"),
    "one 2,000-word boilerplate line": lambda: "back to top " * 2_000,
    "digits and phrases": lambda: "page 1 of 2 " * 50_000,
    "copyright line at the cap": lambda: ("copyright " + "© " * 995 + "\n") * 1_000,
    "form fields": lambda: ("Search " + "_" * 5_000 + " Go\n") * 200,
    # issue 11 item 26: these took all 21 settle passes (5.7 s, 8.5 s, 3.6 s)
    "100 KB of one-word lines": lambda: "Word\n" * 20_000,
    "100 KB of hyphen-wrapped lines": lambda: _wrapped(1_500, "hyph-"),
    "CJK lines": lambda: ("東京都は新しい計画を発表した。市民の声を聞きながら進める。\n" * 1_500),
}


def run_case(name: str) -> float:
    """Run one case in this process; return the seconds it took."""
    if name in PIPELINE_CASES:
        text = PIPELINE_CASES[name]()
        t = time.perf_counter()
        _pipeline(text)
    else:
        texts = GENERIC + PATTERN_CASES[name]
        _pattern(name)  # compile before timing
        t = time.perf_counter()
        _search(name, texts)
    return time.perf_counter() - t


def _run_in_process(name: str) -> float:
    try:
        r = subprocess.run(
            [sys.executable, __file__, name],
            capture_output=True,
            text=True,
            timeout=GUARD + 10,  # start-up and building the input are not the case's time
            cwd=ROOT,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{name}: did not finish within {GUARD + 10:.0f} s: a pattern went super-linear")
    assert r.returncode == 0, r.stderr
    seconds = float(r.stdout.strip().rsplit("\t", 1)[-1])
    print(f"hostile\t{name}\t{seconds:.3f}")
    return seconds


# The reading and writing side (JSONL records, JSON output).
PATTERN_CASES.update(
    {
        "newsclean.streams._WS": [" " * M, " \t\r\n" * (M // 4) + "x", " " * M + "{"],
        "newsclean.streams._NUMBER": ["1" * M, "-" + "0" * M, "1." + "1" * M + "e", "1e" + "1" * M + ".", "1" * M + "x"],
        "newsclean.writers._SURROGATE": ["\udce9" * M, "a" * M, ("a" * 40 + "\udce9") * (M // 41)],
    }
)


def compiled_patterns() -> set[str]:
    """Every module-level compiled pattern in newsclean/, and each category of patterns
    in the built-in phrase packs."""
    import re

    import regex

    import newsclean
    from newsclean.packs import LANGUAGES, builtin_pack

    found = set()
    for info in pkgutil.walk_packages(newsclean.__path__, "newsclean."):
        if info.name in ("newsclean.cli", "newsclean.__main__", "newsclean.dask"):
            continue
        try:
            module = importlib.import_module(info.name)
        except ImportError:
            continue
        try:
            with open(module.__file__, encoding="utf-8") as f:
                source = "\n" + f.read()
        except (OSError, TypeError):
            source = ""
        for attr, value in vars(module).items():
            # Counted where it is defined, not where it is imported.
            if isinstance(value, (regex.Pattern, re.Pattern)) and f"\n{attr} = " in source:
                found.add(f"{info.name}.{attr}")
    for lang in LANGUAGES:
        for cat in builtin_pack(lang).combined_patterns:
            found.add(f"pack:{lang}:{cat}")
    return found


def test_every_pattern_has_a_worst_case():
    missing = compiled_patterns() - set(PATTERN_CASES)
    assert not missing, (
        f"compiled patterns without a worst-case input in tests/test_hostile.py: {sorted(missing)}; "
        "add one to PATTERN_CASES (possessive forms and anchors keep a pattern linear)"
    )


@pytest.mark.slow
@pytest.mark.parametrize("name", list(PATTERN_CASES))
def test_pattern_worst_case_is_linear(name):
    _run_in_process(name)


@pytest.mark.slow
@pytest.mark.parametrize("name", list(PIPELINE_CASES))
def test_pipeline_worst_case_is_linear(name):
    _run_in_process(name)


# --- the last line of defence: a pattern timeout passes the document through -------------

EVIL_RULES = "[footer]\nre: ^(a|aa)+$\n"
PAGE = "Back to top\n" + "a" * 60 + "b\nThe article, in a sentence of its own.\n"


def _cli(args, tmp_path, timeout_s="0.05"):
    return subprocess.run(
        [sys.executable, "-m", "newsclean", *args],
        capture_output=True,
        cwd=tmp_path,
        env={**os.environ, "NEWSCLEAN_PATTERN_TIMEOUT": timeout_s},
        timeout=120,
    )


def test_pattern_timeout_passes_document_through_unchanged(tmp_path):
    (tmp_path / "evil.rules").write_text(EVIL_RULES)
    (tmp_path / "page.txt").write_bytes(PAGE.encode())
    (tmp_path / "other.txt").write_bytes(b"Back to top\nThe other article, in full.\n")
    r = _cli(["--rules", "evil.rules", "page.txt"], tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout == PAGE.encode()
    assert r.stderr.decode().strip() == "page.txt: a pattern timed out: passed through unchanged"
    # In place: the file is left alone, the others are cleaned.
    r = _cli(["--rules", "evil.rules", "-i", "page.txt", "other.txt"], tmp_path)
    assert r.returncode == 1, r.stderr
    assert (tmp_path / "page.txt").read_bytes() == PAGE.encode()
    assert (tmp_path / "other.txt").read_bytes() == b"The other article, in full.\n"
    # JSON: the whole input, with the note.
    r = _cli(["--rules", "evil.rules", "-f", "json", "page.txt"], tmp_path)
    import json

    record = json.loads(r.stdout)
    assert record["removed"] == [] and record["notes"] == ["a pattern timed out: passed through unchanged"]


def test_the_pattern_time_limit_is_per_document_not_per_search():
    """Twelve slow lines under a 1 s limit took 7.6 s when each search had its own limit:
    the searches of one document share it, and the stage raises once it is spent."""
    from newsclean.context import Context
    from newsclean.document import Document
    from newsclean.packs import parse_pack
    from newsclean.stages import boilerplate

    search = boilerplate.PatternSearch(parse_pack(EVIL_RULES), budget=0.3)
    slow = "a" * 26 + "b"
    t = time.monotonic()
    with pytest.raises(TimeoutError):
        for _ in range(1_000):
            search(slow)
    assert time.monotonic() - t < 3.0  # the budget (0.3 s) and one search's overrun, not 1,000 limits
    # through the stage: a rules file, one document, one budget (distinct lines: the
    # stage searches each line text once)
    doc = Document.from_text("\n".join(slow + "c" * i for i in range(1_000)))
    old = boilerplate.PATTERN_TIMEOUT
    boilerplate.PATTERN_TIMEOUT = 0.3
    try:
        ctx = Context(rules=("evil.rules",))
        ctx_pack = parse_pack(EVIL_RULES)
        ctx.pack = lambda d: ctx_pack  # type: ignore[method-assign]
        with pytest.raises(TimeoutError):
            boilerplate.boilerplate_sentences(doc, ctx)
    finally:
        boilerplate.PATTERN_TIMEOUT = old


def test_without_a_timeout_trip_the_rules_apply(tmp_path):
    (tmp_path / "evil.rules").write_text(EVIL_RULES)
    (tmp_path / "page.txt").write_bytes(b"aaaa\nThe article, in a sentence of its own.\n")
    r = _cli(["--rules", "evil.rules", "page.txt"], tmp_path, timeout_s="5")
    assert r.stdout == b"The article, in a sentence of its own.\n"


# --- fuzzer findings ----------------------------------------------------------------------

REGRESSIONS = os.path.join(ROOT, "fuzz", "regressions")


@pytest.mark.parametrize("name", sorted(os.listdir(REGRESSIONS)) if os.path.isdir(REGRESSIONS) else [])
def test_fuzz_regression(name):
    sys.path.insert(0, os.path.join(ROOT, "fuzz"))
    try:
        from invariants import check_bytes
    finally:
        sys.path.pop(0)
    with open(os.path.join(REGRESSIONS, name), "rb") as f:
        check_bytes(f.read())


if __name__ == "__main__":
    sys.path.insert(0, ROOT)
    names = sys.argv[1:] or list(PATTERN_CASES) + list(PIPELINE_CASES)
    for case in names:
        print(f"{case}\t{run_case(case):.3f}", flush=True)
