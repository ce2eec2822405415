"""The unit that flows through the pipeline: every input line with its fate.

A :class:`Document` is built once from the input text. Stages never delete anything:
they mark lines as removed, naming themselves and the rule that fired, so writers,
``--explain`` and the JSON output can always say what happened to each line. A kept
line can also be *cut* to one of its side-by-side table cells (:class:`Cut`).

>>> doc = Document.from_text("Title\\r\\n\\r\\nBody text.\\r\\nclear")
>>> doc.newline == "\\r\\n", len(doc.lines), doc.final_newline
(True, 4, False)
>>> doc.remove(doc.lines[3], "layout", "stray-word")
>>> [line.text for line in doc.kept()]
['Title', '', 'Body text.']
"""


# No `from __future__ import annotations` in this module: it defines NamedTuples, whose
# string annotations typing would compile one by one at every start (docs/performance.md).
from collections.abc import Callable, Iterator
from typing import Any, NamedTuple

from .record import Record
from .signals import Signal
from .text import squeeze_lines

# Only these end a line. str.splitlines() would also split on \x0b \x0c \x1c-\x1e \x85
# \u2028 \u2029, which occur inside scraped text and must come out as they came in.
_NEWLINES = ("\r\n", "\n", "\r")
BOM = "\ufeff"


class Removal(NamedTuple):
    """Why a line was removed: the stage that removed it and the rule (for people), and
    the typed signal later stages may read (see :mod:`newsclean.signals`)."""

    stage: str
    rule: str
    signal: Signal = Signal.NONE


class Cut(NamedTuple):
    """Part of a kept line that is written, ``text[start:end]``: the rest of the line
    was a side-by-side table cell (a menu beside the article) removed by ``stage``
    for ``rule``."""

    start: int
    end: int
    stage: str
    rule: str


class Line(Record):
    """One input line (without its line ending), 1-based ``number``."""

    # A record (see newsclean.record), with its own __init__: a page has thousands of
    # lines, and positional arguments are quicker to take than names.
    __slots__ = ("number", "text", "removal", "cut")

    def __init__(self, number: int, text: str, removal: Removal | None = None, cut: Cut | None = None) -> None:
        self.number = number
        self.text = text
        self.removal = removal
        self.cut = cut

    @property
    def kept(self) -> bool:
        return self.removal is None

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def written(self) -> str:
        """The text as it will be written: the whole line, or the part a cut keeps,
        still at its column (so a wrapped column's lines still reach the wrap width).

        >>> line = Line(1, "Home      The article starts here.")
        >>> line.cut = Cut(10, 34, "columns", "side-cell")
        >>> line.written
        '          The article starts here.'
        """
        cut = self.cut
        if cut is None:
            return self.text
        return " " * cut.start + self.text[cut.start : cut.end]


class Paragraph(Record):
    """A paragraph of output text and the input lines it was made from.

    ``sources`` has one entry per output line of ``text`` (split on ``\\n``): the input
    line numbers joined into it (several when a hard-wrapped paragraph was joined).
    """

    __slots__ = ("text", "lines", "sources")

    def __init__(self, text: str, lines: list[int], sources: list[list[int]] | None = None) -> None:
        self.text = text
        self.lines = lines
        self.sources = sources

    def line_sources(self) -> list[list[int]]:
        if self.sources is not None:
            return self.sources
        return [[n] for n in self.lines] if self.text.count("\n") + 1 == len(self.lines) else [self.lines]


