"""Features: cheap per-line facts, then the sparse binary features the model scores.

A line's facts (:class:`Facts`) are plain numbers and flags: length, stop-word
share in the page's language, punctuation, capitals, lexicon hits (share,
cookie, related... phrases), dates, credits, bylines, repetition. The model
sees them as *feature groups*: each group maps a line to one bin, and a line's
score is the sum of its bins' weights (a logistic regression over one-hot
bins, which is fast in pure Python and readable in ``--explain``).

Context groups describe where a line stands: how much prose surrounds it,
whether it lies in the page's main run of prose, how far it is from the
headline, what its neighbours look like. The second stage (:func:`stage2_ids`)
sees each line's first-stage score among its neighbours' scores.

Everything here runs once per line of every page, so it is written for speed:
bins are computed once per line, window counts come from prefix sums, and
group offsets are plain integers.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate, filterfalse

from .languages import Language, script_chars, tokens
from .model import Block
from .patterns import find_date, is_credit, starts_with_phrase

#: Phrase categories of the language files, in a fixed order.
CATEGORIES = (
    "share",
    "newsletter",
    "advert",
    "cookie",
    "navigation",
    "login",
    "legal",
    "related",
    "comments",
    "readmore",
)
_SENTENCE_END = frozenset(".!?…。！？")
_CLOSERS = frozenset("\"'”’»«)]")
_SEPARATORS_RE = re.compile(r"[|»›•·>]|\s[-–—]\s")
_DIGIT_RE = re.compile(r"\d")
_UPPER_CLASS = "[A-ZÀ-ÖØ-ÞĀ-ŽΑ-ΩА-ЯЁ]"
_UPPER_RE = re.compile(_UPPER_CLASS)
#: A capital after a white space: a capitalised word that does not start the text.
_SPACE_CAP_RE = re.compile(r"\s" + _UPPER_CLASS)
#: Every separator holds one of these characters (a cheap test before the full pattern).
_SEPARATOR_CHAR_RE = re.compile(r"[|»›•·>\-–—]")
_SAYS_RE = re.compile(
    r"\b(?:says|said|sagt|schreibt|dit|dice|scrive|zegt|diz|pisze|skriver)\s*:\s*$", re.I
)
_TITLE_PARTS_RE = re.compile(r"\s[|–—•·:»]\s|\s-\s|\s::\s")

#: A line is prose when it has at least this many words...
PROSE_MIN_WORDS = 10
#: ... and at least this share of stop words (or sentence punctuation, for CJK).
PROSE_MIN_STOP = 0.18
#: Prose lines of the main run may be this many lines apart.
MAIN_RUN_GAP = 8
#: Content words are compared by their first letters (a crude stem across inflections).
STEM = 6
#: The headline is looked for among this many first lines.
ANCHOR_SEARCH = 400
#: Lines longer than this (in tokens) are not matched against the phrase lexicon.
LEXICON_MAX_TOKENS = 40
#: Dates are looked for in the first characters of lines of at most 30 tokens.
DATE_SEARCH_CHARS = 120
#: Credits are looked for in lines of at most this many tokens.
SHORT_LINE_TOKENS = 16

END_CLASSES = (".", "?", "!", ":", ";", ",", "digit", "letter", "other")
_END_INDEX = {name: i for i, name in enumerate(END_CLASSES)}
_CAT_INDEX = {name: i for i, name in enumerate(CATEGORIES)}
HINTS = (
    "",
    "h1",
    "h2",
    "h3",
    "h4",
    "li",
    "quote",
    "td",
    "pre",
    "figcaption",
    "nav",
    "aside",
    "footer",
    "header",
    "title",
    "form",
    "button",
    "dt",
    "dd",
    "caption",
    "address",
    "time",
)
_HINT_INDEX = {name: i for i, name in enumerate(HINTS)}


def bin_words(w: int) -> int:
    """Ten length bins: 0-1, 2, 3, 4-5, 6-8, 9-12, 13-20, 21-35, 36-60, 61+ words."""
    if w <= 3:
        return w - 1 if w > 1 else 0
    if w <= 8:
        return 3 if w <= 5 else 4
    if w <= 20:
        return 5 if w <= 12 else 6
    return 7 if w <= 35 else 8 if w <= 60 else 9


def bin_coarse_words(w: int) -> int:
    """Four length bins: 0-3, 4-8, 9-20, 21+ words."""
    return 0 if w <= 3 else 1 if w <= 8 else 2 if w <= 20 else 3


def bin_share(x: float, edges: tuple[float, ...]) -> int:
    """The index of the first edge ``x`` does not exceed (len(edges) above all)."""
    for i, edge in enumerate(edges):
        if x <= edge:
            return i
    return len(edges)


STOP_EDGES = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)
THIRDS = (0.0, 0.34, 0.67)


@dataclass(slots=True)
class Facts:
    """What is cheap to know of one line, alone (plus its repetition on the page)."""

    words: int
    chars: int
    stop: int
    end: str
    caps: int
    digits: int
    letters: int
    upper: int
    commas: int
    covered: int
    cats: dict[str, int]
    date: str | None
    credit: bool
    byline: int
    separators: int
    cjk: bool
    content: tuple[str, ...]
    dup: int = 1
    prose: bool = False
    #: the category of a phrase of two words or more that starts the line ("Folgen Sie uns")
    lead: str | None = None
    # bins, computed once
    wb: int = 0
    cw: int = 0
    sb: int = 0
    eb: int = 0
    #: the line's shape as its neighbours' feature: coarse length x stop-word share
    shape: int = 0

    @property
    def stop_share(self) -> float:
        return self.stop / self.words if self.words else 0.0

    @property
    def cover_share(self) -> float:
        return self.covered / self.words if self.words else 0.0


def _end_class(text: str) -> str:
    tail = text.rstrip()
    while tail and tail[-1] in _CLOSERS:
        tail = tail[:-1]
    if not tail:
        return "other"
    last = tail[-1]
    if last in _SENTENCE_END:
        return "." if last in ".。" else ("?" if last in "?？" else "!")
    if last in ":;,":
        return last
    if last.isdigit():
        return "digit"
    if last.isalpha():
        return "letter"
    return "other"


def count_capitalised(text: str) -> int:
    """How many words of ``text`` start with a capital (``(?<!\\S)[A-Z...]`` matches).

    Counted as capitals after a white space, plus one for a capital that starts
    the text: a pattern that starts with a white space is found faster than one
    starting with a look-behind, which the engine tries at every position.
    """
    return len(_SPACE_CAP_RE.findall(text)) + (1 if _UPPER_RE.match(text) else 0)


def count_separators(text: str) -> int:
    """How many separators ("|", "»", " - "...) ``text`` holds.

    Most lines hold none of their characters: a search for any of them rules
    those out faster than the full pattern.
    """
    if _SEPARATOR_CHAR_RE.search(text) is None:
        return 0
    return len(_SEPARATORS_RE.findall(text))


def line_facts(text: str, lang: Language) -> Facts:
    """The facts of one line."""
    toks = tokens(text)
    n_toks = len(toks)
    ascii_text = text.isascii()
    if ascii_text:
        cjk = False
        words = n_toks
    else:
        cjk_chars = script_chars(text, "cjk")
        cjk = cjk_chars * 10 > len(text) * 3
        words = max(n_toks, cjk_chars // 2) if cjk else n_toks
    others = list(filterfalse(lang.stopwords.__contains__, toks))  # the tokens not stop words
    stop = n_toks - len(others)
    digits = len(_DIGIT_RE.findall(text))
    letters = sum(map(len, toks)) - digits
    short = n_toks <= SHORT_LINE_TOKENS
    if len(text) <= 300:
        upper = len(_UPPER_RE.findall(text))
        caps = count_capitalised(text)
    else:  # long lines are prose or data: estimate rather than count
        upper = caps = n_toks // 8
    covered, cats = lang.phrases.match(toks) if n_toks <= LEXICON_MAX_TOKENS else (0, {})
    content = tuple([t[:STEM] for t in others if len(t) >= 3 and not t.isdigit()])
    end = _end_class(text)
    cw = bin_coarse_words(words)
    return Facts(
        words=words,
        chars=len(text),
        stop=stop,
        end=end,
        caps=caps,
        digits=digits,
        letters=max(letters, 0),
        upper=upper,
        commas=text.count(",")
        if ascii_text
        else text.count(",") + text.count("、") + text.count("，"),
        covered=covered,
        cats=cats,
        date=find_date(text[:DATE_SEARCH_CHARS], lang) if n_toks <= 30 and digits else None,
        credit=is_credit(text, lang, toks) if short else False,
        byline=starts_with_phrase(toks, lang.byline_prefixes) if n_toks <= 14 else 0,
        separators=count_separators(text) if len(text) < 400 else 0,
        cjk=cjk,
        content=content,
        lead=lang.phrases.lead_phrase(toks),
        wb=bin_words(words),
        cw=cw,
        sb=7 if cjk else bin_share(stop / words if words else 0.0, STOP_EDGES),
        eb=_END_INDEX[end],
        shape=cw * 3 + (0 if stop == 0 else 1 if stop * 4 < words else 2),
    )


def _is_prose(f: Facts, has_stopwords: bool) -> bool:
    if f.cjk:
        return f.chars >= 40 and f.end in (".", "!", "?")
    if f.words < PROSE_MIN_WORDS:
        return False
    if not has_stopwords:
        return f.end in (".", "!", "?") or f.commas >= 2
    return f.stop >= PROSE_MIN_STOP * f.words and f.covered * 2 < f.words


def document_facts(blocks: Sequence[Block], lang: Language) -> list[Facts]:
    """Facts for every block, with the page-level ones (repetition, prose) filled in.

    A page repeats many of its lines (menus, share buttons, teasers: a fifth of
    the lines of the development corpus), and a line's facts depend on its text
    alone: each distinct text is measured once, and the lines holding it share
    one :class:`Facts` object (which nothing changes after this function).
    """
    by_text: dict[str, Facts] = {}
    facts: list[Facts] = []
    for b in blocks:
        f = by_text.get(b.text)
        if f is None:
            f = by_text[b.text] = line_facts(b.text, lang)
        facts.append(f)
    # repetition counts lines the same apart from case
    seen = Counter(b.text.lower() for b in blocks)
    has_stop = bool(lang.stopwords)
    for text, f in by_text.items():
        f.dup = seen[text.lower()]
        f.prose = _is_prose(f, has_stop)
    return facts


# --- page context -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Context:
    """Page-level context of every line, computed once per page."""

    near_before: list[int]  # bin of the prose lines among the previous 3 and 10
    near_after: list[int]
    dist_before: list[int]  # lines since the last prose line (-1: none)
    dist_after: list[int]
    main_start: int  # the main run of prose (-1: none)
    main_end: int
    chars_before: list[float]  # share of the page's prose characters before the line
    has_blanks: bool
    total: int
    anchor: int  # the headline (an h1, or the line repeating the page title), -1 if none
    title_words: frozenset[str]
    lexicon_near: list[int]  # lines within 3 either side that are mostly lexicon phrases
    headline_run: list[int]  # length of the run of headline-like lines holding the line
    prose_run: list[int]  # length of the run of prose lines holding the line
    comment_near: list[int]  # comment-section marks within 3 lines either side
    group: list[int]  # size of the line's blank-line-delimited group (0: no blank lines)


def _window_counts(flags: Sequence[int], before: int, after: int) -> list[int]:
    """For each position, how many flags are set within ``before``/``after`` lines (not itself)."""
    n = len(flags)
    pref = list(accumulate(flags, initial=0))
    upper = pref[after + 1 :]  # pref[min(n, i + after + 1)] for each i
    upper += [pref[n]] * (n - len(upper))
    lower = ([0] * before + pref[: max(0, n - before)])[:n]  # pref[max(0, i - before)]
    return [u - lo - x for u, lo, x in zip(upper, lower, flags, strict=True)]


def _near_bin(near: int, far: int) -> int:
    return min(near, 3) * 4 + (0 if far == 0 else 1 if far <= 2 else 2 if far <= 5 else 3)


def _main_run(facts: Sequence[Facts]) -> tuple[int, int]:
    """The run of prose lines (gaps of at most MAIN_RUN_GAP lines) with the most prose."""
    best = (-1, -1)
    best_chars = 0
    start = last = -1
    chars = 0
    for i, f in enumerate(facts):
        if not f.prose:
            continue
        if start >= 0 and i - last <= MAIN_RUN_GAP:
            last = i
            chars += f.chars
        else:
            if chars > best_chars:
                best, best_chars = (start, last), chars
            start = last = i
            chars = f.chars
    if chars > best_chars:
        best = (start, last)
    return best


def _runs(flags: Sequence[bool]) -> list[int]:
    """For each position, the length of the run of True values holding it (0 if False)."""
    n = len(flags)
    out = [0] * n
    i = 0
    while i < n:
        if not flags[i]:
            i += 1
            continue
        j = i
        while j < n and flags[j]:
            j += 1
        out[i:j] = [j - i] * (j - i)
        i = j
    return out


def _groups(blocks: Sequence[Block]) -> list[int]:
    """Size of each line's group of lines not separated by a blank line."""
    out = [0] * len(blocks)
    start = 0
    for i in range(1, len(blocks) + 1):
        if i == len(blocks) or blocks[i].blank_before:
            out[start:i] = [i - start] * (i - start)
            start = i
    return out


