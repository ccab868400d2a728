"""Features: cheap per-line facts, then the sparse binary features the model scores.

A line's facts (:class:`Facts`) are plain numbers and flags: length, stop-word
share in the page's language, punctuation, capitals, lexicon hits (share,
cookie, related... phrases), dates, credits, bylines, repetition. The model
sees them as *feature groups*: each group maps a line to one bin, and a line's
score is the sum of its bins' weights (a logistic regression over one-hot
bins, which is fast in pure Python and readable in ``--explain``).

Context groups describe where a line stands: how much prose surrounds it and
whether it lies in the page's main run of prose.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .languages import Language, tokens
from .model import Block
from .patterns import find_date, is_credit, starts_with_phrase

#: Phrase categories of the language files, in a fixed order (features use indexes).
CATEGORIES = (
    "share", "newsletter", "advert", "cookie", "navigation", "login", "legal",
    "related", "comments", "readmore",
)
_SENTENCE_END = frozenset(".!?…。！？")
_CLOSERS = frozenset("\"'”’»«)]")
_SEPARATORS_RE = re.compile(r"[|»›•·>]|\s[-–—]\s")
_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
#: A line is prose when it has at least this many words...
PROSE_MIN_WORDS = 10
#: ... and at least this share of stop words (or sentence punctuation, for CJK).
PROSE_MIN_STOP = 0.18
#: Lines of the main run may be this many lines apart.
MAIN_RUN_GAP = 8
#: Content words are compared by their first letters (a crude stem across inflections).
STEM = 6
#: The headline is looked for among this many first lines.
ANCHOR_SEARCH = 400


@dataclass(slots=True)
class Facts:
    """What is cheap to know of one line, alone."""

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
    content: tuple[str, ...] = ()
    dup: int = 1
    prose: bool = False

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


def line_facts(text: str, lang: Language) -> Facts:
    """The facts of one line."""
    toks = tokens(text)
    cjk_chars = len(_CJK_RE.findall(text)) if not text.isascii() else 0
    cjk = cjk_chars > len(text) * 0.3
    words = max(len(toks), cjk_chars // 2) if cjk else len(toks)
    stopwords = lang.stopwords
    stop = sum(1 for t in toks if t in stopwords)
    caps = sum(1 for t in text.split() if t[:1].isupper())
    letters = upper = digits = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            if ch.isupper():
                upper += 1
        elif ch.isdigit():
            digits += 1
    covered, cats = lang.phrases.match(toks) if len(toks) <= 40 else (0, {})
    short = len(toks) <= 16
    content = tuple(t[:STEM] for t in toks if len(t) >= 3 and t not in stopwords and not t.isdigit())
    return Facts(
        words=words,
        chars=len(text),
        stop=stop,
        end=_end_class(text),
        caps=caps,
        digits=digits,
        letters=letters,
        upper=upper,
        commas=text.count(",") + text.count("、") + text.count("，"),
        covered=covered,
        cats=cats,
        date=find_date(text, lang) if short else None,
        credit=is_credit(text, lang) if short else False,
        byline=starts_with_phrase(toks, lang.byline_prefixes) if len(toks) <= 14 else 0,
        separators=len(_SEPARATORS_RE.findall(text)) if len(text) < 400 else 0,
        cjk=cjk,
        content=content,
    )


def _is_prose(f: Facts, has_stopwords: bool) -> bool:
    if f.cjk:
        return f.chars >= 40 and f.end in (".", "!", "?")
    if f.words < PROSE_MIN_WORDS:
        return False
    if not has_stopwords:
        return f.end in (".", "!", "?") or f.commas >= 2
    return f.stop_share >= PROSE_MIN_STOP and f.cover_share < 0.5


def document_facts(blocks: Sequence[Block], lang: Language) -> list[Facts]:
    """Facts for every block, with the page-level ones (repetition, prose) filled in."""
    facts = [line_facts(b.text, lang) for b in blocks]
    seen = Counter(b.text.lower() for b in blocks)
    has_stop = bool(lang.stopwords)
    for b, f in zip(blocks, facts):
        f.dup = seen[b.text.lower()]
        f.prose = _is_prose(f, has_stop)
    return facts


@dataclass(frozen=True, slots=True)
class Context:
    """Page-level context of every line, computed once per page."""

    prose_before: list[int]  # prose lines among the previous 3 / 10 (packed: 3*100+10)
    prose_after: list[int]
    dist_before: list[int]  # lines since the last prose line (-1: none)
    dist_after: list[int]
    main_start: int  # index of the first line of the main run of prose (-1: none)
    main_end: int
    chars_before: list[float]  # share of the page's prose characters before the line
    has_blanks: bool
    total: int
    anchor: int  # the line repeating the page title (the headline), -1 if none
    title_words: frozenset[str]
    lexicon_near: list[int]  # lines within 3 either side that are mostly lexicon phrases
    headline_run: list[int]  # length of the run of headline-like lines holding the line (0: not one)
    prose_run: list[int]  # length of the run of prose lines holding the line (0: not prose)
    comment_near: list[int]  # comment-section marks (reply links, "says:", timestamps) within 3 lines


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


def page_context(blocks: Sequence[Block], facts: Sequence[Facts]) -> Context:
    n = len(facts)
    prose = [f.prose for f in facts]
    before3 = [0] * n
    before10 = [0] * n
    dist_before = [-1] * n
    last = -1
    for i in range(n):
        before3[i] = sum(prose[max(0, i - 3) : i])
        before10[i] = sum(prose[max(0, i - 10) : i])
        dist_before[i] = i - last if last >= 0 else -1
        if prose[i]:
            last = i
    after3 = [0] * n
    after10 = [0] * n
    dist_after = [-1] * n
    nxt = -1
    for i in range(n - 1, -1, -1):
        after3[i] = sum(prose[i + 1 : i + 4])
        after10[i] = sum(prose[i + 1 : i + 11])
        dist_after[i] = nxt - i if nxt >= 0 else -1
        if prose[i]:
            nxt = i
    total_prose = sum(f.chars for f in facts if f.prose) or 1
    chars_before: list[float] = []
    acc = 0
    for f in facts:
        chars_before.append(acc / total_prose)
        if f.prose:
            acc += f.chars
    start, end = _main_run(facts)
    anchor, title_words = _anchor(blocks, facts)
    lexical = [1 if f.cover_share >= 0.5 else 0 for f in facts]
    pref = [0]
    for x in lexical:
        pref.append(pref[-1] + x)
    lexicon_near = [pref[min(n, i + 4)] - pref[max(0, i - 3)] - lexical[i] for i in range(n)]
    marks = [1 if _comment_mark(b, f) else 0 for b, f in zip(blocks, facts)]
    pref = [0]
    for x in marks:
        pref.append(pref[-1] + x)
    comment_near = [pref[min(n, i + 4)] - pref[max(0, i - 3)] - marks[i] for i in range(n)]
    return Context(
        prose_before=[a * 100 + b for a, b in zip(before3, before10)],
        prose_after=[a * 100 + b for a, b in zip(after3, after10)],
        dist_before=dist_before,
        dist_after=dist_after,
        main_start=start,
        main_end=end,
        chars_before=chars_before,
        has_blanks=any(b.blank_before for b in blocks[1:]),
        total=n,
        anchor=anchor,
        title_words=title_words,
        lexicon_near=lexicon_near,
        headline_run=_runs([_headline_like(f) for f in facts]),
        prose_run=_runs(prose),
        comment_near=comment_near,
    )


def _headline_like(f: Facts) -> bool:
    """A short line that reads like a headline or link title, not a sentence."""
    return 3 <= f.words <= 20 and not f.prose and f.end not in (".", ",", ";", ":") and f.cover_share < 0.5


_SAYS_RE = re.compile(r"\b(?:says|sagt|schreibt|dit|dice|scrive|zegt|diz|pisze|skriver)\s*:\s*$", re.I)


def _comment_mark(b: Block, f: Facts) -> bool:
    """Marks of a reader-comment section: reply links, "Name says:", date-and-time lines."""
    if f.cats.get("comments", 0) and f.words <= 4:
        return True
    if f.words <= 8 and _SAYS_RE.search(b.text):
        return True
    return f.date is not None and f.words <= 10 and (":" in b.text or f.separators > 0)


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
        for k in range(i, j):
            out[k] = j - i
        i = j
    return out


_TITLE_PARTS_RE = re.compile(r"\s[|–—•·:»]\s|\s-\s|\s::\s")


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
    parts = [set(_content_of(p)) for p in _TITLE_PARTS_RE.split(blocks[0].text)]
    parts = [p for p in parts if len(p) >= 2]
    if not parts:
        return -1, frozenset()
    for i in range(1, min(len(blocks), ANCHOR_SEARCH)):
        words = set(facts[i].content)
        if not words or facts[i].words > 40:
            continue
        for part in parts:
            if len(words & part) >= 0.7 * len(part) and len(words & part) >= 0.5 * len(words):
                return i, frozenset(part)
    return -1, frozenset(max(parts, key=len))


def _content_of(text: str) -> list[str]:
    return [t[:STEM] for t in tokens(text) if len(t) >= 3 and not t.isdigit()]


# ---------------------------------------------------------------------------
# Binning. Each function maps a number to a small integer; groups combine them.

def bin_words(w: int) -> int:
    if w <= 3:
        return max(w - 1, 0)  # 0: 0-1 words, 1: 2, 2: 3
    if w <= 5:
        return 3
    if w <= 8:
        return 4
    if w <= 12:
        return 5
    if w <= 20:
        return 6
    if w <= 35:
        return 7
    if w <= 60:
        return 8
    return 9


def bin_coarse_words(w: int) -> int:
    return 0 if w <= 3 else 1 if w <= 8 else 2 if w <= 20 else 3


def bin_share(x: float, edges: tuple[float, ...]) -> int:
    for i, edge in enumerate(edges):
        if x <= edge:
            return i
    return len(edges)


STOP_EDGES = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5)
THIRDS = (0.0, 0.34, 0.67)
END_CLASSES = (".", "?", "!", ":", ";", ",", "digit", "letter", "other")
_END_INDEX = {name: i for i, name in enumerate(END_CLASSES)}
HINTS = ("", "h1", "h2", "h3", "h4", "li", "quote", "td", "pre", "figcaption", "nav", "aside",
         "footer", "header", "title", "form", "button", "dt", "dd", "caption", "address", "time")
_HINT_INDEX = {name: i for i, name in enumerate(HINTS)}


def bin_dist(d: int) -> int:
    if d < 0:
        return 7
    if d <= 2:
        return d  # 0 cannot happen (distance to another line); kept for a fixed size
    if d <= 4:
        return 3
    if d <= 8:
        return 4
    if d <= 16:
        return 5
    return 6


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


def bin_index(i: int) -> int:
    return i if i <= 3 else 4 if i <= 6 else 5 if i <= 12 else 6


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
    ("links", 5),
    ("bullet", 3),
    ("indent", 4),
    ("blanks", 5),
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
    ("dup_x_words", 12),
    ("comment_near", 4),
    ("comment_near_x_words", 16),
)
OFFSETS: dict[str, int] = {}
_offset = 0
for _name, _size in GROUPS:
    OFFSETS[_name] = _offset
    _offset += _size
N_FEATURES = _offset


def _prose_bin(packed: int) -> int:
    near, far = divmod(packed, 100)
    return min(near, 3) * 4 + (0 if far == 0 else 1 if far <= 2 else 2 if far <= 5 else 3)


def bin_anchor(i: int, anchor: int) -> int:
    if anchor < 0:
        return 0
    d = i - anchor
    if d < -10:
        return 1
    if d < 0:
        return 2
    if d == 0:
        return 3
    return 4 if d == 1 else 5 if d == 2 else 6 if d <= 5 else 7 if d <= 10 else 8 if d <= 25 else 9 if d <= 60 else 10


def _shape(f: Facts | None) -> int:
    """A neighbour's shape: coarse length x stop-word share (12 values; 12 = no neighbour)."""
    if f is None:
        return 12
    share = f.stop_share
    return bin_coarse_words(f.words) * 3 + (0 if share == 0 else 1 if share < 0.25 else 2)


