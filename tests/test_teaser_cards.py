"""Teaser cards under the article (rule teaser-cards): each a title printed twice, a
date or a summary; a gallery's captions and the products an article reviews stay.
Own samples."""

from __future__ import annotations

import pytest

from newsclean.context import Context
from newsclean.document import Document
from newsclean.stages.after_article import after_article

from .helpers import KILMORE_ARTICLE

_CARDS = [
    ("Ferry fares rise in spring", "The island ferries will cost more from April, blaming fuel.", "Mar 3, 2026"),
    ("New lifeboat for the island", "Volunteers named the boat after last winter's rescue crew.", "Feb 26, 2026"),
    ("Harbour master to retire", "Ruth Okafor leaves in June after twenty years at the harbour.", "Feb 19, 2026"),
    ("Fish market moves indoors", "The Saturday market will open in the old boat shed from May.", "Feb 6, 2026"),
]


def _cards(prefix: str = "", *, summary: bool = True, date: bool = True) -> list[str]:
    out: list[str] = []
    for title, text, day in _CARDS:
        out += [prefix + title, title]
        out += [text] if summary else []
        out += [day] if date else []
    return out


def _review(name: str) -> list[str]:
    return [
        f"The {name} is one of the three kayaks we tested, and {len(name)} kilos to carry down a slipway on your own.",
        f"The {name} tracks well in a crosswind, though the seat is hard after an hour and the hatch lets in water.",
        f"We paddled the {name} for a week along the coast, in calm water and in the chop outside the harbour wall.",
    ]


# (lines after the article, lines that must go; None: all of them stay)
CASES = {
    "cards-title-twice": (["Latest posts", *_cards()], _cards()),
    # the picture's alt text says what it is, then the headline
    "cards-image-alt": (["From the blog", *_cards("Image for: ")], _cards("Image for: ")),
    "cards-no-summary": (_cards(summary=False), _cards(summary=False)),
    # an article's products, each under its name printed twice, with sections of their own
    "products-reviewed": (
        [
            x
            for name in ("Harbour 40", "Coastline Pro", "Islander")
            for x in (f"The {name} kayak", f"The {name} kayak", *_review(name))
        ],
        None,
    ),
    # a gallery: each picture's alt text, its link and its caption
    "gallery": ([x for title, _, _ in _CARDS for x in (title, title, title)], None),
    # two teasers are no list
    "two-cards": (["Latest posts", *_cards()[:6]], None),
}


@pytest.mark.parametrize("name", list(CASES))
def test_teaser_cards_under_the_article_go(name):
    extra, gone = CASES[name]
    doc = Document.from_text("\n\n".join([*KILMORE_ARTICLE, *extra]) + "\n")
    after_article(doc, Context())
    removed = [" ".join(line.text.split()) for line in doc.lines if line.removal is not None]
    assert removed == (gone or [])
    assert all(line.removal is None for line in doc.lines[: 2 * len(KILMORE_ARTICLE)])


def test_teaser_cards_with_the_article_going_on_below_stay():
    """A list of cards with as much prose under it as above is inside the article."""
    extra = ["Latest posts", *_cards(), *KILMORE_ARTICLE]
    doc = Document.from_text("\n\n".join([*KILMORE_ARTICLE, *extra]) + "\n")
    after_article(doc, Context())
    assert not [line for line in doc.lines if line.removal is not None]
