"""Batch work: many pages in, one output each (or JSON Lines), safely and in parallel.

The steps, each a function a library user can call on its own:

- :func:`plan_batch` finds the inputs (files, and folders walked recursively
  for the file-name patterns), maps each to its output path under OUTDIR and
  refuses, before any work, plans where two inputs would share an output or an
  output would overwrite an input.
- :func:`run_batch` cleans the planned pages: in-process for one job, else in a
  process pool fed through a bounded window (memory stays flat for any number
  of files). Workers read, clean, render and write their file themselves and
  return a small :class:`Outcome`; the parent records it in a :class:`Report`.
- :func:`write_atomic` writes every output as a hidden temporary file in the
  output's folder, fsyncs it and renames it into place: an output is complete or
  absent, whatever stops the run. :func:`remove_stale_temporaries` clears the
  temporaries a killed run left behind.

Ctrl-C (SIGINT) or SIGTERM stops the run gracefully: no new file is started,
the files being cleaned are finished, and the report says what was done. A
second Ctrl-C abandons the running files (their temporaries are removed).
Nothing here imports click or rich: progress is reported through callbacks.
"""

from __future__ import annotations

import contextlib
import fnmatch
import gc
import os
import re
import secrets
import signal
import stat
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from enum import Enum
from types import FrameType
from typing import Any

from .core import clean
from .errors import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    InputTooLargeError,
    NewscleanError,
    UnreadableInputError,
)
from .model import Label
from .options import DEFAULT_OPTIONS, Options
from .render import render

#: File-name patterns taken from INPUT folders when none is given.
DEFAULT_PATTERNS: tuple[str, ...] = ("*.txt", "*.md", "*.html", "*.htm")

#: Output file suffix of each format (a format missing here gets ``.<name>``).
SUFFIXES: dict[str, str] = {"json": ".json", "text": ".txt", "markdown": ".md"}

#: Futures in flight per worker: enough to keep workers busy, few enough to
#: keep memory flat and make Ctrl-C prompt.
WINDOW_PER_WORKER = 4

#: Files a worker cleans per message: fewer, larger messages between processes.
CHUNK = 4

#: How often (seconds) the parent wakes up to notice a stop request.
POLL_SECONDS = 0.2

#: Temporary outputs are named ``.<name>.<pid>-<hex>.newsclean-tmp`` (the pid of
#: the writing process, so a run never removes another live run's temporaries).
TEMP_SUFFIX = ".newsclean-tmp"
_TEMP_RE = re.compile(r"\A\..*\.(\d+)-[0-9a-f]{8}" + re.escape(TEMP_SUFFIX) + r"\Z", re.S)
#: Characters of the output's name kept in its temporary's name (NAME_MAX is 255).
_TEMP_NAME_KEEP = 120


class BatchUsageError(NewscleanError):
    """The batch cannot start: no inputs, clashing outputs, a bad output folder."""

    exit_code = EXIT_USAGE
    kind = "usage"


class OutputError(NewscleanError):
    """An output file could not be written (permission, disk full...)."""

    exit_code = EXIT_FAILED
    kind = "unwritable"


class Status(str, Enum):
    """What became of one input."""

    CLEANED = "cleaned"
    SKIPPED = "skipped"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Task:
    """One input to clean: its path as given or walked, and its output path.

    ``output`` is ``None`` when the result goes to a stream (JSON Lines).
    """

    index: int
    source: str
    output: str | None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a worker sends back: small, whatever the size of the page.

    ``counts`` holds the number of lines of each :class:`Label`, in the enum's
    order; ``payload`` the rendered document, only when writing to a stream.
    """

    index: int
    status: Status
    counts: tuple[int, ...] = ()
    empty: bool = False
    kind: str = ""
    message: str = ""
    payload: str | None = None


@dataclass(frozen=True)
class Plan:
    """The inputs, in their stable order, each with its output (``tasks[k].index == k``)."""

    tasks: tuple[Task, ...]
    outdir: str | None


@dataclass(frozen=True)
class Settings:
    """How every page of a batch is cleaned and rendered (sent to each worker once)."""

    fmt: str = "json"
    options: Options = DEFAULT_OPTIONS
    explain: bool = False


# --------------------------------------------------------------------------- finding inputs


def default_jobs() -> int:
    """The number of CPU cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def output_suffix(fmt: str) -> str:
    return SUFFIXES.get(fmt, "." + fmt)


