"""The raw-folder sensor: launches ``ingest_reports`` when files are added, changed or deleted.

Each tick (every ``GOVREPORT_SENSOR_INTERVAL`` seconds, default 30) it lists the raw folder with
``stat`` only — path, size, mtime — and compares a digest of that listing with its cursor. Nothing
moved: it skips and says so, having read no file. Something moved: it hashes the files and
compares their sha256 with the manifest of the published warehouse (what the warehouse was built
from), so a touched-but-identical file launches nothing, and names what is new, changed, deleted.

- The cursor is JSON ``{"listing": <digest>, "files": n, "pipeline_version": v}``: a digest, not the
  whole path→sha256 map, because Dagster stores the cursor with every tick (a 3,000-file map every
  30 s would grow the instance database by gigabytes a day); the per-file truth is the manifest.
- ``run_key`` = digest of (file contents, pipeline version, the run that built the published
  warehouse): one run per state of the folder; a run that failed is not relaunched in a loop
  (the daily schedule, or any further change, tries again).
- While a run that writes the warehouse is queued or running, it launches nothing and says which.
- It also launches when the code location's pipeline version differs from the one that built the
  warehouse (after a rule change and a reload), so stale documents get re-processed.

On by default (``DefaultSensorStatus.RUNNING``); ``GOVREPORT_SENSOR=off`` makes it start stopped.
"""

import hashlib
import json
import os
from pathlib import Path

import dagster as dg

from pipelines.defs.jobs import JOB_NAME
from pipelines.defs.resources import GovReportResource
from pipelines.ingest import scan_raw_folder, walk_raw_folder
from pipelines.version import pipeline_version
from pipelines.warehouse.inventory import diff
from pipelines.warehouse.manifest import read_manifest

SENSOR_NAME = "raw_folder_sensor"
DEFAULT_INTERVAL = 30
IN_PROGRESS = [dg.DagsterRunStatus.QUEUED, dg.DagsterRunStatus.NOT_STARTED, dg.DagsterRunStatus.STARTING,
               dg.DagsterRunStatus.STARTED, dg.DagsterRunStatus.CANCELING]
# runs that write the warehouse: the job, and the UI's "Materialize" runs over these assets
WAREHOUSE_JOBS = {JOB_NAME, "__ASSET_JOB"}


def active_run(instance: dg.DagsterInstance) -> dg.DagsterRun | None:
    """A queued or running run that writes the warehouse, if any."""
    for run in instance.get_runs(filters=dg.RunsFilter(statuses=IN_PROGRESS), limit=50):
        if run.job_name in WAREHOUSE_JOBS:
            return run
    return None


def listing(raw_dir: Path, follow_outside: bool = False) -> list[tuple[str, int, int]]:
    """(path, size, mtime_ns) of every file the pipeline would read — the scanner's own walker, with
    its symlink policy — by stat only."""
    out = []
    for rel, path in walk_raw_folder(raw_dir, follow_outside=follow_outside):
        try:
            st = path.stat()
        except OSError:
            continue
        out.append((rel, st.st_size, st.st_mtime_ns))
    return out


def _digest(obj) -> str:
    return hashlib.sha256(json.dumps(obj, ensure_ascii=False, sort_keys=True).encode()).hexdigest()[:16]


def _names(paths: set[str], limit: int = 3) -> str:
    shown = sorted(paths)[:limit]
    return ", ".join(shown) + (f" (+{len(paths) - limit} more)" if len(paths) > limit else "")


def evaluate_raw_folder(context: dg.SensorEvaluationContext, govreport: GovReportResource):
    raw_dir = govreport.raw_path()
    if (run := active_run(context.instance)) is not None:
        return dg.SkipReason(f"Run {run.run_id[:8]} of {run.job_name} is {run.status.value.lower()}: not "
                             "launching another while it writes the warehouse; looking again after it.")
    if not raw_dir.is_dir():
        return dg.SkipReason(f"The raw folder {raw_dir} does not exist.")
    version = pipeline_version()
    follow = govreport.follow_outside()
    stats = listing(raw_dir, follow)
    cursor = json.loads(context.cursor) if context.cursor else {}
    new_cursor = {"listing": _digest(stats), "files": len(stats), "pipeline_version": version}
    if cursor == new_cursor:
        return dg.SkipReason(f"No file added, changed or deleted in {raw_dir} since the last check "
                             f"({len(stats)} files; nothing read).")

    current = {f.source_path: f.sha256 for f in scan_raw_folder(raw_dir, follow_outside=follow)}
    manifest = read_manifest(govreport.store().published)
    change = diff(current, (manifest or {}).get("sources", {}))
    new, changed, deleted = change.new, change.changed, change.deleted
    version_changed = manifest is not None and manifest.get("pipeline_version") != version
    context.update_cursor(json.dumps(new_cursor))
    if not (change or version_changed):
        return dg.SkipReason(f"{len(current)} files in {raw_dir}: their contents are exactly what the "
                             "warehouse was built from (files touched or listed anew, none changed).")
    reasons = [f"{len(s)} {what}: {_names(s)}" for s, what in
               ((new, "new"), (changed, "changed"), (deleted, "deleted")) if s]
    if version_changed:
        reasons.append(f"pipeline version {manifest.get('pipeline_version')} → {version}")
    context.log.info(f"Launching {JOB_NAME}: " + "; ".join(reasons))
    key = _digest([sorted(current.items()), version, (manifest or {}).get("run_id")])
    return dg.RunRequest(run_key=f"raw-{key}", tags={
        "govreport/trigger": "raw_folder_sensor", "govreport/new_files": str(len(new)),
        "govreport/changed_files": str(len(changed)), "govreport/deleted_files": str(len(deleted))})


def build_raw_folder_sensor() -> dg.SensorDefinition:
    """The sensor, configured from the environment when the code location loads."""
    interval = int(os.environ.get("GOVREPORT_SENSOR_INTERVAL") or DEFAULT_INTERVAL)
    off = os.environ.get("GOVREPORT_SENSOR", "").lower() in {"off", "0", "false", "no"}

    @dg.sensor(name=SENSOR_NAME, job_name=JOB_NAME, minimum_interval_seconds=interval,
               default_status=dg.DefaultSensorStatus.STOPPED if off else dg.DefaultSensorStatus.RUNNING,
               description=f"Launches ingest_reports when files in the raw folder are added, changed or "
                           f"deleted (checked every {interval}s by size and mtime, confirmed by sha256).")
    def raw_folder_sensor(context: dg.SensorEvaluationContext, govreport: GovReportResource):
        return evaluate_raw_folder(context, govreport)

    return raw_folder_sensor


@dg.definitions
def sensors() -> dg.Definitions:
    return dg.Definitions(sensors=[build_raw_folder_sensor()])
