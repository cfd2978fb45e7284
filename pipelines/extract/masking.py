"""Mask strings that look numeric but are not metrics, before any number is read.

Each pattern below is named for what it matches. ``mask`` returns a copy of the working text in
which every character of a masked span is replaced by ``MASK`` (length preserved), so the quantity
patterns never see those digits while offsets stay aligned.
"""
from __future__ import annotations

import re

from . import vocab

MASK = "□"
_CN = "〇零一二两三四五六七八九十百千"
_DASH = r"(?:——|—|-|~|至|到)"

QUOTED_NAME = re.compile(r"“[^“”]{1,30}”|\"[^\"]{1,30}\"|《[^《》]{1,80}》|「[^「」]{1,30}」|‘[^‘’]{1,20}’")
YEAR = re.compile(r"(?<![\d.])(?:1[89]|20)\d{2}(?=年)|[〇零一二三四五六七八九]{4}(?=年)")
YEAR_SPAN_START = re.compile(rf"(?<![\d.])(?:1[89]|20)\d{{2}}(?={_DASH}(?:(?:1[89]|20)?\d{{2}})年)")
MONTH_SPAN = re.compile(rf"(?<![\d.])\d{{1,2}}{_DASH}\d{{1,2}}(?=月)|[一二三四五六七八九十]{{1,3}}{_DASH}[一二三四五六七八九十]{{1,3}}(?=月)")
MONTH_OR_DAY = re.compile(r"(?<![\d.])\d{1,2}(?=月|日|号(?!线))|(?<![" + _CN + r"])[一二三四五六七八九十]{1,3}(?=月(?!份?[\d一二三四五六七八九十])|日)")
MONTHS_COUNT = re.compile(r"前?[\d一二三四五六七八九十]{1,2}个月")
QUARTER = re.compile(r"前?[一二三四两1-4](?=季度)")
ORDINAL = re.compile(rf"第[\d{_CN}]+|前[\d一二三四五六七八九十百]+(?=位|名|强|批|年)|[\d{_CN}]+(?=强|佳)")
RANK_AFTER_JU = re.compile(r"(?<=居)(?:全国|全省|全市|全区|全州|西部|中部|东部|同类城市)?[\d一二三四五六七八九十]+位?")
ALNUM_CODE = re.compile(r"[A-Za-z]+_?[\d.]*\d[\dA-Za-z.]*|(?<![\d.])\d+(?:\.\d+)?[A-Za-z]+\d*")
FORMULA = re.compile(r"[\dA-Za-z一二三四五六七八九十]+(?:\+[\dA-Za-z一二三四五六七八九十]+)+")
LINE_OR_DOC_NO = re.compile(r"(?<![\d.])\d+(?=号)|〔\d{4}〕\d+|\[\d{4}\]\d+")
CLASS_LABEL = re.compile(
    rf"(?:(?<![\d.])[\d.]+|[{_CN}万亿]+)(?:万亿|千亿|百亿|十亿|亿|千万|百万|万|千)?(?:元|美元)?(?:级|量级)"
    rf"|(?<![{_CN}\d])(?:万亿|千亿|百亿|十亿|亿|千万|百万)(?:元|美元)?(?:级|量级)")
VOLTAGE_CLASS = re.compile(r"(?<![\d.])\d+(?=千伏|kV|KV|伏)")
FOOTNOTE_MARK = re.compile(r"【\d+】|\[\d+\]|［\d+］")
COORDINATE = re.compile(r"(?:北纬|南纬|东经|西经)[\d.]+")
RANK_MOVE = re.compile(r"(?:排名|排行榜|位次|位居|名次|排位)[^，。；、]{0,20}[\d一二三四五六七八九十]+(?=位|名)")
# List numbering at the start of a sentence: 4.稳增长…, 1、…, and a note "5." glued to "5项工作" (5.5项工作).
ENUMERATOR = re.compile(r"^\d{1,2}[.、](?=[\u4e00-\u9fff“（]|\d{1,3}[项个条件家]\D)")
SLOGAN = re.compile("|".join(sorted(map(re.escape, vocab.SLOGANS), key=len, reverse=True)))

MASKS = [ENUMERATOR, FOOTNOTE_MARK, QUOTED_NAME, YEAR, YEAR_SPAN_START, MONTH_SPAN, MONTH_OR_DAY, MONTHS_COUNT, QUARTER, ORDINAL,
         RANK_AFTER_JU, RANK_MOVE, COORDINATE, VOLTAGE_CLASS, ALNUM_CODE, FORMULA, LINE_OR_DOC_NO, CLASS_LABEL, SLOGAN]


def mask(text: str) -> str:
    """``text`` with every non-metric numeric span replaced by MASK characters (same length)."""
    chars = None
    for pattern in MASKS:
        for m in pattern.finditer(text):
            if m.end() > m.start():
                if chars is None:
                    chars = list(text)
                chars[m.start():m.end()] = MASK * (m.end() - m.start())
    return text if chars is None else "".join(chars)
