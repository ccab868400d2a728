"""The data that flows through the pipeline: blocks in, an article out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Label(str, Enum):
    """What a line of the page is. Every line gets exactly one."""

    TITLE = "title"
    BYLINE = "byline"
    DATE = "date"
    BODY = "body"
    HEADING = "heading"
    CAPTION = "caption"
    CREDIT = "credit"
    RELATED = "related"
    BOILERPLATE = "boilerplate"

    def __str__(self) -> str:
        return self.value


#: Labels whose lines make up the article's text, in reading order.
BODY_LABELS = frozenset({Label.BODY, Label.HEADING})


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink found in a block (Markdown ``[text](url)`` or HTML ``<a>``)."""

    text: str
    url: str


@dataclass(frozen=True, slots=True)
class Block:
    """One line (text, Markdown) or one block element (HTML) of the input.

    ``n`` is the 1-based line number in the input for text and Markdown, the
    block's rank for HTML. ``text`` is what a reader sees: whitespace collapsed,
    Markdown markup and list markers removed. ``hint`` is a structural hint from
    the markup, when there is one (``h1`` to ``h6``, ``li``, ``figcaption``,
    ``nav``, ``aside``, ``footer``, ``header``, ``image``, ``quote``, ``pre``,
    ``title``...).
    """

    n: int
    text: str
    blank_before: bool = False
    blank_after: bool = False
    indent: int = 0
    bullet: str = ""
    links: tuple[Link, ...] = ()
    link_chars: int = 0
    hint: str = ""
    after_image: bool = False
    #: HTML only: whether trafilatura's main-content extraction kept this block.
    in_main: bool | None = None


@dataclass(frozen=True, slots=True)
class PageMeta:
    """Metadata a page's markup gives (HTML input): used where the text gives none."""

    title: str | None = None
    #: The title its meta tags or JSON-LD declare (og:title...), not one read from
    #: its <title> or h1.
    declared_title: str | None = None
    authors: tuple[str, ...] = ()
    date: str | None = None
    language: str | None = None
    site_name: str | None = None
    #: Every name the markup gives the site or its publisher: og:site_name and the
    #: like, publisher meta tags, JSON-LD publishers, organisations and web sites,
    #: the ends of the <title> after a separator, the page's host name. An author
    #: the markup gives that is one of these is the site's name, not a person's.
    site_names: tuple[str, ...] = ()
    url: str | None = None
    #: The article's text as its JSON-LD gives it (``articleBody``), in paragraphs: the
    #: body of a page whose visible text shows little of its article (one that scripts
    #: fill in).
    article_body: tuple[str, ...] = ()
    #: A slower, deeper search for the date (the page's text and links, not just its
    #: markup), run only when neither the markup nor the text gives one.
    date_search: Callable[[], str | None] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class LineLabel:
    """A block's final label and the reason for it (``--explain``)."""

    n: int
    text: str
    label: Label
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"n": self.n, "text": self.text, "label": self.label.value, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Caption:
    text: str
    credit: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "credit": self.credit}


@dataclass(frozen=True, slots=True)
class Related:
    title: str
    url: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "url": self.url}


@dataclass(frozen=True, slots=True)
class Source:
    name: str | None
    format: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "format": self.format}


@dataclass(frozen=True)
class Article:
    """The result of cleaning one page. ``to_dict`` gives the JSON contract."""

    title: str | None
    byline: str | None
    authors: tuple[str, ...]
    date: str | None
    language: str | None
    body: tuple[str, ...]
    captions: tuple[Caption, ...]
    credits: tuple[str, ...]
    related: tuple[Related, ...]
    source: Source
    lines: tuple[LineLabel, ...] = field(default=(), repr=False)
    #: Body paragraphs that are subheadings (indexes into ``body``).
    heading_indexes: frozenset[int] = frozenset()

    def to_dict(self, *, explain: bool = False) -> dict[str, Any]:
        """The JSON document (see the README); ``lines`` only with ``explain``."""
        doc: dict[str, Any] = {
            "title": self.title,
            "byline": self.byline,
            "authors": list(self.authors),
            "date": self.date,
            "language": self.language,
            "body": list(self.body),
            "captions": [c.to_dict() for c in self.captions],
            "credits": list(self.credits),
            "related": [r.to_dict() for r in self.related],
            "source": self.source.to_dict(),
        }
        if explain:
            doc["lines"] = [line.to_dict() for line in self.lines]
        return doc

    def label_counts(self) -> dict[str, int]:
        """How many lines got each label, in the order of :class:`Label`."""
        counts = {label.value: 0 for label in Label}
        for line in self.lines:
            counts[line.label.value] += 1
        return counts
