"""Every command of the ``newsclean`` CLI, and each of its options, is documented.

README.md is the user's documentation: each command must appear there as
``newsclean <command>`` and each of its options by its long name (``--format``;
a flag pair such as ``--pager / --no-pager`` by both names). ``docs/cli.md``, the
``clean`` section written for the README, is held to the same rule for ``clean``,
and must list every exit code of ``newsclean.errors``.
"""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from newsclean import errors
from newsclean.cli import cli

REPO_ROOT = Path(__file__).resolve().parent.parent
README = REPO_ROOT / "README.md"
CLI_DOC = REPO_ROOT / "docs" / "cli.md"
#: Options click adds to every command; documenting them is not required.
IMPLICIT = frozenset({"--help", "-h", "--version"})


def _commands() -> dict[str, click.Command]:
    ctx = click.Context(cli, info_name="newsclean")
    found: dict[str, click.Command] = {}
    for name in cli.list_commands(ctx):
        command = cli.get_command(ctx, name)
        if command is not None and not command.hidden:
            found[name] = command
    return found


COMMANDS = _commands()


def _options(command: click.Command) -> list[str]:
    """Long option names of a command (short ones when an option has no long name)."""
    names: list[str] = []
    for param in command.params:
        if not isinstance(param, click.Option) or param.hidden:
            continue
        for opts in (param.opts, param.secondary_opts):
            long = [o for o in opts if o.startswith("--")]
            names.extend(o for o in (long or opts[:1]) if o not in IMPLICIT)
    return names


def _text(path: Path) -> str:
    if not path.exists():
        pytest.fail(f"{path.relative_to(REPO_ROOT)} does not exist yet: document the CLI there")
    return path.read_text(encoding="utf-8")


def _mentions(text: str, option: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(option)}(?![\w-])", text) is not None


def test_the_cli_has_commands() -> None:
    assert "clean" in COMMANDS
    assert _options(COMMANDS["clean"]), "clean has no options?"


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_command_is_in_readme(name: str) -> None:
    assert f"newsclean {name}" in _text(README), f"README.md does not mention 'newsclean {name}'"


@pytest.mark.parametrize(
    ("name", "option"),
    [(name, option) for name, command in sorted(COMMANDS.items()) for option in _options(command)],
)
def test_option_is_in_readme(name: str, option: str) -> None:
    assert _mentions(_text(README), option), f"README.md does not document {name} {option}"


def test_top_level_options_are_in_readme() -> None:
    text = _text(README)
    assert _mentions(text, "--version")


@pytest.mark.parametrize("option", _options(COMMANDS["clean"]))
def test_clean_option_is_in_cli_doc(option: str) -> None:
    assert _mentions(_text(CLI_DOC), option), f"docs/cli.md does not document clean {option}"


def _exit_codes() -> dict[str, int]:
    return {
        name: value
        for name, value in vars(errors).items()
        if name.startswith("EXIT_") and isinstance(value, int)
    }


@pytest.mark.parametrize(("name", "code"), sorted(_exit_codes().items()))
def test_exit_code_is_in_cli_doc(name: str, code: int) -> None:
    rows = [line for line in _text(CLI_DOC).splitlines() if line.startswith("|")]
    assert any(re.match(rf"\|\s*`?{code}`?\s*\|", row) for row in rows), (
        f"docs/cli.md has no exit-code table row for {code} ({name})"
    )


def test_error_kinds_are_in_cli_doc() -> None:
    text = _text(CLI_DOC)
    kinds = {
        cls.kind
        for cls in vars(errors).values()
        if isinstance(cls, type) and issubclass(cls, errors.NewscleanError)
    }
    missing = sorted(kind for kind in kinds if f"`{kind}`" not in text)
    assert not missing, f"docs/cli.md does not name the error kinds {missing}"


def test_json_fields_are_in_cli_doc() -> None:
    import newsclean

    article = newsclean.clean("Title of a page\n\nA paragraph of text, long enough to be one.\n")
    text = _text(CLI_DOC)
    for field in article.to_dict(explain=True):
        assert f"`{field}`" in text, f"docs/cli.md does not describe the JSON field {field}"
