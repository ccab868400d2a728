"""``newsclean inspect``: the page view, the pages table, and the command.

The golden files in tests/golden/inspect/ hold the plain-text view of a few
pages at fixed widths. They depend on the model, which is being retrained:
after a deliberate change, regenerate them and review the diff::

    NEWSCLEAN_UPDATE_GOLDENS=1 .venv/bin/pytest tests/test_inspect.py -k golden
    git diff tests/golden/inspect/

Every other test here builds its own :class:`Article` (or JSON outputs) by hand,
so it checks the view, not what today's model decides.
"""

from __future__ import annotations

import importlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from rich.console import Console, RenderableType

import newsclean
from newsclean.cli import cli
from newsclean.errors import EXIT_BINARY, EXIT_EMPTY, EXIT_TOO_LARGE, EXIT_UNREADABLE, EXIT_USAGE
from newsclean.inspect_view import (
    FLAG_EMPTY,
    FLAG_NO_TITLE,
    FLAG_SHORT,
    FoldedRow,
    LineRow,
    PageView,
    Trimmed,
    ViewOptions,
    count_words,
    page_row,
    pages_table,
    parse_labels,
    plan_rows,
    reason_key,
    sort_rows,
)
from newsclean.model import Article, Caption, Label, LineLabel, Related, Source

inspect_cli = importlib.import_module("newsclean.cli.inspect")

REPO_ROOT = Path(__file__).resolve().parents[1]
GOLDEN_DIR = Path(__file__).resolve().parent / "golden" / "inspect"
PAGES_DIR = GOLDEN_DIR / "pages"
SEED_NAME = "000_50c9f38e67ae9f7e.txt"
UPDATE = os.environ.get("NEWSCLEAN_UPDATE_GOLDENS") == "1"
ESC = "\x1b["


# --- helpers --------------------------------------------------------------------


def render_plain(renderable: RenderableType, width: int) -> str:
    """What the view prints, as plain text, at a fixed width."""
    console = Console(
        file=io.StringIO(),
        record=True,
        width=width,
        force_terminal=False,
        color_system=None,
        highlight=False,
        markup=False,
        emoji=False,
    )
    console.print(Trimmed(renderable))
    return console.export_text()


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN_DIR / name
    if UPDATE:
        path.write_text(actual, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"{path} is missing: run with NEWSCLEAN_UPDATE_GOLDENS=1 and review it")
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, (
        f"{name} differs from its golden file; if the change is intended, regenerate with "
        "NEWSCLEAN_UPDATE_GOLDENS=1 and review the diff"
    )


def seed_path() -> Path | None:
    candidates = [
        *sorted((REPO_ROOT / "tests").glob(f"**/{SEED_NAME}")),
        REPO_ROOT.parent / "shared" / "seed" / SEED_NAME,
    ]
    return next((p for p in candidates if p.is_file()), None)


def make_article(
    lines: list[tuple[Label, str, str]],
    *,
    captions: tuple[Caption, ...] = (),
    related: tuple[Related, ...] = (),
    title: str | None = "A title",
    body: tuple[str, ...] | None = None,
) -> Article:
    """An article with exactly these (label, text, reason) lines, numbered 1, 3, 5..."""
    line_labels = tuple(
        LineLabel(n=2 * k + 1, text=text, label=label, reason=reason)
        for k, (label, text, reason) in enumerate(lines)
    )
    if body is None:
        body = tuple(text for label, text, _ in lines if label is Label.BODY)
    return Article(
        title=title,
        byline=None,
        authors=(),
        date=None,
        language="en",
        body=body,
        captions=captions,
        credits=(),
        related=related,
        source=Source(name="made-up.txt", format="text"),
        lines=line_labels,
    )


BOILER = Label.BOILERPLATE
BODY_TEXT = "Voters kept the old ferry."


