"""Language data files and language detection.

Every file in ``newsclean/lang/`` must follow en.json's schema, map its month
names to 1..12 in a form the date parser reads, and not mistake ordinary
article prose for boilerplate. Detection must name the language of a plain
news paragraph in each language we ship data for.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsclean
from newsclean.cli import cli
from newsclean.html import page_language, parse
from newsclean.languages import (
    _DATA_DIR,
    PhraseMatcher,
    available,
    detect,
    load,
    script_chars,
    stoplist,
    tokens,
)
from newsclean.patterns import find_date

LANG_CODES = available()
EXPECTED_LANGUAGES = (
    *("de", "en", "fr", "es", "it", "nl", "pt", "pl", "sv"),
    *("da", "no", "fi", "cs", "ro", "ru"),
)

#: Realistic news paragraphs (written for these tests), two per language, so that
#: detection sees several sentences as it would on a page.
PARAGRAPHS: dict[str, list[str]] = {
    "de": [
        "Die Stadtverwaltung hat am Dienstag angekündigt, dass die Sanierung der alten "
        "Rheinbrücke wegen gestiegener Kosten um mindestens zwei Jahre verschoben wird.",
        "Nach Angaben des Bauamts sind die Preise für Stahl und Beton seit dem Frühjahr so stark "
        "gestiegen, dass die bisherige Planung nicht mehr zu halten ist.",
    ],
    "en": [
        "The city council voted on Tuesday to delay the renovation of the old river bridge by at "
        "least two years, citing a sharp rise in construction costs since the spring.",
        "Officials said the price of steel and concrete had climbed so quickly that the original "
        "budget was no longer realistic, and that the work would be put out to tender again.",
    ],
    "fr": [
        "Le conseil municipal a décidé mardi de reporter d'au moins deux ans la rénovation du "
        "vieux pont sur le fleuve, en raison de la forte hausse des coûts de construction.",
        "Selon les services techniques de la ville, le prix de l'acier et du béton a tellement "
        "augmenté depuis le printemps que le budget prévu n'est plus tenable.",
    ],
    "es": [
        "El ayuntamiento aprobó el martes aplazar al menos dos años la reforma del viejo puente "
        "sobre el río, debido al fuerte aumento de los costes de construcción.",
        "Según los técnicos municipales, el precio del acero y del hormigón ha subido tanto desde "
        "la primavera que el presupuesto previsto ya no es suficiente para las obras.",
    ],
    "it": [
        "Il consiglio comunale ha deciso martedì di rinviare di almeno due anni la "
        "ristrutturazione del vecchio ponte sul fiume, a causa del forte aumento dei costi.",
        "Secondo gli uffici tecnici del comune, il prezzo dell'acciaio e del cemento è cresciuto "
        "così tanto dalla primavera che il bilancio previsto non è più sufficiente.",
    ],
    "nl": [
        "De gemeenteraad heeft dinsdag besloten de renovatie van de oude brug over de rivier "
        "met minstens twee jaar uit te stellen, omdat de bouwkosten sterk zijn gestegen.",
        "Volgens de technische dienst van de gemeente zijn de prijzen van staal en beton sinds "
        "het voorjaar zo hard omhooggegaan dat het oorspronkelijke budget niet meer volstaat.",
    ],
    "pt": [
        "A câmara municipal decidiu na terça-feira adiar por pelo menos dois anos a renovação da "
        "velha ponte sobre o rio, devido ao forte aumento dos custos de construção.",
        "Segundo os técnicos da autarquia, o preço do aço e do betão subiu tanto desde a "
        "primavera que o orçamento previsto já não é suficiente para as obras.",
    ],
    "pl": [
        "Rada miejska zdecydowała we wtorek, że remont starego mostu na rzece zostanie "
        "przesunięty o co najmniej dwa lata z powodu gwałtownego wzrostu kosztów budowy.",
        "Według urzędników ceny stali i betonu wzrosły od wiosny tak bardzo, że dotychczasowy "
        "budżet nie wystarczy, a przetarg na prace trzeba będzie ogłosić jeszcze raz.",
    ],
    "sv": [
        "Kommunfullmäktige beslutade på tisdagen att skjuta upp renoveringen av den gamla bron "
        "över älven med minst två år, eftersom byggkostnaderna har stigit kraftigt.",
        "Enligt kommunens tekniska förvaltning har priserna på stål och betong ökat så mycket "
        "sedan i våras att den ursprungliga budgeten inte längre räcker till arbetet.",
    ],
    "da": [
        "Byrådet besluttede tirsdag at udskyde renoveringen af den gamle bro over åen med mindst "
        "to år, fordi udgifterne til byggeriet er steget kraftigt siden foråret.",
        "Ifølge kommunens tekniske forvaltning er priserne på stål og beton vokset så meget, at "
        "det oprindelige budget ikke længere kan holde, og arbejdet skal nu i udbud igen.",
    ],
    "no": [
        "Bystyret vedtok tirsdag å utsette rehabiliteringen av den gamle brua over elva med minst "
        "to år, fordi byggekostnadene har steget kraftig siden i vår.",
        "Ifølge kommunens tekniske etat har prisene på stål og betong økt så mye at det "
        "opprinnelige budsjettet ikke lenger holder, og arbeidet må nå lyses ut på nytt.",
    ],
    "fi": [
        "Kaupunginvaltuusto päätti tiistaina lykätä vanhan joen ylittävän sillan peruskorjausta "
        "ainakin kahdella vuodella, koska rakentamisen kustannukset ovat nousseet jyrkästi.",
        "Kaupungin teknisen toimen mukaan teräksen ja betonin hinnat ovat nousseet keväästä "
        "lähtien niin paljon, että alkuperäinen talousarvio ei enää riitä ja työ on "
        "kilpailutettava uudelleen.",
    ],
    "cs": [
        "Městské zastupitelstvo v úterý rozhodlo, že oprava starého mostu přes řeku se kvůli "
        "prudkému růstu stavebních nákladů odkládá nejméně o dva roky.",
        "Podle technického odboru radnice ceny oceli a betonu od jara vzrostly tak výrazně, že "
        "původní rozpočet už nestačí a zakázku bude nutné znovu vypsat.",
    ],
    "ro": [
        "Consiliul local a decis marți să amâne cu cel puțin doi ani renovarea vechiului pod "
        "peste râu, din cauza creșterii puternice a costurilor de construcție.",
        "Potrivit direcției tehnice a primăriei, prețul oțelului și al betonului a crescut atât "
        "de mult din primăvară încât bugetul inițial nu mai este suficient pentru lucrări.",
    ],
    "ru": [
        "Городской совет во вторник решил отложить реконструкцию старого моста через реку как "
        "минимум на два года из-за резкого роста стоимости строительных работ.",
        "По словам сотрудников технического управления мэрии, цены на сталь и бетон с весны "
        "выросли настолько, что прежнего бюджета уже не хватает и конкурс придется объявить "
        "заново.",
    ],
}

#: What "months map to 1..12" must hold for: every key is a lower-case word
#: the date pattern can read (3 to 12 letters, no dot).
MONTH_WORD_MIN, MONTH_WORD_MAX = 3, 12


def _raw(code: str) -> dict[str, object]:
    with (_DATA_DIR / f"{code}.json").open(encoding="utf-8") as fh:
        data: dict[str, object] = json.load(fh)
    return data


def test_every_expected_language_has_a_file() -> None:
    missing = sorted(set(EXPECTED_LANGUAGES) - set(LANG_CODES))
    assert not missing, f"no data file for: {missing}"


@pytest.mark.parametrize("code", LANG_CODES)
def test_file_has_every_key_of_english(code: str) -> None:
    english, data = _raw("en"), _raw(code)
    missing = sorted(set(english) - set(data))
    assert not missing, f"{code}.json lacks keys {missing}"
    assert data["code"] == code
    for key, value in english.items():
        assert type(data[key]) is type(value), f"{code}.json: {key} is not a {type(value).__name__}"
    phrases = data["phrases"]
    assert isinstance(phrases, dict)
    english_phrases = english["phrases"]
    assert isinstance(english_phrases, dict)
    missing_cats = sorted(set(english_phrases) - set(phrases))
    assert not missing_cats, f"{code}.json lacks phrase categories {missing_cats}"
    for category, items in phrases.items():
        assert items, f"{code}.json: phrase category {category!r} is empty"
        for item in items:
            assert tokens(item), f"{code}.json: phrase {item!r} ({category}) has no word in it"
    for key in ("byline_prefixes", "name_joiners", "credit_prefixes", "date_prefixes"):
        assert data[key], f"{code}.json: {key} is empty"
    assert data["date_order"] in ("dmy", "mdy", "ymd")


@pytest.mark.parametrize("code", LANG_CODES)
def test_file_loads(code: str) -> None:
    lang = load(code)
    assert lang.code == code
    assert lang.has_data
    assert lang.byline_prefixes and lang.credit_prefixes and lang.date_prefixes
    # the stop-word list jusText ships is found (the detection needs it too)
    assert lang.stopwords, f"no jusText stop words found for {code}"


@pytest.mark.parametrize("code", LANG_CODES)
def test_months_map_to_1_to_12(code: str) -> None:
    months = _raw(code)["months"]
    assert isinstance(months, dict)
    assert set(months.values()) == set(range(1, 13)), f"{code}: months must cover 1..12"
    for word, number in months.items():
        assert isinstance(number, int) and 1 <= number <= 12, (word, number)
        assert word == word.lower(), f"{code}: month {word!r} is not lower case"
        assert word.isalpha() and MONTH_WORD_MIN <= len(word) <= MONTH_WORD_MAX, (
            f"{code}: month {word!r} cannot be read by the date pattern"
        )


@pytest.mark.parametrize("code", LANG_CODES)
def test_every_month_word_parses_in_a_date(code: str) -> None:
    lang = load(code)
    months = _raw(code)["months"]
    assert isinstance(months, dict)
    for word, number in months.items():
        for text in (f"12 {word} 2024", f"12 {word.capitalize()} 2024, 14:05"):
            assert find_date(text, lang) == date(2024, number, 12).isoformat(), text


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        ("fr", "Publié le 1er mars 2024 à 14h05", "2024-03-01"),
        ("es", "Publicado el 5 de febrero de 2024, 08:30", "2024-02-05"),
        ("it", "Pubblicato il 18 ottobre 2023 alle 12:15", "2023-10-18"),
        ("nl", "Gepubliceerd op 7 mei 2024 om 09:12", "2024-05-07"),
        ("pt", "Publicado em 9 de setembro de 2023", "2023-09-09"),
        ("pl", "Opublikowano: 3 lutego 2024, 11:20", "2024-02-03"),
        ("pl", "Aktualizacja: 14 października 2023", "2023-10-14"),
        ("sv", "Publicerad 28 augusti 2024 kl. 06.00", "2024-08-28"),
        ("de", "Veröffentlicht am 2. Januar 2024", "2024-01-02"),
        ("da", "Publiceret 24. november 2026 kl. 08.15", "2026-11-24"),
        ("no", "Publisert 24. november 2026 kl. 08.15", "2026-11-24"),
        ("fi", "Julkaistu 24.11.2026 klo 8.15", "2026-11-24"),
        ("fi", "Julkaistu 24. marraskuuta 2026", "2026-11-24"),
        ("cs", "Publikováno 24. listopadu 2026 v 8:15", "2026-11-24"),
        ("ro", "Publicat: 24 noiembrie 2026, 08:15", "2026-11-24"),
        ("ru", "Опубликовано 24 ноября 2026, 08:15", "2026-11-24"),
        # dotted numbers in the language's order: month first in English
        ("en", "11.03.17 in Gadgetry", "2017-11-03"),
        ("de", "11.03.17 in Technik", "2017-03-11"),
        ("en", "25.12.2019", "2019-12-25"),  # the month-first reading is impossible
        ("de", "12.25.2019", "2019-12-25"),
    ],
)
def test_dates_in_the_language_formats(code: str, text: str, expected: str) -> None:
    assert find_date(text, load(code)) == expected


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        # renderings that glue inline elements together: the year runs into what follows
        ("de", "Posted on 25. Januar 202225. Januar 2022 Author Redaktion", "2022-01-25"),
        ("es", "3 de mayo de 202221:25 LA NACION", "2022-05-03"),
        ("de", "Veröffentlicht am Dezember 29, 2021Dezember 29, 2021", "2021-12-29"),
        ("de", "17/11/201917/11/2019 ~ Cem Basman", "2019-11-17"),
        ("de", "19.10.201918:56", "2019-10-19"),
        ("de", "8.Dezember 2010 um 09:43", "2010-12-08"),  # no space after the day
        ("de", "von Nadja Demel13.12.2022 - 08:13 Uhr", "2022-12-13"),  # a day after a letter
        ("de", "Anglertalkhejfish7. Januar 20220", "2022-01-07"),
        ("de", "Server 192.168.10.12", None),  # an address is no date
        # but a longer number is no year
        ("de", "Bestellnummer Mai 2019999", None),
        ("en", "Part number March 3, 2022123", None),
    ],
)
def test_a_year_glued_to_what_follows_still_ends_a_date(
    code: str, text: str, expected: str | None
) -> None:
    assert find_date(text, load(code)) == expected


@pytest.mark.parametrize("code", LANG_CODES)
def test_single_word_phrases_are_not_stop_words(code: str) -> None:
    """A one-word phrase that is a frequent word of the language would make prose look
    like boilerplate ("more", "next"): such a word belongs in a longer phrase, or is
    marked "=word" to count only as a whole line."""
    stop = set(stoplist(code))
    phrases = _raw(code)["phrases"]
    assert isinstance(phrases, dict)
    offenders = sorted(
        f"{category}: {item}"
        for category, items in phrases.items()
        for item in items
        if len(tokens(item)) == 1 and tokens(item)[0] in stop and not item.startswith("=")
    )
    assert not offenders, f"{code}.json: one-word phrases that are stop words: {offenders}"


@pytest.mark.parametrize("code", sorted(PARAGRAPHS))
def test_prose_does_not_look_like_boilerplate(code: str) -> None:
    lang = load(code)
    for paragraph in PARAGRAPHS[code]:
        toks = tokens(paragraph)
        covered, cats = lang.phrases.match(toks)
        assert covered / len(toks) < 0.1, f"{code}: prose matched as phrases {cats}: {paragraph}"


@pytest.mark.parametrize("code", sorted(PARAGRAPHS))
def test_detect_names_the_language(code: str) -> None:
    assert detect(PARAGRAPHS[code]) == code


@pytest.mark.parametrize("code", sorted(PARAGRAPHS))
def test_detect_one_paragraph_among_short_lines(code: str) -> None:
    """Short menu lines in English do not outvote one paragraph of prose."""
    lines = ["Home", "News", "Sport", "Weather", "Sign in", PARAGRAPHS[code][0], "Share"]
    assert detect(lines) == code


def test_detect_japanese() -> None:
    text = (
        "東京都は火曜日、老朽化した橋の改修工事を少なくとも二年間延期すると発表した。"
        "建設費の高騰が理由だという。"
    )
    assert detect([text]) == "ja"


def test_detect_chinese() -> None:
    text = (
        "市政府周二宣布，由于建筑成本大幅上涨，旧桥的翻修工程将推迟至少两年。"
        "官员表示原定预算已经不够。"
    )
    assert detect([text]) == "zh"


@pytest.mark.parametrize(
    ("text", "script", "count"),
    [
        ("東京都は火曜日", "kana", 1),
        ("東京都は火曜日", "han", 6),
        ("東京都は火曜日", "cjk", 7),
        ("서울시는 화요일", "hangul", 7),
        ("กรุงเทพ", "thai", 7),
        ("Grüße – „Straße“ € 5", "any", 0),  # non-ASCII, but below every script
        ("plain ASCII", "any", 0),
        ("Tokio (東京) heute", "any", 2),
    ],
)
def test_script_chars(text: str, script: str, count: int) -> None:
    assert script_chars(text, script) == count


@pytest.mark.parametrize("lines", [["2024 123 456", "07.03.2024 12:30"], ["1", "2", "3"], []])
def test_detect_without_words_is_none(lines: list[str]) -> None:
    assert detect(lines) is None


def _page(code: str) -> str:
    return "\n\n".join(["Headline of the page", *PARAGRAPHS[code], *PARAGRAPHS[code]]) + "\n"


def test_lang_option_overrides_detection_in_the_library() -> None:
    page = _page("de")
    assert newsclean.clean(page).language == "de"
    assert newsclean.clean(page, newsclean.Options(lang="fr")).language == "fr"


@pytest.mark.parametrize(
    ("given", "expected"), [("nb", "no"), ("nn-NO", "no"), ("pt-BR", "pt"), ("SV_se", "sv")]
)
def test_lang_option_is_read_as_the_language_of_its_data(given: str, expected: str) -> None:
    """Regions are dropped and Norwegian Bokmål and Nynorsk use the Norwegian data, in
    the library, the command line and a page's declared language alike."""
    page = _page("de")
    assert newsclean.clean(page, newsclean.Options(lang=given)).language == expected
    result = CliRunner().invoke(cli, ["clean", "--format", "json", "--lang", given], input=page)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["language"] == expected
    html = f'<html lang="{given}"><head><title>T</title></head><body><p>x</p></body></html>'
    assert page_language(parse(html)) == expected


