"""Choosing the article region: the run of units that maximises the summed scores, the
headline above it, and where it ends (an end-of-article heading, a comment section).

>>> _best_run([-1.0, 2.0, -0.5, 3.0, -4.0], 0, 5)
(4.5, 1, 3)
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

from ...document import Document, Line
from ...language import stopword_density
from ...regexes import compile_pattern
from ...signals import Signal
from ...tokens import find_words
from .features import BULLETS, DATELINE_RE, MONTHS, TERMINAL, Unit


def end_markers(doc: Document, markers: Mapping[tuple[str, ...], str], lines: Sequence[Line] | None = None) -> list[int]:
    """Line numbers of end-of-article headings ("Related stories", "Comments"...)
    among ``lines`` (all the page's lines by default)."""
    found = []
    if markers:
        longest = max(len(m) for m in markers)
        # a page repeats its menu lines: each text judged once, per document and
        # markers (the after-article judges ask again; the entry holds the markers,
        # so their id is not reused while it stands)
        judged = doc.view("end_markers", lambda d: {})
        entry = judged.get(id(markers))
        if entry is None or entry[0] is not markers:
            entry = judged[id(markers)] = (markers, {})
        seen: dict[str, bool] = entry[1]
        for line in doc.lines if lines is None else lines:
            text = line.text
            if not text or len(text) > 80:
                continue
            hit = seen.get(text)
            if hit is None:
                words = tuple(find_words(text.casefold()))
                hit = seen[text] = 0 < len(words) <= longest and words in markers
            if hit:
                found.append(line.number)
    return sorted(found)


def comment_attributions(doc: Document) -> list[int]:
    """Line numbers of comment attribution lines ("Posted by Ann on 3 May 2008"), as
    the boilerplate-sentences stage signals them."""
    return [
        line.number
        for line in doc.lines
        if line.removal is not None and Signal.COMMENT_ATTRIBUTION in line.removal.signal
    ]


def _trim_tail(
    values: list[float],
    lo: int,
    hi: int,
    solid: Sequence[bool],
    named: Sequence[bool],
    sizes: Sequence[int],
    *,
    width: int = 2,
    share: float = 0.15,
    ratio: float = 0.1,
) -> tuple[int, int]:
    """The run ``lo..hi`` without the furniture the maximum-sum run took in at its end.

    The run bridges a gap of debris whenever what lies beyond weighs more than the
    gap: a sentence or two of an author's box, a comment or a newsletter form after a
    row of teasers or a share bar. A gap is ``width`` or more units in a row that
    score below the bias, none of them prose or a list item (``solid``), with named
    debris among or around them (``named``: a share or related phrase, a boilerplate
    sentence, an end-of-article heading). The part past the last gap goes when it
    weighs less than ``share`` of what stands before it, and the gap weighs at least
    ``ratio`` of it (a subhead or two between long sections is no gap); then the
    part before it is judged the same way. The region's head is never trimmed here:
    a lede and a standfirst above a photo are small and are article text.

    >>> values = [3.0, 2.5, 2.0, -0.4, -0.5, -0.3, 0.6]
    >>> solid = [True, True, True, False, False, False, True]
    >>> sizes = [40, 30, 30, 3, 4, 2, 25]
    >>> _trim_tail(values, 0, 6, solid, [False, False, False, False, True, False, False], sizes)
    (0, 2)
    >>> _trim_tail(values, 0, 6, solid, [False] * 7, sizes)  # no named debris: a picture's captions
    (0, 6)
    """
    # short lines under named debris after the last paragraph (prose, a list item or
    # a long unit) are no article text either: a teaser's headline under a share row
    t = hi
    while t > lo and not solid[t] and sizes[t] <= 12:
        t -= 1
    if (solid[t] or sizes[t] > 12) and t < hi and any(named[t + 1 : hi + 1]):
        hi = t
    parts = []
    gaps: list[float] = []  # the weight of the gap before each part but the first
    start = i = lo
    while i <= hi:
        if values[i] >= 0 or solid[i]:
            i += 1
            continue
        j = i
        while j + 1 <= hi and values[j + 1] < 0 and not solid[j + 1]:
            j += 1
        if j - i + 1 >= width and any(named[i : j + 2]):
            parts.append((start, i - 1))
            gaps.append(-sum(values[i : j + 1]))
            start = j + 1
        i = j + 1
    if not parts:
        return lo, hi
    parts.append((start, hi))
    sums = [sum(values[a : b + 1]) for a, b in parts]
    last = len(parts) - 1
    while last > 0 and sums[last] < share * sum(sums[:last]) and gaps[last - 1] >= ratio * sums[last]:
        last -= 1
    return lo, parts[last][1]


def _best_run(values: list[float], a: int, b: int) -> tuple[float, int, int]:
    """The maximum-sum run of ``values[a:b]`` (Kadane): (sum, first, last)."""
    best, best_lo, best_hi = -math.inf, a, a - 1
    run, lo = 0.0, a
    for i in range(a, b):
        if run <= 0:
            run, lo = values[i], i
        else:
            run += values[i]
        if run > best:
            best, best_lo, best_hi = run, lo, i
    return best, best_lo, best_hi


def _best_prose_run(values: Sequence[float], prose: Sequence[bool], a: int, b: int) -> tuple[float, int, int]:
    """The maximum-sum run of ``values[a:b]`` that holds at least one prose unit:
    (sum, first, last), or (-inf, a, a - 1) when no unit there is prose.

    >>> _best_prose_run([5.0, -1.0, 0.5, -0.2, 2.0], [False, False, True, False, False], 0, 5)
    (6.3, 0, 4)
    >>> _best_prose_run([5.0, -9.0, 0.5, -0.2], [False, False, True, False], 0, 4)
    (0.5, 2, 2)
    >>> _best_prose_run([5.0, -9.0, 0.5, -0.2], [False, False, True, False], 3, 4)
    (-inf, 3, 2)
    """
    best, best_lo, best_hi = -math.inf, a, a - 1
    run, lo = -math.inf, a  # the best run ending here, prose or not
    with_prose, wp_lo = -math.inf, a  # the best run ending here that holds prose
    for i in range(a, b):
        v = values[i]
        if run <= 0:
            run, lo = v, i
        else:
            run += v
        if prose[i]:
            with_prose, wp_lo = run, lo
        elif with_prose > -math.inf:
            with_prose += v
        if with_prose > best:
            best, best_lo, best_hi = with_prose, wp_lo, i
    return best, best_lo, best_hi


def _comment_form_above(doc: Document, units: list[Unit], lo: int) -> int | None:
    """The first unit after the last comment form above unit ``lo``, or None (see
    :func:`_comment_form`). A blog prints its post, then the comment form, then
    the sidebar.

    >>> doc = Document.from_text("Post text.\\n\\nLeave a comment\\n\\nName ______\\n\\nEmail ______\\n\\nAbout me: I sail.")
    >>> doc.remove(doc.lines[2], "boilerplate-lines", "phrase:comments")
    >>> doc.remove(doc.lines[4], "layout", "form-field")
    >>> doc.remove(doc.lines[6], "layout", "form-field")
    >>> from .features import build_units
    >>> units = build_units(doc, None)
    >>> _comment_form_above(doc, units, 1), _comment_form_above(doc, units, 0), _comment_form_inside(doc, units, 0, 1)
    (1, None, 1)
    """
    top = units[lo].lines[0].number - 1  # the unit's first line, 0-based
    k = next((k for k in range(top - 1, -1, -1) if _comment_form(doc.lines, k)), None)
    return None if k is None else _unit_after(units, k, 0, lo)


def _page_foot_above(doc: Document, units: list[Unit], lo: int) -> int | None:
    """The first unit after the last page footer above unit ``lo``, or None: a line
    removed as a footer sentence ("© 2024 Example Media") with a footer's link
    ("Imprint", "Terms of use") within eight lines of it. A copyright line alone,
    or among more of them, credits a picture ("© Photo Agency").

    >>> doc = Document.from_text("Post text.\\n\\n© 2024 Kilmore News\\n\\nImprint\\n\\nWe use cookies.")
    >>> doc.remove(doc.lines[2], "boilerplate-sentences", "pattern:footer")
    >>> from .features import build_units
    >>> units = build_units(doc, None)
    >>> _page_foot_above(doc, units, 2)
    >>> doc.remove(doc.lines[4], "boilerplate-lines", "phrase:footer")
    >>> _page_foot_above(doc, build_units(doc, None), 1)
    1
    """
    lines = doc.lines
    top = units[lo].lines[0].number - 1  # the unit's first line, 0-based
    for k in range(top - 1, -1, -1):
        removal = lines[k].removal
        if removal is None or removal.rule != "pattern:footer":
            continue
        near = [ln for ln in lines[max(0, k - 8) : k + 9] if ln is not lines[k]]
        if any(ln.removal is not None and ln.removal.rule == "phrase:footer" for ln in near):
            return _unit_after(units, k, 0, lo)
    return None


def _comment_form_inside(doc: Document, units: list[Unit], lo: int, hi: int) -> int | None:
    """The first unit after the first comment form between units ``lo`` and
    ``hi``, or None (see :func:`_comment_form`): the run bridged from the post
    to the sidebar below its comment form."""
    first, past = units[lo].lines[-1].number, units[hi].lines[0].number - 1
    k = next((k for k in range(first, past) if _comment_form(doc.lines, k)), None)
    return None if k is None else _unit_after(units, k, lo + 1, hi)


def _unit_after(units: list[Unit], k: int, first: int, last: int) -> int:
    """The first of units ``first`` to ``last`` that starts below doc line ``k``
    (0-based): where the article may start again past a form or a footer. The caller
    knows that unit ``last`` starts below it."""
    return next(i for i in range(first, last + 1) if units[i].lines[0].number > k + 1)


def _comment_form(lines: Sequence[Line], k: int, reach: int = 24) -> bool:
    """Whether line ``k`` (0-based) was removed as a comment phrase ("Leave a
    comment", "Kommentar abschicken") with two text fields or more (see
    :func:`_text_field`: a name, an e-mail, a comment box) within ``reach`` lines
    of it: a comment form. A toolbar's "Comments" link above an article has at
    most a search box beside it; a Q&A page's "Add a comment" link over the
    answers, a sort box."""
    removal = lines[k].removal
    if removal is None or removal.rule != "phrase:comments":
        return False
    near = lines[max(0, k - reach) : k + reach + 1]
    return sum(1 for ln in near if ln.removal is not None and _text_field(ln.text)) >= 2


def _text_field(text: str) -> bool:
    """Whether a line holds a form's text field as the dumpers print it: a run of
    underscores, after a label or alone ("Name * ________"), or empty brackets
    ("[              ]"); not a select box's value in brackets ("[Newest first____]")
    nor a check box ("[ ]").

    >>> [_text_field(t) for t in ("Name * ____________", "____________", "[        ] [      ]", "[Newest first____]", "[ ]", "Name")]
    [True, True, True, False, False, False]
    """
    body = text.strip()
    if body.startswith("[") and body.endswith("]"):
        return len(body) >= 6 and not body.strip("[] ")
    return "____" in body


# A form's widget as the dumpers print it in front of its label: a check box or a
# radio button ("[ ] Notify me of new posts", "(*) Daily").
_WIDGETS = frozenset(["[ ]", "[x]", "[X]", "[*]", "( )", "(*)", "(x)", "(X)"])


def _widget(text: str) -> bool:
    """Whether a unit's text starts with a form's widget: a check box or a radio
    button. No article prints one; a comment form, a sign-up box and a poll do.

    >>> [_widget(t) for t in ("[ ] Notify me of new posts by email.", "(*) Daily", "[1] A note", "(a) The first point")]
    [True, True, False, False]
    """
    body = text.lstrip()
    return body[:3] in _WIDGETS and body[3:4].isspace()


def select(
    doc: Document,
    units: list[Unit],
    params: Mapping[str, float],
    markers: Sequence[int] = (),
    comments: Sequence[int] | None = None,
    prose: Sequence[bool] | None = None,
) -> None:
    """Choose the article region(s) and mark everything else removed.

    The main region is the maximum-sum run of (probability - bias) weighted by length,
    so one long paragraph outweighs a handful of menu items; a form's check box or
    radio button (see :func:`_widget`) counts as probability 0, whatever its label. Further runs on either
    side are kept when they weigh at least ``second`` times the main one (an article
    split by a photo or an advertisement block), but not past an end-of-article
    heading; a run within ``near`` units of a kept one needs only ``near_share`` of
    that (a lede above a sidebar box of links). So are runs of confident prose
    (``strong``) of 40 words or more. The main run holds a sentence of prose, when
    the page has any: a heavier run of form fields, headings or tags without one
    (a log-in box, a tag cloud) is no article, nor kept beside it (see
    :func:`_best_prose_run`). Before that, the main run's tail is trimmed of
    the furniture it bridged to (see :func:`_trim_tail`: teasers under a share row, an
    author's box past a row of teasers). Lengths are word-equivalents (``Unit.size``).
    """
    bias = params.get("bias", 0.5)
    low = params.get("low", 0.2)
    second = params.get("second", 0.3)
    near, near_share = int(params.get("near", 0)), params.get("near_share", 1.0)
    values = [((0.0 if _widget(u.text) else u.prob) - bias) * (1 + math.sqrt(u.size)) for u in units]
    best, lo, hi = _best_run(values, 0, len(units))
    dropped = (len(units), -1)  # a run without prose that lost the main region
    if hi < lo:
        return
    if prose is not None and not any(prose[lo : hi + 1]):
        # an article has a sentence in it: a run of form fields, headings or tags that
        # outweighs the page's prose is no article when a run with prose weighs too
        total, l2, h2 = _best_prose_run(values, prose, 0, len(units))
        if total > 0:
            dropped = (lo, hi)
            best, lo, hi = total, l2, h2
    thread = len(units)  # where a comment thread the main run stood on begins
    if prose is not None and _thread_head(units, lo, hi, prose):
        # the heaviest run is a comment thread that starts at its head: the article
        # is the run with prose above it, and nothing from the thread on is article text
        total, l2, h2 = _best_prose_run(values, prose, 0, lo)
        if total > 0:
            thread = lo
            best, lo, hi = total, l2, h2
    if prose is not None:
        # the heaviest run stands below a comment form (a sidebar's about box, a
        # cookie notice at the page's foot): the article is the run with prose above it
        form = _comment_form_above(doc, units, lo) if lo > 0 else None
        if form is None and lo > 0:
            # ... or below the page's footer (a cookie notice or a log-in box the
            # dumper printed after the page)
            form = _page_foot_above(doc, units, lo)
        if form is not None:
            total, l2, h2 = _best_prose_run(values, prose, 0, form)
            if total > 0:
                thread = min(thread, form)
                best, lo, hi = total, l2, h2
        # ... or within it, the run bridged the form: the article ends above it
        form = _comment_form_inside(doc, units, lo, hi) if hi > lo else None
        if form is not None and any(prose[lo:form]):
            thread = min(thread, form)
            hi = form - 1
    if prose is not None:
        # lists, tables and numbered items are article structure, not a gap
        solid = [p or u.bullet or u.columns or _is_numbered(u.text) for p, u in zip(prose, units)]
        named = _debris_between(doc, units, markers, strict=True)
        lo, hi = _trim_tail(values, lo, hi, solid, named, [u.size for u in units])
        best = sum(values[lo : hi + 1])
    if comments is None:
        comments = comment_attributions(doc)
    end = _cut_at_marker(units, lo, hi, markers, bias, comments)
    limit = min(thread, len(units) if end == hi else end + 1)
    # past a comment section nothing is article text, however well written
    last = min(thread - 1, end if len(comments) >= 2 and end < hi else len(units) - 1)
    regions = [(lo, end)]
    todo = [(0, lo), (end + 1, len(units))]
    while todo:
        a, b = todo.pop()
        if b <= a:
            continue
        total, l2, h2 = _best_run(values, a, b)
        if h2 < l2:
            continue
        run = units[l2 : h2 + 1]
        if l2 <= dropped[1] and h2 >= dropped[0] and prose is not None and not any(prose[l2 : h2 + 1]):
            todo += [(a, l2), (h2 + 1, b)]  # ... is no part of the article either
            continue
        # a run close to a kept region (an article split by a sidebar box) needs less
        gap = min((l2 - h - 1 if l2 > h else l - h2 - 1) for l, h in regions)
        need = second * best * (near_share if gap <= near else 1.0)
        if total >= need and max(u.prob for u in run) >= 0.5 and h2 < limit:
            regions.append((l2, h2))
            todo += [(a, l2), (h2 + 1, b)]
    # A run of confident prose is article text wherever it stands: an article split by
    # a video box, or continued after an embedded comment box.
    strong = params.get("strong", 0.85)
    inside: set[int] = set()
    for l2, h2 in regions:
        inside.update(range(l2, h2 + 1))
    i = 0
    while i <= last:
        if i in inside or units[i].prob < strong:
            i += 1
            continue
        j = i
        while j + 1 <= last and j + 1 not in inside and units[j + 1].prob >= strong:
            j += 1
        if sum(u.size for u in units[i : j + 1]) >= 40:
            regions.append((i, j))
        i = j + 1
    keep = [False] * len(units)
    inner = [False] * len(units)
    for l2, h2 in regions:
        for i in range(_extend_to_headline(units, l2, lede=(l2, h2) == regions[0]), h2 + 1):
            keep[i] = True
        for i in range(l2, h2 + 1):
            inner[i] = True
    if prose is not None:
        # article-internal structure: lists, tables, code and subheads between the
        # region's prose and more prose below it
        bound = min(limit - 1, last)
        # a lone navigation word ("Features", "Services") that the article repeats
        # in section after section is a subhead, no end of the article
        subheads = _repeated_words(doc)
        debris = _debris_between(doc, units, markers, subheads=subheads, lists=True)
        # past named debris inside the region, the article has ended already
        # (from its last prose unit: the region may end on the first item of a list)
        tail = end
        while tail > lo and not prose[tail]:
            tail -= 1
        upto = end
        while prose[tail] and not _ended_inside(units, lo, upto, prose, debris):
            nxt, nxt_end = min([r for r in regions if r[0] > upto], default=(len(units), len(units)))
            stop = min(bound, nxt - 1)
            reached = _extend_structure(units, lo, tail, stop, prose, debris, joins=stop == nxt - 1)
            for i in range(upto + 1, reached + 1):
                keep[i] = True
            if reached < nxt - 1 or nxt_end >= bound:
                break
            # the walk joined the next kept part of the article: on from its end
            # (a later round keeps the article's first part as its main region)
            upto = tail = nxt_end
            while tail > nxt and not prose[tail]:
                tail -= 1
        # ... and above its first prose unit, the same way up (debris below that unit,
        # at the region's end, says nothing about what stands above it)
        head = lo
        while head < end and not prose[head]:
            head += 1
        if prose[head] and not any(debris[lo + 1 : head + 1]):
            prv = max([h3 for _, h3 in regions if h3 < lo], default=-1)
            # a lone toolbar word ("Print") between a recipe's or a report's lede and
            # its body stops no walk up: a menu names its words in runs
            tools = _past_lone_words(doc, units, debris, markers, subheads)
            first = _extend_up(units, head, prv + 1, prose, tools, joins=prv >= 0, below=end + 1)
            for i in range(_extend_to_headline(units, first, lede=True), lo):
                keep[i] = True
        # the headline and standfirst above a byline, a share row or a table of contents
        top = lo
        while top > 0 and keep[top - 1]:
            top -= 1
        for i in _standfirst_above(units, top, prose):
            keep[i] = True
        # a standfirst set without a full stop right above the article's first kept unit
        lede = _unstopped_lede(units, keep.index(True), prose, doc.language or "", doc.lines) if any(keep) else None
        if lede is not None:
            keep[lede] = True
    for i, u in enumerate(units):
        if keep[i]:
            if inner[i] and u.prob < low:
                for line in u.lines:
                    doc.remove(line, "content", f"low-content:{u.prob:.2f}", Signal.STATISTICAL)
            continue
        for line in u.lines:
            doc.remove(line, "content", f"outside-article:{u.prob:.2f}", Signal.STATISTICAL)


def _ended_inside(
    units: list[Unit], lo: int, end: int, prose: Sequence[bool], debris: Sequence[bool], share: float = 0.15
) -> bool:
    """Whether the article ended inside the region ``lo..end``: named debris stands
    in it, and what follows the last of it is no more than a paragraph, or its prose
    weighs less than ``share`` of the prose above (an author's box after a share
    row). Debris with more of the article after it is an insert: an advertisement
    or a "Related: ..." line between two sections.

    >>> from newsclean.document import Document
    >>> from .features import build_units
    >>> units = build_units(Document.from_text("a\\n\\nb\\n\\nc\\n\\nd"), None)
    >>> for u in units:
    ...     u.size = 40
    >>> _ended_inside(units, 0, 3, [True] * 4, [False, False, False, True])  # one paragraph after it
    True
    >>> _ended_inside(units, 0, 3, [True] * 4, [False, False, True, False])  # two
    False
    """
    last = max((k for k in range(lo + 1, end + 1) if debris[k]), default=None)
    if last is None:
        return False
    after = [u.size for u, p in zip(units[last : end + 1], prose[last : end + 1]) if p]
    before = sum(u.size for u, p in zip(units[lo:last], prose[lo:last]) if p)
    return len(after) < 2 or sum(after) < share * before


# A numbered list item ("1. Multimeter", "2) Wire strippers", "100. Kilmore Pier" in a
# top-100 list).
_NUMBERED_RE = compile_pattern(r"(\d{1,3})[.)] ")


def _is_numbered(text: str) -> bool:
    """A numbered item, its number standing alone ("3.") above the item's name, or an
    entry of a timeline ("2009 Second house finished").

    >>> [_is_numbered(t) for t in ("2. Tie the line", "3.", "2009 Work ends", "2009", "Home")]
    [True, True, True, True, False]
    >>> [_is_numbered(t) for t in ("99. Ferry Lane", "100. Kilmore Pier", "1000. Tide")]
    [True, True, False]
    """
    if len(text) >= 4 and text[:4].isdigit() and text[4:5] in ("", " ", ":", "–", "-"):
        return True
    return bool(_NUMBERED_RE.match(text)) or (len(text) <= 4 and text.rstrip(".)").isdigit() and text[-1:] in ".)")


# A time of day ("07:52 PM", "19:45"): beside a name, a comment's or a news list's stamp.
_CLOCK_RE = compile_pattern(r"\b\d{1,2}:\d\d\b")


def _stamp(u: Unit) -> bool:
    """A time or date stamp: a short unit with a time of day ("Ann 07:52 PM"), or one
    that is little more than a date ("March 4, 2026", "3/13/2026"). Beside a name or
    a headline it dates a comment or a teaser, not a paragraph of the article.

    >>> from newsclean.document import Document
    >>> from .features import build_units
    >>> [_stamp(u) for u in build_units(Document.from_text("March 4, 2026\\n\\nBill 19:45\\n\\nThe pier reopened in May 2026 after repairs."), None)]
    [True, True, False]
    """
    if u.size <= 12 and _CLOCK_RE.search(u.text):
        return True
    n = len(u.words)
    return n <= 4 and bool(DATELINE_RE.search(u.text)) and (n == 1 or not MONTHS.isdisjoint(u.words) or "/" in u.text)


def _thread_head(units: list[Unit], lo: int, hi: int, prose: Sequence[bool], least: int = 3) -> bool:
    """Whether the run ``lo..hi`` is a comment thread from its head: ``least`` or more
    lone stamps with a time of day in it ("Ann March 4, 2026 at 7:52 pm" above each
    comment, see :func:`_lone_stamp`), the first of them above the run's first
    paragraph of prose or right above the run (which may start at a comment's text). An article's own date stands above its text once; a news
    list's dates carry no time of day; a comment thread stamps every comment to the
    minute.

    >>> from newsclean.document import Document
    >>> from .features import build_units
    >>> text = "\\n\\n".join(f"Reader{i} May {i}, 2024 at 9:0{i} pm\\n\\nI liked this post a lot, thanks." for i in range(1, 4))
    >>> units = build_units(Document.from_text(text), None)
    >>> prose = [not _stamp(u) for u in units]
    >>> _thread_head(units, 0, 5, prose), _thread_head(units, 1, 5, prose), _thread_head(units, 0, 3, prose)
    (True, True, False)
    >>> _thread_head(units + units, 6, 11, prose + prose)  # comments below the article's own text
    True
    >>> _thread_head(units[1:] + units, 0, 10, prose[1:] + prose)
    False
    """
    def stamped(j: int) -> bool:
        return bool(_CLOCK_RE.search(units[j].text)) and _lone_stamp(units, j)

    # the first stamp stands above the first prose: look there first (most runs start
    # with prose, and then nothing more is read)
    first = next((j for j in range(lo, hi + 1) if prose[j]), hi + 1)
    head = next((j for j in range(max(0, lo - 2), first) if stamped(j)), None)
    return head is not None and sum(1 for j in range(head, hi + 1) if stamped(j)) >= least


def _marker(text: str) -> str:
    """The bullet a line starts with ("* ", "• "), or "" when it has none."""
    body = text.lstrip()
    return body[:2] if body.startswith(BULLETS) else ""


def _item_among(text: str, neighbours: Sequence[Unit]) -> bool:
    """Whether the line ``text`` is an item of a list that goes on in ``neighbours``:
    it starts with a bullet, and one of them starts with the same bullet.

    >>> from newsclean.document import Document
    >>> from .features import build_units
    >>> units = build_units(Document.from_text("* Rope\\n\\nHome"), None)
    >>> _item_among("* Audio", units), _item_among("• Audio", units), _item_among("Audio", units)
    (True, False, False)
    """
    mark = _marker(text)
    return bool(mark) and any(_marker(u.lines[0].text) == mark for u in neighbours)


def _lone_stamp(units: list[Unit], j: int) -> bool:
    """Unit ``j`` is a stamp (see :func:`_stamp`) and neither neighbour is one: the date
    of a teaser or a comment, which alternate with headlines and text. Dates or times
    one under the other are a column of a table, a schedule or a series of figures.

    >>> from newsclean.document import Document
    >>> from .features import build_units
    >>> units = build_units(Document.from_text("Pier reopens\\n\\nMarch 4, 2026\\n\\n1/3/2026\\n\\n1/4/2026"), None)
    >>> [_lone_stamp(units, j) for j in range(3)], _lone_stamp(units[:2], 1)
    ([False, False, False], True)
    """
    if not _stamp(units[j]):
        return False
    if _item_among(units[j].lines[0].text, [*units[max(0, j - 1) : j], *units[j + 1 : j + 2]]):
        return False  # an item of a list ("• Week 1: Base. (2:30-3:20hrs)"), no teaser's date
    return not ((j > 0 and _stamp(units[j - 1])) or (j + 1 < len(units) and _stamp(units[j + 1])))


# Stages whose removals name debris (menus, share rows, boilerplate sentences).
DEBRIS_STAGES = frozenset({"boilerplate-lines", "boilerplate-sentences", "template"})


def _named_debris(line: Line, markers: frozenset[int]) -> bool:
    removal = line.removal
    if line.number in markers:
        return True
    if removal is None:
        return False
    return removal.stage in DEBRIS_STAGES or (removal.stage == "layout" and removal.rule == "form-field")


def _furniture_named(line: Line, markers: frozenset[int]) -> bool:
    """:func:`_named_debris` less a lone navigation word ("Entertainment", "FAQ"), which
    may be a table's row label or a subhead as well as a menu item."""
    if not _named_debris(line, markers):
        return False
    removal = line.removal
    return line.number in markers or removal is None or removal.rule != "phrase:navigation" or " " in line.text.strip()


# Removals that name no menu, share row or footer: layout leftovers (an icon's mangled
# glyph, a code block's "javascript" label) and photo credits ("Photo by Ann Lee"),
# which stand among an article's paragraphs as often as anywhere else.
_INSIDE_RULES = frozenset({"phrase:layout", "phrase:credit", "pattern:credit"})


def _debris_between(
    doc: Document,
    units: list[Unit],
    markers: Sequence[int] = (),
    *,
    strict: bool = False,
    subheads: frozenset[str] = frozenset(),
    lists: bool = False,
) -> list[bool]:
    """For each unit, whether named debris stands between it and the unit before it: a
    line removed as a menu or share phrase, a boilerplate sentence or a form field, or
    an end-of-article heading ("Related stories"). ``strict``: not a lone navigation
    word (see :func:`_furniture_named`); nor one of the ``subheads``; with ``lists``,
    nor a menu phrase standing alone inside a list (see :func:`_inside_list`), nor a
    layout leftover (an icon's mangled glyph, a code block's "javascript" label) or a
    photo credit, which name no menu, share row or footer (see ``_INSIDE_RULES``)."""
    marked = frozenset(markers)
    judge = _furniture_named if strict else _named_debris
    flags = []
    for j in range(len(units)):
        named = _named_before(doc, units, j, marked, judge, subheads, lists)
        flags.append(bool(named) and not (lists and len(named) == 1 and _inside_list(units, j, named[0], marked)))
    return flags


def _named_before(
    doc: Document,
    units: list[Unit],
    j: int,
    marked: frozenset[int],
    judge: Callable[[Line, frozenset[int]], bool],
    subheads: frozenset[str],
    lists: bool,
) -> list[Line]:
    """The removed lines between unit ``j - 1`` and unit ``j`` that name debris (see
    :func:`_debris_between`)."""
    prev = units[j - 1].lines[-1].number if j else 0
    # (the judges name a removed line or a marker: the kept blank lines that part most
    # units are passed over without a call)
    return [
        ln
        for ln in doc.lines[prev : units[j].lines[0].number - 1]
        if (ln.removal is not None or ln.number in marked)
        and judge(ln, marked)
        and not (subheads and ln.text.strip() in subheads and ln.number not in marked)
        and not (lists and ln.number not in marked and ln.removal is not None and ln.removal.rule in _INSIDE_RULES)
    ]


def _past_lone_words(
    doc: Document, units: list[Unit], debris: list[bool], markers: Sequence[int], subheads: frozenset[str]
) -> list[bool]:
    """``debris`` (:func:`_debris_between` with ``lists``) without the units that only
    a lone navigation word ("Print", "Drucken") stands before, no end-of-article
    heading: a toolbar's word, where a menu names its words in runs. Only the flagged
    units are judged again."""
    marked = frozenset(markers)
    out = list(debris)
    for j, flagged in enumerate(debris):
        if flagged:
            named = _named_before(doc, units, j, marked, _named_debris, subheads, True)
            if len(named) == 1 and _lone_word(named[0], marked):
                out[j] = False
    return out


def _lone_word(line: Line, markers: frozenset[int]) -> bool:
    """A lone navigation word ("Print", "Drucken"), no end-of-article heading."""
    removal = line.removal
    return (
        line.number not in markers
        and removal is not None
        and removal.rule == "phrase:navigation"
        and " " not in line.text.strip()
    )


def _inside_list(units: list[Unit], j: int, line: Line, markers: frozenset[int]) -> bool:
    """Whether a menu phrase removed between units ``j - 1`` and ``j``, the only named
    debris there, stands inside a list of the article: an item under an item with the
    same bullet ("* Audio" among the courses) or under an introduction ("Good for:"),
    or a subhead between two items ("Food" between the kit and the meals).
    A menu names its items in runs, and a lone word after the article's prose ends it.
    """
    if j == 0 or line.number in markers or line.removal is None or not line.removal.rule.startswith("phrase:"):
        return False
    above, below = units[j - 1], units[j]
    if _marker(line.text):
        # an item that continues a list or opens an introduced one; a menu's first
        # item after a page's other lines is neither
        return _item_among(line.text, (above,)) or above.text.endswith(":")
    return _list_item(above) and _list_item(below)


def _list_item(u: Unit) -> bool:
    """A list item: a bullet or a number in front."""
    return u.bullet or bool(_NUMBERED_RE.match(u.text))


def _repeated_words(doc: Document, times: int = 3) -> frozenset[str]:
    """Lone navigation words ("Features", "Services") removed ``times`` times or more:
    the subhead of each section of a comparison or a guide. A menu prints its words
    once, or twice with the footer's.

    >>> doc = Document.from_text("Services\\n\\nFeatures\\n\\nFeatures\\n\\nFeatures")
    >>> for line in doc.lines:
    ...     if line.text:
    ...         doc.remove(line, "boilerplate-lines", "phrase:navigation")
    >>> sorted(_repeated_words(doc))
    ['Features']
    """
    seen: dict[str, int] = {}
    for line in doc.lines:
        removal = line.removal
        if removal is not None and removal.rule == "phrase:navigation":
            text = line.text.strip()
            if " " not in text:
                seen[text] = seen.get(text, 0) + 1
    return frozenset(t for t, n in seen.items() if n >= times)


def _link_row(text: str) -> bool:
    """A row of links split by `` | `` ("Home | News | Contact us"): cells of a few
    words, or three cells or more. Two long parts with a bar between them are one
    line of text (a caption and its credit).

    >>> [_link_row(t) for t in ("Home | About us", "Share | Tweet | Email", "Gauge readings at the pier | Photo by the harbour office")]
    [True, True, False]
    """
    cells = text.split(" | ")
    return len(cells) > 2 or (len(cells) == 2 and min(len(find_words(c)) for c in cells) < 4)


def _walk(
    units: list[Unit], origin: int, bound: int, step: int, prose: Sequence[bool], stops: Callable[[int], bool], reach: int
) -> tuple[int, bool]:
    """Walk from ``origin`` towards ``bound`` (``step`` +1 down, -1 up) over the units
    that are not prose, and return the last prose unit met (``origin`` when none) and
    whether the walk got to ``bound``. It stops at a unit for which ``stops`` is true,
    at a date or time stamp standing alone, at a row of links (`` | ``), or after
    ``reach`` units without prose (a list item or a table row counts half: a results
    table or a training plan runs to two hundred rows).

    >>> from newsclean.document import Document
    >>> from .features import build_units
    >>> units = build_units(Document.from_text("Kit:\\n\\n* Rope\\n\\nA rope.\\n\\nHome | News"), None)
    >>> _walk(units, 0, 3, 1, [False, False, True, False], lambda j: False, 120)
    (2, False)
    >>> _walk(units, 0, 2, 1, [False, False, True, False], lambda j: False, 120)
    (2, True)
    """
    last, since = origin, 0.0
    for j in range(origin + step, bound + step, step):
        if stops(j) or _lone_stamp(units, j) or _link_row(units[j].text):
            return last, False
        if prose[j]:
            last, since = j, 0.0
            continue
        since += 1 if not (units[j].columns or _list_item(units[j])) else 0.5
        if since > reach:
            return last, False
    return last, True


# A field of a card or a fact box: a key of one to three words, a colon, its value
# ("Format: Open textbook", "Price: $12").
_FIELD_RE = compile_pattern(r"^[^\W\d][\w'’.-]*+(?: [\w'’.-]++){0,2}+: \S")


def _list_items(run: Sequence[Unit]) -> int:
    """How many units of ``run`` are list items (a bullet, or a number in front),
    table rows (cells apart) or a card's fields ("Language: Spanish").

    >>> from newsclean.document import Document
    >>> from .features import build_units
    >>> _list_items(build_units(Document.from_text("Language: Spanish\\n\\nFormat: Open textbook\\n\\nNote: the list of landing points below has the opening hours of each"), None))
    2
    """
    # each unit's field key, or None
    keys = [u.text.split(": ", 1)[0] if _field(u) else None for u in run]
    # a card's fields come two or more in a row, or one in each card under the same
    # key with other values ("Rated: Good", "Rated: Great"); a kicker on a teaser
    # ("Guide: How to end a lease") stands alone
    values: dict[str, set[str]] = {}
    for u, key in zip(run, keys):
        if key is not None:
            values.setdefault(key, set()).add(u.text[len(key) + 2 :])
    count = 0
    for k, (u, key) in enumerate(zip(run, keys)):
        if _list_item(u) or u.columns:
            count += 1
        elif key is not None and (
            (k > 0 and keys[k - 1] is not None) or (k + 1 < len(run) and keys[k + 1] is not None) or len(values[key]) >= 2
        ):
            count += 1
    return count


def _field(u: Unit) -> bool:
    """A field of a card or a fact box ("Format: Open textbook"), not a contact
    box's ("Tel.: (030) 12 34 56", "E-Mail: press@example.org"), which closes a
    press release or a page as often as an article carries one.

    >>> from newsclean.document import Document
    >>> from .features import build_units
    >>> [_field(u) for u in build_units(Document.from_text("Built: 1998\\n\\nTel.: (030) 12 34 56\\n\\nE-Mail: a@b.org"), None)]
    [True, False, False]
    """
    if u.size > 8 or not _FIELD_RE.match(u.text):
        return False
    value = u.text.split(": ", 1)[1]
    digits = sum(c.isdigit() for c in value)
    return "@" not in value and digits <= sum(c.isalpha() for c in value) + 4


def _extend_structure(
    units: list[Unit],
    start: int,
    end: int,
    bound: int,
    prose: Sequence[bool],
    debris: Sequence[bool],
    reach: int = 120,
    *,
    joins: bool = False,
) -> int:
    """The last unit of article text below ``end``: lists, tables, code and subheads
    that stand between the region's prose and more prose further down are article
    structure, however low they score as single units (a run of short items looks
    like a menu). The walk stops at named debris (a menu or share phrase, a
    boilerplate sentence), at a line that repeats one above the region (a menu
    printed twice), at a stamp standing alone (a teaser's date), or after ``reach``
    units without prose (a results table or a parts list runs to a hundred rows; a
    menu ends at named debris or a repeated line first); it returns the last prose
    unit met before that (``end`` when there is none). With ``joins`` (the unit after
    ``bound`` starts another kept part of the article), a walk that reaches ``bound``
    unstopped returns it: the whole run between the two parts is the article's. With
    no prose below, a list the last unit introduces (":") or a ranked list of what the
    article names (:func:`_results_list`: a race's results) is the article's too; so is
    a list that the last paragraph the walk met introduces ("... I'll sum them up:").
    """
    above = {u.text for u in units[:start]}
    last, through = _walk(units, end, bound, 1, prose, lambda j: debris[j] or units[j].text in above, reach)
    if through and joins and bound < len(units) - 1 and not debris[bound + 1]:
        last = bound
    # what stands between is article structure when it is introduced ("... as
    # follows:") or is a list (items with bullets or numbers); a sidebar's headings and
    # a promotion's lines are neither
    intro = units[end].text.endswith(":")
    stops = lambda j: debris[j] or units[j].text in above  # noqa: E731
    if last == end and (intro or _list_heading(units, end + 1, bound, stops)):
        return _introduced_list(units, end, bound, stops)
    if last == end:
        return _results_list(units, start, end, bound, stops)
    if not intro and _list_items(units[end + 1 : last + 1]) < 3:
        return end
    # ... and so is a list that the last paragraph met introduces, with no prose under it
    return _introduced_list(units, last, bound, stops) if units[last].text.endswith(":") else last


# A capitalized word of four letters or more: a name ("Bayliss", "Kilmore").
_NAME_RE = compile_pattern(r"\b\p{Lu}\p{Ll}{3,}+\b")


def _results_list(units: list[Unit], start: int, end: int, bound: int, stops: Callable[[int], bool]) -> int:
    """The last item of a ranked list right under the article's last prose unit (a
    heading above it at most): items of eight words at most numbered 1, 2, 3 ... in
    order, three or more, and most of them naming someone or something the article
    names (a race's results, a poll's ranking). A list of other articles is numbered
    too, but names what the article does not. Else ``end``.

    >>> from newsclean.document import Document
    >>> from .features import build_units
    >>> text = ("Ann Lee won the harbour race ahead of Bill Moss and Cora Hale, who fell back late.\\n\\n"
    ...         "Harbour race results\\n\\n1. Lee 41:02\\n\\n2. Moss 41:10\\n\\n3. Hale 42:45\\n\\nPrint this story")
    >>> units = build_units(Document.from_text(text), None)
    >>> _results_list(units, 0, 0, len(units) - 1, lambda j: False)
    4
    """
    names = set(_NAME_RE.findall(" ".join(u.text for u in units[start : end + 1])))
    j = end + 1
    if j <= bound and not stops(j) and not _list_item(units[j]) and units[j].size <= 15:
        j += 1  # the list's heading
    last, number, named = end, 0, 0
    while j <= bound and not stops(j):
        m = _NUMBERED_RE.match(units[j].text)
        if m is None or int(m.group(1)) != number + 1 or len(units[j].text.split()) > 8:
            break  # (a list of sources names the article's names too, in titles)
        number += 1
        named += not names.isdisjoint(_NAME_RE.findall(units[j].text))
        last = j
        j += 1
    return last if number >= 3 and 2 * named > number else end



def _list_heading(units: list[Unit], j: int, bound: int, stops: Callable[[int], bool]) -> bool:
    """Whether unit ``j`` is a short heading ending in a colon that opens a list:
    eight words at most, a list item right under it ("Our picks:", then the items).

    >>> from newsclean.document import Document
    >>> from .features import build_units
    >>> units = build_units(Document.from_text("What to pack:\\n\\n* Rope\\n\\nWhat to pack:\\n\\nRope and a lamp."), None)
    >>> _list_heading(units, 0, 3, lambda j: False), _list_heading(units, 2, 3, lambda j: False)
    (True, False)
    """
    return (
        j + 1 <= bound
        and not stops(j)
        and not stops(j + 1)
        and units[j].size <= 8
        and units[j].text.endswith(":")
        and _list_item(units[j + 1])
    )


def _introduced_list(units: list[Unit], end: int, bound: int, stops: Callable[[int], bool]) -> int:
    """The last item of a list that a sentence ending in a colon (unit ``end``)
    introduces and that no prose follows ("... thanks to my sponsors:", then the
    names): the run up to ``bound`` or the first stop (named debris, a repeated line,
    a stamp, a row of links, an item set further out than the first: the page's own
    data in an outer list), cut after its last item, when three of its units or
    more, and half of them at least, are items. Else ``end``.

    >>> from newsclean.document import Document
    >>> from .features import build_units
    >>> units = build_units(Document.from_text("Thanks to the crews:\\n\\n* Ann\\n\\n* Bill\\n\\nPast crews:\\n\\n* Cora\\n\\nSponsor us"), None)
    >>> _introduced_list(units, 0, 5, lambda j: False), _introduced_list(units, 0, 2, lambda j: False)
    (4, 0)
    """
    j, last, items = end, end, 0
    indent = None  # where the first item's text starts: an item set further out starts another list
    while j < bound and not (stops(j + 1) or _lone_stamp(units, j + 1) or _link_row(units[j + 1].text)):
        j += 1
        if _list_item(units[j]):
            here = _item_column(units[j].lines[0].text)
            if indent is None:
                indent = here
            elif here < indent:
                break
            last, items = j, items + 1
    return last if items >= 3 and 2 * items >= last - end else end


def _item_column(text: str) -> int:
    """Where a list item's text starts, past its indent and its bullet or number: the
    items of one list line up there (a dumper right-aligns "9." and "10.").

    >>> [_item_column(t) for t in ("   * Rope", " 9. Rope", "10. Rope", "* Rope")]
    [5, 4, 4, 2]
    """
    body = text.lstrip()
    number = _NUMBERED_RE.match(body)
    return len(text) - len(body) + (number.end() if number else len(_marker(body)))


def _extend_up(
    units: list[Unit],
    head: int,
    bound: int,
    prose: Sequence[bool],
    debris: Sequence[bool],
    reach: int = 120,
    *,
    joins: bool = False,
    below: int | None = None,
) -> int:
    """:func:`_extend_structure` upwards: the first unit of article text above the
    region's first prose unit ``head`` (not above ``bound``), when a list or an
    introduced run stands between it and more prose further up (key points above
    the body, a list the model scored as a menu). The walk stops at named debris, a
    line that repeats one below the region (a menu printed twice; units from
    ``below`` on, by default those below ``head``: a subhead the article repeats in
    every section, "Pros", "Our pick:", is no menu), a stamp or a row of links.
    With ``joins`` (the unit before ``bound`` ends another kept part of the article),
    a walk that reaches ``bound`` unstopped returns it. With no prose above, a list
    of quantities right above ``head`` (a recipe's ingredients, see
    :func:`_quantities_above`) is the article's.
    """
    repeated = {u.text for u in units[head + 1 if below is None else below :]}
    stops = lambda j: debris[j + 1] or units[j].text in repeated  # noqa: E731
    first, through = _walk(units, head, bound, -1, prose, stops, reach)
    if through and joins and bound > 0 and not debris[bound]:
        first = bound
    if first == head:
        return _quantities_above(units, head, bound, stops)
    intro = any(units[i].text.endswith(":") and not prose[i + 1] for i in range(first, head))
    return first if intro or _list_items(units[first:head]) >= 3 else head


def _quantity(u: Unit) -> bool:
    """An item of a list of quantities: eight words at most, a number first, after
    a bullet if any ("* 200 g flour", "2 tbsp oil", "½ lemon"), not a numbered
    item ("2. Fold it"), a year or a time.

    >>> from newsclean.document import Document
    >>> from .features import build_units
    >>> [_quantity(u) for u in build_units(Document.from_text("* 200 g flour\\n\\n½ lemon\\n\\n* Recipes\\n\\n2. Fold it\\n\\n2 eggs, beaten until the whole bowl is pale and thick and foamy"), None)]
    [True, True, False, False, False]
    """
    if u.size > 8:
        return False
    body = u.text[len(_marker(u.text)) :] if u.bullet else u.text
    # a number that counts an item ("2. Fold it", "3."), a year ("2009 Work ends") or
    # a time ("13:47", a player's) is no amount
    return (body[:1].isdigit() or body[:1] in "½¼¾⅓⅔⅛") and not _is_numbered(body) and not _CLOCK_RE.search(body)


def _quantities_above(units: list[Unit], head: int, bound: int, stops: Callable[[int], bool], reach: int = 6) -> int:
    """The first item of a list of quantities right above the region's first prose
    unit ``head`` (a recipe's ingredients above its method, a kit list above the
    steps): three items or more (see :func:`_quantity`), most of the units between
    them and ``head``, the rest short headings ("Method", "Serves 4"), at most
    ``reach`` of them. A menu's items name places and sections, not amounts. The walk
    stops at ``bound``, a stop (named debris, a repeated line), a stamp or a row of
    links. Else ``head``.

    >>> from newsclean.document import Document
    >>> from .features import build_units
    >>> text = "Ingredients\\n\\n* 200 g flour\\n\\n* 2 eggs\\n\\n* 1 tsp salt\\n\\nMethod\\n\\nMix the flour and the salt, then beat in the eggs."
    >>> units = build_units(Document.from_text(text), None)
    >>> _quantities_above(units, 5, 0, lambda j: False), _quantities_above(units, 5, 0, lambda j: j == 3)
    (1, 5)
    """
    top, items, others = head, 0, 0
    j = head - 1
    while j >= bound and not (stops(j) or _lone_stamp(units, j) or _link_row(units[j].text)):
        u = units[j]
        if _quantity(u):
            top, items = j, items + 1
        elif u.size <= 8 and others < reach:
            others += 1
        else:
            break
        j -= 1
    return top if items >= 3 and 2 * items >= head - top else head


def _cut_at_marker(
    units: list[Unit], lo: int, hi: int, markers: Sequence[int], bias: float, comments: Sequence[int] = ()
) -> int:
    """End the region at the first end-of-article heading inside it ("Related stories",
    "Comments") that is followed by low-content units and has more article text above
    it than below it.

    A comment section without a heading announces itself by its attribution lines
    ("Posted by Ann on 3 May 2008", "12. Bill:"): the region ends at the first of two
    or more of them that stand below some article text, however long the comments.
    """
    for number in comments[:-1]:
        cut = next((i for i in range(lo, hi + 1) if units[i].lines[0].number > number), None)
        if cut is None or cut <= lo:
            continue
        if sum(u.size for u in units[lo:cut] if u.prob >= bias) >= 30:
            hi = cut - 1
            break
    if not markers:
        return hi
    for number in markers:
        # the first unit that starts after the marker line
        cut = next((i for i in range(lo, hi + 1) if units[i].lines[0].number > number), None)
        if cut is None or cut <= lo:
            continue
        above = sum(u.size for u in units[lo:cut] if u.prob >= bias)
        below = sum(u.size for u in units[cut : hi + 1] if u.prob >= bias)
        following = units[cut : cut + 3]
        headlines = all(u.size < 12 and not u.text.endswith(TERMINAL) for u in following)
        low_after = headlines or sum(u.prob for u in following) / len(following) < 0.5
        if above >= 30 and above >= below and low_after:
            return cut - 1
    return hi


def _unstopped_lede(
    units: list[Unit], top: int, prose: Sequence[bool], lang: str, lines: Sequence[Line] = (), reach: int = 3
) -> int | None:
    """A standfirst written without a full stop above the article's first kept unit
    ``top``: a paragraph of 15 to 60 words with the function words of a sentence in
    ``lang`` (not a caption's run of names, nor a toolbar's "E-mail this article Print
    this article"), no list item nor table line, with at most
    ``reach`` - 1 short lines between (a byline, a date, "Ingredients") and no long
    paragraph right above it (a teaser's text stands in a row of them), nor a headline
    between (a standfirst stands under the headline; above it, a promotion's box with
    its button, "Start your free trial", does), nor a menu's item among the removed
    ``lines`` between (a breadcrumb: "1. Home", "2. News"), nor a form's note under its
    text field ("The address you give is used only to send this e-mail"). Pages set the
    standfirst apart in its own box and often leave its full stop out, so the model,
    which looks for sentences, scores it as debris. None when there is none.

    >>> from newsclean.document import Document
    >>> from .features import build_units
    >>> text = "\\n\\n".join(["Storm closes harbour",
    ...     "Two of the piers at Kilmore were damaged in the night and the boats will stay in port for weeks",
    ...     "By Ann Lee", "The harbour at Kilmore was closed on Monday after the storm."])
    >>> units = build_units(Document.from_text(text), None)
    >>> _unstopped_lede(units, 3, [False, False, False, True], "en"), _unstopped_lede(units, 3, [False] * 4, "en", reach=1)
    (1, None)
    """
    j = top - 1
    while j >= 0 and top - j <= reach:
        u = units[j]
        if 15 <= u.size <= 60 and not (u.bullet or u.columns or " | " in u.text):
            above = units[j - 1] if j > 0 else None
            if stopword_density(u.words, lang) < 0.28 or (above is not None and (above.size > 15 or prose[j - 1])):
                return None
            between = lines[u.lines[-1].number : units[top].lines[0].number - 1]
            field = lines[above.lines[-1].number if above else 0 : u.lines[0].number - 1]
            return None if any(map(_menu_item, between)) or any(_text_field(ln.text) for ln in field) else j
        if u.size > 8 or prose[j] or (_list_item(u) and u.size <= 2) or _titled(u):
            return None  # ... nor above a menu's items ("1. Home") or the article's headline
        j -= 1
    return None


def _menu_item(line: Line) -> bool:
    """A line removed as a menu's item that a bullet or a number leads ("* Home", "1. News")."""
    removal, text = line.removal, line.text.lstrip()
    return (
        removal is not None and "navigation" in removal.rule
        and (text.startswith(BULLETS) or bool(_NUMBERED_RE.match(text)))
    )


# How a sentence ends (a closing quote after its mark too): not a list's ")" or ":".
_SENTENCE_END = (".", "!", "?", "…", "。", "！", "？", '."', ".”", ".»", "?”", "!”")


def _sentence(text: str) -> bool:
    """Whether ``text`` ends like a sentence (a standfirst does; a tag list's "(4)" or
    a lead-in's ":" does not)."""
    return text.endswith(_SENTENCE_END)


def _titled(u: Unit) -> bool:
    """A headline of four words or more that names no date or month ("Updated
    June 5, 2024"): what stands above a standfirst, not a box's name ("About us",
    "Full bio")."""
    return _headline_shape(u) and u.size >= 4 and not _stamp(u) and MONTHS.isdisjoint(u.words)


def _headline_shape(u: Unit) -> bool:
    """A headline's shape: 2 to 30 words, no bullet, not ending like a sentence or a
    lead-in, not a masthead's items split by "|"."""
    # a table line is judged by its widest cell, but written whole: the "|" between
    # its cells ("Chronicle   |   Environment") shows once it is written
    masthead = " | " in u.text or (u.columns and "|" in "".join(ln.text for ln in u.lines))
    return 2 <= u.size <= 30 and not u.bullet and not u.text.endswith((".", ":", "»")) and not masthead


def _captioned(head: Unit, u: Unit) -> bool:
    """Whether ``head`` says ``u``'s text again: a picture's title with its caption in
    brackets ("Harbour photo (Ann Lee on the pier.)") above the caption alone, not a
    headline above its standfirst.

    >>> from newsclean.document import Document
    >>> from .features import build_units
    >>> units = build_units(Document.from_text("Pier (Ann Lee on the pier at dawn.)\\n\\nAnn Lee on the pier at dawn."), None)
    >>> _captioned(units[0], units[1]), _captioned(units[1], units[0])
    (True, False)
    """
    text = " ".join(u.text.split())
    return len(text) >= 20 and text[:40] in " ".join(head.text.split())


# A sentence's end: a full stop, a question or exclamation mark or an ellipsis, a
# closing quote or bracket after it at most (more closers than _SENTENCE_END's).
_CLOSING_END = tuple(mark + close for mark in ".!?…。！？" for close in ("", '"', "'", "”", "’", "»", "«", ")"))


def closing_line(units: list[Unit], prose: Sequence[bool], lines: Sequence[Line]) -> int | None:
    """The article's closing sentence, once the region is chosen: the unit right under
    the last unit with a kept line, when that one is a paragraph of prose, nothing
    stands between them but blank lines, and it was removed as ``outside-article``
    and is a sentence of 5 to 25 words (no list item, table row, row of links or
    e-mail address). None otherwise. A last line of a report ("The appeal is
    dismissed."), a closing question to the reader or a thank-you after an interview
    is too short for prose and scores low beside the furniture under it; what a page
    prints after an article (a share row, a teaser list, a heading) is no sentence or
    stands apart from it. Judged after the last round, as a second run would: the
    rounds choose the region among the units kept.

    >>> from newsclean.document import Document
    >>> from .features import build_units
    >>> doc = Document.from_text("\\n\\n".join(["The harbour was closed on Monday after a storm damaged two of its piers.",
    ...     "So, will you sail again this year?", "Share", "More news"]))
    >>> units = build_units(doc, None)
    >>> for line in doc.lines[2:]:
    ...     doc.remove(line, "content", "outside-article:0.10")
    >>> closing_line(units, [True, False, False, False], doc.lines)
    1
    >>> closing_line(units, [False, False, False, False], doc.lines)  # no paragraph above it
    """
    t = next((i for i in range(len(units) - 1, -1, -1) if any(ln.removal is None for ln in units[i].lines)), None)
    if t is None or t + 1 >= len(units) or not prose[t]:
        return None
    u = units[t + 1]
    if u.bullet or u.columns or _is_numbered(u.text) or _link_row(u.text) or _widget(u.text) or "@" in u.text:
        return None
    if not 5 <= u.size <= 25 or not u.text.endswith(_CLOSING_END):
        return None
    if not all(ln.removal is not None and ln.removal.rule.startswith("outside-article") for ln in u.lines):
        return None
    # nothing between the two but blank lines
    if any(ln.text.strip() for ln in lines[units[t].lines[-1].number : u.lines[0].number - 1]):
        return None
    return t + 1


def _standfirst_above(units: list[Unit], start: int, prose: Sequence[bool], reach: int = 12) -> list[int]:
    """The headline and the standfirst above the article's first kept unit ``start``
    when only short lines stand between them (a byline, a date, a share row, the items
    of a table of contents): a paragraph of prose of 12 to 60 words under a headline,
    within ``reach`` units. [] when there is none.

    >>> from newsclean.document import Document
    >>> from .features import build_units
    >>> text = "\\n\\n".join(["Harbour shut after the storm",
    ...     "Engineers say two of the piers will need rebuilding before the boats can return.",
    ...     "By Ann Lee", "Share", "Email", "The harbour at Kilmore was closed on Monday."])
    >>> units = build_units(Document.from_text(text), None)
    >>> prose = [False, True, False, False, False, True]
    >>> _standfirst_above(units, 5, prose), _standfirst_above(units, 5, prose, reach=3)
    ([0, 1], [])
    """
    j = start - 1
    while j >= 1 and start - j <= reach:
        u = units[j]
        if prose[j] and 12 <= u.size <= 60 and not u.bullet and _sentence(u.text) and _titled(units[j - 1]):
            if _captioned(units[j - 1], u):
                break
            return [j - 1, j]
        if u.size > 8 or prose[j]:
            break
        j -= 1
    return []


def _extend_to_headline(units: list[Unit], start: int, reach: int = 4, *, lede: bool = False) -> int:
    """Step back over the dateline, the byline and the headline above the region.

    Dates and "By ..." lines are taken freely, and a short heading ending in a colon
    right above the region, which introduces it; then a headline, and above a short
    byline ("Staff reporter") one headline more. A line of items split by "|" (a
    masthead and its section) is not a headline. Above the main region (``lede``), a
    standfirst (one to three sentences under the headline, above the byline) is taken
    with the headline above it, before any headline: a teaser's text has no headline
    and byline around it.

    >>> from newsclean.document import Document
    >>> from .features import build_units
    >>> text = ("Harbour closes after storm\\n\\nTwo piers were damaged and boats must stay in port.\\n\\n"
    ...         "By Ann Lee\\n\\nThe harbour at Kilmore was closed on Monday after the storm.")
    >>> units = build_units(Document.from_text(text), None)
    >>> _extend_to_headline(units, 3, lede=True), _extend_to_headline(units[1:], 2, lede=True)
    (0, 1)
    >>> _extend_to_headline(units, 3)  # a later part of the article: no standfirst
    2
    """
    i = start
    titles = 0
    limit = 1
    while i > 0 and start - i < reach:
        u = units[i - 1]
        n = u.size
        if u.bullet or n == 0:
            break
        looks_date = n <= 12 and bool(DATELINE_RE.search(u.text) or any(w in MONTHS for w in u.words))
        looks_byline = u.words[0] in ("by", "von", "par", "por", "di", "door", "от") and n <= 10
        if looks_date or looks_byline:
            i -= 1
            continue
        if i == start and n <= 8 and u.text.endswith(":") and " | " not in u.text:
            i -= 1  # a heading that introduces the region's first unit ("Key points:")
            continue
        if (
            lede and titles == 0 and 8 <= n <= 60 and _sentence(u.text) and i >= 2
            and _headline_shape(units[i - 2]) and not _captioned(units[i - 2], u)
        ):
            lede = False  # a standfirst under its headline, taken once
            i -= 1
            continue
        if titles < limit and _headline_shape(u):
            if titles == 0 and n <= 6:
                limit = 2  # a byline: the headline is above it
            titles += 1
            i -= 1
            continue
        break
    return i
