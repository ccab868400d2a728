"""Language knowledge: loaded from data files, detected from the text.

One JSON file a language in ``newsclean/lang/`` holds its phrases (share,
newsletter, cookie... lines), byline prefixes, credit markers, related-section
headers and month names; ``common.json`` holds what all languages share (social
networks, agencies). Stop-word lists come from jusText's files, read straight
from its install without importing it (importing jusText pulls in lxml).
Adding a language means adding a file.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib.util import find_spec
from pathlib import Path

_DATA_DIR = Path(__file__).parent / "lang"

#: ISO 639-1 code -> jusText stop-list name, for the languages we can detect.
STOPLISTS: dict[str, str] = {
    "de": "German",
    "en": "English",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "nl": "Dutch",
    "pt": "Portuguese",
    "pl": "Polish",
    "sv": "Swedish",
    "da": "Danish",
    "no": "Norwegian_Bokmal",
    "fi": "Finnish",
    "cs": "Czech",
    "sk": "Slovak",
    "sl": "Slovenian",
    "hr": "Croatian",
    "sr": "Serbian",
    "bs": "Bosnian",
    "hu": "Hungarian",
    "ro": "Romanian",
    "bg": "Bulgarian",
    "ru": "Russian",
    "uk": "Ukrainian",
    "be": "Belarusian",
    "mk": "Macedonian",
    "el": "Greek",
    "tr": "Turkish",
    "et": "Estonian",
    "lv": "Latvian",
    "lt": "Lithuanian",
    "ca": "Catalan",
    "gl": "Galician",
    "eu": "Basque",
    "is": "Icelandic",
    "ga": "Irish",
    "cy": "Welsh",
    "id": "Indonesian",
    "ms": "Malay",
    "vi": "Vietnamese",
    "tl": "Tagalog",
    "sw": "Swahili",
    "af": "Afrikaans",
    "lb": "Luxembourgish",
    "eo": "Esperanto",
    "ar": "Arabic",
    "fa": "Persian",
    "he": "Hebrew",
    "hi": "Hindi",
    "ur": "Urdu",
    "ko": "Korean",
}
#: How many of a stop-list's first (most frequent) words are used for detection.
DETECT_WORDS = 120
#: Detection reads at most this many tokens of the text.
DETECT_MAX_TOKENS = 1500
#: ... and at most this many characters (script detection included).
DETECT_MAX_CHARS = 12000
#: Below this share of stop-word tokens, no language is claimed.
DETECT_MIN_SHARE = 0.08

_TOKEN_RE = re.compile(r"\w+(?:['’\-]\w+)*")


def tokens(text: str) -> list[str]:
    """Lower-cased word tokens of a text."""
    return _TOKEN_RE.findall(text.lower())


def folded(text: str) -> str:
    """A text's tokens joined by single spaces: lines compared, or looked up in a list
    of headers, whatever their case, punctuation and spacing."""
    return " ".join(tokens(text))


def first_token(text: str) -> str | None:
    """The first of :func:`tokens` (``None`` for a text without one), without the rest."""
    match = _TOKEN_RE.search(text.lower())
    return match.group() if match else None


class Prefixes(tuple[tuple[str, ...], ...]):
    """Prefix phrases (token tuples), longest first, with the set of their first tokens.

    The set is made once: a plain tuple would be hashed whole on every lookup.
    """

    firsts: frozenset[str]

    def __new__(cls, phrases: Iterable[tuple[str, ...]]) -> Prefixes:
        self = super().__new__(cls, sorted((p for p in set(phrases) if p), key=lambda p: -len(p)))
        self.firsts = frozenset(p[0] for p in self)
        return self


#: Words that join two names in a byline whatever the page's language (bylines in
#: English and German turn up on pages in other languages).
ANY_NAME_JOINERS = frozenset({"and", "und", "&"})


#: A phrase written with this mark first ("=more") counts only as a whole line.
WHOLE_LINE_MARK = "="


#: Marks a phrase that also opens ordinary sentences ("~antworten zu": "Antworten zu
#: diesen Fragen gibt ..."): it counts inside a line, never as the line's opening appeal.
INSIDE_ONLY_MARK = "~"

#: Splits a phrase that opens a line in two parts with other words between them
#: ("dieser beitrag wurde am … veröffentlicht": German puts the verb last). Such a
#: phrase counts only as a line's opening (:meth:`PhraseMatcher.lead_phrase`), and
#: only when a number (a date, a time) stands in the gap.
GAP_MARK = "…"

#: The most words a gapped phrase's gap may hold.
GAP_MAX_WORDS = 24


def _gap_closed(toks: Sequence[str], start: int, tail: tuple[str, ...]) -> bool:
    """Whether ``tail`` follows ``toks[start:]`` within :data:`GAP_MAX_WORDS` words, with a
    number among the words between."""
    size = len(tail)
    for k in range(start + 1, min(len(toks) - size, start + GAP_MAX_WORDS) + 1):
        if tuple(toks[k : k + size]) == tail:
            return any(t.isdigit() for t in toks[start:k])
    return False


class PhraseMatcher:
    """Finds known phrases (token sequences) in a token list, in linear time.

    Phrases marked ``=`` in the data ("=mehr", "=home") are words that are
    boilerplate on a line of their own but ordinary words inside a sentence:
    they count only when they are the whole line. Phrases marked ``~``
    (:data:`INSIDE_ONLY_MARK`) count like the others but never as the phrase a
    line opens with (:meth:`lead_phrase`). Phrases split by :data:`GAP_MARK` are
    only line openings.
    """

    __slots__ = ("_by_first", "_firsts", "_gapped", "_inside_only", "_whole", "max_len")

    def __init__(self, phrases: Mapping[str, Iterable[str]]) -> None:
        by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        whole: dict[tuple[str, ...], str] = {}
        inside_only: set[tuple[str, ...]] = set()
        gapped: dict[str, list[tuple[tuple[str, ...], tuple[str, ...], str]]] = {}
        max_len = 1
        for category, items in phrases.items():
            for phrase in items:
                if GAP_MARK in phrase:
                    head, _, tail = (tuple(tokens(part)) for part in phrase.partition(GAP_MARK))
                    if head and tail:
                        gapped.setdefault(head[0], []).append((head, tail, category))
                    continue
                toks = tuple(tokens(phrase))
                if not toks:
                    continue
                if phrase.startswith(WHOLE_LINE_MARK):
                    whole.setdefault(toks, category)
                    continue
                if phrase.startswith(INSIDE_ONLY_MARK):
                    inside_only.add(toks)
                max_len = max(max_len, len(toks))
                by_first.setdefault(toks[0], []).append((toks, category))
        for entries in by_first.values():
            entries.sort(key=lambda e: -len(e[0]))  # longest match first
        self._by_first = by_first
        #: the phrases' first tokens: a token list holding none of them holds no phrase
        self._firsts = frozenset(by_first)
        self._whole = whole
        self._inside_only = frozenset(inside_only)
        self._gapped = gapped
        self.max_len = max_len

    def match(self, toks: Sequence[str]) -> tuple[int, dict[str, int]]:
        """Tokens covered by phrases, and covered tokens per category."""
        if len(toks) <= 3 and self._whole:
            category = self._whole.get(tuple(toks))
            if category is not None:
                return len(toks), {category: len(toks)}
        covered = 0
        per_category: dict[str, int] = {}
        if self._firsts.isdisjoint(toks):
            return covered, per_category  # (most lines: one pass in C rules them out)
        by_first = self._by_first
        i, n = 0, len(toks)
        while i < n:
            entries = by_first.get(toks[i])
            step = 1
            if entries is not None:
                for phrase, category in entries:
                    size = len(phrase)
                    if size == 1 or tuple(toks[i : i + size]) == phrase:
                        covered += size
                        per_category[category] = per_category.get(category, 0) + size
                        step = size
                        break
            i += step
        return covered, per_category

    def lead_phrase(self, toks: Sequence[str]) -> str | None:
        """The category of a phrase of two words or more that the token list starts with
        ("folgen sie uns auf ...", "your email address will not be published"), except
        phrases marked as also opening ordinary sentences (:data:`INSIDE_ONLY_MARK`)."""
        for phrase, category in self._by_first.get(toks[0], ()) if toks else ():
            if len(phrase) >= 2 and tuple(toks[: len(phrase)]) == phrase:
                return None if phrase in self._inside_only else category
        for head, tail, category in self._gapped.get(toks[0], ()) if toks else ():
            if tuple(toks[: len(head)]) == head and _gap_closed(toks, len(head), tail):
                return category
        return None

    def categories_at_start(self, toks: Sequence[str]) -> str | None:
        """The category of a phrase the token list starts with, if any."""
        if not toks:
            return None
        for phrase, category in self._by_first.get(toks[0], ()):
            if tuple(toks[: len(phrase)]) == phrase:
                return category
        return None


@dataclass(frozen=True)
class Language:
    """Everything newsclean knows about one language (merged with English and common data)."""

    code: str | None
    stopwords: frozenset[str]
    phrases: PhraseMatcher
    byline_prefixes: Prefixes
    name_joiners: frozenset[str]
    credit_prefixes: frozenset[str]
    source_prefixes: Prefixes
    date_prefixes: Prefixes
    months: dict[str, int]
    date_order: str
    social: frozenset[str]
    agencies: frozenset[str]
    given_names: frozenset[str] = frozenset()
    #: Credit words that also head a media item's title ("Video: ...", "Karte: ...",
    #: "Bilder: ..."): after them only a name or an agency is a credit.
    media_credit_prefixes: frozenset[str] = frozenset()
    #: Byline prefixes as written ("von", "autor:"), for patterns that need the colon.
    byline_phrases: tuple[str, ...] = ()
    #: Words that mark a date as an update, not the first publication ("aktualisiert").
    update_words: tuple[str, ...] = ()
    #: One-word byline prefixes without a colon ("by", "von", "par"): "Photo by ...".
    by_words: frozenset[str] = frozenset()
    #: Words that label a numbered figure or table ("Abbildung 4:", "Fig. 2."), lower case.
    figure_labels: frozenset[str] = frozenset()
    #: Headers of a tag list ("Tags", "Schlagwörter", "Mots-clés"), as joined tokens.
    tag_headers: frozenset[str] = frozenset()
    #: Headers of a recipe's list of ingredients ("Ingredients", "Zutaten"), as joined tokens.
    ingredient_headers: frozenset[str] = frozenset()
    #: Headers of an article's list of references or notes ("References", "Einzelnachweise",
    #: "Notes et références"), as joined tokens.
    reference_headers: frozenset[str] = frozenset()
    #: Headers of a box about the author or the site ("Über den Autor", "About me"), as
    #: joined tokens, and the words that open one before a name ("Über", "About").
    about_headers: frozenset[str] = frozenset()
    about_leads: Prefixes = field(default_factory=lambda: Prefixes(()))
    #: The first tokens of both: a line opening with none of them is no about-box header.
    about_firsts: frozenset[str] = frozenset()
    has_data: bool = field(default=False)
    #: Words addressing the reader ("you", "du", "vous"), newsletter names, mail words
    #: and subscribing verbs: what tells an offer to send the reader mail (see
    #: :meth:`mailing_offer`). None when no language data gives them.
    reader_re: re.Pattern[str] | None = None
    newsletter_re: re.Pattern[str] | None = None
    mail_re: re.Pattern[str] | None = None
    subscribe_re: re.Pattern[str] | None = None
    #: Consenting verbs, privacy words (personal data, cookies, third parties) and the
    #: first person: what tells a consent notice (see :meth:`consent_notice`).
    consent_re: re.Pattern[str] | None = None
    privacy_re: re.Pattern[str] | None = None
    self_re: re.Pattern[str] | None = None
    #: Words of the first person plural ("our", "unser"): a site speaking of itself.
    our_re: re.Pattern[str] | None = None
    #: Words that switch a script on or say it is off or needed ("enable", "deaktiviert",
    #: "requiere"): what tells a notice about JavaScript (see :meth:`script_notice`).
    script_re: re.Pattern[str] | None = None
    #: Phrases telling that the reader's browser is outdated or unsupported ("outdated
    #: browser", "veralteten Browser", "actualiza tu navegador"): see
    #: :meth:`browser_notice`.
    browser_re: re.Pattern[str] | None = None
    #: Labels that open a disclaimer ("Disclaimer:", "Haftungsausschluss", "Aviso legal")
    #: and the terms of an affiliate or advertising disclosure ("affiliate links", "we may
    #: receive compensation", "enlaces de afiliados"): see :meth:`disclaimer_label`
    #: and :meth:`affiliate_notice`.
    disclaimer_re: re.Pattern[str] | None = None
    affiliate_re: re.Pattern[str] | None = None
    #: Phrases that open a site's or a section's description of itself ("The latest on
    #: ...", "Toute l'actualité ...", "Lo último en ..."): see :meth:`promo_line`.
    promo_re: re.Pattern[str] | None = None
    #: A link's label that ends a teaser after its last sentence ("... nach. Mehr…",
    #: "... en 2024. Lire la suite »"), as joined lower-case tokens.
    more_words: frozenset[str] = frozenset()
    #: Words that number the steps of instructions ("Step 3", "Schritt 3", "Étape 3").
    step_words: frozenset[str] = frozenset()
    #: The label of a picture's enlarge button, printed before its caption ("Vergrößern
    #: Der neue Bahnhof ...", "Enlarge The new station ...").
    enlarge_words: Prefixes = field(default_factory=lambda: Prefixes(()))

    def mailing_offer(self, text: str) -> bool:
        """Whether a line offers to send the reader mail: it addresses the reader and names
        a newsletter, or names mail and subscribing ("Abonnieren Sie unseren Newsletter",
        "Get our stories in your inbox: sign up").
        """
        if self.reader_re is None or self.newsletter_re is None:
            return False
        if self.reader_re.search(text) is None and (
            self.our_re is None or self.our_re.search(text) is None
        ):
            return False  # (the test most lines fail: it goes first)
        if self.newsletter_re.search(text) is not None:
            return True
        if self.mail_re is None or self.subscribe_re is None:
            return False
        return self.mail_re.search(text) is not None and self.subscribe_re.search(text) is not None

    def consent_notice(self, text: str) -> bool:
        """Whether a line asks the reader's consent to cookies, to personal data going to a
        third party or to loading external content ("Ich bin damit einverstanden, dass mir
        externe Inhalte angezeigt werden", "By clicking accept you consent to cookies"): it
        names privacy, a consenting verb, and the reader or the first person.
        """
        if self.privacy_re is None or self.consent_re is None:
            return False
        if self.privacy_re.search(text) is None:
            return False  # (the test most lines fail: it goes first)
        if self.consent_re.search(text) is None:
            return False
        return any(
            rx is not None and rx.search(text) is not None for rx in (self.reader_re, self.self_re)
        )

    def disclaimer_label(self, text: str) -> bool:
        """Whether a line opens with a disclaimer's label ("Disclaimer: the author holds
        no shares", "Haftungsausschluss", "Aviso legal:")."""
        return self.disclaimer_re is not None and self.disclaimer_re.match(text) is not None

    def promo_line(self, text: str) -> bool:
        """Whether a line opens as a site or a section describes itself ("The latest on
        space, from launches to ...", "Daily news about the politics shaping our world",
        "Das Neueste aus der Forschung"): a promotion, when the line is short."""
        return self.promo_re is not None and self.promo_re.match(text) is not None

    def affiliate_notice(self, text: str) -> bool:
        """Whether a line is a note on the site's affiliate links or advertisers ("Links
        marked * are affiliate links", "We may earn a commission on purchases", "Este
        artículo contiene enlaces de afiliados"): it names them or the pay they bring.
        """
        return self.affiliate_re is not None and self.affiliate_re.search(text) is not None

    def script_notice(self, text: str) -> bool:
        """Whether a line says the page needs JavaScript ("Please enable JavaScript to view
        the comments", "JavaScript ist deaktiviert", "Tu navegador tiene deshabilitado el
        uso de Javascript"): it names JavaScript and a word switching it on or off.
        """
        if self.script_re is None or _JAVASCRIPT_RE.search(text) is None:
            return False
        return self.script_re.search(text) is not None

    def browser_notice(self, text: str) -> bool:
        """Whether a line tells the reader that their browser is outdated or unsupported
        ("You are using an outdated browser. Please upgrade ...", "Du verwendest einen
        veralteten Browser"): it names such a browser and addresses the reader."""
        if self.browser_re is None or self.browser_re.search(text) is None:
            return False
        return self.reader_re is not None and self.reader_re.search(text) is not None


#: JavaScript named, in any language ("JavaScript", "Javascript", "Java Script").
_JAVASCRIPT_RE = re.compile(r"\bjava\s?script\b", re.IGNORECASE)


def _lead_re(words: Iterable[str], after: str = "") -> re.Pattern[str] | None:
    """A pattern matching a line that opens with one of ``words`` (ignoring case), as
    whole words, then ``after``."""
    items = sorted({w.strip().lower() for w in words if w.strip()}, key=len, reverse=True)
    if not items:
        return None
    alternation = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items)
    return re.compile(rf"[\W_]{{0,3}}(?i:{alternation})(?!\w){after}")


