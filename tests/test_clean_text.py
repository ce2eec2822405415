"""Clean text is left alone: an article that is already clean comes out as it went in,
whether its paragraphs are separated by blank lines or stored one per line; a page
with debris is still cleaned. (The texts are written for these tests.)"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean.clean_text import is_clean, layout_of
from newsclean.pipeline import Pipeline
from newsclean.wrap import detect_width

# An article with what articles have: a title, a dateline, subheads, a list of short
# items, a schedule, a question-and-answer block and a closing line.
ARTICLE = [
    "Ferry timetable changes from Monday",
    "Published 4 March 2026",
    "The island ferry will run on a new timetable from Monday, the operator said, after a winter "
    "in which storms cancelled more than forty crossings and left the harbour wall in need of repair.",
    "What changes",
    "Morning sailings move half an hour earlier, and the last evening crossing is dropped on weekdays.",
    "- 06:30 Harbour to Northport",
    "- 08:00 Northport to Harbour",
    "- 17:45 Harbour to Northport",
    "Tickets",
    "Season tickets bought before March remain valid, and the operator said refunds would be offered "
    "to anyone whose regular crossing no longer runs.",
    "Will cars still be carried?",
    "Yes. The car deck is unchanged, but bookings are needed for the first and last sailings.",
    "The harbour master said the repairs should be finished by the summer.",
]

JAPANESE = [
    "港のフェリー、月曜から新ダイヤ",
    "島を結ぶフェリーは月曜日から新しい時刻表で運航すると、運航会社が発表した。冬の間に嵐で四十便以上が欠航した。",
    "朝の便は三十分早くなり、平日の最終便は廃止される。",
    "定期券はそのまま使えるという。",
]


def _blank(paragraphs: list[str]) -> str:
    return "\n\n".join(paragraphs) + "\n"


def _lines(paragraphs: list[str]) -> str:
    return "\n".join(paragraphs) + "\n"


@pytest.mark.parametrize("paragraphs", [ARTICLE, JAPANESE], ids=["english", "japanese"])
def test_a_clean_article_comes_out_unchanged(paragraphs):
    text = _blank(paragraphs)
    assert newsclean.clean(text) == text


@pytest.mark.parametrize("paragraphs", [ARTICLE, JAPANESE], ids=["english", "japanese"])
def test_one_paragraph_per_line_comes_out_unchanged(paragraphs):
    # no line is joined to the next as if a dumper had wrapped it, none is dropped
    text = _lines(paragraphs)
    assert newsclean.clean(text) == text


def test_a_page_with_a_menu_and_a_share_row_is_still_cleaned():
    page = _blank(["Home | News | Sport | Weather", *ARTICLE, "Share on Facebook | Tweet | Email this"])
    out = newsclean.clean(page)
    assert "Home | News" not in out and "Tweet" not in out
    assert ARTICLE[2] in out


def test_a_flat_dump_one_block_per_line_is_not_taken_for_clean_text():
    # get_text("\n")-style output: one layout throughout, but a menu and a footer
    dump = _lines(["Skip to content", "Home", "News", "Sport", *ARTICLE, "Contact us", "Privacy policy",
                   "© 2026 Harbour Times. All rights reserved."])
    judge = Pipeline(["layout", "boilerplate-sentences", "boilerplate-lines"])
    assert layout_of(dump.split("\n")) == "lines"
    assert not is_clean(judge.run(dump))
    out = newsclean.clean(dump)
    assert "Skip to content" not in out and "All rights reserved" not in out


def test_an_indented_dump_is_not_clean_text():
    dump = "\n".join("   " + p for p in ARTICLE) + "\n"
    assert layout_of(dump.split("\n")) is None


def test_long_paragraphs_one_per_line_are_not_taken_for_a_hard_wrap():
    paragraphs = [
        "The council met on Tuesday evening and agreed the budget for the coming year after a long debate.",
        "Opposition members said the rise in parking charges would hurt shops in the town centre badly.",
        "The leader of the council said the money was needed to keep the libraries and pools open.",
        "A final vote on the charges will be taken next month, after a consultation with the traders.",
    ]
    assert detect_width(paragraphs) is None


def test_a_hard_wrapped_dump_is_still_joined():
    wrapped = [
        "   The council met on Tuesday evening and agreed the budget for the coming",
        "   year after a long debate that went on until nearly midnight, members",
        "   said, and the opposition walked out before the final vote was taken by",
        "   the chair of the finance committee.",
    ]
    assert detect_width(wrapped) is not None
    out = newsclean.clean("\n".join(wrapped) + "\n")
    assert "coming year after" in out


def test_invisible_characters_and_double_spaces_in_clean_text_are_left_as_they_are():
    # a pre-commit hook must not rewrite a clean file for white space inside its lines
    paragraphs = [*ARTICLE[:3], "Tickets bought before March\u200b remain valid,  the operator said, for the whole season."]
    text = _blank(paragraphs)
    assert newsclean.clean(text) == text


# --- newsclean's own output: paragraphs apart, a list's items and a table's rows one
# under the other. Cleaning it again must change nothing (a hook runs twice).


def _gauge_page(rows: int = 140) -> str:
    """A dump (indented, cells apart) of an article with a long table of readings
    between its paragraphs, under a menu and above a share row and a footer."""
    readings = [
        f"{day}/{month}/2025   {1.0 + ((day * 7 + month * 3) % 40) / 10:.1f} m"
        for month in range(1, 13) for day in range(1, 29)
    ][:rows]
    before = [
        "River levels at the old mill gauge have been recorded every day since the spring, and the parish "
        "council has now published the full series for anyone who wants to check the figures.",
        "The readings below were taken at nine each morning by volunteers, who said the summer had been the "
        "driest they could remember, with the river falling to its lowest level in August.",
        "The gauge itself is a plain board of painted marks fixed to the mill wall, and the volunteers read it "
        "from the footbridge, writing each level in a book that is kept behind the counter of the shop.",
        "Older readings, some of them going back to the years after the war, are being copied from the mill's "
        "own ledgers, and the council hopes to add them to the series by the end of the year.",
    ]
    after = [
        "The council said it would keep publishing the readings each month, and that a second gauge would be "
        "fitted below the weir before the winter, when floods are most likely.",
        "Volunteers who would like to help with the morning readings can leave their names at the village "
        "hall, the clerk said, and training will be given on the first Saturday of each month.",
        "Anglers' clubs along the river have asked for the figures too, since the low water of the summer "
        "kept them off several stretches, and the council said it was happy to share them.",
    ]
    lines = ["Home", "News", "Weather", "Sport", "Contact us", "", "      Mill gauge readings published", ""]
    for paragraph in before:
        lines += ["      " + paragraph, ""]
    lines += ["      Date        Level", *("      " + r for r in readings), ""]
    for paragraph in after:
        lines += ["      " + paragraph, ""]
    lines += ["Share | Tweet | Email", "Copyright 2026 Valley Gazette. All rights reserved."]
    return "\n".join(lines) + "\n"


def test_a_long_table_inside_the_article_survives_a_second_clean():
    # the first clean keeps the table (its rows are cells apart in the dump); its output
    # writes each row with single spaces, and a second clean must not take the 140 rows
    # for a run of short lines and cut them, or the paragraphs after them
    once = newsclean.clean(_gauge_page())
    assert "1/1/2025 2.0 m" in once and "28/5/2025" in once and "Volunteers who would like" in once
    assert "Home" not in once and "Tweet" not in once
    assert newsclean.clean(once) == once


def test_a_table_longer_than_the_article_around_it_survives_a_second_clean():
    # 200 rows of three words each outweigh the article's prose: still an article
    once = newsclean.clean(_gauge_page(200))
    assert "1/1/2025 2.0 m" in once and "4/8/2025" in once and "Volunteers who would like" in once
    assert newsclean.clean(once) == once


def test_clean_text_with_a_list_and_a_table_one_row_under_the_other_comes_out_unchanged():
    # newsclean's own layout: paragraphs apart, the lines of a list or a table together
    paragraphs = [
        *ARTICLE[:5],
        "\n".join(ARTICLE[5:8]),
        *ARTICLE[8:10],
        "Crossing Minutes Fare\nHarbour to Northport 40 £6.50\nNorthport to Harbour 45 £6.50\n"
        "Harbour to the islands 70 £9.00",
        *ARTICLE[10:],
    ]
    text = _blank(paragraphs)
    assert layout_of(text.split("\n")) == "blocks"
    assert newsclean.clean(text) == text


def test_a_flat_dump_with_its_menu_and_footer_in_blocks_is_not_taken_for_clean_text():
    # the same layout, but the menu and the footer stand in blocks of short lines that
    # the boilerplate stages recognise: a page, cleaned as one
    dump = _blank(["Skip to content\nHome\nNews\nSport", *ARTICLE, "Contact us\nPrivacy policy\nTerms of use"])
    judge = Pipeline(["layout", "boilerplate-sentences", "boilerplate-lines"])
    assert layout_of(dump.split("\n")) == "blocks"
    assert not is_clean(judge.run(dump))
    out = newsclean.clean(dump)
    assert "Skip to content" not in out and "Privacy policy" not in out


# Articles in newsclean's own layout, made of the parts an article has: prose, a list,
# a table of figures, a subhead. Whatever their order and length, cleaning one changes
# nothing: it is what a first clean writes, and a hook cleans it again.
_SENTENCES = [
    "The ferry operator said the new timetable would start on Monday.",
    "Storms cancelled more than forty crossings over the winter, and the harbour wall needs repair.",
    "Season tickets bought before March remain valid for the whole year.",
    "Volunteers read the river gauge at nine each morning from the footbridge.",
    "The council said it would publish the figures every month from now on.",
    "Anglers have asked for the readings too, since low water kept them off the river.",
]
_ITEMS = ["Rope and spare pegs", "A warm hat", "Two litres of water", "Maps of the fells", "A first aid kit"]
_PLACES = ["Northport", "Harbour", "Mill Bridge", "Old Quay", "Weir Cottages", "Castle Hill"]

_subheads = ["What changes", "Tickets", "The readings", "What to take"]


@st.composite
def _articles(draw):
    """A title and a paragraph, then paragraphs (each sentence used once: an article
    does not repeat itself), lists, tables and subheads in any order."""
    sentences = draw(st.permutations(_SENTENCES))
    kinds = draw(st.lists(st.sampled_from(["prose", "prose", "list", "table", "subhead"]), max_size=10))
    kinds = ["prose", *kinds]
    parts, used = [], set()
    for kind in kinds:
        if kind == "prose" and sentences:
            n = draw(st.integers(1, 2))
            parts.append(" ".join(sentences[:n]))
            sentences = sentences[n:]
        elif kind == "list":
            items = draw(st.lists(st.sampled_from(_ITEMS), min_size=2, max_size=5, unique=True))
            parts.append("\n".join("- " + i for i in items))
        elif kind == "table":
            rows = draw(st.lists(st.tuples(st.sampled_from(_PLACES), st.integers(1, 99)), min_size=2, max_size=40))
            parts.append("\n".join(["Stop Minutes Fare", *(f"{p} {m} £{m / 10:.2f}" for p, m in rows)]))
        elif kind == "subhead":
            head = draw(st.sampled_from(_subheads))
            if head not in used:
                used.add(head)
                parts.append(head)
    return _blank(["Ferry timetable changes from Monday", *parts])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_articles())
def test_an_article_with_lists_and_tables_in_newsclean_layout_is_left_as_it_is(text):
    assert newsclean.clean(text) == text
