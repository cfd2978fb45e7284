"""Warehouse assets: the tables (this run's documents merged in), the seed tables, and the published
warehouse file."""

import datetime as dt

import dagster as dg

from pipelines.config import SQL_DIR
from pipelines.defs.resources import GovReportResource
from pipelines.stage_runner import markdown_table
from pipelines.version import pipeline_version
from pipelines.warehouse.manifest import read_manifest, write_manifest
from pipelines.warehouse.models import discover_models, models_digest
from pipelines.warehouse.seeds import SEEDS_DIR

GROUP = "warehouse"


@dg.asset(group_name=GROUP, kinds={"duckdb"}, deps=["metric_mentions"])
def warehouse_tables(context: dg.AssetExecutionContext, govreport: GovReportResource) -> dg.MaterializeResult:
    """The warehouse tables (`documents`, `sections`, `paragraphs`, `sentences`, `metrics`,
    `document_sources`, `rejected_documents`): this run's documents merged in one transaction —
    a changed file's old rows replaced, a deleted file's rows removed, nothing duplicated."""
    store = govreport.store()
    if not store.has_build(context.run.run_id):
        context.log.info("Nothing to load: the inventory found no change.")
        return dg.MaterializeResult(metadata={"documents_loaded": 0})
    with store.build(context.run.run_id) as build:
        loaded = build.load(ingested_at=dt.datetime.now(dt.timezone.utc).replace(tzinfo=None),
                            pipeline_version=pipeline_version())
        totals = {f"rows_{t}": n for t, n in build.row_counts().items()}
        meta = {**{f"loaded_{k}": v for k, v in loaded.items()}, **totals,
                "preview": markdown_table(build.preview("documents"))}
    context.log.info(f"Loaded {loaded.get('documents', 0)} documents ({loaded.get('metrics', 0)} metrics); "
                     f"removed {loaded['documents_removed']}; warehouse now holds {totals['rows_documents']} "
                     "documents.")
    return dg.MaterializeResult(metadata={**meta, "dagster/row_count": totals["rows_documents"]})


@dg.asset(group_name=GROUP, kinds={"csv", "duckdb"}, deps=["raw_inventory"])
def seed_tables(context: dg.AssetExecutionContext, govreport: GovReportResource) -> dg.MaterializeResult:
    """Reference tables kept as CSV in `seeds/` and loaded as they are: `keywords` (the policy
    terms `keyword_intensity` counts) and `indicator_polarity` (which way is better for an
    indicator, for `targets_vs_actuals.met`). Edit a CSV and re-run the job to extend them."""
    store = govreport.store()
    if not store.has_build(context.run.run_id):
        context.log.info("Seeds unchanged: the inventory found no change.")
        return dg.MaterializeResult(metadata={"changed": False})
    with store.build(context.run.run_id) as build:
        loaded = build.load_seeds()
        meta = {f"rows_{name}": n for name, n in loaded.items()}
        if "keywords" in loaded:
            meta["preview"] = markdown_table(build.preview("keywords"))
    context.log.info(f"Loaded seeds from {SEEDS_DIR.name}/: " + ", ".join(f"{k} ({v} rows)" for k, v in loaded.items()))
    return dg.MaterializeResult(metadata={**meta, "dagster/row_count": sum(loaded.values())})


@dg.asset(group_name=GROUP, kinds={"duckdb"},
          deps=["warehouse_tables", *(m.name for m in discover_models(SQL_DIR))])
def published_warehouse(context: dg.AssetExecutionContext, govreport: GovReportResource) -> dg.MaterializeResult:
    """The DuckDB file analysts query (`warehouse/reports.duckdb` by default): this run's build,
    tables and views, swapped in atomically (a rename), so that a failed run never leaves a
    half-written warehouse and open analyst sessions are never blocked."""
    store = govreport.store(log=context.log.info)
    if not store.has_build(context.run.run_id):
        store.end_run(context.run.run_id)
        context.log.info(f"Nothing to publish: {store.published} is up to date.")
        return dg.MaterializeResult(metadata={"path": str(store.published), "published": False})
    with store.build(context.run.run_id) as build:
        sources = build.scanned_sources()
        if sources is None:  # a run without the inventory (one view from the UI): the sources stand
            sources = (read_manifest(store.published) or {}).get("sources", {})
        totals = {f"rows_{t}": n for t, n in build.row_counts().items()}
    store.publish(context.run.run_id)  # waits out a read-write holder, or raises WarehouseBusy
    write_manifest(store.published, {"sources": sources, "pipeline_version": pipeline_version(),
                                     "models_digest": models_digest(), "run_id": context.run.run_id,
                                     "published_at": dt.datetime.now(dt.timezone.utc).isoformat()})
    store.end_run(context.run.run_id)
    context.log.info(f"Published the warehouse: {store.published}")
    return dg.MaterializeResult(metadata={"path": dg.MetadataValue.path(str(store.published)),
                                          "published": True, **totals})
