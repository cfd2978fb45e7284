"""The records that flow between stages, and the ids they carry.

Data flows one way: raw files → cleaned documents (``pipelines.ingest``) → segments
(``pipelines.segment``) → metric mentions (``pipelines.extract``) → warehouse tables
(``pipelines.warehouse``) → SQL views (``sql/``). Each stage is a module of plain functions on
strings and records (dicts); the Dagster assets in ``pipelines.defs`` are thin wrappers.

Every offset is a 0-based, end-exclusive position in the document's ``clean_text``, so that
``clean_text[char_start:char_end]`` is exactly the row's text (``heading`` for a section,
``text`` for a paragraph or sentence, ``value_text`` for a metric).
"""
from __future__ import annotations

import hashlib

# Columns of each warehouse table, in order. The first block of each list is the public contract
# documented in the README (never renamed or dropped); later entries extend it.
DOCUMENT_COLUMNS = [
    "doc_id", "source_path", "sha256", "title", "region", "year", "report_date", "char_count",
    "clean_text", "ingested_at",
    # extensions
    "province", "admin_level", "meeting", "speaker", "speaker_title", "region_code", "source_url",
    "encoding", "source_format", "is_complete", "completeness_note", "pages",
    "pipeline_version", "plan_year", "replaced_bytes", "decode_note",
]
SECTION_COLUMNS = [
    "doc_id", "section_id", "parent_section_id", "level", "ordinal", "heading", "char_start",
    "char_end",
    # extensions
    "part", "content_end",
]
PARAGRAPH_COLUMNS = [
    "doc_id", "paragraph_id", "section_id", "ordinal", "text", "char_start", "char_end",
    # extensions
    "part",
]
SENTENCE_COLUMNS = [
    "doc_id", "sentence_id", "paragraph_id", "section_id", "ordinal", "text", "char_start",
    "char_end",
    # extensions
    "part", "is_target_statement",
]
METRIC_COLUMNS = [
    "doc_id", "metric_id", "sentence_id", "indicator", "value_text", "value", "unit", "qualifier",
    "period", "char_start", "char_end",
    # extensions
    "value_high", "indicator_code", "measure", "direction", "target_strength", "statement",
    "reference_year", "period_kind", "base_year", "is_stretch_marked", "signed_value",
]
REJECTED_COLUMNS = ["source_path", "sha256", "reason", "detected_at"]

PARTS = ("review", "plan", "tasks", "self_building", "closing", "other")


def content_id(data: bytes | str) -> str:
    """A stable id derived from content: the first 16 hex digits of its sha256."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:16]


def section_id(doc_id: str, n: int) -> str:
    return f"{doc_id}-s{n}"


def paragraph_id(doc_id: str, n: int) -> str:
    return f"{doc_id}-p{n}"


def sentence_id(doc_id: str, n: int) -> str:
    return f"{doc_id}-t{n}"


def metric_id(doc_id: str, n: int) -> str:
    return f"{doc_id}-m{n}"
