"""The content classifier: its signals, one by one, and its decisions on whole pages."""

from __future__ import annotations

import pytest

from newsclean.document import Document
from newsclean.pipeline import Pipeline
from newsclean.signals import Signal
from newsclean.stages import content as C
from newsclean.stages.content import features as F
from newsclean.stages.content import model as M

OWN = C.FEATURES[:16]


def signals(text: str, lang: str = "en") -> dict[str, float]:
    doc = Document.from_text(text)
    units = C.build_units(doc, None)
    assert len(units) == 1
    return dict(zip(OWN, F._own(units[0], lang)))


@pytest.mark.parametrize(
    "text, name, expected",
    [
        ("World", "short", 1.0),
        ("The council met on Tuesday to discuss the budget.", "short", 0.0),
        ("The council met on Tuesday to discuss the budget.", "terminal", 1.0),
        ("“We will win,” she said.”", "terminal", 1.0),
        ("Il a dit : « Nous gagnerons »", "terminal", 1.0),
        # German, Polish and Czech quotes close with “ and ‘; German's »…« with «
        ("Der Wirt sagte: „Wir öffnen im Mai wieder.“", "terminal", 1.0),
        ("Er nannte es ‚einen Versuch.‘", "terminal", 1.0),
        ("Sie rief: »Das war knapp!«", "terminal", 1.0),
        ("More stories from the region", "terminal", 0.0),
        ("   * Sport", "bullet", 1.0),
        ("   • Weather", "bullet", 1.0),
        ("Sport, weather and traffic.", "bullet", 0.0),
        ("Home | World | Sport | Business", "separators", 0.75),
        ("BREAKING NEWS TODAY", "upper", 1.0),
        ("Published: January 9, 2008", "date", 1.0),
        ("Updated 12.03.2021", "date", 1.0),
        ("Every word Is Capitalised Here", "capitalised", 4 / 5),
        ("   * Photos        Allardyce started his career at Blackpool and moved on.", "columns", 1.0),
        ("News  Politics  Schools  Health", "gaps", 0.75),
        ("A sentence with  one double space.", "gaps", 1 / 6),
    ],
)
def test_signal(text, name, expected):
    assert signals(text)[name] == pytest.approx(expected)


def test_stopword_density_uses_the_language():
    en = "The mayor said that the bridge would be closed for the winter."
    de = "Der Bürgermeister sagte, dass die Brücke im Winter geschlossen wird."
    assert signals(en, "en")["stopwords"] > 0.3
    assert signals(de, "de")["stopwords"] > 0.3
    assert signals(de, "en")["stopwords"] < 0.15


def test_wrapped_lines_form_one_unit():
    lines = [
        "   The council voted on Tuesday to close the old bridge to all traffic, a",
        "   decision that will add twenty minutes to the journeys of thousands of",
        "   commuters, according to figures the council published last month.",
        "",
        "   * Sport",
    ]
    units = C.build_units(Document.from_text("\n".join(lines)), 74)
    assert [len(u.lines) for u in units] == [3, 1]


def test_main_cell_of_a_table_line():
    assert F.main_cell("  Real Estate        Leno is involved in a separate dispute.") == (
        "Leno is involved in a separate dispute."
    )
    assert F.main_cell("No columns here, just  a double space.") == "No columns here, just  a double space."


ARTICLE = [
    "The harbour at Kilmore was closed on Monday after a storm damaged two of its piers, "
    "and the coastguard said boats should stay in port until engineers had inspected them.",
    "Fishermen said they had not seen waves like it in twenty years. \"The water came over "
    "the wall as if it was not there,\" said one skipper, who has worked from the port since 1998.",
    "The county council said repairs could take several weeks and would cost more than the "
    "harbour's whole maintenance budget for the year, which was set in March.",
    "A public meeting will be held in the community hall on Thursday evening, where the "
    "harbour master is expected to answer questions from boat owners and residents.",
]
MENU = ["Home", "News", "Local", "Sport", "Business", "Entertainment", "Weather", "Jobs",
        "Motors", "Property", "Announcements", "Contact us"]
TEASERS = ["Council approves new ferry timetable", "Three injured in crash on coast road",
           "Kilmore band wins regional final", "School roof repair delayed again"]


def page(*blocks: list[str]) -> str:
    return "\n\n".join("\n".join(b) for b in blocks) + "\n"