def is_temporary(name: str) -> bool:
    """Whether a file name is one of :func:`write_atomic`'s temporaries."""
    return _TEMP_RE.match(name) is not None


def _matches(rel: str, patterns: Sequence[str]) -> bool:
    """Case-insensitive match of the file name, or of the relative path for patterns with /."""
    rel_l = rel.lower()
    name_l = rel_l.rsplit("/", 1)[-1]
    for pattern in patterns:
        p = pattern.lower()
        if fnmatch.fnmatchcase(rel_l if "/" in p else name_l, p):
            return True
    return False


def _walk(
    top: str, patterns: Sequence[str], excluded: set[tuple[int, int]]
) -> Iterator[tuple[str, str]]:
    """Files under ``top`` matching ``patterns``, as (path, path relative to top), sorted.

    Symbolic links to folders are not followed; folders in ``excluded``
    (device, inode) are pruned; our own temporaries are never inputs.
    """
    stack: list[tuple[str, str]] = [(top, "")]
    found: list[tuple[str, str]] = []
    while stack:
        folder, rel_folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError:
            continue  # an unreadable subfolder holds no input we could read
        for entry in entries:
            rel = f"{rel_folder}{entry.name}"
            try:
                if entry.is_dir(follow_symlinks=False):
                    st = entry.stat(follow_symlinks=False)
                    if (st.st_dev, st.st_ino) not in excluded:
                        stack.append((entry.path, rel + "/"))
                elif entry.is_file() and not is_temporary(entry.name) and _matches(rel, patterns):
                    found.append((entry.path, rel))
            except OSError:
                continue
    found.sort(key=lambda pr: pr[1].split("/"))
    return iter(found)


def _identity(path: str) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


def find_inputs(
    inputs: Sequence[str], patterns: Sequence[str] = DEFAULT_PATTERNS, exclude: str | None = None
) -> list[tuple[str, str]]:
    """Every input file as (path as given or walked, path relative to its INPUT).

    A file INPUT is taken whatever its name and is relative to its own folder; a
    folder INPUT is walked for files matching ``patterns``, skipping the
    ``exclude`` folder (the output folder) wherever it appears. A file reached
    twice (given, and inside a given folder) is taken once, the first time.
    Raises :class:`BatchUsageError` for an INPUT that does not exist.
    """
    excluded: set[tuple[int, int]] = set()
    if exclude is not None and (ident := _identity(exclude)) is not None:
        excluded.add(ident)
    seen: set[tuple[int, int]] = set()
    files: list[tuple[str, str]] = []
    for given in inputs:
        try:
            st = os.stat(given)
        except FileNotFoundError:
            raise BatchUsageError(f"{given}: no such file or folder") from None
        except OSError as exc:
            raise BatchUsageError(f"{given}: {exc.strerror or exc}") from None
        if stat.S_ISDIR(st.st_mode):
            if (st.st_dev, st.st_ino) in excluded:
                raise BatchUsageError(f"{given}: the output folder cannot also be an input folder")
            candidates: Iterable[tuple[str, str]] = _walk(given, patterns, excluded)
        else:
            candidates = [(given, os.path.basename(given))]
        for path, rel in candidates:
            ident = _identity(path)
            if ident is not None:
                if ident in seen:
                    continue
                seen.add(ident)
            files.append((path, rel))
    return files


