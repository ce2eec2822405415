"""The article's head past the maximum-sum run: a standfirst set without a full stop
right above the article's first kept unit. Made-up text."""

from __future__ import annotations

import pytest

from newsclean.document import Document
from newsclean.stages.content.features import build_units
from newsclean.stages.content.region import _unstopped_lede


def _units(texts):
    return build_units(Document.from_text("\n\n".join(texts)), None)


LEDE = "Two of the piers at Kilmore were damaged in the night and the boats will stay in port for weeks"
BODY = "The harbour at Kilmore was closed on Monday after the storm."

# (the units above the article's first paragraph, top down; the index taken or None)
LEDES = [
    (["Storm closes harbour", LEDE, "By Ann Lee"], 1),
    (["Storm closes harbour", LEDE], 1),
    ([LEDE, "By Ann Lee", "12 May 2024"], 0),
    (["Photos", LEDE, "By Ann Lee", "12 May 2024"], 1),
    # too far above the article, under a long paragraph (a row of teasers), too short
    ([LEDE, "By Ann Lee", "12 May 2024", "Print"], None),
    (["A teaser's own text runs on for long enough here to be one more paragraph of its list", LEDE], None),
    (["Storm closes harbour", "Piers damaged in the night"], None),
    # above the article's headline: a promotion's box, not a standfirst
    (["Are you new here?", LEDE, "Start your free trial", "Storm closes Kilmore harbour"], None),
    (["Share your story", LEDE, "Storm closes Kilmore harbour", "12 May 2024"], None),
    # above a menu's items (a breadcrumb), under a byline set as a list item
    ([LEDE, "1. Home", "2. News"], None),
    (["Storm closes harbour", LEDE, "* By Ann Lee"], 1),
    # a toolbar's run of links, a list item, a caption's run of names, a masthead
    (["Storm closes harbour", "Email this story Email Story Print this story Print Version Subscribe to Harbour News RSS Feed"],
     None),
    (["* " + LEDE], None),
    (["Kilmore Harbour Piers Storm Damage Photo Gallery Ann Lee Tom Byrne Mary Walsh John Doyle County Council"],
     None),
    (["News | " + LEDE], None),
]


@pytest.mark.parametrize(("above", "taken"), LEDES)
def test_a_standfirst_without_a_full_stop_above_the_article(above, taken):
    units = _units([*above, BODY])
    prose = [False] * len(above) + [True]
    assert _unstopped_lede(units, len(above), prose, "en") == taken


@pytest.mark.parametrize(
    ("between", "taken"),
    [
        (["1. Home", "2. News"], None),  # a breadcrumb's items: the paragraph is the page's, above its menu
        (["* Home", "* World"], None),
        (["Read aloud"], 1),  # a toolbar's word, no menu's item
    ],
)
def test_no_standfirst_above_a_menus_removed_items(between, taken):
    doc = Document.from_text("\n\n".join(["Storm closes harbour", LEDE, *between, BODY]))
    for line in doc.lines:
        if line.text in between:
            doc.remove(line, "boilerplate-lines", "phrase:navigation")
    units = build_units(doc, None)
    assert _unstopped_lede(units, 2, [False, False, True], "en", doc.lines) == taken


@pytest.mark.parametrize(("field", "taken"), [("Your e-mail: ____________", None), ("[                    ]", None), ("Photo", 1)])
def test_no_standfirst_under_a_forms_text_field(field, taken):
    doc = Document.from_text("\n\n".join(["Email this story", field, LEDE, BODY]))
    doc.remove(doc.lines[2], "layout", "symbols-only")
    units = build_units(doc, None)
    assert _unstopped_lede(units, 2, [False, False, True], "en", doc.lines) == taken
