"""More bylines: user names after a byline word, editorial teams, blog platforms' wording,
pen names after a byline word, an author's bio after the text."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.languages import load
from newsclean.metadata import handle_after_prefix, pen_name_after_prefix

#: Two paragraphs of article text, in German and in English (made up).
_TEXT = {
    "de": [
        "Die Fähre im Hafen der Stadt bleibt nach einer Abstimmung des Rates noch "
        "zehn weitere Jahre in Betrieb, wie die Verwaltung am Montag mitteilte.",
        "Der Rat hatte lange über die Kosten der Reparatur gestritten, die nach "
        "Angaben der Stadt deutlich höher ausfallen als zunächst angenommen.",
    ],
    "en": [
        "The harbour town's old ferry will keep running for another ten years after "
        "the council voted for it on Monday, the town said in a statement.",
        "The council had argued for months about the cost of the repairs, which the "
        "town says are much higher than it first thought they would be.",
    ],
    "es": [
        "El viejo transbordador del puerto seguirá en servicio otros diez años tras la "
        "votación del consejo municipal del lunes, informó el ayuntamiento.",
        "El consejo discutió durante meses el coste de las reparaciones, que según la "
        "ciudad son mucho más altos de lo que se pensaba al principio.",
    ],
    "fr": [
        "Le vieux bac du port restera en service encore dix ans après le vote du "
        "conseil municipal lundi, a annoncé la mairie dans un communiqué.",
        "Le conseil a longtemps débattu du coût des réparations, qui selon la ville "
        "sont bien plus élevés que ce qui avait été prévu au départ.",
    ],
}


def _authors(code: str, *lines: str, after: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The authors of a page: a headline, the given lines, two paragraphs, the lines
    ``after`` them, a footer."""
    page = "\n\n".join(["Die Fähre bleibt", *lines, *_TEXT[code], *after, "Impressum"])
    return tuple(newsclean.clean(page + "\n").authors)


@pytest.mark.parametrize(
    ("code", "line", "authors"),
    [
        ("de", "Freitag, 3. Mai 2019 von rabe42", ("rabe42",)),
        ("en", "Posted on Friday, May 3, 2019 Saturday, May 4, 2019 by KD", ("KD",)),
        ("fr", "jeudi 13 juin 2019, par plume_rouge", ("plume_rouge",)),
    ],
)
def test_a_weekday_before_the_byline_word_is_part_of_the_date(
    code: str, line: str, authors: tuple[str, ...]
) -> None:
    assert _authors(code, line) == authors


@pytest.mark.parametrize(
    ("code", "prefix", "name", "authors"),
    [
        ("en", "by", "quill77", ("quill77",)),
        ("de", "Artikel von:", "hafenblatt", ("hafenblatt",)),
        ("de", "Von", "Redaktion", ("Redaktion",)),
        # a menu's entry that is also a byline word, and code, are no bylines
        ("de", "Interview", "Porträt", ()),
        ("en", "GROUP BY", "status_code", ()),
    ],
)
def test_a_user_name_on_the_line_after_a_byline_word_alone(
    code: str, prefix: str, name: str, authors: tuple[str, ...]
) -> None:
    assert _authors(code, prefix, name) == authors


def test_a_byline_word_alone_after_a_date_then_the_name() -> None:
    assert _authors("en", "Written on Mar 17 by", "Quillon Varga") == ("Quillon Varga",)
    # more than a date before the byline word: a heading of related links
    assert _authors("de", "Empfehlungen aus der Redaktion", "Workshop Karte - Teil 2") == ()


@pytest.mark.parametrize(
    ("code", "rest", "dated", "handle"),
    [
        ("de", "Sternfee Ein Kommentar", True, "Sternfee"),
        ("en", "Sternfee 12 Comments", True, "Sternfee"),
        ("en", "Nesselfink under Just For Fun", False, "Nesselfink"),
        ("de", "Sternfee in Gefühle", False, "Sternfee"),
        ("en", "DT in Diary", False, None),  # two letters and no date: not sure
        ("en", "Sunday in London", False, None),  # a weekday is no user's name
        ("en", "Nesselfink under the bridge", False, None),  # no category: a sentence
    ],
)
def test_a_user_name_before_a_comment_count_or_the_categories(
    code: str, rest: str, dated: bool, handle: str | None
) -> None:
    assert handle_after_prefix(rest, load(code), line_dated=dated) == handle


