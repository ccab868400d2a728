"""Train the headline ranker: which line near the article's start is its headline.

When the page's text gives no <title> line to match (scrapes of the visible
text rarely do) and no h1, the headline is one of the short lines before the
article. Each candidate line is described by the features of
``newsclean.revise.TITLE_FEATURES``; a linear ranker is fitted on pairs (the gold
headline against every other candidate of its page), so that the gold line
scores highest. The threshold is the score below which the page title's main
part (when there is one) is the better guess.

    python training/title.py             # cross-validates by site, then writes the weights
    python training/title.py --no-write  # cross-validation only
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from train import VIEWS, corpus_pages, read_view, site_of, view_text  # noqa: E402

from corpus import gold_title  # noqa: E402
from metrics import check_title  # noqa: E402
from newsclean import revise  # noqa: E402
from newsclean.classify import score_lines  # noqa: E402
from newsclean.revise import (  # noqa: E402
    TITLE_FEATURES,
    TITLE_RANKER_PATH,
    Reviser,
    names_its_site,
)

#: Choosing the threshold: a wrong headline counts this much against a right one.
WRONG_COST = 0.2


#: The line model's views, and inscriptis without blank lines or indents: a flat scrape
#: with no <title> line, where the headline has nothing but its words and place.
TITLE_VIEWS = (*VIEWS, "flat-inscriptis")


def title_view_text(page: Path, view: str) -> str:
    if view == "flat-inscriptis":
        raw = (page / "inscriptis.txt").read_text(encoding="utf-8", errors="replace")
        return "\n".join(line.strip() for line in raw.split("\n") if line.strip())
    return view_text(page, view)


@dataclass
class Candidates:
    """One page view's headline candidates."""

    corpus: str
    site: str
    view: str
    rows: list[list[float]]
    right: list[bool]  # whether each candidate is the gold headline
    reached: bool  # whether the ranker decides (no repeat of the page title, no h1)
    site_named: bool  # whether the page title names its site ("Headline | Site")
    fallback_right: bool  # whether the page title's main part is the gold headline


def build(args: tuple[str, str]) -> list[Candidates]:
    page_s, corpus = args
    page = Path(page_s)
    gold = json.loads((page / "gold.json").read_text(encoding="utf-8"))
    title = gold_title(gold)
    if not title:
        return []
    out = []
    for view in TITLE_VIEWS:
        read_ = read_view(title_view_text(page, view), view)
        if read_ is None:
            continue
        blocks, _, lang, facts = read_
        rv = Reviser(blocks, facts, score_lines(blocks, facts), lang)
        rv.before_title()
        idx, rows = rv.headline_candidates()
        page_title, parts, main_part = rv._page_title()
        reached = not rv._title_from_markup(page_title, main_part)
        out.append(
            Candidates(
                corpus,
                site_of(page, gold),
                view,
                rows,
                [bool(check_title(blocks[i].text, title)) for i in idx],
                reached,
                names_its_site(parts),
                bool(main_part) and bool(check_title(main_part, title)),
            )
        )
    return out


def bridge_stored_weights() -> None:
    """Let the pipeline run when the features changed since data/title.json was written.

    Building the candidates runs the headline rules, and some of them ask the stored
    ranker (a short page-title repeat gives way to a confident ranked line); its weights
    no longer fit new features. Its weights are then taken by name, 0 for a new feature,
    until this training writes the new ones.
    """
    try:
        revise.load_title_ranker()
    except ValueError:
        data = json.loads(TITLE_RANKER_PATH.read_text(encoding="utf-8"))
        stored = {name: float(w) for name, w in data["weights"]}
        bridged = (
            tuple(stored.get(name, 0.0) for name in TITLE_FEATURES),
            float(data["threshold"]),
            float(data["over_page_title"]),
        )
        revise.load_title_ranker = lambda: bridged  # type: ignore[assignment]
        print("stored ranker weights bridged to the new features", file=sys.stderr)


