"""Fixtures for each encoding, HTML, CSV, JSONL, multi-page sets and each kind of bad input."""
import datetime as dt
import shutil

import pytest

from pipelines.ingest import group_files, ingest_folder, ingest_group, scan_raw_folder
from pipelines.ingest.furniture import default_ruleset, remove_furniture
from test_ingest_helpers import FIXTURES

FURNITURE = ["导航菜单", "当前位置", "发表时间", "来源：", "阅读量", "【字体", "本文仅代表作者观点", "本文地址",
             "上一篇", "下一篇", "留言与评论", "验证码", "扫一扫", "打印本页", "关闭窗口", "<U+00A0>", "\u200b",
             "分享到", "版权所有", "脚本里的文字", "注释里的文字", "首页"]
REPORT_LINES = [
    "——2025年1月10日在重庆市渝中区第十九届人民代表大会第六次会议上",
    "各位代表：",
    "（一）着力服务全局见行见效",
    "推进成渝地区双城经济圈建设，打造重点合作项目40个，社会消费品零售总额增长15%。",
    "市场主体总量突破12万户，退减缓税费17亿元——企业获得感持续增强。",
    "各位代表！新征程催人奋进，让我们团结一心、真抓实干，为谱写现代化新重庆渝中篇章而努力奋斗！",
]


def ingest_one(path):
    raw = path.parent
    (f,) = [f for f in scan_raw_folder(raw) if f.path == path]
    return ingest_group([f])


ENCODINGS = [
    ("report-utf8.txt", "utf-8"), ("report-utf8-bom.txt", "utf-8-sig"), ("report-gbk.txt", "gb18030"),
    ("report-gb18030.txt", "gb18030"), ("report-utf16.txt", "utf-16"), ("report-utf16le-nobom.txt", "utf-16-le"),
    ("report-crlf-nbsp.txt", "utf-8"),
]


@pytest.mark.parametrize("name, encoding", ENCODINGS, ids=[e[0] for e in ENCODINGS])
def test_encodings_decode_and_clean(name, encoding):
    outcome = ingest_one(FIXTURES / "encodings" / name)
    assert outcome.rejected == []
    (doc,) = outcome.documents
    assert doc["encoding"] == encoding
    lines = doc["clean_text"].split("\n")
    for line in REPORT_LINES:
        assert line in lines
    for phrase in FURNITURE:
        assert phrase not in doc["clean_text"], phrase
    assert (doc["region"], doc["region_code"], doc["year"], doc["speaker"], doc["speaker_title"]) == (
        "重庆市渝中区", "500103", 2025, "谢东", "区长")
    assert doc["report_date"] == dt.date(2025, 1, 10)
    assert doc["source_url"] == "/baogao/xn/20001.html"
    assert doc["is_complete"] is True


def test_big5_decodes():
    (doc,) = ingest_one(FIXTURES / "encodings" / "report-big5.txt").documents
    assert doc["encoding"] == "big5"
    assert "各位代表！讓我們團結一心、真抓實幹，為譜寫現代化新重慶渝中篇章而努力奮鬥！" in doc["clean_text"]
    assert doc["report_date"] == dt.date(2025, 1, 10)


def test_same_text_different_encodings_same_clean_text():
    texts = {ingest_one(FIXTURES / "encodings" / n).documents[0]["clean_text"] for n, _ in ENCODINGS}
    assert len(texts) == 1


@pytest.mark.parametrize("name, encoding", [("report.html", "utf-8"), ("report-gbk.htm", "gb18030")])
def test_html_article(name, encoding):
    (doc,) = ingest_one(FIXTURES / "html" / name).documents
    text = doc["clean_text"]
    assert doc["source_format"] == "html" and doc["encoding"] == encoding
    for line in REPORT_LINES:
        assert line in text.split("\n")
    for phrase in FURNITURE + ["博县网", "政府工作报告大全", "统计公报"]:
        assert phrase not in text, phrase
    assert text.split("\n")[0] == "重庆市渝中区人民政府工作报告（2025年）"
    hints = {text[h["char_start"]:h["char_end"]]: h["level"] for h in doc["heading_hints"]}
    assert hints == {"重庆市渝中区人民政府工作报告（2025年）": 1, "一、2024年工作回顾": 2,
                     "（一）着力服务全局见行见效": 3, "（二）着力促进经济恢复提振": 3,
                     "二、2025年主要目标和重点工作": 2}
    assert doc["speaker"] == "谢东" and doc["region_code"] == "500103"


