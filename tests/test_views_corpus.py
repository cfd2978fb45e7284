"""The analytical views on real series, built by the real pipeline from the shared corpus:
China's GDP growth targets against the next report's actuals (2014–2025), and 重庆市's GDP series."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from tests.conftest import materialize, shared_path

NATIONAL = ("corpus", "lawtext-gov", "政府工作报告-国务院")
CHONGQING = ("corpus", "lawtext-gov", "政府工作报告-主要城市", "重庆市")


def build_from(tmp_path_factory, parts: tuple[str, ...], years: range) -> Path:
    """A warehouse built by the pipeline from the corpus files of ``years`` (paths kept as in the
    corpus, so that the ingest stage reads the place from them as it does on the real folder)."""
    src = shared_path(*parts)
    root = tmp_path_factory.mktemp(parts[-1])
    dest = root / "raw" / Path(*parts[2:])
    dest.mkdir(parents=True)
    for year in years:
        shutil.copy(src / f"{year}.md", dest / f"{year}.md")
    warehouse = root / "warehouse" / "reports.duckdb"
    assert materialize(root / "raw", warehouse, workers=2).success
    return warehouse


@pytest.fixture(scope="module")
def national_warehouse(tmp_path_factory) -> Path:
    return build_from(tmp_path_factory, NATIONAL, range(2013, 2027))


@pytest.fixture(scope="module")
def national_db(national_warehouse):
    con = duckdb.connect(str(national_warehouse), read_only=True)
    yield con
    con.close()


@pytest.fixture(scope="module")
def chongqing_db(tmp_path_factory):
    con = duckdb.connect(str(build_from(tmp_path_factory, CHONGQING, range(2016, 2027))), read_only=True)
    yield con
    con.close()


# year: target value, value_high, qualifier (as the year's report states it), actual growth (as the
# next year's report states it), met, gap. 2020 set no growth target (疫情); 2013 is outside the
# issue's 2014–2025 window.
NATIONAL_GDP_GROWTH = [
    (2014, 7.5, None, "~", 7.4, True, -0.1),      # 增长7.5%左右 / 比上年增长7.4%
    (2015, 7.0, None, "~", 6.9, True, -0.1),      # 增长7%左右 / 增长6.9%
    (2016, 6.5, 7.0, "range", 6.7, True, 0.2),    # 增长6.5%—7% / 增长6.7%
    (2017, 6.5, None, "~", 6.9, True, 0.4),       # 增长6.5%左右 / 增长6.9%
    (2018, 6.5, None, "~", 6.6, True, 0.1),       # 增长6.5%左右 / 增长6.6%
    (2019, 6.0, 6.5, "range", 6.1, True, 0.1),    # 增长6%—6.5% / 增长6.1%
    (2021, 6.0, None, ">=", 8.1, True, 2.1),      # 增长6%以上 / 增长8.1%
    (2022, 5.5, None, "~", 3.0, False, -2.5),     # 增长5.5%左右 / 全年国内生产总值增长3%
    (2023, 5.0, None, "~", 5.2, True, 0.2),       # 增长5%左右 / 增长5.2%
    (2024, 5.0, None, "~", 5.0, True, 0.0),       # 增长5%左右 / 增长5%
    (2025, 5.0, None, "~", 5.0, True, 0.0),       # 增长5%左右 / 增长5%
]


def test_national_gdp_growth_targets_vs_actuals_table(national_db):
    rows = national_db.execute("""
        SELECT year, target_value, target_value_high, target_qualifier, actual_value, met, gap
        FROM targets_vs_actuals
        WHERE region = '中国' AND indicator_code = 'gdp' AND measure = 'growth' AND year BETWEEN 2014 AND 2025
        ORDER BY year""").fetchall()
    assert rows == [tuple(r) for r in NATIONAL_GDP_GROWTH]


@pytest.mark.parametrize("year, value, high, qualifier, actual, met, gap", NATIONAL_GDP_GROWTH,
                         ids=[str(r[0]) for r in NATIONAL_GDP_GROWTH])
def test_national_actual_comes_from_the_next_report(national_db, year, value, high, qualifier, actual, met, gap):
    row = national_db.execute("""
        SELECT t.actual_source_year, d.year, t.target_sentence, t.actual_sentence
        FROM targets_vs_actuals t JOIN documents d ON d.doc_id = t.actual_source_doc_id
        WHERE t.region = '中国' AND t.indicator_code = 'gdp' AND t.measure = 'growth' AND t.year = ?""",
                              [year]).fetchone()
    source_year, doc_year, target_sentence, actual_sentence = row
    assert source_year == doc_year == year + 1
    assert "国内生产总值增长" in target_sentence or "经济增长" in target_sentence
    assert f"{actual:g}%" in actual_sentence


def test_national_2020_set_no_growth_target(national_db):
    assert national_db.execute("""SELECT count(*) FROM targets WHERE region = '中国' AND year = 2020
                                  AND indicator_code = 'gdp' AND measure = 'growth'""").fetchone()[0] == 0


# (reference year, measure, value, the report that states it, the text it states)
CHONGQING_GDP = [
    (2021, "level", 2.7894e12, 2022, "全市地区生产总值达到27894亿元"),
    (2021, "growth", 8.3, 2022, "27894亿元、增长8.3%"),
    (2023, "level", 3.014579e12, 2024, "达到30145.79亿元"),
    (2023, "growth", 6.1, 2024, "达到30145.79亿元、增长6.1%"),
    (2024, "level", 3.219315e12, 2025, "全年地区生产总值达到32193.15亿元"),
    (2024, "growth", 5.7, 2025, "32193.15亿元、增长5.7%"),
]


@pytest.mark.parametrize("ref_year, measure, value, report_year, text", CHONGQING_GDP,
                         ids=[f"{r[0]}-{r[1]}" for r in CHONGQING_GDP])
def test_chongqing_gdp_series_against_the_texts(chongqing_db, ref_year, measure, value, report_year, text):
    row = chongqing_db.execute("""
        SELECT value, unit, source_year, sentence FROM indicator_series
        WHERE region = '重庆市' AND indicator_code = 'gdp' AND measure = ? AND reference_year = ?""",
                               [measure, ref_year]).fetchone()
    assert row is not None
    got, unit, source_year, sentence = row
    assert got == pytest.approx(value)
    assert unit == ("元" if measure == "level" else "%")
    assert source_year == report_year
    assert text in sentence
    # and the text is in that report as the corpus has it
    corpus = shared_path(*CHONGQING) / f"{report_year}.md"
    assert text.replace("％", "%") in corpus.read_text(encoding="utf-8").replace("％", "%")


def test_chongqing_series_covers_the_recent_years(chongqing_db):
    years = {m: {y for (y,) in chongqing_db.execute(
        """SELECT reference_year FROM indicator_series WHERE region = '重庆市' AND indicator_code = 'gdp'
           AND measure = ?""", [m]).fetchall()} for m in ("level", "growth")}
    # every year 2016–2025 has its growth rate stated by the next report
    assert set(range(2016, 2026)) <= years["growth"]
    assert {2016, 2017, 2019, 2020, 2021, 2023, 2024, 2025} <= years["level"]


def test_national_run_draws_chinas_targets_chart(national_warehouse):
    charts = national_warehouse.parent / "charts"
    assert sorted(p.name for p in charts.glob("*.png")) == ["keyword_intensity.png",
                                                             "targets_vs_actuals_中国.png"]
    assert (charts / "targets_vs_actuals_中国.png").stat().st_size > 20_000
