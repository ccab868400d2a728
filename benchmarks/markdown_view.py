"""The ``markdown`` view: a page's HTML as a Markdown scraper renders it.

Tools that turn a whole page into Markdown for language models and corpora
(Firecrawl, Jina Reader, crawl4ai and the like) keep the page's visible text with
its links, images, headings, lists and tables in Markdown syntax. This view makes
such a scrape with markdownify (MIT; the ``bench`` and ``test`` extras pin it):
the document's ``<head>`` and the elements a browser does not show as text
(scripts, styles, ``<noscript>``, templates, SVG, frames) are dropped, headings are
written ATX-style ("## Title"), and runs of blank lines are cut to one.

markdownify keeps the line breaks of the HTML source inside a paragraph, as
Markdown allows ("soft" breaks), and writes a link around block elements over
several lines: the view keeps both, as real scrapes have them.
"""

from __future__ import annotations

import contextlib
import re
import warnings

#: Elements whose content a reader does not see as text.
HIDDEN = ("head", "script", "style", "noscript", "template", "svg", "iframe")
_BLANK_RUN_RE = re.compile(r"\n[ \t]*(?:\n[ \t]*)+\n")


def to_markdown(html: bytes | str) -> str:
    """The page's Markdown rendering. Raises ImportError without markdownify."""
    from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning
    from markdownify import MarkdownConverter

    if isinstance(html, bytes):
        # as the corpus's text views were decoded; else by the page's declared encoding
        with contextlib.suppress(UnicodeDecodeError):
            html = html.decode("utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(html, "lxml")
    for element in soup(list(HIDDEN)):
        element.decompose()
    try:
        markdown = MarkdownConverter(heading_style="ATX").convert_soup(soup)
    except RecursionError:  # nesting deeper than the converter's recursion
        return ""
    return _BLANK_RUN_RE.sub("\n\n", markdown).strip() + "\n"
