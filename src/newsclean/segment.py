"""Segment: a document's text becomes a list of :class:`Block`, one per line.

Plain text keeps each non-blank line as a block, with its indentation, list
marker and the blank lines around it. Markdown is read line by line too, with
its markup turned into hints (headings, quotes, images, tables) and its links
kept. HTML has its own segmenter (:mod:`newsclean.html`).
"""

from __future__ import annotations

import re
from dataclasses import replace
from urllib.parse import urljoin

from .model import Block, Link

_WS_RE = re.compile(r"\s+")
#: Unordered list markers taken off the start of a line (ordered numbers are kept: content).
_BULLET_RE = re.compile(r"^([*+•·▪►▸‣◦○●■□-])\s+(?=\S)")
# Every pattern below runs in time linear in the line (tests/test_hostile.py): no two
# adjacent quantifiers may take the same characters, or a failed match retries every
# split of a long run between them. The heading's closing "###" is cut by hand
# (``_heading_text``) for that reason.
_BULLET_START = frozenset("*+•·▪►▸‣◦○●■□-")
_MD_HEADING_RE = re.compile(r"^(#{1,6})[ \t]+")
_MD_LABEL_HEADING_RE = re.compile(r"^\[(#{1,6})[ \t]+")
#: A list item holding the page's h1 ("3. # Headline"): a breadcrumb trail's last step
#: is often the headline, written as the list's item. (Lower headings in list items are
#: teasers of other pages, read as list items.)
_MD_ITEM_H1_RE = re.compile(r"^(?:[*+-]|\d{1,9}[.)])[ \t]+(?=#[ \t])")
_MD_SETEXT_RE = re.compile(r"^[ \t]{0,3}(=+|-+)[ \t]*$")
# Rules, quotes and table separators use single-character repeats, not repeated
# groups: the regex engine keeps a record per repetition of a group (over 100
# bytes each: a 1,000,000-star line took 120 MB).
_MD_RULE_RE = re.compile(
    r"^[ \t]{0,3}(?:\*[ \t]*\*[ \t]*\*[* \t]*|-[ \t]*-[ \t]*-[- \t]*|_[ \t]*_[ \t]*_[_ \t]*)$"
)
_MD_FENCE_RE = re.compile(r"^[ \t]{0,3}(```|~~~)")
# A link's or image's target: an address (a few pairs of parentheses allowed inside, as
# in "wiki/Mercury_(planet)" or an image server's "filters:focal(0x0:60x60):format()"),
# then an optional title in quotes (escaped quotes allowed inside, as converters write
# them); either may be missing ("[x]()", "[x]( "t")"). A script's address may hold
# spaces and calls ("javascript: history.back();", "javascript:f(1, function() {});");
# so may an address as a converter copies it from the page's markup ("/autores/Ana
# Ruiz/", an inline picture's "data:image/svg+xml,<svg viewBox="0 0 60 60"></svg>").
_MD_TITLE = r"(?:\"(?:[^\"\\\n]|\\.){0,500}\"|'(?:[^'\\\n]|\\.){0,500}')"
#: A script's call: its arguments may hold calls of their own ("f(1, function() {})").
_MD_SCRIPT_CALL = r"\([^()\n]{0,200}(?:\([^()\n]{0,200}\)[^()\n]{0,200}){0,4}\)"
_MD_TARGET = (
    r"\(\s*(?:(?:<?([^()\s<>]{1,2000}(?:\([^()\s<>]{0,200}\)[^()\s<>]{0,500}){0,4}"
    r"(?: [^()\s<>\"']{1,500}){0,20})>?"
    r"|(javascript:[^()\n]{0,300}(?:" + _MD_SCRIPT_CALL + r"[^()\n]{0,300}){0,8})"
    r"|data:[\w.+/-]{1,100}[,;][^()\n]{0,5000})"
    r"(?:\s+" + _MD_TITLE + r")?\s*|" + _MD_TITLE + r"\s*)?\)"
)
#: A link's or image's label: brackets may stand inside it, not nested deeper
#: ("[[12]](#note-12)", "[Hoodie [Sale]](/p)").
_MD_LABEL = r"\[([^\[\]\n]{0,1000}(?:\[[^\[\]\n]{0,300}\][^\[\]\n]{0,1000}){0,4})\]"
_MD_IMAGE_RE = re.compile(r"!" + _MD_LABEL + _MD_TARGET)
_MD_LINK_RE = re.compile(_MD_LABEL + _MD_TARGET)
#: A link label opened and not closed on its line ("[![logo](a.png)" then "Team](/t)"
#: below: converters write a link around block elements over several lines).
_MD_OPEN_LABEL_RE = re.compile(r"\[[^\[\]]*$")
#: ... closed this many lines further down at most.
MD_LABEL_MAX_LINES = 12
_MD_REFLINK_RE = re.compile(r"\[([^\[\]\n]{1,1000})\]\[[^\[\]\n]{0,200}\]")
_MD_REFDEF_RE = re.compile(r"^[ \t]{0,3}\[[^\[\]\n]{1,200}\]:[ \t]*\S+")
_MD_AUTOLINK_RE = re.compile(r"<((?:https?|ftp)://[^<>\s]{1,2000}|mailto:[^<>\s]{1,500})>")
_MD_STRONG_RE = re.compile(r"(\*\*|__)(?=\S)((?:(?!\1)[^\n]){0,2000}?\S)\1")
_MD_EM_RE = re.compile(
    r"(?<![\w*])\*(?=\S)([^*\n]{0,2000}?\S)\*(?![\w*])"
    r"|(?<![\w_])_(?=\S)([^_\n]{0,2000}?\S)_(?![\w_])"
)
_MD_CODE_RE = re.compile(r"`([^`\n]{0,2000})`")
_MD_QUOTE_RE = re.compile(r"^[ \t]{0,3}>[> \t]*")
#: A table's header separator ("|---|:--:|"): only pipes, colons, dashes and spaces.
_MD_TABLE_SEP_RE = re.compile(r"^[ \t|:]*--[-:| \t]*$")
#: Emphasis marks opening a line, or closing it, that no mark on the line pairs with.
_MD_OPEN_MARKS_RE = re.compile(r"\*{2,3}(?=[^\s*])|_{2,3}(?=[^\s_])")
_MD_CLOSE_MARKS_RE = re.compile(r"(?<=[^\s*_])(?:\*{2,3}|_{2,3})$")
_MD_CLOSE_MARK_RE = re.compile(r"(?<=[^\s*_])[*_]$")
_MD_WHOLE_EMPHASIS_RE = re.compile(r"^([*_])[^*_\n]{1,1000}\1$")
_MD_ESCAPE_RE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_HTML_TAG_RE = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]{0,20}(?:\s[^<>]{0,1000})?/?>")


