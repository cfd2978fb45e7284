"""``documents.plan_year``: the year a report's targets are for, from real reports through the real ingest."""
from __future__ import annotations

import datetime as dt

import pytest

from pipelines.ingest.planyear import named_plan_year, plan_year
from tests.conftest import shared_path
from tests.segment_text_helpers import ingest_path

LAWTEXT = ("corpus", "lawtext-gov")

# (file under lawtext-gov, year delivered, plan year, why)
REPORTS = [
    ("政府工作报告-主要城市/兰州市/2017.md", 2016, 2017, "delivered 2016-12-15: plans 2017, reviews 2016"),
    ("政府工作报告-主要城市/兰州市/2016.md", 2016, 2016, "delivered 2016-03-22: plans its own year"),
    ("政府工作报告-国务院/1981.md", 1981, 1982, "delivered 1981-11-30: the next year's plan"),
    ("政府工作报告-省自治区/四川省/2003.md", 2003, 2004,
     "no dateline; the title names the year under review (2003年…工作报告), the plan sections 2004年工作安排"),
    ("政府工作报告-省自治区/四川省/2006.md", 2007, 2007,
     "dated 2007-01-26 though titled 2006年…: the date decides"),
]


@pytest.mark.parametrize("path, year, expected, why", REPORTS, ids=[r[0].split("/", 1)[1] for r in REPORTS])
def test_plan_year_of_real_reports(path, year, expected, why):
    root = shared_path(*LAWTEXT)
    doc = ingest_path(root / path, root)
    assert doc["year"] == year, why
    assert doc["plan_year"] == expected, why


def test_text_evidence_only_moves_a_dateless_year_forward_by_one():
    # 上海 2021 names 2025 (到2025年…目标) more than 2021: too far from the document's year to be its plan
    text = "2025年经济社会发展的主要目标任务。2025年经济社会发展的主要目标。"
    assert named_plan_year(text) == 2025
    assert plan_year(None, 2021, text) == 2021
    assert plan_year(None, 2024, text) == 2025
    assert plan_year(dt.date(2024, 12, 20), 2024, "") == 2025
    assert plan_year(dt.date(2024, 9, 30), 2024, "") == 2024
