"""Modern page furniture inside the kept region, judged by its shape, not by a site's words.

The content stage keeps a run of paragraphs; news pages put furniture inside that run
that no phrase list names in full: an image's alt text printed again as its caption,
captions ending in a photo credit, comment rows (a time ago, "Reply"), form rows
(``[ ]`` checkboxes, a lone ``[Submit]`` button, "Name *") and newsletter headings.
This judge runs after the content stage, on the lines it kept.

Rules: ``caption-repeated`` (a short line held whole by one of the next few, which
adds a credit or a note: the alt text and the caption of one image; a sentence of more
than twelve words may be the article's own: the alt text and the caption of one image; the copy that adds
nothing goes; both go when they stand on two lines in a row: ``caption-pair``,
:func:`_caption_pair`), ``caption-credit`` (a short line that ends in a
credit: ``... © AFP / Jane Roe``, ``... Foto: dpa``, or in a photo agency's name after a
separator: ``... pier. Ann Lee / Getty Images``, ``...（共同）``), ``caption-doubled`` (one
text printed twice on a line: an image's alt text and its caption), ``caption-position`` (a name and where its person stands in the
picture: ``Ann Lee (l.) und Jo Roe``), ``comment-meta`` (``2 days ago``,
``vor 3 Stunden``, ``Reply``, ``Antworten``), ``form-row`` (a checkbox, a button, a
required field's label, a label and its empty box: ``Email _``), ``newsletter-heading`` (``Our Weekly Newsletter``), ``contents`` (a table of contents:
its heading and the items the article prints again as its subheads), and in the
header above the headline ``header-breadcrumb`` and ``header-label`` (see
:func:`_header`); first, ``related-link`` (the titles right under a heading over other
articles, "Read also:", in its paragraph: :func:`_related_links`); last,
``after-article`` (see :mod:`newsclean.stages.after_article`).

>>> from newsclean import Context, Document
>>> page = [
...     "The ferry sailed at dawn, the first crossing since the storm closed the harbour.", "",
...     "Crew on the deck of the ferry", "Crew on the deck of the ferry (Photo: Ann Lee)", "",
...     "Divers will inspect the piers on Friday. © Coast Times / Ann Lee", "",
...     "Jo Smith", "3 days ago", "Great news for the island.", "Reply", "",
...     "[ ] I agree to the privacy policy", "[Subscribe]"]
>>> doc = Document.from_text("\\n".join(page))
>>> furniture(doc, Context())
>>> [(l.number, l.removal.rule) for l in doc.removed()]
[(3, 'caption-pair'), (4, 'caption-pair'), (6, 'caption-credit'), (9, 'comment-meta'), (11, 'comment-meta'), (13, 'form-row'), (14, 'form-row')]
"""

from __future__ import annotations

import re

from ..context import Context
from ..document import Document, Line
from ..regexes import compile_re
from ..registry import stages
from ..script import word_count
from .after_article import after_article
from .content.features import BULLETS, DATELINE_RE, MONTHS
from .repeats import kept_parts

