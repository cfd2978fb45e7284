"""The hand-checked tables under ``tests/fixtures/handchecked`` agree with the report texts they quote.

These tables were read off the texts by hand, independently of the pipeline, so that tests of the warehouse can
be written against them. This module checks the tables themselves (not the warehouse): every quoted sentence is
in its source file, every ``value_text`` is in its sentence, and ``value``/``unit``/``qualifier`` follow from
``value_text`` by the annotation guideline (``../shared/gold/GUIDELINE.md``). It deliberately does not import
``pipelines``: a table that reused the extractor's parsing could not catch the extractor's mistakes.
"""
from __future__ import annotations

import csv
import functools
import random
import re
from collections import Counter
from pathlib import Path

import pytest

from tests.shared import shared_path

HANDCHECKED = Path(__file__).with_name("fixtures") / "handchecked"
TARGETS_CSV = HANDCHECKED / "province_targets.csv"
GDP_CSV = HANDCHECKED / "gdp_series.csv"

# --- value_text → (value, value_high, unit, post-qualifier), the guideline's normalization -------------------

_DIGITS = str.maketrans("０１２３４５６７８９．", "0123456789.")
_CHINESE_DIGITS = {"一": "1", "两": "2", "二": "2", "三": "3", "四": "4", "五": "5", "六": "6", "七": "7",
                   "八": "8", "九": "9"}
_MAGNITUDE = {"": 1, "千": 1e3, "万": 1e4, "亿": 1e8, "千亿": 1e11, "万亿": 1e12}
_UNIT = {"元": "元", "美元": "美元", "%": "%", "‰": "‰", "人": "人", "人次": "人次", "个百分点": "百分点",
         "百分点": "百分点"}
_POST_QUALIFIER = {"左右": "~", "以上": ">=", "以内": "<=", "以下": "<=", "": None}
_NUMBER = r"\d+(?:\.\d+)?"
_VALUE_TEXT = re.compile(
    rf"^(?P<low>{_NUMBER})?(?:%?[-—～~至](?P<high>{_NUMBER}))?(?P<mag>万亿|千亿|亿|万|千)?"
    rf"(?P<unit>个百分点|百分点|人次|美元|元|人|%|‰)(?P<post>左右|以上|以内|以下)?$")


def parse_value_text(value_text: str) -> tuple[float, float | None, str, str | None]:
    """``'1.2万亿元'`` → (1.2e12, None, '元', None); ``'5%-5.5%'`` → (5, 5.5, '%', None); ``'6%左右'`` → (6, …, '~').

    Also the written forms of the reports: full-width digits and ``％``, a stray space (``10. 5％``), a single
    Chinese digit before a magnitude (``两万亿元``) and a bare magnitude after a threshold verb (``突破万亿元``).
    """
    text = "".join(value_text.split()).translate(_DIGITS).replace("％", "%").replace(",", "")
    if text[:1] in _CHINESE_DIGITS:
        text = _CHINESE_DIGITS[text[0]] + text[1:]
    match = _VALUE_TEXT.match(text)
    if match is None or (match["low"] is None and not match["mag"]):
        raise ValueError(f"value_text not of a form this check reads: {value_text!r}")
    scale = _MAGNITUDE[match["mag"] or ""]
    high = float(match["high"]) * scale if match["high"] else None
    return float(match["low"] or 1) * scale, high, _UNIT[match["unit"]], _POST_QUALIFIER[match["post"] or ""]


def test_parse_value_text_reads_the_guideline_forms():
    assert parse_value_text("870亿元") == (87_000_000_000, None, "元", None)
    assert parse_value_text("1万亿元") == (1e12, None, "元", None)
    assert parse_value_text("5%-5.5%") == (5, 5.5, "%", None)
    assert parse_value_text("5.54‰以内") == (5.54, None, "‰", "<=")
    assert parse_value_text("9.5％") == (9.5, None, "%", None)
    assert parse_value_text("2个百分点") == (2, None, "百分点", None)
    assert parse_value_text("110万人") == (1_100_000, None, "人", None)
    assert parse_value_text("10. 5％") == (10.5, None, "%", None)
    assert parse_value_text("两万亿元") == (2e12, None, "元", None)
    assert parse_value_text("万亿元") == (1e12, None, "元", None)
    assert parse_value_text("1万亿美元") == (1e12, None, "美元", None)
    assert parse_value_text("1.16万亿元以上") == (1.16e12, None, "元", ">=")
    assert parse_value_text("8%—8.5%") == (8, 8.5, "%", None)
    with pytest.raises(ValueError):
        parse_value_text("百分之五")


# --- shared helpers ------------------------------------------------------------------------------------------

