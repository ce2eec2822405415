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
from dataclasses import dataclass, field

import regex

from .document import split_lines
from .text import squeeze

_DIGITS = regex.compile(r"\d++")

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


@dataclass
class Template:
    lines: dict[str, int] = field(default_factory=dict)  # normalised line -> documents
    documents: int = 0
    min_docs: int = 3
    min_share: float = 0.0

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
        data = {
            "format": FORMAT,
            "documents": self.documents,
            "min_docs": self.min_docs,
            "min_share": self.min_share,
            "lines": self.lines,
        }
        with open(path, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False, indent=1, sort_keys=True)
            f.write("\n")

    @classmethod
    def load(cls, path: str) -> Template:
        from .files import InputError

        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
        except OSError as exc:
            raise InputError(f"{path}: {exc.strerror or exc}") from None
        except ValueError as exc:
            raise InputError(f"{path}: not a newsclean template: {exc}") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise InputError(f"{path}: not a newsclean template (format {FORMAT!r} expected)")
        return cls(dict(data["lines"]), data["documents"], data["min_docs"], data["min_share"])

    def digest(self) -> str:
        return hashlib.sha256(json.dumps(self.lines, sort_keys=True).encode()).hexdigest()[:12]