_MAX_WORDS = 40
# "3 days ago", "vor 3 Stunden", "hace 2 días", "il y a 2 jours", "2 godziny temu",
# "há 3 horas", "3 giorni fa", "3 dagen geleden", "just now", "yesterday at 10:15"
_UNITS = (
    r"(?:sec(?:ond)?s?|sekunden?|segundos?|secondes?|sekund[ye]?|secondi|seconden|"
    r"mins?|minutes?|minuten?|minutos?|minut[ya]?|minuti|"
    r"hrs?|hours?|stunden?|std\.?|horas?|heures?|godzin[ya]?|godz\.?|ore|ora|uur|"
    r"days?|tag(?:en)?|tage|días?|dias?|jours?|dni|dzień|giorni|giorno|dagen?|"
    r"weeks?|wochen?|semanas?|semaines?|tygodni[ea]?|settimane?|weken|"
    r"months?|monat(?:en)?|monate|meses|mes|mois|miesi[aą]c[ey]?|mesi|maanden?|"
    r"years?|jahr(?:en)?|jahre|años?|anos?|ans?|lat[a]?|rok|anni|jaar)"
)
_COUNT = r"(?:\d{1,3}\s*|(?:an?|one|einer?|un[ae]?|une|jeden|jedna)\s+)"
_AGO = compile_re(
    rf"^(?:(?:about |vor |hace |il y a |há |circa |około |ongeveer ){_COUNT}{_UNITS}"
    rf"|(?:about )?{_COUNT}{_UNITS}\s+(?:ago|temu|fa|geleden)"
    r"|\d{1,3}\s?[smhdwy]"
    r"|just now|gerade eben|à l'instant|ahora mismo|przed chwilą"
    r"|(?:yesterday|gestern|ayer|hier|wczoraj|ontem|ieri|gisteren)(?: (?:at|um|a las|à|o) \d{1,2}[:.]\d{2})?)"
    r"\s*(?:[·•|]\s*(?:edited|bearbeitet|editado|modifié))?$",
    re.IGNORECASE,
)
# a comment's buttons: the row of them as the dump prints it
_COMMENT_BUTTONS = frozenset(
    "reply replies antworten antwort responder responde respuesta répondre réponse odpowiedz "
    "odpowiedź rispondi responder reageren like likes gefällt mir me gusta j'aime lubię "
    "report melden denunciar signaler zgłoś segnala share teilen upvote downvote vote "
    "permalink edit bearbeiten editar modifier · | •".split()
)
_SOME_BUTTON = frozenset(
    "reply antworten responder répondre odpowiedz rispondi reageren upvote downvote".split()
)
# checkbox, a lone button, a field's label that says it is required
_CHECKBOX = compile_re(r"^\s*(?:[*+•-]\s*)?\[[ xX✓]?\]\s*\S")
_BUTTON_ONLY = compile_re(r"^\s*(?:\[\s*[^\[\]\s]+(?:\s[^\[\]\s]+)?\s*\]\s*){1,3}$|^\s*\(BUTTON\)\s*[^()]{0,30}$")
_REQUIRED_LABEL = compile_re(
    r"^\s*\w[\w'’/-]*(?:\s+[\w'’/-]+){0,2}\s*(?:\s\*|\*\s*:|\((?:required|erforderlich|obligatorio|"
    r"obligatoire|wymagane|obrigatório|obbligatorio|verplicht|pflichtfeld|will not be published|never shown|"
    r"wird (?:benötigt|nicht veröffentlicht))[^()]{0,60}\))\s*:?\s*$",
    re.IGNORECASE,
)
# a field's label and its empty text box, as the dumpers print it: "Email _",
# "Last Name [          ]" (judged squeezed: "Last Name [ ]")
_EMPTY_FIELD = compile_re(r"^[^\W\d_][^\[\]_.!]{0,40}?\s(?:_{1,2}|\[ ?\])$")
# what a consent or sign-up checkbox says, in the languages of the packs
_CONSENT = compile_re(
    r"\b(?:agree|accept|consent|newsletter|privacy|terms|remember me|notify me|einverstanden|zustimm|"
    r"akzeptier|datenschutz|benachrichtig|acepto|acept|privacidad|accepte|j'accepte|confidentialit|"
    r"zgadzam|akceptuj|prywatno|concordo|aceito|privacidade|accetto|consenso|akkoord|privacybeleid)",
    re.IGNORECASE,
)
_NEWSLETTER_HEADING = compile_re(r"^(?:[\w’'&-]+\s+){0,3}newsletter(?:\s+[\w’'&-]+){0,2}\s*[!»›>]?$", re.IGNORECASE)
_NEWSLETTER_VERBS = compile_re(
    r"\b(?:sign|join|subscribe|get|abonn|anmeld|bestell|inscr|suscr|zapisz|assin|iscriv|aanmeld)", re.IGNORECASE
)
# a credit at the end of a short line: "© AFP / Jane Roe", "Foto: dpa", "(Photo: Reuters)",
# "Photograph by Ann Lee"
_CREDIT_TAIL = compile_re(
    r"(?:^|[\s.|(–-])(?:©|\(c\)|(?:fotos?|photos?|photographs?|pictures?|bild(?:er)?|images?|imagen|"
    r"credits?|crédits?|zdj(?:ę|e)cie|fot\.?|kuva|foto ?grafie)\s*(?::|by\b|von\b|de\b|par\b))"
    r"\s*[^.!?:;]{2,60}\)?$",
    re.IGNORECASE,
)