def line_feature_ids(i: int, b: Block, f: Facts, ctx: Context,
                     prev: Facts | None = None, nxt: Facts | None = None) -> list[int]:
    """The active feature (bin) ids of line ``i``: one per group."""
    o = OFFSETS
    w = bin_words(f.words)
    s = 7 if f.cjk else bin_share(f.stop_share, STOP_EDGES)
    e = _END_INDEX[f.end]
    cw = bin_coarse_words(f.words)
    words = f.words or 1
    letters = f.letters or 1
    link_share = b.link_chars / max(len(b.text), 1)
    links = 0 if not b.links and not b.link_chars else 1 + bin_share(link_share, THIRDS[1:] + (0.9,))
    blanks = (1 + (2 if b.blank_before else 0) + (1 if b.blank_after else 0)) if ctx.has_blanks else 0
    pos = bin_position(i, ctx.main_start, ctx.main_end)
    db = bin_dist(ctx.dist_before[i])
    da = bin_dist(ctx.dist_after[i])
    ids = [
        o["bias"],
        o["words"] + w,
        o["stop"] + s,
        o["words_x_stop"] + w * 8 + s,
        o["end"] + e,
        o["end_x_words"] + e * 4 + cw,
        o["caps"] + bin_share(f.caps / words, THIRDS),
        o["upper"] + bin_share(f.upper / letters, (0.05, 0.3, 0.7)),
        o["digits"] + bin_share(f.digits / max(f.chars, 1), (0.0, 0.1, 0.3)),
        o["commas"] + min(f.commas, 3),
        o["cover"] + bin_share(f.cover_share, THIRDS),
    ]
    cats = f.cats
    for c in CATEGORIES:
        n = cats.get(c, 0)
        ids.append(o[f"cat_{c}"] + (0 if not n else bin_share(n / words, THIRDS[1:]) + 1))
    ids += [
        o["date"] + (0 if f.date is None else 1 if f.words <= 8 else 2),
        o["credit"] + (1 if f.credit else 0),
        o["byline"] + (0 if not f.byline else 1 if f.words <= 6 else 2),
        o["separators"] + min(f.separators, 3),
        o["dup"] + min(f.dup, 3) - 1,
        o["links"] + links,
        o["bullet"] + (0 if not b.bullet else 1 if cw <= 1 else 2),
        o["indent"] + (0 if b.indent == 0 else 1 if b.indent <= 4 else 2 if b.indent <= 12 else 3),
        o["blanks"] + blanks,
        o["hint"] + _HINT_INDEX.get(b.hint, 0),
        o["first"] + bin_index(i),
        o["rel_pos"] + min(int(i * 10 / max(ctx.total, 1)), 9),
        o["main"] + pos,
        o["main_x_words"] + pos * 4 + cw,
        o["main_x_stop"] + pos * 8 + s,
        o["prose_before"] + _prose_bin(ctx.prose_before[i]),
        o["prose_after"] + _prose_bin(ctx.prose_after[i]),
        o["dist_before"] + db,
        o["dist_after"] + da,
        o["dist_x_words"] + min(db, da) * 8 + min(w, 7),
        o["chars_before"] + bin_share(ctx.chars_before[i], (0.0, 0.1, 0.5, 0.9, 0.999)),
        o["cjk"] + (1 if f.cjk else 0),
        o["after_image"] + (1 if b.after_image else 0),
        o["in_main"] + (0 if b.in_main is None else 1 if b.in_main else 2),
    ]
    an = bin_anchor(i, ctx.anchor)
    if ctx.title_words and f.content:
        overlap = sum(1 for t in f.content if t in ctx.title_words) / len(f.content)
        tover = 1 + bin_share(overlap, (0.0, 0.25, 0.5))
    else:
        tover = 0
    near = min(ctx.lexicon_near[i], 3)
    cover = bin_share(f.cover_share, THIRDS)
    ids += [
        o["anchor"] + an,
        o["anchor_x_words"] + an * 4 + cw,
        o["title_overlap"] + tover,
        o["lexicon_near"] + near,
        o["lexicon_near_x_cover"] + near * 4 + cover,
        o["prev_shape"] + _shape(prev),
        o["next_shape"] + _shape(nxt),
        o["prev_end"] + (9 if prev is None else _END_INDEX[prev.end]),
        o["next_end"] + (9 if nxt is None else _END_INDEX[nxt.end]),
    ]
    hr = _run_bin(ctx.headline_run[i])
    cn = min(ctx.comment_near[i], 3)
    ids += [
        o["headline_run"] + hr,
        o["headline_run_x_main"] + hr * 10 + pos,
        o["prose_run"] + _run_bin(ctx.prose_run[i]),
        o["dup_x_words"] + (min(f.dup, 3) - 1) * 4 + cw,
        o["comment_near"] + cn,
        o["comment_near_x_words"] + cn * 4 + cw,
    ]
    return ids


