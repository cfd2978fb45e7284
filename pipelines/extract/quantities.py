"""Find quantities (number + magnitude + unit, ranges, 百分之…, bare magnitude words) in masked text.

The patterns are built from ``data/units.csv`` and ``data/magnitudes.csv``. ``find_quantities``
returns ``Quantity`` records with the span as written (``value_text``), the value folded to the base
unit, the unit, and the attached qualifier words (infix 余/多, postfix 左右/以上/…).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from . import tables, vocab
from .numbers import parse_number

_UNITS = tables.units()
_MAGS = tables.magnitudes()


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


NUMBER = r"\d+(?:,\d{3})*(?:\.\d+)?"
CN_DIGIT = "〇零一二两三四五六七八九十百千万亿"
CN_NUMBER = (rf"(?:[{CN_DIGIT}]*[一二两三四五六七八九十][{CN_DIGIT}]*(?:点[〇零一二三四五六七八九]+)?"
             rf"|[百千](?=[余多]))")  # 百余项, 千余家: a bare 百/千 counts only with 余/多
MAGNITUDE = _alt(_MAGS)
# Units that begin with a magnitude character: tried before "magnitude + unit" (1000千瓦, 1.6百分点).
UNIT_STARTING_WITH_MAGNITUDE = _alt(u for u in _UNITS if u[0] in "千百十万亿")
UNIT = _alt(_UNITS)
DENOMINATOR = _alt(["平方公里", "平方千米", "平方米", "立方米", "人·月", "人/月", "人", "月", "年", "吨",
                    "亩", "千瓦时", "户", "天", "公里", "万元", "元", "台", "辆", "张"])
POST_QUALIFIER = _alt([q["word"] for q in tables.qualifiers() if q["position"] == "post"])
RANGE_DASH = r"——|—|-|~|至|到"

QUANTITY = re.compile(rf"""
    (?<![\d.,{CN_DIGIT}])
    (?:(?P<lo>{NUMBER}|{CN_NUMBER})(?P<lo_mag>{MAGNITUDE})?(?P<lo_unit>{UNIT})?(?P<dash>{RANGE_DASH}))?
    (?P<num>{NUMBER}|{CN_NUMBER})
    (?P<infix>余|多)?
    (?:(?P<unit_k>{UNIT_STARTING_WITH_MAGNITUDE})
      |(?P<mag>{MAGNITUDE})?(?P<infix2>余|多)?(?P<unit>{UNIT})(?:/(?P<denom>{DENOMINATOR}))?
      |(?P<mag_only>{MAGNITUDE})(?P<infix3>余|多)?)
    (?P<post>{POST_QUALIFIER})?
    """, re.VERBOSE)
PERCENT_WORDS = re.compile(rf"百分之(?P<num>{CN_NUMBER}|{NUMBER})(?P<post>{POST_QUALIFIER})?")
BARE_MAGNITUDE = re.compile(
    rf"(?:{_alt(vocab.BARE_MAGNITUDE_TRIGGERS)})(?P<mag>万亿|千亿|百亿|十亿|千万|百万|亿|万)"
    rf"(?P<unit>{UNIT})?(?![\d{CN_DIGIT}级])(?P<post>{POST_QUALIFIER})?")
BARE_HUNDREDS = re.compile(
    rf"(?:{_alt(vocab.BARE_MAGNITUDE_TRIGGERS + ['上'])})(?P<mag>千|百)(?P<unit>{UNIT})(?P<post>{POST_QUALIFIER})?")
DOUBLING = re.compile(r"翻了?(?P<n>[一两二三四])番(?P<infix>多)?")
_DOUBLINGS = {"一": 1, "两": 2, "二": 2, "三": 3, "四": 4}
CLASS_LABEL_AFTER = re.compile(_alt(vocab.CLASS_LABEL_FOLLOWERS))
SMALL_CN_UNIT_FAMILIES = {"count"}
SMALL_CN_UNITS = {"天", "小时", "分钟", "工作日", "度"}  # 一度, 三天两头
# A duration naming a zone or a service, not a measured time: 1小时交通圈, 144小时过境免签, 24小时在线.
TIME_LABEL_AFTER = re.compile(r"(?:交通圈|通勤圈|生活圈|经济圈|服务圈|都市圈|过境|免签|在线|值守|不打烊|营业|响应机制)")
TIME_UNITS = {"小时", "分钟", "天"}


@dataclass
class Quantity:
    start: int
    end: int
    value: float
    value_high: float | None
    unit: str | None          # None: a magnitude without a unit word (1000万以上), unit left to context
    family: str | None
    infix: str | None         # 余 / 多
    post: str | None          # 左右 / 以上 / …
    is_range: bool
    chinese: bool


def _value(num: str, mag: str | None) -> float | None:
    v = parse_number(num)
    if v is None:
        return None
    return float(f"{v * _MAGS[mag]:.12g}") if mag else v  # 154.7亿 → 15470000000.0, not …999998


CANDIDATE = re.compile(rf"(?:{NUMBER}|{CN_NUMBER})(?:余|多)?(?:{MAGNITUDE}|{UNIT})|百分之|翻了?[一两二三四]番|"
                       rf"(?:{_alt(vocab.BARE_MAGNITUDE_TRIGGERS)})(?:{MAGNITUDE})")


def has_candidate(text: str) -> bool:
    """A cheap pre-check: could ``text`` hold a quantity at all (before masking)?"""
    return CANDIDATE.search(text) is not None


def find_quantities(masked: str) -> list[Quantity]:
    """Every quantity in ``masked`` (the working copy after masking), in text order."""
    found: list[Quantity] = []
    taken = []
    for m in QUANTITY.finditer(masked):
        q = _from_match(masked, m)
        if q is not None:
            found.append(q)
            taken.append((m.start(), m.end()))
    for m in PERCENT_WORDS.finditer(masked):
        v = parse_number(m["num"])
        if v is not None and not _overlaps(taken, m.start(), m.end()):
            found.append(Quantity(m.start(), m.end(), v, None, "%", "percent", None, m["post"], False, True))
            taken.append((m.start(), m.end()))
    for m in DOUBLING.finditer(masked):  # 翻一番 = ×2, 翻两番 = ×4
        if not _overlaps(taken, m.start(), m.end()):
            found.append(Quantity(m.start(), m.end(), float(2 ** _DOUBLINGS[m["n"]]), None, "倍", "multiple",
                                  m["infix"], None, False, True))
    for m in [*BARE_MAGNITUDE.finditer(masked), *BARE_HUNDREDS.finditer(masked)]:
        if _overlaps(taken, m.start("mag"), m.end()) or _is_class_label(masked, m.end(), m["post"], "money"):
            continue
        unit, family = _UNITS[m["unit"]] if m["unit"] else (None, None)
        if family in ("percent", "permille", "pp", "multiple"):
            continue
        found.append(Quantity(m.start("mag"), m.end(), _MAGS[m["mag"]], None, unit, family,
                              None, m["post"], False, True))
    found.sort(key=lambda q: q.start)
    return found


def _overlaps(taken, s, e) -> bool:
    return any(s < te and ts < e for ts, te in taken)


THRESHOLD_FAMILIES = ("money", "count", "physical")
THRESHOLD_NOUN_AFTER = re.compile(r"(?!增|实现|达|提高|下降|高增长|的增长|的水平|水平)[\u4e00-\u9fff]")


def _is_class_label(text: str, end: int, post: str | None, family: str | None) -> bool:
    """亿元以上项目, 500万元以上固定资产投资, 百亿元的企业: a size class, not a value."""
    if post in ("以上", "以下", "及以上") and family in THRESHOLD_FAMILIES and THRESHOLD_NOUN_AFTER.match(text, end):
        return True
    follower = CLASS_LABEL_AFTER.match(text, end)
    if not follower:
        return False
    return post in ("以上", "以下", "及以上") or family == "money"


def _from_match(text: str, m: re.Match) -> Quantity | None:
    num = m["num"]
    chinese = not num[0].isdigit()
    mag = m["mag"] or m["mag_only"]
    if m["unit_k"]:
        unit, family = _UNITS[m["unit_k"]]
    elif m["unit"]:
        unit, family = _UNITS[m["unit"]]
        if m["denom"]:
            if family not in ("money", "physical", "count"):
                return None
            unit = f"{unit}/{m['denom']}"
            family = "physical" if family != "money" else "money"
    else:
        unit, family = None, None
    value = _value(num, mag)
    if value is None:
        return None
    if chinese:
        if family is None and not mag:
            return None
        if (family in SMALL_CN_UNIT_FAMILIES or unit in SMALL_CN_UNITS) and value < 100:
            return None  # 七个方面, 两个确立, 三次产业: task counts and names, not measurements
    if _is_class_label(text, m.end(), m["post"], family) or text.startswith("级", m.end()):
        return None  # 100兆瓦级, 300万吨级: a size class
    if unit in TIME_UNITS and TIME_LABEL_AFTER.match(text, m.end()):
        return None
    start, value_high, is_range = m.start(), None, False
    if m["lo"]:
        lo_unit = _UNITS[m["lo_unit"]][0] if m["lo_unit"] else None
        lo_value = _value(m["lo"], m["lo_mag"] or (mag if not m["lo_unit"] else None))
        dash_ok = m["dash"] not in ("至", "到") or m["lo_unit"] or m["lo"][0].isdigit()
        if lo_value is not None and (lo_unit is None or lo_unit == unit) and dash_ok and lo_value < value:
            value_high, value, is_range = value, lo_value, True
        else:
            start = m.start("num")
    if not is_range and start > 0 and text[start - 1] == "-" and start >= 2 and text[start - 2] in "长速幅为是降份月至到":
        start -= 1
        value = -value
    return Quantity(start, m.end(), value, value_high, unit, family,
                    m["infix"] or m["infix2"] or m["infix3"], m["post"], is_range, chinese)
