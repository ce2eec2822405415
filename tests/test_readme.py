"""The README's examples are run, so they cannot drift from what newsclean does.

- Every ```console block: each ``$ command`` runs with bash in one temp folder holding a
  copy of ``samples/`` (blocks run in order and share the folder), with this Python's
  ``newsclean`` first on PATH. The lines after a command are its expected stdout+stderr,
  compared line by line with runs of spaces squeezed; a line ``...`` stands for any
  number of lines and ``...`` inside a line for any text. A command shown without output
  must print nothing and succeed. ``$?`` is the previous command's exit code.
- ```pycon blocks run as doctests; the ```python plugin example is run on a page; the
  ```toml blocks must be a valid configuration and the entry point of tests/plugin_pkg;
  the ```yaml block must name a hook of .pre-commit-hooks.yaml.
- Every built-in stage and output format must be documented.
"""

from __future__ import annotations

import doctest
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field

import pytest

from .helpers import ROOT, SAMPLES, clean_env

README = ROOT / "README.md"
TEXT = README.read_text(encoding="utf-8")


def blocks(lang: str) -> list[str]:
    return re.findall(rf"^```{lang}\n(.*?)^```$", TEXT, flags=re.S | re.M)


@dataclass
class Command:
    line: str
    expected: list[str] = field(default_factory=list)


def commands(block: str) -> list[Command]:
    out: list[Command] = []
    for line in block.splitlines():
        if line.startswith("$ "):
            out.append(Command(line[2:]))
        else:
            assert out, f"console block does not start with '$ ': {line!r}"
            out[-1].expected.append(line)
    return out


def _squeeze(line: str) -> str:
    return " ".join(line.split())


def _line_matches(pattern: str, actual: str) -> bool:
    pattern, actual = _squeeze(pattern), _squeeze(actual)
    if "..." not in pattern:
        return pattern == actual
    regex = ".*".join(re.escape(part) for part in pattern.split("..."))
    return re.fullmatch(regex, actual) is not None


def output_matches(expected: list[str], actual: list[str]) -> bool:
    """Whether ``actual`` lines fit ``expected``, where a ``...`` line eats any lines."""
    if not expected:
        return not actual
    head, rest = expected[0], expected[1:]
    if head.strip() == "...":
        return any(output_matches(rest, actual[i:]) for i in range(len(actual) + 1))
    return bool(actual) and _line_matches(head, actual[0]) and output_matches(rest, actual[1:])


CONSOLE = [cmd for block in blocks("console") for cmd in commands(block)]


def test_readme_has_console_examples():
    assert len(CONSOLE) >= 20


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    path = tmp_path_factory.mktemp("readme")
    shutil.copytree(SAMPLES, path / "samples")
    return path


def test_console_examples(workdir):
    """Run every example in README order; report all mismatches at once."""
    env = clean_env(PATH=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
    env.pop("PYTHONPATH", None)
    if not shutil.which("newsclean", path=env["PATH"]):
        pytest.skip("the newsclean script is not installed next to this Python")
    failures = []
    last = 0
    for cmd in CONSOLE:
        proc = subprocess.run(
            ["bash", "-c", f"(exit {last}); {cmd.line}"],
            cwd=workdir, env=env, capture_output=True, text=True, timeout=120,
        )
        last = proc.returncode
        actual = (proc.stdout + proc.stderr).splitlines()
        ok = output_matches(cmd.expected, actual)
        if ok and not cmd.expected and proc.returncode != 0:
            ok = False
        if not ok:
            failures.append(
                f"$ {cmd.line}\n(exit {proc.returncode})\n--- README shows:\n"
                + "\n".join(cmd.expected)
                + "\n--- newsclean printed:\n"
                + "\n".join(actual)
            )
    assert not failures, "\n\n".join(failures)


def test_matcher():
    assert output_matches(["a", "...", "d"], ["a", "b", "c", "d"])
    assert output_matches(["a", "...", "d"], ["a", "d"])
    assert not output_matches(["a", "...", "d"], ["a", "b"])
    assert output_matches(["x ... z"], ["x  y   z"])
    assert not output_matches([], ["unexpected"])


def test_pycon_examples():
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    import newsclean

    try:
        for i, block in enumerate(blocks("pycon")):
            test = parser.get_doctest(block, {}, f"README pycon block {i + 1}", str(README), 0)
            runner.run(test)
    finally:
        newsclean.stage_registry.unregister("drop-caps")  # the README registered it here
    assert runner.failures == 0
    assert runner.tries >= 3


def test_plugin_example_runs():
    (code,) = [b for b in blocks("python") if "def drop_caps" in b]
    namespace: dict = {}
    exec(compile(code, "README plugin example", "exec"), namespace)
    from newsclean.document import Document

    doc = Document.from_text("POLITICS\nCouncil agrees budget\n")
    namespace["drop_caps"](doc, None)
    assert [(ln.text, ln.removal.stage) for ln in doc.removed()] == [("POLITICS", "drop-caps")]
    # The README's example is the test plugin's code.
    plugin = (ROOT / "tests" / "plugin_pkg" / "newsclean_dropcaps.py").read_text()
    body = code.split("\n", 1)[1]  # without the file-name comment
    assert body in plugin


def _toml(text: str) -> dict:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    return tomllib.loads(text)


def test_toml_examples(tmp_path):
    from newsclean.config import load_config

    found = {"config": False, "entry-point": False}
    for block in blocks("toml"):
        data = _toml(block)
        if "tool" in data:
            path = tmp_path / "pyproject.toml"
            path.write_text(block)
            assert load_config(str(path)).values  # raises ConfigError on a bad key
            found["config"] = True
        if "project" in data:
            ours = _toml((ROOT / "tests" / "plugin_pkg" / "pyproject.toml").read_text())
            assert data["project"]["entry-points"] == ours["project"]["entry-points"]
            found["entry-point"] = True
    assert all(found.values()), found


def test_pre_commit_config_example_names_our_hook():
    yaml = pytest.importorskip("yaml")  # installed with pre-commit
    hooks = {h["id"] for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}
    (block,) = blocks("yaml")
    config = yaml.safe_load(block)
    used = {h["id"] for repo in config["repos"] for h in repo["hooks"]}
    assert used and used <= hooks


def test_every_builtin_stage_is_documented():
    from newsclean.pipeline import DEFAULT_STAGES
    from newsclean.registry import stages

    builtin = {e.name for e in stages.all() if e.origin == "built-in"} | set(DEFAULT_STAGES)
    missing = sorted(name for name in builtin if f"`{name}`" not in TEXT)
    assert not missing, f"stages missing from README.md: {missing}"


def test_every_builtin_format_is_documented():
    from newsclean.registry import writers

    builtin = {e.name for e in writers.all() if e.origin == "built-in"}
    assert builtin >= {"text", "markdown", "json", "jsonl"}
    missing = sorted(name for name in builtin if f"`{name}`" not in TEXT)
    assert not missing, f"output formats missing from README.md: {missing}"


def test_readme_sections():
    headings = re.findall(r"^## (.+)$", TEXT, flags=re.M)
    for needed in ["Quick start", "Usage", "Output formats", "Stages", "Configuration",
                   "Exit codes", "Cleaning quality", "Performance", "Safety"]:
        assert needed in headings, needed
    quick = TEXT.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    (block,) = re.findall(r"^```sh\n(.*?)^```$", quick, flags=re.S | re.M)
    assert [line.split("#")[0].strip() for line in block.splitlines()] == ["make demo", "make test"]
