"""Revision rules that a whole page exercises: tiny pages and subheadings."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

import newsclean
from newsclean.classify import Scores, score_lines
from newsclean.features import document_facts
from newsclean.languages import load, tokens
from newsclean.metadata import without_list_number
from newsclean.model import Block
from newsclean.patterns import is_credit
from newsclean.revise import (
    _TIME_ONLY_RE,
    TITLE_FEATURES,
    TITLE_RANKER_PATH,
    Reviser,
    _keyword_list,
    _numbered_siblings,
    _page_title_parts,
    _without_site,
    load_title_ranker,
)
from newsclean.segment import segment_text

#: Two paragraphs of article text, in English and in German, for the pages below.
_EN_PARAS = [
    "Residents of the small harbour town voted on Sunday to keep the wooden ferry that "
    "has crossed the bay since 1962, rejecting a plan to replace it with a bridge.",
    "The council had argued that repairs were becoming too expensive, but more than two "
    "thirds of voters said the crossing was part of the character of the town.",
]
_EN_THIRD = (
    "The council will now look for grants to repair the hull and the engine, and a "
    "first inspection of the boat is planned for the early summer months."
)
_DE_PARAS = [
    "Die Einwohner der kleinen Hafenstadt haben am Sonntag beschlossen, die hölzerne "
    "Fähre zu behalten, die seit 1962 über die Bucht fährt, statt eine Brücke zu bauen.",
    "Der Gemeinderat hatte argumentiert, die Reparaturen würden zu teuer, aber mehr als "
    "zwei Drittel der Wähler sagten, die Fähre gehöre zum Charakter der Stadt.",
]


def test_a_tiny_page_keeps_its_text_rather_than_nothing() -> None:
    page = "Lorem Ipsum\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit.\n"
    article = newsclean.clean(page)
    assert article.body == ("Lorem ipsum dolor sit amet, consectetur adipiscing elit.",)


def test_a_page_of_menu_items_still_has_no_body() -> None:
    article = newsclean.clean("Home\nNews\nSport\nWeather\nContact\n")
    assert article.body == ()


def test_a_one_line_page_that_reads_as_sentences_is_text_not_a_headline() -> None:
    line = (
        "The ferry will keep running for another decade after a vote on Sunday. "
        "The council now looks for grants."
    )
    article = newsclean.clean(line + "\n")
    assert article.body == (line,)
    assert article.title is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # tags and keyword lists: many words, no stop words, no sentence end
        (
            "Allgemein Anonymität Apple Browser Datenschutz Demokratie Domain Facebook "
            "Joomla Linux Programme Software Spamfilter Statistik Suchmaschinen Ubuntu Video",
            True,
        ),
        (
            "Keyword Focaccia, Focaccia Bread, Garlic Focaccia, Italian Focaccia Bread, "
            "Olive Bread, Sundried Tomato Focaccia, Rosemary Bread, Flatbread",
            True,
        ),
        # code, a table row, a sentence: not tags
        (
            "def plus_one (x): return x + 1 map(plus_one, [ 1, 2, 3, 4, 5 ]) # [2, 3, 4, 5, 6]",
            False,
        ),
        (
            "Saison 01.11.2020 - 20.12.2020 Zwischensaison Preis/Nacht 90,00 € Mindestaufenthalt 3",
            False,
        ),
        (
            "Die Stadt hat am Dienstag beschlossen, dass die alte Brücke über den Fluss im "
            "nächsten Jahr saniert wird.",
            False,
        ),
        ("Apple Browser Datenschutz Demokratie", False),  # too short to tell
    ],
)
def test_keyword_lists(line: str, expected: bool) -> None:
    blocks = segment_text(line + "\n")
    facts = document_facts(blocks, load("de"))
    assert _keyword_list(blocks[0], facts[0]) is expected


def test_code_is_not_taken_for_a_tag_cloud() -> None:
    prose = (
        "This post shows how to map a function over a list in Python, and why the result "
        "of the call is an iterator rather than a list in the current versions."
    )
    code = "def plus_one (x): return x + 1 map(plus_one, [ 1, 2, 3, 4, 5 ]) # [2, 3, 4, 5, 6]"
    article = newsclean.clean("\n\n".join([prose, prose, code, prose, prose]) + "\n")
    assert code in article.body


def test_a_share_line_between_paragraphs_is_not_a_subheading() -> None:
    para = (
        "The council voted on Sunday to keep the old ferry running, and the skipper said "
        "that the boat would need a new engine before the summer season begins."
    )
    page = "\n\n".join([para, "Share on Facebook", para, "Share on Facebook", para]) + "\n"
    article = newsclean.clean(page)
    assert "Share on Facebook" not in article.body
    assert [line.label for line in article.lines if line.text == "Share on Facebook"] == [
        "boilerplate",
        "boilerplate",
    ]


def test_clean_text_is_all_text() -> None:
    paras = [*_EN_PARAS, _EN_THIRD]
    article = newsclean.clean("Harbour town keeps its ferry\n\n" + "\n\n".join(paras) + "\n")
    assert list(article.body) == paras


def test_related_lists_hold_titles_not_menus_or_contact_lines() -> None:
    para = (
        "The council voted on Sunday to keep the old ferry running, and the skipper said "
        "that the boat would need a new engine before the summer season begins."
    )
    related = [
        "Harbour master retires after forty years at sea",
        "New timetable for the island buses from May",
        "Home | Authors | Topics | Archive | About us",
        "Call the newsroom on +44 (0)20 7946 0321",
        "Write to the editors at letters@harbour-news.example",
        "Fishing fleet returns early as storm nears",
    ]
    page = "Ferry stays\n\n" + "\n\n".join([para, para, "Related articles", *related]) + "\n"
    titles = [r.title for r in newsclean.clean(page).related]
    assert "Harbour master retires after forty years at sea" in titles
    assert "Fishing fleet returns early as storm nears" in titles
    assert not [t for t in titles if "|" in t or "+44" in t or "@" in t]


@pytest.mark.parametrize(
    ("code", "line", "title"),
    [
        (
            "de",
            "Vorheriger Beitrag Neuerscheinung: Die Fähre im Wandel",
            "Neuerscheinung: Die Fähre im Wandel",
        ),
        (
            "en",
            "Next post: Harbour master retires after forty years",
            "Harbour master retires after forty years",
        ),
        ("en", "Previous post", None),  # the phrase alone is navigation, not a link
    ],
)
def test_a_previous_or_next_post_line_is_a_related_link(
    code: str, line: str, title: str | None
) -> None:
    paras = _DE_PARAS if code == "de" else _EN_PARAS
    page = "\n\n".join(["Harbour town keeps its ferry", *paras, line, "Impressum"])
    article = newsclean.clean(page + "\n")
    assert [r.title for r in article.related] == ([title] if title else [])
    assert line not in article.body


_FERRY = (
    "The council voted on Sunday to keep the old ferry running, and the skipper said "
    "that the boat would need a new engine before the summer season begins."
)
_PICTURE = "The ferry leaves the harbour at dawn"


def _captions_with(after: str) -> list[tuple[str, str | None]]:
    """The captions of a page where ``after`` follows a short line between two paragraphs."""
    page = "\n\n".join(["Ferry stays", _FERRY, _PICTURE, after, _FERRY]) + "\n"
    return [(c.text, c.credit) for c in newsclean.clean(page).captions]


def test_a_line_repeated_with_more_words_is_a_caption_only_if_the_rest_is_a_credit() -> None:
    assert _captions_with(_PICTURE + " Copyright AP") == [(_PICTURE, "Copyright AP")]
    # the longer line goes on as a sentence: a teaser and its full text, not a credit
    assert _captions_with(_PICTURE + " and comes back full of tourists by noon") == []


def test_a_line_before_a_category_path_is_no_caption() -> None:
    assert _captions_with("Anna Berg/dpa") == [(_PICTURE, "Anna Berg/dpa")]
    assert _captions_with("Travel / Europe") == []


def test_a_signature_between_the_article_and_its_notes_is_the_byline() -> None:
    paras = [*_EN_PARAS, _EN_THIRD]
    note = (
        "This report first appeared in the harbour newsletter, which is published by the "
        "town's history society and sent to its members every second month of the year."
    )
    notes = [note, note.replace("second", "third"), note.replace("members", "readers")]
    # past the header (where a name alone is already taken for a byline): 12 paragraphs
    text = [p.replace("council", f"council ({k})") for k in range(4) for p in paras]
    page = "\n\n".join(["Harbour town keeps its ferry", *text, "Claudia Duwe", *notes])
    article = newsclean.clean(page + "\n")
    assert article.authors == ("Claudia Duwe",)
    assert "Claudia Duwe" not in article.body


def test_a_name_alone_above_the_text_is_no_headline() -> None:
    paras = _EN_PARAS
    page = "\n\n".join(["Menu", "Home", "Claudia Duwe", *paras])
    article = newsclean.clean(page + "\n")
    assert article.title is None
    assert article.authors == ("Claudia Duwe",)


def test_a_sentence_holding_a_byline_word_is_no_byline() -> None:
    paras = _DE_PARAS
    sentence = "Die Polizei fand die Leiche von Anna Berg"
    page = "\n\n".join(["Die Fähre bleibt", *paras, sentence, "Impressum"])
    assert newsclean.clean(page + "\n").authors == ()
    dated = "Veröffentlicht am 03.02.2022 von Anna Berg"
    page = "\n\n".join(["Die Fähre bleibt", *paras, dated, "Impressum"])
    assert newsclean.clean(page + "\n").authors == ("Anna Berg",)


@pytest.mark.parametrize(
    ("code", "line"),
    [
        ("en", "Photo by Ricardo Gomez Angel"),
        ("de", "Foto von Josh Willink von Pexels"),
        ("en", "Stromnetz / Photo by Anna Sonneveld on Unsplash"),
        ("de", "Ein Beitrag geteilt von Anna Berg (@annaberg)"),
        ("en", "A post shared by Anna Berg"),
        ("en", "— Anna Berg (@annaberg) May 2, 2020"),
    ],
)
def test_picture_credits_and_embedded_posts_are_no_byline(code: str, line: str) -> None:
    paras = _DE_PARAS if code == "de" else _EN_PARAS
    page = "\n\n".join(["Harbour town keeps its ferry", line, *paras])
    assert newsclean.clean(page + "\n").authors == ()
    # the same name with a byline word is the byline
    byline = "Von Anna Berg" if code == "de" else "By Anna Berg"
    page = "\n\n".join(["Harbour town keeps its ferry", byline, line, *paras])
    assert newsclean.clean(page + "\n").authors == ("Anna Berg",)


@pytest.mark.parametrize(
    ("code", "prefix", "line", "authors"),
    [
        ("de", "Autor*in", "Brit Weirich (Medizinredakteurin)", ("Brit Weirich",)),
        ("de", "Geschrieben von", "Benjamin-Immanuel Hoff", ("Benjamin-Immanuel Hoff",)),
        ("en", "Authors", "Marwan H. Adwan", ("Marwan H. Adwan",)),
        ("en", "Author(s):", "Ophélie Ostermann", ("Ophélie Ostermann",)),
        ("de", "Themen", "Brit Weirich", ()),  # not a byline word: a name alone, unknown
    ],
)
def test_a_byline_word_on_a_line_of_its_own_names_the_next_line(
    code: str, prefix: str, line: str, authors: tuple[str, ...]
) -> None:
    paras = _DE_PARAS if code == "de" else _EN_PARAS
    page = "\n\n".join(["Die Fähre bleibt", *paras, prefix, line, "Impressum", "Kontakt"])
    assert newsclean.clean(page + "\n").authors == authors


@pytest.mark.parametrize(("beside", "authors"), [("31.10.2023", ("Anna Berg",)), ("Kontakt", ())])
def test_a_name_far_from_the_article_counts_with_a_date_line_beside_it(
    beside: str, authors: tuple[str, ...]
) -> None:
    paras = _DE_PARAS
    menu = [f"Rubrik {k}" for k in range(40)]  # past the header and the tail
    page = "\n\n".join(["Die Fähre bleibt", *paras, *menu, beside, "Anna Berg", *menu])
    assert newsclean.clean(page + "\n").authors == authors


def test_a_byline_above_a_credit_stays_the_byline_and_a_long_dated_one_counts() -> None:
    paras = _DE_PARAS
    byline = "Von Felix Eisenreich // 1. November 2023"
    page = "\n\n".join(["Die Fähre bleibt", byline, "Foto: Anna Berg/dpa", *paras])
    article = newsclean.clean(page + "\n")
    assert article.authors == ("Felix Eisenreich",) and not article.captions
    long = "Marco Kratzenberg, 01. Dez. 2017, 12:01 Uhr 3 min Lesezeit Kommentare 4"
    page = "\n\n".join(["Die Fähre bleibt", long, *paras])
    assert newsclean.clean(page + "\n").authors == ("Marco Kratzenberg",)


def test_a_line_of_several_names_is_the_byline_but_not_an_address() -> None:
    paras = _EN_PARAS
    names = "Clara Löw, Siddharth Prakash & Klaus Jacob"
    page = "\n\n".join(["Harbour town keeps its ferry", names, *paras])
    assert newsclean.clean(page + "\n").authors == ("Clara Löw", "Siddharth Prakash", "Klaus Jacob")
    address = "Ahmed Zarrouki, Avenue Hbib Bourguiba, Tunis"
    page = "\n\n".join(["Harbour town keeps its ferry", address, *paras])
    assert "Avenue Hbib Bourguiba" not in newsclean.clean(page + "\n").authors


def test_picture_credits_inside_a_long_text_are_credits_not_body() -> None:
    teaser = (
        "Noch bis zum 31. Januar können sich Unternehmen aus der Stadt für den Wettbewerb "
        "bewerben, der in diesem Jahr zum zehnten Mal ausgeschrieben wird."
    )
    lines = []
    for k in range(12):
        lines += [teaser.replace("zehnten", f"{k + 2}. "), f"Foto: © Anna Berg {k}/dpa"]
    article = newsclean.clean("Die Fähre bleibt\n\n" + "\n\n".join(lines) + "\n")
    assert not [p for p in article.body if p.startswith("Foto:")]
    assert "Foto: © Anna Berg 11/dpa" in article.credits
    # and cleaning the cleaned text again keeps every paragraph
    again = newsclean.clean("\n\n".join([article.title or "", *article.body]) + "\n")
    assert [p for p in article.body if p not in again.body] == []


_NEWS_PAGE = [
    "Home",
    "News",
    "Sport",
    "Weather",
    "Harbour town votes to keep its wooden ferry",
    "By Anna Berg",
    "12 March 2024",
    *_EN_PARAS,
    _EN_THIRD,
]


@pytest.mark.parametrize("blank", ["\n\n", "\n"], ids=["blank-lines", "flat"])
def test_the_headline_of_a_scrape_without_a_page_title_is_ranked_first(blank: str) -> None:
    # no <title> line and no markup: the headline is found by the ranker alone, with and
    # without blank lines around it
    article = newsclean.clean(blank.join(_NEWS_PAGE) + "\n")
    assert article.title == "Harbour town votes to keep its wooden ferry"
    assert article.body[0] == _EN_PARAS[0]
    title_line = next(ln for ln in article.lines if ln.text == article.title)
    assert title_line.reason.startswith("title: headline before the article (")


def test_a_page_of_text_alone_has_no_ranked_headline() -> None:
    # short lines inside the text, but nothing before it: no headline
    page = "\n\n".join([_EN_PARAS[0], "In short", _EN_PARAS[1], _EN_THIRD])
    article = newsclean.clean(page + "\n")
    assert article.title is None


def test_server_notices_above_the_page_title_are_skipped() -> None:
    notices = [
        "Warning: mysql_connect(): Access denied for user in /www/htdocs/db.php on line 29",
        "Deprecated: Assigning the return value of new by reference is deprecated in "
        "/www/htdocs/wp-settings.php on line 520",
    ]
    page = "\n\n".join(
        [*notices, "Harbour town keeps its ferry | The Bay Courier", "Home", *_EN_PARAS]
    )
    article = newsclean.clean(page + "\n")
    assert article.title == "Harbour town keeps its ferry"
    reasons = [ln.reason for ln in article.lines[:2]]
    assert reasons == ["a server's notice above the page"] * 2


def test_the_headline_ranker_refuses_weights_for_other_features(tmp_path: Path) -> None:
    good = json.loads(TITLE_RANKER_PATH.read_text(encoding="utf-8"))
    assert [name for name, _ in good["weights"]] == list(TITLE_FEATURES)
    bad = dict(good, weights=good["weights"][1:])
    path = tmp_path / "title.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(ValueError, match="features"):
        load_title_ranker.__wrapped__(path)


def _reviser(text: str, code: str, score: Callable[[Block], float] | None = None) -> Reviser:
    """A page's reviser, its lines scored by the model or by ``score``."""
    blocks = segment_text(text + "\n")
    lang = load(code)
    facts = document_facts(blocks, lang)
    if score is None:
        return Reviser(blocks, facts, score_lines(blocks, facts), lang)
    p = [score(b) for b in blocks]
    return Reviser(blocks, facts, Scores(first=p, final=p, threshold=0.5), lang)


