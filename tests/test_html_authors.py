"""HTML input: how the authors the markup gives and those the text's byline gives are
combined (``core.merge_authors``), and the site names the markup gives
(``html.site_names``). The pages are small ones written for these tests."""

from __future__ import annotations

import pytest

import newsclean
from newsclean import html
from newsclean.core import is_site_name, merge_authors
from newsclean.options import Options

PARAGRAPH = (
    "The harbour bridge reopened on Monday after eight months of repairs, and the first "
    "buses crossed it shortly after six in the morning, to the relief of commuters. "
)


def story(head: str, byline: str = "By Maria Olsen", footer: str = "") -> str:
    """A small news page: ``head`` inside <head>, a byline under its headline."""
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>Harbour bridge reopens after repairs | The Coastal Ledger</title>{head}</head>"
        "<body><header><nav><a href='/'>Home</a> <a href='/local'>Local</a></nav></header>"
        "<main><article><h1>Harbour bridge reopens after repairs</h1>"
        f"<p class='byline'>{byline}</p>"
        f"<p>{PARAGRAPH * 3}</p><p>{PARAGRAPH * 2}</p><p>{PARAGRAPH * 3}</p>"
        f"</article></main><footer><p>{footer}</p></footer></body></html>"
    )


def authors(page: str) -> tuple[str, ...]:
    return newsclean.clean(page.encode("utf-8"), Options(input_format="html")).authors


def names(page: str, url: str | None = None) -> tuple[str, ...]:
    return html.site_names(html.parse(page), None, url)


# --- the whole pipeline ------------------------------------------------------------------


def test_byline_wins_over_a_meta_author_that_is_the_site_name() -> None:
    page = story(
        "<meta name='author' content='The Coastal Ledger'>"
        "<meta property='og:site_name' content='The Coastal Ledger'>"
    )
    assert authors(page) == ("Maria Olsen",)


def test_byline_keeps_its_punctuation_over_the_markup_spelling() -> None:
    page = story("<meta name='author' content='Maria K Olsen'>", byline="By Maria K. Olsen")
    assert authors(page) == ("Maria K. Olsen",)


def test_markup_author_kept_when_it_names_someone_the_page_shows() -> None:
    page = story(
        "<meta name='author' content='Jonas Berg'>", footer="Photos and reporting: Jonas Berg"
    )
    assert authors(page) == ("Jonas Berg",)


def test_markup_author_dropped_when_the_page_never_shows_it() -> None:
    page = story("<meta name='author' content='Jonas Berg'>")
    assert authors(page) == ("Maria Olsen",)


# --- merge_authors: one source only, or different people ----------------------------------


def test_one_source_only() -> None:
    assert merge_authors((), ("Maria Olsen",)) == ("Maria Olsen",)
    assert merge_authors(("Maria Olsen",), ()) == ("Maria Olsen",)
    # the site's name is all the markup gives and the text has no byline: kept
    assert merge_authors((), ("Telebasel",), ("Telebasel",)) == ("Telebasel",)


def test_different_people_shown_in_the_page_keep_the_markup() -> None:
    page = "Harbour bridge\nBy Maria Olsen\nEdited by Jonas Berg"
    assert merge_authors(("Maria Olsen",), ("Jonas Berg",), (), page) == ("Jonas Berg",)


# --- rule: same names apart from punctuation, case, diacritics, spaces ----------------------


@pytest.mark.parametrize(
    ("text", "markup"),
    [
        (("John C. Welch",), ("John C Welch",)),
        (("R.C. Baker",), ("R C Baker",)),
        (("det/dpa",), ("Det", "Dpa")),
        (("Arian Schlichenmayer",), ("Arianschlichenmayer",)),
        (("Herr_Rein",), ("Herr Rein",)),
        (("José Núñez",), ("Jose Nunez",)),
        (("Anna Muster", "Ben Beispiel"), ("Ben Beispiel", "Anna Muster")),
    ],
)
def test_same_names_keep_the_text_spelling(text: tuple[str, ...], markup: tuple[str, ...]) -> None:
    assert merge_authors(text, markup) == text


