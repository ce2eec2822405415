"""The content classifier: judge what the boilerplate stages left, by signals that hold
on any site, and keep the article.

1. *Units*: kept lines are grouped into units, one per paragraph: a line, or the lines
   a dumper hard-wrapped (so a wrapped paragraph is judged as one paragraph).
2. *Signals* per unit: length in words, stopword density for the guessed language,
   terminal punctuation, list-item and separator shapes, capitalisation, digits and
   dates, and the same signals of the neighbours (a run of short items is a menu).
3. *Score*: a logistic model over those signals (weights in ``content_model.json``,
   fitted by ``make train`` on a held-out-validated split) gives each unit a
   probability of being article text.
4. *Region*: articles are contiguous. The main region is the run of units that
   maximises the sum of (probability - bias) x weight (as in Finn et al.'s body-text
   extraction); units outside it are removed (``outside-article``), units inside it
   that are clearly debris too (``low-content``). An end-of-article heading
   ("Related stories", "Comments") followed by low-content units closes the region.
5. The headline, the byline and the dateline right above the region are kept.

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

import functools
import math
import os
import re
from dataclasses import dataclass

from .. import codecache
from ..document import Document, Line
from ..language import ALL_STOPWORDS, STOPWORDS
from ..packs import find_words
from ..registry import stages
from ..text import cells, squeeze, widest_cell
from ..wrap import line_groups

TERMINAL = tuple('.!?…"”»\'’)։।。！？:;')
BULLETS = ("* ", "+ ", "o ", "# ", "- ", "• ", "· ", "– ", "— ", "» ", "> ", "■ ", "▪ ", "◦ ")
SEPARATORS = frozenset("|·»•/›>")
MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "januar februar märz juni juli oktober dezember janvier février mars avril mai juin "
    "juillet août septembre octobre novembre décembre enero febrero marzo abril mayo junio "
    "julio agosto septiembre octubre noviembre diciembre gennaio febbraio aprile maggio "
    "giugno luglio settembre ottobre dicembre janeiro fevereiro março maio junho julho "
    "setembro outubro novembro dezembro januari februari maart mei augustus".split()
)
# A dateline: a year, or a day.month.year date ("4.9 per cent" is not one).
DATELINE_RE = codecache.compiled_regex(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b")
DATE_RE = codecache.compiled_regex(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}[./:]\d{1,2}(?:[./]\d{2,4})?\b")


@dataclass
class Unit:
    lines: list[Line]
    text: str
    words: list[str]
    bullet: bool
    columns: bool = False
    gaps: int = 0
    index: int = 0
    prob: float = 0.5


def main_cell(line: str) -> str:
    """The widest cell of a line that a table layout split into columns.

    Dumpers print side-by-side table cells on one line, separated by runs of spaces:
    a menu item on the left, the article on the right. The line is judged by its
    widest cell (and kept or removed whole).

    >>> main_cell("   * Photos        Allardyce started his career at Blackpool.")
    'Allardyce started his career at Blackpool.'
    >>> main_cell("Plain prose, with  two spaces.")
    'Plain prose, with  two spaces.'
    """
    body = line.strip()
    if "   " not in body:
        return body
    return widest_cell(cells(body))[1]


def build_units(doc: Document, width: int | None) -> list[Unit]:
    """Group kept, non-blank lines into paragraphs (joining lines hard-wrapped at
    ``width``, see :func:`newsclean.wrap.line_groups`).

    Removed lines are skipped over, blank lines end a unit.
    """
    squeezed = doc.squeezed_lines()  # cached per document, shared with other stages
    folded = doc.folded_squeezed_lines()
    return [_unit(run, i, squeezed, folded) for i, run in enumerate(line_groups(doc, width))]


def _unit(lines: list[Line], index: int, squeezed: list[str], folded: list[str]) -> Unit:
    if len(lines) == 1:
        line = lines[0]
        body = line.text.strip()
        if "   " not in body:
            # the common case, one line without table cells: the cached views serve
            i = line.number - 1
            bullet = line.text.lstrip().startswith(BULLETS)
            return Unit(lines, squeezed[i], find_words(folded[i]), bullet, False, body.count("  "), index)
    widest = [main_cell(ln.text) for ln in lines]
    text = squeeze(" ".join(widest))
    first = lines[0].text.lstrip()
    columns = any(len(c) < len(ln.text.strip()) for c, ln in zip(widest, lines))
    gaps = sum(c.count("  ") for c in widest)
    return Unit(lines, text, find_words(text.casefold()), first.startswith(BULLETS), columns, gaps, index)


FEATURES = (
    "log_words",
    "short",
    "stopwords",
    "terminal",
    "bullet",
    "capitalised",
    "lowercase",
    "word_length",
    "sentences",
    "digits",
    "separators",
    "commas",
    "date",
    "upper",
    "columns",
    "gaps",
    "relative_length",
    "position",
    "prev_log_words",
    "next_log_words",
    "prev2_log_words",
    "next2_log_words",
    "prev_terminal",
    "next_terminal",
    "short_run",
    "window_stopwords",
    "window_log_words",
)
# The second pass adds the first pass's probabilities of the neighbours: a learned
# version of jusText's context smoothing.
CONTEXT_FEATURES = ("p_self", "p_prev", "p_next", "p_prev2", "p_next2", "p_window")

# One C scan each to count ASCII digits and separators (a translate() with deletions is
# several times slower).
_DIGIT_RE = re.compile("[0-9]")
_SEPARATOR_RE = re.compile("[" + re.escape("".join(sorted(SEPARATORS))) + "]")
# ... and for ASCII text (most units), bytes.translate() deleting the characters counted:
# the length lost is the count. In ASCII, str.isupper/islower/isalpha are exactly A-Z,
# a-z and both, [0-9] are the digits, and the ASCII separators are "/>|".
_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_LOWER = bytes(range(ord("a"), ord("z") + 1))
_ASCII_DIGITS = b"0123456789"
_ASCII_SEPARATORS = "".join(sorted(c for c in SEPARATORS if c.isascii())).encode()


def _own(u: Unit, lang: str) -> list[float]:
    """The unit's own signals, in the order of FEATURES[:16].

    Caps are conditional expressions rather than min() calls: the same values, a
    call less each, for every unit the memo has not seen (three in four).
    """
    words = u.words
    n = len(words)
    text = u.text
    sw = STOPWORDS.get(lang, ALL_STOPWORDS)
    if n:
        stop = sum(map(sw.__contains__, words)) / n
        word_length = len("".join(words)) / n
    else:
        stop = word_length = 0.0
    # first letters of the space-separated tokens: capitalisation in C loops
    initials = "".join([w[0] for w in text.split()])
    if initials.isascii():  # counted by translate(): alpha is upper + lower in ASCII
        b = initials.encode()
        upper = len(b) - len(b.translate(None, _ASCII_UPPER))
        lower = len(b) - len(b.translate(None, _ASCII_LOWER))
        alpha = upper + lower
    else:
        alpha = sum(map(str.isalpha, initials))
        upper = sum(map(str.isupper, initials)) if alpha else 0
        lower = sum(map(str.islower, initials)) if alpha else 0
    capitalised, lowercase = (upper / alpha, lower / alpha) if alpha else (0.0, 0.0)
    terminal = text.endswith(TERMINAL)
    sentences = text.count(". ") + text.count("? ") + text.count("! ") + (1 if terminal else 0)
    ascii = text.isascii()
    if ascii:  # the regexes' counts, by translate()
        b = text.encode()
        ndigits = len(b) - len(b.translate(None, _ASCII_DIGITS))
        nseps = len(b) - len(b.translate(None, _ASCII_SEPARATORS))
    else:
        ndigits = len(_DIGIT_RE.findall(text))
        nseps = len(_SEPARATOR_RE.findall(text))
    per_word = n or 1  # max(1, n)
    seps = nseps / per_word
    commas = text.count(",") / per_word
    gaps = u.gaps / per_word
    # DATE_RE needs a digit (\d: any script's digits, so only ASCII text is ruled out)
    dated = (ndigits or not ascii) and DATE_RE.search(text)
    return [
        math.log1p(n),
        1.0 if n < 5 else 0.0,
        stop,
        1.0 if terminal else 0.0,
        1.0 if u.bullet else 0.0,
        capitalised,
        lowercase,
        word_length if word_length < 15.0 else 15.0,
        math.log1p(sentences),
        ndigits / len(text) if text else 0.0,
        seps if seps < 1.0 else 1.0,
        commas if commas < 0.5 else 0.5,
        1.0 if dated or not MONTHS.isdisjoint(words[:12]) else 0.0,
        1.0 if text.isupper() and n > 1 else 0.0,
        1.0 if u.columns else 0.0,
        gaps if gaps < 1.0 else 1.0,
    ]


# _own's rows by (text, bullet, columns, gaps, language), which is all they depend on
# (a unit's words are its text's): a settle pass meets the paragraphs of the pass before,
# and pages of one site share their menus. Emptied when full, to bound its memory.
_OWN_MEMO: dict[tuple, list[float]] = {}
_OWN_MEMO_SIZE = 4096


def _own_rows(units: list[Unit], lang: str) -> list[list[float]]:
    """``_own(u, lang)`` of each unit, remembered: one dict lookup per unit, a call only
    for the units not seen. Callers must not change the lists."""
    memo = _OWN_MEMO
    keys = [(u.text, u.bullet, u.columns, u.gaps, lang) for u in units]
    rows = list(map(memo.get, keys))
    if None in rows:
        for i, row in enumerate(rows):
            if row is None:
                if len(memo) >= _OWN_MEMO_SIZE:
                    memo.clear()
                rows[i] = memo[keys[i]] = _own(units[i], lang)
    return rows


def unit_features(units: list[Unit], lang: str) -> list[list[float]]:
    """One row of FEATURES per unit: its own signals and its neighbours'."""
    n = len(units)
    if not n:
        return []
    own = _own_rows(units, lang)
    LOGW, SHORT, STOP, TERM = 0, 1, 2, 3
    longest = max([r[LOGW] for r in own]) or 1.0
    # runs of short units (link-list shape): length of the run each unit is in
    run_len = [0] * n
    i = 0
    while i < n:
        if own[i][SHORT]:
            j = i
            while j < n and own[j][SHORT]:
                j += 1
            for k in range(i, j):
                run_len[k] = j - i
            i = j
        else:
            i += 1
    # the neighbours' signals as shifted columns (0.0 past either end)
    logws = [r[LOGW] for r in own]
    stops = [r[STOP] for r in own]
    lw = [0.0, 0.0] + logws + [0.0, 0.0]  # lw[i + 2] is unit i's
    tm = [0.0] + [r[TERM] for r in own] + [0.0]  # tm[i + 1] is unit i's
    rl = [0] + run_len + [0]  # rl[i + 1] is unit i's
    # short neighbours on either side, for a unit that is not short itself
    near = [rl[i + 1] if f[SHORT] else rl[i] + rl[i + 2] for i, f in enumerate(own)]
    last = max(1, n - 1)
    # each unit's window of five, cut at either end: (max(0, i - 2), min(n, i + 3))
    windows = zip([0] * min(n, 2) + list(range(n - 2)), list(range(3, n + 1)) + [n] * min(n, 2))
    return [
        f
        + [
            f[LOGW] - longest,
            i / last,
            prev,
            nxt,
            prev2,
            nxt2,
            prev_term,
            next_term,
            (k if k < 20 else 20) / 20,
            sum(stops[lo:hi]) / (hi - lo),
            sum(logws[lo:hi]) / (hi - lo),
        ]
        for i, f, prev, nxt, prev2, nxt2, prev_term, next_term, k, (lo, hi) in zip(
            range(n), own, lw[1:], lw[3:], lw, lw[4:], tm, tm[2:], near, windows
        )
    ]


