"""Raw files → cleaned documents and rejected files (the stage's orchestration).

Per file: size check → bytes → empty / binary checks → decode → format (extension + sniffing) →
lines (text, Markdown, HTML article, or one export row) → normalization → page furniture → the
paragraphs that form ``clean_text`` → metadata and completeness. Pages of one report are cleaned one
by one and joined in page order.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from pipelines.contracts import content_id
from pipelines.ingest import completeness, exports, furniture, markdown, office, pages, script, sniff
from pipelines.ingest.html import MIN_ARTICLE_CJK, html_article
from pipelines.ingest.metadata import read_metadata
from pipelines.ingest.planyear import plan_year
from pipelines.ingest.normalize import normalize_paragraph
from pipelines.ingest.rawfiles import RawFile

MIN_REPORT_CJK = 20
PAGED_FORMATS = ("text", "html")
_CJK = re.compile(r"[\u4e00-\u9fff]")

DOCUMENT_KEYS = (
    "doc_id", "source_path", "sha256", "title", "region", "year", "report_date", "char_count",
    "clean_text", "province", "admin_level", "meeting", "speaker", "speaker_title", "region_code",
    "source_url", "encoding", "source_format", "is_complete", "completeness_note", "pages",
    "heading_hints", "plan_year", "replaced_bytes", "decode_note",
)


@dataclass
class IngestOutcome:
    documents: list[dict] = field(default_factory=list)
    rejected: list[dict] = field(default_factory=list)
    # diagnostics: every line removed as page furniture, {"source_path", "rule", "line"} (for run logs,
    # asset metadata and the corpus test that checks nothing of a report is removed)
    furniture_removed: list[dict] = field(default_factory=list)


def _log_removed(outcome: IngestOutcome, source_path: str, cleaned: "Cleaned") -> None:
    outcome.furniture_removed.extend(
        {"source_path": source_path, "rule": rule, "line": line} for rule, line in cleaned.removed
    )


class Rejected(Exception):
    """A file (or row) that cannot become a document; the message is the reason."""


@dataclass
class Cleaned:
    """One source's lines after normalization and furniture removal."""

    items: list[tuple[str, int | None]]
    furniture: dict
    removed: list[tuple[str, str]]
    front_matter: dict = field(default_factory=dict)
    page_title: str | None = None
    raw_text: str = ""


def _reject(source_path: str, sha256: str, reason: str) -> dict:
    return {"source_path": source_path, "sha256": sha256, "reason": reason}


def read_checked(f: RawFile) -> bytes:
    """The file's bytes, or ``Rejected`` for what can never be a report."""
    if f.size > sniff.MAX_BYTES:
        raise Rejected(f"file too large: {f.size:,} bytes (limit {sniff.MAX_BYTES:,}); no report is that long")
    data = f.path.read_bytes()
    if not data:
        raise Rejected("empty file (0 bytes)")
    if office_format(data):
        return data
    if data.startswith(office.OLE2):
        raise Rejected(office.ole2_reason(data))
    binary = sniff.binary_signature(data)
    if binary:
        raise Rejected(f"binary file under a text name: {binary} content (magic bytes {data[:8]!r})")
    return data