def test_the_headline_is_looked_for_before_the_first_prose_too() -> None:
    # the main span is a long comment thread far below a short article: the headline
    # above the article's first paragraph is still a candidate
    comments = [
        f"Comment {k}: I grew up in that town and took the ferry every morning to school, "
        "and I am glad that the people there decided to keep it running for the children."
        for k in range(8)
    ]
    lines = [
        "Home",
        "Harbour town votes to keep its wooden ferry",
        "By Anna Berg",
        *_EN_PARAS,
        *(f"Topic {k}" for k in range(40)),
        "Comments",
        *comments,
    ]
    # scores fixed by hand: the article and the comments are text, the rest is not
    reviser = _reviser(
        "\n".join(lines),
        "en",
        lambda b: 0.9 if b.text in _EN_PARAS or b.text.startswith("Comment ") else 0.05,
    )
    assert reviser.start > len(lines) - len(comments) - 2  # the span is the thread
    assert reviser.run().title == "Harbour town votes to keep its wooden ferry"


@pytest.mark.parametrize(
    ("first_line", "threshold", "over_page_title", "expected"),
    [
        # a page title naming its site: a ranked line needs the higher score
        ("Ferry vote: what happens next | The Bay Courier", 0.0, -1e9, "ranked"),
        (
            "Ferry vote: what happens next | The Bay Courier",
            -1e9,
            1e9,
            "Ferry vote: what happens next",
        ),
        # a first line that names no site: the plain threshold decides
        ("The Bay Courier", -1e9, 1e9, "ranked"),
        ("The Bay Courier", 1e9, -1e9, "The Bay Courier"),
    ],
)
def test_a_ranked_headline_needs_more_against_a_page_title_naming_its_site(
    monkeypatch: pytest.MonkeyPatch,
    first_line: str,
    threshold: float,
    over_page_title: float,
    expected: str,
) -> None:
    weights = load_title_ranker()[0]
    monkeypatch.setattr(
        "newsclean.revise.load_title_ranker", lambda: (weights, threshold, over_page_title)
    )
    headline = "Harbour town votes to keep its wooden ferry"
    page = "\n\n".join([first_line, "Home", "News", headline, "By Anna Berg", *_EN_PARAS])
    title = newsclean.clean(page + "\n").title
    assert title == (headline if expected == "ranked" else expected)


@pytest.mark.parametrize("first", ["* Zur Hauptnavigation des Senders", "    Zur Suche im Archiv"])
def test_a_list_item_or_indented_first_line_is_no_page_title(first: str) -> None:
    assert _reviser("\n".join([first, *_DE_PARAS]), "de")._page_title() == ("", [], "")
    plain = first.strip(" *")
    assert _reviser("\n".join([plain, *_DE_PARAS]), "de")._page_title()[0] == plain


@pytest.mark.parametrize("headline_first", [True, False])
def test_the_headline_shares_the_words_of_the_first_paragraphs(headline_first: bool) -> None:
    headline = "Harbour town keeps its wooden ferry after vote"
    other = "Spring markets open across the whole region"
    above = [headline, other] if headline_first else [other, headline]
    article = newsclean.clean("\n\n".join(["Home", "News", *above, *_EN_PARAS]) + "\n")
    assert article.title == headline


def _headline_features_by_text(lines: list[str]) -> dict[str, dict[str, float]]:
    """Each headline candidate of an English page made of ``lines``: its features by name."""
    reviser = _reviser("\n\n".join(lines), "en")
    idx, rows = reviser.headline_candidates()
    assert rows and all(len(row) == len(TITLE_FEATURES) for row in rows)
    return {
        reviser.blocks[i].text: dict(zip(TITLE_FEATURES, row, strict=True))
        for i, row in zip(idx, rows, strict=True)
    }


def test_headline_features_are_computed_as_named() -> None:
    lines = [
        "Home",
        "4. Harbour town keeps its ferry",
        "ferry, harbour, vote, bay",
        "The old ferry at the quay (Photo: AP)",
        *_EN_PARAS,
    ]
    by_text = _headline_features_by_text(lines)
    numbered = by_text["4. Harbour town keeps its ferry"]
    tags = by_text["ferry, harbour, vote, bay"]
    caption = by_text["The old ferry at the quay (Photo: AP)"]
    assert numbered["starts with a list number"] == 1.0 and tags["starts with a list number"] == 0.0
    assert tags["two commas or more"] == 1.0 and numbered["two commas or more"] == 0.0
    assert caption["ends with a credit"] == 1.0 and numbered["ends with a credit"] == 0.0
    assert (
        numbered["words found in the first paragraphs"]
        > tags["words found in the first paragraphs"] / 2
    )
    assert (
        sum(v for k, v in numbered.items() if k.startswith("position<=") or k == "position>2")
        == 1.0
    )


def test_headline_features_against_the_other_candidates() -> None:
    lines = [
        "harbourcourier.com Home",  # (a web address alone is no candidate at all)
        "Local news Harbour town keeps its wooden ferry",
        "Harbour town keeps its wooden ferry",
        "Ferries",
        "ferry, harbour, vote, bay",
        *_EN_PARAS,
    ]
    by_text = _headline_features_by_text(lines)
    domain, kicked = by_text[lines[0]], by_text[lines[1]]
    headline, word, tags = by_text[lines[2]], by_text["Ferries"], by_text[lines[4]]
    # one-word lines are candidates too ("Ferries"): the ranker weighs them
    assert word["words<=1"] == 1.0 and headline["words<=1"] == 0.0
    assert domain["looks like a domain name"] == 1.0 and headline["looks like a domain name"] == 0.0
    assert tags["comma-separated words"] == 1.0 and headline["comma-separated words"] == 0.0
    assert kicked["holds another candidate"] == 1.0
    assert kicked["held in another candidate"] == 0.0
    assert headline["held in another candidate"] == 1.0
    assert headline["holds another candidate"] == 0.0
    assert word["held in another candidate"] == 0.0  # a word, not the whole line
    # "harbour", "town", "keeps"...: words of the first paragraphs, counted up to six
    assert headline["text words found (up to 6)"] > domain["text words found (up to 6)"]
    best = [k for k, r in by_text.items() if r["most words found in the first paragraphs"]]
    assert best and all(
        by_text[k]["words found in the first paragraphs"]
        >= headline["words found in the first paragraphs"]
        for k in best
    )


def test_headline_features_of_the_header_run() -> None:
    lines = [
        "Home",
        "Local",
        "Harbour town keeps its wooden ferry",
        "The council voted to pay for the repairs, and the old boat stays in service.",
        *_EN_PARAS,
        "Share: Harbour town keeps its wooden ferry",
    ]
    by_text = _headline_features_by_text(lines)
    headline, kicker = by_text[lines[2]], by_text["Local"]
    # quoted in a longer line further down (a share button's text), not only repeated
    assert headline["quoted inside other lines"] == 1.0
    assert kicker["quoted inside other lines"] == 0.0
    assert headline["candidate precedes"] == 1.0 and headline["shorter candidate precedes"] == 1.0
    assert kicker["candidate follows"] == 1.0 and kicker["shorter candidate precedes"] == 0.0
    # a longer standfirst sentence follows the headline
    assert headline["longer line follows"] == 1.0 and headline["longer sentence follows"] == 1.0
    assert kicker["longer sentence follows"] == 0.0


def test_a_headline_starting_with_a_name_is_a_candidate() -> None:
    lines = ["Menu", "Lotte Tobisch ist tot", "Lotte Tobisch", *_DE_PARAS]
    by_text = _headline_features_by_text(lines)
    assert "Lotte Tobisch ist tot" in by_text
    assert "Lotte Tobisch" not in by_text  # a name alone: a byline


@pytest.mark.parametrize(
    ("page_title", "headline"),
    [
        # a headline in two parts keeps both; the site's name goes
        (
            "Ferry stays in service - Council pays the bill - Harbour Courier",
            "Ferry stays in service - Council pays the bill",
        ),
        ("Ferry stays in service – my blog", "Ferry stays in service"),
        ("Ferry stays | Local News | The Harbour Courier", "Ferry stays"),
        ("harbour-courier.com - Ferry Stays", "Ferry Stays"),  # an address goes first
        ("Ferry stays? – THE HARBOUR COURIER. HARBOUR.COM", "Ferry stays?"),
        ("Courier - Harbour town keeps its ferry", "Harbour town keeps its ferry"),
        ("Harbour town keeps its ferry", "Harbour town keeps its ferry"),
    ],
)
def test_the_page_title_without_its_site_name(page_title: str, headline: str) -> None:
    assert _without_site(page_title, _page_title_parts(page_title)) == headline


def test_a_line_repeating_a_page_title_in_two_parts_is_the_headline() -> None:
    headline = "Ferry stays in service – council pays the bill"
    page_title = "Ferry stays in service - council pays the bill - The Harbour Courier"
    page = "\n\n".join([page_title, "Home", "News", headline, "Ferry stays in service", *_EN_PARAS])
    assert newsclean.clean(page + "\n").title == headline


def test_a_caption_with_its_credit_is_no_headline_candidate() -> None:
    caption = "The old ferry leaves the pier at dawn. Photo: Anna Berg"
    reviser = _reviser("\n\n".join(["Home", caption, *_EN_PARAS]), "en")
    idx, _ = reviser.headline_candidates()
    assert all(reviser.blocks[i].text != caption for i in idx)


@pytest.mark.parametrize(
    ("line", "candidate"),
    [
        ("Can fish feel pain / suffer?", True),  # a slash, but no source named
        ("Anna Berg / Reuters", False),
    ],
)
def test_a_slash_line_is_a_headline_candidate_unless_it_names_a_source(
    line: str, candidate: bool
) -> None:
    reviser = _reviser("\n\n".join(["Home", line, *_EN_PARAS]), "en")
    idx, _ = reviser.headline_candidates()
    assert any(reviser.blocks[i].text == line for i in idx) is candidate


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Home » News » Harbour town keeps its ferry", "Harbour town keeps its ferry"),
        ("Home >> Towns >> Harbour town keeps its ferry", "Harbour town keeps its ferry"),
        ("Analysis » Why the ferry stays", "Analysis » Why the ferry stays"),  # one separator
    ],
)
def test_a_breadcrumb_trail_before_the_headline_is_cut_off(line: str, title: str) -> None:
    article = newsclean.clean("\n\n".join(["Menu", line, "By Anna Berg", *_EN_PARAS]) + "\n")
    assert article.title == title
    assert next(ln for ln in article.lines if ln.text == line).label.value == "title"


def test_a_page_without_lines_has_no_headline_candidates() -> None:
    reviser = Reviser([], [], Scores(first=[], final=[], threshold=0.5), load("en"))
    assert reviser.headline_candidates() == ([], [])
    assert reviser.run().title is None


def test_a_page_title_line_repeating_the_headline_stays_out_of_the_text_run() -> None:
    # a <title> that says the headline twice, above a run of short items that read as text
    page_title = "Gardener 2.5 - The Spring Update - Gardener 2.5 - The Spring Update - Garden News"
    items = [f"Added {w} stone blocks, with smooth versions" for w in "ABCDEFGHIJ"]
    page = "\n".join([page_title, "Garden News", "Gardener 2.5 - The Spring Update", *items])
    article = newsclean.clean(page + "\n")
    assert article.title == "Gardener 2.5 - The Spring Update"
    assert article.lines[0].label is not newsclean.Label.BODY
    assert page_title not in article.body


_COMMENT = (
    "I have taken this ferry every morning for twenty years, and I am glad the council "
    "found the money to keep it running."
)


@pytest.mark.parametrize(
    ("paras", "count"),
    [
        (_EN_PARAS, "11 responses to “The Loneliest Ferry in the World: An Appreciation”"),
        (_EN_PARAS, "2 thoughts on “The Loneliest Ferry in the World: An Appreciation”"),
        (_DE_PARAS, "11 Antworten zu „Sonntagsgedanken: Die Fähre bleibt ein wenig länger“"),
    ],
)
def test_a_comment_count_after_the_text_is_not_article_text(paras: list[str], count: str) -> None:
    page = "\n\n".join(["The ferry stays in service", *paras, count, _COMMENT]) + "\n"
    article = newsclean.clean(page)
    assert count not in article.body and article.title != count
    assert paras[-1] in article.body


def test_a_sentence_starting_with_a_count_of_comments_stays_text() -> None:
    line = "12 comments were sent to the council before the vote on the ferry plan."
    article = newsclean.clean("\n\n".join([*_EN_PARAS[:2], line, *_EN_PARAS[2:]]) + "\n")
    assert line in article.body


@pytest.mark.parametrize(
    ("paras", "label"),
    [
        (_EN_PARAS, "Figure 3: Passengers per day on the harbour ferry since 2015"),
        (_DE_PARAS, "Abbildung 4: Fahrgäste pro Tag auf der Fähre seit 2015"),
        (_DE_PARAS, "Abb. 2 – Der Fahrplan der Fähre im Winter"),
    ],
)
def test_a_numbered_figure_label_is_a_caption(paras: list[str], label: str) -> None:
    article = newsclean.clean("\n\n".join([*paras[:2], label, *paras[2:]]) + "\n")
    assert label not in article.body
    assert [c.text for c in article.captions] == [label]


def test_a_sentence_naming_a_figure_stays_text() -> None:
    line = "Figure 3 shows how many passengers took the ferry each day since 2015, by season."
    article = newsclean.clean("\n\n".join([*_EN_PARAS[:2], line, *_EN_PARAS[2:]]) + "\n")
    assert line in article.body


