"""Throughput benchmark: newsclean's speed, in ratios against peers measured in the same run.

    python benchmarks/throughput.py [--corpus DIR] [--pages N] [--files N] [--skip PART]

Needs the development corpus (``$NEWSCLEAN_CORPUS`` or ``../shared/corpus``);
says so and exits 2 when it is absent. Three parts:

1. ``single``: one process, pages already in memory. newsclean on each page's
   ``htmltext.txt`` against ``trafilatura.extract`` on the same page's
   ``page.html``; pages/s of each and their ratio (target >= 10x).
2. ``jobs``: the batch library (:func:`newsclean.batch.run_batch`, reading
   files, writing JSON outputs) on the same ``htmltext.txt`` files with
   ``jobs=2`` against ``jobs=1``; the speed-up (target >= 1.7x on 2 cores).
3. ``memory``: ``--files`` copies (default 20,000) of corpus ``htmltext.txt``
   files in a temporary folder (deleted afterwards), cleaned by
   ``python -m newsclean batch -j 2``; the peak memory of the whole process
   tree (parent and workers), sampled from /proc: the sum of RSS (target
   < 300 MB; it counts the pages forked workers share once per process, so it
   overstates) and, where the kernel gives it, the sum of PSS (shares them out).

Figures go to stdout, with the machine's core count. Speed depends on the
current model; report what you measure.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
TARGET_SINGLE_RATIO = 10.0
TARGET_JOBS_SPEEDUP = 1.7
TARGET_PEAK_MB = 300.0
#: How often (seconds) the memory part samples /proc.
SAMPLE_SECONDS = 0.2


def corpus_root(given: str | None) -> Path:
    return Path(
        given or os.environ.get("NEWSCLEAN_CORPUS") or REPO_ROOT.parent / "shared" / "corpus"
    )


def page_folders(root: Path) -> list[Path]:
    """Every page folder under ``root`` that has an ``htmltext.txt``, sorted."""
    return sorted(p.parent for p in root.rglob("htmltext.txt"))


def cores() -> str:
    try:
        usable = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        usable = os.cpu_count() or 1
    load = ""
    if hasattr(os, "getloadavg"):
        load = ", load average " + " ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"{os.cpu_count()} cores ({usable} usable by this process){load}"


# --------------------------------------------------------------------------- 1. one worker


def bench_single(pages: Sequence[Path]) -> float:
    import trafilatura

    import newsclean

    with_html = [p for p in pages if (p / "page.html").is_file()]
    texts = [(p / "htmltext.txt").read_bytes() for p in with_html]
    htmls = [(p / "page.html").read_bytes().decode("utf-8", "replace") for p in with_html]
    options = newsclean.Options(input_format="text")  # they are text: no sniffing detour

    def run_newsclean() -> tuple[float, int]:
        failed = 0
        start = time.perf_counter()
        for data in texts:
            try:
                newsclean.clean(data, options)
            except newsclean.NewscleanError:
                failed += 1
        return time.perf_counter() - start, failed

    def run_trafilatura() -> tuple[float, int]:
        failed = 0
        start = time.perf_counter()
        for html in htmls:
            if trafilatura.extract(html) is None:
                failed += 1
        return time.perf_counter() - start, failed

    for data in texts[:3]:  # warm up: language data, model, imports
        newsclean.clean(data, options)
    for html in htmls[:3]:
        trafilatura.extract(html)
    nc_time, nc_failed = run_newsclean()
    tf_time, tf_failed = run_trafilatura()
    n = len(texts)
    nc_rate, tf_rate = n / nc_time, n / tf_time
    ratio = nc_rate / tf_rate
    print(f"[1] one worker, {n} pages in memory")
    print(
        f"    newsclean on htmltext.txt:     {nc_rate:8.1f} pages/s "
        f"({nc_time:.2f} s, {nc_failed} refused)"
    )
    print(
        f"    trafilatura.extract page.html: {tf_rate:8.1f} pages/s "
        f"({tf_time:.2f} s, {tf_failed} returned None)"
    )
    print(
        f"    ratio: {ratio:.1f}x  (target >= {TARGET_SINGLE_RATIO:.0f}x) "
        + ("OK" if ratio >= TARGET_SINGLE_RATIO else "BELOW TARGET")
    )
    return ratio


# --------------------------------------------------------------------------- 2. jobs 2 vs 1


def bench_jobs(root: Path, n_pages: int) -> float:
    import resource

    from newsclean.batch import Plan, Report, plan_batch, run_batch

    def cpu_seconds() -> float:
        own = resource.getrusage(resource.RUSAGE_SELF)
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)  # workers, once joined
        return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime

    rates: dict[int, float] = {}
    cpu_per_page: dict[int, float] = {}
    n_tasks = 0
    with tempfile.TemporaryDirectory(prefix="newsclean-bench-") as tmp:
        for jobs in (1, 2, 1, 2):  # twice each, alternating, to even out a noisy machine
            out = str(Path(tmp) / f"out{jobs}")
            full = plan_batch([str(root)], out, "json", ["htmltext.txt"])
            plan = Plan(full.tasks[:n_pages], out)  # the first N, same files every run
            n_tasks = len(plan.tasks)
            cpu_before = cpu_seconds()
            report = run_batch(plan, jobs=jobs, force=True, report=Report(total=n_tasks))
            cpu = (cpu_seconds() - cpu_before) / max(report.processed, 1)
            rates[jobs] = max(rates.get(jobs, 0.0), report.processed / report.elapsed)
            cpu_per_page[jobs] = min(cpu_per_page.get(jobs, cpu), cpu)
            shutil.rmtree(out, ignore_errors=True)
    speedup = rates[2] / rates[1]
    print(
        f"[2] batch library, {n_tasks} htmltext.txt files "
        "(read, clean, write JSON), best of 2 runs each"
    )
    for jobs in (1, 2):
        print(
            f"    jobs={jobs}: {rates[jobs]:8.1f} pages/s, "
            f"{cpu_per_page[jobs] * 1000:6.1f} ms of CPU per page (all processes)"
        )
    print(
        f"    speed-up: {speedup:.2f}x  (target >= {TARGET_JOBS_SPEEDUP}x) "
        + ("OK" if speedup >= TARGET_JOBS_SPEEDUP else "BELOW TARGET")
    )
    print(
        f"    pool overhead: {cpu_per_page[2] / cpu_per_page[1]:.2f}x the CPU per page of "
        "jobs=1 (near 1.0: the pool costs little; then the wall-clock speed-up is "
        "bounded by the idle cores, see the load average above)"
    )
    return speedup


# --------------------------------------------------------------------------- 3. memory


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants, from /proc."""
    parents: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", encoding="ascii", errors="replace") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        parents.setdefault(ppid, []).append(int(entry.name))
    found, stack = [], [pid]
    while stack:
        p = stack.pop()
        found.append(p)
        stack.extend(parents.get(p, ()))
    return found


