"""``newsclean clean``: clean pages given as files or on stdin."""

from __future__ import annotations

import sys

import click

from ..core import clean as clean_page
from ..errors import EXIT_FAILED, NewscleanError
from ..render import RENDERERS, render
from .common import (
    display_name,
    error_line,
    input_options,
    make_options,
    read_input,
    utf8_stdout,
    warn_empty_body,
)

#: Printed between documents when several inputs are rendered as text or Markdown.
DOCUMENT_SEPARATOR = "\f\n"


@click.command()
@click.argument("files", nargs=-1, metavar="[FILE|-]...")
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(sorted(RENDERERS)),
    default="text",
    show_default=True,
    help="Output: text (title and body), json (every field), markdown.",
)
@click.option("--explain", is_flag=True, help="Add every line's label and the reason for it.")
@input_options
def clean(
    files: tuple[str, ...],
    fmt: str,
    explain: bool,
    lang: str | None,
    input_format: str | None,
    max_size: int,
    max_lines: int,
    base_url: str | None,
) -> None:
    """Clean scraped pages: the article's text (or JSON, or Markdown) on stdout.

    Reads each FILE in turn, or stdin when there is none (or for -). With
    several inputs, JSON output is JSON Lines (one document a line) and text
    output separates documents with a form feed line.
    """
    paths = files or ("-",)
    codes: list[int] = []
    utf8_stdout()
    out = sys.stdout
    for k, path in enumerate(paths):
        name = display_name(path)
        try:
            data = read_input(path, max_size)
            options = make_options(
                lang, input_format, max_size, base_url, None if path == "-" else path, max_lines
            )
            article = clean_page(data, options)
        except NewscleanError as error:
            click.echo(error_line(name, error), err=True)
            codes.append(error.exit_code)
            continue
        if not article.body:
            warn_empty_body(name)
        text = render(article, fmt, explain=explain)
        if k and fmt != "json":
            out.write(DOCUMENT_SEPARATOR)
        out.write(text)
    out.flush()
    if codes:
        sys.exit(codes[0] if len(set(codes)) == 1 else EXIT_FAILED)
