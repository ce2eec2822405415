"""An author's box under the article (rule author-box): a name, then a paragraph that
opens with it. Own samples."""

from __future__ import annotations

import pytest

from newsclean.context import Context
from newsclean.document import Document
from newsclean.stages.boilerplate import boilerplate_lines, boilerplate_sentences
from newsclean.stages.furniture import furniture

from .helpers import KILMORE_ARTICLE

_MORE = [
    "Engineers from the county will survey the outer wall next week, since the storm moved "
    "several of the large blocks that protect the entrance to the harbour.",
    "The last time the harbour closed for this long was in the winter of 1998, when a fire on "
    "the fish quay kept boats away for nearly a month.",
]
_ARTICLE = [*KILMORE_ARTICLE, *_MORE]

BOXES = {
    "en": ("en", ["Written by Ann Lee", "Ann Lee has covered the islands and their ferries for the Coast Times since 2015."]),
    "en-short-sentences": ("en", ["Ann Lee (Coast Times)", "Ann Lee is our harbour reporter.", "She lives on Islay with her two dogs."]),
    "de": (
        "de",
        ["Anna Lehmann", "Anna Lehmann schreibt seit zehn Jahren für die Küstenzeitung über Häfen und Fähren."],
    ),
}


def _judge(paragraphs: list[str], lang: str = "en") -> tuple[set[str], set[str]]:
    doc = Document.from_text("\n\n".join(paragraphs) + "\n")
    ctx = Context(language=lang)
    boilerplate_sentences(doc, ctx)
    boilerplate_lines(doc, ctx)
    furniture(doc, ctx)
    kept = {line.text for line in doc.lines if line.removal is None and line.text.strip()}
    gone = {line.text for line in doc.lines if line.removal is not None and line.removal.rule == "author-box"}
    return kept, gone


@pytest.mark.parametrize("name", list(BOXES))
def test_an_author_box_under_the_article_goes(name):
    lang, box = BOXES[name]
    article = _ARTICLE if lang == "en" else _GERMAN
    kept, gone = _judge([*article, *box], lang)
    assert gone == set(box)
    assert kept == set(article)


_GERMAN = [
    "Der Hafen von Kilmore ist seit Montag geschlossen, nachdem ein Wintersturm zwei der Anlegestellen "
    "schwer beschädigt hat. Die Fischer müssen ihre Boote im inneren Becken lassen.",
    "Die Hafenmeisterin sagte, der Sturm sei der schlimmste seit zwanzig Jahren gewesen. Taucher sollen "
    "die Anlegestellen untersuchen, sobald die Wellen nachlassen, vielleicht schon am Freitag.",
    "Der Gemeinderat hat Geld für die Reparatur bereitgestellt, die mindestens drei Wochen dauern soll. "
    "Die Fähren zu den Inseln fahren bis dahin von einem anderen Hafen ab, zwanzig Minuten entfernt.",
    "Die Fischer sagten, die Schließung koste sie eine Woche Arbeit in der geschäftigsten Zeit des "
    "Jahres, und baten den Gemeinderat um Hilfe für die Besatzungen, die ihren Fang nicht anlanden können.",
    "Ingenieure des Landkreises wollen nächste Woche die äußere Mauer prüfen, weil der Sturm mehrere der "
    "großen Blöcke verschoben hat, die die Einfahrt des Hafens schützen. Zuletzt war der Hafen "
    "im Winter 1998 so lange geschlossen, nach einem Brand am Fischkai.",
]

STAYS = {
    # a row of profiles: two names, each over a paragraph that opens with it
    "profiles": [
        *_ARTICLE,
        "Ruth Okafor",
        "Ruth Okafor has run the harbour for twenty years and will oversee the repairs herself.",
        "Tom Baird",
        "Tom Baird leads the divers who will inspect the piers once the waves have dropped.",
    ],
    # the article's last section, its subhead's first word opening the paragraph
    "subhead": [*_ARTICLE, "Ferry Timetable", "Ferry times will change from Monday, the operator said in a statement."],
    # an item of a numbered list: a company and its paragraph
    "numbered-item": [*_ARTICLE, "7. Harbour Works Ltd", "Harbour Works Ltd in Port Ellen builds the new piles and employs 40 people."],
    # a place or an organisation whose paragraph opens with the start of its name
    "place": [*_ARTICLE, "The Harbour Inn", "The Harbour Inn was the first pub on the quay to reopen after the storm."],
    "organisation": [
        *_ARTICLE,
        "About Kilmore Harbour Trust",
        "Kilmore Harbour Trust is a charity that has run the harbour and its two piers since 1952.",
    ],
    # a subhead that labels a person, over the article's last section about them
    "labelled-subhead": [
        *_ARTICLE,
        "The new harbour master: Ruth Okafor",
        "Ruth Okafor, born in 1971 on Islay, ran the ferry office for ten years before taking the post.",
    ],
    # a name over a paragraph with the article going on below it: an interview's intro
    "article-below": [
        *KILMORE_ARTICLE[:2],
        "Ruth Okafor",
        "Ruth Okafor has run the harbour for twenty years and will oversee the repairs herself.",
        *KILMORE_ARTICLE[2:],
        *_MORE,
    ],
}


@pytest.mark.parametrize("name", list(STAYS))
def test_a_name_over_the_articles_own_paragraph_stays(name):
    kept, gone = _judge(STAYS[name])
    assert gone == set()


# --- byline-bio: a paragraph about the author that the byline above the article names


