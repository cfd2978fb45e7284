"""Multi-page reports saved under unrelated names, with no address line: grouped by their title and
``第N页`` / pager (issue 3: "when their addresses or titles show they belong together")."""
import shutil

import pytest

from pipelines.ingest import group_files, ingest_group, scan_raw_folder
from pipelines.ingest.pages import title_page
from test_ingest_helpers import FIXTURES

BY_TITLE = FIXTURES / "pages-by-title"


@pytest.fixture
def raw(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(BY_TITLE, raw)
    return raw


def test_groups(raw):
    groups = [[f.source_path for f in g] for g in group_files(scan_raw_folder(raw))]
    assert groups == [
        ["copy-of-report.txt"],                                        # same title, no pager: a copy
        ["saved page.txt", "download (1).txt", "report-end.txt"],     # pages 1, 2, 3 in page order
        ["zz-other.txt"],                                              # another title
    ]


def test_joined_document(raw):
    group = next(g for g in group_files(scan_raw_folder(raw)) if len(g) == 3)
    outcome = ingest_group(group)
    (doc,) = outcome.documents
    assert doc["pages"] == ["saved page.txt", "download (1).txt", "report-end.txt"]
    assert doc["is_complete"] is True and doc["completeness_note"] is None
    text = doc["clean_text"]
    order = [text.index(s) for s in ("一、2024年工作回顾", "（一）着力服务全局见行见效", "二、2025年主要目标和重点工作", "各位代表！")]
    assert order == sorted(order)
    assert text.count("重庆市渝中区人民政府工作报告（2025年1月10日）") == 1  # page header (with 第2页) kept once
    assert "第2页" not in text and "第3页" not in text and "上一页" not in text
    assert (doc["region"], doc["year"]) == ("重庆市渝中区", 2025)
    assert {"source_path": "download (1).txt", "rule": "repeated_page_header",
            "line": "（重庆市）重庆市渝中区人民政府工作报告（2025年1月10日）（第2页）"} in outcome.furniture_removed


def test_page_two_alone_is_incomplete(raw):
    group = next(g for g in group_files(scan_raw_folder(raw)) if g[0].source_path == "zz-other.txt")
    (doc,) = ingest_group(group).documents
    assert doc["is_complete"] is False and doc["completeness_note"].startswith("missing page(s) 1")


TITLES = [  # (id, head of a saved page, title key, page, paged)
    ("html-title-site-suffix", "<html><head><title>2024年政府工作报告 - 第2页 - 博县网</title>", "2024年政府工作报告", 2, True),
    ("html-title-underscore", "<title>2024年政府工作报告_第3页</title>", "2024年政府工作报告", 3, True),
    ("text-title-bracket", "导航菜单\n(重庆市)重庆市渝中区人民政府工作报告(2025年1月10日)(第2页)\n", "(重庆市)重庆市渝中区人民政府工作报告(2025年1月10日)", 2, True),
    ("text-page-line", "重庆市渝中区人民政府工作报告(2025年)\n第3页 共3页\n正文。", "重庆市渝中区人民政府工作报告(2025年)", 3, True),
    ("first-page-pager-only", "重庆市渝中区人民政府工作报告(2025年)\n正文。\n上一页 1 2 3 下一页", "重庆市渝中区人民政府工作报告(2025年)", None, True),
    ("no-pager", "重庆市渝中区人民政府工作报告(2025年)\n正文。", "重庆市渝中区人民政府工作报告(2025年)", None, False),
    ("pager-total-is-not-a-page", "重庆市渝中区人民政府工作报告(2025年)\n共3页\n正文。", "重庆市渝中区人民政府工作报告(2025年)", None, True),
]


@pytest.mark.parametrize("head, title, page, paged", [c[1:] for c in TITLES], ids=[c[0] for c in TITLES])
def test_title_page(head, title, page, paged):
    tp = title_page(head)
    assert (tp.title, tp.page, tp.paged) == (title, page, paged)


def test_no_title_no_key():
    assert title_page("正文。没有标题的一页。") is None
