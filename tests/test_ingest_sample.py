"""The sample report and the web/ scrapes: metadata exactly as the issue lists, furniture gone,
the report's own text kept."""
import datetime as dt
import shutil

import pytest

from pipelines.ingest import group_files, ingest_folder, ingest_group, scan_raw_folder
from test_ingest_helpers import SAMPLE, corpus_dir

FURNITURE_PHRASES = [
    "导航菜单", "当前位置", "首页>", "【字体", "字体：", "【字号", "下载 打印 全屏 收藏", "打印本页", "关闭窗口",
    "扫一扫在手机打开当前页", "发表时间", "来源：", "阅读量", "责任编辑", "编辑：", "本文仅代表作者观点", "本文地址",
    "留言与评论", "条评论", "验证码", "上一页", "下一页", "上一篇", "下一篇", "<U+00A0>", "\u00a0", "\u200b",
    "\ufeff", "E-mail推荐", "新华社北京2006年3月15日电", "记者 王鼎 摄", "相关链接", "相关附件", "<!--",
    "turnpage", "分享：",
]


@pytest.fixture(scope="module")
def sample_doc(tmp_path_factory):
    raw = tmp_path_factory.mktemp("raw")
    shutil.copy(SAMPLE, raw / SAMPLE.name)
    outcome = ingest_folder(raw)
    assert outcome.rejected == []
    (doc,) = outcome.documents
    return doc


@pytest.mark.parametrize(
    "field, expected",
    [
        ("region", "重庆市渝中区"), ("province", "重庆市"), ("admin_level", "district"), ("year", 2024),
        ("report_date", dt.date(2024, 1, 15)), ("meeting", "第十九届人民代表大会第五次会议"),
        ("speaker", "谢东"), ("speaker_title", "区长"), ("source_url", "/baogao/xn/10234.html"),
        ("is_complete", False), ("region_code", "500103"), ("encoding", "utf-8"), ("source_format", "text"),
        ("title", "重庆市渝中区人民政府工作报告（2024年）"), ("source_path", "yuzhong-2024-web.txt"),
        ("pages", ["yuzhong-2024-web.txt"]),
    ],
)
def test_sample_metadata(sample_doc, field, expected):
    assert sample_doc[field] == expected


def test_sample_incomplete_note_says_why(sample_doc):
    note = sample_doc["completeness_note"]
    assert "七个方面" in note and "（二）" in note
    assert "plan or targets" in note


def test_sample_doc_id_is_content_id(sample_doc):
    from pipelines.contracts import content_id

    assert sample_doc["doc_id"] == content_id(SAMPLE.read_bytes())
    assert sample_doc["char_count"] == len(sample_doc["clean_text"])


def test_sample_text_kept_and_clean(sample_doc):
    text = sample_doc["clean_text"]
    lines = text.split("\n")
    assert "（一）着力服务全局见行见效" in lines
    assert "（二）着力促进经济恢复提振" in lines
    assert "一、2023年工作回顾" in lines
    assert lines[-1].endswith("时代天街等一批商业商务载体启动升级改造。产业投资增长8%。")
    assert "地区生产总值突破1600亿元" in text
    assert "各位代表：" in lines
    for phrase in FURNITURE_PHRASES:
        assert phrase not in text, phrase
    assert "\n\n" not in text and all(l == l.strip() for l in lines)


@pytest.fixture(scope="module")
def web_docs():
    web = corpus_dir() / "web"
    docs = {}
    for group in group_files(scan_raw_folder(web)):
        outcome = ingest_group(group)
        assert outcome.rejected == []
        docs.update({d["source_path"]: d for d in outcome.documents})
    return docs


WEB_EXPECTED = [
    ("national-2006-scraped.txt", {"region": "中国", "admin_level": "national", "year": 2006,
                                   "report_date": dt.date(2006, 3, 5), "meeting": "第十届全国人民代表大会第四次会议",
                                   "speaker": "温家宝", "speaker_title": "总理", "is_complete": False,
                                   "title": "2006年国务院政府工作报告"}),
    ("ningxia-2026-export.csv#1", {"region": "宁夏回族自治区", "province": "宁夏回族自治区", "admin_level": "province",
                                   "region_code": "640000", "year": 2026, "report_date": dt.date(2026, 2, 3),
                                   "meeting": "第十三届人民代表大会第四次会议", "speaker": "张雨浦",
                                   "speaker_title": "主席", "is_complete": True, "source_format": "csv",
                                   "encoding": "utf-8-sig",
                                   "source_url": "https://www.nx.gov.cn/zwxx_11337/nxyw/202602/t20260209_5163871.html"}),
    ("sichuan-2026-export.csv#1", {"region": "四川省", "region_code": "510000", "year": 2026,
                                   "report_date": dt.date(2026, 2, 3), "meeting": "第十四届人民代表大会第五次会议",
                                   "speaker": "施小琳", "speaker_title": "省长", "is_complete": True,
                                   "title": "2026年四川省人民政府工作报告"}),
]


@pytest.mark.parametrize("path, expected", WEB_EXPECTED, ids=[p for p, _ in WEB_EXPECTED])
def test_web_metadata(web_docs, path, expected):
    doc = web_docs[path]
    assert {k: doc[k] for k in expected} == expected


@pytest.mark.parametrize("path", ["national-2006-scraped.txt", "ningxia-2026-export.csv#1",
                                  "sichuan-2026-export.csv#1", "yuzhong-2024-web.txt"])
def test_web_furniture_gone(web_docs, path):
    text = web_docs[path]["clean_text"]
    for phrase in FURNITURE_PHRASES:
        assert phrase not in text, phrase


def test_national_2006_body_kept_once(web_docs):
    text = web_docs["national-2006-scraped.txt"]["clean_text"]
    assert text.count("一、去年工作回顾") == 1
    assert text.count("（六）切实加强民主法制建设") == 1
    assert text.count("各位代表：") == 1
    assert text.endswith("绝不辜负人民的厚望和国家的重托。")
    assert "pager lists 4 pages" in web_docs["national-2006-scraped.txt"]["completeness_note"]


@pytest.mark.parametrize(
    "path, closing",
    [
        ("ningxia-2026-export.csv#1", "各位代表！“十五五”蓝图引领未来，现代化目标催人奋进。"),
        ("sichuan-2026-export.csv#1", "各位代表！骐骥迎春至，万象启新程。"),
    ],
)
def test_closing_and_notes_kept(web_docs, path, closing):
    text = web_docs[path]["clean_text"]
    assert closing in text
    if path.startswith("sichuan"):
        assert "名词解释" in text and text.endswith("推进系统治理、源头治理、综合治理。")
        assert "解读省政府工作报告" not in text  # related-links tail cut
        assert text.count("现在，我代表省人民政府") == 1  # the teaser repeated after the links is gone
        assert "——2026年2月3日在四川省" in text or "2026年2月3日在四川省第十四届人民代表大会第五次会议上" in text
    else:
        assert text.endswith("共圆伟大中国梦而团结奋斗！")