@pytest.mark.parametrize(("code", "override"), [("de", "fr"), ("fr", "es"), ("sv", "pl")])
def test_lang_option_overrides_detection_in_the_cli(code: str, override: str) -> None:
    runner = CliRunner()
    page = _page(code)
    detected = runner.invoke(cli, ["clean", "--format", "json"], input=page)
    assert detected.exit_code == 0, detected.output
    assert json.loads(detected.stdout)["language"] == code
    forced = runner.invoke(cli, ["clean", "--format", "json", "--lang", override], input=page)
    assert forced.exit_code == 0, forced.output
    assert json.loads(forced.stdout)["language"] == override


def test_data_dir_is_the_package_folder() -> None:
    assert Path(newsclean.__file__).parent / "lang" == _DATA_DIR


def test_spanish_listen_and_related_lines_inside_the_text_are_dropped() -> None:
    paras = [
        "Los vecinos del pequeño pueblo costero votaron el domingo a favor de mantener el "
        "viejo transbordador de madera que cruza la bahía desde 1962, y rechazaron un puente.",
        "El ayuntamiento había argumentado que las reparaciones eran demasiado caras, pero más "
        "de dos tercios de los votantes dijeron que el cruce forma parte del pueblo.",
        "El consistorio buscará ahora ayudas para reparar el casco y el motor, y una primera "
        "inspección del barco está prevista para los primeros meses del verano.",
    ]
    lines = [paras[0], "Escucha esta nota aquí", paras[1], "Le puede interesar", paras[2]]
    article = newsclean.clean("\n\n".join(["Inicio", *lines]) + "\n")
    assert article.language == "es"
    assert article.body == tuple(paras)


