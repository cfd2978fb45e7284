"""A working copy of a sentence for matching, the same length as the original.

Full-width digits, Latin letters and ``％`` become ASCII (per-character NFKC), residual half-width
Chinese-context punctuation becomes full-width, dash variants become ``—`` or ``-``. Every change maps
one character to one character, so an offset in the working copy is the same offset in the original.
"""
from __future__ import annotations

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


def working_copy(text: str) -> str:
    """Normalize ``text`` character by character (length preserved)."""
    if text.isascii():
        chars = list(text)
    else:
        chars = [_char(c) for c in text]
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
