"""Helpers rewritten for speed give what their plain versions give, on generated input.

Each test checks a fast helper against the plain computation it replaces (or, for
the format sniffer's quick checks, the fact they rely on), with Hypothesis.
"""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from newsclean.features import (
    _SEPARATORS_RE,
    _UPPER_CLASS,
    STEM,
    _max_around,
    count_capitalised,
    count_separators,
    document_facts,
    line_facts,
)
from newsclean.languages import _SCRIPTS, PhraseMatcher, load, script_chars, tokens
from newsclean.metadata import _HONORIFICS, _prefix_re, leading_name
from newsclean.model import Block
from newsclean.patterns import (
    _CREDIT_SUFFIX_RE,
    _may_hold_copyright,
)
from newsclean.reader import _MD_EMPHASIS_RE, _MD_HEADING_RE, _MD_LINK_RE, sniff_format
from newsclean.revise import _holders_and_held, _no_list_item_before


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
def test_sniff_formats_quick_checks_skip_only_patterns_that_find_nothing(text: str) -> None:
    # sniff_format runs each Markdown pattern only when the text holds its character
    if "[" not in text:
        assert not _MD_LINK_RE.findall(text)
    if "#" not in text:
        assert not _MD_HEADING_RE.findall(text)
    if "**" not in text and ">" not in text:
        assert not _MD_EMPHASIS_RE.findall(text)
    assert sniff_format(text) in ("text", "markdown", "html")


#: Lines from a few words, so that lines often hold one another.
_LINE = st.lists(
    st.sampled_from(["news", "News", "new", "s", "local news", "today", "2", "-", ""]),
    min_size=1,
    max_size=5,
).map(lambda words: " ".join(w for w in words if w))


@given(st.lists(_LINE, max_size=14))
def test_holders_and_held_match_comparing_every_pair(texts: list[str]) -> None:
    holders, held = _holders_and_held(texts)
    for t in texts:
        others = [o for o in texts if o and o != t]
        assert (t in holders) == any(len(o) < len(t) and o in t for o in others)
        assert (t in held) == any(len(t) < len(o) and t in o for o in others)


@given(st.lists(st.booleans(), min_size=1, max_size=14), st.data())
def test_no_list_item_before_matches_scanning_each_line(
    bullets: list[bool], data: st.DataObject
) -> None:
    blocks = [Block(n=k + 1, text="x", bullet="*" if b else "") for k, b in enumerate(bullets)]
    n = len(blocks)
    idx = sorted(data.draw(st.sets(st.integers(0, n - 1), max_size=n)))
    lead = data.draw(st.integers(0, n))
    expected = [not any(blocks[j].bullet for j in range(i + 1, max(i + 1, lead))) for i in idx]
    assert _no_list_item_before(blocks, idx, lead) == expected


#: Capitals, small letters, every kind of white space and the separators' characters.
_SHAPE_TEXT = st.text(
    alphabet=st.sampled_from([*"aAzZéÉßΩωЯя1 ", *"\t\n\xa0\u2003\x1c", *"|»›•·>-–—:,."]),
    max_size=30,
)


@given(_SHAPE_TEXT)
def test_count_capitalised_counts_capitals_after_no_other_character(text: str) -> None:
    assert count_capitalised(text) == len(re.findall(rf"(?<!\S){_UPPER_CLASS}", text))


@given(_SHAPE_TEXT)
def test_count_separators_counts_what_the_full_pattern_finds(text: str) -> None:
    assert count_separators(text) == len(_SEPARATORS_RE.findall(text))


_PHRASES = {"share": ["share", "share this", "=more"], "related": ["read more", "more from"]}
_WORDS = st.lists(st.sampled_from(["share", "this", "read", "more", "from", "the", "x"]))


@given(_WORDS)
def test_phrase_matcher_finds_nothing_without_a_phrases_first_word(words: list[str]) -> None:
    # match() returns at once for such lines, before scanning them
    covered, cats = PhraseMatcher(_PHRASES).match(words)
    assert covered == sum(cats.values())
    if not {"share", "read", "more"} & set(words):
        assert (covered, cats) == (0, {})


