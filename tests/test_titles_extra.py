"""Headline selection: a headline run together with a label, and page-title separators."""

from __future__ import annotations

import pytest

import newsclean
from newsclean.revise import _page_title_parts

_PARAS = [
    "Residents of the small harbour town voted on Sunday to keep the wooden ferry that "
    "has crossed the bay since 1962, rejecting a plan to replace it with a bridge.",
    "The council had argued that repairs were becoming too expensive, but more than two "
    "thirds of voters said the crossing was part of the character of the town.",
]


def _markdown_title(headline: str, h1: str) -> str | None:
    """The title of a Markdown page with ``headline`` as a line and ``h1`` below it."""
    page = "\n\n".join(["Home", headline, "By Anna Berg", f"# {h1}", *_PARAS]) + "\n"
    return newsclean.clean(page, newsclean.Options(input_format="markdown")).title


@pytest.mark.parametrize(
    ("h1", "title"),
    [
        # a label or a kicker run into the headline, which a line says alone
        ("Harbour town keeps its ferry Ferries", "Harbour town keeps its ferry"),
        ("Ferries Harbour town keeps its ferry", "Harbour town keeps its ferry"),
        ("Harbour town keeps its ferry 5 May 2024", "Harbour town keeps its ferry"),
        # the rest goes on the headline's phrase, or is set apart from it: the whole line
        ("Harbour town keeps its ferry in Spring", None),
        ("Best of Harbour town keeps its ferry", None),
        ("Harbour town keeps its ferry: a vote", None),
        ("Harbour town keeps its ferry 02/2024", None),  # a number: part of a name
        ("Harbour town keeps its ferry after the vote on Sunday", None),  # the rest is longer
    ],
)
def test_a_headline_run_together_with_a_label_is_the_line_saying_it_alone(
    h1: str, title: str | None
) -> None:
    assert _markdown_title("Harbour town keeps its ferry", h1) == (title or h1)


def test_a_line_starting_lower_case_is_no_headline_run_into_another() -> None:
    # "for the harbour ferry" ends the h1's phrase, it is no headline of its own
    h1 = "Council votes for the harbour ferry"
    assert _markdown_title("for the harbour ferry", h1) == h1


def test_a_page_title_splits_at_a_single_right_angle_quote() -> None:
    title = "Ferry stays in service › Harbour Courier"
    assert _page_title_parts(title) == ["Ferry stays in service", "Harbour Courier"]
