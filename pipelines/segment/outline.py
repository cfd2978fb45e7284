"""Find the headings of a document and build the section tree.

Every line of ``clean_text`` is a paragraph candidate. A line is a heading when:
- own-line numbered: it starts with a numbering marker (``rules.HEADING_STYLES``) and is short
  (≤ ``MAX_NUMBERED_HEADING``) with no sentence terminator except one final ``。``;
- run-in numbered: it starts with a marker and its first top-level ``。`` comes within
  ``MAX_NUMBERED_HEADING`` characters; the heading is the text before that ``。`` and the line stays a
  paragraph (``（一）着力推动“四稳”政策落地。面对…``);
- hinted: the source marked the whole line up (Markdown ``##`` / ``**bold**``, passed as
  ``heading_hints``); numbered → its marker's style, unnumbered → "plain" (≤ ``MAX_HINTED_HEADING``);
- plain: an unnumbered short line (≤ ``MAX_PLAIN_HEADING``) that starts with a CJK character, digit,
  ``“`` or ``《``, has no sentence punctuation, is not a dateline (``——…会议上``) nor a speaker line
  (``国务院总理 李强``).
Lines before the salutation (``各位代表：``) that qualify as plain/hinted headings are "title" headings:
level 1, never parents.

Nesting: each style has a rank (``第一部分`` 0 < ``一、`` 1 < ``（一）`` 2 < ``1.`` 3 < ``（1）`` 4 < ``①`` 5).
A heading closes every open heading of rank ≥ its own and nests under the last one left open; its
level is its depth. Plain headings rank 0.5 (above ``一、``) in a document where ``一、`` numbering
restarts after a plain heading, else 1 (siblings of ``一、``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import rules

STYLE_MARKERS = [(name, rank, re.compile(rx)) for name, rank, rx in rules.HEADING_STYLES]
HEADING_MARKER = re.compile("|".join(f"(?P<{name}>{rx})" for name, _, rx in rules.HEADING_STYLES))
STYLE_RANK = {name: rank for name, rank, _ in rules.HEADING_STYLES}
SALUTATION = re.compile(rules.SALUTATION)
SPEAKER_LINE = re.compile(
    r"(?:" + "|".join(sorted(map(re.escape, rules.SPEAKER_TITLES), key=len, reverse=True))
    + r")\s?[\u4e00-\u9fff·]{1,4}(?:\s[\u4e00-\u9fff·]{1,3})?$"
)
NON_HEADING_LINE = re.compile("|".join(rules.NON_HEADING_LINE))
PLAIN_HEADING_START = re.compile(r"[\u4e00-\u9fff\d“《]")
HAS_CJK = re.compile(r"[\u4e00-\u9fff]")
RUN_IN_SPACE = re.compile(rules.RUN_IN_SPACE)
RUN_IN_BOLD_TRAILER = rules.RUN_IN_BOLD_TRAILER
RUN_IN_CONTINUES = tuple(rules.RUN_IN_CONTINUES)
RUN_IN_OPEN_CLAUSE = tuple(rules.RUN_IN_OPEN_CLAUSE)
RUN_IN_TERM = tuple(rules.RUN_IN_TERM)
SENTENCE_END = re.compile(r"[。！？；]")
GLOSSARY_HEADING = re.compile(rules.GLOSSARY_HEADING)
GLOSSARY_LINE = re.compile(rf"^(?:附\s*[：:]\s*)?(?:{rules.GLOSSARY_HEADING})[^。；！？：:]{{0,8}}[：:]?$")
FIRST_TOP_LEVEL_STOP = re.compile(r"[。！？!?“”（）()《》]")
SENTENCE_PUNCT = re.compile(r"[。！？!?；]")
TITLE_WORD = re.compile(rules.TITLE_WORD)
BODY_PUNCT = re.compile(r"[。！？；]")
CN_DIGITS = {c: i for i, c in enumerate("零一二三四五六七八九")}


@dataclass
class Heading:
    line_index: int
    char_start: int
    char_end: int          # end of the heading text (exclusive)
    style: str             # a HEADING_STYLES name, "plain" or "title"
    run_in: bool           # the line continues after the heading (it is also a paragraph)
    number: int | None = None
    hint_level: int | None = None  # Markdown level of the source hint (0 = bold), None = no hint
    rank: float = 0.0
    level: int = 0
    parent: int | None = None      # index into the headings list
    ordinal: int = 0
    content_end: int = 0
    part: str = "other"
    child_part: str = "other"      # default part of subsections
    part_reason: str = ""          # which signal set the part (rule, years, target, plans, tense, default)
    children: list[int] = field(default_factory=list)


def _cn_number(s: str) -> int | None:
    """一→1, 十→10, 十二→12, 二十三→23; None when not a simple numeral."""
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if "十" in s:
        a, _, b = s.partition("十")
        tens = CN_DIGITS.get(a, None) if a else 1
        ones = CN_DIGITS.get(b, None) if b else 0
        if tens is None or ones is None:
            return None
        return tens * 10 + ones
    if len(s) == 1:
        return CN_DIGITS.get(s)
    return None


_MARKER_NUMBER = re.compile(r"[一二三四五六七八九十百零〇两]+|\d+")


def _marker_number(marker: str) -> int | None:
    m = _MARKER_NUMBER.search(marker)
    return _cn_number(m.group()) if m else None


def _top_level_stop(line: str, start: int) -> int | None:
    """Position of the first 。！？ outside quotes/brackets at or after ``start``; None if none."""
    depth = 0
    for m in FIRST_TOP_LEVEL_STOP.finditer(line, start):
        ch = m.group()
        if ch in "“（(《":
            depth += 1
        elif ch in "”）)》":
            depth = max(depth - 1, 0)
        elif depth == 0:
            return m.start()
    return None


def _bold_boundary(line: str, marker_end: int, bold_end: int, stop: int | None) -> bool:
    """Whether a bold span opening a numbered line ends its run-in heading: the bold is ≤
    ``MAX_NUMBERED_HEADING`` long; the rest of the line is a paragraph (holds a sentence end) and does
    not continue the bold clause (``**…促“四大改变”**[9]，推动…``); a bold that ends in a comma
    (``**（一）以优化营商环境为基础，**全面深化改革。``) only when no ``。`` ends the heading first; a bold
    that ends in a colon (a defined term, ``**5、“多规合一”：**…``) only shortens a heading the ``。``
    rule finds anyway, it makes no new one."""
    if not marker_end < bold_end <= rules.MAX_NUMBERED_HEADING:
        return False
    rest = line[bold_end:].lstrip(" ")
    if not rest or rest[0] in RUN_IN_CONTINUES or not SENTENCE_END.search(rest):
        return False
    if line[:bold_end].rstrip(" ").endswith(RUN_IN_OPEN_CLAUSE):
        return stop is None or stop > rules.MAX_NUMBERED_HEADING
    if line[:bold_end].rstrip(" ").endswith(RUN_IN_TERM):  # a term being defined (glossary entry)
        return stop is not None and stop <= rules.MAX_NUMBERED_HEADING
    return True


def _numbered(line: str, hinted: bool, bold_end: int | None = None) -> tuple[str, int, bool, str] | None:
    """(style, heading length, run_in, marker) if the line starts a numbered heading.

    ``bold_end``: length of a bold span opening the line (a run-in hint, ``**（二）…结构**积极支持…``):
    the heading ends there (less a final ``。：，``), or at an earlier ``。``. The bold is a boundary only
    when a paragraph follows it (``_bold_boundary``)."""
    m = HEADING_MARKER.match(line)
    if not m:
        return None
    style = m.lastgroup
    marker = m.group()
    stop = _top_level_stop(line, m.end())
    if bold_end is not None and _bold_boundary(line, m.end(), bold_end, stop):
        end = bold_end
        while end > m.end() and line[end - 1] in RUN_IN_BOLD_TRAILER:
            end -= 1
        if stop is not None and m.end() < stop < end:
            end = stop
        if len(HAS_CJK.findall(line, m.end(), end)) >= rules.MIN_RUN_IN_HEADING_CJK:
            return style, end, True, marker
    if stop is not None:
        space = RUN_IN_SPACE.search(line, m.end(), min(stop, rules.MAX_NUMBERED_HEADING))
        if space and len(HAS_CJK.findall(line, m.end(), space.start())) >= rules.MIN_RUN_IN_HEADING_CJK:
            return style, space.start(), True, marker
    if stop is None:
        # own-line: no terminator at all
        if len(line) > (rules.MAX_NUMBERED_HEADING if not hinted else 2 * rules.MAX_NUMBERED_HEADING):
            return None
        if not hinted and SENTENCE_PUNCT.search(line):
            # a "；"-list item, not a heading
            return None
        if not HAS_CJK.search(line) and m.end() < len(line):
            return None
        return style, len(line), False, marker
    if stop > rules.MAX_NUMBERED_HEADING or stop <= m.end():
        return None
    if stop == len(line) - 1:
        return style, stop, False, marker          # "一、xxx。" alone on its line
    return style, stop, True, marker


def _plain_ok(line: str, hinted: bool) -> bool:
    limit = rules.MAX_HINTED_HEADING if hinted else rules.MAX_PLAIN_HEADING
    if len(line) > limit or not PLAIN_HEADING_START.match(line) or not HAS_CJK.search(line):
        return False
    if SPEAKER_LINE.search(line):
        return False
    body = line[:-1] if hinted and line.endswith(("：", ":", "。")) else line
    if NON_HEADING_LINE.search(body):
        return False
    return True


def find_headings(lines: list[tuple[int, int]], text: str, hinted_lines: dict[int, int],
                  run_in_ends: dict[int, int] | None = None) -> list[Heading]:
    """Headings in document order. ``lines``: (start, end) of every non-empty line; ``run_in_ends``:
    line index -> length of the bold span opening it (run-in hints)."""
    run_in_ends = run_in_ends or {}
    heads: list[Heading] = []
    in_title_block = True
    for i, (s, e) in enumerate(lines):
        line = text[s:e]
        hint_level = hinted_lines.get(i)
        hinted = hint_level is not None
        if in_title_block and SALUTATION.match(line):
            in_title_block = False
            continue
        num = _numbered(line, hinted, run_in_ends.get(i))
        if num:
            style, length, run_in, marker = num
            heads.append(Heading(i, s, s + length, style, run_in, _marker_number(marker), hint_level))
            in_title_block = False
            continue
        if not in_title_block and GLOSSARY_LINE.match(line):  # 名词解释： / 附：名词解释 (notes, not body)
            heads.append(Heading(i, s, e - 1 if line.endswith(("：", ":")) else e, "plain", False, None, hint_level))
            continue
        if _plain_ok(line, hinted) and (not in_title_block or hinted or TITLE_WORD.search(line)):
            end = e - 1 if line.endswith(("：", ":", "。")) else e
            heads.append(Heading(i, s, end, "title" if in_title_block else "plain", False, None, hint_level))
            continue
        if in_title_block and len(line) > rules.MAX_PLAIN_HEADING and BODY_PUNCT.search(line):
            in_title_block = False  # body text started without a salutation
    return heads


def build_tree(heads: list[Heading], text_end: int) -> None:
    """Set rank, level, parent, ordinal and content_end on every heading (in place)."""
    plain_rank = 1.0
    last_plain: Heading | None = None
    for h in heads:
        if h.style == "plain":
            last_plain = h
        elif h.style == "cn" and last_plain is not None:
            same_markup = bool(h.hint_level) and h.hint_level == last_plain.hint_level
            if h.number == 1 and not same_markup:
                plain_rank = 0.5
                break
            last_plain = None
    for h in heads:
        if h.style == "title":
            h.rank = 1.0
        elif h.style == "plain":
            h.rank = plain_rank
        else:
            h.rank = STYLE_RANK[h.style]
    for h in heads:
        h.children = []
    stack: list[int] = []
    sibling_count: dict[int | None, int] = {}
    for idx, h in enumerate(heads):
        while stack and (heads[stack[-1]].rank >= h.rank or heads[stack[-1]].style == "title"):
            heads[stack.pop()].content_end = -1  # closed; real value set below
        h.parent = stack[-1] if stack else None
        h.level = len(stack) + 1
        sibling_count[h.parent] = sibling_count.get(h.parent, 0) + 1
        h.ordinal = sibling_count[h.parent]
        if h.parent is not None:
            heads[h.parent].children.append(idx)
        stack.append(idx)
    # content_end: start of the next heading that is not a descendant (or the text end)
    for idx, h in enumerate(heads):
        end = text_end
        for j in range(idx + 1, len(heads)):
            if heads[j].level <= h.level:
                end = heads[j].char_start - 1  # the "\n" before the next heading's line
                break
        h.content_end = max(end, h.char_end)


def drop_glossary_entries(heads: list[Heading], text: str) -> list[Heading]:
    """Headings without the numbered entries under a glossary (``名词解释``, ``注释``): those lines are
    paragraphs of the glossary section. Call after ``build_tree``; rebuild the tree afterwards."""
    drop: set[int] = set()
    for idx, h in enumerate(heads):
        if idx in drop or h.style == "title" or not GLOSSARY_HEADING.search(text[h.char_start:h.char_end]):
            continue
        for j in range(idx + 1, len(heads)):
            if heads[j].level <= h.level:
                break
            drop.add(j)
    return [h for idx, h in enumerate(heads) if idx not in drop] if drop else heads
