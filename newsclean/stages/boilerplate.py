"""Boilerplate strippers: layout leftovers, lines made of known phrases, known sentences.

>>> from newsclean.pipeline import Context
>>> from newsclean.document import Document
>>> doc = Document.from_text(
...     "Back to top\\u00a0\\u00a0 Go to home page clear\\n"
...     "The team went back to top form.\\n"
...     "[arrow9x7]\\n"
...     "Share on Facebook | Tweet | Email this\\n"
...     "We use cookies to give you the best experience.")
>>> ctx = Context()
>>> layout(doc, ctx); boilerplate_lines(doc, ctx); boilerplate_sentences(doc, ctx)
>>> [(l.number, l.removal.rule) for l in doc.removed()]
[(1, 'phrase:layout+navigation'), (3, 'image-placeholder'), (4, 'phrase:navigation+share'), (5, 'pattern:cookie')]
"""

from __future__ import annotations

import regex

from ..document import Document, Line
from ..packs import Pack, line_tokens, words
from ..registry import stages
from ..text import squeeze

# [arrow9x7], [nee_262731a.jpg], [IMG], [spacer.gif ]: names of images the dumper printed.
IMAGE_RE = regex.compile(
    r"\[\s*+(?:[\w\-.]{0,80}\.(?:jpe?g|gif|png|bmp|webp|svg|ico)|img|image|inline|"
    r"[a-z_\-]{1,40}+\d[\w\-]{0,40}+)\s*+\]",
    regex.IGNORECASE,
)
FORM_FIELD = "___"
_LINE_MAX_WORDS = 40


def _is_symbols_only(text: str) -> bool:
    # Most lines start with a letter: answer those without walking the line.
    return not text[:1].isalnum() and not any(map(str.isalnum, text))




@stages.register("layout")
def layout(doc: Document, ctx) -> None:
    """Remove layout leftovers: symbol-only lines, image names, iframes, form fields.

    Rules: ``symbols-only`` (``*``, ``|``, ``----``), ``image-placeholder``
    (``[arrow9x7]``, ``[photo.jpg]``), ``iframe`` (``IFRAME: frame1``), ``form-field``
    (``Search ____________ Go``).
    """
    for line in doc.lines:
        if line.removal is not None:
            continue
        text = line.text.strip()
        if not text:
            continue
        if not text[0].isalnum() and _is_symbols_only(text):
            doc.remove(line, "layout", "symbols-only")
        elif text[0] == "[" and not IMAGE_RE.sub("", text).strip(" \t\u00a0|-*"):
            doc.remove(line, "layout", "image-placeholder")
        elif text.startswith(("IFRAME:", "IFRAME :")):
            doc.remove(line, "layout", "iframe")
        elif FORM_FIELD in text and len(text.split()) < 15:
            doc.remove(line, "layout", "form-field")


def segment(tokens: tuple[str, ...], pack: Pack) -> set[str] | None:
    """Categories of the phrases that make up ``tokens`` exactly, or None.

    Numbers may stand between phrases ("Comments 12", "Page 2 of 3" needs "of" as a
    phrase). At least one phrase must be present.

    >>> from newsclean.packs import parse_pack
    >>> p = parse_pack("[navigation]\\nback to top\\nhome\\n[share]\\ntweet\\n")
    >>> sorted(segment(("back", "to", "top", "tweet", "3"), p))
    ['navigation', 'share']
    >>> segment(("back", "to", "top", "form"), p) is None
    True
    """
    n = len(tokens)
    if n == 0 or n > _LINE_MAX_WORDS:
        return None
    vocabulary = pack.vocabulary
    if not vocabulary.issuperset(tokens):
        # A token in no phrase can only be a number: most lines of prose end here.
        for t in tokens:
            if t not in vocabulary and not t.isdigit():
                return None
    phrases = pack.phrases
    longest = pack.longest
    # best[i]: categories used to cover tokens[:i] (None: not coverable)
    best: list[set[str] | None] = [None] * (n + 1)
    best[0] = set()
    for i in range(n):
        cats = best[i]
        if cats is None:
            continue
        if tokens[i].isdigit() and best[i + 1] is None:
            best[i + 1] = cats
        for k in range(1, min(longest, n - i) + 1):
            cat = phrases.get(tokens[i : i + k])
            if cat is not None and best[i + k] is None:
                best[i + k] = cats | {cat}
    result = best[n]
    return result or None


