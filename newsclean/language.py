"""A cheap language guess from stopword counts, and stopword density for a text.

>>> guess_language("Der Hund und die Katze sind nicht im Haus, aber das ist gut.")
'de'
>>> guess_language("The dog and the cat are not in the house.")
'en'
>>> guess_language("12 34 56") is None
True
"""

from __future__ import annotations

from collections import Counter

from .packs import WORD_RE

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
        "sein wurde sei ich wir ihr".split()
    ),
    "fr": frozenset(
        "le la les de des du et à en un une est que qui dans pour pas par sur au avec "
        "ce il elle ne se plus sont son sa ses aux ont été a mais comme nous vous ou "
        "leur leurs cette où y être fait dont lui tout".split()
    ),
    "es": frozenset(
        "el la los las de del y en que a un una es por con para no se su al lo como más "
        "pero sus le ya o fue este ha sí porque esta entre cuando muy sin sobre también "
        "me hasta hay donde quien desde todo nos durante todos uno les ni contra otros "
        "ese eso ante ellos e esto".split()
    ),
    "it": frozenset(
        "il lo la i gli le di da in con su per tra fra e che è un una non si del della "
        "dei delle al alla ai alle dal dalla nel nella sono come anche ma più ha era "
        "questo questa ci ne o se suo sua loro stato essere".split()
    ),
    "pt": frozenset(
        "o a os as de do da dos das e em um uma que é para com não no na nos nas por "
        "mais se ao como mas foi ele ela sua seu ou ser quando muito há já está também "
        "só pelo pela até isso entre depois sem mesmo aos ter seus quem são".split()
    ),
    "nl": frozenset(
        "de het een en van in is dat op te voor met zijn niet aan er om ook als bij of "
        "door maar naar dan uit werd nog wordt heeft hij zij ze was tot over deze die "
        "wat al kan meer worden hun".split()
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


def guess_language(text: str, *, sample: int = 20000) -> str | None:
    """The language whose stopwords are most frequent in (the start of) ``text``."""
    return guess_language_of_words(WORD_RE.findall(text[:sample].casefold()))


def guess_language_of_words(words) -> str | None:
    """:func:`guess_language` for the text's lower-cased words (``packs.words``)."""
    found = Counter(words)
    seen = sum(found.values())
    # Look each stopword up among the words found (not each word in every list).
    counts = {lang: sum(found[w] for w in sw if w in found) for lang, sw in STOPWORDS.items()}
    best = max(counts, key=counts.__getitem__)
    if counts[best] < 3 or counts[best] < 0.05 * seen:
        return None
    return best


def stopword_density(tokens: list[str] | tuple[str, ...], lang: str | None) -> float:
    """Share of ``tokens`` (lower-cased) that are stopwords of ``lang``."""
    if not tokens:
        return 0.0
    sw = STOPWORDS.get(lang or "", ALL_STOPWORDS)
    return sum(1 for t in tokens if t in sw) / len(tokens)
