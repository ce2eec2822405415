"""What a line must hold for an anchored pattern to match it: a literal the match must
start with, or one it must contain. A phrase pack's alternation of ~100 patterns costs
about 11 µs a line; most lines start with none of the prefixes and hold none of the
literals, and a dictionary lookup and a few ``in`` tests rule them out in about 1 µs.

The needles are found from the pattern's parse by the standard library's parser
(``re._parser``), which reads the syntax the packs use; a pattern in syntax only
``regex`` reads gets none. They are a necessary condition only: a line that passes is
still searched by the pattern, so the needles may be short or few, never wrong. A
pattern without needles (flags; a start that may be anything and no literal it must
hold) turns the filter off: the pack then searches every line.

>>> pattern_needles(r"^(?:we|they) use cookies\\b")
('start', ('they use cookies', 'we use cookies'))
>>> pattern_needles(r"^.{0,80}\\ball rights reserved\\b")
('contain', ('all rights reserved',))
>>> pattern_needles(r"^(?:\\d+|some) replies$")  # "\\x00": a run of digits
('start', ('\\x00 replies', 'some replies'))
>>> pattern_needles(r"^\\d+\\s*comments?$")  # digits alone: too many lines start so
('contain', ('comment',))
>>> pattern_needles(r"^\\w+$") is None
True
"""

from __future__ import annotations

import importlib
import re
from typing import Any

import regex

from .regexes import compile_pattern, compile_re

# Sets of prefixes are cut back to shorter ones past this size: a prefix check is a
# dictionary lookup by first character and one startswith() over the bucket.
_MAX_PREFIXES = 64
# A literal shorter than this is in too many lines to rule any out (two: "p." of "p. iva",
# two CJK characters).
_MIN_NEEDLE = 2

Needles = tuple[str, tuple[str, ...]]
# A prefix's first character that stands for "a run of digits" ("\\x00. ": digits, then
# ". "), as the patterns' ``\\d`` reads them (any script's).
DIGIT = "\x00"
_DIGITS = compile_pattern(r"\d+", regex.V0)


def pattern_needles(pattern: str) -> Needles | None:
    """``("start", prefixes)``: every match starts with one of ``prefixes``;
    ``("contain", literals)``: every match contains one of ``literals``; ``None``:
    neither is known. For patterns anchored with ``^`` (see :func:`newsclean.packs.anchored`),
    searched in case-folded lines."""
    tree = _parse(pattern)
    if tree is None:
        return _gap_needles(pattern)
    items = list(tree)
    if not items or items[0] != (_C.AT, _C.AT_BEGINNING):
        return None
    items = items[1:]
    starts = _prefixes(items)
    contains = _contained(items)
    # "starts with a digit" lets a fifth of all lines through (dates, numbered lines):
    # a literal the match holds rules out more
    if starts is not None and "" not in starts and (DIGIT not in starts or contains is None):
        return ("start", tuple(sorted(starts)))
    if contains is not None:
        return ("contain", contains)
    return _gap_needles(pattern)


def _stdlib_parser() -> tuple[Any, Any]:
    """The standard library's regular-expression parser and its constants: private
    modules (``re._parser`` since 3.11, ``sre_parse`` before), so looked up with care.
    (None, None) without them: no needles, every line searched."""
    for parser, constants in (("re._parser", "re._constants"), ("sre_parse", "sre_constants")):
        try:
            return importlib.import_module(parser), importlib.import_module(constants)
        except ImportError:  # pragma: no cover - another Python
            continue
    return None, None  # pragma: no cover


