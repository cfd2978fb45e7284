"""A working copy of a sentence for matching, the same length as the original.

Full-width digits, Latin letters and ``％`` become ASCII (per-character NFKC), residual half-width
Chinese-context punctuation becomes full-width, dash variants become ``—`` or ``-``. Every change maps
one character to one character, so an offset in the working copy is the same offset in the original.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_PUNCT_TO_FULL = {",": "，", ":": "：", ";": "；", "(": "（", ")": "）", "!": "！", "?": "？"}
_DASHES = {"―": "—", "‒": "—", "–": "—", "－": "-", "−": "-", "～": "~", "〜": "~", "∶": ":",
           "\u00a0": " ", "\u3000": " "}


@lru_cache(maxsize=4096)
def _char(c: str) -> str:
    if c in _DASHES:
        return _DASHES[c]
    if c.isascii():
        return c
    n = unicodedata.normalize("NFKC", c)
    if len(n) == 1:
        return _DASHES.get(n, n)
    return c


_FULLWIDTH = {c: chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
_TABLE = str.maketrans({**_FULLWIDTH, **{ord(k): v for k, v in _DASHES.items()}})
_NEEDS_NFKC = re.compile(r"[^\u0000-\u007f\u4e00-\u9fff\u3000-\u303f\u2000-\u206f\uff00-\uffef]")
_HALF_PUNCT = re.compile(r"[,:;()!?]")


def working_copy(text: str) -> str:
    """Normalize ``text`` character by character (length preserved)."""
    text = text.translate(_TABLE)
    if _NEEDS_NFKC.search(text):
        text = "".join(_char(c) for c in text)
    if not _HALF_PUNCT.search(text):
        return text
    chars = list(text)
    n = len(chars)
    for i, c in enumerate(chars):
        if c in _PUNCT_TO_FULL:
            prev = chars[i - 1] if i else ""
            nxt = chars[i + 1] if i + 1 < n else ""
            if c in ",:" and prev.isdigit() and nxt.isdigit():
                continue  # 1,234 and 10:30 keep their ASCII separator
            if c in "()" and (prev.isascii() and prev.isalnum() or nxt.isascii() and nxt.isalnum()) \
                    and not (_is_cjk(prev) or _is_cjk(nxt)):
                continue
            chars[i] = _PUNCT_TO_FULL[c]
    return "".join(chars)


def _is_cjk(c: str) -> bool:
    return bool(c) and "\u4e00" <= c <= "\u9fff"
