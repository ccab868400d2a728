"""The reader: decoding bytes, normalising text, repairing mojibake, sniffing the format.

These are unit tests of :mod:`newsclean.reader`; whole pages in hostile
encodings and shapes are in ``test_hostile.py``.
"""

from __future__ import annotations

import codecs

import pytest

from newsclean import Options
from newsclean.errors import (
    EXIT_BINARY,
    EXIT_EMPTY,
    EXIT_TOO_LARGE,
    BinaryInputError,
    EmptyInputError,
    InputTooLargeError,
    NewscleanError,
)
from newsclean.reader import decode, normalise, read, repair_mojibake, sniff_format

GERMAN = (
    "Für den März plant die Stadt größere Änderungen an den Straßen. «Ça va», sagte sie – „gut“."
)
FRENCH = "L'été dernier, la ville a rénové l'église et le château ; coût : 3 000 €."


# --- decoding -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoded", "expected_encoding"),
    [
        (GERMAN.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + GERMAN.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + GERMAN.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + GERMAN.encode("utf-16-be"), "utf-16-be"),
        (GERMAN.encode("utf-16"), None),  # Python's own BOM, native byte order
        (codecs.BOM_UTF32_LE + GERMAN.encode("utf-32-le"), "utf-32-le"),
    ],
    ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16-native", "utf32le-bom"],
)
def test_unicode_encodings_decode_exactly(encoded: bytes, expected_encoding: str | None) -> None:
    text, encoding = decode(encoded)
    assert text == GERMAN  # the byte-order mark is not part of the text
    if expected_encoding is not None:
        assert encoding == expected_encoding


LATIN1_PAGE = (
    "Für den März plant die Stadt größere Änderungen an den Straßen.\n\n"
    "L'été dernier, la ville a rénové l'église et le château ; coût : 3 000 francs.\n\n"
    "El año pasado, la señora Núñez visitó Málaga y Córdoba.\n"
)


@pytest.mark.parametrize(
    ("page", "codec"),
    [
        ("\n\n".join([GERMAN, FRENCH, GERMAN.replace("März", "Mai"), FRENCH.upper()]), "cp1252"),
        (LATIN1_PAGE, "latin-1"),
        (LATIN1_PAGE.upper(), "latin-1"),
    ],
    ids=["cp1252", "latin1", "latin1-upper"],
)
def test_single_byte_western_text_is_detected(page: str, codec: str) -> None:
    text, encoding = decode(page.encode(codec))
    assert text == page  # "coût" must not come back as "coűt" (cp1250 fits as well)
    assert encoding == "cp1252"  # Latin-1 is read as its superset


def test_cp1252_punctuation_is_decoded_not_dropped() -> None:
    page = ("„Wir schaffen das“ – sagte sie … und ging. Die Kosten: 5 € pro Person. " * 5).strip()
    text, _ = decode(page.encode("cp1252"))
    assert text == page


def test_truncated_multibyte_sequence_at_the_end_is_dropped() -> None:
    data = GERMAN.encode("utf-8") + "ü".encode()[:1]
    text, encoding = decode(data)
    assert encoding == "utf-8"
    assert text == GERMAN  # not re-read as some single-byte charset


def test_truncated_three_byte_sequence_at_the_end_is_dropped() -> None:
    data = ("东京 " * 10).encode("utf-8") + "京".encode()[:2]
    text, encoding = decode(data)
    assert (text, encoding) == ("东京 " * 10, "utf-8")


@pytest.mark.parametrize(
    ("data", "named"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(40)), "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"GIF89a\x01\x00\x01\x00", "GIF"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n", "PDF"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "ZIP"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip"),
    ],
    ids=["png", "jpeg", "gif", "pdf", "zip", "gzip"],
)
def test_known_binary_formats_are_named(data: bytes, named: str) -> None:
    with pytest.raises(BinaryInputError, match=named) as info:
        decode(data)
    assert info.value.exit_code == EXIT_BINARY


def test_nul_bytes_are_binary() -> None:
    with pytest.raises(BinaryInputError, match="NUL"):
        decode(b"some text\x00\x00\x01\x02 more text")
    with pytest.raises(BinaryInputError, match="NUL bytes\\)"):  # no UTF-16 hint for zeros
        decode(b"\x00" * 100)


def test_utf16_without_bom_is_refused_with_a_hint() -> None:
    with pytest.raises(BinaryInputError, match="UTF-16"):
        decode(GERMAN.encode("utf-16-le"))
    with pytest.raises(BinaryInputError, match="UTF-16"):
        decode(GERMAN.encode("utf-16-be"))


