"""The JSON/markdown headline and JSON paragraphs, on made-up pages.

The headline is the title line nearest above the article that is not navigation, a
dateline, a byline, a site name or a box heading; ``paragraphs`` holds one entry per
paragraph.
"""

from __future__ import annotations

import json

import pytest

from newsclean.headline import headline, looks_like_title
from newsclean.pipeline import Pipeline

from .helpers import KILMORE_ARTICLE

ARTICLE_EN = KILMORE_ARTICLE
ARTICLE_DE = [
    "Der Hafen von Kilmore ist seit Montag geschlossen, nachdem ein Wintersturm zwei der "
    "Anlegestellen schwer beschädigt hat. Die Fischer müssen ihre Boote im inneren Becken lassen.",
    "Die Hafenmeisterin sagte, der Sturm sei der schlimmste seit zwanzig Jahren gewesen. "
    "Taucher sollen die Anlegestellen untersuchen, sobald die Wellen nachlassen.",
    "Der Gemeinderat hat Geld für die Reparatur bereitgestellt, die mindestens drei Wochen "
    "dauern soll. Die Fähren zu den Inseln fahren bis dahin von einem anderen Hafen ab.",
]


def page(head: list[str], article: list[str], tail: list[str] | None = None) -> str:
    return "\n\n".join([*head, *article, *(tail or ["Back to top", "© 2026 Coast Times"])]) + "\n"


CASES = {
    "after-breadcrumbs": (
        ["Home | News | Coast", "You are here: Home > News > Coast", "Storm closes Kilmore harbour"],
        "Storm closes Kilmore harbour",
    ),
    "after-site-name-and-menu": (
        ["Coast Times", "News  Sport  Weather  Opinion", "Storm closes Kilmore harbour for three weeks"],
        "Storm closes Kilmore harbour for three weeks",
    ),
    "byline-and-dateline-between": (
        [
            "Menu",
            "Storm closes Kilmore harbour",
            "By Ann Lee, Coast Times",
            "Updated March 4, 2026 · 4 min read",
            "Share",
        ],
        "Storm closes Kilmore harbour",
    ),
    "title-line-with-site-suffix": (
        ["Storm closes Kilmore harbour | Coast Times", "Sign in  Subscribe", "Weather  Sport"],
        "Storm closes Kilmore harbour",
    ),
    "standfirst-under-the-title": (
        [
            "News",
            "Storm closes Kilmore harbour",
            "Fishing fleet tied up as divers wait to inspect the damaged piers.",
            "By Ann Lee",
        ],
        "Storm closes Kilmore harbour",
    ),
    "newsletter-prompt-and-author-name-between": (
        [
            "Storm closes Kilmore harbour for repairs",
            "Ann Lee",
            "Sign up for our morning briefing",
            "[ ] I agree to the terms",
        ],
        "Storm closes Kilmore harbour for repairs",
    ),
}


# One case per cause of a wrong headline seen on modern pages.
CASES.update(
    {
        "title-starting-with-home": (
            ["Menu", "Home repairs after the storm: what Kilmore owners can claim", "By Ann Lee"],
            "Home repairs after the storm: what Kilmore owners can claim",
        ),
        "title-case-title-ending-in-a-full-stop": (
            ["Coast Times", "Storm Closes the Harbour at Kilmore for Three Weeks.", "By Ann Lee"],
            "Storm Closes the Harbour at Kilmore for Three Weeks.",
        ),
        "logo-alt-text-above": (
            ["Coast Times harbour logo", "Storm closes Kilmore harbour", "By Ann Lee"],
            "Storm closes Kilmore harbour",
        ),
        "hashtags-above": (
            ["#harbour #storm #kilmore", "Storm closes Kilmore harbour", "By Ann Lee"],
            "Storm closes Kilmore harbour",
        ),
        "link-text-written-twice": (
            ["Coast Times", "Storm closes Kilmore harbourStorm closes Kilmore harbour", "By Ann Lee"],
            "Storm closes Kilmore harbour",
        ),
        "title-with-its-site-after-a-dash": (
            ["Storm closes Kilmore harbour – Coast Times", "By Ann Lee", "March 4, 2026"],
            "Storm closes Kilmore harbour",
        ),
        "title-with-one-slash": (
            ["News / Coast / Kilmore", "Storm closes Kilmore harbour / ferries sail from Port Ellen", "By Ann Lee"],
            "Storm closes Kilmore harbour / ferries sail from Port Ellen",
        ),
        "title-with-its-site-in-brackets": (
            ["Storm closes Kilmore harbour (coasttimes.example)", "By Ann Lee"],
            "Storm closes Kilmore harbour",
        ),
    }
)


