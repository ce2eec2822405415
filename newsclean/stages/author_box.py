"""An author's box under the article: the author's name on a line of its own, then a
paragraph about them that opens with that name. Rule ``author-box``.

Blogs and news sites close an article with a box about its author: a name ("Ann Lee",
"Written by Ann Lee", "Ann Lee (Coast Times)") and one to three paragraphs (or
sentences of six words or more) in the third person that open with it ("Ann Lee
covers the islands..."). The content stage keeps it, since it reads like the
article. It is told by its shape in any language that writes names with capitals: a
short line (six words at most, no sentence end, no colon, no item of a list) that
ends with two capitalised words (a first name and a surname; a site's name in
brackets or a title after a comma may follow) that open the next paragraph, under at
least ``solid`` words of the article's prose and with less than ``share`` of that
prose below the box. A page with two such pairs or more is a list of people (a team, a panel, a row
of profiles): the article's own, and it stays. The after-article judge runs it once
it has cut the page's end (:func:`newsclean.stages.after_article.after_article`),
so that a list of other articles under the box does not count as the article going on.

Rule ``byline-bio`` (:func:`byline_bio`, run right after): a paragraph about the
author near the page's end that opens with the name the byline above the article
gives ("By Ann Lee" at the top, "Ann Lee is a reporter ..." at the end), with no name
line over it or under one; the byline is the signal, in any language that writes
names with capitals.

>>> from newsclean import Context, Document
>>> para = ("Divers will inspect the two damaged piers on Friday, and the council expects the "
...         "repairs to take at least three weeks if the weather holds.")
>>> bio = "Ann Lee covers the islands and their ferries for the Coast Times, which she joined in 2015."
>>> doc = Document.from_text("\\n\\n".join([para] * 7 + ["Written by Ann Lee", bio]))
>>> author_box(doc, Context())
True
>>> [(line.number, line.removal.rule) for line in doc.removed()]
[(15, 'author-box'), (17, 'author-box')]
"""

from __future__ import annotations

from ..context import Context
from ..document import Document, Line
from ..language import ALL_STOPWORDS
from .content.features import BULLETS
from .repeats import CLOSING_QUOTES, SENTENCE_ENDS, kept_parts, prose_words

_STRIP = "()[]@,;:.\"'“”‘’«»"


def _name(text: str, n: int, words: int = 6) -> tuple[str, str] | None:
    """The name a short line ends with (``words`` at most, no sentence end, no colon:
    "The new owner: Ann Lee" is a subhead; not a numbered or bulleted item): its last
    two capitalised words, leaving out what
    stands in brackets or after a comma (a site's name, a title); None for any other
    line.

    >>> _name("Written by Ann Lee", 4), _name("Ann Lee (Coast Times)", 4), _name("Ann Lee, Editor", 3)
    (('Ann', 'Lee'), ('Ann', 'Lee'), ('Ann', 'Lee'))
    >>> _name("The piers are safe.", 4), _name("7. Harbour Works Ltd", 4), _name("Harbour", 1)
    (None, None, None)
    """
    if (
        not 1 <= n <= words
        or text.rstrip(CLOSING_QUOTES)[-1:] in SENTENCE_ENDS
        or text[:1].isdigit()
        or text.startswith(BULLETS)
        or ":" in text
    ):
        return None
    cut, depth = [], 0
    for c in text.partition(",")[0]:
        if c in "([":
            depth += 1
        elif c in ")]":
            depth = max(0, depth - 1)
        elif not depth:
            cut.append(c)
    found = [w.strip(_STRIP) for w in "".join(cut).split()]
    caps = [w for w in found if len(w) >= 2 and w[0].isupper() and not w.isupper()]
    return (caps[-2], caps[-1]) if len(caps) >= 2 and caps[-1] == found[-1] else None


def _opens_with(text: str, name: tuple[str, str] | None) -> bool:
    """Whether a paragraph opens with a name's two words (a first name and a surname:
    "The Harbour Inn" over "The Harbour Inn was..." ends with other words).

    >>> _opens_with("Ann Lee covers the islands.", ("Ann", "Lee")), _opens_with("Ann covers the islands.", ("Ann", "Lee"))
    (True, False)
    """
    if name is None:
        return False
    first = [w.strip(_STRIP) for w in text.split(maxsplit=2)[:2]]
    return tuple(first) == name


Parts = tuple[list[list[Line]], list[str], list[int]]


