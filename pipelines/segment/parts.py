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

from .outline import Heading

_RULES_FILE = Path(__file__).with_name("part_rules.csv")


def _load_rules() -> list[tuple[str, str, re.Pattern]]:
    with _RULES_FILE.open(encoding="utf-8") as f:
        rows = sorted(csv.DictReader(f), key=lambda r: int(r["order"]))
    return [(r["part"], r["mode"], re.compile(r["pattern"])) for r in rows]


PART_RULES = _load_rules()


def classify_heading(heading: str) -> tuple[str, str] | None:
    """(part, mode) of the first matching rule, or None."""
    for part, mode, rx in PART_RULES:
        if rx.search(heading):
            return part, mode
    return None


def assign_parts(heads: list[Heading], text: str) -> None:
    seen_body = False
    for h in heads:
        heading = text[h.char_start:h.char_end]
        if h.style == "title":
            h.part = h.child_part = "other"
            continue
        rule = classify_heading(heading)
        if h.parent is None:
            if rule:
                part, mode = rule
                h.part = part
                h.child_part = mode or part
            else:
                h.part = h.child_part = "tasks" if seen_body else "other"
            if h.part in ("review", "plan", "tasks"):
                seen_body = True
            continue
        parent = heads[h.parent]
        h.part = h.child_part = parent.child_part
        if rule:
            part, mode = rule
            if part in ("self_building", "other"):
                h.part = h.child_part = part
            elif part == "plan" and parent.part == "plan" and parent.child_part == "tasks" and not mode:
                h.part = h.child_part = "plan"
