"""Whitespace and character helpers shared by stages (str methods, no regex)."""

from __future__ import annotations

from .regexes import compile_re

# Spaces that render like a space: non-breaking, figure, thin, ideographic, tab...
_SPACES = "\t\x0b\x0c\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
# Invisible characters with no meaning in running text. ZWNJ/ZWJ are kept: they
# change how Persian, Indic scripts and emoji render.
_INVISIBLE = "\u200b\u2060\ufeff\u00ad"

_TABLE: dict[int, str | None] = {ord(c): " " for c in _SPACES}
_TABLE.update({ord(c): None for c in _INVISIBLE})


def squeeze(text: str) -> str:
    """Unicode spaces to one plain space, invisible characters gone, ends stripped.

    >>> squeeze("  Back\\u00a0to\\u200b top   now\\t")
    'Back to top now'
    """
    out = text.translate(_TABLE)
    if "  " in out:
        out = " ".join(part for part in out.split(" ") if part)
    return out.strip()


# The same in whole-text passes (a translate with deletions is slow on long text): a
# str.replace per character present, each a fast C scan, is several times faster than
# one substitution of a character set; runs of spaces are one substitution.
_RUN_RE = compile_re("  +")


def squeeze_lines(text: str) -> list[str]:
    """:func:`squeeze` of each ``\\n``-separated line of ``text``, line for line.

    >>> squeeze_lines("  Back\\u00a0to\\u200b top   now\\t\\n\\n a  b ")
    ['Back to top now', '', 'a b']
    """
    for c in _SPACES:
        if c in text:
            text = text.replace(c, " ")
    for c in _INVISIBLE:
        if c in text:
            text = text.replace(c, "")
    if "  " in text:
        text = _RUN_RE.sub(" ", text)  # a run of spaces never spans a line break
    return [line.strip() for line in text.split("\n")]


def cells(text: str) -> list[tuple[int, str]]:
    """The cells of a line that a dumper printed from a table row: (start column,
    text), split at runs of three spaces or more (two occur inside prose, after a full
    stop). A line without such a run is one cell.

    >>> cells("  Home      The article.   More")
    [(2, 'Home'), (12, 'The article.'), (27, 'More')]
    >>> cells("   Plain prose, with  two spaces.")
    [(3, 'Plain prose, with  two spaces.')]
    """
    out = []
    pos = 0
    for piece in text.split("   "):  # a longer run leaves its rest on the next piece
        body = piece.strip()
        if body:
            out.append((pos + len(piece) - len(piece.lstrip()), body))
        pos += len(piece) + 3
    return out


def widest_cell(row: list[tuple[int, str]]) -> tuple[int, str]:
    """The cell of ``row`` (from :func:`cells`) with the most words; the first of equals.

    >>> widest_cell(cells("Home      The article starts here.   More"))
    (10, 'The article starts here.')
    """
    return max(row, key=lambda c: len(c[1].split()))
