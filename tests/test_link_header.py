"""lynx's list of the page's <link> elements above the page (rule link-header). Own samples."""

from __future__ import annotations

import pytest

from newsclean.context import Context
from newsclean.document import Document
from newsclean.pipeline import Pipeline
from newsclean.stages.link_header import link_header

from .helpers import KILMORE_ARTICLE

# the list as lynx prints it, at 80 columns (wrapped) and unwrapped
_LINKS = {
    "wrapped": [
        "   #alternate alternate alternate alternate alternate alternate alternate alternate",
        "   alternate alternate alternate alternate alternate alternate alternate alternate",
        "   alternate alternate",
    ],
    "titles": ["   #Coast Times » Feed Coast Times » Comments Feed Coast Times » Storm closes the harbour oEmbed (JSON)"],
    "anchors": ["   #services", "   #contact", "   #blog"],
}


# lynx indents the page's text by three spaces
_LYNX_ARTICLE = ["   " + p for p in KILMORE_ARTICLE]


@pytest.mark.parametrize("name", list(_LINKS))
def test_the_list_of_links_above_an_article_at_the_top_goes(name):
    # an article that starts at the page's top: the content stage keeps what is above it
    page = "\n".join(_LINKS[name]) + "\n\n" + "\n\n".join(_LYNX_ARTICLE) + "\n"
    out = Pipeline().clean(page)
    assert [" ".join(p.split()) for p in out.split("\n\n") if p.strip()] == KILMORE_ARTICLE


@pytest.mark.parametrize(
    "first",
    [
        "# Storm closes the harbour",  # a Markdown heading
        "#### Notes",
        "The harbour at Kilmore #1 in the region for fishing",
    ],
)
def test_a_heading_or_a_line_with_a_hash_stays(first):
    doc = Document.from_text(first + "\n\n" + KILMORE_ARTICLE[0] + "\n")
    link_header(doc, Context())
    assert not list(doc.removed())


def test_the_list_ends_at_the_first_other_line():
    # a page's anchors, then its date line with no blank line between: the date stays
    doc = Document.from_text("   #services\n   #contact\n   MARCH 4, 2026\n\n" + _LYNX_ARTICLE[0] + "\n")
    link_header(doc, Context())
    assert [line.number for line in doc.removed()] == [1, 2]


@pytest.mark.parametrize("head", ["#MeToo five years on: what changed at work", "#KilmoreStorm: the harbour closes for three weeks"])
def test_a_hashtag_heading_of_a_text_lynx_did_not_indent_stays(head):
    # a user's text or another dumper's: its first line with a hashtag is its headline
    page = head + "\n\n" + "\n\n".join(KILMORE_ARTICLE) + "\n\nBack to top\n\nHome | News | Sport\n"
    out = Pipeline().clean(page)
    assert out.startswith(head + "\n")
