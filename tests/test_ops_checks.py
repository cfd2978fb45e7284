"""Asset checks: they pass on real reports, a failing blocking check keeps a broken build from
being published, and each check function catches what it is meant to catch."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from pipelines.warehouse.build import ensure_staging, ensure_tables
from pipelines.warehouse.checks import (check_documents_have_metrics, check_furniture, check_offsets,
                                        check_unique_ids, check_units, furniture_phrases, unit_allowed)
from tests.ops_support import CORPUS_FILES, file_sha, make_raw, run_job, shared_path

CHECKS = ["unique_ids", "offsets_round_trip", "metric_units_allowed", "no_page_furniture",
          "documents_with_metrics"]


def evaluations(result) -> dict[str, object]:
    return {e.check_name: e for e in result.get_asset_check_evaluations()}


def test_checks_run_in_the_job_and_integrity_checks_pass_on_real_reports(tmp_path):
    raw = make_raw(tmp_path)
    result, _ = run_job(raw, tmp_path / "warehouse" / "reports.duckdb")
    assert result.success
    evals = evaluations(result)
    assert sorted(evals) == sorted(CHECKS)
    for name in ("unique_ids", "offsets_round_trip"):
        assert evals[name].passed, evals[name].metadata
    offsets = {k: v.value for k, v in evals["offsets_round_trip"].metadata.items()}
    assert offsets["documents_checked"] == 4 and offsets["sentences_checked"] > 100
    assert offsets["sentences_mismatched"] == 0


def test_a_failing_blocking_check_keeps_the_build_from_being_published(tmp_path):
    raw = make_raw(tmp_path, corpus_files=[])
    warehouse = tmp_path / "warehouse" / "reports.duckdb"
    assert run_job(raw, warehouse)[0].success
    con = duckdb.connect(str(warehouse))   # someone duplicates a sentence in the published file
    con.execute("INSERT INTO sentences SELECT * FROM sentences LIMIT 1")
    con.close()
    before = file_sha(warehouse)
    shutil.copy(shared_path("corpus", CORPUS_FILES[1]), raw / "added.md")
    result, logs = run_job(raw, warehouse)
    assert not result.success
    evals = evaluations(result)
    assert not evals["unique_ids"].passed
    assert evals["unique_ids"].metadata["duplicate_or_null_sentence_id"].value == 1
    assert not result.asset_materializations_for_node("published_warehouse")
    assert any("will not be published" in line for line in logs)
    assert file_sha(warehouse) == before   # the analysts' file is untouched
    assert list((warehouse.parent / ".build").glob("*.duckdb"))   # the failed build, for inspection


@pytest.fixture
def con():
    c = duckdb.connect()
    ensure_tables(c)
    ensure_staging(c)
    text = "一、工作回顾\n全年地区生产总值增长5%。打印本页"
    c.execute("INSERT INTO documents (doc_id, source_path, clean_text) VALUES ('d1', 'a.txt', ?)", [text])
    c.execute("INSERT INTO sentences (doc_id, sentence_id, text, char_start, char_end) "
              "VALUES ('d1', 'd1-t1', '全年地区生产总值增长5%。', 7, 20)")
    c.execute("INSERT INTO metrics (doc_id, metric_id, value_text, unit, char_start, char_end) "
              "VALUES ('d1', 'd1-m1', '5%', '%', 17, 19)")
    yield c
    c.close()


def test_check_functions_pass_on_a_consistent_document(con):
    assert check_unique_ids(con)[0]
    assert check_offsets(con)[0]
    assert check_units(con)[0]
    assert check_documents_have_metrics(con)[0]


@pytest.mark.parametrize("sql,check,key,value", [
    ("INSERT INTO sentences (doc_id, sentence_id, text, char_start, char_end) "
     "VALUES ('d1', 'd1-t1', '一、工作回顾', 0, 6)", check_unique_ids, "duplicate_or_null_sentence_id", 1),
    ("INSERT INTO metrics (doc_id, metric_id, value_text, unit, char_start, char_end) "
     "VALUES ('gone', 'gone-m1', '5%', '%', 0, 2)", check_unique_ids, "orphan_metrics", 1),
    ("UPDATE sentences SET char_end = char_end - 1", check_offsets, "sentences_mismatched", 1),
    ("UPDATE metrics SET char_start = 16", check_offsets, "metrics_mismatched", 1),
    ("UPDATE metrics SET unit = '亿元'", check_units, "metrics_with_unit_not_allowed", 1),
    ("UPDATE metrics SET unit = NULL", check_units, "metrics_with_unit_not_allowed", 1),
    ("DELETE FROM metrics", check_documents_have_metrics, "documents_without_metrics", 1),
], ids=["duplicate-id", "orphan-row", "sentence-span-off-by-one", "metric-span-shifted",
        "unit-with-magnitude", "unit-missing", "document-without-metrics"])
def test_check_functions_catch_what_they_check(con, sql, check, key, value):
    con.execute(sql)
    passed, meta = check(con)
    assert not passed and meta[key] == value


def test_furniture_check_finds_a_phrase_left_in_clean_text(con):
    passed, meta = check_furniture(con)
    assert not passed and meta["documents_with_furniture"] == 1
    assert "打印本页" in meta["found"]


@pytest.mark.parametrize("unit,allowed", [
    ("元", True), ("%", True), ("百分点", True), ("人次", True), ("平方米", True),
    ("元/平方公里", True), ("元/月", True), ("元/人·月", True), ("吨/年", True), ("年", False),
    ("元/万元", False), ("亿元", False), ("万人", False), ("", False), ("abc", False),
], ids=["yuan", "percent", "points", "person-times", "square-metre", "compound", "per-month",
        "per-person-month", "per-year", "period-alone", "magnitude-denominator", "magnitude-yuan",
        "magnitude-people", "empty", "junk"])
def test_unit_allowed(unit, allowed):
    assert unit_allowed(unit) is allowed


def test_furniture_phrases_include_our_list():
    assert {"打印本页", "扫一扫在手机打开当前页", "责任编辑："} <= set(furniture_phrases())
