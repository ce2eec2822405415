"""Issue 11, the reading and writing side: no way left to lose, corrupt or silently skip
a user's data through files, folders, config, templates or JSONL records.

Each test is named after what the user would lose. Tests run as root here and in CI:
what root never meets (a folder it may not list, a full disk) is simulated by making
the system call fail in-process.
"""

from __future__ import annotations

import errno
import json
import os
import stat

import pytest

from newsclean import files
from newsclean.files import Changed, InputError, atomic_output, discover, read_file, write_atomic

from .helpers import FullDisk, clean_env, run_cli

DIRTY = b"Back to top\nThe minister said the talks would go on next week.\nShare | Tweet\n"
CLEAN = b"The minister said the talks would go on next week.\n"



def _full_disk(monkeypatch):
    real_fdopen = os.fdopen
    monkeypatch.setattr(files.os, "fdopen", lambda fd, mode: FullDisk(real_fdopen(fd, mode)))


# --- 7: a file edited or deleted while it is cleaned --------------------------------


def test_an_edit_made_while_the_file_was_cleaned_is_not_overwritten(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(DIRTY)
    data, snapshot = read_file(str(p))
    p.write_bytes(DIRTY.replace(b"minister", b"Minister"))  # the user saves an edit, same size
    with pytest.raises(Changed, match=r"a\.txt: changed while it was being cleaned; left as it is"):
        write_atomic(str(p), CLEAN, expect=snapshot)
    assert p.read_bytes() == DIRTY.replace(b"minister", b"Minister")
    assert os.listdir(tmp_path) == ["a.txt"]


def test_a_file_deleted_while_it_was_cleaned_is_not_recreated(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(DIRTY)
    _, snapshot = read_file(str(p))
    p.unlink()
    with pytest.raises(Changed, match="deleted while it was being cleaned; not re-created"):
        write_atomic(str(p), CLEAN, expect=snapshot)
    assert os.listdir(tmp_path) == []


def test_a_file_replaced_by_another_while_it_was_cleaned_is_left(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(DIRTY)
    _, snapshot = read_file(str(p))
    (tmp_path / "new.txt").write_bytes(DIRTY)
    os.replace(tmp_path / "new.txt", p)  # an editor saving by rename: new inode
    with pytest.raises(Changed, match="replaced by another file"):
        write_atomic(str(p), CLEAN, expect=snapshot)
    assert p.read_bytes() == DIRTY


def test_an_unchanged_file_is_still_rewritten_with_its_snapshot(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(DIRTY)
    _, snapshot = read_file(str(p))
    write_atomic(str(p), CLEAN, expect=snapshot)
    assert p.read_bytes() == CLEAN


def test_an_edit_landing_during_the_write_is_not_overwritten(tmp_path):
    """The last look is taken just before the replace, after the temp file is written."""
    p = tmp_path / "a.txt"
    p.write_bytes(DIRTY)
    _, snapshot = read_file(str(p))
    with pytest.raises(Changed):
        with atomic_output(str(p), expect=snapshot) as f:
            f.write(CLEAN)
            with open(p, "ab") as other:
                other.write(b"A line the user added.\n")
    assert p.read_bytes() == DIRTY + b"A line the user added.\n"
    assert os.listdir(tmp_path) == ["a.txt"]


# --- 8: one atomic write path, streaming too -------------------------------------------


def test_full_disk_mid_stream_leaves_the_old_output_whole(tmp_path, monkeypatch):
    out = tmp_path / "clean.jsonl"
    out.write_bytes(b'{"text": "yesterday\'s run"}\n')
    _full_disk(monkeypatch)
    with pytest.raises(InputError, match=r"clean\.jsonl: write failed: No space left on device"):
        with atomic_output(str(out)) as f:
            f.write(b'{"text": "a"}\n' * 1000)
    assert out.read_bytes() == b'{"text": "yesterday\'s run"}\n'
    assert os.listdir(tmp_path) == ["clean.jsonl"]


def test_an_interrupted_stream_leaves_the_old_output_whole(tmp_path):
    out = tmp_path / "clean.jsonl"
    out.write_bytes(b"old\n")
    with pytest.raises(KeyboardInterrupt):
        with atomic_output(str(out)) as f:
            f.write(b"new, partial\n")
            raise KeyboardInterrupt
    assert out.read_bytes() == b"old\n"
    assert os.listdir(tmp_path) == ["clean.jsonl"]


def test_a_stream_written_whole_replaces_the_output(tmp_path):
    out = tmp_path / "clean.jsonl"
    out.write_bytes(b"old\n")
    os.chmod(out, 0o640)
    with atomic_output(str(out)) as f:
        for i in range(3):
            f.write(b"%d\n" % i)
    assert out.read_bytes() == b"0\n1\n2\n"
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o640


def test_jsonl_output_on_a_full_disk_keeps_the_previous_output(tmp_path):
    """`newsclean --input-format jsonl in.jsonl -o out.jsonl` with no room: out.jsonl
    as it was, no temp file, exit 123."""
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'{"text": "Back to top\\nThe story, told in full."}\n' * 50)
    out = tmp_path / "out.jsonl"
    out.write_bytes(b'{"text": "the previous output"}\n')
    code = (
        "import errno, os, sys\n"
        "from newsclean import files, cli\n"
        "real = os.fdopen\n"
        "class Full:\n"
        "    def __init__(s, f): s.f = f\n"
        "    def __enter__(s): return s\n"
        "    def __exit__(s, *a): s.f.close()\n"
        "    def write(s, d): raise OSError(errno.ENOSPC, 'No space left on device')\n"
        "    def __getattr__(s, n): return getattr(s.f, n)\n"
        "files.os.fdopen = lambda fd, m='r', *a, **k: Full(real(fd, m))\n"
        "sys.argv = ['newsclean', '--input-format', 'jsonl', sys.argv[1], '-o', sys.argv[2]]\n"
        "sys.exit(cli.main())\n"
    )
    import subprocess
    import sys

    r = subprocess.run([sys.executable, "-c", code, str(src), str(out)], capture_output=True, timeout=60)
    assert r.returncode == 123, r.stderr
    assert b"No space left on device" in r.stderr
    assert out.read_bytes() == b'{"text": "the previous output"}\n'
    assert sorted(os.listdir(tmp_path)) == ["in.jsonl", "out.jsonl"]


# --- 9: extended attributes ------------------------------------------------------------


def _set_xattr_or_skip(path, name, value):
    try:
        os.setxattr(path, name, value)
    except (OSError, AttributeError) as exc:
        if isinstance(exc, AttributeError) or exc.errno in (errno.ENOTSUP, errno.EOPNOTSUPP, errno.EPERM):
            pytest.skip(f"no user extended attributes here: {exc}")
        raise


def test_in_place_keeps_the_download_url_extended_attribute(tmp_path):
    p = tmp_path / "page.txt"
    p.write_bytes(DIRTY)
    _set_xattr_or_skip(str(p), "user.xdg.origin.url", b"https://example.org/news/1")
    os.chmod(p, 0o604)
    r = run_cli("-i", "-q", str(p))
    assert r.returncode == 1, r.stderr
    assert p.read_bytes() == CLEAN
    assert os.getxattr(str(p), "user.xdg.origin.url") == b"https://example.org/news/1"
    assert stat.S_IMODE(os.stat(p).st_mode) == 0o604


# --- 13 and 17: folders the walk cannot enter, trees of any depth ----------------------


def test_an_unreadable_subfolder_is_reported_not_skipped(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_bytes(DIRTY)
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "b.txt").write_bytes(DIRTY)
    (tmp_path / "z.txt").write_bytes(DIRTY)
    real = os.scandir

    def scandir(path="."):
        if os.path.basename(str(path)) == "locked":
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(files.os, "scandir", scandir)
    found = list(discover([str(tmp_path)]))
    assert [(s.relative, s.error) for s in found] == [
        ("a.txt", None),
        ("z.txt", None),
        ("locked", f"{tmp_path / 'locked'}: cannot read folder: Permission denied; not cleaned"),
    ]


def test_a_locked_folder_named_on_the_command_line_is_reported(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_bytes(DIRTY)

    def scandir(path="."):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(files.os, "scandir", scandir)
    [source] = discover([str(tmp_path)])
    assert source.error == f"{tmp_path}: cannot read folder: Permission denied; not cleaned"


def _remove_chain(top, name: str) -> None:
    """Remove a chain of folders ``name`` below ``top`` without recursion (pytest's own
    clean-up of old temp folders recurses, and would fail on it in a later session)."""
    fd = os.open(top, os.O_RDONLY)
    fds = [fd]
    try:
        while True:
            try:
                fds.append(os.open(name, os.O_RDONLY, dir_fd=fds[-1]))
            except FileNotFoundError:
                break
        while len(fds) > 1:
            inner = fds.pop()
            for entry in os.listdir(inner):
                if entry != name:
                    os.unlink(entry, dir_fd=inner)
            os.close(inner)
            os.rmdir(name, dir_fd=fds[-1])
    finally:
        for f in fds:
            os.close(f)


@pytest.fixture
def chains(tmp_path):
    made = []
    yield made
    for name in made:
        _remove_chain(tmp_path, name)


def _deep(tmp_path, name: str, depth: int) -> str:
    """A chain of ``depth`` folders called ``name`` with a page at the bottom, made
    with folder descriptors (os.makedirs recurses, and the path may be over PATH_MAX);
    returns the relative path of the page."""
    fd = os.open(tmp_path, os.O_RDONLY)
    try:
        for _ in range(depth):
            os.mkdir(name, dir_fd=fd)
            nfd = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = nfd
        page = os.open("page.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
        os.write(page, DIRTY)
        os.close(page)
    finally:
        os.close(fd)
    return os.path.join(*[name] * depth, "page.txt")


def test_a_tree_1100_folders_deep_is_walked_not_aborted(tmp_path, chains):
    chains.append("d")
    rel = _deep(tmp_path, "d", 1100)
    (tmp_path / "top.txt").write_bytes(DIRTY)
    assert [(s.relative, s.error) for s in discover([str(tmp_path)])] == [("top.txt", None), (rel, None)]


def test_a_folder_whose_path_is_over_the_system_limit_is_reported(tmp_path, chains):
    chains.append("f" * 200)
    _deep(tmp_path, "f" * 200, 25)  # 5,000 characters: over PATH_MAX (4,096)
    found = list(discover([str(tmp_path)]))
    assert found, "the part of the tree that cannot be reached is not skipped in silence"
    assert all(s.error and "File name too long" in s.error for s in found)


# --- 21: a FIFO named on the command line ---------------------------------------------


def test_a_fifo_named_on_the_command_line_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "a.txt").write_bytes(DIRTY)
    r = run_cli("-i", str(fifo), str(tmp_path / "a.txt"), timeout=30)
    assert r.returncode == 123, r.stderr
    assert b"pipe.txt: not a regular file (a FIFO); not read" in r.stderr
    assert (tmp_path / "a.txt").read_bytes() == CLEAN


def test_a_fifo_named_as_a_jsonl_input_is_refused_not_waited_on(tmp_path):
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    r = run_cli("--input-format", "jsonl", str(fifo), timeout=30)
    assert r.returncode == 123, r.stderr
    assert b"pipe.jsonl: not a regular file (a FIFO); not read" in r.stderr


def test_a_device_is_refused_by_the_read_path():
    with pytest.raises(InputError, match="not a regular file .a character device."):
        read_file("/dev/zero")


def test_json_stays_readable_after_round_trip_through_read_file(tmp_path):
    p = tmp_path / "r.json"
    p.write_text(json.dumps({"a": 1}))
    data, st = read_file(str(p))
    assert json.loads(data) == {"a": 1} and st.st_size == len(data)


# --- 3 and 23: a configuration that cannot be read, or holds the wrong types ----------

DRAFTS_EXCLUDED = '[tool.newsclean]\nexclude = ["drafts/*"]\n'


def _project(tmp_path, pyproject: bytes):
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_bytes(pyproject)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "keep.txt").write_bytes(DIRTY)
    return tmp_path / "drafts" / "keep.txt"


@pytest.mark.parametrize(
    "pyproject, why",
    [
        (DRAFTS_EXCLUDED.encode() + b'[tool.black\nline-length = 100\n', r"pyproject\.toml: not valid TOML: .*line 3"),
        (DRAFTS_EXCLUDED.encode() + b"# caf\xe9\n", r"pyproject\.toml: line 3: not valid UTF-8 \(byte 0xe9\)"),
    ],
    ids=["toml-error", "latin-1-byte"],
)
def test_a_broken_pyproject_does_not_drop_its_exclude(tmp_path, pyproject, why):
    """The excluded drafts must not be rewritten because the file around the table has
    an error elsewhere: the run stops, naming the file and the line."""
    draft = _project(tmp_path, pyproject)
    r = run_cli("-i", ".", cwd=tmp_path)
    assert r.returncode == 123, r.stderr
    import re

    assert re.search(why, r.stderr.decode()), r.stderr
    assert draft.read_bytes() == DIRTY


def test_a_broken_pyproject_without_a_newsclean_table_is_none_of_our_business(tmp_path):
    draft = _project(tmp_path, b'[tool.black\nline-length = "caf\xe9"\n')
    r = run_cli("-i", "-q", ".", cwd=tmp_path)
    assert r.returncode == 1, r.stderr  # no table, no exclude: the drafts are cleaned
    assert draft.read_bytes() == CLEAN


def test_a_pyproject_with_a_valid_table_still_applies(tmp_path):
    draft = _project(tmp_path, DRAFTS_EXCLUDED.encode())
    (tmp_path / "a.txt").write_bytes(DIRTY)
    r = run_cli("-i", "-q", ".", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    assert draft.read_bytes() == DIRTY and (tmp_path / "a.txt").read_bytes() == CLEAN


def test_a_newsclean_toml_with_a_stray_byte_names_the_line(tmp_path):
    from newsclean.config import ConfigError, load_config

    p = tmp_path / "newsclean.toml"
    p.write_bytes(b'exclude = ["drafts/*"]\n# \xff\n')
    with pytest.raises(ConfigError, match=r"newsclean\.toml: line 2: not valid UTF-8"):
        load_config(str(p))


@pytest.mark.parametrize(
    "toml, message",
    [
        ("rules = [5]\n", "'rules' must be a list of strings; item 1 is 5"),
        ('include = ["*.txt", 1]\n', "'include' must be a list of strings; item 2 is 1"),
        ("exclude = [[\"a\"]]\n", "'exclude' must be a list of strings; item 1 is ['a']"),
        ("stages = [true]\n", "'stages' must be a list of strings; item 1 is True"),
        ("jobs = true\n", "'jobs' must be a whole number, not True"),
        ("jobs = 0\n", "'jobs' must be 1 or more, not 0"),
        ('rules = "house.rules"\n', "'rules' must be a list, not 'house.rules'"),
        ("[tool]\nnewsclean = 5\n", "the file must be a table of key = value"),
    ],
)
def test_a_config_key_of_the_wrong_type_names_the_file_and_key(tmp_path, toml, message):
    (tmp_path / "newsclean.toml").write_text(toml)
    (tmp_path / "a.txt").write_bytes(DIRTY)
    r = run_cli("a.txt", cwd=tmp_path)
    assert r.returncode == 123, r.stderr
    err = r.stderr.decode()
    assert "newsclean.toml: " + message in err, err
    assert "TypeError" not in err and "Traceback" not in err


@pytest.mark.parametrize(
    "template, message",
    [
        ({"documents": 3, "min_docs": 3, "min_share": 0.0}, "no 'lines'"),
        ({"lines": ["a"], "documents": 3, "min_docs": 3, "min_share": 0.0}, "'lines' must be an object"),
        ({"lines": {"home": "3"}, "documents": 3, "min_docs": 3, "min_share": 0.0}, "'lines' maps each line to a count; 'home' has '3'"),
        ({"lines": {}, "documents": "3", "min_docs": 3, "min_share": 0.0}, "'documents' must be a whole number"),
        ({"lines": {}, "documents": 3, "min_docs": 3}, "no 'min_share'"),
    ],
)
def test_a_template_with_missing_keys_or_wrong_types_names_the_file_and_key(tmp_path, template, message):
    (tmp_path / "site.json").write_text(json.dumps({"format": "newsclean-template/1", **template}))
    (tmp_path / "a.txt").write_bytes(DIRTY)
    r = run_cli("--template", "site.json", "a.txt", cwd=tmp_path)
    assert r.returncode == 123, r.stderr
    err = r.stderr.decode()
    assert "site.json: not a usable newsclean template: " + message in err, err
    assert "KeyError" not in err and "Traceback" not in err


# --- 8: --learn-template on a full disk --------------------------------------------


def test_learn_template_on_a_full_disk_keeps_the_old_template(tmp_path, monkeypatch):
    from newsclean.template import Template

    dest = tmp_path / "site.json"
    Template({"home | world | sport": 3}, 3).dump(str(dest))
    before = dest.read_bytes()
    _full_disk(monkeypatch)
    with pytest.raises(InputError, match=r"site\.json: write failed: No space left on device"):
        Template({"another line": 4}, 4).dump(str(dest))
    assert dest.read_bytes() == before
    assert os.listdir(tmp_path) == ["site.json"]
    assert Template.load(str(dest)).lines == {"home | world | sport": 3}


def test_a_template_learned_from_undecodable_bytes_is_written_and_read_back(tmp_path):
    from newsclean.template import Template

    pages = [b"Caf\xe9 news | Home\nStory %d, told in full.\n" % i for i in range(3)]
    texts = [p.decode("utf-8", "surrogateescape") for p in pages]
    dest = tmp_path / "site.json"
    Template.learn(texts, min_docs=3).dump(str(dest))
    tpl = Template.load(str(dest))
    assert tpl.lookup(texts[0].splitlines()[0]) == 3
    dest.read_bytes().decode("utf-8")  # the file itself is valid UTF-8


# --- 11 and 15: JSONL records come out as they came in --------------------------------

ARTICLE = "Back to top\\nThe minister said the talks would go on next week."


def _jsonl_run(lines: bytes, *args: str):
    return run_cli("--input-format", "jsonl", *args, "-", input=lines)


@pytest.mark.parametrize(
    "literal",
    ["1e400", "1E2", "-0.0", "1.0", "0.1000", "123456789012345678901234567890", "9" * 5000, "-1E-400", "1e+5"],
)
def test_jsonl_number_literals_are_kept_exactly(literal):
    line = b'{"n": %s, "text": "%s"}\n' % (literal.encode(), ARTICLE.encode())
    r = _jsonl_run(line)
    assert r.returncode == 0, r.stderr
    assert r.stdout == b'{"n": %s, "text": "The minister said the talks would go on next week.\\n"}\n' % literal.encode()
    json.loads(r.stdout, parse_int=str, parse_float=str)  # valid JSON, whatever the number


def test_jsonl_duplicate_keys_are_not_merged():
    line = b'{"tag": "a", "text": "%s", "tag": "b"}\n' % ARTICLE.encode()
    r = _jsonl_run(line)
    assert r.returncode == 0, r.stderr
    assert r.stdout.count(b'"tag"') == 2
    assert r.stdout.startswith(b'{"tag": "a", "text": "The minister') and r.stdout.endswith(b'"tag": "b"}\n')


def test_jsonl_escapes_spacing_and_key_order_of_other_fields_are_kept():
    line = b'{ "url" :"https:\\/\\/example.org\\/a",\t"title": "\\u00e9t\\u00e9",  "text":"%s" , "z":[ 1,2 ] }\r\n' % (
        ARTICLE.encode()
    )
    r = _jsonl_run(line)
    assert r.returncode == 0, r.stderr
    assert r.stdout == (
        b'{ "url" :"https:\\/\\/example.org\\/a",\t"title": "\\u00e9t\\u00e9",  '
        b'"text":"The minister said the talks would go on next week.\\n" , "z":[ 1,2 ] }\r\n'
    )


@pytest.mark.parametrize("depth", [1_200, 100_000])
def test_jsonl_deeply_nested_records_are_cleaned_not_rejected(depth):
    meta = "[" * depth + "]" * depth
    line = b'{"meta": ' + meta.encode() + b', "text": "' + ARTICLE.encode() + b'"}\n'
    r = _jsonl_run(line)
    assert r.returncode == 0, r.stderr
    assert r.stdout == b'{"meta": ' + meta.encode() + b', "text": "The minister said the talks would go on next week.\\n"}\n'


@pytest.mark.parametrize(
    "bad, why",
    [
        (b'{"n": NaN, "text": "a"}', "NaN is not valid JSON"),
        (b'{"n": [Infinity], "text": "a"}', "Infinity is not valid JSON"),
        (b'{"n": -Infinity, "text": "a"}', "-Infinity is not valid JSON"),
        (b'{"n": {"deep": [NaN]}, "text": "a"}', "NaN is not valid JSON"),
        (b'{"n": ' + b"[" * 5000 + b"NaN" + b"]" * 5000 + b', "text": "a"}', "NaN is not valid JSON"),
        (b'{"n": ' + b"[" * 5000 + b"]" * 4999 + b', "text": "a"}', "Expecting ',' delimiter"),
        (b'{"n": 01, "text": "a"}', "Expecting ',' delimiter"),
        (b'{"text": "a"} {"text": "b"}', "Extra data"),
    ],
)
def test_jsonl_input_that_is_not_json_is_a_bad_line_never_passed_on(bad, why):
    """Output is always valid JSON: NaN and Infinity are not, so such a line is reported
    (with its reason) rather than written on."""
    r = _jsonl_run(b'{"text": "One."}\n' + bad + b"\n", "--on-bad-line", "skip")
    assert r.returncode == 0, r.stderr
    assert r.stdout == b'{"text": "One.\\n"}\n'
    assert why.encode() in r.stderr and b"<stdin>:2: bad record" in r.stderr


def test_jsonl_records_own_removed_and_notes_are_kept():
    line = b'{"removed": "by the editor", "notes": ["checked"], "text": "%s"}\n' % ARTICLE.encode()
    r = _jsonl_run(line, "--with-removed")
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["removed"] == "by the editor" and out["notes"] == ["checked"]
    assert out["newsclean_removed"] == [
        {"line": 1, "text": "Back to top", "stage": "boilerplate-lines", "rule": "phrase:navigation"}
    ]


def test_jsonl_record_whose_notes_is_a_string_survives_the_safety_valve():
    """Issue 11 item 15: the valve's note used to be appended to the record's own
    ``notes``, and a string there crashed the stream (AttributeError)."""
    lines = b"".join(
        b'{"id": %d, "notes": "editor: check", "text": "Home | News | Sport"}\n' % i for i in range(3)
    )
    r = _jsonl_run(lines, "--stages", "boilerplate-lines,safety-valve")
    assert r.returncode == 0, r.stderr
    out = [json.loads(x) for x in r.stdout.splitlines()]
    assert [o["id"] for o in out] == [0, 1, 2]
    assert all(o["notes"] == "editor: check" for o in out)
    assert all(o["text"] == "Home | News | Sport\n" for o in out)
    assert all(len(o["newsclean_notes"]) == 1 and "safety valve" in o["newsclean_notes"][0] for o in out)


def test_jsonl_cleaned_twice_has_one_set_of_newsclean_members():
    line = b'{"text": "%s"}\n' % ARTICLE.encode()
    once = _jsonl_run(line, "--with-removed").stdout
    twice = _jsonl_run(once, "--with-removed").stdout
    assert twice.count(b'"newsclean_removed"') == 1
    assert json.loads(twice)["newsclean_removed"] == []


def test_jsonl_lone_surrogate_escapes_stay_escapes_and_output_is_utf8():
    line = b'{"id": "\\ud800", "text": "caf\\u00e9 \\udc80 | Back to top\\nThe story, told \\ud83d\\ude00 well."}\n'
    r = _jsonl_run(line)
    assert r.returncode == 0, r.stderr
    r.stdout.decode("utf-8")  # valid UTF-8
    assert r.stdout.startswith(b'{"id": "\\ud800", "text": ')
    assert json.loads(r.stdout)["id"] == "\ud800"


# --- 12: paths (and text) in JSON output are always valid ------------------------------


def test_jsonl_output_for_a_non_utf8_file_name_is_valid_utf8_and_names_the_file(tmp_path):
    import base64

    name = b"caf\xe9 news.txt"
    with open(os.path.join(os.fsencode(tmp_path), name), "wb") as f:
        f.write(DIRTY)
    (tmp_path / "plain.txt").write_bytes(DIRTY)
    r = run_cli("-f", "jsonl", ".", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.decode("utf-8").splitlines()  # every line valid UTF-8
    records = [json.loads(line) for line in lines]
    assert [rec["path"] for rec in records] == ["./caf\\xe9 news.txt", "./plain.txt"]
    assert base64.b64decode(records[0]["path_base64"]) == b"./" + name  # the exact bytes, to find the file
    assert "path_base64" not in records[1]
    assert records[0]["text"] == CLEAN.decode()


def test_json_output_of_a_page_that_is_not_utf8_is_valid_utf8_with_a_note(tmp_path):
    (tmp_path / "latin1.txt").write_bytes(b"Back to top\nLe caf\xe9 du coin a ferm\xe9 ses portes hier soir.\n")
    r = run_cli("-f", "json", "latin1.txt", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    record = json.loads(r.stdout.decode("utf-8"))
    assert record["text"] == "Le caf\ufffd du coin a ferm\ufffd ses portes hier soir.\n"
    assert any("not valid UTF-8" in note for note in record["notes"])


# --- 6: --encoding auto never writes bytes that are not a faithful re-encoding ---------

NBSP_PAGE = "Back to top\n\nThe minister\u00a0said the caf\u00e9 talks would go on ".encode() + b"\x93next\x94 week.\n"


def _stray_bytes(data: bytes) -> int:
    return len(data) - len(data.decode("utf-8", "surrogateescape").encode("utf-8", "ignore"))


def test_encoding_auto_on_utf8_with_one_stray_byte_keeps_it_utf8(tmp_path):
    f = tmp_path / "page.txt"
    f.write_bytes(NBSP_PAGE)
    r = run_cli("--encoding", "auto", "-i", str(f))
    assert r.returncode == 1, r.stderr
    out = f.read_bytes()
    assert _stray_bytes(out) == 2 and b"\x93next\x94 week." in out  # the stray bytes, as they were, no other
    assert "caf\u00e9".encode() in out
    g = tmp_path / "same.txt"
    g.write_bytes(NBSP_PAGE)
    run_cli("-i", str(g))
    assert out == g.read_bytes()  # exactly what a UTF-8 run writes


def test_encoding_auto_without_a_confident_answer_keeps_the_bytes():
    from newsclean.files import decode_text, encode

    noise = bytes(range(128, 256)) * 3
    decoded = decode_text(noise, "auto", name="noise.txt")
    assert decoded.encoding == "utf-8" and "no other encoding fits" in decoded.note
    assert encode(decoded.text, decoded.encoding) == noise


def test_encoding_auto_still_reads_a_legacy_page():
    from newsclean.files import decode_text

    text = "Le caf\u00e9 de la gare a rouvert ses portes apr\u00e8s des ann\u00e9es de travaux. " * 3
    decoded = decode_text(text.encode("cp1252"), "auto")
    assert decoded.encoding != "utf-8" and decoded.note is None
    assert decoded.text.encode(decoded.encoding) == text.encode("cp1252")  # written back byte for byte


def test_a_legacy_codec_never_writes_a_question_mark_for_a_character_it_lacks():
    from newsclean.files import encode

    with pytest.raises(InputError, match=r"page\.txt: the cleaned text holds '\u2026' .U\+2026., which latin-1"):
        encode("Read more\u2026", "latin-1", name="page.txt")


def test_invalid_utf8_on_a_plain_run_comes_with_a_note_about_encoding_auto():
    from newsclean.files import decode_text

    decoded = decode_text(b"Le caf\xe9 du coin.\n", name="p.txt")
    assert decoded.text == "Le caf\udce9 du coin.\n" and decoded.encoding == "utf-8"
    assert decoded.note == (
        "1 byte not valid UTF-8, kept as it is (for a file in another encoding: --encoding auto or --encoding NAME)"
    )


# The runner wiring: runner.process/clean_bytes use read_file, expect= and decode_text.


def test_a_plain_run_on_invalid_utf8_hints_at_encoding_auto_on_stderr(tmp_path):
    (tmp_path / "p.txt").write_bytes(b"Back to top\nLe caf\xe9 du coin a ferm\xe9 ses portes hier soir.\n")
    r = run_cli("p.txt", cwd=tmp_path)
    assert r.returncode == 0
    assert r.stdout == b"Le caf\xe9 du coin a ferm\xe9 ses portes hier soir.\n"  # the bytes, as they were
    assert b"p.txt: 2 bytes not valid UTF-8" in r.stderr and b"--encoding auto" in r.stderr


def test_stdout_is_utf8_when_the_input_is_a_legacy_encoding(tmp_path):
    text = "Back to top\n\nLe caf\u00e9 de la gare a rouvert ses portes apr\u00e8s des ann\u00e9es de travaux.\n"
    (tmp_path / "p.txt").write_bytes(text.encode("cp1252"))
    r = run_cli("--encoding", "cp1252", "p.txt", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout == "Le caf\u00e9 de la gare a rouvert ses portes apr\u00e8s des ann\u00e9es de travaux.\n".encode()
    r = run_cli("--encoding", "cp1252", "-i", "p.txt", cwd=tmp_path)  # in place: the file's own encoding
    assert (tmp_path / "p.txt").read_bytes() == text.split("\n\n", 1)[1].encode("cp1252")


# --- found while attacking: names, temp files ------------------------------------------


@pytest.mark.parametrize("name", ["a" * 251 + ".txt", "\u00e9" * 125 + ".txt"], ids=["ascii", "two-byte"])
def test_a_file_with_a_name_of_the_longest_length_can_be_cleaned_in_place(tmp_path, name):
    """The temp file used to repeat the whole name, and went over 255 bytes."""
    p = tmp_path / name
    p.write_bytes(DIRTY)
    r = run_cli("-i", "-q", str(p))
    assert r.returncode == 1, r.stderr
    assert p.read_bytes() == CLEAN
    assert os.listdir(tmp_path) == [name]


def test_leftovers_of_a_long_named_file_are_still_found_and_removed(tmp_path):
    name = "b" * 251 + ".txt"
    p = tmp_path / name
    p.write_bytes(DIRTY)
    leftover = tmp_path / (files._tmp_prefix(str(p)) + "x1y2z3" + files.TMP_SUFFIX)
    leftover.write_bytes(b"half")
    os.utime(leftover, (1, 1))
    write_atomic(str(p), CLEAN)
    assert os.listdir(tmp_path) == [name]


def test_a_jsonl_file_starting_with_a_byte_order_mark_gives_json_lines():
    """Python's json.loads refuses a str starting with U+FEFF: the mark is read past
    and not written on, or `cat a.jsonl b.jsonl | newsclean` would put it mid-stream."""
    r = _jsonl_run(b'\xef\xbb\xbf{"id": 1, "text": "One."}\n{"id": 2, "text": "Two."}\n')
    assert r.returncode == 0, r.stderr
    assert r.stdout == b'{"id": 1, "text": "One.\\n"}\n{"id": 2, "text": "Two.\\n"}\n'
    assert [json.loads(line.decode())["id"] for line in r.stdout.splitlines()] == [1, 2]


def test_a_config_option_naming_a_fifo_fails_instead_of_hanging(tmp_path):
    os.mkfifo(tmp_path / "cfg.toml")
    (tmp_path / "a.txt").write_bytes(DIRTY)
    r = run_cli("--config", "cfg.toml", "a.txt", cwd=tmp_path, timeout=30)
    assert r.returncode == 123, r.stderr
    assert b"cfg.toml: not a regular file (a FIFO)" in r.stderr


def test_check_on_a_tree_it_cannot_fully_walk_fails_instead_of_no_files(tmp_path, chains):
    """Item 13 end to end: the part of the tree over PATH_MAX is reported, exit 123."""
    chains.append("f" * 200)
    _deep(tmp_path, "f" * 200, 25)
    r = run_cli("--check", str(tmp_path))
    assert r.returncode == 123, r.stderr
    assert b"File name too long" in r.stderr and b"no files" not in r.stderr


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_encoding_auto_reads_utf16_and_utf32_with_a_bom_instead_of_skipping_them(tmp_path, codec):
    """Found attacking: --encoding auto took a UTF-16 file for binary and skipped it."""
    text = "\ufeffBack to top\n\nLe caf\u00e9 de la gare a rouvert ses portes hier soir.\n"
    f = tmp_path / "page.txt"
    f.write_bytes(text.encode(codec))
    r = run_cli("--encoding", "auto", "-i", str(f))
    assert r.returncode == 1, r.stderr
    assert f.read_bytes() == "\ufeffLe caf\u00e9 de la gare a rouvert ses portes hier soir.\n".encode(codec)


def test_a_user_xattr_that_cannot_be_kept_stops_the_rewrite(tmp_path, monkeypatch):
    p = tmp_path / "page.txt"
    p.write_bytes(DIRTY)
    _set_xattr_or_skip(str(p), "user.xdg.origin.url", b"https://example.org/news/1")

    def no_room(path, name, value, *a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(files.os, "setxattr", no_room)
    with pytest.raises(InputError, match="cannot keep extended attribute user.xdg.origin.url"):
        write_atomic(str(p), CLEAN)
    assert p.read_bytes() == DIRTY
    assert os.getxattr(str(p), "user.xdg.origin.url") == b"https://example.org/news/1"
    assert os.listdir(tmp_path) == ["page.txt"]


def test_a_snapshot_taken_through_a_symlink_matches_its_target(tmp_path):
    (tmp_path / "real.txt").write_bytes(DIRTY)
    os.symlink("real.txt", tmp_path / "link.txt")
    _, snapshot = read_file(str(tmp_path / "link.txt"))
    write_atomic(str(tmp_path / "link.txt"), CLEAN, expect=snapshot)
    assert (tmp_path / "real.txt").read_bytes() == CLEAN and os.path.islink(tmp_path / "link.txt")


def test_a_pyproject_saved_with_a_byte_order_mark_still_applies_its_exclude(tmp_path):
    """Found attacking: tomllib refuses a BOM, which used to drop the whole table."""
    draft = _project(tmp_path, b"\xef\xbb\xbf" + DRAFTS_EXCLUDED.encode())
    (tmp_path / "a.txt").write_bytes(DIRTY)
    r = run_cli("-i", "-q", ".", cwd=tmp_path)
    assert r.returncode == 1, r.stderr
    assert draft.read_bytes() == DIRTY and (tmp_path / "a.txt").read_bytes() == CLEAN


def test_rewriting_a_big_folder_lists_it_once_not_once_per_file(tmp_path, monkeypatch):
    """Found attacking: each write listed the whole folder to find a killed run's temp
    files, so -i over a folder of 10,000 pages cost 12 ms a page on top of cleaning."""
    for i in range(50):
        (tmp_path / f"p{i:02d}.txt").write_bytes(DIRTY)
    real = os.scandir
    listed = []

    def scandir(path="."):
        listed.append(os.fspath(path))
        return real(path)

    monkeypatch.setattr(files.os, "scandir", scandir)
    for i in range(50):
        write_atomic(str(tmp_path / f"p{i:02d}.txt"), CLEAN)
    assert listed.count(str(tmp_path)) == 1


def test_process_substitution_is_still_read(tmp_path):
    """Refusing FIFOs by name must not refuse `newsclean <(zcat page.gz)`."""
    import shutil
    import subprocess
    import sys

    if shutil.which("bash") is None:
        pytest.skip("no bash")
    script = f"{sys.executable} -m newsclean <(printf 'Back to top\\nThe minister said the talks would go on next week.\\n')"
    r = subprocess.run(["bash", "-c", script], capture_output=True, timeout=60, env=clean_env())
    assert r.returncode == 0, r.stderr
    assert r.stdout == CLEAN
