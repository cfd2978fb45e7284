"""Incremental runs on real reports: an unchanged folder does nothing, an edited file replaces
exactly its rows, a deleted file's rows leave, stale and full-refresh re-processing — each compared
with a warehouse built from scratch over the same folder."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from pipelines.version import pipeline_version
from pipelines.warehouse.manifest import manifest_path
from tests.ops_support import (CORPUS_FILES, file_sha, make_raw, metadata, python_env, run_job,
                               snapshot)

EDITED = Path(CORPUS_FILES[1]).relative_to("lawtext-gov")   # 邢台市/2021.md
DELETED = Path(CORPUS_FILES[2]).relative_to("lawtext-gov")  # 抚顺市/2020.md


@pytest.fixture
def built(tmp_path):
    raw = make_raw(tmp_path)
    warehouse = tmp_path / "warehouse" / "reports.duckdb"
    result, _ = run_job(raw, warehouse)
    assert result.success
    return raw, warehouse


def doc_id_of(warehouse: Path, source_path: str) -> str | None:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        row = con.execute("SELECT doc_id FROM document_sources WHERE source_path = ?", [source_path]).fetchone()
        return row and row[0]
    finally:
        con.close()


def from_scratch(raw: Path, tmp_path: Path, name: str) -> Path:
    warehouse = tmp_path / name / "reports.duckdb"
    result, _ = run_job(raw, warehouse)
    assert result.success
    return warehouse


def test_unchanged_rerun_processes_nothing_and_changes_no_row(built):
    raw, warehouse = built
    before, sha, inode = snapshot(warehouse), file_sha(warehouse), os.stat(warehouse).st_ino
    result, logs = run_job(raw, warehouse)
    assert result.success
    assert metadata(result, "raw_inventory")["groups_to_process"] == 0
    assert metadata(result, "cleaned_documents")["documents"] == 0
    assert metadata(result, "segments")["sentences"] == 0
    assert metadata(result, "published_warehouse")["published"] is False
    assert any("0 documents to process, no row changes" in line for line in logs), logs
    assert not any(line.startswith(("cleaning:", "segmenting:", "extraction:")) for line in logs)
    # not even rewritten: same file, same bytes, same rows
    assert (os.stat(warehouse).st_ino, file_sha(warehouse)) == (inode, sha)
    assert snapshot(warehouse) == before


def test_editing_one_file_replaces_exactly_its_rows(built, tmp_path):
    raw, warehouse = built
    old_id = doc_id_of(warehouse, EDITED.as_posix())
    before = snapshot(warehouse)
    with open(raw / EDITED, "a", encoding="utf-8") as f:
        f.write("\n全年新增城镇就业1.2万人，城镇登记失业率控制在4.5%以内。\n")
    result, logs = run_job(raw, warehouse)
    assert result.success
    assert metadata(result, "raw_inventory")["changed_files"] == 1
    assert metadata(result, "cleaned_documents")["documents"] == 1
    new_id = doc_id_of(warehouse, EDITED.as_posix())
    assert new_id and new_id != old_id
    after = snapshot(warehouse)
    for table in after:
        assert old_id not in after[table], f"{table} kept rows of the old version"
        others_before = {d: r for d, r in before[table].items() if d != old_id}
        others_after = {d: r for d, r in after[table].items() if d != new_id}
        assert others_after == others_before, f"{table}: rows of other documents changed"
    assert any("1.2万人" in row[8] for row in after["documents"][new_id])  # clean_text has the edit
    # the same contents as a warehouse built from scratch (no orphan, no duplicate)
    scratch = snapshot(from_scratch(raw, tmp_path, "scratch"), skip_columns=("ingested_at",))
    assert snapshot(warehouse, skip_columns=("ingested_at",)) == scratch


def test_deleting_one_file_removes_its_rows(built, tmp_path):
    raw, warehouse = built
    gone = doc_id_of(warehouse, DELETED.as_posix())
    before = snapshot(warehouse)
    (raw / DELETED).unlink()
    result, _ = run_job(raw, warehouse)
    assert result.success
    assert metadata(result, "raw_inventory")["deleted_files"] == 1
    assert metadata(result, "warehouse_tables")["loaded_documents_removed"] == 1
    after = snapshot(warehouse)
    for table in after:
        assert gone not in after[table]
        assert after[table] == {d: r for d, r in before[table].items() if d != gone}
    scratch = snapshot(from_scratch(raw, tmp_path, "scratch"), skip_columns=("ingested_at",))
    assert snapshot(warehouse, skip_columns=("ingested_at",)) == scratch


def _pretend_older_pipeline_built(warehouse: Path, source_path: str) -> str:
    """Make the warehouse look as if an older pipeline version built one document."""
    con = duckdb.connect(str(warehouse))
    con.execute("UPDATE documents SET pipeline_version = '0.0.1+older' WHERE doc_id IN "
                "(SELECT doc_id FROM document_sources WHERE source_path = ?)", [source_path])
    con.close()
    manifest = json.loads(manifest_path(warehouse).read_text(encoding="utf-8"))
    manifest["pipeline_version"] = "0.0.1+older"
    manifest_path(warehouse).write_text(json.dumps(manifest), encoding="utf-8")
    return doc_id_of(warehouse, source_path)


@pytest.mark.parametrize("reprocess_stale,expected", [(True, 1), (False, 0)], ids=["reprocess", "keep"])
def test_documents_of_an_older_pipeline_version_are_reprocessed(built, reprocess_stale, expected):
    raw, warehouse = built
    stale = _pretend_older_pipeline_built(warehouse, EDITED.as_posix())
    before = snapshot(warehouse)
    result, _ = run_job(raw, warehouse, reprocess_stale=reprocess_stale)
    assert result.success
    assert metadata(result, "cleaned_documents")["documents"] == expected
    after = snapshot(warehouse)
    versions = {row[0]: row[22] for rows in after["documents"].values() for row in rows}
    assert versions[stale] == (pipeline_version() if reprocess_stale else "0.0.1+older")
    for table in after:  # every other document untouched (same rows, same ingested_at)
        assert {d: r for d, r in after[table].items() if d != stale} == \
               {d: r for d, r in before[table].items() if d != stale}


def test_full_refresh_command_reprocesses_everything(built):
    raw, warehouse = built
    before = snapshot(warehouse)
    done = subprocess.run([sys.executable, "-m", "pipelines", "build", "--full-refresh", "--raw-dir", str(raw),
                           "--warehouse", str(warehouse), "--workers", "1"],
                          capture_output=True, text=True, env=python_env(), timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert f"Warehouse: {warehouse}" in done.stdout
    assert "4 new or changed" in done.stderr
    after = snapshot(warehouse)
    ingested = lambda snap: {r[0]: r[9] for rows in snap["documents"].values() for r in rows}
    assert all(ingested(after)[d] > t for d, t in ingested(before).items())  # every document re-loaded
    strip = lambda snap: {t: {d: [r[:9] + r[10:] if t == "documents" else r for r in rows]
                              for d, rows in docs.items()} for t, docs in snap.items()}
    assert strip(after) == strip(before)  # to the same contents, one copy of each row
