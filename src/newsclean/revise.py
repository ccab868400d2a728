"""Revise: final labels in context, with the reason for each.

The model says which lines are article text. This pass decides, with the page
around each line, what every line is: the title, the byline and the date in the
article's header; subheadings inside the text; captions (a line repeated with a
credit appended is one caption with that credit); credits; related-article
lists after a related header; and boilerplate, with the reason it was dropped.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import pairwise
from operator import mul
from pathlib import Path
from urllib.parse import urlsplit

from .classify import Scores
from .features import Facts
from .languages import Language, first_token, folded, tokens
from .metadata import (
    BIO_WORDS,
    LIST_NUMBER_RE,
    find_article_date,
    find_byline,
    is_job_title,
    leading_name,
    without_list_number,
)
from .model import Block, Label, Link
from .patterns import (
    MARKER_STRIP,
    bare_credit,
    bracketed_non_credit,
    credit_like,
    credit_rest,
    credit_suffix,
    find_date,
    has_time,
    is_credit,
    picture_by,
    site_copyright,
    starts_with_phrase,
)

#: How far before the first body line the title may be (lines).
TITLE_WINDOW = 25
#: A headline (a line, or the title a page's markup declares) has at most this many words.
TITLE_MAX_WORDS = 40
#: A line repeats the page title when their words overlap this much (Jaccard).
TITLE_MIN_SIMILARITY = 0.6
#: A line of at most this many words repeating the page title gives way to a ranked
#: headline below it scoring this much over the ranker's threshold.
SHORT_REPEAT_WORDS = 3
SHORT_REPEAT_MARGIN = 1.0
#: Without a page title, a ranked headline this far over the ranker's threshold, between
#: an h1 and the text, is the headline rather than the h1.
H1_RANKED_MARGIN = 1.0
#: ... when the h1 may name the site: it links to the site's home page, or it has at
#: most this many words.
SITE_H1_WORDS = 3
#: Of several h1s, the one naming the article comes at most this many lines into the text.
H1_AFTER_START = 3
#: A line saying another part of the page title at least this many lines after the line
#: repeating it (and before the article) is the headline, the repeat the site's name.
TITLE_PART_GAP = 5
#: A ranked line starting with the page title's main part of at least this many words
#: runs on after the headline: the headline is that part.
RUN_ON_MIN_WORDS = 3
#: A headline run together with a label or a date ("Apple Cake Dessert") has at least
#: this many words.
RUN_IN_MIN_WORDS = 2
#: A separator where a headline meets the rest of its line: a subtitle or a kicker set
#: apart, not run together with it.
_RUN_IN_END_RE = re.compile(r"[:|–—•·»›/-]$")
_RUN_IN_START_RE = re.compile(r"[:|–—•·»›/-]")
#: A ranked line must beat the page title, itself a candidate, by more than this.
PAGE_TITLE_TIE = 0.25
#: A line of at most this many words ending with "by" and a name is a byline.
BYLINE_MAX_WORDS = 6
#: A line holding this many bars or more is a menu, no headline candidate.
MENU_BARS = 3
#: The repeat of the page title is looked for at most this many lines into the text.
TITLE_AFTER_START = 10
#: Headline features: the words of this many first paragraphs are compared with it.
TITLE_TEXT_LINES = 5
#: A line ending with a full stop at the text's start is a headline candidate only when
#: it has at most this many words and a byline or a date follows it.
DOTTED_HEADLINE_WORDS = 12
#: Headline candidates without a page title: up to this many lines into the text.
TITLE_AFTER_END = 8
#: The headline ranker's weights, trained by ``training/title.py``.
TITLE_RANKER_PATH = Path(__file__).parent / "data" / "title.json"
#: How far down the page the line repeating the page title is looked for.
ANCHOR_LIMIT = 400
#: Inside the article's main span, lines scored at least this are article text.
INSIDE_THRESHOLD = 0.4
#: The main span grows over lines scored at least INSIDE_THRESHOLD this many lines away.
GROW_GAP = 2
#: A run of text lines apart from the main span weighing this share of it or more (the
#: article's later part): its paragraphs of SIDE_RUN_WORDS words or more take the
#: span's threshold, when near its topic.
SIDE_RUN_SHARE = 0.2
SIDE_RUN_WORDS = 20
#: A list of at least this many items (one bullet mark, no blank line between) with at
#: least SPAN_LIST_OVERLAP of them inside the main span is the article's own list.
SPAN_LIST_MIN = 6
#: A line of a tiny page is compared with at most this many kept lines alike to it.
SIBLINGS_COMPARED = 8
SPAN_LIST_OVERLAP = 3
#: A numbered list the text announces ("... were as follows:") has at least this many
#: items, each of at most COLON_LIST_ITEM_WORDS words.
COLON_LIST_MIN = 3
COLON_LIST_ITEM_WORDS = 30
#: An announcing line has at least this many words.
COLON_LEAD_WORDS = 5
#: A prose lead at most this many lines before the main span, scored at least
#: LEAD_THRESHOLD, is article text.
LEAD_GAP = 4
LEAD_THRESHOLD = 0.25
#: A box's header left last in the text has at most this many words.
BOX_HEADER_MAX_WORDS = 8
#: What ends a paragraph's last sentence.
_SENTENCE_ENDS = (".", "!", "?", "…", '"', "”", "“", "»", "«", ")")
#: A page laid out by indents has lines at this many depths at least.
INDENT_DEPTHS = 3
#: A paragraph scored at least this, in the same box as a paragraph of the text right
#: above or below it, is text too.
BOX_THRESHOLD = 0.4
#: A standfirst further above the span (see Reviser._standfirst) has at most this many
#: words, and at least this share of its topic words in the span.
STANDFIRST_MAX_WORDS = 80
STANDFIRST_SHARE = 0.3
#: A line of the text that repeats the headline (of at most this many words) is no text.
HEADLINE_MAX_WORDS = 40
#: A line with a file's type and size is a download link, up to this many words.
DOWNLOAD_MAX_WORDS = 25
#: An author's bio naming a job is looked for among the text's last paragraphs (this
#: many), in lines of at most BIO_MAX_WORDS words, in the words after the name.
BIO_LAST_PARAGRAPHS = 2
BIO_MAX_WORDS = 80
BIO_ROLE_WINDOW = 12
#: A box about the author or the site: its header has at most ABOUT_HEADER_WORDS words;
#: below it, at most ABOUT_SKIP short lines (a name, a job), then at most ABOUT_MAX_LINES
#: prose paragraphs of at most ABOUT_MAX_WORDS words are the box's text.
ABOUT_HEADER_WORDS = 5
ABOUT_SKIP = 2
ABOUT_MAX_LINES = 2
ABOUT_MAX_WORDS = 120
#: A header opening with a related phrase has at most this many words.
RELATED_HEADER_WORDS = 6
#: Captions are looked for from this many lines before the article's start.
CAPTION_BEFORE = 12
#: A line just outside the text's main span that ends with a credit is a caption when it
#: has at most this many words.
CAPTION_LEAD_WORDS = 40
#: A single sentence scored as text, set apart from the text and followed by a picture
#: credit, is a caption when it has at most this many words.
CAPTION_SENTENCE_WORDS = 40
#: ... and one between two credits (a gallery's) at most this many words.
GALLERY_CAPTION_WORDS = 60
#: A credit's head ("Foto:", "Photo courtesy:") ends within this many characters.
CREDIT_HEAD_CHARS = 25
#: Marks that set a credit apart from the caption before it.
_CREDIT_SETTERS = frozenset(".!?)]»«“”\"'|/–—-(,;")
#: Body lines of one run may be this many lines apart.
RUN_GAP = 4
#: A line that is no prose weighs at most this many characters in the search for the
#: main span (a long list run together on one line, the options of a form's menu,
#: must not outweigh the paragraphs of the article).
LIST_LINE_WEIGHT = 200
#: Beyond the main span, a line of at least this many words that is no prose is a list
#: run together, when the text's own lines have LIST_TEXT_STOP_SHARE stop words or more.
LIST_LINE_MIN_WORDS = 40
LIST_TEXT_STOP_SHARE = 0.25
#: A line that says the same words over has at least this many words in each copy, and
#: at most this many characters in all.
REPEAT_MIN_WORDS = 3
REPEAT_MAX_CHARS = 400
#: A picture gallery printed in the text has at least this many numbered slides.
GALLERY_MIN_SLIDES = 3
#: Titles cut off with an ellipsis ("23 things every fan of the show…"): at most this
#: many words each, at least CUT_TITLES_MIN of them, at most CUT_TITLES_GAP lines apart.
CUT_TITLE_MAX_WORDS = 14
CUT_TITLES_MIN = 3
CUT_TITLES_GAP = 2
#: Numbered steps of instructions ("Step 1" ... "Step 9", each above its text): at least
#: STEPS_MIN headers of at most STEP_MAX_WORDS words, numbered one by one from 1, at
#: most STEP_GAP lines apart.
STEPS_MIN = 3
STEP_MAX_WORDS = 8
STEP_GAP = 12
#: A short line with a date under a picture is its author's name and date ("Anna Berg
#: Zuletzt geändert am 06.11.2023"), not a caption.
CAPTION_DATED_NAME_WORDS = 8
#: Below a list of at least RELATED_LIST_MIN related links after the article, only runs
#: of LONG_RUN_MIN body lines or more are article text (a part of the article after a
#: list in its middle), not single teasers...
RELATED_LIST_MIN = 4
#: A sentence under a related title is its teaser when the next title follows within
#: this many lines.
TEASER_NEXT_TITLE = 3
LONG_RUN_MIN = 3
#: ... or lines scored at least this (the article's last paragraph after a box of links).
AFTER_LIST_THRESHOLD = 0.8
#: A box of related headlines set into the text: at most this many titles (and its
#: header); a longer list closes the article (see RELATED_LIST_MIN).
INSET_LIST_MAX = 4
#: ... and a line after the paragraph of this many words, no sentence, is another title.
INSET_TITLE_WORDS = 4
#: A paragraph beyond the main span between two paragraphs taken as text (each at most
#: RUN_GAP lines away), scored at least INSIDE_THRESHOLD, is text too when this share
#: of its topic words are the span's.
SANDWICH_TOPIC_SHARE = 0.35
#: Paragraphs between the text's: at most this many in a row, of at least this many
#: words, with only lines of at most SANDWICH_SHORT_WORDS words (no prose) between;
#: scored LEAD_THRESHOLD or more, or, with SANDWICH_LONG_WORDS words or more (a long
#: story's paragraph the model doubts), SANDWICH_LONG_THRESHOLD or more.
SANDWICH_MAX = 12
SANDWICH_MIN_WORDS = 15
SANDWICH_SHORT_WORDS = 12
SANDWICH_LONG_WORDS = 40
SANDWICH_LONG_THRESHOLD = 0.15
#: A news ticker: at least this many lines opening with a clock time, at most this many
#: lines apart.
TICKER_MIN = 5
TICKER_GAP = 8
#: A clock time opening a line ("14:32", "9h05", "14.32 Uhr", "2:30 PM"), then a space or
#: the end (a point between the figures only before "Uhr": "12.50" may be a price).
_CLOCK_RE = re.compile(
    r"(?:[01]?\d|2[0-3])(?:[:h][0-5]\d(?:\s?[AaPp]\.?[Mm]\.?)?|\.[0-5]\d\s?Uhr)(?:\s|$)"
)
#: Runs of text beyond the main span (more than LEAD_GAP lines away) that share almost
#: none of its words (less than OFF_TOPIC_SHARE of their content words, at least
#: OFF_TOPIC_MIN_WORDS of them) and that the model is not sure of (no line scored
#: OFF_TOPIC_MAX_SCORE or more) are other articles' teasers, a ticker, promotions, when
#: the page holds OFF_TOPIC_MIN_RUNS of them or more and the span has at least
#: OFF_TOPIC_SPAN_WORDS words to compare with.
OFF_TOPIC_SHARE = 0.15
OFF_TOPIC_MIN_WORDS = 8
OFF_TOPIC_MAX_SCORE = 0.9
OFF_TOPIC_MIN_RUNS = 3
OFF_TOPIC_SPAN_WORDS = 200
#: The headline's words count as the topic's when it stands at most this many lines
#: above the main span.
OFF_TOPIC_TITLE_GAP = 30
#: The header of the readers' comments ("Leave a reply", "Comments (12)") has at most
#: this many words.
COMMENTS_HEADER_WORDS = 6
#: This many lone comment buttons of one text ("Reply") below the text mark readers'
#: comments.
COMMENT_BUTTONS = 3
#: How far after the last body line credits and bylines still belong to the article.
TAIL_WINDOW = 6
#: A caption repeated with a credit appended: the credit has at most this many words.
MAX_CREDIT_WORDS = 10
#: Related lists: items have at least this many words, and the run ends after this many misses.
RELATED_MIN_WORDS = 3
RELATED_MAX_GAP = 3
RELATED_MAX_ITEMS = 30
#: A related header's list packed without blank lines: its least items and longest item.
PACKED_LIST_MIN = 3
PACKED_ITEM_MAX_WORDS = 50
#: A lone read-more button under a teaser box has at most this many words.
TEASER_BUTTON_WORDS = 3
#: Paragraphs set apart by blank lines: at least this many long prose lines to tell.
PARAGRAPHED_MIN = 3
#: A tag list ("Tags: Berlin, Verkehr") holds at most this many lines of this many words.
TAG_MAX_ITEMS = 40
TAG_MAX_WORDS = 12
#: A line of tags after its header ("Tags: Berlin, Verkehr, Radwege") has at most this
#: many words.
TAG_LINE_MAX_WORDS = 60
#: A heading-like line between two body lines is kept when scored at least this.
HEADING_INSIDE_THRESHOLD = 0.2
#: A run of at least FIELD_RUN_MIN "Label: value" lines (each of at most FIELD_MAX_WORDS
#: words) between two prose paragraphs of the text is a fact box or an outfit's, a
#: device's spec list inside it; runs are looked at up to FIELD_RUN_MAX lines long.
FIELD_RUN_MIN = 2
FIELD_RUN_MAX = 12
FIELD_MAX_WORDS = 8
#: With no line scored as text, the lines scoring at least this share of the best
#: remaining one become the body.
FALLBACK_SHARE = 0.5
#: ... and have at least this many words (or read as prose): menu items never do.
FALLBACK_MIN_WORDS = 3
#: A page's only line, taken as its headline, is its text when it has this many words.
FALLBACK_TITLE_WORDS = 12
#: A line of at least this many words with fewer stop words than this share, and no
#: sentence end, is a keyword list (tags, a tag cloud), not article text.
KEYWORDS_MIN_WORDS = 15
KEYWORDS_MAX_STOP_SHARE = 0.08
#: A page is already clean text when this share of its lines are prose of at least
#: CLEAN_TEXT_WORDS words.
CLEAN_TEXT_SHARE = 0.6
CLEAN_TEXT_WORDS = 15
#: Subheadings: at most this many words.
HEADING_MAX_WORDS = 20

#: Headline features: the line's position from the article's start, its word count (bins)...
_TITLE_POSITION_EDGES = (-16, -8, -4, -3, -2, -1, 0, 1, 2)
_TITLE_WORD_EDGES = (1, 3, 7, 12, 20)
#: ... and then these, in this order (their weights in ``data/title.json``).
TITLE_FEATURES = (
    *(f"position<={e}" for e in _TITLE_POSITION_EDGES),
    "position>2",
    *(f"position from the first prose line<={e}" for e in _TITLE_POSITION_EDGES),
    "position from the first prose line>2",
    *(f"words<={e}" for e in _TITLE_WORD_EDGES),
    "words>20",
    "ends with .",
    "ends with ?",
    "ends with !",
    "ends with :",
    "h1",
    "h2 or h3",
    "h4 to h6",
    "byline or date follows",
    "repeated",
    "repeated 3 times or more",
    "upper case",
    "covered share",
    "stop word share",
    "digit share",
    "text score",
    "text score squared",
    "blank line before (against the page's share)",
    "blank line after (against the page's share)",
    "list item",
    "indented (against the page's share)",
    "link share",
    "prose follows",
    "prose precedes",
    "short line follows",
    "short line precedes",
    "held in the first line",
    "first line",
    "separators",
    "has a date",
    "capitalised share",
    "inside the text",
    "words found in the first paragraphs",
    "two commas or more",
    "ends with a credit",
    "starts with a list number",
    "looks like a domain name",
    "comma-separated words",
    "most words found in the first paragraphs",
    "holds another candidate",
    "held in another candidate",
    "text words found (up to 6)",
    "quoted inside other lines",
    "candidate precedes",
    "candidate follows",
    "longer line follows",
    "shorter candidate precedes",
    "longer sentence follows",
    "less indented than the next line",
    "less indented than the text",
    "more indented than the text",
    "list item precedes",
    "list item follows",
    "no list item between it and the text",
    "starts with a lower-case letter",
)

#: A web address standing for a site's name ("example.com", "www.example.de").
_DOMAIN_RE = re.compile(r"(?:^|\s)(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}/?(?:\s|$)")

#: The separators before a date appended to a line's repeat.
_DATE_SUFFIX_SEPARATORS = " /|,·•–—-"


def _dated_repeat(suffix: str, following: Facts) -> bool:
    """Whether a line repeated below with a date appended is an author's name repeated
    in the byline ("Anna Berg" / "Anna Berg / 22.04.2020 / 06:15 / Foto: dpa"), not a
    caption repeated with its credit."""
    return following.date is not None and suffix.lstrip(_DATE_SUFFIX_SEPARATORS)[:1].isdigit()


#: A notice the server printed above the page ("Warning: ... in /path/file.php on line 299").
_SERVER_NOTICE_RE = re.compile(
    r"(?:PHP )?(?:Warning|Notice|Deprecated|Strict Standards|Fatal error|Parse error):"
    r" .* on line \d+"
)
#: At most this many server notices are skipped at the top of a page.
MAX_NOTICES = 50

#: The separators of a breadcrumb trail ("Home » News » Headline", "Home >> Recipes >> ...").
_BREADCRUMB_RE = re.compile(r"\s+(?:»|›|››|>>|>)\s+")
#: "4. Headline", "2) Headline": a numbered list's item.

#: A line's head in brackets ("[ 26. Februar 2020 ] ...").
_BRACKETED_HEAD_RE = re.compile(r"[\[(]\s*([^\[\]()]{4,40}?)\s*[\])]\s")
_TEASER_SEP_RE = re.compile(r"\s*[:|»›>]\s+|\s[-–—]\s")
#: A page title's separators that a sentence does not use: a first line ending with a
#: full stop holding one is still the page title ("Fog. | My blog", "Ferries » Harbour e.V.").
_SITE_SEPARATOR_RE = re.compile(r"\s(?:[|•·»]|::)\s")
_TITLE_SPLIT_RE = re.compile(r"\s+[|–—•·:»›]\s+|\s+-\s+|\s+::\s+")
#: A kicker set before its headline with a spaced colon ("Klimaschutz : Bohren, bis es
#: heiß wird"): the two were apart in the page, the colon a separator of their own. A
#: page whose prose puts a space before its marks (French typography) is left alone.
_SPACED_COLON_RE = re.compile(r"\s+:\s+")
_SPACED_MARK_RE = re.compile(r"\w\s[:;?!](?:\s|$)")
_SPACED_END_RE = re.compile(r"\w\s[;?!](?:\s|$)")
#: ... the headline after it has at least this many words.
SPACED_KICKER_MIN_WORDS = 3
#: A section's name (one to three words, with a letter) set before a headline with a
#: bar, the one bar of the line: "Local News | Headline", a section link run into the
#: headline's element (a page title's "Headline | Site" puts the name after it).
_BAR_KICKER_RE = re.compile(r"\A([^\s|]+(?: [^\s|]+){0,2}) \| ([^|]+)\Z")
#: ... the headline after it has at least this many words.
BAR_KICKER_HEAD_WORDS = 4


@dataclass(slots=True)
class Labelling:
    """Labels and reasons being built for one page, plus what they carry."""

    labels: list[Label]
    reasons: list[str]
    title: str | None = None
    byline: str | None = None
    authors: list[str] = field(default_factory=list)
    date: str | None = None
    captions: list[tuple[str, str | None]] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)
    related: list[tuple[str, str | None]] = field(default_factory=list)
    body: list[int] = field(default_factory=list)
    headings: set[int] = field(default_factory=set)

    def set(self, i: int, label: Label, reason: str) -> None:
        self.labels[i] = label
        self.reasons[i] = reason


def _one_hot(value: float, edges: Sequence[float]) -> list[float]:
    """One 1.0 in the bin of ``value`` (bins end at ``edges``; one more bin past the last)."""
    out = [0.0] * (len(edges) + 1)
    k = 0
    while k < len(edges) and value > edges[k]:
        k += 1
    out[k] = 1.0
    return out


@lru_cache(maxsize=1)
def load_title_ranker(path: Path = TITLE_RANKER_PATH) -> tuple[tuple[float, ...], float, float]:
    """The headline ranker: a weight per :data:`TITLE_FEATURES`, the score a headline
    needs, and the score it needs to be taken over a page title naming its site."""
    with path.open(encoding="utf-8") as fh:
        data = json.load(fh)
    weights = data["weights"]
    if [name for name, _ in weights] != list(TITLE_FEATURES):
        raise ValueError(f"{path}: its features are not the ones this version computes")
    return (
        tuple(float(w) for _, w in weights),
        float(data["threshold"]),
        float(data["over_page_title"]),
    )


def _words(text: str) -> set[str]:
    return set(tokens(text))


def _similarity(a: str, b: str) -> float:
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / len(wa | wb)


def _containment(a: str, b: str) -> float:
    """How much two texts hold each other: the smaller of the two shares of common words."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return 0.0
    common = len(wa & wb)
    return min(common / len(wa), common / len(wb))