def _headline_like(f: Facts) -> bool:
    """A short line that reads like a headline or link title, not a sentence."""
    return (
        3 <= f.words <= 20
        and not f.prose
        and f.end not in (".", ",", ";", ":")
        and f.covered * 2 < f.words
    )


def _comment_mark(b: Block, f: Facts) -> bool:
    """Marks of a reader-comment section: reply links, "Name says:", date-and-time lines."""
    if f.words <= 4 and f.cats.get("comments", 0):
        return True
    if f.words <= 8 and b.text.endswith(":") and _SAYS_RE.search(b.text):
        return True
    return f.date is not None and f.words <= 10 and (":" in b.text or f.separators > 0)


def _content_of(text: str) -> list[str]:
    return [t[:STEM] for t in tokens(text) if len(t) >= 3 and not t.isdigit()]


def _anchor(blocks: Sequence[Block], facts: Sequence[Facts]) -> tuple[int, frozenset[str]]:
    """The headline: an h1, or the line that repeats the page title's main part.

    Scrapes that keep the document title start with it ("Headline | Site"); the
    article's own headline repeats it further down. Returns its index (-1 when
    none is found) and the title's content words.
    """
    for i, b in enumerate(blocks[:ANCHOR_SEARCH]):
        if b.hint == "h1" and facts[i].words >= 2:
            return i, frozenset(facts[i].content)
    if not blocks or blocks[0].hint not in ("", "title") or not 2 <= facts[0].words <= 40:
        return -1, frozenset()
    split = [set(_content_of(p)) for p in _TITLE_PARTS_RE.split(blocks[0].text)]
    parts: list[set[str]] = [p for p in split if len(p) >= 2]
    if not parts:
        return -1, frozenset()
    for i in range(1, min(len(blocks), ANCHOR_SEARCH)):
        f = facts[i]
        if not f.content or f.words > 40:
            continue
        words = set(f.content)
        for part in parts:
            common = len(words & part)
            if common >= 0.7 * len(part) and common >= 0.5 * len(words):
                return i, frozenset(part)
    longest = max(parts, key=len)
    return -1, frozenset(longest)