def folding_article() -> Article:
    return make_article(
        [
            (Label.TITLE, "Ferry stays", "title: headline"),
            (BOILER, "Home", "navigation phrase"),
            (BOILER, "Sport", "navigation phrase"),
            (BOILER, "Share this", "share phrase"),
            (BOILER, "Weather", "navigation phrase"),
            (Label.BODY, BODY_TEXT, "body: prose (11 words), p=0.98"),
            (BOILER, "Advertisement", "advert phrase"),
            (BOILER, "Sign in", "login phrase"),
            (Label.BODY, BODY_TEXT + " Again.", "body: prose (12 words), p=0.97"),
            (BOILER, "Footer one", "short line outside the text, p=0.10"),
            (BOILER, "Footer two", "short line outside the text, p=0.02"),
            (BOILER, "Footer three", "legal phrase"),
        ]
    )


def invoke(args: list[str], input: str | bytes | None = None) -> Any:
    runner = CliRunner()
    return runner.invoke(cli, ["inspect", *args], input=input, catch_exceptions=False)


ROW_RE = re.compile(r"^\s*(\d+) (" + "|".join(label.value for label in Label) + r")\b")


def rows_of(output: str) -> list[tuple[int, str]]:
    """(line number, label) of each row of a page view printed wide enough not to wrap."""
    found = []
    for line in output.splitlines():
        match = ROW_RE.match(line)
        if match:
            found.append((int(match.group(1)), match.group(2)))
    return found


# --- golden views -----------------------------------------------------------------

GOLDEN_PAGES = ["harbour.txt", "library.md"]


@pytest.mark.parametrize("width", [100, 60])
@pytest.mark.parametrize("page", GOLDEN_PAGES)
def test_golden_page_view(page: str, width: int) -> None:
    path = PAGES_DIR / page
    article = newsclean.clean(path.read_bytes(), newsclean.Options(source_name=page))
    check_golden(f"{Path(page).stem}_{width}.txt", render_plain(PageView(article), width))


@pytest.mark.parametrize("width", [100, 60])
def test_golden_seed_view(width: int) -> None:
    path = seed_path()
    if path is None:
        pytest.skip(f"the seed page {SEED_NAME} is not in tests/ nor in ../shared/seed")
    article = newsclean.clean(path.read_bytes(), newsclean.Options(source_name=SEED_NAME))
    check_golden(f"seed_{width}.txt", render_plain(PageView(article), width))


def test_golden_pages_table() -> None:
    rows = sort_rows(page_row(doc, f"page{k}.json") for k, doc in enumerate(table_docs()))
    check_golden("table_100.txt", render_plain(pages_table(rows, title="outputs"), 100))


def test_golden_files_have_no_trailing_blanks() -> None:
    for path in sorted(GOLDEN_DIR.glob("*.txt")):
        for k, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            assert line == line.rstrip(), f"{path.name}:{k} ends with blanks"


# --- the page view: folding, filters, captions, related, reasons -------------------


def test_boilerplate_runs_fold_with_their_most_common_reason() -> None:
    rows = plan_rows(folding_article())
    folded = [row for row in rows if isinstance(row, FoldedRow)]
    assert [len(row.lines) for row in folded] == [4, 3]
    assert folded[0].summary() == "… 4 boilerplate lines: navigation phrase (+1 other reason)"
    # Reasons differing only in their scores count as one reason.
    assert folded[1].summary() == (
        "… 3 boilerplate lines: short line outside the text (+1 other reason)"
    )
    # A run of two stays as two lines.
    shown = [row.line.text for row in rows if isinstance(row, LineRow)]
    assert "Advertisement" in shown and "Sign in" in shown
    text = render_plain(PageView(folding_article()), 100)
    assert "… 4 boilerplate lines: navigation phrase" in text
    assert "Weather" not in text and "Footer two" not in text
    assert "lines 3–9" in text  # the folded run's line range, beside it on wide consoles


def test_all_unfolds_every_line() -> None:
    article = folding_article()
    rows = plan_rows(article, ViewOptions(show_all=True))
    assert all(isinstance(row, LineRow) for row in rows)
    assert [row.line.n for row in rows if isinstance(row, LineRow)] == [
        line.n for line in article.lines
    ]
    text = render_plain(PageView(article, ViewOptions(show_all=True)), 100)
    assert "…" not in text
    for line in article.lines:
        assert line.text in text


