"""Accuracy benchmark: newsclean and baselines on the development corpus.

    python benchmarks/accuracy.py [--corpus DIR] [--views htmltext,inscriptis,flat,markdown,html]
        [--systems keepall,justext,trafilatura,newsclean] [--json OUT] [--worst N]
        [--jobs N] [--limit N] [--no-silver]

Every page of every corpus under DIR (default: ``$NEWSCLEAN_CORPUS`` or
``../shared/corpus``) is run through every system on every view, in a process
pool; each extraction call is timed inside the worker. Scores (see
``benchmarks/metrics.py`` and docs/benchmark.md):

- pages whose gold has ``with``/``without`` snippets: trafilatura's snippet metric;
- pages whose gold has a ``body``: scrapinghub's shingle metric;
- newsclean's title/authors/date against the gold fields, where given;
- newsclean's snippet (or shingle) scores per page language;
- newsclean's captions, credits and related links against silver labels read
  off the HTML (``benchmarks/silver.py``).

Tables go to stderr (rich); ``--json OUT`` writes the same figures as JSON;
``--worst N`` lists newsclean's N worst pages per corpus and view with the
snippets or text it got wrong and the labelled input lines that hold them.

Systems:

keepall      the input, unchanged.
justext      jusText (stop-list of the page's language; language-independent
             mode when the language has none). Text views: each non-blank line
             becomes a ``<p>``. Output: the non-boilerplate paragraphs.
trafilatura  ``trafilatura.extract`` with default settings. Text views: the lines
             wrapped as ``<p>`` paragraphs as for jusText, since ``extract``
             returns nothing for text without markup.
newsclean    ``newsclean.clean`` with the input format given (``text`` for the
             text views, ``markdown`` for the markdown view, ``html`` for the html
             view). Snippet metric: title and body paragraphs joined by newlines;
             shingle metric: body only.

The markdown view (``benchmarks/markdown_view.py``) needs markdownify (the
``bench`` and ``test`` extras); without it, the view is reported unavailable.

The library entry point :func:`evaluate` is what tests/test_accuracy_gate.py uses.
"""

from __future__ import annotations

