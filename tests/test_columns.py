"""The columns stage: table layouts cut to the article's cell, other pages untouched."""

from __future__ import annotations

import json

import pytest

from newsclean.context import Context
from newsclean.document import Document
from newsclean.pipeline import Pipeline
from newsclean.stages.columns import cells, columns

from .helpers import SAMPLES, run_cli

ARTICLE = [
    "The harbour at Kilmore was closed on Monday after a storm",
    "damaged two of its piers, the coastguard said on Monday.",
    "Fishermen said they had not seen waves like it in years,",
    "and repairs could take several weeks, the council said.",
]


def fates(lines: list[str]) -> list[tuple[str, str]]:
    """For each line: ('keep', ''), ('cut', the written text) or ('drop', rule)."""
    doc = Document.from_text("\n".join(lines))
    columns(doc, Context(language="en"))
    out = []
    for ln in doc.lines:
        if ln.removal is not None:
            out.append(("drop", ln.removal.rule))
        elif ln.cut is not None:
            out.append(("cut", ln.written.strip()))
        else:
            out.append(("keep", ""))
    return out


@pytest.mark.parametrize(
    "line, expected",
    [
        ("Home      The article.   More", [(0, "Home"), (10, "The article."), (25, "More")]),
        ("  Indented  two spaces are not a gap.", [(2, "Indented  two spaces are not a gap.")]),
        ("", []),
        ("      ", []),
        ("Only one cell", [(0, "Only one cell")]),
    ],
)
def test_cells(line, expected):
    assert cells(line) == expected


def test_a_menu_column_beside_the_article_is_cut_away():
    menu = ["Home", "News", "Sport", "Weather"]
    result = fates([f"{m:<16}{a}" for m, a in zip(menu, ARTICLE)])
    assert result == [("cut", a) for a in ARTICLE]


def test_a_price_column_on_the_right_is_cut_away():
    prices = ["Wheat   212.40  +1.2%", "Barley  188.10  -0.4%", "Oats    150.00  +0.1%", "Rye     170.20  -0.9%"]
    result = fates([f"{a:<64}{p}" for a, p in zip(ARTICLE, prices)])
    assert result == [("cut", a) for a in ARTICLE]


def test_a_menu_row_inside_the_article_run_goes():
    lines = [f"{'Home':<16}{ARTICLE[0]}", f"{'News':<16}{ARTICLE[1]}", f"{'Sport':<16}",
             f"{'Weather':<16}{ARTICLE[2]}", f"{'Jobs':<16}{ARTICLE[3]}"]
    assert fates(lines)[2] == ("drop", "off-column")


def test_a_page_without_a_table_layout_is_untouched():
    lines = ARTICLE + ["", "Home | News | Sport", "Share   Tweet   Email"]
    assert fates(lines) == [("keep", "")] * len(lines)


def test_a_sentence_in_a_side_cell_is_not_cut():
    # two cells that both read as prose: not a menu beside the article
    other = ["The mayor said the work would begin in the spring of next year.",
             "Residents have been asked to keep clear of the sea wall for now.",
             "The ferry to the islands will sail from the old pier instead.",
             "A public meeting will be held in the community hall on Friday."]
    result = fates([f"{a:<64}{o}" for a, o in zip(ARTICLE, other)])
    assert all(fate == "keep" for fate, _ in result)


def test_a_short_table_is_left_whole():
    # fewer than three lines with side-by-side cells: not a layout to judge
    assert fates([f"{'Home':<16}{ARTICLE[0]}", ARTICLE[1]]) == [("keep", ""), ("keep", "")]


def test_the_sample_layout_and_its_explanation():
    raw = SAMPLES / "reservoir-w3m-columns.raw.txt"
    out = Pipeline().clean(raw.read_text(encoding="utf-8"))
    assert "Home" not in out and "MARKET WATCH" not in out and "Wheat" not in out
    assert "Work to raise the dam at Carrow reservoir will begin in March, the water company said" in out
    explain = run_cli("--explain", raw).stderr.decode()
    assert "cut columns:side-cell" in explain and "drop columns:off-column" in explain


def test_json_names_each_cut_line():
    raw = SAMPLES / "reservoir-w3m-columns.raw.txt"
    record = json.loads(run_cli("-f", "json", raw).stdout)
    cut = {c["line"]: c for c in record["cut"]}
    assert cut[9] == {"line": 9, "kept": "Work to raise the dam at Carrow reservoir will begin in March,",
                      "stage": "columns", "rule": "side-cell"}


def test_cleaning_the_cut_output_again_changes_nothing():
    raw = (SAMPLES / "reservoir-w3m-columns.raw.txt").read_text(encoding="utf-8")
    once = Pipeline().clean(raw)
    assert Pipeline().clean(once) == once