def test_case_alone_keeps_the_mixed_case_spelling() -> None:
    assert merge_authors(("ANNA MUSTER",), ("Anna Muster",)) == ("Anna Muster",)
    assert merge_authors(("stylewire",), ("Stylewire",)) == ("Stylewire",)
    markup = ("Jeffrey Gettleman", "JEFFREY GETTLEMAN")
    assert merge_authors(("JEFFREY GETTLEMAN",), markup) == ("Jeffrey Gettleman",)
    # punctuation differs too: the text's, capitals and all
    assert merge_authors(("R.C. BAKER",), ("R C Baker",)) == ("R.C. BAKER",)


# --- rule: the markup names the site or its publisher -----------------------------------


@pytest.mark.parametrize(
    ("markup", "sites"),
    [
        (("Coastal Ledger",), ("Coastal Ledger",)),  # the same name
        (("L'Opinion",), ("l'Opinion",)),  # case and punctuation
        (("Ledger De",), ("ledger.de",)),  # the host name
        (("Deutsche Welle",), ("Deutsche Welle (www.dw.com)",)),  # some of its words
        (("Jobs", "Hire"), ("Jobs & Hire",)),  # each some of its words
        (("Gelbe Liste Online",), ("Gelbe Liste",)),  # all its words and more
        (("Deutsche Welle",), ("DW.COM",)),  # its initials
    ],
)
def test_site_name_gives_way_to_the_byline(markup: tuple[str, ...], sites: tuple[str, ...]) -> None:
    assert is_site_name(markup[0], sites)
    assert merge_authors(("Lisa Petrich",), markup, sites) == ("Lisa Petrich",)


def test_a_person_is_not_a_site_name() -> None:
    sites = ("The Coastal Ledger", "coastal-ledger.com", "Ledger Media GmbH")
    assert not is_site_name("Maria Olsen", sites)
    assert not is_site_name("Anna Ledger-Smith", sites)
    # one word of a site's name is not enough for the looser matches
    assert not is_site_name("Ledger Olsen", ("Ledger",))
    # initials count only when the site writes them in capitals
    assert not is_site_name("Frank Thomas", ("ft.com",))
    assert is_site_name("Frank Thomas", ("FT",))
    assert merge_authors(("Lisa Petrich",), ("Maria Olsen",), sites) == ("Maria Olsen",)


def test_site_name_kept_when_the_byline_is_the_site_name_too() -> None:
    sites = ("The Coastal Ledger", "ledger.com")
    assert merge_authors(("Ledger",), ("Coastal Ledger",), sites) == ("Coastal Ledger",)
    # an editorial team named after the site is not the site's name itself
    sites = ("Gelbe Liste",)
    assert merge_authors(("Redaktion Gelbe Liste Pharma",), ("Gelbe Liste Online",), sites) == (
        "Redaktion Gelbe Liste Pharma",
    )


def test_site_name_and_a_person_in_the_markup() -> None:
    sites = ("Coastal Ledger",)
    markup = ("Coastal Ledger", "Maria Olsen")
    assert merge_authors((), markup, sites) == markup
    assert merge_authors(("Maria Olsen",), markup, sites) == ("Maria Olsen",)


# --- rule: a lone first name, or a name with a label before it -------------------------------


def test_lone_first_name_gives_way_to_the_full_name() -> None:
    assert merge_authors(("Todd Bates",), ("Todd",)) == ("Todd Bates",)
    # the byline's other names (a photographer...) are not added to the markup's
    text = ("Todd Bates", "Ann Reed")
    assert merge_authors(text, ("Todd",)) == ("Todd Bates",)
    assert merge_authors(text, ("Todd Bates",)) == ("Todd Bates",)
    # the other way round the markup's is the fuller one: kept
    assert merge_authors(("Pamela",), ("Pamela Anderson",)) == ("Pamela Anderson",)
    # a first name the text's author does not start with: not the same person
    assert merge_authors(("Michaela Vais",), ("Ela",)) == ("Ela",)


def test_name_with_a_label_before_it_gives_way() -> None:
    markup = ("Ledger-Experte Robin Tschöpe",)
    assert merge_authors(("Robin Tschöpe",), markup) == ("Robin Tschöpe",)
    # after the site's name is set aside
    markup = ("FOCUS Online", "FOCUS-Online-Experte Robin Tschöpe")
    assert merge_authors(("Robin Tschöpe",), markup, ("FOCUS Online",)) == ("Robin Tschöpe",)
    # a name the text's only ends with is not a label and a name
    assert merge_authors(("Olsen",), ("Maria Olsen",)) == ("Maria Olsen",)


