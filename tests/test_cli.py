"""The command as a user meets it: real files, and real pipes and TTYs where they matter.

Most tests call ``main([...])`` in-process (the ``cli`` fixture: the same code as the
``newsclean`` script, with stdin, stdout, stderr, cwd and environment replaced) in a
fresh temp folder, and check what a user would see: stdout, stderr, exit code, files.
Pipes, terminals and the collector's state run ``python -m newsclean`` for real.
"""

from __future__ import annotations

import json
import os
import pty
import shlex
import subprocess
import sys

import pytest

from .helpers import SAMPLES, clean_env, cli, run_cli  # noqa: F401  (cli is a fixture)

# A page with debris around a headline and two paragraphs, and what it cleans to.
PAGE = (
    "Skip to main content\n"
    "Home | News | Sport | Weather\n"
    "\n"
    "Harbour ferry returns to service after refit\n"
    "\n"
    "The Kestrel Point ferry carried its first passengers in six weeks on Friday morning, "
    "after a refit that replaced both engines and widened the car deck.\n"
    "\n"
    "About forty commuters boarded the first crossing of the day. \"It has been a long six "
    "weeks of driving round by the bridge,\" said one of them, a nurse at the hospital.\n"
    "\n"
    "The council, which owns the vessel, said the work had come in slightly under budget "
    "and that timetables were unchanged.\n"
    "\n"
    "Share | Tweet | Email\n"
    "Back to top\n"
)
CLEAN = "".join(
    line + "\n"
    for line in PAGE.splitlines()
    if line not in ("Skip to main content", "Home | News | Sport | Weather", "Share | Tweet | Email", "Back to top")
).strip("\n") + "\n"
BUILTIN_STAGES = [
    "layout",
    "boilerplate-sentences",
    "boilerplate-lines",
    "template",
    "content",
    "safety-valve",
]


@pytest.fixture
def page(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(PAGE)
    return path


def err(proc) -> str:
    return proc.stderr.decode("utf-8", "replace")


# --- as a filter ------------------------------------------------------------------


def test_stdin_filter_writes_only_the_text_on_stdout(cli):
    proc = cli(input=PAGE.encode())
    assert proc.returncode == 0, err(proc)
    assert proc.stdout.decode() == CLEAN
    assert proc.stderr == b""


def test_dash_argument_reads_stdin(cli):
    proc = cli("-", input=PAGE.encode())
    assert (proc.returncode, proc.stdout.decode()) == (0, CLEAN)


def test_dash_with_file_names_is_a_usage_error(cli, page):
    proc = cli("-", page, input=PAGE.encode())
    assert proc.returncode == 2
    assert "stdin" in err(proc)


def test_tty_stdin_without_arguments_prints_usage_and_exits_2(tmp_path):
    """Never hang waiting for a terminal: usage on stderr, exit 2."""
    master, slave = pty.openpty()
    try:
        proc = run_cli(stdin=slave, cwd=tmp_path, timeout=30)
    finally:
        os.close(slave)
        os.close(master)
    assert proc.returncode == 2
    assert proc.stdout == b""
    assert "Usage: newsclean" in err(proc)
    assert "Traceback" not in err(proc)


@pytest.mark.parametrize(
    "reader, shown",
    [
        ("head -1", b"Headline of the big page\n"),
        ("true", b""),  # gone before newsclean writes anything: the write fails for sure
    ],
)
def test_pipe_into_head_ends_quietly(tmp_path, reader, shown):
    """``newsclean big.txt | head -1``: no BrokenPipeError traceback, nothing on stderr."""
    big = tmp_path / "big.txt"
    paragraph = "A sentence of the article, long enough to be kept by every stage.\n\n"
    big.write_text("Headline of the big page\n\n" + paragraph * 5_000)  # 340 KB: five pipe buffers
    command = f'{shlex.quote(sys.executable)} -m newsclean big.txt 2>err.txt | {reader}; echo "${{PIPESTATUS[0]}}" >rc.txt'
    proc = subprocess.run(["bash", "-c", command], cwd=tmp_path, capture_output=True, env=clean_env(), timeout=120)
    assert proc.stdout == shown
    assert (tmp_path / "err.txt").read_text() == ""
    # 0 when the reader happened to drain the pipe, else the shell's SIGPIPE status
    # (never 1, which would mean "files changed").
    assert (tmp_path / "rc.txt").read_text().strip() in ("0", "141")


def test_version(cli):
    proc = cli("--version")
    assert proc.returncode == 0
    assert proc.stdout.decode().startswith("newsclean 0.")


def test_pre_commit_without_files_exits_0_without_reading_stdin(tmp_path):
    """pre-commit sets PRE_COMMIT=1 and gives a non-TTY stdin: it must not be read."""
    reader, writer = os.pipe()  # a pipe nobody ever writes to or closes: reading would hang
    try:
        proc = run_cli(stdin=reader, cwd=tmp_path, env=clean_env(PRE_COMMIT="1"), timeout=30)
    finally:
        os.close(reader)
        os.close(writer)
    assert proc.returncode == 0
    assert proc.stdout == b""


# --- as a formatter over files ----------------------------------------------------


def test_check_then_in_place_then_check(cli, page):
    proc = cli("--check", page)
    assert proc.returncode == 1
    assert "page.txt" in err(proc)
    assert page.read_text() == PAGE  # --check writes nothing

    proc = cli("--in-place", page)
    assert proc.returncode == 1  # changes were made
    assert f"Fixing {page}" in err(proc)
    assert page.read_text() == CLEAN

    proc = cli("--check", page)
    assert proc.returncode == 0, err(proc)


def test_second_in_place_does_not_touch_the_file(cli, page):
    assert cli("-i", page).returncode == 1
    os.utime(page, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))
    before = page.stat().st_mtime_ns
    proc = cli("-i", page)
    assert proc.returncode == 0
    assert "Fixing" not in err(proc)
    assert page.stat().st_mtime_ns == before