@pytest.mark.parametrize(
    "appeal",
    [
        "Folgen Sie uns auf Facebook und Twitter, um keine Nachricht aus der Region zu verpassen.",
        "Lust auf mehr? Lass dir die besten Geschichten jede Woche in dein Postfach schicken.",
        "Gefällt dir unser Magazin? Wir verzichten auf eine Bezahlschranke und bitten um Hilfe.",
    ],
)
def test_an_appeal_to_the_reader_after_the_text_is_not_text(appeal: str) -> None:
    page = "\n\n".join(["Die Fähre bleibt", *_DE_PARAS, appeal, "Impressum"])
    article = newsclean.clean(page + "\n")
    assert article.body[-1] == _DE_PARAS[-1]
    assert appeal not in article.body


def test_a_sentence_only_mentioning_following_stays_text() -> None:
    last = "Die Gemeinde will den Plänen folgen, sagen Sie uns, und hofft auf Unterstützung."
    page = "\n\n".join(["Die Fähre bleibt", *_DE_PARAS, last, "Impressum"])
    assert newsclean.clean(page + "\n").body[-1] == last


def test_a_bio_naming_a_writers_job_after_the_text_is_not_text() -> None:
    bio = "Anna Berg is a senior reporter for the Harbour Courier, covering local politics."
    page = "\n\n".join(["Harbour town keeps its ferry", *_EN_PARAS, bio, "Contact"])
    article = newsclean.clean(page + "\n")
    assert bio not in article.body
    assert article.body[-1] == _EN_PARAS[-1]
    # a last paragraph about a person, naming no writer's job, stays
    last = "Anna Berg said she would take the ferry to work again on Monday morning."
    page = "\n\n".join(["Harbour town keeps its ferry", *_EN_PARAS, last, "Contact"])
    assert newsclean.clean(page + "\n").body[-1] == last


def test_the_bio_of_the_bylined_author_before_the_text_is_not_text() -> None:
    bio = (
        "Anna Berg is a professor of public law at the University of Bonn, where she has "
        "taught since 2009 and writes about the courts and their part in elections."
    )
    page = "\n\n".join(["Harbour town keeps its ferry", "By Anna Berg", bio, *_EN_PARAS])
    article = newsclean.clean(page + "\n")
    assert article.authors == ("Anna Berg",)
    assert bio not in article.body
    assert article.body[0] == _EN_PARAS[0]


@pytest.mark.parametrize(
    ("paras", "notice"),
    [
        (
            _EN_PARAS,
            "This post contains references to products from one or more of our advertisers, "
            "and we may be paid when you click on links to them.",
        ),
        (
            _DE_PARAS,
            "Dieser Beitrag wurde veröffentlicht in Allgemein und verschlagwortet mit Fähre, "
            "Hafen und Gemeinderat von Anna.",
        ),
        (
            _DE_PARAS,
            "Der Beitrag wurde am Mittwoch, den 3. März 2021 um 9:40 Uhr veröffentlicht und "
            "unter Hafen, Fähre, Gemeinderat abgelegt. Du kannst die Kommentare zu diesem "
            "Eintrag durch den Feed verfolgen, aber die Kommentare sind derzeit geschlossen.",
        ),
    ],
)
def test_a_publishing_or_advertising_notice_after_the_text_is_not_text(
    paras: list[str], notice: str
) -> None:
    page = "\n\n".join(["Harbour town keeps its ferry", *paras, notice, "Impressum"])
    article = newsclean.clean(page + "\n")
    assert notice not in article.body
    assert article.body[-1] == paras[-1]


def test_a_page_title_naming_a_section_gives_way_to_the_headline_below() -> None:
    headline = "Harbour town votes to keep its wooden ferry in service"
    lines = ["Local News | The Harbour Courier", "Home", "Local News", "Sport", headline]
    page = "\n\n".join([*lines, "By Anna Berg", *_EN_PARAS])
    assert newsclean.clean(page + "\n").title == headline
    # a short repeat with no confident headline below it is still taken
    page = "\n\n".join(["Ferries | The Harbour Courier", "Home", "Ferries", *_EN_PARAS])
    assert newsclean.clean(page + "\n").title == "Ferries"


@pytest.mark.parametrize("line", ["3:59 PM", "14.05 Uhr", "9h30", "11.30 am"])
def test_a_time_of_day_alone_is_not_text(line: str) -> None:
    # a blog's comment or post time set as a heading between paragraphs
    paras = [f"<p>{p}</p>" for p in _EN_PARAS]
    page = (
        "<html><body><h1>Harbour town keeps its ferry</h1>"
        + "".join([paras[0], f"<h3>{line}</h3>", *paras[1:]])
        + "</body></html>"
    )
    article = newsclean.clean(page, newsclean.Options(input_format="html"))
    assert line not in article.body
    assert article.body == tuple(_EN_PARAS)


@pytest.mark.parametrize("line", ["1.50", "2019", "Seite 3"])
def test_a_number_alone_is_no_time_of_day(line: str) -> None:
    assert _TIME_ONLY_RE.fullmatch(line) is None


@pytest.mark.parametrize(
    "line", ["Crédits photos : Bestimage", "Image illustrative : Lego par Ninja Brick"]
)
def test_french_picture_credits(line: str) -> None:
    assert is_credit(line, load("fr"), strict=True)


@pytest.mark.parametrize(
    ("paras", "tail"),
    [
        (_DE_PARAS, "Vervielfältigung nur mit Genehmigung"),
        (
            _EN_PARAS,
            "If you enjoyed reading this post, would you consider supporting our work? "
            "Just click here.",
        ),
    ],
)
def test_notices_after_the_text_are_not_text(paras: list[str], tail: str) -> None:
    page = "\n\n".join(["Harbour town keeps its ferry", *paras, tail, "Impressum"])
    article = newsclean.clean(page + "\n")
    assert tail not in article.body
    assert article.body[-1] == paras[-1]


@pytest.mark.parametrize(("code", "header"), [("de", "Schon gelesen?"), ("es", "Temas")])
def test_more_related_headers(code: str, header: str) -> None:
    toks = tokens(header)
    _, cats = load(code).phrases.match(toks)
    assert cats.get("related", 0) * 2 >= len(toks)


@pytest.mark.parametrize(
    "opening",
    [
        "Zur Diskussion steht nun, ob die Gemeinde die Reparatur der alten Fähre selbst bezahlt.",
        "Der Beitrag wurde am Montag vom Gemeinderat erhöht, die Fähre kostet nun zwei Euro.",
    ],
)
def test_an_ordinary_sentence_opening_like_a_notice_stays_text(opening: str) -> None:
    paras = [*_DE_PARAS[:1], opening, *_DE_PARAS[1:]]
    page = "\n\n".join(["Die Fähre bleibt", *paras, "Impressum"])
    assert opening in newsclean.clean(page + "\n").body


def test_a_short_header_opening_with_a_related_phrase_starts_a_related_list() -> None:
    items = [
        "Warum die Fähre für das Dorf mehr als ein Boot ist",
        "Was die Reparatur der alten Fähre kosten wird",
        "Wie der Hafen im Winter eisfrei bleibt",
    ]
    page = "\n\n".join(
        ["Die Fähre bleibt", *_DE_PARAS, "Weitere Beiträge aus der Kolumne:", *items, "Impressum"]
    )
    article = newsclean.clean(page + "\n")
    assert article.body == tuple(_DE_PARAS)
    assert [r.title for r in article.related] == items


@pytest.mark.parametrize(
    "offer",
    [
        "Verpassen Sie nichts mehr: Abonnieren Sie kostenlos unseren Newsletter und bleiben Sie "
        "auf dem Laufenden.",
        "Wenn du per E-Mail über Neues aus dem Hafen informiert werden willst, kannst du dich "
        "hier anmelden.",
    ],
)
def test_an_offer_of_a_newsletter_between_paragraphs_is_not_text(offer: str) -> None:
    page = "\n\n".join(["Die Fähre bleibt", _DE_PARAS[0], offer, *_DE_PARAS[1:], "Impressum"])
    article = newsclean.clean(page + "\n")
    assert offer not in article.body
    assert list(article.body) == list(_DE_PARAS)
    line = next(ln for ln in article.lines if ln.text == offer)
    assert line.reason == "an offer to send the reader mail"


@pytest.mark.parametrize(
    "text",
    [
        # about mail, addressing the reader, but offering nothing
        "If you receive an email asking for your password, delete it and warn your bank at once.",
        # about a newsletter, but not addressing the reader
        "The council's newsletter had announced the vote on the ferry two weeks before.",
    ],
)
def test_text_about_mail_or_newsletters_stays_text(text: str) -> None:
    page = "\n\n".join(["Harbour town keeps its ferry", _EN_PARAS[0], text, *_EN_PARAS[1:]])
    article = newsclean.clean(page + "\n")
    assert text in article.body


# -- headlines and page titles -----------------------------------------------------------


@pytest.mark.parametrize(
    "headline",
    [
        "By the numbers: the harbour's ferry vote",  # reads as a byline ("By ...")
        "Minutes of the council meeting of 10 October 2019",  # holds a date
    ],
)
def test_a_line_saying_the_page_title_exactly_is_the_headline_even_if_it_reads_as_a_byline(
    headline: str,
) -> None:
    page = "\n\n".join([f"{headline} | The Bay Courier", "Home", "News", headline, *_EN_PARAS])
    article = newsclean.clean(page + "\n")
    assert article.title == headline
    title_line = next(ln for ln in article.lines if ln.label.value == "title")
    assert title_line.n > 1  # the line repeating the page title, not the page title
    assert title_line.reason == "title: repeats the page title"


def test_a_page_title_part_said_near_the_article_beats_the_site_name_in_the_header() -> None:
    # the longer part is the site's name, under its logo at the top of the page; the
    # headline, the page title's first part, stands just before the article
    site = "a database of multiplayer games"
    lines = [f"Bee Simulator | {site}", site, "Home", "Games", "Reviews", "News"]
    page = "\n\n".join([*lines, "Bee Simulator", *_EN_PARAS])
    article = newsclean.clean(page + "\n")
    assert article.title == "Bee Simulator"
    # a site name (the page title's last part) said near the article is not taken for it
    lines = ["Harbour town keeps its ferry - Bay Courier", "Harbour town keeps its ferry"]
    page = "\n\n".join([*lines, "Home", "News", "Sport", "Weather", "Bay Courier", *_EN_PARAS])
    assert newsclean.clean(page + "\n").title == "Harbour town keeps its ferry"


def test_a_page_title_repeat_far_above_the_article_is_still_the_headline() -> None:
    # a long menu between the headline and the article: the repeat is far from the text
    menu = [f"Holiday home number {k} in the valley" for k in range(200)]
    page = "\n".join(["Ferry timetable (2024) - Bay Courier", "Ferry timetable", *menu, *_EN_PARAS])
    reviser = _reviser(page, "en", lambda b: 0.9 if b.text in _EN_PARAS else 0.05)
    assert reviser.start > 200
    assert reviser.run().title == "Ferry timetable"


@pytest.mark.parametrize(
    ("first", "page_title"),
    [
        ("Fog. | Life, the master and me...", True),  # a full stop, but a site's separator
        ("Children and work » Harbour Children e.V.", True),
        ("The council met on Sunday - and voted.", False),  # a sentence
    ],
)
def test_a_first_line_ending_with_a_full_stop_is_a_page_title_with_a_site_separator(
    first: str, page_title: bool
) -> None:
    reviser = _reviser("\n".join([first, *_EN_PARAS]), "en")
    assert reviser._page_title()[0] == (first if page_title else "")