def context_features(rows: list[list[float]], p1: list[float]) -> list[list[float]]:
    n = len(p1)
    pp = [0.0, 0.0] + p1 + [0.0, 0.0]  # pp[i + 2] is unit i's
    # (max(0, i - 3), min(n, i + 4)) for each unit
    windows = zip([0] * min(n, 3) + list(range(n - 3)), list(range(4, n + 1)) + [n] * min(n, 3))
    return [
        row + [p, prev, nxt, prev2, nxt2, sum(p1[lo:hi]) / (hi - lo)]
        for row, p, prev, nxt, prev2, nxt2, (lo, hi) in zip(rows, p1, pp[1:], pp[3:], pp, pp[4:], windows)
    ]


def tree_source(ensemble: dict, name: str) -> str:
    """Python source of one function of a feature row that sums a boosted tree
    ensemble (JSON).

    Generated code runs several times faster than walking the trees: each feature the
    trees test is read from the row once, into a local, and the function returns one
    sum of conditional expressions, one per tree, ``init + tree0 + tree1 + ...``. Python
    adds from the left, in the trees' order, so the sum is the same float as walking
    them.
    """
    used = sorted({f for tree in ensemble["trees"] for f in tree["feature"] if f >= 0})

    def expr(tree: dict, node: int) -> str:
        f = tree["feature"][node]
        if f < 0:
            return repr(tree["value"][node])
        left, right = expr(tree, tree["left"][node]), expr(tree, tree["right"][node])
        return f"({left} if x{f} <= {tree['threshold'][node]!r} else {right})"

    lines = [f"def {name}(x):"]
    lines += [f"    x{f} = x[{f}]" for f in used]
    lines.append("    return (")
    lines.append(f"        {ensemble['init']!r}")
    lines += [f"        + {expr(tree, 0)}" for tree in ensemble["trees"]]
    lines.append("    )")
    return "\n".join(lines) + "\n"


