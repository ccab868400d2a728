"""Bylines and credits: names found in a byline, credits at the end of a caption."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.features import document_facts
from newsclean.languages import load
from newsclean.metadata import authors_in, find_byline, handle_after_prefix, leading_name
from newsclean.model import Block
from newsclean.patterns import credit_suffix, find_date, has_time, is_credit, page_date_order

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
        # a weekday (no date word) between the short word and the date
        (
            "de",
            "Isabella.DiBiase am Samstag, 19. Oktober 2019 um 11:14 Uhr",
            False,
            "Isabella.DiBiase",
        ),
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
        # a date's day and month, or a version, are no time of day
        ("Bericht zur Lage vom 22.04.2020", False),
        ("Stand: 12.03.17", False),
        ("Version 1.2.33", False),
        ("22.04.2020, 14.30 Uhr", True),
        ("Treffen um 14.30.", True),
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
        # an agency in lower case, an archive's mark, a file photo
        ("de", "Der Bürgermeister spricht im Rathaus. Foto: dpa", "Foto: dpa"),
        ("de", "Der Bürgermeister spricht im Rathaus. Foto: dpa/Archiv", "Foto: dpa/Archiv"),
        (
            "en",
            "The mayor speaks in the hall on Monday. Ana Paz/Reuters files",
            "Ana Paz/Reuters files",
        ),
        (
            "en",
            "The mayor speaks in the hall on Monday. AP Photo/Ana Paz, File",
            "AP Photo/Ana Paz, File",
        ),
        ("en", "The deal was sold to AP/Reuters last year and then", None),
        (
            "pl",
            "Protest na drodze pod Wrocławiem, 3 lutego 2024 r. Fot. PAP/Anna Nowak",
            "Fot. PAP/Anna Nowak",
        ),
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


_RU_TEXT = [
    "Городской совет в понедельник одобрил план ремонта старого парома, который будет "
    "работать ещё десять лет, сообщили в администрации города.",
    "Совет долго спорил о стоимости ремонта, которая, по словам чиновников, оказалась "
    "намного выше, чем предполагалось сначала.",
]


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Автор: Анна Петрова", ("Анна Петрова",)),
        ("Иван Сидоров, 3 мая 2022", ("Иван Сидоров",)),
    ],
)
def test_cyrillic_given_names_though_the_stop_list_holds_them(
    line: str, authors: tuple[str, ...]
) -> None:
    page = "\n\n".join(["Совет одобрил ремонт парома", line, *_RU_TEXT])
    assert newsclean.clean(page + "\n").authors == authors


@pytest.mark.parametrize(
    ("code", "line", "authors"),
    [
        ("en", "By Jose de la Cruz", ("Jose de la Cruz",)),  # given names of many languages
        ("de", "Janic Cathomen, 01.12.2021", ("Janic Cathomen",)),
        # after a particle, a common word is the surname ("vita" is Italian for "life")
        ("en", "Verónica De Vita", ("Verónica De Vita",)),
        # a word that ends names ("staff") is a surname after a lone given name, before a date
        ("de", "Von Jörg Staff am 16.11.2022", ("Jörg Staff",)),
        # the name ends where an organisation's starts
        (
            "de",
            "Veröffentlicht am 03.02.2022 von Sarah Schnieder Reiterrevue International",
            ("Sarah Schnieder",),
        ),
        # a joiner ends a name: two names, and no name in "Davor und Danach"
        ("de", "Anna Berg und Max Muster", ("Anna Berg", "Max Muster")),
        ("de", "Davor und Danach", ()),
        # two credits joined before the colon
        ("de", "Text & Fotos: Ivan Valetny 0 337", ("Ivan Valetny",)),
        # a role compound before the name
        ("de", "FOCUS-Online-Experte Robin Tschöpe", ("Robin Tschöpe",)),
        # a name and a time told from now
        ("de", "Anna Berg vor 4 Stunden", ("Anna Berg",)),
    ],
)
def test_names_in_bylines(code: str, line: str, authors: tuple[str, ...]) -> None:
    assert _authors_under_headline(code, line) == authors


def test_a_name_and_a_time_told_from_now() -> None:
    headline = "Harbour town keeps its old ferry for ten more years"
    page = "\n\n".join([headline, "Alex Perry 1 day ago", *_EN_TEXT])
    assert newsclean.clean(page + "\n").authors == ("Alex Perry",)


def test_a_separator_between_the_byline_word_and_the_name() -> None:
    page = "\n\n".join(["Council agrees plan", *_EN_TEXT, "About the Author - Florina Ionescu"])
    assert newsclean.clean(page + "\n").authors == ("Florina Ionescu",)


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("30. Oktober 2023 Anna Berg Kultur", ("Anna Berg",)),  # "Kultur": a menu entry
        ("Dienstag, 3. Mai 2022 Anna Berg", ("Anna Berg",)),  # a weekday first
        # more than a date before the name: a sentence or a caption, no byline
        ("Ab 1. März 2024 die neue Bürgermeisterin am Petersberg: Anna Berg", ()),
        # a reference, the date after the names
        ("^ Linderman, George C.; Steinerberger, Stefan (2017-06-08).", ()),
    ],
)
def test_a_name_after_a_date(line: str, authors: tuple[str, ...]) -> None:
    page = "\n\n".join(["Kultur", "Politik", "Die Fähre bleibt", line, *_DE_TEXT])
    assert newsclean.clean(page + "\n").authors == authors


def test_a_long_byline_that_starts_with_its_byline_word() -> None:
    line = (
        "Posted by Nathan Parker, Varun Khaneja, Eric Mill and Kiran C Nair - Chrome "
        "Safe Browsing team"
    )
    assert _authors_under_headline("en", line) == (
        "Nathan Parker",
        "Varun Khaneja",
        "Eric Mill",
        "Kiran C Nair",
    )
    # a sentence that starts with a byline word is no byline
    line = (
        "By Anna Berg and her colleagues at the council we were told that the old ferry "
        "would keep on running for years"
    )
    page = "\n\n".join(["Council agrees plan", _EN_TEXT[0], line, _EN_TEXT[1]])
    assert newsclean.clean(page + "\n").authors == ()


@pytest.mark.parametrize(
    "lines",
    [
        # comments after the article
        [
            "Karla Kuhn / 22.04.2020",
            "Ich sehe das ganz anders als der Autor und finde die Maßnahmen richtig.",
            "Bernhard Idler / 22.04.2020",
            "Das Abstract der Studie habe ich gelesen und finde es nicht überzeugend.",
        ],
        # events, one a line
        [
            "03.11.2022 - Mark Turner - Arena",
            "04.11.2022 - Sam Ryder - Flex",
            "04.11.2022 - Jens Friebe - Chelsea",
        ],
        # related articles, each with its author
        [
            "Mehr zum Thema",
            "Stadtrat streitet über die Kosten der neuen Brücke",
            "Melanie Berger",
            "Warum der Hafen einen neuen Kran braucht",
            "Amanda Marcotte",
        ],
    ],
)
def test_a_list_of_names_in_the_same_shape_holds_no_byline(lines: list[str]) -> None:
    page = "\n\n".join(["Die Fähre bleibt", *_DE_TEXT, *lines])
    assert newsclean.clean(page + "\n").authors == ()


def test_names_alone_on_lines_one_after_another_are_the_authors() -> None:
    lines = ["Geschrieben von Elisa Marvena", "Geschrieben von Max Muster"]
    page = "\n\n".join(["Die Fähre bleibt", *lines, *_DE_TEXT])
    assert newsclean.clean(page + "\n").authors == ("Elisa Marvena",)


@pytest.mark.parametrize(
    ("footer", "authors"),
    [
        (["© 2009-2012 Jonathan Krase. Impressum & Datenschutz"], ("Jonathan Krase",)),
        (["Copyright (c) 2012- Gregory Szorc. All rights reserved."], ("Gregory Szorc",)),
        (["Impressum", "Kontakt", "© Jürgen Heitmann"], ("Jürgen Heitmann",)),  # the page's end
        # a picture's credit (no year, no rights, not the page's end), a company
        (["© Markus Leitner", "Impressum", "Kontakt", "Datenschutz"], ()),
        (["© 2022 Max Muster GmbH"], ()),
    ],
)
def test_failing_a_byline_a_person_holding_the_copyright(
    footer: list[str], authors: tuple[str, ...]
) -> None:
    page = "\n\n".join(["Die Fähre bleibt", *_DE_TEXT, *footer])
    assert newsclean.clean(page + "\n").authors == authors


def _byline_of(lines: list[str], code: str | None, *, title: int = 0) -> tuple[str, ...]:
    """The byline's names among lines read as blocks (the headline first, the text
    from the line after the byline's neighbours: its last two lines)."""
    blocks = [Block(k + 1, text) for k, text in enumerate(lines)]
    lang = load(code)
    facts = document_facts(blocks, lang)
    n = len(lines)
    found = find_byline(
        blocks, facts, lang, title=title, first_body=n - 2, last_body=n - 1, taken={title}
    )
    return found.authors if found is not None else ()