def test_without_a_ranked_headline_the_page_titles_first_part_said_alone_is_taken(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # the longest part of the page title is the site's name; the first part, said alone
    # just before the article, is the headline
    weights = load_title_ranker()[0]
    monkeypatch.setattr("newsclean.revise.load_title_ranker", lambda: (weights, 1e9, 1e9))
    page_title = "Fair ferries - Youth Union of the Harbour District - YUHD"
    lines = [page_title, "Home", "Projects", "Fair ferries", *_EN_PARAS]
    article = newsclean.clean("\n\n".join(lines) + "\n")
    assert article.title == "Fair ferries"
    assert next(ln for ln in article.lines if ln.text == "Fair ferries").label.value == "title"
    # not said alone: the page title without its site's name, as before
    lines = [page_title, "Home", "Projects", *_EN_PARAS]
    assert newsclean.clean("\n\n".join(lines) + "\n").title == "Youth Union of the Harbour District"


def test_a_headline_numbered_as_a_breadcrumbs_last_item_loses_its_number() -> None:
    lines = ["1. Home", "2. News", "3. Harbour town votes to keep its wooden ferry", *_EN_PARAS]
    reviser = _reviser("\n".join(lines), "en")
    assert without_list_number(reviser.blocks, 2) == "Harbour town votes to keep its wooden ferry"
    reviser._set_title(2, "title: test")
    assert reviser.out.title == "Harbour town votes to keep its wooden ferry"
    # a number that continues no list stays ("3. Liga": a league's name)
    lines = ["Home", "3. Liga: Harbour FC wins the derby", *_EN_PARAS]
    reviser = _reviser("\n".join(lines), "en")
    assert without_list_number(reviser.blocks, 1) == "3. Liga: Harbour FC wins the derby"


def test_a_kicker_run_into_the_repeated_headline_is_cut_off() -> None:
    # the page title says "Kicker: Headline"; the line, without the colon, ran two
    # elements together
    page_title = "Papers online: Harbour data stolen by hackers | The Bay Courier"
    line = "Papers online Harbour data stolen by hackers"
    page = "\n\n".join([page_title, "Home", "News", line, *_EN_PARAS])
    article = newsclean.clean(page + "\n")
    assert article.title == "Harbour data stolen by hackers"
    assert next(ln for ln in article.lines if ln.text == line).label.value == "title"
    # with its colon, the line is the headline as it stands
    line = "Papers online: Harbour data stolen by hackers"
    page = "\n\n".join([page_title, "Home", "News", line, *_EN_PARAS])
    assert newsclean.clean(page + "\n").title == line


def test_a_ranked_line_running_on_after_the_page_title_gives_the_page_title(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page_title = "Dezuka Suisan: fried fish cakes, hot and fresh"
    line = f"{page_title} Welcome to the flavour capital of the northern coast"
    reviser = _reviser("\n\n".join([page_title, "Home", line, *_EN_PARAS]), "en")
    assert reviser._runs_on_after(2, page_title, page_title)
    # "Headline – part two" with the page title cut short: the line is the headline
    cut = _reviser("\n\n".join(["Hound drives off burglars", "Home", line, *_EN_PARAS]), "en")
    assert not cut._runs_on_after(2, "Hound drives off burglars – witnesses sought", "Hound")
    weights = load_title_ranker()[0]
    monkeypatch.setattr("newsclean.revise.load_title_ranker", lambda: (weights, -1e9, -1e9))
    monkeypatch.setattr(Reviser, "_best_ranked", lambda self: (2, 5.0))
    page = "\n\n".join([page_title, "Home", line, *_EN_PARAS])
    assert newsclean.clean(page + "\n").title == page_title


@pytest.mark.parametrize(("h1_score", "taken"), [(0.0, True), (4.5, False)])
def test_a_ranked_line_below_a_short_h1_must_outrank_the_h1(
    monkeypatch: pytest.MonkeyPatch, h1_score: float, taken: bool
) -> None:
    reviser = _reviser(
        "\n\n".join(["Home", "Gnaur", "Harbour town keeps its ferry", *_EN_PARAS]), "en"
    )
    monkeypatch.setattr(
        "newsclean.revise.load_title_ranker", lambda: (load_title_ranker()[0], 2.0, 5.0)
    )
    monkeypatch.setattr(Reviser, "_ranked", lambda self: {1: h1_score, 2: 5.0})
    expected = (2, "title: headline below the site's h1 (+5.0)") if taken else None
    assert reviser._ranked_below_h1(1) == expected


def test_headline_features_of_an_indented_rendering() -> None:
    # inscriptis: menus as list items, the headline less indented than the article's block
    headline = "Harbour town keeps its wooden ferry"
    deck = "The council voted to pay for the repairs, and the old boat stays in service."
    lines = ["      * Home", "      * News", f"    {headline}", f"      {deck}"]
    lines += [f"      {p}" for p in _EN_PARAS]
    reviser = _reviser("\n".join(lines), "en")
    idx, rows = reviser.headline_candidates()
    by_text = {
        reviser.blocks[i].text: dict(zip(TITLE_FEATURES, row, strict=True))
        for i, row in zip(idx, rows, strict=True)
    }
    title = by_text[headline]
    assert title["less indented than the next line"] == 1.0
    assert title["less indented than the text"] == 1.0
    assert title["more indented than the text"] == 0.0
    assert title["list item precedes"] == 1.0 and title["list item follows"] == 0.0
    assert title["no list item between it and the text"] == 1.0
    if deck in by_text:
        assert by_text[deck]["less indented than the next line"] == 0.0


def test_a_menu_run_together_with_bars_is_no_headline_candidate() -> None:
    menu = "Start|Magazine|Cool tips|Magic cleaning"
    lines = ["Home", menu, "Harbour town keeps its wooden ferry", *_EN_PARAS]
    by_text = _headline_features_by_text(lines)
    assert menu not in by_text
    assert "Harbour town keeps its wooden ferry" in by_text


@pytest.mark.parametrize("contact", ["office@harbourcourier.com", "Call us: +44 20 7946 0958"])
def test_contact_details_are_no_headline_candidates(contact: str) -> None:
    by_text = _headline_features_by_text(
        ["Home", contact, "Harbour town keeps its ferry", *_EN_PARAS]
    )
    assert contact not in by_text
    assert "Harbour town keeps its ferry" in by_text


@pytest.mark.parametrize(
    ("code", "line", "byline"),
    [
        ("de", "Veröffentlicht von Cem Basman", True),
        ("en", "Posted by Anna Berg", True),
        ("en", "Rescued by the harbour ferry crew", False),  # no name
        ("en", "Anna Berg", False),  # a name alone: the byline test of its own
    ],
)
def test_a_word_or_two_then_by_and_a_name_is_a_byline(code: str, line: str, byline: bool) -> None:
    paras = _DE_PARAS if code == "de" else _EN_PARAS
    reviser = _reviser("\n\n".join(["Home", line, *paras]), code)
    assert reviser._by_name(line) is byline
    if byline:
        idx, _ = reviser.headline_candidates()
        assert all(reviser.blocks[i].text != line for i in idx)


@pytest.mark.parametrize(("ranked_score", "expected"), [(5.1, "page title"), (6.0, "ranked")])
def test_the_page_title_wins_a_near_tie_with_a_ranked_line(
    monkeypatch: pytest.MonkeyPatch, ranked_score: float, expected: str
) -> None:
    page_title = "Bartleby the Scrivener Web Study Text"
    ranked = "Click on text in red for notes and questions"
    page = "\n\n".join([page_title, "Home", ranked, *_EN_PARAS])
    monkeypatch.setattr(
        "newsclean.revise.load_title_ranker", lambda: (load_title_ranker()[0], 2.0, 5.0)
    )
    monkeypatch.setattr(Reviser, "_ranked", lambda self: {0: 5.0, 2: ranked_score})
    title = newsclean.clean(page + "\n").title
    assert title == (page_title if expected == "page title" else ranked)


def test_a_headline_candidate_starting_in_lower_case_is_marked() -> None:
    lines = ["Home", "chaos theory", "The hidden heroines of chaos", *_EN_PARAS]
    by_text = _headline_features_by_text(lines)
    assert by_text["chaos theory"]["starts with a lower-case letter"] == 1.0
    assert by_text["The hidden heroines of chaos"]["starts with a lower-case letter"] == 0.0


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Anna Berg/dpa", True),
        ("picture alliance / AP", True),
        ("Added /fill command", False),  # a command, not "A / B"
        ("Use the /stats page", False),
    ],
)
def test_a_slash_credit_has_its_slash_spaced_on_both_sides_or_on_neither(
    line: str, credit: bool
) -> None:
    assert is_credit(line, load("en")) is credit


def test_a_sentence_outside_the_text_with_a_credit_below_is_a_caption() -> None:
    # a gallery after the article: each picture's title, its sentence, its agency
    pictures = [
        ("Harbour in the rain", "Fishing boats wait in the harbour while the storm passes."),
        ("Market day", "Traders sell fish on the quay as the ferry comes in."),
        ("New engine", "Engineers lift the new engine onto the old ferry."),
    ]
    gallery = [
        line
        for k, (title, sentence) in enumerate(pictures)
        for line in (f"{k + 3}/20 {title}", sentence, "Getty")
    ]
    page = [*_EN_PARAS, _EN_THIRD, "In pictures", *gallery, "Impressum"]
    article = newsclean.clean("\n\n".join(["Ferry stays", *page]) + "\n")
    captions = [(c.text, c.credit) for c in article.captions]
    assert (pictures[1][1], "Getty") in captions
    assert not [text for _title, text in pictures if text in article.body]


def test_a_date_line_above_a_credit_is_no_caption() -> None:
    dated = "12. März 2024 Anna Berg 6"  # a post's date, author and comment count
    page = "\n\n".join(["Fähre bleibt", dated, "Foto: dpa", *_DE_PARAS, "Impressum"])
    captions = [c.text for c in newsclean.clean(page + "\n").captions]
    assert dated not in captions


def test_an_article_listed_twice_is_one_related_link() -> None:
    items = [
        "[Harbour master retires after forty years](https://example.com/a)",
        "[Harbour master retires after forty years](https://example.com/a)",  # picture
        "[Fishing fleet returns early as storm nears](https://example.com/b)",
        "[Harbour  master retires after forty years](https://example.com/a)",  # 2nd list
    ]
    page = "\n\n".join(["# Ferry stays", *_EN_PARAS, "## Related", *items, "Imprint"])
    related = newsclean.clean(page + "\n", newsclean.Options(input_format="markdown")).related
    assert [(r.title, r.url) for r in related] == [
        ("Harbour master retires after forty years", "https://example.com/a"),
        ("Fishing fleet returns early as storm nears", "https://example.com/b"),
    ]


def test_links_to_the_sites_profiles_are_no_related_articles() -> None:
    items = [
        "[Besucht uns auf Facebook](https://facebook.com/club)",
        "[Besucht uns auf Instagram](https://instagram.com/club)",
        "[Der Verein auf YouTube](https://youtube.com/club)",
    ]
    page = "\n\n".join(["# Fähre bleibt", *_DE_PARAS, *items, "Impressum"])
    article = newsclean.clean(page + "\n", newsclean.Options(input_format="markdown"))
    assert article.related == ()


def test_a_paragraph_opening_with_a_cookie_phrase_is_a_consent_notice() -> None:
    notice = (
        "We use cookies and similar technologies to improve your browsing experience, "
        "personalize content and offers, show targeted ads, analyze traffic and "
        "understand where our audiences come from."
    )
    page = "\n\n".join(["Ferry stays", *_EN_PARAS, notice, _EN_THIRD, "Imprint"])
    article = newsclean.clean(page + "\n")
    assert notice not in article.body
    assert _EN_THIRD in article.body


@pytest.mark.parametrize(
    "button", ["Click to print (Opens in new window)", "Click to email a link to a friend"]
)
def test_share_buttons_a_blog_prints_between_paragraphs(button: str) -> None:
    page = "\n\n".join(["Ferry stays", *_EN_PARAS, button, _EN_THIRD, "Imprint"])
    assert button not in newsclean.clean(page + "\n").body


def test_a_lone_teaser_below_a_list_of_related_links_is_no_text() -> None:
    items = [
        "Harbour master retires after forty years at sea",
        "Fishing fleet returns early as storm nears",
        "New bridge plan rejected by the county board",
        "Lighthouse keepers gather for their annual meeting",
        "Island school gets a new roof after long wait",
    ]
    teaser = (
        "On Monday the ferry company said it would add a second boat during the summer, "
        "when tourists come."
    )
    page = [*_EN_PARAS, _EN_THIRD, "Most read", *items, teaser, "Imprint"]
    article = newsclean.clean("\n\n".join(["Ferry stays", *page]) + "\n")
    assert [r.title for r in article.related] == items
    assert teaser not in article.body and _EN_THIRD in article.body


@pytest.mark.parametrize(
    "line",
    [
        "Jetzt 1000 Euro Kredit sichern »",
        "Next On Harbour News ›",
        "CHOCOLATE PANCAKES WITH BERRIES >>>",
        "Part 2 of the ferry series Next Work →",
    ],
)
def test_a_short_line_ending_in_an_arrow_is_a_links_button(line: str) -> None:
    page = "\n\n".join(["Ferry stays", *_EN_PARAS, line, _EN_THIRD, "Imprint"])
    assert line not in newsclean.clean(page + "\n").body


def test_a_closing_guillemet_is_no_arrow() -> None:
    from newsclean.revise import _ARROW_END_RE

    assert _ARROW_END_RE.search("«Wir bleiben hier»") is None
    assert _ARROW_END_RE.search("Mehr erfahren »") is not None


def test_a_short_line_opening_with_a_related_phrase_is_no_subheading() -> None:
    pointer = "Mehr zu Fähren, Brücken und dem alten Hafen"
    page = "\n\n".join(["Fähre bleibt", *_DE_PARAS, pointer, *_DE_PARAS, "Impressum"])
    article = newsclean.clean(page + "\n")
    assert pointer not in article.body
    reasons = [ln.reason for ln in article.lines if ln.text == pointer]
    assert reasons and reasons[0].startswith("opens with a related phrase")


def test_a_text_cut_off_above_a_read_more_link_is_a_teaser() -> None:
    teaser = "Der Stadtrat prüft derzeit die Pläne für eine zweite Fähre. Damit rückt eine…"
    page = "\n\n".join(
        ["Fähre bleibt", *_DE_PARAS, teaser, "weiterlesen 4 Minuten", *_DE_PARAS, "Impressum"]
    )
    assert teaser not in newsclean.clean(page + "\n").body


def test_a_read_more_link_is_no_related_header() -> None:
    """A lone "Mehr erfahren" / "Read more" ends a teaser; it heads no list, so the
    article's subheadings below it are not taken as related links."""
    subheads = ["Die Reparatur der alten Fähre", "Was der Gemeinderat nun plant"]
    page = "\n\n".join(
        [
            "Fähre bleibt",
            _DE_PARAS[0],
            "Mehr erfahren",
            subheads[0],
            _DE_PARAS[1],
            subheads[1],
            _DE_PARAS[0].replace("Sonntag", "Montag"),
            "Impressum",
        ]
    )
    article = newsclean.clean(page + "\n")
    assert article.related == ()
    assert _DE_PARAS[1] in article.body


@pytest.mark.parametrize(
    ("header", "tags", "paras"),
    [
        ("Schlagwörter:", ["Fähre, Hafen", "Gemeinderat Nordstrand", "Verkehr"], _DE_PARAS),
        ("Tags", ["Harbour town ferry", "Local politics and councils", "Boats"], _EN_PARAS),
    ],
)
def test_the_items_under_a_tag_header_are_tags_not_related_articles(
    header: str, tags: list[str], paras: list[str]
) -> None:
    page = "\n\n".join(["Ferry stays", *paras, header, *tags, "Impressum"])
    article = newsclean.clean(page + "\n")
    assert article.related == ()
    assert article.body == tuple(paras)
    reasons = [ln.reason for ln in article.lines if ln.text in tags]
    assert len(reasons) == len(tags) and all(r.startswith("a tag under") for r in reasons)


@pytest.mark.parametrize(
    ("line", "paras"),
    [
        ("Schlagwörter: Fähre, Hafen, Gemeinderat Nordstrand", _DE_PARAS),
        ("Abgelegt unter Hafen und Verkehr", _DE_PARAS),
        ("Filed under: Local news, Boats, Town council", _EN_PARAS),
    ],
)
def test_a_line_of_tags_is_no_related_link(line: str, paras: list[str]) -> None:
    page = "\n\n".join(["Ferry stays", *paras, line, "Impressum"])
    article = newsclean.clean(page + "\n")
    assert article.related == ()
    assert article.body == tuple(paras)
    assert [ln.reason for ln in article.lines if ln.text == line] == ["a tag line"]


@pytest.mark.parametrize(
    ("notice", "paras"),
    [
        (
            "Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden. Dabei "
            "können personenbezogene Daten an Drittplattformen übermittelt werden.",
            _DE_PARAS,
        ),
        (
            "By clicking accept, you consent to our use of cookies and to sharing personal "
            "data with our partners.",
            _EN_PARAS,
        ),
        (  # a long one, as consent managers write them (about 80 words)
            "Harbour Media would like to process and share personal data, such as your "
            "device's advertising identifier, and data about your use of our site, such as "
            "the pages you read and the links you click, with our advertising partners and "
            "other third parties, in order to show you adverts that are more relevant to "
            "you and to measure how well they work. By clicking accept below, you consent "
            "to these activities until you withdraw your consent in the privacy settings.",
            _EN_PARAS,
        ),
    ],
)
def test_a_consent_notice_inside_the_text_is_not_text(notice: str, paras: list[str]) -> None:
    page = "\n\n".join(["Ferry stays", paras[0], notice, *paras[1:], "Impressum"])
    article = newsclean.clean(page + "\n")
    assert notice not in article.body
    assert article.body == tuple(paras)


def test_a_report_on_cookie_consent_stays_text() -> None:
    report = (
        "Nach dem Urteil müssen Nutzer der Verwendung von Cookies künftig ausdrücklich "
        "zustimmen, entschied der Gerichtshof am Dienstag in Luxemburg."
    )
    page = "\n\n".join(["Cookie-Urteil", _DE_PARAS[0], report, _DE_PARAS[1], "Impressum"])
    assert report in newsclean.clean(page + "\n").body


def test_a_lead_caption_far_above_the_text_ending_with_a_credit_is_a_caption() -> None:
    """A lead picture's caption above the menu and the headline, beyond the caption
    search around the text, still ends with its credit: a caption, not text."""
    cap = (
        "The old wooden ferry crosses the bay on a calm morning, as it has done every "
        "day since 1962. Photo: Ana Paz"
    )
    menu = ["Home", "News", "Sport", "Weather", "Opinion", "Business", "Culture", "Travel"]
    menu += ["Video", "Podcasts", "Newsletters", "Events", "Jobs"]
    page = "\n\n".join([cap, *menu, "Harbour town keeps its ferry", *_EN_PARAS, _EN_THIRD])
    article = newsclean.clean(page + "\n")
    assert article.body == (*_EN_PARAS, _EN_THIRD)
    assert [(c.text, c.credit) for c in article.captions] == [(cap[:-15], "Photo: Ana Paz")]


def test_a_web_site_is_a_pictures_credit() -> None:
    from newsclean.patterns import credit_like

    assert credit_like("Foto: stadtblatt-nord.de")
    assert not credit_like("it was sold to the museum")


