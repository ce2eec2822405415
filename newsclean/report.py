"""What the user is told, and the exit code: counts, messages, one error style, the summary.

Everything goes to stderr (stdout carries only the cleaned text). rich is imported only
when a progress bar is shown.

>>> import io
>>> r = Report(Mode.IN_PLACE, stream=io.StringIO())
>>> for status in ("changed", "changed", "unchanged", "failed"):
...     r.count(status)
>>> r.summary_line(), r.exit_code()
('2 files cleaned, 1 file left unchanged, 1 file failed.', 123)
"""

from __future__ import annotations

import os
import sys
from typing import TextIO

from .runner import Mode, Outcome

# Exit codes, defined here only.
OK = 0  # nothing to do, or done
CHANGED = 1  # files changed, or would change (--check, --diff)
USAGE = 2  # flags that do not go together, a bad value
FAILED = 123  # a file, configuration or record could not be processed
SIGINT = 130  # interrupted (Ctrl-C): 128 + SIGINT
BROKEN_PIPE = 141  # the reader of stdout went away: 128 + SIGPIPE
SIGTERM = 143  # terminated: 128 + SIGTERM


def plural(n: int, word: str) -> str:
    """A count and its noun.

    >>> plural(1, "file"), plural(2, "file")
    ('1 file', '2 files')
    """
    return f"{n} {word}{'' if n == 1 else 's'}"


def shown(name: str) -> str:
    """A file name as printed in a message: quoted when it holds a newline or another
    character that would split or garble the line.

    >>> shown("news/a b.txt"), shown("two\\nlines.txt")
    ('news/a b.txt', "'two\\\\nlines.txt'")
    """
    return name if name.isprintable() else repr(name)


def error(message: str, stream: TextIO | None = None) -> None:
    """The one error style: ``newsclean: error: …`` on stderr."""
    (stream or sys.stderr).write(f"newsclean: error: {message}\n")


class Report:
    """Counts outcomes, prints what each one calls for, and picks the exit code."""

    # A plain class, not a dataclass: see newsclean.config.Config.
    def __init__(self, mode: Mode, quiet: bool = False, verbose: bool = False, stream: TextIO | None = None) -> None:
        self.mode = mode
        self.quiet = quiet
        self.verbose = verbose
        self.stream = stream
        self.counts: dict[str, int] = dict.fromkeys(("changed", "unchanged", "skipped", "failed"), 0)
        self.interrupted = 0  # the exit code of a signal that stopped the run, or 0

    def _say(self, text: str) -> None:
        out = self.stream or sys.stderr
        out.write(text + "\n")
        out.flush()

    def count(self, status: str) -> None:
        self.counts[status] += 1

    def outcome(self, o: Outcome) -> None:
        """One file's outcome: its count and its message."""
        self.count(o.status)
        name = shown(o.name)
        message = o.message.replace(o.name, name) if name != o.name else o.message
        if o.status == "failed":
            error(message, self.stream)
            return
        if o.status == "skipped":
            if not self.quiet:
                self._say(message)
            return
        if not self.quiet:
            for note in o.notes:
                self._say(f"{name}: {note}")
        if o.status == "changed" and not self.quiet:
            if self.mode is Mode.IN_PLACE:
                self._say(f"Fixing {name}")
            elif self.mode is Mode.CHECK:
                self._say(f"would clean {name}")
        if self.verbose and o.status == "unchanged":
            self._say(f"unchanged {name}")

    def failed(self, message: str) -> None:
        self.count("failed")
        error(message, self.stream)

    def note(self, message: str) -> None:
        if not self.quiet:
            self._say(message)

    def summary_line(self) -> str:
        c = self.counts
        would = self.mode in (Mode.CHECK, Mode.DIFF)
        parts = []
        if c["changed"]:
            parts.append(f"{plural(c['changed'], 'file')} {'would be cleaned' if would else 'cleaned'}")
        if c["unchanged"]:
            parts.append(f"{plural(c['unchanged'], 'file')} {'would be left' if would else 'left'} unchanged")
        if c["skipped"]:
            parts.append(f"{plural(c['skipped'], 'file')} skipped")
        if c["failed"]:
            parts.append(f"{plural(c['failed'], 'file')} failed")
        line = (", ".join(parts) or "no files") + "."
        if self.interrupted:
            line += " Interrupted: the other files were not cleaned."
        return line

    def summary(self) -> None:
        if not self.quiet or self.interrupted:
            self._say(self.summary_line())

    def exit_code(self) -> int:
        if self.interrupted:
            return self.interrupted
        if self.counts["failed"]:
            return FAILED
        if self.mode in (Mode.IN_PLACE, Mode.CHECK, Mode.DIFF) and self.counts["changed"]:
            return CHANGED
        return OK


def progress_wanted(quiet: bool, n: int, writes_stdout: bool) -> bool:
    """A progress bar only on a terminal stderr, never in CI or under pre-commit, and
    never while cleaned text goes to stdout unless stdout is a plain file: a pipe may lead
    to a pager drawing on the same terminal (``newsclean --diff a b | less``)."""
    if quiet or n < 2 or os.environ.get("CI") or os.environ.get("PRE_COMMIT"):
        return False
    try:
        if not sys.stderr.isatty():
            return False
    except (AttributeError, ValueError):
        return False
    if writes_stdout:
        import stat

        try:
            return stat.S_ISREG(os.fstat(sys.stdout.fileno()).st_mode)
        except (AttributeError, OSError, ValueError):
            return False
    return True


class Progress:
    """A rich progress bar on stderr (files done and MB/s); rich is imported only here."""

    def __init__(self, total_files: int, total_bytes: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, TextColumn, TimeRemainingColumn, TransferSpeedColumn
        from rich.progress import Progress as Bar

        self.bar = Bar(
            TextColumn("cleaning {task.fields[done]}/{task.fields[files]} files"),
            BarColumn(),
            TransferSpeedColumn(),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.bar.start()
        self.done = 0
        self.task = self.bar.add_task("clean", total=max(1, total_bytes), done=0, files=total_files)

    def advance(self, nbytes: int) -> None:
        self.done += 1
        self.bar.update(self.task, advance=nbytes, done=self.done)

    def close(self) -> None:
        self.bar.stop()
