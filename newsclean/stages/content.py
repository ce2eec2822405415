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
import json
import math
from dataclasses import dataclass
from importlib import resources

import regex

from ..document import Document, Line
from ..language import STOPWORDS, ALL_STOPWORDS
from ..packs import WORD_RE
from ..registry import stages
from ..text import squeeze
from ..wrap import continues

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
DATE_RE = regex.compile(r"\b(?:1[89]|20)\d\d\b|\b\d{1,2}[./:]\d{1,2}(?:[./]\d{2,4})?\b")


@dataclass
class Unit:
    lines: list[Line]
    text: str
    words: list[str]
    bullet: bool
    index: int = 0
    prob: float = 0.5


def build_units(doc: Document, width: int | None) -> list[Unit]:
    """Group kept, non-blank lines into paragraphs (joining hard-wrapped lines).

    Removed lines are skipped over, blank lines end a unit.
    """
    units: list[Unit] = []
    current: list[Line] = []

    def flush() -> None:
        if current:
            text = squeeze(" ".join(ln.text for ln in current))
            first = current[0].text.lstrip()
            units.append(
                Unit(list(current), text, WORD_RE.findall(text.casefold()), first.startswith(BULLETS))
            )
            current.clear()

    for line in doc.lines:
        if line.removal is not None:
            flush()
            continue
        if line.blank:
            flush()
            continue
        if current and not continues(current[-1].text, line.text, width):
            flush()
        current.append(line)
    flush()
    for i, u in enumerate(units):
        u.index = i
    return units


FEATURES = (
    "bias",
    "log_words",
    "short",
    "stopwords",
    "terminal",
    "bullet",
    "capitalised",
    "digits",
    "separators",
    "commas",
    "date",
    "upper",
    "position",
    "prev_log_words",
    "next_log_words",
    "prev_terminal",
    "next_terminal",
    "short_run",
    "window_stopwords",
    "window_log_words",
)


def _own(u: Unit, lang: str) -> dict[str, float]:
    n = len(u.words)
    text = u.text
    sw = STOPWORDS.get(lang, ALL_STOPWORDS)
    stop = sum(1 for w in u.words if w in sw) / n if n else 0.0
    stripped = text.rstrip()
    caps = [w for w in text.split() if w[:1].isalpha()]
    capitalised = sum(1 for w in caps if w[0].isupper()) / len(caps) if caps else 0.0
    digits = sum(c.isdigit() for c in text) / max(1, len(text))
    seps = sum(1 for c in text if c in SEPARATORS) / max(1, n)
    commas = text.count(",") / max(1, n)
    date = 1.0 if DATE_RE.search(text) or any(w in MONTHS for w in u.words[:12]) else 0.0
    letters = [c for c in text if c.isalpha()]
    upper = 1.0 if len(letters) > 3 and all(c.isupper() for c in letters) else 0.0
    return {
        "log_words": math.log1p(n),
        "short": 1.0 if n < 5 else 0.0,
        "stopwords": stop,
        "terminal": 1.0 if stripped.endswith(TERMINAL) else 0.0,
        "bullet": 1.0 if u.bullet else 0.0,
        "capitalised": capitalised,
        "digits": digits,
        "separators": min(seps, 1.0),
        "commas": min(commas, 0.5),
        "date": date,
        "upper": upper,
    }


def unit_features(units: list[Unit], lang: str) -> list[list[float]]:
    own = [_own(u, lang) for u in units]
    n = len(units)
    rows = []
    for i, f in enumerate(own):
        prev = own[i - 1] if i > 0 else None
        nxt = own[i + 1] if i + 1 < n else None
        # how many short units stand around this one (link-list shape)
        run = 0
        j = i - 1
        while j >= 0 and own[j]["short"] and run < 10:
            run += 1
            j -= 1
        j = i + 1
        while j < n and own[j]["short"] and run < 10:
            run += 1
            j += 1
        lo, hi = max(0, i - 2), min(n, i + 3)
        window = own[lo:hi]
        row = dict(f)
        row.update(
            bias=1.0,
            position=i / max(1, n - 1),
            prev_log_words=prev["log_words"] if prev else 0.0,
            next_log_words=nxt["log_words"] if nxt else 0.0,
            prev_terminal=prev["terminal"] if prev else 0.0,
            next_terminal=nxt["terminal"] if nxt else 0.0,
            short_run=run / 10,
            window_stopwords=sum(w["stopwords"] for w in window) / len(window),
            window_log_words=sum(w["log_words"] for w in window) / len(window),
        )
        rows.append([row[k] for k in FEATURES])
    return rows


