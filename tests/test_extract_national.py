"""The national reports 2014–2026 (lawtext-gov): the GDP growth target of each year with its value, range
and qualifier, and the previous year's reported growth, extracted from the real text."""
from __future__ import annotations

import re

import pytest

from test_extract_gold import SHARED, minimal_clean, sentences
from pipelines.extract import extract_mentions

NATIONAL = SHARED / "corpus" / "lawtext-gov" / "政府工作报告-国务院"
TARGET_SENTENCE = re.compile(r"(?:主要)?预期目标(?:是|为)?：")
MULTI_YEAR = {"年均", "两年平均", "三年平均", "过去五年", "十三五时期", "十四五时期"}

# year: (target value, target high end, qualifier) or None when no GDP target is stated; previous year's growth
TABLE = {
    2014: ((7.5, None, "~"), 7.7),
    2015: ((7.0, None, "~"), 7.4),
    2016: ((6.5, 7.0, "range"), 6.9),
    2017: ((6.5, None, "~"), 6.7),
    2018: ((6.5, None, "~"), 6.9),
    2019: ((6.0, 6.5, "range"), 6.6),
    2020: (None, 6.1),
    2021: ((6.0, None, ">="), 2.3),
    2022: ((5.5, None, "~"), 8.1),
    2023: ((5.0, None, "~"), 3.0),
    2024: ((5.0, None, "~"), 5.2),
    2025: ((5.0, None, "~"), 5.0),
    2026: ((4.5, 5.0, "range"), 5.0),
}


def _gdp_growth(mentions):
    return [m for m in mentions if m["indicator_code"] == "gdp" and m["measure"] == "growth" and m["unit"] == "%"]


def _report(year):
    path = NATIONAL / f"{year}.md"
    if not path.is_file():
        pytest.skip(f"../shared not present: {path.name}")
    return sentences(minimal_clean(path.read_text(encoding="utf-8")))


@pytest.mark.parametrize("year", sorted(TABLE), ids=[str(y) for y in sorted(TABLE)])
def test_gdp_target_of_the_year(year):
    expected, _ = TABLE[year]
    ss = _report(year)
    targets = [s for s in ss if TARGET_SENTENCE.search(s)]
    found = [m for s in targets[:1]
             for m in _gdp_growth(extract_mentions(s, report_year=year, part="plan", is_target_statement=True))]
    if expected is None:
        assert found == []
        return
    value, high, qualifier = expected
    assert found, f"no GDP growth target in {targets[:1]}"
    m = found[0]
    assert (m["value"], m["value_high"], m["qualifier"]) == (value, high, qualifier)
    assert (m["statement"], m["reference_year"], m["direction"]) == ("target", year, "up")
    assert m["target_strength"] == ("hard" if qualifier == ">=" else "soft")


@pytest.mark.parametrize("year", sorted(TABLE), ids=[str(y) for y in sorted(TABLE)])
def test_previous_year_gdp_growth(year):
    _, previous = TABLE[year]
    ss = _report(year)
    end = next((i for i, s in enumerate(ss) if TARGET_SENTENCE.search(s)), len(ss))
    reported = [m for s in ss[:end] for m in _gdp_growth(extract_mentions(s, report_year=year, part="review"))
                if m["period"] not in MULTI_YEAR]
    assert reported, "no GDP growth in the review"
    m = reported[0]
    assert (m["value"], m["qualifier"], m["reference_year"], m["statement"]) == (previous, "=", year - 1, "actual")