def _label_re(words: Iterable[str]) -> re.Pattern[str] | None:
    """A pattern matching a line that opens with one of ``words`` as a label: followed by
    a colon or a dash, or alone on the line ("Disclaimer:", "Haftungsausschluss")."""
    return _lead_re(words, r"\s?(?::|[–—-]\s|\.?\s*$)")


def _words_re(words: Iterable[str], whole: bool) -> re.Pattern[str] | None:
    """A pattern finding any of ``words`` at a word start (and end, with ``whole``).

    Words are matched ignoring case, except those written with a capital, which must
    appear so (German "Sie" and "Ihr" address the reader; "sie" and "ihr" do not).
    """
    folded: set[str] = set()
    exact: set[str] = set()
    for word in words:
        word = word.strip()
        if word:
            (folded if word == word.lower() else exact).add(word)
    if not folded and not exact:
        return None

    def alternation(items: set[str]) -> str:
        ordered = sorted(items, key=len, reverse=True)
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)

    parts = []
    if folded:
        parts.append(f"(?i:{alternation(folded)})")
    if exact:
        parts.append(alternation(exact))
    end = r"(?!\w)" if whole else ""
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)}){end}")


#: Codes read as another language's: Norwegian Bokmål and Nynorsk use the Norwegian data.
ALIASES: dict[str, str] = {"nb": "no", "nn": "no"}


