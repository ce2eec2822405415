"""Documents too big to clean whole: cut at blank lines, cleaned segment by segment.

Cleaning a page holds several Python objects per line (the line, its content unit,
the unit's signals: about 3 KB a line), all at once. That is nothing for a page (the
largest of the evaluation folders has 2,722 lines, 251 KB) and gigabytes for a 10 MB
document of short lines. A document the pipeline finds too big to hold whole (see
:func:`newsclean.pipeline.oversized`) is therefore cut into segments of at most ``SEGMENT_LINES``
lines and ``SEGMENT_CHARS`` characters, each ending at a blank line where the
segment's second half has one (else at a line end; a longer line stays whole). Each segment is cleaned by the same
pipeline, as a page of its own, one after the other; what is kept of each is a
byte or two per line (its fate) and its paragraphs' text. The joined document reads like
any other: its lines are made again from the text when a writer asks for them
(:class:`SegmentedLines`), numbered as in the whole input.

Every input line is in exactly one segment, so no text is lost at a seam and none is
invented. A seam that is not at a blank line (a document without one) is no
paragraph break either: the paragraph it cut is joined again.

>>> text = "".join(f"Line {i}\\n" + ("\\n" if i % 3 == 2 else "") for i in range(9))
>>> [(first, seg.count("\\n")) for first, seg in cut(text, max_lines=6, max_chars=1000)]
[(0, 4), (4, 4), (8, 4)]
>>> from newsclean.pipeline import Pipeline
>>> doc = clean_in_segments(Pipeline().single_pass, text, max_lines=6, max_chars=1000)
>>> len(doc.lines), doc.lines[5].number, doc.lines[5].text
(12, 6, 'Line 4')
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from itertools import chain, islice
from typing import overload

from .document import BOM, Cut, Document, Line, Paragraph, Removal, detect_newline
from .headline import headline as headline_of_document
from .regexes import compile_re

__all__ = ["SEGMENT_CHARS", "SEGMENT_LINES", "SegmentedLines", "SegmentedParagraphs", "clean_in_segments", "cut"]

# Documents bigger than newsclean.pipeline's MAX_LINES / MAX_CHARS are cleaned in
# segments of SEGMENT_LINES lines, about 18 MB each (cleaning holds about 3 KB a line
# while it runs: docs/performance.md), so that a 10 MB document of any shape peaks
# within 10x its size.
SEGMENT_LINES = 6_000
SEGMENT_CHARS = 1_000_000

# A blank line (spaces only) and the line end before it.
_BLANK_RE = compile_re(r"\n[^\S\n]*\n")


def _off_bom(source: str, p: int, q: int) -> int:
    """A seam for the segment from ``p`` near ``q`` (a line that starts with U+FEFF) at a
    line that does not: the nearest one back, else the first one on (or the end). Back
    and forth alone would swing for ever between consecutive such lines.

    >>> _off_bom("x\\ny\\n\\ufeffa\\n", 0, 4)  # back to "y"
    2
    >>> _off_bom("a\\n\\ufeffb\\n\\ufeffc\\nd\\n", 0, 5)  # back reaches the start: on to "d"
    8
    """
    back = q
    while back > p and source.startswith(BOM, back):
        back = max(p, source.rfind("\n", p, back - 1) + 1)
    if back > p:
        return back
    n = len(source)
    while q < n and source.startswith(BOM, q):
        q = source.find("\n", q) + 1 or n
    return q


def _nth_line_end(source: str, start: int, stop: int, k: int) -> int:
    """The position just after the ``k``-th ``\\n`` from ``start`` (there are at least
    ``k`` in ``source[start:stop]``), found by halving with C-speed counts."""
    lo, hi = start, stop
    while lo < hi:
        mid = (lo + hi) // 2
        if source.count("\n", start, mid) >= k:
            hi = mid
        else:
            lo = mid + 1
    return lo


def cut(source: str, *, max_lines: int | None = None, max_chars: int | None = None) -> Iterator[tuple[int, str]]:
    """``source`` (``\\n`` line ends) as consecutive segments, each with the 0-based
    index of its first line. Every segment but the last ends with a line end.

    A segment has at most ``max_lines`` lines and ``max_chars`` characters
    (``SEGMENT_LINES`` and ``SEGMENT_CHARS`` by default; a single
    longer line is a segment of its own), and ends at the last blank line of its
    second half when there is one, so no paragraph is split.

    >>> list(cut("one\\ntwo\\nthree\\n", max_lines=2, max_chars=100))
    [(0, 'one\\ntwo\\n'), (2, 'three\\n')]
    >>> list(cut("a long line\\nb\\n", max_lines=10, max_chars=4))
    [(0, 'a long line\\n'), (1, 'b\\n')]
    """
    max_lines = SEGMENT_LINES if max_lines is None else max_lines
    max_chars = SEGMENT_CHARS if max_chars is None else max_chars
    n = len(source)
    p = first = 0
    while p < n:
        q = min(p + max_chars, n)
        if q < n:  # end at a line end; a line longer than max_chars is taken whole
            q = source.rfind("\n", p, q) + 1
            if q <= p:
                q = source.find("\n", p + max_chars) + 1 or n
        if source.count("\n", p, q) > max_lines:
            q = _nth_line_end(source, p, q, max_lines)
        if q < n:  # prefer the last blank line of the segment's second half
            last = None
            for m in _BLANK_RE.finditer(source, max(p, p + (q - p) // 2 - 1), q):
                last = m
            if last is not None:
                q = last.end()
        if q < n and source.startswith(BOM, q):  # a page reads a BOM at its start as no text
            q = _off_bom(source, p, q)
        segment = source[p:q]
        yield first, segment
        first += segment.count("\n")
        p = q


class SegmentedLines(Sequence[Line]):
    """The lines of a document cleaned in segments, kept compactly: the text, where
    each segment starts, and per line one small integer naming its fate in a table of
    the distinct removals (0: kept). A :class:`~newsclean.document.Line` is made when
    asked for: they are views, for writers (stages ran on the segments).

    >>> lines = SegmentedLines("a\\nb\\n")
    >>> lines.add_segment(0, 2, [None, Removal("layout", "stray")], {})
    >>> [(ln.number, ln.text, ln.kept) for ln in lines], lines[-1].removal.rule
    ([(1, 'a', True), (2, 'b', False)], 'stray')
    """

    def __init__(self, source: str) -> None:
        self.source = source
        self._starts: list[int] = []  # each segment's first character ...
        self._firsts: list[int] = []  # ... and first line (0-based)
        self._count = 0
        self.fates = array("B")
        self._table: list[Removal | None] = [None]
        self._codes: dict[Removal, int] = {}
        self.cuts: dict[int, Cut] = {}
        self._cached: tuple[int, list[str]] = (-1, [])

    def add_segment(self, start: int, nlines: int, removals: Sequence[Removal | None], cuts: dict[int, Cut]) -> None:
        """Append a segment: its first character in ``source``, its number of lines,
        each line's removal and its cuts (by 0-based line index in the segment)."""
        self._starts.append(start)
        self._firsts.append(self._count)
        codes = self._codes
        out = []
        for r in removals:
            if r is None:
                out.append(0)
                continue
            code = codes.get(r)
            if code is None:
                code = codes[r] = len(self._table)
                self._table.append(r)
            out.append(code)
        top = len(self._table) - 1
        if top > 255 and self.fates.typecode == "B":
            self.fates = array("H", self.fates)
        if top > 65535 and self.fates.typecode == "H":
            self.fates = array("I", self.fates)
        self.fates.extend(out)
        for i, c in cuts.items():
            self.cuts[self._count + i] = c
        self._count += nlines

    def __len__(self) -> int:
        return self._count

    def _texts(self, s: int) -> list[str]:
        """The line texts of segment ``s`` (the last one asked for is kept)."""
        if self._cached[0] != s:
            start = self._starts[s]
            end = self._starts[s + 1] if s + 1 < len(self._starts) else len(self.source)
            texts = self.source[start:end].split("\n")
            first = self._firsts[s]
            nxt = self._firsts[s + 1] if s + 1 < len(self._firsts) else self._count
            self._cached = (s, texts[: nxt - first])
        return self._cached[1]

    def _line(self, i: int, text: str) -> Line:
        return Line(i + 1, text, self._table[self.fates[i]], self.cuts.get(i))

    def __iter__(self) -> Iterator[Line]:
        for s, first in enumerate(self._firsts):
            for k, text in enumerate(self._texts(s)):
                yield self._line(first + k, text)

    @overload
    def __getitem__(self, i: int) -> Line: ...

    @overload
    def __getitem__(self, i: slice) -> list[Line]: ...

    def __getitem__(self, i: int | slice) -> Line | list[Line]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(self._count))]
        if i < 0:
            i += self._count
        if not 0 <= i < self._count:
            raise IndexError("line index out of range")
        s = bisect_right(self._firsts, i) - 1
        return self._line(i, self._texts(s)[i - self._firsts[s]])