@pytest.mark.parametrize(
    ("code", "line", "category"),
    [
        # the lines blog and news software prints around an article, in several languages
        ("de", "Deine E-Mail-Adresse wird nicht veröffentlicht.", "comments"),
        ("en", "Your email address will not be published.", "comments"),
        ("fr", "Votre adresse e-mail ne sera pas publiée.", "comments"),
        ("de", "Vorheriger Beitrag", "navigation"),
        ("en", "Advertiser Disclosure", "advert"),
        ("de", "(Alle Angaben ohne Gewähr)", "legal"),
        ("es", "Escucha esta nota", "share"),
        ("it", "Seguici su", "share"),
        ("en", "Advertising Disclosure", "advert"),
        ("de", "Lust auf mehr?", "newsletter"),
        ("en", "Enjoyed this article?", "newsletter"),
        ("de", "Rezept drucken", "share"),
        ("de", "Für Links auf dieser Seite", "advert"),
        ("en", "This site is protected by reCAPTCHA.", "legal"),
        ("en", "Jump to Recipe", "navigation"),
    ],
)
def test_widget_lines_are_in_the_lexicon(code: str, line: str, category: str) -> None:
    lang = load(code)
    toks = tokens(line)
    covered, cats = lang.phrases.match(toks)
    assert covered == len(toks) and category in cats