def test_diff_prints_a_unified_diff_and_writes_nothing(cli, page):
    proc = cli("--diff", page)
    assert proc.returncode == 1
    out = proc.stdout.decode()
    assert out.startswith(f"--- {page}\t(original)\n+++ {page}\t(cleaned)\n@@ ")
    assert "\n-Skip to main content\n" in out
    assert "\n-Back to top\n" in out
    assert "\x1b[" not in out  # no colour into a pipe
    assert page.read_text() == PAGE


def test_diff_color_on_request(cli, page):
    proc = cli("--diff", "--color", page)
    assert "\x1b[31m-Skip to main content" in proc.stdout.decode()


def test_output_file(cli, page, tmp_path):
    proc = cli(page, "-o", "clean.txt")
    assert proc.returncode == 0, err(proc)
    assert proc.stdout == b""
    assert (tmp_path / "clean.txt").read_text() == CLEAN
    assert page.read_text() == PAGE


def test_output_file_from_stdin(cli, tmp_path):
    proc = cli("-", "-o", "clean.txt", input=PAGE.encode())
    assert proc.returncode == 0
    assert (tmp_path / "clean.txt").read_text() == CLEAN


@pytest.fixture
def tree(tmp_path):
    """corpus/ with nested folders, a hidden folder, a non-.txt file and a draft."""
    root = tmp_path / "corpus"
    for rel in ["a.txt", "news/b.txt", "news/2025/c.txt", "drafts/d.txt", ".git/e.txt", ".cache/f.txt"]:
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(PAGE)
    (root / "news" / "notes.md").write_text(PAGE)
    return root


def _files(root) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())


def test_output_dir_mirrors_the_tree(cli, tree, tmp_path):
    proc = cli("corpus", "-o", "out")
    assert proc.returncode == 0, err(proc)
    out = tmp_path / "out"
    assert _files(out) == ["a.txt", "drafts/d.txt", "news/2025/c.txt", "news/b.txt"]
    assert (out / "news" / "2025" / "c.txt").read_text() == CLEAN
    assert (tree / "news" / "2025" / "c.txt").read_text() == PAGE