def test_a_user_name_before_the_categories_under_the_headline() -> None:
    line = "Posted by Nesselfink under Just For Fun, Reblogged | Tags: ferry, harbour"
    assert _authors("en", line) == ("Nesselfink",)
    assert _authors("de", "1. Januar 2016 von Sternfee Ein Kommentar") == ("Sternfee",)


@pytest.mark.parametrize(
    ("lines", "authors"),
    [
        (["Redaktion", "am 3. Februar 2022 um 21:17"], ("Redaktion",)),
        (["06.11.2023 | 14:10", "Redaktion Hafenblatt Nord"], ("Redaktion Hafenblatt Nord",)),
        (["Redaktion"], ()),  # no date beside it: a menu's entry, maybe
    ],
)
def test_an_editorial_team_alone_on_a_line_beside_the_date(
    lines: list[str], authors: tuple[str, ...]
) -> None:
    assert _authors("de", *lines) == authors


@pytest.mark.parametrize(
    ("code", "line", "authors"),
    [
        ("de", "Eingestellt von Lesefuchs um 10:52", ("Lesefuchs",)),
        ("fr", "Publié par lectrice42 à 08:00", ("lectrice42",)),
    ],
)
def test_a_blog_platforms_posted_by(code: str, line: str, authors: tuple[str, ...]) -> None:
    assert _authors(code, line) == authors


@pytest.mark.parametrize(
    ("code", "line", "authors"),
    [
        ("es", "Por Agencia EFE", ("Agencia EFE",)),
        ("de", "Von: abc/dpa", ("abc/dpa",)),
        ("de", "Von dpa/lno | 3. Mai 2022", ("dpa/lno",)),
        ("de", "Von abc/xyz", ()),  # no agency among the parts
    ],
)
def test_a_byline_that_names_an_agency_only(code: str, line: str, authors: tuple[str, ...]) -> None:
    assert _authors(code, line) == authors


def test_a_forum_threads_starter() -> None:
    assert _authors("en", "Thread starter Ferrymaster", "Start date Sep 18, 2020") == (
        "Ferrymaster",
    )
    assert _authors("de", "Ersteller Fährmann42", "Erstellt am 18. September 2020") == (
        "Fährmann42",
    )


def test_an_editorial_team_that_the_menu_repeats_is_a_section() -> None:
    menu = ["Editorial Hafen", "Wetter", "Sport"]
    assert _authors("de", *menu, "06.11.2023", "Editorial Hafen", "Wetter") == ()


def test_a_possessive_name_is_no_byline() -> None:
    # a link to a model named after its author, in a line of its own
    assert _authors("en", "Fred Fiedlerson’s Contingency Model", "May 3, 2022") == ()
    assert _authors("en", "Fred Fiedlerson", "May 3, 2022") == ("Fred Fiedlerson",)


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("26 Mai, 2008 | Fähr_Mann | Kommentare 34 |", ("Fähr_Mann",)),
        ("3. Mai 2022 faehrmann 2 Kommentare", ("faehrmann",)),
    ],
)
def test_a_user_name_between_the_date_and_the_comment_count(
    line: str, authors: tuple[str, ...]
) -> None:
    assert _authors("de", line) == authors


@pytest.mark.parametrize(
    ("code", "line", "authors"),
    [
        ("de", "von: Der Rote Kater", ("Der Rote Kater",)),
        ("de", "Von Der Bücherwurm - 3. Mai 2021, 10:15 Uhr", ("Der Bücherwurm",)),
        ("en", "By: The Grumpy Gardener", ("The Grumpy Gardener",)),
        ("en", "By The Night Owl | May 3, 2021", ("The Night Owl",)),
    ],
)
def test_a_pen_name_after_an_explicit_or_dated_byline_word(
    code: str, line: str, authors: tuple[str, ...]
) -> None:
    assert _authors(code, line) == authors


