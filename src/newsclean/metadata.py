"""Metadata the text gives: who wrote the article (the byline) and when (the date).

Both are looked for around the article: in its header (a few lines before the
headline down to the first paragraphs) and just after its end (author boxes,
"Published on ..." footers). Candidates are scored by what they look like and
where they are; the best one wins.

Names are told from other capitalised phrases ("Aktuelle Meldungen", "Security
Blog") by a list of common given names (``lang/common.json``), or by an
explicit byline prefix ("Von", "By", "Par", "Autor:"...).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from .features import Facts
from .languages import Language, load, month_names, stoplist, tokens
from .model import Block
from .patterns import WEB_NAME_RE, find_date, has_time, starts_with_phrase

#: The header is searched from this many lines before the headline...
HEADER_BEFORE = 10
#: ... to this many lines after the first paragraph of the text.
HEADER_AFTER = 12
#: After the text, this many lines are searched (author boxes, dates at the end).
TAIL_LINES = 20
#: A line that starts with a name and holds a date is a byline up to this many words
#: ("Marco Kratzenberg, 01. Dez. 2017, 12:01 Uhr 3 min Lesezeit Kommentare 4").
NAME_DATE_MAX_WORDS = 16
#: A byline holds at most this many words.
BYLINE_MAX_WORDS = 30

_PARTICLES = frozenset(
    [
        "von",
        "van",
        "der",
        "den",
        "de",
        "la",
        "le",
        "du",
        "di",
        "da",
        "dos",
        "das",
        "del",
        "della",
        "y",
        "e",
        "bin",
        "ben",
        "al",
        "el",
        "ten",
        "ter",
        "zu",
        "vom",
    ]
)
#: Particles that start a family name ("de", "von", "La"): a word after one is the
#: name's last part, even a common word ("Verónica De Vita"). Not the joiners.
_NAME_PARTICLES = _PARTICLES - {"y", "e"}
_HONORIFICS = frozenset(
    [
        "dr",
        "dr.",
        "prof",
        "prof.",
        "mag.",
        "ing.",
        "dipl.-ing.",
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
    ]
)
#: Job titles written before a name in bylines, dropped from it.
_ROLES = frozenset(
    [
        "rechtsanwalt",
        "rechtsanwältin",
        "redakteur",
        "redakteurin",
        "korrespondent",
        "korrespondentin",
        "reporter",
        "reporterin",
        "journalist",
        "journalistin",
        "correspondent",
        "correspondant",
        "correspondante",
        "corresponsal",
        "inviato",
        "inviata",
    ]
)
#: ... and, before a name only, these too ("Gastautor Max Muster").
_LEADING_ROLES = _ROLES | frozenset(
    ["experte", "expertin", "gastautor", "gastautorin", "kolumnist", "kolumnistin", "columnist"]
)
_INITIALS_RE = re.compile(r"^(?:[^\W\d_]\.){1,3}$")
#: An English possessive ending a word: "Fiedler’s", "House's".
_POSSESSIVE_RE = re.compile(r"[^\W\d_]['’]s$")
_NAME_TOKEN_RE = re.compile(r"^(?:[^\W\d_][\w'’\-]*|(?:[^\W\d_]\.){1,3})$")
#: A meta line's parts before its byline have at most this many words each.
META_PART_WORDS = 10
_SPLIT_RE = re.compile(r"\s*(?:,|;|&|\||•|·|/|\s[-–—]\s|\s\+\s)\s*")
#: A comment's header ends with its reply link: "geschrieben von Anna am 21. Jan. 2015
#: [ antworten ]".
_REPLY_RE = re.compile(
    r"[\[(|]?\s*\b(?:antworten|reply|répondre|responder|rispondi|antwoorden|responda|"
    r"odpowiedz|svara)\s*[\])]?\s*$",
    re.I,
)
_SAYS_RE = re.compile(
    r"\b(?:says|said|sagt|schreibt|dit|dice|scrive|zegt|diz|pisze|skriver)\s*:?\s*$", re.I
)
#: A handle in parentheses: the attribution of an embedded post ("— Anna Berg
#: (@annaberg) May 2, 2020"), never the article's byline.
_EMBED_HANDLE_RE = re.compile(r"\(@[\w.]+\)")


#: A date far from the article (not in its header, its tail or beside its byline)
#: counts this much; it must say it is one ("Veröffentlicht am ...") or stand in a byline.
FAR_DATE_ZONE = -2.0
#: The kind (score) of a byline whose prefix follows words that are no date ("Camino
#: von Birgit Kelle": a book's author, maybe), against 3.0 for one that starts its line.
HEADED_BYLINE = 2.8
#: A byline found inside the text counts this much less than one in the header (1.0)
#: or right after the text (0.0).
INSIDE_ZONE = -0.5


@dataclass(frozen=True, slots=True)
class Byline:
    index: int
    text: str
    authors: tuple[str, ...]
    #: The credit stands inside a line of the text, which stays text ("Hamburg (dpa) –
    #: ...", "... (Anna Berg) +++", "Quelle: kathpress"): not a byline line of its own.
    inline: bool = False


def _is_name_token(tok: str) -> bool:
    return bool(_NAME_TOKEN_RE.match(tok)) and (tok[0].isupper() or tok.lower() in _PARTICLES)


#: Languages whose most frequent words end a name after its first two words,
#: whatever the page's language (bylines mix them: "By Anna Berg On 12. Mai").
_COMMON_WORD_LANGUAGES = ("en", "de", "fr", "es", "it", "nl", "pt", "pl", "sv")
#: ... that many of each language's most frequent words.
COMMON_WORDS_PER_LANGUAGE = 300


#: Words that follow a name in bylines and are never part of it (besides job titles,
#: credit words and the words that start a date): "Staff Writer", "Follow", "Lesezeit".
_AFTER_NAME = frozenset(
    [
        "staff",
        "writer",
        "editor",
        "contributor",
        "follow",
        "folgen",
        "suivre",
        "seguir",
        "segui",
        "volgen",
        "categories",
        "category",
        "kategorien",
        "kategorie",
        "catégories",
        "categorías",
        "categorie",
        "lesezeit",
        "sponsored",
        "pressesprecher",
        "pressesprecherin",
        "sprecher",
        "sprecherin",
        "autor",
        "autorin",
        "author",
        "auteur",
        "autore",
        "autora",
        "redaktion",
        "redazione",
        "redacción",
        "rédaction",
    ]
)


#: Words before "by" that credit a site's makers, not an article's author.
_MADE_BY = frozenset(
    ["powered", "designed", "developed", "hosted", "sponsored", "supported", "funded", "theme"]
)
#: Words (with letters) a line may hold before a byline prefix inside it, besides
#: dates, times and date words: "Kommentar von ...", "Posted on August 2 by ...".
BYLINE_HEAD_WORDS = 2

#: Weekday names (and their usual short forms) of the major languages: part of a date
#: before a byline word ("Posted on Friday, 15 April 2016 by ...", "jeudi 13 juin
#: 2019, par ...").
_WEEKDAYS = frozenset(
    word
    for names in (
        "monday tuesday wednesday thursday friday saturday sunday",  # en
        "mon tue tues wed thu thur thurs fri sat sun",
        "montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag",  # de
        "mo di mi do fr sa so",
        "lundi mardi mercredi jeudi vendredi samedi dimanche",  # fr
        "lunes martes miércoles jueves viernes sábado domingo",  # es
        "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira",  # pt
        "lunedì martedì mercoledì giovedì venerdì sabato domenica",  # it
        "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag",  # nl
    )
    for word in names.split()
)


def _byline_head(head: str, lang: Language) -> bool:
    """Whether what precedes a byline prefix inside a line leaves it a byline.

    "Veröffentlicht am 03.02.2022 von Anna Berg" is one; "Die Polizei fand die
    Leiche von Anna Berg" is a sentence that merely holds "von", and "Foto von
    Anna Berg" a picture credit.
    """
    toks = tokens(head)
    if any(tok in lang.credit_prefixes for tok in toks):
        return False  # "Foto von Anna Berg", "Photo by Anna Berg on Unsplash": a picture credit
    if toks and toks[-1] in _MADE_BY:
        return False  # "Powered by WordPress", "Designed by ...": who made the site
    if len(toks) >= 2:
        covered, cats = lang.phrases.match(toks)
        if covered == len(toks) and cats.get("share"):
            return False  # "Ein Beitrag geteilt von ...": an embedded post's attribution
    return _head_words(toks, lang, any_short=False) <= BYLINE_HEAD_WORDS


#: A number glued to the word after it by a rendering that dropped the space between
#: two dates ("15. April 2016Samstag, 4. März 2017"): the word.
_GLUED_DATE_WORD_RE = re.compile(r"\d{1,4}([^\W\d_]+)$")


def _date_word(tok: str, lang: Language) -> bool:
    """Whether a (lower-case) token is a date's: a number, a month, a weekday, an update
    word, or a number glued to a month or a weekday ("2016samstag")."""
    if tok.isdigit() or tok in lang.months or tok in lang.update_words or tok in _WEEKDAYS:
        return True
    glued = _GLUED_DATE_WORD_RE.match(tok) if tok[:1].isdigit() else None
    return glued is not None and (glued[1] in lang.months or glued[1] in _WEEKDAYS)


def _head_words(toks: list[str], lang: Language, *, any_short: bool) -> int:
    """How many words before a byline prefix are more than dates, date phrases
    ("Posted on", "Veröffentlicht am"), update words and short stop words ("am"); with
    ``any_short``, any short word ("Fr, 24. Januar 2020", not "NPC: Towner Salrihan")."""
    words = k = 0
    while k < len(toks):
        tok = toks[k]
        phrase = starts_with_phrase(toks[k:], lang.date_prefixes)
        if phrase:
            k += phrase
            continue
        k += 1
        if _date_word(tok, lang):
            continue
        if len(tok) <= 3 and (any_short or tok in lang.stopwords):
            continue
        words += 1
    return words


#: Marks that separate a meta line's parts ("Le Monde | 4 mai 2015 • Par Anna Berg").
_PART_MARKS = "|•·"
_PART_SPLIT_RE = re.compile(f"[{_PART_MARKS}]")


def _part_start(text: str, end: int) -> int:
    """Where the part of a meta line that holds position ``end`` starts: after the last
    part mark before it, when the parts before are short (a site's name, a date)."""
    start = max(text.rfind(mark, 0, end) for mark in _PART_MARKS) + 1
    if start and all(len(p.split()) <= META_PART_WORDS for p in _PART_SPLIT_RE.split(text[:start])):
        return start
    return 0


def _bare_head(head: str, lang: Language) -> bool:
    """Whether a byline prefix starts its line, after nothing but dates and words such
    as "Posted", "Veröffentlicht am" ("Veröffentlicht am 3. Mai 2022 von gnaddrig")."""
    return _head_words(tokens(head), lang, any_short=True) == 0


def _dated_head(head: str, f: Facts, lang: Language) -> bool:
    """Whether one word, not a given name, precedes a byline word on a dated line
    ("Gespeichert von rasos am 24. Juli 2017"; not "Christoph von Ritter")."""
    words = head.split()
    return (
        f.date is not None
        and len(words) == 1
        and words[0].strip(".,:;").lower() not in lang.given_names
        and words[0][:1].isalpha()
    )


def _sentence_goes_on(rest: str, last_name: str, lang: Language) -> bool:
    """Whether lower-case words follow the names, as in a sentence that merely holds a
    byline word ("Werke von David Hockney ab Sommer zu sehen"); dates, joiners and the
    words of date phrases do not count."""
    at = rest.find(last_name)
    if at < 0:
        return False
    # up to the next separator: "words written by Anna Berg • Art by Koichi"
    after = _SPLIT_RE.split(rest[at + len(last_name) :], 1)[0]
    short = 0
    for word in after.split():
        core = word.strip(".,;:!?()[]\"'“”„«»|-–—")
        if not core or not core[0].islower() or not core.isalpha():
            continue
        low = core.lower()
        if low in lang.months or low in lang.name_joiners or low in lang.update_words:
            continue
        if low in lang.date_prefixes.firsts or low in _AFTER_NAME or low in _ROLES:
            continue
        if low in lang.agencies or low in lang.credit_prefixes:
            continue  # "von Olga Symbolbild imago"
        if len(low) <= 3:
            short += 1  # "von Fabian am Dienstag 6. Mai 2014": one short word may lead to a date
            if short < 2:
                continue
        return True
    return False


def _ends_a_name(low: str, lang: Language) -> bool:
    """Whether a (lower-case) word after a name's first word ends the name."""
    return (
        low in _AFTER_NAME
        or low in _ROLES
        or low in lang.credit_prefixes
        or low in lang.date_prefixes.firsts
        or low in lang.update_words
    ) and low not in lang.given_names


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    words: set[str] = set()
    for code in _COMMON_WORD_LANGUAGES:
        words.update(stoplist(code, COMMON_WORDS_PER_LANGUAGE))
    return frozenset(w for w in words if w not in _PARTICLES)


#: A word with digits glued to its end ("Demel13.12.2022"): its letters.
_GLUED_NUMBER_RE = re.compile(r"([^\W\d_]{2,})\d")
#: ... or a user's handle: "Berg@annaberg".
_GLUED_HANDLE_RE = re.compile(r"([^\W\d_]{2,})@\w")


#: Words that end an organisation's name: the word before one starts that name, which
#: ends a person's name of two words or more ("Anna Berg Reiterrevue International",
#: "Max Muster Spiegel Online"; not "Hubert Burda Media", a publisher's name).
_ORGANISATION_WORDS = frozenset(
    [
        "international",
        "online",
        "magazin",
        "magazine",
        "verlag",
        "gmbh",
        "media",
        "medien",
        "zeitung",
        "news",
        "group",
        "gruppe",
        "presse",
        "press",
    ]
)


#: A word glued onto a name's last word by a rendering that dropped the space between
#: two elements: "DambrotNovember", "HoeltmannFollow".
_CAMEL_RE = re.compile(r"([^\W\d_]*[^\W\d_A-Z])([A-Z][^\W\d_]+)$")


def _glued_word(core: str, lang: Language) -> re.Match[str] | None:
    """The match of a word glued onto a name's last word, when the glued word is a
    month or one that follows names ("Follow", "Autor"); not "McDonald", "LeVine"."""
    m = _CAMEL_RE.match(core)
    if m is None or len(m.group(1)) < 2:
        return None
    low = m.group(2).lower()
    return m if low in lang.months or low in _AFTER_NAME or low in _ROLES else None


def _date_at(words: Sequence[str], k: int, lang: Language) -> bool:
    """Whether a date starts at ``words[k]``, or after one short word ("am 16.11.2022",
    "on May 3")."""
    for j in (k, k + 1):
        if j >= len(words):
            return False
        core = words[j].strip(".,;:()[]|-–—").lower()
        if core[:1].isdigit() or core in lang.months or core in lang.date_prefixes.firsts:
            return True
        if len(core) > 3 or not core.isalpha():
            return False
    return False


def _surname_before_date(
    out: list[str], core: str, words: Sequence[str], k: int, lang: Language
) -> bool:
    """Whether a capitalised word that usually ends a name ("Staff", "Editor") is the
    surname: it follows a lone known given name and a date follows it ("Von Jörg
    Staff am 16.11.2022")."""
    low = core.lower()
    return (
        len(out) == 1
        and out[0].lower() in lang.given_names
        and core[:1].isupper()
        and (low in _AFTER_NAME or low in _ROLES)
        and low not in lang.date_prefixes.firsts
        and low not in lang.credit_prefixes
        and low not in lang.update_words
        and _date_at(words, k + 1, lang)
    )


def leading_name(words: Sequence[str], lang: Language, *, after_prefix: bool) -> str | None:
    """The person's name the words start with, or ``None``.

    A name is one to four capitalised words (particles such as "von" or "de"
    may join them). Without a byline prefix before it, its first word must be
    a known given name; with one, a single known given name is enough, and
    longer names are accepted when none of their words is a common word.
    """
    out: list[str] = []
    started = False  # whether ``out`` holds the name's first word
    for k, w in enumerate(words):
        core = w.strip(".,;:()[]\"'“”„«»")
        if not core or (out and w[:1] in "(["):
            break  # "Brit Weirich (Medizinredakteurin)": what follows in brackets is no name
        if len(core) == 1 and w.rstrip(",;:").endswith("."):
            core += "."  # an initial: "Günter W. Kienitz"
        elif "." in core and _INITIALS_RE.match(w.rstrip(",;:")):
            core = w.rstrip(",;:")  # initials run together: "R.C. Baker"
        glued = (_GLUED_NUMBER_RE.match(core) or _GLUED_HANDLE_RE.match(core)) if out else None
        if glued:
            # "Nadja Demel13.12.2022", "Anna Berg@annaberg": the rendering glued a date
            # or the author's handle on
            core = glued.group(1)
        elif out:
            glued = _glued_word(core, lang)
            if glued:
                core = glued.group(1)  # "Shana Nys DambrotNovember 6, 2023", "Inga HoeltmannFollow"
        if not out and core.lower().rsplit("-", 1)[-1] in _LEADING_ROLES:
            # "Rechtsanwalt Max Muster", "FOCUS-Online-Experte Max Muster": the role (or
            # a compound ending with one) is not part of the name
            continue
        following = words[k + 1] if k + 1 < len(words) else ""
        if out and core.lower() in lang.months and following[:1].isdigit():
            break  # "Amelie Nishizawa Feb 8, 2020"
        if not out and core.lower() in lang.date_prefixes.firsts:
            break  # "Ordenar por Fecha Relevancia": a date word starts no name
        if core.lower() in _HONORIFICS and not out:
            out.append(
                core if not w.endswith(".") else core + "." if not core.endswith(".") else core
            )
            continue
        low = core.lower()
        if out and _POSSESSIVE_RE.search(core):
            return None  # "Fred Fiedler’s Contingency Model": a line about him, no byline
        common = low in lang.stopwords and low not in _PARTICLES and low not in lang.given_names
        if not _is_name_token(core) or (common and (not out or len(core) <= 3)):
            break
        after_particle = out[-1].lower() in _NAME_PARTICLES if out else False
        if (
            len(out) >= 2
            and low in _common_words()
            and low not in lang.given_names
            and not after_particle
        ):
            break  # "Evgenia Karp Zuletzt geändert", "Martin Jendrischik On 12. Dezember"
        if out and _ends_a_name(low, lang) and not _surname_before_date(out, core, words, k, lang):
            break  # "Evan Halper Staff Writer", "Sara Zinnecker Stand: 5. Februar"
        if len(out) >= 2 and following.strip(".,;:").lower() in _ROLE_ENDS:
            break  # "Richard Adams Education editor": the role's field, not a name
        if len(out) >= 2 and following.strip(".,;:").lower() in _ORGANISATION_WORDS:
            break  # "Sarah Schnieder Reiterrevue International": her magazine, not her name
        if out and lang.phrases.categories_at_start(tokens(" ".join(words[k : k + 4]))) in (
            "comments",
            "share",
        ):
            break  # "John Smith Leave a comment", "Ulrike Stockhausen Schreibe einen Kommentar"
        out.append(core)
        if not after_prefix and not started and low not in _HONORIFICS:
            started = True  # the name's first word (after its honorifics): without a
            if low not in lang.given_names:  # prefix, it must be a known given name
                return None  # (the cheap reject first: most lines start with no name)
        if len(out) >= 5 or w.endswith((",", ";", ":")) or glued:
            break
    while out and out[-1].lower() in _PARTICLES:
        out.pop()
    names = [t for t in out if t.lower() not in _HONORIFICS]
    if not names:
        return None
    first = names[0].lower()
    known = first in lang.given_names
    if len(names) == 1:
        return " ".join(out) if after_prefix and known else None
    if known:
        return " ".join(out)
    if after_prefix and not any(
        (t.lower() in lang.stopwords and t.lower() not in lang.given_names)
        or t.lower() in lang.credit_prefixes
        for t in names
    ):
        return " ".join(out)
    return None


#: Words joining two credits before a colon ("Text und Bild:"), in any language.
_CREDIT_JOINERS = "und|and|et|y|e|en|og|och|i|и"


@lru_cache(maxsize=32)
def _prefix_re(phrases: tuple[str, ...]) -> re.Pattern[str]:
    """Byline prefixes as a pattern: "Von ", "By ", "Autor: " (a colon where the data has one)."""
    alts = []
    firsts = set()
    for phrase in phrases:
        colon = phrase.endswith(":")
        words = phrase.rstrip(":").split()
        if words:
            firsts.add(re.escape(words[0][0]))
            # a second credit joined to one with a colon: "Text & Fotos:", "Text und Bild:"
            joined = rf"(?:\s*(?:[&+/]|\b(?:{_CREDIT_JOINERS})\b)\s*[^\W\d_]+)?"
            alts.append(
                r"\s+".join(map(re.escape, words)) + (joined + r"\s*:" if colon else r"\s*:?")
            )
    body = "|".join(sorted(set(alts), key=len, reverse=True)) or "(?!)"
    # the letters the phrases start with, looked at before trying each phrase (the
    # pattern is searched on every line of a page)
    first = f"(?=[{''.join(sorted(firsts))}])" if firsts else ""
    return re.compile(rf"(?:^|(?<=[\s|/•·(])){first}(?:{body})\s+(?=\S)", re.I)


#: Gender and plural marks after a byline word on a line of its own ("Autor*in",
#: "Auteur(s) :", "Autor:innen").
_PREFIX_MARK_RE = re.compile(r"(?:[*:_/]in(?:nen)?|\((?:s|in|innen)\))\s*:?\s*$", re.I)


#: A byline prefix alone on its line may follow this many words ("Kommentar von").
PREFIX_ONLY_HEAD_WORDS = 2


def _undated_words(head: str, lang: Language) -> int:
    """How many words of a text are no number, month or weekday ("Written on Mar 17": 2)."""
    return sum(
        1 for tok in tokens(head) if not (tok.isdigit() or tok in lang.months or tok in _WEEKDAYS)
    )


def _explicit_prefix(text: str, prefix_re: re.Pattern[str], lang: Language) -> bool:
    """Whether a line holding a byline prefix alone says so beyond doubt: the prefix
    starts it, and it ends with a colon or a byline word ("Artikel von:", "by", "Von";
    not "Interview", a menu's entry as much as a prefix, nor "GROUP BY", code)."""
    text = text.strip()
    toks = tokens(text)
    return prefix_re.match(text + " ·") is not None and (
        text.endswith(":") or bool(toks and toks[-1] in lang.by_words)
    )


def _prefix_only(text: str, prefix_re: re.Pattern[str], lang: Language) -> bool:
    """Whether a line is a byline prefix alone ("Geschrieben von", "Autor*in",
    "Authors"), or after a word or two that leave it a byline ("Kommentar von", not
    "Fotos von"): the name is on the next line."""
    core = _PREFIX_MARK_RE.sub("", text.strip()).rstrip(": ").strip()
    if not core or len(core) > 40:
        return False
    for form in (core, core + ":", core[:-1] + ":" if core.endswith("s") else ""):
        if not form:
            continue
        for m in prefix_re.finditer(form + " ·"):
            if m.end() != len(form) + 1:
                continue
            head = form[: m.start()]
            if not head.strip() or (
                _undated_words(head, lang) <= PREFIX_ONLY_HEAD_WORDS and _byline_head(head, lang)
            ):
                return True  # "Kommentar von", "Written on Mar 17 by" (a date aside)
    return False


#: Words naming an editorial team rather than a person ("Teufel Blog Redaktion",
#: "HLNF Staff Report", "Newsdesk").
_TEAM_WORDS = frozenset(
    [
        "redaktion",
        "redaktionsteam",
        "newsdesk",
        "staff",
        "editorial",
        "rédaction",
        "redacción",
        "redazione",
        "redactie",
        "redação",
        "redakcja",
    ]
)
#: ... in a byline of at most this many words.
TEAM_MAX_WORDS = 5


def _team(words: Sequence[str]) -> bool:
    """Whether a byline's words name an editorial team: a team word and capitalised
    words (or web addresses) only."""
    if not 2 <= len(words) <= TEAM_MAX_WORDS:
        return False
    cores = [w.strip(".,;:") for w in words]
    return any(c.lower() in _TEAM_WORDS for c in cores) and all(
        c[:1].isupper() or "." in c for c in cores if c
    )


#: Words ending a news site's name ("Stadtblatt Online", "Berg Medien").
_SITE_WORDS = frozenset(["online", "media", "medien", "news"])


def _organisation_line(words: Sequence[str], lang: Language) -> bool:
    """Whether a line is a news site's name and nothing else: two or three capitalised
    words, the last one a word ending such names, the others no common words nor
    words of sections and bylines ("Stadtblatt Online"; not "Weitere News", "Magazin
    News", "Kategorie: News")."""
    cores = [c for c in (w.strip(".,;:|•·-–—") for w in words) if c]
    return (
        2 <= len(cores) <= 3
        and all(c[:1].isupper() for c in cores)
        and cores[-1].lower() in _SITE_WORDS
        and not any(
            low in lang.stopwords
            or low in _common_words()
            or low in _AFTER_NAME
            or low in _ORGANISATION_WORDS
            or low in _TEAM_WORDS
            for low in (c.lower() for c in cores[:-1])
        )
    )


def _team_line(words: Sequence[str]) -> bool:
    """Whether a line is an editorial team's name and nothing else: a team word alone
    ("Redaktion", "Newsdesk") or with capitalised words ("Redaktion Stadtanzeiger")."""
    if len(words) == 1:
        return words[0].strip(".,;:|").lower() in _TEAM_WORDS
    return _team(words)


def _team_after(group: Sequence[str], name: str) -> bool:
    """Whether a lower-case team word follows the name ("Chrome Safe Browsing team")."""
    last = name.split()[-1]
    at = next((k for k, w in enumerate(group) if w.strip(".,;:") == last), -1)
    if at < 0 or at + 1 >= len(group):
        return False
    word = group[at + 1].strip(".,;:")
    return word[:1].islower() and (word in _TEAM_WORDS or word == "team")


def _before_date(words: list[str], lang: Language) -> list[str]:
    """The words before the first that starts a date: a number, a month, a date prefix."""
    starters = {p[0] for p in lang.date_prefixes if p}
    for k, w in enumerate(words):
        core = w.strip(".,;:()[]|-–—").lower()
        if not core or core[0].isdigit() or core in lang.months or core in starters:
            return words[:k]
    return words


def authors_in(text: str, lang: Language, *, after_prefix: bool) -> list[str]:
    """Names in a byline's text (after its prefix): split on joiners, dates and agencies dropped."""
    joiners = lang.name_joiners
    parts = _SPLIT_RE.split(text)
    names: list[str] = []
    for part in parts:
        words = part.split()
        # "Anna Muster und Max Muster": split on joiner words inside a part
        chunk: list[str] = []
        groups: list[list[str]] = []
        for w in words:
            if w.lower().lstrip("(") in joiners:  # "Anna Berg (avec Max Muster)"
                groups.append(chunk)
                chunk = []
            else:
                chunk.append(w)
        groups.append(chunk)
        stop = False
        for group in groups:
            if not group:
                continue
            if find_date(" ".join(group), lang) or has_time(" ".join(group)):
                # "Jule Radeck Vom 3. Februar 2022": the name before the date, read with
                # the date after it ("Jörg Staff am 16.11.2022": "Staff" is his surname)
                cut = _before_date(group, lang)
                name = leading_name(group, lang, after_prefix=after_prefix) if cut else None
                if name is not None and len(name.split()) > len(cut):
                    name = leading_name(cut, lang, after_prefix=after_prefix)
                if name is not None and name not in names:
                    names.append(name)
                stop = True
                break
            if " ".join(group).lower() in lang.agencies:
                continue
            name = leading_name(group, lang, after_prefix=after_prefix)
            if name is not None and _team_after(group, name):
                continue  # "Chrome Safe Browsing team": the authors' team, not a person
            known = name is not None and name.split()[0].lower() in lang.given_names
            if after_prefix and not names and not known and _team(group):
                name = " ".join(w.strip(".,;:") for w in group)  # "Teufel Blog Redaktion"
            if name is None:
                stop = True  # the names follow the prefix: "Daten von Rheinmetall gehackt"
                break
            if name not in names:
                names.append(name)
        if stop or (
            names and not any(leading_name(g, lang, after_prefix=after_prefix) for g in groups if g)
        ):
            break
    return names


#: A user name or handle: one word of letters, digits and "._-" ("gnaddrig",
#: "freeman1984", "Herr_Rein", "revamp-it").
_HANDLE_RE = re.compile(r"^[^\W_][\w.\-]{1,29}$")


#: Words after "by" that are no user's name ("Share by email").
_NOT_HANDLES = frozenset(["email", "e-mail", "mail", "newsletter", "rss", "sms", "post", "unknown"])


_WORD_RE = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
#: The kind (score) of a name of unknown given name alone on its line in the header,
#: a date line beside it.
UNKNOWN_NAME = 1.8
#: Such a name has this many words (at least two).
UNKNOWN_NAME_MAX_WORDS = 3


#: Languages that capitalise their nouns: a capitalised word is no sign of a name there.
_CAPITALISED_NOUNS = frozenset(["de", "lb"])


def _unknown_names(
    text: str, lang: Language, page: str, vocabulary: frozenset[str], title: str
) -> list[str]:
    """The names of a line of names whose given names are not known, beside a date
    line in the article's header ("Hazel Sheffield" / "Friday 25 December 2015"):
    each of two or three capitalised words that the page never writes in lower case
    ("Climate Change" is written "climate" elsewhere) nor but in that name ("Recent
    Posts" / "Recent Comments"), and that are no common words; none in the headline
    ("Donald Trump")."""
    names: list[str] = []
    for part in _SPLIT_RE.split(text.strip()):
        words = part.split()
        if not 2 <= len(words) <= UNKNOWN_NAME_MAX_WORDS:
            return []
        for w in words:
            low = w.lower()
            if (
                not _WORD_RE.fullmatch(w)
                or not w[0].isupper()
                or w.isupper()
                or low in vocabulary
                or low in lang.stopwords
                or low in _common_words()
                or low in lang.months
                or low in lang.date_prefixes.firsts
                or low in lang.credit_prefixes
                or low in lang.agencies
                or low in _TEAM_WORDS
                or low in _ORGANISATION_WORDS
                or _ends_a_name(low, lang)
            ):
                return []
        name = " ".join(words)
        count = len(re.findall(rf"(?<!\w){re.escape(name)}(?!\w)", page, re.I))
        if any(len(re.findall(rf"(?<!\w){re.escape(w)}(?!\w)", page, re.I)) > count for w in words):
            return []
        names.append(name)
    if any(name.lower() in title.lower() for name in names):
        return []
    return names


def _lower_case_surname(rest: str, lang: Language, page: str) -> str | None:
    """A name typed with a lower-case surname after a byline word ("by Mobasir hassan
    Post a Comment"): a capitalised word and a lower-case one, alone before a
    separator, a date or a comment link; the lower-case word is no common word and
    is never written on the page but after the first ("hassan", not "evening")."""
    words = _SPLIT_RE.split(rest.strip(), 1)[0].split()
    if len(words) < 2:
        return None
    first, last = words[0], words[1].rstrip(".,;:")
    low = last.lower()
    if (
        not _is_name_token(first)
        or first.lower() in lang.stopwords
        or first.lower() in _common_words()
        or not (last.isalpha() and last.islower() and len(last) >= 3)
        or low in lang.stopwords
        or low in _common_words()
        or low in lang.months
        or low in lang.date_prefixes.firsts
        or low in lang.credit_prefixes
        or _ends_a_name(low, lang)
    ):
        return None
    after = words[2:]
    lead = lang.phrases.categories_at_start(tokens(" ".join(after[:4])))
    if after and not _date_at(after, 0, lang) and lead not in ("comments", "share"):
        return None  # more words: "by Sunday evening the council ..."
    alone = len(re.findall(rf"(?<!\w){re.escape(last)}(?!\w)", page))
    after_first = len(re.findall(rf"{re.escape(first)}\s+{re.escape(last)}(?!\w)", page))
    return f"{first} {last}" if alone == after_first else None


#: Words that introduce a post's categories after its author's name ("by Anna_B in
#: Travel", "Posted by Anna_B under Just For Fun", "von Anna_B in Gefühle").
_CATEGORY_WORDS = frozenset(["in", "under", "unter", "dans", "en", "em", "sotto", "onder"])
#: The categories after such a word have at most this many words.
CATEGORY_MAX_WORDS = 4


def _ends_a_handle(after: Sequence[str], lang: Language) -> bool:
    """Whether the words after a user's name on a blog's meta line are no part of it: a
    comment count or link ("Ein Kommentar", "2 Comments", "Leave a comment"), or a
    word such as "in" and the capitalised words of a category ("under Just For Fun")."""
    toks = tokens(" ".join(after[:5]))
    counted = bool(toks) and (
        toks[0].isdigit() or (len(toks[0]) <= 4 and toks[0] in lang.stopwords)
    )
    if counted and lang.phrases.categories_at_start(toks[1:]) == "comments":
        return True  # "Ein Kommentar", "2 Kommentare", "No Comments"
    if lang.phrases.categories_at_start(toks) == "comments":
        return True
    categories = list(after[1:])
    return (
        after[0].lower() in _CATEGORY_WORDS
        and 0 < len(categories) <= CATEGORY_MAX_WORDS
        and all(w[:1].isupper() for w in categories)
    )


def handle_after_prefix(rest: str, lang: Language, *, line_dated: bool = False) -> str | None:
    """The user name a byline prefix names when it is not a person's name: the one
    word alone before a separator or a date ("von eseppelt · 31. Oktober 2023",
    "by oz on December 4, 2006", "Autor: gnaddrig | Abgelegt unter ...")."""
    rest = rest.strip()
    part = _SPLIT_RE.split(rest, 1)[0]
    words = part.split()
    dated = find_date(rest, lang) is not None or has_time(rest)
    if len(words) > 1 and dated:
        words = _before_date(words, lang)
        short = next(
            (k for k, w in enumerate(words) if k and len(w) <= 3 and w.lower() in lang.stopwords),
            len(words),
        )
        words = words[:short]  # "oz on December 4, 2006", "Isabella.DiBiase am Samstag, 19. ..."
    marked = len(words) > 1 and _ends_a_handle(words[1:], lang)
    if marked:
        words = words[:1]  # "von Anna_B Ein Kommentar", "by Anna_B under Just For Fun"
    team = ""
    if len(words) == 2 and _team_word(words[1]):
        team, words = " " + words[1], words[:1]  # "von rabe42 Webteam": a user's team
    if len(words) != 1:
        return None
    tok = words[0].strip(".,;:()[]\"'“”„«»")
    low = tok.lower()
    if low in _NOT_HANDLES or low in _WEEKDAYS:
        return None
    if not (dated or line_dated) and ((tok != rest and not marked) or len(tok) < 3):
        return None  # more after the word and no date: "By Sunday, the ..."
    if (
        not _HANDLE_RE.match(tok)
        or not any(c.isalpha() for c in tok)
        or low in lang.stopwords
        or low in _common_words()
        or low in lang.months
        or low in lang.credit_prefixes
        or low in lang.date_prefixes.firsts
    ):
        return None
    return tok + team


def _team_word(word: str) -> bool:
    """Whether a capitalised word names a team ("Redaktion", "Webteam", "Team")."""
    low = word.strip(".,;:").lower()
    return word[:1].isupper() and (low in _TEAM_WORDS or low.endswith("team"))


#: A pen name after a byline prefix has at most this many words ("Der Rote Kater").
PEN_NAME_MAX_WORDS = 3


def pen_name_after_prefix(
    rest: str, lang: Language, *, explicit: bool, line_dated: bool = False
) -> str | None:
    """The pen name a byline prefix names when no known given name starts it: two or
    three capitalised words alone before a separator or a date ("von: Roter Kater",
    "Von Der Bücherwurm - 3. Mai 2021, 10:15 Uhr", "3 juin 2019, par Collectif
    Vélo"), an article may open it. Only after a prefix with a colon (``explicit``) or
    on a dated line (``line_dated``: the date may come before the prefix), and nothing
    but a date after it ("By Sunday Morning the ..." is no byline)."""
    rest = rest.strip()
    part = _SPLIT_RE.split(rest, 1)[0]
    dated = find_date(rest, lang) is not None or has_time(rest)
    words = part.split()
    kept = _before_date(words, lang)
    if kept != words:
        if not dated:
            return None
        words = kept
    elif part != rest and not dated:
        return None  # more after a separator, no date: a menu, a list of links
    if not (explicit or dated or line_dated) or not 2 <= len(words) <= PEN_NAME_MAX_WORDS:
        return None
    for k, w in enumerate(words):
        low = w.lower()
        if (
            not _WORD_RE.fullmatch(w)
            or not w[:1].isupper()
            or (k and low in lang.stopwords)
            or low in lang.months
            or low in _WEEKDAYS
            or low in lang.date_prefixes.firsts
            or low in lang.credit_prefixes
            or low in lang.agencies
            or low in _NOT_HANDLES
        ):
            return None
    return " ".join(words)


#: An agency credit: agencies or an editor's initials joined by slashes ("dpa/lno",
#: "abc/dpa", "AFP/Reuters").
_SLASHED_RE = re.compile(r"^[^\W\d_]{2,}(?:/[^\W\d_]{2,})+$")
#: An editor's initials in such a credit, lower case: "abc" in "abc/dpa".
_INITIALS_PART_RE = re.compile(r"^[^\W\d_A-Z]{2,4}$")
#: :data:`_SPLIT_RE` but for the slash, which joins an agency credit's parts.
_SPLIT_NO_SLASH_RE = re.compile(r"\s*(?:,|;|&|\||•|·|\s/\s|\s[-–—]\s|\s\+\s)\s*")
#: An agency's name has at most this many words ("Agencia EFE", "Getty Images").
AGENCY_MAX_WORDS = 3


def agency_after_prefix(rest: str, lang: Language) -> str | None:
    """The news agency a byline names when it names no person: the agency alone before
    a separator, a date or the line's end ("Por Agencia EFE", "Von: abc/dpa | 2. Mai
    2022"), as written."""
    part = _SPLIT_NO_SLASH_RE.split(rest.strip(), 1)[0]
    words = _before_date(part.split(), lang)
    if words != part.split() and not words:
        return None
    if 1 <= len(words) <= AGENCY_MAX_WORDS and " ".join(words).lower() in lang.agencies:
        return " ".join(words)
    if len(words) == 1 and _SLASHED_RE.match(words[0]):
        parts = words[0].split("/")
        if any(p.lower() in lang.agencies for p in parts) and all(
            p.lower() in lang.agencies or _INITIALS_PART_RE.match(p) for p in parts
        ):
            return words[0]
    return None


def _names_only(
    text: str, first: str, end: int, rest: str, words: int, lang: Language
) -> list[str]:
    """The names of a line made only of names ("Clara Löw, Siddharth Prakash & Klaus
    Jacob"), each starting with a known given name (the first, ``first``, ends at
    ``end``); [] for anything else."""
    if _SPLIT_RE.match(text, end) is None and rest.split()[0].lower() not in lang.name_joiners:
        return []
    names = authors_in(text, lang, after_prefix=False)
    covered = sum(len(x.split()) for x in names)
    if len(names) >= 2 and names[0] == first and covered * 10 >= words * 8:
        return names
    return []


#: A name alone on its line has at most this many words ("Prof. Dr. Anna Maria von Berg").
NAME_MAX_WORDS = 7
#: A date line beside a name holds at most this many words ("31.10.2023", "Published
#: March 3, 2024 at 5:12 pm").
DATE_LINE_MAX_WORDS = 8


#: "3. Anna Berg", "2) Headline": a numbered list's item ...
LIST_NUMBER_RE = re.compile(r"(\d{1,2})([.)])\s")
#: ... that goes on from the item before it within this many lines.
LIST_NUMBER_GAP = 3


def without_list_number(blocks: Sequence[Block], i: int) -> str:
    """Line ``i``'s text without its number when it goes on a numbered list ("1. Home",
    "2. Die Präsidenten", "3. Anna Berg": a breadcrumb trail rendered as an ordered
    list); else its text."""
    text = blocks[i].text
    m = LIST_NUMBER_RE.match(text)
    if m is None:
        return text
    before = f"{int(m[1]) - 1}{m[2]} "
    for k in range(max(0, i - LIST_NUMBER_GAP), i):
        if blocks[k].text.startswith(before):
            return text[m.end() :].strip()
    return text


#: Lines this near a byline that name others in the same shape make it a list's item...
LIST_REACH = 3
#: ... (undated ones with lines of this many words or more between them: headlines,
#: comments) ...
LIST_GAP_WORDS = 3
#: ... followed through at most this many items naming the same people.
LIST_MAX_ITEMS = 12


def _shape(text: str, names: Sequence[str]) -> str:
    """A line's shape, its names left out: names as "N", numbers as "0", capitalised
    words after the first as "A" ("Karla Kuhn / 22.04.2020" -> "N / 0.0.0")."""
    for name in names:
        text = text.replace(name, " \x00 ")
    # names joined stay one: "Mehdi Hasan, Dina Sayedahmed" is shaped as "Sam Biddle"
    joined = re.compile(r"\x00[\s,;&/|·•]*(?:[^\W\d_]{1,4}\s+)?\x00")
    while joined.search(text):
        text = joined.sub("\x00", text)
    out = []
    for k, word in enumerate(text.split()):
        if word == "\x00":
            out.append("N")
        elif any(c.isdigit() for c in word):
            out.append(re.sub(r"\d+", "0", word))
        elif k and word[:1].isupper():
            out.append("A")
        else:
            out.append(word.lower())
    return " ".join(out)


#: In a blog's meta line, the date comes at most this many words after the name.
META_DATE_REACH = 4


def _meta_line(text: str, f: Facts, lang: Language) -> bool:
    """Whether a long line that reads as prose is a blog's meta line: a name, maybe a
    category, a date, then tags ("Martin Clavey Politique scientifique française 20
    janvier 2020 évaluation, HCERES 0 Comment"). In a sentence, a lower-case word
    follows the name ("Emmanuel Macron a annoncé le 20 janvier ..."), and it ends as
    one."""
    if f.date is None or f.words > NAME_DATE_MAX_WORDS or f.end in (".", "!", "?"):
        return False
    words = text.split()
    name = leading_name(words, lang, after_prefix=False)
    if name is None or not text.startswith(name):
        return False
    k = len(name.split())
    if k >= len(words) or not (words[k][:1].isupper() or _date_at(words, k, lang)):
        return False
    return any(_date_at(words, j, lang) for j in range(k, min(len(words), k + META_DATE_REACH)))


#: Languages whose byline prefixes a page of an undetected language may use ("von
#: Marc Scheloske | 20. Mai 2007").
_PREFIX_LANGUAGES = ("de", "fr", "es", "it", "nl", "pt")


@lru_cache(maxsize=1)
def _foreign_phrases() -> tuple[str, ...]:
    """The byline prefixes of the major languages, for a page whose language is not
    known; not the words of two letters ("de", "di", "av"), which mean "of" as often."""
    found = {
        p
        for code in _PREFIX_LANGUAGES
        for p in load(code).byline_phrases
        if " " in p.strip() or len(p.strip(":")) > 2
    }
    return tuple(sorted(found, key=len, reverse=True))


@lru_cache(maxsize=1)
def _month_languages() -> dict[str, tuple[str, ...]]:
    """The languages (of :data:`_PREFIX_LANGUAGES`) that name a month with each word,
    English's months left out (every language's data holds them)."""
    return {
        word: codes
        for word, by_code in month_names().items()
        if "en" not in by_code and (codes := tuple(c for c in _PREFIX_LANGUAGES if c in by_code))
    }


def _line_language(text: str, lang: Language) -> Language | None:
    """The language a dated line writes its month in, when not the page's: a page that
    mixes languages, or whose language is misread ("Publiziert am 13. Januar 2014 von
    uriebe" on a page read as Spanish); None when the page's language names it."""
    months = _month_languages()
    for tok in tokens(text):
        if tok in lang.months:
            return None
        codes = months.get(tok)
        if codes and lang.code not in codes:
            return load(codes[0])
    return None


def _header_window(n: int, title: int, first_body: int) -> tuple[int, int, int]:
    """The article's header: its anchor line (the title, else the first body line) and
    the range ``start:stop`` around it where a byline or a date is looked for."""
    anchor = max(title if title >= 0 else first_body, 0)
    start = max(0, min(anchor, first_body if first_body >= 0 else anchor) - HEADER_BEFORE)
    stop = min(n, max(anchor, first_body) + HEADER_AFTER)
    return anchor, start, stop


def find_byline(
    blocks: Sequence[Block],
    facts: Sequence[Facts],
    lang: Language,
    *,
    title: int,
    first_body: int,
    last_body: int,
    taken: set[int],
) -> Byline | None:
    """The article's byline: a prefixed name ("Von ...", "By ..."), a name and a date, or a name."""
    n = len(blocks)
    anchor, start, stop = _header_window(n, title, first_body)
    header = range(start, stop)
    tail = (
        range(max(stop, last_body - 2), min(n, last_body + 1 + TAIL_LINES))
        if last_body >= 0
        else range(0)
    )
    phrases = lang.byline_phrases if lang.code else lang.byline_phrases + _foreign_phrases()
    prefix_re = _prefix_re(phrases)
    page_lang = lang
    best: tuple[float, Byline] | None = None
    # short date lines, for the names beside them (looked up for every short line)
    dated = [f.date is not None and f.words <= DATE_LINE_MAX_WORDS for f in facts]

    # the page's one-word lines: menu entries, which a blog's meta line may end with
    menu = frozenset(
        b.text.strip().lower() for b, f in zip(blocks, facts, strict=True) if f.words == 1
    )
    # ... and its lines of two or three words: categories ("Energie & Umwelt")
    sections = frozenset(
        b.text.strip()
        for b, f in zip(blocks, facts, strict=True)
        if 2 <= f.words <= 3 and b.text.strip()[:1].isupper() and not f.digits
    )

    def date_beside(i: int) -> bool:
        return (i > 0 and dated[i - 1]) or (i + 1 < n and dated[i + 1])

    def date_only(k: int) -> bool:
        """Whether line ``k`` gives a date and little else: a weekday before it, a
        time after it ("Friday 25 December 2015"; not "October 30, 2020 Kate May")."""
        if not (0 <= k < n and dated[k]):
            return False
        text = blocks[k].text.strip()
        if _RELATIVE_TIME_RE.match(text):
            return True
        words = [w.strip(".,;:()[]|-–—") for w in text.split()]
        at = next(
            (j for j, w in enumerate(words) if w[:1].isdigit() or w.lower() in lang.months), -1
        )
        if not 0 <= at <= 1:
            return False
        return not any(
            w[:1].isupper() and not w.isupper() and w.lower() not in lang.months
            for w in words[at + 1 :]
        )

    # a name alone inside the text (a signature between the article and its notes)
    inside = (
        [i for i in range(first_body, tail.start if tail else n) if i not in header]
        if first_body >= 0
        else []
    )
    seen = set(inside)

    @lru_cache(maxsize=1)
    def page_text() -> str:
        return "\n".join(b.text for b in blocks)

    @lru_cache(maxsize=1)
    def line_counts() -> Counter[str]:
        """How many times the page holds each line's text."""
        return Counter(b.text.strip() for b in blocks)

    @lru_cache(maxsize=1)
    def vocabulary() -> frozenset[str]:
        """The words the page writes in lower case."""
        return frozenset(w for w in _WORD_RE.findall(page_text()) if w.islower())

    elsewhere = [i for i in range(n) if i not in header and i not in tail and i not in seen]
    cache: dict[tuple[int, float], tuple[list[str], float]] = {}

    def candidate(i: int, zone: float) -> tuple[list[str], float]:
        """The names line ``i`` gives as a byline in ``zone``, and its kind (score)."""
        if (i, zone) not in cache:
            cache[i, zone] = _candidate(i, zone)
        return cache[i, zone]

    def _candidate(
        i: int, zone: float, lang: Language = lang, prefix_re: re.Pattern[str] = prefix_re
    ) -> tuple[list[str], float]:
        if i in taken or i == title:
            return [], 0.0
        b, f = blocks[i], facts[i]
        if f.words > BYLINE_MAX_WORDS or f.words == 0:
            return [], 0.0
        if zone > 0 and f.date is not None and lang is page_lang and not prefix_re.search(b.text):
            # a header's date phrase in another language: its byline word may be too
            # ("Publiziert am 13. Januar 2014 von uriebe" on a page read as Spanish)
            other = _line_language(b.text, lang) if lang.code else None
            if other is not None and starts_with_phrase(tokens(b.text), other.date_prefixes):
                return _candidate(i, zone, other, _prefix_re(other.byline_phrases))
        match = prefix_re.search(b.text)
        far = zone <= -1.0
        if (
            far
            and match is None
            and not (i and facts[i - 1].byline)
            and not (f.words <= NAME_MAX_WORDS and date_beside(i))
        ):
            # far from the article, only an explicit byline (or a dated name) counts
            return [], 0.0
        at_start = prefix_re.match(b.text) is not None
        # a sentence, unless it starts with its byline word: a long byline ("Posted by
        # Anna Berg, Max Muster and ... - Chrome team"), whose words must not go on
        sentence = f.prose and f.words > 14 and f.date is None
        # the byline may be the last of a meta line's parts ("Le Monde | 04.05.2015 à
        # 13h36 • Mis à jour le 05.05.2015 | Par Anna Berg"): its head is that part's
        part = _part_start(b.text, match.start()) if match is not None else 0
        opens_part = (
            match is not None
            and part > 0
            and f.date is not None
            and not b.text[part : match.start()].strip()
        )
        if (
            f.prose
            and f.words > 14
            and not at_start
            and not opens_part
            and not _meta_line(b.text, f, lang)
        ):
            return [], 0.0
        found: list[str] = []
        kind = 0.0
        if (
            match is not None
            and match.start() - part <= 60
            and _byline_head(b.text[part : match.start()], lang)
        ):
            rest = b.text[match.end() :]
            again = prefix_re.match(rest)
            while again is not None and again.end() > 0:  # "Post author By Anna Muster"
                rest = rest[again.end() :]
                again = prefix_re.match(rest)
            rest = rest.lstrip("-–—|·•: ")  # "About the Author - Anna Berg"
            found = authors_in(rest, lang, after_prefix=zone >= 0)
            kind = 3.0
            head = b.text[part : match.start()]
            bare = _bare_head(head, lang)
            if found and (sentence or not bare) and _sentence_goes_on(rest, found[-1], lang):
                found = []  # "Werke von David Hockney ab Sommer in Luzern zu sehen"
            if not bare and f.date is None:
                kind = HEADED_BYLINE  # "Camino von Birgit Kelle": a work's, maybe
            if not found and not sentence and zone >= 0 and (bare or _dated_head(head, f, lang)):
                handle = agency_after_prefix(rest, lang) or handle_after_prefix(
                    rest, lang, line_dated=f.date is not None
                )
                if handle is None:
                    handle = pen_name_after_prefix(
                        rest,
                        lang,
                        explicit=":" in b.text[match.start() : match.end()],
                        line_dated=f.date is not None,
                    )
                if handle is not None:
                    found, kind = [handle], 2.5  # a user name or an agency, not a person's
                else:
                    name = _lower_case_surname(rest, lang, page_text())
                    if name is not None:
                        found, kind = [name], 2.5  # "by Mobasir hassan"
        if (
            not found
            and match is None
            and i > 0
            and f.words <= 12
            and facts[i - 1].words <= PREFIX_ONLY_HEAD_WORDS + 3
            and _prefix_only(blocks[i - 1].text, prefix_re, lang)
        ):
            # "Geschrieben von" / "Anna Berg": the prefix on a line of its own (as
            # explicit as a byline gets, wherever it stands)
            found = authors_in(b.text, lang, after_prefix=True)
            kind = 3.0
            if not found and f.words == 1 and _explicit_prefix(blocks[i - 1].text, prefix_re, lang):
                # "by" / "delta201", "Artikel von:" / "hausinfo": a user's name
                handle = handle_after_prefix(b.text, lang, line_dated=date_beside(i))
                found, kind = ([handle], 2.5) if handle is not None else ([], 0.0)
        if not found and f.words <= (NAME_DATE_MAX_WORDS if f.date else 12):
            beside = f.words <= NAME_MAX_WORDS and date_beside(i)
            # a numbered list's item without its number (undated: not a comment's)
            item = without_list_number(blocks, i) if f.date is None else b.text
            text = _without_section(item, sections)
            shown = f if text == b.text else replace(f, words=len(text.split()))
            found, kind = _name_line(text, shown, lang, dated_beside=beside, menu=menu)
            if not found and text != b.text:
                # the words taken for a category end a user's name ("3. Mai 2021 anna_b
                # Schreibe einen Kommentar", the page's comment link alone too)
                retried, how = _name_line(b.text, f, lang, dated_beside=beside, menu=menu)
                if retried and all(_user_name(name, lang) for name in retried):
                    found, kind = retried, how
            if far and (kind != DATED_NAME or f.date is not None):
                found = []  # far from the article, a name needs a date line beside it
            if kind == TEAM_BESIDE_DATE and line_counts()[b.text.strip()] > 1:
                found = []  # "Editorial" both here and in the menu: a section's name
            if (
                not found
                and zone > 0
                and beside
                and f.date is None
                and lang.code not in _CAPITALISED_NOUNS
                and any(date_only(k) for k in (i - 1, i + 1))
            ):
                headline = blocks[title].text if title >= 0 else ""
                found = _unknown_names(b.text, lang, page_text(), vocabulary(), headline)
                kind = UNKNOWN_NAME
        if not found and zone >= 0 and i + 1 < n and facts[i + 1].words <= BYLINE_MAX_WORDS:
            # "Anna Berg, Staff Attorney, ..." / "& Max Muster, Director of ..."
            found = _joined_credits(b.text, blocks[i + 1].text, lang)
            kind = 2.0
        if not found:
            return [], 0.0
        if (
            _SAYS_RE.search(b.text)
            or _EMBED_HANDLE_RE.search(b.text)
            or (f.words > 2 and _REPLY_RE.search(b.text))
        ):
            # a comment's author ("Anna says:", "... [antworten]"), an embedded post's
            return [], 0.0
        return found, kind

    def the_subject(found: list[str]) -> bool:
        """Whether a name is that of the article's subject: the headline names it
        ("Donald Trump ist „glücklich“"), not as its author ("Rede von Johannes Rau")."""
        headline = blocks[title].text if title >= 0 else ""
        for name in found:
            at = headline.find(name)
            if at >= 0 and not any(t in lang.by_words for t in tokens(headline[:at])):
                return True
        return False

    def in_a_list(i: int, zone: float, found: list[str]) -> bool:
        """Whether line ``i`` is an item of a list of names in the same shape: comments
        ("Karla Kuhn / 22.04.2020"), related articles' authors (each after its
        headline), events ("04.11.2022 - Sam Ryder - Flex"); not the article's byline.
        Lines of names alone, one after another, are its authors ("Geschrieben von Anna
        Berg" / "Geschrieben von Max Muster"): a list's undated items have text between."""
        shape = _shape(blocks[i].text, found)
        dated_shape = any(c.isdigit() for c in shape)
        todo, seen = [i], {i}
        while todo and len(seen) <= LIST_MAX_ITEMS:
            k = todo.pop()
            for j in range(max(0, k - LIST_REACH), min(n, k + LIST_REACH + 1)):
                if j in seen:
                    continue
                between = range(min(j, k) + 1, max(j, k))
                if not dated_shape and (
                    not between or any(facts[m].words < LIST_GAP_WORDS for m in between)
                ):
                    continue
                others, _ = candidate(j, zone)
                if not others or _shape(blocks[j].text, others) != shape:
                    continue
                if not set(others) & set(found):
                    return True
                seen.add(j)
                todo.append(j)  # the same names again: the list may go on from there
        return False

    for zone, lines in ((1.0, header), (0.0, tail), (INSIDE_ZONE, inside), (-1.0, elsewhere)):
        for i in lines:
            found, kind = candidate(i, zone)
            if not found or in_a_list(i, zone, found):
                continue
            if kind <= NAME_ALONE and the_subject(found):
                continue  # "Donald Trump" alone on a line: whom the article is about
            score = kind + zone - 0.01 * abs(i - anchor)
            if best is None or score > best[0]:
                best = (score, Byline(i, blocks[i].text, tuple(found)))
    if best is None and last_body >= 0:
        return (
            _bio_author(blocks, facts, lang, last_body, taken)
            or _signature(blocks, lang, last_body)
            or _dateline_agency(blocks, lang, first_body)
            or _source_credit(blocks, lang, last_body)
            or _copyright_holder(blocks, lang, last_body)
        )
    if best is None:
        return None
    listed = _avatar_names(blocks, best[1], lang)
    if len(listed) > 1:
        return Byline(best[1].index, best[1].text, tuple(listed))
    return best[1]


#: An author's bio after the text has at least this many words ...
BIO_MIN_WORDS = 8
#: ... and at most this many ...
BIO_MAX_WORDS = 80
#: ... and names a writer's or scholar's job among this many words after the name.
BIO_ROLE_REACH = 8


#: Words that open a noun phrase, no name: "The Editor is ...", "Unser Team ist ...".
_DETERMINERS = frozenset(
    [
        "the",
        "this",
        "that",
        "these",
        "those",
        "our",
        "my",
        "his",
        "her",
        "their",
        "its",
        "a",
        "an",
        "der",
        "die",
        "das",
        "dieser",
        "diese",
        "unser",
        "unsere",
        "ein",
        "eine",
        "le",
        "la",
        "les",
        "ce",
        "cette",
        "notre",
        "un",
        "une",
        "el",
        "los",
        "las",
        "este",
        "esta",
        "nuestro",
        "il",
        "lo",
        "gli",
        "questo",
        "questa",
        "uno",
        "una",
        "de",
        "het",
        "deze",
        "dit",
        "onze",
        "een",
    ]
)


def _bio_name(words: Sequence[str], lang: Language) -> str | None:
    """The name of unknown given name a bio opens with: two or three capitalised words
    and a short word of the language after them ("Jo Quill is a writer ..."); its
    later words no common words, its first no determiner ("The Editors are ...")."""
    for k in (2, 3):
        if len(words) <= k or not (words[k].islower() and words[k] in lang.stopwords):
            continue
        head = words[:k]
        if not all(_WORD_RE.fullmatch(w) and w[0].isupper() and not w.isupper() for w in head):
            return None
        if head[0].lower() in _DETERMINERS or any(
            w.lower() in lang.stopwords
            or w.lower() in _common_words()
            or w.lower() in _ORGANISATION_WORDS
            or w.lower() in _TEAM_WORDS
            for w in head[1:]
        ):
            return None
        return " ".join(head)
    return None


def _bio_author(
    blocks: Sequence[Block], facts: Sequence[Facts], lang: Language, last_body: int, taken: set[int]
) -> Byline | None:
    """The author an author's bio after the text names, when no byline does: a
    sentence starting with a person's name, a lower-case word after it, and a
    writer's or scholar's job soon after ("Anna Berg is a senior editor at ...",
    "Max Muster ist Redakteur im Ressort ..."). The text's last paragraph too, when
    it is such a sentence: the reviser leaves it out as a bio (see ``BIO_WORDS``); a
    name of unknown given name only after the text."""
    for i in range(last_body, min(len(blocks), last_body + 1 + TAIL_LINES)):
        f = facts[i]
        if i in taken or f.words < BIO_MIN_WORDS or f.words > BIO_MAX_WORDS:
            continue
        if i == last_body and not (f.prose and f.end in (".", "!")):
            continue  # the text's last paragraph: only a bio sentence
        words = blocks[i].text.split()
        name = leading_name(words[:6], lang, after_prefix=False)
        if name is None and i > last_body:
            name = _bio_name(words, lang)  # no unknown names in the text
        if name is None or len(name.split()) < 2 or not blocks[i].text.startswith(name):
            continue
        k = len(name.split())
        if k >= len(words) or not words[k][:1].islower():
            continue
        if any(t in BIO_WORDS for t in tokens(" ".join(words[k : k + BIO_ROLE_REACH]))):
            return Byline(i, blocks[i].text, (name,))
    return None


#: A name in brackets ending a text's last paragraph, maybe before "+++" or an end
#: mark: "... bleibt spannend. (Anna Berg) +++".
_SIGNATURE_RE = re.compile(r"\(([^()]{3,60})\)\s*(?:\+{2,}|[–—■□*])?\s*$")


def _signature(blocks: Sequence[Block], lang: Language, last_body: int) -> Byline | None:
    """The author who signs the text's last paragraph with a name in brackets, when no
    byline names one ("Die Gemeindepolitik bleibt spannend. (Anna Berg) +++")."""
    text = blocks[last_body].text
    m = _SIGNATURE_RE.search(text)
    if m is None:
        return None
    inside = m.group(1).strip()
    name = leading_name(inside.split(), lang, after_prefix=False)
    if name is None or name != inside or len(name.split()) < 2:
        return None
    return Byline(last_body, m.group(0).strip(), (name,), inline=True)


#: The dateline is looked for in this many lines from the text's first.
DATELINE_LINES = 3
#: A dateline opening a report: a place and the agency's credit in brackets, a dash
#: ("Hamburg (dpa/lno) – ...", "Frankfurt/Main (AFP) - ...").
_DATELINE_RE = re.compile(r"[^\W\d_][\w./ -]{1,40}?\s\(([^()]{2,25})\)\s*[–—-]\s")


def _dateline_agency(blocks: Sequence[Block], lang: Language, first_body: int) -> Byline | None:
    """The news agency the text's dateline credits, when no byline names an author
    ("Hamburg (dpa/lno) – Trotz eines Gesprächs ..."): in one of the text's first
    :data:`DATELINE_LINES` lines (a picture's caption may come first)."""
    if first_body < 0:
        return None
    for i in range(first_body, min(len(blocks), first_body + DATELINE_LINES)):
        m = _DATELINE_RE.match(blocks[i].text.lstrip())
        if m is None:
            continue
        agency = agency_after_prefix(m.group(1), lang)
        if agency is not None:
            return Byline(i, m.group(0).strip(" –—-"), (agency,), inline=True)
    return None


#: A source's credit after the text: "Quelle: kathpress", "Source: stadtblatt.de/ab".
_SOURCE_RE = re.compile(r"(?:quelle|source|fuente|fonte|fonti|bron)\s*:\s*(\S+)", re.I)


def _source_credit(blocks: Sequence[Block], lang: Language, last_body: int) -> Byline | None:
    """The source a line after the text credits, when no byline names an author: a news
    agency, a web site or a user's name alone after "Quelle:", "Source:" ("Quelle:
    kathpress"); not a link, nor capitalised words (an office giving figures)."""
    for i in range(last_body + 1, min(len(blocks), last_body + 1 + TAIL_LINES)):
        text = blocks[i].text.strip()
        m = _SOURCE_RE.fullmatch(text)
        if m is None:
            continue
        value = m.group(1)
        if (
            agency_after_prefix(value, lang) is not None
            or _SITE_CREDIT_RE.fullmatch(value) is not None
            or _user_name(value, lang)
        ):
            return Byline(i, text, (value,), inline=True)
    return None


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.split() if w[:1].isupper())