@dataclass
class Model:
    first: object
    second: object
    params: dict


def model_source(data: dict) -> str:
    """The model (JSON) as Python source: its two functions, the features they read and
    the parameters it was chosen with. Compiled once and cached, it needs no JSON."""
    return (
        f"FEATURES = {tuple(data['features'])!r}\n"
        f"CONTEXT_FEATURES = {tuple(data['context_features'])!r}\n"
        f"PARAMS = {dict(data.get('params', {}))!r}\n"
        + tree_source(data["first"], "first")
        + tree_source(data["second"], "second")
    )


def _model(code) -> Model:
    namespace: dict = {}
    exec(code, namespace)  # noqa: S102
    if namespace["FEATURES"] != FEATURES or namespace["CONTEXT_FEATURES"] != CONTEXT_FEATURES:
        raise ValueError("content_model.json was fitted for other features: run `make train`")
    return Model(namespace["first"], namespace["second"], namespace["PARAMS"])


def model_from_dict(data: dict, cache_key: str | None = None) -> Model:
    """Compile a model. With ``cache_key`` (which must identify ``data``), the compiled
    code is kept in the user's cache folder for the next run (see ``codecache``)."""
    if cache_key is None:
        return _model(compile(model_source(data), "<content_model>", "exec"))
    return _model(codecache.compiled(cache_key, lambda: model_source(data), "<content_model>"))


