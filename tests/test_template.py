"""Corpus mode: learning a site's template from a folder and using it."""

from __future__ import annotations

import json
import random
import subprocess
import sys

import pytest

from newsclean.pipeline import Pipeline
from newsclean.template import Template, normalise

HEADER = [
    "The Riverside Courier | Your town, every day",
    "Local · Sport · Business · Weather · Obituaries · Letters",
    "Updated 08:15 on 3 March",
]
FOOTER = [
    "Tips? Write to the newsroom at tips@courier.example",
    "Courier Media Group, 12 Mill Street, Riverside",
    "Read our community guidelines before you comment",
]
SUBJECTS = ["The council", "A local baker", "The river authority", "Two teachers", "The football club",
            "A retired nurse", "The library", "Shop owners"]
VERBS = ["announced", "questioned", "celebrated", "delayed", "opposed", "welcomed", "reviewed"]
OBJECTS = ["a plan to rebuild the footbridge", "the new parking rules", "a grant for the school roof",
           "the opening of the market hall", "a petition about bus routes", "the summer festival programme"]


def synthetic_page(i: int) -> str:
    """A page of an invented site: shared header and footer, an article of its own."""
    rng = random.Random(i)
    paragraphs = []
    for _ in range(4):
        sentences = [
            f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} on day {rng.randint(1, 28)}, "
            f"and {rng.randint(2, 90)} residents came to hear why."
            for _ in range(3)
        ]
        paragraphs.append(" ".join(sentences))
    header = list(HEADER)
    header[2] = f"Updated {rng.randint(10, 23)}:{rng.randint(10, 59)} on {rng.randint(1, 28)} March"
    headline = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}"
    return "\n\n".join(header + [headline] + paragraphs + FOOTER) + "\n"


@pytest.fixture
def site(tmp_path):
    folder = tmp_path / "site"
    folder.mkdir()
    for i in range(12):
        (folder / f"page{i:02d}.txt").write_text(synthetic_page(i), encoding="utf-8")
    return folder


def test_normalise_folds_digits_and_case():
    assert normalise("Updated 08:15 on 3 March") == normalise("updated 21:47 ON 9 march")


def test_learn_finds_the_shared_lines_only(site):
    texts = [p.read_text(encoding="utf-8") for p in sorted(site.iterdir())]
    tpl = Template.learn(texts, min_docs=5)
    assert tpl.documents == 12
    for line in HEADER + FOOTER:
        assert tpl.lookup(line) == 12, line
    # article sentences are unique to their page
    first_article_line = texts[0].split("\n\n")[4]
    assert tpl.lookup(first_article_line) == 0


def test_learning_is_deterministic(site, tmp_path):
    texts = [p.read_text(encoding="utf-8") for p in sorted(site.iterdir())]
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    Template.learn(texts, min_docs=3).dump(str(a))
    Template.learn(list(reversed(texts)), min_docs=3).dump(str(b))
    assert a.read_bytes() == b.read_bytes()


def test_threshold_is_respected():
    texts = ["shared line\nunique " + w for w in ("alpha", "beta", "gamma", "delta")]
    assert Template.learn(texts, min_docs=4).lookup("shared line") == 4
    assert Template.learn(texts, min_docs=5).lookup("shared line") == 0
    assert Template.learn(texts, min_docs=1, min_share=0.9).lookup("unique beta") == 0


def test_template_stage_removes_recurring_lines_and_keeps_the_article(site):
    texts = [p.read_text(encoding="utf-8") for p in sorted(site.iterdir())]
    tpl = Template.learn(texts, min_docs=5)
    doc = Pipeline(template=tpl).run(texts[3])
    removed = {ln.text: ln.removal for ln in doc.lines if ln.removal is not None}
    for line in FOOTER:
        assert removed[line].stage == "template"
        assert removed[line].rule.startswith("recurring:")
    out = Pipeline(template=tpl).clean(texts[3])
    for paragraph in texts[3].split("\n\n")[4:8]:
        assert paragraph.strip() in out


def test_load_rejects_other_files(tmp_path):
    from newsclean.files import InputError

    bad = tmp_path / "x.json"
    bad.write_text(json.dumps({"format": "something-else"}))
    with pytest.raises(InputError, match="not a newsclean template"):
        Template.load(str(bad))


def _newsclean(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "newsclean", *args], capture_output=True, text=True, cwd=cwd, timeout=120
    )


def test_cli_learn_then_clean_with_template(site, tmp_path):
    tpl_path = tmp_path / "site.template.json"
    r = _newsclean("--learn-template", str(tpl_path), "--min-docs", "5", str(site))
    assert r.returncode == 0, r.stderr
    assert "learned" in r.stderr and "12 documents" in r.stderr
    data = json.loads(tpl_path.read_text())
    assert data["documents"] == 12
    r = _newsclean("--template", str(tpl_path), "--format", "json", str(site / "page05.txt"))
    assert r.returncode == 0, r.stderr
    removed = json.loads(r.stdout)["removed"]
    rules = {x["text"]: (x["stage"], x["rule"]) for x in removed}
    assert rules[FOOTER[0]][0] == "template"


def test_template_from_config_file(site, tmp_path):
    """The pre-commit hook reads the template from the project's configuration."""
    tpl_path = tmp_path / "site.template.json"
    Template.learn([p.read_text(encoding="utf-8") for p in site.iterdir()], min_docs=5).dump(str(tpl_path))
    (tmp_path / "newsclean.toml").write_text(f'template = "{tpl_path.name}"\n')
    target = site / "page07.txt"
    r = _newsclean("--format", "json", str(target), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    stages = {x["stage"] for x in json.loads(r.stdout)["removed"]}
    assert "template" in stages
