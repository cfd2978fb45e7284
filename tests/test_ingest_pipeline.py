"""The real pipeline (``materialize``: every asset, Dagster → DuckDB) on raw folders with nothing to load:
an empty folder, a folder emptied after a run, and a folder whose every file is rejected."""
from __future__ import annotations

import shutil

import duckdb

from pipelines.warehouse.schema import TABLES
from test_ingest_helpers import FIXTURES, SAMPLE
from tests.conftest import materialize

BAD = FIXTURES / "bad"
# every bad fixture and the start of the reason it is rejected with
REJECTED = {
    "blank.txt": "whitespace-only file",
    "bundle.txt": "binary file under a text name: zip",
    "empty.txt": "empty file (0 bytes)",
    "garbled.txt": "undecodable bytes",
    "photo.md": "binary file under a text name: PNG",
    "redirect.html": "HTML with no article text",
    "scan.txt": "damaged PDF that cannot be opened",
    "table.xlsx.tsv": "unsupported file type .tsv",
}


def _counts(warehouse) -> dict[str, int]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}


def test_empty_raw_folder(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / ".gitkeep").write_text("")
    warehouse = tmp_path / "wh" / "reports.duckdb"
    result = materialize(raw, warehouse)
    assert result.success
    inventory = result.asset_materializations_for_node("raw_inventory")[0].metadata
    assert inventory["files"].value == 0
    assert warehouse.exists()  # an empty warehouse is published: researchers can query it
    assert set(_counts(warehouse).values()) == {0}
    again = materialize(raw, warehouse)
    assert again.success
    assert again.asset_materializations_for_node("raw_inventory")[0].metadata["nothing_to_do"].value is True


def test_folder_emptied_after_a_run_forgets_the_report(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SAMPLE, raw / SAMPLE.name)
    warehouse = tmp_path / "wh" / "reports.duckdb"
    assert materialize(raw, warehouse).success
    before = _counts(warehouse)
    assert before["documents"] == 1 and before["sentences"] > 50
    (raw / SAMPLE.name).unlink()
    assert materialize(raw, warehouse).success
    after = _counts(warehouse)
    assert {t: after[t] for t in ("documents", "sections", "paragraphs", "sentences", "metrics")} == {
        "documents": 0, "sections": 0, "paragraphs": 0, "sentences": 0, "metrics": 0}


def test_only_rejected_files(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(BAD, raw)
    assert sorted(p.name for p in raw.iterdir()) == sorted(REJECTED)
    warehouse = tmp_path / "wh" / "reports.duckdb"
    result = materialize(raw, warehouse)
    assert result.success
    counts = _counts(warehouse)
    assert {t: counts[t] for t in ("documents", "sections", "sentences", "metrics")} == {
        "documents": 0, "sections": 0, "sentences": 0, "metrics": 0}
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = dict(con.execute("SELECT source_path, reason FROM rejected_documents").fetchall())
        assert con.execute("SELECT count(*) FROM rejected_documents WHERE detected_at IS NULL").fetchone()[0] == 0
    assert sorted(rows) == sorted(REJECTED)
    for name, reason in REJECTED.items():
        assert rows[name].startswith(reason), (name, rows[name])
