"""The pipeline in one place: read, segment, features, classify, revise, assemble."""

from __future__ import annotations

from collections.abc import Sequence

from .classify import score_lines
from .errors import InputTooLargeError
from .features import document_facts
from .languages import detect, language_code, load
from .model import Article, Block, Caption, Label, LineLabel, PageMeta, Related, Source
from .options import DEFAULT_OPTIONS, Options
from .reader import Document, read
from .revise import Labelling, revise
from .segment import segment_markdown, segment_text


def segment(doc: Document, options: Options) -> tuple[list[Block], PageMeta | None]:
    """The document's blocks, by its format, and the metadata its markup gives (HTML)."""
    if doc.format == "html":
        from .html import segment_html  # lxml and trafilatura: only for HTML input

        return segment_html(doc.text, options)
    if doc.format == "markdown":
        return segment_markdown(doc.text, options.base_url), None
    return segment_text(doc.text), None


def clean(data: bytes | str, options: Options = DEFAULT_OPTIONS) -> Article:
    """Clean one scraped page (text, Markdown or HTML; bytes or str) into an :class:`Article`.

    Raises :class:`~newsclean.errors.NewscleanError` (a subclass naming the
    problem) for input that cannot be cleaned: empty, binary, too large,
    unparseable.
    """
    doc = read(data, options)
    blocks, meta = segment(doc, options)
    if len(blocks) > options.max_lines:
        raise InputTooLargeError(
            f"input has {len(blocks):,} lines, above the maximum of {options.max_lines:,} "
            "(raise it with --max-lines)"
        )
    return clean_blocks(blocks, doc.format, options, meta)


def clean_blocks(
    blocks: list[Block], fmt: str, options: Options = DEFAULT_OPTIONS, meta: PageMeta | None = None
) -> Article:
    """Classify already segmented blocks (the pipeline after ``segment``)."""
    code = language_code(options.lang) or detect(b.text for b in blocks)
    if code is None and meta is not None:
        code = meta.language
    lang = load(code)
    facts = document_facts(blocks, lang)
    scores = score_lines(blocks, facts)
    labelling = revise(
        blocks, facts, scores, lang, meta.declared_title if meta is not None else None
    )
    article = assemble(blocks, labelling, code, Source(name=options.source_name, format=fmt))
    return merge_meta(article, meta) if meta is not None else article


def merge_meta(article: Article, meta: PageMeta) -> Article:
    """Combine the text's fields with the markup's metadata.

    Authors and date: the markup's when it gives them (meta tags, JSON-LD and
    htmldate are right more often than a byline or date line read from the
    text), else the text's; a date neither gives is then searched deeper in the
    page. Title and language: the text's, else the markup's.
    """
    from dataclasses import replace

    date = meta.date or article.date
    if date is None and meta.date_search is not None:
        date = meta.date_search()
    if _thin_body(article.body, meta.article_body):
        # the page shows little of its article (scripts fill it in): its JSON-LD text
        article = replace(
            article,
            body=meta.article_body,
            heading_indexes=frozenset(),
            lines=tuple(
                replace(ln, label=Label.BOILERPLATE, reason=LD_BODY_REASON)
                if ln.label in (Label.BODY, Label.HEADING)
                else ln
                for ln in article.lines
            ),
        )
    return replace(
        article,
        title=article.title or meta.title,
        authors=meta.authors or article.authors,
        date=date,
        language=article.language or meta.language,
    )


#: Why the lines found as text were dropped for the page's JSON-LD text.
LD_BODY_REASON = "the page shows little of its article: the body is its JSON-LD articleBody"
#: The visible text is thin when it has fewer words than this, and the JSON-LD
#: ``articleBody`` is taken when it has LD_BODY_MIN_WORDS words and LD_BODY_RATIO
#: times the visible text's.
THIN_BODY_WORDS = 60
LD_BODY_MIN_WORDS = 150
LD_BODY_RATIO = 3


def _thin_body(body: Sequence[str], ld_body: Sequence[str]) -> bool:
    """Whether the body found in the page's lines is a scrap of the JSON-LD text."""
    if not ld_body:
        return False
    words = sum(len(line.split()) for line in body)
    ld_words = sum(len(line.split()) for line in ld_body)
    return words < THIN_BODY_WORDS and ld_words >= max(LD_BODY_MIN_WORDS, LD_BODY_RATIO * words)


def assemble(blocks: list[Block], lab: Labelling, language: str | None, source: Source) -> Article:
    """Labels become an :class:`Article`."""
    body = tuple(blocks[i].text for i in lab.body)
    lines = tuple(
        LineLabel(n=b.n, text=b.text, label=label, reason=reason)
        for b, label, reason in zip(blocks, lab.labels, lab.reasons, strict=False)
    )
    return Article(
        title=lab.title,
        byline=lab.byline,
        authors=tuple(lab.authors),
        date=lab.date,
        language=language,
        body=body,
        captions=tuple(Caption(text=t, credit=c) for t, c in lab.captions),
        credits=tuple(lab.credits),
        related=_unique_related(lab.related),
        source=source,
        lines=lines,
        heading_indexes=frozenset(lab.headings),
    )


def _unique_related(items: Sequence[tuple[str, str | None]]) -> tuple[Related, ...]:
    """Related links, each article once (a teaser list often links one article twice, by
    its picture and by its title, or shows it in two lists), in order of first mention;
    an address found at a later mention fills in a missing one."""
    first: dict[str, int] = {}
    out: list[Related] = []
    for title, url in items:
        key = " ".join(title.split()).casefold()
        k = first.get(key)
        if k is None:
            first[key] = len(out)
            out.append(Related(title=title, url=url))
        elif out[k].url is None and url is not None:
            out[k] = Related(title=out[k].title, url=url)
    return tuple(out)