def author_box(
    doc: Document, ctx: Context, *, solid: int = 150, share: float = 0.2, most: int = 3, parts: Parts | None = None
) -> bool:
    """Remove an author's box under the article (see the module): rule ``author-box``.
    ``most``: the paragraphs of prose the box may hold under its name; ``parts``: the
    document's :func:`~newsclean.stages.repeats.kept_parts`, when the caller has them.
    Whether a box went (the kept parts changed)."""
    groups, texts, sizes = kept_parts(doc) if parts is None else parts
    if len(groups) < 3:
        return False
    prose = [prose_words(t, n) for t, n in zip(texts, sizes)]
    # a sentence of six words or more: a box's paragraph ("Ann Lee is our harbour reporter.")
    said = [bool(p) or (n >= 6 and t.rstrip(CLOSING_QUOTES)[-1:] in SENTENCE_ENDS) for t, n, p in zip(texts, sizes, prose)]
    found = []
    for k in range(1, len(groups) - 1):
        if said[k + 1] and _opens_with(texts[k + 1], _name(texts[k], sizes[k])):
            found.append(k)
    if len(found) != 1:
        return False
    k = found[0]
    end = k + 1
    while end < len(groups) and said[end] and end - k <= most:
        end += 1
    above = sum(prose[:k])
    if above < solid or sum(prose[end:]) >= share * above:
        return False
    for g in groups[k:end]:
        for line in g:
            doc.remove(line, "furniture", "author-box")
    return True


# the words that put an author's name in a byline ("By Ann Lee", "Von Anna Lehmann",
# "par Anne Leroy"), in the languages newsclean knows and the Nordic ones
_BYLINE_WORDS = frozenset("by von par por di da door av af przez de van".split())
# the most words a byline line holds ("By Ann Lee on January 20, 2026 · 5 min read")
_BYLINE_LINE = 14


def _bio_name(text: str) -> tuple[str, ...] | None:
    """The name a paragraph opens with when it says who someone is: one to three
    capitalised words, then a word in lower case (a verb: "is", "ist", "leitet");
    None for any other opening. (Any capitalised opening is a candidate: the byline
    decides, :func:`_bylined`.)

    >>> _bio_name("Ann Lee is a reporter for the Coast Times."), _bio_name("Ann is our reporter.")
    (('Ann', 'Lee'), ('Ann',))
    >>> _bio_name("12 divers inspect the pier."), _bio_name("ANN LEE is a reporter.")
    (None, None)
    >>> _bio_name("Ann Lee, 45, is a reporter."), _bio_name("Ann Lee Ann Lee Ann Lee is here.")
    (None, None)
    >>> _bio_name("“Island People have always fished here,” she said.")
    """
    words = text.split(maxsplit=4)
    caps: list[str] = []
    for word in words:
        bare = word.strip(_STRIP)
        if word != bare and (caps or not word.startswith(bare)):
            # (a quotation's opening mark, or a comma or a bracket after the name: an aside)
            return None
        if bare[:1].isupper() and bare[1:2].islower():
            caps.append(bare)
            if len(caps) > 3:
                return None
            continue
        return tuple(caps) if caps and bare[:1].islower() and bare.isalpha() else None
    return None


def _bylined(doc: Document, name: tuple[str, ...], end: int, *, alone: bool = True) -> bool:
    """Whether a line above the article's text (doc lines before ``end``, at most 80)
    is the byline of ``name``: a byline word right before it, the name in capitals
    ("By Ann Lee", "VON ANNA LEHMANN am 3. Mai"; a one-word name with a capitalised
    surname after it: "by Ann Lee" for "Ann"), or, for a name of two or three words
    none of which is a stopword, the name alone on its line ("Ann Lee"; not a menu's
    item, "• Why Coast Times", nor a site's name, "The Coast Times"), when ``alone``."""
    folded = doc.folded_squeezed_lines()
    said = " ".join(name).casefold()
    alone_ok = alone and len(name) >= 2 and not any(w.casefold() in ALL_STOPWORDS for w in name)
    for i in range(max(0, end - 80), end):
        line = folded[i]
        if said not in line or len(line.split()) > _BYLINE_LINE:
            continue
        if alone_ok and line.rstrip(" .,:;|") == said:
            return True
        words = line.replace(",", " ").split()
        written = doc.lines[i].text.replace(",", " ").split()
        if len(written) != len(words):
            continue
        size = len(name)
        for j in range(1, len(words) - size + 1):
            if words[j - 1] not in _BYLINE_WORDS or words[j : j + size] != said.split():
                continue
            # (the name as the byline writes it, capitalised, and a one-word name's surname after it)
            if not all(w[:1].isupper() for w in written[j : j + size]):
                continue
            if size >= 2 or (j + 1 < len(written) and written[j + 1][:1].isupper()):
                return True
    return False


def _opened(doc: Document, texts: list[str], sizes: list[int], k: int, first: int, end: int) -> int | None:
    """Where the author's paragraph ``k`` starts when it opens with the byline's name
    (see :func:`byline_bio`): the short lines right above it that hold the name
    ("Ann Lee", "Written by Ann Lee") or the paragraph itself; None when it does not."""
    name = _bio_name(texts[k])
    if name is None:
        return None
    named = [j for j in (k - 1, k - 2) if j > first and sizes[j] <= 6 and name[0] in texts[j].split()]
    if len(name) == 1 and not named:
        return None
    if not _bylined(doc, name, end, alone=bool(named)):
        return None
    return min(named) if named and (k - 1 in named) else k


