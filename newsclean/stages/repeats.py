"""A second copy: a long run of paragraphs that the page prints again, word for word,
after the content stage kept it once.

Pages print their article twice (an infinite scroll that loads the same story again, a
print version under the screen version, a carousel of testimonials or promotions
repeated for its animation), and the content stage keeps both copies: each scores like
the article it is. Rule ``second-copy`` (the ``after-article`` judge runs it first):
a run of kept paragraphs, one after the other, each of them a paragraph already kept
above the run, goes when it holds ``least`` words or more (150 by default, about three
paragraphs) outside list items (a menu printed twice is a list, which the other stages
judge). A paragraph that an article repeats on purpose (a pull quote, a notice
printed under each of several webcams, an event's blurb in two listings) is a paragraph
or two, and stays. Nothing depends on a language: the copy is the signal.

>>> from newsclean import Context, Document
>>> paras = [f"Paragraph {n} of the story, which goes on for a while about the harbour, the storm "
...          "that closed it and the divers who will inspect the damaged piers on Friday." for n in range(1, 6)]
>>> page = [p for para in paras for p in (para, "")] + ["More from Coast Times", ""] + [p for para in paras for p in (para, "")]
>>> doc = Document.from_text("\\n".join(page))
>>> second_copy(doc, Context())
>>> [line.number for line in doc.removed()]
[13, 15, 17, 19, 21]
"""

from __future__ import annotations

from ..context import Context
from ..document import Document
from ..script import word_count
from ..visible import visible_lines
from ..wrap import line_groups, wrap_width
from .content.features import BULLETS


def second_copy(doc: Document, ctx: Context, *, least: int = 150) -> None:
    """Remove the later copy of a long run of kept paragraphs (see the module): rule
    ``second-copy``. ``least``: the words a run must hold."""
    groups = [g for g in line_groups(doc, wrap_width(doc)) if all(line.removal is None for line in g)]
    if len(groups) < 2:
        return
    texts = [" ".join(visible_lines(doc, g).split()) for g in groups]
    first: dict[str, int] = {}
    for k, text in enumerate(texts):
        first.setdefault(text, k)
    k = 0
    while k < len(groups):
        if not texts[k] or first[texts[k]] == k:
            k += 1
            continue
        # the run from k: paragraphs kept before it, each (not copies inside the run)
        end, words = k, 0
        while end < len(groups) and texts[end] and first[texts[end]] < k:
            if not texts[end].startswith(BULLETS):  # (a menu printed twice is a list)
                words += word_count(texts[end].split())
            end += 1
        if words >= least:
            for g in groups[k:end]:
                for line in g:
                    doc.remove(line, "furniture", "second-copy")
        k = max(end, k + 1)
