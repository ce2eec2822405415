"""The headline: the title line nearest above the article that is not navigation, a
dateline or a byline.

The composer asks :func:`headline_of` once the paragraphs are built. Candidates are
the lines around the start of the article (the first kept line): up to 150 non-blank
lines above it, whatever the content stage thought of them, and its first kept lines
(a kicker or a breadcrumb may have been kept above the title). A candidate must look
like a title (:func:`looks_like_title`: not a sentence, a menu, a dateline, a byline,
a credit, a button or a list item; "Title | Site" gives "Title"), no debris stage may
have removed it, and the article must repeat its words: a headline names what the
article is about, while a sidebar's heading, an author's name, "Table of Contents" or
a newsletter prompt does not. The candidates are then ranked by signals that hold on
any site (how much of it the lede repeats, a line of its own between blank lines, title
case, a byline or dateline just under it, nearness to the article), with weights
fitted by ``tools/headline_eval.py --fit``.

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

import math
import re
from collections import Counter

from .document import Document, Line
from .language import ALL_STOPWORDS
from .regexes import compile_re
from .stages.content.features import MONTHS
from .tokens import find_words

# Removals that say a line is debris by what it is (not by statistics).
_DEBRIS_STAGES = frozenset({"layout", "boilerplate-lines", "boilerplate-sentences", "template"})
_BULLET_START = compile_re(r"^(?:[*+o\-–—•·»>■▪◦□]|\d{1,2}[.)])\s")
_HASHES = compile_re(r"^#{1,6}\s+")
_IMAGES = compile_re(r"^(?:\[[^\]]{0,80}\]\s*)+")
# "Title | Site", "Title - Site": a title as a page's <title> line shows it
_SITE_SUFFIX = compile_re(r"^(.{10,}?)\s(?:\||-|–|—|::|·)\s[^|]{1,40}$")
_BUTTON = compile_re(r"\((?:BUTTON|IMAGE)\)|\[(?:BUTTON|IMG|IMAGE)\]|IFRAME:", re.IGNORECASE)
# First words of bylines, datelines and credits, in the languages with packs.
_NOT_TITLES = frozenset(
    "by von par por di door от posted published updated written edited reviewed photo "
    "photos picture credit image images source courtesy foto fotos bild home autor "
    "author auteur autora redaktion veröffentlicht aktualisiert publié publicado "
    "actualizado stand".split()
)
_WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur "
    "thurs fri sat sun montag dienstag mittwoch donnerstag freitag samstag sonntag lundi "
    "mardi mercredi jeudi vendredi samedi dimanche lunes martes miércoles jueves viernes "
    "sábado domingo".split()
)
_TIME_WORDS = frozenset(
    "am pm a.m p.m et est edt pt pst pdt gmt utc bst cet cest uhr h min mins minute "
    "minutes read ago hour hours hrs day days updated published posted on at".split()
)
_SEPARATORS = (" | ", " > ", " » ", " › ", " / ", " · ", " :: ")
_CJK = compile_re(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _clean(text: str) -> str:
    return _IMAGES.sub("", _HASHES.sub("", " ".join(text.split()))).strip()


def _is_dateline(low: list[str]) -> bool:
    """Most of the words are a date, a time or a reading time ("Jan 29, 2025 · 4 min read")."""
    datey = 0
    dated = False
    for w in low:
        if w in MONTHS:
            datey += 1
            dated = True
        elif w in _WEEKDAYS or w in _TIME_WORDS:
            datey += 1
        elif not w.isalpha() and any(c.isdigit() for c in w):
            datey += 1
            dated = True
    return dated and datey * 2 >= len(low)


def looks_like_title(text: str) -> bool:
    """Two to thirty words, not a sentence, not a menu (``a | b``), no dateline, byline,
    credit, button or list item.

    >>> looks_like_title("Storm closes harbour"), looks_like_title("By Ann Lee")
    (True, False)
    >>> looks_like_title("March 4, 2026"), looks_like_title("The harbour was closed.")
    (False, False)
    >>> looks_like_title("The 9 best tents of 2026"), looks_like_title("Updated May 2, 2026 · 4 min read")
    (True, False)
    """
    words = text.split()
    n = len(words)
    if n == 1 and _CJK.search(text) and 6 <= len(text) <= 60:
        n = 2  # a title in a script without spaces
    if n < 2 or n > 30 or text.endswith((".", ",", ";", ":", "…")) or "©" in text:
        return False
    if any(sep in text for sep in _SEPARATORS) or _BULLET_START.match(text) or _BUTTON.search(text):
        return False
    low = [w.casefold().strip(",.:()") for w in words]
    if _is_dateline(low) or low[0] in _NOT_TITLES:
        return False
    return any(c.isalpha() for c in text)


def _content(tokens: list[str]) -> set[str]:
    return {w for w in tokens if (len(w) > 2 or _CJK.match(w)) and w not in ALL_STOPWORDS}


def _candidate_text(line: Line) -> str:
    """The title a line may hold: the line, or its part before a short " | Site"."""
    removal = line.removal
    if removal is not None and removal.stage in _DEBRIS_STAGES:
        return ""
    text = _clean(line.text)
    if looks_like_title(text):
        return text
    m = _SITE_SUFFIX.match(text) if len(text) <= 300 else None
    if m and len(text.split()) - len(m.group(1).split()) <= 6 and looks_like_title(m.group(1)):
        return m.group(1)
    return ""


def _is_meta(text: str) -> bool:
    """A byline, a dateline or a reading time: what stands under (or over) a title."""
    low = [w.casefold().strip(",.:()") for w in text.split()]
    return bool(low) and (_is_dateline(low) or low[0] in _NOT_TITLES or ("min" in low and "read" in low))


def _meta_near(lines: list[Line], indices: range, meta: dict[int, bool], reach: int = 4) -> bool:
    """One of the ``reach`` non-blank lines along ``indices`` is a byline, a dateline or
    a reading time (``meta`` caches the answer per line)."""
    seen = 0
    for j in indices:
        text = lines[j].text
        if not text.strip():
            continue
        seen += 1
        if seen > reach:
            return False
        found = meta.get(j)
        if found is None:
            found = meta[j] = _is_meta(text)
        if found:
            return True
    return False


# Names of the features of a candidate line, in the order of WEIGHTS.
FEATURES = (
    "repeated-half", "repeated", "log-hits", "alone", "blank-before", "blank-after",
    "title-case", "capital-first", "log-distance", "below-start", "log-words", "short",
    "question", "twice-on-page", "kept", "hits-of-best", "meta-below", "meta-above",
    "in-lede", "position",
)
# Conditional-logit weights over the candidates of a page (the highest score is the
# headline), fitted on the dev and dev2 eval folders by ``tools/headline_eval.py --fit``.
WEIGHTS = (
    0.989, -1.384, 0.947, 0.608, 0.574, 1.163, 1.435, 1.547, -1.005, -0.47,
    0.168, -1.405, -0.217, -0.071, -0.47, 0.873, 1.648, 0.506, 2.436, -4.511,
)


def candidates(
    doc: Document, *, above: int = 150, below: int = 15, body_lines: int = 150
) -> list[tuple[int, str, list[float]]]:
    """The lines that may be the headline, as (index, title text, features).

    Up to ``above`` non-blank lines above the first kept line and the first ``below``
    kept lines; a candidate looks like a title and at least two of its content words
    (all, when it has fewer) are repeated in the kept text.
    """
    lines = doc.lines
    start = next((i for i, line in enumerate(lines) if line.removal is None and line.text.strip()), None)
    if start is None:
        return []
    kept = [i for i in range(start, len(lines)) if lines[i].removal is None and lines[i].text.strip()]
    cache: dict[int, list[str]] = {}

    def tokens(i: int) -> list[str]:
        found = cache.get(i)
        if found is None:
            found = cache[i] = find_words(lines[i].text.casefold())
        return found

    # every word of the article's first ``body_lines`` kept lines, counted (a kept
    # candidate's own words are taken off when it is judged: what counts is that
    # another line repeats them)
    body: Counter[str] = Counter()
    for i in kept[:body_lines]:
        body.update(tokens(i))
    if not body:
        return []
    order: list[tuple[int, int]] = []
    seen = 0
    for i in range(start - 1, -1, -1):
        if lines[i].text.strip():
            seen += 1
            if seen > above:
                break
            order.append((i, -seen))
    order.extend((i, k) for k, i in enumerate(kept[:below]))
    lede_lines = kept[:12]
    squeezed = doc.squeezed_lines()
    counts: Counter[str] | None = None
    raw: list[tuple[int, str, set[str], int, int]] = []
    for i, where in order:
        if len(lines[i].text.strip()) > 400:  # thirty words at most, or a title and a short site name
            continue
        text = _candidate_text(lines[i])
        if not text:
            continue
        words = tokens(i)
        mine = _content(words)
        if not mine:
            continue
        own = Counter(words) if lines[i].removal is None else Counter()
        hits = sum(1 for w in mine if body[w] - own[w] > 0)
        if hits < min(2, len(mine)):
            continue
        raw.append((i, text, mine, hits, where))
    if not raw:
        return []
    best_hits = max(r[3] for r in raw)
    lede: Counter[str] | None = None
    meta: dict[int, bool] = {}
    out = []
    n_lines = len(lines)
    for i, text, mine, hits, where in raw:
        if lede is None or counts is None:
            counts = Counter(squeezed)
            lede = Counter(w for j in lede_lines for w in tokens(j))
        own_words = Counter(tokens(i)) if lines[i].removal is None and i in lede_lines else Counter()
        in_lede = sum(1 for w in mine if lede[w] - own_words[w] > 0)
        repeated = hits / len(mine)
        blank_before = i == 0 or not lines[i - 1].text.strip()
        blank_after = i + 1 >= n_lines or not lines[i + 1].text.strip()
        long_words = [w for w in text.split() if len(w) > 3 and w[0].isalpha()]
        title_case = sum(w[0].isupper() for w in long_words) / len(long_words) if long_words else 0.0
        distance = -where if where < 0 else where + 1
        n = len(text.split())
        out.append((i, text, [
            float(repeated >= 0.5), repeated, math.log1p(hits), float(blank_before and blank_after),
            float(blank_before), float(blank_after), title_case, float(text[0].isupper() or text[0].isdigit()),
            math.log1p(distance), float(where >= 0), math.log(n), float(n <= 3), float(text[-1] in "?!"),
            float(counts[squeezed[i]] > 1), float(lines[i].removal is None), hits / best_hits,
            float(_meta_near(lines, range(i + 1, min(n_lines, i + 40)), meta)),
            float(_meta_near(lines, range(i - 1, max(-1, i - 40), -1), meta)),
            in_lede / len(mine), i / n_lines,
        ]))
    return out


def headline_of(doc: Document, paragraphs: list[str], *, weights: tuple[float, ...] = WEIGHTS) -> str | None:
    """The title line of the article, or None (see the module's docstring): the
    candidate (:func:`candidates`) with the highest score; with none, the first
    paragraph when it looks like a title."""
    scored = candidates(doc)
    if scored:
        best = max(scored, key=lambda c: sum(w * x for w, x in zip(weights, c[2])))
        return best[1]
    if paragraphs:
        first = _clean(paragraphs[0])
        if "\n" not in paragraphs[0] and looks_like_title(first):
            return first
    return None


def headline(doc: Document) -> str | None:
    """The headline of a composed document, ranked when first asked for (only the JSON
    and Markdown writers ask: plain text does not pay for it); a document left alone as
    clean text has the one :mod:`newsclean.clean_text` gave it, or none."""
    if doc.headline is None and doc.paragraphs is not None and not doc.meta.get("clean"):
        doc.headline = headline_of(doc, [p.text for p in doc.paragraphs[:1]])
    return doc.headline