# A caption that ends in a photo or news agency's name after a separator: "... pier.Ann
# Lee / Getty Images", "... – © Max Roth – stock.adobe.com", "... lunes. EFE", "（共同）".
# The agencies and stock libraries of the world's captions, not one site's words.
_STOCK = (
    r"getty(?: ?images)?|istock(?:photo)?(?:\.com)?|shutterstock(?:\.com)?|(?:stock\.)?adobe(?:\.com| ?stock)|"
    r"alamy(?: stock photo)?|imago(?: images)?|picture[- ]alliance|pixabay|unsplash|pexels|pixelio(?:\.de)?|"
    r"depositphotos|123rf|dreamstime|freepik|wikimedia(?: commons)?|"
    r"public domain|domena publiczna|gemeinfrei|dominio público|domaine public"
)
_NEWS_AGENCIES = (
    r"reuters(?: files?)?|ap(?: photo)?|afp|dpa|epa(?:-efe)?|efe|ansa|pap|anp|apa|tass|xinhua|kyodo|yonhap|aap|"
    r"sipa|belga|keystone|"
    r"共同(?:通信)?|時事(?:通信)?|ロイター|新华社|新華社|中新社|연합뉴스|뉴시스|رويترز|أ ف ب|فرانس برس|тасс|риа новости"
)
_AGENCY_TAIL = compile_re(
    rf"(?:^|(?P<sep>[/|©(:–—·.,（／]|\s-|\bvia\b))\s*(?P<name>[^\W\d][\w.'’ -]{{0,40}}?\s*[/|／]+\s*)?"
    rf"(?:(?P<stock>{_STOCK})|{_NEWS_AGENCIES})\s*[)）]?\.?$",
    re.IGNORECASE,
)
_AGENCY_HINTS = frozenset("/|©(–—·.,（／-")
# A picture's block printed on one line: its title, "| ©" and the photographer, then
# its caption ("Bavaria | © Ann Lee Bavaria landed on the ridge."); and a name alone
# before a stock library's, with no separator ("Ann Lee Getty Images")
_PIPE_CREDIT = compile_re(r"\|\s*+©")
_NAME_STOCK = compile_re(
    r"^(?:[A-ZÀ-ÝĀ-Ž][\w.'’-]*+\s++){1,5}"
    r"(?i:getty images|imago images|picture alliance|alamy stock photo|adobe stock|shutterstock|istock(?:photo)?|pixabay|unsplash)$"
)
# A news agency's name alone after a sentence ("... in school. – AFP") signs off a
# paragraph of the article; on a short line, or with a photographer's name or a ©, it
# credits a picture.
_SIGN_OFF_WORDS = 15


def _agency_credit(text: str, n: int) -> bool:
    """A caption of ``n`` words that ends in a photo library's or news agency's name
    (see above).

    >>> _agency_credit("Divers at the pier. Ann Lee / Getty Images", 8), _agency_credit("Pier closed. EFE", 3)
    (True, True)
    >>> _agency_credit("Repairs will take at least three weeks, the harbour master told reporters. – AFP", 14)
    True
    >>> _agency_credit("Repairs on the two damaged piers will take at least three weeks, the harbour master said. – AFP", 18)
    False
    """
    # (the credit ends the line: its last 90 characters hold it, and a search from
    # there is a fraction of one over a long caption; "^" matches at the real start only)
    m = _AGENCY_TAIL.search(text, max(0, len(text) - 90))
    if m is None:
        return False
    return bool(m.group("stock") or m.group("name") or m.group("sep") in ("©", "(", "（", "via") or n <= _SIGN_OFF_WORDS)


# words one of which a credit holds (a cheap test before _CREDIT_TAIL's search)
_CREDIT_HINTS = ("©", "(c)", "fot", "photo", "pictur", "bild", "imag", "credit", "crédit", "zdj", "kuva")


# A caption's credit that _CREDIT_TAIL's tail leaves out: a source with full stops in it
# ("Foto: Archivo El País.", "Bild: Ann Lee/Theater St. Gallen", "Foto: Ann Lee | flickr |
# CC BY 2.0"), a source in brackets ("(Quelle: Ann Lee/Unsplash)", "(Bildquelle: X)"), a
# licence ("CC BY-SA 2.0"), a picture marked as a stand-in ("(Symbolbild)"), a figure's
# caption ("Abbildung 4: ...") and a credit whose link the dump left out ("..., Bild via").
# Each in the words picture desks use, not one site's.
_SOURCE_TAIL = compile_re(
    r"(?:(?:^|[\s.|(–-])(?:©|\(c\)|(?:fotos?|photos?|bild|bilder|images?|imagen|foto ?grafie|"
    r"bild(?:quelle|nachweis|credits?|rechte)|foto(?:quelle|nachweis|credits?)|beitragsbild|titelbild|"
    r"symbolbild|symbolfoto|archivbild|archivfoto)\s*+:|\(\s*+quelle\s*+:)|^quelle\s*+:)"
    r"\s*+(?P<tail>[^!?;]{2,80}?)\s*+\)?\)?\.?$",
    re.IGNORECASE,
)
# (with its version: a licence without one is as likely a list's entry, "License: CC-BY")
_LICENCE_TAIL = compile_re(r"\bcc[ -]?by(?:[ -](?:sa|nd|nc)){0,3}+\s*+\d\.\d\s*+\)?\.?$", re.IGNORECASE)
_STAND_IN = compile_re(
    r"\((?:symbolbild|symbolfoto|archivbild|archivfoto|archiv|foto|bild)\)\.?$|"
    r"^\[?(?:abbildung|abb\.)\s*+\d{0,3}\s*+:|"
    r"\s(?:bild|foto|photo|image|quelle)\s++via\s*+:?$",
    re.IGNORECASE,
)
# the words of a credit's tail, at most (a longer tail is a sentence of the caption)
_SOURCE_WORDS = 10