def _avatar_names(blocks: Sequence[Block], byline: Byline, lang: Language) -> list[str]:
    """The authors of a list in which each name follows its initials, as a picture's
    stand-in renders them ("LP" / "Luana Patriolino" / "RF" / "Raphael Felice"),
    the byline's name among them; [] when the byline's name does not follow its
    initials."""
    i = byline.index
    if len(byline.authors) != 1 or not _avatar_item(blocks, i, lang):
        return []
    start = i
    while start >= 2 and _avatar_item(blocks, start - 2, lang):
        start -= 2
    names: list[str] = []
    k = start
    while k < len(blocks) and len(names) < LIST_MAX_ITEMS:
        name = _avatar_item(blocks, k, lang)
        if name is None:
            break
        if name not in names:
            names.append(name)
        k += 2
    return names


def _avatar_item(blocks: Sequence[Block], k: int, lang: Language) -> str | None:
    """The name alone on line ``k``, after a line of its initials."""
    if k < 1:
        return None
    text = blocks[k].text.strip()
    name = leading_name(text.split(), lang, after_prefix=True)
    if name is None or name != text or not _avatar(blocks[k - 1].text, name):
        return None
    return name


def _avatar(text: str, name: str) -> bool:
    """Whether a line is a name's initials ("LP" for "Luana Patriolino")."""
    text = text.strip()
    return 2 <= len(text) <= 4 and text.isupper() and text.isalpha() and text == _initials(name)