def _numbered_siblings(a: str, b: str) -> bool:
    """Whether two lines say the same words but for their numbers ("Test case 1" and
    "Test case 2", "Part 3 of the series" and "Part 4 of the series"): items of one
    list, neither a repeat of the other."""
    wa, wb = _words(a), _words(b)
    only_a, only_b = wa - wb, wb - wa
    return (
        bool(only_a and only_b and wa & wb)
        and all(w.isdigit() for w in only_a)
        and all(w.isdigit() for w in only_b)
    )


def _title_key(text: str) -> str:
    """A title as compared with another: lower case, dashes alike, spaces collapsed."""
    return " ".join(text.lower().replace("–", "-").replace("—", "-").split())


def _links_home(b: Block) -> bool:
    """Whether a line links to a site's home page ("[Gnaur](https://gnaur.example/)")."""
    for link in b.links:
        try:
            path = urlsplit(link.url).path
        except ValueError:
            continue
        if path.strip("/") == "" or (not path.startswith("/") and "/" not in path):
            return True
    return False


def _page_title_parts(text: str) -> list[str]:
    parts = [p.strip() for p in _TITLE_SPLIT_RE.split(text) if p.strip()]
    return parts or [text]


#: A download link's file type and size ("Bericht (PDF, 298 KB)", "PDF | 38 KB").
_DOWNLOAD_RE = re.compile(
    r"\b(?:PDF|DOCX?|XLSX?|PPTX?|OD[TSP]|RTF|CSV|ZIP|EPUB|MP3|MP4)\b[^\w\n]{1,4}"
    r"\d+(?:[.,]\d+)?\s?(?:[kKMG]i?B|[KMG]o)\b"
)


def _opens_with(text: str, name: str, turns: bool) -> bool:
    """Whether a line opens with a name, in any case ("ANNA BERG writes ..." in small
    capitals); with ``turns``, not as a speaker's turn in an interview ("Anna Berg: Ich
    glaube, ...")."""
    if not (text.startswith(name) or text[: len(name)].lower() == name.lower()):
        return False
    return not (turns and text[len(name) :].lstrip().startswith(":"))


def _boilerplate_reason(f: Facts, b: Block, p: float) -> str:
    if _phrase_line(f):
        return f"{max(f.cats, key=lambda c: f.cats[c])} phrase"
    if f.lead in _CALL_TO_ACTION or (f.lead == "related" and f.words <= RELATED_LEAD_WORDS):
        return f"opens with a {f.lead} phrase, p={p:.2f}"
    if b.link_chars and b.link_chars >= 0.7 * len(b.text):
        return f"link line, p={p:.2f}"
    if f.dup > 1:
        return f"repeated {f.dup} times on the page, p={p:.2f}"
    if f.words <= 3:
        return f"short line outside the text, p={p:.2f}"
    if f.prose:
        return f"prose outside the main text, p={p:.2f}"
    return f"not article text, p={p:.2f}"


#: A sentence end: punctuation after a word (not after a digit: "0.4.3"). The first
#: class excludes the punctuation itself, so a long run of it is scanned once.
_SENTENCE_END_RE = re.compile(r"[^\d\s.!?…][.!?…]+(?:\s|$)")


def _ends_sentence(text: str) -> bool:
    """Whether a line ends with a sentence's punctuation (before closing quotes or
    brackets): a paragraph's end, not a headline's."""
    end = text.rstrip().rstrip("\"'\u201d\u2019\u00bb)]")
    return len(end) > 1 and end[-1] in ".!?\u2026" and not end[-2].isdigit()


_CODE_OR_TABLE_RE = re.compile(r"[=(){}\[\]#<>/\\:;€$%]")


def _holders_and_held(texts: Sequence[str]) -> tuple[set[str], set[str]]:
    """The texts that hold another of ``texts`` (non-empty, different, shorter), and
    those held in another (longer) one.

    The distinct texts are joined by newlines (which no text contains): a text is held
    in a longer one exactly when it occurs in the joined string more often than once
    (its own place), so only those few are matched against the others, not every pair.
    """
    distinct = list(dict.fromkeys(t for t in texts if t))
    joined = "\n".join(distinct)
    held: set[str] = set()
    holders: set[str] = set()
    for t in distinct:
        if joined.count(t) > 1:
            held.add(t)
            holders.update(o for o in distinct if len(o) > len(t) and t in o)
    if distinct:
        held.add("")  # an empty text is held in any other
    return holders, held


def _no_list_item_before(blocks: Sequence[Block], idx: Sequence[int], lead: int) -> list[bool]:
    """For each line of ``idx``, whether no list item stands between it and line ``lead``
    (the last list item before ``lead`` is found once, not searched for each line)."""
    last = max((j for j in range(min(idx, default=0) + 1, lead) if blocks[j].bullet), default=-1)
    return [last <= i for i in idx]


def _keyword_list(b: Block, f: Facts) -> bool:
    """A tag cloud or keyword list: many words, next to no stop words, no sentence ends."""
    return (
        f.words >= KEYWORDS_MIN_WORDS
        and f.stop_share < KEYWORDS_MAX_STOP_SHARE
        and _SENTENCE_END_RE.search(b.text) is None
        and _CODE_OR_TABLE_RE.search(b.text) is None  # code, a table row, a URL: not tags
    )


def _said_over(text: str) -> bool:
    """A line that says the same words two or three times over, with no sentence end
    ("Ten Tips for Less Stress Ten Tips for Less Stress"): a teaser's title printed
    once per screen size and run together, no line of the text."""
    if len(text) > REPEAT_MAX_CHARS:
        return False
    first = first_token(text)
    if first is None or text.lower().count(first) < 2:
        return False  # (the first word said once: nothing said over)
    if _SENTENCE_END_RE.search(text) is not None:
        return False  # (sentences said over are a text's refrain, or filler text)
    toks = tokens(text)
    for copies in (2, 3):
        size, rest = divmod(len(toks), copies)
        if not rest and size >= REPEAT_MIN_WORDS and toks == toks[:size] * copies:
            return True
    return False


def _phrase_line(f: Facts) -> bool:
    """Whether boilerplate phrases (share, cookie, navigation...) make up half the line."""
    return bool(f.cats) and max(f.cats.values()) * 2 >= max(f.words, 1)


#: "Abbildung 4: ...", "Fig. 2. ...", "Table 3 – ...": a label, a number, a separator.
_FIGURE_LABEL_RE = re.compile(r"([^\W\d_]{2,14})\.?\s?\d{1,3}[a-z]?\s?[:.–—|-]\s+\w")
#: "Abbildung: ...", "Fig.: ...": a label with no number, a colon.
_FIGURE_HEAD_RE = re.compile(r"([^\W\d_]{2,14})\.?\s?:\s+\w")
_COUNT_HEAD_RE = re.compile(r"\d{1,5}\s+")
_OPEN_QUOTES = ("“", '"', "„", "«", "‘", "'", "»", ":")

#: An offer of a newsletter is at most this long ("Abonnieren Sie unseren Newsletter",
#: "Get our best stories in your inbox. Sign up"): a longer line is text about one.
OFFER_MAX_WORDS = 60
#: A consent notice inside the text has at most this many words.
CONSENT_MAX_WORDS = 120
#: A disclaimer or a note on affiliate links has at most this many words (a longer line
#: naming them is text about them).
DISCLOSURE_MAX_WORDS = 60
#: A notice that the page needs JavaScript ("Please enable JavaScript to view the
#: comments") has at most this many words (an article on browsers may say more of it).
SCRIPT_NOTICE_MAX_WORDS = 40
#: A notice that the reader's browser is outdated ("You are using an outdated browser
#: ...") has at most this many words; it counts only outside the article's main span
#: (an article on browsers may tell its reader to update theirs).
BROWSER_NOTICE_MAX_WORDS = 60

#: Phrase categories of a line that starts by addressing the reader (follow us,
#: subscribe, comment, advertising notes): an appeal around the article, not its text.
_CALL_TO_ACTION = frozenset(("share", "newsletter", "comments", "advert", "cookie"))

#: A time of day alone: "3:59 PM", "14.05 Uhr", "9h30".
_TIME_ONLY_RE = re.compile(
    r"(?:[01]?\d|2[0-3])(?:(?::|\s?h\s?)[0-5]\d(?:\s?(?:[ap]\.?\s?m\.?|uhr))?"
    r"|\.[0-5]\d\s?(?:[ap]\.?\s?m\.?|uhr))",
    re.I,
)

#: A short line ending in an arrow is a link's button or teaser ("Mehr erfahren »",
#: "Next post →", "RECIPE >>>"), not text: a closing guillemet counts only set apart
#: from the last word («Zitat» is a quotation).
#: "Label: value": a short label opening with a letter, a colon, then the value.
_FIELD_RE = re.compile(r"[^\W\d_][^:]{0,30}:\s+\S")
_ARROW_END_RE = re.compile(r"(?:\s»|[›→▶▸➔➜]|>>)\s*$")
ARROW_MAX_WORDS = 12
#: A line of at most this many words that opens with a related phrase points elsewhere.
RELATED_LEAD_WORDS = 8
#: A line of at most this many words that opens as a site describes itself is a promotion.
PROMO_MAX_WORDS = 16
#: A recipe's ingredient list: at least INGREDIENTS_MIN lines opening with a quantity,
#: of at most INGREDIENT_MAX_WORDS words, with sub-headers of at most
#: INGREDIENT_SUBHEAD_WORDS words between them; within INGREDIENTS_NEAR lines of prose.
INGREDIENTS_MIN = 3
INGREDIENT_MAX_WORDS = 12
INGREDIENT_SUBHEAD_WORDS = 5
INGREDIENTS_NEAR = 15
#: A line opening with a quantity: a number or a vulgar fraction ("200 g", "½ cup").
_QUANTITY_RE = re.compile(r"\s*(?:[^\w\s]{1,2}\s*)?[\d½¼¾⅓⅔⅛]")
#: An article's references: a header ("References", "Einzelnachweise") at most
#: REFERENCES_NEAR lines below the main span, then lines of at most REFERENCE_MAX_WORDS
#: words of which at least REFERENCES_MIN, and half, cite a source (a year, an address,
#: an ISBN); other items open with a list's mark ("^", "[1]", "↑", "2.").
REFERENCES_NEAR = 40
REFERENCE_MAX_WORDS = 120
REFERENCES_MIN = 2
REFERENCES_MAX = 1000
#: What a citation holds: a year (1600 to 2099), a web address, a DOI or an ISBN.
_CITATION_RE = re.compile(
    r"(?<!\d)(?:1[6-9]|20)\d\d(?!\d)|https?://|www\.|\bdoi\b|\bisbn\b", re.IGNORECASE
)
#: A list item's mark: a number ("1.", "[2]") or a sign ("^", "↑", "•").
_LIST_MARK_RE = re.compile(r"\s*(?:\d{1,4}[.)]|\[\d{1,4}\]|[^\w\s])")
#: A section's edit link after its header ("References [edit]", "Quellen [Bearbeiten]").
_EDIT_LINK_RE = re.compile(r"\[[^\[\]]{1,40}\]\s*$")
#: A read-more link below a teaser has at most this many words ("weiterlesen 4 Minuten").
READ_MORE_WORDS = 4
#: A read-more link after a line's last sentence ("... im Test. Mehr…"): the sentence's
#: end, the link's label (letters first, no sentence mark) and an ellipsis or an arrow.
_LINK_AFTER_SENTENCE_RE = re.compile(
    r"[.!?\"”)]\s+\[?([^\W\d_][^.!?…»›→>\]]{0,30}?)\s*(…|\.\.\.|»|›|→|>>?|\])?\s*$"
)
#: How many of a line's last characters hold that link.
LINK_TAIL_CHARS = 48

#: Characters from here on (kana, CJK ideographs, hangul...) write words without spaces.
_CJK_START = "\u3040"
#: Structural hints of a heading in the markup (HTML input).
_HEADING_HINTS = frozenset(("h1", "h2", "h3", "h4"))


def _is_heading_like(b: Block, f: Facts) -> bool:
    if b.hint in _HEADING_HINTS:
        return True
    return (
        1 <= f.words <= HEADING_MAX_WORDS
        and f.end not in (".", ",", ";", ":")
        and not b.bullet
        and b.hint != "pre"  # a line of a listing
    )


#: A picture gallery's slide header: "3/12 Title", "3 / 12 Title".
_SLIDE_RE = re.compile(r"(\d{1,3}) ?/ ?(\d{1,3}) +\S")


def _cut_titles(blocks: Sequence[Block], facts: Sequence[Facts]) -> set[int]:
    """The lines of lists of titles cut off with an ellipsis: links to other articles
    whose titles did not fit their boxes. One such line may be a text's own pause
    ("And then…"); several close together are a list of teasers."""
    out: set[int] = set()
    run: list[int] = []
    for i, b in enumerate(blocks):
        if b.text.endswith(("…", "...")) and 2 <= facts[i].words <= CUT_TITLE_MAX_WORDS:
            if run and i - run[-1] - 1 > CUT_TITLES_GAP:
                if len(run) >= CUT_TITLES_MIN:
                    out.update(run)
                run = []
            run.append(i)
    if len(run) >= CUT_TITLES_MIN:
        out.update(run)
    return out


def _steps(
    blocks: Sequence[Block], facts: Sequence[Facts], words: frozenset[str]
) -> tuple[set[int], set[int]]:
    """The headers of numbered instructions ("Step 1", "Schritt 2: Den Teig kneten") and
    all their lines, from the first header to the end of the last step (as long as
    the steps run on average)."""
    heads: set[int] = set()
    lines: set[int] = set()
    if not words:
        return heads, lines
    step_re = _step_re(words)
    run: list[int] = []
    last = 0
    for i, b in enumerate(blocks):
        m = step_re.match(b.text)
        if m is None or facts[i].words > STEP_MAX_WORDS:
            continue
        k = int(m[1])
        if run and (k != last + 1 or i - run[-1] > STEP_GAP):
            _add_steps(run, heads, lines, len(blocks))
            run = []
        if run or k == 1:
            run.append(i)
            last = k
    _add_steps(run, heads, lines, len(blocks))
    return heads, lines


@lru_cache(maxsize=64)
def _step_re(words: frozenset[str]) -> re.Pattern[str]:
    """A step's header: one of the words, then its number ("Step 3", "Étape 3 :")."""
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:{alts})\s*(\d{{1,3}})\b", re.IGNORECASE)


def _add_steps(run: Sequence[int], heads: set[int], lines: set[int], n: int) -> None:
    if len(run) < STEPS_MIN:
        return
    heads.update(run)
    lines.update(_numbered_run_lines(run, n))