def test_csv_rows():
    outcome = ingest_one(FIXTURES / "exports" / "reports-export.csv")
    docs = {d["source_path"]: d for d in outcome.documents}
    assert sorted(docs) == ["reports-export.csv#1", "reports-export.csv#2"]
    first = docs["reports-export.csv#1"]
    assert first["title"] == "2025年重庆市渝中区人民政府工作报告"
    assert first["source_url"] == "https://www.cqyz.gov.cn/zwgk/2025/0110/report.html"
    assert first["source_format"] == "csv" and first["encoding"] == "utf-8-sig"
    for phrase in FURNITURE + ["政务信息", "区县要闻"]:
        assert phrase not in first["clean_text"], phrase
    assert first["clean_text"].startswith("重庆市渝中区人民政府工作报告（2025年）\n")
    assert docs["reports-export.csv#2"]["report_date"] == dt.date(2025, 1, 11)
    assert [(r["source_path"], r["reason"][:22]) for r in outcome.rejected] == [
        ("reports-export.csv#3", "row has no report text")]


def test_jsonl_rows():
    outcome = ingest_one(FIXTURES / "exports" / "reports-export.jsonl")
    docs = {d["source_path"]: d for d in outcome.documents}
    assert sorted(docs) == ["reports-export.jsonl#1", "reports-export.jsonl#3"]
    assert docs["reports-export.jsonl#1"]["source_url"] == "https://example.gov.cn/a.html"
    assert docs["reports-export.jsonl#3"]["region"] == "四川省"
    assert docs["reports-export.jsonl#1"]["source_format"] == "jsonl"
    for phrase in FURNITURE:
        assert phrase not in docs["reports-export.jsonl#1"]["clean_text"], phrase
    (bad,) = outcome.rejected
    assert bad["source_path"] == "reports-export.jsonl#2" and "invalid JSON" in bad["reason"]


def test_markdown_front_matter_and_hints():
    (doc,) = ingest_one(FIXTURES / "markdown" / "政府工作报告-主要城市" / "重庆市" / "2025.md").documents
    text = doc["clean_text"]
    assert "title:" not in text and "---" not in text and "**" not in text and "##" not in text and "[^1]" not in text
    assert doc["title"] == "重庆市政府工作报告（2025年1月15日 胡衡华）"
    assert doc["source_url"] == "https://www.cq.gov.cn/zwgk/2025/report.html"
    assert (doc["speaker"], doc["speaker_title"], doc["report_date"]) == ("胡衡华", "市长", dt.date(2025, 1, 15))
    hints = [(text[h["char_start"]:h["char_end"]], h["level"]) for h in doc["heading_hints"]]
    assert hints == [("政府工作报告", 0), ("一、2024年工作回顾", 2), ("（一）坚持稳中求进", 3), ("二、2025年工作安排", 2)]
    assert "过去一年，全市经济稳中有进，地区生产总值增长6%左右。" in text.split("\n")
    assert "按可比价格计算。" in text.split("\n")


def test_multipage_complete_set(tmp_path):
    for n in ("30001.html", "30001_3.html", "30001_2.html"):
        shutil.copy(FIXTURES / "pages" / n, tmp_path / n)
    groups = group_files(scan_raw_folder(tmp_path))
    assert [[f.source_path for f in g] for g in groups] == [["30001.html", "30001_2.html", "30001_3.html"]]
    (doc,) = ingest_group(groups[0]).documents
    assert doc["pages"] == ["30001.html", "30001_2.html", "30001_3.html"]
    assert doc["is_complete"] is True and doc["completeness_note"] is None
    text = doc["clean_text"]
    order = [text.index(s) for s in ("一、2024年工作回顾", "（一）着力服务全局见行见效", "二、2025年主要目标和重点工作", "各位代表！")]
    assert order == sorted(order)
    assert text.count("重庆市渝中区人民政府工作报告（2025年1月10日）") == 1  # page header kept once
    assert "上一页" not in text and "本文地址" not in text


