"""newsclean as a pre-commit hook, for real: ``pre-commit run`` with this working tree's
``.pre-commit-hooks.yaml`` (committed, with any uncommitted changes, to a throw-away
repository at a fixed rev), in a throw-away project.

Slow (pre-commit builds a virtualenv and pip-installs newsclean into it once, ~30 s),
so it is marked ``slow``; it still runs by default. Deselect with ``-m "not slow"``.
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


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory):
    """This working tree (uncommitted changes too) committed to a throw-away repository:
    a fixed rev, so that pre-commit builds the hook's environment once for every run."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    listed = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "-z"], cwd=ROOT, capture_output=True)
    if listed.returncode != 0:
        pytest.skip("newsclean is not checked out as a git repository")
    repo = tmp_path_factory.mktemp("hook-repo")
    for name in filter(None, listed.stdout.decode().split("\0")):
        src = ROOT / name
        if src.is_file() and not name.startswith((".venv/", "benchmarks/results/")):
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, repo / name)
    _git("init", "-q", ".", cwd=repo)
    _git("add", "-A", cwd=repo)
    _git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "hook", cwd=repo)
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True).stdout.strip()
    return repo, rev, tmp_path_factory.mktemp("pre-commit-home")


def _run_hook(project, hook_repo, *files):
    repo, rev, home = hook_repo
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {repo}\n  rev: {rev}\n  hooks:\n  - id: newsclean\n"
    )
    env = clean_env(
        PRE_COMMIT_HOME=str(home),
        GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.org",
        GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.org",
    )
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "newsclean", "--files", *files],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )


# Files a repository holds beside its articles, which the hook must never rewrite.
NOT_ARTICLES = {
    "requirements.txt": "# pinned for the scraper\nrequests>=2.31\nrich\n",
    "robots.txt": "User-agent: *\nDisallow: /admin\n",
    "LICENSE.txt": "MIT License\n\nCopyright (c) 2024 Example\n\nPermission is hereby granted, free of charge.\n",
    "drafts/d.txt": "Home | News\nA draft the config excludes.\nBack to top\n",
}


def test_hook_fixes_a_dirty_file_then_passes_and_leaves_other_files_alone(project, hook_repo):
    """One hook environment for both runs. The second run passes; files that are not
    articles (the hook's own exclude) and files the config excludes (excludes apply to
    the names pre-commit passes) are never touched."""
    (project / "newsclean.toml").write_text('exclude = ["drafts/*"]\n')
    for name, text in NOT_ARTICLES.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text)
    _git("add", "-A", cwd=project)
    names = ["x.txt", "notes.md", *NOT_ARTICLES]

    first = _run_hook(project, hook_repo, *names)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    assert "Fixing x.txt" in first.stdout
    assert (project / "x.txt").read_bytes() == (SAMPLES / f"{SAMPLE}.expected.txt").read_bytes()
    assert (project / "notes.md").read_text() == "Back to top\n"
    for name, text in NOT_ARTICLES.items():
        assert (project / name).read_text() == text, name

    second = _run_hook(project, hook_repo, *names)
    assert second.returncode == 0, second.stdout + second.stderr
    assert "Passed" in second.stdout
