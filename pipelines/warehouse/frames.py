"""Rows as Arrow tables typed like the warehouse tables: built in the worker processes (so the
row-to-column work runs in parallel and crosses the process boundary as compact buffers), then
appended in bulk by the single writer."""
from __future__ import annotations

import duckdb
import pyarrow as pa

from pipelines.warehouse.schema import TABLES

_ARROW_TYPES = {
    "VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(),
    "BOOLEAN": pa.bool_(), "DATE": pa.date32(), "TIMESTAMP": pa.timestamp("us"),
    "VARCHAR[]": pa.list_(pa.string()),
}


def arrow_schema(table: str, extra: dict[str, str] | None = None) -> pa.Schema:
    cols = {**TABLES[table], **(extra or {})}
    return pa.schema([(c, _ARROW_TYPES[t]) for c, t in cols.items()])


def to_arrow(table: str, rows: list[dict], extra: dict[str, str] | None = None) -> pa.Table:
    """Records → an Arrow table with exactly the table's columns (missing keys become nulls)."""
    schema = arrow_schema(table, extra)
    return pa.Table.from_arrays([pa.array([r.get(f.name) for r in rows], type=f.type) for f in schema],
                                schema=schema)


def append_arrow(con: duckdb.DuckDBPyConnection, target: str, frame: pa.Table) -> int:
    """INSERT INTO target (the frame's columns) every row of the frame, in one statement."""
    if frame.num_rows == 0:
        return 0
    con.register("_arrow_frame", frame)
    try:
        cols = ", ".join(f'"{c}"' for c in frame.column_names)
        con.execute(f"INSERT INTO {target} ({cols}) SELECT {cols} FROM _arrow_frame")
    finally:
        con.unregister("_arrow_frame")
    return frame.num_rows
