"""The content classifier: judge what the boilerplate stages left, by signals that hold
on any site, and keep the article.

1. *Units*: kept lines are grouped into units, one per paragraph: a line, or the lines
   a dumper hard-wrapped (so a wrapped paragraph is judged as one paragraph).
2. *Signals* per unit: length in words, stopword density for the guessed language,
   terminal punctuation, list-item and separator shapes, capitalisation, digits and
   dates, and the same signals of the neighbours (a run of short items is a menu).
3. *Score*: two ensembles of boosted trees over those signals (``model.py``; the
   fitted trees are the generated module ``_model.py``, written by ``make train`` on
   a held-out-validated split) give each unit a probability of being article text.
4. *Region*: articles are contiguous. The main region is the run of units that
   maximises the sum of (probability - bias) x weight (as in Finn et al.'s body-text
   extraction); units outside it are removed (``outside-article``), units inside it
   that are clearly debris too (``low-content``). An end-of-article heading
   ("Related stories", "Comments") followed by low-content units closes the region.
   A list (or a run introduced by a line ending in a colon) between the region's
   prose and more prose below or above it is article structure and is kept with it,
   unless named debris, a stamp or a row of links stands in the way.
5. The headline, the byline and the dateline right above the region are kept, and,
   once the rounds are done, a closing sentence right under its last paragraph
   ("The appeal is dismissed.", a question to the reader), too short for prose.

>>> from newsclean.pipeline import Pipeline
>>> page = "\\n".join(["Home", "World", "Sport", "Business", "",
...     "Storm closes harbour",
...     "",
...     "The harbour was closed on Monday after a storm damaged two piers, officials said.",
...     "",
...     "Fishermen said they had not seen waves like it in years, and repairs could take weeks.",
...     "",
...     "Related stories",
...     "Harbour master resigns",
...     "New ferry for the islands"])
>>> print(Pipeline().clean(page), end="")
Storm closes harbour
<BLANKLINE>
The harbour was closed on Monday after a storm damaged two piers, officials said.
<BLANKLINE>
Fishermen said they had not seen waves like it in years, and repairs could take weeks.
"""

from __future__ import annotations

from typing import Any

from ...context import Context
from ...document import Document
from ...registry import stages
from ...wrap import wrap_width
from .features import FEATURES, KnownUnits, OwnRows, Unit, build_units, is_prose, unit_features
from .model import MODEL, probabilities
from .region import closing_line, comment_attributions, end_markers, select

__all__ = ["FEATURES", "MODEL", "Unit", "build_units", "comment_attributions", "content", "end_markers",
           "probabilities", "select", "unit_features"]


# Rounds of choosing the region again among the units kept (see content()).
MAX_ROUNDS = 8


@stages.register("content")
def content(doc: Document, ctx: Context, **options: Any) -> None:
    """Keep the article region; remove menus, teaser lists and other low-content units.

    Rules: ``outside-article`` (units outside the main region), ``low-content`` (units
    inside it that score as debris); both are statistical judgements
    (:attr:`~newsclean.signals.Signal.STATISTICAL`) the safety valve may undo.

    The stage is idempotent on its own output: a unit's score depends on its
    neighbours, so once debris is gone the units that remain are scored again and the
    region chosen again among them, as a second run would see them (the headings and
    comment attributions removed before are gone then), until a round removes nothing
    (at most ``MAX_ROUNDS`` rounds; a round only removes, so they end).
    """
    lang = ctx.language_of(doc)
    params = {**MODEL.params, **options}
    markers = end_markers(doc, ctx.pack(doc).markers)
    width = wrap_width(doc)
    seen: OwnRows = {}  # the units' own signals, computed once for all rounds
    known: KnownUnits = {}  # ... and the units themselves
    first: tuple[list[Unit], list[bool]] | None = None  # the first round's units and prose
    for n in range(MAX_ROUNDS):
        units = build_units(doc, width, known)
        if not units:
            break
        rows = unit_features(units, lang, seen)
        probs = probabilities(rows, MODEL)
        for u, p in zip(units, probs):
            u.prob = p
        prose = [is_prose(row, u.text) for row, u in zip(rows, units)]
        before = sum(1 for u in units for line in u.lines if line.removal is None)
        if n == 0:
            first = (units, prose)
            select(doc, units, params, markers, prose=prose)
        else:  # what a second run meets: only the lines kept so far
            still = [k for k in markers if doc.lines[k - 1].removal is None]
            select(doc, units, params, still, comments=(), prose=prose)
        if sum(1 for u in units for line in u.lines if line.removal is None) == before:
            break
    if first is not None:
        # the article's closing sentence under its last paragraph (see closing_line)
        close = closing_line(*first, doc.lines)
        if close is not None:
            doc.restore_lines(first[0][close].lines)