def test_only_keeps_the_named_labels_and_folds_nothing() -> None:
    article = folding_article()
    rows = plan_rows(article, ViewOptions(only=frozenset({BOILER})))
    assert all(isinstance(row, LineRow) and row.line.label is BOILER for row in rows)
    assert len(rows) == sum(1 for line in article.lines if line.label is BOILER)
    text = render_plain(PageView(article, ViewOptions(only=frozenset({Label.BODY}))), 100)
    lines_part = text.split("\n\n", 1)[1]  # after the header panel
    assert BODY_TEXT in lines_part
    assert "Advertisement" not in lines_part and "Ferry stays" not in lines_part


def test_only_with_no_matching_line_says_so() -> None:
    text = render_plain(PageView(folding_article(), ViewOptions(only=frozenset({Label.DATE}))), 80)
    assert "(no lines labelled date)" in text


def test_parse_labels() -> None:
    assert parse_labels("body, Caption,") == frozenset({Label.BODY, Label.CAPTION})
    with pytest.raises(ValueError, match="unknown label 'bodi'"):
        parse_labels("body,bodi")
    with pytest.raises(ValueError, match="at least one"):
        parse_labels(" , ")


def test_reasons_beside_lines_only_on_wide_consoles() -> None:
    article = folding_article()
    wide = render_plain(PageView(article), 100)
    narrow = render_plain(PageView(article), 60)
    assert "p=0.98" in wide and "navigation phrase" in wide
    assert "p=0.98" not in narrow
    assert BODY_TEXT in narrow
    assert max(len(line) for line in narrow.splitlines()) <= 60
    assert max(len(line) for line in wide.splitlines()) <= 100


def test_caption_is_joined_to_its_credit() -> None:
    caption = Caption(text="The ferry at dawn.", credit="Photo: J. Berg")
    article = make_article(
        [
            (Label.CAPTION, "The ferry at dawn.", "caption"),
            (Label.CAPTION, "The ferry at dawn. Photo: J. Berg", "caption with credit"),
            (Label.BODY, BODY_TEXT, "body"),
        ],
        captions=(caption,),
    )
    rows = plan_rows(article)
    assert [row.caption for row in rows if isinstance(row, LineRow)][:2] == [caption, caption]
    text = render_plain(PageView(article), 120)
    assert "The ferry at dawn.  [credit: Photo: J. Berg]" in text
    # The line that already ends with the credit does not repeat it.
    assert text.count("[credit:") == 1
    assert "The ferry at dawn. Photo: J. Berg" in text


def test_related_lines_show_their_url() -> None:
    article = make_article(
        [
            (Label.BODY, BODY_TEXT, "body"),
            (Label.RELATED, "Bridge plans shelved", "related: listed under a header"),
            (Label.RELATED, "No link here", "related: listed under a header"),
        ],
        related=(
            Related("Bridge plans shelved", "https://example.org/bridge"),
            Related("No link here", None),
        ),
    )
    text = render_plain(PageView(article), 120)
    assert "Bridge plans shelved  → https://example.org/bridge" in text
    assert "No link here  →" not in text


def test_header_names_the_page_and_counts_labels() -> None:
    article = folding_article()
    text = render_plain(PageView(article), 100)
    header = text.split("\n\n", 1)[0]
    assert "A title" in header and "made-up.txt" in header and "(text)" in header
    assert "title 1 · body 2 · boilerplate 9" in header
    assert "3 of 12 lines" in header


def test_reason_key_and_word_count() -> None:
    assert reason_key("short line outside the text, p=0.10") == "short line outside the text"
    assert reason_key("body: prose (12 words, 25% stop words), p=0.96") == "body: prose"
    assert reason_key("navigation phrase") == "navigation phrase"
    assert count_words("Der neue Lesesaal, im 1. Stock") == 6
    assert count_words("東京で会議") == 5


