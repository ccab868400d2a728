"""Pathological inputs: does cleaning stay linear in the input's size?

    python benchmarks/pathological.py [--base CHARS] [--only NAME,...] [--repeat N]
        [--no-cli] [--no-memory] [--list]
    python benchmarks/pathological.py --fixed

Every case is a generator of hostile input (one huge line, hundreds of
thousands of lines, runs of spaces, brackets, stars, quotes, HTML comments,
nested elements...). Each is cleaned through the library at three sizes, x1,
x2 and x4 of ``--base`` characters (default 250,000), and the table gives the
times and their ratios: linear growth shows as ratios near 2 and 4; a ratio
at x4 above ``SUPERLINEAR_RATIO`` is flagged. The peer of each case is an
ordinary generated article page of the same size, timed in the same run
(column "vs page": the case's x4 time over the page's x4 time).

Memory: the peak of Python allocations (tracemalloc) while cleaning at x1 and
x4, and the ratio; and, once through the command line (``python -m newsclean
clean`` on a temporary file of the x4 input), wall time, exit code and the
process's maximum resident set size.

``--fixed`` instead runs the inputs of docs/limits.md at their stated sizes
(a 10 MB line, 300,000 lines, 1,000,000 stars...) once each through the
command line: exit code, wall time, maximum resident set size.

Nothing here reads the development corpus. Times depend on the machine and on
the current model: read the ratios, not the seconds.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import random
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT / "src") not in sys.path:
    sys.path.insert(0, str(REPO_ROOT / "src"))

import newsclean  # noqa: E402
from newsclean import NewscleanError, Options  # noqa: E402

#: Default size of the x1 input, in characters.
DEFAULT_BASE = 250_000
#: A x4/x1 time ratio above this is reported as super-linear (4 is linear; the
#: margin absorbs timer noise, caches and the cost of bigger allocations).
SUPERLINEAR_RATIO = 6.5
SCALES = (1, 2, 4)

_WORDS = [
    "the",
    "government",
    "said",
    "on",
    "monday",
    "that",
    "it",
    "would",
    "extend",
    "programme",
    "for",
    "another",
    "year",
    "after",
    "talks",
    "with",
    "regional",
    "leaders",
    "who",
    "had",
    "asked",
    "more",
    "money",
    "to",
    "repair",
    "roads",
    "and",
    "schools",
    "damaged",
    "in",
    "floods",
    "last",
    "spring",
    "according",
    "a",
    "statement",
]


def _prose(n: int, seed: int = 1) -> str:
    """About ``n`` characters of sentence-like words on one line."""
    rng = random.Random(seed)
    out: list[str] = []
    size = 0
    while size < n:
        sentence = " ".join(rng.choice(_WORDS) for _ in range(rng.randint(8, 20)))
        sentence = sentence.capitalize() + "."
        out.append(sentence)
        size += len(sentence) + 1
    return " ".join(out)[:n]


def article_page(n: int) -> str:
    """An ordinary article page of about ``n`` characters: menu, title, paragraphs, footer."""
    rng = random.Random(7)
    parts = [
        "Home",
        "World",
        "Business",
        "Sport",
        "",
        "Floods: the repair programme is extended",
        "",
    ]
    size = sum(len(p) + 1 for p in parts)
    while size < n:
        para = _prose(rng.randint(200, 600), seed=rng.randint(0, 10**6))
        parts += [para, ""]
        size += len(para) + 2
    parts += ["Share this article", "Related", "Another story about the floods", "Imprint"]
    return "\n".join(parts)


def _repeat(unit: str, n: int) -> str:
    return unit * max(1, n // len(unit))


@dataclass(frozen=True)
class Case:
    """One kind of hostile input."""

    name: str
    #: Input format forced on the library and the CLI (``None``: sniffed).
    fmt: str | None
    make: Callable[[int], str]
    note: str = ""


CASES: tuple[Case, ...] = (
    # size and shape
    Case("one long line of prose", None, lambda n: _prose(n)),
    Case("short lines 'ab'", None, lambda n: _repeat("ab\n", n)),
    Case("short lines, CR endings", None, lambda n: _repeat("ab\r", n)),
    Case("mixed CRLF/CR/LF lines", None, lambda n: _repeat("one line\r\ntwo\rthree\n", n)),
    Case("spaces only", None, lambda n: " " * n, "empty input error"),
    Case("spaces around one word", None, lambda n: " " * (n // 2) + "word" + " " * (n // 2)),
    Case("blank lines then a word", None, lambda n: "\n" * n + "word"),
    Case("one long word", None, lambda n: "a" * n),
    Case("one long number", None, lambda n: "1" * n),
    Case("repeated '!'", None, lambda n: "!" * n),
    Case("repeated '. '", None, lambda n: _repeat(". ", n)),
    Case("dates on one line", None, lambda n: _repeat("12.3.2024 March 4, 2023 ", n)),
    Case("dates, one a line", None, lambda n: _repeat("Updated 12.03.2024 14:05\n", n)),
    Case("the same line repeated", None, lambda n: _repeat("Share this article\n", n)),
    Case("credit-like lines", None, lambda n: _repeat("Foto: dpa / Reuters / AP\n", n)),
    Case("slashes", None, lambda n: _repeat("a/", n)),
    Case("zero-width joiners", None, lambda n: _repeat("ab\u200b\u200d", n)),
    Case("combining marks", None, lambda n: "a" + "\u0301" * n),
    Case("CJK without spaces", None, lambda n: _repeat("中国的经济在去年增长了百分之五。", n)),
    Case(
        "Arabic line", None, lambda n: _repeat("قالت الحكومة يوم الاثنين إنها ستمدد البرنامج ", n)
    ),
    Case("mojibake", None, lambda n: _repeat("FÃ¼r MÃ¤rz wurde die StraÃŸe gesperrt. ", n)),
    # Markdown
    Case("md '[' run", "markdown", lambda n: "[" * n),
    Case("md '](' run", "markdown", lambda n: _repeat("](", n)),
    Case("md '[a](' run", "markdown", lambda n: _repeat("[a](", n)),
    Case("md '![a](' then spaces", "markdown", lambda n: "![a](" + " " * n + "x"),
    Case("md '[a](u' then spaces", "markdown", lambda n: "[a](u" + " " * n + "x"),
    Case("md heading, inner spaces", "markdown", lambda n: "# a" + " " * n + "b"),
    Case("md heading '#' run", "markdown", lambda n: "# " + "#" * n),
    Case("md '*' run", "markdown", lambda n: "*" * n),
    Case("md '_' run", "markdown", lambda n: "_" * n),
    Case("md '*' run then text", "markdown", lambda n: "*" * n + "x"),
    Case("md ' **x' openers", "markdown", lambda n: _repeat(" **x", n)),
    Case("md ' __x' openers", "markdown", lambda n: _repeat(" __x", n)),
    Case("md '*a' emphasis", "markdown", lambda n: _repeat("*a ", n)),
    Case("md nested quotes '> '", "markdown", lambda n: _repeat("> ", n) + "x"),
    Case("md quote lines", "markdown", lambda n: _repeat("> > > > quoted text\n", n)),
    Case("md table rule, spaces", "markdown", lambda n: "|--" + " " * n + "x"),
    Case("md leading spaces", "markdown", lambda n: " " * n + "x"),
    Case("md '-' run", "markdown", lambda n: "-" * n),
    Case("md '- ' rule", "markdown", lambda n: _repeat("- ", n) + "x"),
    Case("md '|' run", "markdown", lambda n: "|" * n),
    Case("md backticks", "markdown", lambda n: "`" * n),
    Case("md '<http://' run", "markdown", lambda n: _repeat("<http://a", n)),
    Case("md '<a ' run", "markdown", lambda n: _repeat("<a ", n)),
    Case("md escapes", "markdown", lambda n: _repeat("\\*", n)),
    Case("md link lines", "markdown", lambda n: _repeat("[A story about the floods](/x)\n", n)),
    # format sniffing (the first 20,000 characters)
    Case("sniff: HTML comments", None, lambda n: _repeat("<!-- a -->", n) + "x"),
    Case("sniff: '![' run", None, lambda n: _repeat("![", n)),
    Case("sniff: '# ' run", None, lambda n: _repeat("# ", n)),
    # HTML (skipped while newsclean.html is missing)
    Case("html nested <div>", "html", lambda n: _repeat("<div>", n) + "x"),
    Case("html nested <b>", "html", lambda n: _repeat("<b>", n) + "x"),
    Case("html unclosed <p>", "html", lambda n: _repeat("<p>a", n)),
    Case("html open '<'", "html", lambda n: "<html><body>" + "<" * n),
    Case("html many comments", "html", lambda n: "<html><body>" + _repeat("<!-- c -->x", n)),
    Case("html long attribute", "html", lambda n: '<html><body><p title="' + "a" * n + '">x</p>'),
    Case("html long text node", "html", lambda n: "<html><body><p>" + _prose(n) + "</p>"),
    Case(
        "html script only",
        "html",
        lambda n: "<html><script>" + _repeat("var a=1;", n) + "</script>",
    ),
    Case("html entity refs", "html", lambda n: "<html><body><p>" + _repeat("&amp;&lt;&#x41;", n)),
)


#: Inputs at fixed sizes (the sizes docs/limits.md reports), run once through the
#: command line by ``--fixed``: name, input format, the input.
FIXED: tuple[tuple[str, str | None, Callable[[], str]], ...] = (
    ("10 MB single line of prose", None, lambda: _prose(10_000_000)),
    ("10 MB single word", None, lambda: "a" * 10_000_000),
    ("300,000 short lines", None, lambda: "ab\n" * 300_000),
    ("300,000 lines, CR endings", None, lambda: "ab\r" * 300_000),
    ("5 MB of spaces", None, lambda: " " * 5_000_000),
    ("5 MB of spaces, then a word", None, lambda: " " * 5_000_000 + "word"),
    ("100,000 '[[[[' (Markdown)", "markdown", lambda: "[[[[" * 100_000),
    ("100,000 '](' (Markdown)", "markdown", lambda: "](" * 100_000),
    ("100,000 '[a](' (Markdown)", "markdown", lambda: "[a](" * 100_000),
    ("100,000 '!' ", None, lambda: "!" * 100_000),
    ("100,000 '?!.,;' ", None, lambda: "?!.,;" * 100_000),
    ("1,000,000 '*' (Markdown)", "markdown", lambda: "*" * 1_000_000),
    ("1,000,000 '_' (Markdown)", "markdown", lambda: "_" * 1_000_000),
    ("100,000 nested '> ' (Markdown)", "markdown", lambda: "> " * 100_000 + "x"),
    ("1 MB heading with inner spaces", "markdown", lambda: "# a" + " " * 1_000_000 + "b"),
    ("1 MB link with spaces", "markdown", lambda: "![a](" + " " * 1_000_000 + "x"),
    ("100,000 HTML comments (sniffed)", None, lambda: "<!-- a -->" * 100_000 + "x"),
    ("100,000 nested <div>", "html", lambda: "<div>" * 100_000 + "x" + "</div>" * 100_000),
    ("100,000 <li>", "html", lambda: "<ul>" + "<li>item" * 100_000 + "</ul>"),
)


def run_fixed(has_html: bool) -> None:
    print(f"{'input':36} {'chars':>11} {'exit':>4} {'wall s':>7} {'rss MB':>7}")
    for name, fmt, make in FIXED:
        if fmt == "html" and not has_html:
            print(f"{name:36} skipped: newsclean.html cannot be imported")
            continue
        text = make()
        wall, code, rss = run_cli(text, fmt)
        print(f"{name:36} {len(text):11,} {code:4d} {wall:7.2f} {rss:7.0f}", flush=True)


def html_available() -> bool:
    try:
        import newsclean.html  # noqa: F401
    except ImportError:
        return False
    return True


def run_library(text: str, fmt: str | None) -> str:
    """Clean once; the outcome ('ok', 'ok, empty body' or the error's kind)."""
    options = Options(input_format=fmt, max_bytes=1 << 40)  # type: ignore[arg-type]
    try:
        article = newsclean.clean(text.encode("utf-8"), options)
    except NewscleanError as error:
        return f"error: {error.kind}"
    return "ok" if article.body else "ok, no body"


def time_library(text: str, fmt: str | None, repeat: int) -> tuple[float, str]:
    best = float("inf")
    outcome = ""
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        outcome = run_library(text, fmt)
        best = min(best, time.perf_counter() - start)
    return best, outcome


def peak_memory(text: str, fmt: str | None) -> int:
    """Peak Python allocations (bytes) while cleaning, input excluded."""
    data = text.encode("utf-8")
    options = Options(input_format=fmt, max_bytes=1 << 40)  # type: ignore[arg-type]
    gc.collect()
    tracemalloc.start()
    with contextlib.suppress(NewscleanError):
        newsclean.clean(data, options)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


#: Runs a command and prints its exit code, wall time and maximum RSS (kilobytes).
#: A child's ru_maxrss starts from its parent's peak on Linux (kept across fork and
#: exec), so the command is started from this small process, not from the benchmark.
_LAUNCHER = (
    "import resource, subprocess, sys, time\n"
    "start = time.perf_counter()\n"
    "code = subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
    "wall = time.perf_counter() - start\n"
    "print(code, wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def run_cli(text: str, fmt: str | None) -> tuple[float, int, float]:
    """Wall time, exit code and max RSS (MB) of ``python -m newsclean clean`` on the text."""
    with tempfile.NamedTemporaryFile("wb", suffix=".txt", delete=False) as fh:
        fh.write(text.encode("utf-8"))
        path = fh.name
    try:
        args = [sys.executable, "-m", "newsclean", "clean", "--max-size", "2G", "-f", "json"]
        if fmt:
            args += ["--input-format", fmt]
        env = dict(os.environ)
        env["PYTHONPATH"] = str(REPO_ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
        out = subprocess.run(
            [sys.executable, "-c", _LAUNCHER, *args, path],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        code, wall, rss_kb = int(out[0]), float(out[1]), float(out[2])
        # ru_maxrss is in kilobytes on Linux (bytes on macOS)
        rss = rss_kb / (1024 * 1024 if sys.platform == "darwin" else 1024)
        return wall, code, rss
    finally:
        os.unlink(path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--base",
        type=int,
        default=DEFAULT_BASE,
        help=f"characters of the x1 input (default {DEFAULT_BASE:,})",
    )
    parser.add_argument("--only", default="", help="comma-separated parts of case names")
    parser.add_argument("--repeat", type=int, default=1, help="best of N timings (default 1)")
    parser.add_argument("--no-cli", action="store_true", help="skip the command-line runs")
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc runs")
    parser.add_argument("--list", action="store_true", help="list the cases and exit")
    parser.add_argument(
        "--fixed",
        action="store_true",
        help="run the fixed-size inputs of docs/limits.md through the CLI instead",
    )
    args = parser.parse_args(argv)
    if args.fixed:
        run_fixed(html_available())
        return 0

    cases = list(CASES)
    if args.only:
        wanted = [w.strip().lower() for w in args.only.split(",") if w.strip()]
        cases = [c for c in cases if any(w in c.name.lower() for w in wanted)]
    if args.list:
        for case in cases:
            print(f"{case.name}\t{case.fmt or 'sniffed'}")
        return 0
    has_html = html_available()

    base = args.base
    print(
        f"newsclean {newsclean.__version__}, Python {sys.version.split()[0]}, "
        f"base {base:,} characters, sizes x{' x'.join(map(str, SCALES))}, "
        f"best of {args.repeat}, {os.cpu_count()} CPUs"
    )
    page = article_page(base * SCALES[-1])
    page_time, _ = time_library(page, None, args.repeat)
    print(f"peer: an ordinary article page of {len(page):,} characters: {page_time:.3f} s\n")

    header = (
        f"{'case':30} {'outcome':16} {'x1 s':>8} {'x2 s':>8} {'x4 s':>8} "
        f"{'x2/x1':>6} {'x4/x1':>6} {'vs page':>8}"
    )
    if not args.no_memory:
        header += f" {'peak x1':>9} {'peak x4':>9} {'mem x4/x1':>9}"
    if not args.no_cli:
        header += f" {'cli x4 s':>9} {'exit':>4} {'rss MB':>7}"
    print(header)
    print("-" * len(header))
    flagged: list[str] = []
    for case in cases:
        if case.fmt == "html" and not has_html:
            print(f"{case.name:30} skipped: newsclean.html cannot be imported")
            continue
        times: list[float] = []
        outcome = ""
        for scale in SCALES:
            text = case.make(base * scale)
            elapsed, outcome = time_library(text, case.fmt, args.repeat)
            times.append(elapsed)
        t1 = max(times[0], 1e-6)
        r2, r4 = times[1] / t1, times[2] / t1
        line = (
            f"{case.name:30} {outcome:16} {times[0]:8.3f} {times[1]:8.3f} {times[2]:8.3f} "
            f"{r2:6.1f} {r4:6.1f} {times[2] / page_time:8.2f}"
        )
        if not args.no_memory:
            p1 = peak_memory(case.make(base), case.fmt)
            p4 = peak_memory(case.make(base * SCALES[-1]), case.fmt)
            line += f" {p1 / 1e6:8.1f}M {p4 / 1e6:8.1f}M {p4 / max(p1, 1):9.1f}"
        if not args.no_cli:
            wall, code, rss = run_cli(case.make(base * SCALES[-1]), case.fmt)
            line += f" {wall:9.2f} {code:4d} {rss:7.0f}"
        # tiny times are noise: only a case slower than 50 ms at x4 can be flagged
        if r4 > SUPERLINEAR_RATIO and times[2] > 0.05:
            line += "  SUPER-LINEAR?"
            flagged.append(case.name)
        print(line, flush=True)
    print()
    if flagged:
        print(f"{len(flagged)} case(s) grew faster than linearly: {', '.join(flagged)}")
        return 1
    print(f"all {len(cases)} cases grew linearly (x4/x1 <= {SUPERLINEAR_RATIO} or under 50 ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
