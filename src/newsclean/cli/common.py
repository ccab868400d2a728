"""What the subcommands share: input options, reading inputs, reporting errors."""

from __future__ import annotations

import contextlib
import os
import re
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from ..errors import NewscleanError, UnreadableInputError
from ..languages import language_code
from ..options import DEFAULT_MAX_BYTES, DEFAULT_MAX_LINES, INPUT_FORMATS, Options

F = TypeVar("F", bound=Callable[..., Any])

_SIZE_RE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmgKMG]?)(?:i?[bB])?\s*$")


class SizeParam(click.ParamType):  # type: ignore[type-arg]
    """A size in bytes: 5000000, 500K, 50M, 2G (powers of 1024)."""

    name = "size"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        match = _SIZE_RE.match(str(value))
        if match is None:
            self.fail(f"{value!r} is not a size (examples: 5000000, 500K, 50M, 1G)", param, ctx)
        number = float(match.group(1))
        unit = match.group(2).lower()
        factor = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[unit]
        size = int(number * factor)
        if size <= 0:
            self.fail("the size must be positive", param, ctx)
        return size


def input_options(fn: F) -> F:
    """Options every command that reads pages takes (language, input format, size limits)."""
    fn = click.option(
        "--max-lines",
        type=click.IntRange(min=1),
        default=DEFAULT_MAX_LINES,
        show_default=True,
        help="Refuse inputs with more non-blank lines (HTML: blocks) than this.",
    )(fn)
    fn = click.option(
        "--url",
        "base_url",
        metavar="URL",
        help="The page's address, to resolve relative links.",
    )(fn)
    fn = click.option(
        "--max-size",
        type=SizeParam(),
        default=DEFAULT_MAX_BYTES,
        show_default="50M",
        help="Refuse inputs larger than this (bytes; K, M, G suffixes).",
    )(fn)
    fn = click.option(
        "--input-format",
        type=click.Choice(INPUT_FORMATS),
        default=None,
        help="Force the input format instead of sniffing it.",
    )(fn)
    fn = click.option(
        "--lang",
        metavar="CODE",
        default=None,
        callback=_check_lang,
        help="Language of the pages (ISO 639-1, e.g. de, en); detected when omitted.",
    )(fn)
    return fn


def _check_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is None:
        return None
    code = language_code(value)
    if code is None or not re.fullmatch(r"[a-z]{2}", code):
        raise click.BadParameter("give a two-letter ISO 639-1 code, such as de or en")
    return code


def make_options(
    lang: str | None,
    input_format: str | None,
    max_size: int,
    base_url: str | None,
    source_name: str | None = None,
    max_lines: int = DEFAULT_MAX_LINES,
) -> Options:
    return Options(
        lang=lang,
        input_format=input_format,  # type: ignore[arg-type]
        max_bytes=max_size,
        max_lines=max_lines,
        source_name=source_name,
        base_url=base_url,
    )


def read_input(path: str, max_bytes: int) -> bytes:
    """The bytes of a file, or of stdin for ``-``; a typed error when it cannot be read."""
    if path == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        return data
    try:
        if os.path.isdir(path):
            raise UnreadableInputError(
                f"{path}: is a directory (use 'newsclean batch' for folders)"
            )
        with open(path, "rb") as fh:
            return fh.read(max_bytes + 1)
    except FileNotFoundError:
        raise UnreadableInputError(f"{path}: no such file") from None
    except PermissionError:
        raise UnreadableInputError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise UnreadableInputError(
            f"{path}: is a directory (use 'newsclean batch' for folders)"
        ) from None
    except OSError as exc:
        raise UnreadableInputError(f"{path}: {exc.strerror or exc}") from None


def display_name(path: str) -> str:
    return "<stdin>" if path == "-" else path


def error_line(name: str, error: NewscleanError) -> str:
    message = str(error)
    if message.startswith(name + ":"):
        return f"newsclean: error: {message}"
    return f"newsclean: error: {name}: {message}"


def utf8_stdout() -> None:
    """Write UTF-8 whatever the locale says (articles hold any script)."""
    reconfigure = getattr(sys.stdout, "reconfigure", None)
    if reconfigure is not None:
        with contextlib.suppress(OSError, ValueError):
            reconfigure(encoding="utf-8")


def silence_stdout() -> None:
    """After the reader of stdout went away (``| head``), keep Python's final flush
    from failing: stdout now points at the null device."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def warn_empty_body(name: str) -> None:
    """The one-line warning for a page cleaned without any article text."""
    click.echo(f"newsclean: warning: {name}: no article text found (the body is empty)", err=True)