def _label_in_title(text: str) -> bool:
    """Whether a credit's label ("Photos:", "Images:") stands among a title's words: a
    word and a space before it, no full stop, bracket or separator between them, a
    colon after it ("© Ann Lee" and "… image by Ann Lee" are a caption's credits), and
    fewer words before it than after it.

    >>> _label_in_title("In Photos: Storm closes the harbour"), _label_in_title("The pier at dawn. Photo: Ann Lee")
    (True, False)
    >>> _label_in_title("Storm closes the harbour (Foto: dpa)"), _label_in_title("Storm closes the harbour")
    (False, False)
    >>> _label_in_title("The pier at dawn © Ann Lee"), _label_in_title("Hero image by Ann Lee")
    (False, False)
    >>> _label_in_title("Divers inspect the damaged pier at Kilmore Foto: Ann Lee/dpa")
    False
    """
    m = _CREDIT_TAIL.search(text) or _SOURCE_TAIL.search(text)
    if m is None or m.start() == 0 or not text[m.start()].isspace() or not text[m.start() - 1].isalnum():
        return False
    label, colon, rest = text[m.start() + 1 :].partition(":")
    # a title's few words lead to the label, a caption's many words lead to its credit
    # ("… beantwortet Fragen von Journalist:innen Foto: Ann Lee/dpa")
    return bool(colon) and label.replace(" ", "").isalpha() and len(text[: m.start()].split()) < len(rest.split())


def _source_credit(text: str, n: int) -> bool:
    """A caption that ends in a credit the ``caption-credit`` tail leaves out (above):
    the credit's tail is a name, not a sentence (ten words at most, a full stop inside
    only after an initial or an abbreviation), or a figure's caption.

    >>> _source_credit("Pier at dawn. Foto: Archivo El Faro.", 7), _source_credit("Pier. (Quelle: Ann Lee/Unsplash)", 4)
    (True, True)
    >>> _source_credit("Pier at dawn. Foto: Ann Lee | flickr | CC BY 2.0", 10), _source_credit("Pier (Symbolbild).", 2)
    (True, True)
    >>> _source_credit("Ein Foto: das zeigt, wie es war. Dann kam der Regen über die Stadt.", 14)
    False
    """
    m = _STAND_IN.search(text)
    if m is not None:
        return n <= 30 or m.group().startswith(("[", "A", "a"))
    if n > 30:
        return False
    if _LICENCE_TAIL.search(text, max(0, len(text) - 40)):
        return True
    m = _SOURCE_TAIL.search(text, max(0, len(text) - 120))
    if m is None:
        return False
    tail = m.group("tail")
    if len(tail.split()) > _SOURCE_WORDS:
        return False
    # a full stop inside ends an initial or a short abbreviation ("V. Berret", "St. Gallen"),
    # not a sentence that goes on
    for part in tail.split(". ")[:-1]:
        words = part.split()
        if words and len(words[-1]) > 3:
            return False
    return True


# Where a person stands in the picture, after a name: a photo caption's words in every
# newsroom ("Ann Lee (l.) und Jo Roe", "Jo Roe (2. von rechts)", "Ann Lee (left) and
# Jo Roe"), not an article's (a word in lower case before it is a sentence's: "the
# thinnest pad (right)"; "(Mitte)" is a recipe's oven shelf as often as a place in a picture)
_POSITION = compile_re(
    r"\b[A-ZÀ-ÝĀ-Ž][\w'’.-]*+\s\((?:\d\.\s?)?(?:l\.|r\.|li\.|re\.|links|rechts|v\.\s?l\.(?:\s?n\.\s?r\.)?|"
    r"von (?:links|rechts)|left|right|centre|center|from left|l-r)\)"
)


# words one of which a loose credit holds (a cheap test before the searches)
_SOURCE_HINTS = ("fot", "photo", "bild", "imag", "quelle", "cc by", "cc-by", "ccby", "abb", "archiv", "©", "(c)")


