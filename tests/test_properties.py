"""Properties of cleaning, checked with Hypothesis over generated input.

- Any text, any bytes: only :class:`~newsclean.errors.NewscleanError` may be
  raised, and it carries an exit code and a one-line message.
- Plain text: the title and every body paragraph are substrings of input lines
  (after the reader's normalisation, whitespace collapsed), and body
  paragraphs come in input order.
- Determinism: the same input gives the same JSON, also in other encodings,
  with other line endings, and in another process with another hash seed.
- Idempotence: cleaning the cleaned text keeps its long paragraphs.

Example counts come from a profile: ``ci`` (the default, 100 examples) or
``thorough`` (for scheduled runs), chosen with ``HYPOTHESIS_PROFILE``:

    HYPOTHESIS_PROFILE=thorough pytest tests/test_properties.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import Article, NewscleanError, Options
from newsclean.reader import decode, normalise
from newsclean.segment import collapse

#: CI runs a fixed set of examples (derandomized: a red CI is reproducible); the
#: thorough profile explores at random, 3,000 examples a property.
settings.register_profile(
    "ci",
    max_examples=100,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile(
    "thorough",
    max_examples=3000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("dev", max_examples=20, deadline=None)
#: The profile of this module's tests (registered here: conftest.py is shared).
PROFILE = settings.get_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

REPO_ROOT = Path(__file__).resolve().parent.parent


def _html_available() -> bool:
    try:
        import newsclean.html  # noqa: F401
    except ImportError:
        return False
    return True


FORMATS: list[str | None] = [None, "text", "markdown"] + (["html"] if _html_available() else [])


def clean_or_error(data: bytes | str, options: Options | None = None) -> Article | NewscleanError:
    """The article, or the NewscleanError raised; any other exception fails the test."""
    try:
        return newsclean.clean(data, options or Options())
    except NewscleanError as error:
        assert error.exit_code > 2
        assert str(error) and "\n" not in str(error)
        return error


def input_lines(text: str) -> list[str]:
    """The input's lines as the cleaner sees them: normalised, whitespace collapsed."""
    return [collapse(line) for line in normalise(text).split("\n")]


def assert_from_input_in_order(article: Article, text: str) -> None:
    lines = input_lines(text)
    if article.title is not None:
        assert any(article.title in line for line in lines), article.title
    position = -1
    for para in article.body:
        found = next((k for k in range(position + 1, len(lines)) if para in lines[k]), None)
        assert found is not None, f"body paragraph not found after line {position + 1}: {para!r}"
        position = found


def as_json(article: Article) -> str:
    doc = article.to_dict(explain=True)
    doc.pop("source")
    return json.dumps(doc, ensure_ascii=False, sort_keys=True)


# --- generated page-like documents ----------------------------------------------

VOCABULARY = (
    "the",
    "a",
    "of",
    "to",
    "and",
    "in",
    "that",
    "for",
    "on",
    "with",
    "as",
    "by",
    "from",
    "at",
    "about",
    "after",
    "before",
    "council",
    "city",
    "government",
    "minister",
    "police",
    "report",
    "water",
    "river",
    "school",
    "children",
    "families",
    "workers",
    "company",
    "market",
    "prices",
    "said",
    "says",
    "announced",
    "would",
    "could",
    "will",
    "has",
    "have",
    "had",
    "was",
    "were",
    "is",
    "are",
    "new",
    "old",
    "last",
    "next",
    "year",
    "week",
    "month",
    "monday",
    "tuesday",
    "plan",
    "money",
    "road",
    "bridge",
    "hospital",
    "court",
    "decision",
    "vote",
    "election",
    "people",
    "region",
    "village",
    "storm",
    "flood",
    "damage",
)
NAMES = ("Anna", "Jane", "Peter", "Karim", "Sofia", "Lee", "Smith", "Müller", "Dubois", "Nowak")
MENU = (
    "Home",
    "World",
    "Politics",
    "Business",
    "Sport",
    "Culture",
    "Opinion",
    "Sign in",
    "Subscribe",
    "Search",
    "Menu",
    "Newsletter",
)
SHARE = (
    "Share on Facebook",
    "Share on Twitter",
    "Share this article",
    "Copy link",
    "Email",
    "Print",
    "Comments",
)
FOOTER = (
    "Privacy policy",
    "Terms of use",
    "Imprint",
    "Contact us",
    "Cookie settings",
    "© 2024 The Daily Example",
)
RELATED = ("Related", "Read more", "More on this story", "Most read")


@st.composite
def sentences(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(VOCABULARY), min_size=5, max_size=18))
    words[0] = words[0].capitalize()
    return " ".join(words) + draw(st.sampled_from(".!?."))


