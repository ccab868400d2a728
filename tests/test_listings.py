"""Listings (code blocks, preformatted tables) in plain text that keeps a page's layout."""

from __future__ import annotations

import newsclean
from newsclean.features import OFFSETS, document_facts, page_features, score_runs
from newsclean.languages import load
from newsclean.segment import segment_text

_INTRO = (
    "Our build server kept running out of disk space every few weeks, so we wrote a small "
    "script that removes the oldest artefacts once the volume is more than half full."
)
_CODE = [
    "def prune(root, keep=5):",
    "    entries = sorted(root.iterdir(), key=mtime)",
    "    for entry in entries[:-keep]:",
    "        shutil.rmtree(entry)",
    "",
    "if disk_usage(root) > 0.5:",
    "    prune(root)",
    "    log.info('pruned %s', root)",
    "",
    "$ crontab -l",
    "0 3 * * * python prune.py /srv/builds",
    "",
    "[storage]",
    "path = /srv/builds",
    "keep = 5",
    "",
    "# end of file",
    "$ python prune.py --dry-run",
    "would remove 12 entries (3.4 GB)",
]
_AFTER = [
    "The script runs every night from the scheduler, and since we added it the server has "
    "not stopped a single build because of a full disk in the last four months.",
    "We also learned that the artefacts of failed builds were the largest ones, because the "
    "test reports and the core dumps of crashed runs were kept alongside the binaries.",
    "The next step is to move the older artefacts to cheaper storage instead of deleting "
    "them, so that a release can still be rebuilt from the exact same files if needed.",
]


def _page(code_indent: str = "      ") -> str:
    """A page as a layout-keeping renderer prints it: menu, text, a code block, footer."""
    lines = ["  " + _INTRO, ""]
    lines += [(code_indent + c) if c else "" for c in _CODE]
    lines.append("")
    for para in _AFTER:
        lines += ["  " + para, ""]
    return "Home\nNews\nAbout us\n\n" + "\n".join(lines) + "\nShare on Facebook\nPrivacy policy\n"


def test_an_indented_code_block_is_a_listing_even_across_its_blank_lines() -> None:
    blocks = segment_text(_page())
    code = [b for b in blocks if b.text in {c.strip() for c in _CODE}]
    assert len(code) == sum(1 for c in _CODE if c)
    assert all(b.hint == "pre" for b in code)
    assert all(b.hint == "" for b in blocks if b.text in (_INTRO, *_AFTER))


def test_lines_set_out_by_breaks_a_numbered_list_or_a_flat_scrape_are_no_listing() -> None:
    poem = "  " + _INTRO + "\n\n      Roses are red\n      violets are blue\n      sugar is sweet\n"
    numbered = (
        "  " + _INTRO + "\n\n      1. Open the (first) box\n      2. Take the [red] part\n"
        "      3. Close the {lid} again\n"
    )
    flat = _page().replace("\n\n", "\n")
    for text in (poem, numbered, flat):
        assert not any(b.hint == "pre" for b in segment_text(text)), text


def test_a_listing_does_not_break_a_run_of_text_lines() -> None:
    blocks = segment_text(_page())
    facts = document_facts(blocks, load("en"))
    probs = [0.1 if b.hint == "pre" else 0.9 for b in blocks]
    listing = [b.hint == "pre" for b in blocks]
    assert len(score_runs(probs, facts)[2]) == 2
    assert len(score_runs(probs, facts, listing)[2]) == 1


def test_a_listing_inside_the_article_is_kept_with_its_text() -> None:
    body = newsclean.clean(_page()).body
    for line in (_INTRO, *_AFTER, *filter(None, _CODE)):
        assert line.strip() in body


def test_a_listing_line_is_scored_like_any_line_of_the_page() -> None:
    """The model's hint feature leaves a listing's lines alone: they are text or not by
    where they stand (inside the article, a listing is kept)."""
    blocks = segment_text(_page())
    facts = document_facts(blocks, load("en"))
    hint = OFFSETS["hint"]
    rows = page_features(blocks, facts)
    for b, row in zip(blocks, rows, strict=True):
        assert hint in row, b.text