# --- the pages table ------------------------------------------------------------------


def article_doc(name: str, title: str | None, words: int, *, lines: bool = True) -> dict[str, Any]:
    body = [" ".join(["word"] * words)] if words else []
    doc: dict[str, Any] = {
        "title": title,
        "byline": None,
        "authors": [],
        "date": None,
        "language": "en",
        "body": body,
        "captions": [],
        "credits": [],
        "related": [],
        "source": {"name": name, "format": "text"},
    }
    if lines:
        doc["lines"] = [
            {"n": 1, "text": "x", "label": "body", "reason": ""},
            {"n": 2, "text": "y", "label": "boilerplate", "reason": ""},
            {"n": 3, "text": "z", "label": "title", "reason": ""},
            {"n": 4, "text": "w", "label": "boilerplate", "reason": ""},
        ]
    return doc


def table_docs() -> list[dict[str, Any]]:
    return [
        article_doc("long.txt", "A long one", 300),
        article_doc("untitled.txt", None, 200, lines=False),
        article_doc("short.txt", "A short one", 20),
        article_doc("empty.txt", "An empty one", 0),
        article_doc("medium.txt", "A medium one", 120),
    ]


EXPECTED_ORDER = ["empty.txt", "short.txt", "untitled.txt", "medium.txt", "long.txt"]


def test_page_rows_flag_suspicious_pages_first() -> None:
    rows = sort_rows(page_row(doc, "x") for doc in table_docs())
    assert [row.source for row in rows] == EXPECTED_ORDER
    assert rows[0].flags == (FLAG_EMPTY,)
    assert rows[1].flags == (FLAG_SHORT,)
    assert rows[2].flags == (FLAG_NO_TITLE,)
    assert rows[2].kept is None
    assert rows[-1].kept == pytest.approx(0.5)
    assert rows[-1].body_words == 300


def table_order(output: str) -> list[str]:
    names = [name for name in EXPECTED_ORDER if name in output]
    return sorted(names, key=output.index)


def test_folder_table_sorted_suspicious_first(tmp_path: Path) -> None:
    for doc in table_docs():
        name = doc["source"]["name"].replace(".txt", ".json")
        (tmp_path / name).write_text(json.dumps(doc), encoding="utf-8")
    (tmp_path / "report.json").write_text('{"ok": 5, "failed": 0}', encoding="utf-8")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    result = invoke([str(tmp_path), "--width", "160"])
    assert result.exit_code == 0, result.stderr
    assert table_order(result.stdout) == EXPECTED_ORDER
    assert "50%" in result.stdout and "–" in result.stdout
    assert "5 pages: 1 empty body, 1 short body, 1 no title" in result.stdout
    assert "skipped 2 items" in result.stderr


@pytest.mark.parametrize("suffix", [".jsonl", ".txt"])
def test_json_lines_table(tmp_path: Path, suffix: str) -> None:
    docs = table_docs()
    path = tmp_path / f"out{suffix}"
    path.write_text("\n".join(json.dumps(doc) for doc in reversed(docs)) + "\n\n", encoding="utf-8")
    result = invoke([str(path), "--width", "160"])
    assert result.exit_code == 0, result.stderr
    assert table_order(result.stdout) == EXPECTED_ORDER


def test_one_json_output_on_stdin_is_a_table() -> None:
    doc = article_doc("short.txt", "A short one", 20)
    result = invoke(["-", "--width", "120"], input=json.dumps(doc, indent=2))
    assert result.exit_code == 0, result.stderr
    assert "short.txt" in result.stdout and "1 page: 1 short body" in result.stdout


def test_json_that_is_not_an_output_is_cleaned_as_a_page(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bytes] = []

    def fake_clean(data: bytes | str, options: newsclean.Options) -> Article:
        seen.append(data if isinstance(data, bytes) else data.encode())
        return folding_article()

    monkeypatch.setattr(inspect_cli, "clean_page", fake_clean)
    result = invoke(["-", "--width", "100"], input='{"name": "not a newsclean output"}')
    assert result.exit_code == 0
    assert len(seen) == 1 and "newsclean inspect" in result.stdout


