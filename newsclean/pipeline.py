"""The default stage list, and running a list of stages over a document.

>>> Pipeline().clean("Go to home page\\n\\nA sentence that is the article.\\n\\nBack to top | Share")
'A sentence that is the article.\\n'
>>> Pipeline(skip=["boilerplate-lines"]).stage_names[:2]
['layout', 'boilerplate-sentences']
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Sequence

from . import stages as _builtin_stages  # noqa: F401  (registers the built-in stages)
from . import writers as _builtin_writers  # noqa: F401  (registers the built-in writers)
from .document import Document
from .language import guess_language_of_words
from .packs import Pack, pack_for, prefix_words
from .registry import stages as stage_registry
from .registry import writers as writer_registry

# guess_language reads this many characters from the start of the text.
LANGUAGE_SAMPLE = 20000

DEFAULT_STAGES: list[str] = [
    "layout",
    "boilerplate-sentences",
    "boilerplate-lines",
    "template",
    "content",
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
            # The words of guess_language(doc.source_text), from the tokens boilerplate-lines uses.
            doc.language = self.language or guess_language_of_words(prefix_words(doc, LANGUAGE_SAMPLE)) or "en"
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

    def run(self, text: str) -> Document:
        doc = Document.from_text(text)
        ctx = self.context
        for entry in self.entries:
            entry.func(doc, ctx, **ctx.options.get(entry.name, {}))
        return doc

    def render(self, doc: Document, fmt: str = "text", **kwargs) -> str:
        return writer_registry.get(fmt).func(doc, **kwargs)

    def clean(self, text: str) -> str:
        return self.render(self.run(text))
