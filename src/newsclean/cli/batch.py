"""``newsclean batch``: clean many pages in parallel into a folder, or as JSON Lines."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable

import click

from ..batch import (
    DEFAULT_PATTERNS,
    BatchUsageError,
    Outcome,
    Report,
    Settings,
    Task,
    default_jobs,
    plan_batch,
    run_batch,
)
from ..render import RENDERERS
from .common import input_options, make_options, silence_stdout


@click.command()
@click.argument(
    "inputs",
    nargs=-1,
    required=True,
    metavar="INPUT...",
    type=click.Path(exists=True, allow_dash=False),
)
@click.option(
    "-o",
    "--output",
    "outdir",
    required=True,
    metavar="OUTDIR",
    help="Folder for the outputs (created if needed), or - for JSON Lines on stdout.",
)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(sorted(RENDERERS)),
    default="json",
    show_default=True,
    help="Output format of each file (JSON Lines need json).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    metavar="N",
    help="Worker processes [default: the usable CPU cores; 1 runs in-process].",
)
@click.option(
    "--glob",
    "patterns",
    multiple=True,
    metavar="PATTERN",
    help="File names to take from INPUT folders (repeatable; case-insensitive; "
    "a pattern with / matches the path below INPUT) "
    f"[default: {' '.join(DEFAULT_PATTERNS)}].",
)
@click.option(
    "--force", is_flag=True, help="Clean every input again, even when its output is newer than it."
)
@click.option(
    "-q", "--quiet", is_flag=True, help="No progress bar and no summary; failures are still listed."
)
@click.option(
    "--explain",
    is_flag=True,
    help="Keep every line's label and reason in the outputs (for inspect).",
)
@input_options
def batch(
    inputs: tuple[str, ...],
    outdir: str,
    fmt: str,
    jobs: int | None,
    patterns: tuple[str, ...],
    force: bool,
    quiet: bool,
    explain: bool,
    lang: str | None,
    input_format: str | None,
    max_size: int,
    max_lines: int,
    base_url: str | None,
) -> None:
    """Clean many pages: files and folders (walked recursively) into OUTDIR.

    Each input's output mirrors its path below its INPUT folder (a file INPUT
    keeps its own name), with the format's suffix (.json, .txt, .md). Inputs
    whose output is newer than them are skipped, so running the same command
    again resumes an interrupted batch; --force redoes everything. With -o -,
    one JSON document a line goes to stdout, in input order.

    Exit status: 0 all cleaned or skipped, 1 some files failed, 2 usage error,
    130 interrupted (Ctrl-C; what was done is kept and summarised).
    """
    stream = outdir == "-"
    if stream and fmt != "json":
        raise click.UsageError("-o - writes JSON Lines: use --format json, or give an OUTDIR")
    try:
        plan = plan_batch(inputs, None if stream else outdir, fmt, patterns or DEFAULT_PATTERNS)
    except BatchUsageError as error:
        raise click.UsageError(str(error)) from None
    if not stream:
        try:
            os.makedirs(outdir, exist_ok=True)
        except OSError as exc:
            raise click.UsageError(
                f"cannot create the output folder {outdir}: {exc.strerror or exc}"
            ) from None
    settings = Settings(
        fmt=fmt,
        options=make_options(lang, input_format, max_size, base_url, max_lines=max_lines),
        explain=explain,
    )
    report = Report(total=len(plan.tasks))
    display = _Progress(report.total) if not quiet and sys.stderr.isatty() else None
    emit = _stdout_writer() if stream else None
    try:
        run_batch(
            plan,
            settings,
            jobs=jobs or default_jobs(),
            force=force,
            report=report,
            on_start=display.start if display else None,
            on_outcome=display.advance if display else None,
            emit=emit,
        )
        if stream:
            sys.stdout.flush()
    except BrokenPipeError:
        # The reader of stdout went away (`| head`): stop as if killed by SIGPIPE (exit 141).
        report.stopped_by = getattr(signal, "SIGPIPE", 13)
        silence_stdout()
    finally:
        if display is not None:
            display.stop()
    if not quiet:
        lines = report.summary()
    else:  # only what needs attention: an interruption, the failures
        lines = report.summary()[:1] if report.interrupted else []
        lines += report.failure_lines()
    for line in lines:
        click.echo("newsclean batch: " + line, err=True)
    sys.exit(report.exit_code)


def _stdout_writer() -> Callable[[str], None]:
    out = sys.stdout

    def emit(document: str) -> None:
        out.write(document)

    return emit


class _Progress:
    """A rich progress bar on stderr: files done/total, pages/s, elapsed, ETA."""

    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.progress = Progress(
            TextColumn("cleaning"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]:>6.1f} pages/s"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
            transient=True,
        )
        self.task_id = self.progress.add_task("cleaning", total=total, rate=0.0)
        self.started = False

    def start(self) -> None:
        self.progress.start()
        self.started = True

    def advance(self, task: Task, outcome: Outcome, report: Report) -> None:
        self.progress.update(self.task_id, completed=report.processed, rate=report.pages_per_second)

    def stop(self) -> None:
        if self.started:
            self.progress.stop()
