"""The skeleton every per-document stage asset shares (ingest's cleaning, segment, extract):

1. the guard — a run whose inventory found no change has no build file: say so, return zeros;
2. open this run's build, read the stage's input in batches;
3. run the stage's pure batch function in the worker pool (``parallel.map_batches``);
4. write each batch's rows into staging, log progress (done / total, rate);
5. return the metadata the UI shows: row counts, documents, seconds, characters per second, a preview.

Also the small Dagster helpers the asset modules share (markdown previews, "does this run select
that asset").
"""
from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import dagster as dg
import pandas as pd

from pipelines.parallel import map_batches
from pipelines.warehouse.build import Build


def markdown_table(frame: pd.DataFrame, max_chars: int = 60) -> dg.MetadataValue:
    """A markdown table of a preview's rows, long texts shortened, for the UI."""
    frame = frame.copy()
    for col in frame.columns:
        if frame[col].dtype == object:
            frame[col] = frame[col].map(
                lambda v: v if not isinstance(v, str) or len(v) <= max_chars else v[:max_chars] + "…")
    if frame.empty:
        return dg.MetadataValue.md("_(no rows)_")
    return dg.MetadataValue.md(frame.to_markdown(index=False))


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


@dataclass
class StageInput:
    """A stage's work: ``total`` units (documents, files), their characters when known up front,
    the batches, and how many units a batch holds."""

    total: int
    batches: Iterable[Any]
    size: Callable[[Any], int] = len
    chars: int | None = None
    unit: str = "documents"


def run_stage(context: dg.AssetExecutionContext, govreport, *, name: str, verb: str,
              read: Callable[[Build, int], StageInput], work: Callable[[Any], Any],
              write: Callable[[Build, Any], dict[str, int]], zero: tuple[str, ...], row_count: str,
              preview: str, finish: Callable[[Build], dict] | None = None) -> dg.MaterializeResult:
    """Run one stage of this run's build (see the module doc).

    ``read(build, batch_size)`` gives the input; ``work(batch)`` runs in a worker process (a plain
    function of ``pipelines.batches``); ``write(build, result)`` stages its rows and returns counts
    (a ``characters`` count, when the input did not know its characters, feeds the rate);
    ``finish(build)`` may add metadata at the end; ``preview`` names a ``Build.preview``."""
    store = govreport.store()
    if not store.has_build(context.run.run_id):
        context.log.info(f"Nothing to {verb}: the inventory found no change.")
        return dg.MaterializeResult(metadata={k: 0 for k in zero})
    with store.build(context.run.run_id) as build:
        todo = read(build, govreport.batch_size)
        progress = Progress(context.log, name, todo.total, todo.unit)
        counts: Counter[str] = Counter({k: 0 for k in zero})
        sizes: list[int] = []

        def tracked(batches):
            for batch in batches:
                sizes.append(todo.size(batch))
                yield batch

        for result in map_batches(work, tracked(todo.batches), govreport.worker_count()):
            counts.update(write(build, result))
            progress.advance(sizes.pop(0))
        chars = todo.chars if todo.chars is not None else counts.get("characters", 0)
        meta = {**counts, **(finish(build) if finish else {}),
                "seconds": round(progress.seconds, 3),
                "chars_per_second": round(chars / max(progress.seconds, 1e-9)),
                "preview": markdown_table(build.preview(preview))}
        if todo.unit == "documents":
            meta["documents"] = todo.total
    return dg.MaterializeResult(metadata={**meta, "dagster/row_count": meta[row_count]})