import argparse
import html as html_lib
import json
import os
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make ``benchmarks`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import corpus as corpus_mod
from benchmarks import metrics
from benchmarks.metrics import ItemCounts, ShingleCounts, SnippetResult

SYSTEMS: tuple[str, ...] = ("keepall", "justext", "trafilatura", "newsclean")
VIEWS = corpus_mod.VIEWS
KINDS: tuple[str, ...] = ("caption", "credit", "related")
FIELDS: tuple[str, ...] = ("title", "authors", "date")
#: How much of each wrong snippet's context the worst-pages report shows.
DETAIL_LINES = 3
DETAIL_CHARS = 160
#: Shingle pages: a gold line (or output paragraph) counts as missed (extra) below this share.
DETAIL_MIN_SHARE = 0.5
DETAIL_ITEMS = 4

OK, ERROR, UNAVAILABLE, MISSING = "ok", "error", "unavailable", "missing"


class Unavailable(Exception):
    """The system cannot run on this view yet (not built, or a dependency is missing)."""


# --- results ----------------------------------------------------------------------------


@dataclass
class LineInfo:
    """An input line (or HTML block) as newsclean labelled it."""

    n: int
    label: str
    reason: str
    text: str


@dataclass
class Detail:
    """Why a page scored badly: each wrong snippet (or text) and the input lines holding it."""

    missed: list[tuple[str, list[LineInfo]]] = field(default_factory=list)
    kept: list[tuple[str, list[LineInfo]]] = field(default_factory=list)


@dataclass
class Outcome:
    """One system on one view of one page."""

    view: str
    system: str
    status: str  # ok, error, unavailable, missing
    seconds: float = 0.0
    message: str = ""
    crash: bool = False  # the error is not one of newsclean's typed errors
    snippet: SnippetResult | None = None
    shingle: ShingleCounts | None = None
    # newsclean only
    fields: dict[str, bool | None] = field(default_factory=dict)
    silver: dict[str, ItemCounts] = field(default_factory=dict)
    silver_lines: dict[str, int] = field(default_factory=dict)
    silver_in_body: dict[str, int] = field(default_factory=dict)
    detail: Detail | None = None


@dataclass
class PageResult:
    corpus: str
    page: str
    path: str
    metric: str | None  # snippets, shingles, or None (no usable gold)
    language: str | None
    outcomes: list[Outcome]
    gold_tokens: int = 0  # shingle pages: the gold body's token count (ranks the worst pages)


@dataclass(frozen=True)
class Task:
    corpus: str
    page_dir: Path
    views: tuple[str, ...]
    systems: tuple[str, ...]
    silver: bool
    details: bool


# --- systems ----------------------------------------------------------------------------


@dataclass
class Extraction:
    snippet_text: str
    shingle_text: str
    article: Any = None


def lines_as_html(text: str) -> str:
    """A minimal HTML page with each non-blank line of a text as a ``<p>``."""
    paras = "".join(
        f"<p>{html_lib.escape(s)}</p>\n" for line in text.split("\n") if (s := line.strip())
    )
    return f'<html><head><meta charset="utf-8"></head><body>\n{paras}</body></html>'


def _as_text(data: str | bytes) -> str:
    return data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data


@cache
def _justext_stoplist(language: str | None) -> frozenset[str] | None:
    import justext

    from newsclean.languages import STOPLISTS

    name = STOPLISTS.get(language or "")
    if name is None or name not in justext.get_stoplists():
        return None
    return frozenset(justext.get_stoplist(name))


def _prepare(system: str, language: str | None) -> None:
    """Import what a system needs, outside the timed call."""
    if system == "justext":
        _justext_stoplist(language)
    elif system == "trafilatura":
        import trafilatura  # noqa: F401
    elif system == "newsclean":
        import newsclean  # noqa: F401


def run_system(system: str, view: str, data: str | bytes, language: str | None) -> Extraction:
    """Run one system on one view's input. Raises :class:`Unavailable` when it cannot run."""
    if system == "keepall":
        text = _as_text(data)
        return Extraction(text, text)
    if system == "justext":
        import justext

        stoplist = _justext_stoplist(language)
        source = data if view == "html" else lines_as_html(_as_text(data))
        if stoplist is None:  # language-independent mode, as jusText's docs advise
            paragraphs = justext.justext(source, frozenset(), stopwords_low=0, stopwords_high=0)
        else:
            paragraphs = justext.justext(source, stoplist)
        text = "\n".join(p.text for p in paragraphs if not p.is_boilerplate)
        return Extraction(text, text)
    if system == "trafilatura":
        import trafilatura

        source = data if view == "html" else lines_as_html(_as_text(data))
        text = trafilatura.extract(source) or ""
        return Extraction(text, text)
    if system == "newsclean":
        import newsclean

        fmt = view if view in ("html", "markdown") else "text"
        options = newsclean.Options(input_format=fmt)  # type: ignore[arg-type]
        try:
            article = newsclean.clean(data, options)
        except (ImportError, NotImplementedError) as exc:
            raise Unavailable(f"{type(exc).__name__}: {exc}") from exc
        body = "\n".join(article.body)
        head = [article.title] if article.title else []
        return Extraction("\n".join([*head, *article.body]), body, article)
    raise ValueError(f"unknown system {system!r}")


# --- the work on one page (runs in a worker) ---------------------------------------------


def _page_language(gold: dict[str, Any], page_dir: Path) -> str | None:
    code = corpus_mod.gold_language(gold)
    if code:
        return code
    from newsclean.languages import detect

    for view in ("htmltext", "inscriptis"):
        if corpus_mod.view_exists(page_dir, view):
            text = corpus_mod.load_view(page_dir, view)
            assert isinstance(text, str)
            return detect([line.strip() for line in text.split("\n") if line.strip()])
    return None


def _line_infos(article: Any) -> list[LineInfo]:
    return [LineInfo(ln.n, ln.label.value, ln.reason, ln.text) for ln in article.lines]


def _locate(snippet: str, lines: Sequence[LineInfo]) -> list[LineInfo]:
    """The lines whose joined, collapsed text holds the snippet (or its start)."""
    keys = [metrics.collapse(ln.text) for ln in lines]
    starts: list[int] = []
    pos = 0
    for key in keys:
        starts.append(pos)
        pos += len(key) + 1
    joined = " ".join(keys)
    for probe in (snippet, snippet[:40]):
        at = joined.find(probe)
        if at >= 0:
            end = at + len(probe)
            hit = [
                ln
                for ln, s, k in zip(lines, starts, keys, strict=True)
                if s < end and s + len(k) > at
            ]
            return [_short(ln) for ln in hit[:DETAIL_LINES]]
    return []


def _short(ln: LineInfo) -> LineInfo:
    text = ln.text if len(ln.text) <= DETAIL_CHARS else ln.text[: DETAIL_CHARS - 1] + "…"
    return LineInfo(ln.n, ln.label, ln.reason, text)


def _snippet_detail(result: SnippetResult, article: Any) -> Detail:
    lines = _line_infos(article)
    return Detail(
        missed=[(s, _locate(s, lines)) for s in result.missed],
        kept=[(s, _locate(s, lines)) for s in result.kept],
    )


def _shingle_share(text: str, reference: Any) -> tuple[int, float]:
    grams = metrics.shingles(text)
    total = sum(grams.values())
    if not total:
        return 0, 1.0
    hits = sum(min(c, reference.get(g, 0)) for g, c in grams.items())
    return len(metrics.tokenize(text)), hits / total


def _shingle_detail(gold_body: str, article: Any) -> Detail:
    """The largest gold lines newsclean's body misses, and its largest body text not in gold."""
    lines = _line_infos(article)
    out_grams = metrics.shingles("\n".join(article.body))
    gold_grams = metrics.shingles(gold_body)
    missed: list[tuple[int, str]] = []
    for gline in gold_body.split("\n"):
        size, found = _shingle_share(gline, out_grams)
        if size and found < DETAIL_MIN_SHARE:
            missed.append((size, metrics.collapse(gline)))
    extra: list[tuple[int, str]] = []
    for para in article.body:
        size, found = _shingle_share(para, gold_grams)
        if size and found < DETAIL_MIN_SHARE:
            extra.append((size, metrics.collapse(para)))
    missed = sorted(dict((t, (n, t)) for n, t in missed).values(), key=lambda x: -x[0])
    extra = sorted(dict((t, (n, t)) for n, t in extra).values(), key=lambda x: -x[0])

    def clip(text: str) -> str:
        return text if len(text) <= DETAIL_CHARS else text[: DETAIL_CHARS - 1] + "…"

    return Detail(
        missed=[(clip(t), _locate(t[:80], lines)) for _, t in missed[:DETAIL_ITEMS]],
        kept=[(clip(t), _locate(t[:80], lines)) for _, t in extra[:DETAIL_ITEMS]],
    )


def _caption_item(text: str, credit: str | None, silver: Sequence[str]) -> str:
    """The form of a caption to score: with its credit when only that form is silver."""
    if credit and not any(metrics.items_match(text, s) for s in silver):
        joined = f"{text} {credit}"
        if any(metrics.items_match(joined, s) for s in silver):
            return joined
    return text


def _silver_scores(outcome: Outcome, article: Any, silver: Any) -> None:
    from benchmarks.silver import map_lines
    from newsclean.model import BODY_LABELS

    mapped = map_lines([ln.text for ln in article.lines], silver)
    captions = silver.items("caption")
    predicted = {
        # a caption is right when its text, or its text with its credit, is a silver
        # caption: the silver keeps a credit that the markup does not set apart
        "caption": [_caption_item(c.text, c.credit, captions) for c in article.captions],
        "credit": [*article.credits, *(c.credit for c in article.captions if c.credit)],
        "related": [r.title for r in article.related],
    }
    for kind in KINDS:
        outcome.silver[kind] = metrics.item_counts(predicted[kind], mapped.found.items(kind))
        kind_lines = [
            ln for ln, lab in zip(article.lines, mapped.labels, strict=True) if lab == kind
        ]
        outcome.silver_lines[kind] = len(kind_lines)
        outcome.silver_in_body[kind] = sum(ln.label in BODY_LABELS for ln in kind_lines)


def score_page(task: Task) -> PageResult:
    """Run every system on every view of one page and score the outputs."""
    page_dir = task.page_dir
    gold = corpus_mod.load_gold(page_dir)
    metric = corpus_mod.gold_kind(gold)
    language = _page_language(gold, page_dir)
    silver = None
    if task.silver and "newsclean" in task.systems and corpus_mod.view_exists(page_dir, "html"):
        from benchmarks.silver import build_silver

        silver = build_silver(corpus_mod.load_view(page_dir, "html"))
    outcomes: list[Outcome] = []
    for view in task.views:
        if not corpus_mod.view_exists(page_dir, view):
            outcomes.extend(Outcome(view, s, MISSING) for s in task.systems)
            continue
        try:
            data = corpus_mod.load_view(page_dir, view)
        except ImportError as exc:  # the markdown view without markdownify
            message = f"ImportError: {exc}"
            outcomes.extend(Outcome(view, s, UNAVAILABLE, message=message) for s in task.systems)
            continue
        for system in task.systems:
            outcomes.append(_run_one(task, view, system, data, gold, metric, language, silver))
    gold_tokens = len(metrics.tokenize(str(gold.get("body", "")))) if metric == "shingles" else 0
    return PageResult(
        task.corpus, page_dir.name, str(page_dir), metric, language, outcomes, gold_tokens
    )


def _is_typed_error(exc: BaseException) -> bool:
    from newsclean.errors import NewscleanError

    return isinstance(exc, NewscleanError)


def _trafilatura_fields(data: str | bytes, gold: dict[str, Any]) -> dict[str, bool | None]:
    """trafilatura's own metadata (title, author, date) of the page's HTML, checked as ours.

    Taken with ``trafilatura.extract_metadata`` after the timed extraction, so that
    it does not count in trafilatura's pages per second.
    """
    import trafilatura

    try:
        meta = trafilatura.extract_metadata(data)
    except Exception:  # trafilatura failing on a page: no metadata, as for ours
        meta = None
    title = getattr(meta, "title", None)
    author = getattr(meta, "author", None)
    date = getattr(meta, "date", None)
    authors = [a.strip() for a in author.split(";") if a.strip()] if author else []
    return {
        "title": metrics.check_title(title, corpus_mod.gold_title(gold)),
        "authors": metrics.check_authors(authors, corpus_mod.gold_authors(gold)),
        "date": metrics.check_date(date, corpus_mod.gold_date(gold)),
    }


def _run_one(
    task: Task,
    view: str,
    system: str,
    data: str | bytes,
    gold: dict[str, Any],
    metric: str | None,
    language: str | None,
    silver: Any,
) -> Outcome:
    try:
        _prepare(system, language)
    except ImportError as exc:
        return Outcome(view, system, UNAVAILABLE, message=f"ImportError: {exc}")
    status, message, crash = OK, "", False
    start = time.perf_counter()
    try:
        extraction = run_system(system, view, data, language)
    except Unavailable as exc:
        return Outcome(view, system, UNAVAILABLE, message=str(exc))
    except Exception as exc:  # any failure is recorded and scored as an empty output
        extraction = Extraction("", "")
        status, message = ERROR, f"{type(exc).__name__}: {exc}".split("\n")[0][:300]
        crash = not _is_typed_error(exc)
    seconds = time.perf_counter() - start
    out = Outcome(view, system, status, seconds, message, crash)
    if metric == "snippets":
        out.snippet = metrics.snippet_check(extraction.snippet_text, gold)
    elif metric == "shingles":
        out.shingle = metrics.shingle_counts(extraction.shingle_text, gold.get("body", ""))
    article = extraction.article
    if system == "trafilatura" and view == "html":
        out.fields = _trafilatura_fields(data, gold)
    if system == "newsclean":
        # a failed page has no title, authors or date: wrong wherever the gold has one
        title = getattr(article, "title", None)
        authors = getattr(article, "authors", ())
        date = getattr(article, "date", None)
        out.fields = {
            "title": metrics.check_title(title, corpus_mod.gold_title(gold)),
            "authors": metrics.check_authors(authors, corpus_mod.gold_authors(gold)),
            "date": metrics.check_date(date, corpus_mod.gold_date(gold)),
        }
    if article is not None:
        if silver is not None:
            _silver_scores(out, article, silver)
        if task.details:
            if out.snippet is not None and out.snippet.counts.errors:
                out.detail = _snippet_detail(out.snippet, article)
            elif out.shingle is not None and out.shingle.f1 < 1.0:
                out.detail = _shingle_detail(str(gold.get("body", "")), article)
    return out


# --- running and aggregating ------------------------------------------------------------


def run_tasks(
    tasks: Sequence[Task], jobs: int, on_result: Callable[[PageResult], None] | None = None
) -> list[PageResult]:
    """Score the pages, in a process pool when ``jobs > 1``; results in task order."""
    results: dict[int, PageResult] = {}
    if jobs <= 1 or len(tasks) <= 1:
        for i, task in enumerate(tasks):
            results[i] = score_page(task)
            if on_result:
                on_result(results[i])
        return [results[i] for i in range(len(tasks))]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: dict[Future[PageResult], int] = {}
        queue = iter(enumerate(tasks))
        try:
            # keep a bounded number of tasks in flight, so Ctrl-C stops quickly
            for i, task in _take(queue, jobs * 4):
                pending[pool.submit(score_page, task)] = i
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    i = pending.pop(fut)
                    results[i] = fut.result()
                    if on_result:
                        on_result(results[i])
                    for j, nxt in _take(queue, 1):
                        pending[pool.submit(score_page, nxt)] = j
        except BaseException:
            for fut in pending:
                fut.cancel()
            raise
    return [results[i] for i in range(len(tasks))]


def _take(it: Iterator[tuple[int, Task]], n: int) -> list[tuple[int, Task]]:
    out = []
    for _ in range(n):
        try:
            out.append(next(it))
        except StopIteration:
            break
    return out


@dataclass
class Report:
    """Everything one run measured, aggregated; ``to_json()`` is the ``--json`` document."""

    pages: list[PageResult]
    views: tuple[str, ...]
    systems: tuple[str, ...]
    corpora: tuple[str, ...]
    rows: list[dict[str, Any]] = field(default_factory=list)
    fields: list[dict[str, Any]] = field(default_factory=list)
    languages: list[dict[str, Any]] = field(default_factory=list)
    silver: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "rows": self.rows,
            "fields": self.fields,
            "languages": self.languages,
            "silver": self.silver,
            "errors": self.errors,
        }

    def unavailable(self, system: str = "newsclean") -> dict[tuple[str, str], str]:
        """``{(corpus, view): reason}`` for the views the system could not run on at all."""
        return {
            (r["corpus"], r["view"]): r["unavailable"]
            for r in self.rows
            if r["system"] == system and r["unavailable"]
        }

    def crashes(self, system: str = "newsclean") -> list[dict[str, Any]]:
        """The system's untyped exceptions (bugs, not rejected inputs)."""
        return [e for e in self.errors if e["system"] == system and e["crash"]]

    def figures(self, system: str = "newsclean") -> dict[str, float]:
        """Flat ``{"corpus/view/figure": value}`` for one system (the keys floors.json pins).

        Figures: ``f1``, ``precision``, ``recall`` of the corpus's metric, and for
        newsclean the ``title``, ``authors``, ``date`` shares (where some page has gold).
        """
        out: dict[str, float] = {}
        for r in self.rows:
            if r["system"] == system and not r["unavailable"] and r["pages"]:
                for key in ("f1", "precision", "recall"):
                    out[f"{r['corpus']}/{r['view']}/{key}"] = r[key]
        if system == "newsclean":
            for f in self.fields:
                if f["pages"] and f.get("system", "newsclean") == system:
                    out[f"{f['corpus']}/{f['view']}/{f['field']}"] = f["share"]
        return out


def _group(pages: Iterable[PageResult]) -> dict[tuple[str, str, str, str], list[Outcome]]:
    groups: dict[tuple[str, str, str, str], list[Outcome]] = defaultdict(list)
    for page in pages:
        for o in page.outcomes:
            groups[(page.corpus, o.view, o.system, page.metric or "none")].append(o)
    return groups


def _scores(metric: str, outs: Sequence[Outcome]) -> metrics.Scores:
    if metric == "snippets":
        return metrics.snippet_scores(o.snippet.counts for o in outs if o.snippet is not None)
    return metrics.shingle_scores(o.shingle for o in outs if o.shingle is not None)


def aggregate(
    pages: list[PageResult], views: Sequence[str], systems: Sequence[str], corpora: Sequence[str]
) -> Report:
    """Turn per-page outcomes into the report's rows and tables."""
    report = Report(pages, tuple(views), tuple(systems), tuple(corpora))
    groups = _group(pages)
    order = {name: i for i, name in enumerate(corpora)}

    def sort_key(k: tuple[str, str, str, str]) -> tuple[int, str, int, int]:
        return (order.get(k[0], 99), k[3], list(views).index(k[1]), list(systems).index(k[2]))

    for key in sorted(groups, key=sort_key):
        corpus, view, system, metric = key
        if metric == "none":
            continue
        outs = groups[key]
        ran = [o for o in outs if o.status in (OK, ERROR)]
        unavailable = [o for o in outs if o.status == UNAVAILABLE]
        row: dict[str, Any] = {
            "corpus": corpus,
            "view": view,
            "system": system,
            "metric": metric,
            "pages": len(ran),
            "f1": None,
            "precision": None,
            "recall": None,
            "accuracy": None,
            "pages_per_s": None,
            "errors": sum(o.status == ERROR for o in outs),
            "unavailable": unavailable[0].message if unavailable and not ran else None,
        }
        if ran:
            s = _scores(metric, ran)
            seconds = sum(o.seconds for o in ran)
            row.update(
                f1=s.f1,
                precision=s.precision,
                recall=s.recall,
                accuracy=s.accuracy,
                pages_per_s=len(ran) / seconds if seconds > 0 else None,
            )
        report.rows.append(row)
        if ran and any(o.fields for o in ran):
            for fname in FIELDS:
                sh = metrics.share(o.fields.get(fname) for o in ran)
                report.fields.append(
                    {
                        "corpus": corpus,
                        "view": view,
                        "system": system,
                        "field": fname,
                        "right": sh.right,
                        "pages": sh.pages,
                        "share": sh.share,
                    }
                )
        if system != "newsclean" or not ran:
            continue
        if any(o.silver for o in ran):
            for kind in KINDS:
                total = ItemCounts()
                for o in ran:
                    total += o.silver.get(kind, ItemCounts())
                report.silver.append(
                    {
                        "corpus": corpus,
                        "view": view,
                        "kind": kind,
                        "silver": total.gold,
                        "predicted": total.predicted,
                        "precision": total.precision,
                        "recall": total.recall,
                        "f1": total.f1,
                        "silver_lines": sum(o.silver_lines.get(kind, 0) for o in ran),
                        "silver_lines_in_body": sum(o.silver_in_body.get(kind, 0) for o in ran),
                    }
                )
    for page in pages:
        for o in page.outcomes:
            if o.status == ERROR:
                report.errors.append(
                    {
                        "corpus": page.corpus,
                        "view": o.view,
                        "system": o.system,
                        "page": page.page,
                        "crash": o.crash,
                        "message": o.message,
                    }
                )
    _languages(report, pages, views)
    return report


#: The per-language table's peer: trafilatura on the page's HTML (issue 4's bar for
#: each language), beside newsclean on every view.
LANGUAGE_PEER = ("trafilatura", "html")


def _languages(report: Report, pages: list[PageResult], views: Sequence[str]) -> None:
    by_lang: dict[tuple[str, str, str, str, str], list[Outcome]] = defaultdict(list)
    for page in pages:
        if page.metric is None:
            continue
        for o in page.outcomes:
            if o.status not in (OK, ERROR):
                continue
            if o.system == "newsclean" or (o.system, o.view) == LANGUAGE_PEER:
                key = (page.corpus, page.language or "??", o.system, o.view, page.metric)
                by_lang[key].append(o)
    for (corpus, lang, system, view, metric), outs in sorted(by_lang.items()):
        s = _scores(metric, outs)
        report.languages.append(
            {
                "corpus": corpus,
                "language": lang,
                "system": system,
                "view": view,
                "metric": metric,
                "pages": s.pages,
                "precision": s.precision,
                "recall": s.recall,
                "f1": s.f1,
            }
        )


def evaluate(
    root: Path,
    views: Sequence[str] = VIEWS,
    systems: Sequence[str] = SYSTEMS,
    *,
    jobs: int = 2,
    limit: int | None = None,
    silver: bool = True,
    details: bool = False,
    on_result: Callable[[PageResult], None] | None = None,
) -> Report:
    """Run the benchmark on every corpus under ``root`` and aggregate it."""
    corpora = corpus_mod.find_corpora(root)
    tasks = [
        Task(c.name, page, tuple(views), tuple(systems), silver, details)
        for c in corpora
        for page in (c.pages[:limit] if limit else c.pages)
    ]
    pages = run_tasks(tasks, jobs, on_result)
    return aggregate(pages, views, systems, [c.name for c in corpora])


# --- output -----------------------------------------------------------------------------


def _fmt(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def print_report(report: Report, console: Any, worst: int = 0) -> None:
    """The tables (and the worst pages) on a rich console."""
    from rich.table import Table

    table = Table(title="Accuracy (snippets: trafilatura's metric; shingles: scrapinghub's)")
    for col in (
        "corpus",
        "view",
        "system",
        "metric",
        "pages",
        "P",
        "R",
        "F1",
        "acc",
        "pages/s",
        "errors",
    ):
        table.add_column(
            col,
            justify="right"
            if col in {"pages", "P", "R", "F1", "acc", "pages/s", "errors"}
            else "left",
        )
    last = None
    for r in report.rows:
        group = (r["corpus"], r["view"])
        if last is not None and group != last:
            table.add_section()
        last = group
        if r["unavailable"]:
            table.add_row(
                r["corpus"],
                r["view"],
                r["system"],
                r["metric"],
                "0",
                "",
                "",
                "",
                "",
                "",
                f"n/a: {r['unavailable'][:60]}",
            )
            continue
        table.add_row(
            r["corpus"],
            r["view"],
            r["system"],
            r["metric"],
            str(r["pages"]),
            _fmt(r["precision"]),
            _fmt(r["recall"]),
            f"[bold]{_fmt(r['f1'])}[/bold]" if r["system"] == "newsclean" else _fmt(r["f1"]),
            _fmt(r["accuracy"]),
            _fmt(r["pages_per_s"], 1),
            str(r["errors"] or ""),
        )
    console.print(table)

    if report.fields:
        ft = Table(title="Metadata: share right (pages with gold)")
        for col in ("corpus", "view", "system", *FIELDS):
            ft.add_column(col, justify="left" if col in {"corpus", "view", "system"} else "right")
        cells: dict[tuple[str, str, str], dict[str, str]] = defaultdict(dict)
        for f in report.fields:
            cells[(f["corpus"], f["view"], f.get("system", "newsclean"))][f["field"]] = (
                f"{_fmt(f['share'])} ({f['right']}/{f['pages']})" if f["pages"] else "–"
            )
        for (corpus, view, system), row in cells.items():
            ft.add_row(corpus, view, system, *(row.get(k, "–") for k in FIELDS))
        console.print(ft)

    if report.languages:
        ours = [x for x in report.languages if x.get("system", "newsclean") == "newsclean"]
        peer = {
            (x["corpus"], x["language"]): x
            for x in report.languages
            if (x.get("system"), x["view"]) == LANGUAGE_PEER
        }
        views = [v for v in report.views if any(x["view"] == v for x in ours)]
        lt = Table(title="newsclean per language: F1 (P/R)")
        columns = ["corpus", "language", "pages", *views]
        if peer:
            columns.append(" ".join(LANGUAGE_PEER))
        for col in columns:
            lt.add_column(col, justify="left" if col in {"corpus", "language"} else "right")
        langs: dict[tuple[str, str], dict[str, dict[str, Any]]] = defaultdict(dict)
        for x in ours:
            langs[(x["corpus"], x["language"])][x["view"]] = x
        ordered = sorted(
            langs.items(),
            key=lambda kv: (kv[0][0], -max(x["pages"] for x in kv[1].values()), kv[0][1]),
        )
        for (corpus, lang), per_view in ordered:
            pages = max(x["pages"] for x in per_view.values())
            lt.add_row(
                corpus,
                lang,
                str(pages),
                *(
                    f"{_fmt(per_view[v]['f1'])} ({_fmt(per_view[v]['precision'], 2)}/"
                    f"{_fmt(per_view[v]['recall'], 2)})"
                    if v in per_view
                    else "–"
                    for v in views
                ),
                *(
                    [_fmt(peer[(corpus, lang)]["f1"]) if (corpus, lang) in peer else "–"]
                    if peer
                    else []
                ),
            )
        console.print(lt)

    if report.silver:
        st = Table(title="newsclean vs silver labels from the HTML (items present in the view)")
        for col in (
            "corpus",
            "view",
            "kind",
            "silver",
            "found",
            "P",
            "R",
            "F1",
            "silver lines",
            "in body",
        ):
            st.add_column(col, justify="left" if col in {"corpus", "view", "kind"} else "right")
        for s in report.silver:
            st.add_row(
                s["corpus"],
                s["view"],
                s["kind"],
                str(s["silver"]),
                str(s["predicted"]),
                _fmt(s["precision"]),
                _fmt(s["recall"]),
                _fmt(s["f1"]),
                str(s["silver_lines"]),
                str(s["silver_lines_in_body"]),
            )
        console.print(st)

    if report.errors:
        console.print(
            f"[bold red]{len(report.errors)} extraction errors[/] (scored as empty output):"
        )
        shown: dict[tuple[str, str, str], int] = defaultdict(int)
        for e in report.errors:
            key = (e["corpus"], e["view"], e["system"])
            shown[key] += 1
            if shown[key] <= 3:
                kind = "crash" if e["crash"] else "error"
                console.print(
                    f"  {kind} {e['corpus']}/{e['view']}/{e['system']} {e['page']}: {e['message']}",
                    markup=False,
                    highlight=False,
                )

    if worst > 0:
        print_worst(report, console, worst)


def _page_rank(page: PageResult, o: Outcome) -> tuple[float, float]:
    if o.snippet is not None:
        c = o.snippet.counts
        return (-c.errors, c.tp)
    if o.shingle is not None:
        return (o.shingle.f1, -page.gold_tokens)  # among equal scores, the larger loss first
    return (0.0, 0.0)


def print_worst(report: Report, console: Any, n: int) -> None:
    """newsclean's ``n`` worst pages per corpus and view, with what went wrong where."""
    from rich.rule import Rule
    from rich.text import Text

    for corpus in report.corpora:
        for view in report.views:
            cands = [
                (page, o)
                for page in report.pages
                if page.corpus == corpus
                for o in page.outcomes
                if o.view == view
                and o.system == "newsclean"
                and o.status in (OK, ERROR)
                and (o.detail is not None or o.status == ERROR)
            ]
            if not cands:
                continue
            cands.sort(key=lambda po: _page_rank(*po))
            console.print(Rule(f"newsclean's {n} worst pages: {corpus} / {view}"))
            for rank, (page, o) in enumerate(cands[:n], 1):
                head = Text(f"{rank}. {page.page}", style="bold")
                if o.snippet is not None:
                    c = o.snippet.counts
                    head.append(f"  tp {c.tp} fn {c.fn} fp {c.fp} tn {c.tn}")
                elif o.shingle is not None:
                    head.append(
                        f"  page P {o.shingle.precision:.2f} R {o.shingle.recall:.2f}"
                        f" F {o.shingle.f1:.2f}"
                    )
                head.append(f"  [{page.language or '??'}]  {page.path}", style="dim")
                console.print(head)
                if o.status == ERROR:
                    console.print(Text(f"   error: {o.message}", style="red"))
                if o.detail is None:
                    continue
                is_snip = o.snippet is not None
                for title, items, style in (
                    ("missed" if is_snip else "missed gold text", o.detail.missed, "yellow"),
                    ("kept" if is_snip else "extra body text", o.detail.kept, "magenta"),
                ):
                    for text, lines in items:
                        line = Text(f"   {title}: ", style=style)
                        line.append(repr(text) if is_snip else text)
                        console.print(line, overflow="ellipsis", no_wrap=True)
                        if not lines:
                            console.print(
                                Text("      (not in newsclean's input lines)", style="dim")
                            )
                        for ln in lines:
                            t = Text(f"      {ln.n:>5} ", style="dim")
                            t.append(f"{ln.label:<11}", style="cyan")
                            t.append(f" ({ln.reason}) ", style="dim")
                            t.append(ln.text)
                            console.print(t, overflow="ellipsis", no_wrap=True)
            console.print()


def write_json(path: Path, data: dict[str, Any]) -> None:
    """Write JSON atomically (temporary file in the same folder, then rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --- command line -----------------------------------------------------------------------


def _csv(known: Sequence[str], what: str) -> Callable[[str], tuple[str, ...]]:
    def parse(value: str) -> tuple[str, ...]:
        items = tuple(v.strip() for v in value.split(",") if v.strip())
        bad = [v for v in items if v not in known]
        if bad or not items:
            raise argparse.ArgumentTypeError(
                f"unknown {what} {', '.join(bad) or '(none given)'}; choose from {', '.join(known)}"
            )
        return tuple(dict.fromkeys(items))

    return parse


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return number


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="benchmarks/accuracy.py",
        description="Score newsclean and baselines on the development corpus.",
    )
    parser.add_argument(
        "--corpus",
        type=Path,
        default=None,
        help="a page folder, a corpus folder, or a folder of corpora "
        "(default: $NEWSCLEAN_CORPUS or ../shared/corpus)",
    )
    parser.add_argument(
        "--views",
        type=_csv(VIEWS, "view"),
        default=VIEWS,
        help=f"comma-separated views (default: {','.join(VIEWS)})",
    )
    parser.add_argument(
        "--systems",
        type=_csv(SYSTEMS, "system"),
        default=SYSTEMS,
        help=f"comma-separated systems (default: {','.join(SYSTEMS)})",
    )
    parser.add_argument(
        "--json",
        type=Path,
        default=None,
        metavar="OUT",
        help="write the figures as JSON to this file",
    )
    parser.add_argument(
        "--worst",
        type=_positive,
        default=0,
        metavar="N",
        help="list newsclean's N worst pages per corpus and view",
    )
    parser.add_argument(
        "--jobs",
        type=_positive,
        default=2,
        metavar="N",
        help="worker processes (default 2; 1 runs in this process)",
    )
    parser.add_argument(
        "--limit",
        type=_positive,
        default=None,
        metavar="N",
        help="only the first N pages of each corpus",
    )
    parser.add_argument(
        "--no-silver",
        action="store_true",
        help="skip the silver labels (captions, credits, related links)",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    # a wide page when stderr goes to a file, so that the report stays one item a line
    console = Console(stderr=True, width=None if sys.stderr.isatty() else 200)
    root = args.corpus or corpus_mod.default_corpus_root()
    try:
        corpora = corpus_mod.find_corpora(root)
    except (OSError, ValueError) as exc:
        print(f"accuracy.py: error: {exc}", file=sys.stderr)
        return 2
    total = sum(min(len(c.pages), args.limit or len(c.pages)) for c in corpora)
    with Progress(
        TextColumn("scoring pages"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        bar = progress.add_task("pages", total=total)
        try:
            report = evaluate(
                root,
                args.views,
                args.systems,
                jobs=max(1, args.jobs),
                limit=args.limit,
                silver=not args.no_silver,
                details=args.worst > 0,
                on_result=lambda _page: progress.advance(bar),
            )
        except KeyboardInterrupt:
            print("accuracy.py: interrupted", file=sys.stderr)
            return 130
    print_report(report, console, args.worst)
    if args.json:
        write_json(args.json, report.to_json())
        console.print(f"wrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
