"""PDF and Word inputs end to end: the same report as .txt, .pdf (LibreOffice's PDF of the Word file:
wrapped lines, running header, page numbers) and .docx gives the same metrics and metadata; what
cannot be read (scanned, encrypted, legacy .doc) is rejected with what to do. Fixtures:
``fixtures/ingest/office/make_office_fixtures.py`` (from the committed sample ``raw/yuzhong-2024-web.txt``)."""
import shutil
from collections import Counter

import duckdb
import pytest

from conftest import materialize
from pipelines.ingest import ingest_folder
from pipelines.ingest.office import pdf_lines
from test_ingest_helpers import FIXTURES

OFFICE = FIXTURES / "office"
META = ("title", "region", "province", "admin_level", "region_code", "year", "report_date", "meeting",
        "speaker", "speaker_title")


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    root = tmp_path_factory.mktemp("office")
    raw = root / "raw"
    for name in ("txt", "pdf", "docx"):
        (raw / name).mkdir(parents=True)
        shutil.copy(OFFICE / f"report.{name}", raw / name / f"report.{name}")
    for name in ("report-scanned.pdf", "report-encrypted.pdf", "report-legacy.doc"):
        shutil.copy(OFFICE / name, raw / name)
    path = root / "wh" / "reports.duckdb"
    assert materialize(raw, path).success
    con = duckdb.connect(str(path), read_only=True)
    yield con
    con.close()


def _metrics(con, path: str) -> Counter:
    rows = con.execute("SELECT m.value, m.unit FROM metrics m JOIN documents d USING (doc_id) "
                       "WHERE d.source_path = ?", [path]).fetchall()
    return Counter((round(v, 6) if v is not None else None, u) for v, u in rows)


@pytest.mark.parametrize("path", ["pdf/report.pdf", "docx/report.docx"])
def test_same_metrics_and_metadata_as_the_text(warehouse, path):
    txt, other = _metrics(warehouse, "txt/report.txt"), _metrics(warehouse, path)
    assert sum(txt.values()) >= 45  # the sample's figures: 1600亿元, 5%左右, 70亿元/平方公里 …
    common = sum((txt & other).values())
    assert common / sum(txt.values()) >= 0.97 and common / sum(other.values()) >= 0.97, (txt - other, other - txt)
    cols = ", ".join(META)
    ref = warehouse.execute(f"SELECT {cols} FROM documents WHERE source_path = 'txt/report.txt'").fetchone()
    got = warehouse.execute(f"SELECT {cols} FROM documents WHERE source_path = ?", [path]).fetchone()
    assert got == ref
    assert ref[1:4] == ("重庆市渝中区", "重庆市", "district") and ref[8:] == ("谢东", "区长")


def test_no_page_furniture_and_paragraphs_rebuilt(warehouse):
    (text,) = warehouse.execute("SELECT clean_text FROM documents WHERE source_path = 'pdf/report.pdf'").fetchone()
    lines = text.split("\n")
    assert not any(l.strip("—-– ").isdigit() for l in lines)          # — 1 — … — 3 —
    assert "重庆市渝中区人民政府" not in lines                          # the running header
    assert "— 2 —" not in text and "—2—" not in text
    # wrapped lines joined without spaces, across the page break too
    assert "——2024年1月15日在重庆市渝中区第十九届人民代表大会第五次会议上" in lines
    assert any(l.startswith("勇挑大梁促进协同发展。") and "对接融入“33618”现代制造业集群体系" in l for l in lines)
    (ref,) = warehouse.execute("SELECT clean_text FROM documents WHERE source_path = 'txt/report.txt'").fetchone()
    assert lines == ref.split("\n")


def test_heading_hints_reach_the_segmenter(warehouse):
    for path in ("pdf/report.pdf", "docx/report.docx"):
        headings = [h for (h,) in warehouse.execute(
            "SELECT s.heading FROM sections s JOIN documents d USING (doc_id) WHERE d.source_path = ? "
            "ORDER BY s.char_start", [path]).fetchall()]
        assert "一、2023年工作回顾" in headings and "（一）着力服务全局见行见效" in headings, (path, headings)


def test_heading_hints_from_type():
    lines = pdf_lines((OFFICE / "report.pdf").read_bytes())
    hints = {text[:14]: level for text, level in lines if level is not None}
    assert hints["重庆市渝中区人民政府工作报告"] == 0          # bold 16 pt title
    assert hints["一、2023年工作回顾"] == 0                    # larger and bold
    assert hints["（一）着力服务全局见行见效"] == 0             # fake bold (filled and stroked glyphs)
    assert hints["——经济实力稳步提升。扛起大"].prefix == "——经济实力稳步提升。"  # bold run-in lead


def test_unreadable_office_files_say_what_to_do(warehouse):
    reasons = dict(warehouse.execute("SELECT source_path, reason FROM rejected_documents").fetchall())
    assert reasons["report-scanned.pdf"].startswith("PDF without a text layer (1 page")
    assert "OCR" in reasons["report-scanned.pdf"]
    assert reasons["report-encrypted.pdf"].startswith("encrypted PDF")
    assert "without protection" in reasons["report-encrypted.pdf"]
    assert reasons["report-legacy.doc"].startswith("legacy Word 97–2003 .doc: save it as .docx")


def test_a_pdf_under_a_text_name_is_read_as_pdf(tmp_path):
    shutil.copy(OFFICE / "report.pdf", tmp_path / "download.txt")
    (doc,) = ingest_folder(tmp_path).documents
    assert doc["source_format"] == "pdf" and doc["speaker"] == "谢东"
