"""The load step: merge a run's staging tables into the warehouse tables, in one transaction.

Staging holds only the documents this run (re)processed, plus the raw paths it must forget (files
changed or deleted since the last run). The merge:

1. forgets those paths (their ``document_sources`` and ``rejected_documents`` rows);
2. records the staged sources and rejections;
3. deletes every document no source points to any more, with all its rows (no orphans);
4. replaces every staged document: its old rows (if this content was loaded before — re-processed
   by a newer pipeline, a full refresh, or the same content under another name) are deleted and the
   staged rows inserted, with their sections, paragraphs, sentences, metrics — one copy of each;
5. keeps ``documents.source_path`` = the first of the document's current source paths;
6. records the staged doc_ids in ``staging.loaded_documents`` (the asset checks look at them).

Documents not staged are not touched (their rows, ``ingested_at`` and ``pipeline_version`` stay).
A failure anywhere rolls the whole merge back.
"""
from __future__ import annotations

import duckdb

from pipelines.warehouse.schema import DOCUMENT_TABLES, STAGING, TABLES


def _cols(table: str) -> str:
    return ", ".join(f'"{c}"' for c in TABLES[table])


def load_staging(con: duckdb.DuckDBPyConnection, *, ingested_at, pipeline_version: str) -> dict:
    """Merge staging into main; returns counts of rows inserted and documents removed."""
    counts: dict[str, int] = {}
    con.execute("BEGIN TRANSACTION")
    try:
        # an export's rows (export.csv#N) go with their file
        for table in ("document_sources", "rejected_documents"):
            con.execute(f"""DELETE FROM {table} WHERE regexp_replace(source_path, '#[0-9]+$', '') IN
                            (SELECT source_path FROM {STAGING}.forget_paths)""")
        con.execute(f"INSERT INTO document_sources SELECT DISTINCT {_cols('document_sources')} "
                    f"FROM {STAGING}.document_sources")
        con.execute(f"INSERT INTO rejected_documents SELECT {_cols('rejected_documents')} "
                    f"FROM {STAGING}.rejected_documents")
        con.execute("CREATE TEMP TABLE _orphans AS SELECT doc_id FROM documents "
                    "WHERE doc_id NOT IN (SELECT doc_id FROM document_sources)")
        counts["documents_removed"] = con.execute("SELECT count(*) FROM _orphans").fetchone()[0]
        for table in DOCUMENT_TABLES:
            con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM _orphans)")
        con.execute("DROP TABLE _orphans")
        con.execute(f"CREATE TEMP TABLE _new AS SELECT DISTINCT doc_id FROM {STAGING}.documents")
        counts["documents_replaced"] = con.execute(
            "SELECT count(*) FROM documents WHERE doc_id IN (SELECT doc_id FROM _new)").fetchone()[0]
        for table in DOCUMENT_TABLES:
            con.execute(f"DELETE FROM {table} WHERE doc_id IN (SELECT doc_id FROM _new)")
        for table in DOCUMENT_TABLES:
            cols = _cols(table)
            select = cols
            if table == "documents":
                select = cols.replace('"ingested_at"', "?::TIMESTAMP AS ingested_at").replace(
                    '"pipeline_version"', "?::VARCHAR AS pipeline_version")
                params = [ingested_at, pipeline_version]
            else:
                params = []
            con.execute(f"""INSERT INTO {table} ({cols}) SELECT {select} FROM {STAGING}.{table}
                            WHERE doc_id IN (SELECT doc_id FROM _new)""", params)
            counts[table] = con.execute(f"""SELECT count(*) FROM {STAGING}.{table}
                                            WHERE doc_id IN (SELECT doc_id FROM _new)""").fetchone()[0]
        con.execute(f"CREATE OR REPLACE TABLE {STAGING}.loaded_documents AS SELECT doc_id FROM _new")
        con.execute("DROP TABLE _new")
        con.execute("""UPDATE documents SET source_path = s.first_path
                       FROM (SELECT doc_id, min(source_path) AS first_path FROM document_sources
                             GROUP BY doc_id) s
                       WHERE documents.doc_id = s.doc_id AND documents.source_path <> s.first_path""")
        for table in TABLES:
            con.execute(f"DELETE FROM {STAGING}.{table}")
        con.execute(f"DELETE FROM {STAGING}.forget_paths")
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return counts
