"""Properties of ``clean`` on any string, with hypothesis.

- stability: clean(clean(x)) == clean(x) for the built-in documents; on any string a
  second run may only join or drop lines, and the confirming pass says so;
- each judge and the composer is idempotent on its own written output;
- it never raises;
- it never invents words: every output word is an input word, or input words joined
  where a line-end hyphen was removed or kept;
- the words of kept lines stay in their order;
- the newline style of the input is kept.

The strategies are built for scraped text, not only hypothesis' default text: alphabets
rich in whitespace, line breaks (\\r, \\n, \\r\\n, \\x85, \\u2028), non-breaking spaces,
punctuation, bullets, ``|``, ``[``, ``-``, and documents made of boilerplate phrases
mixed with sentences and hard-wrapped paragraphs.

Examples per property: NEWSCLEAN_PROPERTY_EXAMPLES (default 300).
"""

from __future__ import annotations

import os
import sys

import pytest
from hypothesis import HealthCheck, assume, event, example, given, settings
from hypothesis import strategies as st

import newsclean

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "fuzz"))
from invariants import invented_words, joins, kept_lines_in_order, newline_kept, settles  # noqa: E402

sys.path.pop(0)

EXAMPLES = int(os.environ.get("NEWSCLEAN_PROPERTY_EXAMPLES", "300"))
PROFILE = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# --- strategies ---------------------------------------------------------------------------

ALPHABET = (
    list("abcdefghijklmnopqrstuvwxyzABCXYZéßñ0123456789")
    + list(" \t\u00a0\u2009\u200b\u00ad\ufeff")
    + ["\r", "\n", "\r\n", "\x85", "\u2028", "\u2029", "\x0b", "\x0c"]
    + list(".,;:!?-–—'’\"()«»…/&@#%*•·|[]_=+>~©")
)
chars = st.lists(st.sampled_from(ALPHABET), max_size=300).map("".join)
# Few distinct characters, long runs: "||||", "[[[", "   ", "----".
mixed = st.lists(st.tuples(st.sampled_from(ALPHABET), st.integers(1, 30)), max_size=20).map(
    lambda runs: "".join(c * n for c, n in runs)
)

PHRASES = [
    "Back to top",
    "Share",
    "clear",
    "Tweet",
    "Email this",
    "Home | News | Sport | Weather",
    "Share on Facebook | Tweet | Email",
    "Go to home page",
    "[arrow9x7]",
    "[IMG]",
    "IFRAME: frame1",
    "Search ____________ Go",
    "* * *",
    "----------",
    "|",
    "We use cookies to give you the best experience.",
    "Copyright 2024 Example News. All rights reserved.",
    "Sign up for our daily newsletter",
    "12 comments",
    "Photo: Jane Doe",
    "Page 2 of 3",
    "• Related: more stories",
]
SENTENCES = [
    "The minister said on Tuesday that the talks would go on.",
    "Prices rose by 3.5 per cent, the statistics office said.",
    "\u201cWe are not going back,\u201d she told reporters in the capital.",
    "The team went back to top form after the break.",
    "A well-known hyph-",
    "enated word ends here.",
    "Share prices fell sharply in early trading.",
    "The council will clear the site next year.",
    "Résumé: the café reopened after years of work.",
    "   An indented line of a hard-wrapped paragraph that runs to the wrap column",
    "   and its continuation on the next line.",
    "Headline Without A Full Stop",
]
line = st.one_of(
    st.sampled_from(PHRASES),
    st.sampled_from(SENTENCES),
    st.just(""),
    st.builds(lambda a, b: a + b, st.sampled_from(["", " ", "   ", "\u00a0", "\t", "• ", "* ", "| "]), st.sampled_from(PHRASES + SENTENCES)),
    st.builds(lambda a, b: a + " | " + b, st.sampled_from(PHRASES), st.sampled_from(PHRASES + SENTENCES)),
    st.text(st.sampled_from([c for c in ALPHABET if len(c) == 1 and c not in "\r\n"]), max_size=60),
)


@st.composite
def documents(draw):
    lines = draw(st.lists(line, max_size=40))
    nl = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    text = nl.join(lines) + (nl if draw(st.booleans()) else "")
    if draw(st.booleans()):
        text = "\ufeff" + text
    return text


any_text = st.one_of(documents(), chars, mixed, st.text(max_size=200))

# Idempotence used to fail in one known way: when the composer joined lines it judged
# hard-wrapped, a second run judged the joined (longer) lines anew and could join again
# or drop a joined line as boilerplate. The composer now judges the wrap on the lines
# as written too. The minimal case found then:
REJOIN = [
    # Four lines, two near the longest: wrapped at 76; the output's lines look wrapped at 75.
    "The minister said on Tuesday that the talks would go on.\n"
    "   An indented line of a hard-wrapped paragraph that runs to the wrap column\n0\n"
    "Home | News | Sport | Weather | Sign up for our daily newsletter",
]