_P, _C = _stdlib_parser()
# "a*+" (3.11 on; before, the parser refuses it and the pattern gets no needles)
_REPEATS = tuple(getattr(_C, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(_C, name))


# What ``regex`` reads and the standard parser reads otherwise (or as a literal): POSIX
# classes "[[:alpha:]]", fuzzy matching "(?:abc){e<=1}" (any "{" that is no counted
# repeat), named lists "\\L<name>", conditionals, recursion, branch reset.
# (looked for with the escapes taken out: "\\(?(?:" is an optional "(" and a group)
_REGEX_ONLY = compile_re(r"\{(?![0-9]*(?:,[0-9]*)?\})|\[:\^?[a-z]+:\]|\(\?(?:\(|&|R|\||P>)")
_ESCAPE = compile_re(r"\\.", re.DOTALL)


def _parse(pattern: str) -> Any:
    if _P is None or "\\L" in pattern or _REGEX_ONLY.search(_ESCAPE.sub("", pattern)):
        return None
    try:
        tree = _P.parse(pattern)
    except Exception:  # noqa: BLE001 - syntax only regex reads ("\p{L}", variable look-behind)
        return None
    # any flag (case, verbose, dotall) changes what a literal matches: no needles
    if tree.state.flags & ~_P.SRE_FLAG_UNICODE:
        return None
    return tree


def _prefixes(items: list[Any]) -> set[str] | None:
    """The literal prefixes a match of ``items`` may start with ("" among them when it
    may start with anything), or None (a scoped flag inside)."""
    done, cut = _walk(items, {""})
    return None if done is None else done | cut


def _walk(items: list[Any], heads: set[str]) -> tuple[set[str] | None, set[str]]:
    """Extend each of ``heads`` through ``items``: (prefixes that reached the end of
    ``items`` and may go on, prefixes cut short where the literal text stopped)."""
    cut: set[str] = set()
    for op, av in items:
        if op is _C.LITERAL:
            c = chr(av)
            if c.isdigit():  # a digit run's prefix cannot take another digit
                cut |= heads & {DIGIT}
                heads = heads - {DIGIT}
            heads = {h + c for h in heads}
        elif op is _C.IN and all(o is _C.LITERAL for o, _ in av):
            chars = [chr(a) for _, a in av]
            if len(heads) * len(chars) > _MAX_PREFIXES:
                return set(), cut | heads
            if any(c.isdigit() for c in chars):
                cut |= heads & {DIGIT}
                heads = heads - {DIGIT}
            heads = {h + c for h in heads for c in chars}
        elif _digit_first(op, av) and _digits_only(op, av):
            # a run of digits at the start: DIGIT, then what follows it may go on
            cut |= {h for h in heads if h}
            heads = {DIGIT} if "" in heads else set()
        elif op is _C.SUBPATTERN:
            _, add, remove, sub = av
            if add or remove:
                return None, cut
            done, more = _walk(list(sub), heads)
            if done is None:
                return None, cut
            heads, cut = done, cut | more
        elif op is _C.BRANCH:
            union: set[str] = set()
            for alt in av[1]:
                done, more = _walk(list(alt), heads)
                if done is None:
                    return None, cut
                union |= done
                cut |= more
            heads = union
        elif op in _REPEATS and av[:2] == (0, 1):
            # optional once ("?"): the prefixes that skip it and those through it go on
            done, more = _walk(list(av[2]), heads)
            if done is None:
                return None, cut
            heads, cut = heads | done, cut | more
        elif op is _C.AT:  # \b, \B, $: no text; the prefixes go on
            continue
        else:  # anything else (a repeat, a class, a look-around) ends the literal text
            if "" in heads and _digit_first(op, av):
                heads = (heads - {""}) | {DIGIT}
            return set(), cut | heads
        if len(heads) > _MAX_PREFIXES:
            return set(), cut | {h[:-1] for h in heads}
    return heads, cut


def _digit_first(op: Any, av: Any) -> bool:
    """Whether the item ``(op, av)`` starts with a digit (``\\d``, ``[0-9]``)."""
    if op in _REPEATS and av[0] >= 1 and len(av[2]):
        return _digit_first(*av[2][0])
    if op is not _C.IN:
        return False
    return all(
        (o is _C.CATEGORY and a is _C.CATEGORY_DIGIT) or (o is _C.RANGE and a[0] >= 48 and a[1] <= 57)
        for o, a in av
    )


def _digits_only(op: Any, av: Any) -> bool:
    """Whether the item is digits and nothing else (``\\d``, ``\\d{1,4}``, ``[0-9]+``)."""
    if op in _REPEATS:
        return len(av[2]) == 1 and _digits_only(*av[2][0])
    return _digit_first(op, av)


def _contained(items: list[Any]) -> tuple[str, ...] | None:
    """The literals one of which a match of ``items`` must contain: the longest run of
    literal characters, or group of literal alternatives (with the run before it), that
    the top level of the pattern cannot skip."""
    best: tuple[str, ...] | None = None
    run = ""

    def better(cand: set[str]) -> None:
        nonlocal best
        # a run of digits then " min": it holds " min" (a bare run holds no literal)
        found = tuple(sorted({c[1:] if c.startswith(DIGIT) else c for c in cand}))
        if found and min(map(len, found)) >= _MIN_NEEDLE and (best is None or min(map(len, found)) > min(map(len, best))):
            best = found

    for op, av in items:
        if op is _C.LITERAL:
            run += chr(av)
            continue
        if run:
            better({run})
        if op in (_C.SUBPATTERN, _C.BRANCH):
            done, cut = _walk([(op, av)], {run})
            if done is not None:
                better(done | cut)
            if op is _C.BRANCH or (not av[1] and not av[2] and len(av[3]) == 1 and av[3][0][0] is _C.BRANCH):
                # alternatives that each hold a literal: one of those literals
                alts = av[1] if op is _C.BRANCH else av[3][0][1][1]
                found = [_contained(list(alt)) for alt in alts]
                if all(found):
                    better({s for f in found for s in f})  # type: ignore[union-attr]
        run = ""
    if run:
        better({run})
    return best


def _gap_needles(pattern: str) -> Needles | None:
    """The literal after a leading ``^.{0,N}`` gap, for patterns the parser refuses."""
    from .packs import gap_literal  # (packs imports this module)

    literal = gap_literal(pattern)
    return ("contain", (literal,)) if literal and len(literal) >= _MIN_NEEDLE else None


class LineFilter:
    """All of a pack's needles at once: ``LineFilter(needles)(low)`` is False for a line
    none of the patterns can match.

    >>> passes = LineFilter([("start", ("we use",)), ("contain", ("all rights reserved",))])
    >>> passes("we use cookies."), passes("© 2024 all rights reserved."), passes("the harbour closed.")
    (True, True, False)
    """

    __slots__ = ("by_first", "contained", "after_digits")

    def __init__(self, needles: list[Needles]) -> None:
        by_first: dict[str, list[str]] = {}
        contained: set[str] = set()
        after_digits: set[str] = set()
        for kind, strings in needles:
            if kind == "start":
                for s in strings:
                    if s.startswith(DIGIT):
                        after_digits.add(s[1:])
                    else:
                        by_first.setdefault(s[0], []).append(s)
            else:
                contained.update(strings)
        self.by_first = {c: tuple(sorted(set(ps))) for c, ps in by_first.items()}
        self.contained = tuple(sorted(contained))
        # what may follow a line's leading digits ("" for anything); None: no pattern
        # starts with a digit
        self.after_digits = tuple(sorted(after_digits)) if after_digits else None

    def __call__(self, low: str) -> bool:
        first = low[:1]
        starts = self.by_first.get(first)
        if starts is not None and low.startswith(starts):
            return True
        if self.after_digits is not None and (first.isdigit() or not first.isascii()):
            run = _DIGITS.match(low)  # the patterns' own \\d: any script's digits
            if run is not None and low.startswith(self.after_digits, run.end()):
                return True
        return any(map(low.__contains__, self.contained))
