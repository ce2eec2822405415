"""User errors: one line on stderr naming the file and the reason, no traceback, the
documented exit code (2 usage, 123 a file or configuration that cannot be used);
``--debug`` shows the traceback. In-process, through ``main([...])``."""

from __future__ import annotations

import pytest

from .helpers import clean_env, run_main

ARTICLE = b"The minister said the talks would go on next week.\n"


def run_cli(*args, cwd, stdin: bytes = b""):
    return run_main(*args, input=stdin, cwd=cwd, env=clean_env(NO_COLOR="1", TERM="dumb", COLUMNS="200"))


@pytest.fixture
def work(tmp_path):
    (tmp_path / "a.txt").write_bytes(ARTICLE)
    (tmp_path / "b.txt").write_bytes(ARTICLE)
    (tmp_path / "bad.rules").write_text("[navigation]\nre: (unclosed\n")
    (tmp_path / "orphan.rules").write_text("back to top\n")
    (tmp_path / "unknown-key.toml").write_text("colour = 'red'\n")
    (tmp_path / "not.toml").write_text("stages = [\n")
    (tmp_path / "bad.jsonl").write_text('{"text": "Fine."}\nnot json at all\n')
    (tmp_path / "nofield.jsonl").write_text('{"body": "no text field"}\n')
    (tmp_path / "bad-template.json").write_text("{not json")
    return tmp_path


# (arguments, exit code, the one line expected on stderr: substrings it must hold)
CASES = [
    (["missing.txt"], 123, ["missing.txt", "no such file"]),
    (["-i", "missing.txt"], 123, ["missing.txt", "no such file"]),
    (["--stages", "layout,nope", "a.txt"], 2, ["unknown stage 'nope'", "available:"]),
    (["--skip", "nope", "a.txt"], 2, ["unknown stage 'nope'"]),
    (["--format", "yaml", "a.txt"], 2, ["unknown writer 'yaml'"]),
    (["--config", "unknown-key.toml", "a.txt"], 123, ["unknown-key.toml", "unknown key 'colour'"]),
    (["--config", "not.toml", "a.txt"], 123, ["not.toml", "not valid TOML"]),
    (["--config", "nowhere.toml", "a.txt"], 123, ["nowhere.toml", "No such file"]),
    (["--rules", "bad.rules", "a.txt", "b.txt"], 123, ["bad.rules:2", "bad pattern"]),
    (["--rules", "orphan.rules", "a.txt"], 123, ["orphan.rules:1", "before any [category]"]),
    (["--rules", "nowhere.rules", "a.txt"], 123, ["nowhere.rules", "no such file"]),
    (["--template", "bad-template.json", "a.txt"], 123, ["bad-template.json"]),
    (["--input-format", "jsonl", "bad.jsonl"], 123, ["bad.jsonl:2", "bad record"]),
    (["--input-format", "jsonl", "nofield.jsonl"], 123, ["nofield.jsonl:1", "no field 'text'"]),
    (["--encoding", "klingon", "a.txt"], 2, ["unknown encoding 'klingon'"]),
    (["--encoding", "ascii", "a.txt"], 0, []),
    (["-i", "-"], 2, ["--in-place needs files"]),
    (["-i", "--diff", "a.txt"], 2, ["--in-place excludes --check and --diff"]),
    (["--check", "--diff", "a.txt"], 0, []),  # as black: the diff, if any, and exit 1 if any
]


@pytest.mark.parametrize("args, code, needles", CASES, ids=[" ".join(c[0]) for c in CASES])
def test_user_error_is_one_line(work, args, code, needles):
    r = run_cli(*args, cwd=work)
    err = r.stderr.decode()
    assert r.returncode == code, err
    assert "Traceback" not in err
    if not needles:
        return
    lines = [ln for ln in err.splitlines() if "error" in ln]
    assert len(lines) == 1, err
    for needle in needles:
        assert needle in lines[0], err


@pytest.mark.parametrize(
    "args",
    [
        ["--rules", "bad.rules", "a.txt"],
        ["--config", "not.toml", "a.txt"],
        ["--stages", "nope", "a.txt"],
        ["--input-format", "jsonl", "bad.jsonl"],
    ],
    ids=lambda a: " ".join(a),
)
def test_debug_shows_the_traceback(work, args):
    """With --debug the exception is not caught: Python prints its traceback."""
    with pytest.raises(Exception) as info:
        run_cli("--debug", *args, cwd=work)
    assert info.traceback


def test_a_bad_file_among_good_ones_fails_alone(work):
    (work / "bin.txt").write_bytes(b"\x00\x01")
    (work / "c.txt").write_bytes(b"Back to top\n" + ARTICLE)
    r = run_cli("-i", "a.txt", "missing.txt", "bin.txt", "c.txt", cwd=work)
    err = r.stderr.decode().splitlines()
    assert r.returncode == 123
    assert [ln for ln in err if ln.startswith("newsclean: error:")] == ["newsclean: error: missing.txt: no such file"]
    assert "bin.txt: binary file (NUL bytes), skipped" in err
    assert (work / "c.txt").read_bytes() == ARTICLE
    assert err[-1] == "1 file cleaned, 1 file left unchanged, 1 file skipped, 1 file failed."
