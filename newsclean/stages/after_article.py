"""The page after the article: a list of other articles that the content stage kept
below the article's last paragraph, judged by its shape.

A news page closes its article with named debris (a share row, a "Related" or "More
from" heading, a newsletter or comment prompt, a footer line, an end-of-article
heading), and under it prints teasers of other articles: their titles one under the
other, often each twice (the picture's link and the headline's), with a date and a
line of summary. The content stage may keep them when they score like the article's
subheads. Rule ``after-article`` (the furniture stage runs it last): everything kept
below such closing debris goes when the kept text right under the debris opens with
a list of other articles (a title printed twice in a row, or three title-shaped lines
in a row: two to twenty words, no sentence end, no colon) and what stands below the
debris has little prose next to the article above it (less than a fifth of its
words; up to one and a half times when the titles are printed twice, each teaser
having its summary). Under a short closing heading (six words at most: "Latest
articles", "Related resources"), the list may also go on in teasers of a title, a
date or a picture's name, and a summary each (:func:`_teaser_run`); with three marks
of a teaser or more (a date line, a picture's file name, a summary cut short with
"..."), its summaries may weigh as much as when titles are printed twice. So does
a box under a short closing heading (six words at most) that holds at most one
paragraph of prose, no line going on in lower case and no two questions: an
author's box, a disclaimer, a form, with the same limit on its prose; under a share row or a comment section's heading, which end an article
whatever their length, the box may hold three paragraphs, and under a footer line,
one. Closing debris with the same words between several kept parts is an insert
between sections ("Advertisement", "Read more: ..."), not the end; on a table
layout, where other cells share the lines, nothing is judged here.

A share row or a comment section under a long article (``solid`` words of prose, 150
by default) ends it whatever stands below, when that holds less than half the
article's prose (``half``): an author's box, a newsletter's pitch, the comments
themselves. Pages print their share row at the top too, so its words may repeat.
Not a row: one word alone other than "Share" (a subhead naming a platform: "Google"),
numbered lines (the article's list of platforms); and what is below is no page
furniture when three of its parts in a row open with a time or a number and a colon
or a dash (a timeline, a schedule: the article's own box).

A comment thread whose replies carry their subject's mark ("Re: ...", German "AW:",
Scandinavian "SV:", Polish "Odp:"), three of them or more under a long article, goes
from the closing debris nearest above its first reply (a comment form's heading, a
"Reply" row) to the page's end, however long the thread: rule ``reply-thread``
(:func:`reply_thread`), judged first.

First of all, lynx's list of the page's links above it goes
(:mod:`newsclean.stages.link_header`: ``link-header``). Before this rule, what the
page prints twice goes (:mod:`newsclean.stages.repeats`: ``second-copy``,
``contents-unheaded``); after it, an author's box left at the end
(:mod:`newsclean.stages.author_box`: ``author-box``, and a paragraph about the author
that the byline names: ``byline-bio``) and a list of teaser cards that
no closing line announces (:func:`teaser_cards`: ``teaser-cards``).

>>> from newsclean import Context, Document
>>> from newsclean.stages.boilerplate import boilerplate_lines
>>> para = "Divers will inspect the two damaged piers on Friday, and the repairs could take weeks to finish."
>>> page = [para, "", para, "", para, "", "Related stories", "",
...     "Ferry fares rise in spring", "", "New lifeboat for the island", "", "Harbour master to retire"]
>>> doc = Document.from_text("\\n".join(page))
>>> boilerplate_lines(doc, Context())
>>> after_article(doc, Context())
>>> [(line.number, line.removal.rule) for line in doc.removed()]
[(7, 'phrase:related'), (9, 'after-article'), (11, 'after-article'), (13, 'after-article')]
"""

from __future__ import annotations

from ..context import Context
from ..document import Document, Line
from ..regexes import compile_re
from .author_box import author_box, byline_bio
from .content.features import BULLETS, DATELINE_RE, MONTHS
from .content.region import DEBRIS_STAGES, end_markers
from .link_header import link_header
from .repeats import CLOSING_QUOTES, contents_unheaded, kept_parts, prose_words, second_copy

# what an end of an article says (the categories of the phrase packs)
_CLOSING = frozenset({"share", "related", "comments", "newsletter", "footer", "advertising"})
_RELATED = frozenset({"related"})
_ADVERTISING = frozenset({"advertising"})
# what ends the article for certain, however long its line: a share row, a comment
# section, a footer (a "Related: ..." link or a newsletter prompt may stand between
# two sections); after a share row or a comment section, a box may hold a few
# paragraphs (an author's box, a comment form's notes)
_FINAL = frozenset({"share", "comments", "footer"})
_LAST = frozenset({"share", "comments"})
# the one word a share row may hold alone ("Share"), in the languages of the phrase packs
_SHARE_WORDS = frozenset(
    "share teilen partager compartir condividi compartilhar partilhar delen udostępnij поделиться 共有 分享 공유 شارك".split()
)


