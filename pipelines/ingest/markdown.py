"""Markdown is structure, not text: front matter → metadata, ``#`` / ``**…**`` → heading hints.

``split_front_matter`` reads a leading ``---`` YAML block (lawtext-gov files carry ``title`` and
``source``/``url``). ``markdown_lines`` turns the body into plain lines, each with the heading level
the markup gave it:

- ``## 一、…`` → level = number of ``#``;
- a line that is bold and nothing else (``**政府工作报告**``) → level 0, a title-level hint;
- a bold span that opens a line which continues after it (``**（二）坚持…优化投资结构**积极支持…``)
  → a ``RunIn`` level carrying the span's text: the pipeline turns it into a hint
  ``{"level": 0, "run_in": True}`` covering exactly that span, so the segmenter can end a run-in
  heading where the bold ends;
- inline emphasis markers, footnote references ``[^3]``, block-quote ``>`` and bullet markers are
  removed; ``[^3]: note`` definitions keep their note text; table rows become their cells joined
  by spaces (separator rows go); link syntax keeps the link text; HTML comments (the collector's
  commented-out photo captions) are removed.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

import yaml

FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
ATX_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t]*#*[ \t]*$")
BOLD_ONLY_LINE = re.compile(r"^\*{2,3}([^*].*?)\*{2,3}[ \t]*$")
# a bold span at the start of a line, followed by more text: ``**（二）…**积极支持…``
BOLD_RUN_IN = re.compile(r"^\*{2,3}([^*\s][^*]*?)\*{2,3}(?!\*)(?=.*[^\s*])")
EMPHASIS = re.compile(r"\*{1,3}(?=\S)(.+?)(?<=\S)\*{1,3}")
STRAY_STARS = re.compile(r"\*{2,}")
FOOTNOTE_REF = re.compile(r"\[\^[^\]\s]{1,10}\](?!:)")
FOOTNOTE_DEF = re.compile(r"^\[\^[^\]\s]{1,10}\]:\s*")
BLOCKQUOTE = re.compile(r"^(?:>\s?)+")
BULLET = re.compile(r"^[-*+][ \t]+")
TABLE_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
LINK = re.compile(r"\[([^\]^][^\]]*)\]\([^)]*\)")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
BACKSLASH_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>])")


@dataclass(frozen=True)
class RunIn:
    """The level of a line that opens with a bold span and continues after it; ``prefix`` is the
    span's text exactly as the cleaned line starts with it."""

    prefix: str


def split_front_matter(text: str) -> tuple[dict, str]:
    """(front matter as a dict, the body after it). Unparseable front matter stays text."""
    m = FRONT_MATTER.match(text)
    if not m:
        return {}, text
    try:
        data = yaml.safe_load(m.group(1))
    except yaml.YAMLError:
        data = _loose_front_matter(m.group(1))
    if not isinstance(data, dict):
        return {}, text
    return data, text[m.end():]


def _loose_front_matter(block: str) -> dict:
    data: dict = {}
    for line in block.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() and not key.startswith((" ", "-")):
            data[key.strip()] = value.strip().strip("'\"")
    return data


def _inline(line: str) -> str:
    """Inline markup removed: footnotes, images, links, emphasis, backslash escapes, entities."""
    if "[" in line:
        line = FOOTNOTE_DEF.sub("", line)
        line = FOOTNOTE_REF.sub("", line)
        line = IMAGE.sub("", line)
        line = LINK.sub(r"\1", line)
    if "*" in line:
        line = EMPHASIS.sub(r"\1", line)
        line = STRAY_STARS.sub("", line)
    if "\\" in line:
        line = BACKSLASH_ESCAPE.sub(r"\1", line)
    if "&" in line:
        line = html.unescape(line)
    return line


def markdown_lines(body: str) -> list[tuple[str, int | RunIn | None]]:
    """Plain, stripped, non-empty lines with the heading level their markup gave them."""
    body = HTML_COMMENT.sub("\n", body)
    out: list[tuple[str, int | RunIn | None]] = []
    for raw in body.splitlines():
        line = raw.strip()
        if not line:
            continue
        level: int | RunIn | None = None
        if line.startswith("|"):
            if TABLE_SEPARATOR.match(line):
                continue
            line = " ".join(cell.strip() for cell in line.strip("|").split("|"))
        m = ATX_HEADING.match(line)
        if m:
            level, line = len(m.group(1)), m.group(2)
        else:
            if line[0] in ">-*+":
                line = BLOCKQUOTE.sub("", line)
                line = BULLET.sub("", line)
            if "*" in line:
                m = BOLD_ONLY_LINE.match(line)
                if m and "**" not in m.group(1):
                    level, line = 0, m.group(1)
                else:
                    m = BOLD_RUN_IN.match(line)
                    if m:
                        level = RunIn(m.group(1))
        line = _inline(line)
        if isinstance(level, RunIn):
            prefix = _inline(level.prefix).strip()
            level = RunIn(prefix) if prefix and line.strip().startswith(prefix) and len(prefix) < len(line.strip()) else None
        line = line.strip()
        if line:
            out.append((line, level))
    return out
