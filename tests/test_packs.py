"""Phrase packs: what each language's pack removes, what it must leave, and --rules.

Each table row is (line, removed?, category). A removed line must carry the category in
its rule (``phrase:navigation+share`` or ``pattern:cookie``); a kept line is an article
sentence or heading that uses the same words as the boilerplate.
"""

from __future__ import annotations

import re
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from newsclean.language import guess_language
from newsclean.packs import CATEGORIES, LANGUAGES, PackError, builtin_pack, load_rules, pack_for, parse_pack
from newsclean.pipeline import Pipeline
from newsclean.text import squeeze

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
KNOWN = set(CATEGORIES) | {"end-markers"}
PACK_STAGES = ["layout", "boilerplate-sentences", "boilerplate-lines"]


def judge(line: str, lang: str) -> tuple[bool, set[str]]:
    """(removed?, categories of the rule) for one line under English + ``lang``."""
    doc = Pipeline(PACK_STAGES, language=lang).run(line)
    first = doc.lines[0]
    if first.removal is None:
        return False, set()
    _, _, cats = first.removal.rule.partition(":")
    return True, set(cats.split("+"))


def check(line: str, lang: str, removed: bool, category: str | None) -> None:
    got, cats = judge(line, lang)
    assert got == removed, f"{line!r} ({lang}): removed={got}, rule categories {cats}"
    if removed:
        assert category in cats, f"{line!r} ({lang}): categories {cats}, expected {category}"


# --------------------------------------------------------------------------- tables

EN = [
    # a label and its list of topic links, a list's item too
    ("Tags: harbour, ferries, storms", True, "navigation"),
    ("* Category: Harbour news", True, "navigation"),
    ("Filed in: ferries, piers", True, "navigation"),
    ("Posted in: Island life", True, "navigation"),
    ("Category: the storms of the winter hit the harbour hard.", False, None),
    ("Posted in the harbour office, the notice lists the new fares.", False, None),
    ("5 min read", True, "navigation"),
    ("The 5 minutes that changed everything", False, None),
    ("Back to top | Home | Contact us", True, "navigation"),
    ("Share on Facebook · Tweet · Email this", True, "share"),
    ("Advertisement", True, "advertising"),
    ("We use cookies to improve your experience on our site.", True, "cookie"),
    ("Accept all | Manage cookies", True, "cookie"),
    ("Sign up for our daily newsletter", True, "newsletter"),
    ("Related stories", True, "related"),
    ("Read more: Council approves new bridge", True, "related"),
    ("12 comments", True, "comments"),
    ("12. Bill:", True, "comments"),
    ("3. Mary Ann Lee:", True, "comments"),
    # a numbered subhead of a guide is no commenter: it reads as a phrase, with
    # function words, where a commenter's name has none
    ("4. Choosing the right ferry pass:", False, None),
    ("7. Booking a seat for your bicycle:", False, None),
    ("2. Tides and weather:", False, None),
    ("Copyright © 2008 The Daily Example. All rights reserved.", True, "footer"),
    ("Copyright 2008 Associated Press", True, "footer"),
    ("Terms & Conditions | Privacy Policy | Site Map", True, "footer"),
    ("Photo: John Smith/Staff", True, "credit"),
    ("Click on thumbnail to view image", True, "credit"),
    ("clear", True, "layout"),
    ("Golf | Tennis | Cricket | Horse racing", True, "navigation"),
    # Same words inside article text: kept.
    ("The team went back to top form after the break.", False, None),
    ("Copyright holders say the new rules go too far.", False, None),
    ("Copyright law was last changed in 1988, the minister said.", False, None),
    ("(c) the third condition in the contract was never met", False, None),
    ("Share prices fell sharply on Monday.", False, None),
    ("Cookies and cakes were sold at the school fair.", False, None),
    ("Read more books, the minister told parents.", False, None),
    ("To continue the programme the council needs the consent of residents.", False, None),
    ("Comments by the mayor angered residents.", False, None),
    ("March 3, 2021 by Jo Smith Leave a Comment", True, "navigation"),
    ("Previous articleNew ferry for the island", True, "navigation"),
    # "posted in" without a colon opens a sentence as often as a category line
    ("Posted in Ferry News", False, None),
    ("Get the Harbour Times's daily edition by email and never miss a story", True, "newsletter"),
    ("Want to hear about the next crossing? Sign up here", True, "newsletter"),
    ("Thank you for visiting example.org. You are using a browser version with limited support for CSS.", True, "layout"),
    ("Get the ferry back on time, the mayor told the company by email.", False, None),
    ("Find more by Jo Smith", True, "related"),
    ("12 minutes - 2,400 words", True, "navigation"),
    ("Read more from the mayor's speech below.", False, None),
    ("About Jo Smith 120 Articles", True, "navigation"),
    ("The council's plan drew 12 comments", False, None),
    ("Next story: the harbour at dawn, told by its pilots.", False, None),
    ("Photo finish decides the race", False, None),
    # a tag line without a colon (a possessive space run once left nothing for the gap)
    ("Filed under Ferries, Harbour", True, "navigation"),
    ("Filed under pressure, the ferry company cut its fares.", False, None),
    # session 7: sign-up prompts, an ad slot with its label, embed and events placeholders
    ("No spam, we promise. You can unsubscribe at any time.", True, "newsletter"),
    ("Get the latest harbour news and ferry times straight to your inbox.", True, "newsletter"),
    ("Join thousands of readers who get our island stories in their inbox every week.", True, "newsletter"),
    ("Advertisement [INS: :INS]", True, "advertising"),
    ("Click the button below to load the content of maps.example.com.", True, "layout"),
    ("There are no upcoming events.", True, "layout"),
    ("Get the latest figures from the harbour office, the council said.", False, None),
    ("Join the crowd at the pier on Saturday for the lifeboat parade.", False, None),
    ("There are no upcoming events at the harbour until the spring, the council said.", False, None),
    ("Comments are moderated and will appear after review.", True, "comments"),
    ("Jump to RecipePrint Recipe", True, "navigation"),
    ("Some comments may be republished on the website or in the newspaper.", True, "comments"),
    ("* Tagged:", True, "navigation"),
    ("Comments from the harbour master were moderated by the council's lawyers.", False, None),
    ("Tagged sharks were seen near the pier again this week.", False, None),
    ("The Coast Times is not responsible for the opinions, statements or content of contributors.", True, "footer"),
    ("The council said it is not responsible for the damage to the pier, which the storm caused.", False, None),
]

