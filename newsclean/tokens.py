"""The tokenizer: words as newsclean counts them, for phrases, languages and features.

>>> find_words("don't e-mail u.s. -- ok")
["don't", 'e-mail', 'u.s', 'ok']
>>> words("Back to top » Go to HOME page |")
('back', 'to', 'top', 'go', 'to', 'home', 'page')
"""

from __future__ import annotations

from .regexes import compile_pattern, compile_re

# Words: letters/digits with inner apostrophes, dots or hyphens ("don't", "u.s", "e-mail").
WORD_RE = compile_pattern(r"\w+(?:['’.\-]\w+)*+")

# WORD_RE in the standard re module, which runs it about twice as fast as regex does, for
# text whose characters both modules' \w judge alike: ASCII ([0-9A-Za-z_] is \w there),
# and Latin letters with general punctuation (curly quotes, dashes), less the characters
# where they differ (superscript digits, vulgar fractions, joiners, connectors).
# (\w spelt out as a set, which re matches faster than its own \w).
_ASCII_WORD_RE = compile_re(r"[0-9A-Za-z_]+(?:['.\-][0-9A-Za-z_]+)*")
_LATIN_W = "0-9A-Za-z_\xaa\xb5\xba\xc0-\xd6\xd8-\xf6\xf8-\u024f"
_LATIN_WORD_RE = compile_re(f"[{_LATIN_W}]+(?:['’.\\-][{_LATIN_W}]+)*")
# Currency signs, the trade mark sign, arrows, box drawing, shapes and miscellaneous
# symbols (□ ● ★ € ™ in menus) are word characters for neither module: no reason to
# leave the fast path.
_NOT_LATIN = compile_re(
    "[^\x00-\xb1\xb4-\xb8\xba\xbb\xbf-\u024f\u2000-\u200b\u200e-\u203e\u2041-\u2053\u2055-\u206f"
    "\u20a0-\u20c0\u2122\u2190-\u21ff\u2500-\u26ff]"
)


def find_words(text: str) -> list[str]:
    """``WORD_RE.findall(text)``, faster on ASCII and Latin-script text.

    >>> find_words("don't e-mail u.s. -- ok"), find_words("l’été s'en va")
    (["don't", 'e-mail', 'u.s', 'ok'], ['l’été', "s'en", 'va'])
    """
    if text.isascii():
        return _ASCII_WORD_RE.findall(text)
    if _NOT_LATIN.search(text) is None:
        return _LATIN_WORD_RE.findall(text)
    return WORD_RE.findall(text)


def words(text: str) -> tuple[str, ...]:
    """Lower-cased word tokens, punctuation and separators dropped; hyphens are
    ignored, so "E-mail" matches "email".

    >>> words("Back to top » Go to HOME page |")
    ('back', 'to', 'top', 'go', 'to', 'home', 'page')
    >>> words("E-mail this")
    ('email', 'this')
    """
    low = text.casefold()
    if "-" in low:
        low = low.replace("-", "")
    return tuple(find_words(low))


# WORD_RE or a line break: one findall over the whole case-folded document gives every
# line's tokens (a token never spans a line break), instead of one findall per line.
_TOKENS_OR_NEWLINE = compile_pattern(f"(?:{WORD_RE.pattern})|\n", WORD_RE.flags)


def line_tokens(doc) -> list[str]:
    """Per line, its case-folded word tokens joined by single spaces.

    Equal, line for line, to ``" ".join(WORD_RE.findall(line.text.casefold()))``.

    >>> from newsclean.document import Document
    >>> line_tokens(Document.from_text("Back to TOP\\n\\n» Home «"))
    ['back to top', '', 'home']
    """

    def compute(d) -> list[str]:
        if not d.lines:
            return []
        joined = " ".join(_TOKENS_OR_NEWLINE.findall(d.source_text.casefold()))
        return [part.strip(" ") for part in joined.split("\n")]

    return doc.view("line_tokens", compute)
