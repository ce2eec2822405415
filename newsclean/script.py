"""Signals for scripts written without spaces: Chinese and Japanese.

The content classifier counts words, sentences and stopwords. In Chinese or Japanese a
"word" as a tokenizer sees it (a run of word characters) is a whole clause, so a long
paragraph looks like a menu item of three words, and the paragraph's stopwords (its
particles) are inside those runs. These functions count what stands for words and
stopwords there: characters (about two to a word) and the function characters that
prose is full of and menus lack.

>>> words = ["市議会は火曜日", "新しい橋を春に開通させると発表した"]
>>> cjk_chars("市議会は火曜日、新しい橋を春に開通させると発表した。")
24
>>> word_count(words), word_count(["The", "harbour", "closed"])
(13, 3)
>>> sentence_count("市議会は発表した。工事は遅れている。"), ends_sentence("工事は遅れている。")
(2, True)
>>> round(function_share("市議会は火曜日、新しい橋を春に開通させると発表した。"), 2), function_share("ホーム ニュース 政治")
(0.42, 0.0)
"""

from __future__ import annotations

from .regexes import compile_pattern

# Han (with the compatibility block), Hiragana, Katakana and half-width Katakana: the
# characters of scripts written without spaces between words. (Hangul is written with
# spaces: Korean words are counted as words.)
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
# (The standard re module spends ~2 ms of start-up compiling this set's 30,000 code
# points into a bitmap; regex's engine code is generated, see newsclean.regexes.)
CJK_RE = compile_pattern(f"[{_CJK}]")

# Characters a word counts for in an unspaced script: Chinese words are one to two
# characters long, Japanese ones (with their particles and endings) two to three.
CHARS_PER_WORD = 2

# Sentence ends: the ideographic full stop and full-width ! and ?, which need no space
# after them; and the Latin ones followed by a space.
_FULL_STOPS = ("。", "！", "？")
TERMINAL = tuple('.!?…"”“»«\'’‘)։।。！？」』:;')  # “ ‘ «: the closing quotes of „…“ ‚…‘ »…«

# Function characters: Japanese particles and endings in Hiragana, and the commonest
# Chinese function words (one character each). Prose is full of them; menus, lists of
# headlines and names have few.
FUNCTION_CHARS = frozenset(
    "のにはをたがでてとしれさもないるかこよりだす"  # Japanese
    "的了是在和有也不这我他就人都一上中为与之而对等被将从于把着过个们说"  # Chinese
)


def cjk_chars(text: str) -> int:
    """How many characters of ``text`` are Han or kana."""
    return len(CJK_RE.findall(text)) if not text.isascii() else 0


def word_count(words: list[str] | tuple[str, ...]) -> int:
    """How many words the tokens stand for: a token without Han or kana counts one, a
    token with them one per CHARS_PER_WORD of those characters (at least one).

    >>> word_count(["東京", "2026", "ニュース速報です"])
    6
    """
    if all(map(str.isascii, words)):  # most text: one word a token, checked in C
        return len(words)
    n = 0
    for w in words:
        if w.isascii():
            n += 1
            continue
        k = len(CJK_RE.findall(w))
        n += max(1, -(-k // CHARS_PER_WORD)) if k else 1
    return n


def sentence_count(text: str) -> int:
    """Sentences in ``text``: Latin ends followed by a space, ideographic ends anywhere,
    and one more when the text ends a sentence without one of those last.

    >>> sentence_count("One. Two! Three"), sentence_count("一。二！三？"), sentence_count("One. Two.")
    (2, 3, 2)
    """
    n = text.count(". ") + text.count("? ") + text.count("! ")
    if not text.isascii():
        n += sum(text.count(c) for c in _FULL_STOPS)
        if text.rstrip().endswith(_FULL_STOPS):
            return n
    return n + (1 if ends_sentence(text) else 0)


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends as a sentence or a paragraph does, in any script."""
    return text.rstrip().endswith(TERMINAL)


def function_share(text: str) -> float:
    """Share of the Han and kana characters of ``text`` that are function characters
    (particles, endings, the commonest function words): the unspaced scripts'
    stopword density. 0.0 for a text without such characters."""
    if text.isascii():
        return 0.0
    chars = CJK_RE.findall(text)
    if not chars:
        return 0.0
    return sum(1 for c in chars if c in FUNCTION_CHARS) / len(chars)


def is_unspaced(text: str, *, share: float = 0.3) -> bool:
    """Whether ``text`` is mostly written in an unspaced script (at least ``share`` of
    its non-space characters are Han or kana).

    >>> is_unspaced("東京で新しい橋が開通した"), is_unspaced("Tokyo (東京) opened a bridge")
    (True, False)
    """
    if text.isascii():
        return False
    visible = len(text) - text.count(" ")
    return visible > 0 and cjk_chars(text) >= share * visible
