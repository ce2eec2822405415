"""Corpus mode: remove lines that a learned site template says recur across pages."""

from __future__ import annotations

from ..context import Context
from ..document import Document
from ..registry import stages
from ..signals import Signal


@stages.register("template")
def template(doc: Document, ctx: Context) -> None:
    """Remove lines that recur across many pages of a corpus (needs ``--template``).

    Without a learned template (``--learn-template``, then ``--template``) it does nothing.
    Rule: ``recurring:<documents>``.
    """
    tpl = ctx.template
    if tpl is None:
        return
    for line in doc.lines:
        if line.removal is None and not line.blank:
            count = tpl.lookup(line.text)
            if count:
                doc.remove(line, "template", f"recurring:{count}", Signal.STATISTICAL)
