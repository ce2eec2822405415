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
from ..packs import WORD_RE
from ..registry import stages
from ..wrap import continues, detect_width
from .boilerplate import visible


def wrap_width(doc: Document) -> int | None:
    if "wrap_width" not in doc.meta:
        doc.meta["wrap_width"] = detect_width([line.text for line in doc.lines])
    return doc.meta["wrap_width"]


def _clean_line(text: str) -> str:
    return visible(text)


def _trim(word: str, *, leading: bool) -> str:
    """``word`` without the punctuation before it (``leading``) or after it.

    >>> _trim("(hyph", leading=True), _trim("enated),", leading=False)
    ('hyph', 'enated')
    """
    if leading:
        i = 0
        while i < len(word) and not (word[i].isalnum() or word[i] == "_"):
            i += 1
        return word[i:]
    j = len(word)
    while j > 0 and not (word[j - 1].isalnum() or word[j - 1] == "_"):
        j -= 1
    return word[:j]


def _join(left: str, right: str, vocabulary: set[str] | None) -> tuple[bool, str]:
    """How to join a wrapped line to its continuation: whether to drop ``left``'s last
    character (a line-end hyphen, removed only when the joined word is a word of the
    document) and what to append. ``left`` needs only to hold the end of the text so
    far (its last word): a paragraph is never copied, so long ones stay linear.

    >>> _join("a hyph-", "enated word", {"hyphenated"}), _join("a hyph-", "enated", set())
    ((True, 'enated word'), (False, 'enated'))
    >>> _join("one line", "and the next", None)
    (False, ' and the next')
    """
    if (
        len(left) > 1
        and left[-1] == "-"
        and left[-2].isalpha()
        and right[:1].islower()
        and vocabulary is not None
    ):
        last = left.rsplit(None, 1)[-1] if left.strip() else left
        head = _trim(last[:-1].casefold(), leading=True)
        tail = _trim(right.split(" ", 1)[0].casefold(), leading=False)
        # The whole joined word must be a word of the document: "(hyph-" + "enated,"
        # checks "hyphenated"; a prefix match would let "i\x12ph-" + "enath" pass as "i".
        if head and tail and WORD_RE.fullmatch(head + tail) and head + tail in vocabulary:
            return True, right
        return False, right
    return False, " " + right


# A word longer than this is not re-joined across a line end (and not looked for).
_MAX_TAIL = 256


def _tail(parts: list[str]) -> str:
    """The end of ``"".join(parts)``: enough to hold its last word (up to _MAX_TAIL)."""
    out: list[str] = []
    n = 0
    for piece in reversed(parts):
        out.append(piece)
        n += len(piece)
        if n >= _MAX_TAIL or (n >= 2 and (" " in piece or "\n" in piece)):
            break
    return "".join(reversed(out))[-_MAX_TAIL:]


@stages.register("normalize")
def normalize(doc: Document, ctx, *, join_wrapped: bool = True) -> None:
    """Turn kept lines into paragraphs: squeeze spaces, join hard-wrapped lines.

    Paragraphs break at blank and removed lines. Non-breaking and zero-width spaces and
    runs of spaces become one space; curly quotes and dashes are left as they are.
    """
    # Two judgements of the wrap, and a join either finds is made: on the input lines as
    # they are (the dumper wrapped at their columns), and on the kept lines as they will
    # be written, which is all a second run sees: so a run that joins nothing leaves
    # nothing for a second run to join.
    shown = {
        line.number: _clean_line(line.text)
        for line in doc.lines
        if line.removal is None and not line.blank
    }
    width = wrap_width(doc) if join_wrapped else None
    bare = detect_width([t for t in shown.values() if t]) if join_wrapped else None
    vocabulary: set[str] | None = None
    paragraphs: list[Paragraph] = []
    parts: list[str] = []
    numbers: list[int] = []
    prev: Line | None = None

    def flush() -> None:
        if parts:
            text = "".join(parts)
            if "[" in text and len(numbers) > text.count("\n") + 1:
                # Joining wrapped lines can make an image name ("[arrow9" + "x7]"):
                # remove it as from any line, so the output is what a second run writes.
                text = "\n".join(filter(None, (visible(t) if "[" in t else t for t in text.split("\n"))))
            if text:
                paragraphs.append(Paragraph(text, numbers[:]))
            parts.clear()
            numbers.clear()

    for line in doc.lines:
        if line.removal is not None or line.blank:
            flush()
            prev = None
            continue
        text = shown[line.number]
        if not text:
            continue
        if not parts:
            parts.append(text)
        elif prev is not None and (
            continues(prev.text, line.text, width) or continues(shown[prev.number], text, bare)
        ):
            if vocabulary is None and parts[-1].endswith("-"):
                vocabulary = set(WORD_RE.findall(doc.source_text.casefold()))
            drop, add = _join(_tail(parts), text, vocabulary)
            if drop:
                parts[-1] = parts[-1][:-1]  # one input line's text: cheap to copy
            parts.append(add)
        else:
            parts.append("\n" + text)
        numbers.append(line.number)
        prev = line
    flush()
    doc.paragraphs = paragraphs
    if paragraphs and doc.headline is None:
        first = paragraphs[0].text
        if "\n" not in first and len(first.split()) <= 30 and not first.endswith("."):
            doc.headline = first
