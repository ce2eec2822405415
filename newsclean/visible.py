"""A line as it will be written: image names a dumper printed gone, spaces squeezed.

Stages judge a line by what the composer will write of it, so that their output,
cleaned again, gets the same judgement (``Ba\\u00adck to top`` is ``Back to top``).

>>> visible("  [IMG]\\u00a0Back\\u200b to top ")
'Back to top'
>>> link_texts("[Home](/) | [News](/news)")
'Home | News'
"""

from __future__ import annotations

import regex

from .document import Document, Line
from .regexes import compile_pattern
from .text import squeeze

# [arrow9x7], [nee_262731a.jpg], [IMG], [spacer.gif ]: names of images the dumper printed.
IMAGE_RE = compile_pattern(
    r"\[\s*+(?:[\w\-.]{0,80}\.(?:jpe?g|gif|png|bmp|webp|svg|ico)|img|image|inline|"
    r"[a-z_\-]{1,40}+\d[\w\-]{0,40}+)\s*+\]",
    regex.IGNORECASE,
)
# A Markdown link or image, as html2text and markdownify write them: "[Home](/)".
MARKDOWN_LINK_RE = compile_pattern(r"(!?)\[([^\[\]\n]{0,300}+)\]\([^()\s]{0,2000}+\)")


def without_images(text: str) -> str:
    """``text`` with the image names a dumper printed replaced by spaces; unchanged when
    that would leave another image name (``[[a8]a8]``), so a second run judges the
    text the way the first one did.

    >>> without_images("[arrow9x7] Photo: a bridge"), without_images("[[a8]a8]")
    ('  Photo: a bridge', '[[a8]a8]')
    """
    if "[" not in text:
        return text
    out = IMAGE_RE.sub(" ", text)
    if "[" in out and IMAGE_RE.search(out):
        return text
    return out


def visible(text: str) -> str:
    """A line as the composer will write it: image names gone, spaces squeezed,
    invisible characters dropped.

    >>> visible("  [IMG]\\u00a0Back\\u200b to top ")
    'Back to top'
    """
    return squeeze(without_images(squeeze(text)))


def link_texts(text: str) -> str:
    """Markdown links judged by their text, images not at all: an HTML-to-Markdown
    dump's menu (``[Home](/) | [News](/news)``) is a menu like any other.

    >>> link_texts("* [Share on Facebook](https://facebook.com/x) ![logo](/l.png)")
    '* Share on Facebook '
    """
    return MARKDOWN_LINK_RE.sub(lambda m: "" if m.group(1) else m.group(2), text)


def visible_line(doc: Document, line: Line) -> str:
    """:func:`visible` of ``line``'s text; a line without a ``[`` is its squeezed text,
    which the document computes once for all lines. A line with one is computed once
    per document too (stages never change a line's text), however many stages ask.

    >>> doc = Document.from_text("[IMG] Photo\\n  plain  text ")
    >>> visible_line(doc, doc.lines[0]), visible_line(doc, doc.lines[1])
    ('Photo', 'plain text')
    """
    if "[" in line.text:
        known: dict[int, str] = doc.view(_VISIBLE, _new_dict)
        text = known.get(line.number)
        if text is None:
            text = known[line.number] = visible(line.text)
        return text
    return doc.squeezed_lines()[line.number - 1]


_VISIBLE = "visible.visible_line"


def _new_dict(doc: Document) -> dict:
    return {}


def visible_lines(doc: Document, group: list[Line]) -> str:
    """The :func:`visible` texts of ``group``'s lines joined by spaces."""
    return " ".join([visible_line(doc, ln) for ln in group])
