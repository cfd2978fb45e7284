"""Traditional-Chinese reports: metadata is read through a simplified working copy (OpenCC t2s), so
region/province/code/meeting/speaker come out; clean_text, title and speaker stay as written."""
import datetime as dt
import shutil

import pytest

from pipelines.ingest import ingest_group, scan_raw_folder
from pipelines.ingest import script
from test_ingest_helpers import FIXTURES, SAMPLE

ENC = FIXTURES / "encodings"

# (id, fixture, how it is written to raw/, expected metadata)
CASES = [
    ("big5", ENC / "report-big5.txt", None, {
        "encoding": "big5", "title": "重慶市渝中區人民政府工作報告（2025年）", "region": "重庆市渝中区",
        "province": "重庆市", "admin_level": "district", "region_code": "500103", "year": 2025,
        "report_date": dt.date(2025, 1, 10), "meeting": "第十九届人民代表大会第六次会议",
        "speaker": None, "speaker_title": None}),
    ("big5-byline", ENC / "report-big5-byline.txt", None, {
        "encoding": "big5", "title": "重慶市渝中區人民政府工作報告（2024年）", "region": "重庆市渝中区",
        "province": "重庆市", "admin_level": "district", "region_code": "500103", "year": 2024,
        "report_date": dt.date(2024, 1, 15), "meeting": "第十九届人民代表大会第五次会议",
        "speaker": "謝東", "speaker_title": "区长"}),
    ("traditional-in-utf8", ENC / "report-big5-byline.txt", "utf-8", {
        "encoding": "utf-8", "region": "重庆市渝中区", "region_code": "500103", "speaker": "謝東",
        "speaker_title": "区长", "meeting": "第十九届人民代表大会第五次会议"}),
]


@pytest.mark.parametrize("fixture, recode, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_traditional_metadata(tmp_path, fixture, recode, expected):
    raw = tmp_path / "raw"
    raw.mkdir()
    data = fixture.read_bytes()
    if recode:
        data = data.decode("big5").encode(recode)
    (raw / "report.txt").write_bytes(data)
    (doc,) = ingest_group(scan_raw_folder(raw)).documents
    assert {k: doc[k] for k in expected} == expected
    # clean_text stays as written
    assert doc["clean_text"].startswith("重慶市渝中區人民政府工作報告")
    assert "渝中区" not in doc["clean_text"]


@pytest.mark.parametrize("text, traditional", [
    ("重慶市渝中區人民政府區長 謝 東。現在，我代表區人民政府，向大會報告工作，請予審議。", True),
    ("重庆市渝中区人民政府区长 谢 东。现在，我代表区人民政府，向大会报告工作，请予审议。", False),
    ("", False),
], ids=["traditional", "simplified", "empty"])
def test_is_traditional(text, traditional):
    assert script.is_traditional(text) is traditional


def test_simplified_sample_is_not_converted():
    assert script.is_traditional(SAMPLE.read_text(encoding="utf-8")) is False