def collapse(text: str) -> str:
    """Whitespace runs to one space, ends trimmed."""
    return _WS_RE.sub(" ", text).strip()


def _indent(raw: str) -> int:
    width = 0
    for ch in raw:
        if ch == " ":
            width += 1
        elif ch == "\t":
            width += 4
        else:
            break
    return width


def segment_text(text: str) -> list[Block]:
    """One block per non-blank line of plain text."""
    raw_lines = text.split("\n")
    stripped = [raw.strip() for raw in raw_lines]
    # an empty item among a list's items (a bullet alone: a renderer's mark for an item
    # that holds only a picture or an icon, as in a row of share buttons) is no line of
    # the text: it is dropped, and the lines around it meet as if it were not there (it
    # makes no blank line either); a bullet alone after other lines is kept (a list that
    # holds nothing but such items stands where it stands)
    if _EMPTY_ITEM_RE.search(text) is None:
        return _segment_lines(raw_lines, stripped)
    kept: list[int] = []
    after_item = False  # the last line with text was a list item
    for i, clean in enumerate(stripped):
        if clean not in _EMPTY_ITEM_MARKS:
            kept.append(i)
            if clean:
                after_item = clean[0] in _BULLET_START and _BULLET_RE.match(clean) is not None
        elif not after_item:
            kept.append(i)
    blocks = _segment_lines([raw_lines[i] for i in kept], [stripped[i] for i in kept])
    return [replace(b, n=kept[b.n - 1] + 1) for b in blocks]  # (the lines' own numbers)


#: A line holding only an unordered list's mark.
_EMPTY_ITEM_RE = re.compile(r"^[ \t]*[*+•·▪►▸‣◦○●■□-][ \t]*$", re.MULTILINE)
_EMPTY_ITEM_MARKS = frozenset("*+•·▪►▸‣◦○●■□-")