_FACTS_TEXT = st.lists(
    st.sampled_from(["Die", "die", "Zeit", "und", "der", "Tag", "2024", "ab", "Menü", "—"]),
    max_size=8,
).map(" ".join)


@given(st.lists(_FACTS_TEXT, max_size=8))
def test_document_facts_of_repeated_lines_are_those_of_each_line(texts: list[str]) -> None:
    lang = load("de")
    facts = document_facts([Block(n=k + 1, text=t) for k, t in enumerate(texts)], lang)
    for t, f in zip(texts, facts, strict=True):
        toks = tokens(t)
        assert f.stop == sum(1 for tok in toks if tok in lang.stopwords)
        assert f.content == tuple(
            tok[:STEM]
            for tok in toks
            if len(tok) >= 3 and tok not in lang.stopwords and not tok.isdigit()
        )
        assert f.dup == sum(1 for o in texts if o.lower() == t.lower())
        alone = line_facts(t, lang)
        alone.dup, alone.prose = f.dup, f.prose
        assert f == alone


#: Pieces of captions: credit words, agencies, the characters the credit markers
#: look for, and letters that match others ignoring case ("ı", "ſ", "K" for Kelvin).
_CAPTION_TEXT = st.lists(
    st.sampled_from(
        [
            *("Foto", "foto", "FOTO", "Photo credit", "Bild", "bıld", "Quelle", "dpa", "AFP"),
            *("Getty Images", "Reuters", "ANNA BERG", "Anna", "files", "text", "x"),
            *(" ", "  ", "\t", "\n", "\xa0", ":", " :", ".", ". ", "/", " / ", "(", ")", "["),
            *("!", "…", "»", "”", '"', "©", "(c)", "CoPyRiGhT", "copyrıght", "ſ", "\u212a"),
        ]
    ),
    max_size=24,
).map("".join)


@given(_CAPTION_TEXT)
def test_copyright_hint_misses_no_copyright_mark(text: str) -> None:
    if _CREDIT_SUFFIX_RE.search(text) is not None:
        assert _may_hold_copyright(text)


#: Words of bylines: known given names, honorifics, particles, roles, common words.
_NAME_WORDS = st.lists(
    st.sampled_from(
        [
            *("Anna", "Max", "Berg", "Muster", "von", "de", "Dr.", "Prof.", "Mr", "Redakteur"),
            *("Staff", "Writer", "Die", "Polizei", "am", "3.", "Mai", "2022", "Anna,", "(dpa)"),
            *("Berlin", "Online", "McDonald", "R.C.", "W.", "Follow", "zu"),
        ]
    ),
    max_size=7,
)


@given(_NAME_WORDS, st.sampled_from(["de", "en"]))
def test_leading_name_without_prefix_is_the_prefixed_one_with_a_known_first_name(
    words: list[str], code: str
) -> None:
    # without a prefix, leading_name gives up at the first word that is no given name;
    # with one it reads on: the same name when that name starts with a given name
    lang = load(code)
    prefixed = leading_name(words, lang, after_prefix=True)
    names = [t for t in (prefixed or "").split() if t.lower() not in _HONORIFICS]
    known = len(names) >= 2 and names[0].lower() in lang.given_names
    expected = prefixed if known else None
    assert leading_name(words, lang, after_prefix=False) == expected


_BYLINE_TEXT = st.lists(
    st.sampled_from(["Von", "von", "VON", "By", "by", "Autor:", "Text & Fotos:", "Anna", "ı"]),
    max_size=6,
).map(" ".join)


@given(_BYLINE_TEXT, st.sampled_from(["de", "en", "fr"]))
def test_prefix_pattern_finds_what_it_finds_without_its_first_letter_check(
    text: str, code: str
) -> None:
    pattern = _prefix_re(load(code).byline_phrases)
    check = re.search(r"\(\?=\[[^]]*\]\)", pattern.pattern)
    assert check is not None
    plain = re.compile(pattern.pattern.replace(check.group(0), "", 1), re.I)
    found, expected = pattern.search(text), plain.search(text)
    assert (found and found.span()) == (expected and expected.span())