_COPYRIGHT_RE = re.compile(r"©|\(c\)|\bcopyright\b", re.I)
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
_RIGHTS_RE = re.compile(
    r"rights reserved|\brechte\b|\bdroits\b|\bderechos\b|\bdiritti\b|\bdireitos\b", re.I
)
#: What comes between the copyright mark and the holder: more marks, years, "by".
_COPYRIGHT_HEAD_RE = re.compile(
    r"^[\s©:,.\-–]*(?:\(c\)\s*)?(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:(?:19|20)\d\d)?)?)?"
    r"[\s,.\-–]*(?:by\s+)?",
    re.I,
)
#: The holder ends at a sentence's end, a separator or a comma.
_COPYRIGHT_END_RE = re.compile(r"\.\s|\s[|•·/–—-]\s|,")
#: A site's notice that names its owner without a copyright mark: years, then "by".
_YEARS_BY_RE = re.compile(
    r"(?:^|[^\w\s.,]\s*)(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?\s+(?:by|von|par|por|door)\s+",
    re.I,
)
#: A licence notice naming the work's author ("... by Anna Berg is licensed under a
#: Creative Commons licence").
_LICENCE_RE = re.compile(r"\bcreative\s+commons\b", re.I)
_LICENCE_BY_RE = re.compile(r"\s(?:by|von|par|por|door|di)\s+(?=[^\W\d_])", re.I)
#: Company forms: a holder ending with one is a company, not a person.
_COMPANY_WORDS = frozenset(
    ["gmbh", "ag", "kg", "spa", "s.p.a.", "sa", "s.a.", "inc", "inc.", "ltd", "ltd.", "llc"]
)


