"""Reports written with ASCII punctuation (`,` `;` `:` `(` `)` throughout) segment exactly like the same
reports with Chinese punctuation, once the real ingest stage has normalised them."""
import re

import pytest

from pipelines.segment import segment_document
from segment_text_helpers import NATIONAL, SAMPLE, clean_from_text, load_clean

TO_ASCII = str.maketrans({"，": ",", "；": ";", "：": ":", "（": "(", "）": ")", "！": "!", "？": "?"})
ASCII_NEXT_TO_CJK = re.compile(r"[\u4e00-\u9fff][,;:!?()]|[,;:!?()][\u4e00-\u9fff]")


def _shape(text, hints):
    seg = segment_document("d", text, hints)
    return ([(s["level"], s["heading"], s["part"]) for s in seg.sections],
            [(s["text"], s["part"], s["is_target_statement"]) for s in seg.sentences])


@pytest.mark.parametrize("year", ["2024", "2008"])
def test_ascii_punctuated_national_report_segments_the_same(year):
    path = NATIONAL / f"{year}.md"
    if not path.exists():
        pytest.skip(f"../shared not present: {path}")
    original = path.read_text(encoding="utf-8")
    front = ""
    if original.startswith("---\n"):  # keep the YAML front matter as it is
        end = original.index("\n---\n", 4) + 5
        front, original_body = original[:end], original[end:]
    else:
        original_body = original
    ascii_version = front + original_body.translate(TO_ASCII)
    assert ASCII_NEXT_TO_CJK.search(ascii_version)
    text, hints = clean_from_text(original, f"{year}.md")
    ascii_text, ascii_hints = clean_from_text(ascii_version, f"{year}.md")
    assert ascii_text == text
    sections, sentences = _shape(ascii_text, ascii_hints)
    assert (sections, sentences) == _shape(text, hints)
    # the list of targets (；-separated after a ：) stays one flagged sentence
    flagged = [s for s, _, target in sentences if target]
    assert len(flagged) == 1 and "；" in flagged[0] and "：" in flagged[0]


def test_ascii_sample_becomes_chinese_punctuation():
    raw = SAMPLE.read_text(encoding="utf-8")
    assert "现在,我代表区人民政府,向大会报告工作" in raw          # the sample is written in ASCII
    text, hints = load_clean(SAMPLE)
    assert not ASCII_NEXT_TO_CJK.search(text)
    seg = segment_document("sample", text, hints)
    sentences = [s["text"] for s in seg.sentences]
    assert "现在，我代表区人民政府，向大会报告工作，请予审议，并请政协委员和其他列席人员提出意见。" in sentences
    assert "一年来，我们着力抓了七个方面的工作：" in sentences
