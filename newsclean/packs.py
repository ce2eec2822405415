"""Phrase packs: per-language lists of boilerplate phrases and patterns, by category.

A pack is a small text file (``newsclean/phrases/en.txt``; users add their own with
``--rules FILE``)::

    # comments start with '#'
    [navigation]
    back to top
    go to home page
    [cookie]
    re: ^we use cookies\\b

Under a ``[category]`` header, each line is a phrase; a phrase matches a whole line (or
one of several items on a line, see the ``boilerplate-lines`` stage) regardless of case
and punctuation. A line starting with ``re:`` is a pattern (the ``regex`` module's
syntax), searched in the case-folded line by the ``boilerplate-sentences`` stage: it is
written in lower case, with "ss" for "ß" (a rules file's pattern that could never match
is refused with its line).

>>> pack = parse_pack("[navigation]\\nBack to top\\n[cookie]\\nre: ^we use cookies\\\\b\\n")
>>> pack.phrases[("back", "to", "top")], pack.patterns[0][0]
('navigation', 'cookie')
"""

from __future__ import annotations

import functools
import importlib
import os

import regex

from .files import InputError, read_bytes
from .needles import LineFilter, Needles, pattern_needles
from .regexes import compile_pattern, compile_re
from .tokens import words

# An inline flag group that is not scoped: "(?i)", "(?x)" (but not "(?:", "(?i:").
# The standard re module: compiling with regex costs start-up time.
_GLOBAL_FLAGS = compile_re(r"\(\?[a-zA-Z^-]+\)")

CATEGORIES = (
    "navigation",
    "share",
    "advertising",
    "cookie",
    "newsletter",
    "related",
    "comments",
    "footer",
    "credit",
    "layout",
)

PHRASES_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "phrases")

LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "ru", "pl", "ja", "zh", "ko", "ar", "fi", "hu", "no")


class PackError(ValueError):
    """A rules file that cannot be read: names the file and line."""


class LazyPattern:
    """A pattern compiled on first use. Compiling every pattern of every pack costs
    tens of milliseconds of start-up; the stage only needs the combined alternations."""

    __slots__ = ("pattern", "_compiled", "_anchored", "_needles")

    def __init__(self, pattern: str, anchored: bool | None = None, needles: Needles | None | bool = False) -> None:
        self.pattern = pattern
        self._compiled = None
        self._anchored = anchored  # None: not known yet
        self._needles = needles  # False: not known yet (None: there are none)

    @property
    def anchored(self) -> bool:
        """:func:`anchored` of the pattern, found once (the built-in packs' generated
        modules carry it: the scan is a Python loop over every character)."""
        if self._anchored is None:
            self._anchored = anchored(self.pattern)
        return self._anchored

    @property
    def needles(self) -> Needles | None:
        """:func:`newsclean.needles.pattern_needles` of an anchored pattern, found once
        (the built-in packs' generated modules carry them)."""
        if self._needles is False:
            self._needles = pattern_needles(self.pattern) if self.anchored else None
        return self._needles  # type: ignore[return-value]

    def _get(self):
        if self._compiled is None:
            self._compiled = regex.compile(self.pattern)
        return self._compiled

    def search(self, *args, **kwargs):
        return self._get().search(*args, **kwargs)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"


def anchored(pattern: str) -> bool:
    """Whether ``pattern`` can match only at the start of the text: it starts with ``^``
    and has no ``|`` outside groups and sets (``^a|b`` finds ``b`` anywhere). Such a
    pattern's ``match`` finds what its ``search`` would, without trying every position.
    Conservative: comments and verbose groups, which could hide a ``|``, say no.

    >>> anchored("^we use cookies\\b"), anchored("^(?:a|b)[|]c"), anchored("^a|b"), anchored("a")
    (True, True, False, False)
    """
    if not pattern.startswith("^") or pattern[1:2] in ("*", "+", "?", "{"):
        return False
    if "(?#" in pattern or _VERBOSE.search(pattern):
        return False
    depth = 0
    i, n = 1, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a set: "]" right after "[" or "[^" is a member, not its end
            i += 1
            if pattern[i : i + 1] == "^":
                i += 1
            if pattern[i : i + 1] == "]":
                i += 1
            while i < n and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth < 0:
                return False
        elif c == "|" and depth == 0:
            return False
        i += 1
    return True


