"""The walk over article structure (region.py, ``_walk``): what stands between the
region's prose and more prose of the article, and what ends the walk. One table of
made-up pages: each case names what the walk must keep and what must still go."""

from __future__ import annotations

import pytest

from .test_content import ARTICLE, CLOSING, FERRIES, FOOTER, LIST, MENU, _region

HEADLINE = ["Storm closes Kilmore harbour for the rest of the week"]

# a training week: each week's line carries its hours, a duration, not a time of day
WEEKS = ["• Week 1: Getting used to the water. (2:30-3:10hrs)", "•   Monday. Rest day",
         "•   Tuesday. Easy row (40-60mins)", "•   Thursday. Harbour loop (50-70mins)",
         "• Week 2: Longer crossings. (3:15-4:05hrs)", "•   Monday. Rest day",
         "•   Wednesday. Easy row (60-80mins)", "•   Saturday. Island crossing (90mins)"]
# a packing list whose sections are headed by words a menu uses too
PACKING = ["* Life jacket", "* Bailer", "* Spare oar", "Food", "* Flask of tea", "* Sandwiches",
           "* Chocolate", "Entertainment", "* Playing cards", "* A paperback"]
# a list of courses, one of them named like a menu item
COURSES = ["* Knots and splices", "* Reading the tide tables", "* Engine care", "* Audio",
           "* First aid afloat"]
GOOD_FOR = ["Good for:", "* Blogs", "* Families", "* Sailing clubs", "* Day trippers"]

# a season's programme: two hundred items, more than a walk takes over units of
# other kinds, fewer than it takes over list items
PROGRAMME = [f"* Race {i}: {course}" for i, course in enumerate(["harbour loop", "island dash", "lighthouse run", "bay crossing"] * 40, 1)]
# a table without bullets or an introduction: cells apart, one row per day
GAUGE = [f"{day}/3/2026    {level} m    {wind}" for day, level, wind in zip(range(1, 9), ["2.41", "2.38", "3.90", "4.12", "3.75", "2.90", "2.52", "2.47"], ["calm", "breeze", "gale", "storm", "gale", "breeze", "calm", "calm"])]
CAPTION = "Gauge readings at the north pier in March | Photo by the harbour office staff"

CASES = {
    # (blocks between the region's prose and its last paragraph, nav words, removed
    #  share phrases, lines that must be kept, lines that must go); the boilerplate
    #  stages' removals stand: the case is what the walk does around them
    "a list item with a duration is no stamp": (
        [["The club's training plan for the new season runs as follows, week by week:"], WEEKS],
        (), (), WEEKS, (),
    ),
    "a menu word heading a section inside a list": (
        [["Each crew should pack the following before the crossing:"], PACKING],
        ("Food", "Entertainment"), (), PACKING, (),
    ),
    "a menu word as one item of a list": (
        [["The sailing school offers these courses over the winter months:"], COURSES],
        ("* Audio",), (), COURSES, (),
    ),
    "a menu word as the first item after an introduction": (
        [["The new slipway is meant for many kinds of users."], GOOD_FOR],
        ("* Blogs",), (), GOOD_FOR, (),
    ),
    "a long list is walked to the prose after it": (
        [["The club has published its racing programme for the season, and it is long:"], PROGRAMME],
        (), (), PROGRAMME, (),
    ),
    "a table of figures under a caption with a bar in it": (
        [[CAPTION], ["Day         Level     Wind"], GAUGE],
        (), (), [CAPTION, *GAUGE], (),
    ),
    "an icon's mangled glyph above each section": (
        [["The ferries that will run while the piers are repaired are these:"],
         *[block for name, items in FERRIES.items() for block in (["â"], [name], items)]],
        (), (), [*FERRIES, *(item for items in FERRIES.values() for item in items)], (),
    ),
    "a photo credit between the prose and a list": (
        [["Photo by Ann Lee for the harbour office"], ["The landing points that stay open are these:"], LIST],
        (), (), LIST, (),
    ),
    "a fact box's fields, without bullets or an introduction": (
        [["The Island Queen"], ["Built: 1998", "Length: 64 metres", "Cars: 40", "Passengers: 300"]],
        (), (), ["Built: 1998", "Length: 64 metres", "Cars: 40", "Passengers: 300"], (),
    ),
    "one field in each card, under the same key": (
        [["The Island Queen", "Rating: Good", "Runs all year"], ["The Kilmore Star", "Rating: Fair", "Summer only"],
         ["The Saltee Belle", "Rating: Poor", "Weekends from May"]],
        (), (), ["Rating: Good", "Rating: Fair", "Rating: Poor", "Weekends from May"], (),
    ),
    "teasers with a kicker each are no fact box": (
        [["Guide: Mooring a boat in winter", "Harbour master resigns", "Review: The new ferry timetable",
          "Council meets on Thursday"]],
        (), (), (), ("Guide: Mooring a boat in winter", CLOSING),
    ),
    "two menu words in a row still end the walk": (
        [["The sailing school offers these courses over the winter months:"],
         ["* Knots and splices", "* Reading the tide tables", "* Audio", "* Video", "* First aid afloat"]],
        ("* Audio", "* Video"), (), (), ("* First aid afloat", CLOSING),
    ),
    "a row of links still ends the walk": (
        [["Gauge readings at the north pier in March:"], GAUGE[:4], ["Home | Weather | Tides"], GAUGE[4:]],
        (), (), (), (*GAUGE[4:], CLOSING),
    ),
    "a menu word after the article's prose still ends the walk": (
        [["Subscribe", "* Daily news in your inbox", "* The weekend magazine", "* Puzzles and games"]],
        ("Subscribe",), (), (), ("* Daily news in your inbox", CLOSING),
    ),
}


