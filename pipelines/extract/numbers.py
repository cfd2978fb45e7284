"""Read one isolated numeral span: Arabic (with thousands separators) or Chinese (via cn2an)."""
from __future__ import annotations

from functools import lru_cache

import cn2an

CN_NUMERAL_CHARS = "〇零一二两三四五六七八九十百千万亿点"
_BARE = {"百": 100.0, "千": 1000.0}  # cn2an rejects a lone 百/千 (百余项)


@lru_cache(maxsize=8192)
def parse_number(span: str) -> float | None:
    """The value of a numeral span, or None when it is not a number.

    ``span`` is only ever the numeral itself (``1,234.5``, ``一千二百亿``, ``三点九``): cn2an is never run
    over surrounding text, which it would rewrite (一般公共预算收入 → 1般…).
    """
    if not span:
        return None
    if span[0].isdigit():
        try:
            return float(span.replace(",", ""))
        except ValueError:
            return None
    if span in _BARE:
        return _BARE[span]
    if span[0] == "两" and len(span) > 1:
        span = "二" + span[1:]
    try:
        return float(cn2an.cn2an(span, "smart"))
    except (ValueError, KeyError, TypeError, IndexError):
        return None
