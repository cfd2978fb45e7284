"""Assign a ``part`` to every section from its heading (rules in ``part_rules.csv``).

- A top-level section takes the part of the first rule whose pattern matches its heading. Unmatched
  top-level sections are ``tasks`` once a review or plan section has been seen (older reports list the
  year's work areas as top-level sections: ``二、坚持实行扩大内需的方针``), else ``other``.
- A rule with mode ``tasks`` (``2024年工作安排``, ``对今年政府工作的建议``) makes the section ``plan``
  (its own paragraphs are the general requirements and targets) and its subsections ``tasks``.
- A subsection inherits its parent's part, except that it switches to ``self_building`` or ``other``
  (notes) when its heading says so, and to ``plan`` when it sits under a plan-then-tasks section
  and its heading names requirements or targets (``（一）总体要求``).
- Title headings (before the salutation) are ``other``.
"""
from __future__ import annotations

import csv
import re
from pathlib import Path

from typing import NamedTuple

from . import position
from . import rules as rules_data
from .outline import Heading
from .targets import candidate_offsets

_RULES_FILE = Path(__file__).with_name("part_rules.csv")


class Rule(NamedTuple):
    order: int
    part: str
    mode: str
    pattern: re.Pattern


def _load_rules() -> list[Rule]:
    with _RULES_FILE.open(encoding="utf-8") as f:
        rows = sorted(csv.DictReader(f), key=lambda r: int(r["order"]))
    return [Rule(int(r["order"]), r["part"], r["mode"], re.compile(r["pattern"])) for r in rows]


PART_RULES = _load_rules()
DOCUMENT_HEADING = re.compile(rules_data.DOCUMENT_HEADING)
OPENING_YEAR = re.compile(rules_data.PLAN_OPENING)
FUTURE_HEADING = re.compile(rules_data.FUTURE_HEADING)


def classify_heading(heading: str) -> Rule | None:
    """The first rule whose pattern matches the heading, or None."""
    for rule in PART_RULES:
        if rule.pattern.search(heading):
            return rule
    return None


BODY_PARTS = ("review", "plan", "tasks")
# rules a heading's years may override: "the year's work" (一、2013年主要工作 before 二、2014年…) and
# plan/tasks words, never self_building, notes, review or the five-year-plan rule
_FIVE_YEAR_RULE = 0


def _overridable(rule: Rule | None) -> bool:
    return rule is None or (rule.part in ("plan", "tasks") and rule.order != _FIVE_YEAR_RULE)


