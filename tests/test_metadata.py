"""Bylines and credits: names found in a byline, credits at the end of a caption."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.languages import load
from newsclean.metadata import authors_in, handle_after_prefix, leading_name
from newsclean.patterns import credit_suffix, find_date, has_time, is_credit

#: Two paragraphs of article text, in German and in English.
_DE_TEXT = [
    "Die Fähre im Hafen der Stadt bleibt nach einer Abstimmung des Rates noch "
    "zehn weitere Jahre in Betrieb, wie die Verwaltung am Montag mitteilte.",
    "Der Rat hatte lange über die Kosten der Reparatur gestritten, die nach "
    "Angaben der Stadt deutlich höher ausfallen als zunächst angenommen.",
]
_EN_TEXT = [
    "The harbour town's old ferry will keep running for another ten years after "
    "the council voted for it on Monday, the town said in a statement.",
    "The council had argued for months about the cost of the repairs, which the "
    "town says are much higher than it first thought they would be.",
]


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        # the name before a date on the same line
        ("de", "Anna Schmidt Vom 3. Februar 2022", ["Anna Schmidt"]),
        ("en", "Anna Smith Feb 8, 2020 5:12 pm", ["Anna Smith"]),
        ("en", "Anna Smith and Peter Brown on May 3, 2022", ["Anna Smith", "Peter Brown"]),
        ("de", "Hans Meier, 3. Februar 2022", ["Hans Meier"]),
        # an initial keeps its period
        ("de", "Günter W. Kienitz", ["Günter W. Kienitz"]),
        ("en", "R.C. Baker and J.R.R. Tolkien", ["R.C. Baker", "J.R.R. Tolkien"]),
        # a job title before the name is not part of it
        ("de", "Rechtsanwalt Sebastian Einbock", ["Sebastian Einbock"]),
        ("fr", "Marie Dupont et Paul Martin", ["Marie Dupont", "Paul Martin"]),
        # the names follow the prefix: words that are no name there end the search
        ("de", "Rheinmetall gehackt - Interne Unterlagen im Netz", []),
        ("de", "Helfern und Rettern Schutzlos an die Front", []),
        ("de", "dpa / Anna Schmidt", ["Anna Schmidt"]),  # an agency is skipped
        # an editorial team is named whole; a person with a job title is not a team
        ("de", "Teufel Blog Redaktion", ["Teufel Blog Redaktion"]),
        ("de", "auto-motor.at Redaktion", ["auto-motor.at Redaktion"]),
        ("en", "HLNF Staff Report", ["HLNF Staff Report"]),
        ("en", "Evan Halper Staff Writer", ["Evan Halper"]),
        ("es", "Fecha Relevancia", []),  # a date word starts no name: "Ordenar por Fecha"
    ],
)
def test_authors_in_byline_text(code: str, text: str, expected: list[str]) -> None:
    assert authors_in(text, load(code), after_prefix=True) == expected


@pytest.mark.parametrize(
    ("code", "rest", "dated", "handle"),
    [
        ("de", "eseppelt · 31. Oktober 2023", False, "eseppelt"),
        ("en", "oz on December 4, 2006", False, "oz"),
        ("de", "Herr_Rein Veröffentlicht am 11. Juni 2019", False, "Herr_Rein"),
        ("de", "gnaddrig | Abgelegt unter: Fotografie", True, "gnaddrig"),
        ("de", "gnaddrig | Abgelegt unter: Fotografie", False, None),  # no date: not sure
        ("de", "Aureliana · in Gefühle", True, "Aureliana"),  # the date is before "by"
        ("de", "Aureliana · in Gefühle", False, None),  # a word with more after it, no date
        ("en", "Sunday, the council will meet", False, None),
        ("de", "Hamburg nach Berlin", False, None),  # more than one word
        ("de", "der Leyen", False, None),
        ("en", "2030", False, None),
        ("en", "email", False, None),  # "Share by email"
    ],
)
def test_a_user_name_after_a_byline_word(
    code: str, rest: str, dated: bool, handle: str | None
) -> None:
    assert handle_after_prefix(rest, load(code), line_dated=dated) == handle


@pytest.mark.parametrize(
    ("code", "line", "authors"),
    [
        ("de", "Veröffentlicht am 3. Mai 2022 von gnaddrig", ("gnaddrig",)),
        ("en", "December 10, 2019 · by freeman1984 · in Uncategorized", ("freeman1984",)),
        ("de", "Berechnung von Urlaubsansprüchen", ()),  # a heading, not a byline
        ("en", "Powered by Anna Berg Themes", ()),  # the site's makers
        ("de", "Gespeichert von rasos am 24. Juli 2017 - 18:55", ("rasos",)),
        ("de", "Veröffentlicht am Fr, 24. Januar 2020, 18:18 von Creeny", ("Creeny",)),
        ("de", "Christoph von Ritter", ("Christoph von Ritter",)),  # a name, not "Ritter"
        ("de", "Redaktion - 31. Januar 2022", ("Redaktion",)),
        ("de", "Anna Berg Autorin", ("Anna Berg",)),  # a name and its role
        (
            "en",
            "by Logan C. Ritchie November 8, 2023 | 6:03 pm November 8, 2023 | 6:03 pm",
            ("Logan C. Ritchie",),
        ),
        ("de", "geschrieben von berg2012 am 21. Jan. 2015, 19:04 [ antworten ]", ()),  # a comment
    ],
)
def test_a_user_name_is_the_byline_only_where_a_byline_stands(
    code: str, line: str, authors: tuple[str, ...]
) -> None:
    assert _authors_under_headline(code, line) == authors


@pytest.mark.parametrize(
    ("code", "line", "authors"),
    [
        ("de", "Werke von David Hockney ab Sommer in Luzern zu sehen", ()),
        ("de", "Die Vielfalt von Königs Wusterhausen entdecken", ()),
        ("de", "Neu im Programm von Abu Garcia ist die Spike Serie", ()),
        ("de", "Erstellt von Anna Berg am Dienstag, 6. Mai 2014", ("Anna Berg",)),
        (
            "en",
            "May 4, 2020 • words written by Kanae Nakamine • Art by Koichi",
            ("Kanae Nakamine",),
        ),
        ("de", "06.11.2023 13:30 von Olga Berg Symbolbild imago", ("Olga Berg",)),
        # a blog's meta line: date, author, categories
        ("de", "16. Mai 2019 Markus Elsberger Netzwerk, Windows 10", ("Markus Elsberger",)),
        ("de", "16. Mai 2019 Markus Elsberger", ("Markus Elsberger",)),
    ],
)
def test_a_byline_inside_a_longer_line_and_sentences_that_only_hold_a_name(
    code: str, line: str, authors: tuple[str, ...]
) -> None:
    assert _authors_under_headline(code, line) == authors


def _authors_under_headline(code: str, line: str) -> tuple[str, ...]:
    paras = _DE_TEXT if code == "de" else _EN_TEXT
    page = "\n\n".join(["Die Fähre bleibt", line, *paras, "Impressum"])
    return newsclean.clean(page + "\n").authors


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("12:30 Uhr", True),
        ("06 PM | 18 Mai", True),  # an hour alone, with am/pm
        ("doors open at 9 a.m.", True),
        ("Page 10 amazing", False),
        ("10 apples", False),
    ],
)
def test_has_time(text: str, time: bool) -> None:
    assert has_time(text) is time


def test_a_name_after_a_line_with_only_a_byline_word_far_from_the_text() -> None:
    filler = [f"Rubrik {k}" for k in range(40)]
    page = "\n\n".join(
        ["Die Fähre bleibt", *_DE_TEXT, *filler, "Geschrieben von", "Benjamin-Immanuel Hoff"]
    )
    assert newsclean.clean(page + "\n").authors == ("Benjamin-Immanuel Hoff",)


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Veröffentlicht am 28.01.2022", "2022-01-28"),  # says it is a date
        ("Von Anna Berg am 07.08.2013 um 09:07 Uhr", "2013-08-07"),  # a byline with a date
        ("Termine: 28.01.2022", None),  # a date far from the text that says nothing more
    ],
)
def test_a_date_far_from_the_article_counts_when_it_says_what_it_is(
    line: str, date: str | None
) -> None:
    filler = [f"Rubrik {k}" for k in range(40)]
    page = "\n\n".join(["Die Fähre bleibt", *_DE_TEXT, *filler, line, *filler])
    assert newsclean.clean(page + "\n").date == date


def test_month_names_end_a_name_only_before_a_number() -> None:
    en = load("en")
    assert leading_name(["Anna", "June", "Smith"], en, after_prefix=True) == "Anna June Smith"
    assert leading_name(["Anna", "Smith", "June", "3"], en, after_prefix=True) == "Anna Smith"


@pytest.mark.parametrize(
    ("code", "caption", "credit"),
    [
        ("de", "Die Halle am Abend eines Heimspiels Foto: Anna von Berg", "Foto: Anna von Berg"),
        ("en", "Protesters in Paris on Monday. JOEL SAGET / AFP", "JOEL SAGET / AFP"),
        (
            "en",
            "Workers at the plant (Photo courtesy of the company)",
            "(Photo courtesy of the company)",
        ),
        # a two-word agency at the end, not as a sentence's object
        ("en", "Dee Dee Myers Getty Images", "Getty Images"),
        ("en", "He sold the photos to Getty Images", None),
        # an agency alone after the caption's last sentence
        ("es", "Un grupo de pingüinos en la Antártida el 11 de febrero. EFE", "EFE"),
        ("de", "Der Minister sprach am Montag mit Reuters", None),
        # a licence code in lower case
        (
            "de",
            "Die Kirche am Abend. Foto: ccnull/Marco Verch/cc by sa 2.0",
            "Foto: ccnull/Marco Verch/cc by sa 2.0",
        ),
        # sentences that merely hold a credit word are not captions with credits
        ("de", "Ist dir bewusst, dass diese Grafik dem Copyright von Joymax unterliegt?", None),
        ("de", "Ich sehe folgenden NPC nicht auf der Map :", None),
        ("de", "Belohnung: 1x Schriftrolle (HP / MP 20% erhöht, hält 3 Stunden)", None),
    ],
)
def test_credit_suffix(code: str, caption: str, credit: str | None) -> None:
    cut = credit_suffix(caption, load(code))
    assert (caption[cut:] if cut > 0 else None) == credit


@pytest.mark.parametrize(
    ("line", "source"),
    [
        ("Anna Berg/dpa", True),
        ("REUTERS/Denis Balibouse", True),
        ("picture alliance/dpa/AP", True),
        ("Matthias Kern/Bongarts", True),
        ("Politik / Ausland", False),
        ("IT/Tech", False),
        ("Indexfonds / ETFs", False),
        ("ES / Español", False),
        ('console.log(req.method); // "GET"', False),
        ("URI_ENCODE( <storage_root> '/' )", False),
        ("Mike O'Brien/AP", True),
    ],
)
def test_a_slash_line_is_a_credit_when_it_names_a_source(line: str, source: bool) -> None:
    lang = load("de")
    if "(" not in line:
        assert is_credit(line, lang)  # the line model's broad feature: any short "A / B"
    assert is_credit(line, lang, strict=True) is source


def test_a_category_path_is_dropped_but_not_listed_as_a_credit() -> None:
    para = (
        "Der Gemeinderat hat am Sonntag beschlossen, die alte Fähre weiter fahren zu lassen, "
        "und der Kapitän sagte, das Boot brauche vor dem Sommer einen neuen Motor."
    )
    page = "Die Fähre bleibt\n\nPolitik / Ausland\n\n" + para + "\n\nFoto: Anna Berg/dpa\n\n" + para
    article = newsclean.clean(page + "\n")
    assert "Politik / Ausland" not in article.credits
    assert "Politik / Ausland" not in article.body


def test_a_name_ends_at_a_common_word_of_any_language() -> None:
    de, es = load("de"), load("es")
    # an English word ends a name on a German page, after the name's first two words
    words = ["Martin", "Jendrischik", "On", "12.", "Dezember", "2022"]
    assert leading_name(words, de, after_prefix=True) == "Martin Jendrischik"
    # long names of capitalised words that are not common words are kept whole
    words = ["María", "Teresa", "Ruiz", "García"]
    assert leading_name(words, es, after_prefix=True) == "María Teresa Ruiz García"


@pytest.mark.parametrize(
    ("code", "byline", "name"),
    [
        ("en", "Evan Halper Staff Writer", "Evan Halper"),
        ("en", "Inga Hoeltmann Follow", "Inga Hoeltmann"),
        ("de", "Sara Zinnecker Stand: 05. Februar 2020", "Sara Zinnecker"),
        ("de", "Lars Sobiraj Lesezeit: 4 Min.", "Lars Sobiraj"),
        ("de", "Olga Symbolbild imago", "Olga"),
        ("es", "David Andres Calle Atehortua", "David Andres Calle Atehortua"),
        # a date glued to the name by the rendering ends it, after the name's letters
        ("de", "Nadja Demel13.12.2022 - 08:13 Uhr", "Nadja Demel"),
    ],
)
def test_words_that_follow_a_name_in_a_byline_end_it(code: str, byline: str, name: str) -> None:
    assert leading_name(byline.split(), load(code), after_prefix=True) == name


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("AFP via Getty Images", True),
        ("Getty Images", True),
        ("Reuters and AP", True),
        ("via Reuters", False),  # a joiner needs an agency on each side
        ("AFP and Getty Images sold the rights", False),
    ],
)
def test_a_line_of_agencies_joined_by_via_or_and_is_a_credit(line: str, credit: bool) -> None:
    assert is_credit(line, load("en"), strict=True) is credit


@pytest.mark.parametrize(
    ("code", "line", "credit"),
    [
        ("en", "Photo by Joan Bardeletti", True),
        ("en", "Top photo by Joan Bardeletti", True),
        ("en", "Image by Pete Linforth from Pixabay", True),
        ("de", "Foto von Josh Willink von Pexels", True),
        ("fr", "Photo par Anna Berg", True),
        ("en", "Photo by ev on Unsplash", True),  # a nickname on a picture site
        ("en", "Photo by the author", False),  # no name
        ("en", "Story by Anna Berg", False),  # a byline, not a picture's
        ("en", "The photo was taken by Anna Berg on a Sunday", False),  # a sentence
    ],
)
def test_a_picture_word_then_a_byline_word_and_a_name_is_a_credit(
    code: str, line: str, credit: bool
) -> None:
    assert is_credit(line, load(code), strict=True) is credit


@pytest.mark.parametrize(
    ("text", "byline", "name"),
    [
        (_EN_TEXT, "By John Smith Leave a comment", "John Smith"),
        (_EN_TEXT, "March 3, 2020 John Smith Share this article", "John Smith"),
        (
            _DE_TEXT,
            "26. September 2019 Ulrike Stockhausen Schreibe einen Kommentar",
            "Ulrike Stockhausen",
        ),
    ],
)
def test_a_comment_or_share_link_after_the_name_is_not_part_of_it(
    text: list[str], byline: str, name: str
) -> None:
    page = "\n\n".join(["Council agrees plan", byline, *text]) + "\n"
    assert newsclean.clean(page).authors == (name,)


@pytest.mark.parametrize(
    ("byline", "name"),
    [
        ("Richard Adams Education editor", "Richard Adams"),
        ("By Jane Mary Smith Political correspondent", "Jane Mary Smith"),
    ],
)
def test_the_field_before_a_job_title_is_not_part_of_the_name(byline: str, name: str) -> None:
    page = "\n\n".join(["Council agrees plan", byline, *_EN_TEXT]) + "\n"
    assert newsclean.clean(page).authors == (name,)


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        # a language detected without a data file of its own writes the day first
        ("tr", "Yayınlanma 05.11.2026 09:30", "2026-11-05"),
        ("hr", "Objavljeno 05.11.2026.", "2026-11-05"),
        # a page whose language is unknown is read as English, month first
        (None, "11.03.17 in Gadgetry", "2017-11-03"),
    ],
)
def test_dotted_dates_without_language_data(code: str | None, text: str, expected: str) -> None:
    assert find_date(text, load(code)) == expected
