"""Scores for article extraction: snippets, shingles, metadata fields, item lists.

Stdlib only (no newsclean, no lxml), so the model-training script can import it
to score held-out predictions exactly as the benchmark does.

Snippet metric (pages whose gold has ``with``/``without`` lists)
    As trafilatura's own evaluation (``tests/comparison.py``, ``evaluate_result``),
    with one addition: whitespace runs are collapsed to one space in the output
    and in each snippet (ends stripped), and invisible format characters (soft hyphen, zero-width
    space and joiners, BOM: Unicode category Cf) are removed from both, then
    each snippet is tested as a substring of the output.
    ``tp`` = with-snippets found, ``fn`` = with-snippets missing, ``fp`` =
    without-snippets found, ``tn`` = without-snippets absent. Counts are summed
    over pages; precision, recall, F1 and accuracy come from the sums. A missing
    output (None) finds nothing. Snippets that are empty after collapsing are
    ignored (the corpus has none; trafilatura would count them as found).

    >>> c = snippet_counts("The  cat\\nsat.", {"with": ["cat sat", "dog"], "without": ["Menu"]})
    >>> (c.tp, c.fn, c.fp, c.tn)
    (1, 1, 0, 1)

Shingle metric (pages whose gold has a ``body`` text)
    As scrapinghub's article-extraction-benchmark (``evaluate.py``):
    tokens are the ``\\w+`` matches, case kept (upstream compiles the pattern with
    IGNORECASE, which changes nothing for ``\\w``; it does not lower-case);
    shingles are the token 4-grams at every start position ``0 ..
    max(1, len(tokens) - 3) - 1``, so a text of 1 to 3 tokens is one shorter
    shingle and an empty text has none. Shingles are multisets: for each shingle
    ``tp += min(gold, out)``, ``fp += max(0, out - gold)``, ``fn += max(0, gold -
    out)``; the page's three counts are then divided by their sum (when it is
    not zero) so that long pages weigh no more than short ones. Per page,
    precision is 1 when ``fp == fn == 0``, 0 when ``tp == fp == 0``, else
    ``tp / (tp + fp)`` (recall likewise with ``fn``). Precision is averaged over
    the pages with ``tp + fp > 0`` (an empty output is left out), recall over the
    pages with ``tp + fn > 0`` (an empty gold is left out); F1 is the harmonic
    mean of the two averages. Accuracy is the share of pages whose token lists
    are equal. (Upstream's bootstrap confidence intervals are not reproduced.)

Fields: :func:`check_title`, :func:`check_authors`, :func:`check_date`
    compare after :func:`normalise_field` (case-folded, whitespace collapsed,
    punctuation and quotes stripped at both ends); each returns None when the
    gold has no value, so the denominator is the pages with gold.

Items: :func:`item_counts` compares two lists of short texts (captions, credits,
    related-link titles) for precision and recall.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

SHINGLE_SIZE = 4
#: An item matches another when one contains the other and covers this share of its length.
ITEM_MIN_COVER = 0.5

_WS_RE = re.compile(r"\s+")
_TOKEN_RE = re.compile(r"\w+")
_ISO_DATE_RE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_AUTHOR_SPLIT_RE = re.compile(r"\s*[;,&]\s*|\s+(?:and|und|et|y|och)\s+", re.IGNORECASE)
#: A byline's leading word, dropped from gold ``byline`` values ("By Jane Doe" names "Jane Doe").
_BYLINE_WORD_RE = re.compile(
    r"^(?:(?:written|posted|reported|geschrieben)\s+)?(?:by|von|par|por|door|av|przez|di)\s+",
    re.IGNORECASE,
)
#: An academic degree after a name ("Brenda Goodman, MA"): split off by the comma, no name.
_DEGREES = frozenset({"ma", "mba", "md", "phd", "ph.d", "msc", "bsc", "ba", "mph", "rn", "dr"})


def collapse(text: str) -> str:
    """Whitespace runs to one space, ends stripped, invisible format characters removed."""
    return _WS_RE.sub(" ", _drop_invisible(text)).strip()


def _drop_invisible(text: str) -> str:
    """The text without Unicode format characters (soft hyphen, zero-width space, BOM...).

    They do not show on a page, and cleaners may drop them ("Lauf\xadzeit" reads
    "Laufzeit"), so neither metric counts them.
    """
    if text.isascii():
        return text
    return "".join(ch for ch in text if unicodedata.category(ch) != "Cf")


def ratio(num: float, den: float) -> float:
    """``num / den``, or 0.0 when ``den`` is 0."""
    return num / den if den else 0.0


def harmonic(p: float, r: float) -> float:
    """F1 of a precision and a recall (0.0 when both are 0)."""
    return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(frozen=True)
class Scores:
    """Aggregate scores of one system on a set of pages."""

    pages: int
    precision: float
    recall: float
    f1: float
    accuracy: float


# --- snippets ---------------------------------------------------------------------------


@dataclass(frozen=True)
class SnippetCounts:
    """Confusion counts of the snippet metric (one page, or summed over pages with ``+``)."""

    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def __add__(self, other: SnippetCounts) -> SnippetCounts:
        return SnippetCounts(
            self.tp + other.tp, self.fn + other.fn, self.fp + other.fp, self.tn + other.tn
        )

    @property
    def errors(self) -> int:
        """Missed with-snippets plus kept without-snippets."""
        return self.fn + self.fp


@dataclass(frozen=True)
class SnippetResult:
    """A page's counts and the snippets behind the errors (collapsed)."""

    counts: SnippetCounts
    missed: tuple[str, ...]  # with-snippets not in the output
    kept: tuple[str, ...]  # without-snippets in the output


