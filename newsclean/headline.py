"""The headline: the title line nearest above the article that is not navigation, a
dateline or a byline.

The composer asks :func:`headline_of` once the paragraphs are built. Candidates are
the lines around the start of the article (the first kept line): up to 150 non-blank
lines above it, whatever the content stage thought of them, and its first 120 kept
lines (kicker, breadcrumb, a sidebar or a sign-up form may have been kept above the
title). A title a dumper hard-wrapped (lynx at 80 columns) is joined again. A
candidate must look like a title (:func:`looks_like_title`: not a sentence, a menu, a
breadcrumb, a dateline, a byline, a credit, a logo, hashtags, a button or a list item);
"Title | Site", "Title – Subtitle", "Site | Title", "Home - Sport - Title" and
"Title (site.com)" also give their parts, a line a date starts or ends gives the
rest, and a table row of two or three cells (w3m, inscriptis) gives each cell, even
when a sidebar's cell makes the line too long for a title (the line whole when no
cell is a title, as a title beside its date). No debris stage may have removed it,
and the article must repeat one of its words: a headline names what the article is
about, while a sidebar's heading, an author's name or a newsletter prompt does not. The
candidates are then ranked by signals that hold on any site and in any language: how
much of the article uses its words (the whole article for a title, one section for a
subheading), how much of it the lede repeats, a line of its own between blank lines,
title case, a byline or dateline just under it (or right above it), a line at the margin
(lynx and w3m indent paragraphs and links, not headings), a rule drawn under it, nearness to the article and to its
main run of kept prose (a teaser kept above the article is a run of its own), whether
what a cut took off is found elsewhere on the page (a site's name), titles around it
(a list of headlines), with weights fitted by ``tools/headline_eval.py --fit``.

>>> from newsclean.document import Document
>>> doc = Document.from_text("Home | News\\n\\nStorm closes harbour\\n\\nBy Ann Lee\\n\\n"
...                          "The harbour was closed on Monday after a storm damaged two piers.")
>>> for line in doc.lines[:5]:
...     doc.remove(line, "content", "outside-article")
>>> doc.remove(doc.lines[0], "boilerplate-lines", "phrase:navigation")
>>> headline_of(doc, ["The harbour was closed on Monday after a storm damaged two piers."])
'Storm closes harbour'
"""

from __future__ import annotations

import bisect
import math
import re
from collections import Counter

from .document import Document, Line
from .language import ALL_STOPWORDS
from .regexes import compile_re
from .stages.content.features import MONTHS
from .text import cells
from .tokens import find_words
from .wrap import continues, wrap_width

