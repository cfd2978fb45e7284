"""Test-only stand-in for ``pipelines.ingest`` cleaning (swap for the real ingest later).

``markdown_to_clean_text`` mimics the project's cleaning policy closely enough to feed the segmenter:
YAML front matter stripped, Markdown ``#`` headings and ``**bold**`` turned into plain text with a
``heading_hints`` entry (level = number of ``#``; 0 for bold), full-width digits/Latin → ASCII,
ASCII ``,:;()!?`` next to a CJK character → full-width, dash runs → ``——``, whitespace collapsed,
one ``\\n`` between paragraphs and no blank lines. It is NOT the production cleaner.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

# The repo's sibling folder ../shared; GOVREPORT_SHARED overrides it (e.g. when testing from a git
# worktree that is not a sibling of shared/).
SHARED = Path(os.environ.get("GOVREPORT_SHARED") or Path(__file__).resolve().parents[1].parent / "shared")
CORPUS = SHARED / "corpus"
LAWTEXT = CORPUS / "lawtext-gov"
NATIONAL = LAWTEXT / "政府工作报告-国务院"
SAMPLE = Path(__file__).resolve().parents[1] / "raw" / "yuzhong-2024-web.txt"

_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
_MD_HEADING = re.compile(r"^(#{1,6})\s*(.*?)\s*#*$")
_BOLD = re.compile(r"\*\*(.+?)\*\*")
_WIDE = {c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)}  # ０-９
_WIDE.update({c: c - 0xFEE0 for c in range(0xFF21, 0xFF3B)})  # Ａ-Ｚ
_WIDE.update({c: c - 0xFEE0 for c in range(0xFF41, 0xFF5B)})  # ａ-ｚ
_WIDE.update({0xFF05: ord("%"), 0xFF0E: ord(".")})
_CJK = r"\u3400-\u9fff\u3000-\u303f\uff00-\uffef“”‘’"
_ASCII_PUNCT = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"}
_PUNCT_NEAR_CJK = re.compile(rf"(?<=[{_CJK}])[,:;()!?]|[,:;()!?](?=[{_CJK}])")
_DASHES = re.compile(r"(?:――|--+|—)+")
_SPACES = re.compile(r"[ \t\u3000\u00a0]+")


def _normalize_line(line: str) -> str:
    line = line.translate(_WIDE)
    line = _DASHES.sub("——", line)
    line = _SPACES.sub(" ", line).strip()
    # twice: a run like "(一)" needs the ")" converted after "(" became full-width
    for _ in range(2):
        line = _PUNCT_NEAR_CJK.sub(lambda m: _ASCII_PUNCT[m.group()], line)
    return line


def markdown_to_clean_text(markdown: str) -> tuple[str, list[dict]]:
    """Return ``(clean_text, heading_hints)`` for a Markdown (or plain-text) report."""
    text = _FRONT_MATTER.sub("", markdown.replace("\r\n", "\n").replace("\r", "\n"), count=1)
    text = _HTML_COMMENT.sub("", text)
    out: list[str] = []
    hints: list[dict] = []
    pos = 0
    for raw in text.split("\n"):
        line = raw.strip()
        level = None
        m = _MD_HEADING.match(line)
        if m:
            level, line = len(m.group(1)), m.group(2)
        spans: list[tuple[int, int]] = []
        if "**" in line:
            pieces, last, cur = [], 0, 0
            for b in _BOLD.finditer(line):
                pieces.append(line[last:b.start()])
                cur += b.start() - last
                spans.append((cur, cur + len(b.group(1))))
                pieces.append(b.group(1))
                cur += len(b.group(1))
                last = b.end()
            pieces.append(line[last:])
            line = "".join(pieces)
        # normalise piecewise so bold spans keep exact offsets
        if spans:
            bounds = sorted({0, len(line), *[x for s in spans for x in s]})
            parts = [_normalize_line(line[a:b]) if line[a:b].strip() else line[a:b].strip()
                     for a, b in zip(bounds, bounds[1:])]
            new_bounds, acc = [0], 0
            for p in parts:
                acc += len(p)
                new_bounds.append(acc)
            remap = dict(zip(bounds, new_bounds))
            line = "".join(parts)
            spans = [(remap[a], remap[b]) for a, b in spans]
            stripped = line.strip()
            lead = len(line) - len(line.lstrip())
            line = stripped
            spans = [(max(a - lead, 0), min(b - lead, len(line))) for a, b in spans]
        else:
            line = _normalize_line(line)
        if not line:
            continue
        if level is not None:
            hints.append({"char_start": pos, "char_end": pos + len(line), "level": level})
        else:
            for a, b in spans:
                if b > a:
                    hints.append({"char_start": pos + a, "char_end": pos + b, "level": 0})
        out.append(line)
        pos += len(line) + 1
    return "\n".join(out), hints


def load_clean(path: Path) -> tuple[str, list[dict]]:
    return markdown_to_clean_text(path.read_text(encoding="utf-8", errors="replace"))
