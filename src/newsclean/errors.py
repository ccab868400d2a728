"""Typed errors: every rejected input carries its reason and an exit code.

The command line turns these into one line on stderr and the exit code below;
library users catch :class:`NewscleanError` (or one of its kinds).
"""

from __future__ import annotations

# Exit codes, documented in the README. 1 and 2 keep their usual meaning
# (some inputs failed / usage error); the rest name what was wrong with an input.
EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_EMPTY = 3
EXIT_BINARY = 4
EXIT_TOO_LARGE = 5
EXIT_UNPARSEABLE = 6
EXIT_UNREADABLE = 7
EXIT_INTERRUPTED = 130


class NewscleanError(Exception):
    """Base class of every error newsclean raises on purpose."""

    exit_code = EXIT_FAILED
    kind = "error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class EmptyInputError(NewscleanError):
    """The input holds no text at all (empty, or only whitespace)."""

    exit_code = EXIT_EMPTY
    kind = "empty"


class BinaryInputError(NewscleanError):
    """The input is not text: NUL bytes, control characters, or undecodable bytes."""

    exit_code = EXIT_BINARY
    kind = "binary"


class InputTooLargeError(NewscleanError):
    """The input is larger than the configured maximum size."""

    exit_code = EXIT_TOO_LARGE
    kind = "too-large"


class UnparseableInputError(NewscleanError):
    """The input claims a format (HTML) that cannot be parsed safely."""

    exit_code = EXIT_UNPARSEABLE
    kind = "unparseable"


class UnreadableInputError(NewscleanError):
    """The input file cannot be read (missing, a directory, no permission)."""

    exit_code = EXIT_UNREADABLE
    kind = "unreadable"