def _ends_sentence_of(above: str, text: str) -> bool:
    """A short line ending a sentence right under a long line that does not: the end
    of a wrapped sentence ("... or pay" / "more."), not a menu item.

    >>> _ends_sentence_of("The mayor said the city would find the money or pay", "more.")
    True
    >>> _ends_sentence_of("Home", "More.")
    False
    """
    body = text.strip()
    head = above.rstrip()
    return (
        len(head) >= 40
        and body[-1:] in ".!?"
        and head[-1:].isalnum()
        and len(body.split()) <= 3
    )


def logical_lines(doc: Document) -> list[list[Line]]:
    """Kept, non-blank lines grouped into the paragraphs a dumper hard-wrapped; a line of
    an unwrapped dump is a group of its own."""
    from ..wrap import continues
    from .normalize import wrap_width

    width = wrap_width(doc)
    groups: list[list[Line]] = []
    prev: Line | None = None
    for line in doc.lines:
        if line.removal is not None or not line.text.strip():
            prev = None
            continue
        if prev is not None and width is not None and continues(prev.text, line.text, width):
            groups[-1].append(line)
        else:
            groups.append([line])
        prev = line
    return groups


@stages.register("boilerplate-lines")
def boilerplate_lines(doc: Document, ctx) -> None:
    """Remove lines made only of known boilerplate phrases, alone or several in a row.

    ``Back to top    Go to home page clear`` and ``Share | Tweet | Email`` go;
    ``The team went back to top form`` stays, and so does ``more.`` when it is the
    last line of a hard-wrapped paragraph: a wrapped paragraph is judged whole.
    Rule: ``phrase:<categories>``.
    """
    pack = ctx.pack(doc)
    all_tokens = line_tokens(doc)  # each line's words, computed once per document
    for group in logical_lines(doc):
        if len(group) == 1:
            line = group[0]
            text = line.text
            if line.number > 1 and _ends_sentence_of(doc.lines[line.number - 2].text, text):
                continue
            if "[" in text:
                tokens = words(IMAGE_RE.sub(" ", text))
            else:
                joined = all_tokens[line.number - 1]
                if not joined or joined.count(" ") >= _LINE_MAX_WORDS:
                    continue  # no words, or too many: segment() would say None
                tokens = tuple((joined.replace("-", "") if "-" in joined else joined).split(" "))
        else:
            text = " ".join(line.text for line in group)
            if "[" in text:
                text = IMAGE_RE.sub(" ", text)
            tokens = words(text)
        cats = segment(tokens, pack)
        if cats:
            rule = "phrase:" + "+".join(sorted(cats))
            for line in group:
                doc.remove(line, "boilerplate-lines", rule)


@stages.register("boilerplate-sentences")
def boilerplate_sentences(doc: Document, ctx) -> None:
    """Remove lines that match a pack's boilerplate patterns (cookie notices, copyright).

    Patterns are anchored, searched in the lower-cased, space-squeezed paragraph (a
    hard-wrapped notice goes with all its lines). Rule: ``pattern:<category>``.
    """
    pack = ctx.pack(doc)
    if not pack.patterns:
        return
    categorised = pack.categorised_pattern  # anchored packs: one search per line
    any_pattern = None if categorised else pack.any_pattern  # else: one search rules most out
    patterns = None  # per category, compiled on the first line that may match
    folded = doc.folded_squeezed_lines()
    for group in logical_lines(doc):
        if len(group) == 1:
            text = group[0].text
            low = folded[group[0].number - 1]
        else:
            text = " ".join(line.text for line in group)
            low = squeeze(text).casefold()
        if len(text) > 2000:
            continue
        if categorised is not None:
            m = categorised[0].search(low)
            if m:
                for line in group:
                    doc.remove(line, "boilerplate-sentences", "pattern:" + categorised[1][m.lastgroup])
            continue
        if any_pattern is not None and not any_pattern.search(low):
            continue
        if patterns is None:
            patterns = pack.combined_patterns
        for cat, pat in patterns.items():
            if pat.search(low):
                for line in group:
                    doc.remove(line, "boilerplate-sentences", "pattern:" + cat)
                break