def test_article_kept_menu_and_teasers_removed():
    raw = page(MENU, ["Storm closes Kilmore harbour"], *[[p] for p in ARTICLE], ["Most popular"], TEASERS)
    out = Pipeline().clean(raw)
    for paragraph in ARTICLE:
        assert paragraph in out
    assert "Storm closes Kilmore harbour" in out  # the headline stays
    for line in MENU + TEASERS:
        assert line not in out.split("\n")


GUIDE_TOP = [
    "Walking the coast path from Kilmore to Carne takes most of a day, and the views over the "
    "islands make it one of the finest walks in the county for anyone who can manage the climbs.",
    "Before you set off, check the tide tables: two stretches of the path run along the beach "
    "and cannot be passed for an hour either side of high water.",
    "What to bring:",
]
PACKING = ["* Boots with a good grip, as the rocks are wet all year.", "* A rain jacket and a warm layer.",
           "* Water and food for the whole day.", "* A paper map of the coast.", "* A charged phone."]
GUIDE_MID = [
    "The path is waymarked with yellow arrows, but the signs are sparse between the old pier "
    "and the lighthouse, where most walkers who get lost leave the trail by mistake.",
    "Guided walks",
    "The heritage group leads walks on these dates, all starting at the harbour car park:",
]
DATES = ["Saturday 4 May: Kilmore to the lighthouse", "Sunday 19 May: the cliff loop",
         "Saturday 8 June: Kilmore to Carne", "Sunday 23 June: the bird reserve"]
GUIDE_END = [
    "Places are free but limited to twenty walkers, and the group asks everyone to book at the "
    "library a week ahead so that the guides know how many people to expect.",
]


def test_lists_subheads_and_dates_inside_a_guide_are_kept_with_it():
    raw = page(MENU, ["A day on the Kilmore coast path"], *[[p] for p in GUIDE_TOP], PACKING,
               *[[p] for p in GUIDE_MID], DATES, *[[p] for p in GUIDE_END], ["Most popular"], TEASERS)
    out = Pipeline().clean(raw)
    for line in GUIDE_TOP + GUIDE_MID + GUIDE_END + [p[2:] for p in PACKING] + DATES:
        assert line in out
    for line in MENU + TEASERS:
        assert line not in out.split("\n")


JA_MENU = ["ホーム", "ニュース", "スポーツ", "経済", "天気", "エンタメ", "地域", "お問い合わせ"]
JA_TOP = ["海岸沿いの遊歩道は、港から灯台までおよそ三時間かかり、晴れた日には沖の島々までよく見渡せる。",
          "満潮の前後一時間は浜辺の区間を通れないため、出発前に潮の時刻を必ず確かめてほしい。",
          "持ち物："]
JA_LIST = ["・滑りにくい靴", "・雨具と防寒着", "・一日分の水と食料", "・紙の地図"]
JA_END = ["案内板は古い桟橋と灯台の間で少なくなるので、道に迷わないよう地図で位置を確かめながら歩くとよい。",
          "地元の保存会は五月と六月の週末にガイド付きの散策を行っており、参加は無料だが事前の申し込みが必要だ。"]


def test_a_list_inside_a_japanese_article_is_kept_with_it():
    raw = page(JA_MENU, ["港から灯台へ、海岸の道を歩く"], *[[p] for p in JA_TOP], JA_LIST, *[[p] for p in JA_END])
    out = Pipeline().clean(raw)
    for line in JA_TOP + JA_LIST + JA_END:
        assert line in out
    for line in JA_MENU:
        assert line not in out.split("\n")


def test_every_content_removal_names_its_signal():
    raw = page(MENU, *[[p] for p in ARTICLE], TEASERS)
    doc = Pipeline().run(raw)
    rules = {ln.removal.rule.split(":")[0] for ln in doc.lines if ln.removal and ln.removal.stage == "content"}
    assert rules and rules <= {"outside-article", "low-content"}
    for ln in doc.lines:
        if ln.removal and ln.removal.stage == "content":
            float(ln.removal.rule.split(":")[1].split()[0])  # the unit's score is in the rule


def test_article_split_by_a_block_keeps_both_halves():
    videos = ["Video", "Watch: storm hits the coast", "Watch: harbour wall collapses", "Watch: clean-up begins",
              "More videos", "Photo gallery", "Weather warnings", "Traffic news"]
    raw = page(MENU, [ARTICLE[0]], [ARTICLE[1]], videos, [ARTICLE[2]], [ARTICLE[3]], TEASERS)
    out = Pipeline().clean(raw)
    for paragraph in ARTICLE:
        assert paragraph in out