def language_code(value: str | None) -> str | None:
    """An ISO 639-1 code as newsclean names the language: lower case, without a region
    ("pt-BR", "sv_SE" -> "pt", "sv"), aliases resolved ("nb" -> "no")."""
    if not value:
        return None
    code = value.strip().lower().replace("_", "-").split("-")[0]
    return ALIASES.get(code, code) or None


def available() -> list[str]:
    """Codes of the languages with a data file."""
    return sorted(p.stem for p in _DATA_DIR.glob("*.json") if p.stem != "common")


@cache
def _data_file(name: str) -> dict[str, object]:
    path = _DATA_DIR / f"{name}.json"
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as fh:
        data: dict[str, object] = json.load(fh)
    return data


@lru_cache(maxsize=1)
def _stoplist_dir() -> Path | None:
    spec = find_spec("justext")  # locates the package without running it
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "stoplists"
    return path if path.is_dir() else None


@cache
def stoplist(code: str, limit: int | None = None) -> tuple[str, ...]:
    """jusText's stop words for a language, most frequent first (empty if unknown)."""
    name = STOPLISTS.get(code)
    folder = _stoplist_dir()
    if name is None or folder is None:
        return ()
    path = folder / f"{name}.txt"
    if not path.exists():
        return ()
    words: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            word = line.strip().lower()
            if word:
                words.append(word)
                if limit is not None and len(words) >= limit:
                    break
    return tuple(words)