def test_a_line_repeated_with_a_trail_step_appended_is_no_captioned_picture() -> None:
    """ "Spanien -> Rioja" then "Spanien -> Rioja -> Bodegas Lanza": a category trail
    going on, not a caption repeated with its credit appended."""
    trail = ["Spanien -> Rioja", "Spanien -> Rioja -> Bodegas Lanza"]
    page = "\n\n".join(["Die Fähre bleibt", *_DE_PARAS, *trail, "Impressum"])
    article = newsclean.clean(page + "\n")
    assert article.captions == () and article.credits == ()


@pytest.mark.parametrize(
    "markup",
    [
        '<img src="//pixel.example.net/p-abc123.gif" style="display:none" height="1" width="1" />',
        '<div><a href="http://ads.example.com/jump/site/section;sz=300x250;kw=ferry,harbour;'
        'ord=12345?"><img src="http://ads.example.com/ad/site;sz=300x250;ord=12345?" '
        'border="0" /></a></div>',
        # a notice whose words outside the tags name JavaScript, in any language
        '<div class="notice"><p>Please turn on <em>JavaScript</em> to see the map.</p></div>',
        '<div class="karte-hinweis" id="hinweis"><p class="js">Bitte <b>JavaScript</b> '
        "aktivieren.</p></div>",
        '<div class="box"><p>この地図には<b>JavaScript</b>が必要です。</p></div>',
    ],
)
def test_a_tracking_pixel_printed_as_markup_is_not_text(markup: str) -> None:
    """A <noscript> pixel, advert or JavaScript notice a text view prints as written,
    between paragraphs."""
    page = "\n\n".join(["Ferry stays", _EN_PARAS[0], markup, _EN_PARAS[1], _EN_THIRD])
    article = newsclean.clean(page + "\n")
    assert article.body == (_EN_PARAS[0], _EN_PARAS[1], _EN_THIRD)


@pytest.mark.parametrize(
    "code",
    [
        # no hidden pixel, no tracker's address
        '<script src="vendor/coverage.js" data-adapter="vendor/adapter.js"></script>',
        # JavaScript named only inside the tags
        '<script type="text/javascript" src="vendor/coverage.js"></script> <p>Tests</p>',
    ],
)
def test_markup_shown_as_code_stays_text(code: str) -> None:
    """An article showing a line of HTML keeps it: code that loads a script names
    JavaScript inside its tags, not as a notice's word."""
    paras = [
        "To measure coverage, add a single script element to the page that runs your "
        "tests, after the test framework and before the tests themselves are loaded.",
        "The adapter then reports which lines of the library were run by the tests, and "
        "the report appears at the bottom of the page once every test has finished.",
    ]
    page = "\n\n".join(["Measuring coverage", paras[0], code, paras[1], _EN_THIRD])
    assert code in newsclean.clean(page + "\n").body


@pytest.mark.parametrize(
    ("notice", "paras"),
    [
        (
            "Currently you have JavaScript disabled. In order to post comments, please make "
            "sure JavaScript and cookies are enabled, and reload the page.",
            _EN_PARAS,
        ),
        ("JavaScript ist in Ihrem Browser deaktiviert.", _DE_PARAS),
    ],
)
def test_a_notice_that_the_page_needs_javascript_is_not_text(notice: str, paras: list[str]) -> None:
    page = "\n\n".join(["Ferry stays", paras[0], notice, paras[1], "Impressum"])
    article = newsclean.clean(page + "\n")
    assert article.body == tuple(paras)
    assert [ln.reason for ln in article.lines if ln.text == notice] == [
        "a notice that the page needs JavaScript"
    ]


def test_a_sentence_on_javascript_stays_text() -> None:
    line = "The new engine runs JavaScript twice as fast as the one it replaces."
    page = "\n\n".join(["Faster browsers", _EN_PARAS[0], line, _EN_PARAS[1], "Impressum"])
    assert line in newsclean.clean(page + "\n").body


def test_a_sentence_set_apart_from_the_text_above_a_credit_is_a_caption() -> None:
    """A picture's caption inside the text, scored as text: after a date line (not
    text, no heading), one sentence, then its credit."""
    cap = (
        "Fishermen mend their nets on the quay of the harbour town while the old "
        "wooden ferry comes in from the island"
    )
    head = ["Harbour town keeps its ferry", _EN_PARAS[0], "2 October 2024"]
    page = "\n\n".join([*head, cap, "Photo: AP", _EN_PARAS[1], _EN_THIRD, "Imprint"])
    article = newsclean.clean(page + "\n")
    assert cap not in article.body
    assert [(c.text, c.credit) for c in article.captions] == [(cap, "Photo: AP")]
    assert _EN_THIRD in article.body


def test_a_lead_above_an_agency_name_and_the_text_stays_text() -> None:
    """A lead under the headline, then an agency's name, then the text: the agency
    may sign the article (its byline), so the lead is no caption."""
    lead = "The harbour town will keep the wooden ferry that has crossed the bay since 1962."
    page = "\n\n".join(["Harbour town keeps its ferry", lead, "Reuters", *_EN_PARAS, _EN_THIRD])
    article = newsclean.clean(page + "\n")
    assert lead not in [c.text for c in article.captions]


def test_a_sentence_running_on_from_the_text_above_a_credit_stays_text() -> None:
    """The text's last sentence before a picture whose caption the scrape lost: it runs
    on from the paragraph above, so the credit below is the next picture's."""
    last = "The ferry will keep its old timetable through the winter."
    page = "\n\n".join(
        ["Harbour town keeps its ferry", *_EN_PARAS, last, "Photo: Ana Paz", _EN_THIRD]
    )
    article = newsclean.clean(page + "\n")
    assert last in article.body
    assert not article.captions


def test_a_long_caption_in_the_text_ending_with_a_picture_credit_is_a_caption() -> None:
    cap = (
        "Fishermen mend their nets on the quay of the harbour town on a grey morning "
        "in March, while the old wooden ferry, which has crossed the bay since 1962, "
        "comes in from the island. Photo: Ana Paz/Wikimedia"
    )
    page = "\n\n".join(["Harbour town keeps its ferry", _EN_PARAS[0], cap, *_EN_PARAS[1:]])
    article = newsclean.clean(page + "\n" + _EN_THIRD + "\n")
    assert cap not in article.body
    assert [c.credit for c in article.captions] == ["Photo: Ana Paz/Wikimedia"]


def test_a_long_sentence_naming_a_copyright_in_its_middle_stays_text() -> None:
    line = (
        "Der Autor sprach am Samstag auf der großen Messe in Frankfurt vor vielen Gästen "
        "über seine langen Jahre im Ausland, über angstvolle Momente, über das "
        "Urheberrecht, über Erdogans Copyright und die "
        "besondere Kraft der Minze."
    )
    page = "\n\n".join(["Die Fähre bleibt", _DE_PARAS[0], line, _DE_PARAS[1], "Impressum"])
    article = newsclean.clean(page + "\n")
    assert line in article.body


# -- boxes around the text: about the author, our newsletter, related headers ------------

_ES_PARAS = [
    "Los vecinos del pequeño puerto votaron el domingo a favor de conservar el viejo "
    "transbordador de madera que cruza la bahía desde 1962, en lugar de construir un puente.",
    "El ayuntamiento había dicho que las reparaciones eran demasiado caras, pero más de dos "
    "tercios de los votantes afirmaron que el barco forma parte del carácter del pueblo.",
]


@pytest.mark.parametrize(
    ("paras", "offer"),
    [
        (
            _EN_PARAS,
            "Get the Harbour Courier's morning briefing by email and never miss our best "
            "stories. Free sign up",
        ),
        (
            _ES_PARAS,
            "Puede escribirnos a la redacción, seguir al diario en las redes sociales o "
            "suscribirse aquí a nuestra newsletter semanal.",
        ),
    ],
)
def test_a_site_offering_its_newsletter_without_addressing_the_reader_is_no_text(
    paras: list[str], offer: str
) -> None:
    page = "\n\n".join(["Ferry stays", paras[0], offer, *paras[1:], "Contact"])
    article = newsclean.clean(page + "\n")
    assert offer not in article.body
    assert list(article.body) == list(paras)


def test_a_notice_asking_consent_for_an_embed_in_the_readers_privacy_is_no_text() -> None:
    notice = (
        "Wir achten deine Privatsphäre und laden ohne dein Einverständnis keine Inhalte von "
        "Instagram. Hier kannst du deine Auswahl jederzeit ändern."
    )
    page = "\n\n".join(["Die Fähre bleibt", _DE_PARAS[0], notice, *_DE_PARAS[1:], "Impressum"])
    article = newsclean.clean(page + "\n")
    assert notice not in article.body
    assert list(article.body) == list(_DE_PARAS)


#: Lines between an article and a box in its sidebar.
_SIDEBAR_GAP = ["Share", "Tweet", "Print", "Leave a comment", "Recent posts", "Archives"]


@pytest.mark.parametrize(
    ("paras", "header", "bio"),
    [
        (
            _DE_PARAS,
            "Über den Autor",
            "Er leitet seit vielen Jahren die Lokalredaktion und schreibt am liebsten über "
            "Boote, Brücken und die Menschen an der Küste.",
        ),
        (
            _EN_PARAS,
            "About the author",
            "She has covered the coast for the paper since 2011 and lives with her family "
            "in a house near the old harbour.",
        ),
        (  # an about word before the site's name, in a sidebar closing the page's prose
            [*_EN_PARAS, *_SIDEBAR_GAP],
            "About Harbour Notes",
            "This little blog has collected stories from the harbour and its boats for "
            "more than ten years, written by people who live there.",
        ),
    ],
)
def test_the_text_of_a_box_about_the_author_or_the_site_is_no_text(
    paras: list[str], header: str, bio: str
) -> None:
    page = "\n\n".join(["Ferry stays", *paras, header, "Anna Berg", bio, "Contact"])
    article = newsclean.clean(page + "\n")
    assert bio not in article.body
    assert paras[0] in article.body and paras[1] in article.body
    line = next(ln for ln in article.lines if ln.text == bio)
    assert line.reason == "about the author or the site"


def test_a_section_about_a_topic_inside_the_text_stays_text() -> None:
    section = (
        "The ferry was built in a yard on the island and has carried cars, cows and a "
        "brass band across the bay in its long life."
    )
    page = "\n\n".join(["Ferry stays", *_EN_PARAS, "About the Ferry", section, _EN_THIRD])
    article = newsclean.clean(page + "\n")
    assert section in article.body and _EN_THIRD in article.body


def test_a_lone_related_word_heads_a_list_of_related_articles() -> None:
    items = [
        "El alcalde promete un nuevo muelle antes del verano",
        "La flota pesquera vuelve antes de tiempo por la tormenta",
    ]
    page = "\n\n".join(
        ["El transbordador se queda", *_ES_PARAS, "Relacionados:", *items, "Contacto"]
    )
    article = newsclean.clean(page + "\n")
    assert [r.title for r in article.related] == items
    assert list(article.body) == list(_ES_PARAS)


def test_after_a_box_of_bare_related_titles_the_text_goes_on() -> None:
    items = "\n".join(
        [
            "Harbour master retires after forty years at sea",
            "Fishing fleet returns early as storm nears",
            "Lighthouse keepers gather for their annual meeting",
        ]
    )
    more = (
        "Repairs to the hull will start in the autumn, once the summer timetable ends, and "
        "should take about six weeks."
    )
    page = "\n\n".join(
        ["Ferry stays", *_EN_PARAS, "Read more", items, more, "What the town plans next", _EN_THIRD]
    )
    article = newsclean.clean(page + "\n")
    assert more in article.body and _EN_THIRD in article.body
    assert len(article.related) == 3


#: More paragraphs of the ferry story: the main span needs OFF_TOPIC_SPAN_WORDS words.
_FERRY_MORE = [
    "Supporters of the ferry collected signatures for months, arguing that the boat brings "
    "visitors to the harbour and that a bridge would cut the bay in two for sailors.",
    "The ferry's captain, who has steered the boat across the bay for twenty years, said "
    "the vote was a relief for the crew and for the families who use the crossing daily.",
    "Engineers estimate that the repairs of the hull will take a winter, during which a "
    "smaller boat will carry passengers between the two piers of the harbour town.",
    "The bridge plan is not entirely dead: the regional government said it would keep the "
    "study on file in case the ferry can no longer be repaired at a reasonable cost.",
]


def _ferry_page(before: list[str], after: list[str]) -> tuple[str, set[str]]:
    """A ferry story with ``before`` and ``after`` far from it; the article's paragraphs."""
    article = [*_EN_PARAS, _EN_THIRD, *_FERRY_MORE]
    filler = [f"Section {k}" for k in range(8)]
    lines = ["Home", *before, *filler, "Harbour town keeps its ferry", *article, *filler]
    return "\n".join([*lines, *after, "Imprint"]), set(article)


#: Teasers of other stories, each on its own subject (none on the ferry story's).
_OFF_TOPIC_TEASERS = (
    "A late goal sends the visitors to the cup final after a tense evening in the rain; "
    "the coach praised his goalkeeper.",
    "This lentil soup with cumin and lemon is ready in twenty minutes, feeds four and "
    "stays fresh for days in the fridge.",
    "The volcano erupted again overnight, and drifting ash has closed two airports; "
    "scientists expect more tremors.",
)


def test_runs_off_the_articles_topic_beyond_it_are_teasers() -> None:
    teasers = list(_OFF_TOPIC_TEASERS)
    lead = (
        "Voters in the harbour town decide on Sunday whether the wooden ferry keeps "
        "crossing the bay or gives way to a bridge."
    )
    menu = ["Latest", "Video", "Photos", "More", "Topics"]  # between the teasers
    before = ["Sport", teasers[0], *menu, teasers[1], *menu, teasers[2], *menu, lead]
    page, article = _ferry_page(before, [])
    scored = {*teasers, lead}
    reviser = _reviser(
        page, "en", lambda b: 0.95 if b.text in article else (0.7 if b.text in scored else 0.05)
    )
    body = [reviser.blocks[i].text for i in reviser.run().body]
    assert not set(teasers) & set(body)
    assert lead in body  # on the article's topic: kept, far from it as it is
    assert article <= set(body)


def test_a_headline_far_above_the_text_lends_no_words_to_its_topic() -> None:
    # the only "headline" is a box's header far above the article, and it names the
    # teasers' subjects: its words are no sign that the teasers are on the topic
    teasers = list(_OFF_TOPIC_TEASERS)
    box = "Goals, soup and volcano ash: what is on your mind?"
    article = [*_EN_PARAS, _EN_THIRD, *_FERRY_MORE]
    menu = ["Latest", "Video", "Photos", "More", "Topics"]
    before = [box, teasers[0], *menu, teasers[1], *menu, teasers[2]]
    filler = [f"Section {k}" for k in range(40)]
    page = "\n".join(["Home", *before, *filler, *article, "Imprint"])
    scores = {**dict.fromkeys(article, 0.95), **dict.fromkeys(teasers, 0.7), box: 0.6}
    reviser = _reviser(page, "en", lambda b: scores.get(b.text, 0.05))
    out = reviser.run()
    assert out.title == box
    body = [reviser.blocks[i].text for i in out.body]
    assert not set(teasers) & set(body)
    assert set(article) <= set(body)


def test_one_run_off_the_topic_is_kept() -> None:
    line = "This lentil soup with cumin and lemon is ready in twenty minutes and feeds four."
    page, article = _ferry_page(["Food", line], [])
    reviser = _reviser(
        page, "en", lambda b: 0.95 if b.text in article else (0.7 if b.text == line else 0.05)
    )
    assert line in [reviser.blocks[i].text for i in reviser.run().body]


