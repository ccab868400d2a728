"""The ``newsclean clean`` command: through click's CliRunner and as a real process.

These tests check the command's contract (formats, --explain, --lang, several
inputs, exit codes, one-line errors, start-up imports, broken pipes), never what
the current model decides for a page: where a page's content matters, the CLI's
output is compared with the library's for the same input.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import newsclean
from newsclean import errors
from newsclean.cli import cli
from newsclean.model import Label
from newsclean.render import RENDERERS, render

REPO_ROOT = Path(__file__).resolve().parent.parent
SEED = REPO_ROOT / "fixtures" / "seed_de_euronews.txt"
MARKDOWN_PAGE = REPO_ROOT / "fixtures" / "en_markdown_heatwave.md"
CONTRACT = [
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
]
FORMATS = sorted(RENDERERS)
LABELS = {label.value for label in Label}
#: Modules that cleaning plain text must not import (start-up time).
HEAVY_MODULES = ("lxml", "trafilatura", "justext", "rich", "htmldate", "courlan")
NO_ARTICLE_PAGE = "Home\nNews\nSport\nWeather\nSign in\nSubscribe\nCookie settings\n"


def run(*args: str, input: bytes | str | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input)


def console_script() -> Path:
    """The installed ``newsclean`` script, next to the Python running the tests."""
    name = "newsclean.exe" if os.name == "nt" else "newsclean"
    return Path(sys.executable).parent / name


def subprocess_env() -> dict[str, str]:
    env = dict(os.environ)
    env.pop("NEWSCLEAN_UPDATE_GOLDENS", None)
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def assert_one_error_line(result: Result, code: int) -> str:
    assert result.exit_code == code, (result.exit_code, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got {len(lines)}:\n{result.stderr}"
    assert lines[0].startswith("newsclean: error: "), lines[0]
    assert result.stdout == ""
    return lines[0]


# -- output formats ----------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_clean_file_matches_the_library(fmt: str) -> None:
    result = run("clean", "--format", fmt, str(SEED))
    assert result.exit_code == 0, result.stderr
    article = newsclean.clean(SEED.read_bytes(), newsclean.Options(source_name=str(SEED)))
    assert result.stdout == render(article, fmt)
    assert result.stdout.endswith("\n")


@pytest.mark.parametrize("fmt", FORMATS)
def test_clean_stdin_matches_the_file(fmt: str) -> None:
    from_file = run("clean", "--format", fmt, str(SEED))
    from_stdin = run("clean", "--format", fmt, input=SEED.read_bytes())
    dash = run("clean", "--format", fmt, "-", input=SEED.read_bytes())
    assert from_stdin.exit_code == 0, from_stdin.stderr
    assert dash.stdout == from_stdin.stdout
    if fmt == "json":
        file_doc, stdin_doc = json.loads(from_file.stdout), json.loads(from_stdin.stdout)
        assert file_doc["source"]["name"] == str(SEED)
        assert stdin_doc["source"]["name"] is None
        file_doc.pop("source")
        stdin_doc.pop("source")
        assert file_doc == stdin_doc
    else:
        assert from_stdin.stdout == from_file.stdout


def test_json_follows_the_contract() -> None:
    result = run("clean", "--format", "json", str(SEED))
    doc = json.loads(result.stdout)
    assert list(doc) == CONTRACT
    assert doc["source"] == {"name": str(SEED), "format": "text"}
    assert all(isinstance(p, str) and p for p in doc["body"])
    assert all(set(c) == {"text", "credit"} for c in doc["captions"])
    assert all(set(r) == {"title", "url"} for r in doc["related"])
    assert result.stdout.count("\n") == 1  # one document, one line


def test_text_output_comes_from_the_input() -> None:
    result = run("clean", str(SEED))
    page_lines = {" ".join(line.split()) for line in SEED.read_text(encoding="utf-8").splitlines()}
    paragraphs = [p for p in result.stdout.split("\n\n") if p.strip()]
    assert paragraphs
    for paragraph in paragraphs:
        assert paragraph.strip() in page_lines, paragraph


def test_markdown_input_is_sniffed() -> None:
    result = run("clean", "--format", "json", str(MARKDOWN_PAGE))
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["source"]["format"] == "markdown"
    forced = run("clean", "--format", "json", "--input-format", "text", str(MARKDOWN_PAGE))
    assert json.loads(forced.stdout)["source"]["format"] == "text"


# -- --explain ---------------------------------------------------------------------------------


def _input_line_numbers(path: Path) -> list[int]:
    return [
        n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if line.strip()
    ]


def test_explain_adds_lines_to_json() -> None:
    plain = json.loads(run("clean", "--format", "json", str(SEED)).stdout)
    assert "lines" not in plain
    doc = json.loads(run("clean", "--format", "json", "--explain", str(SEED)).stdout)
    assert list(doc) == [*CONTRACT, "lines"]
    assert [line["n"] for line in doc["lines"]] == _input_line_numbers(SEED)
    for line in doc["lines"]:
        assert set(line) == {"n", "text", "label", "reason"}
        assert line["label"] in LABELS
        assert line["reason"], line
    doc.pop("lines")
    assert doc == plain
    # the body is the text of the lines labelled body or heading, in order
    body_lines = [
        line["text"]
        for line in json.loads(run("clean", "--format", "json", "--explain", str(SEED)).stdout)[
            "lines"
        ]
        if line["label"] in ("body", "heading")
    ]
    assert body_lines == plain["body"]


def test_explain_adds_a_table_to_text() -> None:
    plain = run("clean", str(SEED)).stdout
    explained = run("clean", "--explain", str(SEED)).stdout
    assert explained.startswith(plain.rstrip("\n"))
    table = explained[len(plain.rstrip("\n")) :].strip("\n").split("\n")
    assert len(table) == len(_input_line_numbers(SEED))
    for row, n in zip(table, _input_line_numbers(SEED), strict=True):
        number, label, rest = row.split("\t", 2)
        _text, reason = rest.rsplit("\t", 1)
        assert int(number) == n
        assert label in LABELS
        assert reason


# -- --lang ------------------------------------------------------------------------------------


@pytest.mark.parametrize("code", ["fr", "pl", "EN", "pt-BR", "sv_SE"])
def test_lang_overrides_detection(code: str) -> None:
    result = run("clean", "--format", "json", "--lang", code, str(SEED))
    assert result.exit_code == 0, result.stderr
    expected = code.lower().replace("_", "-").split("-")[0]
    assert json.loads(result.stdout)["language"] == expected


def test_language_is_detected_without_lang() -> None:
    assert json.loads(run("clean", "--format", "json", str(SEED)).stdout)["language"] == "de"


# -- several inputs ----------------------------------------------------------------------------


def test_several_files_give_json_lines() -> None:
    result = run("clean", "--format", "json", str(SEED), str(MARKDOWN_PAGE), str(SEED))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    docs = [json.loads(line) for line in lines]
    assert [d["source"]["name"] for d in docs] == [str(SEED), str(MARKDOWN_PAGE), str(SEED)]
    assert docs[0] == docs[2]


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "json"])
def test_several_files_are_separated_by_form_feeds(fmt: str) -> None:
    result = run("clean", "--format", fmt, str(SEED), str(MARKDOWN_PAGE))
    assert result.exit_code == 0, result.stderr
    parts = result.stdout.split("\f\n")
    assert len(parts) == 2
    assert parts[0] == run("clean", "--format", fmt, str(SEED)).stdout
    assert parts[1] == run("clean", "--format", fmt, str(MARKDOWN_PAGE)).stdout


def test_a_bad_file_among_good_ones(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    result = run("clean", "--format", "json", str(SEED), str(missing), str(SEED))
    assert result.exit_code == errors.EXIT_UNREADABLE
    assert len(result.stdout.splitlines()) == 2  # the good files are still cleaned
    assert result.stderr.splitlines() == [f"newsclean: error: {missing}: no such file"]


def test_different_errors_give_exit_1(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("clean", str(tmp_path / "missing.txt"), str(empty))
    assert result.exit_code == errors.EXIT_FAILED
    assert len(result.stderr.splitlines()) == 2


# -- errors: one line, a meaningful exit code --------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    line = assert_one_error_line(run("clean", str(tmp_path / "nope.txt")), errors.EXIT_UNREADABLE)
    assert "nope.txt" in line


def test_directory(tmp_path: Path) -> None:
    line = assert_one_error_line(run("clean", str(tmp_path)), errors.EXIT_UNREADABLE)
    assert "directory" in line


@pytest.mark.parametrize("data", [b"", b"   \n\t\n  \n", "\u00a0\u3000\n".encode()])
def test_empty_and_whitespace_input(tmp_path: Path, data: bytes) -> None:
    page = tmp_path / "empty.txt"
    page.write_bytes(data)
    assert_one_error_line(run("clean", str(page)), errors.EXIT_EMPTY)
    assert_one_error_line(run("clean", input=data), errors.EXIT_EMPTY)


@pytest.mark.parametrize("data", [b"\x00\x01\x02binary\x00" * 50, bytes(range(256)) * 8])
def test_binary_input(tmp_path: Path, data: bytes) -> None:
    page = tmp_path / "image.bin"
    page.write_bytes(data)
    line = assert_one_error_line(run("clean", str(page)), errors.EXIT_BINARY)
    assert "binary" in line


@pytest.mark.parametrize("limit", ["100", "1K"])
def test_too_large(limit: str) -> None:
    line = assert_one_error_line(
        run("clean", "--max-size", limit, str(SEED)), errors.EXIT_TOO_LARGE
    )
    assert "--max-size" in line
    assert run("clean", "--max-size", "1M", str(SEED)).exit_code == 0


@pytest.mark.parametrize(
    "args",
    [
        ["--lang", "english"],
        ["--lang", "1"],
        ["--format", "xml"],
        ["--max-size", "lots"],
        ["--no-such-option"],
    ],
)
def test_usage_errors(args: list[str]) -> None:
    assert_one_error_line(run("clean", *args, str(SEED)), errors.EXIT_USAGE)


def test_no_article_warns_and_succeeds() -> None:
    result = run("clean", "--format", "json", input=NO_ARTICLE_PAGE)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["body"] == []
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsclean: warning: "), result.stderr


def test_exit_codes_are_distinct() -> None:
    codes = [
        errors.EXIT_OK,
        errors.EXIT_FAILED,
        errors.EXIT_USAGE,
        errors.EXIT_EMPTY,
        errors.EXIT_BINARY,
        errors.EXIT_TOO_LARGE,
        errors.EXIT_UNPARSEABLE,
        errors.EXIT_UNREADABLE,
    ]
    assert len(set(codes)) == len(codes)


# -- real processes ----------------------------------------------------------------------------


def test_pipe_into_python_m_newsclean_gives_json() -> None:
    command = f"cat '{SEED}' | '{sys.executable}' -m newsclean clean --format json"
    proc = subprocess.run(
        command, shell=True, capture_output=True, env=subprocess_env(), timeout=60, check=False
    )
    assert proc.returncode == 0, proc.stderr.decode()
    doc = json.loads(proc.stdout.decode("utf-8"))
    assert list(doc) == CONTRACT
    assert doc["source"] == {"name": None, "format": "text"}
    assert doc["language"] == "de"


def test_console_script_exists() -> None:
    script = console_script()
    assert script.exists(), f"no console script at {script} (is the package installed?)"
    proc = subprocess.run(
        [str(script), "--version"],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert newsclean.__version__ in proc.stdout
    from importlib.metadata import entry_points

    scripts = {ep.name: ep.value for ep in entry_points(group="console_scripts")}
    assert scripts.get("newsclean") == "newsclean.cli:main"


def test_console_script_reports_errors_in_one_line(tmp_path: Path) -> None:
    proc = subprocess.run(
        [str(console_script()), "clean", str(tmp_path / "missing.txt")],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=60,
        check=False,
    )
    assert proc.returncode == errors.EXIT_UNREADABLE
    assert proc.stdout == ""
    assert len(proc.stderr.splitlines()) == 1 and "Traceback" not in proc.stderr


_IMPORT_PROBE = """
import json, sys
from newsclean.cli import main
try:
    main(["clean", "--format", "json", sys.argv[1]])