def test_cleaning_twice_changes_nothing():
    raw = page(MENU, ["Storm closes Kilmore harbour"], *[[p] for p in ARTICLE], ["Related stories"], TEASERS)
    p = Pipeline()
    once = p.clean(raw)
    assert p.clean(once) == once


def test_short_line_between_paragraphs_is_kept():
    raw = page([ARTICLE[0]], ["Why it matters"], [ARTICLE[1]], [ARTICLE[2]])
    assert "Why it matters" in Pipeline().clean(raw)


def test_generated_model_matches_the_features():
    model = M.MODEL
    assert model.features == C.FEATURES and model.params["bias"] > 0
    row = [0.0] * len(C.FEATURES)
    assert 0.0 <= M._sigmoid(model.first(row)) <= 1.0


def test_generated_model_is_what_the_generator_writes():
    """_model.py is model_source()'s output under the generated-by header: the trees read
    back from it and written again give the same file, byte for byte."""
    from pathlib import Path

    from newsclean.stages.content import _model

    text = Path(_model.__file__).read_text(encoding="utf-8")
    assert text.startswith("# generated by tools/train.py")
    assert "exec(" not in text
    body = text[text.index("FEATURES = ") :]
    data = {"features": _model.FEATURES, "context_features": _model.CONTEXT_FEATURES, "params": _model.PARAMS}
    assert M.model_source({**data, "first": {"init": 0.0, "trees": []}, "second": {"init": 0.0, "trees": []}}).startswith(
        body[: body.index("def first")]
    )


def test_comment_section_without_a_heading_ends_the_article():
    comments = []
    for i, name in enumerate(["Ann", "Bill", "Carla"], 1):
        comments.append([f"I have lived in Kilmore for {20 + i} years and the harbour wall has always "
                         "needed work; the council should have acted long before this storm came."])
        comments.append([f"Posted by {name} on March {i}, 2024 at 10:1{i} AM"])
    raw = page(MENU, *[[p] for p in ARTICLE], *comments)
    out = Pipeline().clean(raw)
    for paragraph in ARTICLE:
        assert paragraph in out
    assert "Posted by" not in out
    assert "have lived in Kilmore for 22 years" not in out


def _selected(probs: list[float], words: list[int], params: dict) -> list[bool]:
    """Run select() over one-line units with these probabilities and lengths (a unit
    of fewer than ten words is a list item)."""
    text = "\n\n".join(("* " if n < 10 else "") + " ".join(["word"] * n) for n in words)
    doc = Document.from_text(text)
    units = C.build_units(doc, None)
    assert len(units) == len(probs)
    for u, p in zip(units, probs):
        u.prob = p
    C.select(doc, units, params)
    return [all(line.removal is None for line in u.lines) for u in units]


@pytest.mark.parametrize("near, lede_kept", [(0, False), (20, True)])
def test_a_lede_above_a_sidebar_box_needs_less_when_near(near, lede_kept):
    # a two-paragraph lede, a box of fifteen teaser links, then the rest of the article
    probs = [0.5, 0.3] + [0.05] * 15 + [0.95] * 8
    words = [40, 40] + [5] * 15 + [80] * 8
    params = {"bias": 0.15, "low": 0.05, "second": 0.3, "strong": 0.85, "near": near, "near_share": 0.1}
    kept = _selected(probs, words, params)
    assert kept[:2] == [lede_kept, lede_kept]
    assert not any(kept[2:17])  # the box goes either way
    assert all(kept[17:])


# Article-internal structure (issue 12): a list, a schedule or a table between the
# article's prose and more prose below it is article text, however low its items score.
LIST = ["* Kilmore Sailing Club, slipway beside the lifeboat station",
        "* Harbour Road car park, open from six in the morning",
        "* The old fish market, now the visitor centre",
        "* North pier steps, for foot passengers only"]
CLOSING = "Boat owners with questions about their moorings can call the harbour office on weekdays."
FOOTER = ["About us", "Advertise", "Privacy policy", "Terms of use"]