@pytest.mark.parametrize(("header", "dropped"), [("Comments (3)", True), ("Comment", False)])
def test_text_below_the_comments_header_is_no_article_text(header: str, dropped: bool) -> None:
    comments = [
        "I took this ferry every summer as a child and I am so glad it will keep running.",
        "A bridge would have been cheaper in the long run, the council was right about it.",
    ]
    after = [header, "Anna", "12 May", "Reply", "Report", "Tom", comments[0], "Sam"]
    after += ["13 May", "Reply", "Report", comments[1]]
    page, article = _ferry_page([], after)
    reviser = _reviser(
        page, "en", lambda b: 0.95 if b.text in article else (0.8 if b.text in comments else 0.05)
    )
    body = [reviser.blocks[i].text for i in reviser.run().body]
    assert article <= set(body)
    assert bool(set(comments) & set(body)) is not dropped


def test_advert_markup_does_not_draw_the_main_span() -> None:
    ad = (
        '<div><a href="http://ad.example.net/jump/site/home;sz=728x90;kw=ferry,harbour,boat">'
        '<img src="http://ad.example.net/ad/site/home;sz=728x90;kw=ferry,harbour,boat,town,bay"'
        ' width="728" height="90"></a></div>'
    )
    teasers = [
        "Late goal sends the visitors to the cup final.",
        "Lentil soup with cumin is ready in twenty minutes.",
        "Ash from the volcano has closed two airports.",
    ]
    article = [*_EN_PARAS, _EN_THIRD]
    lines = ["Home", *article, *(f"Section {k}" for k in range(8)), *teasers, ad, ad, "Imprint"]
    reviser = _reviser(
        "\n".join(lines), "en", lambda b: 0.9 if b.text in {*article, *teasers, ad} else 0.05
    )
    assert (reviser.start, reviser.stop) == (1, 3)


def test_topic_words_of_text_without_spaces_are_character_pairs() -> None:
    reviser = _reviser("Home", "en")
    assert reviser._topic_words("港口渡轮 the Ferry stays") == {
        "港口",
        "口渡",
        "渡轮",
        "ferry",
        "stays",
    }


@pytest.mark.parametrize(
    ("notice", "paras"),
    [
        (
            "Some links in this story are affiliate links, and the site may be compensated "
            "for purchases made through them.",
            _EN_PARAS,
        ),
        (
            "Mit Sternchen markierte Verweise sind Affiliate-Links. Kaufen Sie darüber ein, "
            "erhalten wir eine Provision vom Händler.",
            _DE_PARAS,
        ),
        (
            "Este artículo incluye enlaces de afiliados: si compras a través de ellos, el "
            "medio recibe una pequeña comisión.",
            _ES_PARAS,
        ),
    ],
)
def test_a_note_on_affiliate_links_inside_the_text_is_not_text(
    notice: str, paras: list[str]
) -> None:
    page = "\n\n".join(["Ferry stays", paras[0], notice, *paras[1:], "Imprint"])
    article = newsclean.clean(page + "\n")
    assert notice not in article.body
    assert article.body == tuple(paras)


def test_a_disclaimer_below_the_text_is_not_text() -> None:
    disclaimer = (
        "Disclaimer: the views expressed here are those of the writer and do not reflect "
        "the position of the harbour board or its partners."
    )
    page = "\n\n".join(["Ferry stays", *_EN_PARAS, _EN_THIRD, disclaimer, "Imprint"])
    article = newsclean.clean(page + "\n")
    assert disclaimer not in article.body
    assert article.body == (*_EN_PARAS, _EN_THIRD)


def test_a_disclaimer_between_paragraphs_stays_text() -> None:
    """Between the text's paragraphs, "Disclaimer:" opens the writer's own caveat."""
    caveat = (
        "Disclaimer: the figures above come from the ferry company itself, and the council "
        "has not yet checked them against its own accounts."
    )
    page = "\n\n".join(["Ferry stays", _EN_PARAS[0], caveat, _EN_PARAS[1], _EN_THIRD])
    assert caveat in newsclean.clean(page + "\n").body


_PROMO_BOX = [
    "Jetzt weiterlesen",
    "Digital-Abo",
    "Alle Inhalte der Website",
    "Monatlich kündbar",
    "Nur 4,99 € im Monat",
    "Jetzt testen",
    "Bereits Abonnent?",
    "Anmelden",
]
_LAKE_TEXT = [
    "Der Stadtrat hat am Dienstag beschlossen, das Seebad am Nordufer bis zum Herbst "
    "zu schließen, weil die Wasserqualität seit Wochen unter den Grenzwerten liegt.",
    "Nach Angaben des Umweltamts hat sich die Algenblüte im warmen Juni stark "
    "ausgebreitet. Proben aus dem Seebad zeigen seit Anfang Juli erhöhte Werte.",
    "Die Betreiber des Kiosks am Seebad fürchten um ihre Einnahmen. Sie verlangen "
    "von der Stadt einen Ausgleich für die verlorene Saison am See.",
    "Das Umweltamt will die Wasserqualität nun jede Woche prüfen und die Ergebnisse "
    "im Internet veröffentlichen, damit Badegäste sich informieren können.",
]


def _seebad_page(standfirst: str) -> list[str]:
    return [
        "Startseite",
        "Lokales",
        "Algenblüte: Seebad am Nordufer bleibt bis zum Herbst geschlossen",
        standfirst,
        "Von Anna Berg",
        "12.07.2023",
        *_PROMO_BOX,
        *_LAKE_TEXT,
        "Impressum",
    ]


def test_a_standfirst_above_a_promotion_box_stays_with_the_text() -> None:
    """A standfirst below the headline is the article's, also when a box of short lines
    (a subscription offer, a gallery) parts it from the text; a line of other words
    there is not."""
    lead = (
        "Wegen einer Algenblüte im Seebad sperrt die Stadt das Nordufer. Die Wasserqualität "
        "liegt unter den Grenzwerten."
    )
    art = newsclean.clean("\n\n".join(_seebad_page(lead)))
    assert art.body[0] == lead
    assert list(art.body[1:]) == _LAKE_TEXT
    other = (
        "Unser Verlag gibt seit 1950 Zeitungen für die ganze Region heraus. Wir lieben "
        "Geschichten aus Ihrer Nachbarschaft."
    )
    art = newsclean.clean("\n\n".join(_seebad_page(other)))
    assert other not in art.body


def test_the_headline_repeated_inside_the_text_and_download_links_are_no_text() -> None:
    """A line of the text that repeats the headline (a teaser of the same article, a
    breadcrumb's last part) and a link to a file with its type and size are dropped;
    a sentence naming a PDF is kept."""
    headline = "Algenblüte: Seebad am Nordufer bleibt bis zum Herbst geschlossen"
    named = (
        "Das Umweltamt stellt die Messwerte als PDF 2 mal im Monat ins Netz, sagte ein Sprecher."
    )
    lines = [
        "Lokales",
        headline,
        "Von Anna Berg",
        *_LAKE_TEXT[:2],
        named,
        "Messwerte des Umweltamts (PDF, 298 KB)",
        "Badeverordnung der Stadt PDF | 38 KB | Datei ist nicht barrierefrei",
        *_LAKE_TEXT[2:],
        "Algenblüte: Seebad am Nordufer bleibt bis zum Herbst geschlossen.",
        "Impressum",
    ]
    art = newsclean.clean("\n\n".join(lines))
    assert art.title == headline
    assert list(art.body) == [*_LAKE_TEXT[:2], named, *_LAKE_TEXT[2:]]


def test_a_text_cut_off_with_a_read_more_link_on_the_same_line_is_a_teaser() -> None:
    teaser = (
        "The harbour board met again on Tuesday to talk about the timetable, and as "
        "the evening went on… Read more Read more"
    )
    page = "\n\n".join(["Ferry stays", *_EN_PARAS, teaser, _EN_THIRD, "Imprint"])
    article = newsclean.clean(page + "\n")
    assert teaser not in article.body and _EN_THIRD in article.body


def test_a_title_said_over_on_one_line_is_no_text() -> None:
    card = "Why the Old Ferry Still Matters " * 3
    page = "\n\n".join(["Ferry stays", *_EN_PARAS, card.strip(), _EN_THIRD, "Imprint"])
    article = newsclean.clean(page + "\n")
    assert card.strip() not in article.body and _EN_THIRD in article.body


def test_a_refrain_of_sentences_is_not_a_title_said_over() -> None:
    from newsclean.revise import _said_over

    assert _said_over("Ten Tips for Less Stress Ten Tips for Less Stress")
    assert not _said_over("Row, row, row your boat. Row, row, row your boat.")
    assert not _said_over("New York New York")  # (too short to be a title)


def test_a_long_list_of_names_run_together_beside_the_text_is_no_text() -> None:
    heads = ["Ash", "Birch", "Cold", "Dove", "Elm", "Fox", "Grey", "Hollow", "Iron", "King"]
    ends = ["ford", "wick", "mere", "holt", "dale", "combe", "stead", "field", "bury", "ton"]
    # a form's menu of places (St. Ives, Newbold (Upper)...) printed as one line
    places = " ".join(["St. Ives", "Newbold (Upper)", *(h + e for h in heads for e in ends)])
    short = ["Sign up", "Your town", "Your mail", "Subscribe", "Send", "Thanks"]
    lines = ["Ferry stays", *_EN_PARAS, _EN_THIRD, *short, places, "Imprint"]
    # the list is scored as text, just: long as it is, it must not draw the main span
    # to it, and beyond the span it is no paragraph
    reviser = _reviser(
        "\n".join(lines),
        "en",
        lambda b: 0.55 if b.text == places else 0.9 if len(b.text) > 30 else 0.0,
    )
    assert (reviser.start, reviser.stop) == (1, 3)
    body = [reviser.blocks[i].text for i in reviser.run().body]
    assert places not in body and _EN_THIRD in body


def test_the_main_span_grows_no_further_than_a_share_bar() -> None:
    from newsclean.features import line_facts
    from newsclean.revise import _grow

    share = line_facts("Share this article", load("en"))
    plain = line_facts("The ferry crossed the bay in the fog this morning.", load("en"))
    # the span is lines 0-1; line 3, scored just over INSIDE_THRESHOLD, lies below a
    # share bar (line 2) and is not taken in, while line 2 of another page is
    assert _grow((0, 1), [0.9, 0.9, 0.1, 0.45], [plain, plain, share, plain]) == (0, 1)
    assert _grow((0, 1), [0.9, 0.9, 0.1, 0.45], [plain, plain, plain, plain]) == (0, 3)


def test_a_paragraph_below_the_share_bar_that_closes_the_text_is_no_text() -> None:
    promo = "Level up your skills at our yearly meeting where the best people come together."
    lines = ["Ferry stays", *_EN_PARAS, _EN_THIRD, "Share this article:", "Join us", promo]
    # the promotion is prose scored just over LEAD_THRESHOLD, two short lines below the text
    reviser = _reviser(
        "\n".join(lines), "en", lambda b: 0.9 if b.text in (*_EN_PARAS, _EN_THIRD) else 0.3
    )
    body = [reviser.blocks[i].text for i in reviser.run().body]
    assert promo not in body and _EN_THIRD in body


def test_a_picture_gallery_in_the_text_is_no_text() -> None:
    slides = []
    for k, (head, caption) in enumerate(
        [
            ("Ferry in the fog", "The old ferry leaves the harbour on a grey morning in May."),
            ("New paint", "Volunteers gave the hull a fresh coat of blue paint last spring."),
            ("The captain", "Captain Ida Moor has steered the boat across the bay for years."),
            ("Night crossing", "The last crossing of the day leaves the pier at ten at night."),
        ],
        start=1,
    ):
        slides += [f"{k}/4 {head}", caption, "Photo: Ann Lee"]
    page = "\n\n".join(["Ferry stays", *_EN_PARAS, *slides, _EN_THIRD, "Imprint"])
    article = newsclean.clean(page + "\n")
    assert not any("ferry leaves the harbour" in p or "fresh coat" in p for p in article.body)
    assert _EN_THIRD in article.body and _EN_PARAS[0] in article.body


def test_numbers_over_a_total_that_do_not_count_up_are_no_gallery() -> None:
    from newsclean.revise import _gallery

    def blocks(lines: list[str]) -> list[Block]:
        return segment_text("\n\n".join(lines) + "\n")

    assert _gallery(blocks(["1/3 One", "a", "2/3 Two", "b", "3/3 Three", "c"])) == set(range(6))
    assert _gallery(blocks(["1/3 One", "a", "3/3 Two", "b", "2/3 Three", "c"])) == set()


def test_formula_markup_is_taken_out_of_the_text() -> None:
    from newsclean.patterns import without_formulas

    line = (
        "Let the set of n {\\displaystyle n} boats be b 1, …, b n "
        "{\\displaystyle b_{1},\\dots ,b_{n}} and let σ i {\\displaystyle \\sigma _{i}} "
        "be the speed of each."
    )
    assert without_formulas(line) == "Let the set of boats be and let be the speed of each."
    assert without_formulas("x 2 + y 2 {\\displaystyle x^{2}+y^{2}}") == ""
    plain = "The ferry {costs} 5 euros; a set {a, b} of tickets."
    assert without_formulas(plain) == plain


def test_formula_markup_is_taken_out_of_the_body() -> None:
    inline = (
        "The timetable gives the number of crossings a day as n {\\displaystyle n}, and "
        "the council wants it kept at twelve in the summer months, as it was last year."
    )
    formula = "n = 12 {\\displaystyle n=12}"
    page = "\n\n".join(["Ferry stays", *_EN_PARAS, inline, formula, _EN_THIRD, "Imprint"])
    article = newsclean.clean(page + "\n")
    assert article.body == (
        *_EN_PARAS,
        inline.replace(" n {\\displaystyle n},", ","),
        _EN_THIRD,
    )


_FR_PARAS = [
    "Les habitants de la petite ville portuaire ont décidé dimanche de garder le bac en "
    "bois qui traverse la baie depuis 1962, plutôt que de construire un pont.",
    "Le conseil municipal estimait que les réparations coûtaient trop cher, mais plus des "
    "deux tiers des électeurs ont dit que le bac faisait partie du caractère de la ville.",
    "La mairie cherche maintenant des subventions pour réparer la coque et le moteur, et "
    "une première inspection du bateau est prévue au début de l'été.",
]
_ES_THIRD = (
    "El ayuntamiento buscará ahora subvenciones para reparar el casco y el motor, y la "
    "primera inspección del barco está prevista para comienzos del verano."
)


@pytest.mark.parametrize(
    ("promo", "paras"),
    [
        (
            "The latest on coastal towns, from ferry timetables to harbour works and more",
            [*_EN_PARAS, _EN_THIRD],
        ),
        (
            "Daily news about the boats, bridges and people shaping our coast.",
            [*_EN_PARAS, _EN_THIRD],
        ),
        (
            "Toute l'actualité des ports, des bacs et des ponts de la côte atlantique, "
            "chaque matin.",
            _FR_PARAS,
        ),
        (
            "Lo último en transporte marítimo, de los horarios de los barcos a las obras "
            "del puerto.",
            [*_ES_PARAS, _ES_THIRD],
        ),
    ],
)
def test_a_site_describing_itself_between_paragraphs_is_not_text(
    promo: str, paras: list[str]
) -> None:
    """A short line opening as a site or a section describes itself: a promotion."""
    page = "\n\n".join(["Ferry stays", *paras[:2], promo, *paras[2:], "Imprint"])
    article = newsclean.clean(page + "\n")
    assert promo not in article.body
    assert article.body == tuple(paras)