DE = [
    ("* Schlagwörter: Hafen, Fähren, Sturm", True, "navigation"),
    ("* Veröffentlicht in: Hafennachrichten", True, "navigation"),
    ("Kategorien: Hafen, Inseln", True, "navigation"),
    ("Veröffentlicht in der Zeitung wurde der Plan erst am Montag.", False, None),
    ("Lesezeit: ca. 3 Min.", True, "navigation"),
    ("Dieser Artikel ist nur für Abonnenten verfügbar.", True, "newsletter"),
    ("An dieser Stelle finden Sie einen externen Inhalt von YouTube.", True, "layout"),
    ("An dieser Stelle ist ein Video der Tat zu sehen gewesen, sagte die Polizei.", False, None),
    ("Startseite | Politik | Wirtschaft | Sport", True, "navigation"),
    ("Nach oben", True, "navigation"),
    ("Artikel teilen | Auf Facebook teilen | Twittern | Per E-Mail versenden", True, "share"),
    ("Anzeige", True, "advertising"),
    ("- Anzeige -", True, "advertising"),
    ("Weiterlesen nach der Anzeige", True, "advertising"),
    ("Wir verwenden Cookies, um Inhalte und Anzeigen zu personalisieren.", True, "cookie"),
    ("Alle akzeptieren | Einstellungen | Ablehnen", True, "cookie"),
    ("Newsletter abonnieren und täglich informiert bleiben", True, "newsletter"),
    ("Mehr zum Thema", True, "related"),
    ("Lesen Sie auch: Busfahrer streiken am Montag erneut", True, "related"),
    ("Das könnte Sie auch interessieren", True, "related"),
    ("Kommentar schreiben", True, "comments"),
    ("Die Kommentarfunktion ist für diesen Artikel geschlossen.", True, "comments"),
    ("Impressum | Datenschutz | AGB | Kontakt", True, "footer"),
    ("© 2026 Lindenhafener Tageblatt. Alle Rechte vorbehalten.", True, "footer"),
    ("Foto: Stadtwerke Lindenhafen", True, "credit"),
    ("Bild: dpa/Max Muster", True, "credit"),
    ("Inhalt wird geladen", True, "layout"),
    ("Die Mannschaft kehrte zurück nach oben in die Tabelle.", False, None),
    ("Mehr zum Thema Energie will die Regierung im Herbst vorlegen.", False, None),
    ("Die Anzeige gegen den Bürgermeister wurde am Montag zurückgezogen.", False, None),
    ("Kommentare in sozialen Netzwerken zeigten, wie groß die Wut ist.", False, None),
    ("Foto und Video der Tat kursierten schnell im Netz.", False, None),
    ("Lesen Sie auch die Hinweise der Polizei, rät der Sprecher.", False, None),
    # headings and prompts around the article (the words of many sites, not one's)
    ("Ähnliche Themen", True, "related"),
    ("Die meistgelesenen Artikel bei Lindenhafen.de", True, "related"),
    ("Auch lesen: Neue Fähre für die Insel", True, "related"),
    ("Weitere Nachrichten zu: Hafen, Fähren, Inseln", True, "related"),
    ("Weitere Informationen zum Fährverkehr im Winter:", True, "related"),
    ("Nächster ArtikelNeue Fähre für die Insel", True, "related"),
    ("Veröffentlicht am 3. März 2021 von Jo Muster — Hinterlasse eine Antwort", True, "navigation"),
    ("Dir hat der Artikel gefallen? Jetzt teilen!", True, "share"),
    ("Lust auf mehr? Melde dich hier für unseren Newsletter an.", True, "newsletter"),
    ("Wenn Ihnen unser Artikel gefallen hat: Unterstützen Sie unsere Arbeit.", True, "newsletter"),
    ("Kategorie: Hafen", True, "navigation"),
    ("Über Jo Muster 120 Artikel", True, "navigation"),
    ("Weitere Informationen gibt es im Rathaus.", False, None),
    ("Die meistgelesenen Artikel stammen aus dem Lokalteil, sagt die Chefin.", False, None),
    ("Nächster Artikel der Serie erscheint am Montag.", False, None),
    ("Über Jahre hinweg wuchs die Zahl der Fahrgäste.", False, None),
    ("Er meldet sich beim Newsletter des Vereins ab, weil er umzieht.", False, None),
    ("Kostenlos registrieren und weiterlesen", True, "newsletter"),
    ("Schon registriert? Hier einloggen", True, "newsletter"),
    ("Sie lesen gern den Lindenhafener Boten?", True, "newsletter"),
    ("Dieses Interview als PDF herunterladen", True, "navigation"),
    ("Sie lesen gern Krimis? Dann ist das Festival genau richtig.", False, None),
    ("Mehr zu Fähren und Häfen", True, "related"),
    ("Alle Nachrichten zum Hafen Lindenhafen", True, "related"),
    ("Artikel gefallen? Vergiss nicht zu teilen!", True, "share"),
    ("Mehr zu den Plänen wollte der Bürgermeister nicht sagen.", False, None),
    ("Alle Nachrichten zum Streik wurden vom Sender gelöscht, sagte sie.", False, None),
    ("Politik und Wirtschaft im Wandel", False, None),
    # session 7: labels, buttons and prompts many German sites print alike
    ("Sie lesen gern Lindenhafen.de?", True, "newsletter"),
    ("Veröffentlicht in: Hafen, Inseln", True, "navigation"),
    ("3. März 2026 getaggt mit: Hafen Fähren Inseln", True, "navigation"),
    ("Zurück zur Übersicht", True, "navigation"),
    ("Zurück zu den Wurzeln", False, None),
    ("weiterlesen 5 Minuten", True, "navigation"),
    ("Autoren:", True, "navigation"),
    ("Autor: Jo Muster", False, None),
    ("Zum Rezept | Drucken | Pinnen", True, "navigation"),
    ("Buch bestellen", True, "advertising"),
    ("Die aktuelle Ausgabe", True, "advertising"),
    ("Kennen Sie schon unseren Fährplaner? Alle Abfahrten auf einen Blick.", True, "advertising"),
    ("Unterstütze den Hafenboten bereits mit 2,50 €!", True, "newsletter"),
    ("Ich bin mit der Verarbeitung meiner Daten nach der Datenschutzerklärung einverstanden.", True, "newsletter"),
    ("Ich habe die Datenschutzhinweise gelesen und akzeptiere sie.", True, "newsletter"),
    ("Zur Person", True, "related"),
    ("Lesen Sie hier einen weiteren spannenden Beitrag …", True, "related"),
    ("Verraten Sie gerne in den Kommentaren: Wie kommen Sie zur Arbeit?", True, "comments"),
    ("Originalpublikation:", True, "credit"),
    ("Klicken Sie auf den unteren Button, um den Inhalt von karten.example.de zu laden.", True, "layout"),
    ("Es gibt derzeit keine bevorstehenden Veranstaltungen.", True, "layout"),
    ("Zur Person des Täters machte die Polizei keine Angaben.", False, None),
    ("Die Kunden haben das Buch bestellen können, bevor es erschien.", False, None),
    ("Ich bin mit der Entscheidung des Rates nicht einverstanden, sagte sie.", False, None),
    ("In den Kommentaren schreiben viele Leser, sie seien enttäuscht.", False, None),
    ("Es gibt derzeit keine Fähren zu den Inseln, sagt die Hafenmeisterin.", False, None),
    ("Artikel", True, "navigation"),
    (":: Relevantes aus dem Hafenboten-Archiv:", True, "related"),
    ("Aktuelles aus dem Verband", True, "related"),
    ("Entdecken Sie jetzt", True, "related"),
    ("Wir informieren Sie regelmäßig über Neues aus dem Hafen.", True, "newsletter"),
    ("Weitere Infos unter www.hafen-lindenhafen.de.", True, "related"),
    ("Diese Seite", True, "share"),
    ("Weitere Infos unter www.hafen-lindenhafen.de gibt es zu den Fähren und zum Fahrplan.", False, None),
    ("Aktuelles aus dem Hafen gab es am Montag nicht, sagte die Sprecherin.", False, None),
    ("Merkblatt zum Fährverkehr vom 3. März 2026PDF | 38 KB | Datei ist nicht barrierefrei", True, "navigation"),
    ("Ihr Beitrag hilft, unsere Berichterstattung über den Hafen kostenlos zu halten.", True, "newsletter"),
    ("Was sind Cookies?", True, "cookie"),
    ("filter_none Weitere Beiträge zu diesem Artikel", True, "layout"),
    ("Ihr Beitrag zur Debatte hat viele Leser erreicht, schreibt die Redaktion.", False, None),
    ("Der Bericht liegt als PDF vor und umfasst 38 Seiten.", False, None),
    # s9-teasers: headings over a list of other articles or videos
    ("Weitere Inhalte:", True, "related"),
    ("Weitere Videos", True, "related"),
    ("Weiterführende Artikel zu diesem Thema", True, "related"),
    ("Weitere Inhalte der Ausstellung zeigt das Museum ab Mai.", False, None),
    ("Weiterführende Artikel zu diesem Thema schrieb sie später selbst.", False, None),
]

