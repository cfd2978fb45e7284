"""Extraction stage asset: every number in every sentence as a normalized metric mention."""

import dagster as dg

from pipelines.assets.common import Progress, preview, tracked
from pipelines.assets.segmenting import segments
from pipelines.batches import extract_batch
from pipelines.parallel import map_batches
from pipelines.resources import GovReportResource
from pipelines.warehouse.store import STAGING, append_rows

_SENTENCE_COLS = ["doc_id", "sentence_id", "paragraph_id", "section_id", "ordinal", "text",
                  "char_start", "char_end", "part", "is_target_statement"]


def _doc_sentence_batches(con, size: int):
    """(document, its sentences) in batches of documents, read from DuckDB batch by batch."""
    docs = con.execute(f"SELECT doc_id, year, region, admin_level FROM {STAGING}.documents "
                       "ORDER BY doc_id").fetchall()
    for i in range(0, len(docs), size):
        chunk = docs[i:i + size]
        ids = [d[0] for d in chunk]
        rows = con.execute(f"SELECT {', '.join(_SENTENCE_COLS)} FROM {STAGING}.sentences "
                           "WHERE doc_id IN (SELECT unnest(?)) ORDER BY doc_id, ordinal", [ids]).fetchall()
        by_doc: dict[str, list[dict]] = {d: [] for d in ids}
        for row in rows:
            by_doc[row[0]].append(dict(zip(_SENTENCE_COLS, row)))
        yield [({"doc_id": d, "year": y, "region": r, "admin_level": a}, by_doc[d]) for d, y, r, a in chunk]


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
        batches = tracked(_doc_sentence_batches(con, govreport.batch_size), sizes := [])
        for metrics in map_batches(extract_batch, batches, govreport.worker_count()):
            n += append_rows(con, "metrics", metrics)
            progress.advance(sizes.pop(0))
        meta = {"metrics": n, "documents": total, "seconds": round(progress.seconds, 3),
                "chars_per_second": round(chars / max(progress.seconds, 1e-9)),
                "preview": preview(con, f"SELECT indicator, value_text, value, unit, qualifier, period "
                                        f"FROM {STAGING}.metrics ORDER BY doc_id, char_start LIMIT 12")}
    return dg.MaterializeResult(metadata={**meta, "dagster/row_count": n})
