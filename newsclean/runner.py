"""Run a pipeline over files and streams: one plan, one core for every mode.

The CLI builds a :class:`Plan` from flags and configuration; ``clean_bytes`` is the one
place where bytes become cleaned bytes, whether they came from stdin, a file being
rewritten in place, or a worker of a process pool.
"""


# No `from __future__ import annotations` in this module: it defines NamedTuples, whose
# string annotations typing would compile one by one at every start (docs/performance.md).
import enum
import os
from typing import NamedTuple

from .document import Document
from .files import InputError, Skipped, Source, decode_text, encode, looks_binary, read_file, write_atomic
from .pipeline import Pipeline
from .record import Record, arguments


class Mode(enum.Enum):
    STDOUT = "stdout"  # print the result
    IN_PLACE = "in-place"  # rewrite each file
    CHECK = "check"  # write nothing, report files that would change
    DIFF = "diff"  # print a unified diff
    OUTPUT_DIR = "output-dir"  # write to a folder mirroring the inputs


class Plan(NamedTuple):
    stages: tuple[str, ...] | None = None
    skip: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    template: str | None = None
    options: tuple = ()  # ((stage, ((key, value), ...)), ...): hashable for caching
    language: str | None = None
    fmt: str = "text"
    encoding: str = "utf-8"
    mode: Mode = Mode.STDOUT
    output: str | None = None
    explain: bool = False  # keep each document's line-by-line explanation in its Outcome

    def pipeline(self) -> Pipeline:
        return _pipeline_for(self)


# The modes in which a result is written back over its input, or judged as if it were.
_CONFIRMED = (Mode.IN_PLACE, Mode.CHECK, Mode.DIFF)

_cache: dict = {}


def _pipeline_for(plan: Plan) -> Pipeline:
    key = (plan.stages, plan.skip, plan.rules, plan.template, plan.options, plan.language)
    p = _cache.get(key)
    if p is None:
        template = None
        if plan.template:
            from .template import Template

            template = Template.load(plan.template)
        p = Pipeline(
            plan.stages,
            skip=plan.skip,
            rules=plan.rules,
            template=template,
            options={stage: dict(kv) for stage, kv in plan.options},
            language=plan.language,
        )
        _check_options(p)
        _cache[key] = p
    return p


def _check_options(pipeline: Pipeline) -> None:
    """Options naming a keyword the stage does not take fail before any file is read."""
    import inspect

    from .config import ConfigError

    for entry in pipeline.entries:
        given = pipeline.context.options.get(entry.name)
        if not given:
            continue
        params = inspect.signature(entry.func).parameters.values()
        if any(p.kind is p.VAR_KEYWORD for p in params):
            continue
        known = sorted(p.name for p in params if p.kind is p.KEYWORD_ONLY)
        unknown = sorted(set(given) - set(known))
        if unknown:
            raise ConfigError(
                f"options for stage {entry.name!r}: unknown {', '.join(map(repr, unknown))}"
                f" (it takes: {', '.join(known) or 'no options'})"
            )
        for p in params:
            if p.name not in given or p.default is p.empty or p.default is None:
                continue
            want = (int, float) if type(p.default) is float else type(p.default)
            value = given[p.name]
            if not isinstance(value, want) or (isinstance(value, bool) and want is not bool):
                shown = list(value) if isinstance(value, tuple) else value
                raise ConfigError(
                    f"options for stage {entry.name!r}: {p.name} must be "
                    f"{type(p.default).__name__}, not {shown!r}"
                )


class Outcome(Record):
    """What happened to one input.

    ``status`` is "changed", "unchanged", "failed" or "skipped"; ``output`` the rendered
    output (stdout and diff modes) or b""; ``explanation`` (with ``Plan.explain``) each
    input line and its fate.
    """

    # Outcomes cross process boundaries: a record pickles by its slots.
    __slots__ = ("name", "status", "output", "message", "notes", "bytes_in", "explanation")
    name: str
    status: str
    output: bytes
    message: str
    notes: list[str]
    bytes_in: int
    explanation: str

    def __init__(
        self,
        name: str,
        status: str,
        output: bytes = b"",
        message: str = "",
        notes: list[str] | None = None,
        bytes_in: int = 0,
        explanation: str = "",
    ) -> None:
        notes = [] if notes is None else notes
        Record.__init__(self, **arguments(locals()))

    def __repr__(self) -> str:
        return f"Outcome({self.name!r}, {self.status!r}, message={self.message!r}, notes={self.notes!r})"


def clean_text(text: str, plan: Plan) -> tuple[Document, bool]:
    """Run the plan's pipeline over ``text``: the document, and whether it passed through
    unchanged because a pattern timed out (the last line of defence against a pattern
    gone exponential, a user's rules file say: the text stays as it was, with a note).
    The same for a file, stdin and a JSONL record.

    Where a file is rewritten or judged (``-i``, ``--check``, ``--diff``) the pipeline
    confirms its result with a second pass.
    """
    try:
        return plan.pipeline().run(text, confirm=plan.mode in _CONFIRMED), False
    except TimeoutError:
        from .document import Document

        doc = Document.from_text(text)
        doc.notes.append("a pattern timed out: passed through unchanged")
        return doc, True


