"""Is the whole report there? ``is_complete`` with a ``completeness_note`` that says why not.

A report is incomplete when
- pages are missing: a multi-page group has a gap, or the page's own pager (``上一页 1 2 3 4 下一页``)
  lists more pages than were saved;
- it stops before its close: none of its last paragraphs (before a 名词解释 notes section) carries a
  closing formula (``各位代表！…``, ``让我们…奋斗！``, a final exclamation), and no closing appeal
  stands anywhere in its second half (glossaries and notes may follow the appeal).

Two further findings go into the note (they explain *where* it stops) but do not on their own make
a report incomplete, since some reports phrase them differently:
- it announces N aspects of work (``着力抓了七个方面的工作``) and fewer numbered items ``（一）…`` follow;
- it never reaches the year's plan (``主要预期目标`` / ``今年工作安排`` …).
"""
from __future__ import annotations

import re

from pipelines.ingest.metadata import _cn_int

ANNOUNCED_ASPECTS = re.compile(r"(?P<n>[一二三四五六七八九十]{1,3}|\d{1,2})\s*个方面(?:的)?(?:重点)?工作")
NUMBERED_ITEM = re.compile(r"^（(?P<n>[一二三四五六七八九十]{1,3})）")
CLOSING = re.compile(
    r"^各位代表[！!]|让我们|而(?:努力|团结|不懈|共同|继续)?奋斗|奋勇前进|阔步前进|再创辉煌|新的更大贡献|更大贡献|"
    r"谱写.{0,20}篇章|[！!]」?”?$"
)
PLAN = re.compile(
    r"(?:今年|明年|\d{4}年)(?:经济社会发展|政府工作|全市|全省|全区|全县|全州)?(?:的)?(?:主要)?(?:预期)?(?:目标|工作安排|工作任务|重点工作)"
    r"|主要预期目标|总体要求"
)
# the closing appeal, wherever in the second half it stands (notes and glossaries may follow it)
CLOSING_APPEAL = re.compile(
    r"^各位代表[！!，,]|(?:让我们|我们要|我们将|全市|全省|全区).{0,300}(?:奋斗|前进|努力|贡献|篇章|胜利|奋进)[^。！!]{0,40}[！!]」?”?$"
)
CLOSING_WINDOW = 3
NOTES_HEADING = re.compile(r"^(?:附[：:]?)?(?:名词解释|名词注释|注释|附注|注)[：:]?$")


def assess(paragraphs: list[str], *, missing_pages: list[int] | None = None,
           pages_announced: int | None = None, pages_present: int = 1) -> tuple[bool, str | None]:
    reasons: list[str] = []
    incomplete = False
    if missing_pages:
        incomplete = True
        reasons.append("missing page(s) " + ", ".join(str(p) for p in missing_pages))
    if pages_announced and pages_announced > pages_present:
        incomplete = True
        reasons.append(f"the page's pager lists {pages_announced} pages, {pages_present} saved")
    body_end = len(paragraphs)
    for i in range(len(paragraphs) - 1, int(len(paragraphs) * 0.5), -1):
        if NOTES_HEADING.match(paragraphs[i]):  # notes (名词解释) follow the closing
            body_end = i
            break
    tail = paragraphs[max(0, body_end - CLOSING_WINDOW):body_end]
    second_half = paragraphs[len(paragraphs) // 2:]
    if not any(CLOSING.search(p) for p in tail) and not any(CLOSING_APPEAL.search(p) for p in second_half):
        incomplete = True
        last = paragraphs[-1][-30:] if paragraphs else ""
        reasons.append(f"ends without a closing (各位代表！… / 让我们…) — last words: “{last}”")
    if incomplete:
        for i, p in enumerate(paragraphs):
            m = ANNOUNCED_ASPECTS.search(p)
            if not m:
                continue
            announced = _cn_int(m.group("n"))
            items = [_cn_int(n.group("n")) for q in paragraphs[i + 1:] if (n := NUMBERED_ITEM.match(q))]
            if announced and items and max(items) < announced:
                reasons.append(
                    f"announces {m.group(0)} ({announced}) but stops in item （{_cn_zh(max(items))}）"
                )
            break
        if not any(PLAN.search(p) for p in paragraphs):
            reasons.append("never reaches the year's plan or targets")
    return (not incomplete), ("; ".join(reasons) if reasons else None)


def _cn_zh(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
