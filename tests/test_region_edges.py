"""The article region's tail: furniture the maximum-sum run takes in past the article's
last paragraph (a teaser under a share row, an author's box after a row of teasers)
goes; lists, tables and sections after a subhead stay. Made-up pages."""

from __future__ import annotations

from newsclean.document import Document
from newsclean.pipeline import Pipeline
from newsclean.stages import content as C
from newsclean.stages.content import features as F
from newsclean.stages.content.region import _trim_tail

from .test_content import ARTICLE, FOOTER, MENU, page

MORE = [
    "The harbour master said the inspection would start on Wednesday, weather permitting, and that "
    "divers from the county would join the engineers.",
    "Boat owners have been told to check their moorings twice a day until the work is done, and to "
    "report any damage to the harbour office.",
]
TEASERS = ["Council approves new ferry timetable", "Three injured in crash on coast road", "Kilmore band wins regional final"]


def test_a_teaser_headline_under_the_share_row_goes():
    raw = page(MENU, ["Storm closes Kilmore harbour"], *[[p] for p in ARTICLE + MORE],
               ["Share on Facebook | Tweet | Email"], *[[t] for t in TEASERS])
    out = Pipeline().clean(raw)
    for paragraph in ARTICLE + MORE:
        assert paragraph in out
    for teaser in TEASERS:
        assert teaser not in out


def test_a_list_after_the_share_row_of_a_how_to_stays_when_prose_follows():
    steps = ["1. Check the mooring lines at high tide.", "2. Tie a second line to the rear cleat.",
             "3. Put fenders on the harbour side."]
    raw = page(MENU, ["Storm closes Kilmore harbour"], *[[p] for p in ARTICLE], ["Before the next storm:"], steps,
               [MORE[0]], [MORE[1]])
    out = Pipeline().clean(raw)
    for line in [*ARTICLE, *steps, *MORE]:
        assert line in out


# (values, solid = prose or a list item, named debris before the unit, sizes in words)
ARTICLE_VALUES = [5.0, 4.5, 4.8, 5.2, 4.9]


def _trim(tail_values, tail_solid, tail_named, tail_sizes):
    values = ARTICLE_VALUES + tail_values
    solid = [True] * 5 + tail_solid
    named = [False] * 5 + tail_named
    sizes = [30] * 5 + tail_sizes
    return _trim_tail(values, 0, len(values) - 1, solid, named, sizes)


def test_an_authors_box_past_a_row_of_teasers_and_a_share_row_goes():
    # share row (named), three teasers scoring as debris, then a short bio
    assert _trim([-0.4, -0.5, -0.4, 1.2], [False, False, False, True], [True, False, False, False], [5, 6, 5, 25]) == (0, 4)


def test_a_section_after_captions_without_named_debris_stays():
    assert _trim([-0.4, -0.5, 1.2], [False, False, True], [False, False, False], [5, 6, 25]) == (0, 7)


def test_a_long_section_after_a_gap_stays():
    # the part past the gap weighs more than a sixth of the article: article text
    assert _trim([-0.4, -0.5, 4.0, 4.2], [False, False, True, True], [True, False, False, False], [5, 6, 30, 30]) == (0, 8)


def test_a_table_is_no_gap():
    # table cells are list items here (solid): nothing to split at
    assert _trim([-0.2, -0.2, -0.2, 1.0], [True, True, True, True], [True, True, False, False], [2, 2, 2, 25]) == (0, 8)


# A log-in box the model scores high, field by field, and an article it doubts.
FORM = ["Log in to your account", "E-mail address", "Password", "Forgot your password?"]


def _select(blocks: list[list[str]], probs: dict[str, float]) -> list[str]:
    """The lines the region keeps when the model gives each line of ``blocks`` the
    probability ``probs`` names (0.03 for the rest)."""
    doc = Document.from_text(page(*blocks))
    units = C.build_units(doc, None)
    rows = F.unit_features(units, "en")
    for u in units:
        u.prob = probs.get(u.text, 0.03)
    prose = [F.is_prose(r, u.text) for r, u in zip(rows, units)]
    C.select(doc, units, {"bias": 0.12, "low": 0.02, "second": 0.3, "strong": 0.7}, prose=prose)
    return [line.text for line in doc.lines if line.removal is None and line.text]


def test_a_run_without_a_sentence_loses_to_the_prose_of_the_page():
    # the box outweighs the doubted article, but it holds no sentence: no article
    probs = {**dict.fromkeys(FORM, 0.9), **dict.fromkeys(ARTICLE, 0.25)}
    kept = _select([MENU, ["Storm closes Kilmore harbour for the rest of the week"], *[[p] for p in ARTICLE], ["Most popular"], TEASERS,
                    MENU, MENU, FOOTER, MENU, FORM], probs)
    for paragraph in ARTICLE:
        assert paragraph in kept
    for line in MENU + FORM:  # nor does the box come back beside the article
        assert line not in kept


def test_a_list_page_without_prose_keeps_its_list():
    # no prose anywhere: the best run stands, whatever it holds
    steps = [f"{n}. {step}" for n, step in enumerate(["Check the lines", "Add fenders", "Close the hatch", "Call the office"], 1)]
    kept = _select([MENU, ["What boat owners should do before the next storm"], steps, FOOTER], dict.fromkeys(steps, 0.8))
    for line in steps:
        assert line in kept
    for line in MENU + FOOTER:
        assert line not in kept


