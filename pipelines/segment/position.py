"""Signals for placing a section whose heading says nothing about its part: years, tense, targets.

Used by ``parts.py`` for sibling sections that no heading rule classifies (topical headings such as
合肥 2016 ``一、跨越赶超的“十二五”`` / ``二、创新转型的“十三五”`` / ``三、奋力前行的2016年``, or the review's
subsections used as top level, 上海 2004 ``（一）抗击非典取得阶段性重大胜利``):

- ``heading_years`` / ``heading_plans``: the years (2016, 二〇二四) and five-year plans (“十三五” → 13) a
  heading names;
- ``report_year``: the year the report plans for, from the title block's dateline (a report delivered
  in October–December plans for the next year); None when there is no dateline;
- ``tense``: ``"past"`` when a passage uses more past words (去年, 过去, 一年来, 取得了, years before the
  report year) than future words (今年, 今后, 要, 将, 力争, the report year), ``"future"`` for the
  reverse, None on a tie. Measured on 600 random reports' rule-classified top-level sections: 94% of
  review sections count past, 85% of plan and 82% of tasks sections count future.
"""
from __future__ import annotations

import re

from . import rules

PAST_WORDS = re.compile(rules.PAST_WORDS)
FUTURE_WORDS = re.compile(rules.FUTURE_WORDS)
YEAR_NUMBER = re.compile(rules.YEAR_NUMBER)
DATELINE_DATE = re.compile(rules.DATELINE_DATE)
FIVE_YEAR_PLAN = re.compile(rules.FIVE_YEAR_PLAN)
_CN_DIGIT = str.maketrans("〇零一二三四五六七八九", "00123456789")
_PLAN_NUMBER = {"": 10, "一": 11, "二": 12, "三": 13, "四": 14, "五": 15, "六": 16, "七": 17, "八": 18, "九": 19}
TITLE_BLOCK_CHARS = 800


def heading_years(heading: str) -> list[int]:
    return [int(m.group().translate(_CN_DIGIT)) for m in YEAR_NUMBER.finditer(heading)]


def heading_plans(heading: str) -> list[int]:
    """Five-year plans named in quotes or before 时期/期间/规划/计划 (“十二五” → 12, 十五 → 10)."""
    out = []
    for m in FIVE_YEAR_PLAN.finditer(heading):
        before = heading[m.start() - 1:m.start()]
        after = heading[m.end():m.end() + 2]
        if before == "“" or after[:1] == "”" or after in ("时期", "期间", "规划", "计划"):
            out.append(_PLAN_NUMBER[m.group(1)])
    return out


def plan_years(plan: int) -> tuple[int, int]:
    """First and last year of the N-th five-year plan (十五 = 2001–2005, 十四五 = 2021–2025)."""
    first = 1951 + 5 * plan
    return first, first + 4


def report_year(text: str) -> int | None:
    m = DATELINE_DATE.search(text, 0, TITLE_BLOCK_CHARS)
    if not m:
        return None
    year, month = int(m.group(1)), int(m.group(2))
    return year + 1 if month >= rules.LATE_DELIVERY_MONTH else year


def tense(passage: str, year: int | None) -> str | None:
    past = len(PAST_WORDS.findall(passage))
    future = len(FUTURE_WORDS.findall(passage))
    if year is not None:
        for y in heading_years(passage):
            if y < year:
                past += 1
            else:
                future += 1
    if past > future:
        return "past"
    if future > past:
        return "future"
    return None
