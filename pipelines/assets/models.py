"""One asset per SQL model in `sql/`: each builds its view, after the models it reads."""

import dagster as dg

from pipelines.assets.common import preview, run_selects
from pipelines.assets.ingest import raw_inventory
from pipelines.assets.loading import warehouse_tables
from pipelines.assets.seeds import seed_tables
from pipelines.resources import GovReportResource
from pipelines.warehouse.models import SqlModel, create_view, discover_models, references
from pipelines.warehouse.seeds import seed_files


def _seed_deps(model: SqlModel) -> list:
    """The seed tables asset, when the model reads a seed table (`keywords`, …)."""
    return [seed_tables] if references(model.sql, seed_files()) else []


def _model_asset(model: SqlModel) -> dg.AssetsDefinition:
    @dg.asset(name=model.name, group_name="models", kinds={"sql", "duckdb"},
              deps=[warehouse_tables, *_seed_deps(model), *(dg.AssetKey(d) for d in model.deps)],
              description=f"{model.materialized.capitalize()} `{model.name}` "
                          f"({model.path.parent.name}/{model.path.name}).\n\n"
                          f"{model.description}")
    def _view(context: dg.AssetExecutionContext, govreport: GovReportResource) -> dg.MaterializeResult:
        store = govreport.store()
        if not store.has_build(context.run.run_id) and run_selects(context, raw_inventory.key):
            context.log.info(f"View {model.name} unchanged: the inventory found no change.")
            return dg.MaterializeResult(metadata={"changed": False})
        with store.build(context.run.run_id) as con:
            create_view(con, model)
            n = con.execute(f'SELECT count(*) FROM "{model.name}"').fetchone()[0]
            meta = {"dagster/row_count": n,
                    "preview": preview(con, f'SELECT * FROM "{model.name}" LIMIT 8')}
        return dg.MaterializeResult(metadata=meta)

    return _view


def build_model_assets(sql_dir) -> list[dg.AssetsDefinition]:
    return [_model_asset(m) for m in discover_models(sql_dir)]
