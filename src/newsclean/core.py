"""The pipeline in one place: read, segment, features, classify, revise, assemble."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from .classify import score_lines
from .errors import InputTooLargeError
from .features import document_facts
from .languages import detect, language_code, load, strip_accents
from .model import Article, Block, Caption, Label, LineLabel, PageMeta, Related, Source
from .options import DEFAULT_OPTIONS, Options
from .patterns import page_date_order, without_formulas
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
    order = page_date_order((b.text for b in blocks), lang.date_order)
    if order != lang.date_order:
        lang = replace(lang, date_order=order)
    facts = document_facts(blocks, lang)
    scores = score_lines(blocks, facts)
    labelling = revise(
        blocks, facts, scores, lang, meta.declared_title if meta is not None else None
    )
    article = assemble(blocks, labelling, code, Source(name=options.source_name, format=fmt))
    return merge_meta(article, meta) if meta is not None else article


def merge_meta(article: Article, meta: PageMeta) -> Article:
    """Combine the text's fields with the markup's metadata.

    Authors: see :func:`merge_authors`. Date: the markup's when it gives one
    (htmldate is right more often than a date line read from the text), else the
    text's; a date neither gives is then searched deeper in the page. Title and
    language: the text's, else the markup's.
    """
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
    page_text = "\n".join(ln.text for ln in article.lines)
    return replace(
        article,
        title=article.title or meta.title,
        authors=merge_authors(article.authors, meta.authors, meta.site_names, page_text),
        date=date,
        language=article.language or meta.language,
    )


def merge_authors(
    text: Sequence[str], markup: Sequence[str], site_names: Sequence[str] = (), page_text: str = ""
) -> tuple[str, ...]:
    """The authors of an HTML page, from its text's byline and its markup's metadata.

    The markup's (meta tags, JSON-LD) when only it gives some, or when both name
    different people: it is right more often than a byline read from the text.
    The text's instead when the markup's are a worse rendering of them:

    - the same names apart from punctuation, case, diacritics and spaces ("John C
      Welch" for "John C. Welch", "Det" and "Dpa" for "det/dpa"): the text's
      spelling, but a name the text gives in capitals or small letters alone
      that the markup gives in mixed case and otherwise the same is the markup's;
    - the markup names only the site or its publisher (:func:`is_site_name`) while
      the text names someone else;
    - each name the markup gives beside the site's is one of the text's, as
      spelled above, a lone first name of one ("Todd" for "Todd Bates") or one
      with a label before it ("FOCUS-Online-Experte Robin Tschöpe"): those of
      the text's names, not others its byline adds (a photographer...);
    - none of the markup's names shows in the page (``page_text``) while the
      text's do: a name the page never shows is not its byline.
    """
    text, markup = tuple(text), tuple(markup)
    if not text or not markup:
        return markup or text
    if len(text) > MERGE_MAX_NAMES or len(markup) > MERGE_MAX_NAMES:
        return markup  # (a page stuffing its author tags: the work stays bounded)
    if _same_names(text, markup):
        return _recase(text, markup)
    people = tuple(m for m in markup if not is_site_name(m, site_names))
    if not people:
        return markup if all(is_site_name(t, site_names, loose=False) for t in text) else text
    if all(any(_same_or_fuller(t, m) for t in text) for m in people):
        # the text's renderings of the markup's people (not others its byline adds)
        return tuple(t for t in text if any(_same_or_fuller(t, m) for m in people))
    if page_text:
        shown = name_key(page_text)
        if not any(name_key(m) in shown for m in people) and all(
            name_key(t) in shown for t in text
        ):
            return text
    return markup


def name_tokens(text: str) -> tuple[str, ...]:
    """A name's words, case-folded, without diacritics and punctuation."""
    plain = strip_accents(text).casefold()
    return tuple(w for w in _NAME_SPLIT_RE.split(plain) if w)


def name_key(text: str) -> str:
    """A name's letters and digits (see :func:`name_tokens`), run together."""
    return "".join(name_tokens(text))


def _same_names(a: Sequence[str], b: Sequence[str]) -> bool:
    """Both lists name the same people, spelled apart from punctuation, case,
    diacritics and spaces (also across names: "det/dpa" is "Det" and "Dpa")."""
    joined = "".join(name_key(n) for n in a)
    if joined and joined == "".join(name_key(n) for n in b):
        return True
    keys = {name_key(n) for n in a}
    return keys == {name_key(n) for n in b} and "" not in keys


def _recase(text: Sequence[str], markup: Sequence[str]) -> tuple[str, ...]:
    """The text's names, each one in capitals or small letters alone replaced by the
    markup's name that differs from it in case alone and is in mixed case."""

    def single_case(name: str) -> bool:
        return name in (name.upper(), name.lower())

    out: list[str] = []
    for name in text:
        if single_case(name):
            folded = name.casefold()
            name = next((m for m in markup if m.casefold() == folded and not single_case(m)), name)
        out.append(name)
    return tuple(out)


def _same_or_fuller(full: str, short: str) -> bool:
    """``full`` names the person ``short`` names, as fully or more: the same name
    (:func:`name_key`), its first name alone, or ``full`` with a label before it."""
    f, s = name_tokens(full), name_tokens(short)
    if f and f == s:
        return True
    if len(f) < 2 or not s:
        return False
    if len(s) == 1:
        return f[0] == s[0]
    return len(s) > len(f) and s[-len(f) :] == f


def is_site_name(name: str, site_names: Sequence[str], loose: bool = True) -> bool:
    """Whether an author name is one of the site's names (``PageMeta.site_names``):
    the same words or some of its words ("Deutsche Welle" for "Deutsche Welle
    (www.dw.com)", "Jobs" for "Jobs & Hire"); with ``loose``, also all its words and
    more when it has two or more ("Gelbe Liste Online" for "Gelbe Liste"), or its
    initials when the site writes them in capitals ("Deutsche Welle" for "DW.COM",
    not "Frank Thomas" for "ft.com")."""
    words = name_tokens(name)
    if not words:
        return False
    initials = "".join(w[0] for w in words) if len(words) >= 2 else ""
    for site in site_names:
        site_words = name_tokens(site)
        if not site_words:
            continue
        if set(words) <= set(site_words) or name_key(name) == name_key(site):
            return True
        if not loose:
            continue
        if len(site_words) >= 2 and set(site_words) <= set(words):
            return True
        if initials and any(
            w.isupper() and w.casefold() == initials for w in _NAME_SPLIT_RE.split(site)
        ):
            return True
    return False


#: :func:`merge_authors` compares lists of at most this many names.
MERGE_MAX_NAMES = 20

#: What separates a name's words for :func:`name_tokens`.
_NAME_SPLIT_RE = re.compile(r"[\W_]+")


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
    """Labels become an :class:`Article` (a body line that was all formula markup is left
    out, the others lose theirs: see :func:`without_formulas`)."""
    texts = [without_formulas(blocks[i].text) for i in lab.body]
    kept = [k for k, text in enumerate(texts) if text]
    body = tuple(texts[k] for k in kept)
    headings = lab.headings
    if len(kept) < len(texts):
        place = {k: j for j, k in enumerate(kept)}
        headings = {place[k] for k in headings if k in place}
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
        heading_indexes=frozenset(headings),
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
