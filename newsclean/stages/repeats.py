"""What a page prints twice: a second copy of a long run of paragraphs, and a table of
contents without a heading (its items printed again as the article's subheads).

Pages print their article twice (an infinite scroll that loads the same story again, a
print version under the screen version, a carousel of testimonials or promotions
repeated for its animation), and the content stage keeps both copies: each scores like
the article it is. Rule ``second-copy`` (the ``after-article`` judge runs it first):
a run of kept paragraphs, one after the other, each of them a paragraph already kept
above the run, goes when it holds ``least`` words or more (150 by default, about three
paragraphs) outside list items (a menu printed twice is a list, which the other stages
judge). A paragraph that an article repeats on purpose (a pull quote, a notice
printed under each of several webcams, an event's blurb in two listings) is a paragraph
or two, and stays. The copy may be written in Markdown (a page that offers its article
"as Markdown" prints it again under the article): its paragraphs are compared without
their marks (:func:`unmarked`). Nothing depends on a language: the copy is the signal. Rule
``contents-unheaded``: see :func:`contents_unheaded`.

>>> from newsclean import Context, Document
>>> paras = [f"Paragraph {n} of the story, which goes on for a while about the harbour, the storm "
...          "that closed it and the divers who will inspect the damaged piers on Friday." for n in range(1, 6)]
>>> page = [p for para in paras for p in (para, "")] + ["More from Coast Times", ""] + [p for para in paras for p in (para, "")]
>>> doc = Document.from_text("\\n".join(page))
>>> second_copy(doc, Context())
>>> [line.number for line in doc.removed()]
[13, 15, 17, 19, 21]
"""

from __future__ import annotations

from ..context import Context
from ..document import Document, Line
from ..script import word_count
from ..visible import visible_lines
from ..wrap import line_groups, wrap_width
from .content.features import BULLETS


def kept_parts(doc: Document) -> tuple[list[list[Line]], list[str], list[int]]:
    """The kept paragraphs (groups of lines, hard-wrapped ones joined), each one's text
    as written (squeezed, image names dropped) and its count of words. A paragraph's
    text depends on its lines alone (stages never change a line's text): it is
    computed once per document, however many judges ask.
    """
    groups = line_groups(doc, wrap_width(doc))  # (kept lines only)
    known: dict[tuple[int, int], tuple[str, int]] = doc.view(_PARTS, lambda d: {})
    texts, sizes = [], []
    for g in groups:
        key = (g[0].number, g[-1].number)
        found = known.get(key)
        if found is None:
            text = " ".join(visible_lines(doc, g).split())
            found = known[key] = (text, word_count(text.split()))
        texts.append(found[0])
        sizes.append(found[1])
    return groups, texts, sizes


_PARTS = "repeats.kept_parts"

# the marks that end a sentence, and the closing quotes and brackets after one
SENTENCE_ENDS = ".!?。！？"
CLOSING_QUOTES = "\"”»’')）」"


def prose_words(text: str, n: int) -> int:
    """The words of a kept part (``text``, ``n`` words) that is a paragraph of prose:
    a sentence of a dozen words or more, or a long run; 0 for anything else.

    >>> prose_words("Divers will inspect the two damaged piers on Friday, the council says.", 12)
    12
    >>> prose_words("Ferry fares rise in spring", 5), prose_words("Divers will inspect the two damaged piers on Friday and", 10)
    (0, 0)
    """
    return n if n >= 25 or (n >= 12 and text.rstrip(CLOSING_QUOTES).endswith(tuple(SENTENCE_ENDS))) else 0


def _unlinked(text: str) -> str:
    """``text`` with each Markdown link ``[words](target)`` written as its words."""
    out, i = [], 0
    while True:
        middle = text.find("](", i)
        if middle < 0:
            break
        opening, closing = text.rfind("[", i, middle), text.find(")", middle + 2)
        if closing < 0:
            break
        if opening < 0:  # (no link: "](" in a sentence)
            out.append(text[i : middle + 2])
            i = middle + 2
            continue
        out.append(text[i:opening])
        out.append(text[opening + 1 : middle])
        i = closing + 1
    out.append(text[i:])
    return "".join(out)


