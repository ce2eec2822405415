"""Writers: render a cleaned :class:`~newsclean.document.Document` as text.

>>> from newsclean.pipeline import Pipeline
>>> doc = Pipeline().run("Headline here\\r\\n\\r\\nThe article, in full.\\r\\nBack to top")
>>> text(doc)
'Headline here\\r\\n\\r\\nThe article, in full.\\r\\n'
>>> markdown(doc).splitlines()[0]
'# Headline here'
>>> import json; json.loads(to_json(doc))["removed"]
[{'line': 4, 'text': 'Back to top', 'stage': 'boilerplate-lines', 'rule': 'phrase:navigation'}]
"""

from __future__ import annotations

from .document import BOM, Document
from .regexes import compile_re
from .registry import writers


def _body(doc: Document, out: str | None) -> str:
    """The paragraphs' text (ending in a newline) in the input's newline style."""
    if out is None:
        return BOM if doc.bom else ""
    if doc.newline != "\n":
        out = out.replace("\n", doc.newline)
    return (BOM if doc.bom else "") + out


def _headline(doc: Document) -> str | None:
    """The document's headline (see :mod:`newsclean.headline`)."""
    # imported here, not at the top: only the JSON and Markdown writers name a headline,
    # and every start of the command would pay for it (docs/performance.md)
    from .headline import headline

    return headline(doc)


@writers.register("text")
def text(doc: Document, **_) -> str:
    """Plain text: paragraphs separated by one blank line, the input's newline style."""
    return _body(doc, doc.body_text("\n"))


@writers.register("markdown")
def markdown(doc: Document, **_) -> str:
    """Markdown: the headline as a level-1 heading, then the paragraphs."""
    body = doc.body_text("\n")
    kept = doc.kept_paragraphs()
    title = _headline(doc)
    if body is not None and title and kept[0].text == title:
        body = "# " + body
    return _body(doc, body)


def removed_records(doc: Document) -> list[dict]:
    """Every removed line with the stage and rule that removed it: the one definition
    used by the JSON writers, JSONL records (``--with-removed``) and
    :func:`newsclean.clean_and_explain`."""
    return [
        {"line": ln.number, "text": ln.text, "stage": ln.removal.stage, "rule": ln.removal.rule}
        for ln in doc.lines
        if ln.removal is not None
    ]


def as_record(doc: Document, *, name: str | None = None) -> dict:
    """The cleaning result as a JSON-ready dict (text, paragraphs, removed lines, lines
    cut to the article's cell...).

    ``paragraphs`` holds one entry per paragraph: each line of the output text (the
    composer has joined hard-wrapped lines), so a block of one-paragraph-per-line text
    gives one entry per line, as ``text`` split on line breaks does.

    >>> from newsclean.pipeline import Pipeline
    >>> doc = Pipeline().run("A first paragraph of the story, long enough to be kept whole.\\n"
    ...                      "A second paragraph of the story, on the next line of its own.")
    >>> as_record(doc)["paragraphs"][1]
    'A second paragraph of the story, on the next line of its own.'
    """
    blocks = [p.text for p in doc.kept_paragraphs()]
    paragraphs = [line for block in blocks for line in block.split("\n") if line.strip()]
    removed = removed_records(doc)
    cuts = [
        {"line": ln.number, "kept": ln.written.strip(), "stage": ln.cut.stage, "rule": ln.cut.rule}
        for ln in doc.lines
        if ln.cut is not None and ln.removal is None
    ]
    words_in = sum(len(ln.text.split()) for ln in doc.lines)
    words_out = sum(len(p.split()) for p in paragraphs)
    record: dict = {}
    if name is not None:
        record.update(json_path(name))
    record.update(
        {
            "text": "\n\n".join(blocks) + ("\n" if blocks else ""),
            "headline": _headline(doc),
            "language": doc.language,
            "paragraphs": paragraphs,
            "removed": removed,
            "cut": cuts,
            "counts": {
                "lines": len(doc.lines),
                "lines_removed": len(removed),
                "paragraphs": len(paragraphs),
                "words_in": words_in,
                "words_out": words_out,
            },
            "notes": list(doc.notes),
        }
    )
    if any(_SURROGATE.search(ln.text) for ln in doc.lines):
        record["notes"].append(NOT_UTF8_NOTE)
    return record


# A file name or text decoded from bytes that are not UTF-8 holds lone surrogates
# (Python's surrogateescape); JSON output must never carry them.
_SURROGATE = compile_re("[\ud800-\udfff]")
NOT_UTF8_NOTE = "the input is not valid UTF-8: such bytes are written as U+FFFD (try --encoding auto)"


def json_path(name: str) -> dict:
    """The ``path`` member of a JSON record. A file name that is not valid UTF-8 (Linux
    allows any bytes but ``/`` and NUL) cannot be JSON text: its undecodable bytes are
    written as ``\\xNN`` (backslash, x, two hex digits), and ``path_base64`` then
    holds the exact bytes of the name, so that the file can still be found.

    >>> json_path("news/a.txt")
    {'path': 'news/a.txt'}
    >>> import os; json_path(os.fsdecode(b"caf\\xe9.txt"))
    {'path': 'caf\\\\xe9.txt', 'path_base64': 'Y2Fm6S50eHQ='}
    """
    if not _SURROGATE.search(name):
        return {"path": name}
    import base64

    raw = name.encode("utf-8", "surrogateescape")
    return {
        "path": raw.decode("utf-8", "backslashreplace"),
        "path_base64": base64.b64encode(raw).decode("ascii"),
    }


def _dumps(record: dict, indent: int | None = None) -> str:
    """JSON text that is always valid UTF-8: a lone surrogate (a byte of the input that
    was not UTF-8) becomes U+FFFD, and :func:`as_record` has said so in ``notes``."""
    import json  # here: the text writer, the common case, needs none (~1 ms of start-up)

    out = json.dumps(record, ensure_ascii=False, indent=indent)
    return _SURROGATE.sub("\ufffd", out)


@writers.register("json")
def to_json(doc: Document, *, name: str | None = None, **_) -> str:
    """One JSON object: text, headline, paragraphs, removed lines with stage and rule."""
    return _dumps(as_record(doc, name=name), indent=2) + "\n"


@writers.register("jsonl")
def to_jsonl(doc: Document, *, name: str | None = None, **_) -> str:
    """One compact JSON object on one line (one per input file, for corpora)."""
    return _dumps(as_record(doc, name=name)) + "\n"


def explain(doc: Document) -> str:
    """Each input line with its fate: ``keep``, ``drop stage:rule``, or ``cut stage:rule``
    (a side-by-side table line of which only the article's cell is kept)."""
    out = []
    for ln in doc.lines:
        fate = "keep" if ln.removal is None else f"drop {ln.removal.stage}:{ln.removal.rule}"
        if ln.removal is None and ln.cut is not None:
            fate = f"cut {ln.cut.stage}:{ln.cut.rule}"  # only the article's cell is kept
        if ln.removal is None and ln.blank:
            fate = ""
        out.append(f"{ln.number:>5} {fate:<40} {ln.text}")
    for note in doc.notes:
        out.append(f"note: {note}")
    return "\n".join(out) + "\n"
