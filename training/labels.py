"""Line labels for training the body model, from the corpus gold and the pages' HTML.

Every line of a page's text view gets a target (1: article text, 0: not) and a
weight saying how sure we are:

* strong evidence (weight ``STRONG``): the gold's ``with`` snippets (article
  text), ``without`` snippets and reader ``comments`` (not article text), or, for
  pages whose gold is the whole expected body (readability corpus), that body;
* silver evidence (weight ``SILVER``): trafilatura's extraction from the same
  page's HTML, for the lines the gold says nothing about;
* lines that match the gold title are left out (weight 0): the title is found
  by rules, not by the body model; so are lines whose evidence is ambiguous.

The silver extraction is cached outside the repository (``~/.cache/newsclean-train``).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

STRONG = 20.0
SILVER = 1.0
GOLD_BODY = 3.0
CACHE = Path(os.environ.get("NEWSCLEAN_TRAIN_CACHE", Path.home() / ".cache" / "newsclean-train"))
_WORD_RE = re.compile(r"\w+")


def collapse(text: str) -> str:
    return " ".join(text.split())


def shingles(text: str, k: int = 4) -> set[tuple[str, ...]]:
    words = _WORD_RE.findall(text.lower())
    if len(words) < k:
        return {tuple(words)} if words else set()
    return {tuple(words[i : i + k]) for i in range(len(words) - k + 1)}


@dataclass
class Reference:
    """What we know of one page's true article text."""

    kind: str  # "snippets" (trafilatura corpus) or "body" (readability corpus)
    with_: list[str]
    without: list[str]
    comments: list[str]
    title: str | None
    text: str  # collapsed reference text (silver extraction or gold body)
    lines: set[str]  # its lines, collapsed and lower-cased
    grams: set[tuple[str, ...]]
    lang: str | None


def _silver_text(page: Path) -> str:
    """trafilatura's extraction of the page's HTML (cached)."""
    html = (page / "page.html").read_bytes()
    key = hashlib.sha1(html).hexdigest()[:16]
    cache = CACHE / f"{key}.txt"
    if cache.exists():
        return cache.read_text(encoding="utf-8")
    import trafilatura

    text = (
        trafilatura.extract(
            html.decode("utf-8", errors="replace"), include_comments=False, include_tables=True
        )
        or ""
    )
    CACHE.mkdir(parents=True, exist_ok=True)
    cache.write_text(text, encoding="utf-8")
    return text


def reference(page: Path) -> Reference:
    gold = json.loads((page / "gold.json").read_text(encoding="utf-8"))
    if gold.get("body"):
        text = gold["body"]
        kind = "body"
    else:
        text = _silver_text(page)
        kind = "snippets"
    lines = {collapse(line).lower() for line in text.split("\n") if line.strip()}
    return Reference(
        kind=kind,
        with_=[collapse(s) for s in gold.get("with", []) if collapse(s)],
        without=[collapse(s) for s in gold.get("without", []) if collapse(s)],
        comments=[collapse(s) for s in gold.get("comments", []) or [] if collapse(s)],
        title=collapse(gold["title"]) if gold.get("title") else None,
        text=collapse(text),
        lines=lines,
        grams=shingles(text),
        lang=(gold.get("lang") or "").split("-")[0].lower() or None,
    )


def label_line(text: str, ref: Reference) -> tuple[int, float]:
    """(target, weight) of one line's text."""
    t = collapse(text)
    if not t:
        return 0, 0.0
    low = t.lower()
    for s in ref.with_:
        if s in t or (len(t) >= 15 and t in s):
            return 1, STRONG
    for s in ref.without:
        if s in t:
            # a short "without" snippet inside a long line may be an accident of wording
            return 0, STRONG if len(s) * 3 >= len(t) else SILVER
    for s in ref.comments:
        if s in t or (len(t) >= 20 and t in s):
            return 0, STRONG
    if ref.title and (
        low == ref.title.lower() or (ref.title.lower() in low and len(t) <= len(ref.title) + 40)
    ):
        return 0, 0.0
    weight = GOLD_BODY if ref.kind == "body" else SILVER
    words = _WORD_RE.findall(low)
    if len(words) < 4:
        return (1, weight) if low in ref.lines else (0, weight)
    if t in ref.text:
        return 1, weight
    grams = shingles(t)
    if not grams:
        return 0, 0.0
    share = len(grams & ref.grams) / len(grams)
    if share >= 0.6:
        return 1, weight
    if share <= 0.2:
        return 0, weight
    return 0, 0.0
