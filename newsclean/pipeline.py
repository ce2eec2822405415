"""The default list of judging stages, and running it: judges, then the composer.

>>> Pipeline().clean("Go to home page\\n\\nA sentence that is the article.\\n\\nBack to top | Share")
'A sentence that is the article.\\n'
>>> Pipeline(skip=["boilerplate-lines"]).stage_names[:2]
['layout', 'boilerplate-sentences']
>>> Pipeline(["columns", "content"])
Traceback (most recent call last):
...
newsclean.registry.PipelineError: stage 'columns' must follow 'content': put it after 'content'
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from . import stages as _builtin_stages  # noqa: F401  (registers the built-in stages)
from . import writers as _builtin_writers  # noqa: F401  (registers the built-in writers)
from .clean_text import debris_judged, is_clean, leave_alone
from .compose import NAME as COMPOSER
from .compose import compose
from .context import Context, Stage
from .document import Document
from .registry import Entry, PipelineError
from .registry import stages as stage_registry
from .registry import writers as writer_registry

__all__ = ["COMPOSER", "DEFAULT_STAGES", "Context", "Pipeline", "PipelineError", "Stage", "render_plain"]

# The judges, in order; the composer always runs after them.
DEFAULT_STAGES: list[str] = [
    "layout",
    "boilerplate-sentences",
    "boilerplate-lines",
    "template",
    "content",
    "furniture",
    "columns",
    "safety-valve",
]

UNSTABLE_NOTE = "unstable: cleaning the output again would still change it; kept the first result"


def check_order(entries: Sequence[Entry]) -> None:
    """Refuse a list of stages that cannot run honestly: a stage named twice, or one
    before a stage it must follow (its ``after``). The composer is refused by name
    before this (it is not a registered stage)."""
    position: dict[str, int] = {}
    for i, entry in enumerate(entries):
        if entry.name in position:
            raise PipelineError(f"stage {entry.name!r} is named twice; name each stage once")
        position[entry.name] = i
    for i, entry in enumerate(entries):
        for before in entry.after:
            if position.get(before, -1) > i:
                raise PipelineError(f"stage {entry.name!r} must follow {before!r}: put it after {before!r}")


# Measured (docs/performance.md): cleaning holds about 3 KB a line while it runs.
# Documents up to MAX_LINES / MAX_CHARS, several times the largest page of the
# evaluation folders (2,722 lines, 251 KB) and a long live blog, are cleaned whole, as
# they always were; bigger ones in segments (newsclean.segments).
MAX_LINES = 20_000
MAX_CHARS = 1_500_000


def oversized(text: str, max_lines: int | None = None, max_chars: int | None = None) -> bool:
    """Whether ``text`` is cleaned in segments: more than ``max_lines`` line ends or
    ``max_chars`` characters (the module's limits by default).

    >>> oversized("a\\nb\\nc\\n", max_lines=2), oversized("a\\nb\\n", max_lines=2)
    (True, False)
    """
    max_lines = MAX_LINES if max_lines is None else max_lines
    max_chars = MAX_CHARS if max_chars is None else max_chars
    return len(text) > max_chars or text.count("\n") > max_lines or text.count("\r") > max_lines


class Pipeline:
    """Judging stages, by registered name, run in order on each document; then the
    composer builds the paragraphs."""

    def __init__(
        self,
        stages: Sequence[str] | None = None,
        *,
        skip: Iterable[str] = (),
        rules: Iterable[str] = (),
        template: Any | None = None,
        options: dict[str, dict[str, Any]] | None = None,
        language: str | None = None,
    ) -> None:
        names = list(DEFAULT_STAGES if stages is None else stages)
        skip = set(skip)
        for name in [*names, *skip]:
            if name == COMPOSER:
                raise PipelineError(f"{COMPOSER} is the composer: it always runs last; leave it out")
        self.stage_names = [n for n in names if n not in skip]
        # Resolve every name now: an unknown stage fails before any file is touched.
        self.entries = [stage_registry.get(n) for n in self.stage_names]
        for name in skip:
            stage_registry.get(name)
        check_order(self.entries)
        self._judged = debris_judged(self.stage_names)
        self.context = Context(
            rules=tuple(rules), template=template, options=dict(options or {}), language=language
        )

    def single_pass(self, text: str) -> Document:
        """Judge ``text`` with every stage, then compose it: one pass, no check.

        Text that is already clean (see :mod:`newsclean.clean_text`), recognised once
        the debris stages have judged it, is passed through as it stands. A document
        too big to hold whole is cleaned in segments (see :mod:`newsclean.segments`).
        """
        if oversized(text):
            # imported here, not at the top: only huge inputs need it, and every start
            # of the command would pay for it (docs/performance.md)
            from .segments import clean_in_segments

            return clean_in_segments(self._whole_pass, text)
        return self._whole_pass(text)

    def _whole_pass(self, text: str) -> Document:
        doc = Document.from_text(text)
        ctx = self.context
        options = ctx.options
        judged = self._judged
        for k, entry in enumerate(self.entries):
            entry.func(doc, ctx, **options.get(entry.name, {}))
            if k == judged and is_clean(doc):
                leave_alone(doc)
                return doc
        compose(doc, **options.get(COMPOSER, {}))
        return doc

    def run(self, text: str, *, confirm: bool = False) -> Document:
        """Clean ``text`` in one pass.

        With ``confirm`` (for a file rewritten in place, ``--check`` and the hook),
        clean the output once more, as black checks that its output is stable: if that
        would still change it, the first result stands (it keeps more text: a pass
        only removes, joins and squeezes) and a note says so.

        >>> doc = Pipeline().run("A sentence that is the article.", confirm=True)
        >>> doc.notes
        []
        """
        doc = self.single_pass(text)
        if confirm:
            out = render_plain(doc)
            if out and render_plain(self.single_pass(out)) != out:
                doc.notes.append(UNSTABLE_NOTE)
        return doc

    def render(self, doc: Document, fmt: str = "text", **kwargs: Any) -> str:
        return writer_registry.get(fmt).func(doc, **kwargs)

    def clean(self, text: str) -> str:
        return self.render(self.run(text))


def render_plain(doc: Document) -> str:
    """The text writer's output (``\\n`` newlines, no BOM): what a second run reads."""
    body = doc.body_text("\n")
    return "" if body is None else body