def test_a_sentence_about_the_latest_figures_stays_text() -> None:
    """Only the promotion's opening phrases count: "The latest figures" open a sentence."""
    sentence = "The latest figures from the harbour office show fewer crossings than in spring."
    page = "\n\n".join(["Ferry stays", _EN_PARAS[0], sentence, _EN_PARAS[1], _EN_THIRD])
    assert sentence in newsclean.clean(page + "\n").body


@pytest.mark.parametrize(
    ("header", "paras", "titles"),
    [
        (
            "Trending on Harbour Weekly",
            [*_EN_PARAS, _EN_THIRD],
            [
                "Council results 2024: harbour town keeps its mayor, bridge vote heads for "
                "a runoff",
                "Harbour town to build three new piers to ease traffic near the ferry landing",
                "Council results 2024: incumbents win the harbour seats, $6 million bond defeated",
            ],
        ),
        (
            "Articles en relation",
            _FR_PARAS,
            [
                "Le projet de pont revient à l'ordre du jour du conseil municipal après l'été",
                "Le gardien du phare prend sa retraite après quarante ans passés sur le rocher",
                "La fête du port déménage à une nouvelle date en septembre, annonce la mairie",
            ],
        ),
    ],
)
def test_a_related_header_naming_the_site_opens_a_related_list(
    header: str, paras: list[str], titles: list[str]
) -> None:
    page = "\n\n".join(["Ferry stays", *paras, header, *titles, "Imprint"])
    article = newsclean.clean(page + "\n")
    assert article.body == tuple(paras)
    assert [r.title for r in article.related] == titles


def test_a_next_article_teaser_inside_a_related_list_is_related() -> None:
    """ "Next article <title>: <teaser>." inside a related list is a link, not the text
    going on (a sentence there would end the list)."""
    teaser = (
        "Next article After two weeks of repairs in the dry dock: the old ferry returns to "
        "the bay with a new engine and a freshly painted hull."
    )
    page = "\n\n".join(
        [
            "Ferry stays",
            *_EN_PARAS,
            _EN_THIRD,
            "Related stories",
            "Previous article Lighthouse keeper retires after forty years on the rock",
            teaser,
            "Anna Berg",
        ]
    )
    article = newsclean.clean(page + "\n")
    assert teaser not in article.body
    assert article.body == (*_EN_PARAS, _EN_THIRD)


@pytest.mark.parametrize(
    ("header", "items", "paras"),
    [
        (
            "Ingredients",
            ["250 g flour", "2 eggs", "For the glaze:", "½ lemon, juiced", "3 tbsp sugar"],
            [*_EN_PARAS, _EN_THIRD],
        ),
        (
            "Zutaten",
            ["250 Gramm Mehl", "2 Eier", "Für den Guss:", "½ Zitrone, ausgepresst", "3 EL Zucker"],
            _DE_PARAS,
        ),
    ],
)
def test_a_recipes_ingredient_list_beside_the_text_is_text(
    header: str, items: list[str], paras: list[str]
) -> None:
    """Short lines opening with quantities under an ingredients header are the recipe."""
    menu = ["Home", "Recipes", "Cakes", "Contact"]
    page = "\n\n".join(["Lemon cake", *paras, header, *items, *menu])
    article = newsclean.clean(page + "\n")
    assert article.body == (*paras, header, *items)


def test_an_ingredients_header_without_quantities_below_is_no_list() -> None:
    menu = ["Ingredients", "Recipes", "Cakes", "Contact", "Imprint"]
    page = "\n\n".join(["Lemon cake", *_EN_PARAS, _EN_THIRD, *menu])
    assert newsclean.clean(page + "\n").body == (*_EN_PARAS, _EN_THIRD)


@pytest.mark.parametrize(
    ("teaser", "paras", "last"),
    [
        (
            "The harbour board met again on Tuesday to talk about the timetable for the "
            "winter. Nobody expected a decision before spring. More…",
            _EN_PARAS,
            _EN_THIRD,
        ),
        (
            "Der Hafenrat hat am Dienstag erneut über den Fahrplan für den Winter beraten. "
            "Eine Entscheidung wird erst im Frühjahr erwartet. Mehr…",
            _LAKE_TEXT[:2],
            _LAKE_TEXT[2],
        ),
        (
            "The harbour board met again on Tuesday to talk about the timetable for the "
            "winter. Nobody expected a decision before spring. Read more »",
            _EN_PARAS,
            _EN_THIRD,
        ),
    ],
)
def test_a_read_more_link_after_a_lines_last_sentence_marks_a_teaser(
    teaser: str, paras: list[str], last: str
) -> None:
    page = "\n\n".join(["Ferry stays", *paras, teaser, last, "Imprint"])
    article = newsclean.clean(page + "\n")
    assert teaser not in article.body and last in article.body


def test_more_at_the_end_of_a_sentence_of_the_text_is_no_read_more_link() -> None:
    line = (
        "The ferry carries cyclists, walkers, school classes and more… and on market "
        "days the queue reaches back to the old harbour wall. Learn more"
    )
    page = "\n\n".join(["Ferry stays", *_EN_PARAS, line, _EN_THIRD, "Imprint"])
    article = newsclean.clean(page + "\n")
    assert line in article.body


def test_a_list_of_titles_cut_off_with_an_ellipsis_is_no_text() -> None:
    cut = [
        "12 things every ferry passenger knows by…",
        "The lighthouse keeper who never once left…",
        "Why the old harbour smells of tar every…",
    ]
    article = [*_EN_PARAS, _EN_THIRD, *_FERRY_MORE]
    lines = ["Home", *article, "Sponsored", cut[0], "Popular", cut[1], cut[2], "Imprint"]
    scores = {**dict.fromkeys(article, 0.95), **dict.fromkeys(cut, 0.9)}
    reviser = _reviser("\n".join(lines), "en", lambda b: scores.get(b.text, 0.05))
    body = [reviser.blocks[i].text for i in reviser.run().body]
    assert not set(cut) & set(body)
    assert set(article) <= set(body)


def test_one_line_of_the_text_trailing_off_is_kept() -> None:
    pause = "And then the engine stopped…"
    article = [*_EN_PARAS, pause, _EN_THIRD, *_FERRY_MORE]
    reviser = _reviser(
        "\n".join(["Home", *article, "Imprint"]), "en", lambda b: 0.9 if b.text in article else 0.05
    )
    assert [reviser.blocks[i].text for i in reviser.run().body] == article


def test_the_numbered_steps_of_instructions_are_text() -> None:
    intro = (
        "A birdhouse of untreated pine is a simple weekend project: it needs a few boards, "
        "a saw, a drill and some patience, and the birds will thank you in the spring."
    )
    steps = [
        "Cut the front, the back, the two sides, the floor and the roof from one board.",
        "Drill an entrance hole in the front panel, about a hand's width below the top.",
        "Nail the sides to the floor, then add the front and the back panels.",
        "Fix the roof with two hinges so that the house can be cleaned every autumn.",
    ]
    lines = ["Home", "Build a birdhouse", intro]
    for k, step in enumerate(steps, 1):
        lines += [f"Step {k}", step, f"Photo {k} (Anna Berg)"]
    lines += ["Related", "Imprint"]
    scores = {intro: 0.95, steps[0]: 0.9, steps[1]: 0.3, steps[2]: 0.35, steps[3]: 0.9}
    reviser = _reviser("\n".join(lines), "en", lambda b: scores.get(b.text, 0.05))
    body = [reviser.blocks[i].text for i in reviser.run().body]
    assert [t for t in body if t in steps] == steps
    assert "Step 2" in body
    assert "Imprint" not in body and "Related" not in body


@pytest.mark.parametrize(
    ("line", "kept"),
    [
        (
            "The ferry's crew will repaint the hull of the wooden boat in the harbour this "
            "winter, while the council looks for grants for the engine.",
            True,
        ),
        (
            "This lentil soup with cumin and lemon is ready in twenty minutes, feeds four and "
            "stays fresh for days in the fridge.",
            False,
        ),
    ],
)
def test_a_paragraph_between_paragraphs_beyond_the_span_is_text_when_on_topic(
    line: str, kept: bool
) -> None:
    article = [*_EN_PARAS, _EN_THIRD, *_FERRY_MORE]
    later = [
        "Passengers who crossed the bay on the wooden ferry on Monday said the harbour "
        "would not be the same without the boat and its old captain.",
        "The bridge study stays on file, and the council will ask the voters of the "
        "harbour town again should the ferry's repairs become too costly.",
    ]
    boxes = [f"Box {k}" for k in range(6)]
    lines = ["Home", *article, *boxes, later[0], "Advertisement", line, "Advert", later[1]]
    scores = {**dict.fromkeys(article, 0.95), **dict.fromkeys(later, 0.9), line: 0.45}
    reviser = _reviser("\n".join([*lines, "Imprint"]), "en", lambda b: scores.get(b.text, 0.05))
    body = [reviser.blocks[i].text for i in reviser.run().body]
    assert set(later) <= set(body)
    assert (line in body) is kept


def test_the_sentences_under_related_titles_go_on_the_related_list() -> None:
    article = [*_EN_PARAS, _EN_THIRD, *_FERRY_MORE]
    titles = [
        "Harbour Survey Shows the Ferry Is Popular With Young Families",
        "Council Votes on the Bridge Study for the Second Time",
        "Old Ferry Gets a New Engine After Thirty Years at Sea",
        "Sailors Ask the Council for a Second Pier at the Harbour",
    ]
    tail = (
        " The full report, with all the figures and the answers of the people who took "
        "part, can be read at the town hall and in the library."
    )
    sentences = [  # (long teasers: more than 45 words each)
        "A survey among residents of the harbour town found that families with young "
        "children use the ferry more than anyone else, most of them every day." + tail,
        "The council voted again on the bridge study, and again a majority of its members "
        "decided to keep the wooden ferry and to shelve the plans for a bridge." + tail,
        "After thirty years at sea the ferry got a new engine, paid for by a grant from the "
        "region and by a collection among the people of the town and its visitors." + tail,
    ]
    share = ["Share this:", "Facebook", "Twitter", "Email", "Print", "Like this:"]
    lines = ["Home", *article, *share, "Related"]
    for title, sentence in zip(titles, sentences, strict=False):
        lines += [title, sentence, 'In "News"']
    lines += [titles[3], "Imprint"]
    scores = {**dict.fromkeys(article, 0.95), **dict.fromkeys(sentences, 0.75)}
    reviser = _reviser("\n".join(lines), "en", lambda b: scores.get(b.text, 0.05))
    body = [reviser.blocks[i].text for i in reviser.run().body]
    assert body == article


def test_the_text_going_on_after_a_boxed_related_title_stays_text() -> None:
    article = [*_EN_PARAS, *_FERRY_MORE]
    more = [
        "Harbour Survey Shows the Ferry Is Popular With Young Families",
        "Council Votes on the Bridge Study for the Second Time",
        "Old Ferry Gets a New Engine After Thirty Years at Sea",
        "Sailors Ask the Council for a Second Pier at the Harbour",
    ]
    # a box set into the text, long enough to end the main span
    box = ["Advertisement", "Advert", "Sponsored", "Photos"]
    box += ["Read more:", "Lighthouse Keepers Remember the Storm of 1987"]
    lines = ["Home", *article, *box, _EN_THIRD, "©", "More stories", *more, "Imprint"]
    scores = {**dict.fromkeys(article, 0.95), _EN_THIRD: 0.75}
    reviser = _reviser("\n".join(lines), "en", lambda b: scores.get(b.text, 0.05))
    body = [reviser.blocks[i].text for i in reviser.run().body]
    assert body == [*article, _EN_THIRD]


def test_lines_alike_but_for_their_numbers_are_items_not_a_title_and_its_repeat() -> None:
    # no page title printed above them: the first item is not one, nor the second its repeat
    article = newsclean.clean("Sample Page 1\n\nSample Page 2\n")
    assert article.body == ("Sample Page 1", "Sample Page 2")


def test_a_tiny_page_keeps_the_items_alike_to_its_best_line() -> None:
    page = "Checking the picture loader on a slow line\nSample Page 1\nSample Page 2\n"
    scores = {"Sample Page 1": 0.12, "Sample Page 2": 0.02}
    reviser = _reviser(page, "en", lambda b: scores.get(b.text, 0.01))
    body = [reviser.blocks[i].text for i in reviser.run().body]
    assert body == ["Sample Page 1", "Sample Page 2"]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("Test run 1", "Test run 2", True),
        ("Part 3 of the ferry series", "Part 4 of the ferry series", True),
        ("Ferry vote 2024", "Ferry vote", False),  # a repeat with a year added
        ("Ferry vote in May", "Bridge vote in May", False),
        ("1", "2", False),
    ],
)
def test_numbered_siblings(a: str, b: str, expected: bool) -> None:
    assert _numbered_siblings(a, b) is expected


def test_a_long_list_reaching_into_the_text_is_the_article_itself() -> None:
    items = [
        "Fixed the ferry timetable for winter",
        "Added a stop at the north pier",
        "Added bicycle racks on the upper deck",
        "Removed the old ticket machine",
        "Fixed the display of delays",
        "Added a night crossing on Fridays",
        "Reduced fares for school children",
        "Changed the colour of the harbour signs",
        "Moved the waiting room to the ground floor",
        "Fixed the lights on the gangway",
    ]
    menu = ["Home", "Timetable", "Tickets", "Contact", "Imprint", "Jobs"]
    lines = [
        *(f"* {m}" for m in menu),
        "",
        "Ferry Service Changes for the Winter",
        "",
        *(f"- {item}" for item in items),
        "",
        "Back to the top of the page",
    ]
    # the model is sure of the list's end only: its first items score low one by one
    scores = {**dict.fromkeys(items[:6], 0.3), **dict.fromkeys(items[6:], 0.6)}
    reviser = _reviser("\n".join(lines), "en", lambda b: scores.get(b.text, 0.05))
    body = [reviser.blocks[i].text for i in reviser.run().body]
    assert body == items


def test_a_paragraph_between_two_consent_notices_belongs_to_their_dialog() -> None:
    dialog = [
        "Harbour Media would like to process your personal data with our partners, if you "
        "agree to it, to show you adverts that fit your interests.",
        "Harbour Media runs this site from Norway, and any data you give us is stored and "
        "handled there, under the laws of that country and with its rules.",
        "By clicking accept below, you consent to the use of cookies for these purposes.",
    ]
    article = [*_EN_PARAS, _EN_THIRD]
    lines = ["Home", *dialog, "Ferry Stays in Service After Vote", *article, "Imprint"]
    scores = {**dict.fromkeys(article, 0.95), dialog[1]: 0.8}
    reviser = _reviser("\n".join(lines), "en", lambda b: scores.get(b.text, 0.05))
    body = [reviser.blocks[i].text for i in reviser.run().body]
    assert body == article