def _judge_bio(paragraphs: list[str], lang: str = "en") -> tuple[set[str], set[str]]:
    doc = Document.from_text("\n\n".join(paragraphs) + "\n")
    ctx = Context(language=lang)
    boilerplate_sentences(doc, ctx)
    boilerplate_lines(doc, ctx)
    furniture(doc, ctx)
    kept = {line.text for line in doc.lines if line.removal is None and line.text.strip()}
    gone = {line.text for line in doc.lines if line.removal is not None and line.removal.rule == "byline-bio"}
    return kept, gone


_HEAD = ["Storm closes Kilmore harbour for a week"]
BIOS = {
    # a byline at the top, the author's paragraph at the end
    "byline": (
        [*_HEAD, "By Nora Quinlan", *_ARTICLE],
        ["Nora Quinlan is a senior reporter for the Island Courier and has written about the ferries since 2012."],
    ),
    # the byline between the dek and the text, in capitals, in German
    "german-capitals": (
        [
            "Sturm schließt den Hafen",
            "Der Hafen von Kilmore bleibt nach dem schweren Wintersturm für mindestens eine Woche geschlossen, sagt die Hafenmeisterin.",
            "VON NORA QUINLAN am 3. März 2026",
            *_GERMAN,
        ],
        ["Nora Quinlan leitet das Ressort Küste bei der Inselzeitung. Sie studierte Meereskunde in Kiel und lebt auf Islay."],
    ),
    # the first name alone, under the full name on its line
    "first-name": (
        [*_HEAD, "by Nora Quinlan on March 3, 2026", *_ARTICLE],
        ["Nora Quinlan", "Nora is the co-founder of the Island Courier and has sailed on every ferry of the west coast."],
    ),
    # the byline's name on its line, a title under it, then a paragraph without the name
    "boxed": (
        [*_HEAD, "By Nora Quinlan", *_ARTICLE],
        ["Nora Quinlan", "Reporter, Island Courier", "I have written about the ferries of the west coast since 2012 and sail them most weeks."],
    ),
    # the byline's name under a heading word ("About ...", "Über ..."), then a paragraph without it
    "about-name": (
        [*_HEAD, "By Nora Quinlan", *_ARTICLE],
        ["About Nora Quinlan", "Harbour reporter since 2012, sailor, and keeper of the island's tide tables for the Courier."],
    ),
    "german-about-name": (
        [
            "Sturm schließt den Hafen",
            "Der Hafen von Kilmore bleibt nach dem schweren Wintersturm für mindestens eine Woche geschlossen, sagt die Hafenmeisterin.",
            "Veröffentlicht am 3. März 2026 von Nora Quinlan",
            *_GERMAN,
        ],
        ["Über Nora Quinlan", "Leitet das Ressort Küste bei der Inselzeitung, studierte Meereskunde in Kiel und lebt auf Islay."],
    ),
}


@pytest.mark.parametrize("name", list(BIOS))
def test_the_bylined_authors_paragraph_at_the_end_goes(name):
    article, bio = BIOS[name]
    kept, gone = _judge_bio([*article, *bio], "de" if name.startswith("german") else "en")
    assert gone == set(bio)
    assert set(article) <= kept


BIO_STAYS = {
    # the article's subject, named in the headline, in its last paragraph
    "subject": [
        "Nora Quinlan wins the island race",
        *_ARTICLE,
        "Nora Quinlan is expected to race again in May, when the harbour has reopened and the ferries run again.",
    ],
    # a first name alone with no name line above it: the article's own last word on a person
    "first-name-alone": [
        *_HEAD,
        "By Nora Quinlan",
        *_ARTICLE,
        "Nora is the youngest skipper on the quay and says she will be the first to sail when it reopens.",
    ],
    # a place's name alone above the headline is a label, not a byline
    "place-label": [
        "Port Ellen",
        *_HEAD,
        *_ARTICLE,
        "Port Ellen is the island's second harbour and will take the ferries until Kilmore has been repaired.",
    ],
    # a quotation that opens with a name's words
    "quotation": [
        "Island People",
        *_HEAD,
        *_ARTICLE,
        "“Island People have always fished from this harbour and always will,” the harbour master said on Monday.",
    ],
    # the interviewer's name over their last question
    "interviewer": [
        *_HEAD,
        "By Nora Quinlan",
        *_ARTICLE,
        "Nora Quinlan",
        "So what will you do first when the harbour reopens and the ferries are back on their old timetable?",
    ],
    # the byline's name over a list's item
    "list-item": [
        *_HEAD,
        "By Nora Quinlan",
        *_ARTICLE,
        "Nora Quinlan",
        "* Divers inspect the two damaged piers on Friday, weather permitting, with the council's engineers.",
    ],
    # a heading "About" a place, under an article that no byline names: the article's own section
    "about-place": [
        *_HEAD,
        *_ARTICLE,
        "About Port Ellen",
        "The island's second harbour will take the ferries until Kilmore has been repaired, the council says.",
    ],
    # a site's name alone on a line is no byline
    "site-name": [
        "The Island Courier",
        *_HEAD,
        *_ARTICLE,
        "The Island Courier is asking readers to send in their pictures of the storm and of the damaged piers.",
    ],
}


@pytest.mark.parametrize("name", list(BIO_STAYS))
def test_a_last_paragraph_that_no_byline_names_stays(name):
    kept, gone = _judge_bio(BIO_STAYS[name])
    assert gone == set()