def _list(data: dict[str, object], key: str) -> list[str]:
    value = data.get(key, [])
    return [str(v) for v in value] if isinstance(value, list) else []


@cache
def month_names() -> dict[str, dict[str, int]]:
    """Every month name in the languages' data files, lower case, to the languages that
    give it and the month's number in each."""
    found: dict[str, dict[str, int]] = {}
    for code in available():
        table = _data_file(code).get("months", {})
        if isinstance(table, dict):
            for word, number in table.items():
                found.setdefault(str(word).lower(), {})[code] = int(number)
    return found


@cache
def _all_months() -> dict[str, int]:
    """Month names to their number, for the names no two languages number differently
    (none does so far)."""
    return {
        word: next(iter(set(by_code.values())))
        for word, by_code in month_names().items()
        if len(set(by_code.values())) == 1
    }


def any_month(word: str) -> int | None:
    """The month a name gives in any language newsclean has data for (a page's language
    can be misread, or the page mixes languages: "Publiziert am 13. Januar 2014" on a
    page read as Spanish), or None."""
    return _all_months().get(word.lower())


@cache
def load(code: str | None) -> Language:
    """The merged knowledge for a language code (``None`` or unknown: English and common only)."""
    own = _data_file(code) if code else {}
    english = _data_file("en")
    common = _data_file("common")
    sources = [own, english] if own is not english else [own]
    phrases: dict[str, list[str]] = {}
    for data in sources:
        table = data.get("phrases", {})
        if isinstance(table, dict):
            for category, items in table.items():
                phrases.setdefault(category, []).extend(str(i) for i in items)
    social = _list(common, "social")
    phrases.setdefault("share", []).extend(social)

    def prefixes(key: str) -> Prefixes:
        return Prefixes(tuple(tokens(p)) for data in sources for p in _list(data, key))

    months: dict[str, int] = {}
    for data in reversed(sources):
        table = data.get("months", {})
        if isinstance(table, dict):
            months.update({str(k): int(v) for k, v in table.items()})
    # without a file of its own, a detected language most likely writes the day first
    # ("05.11.2026" in Turkish or Czech); an unknown one is read as English
    order = str(own.get("date_order", "dmy")) if own else ("dmy" if code else "mdy")
    stop = stoplist(code) if code else ()
    about_headers = frozenset(folded(w) for d in sources for w in _list(d, "about_headers"))
    about_leads = prefixes("about_leads")
    return Language(
        code=code,
        stopwords=frozenset(stop),
        phrases=PhraseMatcher(phrases),
        byline_prefixes=prefixes("byline_prefixes"),
        name_joiners=frozenset(t for data in sources for t in _list(data, "name_joiners"))
        | ANY_NAME_JOINERS,
        credit_prefixes=frozenset(t for data in sources for t in _list(data, "credit_prefixes")),
        media_credit_prefixes=frozenset(
            t for data in sources for t in _list(data, "media_credit_prefixes")
        ),
        source_prefixes=prefixes("source_prefixes"),
        date_prefixes=prefixes("date_prefixes"),
        months=months,
        date_order=order,
        social=frozenset(social),
        agencies=frozenset(_list(common, "agencies")),
        given_names=frozenset(_list(common, "given_names")),
        figure_labels=frozenset(w for d in sources for w in _list(d, "figure_labels")),
        tag_headers=frozenset(folded(w) for d in sources for w in _list(d, "tag_headers")),
        about_headers=about_headers,
        about_leads=about_leads,
        about_firsts=frozenset(h.split()[0] for h in about_headers) | about_leads.firsts,
        ingredient_headers=frozenset(
            folded(w) for d in sources for w in _list(d, "ingredient_headers")
        ),
        reference_headers=frozenset(
            folded(w) for d in sources for w in _list(d, "reference_headers")
        ),
        byline_phrases=tuple(
            sorted(
                {p.lower().strip() for d in sources for p in _list(d, "byline_prefixes")},
                key=len,
                reverse=True,
            )
        ),
        update_words=tuple(
            sorted({w.lower() for d in sources for w in _list(d, "update_words")}, key=len)
        ),
        by_words=frozenset(
            p.strip().lower()
            for d in sources
            for p in _list(d, "byline_prefixes")
            if p.strip().isalpha()
        ),
        has_data=bool(own),
        reader_re=_words_re((w for d in sources for w in _list(d, "reader_words")), True),
        newsletter_re=_words_re((w for d in sources for w in _list(d, "newsletter_words")), False),
        mail_re=_words_re((w for d in sources for w in _list(d, "mail_words")), False),
        subscribe_re=_words_re((w for d in sources for w in _list(d, "subscribe_words")), False),
        consent_re=_words_re((w for d in sources for w in _list(d, "consent_words")), False),
        privacy_re=_words_re((w for d in sources for w in _list(d, "privacy_words")), False),
        self_re=_words_re((w for d in sources for w in _list(d, "self_words")), True),
        our_re=_words_re((w for d in sources for w in _list(d, "our_words")), True),
        script_re=_words_re((w for d in sources for w in _list(d, "script_words")), False),
        browser_re=_words_re((w for d in sources for w in _list(d, "browser_words")), False),
        disclaimer_re=_label_re(w for d in sources for w in _list(d, "disclaimer_labels")),
        affiliate_re=_words_re((w for d in sources for w in _list(d, "affiliate_words")), False),
        promo_re=_lead_re(w for d in sources for w in _list(d, "promo_leads")),
        more_words=frozenset(" ".join(tokens(w)) for d in sources for w in _list(d, "more_words")),
        step_words=frozenset(w.lower() for d in sources for w in _list(d, "step_words")),
        enlarge_words=prefixes("enlarge_words"),
    )


