"""What a run is asked to do: the flags and the configuration, merged and checked once.

The CLI turns its flags into one :class:`Options`; everything after that switches on
``Options.mode`` (a :class:`~newsclean.runner.Mode`, derived from the flags the way
black's ``WriteBack.from_configuration`` is) and never looks at a flag again.

>>> from newsclean.config import Config
>>> opts = Options.build(Flags(files=("a.txt",), check=True, diff=True), Config())
>>> opts.mode.name, opts.fmt, opts.plan.mode is opts.mode
('DIFF', 'text', True)

Nothing here imports typer or rich: the choices are plain enums that the CLI shows in
``--help``.
"""

from __future__ import annotations

import enum
import os
from typing import TYPE_CHECKING

from .packs import LANGUAGES
from .record import Record
from .runner import Mode, Plan

if TYPE_CHECKING:
    from .config import Config


class UsageError(Exception):
    """Flags that do not go together, or a value a flag does not take (exit 2)."""


class InputFormat(str, enum.Enum):
    text = "text"
    jsonl = "jsonl"


class OnBadLine(str, enum.Enum):
    """What ``--input-format jsonl`` does with a line that is not a record to clean."""

    fail = "fail"  # stop the run, exit 123
    skip = "skip"  # report it on stderr, leave it out
    pass_ = "pass"  # write it out unchanged: output lines keep matching input lines


# The languages newsclean has phrase packs for; --language takes nothing else.
Language = enum.Enum("Language", {code: code for code in LANGUAGES}, type=str)  # type: ignore[misc]

# The built-in writers, for --help; plugins may register more (checked by the registry).
FORMATS = ("text", "markdown", "json", "jsonl")


def mode_from_configuration(*, in_place: bool, check: bool, diff: bool, output_dir: bool) -> Mode:
    """One mode from the flags. ``--check --diff`` is ``DIFF``: print the diff, write
    nothing, exit 1 if anything would change (as black does).

    >>> mode_from_configuration(in_place=False, check=True, diff=True, output_dir=False)
    <Mode.DIFF: 'diff'>
    >>> mode_from_configuration(in_place=False, check=False, diff=False, output_dir=True)
    <Mode.OUTPUT_DIR: 'output-dir'>
    """
    if diff:
        return Mode.DIFF
    if check:
        return Mode.CHECK
    if in_place:
        return Mode.IN_PLACE
    return Mode.OUTPUT_DIR if output_dir else Mode.STDOUT


class Flags(Record):
    """The command line as given (None: not given, the configuration or default decides)."""

    files: tuple[str, ...] = ()
    output: str | None = None
    in_place: bool = False
    check: bool = False
    diff: bool = False
    color: bool | None = None
    fmt: str | None = None
    explain: bool = False
    stages: str | None = None
    skip: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    language: str | None = None
    template: str | None = None
    learn_template: str | None = None
    min_docs: int = 3
    min_share: float = 0.0
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    force_exclude: bool | None = None
    jobs: int | None = None
    scheduler: str | None = None
    encoding: str | None = None
    input_format: str = "text"
    text_field: str = "text"
    with_removed: bool = False
    on_bad_line: str = "fail"
    config: str | None = None
    quiet: bool = False
    verbose: bool = False
    debug: bool = False


class Options(Record):
    """Everything a run needs, resolved: flags over configuration over defaults."""

    __slots__ = (
        "files", "output", "mode", "plan", "fmt", "color", "explain", "learn_template", "min_docs",
        "min_share", "include", "exclude", "force_exclude", "jobs", "jobs_from_flag", "scheduler", "input_format",
        "text_field", "with_removed", "on_bad_line", "quiet", "verbose", "debug", "config_path"
    )
    files: tuple[str, ...]
    output: str | None
    mode: Mode
    plan: Plan
    fmt: str
    color: bool | None
    explain: bool
    learn_template: str | None
    min_docs: int
    min_share: float
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    force_exclude: bool
    jobs: int | None  # None: one per core
    jobs_from_flag: bool  # -j given (else from the configuration, or the default)
    scheduler: str | None
    input_format: InputFormat
    text_field: str
    with_removed: bool
    on_bad_line: OnBadLine
    quiet: bool
    verbose: bool
    debug: bool
    config_path: str | None

    @classmethod
    def build(cls, flags: Flags, cfg: Config) -> Options:
        """Merge ``flags`` over ``cfg`` and refuse what cannot be run honestly."""
        _check_flags(flags)
        fmt = _format(flags, cfg)
        input_format = _choice(InputFormat, flags.input_format, "--input-format")
        on_bad_line = _choice(OnBadLine, flags.on_bad_line, "--on-bad-line")
        language = flags.language or cfg.get("language")
        if language is not None:
            _choice(Language, language, "--language" if flags.language else f"{cfg.path}: 'language'", cfg=not flags.language)
        jobs = flags.jobs if flags.jobs is not None else cfg.get("jobs")
        if jobs is not None and jobs < 1:
            if flags.jobs is None:  # a configuration that cannot be used: exit 123, as for any
                from .config import ConfigError

                raise ConfigError(f"{cfg.path}: 'jobs' must be 1 or more, not {jobs}")
            raise UsageError(f"-j/--jobs must be 1 or more, not {jobs}")
        output_dir = bool(flags.output) and input_format is InputFormat.text and _names_folder(flags)
        mode = mode_from_configuration(
            in_place=flags.in_place, check=flags.check, diff=flags.diff, output_dir=output_dir
        )
        if input_format is InputFormat.jsonl:
            _check_jsonl(flags, fmt)
        stage_list = tuple(s.strip() for s in flags.stages.split(",") if s.strip()) if flags.stages else None
        if stage_list is None and cfg.get("stages"):
            stage_list = tuple(cfg.get("stages"))
        plan = Plan(
            stages=stage_list,
            skip=tuple(flags.skip or cfg.get("skip", ())),
            rules=tuple(cfg.get("rules", ())) + tuple(flags.rules),
            template=flags.template or cfg.get("template"),
            options=_options_from_config(cfg.get("options", {})),
            language=language,
            fmt=fmt,
            encoding=flags.encoding or cfg.get("encoding", "utf-8"),
            mode=mode,
            output=flags.output if mode is Mode.OUTPUT_DIR else None,
            explain=flags.explain,
        )
        force_exclude = flags.force_exclude
        if force_exclude is None:  # as the hook, pre-commit names every file: excludes must apply
            force_exclude = bool(os.environ.get("PRE_COMMIT"))
        return cls(
            files=flags.files,
            output=flags.output,
            mode=mode,
            plan=plan,
            fmt=fmt,
            color=flags.color,
            explain=flags.explain,
            learn_template=flags.learn_template,
            min_docs=flags.min_docs,
            min_share=flags.min_share,
            include=tuple(flags.include or cfg.get("include", ()) or ("*.txt",)),
            exclude=tuple(flags.exclude or cfg.get("exclude", ())),
            force_exclude=force_exclude,
            jobs=jobs,
            jobs_from_flag=flags.jobs is not None,
            scheduler=flags.scheduler,
            input_format=input_format,
            text_field=flags.text_field,
            with_removed=flags.with_removed,
            on_bad_line=on_bad_line,
            quiet=flags.quiet,
            verbose=flags.verbose,
            debug=flags.debug,
            config_path=cfg.path,
        )