def pairs(pages: list[Candidates]) -> tuple[np.ndarray, np.ndarray]:
    """Differences gold - other (target 1) and other - gold (target 0), per page."""
    X: list[np.ndarray] = []
    y: list[int] = []
    for p in pages:
        gold = [np.array(r) for r, ok in zip(p.rows, p.right, strict=True) if ok]
        if not gold:
            continue
        for r, ok in zip(p.rows, p.right, strict=True):
            if ok:
                continue
            d = gold[0] - np.array(r)
            X += [d, -d]
            y += [1, 0]
    return np.array(X), np.array(y)


def fit(pages: list[Candidates], C: float) -> np.ndarray:
    X, y = pairs(pages)
    clf = LogisticRegression(C=C, max_iter=5000, fit_intercept=False).fit(X, y)
    return np.asarray(clf.coef_[0])


def best(p: Candidates, w: np.ndarray) -> tuple[float, bool]:
    """The best candidate's score and whether it is the gold headline."""
    if not p.rows:
        return float("-inf"), False
    s = np.array(p.rows) @ w
    k = int(np.argmax(s))
    return float(s[k]), p.right[k]


def choose_threshold(pages: list[Candidates], w: np.ndarray, site_named: bool) -> float:
    """The score under which the page title's main part is taken instead (for pages
    whose page title names its site, or for the others)."""
    decided = [
        (*best(p, w), p.fallback_right)
        for p in pages
        if p.reached and p.rows and p.site_named == site_named
    ]
    options = sorted({s for s, _, _ in decided})
    if not options:
        return 0.0

    def right(t: float) -> float:
        # a wrong headline costs more than none: it takes a line the text may need
        return sum((ok - WRONG_COST * (not ok)) if s >= t else fb for s, ok, fb in decided)

    return max(options, key=right) - 1e-6


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--C", type=float, default=0.1)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", type=Path, default=TITLE_RANKER_PATH)
    ap.add_argument("--no-write", action="store_true", help="cross-validate only")
    args = ap.parse_args()

    todo = corpus_pages(args.corpus, "title")
    t0 = time.time()
    pages: list[Candidates] = []
    with ProcessPoolExecutor(args.jobs, initializer=bridge_stored_weights) as pool:
        for result in pool.map(build, todo, chunksize=8):
            pages.extend(result)
    print(f"built {len(pages)} page views in {time.time() - t0:.1f}s", file=sys.stderr)

    sites = sorted({p.site for p in pages})
    fold_of = {s: k % args.folds for k, s in enumerate(sites)}
    held: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0])
    for k in range(args.folds):
        train = [p for p in pages if fold_of[p.site] != k]
        test = [p for p in pages if fold_of[p.site] == k]
        w = fit(train, args.C)
        t = (choose_threshold(train, w, False), choose_threshold(train, w, True))
        for p in test:
            if not p.reached:
                continue
            r = held[(p.corpus, p.view)]
            s, ok = best(p, w)
            r[0] += 1
            r[1] += ok if s >= t[p.site_named] else p.fallback_right
            r[2] += any(p.right)
    results = {}
    print("held-out (by site) headline right, pages the ranker decides:", file=sys.stderr)
    for (corpus, view), (n, right, reachable) in sorted(held.items()):
        results[f"{corpus}/{view}"] = {"pages": n, "right": right, "candidate": reachable}
        print(
            f"  {corpus:12s} {view:10s} {right:4d}/{n:4d} = {right / max(n, 1):.3f}"
            f"  (gold among the candidates: {reachable / max(n, 1):.3f})",
            file=sys.stderr,
        )
    if args.no_write:
        return
    w = fit(pages, args.C)
    t, over = choose_threshold(pages, w, False), choose_threshold(pages, w, True)
    model = {
        "version": time.strftime("%Y-%m-%d") + f"-pairwise-lr-C{args.C}",
        "trained_on": f"{len(todo)} pages x {len(TITLE_VIEWS)} views ({', '.join(TITLE_VIEWS)})",
        "heldout": results,
        "threshold": round(t, 6),
        "over_page_title": round(over, 6),
        "weights": [[name, round(float(v), 6)] for name, v in zip(TITLE_FEATURES, w, strict=True)],
    }
    args.out.write_text(json.dumps(model, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
