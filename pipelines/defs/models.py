"""One asset per SQL model in `sql/`: each builds its view, after the models it reads."""

import dagster as dg

from pipelines.config import SQL_DIR
from pipelines.defs.resources import GovReportResource
from pipelines.stage_runner import markdown_table, run_selects
from pipelines.warehouse.models import SqlModel, discover_models, references
from pipelines.warehouse.seeds import seed_files


def _model_asset(model: SqlModel) -> dg.AssetsDefinition:
    seeds = ["seed_tables"] if references(model.sql, seed_files()) else []  # reads `keywords` …

    @dg.asset(name=model.name, group_name="models", kinds={"sql", "duckdb"},
              deps=["warehouse_tables", *seeds, *model.deps],
              description=f"{model.materialized.capitalize()} `{model.name}` "
                          f"({model.path.parent.name}/{model.path.name}).\n\n"
                          f"{model.description}")
    def _view(context: dg.AssetExecutionContext, govreport: GovReportResource) -> dg.MaterializeResult:
        store = govreport.store()
        if not store.has_build(context.run.run_id) and run_selects(context, dg.AssetKey("raw_inventory")):
            context.log.info(f"View {model.name} unchanged: the inventory found no change.")
            return dg.MaterializeResult(metadata={"changed": False})
        with store.build(context.run.run_id) as build:
            n = build.create_model(model)
            meta = {"dagster/row_count": n, "preview": markdown_table(build.preview(model.name))}
        return dg.MaterializeResult(metadata=meta)

    return _view


@dg.definitions
def models() -> dg.Definitions:
    return dg.Definitions(assets=[_model_asset(m) for m in discover_models(SQL_DIR)])
