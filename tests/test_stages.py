"""Per-stage behaviour tables: what each stage removes, and what it must leave alone."""

from __future__ import annotations

import pytest

from newsclean.compose import compose
from newsclean.context import Context
from newsclean.document import Document
from newsclean.pipeline import Pipeline
from newsclean.signals import Signal
from newsclean.stages.boilerplate import boilerplate_lines, boilerplate_sentences, layout
from newsclean.stages.safety import safety_valve


def fates(text: str, *stages) -> list[str | None]:
    doc = Document.from_text(text)
    ctx = Context(language="en")
    for stage in stages:
        stage(doc, ctx)
    return [None if ln.removal is None else ln.removal.rule for ln in doc.lines]


@pytest.mark.parametrize(
    "line, rule",
    [
        ("*", "symbols-only"),
        ("| | |", "symbols-only"),
        ("____________________", "symbols-only"),
        ("----", "symbols-only"),
        ("[arrow9x7]", "image-placeholder"),
        ("[nee_262731a.jpg]", "image-placeholder"),
        ("[spacer.gif ] [dot.png]", "image-placeholder"),
        ("IFRAME: frame1", "iframe"),
        ("Search Site ____________________ Go", "form-field"),
        ("[a new meeting between Lavrov and Blinken] was not planned.", None),
        ("The score was 3 - 1.", None),
        ("* * * The story continues.", None),
    ],
)
def test_layout(line, rule):
    assert fates(line, layout) == [rule]


@pytest.mark.parametrize(
    "line, rule",
    [
        ("Back to top\u00a0\u00a0\u00a0 Go to home page clear", "phrase:layout+navigation"),
        ("clear", "phrase:layout"),
        ("Share on Facebook | Tweet | Email this", "phrase:navigation+share"),
        ("Home » World » Europe", "phrase:navigation"),
        ("Print this page · E-mail this story", "phrase:navigation"),
        ("Email Article Email Article", "phrase:navigation"),
        ("Advertisement", "phrase:advertising"),
        ("Comments (12)", "phrase:comments"),
        ("Skip to main content", "phrase:navigation"),
        ("[Home](/) | [News](/news) | [Sport](https://example.org/sport)", "phrase:navigation"),
        ("* [Share on Facebook](https://facebook.com/sharer?u=x)", "phrase:share"),
        ("[Back to top](#top) ![up](/img/up.png)", "phrase:navigation"),
        ("Read the [council's report](https://example.org/report.pdf) on the budget.", None),
        ("The team went back to top form in the second half.", None),
        ("Share prices fell sharply on Monday.", None),
        ("Home is where the heart is, she said.", None),
        ("Clear skies are forecast for the weekend.", None),
    ],
)
def test_boilerplate_lines(line, rule):
    assert fates(line, boilerplate_lines) == [rule]


@pytest.mark.parametrize(
    "line, rule",
    [
        ("We use cookies to give you the best experience on our site.", "pattern:cookie"),
        ("By continuing to use this site you agree to our use of cookies.", "pattern:cookie"),
        ("Sign up for our daily newsletter to get the latest headlines.", "pattern:newsletter"),
        ("Copyright 2008 The Daily Example. All rights reserved.", "pattern:footer"),
        ("Photo: Jane Doe / Example Agency", "pattern:credit"),
        ("Bakers say cookies sold out by noon on Saturday.", None),
        ("Copyright law was last changed in 1988, the minister said.", None),
    ],
)
def test_boilerplate_sentences(line, rule):
    got = fates(line, boilerplate_sentences)[0]
    assert (got is None) == (rule is None)
    if rule:
        assert got.startswith(rule.split(":")[0])


def test_wrapped_paragraph_tail_is_judged_with_its_paragraph():
    lines = [
        "   The council voted on Tuesday to close the old bridge to all traffic, a",
        "   decision that will add twenty minutes to the journeys of thousands of",
        "   commuters, according to figures the council published last month. The",
        "   mayor said there was no choice: the bridge could not carry the weight any",
        "   more.",
    ]
    assert fates("\n".join(lines), boilerplate_lines) == [None] * 5


