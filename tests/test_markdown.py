"""Markdown scrapes as converters write them: link targets, labels over several
lines, soft-wrapped paragraphs."""

from __future__ import annotations

import pytest

import newsclean
from newsclean import Options
from newsclean.segment import segment_markdown


def _texts(page: str) -> list[tuple[int, str]]:
    return [(b.n, b.text) for b in segment_markdown(page, "https://example.com/news/")]


@pytest.mark.parametrize(
    ("line", "text", "url"),
    [
        # an address holding parentheses
        (
            "See [Mercury](https://en.wikipedia.org/wiki/Mercury_(planet)) here.",
            "See Mercury here.",
            "https://en.wikipedia.org/wiki/Mercury_(planet)",
        ),
        # a script's address with spaces
        ("[Back to the list](javascript: history.back();)", "Back to the list", None),
        # an address copied from the markup with its spaces
        ("[Ana Ruiz](/autores/Ana Ruiz/)", "Ana Ruiz", "https://example.com/autores/Ana Ruiz/"),
        # a link around an inline picture whose data address holds spaces and quotes
        (
            '[![](data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" '
            'viewBox="0 0 60 60"%3E%3C/svg%3E)**Ana Ruiz** (Redakteurin)](/autoren/ana)',
            "Ana Ruiz (Redakteurin)",
            "https://example.com/autoren/ana",
        ),
        # a title holding escaped quotes
        (
            '[The "quoted" story](/a/b "\\"The quoted\\" story")',
            'The "quoted" story',
            "https://example.com/a/b",
        ),
        # a script of several calls, one of them holding a call of its own
        (
            "[A](javascript:setSize('text', 'small');javascript:menu(1, function() {}); \"Small\")",
            "A",
            None,
        ),
        # an image server's address with several pairs of parentheses, around a picture
        (
            "[![Dune](https://img.example.com/x/filters:focal(0x0:40x40):no_upscale()/dune.jpg)"
            " Dune](/films/dune)",
            "Dune",
            "https://example.com/films/dune",
        ),
        # a label holding brackets: a note's number, a tag in a headline
        ("[[12]](#note-12)", "[12]", "https://example.com/news/#note-12"),
        ("[Winter coats [Advert]](/shop/coats)", "Winter coats [Advert]", None),
    ],
)
def test_link_targets_converters_write(line: str, text: str, url: str | None) -> None:
    (block,) = segment_markdown(line + "\n", "https://example.com/news/")
    assert block.text == text
    assert [link.text for link in block.links] in (["Mercury"], [text])
    if url is not None:
        assert block.links[0].url == url


def test_an_image_with_a_title_and_no_address_leaves_no_markup() -> None:
    page = 'Intro.\n\n[![The minister, photo: archive]( "The minister")](/people/minister)\n'
    assert _texts(page) == [(1, "Intro.")]


def test_a_link_label_over_several_lines_is_one_line() -> None:
    page = (
        "* [![HSC Coburg](https://example.com/logo.png)\n"
        "\n"
        "  HSC Coburg](/teams/hsc-coburg/)\n"
        "* [TuSEM Essen](/teams/tusem/)\n"
    )
    blocks = segment_markdown(page, "https://example.com/")
    assert [(b.n, b.text) for b in blocks] == [(1, "HSC Coburg"), (4, "TuSEM Essen")]
    assert blocks[0].links[0].url == "https://example.com/teams/hsc-coburg/"
    assert blocks[0].link_chars == len("HSC Coburg")


def test_a_split_label_over_text_lines_is_a_link_on_each() -> None:
    """A link around a picture, a heading and a headline: each line that holds text is a
    link to the address, and keeps its heading mark."""
    page = "[![](/a.jpg)\n\n## Related\n\n### The other story](/other)\n\nText after it.\n"
    blocks = segment_markdown(page, "https://example.com/")
    assert [(b.n, b.text, b.hint) for b in blocks] == [
        (3, "Related", "h2"),
        (5, "The other story", "h3"),
        (7, "Text after it.", ""),
    ]
    assert blocks[0].after_image
    assert [link.url for b in blocks[:2] for link in b.links] == ["https://example.com/other"] * 2


