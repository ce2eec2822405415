"""The content model's inputs: kept lines grouped into units (paragraphs), and each
unit's signals as a row of numbers.

>>> from newsclean.document import Document
>>> doc = Document.from_text("Home\\n\\nThe harbour was closed on Monday after a storm.")
>>> units = build_units(doc, None)
>>> [u.text for u in units], len(unit_features(units, "en")[1]) == len(FEATURES)
(['Home', 'The harbour was closed on Monday after a storm.'], True)
"""

from __future__ import annotations

import math
import re

from ...document import Document, Line
from ...language import ALL_STOPWORDS, STOPWORDS
from ...regexes import compile_pattern, compile_re
from ...script import CHARS_PER_WORD, function_share, is_unspaced, sentence_count, word_count
from ...text import cells, squeeze, widest_cell
from ...tokens import find_words
from ...wrap import line_groups

# How a paragraph ends: its mark, or the quote closing after it; German, Polish and Czech
# close a quote with “ or ‘ („So war es.“), German's »…« with «.
TERMINAL = tuple('.!?…"”“»«\'’‘)։।。！？:;')
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
DATELINE_RE = compile_pattern(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b")
DATE_RE = compile_pattern(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}[./:]\d{1,2}(?:[./]\d{2,4})?\b")


class Unit:
    """A paragraph the model judges: its input ``lines``, squeezed ``text`` and
    ``words``; whether it starts with a bullet, was a table line (``columns``) and how
    many gaps of spaces it has; its ``index`` among the units and the model's ``prob``.

    ``size`` is its length in words, or in word-equivalents in a script written without
    spaces (see :func:`newsclean.script.word_count`): a paragraph of Chinese is one long
    token to a tokenizer, not a menu item.

    >>> [u.size for u in build_units(Document.from_text("The pier reopened in May.\\n\\n市議会は火曜日、新しい橋を春に開通させると発表した。"), None)]
    [5, 13]
    """

    # A plain class with slots, not a dataclass: see newsclean.document.Line.
    __slots__ = ("lines", "text", "words", "bullet", "columns", "gaps", "index", "prob", "size")

    def __init__(
        self,
        lines: list[Line],
        text: str,
        words: list[str],
        bullet: bool,
        columns: bool = False,
        gaps: int = 0,
        index: int = 0,
        prob: float = 0.5,
    ) -> None:
        self.lines = lines
        self.text = text
        self.words = words
        self.bullet = bullet
        self.columns = columns
        self.gaps = gaps
        self.index = index
        self.prob = prob
        self.size = word_count(words)

    def __repr__(self) -> str:
        return f"Unit(index={self.index}, text={self.text[:40]!r}, prob={self.prob:.3f})"


KnownUnits = dict[tuple[int, int], Unit]


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


def build_units(doc: Document, width: int | None, known: KnownUnits | None = None) -> list[Unit]:
    """Group kept, non-blank lines into paragraphs (joining lines hard-wrapped at
    ``width``, see :func:`newsclean.wrap.line_groups`).

    Removed lines are skipped over, blank lines end a unit.

    ``known`` (the content stage's rounds share one) keeps the units made before by
    their first and last line numbers: a group is a run of consecutive lines, so those
    two name its lines, and a unit depends on its lines alone. A unit met again is the
    same object, renumbered (its ``prob`` is set again by each round).

    >>> doc = Document.from_text("Home\\n\\nThe harbour was closed.")
    >>> known = {}
    >>> first = build_units(doc, None, known)
    >>> doc.remove(doc.lines[0], "test", "x")
    >>> again = build_units(doc, None, known)
    >>> again[0] is first[1], again[0].index
    (True, 0)
    """
    squeezed = doc.squeezed_lines()  # cached per document, shared with other stages
    folded = doc.folded_squeezed_lines()
    if known is None:
        return [_unit(run, i, squeezed, folded) for i, run in enumerate(line_groups(doc, width))]
    units = []
    for i, run in enumerate(line_groups(doc, width)):
        key = (run[0].number, run[-1].number)
        u = known.get(key)
        if u is None:
            u = known[key] = _unit(run, i, squeezed, folded)
        else:
            u.index = i
        units.append(u)
    return units


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
_DIGIT_RE = compile_re("[0-9]")
_SEPARATOR_RE = compile_re("[" + re.escape("".join(sorted(SEPARATORS))) + "]")
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
    call less each.
    """
    words = u.words
    n = len(words)
    text = u.text
    if not text.isascii() and is_unspaced(text):
        return _own_unspaced(u, text, words)
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


def _own_unspaced(u: Unit, text: str, words: list[str]) -> list[float]:
    """:func:`_own` for a unit written mostly in Chinese or Japanese, in the units the
    model knows from spaced text: words are word-equivalents (two characters each, see
    :mod:`newsclean.script`), stopword density is the share of function characters
    (particles, endings), sentences end at 。！？ too, and the text counts as
    lower-case prose (the scripts have no case; capitals mark menus and headings).

    >>> row = _own_unspaced(Unit([], "市議会は火曜日、新しい橋を春に開通させると発表した。", [], False), "市議会は火曜日、新しい橋を春に開通させると発表した。", ["市議会は火曜日", "新しい橋を春に開通させると発表した"])
    >>> round(row[0], 2), row[1], row[3], row[6]
    (2.64, 0.0, 1.0, 1.0)
    """
    n = word_count(words)
    terminal = text.endswith(TERMINAL)
    chars = len(text)
    ndigits = len(_DIGIT_RE.findall(text))
    nseps = len(_SEPARATOR_RE.findall(text))
    per_word = n or 1
    seps = nseps / per_word
    commas = (text.count(",") + text.count("、") + text.count("，")) / per_word
    gaps = u.gaps / per_word
    dated = DATE_RE.search(text)
    return [
        math.log1p(n),
        1.0 if n < 5 else 0.0,
        function_share(text),
        1.0 if terminal else 0.0,
        1.0 if u.bullet else 0.0,
        0.0,
        1.0,
        CHARS_PER_WORD * 2.5,  # a word-equivalent as long as a spaced word
        math.log1p(sentence_count(text)),
        ndigits / chars if chars else 0.0,
        seps if seps < 1.0 else 1.0,
        commas if commas < 0.5 else 0.5,
        1.0 if dated else 0.0,
        0.0,
        1.0 if u.columns else 0.0,
        gaps if gaps < 1.0 else 1.0,
    ]


# a sentence of ten words or more (log1p of the word count), with function words
PROSE_LOG_WORDS = math.log1p(10)
PROSE_STOPWORDS = 0.2
PROSE_SEPARATORS = 0.1  # "|", "»" per word: a row of links is not a sentence


def is_prose(row: list[float], text: str = "") -> bool:
    """Whether a unit's own signals (a row of FEATURES) make it a sentence of prose:
    ten words or more (word-equivalents in unspaced scripts), ending like a sentence,
    with function words among them and next to no separators ("|", "»"). Lists,
    tables, code, menus and footer rows of links are not. A paragraph whose last
    sentence ends in a web address (its ``text``: "More at https://example.org/")
    ends like a sentence too.

    >>> units = build_units(Document.from_text("Home\\n\\nThe harbour was closed on Monday after a storm hit the two piers."), None)
    >>> [is_prose(row) for row in unit_features(units, "en")]
    [False, True]
    >>> text = "The harbour was closed on Monday after a storm. The timetable is at https://example.org/ferry"
    >>> [row] = unit_features(build_units(Document.from_text(text), None), "en")
    >>> is_prose(row), is_prose(row, text)
    (False, True)
    """
    if row[0] < PROSE_LOG_WORDS or row[2] < PROSE_STOPWORDS:
        return False
    return row[10] < PROSE_SEPARATORS if row[3] > 0.0 else _ends_in_address(text)


def _ends_in_address(text: str) -> bool:
    """Whether ``text`` ends in a web address after a sentence of words
    ("... Details at https://example.org/ferry"): a paragraph, not a bare link nor
    a list's item (a teaser with its link).

    >>> _ends_in_address("Tickets for the ferry go on sale at the harbour office or at www.example.org")
    True
    >>> _ends_in_address("* Tickets for the ferry go on sale at the harbour office or at www.example.org")
    False
    >>> _ends_in_address("Home | News | Sport | Weather | Jobs | Motors | Property | Contact | About | www.example.org")
    False
    """
    head, _, last = text.rpartition(" ")
    if not last.startswith(("http://", "https://", "www.")) or text.startswith(BULLETS):
        return False
    words = len(head.split())  # the address's slashes are no separators of a menu
    return words >= 10 and sum(map(SEPARATORS.__contains__, head)) < PROSE_SEPARATORS * words


OwnRows = dict[tuple[str, bool, bool, int], list[float]]


def unit_features(units: list[Unit], lang: str, seen: OwnRows | None = None) -> list[list[float]]:
    """One row of FEATURES per unit: its own signals and its neighbours'."""
    n = len(units)
    if not n:
        return []
    # a page repeats units (menus, one-word lines): each distinct one is computed once,
    # and the content stage's later rounds meet the same units again (``seen``)
    if seen is None:
        seen = {}
    own = []
    for u in units:
        key = (u.text, u.bullet, u.columns, u.gaps)
        row = seen.get(key)
        if row is None:
            row = seen[key] = _own(u, lang)
        own.append(row)
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
    """Each row with the first pass's probabilities of the unit and its neighbours
    (CONTEXT_FEATURES)."""
    n = len(p1)
    pp = [0.0, 0.0] + p1 + [0.0, 0.0]  # pp[i + 2] is unit i's
    # (max(0, i - 3), min(n, i + 4)) for each unit
    windows = zip([0] * min(n, 3) + list(range(n - 3)), list(range(4, n + 1)) + [n] * min(n, 3))
    return [
        row + [p, prev, nxt, prev2, nxt2, sum(p1[lo:hi]) / (hi - lo)]
        for row, p, prev, nxt, prev2, nxt2, (lo, hi) in zip(rows, p1, pp[1:], pp[3:], pp, pp[4:], windows)
    ]
