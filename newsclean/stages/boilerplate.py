"""Boilerplate strippers: layout leftovers, lines made of known phrases, known sentences.

>>> from newsclean.context import Context
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

import math
import os
import time
from collections.abc import Callable
from typing import Any

from ..context import Context
from ..document import Document, Line
from ..packs import Pack
from ..registry import stages
from ..script import cjk_chars, word_count
from ..signals import Signal
from ..tokens import words
from ..visible import link_texts, visible, visible_line, visible_lines
from ..wrap import line_groups, nonblank_lines, wrap_width

_SENTENCE_END = tuple('.!?…"”»。！？')
# what ends a sentence in any script: the ideographic full stop and full-width ! and ?
_ENDS = ".!?。！？"

FORM_FIELD = "___"
# Seconds the searches of rules-file patterns may take on one document, all together,
# before the stage raises TimeoutError (the runner then passes the document through
# unchanged, with a note). Built-in patterns are proved linear by tests/test_hostile.py
# and run without it (timeout= triples the cost of a search).
DEFAULT_PATTERN_TIMEOUT = 5.0


def pattern_timeout(value: str | None) -> float:
    """Seconds from ``NEWSCLEAN_PATTERN_TIMEOUT``: the default when unset, else a finite
    number above 0 (ValueError says what it got: ``nan`` would switch the limit off).

    >>> pattern_timeout(None), pattern_timeout("0.5")
    (5.0, 0.5)
    """
    if not value:
        return DEFAULT_PATTERN_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = math.nan
    if not (0 < seconds < math.inf):
        raise ValueError(f"NEWSCLEAN_PATTERN_TIMEOUT must be a number of seconds above 0, not {value!r}")
    return seconds


try:
    PATTERN_TIMEOUT = pattern_timeout(os.environ.get("NEWSCLEAN_PATTERN_TIMEOUT"))
except ValueError:  # the command line says so (cli._prepare); the library keeps the default
    PATTERN_TIMEOUT = DEFAULT_PATTERN_TIMEOUT
_LINE_MAX_WORDS = 40


def _is_symbols_only(text: str) -> bool:
    # Most lines start with a letter: answer those without walking the line.
    return not text[:1].isalnum() and not any(map(str.isalnum, text))




def _layout_candidates(doc: Document, squeezed: list[str]) -> list[Line]:
    """The lines :func:`layout` may remove, a superset: the non-blank lines without a
    letter or digit first as squeezed, those with an image name, and (when the document
    has any) those with an iframe or a form field. A line whose squeezed text starts
    with a letter or digit has one in its text, so it is no symbol line, and written as
    it is squeezed, no image placeholder either.
    """
    lines = doc.lines
    full = nonblank_lines(doc)
    shown = "\n".join(squeezed)
    if "IFRAME" in shown or FORM_FIELD in shown:
        return [
            line
            for line, s, f in zip(lines, squeezed, full)
            if f and (not s[:1].isalnum() or "[" in line.text or "IFRAME" in s or FORM_FIELD in s)
        ]
    return [line for line, s, f in zip(lines, squeezed, full) if f and (not s[:1].isalnum() or "[" in line.text)]


@stages.register("layout")
def layout(doc: Document, ctx: Context) -> None:
    """Remove layout leftovers: symbol-only lines, image names, iframes, form fields.

    Rules: ``symbols-only`` (``*``, ``|``, ``----``), ``image-placeholder``
    (``[arrow9x7]``, ``[photo.jpg]``), ``iframe`` (``IFRAME: frame1``), ``form-field``
    (``Search ____________ Go``).
    """
    squeezed = doc.squeezed_lines()  # cached per document
    for line in _layout_candidates(doc, squeezed):
        if line.removal is not None:
            continue
        text = line.text.strip()
        if not text:
            continue
        if not text[0].isalnum() and _is_symbols_only(text):
            doc.remove(line, "layout", "symbols-only")
            continue
        # Judged as written: ": [A0]" is a symbol once the image name goes, and
        # "_\ufeff__" a form field once the invisible character goes. (visible() of the
        # line is visible() of its stripped text: both squeeze it first.)
        vis = visible_line(doc, line)
        if _is_symbols_only(vis):
            doc.remove(line, "layout", "image-placeholder")
        elif vis.startswith(("IFRAME:", "IFRAME :")):
            doc.remove(line, "layout", "iframe")
        elif FORM_FIELD in vis and word_count(vis.split()) < 15:
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


def phrase_rule(text: str, pack: Pack) -> str:
    """``phrase:<categories>`` when ``text`` is made of the pack's phrases (see
    :func:`segment`), else "".

    A line of prose is answered before it is tokenized: a space-separated piece of
    letters only is, case-folded, one token of its own (every letter folds to word
    characters), and one that is in no phrase (and no number) rules the line out. Most
    lines have such a word among their first few.

    >>> from newsclean.packs import parse_pack
    >>> p = parse_pack("[navigation]\\nback to top\\n[share]\\ntweet\\n")
    >>> phrase_rule("Back to top | Tweet", p), phrase_rule("Back to the top", p)
    ('phrase:navigation+share', '')
    """
    vocabulary = pack.vocabulary
    for piece in text.split(None, 8)[:8]:
        if piece.isalpha() and piece.casefold() not in vocabulary:
            return ""
    cats = segment(words(text), pack)
    return "phrase:" + "+".join(sorted(cats)) if cats else ""


def _ends_sentence_of(above: str, text: str) -> bool:
    """A short line ending a sentence right under a long line that does not: the end
    of a wrapped sentence ("... or pay" / "more."), not a menu item.

    >>> _ends_sentence_of("The mayor said the city would find the money or pay", "more.")
    True
    >>> _ends_sentence_of("Home", "More.")
    False
    >>> _ends_sentence_of("島と本土の港を結ぶフェリーが、例年より約一か月早く運航を再開", "した。")
    True
    """
    body = text.strip()
    head = above.rstrip()
    return (
        # (a line of Chinese or Japanese is as wide as one of twice its characters)
        (len(head) >= 40 or (not head.isascii() and len(head) + cjk_chars(head) >= 40))
        and body[-1:] in _ENDS
        and head[-1:].isalnum()
        and word_count(body.split()) <= 3
    )


def logical_lines(doc: Document) -> list[list[Line]]:
    """Kept, non-blank lines grouped into the paragraphs a dumper hard-wrapped; a line of
    an unwrapped dump is a group of its own (see :func:`newsclean.wrap.line_groups`)."""
    return line_groups(doc, wrap_width(doc))


@stages.register("boilerplate-lines")
def boilerplate_lines(doc: Document, ctx: Context) -> None:
    """Remove lines made only of known boilerplate phrases, alone or several in a row.

    ``Back to top    Go to home page clear`` and ``Share | Tweet | Email`` go;
    ``The team went back to top form`` stays, and so does ``more.`` when it is the
    last line of a hard-wrapped paragraph: a wrapped paragraph is judged whole.
    Markdown links are judged by their text (``[Home](/)`` is ``Home``).
    Rule: ``phrase:<categories>``.
    """
    pack = ctx.pack(doc)
    folded = doc.folded_squeezed_lines()  # cached per document, shared with other stages
    rules: dict[str, str] = {}  # a page repeats its menu lines: each text judged once
    doomed: dict[str, list[Line]] = {}  # rule -> the lines it removes (no judgement reads removals)
    for group in logical_lines(doc):
        if len(group) == 1:
            line = group[0]
            low = folded[line.number - 1]
            # a line that _ends_sentence_of ends in ".!?", and so does its squeezed view
            if low[-1:] in _ENDS and line.number > 1 and _ends_sentence_of(doc.lines[line.number - 2].text, line.text):
                continue
            if "[" in low:
                low = visible_line(doc, line)  # judged as it will be written: image names gone
        else:
            low = visible_lines(doc, group)
        if "](" in low:
            low = link_texts(low)
        rule = rules.get(low)
        if rule is None:
            rule = phrase_rule(low, pack)
            rule = rules[low] = "" if rule and _quoted(low) else rule
        if rule:
            doomed.setdefault(rule, []).extend(group)
    for rule, lines in doomed.items():
        doc.remove_lines(lines, "boilerplate-lines", rule, Signal.MENU_PHRASE)
    _complete_menus(doc)


_OPENING_QUOTES = "„“\"«‚‘"
_CLOSING_QUOTES = "“”\"»‘’"


def _quoted(text: str) -> bool:
    """A line of quoted speech ("– „Ok.“", "“Thanks!”"): a sentence between quotation
    marks, which no button, menu item or share row prints around its label (arrows
    that look like guillemets, "« Previous Next »", close no sentence).

    >>> [_quoted(t) for t in ("– „Ok.“", "“Thanks!”", "Ok", "Home »", "« Previous Next »")]
    [True, True, False, False, False]
    """
    body = text.strip().lstrip("–—-*• ")
    return len(body) > 3 and body[0] in _OPENING_QUOTES and body[-1] in _CLOSING_QUOTES and body[-2] in ".!?…"


def _complete_menus(doc: Document, *, min_lines: int = 4, share: float = 0.75) -> None:
    """A block of lines (no blank line between them) that is mostly known menu phrases
    is a menu: its other short items ("Motors" between "Jobs" and "Property") go too.

    An item is short when it has at most four words and does not end a sentence. Rule:
    ``menu-block``.
    """
    block: list[Line] = []
    for line, full in zip([*doc.lines, None], [*nonblank_lines(doc), False]):
        if full and line is not None:
            block.append(line)
            continue
        if len(block) >= min_lines:
            bit = Signal.MENU_PHRASE._value_  # Signal.MENU_PHRASE in signal, as an int test
            known = sum(1 for ln in block if ln.removal is not None and ln.removal.signal._value_ & bit)
            if known >= share * len(block):
                for ln in block:  # (removed lines first: most of a menu block is)
                    if ln.removal is None and word_count(ln.text.split()) <= 4 and not ln.text.rstrip().endswith(_SENTENCE_END):
                        doc.remove(ln, "boilerplate-lines", "menu-block")
        block = []


class PatternSearch:
    """The category of the first of a pack's patterns that matches a lower-cased line,
    "" for none: ``PatternSearch(pack)(low)``.

    With a ``budget`` (seconds), all searches made through one instance may take that
    long together: each search gets the time left, and TimeoutError is raised once it
    is spent (rules files' patterns are not proved linear; one instance per document).

    >>> from newsclean.packs import parse_pack
    >>> search = PatternSearch(parse_pack("[cookie]\\nre: ^we use cookies\\\\b\\n"))
    >>> search("we use cookies on this site."), search("we use them.")
    ('cookie', '')
    """

    def __init__(self, pack: Pack, budget: float | None = None) -> None:
        self.pack = pack
        self.budget = budget
        self.deadline = None if budget is None else time.monotonic() + budget
        self.kw: dict[str, float] = {}
        self.categorised = pack.categorised_pattern  # anchored packs: one search per line
        # ... and when no pattern can match past the start, a match (3x faster) finds the same
        self.find: Callable[..., Any] | None = None
        if self.categorised is not None:
            self.find = self.categorised[0].match if pack.all_anchored else self.categorised[0].search
        # else: one search of every pattern rules most lines out
        self.any_pattern = None if self.categorised else pack.any_pattern
        self.passes = pack.line_filter

    def __call__(self, low: str) -> str:
        if self.passes is not None and not self.passes(low):
            return ""  # no pattern can match: no search (see newsclean.needles)
        kw = self.kw
        if self.deadline is not None:
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"rules-file patterns took over {self.budget:g} s on this document")
            kw["timeout"] = left
        if self.categorised is not None and self.find is not None:
            m = self.find(low, **kw)
            return self.categorised[1][m.lastgroup] if m else ""
        if not self.pack.patterns or (self.any_pattern is not None and not self.any_pattern.search(low, **kw)):
            return ""
        # per category, compiled on the first line that may match
        patterns = self.pack.combined_patterns
        return next((cat for cat, pat in patterns.items() if pat.search(low, **kw)), "")


def debris_rule(text: str, pack: Pack, search: PatternSearch) -> str:
    """The rule of the line judges that would remove a line of ``text`` standing alone
    ("" for none): symbols only, known phrases, a boilerplate pattern. For text the
    judges did not see as a line of its own, such as a table cell the columns stage
    keeps.

    >>> from newsclean.packs import parse_pack
    >>> pack = parse_pack("[share]\\nbookmark with\\n[footer]\\nre: ^© \\\\d{4}\\n")
    >>> [debris_rule(t, pack, PatternSearch(pack)) for t in ("━━━━", "Bookmark with:", "© 2007", "A sentence.")]
    ['symbols-only', 'phrase:share', 'pattern:footer', '']
    >>> debris_rule("Bookmark with.", pack, PatternSearch(pack))  # ends a wrapped sentence
    ''
    """
    vis = visible(text)
    if not vis:
        return ""
    if _is_symbols_only(vis):
        return "symbols-only"
    low = vis.casefold()
    # a cell that ends a sentence ("economy.") ends a wrapped sentence of the article,
    # whatever menu has a word like it
    rule = "" if low[-1:] in _ENDS else phrase_rule(link_texts(low) if "](" in low else low, pack)
    if rule:
        return rule
    if len(low) <= 2000:
        cat = search(low)
        if cat:
            return "pattern:" + cat
    return ""


@stages.register("boilerplate-sentences")
def boilerplate_sentences(doc: Document, ctx: Context) -> None:
    """Remove lines that match a pack's boilerplate patterns (cookie notices, copyright).

    Patterns are anchored, searched in the lower-cased :func:`visible` paragraph (image
    names gone, spaces squeezed; a hard-wrapped notice goes with all its lines).
    Rule: ``pattern:<category>``. With rules files, whose patterns are not proved
    linear, all searches on one document may take ``PATTERN_TIMEOUT`` seconds in
    total: each search gets the time left, and TimeoutError is raised when it is spent.
    """
    pack = ctx.pack(doc)
    if not pack.patterns:
        return
    category = PatternSearch(pack, PATTERN_TIMEOUT if ctx.rules else None)
    folded = doc.folded_squeezed_lines()
    cats: dict[str, str] = {}  # a page repeats its menu lines: each text searched once
    hits: list[tuple[list[Line], str]] = []
    for group in logical_lines(doc):
        if len(group) == 1:
            line = group[0]
            if len(line.text) > 20_000:
                continue
            low = folded[line.number - 1]
            if "[" in low:
                low = visible_line(doc, line).casefold()
        else:
            low = visible_lines(doc, group).casefold()
        if len(low) > 2000:
            continue
        cat = cats.get(low)
        if cat is None:
            cat = cats[low] = category(low)
        if cat:
            hits.append((group, cat))
    listed = _listed_numbers(folded, {group[0].number for group, cat in hits if cat == "comments"})
    for group, cat in hits:
        if cat == "comments" and group[0].number in listed:
            continue
        signal = Signal.COMMENT_ATTRIBUTION if cat == "comments" else Signal.NONE
        for line in group:
            doc.remove(line, "boilerplate-sentences", "pattern:" + cat, signal)


def _number(text: str) -> int | None:
    """The number that starts a numbered line ("12. Bill:" -> 12), else None."""
    head, dot, _ = text.partition(". ")
    return int(head) if dot and 0 < len(head) <= 4 and head.isdigit() and head.isascii() else None


def _listed_numbers(folded: list[str], attributions: set[int]) -> set[int]:
    """The line numbers of the ``attributions`` ("12. Bill:") that are items of a numbered
    list: they stand in a run of numbered lines counting up one by one ("7. Tides",
    "8. Passes:", "9. Bike racks:") of which a third or more are plain items (no
    attributions, and not ending in a colon like one), or a run of four at most with
    one line that is no attribution. A comment section numbers its commenters only,
    and the lines the pattern missed ("1. [avatar] Ann says:") end like the rest.

    >>> _listed_numbers(["1. Boots", "2. Maps:", "Text", "1. Ann:", "2. Bill:"], {2, 4, 5})
    {2}
    """
    if not attributions:
        return set()
    numbered = [(k, n) for k, text in enumerate(folded, 1) if text[:1].isdigit() and (n := _number(text)) is not None]
    # items the pattern did not take, and that do not end like an attribution either
    plain_items = {k for k, _ in numbered if k not in attributions and not folded[k - 1].endswith(":")}
    listed: set[int] = set()
    run: list[int] = []
    for i, (k, n) in enumerate(numbered):
        run.append(k)
        if i + 1 == len(numbered) or numbered[i + 1][1] != n + 1:
            plain = sum(1 for k2 in run if k2 in plain_items)
            other = any(k2 not in attributions for k2 in run)
            if len(run) >= 2 and (plain * 3 >= len(run) or (len(run) <= 4 and other)):
                listed.update(k2 for k2 in run if k2 in attributions)
            run = []
    return listed
