"""Settings of one cleaning run, as a frozen dataclass passed explicitly."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Literal

InputFormat = Literal["text", "markdown", "html"]
INPUT_FORMATS: tuple[InputFormat, ...] = ("text", "markdown", "html")

#: Default maximum input size in bytes (50 MiB). Raise it with ``--max-size``.
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
#: Default maximum number of non-blank lines (blocks) of one input. Cleaning costs
#: a few kilobytes of memory per line; real pages have a few thousand at most.
DEFAULT_MAX_LINES = 100_000


@dataclass(frozen=True)
class Options:
    """How to clean one document.

    lang: ISO 639-1 code that overrides language detection (``None``: detect).
    input_format: force ``text``, ``markdown`` or ``html`` (``None``: sniff).
    max_bytes: inputs larger than this are refused with :class:`InputTooLargeError`.
    max_lines: inputs with more non-blank lines (HTML: blocks) are refused the same way.
    source_name: a name for the input (a path), copied into ``Article.source``.
    base_url: the page's address, used to resolve relative links (HTML, Markdown).
    """

    lang: str | None = None
    input_format: InputFormat | None = None
    max_bytes: int = DEFAULT_MAX_BYTES
    max_lines: int = DEFAULT_MAX_LINES
    source_name: str | None = None
    base_url: str | None = None

    def with_(self, **changes: object) -> Options:
        """A copy with some fields changed."""
        return replace(self, **changes)  # type: ignore[arg-type]


DEFAULT_OPTIONS = Options()
