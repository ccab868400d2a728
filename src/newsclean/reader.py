"""Read: bytes or str in, a normalised :class:`Document` out.

Decoding tries, in order: a byte-order mark, strict UTF-8, then charset
detection (charset-normalizer, which trafilatura already installs, imported
only when UTF-8 fails). The text is then normalised (line endings, invisible
characters, certain mojibake) and its format sniffed.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from .errors import BinaryInputError, EmptyInputError, InputTooLargeError
from .options import InputFormat, Options

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

#: File signatures of common binary formats, named in the error (checked before decoding).
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive or an Office document"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\x28\xb5\x2f\xfd", "zstd-compressed data"),
    (b"\xfd7zXZ\x00", "xz-compressed data"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document"),
    (b"\x7fELF", "an executable"),
    (b"\x00asm", "WebAssembly"),
    (b"SQLite format 3\x00", "an SQLite database"),
)
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
#: Detected encodings read as cp1252, a superset of them in practice.
_WESTERN = frozenset({"ascii", "latin_1", "iso8859_1", "cp1252"})
#: Share of control characters above which a decoded text is taken for binary.
MAX_CONTROL_SHARE = 0.01
#: Characters removed outright: zero-width space, word joiner, BOM, soft hyphen...
_INVISIBLE_RE = re.compile("[\u200b\u2060\ufeff\u00ad\u180e]")
# Other C0/C1 controls (tab and newline kept) are dropped; counted first.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: Both of the above, removed in one pass.
_DROPPED_RE = re.compile(_INVISIBLE_RE.pattern[:-1] + _CONTROL_RE.pattern[1:])
_SPACES_RE = re.compile("[\u00a0\u2007\u202f\u3000\u2002\u2003\u2009\u200a]")
#: NUL bytes are dropped from a text when there are at most this many per million bytes.
MAX_STRAY_NULS_PER_MILLION = 200

# Mojibake: UTF-8 read as cp1252/Latin-1. Two-byte sequences starting with
# Ã or Â (or â€ for punctuation) followed by a continuation character.
_MOJIBAKE_RE = re.compile(
    "[\u00c2\u00c3][\u0080-\u00bf\u2018-\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]"
    "|\u00e2\u20ac[\u0080-\u00bf\u2018-\u203a\u0153\u00a6\u2122\u0161]"
)
#: Mojibake is repaired only when at least this many sequences are seen.
MIN_MOJIBAKE_HITS = 2
#: At most this many rounds of repair (text mis-decoded more than once).
MAX_MOJIBAKE_ROUNDS = 3

# A comment's body may not run past its first "-->": with ``.{0,2000}?`` a failed
# match retried every way of grouping comments together (exponential time).
_HTML_START_RE = re.compile(
    r"^\s*(?:<\?xml[^<>]{0,200}>\s*)?(?:<!--(?:[^-]|-(?!->)){0,2000}-->\s*)*"
    r"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|script[\s>]|meta\s|link\s|title>|div[\s>]|style[\s>])",
    re.I,
)
_HTML_DOC_RE = re.compile(r"<(?:!doctype\s+html|html(?:\s[^<>]{0,500})?>)", re.I)
#: Without a doctype or <html> tag, a text is HTML when tags make this share of it.
MIN_MARKUP_PERCENT = 20
_HTML_TAG_RE = re.compile(
    r"</?(?:p|div|span|a|br|body|table|li|ul|img|h[1-6]|article|section|script|meta)\b[^<>]{0,500}>",
    re.I,
)
_MD_LINK_RE = re.compile(r"!?\[[^\[\]\n]{0,500}\]\((?:[^()\s]{1,2000})(?:\s+\"[^\"\n]{0,200}\")?\)")
_MD_HEADING_RE = re.compile(r"^#{1,6} \S", re.M)
_MD_EMPHASIS_RE = re.compile(r"\*\*[^*\n]{1,200}\*\*|^\s{0,3}>\s", re.M)


@dataclass(frozen=True, slots=True)
class Document:
    """A decoded, normalised input and what we know of it."""

    text: str
    format: InputFormat
    encoding: str
    name: str | None = None


def read(data: bytes | str, options: Options) -> Document:
    """Decode, normalise and sniff one input; raise a typed error when it is unusable."""
    if isinstance(data, bytes):
        if len(data) > options.max_bytes:
            # the command line reads one byte past the limit: the true size is unknown
            raise InputTooLargeError(
                f"input is larger than the maximum of {options.max_bytes:,} bytes "
                "(raise it with --max-size, or Options.max_bytes)"
            )
        text, encoding = decode(data)
    else:
        if len(data) > options.max_bytes:
            raise InputTooLargeError(
                f"input is {len(data):,} characters, above the maximum of {options.max_bytes:,} "
                "(raise it with --max-size, or Options.max_bytes)"
            )
        text, encoding = _replace_surrogates(data), "str"
        _check_not_binary(text)
    text = normalise(text)
    if not text.strip():
        raise EmptyInputError("input is empty (no text, or only whitespace)")
    fmt = options.input_format or sniff_format(text)
    return Document(text=text, format=fmt, encoding=encoding, name=options.source_name)


def decode(data: bytes) -> tuple[str, str]:
    """Bytes to text, with the encoding used. Raises BinaryInputError for non-text."""
    if not data.strip():
        raise EmptyInputError("input is empty (no text, or only whitespace)")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise BinaryInputError(
                    f"input starts with a {encoding} byte-order mark but does not decode as "
                    f"{encoding} (byte {exc.start})"
                ) from None
            _check_not_binary(text)
            return text, encoding
    for signature, what in _SIGNATURES:
        if data.startswith(signature):
            raise BinaryInputError(f"input is binary, not text (it looks like {what})")
    if b"\x00" in data[:65536] and _stray_nuls(data):
        # a handful of NUL bytes in a page that is plainly text (a broken CMS): drop them
        data = data.replace(b"\x00", b"")
    if b"\x00" in data[:65536]:
        hint = ""
        if _looks_like_utf16(data[:65536]):
            hint = "; UTF-16 without a byte-order mark? re-save it as UTF-8, or with a BOM"
        raise BinaryInputError(f"input is binary, not text (it holds NUL bytes{hint})")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.end == len(data):
            # cut off inside a multibyte character (a truncated download): drop the stub
            text, encoding = data[: exc.start].decode("utf-8"), "utf-8"
        else:
            text, encoding = _detect(data)
    else:
        encoding = "utf-8"
    _check_not_binary(text)
    return text, encoding


def _stray_nuls(data: bytes) -> bool:
    """Whether the NUL bytes of an input are a few strays in text (not binary, not UTF-16)."""
    nuls = data.count(b"\x00")
    if nuls * 1_000_000 > len(data) * MAX_STRAY_NULS_PER_MILLION or _looks_like_utf16(data[:65536]):
        return False
    sample = data[:4096].replace(b"\x00", b"")
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(sample) - 4:
            return False
    return True


def _looks_like_utf16(sample: bytes) -> bool:
    """Whether NUL bytes fall on every other byte, as in UTF-16 text of a Latin script."""
    even, odd = sample[0::2], sample[1::2]
    size = min(len(even), len(odd))
    if size < 2:
        return False
    zeros = sorted((even.count(0), odd.count(0)))
    return zeros[1] >= 0.6 * size and zeros[0] <= 0.1 * size


def _detect(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # only for non-UTF-8 input

    results = from_bytes(data[:200_000])
    best = results.best()
    encoding = best.encoding if best is not None else None
    if best is None or encoding is None:
        raise BinaryInputError("input is binary or in an unknown encoding (no charset fits)")
    # Western text often fits cp1250 and cp1257 exactly as well as cp1252 (same
    # letters, same scores) and the detector then names the first it tried: among
    # equally good candidates, prefer cp1252, by far the most common on the web.
    tied = {m.encoding for m in results if m.chaos == best.chaos and m.coherence == best.coherence}
    if tied & _WESTERN:
        encoding = "cp1252"  # Latin-1 too: web pages that say Latin-1 mean cp1252
    try:
        return data.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        try:
            return data.decode(encoding, errors="replace"), encoding
        except LookupError:
            raise BinaryInputError(f"input is in an unsupported encoding ({encoding})") from None


def _check_not_binary(text: str) -> None:
    sample = text[:65536]
    if "\x00" in sample:
        raise BinaryInputError("input is binary, not text (it holds NUL characters)")
    if not sample:
        return
    controls = len(_CONTROL_RE.findall(sample))
    replacements = sample.count("\ufffd")
    if (controls + replacements) / len(sample) > MAX_CONTROL_SHARE and controls + replacements > 8:
        raise BinaryInputError(
            "input is binary, not text "
            f"({controls + replacements} control or undecodable characters in the first "
            f"{len(sample):,})"
        )


def _replace_surrogates(text: str) -> str:
    """Lone surrogates (a str made with errors="surrogateescape") become U+FFFD.

    Left in, they would reach the output, which then cannot be encoded.
    """
    if _SURROGATE_RE.search(text) is None:
        return text
    return _SURROGATE_RE.sub("\ufffd", text)


def normalise(text: str) -> str:
    """Unify line endings, drop invisible and control characters, repair sure mojibake."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text.isascii():  # (known without a scan) no mojibake, no invisible or odd spaces
        return _CONTROL_RE.sub("", text)
    text = _replace_surrogates(text)
    # Mojibake first: its sequences hold the very characters removed below (the
    # no-break space of "Ã\xa0" for "à", the soft hyphen of "Â\xad", C1 controls).
    text = repair_mojibake(text)
    # (regular expressions: str.translate with a dict is far slower on long texts)
    text = _DROPPED_RE.sub("", text)
    # Again, for mojibake that a stray invisible character kept from being certain
    # (before the odd spaces go: the no-break space of "Ã\xa0" is part of an "à").
    text = repair_mojibake(text)
    return _SPACES_RE.sub(" ", text)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8-read-as-cp1252, but only when the repair is certain.

    Certain means: enough mojibake sequences are seen, the whole text encodes
    back to cp1252 (or Latin-1) and then decodes as strict UTF-8, and the repair
    leaves fewer sequences than it found (a text mis-decoded twice takes two
    rounds). Anything less and the text is left as it is.
    """
    # A text mis-decoded twice ("FÃƒÂ¼r") takes two rounds; each must be certain.
    for _round in range(MAX_MOJIBAKE_ROUNDS):
        fixed = _repair_once(text)
        if fixed is None:
            return text
        text = fixed
    return text


def _repair_once(text: str) -> str | None:
    """One certain round of repair, or ``None``."""
    if "Ã" not in text and "Â" not in text and "â€" not in text:
        return None  # (three fast searches rule out the pattern's every first character)
    hits = len(_MOJIBAKE_RE.findall(text))
    if hits < MIN_MOJIBAKE_HITS:
        return None
    try:
        # cp1252 as browsers read it: its five undefined bytes pass as C1 controls,
        # which also covers text mis-decoded as Latin-1
        fixed = text.encode("cp1252", errors=_C1_ERRORS).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None
    if len(_MOJIBAKE_RE.findall(fixed)) < hits:
        return fixed
    return None


def _c1_as_bytes(error: UnicodeError) -> tuple[bytes, int]:
    """Encoding error handler: C1 control characters (U+0080-U+009F) become their byte."""
    if isinstance(error, UnicodeEncodeError):
        chunk = error.object[error.start : error.end]
        if all("\x80" <= ch <= "\x9f" for ch in chunk):
            return chunk.encode("latin-1"), error.end
    raise error


_C1_ERRORS = "newsclean-c1-bytes"
codecs.register_error(_C1_ERRORS, _c1_as_bytes)


def sniff_format(text: str) -> InputFormat:
    """Guess whether a text is HTML, Markdown or plain text."""
    head = text[:20000]
    if _HTML_START_RE.match(head) or _HTML_DOC_RE.search(head, 0, 1024):
        return "html"
    tags = _HTML_TAG_RE.findall(head)
    if len(tags) >= 10 and sum(map(len, tags)) * 100 >= len(head) * MIN_MARKUP_PERCENT:
        # markup makes much of the text: a page's HTML, not prose that quotes a tag
        return "html"
    # (each pattern needs a character that most plain texts lack: a search for it first
    # spares the slow scans)
    md_links = len(_MD_LINK_RE.findall(head)) if "[" in head else 0
    md_headings = len(_MD_HEADING_RE.findall(head)) if "#" in head else 0
    md_other = len(_MD_EMPHASIS_RE.findall(head)) if "**" in head or ">" in head else 0
    if md_links >= 2 or (md_headings >= 1 and md_links + md_other >= 1) or md_headings >= 3:
        return "markdown"
    return "text"
