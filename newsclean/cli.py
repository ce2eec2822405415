"""The command line: flags -> one :class:`~newsclean.options.Options` -> the library.

``main(argv)`` returns the exit code, so tests call it in-process; the console script
wraps it in ``sys.exit``. What the user is told, and the exit code, is
:mod:`newsclean.report`'s; where the work runs is :mod:`newsclean.concurrency`'s.
rich is imported only when a progress bar is shown.
"""

import gc
import os
import sys

# Start-up: importing typer and the library, and building the command below, makes tens
# of thousands of objects that live as long as the process, and no garbage. The collector
# is paused until the end of this module (the last lines) and main() then freezes them,
# which keeps every later collection from walking them.
_collecting = gc.isenabled()
gc.disable()

import typer  # noqa: E402

from . import __version__, report  # noqa: E402
from .concurrency import Pool, StopSignals, Terminated, outcomes, raise_terminated, worker_count  # noqa: E402
from .config import ConfigError, config_start, find_config, load_config  # noqa: E402
from .files import InputError, Source, discover, write_all  # noqa: E402
from .options import FORMATS, Flags, InputFormat, Language, OnBadLine, Options, UsageError  # noqa: E402
from .packs import PackError  # noqa: E402
from .registry import UnknownNameError  # noqa: E402
from .runner import Mode, Outcome, clean_bytes, output_path, unified_diff  # noqa: E402

app = typer.Typer(
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
)

USAGE = "Usage: newsclean [OPTIONS] [FILES]..."


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"newsclean {__version__}\n")
        raise typer.Exit()