def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@functools.lru_cache(maxsize=None)
def _corpus_text(source_path: str) -> str:
    return shared_path("corpus", source_path).read_text(encoding="utf-8")


def _assert_quotes_and_values(rows: list[dict[str, str]]) -> None:
    problems = []
    for number, row in enumerate(rows, start=2):  # line 1 is the header
        where = f"line {number} ({row['source_path']}, {row['value_text']})"
        if row["sentence"] not in _corpus_text(row["source_path"]):
            problems.append(f"{where}: sentence not in its source file")
        if row["value_text"] not in row["sentence"]:
            problems.append(f"{where}: value_text not in its sentence")
        value, high, unit, post = parse_value_text(row["value_text"])
        if abs(float(row["value"]) - value) > 1e-6 * max(1.0, abs(value)):
            problems.append(f"{where}: value {row['value']} but value_text reads {value}")
        if (float(row["value_high"]) if row["value_high"] else None) != high:
            problems.append(f"{where}: value_high {row['value_high']!r} but value_text reads {high}")
        if row["unit"] != unit:
            problems.append(f"{where}: unit {row['unit']} but value_text reads {unit}")
        if high is not None and row["qualifier"] != "range":
            problems.append(f"{where}: a range must have qualifier range")
        if post is not None and row["qualifier"] != post:
            problems.append(f"{where}: qualifier {row['qualifier']} but value_text ends in {post}")
    assert not problems, "\n".join(problems)


# --- Table 2: the main targets of 10 province reports ------------------------------------------------------

# The draw that chose the ten reports (README.md): seed, strata in order and their quotas.
SEED = 11
STRATA = [(1949, 1999, 1), (2000, 2009, 2), (2010, 2020, 4), (2021, 2100, 3)]
# Drawn reports passed over for having no paragraph of the year's main targets (the README says why).
NO_TARGETS_PARAGRAPH = {"lawtext-gov/政府工作报告-省自治区/浙江省/1979.md"}


def _province(path: str) -> str:
    return path.split("/")[2]


def _draw(manifest: Path) -> list[str]:
    with manifest.open(encoding="utf-8", newline="") as handle:
        provincial = [r for r in csv.DictReader(handle, delimiter="\t") if "/政府工作报告-省自治区/" in r["path"]]
    rng = random.Random(SEED)
    chosen: list[str] = []
    for first, last, quota in STRATA:
        stratum = sorted(r["path"] for r in provincial if first <= int(r["year"]) <= last)
        rng.shuffle(stratum)
        taken = 0
        for path in stratum:
            if taken == quota:
                break
            if path in NO_TARGETS_PARAGRAPH or _province(path) in {_province(p) for p in chosen}:
                continue
            chosen.append(path)
            taken += 1
    return chosen


def test_province_reports_are_the_seeded_draw():
    rows = _rows(TARGETS_CSV)
    drawn = _draw(shared_path("corpus", "MANIFEST.tsv"))
    assert sorted({r["source_path"] for r in rows}) == sorted(drawn)
    assert len({_province(p) for p in drawn}) == 10
    years = [int(Path(p).stem) for p in drawn]
    assert sum(y < 2010 for y in years) >= 2 and sum(y > 2020 for y in years) >= 2


def test_province_targets_quote_the_texts():
    _assert_quotes_and_values(_rows(TARGETS_CSV))


def test_province_targets_plan_year_and_region():
    for row in _rows(TARGETS_CSV):
        assert row["region"] == _province(row["source_path"])
        delivered = row["delivered"]
        year = int(Path(row["source_path"]).stem)
        if delivered:  # the dateline: reports delivered Jan–Mar plan their own year, Oct–Dec the next
            head = _corpus_text(row["source_path"])[:400]
            assert any(form in head for form in _date_forms(delivered)), row["source_path"]
            month = int(delivered[5:7])
            assert int(row["plan_year"]) == int(delivered[:4]) + (1 if month >= 10 else 0)
        else:  # no dateline: the text names the year it plans
            assert f"{row['plan_year']}年工作安排" in _corpus_text(row["source_path"])
        assert int(row["plan_year"]) == year
        assert row["measure"] in {"growth", "level", "share", "pp_change"}
        assert row["qualifier"] in {"=", ">", ">=", "<", "<=", "~", "range"}
        assert row["direction"] in {"up", "down", ""}


def _date_forms(iso: str) -> tuple[str, str]:
    """``2023-01-15`` → ``2023年1月15日`` and ``二〇二三年一月十五日`` (the two dateline styles)."""
    digits = "〇一二三四五六七八九"
    year, month, day = (int(part) for part in iso.split("-"))

    def small(n: int) -> str:
        tens, ones = divmod(n, 10)
        return (("" if tens == 1 else digits[tens]) + "十" if tens else "") + (digits[ones] if ones else "")

    chinese = "".join(digits[int(c)] for c in str(year)) + f"年{small(month)}月{small(day)}日"
    return f"{year}年{month}月{day}日", chinese


