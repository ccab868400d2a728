"""HTML input: segmentation (blocks, hints, links, in_main), metadata, safety limits.

The pages are small ones written for these tests (``fixtures/html/*.html``);
``fixtures/html/<name>.expected.json`` holds the blocks and metadata each one
must give (everything but ``in_main``, which is trafilatura's decision). After
a deliberate change, regenerate them and review ``git diff fixtures/html``::

    NEWSCLEAN_UPDATE_GOLDENS=1 pytest tests/test_html.py

Nothing here asserts what the line model decides, except the format of the
result and blatant cases.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import newsclean
from newsclean import html
from newsclean.errors import EXIT_UNPARSEABLE, UnparseableInputError
from newsclean.features import HINTS
from newsclean.model import Block
from newsclean.options import Options
from newsclean.reader import sniff_format

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = REPO_ROOT / "fixtures" / "html"
UPDATE = os.environ.get("NEWSCLEAN_UPDATE_GOLDENS", "") not in ("", "0")
PAGES = sorted(FIXTURES.glob("*.html"))


def segment(text: str, **options: Any) -> list[Block]:
    return html.segment_html(text, Options(**options))[0]


def texts(blocks: list[Block]) -> list[str]:
    return [b.text for b in blocks]


def fixture(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def by_text(blocks: list[Block], start: str) -> Block:
    found = [b for b in blocks if b.text.startswith(start)]
    assert len(found) == 1, f"{len(found)} blocks start with {start!r}: {texts(blocks)}"
    return found[0]


def page(body: str, head: str = "") -> str:
    """A small HTML document around ``body``."""
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"
    )


LONG = (
    "This paragraph is long enough to look like a real paragraph of an article, "
    "with several clauses, some numbers like 42 and 2024, and a full stop at the end."
)


# --- golden files ------------------------------------------------------------------------


def _snapshot(text: str) -> dict[str, Any]:
    blocks, meta = html.segment_html(text, Options())
    assert meta is not None
    return {
        "meta": {
            "title": meta.title,
            "authors": list(meta.authors),
            "date": meta.date,
            "language": meta.language,
            "site_name": meta.site_name,
            "url": meta.url,
        },
        "blocks": [
            {
                "n": b.n,
                "text": b.text,
                "hint": b.hint,
                "blank_before": b.blank_before,
                "blank_after": b.blank_after,
                "after_image": b.after_image,
                "link_chars": b.link_chars,
                "links": [[link.text, link.url] for link in b.links],
            }
            for b in blocks
        ],
    }


def _dump(snapshot: dict[str, Any]) -> str:
    """The snapshot as JSON with one block a line (readable diffs)."""
    blocks = ",\n".join("  " + json.dumps(b, ensure_ascii=False) for b in snapshot["blocks"])
    meta = json.dumps(snapshot["meta"], ensure_ascii=False)
    return f'{{\n "meta": {meta},\n "blocks": [\n{blocks}\n ]\n}}\n'


@pytest.mark.parametrize("path", PAGES, ids=[p.stem for p in PAGES])
def test_fixture_segmentation(path: Path) -> None:
    expected_path = path.with_suffix(".expected.json")
    got = _snapshot(path.read_text(encoding="utf-8"))
    if UPDATE:
        expected_path.write_text(_dump(got), encoding="utf-8")
    assert expected_path.is_file(), f"no {expected_path.name}: run with NEWSCLEAN_UPDATE_GOLDENS=1"
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert got["meta"] == expected["meta"]
    got_lines = [json.dumps(b, ensure_ascii=False) for b in got["blocks"]]
    want_lines = [json.dumps(b, ensure_ascii=False) for b in expected["blocks"]]
    assert got_lines == want_lines


@pytest.mark.parametrize("path", PAGES, ids=[p.stem for p in PAGES])
def test_fixture_is_sniffed_as_html_and_cleans(path: Path) -> None:
    data = path.read_bytes()
    assert sniff_format(data.decode("utf-8")) == "html"
    article = newsclean.clean(data)
    assert article.source.format == "html"
    doc = article.to_dict(explain=True)
    blocks = segment(data.decode("utf-8"))
    assert [line["text"] for line in doc["lines"]] == texts(blocks)
    assert all(line["label"] in {label.value for label in newsclean.Label} for line in doc["lines"])


# --- blocks: ranks, flags, order ---------------------------------------------------------


def test_blocks_are_ranked_in_document_order() -> None:
    blocks = segment(fixture("related.html"))
    assert [b.n for b in blocks] == list(range(1, len(blocks) + 1))
    assert all(b.indent == 0 and b.bullet == "" for b in blocks)
    assert all(b.text and b.text == " ".join(b.text.split()) for b in blocks)


def test_title_is_the_first_block() -> None:
    blocks = segment(fixture("figures.html"))
    assert blocks[0].hint == "title"
    assert blocks[0].text == "Harbour bridge reopens after repairs | The Coastal Ledger"
    assert [b.hint for b in blocks].count("title") == 1


def test_page_without_title_starts_with_its_body() -> None:
    blocks = segment(page(f"<p>{LONG}</p>"))
    assert texts(blocks) == [LONG]
    assert blocks[0].hint == ""


def test_headings_lists_quotes_and_definitions_get_hints() -> None:
    blocks = segment(
        page(
            "<h1>One</h1><h2>Two</h2><h3>Three</h3><h4>Four</h4><h5>Five</h5><h6>Six</h6>"
            "<ul><li>Item a</li><li>Item b</li></ul><blockquote><p>Quoted words</p></blockquote>"
            "<dl><dt>Term</dt><dd>Definition</dd></dl><pre>code  line</pre>"
            "<address>1 Main Street</address>"
            "<p><time datetime='2024-01-02'>2 January 2024</time></p>"
            "<table><caption>Table caption</caption><tr><th>Head</th><th>Cells</th></tr>"
            "<tr><td>a</td><td>b</td></tr></table><button>Load more</button>"
        )
    )
    assert [(b.text, b.hint) for b in blocks] == [
        ("One", "h1"),
        ("Two", "h2"),
        ("Three", "h3"),
        ("Four", "h4"),
        ("Five", "h4"),
        ("Six", "h4"),
        ("Item a", "li"),
        ("Item b", "li"),
        ("Quoted words", "quote"),
        ("Term", "dt"),
        ("Definition", "dd"),
        ("code line", "pre"),
        ("1 Main Street", "address"),
        ("2 January 2024", "time"),
        ("Table caption", "caption"),
        ("Head Cells", "td"),
        ("a b", "td"),
        ("Load more", "button"),
    ]


def test_container_hints_and_their_exceptions() -> None:
    blocks = segment(
        page(
            "<header><a href='/'>Site name</a></header>"
            "<nav><ul><li><a href='/a'>Section A</a></li></ul></nav>"
            "<main><article><header><h1>Headline</h1><p>By Someone</p></header>"
            f"<p>{LONG}</p><aside><h2>Box title</h2><p>Box text</p></aside></article></main>"
            "<div role='navigation'>Role nav</div><div role='contentinfo'>Role footer</div>"
            "<form><input name='q'><label>Search the site</label></form>"
            "<footer><p>Footer text</p></footer>"
        )
    )
    hints = {b.text: b.hint for b in blocks}
    assert hints["Site name"] == "header"
    assert hints["Section A"] == "nav"  # a list item in a nav is nav
    assert hints["Headline"] == "h1"
    assert hints["By Someone"] == ""  # the article's own header is not the site's banner
    assert hints["Box title"] == "h2"  # a heading keeps its own hint
    assert hints["Box text"] == "aside"
    assert hints["Role nav"] == "nav"
    assert hints["Role footer"] == "footer"
    assert hints["Search the site"] == "form"
    assert hints["Footer text"] == "footer"
    assert hints[LONG] == ""


def test_a_form_wrapping_the_whole_page_is_no_form_hint() -> None:
    paragraphs = "".join(f"<p>{LONG} {i}</p>" for i in range(4))
    blocks = segment(page(f"<form id='aspnetForm'><h1>Headline</h1>{paragraphs}</form>"))
    assert {b.hint for b in blocks} == {"h1", ""}


def test_blank_lines_around_paragraphs_not_between_items_or_rows() -> None:
    blocks = segment(
        page(
            "<p>Para one</p><p>Para two</p><ul><li>Item one</li><li>Item two</li></ul>"
            "<table><tr><td>Row one</td></tr><tr><td>Row two</td></tr></table><div>Div one</div>"
            "<div>Div two</div>"
        )
    )
    flags = {b.text: (b.blank_before, b.blank_after) for b in blocks}
    assert flags["Para one"] == (True, True)
    assert flags["Para two"] == (True, True)
    assert flags["Item one"] == (True, False)
    assert flags["Item two"] == (False, True)
    assert flags["Row one"][1] is False and flags["Row two"][0] is False
    assert flags["Div one"][1] is False and flags["Div two"] == (False, True)


def test_inline_elements_are_joined_with_spaces_like_html_text() -> None:
    blocks = segment(
        page(
            "<p><a href='/x'>Link</a><a href='/y'>Other</a> and <b>bold</b>, <i>italic</i>.</p>"
            "<p>(<span>bracketed</span>) text</p>"
            "<p><span class='dropcap'>O</span>nce upon a time, a drop cap started this.</p>"
        )
    )
    assert texts(blocks) == [
        "Link Other and bold, italic.",
        "(bracketed) text",
        "Once upon a time, a drop cap started this.",
    ]


def test_br_splits_a_block_and_double_br_is_a_paragraph_break() -> None:
    blocks = segment(fixture("nested.html"))
    first = by_text(blocks, "The operator said")
    second = by_text(blocks, "and half full")
    third = by_text(blocks, "Local hotels")
    assert first.n + 1 == second.n and second.n + 1 == third.n
    assert second.blank_before is False
    assert third.blank_before is True and second.blank_after is True


def test_body_text_in_nested_divs_without_paragraphs() -> None:
    blocks = segment(fixture("nested.html"))
    assert by_text(blocks, "The regional rail operator").hint == ""
    assert by_text(blocks, "Tickets go on sale").text.endswith("about twice as much.")
    assert [b.hint for b in blocks if b.text == "Night trains return to the valley"] == [
        "title",
        "h2",
    ]
    assert by_text(blocks, "Timetable:").text == "Timetable: Night train timetable"


def test_broken_markup_keeps_all_text_in_order() -> None:
    blocks = segment(fixture("broken.html"))
    joined = " ".join(texts(blocks))
    for words in (
        "Strong winds tore tiles",
        "Nobody was hurt",
        "rain but little wind",
        "First item",
        "Second item",
        "Monday Storm",
        "Tuesday Rain",
    ):
        assert words in joined
    assert (
        joined.index("Strong winds")
        < joined.index("Nobody was hurt")
        < joined.index("calmer conditions")
        < joined.index("First item")
    )


def test_hidden_and_invisible_content_is_dropped() -> None:
    blocks = segment(fixture("hidden.html"))
    joined = " | ".join(texts(blocks))
    for gone in (
        "style text",
        "script text",
        "enable JavaScript",
        "display none",
        "visibility hidden",
        "Hidden attribute",
        "Aria hidden",
        "hidden inline words",
        "Template text",
        "SVG",
        "Option one",
        "Option two",
        "Textarea text",
        "Iframe fallback",
        "JSON-LD text",
        "a comment",
        "echo",
    ):
        assert gone not in joined, gone
    assert "The visible paragraph stays, with only its visible words." in texts(blocks)
    assert "Text that a find-in-page search reveals." in texts(blocks)
    assert "The last visible paragraph." in texts(blocks)


def test_an_unclosed_element_inside_noscript_does_not_swallow_the_page() -> None:
    blocks = segment(page(f"<noscript><div class='warning'>Enable JS</noscript><p>{LONG}</p>"))
    assert texts(blocks) == [LONG]


@pytest.mark.parametrize(
    "before",
    [
        "<script>document.write('<noscript>');</script>",
        "<!-- <noscript> -->",
    ],
)
def test_a_noscript_tag_in_a_script_or_comment_hides_nothing(before: str) -> None:
    blocks = segment(page(f"{before}<p>{LONG}</p><noscript>Enable JS</noscript><p>End.</p>"))
    assert texts(blocks) == [LONG, "End."]


def test_entities_are_decoded_and_no_break_spaces_collapsed() -> None:
    blocks = segment(fixture("entities.html"))
    assert texts(blocks) == [
        "Café & thé : l’hiver",
        "Le café « Chez Léa » ouvre à 7 h 30 — même le dimanche & les jours fériés.",
        "Prix : 2,50 € le café, 3 € le thé <maison>.",
        "AT&T and R&D &unknownentity; stay as written.",
    ]
    assert all("\xa0" not in t for t in texts(blocks))


# --- figures, captions, credits ----------------------------------------------------------


def test_credit_inside_a_caption_becomes_its_own_block_after_the_caption() -> None:
    blocks = segment(fixture("figures.html"))
    caption = by_text(blocks, "The repaired bridge")
    credit = by_text(blocks, "Photo: Jonas Berg")
    assert credit.n == caption.n + 1
    assert caption.hint == credit.hint == "figcaption"
    assert caption.after_image is True and credit.after_image is False
    assert credit.blank_before is False


def test_credit_element_after_the_caption_in_a_figure() -> None:
    blocks = segment(fixture("figures.html"))
    caption = by_text(blocks, "Workers replaced")
    credit = by_text(blocks, "© Coastal Ledger archive")
    assert credit.n == caption.n + 1
    assert caption.hint == "figcaption" and credit.hint == "figcaption"
    assert caption.after_image is True


def test_captions_without_credit_and_caption_classes() -> None:
    blocks = segment(fixture("figures.html"))
    mayor = by_text(blocks, "The mayor cut a ribbon")  # wp-caption-text, no figure element
    assert mayor.hint == "figcaption" and mayor.after_image
    detour = by_text(blocks, "A map of the detour")
    assert detour.hint == "figcaption" and detour.after_image
    after = blocks[detour.n]  # the next block is body text again
    assert after.text.startswith("A second inspection") and after.hint == ""
    assert not after.after_image


def test_credit_before_the_caption_text_and_source_outside_captions() -> None:
    blocks = segment(
        page(
            "<figure><picture><img src='a.jpg'></picture><figcaption>"
            "<span class='image-source'>Quelle: Archiv</span><span class='bu'>Ein Bild.</span>"
            "</figcaption></figure>"
            f"<p>{LONG} <span class='source'>Reuters</span></p>"
        )
    )
    assert texts(blocks) == ["Ein Bild.", "Quelle: Archiv", f"{LONG} Reuters"]
    assert blocks[0].after_image and not blocks[1].after_image


def test_tracking_pixels_are_not_images() -> None:
    blocks = segment(page(f"<img src='t.gif' width='1' height='1'><p>{LONG}</p>"))
    assert blocks[0].after_image is False
    blocks = segment(page(f"<p><img src='photo.jpg'></p><p>{LONG}</p>"))
    assert blocks[0].after_image is True


# --- links -------------------------------------------------------------------------------


def test_related_links_are_absolute_against_the_canonical_url() -> None:
    blocks = segment(fixture("related.html"))
    related = [b for b in blocks if b.hint == "li"]
    assert [(link.text, link.url) for b in related for link in b.links] == [
        (
            "Förderverein sammelt Spenden für neue Regale",
            "https://www.kreisbote.example.de/lokales/bibliothek-foerderverein-98.html",
        ),
        (
            "Lesesommer endet mit Rekordbeteiligung",
            "https://www.kreisbote.example.de/kultur/lesesommer-2022-77.html",
        ),
        (
            "Schulen warten weiter auf Tablets",
            "https://www.kreisbote.example.de/lokales/schulen-digital-55.html",
        ),
    ]
    assert all(b.link_chars == len(b.text) for b in related)


def test_links_resolve_against_base_href() -> None:
    blocks = segment(fixture("no_doctype.html"))
    urls = [link.url for b in blocks for link in b.links]
    assert urls == [
        "https://news.example.org/city/2024/cycle-lanes-plan.html",
        "https://news.example.org/topics/spring",
        "https://other.example.com/report",
        "https://news.example.org/city/2024/#comments",
    ]
    share = by_text(blocks, "Share")  # javascript: leads nowhere: no link, but link text
    assert share.links == () and share.link_chars == len("Share")


def test_the_url_option_wins_over_the_page() -> None:
    blocks = segment(fixture("no_doctype.html"), base_url="https://mirror.example.net/a/b.html")
    assert blocks[2].links[0].url == "https://mirror.example.net/a/cycle-lanes-plan.html"
    _, meta = html.segment_html(
        fixture("no_doctype.html"), Options(base_url="https://mirror.example.net/a/b.html")
    )
    assert meta is not None and meta.url == "https://mirror.example.net/a/b.html"


def test_relative_base_href_resolves_against_canonical_then_og_url() -> None:
    body = "<p><a href='page.html'>A link in a paragraph</a></p>"
    canonical = "<link rel='canonical' href='https://site.example/x/y/index.html'>"
    blocks = segment(page(body, "<base href='sub/'>" + canonical))
    assert blocks[0].links[0].url == "https://site.example/x/y/sub/page.html"
    blocks = segment(page(body, "<meta property='og:url' content='https://og.example/p/q'>"))
    assert blocks[0].links[0].url == "https://og.example/p/page.html"
    blocks = segment(page(body))
    assert blocks[0].links[0].url == "page.html"  # nothing to resolve against


def test_link_chars_and_a_link_around_blocks() -> None:
    blocks = segment(
        page(
            "<p>Read <a href='/more'>the full story</a> here.</p>"
            "<a href='/teaser'><h3>Teaser headline</h3><p>Teaser text</p></a>"
        )
    )
    assert blocks[0].link_chars == len("the full story")
    assert [(link.text, link.url) for b in blocks[1:] for link in b.links] == [
        ("Teaser headline", "/teaser"),
        ("Teaser text", "/teaser"),
    ]
    assert [b.hint for b in blocks[1:]] == ["h3", ""]


# --- main content (trafilatura) ----------------------------------------------------------


def test_in_main_marks_blatant_cases() -> None:
    blocks = segment(fixture("related.html"))
    assert by_text(blocks, "Die Stadtbibliothek öffnet").in_main is True
    assert by_text(blocks, "Außerdem soll der Lesesaal").in_main is True
    assert by_text(blocks, "Lokales").in_main is False
    assert by_text(blocks, "© 2022 Kreisbote Verlag").in_main is False
    assert all(b.in_main is not None for b in blocks)


def test_main_flags_short_texts_need_a_line_or_the_neighbourhood() -> None:
    main = (
        "Headline here\nA long first paragraph of the article, with words in it.\nSub\n"
        "Another paragraph mentions Home and Sport in passing, far from the start."
    )
    flags = html.main_flags(
        [
            "Home",
            "Headline here",
            "A long first paragraph of the article, with words in it.",
            "Sub",
            "Another paragraph mentions Home and Sport in passing, far from the start.",
            "Sport",
            "A LONG  first paragraph of the article,with words in it.",
        ],
        main,
    )
    assert flags == [False, True, True, True, True, False, True]


def test_main_flags_long_texts_match_by_shingles() -> None:
    main = "one two three four five six seven eight nine ten eleven twelve"
    assert html.main_flags(
        ["one two three four five six seven eight nine ten eleven XX"], main
    ) == [True]
    assert html.main_flags(["one two three four five but then other words follow on"], main) == [
        False
    ]


def test_trafilatura_does_not_change_our_tree() -> None:
    from lxml import etree

    root = html.parse(fixture("figures.html"))
    before = etree.tostring(root)
    assert html._main_text(root, None)
    assert html._markup_metadata(root, None) is not None
    assert etree.tostring(root) == before


def test_an_extractor_failure_leaves_in_main_unknown(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    def broken(*args: object, **kwargs: object) -> None:
        raise IndexError("extractor bug")

    monkeypatch.setattr(trafilatura, "bare_extraction", broken)
    blocks = segment(fixture("related.html"))
    assert len(blocks) > 5 and all(b.in_main is None for b in blocks)


# --- metadata ----------------------------------------------------------------------------


def test_metadata_from_the_markup() -> None:
    _, meta = html.segment_html(fixture("figures.html"), Options())
    assert meta is not None
    assert meta.authors == ("Maria Olsen",)
    assert meta.date == "2023-06-14"
    assert meta.language == "en"
    assert meta.site_name == "The Coastal Ledger"
    assert meta.url == "https://ledger.example.com/local/2023/harbour-bridge-reopens"
    assert meta.title


def test_authors_split_on_semicolons_and_language_from_lang() -> None:
    head = (
        "<meta name='author' content='Anna Muster; Ben Beispiel'>"
        "<meta name='date' content='2021-05-06'>"
    )
    doc = f"<!DOCTYPE html><html lang='de-AT'><head>{head}</head><body><p>{LONG}</p></body></html>"
    _, meta = html.segment_html(doc, Options())
    assert meta is not None
    assert meta.authors == ("Anna Muster", "Ben Beispiel")
    assert meta.date == "2021-05-06"
    assert meta.language == "de"


def test_page_language_sources() -> None:
    assert html.page_language(html.parse(page("<p>x</p>"))) is None
    root = html.parse(page("<p>x</p>", "<meta http-equiv='content-language' content='fr-CA'>"))
    assert html.page_language(root) == "fr"
    root = html.parse(page("<p>x</p>", "<meta property='og:locale' content='pl_PL'>"))
    assert html.page_language(root) == "pl"


def test_markup_metadata_fills_what_the_text_lacks() -> None:
    article = newsclean.clean(fixture("figures.html").encode("utf-8"))
    assert article.date is not None and article.language == "en"
    assert article.authors  # from the byline or, failing that, the meta author


_UNDATED_STORY = (
    "<html><head><title>Council agrees plan</title></head><body><h1>Council agrees plan</h1>"
    "<p>" + "The council met on a rainy evening and agreed to the plan after a debate. " * 4
)


def test_a_date_neither_markup_nor_text_gives_is_searched_deeper() -> None:
    # only a permalink carries the date: the markup search misses it, the deep one finds it
    page = _UNDATED_STORY + '</p><a href="https://example.org/2021/03/05/plan/">Permalink</a>'
    assert newsclean.clean(page, newsclean.Options(input_format="html")).date == "2021-03-05"


def test_the_deep_date_search_refuses_a_year_alone() -> None:
    page = _UNDATED_STORY + "</p><footer><p>Copyright 2019 The Paper</p></footer>"
    # htmldate reads the copyright year as 1 January 2019; a year is no article date
    assert newsclean.clean(page, newsclean.Options(input_format="html")).date is None


def test_the_deep_date_search_runs_only_when_no_date_was_found(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls: list[str | None] = []
    monkeypatch.setattr(html, "_deep_date", lambda root, url: calls.append(url) or "2000-02-02")
    dated = fixture("figures.html").encode("utf-8")  # has a date in its markup
    assert newsclean.clean(dated).date != "2000-02-02" and calls == []
    page = _UNDATED_STORY + "</p></body></html>"
    assert newsclean.clean(page, newsclean.Options(input_format="html")).date == "2000-02-02"
    assert len(calls) == 1


# --- the headline from HTML ---------------------------------------------------------------

_STORY = "<p>" + LONG + "</p><p>" + LONG + "</p><p>" + LONG + "</p>"


def _clean_html(doc: str) -> newsclean.Article:
    return newsclean.clean(doc, newsclean.Options(input_format="html"))


def test_the_declared_title_finds_the_headline_line_over_a_section_h1() -> None:
    # the h1 names the blog, the og:title names the post; the post's heading repeats it
    body = "<h1>Garden Notes</h1><p>Home</p><h3>Spring Planting Begins Early</h3>" + _STORY
    assert _clean_html(page(body)).title == "Garden Notes"
    declared = "<meta property='og:title' content='Spring Planting Begins Early'>"
    assert _clean_html(page(body, declared)).title == "Spring Planting Begins Early"


def test_a_declared_title_read_from_the_h1_is_no_declaration() -> None:
    # without meta tags, trafilatura's fallback reads the h1: it must not outrank <title>
    assert html.segment_html(page("<h1>Garden Notes</h1>" + _STORY), Options())[1] is not None
    meta = html.segment_html(page("<h1>Garden Notes</h1>" + _STORY), Options())[1]
    assert meta is not None and meta.declared_title is None and meta.title == "Garden Notes"


def test_the_declared_title_when_no_line_repeats_it_and_no_h1() -> None:
    doc = page(
        "<p>Subscribe</p><p>Weather warnings for the weekend</p>" + _STORY,
        "<title>Daily Courier</title>"
        "<meta property='og:title' content='Storm reaches the coast | Daily Courier'>",
    )
    assert _clean_html(doc).title == "Storm reaches the coast"


def test_a_stuffed_declared_title_is_no_headline() -> None:
    stuffed = " ".join(f"keyword{i}" for i in range(1000))
    doc = page(
        "<p>Subscribe</p><p>Weather warnings for the weekend</p>" + _STORY,
        f"<title>Daily Courier</title><meta property='og:title' content='{stuffed}'>",
    )
    title = _clean_html(doc).title
    assert title is None or len(title.split()) <= 40


def test_an_h1_below_the_lead_picture_is_the_headline_not_a_caption() -> None:
    doc = page(
        "<img src='lead.jpg' alt=''><h1>Storm reaches the coast overnight</h1>" + _STORY,
        "<title>Storm reaches the coast overnight</title>",
    )
    article = _clean_html(doc)
    assert article.title == "Storm reaches the coast overnight"
    assert not article.captions


def test_the_page_title_line_is_never_article_text() -> None:
    # a <title> that says the headline twice reads like a line of the text run below it
    items = "".join(f"<p>+ Added {w} stone blocks, with smooth versions</p>" for w in "ABCDEFGH")
    doc = page(
        "<h1>Update News</h1><p>Powered by Blogs</p><h3>Gardener 2.5 - The Spring Update</h3>"
        + items,
        "<title>Gardener 2.5 - The Spring Update - Gardener 2.5 - The Spring Update"
        " - Gardener Update News</title>",
    )
    article = _clean_html(doc)
    assert article.lines[0].label is not newsclean.Label.BODY
    assert article.body and article.body[0].startswith("+ Added")


def test_a_theme_class_naming_captions_on_the_body_makes_no_caption() -> None:
    doc = page(
        "<h1>Council agrees plan</h1>" + _STORY,
    ).replace("<body>", "<body class='single mh-loop-hide-caption'>")
    blocks = segment(doc)
    assert [b.hint for b in blocks if b.text.startswith("This paragraph")] == ["", "", ""]
    assert _clean_html(doc).captions == ()


def test_a_teaser_box_inside_the_article_does_not_swallow_the_sections_after_it() -> None:
    para = (
        "The tablets are taken twice a day for five days, and each pack holds one course, so "
        "patients can take them at home when no hospital stay is needed."
    )
    doc = page(
        "<article><h1>How the new pill works</h1>"
        + _STORY
        + "<aside><p>Read more</p><p><a href='/omicron'>How dangerous is the new variant "
        "really</a></p></aside>"
        + "<h3>Dose and effect of the pill</h3>"
        + f"<p>{para}</p><p>{para.replace('tablets', 'pills')}</p>"
        + "<h3>Who should take the pill</h3>"
        + f"<p>{para.replace('patients', 'adults')}</p>"
        + _STORY
        + "</article>",
        "<title>How the new pill works</title>",
    )
    article = _clean_html(doc)
    assert [r.title for r in article.related] == ["How dangerous is the new variant really"]
    assert para in article.body and "Who should take the pill" in article.body


def test_share_buttons_after_the_text_are_no_related_links() -> None:
    shares = "".join(
        f"<li><a href='https://share.example/{k}'>Click to {verb} (opens in new window)</a>"
        for k, verb in enumerate(
            ("email this story to a friend", "print this story for later", "tweet this story")
        )
    )
    teasers = "".join(
        f"<li><a href='/news/{k}'>{t}</a></li>"
        for k, t in enumerate(
            ("Facebook buys a small messaging company", "Council agrees the new harbour plan")
        )
    )
    doc = page(
        "<article><h1>The small phone returns</h1>"
        + _STORY
        + f"<ul>{shares}</ul></article><ul>{teasers}</ul>",
        "<title>The small phone returns</title>",
    )
    related = [r.title for r in _clean_html(doc).related]
    assert related == [
        "Facebook buys a small messaging company",
        "Council agrees the new harbour plan",
    ]


@pytest.mark.parametrize("kicker_class", ["dachzeile", "article-header__roofline", "overline"])
def test_a_kicker_inside_the_h1_is_its_own_line_and_not_the_headline(kicker_class: str) -> None:
    doc = page(
        f"<h1><span class='{kicker_class}'>Interne Unterlagen im Netz</span> "
        "<span class='headline'>Daten von Rheinmetall gehackt</span></h1>" + _STORY,
        "<title>Interne Unterlagen im Netz: Daten von Rheinmetall gehackt</title>",
    )
    blocks = segment(doc)
    assert [(b.hint, b.text) for b in blocks[1:3]] == [
        ("", "Interne Unterlagen im Netz"),
        ("h1", "Daten von Rheinmetall gehackt"),
    ]
    assert _clean_html(doc).title == "Daten von Rheinmetall gehackt"


def test_a_kicker_class_around_the_headline_leaves_it_the_heading() -> None:
    doc = page("<div class='topline'><h1>Daten von Rheinmetall gehackt</h1></div>" + _STORY)
    assert [(b.hint, b.text) for b in segment(doc)[:1]] == [("h1", "Daten von Rheinmetall gehackt")]


# --- hostile input -----------------------------------------------------------------------


def test_deep_nesting_is_refused_quickly() -> None:
    depth = 100_000
    doc = "<html><body>" + "<div>" * depth + "deep" + "</div>" * depth + "</body></html>"
    with pytest.raises(UnparseableInputError, match="deep"):
        html.segment_html(doc, Options())


def test_nesting_past_libxml2s_default_limit_is_parsed() -> None:
    depth = 400  # libxml2 stops at 256 levels without its huge option
    doc = page("<div>" * depth + f"<p>{LONG}</p>" + "</div>" * depth + "<p>After the nest</p>")
    assert texts(segment(doc)) == [LONG, "After the nest"]


def test_external_entities_and_entity_bombs_are_not_expanded() -> None:
    xxe = (
        '<?xml version="1.0"?>\n<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
        f"<html><body><p>Before &xxe; after. {LONG}</p></body></html>"
    )
    blocks = segment(xxe)
    assert texts(blocks) == [f"Before &xxe; after. {LONG}"]
    assert "root:" not in " ".join(texts(blocks))
    entities = ['<!ENTITY a "aaaaaaaaaa">'] + [
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    ]
    bomb = f"<!DOCTYPE html [{''.join(entities)}]><html><body><p>Laughs: &j; end.</p></body></html>"
    assert texts(segment(bomb)) == ["Laughs: &j; end."]


def test_huge_attributes_and_text_nodes() -> None:
    big = "x" * 11_000_000  # above libxml2's 10 MB limit for one node without its huge option
    doc = page(
        f"<p>Before</p><p title=\"{big}\">Inside</p><img src='data:{big[:200_000]}'><p>After</p>"
    )
    assert texts(segment(doc)) == ["Before", "Inside", "After"]
    words = "word " * 2_200_000
    blocks = segment(page(f"<p>Before</p><p>{words}</p><p>After</p>"))
    assert texts(blocks)[0] == "Before" and texts(blocks)[-1] == "After"
    assert len(blocks[1].text) == len(words) - 1


@pytest.mark.parametrize(
    "doc",
    [
        "<html><head><script>var a = 1;</script></head>"
        "<body><script>alert(1)</script></body></html>",
        "<html><head><title>Only a title</title></head><body></body></html>",
        "<html><body><div hidden><p>Hidden only</p></div><style>p {}</style></body></html>",
        "<html></html>",
        "<!-- only a comment -->",
    ],
)
def test_pages_without_text_are_refused(doc: str) -> None:
    with pytest.raises(UnparseableInputError) as info:
        html.segment_html(doc, Options())
    assert info.value.exit_code == EXIT_UNPARSEABLE
    assert "\n" not in str(info.value)


def test_too_many_tags_are_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html, "MAX_TAGS", 50)
    with pytest.raises(UnparseableInputError, match="tags"):
        html.segment_html(page("<b>x</b>" * 30), Options())


def test_clean_reports_an_unparseable_page_as_a_typed_error() -> None:
    with pytest.raises(UnparseableInputError):
        newsclean.clean(b"<!DOCTYPE html><html><body><script>x()</script></body></html>")


def test_cli_gives_one_line_and_exit_code_for_a_script_only_page(tmp_path: Path) -> None:
    path = tmp_path / "scripts.html"
    path.write_text("<!DOCTYPE html><html><body><script>x()</script></body></html>")
    result = subprocess.run(
        [sys.executable, "-m", "newsclean", "clean", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == EXIT_UNPARSEABLE
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_cli_reads_html_with_url_and_input_format(tmp_path: Path) -> None:
    path = tmp_path / "page.txt"  # the extension says nothing; --input-format does
    path.write_text(fixture("no_doctype.html"), encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "newsclean",
            "clean",
            "--input-format",
            "html",
            "--format",
            "json",
            "--url",
            "https://mirror.example.net/a/",
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["source"]["format"] == "html"


# --- imports -----------------------------------------------------------------------------


def test_text_input_does_not_import_lxml_or_trafilatura() -> None:
    code = (
        "import sys, newsclean\n"
        "newsclean.clean(b'A plain text page.\\n\\nWith a paragraph of words, and another one.')\n"
        "newsclean.clean(b'# A Markdown page\\n\\nWith [a link](https://example.org/).')\n"
        "bad = [m for m in ('lxml', 'trafilatura', 'htmldate', 'justext') if m in sys.modules]\n"
        "assert not bad, bad\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr


# --- properties --------------------------------------------------------------------------

_TAGS = (
    "p",
    "div",
    "span",
    "a",
    "b",
    "li",
    "ul",
    "h2",
    "td",
    "tr",
    "table",
    "figure",
    "figcaption",
    "nav",
    "br",
    "img",
    "script",
    "section",
    "blockquote",
    "noscript",
)


def _markup() -> Any:
    from hypothesis import strategies as st

    words = st.sampled_from(
        ["alpha", "beta", "Gamma", "delta,", "(eps)", "zeta.", "&amp;", "&nbsp;", "é", "  ", "\n"]
    )
    opening = st.builds(
        lambda tag, cls: f"<{tag} class='{cls}'>" if cls else f"<{tag}>",
        st.sampled_from(_TAGS),
        st.sampled_from(["", "caption", "credit", "x"]),
    )
    closing = st.sampled_from(_TAGS).map(lambda tag: f"</{tag}>")
    return st.lists(st.one_of(words, opening, closing), max_size=60).map("".join)


def test_any_markup_gives_blocks_from_the_page_or_a_typed_error() -> None:
    from hypothesis import HealthCheck, given, settings

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(_markup())
    def check(body: str) -> None:
        doc = page(body)
        try:
            blocks = segment(doc)
        except UnparseableInputError:
            return
        assert [b.n for b in blocks] == list(range(1, len(blocks) + 1))
        # the page's characters without its tags: every word of a block comes from there
        plain = re.sub(r"<[^>]*>", "", doc).replace("&amp;", "&").replace("&nbsp;", " ")
        for b in blocks:
            assert b.text and b.text == " ".join(b.text.split())
            assert b.hint in HINTS
            assert 0 <= b.link_chars <= len(b.text)
            for word in b.text.replace("(", " ").replace(")", " ").split():
                assert word.strip(",.") in plain
        assert segment(doc) == blocks  # deterministic

    check()


def test_the_deep_date_search_is_skipped_on_huge_pages(monkeypatch: pytest.MonkeyPatch) -> None:
    # it costs about half a second per megabyte: bounded like the other HTML work
    page = _UNDATED_STORY + '</p><a href="https://example.org/2021/03/05/plan/">Permalink</a>'
    monkeypatch.setattr(html, "DEEP_DATE_MAX_CHARS", len(page) - 1)
    assert newsclean.clean(page, newsclean.Options(input_format="html")).date is None


_LD_PARAS = [
    "Residents of the small harbour town voted on Sunday to keep the wooden ferry that "
    "has crossed the bay since 1962, rejecting a plan to replace it with a bridge.",
    "The council had argued that repairs were becoming too expensive, but more than two "
    "thirds of voters backed the campaign to save the boat and its crew of four.",
    "The ferry will now be overhauled over the winter at a yard further up the coast, "
    "and the council expects it back in service by the start of the summer season.",
    "Campaigners said they would raise money for the repairs themselves if the council "
    "could not find it, and a first concert for the boat is planned for next month.",
]


def _ld_page(visible: list[str], body: str, extra: str = "") -> str:
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@graph": [
                {
                    "@type": "NewsArticle",
                    "headline": "Harbour town keeps its ferry",
                    "articleBody": body,
                }
            ],
        }
    )
    paras = "".join(f"<p>{p}</p>" for p in visible)
    return (
        f"<html><head><title>Harbour town keeps its ferry</title>"
        f'<script type="application/ld+json">{ld}</script>{extra}</head>'
        f"<body><nav><a href='/'>Home</a></nav><h1>Harbour town keeps its ferry</h1>"
        f"<article>{paras}</article><footer>Contact</footer></body></html>"
    )


def test_a_page_showing_little_of_its_article_takes_its_json_ld_text() -> None:
    # the page shows only a teaser; scripts would fill in the rest
    body = "<p>" + "</p><p>".join(_LD_PARAS * 2) + "</p>"
    article = _clean_html(_ld_page(["Residents voted to keep the ferry."], body))
    assert article.body == tuple(_LD_PARAS * 2)
    assert not any(ln.label.value == "body" for ln in article.lines)
    assert any("JSON-LD" in ln.reason for ln in article.lines)


def test_a_page_showing_its_article_keeps_its_own_lines() -> None:
    longer = " ".join(_LD_PARAS * 4)
    article = _clean_html(_ld_page(_LD_PARAS, longer))
    assert article.body == tuple(_LD_PARAS)


@pytest.mark.parametrize(
    "script",
    [
        '<script type="application/ld+json">{"articleBody": </script>',  # broken JSON
        '<script type="application/ld+json">[[[[[[[[[[{"articleBody": "deep"}]]]]]]]]]]</script>',
        # nested past the JSON parser's recursion limit: skipped, not a crash
        '<script type="application/ld+json">{"articleBody": "x", "a": '
        + "[" * 200_000
        + "]" * 200_000
        + "}</script>",
    ],
    ids=["broken", "deep", "past-the-recursion-limit"],
)
def test_broken_or_deep_json_ld_is_ignored(script: str) -> None:
    page = (
        f"<html><head>{script}</head><body><p>{_LD_PARAS[0]}</p><p>{_LD_PARAS[1]}</p></body></html>"
    )
    assert html.ld_article_body(html.parse(page)) == ()
    assert _clean_html(page).body == tuple(_LD_PARAS[:2])


def test_words_around_a_noscript_section_stay_apart() -> None:
    blocks = segment(page("<p>Berlin<noscript><img src='pixel.gif'></noscript>Mitte</p>"))
    assert [b.text for b in blocks] == ["Berlin Mitte"]