def test_a_numbered_list_the_text_announces_with_a_colon_is_text() -> None:
    lead = "The survey ranked the harbour towns of the coast as follows:"
    items = ["1. Lindholm", "2. Sandvik", "3. Old Harbour", "4. Northpier"]
    after = (
        "The ranking was based on the number of ferry crossings, the state of the piers "
        "and the waiting times reported by passengers over the last two summers."
    )
    article = [*_EN_PARAS, lead, *items, after]
    lines = ["Home", "Ferry Towns Ranked by Passengers", *article, "Imprint"]
    scores = {**dict.fromkeys([*_EN_PARAS, lead, after], 0.95), items[0]: 0.45}
    reviser = _reviser("\n".join(lines), "en", lambda b: scores.get(b.text, 0.1))
    out = reviser.run()
    assert [reviser.blocks[i].text for i in out.body] == article
    assert not out.headings


def test_a_numbered_list_after_a_sentence_of_the_text_is_text() -> None:
    """A sentence ending in a full stop announces the list as well as a colon does
    ("Here is the full ranking." then "01. Lindholm", "02. Sandvik", ...)."""
    lead = "Here is the full ranking of the harbour towns, as the survey published it."
    towns = ["Lindholm", "Sandvik", "Old Harbour", "Northpier", "Eastbay", "Kirkwall"]
    items = [f"{k:02d}. {town}" for k, town in enumerate(towns, 1)]
    lines = ["Home", "Ferry Towns Ranked by Passengers", *_EN_PARAS, lead, *items, "Imprint"]
    scores = dict.fromkeys([*_EN_PARAS, lead], 0.95)
    reviser = _reviser("\n".join(lines), "en", lambda b: scores.get(b.text, 0.1))
    body = [reviser.blocks[i].text for i in reviser.run().body]
    assert body == [*_EN_PARAS, lead, *items]


def test_a_numbered_list_after_a_short_label_is_not_announced_text() -> None:
    # "Most read:" is a related box's header, no sentence of the text
    lines = ["Most read:", "1. Bridge plan dropped", "2. Ferry fares rise", "3. Pier closed"]
    scores = dict.fromkeys(lines, 0.1)
    reviser = _reviser("\n".join([*_EN_PARAS, *lines]), "en", lambda b: scores.get(b.text, 0.95))
    body = [reviser.blocks[i].text for i in reviser.run().body]
    assert body == _EN_PARAS


def test_an_announced_list_closing_the_text_is_kept_to_its_last_item() -> None:
    lead = "The survey ranked the harbour towns of the coast as follows:"
    towns = ["Lindholm", "Sandvik", "Old Harbour", "Northpier", "Eastbay", "Kirkwall", "Rona"]
    items = [f"{k}. {town}" for k, town in enumerate(towns, 1)]
    lines = ["Home", "Ferry Towns Ranked by Passengers", *_EN_PARAS, lead, *items, "Imprint"]
    scores = dict.fromkeys([*_EN_PARAS, lead], 0.95)
    reviser = _reviser("\n".join(lines), "en", lambda b: scores.get(b.text, 0.1))
    body = [reviser.blocks[i].text for i in reviser.run().body]
    assert body == [*_EN_PARAS, lead, *items]


_DE_MORE = (
    "Im Herbst soll die Fähre neu gestrichen werden, und der Gemeinderat sucht nach "
    "Fördergeldern, um auch den alten Motor der Fähre überholen zu lassen."
)


def test_a_run_of_label_value_lines_between_paragraphs_is_text() -> None:
    """A fact box inside the text ("Baujahr: 1962", "Länge: 18 Meter"), scored low, stays
    text between two paragraphs; the same run after the text's last paragraph does not."""
    facts = ["Baujahr: 1962", "Länge: 18 Meter", "Plätze: 40 Fahrgäste"]
    lines = ["Startseite", _DE_PARAS[0], _DE_PARAS[1], *facts, _DE_MORE, "Impressum"]
    scores = dict.fromkeys([*_DE_PARAS, _DE_MORE], 0.95)
    reviser = _reviser("\n".join(lines), "de", lambda b: scores.get(b.text, 0.15))
    body = [reviser.blocks[i].text for i in reviser.run().body]
    assert body == [*_DE_PARAS, *facts, _DE_MORE]
    # after the text's last paragraph: a box of its own
    lines = ["Startseite", *_DE_PARAS, _DE_MORE, *facts, "Impressum"]
    reviser = _reviser("\n".join(lines), "de", lambda b: scores.get(b.text, 0.15))
    body = [reviser.blocks[i].text for i in reviser.run().body]
    assert body == [*_DE_PARAS, _DE_MORE]


def test_a_caption_after_a_pictures_enlarge_button_is_no_text() -> None:
    """ "Vergrößern Die Fähre im Abendlicht.": the enlarge button's label printed before
    the caption; "Vergrößern Sie ...", an instruction to the reader, stays text."""
    caption = "Die alte Fähre legt im Abendlicht am Hafen der kleinen Stadt an."
    instruction = (
        "Vergrößern Sie die Karte mit zwei Fingern, um die Anlegestellen der Fähre zu sehen."
    )
    lines = ["Startseite", _DE_PARAS[0], f"Vergrößern {caption}", _DE_PARAS[1]]
    lines += [instruction, _DE_MORE, "Impressum"]
    scores = dict.fromkeys([*_DE_PARAS, _DE_MORE, f"Vergrößern {caption}", instruction], 0.95)
    reviser = _reviser("\n".join(lines), "de", lambda b: scores.get(b.text, 0.05))
    out = reviser.run()
    body = [reviser.blocks[i].text for i in out.body]
    assert body == [_DE_PARAS[0], _DE_PARAS[1], instruction, _DE_MORE]
    assert out.captions == [(caption, None)]


def test_a_blogs_post_footer_is_no_text() -> None:
    """ "Dieser Eintrag wurde veröffentlicht am ... und unter ... abgelegt": a blog engine's
    note under the post (its date and categories), scored as prose."""
    footer = (
        "Dieser Eintrag wurde veröffentlicht am Dienstag, den 3. März 2020 um 10:15 Uhr und "
        "wurde unter Hafen, Verkehr abgelegt. Du kannst die Kommentare verfolgen."
    )
    lines = ["Startseite", *_DE_PARAS, _DE_MORE, footer, "Impressum"]
    scores = dict.fromkeys([*_DE_PARAS, _DE_MORE, footer], 0.95)
    reviser = _reviser("\n".join(lines), "de", lambda b: scores.get(b.text, 0.05))
    body = [reviser.blocks[i].text for i in reviser.run().body]
    assert body == [*_DE_PARAS, _DE_MORE]


def test_a_figures_label_without_a_number_opens_a_caption() -> None:
    """ "Abbildung: ..." under a picture is its caption, as "Abbildung 2: ..." is; "Foto:
    ..." (a credit's word) is left to the credit rules."""
    caption = "Die Anlegestelle der Fähre im Luftbild, links der alte Steg."
    lines = ["Startseite", _DE_PARAS[0], f"Abbildung: {caption}", _DE_PARAS[1], _DE_MORE]
    lines.append("Impressum")
    scores = dict.fromkeys([*_DE_PARAS, _DE_MORE, f"Abbildung: {caption}"], 0.95)
    reviser = _reviser("\n".join(lines), "de", lambda b: scores.get(b.text, 0.05))
    out = reviser.run()
    body = [reviser.blocks[i].text for i in out.body]
    assert body == [*_DE_PARAS, _DE_MORE]
    assert out.captions == [(f"Abbildung: {caption}", None)]


def test_a_bio_opening_with_the_bylined_name_in_capitals_is_not_text() -> None:
    """A bio set in small capitals ("ANNA BERG has ...") names the bylined author too."""
    bio = (
        "ANNA BERG has crossed the bay on the old ferry more times than she can count, "
        "and still gets seasick on most of those trips."
    )
    page = "\n\n".join(
        ["Harbour town keeps its ferry", "By Anna Berg", *_EN_PARAS, _EN_THIRD, bio, "Contact"]
    )
    article = newsclean.clean(page + "\n")
    assert article.authors == ("Anna Berg",)
    assert bio not in article.body
    assert article.body[-1] == _EN_THIRD


def test_disclaimers_that_end_the_text_are_not_text() -> None:
    """Two disclaimers in a row below the text: the first is no caveat between the
    text's paragraphs just because the second one follows it."""
    first = (
        "Editorial Disclaimer: the opinions expressed here are the writer's alone and have "
        "not been reviewed or approved by the ferry company or the harbour board."
    )
    second = (
        "Disclaimer: the answers below are not provided by the ferry company, and it is not "
        "the company's duty to make sure that every question gets an answer."
    )
    page = "\n\n".join(["Ferry stays", *_EN_PARAS, _EN_THIRD, first, second, "Imprint"])
    article = newsclean.clean(page + "\n")
    assert article.body == (*_EN_PARAS, _EN_THIRD)
    reasons = {ln.text: ln.reason for ln in article.lines}
    assert reasons[first].startswith("a disclaimer at")


@pytest.mark.parametrize(
    ("notice", "paras"),
    [
        (
            "You are using an outdated browser. Please upgrade your browser to see this "
            "site as it is meant to be seen.",
            _EN_PARAS,
        ),
        (
            "Sie verwenden einen veralteten Browser. Bitte aktualisieren Sie Ihren Browser, "
            "damit diese Seite richtig angezeigt wird.",
            _DE_PARAS,
        ),
    ],
)
def test_a_notice_that_the_browser_is_outdated_is_not_text(notice: str, paras: list[str]) -> None:
    page = "\n\n".join(
        [notice, "Home", "News", "Sport", "Weather", "Ferry stays", *paras, "Imprint"]
    )
    article = newsclean.clean(page + "\n")
    assert notice not in article.body
    assert [ln.reason for ln in article.lines if ln.text == notice] == [
        "a notice that the browser is outdated"
    ]


def test_a_paragraph_on_updating_browsers_inside_the_text_stays_text() -> None:
    line = (
        "If your browser is out of date, the ferry company's new booking page will not "
        "load, so the council asks residents to update your browser before Monday."
    )
    paras = [_EN_PARAS[0], line, _EN_PARAS[1], _EN_THIRD]
    page = "\n\n".join(["Ferry stays", *paras, "Imprint"])
    assert newsclean.clean(page + "\n").body == tuple(paras)


_CITATIONS = [
    '^ Berg, Anna (3 May 2021). "The last wooden ferries". Harbour Review. Retrieved 2021.',
    "^ See the council's minutes for the vote.",
    '^ "Bay crossing timetable". Town of Norrvik. 2019. https://norrvik.example/ferry',
    "^ Lind, Per (1998). Boats of the Northern Bays. Coast Press. ISBN 978-0-00-000000-0.",
]


@pytest.mark.parametrize(
    ("header", "paras", "items"),
    [
        ("References", _EN_PARAS, _CITATIONS),
        ("References [edit]", _EN_PARAS, _CITATIONS),
        ("Notes", _EN_PARAS, [f"{k}. {c[2:]}" for k, c in enumerate(_CITATIONS, 1)]),
        ("Einzelnachweise", _LAKE_TEXT[:2], _CITATIONS),
    ],
)
def test_the_articles_references_below_it_are_text(
    header: str, paras: list[str], items: list[str]
) -> None:
    """A references header below the text, then lines citing sources (a year, an
    address, an ISBN) or opening with a list's mark: the article's own references."""
    menu = ["Home", "News", "Archive", "Contact", "Imprint"]
    page = "\n\n".join(["Ferry stays", *paras, "See also", "Ferry", "Harbour", header])
    page += "\n" + "\n".join(items) + "\n\n" + "\n\n".join(menu)
    article = newsclean.clean(page + "\n")
    assert article.body[-len(items) - 1 :] == (header, *items)


def test_a_sources_header_over_a_menu_is_no_reference_list() -> None:
    menu = ["Sources", "Share", "Print", "Home", "News", "Contact", "Imprint 2024"]
    page = "\n\n".join(["Ferry stays", *_EN_PARAS, _EN_THIRD, *menu])
    assert newsclean.clean(page + "\n").body == (*_EN_PARAS, _EN_THIRD)


@pytest.mark.parametrize("label", ["Sources:", "Notes:"])
def test_a_label_with_a_colon_opens_no_reference_list(label: str) -> None:
    """ "Sources:", "Notes:" with a colon label the site's credits or remarks for the
    text, not a section of references."""
    page = "\n\n".join(["Ferry stays", *_EN_PARAS, _EN_THIRD, label])
    page += "\n" + "\n".join(_CITATIONS) + "\n\nHome\n\nContact\n"
    article = newsclean.clean(page)
    assert label not in article.body
    assert not any("references" in line.reason for line in article.lines)


#: A page that keeps its layout in indents: a menu, a long article, a box of links, then
#: a second box of text far below, whose paragraphs are scored by hand (see _BOX_SCORES).
_BOX_TEXT = [
    "The ferry's crew painted the hull in the harbour's old colours last week, and the "
    "captain said that the boat would carry its first passengers again in the spring.",
    "Residents who crossed the bay every morning for decades said they were glad that "
    "the town had kept the boat, and some of them offered to help with the repairs.",
    "The council will now ask the region for money to rebuild the landing stage, which "
    "was damaged by a storm in the winter and has been closed since the end of January.",
]


def _box_page(indents: tuple[str, str, str], article: str = "    ") -> str:
    lines = ["Home", "  * News", "  * Sport", ""]
    for para in (*_EN_PARAS, _EN_THIRD):
        lines += [article + para, ""]
    lines += [f"      * Topic {k}" for k in range(12)] + [""]
    for indent, para in zip(indents, _BOX_TEXT, strict=True):
        lines += [indent + para, ""]
    return "\n".join([*lines, "  Imprint"])


def _box_body(page: str) -> list[str]:
    def score(b: Block) -> float:
        if b.text in (*_EN_PARAS, _EN_THIRD) or b.text == _BOX_TEXT[1]:
            return 0.9
        return 0.45 if b.text in _BOX_TEXT else 0.05

    reviser = _reviser(page, "en", score)
    return [reviser.blocks[i].text for i in reviser.run().body]


def test_a_paragraph_in_the_same_box_as_text_goes_on_with_it() -> None:
    # the box's paragraphs stand at one indent: those scored below the threshold, above
    # and below the one scored as text, go with it
    body = _box_body(_box_page(("        ",) * 3))
    assert [p for p in _BOX_TEXT if p in body] == _BOX_TEXT
    # at other indents they stand in other boxes (the last one: the first stands between
    # two paragraphs of the text, which keeps it whatever the indents)
    body = _box_body(_box_page(("      ", "        ", "          ")))
    assert _BOX_TEXT[1] in body and _BOX_TEXT[2] not in body
    # a text without indents says nothing of its boxes
    flat = "\n".join(line.lstrip() for line in _box_page(("",) * 3).split("\n"))
    body = _box_body(flat)
    assert _BOX_TEXT[1] in body and _BOX_TEXT[2] not in body


def test_a_heading_left_last_in_the_text_is_the_header_of_the_box_below() -> None:
    def body(last: list[str]) -> list[str]:
        page = "\n\n".join(["Home", *_EN_PARAS, _EN_THIRD, *last, "Imprint", "Contact"])
        scored = {*_EN_PARAS, _EN_THIRD, "Boats of the region", "Two more boats for the bay"}
        reviser = _reviser(page, "en", lambda b: 0.9 if b.text in scored else 0.05)
        out = reviser.run()
        return [reviser.blocks[i].text for i in out.body]

    # nothing of the text below it: the header of a box of links
    assert body(["Boats of the region", "Ferries of the north"]) == [*_EN_PARAS, _EN_THIRD]
    # a subheading over more text stays
    assert body(["Two more boats for the bay", _EN_PARAS[0]])[-2] == "Two more boats for the bay"
