"""Multi-page reports: which files are pages of one report, in which order.

Aggregator sites split a report over ``10234.html``, ``10234_2.html``, ``10234_3.html`` …; a page
saved as text names its address in a ``本文地址:/baogao/xn/10234_2.html`` line. Both give a
*report key* (the address without the page suffix) and a page number (1 when there is no suffix).
Files sharing a key are one report; the pager line (``上一页 1 2 3 4 下一页`` / ``共4页``) says how
many pages there should be.

Pages saved under unrelated names with no address line are matched by their **title**: files whose
page title (HTML ``<title>``/``<h1>``, else the first ``…工作报告…`` line) is the same once a page marker
(``第2页``, ``_第2页``, ``(第2页)``) and spacing/bracket forms are removed, where at least one file says
it is page N ≥ 2 (``第N页`` in its title or on a line of its own). A file with that title and no page
number is page 1 only if it has a pager (``上一页 1 2 3 下一页`` / ``共3页``) or says ``第1页``; otherwise it
is a copy of the whole report and stays alone (so does a second file claiming the same page).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath

PAGE_IN_NAME = re.compile(r"^(?P<base>.+?)_(?P<page>\d{1,3})$")
PAGE_ADDRESS = re.compile(r"本文地址\s*[：:]\s*(?P<addr>\S+?\.s?html?)\b")
PAGER_NUMBERS = re.compile(r"上一页(?P<nums>(?:[\s\u00a0]*\d{1,3})+)[\s\u00a0]*下一页")
PAGER_TOTAL = re.compile(r"共\s*(?P<n>\d{1,3})\s*页")
PAGE_NUMBER = re.compile(r"(?<!共)第\s*(?P<n>\d{1,3})\s*页")
PAGE_NUMBER_LINE = re.compile(
    r"^[ \t\u3000]*[（(\[【]?\s*第\s*(?P<n>\d{1,3})\s*页\s*(?:[/，,]?\s*共\s*\d{1,3}\s*页)?\s*[）)\]】]?[ \t\u3000]*$", re.M
)
PAGE_MARKER = re.compile(r"[\s_\-|–—·]*[（(\[【]?\s*第\s*\d{1,3}\s*页\s*(?:[/，,]?\s*共\s*\d{1,3}\s*页)?\s*[）)\]】]?")
HTML_TITLE = re.compile(r"<(?P<tag>title|h1)[^>]*>(?P<t>.*?)</(?P=tag)>", re.S | re.I)
TITLE_LINE = re.compile(r"^.{0,60}工作报告.{0,40}$", re.M)
TITLE_FOLD = str.maketrans("（）【】［］", "()[][]")
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


@dataclass(frozen=True)
class TitlePage:
    title: str          # the title with page marker, spaces and site suffix removed
    page: int | None    # the page number the file states (第N页), None when it states none
    paged: bool         # the file shows a pager or a page number: it is part of a paged report


def _fold_title(title: str) -> str:
    title = re.split(r"\s+[-|_–—]\s+|[|]", title.strip())[0]  # "… - 第2页 - 某某网" → "…"
    title = PAGE_MARKER.sub("", title)
    return re.sub(r"\s+", "", title.translate(TITLE_FOLD)).strip("_-|")


def title_page(head_and_tail: str) -> TitlePage | None:
    """The title key and stated page number of a saved page (for files without an address)."""
    title = None
    m = HTML_TITLE.search(head_and_tail)
    if m:
        title = re.sub(r"<[^>]+>", "", m.group("t"))
    else:
        m = TITLE_LINE.search(head_and_tail)
        if m:
            title = m.group()
    if not title or not _fold_title(title):
        return None
    m = PAGE_NUMBER.search(title) or PAGE_NUMBER_LINE.search(head_and_tail)
    page = int(m.group("n")) if m else None
    paged = page is not None or pages_announced(head_and_tail) is not None
    return TitlePage(_fold_title(title), page, paged)


def strip_page_marker(line: str) -> str:
    """A page's header line without its page marker (``…工作报告(第2页)`` → ``…工作报告``)."""
    return PAGE_MARKER.sub("", line).strip()
