"""National reports (国务院) 2000–2026: top-level parts in order, and the target statement."""
import pytest

from pipelines.segment import segment_document
from segment_text_helpers import NATIONAL, load_clean

# year, top-level numbering as written, part of each top-level section (title and notes left out)
TOP_LEVEL = [
    ("2000", "一 二 三 四 五 六 七 八 九 十",
     "review tasks tasks tasks tasks tasks tasks self_building tasks tasks"),
    ("2001", "一 二 三 四 五 六 七 八 九 十", "review plan tasks tasks tasks tasks tasks tasks tasks tasks"),
    ("2002", "首 一 二 三 四 五 六 七 八", "review tasks tasks tasks tasks tasks tasks self_building tasks"),
    ("2003", "一 二", "review plan"),
    ("2004", "一 二 三", "review tasks self_building"),
    ("2005", "一 二 三 四 五 六 七", "review plan tasks tasks tasks self_building tasks"),
    ("2006", "一 二 三", "review tasks plan"),
    ("2007", "一 二 三 四 五 六", "review plan tasks tasks tasks self_building"),
    ("2008", "一 二", "review tasks"),
    ("2009", "一 二 三", "review plan tasks"),
    ("2010", "一 二", "review tasks"),
    ("2011", "一 二 三", "review plan plan"),
    ("2012", "一 二 三", "review plan tasks"),
    ("2013", "一 二 三", "review plan plan"),
    ("2014", "一 二 三", "review plan tasks"),
    ("2015", "一 二 三 四 五 六", "review plan tasks tasks tasks self_building"),
    ("2016", "一 二 三", "review plan tasks"),
    ("2017", "一 二 三", "review plan tasks"),
    ("2018", "一 二 三", "review plan plan"),
    ("2019", "一 二 三", "review plan tasks"),
    ("2020", "一 二 三 四 五 六 七 八", "review plan tasks tasks tasks tasks tasks tasks"),
    ("2021", "一 二 三", "review plan tasks"),
    ("2022", "一 二 三", "review plan tasks"),
    ("2023", "一 二", "review plan"),
    ("2024", "一 二 三", "review plan tasks"),
    ("2025", "一 二 三", "review plan tasks"),
    ("2026", "一 二 三 四", "review plan plan tasks"),
]

# Reports without a sentence stating this year's targets, and why.
NO_TARGET_STATEMENT = {
    "2000": "no numeric targets for 2000 are stated (only 三年目标 of SOE reform, 扶贫 goals)",
    "2001": "the only targets are the 10th five-year plan's (“十五”期间…预期目标为7%左右)",
    "2002": "no annual target sentence; growth is only discussed as 力争",
}

# The first words of the flagged sentence, per year.
TARGET_START = {
    "2003": "综合分析国内外各种情况，今年经济增长预期目标为7%左右",
    "2004": "中央提出今年经济增长预期目标为7%左右",
    "2008": "今年国民经济和社会发展的预期目标是：",
    "2020": "今年要优先稳就业保民生",
    "2024": "今年发展主要预期目标是：国内生产总值增长5%左右；",
    "2026": "今年发展主要预期目标是：经济增长4.5%——5%",
}


@pytest.fixture(scope="module")
def national():
    if not NATIONAL.exists():
        pytest.skip(f"../shared not present: {NATIONAL}")
    out = {}
    for path in sorted(NATIONAL.glob("20*.md")):
        text, hints = load_clean(path)
        out[path.stem] = (text, segment_document(path.stem, text, hints))
    return out


def test_every_report_from_2000_is_covered(national):
    assert sorted(national) == [y for y, _, _ in TOP_LEVEL]


def _top(seg):
    return [s for s in seg.sections
            if s["level"] == 1 and s["part"] != "other" and not s["heading"].startswith("政府工作报告")]


@pytest.mark.parametrize("year, numbers, parts", TOP_LEVEL, ids=[y for y, _, _ in TOP_LEVEL])
def test_top_level_parts_in_order(national, year, numbers, parts):
    _, seg = national[year]
    top = _top(seg)
    assert [s["heading"][0] for s in top] == numbers.split()
    assert [s["part"] for s in top] == parts.split()
    # a plan section that holds the task list hands "tasks" to its subsections
    for s in top:
        children = [c for c in seg.sections if c["parent_section_id"] == s["section_id"]]
        if s["part"] == "plan" and ("建议" in s["heading"] or "工作" == s["heading"][-2:]):
            assert children and all(c["part"] in ("tasks", "self_building", "plan") for c in children)


@pytest.mark.parametrize("year", [y for y, _, _ in TOP_LEVEL])
def test_target_statement(national, year):
    _, seg = national[year]
    flagged = [s for s in seg.sentences if s["is_target_statement"]]
    if year in NO_TARGET_STATEMENT:
        assert flagged == [], NO_TARGET_STATEMENT[year]
        return
    assert flagged, "no target statement found"
    assert flagged[0]["part"] != "review"
    if year in TARGET_START:
        assert flagged[0]["text"].startswith(TARGET_START[year])
    elif year >= "2005":
        assert "预期目标" in flagged[0]["text"] or "主要目标是" in flagged[0]["text"]


@pytest.mark.parametrize("year", [y for y, _, _ in TOP_LEVEL])
def test_review_never_holds_the_target(national, year):
    _, seg = national[year]
    # e.g. "全年经济社会发展主要目标任务圆满完成" (review) is never flagged
    assert not any(s["is_target_statement"] for s in seg.sentences if s["part"] == "review")
    assert not any(s["is_target_statement"] for s in seg.sentences if "主要目标任务圆满完成" in s["text"])
