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

>>> from newsclean import Context, Document
>>> para = ("Divers will inspect the two damaged piers on Friday, and the council expects the "
...         "repairs to take at least three weeks if the weather holds.")
>>> bio = "Ann Lee covers the islands and their ferries for the Coast Times, which she joined in 2015."
>>> doc = Document.from_text("\\n\\n".join([para] * 7 + ["Written by Ann Lee", bio]))
>>> author_box(doc, Context())
>>> [(line.number, line.removal.rule) for line in doc.removed()]
[(15, 'author-box'), (17, 'author-box')]
"""

from __future__ import annotations

from ..context import Context
from ..document import Document
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


def author_box(doc: Document, ctx: Context, *, solid: int = 150, share: float = 0.2, most: int = 3) -> None:
    """Remove an author's box under the article (see the module): rule ``author-box``.
    ``most``: the paragraphs of prose the box may hold under its name."""
    groups, texts, sizes = kept_parts(doc)
    if len(groups) < 3:
        return
    prose = [prose_words(t, n) for t, n in zip(texts, sizes)]
    # a sentence of six words or more: a box's paragraph ("Ann Lee is our harbour reporter.")
    said = [bool(p) or (n >= 6 and t.rstrip(CLOSING_QUOTES)[-1:] in SENTENCE_ENDS) for t, n, p in zip(texts, sizes, prose)]
    found = []
    for k in range(1, len(groups) - 1):
        if said[k + 1] and _opens_with(texts[k + 1], _name(texts[k], sizes[k])):
            found.append(k)
    if len(found) != 1:
        return
    k = found[0]
    end = k + 1
    while end < len(groups) and said[end] and end - k <= most:
        end += 1
    above = sum(prose[:k])
    if above < solid or sum(prose[end:]) >= share * above:
        return
    for g in groups[k:end]:
        for line in g:
            doc.remove(line, "furniture", "author-box")
