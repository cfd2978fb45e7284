"""Targets and series keyed on the year a report plans (documents.plan_year), built by the real
pipeline from 兰州's reports: 2016.md (delivered 2016-03-22) and 2017.md (delivered 2016-12-15)."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from tests.conftest import materialize, shared_path

LANZHOU = ("corpus", "lawtext-gov", "政府工作报告-主要城市", "兰州市")


@pytest.fixture(scope="module")
def lanzhou_db(tmp_path_factory):
    src = shared_path(*LANZHOU)
    root = tmp_path_factory.mktemp("lanzhou")
    dest = root / "raw" / "政府工作报告-主要城市" / "兰州市"
    dest.mkdir(parents=True)
    for year in (2016, 2017, 2018):
        shutil.copy(src / f"{year}.md", dest / f"{year}.md")
    warehouse = root / "warehouse" / "reports.duckdb"
    assert materialize(root / "raw", warehouse).success
    con = duckdb.connect(str(warehouse), read_only=True)
    yield con
    con.close()


def test_documents_carry_their_plan_year(lanzhou_db):
    rows = lanzhou_db.execute("SELECT source_path, year, report_date, plan_year FROM documents ORDER BY 1").fetchall()
    assert [(Path(p).name, y, str(d), py) for p, y, d, py in rows] == [
        ("2016.md", 2016, "2016-03-22", 2016),
        ("2017.md", 2016, "2016-12-15", 2017),
        ("2018.md", 2018, "2018-01-06", 2018),
    ]


def test_a_december_report_files_its_targets_under_the_next_year(lanzhou_db):
    # 2017.md (delivered 2016-12-15): 主要预期目标是：生产总值增长8％以上 — 2017's target; 2016.md (delivered
    # 2016-03-22): 主要预期目标是：全市生产总值增长8% — 2016's, not overwritten by the December report
    rows = {year: (Path(path).name, value, qualifier, sentence) for year, path, value, qualifier, sentence in
            lanzhou_db.execute("""SELECT t.year, d.source_path, t.value, t.qualifier, t.sentence FROM targets t
                                  JOIN documents d USING (doc_id)
                                  WHERE t.region = '兰州市' AND t.indicator_code = 'gdp' AND t.measure = 'growth'
                               """).fetchall()}
    assert rows[2017][:3] == ("2017.md", 8.0, ">=") and "生产总值增长8%以上" in rows[2017][3]
    assert rows[2016][:3] == ("2016.md", 8.0, "=") and "全市生产总值增长8%" in rows[2016][3]
    assert rows[2018][0] == "2018.md"


def test_a_december_reports_figures_are_for_the_year_of_its_delivery(lanzhou_db):
    # 2017.md: 全市生产总值年均增长10.73％，预计今年达到2220亿元以上 — 2016's estimate
    row = lanzhou_db.execute("""SELECT reference_year, statement FROM indicator_values
        WHERE region = '兰州市' AND value_text = '2220亿元以上'""").fetchone()
    assert row == (2016, "estimate")