def _run_bin(length: int) -> int:
    return 0 if length == 0 else 1 if length == 1 else 2 if length == 2 else 3 if length <= 4 else 4


def page_features(blocks: Sequence[Block], facts: Sequence[Facts]) -> list[list[int]]:
    """Stage-one feature ids of every line of a page."""
    ctx = page_context(blocks, facts)
    n = len(facts)
    return [
        line_feature_ids(i, b, f, ctx, facts[i - 1] if i else None, facts[i + 1] if i + 1 < n else None)
        for i, (b, f) in enumerate(zip(blocks, facts))
    ]


# --- stage 2: a line among its neighbours' first-stage scores --------------------

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
STAGE2_OFFSETS: dict[str, int] = {}
_offset = 0
for _name, _size in STAGE2_GROUPS:
    STAGE2_OFFSETS[_name] = _offset
    _offset += _size
N_STAGE2 = _offset


def _pbin(p: float) -> int:
    return min(int(p * 10), 9)


#: Lines scored at least this by the first stage form runs...
RUN_THRESHOLD = 0.5
#: ... which may hold gaps of this many lines.
RUN_GAP = 3


def score_runs(probs: Sequence[float], facts: Sequence[Facts]) -> tuple[list[int], list[float], list[tuple[int, int]]]:
    """Runs of likely article lines: each line's run (-1: none), the runs' shares, their spans.

    A run is a stretch of lines scored at least RUN_THRESHOLD with gaps of at
    most RUN_GAP lines; its weight is the characters of its likely lines. The
    article is usually the heaviest run; teasers and comments form small ones.
    """
    n = len(probs)
    run_of = [-1] * n
    spans: list[tuple[int, int]] = []
    weights: list[float] = []
    last = -10**9
    for i in range(n):
        if probs[i] < RUN_THRESHOLD:
            continue
        if i - last > RUN_GAP + 1 or not spans:
            spans.append((i, i))
            weights.append(0.0)
        else:
            spans[-1] = (spans[-1][0], i)
        weights[-1] += facts[i].chars * probs[i]
        last = i
    for r, (a, b) in enumerate(spans):
        for i in range(a, b + 1):
            run_of[i] = r
    total = sum(weights) or 1.0
    return run_of, [w / total for w in weights], spans