def _title(text: str, n: int) -> bool:
    """A title's shape: two to twenty words, no sentence end, no colon at the end.

    >>> _title("Ferry fares rise in spring", 5), _title("Why did the ferry stop?", 5), _title("Kit:", 1)
    (True, False, False)
    """
    return 2 <= n <= 20 and text.rstrip(CLOSING_QUOTES)[-1:] not in ".!?:;…。！？："


def _teasers(texts: list[str], sizes: list[int], k: int, run: int = 3) -> tuple[bool, bool]:
    """Whether the kept parts from ``k`` on open with a list of other articles, and
    whether its first title is printed twice in a row (a teaser's two links)."""
    twice = k + 1 < len(texts) and texts[k] == texts[k + 1] and _title(texts[k], sizes[k])
    # (a line of a paragraph hard-wrapped at an odd width is no title: the next line
    # goes on with its sentence, in lower case)
    titles = k + run <= len(texts) and all(
        _title(texts[j], sizes[j]) and (j + 1 == len(texts) or not texts[j + 1][:1].islower())
        for j in range(k, k + run)
    )
    return twice or titles, twice


# how a teaser's summary is cut short ("... to each ...", "…", "[…]")
_TRUNCATED = ("...", "…", "[…]", "[...]")
# ... or inside a part, where a hard-wrapped summary runs on into the next teaser's line
# (an article's own ellipsis follows its word: "and then..."; a cut leaves a space)
_CUT_SHORT = (" ... ", " … ", "[…]", "[...]")
_PICTURES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".svg", ".avif")


def _marked(text: str, n: int) -> bool:
    """Whether a kept part bears a teaser's mark: a short line that holds a date
    ("Dec 17, 2025", "12/19/2025 • News • Ann Lee"), a summary cut short ("...", also
    inside a part: "to each ... Crew on the deck"), or a picture's file name
    ("harbour-storm-1.jpg").

    >>> _marked("12/19/2025 • Coast News • Ann Lee", 7), _marked("Divers inspect the piers and ...", 6)
    (True, True)
    >>> _marked("harbour_at_dawn.JPG", 1), _marked("Ferry fares rise in spring", 5)
    (True, False)
    """
    if text.endswith(_TRUNCATED) or any(t in text for t in _CUT_SHORT):
        return True
    low = text.casefold()
    if any(p in low for p in _PICTURES):
        return True
    if n > 12:
        return False
    return bool(DATELINE_RE.search(text)) or (
        any(c.isdigit() for c in text) and not MONTHS.isdisjoint(low.replace(",", " ").split())
    )


# A whole date in figures ("20.11.2021", "11/20/2021", "2021-11-20") and a separator
# opening a line: a teaser's date before its title and summary
_DATED = compile_re(r"(?:\d{1,2}[./]\d{1,2}[./](?:\d\d|\d{4})|\d{4}-\d{1,2}-\d{1,2}) [-–|·•] ")


def _dated(text: str, n: int, most: int = 80) -> bool:
    """Whether a kept part is a teaser written on one line: it opens with a whole date in
    figures ("20.11.2021", "11/20/2021", "2021-11-20") and a separator ("-", "|", "·",
    "•"), then the title and its summary, ``most`` words in all. An article's own
    paragraphs open with a date in words ("Am 20. November ..."), a year alone or a
    time ("8 p.m.: ...").

    >>> _dated("20.11.2021 - Harbour Ferry fares rise in spring as fuel costs climb", 12)
    True
    >>> _dated("2021 - the year the ferry stopped", 7), _dated("20.11.2021 Die Fähre fuhr.", 4)
    (False, False)
    """
    return 4 <= n <= most and _DATED.match(text) is not None


