"""Clean text for the segment tests, produced by the REAL ingest stage (``pipelines.ingest``).

Every segment test feeds the segmenter what the pipeline feeds it: ``clean_text`` and ``heading_hints``
of the document ``ingest_group`` makes from a raw file. No stand-in cleaner.

- ``ingest_path(path, root)`` → the document dict of one raw file (``source_path`` relative to ``root``);
- ``load_clean(path, root)`` → ``(clean_text, heading_hints)`` of one raw file;
- ``clean_from_text(text, name)`` → the same for report text written to a temporary raw file
  (``name``'s extension picks the format: ``.md`` Markdown, ``.txt`` plain text);
- ``lawtext_corpus()`` → ``[(source_path, clean_text, heading_hints)]`` for every lawtext-gov report,
  ingested once per process (≈ 25–35 s on one core) and cached, so the corpus and national tests and
  the benchmark share one pass.
"""
from __future__ import annotations

import functools
import hashlib
import tempfile
from pathlib import Path

from pipelines.ingest import RawFile, ingest_folder, ingest_group

REPO = Path(__file__).resolve().parents[1]
from tests.shared import SHARED  # noqa: E402  (the one ../shared locator)

CORPUS = SHARED / "corpus"
LAWTEXT = CORPUS / "lawtext-gov"
NATIONAL = LAWTEXT / "政府工作报告-国务院"
SAMPLE = REPO / "raw" / "yuzhong-2024-web.txt"


def ingest_path(path: Path, root: Path | None = None) -> dict:
    """The document the real ingest stage makes of one raw file (fails the test if it is rejected)."""
    path = Path(path)
    root = Path(root) if root is not None else path.parent
    data = path.read_bytes()
    raw = RawFile(path.relative_to(root).as_posix(), path, hashlib.sha256(data).hexdigest(), len(data))
    outcome = ingest_group([raw])
    assert not outcome.rejected and len(outcome.documents) == 1, outcome.rejected
    return outcome.documents[0]


def load_clean(path: Path, root: Path | None = None) -> tuple[str, list[dict]]:
    doc = ingest_path(path, root)
    return doc["clean_text"], doc["heading_hints"]


def clean_from_text(text: str, name: str = "report.md") -> tuple[str, list[dict]]:
    """``(clean_text, heading_hints)`` of report text saved as a raw file called ``name``."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_text(text, encoding="utf-8")
        return load_clean(path, Path(tmp))


@functools.lru_cache(maxsize=1)
def lawtext_corpus() -> tuple[tuple[str, str, list[dict]], ...]:
    """Every lawtext-gov report through the real ingest, sorted by source path (cached per process)."""
    outcome = ingest_folder(LAWTEXT)
    assert outcome.rejected == [], outcome.rejected[:5]
    docs = sorted(outcome.documents, key=lambda d: d["source_path"])
    return tuple((d["source_path"], d["clean_text"], d["heading_hints"]) for d in docs)