@functools.cache
def load_model() -> Model:
    # a plain open(): importlib.resources costs ~20 ms of start-up per call
    path = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "content_model.json")

    def source() -> str:  # only when the cache has no code for this model file
        import json

        with open(path, encoding="utf-8") as f:
            return model_source(json.loads(f.read()))

    # the generated code depends on the model and on this module (the generator)
    key = f"{codecache.file_key(path)}\0{codecache.file_key(__file__)}"
    return _model(codecache.compiled(key, source, "<content_model>"))


def _sigmoids(zs) -> list[float]:
    """``1 / (1 + e^-z)`` of each z, z clamped to [-30, 30]. The clamp is written as
    conditional expressions, which give the same float as ``max(-30.0, min(30.0, z))``
    for every z (NaN included: 30.0) without two calls per unit.

    >>> _sigmoids([0.0, 100.0, float("nan")])[0], _sigmoids([100.0])[0] > 0.999
    (0.5, True)
    """
    exp = math.exp
    return [1.0 / (1.0 + exp(-((z if z > -30.0 else -30.0) if z < 30.0 else 30.0))) for z in zs]


def _sigmoid(z: float) -> float:
    return _sigmoids((z,))[0]


def probabilities(rows: list[list[float]], model: Model) -> list[float]:
    """Two passes: each unit alone, then with its neighbours' first-pass scores."""
    p1 = _sigmoids(map(model.first, rows))
    return _sigmoids(map(model.second, context_features(rows, p1)))