def _segment_lines(raw_lines: list[str], stripped: list[str]) -> list[Block]:
    """One block per non-blank line (``stripped``: the lines without their ends' spaces)."""
    blocks: list[Block] = []
    rows: list[int] = []  # each block's place in raw_lines
    count = len(raw_lines)
    bullet_start = _BULLET_START
    columns: list[int] = []
    for i, clean in enumerate(stripped):
        if not clean:
            continue
        raw = raw_lines[i]
        gaps = 0
        if "  " in clean or not clean.isprintable():
            if "  " in clean or "\t" in clean:
                gaps = len(_COLUMN_GAP_RE.findall(clean))
            clean = collapse(clean)
        columns.append(gaps)
        rows.append(i)
        bullet = ""
        if clean[0] in bullet_start:
            match = _BULLET_RE.match(clean)
            if match is not None:
                bullet = match.group(1)
                clean = clean[match.end() :]
        blocks.append(
            Block(
                i + 1,
                clean,
                i == 0 or not stripped[i - 1],
                i == count - 1 or not stripped[i + 1],
                _indent(raw) if raw[0] in " \t" else 0,
                bullet,
            )
        )
    # a preformatted block keeps its indent on its blank lines: a gap of only such
    # lines (spaces, no line left empty) goes on inside the block
    soft = [False] * len(blocks)
    for k in range(1, len(blocks)):
        gap = raw_lines[rows[k - 1] + 1 : rows[k]]
        soft[k] = bool(gap) and all(gap)
    return _mark_tables(_mark_grid(_mark_listings(blocks, soft), soft, columns))


#: Cells of a table row laid out in columns: text, then two spaces or more (or a tab).
_COLUMN_GAP_RE = re.compile(r"(?<=\S)(?:[ \t]{2,}|\t)(?=\S)")
#: A table laid out in columns: at least this many rows in a row...
GRID_MIN_ROWS = 3
#: ... each with at least this many gaps between columns.
GRID_MIN_GAPS = 2


def _mark_grid(blocks: list[Block], soft: list[bool], columns: list[int]) -> list[Block]:
    """Mark the rows of a table a renderer laid out in columns (``hint="pre"``).

    A renderer that keeps a table's layout pads its cells to the columns' widths:
    each row is a line with wide gaps between its cells, and rows follow each other
    with no blank line between (or only lines of padding). Like a listing, the table
    stands inside the text, which goes on after it.
    """
    n = len(blocks)
    i = 0
    while i < n:
        if columns[i] < GRID_MIN_GAPS or blocks[i].bullet:
            i += 1
            continue
        j = i + 1
        while (
            j < n
            and columns[j] >= GRID_MIN_GAPS
            and not blocks[j].bullet
            and (not blocks[j].blank_before or soft[j])
        ):
            j += 1
        if j - i >= GRID_MIN_ROWS:
            for k in range(i, j):
                if not blocks[k].hint:
                    blocks[k] = replace(blocks[k], hint="pre")
        i = j
    return blocks


#: A listing (a code block, a preformatted table) rendered as text has at least this
#: many lines.
LISTING_MIN_LINES = 3
#: Code or table punctuation: a listing has a line with some (a paragraph set out in
#: lines by breaks, a form's fields or a menu need not).
_LISTING_MARK_RE = re.compile(r"[=(){}\[\]<>#$\\;|│─]")
#: A numbered list's item ("1. ", "12) "): a list, not a listing.
_NUMBERED_RE = re.compile(r"\d{1,3}[.)]\s")


def _mark_listings(blocks: list[Block], soft: list[bool] | None = None) -> list[Block]:
    """Mark the lines of a listing in plain text set out by indentation (``hint="pre"``).

    A renderer that keeps a page's layout separates paragraphs with blank lines and
    prints a code block or a preformatted table as lines with none between them,
    indented deeper than the paragraph before it. Such a run of lines (none a list
    item, most not ending a sentence, some with code or table punctuation) is a
    listing: the article's text goes on after it, however long it is. A listing may
    hold blank lines: a run right after one that stays deeper than the paragraph
    before the listing goes on with it. ``soft`` marks the lines whose gap above is
    only padding (spaces to the block's indent, as such a renderer prints a blank
    line inside a code block): the run goes on across it.
    """
    n = len(blocks)
    if soft is None:
        soft = [False] * n
    floor = -1  # the indent of the paragraph before the current listing (-1: none)
    i = 1
    while i < n:
        j = i + 1
        while j < n and (not blocks[j].blank_before or soft[j]):
            j += 1
        if floor < 0 or blocks[i - 1].hint != "pre":
            floor = blocks[i - 1].indent
            strict = True
            if blocks[i].indent <= floor or j - i < LISTING_MIN_LINES:
                floor = -1
                i = j
                continue
        else:
            strict = False
        run = blocks[i:j]
        listing = (
            all(x.indent > floor and not x.bullet for x in run)
            and sum(1 for x in run if x.text.endswith((".", "!", "?", "…"))) * 2 < len(run)
            and (
                not strict
                or (
                    len(run) >= LISTING_MIN_LINES
                    and sum(1 for x in run if _LISTING_MARK_RE.search(x.text)) * 3 >= len(run)
                    and not any(_NUMBERED_RE.match(x.text) for x in run)
                )
            )
        )
        if listing:
            for k in range(i, j):
                blocks[k] = replace(blocks[k], hint="pre")
        else:
            floor = -1
        i = j
    return blocks


