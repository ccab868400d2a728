"""Silver labels for captions, credits and related links, read off a page's HTML markup.

The corpus's gold says nothing about captions, photo credits or related-link
lists, but the HTML usually marks them. This module reads those marks with
lxml and general rules only (no site rules):

captions
    ``<figcaption>`` elements and elements whose class or id names a caption
    (:data:`CAPTION_MARKERS`: caption, wp-caption-text, image-caption,
    bildunterschrift, bildtext, legende, legend...). When such elements nest,
    the innermost one is taken. The text of credit elements inside is left out.
credits
    Elements whose class or id names a credit (:data:`CREDIT_MARKERS`: credit,
    copyright, photographer, source, bildnachweis, quelle, foto...) that are
    inside a ``<figure>`` or a caption element, or close to an image (one of
    their three nearest ancestors holds an ``<img>``, ``<picture>`` or
    ``<video>``, little text and at most one paragraph, and is not the page, its
    ``<main>`` or ``<article>``), hold no image themselves and are not in a
    page footer.
related
    Titles of links (three words or more) in containers whose class or id
    names a related-content box (:data:`RELATED_MARKERS`: related, teaser,
    recommend, read-next, weitere, empfehlung, more, also...) holding at least
    two such links and starting after the last paragraph of the article's main
    text (the element with the most paragraph text among its ``<p>`` children).
    Links inside ``<nav>``/``<header>`` are ignored.

:func:`map_lines` then maps the items onto the lines of any rendering of the
page (a text view, or the blocks newsclean made of the HTML): a line is a silver
line of a kind when its collapsed, case-folded text equals an item, contains it
with the item covering at least half of the line, or (for long lines) is a part
of an item that a renderer split over lines.

Known limits are listed in docs/benchmark.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

KINDS: tuple[str, ...] = ("caption", "credit", "related")

#: Substrings of a class/id naming a caption.
CAPTION_MARKERS: tuple[str, ...] = (
    "caption",
    "bildunterschrift",
    "bildtext",
    "legende",
    "legend",
    "unterzeile",
)
#: Substrings of a class/id naming a credit.
CREDIT_MARKERS: tuple[str, ...] = (
    "credit",
    "copyright",
    "photographer",
    "fotograf",
    "source",
    "bildnachweis",
    "bildquelle",
    "quelle",
    "foto",
    "autor-bild",
    "byline-photo",
)
#: Substrings (separators removed) of a class/id naming a related-content box.
RELATED_MARKERS: tuple[str, ...] = (
    "related",
    "teaser",
    "recommend",
    "readnext",
    "readmore",
    "weitere",
    "empfehl",
    "mehrzum",
    "moreon",
    "morefrom",
    "seealso",
    "alsoread",
    "lesenauch",
    "auchinteressant",
    "youmayalso",
    "youmightalso",
    "similar",
)
#: Whole name parts (split at separators and case changes) naming a related-content box.
RELATED_PARTS: frozenset[str] = frozenset({"more", "also", "mehr", "weiteres", "ähnliche"})

MAX_CAPTION_CHARS = 600
MAX_CREDIT_CHARS = 150
MIN_LINK_WORDS = 3
MIN_LINK_CHARS = 15
MIN_RELATED_LINKS = 2
#: A main-text paragraph has at least this many characters.
MIN_PARAGRAPH_CHARS = 40
#: An image's neighbourhood (for credits) holds at most this much text.
MAX_IMAGE_BOX_CHARS = 800
#: A line is a silver line when the item covers at least this share of it.
LINE_MIN_COVER = 0.5
#: A line shorter than an item may be a part of it (split caption) from this length on.
MIN_PART_CHARS = 25

_WS_RE = re.compile(r"\s+")
_SEP_RE = re.compile(r"[\s_\-:./]+")
_CAMEL_RE = re.compile(r"[a-zäöüß]+|[A-ZÄÖÜ][a-zäöüß]*|\d+")
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
_META_CHARSET_RE = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w\-]+)""", re.I)
_DROP_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "object")
_MEDIA_TAGS = frozenset({"img", "picture", "video", "amp-img"})
_NAV_TAGS = frozenset({"nav", "header"})
#: Ancestors too large to be "the box around an image".
_PAGE_BOXES = frozenset({"body", "html", "main", "article"})


def _collapse(text: str) -> str:
    return _WS_RE.sub(" ", text).strip()


def _key(text: str) -> str:
    return _collapse(text).casefold()