@app.command()
def cli(
    files: list[str] | None = typer.Argument(
        None, help="Files or folders to clean; '-' or no argument with a pipe reads stdin.", show_default=False
    ),
    output: str | None = typer.Option(
        None, "-o", "--output", help="Write to FILE, or to folder DIR mirroring the input tree."
    ),
    in_place: bool = typer.Option(False, "-i", "--in-place", help="Rewrite files in place (unchanged files are not touched)."),
    check: bool = typer.Option(False, "--check", help="Write nothing; exit 1 and list the files that would change."),
    diff: bool = typer.Option(False, "--diff", help="Write nothing; print a unified diff of the changes (with --check too)."),
    color: bool | None = typer.Option(None, "--color/--no-color", help="Colour the diff (default: when stdout is a terminal)."),
    fmt: str | None = typer.Option(
        None, "-f", "--format", metavar="[" + "|".join(FORMATS) + "]",
        help="Output format (or a writer a plugin adds).", show_default=False,
    ),
    explain: bool = typer.Option(False, "--explain", help="Show on stderr each input line and what happened to it."),
    stages: str | None = typer.Option(None, "--stages", help="Comma-separated stage list replacing the default pipeline."),
    skip: list[str] | None = typer.Option(None, "--skip", help="Drop a stage from the pipeline (repeatable)."),
    list_stages: bool = typer.Option(False, "--list-stages", help="List every stage, built-in and from plugins, and exit."),
    rules: list[str] | None = typer.Option(None, "--rules", help="Extra phrase pack file (repeatable)."),
    language: Language | None = typer.Option(
        None, "--language", help="Force the language instead of guessing.", show_default=False
    ),
    template: str | None = typer.Option(None, "--template", help="Use a learned corpus template (see --learn-template)."),
    learn_template: str | None = typer.Option(
        None, "--learn-template", help="Learn a template from the inputs, write it to this file, and exit."
    ),
    min_docs: int = typer.Option(3, "--min-docs", help="With --learn-template: a line is template if it recurs in this many documents."),
    min_share: float = typer.Option(0.0, "--min-share", help="With --learn-template: ... and in at least this share of them."),
    include: list[str] | None = typer.Option(None, "--include", help="Glob of files to take in folders (default *.txt)."),
    exclude: list[str] | None = typer.Option(None, "--exclude", help="Glob of files or folders to leave out."),
    force_exclude: bool | None = typer.Option(
        None, "--force-exclude/--no-force-exclude",
        help="Apply the excludes to files named on the command line too (default: on under pre-commit).",
        show_default=False,
    ),
    jobs: int | None = typer.Option(None, "-j", "--jobs", help="Worker processes for many files or a long JSONL stream (default: the number of cores)."),
    scheduler: str | None = typer.Option(
        None, "--scheduler", help="Run on a Dask cluster: a scheduler ADDRESS (tcp://host:8786) or 'local'; needs newsclean[dask].",
    ),
    encoding: str | None = typer.Option(None, "--encoding", help="Input encoding: utf-8 (default), a codec name, or 'auto'."),
    input_format: InputFormat = typer.Option(InputFormat.text, "--input-format", help="text, or jsonl (one JSON object per line)."),
    text_field: str = typer.Option("text", "--text-field", help="With --input-format jsonl: the field to clean."),
    with_removed: bool = typer.Option(False, "--with-removed", help="With --input-format jsonl: add the removed lines to each record."),
    on_bad_line: OnBadLine = typer.Option(
        OnBadLine.fail, "--on-bad-line",
        help="With --input-format jsonl, a line that is not a record to clean: fail the run, skip it, or pass it through unchanged.",
    ),
    config: str | None = typer.Option(None, "--config", help="Read this configuration file instead of searching for one."),
    quiet: bool = typer.Option(False, "-q", "--quiet", help="Print no messages, only errors."),
    verbose: bool = typer.Option(False, "-v", "--verbose", help="Also name the files left unchanged."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks."),
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> int:
    """Clean the plain text of scraped news pages down to the article.

    \b
    newsclean page.txt                 print the cleaned text
    cat page.txt | newsclean           as a filter
    newsclean -i corpus/               rewrite every *.txt under corpus/
    newsclean --check corpus/          exit 1 if anything would change
    """
    if list_stages:
        _list_stages()
        return report.OK
    flags = Flags(
        files=tuple(files or ()), output=output, in_place=in_place, check=check, diff=diff, color=color,
        fmt=fmt, explain=explain, stages=stages, skip=tuple(skip or ()), rules=tuple(rules or ()),
        language=language.value if language else None, template=template, learn_template=learn_template,
        min_docs=min_docs, min_share=min_share, include=tuple(include or ()), exclude=tuple(exclude or ()),
        force_exclude=force_exclude, jobs=jobs, scheduler=scheduler, encoding=encoding,
        input_format=input_format.value, text_field=text_field, with_removed=with_removed,
        on_bad_line=on_bad_line.value, config=config, quiet=quiet, verbose=verbose, debug=debug,
    )
    return guarded(flags)


def guarded(flags: Flags) -> int:
    """:func:`run`, with every error turned into one ``newsclean: error:`` line and its
    exit code (``--debug`` shows the traceback instead)."""
    try:
        return run(flags)
    except BrokenPipeError:
        # `newsclean big.txt | head -1`: the reader left. Python docs, "Note on SIGPIPE".
        _stdout_to_devnull()
        return report.BROKEN_PIPE
    except Terminated:
        return report.SIGTERM
    except KeyboardInterrupt:
        return report.SIGINT
    except (UsageError, UnknownNameError) as exc:
        if flags.debug:
            raise
        report.error(str(exc))
        return report.USAGE
    except (ConfigError, PackError, InputError) as exc:
        if flags.debug:
            raise
        report.error(str(exc))
        return report.FAILED
    except Exception as exc:
        if flags.debug:
            raise
        if type(exc).__name__ == "BrokenProcessPool":  # a JSONL stream's worker was killed
            report.error("a worker process died (killed, or out of memory); the stream stopped there")
        else:
            report.error(f"{type(exc).__name__}: {exc} (run with --debug for the traceback)")
        return report.FAILED


def run(flags: Flags) -> int:
    # The configuration nearest the named paths, else the one the current folder is in.
    found = flags.config or find_config(config_start(flags.files)) or find_config(".")
    opts = Options.build(flags, load_config(found))
    _prepare(opts)
    files = list(opts.files)
    if not files:
        if os.environ.get("PRE_COMMIT"):
            return report.OK  # pre-commit gave no file names: nothing to do
        if sys.stdin is None or sys.stdin.isatty():
            sys.stderr.write(USAGE + "\nGive files or folders, or pipe text in ('-' reads stdin). Try -h for help.\n")
            return report.USAGE
        files = ["-"]
    if "-" in files and len(files) > 1:
        raise UsageError("'-' (stdin) cannot be mixed with file names")
    if opts.input_format is InputFormat.jsonl:
        return run_jsonl(opts, files)
    if opts.learn_template:
        return learn(opts, files)
    if files == ["-"]:
        return run_stdin(opts)
    return run_files(opts, files)


def _prepare(opts: Options) -> None:
    """Fail before any file is read: unknown stage, bad rules file, template, encoding,
    a pattern time limit that is not a number of seconds."""
    from .stages.boilerplate import pattern_timeout

    try:
        pattern_timeout(os.environ.get("NEWSCLEAN_PATTERN_TIMEOUT"))
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    opts.plan.pipeline()
    _check_encoding(opts.plan.encoding)
    from .packs import load_rules

    for path in opts.plan.rules:
        load_rules(path)


def _check_encoding(name: str) -> None:
    if name.lower() == "auto":
        return
    import codecs

    try:
        codecs.lookup(name)
    except LookupError:
        raise UsageError(f"unknown encoding {name!r} (--encoding: utf-8, cp1252, latin-1, auto...)") from None


def _jobs(opts: Options) -> int:
    """The worker processes to use: ``-j`` (or ``jobs`` in the configuration), one per
    core by default, capped at a few per core with a note (``-j 10000`` must not start
    10,000 processes)."""
    what = "-j" if opts.jobs_from_flag else f"{opts.config_path}: jobs ="
    jobs, note = worker_count(opts.jobs, what)
    if note and not opts.quiet:
        sys.stderr.write(f"newsclean: note: {note}\n")
    return jobs


# ------------------------------------------------------------------ files and folders


def run_files(opts: Options, files: list[str]) -> int:
    sources = find_sources(opts, files)
    many = len(sources) > 1 or any(os.path.isdir(f) for f in files)
    rep = report.Report(opts.mode, quiet=opts.quiet, verbose=opts.verbose)
    sink = Sink(opts)
    progress = None
    if report.progress_wanted(opts.quiet, len(sources), writes_stdout=sink.writes_stdout):
        progress = report.Progress(len(sources), sum(_size(s) for s in sources))
    jobs = _jobs(opts)
    # A pool costs ~0.1 s to start: worth it only for many files (8 or more per worker).
    use_jobs = jobs if len(sources) >= 8 * jobs else 1
    client = None
    try:
        with StopSignals() as stop, Pool(use_jobs) as pool:
            if opts.scheduler:
                from . import dask as nc_dask  # only here: dask costs nothing on the start-up path

                client = nc_dask.connect(opts.scheduler, workers=jobs)
            for outcome in outcomes(sources, opts.plan, pool=pool, client=client, stop=stop):
                rep.outcome(outcome)
                sink.outcome(outcome)
                if progress:
                    progress.advance(outcome.bytes_in)
                if opts.explain and outcome.status in ("changed", "unchanged"):
                    sys.stderr.write(f"== {report.shown(outcome.name)}\n{outcome.explanation}")
            rep.interrupted = 128 + stop.signum if stop.signum else 0
    finally:
        if progress:
            progress.close()
        if client is not None:
            nc_dask.close(client)
    sink.finish(rep)
    if rep.interrupted or (many or opts.mode in (Mode.IN_PLACE, Mode.CHECK, Mode.OUTPUT_DIR)):
        rep.summary()
    return rep.exit_code()


def find_sources(opts: Options, files: list[str]) -> list[Source]:
    """The files to clean, and the outputs they go to checked before anything is written:
    no output may be an input, no two inputs may share an output."""
    sources = list(discover(files, opts.include, opts.exclude, root=_config_folder(opts)))
    if opts.force_exclude and opts.exclude:
        named = {f for f in files if not os.path.isdir(f)}
        sources = [s for s in sources if s.path not in named or not _excluded(s.path, opts)]
    inputs: dict[str, str] = {}
    unique = []
    for s in sources:  # a file named twice (or through a link) is cleaned once
        real = os.path.realpath(s.path)
        if real not in inputs:
            inputs[real] = s.path
            unique.append(s)
    sources = unique
    if opts.mode is Mode.OUTPUT_DIR:
        assert opts.output is not None
        if os.path.exists(opts.output) and not os.path.isdir(opts.output):
            raise UsageError(f"-o {opts.output}: is a file; with several inputs or a folder, -o names a folder")
        out_root = os.path.realpath(opts.output)
        for f in files:
            if os.path.isdir(f):
                top = os.path.realpath(f)
                if top == out_root or top.startswith(os.path.join(out_root, "")):
                    raise UsageError(
                        f"-o {opts.output}: holds the input folder {f}: the outputs would mix with or overwrite "
                        "the inputs; write to a folder outside it (or rewrite in place with -i)"
                    )
        # `newsclean corpus/ -o corpus/clean/`: a folder walk never takes earlier results as inputs.
        named = set(files)
        sources = [
            s for s in sources if s.path in named or not os.path.realpath(s.path).startswith(os.path.join(out_root, ""))
        ]
        _check_destinations(opts, sources, {os.path.realpath(s.path): s.path for s in sources})
    elif opts.output:
        _refuse_input_as_output(opts.output, inputs)
    return sources


def _config_folder(opts: Options) -> str | None:
    return os.path.dirname(os.path.abspath(opts.config_path)) if opts.config_path else None


def _excluded(path: str, opts: Options) -> bool:
    """A named file that ``exclude`` matches: its path as given, or relative to the
    configuration's folder (``keep/*`` excludes ``corpus/keep/x.txt`` when the
    configuration is ``corpus/newsclean.toml``)."""
    from .files import _match

    paths = [os.path.normpath(path)]
    if opts.config_path:
        rel = os.path.relpath(os.path.abspath(path), os.path.dirname(os.path.abspath(opts.config_path)))
        if not rel.startswith(os.pardir + os.sep):
            paths.append(rel)
    return any(_match(p, opts.exclude) for p in paths)


def _check_destinations(opts: Options, sources: list[Source], inputs: dict[str, str]) -> None:
    seen: dict[str, str] = {}
    clashes = []
    for s in sources:
        dest = os.path.realpath(output_path(s, opts.plan))
        if dest in inputs:
            raise UsageError(
                f"-o {opts.output}: would write {report.shown(inputs[dest])}, which is an input; nothing written"
            )
        if dest in seen:
            clashes.append(f"{report.shown(seen[dest])} and {report.shown(s.path)}")
        seen.setdefault(dest, s.path)
    if clashes:
        more = f" (and {len(clashes) - 3} more)" if len(clashes) > 3 else ""
        raise UsageError(
            f"-o {opts.output}: inputs with the same relative path would overwrite each other: "
            f"{'; '.join(clashes[:3])}{more}; nothing written"
        )


def _refuse_input_as_output(output: str, inputs: dict[str, str]) -> None:
    """An output that is also an input (by name, link or hard link) is refused before
    anything is opened for writing."""
    same = os.path.realpath(output) in inputs
    if not same and os.path.exists(output):
        st = os.stat(output)
        same = any(_same_file(st, path) for path in inputs.values())
    if same:
        raise UsageError(f"{report.shown(output)}: is also an input, which writing would destroy; nothing written")


def _same_file(st: os.stat_result, path: str) -> bool:
    try:
        other = os.stat(path)
    except OSError:
        return False
    return (st.st_dev, st.st_ino) == (other.st_dev, other.st_ino)


class Sink:
    """Where cleaned text goes in the modes that print it: stdout, a diff, or ``-o FILE``
    (collected and written atomically at the end, never truncated first)."""

    def __init__(self, opts: Options) -> None:
        self.opts = opts
        self.collected: list[bytes] | None = [] if opts.mode is Mode.STDOUT and opts.output else None
        self.writes_stdout = opts.mode is Mode.DIFF or (opts.mode is Mode.STDOUT and not opts.output)
        self.color = _color_wanted(opts.color, sys.stdout)

    def outcome(self, o: Outcome) -> None:
        if o.status not in ("changed", "unchanged"):
            return
        if self.opts.mode is Mode.STDOUT:
            if self.collected is not None:
                self.collected.append(o.output)
            else:
                _write_out(o.output)
        elif self.opts.mode is Mode.DIFF and o.output:
            _print_diff(o.output, self.color)

    def finish(self, rep: report.Report) -> None:
        if self.collected is not None and not rep.counts["failed"] and not rep.interrupted:
            from .files import write_atomic

            assert self.opts.output is not None
            write_atomic(self.opts.output, b"".join(self.collected))


def _size(source: Source) -> int:
    try:
        return os.path.getsize(source.path)
    except OSError:
        return 0


# ------------------------------------------------------------------ stdin


def run_stdin(opts: Options) -> int:
    if opts.mode is Mode.IN_PLACE:
        raise UsageError("--in-place needs files, not stdin")
    data = sys.stdin.buffer.read()
    out, notes, doc = clean_bytes(data, opts.plan)
    for note in notes:
        sys.stderr.write(f"<stdin>: {note}\n")
    if opts.explain:
        from .writers import explain as render_explain

        sys.stderr.write(render_explain(doc))
    changed = out != data
    if opts.mode is Mode.CHECK:
        if changed:
            sys.stderr.write("would clean <stdin>\n")
        return report.CHANGED if changed else report.OK
    if opts.mode is Mode.DIFF:
        if changed:
            _print_diff(unified_diff("<stdin>", data, out), _color_wanted(opts.color, sys.stdout))
        return report.CHANGED if changed else report.OK
    if opts.output:
        from .files import write_atomic

        write_atomic(opts.output, out)
    else:
        _write_out(out)
    return report.OK


# ------------------------------------------------------------------ JSONL


def run_jsonl(opts: Options, files: list[str]) -> int:
    if opts.output:
        _refuse_input_as_output(opts.output, {os.path.realpath(f): f for f in files if f != "-"})
    jobs = _jobs(opts)
    if opts.scheduler:
        return _run_jsonl_dask(opts, files, jobs)
    from .streams import clean_jsonl

    def skipped(message: str) -> None:  # reported even with -q: a record is missing
        sys.stderr.write(f"skipped {message}\n")
        sys.stderr.flush()

    lost: list[str] = []

    def failed(message: str) -> None:  # a record whose worker died twice
        lost.append(message)
        report.error(message)
        sys.stderr.flush()

    # One pool for all the files, started if a stream is long; a signal lets the records
    # in flight finish and be written, then stops the run.
    with StopSignals() as stop, Pool(jobs) as pool:
        written, nskipped = clean_jsonl(
            files, opts.plan, output=opts.output, text_field=opts.text_field, with_removed=opts.with_removed,
            on_bad_line=opts.on_bad_line.value, jobs=jobs, pool=pool, on_bad=skipped, on_lost=failed, stop=stop,
        )
    cleaned = written - len(lost) if opts.on_bad_line is OnBadLine.pass_ else written
    parts = [report.plural(cleaned, "record") + " cleaned"]
    if nskipped:
        parts.append(f"{report.plural(nskipped, 'bad line')} skipped")
    if lost:
        parts.append(f"{report.plural(len(lost), 'record')} failed")
    line = ", ".join(parts) + "."
    if stop.signum:
        if opts.output:  # the records cleaned so far went to a temp file, now removed
            line = f"Interrupted: {report.shown(opts.output)} left as it was ({line[:-1]} before the signal, not written)."
        else:
            line += " Interrupted: the rest of the input was not read."
        sys.stderr.write(line + "\n")
        return 128 + stop.signum
    if not opts.quiet and (nskipped or lost):
        sys.stderr.write(line + "\n")
    return report.FAILED if lost else report.OK


def _run_jsonl_dask(opts: Options, files: list[str], jobs: int) -> int:
    """--input-format jsonl --scheduler: one part-NNNNN.jsonl per input file in -o DIR."""
    if "-" in files:
        raise UsageError("--scheduler reads JSONL files, not stdin")
    if not opts.output:
        raise UsageError("--scheduler with --input-format jsonl needs -o DIR (one part file per input)")
    if opts.on_bad_line is OnBadLine.pass_:
        raise UsageError("--scheduler does not take --on-bad-line pass")
    from . import dask as nc_dask

    inputs = {os.path.realpath(f): f for f in files}
    for dest in nc_dask.jsonl_outputs(files, opts.output):
        _refuse_input_as_output(dest, inputs)
    client = nc_dask.connect(opts.scheduler or "local", workers=jobs)
    try:
        results = nc_dask.clean_jsonl_files(
            files, opts.plan, opts.output, client, text_field=opts.text_field, with_removed=opts.with_removed,
            skip_bad=opts.on_bad_line is OnBadLine.skip,
        )
    finally:
        nc_dask.close(client)
    failed = 0
    for r in results:
        for msg in r["bad"]:
            sys.stderr.write(f"skipped {msg}\n")
        if r["error"]:
            failed += 1
            report.error(r["error"])
    if not opts.quiet:
        written = sum(r["written"] for r in results)
        nskipped = sum(r["skipped"] for r in results)
        sys.stderr.write(
            f"{report.plural(written, 'record')} cleaned into {report.plural(len(results) - failed, 'file')} in {opts.output}"
            + (f", {report.plural(nskipped, 'bad line')} skipped" if nskipped else "")
            + (f", {report.plural(failed, 'file')} failed" if failed else "") + ".\n"
        )
    return report.FAILED if failed else report.OK


# ------------------------------------------------------------------ templates


def learn(opts: Options, files: list[str]) -> int:
    from .files import decode, read_bytes
    from .template import Template

    assert opts.learn_template is not None
    sources = list(discover(files, opts.include, opts.exclude, root=_config_folder(opts)))
    _refuse_input_as_output(opts.learn_template, {os.path.realpath(s.path): s.path for s in sources})
    failed = 0

    def texts():
        nonlocal failed
        for s in sources:
            try:
                yield decode(read_bytes(s.path), opts.plan.encoding, name=s.path)[0]
            except InputError as exc:
                failed += 1
                report.error(str(exc))

    tpl = Template.learn(texts(), min_docs=opts.min_docs, min_share=opts.min_share)
    tpl.dump(opts.learn_template)
    if not opts.quiet:
        sys.stderr.write(
            f"learned {report.plural(len(tpl.lines), 'template line')} from "
            f"{report.plural(tpl.documents, 'document')}; wrote {opts.learn_template}\n"
        )
    return report.FAILED if failed else report.OK


# ------------------------------------------------------------------ output helpers


def _list_stages() -> None:
    from .pipeline import DEFAULT_STAGES
    from .registry import stages

    entries = stages.all()
    width = max(len(e.name) for e in entries)
    for e in entries:
        mark = "*" if e.name in DEFAULT_STAGES else " "
        origin = "" if e.origin == "built-in" else f"  [{e.origin}]"
        desc = e.description.replace("``", "")  # docstrings use reST literals
        sys.stdout.write(f"{mark} {e.name:<{width}}  {desc}{origin}\n")
    sys.stdout.write("(* in the default pipeline, in this order: " + ", ".join(DEFAULT_STAGES) + ")\n")


def _color_wanted(flag: bool | None, stream) -> bool:
    if flag is not None:
        return flag
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _write_out(data: bytes) -> None:
    write_all(sys.stdout.buffer, data)  # a raw stdout (python -u) may take only part at once


_COLORS = (("+++", "\x1b[1m"), ("---", "\x1b[1m"), ("@@", "\x1b[36m"), ("+", "\x1b[32m"), ("-", "\x1b[31m"))


def _print_diff(diff: bytes, color: bool) -> None:
    if not color:
        _write_out(diff)
        return
    out = []
    for line in diff.decode("utf-8", "surrogateescape").splitlines(keepends=True):
        code = next((c for prefix, c in _COLORS if line.startswith(prefix)), None)
        out.append(code + line.rstrip("\n") + "\x1b[0m\n" if code else line)
    _write_out("".join(out).encode("utf-8", "surrogateescape"))


def _stdout_to_devnull() -> None:
    """After a broken pipe, point stdout at /dev/null so the final flush cannot fail
    (Python docs, "Note on SIGPIPE")."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())


def main(argv: list[str] | None = None) -> int:
    """Run the command with ``argv`` (default: ``sys.argv[1:]``); return the exit code."""
    if argv is None:  # the command itself: what the imports made lives until exit,
        gc.freeze()  # out of the collector's sight (see above)
    import signal
    import threading

    in_main = threading.current_thread() is threading.main_thread()
    saved = signal.signal(signal.SIGTERM, raise_terminated) if in_main else None
    try:
        code = typer.main.get_command(app).main(args=argv, prog_name="newsclean", standalone_mode=False)
    except typer.Abort:
        code = report.SIGINT
    except Exception as exc:  # a flag click itself refuses (usage, exit 2): it prints it
        if not (hasattr(exc, "show") and isinstance(getattr(exc, "exit_code", None), int)):
            raise
        exc.show()
        code = getattr(exc, "exit_code", report.USAGE)
    except Terminated:
        code = report.SIGTERM
    except KeyboardInterrupt:
        code = report.SIGINT
    finally:
        if in_main:
            signal.signal(signal.SIGTERM, saved)
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _stdout_to_devnull()
        code = report.BROKEN_PIPE
    code = code if isinstance(code, int) else report.OK
    if argv is None:
        # Exit is next: a last collection would only walk what the OS frees anyway
        # (8 ms of a 80 ms run). Files are closed and output flushed explicitly before.
        gc.freeze()
        if threading.active_count() > 1:
            # A JSONL reader thread still blocked on stdin (a signal or an error stopped
            # the stream): finalizing the interpreter under it would abort. All output is
            # written and flushed; the workers end with this process.
            _flush_and_exit(code)
    return code


def _flush_and_exit(code: int) -> None:
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(code)


if _collecting:  # the pause of the imports ends here (see the top of the module)
    gc.enable()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