class SegmentedParagraphs(Sequence[Paragraph]):
    """The paragraphs of a document cleaned in segments, kept compactly: each
    segment's texts joined by blank lines (one string; :meth:`joined` joins them for
    the writers), the input line numbers of all paragraphs in one array, and the
    output lines' sources only where a paragraph joined wrapped lines.

    >>> ps = SegmentedParagraphs()
    >>> ps.add_segment([Paragraph("A", [1]), Paragraph("B c", [3, 4], [[3, 4]])], 10)
    >>> [(p.text, p.lines, p.line_sources()) for p in ps], ps.joined()
    ([('A', [11], [[11]]), ('B c', [13, 14], [[13, 14]])], 'A\\n\\nB c')
    >>> ps.add_segment([Paragraph("d", [1]), Paragraph("E", [3])], 14)  # line 15 continues line 14
    >>> [(p.text, p.lines) for p in ps][1:], len(ps), ps.joined("\\n")
    ([('B c\\nd', [13, 14, 15]), ('E', [17])], 3, 'A\\n\\nB c\\nd\\n\\nE\\n')
    """

    def __init__(self) -> None:
        # per segment: its paragraphs' texts (joined by blank lines, or a list when a
        # text holds a blank line), and what comes before them: "\n" when the first
        # continues the paragraph a seam cut, else "\n\n" ("" for the first segment)
        self._chunks: list[str | list[str]] = []
        self._glue: list[str] = []
        self._count = 0
        self._numbers = array("I")  # every paragraph's input line numbers, one after another
        self._ends = array("I")  # where each paragraph's numbers end in _numbers
        self._sources: dict[int, list[list[int]]] = {}

    def add_segment(self, paragraphs: Sequence[Paragraph], offset: int) -> None:
        """Append a segment's paragraphs, their line numbers moved on by ``offset``.

        A paragraph that a seam cut (the last of the segment before ends on its last
        line, the first of this one starts on its first) is joined again, as one
        paragraph: the seam adds no blank line.
        """
        if not paragraphs:
            return
        texts = [p.text for p in paragraphs]
        joinable = all(t and "\n\n" not in t for t in texts)
        glue = "\n\n" if self._count else ""
        k0 = 0
        if self._count and self._numbers[-1] == offset and paragraphs[0].lines[:1] == [1]:
            glue, k0 = "\n", 1
            head, i = paragraphs[0], self._count - 1
            start, end = (self._ends[-2] if i else 0), self._ends[-1]
            head_sources = _odd_sources(head)
            if i in self._sources or head_sources is not None:
                before = self._sources.get(i) or [[n] for n in self._numbers[start:end]]
                after = head_sources or [[n] for n in head.lines]
                self._sources[i] = before + [[n + offset for n in ns] for ns in after]
            self._numbers.extend([n + offset for n in head.lines])
            self._ends[-1] = len(self._numbers)
        self._chunks.append("\n\n".join(texts) if joinable else texts)
        self._glue.append(glue)
        for p in paragraphs[k0:]:
            self._numbers.extend([n + offset for n in p.lines])
            self._ends.append(len(self._numbers))
            sources = _odd_sources(p)
            if sources is not None:
                self._sources[self._count] = [[n + offset for n in ns] for ns in sources]
            self._count += 1

    def joined(self, end: str = "") -> str:
        """Every paragraph's text, joined by blank lines, then ``end``."""
        pieces = []
        for glue, chunk in zip(self._glue, self._chunks):
            pieces.append(glue)
            pieces.append(chunk if isinstance(chunk, str) else "\n\n".join(chunk))
        pieces.append(end)
        return "".join(pieces)

    def __len__(self) -> int:
        return self._count

    def _texts(self) -> Iterator[str]:
        pending: list[str] = []
        for glue, chunk in zip(self._glue, self._chunks):
            parts = chunk.split("\n\n") if isinstance(chunk, str) else chunk
            if glue != "\n" and pending:
                yield "\n".join(pending)
                pending = []
            pending.append(parts[0])
            if len(parts) > 1:
                yield "\n".join(pending)
                yield from parts[1:-1]
                pending = [parts[-1]]
        if pending:
            yield "\n".join(pending)

    def _paragraph(self, i: int, text: str) -> Paragraph:
        start = self._ends[i - 1] if i else 0
        return Paragraph(text, list(self._numbers[start : self._ends[i]]), self._sources.get(i))

    def __iter__(self) -> Iterator[Paragraph]:
        for i, text in enumerate(self._texts()):
            yield self._paragraph(i, text)

    @overload
    def __getitem__(self, i: int) -> Paragraph: ...

    @overload
    def __getitem__(self, i: slice) -> list[Paragraph]: ...

    def __getitem__(self, i: int | slice) -> Paragraph | list[Paragraph]:
        """A paragraph by index (found by reading up to it: writers read the first,
        or all in order)."""
        if isinstance(i, slice):
            return list(self)[i]
        if i < 0:
            i += self._count
        if not 0 <= i < self._count:
            raise IndexError("paragraph index out of range")
        return self._paragraph(i, next(islice(self._texts(), i, None)))