FR = [
    ("Temps de lecture : 3 min", True, "navigation"),
    ("Accueil | Politique | Économie | Sport | Culture", True, "navigation"),
    ("Retour en haut de page", True, "navigation"),
    ("Partager · Tweeter · Envoyer par e-mail · Imprimer", True, "share"),
    ("Publicité", True, "advertising"),
    ("La suite après cette publicité", True, "advertising"),
    ("En poursuivant votre navigation sur ce site, vous acceptez l'utilisation de cookies.", True, "cookie"),
    ("Ce site utilise des cookies pour améliorer votre expérience.", True, "cookie"),
    ("Tout accepter · Tout refuser · Paramétrer les cookies", True, "cookie"),
    ("Inscrivez-vous à notre newsletter pour recevoir l'essentiel", True, "newsletter"),
    ("Lire aussi : La criée change d'horaires cet été", True, "related"),
    ("Sur le même sujet", True, "related"),
    ("12 commentaires", True, "comments"),
    ("Laisser un commentaire", True, "comments"),
    ("Mentions légales | CGU | Plan du site", True, "footer"),
    ("© 2026 Le Courrier de l'Estuaire - Tous droits réservés", True, "footer"),
    ("Photo : Mairie de Port-Sauvin", True, "credit"),
    ("Photo AFP", True, "credit"),
    ("Chargement en cours", True, "layout"),
    ("L'équipe est revenue en haut du classement après trois victoires.", False, None),
    ("La publicité pour les jeux d'argent sera encadrée dès janvier.", False, None),
    ("Partager les frais de garde reste difficile pour les familles.", False, None),
    ("Les cookies tiers seront bloqués par défaut, a annoncé l'entreprise.", False, None),
    ("En poursuivant la navigation vers le large, le ferry a croisé un chalutier.", False, None),
    ("Lire aussi les rapports de la Cour des comptes aide à comprendre le déficit.", False, None),
    ("Photo de famille au sommet du G20 à Rome.", False, None),
    ("Commentaires et critiques ont afflué après le discours du ministre.", False, None),
    ("Pour approfondir", True, "related"),
    ("Article suivantUn nouveau ferry pour l'île", True, "related"),
    ("Article suivant du règlement, le texte impose un délai.", False, None),
    ("Les opinions exprimées dans les blogs n'engagent que leurs auteurs.", True, "footer"),
]