def _numbered_run_lines(heads: Sequence[int], n: int) -> range:
    """The lines of a run of numbered headers (steps, slides) with what each heads: from
    the first header to the end of the last, which is taken to run as long as the
    median header's (two headers or more)."""
    gaps = sorted(b - a for a, b in pairwise(heads))
    return range(heads[0], min(heads[-1] + gaps[len(gaps) // 2], n))


def _unnumbered(text: str) -> frozenset[str]:
    """A line's words other than numbers: the same for two numbered siblings."""
    return frozenset(w for w in _words(text) if not w.isdigit())


def _span_lists(blocks: Sequence[Block], start: int, stop: int) -> set[int]:
    """The items of the long bulleted lists that reach into the main span (``start`` to
    ``stop``): a change log or an inventory set out as the article itself, whose short
    items score low one by one."""
    out: set[int] = set()
    if start < 0:
        return out
    n, i = len(blocks), 0
    while i < n:
        mark = blocks[i].bullet
        j = i
        if mark:
            while j + 1 < n and blocks[j + 1].bullet == mark and not blocks[j + 1].blank_before:
                j += 1
            inside = min(j, stop) - max(i, start) + 1
            if j - i + 1 >= SPAN_LIST_MIN and inside >= SPAN_LIST_OVERLAP:
                out.update(range(i, j + 1))
        i = j + 1
    return out


#: A numbered item's number: "3. Canada", "10) Oslo".
_ITEM_NUMBER_RE = re.compile(r"(\d{1,3})[.)]\s+\S")


def _announced_lists(
    blocks: Sequence[Block], facts: Sequence[Facts], is_body: Sequence[bool]
) -> set[int]:
    """The items of numbered lists that a line of text announces with a colon ("The
    rankings were as follows:" then "1. Finland", "2. Norway"...) or a sentence right
    above them ("Here is the full list." then "01. Oslo", "02. Bergen"...): items
    counting up from 1, each short, at least COLON_LIST_MIN of them."""
    out: set[int] = set()
    n = len(blocks)
    for j in range(n - 1):
        if not (
            is_body[j]
            and facts[j].words >= COLON_LEAD_WORDS
            and blocks[j].text.endswith((":", "."))
        ):
            continue
        items: list[int] = []
        k = j + 1
        while k < n and facts[k].words <= COLON_LIST_ITEM_WORDS:
            m = _ITEM_NUMBER_RE.match(blocks[k].text)
            if m is None or int(m.group(1)) != len(items) + 1:
                break
            items.append(k)
            k += 1
        if len(items) >= COLON_LIST_MIN:
            out.update(items)
    return out


def _gallery(blocks: Sequence[Block]) -> set[int]:
    """The lines of picture galleries printed in the text: GALLERY_MIN_SLIDES headers or
    more numbered "1/12 ...", "2/12 ...", "3/12 ..." (one total, counting up by one),
    each followed by its caption and credit; the last slide is taken as long as the
    others."""
    out: set[int] = set()
    heads: list[int] = []  # the current series of headers
    prev = (0, 0)  # its last header's number and total
    for i, b in enumerate(blocks):
        m = _SLIDE_RE.match(b.text)
        if m is None:
            continue
        k, total = int(m[1]), int(m[2])
        if not 1 <= k <= total:
            continue
        if heads and (k, total) != (prev[0] + 1, prev[1]):
            _add_gallery(out, heads, len(blocks))
            heads = []
        if heads or k == 1 or total >= GALLERY_MIN_SLIDES:
            heads.append(i)
            prev = (k, total)
    _add_gallery(out, heads, len(blocks))
    return out


def _add_gallery(out: set[int], heads: Sequence[int], n: int) -> None:
    if len(heads) >= GALLERY_MIN_SLIDES:
        out.update(_numbered_run_lines(heads, n))


def _body_runs(
    is_body: Sequence[bool],
    facts: Sequence[Facts],
    probs: Sequence[float],
    blocks: Sequence[Block],
) -> list[tuple[int, int, float]]:
    """The runs of body lines (gaps of at most RUN_GAP lines), each with its weight
    (characters times score; a line that is no prose counts LIST_LINE_WEIGHT at most).

    The lines of a code block (preformatted text) do not count towards a gap: the
    article's text goes on after a listing of any length.
    """
    runs: list[tuple[int, int, float]] = []
    start = last = -1
    weight = 0.0
    gap = 0
    for i, ok in enumerate(is_body):
        if not ok:
            if blocks[i].hint != "pre":
                gap += 1
            continue
        if start >= 0 and gap <= RUN_GAP:
            last = i
        else:
            if start >= 0:
                runs.append((start, last, weight))
            start = last = i
            weight = 0.0
        gap = 0
        chars = facts[i].chars if facts[i].prose else min(facts[i].chars, LIST_LINE_WEIGHT)
        weight += chars * probs[i]
    if start >= 0:
        runs.append((start, last, weight))
    return runs


def _gap_runs(lines: Iterable[int], apart: int = -1) -> list[list[int]]:
    """Ascending line indexes grouped into runs: at most RUN_GAP other lines between two
    of a run, and no run reaching over line ``apart``."""
    runs: list[list[int]] = []
    for i in lines:
        if runs and i - runs[-1][-1] - 1 <= RUN_GAP and not runs[-1][-1] < apart < i:
            runs[-1].append(i)
        else:
            runs.append([i])
    return runs


def _main_span(runs: Sequence[tuple[int, int, float]]) -> tuple[int, int]:
    """The heaviest run of body lines (the first of equal ones)."""
    best = (-1, -1)
    best_weight = 0.0
    for start, last, weight in runs:
        if weight > best_weight:
            best, best_weight = (start, last), weight
    return best


def _share_bar(f: Facts) -> bool:
    """A line of share buttons or its header ("Share this article:", "Tweet")."""
    return bool(f.cats.get("share")) and _phrase_line(f)


def _grow(span: tuple[int, int], probs: Sequence[float], facts: Sequence[Facts]) -> tuple[int, int]:
    """Extend the main span over nearby lines scored at least INSIDE_THRESHOLD (hysteresis);
    not down past a share bar, which closes an article."""
    start, stop = span
    if start < 0:
        return span
    n = len(probs)
    i = stop + 1
    while i < n and i - stop <= GROW_GAP and not _share_bar(facts[i]):
        if probs[i] >= INSIDE_THRESHOLD:
            stop = i
        i += 1
    i = start - 1
    while i >= 0 and start - i <= GROW_GAP:
        if probs[i] >= INSIDE_THRESHOLD:
            start = i
        i -= 1
    return start, stop


class Reviser:
    """Turns model scores into final labels for one page."""

    def __init__(
        self,
        blocks: Sequence[Block],
        facts: Sequence[Facts],
        scores: Scores,
        lang: Language,
        markup_title: str | None = None,
    ) -> None:
        self.blocks = blocks
        #: The title the page's markup declares (og:title, JSON-LD; HTML input only),
        #: and the same without the site's name.
        if markup_title and len(markup_title.split()) > TITLE_MAX_WORDS:
            markup_title = None  # a description or a stuffed tag, no headline
        self.markup_title = markup_title or ""
        self.markup_main = (
            _without_site(markup_title, _page_title_parts(markup_title)) if markup_title else ""
        )
        self.facts = facts
        self.scores = scores
        self.lang = lang
        n = len(blocks)
        # (an HTML page's <title>, printed first, is never article text, nor is the
        # markup of an advert or a tracking pixel, which must not draw the main span to it)
        #: The lines of picture galleries (numbered slides with their captions).
        self.gallery = _gallery(blocks)
        #: The lines of lists of cut-off titles (see :func:`_cut_titles`).
        self.cut_titles = _cut_titles(blocks, facts)
        #: The headers of numbered instructions, and all their lines (see :func:`_steps`).
        self.step_heads, self.steps = _steps(blocks, facts, lang.step_words)
        #: The topic words of the main span's lines (computed on first need).
        self._span_topic: set[str] | None = None
        #: The lines that head a related list ("Read more:", "More from ...").
        self.related_headers: set[int] = set()
        self.is_body = [
            p >= scores.threshold and b.hint != "title" and not _tracking_markup(b.text)
            for p, b in zip(scores.final, blocks, strict=True)
        ]
        self.out = Labelling(labels=[Label.BOILERPLATE] * n, reasons=[""] * n)
        body_idx = [i for i, ok in enumerate(self.is_body) if ok]
        self.first_body = body_idx[0] if body_idx else -1
        #: The median stop-word share of the long lines scored as text.
        shares = sorted(
            facts[i].stop_share for i in body_idx if facts[i].words >= 10 and facts[i].prose
        )
        self.text_stop_share = shares[len(shares) // 2] if shares else 0.0
        #: The article's main stretch: the heaviest run of body lines (short gaps allowed).
        runs = _body_runs(self.is_body, facts, scores.final, blocks)
        self.start, self.stop = _grow(_main_span(runs), scores.final, facts)
        #: Other heavy runs of text lines (a long article's later parts, set apart
        #: by a box or a row of pictures): their lines, as the main span's, take a
        #: lower score as text.
        heaviest = max((w for _, _, w in runs), default=0.0)
        self.side_runs = [
            _grow((a, b), scores.final, facts)
            for a, b, w in runs
            if w >= SIDE_RUN_SHARE * heaviest and not a <= self.start <= b
        ]
        self.last_body = body_idx[-1] if body_idx else -1
        #: The items of long bulleted lists reaching into the main span.
        self.span_lists = _span_lists(blocks, self.start, self.stop)
        #: The items of numbered lists announced by a line of text ending in a colon.
        self.announced = _announced_lists(blocks, facts, self.is_body)
        #: Whether the input says where its links are (HTML, Markdown; not plain text).
        self.has_links = any(b.links for b in blocks)
        #: Whether the input keeps the page's layout in indents (a text rendering that
        #: indents its lines by their depth in the page: most lines indented, at several
        #: depths).
        indents = [b.indent for b in blocks]
        self.indented = (
            sum(1 for d in indents if d > 0) * 2 >= n and len(set(indents)) >= INDENT_DEPTHS
        )
        self.taken: set[int] = set()
        #: A credit split over two lines ("Foto:" / "Anna Berg"): its text, by first line.
        self.joined_credits: dict[int, str] = {}
        #: Text that is already clean (nearly every line a paragraph of prose: an
        #: article as a cleaner or an archive wrote it) is all article text.
        long_prose = sum(1 for f in facts if f.prose and f.words >= CLEAN_TEXT_WORDS)
        self.clean_text = n >= 3 and long_prose >= CLEAN_TEXT_SHARE * n
        #: Whether blank lines set the text's paragraphs apart (most long prose lines
        #: have one above them): lines packed together are then a list.
        spaced = [
            b.blank_before
            for b, f in zip(blocks, facts, strict=True)
            if f.prose and f.words >= CLEAN_TEXT_WORDS
        ]
        self.paragraphed = len(spaced) >= PARAGRAPHED_MIN and sum(spaced) * 2 > len(spaced)
        #: The lines of boxes set into the text for another article (see _button_teasers).
        self.button_teasers = self._button_teasers()
        #: Low-scored paragraphs between the text's (see _sandwiched; set in _body).
        self.sandwiched: set[int] = set()
        #: The article's references, each line to its header (see _reference_lists).
        self.references: dict[int, int] = {}
        self._after_list: set[int] | None = None
        #: The page's first line, past any server notices printed above the page.
        self.top = next(
            (i for i, b in enumerate(blocks[:MAX_NOTICES]) if not _SERVER_NOTICE_RE.match(b.text)),
            0,
        )

    # -- steps ---------------------------------------------------------------

    def run(self) -> Labelling:
        self.before_title()
        self._title()
        self._header()
        self._standalone_credits()
        self.references = self._reference_lists()
        self._related()
        if self.start >= 0 and any(b.links for b in self.blocks):
            prose = [
                i
                for i in range(self.start, self.stop + 1)
                if self.is_body[i] and self.facts[i].prose
            ]
            self._link_runs(prose[-1] + 1 if prose else self.start)
        self._bios()
        self._about_boxes()
        self._lexicon_lines()
        self._body()
        self._trailing_disclaimers()
        self._trailing_headings()
        if not self.out.body:
            self._fallback_body()
        self._collect_credits()
        return self.out

    def before_title(self) -> None:
        """The steps before the headline search: default labels, server notices, captions.

        ``training/title.py`` runs them too, so that the headline ranker is trained
        on the candidates it sees here.
        """
        for i, b in enumerate(self.blocks):
            f = self.facts[i]
            self.out.set(i, Label.BOILERPLATE, _boilerplate_reason(f, b, self.scores.final[i]))
        for i in range(self.top):
            self.out.set(i, Label.BOILERPLATE, "a server's notice above the page")
            self.taken.add(i)
        self._captions()

    def _fallback_body(self) -> None:
        """No line scored as article text: keep the best of the rest rather than nothing.

        Tiny pages (a note, a test page, a one-paragraph post) score low everywhere.
        The lines left as plain boilerplate (no boilerplate phrase, not a link
        line, not a one- or two-word menu item) that score at least FALLBACK_SHARE
        of the best of them become the body; a page whose only line was taken as
        its headline keeps it as text when it reads as sentences.
        """
        blocks, facts, probs = self.blocks, self.facts, self.scores.final
        free = [
            i
            for i in range(len(blocks))
            if i not in self.taken
            and self.out.labels[i] is Label.BOILERPLATE
            and not _phrase_line(facts[i])
            and (facts[i].words >= FALLBACK_MIN_WORDS or facts[i].prose)
            and not facts[i].credit
            and "©" not in blocks[i].text
            and facts[i].date is None
            and not (blocks[i].link_chars and blocks[i].link_chars >= 0.7 * len(blocks[i].text))
        ]
        if not free:
            t = getattr(self, "title_idx", -1)
            if t >= 0 and self.facts[t].words >= FALLBACK_TITLE_WORDS and len(blocks) == 1:
                self.out.title = None
                self.out.set(t, Label.BODY, "body: the page's only text")
                self.out.body.append(t)
            return
        best = max(probs[i] for i in free)
        # the chosen lines by their words other than numbers: a line alike to one of them
        # but for its numbers ("Case 2" beside "Case 1") goes with it (a few compared
        # per key: a page of many such lines stays linear)
        chosen: dict[frozenset[str], list[str]] = {}
        for i in free:
            if probs[i] >= best * FALLBACK_SHARE:
                group = chosen.setdefault(_unnumbered(blocks[i].text), [])
                if len(group) < SIBLINGS_COMPARED:
                    group.append(blocks[i].text)
        for i in free:
            if probs[i] < best * FALLBACK_SHARE and not any(
                _numbered_siblings(blocks[i].text, text)
                for text in chosen.get(_unnumbered(blocks[i].text), ())
            ):
                continue
            f = facts[i]
            if _is_heading_like(blocks[i], f) and not f.prose and self.out.body:
                self.out.set(i, Label.HEADING, f"heading: best remaining lines, p={probs[i]:.2f}")
                self.out.headings.add(len(self.out.body))
            else:
                reason = f"body: best remaining lines (none scored as text), p={probs[i]:.2f}"
                self.out.set(i, Label.BODY, reason)
            self.out.body.append(i)
            self.taken.add(i)

    def _title_candidate(self, i: int, repeated: bool = False, exact: bool = False) -> bool:
        """Whether line ``i`` may be the headline (``exact``: it says the page title's
        words exactly, so that reading as a byline, a date or a credit does not rule it
        out)."""
        b, f = self.blocks[i], self.facts[i]
        if i in self.taken or not 1 <= f.words <= TITLE_MAX_WORDS or f.end in (",", ";"):
            return False
        if not exact and (f.byline or (f.date is not None and (f.words <= 12 or has_time(b.text)))):
            return False
        if f.credit and not exact and is_credit(b.text, self.lang, strict=True):
            return False  # (the page title's exact words: "Video: Headline" is the headline)
        if f.covered * 2 >= f.words or (f.dup > 3 and not repeated):
            return False
        if f.words > 20 and len(_SENTENCE_END_RE.findall(b.text)) >= 2:
            return False  # two sentences or more: a paragraph, not a headline
        return not (
            b.link_chars and b.link_chars >= 0.9 * len(b.text) and b.hint not in ("h1", "h2")
        )

    def _title(self) -> None:
        """The headline: the line repeating the page title, an h1, or the best-ranked line
        before the text; else the page title without its site name."""
        n = len(self.blocks)
        if not n:
            return
        page_title, parts, main_part = self._page_title()
        if self._title_from_markup(page_title, main_part):
            return
        if self.markup_title:
            # no line repeats it and no h1 names the article: the title the page declares
            # (og:title, JSON-LD) is a surer guess than a ranked line
            declared = self.markup_main or self.markup_title
            if self.blocks[self.top].hint == "title":
                self._set_title(self.top, "title: declared in the markup", declared)
            else:
                self.out.title = declared
            return
        # the best headline-like line near the start of the text (a learned ranking); a
        # page title naming its site ("Headline | Site") is a good guess, so a ranked
        # line must then score higher to be taken instead
        _, threshold, over_page_title = load_title_ranker()
        scores = self._ranked()
        if scores:
            i = max(scores, key=scores.__getitem__)
            score = scores[i]
            if page_title and scores.get(self.top, float("-inf")) >= score - PAGE_TITLE_TIE:
                i, score = self.top, scores[self.top]  # a near tie: the page's own title
            if score >= (over_page_title if names_its_site(parts) else threshold):
                # the page title itself ranked first: its headline, without the site name;
                # and a line that runs on after it (the standfirst run into the headline)
                own = main_part if i == self.top and page_title else None
                if own is None and self._runs_on_after(i, page_title, main_part):
                    own = main_part
                self._set_title(i, f"title: headline before the article ({score:+.1f})", own)
                return
        said = self._first_part_said(page_title, main_part, self._title_end())
        if said >= 0:
            self._set_title(said, "title: says the page title's first part")
        elif main_part:
            self._set_title(self.top, "title: page title, site name removed", main_part)

    def _runs_on_after(self, i: int, page_title: str, main_part: str) -> bool:
        """Whether line ``i`` starts with the page title's main part (of a few words) and
        goes on with words the page title does not hold: "Headline Standfirst...", two
        elements run together (not "Headline – part two", a page title cut short)."""
        head = _title_key(main_part)
        line = _title_key(self.blocks[i].text)
        if len(head.split()) < RUN_ON_MIN_WORDS or not line.startswith(head + " "):
            return False
        return not _words(line[len(head) :]) <= _words(page_title)

    def _title_end(self) -> int:
        """Where the headline search ends: the article's start (or a window from the top)."""
        return self.start if self.start >= 0 else min(len(self.blocks), TITLE_WINDOW)

    def _page_title(self) -> tuple[str, list[str], str]:
        """The first line when it reads as the page's <title>; its parts; its main part."""
        first, f0 = self.blocks[self.top], self.facts[self.top]
        page_title = (
            first.text
            if first.hint in ("", "title")
            and not first.bullet
            and not first.indent
            and 2 <= f0.words <= 30
            and f0.covered * 2 < f0.words
            and (f0.end != "." or _SITE_SEPARATOR_RE.search(first.text) is not None)
            and not (f0.words > 20 and len(_SENTENCE_END_RE.findall(first.text)) >= 2)
            # (the first of a list's items alike but for their numbers: "Case 1", "Case 2")
            and not (
                self.top + 1 < len(self.blocks)
                and _numbered_siblings(first.text, self.blocks[self.top + 1].text)
            )
            else ""
        )
        parts = _page_title_parts(page_title) if page_title else []
        return page_title, parts, _without_site(page_title, parts)

    def _title_from_markup(self, page_title: str, main_part: str) -> bool:
        """The headline from the page's own marks: the page title's repeat, or an h1."""
        blocks, facts = self.blocks, self.facts
        n = len(blocks)
        end = self._title_end()
        limit = min(n, max(end + 3, 2 * TITLE_WINDOW))
        wholes = [w for w in {page_title, main_part} if w]
        if self.markup_title and self.markup_title != page_title:
            # the markup's own title (og:title, JSON-LD): often the headline's exact words
            wholes += [w for w in {self.markup_title, self.markup_main} if w]
        # 1. the line that repeats the page title (or its main part, without the site name)
        best, best_score = -1, float("-inf")
        if wholes:
            exact = {_title_key(w) for w in wholes}
            sizes = [len(_words(w)) for w in wholes]
            lo = min(sizes) * TITLE_MIN_SIMILARITY
            hi = max(sizes) / TITLE_MIN_SIMILARITY
            for i in range(self.top + 1, min(n, ANCHOR_LIMIT)):
                if not lo <= facts[i].words <= hi + 2:
                    continue  # (word counts too far apart for the texts to hold each other)
                if self.start >= 0 and i > self.start + TITLE_AFTER_START:
                    continue  # far into or after the text: a footer or a teaser
                text = blocks[i].text
                same = _title_key(text) in exact
                if not self._title_candidate(i, repeated=True, exact=same):
                    continue
                sim = max(_containment(text, w) for w in wholes)
                if sim < TITLE_MIN_SIMILARITY:
                    continue
                if same:
                    sim += 0.5
                if blocks[i].hint == "h1":
                    sim += 0.3
                # prefer the occurrence closest before the text
                sim -= 0.001 * abs(end - i) + (0.05 if i > end else 0.0)
                if sim > best_score:
                    best, best_score = i, sim
            if best >= 0:
                best = self._title_part_nearer(best, page_title, end)
                ranked = self._ranked_over_short_repeat(best)
                if ranked is not None:
                    self._set_title(ranked[0], ranked[1])
                    return True
                kicker_off = _without_kicker(blocks[best].text, wholes) or _without_part(
                    blocks[best].text,
                    _page_title_parts(page_title) if page_title else [],
                    main_part,
                )
                if kicker_off:
                    self._set_title(
                        best, "title: repeats the page title, kicker run in", kicker_off
                    )
                else:
                    self._set_title(best, "title: repeats the page title")
                if best != self.top:
                    self.out.set(self.top, Label.BOILERPLATE, "page title (repeats the headline)")
                    self.taken.add(self.top)
                return True
        # 2. an h1 before the text
        h1s = [i for i in range(limit) if blocks[i].hint == "h1" and self._title_candidate(i)]
        if h1s:
            ranked = None if wholes else self._ranked_below_h1(h1s[0])
            if ranked is not None:
                self._set_title(*ranked)
                return True
            self._set_title(self._article_h1(h1s, end), "title: the page's h1")
            return True
        return False

    def _article_h1(self, h1s: Sequence[int], end: int) -> int:
        """Of the h1s before the text (lines ``h1s``, headline candidates), the one
        naming the article: the first; or, when that one stands above the text and reads
        as the site's, the last one up to H1_AFTER_START lines into the text (a logo's
        "Bundeskriminalamt (BKA)" or "Navigation und Service" over the article's own)."""
        first = h1s[0]
        near = [i for i in h1s if i <= end + H1_AFTER_START]
        if first >= end - H1_AFTER_START or near[-1:] in ([], [first]):
            return first  # (the first h1 is near the text, or no other is)
        last = near[-1]
        site_like = _links_home(self.blocks[first]) or (
            self.facts[first].words <= SITE_H1_WORDS < self.facts[last].words
        )
        return last if site_like else first

    @cached_property
    def _title_keys(self) -> frozenset[str]:
        """The page title and the title the markup declares, and their main parts, as
        compared with a line (:func:`_title_key`)."""
        page_title, _, main_part = self._page_title()
        titles = (page_title, main_part, self.markup_title, self.markup_main)
        return frozenset(_title_key(t) for t in titles if t)

    def _first_part_said(self, page_title: str, main_part: str, end: int) -> int:
        """No line says the page title or its main part: the line nearest the article's
        start saying its first part, when that is not the main part ("Hope! - my blog
        name", the longer name taken for the main part)."""
        parts = _page_title_parts(page_title) if page_title else []
        if len(parts) < 2 or _title_key(parts[0]) == _title_key(main_part):
            return -1
        key = _title_key(parts[0])
        stop = min(
            len(self.blocks), (self.start if self.start >= 0 else end) + TITLE_AFTER_START + 1
        )
        said = [
            i
            for i in range(self.top + 1, stop)
            if _title_key(self.blocks[i].text) == key and self._title_candidate(i, repeated=True)
        ]
        return min(said, key=lambda i: (abs(end - i), i), default=-1)

    def _title_part_nearer(self, repeat: int, page_title: str, end: int) -> int:
        """A line saying another part of the page title on its own, well after the line
        repeating it and no further than the article's start: the repeat near the top of
        the page is then the site's name ("Bee Simulator | Multiplayer Games" under a
        logo reading "Multiplayer Games"), the part near the article its headline."""
        parts = _page_title_parts(page_title) if page_title else []
        held = _words(self.blocks[repeat].text)
        said = [k for k, p in enumerate(parts) if _words(p) <= held]
        if len(parts) < 2 or not said:
            return repeat
        # (the headline leads the page title, the site's name ends it)
        keys = {_title_key(p) for p in parts[: said[0]]}
        for j in range(min(end, len(self.blocks) - 1), repeat + TITLE_PART_GAP - 1, -1):
            if _title_key(self.blocks[j].text) in keys and self._title_candidate(j, repeated=True):
                return j
        return repeat

    def _ranked_below_h1(self, h1: int) -> tuple[int, str] | None:
        """A confidently ranked headline between an h1 and the text, where no page title
        tells which is the article's: the h1 then names the site ("Gnaur", "Bloghaus",
        a logo's text), as a blog's header does."""
        if self.facts[h1].words > SITE_H1_WORDS and not _links_home(self.blocks[h1]):
            return None  # a long h1 that links nowhere or elsewhere: the article's own
        scores = self._ranked()
        if not scores:
            return None
        i = max(scores, key=scores.__getitem__)
        score = scores[i]
        if score < load_title_ranker()[1] + H1_RANKED_MARGIN or not h1 < i <= self.start:
            return None
        if score < scores.get(h1, float("-inf")) + H1_RANKED_MARGIN:
            return None  # the h1 itself ranks nearly as high
        return i, f"title: headline below the site's h1 ({score:+.1f})"

    def _ranked_over_short_repeat(self, repeat: int) -> tuple[int, str] | None:
        """A confidently ranked headline between a short line repeating the page title and
        the text: the page title then names a section ("News", "Hof & Geschichte"), the
        ranked line the article; or before the text, when the short repeat comes after
        the text's start (a site's name, of up to SITE_PART_MAX_WORDS words, in a contact
        box or a footer)."""
        size = self.facts[repeat].words
        late = self.start >= 0 and repeat > self.start
        if size > (SITE_PART_MAX_WORDS if late else SHORT_REPEAT_WORDS):
            return None
        if self.blocks[repeat].hint == "h1":
            return None
        ranked = self._best_ranked()
        if ranked is None:
            return None
        i, score = ranked
        if score < load_title_ranker()[1] + SHORT_REPEAT_MARGIN:
            return None
        below = size <= SHORT_REPEAT_WORDS and repeat < i <= max(self.start, repeat + 1)
        above = late and i <= self.start
        if not (below or above):
            return None  # (also rules out the repeat itself)
        if self.facts[i].words <= self.facts[repeat].words:
            return None
        where = "below" if below else "above"
        return i, f"title: headline {where} a short page-title repeat ({score:+.1f})"

    def _ranked(self) -> dict[int, float]:
        """The headline candidates and their ranker scores."""
        weights = load_title_ranker()[0]
        idx, rows = self.headline_candidates()
        return {i: sum(map(mul, weights, row)) for i, row in zip(idx, rows, strict=True)}

    def _best_ranked(self) -> tuple[int, float] | None:
        """The headline candidate the ranker scores highest, and its score."""
        scores = self._ranked()
        if not scores:
            return None
        i = max(scores, key=scores.__getitem__)
        return i, scores[i]

    def headline_candidates(self) -> tuple[list[int], list[list[float]]]:
        """The lines that may be the headline (near the article's start), with their features.

        The features, in the order of :data:`TITLE_FEATURES`, are weighed by the
        headline ranker (``data/title.json``, trained by ``training/title.py``).
        """
        blocks, facts = self.blocks, self.facts
        n = len(blocks)
        if not n:
            return [], []
        end = self._title_end()
        first = blocks[self.top].text
        # blank lines and indents tell a headline from its neighbours only against the
        # page's habit (a flat scrape has none, some renderings put one around every line)
        layout = (
            sum(b.blank_before for b in blocks) / n,
            sum(b.blank_after for b in blocks) / n,
            sum(b.indent > 0 for b in blocks) / n,
        )
        idx: list[int] = []
        rows: list[list[float]] = []
        # near the article's main span, and near its first prose line when the span
        # starts further down (a long comment thread can outweigh a short article)
        lead = next((i for i in range(n) if self.is_body[i] and facts[i].prose), end)
        window = range(self._window_start(end), min(end + TITLE_AFTER_END + 1, n))
        near = max(0, end - TITLE_WINDOW)
        if lead < window.start:
            window = range(self._window_start(lead), window.stop)
            near = max(0, lead - TITLE_WINDOW)
        # the words of the article's first paragraphs: a headline announces them
        text_words: set[str] = set()
        paragraphs = 0
        for k in range(min(lead, end), n):
            if self.is_body[k] and facts[k].prose:
                text_words.update(facts[k].content)
                paragraphs += 1
                if paragraphs == TITLE_TEXT_LINES:
                    break
        for i in window:
            f = facts[i]
            if not 1 <= f.words <= 30 or not self._title_candidate(i, repeated=True):
                continue
            if i < near and _SENTENCE_END_RE.search(blocks[i].text.rstrip()[:-1]) is not None:
                continue  # reached past list items: a notice of two sentences, no headline
            if i >= min(lead, end) and (f.end in (":", ",") or f.words > 25):
                continue  # a sentence inside the text is no headline
            if i >= min(lead, end) and f.end == "." and not self._dotted_headline(i):
                continue  # (unless a short one over a byline or a date: "Time to go.")
            if f.words <= 4 and self._name_alone(blocks[i].text):
                continue  # a person's name alone: a byline or an author box
            if f.words <= BYLINE_MAX_WORDS and self._by_name(blocks[i].text):
                continue  # "Veröffentlicht von Cem Basman": a byline all the same
            if blocks[i].text.count("|") >= MENU_BARS:
                continue  # "Start|Magazin|Tipps|Magic Cleaning": a menu or a trail run together
            if _CONTACT_RE.search(blocks[i].text):
                continue  # an e-mail address, a telephone number: contact details
            if _DOMAIN_RE.fullmatch(blocks[i].text) is not None:
                continue  # "kath.net": a web address alone names the site
            if self._dated_entry(blocks[i].text):
                continue  # "[ 26. Februar 2020 ] Headline": a dated entry of a list
            credit_at = credit_suffix(blocks[i].text, self.lang)
            if credit_at > 0 and blocks[i].text[:credit_at].rstrip()[-1:] in (".", "!", "?", ")"):
                continue  # a caption's sentence with its credit ("... mañana. Foto: LN")
            idx.append(i)
            rows.append(self._headline_features(i, end, lead, first, layout, text_words, credit_at))
        self._relative_features(idx, rows, lead)
        return idx, rows

    def _dotted_headline(self, i: int) -> bool:
        """Whether line ``i``, ending with a full stop, may still be the headline: one
        short sentence with a byline or a date right below it ("Time to say goodbye.")."""
        text = self.blocks[i].text.rstrip()
        return (
            self.facts[i].words <= DOTTED_HEADLINE_WORDS
            and _SENTENCE_END_RE.search(text[:-1]) is None
            and self._header_follows(i)
        )

    def _window_start(self, end: int) -> int:
        """Where the headline search starts: TITLE_WINDOW lines before line ``end``,
        not counting list items and single words (share buttons, tags, a score) that
        may stand between the headline and the article."""
        counted = 0
        i = end
        while i > 0 and counted < TITLE_WINDOW:
            i -= 1
            if not self.blocks[i].bullet:
                counted += 1
        return i

    def _dated_entry(self, text: str) -> bool:
        """Whether a line opens with a date in brackets ("[ 26. Februar 2020 ] Headline",
        "(12.03.2024) Headline"): an entry of a list of dated links, not a headline."""
        m = _BRACKETED_HEAD_RE.match(text)
        return m is not None and find_date(m[1], self.lang) is not None

    @cached_property
    def _page_text(self) -> str:
        """The page's lines, lower case, whitespace collapsed, one per line."""
        return "\n".join(" ".join(b.text.lower().split()) for b in self.blocks)

    def _name_alone(self, text: str) -> bool:
        """Whether the line is a person's name and nothing else but a job title ("Lotte
        Tobisch", "Richard Adams Education editor"; not "Lotte Tobisch ist tot")."""
        words = text.split()
        name = leading_name(words, self.lang, after_prefix=False)
        if name is None:
            return False
        size = len(name.split())
        return size >= len(words) or is_job_title(" ".join(words[size:]))

    def _by_name(self, text: str) -> bool:
        """Whether the line is a word or two, then the word ending a byline prefix ("von",
        "by"), then a person's name and nothing else ("Veröffentlicht von Cem Basman",
        "Posted by Anna Berg")."""
        words = text.split()
        ends = {prefix[-1] for prefix in self.lang.byline_prefixes}
        for k in (1, 2):
            if k + 1 < len(words) and words[k].lower() in ends:
                name = leading_name(words[k + 1 :], self.lang, after_prefix=True)
                return name is not None and len(name.split()) == len(words) - k - 1
        return False

    def _relative_features(self, idx: list[int], rows: list[list[float]], lead: int) -> None:
        """Features against the other candidates: the one sharing most words with the
        text, and a candidate holding another ("Lokales Lübeck So lief ..." and "So
        lief ...": a kicker run into its headline)."""
        at = TITLE_FEATURES.index("words found in the first paragraphs")
        top = max((r[at] for r in rows), default=0.0)
        texts = [" ".join(self.blocks[i].text.lower().split()) for i in idx]
        holders, held = _holders_and_held(texts)
        for k, row in enumerate(rows):
            t = texts[k]
            row += [float(top > 0 and row[at] == top), float(t in holders), float(t in held)]
            shared = round(row[at] * len(self.facts[idx[k]].content))  # the share, as a count
            row.append(min(shared, 6) / 6)
        # the headline is often quoted inside other lines (a breadcrumb trail, a share
        # button's text, "2 thoughts on ..."), and it leads a run of header lines
        page = self._page_text
        where = set(idx)
        for k, row in enumerate(rows):
            i, t = idx[k], texts[k]
            f = self.facts[i]
            quoted = f.words >= 2 and page.count(t) > f.dup
            nxt = self.facts[i + 1] if i + 1 < len(self.facts) else None
            row += [
                float(quoted),
                float(i - 1 in where),
                float(i + 1 in where),
                float(nxt is not None and nxt.words > f.words),
                float(i - 1 in where and self.facts[i - 1].words < f.words),
                float(nxt is not None and nxt.words > f.words and nxt.end in (".", "!")),
            ]
        # indents and list items (a rendering that keeps them): the headline stands out
        # of the article's block, after the menus
        blocks, n = self.blocks, len(self.blocks)
        text_indent = blocks[lead].indent if 0 <= lead < n else 0
        no_item_after = _no_list_item_before(blocks, idx, lead)
        for k, row in enumerate(rows):
            i = idx[k]
            b = blocks[i]
            nb = blocks[i + 1] if i + 1 < n else None
            row += [
                float(nb is not None and b.indent < nb.indent),
                float(b.indent < text_indent),
                float(b.indent > text_indent),
                float(i > 0 and bool(blocks[i - 1].bullet)),
                float(nb is not None and bool(nb.bullet)),
                float(no_item_after[k]),
                float(next((c for c in b.text if c.isalpha()), "").islower()),
            ]

    def _headline_features(
        self,
        i: int,
        end: int,
        lead: int,
        first: str,
        layout: tuple[float, float, float],
        text_words: set[str],
        credit_at: int,
    ) -> list[float]:
        b, f, n = self.blocks[i], self.facts[i], len(self.blocks)
        d = i - end
        p = self.scores.final[i]
        nxt = self.facts[i + 1] if i + 1 < n else None
        prv = self.facts[i - 1] if i > 0 else None
        capped = [w for w in b.text.split() if w[:1].isalpha()]
        x = _one_hot(d, _TITLE_POSITION_EDGES) + _one_hot(i - lead, _TITLE_POSITION_EDGES)
        x += _one_hot(f.words, _TITLE_WORD_EDGES)
        x += [
            f.end == ".",
            f.end == "?",
            f.end == "!",
            f.end == ":",
            b.hint == "h1",
            b.hint in ("h2", "h3"),
            b.hint in ("h4", "h5", "h6"),
            self._header_follows(i),
            f.dup > 1,
            f.dup > 2,
            f.upper > 0.8 * max(f.letters, 1),
            f.covered / max(f.words, 1),
            f.stop_share,
            min(3 * f.digits / max(f.chars, 1), 1.0),
            p,
            p * p,
            b.blank_before - layout[0],
            b.blank_after - layout[1],
            bool(b.bullet),
            (b.indent > 0) - layout[2],
            min(b.link_chars / max(len(b.text), 1), 1.0),
            nxt is not None and nxt.prose,
            prv is not None and prv.prose,
            nxt is not None and nxt.words <= 3,
            prv is not None and prv.words <= 3,
            _containment(b.text, first) if i > self.top else 0.0,
            i == self.top,
            f.separators > 0,
            f.date is not None,
            sum(w[0].isupper() for w in capped) / max(len(capped), 1),
            i >= self.start >= 0,
            sum(w in text_words for w in f.content) / len(f.content) if f.content else 0.0,
            f.commas >= 2,
            credit_at > 0,
            LIST_NUMBER_RE.match(b.text) is not None,
            f.words <= 3 and _DOMAIN_RE.search(b.text) is not None,
            f.commas >= 2 and f.commas * 3 >= f.words,
        ]
        return [float(v) for v in x]

    @cached_property
    def _spaced_marks(self) -> bool:
        """Whether the page puts a space before a colon in its text's prose, or before a
        semicolon, a question or an exclamation mark anywhere, as French typography does."""
        for i, b in enumerate(self.blocks):
            prose = self.is_body[i] and self.facts[i].prose
            if (_SPACED_MARK_RE if prose else _SPACED_END_RE).search(b.text) is not None:
                return True
        return False

    def _without_spaced_kicker(self, i: int) -> str | None:
        """The headline after a kicker set apart by a spaced colon on line ``i``
        ("Covid-19 : Lässt sich die Ausbreitung kontrollieren?"), or after a section's
        name set apart by a bar ("Local News | Headline"), or None."""
        text = self.blocks[i].text
        m = _BAR_KICKER_RE.match(text)
        if (
            m is not None
            and any(c.isalpha() for c in m[1])
            and len(m[2].split()) >= BAR_KICKER_HEAD_WORDS
        ):
            return m[2]
        if " :" not in text:
            return None
        parts = _SPACED_COLON_RE.split(text)
        if len(parts) < 2 or self._spaced_marks:
            return None
        head = parts[-1].strip()
        if len(head.split()) < SPACED_KICKER_MIN_WORDS or not head[:1].isalnum():
            return None
        return head

    def _header_follows(self, i: int) -> bool:
        """Whether a byline or a short date line comes within a few lines after line ``i``."""
        for k in range(i + 1, min(i + 4, len(self.blocks))):
            f = self.facts[k]
            if f.byline or (f.date is not None and f.words <= 12):
                return True
        return False

    def _set_title(self, i: int, reason: str, title: str | None = None) -> None:
        """Line ``i`` is the title: its text (or ``title``, a part of it)."""
        if title is None and i != self.top:
            title = self._headline_run_in(i) or self._without_spaced_kicker(i)
        self.out.title = title or _after_breadcrumbs(without_list_number(self.blocks, i))
        self.out.set(i, Label.TITLE, reason)
        self.taken.add(i)
        self.title_idx = i

    def _headline_run_in(self, i: int) -> str | None:
        """The headline that line ``i`` runs together with a label, a kicker or a date,
        when a line near the article says it alone ("Lübeck So lief die Auktion ..." and
        "So lief die Auktion ...", "Apple Cake Dessert" and "Apple Cake"): that line's text.

        The headline starts or ends line ``i`` at a word and is its larger part; the rest
        joins it without a separator (a subtitle after a colon belongs to the headline)
        and not in the middle of a phrase (see :meth:`_run_in_cut`). Only the lines
        between the headline's and the article's start, and a window on either side,
        are looked at, once.
        """
        line = self.blocks[i].text
        words = _title_key(line).split()
        wanted: dict[str, int] = {}  # a possible headline: the number of its words
        for k in range(max(RUN_IN_MIN_WORDS, (len(words) + 1) // 2), len(words)):
            # (a kicker before the headline may be as long as it; a rest after it shorter)
            if 2 * k > len(words) and self._run_in_cut(words[:k], words[k:]):
                wanted[" ".join(words[:k])] = k
            if self._run_in_cut(words[-k:], words[:-k], before=True):
                wanted[" ".join(words[-k:])] = k
        if not wanted:
            return None
        end = self._title_end()
        lo = max(self.top + 1, min(i, end) - ANCHOR_LIMIT)
        hi = min(len(self.blocks), max(i, end) + TITLE_AFTER_START + 1)
        best, best_rank = -1, (0, 0)
        best_text = ""
        for j in range(lo, hi):
            # (a breadcrumb trail's last item, rendered as a numbered list: "3. Headline")
            text = without_list_number(self.blocks, j)
            # the line, or a part of it set apart by a separator (a breadcrumb trail's
            # "Headline - Kicker", a share text's "Headline | Site")
            said = [text] if len(text) < len(line) else []
            if len(text) < 2 * len(line) and _TITLE_SPLIT_RE.search(text) is not None:
                said += [t for t in _TITLE_SPLIT_RE.split(text) if len(t) < len(line)]
            if j == i or not said:
                continue  # (no shorter line: no key to make)
            size, text = max((wanted.get(_title_key(t), 0), t) for t in said)
            if not size or not self._says_headline(j):
                continue
            if next((c for c in text if c.isalpha()), "").islower():
                continue  # "zur Bunten Republik": a phrase's end, no headline
            rank = (size, -abs(j - i))  # the longest headline, then the nearest line
            if rank > best_rank:
                best, best_rank, best_text = j, rank, text
        return best_text.strip() if best >= 0 else None

    def _says_headline(self, j: int) -> bool:
        """Whether line ``j`` may say the headline alone, as a witness of the line that
        runs it in with a kicker: a headline candidate, or a link to the article (a
        breadcrumb trail's last item, a teaser of it in a menu), which is no headline
        itself but gives the headline's words."""
        if self._title_candidate(j, repeated=True):
            return True
        b, f = self.blocks[j], self.facts[j]
        return (
            j not in self.taken
            and 1 <= f.words <= TITLE_MAX_WORDS
            and bool(b.link_chars)
            and b.link_chars >= 0.9 * len(b.text)
        )

    def _run_in_cut(self, head: list[str], rest: list[str], before: bool = False) -> bool:
        """Whether a line's words split into a headline (``head``) and the ``rest`` run
        into it, after it (or ``before`` it): no separator at the cut; the rest holds a
        letter (a number belongs to a name: "Garden 02/2024"); and the cut is not inside
        a phrase: the words before the cut do not end with a stop word ("Best of" +
        "Ruster Ausbruch"), nor a rest after the headline start with one ("in Spring",
        unless it is a stop word left alone: "Rice with").
        """
        first, second = (rest, head) if before else (head, rest)
        if _RUN_IN_END_RE.search(first[-1]) or _RUN_IN_START_RE.match(second[0]):
            return False
        if not any(c.isalpha() for w in rest for c in w):
            return False
        stop = self.lang.stopwords
        if any(t in stop for t in tokens(first[-1])):
            return False
        return before or len(rest) == 1 or not any(t in stop for t in tokens(rest[0]))

    def _header_range(self) -> range:
        start = getattr(self, "title_idx", -1)
        if self.start < 0:
            return range(max(start, 0), min(len(self.blocks), max(start, 0) + 15))
        lo = max(0, min(start if start >= 0 else self.start, self.start) - 8)
        return range(lo, min(len(self.blocks), self.start + 3))

    def _header(self) -> None:
        """Byline and date: in the article's header, or right after its end."""
        lang = self.lang
        title = getattr(self, "title_idx", -1)
        where = {"title": title, "first_body": self.start, "last_body": self.stop}
        byline = find_byline(self.blocks, self.facts, lang, taken=self.taken, **where)
        if byline is not None:
            self.out.byline = byline.text
            self.out.authors = list(byline.authors)
            if not byline.inline:  # a credit inside a line of the text leaves it text
                self.out.set(byline.index, Label.BYLINE, f"byline: {', '.join(byline.authors)}")
                self.taken.add(byline.index)
        at = byline.index if byline is not None else -1
        dated = find_article_date(self.blocks, self.facts, lang, byline=at, **where)
        if dated is not None:
            i, iso = dated
            self.out.date = iso
            if i not in self.taken and self.facts[i].words <= 12:
                self.out.set(i, Label.DATE, f"date: {iso}")
                self.taken.add(i)
        for i in self._header_range():
            f = self.facts[i]
            if (
                i not in self.taken
                and f.words <= 8
                and f.date is None
                and starts_with_phrase(tokens(self.blocks[i].text), lang.date_prefixes)
            ):
                self.out.set(i, Label.BOILERPLATE, "date prefix without a date")

    def _caption_range(self) -> range:
        if self.start < 0:
            return range(0)
        start = getattr(self, "title_idx", self.start)
        return range(
            max(0, min(start, self.start) - CAPTION_BEFORE),
            min(len(self.blocks), max(self.last_body, self.stop) + TAIL_WINDOW),
        )

    def _add_caption(self, text: str, credit: str | None) -> None:
        for k, (existing, existing_credit) in enumerate(self.out.captions):
            if existing == text:
                if credit and not existing_credit:
                    self.out.captions[k] = (text, credit)
                return
        self.out.captions.append((text, credit))

    def _captions(self) -> None:
        blocks, facts, lang = self.blocks, self.facts, self.lang
        n = len(blocks)
        for i in self._caption_range():
            if i in self.taken:
                continue
            b, f = blocks[i], facts[i]
            nxt = blocks[i + 1] if i + 1 < n else None
            # a line repeated with a credit appended: one caption, with its credit
            if (
                nxt is not None
                and i + 1 not in self.taken
                and len(nxt.text) > len(b.text) >= 10
                and nxt.text.startswith(b.text)
            ):
                suffix = nxt.text[len(b.text) :].strip()
                if (
                    suffix
                    and not nxt.text[len(b.text)].isalnum()  # not "Array" + "View (...)"
                    and (suffix[0].isalnum() or suffix[0] in "©([")  # not "-> Next", ", Spain"
                    and len(suffix.split()) <= MAX_CREDIT_WORDS
                    and credit_like(suffix)
                    and _appended_credit(suffix, lang)
                    and not _dated_repeat(suffix, facts[i + 1])
                ):
                    self._add_caption(b.text, suffix)
                    self.out.set(i, Label.CAPTION, "caption: repeated below with a credit")
                    self.out.set(
                        i + 1, Label.CAPTION, "caption: repeats the line above, credit appended"
                    )
                    self.taken.update((i, i + 1))
                    if i + 2 < n and blocks[i + 2].text == suffix:
                        self.out.set(i + 2, Label.CREDIT, "credit: of the caption above")
                        self.taken.add(i + 2)
                    continue
            if b.hint in ("figcaption", "caption") and not f.credit:
                self._split_caption(i, "caption: figure caption in the markup")
                continue
            if f.credit and self._credit_lines(i) == 2:
                self._set_credit(i, 2, "credit: picture or source credit")
                continue
            if f.credit or f.words < 4 or f.words > 60:
                continue
            label = _FIGURE_LABEL_RE.match(b.text)
            if label is not None and label.group(1).lower() in lang.figure_labels:
                self._split_caption(i, "caption: a numbered figure's label")
                continue
            label = _FIGURE_HEAD_RE.match(b.text)
            if (
                label is not None
                and label.group(1).lower() in lang.figure_labels
                and label.group(1).lower() not in lang.credit_prefixes
            ):
                # "Abbildung: Die Bucht im Luftbild": a figure's label with no number
                # (not "Foto: ...", a credit's word)
                self._split_caption(i, "caption: a figure's label")
                continue
            button = self._enlarge_button(b.text)
            if button and f.words - button >= 3:
                # "Vergrößern Der neue Bahnhof bei Nacht.": the picture's enlarge button,
                # then its caption
                rest = b.text.split(None, button)[-1]
                self._add_caption(rest, None)
                self.out.set(i, Label.CAPTION, "caption: after a picture's enlarge button")
                self.taken.add(i)
                continue
            cut = credit_suffix(b.text, lang)
            if cut > 0 and not (self.is_body[i] and f.words > 30):
                self._split_caption(i, "caption: ends with a credit")
                continue
            if (
                cut > 0
                and _picture_credit(b.text[cut:], lang)
                and (":" in b.text[cut : cut + CREDIT_HEAD_CHARS] or _set_off(b.text[:cut]))
            ):
                # a longer caption scored as text, ending with a picture's credit set off
                # from it ("... in Managua in August 2018. Photo: Ana Paz (CC BY 2.0)"),
                # not with a sentence naming a copyright ("... on copyright and ...")
                self._split_caption(i, "caption: ends with a picture credit")
                continue
            if (
                nxt is not None
                and facts[i + 1].credit
                and (not f.prose or not self.is_body[i])  # (a paragraph goes on the text)
                and f.date is None  # a teaser's or a post's date line above a picture
                and not f.byline
                and i + 1 not in self.taken
                and f.separators < 2
                and f.covered * 2 < f.words
                and _title_key(b.text) not in self._title_keys  # the headline, over a picture
            ):
                count = self._credit_lines(i + 1)
                if count:
                    self._set_credit(i + 1, count, "credit: of the caption above")
                    self._add_caption(b.text, self._credit_text(i + 1))
                    self.out.set(i, Label.CAPTION, "caption: followed by a credit")
                    self.taken.add(i)
                    continue
            if self._lone_sentence_over_credit(i):
                self._set_credit(i + 1, self._credit_lines(i + 1), "credit: of the caption above")
                self._add_caption(b.text, self._credit_text(i + 1))
                self.out.set(i, Label.CAPTION, "caption: one sentence set apart, then a credit")
                self.taken.add(i)
                continue
            if (
                b.after_image
                and f.words <= 40
                and f.separators < 2
                and not b.link_chars
                and not f.byline  # under the author's picture: "Artikel von Anna Berg"
                and not (f.date is not None and f.words <= CAPTION_DATED_NAME_WORDS)
                and (not self.is_body[i] or b.hint == "figcaption")
                and b.hint not in _HEADING_HINTS  # a headline below a lead picture
            ):
                self._split_caption(i, "caption: below an image")

    def _lone_sentence_over_credit(self, i: int) -> bool:
        """A sentence scored as text, set apart from the text above it and followed by
        a picture credit: a picture's caption ("Shoppers queue outside a store." /
        "PA"), not a paragraph (a paragraph followed by the next picture's credit runs
        on from the text above, or holds several sentences), nor a teaser's or a
        slide's text under its heading.

        Set apart: after another picture's credit (a gallery: then up to
        GALLERY_CAPTION_WORDS words), or after a line that is not text and no heading
        (a date, a share button).
        """
        blocks, facts, lang = self.blocks, self.facts, self.lang
        f = facts[i]
        if i + 1 >= len(blocks) or i + 1 in self.taken or not self.is_body[i] or not f.prose:
            return False
        if f.end in ("?", ":", ";", ",") or f.byline or f.separators >= 2:
            return False
        if not facts[i + 1].credit:
            return False
        gallery = i > 0 and facts[i - 1].credit
        if not gallery and i > 0 and (self.is_body[i - 1] or self._heading_above(i - 1)):
            return False  # runs on from the text above, or a teaser under its heading
        text, credit = blocks[i].text, blocks[i + 1].text
        if f.words > (GALLERY_CAPTION_WORDS if gallery else CAPTION_SENTENCE_WORDS):
            return False
        if len(_SENTENCE_END_RE.findall(text)) > 1:
            return False  # a paragraph
        toks = tokens(credit)
        if starts_with_phrase(toks, lang.source_prefixes):
            return False  # "Quelle: ...", "Source: ...": the source of a text
        if not self._credit_lines(i + 1):
            return False
        if (
            not (gallery or _picture_credit(credit, lang))
            and i + 2 < len(blocks)
            and self.is_body[i + 2]
        ):
            # an agency alone ("Reuters") under a lead may be the article's byline: a
            # picture's only when no text follows
            return False
        return _title_key(text) not in self._title_keys

    def _heading_above(self, k: int) -> bool:
        """Whether line ``k`` reads as a heading (a short title-like line), not as a date
        or a boilerplate phrase ("Share", "Messenger")."""
        f = self.facts[k]
        return (
            _is_heading_like(self.blocks[k], f)
            and f.date is None
            and not f.credit
            and not _phrase_line(f)
        )

    def _enlarge_button(self, text: str) -> int:
        """How many words of a picture's enlarge button open the line (0: none)."""
        if first_token(text) not in self.lang.enlarge_words.firsts:
            return 0  # (most lines: their first word rules them out)
        toks = tokens(text)
        count = starts_with_phrase(toks, self.lang.enlarge_words)
        if not count or count >= len(toks):
            return 0
        words = text.split()
        if tokens(" ".join(words[:count])) != toks[:count]:
            return 0  # (a mark joins the button's last word to the next)
        rest = words[count]
        if not rest[0].isupper() or (
            self.lang.reader_re is not None and self.lang.reader_re.match(rest)
        ):
            return 0  # "Enlarge the photo by ...", "Vergrößern Sie das Bild": an instruction
        return count

    def _split_caption(self, i: int, reason: str) -> None:
        text = self.blocks[i].text
        cut = credit_suffix(text, self.lang)
        if cut > 0:
            credit = (
                None if bracketed_non_credit(text[cut:], self.lang) else text[cut:].strip(" ()")
            )
            self._add_caption(text[:cut].rstrip(" ,;|/•·-–—("), credit)
        else:
            self._add_caption(text, None)
        self.out.set(i, Label.CAPTION, reason)
        self.taken.add(i)

    def _in_body(self, i: int) -> bool:
        """Whether line ``i`` is article text: scored so, or nearly so inside the main span.

        Inside the article's main span a lower score is enough (short lines
        between paragraphs take their neighbours' side); so is a prose lead just
        before it or a last paragraph just after it, separated only by a few
        short lines (an advert, a share bar).
        """
        p = self.scores.final[i]
        if self.blocks[i].hint == "title":
            return False  # an HTML page's <title>
        if self.facts[i].lead in _CALL_TO_ACTION:
            return False  # "Folgen Sie uns auf ...", "Lust auf mehr? Lass dir ...": an appeal
        if self.text_stop_share >= 0.25 and _keyword_list(self.blocks[i], self.facts[i]):
            return False  # (only where the text's own lines use stop words)
        if self._cut_teaser(i) or _said_over(self.blocks[i].text) or i in self.cut_titles:
            return False
        if i in self.button_teasers:
            return False  # "Title" / "Its teaser." / "Read now": a box for another article
        if self.facts[i].words <= PROMO_MAX_WORDS and self.lang.promo_line(self.blocks[i].text):
            return False  # "The latest on AI, from machine learning to ...": a promotion
        if i in self.steps and (i in self.step_heads or p >= LEAD_THRESHOLD):
            return True  # numbered instructions: a step's header, its text, its picture
        if self.clean_text and self.facts[i].prose:
            return True
        if self.facts[i].words <= 8 and _phrase_line(self.facts[i]):
            return False  # "Share on Facebook" between paragraphs
        if self.facts[i].words <= ARROW_MAX_WORDS and _ARROW_END_RE.search(self.blocks[i].text):
            return False  # "Jetzt Kredit sichern »", "Next On BuzzFeed News ›": a link's button
        if self.facts[i].lead == "related" and self.facts[i].words <= RELATED_LEAD_WORDS:
            return False  # "Mehr zu Klima und Konsum", "More from Science": a pointer
        if not self.start <= i <= self.stop and self._long_list(i):
            return False  # a form's menu of countries or languages run together, a tag cloud
        if p >= self.scores.threshold:
            return True
        if i in self.span_lists and p >= LEAD_THRESHOLD:
            return True  # an item of a long list the article's text is set out in
        if i in self.announced:
            return True  # "The rankings were as follows:" / "1. Finland" / "2. Norway"
        if i in self.sandwiched and self._on_topic(i):
            return True  # paragraphs between the text's, apart from them by short lines
        if self.start <= i <= self.stop:
            if p >= INSIDE_THRESHOLD or self.blocks[i].hint == "pre":
                return True  # (a listing inside the text is part of it)
            return self._sandwiched_heading(i) or self._field_run(i)
        if (
            p >= INSIDE_THRESHOLD
            and self.facts[i].prose
            and self.facts[i].words >= SIDE_RUN_WORDS
            and any(a <= i <= b for a, b in self.side_runs)
            and self._on_topic(i, OFF_TOPIC_SHARE)
        ):
            return True  # a paragraph of the article's later part
        if 0 <= self.start - i <= LEAD_GAP and self.facts[i].prose and p >= LEAD_THRESHOLD:
            return all(self.facts[k].words <= 6 for k in range(i + 1, self.start))
        if p >= INSIDE_THRESHOLD and self._between_paragraphs(i):
            return True
        if i == self.stop + 1 and _numbered_siblings(
            self.blocks[i].text, self.blocks[self.stop].text
        ):
            return True  # the next item of a list that closes the span ("Case 1", "Case 2")
        if self._same_box(i) and p >= BOX_THRESHOLD:
            return True
        if p >= INSIDE_THRESHOLD and self._after_inset_list(i):
            return True  # the article's last paragraph, below a box of headlines set into it
        if 0 <= i - self.stop <= LEAD_GAP and self.facts[i].prose and p >= LEAD_THRESHOLD:
            # (below a share bar, which closes the article, a paragraph is a promotion)
            between = self.facts[self.stop + 1 : i]
            return all(f.words <= 6 and not _share_bar(f) for f in between)
        return False

    def _paragraph(self, i: int) -> bool:
        """Whether line ``i`` is a paragraph of prose: no list item, its last sentence
        ended (not a numbered headline, a teaser cut short, a menu's line)."""
        return (
            self.facts[i].prose
            and not self.blocks[i].bullet
            and self.blocks[i].text.endswith(_SENTENCE_ENDS)
        )

    def _same_box(self, i: int) -> bool:
        """Whether paragraph ``i`` stands in the same box of the page as a paragraph of
        the text right above it or right below it: a rendering that keeps the page's
        layout indents each box by its depth, and their indents are the same."""
        if not self.indented or not self._paragraph(i):
            return False
        indent = self.blocks[i].indent
        if (
            i > 0
            and self.out.body
            and self.out.body[-1] == i - 1
            and self.blocks[i - 1].indent == indent
            and self._paragraph(i - 1)
        ):
            return True
        return (
            i + 1 < len(self.blocks)
            and self.is_body[i + 1]
            and self.blocks[i + 1].indent == indent
            and self._paragraph(i + 1)
        )

    def _box_goes_on(self, i: int) -> bool:
        """Whether paragraph ``i``, scored at least BOX_THRESHOLD, may go on from the
        paragraph above it in the same box (see :meth:`_same_box`)."""
        return (
            self.indented
            and self.scores.final[i] >= BOX_THRESHOLD
            and self.blocks[i].indent == self.blocks[i - 1].indent
            and self._paragraph(i)
            and self._paragraph(i - 1)
        )

    def _long_list(self, i: int) -> bool:
        """A long line that is no prose, on a page whose text uses stop words: a list
        of names or terms run together (a menu's options, keywords), no paragraph; not
        code or a table row (marks of code or figures in more than one word in ten)."""
        f = self.facts[i]
        return (
            f.words >= LIST_LINE_MIN_WORDS
            and not f.prose
            and not f.cjk
            and self.text_stop_share >= LIST_TEXT_STOP_SHARE
            and len(_CODE_OR_TABLE_RE.findall(self.blocks[i].text)) * 10 < f.words
        )

    def _cut_teaser(self, i: int) -> bool:
        """A text cut off with an ellipsis, then a read-more link ("... eine illegale
        Parteispende…" / "weiterlesen 4 Minuten"), on the next line or at the end of
        the same one ("... as it… Read more"), or a read-more link after the last
        sentence ("... im Test. Mehr…", "... in 2024. Read more"): another article's
        teaser."""
        text = self.blocks[i].text.rstrip()
        if self.facts[i].words > 2 * READ_MORE_WORDS and self._link_after_sentence(text):
            return True
        cut = max(text.rfind("…"), text.rfind("..."))
        if cut > 0 and not text.endswith(("…", "...")):
            tail = tokens(text[cut:])
            if 0 < len(tail) <= 2 * READ_MORE_WORDS:
                covered, cats = self.lang.phrases.match(tail)
                return covered == len(tail) and set(cats) <= {"related", "readmore"}
        if i + 1 >= len(self.blocks) or not text.endswith(("…", "...")):
            return False
        if self.facts[i + 1].words > READ_MORE_WORDS:
            return False
        opening = self.lang.phrases.categories_at_start(tokens(self.blocks[i + 1].text))
        return opening in ("related", "readmore")

    def _between_paragraphs(self, i: int) -> bool:
        """A paragraph beyond the main span, with paragraphs taken as text close above and
        below it, and on the text's topic (SANDWICH_TOPIC_SHARE of its words are the
        span's): the article going on past a box or an advert, scored just low."""
        facts, n = self.facts, len(self.blocks)
        if not facts[i].prose:
            return False
        if not any(
            self.is_body[k] and facts[k].prose for k in range(max(i - RUN_GAP, 0), i)
        ) or not any(
            self.is_body[k] and facts[k].prose for k in range(i + 1, min(i + RUN_GAP + 1, n))
        ):
            return False
        return self._on_topic(i)

    def _on_topic(self, i: int, share: float = SANDWICH_TOPIC_SHARE) -> bool:
        """Whether ``share`` of line ``i``'s topic words are the main span's."""
        shared, total = self._topic_overlap((i,), self._span_words())
        return total > 0 and shared >= share * total

    def _span_words(self) -> set[str]:
        """The topic words of the main span's lines scored INSIDE_THRESHOLD or more."""
        if self._span_topic is None:
            self._span_topic = set()
            for k in range(self.start, self.stop + 1):
                if self.scores.final[k] >= INSIDE_THRESHOLD:
                    self._span_topic.update(self._topic_words(self.blocks[k].text))
        return self._span_topic

    def _link_after_sentence(self, text: str) -> bool:
        """Whether a line ends, after a full sentence, with a read-more link: a word for
        "more" or a read-more phrase with an ellipsis or an arrow after it ("Mehr…",
        "More »", "Lire la suite →", "[Read more]")."""
        m = _LINK_AFTER_SENTENCE_RE.search(text[-LINK_TAIL_CHARS:])
        if m is None:
            return False
        label = tokens(m.group(1))
        if not label or not m.group(2):
            return False  # (a bare "Learn more" can close a paragraph of the text itself)
        if " ".join(label) in self.lang.more_words:
            return True
        covered, cats = self.lang.phrases.match(label)
        return covered == len(label) and set(cats) == {"readmore"}

    def _sandwiched_heading(self, i: int) -> bool:
        """A subheading: a short title-like line between two lines scored as body."""
        f = self.facts[i]
        if self.scores.final[i] < HEADING_INSIDE_THRESHOLD or f.prose:
            return False
        if not _is_heading_like(self.blocks[i], f) or not 0 < i < len(self.blocks) - 1:
            return False
        threshold = self.scores.threshold
        return self.scores.final[i - 1] >= threshold and self.scores.final[i + 1] >= threshold

    def _field(self, i: int) -> bool:
        f = self.facts[i]
        return (
            f.words <= FIELD_MAX_WORDS
            and not f.cats
            and _FIELD_RE.match(self.blocks[i].text) is not None
        )

    def _field_run(self, i: int) -> bool:
        """A line of a run of "Label: value" lines ("Pullover: H&M", "Gewicht: 2 kg")
        with a prose paragraph of the text right above and right below the run."""
        if not self._field(i):
            return False
        n, threshold = len(self.blocks), self.scores.threshold
        lo = i
        while lo > 0 and i - lo < FIELD_RUN_MAX and self._field(lo - 1):
            lo -= 1
        hi = i
        while hi < n - 1 and hi - i < FIELD_RUN_MAX and self._field(hi + 1):
            hi += 1
        if hi - lo + 1 < FIELD_RUN_MIN or lo == 0 or hi == n - 1:
            return False
        return all(
            self.facts[k].prose and self.scores.final[k] >= threshold for k in (lo - 1, hi + 1)
        )

    def _content_words(self, text: str) -> int:
        """Words of a line that are neither stop words, month names nor numbers."""
        lang = self.lang
        return sum(
            1
            for t in tokens(text)
            if len(t) > 1 and t.isalpha() and t not in lang.stopwords and t not in lang.months
        )

    def _date_line(self, b: Block, f: Facts) -> bool:
        """A line that only dates the article or a comment ("Published 5 May 2024, 10:12"),
        or only gives a time of day ("3:59 PM", "14.05 Uhr")."""
        if f.date is None:
            return f.words <= 3 and _TIME_ONLY_RE.fullmatch(b.text.strip()) is not None
        if f.prose and f.words > 16:
            return False
        if b.text.rstrip().endswith(".") and self._content_words(b.text) >= 2:
            return False  # a sentence that mentions a date ("Ab 1. Januar 2024 gilt ...")
        return f.words <= 8 or (
            f.words <= 16
            and (
                has_time(b.text)
                or bool(starts_with_phrase(tokens(b.text), self.lang.date_prefixes))
            )
        )

    def _body(self) -> None:
        if self.first_body < 0:
            return
        lo = min(self.first_body, max(self.start - LEAD_GAP, 0))
        # (the article's last paragraph may follow a box of headlines set into it)
        hi = min(len(self.blocks), max(self.last_body, self.stop + INSET_LIST_MAX + 2) + 1)
        listed = self._related_list_after_text()
        self.sandwiched = self._sandwiched()
        off_topic = self._off_topic_runs()
        ticker = self._ticker()
        comments = self._comments_start()
        lead = self._standfirst()
        headline = folded(self.out.title) if self.out.title else ""
        ingredients = self._ingredient_lists()
        if ingredients:
            lo, hi = min(lo, min(ingredients)), max(hi, max(ingredients) + 1)
        if self.span_lists:
            lo, hi = min(lo, min(self.span_lists)), max(hi, max(self.span_lists) + 1)
        if self.announced:
            hi = max(hi, max(self.announced) + 1)
        references = self.references
        if references:
            hi = max(hi, max(references) + 1)
        while hi < len(self.blocks) and self._box_goes_on(hi):
            hi += 1  # (the text's box goes on below its last line scored as text)
        for i in [lead, *range(lo, hi)] if 0 <= lead < lo else range(lo, hi):
            if i in ingredients and i not in self.taken and i <= comments:
                self._take_list_line(i, i == ingredients[i], "a recipe's list of ingredients")
                continue
            if i in references and i not in self.taken:
                self._take_list_line(i, i == references[i], "the article's references")
                continue
            if i in self.taken or not (i == lead or self._in_body(i)):
                continue
            if i in self.gallery:
                self.out.set(i, Label.BOILERPLATE, "a slide of a picture gallery")
                continue
            if i > comments and i > self.stop:
                self.out.set(i, Label.BOILERPLATE, "below the comments' header")
                continue
            if i in off_topic:
                self.out.set(i, Label.BOILERPLATE, "off the text's topic, as other runs beside it")
                continue
            if ticker[0] <= i <= ticker[1]:
                self.out.set(i, Label.BOILERPLATE, "an item of a news ticker below the text")
                continue
            if (
                i > listed
                and (
                    (self.scores.final[i] < AFTER_LIST_THRESHOLD and not self._in_long_run(i))
                    or i in self._off_topic_after(listed)
                )
                and not self._after_inset_list(i)
            ):
                continue  # a teaser below the related list, not the article going on
            b, f = self.blocks[i], self.facts[i]
            p = self.scores.final[i]
            if b.hint == "pre" and self.start <= i <= self.stop:
                # a line of a listing inside the text (code, a table's row): its words are
                # data, not a date line, a credit or a notice
                self.out.set(i, Label.BODY, f"body: a listing's line inside the text, p={p:.2f}")
                self.out.body.append(i)
                self.taken.add(i)
                continue
            if f.words <= OFFER_MAX_WORDS and self.lang.mailing_offer(b.text):
                self.out.set(i, Label.BOILERPLATE, "an offer to send the reader mail")
                continue
            if f.words <= SCRIPT_NOTICE_MAX_WORDS and self.lang.script_notice(b.text):
                self.out.set(i, Label.BOILERPLATE, "a notice that the page needs JavaScript")
                continue
            if (
                not self.start <= i <= self.stop
                and f.words <= BROWSER_NOTICE_MAX_WORDS
                and self.lang.browser_notice(b.text)
            ):
                self.out.set(i, Label.BOILERPLATE, "a notice that the browser is outdated")
                continue
            if _tracking_markup(b.text):
                self.out.set(i, Label.BOILERPLATE, "markup of a tracking pixel or an advert")
                continue
            if headline and f.words <= HEADLINE_MAX_WORDS and folded(b.text) == headline:
                self.out.set(i, Label.BOILERPLATE, "the headline again")
                continue
            if f.words <= DOWNLOAD_MAX_WORDS and _DOWNLOAD_RE.search(b.text):
                self.out.set(i, Label.BOILERPLATE, "a link to download a file (its type and size)")
                continue
            if f.words <= CONSENT_MAX_WORDS and self.lang.consent_notice(b.text):
                self.out.set(i, Label.BOILERPLATE, "a consent notice (cookies, personal data)")
                continue
            if f.words <= CONSENT_MAX_WORDS and self._between_consents(i):
                self.out.set(i, Label.BOILERPLATE, "between two consent notices: their dialog")
                continue
            if f.words <= DISCLOSURE_MAX_WORDS and self.lang.affiliate_notice(b.text):
                self.out.set(i, Label.BOILERPLATE, "a note on affiliate links or advertisers")
                continue
            if (
                not self.first_body < i < self.last_body
                and f.words <= DISCLOSURE_MAX_WORDS
                and self.lang.disclaimer_label(b.text)
            ):
                # (between lines of the text, "Disclaimer:" may open the author's own caveat)
                self.out.set(i, Label.BOILERPLATE, "a disclaimer at an end of the text")
                continue
            if self._date_line(b, f):
                self.out.set(i, Label.BOILERPLATE, f"date line inside the text ({f.date})")
                continue
            if (
                not self.start <= i <= self.stop
                and f.words <= CAPTION_LEAD_WORDS
                and credit_suffix(b.text, self.lang) > 0
            ):
                # a lead picture's caption above the text's main span, or a last one
                # below it, ending with its credit ("... Category B. Photo: Ana Paz")
                self._split_caption(i, "caption: ends with a credit, beside the text")
                continue
            if f.credit and not f.prose and _picture_credit(b.text, self.lang):
                count = self._credit_lines(i)
                if count and not f.cats.get("legal"):
                    # beyond the span searched for captions, a picture credit is still no text
                    self._set_credit(i, count, "credit: picture credit inside the text")
                    continue
                if not count and not is_credit(b.text, self.lang, strict=True):
                    # "Foto:" with no name, "Video: <its title>": no credit, and no text
                    self.out.set(i, Label.BOILERPLATE, _no_credit_reason(b.text, self.lang))
                    self.taken.add(i)
                    continue
            if i in self.announced:
                self.out.set(i, Label.BODY, "body: an item of a list the text announces")
            elif _is_heading_like(b, f) and not f.prose and self.out.body:
                self.out.set(i, Label.HEADING, f"heading: short line inside the text, p={p:.2f}")
                self.out.headings.add(len(self.out.body))
            else:
                self.out.set(i, Label.BODY, f"body: {self._body_reason(f)}, p={p:.2f}")
            self.out.body.append(i)
            self.taken.add(i)

    def _take_list_line(self, i: int, header: bool, what: str) -> None:
        """Line ``i`` of a list the text holds (``what``), its header or an item, is text."""
        if header:
            self.out.set(i, Label.HEADING, f"heading: {what}")
            self.out.headings.add(len(self.out.body))
        else:
            self.out.set(i, Label.BODY, f"body: an item of {what}")
        self.out.body.append(i)
        self.taken.add(i)

    def _trailing_disclaimers(self) -> None:
        """Disclaimers that end the text ("Disclaimer: the responses below are not ...",
        "Haftungsausschluss: ...") are the site's notes, not the article: those left last
        in the body once its lines are chosen (one line scored as text further down, later
        found to be no text, keeps them from being seen as at the end in :meth:`_body`)."""
        body = self.out.body
        while len(body) > 1:
            i = body[-1]
            if self.facts[i].words > DISCLOSURE_MAX_WORDS or not self.lang.disclaimer_label(
                self.blocks[i].text
            ):
                return
            self._drop_last_body("a disclaimer at the end of the text")

    def _drop_last_body(self, reason: str) -> None:
        """Take the body's last line back out of it: boilerplate, for ``reason``."""
        i = self.out.body.pop()
        self.out.headings.discard(len(self.out.body))
        self.out.set(i, Label.BOILERPLATE, reason)

    def _trailing_headings(self) -> None:
        """A heading left last in the body heads no text of the article: the header of the
        box below it ("Related links", "More on this"), kept for its place."""
        body = self.out.body
        if len(body) < 2 or len(body) - 1 not in self.out.headings:
            return
        i, above = body[-1], body[-2]
        if (
            len(body) - 2 in self.out.headings
            or not self.blocks[i].blank_before
            or not self.blocks[i].blank_after
            or not self.facts[above].prose
            or not self.blocks[above].text.endswith(_SENTENCE_ENDS)
            or self.facts[i].words > BOX_HEADER_MAX_WORDS
            or "," in self.blocks[i].text
            or self.blocks[i].text.endswith(_SENTENCE_ENDS)
            or self.blocks[i].links
        ):
            # (a list's last item, a line of a listing, a paragraph's last line, a last
            # sentence or a quotation set apart, the authors' names signing the text; a
            # link is left as it is: it may lead on to the rest of the text)
            return
        self._drop_last_body("a heading with no text below it")

    def _between_consents(self, i: int) -> bool:
        """Whether the lines just above and below line ``i`` both ask the reader's consent
        (a consent dialog's paragraphs: "We process your data ...", "Any data you give is
        stored in ...", "By clicking accept you consent ...")."""
        if not 0 < i < len(self.blocks) - 1:
            return False
        return all(
            self.facts[k].words <= CONSENT_MAX_WORDS
            and self.lang.consent_notice(self.blocks[k].text)
            for k in (i - 1, i + 1)
        )

    def _standfirst(self) -> int:
        """A standfirst far above the article's main span: the first sentence-ended
        prose line below the headline, with only short lines or the byline and date
        between, when it speaks of the span's subject (STANDFIRST_SHARE of its topic
        words are the span's). A paywall box or a gallery between the headline and
        the text leaves it too far from the span for LEAD_GAP. -1 when there is none."""
        title = getattr(self, "title_idx", -1)
        if title < 0 or self.start - title <= LEAD_GAP:
            return -1
        labels, meta = self.out.labels, (Label.BYLINE, Label.DATE, Label.CREDIT)
        for i in range(title + 1, min(title + 1 + LEAD_GAP, self.start)):
            f = self.facts[i]
            if f.prose and i not in self.taken:
                break
            if f.words > 6 and labels[i] not in meta:
                return -1
        else:
            return -1
        if f.dup > 1 or f.end not in (".", "!", "?") or f.words > STANDFIRST_MAX_WORDS:
            return -1  # (a repeated line: the headline again, a teaser; a caption)
        keys = self._topic_words(self.blocks[i].text)
        words: set[str] = set()
        for k in range(self.start, self.stop + 1):
            if self.is_body[k]:
                words.update(self._topic_words(self.blocks[k].text))
        shared = sum(1 for k in keys if k in words)
        return i if keys and shared >= STANDFIRST_SHARE * len(keys) else -1

    def _ingredient_lists(self) -> dict[int, int]:
        """The lines of a recipe's ingredient lists near the text, each to its header's
        index: a header ("Ingredients", "Zutaten"), then short lines of which at least
        INGREDIENTS_MIN open with a quantity ("200 g flour", "½ lemon"), with short
        sub-headers between them ("For the dough:")."""
        headers = self.lang.ingredient_headers
        found: dict[int, int] = {}
        if not headers or self.first_body < 0:
            return found
        n = len(self.blocks)
        resume = 0  # (a header inside a list already scanned starts no new scan: linear)
        for h in range(n):
            f = self.facts[h]
            if (
                h < resume
                or f.words > 3
                or h in self.taken
                or folded(self.blocks[h].text) not in headers
            ):
                continue
            items: list[int] = []
            quantities = 0
            j = h + 1
            while j < n and j not in self.taken and self.facts[j].words <= INGREDIENT_MAX_WORDS:
                if _QUANTITY_RE.match(self.blocks[j].text):
                    quantities += 1
                elif self.facts[j].words > INGREDIENT_SUBHEAD_WORDS or self.facts[j].cats:
                    break
                items.append(j)
                j += 1
            resume = j
            while items and not _QUANTITY_RE.match(self.blocks[items[-1]].text):
                items.pop()  # (a short line after the last quantity is no item)
            if quantities < INGREDIENTS_MIN or not items:
                continue
            lo, hi = max(h - INGREDIENTS_NEAR, 0), min(items[-1] + INGREDIENTS_NEAR, n - 1)
            if not any(self.is_body[k] and self.facts[k].prose for k in range(lo, hi + 1)):
                continue  # a recipe box far from the text: another page's
            for k in (h, *items):
                found[k] = h
        return found

    def _reference_lists(self) -> dict[int, int]:
        """The lines of the article's references or notes, each to its header's index: a
        header ("References", "Einzelnachweise", "Notes [edit]") at most REFERENCES_NEAR
        lines below the main span, then the items, each citing a source (a year, an
        address, an ISBN) or opening with a list's mark ("^", "[2]", "3."); at
        least REFERENCES_MIN of them, and half, cite a source. The article's list of
        its sources is its text too, not a related list; a header with a colon
        ("Quellen:", "Sources:") labels the site's credits instead."""
        headers = self.lang.reference_headers
        found: dict[int, int] = {}
        if not headers or self.start < 0:
            return found
        blocks, facts = self.blocks, self.facts
        n = len(blocks)
        h = self.start
        last = min(n - 1, self.stop + REFERENCES_NEAR)
        while h < last:
            h += 1
            if h in self.taken or facts[h].words > 6:
                continue
            text = _EDIT_LINK_RE.sub("", blocks[h].text).rstrip()
            if text.endswith(":"):
                continue  # ("Sources:", "Quellen:" label the site's credits for the text)
            if folded(text) not in headers:
                continue
            items: list[int] = []
            cited = 0
            j = h + 1
            while j < n and len(items) < REFERENCES_MAX:
                text = blocks[j].text
                if j in self.taken:
                    j += 1  # (a citation's date read as the article's keeps its label)
                    continue
                if facts[j].words > REFERENCE_MAX_WORDS:
                    break
                if _CITATION_RE.search(text):
                    cited += 1
                elif not _LIST_MARK_RE.match(text):
                    break
                items.append(j)
                j += 1
            while items and not _CITATION_RE.search(blocks[items[-1]].text):
                items.pop()  # (a line after the last citation is no item)
            if cited < REFERENCES_MIN or cited * 2 < len(items):
                continue
            found[h] = h
            for k in items:
                found[k] = h
            h = j
        return found

    def _off_topic_runs(self) -> set[int]:
        """The lines of the runs of text beyond the main span that are off its topic,
        when the page holds several such runs (see OFF_TOPIC_SHARE).

        Teasers of other articles (a headline and a sentence or two, each on its own
        subject), a news ticker, a site's promotions: each run of them shares almost
        no words with the article, while a part of the article cut off by a box or a
        gallery goes on with its words. One such run may be a lead about another
        side of the subject; several make a page's list of other stories.
        """
        start, stop = self.start, self.stop
        if start < 0:
            return set()
        blocks, facts, probs = self.blocks, self.facts, self.scores.final
        inside = [
            i
            for i in range(start, stop + 1)
            if i not in self.taken and probs[i] >= INSIDE_THRESHOLD
        ]
        if sum(facts[i].words for i in inside) < OFF_TOPIC_SPAN_WORDS:
            return set()
        runs = _gap_runs(
            (
                i
                for i, ok in enumerate(self.is_body)
                if ok and not start <= i <= stop and i not in self.taken
            ),
            apart=start,
        )
        unsure = sum(
            1
            for run in runs
            if not (start - run[-1] <= LEAD_GAP and run[0] - stop <= LEAD_GAP)
            and max(probs[i] for i in run) < OFF_TOPIC_MAX_SCORE
        )
        if unsure < OFF_TOPIC_MIN_RUNS:
            return set()  # (too few runs could be off the topic: no need to read the words)
        words: set[str] = set()
        for i in inside:
            words.update(self._topic_words(blocks[i].text))
        title = getattr(self, "title_idx", -1)
        if title >= 0 and start - title <= OFF_TOPIC_TITLE_GAP:
            # (a "headline" far above the text is likely a box's header, no topic of it)
            words.update(self._topic_words(blocks[title].text))
        off: list[list[int]] = []
        weighed = 0
        for run in runs:
            if start - run[-1] <= LEAD_GAP and run[0] - stop <= LEAD_GAP:
                continue  # a lead or a last paragraph beside the span
            shared, total = self._topic_overlap(run, words)
            if total < OFF_TOPIC_MIN_WORDS:
                continue
            weighed += 1
            if max(probs[i] for i in run) >= OFF_TOPIC_MAX_SCORE:
                continue
            if shared < OFF_TOPIC_SHARE * total:
                off.append(run)
        if len(off) < OFF_TOPIC_MIN_RUNS or len(off) * 2 < weighed:
            return set()
        return {i for run in off for i in run}

    def _off_topic_after(self, listed: int) -> set[int]:
        """The lines of the runs of text below a related list (from line ``listed``) that
        are off the main span's topic (see OFF_TOPIC_SHARE): another article's text
        printed under the list, where one such run is enough to tell."""
        if self._after_list is not None:
            return self._after_list
        out: set[int] = set()
        self._after_list = out
        runs = _gap_runs(
            i
            for i in range(max(listed, self.stop + 1), len(self.blocks))
            if self.is_body[i] and i not in self.taken
        )
        if not runs:
            return out
        words = self._span_words()
        if len(words) < OFF_TOPIC_MIN_WORDS:
            return out
        for run in runs:
            shared, total = self._topic_overlap(run, words)
            if total >= OFF_TOPIC_MIN_WORDS and shared < OFF_TOPIC_SHARE * total:
                out.update(run)
        return out

    def _comments_start(self) -> int:
        """Where the readers' comments begin after the main span (their header: "Comments
        (12)", "Leave a reply", "12 Kommentare"); the number of lines when there is none.
        Text scored as the article's below it, beyond the span, is readers' comments."""
        n = len(self.blocks)
        if self.stop < 0:
            return n
        buttons: dict[str, list[int]] = {}
        for i in range(self.stop + 1, n):
            f = self.facts[i]
            if not 0 < f.words <= COMMENTS_HEADER_WORDS or not f.cats.get("comments"):
                continue
            toks = tokens(self.blocks[i].text)
            words = [t for t in toks if not t.isdigit()]
            covered, cats = self.lang.phrases.match(words)
            if covered == len(words) == len(toks) == 1 and set(cats) == {"comments"}:
                # "Reply", "Report": a button under each comment
                same = buttons.setdefault(folded(self.blocks[i].text), [])
                same.append(i)
                if len(same) < COMMENT_BUTTONS:
                    continue
                k = same[0] - 1
                while k > self.stop and self.facts[k].prose:
                    k -= 1  # (back over the first comment's text, to its author's line)
                return k
            if covered < len(words):  # "There are 12 comments": stop words around
                words = [t for t in words if t.lower() not in self.lang.stopwords]
                covered, cats = self.lang.phrases.match(words)
            # a comments phrase and nothing else, with a count or of two words or more
            # (a lone "Comment" may be a word of a listing or a button)
            if (
                words
                and covered == len(words)
                and set(cats) == {"comments"}
                and (len(words) >= 2 or len(words) < len(toks))
            ):
                return i
        return n

    def _topic_overlap(self, lines: Sequence[int], words: set[str]) -> tuple[int, int]:
        """How many of the topic words of ``lines`` (each counted per line) are in
        ``words``, and how many there are."""
        keys = [k for i in lines for k in self._topic_words(self.blocks[i].text)]
        return sum(1 for k in keys if k in words), len(keys)

    def _topic_words(self, text: str) -> set[str]:
        """The words of a line that say what it is about: no stop words, numbers or
        short words; a run of CJK characters (no spaces between words) gives its pairs
        of characters."""
        out: set[str] = set()
        stop = self.lang.stopwords
        for t in tokens(text):
            if len(t) > 3 and t[0] >= _CJK_START:
                out.update(t[k : k + 2] for k in range(len(t) - 1))
            elif len(t) > 2 and not t.isdigit() and t not in stop:
                out.add(t)
        return out

    def _related_list_after_text(self) -> int:
        """Where a list of related links (RELATED_LIST_MIN items or more) begins after the
        article's main span; the number of lines when there is none."""
        n = len(self.blocks)
        if self.stop < 0:
            return n
        count = 0
        first = n
        labels = self.out.labels
        for i in range(self.stop + 1, n):
            if labels[i] is Label.RELATED:
                count += 1
                first = min(first, i)
                if count >= RELATED_LIST_MIN:
                    return first
            elif self.is_body[i] and self.facts[i].prose and not self._teaser_sentence(i):
                count, first = 0, n
        return n

    def _after_inset_list(self, i: int) -> bool:
        """Whether line ``i`` is the article's paragraph right below a box of related
        headlines set into the text just after the main span ("Related stories" and a
        few titles, then the text's last paragraph): a long sentence, with only the
        box's header and its titles (no teaser sentences, no other lines) between the
        span and it, and no more titles nor text after it."""
        f = self.facts[i]
        gap = i - self.stop
        if not (2 <= gap <= INSET_LIST_MAX + 2 and f.prose and f.words >= SANDWICH_MIN_WORDS):
            return False
        if not _ends_sentence(self.blocks[i].text):
            return False
        labels = self.out.labels
        if self.stop + 1 not in self.related_headers or labels[self.stop] is Label.RELATED:
            return False  # (no box set into the text: the span ends among the links)
        titles = 0
        for k in range(self.stop + 2, i):
            if labels[k] is Label.RELATED and not _ends_sentence(self.blocks[k].text):
                titles += 1
            elif k not in self.related_headers:
                return False
        if not titles:
            return False
        if i + 1 >= len(labels):
            return True
        # (another title after it: the line is a teaser in a list of such boxes; more
        # text after it: another article's, below the list)
        nxt, f1 = self.blocks[i + 1], self.facts[i + 1]
        return (
            labels[i + 1] is not Label.RELATED
            and not (self.is_body[i + 1] and f1.prose)
            and (f1.words < INSET_TITLE_WORDS or _ends_sentence(nxt.text))
        )

    def _teaser_sentence(self, i: int) -> bool:
        """Whether line ``i`` is the sentence under a related item's title in a list of
        such teasers: the next title follows within TEASER_NEXT_TITLE lines (and no
        other list's header comes first), or the title before has a sentence of its
        own. After a box's one title set into the text, the text goes on instead."""
        labels, n = self.out.labels, len(self.out.labels)
        if i == 0 or labels[i - 1] is not Label.RELATED:
            return False
        for k in range(i + 1, min(i + TEASER_NEXT_TITLE + 1, n)):
            if k in self.related_headers:
                break  # (another list's header: this one had a single title)
            if labels[k] is Label.RELATED:
                return True
        return any(
            labels[k] is Label.RELATED and self.facts[k + 1].prose
            for k in range(max(i - 2 - TEASER_NEXT_TITLE, 0), i - 1)
        )

    def _in_long_run(self, i: int) -> bool:
        """Whether line ``i`` is one of LONG_RUN_MIN body lines in a row or more (looking
        no further than that on either side: the test stays linear on long runs)."""
        n, k, j = len(self.blocks), i, i
        while k > 0 and i - k < LONG_RUN_MIN and self.is_body[k - 1]:
            k -= 1
        while j + 1 < n and j - i < LONG_RUN_MIN and self.is_body[j + 1]:
            j += 1
        return j - k + 1 >= LONG_RUN_MIN

    def _body_reason(self, f: Facts) -> str:
        if f.prose:
            return f"prose ({f.words} words, {f.stop_share:.0%} stop words)"
        return f"in the text run ({f.words} words)"

    def _standalone_credits(self) -> None:
        for i in self._caption_range():
            if i in self.taken or (self.blocks[i].hint == "pre" and self.start <= i <= self.stop):
                continue
            f = self.facts[i]
            if (
                f.credit
                and not (self.is_body[i] and f.prose)
                and f.cats.get("legal", 0) * 2 < f.words
            ):
                count = self._credit_lines(i)
                if count:
                    self._set_credit(i, count, "credit: picture or source credit")
                else:
                    reason = _no_credit_reason(self.blocks[i].text, self.lang)
                    self.out.set(i, Label.BOILERPLATE, reason)
                    self.taken.add(i)

    def _credit_lines(self, j: int) -> int:
        """How many lines from line ``j`` make one credit: 1 for a credit line, 2 for a
        credit's marker alone ("Foto:", "©") with the name on the next line, 0 when
        ``j`` starts no credit (a marker with nothing after it, a title after "Video:",
        a category path, the site's copyright)."""
        if j >= len(self.blocks) or j in self.taken or not self.facts[j].credit:
            return 0
        text = self.blocks[j].text
        if self.facts[j].byline and not _picture_credit(text, self.lang):
            return 0  # "Text: Anna Berg / example.de": the article's byline
        if bare_credit(text, self.lang):
            return 2 if self._credit_goes_on(j + 1, text) else 0
        return 1 if is_credit(text, self.lang, strict=True) else 0

    def _credit_goes_on(self, k: int, marker: str) -> bool:
        """Whether line ``k`` is the rest of a credit whose marker (``marker``: "Foto:",
        "©") stands alone on the line above: a few words naming someone, not a sentence,
        a date, a byline, another marker or a boilerplate phrase."""
        if k >= len(self.blocks) or k in self.taken:
            return False
        b, f = self.blocks[k], self.facts[k]
        if not 1 <= f.words <= MAX_CREDIT_WORDS or f.date is not None or f.byline:
            return False
        if f.end in ("?", "!", ":", ",", ";") or _phrase_line(f) or (f.prose and f.words > 4):
            return False
        if bare_credit(b.text, self.lang) or b.hint in _HEADING_HINTS:
            return False
        head = marker.strip(MARKER_STRIP).lower()
        return credit_rest(b.text, head, self.lang)

    def _set_credit(self, j: int, count: int, reason: str) -> None:
        """Line ``j`` is a credit, with line ``j + 1`` when ``count`` is 2 (its marker
        alone on line ``j``: the credit is both lines' text)."""
        self.out.set(j, Label.CREDIT, reason)
        self.taken.add(j)
        if count == 2:
            self.out.set(j + 1, Label.CREDIT, "credit: the name after a credit marker")
            self.taken.add(j + 1)
            self.joined_credits[j] = f"{self.blocks[j].text.rstrip()} {self.blocks[j + 1].text}"

    def _credit_text(self, j: int) -> str:
        return self.joined_credits.get(j, self.blocks[j].text)

    def _collect_credits(self) -> None:
        for _text, credit in self.out.captions:
            if credit:
                self._add_credit(credit)
        names = {j + 1 for j in self.joined_credits}
        for i in sorted(self.taken):
            if self.out.labels[i] is Label.CREDIT and i not in names:
                self._add_credit(self._credit_text(i))

    def _add_credit(self, credit: str) -> None:
        credit = " ".join(credit.split())
        if credit and credit not in self.out.credits and not bare_credit(credit, self.lang):
            self.out.credits.append(credit)

    def _related(self) -> None:
        """Related links: after a related header ("Related", "Zum selben Thema"), or one
        teaser line with a related prefix ("Lesen Sie auch: ...", "Lire aussi | ...")."""
        blocks, facts = self.blocks, self.facts
        n = len(blocks)
        i = max(self.start, 0)
        while i < n:
            b, f = blocks[i], facts[i]
            if i in self.taken or i in self.references:
                i += 1
                continue
            if self._tag_line(b, f):
                self.out.set(i, Label.BOILERPLATE, "a tag line")
                self.taken.add(i)
                i += 1
                continue
            teaser = self._inline_teaser(b, f) or self._post_link(b, f)
            if teaser is not None:
                self.out.related.append((teaser, b.links[-1].url if b.links else None))
                self.out.set(i, Label.RELATED, "related: a teaser line with a related prefix")
                self.taken.add(i)
                i += 1
                continue
            if self._is_related_header(b, f):
                self.out.set(i, Label.BOILERPLATE, "related-section header")
                self.taken.add(i)
                self.related_headers.add(i)
                if folded(b.text) in self.lang.tag_headers:
                    i = self._tag_run(i + 1, b.text)
                else:
                    i = self._related_run(i + 1, b.text)
                continue
            i += 1

    def _tag_line(self, b: Block, f: Facts) -> bool:
        """ "Tags: Berlin, Verkehr", "Filed under: Politics", "Abgelegt unter Aktuelles": a
        tag-list header, then the tags (the header without a separator only when it has
        two words or more, "Themen der Woche" being a headline)."""
        if not 2 <= f.words <= TAG_LINE_MAX_WORDS or f.prose or f.end in (".", "!", "?"):
            return False
        headers = self.lang.tag_headers
        if not headers:
            return False
        match = _TEASER_SEP_RE.search(b.text, 0, 40)
        if match is not None and folded(b.text[: match.start()]) in headers:
            return True
        toks = tokens(b.text[:40])
        return any(len(toks) > k and " ".join(toks[:k]) in headers for k in (3, 2))

    def _inline_teaser(self, b: Block, f: Facts) -> str | None:
        """The title in "Lesen Sie auch: Title" (a related prefix, then a separator)."""
        if f.words < 4 or f.words > 40 or not (f.cats.get("related") or f.cats.get("readmore")):
            return None
        match = _TEASER_SEP_RE.search(b.text, 0, 60)
        if match is None:
            return None
        head = tokens(b.text[: match.start()])
        covered, cats = self.lang.phrases.match(head)
        if not head or covered < len(head) or not (cats.get("related") or cats.get("readmore")):
            return None
        rest = b.text[match.end() :].strip()
        return rest if len(rest.split()) >= RELATED_MIN_WORDS else None

    def _post_link(self, b: Block, f: Facts) -> str | None:
        """The title in "Vorheriger Beitrag Title", "Next post Title": a line starting
        with a two-word navigation phrase, then another post's title."""
        if f.words < 2 + RELATED_MIN_WORDS or f.words > 40 or not f.cats.get("navigation"):
            return None
        words = b.text.split(maxsplit=2)
        if len(words) < 3:
            return None
        covered, cats = self.lang.phrases.match(tokens(" ".join(words[:2])))
        if covered != 2 or set(cats) != {"navigation"}:
            return None
        return words[2].lstrip(":|»›>-–— ").strip() or None

    def _is_related_header(self, b: Block, f: Facts) -> bool:
        if f.words > 8 or f.words == 0:
            return False
        if f.cats.get("related", 0) * 2 >= f.words:
            return True
        # "Weitere Beiträge aus der Kolumne:", "More from Open Future": a related phrase
        # opening a short header
        return f.lead == "related" and f.words <= RELATED_HEADER_WORDS and f.end in (":", "letter")

    def _is_section_break(self, b: Block, f: Facts) -> bool:
        """A header that ends a related list: comments, newsletter, share, footer."""
        if f.words > 6 or not f.cats:
            return False
        top = max(f.cats, key=lambda c: f.cats[c])
        return (
            top in ("comments", "newsletter", "share", "legal", "login", "cookie")
            and f.cats[top] * 2 >= f.words
        )

    def _related_run(self, i: int, header: str) -> int:
        """Headline-like lines after a related header, until the list ends.

        Teaser sentences between the titles are boilerplate; the list ends at a
        comments or footer header, after RELATED_MAX_GAP other lines, or at prose
        that no further title follows (the article going on).
        """
        blocks, facts = self.blocks, self.facts
        n = len(blocks)
        packed = self._packed_list(i)
        for k in packed:  # items of one list, each a title run into its teaser
            self.out.related.append(
                (blocks[k].text, blocks[k].links[0].url if blocks[k].links else None)
            )
            self.out.set(k, Label.RELATED, f"related: an item of the list under '{header[:40]}'")
            self.taken.add(k)
        gap = items = 0
        if packed:
            i, items = packed[-1] + 1, len(packed)
        pending: list[int] = []
        #: whether the list so far is of bare titles (no teaser sentence between them)
        bare = True
        while i < n and gap <= RELATED_MAX_GAP and items < RELATED_MAX_ITEMS:
            b, f = blocks[i], facts[i]
            if i in self.taken:
                gap += 1
                i += 1
                continue
            if i in self.references:
                break  # (the article's references end a list of links above them)
            if self._is_section_break(b, f) or (items and self._is_related_header(b, f)):
                break
            if self._tag_line(b, f):
                self.out.set(i, Label.BOILERPLATE, "a tag line")
                self.taken.add(i)
                i += 1
                continue
            teaser = self._post_link(b, f)
            if teaser is not None:  # "Next article <its title and teaser>" inside the list
                self.out.related.append((teaser, b.links[-1].url if b.links else None))
                self.out.set(i, Label.RELATED, "related: a teaser line with a related prefix")
                self.taken.add(i)
                items += 1
                gap = 0
                i += 1
                continue
            if self._headline_like(b, f) and (b.links or not self.has_links):
                for k in pending:  # sentences between titles: the titles' teasers
                    self.out.set(k, Label.BOILERPLATE, "teaser of a related article")
                    self.taken.add(k)
                    bare = False
                pending.clear()
                url = b.links[0].url if b.links else None
                self.out.related.append((b.text, url))
                self.out.set(i, Label.RELATED, f"related: listed under '{header[:40]}'")
                self.taken.add(i)
                items += 1
                gap = 0
            elif f.date is not None and f.words <= 8:
                pass  # a teaser's date
            elif f.end in (".", "!", "?", "…") and f.words <= 45 and items:
                if bare and items >= 3:
                    break  # after a list of bare titles, a sentence is the text going on
                pending.append(i)
                if len(pending) > 2:
                    break
            else:
                gap += 1
            i += 1
        return i

    def _ticker(self) -> tuple[int, int]:
        """The first and last line of a news ticker below the main span: TICKER_MIN lines
        or more that open with a clock time ("14:32 Title", "14h10"), no more than
        TICKER_GAP lines apart, where the span itself has fewer than two (a live blog's
        text has its own). (-1, -1) when there is none."""
        none = (-1, -1)
        if self.stop < 0:
            return none
        blocks = self.blocks
        inside = sum(1 for i in range(self.start, self.stop + 1) if _CLOCK_RE.match(blocks[i].text))
        if inside >= 2:
            return none
        first = last = -1
        count = 0
        for i in range(self.stop + 1, len(blocks)):
            if not _CLOCK_RE.match(blocks[i].text):
                continue
            if last >= 0 and i - last > TICKER_GAP:
                if count >= TICKER_MIN:
                    break
                first, count = -1, 0
            if first < 0:
                first = i
            last = i
            count += 1
        return (first, last) if count >= TICKER_MIN else none

    def _sandwiched(self) -> set[int]:
        """Paragraphs scored low, SANDWICH_MAX of them or fewer in a row, with paragraphs
        scored as text on both sides and only short lines between (an advert's label, a
        picture's credit): the article's text going on past its boxes."""
        out: set[int] = set()
        facts, probs = self.facts, self.scores.final
        prev_body = False  # the last paragraph met was text
        run: list[int] = []
        for i, f in enumerate(facts):
            if i in self.related_headers or self.out.labels[i] is Label.RELATED or _share_bar(f):
                prev_body, run = False, []  # (a related list or a share bar ends the text)
            elif f.words <= SANDWICH_SHORT_WORDS and not f.prose:
                continue  # (a short line between paragraphs)
            elif not (f.prose and f.words >= SANDWICH_MIN_WORDS):
                prev_body, run = False, []
            elif self.is_body[i]:
                if prev_body and run:
                    out.update(run)
                prev_body, run = True, []
            elif (
                prev_body
                and len(run) < SANDWICH_MAX
                and (
                    probs[i] >= LEAD_THRESHOLD
                    or (f.words >= SANDWICH_LONG_WORDS and probs[i] >= SANDWICH_LONG_THRESHOLD)
                )
            ):
                run.append(i)
            else:
                prev_body, run = False, []
        return out

    def _button_teasers(self) -> set[int]:
        """A title and a teaser sentence, or a sentence alone, over a lone read-more
        button ("Read now", "Weiterlesen"), packed with it between blank lines on a page
        that sets its paragraphs apart with them: a box for another article, not text."""
        out: set[int] = set()
        if not self.paragraphed:
            return out
        blocks, facts = self.blocks, self.facts
        for i in range(1, len(blocks)):
            f = facts[i]
            if not 0 < f.words <= TEASER_BUTTON_WORDS or blocks[i].blank_before:
                continue
            if not (f.cats.get("readmore") or f.cats.get("related")):
                continue
            words = tokens(blocks[i].text)
            covered, cats = self.lang.phrases.match(words)
            if covered != len(words) or not set(cats) <= {"readmore", "related"}:
                continue
            if blocks[i - 1].blank_before:
                box = [i - 1]  # a teaser sentence (or a header) alone, over its button
                if facts[i - 1].end not in (".", "!", "?", ":"):
                    continue
            elif i >= 2 and blocks[i - 2].blank_before:
                box = [i - 2, i - 1]  # a title, then a sentence
                if facts[i - 2].end in (".", "!", "?"):
                    continue
            else:
                continue
            if all(facts[k].words <= CAPTION_SENTENCE_WORDS for k in box):
                out.update(box)
        return out

    def _packed_list(self, i: int) -> list[int]:
        """The lines from ``i`` on that make one list: PACKED_LIST_MIN lines or more with
        no blank line between them, none longer than a teaser, on a page that sets its
        paragraphs apart with blank lines (so that a list shows as one)."""
        blocks, facts, n = self.blocks, self.facts, len(self.blocks)
        if not self.paragraphed or i >= n or i in self.taken:
            return []
        out: list[int] = []
        j = i
        while (
            j < n
            and len(out) <= RELATED_MAX_ITEMS  # (a longer stretch is no list: linear)
            and j not in self.taken
            and (j == i or not blocks[j].blank_before)
            and not self._is_section_break(blocks[j], facts[j])
        ):
            out.append(j)
            j += 1
        if not PACKED_LIST_MIN <= len(out) <= RELATED_MAX_ITEMS or any(
            not RELATED_MIN_WORDS <= facts[k].words <= PACKED_ITEM_MAX_WORDS for k in out
        ):
            return []
        return out

    def _tag_run(self, i: int, header: str) -> int:
        """The tags after a tag-list header ("Tags:", "Schlagwörter"): short link lines,
        boilerplate (they name topics, not related articles), until a line that is not
        one."""
        blocks, facts = self.blocks, self.facts
        n = len(blocks)
        items = 0
        while i < n and items < TAG_MAX_ITEMS:
            b, f = blocks[i], facts[i]
            if i in self.taken or not 0 < f.words <= TAG_MAX_WORDS or f.prose:
                break
            if self.has_links and not b.links:
                break
            if f.end in (".", "!", "?", "…") or self._is_section_break(b, f):
                break
            self.out.set(i, Label.BOILERPLATE, f"a tag under '{header[:40]}'")
            self.taken.add(i)
            items += 1
            i += 1
        return i

    def _headline_like(self, b: Block, f: Facts) -> bool:
        if not RELATED_MIN_WORDS <= f.words <= 25 or f.credit or f.covered * 2 >= f.words:
            return False
        if f.date is not None and f.words <= 8:
            return False
        return f.end not in (".", ",", ";", ":") and _could_be_a_title(b.text, f)

    def _bios(self) -> None:
        """An author's bio after the text is not article text: a sentence starting with an
        author's name ("Sarah Lin covers ..."), or, among the text's last paragraphs, with
        a person's name and naming a writer's or scholar's job ("Will Knight is a senior
        writer for ...")."""
        if self.start < 0:
            return
        names = [a for a in self.out.authors if len(a.split()) >= 2]
        # two authors or more may be an interview's guest and host, whose turns each
        # line opens with ("Anna Berg: Ich glaube, ...")
        turns = len(self.out.authors) >= 2
        prose = [
            i
            for i in range(self.start, min(len(self.blocks), self.stop + LEAD_GAP + 1))
            if self.is_body[i] and self.facts[i].prose
        ]
        last = set(prose[-BIO_LAST_PARAGRAPHS:])
        for i in range(
            max(self.start - LEAD_GAP, getattr(self, "title_idx", -1) + 1, 0), len(self.blocks)
        ):
            if i in self.taken:
                continue
            b, f = self.blocks[i], self.facts[i]
            if f.words < 8 or f.end not in (".", "!"):
                continue
            if any(_opens_with(b.text, name, turns) for name in names) and f.end == ".":
                if i >= self.start + 2 or self._bio_sentence(b.text):
                    self.out.set(i, Label.BOILERPLATE, "author bio")
                    self.taken.add(i)
            elif i in last and f.words <= BIO_MAX_WORDS and self._bio_sentence(b.text):
                self.out.set(i, Label.BOILERPLATE, "author bio (a name and a writer's job)")
                self.taken.add(i)

    def _about_boxes(self) -> None:
        """The text of a box about the author or the site, after its header ("Über den
        Autor", "About me"; or "Über Anna Berg", "About Example Blog" after the article's
        main span, when the box ends the page's prose: inside the text, "About Python"
        heads a section on a topic): the
        header, at most ABOUT_SKIP short lines (a name, a job), then at most
        ABOUT_MAX_LINES paragraphs of prose. Only after the article's first line of text
        (a label "Autor" above the headline is a byline's)."""
        if self.first_body < 0:
            return
        blocks, facts = self.blocks, self.facts
        n = len(blocks)
        last_prose = max(
            (k for k in range(self.first_body, n) if self.is_body[k] and facts[k].prose),
            default=-1,
        )
        i = max(self.first_body, getattr(self, "title_idx", -1)) + 1
        while i < n:
            kind = None if i in self.taken else self._about_header(blocks[i].text, facts[i])
            if kind is None:
                i += 1
                continue
            j = i + 1
            while j < n and j - i <= ABOUT_SKIP and not facts[j].prose and facts[j].words <= 6:
                j += 1
            box: list[int] = []
            while (
                j < n
                and len(box) < ABOUT_MAX_LINES
                and j not in self.taken
                and facts[j].prose
                and facts[j].words <= ABOUT_MAX_WORDS
            ):
                box.append(j)
                j += 1
            if not box or (kind == "lead" and (i <= self.stop or box[-1] < last_prose)):
                i += 1
                continue
            for k in box:
                self.out.set(k, Label.BOILERPLATE, "about the author or the site")
                self.taken.add(k)
            i = j

    def _about_header(self, text: str, f: Facts) -> str | None:
        """ "header" for an about-box header ("Über den Autor", "About me", "Autorin"),
        "lead" for an about word before a name ("Über Anna Berg", "About Example Blog")."""
        if not 1 <= f.words <= ABOUT_HEADER_WORDS or f.prose or f.end in (".", "!", "?", ","):
            return None
        first = first_token(text)
        if first is None or first not in self.lang.about_firsts:
            return None
        toks = tokens(text)
        if " ".join(toks) in self.lang.about_headers:
            return "header"
        if not text.lstrip()[:1].isalpha() or f.digits:
            return None  # ("^ About Example, Site": a footnote)
        k = starts_with_phrase(toks, self.lang.about_leads)
        words = text.split()[k:] if k else []
        if not words:
            return None
        stop = self.lang.stopwords
        # every word of the rest a capitalised name, or a stop word ("Über das Bloghaus")
        if words[-1][:1].isupper() and all(w[:1].isupper() or w.lower() in stop for w in words):
            return "lead"
        return None

    def _bio_sentence(self, text: str) -> bool:
        """Whether a line starts with a person's name (two words or more) and names a
        writer's or scholar's job in its next words."""
        words = text.split()
        name = leading_name(words[:6], self.lang, after_prefix=False)
        if name is None or len(name.split()) < 2:
            return False
        head = tokens(" ".join(words[len(name.split()) : len(name.split()) + BIO_ROLE_WINDOW]))
        return any(t in BIO_WORDS for t in head)

    def _lexicon_lines(self) -> None:
        """Short lines made mostly of boilerplate phrases (share, paywall, cookie) are
        dropped, and so are comment counts ("11 responses to “Title”")."""
        for i, f in enumerate(self.facts):
            if i in self.taken or not f.words:
                continue
            if self.is_body[i] and f.words <= 20 and f.covered * 10 >= f.words * 6:
                top = max(f.cats, key=lambda c: f.cats[c])
                self.out.set(i, Label.BOILERPLATE, f"{top} phrase")
                self.taken.add(i)
            elif f.cats.get("comments") and self._comment_count(self.blocks[i].text):
                self.out.set(i, Label.BOILERPLATE, "comment count")
                self.taken.add(i)

    def _comment_count(self, text: str) -> bool:
        """ "11 responses to “Title”", "3 Kommentare", "12 Antworten zu „…“": a count, a
        comments phrase, then the end of the line or a quoted title."""
        match = _COUNT_HEAD_RE.match(text)
        if match is None:
            return False
        rest = text[match.end() :]
        quote = min((rest.find(q) for q in _OPEN_QUOTES if q in rest), default=len(rest))
        head = tokens(rest[:quote])
        covered, cats = self.lang.phrases.match(head)
        return bool(head) and covered == len(head) and set(cats) == {"comments"}

    def _link_runs(self, start: int) -> None:
        """Markdown/HTML: runs of headline-like links in or after the text are related links."""
        blocks, facts = self.blocks, self.facts
        run: list[int] = []

        def flush() -> None:
            if len(run) >= 2:
                for k in run:
                    link: Link = blocks[k].links[0]
                    self.out.related.append((blocks[k].text, link.url))
                    self.out.set(k, Label.RELATED, "related: a run of article links after the text")
                    self.taken.add(k)
            run.clear()

        for i in range(start, len(blocks)):
            b, f = blocks[i], facts[i]
            if i in self.taken:
                flush()
                continue
            if (
                b.links
                and b.link_chars >= 0.8 * len(b.text)
                and 4 <= f.words <= 25
                and f.cover_share < 0.3
                and len(b.links) == 1
                and _could_be_a_title(b.text, f)
                and not self._share_link(b.text, f)
            ):
                run.append(i)
            else:
                flush()
        flush()

    def _share_link(self, text: str, f: Facts) -> bool:
        """A share button's link ("Auf Facebook teilen", "Share on X"): a share phrase
        besides the network's name (a headline may name a network: "Facebook buys ..."),
        or a short link ending in a word such as "on" and a network's name: a profile's
        link ("Besucht uns auf Instagram", "The team on Mastodon")."""
        social = self.lang.social
        toks = tokens(text)
        if (
            2 <= len(toks) <= FOLLOW_MAX_WORDS
            and toks[-1] in social
            and toks[-2] in self.lang.stopwords
        ):
            return True
        if not f.cats.get("share"):
            return False
        _, cats = self.lang.phrases.match([t for t in toks if t not in social])
        return bool(cats.get("share"))


#: An HTML tag printed as text (a <noscript> block a text view shows as it is written).
_TAG_RE = re.compile(r"<[a-zA-Z!/][^<>]*>")
#: What marks a tag as a tracking pixel's or an advert's: hidden, one pixel wide or
#: high, or pointing at a long address with a query ("//ad.example/jump;sz=300x250;kw=...").
_TRACKER_TAG_RE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|\b(?:width|height)\s*=\s*[\"']?[01]\b"
    r"|(?:https?:)?//[^\s\"'<>?;&]{4,200}[?;&][^\s\"'<>]{20,}",
    re.IGNORECASE,
)

#: JavaScript named in a text of any language and script ("JavaScriptが無効", "Enable
#: Javascript"): no Latin letter right before or after the name.
_SCRIPT_NAMED_RE = re.compile(r"(?<![A-Za-z])java\s?script(?![A-Za-z])", re.IGNORECASE)


def _tracking_markup(text: str) -> bool:
    """A line that is mostly HTML markup (half its characters or more in tags) with a
    tag of a tracking pixel or an advert (``<img src="//pixel.example/p.gif?id=1"
    width="1" height="1">``), or whose words outside the tags name JavaScript (``<div
    class="alert"><p>Please turn on <em>JavaScript</em>...``, in any language): a
    <noscript> fallback printed raw, never the article's text. (An article showing code
    has markup too, but not a hidden pixel nor a tracker's address, and the word
    "JavaScript" there stands inside a tag: ``<script type="text/javascript">``.)
    """
    if "<" not in text:
        return False
    tags = [m.group() for m in _TAG_RE.finditer(text)]
    if sum(map(len, tags)) * 2 < len(text.strip()):
        return False
    if any(_TRACKER_TAG_RE.search(tag) for tag in tags):
        return True
    return len(tags) >= 2 and _SCRIPT_NAMED_RE.search(_TAG_RE.sub(" ", text)) is not None


#: A link to a profile on a social network ("Das Team auf Facebook") has at most this
#: many words.
FOLLOW_MAX_WORDS = 6

#: An e-mail address, or a telephone number in international form ("+49 (0)40 ...").
_CONTACT_RE = re.compile(r"[\w.+-]@[\w-]+\.[\w.]|(?<![\w+])\+\d{1,3}[\s(]+\d")


_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")


def main_title_part(parts: Sequence[str]) -> str:
    """The part of "Headline | Site name" that is the headline: the one with most words."""
    return max(parts, key=lambda p: len(p.split())) if parts else ""


#: A page title's end part is taken for the site's (or a section's) name when it has
#: at most this many words, each capitalised ("Politik", "The New York Times").
SITE_PART_MAX_WORDS = 4
#: ... and a part before the site's name, a section's name, at most this many.
SECTION_MAX_WORDS = 2


def _site_like(part: str) -> bool:
    """A word alone, or a few capitalised words: a site's or a section's name."""
    words = part.split()
    if len(words) == 1:
        return True
    return 0 < len(words) <= SITE_PART_MAX_WORDS and all(
        not w[0].isalpha() or w[0].isupper() for w in words
    )


#: A year or a dotted number ("4.47.4", "12.03."): a headline's detail, not a name's.
_NUMBERED_RE = re.compile(r"\b(?:19|20)\d\d\b|\d\.\d")


def _named(part: str) -> bool:
    """Whether a page title's part may be a site's or a section's name: it holds no year
    and no dotted number ("Patchnotes 4.47.4", "Bericht November 2021" are headlines')."""
    return _NUMBERED_RE.search(part) is None


def _ends_in_address(part: str) -> bool:
    """Whether a page title's part ends in a web address ("DIE ACHSE DES GUTEN. ACHGUT.COM")."""
    words = part.split()
    return bool(words) and _DOMAIN_RE.fullmatch(words[-1].lower()) is not None


def _without_site(text: str, parts: Sequence[str]) -> str:
    """The page title without the site's and sections' names at its ends: "Headline -
    Section | Site" gives "Headline", and a headline in two parts keeps both ("Von der
    Leyen will ... holen - Österreich zahlt die Zeche - Site").

    A web address goes first, from either end; then names at the end (after the
    site's own, only a section's of a word or two); then a shorter name at the start
    ("BBC News - Headline"). A part holding a year or a dotted number is no name
    ("Patchnotes 4.47.4", "Bericht November 2021").
    """
    if len(parts) < 2:
        return main_title_part(parts)
    seps = list(_TITLE_SPLIT_RE.finditer(text))
    if len(seps) != len(parts) - 1 or text.strip() != text:
        return main_title_part(parts)
    starts = [0, *(m.end() for m in seps)]
    ends = [*(m.start() for m in seps), len(text)]
    lo, hi = 0, len(parts)
    site_off = False  # (the site's name is off the end: a section's may follow it)
    while hi - lo > 1:
        first, last = parts[lo], parts[hi - 1]
        short_first, short_last = len(first.split()), len(last.split())
        if _ends_in_address(last):
            hi -= 1
        elif _ends_in_address(first):
            lo += 1
        elif _named(last) and (
            (_site_like(last) and (not site_off or short_last <= SECTION_MAX_WORDS))
            or (short_last <= 2 and short_last < short_first)
        ):
            hi -= 1  # "... – My website", then "... - Section"
            site_off = True
        elif _named(first) and (_site_like(first) or short_first <= 2) and short_first < short_last:
            lo += 1  # "Zoll online - Headline"
        else:
            break
    return text[starts[lo] : ends[hi - 1]]


#: A kicker's end in a page title ("Kicker: Headline", "Kicker - Headline").
_KICKER_SEP_RE = re.compile(r"\s?:\s+|\s[-–—]\s")
#: A kicker has at most this many words.
KICKER_MAX_WORDS = 6


def _without_kicker(line: str, wholes: Sequence[str]) -> str:
    """The headline of a line that says a page title's "Kicker: Headline" without the
    colon (the kicker, a separate element, run into the headline): "Headline"; else ""."""
    if _KICKER_SEP_RE.search(line) or ":" in line:
        return ""
    said = tokens(line)
    for whole in wholes:
        m = _KICKER_SEP_RE.search(whole)
        if m is None or not 1 <= len(whole[: m.start()].split()) <= KICKER_MAX_WORDS:
            continue
        head = whole[m.end() :].strip()
        if tokens(whole[: m.start()]) + tokens(head) == said and len(head.split()) >= 2:
            return head
    return ""


def _without_part(line: str, parts: Sequence[str], main_part: str) -> str:
    """The page title's main part, when a line says it after another of the page title's
    parts without their separator ("Patch Notes Patchnotes 4.47 - Bugfix Build" for
    "Patch Notes - Patchnotes 4.47 - Bugfix Build | Site": a section run into the
    headline); else ""."""
    key, main = _title_key(line), _title_key(main_part)
    if not main or not key.endswith(" " + main):
        return ""
    head = key[: -len(main) - 1]
    return main_part if any(_title_key(p) == head for p in parts) else ""


def names_its_site(parts: Sequence[str]) -> bool:
    """Whether a page title's parts are "Headline | Site": more than one, the main one of
    at least two words."""
    return len(parts) > 1 and len(main_title_part(parts).split()) >= 2


def _after_breadcrumbs(text: str) -> str:
    """A headline that a breadcrumb trail runs into ("Home » News » Headline"): its last part."""
    parts = _BREADCRUMB_RE.split(text)
    if len(parts) >= 3 and len(parts[-1].split()) >= 2:
        return parts[-1].strip()
    return text


def _set_off(head: str) -> bool:
    """Whether the text before a credit ends with a mark setting the credit apart (a
    sentence end, a bar, a dash, a bracket), not in the middle of a sentence."""
    return head.rstrip()[-1:] in _CREDIT_SETTERS


def _appended_credit(suffix: str, lang: Language) -> bool:
    """Whether the words a line's repeat appends read as a credit by themselves: a credit
    line ("Copyright AP", "Foto: dpa"), or a name beside an agency or a web site ("Anna
    Berg / pixabay.com"), not a category trail's next step or a list's next item
    ("Regional" / "Regional Berlin", "Schedule" / "Schedule 2")."""
    if is_credit(suffix, lang, strict=True) or picture_by(suffix, tokens(suffix), lang):
        return True
    return credit_rest(suffix, "", lang) and any(ch in suffix for ch in "©/|")


def _no_credit_reason(text: str, lang: Language) -> str:
    """Why a line that looked like a credit is none."""
    if bare_credit(text, lang):
        return "an empty credit: its marker alone"
    if site_copyright(text, lang):
        return "the site's copyright notice"
    if "/" in text and ":" not in text:
        return "a label or category path ('A / B')"
    return "no credit: a title or a sentence after a credit's word"


def _picture_credit(text: str, lang: Language) -> bool:
    """Whether a credit line credits a picture ("Foto: ...", "© ..."), not a text's source."""
    line = text.lstrip("|•·-–—([ ").lower()
    if line.startswith(("©", "(c)", "copyright")):
        return _YEAR_RE.search(line) is None  # "© 2024 The Paper": the site's copyright
    if picture_by(text, tokens(text), lang):
        return True  # "Photo by Anna Berg"
    head = line.split(":", 1)[0].strip() if ":" in line[:40] else ""
    toks = tokens(head)
    if not toks or head not in lang.credit_prefixes:
        return False
    return toks[0] not in lang.source_prefixes.firsts


def _could_be_a_title(text: str, f: Facts) -> bool:
    """Whether a line can be another article's title, as a related link: not a menu
    ("Home | Autoren | Themen | Archiv": three separators or more), not a contact
    line (an e-mail address, a telephone number)."""
    return f.separators < 3 and _CONTACT_RE.search(text) is None


def revise(
    blocks: Sequence[Block],
    facts: Sequence[Facts],
    scores: Scores,
    lang: Language,
    markup_title: str | None = None,
) -> Labelling:
    """Final labels of a page (``markup_title``: the title its HTML declares, if any)."""
    return Reviser(blocks, facts, scores, lang, markup_title).run()


__all__ = ["Labelling", "revise"]