@pytest.mark.parametrize(
    "rest",
    [
        "Sunday Morning",  # no colon, no date: "By Sunday Morning ..." starts a sentence
        "Grumpy Gardener | Gardening | Recipes",  # a menu after it, no date
        "Monday May 3",  # a date, no name
        "Roter Kater und andere Geschichten",  # a title, more words
    ],
)
def test_no_pen_name_without_a_colon_or_a_date(rest: str) -> None:
    explicit = rest != "Sunday Morning"
    assert pen_name_after_prefix(rest, load("de"), explicit=explicit) is None


@pytest.mark.parametrize(
    ("code", "bio", "authors"),
    [
        (
            "en",
            "Anna Berg is a freelance journalist and photographer based in the north "
            "of the country.",
            ("Anna Berg",),
        ),
        (
            "de",
            "Max Muster ist Redakteur im Ressort Lokales und schreibt über Verkehr und "
            "die Politik der Stadt.",
            ("Max Muster",),
        ),
    ],
)
def test_an_authors_bio_after_the_text_names_the_author_when_no_byline_does(
    code: str, bio: str, authors: tuple[str, ...]
) -> None:
    assert _authors(code, after=(bio,)) == authors


#: Share buttons and a link between an article and its author's bio (made up).
_BETWEEN = ("Share this story", "Facebook", "Twitter", "Email", "More from the Gazette")


def test_a_bio_after_the_text_names_an_author_of_unknown_given_name() -> None:
    bio = (
        "Jo Quillfeather is a senior writer for the Harbour Gazette, covering "
        "transport. She was previously a reporter at a local radio station."
    )
    assert _authors("en", after=(*_BETWEEN, bio, "Senior Writer")) == ("Jo Quillfeather",)


def test_no_unknown_name_from_the_texts_last_paragraph() -> None:
    line = (
        "Jo Quillfeather is a senior writer for the Harbour Gazette, covering "
        "transport. She was previously a reporter at a local radio station."
    )
    assert _authors("en", after=(line,)) == ()


def test_a_bio_gives_no_author_beside_a_byline() -> None:
    bio = "Anna Berg is a freelance journalist and photographer based in the north."
    assert _authors("en", "By Max Muster", after=(bio,)) == ("Max Muster",)


@pytest.mark.parametrize(
    "line",
    [
        # no writer's job after the name
        "Anna Berg is a keen gardener and likes to spend the summer at the sea.",
        # a determiner, no name
        "The Gazette is a weekly paper whose editor and writers live in the town.",
    ],
)
def test_no_bio_author_without_a_name_and_a_job(line: str) -> None:
    assert _authors("en", after=(*_BETWEEN, line)) == ()


def test_a_pen_name_on_a_line_dated_before_the_byline_word() -> None:
    line = "3 juin 2019, par Le Collectif Vélo"
    page = "\n\n".join(["Le vieux bac", line, *_TEXT["fr"], "Mentions légales"])
    assert tuple(newsclean.clean(page + "\n").authors) == ("Le Collectif Vélo",)


def test_a_user_name_before_a_comment_link_the_page_also_has_alone() -> None:
    # "Schreibe einen Kommentar" alone too: the page's words for a link, no category
    line = "4. März 2021 anna_meier Schreibe einen Kommentar"
    page = "\n\n".join(
        ["Die Fähre bleibt", line, *_TEXT["de"], "Schreibe einen Kommentar", "Impressum"]
    )
    assert tuple(newsclean.clean(page + "\n").authors) == ("anna_meier",)