# A comment form's check boxes, as lynx and w3m print them: sentences the model may
# score as text, but no article prints a widget.
BOXES = ["[ ] Notify me of follow-up comments by email.", "[ ] Notify me of new posts by email.",
         "(*) Send me the weekly digest of the harbour news", "( ) Send me nothing but the storm alerts"]


def test_a_forms_check_boxes_are_no_article_text():
    probs = {**dict.fromkeys(ARTICLE, 0.95), **dict.fromkeys(BOXES, 0.9)}
    kept = _select([MENU, ["Storm closes Kilmore harbour for the rest of the week"], *[[p] for p in ARTICLE],
                    ["Leave a reply"], *[[b] for b in BOXES], FOOTER], probs)
    for paragraph in ARTICLE:
        assert paragraph in kept
    for line in BOXES + FOOTER:
        assert line not in kept


def test_a_heading_ending_in_a_colon_right_above_the_article_stays():
    # a court ruling's "Key points:" or a report's "Summary:" introduces its first paragraph
    probs = dict.fromkeys(ARTICLE, 0.95)
    kept = _select([MENU, ["Storm closes Kilmore harbour for the rest of the week"], ["What we know so far:"],
                    *[[p] for p in ARTICLE], FOOTER], probs)
    assert "What we know so far:" in kept
    for line in MENU + FOOTER:
        assert line not in kept


RACE = [
    "Fishermen from Kilmore, Portree and Ardmore raced their boats round the harbour on Saturday, and "
    "the Kilmore crew won by a length after the Portree boat lost an oar at the last buoy.",
    "The Ardmore crew came third, as it did last year, and said it would train harder for the spring.",
]
RESULTS = ["1. Kilmore 12:41", "2. Portree 12:44", "3. Ardmore 13:02", "4. Dunmore 13:30"]


def test_a_ranked_list_of_what_the_article_names_stays_under_it():
    # a race's results under its report: numbered in order, naming the article's crews
    probs = dict.fromkeys(RACE, 0.95)
    kept = _select([MENU, ["Kilmore crew wins the harbour race"], *[[p] for p in RACE], ["How the crews finished"],
                    *[[r] for r in RESULTS], ["Print this story"], FOOTER], probs)
    for line in RACE + RESULTS:
        assert line in kept
    for line in ["Print this story", *FOOTER]:
        assert line not in kept


def test_a_numbered_list_of_other_stories_under_the_article_goes():
    # numbered in order too, but naming what the article does not: other articles
    probs = dict.fromkeys(RACE, 0.95)
    others = ["1. Council approves new ferry timetable", "2. Three injured in crash on coast road",
              "3. Band wins regional final"]
    kept = _select([MENU, ["Kilmore crew wins the harbour race"], *[[p] for p in RACE], ["Most read"],
                    *[[o] for o in others], FOOTER], probs)
    for line in others + FOOTER:
        assert line not in kept


def test_a_paragraph_ending_in_a_web_address_is_prose():
    # a short notice whose last sentence ends in its link: prose, so the log-in box
    # the model scores higher is no article beside it
    notice = ("The harbour office will hold its spring meeting on the pier on 12 April, and boat owners can "
              "send their questions in advance. The agenda is at https://harbour.example.org/spring-meeting")
    kept = _select([MENU, ["Spring meeting on the pier"], [notice], ["Most popular"], TEASERS, MENU, MENU, FOOTER, MENU, FORM],
                   {**dict.fromkeys(FORM, 0.9), notice: 0.25})
    assert notice in kept
    for line in FORM + TEASERS:
        assert line not in kept


def test_a_list_under_a_heading_ending_in_a_colon_below_the_article_stays():
    # the article's last paragraph, then "What to pack:" and its items: no prose
    # follows, but the heading introduces the list
    kit = ["* A dry bag for the phone", "* Two spare mooring lines", "* A head torch and batteries"]
    kept = _select([MENU, ["Storm closes Kilmore harbour for the rest of the week"], *[[p] for p in ARTICLE],
                    ["What to pack:"], *[[k] for k in kit], FOOTER], dict.fromkeys(ARTICLE, 0.95))
    for line in ["What to pack:", *kit]:
        assert line in kept
    for line in FOOTER:
        assert line not in kept


METHOD = [
    "Whisk the flour and the salt in a large bowl, then beat in the eggs one at a time until the batter is smooth.",
    "Pour in the milk a little at a time and leave the batter to rest for half an hour before you cook it.",
]


def test_a_recipes_ingredients_above_its_method_stay():
    # amounts, not sections: a list of quantities right above the method is the recipe's
    ingredients = ["* 200 g flour", "* 2 eggs", "* 1 tsp salt", "* 300 ml milk"]
    kept = _select([MENU, ["Harbour pancakes"], ["Ingredients"], *[[i] for i in ingredients], ["Method"],
                    *[[m] for m in METHOD], FOOTER], dict.fromkeys(METHOD, 0.95))
    for line in ingredients + METHOD:
        assert line in kept
    for line in MENU + FOOTER:
        assert line not in kept
