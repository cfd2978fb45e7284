"""Traditional-Chinese reports (Big5 files, Hong Kong/Taiwan-style pages): a simplified working copy
for reading metadata, so the place table, title and byline patterns (all simplified) match.

``clean_text`` stays as written; only metadata matching sees the converted lines. The converter is
OpenCC's ``t2s`` profile (the ``opencc`` package, OpenCC's own Python binding: a maintained phrase +
character table, rather than a hand-kept character list that would miss variants).

A text counts as traditional when converting its head changes at least ``MIN_CHANGED_SHARE`` of its
Chinese characters (real traditional text: about a third; simplified text: none or a stray variant).
"""
from __future__ import annotations

import functools
import re

HEAD_CHARS = 3000
MIN_CHANGED_SHARE = 0.05
MIN_CHANGED = 5
_CJK = re.compile(r"[\u4e00-\u9fff]")
# common characters that exist only in traditional script: a cheap pre-check before OpenCC runs
TRADITIONAL_ONLY = re.compile("[們這會國為來說時對發經過實從還與開關區進現體產業門問題長東華報縣續組織濟]")


@functools.lru_cache(maxsize=1)
def _converter():
    import opencc  # imported on first use: most reports are simplified and never need it

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    return _converter().convert(text)


def is_traditional(text: str) -> bool:
    """True when the text is written in traditional characters (judged on its head)."""
    head = text[:HEAD_CHARS]
    if len(TRADITIONAL_ONLY.findall(head)) < MIN_CHANGED:
        return False
    cjk = len(_CJK.findall(head))
    if cjk == 0:
        return False
    converted = to_simplified(head)
    if len(converted) != len(head):
        changed = abs(len(converted) - len(head)) + MIN_CHANGED
    else:
        changed = sum(a != b for a, b in zip(head, converted))
    return changed >= MIN_CHANGED and changed >= MIN_CHANGED_SHARE * cjk


def back_mapping(simplified: list[str], original: list[str]) -> dict[str, str]:
    """Simplified char -> the traditional char the source wrote, from lines whose conversion kept
    their length (character for character)."""
    mapping: dict[str, str] = {}
    for s_line, o_line in zip(simplified, original):
        if s_line != o_line and len(s_line) == len(o_line):
            for a, b in zip(s_line, o_line):
                if a != b:
                    mapping.setdefault(a, b)
    return mapping


def as_written(value: str | None, mapping: dict[str, str]) -> str | None:
    """A metadata value read off the simplified copy, in the characters the source used."""
    if not value or not mapping:
        return value
    return "".join(mapping.get(ch, ch) for ch in value)