def _copyright_holder(blocks: Sequence[Block], lang: Language, last_body: int) -> Byline | None:
    """Failing a byline, the person a site's copyright notice names after the article
    ("© 2009-2012 Jonathan Krase. Impressum", "Copyright (c) 2012- Gregory Szorc. All
    rights reserved."): a personal site's owner writes its posts. The notice must give
    a year or reserve rights, or end the page (a picture's credit does neither), and
    name a person only (a known given name first; no company)."""
    n = len(blocks)
    for i in range(n - 1, last_body, -1):
        text = blocks[i].text
        licence = _LICENCE_BY_RE.search(text) if _LICENCE_RE.search(text) else None
        # (the years alone, not a date's: "Publiziert am 21. Mai 2012 von ...")
        by = licence or (None if _COPYRIGHT_RE.search(text) else _YEARS_BY_RE.search(text))
        if by is not None and not any(
            t in lang.credit_prefixes for t in tokens(text[: by.start()])
        ):
            # "2009-2020 by Florian Posdziech – Powered by Nikola", "Ein Hundetagebuch von
            # Donald Townsend steht unter einer Creative Commons ... Lizenz"
            words = _COPYRIGHT_END_RE.split(text[by.end() :] + " ", maxsplit=1)[0].split()
            name = leading_name(words, lang, after_prefix=False)
            if (
                name is not None
                and len(name.split()) >= 2
                and (licence is not None or len(name.split()) == len(words))
            ):
                return Byline(i, text, (name,))
            continue
        mark = _COPYRIGHT_RE.search(text)
        if mark is None:
            continue
        if not (_YEAR_RE.search(text) or _RIGHTS_RE.search(text) or i >= n - 2):
            continue
        rest = _COPYRIGHT_HEAD_RE.sub("", text[mark.end() :])
        words = _COPYRIGHT_END_RE.split(rest + " ", maxsplit=1)[0].strip().rstrip(".").split()
        name = leading_name(words, lang, after_prefix=False)
        if (
            name is not None
            and len(words) >= 2
            and len(name.split()) == len(words)
            and words[-1].lower() not in _COMPANY_WORDS
        ):
            return Byline(i, text, (name,))
    return None