#: A table printed one cell or one row a line: at least this many short lines in a row...
TABLE_MIN_LINES = 6
#: ... of at most this many words, not ending a sentence...
TABLE_CELL_WORDS = 8
#: ... and at least this share of them rows of figures (see :func:`_figure_line`; a
#: chart's axis labels, one figure a line, are no table of the text).
TABLE_FIGURE_SHARE = 0.6
_FIGURE_RE = re.compile(r"\d")
_FIGURE_WORD_RE = re.compile(r"(?:^| )[^ \d]*\d")
_CELL_ENDS = (".", "!", "?", "…", ":")
_NUMBERED_START_RE = re.compile(r"#?\d{1,3}(?:\.\d{1,2}){0,3}[.)]?\s+[^\W\d]")


def _figure_line(text: str) -> bool:
    """A table's row of figures: two or more of its words, and a third at least, hold a
    digit ("Northam 12 400 +3.1%"; not "Topic 12"), and it does not open with a list's
    or a section's number ("3. Title", "2.1 Title")."""
    if _FIGURE_RE.search(text) is None or _NUMBERED_START_RE.match(text):
        return False
    # (words holding a digit: one match each; a block's words are single-spaced)
    figures = len(_FIGURE_WORD_RE.findall(text))
    return figures >= 2 and figures * 3 >= text.count(" ") + 1


def _mark_tables(blocks: list[Block]) -> list[Block]:
    """Mark the lines of a table of figures printed as text (``hint="pre"``).

    A scrape prints a table one row or one cell a line, with no blank line between
    them: a run of short lines (no sentence ends, no list items), most of them
    holding a figure. Like a code block, it stands inside the text, which goes on
    after it however long it is.
    """
    # (a block's text has single spaces between its words)
    cell = [
        b.text.count(" ") < TABLE_CELL_WORDS and not b.text.endswith(_CELL_ENDS) and not b.bullet
        for b in blocks
    ]
    n = len(blocks)
    i = 0
    while i < n:
        if not cell[i]:
            i += 1
            continue
        j = i + 1
        while j < n and cell[j] and not blocks[j].blank_before:
            j += 1
        if j - i >= TABLE_MIN_LINES:
            run = blocks[i:j]
            figures = sum(1 for b in run if _figure_line(b.text))
            if figures >= TABLE_FIGURE_SHARE * len(run):
                for k in range(i, j):
                    if not blocks[k].hint:
                        blocks[k] = replace(blocks[k], hint="pre")
        i = j
    return blocks


def _resolve(url: str, base_url: str | None) -> str:
    if base_url and not re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]{0,20}:", url):
        try:
            return urljoin(base_url, url)
        except ValueError:
            return url
    return url


def _md_inline(line: str, base_url: str | None) -> tuple[str, list[Link], int, int]:
    """Strip inline Markdown from a line: (text, links, link characters, images)."""
    images = 0

    def image(match: re.Match[str]) -> str:
        nonlocal images
        images += 1
        return ""  # the alt text of an inline image is not reading text

    line = _MD_IMAGE_RE.sub(image, line)
    links: list[Link] = []
    link_chars = 0
    last_end, last_char = -1, ""  # where the link before ended, its label's last letter

    def link(match: re.Match[str]) -> str:
        nonlocal link_chars, last_end, last_char
        label = collapse(match.group(1))
        url = match.group(2) or match.group(3) or ""
        if not label:
            return label
        start, end = match.span()
        glued = start == last_end and (
            (last_char.islower() and (label[0].isupper() or label[0].isdigit()))
            or (last_char.isdigit() and label[0].isupper())
        )
        last_end, last_char = end, label[-1]
        plain = _plain(label)  # a link's text without its emphasis ("[**Name**](...)")
        links.append(Link(text=plain, url=_resolve(url, base_url)))
        link_chars += len(plain)
        # converters drop the space between a word and a link after it ("Veröffentlicht
        # von[Chris Jung](...)"), before it ("...](/date)Author") and between two links
        # ("[Vera Kalt](/a)[RSS feed](/r)"): a capital or a digit after a small letter
        # starts a new word, and so does a capital after a small letter or a digit
        before = match.string[start - 1] if start else ""
        if (
            before.isalpha() and before.islower() and (label[0].isupper() or label[0].isdigit())
        ) or glued:
            label = " " + label
        after = match.string[end : end + 1]
        if after.isalpha() and after.isupper() and (label[-1].islower() or label[-1].isdigit()):
            label += " "
        return label

    # Links may hold an image as their label ("[![alt](img)](url)"): images went first.
    line = _MD_LINK_RE.sub(link, line)
    line = _MD_REFLINK_RE.sub(lambda m: m.group(1), line)

    def autolink(match: re.Match[str]) -> str:
        nonlocal link_chars
        url = match.group(1)
        links.append(Link(text=url, url=url))
        link_chars += len(url)
        return url

    line = _MD_AUTOLINK_RE.sub(autolink, line)
    line = _MD_CODE_RE.sub(lambda m: m.group(1), line)
    line = _plain(line)
    if "**" in line or "__" in line:
        line = _unpaired_marks(line)
    line = _HTML_TAG_RE.sub(" ", line)
    line = _MD_ESCAPE_RE.sub(lambda m: m.group(1), line)
    return collapse(line), links, link_chars, images


