"""DDL of the warehouse tables: the public contract (see README, "Warehouse tables").

Column order follows ``pipelines.contracts``; types are DuckDB's. Tables are created empty in a
new warehouse and in the per-run ``staging`` schema with the same shape.
"""
from __future__ import annotations

from pipelines import contracts

TABLES: dict[str, dict[str, str]] = {
    "documents": {
        "doc_id": "VARCHAR", "source_path": "VARCHAR", "sha256": "VARCHAR", "title": "VARCHAR",
        "region": "VARCHAR", "year": "INTEGER", "report_date": "DATE", "char_count": "INTEGER",
        "clean_text": "VARCHAR", "ingested_at": "TIMESTAMP",
        "province": "VARCHAR", "admin_level": "VARCHAR", "meeting": "VARCHAR", "speaker": "VARCHAR",
        "speaker_title": "VARCHAR", "region_code": "VARCHAR", "source_url": "VARCHAR",
        "encoding": "VARCHAR", "source_format": "VARCHAR", "is_complete": "BOOLEAN",
        "completeness_note": "VARCHAR", "pages": "VARCHAR[]", "pipeline_version": "VARCHAR",
        "plan_year": "INTEGER", "replaced_bytes": "INTEGER", "decode_note": "VARCHAR",
    },
    "sections": {
        "doc_id": "VARCHAR", "section_id": "VARCHAR", "parent_section_id": "VARCHAR",
        "level": "INTEGER", "ordinal": "INTEGER", "heading": "VARCHAR", "char_start": "INTEGER",
        "char_end": "INTEGER", "part": "VARCHAR", "content_end": "INTEGER",
    },
    "paragraphs": {
        "doc_id": "VARCHAR", "paragraph_id": "VARCHAR", "section_id": "VARCHAR",
        "ordinal": "INTEGER", "text": "VARCHAR", "char_start": "INTEGER", "char_end": "INTEGER",
        "part": "VARCHAR",
    },
    "sentences": {
        "doc_id": "VARCHAR", "sentence_id": "VARCHAR", "paragraph_id": "VARCHAR",
        "section_id": "VARCHAR", "ordinal": "INTEGER", "text": "VARCHAR", "char_start": "INTEGER",
        "char_end": "INTEGER", "part": "VARCHAR", "is_target_statement": "BOOLEAN",
    },
    "metrics": {
        "doc_id": "VARCHAR", "metric_id": "VARCHAR", "sentence_id": "VARCHAR",
        "indicator": "VARCHAR", "value_text": "VARCHAR", "value": "DOUBLE", "unit": "VARCHAR",
        "qualifier": "VARCHAR", "period": "VARCHAR", "char_start": "INTEGER", "char_end": "INTEGER",
        "value_high": "DOUBLE", "indicator_code": "VARCHAR", "measure": "VARCHAR",
        "direction": "VARCHAR", "target_strength": "VARCHAR", "statement": "VARCHAR",
        "reference_year": "INTEGER", "period_kind": "VARCHAR", "base_year": "INTEGER",
        "is_stretch_marked": "BOOLEAN", "signed_value": "DOUBLE",
    },
    # every raw file that produced a document (a report saved under two names has two rows)
    "document_sources": {
        "doc_id": "VARCHAR", "source_path": "VARCHAR", "sha256": "VARCHAR",
    },
    "rejected_documents": {
        "source_path": "VARCHAR", "sha256": "VARCHAR", "reason": "VARCHAR",
        "detected_at": "TIMESTAMP",
    },
}

# The schema of a build file where a run stages its rows before the load step (see ``build``).
STAGING = "staging"

# Tables whose rows belong to one document (replaced together when the document changes).
DOCUMENT_TABLES = ("documents", "sections", "paragraphs", "sentences", "metrics")

_EXPECTED = {
    "documents": contracts.DOCUMENT_COLUMNS,
    "sections": contracts.SECTION_COLUMNS,
    "paragraphs": contracts.PARAGRAPH_COLUMNS,
    "sentences": contracts.SENTENCE_COLUMNS,
    "metrics": contracts.METRIC_COLUMNS,
    "rejected_documents": contracts.REJECTED_COLUMNS,
}
for _name, _cols in _EXPECTED.items():
    assert list(TABLES[_name]) == list(_cols), f"schema.{_name} drifted from contracts"


def create_table_sql(name: str, schema: str = "main") -> str:
    cols = ", ".join(f'"{c}" {t}' for c, t in TABLES[name].items())
    return f'CREATE TABLE IF NOT EXISTS {schema}."{name}" ({cols})'
