"""The benchmark's metrics on tiny hand-made pages, with the expected figures worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks import corpus, metrics
from benchmarks.metrics import ShingleCounts, SnippetCounts

# --- snippet metric (trafilatura's evaluation) -----------------------------------------


def test_snippet_counts_basic() -> None:
    # output collapsed: "Title First paragraph of the story. Second one."
    # with:    "First paragraph" found, "Second one" found, "Missing text" not -> tp 2, fn 1
    # without: "Menu" absent -> tn 1; "Title" present -> fp 1
    out = "Title\nFirst  paragraph of the story.\n\nSecond one."
    gold = {"with": ["First paragraph", "Second one", "Missing text"], "without": ["Menu", "Title"]}
    result = metrics.snippet_check(out, gold)
    assert result.counts == SnippetCounts(tp=2, fn=1, fp=1, tn=1)
    assert result.missed == ("Missing text",)
    assert result.kept == ("Title",)


def test_snippet_spanning_two_lines_and_inner_whitespace() -> None:
    # "alpha beta\ngamma delta" collapses to "alpha beta gamma delta": "beta gamma" is in it;
    # the snippet's own newline and spaces collapse too ("beta \n  gamma" -> "beta gamma").
    out = "alpha beta\ngamma delta"
    gold = {"with": ["beta gamma", "beta \n  gamma", " delta "], "without": []}
    assert metrics.snippet_counts(out, gold) == SnippetCounts(tp=3)


def test_invisible_format_characters_do_not_count() -> None:
    # a soft hyphen in the gold, none in the output (or the other way round): same text
    gold = {"with": ["Lauf\u00adzeit der Kern\u00adwerk\u00adzeuge"], "without": ["Menü"]}
    assert metrics.snippet_counts("Die Laufzeit der Kernwerkzeuge.", gold) == SnippetCounts(
        tp=1, tn=1
    )
    assert metrics.snippet_counts("Me\u200bnü", gold) == SnippetCounts(fn=1, fp=1)
    assert metrics.tokenize("Lauf\u00adzeit und\ufeff mehr") == ["Laufzeit", "und", "mehr"]


def test_snippet_is_case_sensitive_substring() -> None:
    # trafilatura's test is a plain substring test: "Alpha" is not in "alpha beta",
    # and "pha be" is (inside words).
    gold = {"with": ["Alpha", "pha be"], "without": []}
    assert metrics.snippet_counts("alpha beta", gold) == SnippetCounts(tp=1, fn=1)


@pytest.mark.parametrize("output", ["", None, "   \n  "])
def test_snippet_empty_output(output: str | None) -> None:
    # nothing is found: every with-snippet is a false negative, every without a true negative
    gold = {"with": ["a", "b"], "without": ["c"]}
    assert metrics.snippet_counts(output, gold) == SnippetCounts(fn=2, tn=1)


def test_snippet_empty_gold() -> None:
    # no snippets at all (and blank ones are ignored): all counts 0, scores 0 without error
    counts = metrics.snippet_counts("some text", {"with": ["  "], "without": []})
    assert counts == SnippetCounts()
    scores = metrics.snippet_scores([counts])
    assert (scores.pages, scores.precision, scores.recall, scores.f1, scores.accuracy) == (
        1,
        0.0,
        0.0,
        0.0,
        0.0,
    )


def test_snippet_scores_sum_counts_over_pages() -> None:
    # A: tp 2 fn 1 fp 1 tn 1; B: tp 0 fn 2 fp 0 tn 3 -> sums tp 2 fn 3 fp 1 tn 4
    # P = 2/3, R = 2/5, F = 2PR/(P+R) = (8/15)/(16/15) = 0.5, accuracy = (2+4)/10 = 0.6
    # (the mean of the pages' own F would be different: A alone has F 2/3, B has 0)
    scores = metrics.snippet_scores([SnippetCounts(2, 1, 1, 1), SnippetCounts(0, 2, 0, 3)])
    assert scores.pages == 2
    assert scores.precision == pytest.approx(2 / 3)
    assert scores.recall == pytest.approx(2 / 5)
    assert scores.f1 == pytest.approx(0.5)
    assert scores.accuracy == pytest.approx(0.6)


# --- shingle metric (scrapinghub's article-extraction-benchmark) ------------------------


def test_tokenize_keeps_case_and_splits_on_non_word() -> None:
    assert metrics.tokenize("Don't stop—now! 3.5") == ["Don", "t", "stop", "now", "3", "5"]
    assert metrics.tokenize(None) == []


def test_shingles_short_and_long_texts() -> None:
    # 5 tokens -> 2 shingles; 2 tokens -> one shorter shingle; empty -> none
    assert metrics.shingles("a b c d e") == {("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1}
    assert metrics.shingles("Hello world") == {("Hello", "world"): 1}
    assert metrics.shingles("") == {}


def test_shingle_identical() -> None:
    # 2 shingles, both matched: tp 2 -> normalised 1.0; P = R = 1 (fp == fn == 0); exact
    c = metrics.shingle_counts("a b c d e", "a  b\nc d e")
    assert (c.tp, c.fp, c.fn, c.exact) == (1.0, 0.0, 0.0, True)
    assert (c.precision, c.recall) == (1.0, 1.0)


def test_shingle_partial_overlap() -> None:
    # gold: 1234 2345 3456; output: 1234 2345 "345seven" -> tp 2, fp 1, fn 1, sum 4
    # normalised tp .5 fp .25 fn .25: P = .5/.75 = 2/3, R = 2/3
    c = metrics.shingle_counts("one two three four five seven", "one two three four five six")
    assert (c.tp, c.fp, c.fn) == pytest.approx((0.5, 0.25, 0.25))
    assert c.precision == pytest.approx(2 / 3)
    assert c.recall == pytest.approx(2 / 3)
    assert not c.exact


def test_shingle_repeated_shingles_count_as_multisets() -> None:
    # gold "x y z w x y z w": xyzw x2, yzwx, zwxy, wxyz (5 shingles); output "x y z w": xyzw x1
    # tp = min(2, 1) = 1, fp = 0, fn = 1 (2nd xyzw) + 3 = 4; sum 5 -> tp .2, fn .8
    # P = 1 (no false positive, tp > 0), R = .2
    c = metrics.shingle_counts("x y z w", "x y z w x y z w")
    assert (c.tp, c.fp, c.fn) == pytest.approx((0.2, 0.0, 0.8))
    assert c.precision == 1.0
    assert c.recall == pytest.approx(0.2)
    # and the other way round: the output repeats, the gold does not -> P .2, R 1
    d = metrics.shingle_counts("x y z w x y z w", "x y z w")
    assert (d.precision, d.recall) == pytest.approx((0.2, 1.0))


def test_shingle_case_matters() -> None:
    # one shingle each, different case: tp 0, fp .5, fn .5 -> P 0, R 0
    c = metrics.shingle_counts("hello world", "Hello world")
    assert (c.tp, c.fp, c.fn) == (0.0, 0.5, 0.5)
    assert (c.precision, c.recall) == (0.0, 0.0)


def test_shingle_empty_output_empty_gold_and_both() -> None:
    empty_out = metrics.shingle_counts("", "some gold text here")
    assert (empty_out.tp, empty_out.fp, empty_out.fn) == (0.0, 0.0, 1.0)
    empty_gold = metrics.shingle_counts("some output text here", "")
    assert (empty_gold.tp, empty_gold.fp, empty_gold.fn) == (0.0, 1.0, 0.0)
    both = metrics.shingle_counts(None, "  ")
    assert (both.tp, both.fp, both.fn, both.exact) == (0.0, 0.0, 0.0, True)


def test_shingle_scores_average_over_pages_and_skip_empty_sides() -> None:
    pages = [
        metrics.shingle_counts("a b c d e", "a b c d e"),  # P 1, R 1, exact
        metrics.shingle_counts(
            "one two three four five seven", "one two three four five six"
        ),  # P 2/3, R 2/3
        metrics.shingle_counts("", "gold only text"),  # no precision (tp+fp = 0), R 0
        metrics.shingle_counts("output only text", ""),  # P 0, no recall (tp+fn = 0)
        metrics.shingle_counts("", ""),  # neither; exact
    ]
    # precision over pages 1, 2, 4: (1 + 2/3 + 0) / 3 = 5/9; recall over pages 1, 2, 3: 5/9
    # F1 = harmonic mean of 5/9 and 5/9 = 5/9; accuracy = 2 exact of 5 = 0.4
    scores = metrics.shingle_scores(pages)
    assert scores.pages == 5
    assert scores.precision == pytest.approx(5 / 9)
    assert scores.recall == pytest.approx(5 / 9)
    assert scores.f1 == pytest.approx(5 / 9)
    assert scores.accuracy == pytest.approx(0.4)


def test_shingle_f1_is_of_the_averages_not_the_average_of_f1() -> None:
    # page A: P 1, R .2 (F .333); page B: P .2, R 1 (F .333)
    # averages P .6, R .6 -> F1 .6 (the mean of page F1s would be .333)
    a = ShingleCounts(tp=0.2, fp=0.0, fn=0.8)
    b = ShingleCounts(tp=0.2, fp=0.8, fn=0.0)
    scores = metrics.shingle_scores([a, b])
    assert scores.f1 == pytest.approx(0.6)
    assert a.f1 == pytest.approx(1 / 3)


def test_shingle_scores_of_nothing() -> None:
    assert metrics.shingle_scores([]) == metrics.Scores(0, 0.0, 0.0, 0.0, 0.0)


# --- metadata fields ---------------------------------------------------------------------


def test_normalise_field() -> None:
    assert metrics.normalise_field("  «The  Big\nTitle»! ") == "the big title"
    assert metrics.normalise_field('"Ünïcode" Straße.') == 'ünïcode" strasse'
    assert metrics.normalise_field(None) == ""
    assert metrics.normalise_field("...") == ""


def test_check_title() -> None:
    assert metrics.check_title("The Big Title.", "the big  title") is True
    assert metrics.check_title("The Big Title | Site", "The Big Title") is False
    assert metrics.check_title(None, "The Big Title") is False
    assert metrics.check_title("Anything", None) is None
    assert metrics.check_title("Anything", "  ") is None


def test_split_and_check_authors() -> None:
    assert metrics.split_authors("Jane Doe and John Smith; Ann Lee, Bo Ek") == [
        "jane doe",
        "john smith",
        "ann lee",
        "bo ek",
    ]
    assert metrics.split_authors(["Jane Doe", "NDR"]) == ["jane doe", "ndr"]
    assert metrics.split_authors("By  Jane Doe") == ["jane doe"]
    assert metrics.split_authors("Von Lars Fischer und Alina Schadwinkel") == [
        "lars fischer",
        "alina schadwinkel",
    ]
    assert metrics.split_authors("Bye Bye Band") == ["bye bye band"]
    assert metrics.split_authors("Written by Rob Ewaschuk") == ["rob ewaschuk"]
    assert metrics.split_authors("By Brenda  Goodman, MA") == ["brenda goodman"]
    assert metrics.split_authors("Ma Long, Xu Xin") == ["ma long", "xu xin"]
    assert metrics.check_authors(["jane doe", "John Smith"], "Jane Doe and John Smith") is True
    assert metrics.check_authors(["Jane Doe"], "Jane Doe and John Smith") is False
    assert metrics.check_authors(["Jane Doe", "Extra Person"], "Jane Doe") is True
    assert metrics.check_authors([], "Jane Doe") is False
    assert metrics.check_authors(["Jane Doe"], None) is None
    assert metrics.check_authors(["Jane Doe"], []) is None


def test_check_date() -> None:
    assert metrics.check_date("2019-10-16", "2019-10-16T10:52:50+0100") is True
    assert metrics.check_date("2019-4-5", "2019-04-05") is True
    assert metrics.check_date("2019-10-17", "2019-10-16") is False
    assert metrics.check_date(None, "2019-10-16") is False
    assert metrics.check_date("16 October 2019", "2019-10-16") is False
    assert metrics.check_date("2019-10-16", "") is None
    assert metrics.check_date("2019-10-16", "April 28, 2019") is None  # no ISO gold date


def test_share_leaves_out_pages_without_gold() -> None:
    s = metrics.share([True, False, None, True])
    assert (s.right, s.pages) == (2, 3)
    assert s.share == pytest.approx(2 / 3)
    assert metrics.share([None]).share == 0.0


# --- item lists ----------------------------------------------------------------------------


def test_items_match() -> None:
    assert metrics.items_match("A Dog  runs", "a dog runs")
    # "caption text" covers 12 of 22 characters of "caption text foto: dpa" (>= half)
    assert metrics.items_match("Caption text", "Caption text Foto: dpa")
    assert not metrics.items_match("Foto", "Caption text Foto: dpa")  # 4 of 22
    assert not metrics.items_match("", "")


def test_item_counts() -> None:
    # predicted: "a caption here" (matches), "other" (no), a duplicate and an empty (ignored)
    # gold: "A caption here" (found), "not matched" (missed) -> P 1/2, R 1/2
    c = metrics.item_counts(
        ["A caption here", "Other", "a caption  here", ""], ["a caption here", "Not matched"]
    )
    assert (c.predicted, c.predicted_right, c.gold, c.gold_found) == (2, 1, 2, 1)
    assert (c.precision, c.recall, c.f1) == (0.5, 0.5, 0.5)
    total = c + metrics.item_counts([], ["x"])
    assert (total.predicted, total.gold) == (2, 3)
    assert metrics.item_counts([], []).f1 == 0.0


# --- corpus loading ------------------------------------------------------------------------


def test_flatten() -> None:
    assert corpus.flatten("  a  b \n\n\t c\n   \n") == "a  b\nc"


def test_gold_accessors() -> None:
    traf = {"with": ["x"], "without": [], "title": "T", "author": "", "date": "2020-01-02"}
    assert corpus.gold_kind(traf) == "snippets"
    assert corpus.gold_authors(traf) is None  # empty string counts as absent
    assert corpus.gold_date(traf) == "2020-01-02"
    read = {"body": "text", "byline": "By Jane", "publishedTime": None, "lang": "en-US"}
    assert corpus.gold_kind(read) == "shingles"
    assert corpus.gold_authors(read) == "By Jane"
    assert corpus.gold_date(read) is None
    assert corpus.gold_language(read) == "en"
    assert corpus.gold_authors({"author": ["A B", " ", "C D"]}) == ["A B", "C D"]
    # a byline element's text over several lines: its first line names the authors
    multi = {"byline": "By Nathan Willis\n      March 25, 2015"}
    assert corpus.gold_authors(multi) == "By Nathan Willis"
    assert metrics.check_authors(["Nathan Willis"], corpus.gold_authors(multi))
    assert corpus.gold_authors({"author": "A B\nC D"}) == "A B\nC D"  # only bylines
    assert corpus.gold_kind({"title": "only"}) is None


def test_find_corpora_and_views(tmp_path: Path) -> None:
    root = tmp_path
    page = root / "news" / "p1"
    page.mkdir(parents=True)
    (page / "gold.json").write_text('{"with": ["a"], "without": []}', encoding="utf-8")
    (page / "htmltext.txt").write_text("  Title  \r\n\r\n  Body line\n", encoding="utf-8")
    (page / "page.html").write_bytes(b"<html><body><p>x</p></body></html>")
    (root / "news" / "not-a-page").mkdir()
    found = corpus.find_corpora(root)
    assert [(c.name, [p.name for p in c.pages]) for c in found] == [("news", ["p1"])]
    assert corpus.find_corpora(page)[0].pages == (page,)
    assert corpus.find_corpora(root / "news")[0].name == "news"
    views = corpus.load_views(page, ("htmltext", "inscriptis", "flat"))
    assert views == {"htmltext": "  Title  \n\n  Body line\n", "flat": "Title\nBody line"}
    assert corpus.load_view(page, "html") == b"<html><body><p>x</p></body></html>"
    with pytest.raises(ValueError):
        corpus.find_corpora(root / "news" / "not-a-page")
    with pytest.raises(FileNotFoundError):
        corpus.find_corpora(root / "nowhere")
