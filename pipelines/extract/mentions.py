"""Sentences → metric mentions: the public functions of ``pipelines.extract``.

Steps per sentence (each a small named function): working copy (``normalize``) → mask non-metrics
(``masking``) → find quantities (``quantities``) → attach indicator (own clause, the counted noun after a
count, or inherited) → split 分别/均 lists → qualifier, measure, direction, period, statement,
reference year (``semantics``).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from typing import NamedTuple

from . import semantics, timescope, vocab
from .indicators import clean_phrase, code_fits_unit, indicator_code, indicator_match, unit_kind
from .masking import mask
from .normalize import working_copy
from .quantities import Quantity, find_quantities, has_candidate

METRIC_KEYS = ["doc_id", "metric_id", "sentence_id", "indicator", "value_text", "value", "unit", "qualifier",
               "period", "char_start", "char_end", "value_high", "indicator_code", "measure", "direction",
               "target_strength", "statement", "reference_year", "period_kind", "base_year", "is_stretch_marked",
               "signed_value"]

CLAUSE_BOUNDARY = re.compile("[" + re.escape(vocab.CLAUSE_BOUNDARIES) + "]")
STRONG_BOUNDARY = re.compile("[，；：。！？（）\n,;:!?()]")
LIST_SEPARATOR = re.compile(r"^(?:、|和|与|及|，|以及)$")
LIST_SPLIT = re.compile(r"、|和|与|及")
LIST_COMMA = re.compile(r"、")
EACH_VERB = re.compile(r"(?<![人年平地])(?:" + "|".join(vocab.EACH_WORDS)
                       + r")(?=增长|下降|达到|为|超过|保持|实现|提高|在|增|降|控制|突破|达|比|破)")
SHARE_VERB = re.compile(r"占(?!" + "|".join(vocab.NOT_SHARE_AFTER_ZHAN) + ")")
ONE_CHAR_NOUN = re.compile("[" + "".join(vocab.ONE_CHAR_NOUNS) + "]")
MONEY_NOUN_AFTER = re.compile(r"[^，。；、：]{0,10}?(?:" + "|".join(vocab.MONEY_NOUN_AFTER) + ")")
AGE_CUE = re.compile("|".join(vocab.AGE_CUES))
ROUND_CN_HUNDRED_MILLIONS = re.compile(r"^[一二两三四五六七八九十]{1,2}亿$")
NOT_A_COUNTED_NOUN = re.compile("|".join(vocab.NOT_A_COUNTED_NOUN))
COUNT_PREDICATE = re.compile("|".join(vocab.COUNT_PREDICATE_VERBS) + r"|(?<!新)开工|的|“|，|、|\d")
METRIC_NOUN_ENDINGS = tuple(vocab.METRIC_NOUN_ENDINGS)
RIGHT_NOT_A_NOUN = re.compile(r"增|减|提高|下降|降|达|以|左右|到|至|为|是|和|与|及|或|比|较|同比|占|居|次|年|等|上升|提升|扩大")
# 150个省、市重点项目: 省、市 modifies the noun after the list; it is not what is counted.
PLACE_LIST_MODIFIER = re.compile("、[" + vocab.PLACE_END_CHARS + "]")
HAS_WORD = re.compile(r"[\u4e00-\u9fffA-Za-z]")
MONEY_NOUN = re.compile(r"收入|总额|投资|资金|产值|增加值|支出|销售额|营业额|税|资产|规模|贷款|存款|融资|消费|基金|补贴|债")
PEOPLE_NOUN = re.compile(r"人口|就业|人数|人员|职工|学生|劳动力|群众|农民|人才|居民|村民")
VISITOR_NOUN = re.compile(r"游客|旅游人数|接待")


def extract_mentions(text: str, *, report_year: int | None = None, part: str | None = None,
                     is_target_statement: bool = False, chinese_numeral_era: bool | None = None,
                     delivery_year: int | None = None) -> list[dict]:
    """Metric mentions of one sentence; offsets relative to ``text``; ids and doc_id left None.
    ``report_year``: the year the report plans (``documents.plan_year``); ``delivery_year``: the year it
    was delivered (``documents.year``; default report_year — earlier for a report delivered in
    October–December). ``chinese_numeral_era``: the report writes its counts in Chinese numerals
    (default: report_year < 2000)."""
    work = working_copy(text)
    if not has_candidate(work):
        return []
    masked = mask(work)
    if chinese_numeral_era is None:
        chinese_numeral_era = report_year is not None and report_year < vocab.CHINESE_COUNT_ERA_END
    quantities = find_quantities(masked, chinese_counts=chinese_numeral_era)
    if not quantities:
        return []
    clause_starts = _clause_starts(work, CLAUSE_BOUNDARY)
    strong_starts = _clause_starts(work, STRONG_BOUNDARY)
    drafts: list[dict] = []
    prev_end = 0
    lead_period = None
    for q in quantities:
        cs = max(clause_starts[q.start], prev_end if prev_end <= q.start else 0)
        ss = strong_starts[q.start]
        lead_period = _leading_period(work, ss, lead_period)
        draft = _draft(work, masked, q, cs, ss, drafts)
        prev_end = q.end
        if draft is None:
            continue
        draft["_period_lead"] = lead_period
        drafts.append(draft)
    drafts = _split_lists(work, drafts)
    time = _Time(report_year, delivery_year if delivery_year is not None else report_year)
    return [_finish(text, work, d, time, part, is_target_statement) for d in drafts]


def extract_document_metrics(doc: dict, sentences: list[dict]) -> list[dict]:
    """Metric mentions of a document, offsets in its clean_text, ids ``<doc_id>-m<n>`` in order."""
    doc_id = doc.get("doc_id")
    delivered = doc.get("year")
    year = doc.get("plan_year") or delivered
    era = year < vocab.CHINESE_COUNT_ERA_END if year is not None else writes_chinese_percentages(sentences)
    out: list[dict] = []
    for s in sentences:
        base = s.get("char_start") or 0
        for m in extract_mentions(s["text"], report_year=year, part=s.get("part"),
                                  is_target_statement=bool(s.get("is_target_statement")),
                                  chinese_numeral_era=era, delivery_year=delivered):
            m["doc_id"] = doc_id
            m["sentence_id"] = s.get("sentence_id")
            m["char_start"] += base
            m["char_end"] += base
            out.append(m)
    for n, m in enumerate(out, 1):
        m["metric_id"] = f"{doc_id}-m{n}"
    return out


CHINESE_PERCENT = re.compile(r"百分之[一二三四五六七八九十]")
ARABIC_PERCENT = re.compile(r"\d[%％]")


def writes_chinese_percentages(sentences: list[dict]) -> bool:
    """A report of unknown year from the Chinese-numeral era: it writes 百分之十五点五 more often than 15.5%."""
    cn = sum(len(CHINESE_PERCENT.findall(s["text"])) for s in sentences)
    arabic = sum(len(ARABIC_PERCENT.findall(s["text"])) for s in sentences)
    return cn >= 2 and cn > arabic


class _ClauseStarts:
    """``starts[i]``: the start of the clause holding position i (just after the last boundary before i)."""

    def __init__(self, text: str, boundary: re.Pattern):
        self._ends = [m.end() for m in boundary.finditer(text)]

    def __getitem__(self, i: int) -> int:
        k = bisect_right(self._ends, i)
        return self._ends[k - 1] if k else 0


def _clause_starts(text: str, boundary: re.Pattern) -> _ClauseStarts:
    return _ClauseStarts(text, boundary)


def _leading_period(work: str, ss: int, current: str | None) -> str | None:
    if ss == 0:
        return current
    prev_start = work.rfind("，", 0, ss - 1) + 1
    found = semantics.leading_period(work[prev_start: ss - 1])
    return found or current


def _draft(work: str, masked: str, q: Quantity, cs: int, ss: int, drafts: list[dict]) -> dict | None:
    left_masked = masked[cs:q.start]
    subject = None  # the clause's own subject when a count takes the noun after it instead
    pre_word, pre_qual, pre_len = semantics.pre_qualifier(left_masked)
    phrase_raw = work[cs: q.start - pre_len]
    share_cut = _share_numerator(phrase_raw)
    phrase = clean_phrase(share_cut if share_cut is not None else phrase_raw) if share_cut != "" else ""
    if not HAS_WORD.search(phrase) or (len(phrase) < 2 and not _one_char_noun_clause(phrase, phrase_raw)):
        phrase = ""
    if q.family == "money" and phrase and not _names_a_measure(phrase):
        named = MONEY_NOUN_AFTER.match(work, q.end)  # 中央安排30亿元国债资金: the fund is what is measured
        if named:
            phrase = named.group(0)
    if (q.family == "count" and not (phrase and _names_a_count(phrase))) \
            or (q.family in ("physical", "money", None)
                and (not phrase or phrase.endswith("等") or phrase_raw.endswith(("和", "及", "与")))):
        right = _right_phrase(work, masked, q.end)
        if q.family == "count":
            right = _counted_noun(right)
        if right and not RIGHT_NOT_A_NOUN.match(right) and not NOT_A_COUNTED_NOUN.match(right):
            subject = phrase if q.family == "count" and indicator_code(phrase) else None
            phrase = right
    if q.family is None and _rhetorical_population(q, work):
        return None
    if q.family is None and not _unit_from_context(phrase):
        right = _right_phrase(work, masked, q.end)  # 114.3万农村贫困人口: the noun after says what is counted
        if right and _unit_from_context(right):
            phrase = right
    if not phrase and q.family in ("percent", "permille") and work.startswith("的", q.end):
        right = _right_phrase(work, masked, q.end + 1)  # 90%的化工园区…: the share of what follows
        if right and not RIGHT_NOT_A_NOUN.match(right) and not NOT_A_COUNTED_NOUN.match(right):
            phrase = right
    inherited = False
    if not phrase:
        phrase = _inherited_indicator(work, cs, drafts, q.family)
        inherited = True
    if q.unit == "岁" and not (AGE_CUE.search(phrase or "") or AGE_CUE.search(work, ss, q.start)):
        return None  # 0-6岁儿童, 50岁以下: an age class, not a measured age
    unit = q.unit
    family = q.family
    if unit is None:
        unit = _unit_from_context(phrase)
        if unit is None:
            return None
        family = "money" if unit in ("元", "美元") else "count"
    left = work[cs: q.start]
    if share_cut is not None:
        predicate = left[len(share_cut):]
    elif phrase and not inherited and phrase in left:
        predicate = left.replace(phrase, "", 1)  # verbs before and after the name: 减少能耗…, …增长
    else:
        predicate = left
    if inherited and drafts and drafts[-1]["_family"] == family and not semantics.GROWTH_WORD.search(predicate) \
            and drafts[-1]["_ss"] <= q.start:
        predicate = drafts[-1]["_predicate"] + predicate
    return {"_q": q, "_cs": cs, "_ss": ss, "_inherited": inherited, "_pre_word": pre_word, "_pre_qual": pre_qual,
            "_predicate": predicate, "indicator": phrase or None, "unit": unit, "_family": family,
            "_subject": subject}


def _names_a_count(phrase: str) -> bool:
    """A dictionary indicator measured in counts (城镇新增就业…万人), not one of another kind (经济增速)."""
    code = indicator_code(phrase)
    return code is not None and code_fits_unit(code, "count")


def _counted_noun(right: str) -> str:
    """The counted noun ends where a dictionary indicator of another kind begins: 8个库区重点区县经济增速比全市快
    → 库区重点区县 (what is counted is districts, not growth)."""
    hit = indicator_match(right) if right else None
    if hit and hit[1] >= 2 and not code_fits_unit(hit[0], "count"):
        return right[: hit[1]]
    return right


def _rhetorical_population(q: Quantity, work: str) -> bool:
    """八亿农民, 十亿人民: a round Chinese number of 亿 before people is a figure of speech, not a count."""
    return q.chinese and ROUND_CN_HUNDRED_MILLIONS.match(work[q.start:q.end]) is not None


def _one_char_noun_clause(phrase: str, phrase_raw: str) -> bool:
    """电 in …原煤一百九十八万吨，电十三亿八千万度: a commodity named by one character at the clause start."""
    return len(phrase) == 1 and phrase_raw.startswith(phrase) and ONE_CHAR_NOUN.fullmatch(phrase) is not None


def _names_a_measure(phrase: str) -> bool:
    return bool(indicator_code(phrase)) or phrase.endswith(METRIC_NOUN_ENDINGS) or MONEY_NOUN.search(phrase) is not None


def _share_numerator(phrase_raw: str) -> str | None:
    m = SHARE_VERB.search(phrase_raw)
    if m is None:
        return None
    i = m.start()
    if phrase_raw.startswith("占比", i):
        return phrase_raw[: i + 2] if i else None  # 民生支出占比稳定在65%以上: 占比 is part of the name
    if i == 0:
        return ""  # …，占一般公共预算支出的83.4%: the share of the clause before
    numerator = phrase_raw[:i]
    return numerator if HAS_WORD.search(clean_phrase(numerator)) else None


def _right_phrase(work: str, masked: str, end: int) -> str:
    m = COUNT_PREDICATE.search(masked, end, min(len(work), end + 16))
    stop = m.start() if m else min(len(work), end + 16)
    b = CLAUSE_BOUNDARY.search(work, end, stop)
    if b:
        stop = b.start()
    right = work[end:stop].strip()
    if len(right) == 1 and work.startswith("（", stop) and HAS_WORD.search(right):
        return right  # 7个县（市、区）
    if len(right) == 1 and right in vocab.PLACE_END_CHARS and (stop >= len(work) or CLAUSE_BOUNDARY.match(work, stop)) \
            and not PLACE_LIST_MODIFIER.match(work, stop):
        return right  # 试点已扩大到671个县，: a one-character place noun ending its clause is what is counted
    return right if len(right) >= 2 and HAS_WORD.search(right) else ""


def _inherited_indicator(work: str, cs: int, drafts: list[dict], family: str | None = None) -> str | None:
    """The previous mention's indicator, unless a clause in between names a measured quantity of its own
    (…存款余额38119亿元，其中城乡居民储蓄存款余额比“九五”期末翻一番，突破2万亿元 → 城乡居民储蓄存款余额)."""
    previous = drafts[-1] if drafts else None
    between = _previous_subject(work, cs, strict=previous is not None)
    if previous is None:
        return between
    prev_clause_start = max((work.rfind(c, 0, cs - 1) for c in "，；：。、（"), default=-1) + 1 if cs > 0 else 0
    if between and previous["_q"].end <= prev_clause_start:
        return between
    if previous.get("_subject") and family != "count":
        return previous["_subject"]  # 地区生产总值五年跨过3个万亿级关口、突破10万亿元: not the count's noun
    return previous["indicator"]


def _previous_subject(work: str, cs: int, strict: bool = False) -> str | None:
    if cs >= 2 and work[cs - 1] == "）" and work.rfind("（", 0, cs - 1) >= 0:
        cs = work.rfind("（", 0, cs - 1) + 1  # skip a parenthesis: 一般公共预算收入（同口径）增长…
    elif cs >= 3 and work[cs - 1] == "，" and work[cs - 2] == "）" and work.rfind("（", 0, cs - 2) >= 0:
        cs = work.rfind("（", 0, cs - 2) + 1  # 全省工业总产值（不包括村及村以下工业），一九八五年达到…
    if cs <= 1:
        return None
    start = max(work.rfind(c, 0, cs - 1) for c in "，；：。、（") + 1
    phrase = clean_phrase(work[start: cs - 1])
    if not HAS_WORD.search(phrase) or len(phrase) > 16:
        return None
    if strict and not (indicator_code(phrase) or phrase.endswith(METRIC_NOUN_ENDINGS)):
        return None
    return phrase


def _unit_from_context(indicator: str | None) -> str | None:
    if not indicator:
        return None
    kind = unit_kind(indicator_code(indicator))
    if kind == "amount" or MONEY_NOUN.search(indicator):
        return "元"
    if VISITOR_NOUN.search(indicator):
        return "人次"
    if kind == "count" or PEOPLE_NOUN.search(indicator):
        return "人"
    return None


def _split_lists(work: str, drafts: list[dict]) -> list[dict]:
    """分别: one listed indicator per value, in order; 均: one mention per listed indicator."""
    out: list[dict] = []
    last_list: list[str] | None = None
    i = 0
    while i < len(drafts):
        d = drafts[i]
        q = d["_q"]
        left = work[d["_ss"]: q.start]
        k = left.find("分别")
        if k >= 0:
            group = [d]
            j = i + 1
            while j < len(drafts) and LIST_SEPARATOR.match(work[group[-1]["_q"].end: drafts[j]["_q"].start]):
                group.append(drafts[j])
                j += 1
            subject = clean_phrase(work[d["_ss"]: d["_ss"] + k])
            if not HAS_WORD.search(subject) and not any(x["_q"].end > _clause_start_before(work, d["_ss"]) for x in out):
                subject = _previous_clause_subject(work, d["_ss"])  # A和B的收入占…比重，分别从…
            names = _list_items(subject, len(group))
            if names is None and len(group) > 1 and not HAS_WORD.search(clean_phrase(left[:k])):
                previous = [x["indicator"] for x in out if x["_ss"] < d["_ss"]]
                names = previous[-len(group):] if len(previous) >= len(group) else None
            if names and len(names) == len(group):
                for g, name in zip(group, names):
                    g["indicator"] = name
                last_list = names
            for g in group[1:]:
                if g["_family"] == d["_family"] and not g["_predicate"].strip("、和与及，"):
                    g["_predicate"] = d["_predicate"]
            out.extend(group)
            i = j
            continue
        group = [d]
        j = i + 1
        while j < len(drafts) and LIST_SEPARATOR.match(work[group[-1]["_q"].end: drafts[j]["_q"].start]):
            group.append(drafts[j])
            j += 1
        if len(group) > 1 and last_list and len(last_list) == len(group) and d.get("_inherited"):
            for g, name in zip(group, last_list):  # …分别达A、B和C，比上年增长a%、b%和c%: the same names, in order
                g["indicator"] = name
            out.extend(group)
            i = j
            continue
        each = EACH_VERB.search(left)
        if each:
            names = _list_items(clean_phrase(left[: each.start()]), None)
            if not names and not HAS_WORD.search(clean_phrase(left[: each.start()])):
                names = _previous_run_indicators(out, d)  # 原煤…，原油…，都比上年增长8%
            if names and len(names) > 1:
                for name in names:
                    out.append({**d, "indicator": name})
                i += 1
                continue
        out.append(d)
        i += 1
    return out


def _clause_start_before(work: str, ss: int) -> int:
    return max(work.rfind(c, 0, ss - 1) for c in "，；：。（") + 1 if ss > 1 else 0


def _previous_clause_subject(work: str, ss: int) -> str:
    """The noun phrase of the clause before position ``ss`` (the numerator of a share clause)."""
    if ss <= 1:
        return ""
    start = _clause_start_before(work, ss)
    raw = work[start: ss - 1]
    share = _share_numerator(raw)
    return clean_phrase(share if share else raw)


def _previous_run_indicators(out: list[dict], d: dict) -> list[str] | None:
    """The distinct indicators of the mentions just before ``d`` (same unit family, earlier clauses), in order."""
    names: list[str] = []
    for x in reversed(out):
        if x["_ss"] >= d["_ss"] or x["_family"] != out[-1]["_family"] or not x["indicator"]:
            break
        if x["indicator"] not in names:
            names.insert(0, x["indicator"])
    return names if len(names) >= 2 else None


PLACE_RUN = re.compile("[" + vocab.PLACE_END_CHARS + "]+")


def _head_length(first: str, last: str) -> int:
    """Where the last listed item's own head ends: as long as the first item's, unless the first is a
    place (主城区) and the last begins with a different-length place (县城污水处理率 → 县城)."""
    if first[-1] in vocab.PLACE_END_CHARS:
        run = PLACE_RUN.search(last, 0, len(first) + 1)
        if run and run.end() < len(last):
            return run.end()
    return len(first)


def _list_items(subject: str, k: int | None) -> list[str] | None:
    """Names listed in a subject: 城镇、农村居民收入 → [城镇居民收入, 农村居民收入]; 城乡… → 城镇…, 农村…."""
    if not subject:
        return None
    splitter = LIST_COMMA if "、" in subject else LIST_SPLIT  # 建议和提案的办复率、满意和基本满意率
    items = [x for x in splitter.split(subject) if x]
    if k is not None and splitter is LIST_COMMA and len(items) < k:
        finer = [y for x in items for y in LIST_SPLIT.split(x) if y]  # A、B和C分别…
        if len(finer) == k:
            items = finer
    if len(items) == 1 and "城乡" in subject and k in (None, 2):
        return [subject.replace("城乡", "城镇", 1), subject.replace("城乡", "农村", 1)]
    if len(items) < 2 or (k is not None and len(items) != k):
        return None
    first_len = len(items[0])
    if all(len(x) == first_len for x in items[:-1]) and len(items[-1]) > first_len and first_len <= 4:
        suffix = items[-1][_head_length(items[0], items[-1]):]
        items = [x + suffix for x in items[:-1]] + [items[-1]]
    return _shared_measure_noun(_shared_per_unit_prefix(items))


def _shared_per_unit_prefix(items: list[str]) -> list[str]:
    """单位国内生产总值用水量、能耗、二氧化碳排放量 → 单位国内生产总值能耗 …: a per-unit-of-GDP prefix
    (``vocab.PER_UNIT_PREFIXES``) on the first name goes to the names after it that have none."""
    prefix = next((p for p in vocab.PER_UNIT_PREFIXES if items[0].startswith(p) and len(items[0]) > len(p)), None)
    if prefix is None:
        return items
    return [items[0]] + [x if x.startswith(("单位", "万元", prefix)) else prefix + x for x in items[1:]]


def _shared_measure_noun(items: list[str]) -> list[str]:
    """金融机构存款、贷款余额 → 金融机构存款余额, 贷款余额: a measure noun ending the last name is shared by the
    names before it that end in its usual head (``vocab.SHARED_MEASURE_NOUNS``)."""
    last = items[-1]
    for noun, heads in vocab.SHARED_MEASURE_NOUNS.items():
        if last.endswith(noun) and last[: -len(noun)].endswith(tuple(heads)):
            return [x + noun if x.endswith(tuple(heads)) else x for x in items[:-1]] + [last]
    return items


class _Time(NamedTuple):
    plan_year: int | None
    delivery_year: int | None

    @property
    def late(self) -> bool:
        """Delivered October–December: 今年 is the year under review."""
        return self.plan_year is not None and self.delivery_year is not None and self.delivery_year < self.plan_year


def _finish(text: str, work: str, d: dict, time: _Time, part, is_target) -> dict:
    q: Quantity = d["_q"]
    before = work[: q.start]
    clause_left = work[d["_cs"]: q.start]
    indicator = d["indicator"]
    qual = semantics.qualifier(q.is_range, q.post, q.infix, d["_pre_qual"])
    stmt = semantics.statement(part, is_target, before, clause_left, late=time.late)
    measure, direction = semantics.measure_and_direction(d["_family"], d["_predicate"], indicator, q.value)
    if work.startswith("翻", q.start):
        direction = "up"  # 翻一番: doubled
    ref_year = timescope.reference_year(time.plan_year, stmt, before, time.delivery_year)
    code = indicator_code(indicator)
    if not code_fits_unit(code, d["_family"]):
        code = None  # 8个库区重点区县经济增速…: a count of districts is not GDP
    period = semantics.period(clause_left, d["_period_lead"]) or timescope.base_period(before, measure, ref_year)
    base = timescope.base_year(before, measure)
    return {
        "doc_id": None, "metric_id": None, "sentence_id": None,
        "indicator": indicator,
        "value_text": text[q.start:q.end],
        "value": float(q.value),
        "unit": d["unit"],
        "qualifier": qual,
        "period": period,
        "char_start": q.start, "char_end": q.end,
        "value_high": float(q.value_high) if q.value_high is not None else None,
        "indicator_code": code,
        "measure": measure,
        "direction": direction,
        "target_strength": semantics.target_strength(stmt, qual, d["_pre_word"], clause_left),
        "statement": stmt,
        "reference_year": ref_year,
        "period_kind": timescope.period_kind(period, base, ref_year),
        "base_year": base,
        "is_stretch_marked": timescope.is_stretch_marked(before),
        "signed_value": timescope.signed_value(float(q.value), measure, direction),
    }