def plan_batch(
    inputs: Sequence[str],
    outdir: str | None,
    fmt: str = "json",
    patterns: Sequence[str] = DEFAULT_PATTERNS,
) -> Plan:
    """Inputs and their outputs (``outdir`` ``None``: a stream), checked before any work.

    Outputs mirror each input's path relative to its INPUT, with the format's
    suffix in place of the input's. Raises :class:`BatchUsageError` when there is
    no input, when the output folder is a file, when two inputs map to one
    output, or when an output would overwrite an input.
    """
    if outdir is not None and os.path.exists(outdir) and not os.path.isdir(outdir):
        raise BatchUsageError(f"{outdir}: the output folder exists and is not a folder")
    found = find_inputs(inputs, patterns, exclude=outdir)
    if not found:
        raise BatchUsageError(
            "no input files found (folders are searched for " + ", ".join(patterns) + ")"
        )
    if outdir is None:
        return Plan(tuple(Task(k, path, None) for k, (path, _) in enumerate(found)), None)
    suffix = output_suffix(fmt)
    tasks: list[Task] = []
    claimed: dict[str, list[str]] = {}
    for k, (path, rel) in enumerate(found):
        stem = os.path.splitext(rel)[0]  # "a/b.txt" -> "a/b"; ".md" keeps its name
        out = os.path.join(outdir, *(stem + suffix).split("/"))
        claimed.setdefault(os.path.normpath(out), []).append(path)
        tasks.append(Task(k, path, out))
    clashes = {out: srcs for out, srcs in claimed.items() if len(srcs) > 1}
    if clashes:
        lines = [f"  {out} <- " + ", ".join(srcs) for out, srcs in sorted(clashes.items())]
        more = f"\n  ... and {len(lines) - 20} more" if len(lines) > 20 else ""
        raise BatchUsageError(
            f"{len(clashes)} output path(s) would be written by more than one input "
            "(rename the inputs or clean them in separate runs):\n" + "\n".join(lines[:20]) + more
        )
    input_ids = {ident for path, _ in found if (ident := _identity(path)) is not None}
    for task in tasks:
        assert task.output is not None
        if (ident := _identity(task.output)) is not None and ident in input_ids:
            raise BatchUsageError(
                f"{task.source}: its output {task.output} is an input file; "
                "choose another output folder"
            )
    return Plan(tuple(tasks), outdir)


# --------------------------------------------------------------------------- writing


