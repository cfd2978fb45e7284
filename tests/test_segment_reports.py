"""Whole corpus reports through the real ingest stage: parts by position, glossaries, run-in headings.

Each row names a lawtext-gov report and what its sections must be. The reports are the cases the
heading rules alone got wrong: topical top-level headings, review subsections used as top level,
"the year's work" headings that are last year's, glossary entries, bold run-in headings.
"""
import pytest

from pipelines.segment import segment_document
from segment_text_helpers import LAWTEXT, load_clean

_cache: dict[str, tuple[str, object]] = {}


def _segment(report: str):
    if not LAWTEXT.exists():
        pytest.skip(f"../shared not present: {LAWTEXT}")
    if report not in _cache:
        text, hints = load_clean(LAWTEXT / report, LAWTEXT)
        _cache[report] = (text, segment_document("d", text, hints))
    return _cache[report]


def _top_parts(seg):
    return [(s["heading"], s["part"]) for s in seg.sections if s["level"] == 1 and s["part"] != "other"]


# report, top-level (heading, part) in order (title and notes left out), and the signal that decides
TOP_LEVEL = [
    ("topical_five_year_plans", "政府工作报告-主要城市/合肥市/2016.md", [
        ("一、跨越赶超的“十二五”", "review"),        # an earlier five-year plan than the report year's
        ("二、创新转型的“十三五”", "plan"),          # the current plan
        ("三、奋力前行的2016年", "plan"),            # holds the target statement; subsections tasks
    ]),
    ("review_subsections_as_top_level", "政府工作报告-主要城市/上海市/2004.md", [
        ("（一）抗击非典取得阶段性重大胜利", "review"),  # past tense before the plan section
        ("（二）产业结构调整进一步深化", "review"),
        ("（三）国资国企改革和市场体系建设不断推进", "review"),
        ("（四）对内对外开放水平进一步提高", "review"),
        ("（五）重大工程和城市基础设施建设加快推进", "review"),
        ("（六）生态环境建设和城市管理力度进一步加大", "review"),
        ("（七）就业和社会保障工作进一步加强", "review"),
        ("（八）社会事业发展和精神文明建设取得新成绩", "review"),
        ("（九）政府职能转变和政府自身建设进一步加强", "self_building"),
        ("二、2004年工作的总体要求和主要任务", "plan"),
    ]),
    ("earlier_year_is_review", "政府工作报告-主要城市/杭州市/2015.md", [
        ("一、2014年主要工作", "review"),            # '主要工作' rule overridden by the later 2015
        ("二、2015年发展目标和重点工作", "plan"),
        ("三、全面推进法治政府建设", "self_building"),
    ]),
    ("year_words_without_rules", "政府工作报告-主要城市/广州市/2000.md", [
        ("一、1999年工作的主要情况", "review"),
        ("二、2000年的工作意见", "plan"),
    ]),
    ("plans_then_target_then_tasks", "政府工作报告-主要城市/西宁市/2021.md", [
        ("一、“十三五”规划圆满收官，西宁站在新发展起点", "review"),
        ("二、携手奋进“十四五”，共同绘就新发展蓝图", "plan"),
        ("三、辩证看待危与机，准确把握新发展阶段", "plan"),   # holds the target statement
        ("四、以推动高质量发展为主题，深入贯彻新发展理念", "tasks"),
        ("五、促进供需动态平衡，主动融入新发展格局", "tasks"),
    ]),
    ("past_tense_beats_current_plan", "政府工作报告-主要城市/昆明市/2007.md", [
        ("一、团结奋斗，真抓实干，“十一五”开局之年成效显著", "review"),
        ("二、凝心聚力，埋头苦干，全面完成今年各项目标任务", "plan"),
    ]),
    ("topical_review_before_target", "政府工作报告-主要城市/哈尔滨市/2005.md", [
        ("一、实施老工业基地振兴战略取得良好开局，全市经济和社会事业步入良性发展轨道", "review"),
        ("二、以科学发展观为指导，推动经济和社会事业快发展、大发展", "plan"),
    ]),
]


@pytest.mark.parametrize("report, expected", [r[1:] for r in TOP_LEVEL], ids=[r[0] for r in TOP_LEVEL])
def test_top_level_parts(report, expected):
    _, seg = _segment(report)
    assert _top_parts(seg) == expected