def _region(
    *blocks: list[str],
    removed: tuple[str, ...] = (),
    confident: tuple[str, ...] = (),
    nav: tuple[str, ...] = (),
    layout: tuple[str, ...] = (),
    credit: tuple[str, ...] = (),
) -> str:
    """Score the units as the model scores such pages (the article's paragraphs
    confident, everything else low), choose the region, and return what is kept:
    the region logic on its own, whatever a later model makes of these lines.
    ``removed`` lines go as a share row, ``nav`` lines as a menu's word, ``layout``
    lines as a layout leftover, ``credit`` lines as a photo credit."""
    doc = Document.from_text(page(*blocks))
    for line in doc.lines:
        if line.text in removed:  # as the boilerplate stages name a share row
            doc.remove(line, "boilerplate-lines", "phrase:share", Signal.MENU_PHRASE)
        elif line.text in nav:  # ... and a lone navigation word
            doc.remove(line, "boilerplate-lines", "phrase:navigation", Signal.MENU_PHRASE)
        elif line.text in layout:  # ... and a layout leftover (a mangled icon)
            doc.remove(line, "boilerplate-lines", "phrase:layout", Signal.MENU_PHRASE)
        elif line.text in credit:  # ... and a photo credit
            doc.remove(line, "boilerplate-sentences", "pattern:credit")
    units = C.build_units(doc, None)
    rows = F.unit_features(units, "en")
    for u in units:
        u.prob = 0.95 if u.text in ARTICLE or u.text in confident else 0.03
    params = {"bias": 0.12, "low": 0.02, "second": 0.3, "strong": 0.7}
    C.select(doc, units, params, prose=[F.is_prose(r) for r in rows])
    return "\n".join(line.text for line in doc.lines if line.removal is None and line.text)


def test_a_list_between_the_prose_of_the_article_is_kept():
    kept = _region(MENU, ["Storm closes Kilmore harbour for the rest of the week"], [ARTICLE[0]], [ARTICLE[1]], LIST, [CLOSING], FOOTER)
    for line in LIST + [CLOSING]:
        assert line in kept
    for line in FOOTER + MENU:
        assert line not in kept.split("\n")


def test_an_introduced_run_of_lines_is_kept_without_bullets():
    intro = "The new landing points for the ferry are these, from north to south:"
    schedule = [item[2:] for item in LIST]
    kept = _region(
        MENU, ["Storm closes Kilmore harbour for the rest of the week"], [ARTICLE[0]], [ARTICLE[1]], [intro],
        schedule, [CLOSING], FOOTER, confident=(intro,),
    )
    for line in schedule + [CLOSING]:
        assert line in kept


@pytest.mark.parametrize(
    "between",
    [
        ["Share this article", *LIST],  # named debris: the article has ended
        ["March 4, 2026", *LIST],  # a teaser's date stamp
        [item[2:] for item in LIST],  # headlines in a box, neither a list nor introduced
    ],
)
def test_a_box_after_the_article_is_not_taken_for_structure(between):
    kept = _region(MENU, ["Storm closes Kilmore harbour for the rest of the week"], [ARTICLE[0]], [ARTICLE[1]], between, [CLOSING], FOOTER, removed=("Share this article",))
    assert CLOSING not in kept
    for line in between:
        assert line not in kept.split("\n")


def test_a_list_above_the_region_with_prose_above_it_is_kept():
    lede = "The harbour office published a list of the landing points that stay open while the piers are repaired."
    kept = _region(MENU, ["Storm closes Kilmore harbour for the rest of the week"], [lede], LIST, *[[p] for p in ARTICLE], FOOTER)
    for line in [lede, *LIST, "Storm closes Kilmore harbour for the rest of the week"]:
        assert line in kept
    for line in MENU:
        assert line not in kept.split("\n")


FERRIES = {
    "The Island Queen": ["* Carries 40 cars and 300 passengers", "* Crosses in fifty minutes",
                         "* Runs every two hours in summer"],
    "The Kilmore Star": ["* Carries 12 cars and 120 passengers", "* Crosses in seventy minutes",
                         "* Runs twice a day all year"],
    "The Saltee Belle": ["* Foot passengers and bicycles only", "* Crosses in forty minutes",
                         "* Runs on weekends from May"],
}


def test_a_subhead_repeated_in_each_section_does_not_end_the_article():
    # "Features" is a menu word, and here the subhead of each ferry's section
    sections = [block for name, items in FERRIES.items() for block in ([name], ["Features"], items)]
    kept = _region(MENU, ["Storm closes Kilmore harbour for the rest of the week"], [ARTICLE[0]], [ARTICLE[1]],
                   *sections, [CLOSING], FOOTER, nav=("Features",))
    for line in [*FERRIES, *(item for items in FERRIES.values() for item in items), CLOSING]:
        assert line in kept


