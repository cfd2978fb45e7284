"""Heading detection, nesting and parts on small documents built from real report lines."""
import pytest

from pipelines.segment import segment_document


def _seg(lines, hints_for=()):
    text = "\n".join(lines)
    hints, pos = [], 0
    for line in lines:
        if line in hints_for:
            hints.append({"char_start": pos, "char_end": pos + len(line), "level": 2})
        pos += len(line) + 1
    return text, segment_document("d", text, hints)


def _tree(seg):
    return [(s["level"], s["heading"], s["part"]) for s in seg.sections]


PLAIN_REPORT = [
    "政府工作报告",
    "——2024年1月15日在重庆市渝中区第十九届人民代表大会第五次会议上",
    "重庆市渝中区人民政府区长 谢 东",
    "各位代表：",
    "现在，我代表区人民政府，向大会报告工作，请予审议。",
    "一、2023年工作回顾",
    "2023年是全面贯彻党的二十大精神的开局之年。",
    "（一）着力服务全局见行见效",
    "主动有为服务重大战略。",
    "1.推进成渝地区双城经济圈建设",
    "精准谋划实施“十大行动”。",
    "（三）着力改善民生",      # gap: no （二）
    "民生支出占比81.5%。",
    "二、2024年工作安排",
    "今年政府工作的总体要求是：坚持稳中求进。主要预期目标是：地区生产总值增长5.5%左右；城镇新增就业2.5万人。",
    "（一）着力推动“四稳”政策落地。面对复杂形势，一是稳增长，二是稳就业。",
    "第一，抓项目。第二，促消费。",
    "（二）加强政府自身建设。坚持依法行政。",
    "各位代表！让我们团结奋斗。",
]


def test_plain_report_tree():
    _, seg = _seg(PLAIN_REPORT)
    assert _tree(seg) == [
        (1, "政府工作报告", "other"),
        (1, "一、2023年工作回顾", "review"),
        (2, "（一）着力服务全局见行见效", "review"),
        (3, "1.推进成渝地区双城经济圈建设", "review"),
        (2, "（三）着力改善民生", "review"),
        (1, "二、2024年工作安排", "plan"),
        (2, "（一）着力推动“四稳”政策落地", "tasks"),
        (2, "（二）加强政府自身建设", "self_building"),
    ]


def test_gap_in_numbering_keeps_the_parent():
    _, seg = _seg(PLAIN_REPORT)
    by = {s["heading"]: s for s in seg.sections}
    assert by["（三）着力改善民生"]["parent_section_id"] == by["一、2023年工作回顾"]["section_id"]
    assert by["（三）着力改善民生"]["ordinal"] == 2


def test_run_in_heading_is_also_a_paragraph():
    text, seg = _seg(PLAIN_REPORT)
    sec = next(s for s in seg.sections if s["heading"].startswith("（一）着力推动"))
    para = next(p for p in seg.paragraphs if p["section_id"] == sec["section_id"])
    assert para["char_start"] == sec["char_start"] and para["text"].startswith("（一）着力推动“四稳”政策落地。面对")
    assert text[sec["char_start"]:sec["char_end"]] == "（一）着力推动“四稳”政策落地"


def test_enumerations_are_not_sections():
    _, seg = _seg(PLAIN_REPORT)
    headings = [s["heading"] for s in seg.sections]
    assert not any(h.startswith(("一是", "第一", "二是")) for h in headings)


@pytest.mark.parametrize("paragraph_start, part", [
    ("今年政府工作的总体要求是", "plan"),      # intro of a plan-then-tasks section
    ("（一）着力推动", "tasks"),
    ("第一，抓项目", "tasks"),
    ("（二）加强政府自身建设", "self_building"),
    ("各位代表！让我们", "closing"),
    ("现在，我代表", "other"),
], ids=["plan_intro", "task", "task_enumeration", "self_building", "closing", "opening"])
def test_paragraph_parts(paragraph_start, part):
    _, seg = _seg(PLAIN_REPORT)
    para = next(p for p in seg.paragraphs if p["text"].startswith(paragraph_start))
    assert para["part"] == part


