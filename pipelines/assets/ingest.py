"""Ingest stage assets: the raw folder's inventory, and the cleaned documents."""

import hashlib
import re

import dagster as dg

from pipelines.assets.common import Progress, preview
from pipelines.batches import clean_batch, raw_file
from pipelines.config import SQL_DIR
from pipelines.ingest import document_sources, group_files, scan_raw_folder
from pipelines.parallel import map_batches
from pipelines.resources import GovReportResource
from pipelines.version import pipeline_version
from pipelines.warehouse.manifest import read_manifest
from pipelines.warehouse.seeds import seeds_digest
from pipelines.warehouse.store import STAGING, append_rows, insert_columns

_ROW_SUFFIX = re.compile(r"#\d+$")


class InventoryConfig(dg.Config):
    full_refresh: bool = False
    """Re-process every file, not only new and changed ones (after a rule change)."""
    reprocess_stale: bool = True
    """Re-process documents that an older pipeline version built."""


def models_digest() -> str:
    digest = hashlib.sha256()
    for path in sorted(SQL_DIR.rglob("*.sql")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    digest.update(seeds_digest().encode())  # views: a changed seed CSV rebuilds the views too
    return digest.hexdigest()[:16]


@dg.asset(group_name="ingest", kinds={"python", "duckdb"})
def raw_inventory(context: dg.AssetExecutionContext, config: InventoryConfig,
                  govreport: GovReportResource) -> dg.MaterializeResult:
    """Every file in the raw folder with its sha256, compared with what the warehouse was built from.

    Decides what this run processes: new and changed files (and the other pages of a multi-page
    report they belong to), files a different pipeline version built, and files that disappeared
    (their documents leave the warehouse). An unchanged folder means no per-document work at all.
    """
    raw_dir, store = govreport.raw_path(), govreport.store(log=context.log.info)
    store.begin_run(context.run.run_id)  # one run at a time; removes killed runs' build files
    files = scan_raw_folder(raw_dir)
    current = {f.source_path: f.sha256 for f in files}
    manifest = read_manifest(store.published)
    base_meta = {"raw_dir": str(raw_dir), "files": len(files),
                 "bytes": sum(f.size for f in files), "pipeline_version": pipeline_version()}
    if (not config.full_refresh and manifest is not None and manifest.get("sources") == current
            and manifest.get("pipeline_version") == pipeline_version()
            and manifest.get("models_digest") == models_digest()):
        store.end_run(context.run.run_id)
        context.log.info(f"No change in {raw_dir} since the last build ({len(files)} files, same pipeline "
                         "version and SQL models): 0 documents to process, no row changes, the "
                         "warehouse stays as it is.")
        return dg.MaterializeResult(metadata={**base_meta, "changed_files": 0, "deleted_files": 0,
                                              "groups_to_process": 0, "nothing_to_do": True})

    with store.build(context.run.run_id) as con:
        known: dict[str, str] = {}
        for path, sha in con.execute("SELECT source_path, sha256 FROM document_sources UNION ALL "
                                     "SELECT source_path, sha256 FROM rejected_documents").fetchall():
            known[_ROW_SUFFIX.sub("", path)] = sha
        stale: set[str] = set()
        if config.reprocess_stale:
            stale = {_ROW_SUFFIX.sub("", p) for (p,) in con.execute(
                "SELECT DISTINCT s.source_path FROM document_sources s JOIN documents d USING (doc_id) "
                "WHERE d.pipeline_version IS DISTINCT FROM ?", [pipeline_version()]).fetchall()}
        if config.full_refresh:
            changed = set(current)
        else:
            changed = {p for p, sha in current.items() if known.get(p) != sha} | (stale & current.keys())
        deleted = set(known) - set(current)
        todo = [g for g in group_files(files) if any(f.source_path in changed for f in g)]
        forget = changed | deleted | {f.source_path for g in todo for f in g}
        if config.full_refresh:
            forget |= set(known)

        con.execute(f"DELETE FROM {STAGING}.forget_paths")
        insert_columns(con, f"{STAGING}.forget_paths", {"source_path": sorted(forget)})
        con.execute(f"CREATE OR REPLACE TABLE {STAGING}.todo_files (group_no INTEGER, page_no INTEGER, "
                    "source_path VARCHAR, sha256 VARCHAR, size BIGINT)")
        pages = [(g, i, f) for g, group in enumerate(todo) for i, f in enumerate(group)]
        insert_columns(con, f"{STAGING}.todo_files", {
            "group_no": [g for g, _, _ in pages], "page_no": [i for _, i, _ in pages],
            "source_path": [f.source_path for _, _, f in pages], "sha256": [f.sha256 for _, _, f in pages],
            "size": [f.size for _, _, f in pages]})
        con.execute(f"CREATE OR REPLACE TABLE {STAGING}.scanned_files (source_path VARCHAR, sha256 VARCHAR)")
        insert_columns(con, f"{STAGING}.scanned_files", {"source_path": list(current),
                                                         "sha256": list(current.values())})
        meta = {**base_meta, "changed_files": len(changed), "deleted_files": len(deleted),
                "stale_files": len(stale), "groups_to_process": len(todo), "nothing_to_do": False,
                "full_refresh": config.full_refresh,
                "preview": preview(con, f"SELECT source_path, sha256[:12] AS sha256, size FROM "
                                        f"{STAGING}.todo_files ORDER BY group_no, page_no LIMIT 10")}
    context.log.info(f"{len(files)} files in {raw_dir}: {len(changed)} new or changed, {len(deleted)} "
                     f"deleted, {len(stale)} built by another pipeline version; {len(todo)} to process.")
    return dg.MaterializeResult(metadata=meta)


@dg.asset(group_name="cleaning", kinds={"python", "duckdb"}, deps=[raw_inventory])
def cleaned_documents(context: dg.AssetExecutionContext,
                      govreport: GovReportResource) -> dg.MaterializeResult:
    """The report text of each raw file: decoded, page furniture removed, normalized, with metadata
    read off the text (region, year, date, meeting, speaker …). Bad files are rejected with a reason
    (quarantined in `rejected_documents`), never crashing the run."""
    store = govreport.store()
    if not store.has_build(context.run.run_id):
        context.log.info("Nothing to clean: the inventory found no change.")
        return dg.MaterializeResult(metadata={"documents": 0, "rejected": 0})
    raw_dir = govreport.raw_path()
    with store.build(context.run.run_id) as con:
        rows = con.execute(f"SELECT group_no, source_path, sha256, size FROM {STAGING}.todo_files "
                           "ORDER BY group_no, page_no").fetchall()
        groups: dict[int, list] = {}
        for g, path, sha, size in rows:
            groups.setdefault(g, []).append(raw_file(raw_dir, path, sha, size))
        group_list = list(groups.values())
        size = govreport.batch_size
        batches = [group_list[i:i + size] for i in range(0, len(group_list), size)]
        progress = Progress(context.log, "cleaning", len(group_list), "files")
        seen = {d for (d,) in con.execute(f"SELECT doc_id FROM {STAGING}.documents").fetchall()}
        n_docs = n_rejected = n_chars = 0
        for batch, results in zip(batches, map_batches(clean_batch, batches, govreport.worker_count())):
            fresh, sources, rejected = [], [], []
            for group, (documents, group_rejected) in zip(batch, results):
                rejected.extend(group_rejected)
                for doc in documents:
                    # each page of the document's group; an export row is its own source (file.csv#N)
                    sources.extend(document_sources(doc, group))
                    if doc["doc_id"] not in seen:
                        seen.add(doc["doc_id"])
                        fresh.append(doc)
                        n_chars += doc["char_count"] or 0
            for r in rejected:
                context.log.warning(f"Rejected {r['source_path']}: {r['reason']}")
            con.execute("BEGIN TRANSACTION")
            n_docs += append_rows(con, "documents", fresh)
            append_rows(con, "document_sources", sources)
            n_rejected += append_rows(con, "rejected_documents",
                                      [{**r, "detected_at": None} for r in rejected])
            con.execute("COMMIT")
            progress.advance(len(batch))
        con.execute(f"UPDATE {STAGING}.rejected_documents SET detected_at = now()::TIMESTAMP "
                    "WHERE detected_at IS NULL")
        meta = {"documents": n_docs, "rejected": n_rejected, "characters": n_chars,
                "seconds": round(progress.seconds, 3),
                "chars_per_second": round(n_chars / max(progress.seconds, 1e-9)),
                "preview": preview(con, f"SELECT doc_id, source_path, region, year, title, char_count "
                                        f"FROM {STAGING}.documents ORDER BY source_path LIMIT 10"),
                "rejected_preview": preview(con, f"SELECT source_path, reason FROM "
                                                 f"{STAGING}.rejected_documents LIMIT 10")}
    return dg.MaterializeResult(metadata={**meta, "dagster/row_count": n_docs})