def test_a_phrase_marked_inside_only_counts_but_opens_no_appeal() -> None:
    matcher = PhraseMatcher({"comments": ["~notes on", "leave a reply"]})
    assert matcher.match(tokens("2 notes on the ferry")) == (2, {"comments": 2})
    assert matcher.lead_phrase(tokens("Notes on the ferry differ")) is None
    assert matcher.lead_phrase(tokens("Leave a reply below")) == "comments"
    assert matcher.lead_phrase(tokens("Reply")) is None  # one word opens no appeal


@pytest.mark.parametrize(
    ("code", "line", "expected"),
    [
        ("en", "Disclaimer: the author owns no shares in the company.", True),
        ("en", "Advertising Disclosure", True),
        ("de", "Haftungsausschluss", True),
        ("de", "Haftungsausschluss: Für die Inhalte externer Seiten haften wir nicht.", True),
        ("es", "Aviso legal: este contenido no constituye asesoramiento.", True),
        ("en", "The disclaimer was read out in court on Monday.", False),
        ("de", "Haftungsausschluss-Klauseln sind oft unwirksam.", False),
    ],
)
def test_disclaimer_label(code: str, line: str, expected: bool) -> None:
    assert load(code).disclaimer_label(line) is expected


@pytest.mark.parametrize(
    ("code", "line", "expected"),
    [
        ("en", "You are using an outdated browser. Please upgrade it.", True),
        ("de", "Du verwendest einen veralteten Browser.", True),
        ("fr", "Votre navigateur n'est plus pris en charge, mettez à jour votre navigateur.", True),
        ("es", "Tu navegador está desactualizado: actualiza tu navegador.", True),
        ("it", "Stai usando un browser obsoleto: aggiorna il tuo browser.", True),
        ("nl", "U gebruikt een verouderde browser; update uw browser.", True),
        ("pt", "Você está usando um navegador desatualizado.", True),
        ("pl", "Twoja przeglądarka jest przestarzała, zaktualizuj ją.", True),
        ("sv", "Du använder en föråldrad webbläsare.", True),
        # a browser named without addressing the reader, or the reader without one
        ("en", "The old browser version shipped with the first phones in 2007.", False),
        ("en", "You can update your address on the council's website.", False),
    ],
)
def test_browser_notice(code: str, line: str, expected: bool) -> None:
    assert load(code).browser_notice(line) is expected


