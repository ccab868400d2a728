"""Classify: each line's probability of being article text, from the shipped model.

Two logistic regressions over one-hot feature bins (see :mod:`newsclean.features`):
the first scores each line from its own facts and its place in the page, the
second rescores it among its neighbours' first scores (a stacked, jusText-like
context pass). The weights are data (``newsclean/data/model.json``), written by
``training/train.py`` from the development corpus.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .features import (
    GROUPS,
    N_FEATURES,
    N_STAGE2,
    STAGE2_GROUPS,
    Facts,
    listing_marks,
    page_features,
    stage2_feature_ids,
)
from .model import Block

MODEL_PATH = Path(__file__).parent / "data" / "model.json"


@dataclass(frozen=True)
class BodyModel:
    """Weights of both stages, flattened in the order of the feature groups."""

    stage1: tuple[float, ...]
    stage2: tuple[float, ...]
    threshold: float
    version: str

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> BodyModel:
        def flatten(key: str, groups: tuple[tuple[str, int], ...], size: int) -> tuple[float, ...]:
            table = data.get(key)
            if not isinstance(table, dict):
                raise ValueError(f"model has no '{key}' table")
            weights: list[float] = []
            for name, bins in groups:
                values = table.get(name, [0.0] * bins)
                if not isinstance(values, list) or len(values) != bins:
                    raise ValueError(f"model group {key}.{name} should have {bins} weights")
                weights.extend(float(v) for v in values)
            assert len(weights) == size
            return tuple(weights)

        threshold = data.get("threshold", 0.5)
        return cls(
            stage1=flatten("stage1", GROUPS, N_FEATURES),
            stage2=flatten("stage2", STAGE2_GROUPS, N_STAGE2),
            threshold=float(threshold) if isinstance(threshold, (int, float)) else 0.5,
            version=str(data.get("version", "unknown")),
        )


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_PATH) -> BodyModel:
    with path.open(encoding="utf-8") as fh:
        return BodyModel.from_dict(json.load(fh))


def _sigmoid(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


@dataclass(frozen=True, slots=True)
class Scores:
    """Per-line model output: first-stage and final probabilities, and the decision threshold."""

    first: list[float]
    final: list[float]
    threshold: float


def score_lines(
    blocks: Sequence[Block], facts: Sequence[Facts], model: BodyModel | None = None
) -> Scores:
    """Probability that each line belongs to the article text."""
    model = model or load_model()
    ids = page_features(blocks, facts)
    # (a list's item lookup is about twice as fast as a tuple's when called through map)
    get1 = list(model.stage1).__getitem__
    first = [_sigmoid(sum(map(get1, row))) for row in ids]
    get2 = list(model.stage2).__getitem__
    listing = listing_marks(blocks)
    rows2 = stage2_feature_ids(first, facts, listing)
    final = [_sigmoid(sum(map(get2, row))) for row in rows2]
    return Scores(first=first, final=final, threshold=model.threshold)
