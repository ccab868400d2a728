"""HTML input: a page's markup becomes the same :class:`Block` list as a text scrape.

The page is parsed once with lxml's HTML parser, safely: no network, no DTD
or entity expansion (the HTML parser never expands declared entities),
comments and processing instructions dropped. libxml2 stops a document at 256
levels of nesting or at a 10 MB text node or attribute unless its "huge"
option is on, and then silently drops the rest of the page; when that limit
is hit the page is parsed again with the option on (the input is already
bounded by ``Options.max_bytes``, and the HTML parser has no entities to
amplify), and a page that still hits it (deeper than 2,048 levels) is refused
with :class:`UnparseableInputError`.

Segmentation follows the way ``html-text`` renders a page (the look of a raw
scrape): one block per text run of a block-level element, in document order,
inline elements joined by spaces, ``<br>`` ending a line. Markup that a
reader never sees is skipped: scripts, styles, templates, SVG, frames, option
lists, and hidden elements. Each block carries a structural hint, its links
(absolute URLs), the share of its text inside links, whether an image comes
right before it, and whether trafilatura's main-content extraction (fast
mode, run on the same tree) kept its text. trafilatura's metadata functions
(meta tags, JSON-LD) and htmldate give the page's metadata (:class:`PageMeta`).

lxml and trafilatura are imported here only, so plain-text and Markdown
input never load them.
"""

from __future__ import annotations

import datetime
import html as html_lib
import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from .errors import UnparseableInputError
from .languages import language_code
from .model import Block, Link, PageMeta
from .options import Options

if TYPE_CHECKING:
    from collections.abc import Iterable

#: Pages with more tags than this ("<" characters) are refused before parsing.
MAX_TAGS = 1_000_000
#: Attribute values longer than this are emptied before parsing (inline images...).
MAX_ATTRIBUTE_CHARS = 100_000
#: The deep date search (htmldate's extensive search, about 0.5 s per MB) runs only
#: on pages up to this many characters; every page of the corpus is smaller.
DEEP_DATE_MAX_CHARS = 2_000_000
#: libxml2's depth limit with its "huge" option (256 without it).
HUGE_MAX_DEPTH = 2048
#: Blocks shorter than this (characters, whitespace removed) count as kept by the
#: main-content extraction only when they are a whole line of its output or are
#: found next to the previous kept block (see :func:`main_flags`).
SHORT_BLOCK_CHARS = 20
#: How far (characters) from the previous kept block a short block may be found.
NEAR_CHARS = 40
#: Share of a block's word 4-grams found in the main content for it to count as kept.
MAIN_SHINGLE_SHARE = 0.5
#: Words per shingle.
SHINGLE_WORDS = 4
#: JSON-LD scripts longer than this are not searched for an ``articleBody``; nor is
#: their JSON deeper than LD_MAX_DEPTH levels.
LD_MAX_CHARS = 2_000_000
LD_MAX_DEPTH = 8
#: Markup inside a JSON-LD ``articleBody``: paragraph ends and line breaks, other tags.
_LD_BREAK_RE = re.compile(r"</p\s*>|<br\s*/?>|</h[1-6]\s*>|</li\s*>", re.I)
_LD_TAG_RE = re.compile(r"<[^<>]{0,1000}>")

# Elements whose content a reader never sees; their tail text is kept.
_REMOVED = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "canvas",
        "audio",
        "video",
        "select",
        "datalist",
        "option",
        "optgroup",
        "textarea",
        "head",
        "map",
        "param",
        "source",
        "track",
    }
)
# Block boundaries: 2 leaves a blank line (paragraph), 1 starts a new line.
# The html-text sets, plus section, address, caption, summary, button... A table row is
# one block (its cells joined by spaces, as html-text renders it); a cell's paragraphs
# are blocks of their own.
_BOUNDARY: dict[str, int] = {
    **dict.fromkeys(
        (
            "blockquote",
            "dl",
            "figure",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "ol",
            "p",
            "pre",
            "title",
            "ul",
        ),
        2,
    ),
    **dict.fromkeys(
        (
            "article",
            "aside",
            "br",
            "dd",
            "details",
            "div",
            "dt",
            "fieldset",
            "figcaption",
            "footer",
            "form",
            "header",
            "hr",
            "legend",
            "li",
            "main",
            "nav",
            "table",
            "tr",
            "caption",
            "section",
            "address",
            "summary",
            "center",
            "dialog",
            "menu",
            "hgroup",
            "search",
            "button",
            "body",
        ),
        1,
    ),
}
# Hints an element gives its own text, and which win over a container's.
_STRONG_HINT = {
    "h1": "h1",
    "h2": "h2",
    "h3": "h3",
    "h4": "h4",
    "h5": "h4",
    "h6": "h4",
    "figcaption": "figcaption",
    "caption": "caption",
    "button": "button",
}
# Hints an element gives its own text, weaker than a container's (a list item in a nav is nav).
_WEAK_HINT = {
    "li": "li",
    "blockquote": "quote",
    "td": "td",
    "th": "td",
    "pre": "pre",
    "dt": "dt",
    "dd": "dd",
    "address": "address",
}
_CONTAINER = {
    "nav": "nav",
    "aside": "aside",
    "footer": "footer",
    "header": "header",
    "form": "form",
    "search": "form",
}
_ROLE_CONTAINER = {
    "navigation": "nav",
    "banner": "header",
    "contentinfo": "footer",
    "complementary": "aside",
    "search": "form",
}
_IMAGE_TAGS = frozenset({"img", "picture", "amp-img"})

