"""Picture and source credits: split over two lines, empty, or only looking like one."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.languages import load
from newsclean.patterns import is_credit

_EN_PARAS = [
    "Residents of the small harbour town voted on Sunday to keep the wooden ferry that "
    "has crossed the bay since 1962, rejecting a plan to replace it with a bridge.",
    "The council had argued that repairs were becoming too expensive, but more than two "
    "thirds of voters said the crossing was part of the character of the town.",
    "The council will now look for grants to repair the hull and the engine, and a "
    "first inspection of the boat is planned for the early summer months.",
]
_DE_PARAS = [
    "Die Einwohner der kleinen Hafenstadt haben am Sonntag beschlossen, die hölzerne "
    "Fähre zu behalten, die seit 1962 über die Bucht fährt, statt eine Brücke zu bauen.",
    "Der Gemeinderat hatte argumentiert, die Reparaturen würden zu teuer, aber mehr als "
    "zwei Drittel der Wähler sagten, die Fähre gehöre zum Charakter der Stadt.",
    "Nun sucht der Rat nach Fördergeldern für den Rumpf und den Motor, und eine erste "
    "Prüfung des Bootes ist für den Frühsommer geplant.",
]


def _page(code: str, middle: list[str]) -> newsclean.Article:
    """A page with ``middle`` between its first paragraph and the other two."""
    paras = _DE_PARAS if code == "de" else _EN_PARAS
    title = "Die Fähre bleibt" if code == "de" else "Harbour town keeps its ferry"
    return newsclean.clean("\n\n".join([title, paras[0], *middle, *paras[1:]]) + "\n")


def _label(article: newsclean.Article, text: str) -> str:
    return next(line.label.value for line in article.lines if line.text == text)


@pytest.mark.parametrize(
    ("code", "marker", "name"),
    [
        ("de", "Foto:", "LUNDQVIST"),
        ("de", "Bild:", "Hafenamt Nordby"),
        ("en", "Photo:", "Marta Quill"),
        ("en", "©", "Marta Quill"),
    ],
)
def test_a_credit_marker_alone_takes_the_name_on_the_next_line(
    code: str, marker: str, name: str
) -> None:
    caption = "Die Fähre legt im Morgengrauen ab." if code == "de" else _EN_PICTURE
    article = _page(code, [caption, marker, name])
    assert article.credits == (f"{marker} {name}",)
    assert _label(article, marker) == "credit" and _label(article, name) == "credit"
    assert name not in article.body


_EN_PICTURE = "The ferry leaves the harbour at dawn."


@pytest.mark.parametrize(
    ("code", "marker"), [("de", "(Bild: )"), ("en", "Photo:"), ("de", "Quellen")]
)
def test_a_credit_marker_with_nothing_after_it_is_no_credit(code: str, marker: str) -> None:
    article = _page(code, [marker])
    assert article.credits == ()
    assert _label(article, marker) == "boilerplate"


@pytest.mark.parametrize(
    ("code", "line"),
    [
        ("en", "Video: Happy Birthday Party in the Old Harbour"),
        ("en", "VIDEO: Five Knots Every Sailor Should Know"),
        ("de", "Bilder: Ferien in Schweden"),
        ("de", "Video: So kommen die Boote über den Winter"),
        ("en", "Map: Ferry routes across the bay"),
    ],
)
def test_a_media_items_title_after_its_word_is_no_credit(code: str, line: str) -> None:
    article = _page(code, [line])
    assert article.credits == ()
    assert not is_credit(line, load(code), strict=True)


@pytest.mark.parametrize(
    ("code", "line"),
    [
        ("en", "Video: Reuters"),
        ("de", "Video: dpa"),
        ("en", "Video: Marta Quill"),
        ("de", "Bild © NDR"),
        ("de", "Bildquelle: Hafenamt Nordby"),
        ("de", "Quelle: dpa-AFX"),
        ("de", "Quelle: hafenpresse"),
        ("de", "Symbolbild / Hafenamt Nordby GmbH"),
        ("en", "Marta Quill/AOL"),
        ("en", "| © Harbour Sports / Marta Quill"),
    ],
)
def test_names_and_agencies_after_a_credit_word_are_credits(code: str, line: str) -> None:
    assert is_credit(line, load(code), strict=True)


@pytest.mark.parametrize(
    ("code", "line"),
    [
        ("en", "RSS/XML"),
        ("en", "SEO / SEM"),
        ("de", "Rezepte / DESSERTS"),
        ("de", "Dienste/NSA/Daten/Netze"),
        ("de", "KFZ/TÜV Prüfung, Abnahme"),
        ("fr", "LA UNE DU JOUR / Nos podcasts"),
        ("en", "example.com/harbour"),
        ("en", "Source files: harbour.js, ferry.js"),
        ("en", "© 2021 Harbour Media Inc."),
        ("en", "Copyright © 1998 - 2021 Harbour Media"),
    ],
)
def test_paths_addresses_and_site_notices_are_no_credits(code: str, line: str) -> None:
    assert not is_credit(line, load(code), strict=True)
    article = _page(code, [_EN_PICTURE, line])
    assert article.credits == ()


def test_a_copyright_with_its_year_naming_an_agency_or_a_person_is_a_credit() -> None:
    assert is_credit("© 2021 Anna Berg/AP", load("en"), strict=True)
    assert is_credit("© 2001, 2003 Marta Quill", load("en"), strict=True)


def test_a_line_repeated_with_a_name_appended_is_no_caption_without_a_credit_mark() -> None:
    """ "Regional offers" then "Regional offers Hamburg": a menu going on, not a
    caption repeated with its credit; "... Photo: Anna Berg" is one."""
    article = _page("en", ["Regional offers", "Regional offers Hamburg"])
    assert article.captions == () and article.credits == ()
    article = _page("en", ["Regional offers", "Regional offersHamburg Ltd"])
    assert article.credits == ()
    picture = "The ferry leaves the harbour at dawn"
    article = _page("en", [picture, picture + " Photo: Anna Berg"])
    assert article.credits == ("Photo: Anna Berg",)


def test_a_date_or_a_pair_of_words_in_brackets_after_a_caption_is_no_credit() -> None:
    article = _page("en", ["Harbour office: ferry timetables for the summer (Retrieved: 01/22)"])
    assert article.credits == ()
    article = _page("en", ["Buying guide: the harbour ferry and its two models (Mini/Pro)"])
    assert article.credits == ()
    article = _page("en", ["The ferry leaves the harbour at dawn (Anna Berg/AP)"])
    assert article.credits == ("Anna Berg/AP",)