def office_format(data: bytes) -> str | None:
    """``pdf`` or ``docx`` when the bytes are one (whatever the file is called), else None."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04") and office.is_docx(data):
        return "docx"
    return None


def clean_office_source(fmt: str, data: bytes) -> Cleaned:
    """A PDF's text layer or a Word document's paragraphs, cleaned like any other source."""
    try:
        lines = office.pdf_lines(data) if fmt == "pdf" else office.docx_lines(data)
    except office.OfficeUnreadable as exc:
        raise Rejected(str(exc)) from None
    items, meta, removed = clean_lines(lines)
    return Cleaned(items, meta, removed, raw_text="\n".join(text for text, _ in lines))


def format_checked(source_path: str, text: str) -> str:
    try:
        return sniff.detect_format(source_path, text)
    except sniff.UnsupportedFormat as exc:
        raise Rejected(str(exc)) from None


def decode_checked(data: bytes) -> sniff.Decoded:
    try:
        decoded = sniff.decode(data)
    except sniff.UndecodableError as exc:
        raise Rejected(str(exc)) from None
    if not decoded.text.strip().strip("\ufeff"):
        raise Rejected("whitespace-only file: no text at all")
    return decoded


def _normalize_items(items: list[tuple[str, int | None]]) -> list[tuple[str, int | None]]:
    out = []
    for text, level in items:
        text = normalize_paragraph(text)
        if text:
            if isinstance(level, markdown.RunIn):
                level = _normalized_run_in(text, level)
            out.append((text, level))
    return out


def _normalized_run_in(text: str, level: markdown.RunIn) -> markdown.RunIn | None:
    """The run-in bold span in the normalized line; None when normalizing the span alone does not give
    the line's start (then the line gets no hint rather than a wrong one)."""
    prefix = normalize_paragraph(level.prefix)
    if prefix and len(prefix) < len(text) and text.startswith(prefix):
        return markdown.RunIn(prefix)
    return None


def clean_lines(items: list[tuple[str, int | None]]) -> tuple[list[tuple[str, int | None]], dict, list]:
    result = furniture.remove_furniture(_normalize_items(items))
    return result.lines, result.metadata, result.removed


def clean_text_source(text: str) -> Cleaned:
    text = furniture.apply_text_rules(text)
    items, meta, removed = clean_lines([(line, None) for line in text.splitlines()])
    return Cleaned(items, meta, removed, raw_text=text)


def clean_markdown_source(text: str) -> Cleaned:
    front_matter, body = markdown.split_front_matter(text)
    body = furniture.apply_text_rules(body)
    items, meta, removed = clean_lines(markdown.markdown_lines(body))
    return Cleaned(items, meta, removed, front_matter=front_matter, raw_text=body)


def clean_html_source(text: str) -> Cleaned:
    article = html_article(furniture.apply_text_rules(text))
    if article.cjk_chars < MIN_ARTICLE_CJK:
        raise Rejected(f"HTML with no article text ({article.cjk_chars} Chinese characters outside navigation, scripts and forms)")
    items, meta, removed = clean_lines(article.lines)
    return Cleaned(items, meta, removed, page_title=article.page_title, raw_text=text)


def _hints_and_text(items: list[tuple[str, int | None]]) -> tuple[str, list[dict]]:
    hints, pos, parts = [], 0, []
    for text, level in items:
        if isinstance(level, markdown.RunIn):  # only the bold span that opens the line
            hints.append({"char_start": pos, "char_end": pos + len(level.prefix), "level": 0, "run_in": True})
        elif level is not None:
            hints.append({"char_start": pos, "char_end": pos + len(text), "level": level})
        parts.append(text)
        pos += len(text) + 1
    return "\n".join(parts), hints


def _read_metadata(cleaned: Cleaned, paragraphs: list[str], *, source_path: str, export: dict | None):
    """Metadata; a traditional-Chinese text is read through a simplified working copy (the place
    table and patterns are simplified); title and speaker come back in the source's characters."""
    if not script.is_traditional("\n".join(paragraphs[:60])):
        return read_metadata(
            paragraphs, source_path=source_path, front_matter=cleaned.front_matter, export=export,
            page_title=cleaned.page_title, furniture=cleaned.furniture,
        )
    simple = [script.to_simplified(p) for p in paragraphs]

    def conv(value):
        return script.to_simplified(value) if isinstance(value, str) else value

    meta = read_metadata(
        simple, source_path=source_path,
        front_matter={k: conv(v) for k, v in (cleaned.front_matter or {}).items()},
        export={k: conv(v) for k, v in (export or {}).items()} if export else export,
        page_title=conv(cleaned.page_title), furniture=cleaned.furniture,
    )
    mapping = script.back_mapping(simple, paragraphs)
    meta.title = script.as_written(meta.title, mapping)
    meta.speaker = script.as_written(meta.speaker, mapping)
    return meta