# what heads a box about a person before their name ("About Ann Lee", "Über Anna Lehmann")
_ABOUT = ("about ", "über ", "à propos de ", "a propos de ", "sobre ", "acerca de ", "over ", "om ")


def _named_alone(text: str, name: tuple[str, str]) -> bool:
    """Whether a line holds the name alone, or after a word that heads a box about a
    person ("About Ann Lee", "Über Anna Lehmann:").

    >>> _named_alone("Ann Lee", ("Ann", "Lee")), _named_alone("About Ann Lee", ("Ann", "Lee"))
    (True, True)
    >>> _named_alone("Why Ann Lee", ("Ann", "Lee"))
    False
    """
    text = text.strip().rstrip(":")
    said = " ".join(name)
    if text == said:
        return True
    low = text.casefold()
    return any(low.startswith(a) and text[len(a) :] == said for a in _ABOUT)


def _boxed(doc: Document, texts: list[str], sizes: list[int], k: int, first: int, end: int, reach: int = 3) -> int | None:
    """Where an author's box over the paragraph ``k`` starts: the byline's name alone on
    a short line at most ``reach`` parts above it ("Ann Lee", or under a heading word:
    "About Ann Lee"), only short lines between them (a title, "Reporter for the Coast
    Times"; a link: "• Mastodon"); None for none. The paragraph says who the author is
    without the name ("Writes about the islands since 2012 ..."), not a question (an
    interviewer's name over their question)."""
    if texts[k].rstrip(CLOSING_QUOTES)[-1:] in ("?", "？") or texts[k].startswith(BULLETS):
        return None
    for j in range(k - 1, max(first, k - 1 - reach), -1):
        if sizes[j] > 6:
            return None
        name = _name(texts[j], sizes[j], words=6)
        if name is not None and _named_alone(texts[j], name) and _bylined(doc, name, end, alone=False):
            return j
    return None


def byline_bio(doc: Document, ctx: Context, *, least: int = 150, share: float = 0.2, parts: Parts | None = None) -> None:
    """Remove a paragraph about the article's author at its end: rule ``byline-bio``.

    A paragraph of prose (a sentence of a dozen words or more) that opens with the
    name the byline above the article gives ("By Ann Lee" at the top, "Ann Lee is a
    reporter for the Coast Times" at the end) and a word in lower case, under at least
    ``least`` words of the article's prose and with less than ``share`` of that prose
    below it, goes, with the short lines right above it that hold the name ("Written
    by Ann Lee"). A first name alone ("Ann is a reporter ...") needs the full name on
    a short line right above the paragraph too. The name must stand in a byline, or
    alone on its line both above the article and right above the paragraph (a
    place's or a topic's name alone above the article is a label: "Sri Lanka"): a headline naming the article's subject ("Ann Lee wins the
    race") is no byline, and an article that ends on its subject ("Ann Lee is expected
    to race again in May") stays. What follows the paragraph is left to the other rules.
    ``parts``: the document's kept parts, when the caller has them.

    >>> from newsclean import Context, Document
    >>> para = ("Divers will inspect the two damaged piers on Friday, and the council expects the "
    ...         "repairs to take at least three weeks if the weather holds.")
    >>> bio = "Ann is a reporter for the Coast Times and lives on the island with her two dogs."
    >>> doc = Document.from_text("\\n\\n".join(["By Ann Lee", *[para] * 7, "About the author", "Ann Lee", bio]))
    >>> byline_bio(doc, Context())
    >>> [(line.number, line.removal.rule) for line in doc.removed()]
    [(19, 'byline-bio'), (21, 'byline-bio')]
    """
    groups, texts, sizes = kept_parts(doc) if parts is None else parts
    if len(groups) < 3:
        return
    prose = [prose_words(t, n) for t, n in zip(texts, sizes)]
    total = sum(prose)
    opening = [k for k, p in enumerate(prose) if p][:2]
    if not opening:
        return
    # (the byline stands above the article's first paragraphs, or between its dek and its text)
    first, byline_end = opening[0], groups[opening[-1]][0].number - 1
    below = 0
    for k in range(len(groups) - 1, first, -1):
        above = total - below - prose[k]
        if above < least or below >= share * above:
            return
        below += prose[k]
        if not prose[k]:
            continue
        start = _opened(doc, texts, sizes, k, first, byline_end)
        if start is None:
            start = _boxed(doc, texts, sizes, k, first, byline_end)
        if start is None:
            continue
        for g in groups[start : k + 1]:
            for line in g:
                doc.remove(line, "furniture", "byline-bio")
        return