def _doubled(text: str) -> bool:
    """A line that is one text printed twice or more (an image's alt text and its
    caption, a link's title and its text), the text three words or more, or a word
    printed three times or more.

    >>> _doubled("divers on the pier. divers on the pier."), _doubled("Pier reopensPier reopens")
    (True, False)
    >>> _doubled("next next next next next next"), _doubled("Row, row, row your boat")
    (True, False)
    """
    for unit in (text, text + " "):
        size = len(unit)
        period = (unit + unit).find(unit, 1)
        if period < size and size % period == 0:
            words = len(unit[:period].split())
            copies = size // period
            return words >= 3 or (copies >= 3 and words * copies >= 6)
    return False


# A text printed twice with a short tail after the copies: the caption's credit or the
# photographer in brackets ("... harbour. ... harbour. (Ann Lee)"), or a credit glued to
# each copy ("... Foto: Ann LeeThe pier ... Foto: Ann Lee", printed twice as it stands)
_TAIL_WORDS = 4


def _doubled_with_tail(text: str) -> bool:
    """A line that is one text of six words or more printed twice, then at most a short
    tail in brackets (a caption's credit), and nothing else.

    >>> _doubled_with_tail("The pier at dawn after the storm. The pier at dawn after the storm. (Ann Lee)")
    True
    >>> _doubled_with_tail("The pier at dawn after the storm. The pier at dawn after the storm. Then the rain came back.")
    False
    >>> _doubled_with_tail("He said no. He said no. He said no to everything (twice)")
    False
    """
    body = text.rstrip()
    if not body.endswith((")", "）")):
        return False
    cut = body.rfind("(") if body.endswith(")") else body.rfind("（")
    if cut <= 0 or len(body[cut:].split()) > _TAIL_WORDS:
        return False
    head = body[:cut].rstrip()
    half, rest = divmod(len(head), 2)
    for size in {half, half + rest}:
        first, second = head[:size].strip(), head[size:].strip()
        if first and first == second and len(first.split()) >= 6:
            return True
    return False


_ENDS = ".!?。！？"
# a date as Chinese, Japanese and Korean pages write it ("2026年3月4日", "3월 4일"), and
# the ISO form ("2026-03-04"), which the Latin dateline pattern does not see
_OTHER_DATE = compile_re(r"\d{4}\s?[年년]|\d{1,2}\s?[月월]\s?\d{1,2}\s?[日일]|\b\d{4}-\d{1,2}-\d{1,2}\b")
_BYLINE_WORDS = frozenset("by von par por di door от av af przez".split())


def _caption_pair(
    groups: list[list[Line]], texts: list[str], sizes: list[int], k: int, tail: int = 80, most: int = 2 * _MAX_WORDS
) -> bool:
    """Whether the kept parts ``k`` and ``k + 1`` are one image's alt text and its
    caption: two lines in a row, no blank line between, the second the first again
    (as it stands, with a credit or a note of at most ``tail`` characters after it, or
    after a word or two: "Enlarge", "Vergrößern"), three to ``most`` words. The article
    separates its paragraphs, a pull quote from the text around it.

    >>> from newsclean import Document
    >>> doc = Document.from_text("Crew on the deck at dawn\\nEnlarge Crew on the deck at dawn\\n\\nCrew on the deck at dawn")
    >>> groups = [[doc.lines[0]], [doc.lines[1]], [doc.lines[3]]]
    >>> texts = [" ".join(g[0].text.split()) for g in groups]
    >>> _caption_pair(groups, texts, [6, 7, 6], 0), _caption_pair(groups, texts, [7, 6, 6], 1)
    (True, False)
    """
    if k + 1 >= len(groups) or len(groups[k]) != 1 or len(groups[k + 1]) != 1:
        return False
    if groups[k][0].number + 1 != groups[k + 1][0].number or not 3 <= sizes[k] <= most:
        return False
    first, second = texts[k], texts[k + 1]
    if len(first) < 20 or any("  " in g[0].text.strip() for g in (groups[k], groups[k + 1])):
        return False
    if second == first:
        return True
    if second.startswith(first):
        added = second[len(first) :]
        return len(added) <= tail and sum(c.isalnum() for c in added) >= 3
    return second.endswith(" " + first) and 1 <= len(second[: len(second) - len(first)].split()) <= 2


def _is_prose(text: str, n: int) -> bool:
    """A paragraph of the article: a sentence of a dozen words or more, or a long run."""
    return n >= 25 or (n >= 12 and text.rstrip("\"”»’')）」").endswith(tuple(_ENDS)))