@pytest.mark.parametrize(
    ("code", "line", "expected"),
    [
        ("en", "As an Amazon Associate we earn from qualifying purchases.", True),
        ("de", "Bei den Links handelt es sich um Affiliate-Links.", True),
        ("fr", "Cet article contient des liens affiliés.", True),
        ("it", "Questo articolo contiene link di affiliazione.", True),
        ("pl", "Artykuł zawiera linki afiliacyjne.", True),
        ("en", "The broker earns a fee on each trade, the regulator said.", False),
        ("de", "Die Provision des Maklers steigt im neuen Jahr.", False),
    ],
)
def test_affiliate_notice(code: str, line: str, expected: bool) -> None:
    assert load(code).affiliate_notice(line) is expected


@pytest.mark.parametrize(
    ("code", "line", "category"),
    [
        ("fi", "Lue aiheesta lisää:", "related"),
        ("de", "Dieser Eintrag wurde veröffentlicht am 3. März 2020.", "comments"),
        ("en", "This entry was posted on Tuesday, March 3rd, 2020 at 10:15 am.", "comments"),
        ("fr", "Cette entrée a été publiée dans Port, le 3 mars 2020.", "comments"),
        ("es", "Esta entrada fue publicada en Puerto el 3 de marzo de 2020.", "comments"),
        ("it", "Questa voce è stata pubblicata in Porto il 3 marzo 2020.", "comments"),
        ("nl", "Dit bericht is geplaatst in Haven op 3 maart 2020.", "comments"),
        ("pt", "Esta entrada foi publicada em Porto a 3 de março de 2020.", "comments"),
        ("pl", "Ten wpis został opublikowany w kategorii Port.", "comments"),
        ("sv", "Det här inlägget postades i Hamn den 3 mars 2020.", "comments"),
        ("de", "Der Beitrag wurde am 3. März 2020 um 9:15 Uhr veröffentlicht.", "comments"),
        ("de", "Dieser Beitrag wurde am 03/03/2020 von Anna in Hafen veröffentlicht.", "comments"),
        # the verb must come, and a date or time between: an ordinary sentence opens so too
        ("de", "Der Beitrag wurde am Montag vom Gemeinderat erhöht, um 2 Euro.", None),
        ("de", "Der Beitrag wurde am Montag im Fachblatt veröffentlicht.", None),
    ],
)
def test_a_related_header_or_a_posts_footer_opens_with_a_phrase(
    code: str, line: str, category: str | None
) -> None:
    """ "Lue aiheesta lisää:" heads related links; a blog engine's footer under a post
    ("This entry was posted on ...") is no text."""
    assert load(code).phrases.lead_phrase(tokens(line)) == category