def build_document(
    cleaned: Cleaned, *, source_path: str, content: bytes, encoding: str | None, source_format: str,
    page_paths: list[str], export: dict | None = None, missing_pages: list[int] | None = None,
    pages_announced: int | None = None, replaced_bytes: int = 0, decode_note: str | None = None,
) -> dict:
    clean_text, hints = _hints_and_text(cleaned.items)
    if len(_CJK.findall(clean_text, 0, 20 * MIN_REPORT_CJK)) < MIN_REPORT_CJK and len(_CJK.findall(clean_text)) < MIN_REPORT_CJK:
        raise Rejected(
            f"no report text: fewer than {MIN_REPORT_CJK} Chinese characters left after removing page furniture"
        )
    paragraphs = [text for text, _ in cleaned.items]
    meta = _read_metadata(cleaned, paragraphs, source_path=source_path, export=export)
    is_complete, note = completeness.assess(
        paragraphs, missing_pages=missing_pages, pages_announced=pages_announced,
        pages_present=len(page_paths),
    )
    sha = hashlib.sha256(content).hexdigest()
    doc = {
        "doc_id": content_id(content),
        "source_path": source_path,
        "sha256": sha,
        **meta.as_dict(),
        "char_count": len(clean_text),
        "clean_text": clean_text,
        "encoding": encoding,
        "source_format": source_format,
        "is_complete": is_complete,
        "completeness_note": note,
        "pages": page_paths,
        "heading_hints": hints,
        "plan_year": plan_year(meta.report_date, meta.year, clean_text),
        "replaced_bytes": replaced_bytes,
        "decode_note": decode_note,
    }
    return {key: doc.get(key) for key in DOCUMENT_KEYS}


CLEANERS = {"text": clean_text_source, "markdown": clean_markdown_source, "html": clean_html_source}


def _ingest_export(f: RawFile, decoded: sniff.Decoded, fmt: str, outcome: IngestOutcome) -> None:
    rows, error = (exports.csv_rows if fmt == "csv" else exports.jsonl_rows)(decoded.text)
    if error and not rows:
        outcome.rejected.append(_reject(f.source_path, f.sha256, error))
        return
    if error:
        outcome.rejected.append(_reject(f.source_path, f.sha256, error))
    for row in rows:
        row_path = f"{f.source_path}#{row.row_number}"
        if row.error:
            outcome.rejected.append(_reject(row_path, f.sha256, row.error))
            continue
        try:
            cleaned = clean_text_source(row.text)
            _log_removed(outcome, row_path, cleaned)
            doc = build_document(
                cleaned, source_path=row_path, content=row.text.encode("utf-8"), encoding=decoded.encoding,
                source_format=fmt, page_paths=[row_path], export=row.metadata,
                pages_announced=pages.pages_announced(row.text),
                replaced_bytes=0, decode_note=decoded.note,
            )
        except Rejected as exc:
            outcome.rejected.append(_reject(row_path, f.sha256, str(exc)))
            continue
        outcome.documents.append(doc)


def _stated_page(source_path: str, text: str) -> int | None:
    """The page number a file states: its address (``…_2.html``), else ``第N页`` with its title."""
    probe = text[:pages.HEAD_BYTES] + "\n" + text[-pages.TAIL_BYTES:]
    key = pages.page_key(source_path, probe)
    if key:
        return key.page
    tp = pages.title_page(probe)
    return tp.page if tp else None


def _ingest_single(f: RawFile, outcome: IngestOutcome) -> None:
    try:
        data = read_checked(f)
        if fmt := office_format(data):
            cleaned = clean_office_source(fmt, data)
            _log_removed(outcome, f.source_path, cleaned)
            outcome.documents.append(build_document(
                cleaned, source_path=f.source_path, content=data, encoding=None, source_format=fmt,
                page_paths=[f.source_path]))
            return
        decoded = decode_checked(data)
        fmt = format_checked(f.source_path, decoded.text)
        if fmt in ("csv", "jsonl"):
            _ingest_export(f, decoded, fmt, outcome)
            return
        cleaned = CLEANERS[fmt](decoded.text)
        _log_removed(outcome, f.source_path, cleaned)
        page = _stated_page(f.source_path, decoded.text)
        missing = list(range(1, page)) if page and page > 1 else None
        doc = build_document(
            cleaned, source_path=f.source_path, content=data, encoding=decoded.encoding,
            source_format=fmt, page_paths=[f.source_path], missing_pages=missing,
            pages_announced=pages.pages_announced(cleaned.raw_text) if fmt in PAGED_FORMATS else None,
            replaced_bytes=decoded.replaced_bytes, decode_note=decoded.note,
        )
    except Rejected as exc:
        outcome.rejected.append(_reject(f.source_path, f.sha256, str(exc)))
        return
    outcome.documents.append(doc)


