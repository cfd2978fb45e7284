"""Extract stage asset: every number in every sentence as a normalized metric mention."""

import dagster as dg

from pipelines.batches import extract_batch
from pipelines.defs.resources import GovReportResource
from pipelines.stage_runner import StageInput, run_stage


@dg.asset(group_name="extract", kinds={"python", "duckdb"}, deps=["segments"])
def metric_mentions(context: dg.AssetExecutionContext, govreport: GovReportResource) -> dg.MaterializeResult:
    """Every number in the reports turned into a metric mention: normalized value in its base unit,
    unit, indicator (as written, and its dictionary code), qualifier, measure, period, whether it is
    an actual figure, an estimate or a target, and the year it is about — each traceable to its
    sentence and exact character span."""

    def read(build, size: int) -> StageInput:
        total, chars = build.staged_totals()
        return StageInput(total=total, chars=chars, batches=build.sentence_batches(size),
                          size=lambda b: b[0].num_rows)

    return run_stage(context, govreport, name="extraction", verb="extract", read=read, work=extract_batch,
                     write=lambda build, frames: build.append(frames), zero=("metrics",),
                     row_count="metrics", preview="metrics")