ES = [
    ("Tiempo de lectura: 4 min", True, "navigation"),
    ("Portada | Nacional | Internacional | Economía | Deportes", True, "navigation"),
    ("Volver arriba", True, "navigation"),
    ("Compartir en Facebook | Compartir en Twitter | Enviar por correo", True, "share"),
    ("Publicidad", True, "advertising"),
    ("Contenido patrocinado", True, "advertising"),
    ("Utilizamos cookies propias y de terceros para mejorar nuestros servicios.", True, "cookie"),
    ("Si continúa navegando, consideramos que acepta su uso.", True, "cookie"),
    ("Aceptar | Rechazar | Configurar cookies", True, "cookie"),
    ("Suscríbete a nuestro boletín y recibe las noticias cada mañana", True, "newsletter"),
    ("Lee también: Los bomberos piden más medios", True, "related"),
    ("Noticias relacionadas", True, "related"),
    ("Deja un comentario", True, "comments"),
    ("Aviso legal | Política de privacidad | Contacto", True, "footer"),
    ("© 2026 Diario de la Vega. Todos los derechos reservados.", True, "footer"),
    ("Foto: Confederación Hidrográfica", True, "credit"),
    ("Cargando...", True, "layout"),
    ("El equipo volvió arriba en la tabla tras vencer al líder.", False, None),
    ("La publicidad institucional creció un diez por ciento este año.", False, None),
    ("Leer más libros es el objetivo del plan municipal de lectura.", False, None),
    ("Compartir coche reduce las emisiones, según el estudio.", False, None),
    ("Si sigue navegando por el río, el barco llegará al puerto el lunes.", False, None),
    ("Los comentarios del ministro provocaron una ola de críticas.", False, None),
    ("Foto de familia de los líderes europeos en Bruselas.", False, None),
    ("MIRA: Nuevo ferry para la isla", True, "related"),
    ("Puede escribirnos a redaccion@ejemplo.org o seguirnos en las redes.", True, "footer"),
    ("Mira: el puerto reabrió tras la tormenta, dijo el alcalde.", False, None),
    # s9-teasers: headings over a list of other articles
    ("Seguí leyendo", True, "related"),
    ("Lo más visto de Deportes", True, "related"),
    ("Lo más visto de la semana fue el ferry nuevo.", False, None),
    ("Seguí leyendo el informe y encontré el error.", False, None),
    ("Más noticias de Galicia", True, "related"),
    ("Más noticias de la isla llegaron el lunes por la tarde.", False, None),
]

IT = [
    ("Tempo di lettura: 2 minuti", True, "navigation"),
    ("Home | Cronaca | Politica | Economia | Sport", True, "navigation"),
    ("Torna su", True, "navigation"),
    ("Condividi su Facebook | Condividi su WhatsApp | Invia per email", True, "share"),
    ("Pubblicità", True, "advertising"),
    ("Contenuto sponsorizzato", True, "advertising"),
    ("Questo sito utilizza cookie tecnici e di profilazione, anche di terze parti.", True, "cookie"),
    ("Proseguendo la navigazione acconsenti all'uso dei cookie.", True, "cookie"),
    ("Accetta tutto | Rifiuta | Personalizza", True, "cookie"),
    ("Iscriviti alla newsletter e ricevi ogni giorno le notizie", True, "newsletter"),
    ("Leggi anche: Nuovi orari per i musei civici", True, "related"),
    ("Articoli correlati", True, "related"),
    ("Lascia un commento", True, "comments"),
    ("Chi siamo | Contatti | Note legali", True, "footer"),
    ("© 2026 Gazzetta di Montecastro - Riproduzione riservata", True, "footer"),
    ("Foto: Comune di Montecastro", True, "credit"),
    ("(Foto Ansa)", True, "credit"),
    ("Caricamento in corso", True, "layout"),
    ("La squadra torna su in classifica dopo tre vittorie.", False, None),
    ("Leggi anche più severe per chi guida al telefono: il governo presenta il decreto.", False, None),
    ("La pubblicità dei farmaci resta vietata in televisione.", False, None),
    ("Proseguendo la navigazione lungo il Po, la nave ha raggiunto Cremona.", False, None),
    ("I commenti del ministro hanno suscitato polemiche.", False, None),
    ("Foto ricordo per i ragazzi della scuola media di Montecastro.", False, None),
]

PT = [
    ("Tempo de leitura: 5 min", True, "navigation"),
    ("Início | Política | Economia | Desporto | Cultura", True, "navigation"),
    ("Voltar ao topo", True, "navigation"),
    ("Partilhar no Facebook | Partilhar no Twitter | Enviar por e-mail", True, "share"),
    ("Compartilhe", True, "share"),
    ("Publicidade", True, "advertising"),
    ("Continua depois da publicidade", True, "advertising"),
    ("Utilizamos cookies para melhorar a sua experiência de navegação.", True, "cookie"),
    ("Ao continuar a navegar no site, concorda com a utilização de cookies.", True, "cookie"),
    ("Aceitar tudo | Rejeitar | Configurar cookies", True, "cookie"),
    ("Subscreva a newsletter e receba as principais notícias", True, "newsletter"),
    ("Leia também: Preço da cortiça volta a subir", True, "related"),
    ("Mais lidas", True, "related"),
    ("Deixe o seu comentário", True, "comments"),
    ("Estatuto editorial | Ficha técnica | Contactos", True, "footer"),
    ("© 2026 Diário do Sul. Todos os direitos reservados.", True, "footer"),
    ("Foto: Universidade de Évora", True, "credit"),
    ("Divulgação", True, "credit"),
    ("Carregando...", True, "layout"),
    ("A equipe voltou ao topo da tabela depois de três vitórias.", False, None),
    ("A publicidade infantil será proibida a partir de janeiro.", False, None),
    ("Leia também os documentos, pediu o juiz aos jurados.", False, None),
    ("Ao continuar a subir, os juros pressionam as famílias.", False, None),
    ("Se continuar a navegar sem licença, o barco será apreendido.", False, None),
    ("Comentários do ministro geraram polémica no parlamento.", False, None),
    ("Foto de família dos líderes na cimeira de Lisboa.", False, None),
]

