"""Hostile and broken input: never crash, never hang, never leak.

What is checked, for the library (:func:`newsclean.clean`) and the command
(``newsclean clean``):

- pages in many encodings, line endings and scripts decode to the same text
  and give the same article as their plain UTF-8 form;
- empty and binary input gives one error line naming the file and its exit
  code, never a traceback;
- the size limit (``Options.max_bytes``, ``--max-size``);
- pathological shapes (the cases of ``benchmarks/pathological.py``) finish
  without an unexpected exception, and every regular expression of the
  pipeline stays fast on long runs of the characters it looks for;
- HTML attacks (entity bombs, external entities, deep nesting), while
  :mod:`newsclean.html` can be imported.

Nothing here judges the model: a page's article is compared with the same
page's article in another encoding, never with a hard-coded answer. Body
presence is asserted only on blatant pages (several long paragraphs). Speed
is measured by ``benchmarks/pathological.py``; the time limits below are
generous hang guards (a linear run takes a small fraction of them), not
speed tests.
"""

# The sample pages below hold whole paragraphs on one line, as scrapes do.
# ruff: noqa: E501

from __future__ import annotations

import codecs
import importlib
import json
import random
import re
import signal
import subprocess
import sys
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import newsclean
from newsclean import Article, NewscleanError, Options
from newsclean import errors as E
from newsclean.cli import cli
from newsclean.reader import normalise, read
from newsclean.segment import collapse

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from benchmarks.pathological import CASES, Case  # noqa: E402

# --- helpers ----------------------------------------------------------------------


@contextmanager
def hang_guard(seconds: float, what: str) -> Iterator[None]:
    """Fail (instead of hanging the suite) when a block runs for ``seconds``.

    A guard against catastrophic backtracking, set far above the time a linear
    run takes; where SIGALRM is missing (Windows) it guards nothing.
    """
    if not hasattr(signal, "setitimer"):
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"{what}: still running after {seconds:.0f} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def clean_or_error(data: bytes | str, options: Options | None = None) -> Article | NewscleanError:
    """The article, or the NewscleanError raised; any other exception propagates."""
    try:
        return newsclean.clean(data, options or Options())
    except NewscleanError as error:
        return error


def comparable(article: Article) -> dict[str, object]:
    doc = article.to_dict(explain=True)
    doc.pop("source")
    return doc


def run(*args: str, input: bytes | None = None) -> Result:
    return CliRunner().invoke(cli, list(args), input=input)


