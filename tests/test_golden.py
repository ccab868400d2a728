"""Golden cases: every scraped page in ``fixtures/`` against the JSON a careful reader wrote.

Each case is ``fixtures/<name>.<txt|md>`` with ``fixtures/<name>.expected.json``
beside it (``Article.to_dict()`` without ``lines``, cleaned with the default
options). ``fixtures/html/`` holds another suite and is not read here.

The expected files are the specification, written by hand: a failure names
each field that differs, and for the body which paragraphs are missing or extra.

To see what the cleaner gives now, for review with ``git diff`` (never to make
a failing case pass without reading the diff)::

    NEWSCLEAN_UPDATE_GOLDENS=1 pytest tests/test_golden.py
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path
from typing import Any

import pytest

import newsclean
from newsclean.core import segment
from newsclean.reader import read

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = REPO_ROOT / "fixtures"
INPUT_SUFFIXES = (".txt", ".md")
UPDATE = os.environ.get("NEWSCLEAN_UPDATE_GOLDENS", "") not in ("", "0")
#: Fields of the JSON contract, in their order in ``Article.to_dict``.
FIELDS = (
    "title",
    "byline",
    "authors",
    "date",
    "language",
    "body",
    "captions",
    "credits",
    "related",
    "source",
)
_SHOW = 110  # characters of a paragraph shown in a diff


def _cases() -> list[Path]:
    return sorted(FIXTURES.glob("*.expected.json"))


def _input_of(expected: Path) -> Path:
    stem = expected.name[: -len(".expected.json")]
    found = [
        expected.with_name(stem + suffix)
        for suffix in INPUT_SUFFIXES
        if expected.with_name(stem + suffix).exists()
    ]
    assert len(found) == 1, f"{expected.name}: expected one input file {stem}.txt or {stem}.md"
    return found[0]


def _load(path: Path) -> dict[str, Any]:
    with path.open(encoding="utf-8") as fh:
        data: dict[str, Any] = json.load(fh)
    return data


def _dump(doc: dict[str, Any]) -> str:
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _short(text: Any) -> str:
    s = text if isinstance(text, str) else json.dumps(text, ensure_ascii=False)
    return s if len(s) <= _SHOW else s[: _SHOW - 1] + "…"


def _list_diff(name: str, expected: list[Any], actual: list[Any]) -> list[str]:
    """Missing and extra items of a list field, with their positions."""
    out: list[str] = []
    exp_keys = [json.dumps(x, ensure_ascii=False, sort_keys=True) for x in expected]
    act_keys = [json.dumps(x, ensure_ascii=False, sort_keys=True) for x in actual]
    matcher = difflib.SequenceMatcher(a=exp_keys, b=act_keys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        for k in range(i1, i2):
            out.append(f"  - missing {name}[{k}]: {_short(expected[k])}")
        for k in range(j1, j2):
            out.append(f"  + extra   {name}[{k}]: {_short(actual[k])}")
    return out


def compare(expected: dict[str, Any], actual: dict[str, Any]) -> list[str]:
    """Human-readable differences between two JSON documents (empty: equal)."""
    problems: list[str] = []
    missing = [k for k in expected if k not in actual]
    extra = [k for k in actual if k not in expected]
    if missing:
        problems.append(f"fields missing from the output: {missing}")
    if extra:
        problems.append(f"fields not in the expected file: {extra}")
    for field in [f for f in FIELDS if f in expected and f in actual] + [
        f for f in expected if f in actual and f not in FIELDS
    ]:
        want, got = expected[field], actual[field]
        if want == got:
            continue
        if isinstance(want, list) and isinstance(got, list):
            problems.append(f"{field}: {len(want)} expected, {len(got)} found")
            problems.extend(_list_diff(field, want, got))
        else:
            problems.append(f"{field}: expected {_short(want)}, found {_short(got)}")
    return problems


@pytest.mark.parametrize("expected_path", _cases(), ids=lambda p: p.name[: -len(".expected.json")])
def test_golden(expected_path: Path) -> None:
    source = _input_of(expected_path)
    article = newsclean.clean(source.read_bytes())
    actual = article.to_dict()
    if UPDATE:
        expected_path.write_text(_dump(actual), encoding="utf-8")
        return
    problems = compare(_load(expected_path), actual)
    if problems:
        pytest.fail(
            f"{source.name} differs from {expected_path.name}:\n" + "\n".join(problems),
            pytrace=False,
        )


# -- the fixtures themselves -------------------------------------------------------------------


def test_there_are_golden_cases() -> None:
    cases = _cases()
    assert len(cases) >= 9, f"only {len(cases)} golden cases in {FIXTURES}"
    assert (FIXTURES / "seed_de_euronews.expected.json") in cases


@pytest.mark.parametrize("expected_path", _cases(), ids=lambda p: p.name[: -len(".expected.json")])
def test_fixture_is_consistent_with_its_page(expected_path: Path) -> None:
    """An expected file only names text its page holds: the body is a sequence of the
    page's lines (as the segmenter reads them, markup removed), in order; titles,
    captions, credits and related titles are found on the page. This catches typing
    mistakes in hand-written expectations; it says nothing about the cleaner."""
    source = _input_of(expected_path)
    expected = _load(expected_path)
    assert list(expected) == list(FIELDS), f"{expected_path.name}: fields out of contract order"
    options = newsclean.Options()
    doc = read(source.read_bytes(), options)
    blocks, _ = segment(doc, options)
    lines = [b.text for b in blocks]
    page = "\n".join(lines)
    assert expected["source"] == {"name": None, "format": doc.format}

    position = 0
    for para in expected["body"]:
        assert para in lines[position:], f"body paragraph not a line of the page (in order): {para}"
        position = lines.index(para, position) + 1
    for key in ("title", "byline"):
        if expected[key] is not None:
            assert expected[key] in lines, f"{key} is not a line of the page: {expected[key]}"
    for name in expected["authors"]:
        assert expected["byline"] and name in expected["byline"], f"author {name} not in byline"
    for caption in expected["captions"]:
        assert caption["text"] in page, f"caption not on the page: {caption['text']}"
        if caption["credit"] is not None:
            assert caption["credit"] in page, f"caption credit not on the page: {caption['credit']}"
            assert caption["credit"] in expected["credits"], "a caption's credit is in credits"
    assert len(set(expected["credits"])) == len(expected["credits"]), "credits repeat"
    for credit in expected["credits"]:
        assert credit in page, f"credit not on the page: {credit}"
    links = [(link.text, link.url) for b in blocks for link in b.links]
    for item in expected["related"]:
        assert item["title"] in page, f"related title not on the page: {item['title']}"
        if item["url"] is not None:
            assert any(item["title"] in text and url == item["url"] for text, url in links), (
                f"no link {item['title']} -> {item['url']}"
            )
        elif doc.format == "markdown":
            pytest.fail(f"related item without url in a Markdown page: {item['title']}")
    if expected["date"] is not None:
        assert len(expected["date"]) == 10 and expected["date"][4] == "-", expected["date"]


def test_compare_reports_each_field() -> None:
    expected = {"title": "A", "body": ["one", "two", "three"], "credits": ["x"]}
    actual = {"title": "B", "body": ["one", "three", "four"], "credits": ["x"]}
    problems = compare(expected, actual)
    text = "\n".join(problems)
    assert "title: expected A, found B" in text
    assert "missing body[1]: two" in text
    assert "extra   body[2]: four" in text
    assert "credits" not in text
    assert compare(expected, expected) == []
    assert compare({"a": 1}, {"b": 1}) == [
        "fields missing from the output: ['a']",
        "fields not in the expected file: ['b']",
    ]