NL = [
    ("Leestijd: 3 minuten", True, "navigation"),
    ("Home | Nieuws | Binnenland | Buitenland | Sport", True, "navigation"),
    ("Terug naar boven", True, "navigation"),
    ("Deel op Facebook | Deel op X | Deel via WhatsApp | Link kopiëren", True, "share"),
    ("Advertentie", True, "advertising"),
    ("Lees verder na de advertentie", True, "advertising"),
    ("Wij gebruiken cookies en vergelijkbare technieken om de website te verbeteren.", True, "cookie"),
    ("Door verder te gaan op deze website ga je akkoord met het gebruik van cookies.", True, "cookie"),
    ("Accepteren | Weigeren | Instellingen aanpassen", True, "cookie"),
    ("Meld je aan voor de nieuwsbrief en ontvang elke ochtend het nieuws", True, "newsletter"),
    ("Lees ook: Hoogwater zorgt voor ondergelopen uiterwaarden", True, "related"),
    ("Meest gelezen", True, "related"),
    ("Plaats een reactie", True, "comments"),
    ("Colofon | Privacyverklaring | Cookiebeleid | Contact", True, "footer"),
    ("© 2026 Rivierbode. Alle rechten voorbehouden.", True, "footer"),
    ("Foto: Waterschap Rivierenland-Oost", True, "credit"),
    ("Beeld ANP", True, "credit"),
    ("Bezig met laden", True, "layout"),
    ("De ploeg klom terug naar boven in de stand.", False, None),
    ("Door verder te gaan met de bouw riskeert de gemeente een boete.", False, None),
    ("Lees ook de brief van de minister, adviseert de ombudsman.", False, None),
    ("De advertentie van de gemeente leverde honderd reacties op.", False, None),
    ("Reacties van omwonenden waren overwegend positief.", False, None),
    ("Foto's van de overstroming gingen de hele wereld over.", False, None),
]

RU = [
    ("Время чтения: 3 минуты", True, "navigation"),
    ("Главная | Новости | Политика | Экономика | Спорт", True, "navigation"),
    ("Наверх", True, "navigation"),
    ("Поделиться | ВКонтакте | Одноклассники | Telegram", True, "share"),
    ("Реклама", True, "advertising"),
    ("На правах рекламы", True, "advertising"),
    ("Мы используем файлы cookie, чтобы сайт работал лучше.", True, "cookie"),
    ("Продолжая пользоваться сайтом, вы соглашаетесь с политикой конфиденциальности.", True, "cookie"),
    ("Принять | Отклонить | Настройки", True, "cookie"),
    ("Подписывайтесь на наш канал в Telegram", True, "newsletter"),
    ("Читайте также: В Краснокамске отремонтируют набережную", True, "related"),
    ("Материалы по теме", True, "related"),
    ("Оставить комментарий", True, "comments"),
    ("О нас | Контакты | Реклама", True, "footer"),
    ("© 2026 Камская правда. Все права защищены.", True, "footer"),
    ("Фото: администрация района", True, "credit"),
    ("Фото из открытых источников", True, "credit"),
    ("Загрузка...", True, "layout"),
    ("Команда вернулась наверх турнирной таблицы.", False, None),
    ("Реклама алкоголя в интернете будет запрещена с марта.", False, None),
    ("Читайте также новые правила в приложении, советуют в ведомстве.", False, None),
    ("Подписаться на рассылку можно на сайте мэрии, сообщили в администрации.", False, None),
    ("Комментарии министра вызвали волну критики.", False, None),
    ("Фото с места событий появились в соцсетях.", False, None),
]

PL = [
    ("Czas czytania: 4 min", True, "navigation"),
    ("Strona główna | Wiadomości | Polityka | Sport | Kultura", True, "navigation"),
    ("Do góry", True, "navigation"),
    ("Udostępnij | Facebook | X | Kopiuj link", True, "share"),
    ("Reklama", True, "advertising"),
    ("Artykuł dalej pod materiałem wideo", True, "advertising"),
    ("Używamy plików cookies, aby serwis działał lepiej.", True, "cookie"),
    ("Akceptuję | Ustawienia prywatności", True, "cookie"),
    ("Zapisz się do naszego newslettera i bądź na bieżąco", True, "newsletter"),
    ("Czytaj także: Nowy most na Wiśle otwarty dla ruchu", True, "related"),
    ("Najczęściej czytane", True, "related"),
    ("12 komentarzy", True, "comments"),
    ("O nas | Kontakt | Regulamin", True, "footer"),
    ("© 2026 Gazeta Nadrzeczna. Wszelkie prawa zastrzeżone.", True, "footer"),
    ("Fot. PAP", True, "credit"),
    ("Ładowanie...", True, "layout"),
    ("Więcej osób przyjechało w tym roku nad morze.", False, None),
    ("Reklama alkoholu w internecie ma zostać zakazana od marca.", False, None),
    ("Czytaj także regulamin, radzi rzecznik konsumentów.", False, None),
    ("Komentarze ministra wywołały falę krytyki.", False, None),
    ("Zdjęcia z miejsca zdarzenia trafiły do sieci.", False, None),
    ("Dowiedz się więcej: Nowy prom na wyspę", True, "related"),
    ("Dowiedz się więcej o promach, radzi kapitan portu.", False, None),
    ("PAP/ Jan Kowalski", True, "credit"),
]

