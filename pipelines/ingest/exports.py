"""Scraper exports: ``.csv`` and ``.jsonl`` with one report per row.

The text is the first non-empty column among ``TEXT_COLUMNS``; metadata columns listed in
``METADATA_COLUMNS`` are used when present. A row's ``source_path`` is ``file.csv#N`` with N the
1-based data row (the header is not counted) or, for JSONL, the 1-based line number.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field

TEXT_COLUMNS = ("full_text", "content", "text", "body", "正文", "全文", "内容")
METADATA_COLUMNS = {
    "title": ("title", "标题"),
    "province": ("province", "省份", "省"),
    "region": ("region", "city", "地区", "城市"),
    "year": ("year", "年份"),
    "source_url": ("source_url", "url", "link", "链接", "网址"),
    "publish_date": ("publish_date", "date", "pub_date", "发布日期", "日期"),
}

csv.field_size_limit(64 * 1024 * 1024)


@dataclass
class ExportRow:
    row_number: int
    text: str | None
    metadata: dict[str, str] = field(default_factory=dict)
    error: str | None = None


def _pick(record: dict, names: tuple[str, ...]) -> str | None:
    lowered = {str(k).strip().lower(): v for k, v in record.items() if k is not None}
    for name in names:
        value = lowered.get(name)
        if value is not None and str(value).strip():
            return str(value).strip()
    return None


def _row(n: int, record: dict) -> ExportRow:
    text = _pick(record, TEXT_COLUMNS)
    metadata = {key: v for key, names in METADATA_COLUMNS.items() if (v := _pick(record, names))}
    if text is None:
        return ExportRow(n, None, metadata, "row has no report text (no non-empty full_text/content/text column)")
    return ExportRow(n, text, metadata)


RESYNC_CHECK_RECORDS = 3


def _resync(lines: list[str], start: int, width: int) -> int | None:
    """The first line at or after ``start`` (0-based) from which the next records (up to
    ``RESYNC_CHECK_RECORDS``, or to the end) read strictly with ``width`` fields each: where the row
    after a malformed one begins."""
    for i in range(start, len(lines)):
        reader = csv.reader(io.StringIO("".join(lines[i:i + 5000]), newline=""), strict=True)
        try:
            records = [r for _, r in zip(range(RESYNC_CHECK_RECORDS), reader)]
        except csv.Error:
            continue
        if records and all(len(r) == width for r in records if any(r)) and any(any(r) for r in records):
            return i
    return None


def csv_rows(text: str) -> tuple[list[ExportRow], str | None]:
    """(rows, file-level error). A malformed row (an undoubled quote inside a quoted field, or a
    row with more or fewer fields than the header) is returned with its error and is never loaded;
    the rows after it are read from the next line that starts well-formed records."""
    text = text.lstrip("\ufeff")
    lines = text.splitlines(keepends=True)
    if not lines:
        return [], "CSV export with no header"
    header = next(csv.reader([lines[0]]))
    fields = [str(f).strip().lower() for f in header]
    if not any(c in fields for c in TEXT_COLUMNS):
        return [], f"CSV export without a text column (looked for {', '.join(TEXT_COLUMNS[:3])}); columns: {', '.join(fields[:10]) or 'none'}"
    rows: list[ExportRow] = []
    pos, n = 1, 0  # pos: 0-based index of the line where the next record starts
    while pos < len(lines):
        # strict: an undoubled quote inside a quoted field raises instead of swallowing later rows
        reader = csv.reader(io.StringIO("".join(lines[pos:]), newline=""), strict=True)
        start = pos
        try:
            for record in reader:
                line_no = start + 1  # 1-based line where this record starts
                start = pos + reader.line_num
                if not any(field.strip() for field in record):
                    continue
                n += 1
                if len(record) != len(header):
                    rows.append(ExportRow(n, None, {}, f"malformed CSV row {n} (line {line_no}): {len(record)} "
                                                         f"fields where the header has {len(header)}; the row is not loaded"))
                    continue
                rows.append(_row(n, dict(zip(header, record))))
            break
        except csv.Error as exc:
            n += 1
            nxt = _resync(lines, start + 1, len(header))
            end = nxt if nxt is not None else len(lines)
            rows.append(ExportRow(n, None, {}, f"malformed CSV row {n} (lines {start + 1}–{end}): {exc}; a quote "
                                                 "inside a quoted field is not doubled, so where the field ends is "
                                                 "unknown — the row is not loaded"))
            if nxt is None:
                break
            pos = nxt
    return rows, None


def jsonl_rows(text: str) -> tuple[list[ExportRow], str | None]:
    rows = []
    for n, line in enumerate(text.lstrip("\ufeff").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            rows.append(ExportRow(n, None, {}, f"invalid JSON on line {n}: {exc.msg}"))
            continue
        if not isinstance(record, dict):
            rows.append(ExportRow(n, None, {}, f"line {n} is not a JSON object"))
            continue
        rows.append(_row(n, record))
    if not rows:
        return [], "JSONL export with no records"
    return rows, None
