"""The paragraph normalizer: kept lines -> paragraphs of clean text.

>>> from newsclean.document import Document
>>> doc = Document.from_text("   A paragraph that a dumper hard-wrapped at a narrow\\n"
...                          "   width, with a hyph- enated word, a long hyph-\\n   enated one and\\u00a0 odd spaces.\\n"
...                          "   Another line here that is also rather long so wide\\n"
...                          "   and ends.\\n\\n\\n   Next  paragraph.")
>>> normalize(doc, None)
>>> [p.text for p in doc.paragraphs]
['A paragraph that a dumper hard-wrapped at a narrow width, with a hyph- enated word, a long hyph-enated one and odd spaces.\\nAnother line here that is also rather long so wide and ends.', 'Next paragraph.']

"hyph-enated" keeps its hyphen: "hyphenated" appears nowhere else in the text.
"""

from __future__ import annotations

from ..document import Document, Line, Paragraph
from ..packs import WORD_RE, line_tokens
from ..registry import stages
from ..text import squeeze
from ..wrap import continues, detect_width
from .boilerplate import IMAGE_RE


def wrap_width(doc: Document) -> int | None:
    if "wrap_width" not in doc.meta:
        doc.meta["wrap_width"] = detect_width([line.text for line in doc.lines])
    return doc.meta["wrap_width"]


def _clean_line(text: str) -> str:
    if "[" in text:
        text = IMAGE_RE.sub(" ", text)
    return squeeze(text)


def _join(left: str, right: str, vocabulary: set[str] | None) -> str:
    """Join a wrapped line to its continuation, removing a line-end hyphen only when
    the joined word is a word of the document."""
    if (
        len(left) > 1
        and left[-1] == "-"
        and left[-2].isalpha()
        and right[:1].islower()
        and vocabulary is not None
    ):
        head = left.rsplit(" ", 1)[-1][:-1]
        tail = right.split(" ", 1)[0]
        joined = WORD_RE.match((head + tail).casefold())
        if joined and joined.group() in vocabulary:
            return left[:-1] + right
        return left + right
    return left + " " + right


@stages.register("normalize")
def normalize(doc: Document, ctx, *, join_wrapped: bool = True) -> None:
    """Turn kept lines into paragraphs: squeeze spaces, join hard-wrapped lines.

    Paragraphs break at blank and removed lines. Non-breaking and zero-width spaces and
    runs of spaces become one space; curly quotes and dashes are left as they are.
    """
    width = wrap_width(doc) if join_wrapped else None
    vocabulary: set[str] | None = None
    paragraphs: list[Paragraph] = []
    parts: list[str] = []
    numbers: list[int] = []
    sources: list[list[int]] = []
    prev: Line | None = None

    def flush() -> None:
        if parts:
            paragraphs.append(Paragraph("".join(parts), numbers[:], [s[:] for s in sources]))
            parts.clear()
            numbers.clear()
            sources.clear()

    squeezed = doc.squeezed_lines()  # squeeze() of every line, computed once per document
    for line, text in zip(doc.lines, squeezed):
        if line.removal is not None or not line.text.strip():  # removed or blank
            if parts:
                flush()
            prev = None
            continue
        if "[" in line.text:
            text = _clean_line(line.text)
        if not text:
            prev = line
            continue
        if not parts:
            parts.append(text)
            sources.append([line.number])
        elif prev is not None and continues(prev.text, line.text, width):
            if vocabulary is None and parts[-1].endswith("-"):
                # The words of WORD_RE.findall(doc.source_text.casefold()), computed once.
                vocabulary = set(" ".join(line_tokens(doc)).split())
            parts[-1] = _join(parts[-1], text, vocabulary)
            sources[-1].append(line.number)
        else:
            parts.append("\n" + text)
            sources.append([line.number])
        numbers.append(line.number)
        prev = line
    flush()
    doc.paragraphs = paragraphs
    if paragraphs and doc.headline is None:
        first = paragraphs[0].text
        if "\n" not in first and len(first.split()) <= 30 and not first.endswith("."):
            doc.headline = first
