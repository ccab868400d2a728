"""Revision rules about where the article's text runs: its later parts, and the boxes,
lists, tickers and comments around it (lines scored by hand, so that only the rules
under test decide)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest

from newsclean.classify import Scores
from newsclean.features import document_facts
from newsclean.languages import load
from newsclean.model import Block
from newsclean.revise import _CLOCK_RE, Reviser
from newsclean.segment import segment_text

#: Paragraphs of an invented article about a town's ferry, all on one topic.
_FERRY = [
    "The wooden ferry of the harbour town crossed the bay again on Monday after the "
    "council agreed to repair its hull and engine instead of building a bridge.",
    "Ferry passengers waited on the harbour pier for the first crossing of the repaired "
    "boat, and the captain said the engine ran more quietly than it had for years.",
    "The council said the repairs to the ferry cost less than a third of the bridge, and "
    "the harbour office expects more passengers on the crossing during the summer.",
    "Harbour workers painted the ferry hull in its old colours, and the town museum "
    "lent the crossing's first bell, which now rings again before every departure.",
    "Passengers on the ferry crossing can buy tickets at the harbour office, and the "
    "council plans a timetable with more crossings of the bay in the summer months.",
    "The captain of the ferry thanked the town council and the harbour workers for the "
    "repairs, and said the crossing of the bay would carry passengers for decades.",
]


#: A menu above the article, so that the page is not already clean text (all prose).
_MENU = ["Home", "News", "Sport", "Weather", "Culture", "Travel", "Contact"]


def _run(
    lines: Sequence[str], score: Callable[[Block], float], code: str = "en", sep: str = "\n\n"
) -> tuple[list[str], Reviser]:
    """The body lines of a page whose lines ``score`` scores, and its reviser."""
    blocks = segment_text(sep.join(lines) + "\n")
    lang = load(code)
    facts = document_facts(blocks, lang)
    p = [score(b) for b in blocks]
    reviser = Reviser(blocks, facts, Scores(first=p, final=p, threshold=0.5), lang)
    out = reviser.run()
    return [blocks[i].text for i in out.body], reviser


def _scores(table: dict[str, float], default: float = 0.05) -> Callable[[Block], float]:
    return lambda b: table.get(b.text, default)


def test_a_heavy_run_of_text_apart_from_the_main_span_takes_its_threshold() -> None:
    # the article's second part, set apart by a box of short lines: its first paragraph,
    # scored just under the threshold and near the article's topic, is text as it would
    # be inside the main span
    low = (
        "Volunteers counted seabirds nesting on the cliffs north of the harbour, where the "
        "ferry passes the lighthouse on every crossing of the bay."
    )
    off = (
        "This lentil soup with cumin and lemon is ready in twenty minutes, feeds four and "
        "stays fresh for days in the fridge."
    )
    # (a box of link lists: no paragraph, too long to pass for short lines between ones)
    links = "Weather Sport Culture Travel Music Film Books Science Health Money Cars Jobs Homes"
    box = [f"{k} {links}" for k in range(6)]
    table = {t: 0.9 for t in _FERRY}
    table[low] = table[off] = 0.45
    for para, kept in ((low, True), (off, False)):
        lines = [*_MENU, *_FERRY[:4], *box, para, *_FERRY[4:], "Footer"]
        body, _ = _run(lines, _scores(table))
        assert (para in body) is kept


@pytest.mark.parametrize(
    ("code", "header"),
    [("en", "There are 3 comments"), ("fr", "Il y a 3 commentaires")],
)
def test_a_comments_header_with_stop_words_ends_the_text(code: str, header: str) -> None:
    comment = (
        "I took this ferry every morning when I was a child and I am so glad that the "
        "town decided to keep it running for another generation of passengers."
    )
    lines = [*_MENU, *_FERRY[:4], header, "Sort by", "Newest", "Oldest", "Anna Berg"]
    lines += ["May 3, 2024", comment, "Footer"]
    table = {t: 0.9 for t in [*_FERRY, comment]}
    body, _ = _run(lines, _scores(table), code)
    assert body == _FERRY[:4]


def test_reply_buttons_below_the_text_mark_the_comments() -> None:
    comments = [
        "I took this ferry every morning when I was a child and I am so glad that the "
        "town decided to keep it running for another generation of passengers.",
        "The bridge would have been faster, but the ferry is part of the town and the "
        "harbour would not be the same without the old boat crossing the bay.",
        "Does anyone know whether the ferry will run on Sundays in the winter months, "
        "when the harbour office is closed and the timetable is shorter?",
    ]
    lines = [*_MENU, *_FERRY[:4], "Tags", "Ferry", "Harbour", "Council", "Summer"]
    for k, text in enumerate(comments):
        lines += [f"Reader {k} · May 3, 2024 at 10:1{k} AM", text, "Reply"]
    lines.append("Footer")
    table = {t: 0.9 for t in [*_FERRY, *comments]}
    body, _ = _run(lines, _scores(table))
    assert body == _FERRY[:4]


def test_a_packed_list_under_a_related_header_is_related_items() -> None:
    # each item is a title run into its teaser sentence, on lines packed together
    # (no blank line between them) on a page that sets paragraphs apart with blank ones
    items = [
        "Lighthouse keepers return to the north cape A new rota brings keepers back to "
        "the old tower for the first time since the light was automated.",
        "Seabird colony grows for a third year Volunteers counted more nests on the "
        "cliffs than in any survey since counting began in the region.",
        "Harbour market moves to the old fish hall The Saturday market will open in the "
        "restored hall from next month, with stalls for local farmers.",
    ]
    text = "\n\n".join([*_MENU, *_FERRY[:4], "Related coverage", "\n".join(items), "Footer"])
    table = {t: 0.9 for t in [*_FERRY, *items]}
    body, reviser = _run([text], _scores(table))
    assert body == _FERRY[:4]
    assert [t for t, _ in reviser.out.related] == items


@pytest.mark.parametrize(
    ("box", "dropped"),
    [
        # a title and a teaser sentence over the button: another article's box
        (
            ["Seabird colony grows for a third year", "Volunteers counted more nests.", "Read now"],
            True,
        ),
        # a teaser sentence alone over it
        (["Our seminar shows how to count seabirds on the cliffs.", "Learn more"], True),
        # a line that is no sentence over a button: the text's own words, kept
        (["Here are a few of our favourite crossings", "Learn more"], False),
    ],
)
def test_a_box_over_a_read_more_button_is_not_text(box: list[str], dropped: bool) -> None:
    text = "\n\n".join([*_MENU, *_FERRY[:3], "\n".join(box), *_FERRY[3:], "Footer"])
    table = {t: 0.9 for t in _FERRY}
    table.update(dict.fromkeys(box[:-1], 0.7))
    body, _ = _run([text], _scores(table))
    assert body == (_FERRY if dropped else [*_FERRY[:3], *box[:-1], *_FERRY[3:]])


@pytest.mark.parametrize(
    ("code", "button"),
    [("en", "Read now"), ("de", "Jetzt lesen"), ("fr", "Lire maintenant"), ("es", "Leer ahora")],
)
def test_read_now_buttons_are_read_more_phrases(code: str, button: str) -> None:
    words = button.lower().split()
    covered, cats = load(code).phrases.match(words)
    assert covered == len(words) and "readmore" in cats


def test_a_paragraph_scored_low_between_the_texts_paragraphs_is_text() -> None:
    # an advert's label, a picture's credit and buttons between every two paragraphs
    low = _FERRY[4]
    lines = [*_MENU]
    for k, para in enumerate(_FERRY):
        lines += [para, "Advertisement", f"(Picture: Studio {k})", "Gallery", "Enlarge"]
    table = {t: 0.9 for t in _FERRY}
    table[low] = 0.3
    body, _ = _run(lines, _scores(table))
    assert body == _FERRY


def test_a_paragraph_scored_low_past_a_related_header_is_not_sandwiched() -> None:
    low = _FERRY[4]
    lines = [*_MENU, *_FERRY[:4], "Related stories", "Advertisement", low, "Advertisement"]
    lines.append(_FERRY[5])
    table = {t: 0.9 for t in _FERRY}
    table[low] = 0.3
    body, _ = _run(lines, _scores(table))
    assert low not in body


def test_a_news_ticker_below_the_text_is_not_text() -> None:
    news = [
        "A court in the capital ordered a new trial for the former mayor after the appeal.",
        "The national football team named a new coach for the qualifying matches in June.",
    ]
    ticker = [
        "14:32 Storm warning for the east coast",
        "14:10",
        news[0],
        "13:54 Train strike ends after two days",
        "13:43 New museum opens in the old station",
        "13:24",
        news[1],
        "13:08 Prices of fresh fruit rise again",
    ]
    # (a newsletter box between the text and the ticker)
    box = ["Newsletter", "Get our news every morning", "Your e-mail address", "Sign up", "Live"]
    lines = [*_MENU, *_FERRY, *box, *ticker, "Footer"]
    table = {t: 0.9 for t in [*_FERRY, *news]}
    table.update({t: 0.6 for t in ticker if len(t) > 6})
    body, _ = _run(lines, _scores(table))
    assert body == _FERRY


def test_a_live_blogs_own_times_are_no_ticker() -> None:
    # the entries below a box, apart from the main span, go on with the blog's text
    entries = [f"1{k}:0{k} {para}" for k, para in enumerate(_FERRY)]
    more = [f"0{k}:3{k} Entry {k} in brief" for k in range(5)]
    box = ["Newsletter", "Get our news every morning", "Your e-mail address", "Sign up", "Live"]
    lines = [*_MENU, *entries, *box, *more]
    body, _ = _run(lines, lambda b: 0.9 if b.text[:2].isdigit() else 0.05)
    assert body == [*entries, *more]


@pytest.mark.parametrize(
    ("text", "clock"),
    [
        ("14:32 Storm warning", True),
        ("9h05 Grève des trains", True),
        ("14.32 Uhr Sturmwarnung", True),
        ("2:30 PM Storm warning", True),
        ("14:10", True),
        ("12.50 euros a night", False),
        ("25:10 minutes", False),
        ("2024 was a year", False),
    ],
)
def test_clock_times_open_ticker_lines(text: str, clock: bool) -> None:
    assert bool(_CLOCK_RE.match(text)) is clock


def test_another_articles_text_below_a_related_list_is_not_text() -> None:
    other = [
        "The regional orchestra announced a season of twelve concerts in the renovated "
        "concert hall, opening with a symphony written by a local composer.",
        "Tickets for the orchestra season go on sale next week, and students can attend "
        "rehearsals of the symphony for free on Thursday evenings.",
    ]
    titles = [f"Another story number {k} about the region" for k in range(4)]
    lines = [*_MENU, *_FERRY, "Related", *titles, *other, "Footer"]
    table = {t: 0.9 for t in [*_FERRY, *other]}
    body, _ = _run(lines, _scores(table))
    assert body == _FERRY


#: A long paragraph (40 words or more) of the ferry story, for the model to doubt.
_FERRY_LONG = (
    "On the morning of the first crossing the harbour was full of people who had come "
    "to see the repaired ferry leave the pier, and the captain let the children ring the "
    "old bell before the boat turned into the bay and the council members waved from "
    "the deck of the ferry."
)


@pytest.mark.parametrize(("score", "kept"), [(0.18, True), (0.1, False)])
def test_a_long_paragraph_scored_very_low_between_the_texts_paragraphs_is_text(
    score: float, kept: bool
) -> None:
    # the model doubts a long paragraph of a long story: between the text's paragraphs,
    # with only adverts' labels around it, it is text from a lower score on than a short
    # one (down to SANDWICH_LONG_THRESHOLD)
    lines = [*_MENU, *_FERRY[:3], "Advertisement", _FERRY_LONG, "Advertisement"]
    lines += [*_FERRY[3:], "Footer"]
    table = {t: 0.9 for t in _FERRY}
    table[_FERRY_LONG] = score
    body, _ = _run(lines, _scores(table))
    assert (_FERRY_LONG in body) is kept


def test_a_short_paragraph_scored_very_low_between_the_texts_paragraphs_is_not_text() -> None:
    short = "Ferry passengers on the harbour pier clapped when the repaired boat left the bay."
    lines = [*_MENU, *_FERRY[:3], "Advertisement", short, *_FERRY[3:], "Footer"]
    table = {t: 0.9 for t in _FERRY}
    table[short] = 0.18
    body, _ = _run(lines, _scores(table))
    assert short not in body


def test_ten_paragraphs_scored_low_in_a_row_between_the_texts_are_text() -> None:
    # a long stretch of a story the model doubts, between paragraphs it is sure of
    doubted = [f"{_FERRY[k % 3]} (Part {k}.)" for k in range(10)]
    lines = [*_MENU, *_FERRY[:3]]
    for para in doubted:
        lines += [para, "Advertisement"]
    lines += [*_FERRY[3:], "Footer"]
    table = {t: 0.9 for t in _FERRY}
    table.update(dict.fromkeys(doubted, 0.3))
    body, _ = _run(lines, _scores(table))
    assert body == [*_FERRY[:3], *doubted, *_FERRY[3:]]


#: A box of other stories' headlines set into the text just before its last paragraph.
_INSET_TITLES = [
    "Related stories",
    "Island bus line gets two new electric buses",
    "Why the old lighthouse is closed until spring",
    "Fishing boats return early as the storm nears",
    "New playground opens beside the town library",
]


def test_the_last_paragraph_below_a_box_of_headlines_set_into_the_text_is_text() -> None:
    # the last paragraph, scored just above the inside threshold, follows a box of
    # related headlines (no teaser sentences) right after the main span
    last = (
        "The next crossing is planned for Friday, when the mayor wants to ride along "
        "with the schoolchildren who use the service every day."
    )
    lines = [*_MENU, *_FERRY[:4], *_INSET_TITLES, last, "Contact the editor", "Imprint"]
    table = {t: 0.9 for t in _FERRY}
    table |= {t: 0.2 for t in _INSET_TITLES[1:]}
    table[last] = 0.45
    body, _ = _run(lines, _scores(table))
    assert body == [*_FERRY[:4], last]


def test_a_teaser_below_a_box_of_headlines_is_no_text_without_its_header_or_its_end() -> None:
    teaser = (
        "Whether you travel by ferry or by bus, these are the nine best ways to cross "
        "the bay in the summer."
    )
    table = {t: 0.9 for t in _FERRY}
    table |= {t: 0.2 for t in _INSET_TITLES[1:]}
    table[teaser] = 0.45
    # no header between the text and the titles: the list is not set into the text
    lines = [*_MENU, *_FERRY[:4], *_INSET_TITLES[1:], teaser, "Imprint"]
    body, _ = _run(lines, _scores(table))
    assert teaser not in body
    # the line runs on into more titles: a teaser of the list
    more = ["Town hall extends its opening hours", "Harbour festival moves to August"]
    table |= {t: 0.2 for t in more}
    lines = [*_MENU, *_FERRY[:4], *_INSET_TITLES, teaser, *more, "Imprint"]
    body, _ = _run(lines, _scores(table))
    assert teaser not in body
