"""Load the development corpus: pages, their text views and their ground truth.

Stdlib only (no newsclean, no lxml), so any script can import it.

Layout: a *page* is a folder holding ``gold.json`` and some of ``page.html``,
``htmltext.txt``, ``inscriptis.txt``. A *corpus* is a folder of pages. The root
given to :func:`find_corpora` may be a page, a corpus, or a folder of corpora.

API
---
- :data:`VIEWS`, :data:`TEXT_VIEWS`: the input renderings a system can be run on:
  ``htmltext`` and ``inscriptis`` (the files), ``flat`` (``htmltext.txt`` with every
  line stripped and blank lines removed: a scrape without layout), ``markdown``
  (``page.html`` as a Markdown scraper renders it, made by ``markdown_view``: needs
  markdownify), ``html`` (``page.html``).
- :func:`default_corpus_root` -> ``$NEWSCLEAN_CORPUS`` or ``<repo>/../shared/corpus``.
- :func:`find_corpora(root) <find_corpora>` -> ``[Corpus(name, pages)]``.
- :func:`load_gold(page_dir) <load_gold>` -> the ``gold.json`` mapping.
- :func:`load_view(page_dir, view) <load_view>` -> ``str`` for text views, ``bytes`` for ``html``.
- :func:`load_views(page_dir, views) <load_views>` -> ``{view: text}`` for text views.
- :func:`flatten` -> the ``flat`` rendering of a text.
- Gold accessors that smooth over the two corpora's field names:
  :func:`gold_kind`, :func:`gold_language`, :func:`gold_title`, :func:`gold_authors`,
  :func:`gold_date` (empty strings count as absent).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

REPO_ROOT = Path(__file__).resolve().parent.parent

TEXT_VIEWS: tuple[str, ...] = ("htmltext", "inscriptis", "flat")
VIEWS: tuple[str, ...] = (*TEXT_VIEWS, "markdown", "html")
#: The file each view is read from.
VIEW_FILES: dict[str, str] = {
    "htmltext": "htmltext.txt",
    "inscriptis": "inscriptis.txt",
    "flat": "htmltext.txt",
    "markdown": "page.html",
    "html": "page.html",
}
GOLD_FILE = "gold.json"

GoldKind = Literal["snippets", "shingles"]


@dataclass(frozen=True)
class Corpus:
    """A named list of page folders (sorted by name)."""

    name: str
    pages: tuple[Path, ...]


def default_corpus_root() -> Path:
    """``$NEWSCLEAN_CORPUS`` if set, else ``../shared/corpus`` beside the repository."""
    env = os.environ.get("NEWSCLEAN_CORPUS")
    return Path(env) if env else REPO_ROOT.parent / "shared" / "corpus"


def is_page_dir(path: Path) -> bool:
    """A folder holding a ``gold.json``."""
    return (path / GOLD_FILE).is_file()


def _page_dirs(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_dir() and is_page_dir(p))


def find_corpora(root: Path) -> list[Corpus]:
    """The corpora under ``root``.

    ``root`` a page folder: one corpus of one page, named after the page's
    parent. ``root`` holding page folders: one corpus named after ``root``.
    Otherwise every subfolder holding page folders is a corpus. Raises
    ``FileNotFoundError`` if ``root`` is not a folder, ``ValueError`` if no page is found.
    """
    if not root.is_dir():
        raise FileNotFoundError(f"{root} is not a folder")
    if is_page_dir(root):
        return [Corpus(root.resolve().parent.name or root.name, (root,))]
    pages = _page_dirs(root)
    if pages:
        return [Corpus(root.resolve().name, tuple(pages))]
    corpora = []
    for sub in sorted(p for p in root.iterdir() if p.is_dir()):
        sub_pages = _page_dirs(sub)
        if sub_pages:
            corpora.append(Corpus(sub.name, tuple(sub_pages)))
    if not corpora:
        raise ValueError(f"no page folder (a folder with {GOLD_FILE}) in or under {root}")
    return corpora


def load_gold(page_dir: Path) -> dict[str, Any]:
    """The page's ``gold.json`` as a dict."""
    with (page_dir / GOLD_FILE).open(encoding="utf-8") as fh:
        data = json.load(fh)
    if not isinstance(data, dict):
        raise ValueError(f"{page_dir / GOLD_FILE} does not hold a JSON object")
    return data


def read_text(path: Path) -> str:
    """A UTF-8 text file (undecodable bytes replaced), line endings unified."""
    text = path.read_bytes().decode("utf-8", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def flatten(text: str) -> str:
    """Each line stripped of surrounding whitespace, blank lines dropped."""
    return "\n".join(s for line in text.split("\n") if (s := line.strip()))


def view_exists(page_dir: Path, view: str) -> bool:
    """Whether the file the view is read from is there."""
    return (page_dir / VIEW_FILES[view]).is_file()


def load_view(page_dir: Path, view: str) -> str | bytes:
    """The page as a system sees it: text for the text views, the raw bytes for ``html``."""
    if view not in VIEW_FILES:
        raise ValueError(f"unknown view {view!r} (known: {', '.join(VIEWS)})")
    path = page_dir / VIEW_FILES[view]
    if view == "html":
        return path.read_bytes()
    if view == "markdown":
        from benchmarks.markdown_view import to_markdown  # needs markdownify

        return to_markdown(path.read_bytes())
    text = read_text(path)
    return flatten(text) if view == "flat" else text


def load_views(page_dir: Path, views: Iterable[str] = TEXT_VIEWS) -> dict[str, str]:
    """``{view: text}`` for the given text views whose file exists."""
    out: dict[str, str] = {}
    for view in views:
        if view == "html":
            raise ValueError("load_views gives text views; read the html view with load_view")
        if view_exists(page_dir, view):
            text = load_view(page_dir, view)
            assert isinstance(text, str)
            out[view] = text
    return out


def _text(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def gold_kind(gold: Mapping[str, Any]) -> GoldKind | None:
    """``snippets`` (``with``/``without`` lists), ``shingles`` (a ``body`` text), or None."""
    if isinstance(gold.get("with"), list) or isinstance(gold.get("without"), list):
        return "snippets"
    if isinstance(gold.get("body"), str):
        return "shingles"
    return None


def gold_language(gold: Mapping[str, Any]) -> str | None:
    """The page's language as a lower-case ISO 639-1 code (``en-US`` -> ``en``), if given."""
    lang = _text(gold.get("lang")) or _text(gold.get("language"))
    if lang is None:
        return None
    code = lang.replace("_", "-").split("-")[0].lower()
    return code or None


def gold_title(gold: Mapping[str, Any]) -> str | None:
    """The gold title, if given and not empty."""
    return _text(gold.get("title"))


def gold_authors(gold: Mapping[str, Any]) -> str | list[str] | None:
    """The gold author field (``author`` or ``byline``): a string or a list of names.

    A ``byline`` is the text of the page's byline element, which may run over several
    lines ("By Nathan Willis" then "March 25, 2015", or "Edited by ..."): its first
    line names the authors.
    """
    for key in ("author", "byline"):
        value = gold.get(key)
        if isinstance(value, list):
            names = [v.strip() for v in value if isinstance(v, str) and v.strip()]
            if names:
                return names
        elif (text := _text(value)) is not None:
            return text.splitlines()[0].strip() if key == "byline" else text
    return None


def gold_date(gold: Mapping[str, Any]) -> str | None:
    """The gold date (``date`` or ``publishedTime``), if given and not empty."""
    return _text(gold.get("date")) or _text(gold.get("publishedTime"))