def test_province_targets_every_report_has_its_gdp_target_once():
    """Each report states one GDP growth target for its plan year; the table holds it exactly once."""
    gdp_words = ("生产总值", "经济增长")
    counts = Counter(r["source_path"] for r in _rows(TARGETS_CSV)
                     if r["measure"] == "growth" and any(w in r["indicator"] for w in gdp_words)
                     and "能耗" not in r["indicator"])
    assert len(counts) == 10 and set(counts.values()) == {1}


# --- Table 1: GDP level and growth of 上海, 广东 and 佛山 ----------------------------------------------------

GDP_FOLDERS = {"上海市": "lawtext-gov/政府工作报告-主要城市/上海市", "广东省": "lawtext-gov/政府工作报告-省自治区/广东省",
               "佛山市": "lawtext-gov/政府工作报告-主要城市/佛山市"}
# Reports read that state no single-year figure of the whole region's GDP (README.md says what they state).
GDP_REPORTS_WITHOUT_ROWS = {"lawtext-gov/政府工作报告-主要城市/上海市/2006.md"}


def _report_year(row: dict[str, str]) -> int:
    return int(Path(row["source_path"]).stem)


def test_gdp_series_quote_the_texts():
    _assert_quotes_and_values(_rows(GDP_CSV))


def test_gdp_series_rows_are_well_formed():
    for row in _rows(GDP_CSV):
        where = (row["source_path"], row["value_text"])
        assert row["source_path"].startswith(GDP_FOLDERS[row["region"]] + "/"), where
        assert row["measure"] in {"level", "growth"}, where
        assert row["unit"] in ({"元", "美元"} if row["measure"] == "level" else {"%"}), where
        assert row["statement"] in {"actual", "estimate"}, where
        if row["statement"] == "estimate":
            assert "预计" in row["sentence"], where
        # every figure is about a past year: reports review, they do not forecast (targets are left out)
        assert int(row["reference_year"]) < _report_year(row), where
        assert row["preferred"] in {"true", "false"}, where
        assert row["indicator"] in row["sentence"], where


def test_gdp_series_reads_every_report_of_the_three_regions():
    sources = {row["source_path"] for row in _rows(GDP_CSV)}
    for folder in GDP_FOLDERS.values():
        for path in sorted(shared_path("corpus", folder).glob("*.md")):
            source = f"{folder}/{path.name}"
            assert source in sources or source in GDP_REPORTS_WITHOUT_ROWS, f"{source}: no row and not listed"
    assert not GDP_REPORTS_WITHOUT_ROWS & sources


def test_gdp_series_one_preferred_figure_per_year():
    """One preferred row per region, year and measure: the next year's report when it states the year, and
    within one report a figure over a threshold (``达到4.45万亿元`` over ``突破4万亿元``)."""
    groups: dict[tuple[str, str, str], list[dict[str, str]]] = {}
    for row in _rows(GDP_CSV):
        groups.setdefault((row["region"], row["reference_year"], row["measure"]), []).append(row)
    for key, rows in groups.items():
        preferred = [r for r in rows if r["preferred"] == "true"]
        assert len(preferred) == 1, key
        chosen = preferred[0]
        next_year = [r for r in rows if _report_year(r) == int(key[1]) + 1]
        if next_year:
            assert _report_year(chosen) == int(key[1]) + 1, key
        same_report = [r for r in rows if r["source_path"] == chosen["source_path"]]
        if any(r["qualifier"] == "=" for r in same_report):
            assert chosen["qualifier"] == "=", key
        assert key[2] == "growth" or chosen["unit"] == "元", key


def test_gdp_series_preferred_levels_are_a_plausible_series():
    """The screens of issue 11 hold on the hand-read series: consecutive levels move within −30 %/+60 %,
    growth within [−20, 30] %."""
    by_region: dict[str, dict[int, float]] = {}
    for row in _rows(GDP_CSV):
        if row["preferred"] != "true":
            continue
        if row["measure"] == "growth":
            assert -20 <= float(row["value"]) <= 30, row["value_text"]
        else:
            by_region.setdefault(row["region"], {})[int(row["reference_year"])] = float(row["value"])
    for region, levels in by_region.items():
        for year, level in levels.items():
            if year - 1 in levels:
                assert 0.7 <= level / levels[year - 1] <= 1.6, (region, year)
    assert len(by_region) == 3