class _Placer:
    """Parts of one group of sibling sections (the top level, or the children of an unclassified
    wrapper such as 佛山 2011's ``五年奋进 实现大跨越``), by rule, then by position."""

    def __init__(self, heads: list[Heading], text: str):
        self.heads, self.text = heads, text
        self.headings = [text[h.char_start:h.char_end] for h in heads]
        self.rules = [None if h.style == "title" else classify_heading(t) for h, t in zip(heads, self.headings)]
        self.year = position.report_year(text)
        self._targets: list[int] | None = None
        self.placed: set[int] = set()

    def targets(self) -> list[int]:
        if self._targets is None:
            self._targets = candidate_offsets(self.text)
        return self._targets

    def _set(self, i: int, part: str, child_part: str, reason: str) -> None:
        h = self.heads[i]
        h.part, h.child_part, h.part_reason = part, child_part, reason

    def place(self, group: list[int]) -> None:
        heads, rules = self.heads, self.rules
        open_ = []   # not placed by a rule yet
        for i in group:
            self.placed.add(i)
            h, rule = heads[i], rules[i]
            if h.style == "title":
                self._set(i, "other", "other", "title")
            elif rule:
                self._set(i, rule.part, rule.mode or rule.part, "rule")
            if h.style != "title" and _overridable(rule):
                open_.append(i)
        self._by_years(group, open_)
        undecided = [i for i in open_ if rules[i] is None and i not in self._decided]
        wrappers = [i for i in undecided if self._is_wrapper(i)]
        for i in wrappers:
            self._set(i, "other", "other", "wrapper")
        undecided = [i for i in undecided if i not in wrappers]
        self._by_target(group, undecided)
        undecided = [i for i in undecided if i not in self._decided]
        self._by_plans(group, [i for i in open_ if i not in self._decided])
        undecided = [i for i in undecided if i not in self._decided]
        self._by_tense(group, set(undecided))
        for i in group:  # an unclassified section: its children are placed as siblings
            if heads[i].part == "other" and rules[i] is None and heads[i].style != "title" and heads[i].children:
                self.place(heads[i].children)

    def _is_wrapper(self, i: int) -> bool:
        """A section that holds the report rather than a part of it: its heading names the document
        (``政府工作报告`` after a forwarding notice) and a subsection has a part rule, or its subsections
        hold the review and the plan/tasks (成都 2017: ``一、2016年工作回顾``, ``二、2017年工作建议`` under
        an unnumbered heading)."""
        h = self.heads[i]
        if not h.children:
            return False
        parts = {self.rules[c].part for c in h.children if self.rules[c] is not None} & set(BODY_PARTS)
        if DOCUMENT_HEADING.search(self.headings[i]):
            return bool(parts)
        return "review" in parts and len(parts) > 1

    _decided: set[int]

    def _by_years(self, group: list[int], open_: list[int]) -> None:
        """一、2013年主要工作 … 二、2014年工作总体要求: the earlier year is the review, the later one (if no
        rule says otherwise) plan with tasks below."""
        self._decided = set()
        years = {i: position.heading_years(self.headings[i]) for i in group}
        for k, i in enumerate(group):
            if i not in open_ or not years[i]:
                continue
            mine = max(years[i])
            later = [y for j in group[k + 1:] for y in years[j]]
            if any(0 < y - mine <= 2 for y in later):
                self._set(i, "review", "review", "years")
                self._decided.add(i)
                continue
            earlier = [max(years[j]) for j in group[:k] if j in self._decided and years[j]]
            if self.rules[i] is None and any(0 < mine - y <= 2 for y in earlier):
                self._set(i, "plan", "tasks", "years")
                self._decided.add(i)

    def _by_target(self, group: list[int], undecided: list[int]) -> None:
        """The unclassified section holding the first target-statement candidate: plan, tasks below."""
        if not undecided:
            return
        heads = self.heads
        for t in self.targets():
            owner = next((i for i in group if heads[i].char_start <= t < heads[i].content_end), None)
            if owner is None or heads[owner].part == "review":
                continue
            if owner in undecided:
                self._set(owner, "plan", "tasks", "target")
                self._decided.add(owner)
            return

    def _by_plans(self, group: list[int], open_: list[int]) -> None:
        """一、跨越赶超的“十二五” … 二、创新转型的“十三五”: a heading naming only an earlier plan is the review
        (also over a plan/tasks rule: 一、“十三五”发展成就和2020年主要工作); an unclassified heading naming the
        current one is plan with tasks below."""
        plans = {i: position.heading_plans(self.headings[i]) for i in group}
        named = sorted({p for ps in plans.values() for p in ps})
        if self.year is not None:   # the plan the report year falls in (a report early in 2021 → 十四五)
            current = next((p for p in range(10, 20) if position.plan_years(p)[1] >= self.year), 20)
        elif len(named) >= 2:
            current = named[-1]
        else:
            return
        for i in open_:
            if not plans[i]:
                continue
            if max(plans[i]) < current:
                self._set(i, "review", "review", "plans")
            elif self.rules[i] is None and not self._past_opening(i, max(plans[i])):
                self._set(i, "plan", "tasks", "plans")
            else:
                continue
            self._decided.add(i)

    def _past_opening(self, i: int, plan: int) -> bool:
        """``一、“十一五”开局之年成效显著`` in a 2007 report: the plan's opening year is already past."""
        return (self.year is not None and OPENING_YEAR.search(self.headings[i]) is not None
                and position.plan_years(plan)[0] < self.year)

    def _tense(self, i: int) -> str | None:
        h = self.heads[i]
        if FUTURE_HEADING.search(self.headings[i]):
            return "future"
        end = min(h.content_end, h.char_end + rules_data.TENSE_WINDOW)
        return position.tense(self.headings[i] + self.text[h.char_end:end], self.year)

    def _by_tense(self, group: list[int], undecided: set[int]) -> None:
        """Before the pivot (the first plan/tasks section): past tense → review, future → plan with
        tasks below. After it, or after a body section when there is no pivot: tasks."""
        heads = self.heads
        pivot = next((k for k, i in enumerate(group) if heads[i].part in ("plan", "tasks")), None)
        seen_body = False
        for k, i in enumerate(group):
            if i not in undecided:
                seen_body = seen_body or heads[i].part in BODY_PARTS
                continue
            h = heads[i]
            if (pivot is None and not seen_body) or (pivot is not None and k < pivot):
                said = self._tense(i)
                if said == "past":
                    self._set(i, "review", "review", "tense")
                elif said == "future":
                    self._set(i, "plan", "tasks", "tense")
                else:
                    self._set(i, *(("tasks",) * 2 if seen_body else ("other",) * 2), "default")
            else:
                self._set(i, *(("tasks",) * 2 if seen_body else ("other",) * 2), "default")
            seen_body = seen_body or h.part in BODY_PARTS


def assign_parts(heads: list[Heading], text: str) -> None:
    placer = _Placer(heads, text)
    placer.place([i for i, h in enumerate(heads) if h.parent is None])
    for i, h in enumerate(heads):
        if i in placer.placed:
            continue
        rule = placer.rules[i]
        parent = heads[h.parent]
        h.part = h.child_part = parent.child_part
        if rule:
            if rule.part in ("self_building", "other"):
                h.part = h.child_part = rule.part
            elif rule.part == "plan" and parent.part == "plan" and parent.child_part == "tasks" and not rule.mode:
                h.part = h.child_part = "plan"
