"""``extract_document_metrics`` over the sample report: offsets into clean_text, ids, and the use of the
segmenter's ``part`` / ``is_target_statement`` (with cue words when part is unknown)."""
from __future__ import annotations

import re

import pytest

from pipelines.contracts import METRIC_COLUMNS
from pipelines.extract import extract_document_metrics, extract_mentions
from test_extract_gold import ROOT, minimal_clean

SAMPLE = ROOT / "raw" / "yuzhong-2024-web.txt"
SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?")


@pytest.fixture(scope="module")
def sample_metrics():
    clean = minimal_clean(SAMPLE.read_text(encoding="utf-8"))
    sentences = [{"sentence_id": f"d-t{n}", "text": m.group(), "char_start": m.start(), "char_end": m.end(),
                  "part": "review", "is_target_statement": False}
                 for n, m in enumerate(SENTENCE.finditer(clean), 1)]
    doc = {"doc_id": "d", "year": 2024}
    return clean, extract_document_metrics(doc, sentences)


def test_offsets_point_at_the_value_text(sample_metrics):
    clean, metrics = sample_metrics
    assert len(metrics) >= 49
    for m in metrics:
        assert clean[m["char_start"]:m["char_end"]] == m["value_text"]


def test_ids_and_columns(sample_metrics):
    _, metrics = sample_metrics
    assert [m["metric_id"] for m in metrics] == [f"d-m{n}" for n in range(1, len(metrics) + 1)]
    for m in metrics:
        assert set(METRIC_COLUMNS) <= set(m) and m["doc_id"] == "d" and m["sentence_id"].startswith("d-t")


@pytest.mark.parametrize("value_text,value,unit,qualifier,statement,period", [
    ("1600亿元", 1.6e11, "元", ">", "actual", None),
    ("5%左右", 5.0, "%", "~", "estimate", "全年"),
    ("8000万人次", 8e7, "人次", ">", "actual", "全年"),
    ("4000余万元", 4e7, "元", ">", "actual", None),
], ids=["gdp-1600亿元", "gdp-growth-estimate", "visitors", "4000余万元"])
def test_sample_values(sample_metrics, value_text, value, unit, qualifier, statement, period):
    _, metrics = sample_metrics
    (m,) = [m for m in metrics if m["value_text"] == value_text]
    assert (m["value"], m["unit"], m["qualifier"], m["statement"], m["period"], m["reference_year"]) == \
        (value, unit, qualifier, statement, period, 2023)


@pytest.mark.parametrize("sentence,part,target,statement,year", [
    ("今年全市地区生产总值增长6%左右", None, False, "target", 2024),
    ("今年全市地区生产总值增长6%左右", "other", False, "target", 2024),
    ("全市地区生产总值增长6%左右", "plan", False, "target", 2024),
    ("全市地区生产总值增长6%左右", None, True, "target", 2024),
    ("去年全市地区生产总值增长6.1%", None, False, "actual", 2023),
    ("预计全年地区生产总值增长6.1%", "review", False, "estimate", 2023),
    ("全市地区生产总值增长6.1%", "review", False, "actual", 2023),
    ("到2025年，地区生产总值达到2000亿元", None, False, "target", 2025),
    ("2022年全市地区生产总值增长6.1%", "review", False, "actual", 2022),
], ids=["cue-今年", "part-other-cue", "plan-part", "target-statement", "cue-去年", "预计", "review", "horizon-到2025年",
        "explicit-year"])
def test_statement_and_reference_year(sentence, part, target, statement, year):
    (m,) = extract_mentions(sentence, report_year=2024, part=part, is_target_statement=target)
    assert (m["statement"], m["reference_year"]) == (statement, year)


def test_no_report_year_gives_no_guessed_year():
    (m,) = extract_mentions("全市地区生产总值增长6.1%", part="review")
    assert m["reference_year"] is None
