"""Ingest stage assets: the raw folder's inventory, and the cleaned documents."""

import dagster as dg

from pipelines.batches import clean_batch, raw_file
from pipelines.defs.resources import GovReportResource
from pipelines.ingest import group_files, scan_raw_folder
from pipelines.stage_runner import StageInput, markdown_table, run_stage
from pipelines.version import pipeline_version
from pipelines.warehouse.inventory import diff, plan
from pipelines.warehouse.manifest import read_manifest
from pipelines.warehouse.models import models_digest

GROUP = "ingest"


class InventoryConfig(dg.Config):
    full_refresh: bool = False
    """Re-process every file, not only new and changed ones (after a rule change)."""
    reprocess_stale: bool = True
    """Re-process documents that an older pipeline version built."""


@dg.asset(group_name=GROUP, kinds={"python", "duckdb"})
def raw_inventory(context: dg.AssetExecutionContext, config: InventoryConfig,
                  govreport: GovReportResource) -> dg.MaterializeResult:
    """Every file in the raw folder with its sha256, compared with what the warehouse was built from.

    Decides what this run processes: new and changed files (and the other pages of a multi-page
    report they belong to), files a different pipeline version built, and files that disappeared
    (their documents leave the warehouse). An unchanged folder means no per-document work at all.
    """
    raw_dir, store = govreport.raw_path(), govreport.store(log=context.log.info)
    store.begin_run(context.run.run_id)  # one run at a time; removes killed runs' build files
    files = scan_raw_folder(raw_dir, follow_outside=govreport.follow_outside(),
                            on_skip=lambda path, why: context.log.warning(f"Skipped {path}: {why}"))
    current = {f.source_path: f.sha256 for f in files}
    manifest = read_manifest(store.published)
    version = pipeline_version()
    base_meta = {"raw_dir": str(raw_dir), "files": len(files),
                 "bytes": sum(f.size for f in files), "pipeline_version": version}
    if (not config.full_refresh and manifest is not None
            and not diff(current, manifest.get("sources") or {})
            and manifest.get("pipeline_version") == version
            and manifest.get("models_digest") == models_digest()):
        store.end_run(context.run.run_id)
        context.log.info(f"No change in {raw_dir} since the last build ({len(files)} files, same pipeline "
                         "version and SQL models): 0 documents to process, no row changes, the "
                         "warehouse stays as it is.")
        return dg.MaterializeResult(metadata={**base_meta, "changed_files": 0, "deleted_files": 0,
                                              "groups_to_process": 0, "nothing_to_do": True})

    with store.build(context.run.run_id) as build:
        stale = build.stale_sources(version) if config.reprocess_stale else set()
        run = plan(group_files(files), current, build.known_sources(), stale, config.full_refresh)
        build.record_plan(run, current, {f.source_path: f.size for f in files})
        changed = len(current) if config.full_refresh else len(run.reprocessed)
        meta = {**base_meta, "changed_files": changed, "deleted_files": len(run.diff.deleted),
                "stale_files": len(run.stale), "groups_to_process": len(run.todo), "nothing_to_do": False,
                "full_refresh": config.full_refresh, "preview": markdown_table(build.preview("todo_files"))}
    context.log.info(f"{len(files)} files in {raw_dir}: {changed} new or changed, {len(run.diff.deleted)} "
                     f"deleted, {len(run.stale)} built by another pipeline version; {len(run.todo)} to process.")
    return dg.MaterializeResult(metadata=meta)


@dg.asset(group_name=GROUP, kinds={"python", "duckdb"}, deps=[raw_inventory])
def cleaned_documents(context: dg.AssetExecutionContext,
                      govreport: GovReportResource) -> dg.MaterializeResult:
    """The report text of each raw file: decoded, page furniture removed, normalized, with metadata
    read off the text (region, year, date, meeting, speaker …). Bad files are rejected with a reason
    (quarantined in `rejected_documents`), never crashing the run."""
    raw_dir = govreport.raw_path()
    seen: set[str] = set()

    def read(build, size: int) -> StageInput:
        groups = [[raw_file(raw_dir, f.source_path, f.sha256, f.size) for f in g] for g in build.todo_groups()]
        seen.update(build.staged_doc_ids())
        return StageInput(total=len(groups), unit="files",
                          batches=[groups[i:i + size] for i in range(0, len(groups), size)])

    def write(build, rows: dict[str, list[dict]]) -> dict[str, int]:
        fresh = []  # one row per document, however many files hold it
        for doc in rows["documents"]:
            if doc["doc_id"] not in seen:
                seen.add(doc["doc_id"])
                fresh.append(doc)
        for r in rows["rejected_documents"]:
            context.log.warning(f"Rejected {r['source_path']}: {r['reason']}")
        n = build.append({**rows, "documents": fresh})
        return {"documents": n["documents"], "rejected": n["rejected_documents"],
                "characters": sum(d["char_count"] or 0 for d in fresh)}

    def finish(build) -> dict:
        build.stamp_rejections()
        return {"rejected_preview": markdown_table(build.preview("rejected"))}

    return run_stage(context, govreport, name="cleaning", verb="clean", read=read, work=clean_batch,
                     write=write, finish=finish, zero=("documents", "rejected"), row_count="documents",
                     preview="cleaned")