def _is_title(text: str, n: int) -> bool:
    """A headline's shape: two to twenty words, no full stop, no date or byline."""
    return 2 <= n <= 20 and text[-1:] not in ".。:" and not _is_dateline(text, n)


def _in_a_menu(doc: Document, label: str, own: set[int]) -> bool:
    """Whether the page prints ``label`` (squeezed, case-folded) on a line other than
    ``own`` as an item of a menu: a short line with two short lines or more among its
    nearest non-blank neighbours (two above, two below)."""
    folded = doc.folded_squeezed_lines()  # cached per document

    def short(i: int) -> bool:
        return len(folded[i].split()) <= 5 and folded[i][-1:] not in _ENDS

    for i, text in enumerate(folded):
        if text != label or i + 1 in own:
            continue
        near: list[int] = []
        for step in (-1, 1):
            j, taken = i + step, 0
            while 0 <= j < len(folded) and taken < 2:
                if folded[j]:
                    near.append(j)
                    taken += 1
                j += step
        if sum(1 for j in near if short(j)) >= 2:
            return True
    return False


def _is_dateline(text: str, n: int) -> bool:
    """A byline ("By Ann Lee") or a short line that holds a date ("4 March 2026")."""
    words = text.casefold().split()
    return words[0] in _BYLINE_WORDS or (
        n <= 8 and bool(DATELINE_RE.search(text) or _OTHER_DATE.search(text) or not MONTHS.isdisjoint(words))
    )


def _headline(texts: list[str], sizes: list[int]) -> tuple[int, int | None]:
    """The first paragraph of prose (``len(texts)`` for none) and the headline above it:
    the last title-shaped line before it (None for none)."""
    first = next((k for k, (t, n) in enumerate(zip(texts, sizes)) if _is_prose(t, n)), len(texts))
    head = [k for k in range(first) if _is_title(texts[k], sizes[k])]
    return first, (head[-1] if head and first < len(texts) else None)


def _header(
    doc: Document, groups: list[list[Line]], texts: list[str], sizes: list[int], first: int, headline: int | None
) -> list[tuple[int, str]]:
    """Furniture in the header above the article: the kept lines before its first
    paragraph of prose, above the headline (the last title-shaped line among them,
    at most three lines above the prose, not a list's item).

    ``header-breadcrumb``: a line that ends in a later header line after a few words
    of path ("Home » News » Storm closes harbour" above "Storm closes harbour").
    ``header-label``: a short line (five words at most, no sentence end, no date)
    right above the headline (datelines between them at most) that the page prints as
    an item of a menu elsewhere: the section's name.
    """
    if headline is None:
        return []
    folded = [t.casefold() for t in texts]
    found: list[tuple[int, str]] = []
    for k in range(headline):
        low = folded[k]
        later = [folded[j] for j in range(k + 1, first + 1)]
        if any(low.endswith(t) and 1 <= len(low[: len(low) - len(t)].split()) <= 8 and len(t.split()) >= 2 for t in later):
            found.append((k, "header-breadcrumb"))
    label = headline - 1
    while label >= 0 and _is_dateline(texts[label], sizes[label]):
        label -= 1
    if (
        label < 0
        or first - headline > 3
        or texts[headline][:1].isdigit()
        or texts[headline].startswith(BULLETS)
        or sizes[label] > 5
        or texts[label][-1:] in _ENDS
        or any(k == label for k, _ in found)
    ):
        return found
    if _in_a_menu(doc, folded[label], {line.number for line in groups[label]}):
        found.append((label, "header-label"))
    return found


# what a heading over links to other articles ends with ("Read also:", "Lesen Sie auch »")
_LEADS = (":", "»", "›", ">", "：")


