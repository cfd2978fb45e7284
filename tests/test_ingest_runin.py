"""Bold run-in headings (``**（二）…**正文…``): the cleaner strips the ``**`` but leaves a hint
``{"level": 0, "run_in": True}`` covering exactly the bold span at the start of the line; the
paragraph keeps the whole line. Lines are real lines of lawtext-gov reports (cut at a sentence end)."""
import pytest

from pipelines.ingest import ingest_group, scan_raw_folder

HEAD = "**政府工作报告**\n\n各位代表：\n\n现在，我代表市人民政府向大会报告工作，请予审议。\n\n"

# (id, Markdown line, the bold span in clean_text, the paragraph in clean_text)
RUN_IN = [
    ("内蒙古2011-glued", "**一、“十一五”时期和2010年经济社会发展回顾**“十一五”时期，是我区发展进程中很不平凡的五年。",
     "一、“十一五”时期和2010年经济社会发展回顾", "一、“十一五”时期和2010年经济社会发展回顾“十一五”时期，是我区发展进程中很不平凡的五年。"),
    ("福建2024-bold-ends-in-stop", "**（二）坚持“四下基层”、为民服务。**深入开展调查研究，走出机关大院，到企业中了解实际需求，到群众中了解急难愁盼，到基层中了解干部状态，真正做到在群众和社会中倾听呼声、解决问题。",
     "（二）坚持“四下基层”、为民服务。", None),
    ("山西2021-bold-ends-in-comma", "**（三）聚焦培育现代产业体系，**实施非均衡发展战略、换道领跑战略、数字山西战略，着力打造战略性新兴产业集群。",
     "（三）聚焦培育现代产业体系，", None),
    ("厦门2023-ascii-colon-normalized", "**今年经济社会发展的主要预期目标为:**地区生产总值增长6.5%，规模以上工业增加值增长11.5%。",
     "今年经济社会发展的主要预期目标为：", "今年经济社会发展的主要预期目标为：地区生产总值增长6.5%，规模以上工业增加值增长11.5%。"),
    ("南昌2021-glossary-entry", "**1.“六多合一”:**多证合一、多规合一、多介合一、多评合一、多审合一、多测合一。",
     "1.“六多合一”：", None),
    ("上饶2024-bold-splits-a-word", "**一、2023年工作回**顾", "一、2023年工作回", "一、2023年工作回顾"),
    ("佛山2022-footnote-between-bolds", "**（二）坚持以“四大决心”促“四大改变”**[9]**，推动制造业高质量发展，加快构建现代产业体系**",
     "（二）坚持以“四大决心”促“四大改变”", "（二）坚持以“四大决心”促“四大改变”[9]，推动制造业高质量发展，加快构建现代产业体系"),
]

# lines that get no run-in hint: (id, Markdown line, expected hints on that line as (text, level))
NO_RUN_IN = [
    ("四川2007-bold-only-line", "**六、着力优化投资结构**", [("六、着力优化投资结构", 0)]),
    ("伊春2014-bold-inside-line", "本着量力而行、尽力而为的原则，**重点办好十件民生实事**，让发展成果普惠林区群众。", []),
    ("markdown-heading", "## 一、2023年工作回顾", [("一、2023年工作回顾", 2)]),
]


def _ingest(tmp_path, line):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "report.md").write_text(HEAD + line + "\n\n各位代表！让我们团结奋斗！\n", encoding="utf-8")
    (doc,) = ingest_group(scan_raw_folder(raw)).documents
    text = doc["clean_text"]
    start = text.index("请予审议。") + len("请予审议。") + 1
    end = text.index("\n", start)
    return doc, text, start, end


@pytest.mark.parametrize("line, bold, paragraph", [c[1:] for c in RUN_IN], ids=[c[0] for c in RUN_IN])
def test_run_in_hint_covers_exactly_the_bold_span(tmp_path, line, bold, paragraph):
    doc, text, start, end = _ingest(tmp_path, line)
    hints = [h for h in doc["heading_hints"] if start <= h["char_start"] < end]
    assert hints == [{"char_start": start, "char_end": start + len(bold), "level": 0, "run_in": True}]
    assert text[start:start + len(bold)] == bold
    if paragraph is not None:
        assert text[start:end] == paragraph  # the paragraph still holds the whole line
    assert "*" not in text


@pytest.mark.parametrize("line, expected", [c[1:] for c in NO_RUN_IN], ids=[c[0] for c in NO_RUN_IN])
def test_no_run_in_hint(tmp_path, line, expected):
    doc, text, start, end = _ingest(tmp_path, line)
    hints = [h for h in doc["heading_hints"] if start <= h["char_start"] < end]
    assert [(text[h["char_start"]:h["char_end"]], h["level"]) for h in hints] == expected
    assert not any(h.get("run_in") for h in hints)
