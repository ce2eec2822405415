"""Corpus mode: remove lines that a learned site template says recur across pages."""

from __future__ import annotations

from ..document import Document
from ..registry import stages


@stages.register("template")
def template(doc: Document, ctx) -> None:
    """Remove lines that recur across many pages of a corpus (needs ``--template``).

    Without a learned template (``--learn-template``, then ``--template``) it does nothing.
    Rule: ``recurring:<documents>``.
    """
    tpl = getattr(ctx, "template", None) if ctx is not None else None
    if tpl is None:
        return
    for line in doc.lines:
        if line.removal is None and not line.blank:
            count = tpl.lookup(line.text)
            if count:
                doc.remove(line, "template", f"recurring:{count}")
