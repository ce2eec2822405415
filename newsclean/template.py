"""Corpus mode: learn which lines a site's template repeats across its pages.

Pages of one site share menus, footers and teaser blocks. Counting normalised lines
(lower case, digits folded, spaces squeezed) across documents, as CCNet does for
paragraphs, finds them without naming any site: a line that stands in at least
``min_docs`` documents and in at least ``min_share`` of them is template boilerplate.

>>> pages = ["Home | World | Sport\\nStory one, told in full.\\nCopyright 2021 Site",
...          "Home | World | Sport\\nStory two, quite different.\\nCopyright 2022 Site",
...          "Home | World | Sport\\nStory three.\\nCopyright 2023 Site"]
>>> tpl = Template.learn(pages, min_docs=3)
>>> sorted(tpl.lines)
['copyright 0 site', 'home | world | sport']
>>> tpl.lookup("Copyright 2024 Site"), tpl.lookup("Story one, told in full.")
(3, 0)
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable

from .document import split_lines
from .record import Record
from .regexes import compile_pattern
from .text import squeeze

_DIGITS = compile_pattern(r"\d++")

FORMAT = "newsclean-template/1"


def normalise(line: str) -> str:
    """Lower case, each run of digits folded to 0, whitespace squeezed.

    >>> normalise("  Updated 12:45\u00a0PM on 3 May  ")
    'updated 0:0 pm on 0 may'
    """
    out = squeeze(line).casefold()
    if any(c.isdigit() for c in out):
        out = _DIGITS.sub("0", out)
    return out


class Template(Record):
    """A site's recurring lines: ``lines`` maps a normalised line to the number of the
    ``documents`` learned from that held it."""

    __slots__ = ("lines", "documents", "min_docs", "min_share")

    def __init__(
        self, lines: dict[str, int] | None = None, documents: int = 0, min_docs: int = 3, min_share: float = 0.0
    ) -> None:
        self.lines = {} if lines is None else lines
        self.documents, self.min_docs, self.min_share = documents, min_docs, min_share

    def __repr__(self) -> str:
        return f"Template({len(self.lines)} lines, documents={self.documents}, min_docs={self.min_docs}, min_share={self.min_share})"

    def lookup(self, line: str) -> int:
        """In how many learned documents this line recurred (0: not template)."""
        return self.lines.get(normalise(line), 0)

    @classmethod
    def learn(
        cls,
        texts: Iterable[str],
        *,
        min_docs: int = 3,
        min_share: float = 0.0,
        max_words: int = 60,
    ) -> Template:
        """Count each normalised line once per document; keep those seen often enough.

        Lines longer than ``max_words`` words are never template: long paragraphs that
        recur are quoted text, not navigation, and keeping them bounds memory.
        """
        counts: Counter[str] = Counter()
        documents = 0
        for text in texts:
            documents += 1
            seen = set()
            for line in split_lines(text):
                if not line.strip():
                    continue
                key = normalise(line)
                if len(key.split()) <= max_words:
                    seen.add(key)
            counts.update(seen)
        need = max(min_docs, min_share * documents)
        kept = {k: v for k, v in counts.items() if v >= need}
        return cls(dict(sorted(kept.items())), documents, min_docs, min_share)

    def dump(self, path: str) -> None:
        """Write the template as JSON through the one atomic write path: a full disk
        leaves the previous template whole. A line holding bytes that were not UTF-8
        (kept as lone surrogates) is written with ``\\udcXX`` escapes, which
        :meth:`load` reads back to the same line."""
        from .files import write_atomic

        data = {
            "format": FORMAT,
            "documents": self.documents,
            "min_docs": self.min_docs,
            "min_share": self.min_share,
            "lines": self.lines,
        }
        try:
            out = json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
        except UnicodeEncodeError:
            out = json.dumps(data, ensure_ascii=True, indent=1, sort_keys=True).encode("ascii")
        write_atomic(path, out + b"\n")

    @classmethod
    def load(cls, path: str) -> Template:
        """Read a template written by :meth:`dump`; :class:`~newsclean.files.InputError`
        names the file and what is wrong (not JSON, a missing key, a wrong type).

        >>> import tempfile, os
        >>> p = os.path.join(tempfile.mkdtemp(), "t.json")
        >>> _ = open(p, "w").write('{"format": "newsclean-template/1", "documents": 3}')
        >>> Template.load(p)
        Traceback (most recent call last):
        ...
        newsclean.files.InputError: .../t.json: not a usable newsclean template: no 'lines'
        """
        from .files import InputError, read_bytes

        raw = read_bytes(path)
        try:
            data = json.loads(raw.decode("utf-8"))
        except (ValueError, RecursionError) as exc:  # UnicodeDecodeError is a ValueError
            raise InputError(f"{path}: not a newsclean template: {exc}") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise InputError(f"{path}: not a newsclean template (format {FORMAT!r} expected)")

        def bad(why: str) -> InputError:
            return InputError(f"{path}: not a usable newsclean template: {why}")

        for key, kinds, name in _FIELDS:
            if key not in data:
                raise bad(f"no {key!r}")
            value = data[key]
            if not isinstance(value, kinds) or isinstance(value, bool):
                raise bad(f"{key!r} must be {name}, not {_shown(value)}")
        for line, count in data["lines"].items():
            if not isinstance(count, int) or isinstance(count, bool):
                raise bad(f"'lines' maps each line to a count; {_shown(line)} has {_shown(count)}")
        return cls(dict(data["lines"]), data["documents"], data["min_docs"], data["min_share"])

    def digest(self) -> str:
        return hashlib.sha256(json.dumps(self.lines, sort_keys=True).encode()).hexdigest()[:12]


# The keys of a template file, their types, and how an error names them.
_FIELDS = (
    ("lines", dict, "an object of line: count"),
    ("documents", int, "a whole number"),
    ("min_docs", int, "a whole number"),
    ("min_share", (int, float), "a number"),
)


def _shown(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."