def _choice(kind, value: str, origin: str, cfg: bool = False):
    """``value`` as a member of ``kind``; else a usage error (a configuration error, exit
    123, when it came from the configuration file)."""
    try:
        return kind(value)
    except ValueError:
        known = ", ".join(m.value for m in kind)
        message = f"{origin}: unknown value {value!r} (choose from {known})"
        if cfg:
            from .config import ConfigError

            raise ConfigError(message) from None
        raise UsageError(message) from None


def _check_flags(flags: Flags) -> None:
    if sum(map(bool, (flags.in_place, flags.check))) > 1 or (flags.in_place and flags.diff):
        raise UsageError("--in-place excludes --check and --diff (--check --diff prints the diff and writes nothing)")
    if flags.output and (flags.in_place or flags.check or flags.diff):
        raise UsageError("-o/--output goes with neither --in-place, --check nor --diff")
    if flags.learn_template:
        given = [name for name, on in (("--in-place", flags.in_place), ("--check", flags.check),
                                       ("--diff", flags.diff), ("-o/--output", bool(flags.output))) if on]
        if given:
            raise UsageError(
                f"--learn-template learns a template and exits, without cleaning: it does not take {given[0]} "
                "(learn first, then clean with --template)"
            )


def _format(flags: Flags, cfg: Config) -> str:
    """The output format. A format that cannot be written back over a text file
    (markdown adds ``# `` on every run, JSON replaces the article) is refused with
    ``-i``/``--check``/``--diff`` when asked for on the command line; from the
    configuration (meant for output), those modes write text."""
    rewriting = flags.in_place or flags.check or flags.diff
    if flags.fmt is not None:
        from .registry import writers

        writers.get(flags.fmt)  # unknown format: usage error now, listing the known ones
        if rewriting and flags.fmt != "text":
            flag = "--in-place" if flags.in_place else "--diff" if flags.diff else "--check"
            raise UsageError(
                f"{flag} works on text, not {flags.fmt} (--format {flags.fmt}): it rewrites text files "
                f"and compares text; write {flags.fmt} to stdout or with -o DIR"
            )
        return flags.fmt
    fmt = cfg.get("format", "text")
    if rewriting:
        return "text"
    from .registry import writers

    writers.get(fmt)
    return fmt


def _names_folder(flags: Flags) -> bool:
    """``-o`` names a folder: several inputs, a folder among them, or an existing folder
    (or a name ending in ``/``)."""
    output = flags.output or ""
    return (
        len(flags.files) > 1
        or any(os.path.isdir(f) for f in flags.files)
        or os.path.isdir(output)
        or output.endswith(os.sep)
    )


def _check_jsonl(flags: Flags, fmt: str) -> None:
    """What ``--input-format jsonl`` cannot do is refused, not silently ignored."""
    refused = [
        name
        for name, given in (
            ("--in-place", flags.in_place),
            ("--check", flags.check),
            ("--diff", flags.diff),
            ("--explain", flags.explain),
            ("--learn-template", bool(flags.learn_template)),
        )
        if given
    ]
    if refused:
        raise UsageError(
            f"{', '.join(refused)} cannot be used with --input-format jsonl "
            "(it writes the cleaned records to stdout or to -o FILE)"
        )
    if fmt not in ("text", "markdown"):
        raise UsageError(f"--input-format jsonl writes JSONL records; their text field can be text or markdown, not {fmt}")
    output = flags.output
    if output and not flags.scheduler and (os.path.isdir(output) or output.endswith(os.sep)):
        raise UsageError(f"-o {output}: is a folder; with --input-format jsonl, -o names one output file")


def _options_from_config(raw: dict) -> tuple:
    """Stage options as nested tuples: the plan is a cache key."""

    def frozen(value):
        return tuple(frozen(v) for v in value) if isinstance(value, list) else value

    return tuple(
        sorted((stage, tuple(sorted((k, frozen(v)) for k, v in kv.items()))) for stage, kv in raw.items())
    )
