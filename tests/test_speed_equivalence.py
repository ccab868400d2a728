"""Helpers rewritten for speed give what their plain versions give, on generated input.

Each test holds a straightforward reference implementation (the code as it was
before the rewrite) and checks the fast one against it with Hypothesis.
"""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from newsclean.features import _max_around, document_facts
from newsclean.languages import _SCRIPTS, load, script_chars
from newsclean.model import Block
from newsclean.reader import (
    _HTML_DOC_RE,
    _HTML_START_RE,
    _HTML_TAG_RE,
    _MD_EMPHASIS_RE,
    _MD_HEADING_RE,
    _MD_LINK_RE,
    MIN_MARKUP_PERCENT,
    sniff_format,
)
from newsclean.revise import TITLE_FEATURES, Reviser


@given(st.lists(st.integers(0, 9), max_size=30), st.integers(1, 5))
def test_max_around_matches_the_max_of_each_window(values: list[int], k: int) -> None:
    before, after = _max_around(values, k, 10)
    for i in range(len(values)):
        assert before[i] == max(values[max(0, i - k) : i], default=10)
        assert after[i] == max(values[i + 1 : i + 1 + k], default=10)


#: Letters of every script told apart, and the characters just below and above them.
_SCRIPT_TEXT = st.text(
    alphabet=st.sampled_from(
        [
            *"abc ,.—“”ü",
            *("\u0dff", "\u0e00", "\u0e7f", "\u0e80", "\u303f", "\u3040", "\u30ff", "\u3400"),
            *("\u4dbf", "\u4dc0", "\u4e00", "\u9fff", "\uabff", "\uac00", "\ud7af", "\ud7b0"),
            *("\U0001f600", "\U0010ffff"),
        ]
    ),
    max_size=30,
)


@given(_SCRIPT_TEXT, st.sampled_from(sorted(_SCRIPTS)))
def test_script_chars_counts_the_characters_of_the_script(text: str, script: str) -> None:
    ranges = _SCRIPTS[script]
    bounds = [(ranges[k], ranges[k + 2]) for k in range(0, len(ranges), 3)]
    expected = sum(1 for ch in text if any(lo <= ch <= hi for lo, hi in bounds))
    assert script_chars(text, script) == expected


def _sniff_format_reference(text: str) -> str:
    """``sniff_format`` without its quick searches for each pattern's character."""
    head = text[:20000]
    if _HTML_START_RE.match(head) or _HTML_DOC_RE.search(head, 0, 1024):
        return "html"
    tags = _HTML_TAG_RE.findall(head)
    if len(tags) >= 10 and sum(map(len, tags)) * 100 >= len(head) * MIN_MARKUP_PERCENT:
        return "html"
    md_links = len(_MD_LINK_RE.findall(head))
    md_headings = len(_MD_HEADING_RE.findall(head))
    md_other = len(_MD_EMPHASIS_RE.findall(head))
    if md_links >= 2 or (md_headings >= 1 and md_links + md_other >= 1) or md_headings >= 3:
        return "markdown"
    return "text"


_MARKUP_TEXT = st.lists(
    st.sampled_from(
        [
            *("word", " ", "\n", "# ", "## Title", "[a](b)", "![x](y.png)", "[", "]", "(", ")"),
            *("**bold**", "*", "> ", ">", "#", "<p>", "</div>", "<", "\t"),
        ]
    ),
    max_size=40,
).map("".join)


@given(_MARKUP_TEXT)
def test_sniff_format_matches_running_every_pattern(text: str) -> None:
    assert sniff_format(text) == _sniff_format_reference(text)


def _relative_features_reference(
    self: SimpleNamespace, idx: list[int], rows: list[list[float]], lead: int
) -> None:
    """``Reviser._relative_features`` as first written: every candidate against every other."""
    at = TITLE_FEATURES.index("words found in the first paragraphs")
    top = max((r[at] for r in rows), default=0.0)
    texts = [" ".join(self.blocks[i].text.lower().split()) for i in idx]
    for k, row in enumerate(rows):
        t = texts[k]
        holds = held = False
        for j, other in enumerate(texts):
            if j == k or not other or other == t:
                continue
            if len(other) < len(t) and other in t:
                holds = True
            elif len(t) < len(other) and t in other:
                held = True
        row += [float(top > 0 and row[at] == top), float(holds), float(held)]
        shared = round(row[at] * len(self.facts[idx[k]].content))
        row.append(min(shared, 6) / 6)
    page = self._page_text
    where = set(idx)
    for k, row in enumerate(rows):
        i, t = idx[k], texts[k]
        f = self.facts[i]
        quoted = f.words >= 2 and page.count(t) > f.dup
        nxt = self.facts[i + 1] if i + 1 < len(self.facts) else None
        row += [
            float(quoted),
            float(i - 1 in where),
            float(i + 1 in where),
            float(nxt is not None and nxt.words > f.words),
            float(i - 1 in where and self.facts[i - 1].words < f.words),
            float(nxt is not None and nxt.words > f.words and nxt.end in (".", "!")),
        ]
    blocks, n = self.blocks, len(self.blocks)
    text_indent = blocks[lead].indent if 0 <= lead < n else 0
    for k, row in enumerate(rows):
        i = idx[k]
        b = blocks[i]
        nb = blocks[i + 1] if i + 1 < n else None
        row += [
            float(nb is not None and b.indent < nb.indent),
            float(b.indent < text_indent),
            float(b.indent > text_indent),
            float(i > 0 and bool(blocks[i - 1].bullet)),
            float(nb is not None and bool(nb.bullet)),
            float(not any(blocks[j].bullet for j in range(i + 1, max(i + 1, lead)))),
            float(next((c for c in b.text if c.isalpha()), "").islower()),
        ]


#: Lines from a few words, so that lines often hold one another.
_LINE = st.lists(
    st.sampled_from(["news", "News", "new", "s", "local news", "today", "2", "-"]),
    min_size=1,
    max_size=5,
).map(" ".join)
_PAGE = st.lists(
    st.tuples(_LINE, st.integers(0, 4), st.sampled_from(["", "", "*"])), min_size=1, max_size=14
)


@given(_PAGE, st.data())
def test_relative_features_match_comparing_every_pair(
    page: list[tuple[str, int, str]], data: st.DataObject
) -> None:
    blocks = [
        Block(n=k + 1, text=text, indent=indent, bullet=bullet)
        for k, (text, indent, bullet) in enumerate(page)
    ]
    n = len(blocks)
    view = SimpleNamespace(
        blocks=blocks,
        facts=document_facts(blocks, load("en")),
        _page_text="\n".join(" ".join(b.text.lower().split()) for b in blocks),
    )
    idx = sorted(data.draw(st.sets(st.integers(0, n - 1), max_size=n)))
    lead = data.draw(st.integers(0, n))
    at = TITLE_FEATURES.index("words found in the first paragraphs")
    shares = data.draw(
        st.lists(st.sampled_from([0.0, 0.5, 1.0]), min_size=len(idx), max_size=len(idx))
    )
    rows = [[0.0] * at + [share] for share in shares]
    expected = [list(row) for row in rows]
    Reviser._relative_features(view, idx, rows, lead)  # type: ignore[arg-type]
    _relative_features_reference(view, idx, expected, lead)
    assert rows == expected
