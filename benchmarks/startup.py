"""Start-up benchmark: the wall time of ``newsclean clean <page>`` as a user runs it.

Each command runs as a fresh subprocess, ``--runs`` times (after warm-up runs
that are not counted), and the median wall time is reported, with ratios to
peers measured in the same run on the same machine:

- ``python -c pass``: the interpreter's own start-up, the floor for any Python CLI;
- ``python -c "import newsclean"``: the library's import cost alone;
- ``trafilatura --version``: the start-up of the field's leading extractor's
  command (it does no work either), for scale.

Then ``python -X importtime`` of the same clean run lists the modules that
cost the most to import (top 15 by their own time, with cumulative time).

Bytecode: an installed package runs from compiled ``.pyc`` files, so the commands
run with ``PYTHONDONTWRITEBYTECODE`` unset and ``PYTHONPYCACHEPREFIX`` pointing at
a cache folder outside the source tree (the warm-up runs fill it); ``--cold``
keeps the environment as it is, so a source tree without ``__pycache__`` is
compiled on every run.

Run (the machine is shared: be nice)::

    nice -n 10 python benchmarks/startup.py
    nice -n 10 python benchmarks/startup.py --runs 40 --page some/page.txt --check

``--check`` exits 1 when the median of ``newsclean clean`` is above ``--target``
seconds (0.15 by default). Timings are never asserted in unit tests.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PAGE = REPO_ROOT / "fixtures" / "seed_de_euronews.txt"
DEFAULT_RUNS = 20
WARMUP_RUNS = 3
TARGET_SECONDS = 0.15
TOP_IMPORTS = 15


@dataclass(frozen=True)
class Timing:
    name: str
    command: list[str]
    times: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def best(self) -> float:
        return min(self.times)


def script(name: str) -> str | None:
    """An installed console script: beside this Python first, then on PATH."""
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    return shutil.which(name)


def measure(name: str, command: list[str], runs: int, env: dict[str, str]) -> Timing:
    for _ in range(WARMUP_RUNS):
        subprocess.run(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True
        )
    times: list[float] = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(
            command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=True
        )
        times.append(time.perf_counter() - start)
    return Timing(name, command, times)


@dataclass(frozen=True)
class ImportCost:
    module: str
    self_us: int
    cumulative_us: int


def import_costs(command: list[str], env: dict[str, str]) -> list[ImportCost]:
    """Per-module import times of a Python command, from ``-X importtime``."""
    proc = subprocess.run(
        [command[0], "-X", "importtime", *command[1:]],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        check=True,
    )
    costs: list[ImportCost] = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "self [us]" in line:
            continue
        fields = line[len("import time:") :].split("|")
        if len(fields) != 3:
            continue
        try:
            costs.append(ImportCost(fields[2].strip(), int(fields[0]), int(fields[1])))
        except ValueError:
            continue
    return costs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument(
        "--page", type=Path, default=DEFAULT_PAGE, help="page to clean (default: the seed fixture)"
    )
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS, help="timed runs per command")
    parser.add_argument(
        "--target",
        type=float,
        default=TARGET_SECONDS,
        help="seconds the median of newsclean clean should stay under",
    )
    parser.add_argument(
        "--check", action="store_true", help="exit 1 when the newsclean median is above the target"
    )
    parser.add_argument(
        "--cold",
        action="store_true",
        help="keep the environment's bytecode settings (no .pyc cache)",
    )
    args = parser.parse_args(argv)
    if not args.page.exists():
        parser.error(f"{args.page}: no such file")
    if args.runs < 1:
        parser.error("--runs must be at least 1")

    env = dict(os.environ)
    env.pop("PYTHONPROFILEIMPORTTIME", None)
    if not args.cold:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "newsclean-bench-pycache")
    python = sys.executable
    newsclean = script("newsclean")
    if newsclean is None:
        parser.error("the newsclean console script is not installed (pip install -e .)")
    page = str(args.page)

    commands: list[tuple[str, list[str]]] = [
        ("python -c pass", [python, "-c", "pass"]),
        ("python -c 'import newsclean'", [python, "-c", "import newsclean"]),
        ("newsclean clean PAGE", [newsclean, "clean", page]),
        ("newsclean clean -f json PAGE", [newsclean, "clean", "-f", "json", page]),
    ]
    trafilatura = script("trafilatura")
    if trafilatura is not None:
        commands.append(("trafilatura --version", [trafilatura, "--version"]))

    print(
        f"page: {args.page} ({args.page.stat().st_size:,} bytes); "
        f"{args.runs} runs per command after {WARMUP_RUNS} warm-up runs; "
        f"Python {sys.version.split()[0]} on {os.cpu_count()} CPUs; bytecode "
        f"{'as the environment says (--cold)' if args.cold else 'cached'}"
    )
    timings = {name: measure(name, command, args.runs, env) for name, command in commands}

    floor = timings["python -c pass"].median
    print()
    print(f"{'command':<32} {'median':>9} {'best':>9} {'x python':>9}")
    for name, timing in timings.items():
        print(
            f"{name:<32} {timing.median * 1000:>7.1f}ms {timing.best * 1000:>7.1f}ms "
            f"{timing.median / floor:>8.2f}x"
        )

    clean = timings["newsclean clean PAGE"].median
    print()
    print(
        f"newsclean clean / python -c pass: {clean / floor:.2f}x "
        f"(+{(clean - floor) * 1000:.1f} ms over the interpreter)"
    )
    if "trafilatura --version" in timings:
        peer = timings["trafilatura --version"].median
        print(f"newsclean clean / trafilatura --version: {clean / peer:.2f}x")
    else:
        print("trafilatura command not found: no peer ratio")
    met = clean <= args.target
    print(
        f"target: median under {args.target * 1000:.0f} ms: "
        f"{'met' if met else 'MISSED'} ({clean * 1000:.1f} ms)"
    )

    probe = [
        python,
        "-c",
        "import sys; from newsclean.cli import main; main(sys.argv[1:])",
        "clean",
        page,
    ]
    costs = import_costs(probe, env)
    total = sum(c.self_us for c in costs)
    print()
    print(
        f"imports of 'newsclean clean PAGE' (python -X importtime): {len(costs)} modules, "
        f"{total / 1000:.1f} ms in all; top {TOP_IMPORTS} by own time:"
    )
    print(f"{'self ms':>8} {'cumul. ms':>10}  module")
    for cost in sorted(costs, key=lambda c: -c.self_us)[:TOP_IMPORTS]:
        print(f"{cost.self_us / 1000:>8.2f} {cost.cumulative_us / 1000:>10.2f}  {cost.module}")
    heavy = sorted(
        {c.module.split(".")[0] for c in costs}
        & {"lxml", "trafilatura", "justext", "rich", "htmldate", "courlan", "charset_normalizer"}
    )
    print(f"heavy modules imported: {', '.join(heavy) if heavy else 'none'}")
    return 1 if args.check and not met else 0


if __name__ == "__main__":
    sys.exit(main())
