"""Third-party stages through the ``newsclean.stages`` entry-point group.

The plugin is ``tests/plugin_pkg`` (an installable package). Rather than pip-installing
it, each test puts the package and a ``.dist-info`` folder describing it on the
subprocess's ``PYTHONPATH``: ``importlib.metadata`` finds entry points exactly as it
would for an installed distribution.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from .helpers import clean_env, run_cli

PLUGIN_SRC = Path(__file__).parent / "plugin_pkg"
PAGE = "TOWN HALL\n\nCouncil agrees budget\n\nThe council agreed its budget on Wednesday night, after a long debate.\n"


def _dist_info(site: Path, name: str, entry_points: str) -> None:
    info = site / f"{name.replace('-', '_')}-0.1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1.0\n")
    (info / "entry_points.txt").write_text(entry_points)


@pytest.fixture
def plugin_env(tmp_path):
    """An environment in which the drop-caps plugin is installed; its imports are traced."""
    site = tmp_path / "site"
    _dist_info(site, "newsclean-dropcaps", "[newsclean.stages]\ndrop-caps = newsclean_dropcaps:drop_caps\n")
    trace = tmp_path / "imports.log"
    env = clean_env(
        PYTHONPATH=os.pathsep.join([str(site), str(PLUGIN_SRC)]),
        NEWSCLEAN_DROPCAPS_TRACE=str(trace),
    )
    (tmp_path / "page.txt").write_text(PAGE)
    return env, trace


def _imported(trace: Path) -> bool:
    return trace.exists() and "imported" in trace.read_text()


def test_list_stages_shows_the_plugin_and_its_distribution(tmp_path, plugin_env):
    env, _ = plugin_env
    proc = run_cli("--list-stages", cwd=tmp_path, env=env)
    assert proc.returncode == 0, proc.stderr.decode()
    line = next(ln for ln in proc.stdout.decode().splitlines() if "drop-caps" in ln)
    assert "Remove short lines written in capitals only" in line
    assert "[newsclean-dropcaps]" in line
    assert not line.startswith("*")  # not in the default pipeline


def test_named_plugin_stage_runs(tmp_path, plugin_env):
    env, trace = plugin_env
    proc = run_cli("--stages", "layout,drop-caps", "page.txt", cwd=tmp_path, env=env)
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout.decode() == PAGE.replace("TOWN HALL\n\n", "")
    assert _imported(trace)


def test_plugin_removals_are_explained(tmp_path, plugin_env):
    env, _ = plugin_env
    proc = run_cli("--stages", "layout,drop-caps", "-f", "json", "page.txt", cwd=tmp_path, env=env)
    removed = json.loads(proc.stdout)["removed"]
    assert removed == [{"line": 1, "text": "TOWN HALL", "stage": "drop-caps", "rule": "all-caps"}]


def test_plugin_options_come_from_config(tmp_path, plugin_env):
    env, _ = plugin_env
    (tmp_path / "newsclean.toml").write_text(
        'stages = ["layout", "drop-caps"]\n\n[options.drop-caps]\nmax_words = 0\n'
    )
    proc = run_cli("page.txt", cwd=tmp_path, env=env)
    assert proc.returncode == 0, proc.stderr.decode()
    assert proc.stdout.decode() == PAGE  # max_words = 0: nothing is short enough


def test_plugin_is_not_imported_when_not_named(tmp_path, plugin_env):
    env, trace = plugin_env
    proc = run_cli("page.txt", cwd=tmp_path, env=env)
    assert proc.returncode == 0
    assert proc.stdout.decode().startswith("TOWN HALL\n")
    proc = run_cli("--skip", "content", "page.txt", cwd=tmp_path, env=env)
    assert proc.returncode == 0
    assert not _imported(trace)


def test_unknown_stage_lists_installed_plugins(tmp_path, plugin_env):
    env, trace = plugin_env
    proc = run_cli("--stages", "layout,drop-capz", "page.txt", cwd=tmp_path, env=env)
    assert proc.returncode == 2
    assert "drop-caps" in proc.stderr.decode()
    assert not _imported(trace)


def test_a_broken_plugin_is_a_one_line_error(tmp_path):
    site = tmp_path / "site"
    _dist_info(site, "newsclean-broken", "[newsclean.stages]\nbroken = no_such_module:stage\n")
    env = clean_env(PYTHONPATH=str(site))
    (tmp_path / "page.txt").write_text(PAGE)

    proc = run_cli("--stages", "layout,broken", "page.txt", cwd=tmp_path, env=env)
    assert proc.returncode == 2
    lines = proc.stderr.decode().splitlines()
    assert len(lines) == 1, lines
    assert "broken" in lines[0] and "newsclean-broken" in lines[0] and "no_such_module" in lines[0]

    # Installed but broken plugins do not stop a pipeline that does not name them,
    # and --list-stages shows what is wrong instead of failing.
    proc = run_cli("page.txt", cwd=tmp_path, env=env)
    assert proc.returncode == 0
    proc = run_cli("--list-stages", cwd=tmp_path, env=env)
    assert proc.returncode == 0
    listed = proc.stdout.decode()
    assert "failed to load" in listed and "content" in listed


# --- the pipeline refuses a list it cannot run honestly -----------------------------------


def test_naming_the_composer_is_refused():
    """The composer always runs last: a list naming it was run with its output and its
    --explain disagreeing (debris printed, explained as dropped)."""
    import pytest

    from newsclean import Pipeline, PipelineError

    with pytest.raises(PipelineError, match="normalize is the composer: it always runs last; leave it out"):
        Pipeline(["normalize", "layout", "boilerplate-lines"])
    out = Pipeline(["layout", "boilerplate-lines"]).clean("Home | News\n\n* * *\n\nThe article, in a sentence.\n")
    assert out == "The article, in a sentence.\n"


def test_a_stage_before_one_it_must_follow_is_refused():
    import pytest

    from newsclean import Pipeline, PipelineError, UnknownNameError

    with pytest.raises(PipelineError, match="'columns' must follow 'content'") as err:
        Pipeline(["layout", "columns", "content"])
    assert isinstance(err.value, UnknownNameError)  # the CLI reports it as a usage error
    with pytest.raises(PipelineError, match="named twice"):
        Pipeline(["layout", "layout"])
    assert Pipeline(["columns"]).stage_names == ["columns"]  # alone, nothing to follow


def test_a_plugin_registered_in_code_declares_what_it_follows():
    import pytest

    import newsclean
    from newsclean import Pipeline, PipelineError
    from newsclean.registry import stages

    @newsclean.stage("after-content-test", after=("content",))
    def late(doc, ctx):
        """Does nothing, after content."""

    try:
        assert Pipeline(["content", "after-content-test"]).stage_names[-1] == "after-content-test"
        with pytest.raises(PipelineError, match="put it after 'content'"):
            Pipeline(["after-content-test", "content"])
    finally:
        stages.unregister("after-content-test")
