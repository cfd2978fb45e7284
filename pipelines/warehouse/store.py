"""The warehouse file, and how a run builds and publishes it.

Analysts read ``warehouse/reports.duckdb`` (the *published* file). The pipeline never writes to it in
place: a run copies it to ``warehouse/.build/<run_id>.duckdb``, writes its stages there (each stage
into the ``staging`` schema, the load step into the main tables in one transaction), builds the views,
and finally swaps the build file in with ``os.replace`` — an atomic rename. So:

- a run that fails half-way leaves the published warehouse exactly as it was;
- an analyst with the file open (read-only) is never blocked: their session keeps the snapshot it
  opened, a new connection sees the new build;
- the file stays readable by the DuckDB CLI that PyPI ships, because it is written with the storage
  format of DuckDB 1.5 (``STORAGE_VERSION``).
"""
from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pyarrow as pa

from pipelines.warehouse.schema import TABLES, create_table_sql

# The oldest storage format that holds everything we write; duckdb-cli 1.5 reads it.
STORAGE_VERSION = "v1.5.0"

STAGING = "staging"
# extra columns a stage carries between assets and the load step drops
STAGING_EXTRA = {"documents": {"heading_hints": "VARCHAR"}}


def connect(path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    config = {} if read_only else {"storage_compatibility_version": STORAGE_VERSION}
    return duckdb.connect(str(path), read_only=read_only, config=config)


def ensure_tables(con: duckdb.DuckDBPyConnection) -> None:
    for name in TABLES:
        con.execute(create_table_sql(name))


def ensure_staging(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"CREATE SCHEMA IF NOT EXISTS {STAGING}")
    for name in TABLES:
        con.execute(create_table_sql(name, STAGING))
        for col, typ in STAGING_EXTRA.get(name, {}).items():
            con.execute(f'ALTER TABLE {STAGING}."{name}" ADD COLUMN IF NOT EXISTS "{col}" {typ}')
    con.execute(f"CREATE TABLE IF NOT EXISTS {STAGING}.forget_paths (source_path VARCHAR)")


def append_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict],
                schema: str = STAGING) -> int:
    """Bulk-append records to a table through one Arrow table (no row-by-row inserts)."""
    if not rows:
        return 0
    cols = list(TABLES[table]) + list(STAGING_EXTRA.get(table, {}) if schema == STAGING else [])
    insert_columns(con, f'{schema}."{table}"', {c: [r.get(c) for r in rows] for c in cols})
    return len(rows)


def insert_columns(con: duckdb.DuckDBPyConnection, target: str, columns: dict[str, list]) -> None:
    """INSERT INTO target (columns…) the given column lists, in bulk."""
    if not columns or not len(next(iter(columns.values()))):
        return
    frame = pa.table(columns)
    con.register("_append_frame", frame)
    try:
        col_list = ", ".join(f'"{c}"' for c in columns)
        con.execute(f"INSERT INTO {target} ({col_list}) SELECT {col_list} FROM _append_frame")
    finally:
        con.unregister("_append_frame")


class Warehouse:
    """The published warehouse file and the per-run build files beside it."""

    def __init__(self, published: Path):
        self.published = Path(published)
        self.build_dir = self.published.parent / ".build"

    def build_path(self, run_id: str) -> Path:
        return self.build_dir / f"{run_id}.duckdb"

    def has_build(self, run_id: str) -> bool:
        return self.build_path(run_id).exists()

    def start_build(self, run_id: str) -> Path:
        """Copy the published warehouse (or start an empty one) into this run's build file."""
        path = self.build_path(run_id)
        if path.exists():
            return path
        self.build_dir.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".copying")
        if self.published.exists():
            shutil.copyfile(self.published, tmp)
            os.replace(tmp, path)
        with connect(path) as con:
            ensure_tables(con)
            ensure_staging(con)
        return path

    @contextmanager
    def build(self, run_id: str):
        """A read-write connection to this run's build file (started if needed)."""
        con = connect(self.start_build(run_id))
        try:
            yield con
        finally:
            con.close()

    def publish(self, run_id: str) -> Path:
        """Atomically replace the published warehouse with this run's build."""
        path = self.build_path(run_id)
        with connect(path) as con:
            con.execute(f"DROP SCHEMA IF EXISTS {STAGING} CASCADE")
            con.execute("CHECKPOINT")
        self.published.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, self.published)
        return self.published

    def discard(self, run_id: str) -> None:
        for p in (self.build_path(run_id), self.build_path(run_id).with_suffix(".duckdb.wal")):
            p.unlink(missing_ok=True)
