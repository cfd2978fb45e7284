"""The Dagster code location: assets and their checks, the job, the schedule and sensor, resources
and the executor."""
import dagster as dg

from pipelines.assets import all_assets
from pipelines.checks import all_checks
from pipelines.jobs import ingest_reports
from pipelines.resources import GovReportResource
from pipelines.schedules import build_daily_schedule
from pipelines.sensors import build_raw_folder_sensor

defs = dg.Definitions(
    assets=all_assets(),
    asset_checks=all_checks(),
    jobs=[ingest_reports],
    schedules=[build_daily_schedule()],
    sensors=[build_raw_folder_sensor()],
    resources={"govreport": GovReportResource()},
    # one process: steps are cheap, and only one process ever opens the build file
    executor=dg.in_process_executor,
)