except SystemExit as exit:
    code = exit.code
heavy = sorted({m.split(".")[0] for m in sys.modules} & set(sys.argv[2].split(",")))
sys.stderr.write("PROBE " + json.dumps({"code": code, "heavy": heavy}) + "\\n")
"""


@pytest.mark.parametrize("fmt", ["text", "json", "markdown"])
def test_plain_text_does_not_import_heavy_modules(fmt: str) -> None:
    probe = _IMPORT_PROBE.replace('"json", sys.argv[1]', f'"{fmt}", sys.argv[1]')
    proc = subprocess.run(
        [sys.executable, "-c", probe, str(SEED), ",".join(HEAVY_MODULES)],
        capture_output=True,
        text=True,
        env=subprocess_env(),
        timeout=60,
        check=False,
    )
    report = [line for line in proc.stderr.splitlines() if line.startswith("PROBE ")]
    assert report, proc.stderr
    result = json.loads(report[-1][len("PROBE ") :])
    assert result["code"] in (0, None)
    assert result["heavy"] == [], f"cleaning plain text imported {result['heavy']}"


def test_broken_pipe_exits_quietly(tmp_path: Path) -> None:
    # enough output to fill the pipe's buffer, so the writer does meet the closed pipe
    files = [str(SEED)] * 60
    writer = subprocess.Popen(
        [sys.executable, "-m", "newsclean", "clean", "--explain", *files],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=subprocess_env(),
    )
    reader = subprocess.Popen(["head", "-c", "10"], stdin=writer.stdout, stdout=subprocess.PIPE)
    assert writer.stdout is not None and writer.stderr is not None
    writer.stdout.close()  # only head holds the pipe now
    head_out, _ = reader.communicate(timeout=60)
    stderr = writer.stderr.read().decode("utf-8", "replace")
    writer.stderr.close()
    code = writer.wait(timeout=60)
    assert len(head_out) == 10
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr, stderr
    assert stderr == "", stderr
    assert code in (0, 1, 128 + signal.SIGPIPE, -signal.SIGPIPE), code