_WS_RE = re.compile(r"\s+")
_PUNCT_AFTER = frozenset(',:;.!?")')
_HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_CLASS_HINT_RE = re.compile(
    r"capt|l[eé]gend|bildunter|credit|copyright|photograph|fotograf|bildnach|source|quelle",
    re.I,
)
#: Elements that hold a whole page or article: a class naming captions on them is a
#: theme's setting for its pages ("mh-loop-hide-caption"), no caption.
_PAGE_TAGS = frozenset(("html", "body", "main", "article"))
#: Classes of a kicker, the short line above a headline ("Dachzeile", "roofline").
_KICKER_CLASS_RE = re.compile(
    r"kicker|roof-?line|over-?line|dachzeile|top-?line|eyebrow|spitzmarke|sub-heading", re.I
)
_HEADINGS = frozenset(("h1", "h2", "h3", "h4"))
_CAPTION_CLASS_RE = re.compile(
    r"caption|bildunterschrift|(?:^|[\s_-])l[eé]gende?(?:$|[\s_-])", re.I
)
_CREDIT_CLASS_RE = re.compile(
    r"credit|copyright|photographer|fotograf|bildnachweis|(?:^|[\s_-])(?:source|quelle)(?:$|[\s_-])",
    re.I,
)
_LONG_ATTRIBUTE_RE = re.compile(
    rf"""=[ \t\n]*(?:"[^"]{{{MAX_ATTRIBUTE_CHARS},}}"|'[^']{{{MAX_ATTRIBUTE_CHARS},}}')"""
)
_NOSCRIPT_RE = re.compile(r"<noscript", re.I)
_NOSCRIPT_OPEN_RE = re.compile(r"<noscript\b[^>]{0,1000}>", re.I)
_NOSCRIPT_CLOSE_RE = re.compile(r"</noscript\s*>", re.I)
_SCRIPT_OR_COMMENT_END_RE = re.compile(r"</script|-->", re.I)
_DOCTYPE_SUBSET_RE = re.compile(r"<!DOCTYPE[^>\[]{0,1000}\[.*?\]\s*>", re.I | re.S)
_LANG_RE = re.compile(r"^\s*([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]{1,8})*\s*$")
_ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WORD_RE = re.compile(r"\w+")
_ABSOLUTE_RE = re.compile(r"^https?://", re.I)
#: What separates a page's headline from its site's name in a <title> (or the parts
#: of a site name): a bar, a dash, a guillemet or a bullet between spaces, or a bar.
_TITLE_SEPARATOR_RE = re.compile(r"\s+[-|–—»«·•~]+\s+|\s*\|\s*")
#: Meta tags that name the site or its publisher.
_SITE_META_KEYS = frozenset(
    {
        "og:site_name",
        "application-name",
        "apple-mobile-web-app-title",
        "publisher",
        "dc.publisher",
        "dcterms.publisher",
        "article:publisher",
    }
)
#: JSON-LD types whose name is the site's or its publisher's.
_LD_SITE_TYPES = frozenset(
    {"Organization", "NewsMediaOrganization", "Corporation", "WebSite", "Brand"}
)
#: JSON-LD keys whose values are a work's people, not its site.
_LD_PERSON_KEYS = frozenset(
    {"author", "creator", "contributor", "editor", "accountablePerson", "founder", "employee"}
)
#: A longer "site name" is a sentence, not a name.
SITE_NAME_MAX_CHARS = 200
#: At most this many site names are kept (a page may repeat its meta tags thousands of
#: times: the work stays bounded).
SITE_NAMES_MAX = 50


def collapse(text: str) -> str:
    """Whitespace runs (including no-break spaces) to one space, ends trimmed."""
    return _WS_RE.sub(" ", text).strip()


def segment_html(text: str, options: Options) -> tuple[list[Block], PageMeta | None]:
    """The blocks of an HTML page and the metadata its markup gives.

    Raises :class:`UnparseableInputError` when the page cannot be parsed
    safely or shows no text.
    """
    root = parse(text)
    runs = _Walker(base_url(root, options.base_url)).walk(root)
    if not any(run.hint != "title" for run in runs):
        raise UnparseableInputError(
            "the HTML page shows no text (only markup, scripts or hidden elements)"
        )
    texts = [run.parts[0] for run in runs]
    main_text = _main_text(root, options.base_url)
    in_main = main_flags(texts, main_text) if main_text is not None else None
    title = texts[0] if runs[0].hint == "title" else None
    meta, declared = _markup_metadata(root, options.base_url) or (None, None)
    deep = len(text) <= DEEP_DATE_MAX_CHARS
    page = _page_meta(root, meta, title, options.base_url, deep, declared)
    return _blocks(runs, in_main), page