class Document:
    """Input lines, their fates, and the paragraphs the composer made of the kept ones."""

    def __init__(
        self,
        lines: list[Line],
        newline: str = "\n",
        final_newline: bool = True,
        bom: bool = False,
        paragraphs: list[Paragraph] | None = None,
        headline: str | None = None,
        language: str | None = None,
        notes: list[str] | None = None,
        meta: dict | None = None,
    ) -> None:
        self.lines = lines
        # how the input was written, so that the output is written the same way
        self.newline, self.final_newline, self.bom = newline, final_newline, bom
        self.paragraphs = paragraphs
        self.headline = headline  # found when first asked for: newsclean.headline.headline(doc)
        self.language = language
        self.notes: list[str] = [] if notes is None else notes
        self.meta: dict = {} if meta is None else meta
        # Per-document views of the lines computed once, in one pass over the whole
        # text rather than one call per line (see squeezed_lines, folded_squeezed_lines),
        # and shared by the stages of the one pass. Stages never change a line's text,
        # so the views stay valid for the document's life.
        self._views: dict = {}
        # How many times a line's removal changed: :meth:`remove`, :meth:`remove_lines`,
        # :meth:`restore` and :meth:`restore_lines` are the only setters of
        # ``line.removal``, and each counts here, so a view of the kept lines (see
        # :func:`newsclean.wrap.line_groups`) is fresh while the count is unchanged.
        self.generation = 0

    def __repr__(self) -> str:
        return (
            f"Document({len(self.lines)} lines, newline={self.newline!r}, language={self.language!r}, "
            f"paragraphs={None if self.paragraphs is None else len(self.paragraphs)}, notes={self.notes!r})"
        )

    @classmethod
    def from_text(cls, text: str) -> "Document":
        bom = text.startswith(BOM)
        if bom:
            text = text[1:]
        newline = detect_newline(text)
        parts = split_lines(text)
        final_newline = bool(parts) and parts[-1] == ""
        if final_newline:
            parts.pop()
        lines = [Line(i, t) for i, t in enumerate(parts, 1)]
        return cls(lines=lines, newline=newline, final_newline=final_newline, bom=bom)

    def kept(self) -> Iterator[Line]:
        return (line for line in self.lines if line.removal is None)

    def removed(self) -> Iterator[Line]:
        return (line for line in self.lines if line.removal is not None)

    def remove(self, line: Line, stage: str, rule: str, signal: Signal = Signal.NONE) -> None:
        """Mark ``line`` removed; the first stage to remove a line keeps the credit."""
        if line.removal is None:
            line.removal = Removal(stage, rule, signal)
            self.generation += 1

    def remove_lines(self, lines: list[Line], stage: str, rule: str, signal: Signal = Signal.NONE) -> None:
        """:meth:`remove` for each of ``lines``, sharing one (immutable) :class:`Removal`:
        a million-line menu makes one, not a million."""
        removal = Removal(stage, rule, signal)
        for line in lines:
            if line.removal is None:
                line.removal = removal
        self.generation += 1

    def restore(self, line: Line) -> None:
        line.removal = None
        self.generation += 1

    def restore_lines(self, lines: list[Line]) -> None:
        """:meth:`restore` each of ``lines``."""
        for line in lines:
            line.removal = None
        self.generation += 1

    def cut(self, line: Line, start: int, end: int, stage: str, rule: str) -> None:
        """Write only ``line.text[start:end]`` of a kept line; the first cut stands."""
        if line.cut is None:
            line.cut = Cut(start, end, stage, rule)

    @property
    def source_text(self) -> str:
        """The input text (line endings folded to ``\\n``, BOM dropped); joined once per
        document (stages never change a line's text) and shared by its views."""
        return self.view("source_text", lambda d: "\n".join(line.text for line in d.lines))

    def view(self, key: object, compute: Callable[["Document"], Any]) -> Any:
        """A per-document value, ``compute(self)``, computed on first use and cached.

        >>> doc = Document.from_text("a\\nb")
        >>> doc.view("count", lambda d: len(d.lines)), doc.view("count", lambda d: 0)
        (2, 2)
        """
        views = self._views
        if key not in views:
            views[key] = compute(self)
        return views[key]

    def squeezed_lines(self) -> list[str]:
        """Each line through :func:`newsclean.text.squeeze`, index for index.

        Computed once per document, in a few passes over the whole text.

        >>> Document.from_text("  a\\u00a0 b \\n\\tc\\u200bd").squeezed_lines()
        ['a b', 'cd']
        """
        return self.view("squeezed", _squeezed)

    def folded_squeezed_lines(self) -> list[str]:
        """``squeeze(line).casefold()`` for each line, in one ``casefold`` call.

        Per line or all at once give the same result: case folding works character by
        character and never yields a line break or a space.
        """
        return self.view("folded_squeezed", _folded_squeezed)

    def body_text(self, end: str = "") -> str | None:
        """The kept paragraphs' texts joined by blank lines, then ``end``; None when no
        paragraph is kept. (A document cleaned in segments joins its segments' texts
        without making a string per paragraph.)

        >>> Document.from_text("One.\\ntwo.\\n\\nThree.").body_text("\\n")
        'One.\\ntwo.\\n\\nThree.\\n'
        """
        paragraphs = self.kept_paragraphs()
        if not paragraphs:
            return None
        joined = getattr(paragraphs, "joined", None)
        return joined(end) if joined is not None else "\n\n".join([p.text for p in paragraphs]) + end

    def kept_paragraphs(self) -> list[Paragraph]:
        """The composer's paragraphs, or runs of kept lines if it did not run."""
        if self.paragraphs is not None:
            return self.paragraphs
        out: list[Paragraph] = []
        run: list[Line] = []
        for line in self.lines:
            if line.removal is None and not line.blank:
                run.append(line)
                continue
            if run:
                out.append(Paragraph("\n".join(x.written for x in run), [x.number for x in run]))
                run = []
        if run:
            out.append(Paragraph("\n".join(x.written for x in run), [x.number for x in run]))
        return out


def _squeezed(doc: Document) -> list[str]:
    if not doc.lines:
        return []
    return squeeze_lines(doc.source_text)


def _folded_squeezed(doc: Document) -> list[str]:
    squeezed = doc.squeezed_lines()
    return "\n".join(squeezed).casefold().split("\n") if squeezed else []


def detect_newline(text: str) -> str:
    """The first line ending in ``text`` (``\\n`` when there is none).

    >>> detect_newline("a\\r\\nb"), detect_newline("a\\rb"), detect_newline("ab")
    ('\\r\\n', '\\r', '\\n')
    """
    i = text.find("\n")
    j = text.find("\r")
    if j == -1:
        return "\n"
    if i == -1 or j < i:
        return "\r\n" if text.startswith("\r\n", j) else "\r"
    return "\n"


def split_lines(text: str) -> list[str]:
    """Split on ``\\r\\n``, ``\\n`` and ``\\r`` only; a trailing newline gives a final ''.

    >>> split_lines("a\\r\\nb\\x85c\\rd\\n")
    ['a', 'b\\x85c', 'd', '']
    """
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text.split("\n")
