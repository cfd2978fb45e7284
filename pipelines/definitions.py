"""The Dagster code location: assets, the job, resources and the executor."""
import dagster as dg

from pipelines.assets import all_assets
from pipelines.jobs import ingest_reports
from pipelines.resources import GovReportResource

defs = dg.Definitions(
    assets=all_assets(),
    jobs=[ingest_reports],
    resources={"govreport": GovReportResource()},
    # one process: steps are cheap, and only one process ever opens the build file
    executor=dg.in_process_executor,
)
