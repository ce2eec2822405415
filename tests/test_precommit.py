"""newsclean as a pre-commit hook, for real: ``pre-commit try-repo`` against this
repository's committed ``.pre-commit-hooks.yaml`` (uncommitted changes are picked up by
try-repo's shadow commit), in a throw-away git repository.

Slow (pre-commit builds a virtualenv and pip-installs newsclean into it, ~30 s), so it
is marked ``slow``; it still runs by default. Deselect with ``-m "not slow"``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from .helpers import ROOT, SAMPLES, clean_env

SAMPLE = "eir-2022-01-21-blinken-lavrov"

pytestmark = pytest.mark.slow


def _git(*args, cwd):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture
def project(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    if subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True).returncode != 0:
        pytest.skip("newsclean is not checked out as a git repository")
    repo = tmp_path / "project"
    repo.mkdir()
    _git("init", "-q", ".", cwd=repo)
    (repo / "x.txt").write_bytes((SAMPLES / f"{SAMPLE}.raw.txt").read_bytes())
    (repo / "notes.md").write_text("Back to top\n")  # not a .txt file: the hook leaves it alone
    _git("add", "x.txt", "notes.md", cwd=repo)
    return repo


def _try_repo(repo, home, *files):
    env = clean_env(
        PRE_COMMIT_HOME=str(home),
        GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
        GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org",
    )
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "newsclean", "--files", *files],
        cwd=repo, env=env, capture_output=True, text=True, timeout=600,
    )


def test_hook_fixes_a_dirty_file_then_passes(project, tmp_path):
    home = tmp_path / "pre-commit-home"

    first = _try_repo(project, home, "x.txt", "notes.md")
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    assert "Fixing x.txt" in first.stdout
    assert (project / "x.txt").read_bytes() == (SAMPLES / f"{SAMPLE}.expected.txt").read_bytes()
    assert (project / "notes.md").read_text() == "Back to top\n"

    second = _try_repo(project, home, "x.txt", "notes.md")
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Passed" in second.stdout
