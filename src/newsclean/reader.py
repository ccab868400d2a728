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

#: Share of control characters above which a decoded text is taken for binary.
MAX_CONTROL_SHARE = 0.01
#: Characters removed outright: zero-width space, word joiner, BOM, soft hyphen...
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u2060\ufeff\u00ad\u180e"), None)
# Other C0/C1 controls (tab and newline kept) are dropped; counted first.
_CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_SPACES = dict.fromkeys(map(ord, "\u00a0\u2007\u202f\u3000\u2002\u2003\u2009\u200a"), " ")

# Mojibake: UTF-8 read as cp1252/Latin-1. Two-byte sequences starting with
# Ã or Â (or â€ for punctuation) followed by a continuation character.
_MOJIBAKE_RE = re.compile("[\u00c2\u00c3][\u0080-\u00bf\u2018-\u203a\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc]|\u00e2\u20ac[\u0080-\u00bf\u2018-\u203a\u0153\u00a6\u2122\u0161]")
#: Mojibake is repaired only when at least this many sequences are seen.
MIN_MOJIBAKE_HITS = 2

_HTML_START_RE = re.compile(r"\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--.{0,2000}?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>])", re.I | re.S)
_HTML_TAG_RE = re.compile(r"</?(?:p|div|span|a|br|body|table|li|ul|img|h[1-6]|article|section|script|meta)\b[^<>]{0,500}>", re.I)
_MD_LINK_RE = re.compile(r"!?\[[^\]\n]{0,500}\]\((?:[^()\s]{1,2000})(?:\s+\"[^\"\n]{0,200}\")?\)")
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
            raise InputTooLargeError(
                f"input is {len(data):,} bytes, above the maximum of {options.max_bytes:,} "
                "(raise it with --max-size)"
            )
        text, encoding = decode(data)
    else:
        if len(data) > options.max_bytes:
            raise InputTooLargeError(
                f"input is {len(data):,} characters, above the maximum of {options.max_bytes:,} "
                "(raise it with --max-size)"
            )
        text, encoding = data, "str"
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
    if b"\x00" in data[:65536]:
        raise BinaryInputError("input is binary, not text (it holds NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text, encoding = _detect(data)
    else:
        encoding = "utf-8"
    _check_not_binary(text)
    return text, encoding


def _detect(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes  # only for non-UTF-8 input

    best = from_bytes(data[:200_000]).best()
    encoding = best.encoding if best is not None else None
    if encoding is None:
        raise BinaryInputError("input is binary or in an unknown encoding (no charset fits)")
    if encoding in {"ascii", "latin_1", "iso8859_1"}:
        encoding = "cp1252"  # a superset in practice: web pages say Latin-1 and mean cp1252
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


def normalise(text: str) -> str:
    """Unify line endings, drop invisible and control characters, repair sure mojibake."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(_INVISIBLE)
    text = _CONTROL_RE.sub("", text)
    text = text.translate(_SPACES)
    return repair_mojibake(text)


def repair_mojibake(text: str) -> str:
    """Undo UTF-8-read-as-cp1252, but only when the repair is certain.

    Certain means: enough mojibake sequences are seen, the whole text encodes
    back to cp1252 (or Latin-1) and then decodes as strict UTF-8, and the repair
    removes every sequence. Anything less and the text is left as it is.
    """
    hits = len(_MOJIBAKE_RE.findall(text))
    if hits < MIN_MOJIBAKE_HITS:
        return text
    for encoding in ("cp1252", "latin-1"):
        try:
            fixed = text.encode(encoding).decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
        if not _MOJIBAKE_RE.search(fixed):
            return fixed
    return text


def sniff_format(text: str) -> InputFormat:
    """Guess whether a text is HTML, Markdown or plain text."""
    head = text[:20000]
    if _HTML_START_RE.match(head):
        return "html"
    tags = len(_HTML_TAG_RE.findall(head))
    if tags >= 5 and tags * 40 > len(head.split("\n")):
        # many tags for the amount of text: markup, not prose that mentions a tag
        return "html"
    md_links = len(_MD_LINK_RE.findall(head))
    md_headings = len(_MD_HEADING_RE.findall(head))
    md_other = len(_MD_EMPHASIS_RE.findall(head))
    if md_links >= 2 or (md_headings >= 1 and md_links + md_other >= 1) or md_headings >= 3:
        return "markdown"
    return "text"