# --- rule: a markup name the page never shows --------------------------------------------


def test_markup_name_the_page_never_shows_gives_way() -> None:
    page = "Hope!\nClaudia Duwe\nHope is our motor and our inspiration."
    assert merge_authors(("Claudia Duwe",), ("Winfried Hille",), (), page) == ("Claudia Duwe",)
    # shown anywhere in the page, in another case or spacing: kept
    page += "\nSite run by WINFRIED  HILLE"
    assert merge_authors(("Claudia Duwe",), ("Winfried Hille",), (), page) == ("Winfried Hille",)


# --- html.site_names ----------------------------------------------------------------------


def _head(head: str, title: str = "Harbour bridge reopens after repairs") -> str:
    return f"<html><head><title>{title}</title>{head}</head><body><p>x</p></body></html>"


def test_site_names_from_meta_tags() -> None:
    page = _head(
        "<meta property='og:site_name' content='The Coastal Ledger'>"
        "<meta name='dc.publisher' content='Ledger Media'>"
        "<meta property='article:publisher' content='https://www.facebook.com/ledger'>"
        "<meta name='author' content='Maria Olsen'>"
    )
    found = names(page)
    assert {"The Coastal Ledger", "Ledger Media", "facebook.com"} <= set(found)
    assert "Maria Olsen" not in found


def test_site_names_split_at_separators() -> None:
    found = names(_head("<meta property='og:site_name' content='HSS - Hanns-Seidel-Stiftung'>"))
    assert {"HSS - Hanns-Seidel-Stiftung", "HSS", "Hanns-Seidel-Stiftung"} <= set(found)


def test_site_names_from_json_ld() -> None:
    ld = (
        '{"@context": "https://schema.org", "@graph": ['
        '{"@type": "NewsArticle", "author": {"@type": "Organization", "name": "Ledger Desk"},'
        ' "publisher": {"@type": "Organization", "name": "Ledger Media Group",'
        ' "logo": {"@type": "ImageObject", "name": "Logo"}}},'
        '{"@type": "WebSite", "name": "Coastal Ledger Online"},'
        '{"@type": "BlogPosting", "publisher": "Harbour Press"}]}'
    )
    found = names(_head(f"<script type='application/ld+json'>{ld}</script>"))
    assert {"Ledger Media Group", "Coastal Ledger Online", "Harbour Press"} <= set(found)
    assert "Ledger Desk" not in found  # an author, even an organisation, is not the site
    assert "Logo" not in found


def test_site_names_from_the_title_ends_and_the_host() -> None:
    title = "Local | Harbour bridge reopens after eight months of repairs | The Coastal Ledger"
    found = names(_head("", title), url="https://www.coastal-ledger.com/local/bridge")
    assert "Local" in found and "The Coastal Ledger" in found
    assert "coastal-ledger.com" in found
    assert not any("Harbour bridge" in name for name in found)  # the headline: not a site
    # a title without separator names no site
    assert names(_head("")) == ()


def test_site_names_reach_the_page_meta() -> None:
    page = story("<meta property='og:site_name' content='The Coastal Ledger'>")
    _, meta = html.segment_html(page, Options(base_url="https://coastal-ledger.com/a/1"))
    assert meta is not None
    assert meta.site_names == ("The Coastal Ledger", "coastal-ledger.com")


def test_site_names_stay_few_on_a_page_repeating_its_meta_tags() -> None:
    from lxml import html as lxml_html

    from newsclean.html import SITE_NAMES_MAX, site_names

    metas = "".join(f'<meta property="og:site_name" content="Site {k}">' for k in range(5000))
    root = lxml_html.document_fromstring(f"<html><head>{metas}</head><body><p>x</p></body></html>")
    names = site_names(root)
    assert names[:2] == ("Site 0", "Site 1")
    assert len(names) == SITE_NAMES_MAX == len(set(names))


def test_a_stuffed_author_list_is_taken_as_the_markup_gives_it() -> None:
    markup = tuple(f"Writer {k}" for k in range(100))
    assert merge_authors(("Anna Berg",), markup, (), "Anna Berg") == markup
