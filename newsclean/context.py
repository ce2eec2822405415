"""What a stage may read besides the document, and the shape of a stage.

A stage is any callable ``stage(doc, ctx, **options) -> None`` (the :class:`Stage`
protocol): it marks lines of ``doc`` removed or cut, never deletes or edits them, and
reads rules files, a learned template, its options and the page's language from ``ctx``.

>>> from newsclean.document import Document
>>> ctx = Context(language="de")
>>> ctx.language_of(Document.from_text("The dog and the cat are not in the house."))
'de'
>>> Context().language_of(Document.from_text("The dog and the cat are not in the house."))
'en'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from .document import Document
from .language import guess_language
from .packs import Pack, pack_for

if TYPE_CHECKING:  # the template module reads files; stages only call its lookup()
    from .template import Template


class Context:
    """Shared by every document of a run; never mutated by stages (a document's guessed
    language is kept on the document).

    ``rules``: rules files merged into the phrase pack; ``template``: a learned site
    template; ``options``: per-stage options by stage name; ``language``: a language
    forced instead of guessed.
    """

    # A plain class, not a dataclass: see newsclean.config.Config.
    def __init__(
        self,
        rules: tuple[str, ...] = (),
        template: Template | None = None,
        options: dict[str, dict[str, Any]] | None = None,
        language: str | None = None,
    ) -> None:
        self.rules = rules
        self.template = template
        self.options = {} if options is None else options
        self.language = language

    def __repr__(self) -> str:
        return (
            f"Context(rules={self.rules!r}, template={self.template!r}, "
            f"options={self.options!r}, language={self.language!r})"
        )

    def language_of(self, doc: Document) -> str:
        """The forced language, else the one guessed from the page (``en`` when unsure)."""
        if doc.language is None:
            doc.language = self.language or guess_language(doc.source_text) or "en"
        return doc.language

    def pack(self, doc: Document) -> Pack:
        """The phrase pack for the page's language, with the rules files merged in."""
        return pack_for(self.language_of(doc), self.rules)


class Stage(Protocol):
    """A judging stage: marks lines of ``doc`` removed (``doc.remove``) or cut
    (``doc.cut``), with a typed :class:`~newsclean.signals.Signal` where a later stage
    needs one. Options come from ``[options.<stage name>]`` in the configuration."""

    def __call__(self, doc: Document, ctx: Context, /, **options: Any) -> None: ...
