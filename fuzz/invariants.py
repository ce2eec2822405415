"""Invariants every cleaning result must keep, shared by the fuzz target and the
property tests (tests/test_properties.py imports this file).

>>> invented_words("The hyph-\\nenated word.", "The hyph-enated word.\\n")
[]
>>> invented_words("Back to top", "Back to the top\\n")
['the']
"""

from __future__ import annotations

from newsclean.document import Document, detect_newline, split_lines
from newsclean.files import decode, encode
from newsclean.pipeline import UNSTABLE_NOTE
from newsclean.tokens import WORD_RE
from newsclean.visible import visible

# squeeze() drops these (zero-width space, word joiner, BOM, soft hyphen), which may
# join the two halves of a word: compare against the input without them.
_INVISIBLE = {ord(c): None for c in "\u200b\u2060\ufeff\u00ad"}


def words(text: str) -> list[str]:
    return WORD_RE.findall(text.translate(_INVISIBLE).casefold())


def shown_words(source: str) -> list[str]:
    """The words of ``source`` as the composer writes its lines (image names such as
    ``[IMG]`` gone): what the output's words must be a subsequence of."""
    return words("\n".join(visible(line) for line in split_lines(source)))


def _composable(w: str, vocab: set[str]) -> bool:
    """``w`` is a chain of vocabulary words, each joined to the next directly or by
    one hyphen (a run of hard-wrapped lines ending in hyphens)."""
    memo: dict[int, bool] = {}

    def ok(start: int) -> bool:
        if start in memo:
            return memo[start]
        rest = w[start:]
        result = rest in vocab
        i = start + 1
        while not result and i < len(w):
            if w[start:i] in vocab:
                nxt = i + 1 if w[i] == "-" else i
                result = nxt < len(w) and ok(nxt)
            i += 1
        memo[start] = result
        return result

    return ok(0)


def invented_words(source: str, output: str) -> list[str]:
    """Words of ``output`` that are neither words of ``source`` nor input words joined
    where a line-end hyphen was removed (``hyphenated``) or kept (``hyph-enated``)."""
    vocab = set(words(source)) | set(shown_words(source))
    return [w for w in words(output) if w not in vocab and not _composable(w, vocab)]


def kept_lines_in_order(source: str, output: str) -> bool:
    """The output's words are a subsequence of the input's words (a joined word spends
    the input words it was made of): lines are removed or joined, never reordered.
    The input's words are as the composer shows them (image names gone), or as they
    are, for a document that was already clean text and passed through verbatim."""
    return _in_order(words(output), shown_words(source)) or _in_order(words(output), words(source))


def _in_order(out: list[str], src: list[str]) -> bool:
    i = 0
    for w in out:
        while i < len(src):
            end = _match_at(w, src, i)
            if end is not None:
                i = end
                break
            i += 1
        else:
            return False
    return True


def _match_at(w: str, src: list[str], i: int) -> int | None:
    """The index after the input words starting at ``i`` that make ``w``, or None."""
    acc = ""
    j = i
    while j < len(src) and len(acc) < len(w):
        for sep in ("", "-") if acc else ("",):
            cand = acc + sep + src[j]
            if w.startswith(cand):
                acc = cand
                break
        else:
            return None
        j += 1
        if acc == w:
            return j
    return None


def newline_kept(source: str, output: str) -> bool:
    """The output uses the input's newline style (the first line ending of the input)."""
    body = output[1:] if output.startswith("\ufeff") else output
    if "\n" not in body and "\r" not in body:
        return True
    return detect_newline(body) == Document.from_text(source).newline and _uniform(body)


def _uniform(body: str) -> bool:
    """Every line ending of ``body`` is the same one."""
    crlf = body.count("\r\n")
    cr = body.count("\r") - crlf
    lf = body.count("\n") - crlf
    return sum(1 for n in (crlf, cr, lf) if n) <= 1


def rejoined_only(once: str, twice: str) -> bool:
    """``twice`` differs from ``once`` only by lines joined again, as the normalizer joins
    hard-wrapped lines (with a space, directly, or dropping a line-end hyphen).

    >>> rejoined_only("a long line\\nthe next\\n", "a long line the next\\n")
    True
    >>> rejoined_only("a\\nb\\n", "b\\n")
    False
    """
    a, b = split_lines(once), split_lines(twice)
    i = 0
    for target in b:
        if i >= len(a):
            return False
        acc = {a[i]}
        i += 1
        while target not in acc:
            if i >= len(a) or not any(target.startswith(x[:-1]) for x in acc if x):
                return False
            nxt = a[i]
            acc = {y for x in acc for y in (x + " " + nxt, x + nxt, x[:-1] + nxt if x.endswith("-") else None) if y}
            acc = {x for x in acc if target.startswith(x[: max(1, len(x) - 1)])}
            i += 1
    return i == len(a)


def joins(doc: Document) -> int:
    """How many input lines the composer joined to the line before them as hard-wrapped.

    >>> from newsclean.pipeline import Pipeline
    >>> joins(Pipeline().run("one\\ntwo"))
    0
    """
    return sum(len(p.lines) - (p.text.count("\n") + 1) for p in doc.paragraphs or ())


def settles(doc: Document, once: str, twice: str) -> str | None:
    """Why ``twice`` (``once`` cleaned again) breaks what a second run may do, or None.

    The pipeline makes one pass (the settle-until-fixpoint loop is gone), and a second
    run may still judge the output anew: join lines that now look hard-wrapped, or
    remove a line a statistical stage now scores as debris. It may never invent or
    reorder words; and the confirming pass (``run(confirm=True)``) must have noted it.
    """
    if twice == once:
        return None
    if UNSTABLE_NOTE not in doc.notes:
        return "a second run changed the output, and the confirming pass did not say so"
    if rejoined_only(once, twice):
        return None
    if invented_words(once, twice) or not kept_lines_in_order(once, twice):
        return "a second run changed words, not only lines"
    return None


_pipeline = None


def check_bytes(data: bytes) -> None:
    """Clean ``data`` as ``newsclean FILE`` would; raise AssertionError on a broken
    invariant (any other exception is a crash too)."""
    global _pipeline
    if _pipeline is None:
        from newsclean.pipeline import Pipeline

        _pipeline = Pipeline()
    text, encoding = decode(data, "utf-8")
    doc = _pipeline.run(text, confirm=True)
    out = _pipeline.render(doc, "text")
    encode(out, encoding)  # must not raise: surrogate-escaped bytes survive
    _pipeline.render(doc, "markdown")
    _pipeline.render(doc, "json", name="fuzz.txt")
    bad = invented_words(text, out)
    if bad:
        raise AssertionError(f"invented words {bad[:5]!r}")
    if not kept_lines_in_order(text, out):
        raise AssertionError("the output's words are not in the input's order")
    if not newline_kept(text, out):
        raise AssertionError("the newline style was not kept")
    twice = _pipeline.render(_pipeline.run(out), "text")
    problem = settles(doc, out, twice)
    if problem:
        raise AssertionError(problem)