def test_a_soft_wrapped_paragraph_is_one_line() -> None:
    page = (
        "# Title\n\n"
        "In mid-January the service\n"
        "[rolled out](https://example.com/update)\n"
        "an update to its maps.\n\n"
        "A line with a hard break  \n"
        "and the line after it.\n\n"
        "* an item\n"
        "* another item\n\n"
        "• a bullet\n"
        "• another bullet\n"
    )
    blocks = segment_markdown(page, None)
    assert [(b.n, b.text) for b in blocks] == [
        (1, "Title"),
        (3, "In mid-January the service rolled out an update to its maps."),
        (7, "A line with a hard break"),
        (8, "and the line after it."),
        (10, "an item"),
        (11, "another item"),
        (13, "a bullet"),
        (14, "another bullet"),
    ]
    wrapped = blocks[1]
    assert wrapped.blank_before and wrapped.blank_after
    assert not blocks[4].blank_after and not blocks[5].blank_before  # list items touch


def test_a_setext_heading_over_two_lines_is_one_heading() -> None:
    blocks = segment_markdown("Intro.\n\nThe title of\nthe story\n=========\n\nText.\n", None)
    assert [(b.text, b.hint) for b in blocks] == [
        ("Intro.", ""),
        ("The title of the story", "h1"),
        ("Text.", ""),
    ]


def test_a_scrape_written_one_block_a_line_keeps_its_lines() -> None:
    """Without blank lines between its blocks, a text is not read as wrapped paragraphs."""
    page = "".join(f"Line number {k} of a menu or a text\n" for k in range(1, 21))
    page += "[Home](/)\n[News](/news)\n"
    assert len(segment_markdown(page, None)) == 22


def test_a_wrapped_article_reads_as_its_paragraphs() -> None:
    paragraph = (
        "The council voted on Tuesday to keep the old ferry running for another ten\n"
        "years, after a debate that lasted most of the afternoon and ended with a\n"
        "clear majority for the plan put forward by the harbour master.\n\n"
    )
    page = "# Harbour town keeps its ferry\n\n" + paragraph * 4 + "[Share](/share)\n"
    article = newsclean.clean(page, Options(input_format="markdown"))
    assert article.title == "Harbour town keeps its ferry"
    assert len(article.body) == 4
    assert article.body[0].startswith("The council voted") and article.body[0].endswith("master.")
    assert [line.n for line in article.lines if line.text in article.body] == [3, 7, 11, 15]


_BLOG = """# Harbour Notes

* [Home](/)
* [About](/about)
* [Archive](/archive)

## The old ferry will keep running for ten more years

Posted on 3 March 2024 by Anna Berg

The council voted on Tuesday to keep the old ferry running for another ten years, after a \
debate that lasted most of the afternoon.

The harbour master had asked for the vote after the ferry's engine was repaired last \
winter, at a cost the town called reasonable.

Passengers welcomed the decision, saying the crossing was the quickest way to reach the \
market on the other side of the bay.

[Leave a comment](/comments)
"""


def test_a_blogs_site_name_h1_gives_way_to_the_ranked_headline() -> None:
    """Without a page title to compare with, a site's name set as h1 above the menu is not
    the headline when a confidently ranked headline stands between it and the text."""
    article = newsclean.clean(_BLOG, Options(input_format="markdown"))
    assert article.title == "The old ferry will keep running for ten more years"
    assert article.authors == ("Anna Berg",)
    # the same page under its own h1 keeps that h1
    own = _BLOG.replace("## The old ferry", "# The old ferry").replace("# Harbour Notes\n", "")
    article = newsclean.clean(own, Options(input_format="markdown"))
    assert article.title == "The old ferry will keep running for ten more years"
    reasons = [line.reason for line in article.lines if line.label.value == "title"]
    assert reasons == ["title: the page's h1"]