def test_multipage_missing_page_by_address(tmp_path):
    for n in ("yuzhong-p1.txt", "yuzhong-p3.txt"):
        shutil.copy(FIXTURES / "pages" / n, tmp_path / n)
    groups = group_files(scan_raw_folder(tmp_path))
    assert [[f.source_path for f in g] for g in groups] == [["yuzhong-p1.txt", "yuzhong-p3.txt"]]
    (doc,) = ingest_group(groups[0]).documents
    assert doc["pages"] == ["yuzhong-p1.txt", "yuzhong-p3.txt"]
    assert doc["is_complete"] is False and "missing page(s) 2" in doc["completeness_note"]
    assert doc["source_url"] == "/baogao/xn/40001.html"


BAD = [
    ("empty.txt", "empty file"),
    ("blank.txt", "whitespace-only"),
    ("scan.txt", "damaged PDF that cannot be opened"),  # a stub PDF: read as PDF now, and found broken
    ("photo.md", "binary file under a text name: PNG"),
    ("bundle.txt", "binary file under a text name: zip"),
    ("garbled.txt", "undecodable bytes"),
    ("redirect.html", "HTML with no article text"),
    ("table.xlsx.tsv", "unsupported file type .tsv"),
]


@pytest.mark.parametrize("name, reason", BAD, ids=[b[0] for b in BAD])
def test_bad_input_rejected_while_good_files_load(tmp_path, name, reason):
    shutil.copy(FIXTURES / "bad" / name, tmp_path / name)
    shutil.copy(FIXTURES / "encodings" / "report-utf8.txt", tmp_path / "good.txt")
    outcome = ingest_folder(tmp_path)
    assert [d["source_path"] for d in outcome.documents] == ["good.txt"]
    (rejected,) = outcome.rejected
    assert rejected["source_path"] == name
    assert rejected["reason"].startswith(reason), rejected["reason"]
    assert len(rejected["sha256"]) == 64


def test_too_large_rejected_without_reading(tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as f:
        f.truncate(21 * 1024 * 1024)
    shutil.copy(FIXTURES / "encodings" / "report-utf8.txt", tmp_path / "good.txt")
    outcome = ingest_folder(tmp_path)
    assert [d["source_path"] for d in outcome.documents] == ["good.txt"]
    (rejected,) = outcome.rejected
    assert rejected["source_path"] == "huge.txt" and rejected["reason"].startswith("file too large")


def test_same_bytes_under_two_names_give_one_doc_id(tmp_path):
    for name in ("a/report.txt", "b/copy-of-report.txt"):
        (tmp_path / name).parent.mkdir()
        shutil.copy(FIXTURES / "encodings" / "report-utf8.txt", tmp_path / name)
    outcome = ingest_folder(tmp_path)
    assert outcome.rejected == []
    assert [d["source_path"] for d in outcome.documents] == ["a/report.txt", "b/copy-of-report.txt"]
    assert len({d["doc_id"] for d in outcome.documents}) == 1  # the loader keeps one, with both paths


def test_scan_skips_hidden_and_sorts(tmp_path):
    (tmp_path / ".gitkeep").write_text("")
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "x.txt").write_text("各位代表")
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("z")
    (tmp_path / "a.txt").write_text("a")
    files = scan_raw_folder(tmp_path)
    assert [f.source_path for f in files] == ["a.txt", "b/z.txt"]
    assert files[0].size == 1 and len(files[0].sha256) == 64


@pytest.mark.parametrize("rule", default_ruleset().rules, ids=lambda r: r.name)
def test_every_rule_example_is_removed(rule):
    """Each row of furniture_rules.csv removes the example it documents."""
    if rule.where == "text":
        from pipelines.ingest.furniture import apply_text_rules

        example = "<!-- x -->" if rule.name == "html_comment" else ("<U+00A0>" if rule.name == "escaped_codepoint" else "\u200b")
        assert apply_text_rules(f"各位代表{example}好") in ("各位代表\n好", "各位代表\u00a0好", "各位代表好")
        return
    example = rule.example.split(" / ")[0].replace("…", "")
    if rule.where == "head":
        items = [(example, None), ("各位代表：", None), ("现在，我代表市人民政府向大会报告工作。" * 30, None)]
    else:
        items = [("各位代表：", None), ("现在，我代表市人民政府向大会报告工作。" * 30, None), (example, None)]
    result = remove_furniture(items)
    assert example.strip() not in [text for text, _ in result.lines]
    assert ("现在，我代表市人民政府向大会报告工作。" * 30) in [text for text, _ in result.lines]