def test_a_lone_menu_word_after_the_article_still_ends_it():
    promo = ["Subscribe", "* Daily news in your inbox", "* The weekend magazine", "* Puzzles and games",
             "Readers who subscribe before March get the first three months of the newsletter at half price."]
    kept = _region(MENU, ["Storm closes Kilmore harbour for the rest of the week"], [ARTICLE[0]], [ARTICLE[1]],
                   promo, FOOTER, nav=("Subscribe",))
    for line in promo[1:]:
        assert line not in kept.split("\n")


def test_a_share_row_at_the_region_end_does_not_stop_the_list_above_it():
    lede = "The harbour office published a list of the landing points that stay open while the piers are repaired."
    kept = _region(MENU, ["Storm closes Kilmore harbour for the rest of the week"], [lede], LIST, *[[p] for p in ARTICLE[:3]],
                   ["Share this article"], [ARTICLE[3]], FOOTER, removed=("Share this article",))
    for line in [lede, *LIST]:
        assert line in kept


STALLS = [f"* Stall {i}: {goods}" for i, goods in enumerate(
    ["fresh fish", "smoked mackerel", "oysters and mussels", "crab claws", "lobster rolls",
     "seaweed bread", "sea salt", "fish cakes", "chowder", "pickled herring"] * 4, 1)]


def test_a_long_list_between_two_parts_of_the_article_is_kept_whole():
    # forty items without a sentence among them: too heavy to bridge, but the article's
    # prose stands on both sides and nothing named as debris stands between
    intro = "The traders who will sell from the quay while the market hall is closed are these:"
    kept = _region(MENU, ["Storm closes Kilmore harbour for the rest of the week"], [ARTICLE[0]], [ARTICLE[1]], [intro],
                   STALLS, [ARTICLE[2]], [ARTICLE[3]], FOOTER, confident=(intro,))
    for line in STALLS + ARTICLE:
        assert line in kept
    for line in MENU + FOOTER:
        assert line not in kept.split("\n")


def test_a_long_list_before_the_last_paragraph_is_kept():
    # sixty items without a sentence among them, then the article's last paragraph
    intro = "The traders who will sell from the quay while the market hall is closed are these:"
    stalls = [f"* Stall {i}: {goods}" for i, goods in enumerate(
        ["fresh fish", "smoked mackerel", "oysters", "crab claws", "lobster rolls", "sea salt"] * 10, 1)]
    kept = _region(MENU, ["Storm closes Kilmore harbour for the rest of the week"], [ARTICLE[0]], [ARTICLE[1]], [intro],
                   stalls, [CLOSING], FOOTER, confident=(intro,))
    for line in [*stalls, CLOSING]:
        assert line in kept
    for line in FOOTER:
        assert line not in kept.split("\n")


def test_a_series_of_dated_figures_is_not_taken_for_stamps():
    # a date stamp alone ends the walk (a teaser's date); dates one under the other
    # are a column of figures
    intro = "The harbour gauge read as follows in the week of the storm, in metres:"
    readings = [f"{day}/3/2026 {level}" for day, level in zip(range(1, 9), ["2.41", "2.38", "3.90", "4.12", "3.75", "2.90", "2.52", "2.47"])]
    kept = _region(MENU, ["Storm closes Kilmore harbour for the rest of the week"], [ARTICLE[0]], [ARTICLE[1]], [intro],
                   readings, [CLOSING], FOOTER, confident=(intro,))
    for line in [*readings, CLOSING]:
        assert line in kept