def _related_links(doc: Document, most: int = 3) -> list[Line]:
    """The links right under a heading over other articles inside the page: a line the
    phrase packs removed as ``related`` ("Read also:", "Lue myös:"; a heading that ends
    in a colon or an arrow, or a phrase alone on its line; not a menu's item), then, in the same paragraph
    (no blank line between), one to ``most`` kept title-shaped lines (two to twenty
    words, no sentence end, not going on in lower case) that end the paragraph: the
    titles of the articles it links to.

    >>> doc = Document.from_text("Ferries stopped at noon.\\n\\nRead also:\\nNew lifeboat for the island\\n\\nMore text.")
    >>> doc.remove(doc.lines[2], "boilerplate-sentences", "pattern:related")
    >>> [line.number for line in _related_links(doc)]
    [4]
    """
    lines = doc.lines
    found: list[Line] = []
    for i, head in enumerate(lines):
        removal = head.removal
        if removal is None or "related" not in removal.rule.partition(":")[2].split("+"):
            continue
        if removal.rule.startswith("pattern:") and not head.text.rstrip().endswith(_LEADS):
            continue  # (a heading and its link on one line: what follows is not the link)
        if head.text.lstrip().startswith(BULLETS):
            continue  # (a menu's item, "* Discussion boards", heads nothing)
        run: list[Line] = []
        j = i + 1
        while j < len(lines) and lines[j].text.strip() and len(run) <= most:
            line = lines[j]
            text = " ".join(line.text.split())
            n = word_count((text[2:] if text.startswith(BULLETS) else text).split())
            if line.removal is not None or text[:1].islower() or not _is_title(text, n) or text[-1:] in _ENDS:
                run = []
                break
            run.append(line)
            j += 1
        if 1 <= len(run) <= most:
            found.extend(run)
    return found


# A table of contents' heading, in the languages of the packs and the scripts newsclean
# knows; the ones that can only name a table of contents go even without its items.
_CONTENTS_ALONE = frozenset(
    "table of contents|inhaltsverzeichnis|table des matières|tabla de contenidos|tabla de contenido|"
    "indice dei contenuti|spis treści|inhoudsopgave|índice de conteúdos|оглавление|"
    "目次|目录|目錄|목차|جدول المحتويات".split("|")
)
_CONTENTS = _CONTENTS_ALONE | frozenset(
    "contents|on this page|in this article|jump to|inhalt|auf dieser seite|in diesem artikel|sommaire|"
    "dans cet article|índice|contenido|contenidos|en este artículo|indice|sommario|in questo articolo|"
    "spis treści|inhoud|op deze pagina|sumário|conteúdo|neste artigo|содержание|المحتويات".split("|")
)
_ITEM_MARK = compile_re(r"^(?:[*•◦·+o-]\s+|\d{1,2}[.)]\s*)")


def _contents(texts: list[str], sizes: list[int]) -> list[int]:
    """A table of contents: its heading and the short items under it that the article
    prints again below (its subheads). A list under "Contents" whose items are printed
    only there is the article's own; a heading that can only name a table of contents
    goes alone.

    >>> _contents(["Contents", "* Why", "* How it ended", "Intro text.", "Why", "How it ended"], [1, 2, 4, 2, 1, 3])
    [0, 1, 2]
    """
    found: list[int] = []
    folded: list[str] = []
    for k, text in enumerate(texts):
        if sizes[k] > 4:
            continue
        heading = text.casefold().rstrip(":： ")
        if heading not in _CONTENTS:
            continue
        if not folded:
            folded = [_ITEM_MARK.sub("", t).casefold() for t in texts]
        items = []
        j = k + 1
        while j < len(texts) and sizes[j] <= 12 and texts[j][-1:] not in _ENDS and folded[j] in folded[j + 1 :]:
            items.append(j)
            j += 1
        if len(items) >= 2 or heading in _CONTENTS_ALONE:
            found += [k, *items]
    return found


def _cells(group: list[Line]) -> bool:
    """Whether a table layout's cells share ``group``'s lines (three spaces inside one,
    before any box): a "_" there is an empty cell's, not a form's box."""
    return any("   " in line.text.strip().partition("[")[0] for line in group)


def _kept_runs(doc: Document) -> list[Line]:
    return [line for line in doc.lines if line.removal is None and line.text.strip()]


def _is_comment_buttons(text: str) -> bool:
    words = text.casefold().replace("(button)", " ").split()
    if not words or len(words) > 8:
        return False
    bare = [w.strip("()[]:") for w in words]
    if not any(w in _SOME_BUTTON for w in bare):
        return False
    return all(w in _COMMENT_BUTTONS or w.isdigit() or not w for w in bare)


def _is_form_checkbox(k: int, texts: list[str], *, reach: int = 2) -> bool:
    """A checkbox of a form, not an item of a checklist: one of at most two in a row,
    saying what a consent or sign-up box says, or next to a button or a field."""
    run = 1
    for step in (-1, 1):
        j = k + step
        while 0 <= j < len(texts) and _CHECKBOX.match(texts[j]):
            run += 1
            j += step
    if run > 2:
        return False
    if _CONSENT.search(texts[k]):
        return True
    near = texts[max(0, k - reach) : k + reach + 1]
    return any(_BUTTON_ONLY.match(t) or _REQUIRED_LABEL.match(t) or "___" in t for t in near)


