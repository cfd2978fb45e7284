"""The time a value covers: its base year, whether it spans one year, part of one, or several.

One definition, in Python, of what the views used to re-derive in SQL (issue 16): ``base_year`` (the
named earlier year a change is measured against), ``period_kind`` (``year`` | ``part_year`` |
``multi_year``), ``signed_value`` and ``is_stretch_marked``.
"""
from __future__ import annotations

import re

from . import vocab

# A change measured against a named year in its own clause: 比2007年增长65.8%, 与1996年相比，增长68.9%,
# 比一九七七年增长一点三倍.
BASE_YEAR = re.compile(r"(?:比|较|与|同)((?:19|20)\d{2}|[〇零一二三四五六七八九]{4})年(?:相比|比较)?，?[^，；。]*$")
CHINESE_DIGIT = str.maketrans("〇零一二三四五六七八九", "00123456789")
CHANGE_MEASURES = ("growth", "pp_change", "multiple")
PART_YEAR = re.compile(r"季度|半年|月")
# The clause up to the value opens with a stretch cue (力争8%, 争取更好结果): a stretch target.
STRETCH_CLAUSE = re.compile("(?:" + "|".join(vocab.STRETCH_CUES) + r")[^，；：。]*$")


def base_year(before: str, measure: str) -> int | None:
    """The earlier year a change is measured against, named in the value's clause."""
    if measure not in CHANGE_MEASURES:
        return None
    m = BASE_YEAR.search(before)
    return int(m.group(1).translate(CHINESE_DIGIT)) if m else None


def base_period(before: str, measure: str, ref_year: int | None) -> str | None:
    """A change against a named earlier year (与1996年相比，增长68.9%; 比2007年增长65.8% in a 2013 report)
    spans several years: period ``比<base year>年`` (Arabic digits), when the base is before ref_year − 1."""
    if ref_year is None:
        return None
    base = base_year(before, measure)
    return f"比{base}年" if base is not None and base < ref_year - 1 else None


def period_kind(period: str | None, base: int | None, ref_year: int | None) -> str:
    """``multi_year`` for a change against a year before the previous one and for multi-year periods
    (年均, 十四五时期, 过去五年); ``part_year`` for 上半年/一季度/1—11月; else ``year``."""
    if base is not None and ref_year is not None and base < ref_year - 1:
        return "multi_year"
    if period is None or period == "全年":
        return "year"
    if PART_YEAR.search(period):
        return "part_year"
    return "multi_year"


def signed_value(value: float, measure: str, direction: str | None) -> float:
    """A change carries its direction's sign (下降3.8% → −3.8); a level keeps its value."""
    if direction == "down" and measure in ("growth", "pp_change") and value > 0:
        return -value
    return value


def is_stretch_marked(before: str) -> bool:
    return STRETCH_CLAUSE.search(before) is not None


# --- reference year -------------------------------------------------------------------------------

YEAR_IN_TEXT = re.compile(r"(?<![\d.])((?:1[89]|20)\d{2})(?:——|—|-|~|至)?((?:1[89]|20)?\d{2})?年")
START_POINT_WORDS = ("从", "由")
# The end point of a from-to change follows 到/至 (增加到, 提高至, 下降到): the value after it is not the start's.
CHANGE_TO = re.compile(r"[到至]")
# The start value right after its year (从2017年的2.01万亿元, 由2010年末5.06%), not a date (从2002年1月1日起).
START_VALUE_AFTER_YEAR = re.compile(r"(?:末|底)?的?(?!\d{1,2}月)[\d一二三四五六七八九十两]")


def reference_year(plan_year: int | None, stmt: str, before: str, delivery_year: int | None = None) -> int | None:
    """The year a value is about. An explicit year in the sentence before the value wins unless it is a
    comparison base or a from-to start point's; then 今年/本年 (the year of delivery) and 明年 (the one
    after); then a target is for the plan year and an actual or estimate for the year before it (a report
    delivered 2016-12-15 plans 2017 and reviews 2016)."""
    for m in reversed(list(YEAR_IN_TEXT.finditer(before))):
        head = before[max(0, m.start() - 4): m.start()]
        tail = before[m.end(): m.end() + 2]
        if any(head.endswith(w) for w in vocab.COMPARISON_BEFORE_YEAR) or tail.startswith(("相比", "同期", "水平")):
            continue
        if head.endswith(START_POINT_WORDS) and START_VALUE_AFTER_YEAR.match(before, m.end()) \
                and CHANGE_TO.search(before, m.end()) \
                and not before.endswith(START_POINT_WORDS):
            continue  # 从2017年的2.01万亿元增加到2.91万亿元: 2017 is the start point's year, not the end's
        if m.group(2):
            end = m.group(2)
            return int(end) if len(end) == 4 else int(m.group(1)[:2] + end)
        return int(m.group(1))
    if plan_year is None:
        return None
    delivered = delivery_year if delivery_year is not None else plan_year
    if any(w in before for w in vocab.NEXT_YEAR_WORDS):
        return delivered + 1
    if any(w in before for w in vocab.THIS_YEAR_WORDS):
        return delivered
    if stmt == "target":
        return plan_year
    return plan_year - 1
