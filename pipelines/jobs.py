"""Jobs: `ingest_reports` materializes every asset, stage by stage, in one process."""
from __future__ import annotations

import dagster as dg

ingest_reports = dg.define_asset_job(
    "ingest_reports",
    selection=dg.AssetSelection.all(),
    description="Build the warehouse from the raw folder: inventory → clean → segment → extract → "
                "load → views → publish. Re-processes only new and changed files.",
)