#: A job title after a name on its own line ("Education editor") has at most this many
#: words, the last one of these:
ROLE_MAX_WORDS = 3
_ROLE_ENDS = _ROLES | frozenset(
    [
        "autor",
        "autorin",
        "author",
        "auteur",
        "autrice",
        "autore",
        "autora",
        "editor",
        "editora",
        "writer",
        "journaliste",
        "periodista",
        "giornalista",
    ]
)

#: Words of an author's bio ("Will Knight is a senior writer for WIRED", "Moritz Gathmann
#: leitet das Ressort ..."): job titles of writers and scholars, lower case.
BIO_WORDS = _ROLE_ENDS | frozenset(
    [
        "columnist",
        "contributor",
        "professor",
        "professorin",
        "professeur",
        "professeure",
        "profesor",
        "profesora",
        "professore",
        "professoressa",
        "founder",
        "co-founder",
        "cofounder",
        "gründer",
        "gründerin",
        "mitgründer",
        "mitgründerin",
        "fondateur",
        "fondatrice",
        "fundador",
        "fundadora",
        "chefredakteur",
        "chefredakteurin",
        "ressort",
        "ressortleiter",
        "ressortleiterin",
        "blogger",
        "bloggerin",
        "rédacteur",
        "rédactrice",
        "redactor",
        "redactora",
        "redattore",
        "redattrice",
        "columnista",
        "editorialista",
        "freelance",
        "photographer",
        "fotograf",
        "fotografin",
    ]
)