def test_a_picture_line_stands_apart_from_the_caption_below_it() -> None:
    page = (
        "Intro paragraph of the story.\n\n"
        "![The new reading room](https://example.org/room.jpg)\n"
        "The new reading room on the first floor. Photo: Tim Krause\n\n"
        "The library reopened on Monday after two years of building work.\n"
    )
    blocks = segment_markdown(page, None)
    assert [(b.n, b.text, b.after_image) for b in blocks] == [
        (1, "Intro paragraph of the story.", False),
        (4, "The new reading room on the first floor. Photo: Tim Krause", True),
        (6, "The library reopened on Monday after two years of building work.", False),
    ]


@pytest.mark.parametrize(
    ("h1", "site"),
    [
        ("# [Harbour Notes from the Bay](https://harbour.example/)", True),  # links home
        ("# Harbour Notes from the Bay", False),  # long, and linking nowhere: kept
    ],
)
def test_only_an_h1_that_may_name_the_site_gives_way(h1: str, site: bool) -> None:
    page = _BLOG.replace("# Harbour Notes", h1, 1)
    article = newsclean.clean(page, Options(input_format="markdown"))
    expected = "The old ferry will keep running for ten more years"
    assert (article.title == expected) is site


def test_a_code_listing_between_paragraphs_is_part_of_the_text() -> None:
    intro = (
        "Version control lets a team keep every change to its files, and the tool we "
        "look at today makes sharing those changes between machines simple and safe."
    )
    setup = "First create a repository for the project and tell the tool who you are:"
    more = (
        "To share the work, push it to a server your team can reach; the others pull the "
        "changes from there and merge them into their own copies of the repository."
    )
    after = (
        "Every commit you make from now on records your name, and the history of the "
        "project can be read back at any time with the log command shown above."
    )
    listing = [
        "$ hg init public",
        "$ cd public",
        "[ui]",
        "username = Anna Berg",
        "[phases]",
        "publish = false",
        "[extensions]",
        "evolve =",
    ]
    head = "\n\n".join(["# Sharing changes", "[Home](/) [Blog](/blog)", intro, setup])
    tail = "\n\n".join([more, after, "[Imprint](/imprint)"])
    page = head + "\n\n```\n" + "\n".join(listing) + "\n```\n\n" + tail + "\n"
    article = newsclean.clean(page, Options(input_format="markdown"))
    assert [line for line in listing if line not in article.body] == []
    assert article.body[-1] == after and "Imprint" not in article.body
    # the listing's lines are text, not subheadings
    assert {ln.label.value for ln in article.lines if ln.text in listing} == {"body"}


def test_a_layout_table_written_as_one_row_is_read_cell_by_cell() -> None:
    # a converter writes a page laid out in nested tables as one table row: the menu,
    # the article's paragraphs (runs of spaces between them) and the footer are cells
    paragraphs = [
        (
            f"The harbour council met on {day} to decide on the future of the old "
            "ferry, and after a long debate the members agreed that the boat would "
            "stay in service for at least another ten years, with a new engine."
        )
        for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
    ]
    menu = " | ".join(f"[{item}](/{item.lower()})" for item in ("News", "Sport", "Weather"))
    row = (
        "| | "
        + menu
        + " | | --- | --- | | **Ferry stays in service**   "
        + "   ".join(paragraphs)
        + " | | --- | | [Imprint](/imprint) | [Privacy](/privacy) |"
    )
    blocks = segment_markdown(row + "\n")
    assert {b.n for b in blocks} == {1}
    texts = [b.text for b in blocks]
    assert texts[:3] == ["News", "Sport", "Weather"]
    assert all(p in texts for p in paragraphs) and "---" not in texts
    body = newsclean.clean(row + "\n", Options(input_format="markdown")).body
    assert [p for p in paragraphs if p not in body] == []
    assert not {"News", "Imprint", "Privacy"} & set(body)


def test_a_short_table_row_stays_one_block() -> None:
    (block,) = segment_markdown("| Berlin | 3.7 million | capital |\n")
    assert block.text == "Berlin 3.7 million capital"