paragraphs = st.lists(sentences(), min_size=1, max_size=6).map(" ".join)
headlines = st.lists(st.sampled_from(VOCABULARY), min_size=3, max_size=10).map(
    lambda words: " ".join(words).capitalize()
)


@st.composite
def pages(draw: st.DrawFn) -> str:
    """A page-like plain-text document: menu, header, paragraphs, share line, related list."""
    bullet = draw(st.sampled_from(["", "- ", "* ", "• "]))
    lines: list[str] = [bullet + item for item in draw(st.lists(st.sampled_from(MENU), max_size=7))]
    lines.append("")
    if draw(st.booleans()):
        lines += [draw(headlines), ""]
    if draw(st.booleans()):
        names = draw(st.lists(st.sampled_from(NAMES), min_size=1, max_size=3))
        lines.append("By " + " ".join(names))
    if draw(st.booleans()):
        day, month = draw(st.integers(1, 28)), draw(st.integers(1, 12))
        dates = [f"{day:02d}.{month:02d}.2024", f"2024-{month:02d}-{day:02d}"]
        lines.append(draw(st.sampled_from(dates)))
    blank = draw(st.booleans())
    for para in draw(st.lists(paragraphs, max_size=8)):
        lines.append(para)
        if blank:
            lines.append("")
        if draw(st.integers(0, 9)) == 0:
            lines += [draw(st.sampled_from(SHARE)), ""]
    lines += list(draw(st.lists(st.sampled_from(SHARE), max_size=3)))
    if draw(st.booleans()):
        lines += ["", draw(st.sampled_from(RELATED))]
        lines += [bullet + h for h in draw(st.lists(headlines, min_size=1, max_size=5))]
    lines += ["", *draw(st.lists(st.sampled_from(FOOTER), max_size=4))]
    indent = draw(st.sampled_from(["", "", "  ", "\t"]))
    return "\n".join(indent + line if line else line for line in lines) + "\n"


#: Pages with a little noise: arbitrary lines mixed in.
noisy_pages = st.tuples(pages(), st.lists(st.text(max_size=80), max_size=4), st.randoms()).map(
    lambda t: _mix_lines(t[0], t[1], t[2])
)


def _mix_lines(page: str, extra: list[str], rng: object) -> str:
    lines = page.split("\n")
    for line in extra:
        lines.insert(rng.randrange(len(lines) + 1), line)  # type: ignore[attr-defined]
    return "\n".join(lines)


# --- never an unexpected exception ----------------------------------------------


#: Any code point, lone surrogates included (a str made with errors="surrogateescape").
any_text = st.text(st.characters(exclude_categories=()))


@PROFILE
@given(text=any_text, fmt=st.sampled_from(FORMATS))
def test_any_text_is_cleaned_or_refused(text: str, fmt: str | None) -> None:
    outcome = clean_or_error(text, Options(input_format=fmt))  # type: ignore[arg-type]
    if isinstance(outcome, Article):
        for name in newsclean.RENDERERS:
            newsclean.render(outcome, name, explain=True).encode("utf-8")  # always writable


@PROFILE
@given(data=st.binary(), fmt=st.sampled_from(FORMATS))
def test_any_bytes_are_cleaned_or_refused(data: bytes, fmt: str | None) -> None:
    clean_or_error(data, Options(input_format=fmt))  # type: ignore[arg-type]


@PROFILE
@given(text=noisy_pages, fmt=st.sampled_from(FORMATS))
def test_noisy_pages_are_cleaned_or_refused(text: str, fmt: str | None) -> None:
    clean_or_error(text.encode("utf-8"), Options(input_format=fmt))  # type: ignore[arg-type]


@PROFILE
@given(
    text=st.text(alphabet=st.sampled_from("[]()!*_#>|-`<\\ \n\taé"), max_size=300),
)
def test_markdown_punctuation_soup_is_cleaned_or_refused(text: str) -> None:
    clean_or_error(text, Options(input_format="markdown"))


# --- output comes from the input, in order ---------------------------------------


@PROFILE
@given(text=any_text)
def test_text_output_comes_from_input_lines(text: str) -> None:
    outcome = clean_or_error(text, Options(input_format="text"))
    if isinstance(outcome, Article):
        assert_from_input_in_order(outcome, text)


@PROFILE
@given(data=st.binary())
def test_bytes_output_comes_from_decoded_input_lines(data: bytes) -> None:
    outcome = clean_or_error(data, Options(input_format="text"))
    if isinstance(outcome, Article):
        text, _encoding = decode(data)
        assert_from_input_in_order(outcome, text)


@PROFILE
@given(text=pages())
def test_page_output_comes_from_input_lines_in_order(text: str) -> None:
    outcome = clean_or_error(text, Options(input_format="text"))
    assume(isinstance(outcome, Article))
    assert isinstance(outcome, Article)
    assert_from_input_in_order(outcome, text)
    assert not set(outcome.body) & set(FOOTER)


