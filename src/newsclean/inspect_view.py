"""What ``newsclean inspect`` draws: rich renderables, no click and no I/O.

Two views:

- :class:`PageView`, one cleaned page: a header panel (title, byline, date,
  language, source, lines per label) and then every labelled line of the input,
  in order, with its number, a coloured label gutter and, on wide consoles, the
  reason for its label. Runs of boilerplate fold into one line unless asked not to.
- :func:`pages_table`, many cleaned pages (the JSON documents ``newsclean clean
  --format json`` writes): one row a page, the suspicious ones first.

Both draw at whatever width the console gives them, so tests can render them
into a string at a fixed width. :class:`Trimmed` drops the trailing spaces rich
pads table cells with, so that piped output and golden files carry none.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.panel import Panel
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from .model import Article, Caption, Label, LineLabel, Related

# --- Named constants --------------------------------------------------------

#: Consoles at least this wide show each line's reason beside it.
WIDE_COLUMNS = 100
#: Runs of at least this many consecutive boilerplate lines fold into one line.
FOLD_MIN_RUN = 3
#: A body shorter than this many words is flagged as suspicious in the pages table.
SHORT_BODY_WORDS = 80
#: The reason column takes this share of the width left after number and gutter.
REASON_SHARE = 1 / 3
#: The reason column is never wider than this.
REASON_MAX_WIDTH = 48

#: The colour of each label's gutter (one colour a label).
GUTTER_STYLES: Mapping[Label, str] = {
    Label.TITLE: "bold magenta",
    Label.BYLINE: "cyan",
    Label.DATE: "bright_cyan",
    Label.BODY: "bold green",
    Label.HEADING: "bold bright_green",
    Label.CAPTION: "yellow",
    Label.CREDIT: "bright_yellow",
    Label.RELATED: "blue",
    Label.BOILERPLATE: "dim",
}

#: The style of each label's text: body the most readable, boilerplate dimmed.
TEXT_STYLES: Mapping[Label, str] = {
    Label.TITLE: "bold",
    Label.BYLINE: "",
    Label.DATE: "",
    Label.BODY: "",
    Label.HEADING: "bold",
    Label.CAPTION: "italic",
    Label.CREDIT: "italic",
    Label.RELATED: "",
    Label.BOILERPLATE: "dim",
}

REASON_STYLE = "dim italic"
LINE_NUMBER_STYLE = "dim"
URL_STYLE = "underline blue"
FOLD_STYLE = "dim"
#: Shown for an absent value (no title, no date, no share of lines).
MISSING = "–"

_GUTTER_WIDTH = max(len(label.value) for label in Label)
#: Numbers and probabilities the model puts in its reasons ("(12 words)", "p=0.10"),
#: left out when boilerplate reasons are counted to name a folded run.
_REASON_DETAIL_RE = re.compile(r"\s*\([^()]*\d[^()]*\)|,?\s*\bp=\d+(?:\.\d+)?")
_WS_RE = re.compile(r"\s+")
#: Scripts written without spaces between words: each character counts as a word.
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af"
_WORD_RE = re.compile(rf"[{_CJK}]|[^\W{_CJK}]+")


def parse_labels(spec: str) -> frozenset[Label]:
    """The labels named in ``"body,caption"``; :class:`ValueError` naming the unknown ones."""
    names = [part.strip().lower() for part in spec.split(",")]
    names = [name for name in names if name]
    if not names:
        raise ValueError("give at least one label")
    known = {label.value: label for label in Label}
    unknown = [name for name in names if name not in known]
    if unknown:
        raise ValueError(
            f"unknown label{'s' if len(unknown) > 1 else ''} {', '.join(map(repr, unknown))} "
            f"(choose from {', '.join(known)})"
        )
    return frozenset(known[name] for name in names)


def reason_key(reason: str) -> str:
    """A reason without its numbers, so that reasons differing only in scores count as one."""
    return _REASON_DETAIL_RE.sub("", reason).strip() or reason.strip()


def count_words(text: str) -> int:
    """Words in a text; in scripts without spaces (Chinese, Japanese, Korean) each character."""
    return len(_WORD_RE.findall(text))


# --- The page view ----------------------------------------------------------


@dataclass(frozen=True)
class ViewOptions:
    """How much of a page the view shows.

    show_all: fold nothing. only: show just the lines with these labels (and fold
    nothing: they were asked for). reasons: show the reason column (``None``: when
    the console is at least :data:`WIDE_COLUMNS` wide).
    """

    show_all: bool = False
    only: frozenset[Label] | None = None
    reasons: bool | None = None
    fold_min: int = FOLD_MIN_RUN


@dataclass(frozen=True)
class LineRow:
    """One input line as shown, with the caption or related link it belongs to."""

    line: LineLabel
    caption: Caption | None = None
    related: Related | None = None


@dataclass(frozen=True)
class FoldedRow:
    """A run of boilerplate lines shown as one line."""

    lines: tuple[LineLabel, ...]

    @property
    def reasons(self) -> Counter[str]:
        return Counter(reason_key(line.reason) for line in self.lines)

    def summary(self) -> str:
        """``… 23 boilerplate lines: navigation phrase`` (the most common reason)."""
        counts = self.reasons
        text = f"… {len(self.lines)} boilerplate lines"
        if not counts:
            return text
        # most_common keeps first-seen order among ties, which is line order here.
        top, _ = counts.most_common(1)[0]
        if top:
            text += f": {top}"
        others = len(counts) - 1
        if others:
            text += f" (+{others} other reason{'s' if others > 1 else ''})"
        return text


Row = LineRow | FoldedRow


def _norm(text: str) -> str:
    return _WS_RE.sub(" ", text).strip().casefold()


def _find_caption(text: str, captions: Sequence[Caption]) -> Caption | None:
    """The caption a caption line belongs to: the same text, or that text plus its credit."""
    key = _norm(text)
    for caption in captions:
        if _norm(caption.text) == key:
            return caption
    for caption in captions:
        ckey = _norm(caption.text)
        if ckey and (key.startswith(ckey) or ckey.startswith(key) or key in ckey):
            return caption
    return None


def _find_related(text: str, related: Sequence[Related]) -> Related | None:
    """The related link a related line shows: the same title, or a title the line holds."""
    key = _norm(text)
    for item in related:
        if _norm(item.title) == key:
            return item
    for item in related:
        tkey = _norm(item.title)
        if tkey and (tkey in key or key in tkey):
            return item
    return None


def plan_rows(article: Article, options: ViewOptions = ViewOptions()) -> list[Row]:
    """The rows the view shows, in input order: lines, filtered, with boilerplate runs folded."""
    lines: Iterable[LineLabel] = article.lines
    if options.only is not None:
        lines = [line for line in lines if line.label in options.only]
    fold = not options.show_all and options.only is None and options.fold_min > 0
    rows: list[Row] = []
    run: list[LineLabel] = []

    def flush() -> None:
        if fold and len(run) >= options.fold_min:
            rows.append(FoldedRow(tuple(run)))
        else:
            rows.extend(LineRow(line) for line in run)
        run.clear()

    for line in lines:
        if line.label is Label.BOILERPLATE:
            run.append(line)
            continue
        flush()
        caption = related = None
        if line.label is Label.CAPTION:
            caption = _find_caption(line.text, article.captions)
        elif line.label is Label.RELATED:
            related = _find_related(line.text, article.related)
        rows.append(LineRow(line, caption=caption, related=related))
    flush()
    return rows


def _line_text(row: LineRow) -> Text:
    line = row.line
    text = Text(line.text, style=TEXT_STYLES[line.label])
    caption = row.caption
    if caption is not None and caption.credit:
        credit = caption.credit
        style = GUTTER_STYLES[Label.CREDIT]
        if _norm(line.text).endswith(_norm(credit)) and _norm(line.text) != _norm(credit):
            # The credit is already on the line ("caption text Foto: X"): mark it.
            start = len(line.text) - len(credit)
            if line.text[start:] == credit:
                text.stylize(style, start)
            else:
                text.append(f"  [credit: {credit}]", style=style)
        else:
            text.append(f"  [credit: {credit}]", style=style)
    if row.related is not None and row.related.url:
        text.append("  → ", style=FOLD_STYLE)
        text.append(row.related.url, style=URL_STYLE)
    return text


def _gutter(label: Label) -> Text:
    return Text(label.value, style=GUTTER_STYLES[label])


@dataclass(frozen=True)
class PageView:
    """One cleaned page: header panel, then its lines (draws itself at the console's width)."""

    article: Article
    options: ViewOptions = field(default_factory=ViewOptions)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield header_panel(self.article)
        yield Text("")
        yield LinesView(self.article, self.options)


@dataclass(frozen=True)
class LinesView:
    """The labelled lines of a page, one row each (or one row a folded run)."""

    article: Article
    options: ViewOptions = field(default_factory=ViewOptions)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        rows = plan_rows(self.article, self.options)
        if not rows:
            what = (
                "lines"
                if self.options.only is None
                else (
                    "lines labelled "
                    + ", ".join(sorted(label.value for label in self.options.only))
                )
            )
            yield Text(f"(no {what})", style=FOLD_STYLE)
            return
        width = options.max_width
        show_reasons = self.options.reasons
        if show_reasons is None:
            show_reasons = width >= WIDE_COLUMNS
        numbers = [row.lines[0].n if isinstance(row, FoldedRow) else row.line.n for row in rows]
        number_width = max(len(str(n)) for n in numbers)
        table = Table.grid(padding=(0, 1), expand=True)
        table.add_column(justify="right", width=number_width, no_wrap=True)
        table.add_column(width=_GUTTER_WIDTH, no_wrap=True)
        if show_reasons:
            rest = max(width - number_width - _GUTTER_WIDTH - 3, 20)
            reason_width = min(REASON_MAX_WIDTH, max(12, int(rest * REASON_SHARE)))
            table.add_column(ratio=1, overflow="fold")
            table.add_column(width=reason_width, overflow="fold")
        else:
            table.add_column(ratio=1, overflow="fold")
        for n, row in zip(numbers, rows, strict=True):
            number = Text(str(n), style=LINE_NUMBER_STYLE)
            if isinstance(row, FoldedRow):
                cells: list[Text] = [
                    number,
                    _gutter(Label.BOILERPLATE),
                    Text(row.summary(), style=FOLD_STYLE),
                ]
                if show_reasons:
                    cells.append(
                        Text(f"lines {row.lines[0].n}–{row.lines[-1].n}", style=REASON_STYLE)
                    )
            else:
                cells = [number, _gutter(row.line.label), _line_text(row)]
                if show_reasons:
                    cells.append(Text(row.line.reason, style=REASON_STYLE))
            table.add_row(*cells)
        yield table


def _value(text: str | None, style: str = "") -> Text:
    return Text(text, style=style) if text else Text(MISSING, style="dim")


def label_counts_text(article: Article) -> Text:
    """``body 16 · boilerplate 14 · …``: the labels that occur, each in its colour."""
    out = Text()
    for name, count in article.label_counts().items():
        if not count:
            continue
        if out:
            out.append(" · ", style="dim")
        label = Label(name)
        out.append(name, style=GUTTER_STYLES[label])
        out.append(f" {count}")
    return out if out else Text("no lines", style="dim")


def header_panel(article: Article) -> Panel:
    """Title, byline/authors, date, language, source and format, lines per label."""
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    grid.add_row("Title", _value(article.title, "bold"))
    byline = article.byline
    authors = ", ".join(article.authors)
    if byline and authors and _norm(authors) not in _norm(byline):
        byline_text = Text(byline).append(f"  (authors: {authors})", style="dim")
    else:
        byline_text = _value(byline or authors)
    grid.add_row("Byline", byline_text)
    grid.add_row("Date", _value(article.date))
    grid.add_row("Language", _value(article.language))
    source = Text(article.source.name or "<stdin>")
    source.append(f"  ({article.source.format})", style="dim")
    grid.add_row("Source", source)
    total = len(article.lines)
    kept = sum(1 for line in article.lines if line.label is not Label.BOILERPLATE)
    words = sum(count_words(p) for p in article.body)
    grid.add_row(
        "Kept",
        Text(
            f"{kept} of {total} lines; body {len(article.body)} "
            f"paragraph{'s' if len(article.body) != 1 else ''}, {words} words"
        ),
    )
    grid.add_row("Labels", label_counts_text(article))
    return Panel(grid, title="newsclean inspect", title_align="left", expand=True)


# --- The pages table ----------------------------------------------------------

#: Why a page is suspicious, most suspicious first (also the sort order).
FLAG_EMPTY = "empty body"
FLAG_SHORT = "short body"
FLAG_NO_TITLE = "no title"
_FLAG_RANK = {FLAG_EMPTY: 0, FLAG_SHORT: 1, FLAG_NO_TITLE: 2}


@dataclass(frozen=True)
class PageRow:
    """One cleaned page, as the pages table shows it."""

    source: str
    title: str | None
    language: str | None
    body_words: int
    #: Share of the page's lines that were not boilerplate; ``None`` without ``lines``.
    kept: float | None
    flags: tuple[str, ...]

    @property
    def rank(self) -> int:
        """0 for the most suspicious; pages without a flag come last."""
        return min((_FLAG_RANK[f] for f in self.flags), default=len(_FLAG_RANK))


def is_article_json(doc: Any) -> bool:
    """Whether a parsed JSON value looks like newsclean's JSON output (an object with a body)."""
    return isinstance(doc, dict) and isinstance(doc.get("body"), list)


def page_row(doc: Mapping[str, Any], fallback_name: str) -> PageRow:
    """A table row from one JSON document of ``newsclean clean --format json``."""
    body = [p for p in doc.get("body") or [] if isinstance(p, str)]
    words = sum(count_words(p) for p in body)
    title = doc.get("title") if isinstance(doc.get("title"), str) else None
    title = title.strip() if title else None
    language = doc.get("language") if isinstance(doc.get("language"), str) else None
    source = doc.get("source")
    name = source.get("name") if isinstance(source, dict) else None
    kept: float | None = None
    lines = doc.get("lines")
    if isinstance(lines, list) and lines:
        labels = [line.get("label") for line in lines if isinstance(line, dict)]
        if labels:
            kept = sum(1 for label in labels if label != Label.BOILERPLATE.value) / len(labels)
    flags: list[str] = []
    if words == 0:
        flags.append(FLAG_EMPTY)
    elif words < SHORT_BODY_WORDS:
        flags.append(FLAG_SHORT)
    if not title:
        flags.append(FLAG_NO_TITLE)
    return PageRow(
        source=name if isinstance(name, str) and name else fallback_name,
        title=title or None,
        language=language or None,
        body_words=words,
        kept=kept,
        flags=tuple(flags),
    )


def sort_rows(rows: Iterable[PageRow]) -> list[PageRow]:
    """Suspicious pages first (empty body, short body, no title), then by body length, name."""
    return sorted(rows, key=lambda r: (r.rank, r.body_words, r.source))


def common_folder(names: Iterable[str]) -> str:
    """The folder all these path names share (``""`` when they share none)."""
    folders = {posixpath.dirname(name.replace("\\", "/")) for name in names}
    if not folders or "" in folders:
        return ""
    try:
        common = posixpath.commonpath(list(folders))
    except ValueError:  # absolute and relative paths mixed
        return ""
    return "" if common in ("", "/") else common


def pages_table(rows: Sequence[PageRow], *, title: str | None = None) -> Table:
    """One row a page, in the given order, with a caption counting the flags.

    Source names lose the folder they all share, which the title then names.
    """
    prefix = common_folder(row.source for row in rows)
    if prefix:
        title = f"{title}  (sources in {prefix}/)" if title else f"sources in {prefix}/"
    counts = Counter(flag for row in rows for flag in row.flags)
    summary = f"{len(rows)} page{'s' if len(rows) != 1 else ''}"
    flagged = [f"{counts[f]} {f}" for f in _FLAG_RANK if counts[f]]
    if flagged:
        summary += ": " + ", ".join(flagged)
    table = Table(
        title=title,
        caption=summary,
        expand=True,
        show_lines=False,
        title_justify="left",
        caption_justify="left",
    )
    table.add_column("flags", style="bold red", no_wrap=True)
    table.add_column("source", overflow="fold", ratio=3, min_width=8)
    table.add_column("title", overflow="ellipsis", no_wrap=True, ratio=3, min_width=8)
    table.add_column("lang", no_wrap=True)
    table.add_column("words", justify="right", no_wrap=True)
    table.add_column("kept", justify="right", no_wrap=True)
    for row in rows:
        table.add_row(
            Text("\n".join(row.flags)),
            Text(row.source[len(prefix) + 1 :] if prefix else row.source),
            _value(row.title),
            _value(row.language),
            Text(str(row.body_words), style="bold red" if row.body_words == 0 else ""),
            Text(MISSING if row.kept is None else f"{row.kept:.0%}"),
        )
    return table


# --- Output helpers -------------------------------------------------------------


def trim_lines(segments: Iterable[Segment]) -> Iterator[list[Segment]]:
    """Rendered segments as lines, each without the trailing blanks rich pads cells with."""
    for line in Segment.split_lines(segments):
        while line and not line[-1].control and not line[-1].text.strip():
            line.pop()
        if line and not line[-1].control:
            last = line[-1]
            line[-1] = Segment(last.text.rstrip(), last.style, last.control)
        yield line


class Trimmed:
    """A renderable drawn as usual but without trailing blanks on its lines."""

    def __init__(self, *renderables: RenderableType) -> None:
        self.renderable: RenderableType = (
            renderables[0] if len(renderables) == 1 else Group(*renderables)
        )

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        newline = Segment.line()
        for line in trim_lines(console.render(self.renderable, options)):
            yield from line
            yield newline


class Prerendered:
    """Segments rendered once, printed as they are (to count lines before choosing a pager)."""

    def __init__(self, segments: Sequence[Segment]) -> None:
        self.segments = segments

    @property
    def line_count(self) -> int:
        return sum(seg.text.count("\n") for seg in self.segments if not seg.control)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        yield from self.segments
