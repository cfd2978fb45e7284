"""Extraction stage asset: every number in every sentence as a normalized metric mention."""

import dagster as dg

from pipelines.assets.common import Progress, preview, tracked
from pipelines.assets.segmenting import segments
from pipelines.batches import extract_batch
from pipelines.parallel import map_batches
from pipelines.resources import GovReportResource
from pipelines.warehouse.frames import append_arrow
from pipelines.warehouse.store import STAGING

_SENTENCE_COLS = ", ".join(["doc_id", "sentence_id", "paragraph_id", "section_id", "ordinal", "text",
                            "char_start", "char_end", "part", "is_target_statement"])


def _doc_sentence_batches(con, size: int):
    """(documents, their sentences) as Arrow tables, a batch of documents at a time."""
    docs = con.execute(f"SELECT doc_id, year, plan_year, region, admin_level FROM {STAGING}.documents "
                       "ORDER BY doc_id").to_arrow_table()
    for i in range(0, docs.num_rows, size):
        chunk = docs.slice(i, size)
        con.register("_batch_docs", chunk)
        sentences = con.execute(f"SELECT {_SENTENCE_COLS} FROM {STAGING}.sentences "
                                "WHERE doc_id IN (SELECT doc_id FROM _batch_docs) "
                                "ORDER BY doc_id, ordinal").to_arrow_table()
        con.unregister("_batch_docs")
        yield chunk, sentences


@dg.asset(group_name="extraction", kinds={"python", "duckdb"}, deps=[segments])
def metric_mentions(context: dg.AssetExecutionContext, govreport: GovReportResource) -> dg.MaterializeResult:
    """Every number in the reports turned into a metric mention: normalized value in its base unit,
    unit, indicator (as written, and its dictionary code), qualifier, measure, period, whether it is
    an actual figure, an estimate or a target, and the year it is about — each traceable to its
    sentence and exact character span."""
    store = govreport.store()
    if not store.has_build(context.run.run_id):
        context.log.info("Nothing to extract: the inventory found no change.")
        return dg.MaterializeResult(metadata={"metrics": 0})
    with store.build(context.run.run_id) as con:
        total, chars = con.execute(f"SELECT count(*), coalesce(sum(char_count), 0) "
                                   f"FROM {STAGING}.documents").fetchone()
        progress = Progress(context.log, "extraction", total)
        n = 0
        batches = tracked(_doc_sentence_batches(con, govreport.batch_size), sizes := [],
                          size=lambda b: b[0].num_rows)
        for frames in map_batches(extract_batch, batches, govreport.worker_count()):
            n += append_arrow(con, f"{STAGING}.metrics", frames["metrics"])
            progress.advance(sizes.pop(0))
        meta = {"metrics": n, "documents": total, "seconds": round(progress.seconds, 3),
                "chars_per_second": round(chars / max(progress.seconds, 1e-9)),
                "preview": preview(con, f"SELECT indicator, value_text, value, unit, qualifier, period "
                                        f"FROM {STAGING}.metrics ORDER BY doc_id, char_start LIMIT 12")}
    return dg.MaterializeResult(metadata={**meta, "dagster/row_count": n})