def _memory_kb(pid: int) -> tuple[int, int | None]:
    """(RSS, PSS) of one process in KiB (PSS None when the kernel does not give it)."""
    rss = 0
    try:
        with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    rss = int(line.split()[1])
                    break
    except OSError:
        return 0, 0
    pss: int | None = None
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii", errors="replace") as fh:
            for line in fh:
                if line.startswith("Pss:"):
                    pss = int(line.split()[1])
                    break
    except OSError:
        pass
    return rss, pss


def bench_memory(pages: Sequence[Path], n_files: int) -> float:
    if not Path("/proc/self/status").exists():
        print("[3] memory: skipped (needs Linux /proc)")
        return 0.0
    sources = [p / "htmltext.txt" for p in pages]
    tmp = Path(tempfile.mkdtemp(prefix="newsclean-bench-"))
    try:
        inputs = tmp / "in"
        for k in range(n_files):
            folder = inputs / f"d{k // 200:03d}"
            if k % 200 == 0:
                folder.mkdir(parents=True)
            shutil.copyfile(sources[k % len(sources)], folder / f"page{k:05d}.txt")
        cmd = [
            sys.executable,
            "-m",
            "newsclean",
            "batch",
            str(inputs),
            "-o",
            str(tmp / "out"),
            "-j",
            "2",
            "--quiet",
        ]
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        peak_rss = peak_pss = max_procs = 0
        pss_known = True
        while proc.poll() is None:
            tree = _tree(proc.pid)
            samples = [_memory_kb(p) for p in tree]
            max_procs = max(max_procs, len(tree))
            peak_rss = max(peak_rss, sum(r for r, _ in samples))
            if any(p is None for _, p in samples):
                pss_known = False
            else:
                peak_pss = max(peak_pss, sum(p or 0 for _, p in samples))
            time.sleep(SAMPLE_SECONDS)
        elapsed = time.perf_counter() - start
        stderr = proc.stderr.read() if proc.stderr else ""
        written = sum(1 for _ in (tmp / "out").rglob("*.json"))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    rss_mb, pss_mb = peak_rss / 1024, peak_pss / 1024
    print(
        f"[3] newsclean batch -j 2 on {n_files} files (copies of {len(sources)} corpus "
        f"htmltext.txt), exit {proc.returncode}, {written} outputs, {elapsed:.1f} s, "
        f"{n_files / elapsed:.1f} pages/s"
    )
    print(
        f"    peak memory of the process tree ({max_procs} processes): "
        f"RSS sum {rss_mb:.0f} MB" + (f", PSS sum {pss_mb:.0f} MB" if pss_known else "")
    )
    print(
        f"    target: RSS sum < {TARGET_PEAK_MB:.0f} MB: "
        + ("OK" if rss_mb < TARGET_PEAK_MB else "ABOVE TARGET")
    )
    if proc.returncode not in (0, 1) or stderr.strip():
        print("    batch stderr (first lines):")
        for line in stderr.splitlines()[:5]:
            print("      " + line)
    return rss_mb


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else "")
    parser.add_argument(
        "--corpus", help="corpus folder (default: $NEWSCLEAN_CORPUS or ../shared/corpus)"
    )
    parser.add_argument(
        "--pages", type=int, default=300, help="pages for parts 1 and 2 (default 300)"
    )
    parser.add_argument(
        "--files", type=int, default=20_000, help="files for part 3 (default 20000)"
    )
    parser.add_argument(
        "--skip",
        action="append",
        default=[],
        choices=["single", "jobs", "memory"],
        help="leave a part out",
    )
    args = parser.parse_args(argv)
    root = corpus_root(args.corpus)
    pages = page_folders(root) if root.is_dir() else []
    if not pages:
        print(
            f"throughput: no corpus at {root} (set NEWSCLEAN_CORPUS or use --corpus); "
            "nothing measured",
            file=sys.stderr,
        )
        return 2
    print(
        f"machine: {cores()}; python {sys.version.split()[0]}; corpus {root} "
        f"({len(pages)} pages with htmltext.txt)"
    )
    chosen = pages[:: max(1, len(pages) // args.pages)][: args.pages]
    if "single" not in args.skip:
        bench_single(chosen)
    if "jobs" not in args.skip:
        bench_jobs(root, args.pages)
    if "memory" not in args.skip:
        bench_memory(pages, args.files)
    return 0


if __name__ == "__main__":
    sys.exit(main())
