"""Bylines and credits: names found in a byline, credits at the end of a caption."""

from __future__ import annotations

import pytest

from newsclean.languages import load
from newsclean.metadata import authors_in, leading_name
from newsclean.patterns import credit_suffix


@pytest.mark.parametrize(
    ("code", "text", "expected"),
    [
        # the name before a date on the same line
        ("de", "Anna Schmidt Vom 3. Februar 2022", ["Anna Schmidt"]),
        ("en", "Anna Smith Feb 8, 2020 5:12 pm", ["Anna Smith"]),
        ("en", "Anna Smith and Peter Brown on May 3, 2022", ["Anna Smith", "Peter Brown"]),
        ("de", "Hans Meier, 3. Februar 2022", ["Hans Meier"]),
        # an initial keeps its period
        ("de", "Günter W. Kienitz", ["Günter W. Kienitz"]),
        # a job title before the name is not part of it
        ("de", "Rechtsanwalt Sebastian Einbock", ["Sebastian Einbock"]),
        ("fr", "Marie Dupont et Paul Martin", ["Marie Dupont", "Paul Martin"]),
    ],
)
def test_authors_in_byline_text(code: str, text: str, expected: list[str]) -> None:
    assert authors_in(text, load(code), after_prefix=True) == expected


def test_month_names_end_a_name_only_before_a_number() -> None:
    en = load("en")
    assert leading_name(["Anna", "June", "Smith"], en, after_prefix=True) == "Anna June Smith"
    assert leading_name(["Anna", "Smith", "June", "3"], en, after_prefix=True) == "Anna Smith"


@pytest.mark.parametrize(
    ("code", "caption", "credit"),
    [
        ("de", "Die Halle am Abend eines Heimspiels Foto: Anna von Berg", "Foto: Anna von Berg"),
        ("en", "Protesters in Paris on Monday. JOEL SAGET / AFP", "JOEL SAGET / AFP"),
        (
            "en",
            "Workers at the plant (Photo courtesy of the company)",
            "(Photo courtesy of the company)",
        ),
        # sentences that merely hold a credit word are not captions with credits
        ("de", "Ist dir bewusst, dass diese Grafik dem Copyright von Joymax unterliegt?", None),
        ("de", "Ich sehe folgenden NPC nicht auf der Map :", None),
        ("de", "Belohnung: 1x Schriftrolle (HP / MP 20% erhöht, hält 3 Stunden)", None),
    ],
)
def test_credit_suffix(code: str, caption: str, credit: str | None) -> None:
    cut = credit_suffix(caption, load(code))
    assert (caption[cut:] if cut > 0 else None) == credit
