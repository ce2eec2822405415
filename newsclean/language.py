"""A cheap language guess from stopword counts, and stopword density for a text.

>>> guess_language("Der Hund und die Katze sind nicht im Haus, aber das ist gut.")
'de'
>>> guess_language("The dog and the cat are not in the house.")
'en'
>>> guess_language("12 34 56") is None
True
"""

from __future__ import annotations

import re
from collections import Counter

from .tokens import find_words

STOPWORDS: dict[str, frozenset[str]] = {
    "en": frozenset(
        "the of and to a in is that for it was on with as he by at from his have are be "
        "has had not but this which they were an their said been will who would its or "
        "more one after about there we can than also into when all other her she over "
        "i you our us what so if no up out new only two some could them these may".split()
    ),
    "de": frozenset(
        "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als "
        "auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie "
        "einem über einen so zum war haben nur oder aber vor zur bis mehr durch man "
        "sein wurde sei ich wir ihr dass diese dieser wurden worden gegen seit unter sowie "
        "keine kein schon jedoch beim vom ins ihre seine seiner wenn weil denn hatte "
        "hatten kann können soll muss".split()
    ),
    "fr": frozenset(
        "le la les de des du et à en un une est que qui dans pour pas par sur au avec "
        "ce il elle ne se plus sont son sa ses aux ont été a mais comme nous vous ou "
        "leur leurs cette où y être fait dont lui tout ces était avait selon après "
        "aussi très sans sous même ils elles on c'est n'a n'est s'est qu'il qu'elle d'un "
        "d'une l'a".split()
    ),
    "es": frozenset(
        "el la los las de del y en que a un una es por con para no se su al lo como más "
        "pero sus le ya o fue este ha sí porque esta entre cuando muy sin sobre también "
        "me hasta hay donde quien desde todo nos durante todos uno les ni contra otros "
        "ese eso ante ellos e esto según tras está están han había sido dijo "
        "tiene son".split()
    ),
    "it": frozenset(
        "il lo la i gli le di da in con su per tra fra e che è un una non si del della "
        "dei delle al alla ai alle dal dalla nel nella sono come anche ma più ha era "
        "questo questa ci ne o se suo sua loro stato essere degli nei negli sul sulla "
        "dopo però già quello stati stata ancora sia hanno".split()
    ),
    "pt": frozenset(
        "o a os as de do da dos das e em um uma que é para com não no na nos nas por "
        "mais se ao como mas foi ele ela sua seu ou ser quando muito há já está também "
        "só pelo pela até isso entre depois sem mesmo aos ter seus quem são à às "
        "num numa desta deste nesta neste pelos pelas foram nem onde ainda disse "
        "essa esse".split()
    ),
    "nl": frozenset(
        "de het een en van in is dat op te voor met zijn niet aan er om ook als bij of "
        "door maar naar dan uit werd nog wordt heeft hij zij ze was tot over deze die "
        "wat al kan meer worden hun wel geen dit hebben tegen zou moet na onder "
        "volgens nu hem haar".split()
    ),
    "ru": frozenset(
        "и в во не что он на я с со как а то все она так его но да ты к у же вы за бы "
        "по только ее мне было вот от меня еще нет о из ему теперь когда даже ну ли "
        "если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя "
        "ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб "
        "без будто чего раз тоже себе под будет это этого также который которые".split()
    ),
}

ALL_STOPWORDS: frozenset[str] = frozenset().union(*STOPWORDS.values())

# word -> the languages it is a stopword of: one dict lookup per word
_LANGS_OF: dict[str, tuple[str, ...]] = {}
for _lang, _words_of_lang in STOPWORDS.items():
    for _w in _words_of_lang:
        _LANGS_OF[_w] = _LANGS_OF.get(_w, ()) + (_lang,)


# Bullets a text dumper puts before list items (o + * - # •, each followed by a space):
# lynx marks nested items with "o" and "+", which would otherwise count as Italian,
# Spanish or Portuguese stopwords ("o" = "or"/"the"). The pattern takes a line's leading
# spaces and bullets, each bullet with the spaces after it, as a loop of lstrip() and
# startswith(bullets) would; [^\S\n] is str.isspace() less the line break, so one
# substitution over the whole text strips every line.
_LEADING_BULLETS = re.compile(r"^[^\S\n]*(?:[o+*\-#•] [^\S\n]*)*", re.MULTILINE)


def _tally(text: str) -> tuple[Counter, int]:
    """The lower-cased words of ``text`` without the dumper's list bullets, counted, and
    how many there are; the bullets are stripped only when that changes the words.

    The strip (``_LEADING_BULLETS``, over the whole text) removes white space and
    bullet signs, and of those only an ``o`` bullet is a word (and a word of its own: a
    space follows it, white space or line start precedes it). So the words of the
    unstripped text are the same but for one ``o`` per ``o`` bullet; without an ``o``
    among them there is none, and with one the strip's count of removed ``o`` letters
    says how many to take away.

    >>> tally, n = _tally("   o Bears\\n   + Scores\\nO presidente o\\n o o x")
    >>> sorted(tally.items()), n
    ([('bears', 1), ('o', 2), ('presidente', 1), ('scores', 1), ('x', 1)], 6)
    """
    words = find_words(text.casefold())
    tally = Counter(words)
    n = len(words)
    if "o" in tally:
        bullets = text.count("o") - _LEADING_BULLETS.sub("", text).count("o")
        if bullets:
            n -= bullets
            left = tally["o"] - bullets
            if left:
                tally["o"] = left
            else:
                del tally["o"]
    return tally, n


def guess_language(text: str, *, sample: int = 10000) -> str | None:
    """The language whose stopwords are most frequent in (the start of) ``text``.

    Russian is the only Cyrillic language with a pack, so a mostly Cyrillic text is
    Russian even when it is a headline without stopwords. Otherwise the winner needs two
    stopwords, 5% of the words, and a lead over the runner-up; None when unsure.

    >>> guess_language("Жители жалуются на задержки строительства метро")
    'ru'
    >>> guess_language("Grève des contrôleurs : trafic perturbé ce week-end")
    'fr'
    >>> guess_language("   o Bears\\n   o Jets\\n   o Lions\\n   o Rams\\nThe Bears and the Jets won.")
    'en'
    """
    # each distinct word once: counted in C, then looked up once
    tally, n = _tally(text[:sample])
    if not n:
        return None
    # no word starts in the Cyrillic block when the greatest word sorts below it
    cyrillic = 0 if max(tally) < "\u0400" else sum([c for w, c in tally.items() if "\u0400" <= w[0] <= "\u04ff"])
    if cyrillic > 0.5 * n:
        return "ru"
    counts = dict.fromkeys(STOPWORDS, 0)
    langs_of = _LANGS_OF
    for w in tally.keys() & langs_of.keys():
        c = tally[w]
        for lang in langs_of[w]:
            counts[lang] += c
    ranked = sorted(counts, key=counts.__getitem__, reverse=True)
    best, second = ranked[0], ranked[1]
    if counts[best] < 2 or counts[best] < 0.05 * n or counts[best] == counts[second]:
        return None
    return best


def stopword_density(tokens: list[str] | tuple[str, ...], lang: str | None) -> float:
    """Share of ``tokens`` (lower-cased) that are stopwords of ``lang``."""
    if not tokens:
        return 0.0
    sw = STOPWORDS.get(lang or "", ALL_STOPWORDS)
    return sum(1 for t in tokens if t in sw) / len(tokens)