# A scoped or global verbose flag: "(?x)", "(?x:", "(?ix-s:".
_VERBOSE = compile_re(r"\(\?[a-zA-Z^-]*x")

# Characters that stand for themselves in a pattern (no metacharacter among them).
_LITERAL_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 ")


def gap_literal(pattern: str) -> str | None:
    r"""The literal an anchored pattern needs right after a leading gap of any
    characters, ``^.{0,N}`` (and maybe ``\b``): a line without it cannot match.

    The literal is a run of lower-case letters, digits and spaces, less a last
    character that a quantifier makes optional. String operations, not a pattern:
    nothing to compile at start-up.

    >>> gap_literal(r"^.{0,80}\ball rights reserved\b.{0,80}$"), gap_literal(r"^.{0,9}abc?")
    ('all rights reserved', 'ab')
    >>> gap_literal(r"^.{0,9}?abc"), gap_literal(r"^.{0,9}\d"), gap_literal(r"^.{0,9}a|b")
    (None, None, None)
    """
    if not pattern.startswith("^.{0,"):
        return None
    i = 5
    while pattern[i : i + 1].isascii() and pattern[i : i + 1].isdigit():
        i += 1
    if i == 5 or pattern[i : i + 1] != "}":
        return None
    i += 1
    if pattern.startswith("\\b", i):
        i += 2
    j = i
    while j < len(pattern) and pattern[j] in _LITERAL_CHARS:
        j += 1
    if pattern[j : j + 1] in ("?", "*", "+", "{"):  # the last character is optional
        j -= 1
    if j <= i or not anchored(pattern):
        return None
    return pattern[i:j]


def _literal_first(pattern: str) -> str:
    r"""``pattern`` with a lookahead for its :func:`gap_literal` right after the ``^``.

    In an alternation ``regex`` does not look for a gap pattern's literal first: it
    tries every gap length, on every line: with two such patterns the English pack's
    alternation took 3.7 µs on a line of prose, 0.8 µs with the lookaheads. The
    lookahead is a fast scan, and it only adds a condition the pattern sets anyway (at
    the start of the line, ``.`` as the gap's), so the alternation matches what it
    matched before, with the same groups.

    >>> _literal_first(r"^.{0,80}\ball rights reserved\b"), _literal_first("^we use")
    ('^(?=.*?all rights reserved).{0,80}\\ball rights reserved\\b', '^we use')
    """
    literal = gap_literal(pattern)
    if literal is None:
        return pattern
    return f"^(?=.*?{literal}){pattern[1:]}"