def page_context(blocks: Sequence[Block], facts: Sequence[Facts]) -> Context:
    """Everything the context features need, for all lines of a page at once."""
    n = len(facts)
    prose = [1 if f.prose else 0 for f in facts]
    b3 = _window_counts(prose, 3, 0)
    b10 = _window_counts(prose, 10, 0)
    a3 = _window_counts(prose, 0, 3)
    a10 = _window_counts(prose, 0, 10)
    dist_before = [-1] * n
    last = -1
    for i in range(n):
        if last >= 0:
            dist_before[i] = i - last
        if prose[i]:
            last = i
    dist_after = [-1] * n
    nxt = -1
    for i in range(n - 1, -1, -1):
        if nxt >= 0:
            dist_after[i] = nxt - i
        if prose[i]:
            nxt = i
    total_prose = sum(f.chars for f in facts if f.prose) or 1
    chars_before = [0.0] * n
    acc = 0
    for i, f in enumerate(facts):
        chars_before[i] = acc / total_prose
        if f.prose:
            acc += f.chars
    start, end = _main_run(facts)
    anchor, title_words = _anchor(blocks, facts)
    lexical = [1 if f.covered * 2 >= f.words and f.words else 0 for f in facts]
    marks = [1 if _comment_mark(b, f) else 0 for b, f in zip(blocks, facts, strict=False)]
    has_blanks = any(b.blank_before for b in blocks[1:])
    return Context(
        near_before=[_near_bin(x, y) for x, y in zip(b3, b10, strict=False)],
        near_after=[_near_bin(x, y) for x, y in zip(a3, a10, strict=False)],
        dist_before=dist_before,
        dist_after=dist_after,
        main_start=start,
        main_end=end,
        chars_before=chars_before,
        has_blanks=has_blanks,
        total=n,
        anchor=anchor,
        title_words=title_words,
        lexicon_near=_window_counts(lexical, 3, 3),
        headline_run=_runs([_headline_like(f) for f in facts]),
        prose_run=_runs([f.prose for f in facts]),
        comment_near=_window_counts(marks, 3, 3),
        group=_groups(blocks) if has_blanks else [0] * n,
    )