def _ingest_pages(group: list[RawFile], outcome: IngestOutcome) -> None:
    """Pages of one report, already in page order, joined into one document."""
    good: list[tuple[RawFile, bytes, sniff.Decoded, str, Cleaned, int]] = []
    for f in group:
        try:
            data = read_checked(f)
            if office_format(data):
                raise Rejected(f"page of a multi-page report in {office_format(data)} format")
            decoded = decode_checked(data)
            fmt = format_checked(f.source_path, decoded.text)
            if fmt not in PAGED_FORMATS:
                raise Rejected(f"page of a multi-page report in unsupported format {fmt}")
            cleaned = CLEANERS[fmt](decoded.text)
            _log_removed(outcome, f.source_path, cleaned)
            good.append((f, data, decoded, fmt, cleaned, _stated_page(f.source_path, decoded.text) or len(good) + 1))
        except Rejected as exc:
            outcome.rejected.append(_reject(f.source_path, f.sha256, f"page of a multi-page report: {exc}"))
    if not good:
        return
    good.sort(key=lambda g: g[5])
    first = good[0][4]
    head_lines = {pages.strip_page_marker(text) for text, _ in first.items[: furniture._head_end([t for t, _ in first.items])]}
    items = list(first.items)
    furniture_meta = dict(first.furniture)
    for f, _, _, _, cleaned, _ in good[1:]:
        page_items = list(cleaned.items)
        while page_items and pages.strip_page_marker(page_items[0][0]) in head_lines:  # the site header repeated on every page
            outcome.furniture_removed.append({"source_path": f.source_path, "rule": "repeated_page_header", "line": page_items[0][0]})
            page_items.pop(0)
        items.extend(page_items)
        for k, v in cleaned.furniture.items():
            furniture_meta.setdefault(k, v)
    present = [g[5] for g in good]
    announced = max((pages.pages_announced(g[4].raw_text) or 0) for g in good) or None
    last = max(max(present), announced or 0)
    missing = [p for p in range(1, last + 1) if p not in present]
    if furniture_meta.get("source_url"):
        furniture_meta["source_url"] = pages.key_from_address(furniture_meta["source_url"]).key
    joined = Cleaned(items, furniture_meta, [], front_matter=first.front_matter, page_title=first.page_title)
    try:
        doc = build_document(
            joined, source_path=good[0][0].source_path, content=b"".join(g[1] for g in good),
            encoding=good[0][2].encoding, source_format=good[0][3],
            page_paths=[g[0].source_path for g in good], missing_pages=missing,
            pages_announced=None, replaced_bytes=sum(g[2].replaced_bytes for g in good),
            decode_note="; ".join(f"{g[0].source_path}: {g[2].note}" for g in good if g[2].note) or None,
        )
    except Rejected as exc:
        for g in good:
            outcome.rejected.append(_reject(g[0].source_path, g[0].sha256, str(exc)))
        return
    outcome.documents.append(doc)


EXPORT_FORMATS = ("csv", "jsonl")


def document_sources(doc: dict, group: list[RawFile]) -> list[dict]:
    """The ``document_sources`` rows of a document: each page of a multi-page report (every file of
    its group), or for an export row the row itself (``export.csv#N``, with the file's sha256)."""
    if doc.get("source_format") in EXPORT_FORMATS:
        sha = next((f.sha256 for f in group if doc["source_path"].startswith(f.source_path + "#")), group[0].sha256)
        return [{"doc_id": doc["doc_id"], "source_path": doc["source_path"], "sha256": sha}]
    return [{"doc_id": doc["doc_id"], "source_path": f.source_path, "sha256": f.sha256} for f in group]