JA = [
    ("約3分で読めます", True, "navigation"),
    ("ホーム | ニュース | 政治 | 経済 | スポーツ", True, "navigation"),
    ("ページの先頭へ戻る", True, "navigation"),
    ("シェアする | ツイート | LINEで送る | URLをコピー", True, "share"),
    ("広告", True, "advertising"),
    ("スポンサーリンク", True, "advertising"),
    ("PR", True, "advertising"),
    ("当サイトではサービス向上のためにクッキーを使用しています。", True, "cookie"),
    ("同意する | Cookie設定", True, "cookie"),
    ("メルマガ登録はこちらから、毎朝ニュースをお届けします", True, "newsletter"),
    ("関連記事：港のフェリー、春から増便", True, "related"),
    ("あわせて読みたい", True, "related"),
    ("12件のコメント", True, "comments"),
    ("会社概要 | お問い合わせ | 利用規約", True, "footer"),
    ("記事・写真の無断転載を禁じます。", True, "footer"),
    ("（写真：港湾事務所提供）", True, "credit"),
    ("読み込み中...", True, "layout"),
    ("広告収入は前年より減ったと会社は発表した。", False, None),
    ("関連記事の多くは地元紙が報じたものだ。", False, None),
    ("コメントを求められた市長は回答を控えた。", False, None),
    ("写真には港の全景が写っている。", False, None),
]

ZH = [
    ("阅读时间：约3分钟", True, "navigation"),
    ("首页 | 新闻 | 国际 | 财经 | 体育", True, "navigation"),
    ("返回顶部", True, "navigation"),
    ("分享到微信 | 分享到微博 | 复制链接", True, "share"),
    ("广告", True, "advertising"),
    ("赞助内容", True, "advertising"),
    ("本网站使用cookie以改善您的浏览体验。", True, "cookie"),
    ("全部接受 | 隐私政策", True, "cookie"),
    ("订阅我们的电子报，每天获取最新消息", True, "newsletter"),
    ("相关阅读：港口渡轮春季增加班次", True, "related"),
    ("延伸閱讀", True, "related"),
    ("12条评论", True, "comments"),
    ("关于我们 | 联系我们 | 服务条款", True, "footer"),
    ("版权所有，未经授权不得转载。", True, "footer"),
    ("图：港务局提供", True, "credit"),
    ("加载中...", True, "layout"),
    ("广告收入比去年减少，公司表示。", False, None),
    ("相关部门表示将尽快修复码头。", False, None),
    ("评论人士认为计划过于仓促。", False, None),
    ("图片显示码头已被海浪冲毁。", False, None),
]

KO = [
    ("읽는 시간: 약 3분", True, "navigation"),
    ("홈 | 뉴스 | 정치 | 경제 | 사회 | 스포츠", True, "navigation"),
    ("맨 위로", True, "navigation"),
    ("공유하기 | 페이스북 | 카카오톡 | URL 복사", True, "share"),
    ("광고", True, "advertising"),
    ("이 사이트는 더 나은 서비스를 위해 쿠키를 사용합니다.", True, "cookie"),
    ("모두 동의 | 쿠키 설정", True, "cookie"),
    ("뉴스레터를 구독하고 매일 아침 소식을 받아보세요", True, "newsletter"),
    ("관련 기사: 항구 방파제, 여름까지 복구", True, "related"),
    ("많이 본 뉴스", True, "related"),
    ("댓글 12개", True, "comments"),
    ("회사소개 | 이용약관 | 개인정보처리방침", True, "footer"),
    ("항구일보 무단 전재 및 재배포 금지", True, "footer"),
    ("사진=항만청 제공", True, "credit"),
    ("불러오는 중", True, "layout"),
    ("광고 수입은 지난해보다 줄었다고 회사는 밝혔다.", False, None),
    ("관련 기사에 따르면 공사는 여름까지 계속된다.", False, None),
    ("댓글을 남긴 주민들은 대부분 계획에 찬성했다.", False, None),
    ("사진 속 항구는 파도에 크게 부서져 있었다.", False, None),
]

AR = [
    ("وقت القراءة: 3 دقائق", True, "navigation"),
    ("الرئيسية | أخبار | سياسة | اقتصاد | رياضة", True, "navigation"),
    ("العودة إلى الأعلى", True, "navigation"),
    ("شارك | فيسبوك | تويتر | واتساب | نسخ الرابط", True, "share"),
    ("إعلان", True, "advertising"),
    ("يستخدم هذا الموقع ملفات تعريف الارتباط لتحسين تجربتك.", True, "cookie"),
    ("قبول الكل | سياسة الخصوصية", True, "cookie"),
    ("اشترك في النشرة البريدية لتصلك آخر الأخبار", True, "newsletter"),
    ("اقرأ أيضا: إصلاح رصيف الميناء قبل الصيف", True, "related"),
    ("الأكثر قراءة", True, "related"),
    ("12 تعليق", True, "comments"),
    ("من نحن | اتصل بنا | شروط الاستخدام", True, "footer"),
    ("جميع الحقوق محفوظة لصحيفة الميناء 2026", True, "footer"),
    ("صورة: هيئة الميناء", True, "credit"),
    ("جاري التحميل", True, "layout"),
    ("قالت الشركة إن الإعلان عن المشروع سيتم الأسبوع المقبل.", False, None),
    ("اقرأ التقرير كاملا في عدد الغد من الصحيفة، قال المحرر.", False, None),
    ("أثارت تعليقات الوزير موجة من الانتقادات.", False, None),
    ("تظهر الصورة الرصيف وقد دمرته الأمواج.", False, None),
]

FI = [
    ("Lukuaika 4 min", True, "navigation"),
    ("Etusivu | Uutiset | Kotimaa | Urheilu | Kulttuuri", True, "navigation"),
    ("Siirry sisältöön", True, "navigation"),
    ("Aiheet: satamat, lautat, myrskyt", True, "navigation"),
    ("Jaa | Facebook | Kopioi linkki", True, "share"),
    ("Mainos", True, "advertising"),
    ("Kaupallinen yhteistyö", True, "advertising"),
    ("Käytämme evästeitä parantaaksemme palvelua.", True, "cookie"),
    ("Hyväksy kaikki | Evästeasetukset", True, "cookie"),
    ("Tilaa uutiskirjeemme ja saat uutiset aamulla sähköpostiisi", True, "newsletter"),
    ("Lue myös: Uusi lautta saaristoon keväällä", True, "related"),
    ("Lue myös:", True, "related"),
    ("Luetuimmat", True, "related"),
    ("12 kommenttia", True, "comments"),
    ("Yhteystiedot | Tietosuoja | Käyttöehdot", True, "footer"),
    ("© 2026 Jokilehti. Kaikki oikeudet pidätetään.", True, "footer"),
    ("Kuva: Anni Laine", True, "credit"),
    ("Ladataan...", True, "layout"),
    ("Lue myös kaupungin tiedote, neuvoo satamapäällikkö.", False, None),
    ("Mainos toi satamalle uusia asiakkaita viime kesänä.", False, None),
    ("Kommentit jäivät kokouksessa vähiin.", False, None),
    ("Kuva satamasta levisi nopeasti verkossa.", False, None),
]