def _snippets(gold: Mapping[str, Any], key: str) -> list[str]:
    items = gold.get(key) or []
    return [s for item in items if isinstance(item, str) and (s := collapse(item))]


def snippet_check(output: str | None, gold: Mapping[str, Any]) -> SnippetResult:
    """Score one page's output against its ``with``/``without`` snippets."""
    text = collapse(output) if output else ""
    tp = fn = fp = tn = 0
    missed: list[str] = []
    kept: list[str] = []
    for snippet in _snippets(gold, "with"):
        if snippet in text:
            tp += 1
        else:
            fn += 1
            missed.append(snippet)
    for snippet in _snippets(gold, "without"):
        if snippet in text:
            fp += 1
            kept.append(snippet)
        else:
            tn += 1
    return SnippetResult(SnippetCounts(tp, fn, fp, tn), tuple(missed), tuple(kept))


def snippet_counts(output: str | None, gold: Mapping[str, Any]) -> SnippetCounts:
    """The snippet metric's counts for one page (see the module docstring)."""
    return snippet_check(output, gold).counts


def snippet_scores(counts: Iterable[SnippetCounts]) -> Scores:
    """Precision, recall, F1, accuracy over the counts summed across pages."""
    total = SnippetCounts()
    pages = 0
    for c in counts:
        total += c
        pages += 1
    precision = ratio(total.tp, total.tp + total.fp)
    recall = ratio(total.tp, total.tp + total.fn)
    accuracy = ratio(total.tp + total.tn, total.tp + total.tn + total.fp + total.fn)
    return Scores(pages, precision, recall, harmonic(precision, recall), accuracy)


# --- shingles ---------------------------------------------------------------------------


def tokenize(text: str | None) -> list[str]:
    """The ``\\w+`` tokens of a text, case kept (invisible format characters removed first)."""
    return _TOKEN_RE.findall(_drop_invisible(text or ""))


