"""Silver labels (captions, credits, related links) from small HTML snippets."""

from __future__ import annotations

import pytest
from benchmarks.silver import Silver, build_silver, decode_html, map_lines

BODY = "".join(
    f"<p>Paragraph {i} of the article tells the story at some length, as articles do.</p>"
    for i in range(4)
)


def page(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>"


def test_figcaption_with_credit_inside() -> None:
    html = page(
        "<article>" + BODY + '<figure><img src="dog.jpg"><figcaption>A dog runs on the beach. '
        '<span class="credit">Foto: dpa</span></figcaption></figure></article>'
    )
    silver = build_silver(html)
    assert silver.captions == ("A dog runs on the beach.",)
    assert silver.credits == ("Foto: dpa",)
    assert silver.related == ()


def test_caption_named_by_class_innermost_wins() -> None:
    html = page(
        BODY + '<div class="wp-caption"><img src="a.jpg">'
        '<p class="wp-caption-text">Der Bürgermeister bei der Eröffnung</p></div>'
        '<div class="Bildunterschrift">Blick auf den Hafen</div>'
    )
    assert build_silver(html).captions == (
        "Der Bürgermeister bei der Eröffnung",
        "Blick auf den Hafen",
    )


def test_credit_needs_an_image_nearby_and_no_footer() -> None:
    html = page(
        BODY
        + '<p class="source">Source: an interview with the mayor last week.</p>'  # no image
        + '<div class="photo"><img src="p.jpg"><span class="photographer">Jane Roe</span></div>'
        + '<footer><img src="logo.png"><span class="copyright">© 2024 Example Media</span></footer>'
    )
    assert build_silver(html).credits == ("Jane Roe",)


def test_related_links_after_the_main_text() -> None:
    html = page(
        '<div class="teaser-top"><a href="/t1">A teaser above the article text</a>'
        '<a href="/t2">Another teaser above the article</a></div>'
        '<nav class="more-menu"><a href="/n1">Navigation link with many words</a>'
        '<a href="/n2">Second navigation link with words</a></nav>'
        "<article>" + BODY + "</article>"
        '<aside class="related-articles"><h2>Related</h2><ul>'
        '<li><a href="/r1">First related story about the city</a></li>'
        '<li><a href="/r2"><span>Politik</span><h3>Second related story about taxes</h3>'
        "</a></li>"
        '<li><a href="/r3">More</a></li>'  # too short to be a title
        "</ul></aside>"
        '<div class="mehr-zum-thema"><a href="/x">Only one link in this box here</a></div>'
    )
    assert build_silver(html).related == (
        "First related story about the city",
        "Second related story about taxes",
    )


def test_scripts_and_unparseable_input() -> None:
    html = page(BODY + '<script>var x = "<figcaption>not a caption</figcaption>";</script>')
    assert build_silver(html) == Silver()
    assert not build_silver("")
    assert not build_silver(b"   ")


def test_decode_html_uses_meta_charset() -> None:
    data = '<html><head><meta charset="iso-8859-1"></head><body>Grüße</body></html>'.encode(
        "latin-1"
    )
    assert "Grüße" in decode_html(data)
    assert decode_html("already text") == "already text"
    assert (
        "Grüße"
        in build_silver(data.replace(b"<body>", b"<body><figcaption>") + b"</figcaption>").captions[
            0
        ]
    )


def test_map_lines() -> None:
    silver = Silver(
        captions=("A dog runs on the beach.",),
        credits=("Foto: dpa",),
        related=("First related story about the city",),
    )
    lines = [
        "Paragraph one of the article, which mentions a dog runs on the beach. in passing and "
        "goes on for a good while longer than the caption itself.",
        "  A dog runs on the beach.   Foto: dpa",  # caption and credit: the caption covers more
        "Foto: dpa",
        "first related story about the city",
        "Unrelated line",
    ]
    mapped = map_lines(lines, silver)
    assert mapped.labels == (None, "caption", "credit", "related", None)
    assert mapped.found == silver


def test_map_lines_split_caption_and_missing_items() -> None:
    caption = "The harbour at dawn, seen from the old lighthouse on the northern pier"
    silver = Silver(captions=(caption, "A caption the rendering lost"))
    lines = ["The harbour at dawn, seen from", "the old lighthouse on the northern pier", "x"]
    mapped = map_lines(lines, silver)
    # both halves are long enough to count as parts of the caption; "x" is not
    assert mapped.labels == ("caption", "caption", None)
    assert mapped.found.captions == (caption,)


@pytest.mark.parametrize("kind", ["caption", "credit", "related"])
def test_items_by_kind(kind: str) -> None:
    silver = Silver(captions=("c",), credits=("k",), related=("r",))
    assert silver.items(kind) == {"caption": ("c",), "credit": ("k",), "related": ("r",)}[kind]


def test_a_caption_is_scored_with_its_credit_only_when_the_silver_keeps_it() -> None:
    from benchmarks.accuracy import _caption_item

    silver = ["The ferry at dawn. Photo: Anna Berg/dpa", "Harbour master at his desk"]
    # the markup kept the credit inside the caption: the joined form is scored
    assert _caption_item("The ferry at dawn.", "Photo: Anna Berg/dpa", silver) == silver[0]
    # the silver caption has no credit: the caption's text alone
    assert (
        _caption_item("Harbour master at his desk", "Foto: dpa", silver)
        == "Harbour master at his desk"
    )
    assert _caption_item("A gull", None, silver) == "A gull"
