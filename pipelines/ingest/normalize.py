"""The cleaning policy for characters, punctuation and whitespace (see README: cleaning policy).

Applied to one paragraph at a time, after page furniture is gone:

1. full-width digits, Latin letters and ``％`` become ASCII (``１６００`` → ``1600``, ``１５％`` → ``15%``);
   the ideographic space and no-break spaces become spaces, zero-width characters go;
2. half-width ``,`` ``:`` ``;`` ``!`` ``?`` next to a Chinese character become ``，`` ``：`` ``；`` ``！``
   ``？``; a ``(...)`` pair becomes ``（...）`` when it touches or contains Chinese (``(一)`` → ``（一）``);
   ASCII stays between digits and Latin (``1,234``, ``3.5``, ``http://``);
3. dash runs (``――``, ``--``, a lone ``—`` or three or more) become ``——``;
4. whitespace runs collapse to one space; no space at either end.
"""
from __future__ import annotations

import re

_FULLWIDTH_TO_ASCII = {
    **{0xFF10 + i: ord("0") + i for i in range(10)},
    **{0xFF21 + i: ord("A") + i for i in range(26)},
    **{0xFF41 + i: ord("a") + i for i in range(26)},
    ord("％"): "%",
    ord("\u3000"): " ",  # ideographic space
    ord("\u00a0"): " ",  # no-break space
    ord("\u2002"): " ", ord("\u2003"): " ", ord("\u2009"): " ", ord("\u202f"): " ",
    ord("\u200b"): None, ord("\u200c"): None, ord("\u200d"): None, ord("\u2060"): None,
    ord("\ufeff"): None, ord("\u00ad"): None,
    ord("\t"): " ",
}

# A "Chinese character" for punctuation context: CJK ideographs plus the full-width punctuation
# and quotes that surround them (so `”,` and `,“` also count as Chinese context).
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u2018-\u201d\u2026\u2014"
_CJK_CLASS = f"[{_CJK}]"

FULLWIDTH_PUNCT = {",": "，", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}

HALFWIDTH_PUNCT_NEXT_TO_CJK = re.compile(
    rf"(?<={_CJK_CLASS})\s*[,:;!?]|[,:;!?](?=\s*{_CJK_CLASS})"
)
PAREN_PAIR = re.compile(r"\(([^()\n]{0,200})\)")
LONE_PAREN_NEXT_TO_CJK = re.compile(rf"(?<={_CJK_CLASS})[()]|[()](?={_CJK_CLASS})")
FULLWIDTH_DOT_BETWEEN_DIGITS = re.compile(r"(?<=\d)．(?=\d)")
DASH_RUN = re.compile(r"―{2,}|-{2,}|—+|─{2,}")
WHITESPACE_RUN = re.compile(r"\s+")
_HAS_CJK = re.compile(_CJK_CLASS)


def _to_fullwidth(match: re.Match) -> str:
    return FULLWIDTH_PUNCT[match.group(0).strip()]


def _paren_pair(match: re.Match) -> str:
    text, start, end = match.string, match.start(), match.end()
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    if _HAS_CJK.search(match.group(1)) or _HAS_CJK.match(before) or _HAS_CJK.match(after):
        return f"（{match.group(1)}）"
    return match.group(0)


_NEEDS_TRANSLATE = re.compile("[" + "".join(re.escape(chr(c)) for c in _FULLWIDTH_TO_ASCII) + "]")
_NEEDS_DASH = re.compile(r"[―─—]|--")
_NEEDS_PUNCT = re.compile(r"[,:;!?]")


def normalize_paragraph(text: str) -> str:
    """One paragraph (no newlines in the result) under the cleaning policy."""
    # each step is guarded by a cheap search: most paragraphs need few of them
    if _NEEDS_TRANSLATE.search(text):
        text = text.translate(_FULLWIDTH_TO_ASCII)
    text = " ".join(text.split())
    if not text:
        return text
    if "．" in text:
        text = FULLWIDTH_DOT_BETWEEN_DIGITS.sub(".", text)
    if _NEEDS_DASH.search(text):
        text = DASH_RUN.sub("——", text)
    if "(" in text or ")" in text:
        text = PAREN_PAIR.sub(_paren_pair, text)
        text = LONE_PAREN_NEXT_TO_CJK.sub(lambda m: FULLWIDTH_PUNCT[m.group(0)], text)
    if _NEEDS_PUNCT.search(text):
        text = HALFWIDTH_PUNCT_NEXT_TO_CJK.sub(_to_fullwidth, text)
    return text


_SPACE_BETWEEN_CJK = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


def join_cjk_spaces(text: str) -> str:
    """``谢 东`` → ``谢东``, ``政 府 工 作 报 告`` → ``政府工作报告`` (used for metadata values only)."""
    return _SPACE_BETWEEN_CJK.sub("", text).strip()
