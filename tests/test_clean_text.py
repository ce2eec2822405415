"""Clean text is left alone: an article that is already clean comes out as it went in,
whether its paragraphs are separated by blank lines or stored one per line; a page
with debris is still cleaned. (The texts are written for these tests.)"""

from __future__ import annotations

import pytest

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