HU = [
    ("Címlap | Belföld | Külföld | Gazdaság | Sport", True, "navigation"),
    ("Ugrás a tartalomra", True, "navigation"),
    ("Címkék: kikötő, komp, vihar", True, "navigation"),
    ("Megosztás | Facebook | Link másolása", True, "share"),
    ("Hirdetés", True, "advertising"),
    ("Szponzorált tartalom", True, "advertising"),
    ("Ez a weboldal sütiket használ a jobb felhasználói élmény érdekében.", True, "cookie"),
    ("Elfogadom | Sütibeállítások", True, "cookie"),
    ("Iratkozz fel a hírlevelünkre, és elsőként értesülsz!", True, "newsletter"),
    ("Ezek is érdekelhetnek", True, "related"),
    ("Kapcsolódó cikk: Új komp indul a szigetre tavasszal", True, "related"),
    ("12 hozzászólás", True, "comments"),
    ("Impresszum | Kapcsolat | Adatvédelem", True, "footer"),
    ("© 2026 Folyóparti Hírek. Minden jog fenntartva.", True, "footer"),
    ("Fotó: Kiss Anna", True, "credit"),
    ("Betöltés...", True, "layout"),
    ("A hirdetés miatt a kikötő forgalma nőtt.", False, None),
    ("Kapcsolódó kérdésekről a polgármester nem nyilatkozott.", False, None),
    ("A hozzászólások többsége a kompról szólt.", False, None),
    ("Fotó készült a viharról is.", False, None),
]

NO = [
    ("Lesetid: 4 min", True, "navigation"),
    ("Forsiden | Nyheter | Sport | Kultur | Debatt", True, "navigation"),
    ("Hopp til innhold", True, "navigation"),
    ("Emner: havn, ferjer, storm", True, "navigation"),
    ("Del | Facebook | Kopier lenke", True, "share"),
    ("Annonse", True, "advertising"),
    ("Saken fortsetter under annonsen", True, "advertising"),
    ("Vi bruker informasjonskapsler for å gi deg en bedre opplevelse.", True, "cookie"),
    ("Godta alle | Innstillinger for informasjonskapsler", True, "cookie"),
    ("Meld deg på nyhetsbrevet vårt og få nyhetene hver morgen", True, "newsletter"),
    ("Les også: Ny ferje til øya fra våren", True, "related"),
    ("Mest lest", True, "related"),
    ("12 kommentarer", True, "comments"),
    ("Om oss | Kontakt | Personvern", True, "footer"),
    ("© 2026 Elvebyavisa. Alle rettigheter forbeholdt.", True, "footer"),
    ("Foto: Kari Nordmann", True, "credit"),
    ("Laster...", True, "layout"),
    ("Les også rapporten fra kommunen, råder havnesjefen.", False, None),
    ("Annonsen ga havna mange nye kunder i fjor sommer.", False, None),
    ("Kommentarer fra ordføreren kom først på mandag.", False, None),
    ("Foto fra havna spredte seg raskt på nettet.", False, None),
]

TABLES = {
    "en": EN, "de": DE, "fr": FR, "es": ES, "it": IT, "pt": PT, "nl": NL, "ru": RU,
    "pl": PL, "ja": JA, "zh": ZH, "ko": KO, "ar": AR, "fi": FI, "hu": HU, "no": NO,
}


def _rows():
    for lang, rows in TABLES.items():
        for line, removed, category in rows:
            yield pytest.param(lang, line, removed, category, id=f"{lang}-{line[:40]}")


@pytest.mark.parametrize("lang, line, removed, category", list(_rows()))
def test_line_table(lang, line, removed, category):
    check(line, lang, removed, category)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_table_covers_every_category(lang):
    covered = {cat for _, removed, cat in TABLES[lang] if removed}
    assert covered == set(CATEGORIES)
    assert any(not removed for _, removed, _ in TABLES[lang]), "no trap sentences"


# --------------------------------------------------------------------------- the pack files


def _pack_text(lang: str) -> str:
    return resources.files("newsclean.phrases").joinpath(f"{lang}.txt").read_text("utf-8")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pack_parses_with_known_categories_only(lang):
    text = _pack_text(lang)
    headers = re.findall(r"^\[([^\]]+)\]\s*$", text, flags=re.M)
    assert set(headers) == KNOWN, f"{lang}.txt: missing {KNOWN - set(headers)}, unknown {set(headers) - KNOWN}"
    pack = builtin_pack(lang)
    used = set(pack.phrases.values()) | {cat for cat, _ in pack.patterns} | set(pack.markers.values())
    assert used <= KNOWN
    assert len(pack.phrases) > 100 and pack.patterns and pack.markers


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pack_passes_the_checks_a_rules_file_gets(lang):
    # Built-in packs are parsed without checks at run time; they must pass them all.
    # A pattern with a capital ("PR") or a "ß" never matched: lines are case-folded.
    parse_pack(_pack_text(lang), f"{lang}.txt", validate=True)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_patterns_are_anchored(lang):
    # A pattern may remove any line it matches: each must start at the start of the line.
    for cat, pat in builtin_pack(lang).patterns:
        assert pat.pattern.startswith("^"), f"{lang}.txt [{cat}] {pat.pattern}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_patterns_have_no_unbounded_any(lang):
    # ".*" / ".+" let a pattern reach across a whole 2,000-character line; use .{0,N}.
    for cat, pat in builtin_pack(lang).patterns:
        assert not re.search(r"(?<!\\)\.[*+]", pat.pattern), f"{lang}.txt [{cat}] {pat.pattern}"


