"""The per-batch work of each stage, as plain functions a worker process can run.

Each takes a batch of records and returns Arrow tables shaped like the warehouse tables (see
``pipelines.warehouse.frames``): no Dagster and no database here.
"""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa

from pipelines.extract import extract_document_metrics
from pipelines.ingest import RawFile, document_sources, ingest_group
from pipelines.segment import segment_document
from pipelines.warehouse.frames import to_arrow

def clean_batch(groups: list[list[RawFile]]) -> dict[str, list[dict]]:
    """Groups of raw files → their documents (with ``heading_hints`` as JSON for the segment stage),
    the sources of each document (every page of its group; an export row is its own, ``file.csv#N``),
    and the rejected files."""
    documents, sources, rejected = [], [], []
    for group in groups:
        outcome = ingest_group(group)
        rejected.extend(outcome.rejected)
        for doc in outcome.documents:
            doc["heading_hints"] = json.dumps(doc.get("heading_hints") or [], ensure_ascii=False)
            documents.append(doc)
            sources.extend(document_sources(doc, group))  # its pages; an export row is its own source
    return {"documents": documents, "document_sources": sources, "rejected_documents": rejected}


def segment_batch(docs: pa.Table) -> dict[str, pa.Table]:
    """Documents (doc_id, clean_text, heading_hints) → sections, paragraphs, sentences."""
    sections, paragraphs, sentences = [], [], []
    for doc_id, clean_text, hints in zip(*(docs.column(c).to_pylist()
                                           for c in ("doc_id", "clean_text", "heading_hints"))):
        seg = segment_document(doc_id, clean_text, json.loads(hints) if hints else None)
        sections.extend(seg.sections)
        paragraphs.extend(seg.paragraphs)
        sentences.extend(seg.sentences)
    return {"sections": to_arrow("sections", sections), "paragraphs": to_arrow("paragraphs", paragraphs),
            "sentences": to_arrow("sentences", sentences)}


def extract_batch(batch: tuple[pa.Table, pa.Table]) -> dict[str, pa.Table]:
    """(documents, their sentences ordered by doc_id and ordinal) → metric mentions."""
    docs, sentences = batch
    by_doc: dict[str, list[dict]] = {}
    for s in sentences.to_pylist():
        by_doc.setdefault(s["doc_id"], []).append(s)
    metrics = []
    for doc in docs.to_pylist():
        metrics.extend(extract_document_metrics(doc, by_doc.get(doc["doc_id"], [])))
    return {"metrics": to_arrow("metrics", metrics)}


def raw_file(raw_dir: Path, source_path: str, sha256: str, size: int) -> RawFile:
    return RawFile(source_path=source_path, path=Path(raw_dir) / source_path, sha256=sha256, size=size)