def test_a_handle_glued_onto_the_name_is_left_out() -> None:
    line = "By Jo Quillfeather@joquill Updated May 3, 2021, 9:40am EDT"
    assert _authors("en", line) == ("Jo Quillfeather",)


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        # a blog theme's meta line: published and updated dates, the author, the tags
        ("6. Mai 2021 7. Mai 2021 Rabe Federkiel Reisen, Kultur, Sommer", ("Rabe Federkiel",)),
        ("6. Mai 20217. Mai 2021 quillrabe Reisen , Kultur", ("quillrabe",)),  # glued
        ("May 6, 2021 May 7, 2021 quillrabe ferries, harbour", ("quillrabe",)),
    ],
)
def test_the_author_after_a_post_s_two_dates_and_before_its_tags(
    line: str, authors: tuple[str, ...]
) -> None:
    code = "en" if line.startswith("May") else "de"
    assert _authors(code, line) == authors


def test_one_date_before_an_unknown_name_and_tags_gives_no_author() -> None:
    assert _authors("de", "6. Mai 2021 Rabe Federkiel Reisen, Kultur, Sommer") == ()


def test_a_capitalised_pen_name_between_a_date_and_a_comment_count() -> None:
    assert _authors("de", "5 Min. 3. Mai 2021 Rabenfeder 2 Kommentare") == ("Rabenfeder",)


@pytest.mark.parametrize(
    ("code", "line", "authors"),
    [
        ("de", "Anna Berg im Gespräch mit Max Muster", ("Anna Berg", "Max Muster")),
        ("en", "Jane Doe in conversation with John Smith", ("Jane Doe", "John Smith")),
    ],
)
def test_both_names_of_a_talk_s_credit(code: str, line: str, authors: tuple[str, ...]) -> None:
    page = "\n\n".join(["The old ferry stays", line, "May 3, 2021", *_TEXT[code], "Imprint"])
    assert tuple(newsclean.clean(page + "\n").authors) == authors


def test_two_credits_with_jobs_joined_on_the_next_line() -> None:
    lines = (
        "Anna Berg, Staff Attorney, Harbour Rights Program",
        "& Max Muster, Director of Ferry Studies, Harbour Foundation",
        "May 3, 2021 | 11:15 AM",
    )
    assert _authors("en", *lines) == ("Anna Berg", "Max Muster")


def test_a_user_name_and_its_team_after_a_byline_word() -> None:
    assert _authors("de", "26/12/2019 von quill-it Webteam") == ("quill-it Webteam",)


@pytest.mark.parametrize(
    ("line", "author"),
    [("stadtblatt-nord.de", "stadtblatt-nord.de"), ("Stadtblatt Online |", "Stadtblatt Online")],
)
def test_a_site_s_name_alone_beside_a_date(line: str, author: str) -> None:
    assert _authors("de", line, "3. Mai 2021") == (author,)


def test_an_editor_s_initials_before_a_date() -> None:
    assert _authors("de", "jmk 15. Oktober 2023") == ("jmk",)
    assert _authors("de", "mo 15. Oktober 2023") == ()  # a weekday


def _page(code: str, first: str, last: str, *after: str) -> tuple[str, ...]:
    """The authors of a page whose text's first and last paragraphs are given."""
    page = "\n\n".join(["Die Fähre bleibt", first, *_TEXT[code], last, *after, "Impressum"])
    return tuple(newsclean.clean(page + "\n").authors)


_LAST = "Der Streit um die Kosten dürfte den Rat noch bis weit in den Herbst beschäftigen."


def test_a_name_in_brackets_signs_the_text() -> None:
    assert _page("de", _TEXT["de"][0], _LAST + " (Anna Berg) +++") == ("Anna Berg",)


def test_the_agency_of_the_text_s_dateline() -> None:
    first = "Hafenstadt (dpa/lno) – " + _TEXT["de"][0]
    assert _page("de", first, _LAST) == ("dpa/lno",)


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Quelle: kirchenpresse", ("kirchenpresse",)),
        ("Quelle: stadtblatt.de/ab", ("stadtblatt.de/ab",)),
        ("Quelle: Statistisches Landesamt", ()),  # figures' source, no credit
    ],
)
def test_a_source_s_credit_after_the_text(line: str, authors: tuple[str, ...]) -> None:
    assert _page("de", _TEXT["de"][0], _LAST, line) == authors


def test_a_section_s_name_beside_a_date_is_no_site_s() -> None:
    assert _authors("de", "Weitere News", "3. Mai 2021") == ()


