"""What a value means: qualifier, target strength, measure, direction, period, statement, year.

Every rule reads a few named word lists from ``vocab`` and ``data/qualifiers.csv``.
"""
from __future__ import annotations

import re

from . import tables, vocab

_QUAL = tables.qualifiers()
PRE_QUALIFIERS = sorted(((q["word"], q["qualifier"], q["strength"]) for q in _QUAL if q["position"] == "pre"),
                        key=lambda t: len(t[0]), reverse=True)
POST_QUALIFIER = {q["word"]: (q["qualifier"], q["strength"]) for q in _QUAL if q["position"] == "post"}
INFIX_QUALIFIER = {q["word"]: q["qualifier"] for q in _QUAL if q["position"] == "infix"}

_PERIOD_TOKEN = re.compile("|".join(
    [r"(?<![\d])\d{1,2}(?:——|—|-|~|至)\d{1,2}月(?:份)?", r"前\d{1,2}个月", r"[一二三四五六七八九十]{1,3}至[一二三四五六七八九十]{1,3}月"]
    + [re.escape(p) for p, _ in sorted(vocab.PERIODS, key=lambda p: len(p[0]), reverse=True)]))
_PERIOD_NAME = dict(vocab.PERIODS)
PERIOD_ONLY_CLAUSE = re.compile(rf"^(?:{_PERIOD_TOKEN.pattern})$")
GAP_BEFORE_VALUE = re.compile(r"(?:[□年]|全国|全省|全市|全区|平均水平|平均|上年|去年|同期|水平)+$")
_UP = sorted(vocab.UP_VERBS, key=len, reverse=True)
_DOWN = sorted(vocab.DOWN_VERBS, key=len, reverse=True)
LEVEL_AFTER_VERB = re.compile(r"(?:提高|提升|增加|上升|下降|降低|减少|增|降|回升|回落)(?:到|至)$|(?:达到|为|是)$")
GROWTH_WORD = re.compile("|".join(map(re.escape, sorted(vocab.UP_VERBS + vocab.DOWN_VERBS, key=len, reverse=True))))
RATE_NOUN = re.compile(r"增长率|增加值|下降率|增速快|增长极|增长点|增长与经济|增长和经济")
SHARE_WORD = re.compile(r"比重|占比|占(?!" + "|".join(vocab.NOT_SHARE_AFTER_ZHAN) + r")[^，；。]{0,20}$")


def pre_qualifier(left_masked: str) -> tuple[str | None, str | None, int]:
    """(word, qualifier, length) of a qualifier word just before a value (years/masks may sit between)."""
    gap = GAP_BEFORE_VALUE.search(left_masked)
    body = left_masked[: gap.start()] if gap else left_masked
    for word, qual, _ in PRE_QUALIFIERS:
        if body.endswith(word):
            return word, qual, len(left_masked) - len(body) + len(word)
    return None, None, 0


def qualifier(is_range: bool, post: str | None, infix: str | None, pre_qual: str | None) -> str:
    if is_range:
        return "range"
    if post and post in POST_QUALIFIER:
        return POST_QUALIFIER[post][0]
    if infix:
        return INFIX_QUALIFIER[infix]
    return pre_qual or "="


def target_strength(statement: str, qual: str, pre_word: str | None, clause_left: str) -> str | None:
    if statement != "target":
        return None
    if any(c in clause_left for c in vocab.STRETCH_CUES):
        return "soft"
    if qual in ("~", "range"):
        return "soft"
    if qual in (">=", "<=", ">", "<") or (pre_word and pre_word in vocab.HARD_TARGET_CUES) \
            or "确保" in clause_left:
        return "hard"
    return None


def measure_and_direction(family: str | None, predicate: str, indicator: str | None, value: float
                          ) -> tuple[str, str | None]:
    """``predicate`` is the clause text between the indicator and the value."""
    pred = RATE_NOUN.sub("", predicate)
    direction = None
    last_up = max((pred.rfind(w) for w in _UP), default=-1)
    last_down = max((pred.rfind(w) for w in _DOWN), default=-1)
    if last_up >= 0 or last_down >= 0:
        direction = "down" if last_down > last_up else "up"
    if value < 0:
        direction = "down"
    if family == "pp":
        return "pp_change", direction
    if family == "multiple":
        return "multiple", direction
    if family in ("percent", "permille"):
        if names_a_growth_rate(indicator) and not SHARE_WORD.search(predicate):
            return "growth", direction or "up"  # 经济增长预期目标为5%左右, GDP增速达到6%
        if LEVEL_AFTER_VERB.search(pred):
            return ("share" if SHARE_WORD.search(predicate) or _is_share(indicator) else "level"), direction
        if SHARE_WORD.search(predicate) or (_is_share(indicator) and not direction):
            return "share", None  # …占比达99.8%, 民生支出占比稳定在65%以上
        if direction:
            return "growth", direction
        if indicator and "指数" in indicator:
            return "index", None
        if indicator and any(w in indicator for w in ("增速", "增幅", "涨幅", "经济增长")):
            return "growth", "up"
        return "level", None
    return "level", direction


def names_a_growth_rate(indicator: str | None) -> bool:
    """经济增长, GDP增速, 居民消费价格涨幅: an indicator whose value is itself a rate of change."""
    return bool(indicator) and indicator.endswith(vocab.GROWTH_RATE_NOUN_ENDINGS)


def _is_share(indicator: str | None) -> bool:
    return bool(indicator) and ("比重" in indicator or "占比" in indicator)


def period(clause_left: str, leading_period: str | None) -> str | None:
    text = clause_left.replace("“", "").replace("”", "")
    hits = list(_PERIOD_TOKEN.finditer(text))
    if hits:
        tok = hits[-1].group()
        return _PERIOD_NAME.get(tok, tok)
    return leading_period


def leading_period(clause: str) -> str | None:
    """The period a clause of its own sets for the rest of the sentence (``1—11月，…``)."""
    text = clause.replace("“", "").replace("”", "").strip("，、 ")
    if PERIOD_ONLY_CLAUSE.match(text):
        return _PERIOD_NAME.get(text, text)
    return None


def statement(part: str | None, is_target: bool, before: str, clause_left: str, late: bool = False) -> str:
    """``before``: the sentence up to the value; ``clause_left``: its own clause up to the value.
    ``late``: the report was delivered in October–December, so its 今年 is the year under review and its
    明年 the year it plans."""
    if is_target:
        return "target"
    if any(c in before for c in vocab.ESTIMATE_CUES):
        return "estimate"
    if part == "plan":
        return "target"
    if part == "review":
        return "actual"
    if any(c in before for c in vocab.ACTUAL_CUES) or (late and any(w in before for w in vocab.THIS_YEAR_WORDS)):
        return "actual"
    if part == "tasks":
        return "target"
    if any(c in before for c in vocab.TARGET_CUES) or re.search(r"(?:到|至)(?:1[89]|20)\d{2}年", before):
        return "target"
    return "actual"
