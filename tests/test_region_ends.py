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


# The article's foot past the region: a closing sentence right under its last paragraph.
from newsclean import stages as _stages  # noqa: E402,F401  (registers the stages)
from newsclean.context import Context  # noqa: E402
from newsclean.stages import content as content_stage  # noqa: E402
from newsclean.stages.content.region import closing_line  # noqa: E402

from .test_content import ARTICLE, MENU, TEASERS, page  # noqa: E402

# (the units under the article's last paragraph, top down; whether the first one is kept)
CLOSINGS = [
    (["So, will you sail again this year?", "Share", "Tweet"], True),
    (["The appeal is dismissed with costs.", "Most popular"], True),
    (["We thank the harbour master for the interview!"], True),
    # a list item, a numbered note, a row of links, a form's check box
    (["* Council approves new ferry timetable for the summer."], False),
    (["2. County records office, Harbour accounts, 2019."], False),
    (["Home | News | Sport | Weather | Jobs | Contact."], False),
    (["[ ] Send me the harbour newsletter every week."], False),
    # no sentence: a heading, an introduction, a teaser's headline; an e-mail address
    (["More from the harbour"], False),
    (["Our picks for the weekend:"], False),
    (["Write to us at desk@example.org with your photos!"], False),
    # too short or too long for a closing line
    (["Thanks!"], False),
    (["The harbour office at Kilmore will publish the full timetable for the repairs, the list of the berths "
      "affected and the names of the firms hired for the work on its notice board next week."], False),
]


def _closing(after: list[str], prose_last: bool = True, removed: tuple[str, ...] = ()) -> int | None:
    """Remove the ``removed`` lines as a share row, then everything under the
    article's paragraph as outside the article; the closing line found, if any."""
    doc = Document.from_text("\n\n".join([ARTICLE[0], *removed, *after]))
    for line in doc.lines:
        if line.text in removed:
            doc.remove(line, "boilerplate-lines", "phrase:share")
    units = build_units(doc, None)
    for u in units[1:]:
        for line in u.lines:
            doc.remove(line, "content", "outside-article:0.10")
    prose = [prose_last] + [False] * (len(units) - 1)
    return closing_line(units, prose, doc.lines)


@pytest.mark.parametrize(("after", "kept"), CLOSINGS)
def test_a_closing_sentence_under_the_article(after, kept):
    assert _closing(after) == (1 if kept else None)


def test_no_closing_sentence_under_a_list_or_past_removed_furniture():
    closing = ["So, will you sail again this year?"]
    assert _closing(closing, prose_last=False) is None  # under a list, a heading, a caption
    assert _closing(closing, removed=("Share on Facebook",)) is None  # past a share row


@pytest.mark.parametrize("closing", ["So, will you sail again this year?", "The appeal is dismissed with costs."])
def test_the_closing_sentence_the_model_doubts_is_kept(monkeypatch, closing):
    # the model scores the closing line as low as the teasers under it: the region
    # ends above it, and the line comes back once the rounds are done
    probs = dict.fromkeys(ARTICLE, 0.95)
    features, scored = content_stage.unit_features, []

    def unit_features(units, lang, seen):  # the units each round scores
        scored[:] = units
        return features(units, lang, seen)

    monkeypatch.setattr(content_stage, "unit_features", unit_features)
    monkeypatch.setattr(content_stage, "probabilities", lambda rows, model: [probs.get(u.text, 0.03) for u in scored])
    doc = Document.from_text(page(MENU, ["Storm closes Kilmore harbour"], *[[p] for p in ARTICLE], [closing],
                                  ["* " + t for t in TEASERS]))
    content_stage.content(doc, Context())
    kept = [line.text for line in doc.lines if line.removal is None and line.text]
    for line in [*ARTICLE, closing]:
        assert line in kept
    for teaser in TEASERS:
        assert "* " + teaser not in kept