@lru_cache(maxsize=1)
def _detection_index() -> dict[str, tuple[str, ...]]:
    """Word -> languages whose most frequent stop words include it."""
    index: dict[str, list[str]] = {}
    for code in STOPLISTS:
        for word in stoplist(code, DETECT_WORDS):
            index.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in index.items()}


# Scripts told apart by their characters alone. Each class spans thousands of
# code points, which takes `re` milliseconds to compile: they are compiled on
# first need, so a process that never sees such a character never pays for it.
_SCRIPTS = {
    "kana": "\u3040-\u30ff",
    "han": "\u4e00-\u9fff\u3400-\u4dbf",
    "hangul": "\uac00-\ud7af",
    "thai": "\u0e00-\u0e7f",
}
_SCRIPTS["cjk"] = _SCRIPTS["kana"] + _SCRIPTS["han"] + _SCRIPTS["hangul"]
_SCRIPTS["any"] = _SCRIPTS["cjk"] + _SCRIPTS["thai"]
_LETTER_RE = re.compile(r"[^\W\d_]")


@cache
def _script_re(script: str) -> re.Pattern[str]:
    return re.compile(f"[{_SCRIPTS[script]}]")


@cache
def _above_script_re(script: str) -> re.Pattern[str]:
    """The script's lowest character and above (a class is a run of "first-last"
    ranges): a text without any holds none of the script. A single range rules most
    non-ASCII Western lines out (curly quotes and dashes are below the CJK scripts)
    before the large class is needed. Written as "not below it" and compiled on first
    use: a class running up to the last code point takes milliseconds to compile,
    which start-up should not pay."""
    lowest = min(_SCRIPTS[script][0::3])
    return re.compile(f"[^\x00-{chr(ord(lowest) - 1)}]")