def test_a_comment_thread_heavier_than_a_short_article_is_not_taken_for_it():
    """A short post, a list of links, then a long thread of comments, each stamped to
    the minute ("Ann May 3, 2024 at 9:15 pm") with no "Posted by" or heading: the
    post is the article, not the thread that outweighs it."""
    post = [ARTICLE[0], ARTICLE[1]]
    names = ["Ann Boyle", "Bill Crane", "Carla Diaz", "Dev Patel", "Eoin Flynn", "Fay Gold", "Gus Hart", "Ida Ives"]
    thread = []
    bodies = [
        "I grew up two streets from that harbour and my father fished out of it for forty years, so "
        "it hurts to see the piers like this; the wall was patched every winter but never properly rebuilt.",
        "The council knew about the cracks in the north pier for at least three years and did nothing, "
        "and now they act surprised that a storm finished the job the sea had started long ago.",
        "Does anyone know whether the ferry to the islands will still run from the old slip while "
        "the engineers are looking at the piers, or do we have to drive round to the next town?",
        "My brother keeps his boat there and says the damage is worse than the photographs show, "
        "because the foundations under the second pier moved and nobody can see that from the road.",
        "We were there on Sunday and the waves were coming right over the car park wall, which I have "
        "never seen before in all the years we have been going down to watch the boats come in.",
    ]
    for i, (name, body) in enumerate(zip(["Ann", "Bill", "Carla", "Dev", "Eoin"], bodies), 1):
        thread.append([f"{name} May {i + 2}, 2024 at {i + 1}:1{i} pm"])
        thread.append([body])
    raw = page(MENU, ["Storm closes Kilmore harbour"], *[[p] for p in post], [f"{i:02d}. {name}" for i, name in enumerate(names * 8, 1)], *thread)
    out = Pipeline().clean(raw)
    for paragraph in post:
        assert paragraph in out
    assert "council knew about the cracks" not in out


def test_the_standfirst_between_the_headline_and_the_byline_is_kept():
    """Headline, a one-sentence standfirst, the byline and the date, then the text: when
    the standfirst scores like a teaser (short, among short lines), it is still the
    article's first paragraph under its headline, and kept with it."""
    standfirst = "Two of the piers will need rebuilding, engineers say."
    text = "\n\n".join(
        [*MENU[:4], "Kilmore harbour shut after storm", standfirst, "By Ann Lee", "4 March 2026", *ARTICLE, *TEASERS]
    )
    doc = Document.from_text(text)
    units = C.build_units(doc, None)
    article = set(ARTICLE)
    for u in units:
        u.prob = 0.9 if u.text in article else 0.05
    C.select(doc, units, {"bias": 0.12}, prose=[u.text in article for u in units])
    kept = [line.text for line in doc.lines if line.text and line.removal is None]
    assert kept == ["Kilmore harbour shut after storm", standfirst, "By Ann Lee", "4 March 2026", *ARTICLE]


def test_a_standfirst_above_a_share_row_and_contents_is_kept_without_them():
    """Headline and standfirst, then a byline, a share row and a table of contents, then
    the text: the headline and the standfirst are the article's, the lines between are not."""
    standfirst = "Engineers say two of the piers will need rebuilding before the boats can return."
    between = ["By Ann Lee", "4 March 2026", "Share", "Email", "Print", "Contents", "* The storm", "* The repairs"]
    text = "\n\n".join([*MENU[:4], "Kilmore harbour shut after storm", standfirst, *between, *ARTICLE, *TEASERS])
    doc = Document.from_text(text)
    units = C.build_units(doc, None)
    for u in units:
        u.prob = 0.9 if u.text in ARTICLE else 0.05
    C.select(doc, units, {"bias": 0.12}, prose=[u.text in ARTICLE or u.text == standfirst for u in units])
    kept = [line.text for line in doc.lines if line.text and line.removal is None]
    assert kept == ["Kilmore harbour shut after storm", standfirst, *ARTICLE]


@pytest.mark.parametrize(
    "above",
    [
        ["About this site", "Kilmore News is a website run by volunteers who write about the harbour and the town."],
        ["Posts by tags", "Harbour (4) Storms (2) Ferries (3) Fishing (5) Council (2) Weather (6) Boats (1) Piers (2)."],
        # a picture's alt text with its caption in brackets, then the caption alone
        [
            "Harbour Storm Photo (Ann Lee watching the waves come over the wall of the old pier on Monday.)",
            "Ann Lee watching the waves come over the wall of the old pier on Monday.",
        ],
    ],
)
def test_a_box_above_the_article_is_not_taken_for_its_standfirst(above):
    """A box's name and its blurb (or a tag list, or a picture's title and caption)
    above the byline and the share row: no headline of the article (a name of three
    words, a list's counts, a line that holds the paragraph under it), no standfirst."""
    between = ["By Ann Lee", "Share", "Email", "Print"]
    text = "\n\n".join([*MENU[:4], *above, *between, *ARTICLE, *TEASERS])
    doc = Document.from_text(text)
    units = C.build_units(doc, None)
    for u in units:
        u.prob = 0.9 if u.text in ARTICLE else 0.05
    C.select(doc, units, {"bias": 0.12}, prose=[u.text in ARTICLE or u.text == above[1] for u in units])
    kept = [line.text for line in doc.lines if line.text and line.removal is None]
    assert kept == ARTICLE