def write_atomic(path: str, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` so that it is either complete or absent.

    A hidden temporary file in the same folder is written, fsynced and renamed
    over ``path``; on any error or interruption it is removed.
    """
    folder, name = os.path.split(path)
    folder = folder or "."
    os.makedirs(folder, exist_ok=True)
    temp = os.path.join(
        folder, f".{name[:_TEMP_NAME_KEEP]}.{os.getpid()}-{secrets.token_hex(4)}{TEMP_SUFFIX}"
    )
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


def _pid_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def remove_stale_temporaries(outdir: str, *, include_own: bool = False) -> int:
    """Remove temporaries of :func:`write_atomic` under ``outdir`` whose writer is gone.

    Temporaries of live processes (another run writing there) are left alone,
    and so are this process's own unless ``include_own``. Returns how many were
    removed.
    """
    removed = 0
    stack = [outdir]
    me = os.getpid()
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = list(it)
        except OSError:
            continue
        for entry in entries:
            try:
                if entry.is_dir(follow_symlinks=False):
                    stack.append(entry.path)
                    continue
            except OSError:
                continue
            match = _TEMP_RE.match(entry.name)
            if match is None:
                continue
            pid = int(match.group(1))
            if (pid == me and include_own) or (pid != me and not _pid_alive(pid)):
                try:
                    os.unlink(entry.path)
                    removed += 1
                except OSError:
                    pass
    return removed


def is_up_to_date(task: Task) -> bool:
    """Whether the task's output exists and is newer than its input (resume)."""
    if task.output is None:
        return False
    try:
        out = os.stat(task.output)
        in_mtime = os.stat(task.source).st_mtime_ns
    except OSError:
        return False
    return stat.S_ISREG(out.st_mode) and out.st_mtime_ns > in_mtime


# --------------------------------------------------------------------------- one file


def read_file(path: str, max_bytes: int) -> bytes:
    """The bytes of one input file, opened read-only; a typed error when unusable."""
    try:
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > max_bytes:
                raise InputTooLargeError(
                    f"file is {size:,} bytes, above the maximum of {max_bytes:,} "
                    "(raise it with --max-size)"
                )
            return fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise UnreadableInputError("no such file (removed during the run?)") from None
    except PermissionError:
        raise UnreadableInputError("permission denied") from None
    except IsADirectoryError:
        raise UnreadableInputError("is a directory") from None
    except OSError as exc:
        raise UnreadableInputError(exc.strerror or str(exc)) from None


def _one_line(text: str) -> str:
    return " ".join(text.split())


def process(task: Task, settings: Settings) -> Outcome:
    """Read, clean, render and write one input. Never raises for a bad input or a bug:
    the failure is returned in the :class:`Outcome`. (KeyboardInterrupt propagates.)
    """
    try:
        data = read_file(task.source, settings.options.max_bytes)
        article = clean(data, settings.options.with_(source_name=task.source))
        if task.output is None:
            payload: str | None = render(article, "json", explain=settings.explain)
        else:
            text = render(article, settings.fmt, explain=settings.explain)
            try:
                write_atomic(task.output, text)
            except OSError as exc:
                raise OutputError(f"cannot write {task.output}: {exc.strerror or exc}") from None
            payload = None
    except NewscleanError as error:
        return Outcome(task.index, Status.FAILED, kind=error.kind, message=_one_line(str(error)))
    except Exception as exc:  # a bug must cost one file, not the batch
        return Outcome(
            task.index,
            Status.FAILED,
            kind="internal",
            message=_one_line(f"{type(exc).__name__}: {exc}"),
        )
    counts = tuple(article.label_counts().values())
    return Outcome(
        task.index, Status.CLEANED, counts=counts, empty=not article.body, payload=payload
    )


# Worker-process state: the settings arrive once, with the pool's initializer.
_worker_settings: Settings | None = None


#: How often (seconds) a worker checks that the batch process is still there.
ORPHAN_CHECK_SECONDS = 0.5


def _init_worker(settings: Settings) -> None:
    """Workers leave SIGINT and SIGTERM to the parent, which stops them in order,
    and exit by themselves when the parent is gone (killed with SIGKILL)."""
    global _worker_settings
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    _worker_settings = settings
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(ORPHAN_CHECK_SECONDS)
        os._exit(1)  # an output being written stays a temporary, removed by the next run

    threading.Thread(target=watch, name="newsclean-orphan-watch", daemon=True).start()


def _work(chunk: Sequence[Task]) -> list[Outcome]:
    settings = _worker_settings
    assert settings is not None
    return [process(task, settings) for task in chunk]


def _ready() -> int:
    return os.getpid()


# --------------------------------------------------------------------------- the report


@dataclass
class Report:
    """Counts of what became of the inputs, the failures with their reasons, the exit code."""

    total: int
    cleaned: int = 0
    skipped: int = 0
    failed: int = 0
    empty: int = 0
    labels: dict[str, int] = field(default_factory=lambda: {lab.value: 0 for lab in Label})
    failures: list[tuple[str, str, str]] = field(default_factory=list)
    #: The signal that stopped the run (``signal.SIGINT``...), 0 when it ran to the end.
    stopped_by: int = 0
    started: float = field(default_factory=time.monotonic)
    finished: float | None = None

    def done(self, task: Task, outcome: Outcome) -> None:
        if outcome.status is Status.CLEANED:
            self.cleaned += 1
            self.empty += outcome.empty
            for label, n in zip(self.labels, outcome.counts, strict=True):
                self.labels[label] += n
        elif outcome.status is Status.SKIPPED:
            self.skipped += 1
        else:
            self.failed += 1
            self.failures.append((task.source, outcome.kind, outcome.message))

    @property
    def processed(self) -> int:
        return self.cleaned + self.skipped + self.failed

    @property
    def interrupted(self) -> bool:
        return self.stopped_by != 0

    @property
    def elapsed(self) -> float:
        end = self.finished if self.finished is not None else time.monotonic()
        return max(end - self.started, 0.0)

    @property
    def pages_per_second(self) -> float:
        elapsed = self.elapsed
        return self.cleaned / elapsed if elapsed > 0 else 0.0

    @property
    def exit_code(self) -> int:
        """128 + the signal when stopped (130 for Ctrl-C), 1 when a file failed, else 0."""
        if self.stopped_by:
            return 128 + self.stopped_by
        return EXIT_FAILED if self.failed else EXIT_OK

    def summary(self) -> list[str]:
        """The end-of-run summary, one string a line (failures listed last)."""
        head = (
            f"{self.cleaned} cleaned, {self.skipped} skipped, {self.failed} failed"
            f" in {self.elapsed:.1f} s ({self.pages_per_second:.1f} pages/s)"
        )
        lines = []
        if self.stopped_by:
            name = (
                "Ctrl-C"
                if self.stopped_by == signal.SIGINT
                else signal.Signals(self.stopped_by).name
            )
            lines.append(
                f"interrupted ({name}) after {self.processed} of {self.total} files: "
                + head
                + f"; {self.total - self.processed} not done"
            )
        else:
            lines.append(f"{self.total} files: " + head)
        if self.empty:
            lines.append(f"{self.empty} cleaned file(s) had no article text (empty body)")
        labels = ", ".join(f"{k} {v}" for k, v in self.labels.items() if v)
        if labels:
            lines.append("lines by label: " + labels)
        lines.extend(self.failure_lines())
        return lines

    def failure_lines(self) -> list[str]:
        return [f"failed: {src}: {message} [{kind}]" for src, kind, message in self.failures]


# --------------------------------------------------------------------------- running


class _StopRequest:
    """Turns the first SIGINT/SIGTERM into a flag the run loop checks; the second
    SIGINT raises KeyboardInterrupt (abandon the files being cleaned)."""

    def __init__(self) -> None:
        self.signum = 0
        self._previous: dict[int, Any] = {}

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.signum and signum == signal.SIGINT:
            raise KeyboardInterrupt
        self.signum = self.signum or signum

    def __enter__(self) -> _StopRequest:
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                self._previous[sig] = signal.signal(sig, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)


class _Ordered:
    """Hands outcomes on in task order (for streams), buffering early arrivals."""

    def __init__(self, deliver: Callable[[Outcome], None]) -> None:
        self.next = 0
        self.waiting: dict[int, Outcome] = {}
        self.deliver = deliver

    def __call__(self, outcome: Outcome) -> None:
        self.waiting[outcome.index] = outcome
        while self.next in self.waiting:
            self.deliver(self.waiting.pop(self.next))
            self.next += 1


#: Cleaned once in the batch process before its workers fork, so that they start
#: with the model, the language data and the compiled patterns already loaded.
_WARM_UP_PAGE = (
    "Home\nNews\n\nA headline for the warm-up\n\nBy Anna Example, 5 May 2024\n\n"
    "The council said on Monday that the bridge would be repaired next year, and that "
    "the work would take about six months. Photo: Jane Doe\n\nRead more\nShare this article\n"
)


def _warm_up() -> None:
    """Load what every worker needs once, in the batch process, before it forks."""
    from .classify import load_model
    from .languages import available, load
    from .revise import load_title_ranker

    for code in available():
        load(code)
    load_model()
    load_title_ranker()
    with contextlib.suppress(NewscleanError):
        clean(_WARM_UP_PAGE)


def _mp_context() -> Any:
    """Fork on Linux (workers share the parent's imported modules); the default elsewhere."""
    import multiprocessing
    import platform

    if platform.system() == "Linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def run_batch(
    plan: Plan,
    settings: Settings | None = None,
    *,
    jobs: int = 1,
    force: bool = False,
    report: Report | None = None,
    on_start: Callable[[], None] | None = None,
    on_outcome: Callable[[Task, Outcome, Report], None] | None = None,
    emit: Callable[[str], None] | None = None,
) -> Report:
    """Clean every task of ``plan``; return the :class:`Report`.

    ``jobs`` > 1 uses a process pool. Inputs whose output is newer are skipped
    unless ``force``. For a stream plan (no OUTDIR) each document is passed to
    ``emit`` in task order. ``on_start`` is called once the workers run (start a
    progress display there: no thread should exist when workers are forked),
    ``on_outcome`` after each file. Ctrl-C or SIGTERM stops the run in order;
    ``report.stopped_by`` then names the signal.
    """
    settings = settings or Settings()
    report = report or Report(total=len(plan.tasks))
    tasks = plan.tasks
    if any(task.index != k for k, task in enumerate(tasks)):
        raise ValueError("a plan's tasks must be numbered 0, 1, 2... in order")
    stream = plan.outdir is None

    def record(outcome: Outcome) -> None:
        task = tasks[outcome.index]
        if emit is not None and outcome.payload is not None:
            emit(outcome.payload)
        report.done(task, outcome)
        if on_outcome is not None:
            on_outcome(task, outcome, report)

    ordered = _Ordered(record) if stream else None
    handle: Callable[[Outcome], None] = ordered or record
    if plan.outdir is not None:
        remove_stale_temporaries(plan.outdir)
    jobs = max(1, min(jobs, len(tasks)))
    with _StopRequest() as stop:
        try:
            if jobs == 1:
                if on_start is not None:
                    on_start()
                _run_here(tasks, settings, force, handle, stop)
            else:
                _run_pool(tasks, settings, jobs, force, handle, stop, on_start, ordered)
        except KeyboardInterrupt:
            stop.signum = stop.signum or signal.SIGINT
        finally:
            report.stopped_by = stop.signum
            report.finished = time.monotonic()
            if plan.outdir is not None:
                remove_stale_temporaries(plan.outdir)
    return report


def _run_here(
    tasks: Sequence[Task],
    settings: Settings,
    force: bool,
    handle: Callable[[Outcome], None],
    stop: _StopRequest,
) -> None:
    for task in tasks:
        if stop.signum:
            return
        if not force and is_up_to_date(task):
            handle(Outcome(task.index, Status.SKIPPED))
        else:
            handle(process(task, settings))


def _run_pool(
    tasks: Sequence[Task],
    settings: Settings,
    jobs: int,
    force: bool,
    handle: Callable[[Outcome], None],
    stop: _StopRequest,
    on_start: Callable[[], None] | None,
    ordered: _Ordered | None,
) -> None:
    """Feed a process pool through a window of ``jobs * WINDOW_PER_WORKER`` futures,
    each cleaning a chunk of up to CHUNK files.

    When a worker dies (a crash, the OOM killer), the pool is restarted and the
    files that were in flight are retried one at a time: the one that kills its
    worker alone fails, the others are cleaned.
    """
    window = jobs * WINDOW_PER_WORKER
    # A stream never runs more files ahead of its oldest unfinished one than this.
    ahead = window * CHUNK
    todo = iter(tasks)
    pending: dict[Future[list[Outcome]], list[Task]] = {}
    back: list[Task] = []  # pulled from ``todo`` but not yet submitted, in order
    suspects: list[Task] = []  # in flight when a worker died: to retry one at a time
    alone: Task | None = None  # the suspect being retried alone

    _warm_up()

    def new_executor() -> ProcessPoolExecutor:
        # While the workers fork, what is loaded sits outside the collector's reach:
        # a worker's collections would otherwise write to (and so copy) every page
        # it shares with this process. The batch process gets it back right after.
        gc.collect()
        gc.freeze()
        try:
            executor = ProcessPoolExecutor(
                max_workers=jobs,
                mp_context=_mp_context(),
                initializer=_init_worker,
                initargs=(settings,),
            )
            executor.submit(_ready).result()  # all workers forked before any other thread
        finally:
            gc.unfreeze()
        return executor

    def restart(executor: ProcessPoolExecutor) -> ProcessPoolExecutor:
        nonlocal alone
        suspects.extend(t for chunk in pending.values() for t in chunk if t is not alone)
        suspects.sort(key=lambda t: t.index)
        pending.clear()
        alone = None
        executor.shutdown(wait=True, cancel_futures=True)
        return new_executor()

    def next_chunk() -> list[Task]:
        """Up to CHUNK files to clean next (skipping those up to date), in order."""
        chunk: list[Task] = []
        while len(chunk) < CHUNK:
            task = back.pop(0) if back else next(todo, None)
            if task is None:
                break
            if ordered is not None and task.index >= ordered.next + ahead:
                back.insert(0, task)
                break
            if not force and is_up_to_date(task):
                handle(Outcome(task.index, Status.SKIPPED))
                continue
            chunk.append(task)
        return chunk

    executor = new_executor()
    if on_start is not None:
        on_start()
    try:
        while True:
            # Fill the window (for streams, never run far ahead of the oldest unfinished).
            while not stop.signum and len(pending) < window:
                if suspects:
                    if not pending:
                        alone = suspects.pop(0)
                        try:
                            pending[executor.submit(_work, [alone])] = [alone]
                        except BrokenProcessPool:
                            suspects.insert(0, alone)
                            executor = restart(executor)
                            continue
                    break
                chunk = next_chunk()
                if not chunk:
                    break
                try:
                    pending[executor.submit(_work, chunk)] = chunk
                except BrokenProcessPool:
                    back[:0] = chunk
                    executor = restart(executor)
            if not pending or stop.signum:
                break
            done, _ = wait(pending, timeout=POLL_SECONDS, return_when=FIRST_COMPLETED)
            broken = False
            for future in sorted(done, key=lambda f: pending[f][0].index):
                chunk = pending.pop(future)
                outcomes = _outcomes_of(future, chunk)
                died = any(o.kind == _DIED for o in outcomes)
                broken = broken or died
                if died and chunk != [alone]:
                    suspects.extend(chunk)
                    continue
                if alone is not None and chunk == [alone]:
                    alone = None
                for outcome in outcomes:
                    handle(outcome)
            if broken:
                executor = restart(executor)
        if stop.signum:
            # Stop in order: cancel what has not started, finish what runs.
            for future in pending:
                future.cancel()
            executor.shutdown(wait=True, cancel_futures=True)
            for future in sorted(pending, key=lambda f: pending[f][0].index):
                if future.done() and not future.cancelled():
                    for outcome in _outcomes_of(future, pending[future]):
                        handle(outcome)
            pending.clear()
    except KeyboardInterrupt:
        # A second Ctrl-C: abandon the files being cleaned.
        _terminate(executor)
        raise
    finally:
        executor.shutdown(wait=True, cancel_futures=True)


_DIED = "worker-died"


def _outcomes_of(future: Future[list[Outcome]], chunk: Sequence[Task]) -> list[Outcome]:
    try:
        return future.result()
    except BrokenProcessPool:
        return [
            Outcome(
                task.index,
                Status.FAILED,
                kind=_DIED,
                message="the worker process died (crashed, killed, or out of memory) "
                "while cleaning this file",
            )
            for task in chunk
        ]
    except Exception as exc:
        message = _one_line(f"{type(exc).__name__}: {exc}")
        return [
            Outcome(task.index, Status.FAILED, kind="internal", message=message) for task in chunk
        ]


def _terminate(executor: ProcessPoolExecutor) -> None:
    processes = getattr(executor, "_processes", None) or {}
    for proc in list(processes.values()):
        with contextlib.suppress(OSError, AttributeError):
            proc.kill()  # workers ignore SIGTERM
    for proc in list(processes.values()):
        with contextlib.suppress(OSError, AttributeError, AssertionError):
            proc.join(timeout=5)
