"""Indicator phrases (as written) and their dictionary codes.

``indicator_code`` maps a phrase to a code of ``data/indicators.csv`` by the longest synonym found in
it, skipping the traps listed in ``data/indicator_guards.csv`` (出口 inside 进出口, 生产总值 inside
单位地区生产总值能耗 …). ``clean_phrase`` trims the connectives, verbs and comparison bases around the
noun phrase that names what a value measures.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import tables, vocab


def national_variant(name: str) -> str:
    """The national report's form of a regional name: 单位地区生产总值能耗 → 单位国内生产总值能耗,
    人均地区生产总值 → 人均国内生产总值 (a name without 地区生产总值 is returned as is)."""
    return name.replace("地区生产总值", "国内生产总值")


def _synonyms() -> list[tuple[str, str]]:
    pairs = []
    for row in tables.indicators():
        code = row["code"]
        if code.startswith("#"):
            continue
        names = {row["name_zh"], *row["synonyms"].split("|")}
        names |= {national_variant(n) for n in names}
        pairs.extend((name, code) for name in names if name)
    return sorted(pairs, key=lambda p: len(p[0]), reverse=True)


SYNONYMS = _synonyms()
CODE_OF = {}
for _name, _code in SYNONYMS:
    CODE_OF.setdefault(_name, _code)
# At each position, the longest synonym starting there (alternatives are longest first).
SYNONYM_AT = re.compile("(?=(" + "|".join(re.escape(n) for n, _ in SYNONYMS) + "))")
UNIT_KIND = {row["code"]: row["unit_kind"] for row in tables.indicators()}
FAMILIES_OF_KIND = tables.unit_kind_families()
GUARDS: dict[str, list[tuple[re.Pattern | None, re.Pattern | None]]] = {}
for _g in tables.indicator_guards():
    GUARDS.setdefault(_g["synonym"], []).append(
        (re.compile(_g["reject_before"]) if _g["reject_before"] else None,
         re.compile(_g["reject_after"]) if _g["reject_after"] else None))

_PERIOD_WORDS = [p for p, _ in vocab.PERIODS]
LEADING = sorted(set(vocab.LEADING_FILLERS + _PERIOD_WORDS), key=len, reverse=True)
TRAILING = sorted(set(vocab.TRAILING_FILLERS + _PERIOD_WORDS
                       + [w for w in vocab.UP_VERBS + vocab.DOWN_VERBS if len(w) > 1]), key=len, reverse=True)
LEADING_RE = re.compile("|".join(map(re.escape, LEADING)))
TRAILING_RE = re.compile("(?:" + "|".join(map(re.escape, TRAILING)) + ")$")
_YEAR = r"(?:(?:1[89]|20)\d{2}|[〇零一二三四五六七八九]{4})"
YEAR_AT_START = re.compile(rf"^(?:到|至|截至|截止|在|近|过去|从)?(?:{_YEAR}(?:年?(?:到|至|——|—|-){_YEAR})?|[\d一二三四五六七八九十两]{{1,3}}(?=年(?:来|间|内|累计|共|中|里|年均|平均|内累计|合计)))年(?:度|末|底|初|以来|来|间|内|中|)")
# A comparison base or the earlier point of a change, possibly with 的: 比一九七七年的, 下降到一九八二年的.
YEAR_AT_END = re.compile(rf"(?:比|较|超|超过|与|到|至|由|从)?{_YEAR}年(?:度|末|底|初|同期|水平|)的?$")
# A span of years ending the phrase: 地区生产总值五年跨过… → 地区生产总值 (the span is a period, not the noun).
SPAN_AT_END = re.compile(r"(?:近|过去|连续)?(?<![第前〇零一二三四五六七八九十两\d])[一二三四五六七八九十两\d]{1,2}年(?:来|间|内|中|里)?$")
# Nouns whose first characters are also a leading filler word (增加值 is not 增加 + 值).
NOUNS_STARTING_WITH_A_FILLER = ("增加值", "增长率")
# A phrase that names only a scope or a per-head basis (全国平均每人): no measured noun of its own.
SCOPE_ONLY = re.compile(r"^(?:全国|全省|全市|全区|全县)?(?:平均)?(?:每人|每户|人均)?$")
# A phrase that names only a time (预计今年达到2220亿元: the subject is the clause before's).
TIME_ONLY = re.compile(r"^(?:今年|明年|去年|上年|全年|当年|本年|年内|年底|年末)$")
EDGE_PUNCT = "，；：。、（）——-~ 　"
COMPARISON_TAIL = re.compile(r"(?:较|比|同比|相比|由|超过|超出)(?:上年|去年|年初|同期|“|\d|十|上一|前一|全国|全省|全市).*$")
CUT_AFTER_MATCH = re.compile(r"(?:在|率先|同比|比|较|逐|继续|持续|稳步|实现|达|突破|由|从|首次|连续|增[长速幅]|下降|提高|降低|保持|超)")


@lru_cache(maxsize=65536)
def indicator_match(phrase: str) -> tuple[str, int, int] | None:
    """(code, start, end) of the longest dictionary synonym in ``phrase`` that is not a trap."""
    if not phrase:
        return None
    best = None
    for m in SYNONYM_AT.finditer(phrase):
        name = m.group(1)
        start, end = m.start(), m.start() + len(name)
        if (best is None or len(name) > best[2] - best[1]) and not _trapped(name, phrase, start, end):
            best = (CODE_OF[name], start, end)
    return best


def indicator_code(phrase: str | None) -> str | None:
    hit = indicator_match(phrase or "")
    return hit[0] if hit else None


def _trapped(name: str, phrase: str, start: int, end: int) -> bool:
    for before, after in GUARDS.get(name, ()):
        if before is not None and before.search(phrase[:start]):
            return True
        if after is not None and after.search(phrase[end:]):
            return True
    return False


@lru_cache(maxsize=65536)
def clean_phrase(phrase: str) -> str:
    """Trim fillers around an indicator phrase: 特别是GDP增速逐季攀升 → GDP增速."""
    prev = None
    while prev != phrase:
        prev = phrase
        phrase = phrase.strip(EDGE_PUNCT)
        phrase = YEAR_AT_START.sub("", phrase)
        phrase = YEAR_AT_END.sub("", phrase)
        phrase = SPAN_AT_END.sub("", phrase)
        phrase = COMPARISON_TAIL.sub("", phrase)
        m = LEADING_RE.match(phrase)
        if m and m.end() < len(phrase) and not phrase.startswith(NOUNS_STARTING_WITH_A_FILLER):
            phrase = phrase[m.end():]
        hit = indicator_match(phrase)
        if hit and hit[2] == len(phrase):
            continue  # 经济增长: the trailing word belongs to a dictionary name
        m = TRAILING_RE.search(phrase)
        if m:
            phrase = phrase[: m.start()]
    if SCOPE_ONLY.match(phrase) or TIME_ONLY.match(phrase):
        return ""
    hit = indicator_match(phrase)
    if hit and hit[2] < len(phrase) and CUT_AFTER_MATCH.match(phrase, hit[2]) \
            and not phrase.startswith("增加值", hit[2]):
        phrase = phrase[: hit[2]]
    return phrase


def unit_kind(code: str | None) -> str | None:
    return UNIT_KIND.get(code) if code else None


def code_fits_unit(code: str | None, family: str | None) -> bool:
    """Whether a value of unit ``family`` can measure indicator ``code`` (``data/unit_kinds.csv`` by the
    dictionary's ``unit_kind``): a count in 个 is never ``gdp`` (kind amount). Unknown code/family/kind fit."""
    if not code or not family:
        return True
    families = FAMILIES_OF_KIND.get(UNIT_KIND.get(code))
    return families is None or family in families