def test_bom_that_lies_is_binary() -> None:
    # a UTF-16 BOM followed by an odd number of bytes cannot be UTF-16
    with pytest.raises(BinaryInputError, match="byte-order mark"):
        decode(codecs.BOM_UTF16_LE + b"abc")


def test_control_characters_beyond_a_share_are_binary() -> None:
    data = bytes(range(1, 32)) * 20 + b"some words"
    with pytest.raises(BinaryInputError, match="control"):
        decode(data)


def test_a_few_control_characters_are_text() -> None:
    text, _ = decode(b"A line with a bell\x07 and a form feed\x0c in it, and more words after.")
    assert "form feed" in text


@pytest.mark.parametrize("data", [b"", b"   ", b"\n\r\n\t  \n", codecs.BOM_UTF8])
def test_empty_bytes(data: bytes) -> None:
    with pytest.raises(EmptyInputError) as info:
        read(data, Options())
    assert info.value.exit_code == EXIT_EMPTY


@pytest.mark.parametrize("text", ["", "  \n\t ", "\u200b\u200b\ufeff", "\x01\x02\n"])
def test_empty_text_after_normalisation(text: str) -> None:
    with pytest.raises(EmptyInputError):
        read(text, Options())


# --- normalisation --------------------------------------------------------------


def test_line_endings_are_unified() -> None:
    assert normalise("a\r\nb\rc\nd\r\n\r\ne") == "a\nb\nc\nd\n\ne"


def test_invisible_and_control_characters_are_removed() -> None:
    raw = "Zero\u200bwidth, soft\u00adhyphen, word\u2060joiner, bom\ufeff, bell\x07, esc\x1b."
    assert normalise(raw) == "Zerowidth, softhyphen, wordjoiner, bom, bell, esc."


def test_joiners_that_carry_meaning_are_kept() -> None:
    # ZWNJ is spelling in Persian; ZWJ builds emoji sequences
    persian = "می\u200cخواهم"
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert normalise(persian) == persian
    assert normalise(family) == family


def test_unusual_spaces_become_plain_spaces() -> None:
    assert normalise("a\u00a0b\u202fc\u3000d\u2009e") == "a b c d e"


def test_lone_surrogates_become_replacement_characters() -> None:
    # a str decoded with errors="surrogateescape": the output must stay encodable
    raw = b"Caf\xe9 au lait, a few words of text".decode("utf-8", errors="surrogateescape")
    doc = read(raw, Options())
    assert doc.text == "Caf\ufffd au lait, a few words of text"
    doc.text.encode("utf-8")


def test_many_lone_surrogates_are_binary() -> None:
    raw = bytes(range(128, 256)).decode("utf-8", errors="surrogateescape")
    with pytest.raises(BinaryInputError):
        read(raw, Options())


def test_tabs_and_newlines_survive() -> None:
    assert normalise("a\tb\nc") == "a\tb\nc"


def test_right_to_left_text_is_unchanged() -> None:
    arabic = "قالت الحكومة يوم الاثنين إنها ستمدد البرنامج لمدة عام آخر."
    hebrew = "הממשלה הודיעה ביום שני כי תאריך את התוכנית בשנה נוספת."
    assert normalise(arabic) == arabic
    assert normalise(hebrew) == hebrew


# --- mojibake -------------------------------------------------------------------


def test_mojibake_is_repaired() -> None:
    broken = GERMAN.encode("utf-8").decode("cp1252")
    assert "Ã¼" in broken
    assert repair_mojibake(broken) == GERMAN


def test_short_mojibake_is_repaired() -> None:
    assert repair_mojibake("FÃ¼r MÃ¤rz") == "Für März"


def test_double_mojibake_is_repaired() -> None:
    twice = GERMAN.encode("utf-8").decode("cp1252").encode("utf-8").decode("cp1252")
    assert repair_mojibake(twice) == GERMAN


def test_mojibake_holding_no_break_spaces_and_c1_controls_is_repaired() -> None:
    # "à" is C3 A0: read as cp1252, a no-break space that normalisation would turn into a
    # plain space; "Á" is C3 81: browsers read the undefined byte 81 as a C1 control
    text = "À Málaga, Ángel a déjà vu ÁLVARO à l'Élysée."
    broken = "".join(
        chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252")
        for b in text.encode("utf-8")
    )
    assert "\xa0" in broken and "\x81" in broken
    assert normalise(broken) == text