_TABLE = [
    "Town Residents Change",
    "Northam 12 400 +3.1%",
    "Eastwick 8 150 -0.4%",
    "Southby 20 975 +1.2%",
    "Westford 5 310 +0.8%",
    "Midvale 9 020 -1.5%",
]


def test_a_table_of_figures_is_a_listing_without_blank_lines() -> None:
    flat = "\n".join([_INTRO, *_TABLE, *_AFTER]) + "\n"
    blocks = segment_text(flat)
    assert [b.text for b in blocks if b.hint == "pre"] == _TABLE


def test_chart_labels_numbered_headlines_and_numbered_menus_are_no_table() -> None:
    chart = ["$915", "billion", "600", "300", "0", "2019", "2020", "2021"]
    ranked = [f"{k}. Council votes on the new ferry {k}" for k in range(1, 8)]
    menu = [f"Topic {k}" for k in range(1, 12)]
    for lines in (chart, ranked, menu):
        blocks = segment_text("\n".join([_INTRO, *lines, *_AFTER]) + "\n")
        assert not any(b.hint == "pre" for b in blocks), lines


def test_a_code_block_whose_blank_lines_keep_its_indent_is_one_listing() -> None:
    # a renderer that keeps a layout prints a blank line inside a code block as the
    # block's indent alone: the two halves (a query, then its result) are one listing
    code = ["    SELECT count(*)", "    FROM builds;", "    ", "     count", "    -----", "    412"]
    page = "\n".join(["  " + _INTRO, "", *code, "    ", "", "  " + _AFTER[0], ""]) + "\n"
    blocks = segment_text(page)
    assert [b.text for b in blocks if b.hint == "pre"] == [c.strip() for c in code if c.strip()]


_GRID = [
    "    Plan       Monthly price   Seats   Support",
    "                                              ",
    "    Starter    4 EUR           1       Mail only",
    "    Team       12 EUR          10      Mail and phone",
    "                                              ",
    "    Business   30 EUR          50      Phone, round the clock",
]


def test_a_table_laid_out_in_columns_is_a_listing() -> None:
    # (rows padded to the columns' widths, some with lines of padding between them)
    page = "\n".join(["  " + _INTRO, "", *_GRID, "", "  " + _AFTER[0], ""]) + "\n"
    blocks = segment_text(page)
    rows = [b.text for b in blocks if b.hint == "pre"]
    assert rows == [" ".join(r.split()) for r in _GRID if r.strip()]
    assert all(b.hint == "" for b in blocks if b.text in (_INTRO, _AFTER[0]))


def test_text_with_single_wide_gaps_is_no_table() -> None:
    # a line or two with a wide gap (a price beside its name) make no table
    lines = ["  Coffee      2 EUR", "  Tea     1 EUR", "", "  " + _AFTER[0]]
    blocks = segment_text("\n".join(["  " + _INTRO, "", *lines]) + "\n")
    assert not any(b.hint == "pre" for b in blocks)


def test_an_empty_list_item_is_no_line_and_breaks_no_text() -> None:
    # a layout-keeping renderer prints "* " for a list item holding only an icon: among
    # a list's items it is dropped, and the lines around it meet
    text = (
        "    * The harbour at dawn, seen from the old pier.\n      * \n      *\n"
        "    * Share\n    The ferry leaves at seven every morning.\n"
    )
    blocks = segment_text(text)
    assert [(b.n, b.text) for b in blocks] == [
        (1, "The harbour at dawn, seen from the old pier."),
        (4, "Share"),
        (5, "The ferry leaves at seven every morning."),
    ]
    assert not blocks[1].blank_before and not blocks[0].blank_after
    # a blank line before the empty items still separates the lines around them
    blocks = segment_text("  * Home\n\n  * \n  * News\n")
    assert [(b.n, b.text) for b in blocks] == [(1, "Home"), (4, "News")]
    assert blocks[1].blank_before
    # a bullet alone below other lines than a list's items stays a line
    blocks = segment_text("    One paragraph.\n      * \n    Two.\n")
    assert [b.text for b in blocks] == ["One paragraph.", "*", "Two."]
