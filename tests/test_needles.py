"""The packs' line filter: what a line must start with or hold before a pack's
alternation is searched. It may let through lines no pattern matches (they are
searched as before); it must never turn away a line a pattern matches."""

from __future__ import annotations

import re

import pytest
import regex
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsclean.needles import DIGIT, LineFilter, pattern_needles
from newsclean.packs import LANGUAGES, builtin_pack, parse_pack
from newsclean.stages.boilerplate import PatternSearch

NEEDLES = [
    # literal starts, through optional parts and alternatives
    (r"^we use cookies\b", ("start", ("we use cookies",))),
    (r"^(?:please )?log in\b", ("start", ("log in", "please log in"))),
    (r"^\(?(?:photo|image)\s+by\b", ("start", ("(image", "(photo", "image", "photo"))),
    (r"^[*•] related\b", ("start", ("* related", "• related"))),
    # a run of digits, then what follows it
    (r"^\d{1,4}\. [a-z]", ("start", (DIGIT + ". ",))),
    (r"^(?:\d+|some) replies$", ("start", (DIGIT + " replies", "some replies"))),
    (r"^\d{1,2}[.:]\d{2} uhr$", ("start", (DIGIT + ".", DIGIT + ":"))),
    (r"^\d+ comments?$", ("start", (DIGIT + " comment", DIGIT + " comments"))),
    # digits alone let too much through (dates): the literal the match must hold instead
    (r"^\d+\s*comments?$", ("contain", ("comment",))),
    (r"^\d+\s*(?:replies|responses?)$", ("contain", ("replies", "response", "responses"))),
    # a start that may be anything: the literal the match holds
    (r"^.{0,80}\ball rights reserved\b", ("contain", ("all rights reserved",))),
    (r"^[^.!?]{0,60}\bis not responsible\b", ("contain", ("is not responsible",))),
    (r"^.{0,40}(?:reading time|\d+ min read)$", ("contain", (" min read", "reading time"))),
    (r"^.{0,40}\d+ min$", ("contain", (" min",))),
    (r"^.{0,40}\d+$", None),
    (r"^.{0,200}無断(?:転載|複製)", ("contain", ("無断複製", "無断転載"))),
    # variable look-behind: only regex reads it, the gap's literal serves
    (r"^.{0,160}\bpost a comment$(?<=\d.{0,200})", ("contain", ("post a comment",))),
    # none known: every line is searched
    (r"^\w+ cookies$", ("contain", (" cookies",))),
    (r"^[a-z]+!$", None),
    (r"^.{0,9}\d$", None),
    (r"(?i)^we use cookies", None),
    (r"^(?i:we) use", ("contain", (" use",))),
    (r"^\p{Lu}+ news$", None),
    (r"^(?:abc){e<=1}$", None),
    (r"^[[:alpha:]]+ news$", None),
]


@pytest.mark.parametrize("pattern, expected", NEEDLES, ids=[p for p, _ in NEEDLES])
def test_pattern_needles(pattern, expected):
    assert pattern_needles(pattern) == expected


FILTER = LineFilter(
    [
        ("start", ("we use cookies", "photo")),
        ("start", (DIGIT + " comments",)),
        ("contain", ("all rights reserved",)),
    ]
)

LINES = [
    ("we use cookies to improve the site.", True),
    ("photo: ann lee", True),
    ("12 comments", True),
    ("٣ comments", True),  # \d is any script's digit
    ("12٣ comments", True),
    ("© 2024 the harbour gazette. all rights reserved.", True),
    ("", False),
    ("the harbour was closed on monday.", False),
    ("12 march 2024", False),
    ("comments", False),
    ("photographers waited at the pier.", True),  # lets through; the pattern decides
]


@pytest.mark.parametrize("line, passes", LINES, ids=[line[:20] or "empty" for line, _ in LINES])
def test_line_filter(line, passes):
    assert FILTER(line) is passes


def _generable(pattern: str) -> bool:
    try:
        re.compile(pattern)
        st.from_regex(pattern).validate()
    except Exception:  # noqa: BLE001 - syntax only regex reads
        return False
    return True


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_builtin_pattern_has_needles(lang):
    """A pattern without needles turns the filter off for every page in the language."""
    pack = builtin_pack(lang)
    assert [p.pattern for _, p in pack.patterns if p.needles is None] == []
    assert pack.line_filter is not None


@pytest.mark.parametrize("lang", LANGUAGES)
@settings(max_examples=50, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_filter_passes_every_line_a_pattern_matches(lang, data):
    """Lines made to match one of the pack's patterns (hypothesis reads the pattern)
    pass the pack's filter, casefolded as the stage searches them."""
    pack = builtin_pack(lang)
    patterns = [p.pattern for _, p in pack.patterns if _generable(p.pattern)]
    pattern = data.draw(st.sampled_from(patterns))
    line = data.draw(st.from_regex(pattern, fullmatch=True).filter(lambda s: "\n" not in s))
    if regex.match(pattern, line, regex.V0) is None:  # what re reads and regex does not
        return
    assert pack.line_filter is not None
    assert pack.line_filter(line), (pattern, line)


def test_a_rules_file_without_needles_is_still_searched():
    """A user's pattern the needles cannot be found for turns the filter off: its lines
    are all searched, and it still matches."""
    pack = parse_pack("[footer]\nre: ^[a-z]+!$\n[share]\nre: ^share this\\b\n")
    assert pack.line_filter is None
    search = PatternSearch(pack)
    assert search("wow!") == "footer"
    assert search("share this page") == "share"
    assert search("the harbour") == ""


def test_a_rules_file_gets_needles_at_run_time():
    pack = parse_pack("[footer]\nre: ^.{0,40}\\bprinted in\\b\n")
    assert pack.line_filter is not None
    search = PatternSearch(pack)
    assert search("this paper was printed in ireland") == "footer"
    assert search("the harbour was closed") == ""
