"""Damaged input gets its true reason or is repaired with a count, never lost whole or loaded corrupted:
NUL bytes, stray UTF-8 in a GBK file, broken bytes, a malformed CSV row, 50,000 nested <div>s,
``相关报道：`` tails and literal ``<U+00A0>`` escapes (fixtures: ``fixtures/ingest/make_repair_fixtures.py``)."""
import shutil

import duckdb

from conftest import materialize
from pipelines.ingest import ingest_folder
from test_ingest_fixtures import ingest_one
from test_ingest_helpers import FIXTURES

def test_utf8_with_nul_bytes_loads_with_the_count(tmp_path):
    damaged = (FIXTURES / "repair" / "report-utf8-nul.txt").read_bytes()
    (tmp_path / "clean.txt").write_bytes(damaged.replace(b"\x00", b""))
    (clean,) = ingest_one(tmp_path / "clean.txt").documents
    (doc,) = ingest_one(FIXTURES / "repair" / "report-utf8-nul.txt").documents
    assert doc["encoding"] == "utf-8"
    assert (doc["replaced_bytes"], doc["decode_note"]) == (3, "dropped 3 NUL bytes")
    assert (clean["replaced_bytes"], clean["decode_note"]) == (0, None)
    assert doc["clean_text"] == clean["clean_text"] and doc["speaker"] == "谢东"


def test_gbk_with_two_stray_utf8_sequences_loads_whole():
    (doc,) = ingest_one(FIXTURES / "repair" / "report-gbk-stray-utf8.txt").documents
    assert doc["encoding"] == "gb18030"
    assert doc["replaced_bytes"] == 6
    assert doc["decode_note"] == "gb18030 with 6 bytes of stray UTF-8 sequences read as UTF-8"
    text = doc["clean_text"]
    assert "“推进成渝地区双城经济圈建设，打造重点合作项目40个，社会消费品零售总额增长15%。" in text
    assert "”市场主体总量突破12万户，退减缓税费17亿元——企业获得感持续增强。" in text
    assert doc["speaker"] == "谢东" and doc["is_complete"] is True


def test_gbk_with_broken_bytes_keeps_the_report_and_counts_them():
    (doc,) = ingest_one(FIXTURES / "repair" / "report-gbk-broken-bytes.txt").documents
    assert (doc["encoding"], doc["replaced_bytes"]) == ("gb18030", 2)
    assert doc["decode_note"] == "gb18030 with 2 undecodable bytes replaced with U+FFFD"
    assert "\ufffd推进成渝地区双城经济圈建设" in doc["clean_text"]


def test_garbage_is_still_rejected(tmp_path):
    shutil.copy(FIXTURES / "bad" / "garbled.txt", tmp_path / "garbled.txt")
    (rejected,) = ingest_folder(tmp_path).rejected
    assert rejected["reason"].startswith("undecodable bytes")


def test_malformed_csv_row_is_quarantined_and_the_next_row_loads():
    outcome = ingest_one(FIXTURES / "exports" / "malformed-quote.csv")
    docs = {d["source_path"]: d for d in outcome.documents}
    assert sorted(docs) == ["malformed-quote.csv#1", "malformed-quote.csv#3"]
    (bad,) = outcome.rejected
    assert bad["source_path"] == "malformed-quote.csv#2"
    assert bad["reason"].startswith("malformed CSV row 2 (lines 17–19)"), bad["reason"]
    assert "not doubled" in bad["reason"]
    # neither neighbour swallowed the broken row
    assert all("群众说" not in d["clean_text"] for d in docs.values())
    assert docs["malformed-quote.csv#3"]["report_date"].isoformat() == "2024-01-15"
    assert docs["malformed-quote.csv#1"]["clean_text"].endswith("为谱写现代化新重庆渝中篇章而努力奋斗！")


def test_related_reports_tail_and_nbsp_escape_before_the_speaker():
    docs = {d["source_path"]: d for d in ingest_one(FIXTURES / "exports" / "related-and-nbsp.csv").documents}
    yuzhong = docs["related-and-nbsp.csv#1"]["clean_text"]
    assert "相关报道" not in yuzhong and "经济运行情况发布" not in yuzhong
    assert yuzhong.endswith("为谱写现代化新重庆渝中篇章而努力奋斗！")
    national = docs["related-and-nbsp.csv#2"]
    assert "<U+00A0>" not in national["clean_text"]
    assert (national["speaker"], national["speaker_title"], national["region"]) == ("温家宝", "总理", "中国")
    assert national["meeting"] == "第十届全国人民代表大会第四次会议"


def test_fifty_thousand_nested_divs_give_the_article(tmp_path):
    lines = (FIXTURES / "encodings" / "report-utf8.txt").read_text(encoding="utf-8").splitlines()
    body = "".join(f"<p>{line}</p>" for line in lines)
    page = "<html><body>" + "<div>" * 50_000 + body + "</div>" * 50_000 + "</body></html>"
    (tmp_path / "deep.html").write_text(page, encoding="utf-8")
    outcome = ingest_folder(tmp_path)
    assert outcome.rejected == []
    (doc,) = outcome.documents
    assert (doc["speaker"], doc["region"]) == ("谢东", "重庆市渝中区")
    assert "现在，我代表区人民政府，向大会报告工作，请予审议。" in doc["clean_text"].split("\n")


def test_export_rows_are_their_own_sources_in_the_warehouse(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(FIXTURES / "exports" / "malformed-quote.csv", raw / "export.csv")
    shutil.copy(FIXTURES / "repair" / "report-gbk-stray-utf8.txt", raw / "gbk.txt")
    warehouse = tmp_path / "wh" / "reports.duckdb"
    assert materialize(raw, warehouse).success
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.sql("SELECT source_path FROM documents ORDER BY 1").fetchall() == [
            ("export.csv#1",), ("export.csv#3",), ("gbk.txt",)]
        assert con.sql("SELECT source_path FROM document_sources ORDER BY 1").fetchall() == [
            ("export.csv#1",), ("export.csv#3",), ("gbk.txt",)]
        assert con.sql("SELECT source_path, left(reason, 20) FROM rejected_documents").fetchall() == [
            ("export.csv#2", "malformed CSV row 2 ")]
        assert con.execute("SELECT replaced_bytes, decode_note FROM documents WHERE source_path = 'gbk.txt'").fetchone() == (
            6, "gb18030 with 6 bytes of stray UTF-8 sequences read as UTF-8")
    # the export changes: its old rows (documents, sources, rejections) go, the new ones come
    (raw / "export.csv").write_text((FIXTURES / "exports" / "reports-export.csv").read_text(encoding="utf-8-sig"),
                                    encoding="utf-8")
    assert materialize(raw, warehouse).success
    with duckdb.connect(str(warehouse), read_only=True) as con:
        assert con.sql("SELECT source_path FROM document_sources ORDER BY 1").fetchall() == [
            ("export.csv#1",), ("export.csv#2",), ("gbk.txt",)]
        assert con.sql("SELECT source_path FROM rejected_documents").fetchall() == [("export.csv#3",)]
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (3,)