def is_job_title(text: str) -> bool:
    """Whether a name's rest is a job title ("Education editor", "Autor"): at most
    :data:`ROLE_MAX_WORDS` words, the last one naming a writer's job."""
    tail = text.split()
    return 0 < len(tail) <= ROLE_MAX_WORDS and tail[-1].lower().strip(".,:;") in _ROLE_ENDS


#: A time told from now ("1 day ago", "vor 4 Stunden", "hace 2 horas", "il y a 3 jours").
_RELATIVE_TIME_RE = re.compile(
    r"(?:(?:\d+|an?|one)\s+(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago"
    r"|vor\s+(?:\d+|einer?)\s+(?:Minuten?|Stunden?|Tag(?:en)?|Wochen?|Monat(?:en)?|Jahr(?:en)?)"
    r"|hace\s+(?:\d+|una?)\s+(?:minutos?|horas?|días?|semanas?|mes(?:es)?|años?)"
    r"|il y a\s+(?:\d+|une?)\s+(?:minutes?|heures?|jours?|semaines?|mois|ans?)"
    r"|\d+\s+(?:minuti|ore|giorni|settimane|mesi|anni)\s+fa)\b",
    re.I,
)

#: Marks of notes glued onto a name that ends its line: "Marwan H. Adwan1", "Anna Berg1,2*".
_FOOTNOTE_RE = re.compile(r"[\d,*†‡]{1,5}\s*$")


