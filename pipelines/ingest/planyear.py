"""``plan_year``: the year a report's targets are for.

A report is delivered early in the year it plans (the 2024 report, 2024-01-15, sets 2024's targets and
reviews 2023). A report delivered October–December plans the *next* year and reviews the year of its
delivery (兰州 2016-12-15 sets 2017's targets and reviews 2016). Without a delivery date, the text says
it: the year its plan sections and target statement name (``2007年工作安排``, ``2007年经济社会发展的主要预期目标``,
``做好2007年政府工作``) when that is the document's year or the next (a title such as ``2006年四川省人民政府
工作报告`` names the year under review); otherwise the document's year.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter

# A report delivered from this month on plans the following year.
LATE_DELIVERY_MONTH = 10
_YEAR = r"((?:19[4-9]|20\d)\d|[一二][九〇零][〇零一二三四五六七八九]{2})年"
PLAN_YEAR_PHRASE = re.compile(
    rf"{_YEAR}的?(?:政府)?工作(?:安排|建议|部署|任务|重点|总体要求|的总体要求|的主要任务)"
    rf"|{_YEAR}(?:全[省市区州县盟])?的?(?:经济社会发展|国民经济和社会发展|经济和社会发展)的?(?:主要)?(?:预期)?(?:目标|任务)"
    rf"|做好{_YEAR}的?(?:政府)?(?:各项)?工作")
CN_DIGIT = str.maketrans("〇零一二三四五六七八九", "00123456789")


def plan_year(report_date: dt.date | None, year: int | None, clean_text: str) -> int | None:
    """The delivery date decides (October–December → the next year); without one, the year the
    text's plan phrases name, if it is ``year`` or ``year + 1``; else ``year``."""
    if report_date is not None:
        return report_date.year + (1 if report_date.month >= LATE_DELIVERY_MONTH else 0)
    named = named_plan_year(clean_text)
    if year is None:
        return named
    return named if named in (year, year + 1) else year


def named_plan_year(text: str) -> int | None:
    """The year most often named by the text's plan phrases (ties: the later year)."""
    years = Counter()
    for m in PLAN_YEAR_PHRASE.finditer(text):
        word = next(g for g in m.groups() if g)
        years[int(word.translate(CN_DIGIT))] += 1
    if not years:
        return None
    return max(years, key=lambda y: (years[y], y))