# A date or a dangling separator on the title's line, a menu with an image's file
# name above it; a teaser kept above the article; a caption under a subheading is no
# byline.
CASES.update(
    {
        "date-in-front-of-the-title": (
            ["Coast Times", "March 4, 2026 Storm closes Kilmore harbour", "By Ann Lee"],
            "Storm closes Kilmore harbour",
        ),
        "date-after-the-title": (
            ["Coast Times", "Storm closes Kilmore harbour / March 2026", "By Ann Lee"],
            "Storm closes Kilmore harbour",
        ),
        "date-after-the-title-without-separator": (
            ["Coast Times", "Storm closes Kilmore harbour 4th March, 2026", "By Ann Lee"],
            "Storm closes Kilmore harbour",
        ),
        "separator-left-dangling": (
            ["Coast Times", "Storm closes Kilmore harbour -", "By Ann Lee"],
            "Storm closes Kilmore harbour",
        ),
        "year-in-brackets-in-front": (
            ["Coast Times", "[2026] Storm closes Kilmore harbour", "By Ann Lee"],
            "[2026] Storm closes Kilmore harbour",
        ),
        "title-with-a-number-then-its-date": (
            ["Coast Times", "Harbour diary, week 2 20 March 2026", "By Ann Lee"],
            "Harbour diary, week 2",
        ),
        "title-cell-beside-a-section-cell": (
            ["Coast Times", "Sport          Storm closes Kilmore harbour", "By Ann Lee"],
            "Storm closes Kilmore harbour",
        ),
        "title-cell-beside-a-search-box": (
            ["Coast Times", "Storm closes Kilmore harbour                    Search [          ] [Go]", "By Ann Lee"],
            "Storm closes Kilmore harbour",
        ),
        "title-cell-beside-a-long-sidebar-cell": (
            ["Coast Times", "Storm closes Kilmore harbour    " + " ".join(["Archive", "Search", "Tags", "Contact"] * 30), "By Ann Lee"],
            "Storm closes Kilmore harbour",
        ),
        "two-word-title-cell-beside-its-date-cell": (
            ["Coast Times", "Harbour closed           March 4th, 2026"],
            "Harbour closed",
        ),
        "breadcrumb-ending-in-the-title-above-it": (
            ["Coast Times", "Navigation: Home : News : Storm closes Kilmore harbour", "Storm closes Kilmore harbour", "By Ann Lee"],
            "Storm closes Kilmore harbour",
        ),
        "title-with-its-site-and-comment-count": (
            ["Coast Times", "Storm closes Kilmore harbour (coasttimes.example) 87", "Posted by ann on Monday March 4, 2026"],
            "Storm closes Kilmore harbour",
        ),
        "menu-with-an-image-file-above": (
            ["Home [coast_times_logo.png] Sponsor us News", "Storm closes Kilmore harbour", "By Ann Lee"],
            "Storm closes Kilmore harbour",
        ),
    }
)


# A title that names a logo is no logo's alt text; a title with a row of image buttons
# after it on its line (a dumper's "[save.gif] Save [mail.gif] Email").
CASES.update(
    {
        "title-about-a-logo": (
            ["Coast Times", "New harbour logo splits Kilmore council", "By Ann Lee"],
            "New harbour logo splits Kilmore council",
        ),
        "title-followed-by-image-buttons": (
            ["Coast Times", "Storm closes Kilmore harbour [save_icon.gif] Save [mail_icon.gif] Email", "By Ann Lee"],
            "Storm closes Kilmore harbour",
        ),
    }
)


@pytest.mark.parametrize("name", list(CASES))
def test_headline_is_the_title_above_the_article(name):
    head, title = CASES[name]
    doc = Pipeline().run(page(head, ARTICLE_EN))
    assert headline(doc) == title


def test_headline_of_a_german_page_with_byline_and_date():
    head = ["Startseite > Region > Küste", "Sturm schließt den Hafen von Kilmore", "Von Anna Lehmann", "04.03.2026, 10:15 Uhr"]
    doc = Pipeline().run(page(head, ARTICLE_DE, ["Nach oben", "© 2026 Küstenzeitung"]))
    assert headline(doc) == "Sturm schließt den Hafen von Kilmore"


