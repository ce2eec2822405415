"""The language guess on short, real-looking news texts of every language with a pack."""

import pytest

from newsclean.language import STOPWORDS, guess_language, stopword_density
from newsclean.packs import LANGUAGES

TEXTS = [
    ("en", "The council said on Tuesday that the new bridge would open in the spring after two years of delays."),
    ("en", "Police were called to the scene shortly after midnight, a spokesman said."),
    ("de", "Der Stadtrat hat am Dienstag beschlossen, die alte Brücke im Frühjahr abzureißen."),
    ("de", "Nach Angaben der Polizei wurde niemand verletzt, die Ermittlungen dauern an."),
    ("fr", "Le conseil municipal a annoncé mardi que le nouveau pont ouvrira au printemps."),
    ("fr", "Selon la police, personne n'a été blessé lors de l'incendie survenu dans la nuit."),
    ("fr", "Grève des contrôleurs : trafic perturbé ce week-end"),
    ("es", "El ayuntamiento anunció el martes que el nuevo puente abrirá en primavera."),
    ("es", "Según la policía, nadie resultó herido en el incendio de la madrugada."),
    ("es", "Los vecinos denuncian retrasos en las obras del metro"),
    ("it", "Il consiglio comunale ha annunciato martedì che il nuovo ponte aprirà in primavera."),
    ("it", "Secondo la polizia, nessuno è rimasto ferito nell'incendio di questa notte."),
    ("it", "I residenti protestano contro i ritardi dei lavori della metropolitana"),
    ("pt", "A câmara municipal anunciou na terça-feira que a nova ponte abrirá na primavera."),
    ("pt", "Segundo a polícia, ninguém ficou ferido no incêndio desta madrugada."),
    ("pt", "Moradores reclamam dos atrasos nas obras do metrô"),
    ("nl", "De gemeenteraad heeft dinsdag besloten dat de nieuwe brug in het voorjaar opengaat."),
    ("nl", "Volgens de politie raakte niemand gewond bij de brand van vannacht."),
    ("nl", "Bewoners klagen over vertraging bij de aanleg van de metro"),
    ("ru", "Городской совет во вторник объявил, что новый мост откроется весной."),
    ("ru", "По словам полиции, никто не пострадал при пожаре, который произошел ночью."),
    ("ru", "Жители жалуются на задержки строительства метро"),
]


@pytest.mark.parametrize("lang, text", TEXTS)
def test_short_texts_are_recognised(lang, text):
    assert guess_language(text) == lang


def test_every_pack_language_has_stopwords():
    assert set(LANGUAGES) <= set(STOPWORDS)


def test_lynx_bullets_do_not_make_an_english_menu_italian():
    # lynx prints nested list items as "o Item"; "o" is a stopword in it/es/pt.
    menu = "\n".join(f"          o {team}" for team in ["Bears", "Jets", "Lions", "Rams", "Colts", "Saints"] * 5)
    text = menu + "\nThe Bears beat the Jets on Sunday and will play the Lions in the final."
    assert guess_language(text) == "en"


def test_capital_o_article_still_counts_in_portuguese():
    text = "O governo anunciou o plano.\nO ministro disse que o projeto vai avançar."
    assert guess_language(text) == "pt"


@pytest.mark.parametrize("text", ["", "12 34 56", "Bundesregierung Zuschüsse Bahnpendler", "— | » ·"])
def test_no_guess_without_evidence(text):
    assert guess_language(text) is None


def test_density_of_a_sentence_and_a_menu():
    sentence = "the mayor said that the plan was not ready".split()
    menu = "home news sport weather video".split()
    assert stopword_density(sentence, "en") > 0.4
    assert stopword_density(menu, "en") == 0.0
    assert stopword_density([], "en") == 0.0