@stages.register("content")
def content(doc: Document, ctx, **options) -> None:
    """Keep the article region; remove menus, teaser lists and other low-content units.

    Rules: ``outside-article`` (units outside the main region), ``low-content`` (units
    inside it that score as debris).
    """
    from .normalize import wrap_width

    units = build_units(doc, wrap_width(doc))
    if not units:
        return
    lang = ctx.language_of(doc) if ctx is not None else "en"
    model = load_model()
    params = {**model.params, **options}
    probs = probabilities(unit_features(units, lang), model)
    for u, p in zip(units, probs):
        u.prob = p
    markers = end_markers(doc, ctx.pack(doc).markers if ctx is not None else {})
    select(doc, units, params, markers)


def end_markers(doc: Document, markers: dict) -> list[int]:
    """Line numbers of end-of-article headings ("Related stories", "Comments"...).

    """
    found = []
    if markers:
        longest = max(len(m) for m in markers)
        for line in doc.lines:
            text = line.text
            if not text or len(text) > 80:
                continue
            words = tuple(find_words(text.casefold()))
            if 0 < len(words) <= longest and words in markers:
                found.append(line.number)
    return sorted(found)


def comment_attributions(doc: Document) -> list[int]:
    """Line numbers of comment attribution lines ("Posted by Ann on 3 May 2008")."""
    return [
        line.number
        for line in doc.lines
        if line.removal is not None and line.removal.rule == "pattern:comments"
    ]


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


