"""Small helpers the asset modules share: previews, progress logging, run bookkeeping."""

import time

import dagster as dg
import duckdb


def preview(con: duckdb.DuckDBPyConnection, sql: str, params=None, max_chars: int = 60) -> dg.MetadataValue:
    """A markdown table of a query's first rows, long texts shortened, for the UI."""
    frame = con.execute(sql, params or []).df()
    for col in frame.columns:
        if frame[col].dtype == object:
            frame[col] = frame[col].map(
                lambda v: v if not isinstance(v, str) or len(v) <= max_chars else v[:max_chars] + "…")
    if frame.empty:
        return dg.MetadataValue.md("_(no rows)_")
    return dg.MetadataValue.md(frame.to_markdown(index=False))


def count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    return con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


class Progress:
    """Logs "done / total (rate)" at most every ``every`` seconds and at the end."""

    def __init__(self, log, what: str, total: int, unit: str = "documents", every: float = 5.0):
        self.log, self.what, self.total, self.unit, self.every = log, what, total, unit, every
        self.done = 0
        self.start = self.last = time.perf_counter()

    def advance(self, n: int) -> None:
        self.done += n
        now = time.perf_counter()
        if now - self.last >= self.every or self.done >= self.total:
            self.last = now
            rate = self.done / max(now - self.start, 1e-9)
            self.log.info(f"{self.what}: {self.done}/{self.total} {self.unit} ({rate:,.0f} {self.unit}/s)")

    @property
    def seconds(self) -> float:
        return time.perf_counter() - self.start


def run_selects(context: dg.AssetExecutionContext, key: dg.AssetKey) -> bool:
    """Whether this run materializes ``key`` too (a full job run selects everything)."""
    selection = context.run.asset_selection
    return not selection or key in selection  # None or empty: the whole job


def tracked(batches, sizes: list[int], size=len):
    """Pass batches through, appending each one's ``size`` to ``sizes`` (for progress counts)."""
    for batch in batches:
        sizes.append(size(batch))
        yield batch
