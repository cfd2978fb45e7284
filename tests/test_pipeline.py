"""The whole pipeline, end to end, on the committed sample: raw/ → Dagster → DuckDB → views."""
from __future__ import annotations

import shutil
import subprocess
import sys

import duckdb
import pytest

from pipelines.warehouse.schema import TABLES
from tests.conftest import REPO, materialize

CONTRACT = {
    "documents": ["doc_id", "source_path", "sha256", "title", "region", "year", "report_date",
                  "char_count", "clean_text", "ingested_at"],
    "sections": ["doc_id", "section_id", "parent_section_id", "level", "ordinal", "heading",
                 "char_start", "char_end"],
    "paragraphs": ["doc_id", "paragraph_id", "section_id", "ordinal", "text", "char_start", "char_end"],
    "sentences": ["doc_id", "sentence_id", "paragraph_id", "section_id", "ordinal", "text",
                  "char_start", "char_end"],
    "metrics": ["doc_id", "metric_id", "sentence_id", "indicator", "value_text", "value", "unit",
                "qualifier", "period", "char_start", "char_end"],
}
# the column whose text every row's offsets must reproduce
SPAN_TEXT = {"sections": "heading", "paragraphs": "text", "sentences": "text", "metrics": "value_text"}


def columns(con, table):
    return [r[0] for r in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
        [table]).fetchall()]


@pytest.mark.parametrize("table", list(CONTRACT))
def test_contract_columns_present_in_order(sample_db, table):
    cols = columns(sample_db, table)
    assert cols[:len(CONTRACT[table])] == CONTRACT[table]


def test_every_table_and_view_exists(sample_db):
    names = {r[0] for r in sample_db.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert set(TABLES) <= names
    assert {"document_overview", "indicator_values"} <= names


@pytest.mark.parametrize("table", list(SPAN_TEXT))
def test_offsets_round_trip_for_every_row(sample_db, table):
    text_col = SPAN_TEXT[table]
    total, bad = sample_db.execute(f"""
        SELECT count(*), count(*) FILTER (WHERE substr(d.clean_text, t.char_start + 1,
                                                       t.char_end - t.char_start) IS DISTINCT FROM t.{text_col})
        FROM {table} t JOIN documents d USING (doc_id)""").fetchone()
    assert total > 0
    assert bad == 0


def test_sample_gdp_mention(sample_db):
    rows = sample_db.execute("""SELECT value, unit, qualifier FROM metrics
                                WHERE value_text = '1600亿元'""").fetchall()
    assert rows == [(1.6e11, "元", ">")]


def test_sample_headings(sample_db):
    headings = {r[0]: r[1] for r in sample_db.execute("SELECT heading, level FROM sections").fetchall()}
    assert headings["一、2023年工作回顾"] == 1
    assert headings["（一）着力服务全局见行见效"] == 2
    assert headings["（二）着力促进经济恢复提振"] == 2


def test_views_answer(sample_db):
    overview = sample_db.execute("SELECT year, n_sections, n_sentences, n_metrics FROM document_overview").fetchall()
    assert len(overview) == 1 and overview[0][0] == 2024 and overview[0][3] >= 40
    gdp = sample_db.execute("""SELECT sentence FROM indicator_values WHERE value = 1.6e11""").fetchone()[0]
    assert "地区生产总值突破1600亿元" in gdp


def test_second_run_changes_nothing(raw_dir, tmp_path):
    warehouse = tmp_path / "wh" / "reports.duckdb"
    assert materialize(raw_dir, warehouse).success

    def counts():
        with duckdb.connect(str(warehouse), read_only=True) as con:
            return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}

    first = counts()
    result = materialize(raw_dir, warehouse)
    assert result.success
    assert counts() == first
    inventory = result.asset_materializations_for_node("raw_inventory")[0].metadata
    assert inventory["nothing_to_do"].value is True


def test_full_refresh_rebuilds_to_same_counts(raw_dir, tmp_path):
    warehouse = tmp_path / "wh" / "reports.duckdb"
    assert materialize(raw_dir, warehouse).success
    with duckdb.connect(str(warehouse), read_only=True) as con:
        before = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    cfg = {"ops": {"raw_inventory": {"config": {"full_refresh": True}}}}
    assert materialize(raw_dir, warehouse, run_config=cfg).success
    with duckdb.connect(str(warehouse), read_only=True) as con:
        after = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
    assert after == before


def test_duckdb_cli_reads_the_file(sample_warehouse):
    cli = shutil.which("duckdb", path=str(REPO / ".venv" / "bin")) or shutil.which("duckdb")
    if cli is None:
        pytest.skip("the duckdb CLI (pip package duckdb-cli) is not installed")
    out = subprocess.run([cli, "-readonly", str(sample_warehouse), "-csv", "-c",
                          "SELECT count(*) FROM metrics WHERE unit = '元'"],
                         capture_output=True, text=True, check=True).stdout
    assert int(out.splitlines()[-1]) > 10


def test_dagster_definitions_validate():
    exe = shutil.which("dagster", path=str(REPO / ".venv" / "bin")) or str(
        __import__("pathlib").Path(sys.executable).with_name("dagster"))
    proc = subprocess.run([exe, "definitions", "validate"], cwd=REPO, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