def test_target_statement_flagged_once():
    _, seg = _seg(PLAIN_REPORT)
    flagged = [s["text"] for s in seg.sentences if s["is_target_statement"]]
    assert flagged == ["主要预期目标是：地区生产总值增长5.5%左右；城镇新增就业2.5万人。"]


def test_own_line_headings_are_not_paragraphs():
    _, seg = _seg(PLAIN_REPORT)
    texts = {p["text"] for p in seg.paragraphs}
    assert "一、2023年工作回顾" not in texts and "重庆市渝中区人民政府区长 谢 东" in texts


UNNUMBERED = [
    "政府工作报告",
    "各位代表：",
    "现在，我代表市人民政府向大会报告工作。",
    "2023年工作回顾",
    "过去一年，全市经济稳中向好。",
    "2024年工作安排",
    "今年经济社会发展的主要预期目标是：地区生产总值增长6%左右。",
    "一、加快建设现代化产业体系",
    "推动制造业高质量发展。",
    "二、加强政府自身建设",
    "坚持依法行政。",
]


def test_unnumbered_headings_parent_a_restarted_numbering():
    _, seg = _seg(UNNUMBERED)
    assert _tree(seg) == [
        (1, "政府工作报告", "other"),
        (1, "2023年工作回顾", "review"),
        (1, "2024年工作安排", "plan"),
        (2, "一、加快建设现代化产业体系", "tasks"),
        (2, "二、加强政府自身建设", "self_building"),
    ]


@pytest.mark.parametrize("line", [
    "国务院总理 李强",
    "——2024年3月5日在第十四届全国人民代表大会第二次会议上",
    "本文地址：/baogao/xn/10234.html",
    "坚持稳中求进，持续推动经济实现质的有效提升和量的合理增长，加快建设现代化产业体系",
    "90%",
], ids=["speaker", "dateline", "url", "long_line", "no_cjk"])
def test_lines_that_are_not_headings(line):
    _, seg = _seg(["各位代表：", "现在，我代表国务院报告工作。", line, "正文。"])
    assert seg.sections == []


def test_markdown_hints_make_long_and_unnumbered_headings():
    lines = ["各位代表：", "正文。", "关于今后五年建设和改革的目标、方针和主要任务", "正文。",
             "一、认真地有步骤地改革城市经济中普遍存在的弊端", "正文。"]
    _, seg = _seg(lines, hints_for=lines[2:3])
    assert [(s["level"], s["heading"]) for s in seg.sections] == [
        (1, "关于今后五年建设和改革的目标、方针和主要任务"),
        (2, "一、认真地有步骤地改革城市经济中普遍存在的弊端"),
    ]


def test_same_markdown_level_keeps_unnumbered_and_numbered_siblings():
    # national 2002: "## 首先报告2001年的工作。" then "## 一、扩大和培育内需…"
    lines = ["各位代表：", "正文。", "首先报告2001年的工作。", "正文。", "一、扩大和培育内需，促进经济较快增长", "正文。"]
    _, seg = _seg(lines, hints_for=lines[2:5:2])
    assert [(s["level"], s["heading"], s["part"]) for s in seg.sections] == [
        (1, "首先报告2001年的工作", "review"),
        (1, "一、扩大和培育内需，促进经济较快增长", "tasks"),
    ]


def test_part_level_heading_outranks_chinese_numbering():
    lines = ["各位代表：", "正文。", "第一部分 过去五年工作回顾", "一、经济实力显著增强", "正文。",
             "第二部分 今后五年的目标任务", "一、总体要求", "正文。"]
    _, seg = _seg(lines)
    assert [(s["level"], s["heading"][:6]) for s in seg.sections] == [
        (1, "第一部分 过"), (2, "一、经济实力"), (1, "第二部分 今"), (2, "一、总体要求")]