def test_a_word_glued_to_the_link_after_it_is_set_apart() -> None:
    # converters drop the space between a word and a link: "von[Name](...)"
    assert _texts("Veröffentlicht von[Chris Jung](/autor/cj) am 28. Februar\n") == [
        (1, "Veröffentlicht von Chris Jung am 28. Februar")
    ]
    # ... and between a link and the word after it: "...](/date)Author"
    assert _texts("Posted on[28. Juli 2019](/d/)Author[Ana Ruiz](/a/) here\n") == [
        (1, "Posted on 28. Juli 2019 Author Ana Ruiz here")
    ]
    # ... and between two links run together, as in a breadcrumb trail
    assert _texts("[Home](/)[News](/n)[2024](/y)\n") == [(1, "Home News 2024")]
    # a link inside a word stays as written
    assert _texts("the [iPhone](/p)s and e-[mail](/m), [UK](/uk)[s](/s)\n") == [
        (1, "the iPhones and e-mail, UKs")
    ]


def test_a_heading_inside_a_link_is_a_heading() -> None:
    (block,) = segment_markdown("[## Ursula Weber](/autor/ursula-weber)\n")
    assert (block.text, block.hint) == ("Ursula Weber", "h2")
    assert block.links[0].text == "Ursula Weber"


@pytest.mark.parametrize(
    ("byline", "author"),
    [
        ("Artikel von\nAlexa von Heyden", "Alexa von Heyden"),
        ("Evgenia Karp\n Zuletzt geändert am 06.11.2023", "Evgenia Karp"),
    ],
)
def test_the_byline_under_the_authors_picture_is_no_caption(byline: str, author: str) -> None:
    paragraphs = [
        "Die Einwohner der kleinen Hafenstadt haben am Sonntag beschlossen, die alte "
        "Holzfähre zu behalten, die seit 1962 über die Bucht fährt.",
        "Der Gemeinderat hatte argumentiert, die Reparaturen würden zu teuer, doch mehr "
        "als zwei Drittel der Wähler sahen in der Fähre einen Teil ihrer Stadt.",
    ]
    picture = "[![Profilbild](/img/autorin.jpg)](/autor/a)"
    page = "\n\n".join(["# Fähre bleibt", picture, byline, "19. Juni 2019", *paragraphs])
    article = newsclean.clean(page + "\n", Options(input_format="markdown"))
    assert article.captions == ()
    assert article.authors == (author,)


def test_a_list_item_holding_an_h1_is_the_h1() -> None:
    """A breadcrumb trail written as a numbered list whose last step is the page's h1
    ("3. # Headline"): the h1's text, without the item's marks. A lower heading in a
    list item (a teaser of another page) stays a list item."""
    page = "1. [Home](/)\n2. [Harbour](/harbour)\n3. # Ferry stays in service\n\n* ## Council\n"
    blocks = segment_markdown(page, "https://example.com/")
    assert [(b.text, b.hint) for b in blocks][2] == ("Ferry stays in service", "h1")
    assert blocks[3].hint != "h2"


def test_a_split_label_whose_last_line_opens_the_next_is_read_twice() -> None:
    """A label closed on a line that opens the next one ("Banner?](/a) [Settings and" /
    "layout](/b)"): both become links, no markup is left."""
    page = (
        "Intro text here.\n\n"
        "[Problems with a  \nbanner?](/help) [Settings and  \nlayout](/settings)\n"
    )
    texts = [text for _n, text in _texts(page)]
    assert not any("](" in text or "[" in text for text in texts)
    assert texts[-1] == "layout"


def test_a_teaser_linked_over_many_lines_leaves_no_markup() -> None:
    """A converter writes a link around a whole teaser (picture, kicker, headline, summary,
    source, date) over up to a dozen lines."""
    page = (
        "Intro text here.\n\n[![](/teaser.jpg)\n\n  Economy\n\n"
        "  ### Harbour wins a new ferry\n\n"
        "  The council voted for the plan on Tuesday.\n\n"
        "  Harbour News\n  31.10.2023](/economy/ferry)\n"
    )
    blocks = segment_markdown(page, "https://example.com/")
    assert not any("](" in b.text for b in blocks)
    assert blocks[-1].text == "Harbour News 31.10.2023"
    assert blocks[-1].links[0].url == "https://example.com/economy/ferry"


