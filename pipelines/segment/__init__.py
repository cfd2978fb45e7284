"""clean_text → sections, paragraphs, sentences. (First version; replaced by the segment stage.)"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipelines import contracts

_H1 = re.compile(r"^[一二三四五六七八九十]+、")
_H2 = re.compile(r"^（[一二三四五六七八九十]+）")
_SENT = re.compile(r"[^。！？；]*[。！？；]?")


@dataclass
class Segmentation:
    sections: list[dict] = field(default_factory=list)
    paragraphs: list[dict] = field(default_factory=list)
    sentences: list[dict] = field(default_factory=list)


def segment_document(doc_id, clean_text, heading_hints=None):
    seg = Segmentation()
    pos = 0
    stack: list[dict] = []
    for line in clean_text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        level = 1 if _H1.match(line) else 2 if _H2.match(line) else None
        if level and len(line) < 40:
            while stack and stack[-1]["level"] >= level:
                stack.pop()
            sec = {"doc_id": doc_id, "section_id": contracts.section_id(doc_id, len(seg.sections) + 1),
                   "parent_section_id": stack[-1]["section_id"] if stack else None, "level": level,
                   "ordinal": 1 + sum(1 for s in seg.sections if s["parent_section_id"] == (stack[-1]["section_id"] if stack else None)),
                   "heading": line, "char_start": start, "char_end": end,
                   "part": "review" if "回顾" in line else "other", "content_end": len(clean_text)}
            seg.sections.append(sec)
            stack.append(sec)
            continue
        if not line:
            continue
        sid = stack[-1]["section_id"] if stack else None
        part = stack[0]["part"] if stack else "other"
        pid = contracts.paragraph_id(doc_id, len(seg.paragraphs) + 1)
        seg.paragraphs.append({"doc_id": doc_id, "paragraph_id": pid, "section_id": sid,
                               "ordinal": len(seg.paragraphs) + 1, "text": line, "char_start": start,
                               "char_end": end, "part": part})
        for m in _SENT.finditer(line):
            if m.group().strip():
                seg.sentences.append({"doc_id": doc_id, "sentence_id": contracts.sentence_id(doc_id, len(seg.sentences) + 1),
                                      "paragraph_id": pid, "section_id": sid, "ordinal": len(seg.sentences) + 1,
                                      "text": m.group(), "char_start": start + m.start(), "char_end": start + m.end(),
                                      "part": part, "is_target_statement": "主要预期目标" in m.group()})
    return seg