def _plain(text: str) -> str:
    """Text without Markdown emphasis marks."""
    if "*" not in text and "_" not in text:
        return text
    text = _MD_STRONG_RE.sub(lambda m: m.group(2), text)
    return _MD_EM_RE.sub(lambda m: m.group(1) or m.group(2) or "", text)


def _unpaired_marks(text: str) -> str:
    """A line without the emphasis marks left open at its start or its end: a converter
    writes bold or italic text that holds a line break over two lines ("**Topic: the
    tasting" / "*of twelve whiskies*.**"), each with one half of the pair."""
    stripped = text.strip()
    if stripped in ("**", "__", "***", "___"):
        return ""  # (a line break alone in bold: both halves of an empty pair)
    start = _MD_OPEN_MARKS_RE.match(stripped)
    if start is not None:
        marks = start.group(0)
        rest = stripped[len(marks) :]
        if marks[0] * 2 not in rest:  # (else a pair closes further on)
            stripped = rest
            if len(marks) == 3 and _MD_CLOSE_MARK_RE.search(rest):
                stripped = rest[:-1]  # "***Bold, italic part*" / "and bold part**"
    end = _MD_CLOSE_MARKS_RE.search(stripped)
    if end is not None and stripped[-1] * 2 not in stripped[: end.start()]:
        stripped = stripped[: end.start()]
    return stripped


def _heading_text(rest: str) -> str:
    """An ATX heading's text without its optional closing run of "#" ("## Title ##")."""
    trimmed = rest.rstrip("#")
    if trimmed != rest and (not trimmed or trimmed[-1] in " \t"):
        return trimmed.rstrip(" \t")
    return rest


def _open_label(line: str) -> bool:
    """Whether a line opens a link label it does not close ("* [![logo](a.png)")."""
    if "[" not in line:
        return False
    rest = _MD_LINK_RE.sub("", _MD_IMAGE_RE.sub("", line))
    return _MD_OPEN_LABEL_RE.search(rest) is not None


def _masked(line: str) -> str:
    """The line with its complete images and links blanked out (same length)."""
    line = _MD_IMAGE_RE.sub(lambda m: "\x00" * len(m.group(0)), line)
    return _MD_LINK_RE.sub(lambda m: "\x00" * len(m.group(0)), line)


def _has_text(part: str) -> bool:
    return bool(_MD_LINK_RE.sub("", _MD_IMAGE_RE.sub("", part)).strip(" []#"))