def test_folders_recursive_hidden_skipped_include_exclude(cli, tree):
    proc = cli("--check", "corpus")
    assert proc.returncode == 1
    named = {line.split()[-1] for line in err(proc).splitlines() if line.startswith("would clean")}
    assert named == {
        os.path.join("corpus", p) for p in ["a.txt", "news/b.txt", "news/2025/c.txt", "drafts/d.txt"]
    }

    proc = cli("--check", "corpus", "--exclude", "drafts", "--include", "*.txt", "--include", "*.md")
    named = {line.split()[-1] for line in err(proc).splitlines() if line.startswith("would clean")}
    assert named == {
        os.path.join("corpus", p) for p in ["a.txt", "news/b.txt", "news/2025/c.txt", "news/notes.md"]
    }


def test_in_place_over_a_folder(cli, tree):
    proc = cli("-i", "corpus", "--exclude", "news/2025/*")
    assert proc.returncode == 1
    assert (tree / "news" / "b.txt").read_text() == CLEAN
    assert (tree / "news" / "2025" / "c.txt").read_text() == PAGE
    assert (tree / ".git" / "e.txt").read_text() == PAGE


# --- output formats ---------------------------------------------------------------


def test_format_json_lists_removed_lines_with_stage_and_rule(cli, page):
    proc = cli("--format", "json", page)
    assert proc.returncode == 0, err(proc)
    record = json.loads(proc.stdout)
    assert record["text"] == CLEAN
    assert record["headline"] == "Harbour ferry returns to service after refit"
    removed = {r["text"]: r for r in record["removed"]}
    assert set(removed) == {"Skip to main content", "Home | News | Sport | Weather", "Share | Tweet | Email", "Back to top"}
    assert removed["Back to top"]["line"] == 13
    for r in record["removed"]:
        assert r["stage"] in BUILTIN_STAGES
        assert r["rule"]


def test_format_json_from_stdin(cli):
    proc = cli("-f", "json", input=PAGE.encode())
    assert json.loads(proc.stdout)["text"] == CLEAN


def test_format_markdown_makes_the_headline_a_heading(cli, page):
    proc = cli("--format", "markdown", page)
    assert proc.stdout.decode() == "# " + CLEAN


def test_format_jsonl_one_object_per_file(cli, tree):
    proc = cli("--format", "jsonl", "corpus", "--exclude", "drafts")
    assert proc.returncode == 0, err(proc)
    lines = proc.stdout.decode().splitlines()
    records = [json.loads(line) for line in lines]
    assert sorted(r["path"] for r in records) == [
        os.path.join("corpus", p) for p in ["a.txt", "news/2025/c.txt", "news/b.txt"]
    ]
    assert all(r["text"] == CLEAN for r in records)


def test_unknown_format_is_a_usage_error(cli, page):
    proc = cli("--format", "yaml", page)
    assert proc.returncode == 2
    assert err(proc).startswith("newsclean: error: unknown writer 'yaml'")


def test_explain_goes_to_stderr(cli, page):
    proc = cli("--explain", page)
    assert proc.stdout.decode() == CLEAN
    explained = err(proc)
    assert "drop boilerplate-lines:" in explained
    assert "Skip to main content" in explained
    assert "keep" in explained


def test_explain_from_stdin(cli):
    proc = cli("--explain", "-", input=PAGE.encode())
    assert proc.stdout.decode() == CLEAN
    assert "Back to top" in err(proc)


# --- stages -----------------------------------------------------------------------


def test_list_stages_shows_every_builtin_stage_with_a_description(cli):
    proc = cli("--list-stages")
    assert proc.returncode == 0
    listed = {line.split()[1]: line for line in proc.stdout.decode().splitlines() if line.startswith(("*", " "))}
    for name in BUILTIN_STAGES:
        assert name in listed
        assert len(listed[name].split()) > 3, f"{name} has no description"


def test_stages_replaces_the_pipeline(cli, page):
    proc = cli("--stages", "layout", page)
    assert proc.returncode == 0
    assert "Skip to main content" in proc.stdout.decode()


def test_naming_the_composer_as_a_stage_is_a_usage_error(cli, page):
    proc = cli("--stages", "layout,normalize", page)
    assert proc.returncode == 2
    assert err(proc) == "newsclean: error: normalize is the composer: it always runs last; leave it out\n"


