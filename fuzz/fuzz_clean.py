"""Fuzz the cleaning core with atheris (libFuzzer for Python).

    make fuzz                      # FUZZ_SECONDS=60 by default
    make fuzz FUZZ_SECONDS=1200

Each input is taken as raw bytes (a scraped page as it would arrive on disk) and goes
through the same path as ``newsclean FILE``: decode with surrogateescape, every stage,
the text writer, encode back. A crash is any exception, and any broken invariant:

- the output encodes back to bytes (surrogate-escaped invalid UTF-8 survives);
- no word appears in the output that is not in the input (or two input words joined
  across a removed line-end hyphen);
- the output's line endings are the input's style;
- the markdown and JSON writers render the same document without error;
- a second run changes nothing, or else the confirming pass (``run(confirm=True)``)
  noted it, and the second run only joined or dropped lines, never changed words
  (fuzz/invariants.py: settles).

``make fuzz`` starts from fuzz/seeds/ and fuzz/regressions/ and keeps what it learns in
fuzz/corpus/ (not committed). Crashing inputs land in ``fuzz/crash-*``: once fixed, move
each to fuzz/regressions/ (tests/test_hostile.py replays every file there through the
same checks).
``-timeout=20`` (set below unless given) makes a slow input a crash too: a pattern that
goes quadratic is a finding.
"""

from __future__ import annotations

import os
import sys

import atheris

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

with atheris.instrument_imports(include=["newsclean"]):
    import newsclean.pipeline  # noqa: F401

from invariants import check_bytes  # noqa: E402


def TestOneInput(data: bytes) -> None:  # noqa: N802 (atheris' name)
    check_bytes(data)


def main() -> None:
    argv = list(sys.argv)
    if not any(a.startswith("-timeout=") for a in argv):
        argv.append("-timeout=20")
    if not any(a.startswith("-artifact_prefix=") for a in argv):
        argv.append("-artifact_prefix=" + os.path.join(os.path.dirname(os.path.abspath(__file__)), ""))
    atheris.Setup(argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