@PROFILE
@given(text=noisy_pages)
def test_noisy_page_output_comes_from_input_lines_in_order(text: str) -> None:
    outcome = clean_or_error(text, Options(input_format="text"))
    if isinstance(outcome, Article):
        assert_from_input_in_order(outcome, text)


# --- determinism --------------------------------------------------------------------


@PROFILE
@given(text=pages())
def test_same_input_same_json(text: str) -> None:
    first, second = clean_or_error(text), clean_or_error(text)
    if isinstance(first, Article):
        assert isinstance(second, Article)
        assert as_json(first) == as_json(second)
    else:
        assert type(first) is type(second) and str(first) == str(second)


@PROFILE
@given(
    text=pages(),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom"]),
    ending=st.sampled_from(["\n", "\r\n", "\r"]),
)
def test_encoding_and_line_endings_do_not_change_the_article(
    text: str, encoding: str, ending: str
) -> None:
    variant = text.replace("\n", ending)
    if encoding == "utf-16-be-bom":
        data = b"\xfe\xff" + variant.encode("utf-16-be")
    else:
        data = variant.encode(encoding)
    reference = clean_or_error(text)
    outcome = clean_or_error(data)
    if isinstance(reference, Article):
        assert isinstance(outcome, Article)
        assert as_json(outcome) == as_json(reference)
    else:
        assert type(outcome) is type(reference)


def test_same_page_same_json_across_processes(tmp_path: Path) -> None:
    """Set and dict order must not leak into the output: another hash seed, same JSON."""
    sys.path.insert(0, str(REPO_ROOT))
    from benchmarks.pathological import article_page

    page = tmp_path / "page.txt"
    page.write_text(article_page(6000), encoding="utf-8")
    outputs = set()
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONIOENCODING="utf-8")
        proc = subprocess.run(
            [sys.executable, "-m", "newsclean", "clean", "-f", "json", "--explain", str(page)],
            capture_output=True,
            env=env,
            timeout=120,
            check=False,
        )
        assert proc.returncode == 0, proc.stderr
        outputs.add(proc.stdout)
    assert len(outputs) == 1


# --- idempotence ---------------------------------------------------------------------

#: A body paragraph of at least this many words is "long".
LONG_WORDS = 25


#: Corpus pages the idempotence test reads (every n-th, for a spread of sites).
CORPUS_SAMPLE = 60


def lost_on_recleaning(first: Article) -> tuple[list[str], list[str]]:
    """The first body's long paragraphs, and those that cleaning its text again loses."""
    long = [p for p in first.body if len(p.split()) >= LONG_WORDS]
    cleaned = "\n\n".join(([first.title] if first.title else []) + list(first.body)) + "\n"
    second = clean_or_error(cleaned)
    assert isinstance(second, Article)
    return long, [p for p in long if p not in second.body]


@settings(PROFILE, phases=[Phase.explicit, Phase.reuse, Phase.generate])  # no slow shrinking
@given(text=pages())
def test_cleaning_the_cleaned_text_keeps_its_long_paragraphs(text: str) -> None:
    first = clean_or_error(text)
    assume(isinstance(first, Article))
    assert isinstance(first, Article)
    assume(sum(len(p.split()) >= LONG_WORDS for p in first.body) >= 3)
    long, missing = lost_on_recleaning(first)
    assert not missing, f"{len(missing)} of {len(long)} long paragraphs lost: {missing[0]!r}"


@pytest.mark.corpus
def test_cleaning_cleaned_corpus_pages_keeps_their_long_paragraphs(corpus_dir: Path) -> None:
    files = sorted(corpus_dir.rglob("htmltext.txt")) + sorted(corpus_dir.rglob("inscriptis.txt"))
    if not files:
        pytest.skip(f"no text scrapes under {corpus_dir}")
    step = max(1, len(files) // CORPUS_SAMPLE)
    checked = 0
    failures: list[str] = []
    for path in files[::step]:
        first = clean_or_error(path.read_bytes())
        if not isinstance(first, Article):
            continue
        long, missing = lost_on_recleaning(first)
        if len(long) < 3:
            continue
        checked += 1
        if missing:
            failures.append(f"{path.parent.name}/{path.name}: lost {len(missing)} of {len(long)}")
    assert checked, "no sampled page had 3 long paragraphs"
    assert not failures, "\n".join(failures)


@given(st.lists(st.integers(0, 1), max_size=40), st.integers(0, 12), st.integers(0, 12))
def test_window_counts_match_counting_each_window(
    flags: list[int], before: int, after: int
) -> None:
    from newsclean.features import _window_counts

    n = len(flags)
    expected = [sum(flags[max(0, i - before) : i + after + 1]) - flags[i] for i in range(n)]
    assert _window_counts(flags, before, after) == expected