def unmarked(text: str) -> str:
    """A paragraph's text without Markdown's marks: links as their words, no bold or
    italic marks, no heading's or quote's mark first; plain text comes back as it is.

    >>> unmarked("## What the [repairs](https://example.org/piers) cost")
    'What the repairs cost'
    >>> unmarked("> **Divers** will inspect the piers, _weather permitting_.")
    'Divers will inspect the piers, weather permitting.'
    >>> unmarked("The #1 pier [reopened] in 2026 (at last).")
    'The #1 pier [reopened] in 2026 (at last).'
    """
    if "](" in text:
        text = _unlinked(text)
    if "**" in text or "__" in text:
        text = text.replace("**", "").replace("__", "")
    head = text.lstrip("#")
    if head[:1] == " " and len(head) < len(text) <= len(head) + 6:  # ("# Title", not "#1")
        text = head
    if text.startswith("> "):
        text = text[2:]
    if "_" in text:
        text = " ".join(_unitalic(w) for w in text.split(" "))
    return " ".join(text.split())


def _unitalic(word: str) -> str:
    """A word without the underscores of Markdown's italics around it ("_word_.");
    an underscore inside a name ("user_id") stays."""
    core = word.strip(".,;:!?\"'“”‘’()")
    return word.replace("_", "") if core[:1] == "_" or core[-1:] == "_" else word


def second_copy(doc: Document, ctx: Context, *, least: int = 150) -> None:
    """Remove the later copy of a long run of kept paragraphs (see the module): rule
    ``second-copy``. ``least``: the words a run must hold."""
    groups, texts, sizes = kept_parts(doc)
    if len(groups) < 2:
        return
    texts = [unmarked(t) for t in texts]
    first: dict[str, int] = {}
    for k, text in enumerate(texts):
        first.setdefault(text, k)
    k = 0
    while k < len(groups):
        if not texts[k] or first[texts[k]] == k:
            k += 1
            continue
        # the run from k: paragraphs kept before it, each (not copies inside the run)
        end, words = k, 0
        while end < len(groups) and texts[end] and first[texts[end]] < k:
            if not texts[end].startswith(BULLETS):  # (a menu printed twice is a list)
                words += sizes[end]
            end += 1
        if words >= least:
            for g in groups[k:end]:
                for line in g:
                    doc.remove(line, "furniture", "second-copy")
        k = max(end, k + 1)


def _item(text: str) -> str:
    """A list item's text without its mark ("* ", "• ", "3. ", "3) "), case-folded.

    >>> _item("* Why the piers failed"), _item("12. Costs:"), _item("2026 budget")
    ('why the piers failed', 'costs', '2026 budget')
    """
    if text.startswith(BULLETS):
        text = text[2:]
    else:
        digits = len(text) - len(text.lstrip("0123456789"))
        if 1 <= digits <= 2 and text[digits : digits + 1] in (".", ")"):
            text = text[digits + 1 :]
    return text.strip().casefold().rstrip(":： ")


def contents_unheaded(doc: Document, ctx: Context, *, run: int = 3, words: int = 15) -> None:
    """Remove a table of contents without a heading: rule ``contents-unheaded``.

    Three short lines or more in a row (``words`` at most, no full stop), each printed
    once more further down and nowhere else, in the same order, each of those apart
    from the next (a subhead over its section): the list of the article's subheads that
    a page prints above the article or at its top. A list whose items the page prints
    again one under the other is a menu or a table, and is judged elsewhere; a list
    under a heading ("Contents") is the furniture stage's.
    """
    groups, texts, sizes = kept_parts(doc)
    if len(groups) < 2 * run:
        return
    items = [_item(t) for t in texts]
    where: dict[str, list[int]] = {}
    for k, item in enumerate(items):
        where.setdefault(item, []).append(k)

    def listed(k: int) -> bool:
        places = where[items[k]]
        return (
            len(places) == 2
            and places[0] == k
            and bool(items[k])
            and sizes[k] <= words
            and texts[k][-1:] not in ".。"
            and not texts[k][:1].isdigit()  # (a numbered list sums up the sections: the article's)
        )

    k = 0
    while k < len(groups):
        end = k
        while end < len(groups) and listed(end) and where[items[end]][1] > end:
            end += 1
        later = [where[items[j]][1] for j in range(k, end)]
        if end - k >= run and later[0] >= end and all(b - a >= 2 for a, b in zip(later, later[1:])):
            for g in groups[k:end]:
                for line in g:
                    doc.remove(line, "furniture", "contents-unheaded")
        k = max(end, k + 1)