def select(doc: Document, units: list[Unit], params: dict, markers: list[int] = ()) -> None:
    """Choose the article region(s) and mark everything else removed.

    The main region is the maximum-sum run of (probability - bias) weighted by length,
    so one long paragraph outweighs a handful of menu items. Further runs on either
    side are kept when they weigh at least ``second`` times the main one (an article
    split by a photo or an advertisement block), but not past an end-of-article
    heading; a run within ``near`` units of a kept one needs only ``near_share`` of
    that (a lede above a sidebar box of links). So are runs of confident prose
    (``strong``) of 40 words or more.
    """
    bias = params.get("bias", 0.5)
    low = params.get("low", 0.2)
    second = params.get("second", 0.3)
    near, near_share = int(params.get("near", 0)), params.get("near_share", 1.0)
    values = [(u.prob - bias) * (1 + math.sqrt(len(u.words))) for u in units]
    best, lo, hi = _best_run(values, 0, len(units))
    if hi < lo:
        return
    comments = comment_attributions(doc)
    end = _cut_at_marker(units, lo, hi, markers, bias, comments)
    limit = len(units) if end == hi else end + 1
    # past a comment section nothing is article text, however well written
    last = end if len(comments) >= 2 and end < hi else len(units) - 1
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
        # a run close to a kept region (an article split by a sidebar box) needs less
        gap = min((l2 - h - 1 if l2 > h else l - h2 - 1) for l, h in regions)
        need = second * best * (near_share if gap <= near else 1.0)
        if total >= need and max(u.prob for u in run) >= 0.5 and h2 < limit:
            regions.append((l2, h2))
            todo += [(a, l2), (h2 + 1, b)]
    # A run of confident prose is article text wherever it stands: an article split by
    # a video box, or continued after an embedded comment box.
    strong = params.get("strong", 0.85)
    inside = set()
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
        if sum(len(u.words) for u in units[i : j + 1]) >= 40:
            regions.append((i, j))
        i = j + 1
    keep = [False] * len(units)
    inner = [False] * len(units)
    for l2, h2 in regions:
        for i in range(_extend_to_headline(units, l2), h2 + 1):
            keep[i] = True
        for i in range(l2, h2 + 1):
            inner[i] = True
    for i, u in enumerate(units):
        if keep[i]:
            if inner[i] and u.prob < low:
                for line in u.lines:
                    doc.remove(line, "content", f"low-content:{u.prob:.2f}")
            continue
        for line in u.lines:
            doc.remove(line, "content", f"outside-article:{u.prob:.2f}")


def _cut_at_marker(units: list[Unit], lo: int, hi: int, markers, bias: float, comments=()) -> int:
    """End the region at the first end-of-article heading inside it ("Related stories",
    "Comments") that is followed by low-content units and has more article text above
    it than below it.

    A comment section without a heading announces itself by its attribution lines
    ("Posted by Ann on 3 May 2008", "12. Bill:"): the region ends at the first of two
    or more of them that stand below some article text, however long the comments.
    """
    for k, number in enumerate(comments[:-1]):
        cut = next((i for i in range(lo, hi + 1) if units[i].lines[0].number > number), None)
        if cut is None or cut <= lo:
            continue
        if sum(len(u.words) for u in units[lo:cut] if u.prob >= bias) >= 30:
            hi = cut - 1
            break
    if not markers:
        return hi
    for number in markers:
        # the first unit that starts after the marker line
        cut = next((i for i in range(lo, hi + 1) if units[i].lines[0].number > number), None)
        if cut is None or cut <= lo:
            continue
        above = sum(len(u.words) for u in units[lo:cut] if u.prob >= bias)
        below = sum(len(u.words) for u in units[cut : hi + 1] if u.prob >= bias)
        following = units[cut : cut + 3]
        headlines = all(len(u.words) < 12 and not u.text.endswith(TERMINAL) for u in following)
        low_after = headlines or sum(u.prob for u in following) / len(following) < 0.5
        if above >= 30 and above >= below and low_after:
            return cut - 1
    return hi


def _extend_to_headline(units: list[Unit], start: int, reach: int = 4) -> int:
    """Step back over the dateline, the byline and the headline above the region.

    Dates and "By ..." lines are taken freely; then a headline, and above a short
    byline ("Staff reporter") one headline more. A line of items split by "|" (a
    masthead and its section) is not a headline.
    """
    i = start
    titles = 0
    limit = 1
    while i > 0 and start - i < reach:
        u = units[i - 1]
        n = len(u.words)
        if u.bullet or n == 0:
            break
        looks_date = n <= 12 and bool(DATELINE_RE.search(u.text) or any(w in MONTHS for w in u.words))
        looks_byline = u.words[0] in ("by", "von", "par", "por", "di", "door", "от") and n <= 10
        if looks_date or looks_byline:
            i -= 1
            continue
        if titles < limit and 2 <= n <= 30 and not u.text.endswith((".", ":", "»")) and " | " not in u.text:
            if titles == 0 and n <= 6:
                limit = 2  # a byline: the headline is above it
            titles += 1
            i -= 1
            continue
        break
    return i
