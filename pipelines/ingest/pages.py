"""Multi-page reports: which files are pages of one report, in which order.

Aggregator sites split a report over ``10234.html``, ``10234_2.html``, ``10234_3.html`` …; a page
saved as text names its address in a ``本文地址:/baogao/xn/10234_2.html`` line. Both give a
*report key* (the address without the page suffix) and a page number (1 when there is no suffix).
Files sharing a key are one report; the pager line (``上一页 1 2 3 4 下一页`` / ``共4页``) says how
many pages there should be.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

PAGE_IN_NAME = re.compile(r"^(?P<base>.+?)_(?P<page>\d{1,3})$")
PAGE_ADDRESS = re.compile(r"本文地址\s*[：:]\s*(?P<addr>\S+?\.s?html?)\b")
PAGER_NUMBERS = re.compile(r"上一页(?P<nums>(?:[\s\u00a0]*\d{1,3})+)[\s\u00a0]*下一页")
PAGER_TOTAL = re.compile(r"共\s*(?P<n>\d{1,3})\s*页")
HEAD_BYTES = 4096
TAIL_BYTES = 8192


@dataclass(frozen=True)
class PageKey:
    key: str
    page: int


def key_from_address(address: str) -> PageKey:
    p = PurePosixPath(address)
    stem, suffix = p.stem, p.suffix
    m = PAGE_IN_NAME.match(stem)
    if m:
        return PageKey(str(p.with_name(m.group("base") + suffix)), int(m.group("page")))
    return PageKey(str(p), 1)


def page_key(source_path: str, head_and_tail: str) -> PageKey | None:
    """The report key of a file, from the address it names, else from an html file name."""
    m = PAGE_ADDRESS.search(head_and_tail)
    if m:
        return key_from_address(m.group("addr"))
    p = PurePosixPath(source_path)
    if p.suffix.lower() in (".html", ".htm", ".shtml") and PAGE_IN_NAME.match(p.stem):
        return key_from_address(source_path)
    if p.suffix.lower() in (".html", ".htm", ".shtml") and p.stem.isdigit():
        return PageKey(source_path, 1)
    return None


def pages_announced(text: str) -> int | None:
    """How many pages the page's pager lists, if it has one."""
    m = PAGER_NUMBERS.search(text.replace("<U+00A0>", " "))
    if m:
        nums = [int(n) for n in m.group("nums").split()]
        return max(nums) if nums else None
    m = PAGER_TOTAL.search(text)
    return int(m.group("n")) if m else None
