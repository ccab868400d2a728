"""Shared test fixtures: the development corpus, and ``benchmarks`` on the import path."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))  # so that tests can import the benchmarks package


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The development corpus (``$NEWSCLEAN_CORPUS`` or ``../shared/corpus``); skip if absent."""
    path = Path(os.environ.get("NEWSCLEAN_CORPUS") or REPO_ROOT.parent / "shared" / "corpus")
    if not path.is_dir():
        pytest.skip(
            f"development corpus not found at {path} "
            "(set NEWSCLEAN_CORPUS to a folder in its layout to run this test)"
        )
    return path
