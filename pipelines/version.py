"""Which pipeline built a document: the package version plus a digest of the stage code and rules.

A change to any cleaning, segmenting or extraction rule (code or data table) changes the digest, so
documents built by an older pipeline can be found (``documents.pipeline_version``) and re-processed.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

__version__ = "0.1.0"
_STAGES = ("ingest", "segment", "extract")


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    root = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for stage in _STAGES:
        for f in sorted((root / stage).rglob("*")):
            if f.is_file() and f.suffix in {".py", ".csv", ".json", ".txt"}:
                digest.update(f.relative_to(root).as_posix().encode())
                digest.update(f.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:10]}"