# --- stage one: feature groups ---------------------------------------------------------------


def bin_dist(d: int) -> int:
    """Eight distance bins (7: no such line)."""
    if d < 0:
        return 7
    if d <= 2:
        return d
    return 3 if d <= 4 else 4 if d <= 8 else 5 if d <= 16 else 6


def bin_position(i: int, main_start: int, main_end: int) -> int:
    """Where a line is relative to the main run: far/near before, inside, near/far after."""
    if main_start < 0:
        return 0
    if i < main_start:
        gap = main_start - i
        return 1 if gap > 30 else 2 if gap > 10 else 3 if gap > 3 else 4
    if i <= main_end:
        return 5
    gap = i - main_end
    return 6 if gap <= 3 else 7 if gap <= 10 else 8 if gap <= 30 else 9


def bin_anchor(i: int, anchor: int) -> int:
    """Where a line is relative to the headline (0: no headline found)."""
    if anchor < 0:
        return 0
    d = i - anchor
    if d <= 0:
        return 1 if d < -10 else 2 if d < 0 else 3
    return (
        4
        if d == 1
        else 5
        if d == 2
        else 6
        if d <= 5
        else 7
        if d <= 10
        else 8
        if d <= 25
        else 9
        if d <= 60
        else 10
    )


def _run_bin(length: int) -> int:
    return length if length <= 2 else 3 if length <= 4 else 4


