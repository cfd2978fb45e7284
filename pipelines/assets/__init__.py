"""The pipeline's assets, stage by stage: ingest → cleaning → segmenting → extraction → loading →
models (one view per SQL file) → the published warehouse."""

from pipelines.assets.charts import charts
from pipelines.assets.extraction import metric_mentions
from pipelines.assets.ingest import cleaned_documents, raw_inventory
from pipelines.assets.loading import build_published_asset, warehouse_tables
from pipelines.assets.models import build_model_assets
from pipelines.assets.seeds import seed_tables
from pipelines.assets.segmenting import segments
from pipelines.config import SQL_DIR


def all_assets():
    models = build_model_assets(SQL_DIR)
    published = build_published_asset([m.key for m in models])
    return [raw_inventory, cleaned_documents, segments, metric_mentions, warehouse_tables,
            seed_tables, *models, published, charts]
