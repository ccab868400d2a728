"""The accuracy gate, and the benchmark script on a corpus made up here.

The gate runs newsclean (only newsclean: the baselines are slow) over the whole
development corpus on the htmltext, inscriptis, flat, markdown and html views and fails
when a figure falls under its floor in ``benchmarks/floors.json`` (keys
``corpus/view/figure``: ``f1``, ``precision``, ``recall`` of the corpus's metric,
``title``, ``authors``, ``date`` shares). It skips when the corpus is absent, and
skips a view that newsclean cannot read yet (ImportError/NotImplementedError).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from benchmarks import accuracy

REPO_ROOT = Path(__file__).resolve().parent.parent
FLOORS_FILE = REPO_ROOT / "benchmarks" / "floors.json"
GATE_VIEWS = ("htmltext", "inscriptis", "flat", "markdown", "html")
#: A figure may sit this far under its floor (float noise), no more.
TOLERANCE = 1e-9


def load_floors() -> dict[str, float]:
    data = json.loads(FLOORS_FILE.read_text(encoding="utf-8"))
    assert isinstance(data, dict), "floors.json must hold one flat JSON object"
    floors: dict[str, float] = {}
    for key, value in data.items():
        parts = key.split("/")
        assert len(parts) == 3 and all(parts), f"floor key {key!r} is not corpus/view/figure"
        assert isinstance(value, (int, float)) and 0 <= value <= 1, f"floor {key}: {value!r}"
        floors[key] = float(value)
    return floors


def test_floors_file_is_well_formed() -> None:
    floors = load_floors()
    assert floors, "floors.json pins no figure"
    figures = {key.split("/")[2] for key in floors}
    assert figures <= {"f1", "precision", "recall", "title", "authors", "date"}
    assert {key.split("/")[1] for key in floors} <= set(GATE_VIEWS)


# --- the gate (needs the corpus) -------------------------------------------------------


@pytest.fixture(scope="module")
def gate_report(corpus_dir: Path) -> accuracy.Report:
    return accuracy.evaluate(corpus_dir, GATE_VIEWS, ("newsclean",), jobs=2, silver=False)


def _skip_if_unavailable(report: accuracy.Report, view: str) -> None:
    reasons = {reason for (_, v), reason in report.unavailable().items() if v == view}
    ran = any(r["view"] == view and r["pages"] for r in report.rows)
    if reasons and not ran:
        pytest.skip(f"newsclean cannot read the {view} view yet ({sorted(reasons)[0]})")


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.parametrize("view", GATE_VIEWS)
def test_accuracy_floors(gate_report: accuracy.Report, view: str) -> None:
    _skip_if_unavailable(gate_report, view)
    figures = gate_report.figures("newsclean")
    corpora = set(gate_report.corpora)
    failures = []
    checked = 0
    for key, floor in sorted(load_floors().items()):
        corpus, key_view, _ = key.split("/")
        if key_view != view or corpus not in corpora:
            continue  # another view, or a corpus this folder does not hold
        if key not in figures:
            failures.append(f"{key}: not measured (floor {floor:.3f})")
            continue
        checked += 1
        if figures[key] < floor - TOLERANCE:
            failures.append(f"{key}: {figures[key]:.4f} < floor {floor:.3f}")
    assert not failures, "accuracy under its floor:\n  " + "\n  ".join(failures)
    if not checked:
        pytest.skip(f"no floor pinned for the {view} view of {', '.join(sorted(corpora))}")


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.parametrize("view", GATE_VIEWS)
def test_no_untyped_errors(gate_report: accuracy.Report, view: str) -> None:
    """A page newsclean cannot clean must raise a typed NewscleanError, never crash."""
    _skip_if_unavailable(gate_report, view)
    crashes = [e for e in gate_report.crashes("newsclean") if e["view"] == view]
    assert not crashes, "\n".join(
        f"{e['corpus']}/{e['page']}: {e['message']}" for e in crashes[:10]
    )


# --- the benchmark script on a made-up corpus (no corpus needed) -------------------------


def _write_page(
    folder: Path, gold: dict[str, Any], text: str, html: str | None, inscriptis: bool = True
) -> None:
    folder.mkdir(parents=True)
    (folder / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    (folder / "htmltext.txt").write_text(text, encoding="utf-8")
    if inscriptis:
        (folder / "inscriptis.txt").write_text(text, encoding="utf-8")
    if html is not None:
        (folder / "page.html").write_text(html, encoding="utf-8")


ARTICLE = (
    "Home | News | Sport\n\n"
    "A storm closes the harbour\n\n"
    "The harbour was closed on Monday after a storm damaged the northern pier, the port "
    "authority said in a statement that was published in the morning.\n\n"
    "Ships were sent to other ports along the coast, and the repairs are expected to take "
    "several weeks according to the engineers who inspected the pier.\n\n"
    "Subscribe to our newsletter\n"
)


@pytest.fixture()
def mini_corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpora"
    # snippet corpus: one page with all views, one without inscriptis.txt and without page.html
    _write_page(
        root / "snip" / "a",
        {
            "with": ["harbour was closed on Monday", "repairs are expected"],
            "without": ["Subscribe to our newsletter", "Not on the page"],
            "title": "A storm closes the harbour",
            "author": "",
            "date": "2021-03-01",
        },
        ARTICLE,
        "<html><body><h1>A storm closes the harbour</h1><figure><img src='x.jpg'>"
        "<figcaption>The damaged pier.</figcaption></figure><p>The harbour was closed on "
        "Monday after a storm damaged the northern pier.</p></body></html>",
    )
    _write_page(
        root / "snip" / "b",
        {"with": ["Ships were sent"], "without": []},
        ARTICLE,
        None,
        inscriptis=False,
    )
    # shingle corpus: one page, with a body and a byline but no title
    _write_page(
        root / "body" / "c",
        {
            "body": "Ships were sent to other ports along the coast",
            "byline": "Jane Doe",
            "lang": "en",
        },
        ARTICLE,
        None,
    )
    return root


def test_script_on_a_mini_corpus(mini_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "acc.json"
    code = accuracy.main(
        [
            "--corpus",
            str(mini_corpus),
            "--systems",
            "keepall,newsclean",
            "--views",
            "htmltext,inscriptis,flat",
            "--jobs",
            "1",
            "--json",
            str(out),
            "--worst",
            "3",
        ]
    )
    assert code == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert set(data) >= {"rows", "fields", "languages", "silver"}
    rows = {(r["corpus"], r["view"], r["system"]): r for r in data["rows"]}
    # keepall keeps everything: page a finds both with-snippets and one without-snippet
    # (tp 2, fp 1, tn 1), page b finds its with-snippet (tp 1): P 3/4, R 1, F 6/7, acc 4/5
    keep = rows[("snip", "htmltext", "keepall")]
    assert keep["metric"] == "snippets" and keep["pages"] == 2
    assert keep["precision"] == pytest.approx(0.75)
    assert keep["recall"] == pytest.approx(1.0)
    assert keep["f1"] == pytest.approx(6 / 7)
    assert keep["accuracy"] == pytest.approx(0.8)
    # page b has no inscriptis.txt: that view is scored on page a only
    assert rows[("snip", "inscriptis", "keepall")]["pages"] == 1
    # the shingle page: the gold's 6 shingles are all in the text, which has many more
    body = rows[("body", "flat", "keepall")]
    assert body["metric"] == "shingles" and body["recall"] == pytest.approx(1.0)
    assert 0 < body["precision"] < 0.5
    for key, row in rows.items():
        assert key[2] in {"keepall", "newsclean"}
        for figure in ("precision", "recall", "f1", "accuracy"):
            assert 0.0 <= row[figure] <= 1.0, (key, figure)
        assert row["pages_per_s"] is None or row["pages_per_s"] > 0
    fields = {(f["corpus"], f["view"], f["field"]): f for f in data["fields"]}
    assert fields[("snip", "htmltext", "title")]["pages"] == 1  # page b has no title
    assert fields[("snip", "htmltext", "authors")]["pages"] == 0  # empty author is no gold
    assert fields[("snip", "htmltext", "date")]["pages"] == 1
    assert fields[("body", "htmltext", "authors")]["pages"] == 1  # byline counts as author
    assert fields[("body", "htmltext", "title")]["pages"] == 0
    langs = {(x["corpus"], x["language"]) for x in data["languages"]}
    assert ("body", "en") in langs
    silver = {(s["corpus"], s["view"], s["kind"]): s for s in data["silver"]}
    assert silver[("snip", "htmltext", "caption")]["silver"] == 0  # not in the text views


def test_pool_gives_the_same_scores_as_one_process(mini_corpus: Path) -> None:
    def figures(jobs: int) -> list[tuple[Any, ...]]:
        report = accuracy.evaluate(
            mini_corpus,
            ("htmltext", "flat"),
            ("keepall", "newsclean"),
            jobs=jobs,
            silver=True,
            details=True,
        )
        return [
            (
                r["corpus"],
                r["view"],
                r["system"],
                r["pages"],
                r["f1"],
                r["precision"],
                r["recall"],
                r["accuracy"],
            )
            for r in report.rows
        ]

    assert figures(2) == figures(1)


def test_script_on_one_page_folder(mini_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "one.json"
    assert (
        accuracy.main(
            [
                "--corpus",
                str(mini_corpus / "snip" / "a"),
                "--systems",
                "keepall",
                "--views",
                "htmltext,html",
                "--jobs",
                "2",
                "--json",
                str(out),
            ]
        )
        == 0
    )
    rows = json.loads(out.read_text(encoding="utf-8"))["rows"]
    assert {(r["corpus"], r["view"], r["pages"]) for r in rows} == {
        ("snip", "htmltext", 1),
        ("snip", "html", 1),
    }


def test_script_rejects_bad_arguments(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert accuracy.main(["--corpus", str(tmp_path / "missing")]) == 2
    assert "is not a folder" in capsys.readouterr().err
    assert accuracy.main(["--corpus", str(tmp_path)]) == 2  # a folder without pages
    with pytest.raises(SystemExit) as exc:
        accuracy.main(["--views", "htmltext,pdf"])
    assert exc.value.code == 2
    assert "unknown view pdf" in capsys.readouterr().err


def test_text_wrapped_as_paragraphs_for_html_baselines() -> None:
    html = accuracy.lines_as_html("  a < b  \n\n& c\n")
    assert "<p>a &lt; b</p>" in html and "<p>&amp; c</p>" in html
    assert html.count("<p>") == 2


def test_markdown_view_renders_the_page_as_a_scraper_would() -> None:
    pytest.importorskip("markdownify")
    from benchmarks.markdown_view import to_markdown

    html = (
        "<html><head><title>Tab title</title><style>p{}</style></head><body>"
        "<script>var x = 1;</script><nav><a href='/'>Home</a></nav>"
        "<h1>A storm closes the harbour</h1><p>The harbour was <b>closed</b> on Monday.</p>"
        "<p>See <a href='/more'>more news</a>.</p><noscript>Enable scripts</noscript>"
        "</body></html>"
    )
    markdown = to_markdown(html.encode("utf-8"))
    assert "# A storm closes the harbour" in markdown
    assert "The harbour was **closed** on Monday." in markdown
    assert "[more news](/more)" in markdown
    for hidden in ("Tab title", "var x", "p{}", "Enable scripts"):
        assert hidden not in markdown
    assert "\n\n\n" not in markdown


def test_script_scores_the_markdown_view(mini_corpus: Path, tmp_path: Path) -> None:
    pytest.importorskip("markdownify")
    out = tmp_path / "acc.json"
    args = ["--corpus", str(mini_corpus), "--systems", "newsclean", "--views", "markdown"]
    code = accuracy.main([*args, "--jobs", "1", "--json", str(out), "--no-silver"])
    assert code == 0
    rows = {(r["corpus"], r["view"]): r for r in json.loads(out.read_text())["rows"]}
    # only page a has a page.html to render; newsclean reads it as Markdown
    row = rows[("snip", "markdown")]
    assert row["pages"] == 1 and row["recall"] == pytest.approx(0.5)


def test_per_language_figures_beside_trafilatura_on_the_html(
    mini_corpus: Path, tmp_path: Path
) -> None:
    out = tmp_path / "acc.json"
    args = ["--corpus", str(mini_corpus), "--systems", "trafilatura,newsclean"]
    args += ["--views", "htmltext,html", "--jobs", "1", "--no-silver", "--json", str(out)]
    assert accuracy.main(args) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    kinds = {(x["system"], x["view"]) for x in data["languages"] if x["corpus"] == "snip"}
    # newsclean on every view; the peer only on the HTML, the bar for each language
    assert kinds == {("newsclean", "htmltext"), ("newsclean", "html"), ("trafilatura", "html")}
