"""The default stage list, and running a list of stages over a document.

>>> Pipeline().clean("Go to home page\\n\\nA sentence that is the article.\\n\\nBack to top | Share")
'A sentence that is the article.\\n'
>>> Pipeline(skip=["boilerplate-lines"]).stage_names[:2]
['layout', 'boilerplate-sentences']
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from . import stages as _builtin_stages  # noqa: F401  (registers the built-in stages)
from . import writers as _builtin_writers  # noqa: F401  (registers the built-in writers)
from .clean_text import DEBRIS_STAGES, is_clean, verbatim_paragraphs
from .document import Document, Paragraph
from .language import guess_language
from .packs import Pack, pack_for
from .registry import stages as stage_registry
from .registry import writers as writer_registry

DEFAULT_STAGES: list[str] = [
    "layout",
    "boilerplate-sentences",
    "boilerplate-lines",
    "template",
    "content",
    "columns",
    "safety-valve",
    "normalize",
]


@dataclass
class Context:
    """What stages may read besides the document: rules files, a learned template,
    per-stage options. Shared by every document of a run; never mutated by stages."""

    rules: tuple[str, ...] = ()
    template: object | None = None  # newsclean.template.Template
    options: dict[str, dict] = field(default_factory=dict)
    language: str | None = None  # force a language instead of guessing

    def language_of(self, doc: Document) -> str:
        if doc.language is None:
            doc.language = self.language or guess_language(doc.source_text) or "en"
        return doc.language

    def pack(self, doc: Document) -> Pack:
        return pack_for(self.language_of(doc), self.rules)


class Pipeline:
    """A list of registered stage names, run in order on each document."""

    def __init__(
        self,
        stages: Sequence[str] | None = None,
        *,
        skip: Iterable[str] = (),
        rules: Iterable[str] = (),
        template: object | None = None,
        options: dict[str, dict] | None = None,
        language: str | None = None,
    ) -> None:
        names = list(DEFAULT_STAGES if stages is None else stages)
        skip = set(skip)
        self.stage_names = [n for n in names if n not in skip]
        # Resolve every name now: an unknown stage fails before any file is touched.
        self.entries = [stage_registry.get(n) for n in self.stage_names]
        for name in skip:
            stage_registry.get(name)
        self.context = Context(
            rules=tuple(rules), template=template, options=dict(options or {}), language=language
        )

    def _single_pass(self, text: str, *, first: bool = True) -> Document:
        doc = Document.from_text(text)
        ctx = self.context
        entries = self.entries
        # (a settle pass reads the first pass's output, which is laid out as clean text)
        judged = _debris_judged(self.stage_names) if first else -1
        for k, entry in enumerate(entries):
            entry.func(doc, ctx, **ctx.options.get(entry.name, {}))
            if k == judged and is_clean(doc):
                # clean text passes through: every line kept, none joined
                for line in doc.lines:
                    if line.removal is not None:
                        doc.restore(line)
                doc.meta["clean"] = True
                if any(later.name == "normalize" for later in entries[k + 1 :]):
                    doc.paragraphs = verbatim_paragraphs(doc)
                    if doc.paragraphs and doc.headline is None:
                        first = doc.paragraphs[0].text
                        if "\n" not in first and len(first.split()) <= 30 and not first.endswith("."):
                            doc.headline = first
                break
        return doc

    def run(self, text: str, *, settle: int = 20) -> Document:
        """Run the stages; then, like a formatter's stability check, run them again on
        the output until it no longer changes (at most ``settle`` more passes), so
        that cleaning a cleaned text changes nothing.

        Later passes' removals are mapped back onto the input's lines, so the
        document still explains every input line. A pass can only remove lines, join
        them or squeeze spaces, so the output shrinks until it settles; real pages do
        within three passes, fuzzed garbage has needed seven.
        """
        doc = self._single_pass(text)
        if doc.paragraphs is None or doc.meta.get("clean"):  # nothing to settle
            return doc
        for n in range(2, settle + 2):
            out, sources = _render_plain(doc)
            # guess the language anew, as a fresh run over the output would
            again = self._single_pass(out, first=False)
            if again.paragraphs is None or _render_plain(again)[0] == out:
                break
            _merge_pass(doc, again, sources, n)
        return doc

    def render(self, doc: Document, fmt: str = "text", **kwargs) -> str:
        return writer_registry.get(fmt).func(doc, **kwargs)

    def clean(self, text: str) -> str:
        return self.render(self.run(text))


def _debris_judged(names: list[str]) -> int:
    """The index of the last debris stage, after which a clean document is recognised
    (see :mod:`newsclean.clean_text`); -1 when the pipeline has no content stage, or
    its debris stages do not all run before it."""
    debris = [i for i, n in enumerate(names) if n in DEBRIS_STAGES]
    if "content" not in names or len(debris) != len(DEBRIS_STAGES) or max(debris) > names.index("content"):
        return -1
    return max(debris)


def _render_plain(doc: Document) -> tuple[str, list[list[int]]]:
    """The text writer's output (``\\n`` newlines, no BOM) and, for each output line,
    the input line numbers it came from."""
    chunks: list[str] = []
    sources: list[list[int]] = []
    for i, p in enumerate(doc.kept_paragraphs()):
        if i:
            sources.append([])
        chunks.append(p.text)
        sources.extend(p.line_sources())
    return ("\n\n".join(chunks) + "\n" if chunks else ""), sources


def _merge_pass(doc: Document, again: Document, sources: list[list[int]], n: int) -> None:
    """Carry a later pass's removals and paragraphs back to the input's line numbers."""
    by_number = {line.number: line for line in doc.lines}
    for line in again.lines:
        if line.removal is not None and line.number <= len(sources):
            for src in sources[line.number - 1]:
                doc.remove(by_number[src], line.removal.stage, f"{line.removal.rule} (pass {n})")

    def mapped(numbers: list[int]) -> list[int]:
        return [src for k in numbers if k <= len(sources) for src in sources[k - 1]]

    doc.paragraphs = [
        Paragraph(p.text, mapped(p.lines), [mapped(part) for part in p.line_sources()])
        for p in again.kept_paragraphs()
    ]
    if again.headline is not None:
        doc.headline = again.headline
    doc.notes.extend(note for note in again.notes if note not in doc.notes)
