"""Recognisers for the small structured things a page holds: dates, credits, bylines.

Every pattern here is linear in its input (no nested quantifiers over the same
characters); ``tests/test_hostile.py`` feeds them pathological lines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date as _date
from functools import lru_cache

from .languages import Language, Prefixes, any_month, tokens

_ISO_RE = re.compile(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)(?:[T ]\d\d:\d\d(?::\d\d)?)?")
#: A year ends a date when no digit follows, or one or two digits glued to it (a
#: rendering that drops the space between inline elements: "25. Januar 202225. Januar
#: 2022", "3 de mayo de 202221:25"); for the same reason a day may follow a letter
#: ("Demel13.12.2022", "hejfish7. Januar 2022").
_YEAR_END = r"(?:(?!\d)|(?=\d{1,2}(?!\d)))"
_DMY_DOT_RE = re.compile(
    r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d\d" + _YEAR_END + r"|\d\d\b)"
)
_SLASH_RE = re.compile(r"\b(\d{1,4})/(\d{1,2})/(\d{4}" + _YEAR_END + r"|\d{2,3}\b)")
_WORD_MONTH_RE = re.compile(
    r"(?:(?<!\d)(\d{1,2})(?:\.\s*|(?:er|st|nd|rd|th|º)?\s+)(?:de\s+)?([^\W\d_]{3,12})\.?,?(?:\s+de)?\s+((?:19|20)\d\d)"
    r"|\b([^\W\d_]{3,12})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d))" + _YEAR_END
)
#: What every date form below holds: a year of four digits, "5.3" or "5/3".
_DATE_HINT_RE = re.compile(r"(?:19|20)\d\d|\d\.\s?\d|\d/\d")
_TIME_RE = re.compile(
    r"(?<![\d.])\b\d{1,2}[:.h]\d\d(?!\.\d)(?:\s?(?:uhr|h|am|pm|a\.m\.|p\.m\.))?\b|\b\d{1,2}\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)",
    re.I,
)

_CREDIT_SYMBOL_RE = re.compile(r"^\(?(?:©|\(c\)|copyright\b|℗)", re.I)
_CREDIT_SUFFIX_RE = re.compile(r"(?:^|\s)\(?(©|\(c\)|copyright\b)", re.I)
#: "Name/Agency", "Name / dpa", "picture alliance/dpa/AP": slash-joined sources.
_SLASH_SOURCE_RE = re.compile(
    r"^[^/\s]{1,40}(?:\s[^/\s]{1,40}){0,3}(?:\s/\s|/)\S{1,40}(?:\s\S{1,40}){0,3}$"
)


def _valid(year: int, month: int, day: int) -> str | None:
    if year < 100:
        year += 2000 if year < 70 else 1900
    try:
        return _date(year, month, day).isoformat()
    except ValueError:
        return None


def find_date(text: str, lang: Language) -> str | None:
    """The first calendar date a line gives, as ISO 8601 (YYYY-MM-DD), or ``None``."""
    if _DATE_HINT_RE.search(text) is None:
        return None
    match = _ISO_RE.search(text)
    if match is not None:
        found = _valid(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if found:
            return found
    for match in _WORD_MONTH_RE.finditer(text):
        if match.group(2) is not None:
            day, month_word, year = match.group(1), match.group(2), match.group(3)
        else:
            month_word, day, year = match.group(4), match.group(5), match.group(6)
        month = lang.months.get(month_word.lower()) or any_month(month_word)
        if month is not None:
            found = _valid(int(year), month, int(day))
            if found:
                return found
    match = _DMY_DOT_RE.search(text)
    if match is not None:
        a, b, year = (int(g) for g in match.groups())
        # day first, except in a language that writes the month first ("11.03.17" on an
        # American page is 3 November), unless that order is impossible
        day, month = (b, a) if lang.date_order == "mdy" and a <= 12 else (a, b)
        found = _valid(year, month, day) or _valid(year, day, month)
        if found:
            return found
    match = _SLASH_RE.search(text)
    if match is not None:
        a, b, c = (int(g) for g in match.groups())
        if len(match.group(1)) == 4:
            return _valid(a, b, c)
        if len(match.group(3)) in (2, 4):
            day, month = (b, a) if lang.date_order == "mdy" else (a, b)
            if month > 12 >= day:  # the order the language prefers is impossible
                day, month = month, day
            return _valid(c, month, day)
    return None


def page_date_order(texts: Iterable[str], default: str) -> str:
    """The order a page writes its numeric slash dates in, "dmy" or "mdy": the one its own
    dates prove ("14/04/2020" can only be day first, "04/14/2020" only month first), when
    they prove one and not the other; else ``default`` (the language's). A British page
    read as English would take "12/04/2020" for 4 December."""
    day_first = month_first = False
    for text in texts:
        if "/" not in text:
            continue
        for match in _SLASH_RE.finditer(text):
            if len(match.group(1)) > 2 or len(match.group(3)) not in (2, 4):
                continue
            a, b = int(match.group(1)), int(match.group(2))
            if not (1 <= a <= 31 and 1 <= b <= 31):
                continue
            day_first |= a > 12 >= b
            month_first |= b > 12 >= a
    if day_first != month_first:
        return "dmy" if day_first else "mdy"
    return default


def has_time(text: str) -> bool:
    return _TIME_RE.search(text) is not None


_DIGITS_RE = re.compile(r"\d")


def starts_with_phrase(toks: list[str], prefixes: Prefixes) -> int:
    """Length of the longest prefix phrase the tokens start with (0: none)."""
    if not toks or toks[0] not in prefixes.firsts:
        return 0
    for prefix in prefixes:  # sorted longest first
        if tuple(toks[: len(prefix)]) == prefix:
            return len(prefix)
    return 0


def is_credit(
    text: str, lang: Language, toks: list[str] | None = None, *, strict: bool = False
) -> bool:
    """Whether a whole line is a picture credit or a source line ("Foto: dpa", "© AP").

    ``toks``: the line's :func:`~newsclean.languages.tokens`, when already known.
    Without ``strict``, any short "A / B" line counts (the line model's feature:
    such lines are rarely article text); with it, "A / B" must name a source
    ("Anna Berg/dpa"), not a category path ("Politik / Ausland").
    """
    if len(text) > 160:
        return False
    if _CREDIT_SYMBOL_RE.match(text):
        return not strict or not (bare_credit(text, lang) or site_copyright(text, lang))
    sign = text.find("©", 0, 30)
    if sign > 0 and text[:sign].strip(MARKER_STRIP).lower() in lang.credit_prefixes:
        # "Bild © hr", "Foto © Anna Berg": a picture word, then the sign
        return not strict or bool(text[sign + 1 :].strip(MARKER_STRIP))
    if toks is None:
        toks = tokens(text)
    if picture_by(text, toks, lang):
        return True
    if (
        len(toks) > 3
        and ":" not in text
        and "/" not in text
        and "•" not in text
        and toks[0] not in lang.source_prefixes.firsts
        and not (len(toks) <= 6 and _agencies_only(toks, lang))
    ):
        return False  # every longer credit has a colon, a slash, a bullet, a source prefix,
        # or is agencies alone
    if not toks:
        return False
    head = text.split(":", 1)[0].strip().lower() if ":" in text[:40] else ""
    if head and (head.strip("([ ") in lang.credit_prefixes):
        return not strict or credit_rest(text.split(":", 1)[1], head.strip("([ "), lang)
    source = starts_with_phrase(toks, lang.source_prefixes) if len(toks) <= 12 else 0
    if source:
        rest = toks[source:]
        if not rest:
            return not strict  # "Quellen" alone: a marker, its credit missing
        if any(t in lang.agencies for t in rest) or "•" in text:
            return True
        if ":" in text:
            # strict: the colon closes the prefix ("Quelle: ...", not "Source files: ...")
            return not strict or (
                tokens(head) == toks[:source] and credit_rest(text.split(":", 1)[1], "", lang)
            )
    if len(toks) <= 8 and "/" in text and _SLASH_SOURCE_RE.match(text.strip("() ")):
        if "://" in text or _DIGITS_RE.search(text) is not None:
            return False
        return not strict or _slash_names(text, lang)
    return len(toks) <= 6 and _agencies_only(toks, lang)


#: What a credit marker standing alone may be wrapped in: "(Bild: )", "| Foto:", "©".
MARKER_STRIP = " ()[]|•·-–—:"
_COPYRIGHT_MARKERS = frozenset({"©", "(c)", "c", "copyright", "copyright ©", "© copyright"})
#: "© 2020 Site Inc.", "Copyright © 1996 - 2022 ...": a year right after the sign.
_SITE_COPYRIGHT_RE = re.compile(
    r"^\W{0,3}(?:©|\(c\)|copyright)\W{0,3}(?:©\s?)?(?:19|20)\d\d\b", re.I
)
#: After a head that also titles a media item ("Video:", "Karte:"), a credit has at
#: most this many words, or this many when it starts with a given name.
MEDIA_CREDIT_WORDS = 3
#: After another credit head, this many words name someone in any case ("Foto: privat").
SHORT_CREDIT_WORDS = 2
MEDIA_CREDIT_NAME_WORDS = 5


def bare_credit(text: str, lang: Language) -> bool:
    """Whether a line is a credit marker with nothing after it: "Foto:", "(Bild: )",
    "©", "Quellen". The credit is missing, or on the next line."""
    if len(text) > 40:
        return False
    core = text.strip(MARKER_STRIP).lower()
    if core in _COPYRIGHT_MARKERS:
        return core != "c" or "(c)" in text.lower()
    if core in lang.credit_prefixes:
        return ":" in text  # (a bare "Video" or "Grafik" is a menu item)
    toks = tokens(core)
    return bool(toks) and starts_with_phrase(toks, lang.source_prefixes) == len(toks)


def site_copyright(text: str, lang: Language) -> bool:
    """Whether a copyright line is the site's notice ("© 2020 Site Inc.", "Copyright ©
    1996-2022 ..."): a year right after the sign, and neither an agency ("© 2012
    APA/AP" credits a picture) nor a person ("© 2003 Anna Berg") named after it."""
    match = _SITE_COPYRIGHT_RE.match(text)
    if match is None:
        return False
    # the holder after the years: a person ("© 2003 Anna Berg") is owed the work
    holder = [t for t in tokens(text[match.end() :]) if not t.isdigit()]
    if holder and holder[0] in lang.given_names:
        return False
    return not _names_agency(tokens(text), lang)


def _names_agency(toks: list[str], lang: Language) -> bool:
    """Whether the tokens name an agency (one word, or two: "getty images"; or a part of
    a hyphenated word: "dpa-afx")."""
    return any(
        t in lang.agencies
        or (k > 0 and f"{toks[k - 1]} {t}" in lang.agencies)
        or ("-" in t and any(part in lang.agencies for part in t.split("-")))
        for k, t in enumerate(toks)
    )


def credit_rest(rest: str, head: str, lang: Language) -> bool:
    """Whether what follows a credit's head ("Foto: ...") names whom a picture or a text
    is owed to, not a title or a sentence: "Foto: Anna Berg", "Video: Reuters", not
    "Video: So kommen Fische an den Haken", "Bilder: Ferien in Schweden".

    Nothing after the head is no credit. A "©", a slash, an agency, a web site or a
    licence makes one, and so do SHORT_CREDIT_WORDS words or fewer; else the words must
    read as names (:func:`credit_like`), and
    after a head that also titles a media item (``lang.media_credit_prefixes``:
    "Video", "Karte", "Bilder") they must be few: MEDIA_CREDIT_WORDS, none in lower
    case, or MEDIA_CREDIT_NAME_WORDS starting with a given name.
    """
    rest = rest.strip(MARKER_STRIP)
    if not rest:
        return False
    low = rest.lower()
    toks = tokens(low)
    if (
        "©" in rest
        or "/" in rest
        or _names_agency(toks, lang)
        or WEB_NAME_RE.search(low) is not None
        or "cc by" in low
    ):
        return True
    words = rest.split()
    if head not in lang.media_credit_prefixes and len(words) <= SHORT_CREDIT_WORDS:
        return not rest.endswith(("?", "!"))  # "Quelle: kathpress", "Foto: privat"
    if not credit_like(rest, lang.agencies):
        return False
    if head not in lang.media_credit_prefixes:
        return True
    if len(words) <= MEDIA_CREDIT_WORDS and not any(
        w[:1].islower() and not _credit_word(w, lang.agencies) for w in words
    ):
        return True
    return len(words) <= MEDIA_CREDIT_NAME_WORDS and bool(toks) and toks[0] in lang.given_names


#: A picture credit names its author after at most this many words ("Top photo by").
PICTURE_BY_MAX_HEAD = 2
#: ... and is at most this many words long ("Foto von Anna Berg von Pexels").
PICTURE_BY_MAX_WORDS = 10


def picture_by(text: str, toks: list[str], lang: Language) -> bool:
    """ "Photo by Anna Berg", "Top photo by ...", "Foto von Anna Berg auf Unsplash":
    a credit word, a byline word, then a capitalised name."""
    if not 3 <= len(toks) <= PICTURE_BY_MAX_WORDS:
        return False
    # (every line's credit check comes here: the cheap token tests go first)
    if lang.by_words.isdisjoint(toks[1 : PICTURE_BY_MAX_HEAD + 1]):
        return False
    k = next((k for k in range(1, PICTURE_BY_MAX_HEAD + 1) if toks[k] in lang.by_words), 0)
    if not k or k > len(toks) - 2 or not any(t in lang.credit_prefixes for t in toks[:k]):
        return False
    words = text.split()
    # the words as written, where they are the tokens ("Photo by Anna")
    if k + 1 >= len(words) or words[k].lower() != toks[k]:
        return False
    # a name, or a nickname on a picture site ("Photo by ev on Unsplash")
    return words[k + 1][:1].isupper() or any(t in lang.agencies for t in toks[k + 2 :])


#: Words that join agencies in a credit: "AFP via Getty Images", "Reuters/AP".
_AGENCY_JOINERS = frozenset({"via", "and", "und", "et", "y", "e", "en", "i", "och", "&"})


def _agencies_only(toks: list[str], lang: Language) -> bool:
    """Whether the tokens are agency names (one or two words each), joined by "via", "and"...."""
    k, agencies = 0, 0
    while k < len(toks):
        if k + 1 < len(toks) and f"{toks[k]} {toks[k + 1]}" in lang.agencies:
            k, agencies = k + 2, agencies + 1
        elif toks[k] in lang.agencies:
            k, agencies = k + 1, agencies + 1
        elif toks[k] in _AGENCY_JOINERS and 0 < k < len(toks) - 1:
            k += 1
        else:
            return False
    return agencies > 0


_CODE_CHARS = frozenset(';<>=_{}()"`')


def _slash_names(text: str, lang: Language) -> bool:
    """Whether "A / B" names a source ("Anna Berg/dpa", "REUTERS/Denis Balibouse",
    "picture alliance/AP"), not a category path ("Politik / Ausland", "IT/Tech"):
    a side is a known agency, spelled in capitals, or starts with a given name."""
    inner = text.strip("() ")
    if any(ch in _CODE_CHARS for ch in inner):
        return False  # code: 'console.log(x); // "GET"', "URI_ENCODE( <root> '/' )"
    if "©" in inner:
        return True  # "| © Hafen AG / Anna Berg"
    sides = [side.strip(" ,.:;|") for side in inner.split("/")]
    sides = [side for side in sides if side]
    if any(_named_side(side, lang) for side in sides):
        return True
    if any(WEB_NAME_RE.fullmatch(side.lower()) for side in sides[1:]):
        return True  # "Anna Berg/pixabay.com" (not "example.com/page": an address)
    picture = [side.lower() in lang.credit_prefixes for side in sides]
    if any(picture):
        # a picture word and a name ("Symbolbild / Hafen AG"), not "Fotos / Videos"
        return not all(picture) and all(
            word or (len(side.split()) >= 2 and credit_like(side, lang.agencies))
            for side, word in zip(sides, picture, strict=True)
        )
    capitals = [_capitals(side) for side in sides]
    if any(c >= 2 for c in capitals):
        # a name in capitals ("JOEL SAGET / Anna Berg"), every side reading as a name:
        # not "DW À LA CARTE / Nos podcasts"
        return all(credit_like(side, lang.agencies) for side in sides)
    # one word in capitals ("WITTERS/Anna Berg", "Anna Berg/AOL") beside a name of two
    # words or more; not beside words alone ("SEO / SEM", "Rezepte / DESSERTS",
    # "Dienste/NSA/Daten")
    return any(c == 1 for c in capitals) and any(
        not c and 2 <= len(side.split()) <= 4 and all(w[:1].isupper() for w in side.split())
        for side, c in zip(sides, capitals, strict=True)
    )


def _named_side(side: str, lang: Language) -> bool:
    """Whether a side of "A / B" names a source: an agency, or a given name and a
    surname."""
    low = side.lower()
    toks = tokens(low)
    if low in lang.agencies or _names_agency(toks, lang):
        return True
    words = side.split()
    return len(words) >= 2 and words[0][:1].isupper() and words[0].lower() in lang.given_names


def _capitals(side: str) -> int:
    """How many words of a side (of two letters or more) are written in capitals."""
    return sum(1 for w in side.split() if len(w) >= 2 and w.isupper())


#: Words marking a picture as an archive's or a file photo ("Reuters files", "dpa/Archiv").
_FILE_WORDS = "files?|file photo|archiv|archive|archivbild|archives"


@lru_cache(maxsize=64)
def _credit_marker_re(prefixes: frozenset[str], agencies: frozenset[str]) -> re.Pattern[str]:
    """A credit inside or at the end of a caption, for one language's credit words."""
    words = "|".join(sorted(map(re.escape, prefixes), key=len, reverse=True)) or "(?!)"
    names = "|".join(sorted(map(re.escape, agencies), key=len, reverse=True)) or "(?!)"
    return re.compile(
        # "Foto: dpa", "(Photo: Reuters)", "Photo : AFP", "Fot. PAP/Name"
        rf"(?:^|(?<=[\s(\[]))(?:{words})(?:\s?:|\.\s)"
        # "(REUTERS/Denis Balibouse)", "(AP Photo/Evan Vucci)" at the end
        rf"|\([^()/]{{1,60}}/[^()]{{1,60}}\)\s*$"
        # "(foto Ansa)", "(Photo Reuters)" at the end
        rf"|\((?:{words})\s[^()]{{1,60}}\)\s*$"
        # "... in Paris. JOEL SAGET / AFP" at the end
        rf"|(?<=[.!?…»\"”)]\s)(?-i:[A-ZÀ-Þ][\w.'-]{{0,30}}(?:\s[A-ZÀ-Þ][\w.'-]{{0,30}}){{0,3}})\s?/\s?(?:{names})(?:\s(?:{_FILE_WORDS}))?\s*$"
        # "... on Monday. AP Photo/John Doe, File", "... Rathaus. dpa/Anna Berg" at the end
        rf"|(?<=[.!?…»\"”)]\s)(?:{names})\s?/\s?[^\s/][^/]{{0,60}}$"
        # "... el 11 de febrero pasado. EFE": an agency alone after the last sentence
        rf"|(?<=[.!?…»\"”]\s)(?:{names})\s*$",
        re.I,
    )


#: Words after which an agency's name is a sentence's object, not a credit.
_BEFORE_AN_OBJECT = frozenset(
    {
        "to",
        "from",
        "by",
        "at",
        "with",
        "of",
        "for",
        "via",
        "the",
        "a",
        "an",
        "and",
        "bei",
        "zu",
        "mit",
        "für",
        "von",
        "der",
        "die",
        "à",
        "par",
        "de",
        "avec",
        "por",
        "con",
        "di",
        "da",
        "door",
        "van",
        "met",
        "av",
        "med",
    }
)


def _may_hold_copyright(text: str) -> bool:
    """Whether ``text`` may hold what :data:`_CREDIT_SUFFIX_RE` finds, the cheap test
    first: a "©", the "(" of "(c)", or the letters "pyr" of "copyright" (which ignoring
    case match only "p", "y", "r" and their capitals)."""
    return "©" in text or "(" in text or "pyr" in text.lower()


def credit_suffix(text: str, lang: Language) -> int:
    """Where a credit appended to a caption starts (index into ``text``), or -1.

    Finds "… Copyright AP", "… © Reuters", "… Foto: dpa", "… (Photo: Getty)",
    "… (REUTERS/Name)", "… NAME / AFP". The credit must start after the first
    ten characters and be at most 120 characters long.
    """
    match = _CREDIT_SUFFIX_RE.search(text) if _may_hold_copyright(text) else None
    if match is not None and match.start() > 10 and len(text) - match.start() <= 120:
        pos = match.start() + (1 if text[match.start()] == " " else 0)
        return pos if credit_like(text[pos:], lang.agencies) else -1
    tail = text.rsplit(None, 2)
    if (
        len(tail) == 3
        and len(text) > 20
        and f"{tail[1]} {tail[2]}".lower() in lang.agencies
        and tail[0].rsplit(None, 1)[-1].lower() not in _BEFORE_AN_OBJECT
    ):
        # "Dee Dee Myers Getty Images": a two-word agency at the end (not "sold to ...")
        return len(text) - len(tail[1]) - len(tail[2]) - 1
    if not (":" in text or "/" in text or "(" in text or ". " in text):
        return -1  # every other credit form holds one of these
    best = -1
    end = -1
    for m in _credit_marker_re(lang.credit_prefixes, lang.agencies).finditer(text):
        pos = m.start()
        if pos > 10 and len(text) - pos <= 120 and pos != end:
            best = pos  # (a match right after the last goes on its credit: "Fot. PAP/...")
        end = m.end()
    return best if best > 0 and credit_like(text[best:], lang.agencies) else -1


#: A number on both sides of a slash: a date ("01/22"), not a credit's "Name/Agency".
_NUMBER_SLASH_RE = re.compile(r"\d\s?/\s?\d")


def bracketed_non_credit(credit: str, lang: Language) -> bool:
    """Whether a caption's end in brackets is no credit: a date ("(Abruf: 01/22)"), a
    price or a pair of names ("(9,99 € / l)", "(Mini/Pro)"), not "(Anna Berg/AP)"."""
    if not credit.startswith("("):
        return False
    if _NUMBER_SLASH_RE.search(credit) is not None:
        return True
    return ":" not in credit and "/" in credit and not _slash_names(credit, lang)


#: Lower-case words a credit may hold: "Foto: Anna von Berg", "Photo courtesy of ...".
_CREDIT_LOWER_OK = frozenset(
    [
        "von",
        "van",
        "der",
        "den",
        "de",
        "del",
        "della",
        "di",
        "da",
        "du",
        "la",
        "le",
        "y",
        "e",
        "et",
        "and",
        "und",
        "of",
        "by",
        "via",
        "for",
        "per",
        "the",
        "a",
        "an",
        "courtesy",
        "foto",
        "photo",
        "photos",
        "fotos",
        "bild",
        "bilder",
        "image",
        "images",
        "picture",
        "pictures",
        "archiv",
        "archive",
        "privat",
        "private",
        "handout",
        # licence codes: "cc by sa 2.0"
        "cc",
        "sa",
        "nc",
        "nd",
    ]
)


def _credit_word(word: str, agencies: frozenset[str]) -> bool:
    """Whether a lower-case word may stand in a credit: a particle ("von"), a web site
    ("pixabay.com"), or agencies and archive words joined by slashes ("dpa/Archiv")."""
    if word.lower() in _CREDIT_LOWER_OK or WEB_NAME_RE.fullmatch(word):
        return True
    parts = [p for p in word.lower().split("/") if p]
    return bool(parts) and all(p in agencies or p in _FILE_WORD_SET for p in parts)


_FILE_WORD_SET = frozenset(_FILE_WORDS.replace("?", "").split("|")) | {"file"}

#: A web site's name ("pixabay.com", "a100stoppen.de"), in lower case; it starts only at
#: a name's start, so a long run of letters is scanned once.
WEB_NAME_RE = re.compile(r"(?<![a-z\d.-])[a-z\d][a-z\d-]*(?:\.[a-z\d-]+)*\.[a-z]{2,6}")


def credit_like(credit: str, agencies: frozenset[str] = frozenset()) -> bool:
    """Whether the end of a caption reads as a credit (names, agencies), not a sentence.

    Words that start in lower case (other than particles and picture words) may
    make up at most a third of the words; a question or an exclamation is never
    a credit; nor is anything longer than twelve words.
    """
    stripped = credit.strip().rstrip(")]")
    if not stripped or stripped.endswith(("?", "!", "..", ":")):
        return False
    words = [w.strip("()[],;:.©") for w in stripped.split()]
    words = [w for w in words if any(ch.isalpha() for ch in w)]
    if len(words) > 12:
        return False
    lower = sum(1 for w in words if w[0].islower() and not _credit_word(w, agencies))
    return lower * 3 <= len(words)


# --- formula markup -----------------------------------------------------------------

#: The TeX source a MathML formula carries for screen readers, which text renderings
#: print after the formula itself: "x 2 {\displaystyle x^{2}}".
_TEX_ANNOTATION_RE = re.compile(r"\{\\(?:displaystyle|textstyle|scriptstyle)\b")
_TEX_WORD_RE = re.compile(r"\w+")


def without_formulas(text: str) -> str:
    """The text with its TeX-annotated formulas taken out: each ``{\\displaystyle ...}``
    source, and before it the formula as rendered (the pieces whose words all occur in
    the source, or are single letters outside ASCII: "σ", "∑"; no more characters of
    them than the source has), which is no prose either. Text without such markup
    comes back unchanged."""
    if "{\\" not in text or _TEX_ANNOTATION_RE.search(text) is None:
        return text
    out: list[str] = []
    pos = 0
    for match in _TEX_ANNOTATION_RE.finditer(text):
        if match.start() < pos:
            continue  # (inside the source just taken out)
        depth, end = 0, len(text)
        for k in range(match.start(), len(text)):
            ch = text[k]
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
                if depth == 0:
                    end = k + 1
                    break
        source = _TEX_WORD_RE.findall(text[match.start() : end])
        # (the rendering spaces out indices: "a_{ij}" prints as "a i j")
        words = set(source).union(*(w for w in source if len(w) <= 3))
        before = text[pos : match.start()].split(" ")
        budget = sum(map(len, source))  # (the rendering is no longer than its source)
        while before and budget > 0:
            found = _TEX_WORD_RE.findall(before[-1])
            if found and not all(w in words or (len(w) == 1 and not w.isascii()) for w in found):
                break
            budget -= sum(map(len, found))
            before.pop()
        out.append(" ".join(before))
        pos = end
    out.append(text[pos:])
    joined = " ".join(part.strip() for part in out if part.strip())
    return re.sub(r" +([,.;:])", r"\1", joined).strip()
