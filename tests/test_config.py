"""Finding the configuration: every TOML spelling of [tool.newsclean] is found, and
pyproject files that cannot hold it are not parsed at all (start-up time)."""

import pytest

from newsclean import config

tomllib = config._toml()

# (pyproject.toml text, holds [tool.newsclean])
PYPROJECTS = [
    ('[tool.newsclean]\njobs = 2\n', True),
    ('[project]\nname = "x"\n\n[tool.newsclean.options.safety-valve]\nmin_kept = 0.1\n', True),
    ('[ tool . "newsclean" ]\njobs = 2\n', True),
    ("[tool.'newsclean']\njobs = 2\n", True),
    ('tool.newsclean.jobs = 2\n', True),
    ('[tool]\nnewsclean.jobs = 2\n', True),
    ('[tool]\nnewsclean = { jobs = 2 }\n', True),
    ('tool = { newsclean = { jobs = 2 } }\n', True),
    ('[[tool.newsclean.extra]]\nx = 1\n', True),
    # a project named newsclean, its console script, a comment, a string
    ('[project]\nname = "newsclean"\n[project.scripts]\nnewsclean = "newsclean.cli:main"\n', False),
    ('[tool.black]\nline-length = 100\n# [tool.newsclean] would go here\n', False),
    ('[tool.ruff]\nextend-exclude = ["tool.newsclean"]\n', False),
    ('', False),
]


@pytest.mark.parametrize("text, holds", PYPROJECTS)
def test_find_config_finds_every_spelling(tmp_path, text, holds):
    assert ("newsclean" in tomllib.loads(text).get("tool", {})) == holds  # the table is right
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text(text)
    found = config.find_config(str(tmp_path))
    assert found == (str(tmp_path / "pyproject.toml") if holds else None)


@pytest.mark.parametrize("text, holds", PYPROJECTS)
def test_prefilter_never_skips_a_table(text, holds):
    if holds:
        assert config._may_hold_table(text)


def test_prefilter_skips_a_project_named_newsclean():
    """This repository's own pyproject.toml names newsclean but holds no table."""
    from pathlib import Path

    ours = (Path(__file__).parent.parent / "pyproject.toml").read_text(encoding="utf-8")
    assert "newsclean" not in tomllib.loads(ours).get("tool", {})
    assert not config._may_hold_table(ours)
