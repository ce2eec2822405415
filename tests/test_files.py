"""Writing files safely: atomic replace, permissions, links, full disks, leftovers.

Tests run as root here and in CI: permission bits do not stop root, so newsclean checks
the mode bits itself, and the failures root never meets (no room, a folder it may not
write) are simulated by making the system call fail in-process.
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import time

import pytest

from newsclean import files
from newsclean.files import InputError, Skipped, Source, discover, write_atomic
from newsclean.runner import Mode, Plan, process

from .helpers import FullDisk, run_cli

DIRTY = b"Back to top\nThe minister said the talks would go on next week.\nShare | Tweet\n"
CLEAN = b"The minister said the talks would go on next week.\n"




def listing(folder) -> list[str]:
    return sorted(os.listdir(folder))


# --- write_atomic ------------------------------------------------------------------


def test_write_atomic_replaces_content_and_keeps_mode(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"old")
    os.chmod(p, 0o640)
    write_atomic(str(p), b"new content")
    assert p.read_bytes() == b"new content"
    assert stat.S_IMODE(os.stat(p).st_mode) == 0o640
    assert listing(tmp_path) == ["a.txt"]  # no temp file left


def test_write_atomic_keeps_owner(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("only root can give a file to another user")
    p = tmp_path / "a.txt"
    p.write_bytes(b"old")
    os.chown(p, 1234, 2345)
    os.chmod(p, 0o2664)  # set-group-id: chown would clear it if done after chmod
    write_atomic(str(p), b"new")
    st = os.stat(p)
    assert (st.st_uid, st.st_gid) == (1234, 2345)
    assert stat.S_IMODE(st.st_mode) == 0o2664


def test_write_atomic_new_file_gets_umask_mode(tmp_path):
    p = tmp_path / "out.txt"
    old = os.umask(0o022)
    try:
        write_atomic(str(p), b"x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(p).st_mode) == 0o644


def test_read_only_file_is_refused_even_for_root(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"old")
    os.chmod(p, 0o444)
    with pytest.raises(InputError, match=r"a\.txt: file is read-only"):
        write_atomic(str(p), b"new")
    assert p.read_bytes() == b"old"
    assert listing(tmp_path) == ["a.txt"]


def test_read_only_folder_is_refused_even_for_root(tmp_path):
    d = tmp_path / "ro"
    d.mkdir()
    p = d / "a.txt"
    p.write_bytes(b"old")
    os.chmod(d, 0o555)
    try:
        with pytest.raises(InputError, match=r"a\.txt: cannot write in .*folder is read-only"):
            write_atomic(str(p), b"new")
    finally:
        os.chmod(d, 0o755)
    assert p.read_bytes() == b"old"
    assert listing(d) == ["a.txt"]


def test_no_permission_to_create_temp_file(tmp_path, monkeypatch):
    """What a non-root user meets in a folder it may not write."""
    p = tmp_path / "a.txt"
    p.write_bytes(b"old")

    def denied(*a, **k):
        raise PermissionError(errno.EACCES, "Permission denied")

    import tempfile  # write_atomic imports it when it first writes

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(InputError, match=r"a\.txt: cannot write in .*Permission denied"):
        write_atomic(str(p), b"new")
    assert p.read_bytes() == b"old"



@pytest.mark.parametrize("where", ["write", "fsync", "replace"])
def test_failure_mid_write_leaves_original_and_no_temp_file(tmp_path, monkeypatch, where):
    p = tmp_path / "a.txt"
    p.write_bytes(b"old content")
    real_fdopen = os.fdopen
    if where == "write":
        monkeypatch.setattr(files.os, "fdopen", lambda fd, m: FullDisk(real_fdopen(fd, m)))
    elif where == "fsync":

        def no_space(fd):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(files.os, "fsync", no_space)
    else:

        def denied(src, dst):
            raise PermissionError(errno.EPERM, "Operation not permitted")

        monkeypatch.setattr(files.os, "replace", denied)
    with pytest.raises(InputError, match=r"a\.txt: write failed: "):
        write_atomic(str(p), b"new content that is longer")
    assert p.read_bytes() == b"old content"
    assert listing(tmp_path) == ["a.txt"]


def test_full_disk_fails_one_file_and_the_others_go_on(tmp_path, monkeypatch):
    """The runner turns a full disk on one file into one failed outcome."""
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_bytes(DIRTY)
    real_fdopen = os.fdopen

    def fdopen(fd, mode):
        # The temp file of b.txt fills the disk (not a count of calls: a cold code
        # cache writes its own entries through the same path).
        f = real_fdopen(fd, mode)
        return FullDisk(f) if os.path.basename(os.readlink(f"/proc/self/fd/{fd}")).startswith(".b.txt.") else f

    monkeypatch.setattr(files.os, "fdopen", fdopen)
    plan = Plan(mode=Mode.IN_PLACE)
    outcomes = [process(Source(str(tmp_path / n), n), plan) for n in ("a.txt", "b.txt", "c.txt")]
    assert [o.status for o in outcomes] == ["changed", "failed", "changed"]
    assert "b.txt: write failed: No space left on device" in outcomes[1].message
    assert (tmp_path / "a.txt").read_bytes() == CLEAN
    assert (tmp_path / "b.txt").read_bytes() == DIRTY
    assert (tmp_path / "c.txt").read_bytes() == CLEAN
    assert listing(tmp_path) == ["a.txt", "b.txt", "c.txt"]


# --- in place through the CLI ----------------------------------------------------------


def test_in_place_rewrites_changed_files_and_keeps_mtime_of_clean_ones(tmp_path):
    (tmp_path / "dirty.txt").write_bytes(DIRTY)
    (tmp_path / "clean.txt").write_bytes(CLEAN)
    past = time.time() - 3600
    os.utime(tmp_path / "clean.txt", (past, past))
    r = run_cli("-i", str(tmp_path))
    assert r.returncode == 1, r.stderr
    assert (tmp_path / "dirty.txt").read_bytes() == CLEAN
    assert os.stat(tmp_path / "clean.txt").st_mtime == pytest.approx(past)
    assert b"Fixing " + str(tmp_path / "dirty.txt").encode() in r.stderr
    assert b"1 file cleaned, 1 file left unchanged." in r.stderr


def test_in_place_read_only_file_one_error_line_others_processed(tmp_path):
    (tmp_path / "a.txt").write_bytes(DIRTY)
    (tmp_path / "b.txt").write_bytes(DIRTY)
    os.chmod(tmp_path / "a.txt", 0o444)
    r = run_cli("-i", str(tmp_path))
    assert r.returncode == 123
    errors = [ln for ln in r.stderr.decode().splitlines() if ln.startswith("newsclean: error:")]
    assert errors == [f"newsclean: error: {tmp_path / 'a.txt'}: file is read-only"]
    assert b"Traceback" not in r.stderr
    assert (tmp_path / "a.txt").read_bytes() == DIRTY
    assert (tmp_path / "b.txt").read_bytes() == CLEAN


def test_in_place_read_only_folder_one_error_line_others_processed(tmp_path):
    ro, rw = tmp_path / "ro", tmp_path / "rw"
    ro.mkdir()
    rw.mkdir()
    (ro / "a.txt").write_bytes(DIRTY)
    (rw / "b.txt").write_bytes(DIRTY)
    os.chmod(ro, 0o555)
    try:
        r = run_cli("-i", str(ro), str(rw))
    finally:
        os.chmod(ro, 0o755)
    assert r.returncode == 123
    errors = [ln for ln in r.stderr.decode().splitlines() if ln.startswith("newsclean: error:")]
    assert len(errors) == 1 and str(ro / "a.txt") in errors[0] and "read-only" in errors[0]
    assert (ro / "a.txt").read_bytes() == DIRTY
    assert (rw / "b.txt").read_bytes() == CLEAN
    assert listing(ro) == ["a.txt"]


# --- links ------------------------------------------------------------------------------


def test_symlink_on_command_line_rewrites_target_and_stays_a_link(tmp_path):
    target = tmp_path / "real.txt"
    target.write_bytes(DIRTY)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    r = run_cli("-i", str(link))
    assert r.returncode == 1, r.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_bytes() == CLEAN


def test_relative_symlink_into_another_folder(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "real.txt").write_bytes(DIRTY)
    (tmp_path / "links").mkdir()
    link = tmp_path / "links" / "l.txt"
    link.symlink_to(os.path.join("..", "data", "real.txt"))
    write_atomic(str(link), CLEAN)
    assert link.is_symlink()
    assert (tmp_path / "data" / "real.txt").read_bytes() == CLEAN
    assert listing(tmp_path / "links") == ["l.txt"]
    assert listing(tmp_path / "data") == ["real.txt"]


def test_folder_walk_does_not_follow_symlinks(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "victim.txt").write_bytes(DIRTY)
    tree = tmp_path / "tree"
    tree.mkdir()
    (tree / "own.txt").write_bytes(DIRTY)
    (tree / "file-link.txt").symlink_to(outside / "victim.txt")
    (tree / "dir-link").symlink_to(outside)
    assert [s.relative for s in discover([str(tree)])] == ["own.txt"]
    r = run_cli("-i", str(tree))
    assert r.returncode == 1, r.stderr
    assert (outside / "victim.txt").read_bytes() == DIRTY
    assert (tree / "own.txt").read_bytes() == CLEAN


def test_hard_linked_file_is_skipped_with_a_message(tmp_path):
    a = tmp_path / "a.txt"
    a.write_bytes(DIRTY)
    os.link(a, tmp_path / "b.txt")
    r = run_cli("-i", str(a))
    assert r.returncode == 0
    assert f"{a}: has 2 hard links; skipped".encode() in r.stderr
    assert a.read_bytes() == DIRTY and (tmp_path / "b.txt").read_bytes() == DIRTY
    assert os.stat(a).st_nlink == 2
    with pytest.raises(Skipped):
        write_atomic(str(a), CLEAN)


# --- leftovers of a killed run ----------------------------------------------------------


def test_stale_temp_files_are_removed_on_the_next_write(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(DIRTY)
    stale = tmp_path / ".a.txt.x1y2z3.newsclean-tmp"
    fresh = tmp_path / ".a.txt.q9w8e7.newsclean-tmp"
    other = tmp_path / ".b.txt.x1y2z3.newsclean-tmp"
    for f in (stale, fresh, other):
        f.write_bytes(b"half a")
    past = time.time() - 3600
    os.utime(stale, (past, past))
    os.utime(other, (past, past))
    write_atomic(str(p), CLEAN)
    # Only this file's leftovers, and only old ones: a fresh one may be another
    # newsclean's write in progress.
    assert listing(tmp_path) == [".a.txt.q9w8e7.newsclean-tmp", ".b.txt.x1y2z3.newsclean-tmp", "a.txt"]


def test_temp_files_are_never_taken_as_inputs(tmp_path):
    (tmp_path / "a.txt").write_bytes(DIRTY)
    (tmp_path / ".a.txt.abc.newsclean-tmp").write_bytes(DIRTY)
    (tmp_path / ".hidden.txt").write_bytes(DIRTY)
    assert [s.relative for s in discover([str(tmp_path)], include=["*"])] == ["a.txt"]


# --- -o FILE ------------------------------------------------------------------------------


def test_output_onto_the_input_file_does_not_empty_it(tmp_path):
    """`newsclean page.txt -o page.txt` once truncated page.txt before reading it; an
    output that is also an input is refused before anything is written (-i rewrites)."""
    p = tmp_path / "page.txt"
    p.write_bytes(DIRTY)
    r = run_cli(str(p), "-o", str(p))
    assert r.returncode == 2, r.stderr
    assert b"is also an input" in r.stderr
    assert p.read_bytes() == DIRTY


def test_output_file_is_written_atomically_and_not_on_failure(tmp_path):
    (tmp_path / "page.txt").write_bytes(DIRTY)
    out = tmp_path / "out.txt"
    out.write_bytes(b"previous")
    os.chmod(out, 0o600)
    assert run_cli(str(tmp_path / "page.txt"), "-o", str(out)).returncode == 0
    assert out.read_bytes() == CLEAN and stat.S_IMODE(os.stat(out).st_mode) == 0o600
    r = run_cli(str(tmp_path / "missing.txt"), "-o", str(out))
    assert r.returncode == 123
    assert out.read_bytes() == CLEAN
    assert listing(tmp_path) == ["out.txt", "page.txt"]


def test_fifo_in_a_folder_is_not_opened(tmp_path):
    """Opening a FIFO blocks until someone writes: a walk must not take it."""
    (tmp_path / "a.txt").write_bytes(DIRTY)
    os.mkfifo(tmp_path / "pipe.txt")
    assert [s.relative for s in discover([str(tmp_path)])] == ["a.txt"]
    r = run_cli("-i", str(tmp_path))
    assert r.returncode == 1, r.stderr
    assert stat.S_ISFIFO(os.lstat(tmp_path / "pipe.txt").st_mode)


def test_a_non_regular_file_is_never_replaced(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    with pytest.raises(InputError, match="not a regular file"):
        write_atomic(str(tmp_path / "pipe.txt"), b"x")
    assert stat.S_ISFIFO(os.lstat(tmp_path / "pipe.txt").st_mode)


FULL_DISK = """
import errno, os, sys
real_fdopen = os.fdopen

