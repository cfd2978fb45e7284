"""``segment_document``: clean_text → sections, paragraphs, sentences (the stage contract)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import contracts
from . import rules
from .outline import build_tree, drop_glossary_entries, find_headings
from .parts import assign_parts
from .sentences import split_sentences
from .targets import flag_target_statements

LINE = re.compile(r"[^\n]+")
CLOSING_OPENER = re.compile(rules.CLOSING_OPENER)


@dataclass
class Segmentation:
    sections: list[dict] = field(default_factory=list)
    paragraphs: list[dict] = field(default_factory=list)
    sentences: list[dict] = field(default_factory=list)


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line with content, leading/trailing spaces excluded."""
    out = []
    for m in LINE.finditer(text):
        s, e = m.span()
        while s < e and text[s] in " \t\r\u3000":
            s += 1
        while e > s and text[e - 1] in " \t\r\u3000":
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _hinted_lines(lines: list[tuple[int, int]], hints: list[dict] | None) -> dict[int, int]:
    """Line index -> hint level, for lines that a source hint covers entirely (a marked-up heading)."""
    if not hints:
        return {}
    starts = {s: i for i, (s, _) in enumerate(lines)}
    out: dict[int, int] = {}
    for h in hints:
        i = starts.get(h["char_start"])
        if i is not None and h["char_end"] >= lines[i][1] and not h.get("run_in"):
            out[i] = int(h.get("level") or 0)
    return out


def _run_in_ends(lines: list[tuple[int, int]], hints: list[dict] | None) -> dict[int, int]:
    """Line index -> length of the bold span that opens it (hints with ``run_in``: the source marked
    ``**（二）…**正文…``), for lines the span covers only in part."""
    if not hints:
        return {}
    starts = {s: i for i, (s, _) in enumerate(lines)}
    out: dict[int, int] = {}
    for h in hints:
        if not h.get("run_in"):
            continue
        i = starts.get(h["char_start"])
        if i is not None and h["char_start"] < h["char_end"] < lines[i][1]:
            out[i] = h["char_end"] - h["char_start"]
    return out


def segment_document(doc_id: str, clean_text: str, heading_hints: list[dict] | None = None) -> Segmentation:
    text = clean_text
    lines = _lines(text)
    heads = find_headings(lines, text, _hinted_lines(lines, heading_hints), _run_in_ends(lines, heading_hints))
    build_tree(heads, len(text.rstrip()))
    entries_dropped = drop_glossary_entries(heads, text)
    if entries_dropped is not heads:
        heads = entries_dropped
        build_tree(heads, len(text.rstrip()))
    assign_parts(heads, text)

    seg = Segmentation()
    sec_ids = [contracts.section_id(doc_id, n) for n in range(1, len(heads) + 1)]
    for n, h in enumerate(heads):
        seg.sections.append({
            "doc_id": doc_id, "section_id": sec_ids[n],
            "parent_section_id": sec_ids[h.parent] if h.parent is not None else None,
            "level": h.level, "ordinal": h.ordinal, "heading": text[h.char_start:h.char_end],
            "char_start": h.char_start, "char_end": h.char_end, "part": h.part,
            "content_end": h.content_end,
        })

    # paragraphs: every line except own-line headings; section = innermost heading at or before it
    head_at_line = {h.line_index: n for n, h in enumerate(heads)}
    closing_from = _closing_start(lines, text, heads, head_at_line)
    current: int | None = None
    para_rows: list[tuple[int, int, int | None, str]] = []
    for i, (s, e) in enumerate(lines):
        n = head_at_line.get(i)
        if n is not None:
            current = n
            if not heads[n].run_in:
                continue
        part = heads[current].part if current is not None else "other"
        if current is not None and not heads[current].run_in and heads[current].children \
                and heads[current].child_part != heads[current].part:
            part = heads[current].part  # intro paragraphs of a plan-then-tasks section
        if closing_from is not None and i >= closing_from and (current is None or part != "other"
                                                                or heads[current].line_index < closing_from):
            part = "closing"
        para_rows.append((s, e, current, part))

    sent_no = 0
    for p_no, (s, e, cur, part) in enumerate(para_rows, start=1):
        pid = contracts.paragraph_id(doc_id, p_no)
        sid = sec_ids[cur] if cur is not None else None
        ptext = text[s:e]
        seg.paragraphs.append({
            "doc_id": doc_id, "paragraph_id": pid, "section_id": sid, "ordinal": p_no,
            "text": ptext, "char_start": s, "char_end": e, "part": part,
        })
        for a, b in split_sentences(ptext):
            sent_no += 1
            seg.sentences.append({
                "doc_id": doc_id, "sentence_id": contracts.sentence_id(doc_id, sent_no),
                "paragraph_id": pid, "section_id": sid, "ordinal": sent_no,
                "text": ptext[a:b], "char_start": s + a, "char_end": s + b, "part": part,
                "is_target_statement": False,
            })
    flag_target_statements(seg.sentences)
    return seg


def _closing_start(lines, text, heads, head_at_line) -> int | None:
    """Line index where the closing starts: the last "各位代表！" line with no body heading after it."""
    last_body_head = max((h.line_index for h in heads if h.part != "other"), default=-1)
    for i in range(len(lines) - 1, last_body_head, -1):
        s, e = lines[i]
        if CLOSING_OPENER.match(text, s, e):
            return i
    return None