def test_the_walk_goes_on_past_the_next_part_of_the_article_it_joins():
    # the main region is the first part; a long table joins it to a second part, and
    # a list stands between that part and the article's last paragraph
    rows = [f"{row}   {i}" for i, row in enumerate(GAUGE * 4)]
    kept = _region(
        MENU, HEADLINE, [ARTICLE[0]], [ARTICLE[1]], [ARTICLE[2]], rows, [ARTICLE[3]], COURSES, [CLOSING], FOOTER
    )
    lines = kept.split("\n")
    for line in [*rows, *COURSES, CLOSING]:
        assert line in lines, line
    for line in FOOTER:
        assert line not in lines


CREWS = [f"* {name}" for name in ["Ann Byrne", "Bill Doyle", "Cora Walsh", "Dan Nolan", "Eve Kelly", "Finn Ryan"]]
THANKS = "The harbour office thanked the volunteers who helped to secure the boats on the night of the storm:"


@pytest.mark.parametrize(
    "after, kept_lines, gone",
    [
        # an introduced list that ends the article: nothing stops the walk before its items
        ([CREWS[:3], ["Past volunteers:"], CREWS[3:]], [*CREWS, "Past volunteers:"], []),
        # ... but named debris (a share row) between them does
        ([["Share this article"], CREWS], [], CREWS),
        # ... and a list needs items: a few headlines are no list
        ([["Harbour master resigns", "New ferry for the islands", "Council meets on Thursday"]], [], ["Harbour master resigns"]),
    ],
)
def test_an_introduced_list_that_ends_the_article(after, kept_lines, gone):
    kept = _region(MENU, HEADLINE, [ARTICLE[0]], [ARTICLE[1]], [THANKS], *after, FOOTER,
                   confident=(THANKS,), removed=("Share this article",))
    lines = kept.split("\n")
    for line in kept_lines:
        assert line in lines, line
    for line in [*gone, *FOOTER]:
        assert line not in lines, line


@pytest.mark.parametrize("name", list(CASES))
def test_walk(name):
    between, nav, removed, kept_lines, gone = CASES[name]
    layout = ("â",)
    intro = [b[0] for b in between if b[0].endswith(":") or (len(b) == 1 and " | " not in b[0] and "Photo" not in b[0])]
    kept = _region(MENU, HEADLINE, [ARTICLE[0]], [ARTICLE[1]], *between, [CLOSING], FOOTER,
                   nav=nav, removed=removed, confident=tuple(intro), layout=layout,
                   credit=("Photo by Ann Lee for the harbour office",))
    lines = kept.split("\n")
    for line in kept_lines:
        if line not in nav:
            assert line in lines, line
    if kept_lines:
        assert CLOSING in lines
    for line in gone:
        assert line not in lines, line
    for line in FOOTER:
        assert line not in lines


def test_the_walk_up_goes_past_a_lone_toolbar_word_to_the_lede():
    # a how-to's lede, its "Print" button, then the kit list above the steps: the
    # lone button word is no menu, and the list between two stretches of prose stays
    lede = "Getting a small boat ready for a storm takes an hour, and the kit fits in one bag."
    kit = ["* Two spare mooring lines", "* Four fenders", "* A bilge pump", "* Duct tape"]
    kept = _region(MENU, HEADLINE, [lede], ["Print"], kit, *[[p] for p in ARTICLE], FOOTER, nav=("Print", *MENU))
    lines = kept.split("\n")
    for line in [lede, *kit, *HEADLINE]:
        assert line in lines, line
    for line in [*MENU, *FOOTER, "Print"]:
        assert line not in lines, line


def test_two_menu_words_still_stop_the_walk_up():
    kit = ["* Two spare mooring lines", "* Four fenders", "* A bilge pump", "* Duct tape"]
    lede = "Getting a small boat ready for a storm takes an hour, and the kit fits in one bag."
    kept = _region(MENU, [lede], ["Print", "Share"], kit, *[[p] for p in ARTICLE], FOOTER, nav=("Print", "Share", *MENU))
    lines = kept.split("\n")
    assert lede not in lines


SUMMARY = "In short, the harbour office found three things it wants the council to fix before the winter:"
FINDINGS = ["  * The north pier needs new piles", "  * The slipway needs a new surface",
            "  * The lights on the wall need new cables"]
# the page's own data under the article, in a list set further out
PAGE_DATA = ["* Author: Ann Lee", "* Published: 3 May 2024", "* Updated: 4 May 2024"]
# a numbered list whose numbers the dumper right-aligns: " 9." and "10." start the text in one column
TEN = [f"{n:>2}. {item}" for n, item in enumerate(
    ["Rope", "Bailer", "Oars", "Flares", "Radio", "Torch", "Knife", "Map", "Compass", "Whistle"], 1)]


@pytest.mark.parametrize(
    "items, kept_lines, gone",
    [
        # a list the last paragraph the walk met introduces, with no prose under it
        (FINDINGS, FINDINGS, []),
        # ... up to an item set further out: the page's data, no part of the list
        ([*FINDINGS, *PAGE_DATA], FINDINGS, PAGE_DATA),
        # ... but a right-aligned number is no item set further out
        (TEN, TEN, []),
    ],
)
def test_a_list_the_last_paragraph_met_introduces(items, kept_lines, gone):
    kept = _region(MENU, HEADLINE, [ARTICLE[0]], [ARTICLE[1]], COURSES, [SUMMARY], items, FOOTER)
    lines = kept.split("\n")
    for line in [*COURSES, SUMMARY, *kept_lines]:
        assert line in lines, line
    for line in [*gone, *FOOTER]:
        assert line not in lines, line
