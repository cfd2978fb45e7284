"""Time scope of a metric: plan year and delivery year, reference year, period kind, base year, and the
columns extraction outputs so the views stop re-deriving them (signed_value, is_stretch_marked).

Every case is a real sentence of ``../shared/corpus/lawtext-gov`` (the report in the id and comment) with
the plan year, delivery year and part it has there, and the fields expected of its mentions.
"""
from __future__ import annotations

import pytest

from pipelines.extract import extract_mentions


def m(value_text, **fields):
    return {"value_text": value_text, **fields}


# (id, sentence, plan year, delivery year, part, is target statement, expected mentions)
CASES = [
    # 1. A report delivered October–December plans the next year and reviews the year of its delivery:
    # 兰州 2017.md, delivered 2016-12-15 (plan year 2017): 今年 is 2016, the targets are 2017's.
    ("late-report-this-year-is-the-review-year",
     "全市生产总值年均增长10.73％，预计今年达到2220亿元以上，是2011年的1.6倍，占全省的比重由27.09％提升到30％以上。",
     2017, 2016, "review", False,
     [m("2220亿元以上", statement="estimate", reference_year=2016, indicator_code="gdp")]),
    ("late-report-targets-are-for-the-plan-year",
     "经济社会发展的主要预期目标是：生产总值增长8％以上；第一产业增加值增长5.2％；第二产业增加值增长7％，其中规模以上工业增加值增长6％；第三产业增加值增长9.5％；固定资产投资增长10％以上；社会消费品零售总额增长9％；一般公共预算收入增长10％；城镇居民和农村居民人均可支配收入分别增长9.5％和10.5％；城镇登记失业率控制在4％以内；居民消费价格涨幅控制在3％以内；各项约束性指标完成国家和省上下达的目标任务。",
     2017, 2016, "plan", True,
     [m("8％以上", statement="target", reference_year=2017, indicator_code="gdp", measure="growth")]),
    ("late-report-actual-without-a-year-is-the-delivery-year",
     "累计完成投资1986.58亿元，基本建成核心区120平方公里的基础设施，形成区内路网482公里，兰秦快速通道、中马铁路建成通车。",
     2017, 2016, "review", False,
     [m("1986.58亿元", statement="actual", reference_year=2016)]),
    # the same sentence in a report delivered early in its plan year (兰州 2016.md, 2016-03-22): 2015
    ("early-report-actual-is-the-year-before",
     "累计完成投资1986.58亿元，基本建成核心区120平方公里的基础设施，形成区内路网482公里，兰秦快速通道、中马铁路建成通车。",
     2016, 2016, "review", False,
     [m("1986.58亿元", statement="actual", reference_year=2015)]),
    # 2. signed_value: a fall carries its sign; a negative growth keeps it (三明 2021: 增长-39.7%).
    ("signed-negative-growth-keeps-its-sign",
     "初步统计，全市生产总值2702.19亿元，增长4.1%；规模以上工业增加值增长3.1%；地方一般公共预算收入111.16亿元，增长3.2%；固定资产投资增长7.1%；外贸出口106.6亿元，增长-39.7%；实际利用外商直接投资1.41亿元，增长7.3%；社会消费品零售总额781.71亿元，下降0.3%；城镇居民人均可支配收入39270元，增长3.5%；农村居民人均可支配收入19410元，增长6%；居民消费价格总水平上涨1.3%；节能减排年度任务可以完成。",
     2021, 2021, "review", False,
     [m("-39.7%", measure="growth", direction="down", signed_value=-39.7),
      m("0.3%", measure="growth", direction="down", signed_value=-0.3),
      m("2702.19亿元", measure="level", signed_value=2.70219e11, period_kind="year")]),
    # 3. is_stretch_marked: the value's clause opens with 力争/争取 (national 1991: 年平均增长9%，力争10%).
    ("stretch-marked-clause",
     "——国民生产总值450亿元，年平均增长9%，力争10%，提前一年完成“八五”计划，提前三年实现翻两番的目标。",
     1991, 1991, "plan", False,
     [m("9%", is_stretch_marked=False, period="年均", period_kind="multi_year"),
      m("10%", is_stretch_marked=True)]),
    # 4. base_year: a change against a named earlier year is multi-year (河北 2013: 比2007年增长65.8%).
    ("base-year-is-a-column",
     "综合经济实力大幅提升，2012年全省生产总值26575亿元，同比增长9.6%，比2007年增长65.8%。",
     2013, 2013, "review", False,
     [m("9.6%", base_year=None, period_kind="year", reference_year=2012),
      m("65.8%", base_year=2007, period_kind="multi_year", reference_year=2012)]),
]


@pytest.mark.parametrize("sentence, plan_year, delivery_year, part, is_target, expected",
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_time_scope_of_real_sentences(sentence, plan_year, delivery_year, part, is_target, expected):
    got = extract_mentions(sentence, report_year=plan_year, delivery_year=delivery_year, part=part,
                           is_target_statement=is_target)
    by_text = {}
    for g in got:
        by_text.setdefault(g["value_text"], g)
    for exp in expected:
        assert exp["value_text"] in by_text, f"{exp['value_text']} not extracted: {[g['value_text'] for g in got]}"
        mention = by_text[exp["value_text"]]
        for key, value in exp.items():
            if isinstance(value, float):
                assert mention[key] == pytest.approx(value), key
            else:
                assert mention[key] == value, (key, mention)
