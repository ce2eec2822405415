"""newsclean: turn the plain text of scraped news pages into clean article text.

>>> import newsclean
>>> newsclean.clean("Go to home page\\n\\nThe article itself, in a sentence.\\n\\nBack to top")
'The article itself, in a sentence.\\n'
>>> result = newsclean.clean_and_explain("Share | Tweet\\nThe article itself, in a sentence.")
>>> [(r.line, r.stage, r.rule) for r in result.removed]
[(1, 'boilerplate-lines', 'phrase:share')]

The library imports neither typer nor rich; the CLI (``newsclean.cli``) is a thin layer.
"""


# No `from __future__ import annotations` in this module: it defines NamedTuples, whose
# string annotations typing would compile one by one at every start (docs/performance.md).
import gc

# Importing the library makes tens of thousands of objects (compiled patterns, the model,
# packs, typing's caches) that live as long as the process and are never garbage: the
# collector would walk them again and again while they are made. It is paused for the
# imports and left as it was found.
_collecting = gc.isenabled()
gc.disable()
try:
    from typing import NamedTuple

    from .context import Context, Stage
    from .document import Document, Line, Paragraph, Removal
    from .pipeline import DEFAULT_STAGES, Pipeline
    from .registry import PipelineError, UnknownNameError
    from .registry import stages as stage_registry
    from .registry import writers as writer_registry
    from .signals import Signal
finally:
    if _collecting:
        gc.enable()

__version__ = "0.1.0"

stage = stage_registry.register
writer = writer_registry.register

_default: Pipeline | None = None


def _pipeline() -> Pipeline:
    global _default
    if _default is None:
        _default = Pipeline()
    return _default


def clean(text: str, *, pipeline: Pipeline | None = None) -> str:
    """The cleaned article text of one page's text dump."""
    p = pipeline or _pipeline()
    return p.render(p.run(text))


class RemovedLine(NamedTuple):
    line: int
    text: str
    stage: str
    rule: str


class Result(NamedTuple):
    text: str
    removed: list[RemovedLine]
    document: Document


def clean_and_explain(text: str, *, pipeline: Pipeline | None = None) -> Result:
    """The cleaned text together with every removed line and the stage and rule."""
    p = pipeline or _pipeline()
    doc = p.run(text)
    from .writers import removed_records

    removed = [RemovedLine(**r) for r in removed_records(doc)]
    return Result(p.render(doc), removed, doc)


__all__ = [
    "DEFAULT_STAGES",
    "Context",
    "Document",
    "Line",
    "Paragraph",
    "Pipeline",
    "PipelineError",
    "Removal",
    "Result",
    "RemovedLine",
    "Signal",
    "Stage",
    "UnknownNameError",
    "clean",
    "clean_and_explain",
    "stage",
    "writer",
]