# --- parsing ---------------------------------------------------------------------------


def parse(text: str) -> Any:
    """The page's lxml tree (an ``HtmlElement``), parsed without network or entity expansion."""
    tags = text.count("<")
    if tags > MAX_TAGS:
        raise UnparseableInputError(
            f"the HTML page has {tags:,} tags, above the limit of {MAX_TAGS:,}"
        )
    # An internal DTD subset is not HTML; libxml2 would show its tail ("]>") as text.
    head = text[:5000]
    if "[" in head and _DOCTYPE_SUBSET_RE.search(head):
        text = _DOCTYPE_SUBSET_RE.sub("", head, count=1) + text[5000:]
    text = drop_noscript(text)
    if len(text) > MAX_ATTRIBUTE_CHARS:
        # inline images (data: URIs) and other giant attributes: nothing to read in them
        text = _LONG_ATTRIBUTE_RE.sub('=""', text)
    data = text.encode("utf-8", errors="replace")
    root, fatal = _parse_bytes(data, huge=False)
    if fatal is not None:
        # Past a resource limit libxml2 drops the rest of the page: parse again with
        # its limits raised (the input size is bounded by Options.max_bytes).
        root, fatal = _parse_bytes(data, huge=True)
        if fatal is not None:
            if "depth" in fatal.lower():
                raise UnparseableInputError(
                    f"the HTML page nests elements more than {HUGE_MAX_DEPTH:,} levels deep"
                )
            raise UnparseableInputError(f"the HTML page cannot be parsed: {fatal}")
    if root is None:
        raise UnparseableInputError("the HTML page is empty (no elements)")
    if not isinstance(root.tag, str):
        raise UnparseableInputError("the HTML page has no root element")
    return root


def drop_noscript(text: str) -> str:
    """The text without its ``<noscript>...</noscript>`` sections.

    Browsers read a noscript's content as raw text, shown only without
    JavaScript; libxml2 parses it as markup, so a ``<div>`` left open inside
    one swallows the rest of the page. They are cut before parsing. An opening
    tag whose section would hold the end of a script or a comment is taken for
    a string in a script (``document.write("<noscript>")``) or a commented-out
    tag and left alone; so is an unclosed one (it hides the rest of the page in
    a browser too, and the parser's tree drops it). Linear in the text's length.
    """
    if _NOSCRIPT_RE.search(text) is None:
        return text
    from bisect import bisect_left

    closings = [(m.start(), m.end()) for m in _NOSCRIPT_CLOSE_RE.finditer(text)]
    closing_starts = [start for start, _ in closings]
    markers = [m.start() for m in _SCRIPT_OR_COMMENT_END_RE.finditer(text)]
    pieces: list[str] = []
    kept_from = 0
    for opening in _NOSCRIPT_OPEN_RE.finditer(text):
        if opening.start() < kept_from:
            continue
        i = bisect_left(closing_starts, opening.end())
        if i == len(closings):
            break
        close_start, close_end = closings[i]
        j = bisect_left(markers, opening.end())
        if j < len(markers) and markers[j] < close_start:
            continue
        pieces.append(text[kept_from : opening.start()])
        kept_from = close_end
    pieces.append(text[kept_from:])
    # a space where a section was: the words on either side stay apart
    # ("Berlin<noscript><img ...></noscript>Mitte" is not "BerlinMitte")
    return " ".join(pieces)