def test_skip_drops_a_stage(cli, page):
    proc = cli("--skip", "boilerplate-lines", "--skip", "content", page)
    assert proc.returncode == 0
    assert "Back to top" in proc.stdout.decode()


@pytest.mark.parametrize("flag", ["--stages", "--skip"])
def test_unknown_stage_is_a_one_line_usage_error(cli, page, flag):
    proc = cli(flag, "layout,no-such-stage" if flag == "--stages" else "no-such-stage", page)
    assert proc.returncode == 2
    assert proc.stdout == b""
    lines = err(proc).splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("newsclean: error: unknown stage 'no-such-stage'; available: ")
    assert "layout" in lines[0]


# --- summary and exit codes -------------------------------------------------------


def test_summary_line_on_stderr(cli, tmp_path):
    for name in ("dirty1.txt", "dirty2.txt"):
        (tmp_path / name).write_text(PAGE)
    (tmp_path / "clean.txt").write_text(CLEAN)
    proc = cli("-i", "dirty1.txt", "dirty2.txt", "clean.txt")
    assert proc.returncode == 1
    assert err(proc).splitlines()[-1] == "2 files cleaned, 1 file left unchanged."
    proc = cli("--check", "dirty1.txt", "dirty2.txt", "clean.txt")
    assert err(proc).splitlines()[-1] == "3 files would be left unchanged."


def test_quiet_prints_nothing(cli, page):
    proc = cli("-q", "-i", page)
    assert proc.returncode == 1
    assert proc.stderr == b""


@pytest.mark.parametrize(
    "args, code",
    [
        (["clean.txt"], 0),  # printed: success
        (["--check", "clean.txt"], 0),  # nothing to do
        (["--check", "page.txt"], 1),  # would change
        (["--diff", "page.txt"], 1),
        (["-i", "page.txt"], 1),  # changed
        (["--no-such-flag", "page.txt"], 2),  # usage
        (["--check", "--diff", "page.txt"], 1),  # as black: the diff, and exit 1
        (["-i", "-o", "x.txt", "page.txt"], 2),
        (["missing.txt"], 123),  # cannot be processed
        (["--check", "missing.txt", "page.txt"], 123),  # ... and the others still are
    ],
)
def test_exit_codes(cli, tmp_path, args, code):
    (tmp_path / "page.txt").write_text(PAGE)
    (tmp_path / "clean.txt").write_text(CLEAN)
    proc = cli(*args)
    assert proc.returncode == code, err(proc)
    assert "Traceback" not in err(proc)


def test_a_failed_file_does_not_stop_the_others(cli, tmp_path):
    (tmp_path / "page.txt").write_text(PAGE)
    proc = cli("-i", "missing.txt", "page.txt")
    assert proc.returncode == 123
    assert "missing.txt: no such file" in err(proc)
    assert (tmp_path / "page.txt").read_text() == CLEAN
    assert err(proc).splitlines()[-1] == "1 file cleaned, 1 file failed."


# --- configuration ----------------------------------------------------------------


def test_config_from_pyproject(cli, tmp_path, page):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.newsclean]\nformat = "json"\n')
    proc = cli(page)
    assert json.loads(proc.stdout)["text"] == CLEAN


def test_config_from_newsclean_toml_in_a_parent_folder(cli, tmp_path, page):
    (tmp_path / "newsclean.toml").write_text('skip = ["boilerplate-lines", "content"]\n')
    sub = tmp_path / "sub"
    sub.mkdir()
    proc = cli("../page.txt", cwd=sub)
    assert "Back to top" in proc.stdout.decode()


def test_flags_override_config(cli, tmp_path, page):
    (tmp_path / "newsclean.toml").write_text('format = "json"\nskip = ["boilerplate-lines"]\n')
    proc = cli("--format", "text", "--skip", "template", page)
    assert proc.stdout.decode() == CLEAN


def test_bad_config_names_the_file(cli, tmp_path, page):
    (tmp_path / "newsclean.toml").write_text('stages = "layout"\n')
    proc = cli(page)
    assert proc.returncode == 123
    assert "newsclean.toml" in err(proc)
    assert "stages" in err(proc)


