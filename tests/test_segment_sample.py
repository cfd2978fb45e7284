"""The sample report raw/yuzhong-2024-web.txt: its heading tree, parts and exact offsets."""
import pytest

from pipelines.segment import segment_document
from segment_text_helpers import SAMPLE, markdown_to_clean_text


@pytest.fixture(scope="module")
def sample():
    if not SAMPLE.exists():
        pytest.skip("raw/yuzhong-2024-web.txt not present")
    text, hints = markdown_to_clean_text(SAMPLE.read_text(encoding="utf-8"))
    return text, segment_document("sample", text, hints)


def _by_heading(seg, heading):
    return next(s for s in seg.sections if s["heading"] == heading)


def test_review_section_is_level_one(sample):
    _, seg = sample
    review = _by_heading(seg, "一、2023年工作回顾")
    assert (review["level"], review["part"], review["parent_section_id"]) == (1, "review", None)


@pytest.mark.parametrize("heading, ordinal", [
    ("（一）着力服务全局见行见效", 1),
    ("（二）着力促进经济恢复提振", 2),
], ids=["first", "second"])
def test_subsections_nest_under_review(sample, heading, ordinal):
    _, seg = sample
    review = _by_heading(seg, "一、2023年工作回顾")
    sub = _by_heading(seg, heading)
    assert sub["parent_section_id"] == review["section_id"]
    assert (sub["level"], sub["ordinal"], sub["part"]) == (2, ordinal, "review")
    assert review["char_start"] < sub["char_start"] < sub["content_end"] <= review["content_end"]


def test_lead_in_is_its_own_sentence(sample):
    _, seg = sample
    texts = [s["text"] for s in seg.sentences]
    i = texts.index("——经济实力稳步提升。")
    assert texts[i + 1] == "扛起大区担当拼经济，圆满实现既定目标，地区生产总值突破1600亿元。"
    assert seg.sentences[i]["part"] == "review"


def test_quoted_terminator_free_sentence_kept_whole(sample):
    _, seg = sample
    assert "行政许可事项“最多跑一次”占比达99.8%。" in [s["text"] for s in seg.sentences]


def test_every_row_round_trips(sample):
    text, seg = sample
    for s in seg.sections:
        assert text[s["char_start"]:s["char_end"]] == s["heading"]
    for row in seg.paragraphs + seg.sentences:
        assert text[row["char_start"]:row["char_end"]] == row["text"]
    assert [s["ordinal"] for s in seg.sentences] == list(range(1, len(seg.sentences) + 1))
    paragraph_ids = {p["paragraph_id"] for p in seg.paragraphs}
    assert all(s["paragraph_id"] in paragraph_ids for s in seg.sentences)