# --- the command ------------------------------------------------------------------------


@pytest.fixture
def fake_page(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """A page file whose cleaning returns :func:`folding_article` (independent of the model)."""
    monkeypatch.setattr(inspect_cli, "clean_page", lambda data, options: folding_article())
    path = tmp_path / "page.txt"
    path.write_text("anything\n", encoding="utf-8")
    return path


def test_cli_folds_by_default_and_all_unfolds(fake_page: Path) -> None:
    folded = invoke([str(fake_page), "--width", "100"])
    assert folded.exit_code == 0
    assert "… 4 boilerplate lines" in folded.stdout and "Weather" not in folded.stdout
    unfolded = invoke([str(fake_page), "--width", "100", "--all"])
    assert "…" not in unfolded.stdout and "Weather" in unfolded.stdout
    assert [n for n, _ in rows_of(unfolded.stdout)] == [line.n for line in folding_article().lines]


def test_cli_only(fake_page: Path) -> None:
    result = invoke([str(fake_page), "--width", "100", "--only", "boilerplate,title"])
    assert result.exit_code == 0
    labels = {label for _, label in rows_of(result.stdout)}
    assert labels == {"boilerplate", "title"}
    assert BODY_TEXT not in result.stdout


@pytest.mark.parametrize("spec", ["bodyy", "body,nav", ","])
def test_cli_only_rejects_unknown_labels(fake_page: Path, spec: str) -> None:
    result = invoke([str(fake_page), "--only", spec])
    assert result.exit_code == EXIT_USAGE
    assert "--only" in result.stderr
    assert result.stdout == ""


def test_cli_width_is_obeyed(fake_page: Path) -> None:
    for width in (60, 100, 140):
        result = invoke([str(fake_page), "--width", str(width)])
        lines = result.stdout.splitlines()
        assert max(len(line) for line in lines) <= width
        assert any(len(line) == width for line in lines)  # the header panel spans it


def test_cli_color_never_and_always(fake_page: Path) -> None:
    never = invoke([str(fake_page), "--color", "never"])
    always = invoke([str(fake_page), "--color", "always"])
    auto = invoke([str(fake_page)])  # CliRunner's stdout is not a terminal
    assert ESC not in never.stdout
    assert ESC not in auto.stdout
    assert ESC in always.stdout
    assert re.sub(r"\x1b\[[0-9;]*m", "", always.stdout).split() == never.stdout.split()


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_auto_colour_on_a_terminal_respects_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert inspect_cli.make_console("auto", 80, FakeTTY()).color_system is not None
    assert inspect_cli.make_console("auto", 80, io.StringIO()).color_system is None
    monkeypatch.setenv("NO_COLOR", "1")
    assert inspect_cli.make_console("auto", 80, FakeTTY()).color_system is None
    assert inspect_cli.make_console("always", 80, io.StringIO()).color_system is not None
    monkeypatch.setenv("TERM", "dumb")
    assert inspect_cli.make_console("always", 80, io.StringIO()).color_system is not None


def test_long_output_on_a_terminal_goes_through_the_pager(monkeypatch: pytest.MonkeyPatch) -> None:
    import pydoc

    paged: list[tuple[str, str | None]] = []
    monkeypatch.setattr(
        pydoc, "pager", lambda text, *a, **k: paged.append((text, os.environ.get("LESS")))
    )
    monkeypatch.setattr(sys, "stdin", FakeTTY())
    monkeypatch.delenv("LESS", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.delenv("NO_COLOR", raising=False)
    view = PageView(folding_article(), ViewOptions(show_all=True))

    out = FakeTTY()
    console = inspect_cli.make_console("auto", 100, out)
    console.size = (100, 10)  # shorter than the view
    inspect_cli.show(console, view, pager=True)
    assert len(paged) == 1 and out.getvalue() == ""
    text, less = paged[0]
    assert ESC in text and BODY_TEXT in text  # styles kept in the pager
    assert less == "-R"  # so that less shows colours rather than codes
    assert "LESS" not in os.environ

    out = FakeTTY()
    console = inspect_cli.make_console("auto", 100, out)
    console.size = (100, 10)
    inspect_cli.show(console, view, pager=False)  # --no-pager
    assert len(paged) == 1 and BODY_TEXT in out.getvalue()

    out = FakeTTY()
    console = inspect_cli.make_console("auto", 100, out)
    console.size = (100, 500)  # fits on the screen: no pager
    inspect_cli.show(console, view, pager=True)
    assert len(paged) == 1 and BODY_TEXT in out.getvalue()


@pytest.mark.parametrize("page", GOLDEN_PAGES)
def test_cli_real_pipeline_shows_every_line_in_order(page: str) -> None:
    """Through the real model: the view shows what the library decided, line for line."""
    path = PAGES_DIR / page
    result = invoke([str(path), "--all", "--width", "400"])
    assert result.exit_code == 0, result.stderr
    article = newsclean.clean(path.read_bytes())
    assert rows_of(result.stdout) == [(line.n, line.label.value) for line in article.lines]
    if path.suffix == ".txt":  # plain text: one labelled line per non-blank input line
        text_lines = path.read_text(encoding="utf-8").splitlines()
        assert [line.n for line in article.lines] == [
            k for k, line in enumerate(text_lines, 1) if line.strip()
        ]


def test_cli_markdown_from_stdin() -> None:
    data = (PAGES_DIR / "library.md").read_bytes()
    result = invoke(["-", "--width", "120", "--input-format", "markdown"], input=data)
    assert result.exit_code == 0, result.stderr
    assert "<stdin>  (markdown)" in result.stdout


# --- errors -------------------------------------------------------------------------------


def assert_one_line_error(result: Any, code: int) -> None:
    assert result.exit_code == code
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("newsclean: error: "), result.stderr
    assert "Traceback" not in result.stderr


def test_error_missing_file(tmp_path: Path) -> None:
    assert_one_line_error(invoke([str(tmp_path / "nope.txt")]), EXIT_UNREADABLE)
    assert_one_line_error(invoke([str(tmp_path / "nope.jsonl")]), EXIT_UNREADABLE)


def test_error_empty_and_binary_input(tmp_path: Path) -> None:
    assert_one_line_error(invoke(["-"], input=""), EXIT_EMPTY)
    assert_one_line_error(invoke(["-"], input=" \n\n \t\n"), EXIT_EMPTY)
    binary = tmp_path / "x.bin"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert_one_line_error(invoke([str(binary)]), EXIT_BINARY)


def test_error_too_large(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("A line of text that repeats.\n" * 100, encoding="utf-8")
    assert_one_line_error(invoke([str(big), "--max-size", "1K"]), EXIT_TOO_LARGE)


def test_error_folder_without_outputs(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("hello", encoding="utf-8")
    assert_one_line_error(invoke([str(tmp_path)]), EXIT_EMPTY)
    jsonl = tmp_path / "x.jsonl"
    jsonl.write_text('{"a": 1}\n', encoding="utf-8")
    result = invoke([str(jsonl)])
    assert result.exit_code == EXIT_EMPTY and "no newsclean JSON output" in result.stderr


def test_error_bad_width(fake_page: Path) -> None:
    result = invoke([str(fake_page), "--width", "5"])
    assert result.exit_code == EXIT_USAGE


def test_clean_does_not_import_rich(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(
        "A title\n\nSome body text that is long enough to count as prose here.\n", encoding="utf-8"
    )
    code = (
        "import sys\n"
        "from newsclean.cli import cli\n"
        "try:\n"
        f"    cli.main(['clean', {str(page)!r}], prog_name='newsclean')\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in sys.modules if m == 'rich' or m.startswith('rich.')),"
        " file=sys.stderr)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert proc.stderr.strip().splitlines()[-1] == "[]", proc.stderr