def test_config_flag_names_a_file(cli, tmp_path, page):
    (tmp_path / "house.toml").write_text('[tool.newsclean]\nstages = ["layout"]\n')
    proc = cli("--config", "house.toml", page)
    assert "Skip to main content" in proc.stdout.decode()


# --- the samples through the command ----------------------------------------------


def test_check_over_the_samples_names_only_raw_files(cli):
    proc = cli("--check", SAMPLES, "--include", "*.raw.txt")
    named = [line for line in err(proc).splitlines() if line.startswith("would clean")]
    assert named, "the raw samples are dirty by construction"
    assert all(line.endswith(".raw.txt") for line in named)


def test_output_naming_a_file_with_several_inputs_is_a_usage_error(cli, tmp_path):
    (tmp_path / "a.txt").write_text(PAGE)
    (tmp_path / "b.txt").write_text(PAGE)
    (tmp_path / "out.txt").write_text("keep me\n")
    proc = cli("a.txt", "b.txt", "-o", "out.txt")
    assert proc.returncode == 2
    assert err(proc).startswith("newsclean: error: -o out.txt: is a file")
    assert (tmp_path / "out.txt").read_text() == "keep me\n"


def test_output_dir_for_several_files(cli, tmp_path):
    (tmp_path / "a.txt").write_text(PAGE)
    (tmp_path / "b.txt").write_text(PAGE)
    proc = cli("a.txt", "b.txt", "-o", "out")
    assert proc.returncode == 0, err(proc)
    assert _files(tmp_path / "out") == ["a.txt", "b.txt"]


def test_in_place_on_stdin_is_a_usage_error(cli):
    proc = cli("-i", "-", input=PAGE.encode())
    assert proc.returncode == 2
    assert proc.stdout == b""


def test_check_and_diff_on_stdin(cli):
    proc = cli("--check", "-", input=PAGE.encode())
    assert (proc.returncode, proc.stdout) == (1, b"")
    assert "would clean <stdin>" in err(proc)
    proc = cli("--diff", "-", input=PAGE.encode())
    assert proc.returncode == 1
    assert "\n-Back to top\n" in proc.stdout.decode()
    proc = cli("--check", "-", input=CLEAN.encode())
    assert proc.returncode == 0


def test_verbose_names_unchanged_files(cli, tmp_path):
    (tmp_path / "clean.txt").write_text(CLEAN)
    proc = cli("-v", "--check", "clean.txt")
    assert "unchanged clean.txt" in err(proc)


def test_jobs_clean_many_files_in_worker_processes(cli, tmp_path):
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(20):  # enough files for a pool of 2 to start
        (folder / f"{i:02}.txt").write_text(PAGE)
    proc = cli("-j", "2", "-i", "many")
    assert proc.returncode == 1, err(proc)
    assert err(proc).splitlines()[-1] == "20 files cleaned."
    assert all(p.read_text() == CLEAN for p in folder.iterdir())
    proc = cli("-j", "2", "-f", "jsonl", "many")
    assert [json.loads(line)["path"] for line in proc.stdout.decode().splitlines()] == [
        os.path.join("many", f"{i:02}.txt") for i in range(20)
    ]  # in input order, whatever worker finished first


@pytest.mark.parametrize(
    "toml, message",
    [
        ("[options.safety-valve]\nno_such_option = 1\n", "options for stage 'safety-valve': unknown 'no_such_option' (it takes: min_share, min_words)"),
        ("[options.safety-valve]\nmin_words = [1, 2]\n", "options for stage 'safety-valve': min_words must be int, not [1, 2]"),
        ("[options.safety-valve]\nmin_words = true\n", "options for stage 'safety-valve': min_words must be int, not True"),
        ("[options]\nsafety-valve = 1\n", "'options.safety-valve' must be a table"),
    ],
)
def test_bad_stage_options_fail_before_any_file(cli, tmp_path, page, toml, message):
    (tmp_path / "newsclean.toml").write_text(toml)
    proc = cli("-i", page)
    assert proc.returncode == 123
    lines = err(proc).splitlines()
    assert len(lines) == 1 and message in lines[0], lines
    assert page.read_text() == PAGE


