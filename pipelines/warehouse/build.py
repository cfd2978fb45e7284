"""One run's build file, open read-write: the staging schema (declared once, here) and every query
the stages make of it. The Dagster assets call these methods and hold no SQL.

A run copies the published warehouse into ``.build/<run_id>.duckdb`` (see ``store``); each stage
writes its rows into the ``staging`` schema — a copy of every warehouse table plus the run's
bookkeeping tables below —, the load step merges staging into the main tables (``load``), the
models build the views, and ``publish`` drops the staging schema before the swap.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa

from pipelines.warehouse import load
from pipelines.warehouse.frames import append_arrow, to_arrow
from pipelines.warehouse.inventory import Plan, source_file, source_files
from pipelines.warehouse.models import SqlModel, create_view
from pipelines.warehouse.schema import STAGING, TABLES, create_table_sql
from pipelines.warehouse.seeds import load_seeds

# extra columns a stage carries between assets and the load step drops
STAGING_EXTRA = {"documents": {"heading_hints": "VARCHAR"}}
# the run's bookkeeping, beside the staged copy of each warehouse table:
RUN_TABLES = {
    # raw paths whose rows the load step deletes (changed, deleted, re-read files)
    "forget_paths": {"source_path": "VARCHAR"},
    # the files this run reads, grouped (pages of one report share a group) — written by the inventory
    "todo_files": {"group_no": "INTEGER", "page_no": "INTEGER", "source_path": "VARCHAR",
                   "sha256": "VARCHAR", "size": "BIGINT"},
    # every file of the raw folder at inventory time (what the manifest records once published);
    # absent when the run did not start at the inventory (one view materialized from the UI)
    "scanned_files": {"source_path": "VARCHAR", "sha256": "VARCHAR"},
    # the documents the load step merged (the asset checks look at them); absent before the load
    "loaded_documents": {"doc_id": "VARCHAR"},
}
_ALWAYS = ("forget_paths",)  # created with the build; the others when their step writes them

# the previews the assets show in the UI, by name
PREVIEWS = {
    "todo_files": f"SELECT source_path, sha256[:12] AS sha256, size FROM {STAGING}.todo_files "
                  "ORDER BY group_no, page_no LIMIT 10",
    "cleaned": f"SELECT doc_id, source_path, region, year, title, char_count FROM {STAGING}.documents "
               "ORDER BY source_path LIMIT 10",
    "rejected": f"SELECT source_path, reason FROM {STAGING}.rejected_documents LIMIT 10",
    "sections": f"SELECT level, part, heading FROM {STAGING}.sections ORDER BY doc_id, char_start LIMIT 12",
    "metrics": f"SELECT indicator, value_text, value, unit, qualifier, period FROM {STAGING}.metrics "
               "ORDER BY doc_id, char_start LIMIT 12",
    "documents": "SELECT doc_id, region, year, source_path, char_count, is_complete FROM documents "
                 "ORDER BY source_path LIMIT 10",
    "keywords": "SELECT * FROM keywords LIMIT 10",
}
_SENTENCE_COLS = ("doc_id", "sentence_id", "paragraph_id", "section_id", "ordinal", "text", "char_start",
                  "char_end", "part", "is_target_statement")


def _ddl(schema: str, name: str, columns: dict[str, str], replace: bool = False) -> str:
    cols = ", ".join(f'"{c}" {t}' for c, t in columns.items())
    head = "CREATE OR REPLACE TABLE" if replace else "CREATE TABLE IF NOT EXISTS"
    return f'{head} {schema}."{name}" ({cols})'


def ensure_tables(con: duckdb.DuckDBPyConnection, schema: str = "main") -> None:
    """Create the tables; a warehouse built by an earlier version gains the columns added since
    (null until its documents are re-processed, which a pipeline-version change triggers)."""
    for name, columns in TABLES.items():
        con.execute(create_table_sql(name, schema))
        for col, typ in columns.items():
            con.execute(f'ALTER TABLE {schema}."{name}" ADD COLUMN IF NOT EXISTS "{col}" {typ}')


def ensure_staging(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"CREATE SCHEMA IF NOT EXISTS {STAGING}")
    ensure_tables(con, STAGING)
    for name in TABLES:
        for col, typ in STAGING_EXTRA.get(name, {}).items():
            con.execute(f'ALTER TABLE {STAGING}."{name}" ADD COLUMN IF NOT EXISTS "{col}" {typ}')
    for name in _ALWAYS:
        con.execute(_ddl(STAGING, name, RUN_TABLES[name]))


def has_table(con: duckdb.DuckDBPyConnection, name: str, schema: str = STAGING) -> bool:
    return con.execute("SELECT count(*) FROM duckdb_tables() WHERE schema_name = ? AND table_name = ?",
                       [schema, name]).fetchone()[0] > 0


@dataclass(frozen=True)
class TodoFile:
    group_no: int
    source_path: str
    sha256: str
    size: int


class Build:
    """A read-write connection to one run's build file, with the stages' reads and writes."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self.con = con

    # -- inventory ---------------------------------------------------------------------------------
    def known_sources(self) -> dict[str, str]:
        """``{file: sha256}`` of every raw file the warehouse holds rows of (documents or rejections)."""
        return source_files(self.con.execute(
            "SELECT source_path, sha256 FROM document_sources UNION ALL "
            "SELECT source_path, sha256 FROM rejected_documents").fetchall())

    def stale_sources(self, pipeline_version: str) -> set[str]:
        """Raw files whose documents another pipeline version built."""
        return {source_file(p) for (p,) in self.con.execute(
            "SELECT DISTINCT s.source_path FROM document_sources s JOIN documents d USING (doc_id) "
            "WHERE d.pipeline_version IS DISTINCT FROM ?", [pipeline_version]).fetchall()}

    def record_plan(self, plan: Plan, current: dict[str, str], sizes: dict[str, int]) -> None:
        """Write the run plan: the paths to forget, the files to read (by group), the folder scanned."""
        self._insert("forget_paths", {"source_path": sorted(plan.forget)})
        pages = [(g, i, f) for g, group in enumerate(plan.todo) for i, f in enumerate(group)]
        self._insert("todo_files", {
            "group_no": [g for g, _, _ in pages], "page_no": [i for _, i, _ in pages],
            "source_path": [f.source_path for _, _, f in pages],
            "sha256": [f.sha256 for _, _, f in pages], "size": [sizes[f.source_path] for _, _, f in pages]})
        self._insert("scanned_files", {"source_path": list(current), "sha256": list(current.values())})

    def todo_groups(self) -> list[list[TodoFile]]:
        """The files this run reads, grouped as the inventory grouped them, in order."""
        groups: dict[int, list[TodoFile]] = {}
        for g, path, sha, size in self.con.execute(
                f"SELECT group_no, source_path, sha256, size FROM {STAGING}.todo_files "
                "ORDER BY group_no, page_no").fetchall():
            groups.setdefault(g, []).append(TodoFile(g, path, sha, size))
        return list(groups.values())

    def scanned_sources(self) -> dict[str, str] | None:
        """The raw folder as this run's inventory saw it (None when the run had no inventory)."""
        if not has_table(self.con, "scanned_files"):
            return None
        return dict(self.con.execute(f"SELECT source_path, sha256 FROM {STAGING}.scanned_files").fetchall())

    def _insert(self, name: str, columns: dict[str, list]) -> None:
        """(Re)create the run table ``name`` as declared and fill it with the given columns."""
        self.con.execute(_ddl(STAGING, name, RUN_TABLES[name], replace=True))
        if columns and any(columns.values()):
            append_arrow(self.con, f'{STAGING}."{name}"', pa.table(columns))

    # -- staging -----------------------------------------------------------------------------------
    def staged_doc_ids(self) -> set[str]:
        return {d for (d,) in self.con.execute(f"SELECT doc_id FROM {STAGING}.documents").fetchall()}

    def staged_totals(self) -> tuple[int, int]:
        """(documents, characters) staged by the cleaning step."""
        return self.con.execute(f"SELECT count(*), coalesce(sum(char_count), 0) "
                                f"FROM {STAGING}.documents").fetchone()

    def append(self, tables: dict[str, pa.Table | list[dict]]) -> dict[str, int]:
        """Append rows (Arrow tables, or records typed as the table) to staging tables, in one
        transaction; returns rows appended per table."""
        counts: dict[str, int] = {}
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table, rows in tables.items():
                frame = rows if isinstance(rows, pa.Table) else to_arrow(table, rows, STAGING_EXTRA.get(table))
                counts[table] = append_arrow(self.con, f'{STAGING}."{table}"', frame)
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return counts

    def stamp_rejections(self) -> None:
        """Set ``detected_at`` of this run's rejections to now."""
        self.con.execute(f"UPDATE {STAGING}.rejected_documents SET detected_at = now()::TIMESTAMP "
                         "WHERE detected_at IS NULL")

    def document_batches(self, size: int) -> Iterator[pa.Table]:
        """Staged documents (doc_id, clean_text, heading_hints), streamed in batches of ``size``."""
        reader = self.con.cursor().execute(
            f"SELECT doc_id, clean_text, heading_hints FROM {STAGING}.documents ORDER BY doc_id"
        ).to_arrow_reader(size)
        for batch in reader:
            if batch.num_rows:
                yield pa.Table.from_batches([batch])

    def sentence_batches(self, size: int) -> Iterator[tuple[pa.Table, pa.Table]]:
        """(documents, their sentences in order) as Arrow tables, ``size`` staged documents at a time."""
        docs = self.con.execute(f"SELECT doc_id, year, plan_year, region, admin_level FROM {STAGING}.documents "
                                "ORDER BY doc_id").to_arrow_table()
        cols = ", ".join(_SENTENCE_COLS)
        for i in range(0, docs.num_rows, size):
            chunk = docs.slice(i, size)
            self.con.register("_batch_docs", chunk)
            sentences = self.con.execute(f"SELECT {cols} FROM {STAGING}.sentences "
                                         "WHERE doc_id IN (SELECT doc_id FROM _batch_docs) "
                                         "ORDER BY doc_id, ordinal").to_arrow_table()
            self.con.unregister("_batch_docs")
            yield chunk, sentences

    # -- load, seeds, models -----------------------------------------------------------------------
    def load(self, *, ingested_at, pipeline_version: str) -> dict[str, int]:
        """Merge staging into the warehouse tables (see ``load``)."""
        return load.load_staging(self.con, ingested_at=ingested_at, pipeline_version=pipeline_version)

    def load_seeds(self, seeds_dir: Path | None = None) -> dict[str, int]:
        return load_seeds(self.con) if seeds_dir is None else load_seeds(self.con, seeds_dir)

    def create_model(self, model: SqlModel) -> int:
        """Build the model's view (or table); returns its row count."""
        create_view(self.con, model)
        return self.count(model.name)

    # -- reading -----------------------------------------------------------------------------------
    def count(self, table: str) -> int:
        return self.con.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]

    def row_counts(self) -> dict[str, int]:
        """Rows of every warehouse table."""
        return {t: self.count(t) for t in TABLES}

    def preview(self, name: str) -> pd.DataFrame:
        """One of the named previews (``PREVIEWS``), or the first rows of a view or table."""
        sql = PREVIEWS.get(name) or f'SELECT * FROM "{name}" LIMIT 8'
        return self.con.execute(sql).df()


