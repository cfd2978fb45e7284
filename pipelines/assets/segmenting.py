"""Segmenting stage asset: each cleaned document split into sections, paragraphs and sentences."""

import dagster as dg
import pyarrow as pa

from pipelines.assets.common import Progress, preview, tracked
from pipelines.assets.ingest import cleaned_documents
from pipelines.batches import segment_batch
from pipelines.parallel import map_batches
from pipelines.resources import GovReportResource
from pipelines.warehouse.frames import append_arrow
from pipelines.warehouse.store import STAGING


def _doc_batches(con, size: int):
    """The staged documents in batches, streamed from DuckDB (never all texts at once)."""
    reader = con.cursor().execute(f"SELECT doc_id, clean_text, heading_hints FROM {STAGING}.documents "
                                  "ORDER BY doc_id").to_arrow_reader(size)
    for batch in reader:
        if batch.num_rows:
            yield pa.Table.from_batches([batch])


@dg.asset(group_name="segmenting", kinds={"python", "duckdb"}, deps=[cleaned_documents])
def segments(context: dg.AssetExecutionContext, govreport: GovReportResource) -> dg.MaterializeResult:
    """The structure the author wrote: a section tree (一、 / （一） / 1. … with each section's part:
    review, plan, tasks, self_building, closing), paragraphs, and sentences (the year's target
    statement flagged), every row with exact offsets into the document's clean text."""
    store = govreport.store()
    if not store.has_build(context.run.run_id):
        context.log.info("Nothing to segment: the inventory found no change.")
        return dg.MaterializeResult(metadata={"sections": 0, "paragraphs": 0, "sentences": 0})
    with store.build(context.run.run_id) as con:
        total, chars = con.execute(f"SELECT count(*), coalesce(sum(char_count), 0) "
                                   f"FROM {STAGING}.documents").fetchone()
        progress = Progress(context.log, "segmenting", total)
        counts = {"sections": 0, "paragraphs": 0, "sentences": 0}
        batches = tracked(_doc_batches(con, govreport.batch_size), sizes := [])
        for frames in map_batches(segment_batch, batches, govreport.worker_count()):
            con.execute("BEGIN TRANSACTION")
            for table, frame in frames.items():
                counts[table] += append_arrow(con, f"{STAGING}.{table}", frame)
            con.execute("COMMIT")
            progress.advance(sizes.pop(0))
        meta = {**counts, "documents": total, "seconds": round(progress.seconds, 3),
                "chars_per_second": round(chars / max(progress.seconds, 1e-9)),
                "preview": preview(con, f"SELECT level, part, heading FROM {STAGING}.sections "
                                        "ORDER BY doc_id, char_start LIMIT 12")}
    return dg.MaterializeResult(metadata={**meta, "dagster/row_count": counts["sentences"]})