def test_stage_options_from_config(cli, tmp_path):
    """Options in [options.<stage>] reach the stage as keyword arguments."""
    (tmp_path / "nav.txt").write_text("Home | News | Sport\n")
    args = ("--stages", "boilerplate-lines,safety-valve", "nav.txt")
    proc = cli(*args)
    assert proc.stdout == b"Home | News | Sport\n"  # nothing would be left: the valve keeps it
    assert "safety valve" in err(proc)
    (tmp_path / "newsclean.toml").write_text("[options.safety-valve]\nmin_words = 0\n")
    proc = cli(*args)
    assert proc.stdout == b""
    assert "safety valve" not in err(proc)


@pytest.mark.parametrize(
    "env, flags, coloured",
    [
        ({}, [], False),  # a pipe: plain
        ({"FORCE_COLOR": "1"}, [], True),
        ({"NO_COLOR": "1"}, ["--color"], True),  # the flag wins
        ({"FORCE_COLOR": "1"}, ["--no-color"], False),
    ],
)
def test_diff_colour_follows_flags_and_environment(cli, page, env, flags, coloured):
    proc = cli("--diff", *flags, page, env=clean_env(**env))
    assert proc.returncode == 1
    assert ("\x1b[" in proc.stdout.decode()) is coloured


@pytest.mark.parametrize("mode", ["--in-place", "--check", "--diff"])
def test_json_formats_never_rewrite_text_files(cli, tmp_path, page, mode):
    """A config's format = "json" under a pre-commit hook must not turn articles into JSON:
    asked for on the command line, the combination is refused; from the configuration
    (an output format), the rewriting modes work on text."""
    proc = cli(mode, "--format", "json", page)
    assert proc.returncode == 2
    assert err(proc).startswith(f"newsclean: error: {mode} works on text, not json (--format json)")
    assert page.read_text() == PAGE
    (tmp_path / "pyproject.toml").write_text('[tool.newsclean]\nformat = "jsonl"\n')
    proc = cli(mode, page)
    assert proc.returncode == 1, err(proc)
    assert page.read_text() == (CLEAN if mode == "--in-place" else PAGE)


def test_output_dir_inside_the_input_tree_is_not_read_back(cli, tree):
    for _ in range(2):
        proc = cli("corpus", "-o", "corpus/clean")
        assert proc.returncode == 0, err(proc)
        assert err(proc).splitlines()[-1] == "4 files cleaned."
    assert _files(tree / "clean") == ["a.txt", "drafts/d.txt", "news/2025/c.txt", "news/b.txt"]


def test_learn_a_site_template_then_use_it(cli, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    for topic in ("ferry", "library", "orchard"):
        (site / f"{topic}.txt").write_text(
            "The Kestrel Courier\n\n"
            f"News about the {topic} this week\n\n"
            f"A sentence about the {topic} that is the article body, long enough to keep.\n\n"
            "Kestrel Courier Media Ltd, 4 Quay Road\n"
        )
    proc = cli("--learn-template", "site.json", "site")
    assert proc.returncode == 0, err(proc)
    assert "learned 2 template lines from 3 documents" in err(proc)
    json.loads((tmp_path / "site.json").read_text())
    proc = cli("--template", "site.json", "site/ferry.txt")
    assert proc.stdout.decode() == (
        "News about the ferry this week\n\n"
        "A sentence about the ferry that is the article body, long enough to keep.\n"
    )
    proc = cli("--template", "missing.json", "site/ferry.txt")
    assert proc.returncode == 123
    assert "missing.json" in err(proc)


@pytest.mark.parametrize("before", ["", "gc.disable(); "])
def test_importing_the_cli_leaves_the_collector_as_it_was(before):
    """The CLI pauses the garbage collector while it imports (start-up time); a program
    that imports it finds the collector on or off, as it left it."""
    code = f"import gc; {before}import newsclean.cli; print(gc.isenabled())"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=clean_env())
    assert proc.stdout.strip() == ("False" if before else "True"), proc.stderr
