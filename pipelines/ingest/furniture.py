"""Page furniture removal, driven by the rules table ``furniture_rules.csv``.

Each row of the table is one pattern: ``name``, ``kind`` (navigation, toolbar, byline, counter,
disclaimer, page_address, comment_box, pager, related_links, dateline, caption, escape, script),
``where`` it applies, the ``pattern`` (a Python regex), ``keep`` (the metadata field that the named
group ``value`` fills, e.g. ``source_url``) and an ``example`` from a real page.

``where``:
- ``text``     — substituted anywhere in the raw text before it is split into lines (HTML comments,
  literal ``<U+00A0>`` escapes, zero-width characters);
- ``line``     — a whole line (stripped) that matches is dropped, wherever it is;
- ``head``     — like ``line`` but only before the salutation (``各位代表：``), where wire datelines
  and photo captions sit;
- ``tail_cut`` — the line and everything after it are dropped (share boxes, related links), but only
  when what follows is short (at most ``TAIL_CUT_MAX_SHARE`` of the text and ``TAIL_CUT_MAX_CHARS``
  characters); otherwise only the line is dropped, so no report text is ever lost to a misplaced
  toolbar.

A new site's furniture is a new row. Scrapers also split one toolbar over several lines
(``【字体：`` / ``小`` / ``中`` / ``大`` / ``】``); ``join_fragments`` glues such short fragments
back before the line rules run.
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

RULES_PATH = Path(__file__).with_name("furniture_rules.csv")
WHERE_VALUES = ("text", "line", "head", "tail_cut")
TAIL_CUT_MAX_SHARE = 0.2
TAIL_CUT_MAX_CHARS = 5000
HEAD_MAX_LINES = 40
LINE_RULE_MAX_CHARS = 500  # furniture lines are short; report paragraphs longer than this skip the rules
MIN_REPEAT_RUN_CHARS = 200

SALUTATION = re.compile(r"^(?:各位代表|同志们|代表们|各位委员)")


@dataclass(frozen=True)
class FurnitureRule:
    name: str
    kind: str
    where: str
    pattern: str
    keep: str | None
    example: str


def load_rules(path: Path = RULES_PATH) -> list[FurnitureRule]:
    with path.open(encoding="utf-8", newline="") as f:
        rules = [
            FurnitureRule(r["name"], r["kind"], r["where"], r["pattern"], r["keep"] or None, r["example"])
            for r in csv.DictReader(f)
        ]
    for rule in rules:
        if rule.where not in WHERE_VALUES:
            raise ValueError(f"furniture rule {rule.name}: where={rule.where!r} not in {WHERE_VALUES}")
        re.compile(rule.pattern)
    return rules


@dataclass
class _LineMatcher:
    """All rules of one ``where`` as one anchored alternation; group ``r<i>`` names rule i."""

    regex: re.Pattern
    rules: list[FurnitureRule]

    def match(self, line: str) -> tuple[FurnitureRule, str | None] | None:
        m = self.regex.fullmatch(line)
        if not m:
            return None
        for i, rule in enumerate(self.rules):
            if m.group(f"r{i}") is not None:
                value = m.group(f"v{i}") if f"v{i}" in self.regex.groupindex else None
                return rule, value
        return None  # pragma: no cover - one group always matched


def _line_matcher(rules: list[FurnitureRule]) -> _LineMatcher:
    parts = []
    for i, rule in enumerate(rules):
        pattern = rule.pattern.replace("(?P<value>", f"(?P<v{i}>")
        parts.append(f"(?P<r{i}>{pattern})")
    return _LineMatcher(re.compile("|".join(parts) or "(?!)"), rules)


@dataclass
class Ruleset:
    rules: list[FurnitureRule]
    text_rules: list[tuple[FurnitureRule, re.Pattern]] = field(init=False)
    line: _LineMatcher = field(init=False)
    head: _LineMatcher = field(init=False)
    tail_cut: _LineMatcher = field(init=False)

    def __post_init__(self) -> None:
        self.text_rules = [(r, re.compile(r.pattern, re.S)) for r in self.rules if r.where == "text"]
        self.line = _line_matcher([r for r in self.rules if r.where == "line"])
        self.head = _line_matcher([r for r in self.rules if r.where == "head"])
        self.tail_cut = _line_matcher([r for r in self.rules if r.where == "tail_cut"])


@lru_cache(maxsize=1)
def default_ruleset() -> Ruleset:
    return Ruleset(load_rules())


@dataclass
class FurnitureResult:
    lines: list[tuple[str, int | None]]  # kept (line, heading level)
    removed: list[tuple[str, str]]  # (rule name, removed line)
    metadata: dict[str, str]


def _unescape_codepoint(m: re.Match) -> str:
    return chr(int(m.group("hex"), 16))


def apply_text_rules(text: str, ruleset: Ruleset | None = None) -> str:
    ruleset = ruleset or default_ruleset()
    for rule, regex in ruleset.text_rules:
        if rule.name == "escaped_codepoint":
            text = regex.sub(_unescape_codepoint, text)
        elif rule.name == "html_comment":
            text = regex.sub("\n", text)
        else:
            text = regex.sub("", text)
    return text


# -- gluing scraper fragments -------------------------------------------------------------------
FRAGMENT_MAX = 40
_OPEN_BRACKET_ONLY = re.compile(r"^[【\[][^】\]]{0,20}$")
_CLOSE_ONLY = re.compile(r"^[)）】\]]$")
_SEPARATOR_ONLY = re.compile(r"^(?:>|>>|»|›|→|＞|/|\|)$")
# labels whose value a scraper put on the next line (发表时间： / 2026-02-09 09:45:30)
_LABEL_ONLY = re.compile(
    r"^[【\[（(]?\s*(?:当前位置|您的位置|来源|发表时间|发布时间|发布日期|责任编辑|编辑|作者|本文地址)\s*[：:]$"
)
# a next line that is report text, never a label's value
_REPORT_LINE = re.compile(r"会议|人民代表大会|工作报告|各位代表|[。；！]")


def join_fragments(lines: list[str]) -> list[str]:
    """Glue toolbar/breadcrumb/label fragments that a scraper put on separate lines."""
    return [text for text, _ in join_fragment_items([(line, None) for line in lines])]


Item = tuple[str, "int | None"]


def join_fragment_items(items: list[Item]) -> list[Item]:
    """``join_fragments`` on (line, heading level) pairs; a joined line keeps the first level."""
    lines = [text for text, _ in items]
    levels = [level for _, level in items]
    out: list[str] = []
    out_levels: list[int | None] = []
    i, n = 0, len(lines)
    while i < n:
        line = lines[i]
        start = i
        if _OPEN_BRACKET_ONLY.match(line):  # 【 / 打印本页 / 】  →  【 打印本页 】
            j = i + 1
            while j < n and j - i <= 8 and len(lines[j]) <= FRAGMENT_MAX and not re.search(r"[】\]]", lines[j - 1]):
                if re.search(r"[】\]]", lines[j]):
                    j += 1
                    break
                j += 1
            if j - 1 > i and re.search(r"[】\]]", lines[j - 1]):
                line = " ".join(lines[i:j])
                i = j - 1
        elif _SEPARATOR_ONLY.match(line) and out and i + 1 < n and len(out[-1]) <= FRAGMENT_MAX * 2:
            out[-1] = f"{out[-1]} {line} {lines[i + 1]}"
            i += 2
            continue
        elif _CLOSE_ONLY.match(line) and out:
            out[-1] = out[-1] + line
            i += 1
            continue
        elif (
            _LABEL_ONLY.match(line)
            and i + 1 < n
            and len(lines[i + 1]) <= FRAGMENT_MAX
            and not _LABEL_ONLY.match(lines[i + 1])
            and not _OPEN_BRACKET_ONLY.match(lines[i + 1])
            and not _REPORT_LINE.search(lines[i + 1])
        ):
            line = f"{line} {lines[i + 1]}"
            i += 1
            # a breadcrumb continues over separators: 当前位置： 首页 > 政务信息 > 宁夏要闻
            while i + 2 < n and _SEPARATOR_ONLY.match(lines[i + 1]) and len(lines[i + 2]) <= FRAGMENT_MAX:
                line = f"{line} {lines[i + 1]} {lines[i + 2]}"
                i += 2
        out.append(line)
        out_levels.append(levels[start])
        i += 1
    return list(zip(out, out_levels))


def _head_end(lines: list[str]) -> int:
    for i, line in enumerate(lines[:HEAD_MAX_LINES]):
        if SALUTATION.match(line):
            return i
    return min(len(lines), 12)


def remove_furniture(items: list[Item], ruleset: Ruleset | None = None) -> FurnitureResult:
    """Drop furniture lines from (line, heading level) pairs (lines stripped, non-empty).

    Returns the kept pairs, what was removed by which rule, and the metadata that rules keep.
    """
    ruleset = ruleset or default_ruleset()
    items = join_fragment_items(items)
    lines = [text for text, _ in items]
    total = sum(len(l) for l in lines) or 1
    head_end = _head_end(lines)
    kept: list[Item] = []
    removed: list[tuple[str, str]] = []
    metadata: dict[str, str] = {}
    for i, line in enumerate(lines):
        if len(line) > LINE_RULE_MAX_CHARS:
            kept.append(items[i])
            continue
        hit = ruleset.line.match(line)
        if hit is None and i < head_end:
            hit = ruleset.head.match(line)
        if hit is None:
            cut = ruleset.tail_cut.match(line)
            if cut is not None:
                rest = sum(len(l) for l in lines[i:])
                if rest <= TAIL_CUT_MAX_CHARS and rest <= TAIL_CUT_MAX_SHARE * total:
                    removed.extend((cut[0].name, l) for l in lines[i:])
                    break
                hit = cut
        if hit is None:
            kept.append(items[i])
            continue
        rule, value = hit
        removed.append((rule.name, line))
        if rule.keep and value and rule.keep not in metadata:
            metadata[rule.keep] = value.strip()
    keep_mask = repeated_run_mask([text for text, _ in kept])
    # a page title or dateline repeated after the body (the tail of a page saved several times):
    # a short head line that comes back at the very end, its first copy kept
    head = [t for t, _ in kept[: _head_end([t for t, _ in kept])]]
    head_texts = {t for t in head if len(t) <= 100}
    j = len(kept) - 1
    while j > len(kept) // 2 and j >= len(head) and (kept[j][0] in head_texts or not keep_mask[j]):
        keep_mask[j] = False
        j -= 1
    removed.extend(("repeated_body", item[0]) for item, k in zip(kept, keep_mask) if not k)
    kept = [item for item, k in zip(kept, keep_mask) if k]
    return FurnitureResult(kept, removed, metadata)


def drop_repeated_runs(lines: list[str]) -> tuple[list[str], list[str]]:
    """(kept lines, dropped lines); see ``repeated_run_mask``."""
    mask = repeated_run_mask(lines)
    return [l for l, k in zip(lines, mask) if k], [l for l, k in zip(lines, mask) if not k]


def repeated_run_mask(lines: list[str]) -> list[bool]:
    """Keep one copy of a page body saved several times in one file.

    A run of consecutive lines that repeats, in the same order, a run seen earlier is dropped when
    it carries at least ``MIN_REPEAT_RUN_CHARS`` characters (a short line such as ``各位代表！``
    that a report legitimately repeats is never a run on its own).
    """
    first_seen: dict[str, list[int]] = {}
    keep = [True] * len(lines)
    i = 0
    n = len(lines)
    while i < n:
        best_len, best_chars = 0, 0
        for k in first_seen.get(lines[i], ()):
            d, chars = 0, 0
            while i + d < n and k + d < i and lines[k + d] == lines[i + d]:
                chars += len(lines[i + d])
                d += 1
            if chars > best_chars:
                best_len, best_chars = d, chars
        if best_chars >= MIN_REPEAT_RUN_CHARS:
            for d in range(best_len):
                keep[i + d] = False
            i += best_len
            continue
        first_seen.setdefault(lines[i], []).append(i)
        i += 1
    return keep
