"""Hard-wrapped input: find the column a dumper wrapped at, and which lines it broke.

Text dumpers wrap long paragraphs at a fixed width (lynx at 80 columns, and even its
"unlimited" width stops near 1,000). A line was broken by the dumper, not by the page,
when the next line's first word would not have fitted after it.

>>> lines = ["   The quick brown fox jumps over", "   the lazy dog.", "   A short line.",
...          "   Another line that is long enough", "   to wrap."]
>>> width = detect_width(lines, min_lines=2)
>>> width
35
>>> [continues(lines[i], lines[i + 1], width) for i in range(4)]
[True, False, False, True]
>>> right = ["Subscribe to this paper".rjust(60), "Email this article".rjust(60)]
>>> continues(right[0], right[1], 60)
False
"""

from __future__ import annotations

# A continuation line does not start a list item or a table row.
_ITEM_STARTS = ("* ", "+ ", "o ", "# ", "- ", "• ", "· ", "| ", "> ", "[")


def detect_width(lines: list[str], *, slack: int = 12, min_lines: int = 3) -> int | None:
    """The wrap column of a hard-wrapped dump, or None if it does not look wrapped.

    The longest line sets the candidate; the dump is wrapped there when several lines
    reach close to it (prose lines end wherever the next word did not fit) and some of
    them are visibly broken mid-sentence (see :func:`broken_mid_sentence`) or the text
    is indented as dumps are: text stored one paragraph per line has long lines too,
    but each ends its paragraph.

    >>> paragraphs = ["A first paragraph of text, long enough to be near the widest.",
    ...               "Another paragraph of text, as long as the first one was, ok.",
    ...               "And a third paragraph of text, about as long as the others."]
    >>> detect_width(paragraphs) is None
    True
    """
    if not lines or max(map(len, lines)) < 30:  # no line reaches a wrap width (the test below)
        return None
    lengths = [len(s.rstrip()) for s in lines if s.strip()]
    if len(lengths) < min_lines:
        return None
    width = max(lengths)
    if width < 30:
        return None
    near = sum(1 for n in lengths if n >= width - slack)
    if near >= min_lines or (near >= 2 and near >= 0.05 * len(lengths)):
        # A dump indents (lynx its paragraphs, w3m its table cells, which it wraps at
        # the cell's width) or sets cells side by side: judged by lengths alone, as
        # dumpers wrap. Flat text needs to show its breaks.
        if any(s[:1].isspace() or "   " in s.strip() for s in lines if s.strip()) or broken_mid_sentence(
            lines, width - slack, near
        ):
            return width
    return None


# A paragraph's last character: a line that ends with one may end its paragraph.
_ENDS = tuple('.!?…"”»\'’)]:;。！？」』')


def broken_mid_sentence(lines: list[str], reach: int, near: int, *, share: float = 0.2) -> bool:
    """Whether the lines at least ``reach`` long (``near`` of them) show a dumper's
    line breaks: at least one, and ``share`` of them, end without a paragraph's last
    character and are followed by a line that starts with a letter that is not a
    capital (the rest of the sentence). In text stored one paragraph per line no long
    line is followed by one that goes on with its sentence.

    >>> broken_mid_sentence(["The quick brown fox jumps over", "the lazy dog."], 20, 1)
    True
    >>> broken_mid_sentence(["The quick brown fox jumped over.", "The lazy dog slept."], 20, 1)
    False
    """
    found = 0
    prev = ""
    for line in lines:
        body = line.strip()
        if not body:
            prev = ""
            continue
        if prev:
            first = body[0]
            if first.isalpha() and not first.isupper():
                found += 1
        tail = line.rstrip()
        prev = tail if len(tail) >= reach and not tail.endswith(_ENDS) else ""
    return found >= 1 and found >= share * near


def continues(line: str, nxt: str, width: int | None) -> bool:
    """Whether ``nxt`` continues ``line``'s paragraph after a dumper's line break."""
    if width is None:
        return False
    body = nxt.strip()
    if not body or not line.strip() or body.startswith(_ITEM_STARTS):
        return False
    # A line indented past half the width is a right-aligned or centred cell: a dumper
    # breaks a paragraph at its left margin, never there.
    half = width // 2
    if len(line) - len(line.lstrip()) > half or len(nxt) - len(nxt.lstrip()) > half:
        return False
    first = body.split(None, 1)[0]
    return len(line.rstrip()) + 1 + len(first) > width


def line_groups(doc, width: int | None) -> list[list]:
    """``doc``'s kept, non-blank lines grouped into the paragraphs a dumper hard-wrapped
    at ``width`` (a line of an unwrapped dump is a group of its own). Blank and removed
    lines end a group; a line joins the group above when it :func:`continues` the line
    right before it.

    Whether one line continues the next depends on their texts and ``width`` alone, so
    it is judged once per document and width (kept in a document view) and the stages
    that group lines, several times a pass, only look it up. The groups themselves
    depend on which lines are kept too: they are kept with the document's removal
    ``generation`` and made again only when a line was removed or restored since.

    >>> from newsclean.document import Document
    >>> doc = Document.from_text("A line long enough to be wrapped\\nhere.\\n\\nNext one.")
    >>> [[ln.number for ln in g] for g in line_groups(doc, 33)], len(line_groups(doc, None))
    ([[1, 2], [4]], 3)
    """
    memo = doc.view(("groups", width), lambda d: [-1, []])
    generation = getattr(doc, "generation", None)  # (None: a duck-typed document, no memo)
    if memo[0] != generation or generation is None:
        memo[0], memo[1] = generation, _line_groups(doc, width)
    return list(memo[1])  # (a caller's list: the groups themselves are never changed)


def _line_groups(doc, width: int | None) -> list[list]:
    nonblank = nonblank_lines(doc)
    lines = doc.lines
    if width is None:
        return [[line] for line, full in zip(lines, nonblank) if full and line.removal is None]
    joins = doc.view(("joins", width), lambda d: _joins(d.lines, width))
    groups: list[list] = []
    joinable = False  # whether the line before is kept and not blank
    for line, full, join in zip(lines, nonblank, joins):
        if line.removal is not None or not full:
            joinable = False
            continue
        if joinable and join:
            groups[-1].append(line)
        else:
            groups.append([line])
        joinable = True
    return groups


def nonblank_lines(doc) -> list[bool]:
    """For each line of ``doc``, whether it has more than white space (kept in a view)."""
    return doc.view("nonblank", _nonblank)


def _nonblank(doc) -> list[bool]:
    return [bool(line.text.strip()) for line in doc.lines]


def _joins(lines, width: int) -> list[bool]:
    """For each line, whether it continues the line before it (False for the first)."""
    texts = [line.text for line in lines]
    return [False] + [continues(a, b, width) for a, b in zip(texts, texts[1:])]


def wrap_width(doc) -> int | None:
    """The wrap column of ``doc``'s input lines (:func:`detect_width`), judged once per
    document.

    >>> from newsclean.document import Document
    >>> wrap_width(Document.from_text("short\\nlines")) is None
    True
    """
    if "wrap_width" not in doc.meta:
        doc.meta["wrap_width"] = detect_width([line.text for line in doc.lines])
    return doc.meta["wrap_width"]
