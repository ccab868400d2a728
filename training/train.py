"""Train newsclean's line model from the development corpus and ship it as data.

    python training/train.py [--corpus ../shared/corpus] [--folds 5] \
        [--out src/newsclean/data/model.json]

What it does:

1. For every page and every text view (htmltext, inscriptis, and "flat": htmltext
   without blank lines or indentation), run newsclean's own pipeline up to the
   features, and label each line with :mod:`labels` (gold snippets and bodies,
   silver from trafilatura on the HTML).
2. Cross-validate by site (pages of one site never straddle train and test):
   the first stage (a logistic regression over one-hot feature bins) is fitted
   on k-1 folds and scores the held-out fold; the second stage learns from
   those held-out first-stage scores of each line's neighbours.
3. Report held-out figures: the same snippet and shingle metrics as
   benchmarks/accuracy.py, computed with models that never saw the page's site.
4. Fit both stages on everything and write the weights as JSON.

Needs the ``train`` extra (numpy, scipy, scikit-learn); newsclean itself never does.
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
from urllib.parse import urlparse

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from labels import label_line, reference  # noqa: E402

from newsclean import Options  # noqa: E402
from newsclean.classify import Scores  # noqa: E402
from newsclean.core import assemble, segment  # noqa: E402
from newsclean.errors import NewscleanError  # noqa: E402
from newsclean.features import (  # noqa: E402
    GROUPS,
    N_FEATURES,
    N_STAGE2,
    STAGE2_GROUPS,
    Facts,
    document_facts,
    listing_marks,
    page_features,
    stage2_feature_ids,
)
from newsclean.languages import Language, detect, load  # noqa: E402
from newsclean.model import Block, Source  # noqa: E402
from newsclean.reader import read  # noqa: E402
from newsclean.revise import revise  # noqa: E402

TEXT_VIEWS = ("htmltext", "inscriptis", "flat")
VIEWS = (*TEXT_VIEWS, "html")


def view_text(page: Path, view: str) -> str:
    if view == "html":
        return (page / "page.html").read_bytes().decode("utf-8", errors="replace")
    if view == "flat":
        raw = (page / "htmltext.txt").read_text(encoding="utf-8", errors="replace")
        return "\n".join(line.strip() for line in raw.split("\n") if line.strip())
    return (page / f"{view}.txt").read_text(encoding="utf-8", errors="replace")


@dataclass
class PageView:
    page: str
    corpus: str
    site: str
    view: str
    blocks: list[Block]
    facts: list[Facts]
    lang: str | None
    ids: list[list[int]]
    y: list[int]
    w: list[float]


def site_of(page: Path, gold: dict[str, object]) -> str:
    url = gold.get("url")
    if isinstance(url, str) and url:
        host = urlparse(url).netloc.lower()
        return host[4:] if host.startswith("www.") else host
    return page.parent.name + ":" + page.name.split("-")[0]


def corpus_pages(corpus: Path, script: str) -> list[tuple[str, str]]:
    """Every page of the corpus with a gold file, as (path, corpus name); exits without one."""
    if not corpus.is_dir():
        sys.exit(f"{script}: no corpus at {corpus}")
    return [
        (str(p), c.name)
        for c in sorted(corpus.iterdir())
        if c.is_dir()
        for p in sorted(c.iterdir())
        if (p / "gold.json").exists()
    ]


def read_view(text: str, view: str) -> tuple[list[Block], str | None, Language, list[Facts]] | None:
    """A view's blocks, language code, language and line facts (None: nothing to read)."""
    fmt = "html" if view == "html" else "text"
    try:
        doc = read(text, Options(input_format=fmt))  # type: ignore[arg-type]
        blocks, _ = segment(doc, Options())
    except NewscleanError:
        return None
    if not blocks:
        return None
    code = detect(b.text for b in blocks)
    lang = load(code)
    return blocks, code, lang, document_facts(blocks, lang)


def build(args: tuple[str, str]) -> list[PageView]:
    page_s, corpus = args
    page = Path(page_s)
    gold = json.loads((page / "gold.json").read_text(encoding="utf-8"))
    ref = reference(page)
    out = []
    for view in VIEWS:
        read_ = read_view(view_text(page, view), view)
        if read_ is None:
            continue
        blocks, code, _lang, facts = read_
        ids = page_features(blocks, facts)
        ys, ws = zip(*(label_line(b.text, ref) for b in blocks), strict=False)
        out.append(
            PageView(
                page.name,
                corpus,
                site_of(page, gold),
                view,
                blocks,
                facts,
                code,
                ids,
                list(ys),
                list(ws),
            )
        )
    return out


def matrix(rows: list[list[int]], width: int) -> csr_matrix:
    indptr = [0]
    indices: list[int] = []
    for row in rows:
        indices.extend(row)
        indptr.append(len(indices))
    data = np.ones(len(indices), dtype=np.float32)
    return csr_matrix((data, np.array(indices), np.array(indptr)), shape=(len(rows), width))


def fit(X: csr_matrix, y: np.ndarray, w: np.ndarray, C: float) -> LogisticRegression:
    model = LogisticRegression(C=C, solver="liblinear", fit_intercept=False, max_iter=500)
    model.fit(X, y, sample_weight=w)
    return model


def weights_table(coef: np.ndarray, groups: tuple[tuple[str, int], ...]) -> dict[str, list[float]]:
    table: dict[str, list[float]] = {}
    k = 0
    for name, size in groups:
        table[name] = [round(float(v), 4) for v in coef[k : k + size]]
        k += size
    return table


