"""newsclean: separate the article from the boilerplate in scraped news pages.

>>> import newsclean
>>> article = newsclean.clean(open("page.txt", "rb").read())   # doctest: +SKIP
>>> article.title, article.body[0]                                # doctest: +SKIP
"""

from __future__ import annotations

from .core import clean
from .errors import (
    BinaryInputError,
    EmptyInputError,
    InputTooLargeError,
    NewscleanError,
    UnparseableInputError,
    UnreadableInputError,
)
from .model import Article, Block, Caption, Label, LineLabel, Related, Source
from .options import DEFAULT_OPTIONS, Options
from .render import RENDERERS, render

__version__ = "0.1.0"

__all__ = [
    "DEFAULT_OPTIONS",
    "RENDERERS",
    "Article",
    "BinaryInputError",
    "Block",
    "Caption",
    "EmptyInputError",
    "InputTooLargeError",
    "Label",
    "LineLabel",
    "NewscleanError",
    "Options",
    "Related",
    "Source",
    "UnparseableInputError",
    "UnreadableInputError",
    "__version__",
    "clean",
    "render",
]