#: The model's feature groups: name and number of bins. The order is the weight layout.
GROUPS: tuple[tuple[str, int], ...] = (
    ("bias", 1),
    ("words", 10),
    ("stop", 8),
    ("words_x_stop", 80),
    ("end", 9),
    ("end_x_words", 36),
    ("caps", 4),
    ("upper", 4),
    ("digits", 4),
    ("commas", 4),
    ("cover", 4),
    *((f"cat_{c}", 4) for c in CATEGORIES),
    ("date", 3),
    ("credit", 2),
    ("byline", 3),
    ("separators", 4),
    ("dup", 3),
    ("dup_x_words", 12),
    ("links", 5),
    ("bullet", 3),
    ("indent", 4),
    ("blanks", 5),
    ("blanks_x_words", 50),
    ("hint", len(HINTS)),
    ("first", 7),
    ("rel_pos", 10),
    ("main", 10),
    ("main_x_words", 40),
    ("main_x_stop", 80),
    ("prose_before", 16),
    ("prose_after", 16),
    ("dist_before", 8),
    ("dist_after", 8),
    ("dist_x_words", 64),
    ("chars_before", 6),
    ("cjk", 2),
    ("after_image", 2),
    ("in_main", 3),
    ("anchor", 11),
    ("anchor_x_words", 44),
    ("title_overlap", 5),
    ("lexicon_near", 4),
    ("lexicon_near_x_cover", 16),
    ("prev_shape", 13),
    ("next_shape", 13),
    ("prev_end", 10),
    ("next_end", 10),
    ("headline_run", 5),
    ("headline_run_x_main", 50),
    ("prose_run", 5),
    ("comment_near", 4),
    ("comment_near_x_words", 16),
    ("group", 6),
    ("group_x_words", 60),
    ("group_x_stop", 48),
)


def _offsets(groups: tuple[tuple[str, int], ...]) -> tuple[dict[str, int], int]:
    offsets: dict[str, int] = {}
    total = 0
    for name, size in groups:
        offsets[name] = total
        total += size
    return offsets, total


OFFSETS, N_FEATURES = _offsets(GROUPS)
# Plain integers for the hot path (one attribute lookup less per feature).
_O = OFFSETS
O_WORDS, O_STOP, O_WXS, O_END, O_EXW = (
    _O["words"],
    _O["stop"],
    _O["words_x_stop"],
    _O["end"],
    _O["end_x_words"],
)
O_CAPS, O_UPPER, O_DIGITS, O_COMMAS, O_COVER = (
    _O["caps"],
    _O["upper"],
    _O["digits"],
    _O["commas"],
    _O["cover"],
)
O_CATS = tuple(_O[f"cat_{c}"] for c in CATEGORIES)
O_DATE, O_CREDIT, O_BYLINE, O_SEP, O_DUP, O_DUPXW = (
    _O["date"],
    _O["credit"],
    _O["byline"],
    _O["separators"],
    _O["dup"],
    _O["dup_x_words"],
)
O_LINKS, O_BULLET, O_INDENT, O_BLANKS, O_BXW, O_HINT = (
    _O["links"],
    _O["bullet"],
    _O["indent"],
    _O["blanks"],
    _O["blanks_x_words"],
    _O["hint"],
)
O_FIRST, O_RELPOS, O_MAIN, O_MXW, O_MXS = (
    _O["first"],
    _O["rel_pos"],
    _O["main"],
    _O["main_x_words"],
    _O["main_x_stop"],
)
O_PB, O_PA, O_DB, O_DA, O_DXW, O_CB = (
    _O["prose_before"],
    _O["prose_after"],
    _O["dist_before"],
    _O["dist_after"],
    _O["dist_x_words"],
    _O["chars_before"],
)
O_CJK, O_IMG, O_INMAIN, O_ANCHOR, O_AXW, O_TOVER = (
    _O["cjk"],
    _O["after_image"],
    _O["in_main"],
    _O["anchor"],
    _O["anchor_x_words"],
    _O["title_overlap"],
)
O_LEX, O_LEXXC, O_PSHAPE, O_NSHAPE, O_PEND, O_NEND = (
    _O["lexicon_near"],
    _O["lexicon_near_x_cover"],
    _O["prev_shape"],
    _O["next_shape"],
    _O["prev_end"],
    _O["next_end"],
)
O_HRUN, O_HRXM, O_PRUN, O_CN, O_CNXW = (
    _O["headline_run"],
    _O["headline_run_x_main"],
    _O["prose_run"],
    _O["comment_near"],
    _O["comment_near_x_words"],
)
O_GROUP, O_GXW, O_GXS = _O["group"], _O["group_x_words"], _O["group_x_stop"]