def _parse_bytes(data: bytes, *, huge: bool) -> tuple[Any, str | None]:
    from lxml import etree
    from lxml.html import HTMLParser

    parser = HTMLParser(
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        no_network=True,
        collect_ids=False,
        default_doctype=False,
        huge_tree=huge,
    )
    try:
        root = etree.fromstring(data, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        reason = " ".join(str(exc).split())
        raise UnparseableInputError(f"the HTML page cannot be parsed: {reason}") from None
    fatal = next(
        (
            " ".join(e.message.split())
            for e in parser.error_log
            if e.level == etree.ErrorLevels.FATAL
        ),
        None,
    )
    return root, fatal


def base_url(root: Any, given: str | None) -> str | None:
    """The URL links are resolved against: ``given``, else <base href>, canonical, og:url."""
    if given:
        return given
    canonical = _canonical(root)
    base = root.find(".//base[@href]")
    href = (base.get("href") or "").strip() if base is not None else ""
    if href:
        return _join(canonical, href) if canonical and not _ABSOLUTE_RE.match(href) else href
    return canonical


def _canonical(root: Any) -> str | None:
    for link in root.iterfind(".//link[@href]"):
        rel = (link.get("rel") or "").lower().split()
        if "canonical" in rel:
            href = link.get("href", "").strip()
            if _ABSOLUTE_RE.match(href):
                return str(href)
    for meta in root.iterfind(".//meta[@content]"):
        if (meta.get("property") or meta.get("name") or "").lower() == "og:url":
            content = meta.get("content", "").strip()
            if _ABSOLUTE_RE.match(content):
                return str(content)
    return None


@lru_cache(maxsize=8192)  # a page repeats its links, a site its menus; urljoin is slow
def _join(base: str | None, href: str) -> str:
    if not base:
        return href
    try:
        return urljoin(base, href)
    except ValueError:
        return href


# --- segmentation ----------------------------------------------------------------------


@dataclass(slots=True)
class _Frame:
    """What an open element contributes to the text inside it."""

    boundary: int = 0
    strong: str = ""
    weak: str = ""
    container: str = ""
    figure: bool = False
    caption_ctx: bool = False  # figure, figcaption or a caption-like class: credits wait
    credit: bool = False
    article: bool = False  # article or main: a <header> inside is the article's, not the site's
    time: bool = False
    kicker: bool = False  # a kicker ("roofline", "Dachzeile") set above a headline
    cell: bool = False  # td, th: not a boundary (a row is one block), but a hint
    link: bool = False
    saved_href: str | None = None
    deferred: list[_Run] | None = None


_PLAIN = _Frame()  # shared by elements that contribute nothing (spans, bold...)
_NO_ATTRS: dict[str, str] = {}


@dataclass(slots=True)
class _Run:
    """The text of one block while it is being collected."""

    sep: int
    after_image: bool
    parts: list[str] = field(default_factory=list)
    last_raw: str = ""
    links: list[Link] = field(default_factory=list)
    link_chars: int = 0
    time_chars: int = 0
    kicker_chars: int = 0
    in_cell: bool = False  # some of the text is in a table cell (a row is one block)
    hint: str = ""


class _Walker:
    """One pass over the tree, collecting runs of text between block boundaries."""

    def __init__(self, base: str | None) -> None:
        self.base = base
        self.stack: list[_Frame] = []
        self.out: list[_Run] = []
        self.run: _Run | None = None
        self.pending_sep = 2
        self.carry_sep = 0
        self.brs = 0
        self.image_pending = False
        self.href: str | None = None
        self.link_parts: list[str] = []
        self.time_depth = 0
        self.kicker_depth = 0
        self.caption_depth = 0
        self.article_depth = 0
        self.cell_depth = 0
        self.kinds: dict[tuple[str, ...], _Kind] = {}

    def walk(self, root: Any) -> list[_Run]:
        from lxml import etree

        title = _document_title(root)
        if title:
            self.out.append(_Run(sep=2, after_image=False, parts=[title], hint="title"))
        body = root.find("body")
        start = body if body is not None else root
        walker = etree.iterwalk(start, events=("start", "end"))
        for event, el in walker:
            if event == "start":
                if self._start(el):
                    walker.skip_subtree()
            else:
                self._end(el, el is not start)
        self._flush()
        return self.out

    # events

    def _start(self, el: Any) -> bool:
        """Open an element; True when its content is to be skipped."""
        tag = el.tag
        if not isinstance(tag, str) or tag in _REMOVED:
            self.stack.append(_PLAIN)
            return True
        items = el.items()
        attrs: dict[str, str] = dict(items) if items else _NO_ATTRS
        if attrs and _hidden(attrs):
            self.stack.append(_PLAIN)
            return True
        if tag == "br":
            self._flush()
            self.brs += 1
            self._boundary(2 if self.brs >= 2 else 1)
            self.stack.append(_PLAIN)
            return False
        frame = self._frame(el, tag, attrs)
        if frame is not _PLAIN:
            if frame.boundary:
                self._flush()
                self._boundary(frame.boundary)
            if frame.link:
                self._close_link()
                frame.saved_href = self.href
                self.href = _link_url(attrs.get("href"), self.base)
            if frame.time:
                self.time_depth += 1
            if frame.kicker:
                self.kicker_depth += 1
            if frame.cell:
                self.cell_depth += 1
            if frame.caption_ctx:
                self.caption_depth += 1
            if frame.article:
                self.article_depth += 1
        self.stack.append(frame)
        if tag in _IMAGE_TAGS and not _tracking_pixel(attrs):
            self.image_pending = True
        text = el.text
        if text:
            self._text(text)
        return False

    def _end(self, el: Any, with_tail: bool) -> None:
        frame = self.stack[-1]
        if frame is not _PLAIN:
            if frame.boundary:
                self._flush()
                self._boundary(frame.boundary)
            if frame.link:
                self._close_link()
                self.href = frame.saved_href
            if frame.time:
                self.time_depth -= 1
            if frame.kicker:
                self.kicker_depth -= 1
            if frame.cell:
                self.cell_depth -= 1
            if frame.caption_ctx:
                self.caption_depth -= 1
            if frame.article:
                self.article_depth -= 1
            if frame.deferred:
                for run in frame.deferred:
                    run.sep = 1 if self.out else 2  # right after the caption's text
                    run.after_image = self.image_pending  # no caption text took the image
                    self.image_pending = False
                    self.out.append(run)
                frame.deferred = None
        self.stack.pop()
        if with_tail:
            tail = el.tail
            if tail:
                self._text(tail)

    def _frame(self, el: Any, tag: str, attrs: dict[str, str]) -> _Frame:
        if attrs:
            key: tuple[str, ...] = (
                tag,
                attrs.get("class") or "",
                attrs.get("id") or "",
                attrs.get("role") or "",
                "href" if "href" in attrs else "",
            )
        else:
            key = (tag,)
        info = self.kinds.get(key)
        if info is None:
            info = self.kinds[key] = _kind(key)
        if info is _PLAIN_KIND:
            return _PLAIN
        (
            boundary,
            strong,
            weak,
            container,
            caption_like,
            credit_name,
            article,
            figure,
            link,
            time,
            kicker,
        ) = info
        credit = credit_name and (self.caption_depth > 0 or caption_like or tag == "figcaption")
        if credit:
            caption_like = False  # "caption-credit": the credit part of a caption
            strong = strong or "figcaption"
            boundary = boundary or 1
        if container == "header" and self.article_depth:
            container = ""  # the article's header (title, byline), not the site's banner
        elif tag == "form" and container == "form" and _wraps_page(el):
            container = ""  # a form around the whole page (ASP.NET): not a form
        caption_ctx = figure or tag == "figcaption" or caption_like
        cell = weak == "td"
        if cell:
            weak = ""  # recorded on the run as its text is added, not read off the stack
        if not (
            boundary
            or strong
            or weak
            or container
            or article
            or link
            or time
            or kicker
            or caption_ctx
            or credit
            or cell
        ):
            return _PLAIN
        return _Frame(
            boundary=boundary,
            strong=strong,
            weak=weak,
            container=container,
            figure=figure,
            caption_ctx=caption_ctx,
            credit=credit,
            article=article,
            time=time,
            kicker=kicker,
            cell=cell,
            link=link,
        )

    # text

    def _boundary(self, strength: int) -> None:
        if strength > self.pending_sep:
            self.pending_sep = strength

    def _text(self, raw: str) -> None:
        if raw.isspace():
            return
        text = " ".join(raw.split())
        self.brs = 0
        run = self.run
        if run is None:
            run = self.run = _Run(
                sep=max(self.pending_sep, self.carry_sep), after_image=self.image_pending
            )
            self.pending_sep = 0
            self.carry_sep = 0
        elif _needs_space(run, raw, text):
            run.parts.append(" ")
        self.image_pending = False
        run.parts.append(text)
        run.last_raw = raw
        if self.href is not None:
            self.link_parts.append(text)
            run.link_chars += len(text)
        if self.time_depth:
            run.time_chars += len(text)
        if self.kicker_depth:
            run.kicker_chars += len(text)
        if self.cell_depth:
            run.in_cell = True

    def _close_link(self) -> None:
        if self.link_parts and self.run is not None:
            label = " ".join(self.link_parts)
            if self.href:
                self.run.links.append(Link(text=label, url=self.href))
        self.link_parts = []

    def _flush(self) -> None:
        run = self.run
        if run is None:
            return
        self._close_link()
        self.run = None
        text = "".join(run.parts)
        run.parts = [text]
        run.hint = self._hint(run, text)
        holder = self._credit_holder()
        if holder is not None:
            # A credit inside a caption: its own block, placed after the caption's text.
            if holder.deferred is None:
                holder.deferred = []
            holder.deferred.append(run)
            self.carry_sep = max(self.carry_sep, run.sep)
            if run.after_image:  # the caption's text, placed first, follows the image
                run.after_image = False
                self.image_pending = True
            return
        self.out.append(run)

    def _credit_holder(self) -> _Frame | None:
        """The caption element a credit run waits in, when the run is a credit."""
        if not self.caption_depth:
            return None
        in_credit = False
        for frame in reversed(self.stack):
            if frame.credit:
                in_credit = True
            if in_credit and frame.caption_ctx and not frame.credit:
                return frame
        return None

    def _hint(self, run: _Run, text: str) -> str:
        strong = weak = container = ""
        figure = kicker = False
        for frame in reversed(self.stack):
            if frame is _PLAIN:
                continue
            kicker = kicker or (frame.kicker and not strong)  # inside the heading, not around it
            if frame.strong and not strong:
                strong = frame.strong
            if frame.weak and not weak:
                weak = frame.weak
            if frame.container and not container:
                container = frame.container
            figure = figure or frame.figure or frame.caption_ctx
        if kicker and strong in _HEADINGS and run.kicker_chars >= 0.9 * len(text.replace(" ", "")):
            strong = ""  # a kicker above the headline, inside its element: not the heading
        if strong:
            return strong
        if run.time_chars and run.time_chars >= 0.9 * len(text.replace(" ", "")):
            return "time"
        if container:
            return container
        if weak:
            return weak
        if run.in_cell:
            return "td"
        return "figcaption" if figure else ""


_Kind = tuple[int, str, str, str, bool, bool, bool, bool, bool, bool, bool]
_PLAIN_KIND: _Kind = (0, "", "", "", False, False, False, False, False, False, False)


def _kind(key: tuple[str, ...]) -> _Kind:
    """What an element is, from its tag, class, id, role and whether it has an href.

    (boundary, strong hint, weak hint, container hint, caption-like, credit-like name,
    article, figure, link, time, kicker); the same for every element with the same key.
    """
    tag = key[0]
    cls, ident, role, href = key[1:] if len(key) == 5 else ("", "", "", "")
    boundary = _BOUNDARY.get(tag, 0)
    strong = _STRONG_HINT.get(tag, "")
    container = _CONTAINER.get(tag, "")
    role = role.strip().lower()
    if role:
        container = _ROLE_CONTAINER.get(role, container)
    caption_like = credit_name = False
    names = f"{cls} {ident}"
    if len(names) > 1 and tag not in _PAGE_TAGS and _CLASS_HINT_RE.search(names) is not None:
        caption_like = _CAPTION_CLASS_RE.search(names) is not None
        credit_name = _CREDIT_CLASS_RE.search(names) is not None
    if caption_like and not credit_name:
        strong = strong or "figcaption"
        boundary = boundary or 1
    kicker = len(names) > 1 and _KICKER_CLASS_RE.search(names) is not None
    if kicker:
        boundary = boundary or 1  # its own line, as a reader sees it
    kind = (
        boundary,
        strong,
        _WEAK_HINT.get(tag, ""),
        container,
        caption_like,
        credit_name,
        tag in ("article", "main") or role == "main",
        tag == "figure",
        tag == "a" and bool(href),
        tag == "time",
        kicker,
    )
    return _PLAIN_KIND if kind == _PLAIN_KIND else kind


def _needs_space(run: _Run, raw: str, text: str) -> bool:
    """Whether two inline pieces of a block are joined by a space (html-text's guess)."""
    prev = run.last_raw
    if prev[-1:].isspace() or raw[:1].isspace():
        return True
    if text[0] in _PUNCT_AFTER or prev.rstrip().endswith("("):
        return False
    # A drop cap ("<span>D</span>er Präsident"): one capital letter, then the word goes on.
    last = run.parts[-1]
    return not (len(last) == 1 and last.isupper() and text[0].islower())


def _blocks(runs: list[_Run], in_main: list[bool] | None) -> list[Block]:
    blocks: list[Block] = []
    count = len(runs)
    for i, run in enumerate(runs):
        text = run.parts[0]
        blocks.append(
            Block(
                n=i + 1,
                text=text,
                blank_before=i == 0 or run.sep >= 2,
                blank_after=i == count - 1 or runs[i + 1].sep >= 2,
                links=tuple(run.links),
                link_chars=min(run.link_chars, len(text)),
                hint=run.hint,
                after_image=run.after_image,
                in_main=None if in_main is None else in_main[i],
            )
        )
    return blocks


def _document_title(root: Any) -> str:
    head = root.find("head")
    title = head.find("title") if head is not None else None
    if title is None:
        title = root.find(".//title")
        if title is not None and any(a.tag in ("svg", "body") for a in title.iterancestors()):
            title = None
    return collapse(title.text_content()) if title is not None else ""


def _hidden(attrs: dict[str, str]) -> bool:
    hidden = attrs.get("hidden")
    if hidden is not None and hidden.strip().lower() != "until-found":
        return True
    if (attrs.get("aria-hidden") or "").strip().lower() == "true":
        return True
    style = attrs.get("style")
    return style is not None and _HIDDEN_STYLE_RE.search(style) is not None


def _tracking_pixel(attrs: dict[str, str]) -> bool:
    return attrs.get("width") in ("0", "1") or attrs.get("height") in ("0", "1")


def _wraps_page(form: Any) -> bool:
    """A form holding the page's content (headings, several paragraphs) is a wrapper."""
    from itertools import islice

    return len(list(islice(form.iter("p", "h1", "h2", "article", "main"), 3))) >= 3


def _link_url(href: str | None, base: str | None) -> str:
    """The link's absolute URL; "" for links that lead nowhere (javascript:, empty)."""
    href = (href or "").strip()
    if not href or href.lower().startswith("javascript:"):
        return ""
    return _join(base, href)


# --- main content and metadata ---------------------------------------------------------


def _main_text(root: Any, url: str | None) -> str | None:
    """trafilatura's main text of the page (fast mode: no fallback extractors), or None.

    ``bare_extraction`` copies a tree it is given before working on it, so our
    tree is left as it was (tests/test_html.py checks it). None when the
    extractor finds nothing or fails: the signal is then missing, the page is
    still cleaned.
    """
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            root,
            url=url,
            fast=True,
            include_comments=False,
            include_tables=True,
            with_metadata=False,
        )
    except Exception:  # a third-party extractor's bug must not cost the page
        return None
    text = getattr(doc, "text", None) if doc is not None else None
    return str(text) if text else None


