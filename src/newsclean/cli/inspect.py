"""``newsclean inspect``: see what was kept, what was dropped, and why.

Given a page (text, Markdown, HTML; a file or stdin) it cleans it and shows
every line with its label and reason. Given a folder of JSON outputs, a JSON
Lines file, or one JSON output of ``newsclean clean --format json``, it shows a
table of the pages, the suspicious ones first. The drawing is in
:mod:`newsclean.inspect_view`; this module reads, decides, and prints.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

import click
from rich.console import Console, RenderableType
from rich.pager import Pager

from ..core import clean as clean_page
from ..errors import EmptyInputError, NewscleanError, UnreadableInputError
from ..inspect_view import (
    PageRow,
    PageView,
    Prerendered,
    Trimmed,
    ViewOptions,
    is_article_json,
    page_row,
    pages_table,
    parse_labels,
    sort_rows,
)
from ..model import Label
from .common import (
    display_name,
    error_line,
    input_options,
    make_options,
    read_input,
    silence_stdout,
    warn_empty_body,
)

COLOR_CHOICES = ("auto", "always", "never")


class LessPager(Pager):
    """The system pager (``$PAGER``, else less), told to pass colours through.

    Python's pydoc runs less without ``-R``, which would show colour codes as
    text; ``LESS=-R`` is set for the pager's run unless the user has a ``LESS``.
    """

    def show(self, content: str) -> None:
        import pydoc

        had_less = "LESS" in os.environ
        if not had_less:
            os.environ["LESS"] = "-R"
        try:
            pydoc.pager(content)
        finally:
            if not had_less:
                os.environ.pop("LESS", None)


def make_console(color: str, width: int | None, file: IO[str] | None = None) -> Console:
    """A console for stdout: colour by ``--color`` (auto: only on a terminal, not with NO_COLOR)."""
    out = file if file is not None else sys.stdout
    if color == "always":
        colour = True
    elif color == "never":
        colour = False
    else:
        colour = _isatty(out) and not os.environ.get("NO_COLOR")
    console = Console(
        file=out,
        width=width,
        force_terminal=True if color == "always" else None,
        color_system="auto" if colour else None,
        no_color=not colour,
        highlight=False,
        emoji=False,
        markup=False,
        soft_wrap=False,
    )
    if colour and console.color_system is None:
        # --color always on a dumb or unknown terminal: plain ANSI colours still.
        console = Console(
            file=out,
            width=width,
            force_terminal=True,
            color_system="standard",
            no_color=False,
            highlight=False,
            emoji=False,
            markup=False,
        )
    return console


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def show(console: Console, renderable: RenderableType, *, pager: bool) -> None:
    """Print, through the pager when on a terminal and longer than the screen."""
    rendered = Prerendered(list(console.render(Trimmed(renderable), console.options)))
    use_pager = (
        pager
        and _isatty(console.file)
        and _isatty(sys.stdin)
        and rendered.line_count > console.height
    )
    if use_pager:
        with console.pager(pager=LessPager(), styles=console.color_system is not None):
            console.print(rendered)
    else:
        console.print(rendered)


def _only_callback(
    ctx: click.Context, param: click.Parameter, value: str | None
) -> frozenset[Label] | None:
    if value is None:
        return None
    try:
        return parse_labels(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


# --- Telling a page from JSON outputs ------------------------------------------


def _json_outputs_in(folder: Path) -> Iterator[tuple[str, Any]]:
    """(name, parsed JSON) for every *.json file under a folder; ``None`` for unparseable ones."""
    for path in sorted(folder.rglob("*.json")):
        relative = path.relative_to(folder)
        if not path.is_file() or any(part.startswith(".") for part in relative.parts):
            continue
        name = str(relative)
        try:
            with path.open("rb") as fh:
                yield name, json.loads(fh.read())
        except (OSError, ValueError):
            yield name, None


def _json_lines(lines: Iterator[str], name: str) -> Iterator[tuple[str, Any]]:
    for k, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield f"{name}:{k}", json.loads(line)
        except ValueError:
            yield f"{name}:{k}", None


def _first_char(data: bytes) -> str:
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return chr(head[0]) if head else ""


def json_documents(data: bytes, name: str) -> list[tuple[str, Any]] | None:
    """The JSON outputs in an input that is one JSON document or JSON Lines; ``None`` otherwise.

    It is JSON output when it starts with ``{`` and either parses whole as an
    object with a ``body`` list, or its first non-blank line does (JSON Lines).
    """
    if _first_char(data) != "{":
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    try:
        whole = json.loads(text)
    except ValueError:
        whole = None
    if is_article_json(whole):
        return [(name, whole)]
    docs = list(_json_lines(iter(text.splitlines()), name))
    if docs and is_article_json(docs[0][1]):
        return docs
    return None


def table_rows(docs: list[tuple[str, Any]], where: str) -> list[PageRow]:
    """Rows of the JSON outputs; a warning on stderr for what is not one."""
    rows: list[PageRow] = []
    skipped: list[str] = []
    for name, doc in docs:
        if is_article_json(doc):
            rows.append(page_row(doc, name))
        else:
            skipped.append(name)
    if skipped:
        shown = ", ".join(skipped[:3]) + (", …" if len(skipped) > 3 else "")
        click.echo(
            f"newsclean: warning: {where}: skipped {len(skipped)} item"
            f"{'s' if len(skipped) > 1 else ''} that {'are' if len(skipped) > 1 else 'is'} "
            f"not newsclean JSON output ({shown})",
            err=True,
        )
    if not rows:
        raise EmptyInputError(
            f"{where}: no newsclean JSON output found "
            "(JSON objects with a \"body\", as 'newsclean clean -f json' writes)"
        )
    return sort_rows(rows)


def _read_jsonl_file(path: str) -> list[tuple[str, Any]]:
    try:
        with open(path, encoding="utf-8-sig", errors="replace") as fh:
            return list(_json_lines(iter(fh), path))
    except FileNotFoundError:
        raise UnreadableInputError(f"{path}: no such file") from None
    except PermissionError:
        raise UnreadableInputError(f"{path}: permission denied") from None
    except OSError as exc:
        raise UnreadableInputError(f"{path}: {exc.strerror or exc}") from None


# --- The command ----------------------------------------------------------------


@click.command()
@click.argument("source", default="-", metavar="[FILE|FOLDER|-]")
@click.option(
    "--all", "show_all", is_flag=True, help="Show every line: do not fold runs of boilerplate."
)
@click.option(
    "--only",
    metavar="LABEL[,LABEL]",
    callback=_only_callback,
    help="Show only lines with these labels: " + ", ".join(label.value for label in Label) + ".",
)
@click.option(
    "--width",
    type=click.IntRange(min=20),
    default=None,
    help="Draw for this many columns instead of the terminal's width.",
)
@click.option(
    "--pager/--no-pager", default=True, show_default=True, help="Page long output on a terminal."
)
@click.option(
    "--color",
    "color",
    type=click.Choice(COLOR_CHOICES),
    default="auto",
    show_default=True,
    help="Colour: auto (on a terminal, unless NO_COLOR is set), always, never.",
)
@input_options
def inspect(
    source: str,
    show_all: bool,
    only: frozenset[Label] | None,
    width: int | None,
    pager: bool,
    color: str,
    lang: str | None,
    input_format: str | None,
    max_size: int,
    max_lines: int,
    base_url: str | None,
) -> None:
    """Show every line of a page with its label and the reason for it.

    Reads FILE, or stdin when there is none (or for -), cleans it as 'newsclean
    clean' does, then shows a header (title, byline, date, language, lines per
    label) and each line of the input with its number, its label and, on wide
    terminals (100 columns or more), why it got that label. Three or more
    boilerplate lines in a row fold into one line; --all unfolds them.

    Given a FOLDER of JSON outputs ('newsclean clean -f json', 'newsclean
    batch'), a JSON Lines file, or a JSON output, it shows a table of the pages
    instead, the suspicious ones first (empty body, short body, no title).
    """
    name = display_name(source)
    console = make_console(color, width)
    try:
        renderable = _build(
            source,
            name,
            ViewOptions(show_all=show_all, only=only),
            lang,
            input_format,
            max_size,
            base_url,
            max_lines,
        )
    except NewscleanError as error:
        click.echo(error_line(name, error), err=True)
        sys.exit(error.exit_code)
    try:
        show(console, renderable, pager=pager)
    except BrokenPipeError:
        # `newsclean inspect page | head`: the reader left; that is not an error.
        silence_stdout()


def _build(
    source: str,
    name: str,
    view: ViewOptions,
    lang: str | None,
    input_format: str | None,
    max_size: int,
    base_url: str | None,
    max_lines: int,
) -> RenderableType:
    if source != "-" and os.path.isdir(source):
        return pages_table(table_rows(list(_json_outputs_in(Path(source))), name), title=name)
    if source != "-" and source.lower().endswith(".jsonl"):
        return pages_table(table_rows(_read_jsonl_file(source), name), title=name)
    data = read_input(source, max_size)
    if input_format is None and len(data) <= max_size:
        docs = json_documents(data, name)
        if docs is not None:
            return pages_table(table_rows(docs, name), title=name)
    options = make_options(
        lang, input_format, max_size, base_url, None if source == "-" else source, max_lines
    )
    article = clean_page(data, options)
    if not article.body:
        warn_empty_body(name)
    return PageView(article, view)