def test_a_related_box_heading_below_the_article_is_not_the_headline():
    head = ["Coast Times", "Home | News | Sport | Weather", "Storm closes Kilmore harbour"]
    tail = ["More from Coast", "Ferry timetable changes for spring", "New lifeboat station opens", "Back to top"]
    doc = Pipeline().run(page(head, ARTICLE_EN, tail))
    assert headline(doc) == "Storm closes Kilmore harbour"


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("Storm closes harbour", True),
        ("The 9 best tents of 2026", True),
        ("What is a tide table?", True),
        ("By Ann Lee", False),
        ("Updated March 4, 2026 · 4 min read", False),
        ("The harbour was closed.", False),
        ("Home | News | Coast", False),
        ("* Ferry timetable changes", False),
        ("(BUTTON) Share this story", False),
        ("Home [coast_logo.png] Blog About", False),
        ("Logo of the Coast Times", False),
        ("Harbour logo wins a design prize", True),
        ("Read the harbour guide >", False),
        ("Visit: https://coast.example/harbour-app", False),
        ("Price: $49 a month", True),
        ("Harbour Images: Ten Years of Storms", True),
        ("The new pier at dusk. Photo: Ann Lee / Coast Times", False),
        ("Finding the right ferry can be hard, but don't worry, we are here to help you out!", False),
        ("Yes, We Stayed Open All Through the Storm, and Here Is How We Did It!", True),
    ],
)
def test_looks_like_title(text, title):
    assert looks_like_title(text) is title


def test_json_paragraphs_hold_one_entry_per_paragraph():
    # one paragraph per line, as many corpora store text: each line is a paragraph
    text = "Storm closes Kilmore harbour\n\n" + "\n".join(ARTICLE_EN) + "\n"
    doc = Pipeline().run(text)
    record = json.loads(Pipeline().render(doc, "json"))
    assert record["paragraphs"] == ["Storm closes Kilmore harbour", *ARTICLE_EN]
    assert record["counts"]["paragraphs"] == 5
    assert record["text"] == "Storm closes Kilmore harbour\n\n" + "\n".join(ARTICLE_EN) + "\n"


def wrap80(text: str, indent: str = "   ") -> list[str]:
    """``text`` hard-wrapped at 80 columns, as lynx dumps it."""
    out: list[str] = []
    line = indent
    for word in text.split():
        if len(line) + len(word) + (line != indent) > 80:
            out.append(line)
            line = indent
        line += (" " if line != indent else "") + word
    return [*out, line]


def test_a_title_wrapped_at_80_columns_is_joined_again():
    title = (
        "Storm closes Kilmore harbour for three weeks as divers wait to inspect the two piers "
        "it damaged"
    )
    paragraphs = ["\n".join(wrap80(p)) for p in ARTICLE_EN * 2]
    text = "\n\n".join(["Home | News | Coast", "\n".join(wrap80(title, "")), "By Ann Lee", *paragraphs])
    doc = Pipeline().run(text + "\n\nBack to top\n")
    assert headline(doc) == title


def test_a_subheading_inside_the_article_is_not_the_headline():
    article = [
        ARTICLE_EN[0],
        "Ferry timetable for the islands",
        "Ferries to the islands will sail from Port Ellen, with an extra crossing on Fridays "
        "and a bus from Kilmore to the ferry pier every morning.",
        *ARTICLE_EN[1:],
    ]
    doc = Pipeline().run(page(["Coast Times", "Storm closes Kilmore harbour", "By Ann Lee"], article))
    assert headline(doc) == "Storm closes Kilmore harbour"


@pytest.mark.parametrize(
    "line",
    [
        "Home | News | Coast",
        "News / Coast / Kilmore harbour",
        "By Ann Lee",
        "Updated March 4, 2026 · 4 min read",
        "Coast Times logo",
        "#harbour #storm",
        "Our papers ------ kilmore.example.com ellen.example.com islay.example.com",
        "Storm or no storm, the harbour of Kilmore never closes for long? Ask the harbour master, "
        "who has seen twenty winters there and says the piers will be mended in three weeks at most",
    ],
)
def test_the_headline_is_never_a_menu_a_byline_a_date_a_logo_or_sentences(line):
    # the only line above the article that could be a title is one of these
    doc = Pipeline().run(page([line], ARTICLE_EN))
    assert headline(doc) != _squeezed(line)


def _squeezed(text: str) -> str:
    return " ".join(text.split())


def test_a_teaser_kept_above_the_article_does_not_give_the_headline():
    # a promoted story (its heading and a sentence of prose) kept above the article,
    # apart from it by a menu
    head = [
        "Winter ferry timetable for the islands",
        "Ferries to the islands sail on a winter timetable from Monday, with one crossing a "
        "day from Port Ellen and none on Sundays until the harbour at Kilmore reopens.",
        "* News", "* Sport", "* Weather", "* Opinion", "* Harbour",
        "Storm closes Kilmore harbour",
        "By Ann Lee",
    ]
    doc = Pipeline().run(page(head, ARTICLE_EN))
    assert headline(doc) == "Storm closes Kilmore harbour"


def test_a_caption_under_a_subheading_is_no_byline():
    article = [
        ARTICLE_EN[0],
        "Harbour repairs in numbers",
        "Photo: the damaged pier at Kilmore on Monday morning",
        *ARTICLE_EN[1:],
    ]
    doc = Pipeline().run(page(["Coast Times", "Storm closes Kilmore harbour"], article))
    assert headline(doc) == "Storm closes Kilmore harbour"


