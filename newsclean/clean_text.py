"""Is the input already clean article text? Then it is left alone.

A cleaner run over a curated corpus (a pre-commit hook, a second run over its own
output) meets clean text all the time, and any change it makes there is a loss. Clean
text announces itself by what it lacks. A dump of a web page has a dumper's layout:
indented lines, runs of blank lines, menus of short lines next to blank-separated
prose. Clean text is laid out one way throughout: paragraphs separated by one blank
line (newsclean's own output), or one paragraph per line (how many corpora store
text), or newsclean's own output, paragraphs apart with the items of a list and the
rows of a table one under the other. And it has no debris: next to no line made of
boilerplate phrases (none in a block of lines, where a dump's menus and footers
stand), and prose most of the way.

>>> article = ("Storm closes harbour\\n\\n"
...            "The harbour was closed on Monday after a storm damaged two piers.\\n\\n"
...            "Fishermen said they had not seen waves like it in years.\\n")
>>> layout_of(article.split("\\n"))
'blank'
>>> layout_of(article.replace("\\n\\n", "\\n").split("\\n"))
'lines'
>>> layout_of(["Home", "News", "", "The harbour was closed on Monday."])
'blocks'
>>> layout_of(["Home", "News", "", "   The harbour was closed on Monday."]) is None
True
"""

from __future__ import annotations

from .document import Document, Paragraph

# Stages that judge lines by what they are, before any statistics: their removals are
# the debris signals of a page. The first three always run; the template stage (lines a
# site template learned as the site's furniture) runs when a template is given.
REQUIRED_STAGES = frozenset({"layout", "boilerplate-lines", "boilerplate-sentences"})
DEBRIS_STAGES = REQUIRED_STAGES | {"template"}

# A paragraph's last character (any script).
_ENDS = tuple('.!?…"”»\'’):;。！？」』')


def layout_of(lines: list[str]) -> str | None:
    """``"blank"`` when the non-blank lines are separated by exactly one blank line each,
    ``"lines"`` when there is no blank line between them, ``"blocks"`` when blocks of
    one line or more are separated by one blank line each (newsclean's own output
    when it keeps a list or a table: the paragraphs apart, the items or rows one under
    the other; a dump's menus stand in blocks too, which :func:`is_clean` judges), and
    None for anything else: a line that starts with white space (dumpers indent) or
    holds cells apart, or two blank lines in a row.

    Blank lines before the first and after the last line do not count. A single
    paragraph is ``"blank"``.

    >>> layout_of(["One.", "", "Two.", "", ""]), layout_of(["One.", "Two.", "Three."])
    ('blank', 'lines')
    >>> layout_of(["One.", "", "", "Two."]), layout_of(["One.", "", "Two.", "Three."])
    (None, 'blocks')
    """
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        return None
    last = next(i for i in range(len(lines) - 1, first - 1, -1) if lines[i].strip())  # from the end
    blank_lines = adjacent = 0
    prev_blank = False
    prev_text = False
    plain: set[str] = set()  # texts of lines seen to be plain text (a menu repeats its lines)
    for line in lines[first : last + 1]:
        if line not in plain:
            if not line.strip():
                if prev_blank:
                    return None
                blank_lines += 1
                prev_blank, prev_text = True, False
                continue
            if line[:1].isspace() or "   " in line.rstrip():  # indented, or cells side by side
                return None
            plain.add(line)
        if prev_text:
            adjacent += 1
        prev_blank, prev_text = False, True
    if adjacent == 0:
        return "blank"
    if blank_lines == 0:
        return "lines"
    return "blocks"


def prose_share(texts: list[str], *, blocks: bool = False) -> float:
    """Share of the words that stand in prose: lines of ten words or more, or of four or
    more that end a sentence. A text without spaces (Chinese, Japanese) counts its
    characters: a line of twenty or more, or of eight or more that ends a sentence.
    With ``blocks`` (``texts`` with their blank lines, in the ``"blocks"`` layout),
    the short lines of a block of several lines (a list's items, a table's rows) do
    not count: a long table must not outweigh the article around it.

    >>> round(prose_share(["Home", "News", "The harbour was closed on Monday after a storm."]), 3)
    0.818
    >>> round(prose_share(["ホーム", "市議会は火曜日、新しい橋を春に開通させると発表した。"]), 3)
    0.929
    >>> prose_share(["Home", "", "The harbour was closed on Monday after a storm.", "", "Date Level", "4/3 2.1 m"], blocks=True)
    0.9
    """
    total = prose = 0
    for k, text in enumerate(texts):
        body = text.strip()
        n = len(body.split())
        if n <= 2 and len(body) >= 8 and not body.isascii():
            n = len(body) // 2  # unspaced script: about two characters a word
        if n >= 10 or (n >= 4 and body.endswith(_ENDS)):
            prose += n
        elif blocks and _in_block(texts, k):
            continue
        total += n
    return prose / total if total else 0.0


