"""The daily schedule: runs ``ingest_reports`` even when no file changed, so that a pipeline
version change (new rules → stale documents re-processed) or a run the sensor could not complete
(e.g. an analyst held the warehouse read-write too long) is caught up within a day.

| environment variable     | default       | meaning                                   |
|--------------------------|---------------|-------------------------------------------|
| GOVREPORT_SCHEDULE_CRON  | ``0 2 * * *`` | when (cron); daily at 02:00 by default    |
| GOVREPORT_SCHEDULE_TZ    | ``UTC``       | the timezone the cron is read in          |
| GOVREPORT_SCHEDULE       | on            | ``off``: the schedule starts stopped      |

On by default (``DefaultScheduleStatus.RUNNING``). A tick skips, saying why, while a run that
writes the warehouse is queued or running. A run with nothing to do costs about a second.
"""

import os

import dagster as dg

from pipelines.defs.jobs import JOB_NAME
from pipelines.defs.sensors import active_run

SCHEDULE_NAME = "daily_ingest"
DEFAULT_CRON = "0 2 * * *"
DEFAULT_TZ = "UTC"


def build_daily_schedule() -> dg.ScheduleDefinition:
    """The schedule, configured from the environment when the code location loads."""
    cron = os.environ.get("GOVREPORT_SCHEDULE_CRON") or DEFAULT_CRON
    tz = os.environ.get("GOVREPORT_SCHEDULE_TZ") or DEFAULT_TZ
    off = os.environ.get("GOVREPORT_SCHEDULE", "").lower() in {"off", "0", "false", "no"}

    @dg.schedule(name=SCHEDULE_NAME, job_name=JOB_NAME, cron_schedule=cron, execution_timezone=tz,
                 default_status=dg.DefaultScheduleStatus.STOPPED if off else dg.DefaultScheduleStatus.RUNNING,
                 description=f"Runs ingest_reports at '{cron}' ({tz}): new, changed and deleted files, "
                             "and documents an older pipeline version built.")
    def daily_ingest(context: dg.ScheduleEvaluationContext):
        if (run := active_run(context.instance)) is not None:
            return dg.SkipReason(f"Run {run.run_id[:8]} of {run.job_name} is {run.status.value.lower()}: "
                                 "not starting another; the next tick or the sensor will catch up.")
        return dg.RunRequest(tags={"govreport/trigger": SCHEDULE_NAME})

    return daily_ingest


@dg.definitions
def schedules() -> dg.Definitions:
    return dg.Definitions(schedules=[build_daily_schedule()])
