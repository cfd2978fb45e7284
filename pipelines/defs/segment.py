"""Segment stage asset: each cleaned document split into sections, paragraphs and sentences."""

import dagster as dg

from pipelines.batches import segment_batch
from pipelines.defs.resources import GovReportResource
from pipelines.stage_runner import StageInput, run_stage


@dg.asset(group_name="segment", kinds={"python", "duckdb"}, deps=["cleaned_documents"])
def segments(context: dg.AssetExecutionContext, govreport: GovReportResource) -> dg.MaterializeResult:
    """The structure the author wrote: a section tree (一、 / （一） / 1. … with each section's part:
    review, plan, tasks, self_building, closing), paragraphs, and sentences (the year's target
    statement flagged), every row with exact offsets into the document's clean text."""

    def read(build, size: int) -> StageInput:
        total, chars = build.staged_totals()
        return StageInput(total=total, chars=chars, batches=build.document_batches(size),
                          size=lambda b: b.num_rows)

    return run_stage(context, govreport, name="segmenting", verb="segment", read=read, work=segment_batch,
                     write=lambda build, frames: build.append(frames),
                     zero=("sections", "paragraphs", "sentences"), row_count="sentences", preview="sections")
