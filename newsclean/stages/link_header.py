"""The list of a page's ``<link>`` elements that lynx prints above the page: rule
``link-header``.

lynx opens its dump with a line that names the page's ``<link>`` elements, each by
its title or, without one, by its relation: ``#alternate alternate``, ``#Coast Times
» Feed Coast Times » Comments Feed``, ``#publisher``. It is marked by a ``#`` glued to
its first word (a Markdown heading puts a space there: ``# Title``) and is never the
article, in any language. When the content stage keeps it (a page whose article
starts at its top), it goes, with the lines lynx wrapped it onto at 80 columns; so do
the page's own anchors printed the same way, each on a line of its own
(``#services``, ``#contact``). The first other line ends the list. The furniture stage
runs it with the other judges of the kept text
(:func:`newsclean.stages.after_article.after_article`).

>>> from newsclean import Context, Document
>>> links = "   #Coast Times » Feed Coast Times » Comments Feed Coast Times » Storm closes the"
>>> doc = Document.from_text(links + "\\n   harbour Comments Feed\\n\\n   Storm closes the harbour\\n\\n   The ferry sailed.")
>>> link_header(doc, Context())
>>> [(line.number, line.removal.rule) for line in doc.removed()]
[(1, 'link-header'), (2, 'link-header')]

Only in a text that lynx indents (three spaces before most lines): elsewhere a first
line such as "#MeToo five years on" is a headline with a hashtag, and it stays.

>>> doc = Document.from_text("#MeToo five years on\\n\\nThe ferry sailed.")
>>> link_header(doc, Context())
>>> list(doc.removed())
[]
"""

from __future__ import annotations

from ..context import Context
from ..document import Document


def _marked(text: str) -> bool:
    """Whether a line opens with ``#`` glued to a word.

    >>> _marked("#alternate"), _marked("# Storm closes the harbour"), _marked("#### Notes")
    (True, False, False)
    """
    return text[:1] == "#" and bool(text[1:2].strip()) and text[1:2] != "#"


def _indented(doc: Document) -> bool:
    """Whether half the non-blank lines or more start with three spaces, as lynx
    indents the text of a page (a user's text, or another dumper's, does not)."""
    lines = indented = 0
    for line in doc.lines:
        if not line.blank:
            lines += 1
            indented += line.text.startswith("   ")
    return indented * 2 >= lines


def link_header(doc: Document, ctx: Context, *, wrapped: int = 60) -> None:
    """Remove lynx's list of the page's links (see the module): rule ``link-header``.

    In a text lynx indented (:func:`_indented`), from the first line on, each line that opens with ``#`` glued to a
    word goes, and so does a line under one at least ``wrapped`` characters long (the
    rest of a list that lynx wrapped), up to the first blank line or other line.
    """
    first = next((line.text.strip() for line in doc.lines if not line.blank), "")
    if not _marked(first) or not _indented(doc):
        return
    previous = ""
    for line in doc.lines:
        if line.blank:
            if previous:
                return
            continue
        text = line.text.strip()
        if not _marked(text) and len(previous) < wrapped:
            return
        if line.removal is None:
            doc.remove(line, "furniture", "link-header")
        previous = text
