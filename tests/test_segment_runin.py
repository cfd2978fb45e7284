"""Bold run-in headings glued to their paragraph (``**（三）聚焦培育现代产业体系，**实施…``): the cleaner's
``run_in`` hint ends the heading where the bold ends. Real lines through the real ingest stage."""
import pytest

from pipelines.segment import segment_document
from segment_text_helpers import LAWTEXT, clean_from_text, load_clean

HEAD = "**政府工作报告**\n\n各位代表：\n\n现在，我代表市人民政府向大会报告工作，请予审议。\n\n"

# (id, Markdown line, heading)
LINES = [
    ("内蒙古2011-glued-no-stop-in-bold",
     "**一、“十一五”时期和2010年经济社会发展回顾**“十一五”时期，是我区发展进程中很不平凡的五年。在党中央、国务院和自治区党委的正确领导下，全区上下深入贯彻落实科学发展观。",
     "一、“十一五”时期和2010年经济社会发展回顾"),
    ("山西2021-bold-ends-in-comma-stop-far",
     "**（三）聚焦培育现代产业体系，**实施非均衡发展战略、换道领跑战略、数字山西战略，着力打造战略性新兴产业集群，布局未来产业，发展蓝色经济，推动基础产业高端化智能化绿色化，加快发展现代服务业，推动产业链供应链现代化。",
     "（三）聚焦培育现代产业体系"),
    ("福建2024-bold-ends-in-stop",
     "**（二）坚持“四下基层”、为民服务。**深入开展调查研究，走出机关大院，到企业中了解实际需求。",
     "（二）坚持“四下基层”、为民服务"),
    ("哈尔滨2020-bold-ends-in-comma-stop-near",
     "**（一）以优化营商环境为基础，**全面深化改革。立足推进治理体系和治理能力现代化。",
     "（一）以优化营商环境为基础，全面深化改革"),
    ("上饶2024-bold-splits-a-word", "**一、2023年工作回**顾", "一、2023年工作回顾"),
    ("佛山2022-footnote-between-bolds",
     "**（二）坚持以“四大决心”促“四大改变”**[9]**，推动制造业高质量发展，加快构建现代产业体系**",
     "（二）坚持以“四大决心”促“四大改变”[9]，推动制造业高质量发展，加快构建现代产业体系"),
    ("南昌2026-stop-inside-bold",
     "**（九）全力以赴防范化解风险，社会大局保持和谐稳定。安全生产治本攻坚，**深化道路交通、城镇燃气、城乡防火、住房建筑等重点领域专项整治，统筹推进自然灾害防治和城市安全运行，全市生产安全事故起数、死亡人数分别下降12%、8.3%。",
     "（九）全力以赴防范化解风险，社会大局保持和谐稳定"),
]


@pytest.mark.parametrize("line, heading", [c[1:] for c in LINES], ids=[c[0] for c in LINES])
def test_bold_run_in_heading(line, heading):
    text, hints = clean_from_text(HEAD + line + "\n")
    seg = segment_document("d", text, hints)
    body = [s for s in seg.sections if s["heading"] != "政府工作报告"]
    assert [s["heading"] for s in body] == [heading]
    (section,) = body
    assert text[section["char_start"]:section["char_end"]] == heading
    line_end = len(text.rstrip("\n"))
    if section["char_end"] < line_end - 1:  # run-in: the paragraph still holds the whole line
        (para,) = [p for p in seg.paragraphs if p["char_start"] == section["char_start"]]
        assert para["text"].startswith(heading) and para["char_end"] == line_end


# whole reports: (id, report, heading, level, the paragraph's text right after the heading)
REPORTS = [
    ("内蒙古2011", "政府工作报告-省自治区/内蒙古自治区/2011.md", "一、“十一五”时期和2010年经济社会发展回顾", 1, "“十一五”时期，是我区"),
    ("山西2021-(三)", "政府工作报告-省自治区/山西省/2021.md", "（三）聚焦培育现代产业体系", 2, "，实施非均衡发展战略"),
    ("山西2021-(六)", "政府工作报告-省自治区/山西省/2021.md", "（六）聚焦建设美丽山西", 2, None),
]


@pytest.mark.parametrize("report, heading, level, continues", [r[1:] for r in REPORTS], ids=[r[0] for r in REPORTS])
def test_bold_run_in_heading_in_report(report, heading, level, continues):
    if not LAWTEXT.exists():
        pytest.skip(f"../shared not present: {LAWTEXT}")
    text, hints = load_clean(LAWTEXT / report, LAWTEXT)
    seg = segment_document("d", text, hints)
    (section,) = [s for s in seg.sections if s["heading"] == heading]
    assert section["level"] == level
    if continues:
        assert text[section["char_end"]:].startswith(continues)
