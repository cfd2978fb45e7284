"""Seed tables asset: the CSVs in `seeds/` (policy keywords, indicator polarity) as warehouse tables."""

import dagster as dg

from pipelines.assets.common import preview
from pipelines.assets.ingest import raw_inventory
from pipelines.resources import GovReportResource
from pipelines.warehouse.seeds import SEEDS_DIR, load_seeds


@dg.asset(group_name="loading", kinds={"csv", "duckdb"}, deps=[raw_inventory])
def seed_tables(context: dg.AssetExecutionContext, govreport: GovReportResource) -> dg.MaterializeResult:
    """Reference tables kept as CSV in `seeds/` and loaded as they are: `keywords` (the policy
    terms `keyword_intensity` counts) and `indicator_polarity` (which way is better for an
    indicator, for `targets_vs_actuals.met`). Edit a CSV and re-run the job to extend them."""
    store = govreport.store()
    if not store.has_build(context.run.run_id):
        context.log.info("Seeds unchanged: the inventory found no change.")
        return dg.MaterializeResult(metadata={"changed": False})
    with store.build(context.run.run_id) as con:
        loaded = load_seeds(con)
        meta = {f"rows_{name}": n for name, n in loaded.items()}
        if "keywords" in loaded:
            meta["preview"] = preview(con, "SELECT * FROM keywords LIMIT 10")
    context.log.info(f"Loaded seeds from {SEEDS_DIR.name}/: " + ", ".join(f"{k} ({v} rows)" for k, v in loaded.items()))
    return dg.MaterializeResult(metadata={**meta, "dagster/row_count": sum(loaded.values())})