@dataclass(frozen=True)
class Silver:
    """A page's silver items: caption texts, credit texts, related-link titles."""

    captions: tuple[str, ...] = ()
    credits: tuple[str, ...] = ()
    related: tuple[str, ...] = ()

    def items(self, kind: str) -> tuple[str, ...]:
        """The items of one kind (``caption``, ``credit``, ``related``)."""
        return {"caption": self.captions, "credit": self.credits, "related": self.related}[kind]

    def __bool__(self) -> bool:
        return bool(self.captions or self.credits or self.related)


# --- reading the HTML -------------------------------------------------------------------


def decode_html(data: bytes | str) -> str:
    """HTML bytes to text: UTF-8, else the ``<meta charset>``, else cp1252 (bytes replaced)."""
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    match = _META_CHARSET_RE.search(data[:4096])
    if match is not None:
        try:
            return data.decode(match.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return data.decode("cp1252", errors="replace")


def _parse(data: bytes | str) -> Any:
    from lxml import etree, html

    text = _XML_DECL_RE.sub("", decode_html(data)).replace("\x00", "")
    if not text.strip():
        return None
    parser = html.HTMLParser(remove_comments=True, remove_pis=True)
    try:
        root = html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        return None
    etree.strip_elements(root, *_DROP_TAGS, with_tail=False)
    return root


def _names(el: Any) -> str:
    """The element's class and id, lower-cased, space-separated."""
    return f"{el.get('class') or ''} {el.get('id') or ''}".lower()


def _name_parts(el: Any) -> set[str]:
    raw = f"{el.get('class') or ''} {el.get('id') or ''}"
    parts: set[str] = set()
    for chunk in _SEP_RE.split(raw):
        parts.update(p.lower() for p in _CAMEL_RE.findall(chunk))
    return parts


def _is_caption(el: Any) -> bool:
    if el.tag == "figcaption":
        return True
    names = _names(el)
    return bool(names.strip()) and any(m in names for m in CAPTION_MARKERS)


def _is_credit_name(el: Any) -> bool:
    names = _names(el)
    return bool(names.strip()) and any(m in names for m in CREDIT_MARKERS)


def _is_related_name(el: Any) -> bool:
    names = _SEP_RE.sub("", _names(el))
    if not names:
        return False
    if any(m in names for m in RELATED_MARKERS):
        return True
    return bool(_name_parts(el) & RELATED_PARTS)


def _text_without(el: Any, skip: set[Any]) -> str:
    """The element's text, leaving out the subtrees in ``skip``."""
    out: list[str] = []

    def walk(node: Any) -> None:
        if node in skip:
            return
        if isinstance(node.tag, str):
            if node.text:
                out.append(node.text)
            for child in node:
                walk(child)
                if child.tail:
                    out.append(child.tail)

    walk(el)
    return _collapse(" ".join(out))


def _has_media(el: Any) -> bool:
    return any(d.tag in _MEDIA_TAGS for d in el.iter())


def _near_image(el: Any) -> bool:
    """In a figure or caption, or one of the 3 nearest ancestors is a small box with an image."""
    parent = el.getparent()
    depth = 0
    while parent is not None and depth < 3:
        if parent.tag == "figure" or _is_caption(parent):
            return True
        if parent.tag in _PAGE_BOXES:
            return False
        if _has_media(parent):
            long_paragraphs = sum(
                len(_collapse(p.text_content())) >= MIN_PARAGRAPH_CHARS for p in parent.iter("p")
            )
            return (
                long_paragraphs < 2 and len(_collapse(parent.text_content())) <= MAX_IMAGE_BOX_CHARS
            )
        parent = parent.getparent()
        depth += 1
    return False


def _in_footer(el: Any) -> bool:
    """Inside a ``<footer>`` or an element whose class/id names a footer (site copyright lines)."""
    node = el
    while node is not None:
        if node.tag == "footer" or "footer" in _names(node):
            return True
        node = node.getparent()
    return False


def _in_nav(el: Any) -> bool:
    node = el
    while node is not None:
        if node.tag in _NAV_TAGS or (node.get("role") or "").lower() == "navigation":
            return True
        node = node.getparent()
    return False


def _main_text_end(root: Any, order: dict[Any, int]) -> int | None:
    """Document position of the last paragraph of the element with the most paragraph text."""
    best: tuple[int, Any] | None = None
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        paragraphs = [
            c
            for c in el
            if c.tag == "p" and len(_collapse(c.text_content())) >= MIN_PARAGRAPH_CHARS
        ]
        if not paragraphs:
            continue
        size = sum(len(_collapse(p.text_content())) for p in paragraphs)
        if best is None or size > best[0]:
            best = (size, paragraphs[-1])
    return None if best is None else order[best[1]]


def _link_title(a: Any) -> str:
    """A teaser link's title: its heading (or title-named element) if it has one, else its text."""
    for d in a.iter():
        if d is a or not isinstance(d.tag, str):
            continue
        names = _names(d)
        if d.tag in {"h1", "h2", "h3", "h4", "h5", "h6"} or "title" in names or "headline" in names:
            text = _collapse(d.text_content())
            if text:
                return text
    return _collapse(a.text_content())


def build_silver(data: bytes | str) -> Silver:
    """Silver captions, credits and related-link titles of an HTML page (empty if unparseable)."""
    root = _parse(data)
    if root is None:
        return Silver()
    elements = [el for el in root.iter() if isinstance(el.tag, str)]
    order = {el: i for i, el in enumerate(elements)}

    caption_els = [el for el in elements if _is_caption(el)]
    caption_set = set(caption_els)
    credit_els = [
        el
        for el in elements
        if el not in caption_set
        and _is_credit_name(el)
        and not _has_media(el)
        and _near_image(el)
        and not _in_footer(el)
    ]
    credit_set = set(credit_els)
    # innermost credit elements only
    credit_els = [el for el in credit_els if not any(d in credit_set for d in el.iterdescendants())]

    credits: list[str] = []
    for el in credit_els:
        text = _collapse(el.text_content())
        if 2 <= len(text) <= MAX_CREDIT_CHARS:
            credits.append(text)

    captions: list[str] = []
    skip = set(credit_els)
    for el in caption_els:
        if any(d in caption_set for d in el.iterdescendants()):
            continue  # an outer caption box: its inner caption is taken instead
        text = _text_without(el, skip)
        if 3 <= len(text) <= MAX_CAPTION_CHARS:
            captions.append(text)

    related = _related_titles(root, elements, order)
    return Silver(_unique(captions), _unique(credits), _unique(related))


def _related_titles(root: Any, elements: list[Any], order: dict[Any, int]) -> list[str]:
    end = _main_text_end(root, order)
    titles: list[str] = []
    taken: set[Any] = set()
    for box in elements:
        if not _is_related_name(box) or box.tag in {"a", "html", "body"}:
            continue
        if end is not None and order[box] <= end:
            continue
        links = []
        for a in box.iter("a"):
            if a in taken or not a.get("href") or _in_nav(a):
                continue
            title = _link_title(a)
            if len(title) >= MIN_LINK_CHARS and len(title.split()) >= MIN_LINK_WORDS:
                links.append((a, title))
        if len(links) < MIN_RELATED_LINKS:
            continue
        for a, title in links:
            taken.add(a)
            titles.append(title)
    return titles


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for item in items:
        seen.setdefault(_key(item), item)
    return tuple(seen.values())


# --- mapping onto lines -----------------------------------------------------------------


@dataclass(frozen=True)
class SilverLines:
    """Silver labels of a page's lines, and the items some line carries."""

    labels: tuple[str | None, ...]
    found: Silver = field(default_factory=Silver)


def _line_score(line: str, item: str) -> float:
    if not line or not item:
        return 0.0
    if line == item:
        return 1.0
    if item in line and len(item) >= LINE_MIN_COVER * len(line):
        return len(item) / len(line)
    if len(line) >= MIN_PART_CHARS and line in item:
        return len(line) / len(item)
    return 0.0


def map_lines(lines: Sequence[str], silver: Silver) -> SilverLines:
    """Each line's silver kind (or None), and the silver items found on some line.

    A line takes the kind of the item that covers most of it; on a tie the
    order of :data:`KINDS` decides (caption, then credit, then related).
    """
    items = [(kind, item, _key(item)) for kind in KINDS for item in silver.items(kind)]
    labels: list[str | None] = []
    found: dict[str, dict[str, str]] = {kind: {} for kind in KINDS}
    for raw in lines:
        line = _key(raw)
        best: tuple[float, int, str, str] | None = None
        for rank, (kind, item, key) in enumerate(items):
            score = _line_score(line, key)
            if score > 0 and (best is None or score > best[0]):
                best = (score, rank, kind, item)
            if score > 0:
                found[kind].setdefault(key, item)
        labels.append(None if best is None else best[2])
    return SilverLines(
        tuple(labels),
        Silver(
            tuple(found["caption"].values()),
            tuple(found["credit"].values()),
            tuple(found["related"].values()),
        ),
    )
