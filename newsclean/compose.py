"""The composer: the kept lines -> paragraphs of clean text. It is no stage: the
pipeline always runs it last, after every judge (options: ``[options.normalize]``).

>>> from newsclean.document import Document
>>> doc = Document.from_text("   A paragraph that a dumper hard-wrapped at a narrow\\n"
...                          "   width, with a hyph- enated word, a long hyph-\\n   enated one and\\u00a0 odd spaces.\\n"
...                          "   Another line here that is also rather long so wide\\n"
...                          "   and ends.\\n\\n\\n   Next  paragraph.")
>>> compose(doc)
>>> [p.text for p in doc.paragraphs]
['A paragraph that a dumper hard-wrapped at a narrow width, with a hyph- enated word, a long hyph-enated one and odd spaces.\\nAnother line here that is also rather long so wide and ends.', 'Next paragraph.']

"hyph-enated" keeps its hyphen: "hyphenated" appears nowhere else in the text.
"""

from __future__ import annotations

from .document import Document, Line, Paragraph
from .regexes import compile_re
from .text import squeeze
from .tokens import WORD_RE, line_tokens
from .visible import visible
from .wrap import continues, detect_width, wrap_width

# lynx -dump numbers every link, "[12]Home", and lists the addresses under "References".
# Written "[" first, the character before it checked by a lookbehind that includes the
# "[" itself: the same matches as (?<![\w\]])\[\d{1,5}\](?=\S), but re scans for the
# literal "[" in C instead of trying the lookbehind at every position of the document
# (40x faster on a whole page).
LINK_NUMBER_RE = compile_re(r"\[(?<![\w\]]\[)\d{1,5}\](?=\S)")


def link_numbers(doc: Document) -> bool:
    """Whether the page is a lynx dump with numbered links (three or more)."""
    return doc.view("link_numbers", _has_link_numbers)