def script_chars(text: str, script: str) -> int:
    """How many characters of ``text`` belong to a script of ``_SCRIPTS``."""
    if text.isascii() or _above_script_re(script).search(text) is None:
        return 0
    return len(_script_re(script).findall(text))


def _script_language(text: str) -> str | None:
    """Languages told apart by their script alone (CJK, Thai), from a sample."""
    sample = text
    if not script_chars(sample, "any"):
        return None
    letters = len(_LETTER_RE.findall(sample))
    if not letters:
        return None
    if script_chars(sample, "kana") * 10 > letters:
        return "ja"
    if script_chars(sample, "hangul") * 10 > letters * 3:
        return "ko"
    if script_chars(sample, "han") * 10 > letters * 3:
        return "zh"
    if script_chars(sample, "thai") * 10 > letters * 3:
        return "th"
    return None


def detect(lines: Iterable[str]) -> str | None:
    """The most likely ISO 639-1 code of a text, or ``None`` when unsure.

    Script first (CJK, Thai); then the share of each language's most frequent
    stop words among the tokens of the longer lines, which are mostly prose.
    """
    all_lines = list(lines)
    sample = "\n".join([line for line in all_lines if len(line) >= 40] or all_lines)[
        :DETECT_MAX_CHARS
    ]
    by_script = _script_language(sample)
    if by_script is not None:
        return by_script
    index = _detection_index()
    toks = _TOKEN_RE.findall(sample[: DETECT_MAX_TOKENS * 8].lower())[:DETECT_MAX_TOKENS]
    counts: dict[str, int] = {}
    for tok, k in Counter(toks).items():
        for code in index.get(tok, ()):
            counts[code] = counts.get(code, 0) + k
    if not counts or not toks:
        return None
    best = max(counts, key=lambda c: (counts[c], c in _PREFERRED))
    if counts[best] / len(toks) < DETECT_MIN_SHARE:
        return None
    return best


_PREFERRED = frozenset({"de", "en", "fr", "es", "it", "nl", "pt", "pl", "sv"})


def strip_accents(text: str) -> str:
    """Text without combining marks (for lenient comparisons)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