WORST_LINES = [
    "a " * 1000,
    "copyright " * 200,
    "©" + "x" * 1999,
    "foto: " + "é" * 1994,
    "lesen sie auch " * 130,
    "en poursuivant votre navigation " * 60,
    "- " * 1000,
]


@pytest.mark.parametrize("line", WORST_LINES, ids=lambda s: s[:12].strip())
def test_patterns_stay_linear_on_long_lines(line):
    # Lines up to 2,000 characters reach the patterns (longer ones are skipped by the
    # stage). A catastrophic pattern would take minutes; regex's timeout turns that into
    # an error instead of a hang. The bound is generous on purpose.
    pack = builtin_pack("en")
    for lang in LANGUAGES:
        pack = pack.merge(builtin_pack(lang))
    for pat in pack.combined_patterns.values():
        pat.search(line, timeout=30)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_phrases_hold_no_duplicate_lines(lang):
    seen: dict[str, int] = {}
    for n, raw in enumerate(_pack_text(lang).split("\n"), 1):
        line = raw.strip()
        if line.startswith("["):
            seen = {}  # a phrase may stand in two sections (e.g. comments and end-markers)
        elif line and not line.startswith("#"):
            assert line not in seen, f"{lang}.txt:{n} repeats line {seen[line]}: {line}"
            seen[line] = n


def test_pack_for_is_english_plus_the_language():
    de = pack_for("de")
    assert de.phrases[("back", "to", "top")] == "navigation"
    assert de.phrases[("nach", "oben")] == "navigation"
    assert ("nach", "oben") not in pack_for("en").phrases
    assert pack_for(None).phrases == builtin_pack("en").phrases
    assert pack_for("xx").phrases == builtin_pack("en").phrases  # no pack: English only


def test_bad_rules_name_file_and_line(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("[navigation]\nhome\nre: ^(unclosed\n", encoding="utf-8")
    with pytest.raises(PackError, match=r"bad\.txt:3: bad pattern"):
        load_rules(str(bad))
    with pytest.raises(PackError, match=r":1: a phrase before any"):
        parse_pack("home\n")
    with pytest.raises(PackError, match=r":2: pattern can never match: .* write 'p' for 'P'"):
        parse_pack("[advertising]\nre: ^PR$\n")


# --------------------------------------------------------------------------- the samples


def _sample_sentences():
    for expected in sorted(SAMPLES.glob("*.expected.txt")):
        for para in expected.read_text("utf-8").split("\n\n"):
            para = para.strip()
            for sentence in re.split(r"(?<=[.!?…»“”\"])\s+", para):
                if sentence:
                    yield expected.name, sentence


def test_no_pattern_of_any_pack_matches_a_sample_sentence():
    everything = builtin_pack("en")
    for lang in LANGUAGES:
        everything = everything.merge(builtin_pack(lang))
    hits = []
    for name, sentence in _sample_sentences():
        low = squeeze(sentence).casefold()
        for cat, pat in everything.patterns:
            if pat.search(low):
                hits.append((name, cat, pat.pattern, sentence[:80]))
    assert not hits


NEWS_SAMPLES = sorted(SAMPLES.glob("news-*.raw.txt"))


@pytest.mark.parametrize("raw", NEWS_SAMPLES, ids=lambda p: p.name)
def test_sample_language_is_guessed(raw):
    lang = raw.name.split("-")[1]
    assert guess_language(raw.read_text("utf-8")) == lang


@pytest.mark.parametrize("raw", NEWS_SAMPLES, ids=lambda p: p.name)
def test_packs_alone_clean_each_sample(raw):
    # The packs by themselves (no content classifier) remove all of the sample's debris
    # and none of its article lines.
    expected = raw.with_name(raw.name.replace(".raw.txt", ".expected.txt")).read_text("utf-8")
    doc = Pipeline(PACK_STAGES).run(raw.read_text("utf-8"))
    kept = [ln.text.strip() for ln in doc.lines if ln.removal is None and ln.text.strip()]
    assert kept == [ln for ln in expected.split("\n") if ln.strip()]


# --------------------------------------------------------------------------- --rules


@pytest.mark.slow
def test_rules_file_adds_a_user_pack(tmp_path):
    rules = tmp_path / "house.txt"
    rules.write_text("# our CMS\n[navigation]\nZorblax menu\n[credit]\nre: ^pic by\\b.{0,40}$\n", encoding="utf-8")
    page = (
        "Zorblax Menu | Home\n\n"
        "The council said on Tuesday that the new bridge would open in the spring.\n\n"
        "Pic by Jane Roe\n"
    )

    def run(*args):
        return subprocess.run(
            # without the content classifier, so that only the packs decide
            [sys.executable, "-m", "newsclean", "--skip", "content", *args, "-"],
            input=page, capture_output=True, text=True, encoding="utf-8", check=False,
        )

    plain = run()
    assert plain.returncode == 0, plain.stderr
    assert "Zorblax" in plain.stdout and "Pic by" in plain.stdout
    with_rules = run("--rules", str(rules))
    assert with_rules.returncode == 0, with_rules.stderr
    assert with_rules.stdout == "The council said on Tuesday that the new bridge would open in the spring.\n"


@pytest.mark.slow
def test_bad_rules_file_fails_with_its_line(tmp_path):
    rules = tmp_path / "broken.txt"
    rules.write_text("Zorblax menu\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "newsclean", "--rules", str(rules), "-"],
        input="Some text.\n", capture_output=True, text=True, encoding="utf-8", check=False,
    )
    assert proc.returncode != 0
    assert "broken.txt:1" in proc.stderr
    assert proc.stdout == ""


# --------------------------------------------------------------------------- wrapped tails


def test_wrapped_paragraph_tail_is_not_a_menu():
    text = (
        "The mayor said the city would have to find the money elsewhere or pay\n"
        "more.\n"
    )
    doc = Pipeline(PACK_STAGES, language="en").run(text)
    assert [ln.removal for ln in doc.lines if ln.text.strip()] == [None, None]