def test_an_interview_s_turns_stay_text() -> None:
    turn = "Max Muster: Ich glaube, die Fähre wird noch lange fahren, wenn der Rat zustimmt."
    page = "\n\n".join(
        ["Die Fähre bleibt", "Anna Berg im Gespräch mit Max Muster", *_TEXT["de"], turn]
    )
    article = newsclean.clean(page + "\nImpressum\n")
    assert tuple(article.authors) == ("Anna Berg", "Max Muster")
    assert turn in article.body


@pytest.mark.parametrize(
    ("code", "line", "authors"),
    [
        ("en", "Posted on Friday, May 3, 2019Saturday, May 4, 2019 by KD", ("KD",)),
        (
            "de",
            "Veröffentlicht am Freitag, 3. Mai 2019Samstag, 4. Mai 2019 von rabe42",
            ("rabe42",),
        ),
    ],
)
def test_a_date_glued_to_the_next_one_before_the_byline_word(
    code: str, line: str, authors: tuple[str, ...]
) -> None:
    assert _authors(code, line) == authors


def test_a_breadcrumb_trail_s_numbered_item_names_the_author() -> None:
    crumbs = ("Sie sind hier:", "1. Startseite", "2. Kolumnen", "3. Anna Berg", "4. Texte")
    assert _authors("de", *crumbs) == ("Anna Berg",)


def test_a_name_repeated_with_its_date_is_no_caption() -> None:
    lines = ("Marianne Berger", "Marianne Berger / 22.04.2020 / 06:15 / Foto: Stadtblatt / 150 /")
    assert _authors("de", *lines) == ("Marianne Berger",)


@pytest.mark.parametrize(
    ("code", "line", "authors"),
    [
        ("es", "Publiziert am 13. Januar 2014 von uriebe", ("uriebe",)),
        ("de", "Publicado el 13 de enero de 2014 por juan_p", ("juan_p",)),
    ],
)
def test_a_header_s_date_in_another_language_reads_its_byline_word(
    code: str, line: str, authors: tuple[str, ...]
) -> None:
    assert _authors(code, line) == authors


def test_a_pen_name_and_its_comment_count_below_the_date() -> None:
    assert _authors("de", "1. November 2023", "Rabenfeder 1 Kommentar Lesezeichen") == (
        "Rabenfeder",
    )


def test_a_byline_ending_a_meta_line_of_several_parts() -> None:
    # the site's name, the date and the update time, then "Par ..." as the last part:
    # the line is long, and its byline word far from its start
    meta = (
        "Le Courrier du Port | 04.05.2015 à 13h36 • Mis à jour le 05.05.2015 à 20h13 | "
        "Par Claire Dubois"
    )
    page = "\n\n".join(["Le bac du port restera en service", meta, *_TEXT["fr"]])
    article = newsclean.clean(page + "\n")
    assert article.authors == ("Claire Dubois",)
    assert article.date == "2015-05-04"


@pytest.mark.parametrize(
    ("byline", "authors"),
    [
        (
            "Par Claire Dubois (avec Marc Petit et Julie Roux)",
            ("Claire Dubois", "Marc Petit", "Julie Roux"),
        ),
        ("Par Claire Dubois avec Marc Petit", ("Claire Dubois", "Marc Petit")),
    ],
)
def test_co_authors_joined_by_with(byline: str, authors: tuple[str, ...]) -> None:
    page = "\n\n".join(["Le bac du port restera en service", byline, *_TEXT["fr"]])
    assert newsclean.clean(page + "\n").authors == authors


def test_a_sentence_after_bars_is_no_byline() -> None:
    # parts of more than a few words: a sentence, not a meta line
    line = (
        "Le maire a répondu aux questions des habitants pendant deux heures | la "
        "réunion organisée par Claire Dubois a duré jusqu'au soir"
    )
    page = "\n\n".join(["Le bac du port restera en service", _TEXT["fr"][0], line, _TEXT["fr"][1]])
    assert newsclean.clean(page + "\n").authors == ()
