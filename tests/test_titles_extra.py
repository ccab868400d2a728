"""Headline selection: a headline run together with a label, page-title separators, several h1s."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.classify import score_lines
from newsclean.core import segment
from newsclean.features import document_facts
from newsclean.languages import detect, load
from newsclean.reader import read
from newsclean.revise import Reviser, _page_title_parts, _without_part, _without_site

_PARAS = [
    "Residents of the small harbour town voted on Sunday to keep the wooden ferry that "
    "has crossed the bay since 1962, rejecting a plan to replace it with a bridge.",
    "The council had argued that repairs were becoming too expensive, but more than two "
    "thirds of voters said the crossing was part of the character of the town.",
]


def _markdown_title(headline: str, h1: str) -> str | None:
    """The title of a Markdown page with ``headline`` as a line and ``h1`` below it."""
    page = "\n\n".join(["Home", headline, "By Anna Berg", f"# {h1}", *_PARAS]) + "\n"
    return newsclean.clean(page, newsclean.Options(input_format="markdown")).title


@pytest.mark.parametrize(
    ("h1", "title"),
    [
        # a label or a kicker run into the headline, which a line says alone
        ("Harbour town keeps its ferry Ferries", "Harbour town keeps its ferry"),
        ("Ferries Harbour town keeps its ferry", "Harbour town keeps its ferry"),
        ("Harbour town keeps its ferry 5 May 2024", "Harbour town keeps its ferry"),
        # the rest goes on the headline's phrase, or is set apart from it: the whole line
        ("Harbour town keeps its ferry in Spring", None),
        ("Best of Harbour town keeps its ferry", None),
        ("Harbour town keeps its ferry: a vote", None),
        ("Harbour town keeps its ferry 02/2024", None),  # a number: part of a name
        ("Harbour town keeps its ferry after the vote on Sunday", None),  # the rest is longer
    ],
)
def test_a_headline_run_together_with_a_label_is_the_line_saying_it_alone(
    h1: str, title: str | None
) -> None:
    assert _markdown_title("Harbour town keeps its ferry", h1) == (title or h1)


@pytest.mark.parametrize(
    "said",
    [
        "Harbour town keeps its ferry - Ferries",  # a breadcrumb trail's last item
        "Ferries | Harbour town keeps its ferry",
    ],
)
def test_a_kicker_run_into_the_headline_is_cut_where_a_line_says_it_as_a_part(
    said: str,
) -> None:
    # no line says the headline alone, but a line says it set apart by a separator
    assert _markdown_title(said, "Ferries Harbour town keeps its ferry") == (
        "Harbour town keeps its ferry"
    )


def test_a_part_of_another_line_cuts_no_headline_that_goes_on_a_phrase() -> None:
    h1 = "Harbour town keeps its ferry in Spring"
    assert _markdown_title("Harbour town keeps its ferry | Ferries", h1) == h1


def test_a_line_starting_lower_case_is_no_headline_run_into_another() -> None:
    # "for the harbour ferry" ends the h1's phrase, it is no headline of its own
    h1 = "Council votes for the harbour ferry"
    assert _markdown_title("for the harbour ferry", h1) == h1


def test_a_page_title_splits_at_a_single_right_angle_quote() -> None:
    title = "Ferry stays in service › Harbour Courier"
    assert _page_title_parts(title) == ["Ferry stays in service", "Harbour Courier"]


# -- the headline before the article: page-title repeats, site names, list entries --------

_TEXT = [
    *_PARAS,
    "The ferry will now be repaired over the winter and return to service in the spring, "
    "the harbour master said on Monday after the result was announced.",
]
_MENU = ["Home", "News", "Sport", "Weather", "Contact"]


def _text_page(lines: list[str]) -> newsclean.Article:
    """A plain-text page of ``lines`` (its first line read as the page's <title>)."""
    return newsclean.clean("\n\n".join(lines) + "\n", newsclean.Options(input_format="text"))


def _reviser(lines: list[str]) -> Reviser:
    """The reviser of a plain-text page, its steps before the headline search run."""
    options = newsclean.Options(input_format="text")
    blocks, _ = segment(read("\n\n".join(lines) + "\n", options), options)
    lang = load(detect(b.text for b in blocks))
    facts = document_facts(blocks, lang)
    rv = Reviser(blocks, facts, score_lines(blocks, facts), lang)
    rv.before_title()
    return rv


def test_a_line_saying_the_page_title_exactly_is_no_credit() -> None:
    # "Video: ..." reads as a credit line, but it says the page title's words exactly
    head = "Video: Harbour town keeps its ferry"
    page = _text_page([head, *_MENU, "Harbour", head, "By Anna Berg", *_TEXT])
    assert page.title == head


def test_the_headline_above_a_picture_credit_is_no_caption() -> None:
    head = "Harbour town keeps its ferry"
    lines = [head, *_MENU, "Ferries", "Ferries Local 05.05.2024", head, "Photo: Anna Berg"]
    page = _text_page([*lines, *_TEXT])
    assert page.lines[8].text == head and page.lines[8].label is newsclean.Label.TITLE
    assert not page.captions


def test_a_web_address_alone_is_no_headline_candidate() -> None:
    rv = _reviser(["harbourcourier.net", *_MENU, "Harbour town keeps its ferry", *_TEXT])
    assert 0 not in rv.headline_candidates()[0]


def test_a_dated_list_entry_is_no_headline_candidate() -> None:
    # (a date in a line of more than a few words does not rule it out by itself)
    entry = (
        "[ 3 May 2024 ] Ferry timetable changes bring earlier boats and later returns all summer"
    )
    rv = _reviser(["Harbour Courier", *_MENU, "Latest posts", entry, *_TEXT])
    idx = rv.headline_candidates()[0]
    assert 7 not in idx


def test_a_short_page_title_repeat_after_the_text_start_gives_way() -> None:
    # "Harbour Ferry Club" repeats the page title's main part in the contact box below
    # the text: the site's name; the ranked line before the text is the headline
    head = "Harbour town keeps its wooden ferry after the vote"
    lines = ["Ferries | Harbour Ferry Club", *_MENU, head, "5 May 2024", *_TEXT]
    page = _text_page([*lines, "Harbour Ferry Club", "Quay Street 3", "Harbourtown"])
    assert page.title == head


@pytest.mark.parametrize(
    ("title", "main"),
    [
        # a year or a dotted number: the headline's, not a site's name
        ("Harbour Courier - Timetables - Ferry Report May 2024", "Ferry Report May 2024"),
        # after the site's name, a section's name has a word or two
        (
            "Patch Notes - Release 2.1.4 - Harbour Ferry Bugfix Build | Harbour Forums",
            "Release 2.1.4 - Harbour Ferry Bugfix Build",
        ),
        (
            "Harbour town keeps its ferry - Local News | Harbour Courier",
            "Harbour town keeps its ferry",
        ),
    ],
)
def test_the_page_title_without_its_site_keeps_numbered_and_long_parts(
    title: str, main: str
) -> None:
    assert _without_site(title, _page_title_parts(title)) == main


def test_a_section_run_into_the_page_title_repeat_is_cut() -> None:
    title = "Patch Notes - Release 2.1.4 - Harbour Ferry Bugfix Build | Harbour Forums"
    main = "Release 2.1.4 - Harbour Ferry Bugfix Build"
    line = "Patch Notes Release 2.1.4 - Harbour Ferry Bugfix Build"
    assert _without_part(line, _page_title_parts(title), main) == main
    assert _without_part("Old " + main, _page_title_parts(title), main) == ""


_SECTIONS = [
    "Politics",
    "Sport",
    "Culture",
    "Travel",
    "Science",
    "Health",
    "Money",
    "Weather",
    "Opinion",
    "Video",
    "Podcasts",
    "Games",
    "Puzzles",
    "Food",
    "Cars",
    "Homes",
    "Jobs",
    "Books",
    "Music",
    "Film",
]


@pytest.mark.parametrize(
    ("logo", "title"),
    [
        # the first h1 names the site (a short logo's text, a link home) far above the
        # text: the h1 at the text's start is the article's
        ("# Harbour Courier", None),
        ("# [Courier of the harbour towns](https://courier.example/)", None),
        # a long first h1 that links nowhere is the article's own
        (
            "# The courier of the harbour towns on the bay",
            "The courier of the harbour towns on the bay",
        ),
    ],
)
def test_of_several_h1s_the_one_at_the_text_names_the_article(logo: str, title: str | None) -> None:
    menu = [f"* [{w}](/{w.lower()})" for w in _SECTIONS]
    lead = "The vote on the future of the crossing was held on Sunday, after a long campaign."
    lines = [logo, "Search", *menu, "Subscribe", *menu, lead, "# Harbour town keeps its ferry"]
    page = "\n\n".join([*lines, *_PARAS]) + "\n"
    got = newsclean.clean(page, newsclean.Options(input_format="markdown")).title
    assert got == (title or "Harbour town keeps its ferry")


def _text_title(lines: list[str]) -> str | None:
    return newsclean.clean("\n".join(lines) + "\n").title


_MENU = ["Home", "Harbour", "Ferries", "Weather", "Contact"]


@pytest.mark.parametrize(
    ("kicker", "headline"),
    [
        ("Ferries : Harbour town keeps its wooden ferry", "Harbour town keeps its wooden ferry"),
        (
            "Local vote: Ferries : Harbour town keeps its wooden ferry",
            "Harbour town keeps its wooden ferry",
        ),
        # no spaced colon, or too little after it: the whole line
        ("Ferries: Harbour town keeps its wooden ferry", None),
        ("Harbour town keeps its wooden ferry : Yes", None),
    ],
)
def test_a_kicker_set_apart_by_a_spaced_colon_is_cut_from_the_headline(
    kicker: str, headline: str | None
) -> None:
    assert _text_title([*_MENU, "", kicker, "", *_PARAS]) == (headline or kicker)


def test_a_spaced_colon_stays_in_a_headline_where_the_page_spaces_its_marks() -> None:
    # French typography: a space before colons, question and exclamation marks
    paras = [
        "Les habitants du petit port ont voté dimanche : le bac en bois qui traverse la "
        "baie depuis 1962 restera en service, au lieu d'un pont.",
        "Le conseil jugeait les réparations trop chères ; plus des deux tiers des "
        "électeurs ont pourtant dit que la traversée fait partie de la ville.",
    ]
    kicker = "Ferries : le port garde son vieux bac en bois"
    assert _text_title(["Accueil", "Port", "Météo", "", kicker, "", *paras]) == kicker


def test_list_items_between_the_headline_and_the_text_do_not_push_it_out_of_reach() -> None:
    """A long run of tags and share buttons (list items) between the headline and the
    article: the headline is still among the candidates."""
    items = [f"  * Share item {k}" for k in range(40)]
    lines = [*_MENU, "", "Harbour town keeps its wooden ferry", "", "By Anna Berg", *items, ""]
    assert _text_title([*lines, *_PARAS]) == "Harbour town keeps its wooden ferry"


def test_a_notice_of_two_sentences_past_list_items_is_no_headline() -> None:
    items = [f"  * Share item {k}" for k in range(40)]
    notice = "You are not signed in. Sign in or register to comment"
    lines = [*_MENU, "", notice, "", *items, ""]
    assert _text_title([*lines, *_PARAS]) != notice


@pytest.mark.parametrize(
    "said",
    [
        # a link to the article in a menu or a teaser list: no headline, but its words
        "* [Harbour town keeps its ferry - Ferries](https://example.org/ferry)",
        # a breadcrumb trail rendered as a numbered list: its last item, without its number
        "1. [Home](https://example.org/)\n2. [News](https://example.org/news/)\n"
        "3. Harbour town keeps its ferry",
    ],
)
def test_a_link_or_a_numbered_trail_item_tells_the_headline_run_into_a_kicker(
    said: str,
) -> None:
    assert _markdown_title(said, "Ferries Harbour town keeps its ferry") == (
        "Harbour town keeps its ferry"
    )


@pytest.mark.parametrize(
    ("line", "headline"),
    [
        # a section's name set before the headline with a bar (a section link run in)
        ("Local News | Harbour town keeps its wooden ferry", "Harbour town keeps its wooden ferry"),
        (
            "[Local News |](https://example.org/local/) Harbour town keeps its wooden ferry",
            "Harbour town keeps its wooden ferry",
        ),
        # a date before the bar, too short a rest, or more than one bar: the whole line
        ("30.11. | Harbour town keeps its wooden ferry", None),
        ("Local News | Ferry stays", None),
        ("Local | News | Harbour town keeps its wooden ferry", None),
    ],
)
def test_a_section_name_set_before_the_headline_with_a_bar_is_cut(
    line: str, headline: str | None
) -> None:
    page = "\n\n".join(["Home", "By Anna Berg", f"# {line}", *_PARAS]) + "\n"
    title = newsclean.clean(page, newsclean.Options(input_format="markdown")).title
    assert title == (headline or line)


_INDENTED_MENU = ["  * Home", "  * Harbour", "  * Ferries", "  * Weather", "  * Contact"]


@pytest.mark.parametrize(
    ("headline", "right"),
    [
        # one short sentence over a byline: the headline, full stop and all
        ("Why I still take the old ferry.", True),
        # two sentences, or a long one: text, no headline
        ("We took the ferry. It was late.", False),
    ],
)
def test_a_headline_ending_with_a_full_stop_over_a_byline_is_a_candidate(
    headline: str, right: bool
) -> None:
    lines = [*_INDENTED_MENU, "", f"    {headline}", "", "      Anna Berg – 14.09.2022", ""]
    title = _text_title([*lines, *[f"      {p}" for p in _PARAS]])
    assert (title == headline) is right