def shingles(text: str | None, n: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    """The multiset of token ``n``-grams (one shorter shingle for texts under ``n`` tokens)."""
    toks = tokenize(text)
    out: Counter[tuple[str, ...]] = Counter()
    for i in range(max(1, len(toks) - n + 1)):
        gram = tuple(toks[i : i + n])
        if gram:
            out[gram] += 1
    return out


@dataclass(frozen=True)
class ShingleCounts:
    """One page's shingle counts, normalised to sum to 1 (all 0 when both texts are empty)."""

    tp: float = 0.0
    fp: float = 0.0
    fn: float = 0.0
    exact: bool = False  # the token lists are equal

    @property
    def precision(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        if self.tp == self.fp == 0:
            return 0.0
        return self.tp / (self.tp + self.fp)

    @property
    def recall(self) -> float:
        if self.fp == self.fn == 0:
            return 1.0
        if self.tp == self.fn == 0:
            return 0.0
        return self.tp / (self.tp + self.fn)

    @property
    def f1(self) -> float:
        """The page's own F1 (for ranking pages; the corpus F1 is not their mean)."""
        return harmonic(self.precision, self.recall)


def shingle_counts(
    output: str | None, gold_body: str | None, n: int = SHINGLE_SIZE
) -> ShingleCounts:
    """The shingle metric's normalised tp/fp/fn for one page (see the module docstring)."""
    gold = shingles(gold_body, n)
    pred = shingles(output, n)
    tp = fp = fn = 0
    for key in gold.keys() | pred.keys():
        g, p = gold.get(key, 0), pred.get(key, 0)
        tp += min(g, p)
        fp += max(0, p - g)
        fn += max(0, g - p)
    total = tp + fp + fn
    exact = tokenize(output) == tokenize(gold_body)
    if total == 0:
        return ShingleCounts(0.0, 0.0, 0.0, exact)
    return ShingleCounts(tp / total, fp / total, fn / total, exact)


def shingle_scores(counts: Iterable[ShingleCounts]) -> Scores:
    """Precision and recall averaged over pages (see the module docstring), F1 of the two."""
    items = list(counts)
    precisions = [c.precision for c in items if c.tp + c.fp > 0]
    recalls = [c.recall for c in items if c.tp + c.fn > 0]
    precision = ratio(sum(precisions), len(precisions))
    recall = ratio(sum(recalls), len(recalls))
    accuracy = ratio(sum(c.exact for c in items), len(items))
    return Scores(len(items), precision, recall, harmonic(precision, recall), accuracy)


# --- metadata fields --------------------------------------------------------------------


def _is_edge_junk(ch: str) -> bool:
    return ch.isspace() or unicodedata.category(ch).startswith("P")


def normalise_field(text: str | None) -> str:
    """Case-folded, whitespace collapsed, punctuation and quotes stripped at both ends."""
    if not text:
        return ""
    value = collapse(text).casefold()
    start, end = 0, len(value)
    while start < end and _is_edge_junk(value[start]):
        start += 1
    while end > start and _is_edge_junk(value[end - 1]):
        end -= 1
    return value[start:end]


def check_title(predicted: str | None, gold: str | None) -> bool | None:
    """Title right: equal after :func:`normalise_field`. None when there is no gold title."""
    target = normalise_field(gold)
    if not target:
        return None
    return normalise_field(predicted) == target


def split_authors(gold: str | Sequence[str] | None) -> list[str]:
    """Gold author names: a list, or one string joined by ``;``, ``,``, ``&`` or "and" (in
    English, German, French, Spanish or Swedish); a leading byline word ("By", "Von",
    "Written by"...) is dropped, since gold ``byline`` values keep it, and so is an
    academic degree after a comma ("Brenda Goodman, MA")."""
    if gold is None:
        return []
    values = [gold] if isinstance(gold, str) else list(gold)
    names: list[str] = []
    for value in values:
        for part in _AUTHOR_SPLIT_RE.split(collapse(value)):
            name = normalise_field(_BYLINE_WORD_RE.sub("", normalise_field(part)))
            if name and name not in _DEGREES:
                names.append(name)
    return names


def check_authors(predicted: Iterable[str], gold: str | Sequence[str] | None) -> bool | None:
    """Authors right: every gold name equals one predicted name after normalisation.

    None when there is no gold author.
    """
    names = split_authors(gold)
    if not names:
        return None
    found = {normalise_field(a) for a in predicted}
    return all(name in found for name in names)


def date_key(text: str | None) -> tuple[int, int, int] | None:
    """The first ``YYYY-MM-DD`` in a text, as numbers."""
    if not text:
        return None
    match = _ISO_DATE_RE.search(text)
    if match is None:
        return None
    return int(match.group(1)), int(match.group(2)), int(match.group(3))


def check_date(predicted: str | None, gold: str | None) -> bool | None:
    """Date right: same year, month and day. None when the gold has no ISO date."""
    target = date_key(gold)
    if target is None:
        return None
    return date_key(predicted) == target


@dataclass(frozen=True)
class Share:
    """How many checked pages were right."""

    right: int
    pages: int

    @property
    def share(self) -> float:
        return ratio(self.right, self.pages)


def share(checks: Iterable[bool | None]) -> Share:
    """Right answers among the pages that had gold (None checks are left out)."""
    right = pages = 0
    for check in checks:
        if check is None:
            continue
        pages += 1
        right += bool(check)
    return Share(right, pages)


# --- item lists (captions, credits, related links) --------------------------------------


def _item_key(text: str) -> str:
    return collapse(text).casefold()


def items_match(a: str, b: str, min_cover: float = ITEM_MIN_COVER) -> bool:
    """Equal after case-folding, or one contains the other and covers ``min_cover`` of it."""
    x, y = _item_key(a), _item_key(b)
    if not x or not y:
        return False
    if x == y:
        return True
    short, long = (x, y) if len(x) <= len(y) else (y, x)
    return short in long and len(short) >= min_cover * len(long)


@dataclass(frozen=True)
class ItemCounts:
    """Predicted items and how many match gold; gold items and how many were found."""

    predicted: int = 0
    predicted_right: int = 0
    gold: int = 0
    gold_found: int = 0

    def __add__(self, other: ItemCounts) -> ItemCounts:
        return ItemCounts(
            self.predicted + other.predicted,
            self.predicted_right + other.predicted_right,
            self.gold + other.gold,
            self.gold_found + other.gold_found,
        )

    @property
    def precision(self) -> float:
        return ratio(self.predicted_right, self.predicted)

    @property
    def recall(self) -> float:
        return ratio(self.gold_found, self.gold)

    @property
    def f1(self) -> float:
        return harmonic(self.precision, self.recall)


def _distinct(items: Iterable[str]) -> list[str]:
    seen: dict[str, str] = {}
    for item in items:
        key = _item_key(item)
        if key and key not in seen:
            seen[key] = item
    return list(seen.values())


def item_counts(predicted: Iterable[str], gold: Iterable[str]) -> ItemCounts:
    """Compare two lists of short texts with :func:`items_match` (duplicates, empties ignored)."""
    pred = _distinct(predicted)
    ref = _distinct(gold)
    pred_right = sum(any(items_match(p, g) for g in ref) for p in pred)
    gold_found = sum(any(items_match(p, g) for p in pred) for g in ref)
    return ItemCounts(len(pred), pred_right, len(ref), gold_found)