def test_latin1_mojibake_is_repaired() -> None:
    broken = GERMAN.replace("–", "-").replace("„", '"').replace("“", '"')
    assert normalise(broken.encode("utf-8").decode("latin-1")) == broken


def test_mojibake_next_to_a_stray_zero_width_space_is_repaired() -> None:
    broken = "FÃ¼r MÃ¤rz\u200b geplant"
    assert normalise(broken) == "Für März geplant"


def test_mojibake_is_repaired_through_read() -> None:
    broken = (GERMAN + "\n\n" + FRENCH).encode("utf-8").decode("cp1252")
    doc = read(broken.encode("utf-8"), Options())
    assert doc.text == GERMAN + "\n\n" + FRENCH


@pytest.mark.parametrize(
    "text",
    [
        # texts about the character itself
        "Der Buchstabe Ã (A mit Tilde) steht im Portugiesischen, etwa in SÃO PAULO und IRMÃ.",
        "The capital letters Ã and Â are used in Portuguese and Romanian.",
        # one sequence only: not enough to be sure
        "Café owners say Ã© is what é looks like when a page is decoded wrongly.",
        # the repair would break other characters of the text
        "Ã© appears where é belongs: São Paulo's café menus show Ã© and Ã¨ instead.",
        # mojibake mixed with correct text: not certain, left alone
        "Für März – FÃ¼r MÃ¤rz",
    ],
)
def test_uncertain_mojibake_is_left_alone(text: str) -> None:
    assert repair_mojibake(text) == text


# --- size limit -----------------------------------------------------------------


def test_input_above_the_maximum_is_refused() -> None:
    data = b"word " * 300
    with pytest.raises(InputTooLargeError, match="maximum of 1,000 bytes") as info:
        read(data, Options(max_bytes=1000))
    assert info.value.exit_code == EXIT_TOO_LARGE
    with pytest.raises(InputTooLargeError):
        read(data.decode(), Options(max_bytes=1000))


def test_input_at_the_maximum_is_read() -> None:
    data = b"word " * 200
    doc = read(data, Options(max_bytes=len(data)))
    assert doc.text.startswith("word word")


def test_raising_the_maximum_admits_the_input() -> None:
    data = b"word " * 300
    assert read(data, Options(max_bytes=2000)).text.startswith("word")


# --- format sniffing ------------------------------------------------------------


@pytest.mark.parametrize(
    "head",
    [
        "<!DOCTYPE html><html><body><p>x</p></body></html>",
        "\n  <html lang='de'><head><title>x</title></head>",
        "<?xml version='1.0'?>\n<!-- saved --><!DOCTYPE html>\n<html>",
        "<!-- a --><!-- b --->\n<!---->\n<html>",
    ],
)
def test_html_is_sniffed(head: str) -> None:
    assert sniff_format(head) == "html"


def test_markdown_is_sniffed() -> None:
    page = "# Title\n\nSome [link](https://example.com/a) and [another](https://example.com/b).\n"
    assert sniff_format(page) == "markdown"


def test_prose_mentioning_a_tag_is_text() -> None:
    page = "Use the <p> element for paragraphs, says the guide.\nNothing else here.\n"
    assert sniff_format(page) == "text"


def test_many_comments_without_html_do_not_hang_sniffing() -> None:
    # used to take exponential time: each comment could end at any later "-->"
    assert sniff_format("<!-- a -->" * 60 + "no html here") == "text"


def test_forced_format_wins_over_sniffing() -> None:
    doc = read(b"# Title\n\n[a](b) [c](d)\n", Options(input_format="text"))
    assert doc.format == "text"


def test_every_reader_error_is_a_newsclean_error() -> None:
    for data in (b"", b"\x00\x01", b"%PDF-1.4", b"x" * 10):
        try:
            read(data, Options(max_bytes=5))
        except NewscleanError as error:
            assert error.exit_code > 2
            assert "\n" not in str(error)


def test_normalise_ascii_and_non_ascii_alike() -> None:
    # the ASCII shortcut must drop the same controls and unify the same line endings
    raw = "a\x07b\r\nc\rd\x1f"
    assert normalise(raw) == "ab\nc\nd"
    assert normalise(raw + "é") == "ab\nc\ndé"
    fixed = "Café au lait, déjà vu, très épicé à Noël!"
    mojibake = fixed.encode("utf-8").decode("cp1252")
    assert normalise(mojibake + "\x07") == fixed
    # a stray soft hyphen keeps the first repair from being certain; the second one,
    # made once it is gone, must still see the no-break space of "Ã\xa0" (for "à")
    assert normalise(mojibake.replace(" vu", " v\u00adu")) == fixed