class Full:
    def __init__(self, f): self.f = f
    def __enter__(self): return self
    def __exit__(self, *e): self.f.close()
    def write(self, data): raise OSError(errno.ENOSPC, "No space left on device")
    def __getattr__(self, n): return getattr(self.f, n)

def fdopen(fd, mode, *a, **k):
    f = real_fdopen(fd, mode, *a, **k)
    # Only the temp file of b.txt meets a full disk.
    return Full(f) if ".b.txt." in os.readlink(f"/proc/self/fd/{fd}") else f

os.fdopen = fdopen
from newsclean.cli import main
sys.argv = ["newsclean"] + sys.argv[1:]
sys.exit(main())
"""


def test_full_disk_through_the_cli(tmp_path):
    """A full disk on one file: one error line naming it, exit 123, the others cleaned."""
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_bytes(DIRTY)
    r = subprocess.run([sys.executable, "-c", FULL_DISK, "-i", str(tmp_path)], capture_output=True, timeout=120)
    assert r.returncode == 123, r.stderr
    errors = [ln for ln in r.stderr.decode().splitlines() if "error" in ln]
    assert errors == [f"newsclean: error: {tmp_path / 'b.txt'}: write failed: No space left on device"]
    assert [(tmp_path / n).read_bytes() for n in ("a.txt", "b.txt", "c.txt")] == [CLEAN, DIRTY, CLEAN]
    assert listing(tmp_path) == ["a.txt", "b.txt", "c.txt"]