def _teaser_run(
    texts: list[str], sizes: list[int], k: int, run: int = 3, summary: int = 60, window: int = 40
) -> tuple[int, int]:
    """The titles of the list of other articles that the kept parts from ``k`` on open
    with, and the parts of it that bear a teaser's mark (:func:`_marked`; a title
    printed twice counts too; a date line is both). The list goes on while each part
    is title-shaped (a question too when it is a list's item: teasers' titles ask,
    and an FAQ's questions stand alone), marked, or a part of
    ``summary`` words at most right under one of those (a teaser's summary: never two
    in a row); (0, 0) when it holds fewer than ``run`` titles. It is looked for in the
    ``window`` parts from ``k``.

    >>> texts = ["Ferry fares rise in spring", "Dec 17, 2025", "New lifeboat for the island", "Dec 16, 2025",
    ...          "Harbour master to retire", "Dec 15, 2025"]
    >>> _teaser_run(texts, [5, 3, 5, 3, 4, 3], 0)
    (6, 3)
    """
    titles = marks = 0
    end, summed = len(texts), True
    # (enough is seen when the run holds its titles and three marks, and a window of
    # parts bounds the search, however many closing lines the page has)
    for j in range(k, min(end, k + window)):
        if titles >= run and marks >= 3:
            break
        text, n = texts[j], sizes[j]
        marked = _marked(text, n)
        titled = (_title(text, n) or (2 <= n <= 20 and text.startswith(BULLETS) and text.endswith(("?", "？")))) and (
            j + 1 == end or not texts[j + 1][:1].islower()
        )
        if _dated(text, n):  # (a teaser on one line: its date, title and summary)
            marked = titled = True
        if marked:
            marks += 1
        if titled:
            titles += 1
            if j > k and texts[j - 1] == text:
                marks += 1
        if not (marked or titled):
            if n > summary or summed:
                break
            summed = True
            continue
        summed = False
    return (titles, marks) if titles >= run else (0, 0)


def _furniture_block(
    texts: list[str], prose: list[int], k: int, gap: set[str], words: int = 6, paragraphs: int = 1
) -> bool:
    """Whether the kept parts from ``k`` on are a box under a closing heading rather
    than more of the article: the heading is short (``words`` at most: "Share this",
    "About the author"), at most one paragraph of prose stands below it, no line goes
    on in lower case (the lines of a paragraph hard-wrapped at an odd width), and at
    most one line asks a question (questions and their short answers are an FAQ)."""
    return (
        all(len(t.split()) <= words for t in gap)
        and sum(1 for p in prose[k:] if p) <= paragraphs
        and not any(t[:1].islower() for t in texts[k:])
        and sum(1 for t in texts[k:] if t.rstrip(CLOSING_QUOTES).endswith(("?", "？"))) <= 1
    )


def _cells(doc: Document, groups: list[list[Line]], k: int) -> bool:
    """Whether a table layout's cells share the lines from group ``k`` on, or the
    closing lines above it (a run of three spaces inside a line): the columns stage
    cuts them later, and what looks like the page's end may be another cell's."""
    lines = doc.lines[groups[k - 1][-1].number : groups[-1][-1].number]
    return any("   " in _unboxed(line.text.strip()) for line in lines)


# a form's empty text box: "[" and a space, then spaces up to "]"
_EMPTY_BOX = compile_re(r"\[ \s*+\]")


def _unboxed(text: str) -> str:
    """A line without a form's empty text boxes ("Comment [          ]"), whose
    spaces are no gap between a table's cells.

    >>> _unboxed("Comment * [                    ] (required)")
    'Comment * [] (required)'
    """
    return _EMPTY_BOX.sub("[]", text) if "[ " in text else text


def _closing(line: Line, markers: frozenset[int]) -> frozenset[str]:
    """What a line removed as named debris that ends an article says (its rule's
    categories, one of them in ``_CLOSING``; ``related`` for an end-of-article
    heading), empty for any other line."""
    if line.number in markers:
        return _RELATED
    removal = line.removal
    if removal is None or removal.stage not in DEBRIS_STAGES:
        return frozenset()
    cats = frozenset(removal.rule.partition(":")[2].split("+"))
    return cats if not cats.isdisjoint(_CLOSING) else frozenset()


def _row(gap: set[str]) -> bool:
    """Whether the closing lines of a gap (case-folded) are a share row or a comment
    section's lines rather than a subhead or a list that the phrases match: not one
    word alone other than "Share", not numbered lines ("1. Facebook").

    >>> _row({"share this:"}), _row({"share"}), _row({"google"}), _row({"• 1. facebook", "• 2. instagram"})
    (True, True, False, False)
    """
    if len(gap) == 1:
        words = next(iter(gap)).strip("*•-+:： ").split()
        if len(words) == 1 and words[0] not in _SHARE_WORDS:
            return False
    return not any(t.lstrip("*•-+ ")[:1].isdigit() for t in gap)


