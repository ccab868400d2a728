"""Revision rules that a whole page exercises: tiny pages and subheadings."""

from __future__ import annotations

import newsclean


def test_a_tiny_page_keeps_its_text_rather_than_nothing() -> None:
    page = "Lorem Ipsum\n\nLorem ipsum dolor sit amet, consectetur adipiscing elit.\n"
    article = newsclean.clean(page)
    assert article.body == ("Lorem ipsum dolor sit amet, consectetur adipiscing elit.",)


def test_a_page_of_menu_items_still_has_no_body() -> None:
    article = newsclean.clean("Home\nNews\nSport\nWeather\nContact\n")
    assert article.body == ()


def test_a_one_line_page_that_reads_as_sentences_is_text_not_a_headline() -> None:
    line = (
        "The ferry will keep running for another decade after a vote on Sunday. "
        "The council now looks for grants."
    )
    article = newsclean.clean(line + "\n")
    assert article.body == (line,)
    assert article.title is None