def _has_link_numbers(doc: Document) -> bool:
    text = doc.source_text
    if "[" not in text:
        return False
    found = 0
    for _ in LINK_NUMBER_RE.finditer(text):
        found += 1
        if found >= 3:
            return True
    return False


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
    >>> _join("運航を再開するこ", "とになった。", None)  # Chinese and Japanese: no space between
    (False, 'とになった。')
    """
    if left and right and _unspaced(left[-1]) and _unspaced(right[0]):
        return False, right
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


def _unspaced(char: str) -> bool:
    """A character of a script written without spaces (Han, kana) or its punctuation
    (、。「」, full-width forms): a line wrapped between two of them is joined without one."""
    return not char.isascii() and (
        "\u3000" <= char <= "\u30ff" or "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"
        or "\uff00" <= char <= "\uffef"
    )


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


# The name under which the composer's options are configured and its work is reported.
NAME = "normalize"


# Rounds of joining the composed lines that a second run would join (see _rejoin).
MAX_REJOINS = 8


def _rejoin(paragraphs: list[Paragraph], doc: Document) -> list[Paragraph]:
    """Join the output lines that a second run would judge hard-wrapped, until none is.

    Joining makes lines longer, and the longest lines set the wrap width a second run
    detects: lines that did not look wrapped may look so then. The composer makes those
    joins now, on its own output lines, so that composing its output changes nothing.
    Each round only joins, so the rounds end.
    """
    vocabulary: set[str] | None = None
    for _ in range(MAX_REJOINS):
        lines = [t for p in paragraphs for t in p.text.split("\n")]
        width = detect_width(lines)
        if width is None:
            return paragraphs
        changed = False
        out: list[Paragraph] = []
        for p in paragraphs:
            texts = p.text.split("\n")
            srcs = p.line_sources()
            if len(texts) == 1:
                out.append(p)
                continue
            new_texts, new_srcs = [texts[0]], [list(srcs[0])]
            for text, src in zip(texts[1:], srcs[1:]):
                if continues(new_texts[-1], text, width):
                    if vocabulary is None:
                        vocabulary = set(" ".join(line_tokens(doc)).split())
                    drop, add = _join(_tail([new_texts[-1]]), text, vocabulary)
                    joined = (new_texts[-1][:-1] if drop else new_texts[-1]) + add
                    new_texts[-1] = visible(joined) if "[" in joined else joined
                    new_srcs[-1].extend(src)
                    changed = True
                else:
                    new_texts.append(text)
                    new_srcs.append(list(src))
            out.append(Paragraph("\n".join(new_texts), p.lines, new_srcs))
        paragraphs = out
        if not changed:
            return paragraphs
    return paragraphs


def compose(doc: Document, *, join_wrapped: bool = True) -> None:
    """Turn kept lines into paragraphs: squeeze spaces, join hard-wrapped lines.

    Paragraphs break at blank and removed lines. On a lynx dump with numbered links,
    the numbers go ("[12]Home" is written "Home"). Non-breaking and zero-width spaces and
    runs of spaces become one space; curly quotes and dashes are left as they are.
    Each output line remembers the input lines it was made from (``Paragraph.sources``).
    """
    # Lines as they will be written: image names gone, spaces squeezed (cached views).
    squeezed = doc.squeezed_lines()
    shown: dict[int, str] = {}
    for line, text in zip(doc.lines, squeezed):
        if line.removal is None and text:
            if line.cut is not None:  # one cell of a side-by-side table line
                text = squeeze(line.written)
                shown[line.number] = visible(line.written) if "[" in text else text
            else:  # visible_line(doc, line), inline: a page has thousands of lines
                shown[line.number] = visible(line.text) if "[" in line.text else text
    if shown and link_numbers(doc):  # "the [5]harbour" is written "the harbour"
        for number, text in shown.items():
            if "[" in text:
                shown[number] = squeeze(LINK_NUMBER_RE.sub("", text))
    # Two judgements of the wrap, and a join either finds is made: on the input lines as
    # they are (the dumper wrapped at their columns), and on the kept lines as they will
    # be written, which is all a second run sees.
    width = wrap_width(doc) if join_wrapped else None
    bare = detect_width([t for t in shown.values() if t]) if join_wrapped else None
    vocabulary: set[str] | None = None
    paragraphs: list[Paragraph] = []
    out: list[list[str]] = []  # the current paragraph: pieces of each output line
    sources: list[list[int]] = []  # ... and the input lines of each output line
    numbers: list[int] = []
    prev: Line | None = None

    def flush() -> None:
        if not out:
            return
        texts: list[str] = []
        srcs: list[list[int]] = []
        for pieces, src in zip(out, sources):
            text = "".join(pieces)
            if len(src) > 1 and "[" in text:
                # Joining wrapped lines can make an image name ("[arrow9" + "x7]"):
                # remove it as from any line, so the output is what a second run writes.
                text = visible(text)
            if text:
                texts.append(text)
                srcs.append(src)
        if texts:
            paragraphs.append(Paragraph("\n".join(texts), numbers[:], srcs))
        out.clear()
        sources.clear()
        numbers.clear()

    for line in doc.lines:
        maybe = shown.get(line.number) if line.removal is None else None
        if maybe is None:  # removed, blank or nothing left to write
            if line.removal is not None or not squeezed[line.number - 1]:
                if out:
                    flush()
                prev = None
            continue
        text = maybe
        if not text:
            continue
        if not out:
            out.append([text])
            sources.append([line.number])
        elif prev is not None and (
            # (continues() is False without a width: skip the call and the views)
            (width is not None and continues(prev.written, line.written, width))
            or (bare is not None and continues(shown[prev.number], text, bare))
        ):
            pieces = out[-1]
            if vocabulary is None and pieces[-1].endswith("-"):
                # The words of WORD_RE.findall(doc.source_text.casefold()), computed once.
                vocabulary = set(" ".join(line_tokens(doc)).split())
            drop, add = _join(_tail(pieces), text, vocabulary)
            if drop:
                pieces[-1] = pieces[-1][:-1]  # one input line's text: cheap to copy
            pieces.append(add)
            sources[-1].append(line.number)
        else:
            out.append([text])
            sources.append([line.number])
        numbers.append(line.number)
        prev = line
    flush()
    if join_wrapped:
        paragraphs = _rejoin(paragraphs, doc)
    doc.paragraphs = paragraphs