_LATIN = [
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.",
    "Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip.",
]


@pytest.mark.parametrize(
    ("code", "authors"),
    # a page of an undetected language may use the byline word of a major language
    [(None, ("Marc Scheloske",)), ("en", ())],
)
def test_a_byline_word_of_a_major_language_on_a_page_of_unknown_language(
    code: str | None, authors: tuple[str, ...]
) -> None:
    lines = ["Ergebnisse", "von Marc Scheloske | 20. Mai 2007 | Ergebnisse | 0 Kommentare"]
    assert _byline_of([*lines, *_LATIN], code) == authors


@pytest.mark.parametrize(
    ("prefix", "authors"),
    [
        ("Kommentar von", ("Tjark Arzt",)),  # a word before the byline word
        ("Geschrieben von", ("Tjark Arzt",)),
        ("Fotos von", ()),  # a picture's credit
        ("Die Debatte über die Kohle von", ()),  # more words: a sentence's end
    ],
)
def test_a_byline_word_after_a_word_on_a_line_of_its_own(
    prefix: str, authors: tuple[str, ...]
) -> None:
    # (a given name not known: the name is read after a byline word only)
    page = "\n\n".join(["Die Fähre bleibt", *_DE_TEXT, prefix, "Tjark Arzt", "Impressum"])
    assert newsclean.clean(page + "\n").authors == authors


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Interview: Julia Lauter", ("Julia Lauter",)),  # the interviewer writes it up
        ("Das Gespräch führte Julia Lauter.", ("Julia Lauter",)),
    ],
)
def test_an_interviewer_credit_is_a_byline(line: str, authors: tuple[str, ...]) -> None:
    assert _authors_under_headline("de", line) == authors