def folds_by_site(views: list[PageView], k: int) -> list[int]:
    """A fold number per page view: sites are spread over folds, never split."""
    sites = sorted({v.site for v in views})
    rng = np.random.default_rng(7)
    order = rng.permutation(len(sites))
    fold_of_site = {sites[j]: i % k for i, j in enumerate(order)}
    return [fold_of_site[v.site] for v in views]


def stage2_rows(views: list[PageView], p1: list[np.ndarray]) -> list[list[int]]:
    rows: list[list[int]] = []
    for v, p in zip(views, p1, strict=False):
        listing = listing_marks(v.blocks)
        rows.extend(stage2_feature_ids(list(map(float, p)), v.facts, listing))
    return rows


def trim(s: str) -> str:
    return " ".join(s.split())


def evaluate(
    views: list[PageView],
    p1: list[np.ndarray],
    p2: list[np.ndarray],
    threshold: float,
    corpus_dir: Path,
) -> dict[str, dict[str, float]]:
    """Held-out snippet F (trafilatura corpus) and shingle F (readability), per view."""
    from metrics import shingle_counts, shingle_scores, snippet_counts, snippet_scores

    per: dict[str, list[object]] = defaultdict(list)
    for v, a, b in zip(views, p1, p2, strict=False):
        scores = Scores(first=list(map(float, a)), final=list(map(float, b)), threshold=threshold)
        lab = revise(v.blocks, v.facts, scores, load(v.lang))
        art = assemble(v.blocks, lab, v.lang, Source(None, "text"))
        gold = json.loads(
            (corpus_dir / v.corpus / v.page / "gold.json").read_text(encoding="utf-8")
        )
        if gold.get("body"):
            per[f"{v.corpus}/{v.view}/shingles"].append(
                shingle_counts("\n".join(art.body), gold["body"])
            )
        elif gold.get("with") or gold.get("without"):
            text = "\n".join(([art.title] if art.title else []) + list(art.body))
            per[f"{v.corpus}/{v.view}/snippets"].append(snippet_counts(text, gold))
    out: dict[str, dict[str, float]] = {}
    for key, items in sorted(per.items()):
        scores = shingle_scores(items) if key.endswith("shingles") else snippet_scores(items)  # type: ignore[arg-type]
        out[key] = {
            "precision": round(scores.precision, 4),
            "recall": round(scores.recall, 4),
            "f1": round(scores.f1, 4),
            "pages": scores.pages,
        }
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpus")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--C", type=float, default=0.5)
    ap.add_argument("--C2", type=float, default=0.5)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "newsclean" / "data" / "model.json")
    ap.add_argument("--no-write", action="store_true", help="cross-validate only")
    ap.add_argument("--limit", type=int, default=0)
    args = ap.parse_args()

    pages = corpus_pages(args.corpus, "train")
    if args.limit:
        pages = pages[:: max(1, len(pages) // args.limit)]
    t0 = time.time()
    views: list[PageView] = []
    with ProcessPoolExecutor(args.jobs) as pool:
        for result in pool.map(build, pages, chunksize=8):
            views.extend(result)
    print(
        f"built {len(views)} page views from {len(pages)} pages in {time.time() - t0:.1f}s",
        file=sys.stderr,
    )

    fold = folds_by_site(views, args.folds)
    X1 = matrix([r for v in views for r in v.ids], N_FEATURES)
    y = np.array([t for v in views for t in v.y])
    w = np.array([t for v in views for t in v.w])
    bounds = np.cumsum([0] + [len(v.y) for v in views])
    row_fold = np.repeat(fold, [len(v.y) for v in views])
    print(
        f"{X1.shape[0]} lines, {int((w > 0).sum())} labelled, {int(y[w > 0].sum())} positive",
        file=sys.stderr,
    )

    def out_of_fold(X: csr_matrix, C: float) -> tuple[np.ndarray, list[np.ndarray]]:
        """Each line scored by a model fitted on the other folds; also split per view."""
        p_all = np.zeros(X.shape[0])
        for k in range(args.folds):
            train = (row_fold != k) & (w > 0)
            test = row_fold == k
            p_all[test] = fit(X[train], y[train], w[train], C).predict_proba(X[test])[:, 1]
        return p_all, [p_all[bounds[i] : bounds[i + 1]] for i in range(len(views))]

    p1_all, p1 = out_of_fold(X1, args.C)
    X2 = matrix(stage2_rows(views, p1), N_STAGE2)
    p2_all, p2 = out_of_fold(X2, args.C2)

    lab = w > 0
    for name, p in (("stage 1", p1_all), ("stage 2", p2_all)):
        acc = float(np.average((p[lab] >= 0.5) == (y[lab] == 1), weights=w[lab]))
        print(f"held-out weighted line accuracy, {name}: {acc:.4f}", file=sys.stderr)
    results = evaluate(views, p1, p2, args.threshold, args.corpus)
    print("held-out (by site) page metrics:", file=sys.stderr)
    for key, r in results.items():
        print(
            f"  {key:28s} P {r['precision']:.3f}  R {r['recall']:.3f}  F {r['f1']:.3f}",
            file=sys.stderr,
        )

    if args.no_write:
        return
    m1 = fit(X1[lab], y[lab], w[lab], args.C)
    m2 = fit(X2[lab], y[lab], w[lab], args.C2)
    model = {
        "version": time.strftime("%Y-%m-%d") + f"-lr-C{args.C}",
        "threshold": args.threshold,
        "trained_on": f"{len(pages)} pages x {len(VIEWS)} views ({', '.join(VIEWS)})",
        "heldout": results,
        "stage1": weights_table(m1.coef_[0], GROUPS),
        "stage2": weights_table(m2.coef_[0], STAGE2_GROUPS),
    }
    args.out.write_text(json.dumps(model, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