def clean_bytes(data: bytes, plan: Plan, *, name: str = "<stdin>") -> tuple[bytes, list[str], Document]:
    """Bytes in, rendered bytes out, plus notes and the document (for ``--explain``: it
    says what happened to each line without cleaning twice).

    Written back over a file (``-i``; compared for ``--check``/``--diff``; ``-o DIR``) the
    text keeps the file's encoding; printed (stdout, ``-o FILE``) it is UTF-8. UTF-8 with
    stray bytes keeps them as they were, with a note that ``--encoding auto`` exists.
    """
    decoded = decode_text(data, plan.encoding, name=name)
    notes = [decoded.note] if decoded.note else []
    pipeline = plan.pipeline()
    doc, passed = clean_text(decoded.text, plan)
    text_out = plan.fmt in ("text", "markdown")
    encoding = decoded.encoding if text_out and plan.mode is not Mode.STDOUT else "utf-8"
    if passed and text_out:
        same = encoding == decoded.encoding
        return (data if same else encode(decoded.text, encoding, name=name)), notes + doc.notes, doc
    rendered = pipeline.render(doc, plan.fmt, name=None if name == "<stdin>" else name)
    return encode(rendered, encoding, name=name), notes + doc.notes, doc


def unified_diff(name: str, old: bytes, new: bytes) -> bytes:
    import difflib  # only --diff pays for it

    a = old.decode("utf-8", "surrogateescape").splitlines(keepends=True)
    b = new.decode("utf-8", "surrogateescape").splitlines(keepends=True)
    lines = difflib.unified_diff(a, b, fromfile=f"{name}\t(original)", tofile=f"{name}\t(cleaned)")
    out = []
    for line in lines:
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out).encode("utf-8", "surrogateescape")


def process(source: Source, plan: Plan) -> Outcome:
    """Clean one file according to ``plan.mode``. Never raises for a bad file."""
    name = source.path
    try:
        data, st = read_file(name)
        if looks_binary(data, plan.encoding):
            return Outcome(name, "skipped", message=f"{name}: binary file (NUL bytes), skipped")
        out, notes, doc = clean_bytes(data, plan, name=name)
        changed = out != data
        outcome = Outcome(name, "changed" if changed else "unchanged", notes=notes, bytes_in=len(data))
        if plan.explain:
            from .writers import explain

            outcome.explanation = explain(doc)
        if plan.mode is Mode.STDOUT:
            outcome.output = out
        elif plan.mode is Mode.DIFF:
            if changed:
                outcome.output = unified_diff(name, data, out)
        elif plan.mode is Mode.IN_PLACE:
            if changed:
                write_atomic(name, out, expect=st)  # a file changed since it was read is left alone
        elif plan.mode is Mode.OUTPUT_DIR:
            dest = output_path(source, plan)
            # A symbolic link already in the output folder (out/a.txt -> ~/notes.txt, or
            # out/sub -> elsewhere) must not carry an output, written through it, outside.
            root = os.path.join(os.path.realpath(plan.output or "."), "")
            if not os.path.realpath(dest).startswith(root):
                raise InputError(f"{dest}: leads outside the output folder (a symbolic link); not written")
            os.makedirs(os.path.dirname(dest) or ".", exist_ok=True)
            try:
                with open(dest, "rb") as f:
                    same = f.read() == out
            except OSError:
                same = False
            if not same:
                # The input stays as it was: no fsync per output file (see write_atomic).
                write_atomic(dest, out, durable=False)
        return outcome
    except Skipped as exc:
        return Outcome(name, "skipped", message=str(exc))
    except InputError as exc:
        return Outcome(name, "failed", message=str(exc))
    except Exception as exc:  # a bug or a hostile input: report it, go on with the others
        return Outcome(name, "failed", message=f"{name}: {type(exc).__name__}: {exc}")


def output_path(source: Source, plan: Plan) -> str:
    """Where ``-o DIR`` writes ``source``: its relative path under the folder, with the
    format's extension.

    >>> output_path(Source("news/a.txt", "a.txt"), Plan(fmt="json", output="out"))
    'out/a.json'
    """
    dest = os.path.join(plan.output or ".", source.relative)
    if plan.fmt in ("json", "jsonl"):
        dest = os.path.splitext(dest)[0] + ".json"
    elif plan.fmt == "markdown":
        dest = os.path.splitext(dest)[0] + ".md"
    return dest


def process_many(sources, plan: Plan, jobs: int = 1):
    """Yield an :class:`Outcome` per source, in input order, using ``jobs`` processes
    (see :mod:`newsclean.concurrency`)."""
    from .concurrency import Files, Pool

    with Pool(jobs) as pool:
        yield from Files(sources, plan, pool)