# Removals that say a line is debris by what it is (not by statistics).
_DEBRIS_STAGES = frozenset({"layout", "boilerplate-lines", "boilerplate-sentences", "template"})
# ... and the rules of the furniture stage that say so by a line's shape: a breadcrumb
# that ends in the title ("Navigation: Home : News : Title", whose "title" keeps the
# path), a form's row, a newsletter's heading, a comment's time or "Reply"
_DEBRIS_RULES = frozenset({"header-breadcrumb", "form-row", "newsletter-heading", "comment-meta"})
_BULLET_START = compile_re(r"^(?:[*+o\-–—•·»>■▪◦□]|\d{1,2}[.)])\s")
_HASHES = compile_re(r"^#{1,6}\s+")
# image names in front ("[photo]"), not a number a title starts with ("[2025] Best tents")
_IMAGES = compile_re(r"^(?:\[(?!\d{1,4}\])[^\]]{0,80}\]\s*)+")
# a separator left dangling at the end of a line ("Title -", "Title |")
_DANGLING = compile_re(r"\s[-–—|·]$")
# an image's file name or a form button anywhere in a line ("Home [logo.png] Blog")
_IMAGE_FILE = compile_re(r"\[[^\]\s]{0,80}\.(?:png|jpe?g|gif|svg|webp)\]", re.IGNORECASE)
# "Title | Site", "Title - Site": a title as a page's <title> line shows it
_SPLIT = compile_re(r"\s(?:\||-|–|—|::|·)\s")
# "Blog: Title", "Home / Title": one word that names a section, before a title
_LABEL = compile_re(r"^(\w[^\s:/]{1,19})\s?[:/]\s?(\S.{9,})$")
# the end of a sentence with more text after it ("… printer. Only $699 …", "…。…")
_SENTENCE_END = compile_re(r"\w\w[.!?]\s+\w|[。！？]\s*\S")
# A word that is a drawn rule ("-----") or a site's address ("news.example.com").
_RULE_OR_SITE = compile_re(r"(?<!\S)(?:[-=_*~.]{3,}|(?:[\w-]+\.)+(?:com|org|net|[a-z]{2})/?)$")
# "Title (example.com)": a link and its site, as link aggregators show them (with the
# count of comments after it: "Title (example.com) 87")
_DOMAIN_SUFFIX = compile_re(r"^(.{10,300}?)\s\(((?:[\w-]{1,63}\.){1,4}[a-z]{2,12})\)(?:\s\d{1,6})?$")
_BUTTON = compile_re(r"\((?:BUTTON|IMAGE)\)|\[(?:BUTTON|IMG|IMAGE)\]|IFRAME:", re.IGNORECASE)
# First words of bylines, datelines and credits, in the languages with packs.
_NOT_TITLES = frozenset(
    "by von par por di door от posted published updated written edited reviewed photo "
    "photos picture credit image images source courtesy foto fotos bild autor "
    "author auteur autora redaktion veröffentlicht aktualisiert publié publicado "
    "actualizado stand".split()
)
# First words of a picture's credit: under a title or any picture in the article alike
_CREDITS = frozenset("photo photos picture credit image images source courtesy foto fotos bild".split())
# A word that makes a line an image's alt text as its first or last word ("Coast Times
# logo", "Logo of Coast Times"); inside a title it is a word of the story ("New logo
# splits council").
_IMAGE_WORDS = frozenset("logo logotype logotipo icon".split())
_WEEKDAYS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur "
    "thurs fri sat sun montag dienstag mittwoch donnerstag freitag samstag sonntag lundi "
    "mardi mercredi jeudi vendredi samedi dimanche lunes martes miércoles jueves viernes "
    "sábado domingo".split()
)
_TIME_WORDS = frozenset(
    "am pm a.m p.m et est edt pt pst pdt gmt utc bst cet cest uhr h min mins minute "
    "minutes read ago hour hours hrs day days updated published posted on at".split()
)
_SEPARATORS = (" | ", " > ", " » ", " › ", " ▸ ", " → ", " · ")
# separators a title may hold once ("Movers / Moving Companies"), a menu more often
_TWICE_SEPARATORS = (" / ", " :: ")
_DATE_OR_TIME = compile_re(r"^(?:\d{1,4}[./-]\d{1,2}(?:[./-]\d{1,4})?|\d{1,2}[:h.]\d{2}(?:am|pm|h)?|(?:19|20)\d\d|\d{1,2}(?:am|pm|st|nd|rd|th|\.)?)$")
_CJK = compile_re(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _clean(text: str) -> str:
    """The line's text without a heading's hashes or image names in front, spaces
    squeezed, and said once when a dumper wrote a link's text twice.

    >>> _clean("## [photo] Storm closes harbourStorm closes harbour")
    'Storm closes harbour'
    >>> _clean("[2026] The best tents -")
    '[2026] The best tents'
    """
    text = _DANGLING.sub("", _IMAGES.sub("", _HASHES.sub("", " ".join(text.split()))).strip())
    half = len(text) // 2
    if half >= 8 and text[:half] == text[-half:]:
        text = text[:half].strip()
    return text


def _is_dateline(low: list[str]) -> bool:
    """Most of the words are a date, a time or a reading time ("Jan 29, 2025 · 4 min read")."""
    datey = 0
    dated = False
    for w in low:
        if w in MONTHS:
            datey += 1
            dated = True
        elif w in _WEEKDAYS or w in _TIME_WORDS:
            datey += 1
        elif not w.isalpha() and any(c.isdigit() for c in w):
            datey += 1
            # a date or a time ("04.03.2026", "10:15", "2026"), not a price or a count
            dated = dated or _DATE_OR_TIME.match(w) is not None
    return dated and datey * 2 >= len(low)


_DATE_SEPARATORS = frozenset("/ | - – — · ,".split())


def _datey(word: str) -> tuple[bool, bool, bool]:
    """Whether a (casefolded) word may be part of a date, is a month, is a year."""
    w = word.strip(",.:()")
    month = w in MONTHS
    year = len(w) == 4 and w.isdigit() and w[:2] in ("19", "20")
    digit = any(c.isdigit() for c in w) and not w.isalpha()
    return month or digit or w in _WEEKDAYS or w in _TIME_WORDS, month, year


def _undated(text: str) -> tuple[str, str] | None:
    """The title of a line that a date starts or ends ("Dec 18 2025 Title", "Title /
    Dec 2025"), and the date; None unless the date names a month and a year (a row of a
    schedule, "May 4 7pm Town hall", is no title with its date).

    >>> _undated("Storm closes harbour / March 4, 2026")
    ('Storm closes harbour', '/ March 4, 2026')
    >>> _undated("4 March 2026 Storm closes harbour")
    ('Storm closes harbour', '4 March 2026')
    >>> _undated("Harbour diary, week 2 20 March 2026")
    ('Harbour diary, week 2', '20 March 2026')
    >>> _undated("The 9 best tents of 2026") is None, _undated("May 4 7pm Town hall") is None
    (True, True)
    """
    words = text.split()
    n = len(words)
    low = [w.casefold() for w in words]
    for front in (True, False):
        k = month = year = 0
        day = False  # the last word taken is a bare number: a date has one day
        order = range(n) if front else range(n - 1, -1, -1)
        for j in order:
            datey, m, y = _datey(low[j])
            if not datey and not (k and not front and low[j] in _DATE_SEPARATORS):
                break
            bare = datey and not (m or y) and low[j].strip(",.").isdigit()
            if bare and day:
                break  # "Week 2 20 March 2026": the 2 is the title's
            day = bare
            k += 1
            month += m
            year += y
            if not datey:
                break  # a separator before a date at the end: no more
        if month and year and n - k >= 2:
            date, rest = (words[:k], words[k:]) if front else (words[n - k :], words[: n - k])
            return " ".join(rest).rstrip(" ,"), " ".join(date)
    return None


def _capitalized(words: list[str]) -> bool:
    """Title case: at least two words of four letters or more, and all of them start with
    a capital ("Things to Know Before You Go.")."""
    long_words = [w for w in words if len(w) > 3 and w[0].isalpha()]
    return len(long_words) >= 2 and all(w[0].isupper() for w in long_words)


def looks_like_title(text: str) -> bool:
    """Two to thirty words, not a sentence, not a menu (``a | b``), no dateline, byline,
    credit, button or list item.

    >>> looks_like_title("Storm closes harbour"), looks_like_title("By Ann Lee")
    (True, False)
    >>> looks_like_title("March 4, 2026"), looks_like_title("The harbour was closed.")
    (False, False)
    >>> looks_like_title("The 9 best tents of 2026"), looks_like_title("Updated May 2, 2026 · 4 min read")
    (True, False)
    >>> looks_like_title("Our sites ------ news.example.com sport.example.com")
    False
    """
    words = text.split()
    n = len(words)
    if n == 1 and _CJK.search(text) and 6 <= len(text) <= 60:
        n = 2  # a title in a script without spaces
    if n < 2 or n > 30 or text.endswith((",", ";", ":", "…")) or "©" in text:
        return False
    if text.endswith(".") and not _capitalized(words):
        return False  # a sentence; a title in title case may end with a full stop
    if any(sep in text for sep in _SEPARATORS) or any(text.count(sep) > 1 for sep in _TWICE_SEPARATORS):
        return False
    if _BULLET_START.match(text) or _BUTTON.search(text) or _IMAGE_FILE.search(text):
        return False
    if text.endswith((">", "›", "»", "→")):
        return False  # a link's arrow: "Read the guide >"
    if "://" in text or "www." in text:
        return False  # an address ("Visit: https://…")
    if text[0] == "#" and text[1:2].isalnum():
        return False  # a hashtag, or a dumper's "#alternate" link
    if (n > 25 or (len(text) > 60 and len(_CJK.findall(text)) > 60)) and _SENTENCE_END.search(text):
        return False  # sentences of a paragraph
    if ("." in text or "--" in text or "==" in text or "__" in text or "**" in text or "~~" in text) and sum(
        1 for w in words if _RULE_OR_SITE.match(w)
    ) >= 2:
        return False  # a menu of sites, or items between rules ("-----")
    low = [w.casefold().strip(",.:()") for w in words]
    if _is_dateline(low) or low[0] in _NOT_TITLES or low[0] in _IMAGE_WORDS or low[-1] in _IMAGE_WORDS:
        return False
    if any(w.endswith(":") and w[:-1].casefold() in _CREDITS and p.endswith((".", "!", "?")) for p, w in zip(words, words[1:])):
        return False  # a picture's caption and its credit ("… money can buy. Credit: Ann Lee")
    if n >= 12 and text.endswith("!") and "," in text and not _capitalized(words):
        return False  # an exclamation in prose ("…, but don't worry, I'm here to help!")
    return any(c.isalpha() for c in text)


def _content(tokens: list[str]) -> list[str]:
    """The content words of ``tokens`` (no stopwords, no one- or two-letter words but
    CJK characters), each cut to its first :data:`STEM` letters so that a title's
    "rentals" meets the article's "rental".

    >>> _content(["the", "harbours", "closed", "東"])
    ['harbou', 'closed', '東']
    """
    return [w[:STEM] for w in tokens if (len(w) > 2 or _CJK.match(w)) and w not in ALL_STOPWORDS]


STEM = 6


def _titles_in(text: str) -> list[tuple[str, str]]:
    """The titles a line may hold, each with the part of the line cut off: the whole
    line when it looks like a title (and is no breadcrumb), its part before a separator
    ("Title | Site", "Title – Subtitle") and its part after the last one ("Site | Title",
    "Home - Sport - Title") when that does and at most twelve words are cut off, and its
    part before an image's file name (a row of image buttons after a title).

    >>> _titles_in("Storm closes harbour – Coast Times")[:2]
    [('Storm closes harbour – Coast Times', ''), ('Storm closes harbour', 'Coast Times')]
    >>> _titles_in("Home | News | Coast")
    []
    >>> _titles_in("Home - Coast - Storm closes harbour")
    [('Storm closes harbour', 'Home - Coast')]
    >>> _titles_in("Storm closes harbour (coasttimes.example)")
    [('Storm closes harbour', 'coasttimes.example')]
    >>> _titles_in("Home / Storm closes harbour")
    [('Home / Storm closes harbour', ''), ('Storm closes harbour', 'Home')]
    >>> _titles_in("March 4, 2026 Storm closes harbour")
    [('Storm closes harbour', '')]
    >>> _titles_in("Kilmore ferry timetable for 4 March 2026")
    [('Kilmore ferry timetable for 4 March 2026', '')]
    >>> _titles_in("Storm closes harbour [save.gif] Save [mail.gif] Email")
    [('Storm closes harbour', '[save.gif] Save [mail.gif] Email')]
    """
    m = _DOMAIN_SUFFIX.match(text)
    if m:  # a site's address is never part of its title
        return [(m.group(1), m.group(2))] if looks_like_title(m.group(1)) else []
    splits = list(_SPLIT.finditer(text)) if len(text) <= 300 else []
    out = []
    dated = _undated(text)
    # a date stands before or after a title, it is no part of it ("… of" is no title)
    if dated and (len(dated[0]) < 10 or dated[0].split()[-1].casefold() in ALL_STOPWORDS):
        dated = None
    if dated and looks_like_title(dated[0]):
        out.append((dated[0], ""))  # the title whole, as a dateline under it would leave it
    elif len(splits) < 2 and looks_like_title(text):  # "a - b - c" is a breadcrumb
        out.append((text, ""))
    label = _LABEL.match(text)
    if label and label.group(1)[0].isupper() and len(label.group(2).split()) >= 3 and looks_like_title(label.group(2)):
        out.append((label.group(2), label.group(1)))
    if splits:
        first, last = splits[0], splits[-1]
        head, rest = text[: first.start()], text[first.end() :]
        # what is cut off names a site or a subtitle: not the rest of a sentence
        if len(head) >= 10 and _cut_off(rest) and looks_like_title(head):
            out.append((head, rest))
        # "Site | Title", "Home - Sport - Title": the last part
        head, rest = text[: last.start()], text[last.end() :]
        if len(rest) >= 10 and _cut_off(head) and looks_like_title(rest):
            out.append((rest, head))
    # a row of image buttons after the title ("Title [save.gif] Save [print.gif] Print")
    image = _IMAGE_FILE.search(text) if not out else None
    if image and image.start() >= 10 and looks_like_title(text[: image.start()].strip()):
        out.append((text[: image.start()].strip(), text[image.start() :]))
    return out


def _cut_off(part: str) -> bool:
    """Whether ``part`` may be cut off a title: a few words that are not a sentence."""
    return len(part.split()) <= 12 and not part[:1].islower() and not part.endswith(".")


def _is_rule(text: str) -> bool:
    """A line drawn under a heading: five or more signs and no letter or digit.

    >>> _is_rule("   ______________"), _is_rule("* * *"), _is_rule("Storm closes harbour")
    (True, True, False)
    """
    drawn = text.strip()
    return len(drawn) >= 5 and not any(c.isalnum() for c in drawn)


def _is_debris(line: Line) -> bool:
    """A debris stage or rule (not the statistics) removed the line: it is no title."""
    removal = line.removal
    return removal is not None and (removal.stage in _DEBRIS_STAGES or removal.rule in _DEBRIS_RULES)


def _joinable(line: Line) -> bool:
    """Whether a line may be the rest of a title a dumper wrapped: words, not debris."""
    return not _is_debris(line) and any(c.isalpha() for c in line.text)


def _is_meta(text: str) -> bool:
    """A byline, a dateline or a reading time: what stands under (or over) a title; not
    a picture's credit (under any picture) or a sentence that starts like a byline.

    >>> _is_meta("By Ann Lee, Coast Times"), _is_meta("Updated 4 March 2026, 10:15")
    (True, True)
    >>> _is_meta("Photo: Ann Lee"), _is_meta("By clicking Join you agree to the terms of use and the privacy policy.")
    (False, False)
    >>> _is_meta("$49.99"), _is_meta("From $49")
    (False, False)
    """
    low = [w.casefold().strip(",.:()") for w in text.split()]
    if not low:
        return False
    # a byline is a few words ("By Ann Lee, Coast Times"), not a sentence ("By clicking
    # Continue you agree to the terms of use and the privacy policy of the site")
    return (
        _is_dateline(low)
        or (low[0] in _NOT_TITLES and low[0] not in _CREDITS and len(low) <= 12)
        or ("min" in low and "read" in low)
    )


def _meta_near(lines: list[Line], indices: range, meta: dict[int, bool], reach: int = 4) -> bool:
    """One of the ``reach`` non-blank lines along ``indices`` is a byline, a dateline or
    a reading time (``meta`` caches the answer per line)."""
    seen = 0
    for j in indices:
        text = lines[j].text
        if not text.strip():
            continue
        seen += 1
        if seen > reach:
            return False
        found = meta.get(j)
        if found is None:
            found = meta[j] = _is_meta(text)
        if found:
            return True
    return False


def _next_nonblank(lines: list[Line], i: int, step: int, reach: int = 2) -> int | None:
    """The index of the first non-blank line from ``i`` along ``step`` within ``reach``
    lines (blank ones counted), or None."""
    for j in range(i, i + step * reach, step):
        if not 0 <= j < len(lines):
            return None
        if lines[j].text.strip():
            return j
    return None


# Names of the features of a candidate, in the order of WEIGHTS.
FEATURES = (
    "repeated-half", "repeated", "log-hits", "alone", "blank-before", "blank-after",
    "title-case", "capital-first", "log-distance", "below-start", "log-words", "short",
    "question", "twice-on-page", "kept", "hits-of-best", "meta-below", "meta-above",
    "in-lede", "position", "cut", "cut-elsewhere", "wrapped", "log-prose-above",
    "title-below", "title-above", "log-elsewhere", "first-kept", "stopwords", "name-like",
    "comma", "longer-title-below", "titles-around", "spread", "spread-two", "sentences",
    "log-titles-between", "log-titles-to-main", "above-main", "log-distance-main", "cut-name",
    "cut-site", "indent-0", "meta-just-above", "rule-below",
)
# Conditional-logit weights over the candidates of a page (the highest score is the
# headline), fitted on the dev and dev2 eval folders by ``tools/headline_eval.py --fit``.
WEIGHTS = (
    0.438, -0.001, 0.9, 0.162, 0.68, 0.709, 1.016, 1.785, -0.273, -0.149, -0.101,
    -1.464, -0.083, -0.047, -0.149, -0.213, 1.564, 0.095, 1.615, -0.063, -0.627, -0.971,
    -0.862, -0.937, 0.095, -0.076, 0.078, 0.277, 0.429, -0.056, -0.612, 0.345, -0.613,
    3.734, 1.987, -0.387, 0.241, -0.294, 0.485, -0.133, 0.307, 1.012, 1.21, 0.84,
    1.144,
)


def _between(sorted_lines: list[int], a: int, b: int) -> int:
    """How many of ``sorted_lines`` lie strictly between lines ``a`` and ``b``.

    >>> _between([2, 5, 9, 12], 12, 3)
    2
    """
    lo, hi = min(a, b), max(a, b)
    return max(0, bisect.bisect_left(sorted_lines, hi) - bisect.bisect_right(sorted_lines, lo))


def _main_start(lines: list[Line], start: int, gap: int = 3) -> int:
    """The first line of the article's main run of kept text: runs of kept lines that
    at most ``gap`` removed lines in a row interrupt, the one with the most words in
    lines of prose (a dozen words or more). A teaser or a promotion box kept above the
    article is a run of its own."""
    best, best_words = start, -1
    run_start, words, removed = None, 0, 0
    for j in range(start, len(lines)):
        line = lines[j]
        if not line.text.strip():
            continue
        if line.removal is not None:
            removed += 1
            if removed > gap and run_start is not None:
                if words > best_words:
                    best, best_words = run_start, words
                run_start, words = None, 0
            continue
        removed = 0
        if run_start is None:
            run_start = j
        n = len(line.text.split())
        words += n if n >= 12 else 0
    if run_start is not None and words > best_words:
        best = run_start
    return best


def candidates(
    doc: Document, *, above: int = 150, below: int = 120, body_lines: int = 150
) -> list[tuple[int, str, list[float]]]:
    """The titles that may be the headline, as (line index, title text, features).

    Up to ``above`` non-blank lines above the first kept line and the first ``below``
    kept lines; a title a dumper wrapped over two or three lines is joined again. A
    candidate looks like a title (or is the part of a line before " | Site") and the
    kept text repeats at least one of its content words.
    """
    lines = doc.lines
    start = next((i for i, line in enumerate(lines) if line.removal is None and line.text.strip()), None)
    if start is None:
        return []
    kept = [i for i in range(start, len(lines)) if lines[i].removal is None and lines[i].text.strip()]
    cache: dict[int, list[str]] = {}

    def tokens(i: int) -> list[str]:
        found = cache.get(i)
        if found is None:
            found = cache[i] = _content(find_words(lines[i].text.casefold()))
        return found

    # every word of the article's first ``body_lines`` kept lines, counted (a kept
    # candidate's own words are taken off when it is judged: what counts is that
    # another line repeats them)
    body: Counter[str] = Counter()
    for i in kept[:body_lines]:
        body.update(tokens(i))
    if not body:
        return []
    order: list[tuple[int, int]] = []
    seen = 0
    for i in range(start - 1, -1, -1):
        if lines[i].text.strip():
            seen += 1
            if seen > above:
                break
            order.append((i, -seen))
    order.extend((i, k) for k, i in enumerate(kept[:below]))
    width = wrap_width(doc)
    n_lines = len(lines)

    def span(i: int) -> int:
        """How many lines the title starting at ``i`` takes (a wrapped title: 2 or 3)."""
        n = 1
        while (
            n < 3
            and i + n < n_lines
            and continues(lines[i + n - 1].text, lines[i + n].text, width)
            and _joinable(lines[i + n])
        ):
            n += 1
        return n

    raw: list[tuple[int, str, str, set[str], int, int, int]] = []
    for i, where in order:
        line = lines[i]
        # thirty words of title and twelve cut off at most (a paragraph is no title)
        text = line.text
        if _is_debris(line):
            continue
        # too long for a title, unless a table row puts it beside a sidebar's cell
        long = len(text) > 400 and len(text.strip()) > 400 or text.count(" ") > 45 and len(text.split()) > 45
        titles: list[tuple[str, str]] = []
        n = 1
        if not long:
            if width and i and continues(lines[i - 1].text, line.text, width) and _joinable(lines[i - 1]):
                continue  # the end of a wrapped line, not a line of its own
            n = span(i) if width else 1
            titles = _titles_in(_clean(" ".join(lines[j].text for j in range(i, i + n)))) if n > 1 else []
            if not titles:
                n = 1
        celled = False
        if not titles:
            row = cells(text)
            if 1 < len(row) <= 3:  # a table row (w3m, inscriptis): each cell of three words or more
                titles = [t for _, cell in row if cell.count(" ") >= 2 for t in _titles_in(_clean(cell))]
                celled = bool(titles)
            if not titles and not long:  # the line whole ("Backup Strategy      May 2, 2019")
                titles = _titles_in(_clean(text))
        if not titles:
            continue
        words = tokens(i) if n == 1 else [w for j in range(i, i + n) for w in tokens(j)]
        own = Counter(words) if line.removal is None else Counter()
        for title, cut in titles:
            # a cell's title or a cut one has words of its own; a line's title, the line's
            mine = set(_content(find_words(title.casefold())) if cut or celled else words)
            hits = sum(1 for w in mine if body[w] - own[w] > 0)
            if hits:
                raw.append((i, title, cut, mine, hits, where, n))
    if not raw:
        return []
    # the kept lines each candidate's word is on
    wanted = set().union(*(r[3] for r in raw))
    where_used: dict[str, set[int]] = {w: set() for w in wanted}
    for i in kept[:body_lines]:
        for w in tokens(i):
            if w in wanted:
                where_used[w].add(i)
    best_hits = max(r[4] for r in raw)
    longest: dict[int, int] = {}  # the most words of a title starting on each line
    for r in raw:
        longest[r[0]] = max(longest.get(r[0], 0), len(r[1].split()))
    # kept lines of prose (a dozen words or more) before each kept line
    prose_before: dict[int, int] = {}
    count = 0
    for i in kept[:below]:
        prose_before[i] = count
        count += len(lines[i].text.split()) >= 12
    lede_lines = kept[:12]
    squeezed = doc.squeezed_lines()
    counts = Counter(squeezed)
    page = doc.source_text.casefold()
    lede = Counter(w for j in lede_lines for w in tokens(j))
    meta: dict[int, bool] = {}
    title_like: dict[int, bool] = {}
    # the lines that hold candidates, in page order: how many stand between a candidate
    # and the article's first kept line
    cand_lines = sorted({r[0] for r in raw})
    main = _main_start(lines, start)
    nonblank_before = [0] * (n_lines + 1)
    for j, line in enumerate(lines):
        nonblank_before[j + 1] = nonblank_before[j] + bool(line.text.strip())

    def titles_around(first: int, last: int, reach: int = 2) -> float:
        """The share of the ``reach`` non-blank lines above and below that look like
        titles: a title in a list of headlines is a link to another page."""
        found = total = 0
        for indices in (range(first - 1, max(-1, first - 8), -1), range(last + 1, min(n_lines, last + 8))):
            seen = 0
            for j in indices:
                if seen == reach:
                    break
                if not lines[j].text.strip():
                    continue
                seen += 1
                like = title_like.get(j)
                if like is None:
                    like = title_like[j] = looks_like_title(_clean(lines[j].text))
                found += like
            total += seen
        return found / total if total else 0.0

    out = []
    for i, text, cut, mine, hits, where, n in raw:
        own_words = Counter(tokens(i)) if lines[i].removal is None and i in lede_lines else Counter()
        in_lede = sum(1 for w in mine if lede[w] - own_words[w] > 0)
        repeated = hits / len(mine)
        last = i + n - 1
        blank_before = i == 0 or not lines[i - 1].text.strip()
        blank_after = last + 1 >= n_lines or not lines[last + 1].text.strip()
        long_words = [w for w in text.split() if len(w) > 3 and w[0].isalpha()]
        title_case = sum(w[0].isupper() for w in long_words) / len(long_words) if long_words else 0.0
        distance = -where if where < 0 else where + 1
        n_words = len(text.split())
        folded = text.casefold()
        elsewhere = page.count(folded) - 1 if len(folded) >= 8 else 0
        below_line = _next_nonblank(lines, last + 1, 1)
        above_line = _next_nonblank(lines, i - 1, -1)
        below_words = 0 if below_line is None else longest.get(below_line, 0)
        # the share of the article's lines that use one of its words: a title names what
        # the whole article is about, a subheading what one section is
        uses: Counter[int] = Counter()
        for w in mine:
            uses.update(where_used.get(w, ()))
        uses.pop(i, None)
        spread = len(uses) / len(kept[:body_lines])
        spread_two = sum(1 for c in uses.values() if c >= 2) / len(kept[:body_lines])
        folded_words = find_words(folded)
        stop = sum(w in ALL_STOPWORDS for w in folded_words) / max(1, len(folded_words))
        # a name, a site's name or a menu: capitalized words, none a stopword or a number
        name_like = stop == 0 and all(w[:1].isupper() for w in text.split())
        cut_elsewhere = bool(cut) and page.count(cut.casefold()) > 1
        # what was cut off is a name (a site's, a section's), not a subtitle
        cut_name = bool(cut) and len(cut.split()) <= 4 and all(w[:1].isupper() or w[:1].isdigit() for w in cut.split())
        out.append((i, text, [
            float(repeated >= 0.5), repeated, math.log1p(hits), float(blank_before and blank_after),
            float(blank_before), float(blank_after), title_case, float(text[0].isupper() or text[0].isdigit()),
            math.log1p(distance), float(where >= 0), math.log(n_words), float(n_words <= 3),
            float(text[-1] in "?!"), float(counts[squeezed[i]] > 1), float(lines[i].removal is None),
            hits / best_hits,
            float(_meta_near(lines, range(last + 1, min(n_lines, last + 40)), meta)),
            float(_meta_near(lines, range(i - 1, max(-1, i - 40), -1), meta)),
            in_lede / len(mine), i / n_lines,
            float(bool(cut)), float(cut_elsewhere), float(n > 1),
            math.log1p(prose_before.get(i, 0)), float(below_line in longest), float(above_line in longest),
            math.log1p(max(0, elsewhere)), float(i == start), stop, float(name_like), float(", " in text),
            float(below_words > n_words), titles_around(i, last), spread, spread_two,
            float(_SENTENCE_END.search(text) is not None),
            math.log1p(_between(cand_lines, i, start)), math.log1p(_between(cand_lines, i, main)),
            float(i <= main),
            math.log1p(abs(nonblank_before[main] - nonblank_before[i])),
            float(cut_name), float(cut_name and cut_elsewhere),
            # a heading where lynx and w3m put headings: at the margin, while they indent
            # paragraphs, links and list items
            float(not lines[i].text[:1].isspace()),
            float(_meta_near(lines, range(i - 1, max(-1, i - 40), -1), meta, 1)),
            float(below_line is not None and _is_rule(lines[below_line].text)),
        ]))
    return out


def headline_of(doc: Document, paragraphs: list[str], *, weights: tuple[float, ...] = WEIGHTS) -> str | None:
    """The title line of the article, or None (see the module's docstring): the
    candidate (:func:`candidates`) with the highest score; with none, the first
    paragraph when it looks like a title."""
    scored = candidates(doc)
    if scored:
        best = max(scored, key=lambda c: sum(w * x for w, x in zip(weights, c[2])))
        return best[1]
    if paragraphs:
        first = _clean(paragraphs[0])
        if "\n" not in paragraphs[0] and looks_like_title(first):
            return first
    return None


def headline(doc: Document) -> str | None:
    """The headline of a composed document, ranked when first asked for (only the JSON
    and Markdown writers ask: plain text does not pay for it); a document left alone as
    clean text has the one :mod:`newsclean.clean_text` gave it, or none."""
    if doc.headline is None and doc.paragraphs is not None and not doc.meta.get("clean"):
        doc.headline = headline_of(doc, [p.text for p in doc.paragraphs[:1]])
    return doc.headline
