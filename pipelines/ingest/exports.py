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


def csv_rows(text: str) -> tuple[list[ExportRow], str | None]:
    """(rows, file-level error)."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff"), newline=""))
    fields = [str(f).strip().lower() for f in (reader.fieldnames or [])]
    if not any(c in fields for c in TEXT_COLUMNS):
        return [], f"CSV export without a text column (looked for {', '.join(TEXT_COLUMNS[:3])}); columns: {', '.join(fields[:10]) or 'none'}"
    rows = []
    try:
        for n, record in enumerate(reader, start=1):
            rows.append(_row(n, record))
    except csv.Error as exc:
        return rows, f"CSV parse error after data row {len(rows)}: {exc}"
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