@pytest.mark.parametrize(
    "raw, paragraphs",
    [
        ("  Hello\u00a0 world  \n\n\n\nSecond\u200b line", ["Hello world", "Second line"]),
        ("Tabs\tand  spaces", ["Tabs and spaces"]),
        ("One\nTwo\n\nThree", ["One\nTwo", "Three"]),
        ("“Curly” quotes — and dashes – stay", ["“Curly” quotes — and dashes – stay"]),
        ("", []),
        ("   \n \n", []),
        # lynx's numbered links: the numbers go once a page has three of them
        ("[1]Home [2]News\n\nThe [3]harbour reopened (see [4]the report).",
         ["Home News", "The harbour reopened (see the report)."]),
        # ... but not a lone citation, nor numbers that stand apart or follow a word
        ("Results were mixed [1] in 2020, and word[2]text stays.", ["Results were mixed [1] in 2020, and word[2]text stays."]),
        ("[1]One", ["[1]One"]),
    ],
)
def test_normalize(raw, paragraphs):
    doc = Document.from_text(raw)
    compose(doc)
    assert [p.text for p in doc.paragraphs] == paragraphs


def _dump(first: str, rest: str, width: int = 62) -> str:
    """A lynx-style hard-wrapped paragraph: 3-space indent, wrapped at ``width``."""
    import textwrap

    return "\n".join(["   " + first] + ["   " + line for line in textwrap.wrap(rest, width)])


REST = (
    "holds in the district for several weeks before it reached a decision about the "
    "future of the harbour and its fishing fleet, which has shrunk every year since "
    "the nineties; each of the {word} got a questionnaire."
)


def test_normalize_joins_hard_wrapped_lines_and_dehyphenates_real_words():
    raw = _dump("The committee examined the long proposal sent to every house-", REST.format(word="households"))
    doc = Document.from_text(raw)
    compose(doc)
    assert [p.text.count("\n") for p in doc.paragraphs] == [0]
    assert doc.paragraphs[0].text.startswith("The committee examined the long proposal sent to every households in")


def test_normalize_keeps_hyphen_when_joined_word_is_unknown():
    raw = _dump("The committee examined the long proposal sent to every house-", REST.format(word="homes"))
    doc = Document.from_text(raw)
    compose(doc)
    assert "every house-holds in" in doc.paragraphs[0].text


def test_safety_valve_restores_statistical_removals_only():
    doc = Document.from_text("Back to top\nA short article sentence here.")
    doc.remove(doc.lines[0], "boilerplate-lines", "phrase:navigation")
    doc.remove(doc.lines[1], "content", "outside-article:0.10", Signal.STATISTICAL)
    safety_valve(doc, Context())
    assert doc.lines[0].removal is not None
    assert doc.lines[1].removal is None
    assert doc.notes and "safety valve" in doc.notes[0]


def test_safety_valve_keeps_quiet_when_enough_is_kept():
    doc = Document.from_text("\n".join(["Menu item"] * 5 + ["A long enough article sentence with words."]))
    for line in doc.lines[:5]:
        doc.remove(line, "content", "outside-article:0.01", Signal.STATISTICAL)
    safety_valve(doc, Context())
    assert not doc.notes
    assert all(line.removal for line in doc.lines[:5])


def test_pipeline_never_writes_an_empty_file_for_a_page_with_words():
    page = "\n".join(["Sports", "Weather", "Login", "Teams", "Scores", "Standings", "Photo gallery"])
    out = Pipeline().clean(page)
    assert out.strip(), "a page with words must not come out empty"


def test_pipeline_output_is_stable_in_one_pass():
    page = "\n".join(
        ["Home | News | Sport", "", "Storm closes harbour", ""]
        + [
            "The harbour was closed on Monday after a storm damaged two piers, officials said.",
            "",
            "Fishermen said they had not seen waves like it in years, and repairs could take weeks.",
            "",
            "Most read",
            "Harbour master resigns",
            "New ferry for the islands",
        ]
    )
    p = Pipeline()
    once = p.clean(page)
    assert p.clean(once) == once


def test_unknown_stage_lists_the_available_ones():
    with pytest.raises(KeyError) as err:
        Pipeline(["layout", "no-such-stage"])
    assert "no-such-stage" in str(err.value) and "layout" in str(err.value)


def test_skip_removes_a_stage():
    page = "Advertisement\n\nA sentence of the article, long enough to be kept by every stage."
    assert "Advertisement" in Pipeline(skip=["boilerplate-lines", "content"]).clean(page)
    assert "Advertisement" not in Pipeline().clean(page)


@pytest.mark.parametrize(
    "line, rule",
    [
        ("Ok", "phrase:cookie"),
        ("OK »", "phrase:cookie"),
        ("– “Ok.”", None),  # a reply in a dialogue, quoted
        ("„Ok!“", None),
    ],
)
def test_a_quoted_reply_is_no_button(line, rule):
    assert fates(line, boilerplate_lines) == [rule]


def test_arrows_like_guillemets_are_no_quote():
    assert fates("« Previous Next »", boilerplate_lines) == ["phrase:navigation"]
