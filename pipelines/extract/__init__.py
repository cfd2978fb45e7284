"""Sentences → metric mentions. (First version; replaced by the extraction stage.)"""
from __future__ import annotations

import re

from pipelines import contracts

_MAG = {"万": 1e4, "亿": 1e8, "万亿": 1e12, "千": 1e3, "百": 1e2, "": 1}
_NUM = re.compile(r"(?<![\d.])(?P<num>\d+(?:\.\d+)?)(?P<yu>余|多)?(?P<mag>万亿|亿|万|千)?"
                  r"(?P<unit>元/平方公里|元|%|个百分点|人次|户|家|个|名|条次|公里)(?P<post>左右|以上)?")
_PRE = {"突破": ">", "超": ">", "逾": ">", "约": "~", "达": "="}


def extract_mentions(text, *, report_year=None, part=None, is_target_statement=False):
    out = []
    for m in _NUM.finditer(text):
        unit = m["unit"].replace("个百分点", "百分点")
        qual = "="
        for w, q in _PRE.items():
            if text[max(0, m.start() - len(w)):m.start()] == w:
                qual = q
        if m["yu"]:
            qual = ">"
        if m["post"]:
            qual = "~" if m["post"] == "左右" else ">="
        out.append({"indicator": None, "value_text": m.group(), "value": float(m["num"]) * _MAG[m["mag"] or ""],
                    "unit": unit, "qualifier": qual, "period": None, "char_start": m.start(),
                    "char_end": m.end(), "value_high": None, "indicator_code": None, "measure": None,
                    "direction": None, "target_strength": None, "statement": None, "reference_year": None})
    return out


def extract_document_metrics(doc, sentences):
    rows = []
    for s in sentences:
        for m in extract_mentions(s["text"], report_year=doc.get("year")):
            m.update(doc_id=doc["doc_id"], metric_id=contracts.metric_id(doc["doc_id"], len(rows) + 1),
                     sentence_id=s["sentence_id"], char_start=s["char_start"] + m["char_start"],
                     char_end=s["char_start"] + m["char_end"])
            rows.append(m)
    return rows