def _markup_metadata(root: Any, url: str | None) -> tuple[Any, str | None] | None:
    """trafilatura's metadata of the page (a ``trafilatura.settings.Document``) and the
    title its meta tags or JSON-LD declare; None when it cannot be read.

    Its fast parts: meta tags, JSON-LD, title and site name fallbacks, and the
    date from htmldate without its extensive search (which hands undated pages
    to dateparser: slow, and not always installed). trafilatura's search for
    an author in the page's body is left out: it costs about a third of a
    whole ``trafilatura.extract``, and the line model reads bylines from the
    text. Neither function changes the tree.
    """
    try:
        from htmldate import find_date
        from trafilatura import metadata as tm
    except ImportError:  # pragma: no cover - both come with trafilatura
        return None
    try:
        doc = tm.examine_meta(root)
        if doc.author and " " not in doc.author:
            doc.author = None  # a single word: a handle, not a name (as trafilatura does)
        doc = tm.extract_meta_json(root, doc)
        declared = doc.title  # (its fallback below reads the h1 and <title>: not declared)
        doc.title = doc.title or tm.extract_title(root)
        doc.url = doc.url or tm.extract_url(root, url)
        doc.sitename = doc.sitename or tm.extract_sitename(root)
        doc.date = find_date(
            root,
            url=doc.url,
            extensive_search=False,
            original_date=True,
            max_date=datetime.date.today().isoformat(),
        )
    except Exception:  # a third-party extractor's bug must not cost the page
        return None
    return doc, declared