# Minimal failures found by hypothesis and the fuzzer, kept so they stay fixed.
KNOWN = [
    "i\x12ph-\nenath-\nenated",  # a hyphen join matched only a prefix (fixed in normalize)
    ":[A0]",  # ':' left after the image name, removed by a second run (fixed in layout)
    "[[a8]a8]",  # a nested image name, uncovered by the first removal (fixed: visible())
    "[IMG]Copyright 2024 Example",  # the pattern saw '[img]copyright' (fixed: visible())
    "Ba\u00adck to top",  # a soft hyphen hid a phrase from the first run (fixed: visible())
    "We use" + " " * 2500 + "cookies to improve it.",  # over the length cap until squeezed
    "@__\ufeff_ e",  # a form field once the invisible character goes (fixed in layout)
    # A removed navigation line set the wrap width in the first run only; a double space
    # made the first line one column longer in the first run only (fixed: the width is
    # judged on the lines as written).
    "The minister said on Tuesday that the talks would go on.\n" * 3
    + "Home | News | Sport | Weather | Home | News | Sport | Weather",
    "ed w  \udcbce\udc8ba\udcff\udcffel\udcff\udcf7\udcd4, \x00\x00\x08\x00\x00[e3iph-\n]a\n"
    "h\udca8x4iph_\udc93\udc93\udc93\udc93\udc93yn\udca9\udca9\udca9",
    # Clean text passes through verbatim, image name and all: the oracle took the image
    # name for an invented word (found by hypothesis on another branch).
    "[arrow9x7] | The minister said on Tuesday that the talks would go on.",
]


def _examples(f):
    for e in KNOWN + REJOIN:
        f = example(e)(f)
    return f



# --- properties ---------------------------------------------------------------------------


@PROFILE
@given(any_text)
@_examples
def test_never_raises(text):
    newsclean.clean(text)
    newsclean.clean_and_explain(text)


@PROFILE
@given(any_text)
@_examples
def test_a_second_run_only_joins_or_drops_and_is_noted(text):
    """clean(clean(x)) == clean(x), or else the second run only joined or dropped lines
    and the confirming pass (-i, --check, the hook) noted it and kept the first result."""
    pipeline = newsclean._pipeline()
    doc = pipeline.run(text, confirm=True)
    once = pipeline.render(doc)
    assert once == newsclean.clean(text)  # the confirming pass keeps the first result
    twice = newsclean.clean(once)
    if twice != once:
        event("unstable: " + ("first run joined lines" if joins(doc) else "second run judged anew"))
    assert settles(doc, once, twice) is None


@pytest.mark.parametrize("text", REJOIN)
def test_idempotent_strictly(text):
    once = newsclean.clean(text)
    assert newsclean.clean(once) == once


@PROFILE
@given(any_text)
@_examples
def test_no_invented_words(text):
    assert invented_words(text, newsclean.clean(text)) == []


@PROFILE
@given(any_text)
@_examples
def test_kept_words_stay_in_order(text):
    assert kept_lines_in_order(text, newsclean.clean(text))


@PROFILE
@given(any_text)
@_examples
def test_newline_style_kept(text):
    assert newline_kept(text, newsclean.clean(text))


# --- each stage on its own output -----------------------------------------------------------

