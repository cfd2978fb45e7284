"""Loading stage assets: the warehouse tables, and the published warehouse file."""

import datetime as dt

import dagster as dg

from pipelines.assets.common import count, preview
from pipelines.assets.extraction import metric_mentions
from pipelines.assets.ingest import models_digest
from pipelines.resources import GovReportResource
from pipelines.version import pipeline_version
from pipelines.warehouse.load import load_staging
from pipelines.warehouse.manifest import read_manifest, write_manifest
from pipelines.warehouse.schema import TABLES
from pipelines.warehouse.store import STAGING


@dg.asset(group_name="loading", kinds={"duckdb"}, deps=[metric_mentions])
def warehouse_tables(context: dg.AssetExecutionContext, govreport: GovReportResource) -> dg.MaterializeResult:
    """The warehouse tables (`documents`, `sections`, `paragraphs`, `sentences`, `metrics`,
    `document_sources`, `rejected_documents`): this run's documents merged in one transaction —
    a changed file's old rows replaced, a deleted file's rows removed, nothing duplicated."""
    store = govreport.store()
    if not store.has_build(context.run.run_id):
        context.log.info("Nothing to load: the inventory found no change.")
        return dg.MaterializeResult(metadata={"documents_loaded": 0})
    with store.build(context.run.run_id) as con:
        loaded = load_staging(con, ingested_at=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
                              pipeline_version=pipeline_version())
        totals = {f"rows_{t}": count(con, t) for t in TABLES}
        meta = {**{f"loaded_{k}": v for k, v in loaded.items()}, **totals,
                "preview": preview(con, "SELECT doc_id, region, year, source_path, char_count, is_complete "
                                        "FROM documents ORDER BY source_path LIMIT 10")}
    context.log.info(f"Loaded {loaded.get('documents', 0)} documents ({loaded.get('metrics', 0)} metrics); "
                     f"removed {loaded['documents_removed']}; warehouse now holds {totals['rows_documents']} "
                     "documents.")
    return dg.MaterializeResult(metadata={**meta, "dagster/row_count": totals["rows_documents"]})


def build_published_asset(model_keys: list[dg.AssetKey]) -> dg.AssetsDefinition:
    @dg.asset(group_name="loading", kinds={"duckdb"}, deps=[warehouse_tables, *model_keys])
    def published_warehouse(context: dg.AssetExecutionContext,
                            govreport: GovReportResource) -> dg.MaterializeResult:
        """The DuckDB file analysts query (`warehouse/reports.duckdb` by default): this run's build,
        tables and views, swapped in atomically (a rename), so that a failed run never leaves a
        half-written warehouse and open analyst sessions are never blocked."""
        store = govreport.store(log=context.log.info)
        if not store.has_build(context.run.run_id):
            store.end_run(context.run.run_id)
            context.log.info(f"Nothing to publish: {store.published} is up to date.")
            return dg.MaterializeResult(metadata={"path": str(store.published), "published": False})
        with store.build(context.run.run_id) as con:
            has_scan = con.execute("SELECT count(*) FROM duckdb_tables() WHERE schema_name = ? "
                                   "AND table_name = 'scanned_files'", [STAGING]).fetchone()[0]
            if has_scan:
                sources = dict(con.execute(f"SELECT source_path, sha256 FROM {STAGING}.scanned_files").fetchall())
            else:
                sources = (read_manifest(store.published) or {}).get("sources", {})
            totals = {f"rows_{t}": count(con, t) for t in TABLES}
        store.publish(context.run.run_id)  # waits out a read-write holder, or raises WarehouseBusy
        write_manifest(store.published, {"sources": sources, "pipeline_version": pipeline_version(),
                                         "models_digest": models_digest(), "run_id": context.run.run_id,
                                         "published_at": dt.datetime.now(dt.timezone.utc).isoformat()})
        store.end_run(context.run.run_id)
        context.log.info(f"Published the warehouse: {store.published}")
        return dg.MaterializeResult(metadata={"path": dg.MetadataValue.path(str(store.published)),
                                              "published": True, **totals})

    return published_warehouse