# report, a section, the part of its subsections
SUBSECTION_PARTS = [
    ("target_section_holds_tasks", "政府工作报告-主要城市/合肥市/2016.md", "三、奋力前行的2016年", "tasks"),
    ("year_work_section_holds_tasks", "政府工作报告-主要城市/广州市/2000.md", "二、2000年的工作意见", "tasks"),
    ("requirements_and_tasks", "政府工作报告-主要城市/杭州市/2015.md", "二、2015年发展目标和重点工作", "tasks"),
    ("review_children", "政府工作报告-主要城市/杭州市/2015.md", "一、2014年主要工作", "review"),
]


@pytest.mark.parametrize("report, heading, part", [r[1:] for r in SUBSECTION_PARTS],
                         ids=[r[0] for r in SUBSECTION_PARTS])
def test_subsection_parts(report, heading, part):
    _, seg = _segment(report)
    parent = next(s for s in seg.sections if s["heading"] == heading)
    children = [s for s in seg.sections if s["parent_section_id"] == parent["section_id"]]
    assert children
    assert {s["part"] for s in children} - {"self_building"} == {part}


def test_wrapper_heading_places_its_subsections():
    # 成都 2017: the whole report sits under an unnumbered line; its 一、二、三 carry the parts
    _, seg = _segment("政府工作报告-主要城市/成都市/2017.md")
    parts = {s["heading"]: s["part"] for s in seg.sections}
    assert parts["一、2016年工作回顾"] == "review"
    assert parts["二、2017年工作建议"] == "plan"
    assert parts["三、关于政府自身建设"] == "self_building"


# report, the glossary heading, the first entries (paragraphs of the glossary section, not sections)
GLOSSARY = [
    ("numbered_with_colon", "政府工作报告-主要城市/成都市/2017.md", "名词解释",
     ["1. “6+4”先行先试政策：是指6项中关村先行先试政策和4项在国家自主创新示范区推广的先行先试政策。",
      "2. 工业“竞进拉练”："]),
    ("numbered_with_space", "政府工作报告-主要城市/昆明市/2014.md", "名词解释",
     ["1. 肉菜流通追溯体系 以发展现代物流方式为基础，", "2．“六路一江”景观亮化 东风路、"]),
]


@pytest.mark.parametrize("report, heading, entries", [r[1:] for r in GLOSSARY], ids=[r[0] for r in GLOSSARY])
def test_glossary_entries_are_paragraphs(report, heading, entries):
    _, seg = _segment(report)
    glossary = next(s for s in seg.sections if s["heading"] == heading)
    assert glossary["part"] == "other"
    assert not [s for s in seg.sections if s["parent_section_id"] == glossary["section_id"]]
    texts = [p["text"] for p in seg.paragraphs if p["section_id"] == glossary["section_id"]]
    assert len(texts) >= len(entries)
    for text, start in zip(texts, entries):
        assert text.startswith(start)


# report, the run-in heading (bold in the source, "** 一、…** 正文" → "一、… 正文" after cleaning), the
# start of its paragraph's text after the heading
RUN_IN_SPACE = [
    ("review", "政府工作报告-省自治区/吉林省/2004.md", "一、2003年工作的回顾", " 2003年是我省发展进程中很不寻常的一年。"),
    ("self_building", "政府工作报告-省自治区/青海省/2004.md", "十、按照“三个代表”重要思想要求，加强政府自身建设",
     " 忠诚实践“三个代表”重要思想，坚持立党为公、执政为民"),
    ("subsection", "政府工作报告-省自治区/青海省/2005.md", "（三）强化工业主导地位，大力推进新型工业化",
     " 以省委、省政府《关于走新型工业化道路加快工业发展的意见》为"),
]


@pytest.mark.parametrize("report, heading, continues", [r[1:] for r in RUN_IN_SPACE], ids=[r[0] for r in RUN_IN_SPACE])
def test_run_in_heading_ends_at_the_space(report, heading, continues):
    text, seg = _segment(report)
    section = next(s for s in seg.sections if s["heading"] == heading)
    assert text[section["char_end"]:].startswith(continues)
    paragraph = next(p for p in seg.paragraphs if p["char_start"] == section["char_start"])
    assert paragraph["section_id"] == section["section_id"]