def ingest_group(group: list[RawFile]) -> IngestOutcome:
    """One group from ``group_files`` → its documents and rejected files. Never raises for bad input."""
    outcome = IngestOutcome()
    try:
        if len(group) == 1:
            _ingest_single(group[0], outcome)
        elif group:
            _ingest_pages(group, outcome)
    except Exception as exc:  # a bug must not stop the run: the file is reported, the others load
        for f in group:
            outcome.rejected.append(_reject(f.source_path, f.sha256, f"internal error while ingesting: {type(exc).__name__}: {exc}"))
    return outcome


def _page_probe(f: RawFile) -> tuple[pages.PageKey | None, pages.TitlePage | None]:
    """(address key, title key) of a file that may be a saved page; (None, None) for other files."""
    fmt = sniff.extension_format(f.source_path)
    name = f.source_path.rsplit("/", 1)[-1]
    if (fmt is None and "." in name) or fmt not in (None, *PAGED_FORMATS) or f.size > sniff.MAX_BYTES or f.size == 0:
        return None, None
    try:
        with f.path.open("rb") as fh:
            head = fh.read(pages.HEAD_BYTES)
            if f.size > pages.HEAD_BYTES + pages.TAIL_BYTES:
                fh.seek(-pages.TAIL_BYTES, 2)
            tail = fh.read()
    except OSError:
        return None, None
    probe = head + b"\n" + tail
    text = "\n".join(probe.decode(enc, errors="ignore") for enc in ("utf-8", "gb18030", "utf-16"))
    key = pages.page_key(f.source_path, text)
    return key, (None if key else pages.title_page(text))


def _title_groups(titled: dict[str, list[tuple[pages.TitlePage, RawFile]]]) -> tuple[list[list[RawFile]], list[RawFile]]:
    """Pages matched by title: (groups in page order, files that stay alone)."""
    groups: list[list[RawFile]] = []
    alone: list[RawFile] = []
    for members in titled.values():
        if not any(tp.page and tp.page >= 2 for tp, _ in members):
            alone.extend(f for _, f in members)
            continue
        members.sort(key=lambda m: m[1].source_path)
        by_page: dict[int, RawFile] = {}
        for tp, f in members:
            page = tp.page if tp.page else (1 if tp.paged else None)
            if page is None or page in by_page:  # a whole copy, or a second copy of a page
                alone.append(f)
            else:
                by_page[page] = f
        if len(by_page) == 1:
            alone.extend(by_page.values())
        else:
            groups.append([by_page[p] for p in sorted(by_page)])
    return groups, alone


def group_files(files: list[RawFile]) -> list[list[RawFile]]:
    """Pages of one multi-page report together, in page order; every other file alone.

    Pages are recognised by their address (``10234.html``, ``10234_2.html`` … in the file name, or a
    ``本文地址:/…/10234_2.html`` line in a saved page), or, for files without an address, by a shared
    page title with a stated page number (``…工作报告(第2页)``; see ``pages.title_page``). Groups are
    ordered by their first file's ``source_path``.
    """
    keyed: dict[str, list[tuple[int, RawFile]]] = {}
    titled: dict[str, list[tuple[pages.TitlePage, RawFile]]] = {}
    singles: list[list[RawFile]] = []
    for f in files:
        key, title = _page_probe(f)
        if key is not None:
            keyed.setdefault(key.key, []).append((key.page, f))
        elif title is not None:
            titled.setdefault(title.title, []).append((title, f))
        else:
            singles.append([f])
    groups = singles
    by_title, alone = _title_groups(titled)
    groups.extend(by_title)
    groups.extend([f] for f in alone)
    for members in keyed.values():
        members.sort(key=lambda m: (m[0], m[1].source_path))
        pages_of_report: list[RawFile] = []
        seen_pages: set[int] = set()
        for page, f in members:
            if page in seen_pages:  # a second copy of a page (another name or encoding): its own group
                groups.append([f])
            else:
                seen_pages.add(page)
                pages_of_report.append(f)
        groups.append(pages_of_report)
    return sorted(groups, key=lambda g: min(f.source_path for f in g))
