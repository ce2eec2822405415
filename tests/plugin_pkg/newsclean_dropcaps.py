"""A third-party newsclean stage, as small as one can be: drop ALL-CAPS kicker lines.

Installed, it registers itself through its package metadata (see pyproject.toml)::

    [project.entry-points."newsclean.stages"]
    drop-caps = "newsclean_dropcaps:drop_caps"

newsclean imports this module only when a pipeline names ``drop-caps`` (or when
``--list-stages`` lists every stage).

>>> from newsclean.document import Document
>>> doc = Document.from_text("POLITICS\\nCouncil agrees budget\\nNASA said so.")
>>> drop_caps(doc, None)
>>> [(line.text, line.removal.rule) for line in doc.removed()]
[('POLITICS', 'all-caps')]
"""

import os

if os.environ.get("NEWSCLEAN_DROPCAPS_TRACE"):
    # Lets the tests see whether newsclean imported this module.
    with open(os.environ["NEWSCLEAN_DROPCAPS_TRACE"], "a") as trace:
        trace.write("imported\n")


def drop_caps(doc, ctx, *, max_words: int = 4):
    """Remove short lines written in capitals only (section kickers like POLITICS)."""
    for line in doc.lines:
        text = line.text.strip()
        if line.kept and text and len(text.split()) <= max_words and text.isupper() and not text.endswith("."):
            doc.remove(line, "drop-caps", "all-caps")