def _credited_name(text: str, lang: Language) -> str | None:
    """The name a line opens with, alone or before a comma and what it names (a job, an
    organisation: "Anna Berg, Staff Attorney, Civil Rights Program")."""
    text = text.strip()
    name = leading_name(text.split(), lang, after_prefix=False)
    if name is None or not (text == name or text.startswith(name + ",")):
        return None
    return name


def _joined_credits(text: str, following: str, lang: Language) -> list[str]:
    """The names of two credits on two lines, the second joined to the first by "&" or
    "and" ("Anna Berg, Staff Attorney, Civil Rights Program" / "& Max Muster, Director
    of Education"): a name and maybe its job and organisation on each; [] otherwise."""
    joiner, _, rest = following.strip().partition(" ")
    if joiner.lower() not in lang.name_joiners:
        return []  # (the cheap test first: most lines are followed by no joiner)
    first = _credited_name(text, lang)
    if first is None:
        return []
    second = _credited_name(rest, lang)
    return [first, second] if second is not None and second != first else []


#: The kind (score) of a name alone on a line...
NAME_ALONE = 1.5
#: ... and with a date line above or below it.
DATED_NAME = 2.0
#: The kind (score) of an editorial team's name alone on a line with a date line beside
#: it (not looked for far from the article, unlike a person's name there).
TEAM_BESIDE_DATE = 1.9


