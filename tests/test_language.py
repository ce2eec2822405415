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


# Languages whose stopwords come from newsclean/stopwords.txt (some have a phrase pack),
# or their script decides.
MORE = [
    ("pl", "Rada miasta zdecydowała we wtorek, że nowy most zostanie otwarty wiosną, ale budowa się opóźnia."),
    ("cs", "Most, který byl postaven v roce 1920, je uzavřen a opravy jsou podle radnice nutné."),
    ("sk", "Mestská rada v utorok rozhodla, že nový most bude otvorený na jar, ale stavba sa oneskorila."),
    ("sv", "Kommunfullmäktige beslutade på tisdagen att den nya bron ska öppnas i vår, men bygget är försenat."),
    ("no", "Brua, som ble bygget i 1920, er stengt, og kommunen sier at det ikke finnes penger til reparasjon."),
    ("fi", "Kaupunginvaltuusto päätti tiistaina, että uusi silta avataan keväällä, mutta työ on myöhässä."),
    ("hu", "A városi tanács kedden úgy döntött, hogy az új híd tavasszal nyílik meg, de az építkezés késik."),
    ("ro", "Consiliul local a anunțat marți că noul pod va fi deschis în primăvară, dar lucrările sunt întârziate."),
    ("tr", "Belediye meclisi bu yıl yeni bir köprü için karar verdi ve inşaat da başladı."),
    ("uk", "Міська рада у вівторок вирішила, що новий міст буде відкрито навесні, але будівництво затримується."),
    ("bg", "Общинският съвет реши във вторник, че новият мост ще бъде открит през пролетта, но строежът закъснява."),
    ("ar", "أعلن مجلس المدينة يوم الثلاثاء أن الجسر الجديد سيفتح في الربيع، لكن الأعمال تأخرت."),
    ("el", "Το δημοτικό συμβούλιο ανακοίνωσε την Τρίτη ότι η νέα γέφυρα θα ανοίξει την άνοιξη."),
    ("he", "מועצת העיר הודיעה ביום שלישי כי הגשר החדש ייפתח באביב."),
    ("hi", "नगर परिषद ने मंगलवार को घोषणा की कि नया पुल वसंत में खुलेगा।"),
    ("ja", "市議会は火曜日、新しい橋を春に開通させると発表した。工事は遅れている。"),
    ("zh", "市议会周二宣布，新桥将于春季通车，但工程已经延误。"),
    ("ko", "시의회는 화요일 새 다리가 봄에 개통된다고 밝혔지만 공사는 늦어지고 있다."),
]


@pytest.mark.parametrize("lang, text", TEXTS + MORE)
def test_short_texts_are_recognised(lang, text):
    assert guess_language(text) == lang


def test_an_english_page_about_skin_care_is_english():
    # "care" is Romanian for "which": one word repeated must not outweigh English's
    # many different stopwords.
    text = " ".join(["Skin care routine for winter. Best skin care tips."] * 8)
    text += " We tested the products for you and found that most of them work."
    assert guess_language(text) == "en"


def test_one_letter_words_do_not_make_a_menu_slavic():
    # "w", "z", "v", "s", "k" are Polish, Czech or Slovak stopwords, and also initials
    # and the letters of an index.
    menu = " ".join("K S V W X Z".split() * 5)
    text = menu + "\nDie Stadt hat die Brücke gesperrt, und die Arbeiten dauern an."
    assert guess_language(text) == "de"


def test_japanese_with_han_is_japanese_and_han_alone_is_chinese():
    assert guess_language("東京都は新しい計画を発表した。") == "ja"
    assert guess_language("北京市政府发布了新的计划。") == "zh"


def test_generated_lists_have_no_english_and_stay_in_their_script():
    from newsclean.language import HAND_WRITTEN, script_of

    for lang, words in STOPWORDS.items():
        if lang in HAND_WRITTEN:
            continue
        assert not {"the", "of", "and"} & words, lang
        assert len({script_of(w[0]) for w in words}) == 1, lang


def test_every_pack_language_has_stopwords():
    # Chinese and Japanese are told by their script, and their stopword-like signal is
    # newsclean.script.function_share (they are written without spaces)
    assert set(LANGUAGES) - {"ja", "zh"} <= set(STOPWORDS)


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
