"""Jobs: ``ingest_reports`` materializes every asset, stage by stage, in one process."""
import dagster as dg

JOB_NAME = "ingest_reports"

ingest_reports = dg.define_asset_job(
    JOB_NAME,
    selection=dg.AssetSelection.all(),
    description="Build the warehouse from the raw folder: inventory → clean → segment → extract → "
                "load → views → publish. Re-processes only new and changed files.",
)


@dg.definitions
def jobs() -> dg.Definitions:
    # one process: steps are cheap, and only one process ever opens the build file
    return dg.Definitions(jobs=[ingest_reports], executor=dg.in_process_executor)