def test_a_blog_meta_line_that_reads_as_prose() -> None:
    line = (
        "Martin Clavey Politique scientifique française 20 janvier 2020 20 janvier 2020 "
        "évaluation, HCERES 0 Comment"
    )
    text = [
        "Le conseil de la ville a voté lundi pour que le vieux bac reste en service "
        "pendant encore dix ans, a indiqué la mairie dans un communiqué.",
        "Le conseil s'est disputé pendant des mois sur le coût des réparations, qui "
        "sont bien plus élevées que ce que la ville avait d'abord pensé.",
    ]
    page = "\n\n".join(["Le bac reste en service", line, *text])
    assert newsclean.clean(page + "\n").authors == ("Martin Clavey",)
    # a sentence that starts with a name and gives a date is no byline
    line = "Emmanuel Macron a annoncé le 20 janvier 2020 que le conseil de la ville serait dissous"
    page = "\n\n".join(["Le bac reste en service", line, *text])
    assert newsclean.clean(page + "\n").authors == ()


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        # a rendering that glued the next element onto the name
        ("Shana Nys DambrotNovember 6, 2023", ("Shana Nys Dambrot",)),
        ("Inga HoeltmannFollow", ("Inga Hoeltmann",)),
        ("Steve LeVine", ("Steve LeVine",)),
        # a note's mark after the name
        ("Marwan H. Adwan1", ("Marwan H. Adwan",)),
    ],
)
def test_what_a_rendering_glued_onto_a_name(line: str, authors: tuple[str, ...]) -> None:
    headline = "Harbour town keeps its old ferry for ten more years"
    page = "\n\n".join([headline, line, *_EN_TEXT])
    assert newsclean.clean(page + "\n").authors == authors


