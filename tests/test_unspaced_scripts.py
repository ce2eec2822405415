"""Scripts written without spaces (Chinese, Japanese) in the stages that count words and
sentence ends: a paragraph of Japanese is one or two tokens to a tokenizer, and 。！？
end its sentences. Made-up text (never eval pages)."""

from __future__ import annotations

from newsclean.context import Context
from newsclean.document import Document
from newsclean.pipeline import Pipeline
from newsclean.stages.boilerplate import boilerplate_lines, boilerplate_sentences, layout
from newsclean.stages.content.features import build_units
from newsclean.stages.furniture import furniture

JA_SENTENCE = "町は来年度、二隻目の船を購入する計画を示しており、点検の間も運航を続けたいとしている。"
JA_ARTICLE = [
    "島と本土の港を結ぶフェリーが、例年より約一か月早い五月上旬に運航を再開することになった。"
    "町の担当者が十七日、桟橋の点検と船の確認を終えたうえで明らかにした。",
    "副町長によると、今年は海氷が早く解け、エンジンの修理も三月中に終わったため、前倒しが可能に"
    "なったという。フェリーは一日八往復し、週末には夕方の便を二便追加する。",
    "島の住民は以前から運航期間の延長を求めていた。フェリーが止まっている間は、本土の病院や学校に"
    "通うのに橋を回って六十キロ以上走らなければならなかった。",
    JA_SENTENCE,
]
ZH_ARTICLE = [
    "连接海岛与大陆港口的渡轮将于五月初恢复运营，比往年提前约一个月。县交通部门负责人十七日在完成"
    "码头检查后宣布了这一消息。",
    "据副县长介绍，今年海冰融化较早，发动机维修也在三月份完成，因此运营得以提前。渡轮每天往返八次，"
    "周末还将增开两班傍晚航班。",
    "岛上居民多年来一直要求延长运营期。渡轮停运期间，他们前往大陆的医院和学校需要绕道大桥，行驶"
    "六十多公里，老人和学生尤其不便。",
]


def _run(text: str, lang: str, *stages) -> Document:
    doc = Document.from_text(text)
    ctx = Context(language=lang)
    for stage in stages:
        stage(doc, ctx)
    return doc


def test_a_paragraph_of_japanese_counts_its_characters_as_words():
    units = build_units(Document.from_text(JA_SENTENCE + "\n\nホーム\n"), None)
    assert units[0].size >= 20
    assert units[1].size == 2


def test_a_japanese_sentence_in_a_menu_block_is_no_menu_item():
    # a block of menu phrases without a blank line before the article's first sentence:
    # the block's short items go, a sentence ending in 。 is no short item
    block = ["ホーム", "ニュース", "政治", "経済", "社会", JA_SENTENCE]
    doc = _run("\n".join(block) + "\n", "ja", boilerplate_lines)
    assert doc.lines[-2].removal is None or doc.lines[-2].removal.rule != "menu-block"
    kept = [line.text for line in doc.lines if line.removal is None and line.text]
    assert JA_SENTENCE in kept
    assert "ホーム" not in kept


def test_a_wrapped_japanese_sentence_end_is_not_a_menu_phrase():
    # the last line of a hard-wrapped paragraph ("...した。") is judged with its paragraph
    first = "島と本土の港を結ぶフェリーが、例年より約一か月早い五月上旬に運航を再開"
    doc = _run(first + "\nコメント。\n", "ja", layout, boilerplate_sentences, boilerplate_lines)
    assert [line.removal for line in doc.lines[:2]] == [None, None]


def test_a_japanese_caption_printed_twice_goes_once():
    alt = "桟橋を点検する町の職員たちと修理を終えたフェリー"
    page = [*JA_ARTICLE[:2], alt, alt + "（写真：町役場提供）", *JA_ARTICLE[2:]]
    doc = _run("\n\n".join(page) + "\n", "ja", furniture)
    removed = [(line.text, line.removal.rule) for line in doc.removed()]
    assert removed == [(alt, "caption-repeated")]


def test_japanese_and_chinese_articles_are_kept_whole_under_menus_and_teasers():
    for lang, article, menu, related in (
        ("ja", JA_ARTICLE, "ホーム | ニュース | 政治 | 経済 | 社会", ["関連記事", "港の防波堤、夏までに修復へ", "春の大潮に注意"]),
        ("zh", ZH_ARTICLE, "首页 | 新闻 | 国内 | 国际 | 财经", ["相关阅读", "港口防波堤夏季前修复完成", "春季大潮来临"]),
    ):
        page = "\n\n".join([menu, *article, *related]) + "\n"
        out = Pipeline().clean(page)
        for paragraph in article:
            assert paragraph in out, lang
        assert related[1] not in out, lang


def test_a_hard_wrapped_japanese_paragraph_is_joined_without_spaces():
    # lynx at 80 columns wraps Japanese inside words: the line end is no space
    paragraph = JA_ARTICLE[0] + JA_ARTICLE[1]
    wrapped = [paragraph[i : i + 38] for i in range(0, len(paragraph), 38)]
    page = "\n".join(["   " + w for w in wrapped]) + "\n\n   " + JA_SENTENCE + "\n"
    out = Pipeline().clean(page)
    assert paragraph in out