def _join_split_labels(lines: list[str], spans: dict[int, int]) -> list[str]:
    """A link whose label runs over several lines (a converter's rendering of a link
    around a picture, a heading and a teaser) read as links line by line: each line of
    the label that holds text becomes a link to the same address, keeping its heading
    marks ("## Related" / "### The other story](/other)"). A label whose text is on one
    line only is joined onto its first line ("* [![logo](a.png)" / "Team](/team)"), the
    lines it took left blank so that every line keeps its number (``spans`` maps the
    first to the last)."""
    n = len(lines)
    i = 0
    while i < n:
        if not _open_label(lines[i]) or _MD_FENCE_RE.match(lines[i]):
            i += 1
            continue
        following = i
        for j in range(i + 1, min(n, i + MD_LABEL_MAX_LINES + 1)):
            if _MD_FENCE_RE.match(lines[j]):
                break
            close = _masked(lines[j]).find("](")
            if close < 0:
                continue
            target = re.match(_MD_TARGET, lines[j][close + 1 :])
            opener = _masked(lines[i]).rfind("[")
            if target is None or opener < 0 or "[" in _masked(lines[j])[:close]:
                break
            texts = [k for k in range(i + 1, j) if _has_text(lines[k])]
            first = lines[i][opener + 1 :]
            if _has_text(first) or texts:
                link = target.group(0)
                lines[i] = lines[i][:opener] + (
                    f"[{first.strip()}]{link}" if _has_text(first) else first
                )
                for k in texts:
                    heading = _MD_HEADING_RE.match(lines[k].strip())
                    marks = heading.group(0) if heading else ""
                    lines[k] = f"{marks}[{lines[k].strip()[len(marks) :]}]{link}"
                last = lines[j]
                indent = len(last) - len(last.lstrip())
                heading = _MD_HEADING_RE.match(last[indent:])
                marks = heading.group(0) if heading else ""
                label = last[indent + len(marks) : close].strip()
                lines[j] = f"{marks}[{label}]{last[close + 1 :]}"
                following = j  # (its line may open the next label: read it again)
            else:
                parts = [lines[i].strip()]
                parts += [_MD_HEADING_RE.sub("", part.strip()) for part in lines[i + 1 : j + 1]]
                lines[i] = " ".join(part for part in parts if part)
                for k in range(i + 1, j + 1):
                    lines[k] = ""
                spans[i] = max(j, spans.get(j, j))
                following = j + 1
            break
        i = following if following > i else i + 1
    return lines


#: A line that starts a block of its own in Markdown: a heading, a list item, a quote,
#: a fence, a table row, a setext underline or rule, an HTML tag.
_MD_BLOCK_START_RE = re.compile(
    r"^[ \t]{0,3}(?:#{1,6}(?:[ \t]|$)|[*+•·▪►▸‣◦○●■□-][ \t]|\d{1,9}[.)][ \t]|>|```|~~~|\||=+[ \t]*$"
    r"|-+[ \t]*$|\*[ \t]*\*[ \t]*\*[* \t]*$|_[ \t]*_[ \t]*_[_ \t]*$|<)"
)
#: A list item: a bullet or a number, then a space.
_MD_ITEM_RE = re.compile(r"^[ \t]*(?:[*+•·▪►▸‣◦○●■□-]|\d{1,9}[.)])[ \t]")
#: A block that starts inside a list item, indented as deep as the item's content: a
#: nested item, a heading, a quote or a table row ("    - 3.1 Sub-section" under "  + 3
#: Section"). It starts a line of its own too, however deep.
_MD_NESTED_START_RE = re.compile(
    r"^[ \t]*(?:#{1,6}(?:[ \t]|$)|[*+•·▪►▸‣◦○●■□-][ \t]|\d{1,9}[.)][ \t]|>|\|)"
)
#: Soft-wrapped paragraphs are joined only in a text that separates its blocks with
#: blank lines or block marks (at least this share of its lines ends a block: the next
#: line is blank, a list item, a heading...), as Markdown does, or
#: whose lines mostly run on into the next (MD_SOFT_WRAP_MIN_RUN_ON of the pairs of
#: lines inside a block, at least MD_SOFT_WRAP_MIN_PAIRS of them: the first line ends
#: in the middle of a sentence and the next goes on in lower case); a scrape written
#: one block a line keeps its lines.
MD_SOFT_WRAP_MIN_BREAKS = 0.3
MD_SOFT_WRAP_MIN_RUN_ON = 0.3
MD_SOFT_WRAP_MIN_PAIRS = 5
_SENTENCE_END_RE = re.compile(r"[.!?:;\"”»)\]]\s*$")


def _image_only(line: str) -> bool:
    """Whether a line holds a picture and no text: it stands apart from the text around it
    (a caption below it is the picture's, not the line's continuation)."""
    return "![" in line and not _MD_LINK_RE.sub("", _MD_IMAGE_RE.sub("", line)).strip(" []")


def _runs_on(lines: list[str], filled: list[bool]) -> bool:
    """Whether the lines inside blocks mostly break a sentence (a wrapped text)."""
    pairs = run_on = 0
    for k in range(len(lines) - 1):
        if not (filled[k] and filled[k + 1]) or _MD_BLOCK_START_RE.match(lines[k + 1]):
            continue
        pairs += 1
        following = lines[k + 1].lstrip()[:1]
        if following.islower() and not _SENTENCE_END_RE.search(lines[k]):
            run_on += 1
    return pairs >= MD_SOFT_WRAP_MIN_PAIRS and run_on >= pairs * MD_SOFT_WRAP_MIN_RUN_ON


