"""Documents too big to clean whole are cleaned in segments (newsclean/segments.py).

The limits are made small here (a few dozen lines) so that ordinary-sized documents
cross several seams; what is checked is what a user of a 10 MB document would lose:
article lines near a seam, paragraph breaks that were not there, removed-line records
that name the wrong line, or memory that grows with every line (checked by structure:
how many lines are ever held as objects, never by timing).
"""

from __future__ import annotations

import gc
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsclean import pipeline, segments
from newsclean.document import Line
from newsclean.pipeline import Pipeline, oversized
from newsclean.segments import SegmentedLines, clean_in_segments, cut
from newsclean.writers import explain, to_json

MENU = ["Home", "World", "Sport", "Business", "Weather"]
ARTICLE = [
    "The harbour at Port Ellen was closed on Monday after a storm damaged two of its piers, officials said.",
    "Fishermen said they had not seen waves like it in twenty years, and repairs could take several weeks.",
    "The council will meet on Thursday to decide whether the ferry can use the old quay in the meantime.",
]


def page(k: int) -> str:
    """One page of my own: a menu, a headline, three article paragraphs, a footer."""
    lines = [*MENU, "", f"Storm closes harbour, part {k}", ""]
    for sentence in ARTICLE:
        lines += [f"{sentence} (Report {k}.)", ""]
    lines += ["Share | Tweet | Email", "Back to top", ""]
    return "\n".join(lines) + "\n"


@pytest.fixture
def small_segments(monkeypatch):
    """Documents over 40 lines or 3,000 characters, in segments of at most that."""
    monkeypatch.setattr(pipeline, "MAX_LINES", 40)
    monkeypatch.setattr(pipeline, "MAX_CHARS", 3000)
    monkeypatch.setattr(segments, "SEGMENT_LINES", 40)
    monkeypatch.setattr(segments, "SEGMENT_CHARS", 3000)


def test_big_document_cleaned_in_segments_keeps_every_article_line_near_the_seams(small_segments):
    text = "".join(page(k) for k in range(30))  # 510 lines: a dozen seams
    assert oversized(text)
    out = Pipeline().clean(text)
    for k in range(30):
        for sentence in ARTICLE:
            assert f"{sentence} (Report {k}.)" in out
    # nothing invented: every output line is an input line
    assert set(out.splitlines()) - {""} <= set(text.splitlines())
    assert "Share | Tweet | Email" not in out


def test_segmented_output_is_what_each_page_cleaned_alone_gives(small_segments):
    # seams fall at blank lines, so each page is cleaned as the pages around it leave it
    text = "".join(page(k) for k in range(12))
    whole = [Pipeline().clean(page(k)) for k in range(12)]
    out = Pipeline().clean(text)
    for k, alone in enumerate(whole):
        for line in alone.splitlines():
            if line:
                assert line in out, (k, line)


def test_a_seam_inside_a_paragraph_adds_no_blank_line(small_segments):
    # no blank line anywhere: the seams must cut paragraphs, and join them again
    text = "".join(f"{MENU[i % 5]}\n" for i in range(500))
    assert Pipeline().clean(text) == text  # all menu: the safety valve keeps it, as one paragraph
    prose = "".join(f"{ARTICLE[i % 3]}\n" for i in range(200))
    assert Pipeline().clean(prose).count("\n\n") == 0


def test_a_note_of_every_segment_is_said_once(small_segments):
    # 500 menu lines: each of 13 segments has its safety-valve note; the user reads one
    doc = Pipeline().run("".join(f"{MENU[i % 5]}\n" for i in range(500)))
    assert len(doc.notes) == 1
    assert doc.notes[0].startswith("safety valve") and "segments that said so" in doc.notes[0]


def test_removed_lines_and_explain_name_the_input_line_they_came_from(small_segments):
    text = "".join(page(k) for k in range(20))
    lines = text.split("\n")
    doc = Pipeline().run(text)
    assert isinstance(doc.lines, SegmentedLines)
    record = json.loads(to_json(doc))
    assert record["counts"]["lines"] == len(lines) - 1
    assert record["removed"], "the menus and share lines are removed"
    for r in record["removed"]:
        assert lines[r["line"] - 1] == r["text"]
    for row, line in zip(explain(doc).splitlines(), lines):
        assert row.endswith(line) and row.split()[0].isdigit()
    assert [ln.number for ln in doc.lines] == list(range(1, len(lines)))
    assert doc.lines[-1].text == lines[-2] and doc.lines[45].text == lines[45]


