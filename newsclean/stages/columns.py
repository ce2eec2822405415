"""Side-by-side table cells: keep the article's column of a line, cut the menu beside it.

Text dumpers print an HTML table row on one line, its cells separated by runs of
spaces. On pages laid out with tables, one line can hold a menu item and a line of the
article, or the article and a column of share prices. The content stage keeps or
removes a line whole; this stage then cuts the lines it kept down to the article's
column.

The article's column is where the kept lines' widest cells start, counted by their
words (at most twenty a line), and it reaches as far as most of those cells do. A kept
line is cut to its cells inside that column when the cells outside it do not read as
prose (six words or more, an eighth of them stopwords): a menu item, a price, a list of
names goes; a sentence beside the article stays, and so does the whole line. A line
with nothing in the column, between two lines that were cut, is a menu row of the same
table and is removed. A page with fewer than three lines of side-by-side cells is not
a table layout and is left alone. Rules: ``side-cell`` (a cut), ``off-column``.

>>> from newsclean.pipeline import Pipeline
>>> lines = ["Home             The harbour at Kilmore was closed on Monday after a storm",
...          "World            damaged two of its piers, the coastguard said on Monday.",
...          "Sport            Fishermen said they had not seen waves like it in years,",
...          "Business         and repairs could take several weeks, the council said."]
>>> print(Pipeline().clean("\\n".join(lines)), end="")
The harbour at Kilmore was closed on Monday after a storm damaged two of its piers, the coastguard said on Monday. Fishermen said they had not seen waves like it in years, and repairs could take several weeks, the council said.
"""

from __future__ import annotations

import collections

from ..context import Context
from ..document import Document
from ..language import STOPWORDS
from ..registry import stages
from ..text import cells, widest_cell
from .boilerplate import PATTERN_TIMEOUT, PatternSearch, debris_rule

PUNCTUATION = ".,;:!?…\"'“”‘’«»()[]"

MIN_WORDS = 4  # the kept cell: a few words of the article, not a table's label
PROSE_WORDS = 6  # a cut cell must not be a sentence of this many words or more
TOLERANCE = 2  # columns within this many characters are the same column
VOTE_CAP = 20  # the most words a line's widest cell counts for in finding the column


def reads_as_prose(cell: str, stopwords: frozenset[str]) -> bool:
    """Six words or more, one in eight a stopword of the page's language: running text
    (even a line of a wrapped paragraph), not a menu, a price list or a list of names.

    >>> en = STOPWORDS["en"]
    >>> reads_as_prose("the water company said on Tuesday, ending two years of", en)
    True
    >>> reads_as_prose("Wheat 212.40 +1.2%", en), reads_as_prose("3M India Aarti Drugs Adani Ports ACC", en)
    (False, False)
    """
    words = cell.casefold().split()
    if len(words) < PROSE_WORDS:
        return False
    return sum(1 for w in words if w.strip(PUNCTUATION) in stopwords) * 8 >= len(words)


def article_column(rows: dict[int, list[tuple[int, str]]]) -> tuple[int, int] | None:
    """(left, right): where the kept lines' widest cells start (``rows``: each kept
    line's cells), counted by their words, and how far most of those cells reach (a
    wrapped column ends there)."""
    widest = []
    weight: collections.Counter = collections.Counter()
    for row in rows.values():
        start, cell = widest_cell(row)
        widest.append((start, cell))
        # a line's vote, capped: one giant cell (a list of 3,000 share names) must not
        # outvote the twenty lines of a wrapped article
        weight[start] += min(len(cell.split()), VOTE_CAP)
    left = weight.most_common(1)[0][0]
    ends = sorted(s + len(c) for s, c in widest if abs(s - left) <= TOLERANCE and len(c.split()) >= MIN_WORDS)
    if not ends:
        return None
    return left, ends[(3 * len(ends)) // 4]


@stages.register("columns", after=("content",))
def columns(doc: Document, ctx: Context, *, min_lines: int = 3) -> None:
    """Cut kept lines of a table layout down to the article's column (see the module).

    Does nothing unless at least ``min_lines`` kept lines have side-by-side cells. A
    kept line with no cell in the article's column, between two lines that were cut,
    is a menu row inside the table and goes. Rules: ``side-cell`` (a cut),
    ``off-column`` (a removal).
    """
    kept = [line for line in doc.lines if line.removal is None and line.text.strip()]
    # a run of three spaces inside a line is two cells or more
    if sum(1 for line in kept if "   " in line.text.strip()) < min_lines:
        return
    rows = {line.number: cells(line.text) for line in kept}
    column = article_column(rows)
    if column is None:
        return
    left, right = column
    lang = ctx.language_of(doc)
    stopwords = STOPWORDS.get(lang, STOPWORDS["en"])
    pack = ctx.pack(doc)
    search = PatternSearch(pack, PATTERN_TIMEOUT if ctx.rules else None)
    # Each kept line's fate: "cut", "off" (no cell in the column, no prose) or "keep".
    fate: dict[int, str] = {}
    for line in kept:
        row = rows[line.number]
        band = [c for c in row if left - TOLERANCE <= c[0] < right]
        if not band or abs(band[0][0] - left) > TOLERANCE:
            band = []
        inside = set(band)
        others = [cell for start, cell in row if (start, cell) not in inside]
        if not others or any(reads_as_prose(cell, stopwords) for cell in others):
            fate[line.number] = "keep"
        elif band:
            start, end = band[0][0], band[-1][0] + len(band[-1][1])
            # the cell kept is written as a line of its own: judged as one
            rule = debris_rule(line.text[start:end], pack, search)
            if rule:
                fate[line.number] = "off"
                doc.remove(line, "columns", "debris-cell:" + rule)
                continue
            fate[line.number] = "cut"
            doc.cut(line, start, end, "columns", "side-cell")
        else:
            fate[line.number] = "off"
    numbers = list(fate)
    for i, number in enumerate(numbers):
        if fate[number] != "off" or i == 0 or i + 1 == len(numbers):
            continue
        if fate[numbers[i - 1]] == fate[numbers[i + 1]] == "cut":
            # a menu or sidebar row inside the article's run of table rows
            doc.remove(doc.lines[number - 1], "columns", "off-column")