@functools.lru_cache(maxsize=None)
def load_model() -> dict:
    text = resources.files("newsclean").joinpath("content_model.json").read_text("utf-8")
    model = json.loads(text)
    if tuple(model["features"]) != FEATURES:
        raise ValueError("content_model.json was fitted for other features: run `make train`")
    return model


def probabilities(rows: list[list[float]], model: dict) -> list[float]:
    mean, scale, weights = model["mean"], model["scale"], model["weights"]
    out = []
    for row in rows:
        z = 0.0
        for x, m, s, w in zip(row, mean, scale, weights):
            z += w * ((x - m) / s)
        out.append(1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z)))))
    return out


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
    params = {**model.get("params", {}), **options}
    probs = probabilities(unit_features(units, lang), model)
    for u, p in zip(units, probs):
        u.prob = p
    markers = end_markers(doc, ctx.pack(doc).markers if ctx is not None else {})
    select(doc, units, params, markers)


def end_markers(doc: Document, markers: dict) -> list[int]:
    """Line numbers of end-of-article headings ("Related stories", "Comments"...)."""
    if not markers:
        return []
    longest = max(len(m) for m in markers)
    found = []
    for line in doc.lines:
        text = line.text
        if not text or len(text) > 80:
            continue
        words = tuple(WORD_RE.findall(text.casefold()))
        if 0 < len(words) <= longest and words in markers:
            found.append(line.number)
    return found


def select(doc: Document, units: list[Unit], params: dict, markers: list[int] = ()) -> None:
    """Choose the article region and mark everything else removed."""
    bias = params.get("bias", 0.5)
    low = params.get("low", 0.2)
    # Maximum-sum run: units count by their words, so one long paragraph outweighs a
    # handful of menu items.
    best, best_lo, best_hi = -math.inf, 0, -1
    run, lo = 0.0, 0
    for i, u in enumerate(units):
        v = (u.prob - bias) * (1 + math.sqrt(len(u.words)))
        if run <= 0:
            run, lo = v, i
        else:
            run += v
        if run > best:
            best, best_lo, best_hi = run, lo, i
    if best_hi < 0:
        return
    best_hi = _cut_at_marker(units, best_lo, best_hi, markers, bias)
    start = _extend_to_headline(units, best_lo)
    for i, u in enumerate(units):
        if start <= i <= best_hi:
            if u.prob < low and i >= best_lo:
                for line in u.lines:
                    doc.remove(line, "content", f"low-content:{u.prob:.2f}")
            continue
        for line in u.lines:
            doc.remove(line, "content", f"outside-article:{u.prob:.2f}")


def _cut_at_marker(units: list[Unit], lo: int, hi: int, markers, bias: float) -> int:
    """End the region at the first end-of-article heading inside it that has more
    article text above it than below it."""
    if not markers:
        return hi

    def good_words(a: int, b: int) -> int:
        return sum(len(u.words) for u in units[a:b] if u.prob >= bias)

    for number in markers:
        # the first unit that starts after the marker line
        cut = next((i for i in range(lo, hi + 1) if units[i].lines[0].number > number), None)
        if cut is None or cut <= lo:
            continue
        above, below = good_words(lo, cut), good_words(cut, hi + 1)
        if above >= 30 and above >= below:
            return cut - 1
    return hi


def _extend_to_headline(units: list[Unit], start: int, reach: int = 3) -> int:
    """Step back over the dateline, byline and one headline above the region."""
    i = start
    headline = False
    while i > 0 and start - i < reach:
        u = units[i - 1]
        n = len(u.words)
        if u.bullet or n == 0:
            break
        looks_date = bool(DATE_RE.search(u.text)) and n <= 12
        looks_byline = u.words[0] in ("by", "von", "par", "por", "di", "door", "от") and n <= 10
        if looks_date or looks_byline:
            i -= 1
            continue
        if not headline and 2 <= n <= 30 and not u.text.endswith((".", ":", "»")):
            headline = True
            i -= 1
            continue
        break
    return i
