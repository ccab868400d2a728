"""The ``newsclean`` command. Thin: it parses options, calls the library, reports errors.

Subcommands live in their own modules and are imported only when used, so
``newsclean clean`` does not pay for what ``batch`` or ``inspect`` need.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from .. import __version__

#: Subcommand name -> "module:attribute" (imported on first use).
COMMANDS: dict[str, str] = {
    "clean": "newsclean.cli.clean:clean",
    "batch": "newsclean.cli.batch:batch",
    "inspect": "newsclean.cli.inspect:inspect",
}


class LazyGroup(click.Group):
    """A click group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(COMMANDS))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS:
            module_name, attr = COMMANDS[cmd_name].split(":")
            try:
                module = importlib.import_module(module_name)
            except ModuleNotFoundError as exc:
                if exc.name == module_name:
                    return None
                raise
            command: click.Command = getattr(module, attr)
            return command
        return super().get_command(ctx, cmd_name)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newsclean")
def cli() -> None:
    """Separate the article from the boilerplate in scraped news pages.

    Reads page text (plain, Markdown or HTML) and writes the article's title,
    byline, date, body, captions, credits and related links as text, JSON or
    Markdown.
    """


def main(argv: list[str] | None = None) -> Any:
    """Console-script entry point."""
    try:
        return cli.main(args=argv, prog_name="newsclean")
    except KeyboardInterrupt:
        click.echo("newsclean: interrupted", err=True)
        sys.exit(130)