def _third(num: int, den: int) -> int:
    """Bins of a share: 0, up to a third, up to two thirds, more (THIRDS)."""
    if num <= 0 or den <= 0:
        return 0
    return 1 if num * 100 <= den * 34 else 2 if num * 100 <= den * 67 else 3


def line_feature_ids(
    i: int, b: Block, f: Facts, ctx: Context, prev: Facts | None = None, nxt: Facts | None = None
) -> list[int]:
    """The active feature (bin) ids of line ``i``: one per group."""
    w, s, e, cw = f.wb, f.sb, f.eb, f.cw
    words = f.words or 1
    letters = f.letters or 1
    if b.links or b.link_chars:
        share = b.link_chars / max(len(b.text), 1)
        links = 1 + (0 if share <= 0.34 else 1 if share <= 0.67 else 2 if share <= 0.9 else 3)
    else:
        links = 0
    blanks = (
        (1 + (2 if b.blank_before else 0) + (1 if b.blank_after else 0)) if ctx.has_blanks else 0
    )
    pos = bin_position(i, ctx.main_start, ctx.main_end)
    db = bin_dist(ctx.dist_before[i])
    da = bin_dist(ctx.dist_after[i])
    dup = (3 if f.dup >= 3 else f.dup) - 1
    cover = _third(f.covered, words)
    cats = f.cats
    upper_share = f.upper / letters
    digit_share = f.digits / (f.chars or 1)
    an = bin_anchor(i, ctx.anchor)
    if ctx.title_words and f.content:
        tw = ctx.title_words
        overlap = sum(map(tw.__contains__, f.content)) / len(f.content)
        tover = 1 if overlap == 0 else 2 if overlap <= 0.25 else 3 if overlap <= 0.5 else 4
    else:
        tover = 0
    near = ctx.lexicon_near[i]
    near = 3 if near > 3 else near
    hr = _run_bin(ctx.headline_run[i])
    cn = ctx.comment_near[i]
    cn = 3 if cn > 3 else cn
    g = ctx.group[i]
    gb = g if g <= 2 else 3 if g <= 5 else 4 if g <= 15 else 5
    cb = ctx.chars_before[i]
    ids = [
        0,
        O_WORDS + w,
        O_STOP + s,
        O_WXS + w * 8 + s,
        O_END + e,
        O_EXW + e * 4 + cw,
        O_CAPS + _third(f.caps, words),
        O_UPPER
        + (
            0
            if upper_share <= 0.05
            else 1
            if upper_share <= 0.3
            else 2
            if upper_share <= 0.7
            else 3
        ),
        O_DIGITS
        + (0 if digit_share == 0 else 1 if digit_share <= 0.1 else 2 if digit_share <= 0.3 else 3),
        O_COMMAS + (3 if f.commas > 3 else f.commas),
        O_COVER + cover,
    ]
    ids.extend(O_CATS)  # bin 0 of each category, raised for the categories the line has
    if cats:
        at = len(ids) - len(O_CATS)
        for c, count in cats.items():
            k = _CAT_INDEX.get(c)
            if k is not None:
                ids[at + k] += _third(count, words)
    ids += [
        O_DATE + (0 if f.date is None else 1 if f.words <= 8 else 2),
        O_CREDIT + (1 if f.credit else 0),
        O_BYLINE + (0 if not f.byline else 1 if f.words <= 6 else 2),
        O_SEP + (3 if f.separators > 3 else f.separators),
        O_DUP + dup,
        O_DUPXW + dup * 4 + cw,
        O_LINKS + links,
        O_BULLET + (0 if not b.bullet else 1 if cw <= 1 else 2),
        O_INDENT + (0 if b.indent == 0 else 1 if b.indent <= 4 else 2 if b.indent <= 12 else 3),
        O_BLANKS + blanks,
        O_BXW + blanks * 10 + w,
        # (a listing's lines are text or not by where they stand: the hint says nothing)
        O_HINT + (0 if b.hint == "pre" else _HINT_INDEX.get(b.hint, 0)),
        O_FIRST + (i if i <= 3 else 4 if i <= 6 else 5 if i <= 12 else 6),
        O_RELPOS + min(i * 10 // max(ctx.total, 1), 9),
        O_MAIN + pos,
        O_MXW + pos * 4 + cw,
        O_MXS + pos * 8 + s,
        O_PB + ctx.near_before[i],
        O_PA + ctx.near_after[i],
        O_DB + db,
        O_DA + da,
        O_DXW + (db if db < da else da) * 8 + (w if w < 7 else 7),
        O_CB
        + (
            0
            if cb <= 0
            else 1
            if cb <= 0.1
            else 2
            if cb <= 0.5
            else 3
            if cb <= 0.9
            else 4
            if cb <= 0.999
            else 5
        ),
        O_CJK + (1 if f.cjk else 0),
        O_IMG + (1 if b.after_image else 0),
        O_INMAIN + (0 if b.in_main is None else 1 if b.in_main else 2),
        O_ANCHOR + an,
        O_AXW + an * 4 + cw,
        O_TOVER + tover,
        O_LEX + near,
        O_LEXXC + near * 4 + cover,
        O_PSHAPE + (12 if prev is None else prev.shape),
        O_NSHAPE + (12 if nxt is None else nxt.shape),
        O_PEND + (9 if prev is None else prev.eb),
        O_NEND + (9 if nxt is None else nxt.eb),
        O_HRUN + hr,
        O_HRXM + hr * 10 + pos,
        O_PRUN + _run_bin(ctx.prose_run[i]),
        O_CN + cn,
        O_CNXW + cn * 4 + cw,
        O_GROUP + gb,
        O_GXW + gb * 10 + w,
        O_GXS + gb * 8 + s,
    ]
    return ids


def page_features(blocks: Sequence[Block], facts: Sequence[Facts]) -> list[list[int]]:
    """Stage-one feature ids of every line of a page."""
    ctx = page_context(blocks, facts)
    n = len(facts)
    return [
        line_feature_ids(
            i, b, f, ctx, facts[i - 1] if i else None, facts[i + 1] if i + 1 < n else None
        )
        for i, (b, f) in enumerate(zip(blocks, facts, strict=False))
    ]


# --- stage two: a line among its neighbours' first-stage scores ------------------------------

STAGE2_GROUPS: tuple[tuple[str, int], ...] = (
    ("bias", 1),
    ("p", 10),
    ("p_prev", 11),
    ("p_next", 11),
    ("p_prev2", 11),
    ("p_next2", 11),
    ("p_win5", 10),
    ("p_win15", 10),
    ("p_max_before", 11),
    ("p_max_after", 11),
    ("p_x_words", 40),
    ("p_x_prev_next", 100),
    ("run_rank", 5),
    ("run_share", 6),
    ("run_x_p", 50),
    ("main_gap", 9),
    ("main_gap_x_p", 90),
    ("run_edge", 4),
    ("cohesion", 7),
    ("cohesion_x_words", 28),
    ("cohesion_x_p", 70),
)
STAGE2_OFFSETS, N_STAGE2 = _offsets(STAGE2_GROUPS)

#: Lines scored at least this by the first stage form runs...
RUN_THRESHOLD = 0.5
#: ... which may hold gaps of this many lines.
RUN_GAP = 3


def score_runs(
    probs: Sequence[float], facts: Sequence[Facts], listing: Sequence[bool] | None = None
) -> tuple[list[int], list[float], list[tuple[int, int]]]:
    """Runs of likely article lines: each line's run (-1: none), the runs' shares, their spans.

    A run is a stretch of lines scored at least RUN_THRESHOLD with gaps of at
    most RUN_GAP lines; its weight is the characters of its likely lines. The
    article is usually the heaviest run; teasers and comments form small ones.
    The lines of a listing (``listing``: code, preformatted text) do not count
    towards a gap: the text goes on after a listing of any length.
    """
    n = len(probs)
    run_of = [-1] * n
    spans: list[tuple[int, int]] = []
    weights: list[float] = []
    gap = RUN_GAP + 1
    for i in range(n):
        p = probs[i]
        if p < RUN_THRESHOLD:
            if listing is None or not listing[i]:
                gap += 1
            continue
        if gap > RUN_GAP:  # (so is the first line: gap starts over RUN_GAP)
            spans.append((i, i))
            weights.append(0.0)
        else:
            spans[-1] = (spans[-1][0], i)
        weights[-1] += facts[i].chars * p
        gap = 0
    for r, (a, b) in enumerate(spans):
        run_of[a : b + 1] = [r] * (b + 1 - a)
    total = sum(weights) or 1.0
    return run_of, [w / total for w in weights], spans


def _max_around(bins: Sequence[int], k: int, none: int) -> tuple[list[int], list[int]]:
    """For each position, the highest of the ``k`` values before it and of the ``k`` after
    it (``none`` when there are none: at the first and the last position)."""
    n = len(bins)
    padded = [-1] * k + list(bins) + [-1] * k  # (the values are never negative)
    before = map(max, zip(*(padded[j : j + n] for j in range(k)), strict=True))
    after = map(max, zip(*(padded[k + 1 + j : k + 1 + j + n] for j in range(k)), strict=True))
    return [none if m < 0 else m for m in before], [none if m < 0 else m for m in after]


def listing_marks(blocks: Sequence[Block]) -> list[bool]:
    """Which lines belong to a listing (code, a preformatted table): the ``listing``
    argument of :func:`score_runs` and :func:`stage2_feature_ids`, the same in
    training and in use."""
    return [b.hint == "pre" for b in blocks]


def stage2_feature_ids(
    probs: Sequence[float], facts: Sequence[Facts], listing: Sequence[bool] | None = None
) -> list[list[int]]:
    """Second-stage features: each line's own score among those of its neighbours
    (``listing``: which lines belong to a listing, see :func:`score_runs`)."""
    o = STAGE2_OFFSETS
    o_p, o_pp, o_pn, o_pp2, o_pn2 = o["p"], o["p_prev"], o["p_next"], o["p_prev2"], o["p_next2"]
    o_w5, o_w15, o_mb, o_ma, o_pxw, o_pxpn = (
        o["p_win5"],
        o["p_win15"],
        o["p_max_before"],
        o["p_max_after"],
        o["p_x_words"],
        o["p_x_prev_next"],
    )
    o_rr, o_rs, o_rxp, o_mg, o_mgxp, o_re = (
        o["run_rank"],
        o["run_share"],
        o["run_x_p"],
        o["main_gap"],
        o["main_gap_x_p"],
        o["run_edge"],
    )
    o_coh, o_cxw, o_cxp = o["cohesion"], o["cohesion_x_words"], o["cohesion_x_p"]
    n = len(probs)
    bins = [9 if p >= 0.9 else int(p * 10) for p in probs]
    max_before, max_after = _max_around(bins, 3, 10)
    pref = [0.0] * (n + 1)
    acc = 0.0
    for i, p in enumerate(probs):
        acc += p
        pref[i + 1] = acc
    run_of, shares, spans = score_runs(probs, facts, listing)
    order = sorted(range(len(shares)), key=lambda r: -shares[r])
    rank = {r: k for k, r in enumerate(order)}
    main_a, main_b = spans[order[0]] if order else (-1, -1)
    # the content words of the likely lines: in how many lines each is, and those in two
    # or more (a likely line's words are shared when another likely line has them too)
    vocab = Counter(
        t for p, f in zip(probs, facts, strict=False) if p >= RUN_THRESHOLD for t in set(f.content)
    )
    in_two = {t for t, count in vocab.items() if count > 1}

    def wmean(lo: int, hi: int) -> int:
        lo = lo if lo > 0 else 0
        hi = hi if hi < n else n
        m = (pref[hi] - pref[lo]) / (hi - lo) if hi > lo else 0.0
        return 9 if m >= 0.9 else int(m * 10)

    out: list[list[int]] = []
    for i in range(n):
        bi = bins[i]
        prev = bins[i - 1] if i >= 1 else 10
        nxt = bins[i + 1] if i + 1 < n else 10
        pv = 9 if prev == 10 else prev // 2
        nx = 9 if nxt == 10 else nxt // 2
        r = run_of[i]
        rk = 4 if r < 0 else min(rank[r], 3)
        if r < 0:
            share, edge = 5, 3
        else:
            sh = shares[r]
            share = (
                0 if sh <= 0.05 else 1 if sh <= 0.15 else 2 if sh <= 0.4 else 3 if sh <= 0.7 else 4
            )
            a, b = spans[r]
            edge = 0 if i == a else 1 if i == b else 2
        if main_a < 0:
            gap = 8
        elif main_a <= i <= main_b:
            gap = 0
        elif i < main_a:
            d = main_a - i
            gap = 1 if d <= 3 else 2 if d <= 10 else 3 if d <= 30 else 4
        else:
            d = i - main_b
            gap = 5 if d <= 3 else 6 if d <= 10 else 7
        f = facts[i]
        if f.content:
            content = set(f.content)
            others = in_two if probs[i] >= RUN_THRESHOLD else vocab
            shared = sum(map(others.__contains__, content)) / len(content)
            coh = (
                1
                if shared == 0
                else 2
                if shared <= 0.2
                else 3
                if shared <= 0.4
                else 4
                if shared <= 0.6
                else 5
                if shared <= 0.8
                else 6
            )
        else:
            coh = 0
        out.append(
            [
                0,
                o_p + bi,
                o_pp + prev,
                o_pn + nxt,
                o_pp2 + (bins[i - 2] if i >= 2 else 10),
                o_pn2 + (bins[i + 2] if i + 2 < n else 10),
                o_w5 + wmean(i - 5, i + 6),
                o_w15 + wmean(i - 15, i + 16),
                o_mb + max_before[i],
                o_ma + max_after[i],
                o_pxw + bi * 4 + f.cw,
                o_pxpn + pv * 10 + nx,
                o_rr + rk,
                o_rs + share,
                o_rxp + rk * 10 + bi,
                o_mg + gap,
                o_mgxp + gap * 10 + bi,
                o_re + edge,
                o_coh + coh,
                o_cxw + coh * 4 + f.cw,
                o_cxp + coh * 10 + bi,
            ]
        )
    return out
