"""Flag the sentence that states the year's main targets (``sentences.is_target_statement``).

A sentence is a candidate when it contains a target phrase (``rules.TARGET_STRONG``: 主要预期目标是、
主要目标是、预期目标是、主要预期目标为、主要预期目标建议为、主要预期目标：、计划目标是、主要调控目标是 …) and
- it is not in the review part (``全年主要目标任务圆满完成`` never matches anyway: no 是/为 follows);
- no five-year-plan / long-horizon marker precedes the phrase in the sentence (今后五年, “十四五”,
  《纲要》, 到2035年 …);
- unless the phrase is 主要预期目标/主要预期指标 or opens the sentence, an anchor (今年, 2024年, 全年,
  经济社会发展, 国民经济 …) precedes it in the sentence (``主要目标是：改革政府对企业投资的管理制度``
  is not a target statement);
- the phrase is followed, in the same sentence, by a number or a ``：`` list.
One strong candidate is flagged: the first in the plan part, else the first anywhere. When there is none, the first
weak candidate (``今年经济增长预期目标为7%左右``, 2003) is flagged instead; failing that, the first
plan-part sentence that starts with 今年/YYYY年 and lists ≥ 3 quantities with a target qualifier
(左右/以上/以内/以下), counting the sentences it continues into through "；" (all of them are flagged)
— the national report of 2020, which set no GDP target, has only that form.
"""
from __future__ import annotations

import re

from . import rules

TARGET_STRONG = re.compile(rules.TARGET_STRONG)
TARGET_WEAK = re.compile(rules.TARGET_WEAK)
YEAR_ANCHOR = re.compile(rules.TARGET_YEAR_ANCHOR)
LONG_HORIZON = re.compile(rules.TARGET_EXCLUDE)
MULTI_YEAR = re.compile(rules.TARGET_MULTI_YEAR)
THIS_YEAR = re.compile(r"今年|本年|明年|\d{4}年(?![前底末—\-－~～至])")
HAS_VALUE = re.compile(r"\d|[：:]")
QUICK_FILTER = re.compile(r"目标|指标")
LIST_START = re.compile(rules.TARGET_LIST_START)
LIST_QUALIFIER = re.compile(rules.TARGET_LIST_QUALIFIER)


def _candidate(sentence: str, pattern: re.Pattern) -> bool:
    for m in pattern.finditer(sentence):
        before = sentence[:m.start()]
        horizon = [h.end() for h in LONG_HORIZON.finditer(before)]
        if horizon and not THIS_YEAR.search(before, horizon[-1]):
            return False
        if MULTI_YEAR.search(sentence, m.end()):
            return False
        phrase = m.group()
        if (not phrase.startswith("主要预期") and before.strip("，、 ")
                and not YEAR_ANCHOR.search(before)):
            continue
        if HAS_VALUE.search(sentence, m.start()):
            return True
    return False


def _semicolon_group(sentences: list[dict], i: int) -> list[dict]:
    """Sentence i and the sentences after it in its paragraph up to the one not ending in "；"."""
    group = [sentences[i]]
    j = i
    while group[-1]["text"].endswith("；") and j + 1 < len(sentences) \
            and sentences[j + 1]["paragraph_id"] == sentences[i]["paragraph_id"]:
        j += 1
        group.append(sentences[j])
    return group


def flag_target_statements(sentences: list[dict]) -> None:
    """Set ``is_target_statement`` on each sentence dict (in place); uses ``text`` and ``part``."""
    strong: list[dict] = []
    weak: list[dict] = []
    listed: list[dict] = []
    for i, s in enumerate(sentences):
        s["is_target_statement"] = False
        text = s["text"]
        if not listed and s["part"] == "plan" and LIST_START.match(text):
            group = _semicolon_group(sentences, i)
            if len(LIST_QUALIFIER.findall("".join(g["text"] for g in group))) >= rules.TARGET_LIST_MIN:
                listed.extend(group)
        if s["part"] == "review" or not QUICK_FILTER.search(text):
            continue
        if _candidate(text, TARGET_STRONG):
            strong.append(s)
        elif not strong and not weak and _candidate(text, TARGET_WEAK):
            weak.append(s)
    if strong:
        # the first candidate in the plan part, else the first one anywhere
        chosen = [next((s for s in strong if s["part"] == "plan"), strong[0])]
    else:
        chosen = weak or listed
    for s in chosen:
        s["is_target_statement"] = True
