"""``newsclean batch`` and :mod:`newsclean.batch`: planning, output, resume, failures, interruption.

Pages are generated here (no corpus needed). Nothing asserts what the model
makes of a page: only where outputs go, that they are complete documents, and
how the batch counts, reports and exits.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from newsclean import batch as batch_lib
from newsclean.batch import (
    BatchUsageError,
    Outcome,
    Report,
    Settings,
    Status,
    Task,
    is_temporary,
    plan_batch,
    remove_stale_temporaries,
    run_batch,
    write_atomic,
)
from newsclean.cli import cli
from newsclean.core import clean
from newsclean.model import Label

JSON_KEYS = {
    "title",
    "byline",
    "authors",
    "date",
    "language",
    "body",
    "captions",
    "credits",
    "related",
    "source",
}

_WORDS = [
    "the",
    "council",
    "said",
    "on",
    "tuesday",
    "that",
    "new",
    "rules",
    "for",
    "housing",
    "would",
    "take",
    "effect",
    "next",
    "year",
    "after",
    "a",
    "long",
    "debate",
    "about",
    "costs",
    "and",
    "rents",
    "in",
    "city",
    "where",
    "many",
    "families",
    "live",
    "work",
    "while",
    "critics",
    "argued",
    "plan",
    "came",
    "too",
    "late",
]
_BOILERPLATE = (
    "Subscribe to our newsletter",
    "Share on Facebook",
    "Accept cookies",
    "Most read",
    "Sign in",
    "Advertisement",
    "Follow us",
)


def make_page(seed: int, paragraphs: int = 6) -> str:
    """A small scraped-looking news page: menu, title, byline, paragraphs, caption, footer."""
    rnd = random.Random(seed)

    def sentence(n: int) -> str:
        words = [rnd.choice(_WORDS) for _ in range(n)]
        return " ".join(words).capitalize() + "."

    lines = [" ".join(rnd.sample(_BOILERPLATE, 3)), ""]
    lines += [sentence(rnd.randint(6, 10)).rstrip("."), ""]
    lines += [f"By Reporter {seed % 17}", "", f"{1 + seed % 28} March 2024", ""]
    for _ in range(paragraphs):
        lines += [" ".join(sentence(rnd.randint(8, 20)) for _ in range(rnd.randint(2, 4))), ""]
    lines += [sentence(7) + " Photo: Agency", ""]
    lines += [rnd.choice(_BOILERPLATE), "", "© 2024 Example Media", ""]
    return "\n".join(lines)


def write_pages(root: Path, rels: list[str], seed: int = 0) -> list[Path]:
    paths = []
    for k, rel in enumerate(rels):
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(make_page(seed + k), encoding="utf-8")
        paths.append(path)
    return paths


def run(args: list[str], cwd: Path) -> Result:
    """Run the CLI inside ``cwd`` (paths relative to it, as a user types them)."""
    old = os.getcwd()
    os.chdir(cwd)
    try:
        return CliRunner().invoke(cli, args, catch_exceptions=False)
    finally:
        os.chdir(old)


def files_under(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}


def snapshot(root: Path, skip: Path | None = None) -> dict[str, tuple[str, int]]:
    """sha256 and mtime of every file under ``root`` (outside ``skip``)."""
    out = {}
    for p in sorted(root.rglob("*")):
        if p.is_file() and (skip is None or skip not in p.parents):
            out[p.relative_to(root).as_posix()] = (
                hashlib.sha256(p.read_bytes()).hexdigest(),
                p.stat().st_mtime_ns,
            )
    return out


def assert_complete_json(path: Path) -> dict[str, object]:
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(doc, dict) and doc.keys() >= JSON_KEYS, path
    assert isinstance(doc["body"], list)
    return doc


# --------------------------------------------------------------------------- outputs


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_mirrors_nested_folders_and_maps_suffixes(tmp_path: Path, jobs: str) -> None:
    write_pages(
        tmp_path / "in",
        ["a/b/deep.txt", "a/mid.md", "top.html", "other.htm", "notes.csv", "a/b/c/skip.json"],
    )
    result = run(["batch", "in", "-o", "out", "-j", jobs], tmp_path)
    assert result.exit_code == 0, result.stderr
    assert files_under(tmp_path / "out") == {
        "a/b/deep.json",
        "a/mid.json",
        "top.json",
        "other.json",
    }
    for name in files_under(tmp_path / "out"):
        assert_complete_json(tmp_path / "out" / name)
    doc = assert_complete_json(tmp_path / "out" / "a/b/deep.json")
    assert doc["source"] == {"name": os.path.join("in", "a", "b", "deep.txt"), "format": "text"}
    assert "4 files: 4 cleaned, 0 skipped, 0 failed" in result.stderr


@pytest.mark.parametrize(
    ("fmt", "suffix"), [("text", ".txt"), ("markdown", ".md"), ("json", ".json")]
)
def test_format_decides_the_suffix(tmp_path: Path, fmt: str, suffix: str) -> None:
    write_pages(tmp_path / "in", ["x/page.txt", "page2.md"])
    result = run(["batch", "in", "-o", "out", "--format", fmt, "-j", "1"], tmp_path)
    assert result.exit_code == 0, result.stderr
    assert files_under(tmp_path / "out") == {f"x/page{suffix}", f"page2{suffix}"}
    text = (tmp_path / "out" / f"x/page{suffix}").read_text(encoding="utf-8")
    assert text.strip()
    if fmt == "json":
        json.loads(text)


def test_file_inputs_map_to_their_own_name(tmp_path: Path) -> None:
    write_pages(tmp_path / "in", ["deep/er/one.txt", "two.md"])
    result = run(["batch", "in/deep/er/one.txt", "in/two.md", "-o", "out"], tmp_path)
    assert result.exit_code == 0, result.stderr
    assert files_under(tmp_path / "out") == {"one.json", "two.json"}


def test_glob_patterns_replace_the_defaults(tmp_path: Path) -> None:
    write_pages(tmp_path / "in", ["a.txt", "b.page", "sub/c.PAGE", "sub/d.scrape", "e.md"])
    result = run(
        ["batch", "in", "-o", "out", "--glob", "*.page", "--glob", "sub/*.scrape"], tmp_path
    )
    assert result.exit_code == 0, result.stderr
    assert files_under(tmp_path / "out") == {"b.json", "sub/c.json", "sub/d.json"}


def test_json_lines_on_stdout_in_stable_order(tmp_path: Path) -> None:
    rels = [f"d{k % 3}/p{k:02d}.txt" for k in range(24)]
    write_pages(tmp_path / "in", rels)
    # Make early pages slow (long) and later ones fast, so completion order differs.
    for k in range(3):
        (tmp_path / "in" / rels[k]).write_text(make_page(k, paragraphs=120), encoding="utf-8")
    result = run(["batch", "in", "-o", "-", "-j", "2"], tmp_path)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    names = [json.loads(line)["source"]["name"] for line in lines]
    expected = sorted(os.path.join("in", *rel.split("/")) for rel in rels)
    assert names == expected
    for line in lines:
        assert json.loads(line).keys() >= JSON_KEYS
    assert not (tmp_path / "-").exists()


def test_json_lines_need_the_json_format(tmp_path: Path) -> None:
    write_pages(tmp_path / "in", ["a.txt"])
    result = run(["batch", "in", "-o", "-", "--format", "text"], tmp_path)
    assert result.exit_code == 2
    assert result.stdout == ""


# --------------------------------------------------------------------------- resume, force


def test_resume_skips_newer_outputs_and_redoes_touched_inputs(tmp_path: Path) -> None:
    inputs = write_pages(tmp_path / "in", ["a.txt", "b.txt", "sub/c.md"])
    first = run(["batch", "in", "-o", "out", "-j", "2"], tmp_path)
    assert first.exit_code == 0, first.stderr
    outputs = {p: p.stat().st_mtime_ns for p in (tmp_path / "out").rglob("*.json")}
    assert len(outputs) == 3

    again = run(["batch", "in", "-o", "out", "-j", "2"], tmp_path)
    assert again.exit_code == 0
    assert "0 cleaned, 3 skipped, 0 failed" in again.stderr
    assert {p: p.stat().st_mtime_ns for p in outputs} == outputs

    # An input edited after its output was written is cleaned again.
    later = time.time() + 5
    os.utime(inputs[1], (later, later))
    touched = run(["batch", "in", "-o", "out", "-j", "1"], tmp_path)
    assert touched.exit_code == 0
    assert "1 cleaned, 2 skipped, 0 failed" in touched.stderr
    b_out = tmp_path / "out" / "b.json"
    assert b_out.stat().st_mtime_ns != outputs[b_out]
    assert (tmp_path / "out" / "a.json").stat().st_mtime_ns == outputs[tmp_path / "out" / "a.json"]


def test_force_redoes_everything(tmp_path: Path) -> None:
    write_pages(tmp_path / "in", ["a.txt", "b.txt"])
    assert run(["batch", "in", "-o", "out"], tmp_path).exit_code == 0
    forced = run(["batch", "in", "-o", "out", "--force"], tmp_path)
    assert forced.exit_code == 0
    assert "2 cleaned, 0 skipped" in forced.stderr


def test_a_missing_output_is_redone(tmp_path: Path) -> None:
    write_pages(tmp_path / "in", ["a.txt", "b.txt"])
    assert run(["batch", "in", "-o", "out"], tmp_path).exit_code == 0
    (tmp_path / "out" / "a.json").unlink()
    again = run(["batch", "in", "-o", "out"], tmp_path)
    assert "1 cleaned, 1 skipped" in again.stderr
    assert_complete_json(tmp_path / "out" / "a.json")


# --------------------------------------------------------------------------- failures


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_bad_files_fail_alone(tmp_path: Path, jobs: str) -> None:
    write_pages(tmp_path / "in", ["good1.txt", "sub/good2.txt"])
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "blank.md").write_bytes(b"  \n\n \t\n")
    (tmp_path / "in" / "binary.html").write_bytes(bytes(range(256)) * 8)
    result = run(["batch", "in", "-o", "out", "-j", jobs], tmp_path)
    assert result.exit_code == 1
    assert files_under(tmp_path / "out") == {"good1.json", "sub/good2.json"}
    assert "2 cleaned, 0 skipped, 3 failed" in result.stderr
    failed = [line for line in result.stderr.splitlines() if "failed: " in line]
    assert len(failed) == 3
    by_name = {Path(line.split("failed: ")[1].split(":")[0]).name: line for line in failed}
    assert "[empty]" in by_name["empty.txt"] and "[empty]" in by_name["blank.md"]
    assert "[binary]" in by_name["binary.html"]


def test_failures_are_listed_even_when_quiet(tmp_path: Path) -> None:
    write_pages(tmp_path / "in", ["good.txt"])
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    result = run(["batch", "in", "-o", "out", "--quiet"], tmp_path)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and "empty.txt" in lines[0] and "[empty]" in lines[0]
    ok = run(["batch", "in/good.txt", "-o", "out2", "-q"], tmp_path)
    assert ok.exit_code == 0 and ok.stderr == ""


def test_too_large_files_fail_with_the_limit_named(tmp_path: Path) -> None:
    write_pages(tmp_path / "in", ["small.txt"])
    (tmp_path / "in" / "big.txt").write_text(make_page(1, paragraphs=200), encoding="utf-8")
    result = run(["batch", "in", "-o", "out", "--max-size", "20K"], tmp_path)
    assert result.exit_code == 1
    assert "big.txt" in result.stderr and "[too-large]" in result.stderr
    assert files_under(tmp_path / "out") == {"small.json"}


def test_an_unwritable_output_fails_that_file(tmp_path: Path) -> None:
    write_pages(tmp_path / "in", ["a.txt", "b.txt"])
    (tmp_path / "out" / "a.json").mkdir(parents=True)  # a folder where the file should go
    result = run(["batch", "in", "-o", "out", "-j", "1"], tmp_path)
    assert result.exit_code == 1
    assert "[unwritable]" in result.stderr and "a.txt" in result.stderr
    assert_complete_json(tmp_path / "out" / "b.json")
    assert not [p for p in (tmp_path / "out").rglob("*") if is_temporary(p.name)]


def test_a_dying_worker_fails_its_files_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs = write_pages(tmp_path / "in", [f"p{k:02d}.txt" for k in range(12)])
    real = batch_lib.process

    def crashing(task: Task, settings: Settings) -> Outcome:
        if task.source.endswith("p05.txt"):
            os._exit(9)  # as if the worker were killed (OOM)
        return real(task, settings)

    monkeypatch.setattr(batch_lib, "process", crashing)  # forked workers inherit it
    plan = plan_batch([str(tmp_path / "in")], str(tmp_path / "out"))
    report = run_batch(plan, jobs=2)
    assert report.processed == 12 and report.stopped_by == 0
    # The files in flight with it are retried one at a time: only the culprit fails.
    assert [(Path(src).name, kind) for src, kind, _ in report.failures] == [
        ("p05.txt", "worker-died")
    ]
    assert report.cleaned == 11 and report.exit_code == 1
    outputs = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert outputs == sorted(p.with_suffix(".json").name for p in inputs if p.name != "p05.txt")


# --------------------------------------------------------------------------- usage errors


def test_usage_errors_exit_2_before_any_work(tmp_path: Path) -> None:
    write_pages(tmp_path / "in", ["a.txt"])
    (tmp_path / "afile").write_text("x")
    (tmp_path / "nothing").mkdir()
    cases = [
        ["batch", "missing", "-o", "out"],
        ["batch", "in"],  # no -o
        ["batch", "-o", "out"],  # no INPUT
        ["batch", "in", "-o", "afile"],  # OUTDIR is a file
        ["batch", "nothing", "-o", "out"],  # no input file found
        ["batch", "in", "-o", "out", "--jobs", "0"],
        ["batch", "in", "-o", "out", "--format", "yaml"],
        ["batch", "in", "-o", "in"],  # OUTDIR is the INPUT folder
    ]
    for args in cases:
        result = run(args, tmp_path)
        assert result.exit_code == 2, (args, result.stderr)
        assert result.stderr.strip(), args
        assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_colliding_outputs_are_listed_and_nothing_is_written(tmp_path: Path) -> None:
    write_pages(
        tmp_path / "in",
        ["x/page.txt", "x/page.md", "x/page.html", "x/other.txt", "y/same.txt", "y/same.htm"],
    )
    result = run(["batch", "in", "-o", "out"], tmp_path)
    assert result.exit_code == 2
    for name in ("page.txt", "page.md", "page.html", "same.txt", "same.htm"):
        assert name in result.stderr
    assert "other.txt" not in result.stderr
    assert "2 output path(s)" in result.stderr
    assert not (tmp_path / "out").exists()


def test_two_file_inputs_with_one_name_collide(tmp_path: Path) -> None:
    write_pages(tmp_path, ["a/page.txt", "b/page.txt"])
    result = run(["batch", "a/page.txt", "b/page.txt", "-o", "out"], tmp_path)
    assert result.exit_code == 2
    assert os.path.join("a", "page.txt") in result.stderr
    assert os.path.join("b", "page.txt") in result.stderr


def test_an_output_may_not_overwrite_an_input(tmp_path: Path) -> None:
    write_pages(tmp_path / "in", ["a.txt"])
    before = snapshot(tmp_path / "in")
    result = run(["batch", "in/a.txt", "-o", "in", "--format", "text"], tmp_path)
    assert result.exit_code == 2
    assert "is an input file" in result.stderr
    assert snapshot(tmp_path / "in") == before


def test_a_file_given_twice_is_cleaned_once(tmp_path: Path) -> None:
    write_pages(tmp_path / "in", ["a.txt", "b.txt"])
    result = run(["batch", "in", "in/a.txt", "-o", "out"], tmp_path)
    assert result.exit_code == 0, result.stderr
    assert "2 files: 2 cleaned" in result.stderr


# --------------------------------------------------------------------------- inputs are safe


def test_outdir_inside_input_is_never_read(tmp_path: Path) -> None:
    write_pages(tmp_path / "in", ["a.txt", "sub/b.txt"])
    for _ in range(2):  # the second run must not take the first run's outputs as inputs
        result = run(
            ["batch", "in", "-o", "in/cleaned", "--format", "text", "--glob", "*"], tmp_path
        )
        assert result.exit_code == 0, result.stderr
        assert "2 files:" in result.stderr
    assert files_under(tmp_path / "in/cleaned") == {"a.txt", "sub/b.txt"}


def test_inputs_are_left_untouched(tmp_path: Path) -> None:
    write_pages(tmp_path / "in", ["a.txt", "b/c.md", "b/d.html"])
    (tmp_path / "in" / "bad.txt").write_bytes(b"\x00\x01\x02")
    past = time.time() - 3600
    for p in (tmp_path / "in").rglob("*"):
        os.utime(p, (past, past))
    before = snapshot(tmp_path / "in", skip=tmp_path / "in" / "out")
    for args in (["-j", "2"], ["-j", "1", "--force"], ["-o", "-"]):
        outdir = [] if "-o" in args else ["-o", "in/out"]
        run(["batch", "in", *outdir, *args], tmp_path)
    assert snapshot(tmp_path / "in", skip=tmp_path / "in" / "out") == before


# --------------------------------------------------------------------------- library pieces


def test_plan_lists_inputs_in_sorted_order(tmp_path: Path) -> None:
    write_pages(tmp_path / "in", ["b.txt", "a/z.txt", "a/b/y.txt", "c.md", "A.txt"])
    plan = plan_batch([str(tmp_path / "in")], str(tmp_path / "out"), "markdown")
    rels = [Path(t.source).relative_to(tmp_path / "in").as_posix() for t in plan.tasks]
    assert rels == ["A.txt", "a/b/y.txt", "a/z.txt", "b.txt", "c.md"]
    assert [t.index for t in plan.tasks] == list(range(5))
    assert all(t.output is not None and t.output.endswith(".md") for t in plan.tasks)
    with pytest.raises(BatchUsageError):
        plan_batch([str(tmp_path / "in" / "nope")], None)


def test_write_atomic_replaces_and_leaves_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "sub" / "out.json"
    write_atomic(str(target), "first\n")
    write_atomic(str(target), "second\n")
    assert target.read_text() == "second\n"
    assert files_under(tmp_path) == {"sub/out.json"}

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(batch_lib.os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(str(target), "third\n")
    assert target.read_text() == "second\n"
    assert files_under(tmp_path) == {"sub/out.json"}


def test_stale_temporaries_are_removed_but_live_ones_kept(tmp_path: Path) -> None:
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    )
    dead_pid = int(dead.stdout)
    (tmp_path / "a" / "b").mkdir(parents=True)
    stale = tmp_path / "a" / "b" / f".x.json.{dead_pid}-0123abcd.newsclean-tmp"
    live = tmp_path / "a" / f".y.json.{os.getppid()}-89abcdef.newsclean-tmp"
    mine = tmp_path / f".z.json.{os.getpid()}-00000000.newsclean-tmp"
    lookalike = tmp_path / ".x.json.123.newsclean-tmp"  # not our naming: kept
    for p in (stale, live, mine, lookalike):
        p.write_text("partial")
    assert all(is_temporary(p.name) for p in (stale, live, mine))
    assert not is_temporary(lookalike.name)
    assert remove_stale_temporaries(str(tmp_path)) == 1
    assert not stale.exists() and live.exists() and mine.exists() and lookalike.exists()
    assert remove_stale_temporaries(str(tmp_path), include_own=True) == 1
    assert not mine.exists()


def test_report_counts_and_exit_codes() -> None:
    task = Task(0, "x.txt", None)
    counts = tuple(range(len(Label)))
    report = Report(total=4)
    report.done(task, Outcome(0, Status.CLEANED, counts=counts))
    report.done(task, Outcome(1, Status.SKIPPED))
    assert report.exit_code == 0
    report.done(task, Outcome(2, Status.FAILED, kind="empty", message="input is empty"))
    assert report.exit_code == 1
    assert report.failure_lines() == ["failed: x.txt: input is empty [empty]"]
    assert list(report.labels.values()) == list(counts)
    assert report.processed == 3
    report.stopped_by = signal.SIGINT
    assert report.exit_code == 130
    assert report.summary()[0].startswith("interrupted (Ctrl-C) after 3 of 4 files")


@pytest.mark.parametrize("jobs", [1, 2])
def test_label_totals_are_the_sum_over_pages(tmp_path: Path, jobs: int) -> None:
    paths = write_pages(tmp_path / "in", [f"p{k}.txt" for k in range(6)])
    plan = plan_batch([str(tmp_path / "in")], str(tmp_path / "out"))
    report = run_batch(plan, jobs=jobs)
    expected = {label.value: 0 for label in Label}
    for path in paths:
        for label, n in clean(path.read_bytes()).label_counts().items():
            expected[label] += n
    assert report.labels == expected
    assert report.cleaned == 6 and report.exit_code == 0


# --------------------------------------------------------------------------- interruption


def _start_batch(cwd: Path, *args: str) -> subprocess.Popen[str]:
    # A session of its own, so that a signal can go to the whole process group, as
    # Ctrl-C in a terminal does.
    return subprocess.Popen(
        [sys.executable, "-m", "newsclean", "batch", "in", "-o", "out", "-j", "2", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def _wait_for_outputs(out: Path, proc: subprocess.Popen[str], at_least: int) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if out.is_dir() and sum(1 for _ in out.rglob("*.json")) >= at_least:
            return
        time.sleep(0.02)
    pytest.fail("the batch produced no output in time, or ended before it could be interrupted")


def _stat(pid: int) -> list[str] | None:
    """Fields of /proc/PID/stat after the command name (state, ppid...), None if gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text.rsplit(")", 1)[1].split()