def _schedule(texts: list[str], k: int, run: int = 3) -> bool:
    """Whether ``run`` kept parts in a row from ``k`` on open with a time or a number
    and a colon or a dash soon after: a timeline or a schedule, the article's box.

    >>> _schedule(["8 p.m.: Police called", "10:50 p.m.: Fire crews arrive", "11 p.m. - Road closed"], 0)
    True
    >>> _schedule(["10 best harbours", "12 ferry routes to try", "5 islands"], 0)
    False
    """

    def timed(t: str) -> bool:
        head = t[:15]
        return t[:1].isdigit() and (":" in head or " - " in head or "–" in head)

    return any(all(timed(t) for t in texts[j : j + run]) for j in range(k, len(texts) - run + 1))


# the mark of a reply's subject line: English and Latin "Re:", German "AW:",
# Scandinavian "SV:", Polish "Odp:"
_REPLY_MARKS = frozenset({"re", "aw", "sv", "odp"})


def _reply(text: str) -> bool:
    """Whether a kept part opens with a reply's subject mark.

    >>> _reply("Re: What could go wrong? (Score:3)"), _reply("AW: Kurze Antwort"), _reply("Reading: a list")
    (True, True, False)
    """
    if text[:2] in ("* ", "• ", "o "):
        text = text[2:]
    head, colon, _ = text[:6].partition(":")
    return bool(colon) and head.casefold() in _REPLY_MARKS


def reply_thread(doc: Document, ctx: Context, *, solid: int = 150, replies: int = 3) -> None:
    """Remove a comment thread of replies under the article: rule ``reply-thread``.

    ``replies`` kept parts or more that open with a reply's subject mark ("Re:"),
    the first of them under ``solid`` words of prose: everything from the closing
    debris nearest above that first reply (within half as much prose as the article
    has above it), or from the reply itself, to the page's end.
    """
    groups, texts, sizes = kept_parts(doc)
    marks = [k for k, text in enumerate(texts) if _reply(text)]
    if len(marks) < replies:
        return
    prose = [prose_words(t, n) for t, n in zip(texts, sizes)]
    first = marks[0]
    above = sum(prose[:first])
    if above < solid:
        return
    between = doc.lines[groups[0][-1].number : groups[first][0].number - 1]
    markers = frozenset(end_markers(doc, ctx.pack(doc).markers, between))
    cut, k = first, first
    while k > 0 and sum(prose[k:first]) < 0.5 * above:
        gap = doc.lines[groups[k - 1][-1].number : groups[k][0].number - 1]
        if any(_closing(line, markers) for line in gap):
            cut = k
            break
        k -= 1
    for g in groups[cut:]:
        for line in g:
            doc.remove(line, "furniture", "reply-thread")


def _card_title(texts: list[str], sizes: list[int], k: int) -> bool:
    """Whether the kept parts ``k`` and ``k + 1`` are one teaser's title printed twice:
    its picture's link or alt text (the title, or a few words and the title: "Image
    for: ...", a video's length) and its headline; not a title printed three times (a
    gallery's picture, its link and its caption)."""
    title, link = texts[k + 1], texts[k]
    if not 2 <= sizes[k + 1] <= 20 or title[-1:] in ".:。：" or not link.endswith(title):
        return False
    if link != title and (len(link) == len(title) or len(link[: len(link) - len(title)].split()) > 6):
        return False
    return (k == 0 or texts[k - 1] != link) and (k + 2 == len(texts) or texts[k + 2] != title)


def teaser_cards(doc: Document, ctx: Context, *, least: int = 40, share: float = 0.5) -> None:
    """Remove a list of teaser cards under the article: rule ``teaser-cards``.

    Three teasers or more in a row, each a different title printed twice (a picture's
    link and a headline) and at most three lines more (a date, a "Read more", one
    paragraph of summary), two to five parts from one title to the next, under at least
    ``least`` words of prose and with less than ``share`` of that prose below them. A
    title printed three times is a gallery's picture; products or courses the article
    reviews have sections of their own, farther apart.
    """
    groups, texts, sizes = kept_parts(doc)
    if len(groups) < 7:
        return
    prose = [prose_words(t, n) for t, n in zip(texts, sizes)]
    pairs = [k for k in range(len(texts) - 1) if _card_title(texts, sizes, k)]
    spans: list[tuple[int, int]] = []
    j = 0
    while j < len(pairs):
        chain = [pairs[j]]
        while j + 1 < len(pairs) and 2 <= pairs[j + 1] - chain[-1] <= 5:
            j += 1
            chain.append(pairs[j])
        j += 1
        titles = {texts[k + 1] for k in chain}
        if len(chain) < 3 or len(titles) < len(chain):
            continue
        start, end = chain[0], min(len(groups), chain[-1] + min(b - a for a, b in zip(chain, chain[1:])))
        # a teaser's summary is one paragraph at most: a section of its own is the article's
        if any(sum(1 for p in prose[a + 2 : b] if p) > 1 for a, b in zip(chain, [*chain[1:], end])):
            continue
        above, below = sum(prose[:start]), sum(prose[end:])
        if above >= least and below < share * above:
            spans.append((start, end))
    for start, end in spans:
        for g in groups[start:end]:
            for line in g:
                doc.remove(line, "furniture", "teaser-cards")