def ld_article_body(root: Any) -> tuple[str, ...]:
    """The longest ``articleBody`` of the page's JSON-LD, as paragraphs (markup inside it
    removed), or ``()``. Scripts over :data:`LD_MAX_CHARS` are skipped, and the JSON is
    searched :data:`LD_MAX_DEPTH` levels deep at most; JSON that cannot be read (broken,
    or nested past the parser's recursion limit) is skipped."""
    best = ""
    for script in root.iterfind(".//script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = script.text or ""
        if "articleBody" not in raw or len(raw) > LD_MAX_CHARS:
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        todo: list[tuple[object, int]] = [(data, 0)]
        while todo:
            node, depth = todo.pop()
            if depth > LD_MAX_DEPTH:
                continue
            if isinstance(node, dict):
                value = node.get("articleBody")
                if isinstance(value, str) and len(value) > len(best):
                    best = value
                todo.extend((v, depth + 1) for v in node.values() if isinstance(v, dict | list))
            elif isinstance(node, list):
                todo.extend((v, depth + 1) for v in node if isinstance(v, dict | list))
    if not best:
        return ()
    text = _LD_BREAK_RE.sub("\n", best)
    text = html_lib.unescape(_LD_TAG_RE.sub(" ", text))
    return tuple(p for p in (collapse(line) for line in text.split("\n")) if p)


def main_flags(texts: list[str], main_text: str) -> list[bool]:
    """For each block's text: is it part of the main-content extraction ``main_text``?

    Texts are compared with whitespace removed and case folded, in document
    order (the extraction keeps the page's order). A text of at least
    :data:`SHORT_BLOCK_CHARS` characters is kept when it occurs in the main
    text or when most of its word 4-grams do. A shorter one (a subheading, a
    byline, a single word) is kept only when it is a whole line of the main
    text or occurs close to where the previous kept text was found: a word
    that merely occurs somewhere in a paragraph is not kept.
    """
    lines = [_squash(line) for line in main_text.split("\n")]
    line_set = {line for line in lines if line}
    joined = "".join(lines)
    shingles: set[tuple[str, ...]] | None = None
    start = end = 0  # where the last kept text was found in ``joined``
    flags: list[bool] = []
    for text in texts:
        squashed = _squash(text)
        size = len(squashed)
        if not size:
            flags.append(False)
            continue
        if size < SHORT_BLOCK_CHARS:
            # just after the last kept text, or just before it (a credit placed after
            # its caption), never inside it
            at = joined.find(squashed, end, end + size + NEAR_CHARS)
            if at < 0:
                at = joined.find(squashed, max(0, start - size - NEAR_CHARS), start)
            kept = at >= 0 or squashed in line_set
        else:
            at = joined.find(squashed, max(0, start - NEAR_CHARS))
            if at < 0:
                at = joined.find(squashed)
            kept = at >= 0
            if not kept:
                if shingles is None:
                    shingles = set(_shingles(_WORD_RE.findall(main_text.casefold())))
                own = list(_shingles(_WORD_RE.findall(text.casefold())))
                found = sum(shingle in shingles for shingle in own)
                kept = bool(own) and found >= MAIN_SHINGLE_SHARE * len(own)
        if at >= 0:
            start, end = at, at + size
        flags.append(kept)
    return flags


def _squash(text: str) -> str:
    return "".join(text.split()).casefold()


def _shingles(words: list[str]) -> Iterable[tuple[str, ...]]:
    if len(words) < SHINGLE_WORDS:
        return ()
    return (tuple(words[i : i + SHINGLE_WORDS]) for i in range(len(words) - SHINGLE_WORDS + 1))


def _page_meta(
    root: Any,
    doc: Any,
    title: str | None,
    url: str | None,
    deep_date: bool = True,
    declared_title: str | None = None,
) -> PageMeta:
    author = str(getattr(doc, "author", None) or "")
    date = str(getattr(doc, "date", None) or "")
    page_url = url or _str_or_none(getattr(doc, "url", None)) or _canonical(root)
    site_name = _str_or_none(str(getattr(doc, "sitename", None) or "").lstrip("@"))
    return PageMeta(
        title=_str_or_none(getattr(doc, "title", None)) or title or None,
        declared_title=_str_or_none(declared_title),
        authors=tuple(a.strip() for a in author.split(";") if a.strip()),
        date=date if _ISO_DATE_RE.match(date) else None,
        language=page_language(root),
        site_name=site_name,
        site_names=site_names(root, site_name, page_url),
        url=page_url,
        article_body=ld_article_body(root),
        date_search=(lambda: _deep_date(root, page_url)) if deep_date else None,
    )


def site_names(root: Any, site_name: str | None = None, url: str | None = None) -> tuple[str, ...]:
    """Every name the markup gives the site or its publisher, in the order found.

    ``site_name`` (trafilatura's), the site-name and publisher meta tags (a URL
    given as publisher counts by its host name), the JSON-LD publishers and the
    names of its organisations and web sites (not those given as an author), the
    first and last parts of the <title> split at a separator (" | ", " - ", " » "...)
    but not its longest part (the headline), and the page's host name without
    "www.". Names with a separator are given whole and in parts.
    """
    found: dict[str, None] = {}  # (a dict keeps the order and tells a repeat at once)

    def add(value: object) -> None:
        if not isinstance(value, str) or len(found) >= SITE_NAMES_MAX:
            return
        text = collapse(html_lib.unescape(value)).lstrip("@")
        if _ABSOLUTE_RE.match(text):
            text = _host(text)
        if not text or len(text) > SITE_NAME_MAX_CHARS:
            return
        for name in (text, *_TITLE_SEPARATOR_RE.split(text)):
            name = name.strip()
            if name:
                found.setdefault(name, None)

    add(site_name)
    for meta in root.iterfind(".//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in _SITE_META_KEYS:
            add(meta.get("content"))
    for name in _ld_site_names(root):
        add(name)
    parts = [p.strip() for p in _TITLE_SEPARATOR_RE.split(_document_title(root)) if p.strip()]
    if len(parts) >= 2:
        longest = max(parts, key=len)
        for part in (parts[0], parts[-1]):
            if part != longest:
                add(part)
    if url:
        add(_host(url))
    return tuple(found)


def _host(url: str) -> str:
    """The host name of a URL, without "www." (``""`` when it has none)."""
    from urllib.parse import urlsplit

    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def _ld_site_names(root: Any) -> list[str]:
    """The names of the publishers, organisations and web sites the page's JSON-LD
    declares, except those given as an author or creator. Same limits as
    :func:`ld_article_body`."""
    names: list[str] = []
    for script in root.iterfind(".//script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = script.text or ""
        if len(raw) > LD_MAX_CHARS:
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        todo: list[tuple[object, int, bool]] = [(data, 0, False)]  # (node, depth, is a site)
        while todo:
            node, depth, site = todo.pop()
            if depth > LD_MAX_DEPTH:
                continue
            if isinstance(node, list):
                todo.extend((v, depth + 1, site) for v in node)
            elif isinstance(node, str) and site:
                names.append(node)
            elif isinstance(node, dict):
                kinds = node.get("@type")
                kinds = kinds if isinstance(kinds, list) else [kinds]
                if site or any(isinstance(k, str) and k in _LD_SITE_TYPES for k in kinds):
                    name = node.get("name")
                    if isinstance(name, str):
                        names.append(name)
                for key, value in node.items():
                    if key in _LD_PERSON_KEYS or not isinstance(value, dict | list | str):
                        continue
                    if isinstance(value, str) and key != "publisher":
                        continue
                    todo.append((value, depth + 1, key == "publisher"))
    return names


def _deep_date(root: Any, url: str | None) -> str | None:
    """htmldate's extensive search (dates in the URL, the text, the links), or None.

    It costs a few milliseconds, so it runs only for a page whose markup and
    text give no date. It does not change the tree. A 1 January is refused: from
    this search it is a year alone ("© 2019") taken for a day, far more often
    than a real date (corpus pages: 33 such, none right).
    """
    try:
        from htmldate import find_date

        date = find_date(
            root,
            url=url,
            extensive_search=True,
            original_date=True,
            max_date=datetime.date.today().isoformat(),
        )
    except Exception:  # a third-party extractor's bug must not cost the page
        return None
    if not date or not _ISO_DATE_RE.match(date) or date.endswith("-01-01"):
        return None
    return str(date)


def _str_or_none(value: object) -> str | None:
    if value is None:
        return None
    text = collapse(str(value))
    return text or None


def page_language(root: Any) -> str | None:
    """The page's declared language (``<html lang>``, content-language, og:locale), ISO 639-1."""
    candidates = [
        root.get("lang"),
        root.get("{http://www.w3.org/XML/1998/namespace}lang"),
        root.get("xml:lang"),
    ]
    for meta in root.iterfind(".//meta[@content]"):
        key = (meta.get("http-equiv") or meta.get("property") or meta.get("name") or "").lower()
        if key in ("content-language", "og:locale", "language", "dc.language"):
            candidates.append(meta.get("content"))
    for value in candidates:
        if value:
            match = _LANG_RE.match(value.split(",")[0])
            if match is not None and len(match.group(1)) == 2:
                return language_code(match.group(1))
    return None
