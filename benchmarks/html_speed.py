"""HTML speed benchmark: ``newsclean.clean`` on page.html files against trafilatura.

    python benchmarks/html_speed.py [--corpus DIR] [--pages N] [--rounds N] [--parts]

Needs the development corpus (``$NEWSCLEAN_CORPUS`` or ``../shared/corpus``);
says so and exits 2 when it is absent. Every ``page.html`` of every corpus
under it (or the first ``--pages`` of them, spread over the corpora) is read
into memory as bytes; then, in one process, each page is given to
``newsclean.clean`` (input format sniffed, as a user's page would be) and to
``trafilatura.extract`` with its default settings, one after the other, page
by page, so that both meet the same machine load. Time is the process's CPU
time (``time.process_time``: on a shared machine, the time other processes
take the core is not counted against either). The best of ``--rounds``
passes is kept for each. Printed: pages/s of each, and their ratio (target:
newsclean >= trafilatura, ratio >= 1.0).

``--parts`` also times the steps of newsclean's HTML path on the same pages
(parse, segmentation walk, trafilatura's fast extraction with metadata, and
the rest of the pipeline), to show where the time goes.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
TARGET_RATIO = 1.0


def corpus_root(given: str | None) -> Path:
    return Path(
        given or os.environ.get("NEWSCLEAN_CORPUS") or REPO_ROOT.parent / "shared" / "corpus"
    )


def html_pages(root: Path, limit: int | None) -> list[Path]:
    """The corpus's page.html files, sorted; with ``limit``, evenly spread over them."""
    pages = sorted(root.rglob("page.html"))
    if limit is not None and 0 < limit < len(pages):
        step = len(pages) / limit
        pages = [pages[int(i * step)] for i in range(limit)]
    return pages


def load(datas: Sequence[Path]) -> list[bytes]:
    return [p.read_bytes() for p in datas]


def interleaved(
    pages: Sequence[bytes], first: Callable[[bytes], object], second: Callable[[bytes], object]
) -> tuple[float, float, int, int]:
    """Seconds spent in each function over all pages (page by page, alternating).

    Also counts the pages each one rejected (an exception, or ``None`` from
    trafilatura).
    """
    spent_a = spent_b = 0.0
    failed_a = failed_b = 0
    clock = time.process_time
    for page in pages:
        start = clock()
        try:
            first(page)
        except Exception:
            failed_a += 1
        middle = clock()
        try:
            if second(page) is None:
                failed_b += 1
        except Exception:
            failed_b += 1
        end = clock()
        spent_a += middle - start
        spent_b += end - middle
    return spent_a, spent_b, failed_a, failed_b


def bench(pages: Sequence[bytes], rounds: int) -> None:
    import trafilatura

    import newsclean

    # Warm-up: imports, lazily compiled patterns, the model, trafilatura's caches.
    interleaved(pages[:5], newsclean.clean, trafilatura.extract)
    best_a = best_b = float("inf")
    failed_a = failed_b = 0
    for _ in range(rounds):
        spent_a, spent_b, failed_a, failed_b = interleaved(
            pages, newsclean.clean, trafilatura.extract
        )
        best_a = min(best_a, spent_a)
        best_b = min(best_b, spent_b)
    rate_a = len(pages) / best_a
    rate_b = len(pages) / best_b
    ratio = rate_a / rate_b
    print(f"pages: {len(pages)} page.html files, best of {rounds} round(s)")
    print(
        f"newsclean.clean      {rate_a:8.1f} pages/s  ({best_a / len(pages) * 1000:6.1f} ms/page,"
        f" {failed_a} rejected)"
    )
    print(
        f"trafilatura.extract  {rate_b:8.1f} pages/s  ({best_b / len(pages) * 1000:6.1f} ms/page,"
        f" {failed_b} gave nothing)"
    )
    verdict = "meets" if ratio >= TARGET_RATIO else "misses"
    print(
        f"ratio newsclean/trafilatura: {ratio:.2f}x ({verdict} the target of "
        f">= {TARGET_RATIO:.1f}x)"
    )


def bench_parts(pages: Sequence[bytes]) -> None:
    """Milliseconds per page of each step of newsclean's HTML path."""
    import newsclean
    from newsclean import html
    from newsclean.core import clean_blocks
    from newsclean.reader import read

    options = newsclean.Options()
    docs = []
    for page in pages:
        try:
            docs.append((page, read(page, options)))
        except newsclean.NewscleanError:
            continue
    spent = {
        "read": 0.0,
        "parse": 0.0,
        "walk": 0.0,
        "trafilatura": 0.0,
        "in_main": 0.0,
        "classify": 0.0,
    }
    clock = time.process_time
    for page, doc in docs:
        t0 = clock()
        read(page, options)
        t1 = clock()
        try:
            root = html.parse(doc.text)
        except newsclean.NewscleanError:
            continue
        t2 = clock()
        runs = html._Walker(html.base_url(root, None)).walk(root)
        t3 = clock()
        main_text = html._main_text(root, None)
        html._markup_metadata(root, None)
        t4 = clock()
        flags = html.main_flags([r.parts[0] for r in runs], main_text) if main_text else None
        blocks = html._blocks(runs, flags)
        t5 = clock()
        if blocks:
            clean_blocks(blocks, "html", options)
        t6 = clock()
        for key, value in zip(
            spent, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5), strict=True
        ):
            spent[key] += value
    total = sum(spent.values())
    print("newsclean's HTML path, ms/page by step:")
    for key, value in spent.items():
        print(f"  {key:12s} {value / len(docs) * 1000:7.1f}  ({value / total:5.1%})")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--corpus", help="corpus folder (default: $NEWSCLEAN_CORPUS or ../shared/corpus)"
    )
    parser.add_argument("--pages", type=int, default=None, help="use only N pages (spread out)")
    parser.add_argument("--rounds", type=int, default=1, help="passes; the best one counts")
    parser.add_argument("--parts", action="store_true", help="also time each step")
    args = parser.parse_args(argv)
    root = corpus_root(args.corpus)
    files = html_pages(root, args.pages) if root.is_dir() else []
    if not files:
        print(
            f"html_speed: no page.html files under {root} (the development corpus is "
            "absent): nothing to measure",
            file=sys.stderr,
        )
        return 2
    pages = load(files)
    print(
        f"machine: {os.cpu_count()} cores"
        + (
            ", load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())
            if hasattr(os, "getloadavg")
            else ""
        )
    )
    bench(pages, max(1, args.rounds))
    if args.parts:
        bench_parts(pages)
    return 0


if __name__ == "__main__":
    sys.exit(main())
