"""The safety valve: never turn a page into nothing by accident.

>>> from newsclean.context import Context
>>> from newsclean.document import Document
>>> from newsclean.signals import Signal
>>> doc = Document.from_text("Only a short line of text here.")
>>> doc.remove(doc.lines[0], "content", "low-score", Signal.STATISTICAL)
>>> safety_valve(doc, Context())
>>> doc.lines[0].kept, doc.notes[0].startswith("safety valve")
(True, True)
"""

from __future__ import annotations

from collections.abc import Iterable

from ..context import Context
from ..document import Document, Line
from ..registry import stages
from ..signals import Signal


def _words(lines: Iterable[Line]) -> int:
    # one split of the joined text: a line break separates words like any space
    return len("\n".join([line.text for line in lines]).split())


@stages.register("safety-valve", after=("content", "template", "columns"))
def safety_valve(doc: Document, ctx: Context, *, min_share: float = 0.03, min_words: int = 10) -> None:
    """Keep a page more conservatively when cleaning would leave (almost) nothing.

    If the kept lines hold fewer than ``min_words`` words and less than ``min_share``
    of the input's words, the removals that are statistical judgements
    (:attr:`~newsclean.signals.Signal.STATISTICAL`: the ``content`` and ``template``
    stages') are undone and a note says so (the CLI prints it on stderr).
    """
    # Count the kept words only until there are enough (most pages: a few lines in);
    # a line break separates words like a space, so line by line counts as _words does.
    kept = 0
    for line in doc.lines:
        if line.removal is None:
            kept += len(line.text.split())
            if kept >= min_words:
                return
    if kept >= min_words:
        return
    total = len(doc.source_text.split())  # _words(doc.lines), on the cached joined text
    if total == 0 or kept >= min_share * total:
        return
    # ``Signal.STATISTICAL in signal``, as an int test: one line of a page is no
    # bother, a million-line menu makes a million calls of Flag.__contains__
    bit = Signal.STATISTICAL._value_
    restored = [ln for ln in doc.lines if ln.removal is not None and ln.removal.signal._value_ & bit]
    doc.restore_lines(restored)
    how = "statistical stages"
    if _words(doc.kept()) == 0:
        # Still nothing: the page is all phrases. Keep every line with words rather
        # than write an empty file.
        has_words: dict[str, bool] = {}  # a page repeats its menu lines: each text judged once
        more = []
        for ln in doc.lines:
            if ln.removal is not None:
                text = ln.text
                wordy = has_words.get(text)
                if wordy is None:
                    wordy = has_words[text] = bool(text.strip()) and any(c.isalnum() for c in text)
                if wordy:
                    more.append(ln)
        doc.restore_lines(more)
        restored += more
        how = "any stage"
    if not restored:
        return
    doc.notes.append(
        f"safety valve: cleaning would have kept {kept} of {total} words; "
        f"restored {len(restored)} lines removed by {how}"
    )