def _children(pid: int) -> list[int]:
    kids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (fields := _stat(int(entry.name))) and fields[1] == str(pid):
            kids.append(int(entry.name))
    return kids


def _alive(pid: int) -> bool:
    fields = _stat(pid)
    return fields is not None and fields[0] != "Z"


def _check_outputs(tmp_path: Path) -> int:
    outputs = list((tmp_path / "out").rglob("*.json"))
    for path in outputs:
        assert_complete_json(path)
    return len(outputs)


def _resume_completes(tmp_path: Path, total: int, done_before: int) -> None:
    resumed = subprocess.run(
        [sys.executable, "-m", "newsclean", "batch", "in", "-o", "out", "-j", "2"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert resumed.returncode == 0, resumed.stderr
    assert f"{total} files: {total - done_before} cleaned, {done_before} skipped" in resumed.stderr
    assert _check_outputs(tmp_path) == total
    assert not [p for p in (tmp_path / "out").rglob("*") if is_temporary(p.name)]


N_PAGES = 400


@pytest.mark.slow
def test_sigint_stops_in_order_and_the_run_resumes(tmp_path: Path) -> None:
    write_pages(tmp_path / "in", [f"d{k % 7}/page{k:04d}.txt" for k in range(N_PAGES)])
    proc = _start_batch(tmp_path)
    _wait_for_outputs(tmp_path / "out", proc, 10)
    workers = _children(proc.pid)
    os.killpg(proc.pid, signal.SIGINT)  # parent and workers, like Ctrl-C in a terminal
    _, stderr = proc.communicate(timeout=60)
    assert workers and not [w for w in workers if _alive(w)]
    assert proc.returncode == 130, stderr
    assert "interrupted (Ctrl-C)" in stderr and "Traceback" not in stderr
    done = _check_outputs(tmp_path)
    assert 10 <= done < N_PAGES
    assert f"{done} cleaned" in stderr  # the summary counts exactly what was written
    assert not [p for p in (tmp_path / "out").rglob("*") if is_temporary(p.name)]
    _resume_completes(tmp_path, N_PAGES, done)


@pytest.mark.slow
def test_sigkill_leaves_only_complete_outputs_and_the_run_resumes(tmp_path: Path) -> None:
    write_pages(tmp_path / "in", [f"d{k % 7}/page{k:04d}.txt" for k in range(N_PAGES)])
    proc = _start_batch(tmp_path)
    _wait_for_outputs(tmp_path / "out", proc, 10)
    workers = _children(proc.pid)
    proc.kill()
    proc.communicate(timeout=60)
    # Orphaned workers notice their parent is gone and exit by themselves.
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(_alive(w) for w in workers):
        time.sleep(0.05)
    assert workers and not [w for w in workers if _alive(w)], "orphaned workers remain"
    done = _check_outputs(tmp_path)
    assert done < N_PAGES
    _resume_completes(tmp_path, N_PAGES, done)


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    write_pages(tmp_path / "in", [f"p{k}.txt" for k in range(5)])
    master, slave = os.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "newsclean", "batch", "in", "-o", "out", "-j", "1"],
            cwd=tmp_path,
            stdout=subprocess.DEVNULL,
            stderr=slave,
            env={**os.environ, "COLUMNS": "120", "TERM": "xterm"},
        )
        os.close(slave)
        chunks = []
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the other side is closed
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert proc.wait(timeout=60) == 0
    finally:
        os.close(master)
    shown = b"".join(chunks).decode("utf-8", "replace")
    assert "pages/s" in shown and "ETA" in shown and "/5" in shown
    assert "5 files: 5 cleaned" in shown
    # Not a terminal (CliRunner): the summary only, no progress bar.
    again = run(["batch", "in", "-o", "out2", "-j", "1"], tmp_path)
    assert all(line.startswith("newsclean batch: ") for line in again.stderr.splitlines())
    assert "ETA" not in again.stderr