def _wide(paragraphs: list[str]) -> str:
    """Paragraphs as lynx dumps them at its widest: indented, a blank line between."""
    return "\n\n".join("   " + p for p in paragraphs)


def _hard_wrapped(paragraphs: list[str]) -> str:
    """Paragraphs as lynx dumps them at 80 columns: hard-wrapped, a blank line between."""
    return "\n\n".join("\n".join(wrap80(p)) for p in paragraphs)


LIST_ITEMS = [
    "Ferries sail from Port Ellen at seven and at noon.",
    "The bus to the ferry pier leaves Kilmore square at six.",
    "Fishing boats may moor in the inner basin until Friday.",
]

# (page layout, the article as the JSON ``paragraphs`` must hold it)
PARAGRAPH_LAYOUTS = {
    "blank-line-between": ("\n\n".join(ARTICLE_EN), ARTICLE_EN),
    "one-per-line": ("\n".join(ARTICLE_EN), ARTICLE_EN),
    "indented-wide-dump": (_wide(ARTICLE_EN), ARTICLE_EN),
    "hard-wrapped-at-80-columns": (_hard_wrapped(ARTICLE_EN), ARTICLE_EN),
    "subheading-between-paragraphs": (
        "\n\n".join([*ARTICLE_EN[:2], "What happens next", *ARTICLE_EN[2:]]),
        [*ARTICLE_EN[:2], "What happens next", *ARTICLE_EN[2:]],
    ),
    "list-after-a-paragraph": (
        "\n\n".join([ARTICLE_EN[0], "\n".join("  * " + item for item in LIST_ITEMS), *ARTICLE_EN[1:]]),
        [ARTICLE_EN[0], *("* " + item for item in LIST_ITEMS), *ARTICLE_EN[1:]],
    ),
}


@pytest.mark.parametrize("layout", list(PARAGRAPH_LAYOUTS))
def test_json_paragraphs_hold_each_paragraph_once_and_whole(layout):
    body, expected = PARAGRAPH_LAYOUTS[layout]
    text = "Home | News | Coast\n\nStorm closes Kilmore harbour\n\n" + body + "\n\nBack to top\n"
    record = json.loads(Pipeline().render(Pipeline().run(text), "json"))
    paragraphs = record["paragraphs"]
    # every paragraph of the article is one entry of its own, in order, never two in one
    found = [next(k for k, p in enumerate(paragraphs) if p == want) for want in expected]
    assert found == sorted(found) and len(set(found)) == len(found)
    assert record["counts"]["paragraphs"] == len(paragraphs)
    # the entries are the lines of the text output, nothing more and nothing less
    assert paragraphs == [line for line in record["text"].splitlines() if line.strip()]


def _lynx(paragraph: str, indent: str = "   ") -> str:
    """``paragraph`` as lynx dumps it: wrapped before 80 columns, indented."""
    out: list[str] = []
    line = indent
    for word in paragraph.split():
        if len(line) + len(word) + 1 > 78:
            out.append(line)
            line = indent
        line += ("" if line == indent else " ") + word
    return "\n".join([*out, line])


@pytest.mark.parametrize(
    "heads",
    [
        # a section's heading under the title, indented as lynx indents links and text
        ["   * Home", "   * News", "Storm closes Kilmore harbour", "   Harbour Repairs at Kilmore"],
        # a teaser's link above it
        ["   Coast Times", "   Kilmore harbour closed by storm", "Storm closes Kilmore harbour"],
    ],
)
def test_the_title_at_the_margin_beats_an_indented_line(heads):
    # lynx and w3m write headings at the margin and indent paragraphs, links and lists
    body = [_lynx(p) for p in ARTICLE_EN]
    doc = Pipeline().run("\n\n".join([*heads, *body, "   Back to top"]) + "\n")
    assert headline(doc) == "Storm closes Kilmore harbour"


def test_the_title_under_its_date_beats_a_section_heading_above_the_date():
    head = ["Coast Times", "Harbour and ferries", "March 4, 2026", "Storm closes Kilmore harbour"]
    doc = Pipeline().run(page(head, ARTICLE_EN))
    assert headline(doc) == "Storm closes Kilmore harbour"


def test_the_title_with_a_rule_drawn_under_it_beats_the_heading_below():
    # a dumper draws the title's border as a row of underscores; a section's heading
    # in title case follows right above the text
    head = ["Storm closes Kilmore harbour", "   " + "_" * 66, "Harbour Repairs at Kilmore"]
    doc = Pipeline().run(page(head, ARTICLE_EN))
    assert headline(doc) == "Storm closes Kilmore harbour"