def _name_line(
    text: str,
    f: Facts,
    lang: Language,
    *,
    dated_beside: bool,
    menu: frozenset[str] = frozenset(),
) -> tuple[list[str], float]:
    """The names of a line without a byline word, and how much it looks like a byline:
    a name alone (1.5, or :data:`DATED_NAME` with a date line beside it), a name and a
    date ("Anna Berg, 3. Mai 2022": 2.0), a line of names only (1.5). ``menu``: the
    page's one-word lines, lower case (its menu entries, its categories)."""
    words = text.split()
    name = leading_name(words, lang, after_prefix=False)
    if name is None and dated_beside and _team_line(words):
        # "Redaktion" / "am 3. Februar 2022", "Redaktion Stadtanzeiger" / "06.11.2023"
        return [" ".join(w.strip(".,;:|") for w in words)], TEAM_BESIDE_DATE
    if name is None and words and words[0].lower() in _TEAM_WORDS and f.date is not None:
        rest = text[len(words[0]) :].strip(" ,|/•·-–—")
        if find_date(rest, lang) is not None and rest[:1].isdigit():
            return [words[0]], 2.0  # "Redaktion - 31. Januar 2022"
    if name is None and dated_beside and _organisation_line(words, lang):
        # "Stadtblatt Online |" / "3. Mai 2022": a news site's or a publisher's name
        return [" ".join(w.strip(".,;:|") for w in words if w.strip(".,;:|"))], TEAM_BESIDE_DATE
    if name is None and dated_beside and _credit_line(text, lang):
        # "dpa" / "3. Mai 2022", "stadtblatt.de" / "3. Mai 2022": an agency or a site
        return [text.strip()], TEAM_BESIDE_DATE
    if (
        name is None
        and f.date is not None
        and _initials_word(words[0], lang)
        and _only_dates(words[1:], lang)
    ):
        return [words[0]], 2.0  # "jmk 3. Mai 2022": an editor's initials, a date
    if name is None and f.date is not None and _user_name(words[0], lang):
        rest = text[len(words[0]) :].lstrip()
        after = rest.lstrip(" ,|/•·-–—")
        if rest[:1] in ",|/•·-–—" and _date_at(after.split(), 0, lang):
            return [words[0]], 2.0  # "reineckefuchs — 2. Februar 2022"
    if name is None and dated_beside and _handle_and_comments(words, lang):
        return [words[0]], 2.0  # "3. Mai 2021" / "Rabenfeder 1 Kommentar"
    if name is not None:
        # where the name ends ("FOCUS-Online-Experte Robin Tschöpe": after the role)
        at = text.find(name)
        end = at + len(name) if at >= 0 else len(name)
        rest = text[end:].strip(" ,|/•·-–—")
        if _FOOTNOTE_RE.match(text, end) or all(
            w.strip(".,;:").lower() in _AFTER_NAME for w in rest.split()
        ):
            rest = ""  # "Marwan H. Adwan1" (a note's mark), "Inga Hoeltmann Follow"
        if not rest:
            return [name], DATED_NAME if dated_beside else NAME_ALONE
        if f.date is not None or has_time(rest) or _RELATIVE_TIME_RE.match(rest):
            return [name], 2.0
        if text[end - 1 : end + 1].isalpha() and find_date(rest, lang) is not None:
            return [name], 2.0  # a date glued onto the name: "Shana Nys DambrotNovember 6, 2023"
        if is_job_title(rest):
            return [name], 2.0  # "Harald Bauer Autor", "Richard Adams Education editor"
        partner = _conversation_partner(rest, lang)
        if partner is not None:
            return [name, partner], 2.0  # "Anna Berg im Gespräch mit Max Muster"
        return _names_only(text, name, end, rest, f.words, lang), 1.5
    if f.date is not None:
        # "1. Februar 2022, Daniel Dillenburg": a name beside the date
        for j in range(1, len(words)):
            word = words[j].strip(".,;:|")
            if _user_name(word, lang) and _only_dates(words[:j], lang):
                following = [w for w in words[j + 1 : j + 5] if w.strip("|·•")]
                if following and (
                    _ends_a_handle(following, lang)
                    or (_tagged(following) and _dated_twice(words[:j], lang))
                ):
                    # "28. Januar 2015 karstenruppert Schreibe einen ...", "26 Mai, 2008
                    # | Anna_B | Kommentare 34", "3. Mai 2021 4. Mai 2021 anna_b Reisen, Kultur"
                    return [word], 2.0
            if not word[:1].isupper() or word.lower() in lang.months:
                continue
            head = tokens(" ".join(words[:j]))
            if _head_words(head[1:], lang, any_short=True):
                # more than a date (and a weekday first) before it: a sentence, a caption
                # ("Ab 1. März 2024 die neue Chefin: Anna Berg")
                break
            if not any(t[:1].isdigit() for t in head):
                continue  # the name follows the date
            following = words[j + 1 : j + 5]
            if _pen_word(word, lang) and following and _ends_a_handle(following, lang):
                return [word], 2.0  # "5 Min. 3. Mai 2021 Rabenfeder 1 Kommentar"
            name = leading_name(words[j:], lang, after_prefix=False)
            if name is None and _tagged(words[j:]) and _dated_twice(words[:j], lang):
                # a blog theme's meta line: the post's dates, its author (of any name),
                # its tags ("6. Mai 2021 7. Mai 2021 Rabe Federkiel Reisen, Kultur")
                name = leading_name(words[j:], lang, after_prefix=True)
            if name is not None:
                after = " ".join(words[j:])[len(name) :]
                return [_before_categories(name, after, menu)], 2.0
    return [], 0.0


def _handle_and_comments(words: Sequence[str], lang: Language) -> bool:
    """Whether a line is a user's name and the post's comment count, a blog's meta line
    that a rendering split after its date ("Rabenfeder 1 Kommentar", "anna_b 2 Comments")."""
    return (
        len(words) >= 2
        and words[1].isdigit()  # a count: "1 Kommentar"; not "Link zur Diskussion"
        and (_pen_word(words[0], lang) or _user_name(words[0], lang))
        and _ends_a_handle(words[1:], lang)
    )


#: The words of a talk's credit between two names: "Anna Berg im Gespräch mit Max
#: Muster" (an interview's guest and host, both its authors).
_CONVERSATION_RE = re.compile(
    r"(?:im\s+gespräch\s+mit|in\s+conversation\s+with|en\s+conversation\s+avec"
    r"|en\s+conversación\s+con|in\s+conversazione\s+con|in\s+gesprek\s+met"
    r"|em\s+conversa\s+com)\s+",
    re.I,
)


def _conversation_partner(rest: str, lang: Language) -> str | None:
    """The second name of a talk's credit, when the words after the first name say
    "im Gespräch mit" and a name ends the line ("... in conversation with Max Muster")."""
    m = _CONVERSATION_RE.match(rest)
    if m is None:
        return None
    after = rest[m.end() :].strip()
    name = leading_name(after.split(), lang, after_prefix=False)
    return name if name is not None and after.rstrip(".") == name else None


def _user_name(word: str, lang: Language) -> bool:
    """Whether a word written in lower case, or holding an underscore, is a user's name
    ("reineckefuchs", "freeman1984", "Anna_B"), not a word of the language."""
    low = word.lower()
    return (
        (word == low or "_" in word)
        and len(word) >= 4
        and _HANDLE_RE.match(word) is not None
        and any(c.isalpha() for c in word)
        and not has_time(word)
        and low not in lang.stopwords
        and low not in _common_words()
        and low not in lang.months
        and low not in lang.date_prefixes.firsts
        and low not in lang.credit_prefixes
        and low not in _NOT_HANDLES
        and not _ends_a_name(low, lang)
    )


#: A web site's name ("stadtblatt.de", "news-portal.co.uk"), no "www.".
_DOMAIN_RE = re.compile(r"(?!www\.)" + WEB_NAME_RE.pattern, re.I)
#: ... maybe with an editor's initials: "stadtblatt.de/ab".
_SITE_CREDIT_RE = re.compile(_DOMAIN_RE.pattern + r"(?:/[^\W\d_]{2,4})?", re.I)


def _credit_line(text: str, lang: Language) -> bool:
    """Whether a line is a news agency's name ("dpa", "Agencia EFE") or a web site's
    ("stadtblatt.de") and nothing else."""
    text = text.strip()
    return text.lower() in lang.agencies or _DOMAIN_RE.fullmatch(text) is not None


#: An editor's initials: two or three lower-case letters ("ab", "jmk").
_INITIALS_WORD_RE = re.compile(r"[^\W\d_A-Z]{2,3}")


def _initials_word(word: str, lang: Language) -> bool:
    """Whether a word is an editor's initials ("ab", "jmk"), not a short word of the
    language ("am", "on"), a weekday's ("mo") or a month's ("mai")."""
    return (
        _INITIALS_WORD_RE.fullmatch(word) is not None
        and word not in lang.stopwords
        and word not in _common_words()
        and word not in _WEEKDAYS
        and word not in lang.months
        and word not in lang.date_prefixes.firsts
        and word not in lang.name_joiners
    )


def _pen_word(word: str, lang: Language) -> bool:
    """Whether a capitalised word may be a user's pen name ("Rabenfeder"): a word of
    letters that, written in lower case, would be a user's name (no word of the
    language, no month)."""
    return (
        word.isalpha()
        and word[:1].isupper()
        and word[1:].islower()
        and _user_name(word.lower(), lang)
    )


def _tagged(words: Sequence[str]) -> bool:
    """Whether words hold a comma-separated list (a post's tags) within the few after
    a name."""
    return any(w.endswith(",") for w in words[: META_DATE_REACH + 2])


#: A year, maybe with a date glued onto its end ("6. Mai 20217. Mai 2021").
_YEARS_RE = re.compile(r"(?<!\d)(?:19|20)\d\d")


def _dated_twice(words: Sequence[str], lang: Language) -> bool:
    """Whether words give two dates and nothing else: a post's publication and update
    dates, as blog themes print them before its author ("3. Mai 2021 4. Mai 2021")."""
    return _only_dates(words, lang) and len(_YEARS_RE.findall(" ".join(words))) == 2


def _only_dates(words: Sequence[str], lang: Language) -> bool:
    """Whether words give dates and times only ("28. Januar 2015", "Nov 3, 2017 9:12")."""
    return bool(words) and not _head_words(tokens(" ".join(words)), lang, any_short=True)


def _without_section(text: str, sections: frozenset[str]) -> str:
    """A line of names without the category a rendering ran into its end, one the page
    has on a line of its own ("Clara Löw , Siddharth Prakash & Klaus Jacob Energie &
    Umwelt")."""
    words = text.split()
    for k in (3, 2):
        if len(words) > k + 1 and " ".join(words[-k:]) in sections:
            return " ".join(words[:-k]).rstrip(" ,;|/•·-–—")
    return text


def _before_categories(name: str, after: str, menu: frozenset[str] = frozenset()) -> str:
    """A blog's meta line runs the author into the post's categories ("16. Mai 2019
    Markus Elsberger Netzwerk, Windows"): when a list of capitalised words follows
    the name, its last word was the first category; so it was when the page lists
    that word on a line of its own (a menu entry: "30. Oktober 2023 Carola Pönisch
    Kultur")."""
    words = name.split()
    if len(words) >= 3 and words[-1].lower() in menu:
        return " ".join(words[:-1])
    items = [p.strip() for p in after.split(",")]
    if len(words) < 2 or len(items) < 2 or items[0]:
        return name
    first = items[1].split()
    if first and first[0][:1].isupper() and first[0].isalpha():
        return " ".join(words[:-1])
    return name


def find_article_date(
    blocks: Sequence[Block],
    facts: Sequence[Facts],
    lang: Language,
    *,
    title: int,
    first_body: int,
    last_body: int,
    byline: int = -1,
) -> tuple[int, str] | None:
    """The article's date (line index, ISO date): the best dated line around its header,
    right after its text or beside its byline; failing those, a line elsewhere that
    says it is a date ("Veröffentlicht am 28.01.2022", "Von Anna am 07.08.2013 ...")."""
    n = len(blocks)
    anchor, start, stop = _header_window(n, title, first_body)
    header = range(start, stop)
    tail = (
        range(max(stop, last_body + 1), min(n, last_body + 1 + TAIL_LINES // 2))
        if last_body >= 0
        else range(0)
    )
    near = set(header) | set(tail)
    beside = [
        k for k in range(byline - 2, byline + 3) if byline >= 0 and 0 <= k < n and k not in near
    ]
    near.update(beside)
    best: tuple[float, int, str] | None = None
    for zone, lines in ((1.0, header), (-0.5, tail), (0.0, beside), (FAR_DATE_ZONE, None)):
        if lines is None:  # failing the lines near the article: the rest of the page
            if best is not None:
                break
            lines = [k for k in range(n) if k not in near and facts[k].date is not None]
        for i in lines:
            f = facts[i]
            if f.date is None or (f.prose and f.words > 20 and i != byline):
                continue  # (a long byline line's date is the article's)
            toks = tokens(blocks[i].text)
            score = zone - 0.02 * abs(i - anchor)
            if f.words <= 8:
                score += 1.0
            head = " ".join(toks[:4])
            said = any(" ".join(p) in head for p in lang.date_prefixes)
            if said:
                score += 1.0
            elif zone == FAR_DATE_ZONE and not f.byline:
                continue  # far from the article, a date must say what it is
            if any(w in head for w in lang.update_words):
                score -= 0.7
            if byline >= 0 and abs(i - byline) <= 2:
                score += 0.5
            if best is None or score > best[0]:
                best = (score, i, f.date)
    return (best[1], best[2]) if best is not None else None