@stages.register("furniture", after=("content",))
def furniture(doc: Document, ctx: Context, *, reach: int = 3) -> None:
    """Remove page furniture the content stage kept: repeated captions, credited
    captions, comment rows, form rows and newsletter headings (see the module).

    A hard-wrapped paragraph is judged whole (its lines go together or stay).
    Datelines and bylines stay: they are part of what newsclean gives back.
    """
    links = _related_links(doc)
    for line in links:
        doc.remove(line, "furniture", "related-link")
    # judged as written: the composer writes a line without its image names (the kept
    # parts' texts, squeezed, and word counts are shared with the after-article judges)
    groups, texts, sizes = kept_parts(doc)
    gone = [False] * len(groups)
    first, headline = _headline(texts, sizes)
    below = first if headline is None else headline + 1
    found = _header(doc, groups, texts, sizes, first, headline) + [(k, "contents") for k in _contents(texts, sizes)]
    for k, rule in found:
        gone[k] = True
        for line in groups[k]:
            doc.remove(line, "furniture", rule)
    for k, (group, text) in enumerate(zip(groups, texts)):
        if gone[k]:
            continue
        n = sizes[k]  # word-equivalents in Chinese and Japanese
        rule = ""
        low = text.casefold()
        if n > _MAX_WORDS:
            # a long caption printed twice with its credit, its alt text and its caption
            # ("A. Foto: Ann LeeA. Foto: Ann Lee"), is twice as long as one (a paragraph
            # printed twice without a credit may be the article's, its teaser and itself)
            # (and a figure's long caption, "Abbildung 4: ...", is a caption however long)
            if n <= 2 * _MAX_WORDS and k != headline and any(h in low for h in _SOURCE_HINTS):
                if _doubled(text) or _doubled_with_tail(text):
                    rule = "caption-doubled"
                elif _source_credit(text, n):
                    rule = "caption-credit"
        elif n <= 8 and (_AGO.match(text) or _is_comment_buttons(text)):
            rule = "comment-meta"
        elif _BUTTON_ONLY.match(text) or _REQUIRED_LABEL.match(text) or (n <= 8 and _EMPTY_FIELD.match(text) and not _cells(group)):
            rule = "form-row"
        elif _CHECKBOX.match(text) and _is_form_checkbox(k, texts):
            rule = "form-row"
        elif n <= 6 and _NEWSLETTER_HEADING.match(text) and (n <= 3 or _NEWSLETTER_VERBS.search(text)):
            rule = "newsletter-heading"
        elif k == headline and _label_in_title(text):
            pass  # "In Photos: Storm closes the harbour" is the headline, no credit
        elif n <= 30 and any(h in low for h in _CREDIT_HINTS) and _CREDIT_TAIL.search(text):
            rule = "caption-credit"
        elif not _AGENCY_HINTS.isdisjoint(text) and _agency_credit(text, n):
            rule = "caption-credit"
        elif ("©" in text and _PIPE_CREDIT.search(text)) or (n <= 8 and _NAME_STOCK.match(text)):
            rule = "caption-credit"
        elif any(h in low for h in _SOURCE_HINTS) and _source_credit(text, n):
            rule = "caption-credit"
        elif "(" in text and k != headline and _POSITION.search(text):
            rule = "caption-position"
        elif (_doubled(text) or _doubled_with_tail(text)) and k != headline and not any("  " in line.text.strip() for line in group):
            # (a table row's cells printed twice, "Rate  Fee    Rate  Fee", are a table's;
            # a headline printed twice, its link's text and title, is the headline)
            rule = "caption-doubled"
        elif 3 <= n <= 25 and len(text) >= 20 and (n <= 12 or text[-1] not in _ENDS):
            # an image's alt text and its caption: the same short text again, near,
            # with a credit or a note added; the copy that adds nothing goes (a line
            # printed twice as it stands may be the article's own: a heading and its
            # entry in a list of contents)
            for j in range(k + 1, min(len(groups), k + 1 + reach)):
                other = texts[j]
                added = other[len(text) :]
                if other.startswith(text) and len(added) <= 80 and sum(c.isalnum() for c in added) >= 3:
                    rule = "caption-repeated"
                    break
        if rule in ("", "caption-repeated") and k >= below and _caption_pair(groups, texts, sizes, k):
            # (both copies: the alt text and the caption, on two lines in a row; not
            # above the headline or the first paragraph, where a title is printed twice)
            rule = "caption-pair"
            gone[k + 1] = True
            for line in groups[k + 1]:
                doc.remove(line, "furniture", rule)
        if rule:
            gone[k] = True
            for line in group:
                doc.remove(line, "furniture", rule)
    after_article(doc, ctx)
