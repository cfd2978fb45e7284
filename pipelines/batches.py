"""The per-batch work of each stage, as plain functions a worker process can run.

Each takes a batch of records and returns plain records: no Dagster, no DuckDB here.
"""
from __future__ import annotations

import json
from pathlib import Path

from pipelines.extract import extract_document_metrics
from pipelines.ingest import RawFile, ingest_group
from pipelines.segment import segment_document


def clean_batch(groups: list[list[RawFile]]) -> list[tuple[list[dict], list[dict]]]:
    """(documents, rejected) for each group of raw files, in order."""
    results = []
    for group in groups:
        outcome = ingest_group(group)
        for doc in outcome.documents:
            doc["heading_hints"] = json.dumps(doc.get("heading_hints") or [], ensure_ascii=False)
        results.append((outcome.documents, outcome.rejected))
    return results


def segment_batch(docs: list[tuple[str, str, str | None]]) -> tuple[list[dict], list[dict], list[dict]]:
    sections, paragraphs, sentences = [], [], []
    for doc_id, clean_text, hints in docs:
        seg = segment_document(doc_id, clean_text, json.loads(hints) if hints else None)
        sections.extend(seg.sections)
        paragraphs.extend(seg.paragraphs)
        sentences.extend(seg.sentences)
    return sections, paragraphs, sentences


def extract_batch(docs: list[tuple[dict, list[dict]]]) -> list[dict]:
    metrics = []
    for doc, sentences in docs:
        metrics.extend(extract_document_metrics(doc, sentences))
    return metrics


def raw_file(raw_dir: Path, source_path: str, sha256: str, size: int) -> RawFile:
    return RawFile(source_path=source_path, path=Path(raw_dir) / source_path, sha256=sha256, size=size)
