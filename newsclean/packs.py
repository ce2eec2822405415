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
syntax), searched in the lower-cased line by the ``boilerplate-sentences`` stage.

>>> pack = parse_pack("[navigation]\\nBack to top\\n[cookie]\\nre: ^we use cookies\\\\b\\n")
>>> pack.phrases[("back", "to", "top")], pack.patterns[0][0]
('navigation', 'cookie')
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass, field

import regex

# Words: letters/digits with inner apostrophes, dots or hyphens ("don't", "u.s", "e-mail").
WORD_RE = regex.compile(r"\w+(?:['’.\-]\w+)*+")

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

LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl", "ru")


class PackError(ValueError):
    """A rules file that cannot be read: names the file and line."""


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
    return tuple(WORD_RE.findall(low))


class LazyPattern:
    """A pattern compiled on first use. Compiling every pattern of every pack costs
    tens of milliseconds of start-up; the stage only needs the combined alternations."""

    __slots__ = ("pattern", "_compiled")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._compiled = None

    def _get(self):
        if self._compiled is None:
            self._compiled = regex.compile(self.pattern)
        return self._compiled

    def search(self, *args, **kwargs):
        return self._get().search(*args, **kwargs)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r})"


@dataclass
class Pack:
    phrases: dict[tuple[str, ...], str] = field(default_factory=dict)
    patterns: list[tuple[str, LazyPattern]] = field(default_factory=list)
    markers: dict[tuple[str, ...], str] = field(default_factory=dict)

    def merge(self, other: "Pack") -> "Pack":
        return Pack(
            {**self.phrases, **other.phrases},
            self.patterns + other.patterns,
            {**self.markers, **other.markers},
        )

    @functools.cached_property
    def longest(self) -> int:
        return max((len(p) for p in self.phrases), default=0)

    @functools.cached_property
    def combined_patterns(self) -> dict[str, "regex.Pattern"]:
        """One alternation per category: one search per line and category."""
        by_cat: dict[str, list[str]] = {}
        for cat, pat in self.patterns:
            by_cat.setdefault(cat, []).append(f"(?:{pat.pattern})")
        return {cat: regex.compile("|".join(ps), regex.V0) for cat, ps in by_cat.items()}


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
            pack.patterns.append((category, pat))
        elif category == "end-markers":
            pack.markers[words(line)] = category
        else:
            key = words(line)
            if key:
                pack.phrases[key] = category
    return pack


@functools.lru_cache(maxsize=None)
def builtin_pack(lang: str) -> Pack:
    """The pack shipped for ``lang`` (an empty pack for a language without one)."""
    try:
        # a plain open(): importlib.resources costs ~20 ms of start-up per call
        with open(os.path.join(PHRASES_DIR, f"{lang}.txt"), encoding="utf-8") as f:
            text = f.read()
    except FileNotFoundError:
        return Pack()
    return parse_pack(text, f"phrases/{lang}.txt", validate=False)


def load_rules(path: str) -> Pack:
    try:
        with open(path, encoding="utf-8") as f:
            return parse_pack(f.read(), path)
    except OSError as exc:
        raise PackError(f"{path}: {exc.strerror or exc}") from None


@functools.lru_cache(maxsize=64)
def pack_for(lang: str | None, extra: tuple[str, ...] = ()) -> Pack:
    """English plus the detected language's pack plus user rules files, merged once."""
    pack = builtin_pack("en")
    if lang and lang != "en":
        pack = pack.merge(builtin_pack(lang))
    for path in extra:
        pack = pack.merge(load_rules(path))
    return pack