def is_clean(
    doc: Document, *, max_debris: float = 0.03, max_debris_lines: float = 0.2, min_prose: float = 0.35
) -> bool:
    """Whether ``doc``, judged after the debris stages (layout leftovers, boilerplate
    phrases and sentences), is clean article text: one layout throughout (see
    :func:`layout_of`); at most ``max_debris`` of its words and ``max_debris_lines``
    of its lines in lines those stages removed, and not the first line (a page's
    first line is its masthead or a "Skip to content", an article's its title); and at
    least ``min_prose`` of its words in prose. In the ``"blocks"`` layout no such line
    stands in a block of several lines: a dump's menus and footers are blocks of short
    lines, newsclean's are the lists and tables it kept, where those stages find
    nothing (in its output of the 1,957 evaluation pages, one block in 400 pages);
    and a block's short lines do not count against its prose (see :func:`prose_share`).

    On the gold articles of the evaluation folders (1,006 of them) the debris
    thresholds pass 99%; the layout is what sets dumps apart (no dump of the 1,957
    raw pages there has one layout throughout).

    >>> from newsclean.pipeline import Pipeline
    >>> judge = Pipeline(["layout", "boilerplate-sentences", "boilerplate-lines"])
    >>> text = "The harbour was closed on Monday after a storm damaged two piers.\\n\\nRepairs will take weeks.\\n"
    >>> is_clean(judge.run(text)), is_clean(judge.run("Home\\n\\n" + text + "\\nShare | Tweet | Email\\n"))
    (True, False)
    """
    texts = [line.text for line in doc.lines]
    layout = layout_of(texts)
    if layout is None:
        return False
    blocks = layout == "blocks"
    words = debris = lines = debris_lines = 0
    first = True
    for k, line in enumerate(doc.lines):
        n = _words(line.text)
        if not n:  # blank, or symbols only (a "." or "| |" line is no masthead)
            continue
        words += n
        lines += 1
        if line.removal is not None and line.removal.stage in DEBRIS_STAGES:
            if first:
                return False
            if blocks and _in_block(texts, k):
                return False
            debris += n
            debris_lines += 1
        first = False
    if not words or debris > max_debris * words or debris_lines > max_debris_lines * lines:
        return False
    return prose_share(texts, blocks=blocks) >= min_prose


def _in_block(texts: list[str], k: int) -> bool:
    """Whether line ``k`` stands in a block of several lines (no blank line next to it).

    >>> [_in_block(["Title", "", "Item one", "Item two"], k) for k in (0, 2, 3)]
    [False, True, True]
    """
    return bool((k > 0 and texts[k - 1].strip()) or (k + 1 < len(texts) and texts[k + 1].strip()))


def verbatim_paragraphs(doc: Document) -> list[Paragraph]:
    """The paragraphs of a clean document as they stand, so that writing them gives the
    input back: each run of lines between blank lines is one paragraph, its lines as
    they are (only white space at their ends goes). Zero-width and non-breaking spaces
    are left: a file that was clean is not rewritten for them.

    >>> from newsclean.document import Document
    >>> [p.text for p in verbatim_paragraphs(Document.from_text("A\\u200b title\\n\\nOne.\\nTwo.  \\n"))]
    ['A\\u200b title', 'One.\\nTwo.']
    """
    paragraphs: list[Paragraph] = []
    run: list = []
    for line in [*doc.lines, None]:
        if line is not None and line.text.strip():
            run.append(line)
            continue
        if run:
            paragraphs.append(
                Paragraph("\n".join(ln.text.strip() for ln in run), [ln.number for ln in run], [[ln.number] for ln in run])
            )
            run = []
    return paragraphs


def leave_alone(doc: Document) -> None:
    """Pass a clean document through: every removal undone, its paragraphs as they stand
    (:func:`verbatim_paragraphs`), the first as its headline when it looks like one."""
    for line in doc.lines:
        if line.removal is not None:
            doc.restore(line)
    doc.meta["clean"] = True
    doc.paragraphs = paragraphs = verbatim_paragraphs(doc)
    if paragraphs and doc.headline is None:
        first = paragraphs[0].text
        if "\n" not in first and len(first.split()) <= 30 and not first.endswith("."):
            doc.headline = first


def debris_judged(names: list[str]) -> int:
    """The index in a stage list of the last debris stage, after which a clean document
    is recognised; -1 (never) when the list has no content stage, or its debris stages
    do not all run before it (a custom pipeline gets what it asked for).

    >>> debris_judged(["layout", "boilerplate-sentences", "boilerplate-lines", "template", "content"])
    3
    >>> debris_judged(["layout", "content"])
    -1
    """
    required = [i for i, n in enumerate(names) if n in REQUIRED_STAGES]
    if "content" not in names or len(required) != len(REQUIRED_STAGES):
        return -1
    last = max(i for i, n in enumerate(names) if n in DEBRIS_STAGES)
    return last if last < names.index("content") else -1


def _words(text: str) -> int:
    """The space-separated tokens of ``text`` that hold a letter or digit.

    >>> _words("| Share | 3 |"), _words("...")
    (2, 0)
    """
    return sum(1 for token in text.split() if not token.isascii() or any(c.isalnum() for c in token))


def one_paragraph_per_line(lines: list[str]) -> bool:
    """Whether ``lines`` are paragraphs one per line (no blank line between them): such
    text must not have its lines joined as if a dumper had wrapped them.

    >>> one_paragraph_per_line(["A paragraph.", "Another paragraph, a long one."])
    True
    """
    return layout_of(lines) == "lines"