STAGE_PROFILE = settings(
    max_examples=max(20, EXAMPLES // 5),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def _written(doc) -> str:
    """What a judge's run writes: the composer always runs last (``--stages NAME``
    writes this), and it joins the lines of a paragraph a dumper hard-wrapped, which the
    judge judged as one."""
    from newsclean.compose import compose
    from newsclean.pipeline import render_plain

    compose(doc)
    return render_plain(doc)


# The judges that judge lines by what they say, not by statistics of the page.
LINE_JUDGES = ["layout", "boilerplate-sentences", "boilerplate-lines"]


@STAGE_PROFILE
@given(any_text, st.sampled_from(LINE_JUDGES))
def test_each_line_judge_is_idempotent_on_its_own_output(text, name):
    """A judge run on what it kept removes nothing more."""
    from newsclean.context import Context
    from newsclean.document import Document
    from newsclean.registry import stages

    judge = stages.get(name).func
    ctx = Context(language="en")
    doc = Document.from_text(text)
    judge(doc, ctx)
    again = Document.from_text(_written(doc))
    judge(again, ctx)
    assert [ln.text for ln in again.removed() if ln.text.strip()] == []


# Found by longer random searches (NEWSCLEAN_PROPERTY_EXAMPLES=10000 HYPOTHESIS_RANDOM=1)
# when the judge's output was taken as its kept lines, unjoined: a judge groups
# hard-wrapped lines by the document's wrap width, and removing a line can change the
# width, so a line judged as the rest of a wrapped paragraph stood alone on the next
# run. As written (composed), the paragraph is one line, and stays kept.
WRAP_WIDTH_CASES = [
    (
        "We use cookies to give you the best experience.\nThe minister said on Tuesday that the talks would go on.\n"
        "Sign up for our daily newsletter\n\u20280",
        "boilerplate-sentences",
    ),
    ("Back to top\n   and its continuation on the next line.\nHome | News | Sport | Weather | Back to top", "boilerplate-lines"),
]


@pytest.mark.parametrize(("text", "name"), WRAP_WIDTH_CASES)
def test_a_judge_stays_idempotent_when_a_removal_changes_the_wrap_width(text, name):
    test_each_line_judge_is_idempotent_on_its_own_output.hypothesis.inner_test(text, name)


@STAGE_PROFILE
@given(any_text)
def test_the_composer_is_idempotent_on_its_own_output(text):
    """Composing composed text changes nothing: no new join, no new squeeze."""
    from newsclean.compose import compose
    from newsclean.document import Document
    from newsclean.pipeline import render_plain

    doc = Document.from_text(text)
    compose(doc)
    once = render_plain(doc)
    again = Document.from_text(once)
    compose(again)
    assert render_plain(again) == once


@STAGE_PROFILE
@given(documents())
def test_the_content_stage_is_idempotent_on_its_own_output(text):
    """The content stage keeps all of what it kept when it meets it again, as the
    composer writes it (the composer joins the lines the stage judged one wrapped
    paragraph)."""
    from newsclean.compose import compose
    from newsclean.context import Context
    from newsclean.document import Document
    from newsclean.pipeline import render_plain
    from newsclean.stages.content import content

    ctx = Context(language="en")
    doc = Document.from_text(text)
    content(doc, ctx)
    compose(doc)
    # Known gaps (test below): the composer may join lines that the stage scored apart,
    # and writes a table line whole, squeezed, where the stage judged its widest cell.
    assume(not joins(doc) and not any("   " in ln.text.strip() for ln in doc.kept()))
    again = Document.from_text(render_plain(doc))
    content(again, ctx)
    assert [ln.text for ln in again.removed() if ln.text.strip()] == []


def test_content_and_composer_agree_on_what_is_one_paragraph():
    # Was a known gap: the composer joined, on the lines as written (flat, after 'Share'
    # is gone), lines the content stage had judged as two units. Flat text is now taken
    # for hard-wrapped only when a long line is visibly broken mid-sentence (wrap.py).
    from newsclean.pipeline import Pipeline

    pipeline = Pipeline(["content"])
    once = pipeline.clean("Share\n   and its continuation on the next line.\nHeadline Without A Full Stop")
    assert pipeline.clean(once) == once


# The judges that must follow the content stage, and the template judge, which needs a
# learned template (one learned from three pages that share their furniture).
FOLLOWING_JUDGES = ["furniture", "columns", "safety-valve"]


@STAGE_PROFILE
@given(documents(), st.sampled_from(FOLLOWING_JUDGES))
# found by a random search: the furniture judge compared lines with their image names,
# the composer writes them without
@example("Back to top\nShare on Facebook | Tweet | Email | [arrow9x7]\nShare on Facebook | Tweet | Email | Back to top", "furniture")
def test_each_judge_after_content_removes_nothing_more_from_its_own_output(text, name):
    """A judge that follows the content stage (run as ``--stages content,NAME``),
    run again on what that run wrote, removes nothing more itself."""
    from newsclean.compose import compose
    from newsclean.context import Context
    from newsclean.document import Document
    from newsclean.pipeline import render_plain
    from newsclean.registry import stages
    from newsclean.stages.content import content

    judge = stages.get(name).func
    ctx = Context(language="en")
    doc = Document.from_text(text)
    content(doc, ctx)
    judge(doc, ctx)
    compose(doc)
    again = Document.from_text(render_plain(doc))
    content(again, ctx)
    judge(again, ctx)
    assert [ln.text for ln in again.removed() if ln.removal.stage == name and ln.text.strip()] == []


def test_the_template_judge_removes_nothing_more_from_its_own_output():
    from newsclean.compose import compose
    from newsclean.context import Context
    from newsclean.document import Document
    from newsclean.pipeline import render_plain
    from newsclean.stages.template import template as template_judge
    from newsclean.template import Template

    furniture = "Home | News | Sport\nSubscribe to our newsletter\n"
    articles = ["The council met on Tuesday and voted.", "Rain is expected tonight.", "The ferry runs again."]
    pages = [furniture + article + "\n" for article in articles]
    ctx = Context(language="en", template=Template.learn(pages))
    doc = Document.from_text(pages[0])
    template_judge(doc, ctx)
    compose(doc)
    once = render_plain(doc)
    assert once == "The council met on Tuesday and voted.\n"
    again = Document.from_text(once)
    template_judge(again, ctx)
    assert list(again.removed()) == []