def _odd_sources(p: Paragraph) -> list[list[int]] | None:
    """``p.line_sources()`` unless it is one input line per output line, in order.

    >>> _odd_sources(Paragraph("a\\nb", [3, 4])), _odd_sources(Paragraph("a b", [3, 4], [[3, 4]]))
    (None, [[3, 4]])
    """
    sources = p.line_sources()
    if len(sources) == len(p.lines) and list(chain.from_iterable(sources)) == p.lines:
        return None
    return sources


_DIGITS_RE = compile_re(r"\d+")


def _summary(notes: list[str]) -> str:
    """One note for the notes of several segments that differ in their numbers only.

    >>> _summary(["kept 0 of 9 words", "kept 0 of 5 words"])
    'kept 0 of 9 words (the first of 2 segments that said so)'
    """
    if len(notes) == 1:
        return notes[0]
    return f"{notes[0]} (the first of {len(notes)} segments that said so)"


def clean_in_segments(
    clean: Callable[[str], Document], text: str, *, max_lines: int | None = None, max_chars: int | None = None
) -> Document:
    """``text`` cleaned segment by segment by ``clean`` (one pipeline pass over a
    page), joined into one document: lines numbered as in ``text``, the paragraphs of
    every segment in order, the first segment's headline and language, and each note
    once (notes that differ in their numbers only are said once, with their count).
    """
    bom = text.startswith(BOM)
    if bom:
        text = text[1:]
    newline = detect_newline(text)
    source = text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text
    del text
    lines = SegmentedLines(source)
    paragraphs = SegmentedParagraphs()
    alike: dict[str, list[str]] = defaultdict(list)  # the segments' notes, by their words
    headline = language = None
    start = 0
    for first, segment in cut(source, max_lines=max_lines, max_chars=max_chars):
        doc = clean(segment)
        seg_lines = doc.lines
        lines.add_segment(
            start, len(seg_lines), [ln.removal for ln in seg_lines],
            {k: ln.cut for k, ln in enumerate(seg_lines) if ln.cut is not None},
        )
        start += len(segment)
        kept = doc.kept_paragraphs()
        if kept and not paragraphs:  # the output's first paragraph is this segment's
            headline = headline_of_document(doc)
        paragraphs.add_segment(kept, first)
        language = language or doc.language
        for note in doc.notes:
            alike[_DIGITS_RE.sub("#", note)].append(note)
    notes = [_summary(said) for said in alike.values()]
    final_newline = not source or source.endswith("\n")
    joined = Document(lines=[], newline=newline, final_newline=final_newline, bom=bom,
                      headline=headline, language=language, notes=notes)
    # compact sequences in place of lists: what the writers read, and nothing changes them
    joined.lines = lines  # type: ignore[assignment]
    joined.paragraphs = paragraphs  # type: ignore[assignment]
    return joined
