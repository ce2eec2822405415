"""The article region and a blog's comment form: the post stands above the form,
the sidebar below it, however much prose the sidebar's boxes hold. Made-up pages."""

from __future__ import annotations

import pytest

from newsclean.document import Document
from newsclean.pipeline import Pipeline
from newsclean.stages.content import build_units, select

from .test_content import page

POST = ["Sea glass on the north beach",
        "After the spring storms the north beach at Carne was covered in sea glass, most of it green and "
        "some of it the pale blue of old medicine bottles, so we filled two jars before the tide came in."]
SIDEBAR = [
    "About this blog",
    "I have walked the coast between Kilmore and Carne every weekend for eleven years, and this is where I "
    "write down what the sea leaves behind, from driftwood and rope to the odd message in a bottle.",
    "The blog started as a notebook for my children, who wanted to know the names of the birds and the "
    "shells we found, and it grew into a record of the beach through the seasons and the storms.",
    "If you find something on the shore that you cannot name, send me a photograph and I will do my best "
    "to tell you what it is, where it came from and how long it may have been drifting at sea.",
]


def _page(form: list[str]) -> str:
    return page(["Home", "Archive", "Contact"], *[[p] for p in POST], ["Posted in Beaches"], form,
                *[[p] for p in SIDEBAR], ["Copyright 2024 Beachcomber"])


@pytest.mark.parametrize("field", ["Name * ____________________", "[                              ]"])
def test_the_post_above_a_comment_form_is_the_article_not_the_sidebar_below_it(field):
    form = ["Leave a comment", "", field, "", "Email * ____________________", "", "Post Comment"]
    out = Pipeline().clean(_page(form))
    assert POST[1] in out
    for paragraph in SIDEBAR[1:]:
        assert paragraph not in out


def test_a_comments_link_without_a_text_field_is_no_comment_form():
    # a toolbar's "Comments" link between a teaser and the article sends nothing up
    raw = page(["Home", "Archive"], [POST[1]], ["Comments"], *[[p] for p in SIDEBAR])
    out = Pipeline().clean(raw)
    for paragraph in SIDEBAR[1:]:
        assert paragraph in out


def test_the_post_above_a_comment_form_that_splits_the_page_is_the_article():
    # the form's own lines stay as units and split the page: the sidebar below
    # is the heavier run, the post above it the article
    form = ["Leave a comment", "", "Name * ____________________", "", "Email * ____________________", "",
            "Avatar", "", "Log in with", "", "Website", "", "Logo", "", "Photo", "", "Post Comment"]
    out = Pipeline().clean(_page(form))
    assert POST[1] in out
    for paragraph in SIDEBAR[1:]:
        assert paragraph not in out


def _selected(doc: Document) -> list[str]:
    """The region's choice over ``doc`` when prose (a unit ending in a full stop) scores
    0.6 and anything else 0.02: the kept lines' texts."""
    units = build_units(doc, None)
    prose = [u.text.endswith(".") for u in units]
    for u, p in zip(units, prose):
        u.prob = 0.6 if p else 0.02
    select(doc, units, {"bias": 0.12, "low": 0.02, "second": 0.3, "strong": 0.7}, prose=prose)
    return [line.text for line in doc.lines if line.removal is None and line.text]


def test_select_takes_the_run_above_a_comment_form_over_a_heavier_run_below_it():
    lines = [POST[1], "Leave a comment", "Name * ____________________", "Email * ____________________",
             *[f"Form field label {i}" for i in range(16)], *SIDEBAR[1:]]
    doc = Document.from_text("\n\n".join(lines))
    for line in doc.lines:
        if line.text in ("Leave a comment",):
            doc.remove(line, "boilerplate-lines", "phrase:comments")
        elif "____" in line.text:
            doc.remove(line, "layout", "form-field")
    assert _selected(doc) == [POST[1]]


NOTICE = [
    "Before you continue, we would like to explain how this site and the partners we work with store small "
    "files on your device and read them again, so that the pages load faster and remember your choices.",
    "Some of these files are needed for the site to work at all, others count the visitors of each page, "
    "and others again help the partners to show you offers that match what you have looked at before.",
    "You can change your mind at any time in the settings at the foot of every page, where each purpose "
    "is listed with the partners that pursue it and the length of time they keep what they collect.",
]


def test_the_post_above_the_page_footer_is_the_article_not_a_notice_printed_after_it():
    # a consent dialog the dumper printed after the page's footer outweighs the post
    lines = [POST[1], "© 2024 Kilmore Beach Blog", "Terms of use", "Contact", *[f"Footer item {i}" for i in range(16)],
             *NOTICE]
    doc = Document.from_text("\n\n".join(lines))
    for line in doc.lines:
        if line.text.startswith("©"):
            doc.remove(line, "boilerplate-sentences", "pattern:footer")
        elif line.text in ("Terms of use", "Contact"):
            doc.remove(line, "boilerplate-lines", "phrase:footer")
    assert _selected(doc) == [POST[1]]