def _wrapped(paragraphs: int = 4) -> str:
    text = (
        "The council voted on Tuesday to keep the old ferry running for another ten\n"
        "years, after a debate that lasted most of the afternoon.\n\n"
    )
    return text * paragraphs


def test_nested_list_items_are_lines_of_their_own() -> None:
    """Items of a nested list (indented four spaces or more under their item) and a
    heading inside an item are not the item's wrapped text."""
    page = _wrapped() + (
        "* [3 History](#history)\n"
        "  + [3.1 Early years](#early)\n"
        "    - [3.1.1 The first ferry](#first)\n"
        "    - [3.1.2 The second ferry](#second)\n"
        "* Latest issues\n"
        "      ##### Ferry News: Issue 12\n"
    )
    texts = [text for _n, text in _texts(page)][4:]
    assert texts == [
        "3 History",
        "3.1 Early years",
        "3.1.1 The first ferry",
        "3.1.2 The second ferry",
        "Latest issues",
        "Ferry News: Issue 12",
    ]


def test_a_menu_written_one_item_a_line_keeps_its_lines() -> None:
    """Short lines without list marks inside a wrapped text (a language selector, a menu
    of links) are not joined into one paragraph."""
    page = _wrapped() + "Change language:\n\nDeutsch (Schweiz)\nFrançais\nItaliano\nEnglish (UK)\n"
    texts = [text for _n, text in _texts(page)]
    assert texts[-4:] == ["Deutsch (Schweiz)", "Français", "Italiano", "English (UK)"]
    # a wrapped sentence of short lines is still joined
    page = _wrapped() + "The ferry\nleaves at\nnine and\nat noon.\n"
    assert _texts(page)[-1][1] == "The ferry leaves at nine and at noon."


def test_wrapped_items_of_a_tight_list_are_joined() -> None:
    """A page made of a tight list (no blank line between items) whose items wrap onto
    indented lines is read as Markdown: each item is one line."""
    page = "# Films with time loops\n\n" + "".join(
        f"{k}. Smith, Anna ({2000 + k}). *Looping Again: A History of\n"
        f"   Repeated Days*. Harbour Press. p. {k}.\n"
        for k in range(1, 11)
    )
    texts = [text for _n, text in _texts(page)]
    assert len(texts) == 11
    assert texts[1] == (
        "1. Smith, Anna (2001). Looping Again: A History of Repeated Days. Harbour Press. p. 1."
    )


def test_bold_text_over_a_line_break_leaves_no_marks() -> None:
    """A converter writes bold text holding a line break as two lines, each with one half
    of the pair of marks; a line of three stars and text is no rule."""
    page = (
        _wrapped()
        + "* **Topic: a tasting with dinner  \n  *Twelve whiskies from four regions*.**\n"
        + "* **Entry: 58 euros**\n\n"
        + "***Anna Smith is a historian. Ben Jones is\na harbour pilot***\n"
    )
    texts = [text for _n, text in _texts(page)][4:]
    assert texts == [
        "Topic: a tasting with dinner",
        "Twelve whiskies from four regions.",
        "Entry: 58 euros",
        "Anna Smith is a historian. Ben Jones is a harbour pilot",
    ]


def test_the_lines_of_a_code_block_inside_the_text_stay_text() -> None:
    """A listing inside the article (a fenced code block, a table of figures) is text line
    by line: a row that starts with a date is no date line, a formula with a slash no
    credit or label path."""
    para = (
        "The harbour office keeps a log of every ferry crossing, and the new report shows "
        "how the number of crossings changed over the last year, month by month."
    )
    code = (
        "```\nSELECT day, count(*) FROM crossings\n2024-03-01 18:00:00 | 41\n"
        "2024-03-02 18:00:00 | 38\n(n - mean) / stddev AS score\n```"
    )
    parts = [para, para.replace("harbour", "port"), "The query below counts them:", code]
    parts += [para.replace("ferry", "boat"), para.replace("office", "team")]
    page = "# Counting ferry crossings\n\n" + "\n\n".join(parts) + "\n"
    article = newsclean.clean(page, Options(input_format="markdown"))
    assert "2024-03-02 18:00:00 | 38" in article.body
    assert "(n - mean) / stddev AS score" in article.body
