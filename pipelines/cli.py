"""`govreport build`: run the ingestion job on the raw folder and say where the warehouse is.

    govreport build [--full-refresh] [--raw-dir DIR] [--warehouse FILE]

Runs the same Dagster job as the UI (`ingest_reports`), in this process. With DAGSTER_HOME set the
run is recorded in that instance (and shows in the UI); otherwise in a temporary one.
"""
from __future__ import annotations

import argparse
import os
import sys


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="govreport", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="build or update the warehouse from the raw folder")
    build.add_argument("--full-refresh", action="store_true",
                       help="re-process every file (after a rule change), not only new and changed ones")
    build.add_argument("--raw-dir", help="raw folder (default: $GOVREPORT_RAW_DIR or raw)")
    build.add_argument("--warehouse", help="DuckDB file (default: $GOVREPORT_WAREHOUSE or "
                                           "warehouse/reports.duckdb)")
    build.add_argument("--workers", type=int, help="worker processes (default: $GOVREPORT_WORKERS or all cores)")
    args = ap.parse_args(argv)

    import dagster as dg

    from pipelines.definitions import defs
    from pipelines.defs.resources import GovReportResource

    resource = GovReportResource(raw_dir=args.raw_dir, warehouse=args.warehouse, workers=args.workers)
    instance = dg.DagsterInstance.get() if os.environ.get("DAGSTER_HOME") else dg.DagsterInstance.ephemeral()
    job = defs().resolve_job_def("ingest_reports")
    result = job.execute_in_process(
        run_config={"ops": {"raw_inventory": {"config": {"full_refresh": args.full_refresh}}}},
        resources={"govreport": resource}, instance=instance, raise_on_error=False)
    if not result.success:
        print("govreport: the ingestion run failed; the warehouse is unchanged. See the log above.",
              file=sys.stderr)
        return 1
    print(f"Warehouse: {resource.warehouse_path()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