def test_crlf_and_bom_survive_segments(small_segments):
    text = "\ufeff" + "".join(page(k) for k in range(6)).replace("\n", "\r\n")
    out = Pipeline().clean(text)
    assert out.startswith("\ufeff") and "\r\n" in out and "\n" not in out.replace("\r\n", "")
    assert ARTICLE[0] + " (Report 5.)" in out


def test_a_zero_width_no_break_space_after_a_seam_is_kept(small_segments):
    # U+FEFF starting a segment would be read as a byte-order mark and dropped
    lines = [f"\ufeff{ARTICLE[i % 3]}" if i % 7 == 3 else ARTICLE[i % 3] for i in range(300)]
    text = "\n".join(lines) + "\n"
    for _, segment in cut(text):
        assert not segment.startswith("\ufeff")
    assert Pipeline().clean(text).count("\ufeff") == text.count("\ufeff")


def test_a_huge_document_is_never_held_whole(small_segments):
    # Memory, by structure: no more than one segment's lines exist as objects at once,
    # and the joined document keeps one byte per line for the lines' fates.
    text = "".join(f"{MENU[i % 5]}\n" for i in range(4000)) + "".join(page(k) for k in range(50))
    held = []
    pipeline = Pipeline()
    whole = pipeline._whole_pass

    def spy(segment: str):
        doc = whole(segment)
        held.append(sum(1 for o in gc.get_objects() if type(o) is Line))
        return doc

    pipeline._whole_pass = spy
    doc = pipeline.single_pass(text)
    assert len(held) > 100
    assert max(held) <= 2 * segments.SEGMENT_LINES  # this segment's lines (and the one before, not yet collected)
    assert sum(1 for o in gc.get_objects() if type(o) is Line) <= 2 * segments.SEGMENT_LINES
    assert isinstance(doc.lines, SegmentedLines) and doc.lines.fates.itemsize == 1
    assert len(doc.lines) == text.count("\n")


def test_pages_under_the_limits_are_cleaned_whole():
    text = "".join(page(k) for k in range(3))
    assert not oversized(text)
    assert not isinstance(Pipeline().run(text).lines, SegmentedLines)


@settings(deadline=None, max_examples=60)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(["", " ", *MENU, *ARTICLE, "x" * 120]),
            st.text(alphabet="ab \r\ufeff", max_size=30),
        ),
        max_size=200,
    ),
    st.integers(1, 30),
    st.integers(1, 400),
)
def test_segments_hold_every_line_once_in_order(lines, max_lines, max_chars):
    source = "\n".join(lines).replace("\r", "")
    parts = list(cut(source, max_lines=max_lines, max_chars=max_chars))
    assert "".join(seg for _, seg in parts) == source
    first = 0
    for k, (index, seg) in enumerate(parts):
        assert index == first
        first += seg.count("\n")
        if k < len(parts) - 1:
            assert seg.endswith("\n")
        # the limits give way only to a line longer than max_chars, or to a seam moved
        # off a line that starts with U+FEFF
        assert seg.count("\n") <= max_lines or "\ufeff" in seg
        assert len(seg) <= max_chars or seg.count("\n") <= 1 or "\ufeff" in seg
        assert k == 0 or not seg.startswith("\ufeff") or seg.count("\n") == 0


@settings(deadline=None, max_examples=25)
@given(st.lists(st.sampled_from(["", *MENU, *ARTICLE, "Share | Tweet", "Back to top"]), min_size=1, max_size=150))
def test_segmented_cleaning_invents_nothing_and_writes_what_it_kept(lines):
    text = "\n".join(lines) + "\n"
    doc = clean_in_segments(Pipeline()._whole_pass, text, max_lines=12, max_chars=2000)
    out = Pipeline().render(doc)
    assert set(out.splitlines()) - {""} <= set(lines)
    kept = {ln.text for ln in doc.lines if ln.kept and ln.text}
    assert kept == set(out.splitlines()) - {""}


@pytest.mark.parametrize("source", ["a\n\ufeffb\n\ufeffc\n\ufeffd\n", "\ufeffa\n\ufeffb\n\ufeffc\n", "a\nb\n\ufeffc\n\ufeffd\ne\n"])
def test_consecutive_lines_starting_with_a_bom_do_not_hang_the_cut(source):
    """The seam moved back off one U+FEFF line onto another, then forward again, for
    ever (found by the property test above on a derandomized run)."""
    parts = list(cut(source, max_lines=1, max_chars=400))
    assert "".join(seg for _, seg in parts) == source
    assert not any(seg.startswith("\ufeff") for _, seg in parts[1:])
