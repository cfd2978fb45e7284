"""The signals parts.py uses for sections whose heading names no part (real headings and text)."""
import pytest

from pipelines.segment import position

YEARS = [
    ("arabic", "一、2013年主要工作", [2013]),
    ("chinese_numerals", "实干二〇二四，我们攻坚克难、收获满满", [2024]),
    ("comma", "二、2014：改革开放发展稳中求快", [2014]),
    ("none", "一、跨越赶超的“十二五”", []),
]


@pytest.mark.parametrize("heading, years", [c[1:] for c in YEARS], ids=[c[0] for c in YEARS])
def test_heading_years(heading, years):
    assert position.heading_years(heading) == years


PLANS = [
    ("quoted", "一、跨越赶超的“十二五”", [12]),
    ("tenth_plan", "一、“十五”计划确定的目标和任务全面完成", [10]),
    ("before_period", "二、努力实现“十一五”时期经济社会又快又好发展", [11]),
    ("not_a_plan", "二、十五年基本实现现代化的设想", []),
]


@pytest.mark.parametrize("heading, plans", [c[1:] for c in PLANS], ids=[c[0] for c in PLANS])
def test_heading_plans(heading, plans):
    assert position.heading_plans(heading) == plans


def test_plan_years():
    assert position.plan_years(10) == (2001, 2005)
    assert position.plan_years(14) == (2021, 2025)


REPORT_YEAR = [
    ("dateline", "政府工作报告\n——2016年1月18日在合肥市第十五届人民代表大会第五次会议上\n各位代表：", 2016),
    ("december_delivery", "政府工作报告\n——2022年12月28日在…会议上\n各位代表：", 2023),
    ("no_dateline", "政府工作报告\n各位代表：\n现在，我代表市人民政府向大会报告工作。", None),
]


@pytest.mark.parametrize("text, year", [c[1:] for c in REPORT_YEAR], ids=[c[0] for c in REPORT_YEAR])
def test_report_year(text, year):
    assert position.report_year(text) == year


TENSE = [
    ("last_year", "过去的一年，是我市全面实施老工业基地振兴战略并取得初步成效的一年。", 2005, "past"),
    ("earlier_year", "2003年，是全面建设海湾型城市的开局年，也是本届政府履行职责的第一年。", 2004, "past"),
    ("achievements", "这五年，我们坚持发展为要，综合实力显著增强。生产总值年均增长7.7%。", 2022, "past"),
    ("this_year", "2016年是实施“十三五”规划的第一年，我们要认真贯彻中央和省里的决策部署，主动适应新常态。", 2016, "future"),
    ("outlook", "“十四五”时期是我国全面建成小康社会之后，向第二个百年奋斗目标进军的第一个五年，到2035年基本实现现代化。",
     2021, "future"),
    ("today", "今年政府工作的总体要求是：坚持稳中求进工作总基调。", None, "future"),
]


@pytest.mark.parametrize("passage, year, expected", [c[1:] for c in TENSE], ids=[c[0] for c in TENSE])
def test_tense(passage, year, expected):
    assert position.tense(passage, year) == expected
