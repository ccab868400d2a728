"""The ``newsclean`` command. Thin: it parses options, calls the library, reports errors.

Subcommands live in their own modules and are imported only when used, so
``newsclean clean`` does not pay for what ``batch`` or ``inspect`` need.
"""

from __future__ import annotations

import importlib
import sys
from typing import IO, Any

import click

from .. import __version__
from ..errors import EXIT_INTERRUPTED, EXIT_USAGE

#: Subcommand name -> "module:attribute" (imported on first use).
COMMANDS: dict[str, str] = {
    "clean": "newsclean.cli.clean:clean",
    "batch": "newsclean.cli.batch:batch",
    "inspect": "newsclean.cli.inspect:inspect",
}


class UsageLineError(click.ClickException):
    """A usage error told in one line (click's default prints the usage block too)."""

    exit_code = EXIT_USAGE

    def __init__(self, error: click.UsageError) -> None:
        super().__init__(error.format_message())
        self.ctx = error.ctx

    def show(self, file: IO[Any] | None = None) -> None:
        where = self.ctx.command_path if self.ctx is not None else "newsclean"
        click.echo(f"newsclean: error: {self.message} (see '{where} --help')", err=True)


class LazyGroup(click.Group):
    """A click group whose commands are imported on first use; usage errors in one line."""

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as exc:
            raise UsageLineError(exc) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as exc:
            raise UsageLineError(exc) from None

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
        sys.exit(EXIT_INTERRUPTED)
    except BrokenPipeError:
        # the reader went away (``| head``): stop quietly, as Unix tools do
        from .common import silence_stdout

        silence_stdout()
        sys.exit(141)  # as if killed by SIGPIPE