def stage2_feature_ids(probs: Sequence[float], facts: Sequence[Facts]) -> list[list[int]]:
    """Second-stage features: each line's own score among those of its neighbours."""
    o = STAGE2_OFFSETS
    n = len(probs)
    run_of, shares, spans = score_runs(probs, facts)
    vocab: Counter[str] = Counter()
    for p, f in zip(probs, facts):
        if p >= RUN_THRESHOLD:
            vocab.update(set(f.content))
    order = sorted(range(len(shares)), key=lambda r: -shares[r])
    rank = {r: k for k, r in enumerate(order)}
    main = order[0] if order else -1
    bins = [_pbin(p) for p in probs]
    # prefix sums for window means
    pref = [0.0]
    for p in probs:
        pref.append(pref[-1] + p)

    def mean(lo: int, hi: int) -> float:
        lo, hi = max(lo, 0), min(hi, n)
        return (pref[hi] - pref[lo]) / (hi - lo) if hi > lo else 0.0

    out: list[list[int]] = []
    for i in range(n):
        prev = bins[i - 1] if i >= 1 else 10
        nxt = bins[i + 1] if i + 1 < n else 10
        prev2 = bins[i - 2] if i >= 2 else 10
        nxt2 = bins[i + 2] if i + 2 < n else 10
        mb = max(probs[max(0, i - 3) : i], default=-1.0)
        ma = max(probs[i + 1 : i + 4], default=-1.0)
        pv = 10 if prev == 10 else prev // 2
        nx = 10 if nxt == 10 else nxt // 2
        out.append([
            o["bias"],
            o["p"] + bins[i],
            o["p_prev"] + prev,
            o["p_next"] + nxt,
            o["p_prev2"] + prev2,
            o["p_next2"] + nxt2,
            o["p_win5"] + _pbin(mean(i - 5, i + 6)),
            o["p_win15"] + _pbin(mean(i - 15, i + 16)),
            o["p_max_before"] + (10 if mb < 0 else _pbin(mb)),
            o["p_max_after"] + (10 if ma < 0 else _pbin(ma)),
            o["p_x_words"] + bins[i] * 4 + bin_coarse_words(facts[i].words),
            o["p_x_prev_next"] + min(pv, 9 if pv < 10 else 9) * 10 + min(nx, 9),
        ])
        r = run_of[i]
        rk = 4 if r < 0 else min(rank[r], 3)
        share = 5 if r < 0 else bin_share(shares[r], (0.05, 0.15, 0.4, 0.7))
        if main < 0:
            gap = 8
        else:
            a, b = spans[main]
            if a <= i <= b:
                gap = 0
            elif i < a:
                gap = 1 if a - i <= 3 else 2 if a - i <= 10 else 3 if a - i <= 30 else 4
            else:
                gap = 5 if i - b <= 3 else 6 if i - b <= 10 else 7
        if r < 0:
            edge = 3
        else:
            a, b = spans[r]
            edge = 0 if i == a else 1 if i == b else 2
        out[-1].extend((
            o["run_rank"] + rk,
            o["run_share"] + share,
            o["run_x_p"] + rk * 10 + bins[i],
            o["main_gap"] + gap,
            o["main_gap_x_p"] + gap * 10 + bins[i],
            o["run_edge"] + edge,
        ))
        content = set(facts[i].content)
        if not content:
            coh = 0
        else:
            own = probs[i] >= RUN_THRESHOLD
            shared = sum(1 for t in content if vocab[t] > (1 if own else 0))
            coh = 1 + bin_share(shared / len(content), (0.0, 0.2, 0.4, 0.6, 0.8))
            coh = min(coh, 6)
        out[-1].extend((
            o["cohesion"] + coh,
            o["cohesion_x_words"] + coh * 4 + bin_coarse_words(facts[i].words),
            o["cohesion_x_p"] + coh * 10 + bins[i],
        ))
    return out


FeatureFn = Callable[[int, Block, Facts, Context], list[int]]