class Pack:
    """A phrase pack: ``phrases`` (word tuple -> category), ``patterns`` ((category,
    pattern) pairs) and ``markers`` (end-of-article phrases)."""

    # A plain class, not a dataclass: see newsclean.config.Config.
    def __init__(
        self,
        phrases: dict[tuple[str, ...], str] | None = None,
        patterns: list[tuple[str, LazyPattern]] | None = None,
        markers: dict[tuple[str, ...], str] | None = None,
    ) -> None:
        self.phrases = {} if phrases is None else phrases
        self.patterns = [] if patterns is None else patterns
        self.markers = {} if markers is None else markers

    def __repr__(self) -> str:
        return f"Pack({len(self.phrases)} phrases, {len(self.patterns)} patterns, {len(self.markers)} markers)"

    def merge(self, other: Pack) -> Pack:
        return Pack(
            {**self.phrases, **other.phrases},
            self.patterns + other.patterns,
            {**self.markers, **other.markers},
        )

    @functools.cached_property
    def longest(self) -> int:
        return max((len(p) for p in self.phrases), default=0)

    @functools.cached_property
    def combined_patterns(self) -> dict[str, regex.Pattern]:
        """One alternation per category: one search per line and category."""
        by_cat: dict[str, list[str]] = {}
        for cat, pat in self.patterns:
            by_cat.setdefault(cat, []).append(f"(?:{pat.pattern})")
        return {cat: compile_pattern("|".join(ps), regex.V0) for cat, ps in by_cat.items()}

    @functools.cached_property
    def any_pattern(self) -> regex.Pattern | None:
        """Every pattern in one alternation: a line it does not match matches none.

        None (no shortcut) when a pattern sets global inline flags such as ``(?x)``,
        which would change how the other alternatives are read.
        """
        if not self.patterns or any(_GLOBAL_FLAGS.search(p.pattern) for _, p in self.patterns):
            return None
        try:
            return compile_pattern("|".join(f"(?:{p.pattern})" for _, p in self.patterns), regex.V0)
        except regex.error:  # e.g. one group name in two categories
            return None

    @functools.cached_property
    def categorised_pattern(self) -> tuple[regex.Pattern, dict[str, str]] | None:
        """Every pattern in one alternation with a named group per category, and the
        group names' categories: one compile and one search per line.

        Only when every pattern is anchored with ``^`` (all can match only at the start,
        so the first category in order that matches is the one the alternation reports)
        and none has global flags or named groups of its own; None otherwise. A gap
        pattern (``^.{0,80}\\ball rights reserved``) looks for its literal first (see
        :func:`_literal_first`).
        """
        if not self.patterns:
            return None
        for _, p in self.patterns:
            if not p.pattern.startswith("^") or "(?P<" in p.pattern or _GLOBAL_FLAGS.search(p.pattern):
                return None
        order: list[str] = []
        by_cat: dict[str, list[str]] = {}
        for cat, p in self.patterns:
            if cat not in by_cat:
                order.append(cat)
                by_cat[cat] = []
            by_cat[cat].append(f"(?:{_literal_first(p.pattern)})")
        names = {f"c{i}": cat for i, cat in enumerate(order)}
        source = "|".join(f"(?P<c{i}>{'|'.join(by_cat[cat])})" for i, cat in enumerate(order))
        try:
            return compile_pattern(source, regex.V0), names
        except regex.error:
            return None

    @functools.cached_property
    def all_anchored(self) -> bool:
        """Every pattern matches only at the start of a line (see :func:`anchored`): the
        stage may ``match`` the categorised alternation instead of searching it."""
        return all(p.anchored for _, p in self.patterns)

    @functools.cached_property
    def line_filter(self) -> LineFilter | None:
        """What a line must start with or hold for any of the patterns to match it (see
        :mod:`newsclean.needles`); None when some pattern has no needles."""
        needles = [p.needles for _, p in self.patterns]
        if not needles or any(n is None for n in needles):
            return None
        return LineFilter(needles)  # type: ignore[arg-type]

    @functools.cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every word of every phrase: a line with another word (not a number) is no
        list of phrases."""
        return frozenset(w for phrase in self.phrases for w in phrase)


# What a pattern's case-folded search never meets: escapes ("\\S", "\\p{Lu}"), group
# names and flags aside, a character that case folding changes ("PR", "ß").
_NOT_LITERAL = compile_re(r"\\[pPN]\{[^}]{0,40}+\}|\\.|\(\?P?<[^>]{0,40}+>|\(\?P=[^)]{0,40}+\)|\(\?[a-zA-Z^-]{1,10}+[:)]")


def _unfolded(pattern: str) -> str:
    """The first character of ``pattern``'s literal text that case folding changes,
    or "" (a pattern with an "i" flag matches either case).

    >>> _unfolded(r"^advertisement\\S*$"), _unfolded("^(?:広告|PR)$"), _unfolded("(?i)^PR$")
    ('', 'P', '')
    >>> _unfolded("straße")
    'ß'
    """
    if regex.search(r"\(\?[a-zA-Z^-]*i", pattern):
        return ""
    text = _NOT_LITERAL.sub("", pattern)
    return next((c for c in text if c.casefold() != c), "")


def parse_pack(text: str, source: str = "<rules>", *, validate: bool = True) -> Pack:
    """Parse a pack; ``validate`` compiles each pattern now to report a bad one with its
    line (built-in packs skip it: their tests compile every pattern)."""
    pack = Pack()
    category = None
    for n, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            category = line[1:-1].strip()
            continue
        if category is None:
            raise PackError(f"{source}:{n}: a phrase before any [category] header")
        if line.startswith("re:"):
            pat = LazyPattern(line[3:].strip())
            if validate:
                try:
                    pat._get()
                except regex.error as exc:
                    raise PackError(f"{source}:{n}: bad pattern: {exc}") from None
                folded = _unfolded(line[3:].strip())
                if folded:
                    raise PackError(
                        f"{source}:{n}: pattern can never match: lines are searched case-folded, "
                        f"write {folded.casefold()!r} for {folded!r}"
                    )
            pack.patterns.append((category, pat))
        elif category == "end-markers":
            pack.markers[words(line)] = category
        else:
            key = words(line)
            if key:
                pack.phrases[key] = category
    return pack


@functools.cache
def builtin_pack(lang: str) -> Pack:
    """The pack shipped for ``lang`` (an empty pack for a language without one).

    ``phrases/LANG.txt`` is the source; ``phrases/_LANG.py`` is the same pack parsed
    ahead of time by ``tools/compile_patterns.py`` (``make patterns``), which a run loads
    in a third of the time parsing takes (tokenizing ~800 phrases is most of it).
    """
    if lang in LANGUAGES:
        try:
            parsed = importlib.import_module(f"newsclean.phrases._{lang}")
        except ImportError:  # not generated yet (a checkout before `make patterns`): parse
            pass
        else:
            patterns = [(c, LazyPattern(p, a, n)) for c, p, a, n in parsed.PATTERNS]
            return Pack(parsed.PHRASES, patterns, parsed.MARKERS)
    # A plain open beside this module: importlib.resources costs ~3 ms of start-up.
    path = os.path.join(PHRASES_DIR, f"{lang}.txt")
    try:
        with open(path, encoding="utf-8") as f:
            return parse_pack(f.read(), f"phrases/{lang}.txt", validate=False)
    except FileNotFoundError:
        return Pack()


def pack_module_source(lang: str) -> str:
    """The text of ``phrases/_LANG.py``: ``phrases/LANG.txt`` parsed (see
    :func:`builtin_pack`)."""
    with open(os.path.join(PHRASES_DIR, f"{lang}.txt"), encoding="utf-8") as f:
        pack = parse_pack(f.read(), f"phrases/{lang}.txt", validate=False)
    # Five lines, one a table: the modules are data, and lines of data in the same shape
    # across sixteen files would read as duplicated code.
    out = [
        f"# generated by tools/compile_patterns.py from phrases/{lang}.txt - do not edit; `make patterns`",
        f'"""The {lang} phrase pack, parsed (see newsclean.packs.builtin_pack)."""',
        f"PHRASES: dict[tuple[str, ...], str] = {pack.phrases!r}",
        f"PATTERNS: list[tuple[str, str, bool, tuple[str, tuple[str, ...]] | None]] = "
        f"{[(c, p.pattern, p.anchored, p.needles) for c, p in pack.patterns]!r}",
        f"MARKERS: dict[tuple[str, ...], str] = {pack.markers!r}",
    ]
    return "\n".join(out) + "\n"


def load_rules(path: str) -> Pack:
    """A user's rules file (``--rules``), read through the one read path: a FIFO or a
    device is refused, not waited on; a file that is not UTF-8 is named with the place."""
    try:
        data = read_bytes(path)
    except InputError as exc:
        raise PackError(str(exc)) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise PackError(f"{path}: not valid UTF-8 at byte {exc.start}") from None
    return parse_pack(text, path)


@functools.lru_cache(maxsize=64)
def pack_for(lang: str | None, extra: tuple[str, ...] = ()) -> Pack:
    """English plus the detected language's pack plus user rules files, merged once."""
    pack = builtin_pack("en")
    if lang and lang != "en":
        pack = pack.merge(builtin_pack(lang))
    for path in extra:
        pack = pack.merge(load_rules(path))
    return pack