def after_article(
    doc: Document,
    ctx: Context,
    *,
    share: float = 0.2,
    twice: float = 1.5,
    least: int = 40,
    solid: int = 150,
    half: float = 0.5,
) -> None:
    """Remove the list of other articles kept below the article (see the module):
    rule ``after-article``. ``least``: the prose words the article above must have;
    ``solid`` and ``half``: the article's prose above a share row or a comment section
    that ends it, and the share of it that may stand below. A second copy of a long
    run of the article goes first (:func:`second_copy`), and an author's box
    (:func:`~newsclean.stages.author_box.author_box`) and a list of teaser cards last
    (:func:`teaser_cards`)."""
    link_header(doc, ctx)
    reply_thread(doc, ctx, solid=solid)
    second_copy(doc, ctx)
    contents_unheaded(doc, ctx)
    _below_closing(doc, ctx, share, twice, least, solid, half)
    parts = kept_parts(doc)
    if author_box(doc, ctx, solid=solid, share=share, parts=parts):
        parts = kept_parts(doc)  # (without the box)
    byline_bio(doc, ctx, least=solid, share=share, parts=parts)
    teaser_cards(doc, ctx)


def _below_closing(
    doc: Document, ctx: Context, share: float, twice: float, least: int, solid: int, half: float
) -> None:
    markers: frozenset[int] | None = None
    while True:  # until nothing more goes: a second run finds nothing to remove
        groups, texts, sizes = kept_parts(doc)
        if len(groups) < 2:
            return
        if markers is None:  # the headings between the kept parts (lines' texts do not change here)
            between = doc.lines[groups[0][-1].number : groups[-1][0].number - 1]
            markers = frozenset(end_markers(doc, ctx.pack(doc).markers, between))
        prose = [prose_words(t, n) for t, n in zip(texts, sizes)]
        gaps: list[set[str]] = []
        # per gap: 2, its closing lines end the article for certain and a box may follow;
        # 1, they end it; 0, they may not; -1, only an advertisement's label
        final: list[int] = []
        for g, h in zip(groups, groups[1:]):
            found = [(ln.text.strip().casefold(), _closing(ln, markers)) for ln in doc.lines[g[-1].number : h[0].number - 1]]
            gaps.append({t for t, cats in found if cats})
            # (an advertisement's label alone opens no box: a sponsor's box or the article goes on)
            ends = [c for _, c in found if c and c != _ADVERTISING]
            final.append(-1 if not ends else 2 if all(c <= _LAST for c in ends) else 1 if all(c <= _FINAL for c in ends) else 0)
        seen: dict[str, int] = {}
        for gap in gaps:
            for text in gap:
                seen[text] = seen.get(text, 0) + 1
        total, above, cut = sum(prose), prose[0], None
        for k in range(1, len(groups)):
            gap = gaps[k - 1]
            if (
                final[k - 1] == 2
                and above >= solid
                and total - above < half * above
                and _row(gap)
                and not _schedule(texts, k)
                and not _cells(doc, groups, k)
            ):
                cut = k
                break
            if gap and above >= least and any(seen[t] == 1 for t in gap) and not _cells(doc, groups, k):
                listed, doubled = _teasers(texts, sizes, k)
                if not listed and all(len(t.split()) <= 6 for t in gap):
                    titles, marks = _teaser_run(texts, sizes, k)
                    listed, doubled = titles > 0, marks >= 3
                below = total - above
                if (listed and (below < share * above or (doubled and below < twice * above))) or (
                    below < share * above
                    and final[k - 1] >= 0
                    and _furniture_block(texts, prose, k, set() if final[k - 1] else gap, paragraphs=3 if final[k - 1] == 2 else 1)
                ):
                    cut = k
                    break
            above += prose[k]
        if cut is None:
            return
        for g in groups[cut:]:
            for line in g:
                doc.remove(line, "furniture", "after-article")
