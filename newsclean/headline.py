"""The headline: the title line nearest above the article that is not navigation, a
dateline or a byline.

The composer asks :func:`headline_of` once the paragraphs are built. The first kept
paragraph is the headline when it looks like one (the content stage keeps the title
above its region); otherwise the lines just above the first kept line are searched,
skipping what the debris stages removed, datelines, bylines and credits.

>>> from newsclean.document import Document
>>> doc = Document.from_text("Home | News\\n\\nStorm closes harbour\\n\\nBy Ann Lee\\n\\n"
...                          "The harbour was closed on Monday after a storm damaged two piers.")
>>> for line in doc.lines[:5]:
...     doc.remove(line, "content", "outside-article")
>>> doc.remove(doc.lines[0], "boilerplate-lines", "phrase:navigation")
>>> headline_of(doc, ["The harbour was closed on Monday after a storm damaged two piers."])
'Storm closes harbour'
"""

from __future__ import annotations

from .document import Document
from .regexes import compile_re
from .stages.content.features import DATELINE_RE, MONTHS

# Removals that say a line is debris by what it is (not by statistics).
_DEBRIS_STAGES = frozenset({"layout", "boilerplate-lines", "boilerplate-sentences", "template"})
_BULLETS = compile_re(r"^(?:[*+o#•·\-–—»>■▪◦□]\s*)+")
_IMAGES = compile_re(r"^(?:\[[^\]]{0,80}\]\s*)+")
# First words of bylines, datelines and credits, in the languages with packs.
_NOT_TITLES = frozenset(
    "by von par por di door от posted published updated written photo picture credit "
    "image source courtesy foto bild home".split()
)


def _clean(text: str) -> str:
    return _IMAGES.sub("", _BULLETS.sub("", " ".join(text.split()))).strip()


def looks_like_title(text: str) -> bool:
    """Two to thirty words, not a sentence, not a menu (``a | b``), no dateline, byline
    or credit.

    >>> looks_like_title("Storm closes harbour"), looks_like_title("By Ann Lee")
    (True, False)
    >>> looks_like_title("March 4, 2026"), looks_like_title("The harbour was closed.")
    (False, False)
    """
    words = text.split()
    n = len(words)
    if n < 2 or n > 30 or text.endswith((".", ",", ";", ":")) or " | " in text or "©" in text:
        return False
    low = [w.casefold().strip(",.:") for w in words]
    if n <= 12 and (DATELINE_RE.search(text) or any(w in MONTHS for w in low)):
        return False
    if low[0] in _NOT_TITLES:
        return False
    return any(c.isalpha() for c in text)


def headline_of(doc: Document, paragraphs: list[str], *, reach: int = 3) -> str | None:
    """The first of ``paragraphs`` when it looks like a title; else the nearest line
    above the first kept line, among the ``reach`` nearest that no debris stage
    removed, that looks like one (of three words or more); else None."""
    if paragraphs:
        first = paragraphs[0]
        if "\n" not in first and looks_like_title(first):
            return first
    start = next((i for i, line in enumerate(doc.lines) if line.removal is None and line.text.strip()), None)
    if start is None:
        return None
    seen = 0
    for line in reversed(doc.lines[:start]):
        removal = line.removal
        if removal is not None and removal.stage in _DEBRIS_STAGES:
            continue
        text = _clean(line.text)
        if not text:
            continue
        seen += 1
        if seen > reach:
            break
        if looks_like_title(text) and len(text.split()) >= 3:
            return text
    return None