#: Lines that would join into a paragraph but are a menu's or a selector's items, one a
#: line ("Deutsch" / "Français" / "English"): at least this many lines...
MD_MENU_MIN_LINES = 4
#: ... of at most this many words each, none going on in lower case.
MD_MENU_LINE_WORDS = 5


def _menu_lines(parts: list[str]) -> bool:
    """Whether lines that would join into one paragraph are rather a list written one
    item a line without marks (a selector's options, a menu's links): many short lines,
    none continuing a sentence in lower case."""
    return (
        len(parts) >= MD_MENU_MIN_LINES
        and all(part.count(" ") < MD_MENU_LINE_WORDS for part in parts)
        and not any(part[:1].islower() for part in parts[1:])
    )


def _join_soft_wraps(lines: list[str], spans: dict[int, int]) -> list[str]:
    """The lines of a paragraph joined onto its first line (Markdown reads a single line
    break inside a paragraph as a space: "Mitte Januar hat" / "[Strava](...)" / "ein
    Update..."); the lines it took are left blank, so that every line keeps its number.
    A hard break (two spaces or a backslash at the end) keeps its line. ``spans`` gets
    the first line of each joined paragraph mapped to its last."""
    filled = [bool(line.strip()) for line in lines]
    count = sum(filled)
    # a block ends at a blank line, or where the next line starts a block of its own (the
    # items of a tight list, a table's rows, a heading)
    ends = sum(
        1
        for k in range(len(lines) - 1)
        if filled[k]
        and (
            not filled[k + 1]
            or _MD_BLOCK_START_RE.match(lines[k + 1]) is not None
            or _MD_NESTED_START_RE.match(lines[k + 1]) is not None
        )
    )
    if count < 2:
        return lines
    if ends < count * MD_SOFT_WRAP_MIN_BREAKS and not _runs_on(lines, filled):
        return lines
    in_fence = False
    k = 0
    while k < len(lines):
        line = lines[k]
        if _MD_FENCE_RE.match(line):
            in_fence = not in_fence
        # a heading, a quote, a table row... stands alone; a list item takes the lines
        # that continue it
        alone = (
            _MD_BLOCK_START_RE.match(line) is not None
            or _MD_NESTED_START_RE.match(line) is not None
        ) and not _MD_ITEM_RE.match(line)
        if in_fence or not filled[k] or alone or _image_only(line):
            k += 1
            continue
        parts = [line.rstrip()]
        j = k + 1
        while (
            j < len(lines)
            and filled[j]
            and not _MD_BLOCK_START_RE.match(lines[j])
            and not _MD_NESTED_START_RE.match(lines[j])
            and not line.endswith(("  ", "\\"))
            and not _image_only(lines[j])
        ):
            parts.append(lines[j].strip())
            line = lines[j]
            j += 1
        if j > k + 1 and not _menu_lines(parts):
            lines[k] = " ".join(parts)
            for m in range(k + 1, j):
                lines[m] = ""
            spans[k] = j - 1
        k = j
    return lines


#: A table row of more than this many words is a page's layout, not a row of data: a
#: converter wrote a layout table, and the tables nested in it, as one row.
MD_LAYOUT_ROW_WORDS = 150
#: Where a layout row breaks into blocks: at a cell's pipe (with the dashes of a nested
#: table's separator row), and at the runs of spaces a converter leaves between the
#: paragraphs of a cell.
_LAYOUT_BREAK_RE = re.compile(r"[ \t]*\|[ \t]*|[ \t]{2,}")
_SEPARATOR_CELL_RE = re.compile(r"[-:]*")


def _is_layout_row(raw: str) -> bool:
    stripped = raw.lstrip()
    return (
        stripped.startswith("|")
        and stripped.count("|") >= 2
        and len(raw) > MD_LAYOUT_ROW_WORDS * 2
        and len(raw.split()) > MD_LAYOUT_ROW_WORDS
    )


def _layout_pieces(row: str) -> list[str]:
    """A layout row's cells and paragraphs, in order (links never split: the breaks are
    looked for with the links masked)."""
    masked = _masked(row)
    pieces: list[str] = []
    last = 0
    for match in _LAYOUT_BREAK_RE.finditer(masked):
        pieces.append(row[last : match.start()].strip())
        last = match.end()
    pieces.append(row[last:].strip())
    return [p for p in pieces if p and not _SEPARATOR_CELL_RE.fullmatch(p)]


