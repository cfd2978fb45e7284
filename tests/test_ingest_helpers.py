"""Shared locations for the ingest tests (no test functions here)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.shared import SHARED

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "ingest"
SAMPLE = REPO / "raw" / "yuzhong-2024-web.txt"


def shared_dir() -> Path:
    """``../shared`` (see ``tests/shared.py``)."""
    return SHARED


def corpus_dir() -> Path:
    corpus = shared_dir() / "corpus"
    if not (corpus / "MANIFEST.tsv").exists():
        pytest.skip(f"../shared not present: no corpus at {corpus}")
    return corpus