def test_names_after_their_initials() -> None:
    lines = ["LP", "Luana Patriolino", "RF", "Raphael Felice", "postado em 04/05/2022 05:49"]
    page = "\n\n".join(["Council agrees plan", *lines, *_EN_TEXT])
    assert newsclean.clean(page + "\n").authors == ("Luana Patriolino", "Raphael Felice")


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("September 15, 2020 by Mobasir hassan Post a Comment", ("Mobasir hassan",)),
        ("Posted by Mobasir hassan", ("Mobasir hassan",)),
        # a word the page writes elsewhere in lower case, more words after it
        ("Posted by Sunday evening", ()),
        ("By Mobasir hassan the council was told", ()),
    ],
)
def test_a_surname_in_lower_case_after_a_byline_word(line: str, authors: tuple[str, ...]) -> None:
    text = [*_EN_TEXT, "The ferry will run until late in the evening, every day of the week."]
    page = "\n\n".join(["Council agrees plan", line, *text])
    assert newsclean.clean(page + "\n").authors == authors


@pytest.mark.parametrize(
    ("lines", "authors"),
    [
        (["Hazel Sheffield", "Friday 25 December 2015"], ("Hazel Sheffield",)),
        (
            ["Ibtisam Mahdi, Ruwaida Kamal Amer", "November 8 2023, 3:18 p.m."],
            ("Ibtisam Mahdi", "Ruwaida Kamal Amer"),
        ),
        # words the page writes in lower case, or in other phrases
        (["Harbour Council", "Friday 25 December 2015"], ()),
        (["Recent Posts", "October 30, 2020 Kate May"], ()),
        # no date line beside it
        (["Hazel Sheffield", "Shares"], ()),
    ],
)
def test_names_of_unknown_given_names_beside_a_date_line(
    lines: list[str], authors: tuple[str, ...]
) -> None:
    page = "\n\n".join(["Ferry keeps running", *lines, *_EN_TEXT])
    assert newsclean.clean(page + "\n").authors == authors


#: Lines that take a footer far from the text.
_FILLER = [f"Section {letter}" for letter in "ABCDEFGHIJKLMNOPQRSTUV"]


def test_names_of_unknown_given_names_are_not_read_in_german() -> None:
    # German capitalises its nouns: "Serien Killer" is no name
    page = "\n\n".join(["Die Fähre bleibt", "Serien Killer", "Samstag, 9. September 2017"])
    assert newsclean.clean(page + "\n\n" + "\n\n".join(_DE_TEXT) + "\n").authors == ()


@pytest.mark.parametrize(
    ("footer", "authors"),
    [
        (
            ["Archiv – RSS – Impressum – 2009-2020 by Florian Posdziech – Powered by Nikola"],
            ("Florian Posdziech",),
        ),
        (["(Creative Commons-Lizenz) 2006-2008 by Martin Weber"], ("Martin Weber",)),
        (
            [
                "Ein Hundetagebuch von Donald Townsend steht unter einer Creative Commons "
                "Namensnennung 3.0 Unported Lizenz."
            ],
            ("Donald Townsend",),
        ),
        # a date's year, not a notice's years: another post's byline, far from the text
        ([*_FILLER, "Publiziert am 21. Mai 2012 von Tom Stelling"], ()),
        ([*_FILLER, "Impressum – 2009-2012 von Tom Stelling"], ("Tom Stelling",)),
        # a picture's licence
        (["Photo by Anna Berg, Creative Commons Attribution 2.0"], ()),
    ],
)
def test_failing_a_byline_a_site_notice_naming_its_owner(
    footer: list[str], authors: tuple[str, ...]
) -> None:
    page = "\n\n".join(["Ferry keeps running", *_EN_TEXT, "Comments", *footer])
    assert newsclean.clean(page + "\n").authors == authors


