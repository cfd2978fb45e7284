"""Rules added because the analytical views (targets, targets_vs_actuals, indicator_series) exposed them.

Each case is a real sentence from the corpus (source in the id / comment) with the report year and part it
has there, and the fields the views read: indicator_code, measure, direction, reference_year, period.
"""
from __future__ import annotations

import pytest

from pipelines.extract import extract_mentions, indicator_code

NATIONAL = "政府工作报告-国务院"
CHONGQING = "政府工作报告-主要城市/重庆市"


def m(value_text, **fields):
    return {"value_text": value_text, **fields}


CASES = [
    # 1. National forms of the dictionary's 地区生产总值 names (单位/人均/万元 …), and 经济增长 as a target's subject.
    ("national-2016-energy-intensity", "单位国内生产总值能耗降低2.5%左右。", 2016, "plan",
     [m("2.5%左右", indicator_code="energy_intensity", measure="growth", direction="down", reference_year=2016)]),
    ("national-2018-energy-intensity", "单位国内生产总值能耗下降3%以上，主要污染物排放量继续下降；", 2018, "plan",
     [m("3%以上", indicator_code="energy_intensity", measure="growth", direction="down")]),
    ("national-2026-carbon-intensity", "单位国内生产总值二氧化碳排放降低3.8%左右，综合考虑了经济社会发展、绿色低碳转型和国家能源安全等多种需要，有利于有序实现2030年前碳达峰目标。",
     2026, "plan", [m("3.8%左右", indicator_code="carbon_intensity", measure="growth", direction="down",
                      reference_year=2026)]),
    ("national-2016-water-intensity", "今后五年，单位国内生产总值用水量、能耗、二氧化碳排放量分别下降23%、15%、18%，森林覆盖率达到23.04%，能源资源开发利用效率大幅提高，生态环境质量总体改善。",
     2016, "plan", [m("23%", indicator_code="water_intensity", direction="down"),
                    m("15%", indicator="单位国内生产总值能耗", indicator_code="energy_intensity"),
                    m("18%", indicator="单位国内生产总值二氧化碳排放量", indicator_code="carbon_intensity")]),
    ("hebei-2021-wanyuan-list", "到2025年，地级城市空气质量优良天数比例比2020年提高10个百分点以上，森林覆盖率达到36.5%，万元GDP用水量、能耗、二氧化碳排放分别降低15%、15%、19%。",
     2021, "plan", [m("19%", indicator="万元GDP二氧化碳排放", indicator_code="carbon_intensity", direction="down")]),
    ("national-2024-growth-target", "经济增长预期目标为5%左右，考虑了促进就业增收、防范化解风险等需要，并与“十四五”规划和基本实现现代化的目标相衔接，也考虑了经济增长潜力和支撑条件，体现了积极进取、奋发有为的要求。",
     2024, "plan", [m("5%左右", indicator="经济增长", indicator_code="gdp", measure="growth", statement="target",
                      reference_year=2024)]),
    ("national-2025-growth-target", "经济增长预期目标为5%左右，既是稳就业、防风险、惠民生的需要，也有经济增长潜力和有利条件支撑，并与中长期发展目标相衔接，突出迎难而上、奋发有为的鲜明导向。",
     2025, "plan", [m("5%左右", indicator_code="gdp", measure="growth", reference_year=2025)]),
    ("chongqing-2003-gdp-per-capita", "人均国内生产总值200多美元。", 2003, "review",
     [m("200多美元", indicator_code="gdp_pc", measure="level")]),
    # 2. 从/由A年的X增加到Y: A is X's year only; Y is the review year (重庆 2023, 2013); a start point without its own
    # year in a parallel clause takes the start year (64176元 is 2017's).
    ("chongqing-2023-from-to", "全市地区生产总值从2017年的2.01万亿元增加到2.91万亿元、年均增长5.4%，人均地区生产总值从64176元提高到90663元、高于全国平均水平。",
     2023, "review", [m("2.01万亿元", indicator_code="gdp", reference_year=2017),
                      m("2.91万亿元", indicator_code="gdp", measure="level", reference_year=2022),
                      m("5.4%", measure="growth", period="年均", reference_year=2022),
                      m("64176元", indicator_code="gdp_pc", reference_year=2017),
                      m("90663元", indicator_code="gdp_pc", reference_year=2022)]),
    ("chongqing-2013-from-to", "全市生产总值从2007年的4676亿元增加到11459亿元，年均增长15.3%。", 2013, "review",
     [m("4676亿元", reference_year=2007), m("11459亿元", indicator_code="gdp", reference_year=2012)]),
    ("national-2002-from-date-is-not-a-start-value", "从2002年1月1日起，我国关税总水平已由15.3%降到12%，涉及5300多个税目。",
     2002, "review", [m("12%", reference_year=2002)]),
    # 3. A count never takes a code of another unit kind (data/unit_kinds.csv); its noun is the counted thing.
    ("chongqing-2009-count-of-districts", "万州等8个库区重点区县经济增速比全市快2.7个百分点。", 2009, "review",
     [m("8个", indicator="库区重点区县", indicator_code=None), m("2.7个百分点", indicator_code="gdp")]),
    ("chongqing-2006-count-of-districts", "“十五”后三年，库区15个淹没区县总体经济增长速度超过全市平均水平。", 2006, "review",
     [m("15个", indicator_code=None)]),
    ("chongqing-2026-count-of-steps", "川渝一体化发展格局加速形成，地区生产总值五年跨过3个万亿级关口、突破10万亿元。", 2026, "review",
     [m("3个", indicator_code=None), m("10万亿元", indicator="地区生产总值", indicator_code="gdp")]),
    ("chongqing-2023-money-is-not-market-entities", "推动政策免申即享、直达快享，为市场主体减负超过1500亿元。", 2023, "review",
     [m("1500亿元", indicator_code=None)]),
    # 5. From the second annotator's remaining gaps: a one-character place noun ending its clause is what a
    # count counts (national 2006 scrape; gold '县'), unless it modifies a noun after a list (省、市重点项目).
    ("national-2006-count-of-counties", "新型农村合作医疗制度试点已扩大到671个县，惠及1.77亿农民。", 2006, "review",
     [m("671个", indicator="县")]),
    ("place-list-is-a-modifier", "预计固定资产投资增长7%，380个省、市重点项目投资超额完成全年目标，388个重大项目集中开工。", 2022, "review",
     [m("380个", indicator="固定资产投资", indicator_code=None)]),  # not 省; and a count is never fai
    ("per-unit-prefix-shared", "单位GDP能耗、水耗分别下降14.5%、19.3%，超额完成省下达目标。", 2016, "review",
     [m("14.5%", indicator_code="energy_intensity"), m("19.3%", indicator="单位GDP水耗")]),
    # 4. A change against a named earlier year spans several years: period 比<year>年; reference year stays.
    ("chongqing-2003-compared-with-1996", "据初步统计，2002年全市国内生产总值完成1971亿元，与1996年相比，增长68.9%。", 2003, "review",
     [m("1971亿元", period=None, reference_year=2002),
      m("68.9%", indicator_code="gdp", measure="growth", period="比1996年", reference_year=2002)]),
    ("hebei-2013-compared-with-2007", "综合经济实力大幅提升，2012年全省生产总值26575亿元，同比增长9.6%，比2007年增长65.8%。", 2013, "review",
     [m("9.6%", period=None, reference_year=2012), m("65.8%", period="比2007年", reference_year=2012)]),
    ("zhejiang-1983-chinese-base-year", "一九八二年，全省出口商品收购总额为二十二亿三千八百万元，比一九七七年增长一点三倍。", 1983, "review",
     [m("一点三倍", measure="multiple", period="比1977年", reference_year=1982)]),
    ("previous-year-base-is-annual", "2012年全省生产总值26575亿元，比2011年增长9.6%。", 2013, "review",
     [m("9.6%", period=None, reference_year=2012)]),
]


@pytest.mark.parametrize("sentence,year,part,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_view_rule(sentence, year, part, expected):
    mentions = extract_mentions(sentence, report_year=year, part=part)
    by_text = {}
    for x in mentions:
        by_text.setdefault(x["value_text"], x)
    for want in expected:
        got = by_text.get(want["value_text"])
        assert got is not None, f"no {want['value_text']} in {[x['value_text'] for x in mentions]}"
        for key, value in want.items():
            assert got[key] == value, f"{want['value_text']}: {key} {got[key]!r} != {value!r}"


@pytest.mark.parametrize("regional,national", [
    ("单位地区生产总值能耗", "单位国内生产总值能耗"),
    ("单位地区生产总值二氧化碳排放", "单位国内生产总值二氧化碳排放"),
    ("人均地区生产总值", "人均国内生产总值"),
    ("万元地区生产总值能耗", "万元国内生产总值能耗"),
    ("研发经费支出占地区生产总值比重", "研发经费支出占国内生产总值比重"),
], ids=["energy", "carbon", "per-capita", "wanyuan-energy", "rd-share"])
def test_national_form_maps_like_the_regional_form(regional, national):
    assert indicator_code(regional) is not None
    assert indicator_code(national) == indicator_code(regional)