def assert_one_error_line(result: Result, code: int, name: str) -> str:
    assert result.exit_code == code, (result.exit_code, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got:\n{result.stderr}"
    assert name in lines[0]
    assert lines[0].startswith("newsclean: error:")
    assert result.stdout == ""
    return lines[0]


def long_paragraphs(text: str, min_words: int = 25) -> list[str]:
    return [collapse(p) for p in text.split("\n") if len(p.split()) >= min_words]


# --- realistic pages, written for these tests ---------------------------------------

GERMAN_PAGE = """Startseite
Politik
Wirtschaft
Sport
Anmelden

Hochwasser: Land verlängert das Hilfsprogramm um ein weiteres Jahr

Von Anna Müller
12. März 2024

Die Landesregierung hat am Montag angekündigt, das Hilfsprogramm für die vom Hochwasser betroffenen Gemeinden um ein weiteres Jahr zu verlängern. Nach Gesprächen mit den Bürgermeistern der Region sollen zusätzliche Mittel für die Reparatur von Straßen, Brücken und Schulen bereitgestellt werden.

Im vergangenen Frühjahr hatte das Hochwasser in mehreren Tälern schwere Schäden angerichtet. Viele Familien mussten ihre Häuser für Wochen verlassen, und in einigen Dörfern ist die Wasserversorgung bis heute nicht vollständig wiederhergestellt.

Die Opposition begrüßte die Entscheidung, kritisierte aber, dass die Auszahlung der Gelder zu lange dauere. Viele Betriebe warteten seit Monaten auf eine Antwort der Behörden, sagte ein Sprecher der Fraktion am Dienstag in der Hauptstadt.

Nach Angaben des Ministeriums wurden bisher mehr als zweitausend Anträge bearbeitet. Die Hälfte davon sei bereits bewilligt worden, der Rest werde bis zum Sommer geprüft, hieß es in einer schriftlichen Mitteilung – „so schnell wie möglich“.

Diesen Artikel teilen
Facebook
Twitter

Mehr zum Thema
Neue Deiche sollen das Tal schützen
Wie sich Gemeinden auf Starkregen vorbereiten

Impressum
Datenschutz
"""

FRENCH_PAGE = """Accueil
Monde
Économie
Sport

Inondations : le gouvernement prolonge d'un an son programme de réparation

Par Jeanne Dupont
12 mars 2024

Le gouvernement a annoncé lundi qu'il prolongerait d'un an le programme de réparation destiné aux communes touchées par les inondations, après des discussions avec les élus régionaux qui réclamaient davantage d'argent pour les routes, les ponts et les écoles.

Au printemps dernier, les crues ont causé de graves dégâts dans plusieurs vallées. De nombreuses familles ont dû quitter leur maison pendant des semaines, et dans certains villages l'eau courante n'est toujours pas rétablie, selon les autorités locales.

L'opposition a salué la décision mais a estimé que le versement des aides était beaucoup trop lent. Bien des entreprises attendent depuis des mois une réponse de l'administration, a déclaré mardi un porte-parole du parti à l'Assemblée.

Selon le ministère, plus de deux mille dossiers ont déjà été traités. La moitié d'entre eux a été acceptée, les autres seront examinés avant l'été, a précisé le ministère dans un communiqué – « dès que possible ».

Partager cet article
Facebook
Twitter

Lire aussi
De nouvelles digues pour protéger la vallée
Mentions légales
"""

ENGLISH_PAGE = """Home
World
Business
Sport
Sign in

Floods: the government extends its repair programme for another year

By Jane Smith
March 12, 2024

The government said on Monday that it would extend its repair programme for the towns hit by the floods for another year, after talks with regional leaders who had asked for more money to rebuild roads, bridges and schools.

Last spring the floods caused severe damage in several valleys. Many families had to leave their homes for weeks, and in some villages the water supply has still not been fully restored, according to local officials.

The opposition welcomed the decision but said that the payments were taking far too long. Many businesses had been waiting for months for an answer from the authorities, a spokesman for the party said on Tuesday.

According to the ministry, more than two thousand applications have been processed so far. Half of them have already been approved, and the rest will be examined before the summer, the ministry said in a written statement.

Share this article
Facebook
Twitter

Related
New dykes are to protect the valley
How towns prepare for heavy rain

Privacy policy
Terms of use
"""

ARABIC_PAGE = """الرئيسية
سياسة
اقتصاد
رياضة

الحكومة تمدد برنامج إصلاح أضرار الفيضانات لعام آخر

قالت الحكومة يوم الاثنين إنها ستمدد برنامج الإصلاح للبلدات التي ضربتها الفيضانات لعام آخر، بعد محادثات مع قادة المناطق الذين طلبوا المزيد من الأموال لإعادة بناء الطرق والجسور والمدارس.

في الربيع الماضي تسببت الفيضانات في أضرار جسيمة في عدة وديان، واضطرت عائلات كثيرة إلى مغادرة منازلها لأسابيع، ولم يتم بعد استعادة إمدادات المياه بالكامل في بعض القرى، وفقا للمسؤولين المحليين.

ورحبت المعارضة بالقرار لكنها قالت إن صرف الأموال يستغرق وقتا طويلا جدا، وإن كثيرا من الشركات تنتظر منذ شهور ردا من السلطات، كما قال متحدث باسم الحزب يوم الثلاثاء.

وبحسب الوزارة، تمت معالجة أكثر من ألفي طلب حتى الآن، وتمت الموافقة على نصفها بالفعل، وستتم دراسة الباقي قبل الصيف، كما جاء في بيان مكتوب.

شارك المقال
فيسبوك
تويتر
"""

HEBREW_PAGE = """ראשי
חדשות
כלכלה
ספורט

הממשלה מאריכה את תוכנית השיקום לאחר השיטפונות בשנה נוספת

הממשלה הודיעה ביום שני כי תאריך את תוכנית השיקום עבור הערים שנפגעו מהשיטפונות בשנה נוספת, לאחר שיחות עם ראשי האזורים שביקשו כסף נוסף לבניית כבישים, גשרים ובתי ספר מחדש.

באביב שעבר גרמו השיטפונות לנזק כבד בכמה עמקים. משפחות רבות נאלצו לעזוב את בתיהן לשבועות, ובכמה כפרים אספקת המים עדיין לא חזרה במלואה, לפי גורמים מקומיים.

האופוזיציה בירכה על ההחלטה אך אמרה כי התשלומים מתעכבים זמן רב מדי. עסקים רבים ממתינים כבר חודשים לתשובה מהרשויות, אמר דובר המפלגה ביום שלישי.

לפי המשרד, עד כה טופלו יותר מאלפיים בקשות. מחציתן כבר אושרו, והשאר ייבדקו לפני הקיץ, נמסר בהודעה כתובה.

שתפו את הכתבה
פייסבוק
"""

CHINESE_PAGE = """首页
国际
财经
体育

政府宣布将洪灾修复计划延长一年

政府周一表示，在与地区领导人会谈后，将把受洪灾影响城镇的修复计划再延长一年。地区领导人此前要求提供更多资金，用于重建道路、桥梁和学校。

去年春天，洪水在几个山谷造成严重破坏。许多家庭不得不离开家园数周，据当地官员说，一些村庄的供水至今仍未完全恢复。

反对党对这一决定表示欢迎，但表示拨款速度太慢。该党发言人周二说，许多企业已经等待当局答复好几个月了。

据该部介绍，迄今为止已处理两千多份申请，其中一半已获批准，其余申请将在夏季之前审核完毕。

分享本文
微博
微信
"""

JAPANESE_PAGE = """ホーム
国際
経済
スポーツ

政府、洪水被害の復旧計画を一年延長へ

政府は月曜日、地域の指導者らとの協議を受けて、洪水の被害を受けた町の復旧計画をさらに一年延長すると発表した。指導者らは道路や橋、学校の再建のために追加の資金を求めていた。

昨年の春、洪水はいくつかの谷で深刻な被害をもたらした。多くの家族が数週間にわたって自宅を離れなければならず、地元当局によると、一部の村では今も水道が完全には復旧していない。

野党はこの決定を歓迎したが、支給の遅さを批判した。党の報道官は火曜日、多くの企業が何か月も当局の回答を待っていると述べた。

同省によると、これまでに二千件以上の申請が処理され、その半数がすでに承認された。残りは夏までに審査されるという。

この記事を共有する
"""

PAGES: dict[str, str] = {
    "de": GERMAN_PAGE,
    "fr": FRENCH_PAGE,
    "en": ENGLISH_PAGE,
    "ar": ARABIC_PAGE,
    "he": HEBREW_PAGE,
    "zh": CHINESE_PAGE,
    "ja": JAPANESE_PAGE,
}
#: Pages whose every character exists in cp1252.
CP1252_PAGES = ("de", "fr", "en")


def _variants() -> list[tuple[str, str, Callable[[str], bytes]]]:
    """(page, variant name, text -> bytes) for every page and encoding that can hold it."""
    encoders: list[tuple[str, Callable[[str], bytes]]] = [
        ("utf-8-bom", lambda t: codecs.BOM_UTF8 + t.encode("utf-8")),
        ("utf-16-le-bom", lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le")),
        ("utf-16-be-bom", lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be")),
        ("crlf", lambda t: t.replace("\n", "\r\n").encode("utf-8")),
        ("cr", lambda t: t.replace("\n", "\r").encode("utf-8")),
        ("mixed-endings", lambda t: _mix_endings(t).encode("utf-8")),
        ("zero-width", lambda t: _sprinkle(t, "\u200b\u2060\ufeff\u00ad", 3).encode("utf-8")),
        ("controls", lambda t: _sprinkle(t, "\x01\x07\x1b\x7f", 1).encode("utf-8")),
        ("odd-spaces", lambda t: _odd_spaces(t).encode("utf-8")),
        ("utf-16-crlf", lambda t: t.replace("\n", "\r\n").encode("utf-16")),
    ]
    out = [(page, name, enc) for page in PAGES for name, enc in encoders]
    for page in CP1252_PAGES:
        out.append((page, "cp1252", lambda t: t.encode("cp1252")))
        out.append((page, "cp1252-crlf", lambda t: t.replace("\n", "\r\n").encode("cp1252")))
        out.append((page, "mojibake", lambda t: t.encode("utf-8").decode("cp1252").encode("utf-8")))
    return out


def _mix_endings(text: str) -> str:
    endings = ("\r\n", "\r", "\n")
    lines = text.split("\n")
    out: list[str] = []
    for k, line in enumerate(lines[:-1]):
        ending = endings[k % 3]
        if ending == "\r" and not lines[k + 1]:
            ending = "\n"  # "\r" then an empty line's "\n" would read as one CRLF
        out.append(line + ending)
    return "".join(out) + lines[-1]


def _sprinkle(text: str, chars: str, per_line: int) -> str:
    """Insert invisible or control characters inside the longer lines."""
    rng = random.Random(5)
    out: list[str] = []
    for line in text.split("\n"):
        chars_in = list(line)
        if len(chars_in) >= 40:
            for _ in range(per_line):
                chars_in.insert(rng.randrange(1, len(chars_in)), rng.choice(chars))
        out.append("".join(chars_in))
    return "\n".join(out)


def _odd_spaces(text: str) -> str:
    return (
        text.replace(", ", ",\u00a0").replace(" der ", " der\u202f").replace(" the ", "\u2009the ")
    )


# --- encodings, line endings, scripts -------------------------------------------------


class TestEncodings:
    @pytest.mark.parametrize("code", list(PAGES))
    def test_blatant_pages_have_a_body_from_the_page(self, code: str) -> None:
        page = PAGES[code]
        article = newsclean.clean(page.encode("utf-8"))
        assert article.body, f"no body found on the blatant {code} page"
        lines = [collapse(line) for line in page.split("\n")]
        for para in article.body:
            assert any(para in line for line in lines), para

    @pytest.mark.parametrize(
        ("code", "variant", "encode"),
        _variants(),
        ids=[f"{c}-{v}" for c, v, _ in _variants()],
    )
    def test_variant_gives_the_same_article(
        self, code: str, variant: str, encode: Callable[[str], bytes]
    ) -> None:
        page = PAGES[code]
        data = encode(page)
        doc = read(data, Options())
        # normalisation removes exactly what the variant added
        assert doc.text == normalise(page)
        assert comparable(newsclean.clean(data)) == comparable(newsclean.clean(page.encode()))

    @pytest.mark.parametrize("code", ["ar", "he"])
    def test_right_to_left_text_is_kept_in_logical_order(self, code: str) -> None:
        page = PAGES[code]
        article = newsclean.clean(page.encode("utf-8"))
        text = newsclean.render(article, "text")
        for para in article.body:
            assert para in text
            # no bidi control characters are invented
            assert not set(para) & set("\u200e\u200f\u202a\u202b\u202c\u202d\u202e")

    @pytest.mark.parametrize("code", ["zh", "ja"])
    def test_text_without_spaces_keeps_its_lines_whole(self, code: str) -> None:
        page = PAGES[code]
        article = newsclean.clean(page.encode("utf-8"))
        assert article.language == code
        lines = set(page.split("\n"))
        for para in article.body:
            assert para in lines  # a CJK line is one paragraph, never split at characters

    def test_legacy_cjk_encodings_are_detected(self) -> None:
        for page, codec in (
            (JAPANESE_PAGE, "shift_jis"),
            (JAPANESE_PAGE, "euc_jp"),
            (CHINESE_PAGE, "gb18030"),
        ):
            assert read(page.encode(codec), Options()).text == normalise(page), codec

    def test_cp1250_text_stays_cp1250(self) -> None:
        polish = (
            "Rząd ogłosił w poniedziałek, że przedłuży program o kolejny rok po rozmowach "
            "z przywódcami regionów. W zeszłym roku powódź zniszczyła drogi i szkoły, "
            "a wiele rodzin musiało opuścić swoje domy na całe tygodnie.\n"
        )
        assert read(polish.encode("cp1250"), Options()).text == polish

    def test_cyrillic_single_byte_text_is_detected(self) -> None:
        russian = (
            "Правительство заявило в понедельник, что продлит программу ещё на один год "
            "после переговоров с руководителями регионов, которые просили больше денег.\n"
        )
        for codec in ("cp1251", "koi8_r"):
            assert read(russian.encode(codec), Options()).text == russian, codec

    def test_mojibake_page_is_repaired_but_a_text_about_the_letter_is_not(self) -> None:
        broken = GERMAN_PAGE.encode("utf-8").decode("cp1252")
        assert "FrÃ¼hjahr" in broken
        assert read(broken, Options()).text == normalise(GERMAN_PAGE)
        about = (
            "Der Buchstabe Ã (A mit Tilde) gehört zum portugiesischen Alphabet, etwa in "
            "SÃO PAULO oder IRMÃ; im Rumänischen steht dagegen Â wie in ÎNVĂȚĂMÂNT.\n"
        ) * 3
        assert read(about.encode("utf-8"), Options()).text == about

    def test_truncated_utf8_page_loses_only_the_cut_character(self) -> None:
        data = ENGLISH_PAGE.encode("utf-8") + "€".encode()[:2]
        assert read(data, Options()).text == normalise(ENGLISH_PAGE)


# --- empty and binary input -----------------------------------------------------------

_RANDOM = random.Random(1234)

BAD_INPUTS: list[tuple[str, bytes, int]] = [
    ("empty", b"", E.EXIT_EMPTY),
    ("spaces", b"   \n\t\n  ", E.EXIT_EMPTY),
    ("bom-only", codecs.BOM_UTF8, E.EXIT_EMPTY),
    ("utf16-bom-spaces", " \n ".encode("utf-16"), E.EXIT_EMPTY),
    ("invisible-only", "\u200b\ufeff\u2060\n\u00ad".encode(), E.EXIT_EMPTY),
    ("nul-bytes", b"\x00" * 64, E.EXIT_BINARY),
    ("text-with-nul", b"Some text\x00with a NUL byte in it", E.EXIT_BINARY),
    ("random-bytes", bytes(_RANDOM.randrange(256) for _ in range(4096)), E.EXIT_BINARY),
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", E.EXIT_BINARY),
    ("zip", b"PK\x03\x04\x14\x00\x00\x00\x08\x00word/document.xml", E.EXIT_BINARY),
    ("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n", E.EXIT_BINARY),
    ("utf16-no-bom", "A page in UTF-16 without a BOM.\n".encode("utf-16-le"), E.EXIT_BINARY),
    ("controls", bytes(range(1, 9)) * 100, E.EXIT_BINARY),
]


class TestEmptyAndBinary:
    @pytest.mark.parametrize(
        ("kind", "data", "code"), BAD_INPUTS, ids=[k for k, _, _ in BAD_INPUTS]
    )
    def test_file_gives_one_line_naming_it(
        self, tmp_path: Path, kind: str, data: bytes, code: int
    ) -> None:
        path = tmp_path / f"{kind}.txt"
        path.write_bytes(data)
        for fmt in ("text", "json"):
            result = run("clean", "-f", fmt, str(path))
            assert_one_error_line(result, code, str(path))

    @pytest.mark.parametrize(
        ("kind", "data", "code"), BAD_INPUTS, ids=[k for k, _, _ in BAD_INPUTS]
    )
    def test_stdin_gives_one_line(self, kind: str, data: bytes, code: int) -> None:
        assert_one_error_line(run("clean", input=data), code, "<stdin>")

    @pytest.mark.parametrize(
        ("kind", "data", "code"), BAD_INPUTS, ids=[k for k, _, _ in BAD_INPUTS]
    )
    def test_library_raises_a_typed_error(self, kind: str, data: bytes, code: int) -> None:
        with pytest.raises(NewscleanError) as info:
            newsclean.clean(data)
        assert info.value.exit_code == code
        assert "\n" not in str(info.value)

    def test_random_bytes_never_escape_as_other_exceptions(self) -> None:
        rng = random.Random(99)
        for size in (1, 2, 3, 7, 64, 500, 5000):
            for _ in range(20):
                data = bytes(rng.randrange(256) for _ in range(size))
                assert isinstance(clean_or_error(data), (Article, NewscleanError))

    def test_truncated_utf8_file_succeeds(self, tmp_path: Path) -> None:
        path = tmp_path / "cut.txt"
        path.write_bytes(GERMAN_PAGE.encode("utf-8") + "ß".encode()[:1])
        result = run("clean", "-f", "json", str(path))
        assert result.exit_code == 0, result.stderr
        assert "\ufffd" not in result.stdout
        assert json.loads(result.stdout)["body"] == list(newsclean.clean(GERMAN_PAGE).body)

    def test_a_bad_file_does_not_stop_the_good_ones(self, tmp_path: Path) -> None:
        good = tmp_path / "good.txt"
        good.write_text(ENGLISH_PAGE, encoding="utf-8")
        bad = tmp_path / "image.png"
        bad.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
        result = run("clean", "-f", "json", str(bad), str(good))
        assert result.exit_code == E.EXIT_BINARY
        assert "image.png" in result.stderr
        assert len(result.stdout.splitlines()) == 1


# --- size limit -----------------------------------------------------------------------


class TestSizeLimit:
    def test_library_limit(self) -> None:
        data = ENGLISH_PAGE.encode()
        with pytest.raises(newsclean.InputTooLargeError):
            newsclean.clean(data, Options(max_bytes=len(data) - 1))
        assert newsclean.clean(data, Options(max_bytes=len(data))).body

    def test_cli_limit_names_the_file(self, tmp_path: Path) -> None:
        path = tmp_path / "page.txt"
        path.write_bytes(b"word " * 1000)  # 5,000 bytes
        line = assert_one_error_line(
            run("clean", "--max-size", "4K", str(path)), E.EXIT_TOO_LARGE, str(path)
        )
        assert "--max-size" in line
        assert run("clean", "--max-size", "5K", str(path)).exit_code == 0

    def test_cli_limit_on_stdin(self) -> None:
        assert_one_error_line(
            run("clean", "--max-size", "100", input=b"word " * 100), E.EXIT_TOO_LARGE, "<stdin>"
        )

    def test_default_limit_is_50_mib(self, tmp_path: Path) -> None:
        path = tmp_path / "huge.txt"
        with path.open("wb") as fh:  # sparse: no disk space is used
            fh.truncate(50 * 1024 * 1024 + 1)
        assert_one_error_line(run("clean", str(path)), E.EXIT_TOO_LARGE, str(path))

    @pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this system")
    def test_endless_device_is_read_only_up_to_the_limit(self) -> None:
        result = run("clean", "--max-size", "64K", "/dev/zero")
        assert_one_error_line(result, E.EXIT_TOO_LARGE, "/dev/zero")

    @pytest.mark.parametrize("value", ["0", "-1", "abc", "5X", ""])
    def test_bad_sizes_are_usage_errors(self, tmp_path: Path, value: str) -> None:
        path = tmp_path / "page.txt"
        path.write_text(ENGLISH_PAGE, encoding="utf-8")
        result = run("clean", "--max-size", value, str(path))
        assert result.exit_code == E.EXIT_USAGE
        assert "Traceback" not in result.stderr


# --- pathological shapes --------------------------------------------------------------

#: Characters of each generated shape in the tests (the benchmark goes much bigger).
SHAPE_SIZE = 20_000
#: Hang guard per shape: a linear run takes well under a second at SHAPE_SIZE.
SHAPE_GUARD_SECONDS = 60


def _runnable_cases() -> list[Case]:
    return [c for c in CASES if c.fmt != "html"]


class TestShapes:
    @pytest.mark.parametrize("case", _runnable_cases(), ids=lambda c: c.name)
    def test_shape_is_cleaned_or_refused(self, case: Case) -> None:
        text = case.make(SHAPE_SIZE)
        options = Options(input_format=case.fmt)  # type: ignore[arg-type]
        with hang_guard(SHAPE_GUARD_SECONDS, case.name):
            outcome = clean_or_error(text.encode("utf-8"), options)
        if isinstance(outcome, Article):
            json.loads(newsclean.render(outcome, "json", explain=True))
            newsclean.render(outcome, "markdown")

    def test_spaces_only_is_empty(self) -> None:
        with pytest.raises(newsclean.EmptyInputError):
            newsclean.clean(b" " * 5 * 1024 * 1024)

    def test_one_million_stars_is_markdown_that_finishes(self) -> None:
        for char in "*_":
            with hang_guard(SHAPE_GUARD_SECONDS, f"1,000,000 {char!r}"):
                outcome = clean_or_error(char * 1_000_000, Options(input_format="markdown"))
            assert isinstance(outcome, (Article, NewscleanError))

    def test_deep_quotes_keep_their_text(self) -> None:
        text = "> " * 50_000 + "the quoted words\n"
        article = newsclean.clean(text, Options(input_format="markdown"))
        assert [line.text for line in article.lines] == ["the quoted words"]

    def test_many_lines_keep_their_numbers(self) -> None:
        text = "".join(f"line {k}\n" for k in range(1, 30_001))
        with hang_guard(SHAPE_GUARD_SECONDS, "30,000 lines"):
            article = newsclean.clean(text)
        assert [line.n for line in article.lines] == list(range(1, 30_001))

    def test_memory_stays_proportional_to_the_input(self) -> None:
        # One long line: Python's peak allocations while cleaning, input excluded.
        data = CASES[0].make(1_000_000).encode("utf-8")
        tracemalloc.start()
        try:
            newsclean.clean(data)
            _current, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert peak < 60 * len(data), f"peak {peak:,} bytes for {len(data):,} input bytes"

    def test_through_a_real_process_on_a_pipe(self) -> None:
        data = (CASES[0].make(500_000) + "\n" + "[" * 100_000 + "\n").encode("utf-8")
        proc = subprocess.run(
            [sys.executable, "-m", "newsclean", "clean", "-f", "json"],
            input=data,
            capture_output=True,
            timeout=300,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
        assert b"Traceback" not in proc.stderr
        json.loads(proc.stdout)


# --- every regular expression stays linear ---------------------------------------------

#: Modules whose patterns see raw lines (whitespace runs kept) ...
RAW_MODULES = ("newsclean.reader", "newsclean.segment")
#: ... and modules whose patterns see block text (whitespace already collapsed).
COLLAPSED_MODULES = (
    "newsclean.patterns",
    "newsclean.features",
    "newsclean.languages",
    "newsclean.revise",
)
#: Length of each adversarial string.
RUN_LENGTH = 20_000
#: Length of the runs the memory test feeds each pattern.
MEMORY_RUN_LENGTH = 200_000
#: Hang guard for all patterns on one string. Linear patterns take milliseconds;
#: the quadratic ones this suite caught took 5 to 20 seconds each at this length.
PATTERN_GUARD_SECONDS = 4
_UNITS = (
    " ",
    "\t",
    "*",
    "_",
    "[",
    "]",
    "(",
    ")",
    "](",
    "[a](",
    "![",
    "#",
    "-",
    "=",
    "|",
    ">",
    "> ",
    "<",
    "<a ",
    "<!--",
    "-->",
    "<!-- a -->",
    "!",
    ".",
    ",",
    ":",
    "/",
    "\\",
    "`",
    "~",
    "'",
    '"',
    "©",
    "1",
    "12.",
    "1 ",
    "a",
    "a ",
    "a-",
    "Ã©",
    "**x ",
    " **x",
    " __x",
    "*a ",
    "_a ",
    "&amp;",
    "http://",
    "<http://a",
    "\u200b",
    "中",
    "ا",
    "- ",
    "* ",
)
#: A prefix that starts a construct, then a long run that keeps it open.
_COMBOS = (
    ("# a", " "),
    ("# a", "\t"),
    ("![a](", " "),
    ("[a](u", " "),
    ("[a](u", "\t"),
    ("|--", " "),
    ("|", " |"),
    ("**", "a"),
    ("<!--", "-"),
    ("1", " "),
    ("Foto:", " "),
    ("Von", " "),
    ("12", " März "),
    ("1.", " "),
    ("©", " "),
    ("<html", " "),
    ("[", "a"),
    ("`", "a"),
)


def adversarial_strings() -> Iterator[str]:
    for unit in _UNITS:
        yield unit * (RUN_LENGTH // len(unit)) + "x"
    for prefix, unit in _COMBOS:
        yield prefix + unit * (RUN_LENGTH // len(unit)) + "x"


def module_patterns(names: tuple[str, ...]) -> list[tuple[str, re.Pattern[str]]]:
    found: list[tuple[str, re.Pattern[str]]] = []
    for name in names:
        module = importlib.import_module(name)
        for attr, value in sorted(vars(module).items()):
            if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
                found.append((f"{name}.{attr}", value))
    return found


class TestPatterns:
    def test_patterns_were_found(self) -> None:
        names = {name for name, _ in module_patterns(RAW_MODULES + COLLAPSED_MODULES)}
        assert "newsclean.segment._MD_LINK_RE" in names
        assert "newsclean.reader._HTML_START_RE" in names

    @pytest.mark.parametrize("collapsed", [False, True], ids=["raw", "collapsed"])
    def test_every_pattern_is_fast_on_long_runs(self, collapsed: bool) -> None:
        patterns = module_patterns(COLLAPSED_MODULES if collapsed else RAW_MODULES)
        for text in adversarial_strings():
            if collapsed:
                text = collapse(text)
            with hang_guard(PATTERN_GUARD_SECONDS, f"patterns on {text[:12]!r}... "):
                for _name, pattern in patterns:
                    for _match in pattern.finditer(text):
                        pass
                    pattern.match(text)
                    pattern.sub("", text)

    def test_patterns_keep_no_record_per_repetition(self) -> None:
        # A repeated group costs the regex engine a record per repetition: a line of a
        # million stars once took 120 MB in the Markdown rule pattern alone.
        patterns = module_patterns((*RAW_MODULES, "newsclean.patterns"))
        for unit in ("*", "-", "_", "> ", "* ", "- ", "|--", "|", ">", "=", "#"):
            text = unit * (MEMORY_RUN_LENGTH // len(unit))
            for name, pattern in patterns:
                tracemalloc.start()
                try:
                    for _match in pattern.finditer(text):
                        pass
                    pattern.match(text)
                    _current, peak = tracemalloc.get_traced_memory()
                finally:
                    tracemalloc.stop()
                assert peak < MEMORY_RUN_LENGTH * 2, f"{name} on {unit!r} runs: {peak:,} bytes"

    def test_markdown_link_and_heading_forms_still_parse(self) -> None:
        # the linear rewrites keep what the old patterns read
        page = (
            "## A heading with a closing run ##\n\n"
            'Text with [a link](https://example.com/a "its title") and ![an image](i.png), '
            "[an empty one]() and [spaced]( https://example.com/b ), **bold** and *em*.\n\n"
            "| a | b |\n|---|:--:|\n| 1 | 2 |\n\n"
            "* * *\n\n> > nested quote\n"
        )
        article = newsclean.clean(page, Options(input_format="markdown"))
        texts = [line.text for line in article.lines]
        assert texts[0] == "A heading with a closing run"
        assert texts[1] == ("Text with a link and , an empty one and spaced, bold and em.")
        assert "1 2" in texts
        assert not any(set(t) <= set("|:- ") for t in texts)  # separator and rule skipped
        assert texts[-1] == "nested quote"


# --- HTML -----------------------------------------------------------------------------


def _html_missing() -> str | None:
    try:
        importlib.import_module("newsclean.html")
    except ImportError as error:
        return f"newsclean.html cannot be imported yet ({error})"
    return None


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<html><body><h1>Entity expansion</h1><p>&lol9;</p>
<p>A paragraph that is there so that the page has some ordinary text in it as well.</p>
</body></html>
"""

HTML_ARTICLE = "<html><head><title>Floods</title></head><body>{}</body></html>".format(
    "".join(f"<p>{p}</p>" for p in long_paragraphs(ENGLISH_PAGE))
)


@pytest.mark.skipif(_html_missing() is not None, reason=_html_missing() or "")
class TestHostileHTML:
    def outcome(self, page: str | bytes, sniff: bool = False) -> Article | NewscleanError:
        options = Options() if sniff else Options(input_format="html")
        data = page.encode("utf-8") if isinstance(page, str) else page
        with hang_guard(SHAPE_GUARD_SECONDS, "HTML page"):
            return clean_or_error(data, options)

    def output(self, outcome: Article | NewscleanError) -> str:
        if isinstance(outcome, NewscleanError):
            return str(outcome)
        return json.dumps(outcome.to_dict(explain=True), ensure_ascii=False)

    @pytest.mark.parametrize("depth", [300, 3_000, 100_000])
    @pytest.mark.parametrize("tag", ["div", "b", "li", "table"])
    def test_deep_nesting(self, tag: str, depth: int) -> None:
        page = f"<html><body>{f'<{tag}>' * depth}deep text{f'</{tag}>' * depth}</body></html>"
        outcome = self.outcome(page)
        if isinstance(outcome, NewscleanError):
            assert outcome.exit_code == E.EXIT_UNPARSEABLE
            assert "\n" not in str(outcome)

    @pytest.mark.parametrize("sniff", [False, True])
    def test_billion_laughs_is_not_expanded(self, sniff: bool) -> None:
        tracemalloc.start()
        try:
            outcome = self.output(self.outcome(BILLION_LAUGHS, sniff=sniff))
            _current, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        assert "lollollol" not in outcome
        assert peak < 100 * 1024 * 1024

    @pytest.mark.parametrize("doctype", ["<?xml version='1.0'?>\n", ""])
    def test_external_entities_are_never_read(self, tmp_path: Path, doctype: str) -> None:
        secret = tmp_path / "secret.txt"
        marker = "SECRET-MARKER-7f3a9c"
        secret.write_text(marker, encoding="utf-8")
        for target in (secret.as_uri(), "file:///etc/passwd", "file:///etc/hostname"):
            page = (
                f'{doctype}<!DOCTYPE html [<!ENTITY e SYSTEM "{target}">]>\n'
                "<html><body><h1>Title &e;</h1><p>&e;</p>"
                f'<p>Text <img src="{target}"> <iframe src="{target}"></iframe></p></body></html>'
            )
            text = self.output(self.outcome(page))
            assert marker not in text
            assert "root:x:0:0" not in text

    def test_parameter_entities_are_not_followed(self) -> None:
        page = (
            '<!DOCTYPE x [<!ENTITY % p SYSTEM "http://127.0.0.1:9/evil.dtd"> %p;]>'
            "<html><body><p>Harmless words.</p></body></html>"
        )
        assert "evil" not in self.output(self.outcome(page)).replace("evil.dtd", "")

    @pytest.mark.parametrize(
        "page",
        [
            "<html><body><p>Unclosed <b>bold <i>italic</p></div></span> text",
            "<<<<>>>> <p <p <p> & &amp &#; &#xZZ; &#99999999; </body",
            "<html><body><p>text</p></html></body></html><p>after the end</p>",
            "<html><body><p title='no end>text</p>",
            "<html><body><![CDATA[ raw ]]><?php echo 1; ?><p>x</p>",
            "<html><body>" + "<p>" * 1000 + "text",
            "<html><body>" + "</p>" * 1000 + "text",
            "<html>" + "<body>" * 100 + "text",
            "<html><body><p>" + "&" * 10_000 + "</p>",
            "<html><body><p>\x00\x01 binary in markup</p>",
            "<!DOCTYPE html><html><head><meta charset='utf-16'></head><body><p>lies</p>",
            "<html><body><p>A" + "<br>" * 10_000 + "B</p>",
            "<html><body><a href='javascript:alert(1)'>link</a><a href='"
            + "x" * 100_000
            + "'>long</a>",
            "<html><body><svg><script>alert(1)</script><text>svg text</text></svg></body></html>",
        ],
    )
    def test_broken_markup(self, page: str) -> None:
        outcome = self.outcome(page)
        assert isinstance(outcome, (Article, NewscleanError))

    @pytest.mark.parametrize(
        "page",
        [
            "<html><head><script>var secretValue = 1;</script><style>p { color: red }</style>"
            "</head><body><script>document.write('secretValue')</script></body></html>",
            "<html><body><style>.secretValue{}</style><noscript></noscript></body></html>",
            "<script>var secretValue = 2;</script>",
        ],
    )
    def test_script_and_style_only_pages(self, page: str) -> None:
        outcome = self.outcome(page)
        if isinstance(outcome, Article):
            assert not outcome.body
        assert "secretValue" not in self.output(outcome).replace(page, "")
        assert "color: red" not in self.output(outcome)

    def test_scripts_next_to_an_article_stay_out_of_it(self) -> None:
        page = HTML_ARTICLE.replace("<body>", "<body><script>var secretValue = 3;</script>")
        outcome = self.outcome(page)
        assert isinstance(outcome, Article)
        assert outcome.body
        assert "secretValue" not in self.output(outcome)

    @pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "cp1252"])
    def test_html_in_other_encodings(self, encoding: str) -> None:
        page = HTML_ARTICLE.replace("<head>", f"<head><meta charset='{encoding}'>")
        outcome = self.outcome(page.encode(encoding), sniff=True)
        reference = self.outcome(
            page.replace(f"<meta charset='{encoding}'>", "<meta charset='utf-8'>")
        )
        assert isinstance(outcome, Article) and isinstance(reference, Article)
        assert outcome.body == reference.body

    def test_cli_reports_unparseable_html_in_one_line(self, tmp_path: Path) -> None:
        path = tmp_path / "deep.html"
        path.write_text("<html><body>" + "<div>" * 100_000 + "x", encoding="utf-8")
        result = run("clean", str(path))
        if result.exit_code != 0:
            assert_one_error_line(result, E.EXIT_UNPARSEABLE, str(path))