def test_a_name_the_headline_holds_is_the_subject_not_the_author() -> None:
    page = "\n\n".join(["Kim ist zurück, Donald Trump ist glücklich", *_DE_TEXT, "Donald Trump"])
    assert newsclean.clean(page + "\n").authors == ()
    # ... unless after a byline word: a speech's speaker
    page = "\n\n".join(["Rede von Johannes Rau beim Konvent", *_DE_TEXT, "Johannes Rau"])
    assert newsclean.clean(page + "\n").authors == ("Johannes Rau",)


def test_a_byline_word_that_starts_its_line_over_one_after_words() -> None:
    lines = ["Camino von Birgit Kelle", "Datum: 19.11.2021", "Autor: Fritz Imhof"]
    page = "\n\n".join(["Die Fähre bleibt", *_DE_TEXT, *lines])
    assert newsclean.clean(page + "\n").authors == ("Fritz Imhof",)


def test_a_category_run_into_the_end_of_a_line_of_names() -> None:
    line = "Clara Löw , Klaus Jacob Energie & Umwelt"  # a category the page lists
    page = "\n\n".join(["Die Fähre bleibt", line, *_DE_TEXT, "Energie & Umwelt", "Impressum"])
    assert newsclean.clean(page + "\n").authors == ("Clara Löw", "Klaus Jacob")


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("reineckefuchs — 2. Februar 2022", ("reineckefuchs",)),
        ("28. Januar 2015 karstenruppert Schreibe einen Kommentar", ("karstenruppert",)),
        # words of the language, a time, a word after the date with no comment link
        ("heute — 2. Februar 2022", ()),
        ("2. Februar 2022 22h03 Schreibe einen Kommentar", ()),
        ("2. Februar 2022 lesezeit", ()),
    ],
)
def test_a_user_name_beside_a_date_without_a_byline_word(
    line: str, authors: tuple[str, ...]
) -> None:
    assert _authors_under_headline("de", line) == authors


@pytest.mark.parametrize(
    ("texts", "default", "order"),
    [
        (["Posted 12/04/2020", "Comment on 14/04/2020 at 3:00 pm"], "mdy", "dmy"),
        (["Stand: 04/14/2020", "03/05/2020"], "dmy", "mdy"),
        (["03/05/2020", "04/06/2021"], "mdy", "mdy"),  # nothing proves an order
        (["14/04/2020", "04/14/2020"], "dmy", "dmy"),  # both: the language decides
        (["2020/04/14", "Seite 1/2"], "mdy", "mdy"),  # year first, or no date
    ],
)
def test_page_date_order(texts: list[str], default: str, order: str) -> None:
    assert page_date_order(texts, default) == order


def test_a_british_page_dates_day_first() -> None:
    page = "\n\n".join(
        [
            "Olive tapenade",
            "12/04/2020 by Kay",
            *_EN_PARAS_FOR_DATES,
            "Comments",
            "Jo says: 14/04/2020 at 3:00 pm",
            "Lovely recipe, thank you for sharing it with us all.",
        ]
    )
    assert newsclean.clean(page + "\n").date == "2020-04-12"


_EN_PARAS_FOR_DATES = [
    "This olive tapenade takes five minutes to make and keeps for a week in the fridge, "
    "so it is a good thing to have ready when friends drop in for a drink.",
    "Blend the olives with capers, garlic and lemon juice, then stir in the olive oil "
    "until the paste is smooth enough to spread on toast or crackers.",
]


def test_a_month_name_of_another_language_is_read() -> None:
    """A page read as Spanish (or one mixing languages) still dates "13. Januar 2014"."""
    assert find_date("Publiziert am 13. Januar 2014 von uriebe", load("es")) == "2014-01-13"
    assert find_date("mardi 5 juin 2018", load("en")) == "2018-06-05"
    assert find_date("Seite 5 Abschnitt 2018", load("de")) is None