def segment_markdown(text: str, base_url: str | None = None) -> list[Block]:
    """Blocks from a Markdown scrape: one per line, markup read as hints, links kept."""
    spans: dict[int, int] = {}  # a line that took the lines below it -> the last it took
    raw_lines = _join_split_labels(_join_soft_wraps(text.split("\n"), spans), spans)
    taken = {k for first, last in spans.items() for k in range(first + 1, last + 1)}
    count = len(raw_lines)
    blocks: list[Block] = []
    in_fence = False
    after_image = False  # an image-only line came just before (a caption may follow)

    def blank(i: int) -> bool:
        if i < 0 or i >= count:
            return True
        if i in taken:
            return False  # part of the line above it
        raw = raw_lines[i]
        return not raw.strip() or bool(_MD_RULE_RE.match(raw))

    def blank_after(i: int) -> bool:
        return blank(spans.get(i, i) + 1)

    for i, raw in enumerate(raw_lines):
        if _MD_FENCE_RE.match(raw):
            in_fence = not in_fence
            continue
        if not raw.strip():
            continue
        if in_fence:
            code = raw.rstrip()
            blocks.append(
                Block(
                    n=i + 1,
                    text=collapse(code),
                    blank_before=blank(i - 1),
                    blank_after=blank_after(i),
                    indent=_indent(raw),
                    hint="pre",
                )
            )
            continue
        if _MD_RULE_RE.match(raw) or _MD_TABLE_SEP_RE.match(raw) or _MD_REFDEF_RE.match(raw):
            continue
        setext = _MD_SETEXT_RE.match(raw)
        if (
            setext is not None
            and blocks
            and spans.get(blocks[-1].n - 1, blocks[-1].n - 1) == i - 1
            and not blocks[-1].hint
        ):
            prev = blocks[-1]
            level = "h1" if setext.group(1).startswith("=") else "h2"
            blocks[-1] = Block(
                n=prev.n,
                text=prev.text,
                blank_before=prev.blank_before,
                blank_after=blank_after(i),
                indent=prev.indent,
                bullet=prev.bullet,
                links=prev.links,
                link_chars=prev.link_chars,
                hint=level,
            )
            continue
        if _is_layout_row(raw):
            # a page laid out in a table: each cell and paragraph a block of its own
            for piece in _layout_pieces(raw):
                text_, links, link_chars, _images = _md_inline(piece, base_url)
                if text_:
                    blocks.append(
                        Block(
                            n=i + 1,
                            text=text_,
                            blank_before=True,
                            blank_after=True,
                            links=tuple(links),
                            link_chars=min(link_chars, len(text_)),
                        )
                    )
            after_image = False
            continue
        hint = ""
        line = raw
        item = _MD_ITEM_H1_RE.match(line.strip())
        if item is not None:
            line = line.strip()[item.end() :]  # the h1, without the item's mark
        heading = _MD_HEADING_RE.match(line.strip())
        if heading is not None:
            hint = f"h{len(heading.group(1))}"
            line = _heading_text(line.strip()[heading.end() :])
        elif (heading := _MD_LABEL_HEADING_RE.match(line.strip())) is not None:
            hint = f"h{len(heading.group(1))}"  # a heading inside a link ("[## Name](/a)")
            line = "[" + line.strip()[heading.end() :]
        quote = _MD_QUOTE_RE.match(line)
        if quote is not None:
            hint = hint or "quote"
            line = line[quote.end() :]
        indent = _indent(raw)
        stripped = line.strip()
        if stripped.startswith("|") and stripped.count("|") >= 2:
            line = " ".join(cell.strip() for cell in stripped.strip("|").split("|"))
            hint = hint or "td"
        bullet = ""
        match = _BULLET_RE.match(line.strip())
        if match is not None:
            bullet = match.group(1)
            line = line.strip()[match.end() :]
            hint = hint or "li"
        elif re.match(r"^\s*\d{1,3}[.)]\s+\S", line):
            hint = hint or "li"
        text_, links, link_chars, images = _md_inline(line, base_url)
        if not text_:
            after_image = after_image or images > 0
            continue
        if after_image and not hint and _MD_WHOLE_EMPHASIS_RE.match(line.strip()):
            hint = "figcaption"  # an emphasised line right below an image: its caption
        blocks.append(
            Block(
                n=i + 1,
                text=text_,
                blank_before=blank(i - 1),
                blank_after=blank_after(i),
                indent=indent,
                bullet=bullet,
                links=tuple(links),
                link_chars=min(link_chars, len(text_)),
                hint=hint,
                after_image=after_image,
            )
        )
        after_image = False
    return blocks
