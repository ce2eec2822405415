"""A second copy of a long run of the page (rule second-copy): the later copy goes, a
paragraph or two that an article repeats on purpose stays. Own samples."""

from __future__ import annotations

import pytest

from newsclean.context import Context
from newsclean.document import Document
from newsclean.pipeline import Pipeline
from newsclean.stages.repeats import contents_unheaded, second_copy

from .helpers import KILMORE_ARTICLE

_MORE = [
    "Divers began their inspection of the northern pier on Wednesday morning and found that two of "
    "the wooden piles had split below the waterline, which the engineers had feared.",
    "The council said the cost of the repairs would be met from its reserves, and that it would "
    "ask the government for help if the southern pier proved to be as badly damaged.",
]
_STORY = [*KILMORE_ARTICLE, *_MORE]
_QUOTE = "“It was the worst storm I have seen in twenty years of working on this harbour,” she said."

# (page's paragraphs, paragraphs that must stay besides the story's, once each;
# None: the page as it stands, every paragraph kept)
CASES = {
    # an infinite scroll printed the same story again under a teaser heading
    "story-twice": ([*_STORY, "From the Coast Times archive", *_STORY], ["From the Coast Times archive"]),
    # the second copy of a story under its own headline and dateline, which stay
    "story-twice-with-headline": (
        [*_STORY, "Storm closes Kilmore harbour", "4 March 2026", *_STORY],
        ["Storm closes Kilmore harbour", "4 March 2026"],
    ),
    # the story printed again in Markdown (a page that offers its article "as Markdown")
    "story-twice-markdown": (
        [
            *_STORY,
            "From the Coast Times archive",
            KILMORE_ARTICLE[0].replace("winter storm", "[winter storm](https://example.org/storms)"),
            KILMORE_ARTICLE[1].replace("Ruth Okafor", "**Ruth Okafor**"),
            "> " + KILMORE_ARTICLE[2].replace("three weeks", "_three weeks_"),
            *KILMORE_ARTICLE[3:],
            *_MORE,
        ],
        ["From the Coast Times archive"],
    ),
    # a pull quote printed in the story and again further down: one paragraph
    "pull-quote": ([KILMORE_ARTICLE[0], _QUOTE, *KILMORE_ARTICLE[1:], _QUOTE, *_MORE], None),
    # a notice under each of three webcams: two short paragraphs, each time
    "notice-per-item": (
        [
            KILMORE_ARTICLE[0],
            *[
                p
                for cam in ("North pier", "South pier", "Inner basin")
                for p in (
                    f"{cam} camera",
                    "Images from this camera are provided by the harbour trust and refresh every five minutes.",
                    "Support the harbour trust and its cameras with a gift to its repair fund.",
                )
            ],
            *KILMORE_ARTICLE[1:],
        ],
        None,
    ),
}


# a dump's page around the article (clean text is left alone before any rule)
_MENU = ["Home", "News", "Sport", "Weather", "Contact us", ""]
_FOOTER = ["", "Back to top", "© 2026 Coast Times Media Ltd. All rights reserved."]


def _clean(paragraphs: list[str]) -> list[str]:
    out = Pipeline().clean("\n".join(_MENU) + "\n\n".join(paragraphs) + "\n".join(_FOOTER) + "\n")
    return [p for p in out.split("\n\n") if p.strip()]


@pytest.mark.parametrize("name", list(CASES))
def test_a_second_copy_goes_and_a_repeat_on_purpose_stays(name):
    page, stay = CASES[name]
    out = [" ".join(p.split()) for p in _clean(page)]
    if stay is None:
        assert out == page
    else:
        assert sorted(out) == sorted([*_STORY, *stay])


def test_a_second_copy_is_judged_as_written_and_goes_once():
    """A copy hard-wrapped at another width is the same paragraphs; a second run of the
    rule over what it left removes nothing more."""
    page = "\n\n".join([*_STORY, "Read it again", *_STORY]) + "\n"
    doc = Document.from_text(page)
    second_copy(doc, Context())
    gone = [line for line in doc.lines if line.removal is not None]
    assert {line.removal.rule for line in gone} == {"second-copy"}
    assert len(gone) == len(_STORY)
    second_copy(doc, Context())
    assert len([line for line in doc.lines if line.removal is not None]) == len(_STORY)


def test_a_list_printed_twice_is_left_to_the_list_stages():
    """A menu whose items carry descriptions, printed again at the page's foot, is a
    list and no second copy of the article: the rule leaves it."""
    items = [
        f"* {topic} Our guides to {topic.lower()} cover the tools, the costs and the first steps, "
        "with reviews of the services we tested ourselves and the mistakes to avoid."
        for topic in (
            "Podcasting",
            "Webinars",
            "Newsletters",
            "Online courses",
            "Live streaming",
            "Memberships",
            "Coaching",
        )
    ]
    doc = Document.from_text("\n".join([*items, "", *_STORY[:2], "", *items]) + "\n")
    second_copy(doc, Context())
    assert not [line for line in doc.lines if line.removal is not None]


# A table of contents without a heading (rule contents-unheaded): the article's subheads
# listed above it. (lines of the page, lines that must go)
_SUBHEADS = ["Why the piers failed", "What the repairs cost", "When the ferries return"]
_SECTIONS = [x for head, para in zip(_SUBHEADS, KILMORE_ARTICLE[1:]) for x in (head, para)]
CONTENTS_CASES = {
    "bulleted": ([*(f"• {h}" for h in _SUBHEADS), KILMORE_ARTICLE[0], *_SECTIONS], [f"• {h}" for h in _SUBHEADS]),
    "plain-lines": ([*_SUBHEADS, KILMORE_ARTICLE[0], *_SECTIONS], _SUBHEADS),
    # a numbered list sums up the sections to come: the article's own
    "numbered": ([*(f"{n}. {h}" for n, h in enumerate(_SUBHEADS, 1)), KILMORE_ARTICLE[0], *_SECTIONS], []),
    # items printed once: a list of the article's
    "list-once": (["• Divers", "• Engineers", "• Harbour staff", KILMORE_ARTICLE[0], *_SECTIONS], []),
    # the same lines printed again one under the other: a menu or a table, not subheads
    "block-again": ([*_SUBHEADS, KILMORE_ARTICLE[0], *_SUBHEADS, *KILMORE_ARTICLE[1:]], []),
}


@pytest.mark.parametrize("name", list(CONTENTS_CASES))
def test_a_table_of_contents_without_a_heading_goes(name):
    page, gone = CONTENTS_CASES[name]
    doc = Document.from_text("\n\n".join(page) + "\n")
    contents_unheaded(doc, Context())
    assert [" ".join(line.text.split()) for line in doc.lines if line.removal is not None] == gone
