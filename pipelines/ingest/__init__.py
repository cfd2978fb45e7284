"""Raw files → cleaned documents. (First version: UTF-8 text files; replaced by the ingest stage.)"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from pipelines.contracts import content_id


@dataclass(frozen=True)
class RawFile:
    source_path: str
    path: Path
    sha256: str
    size: int


@dataclass
class IngestOutcome:
    documents: list[dict] = field(default_factory=list)
    rejected: list[dict] = field(default_factory=list)


def scan_raw_folder(raw_dir: Path) -> list[RawFile]:
    files = []
    for p in sorted(Path(raw_dir).rglob("*")):
        rel = p.relative_to(raw_dir)
        if not p.is_file() or any(part.startswith(".") for part in rel.parts):
            continue
        data = p.read_bytes()
        files.append(RawFile(rel.as_posix(), p, hashlib.sha256(data).hexdigest(), len(data)))
    return files


def group_files(files: list[RawFile]) -> list[list[RawFile]]:
    return [[f] for f in files]


_FURNITURE = re.compile(r"^(导航菜单|本文仅代表作者观点.*|本文地址[:：].*|留言与评论.*|验证码[:：].*)$")
_CJK = r"[\u4e00-\u9fff“”‘’]"


def _clean(text: str) -> str:
    lines = []
    for line in text.splitlines():
        line = "".join(ch if not ("\uff10" <= ch <= "\uff5a") else unicodedata.normalize("NFKC", ch)
                       for ch in line)
        line = re.sub(r"\s+", " ", line).strip()
        if not line or _FURNITURE.match(line):
            continue
        for a, b in ((",", "，"), (":", "："), (";", "；"), ("(", "（"), (")", "）")):
            line = re.sub(rf"(?<={_CJK}){re.escape(a)}|{re.escape(a)}(?={_CJK})", b, line)
        line = line.replace("(", "（").replace(")", "）") if re.match(r"^\([一二三四五六七八九十]+\)", line) else line
        lines.append(line)
    return "\n".join(lines)


def ingest_group(group: list[RawFile]) -> IngestOutcome:
    out = IngestOutcome()
    for f in group:
        data = f.path.read_bytes()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            out.rejected.append({"source_path": f.source_path, "sha256": f.sha256, "reason": "not UTF-8"})
            continue
        clean = _clean(text)
        if not clean:
            out.rejected.append({"source_path": f.source_path, "sha256": f.sha256, "reason": "empty"})
            continue
        year = re.search(r"(\d{4})年", clean)
        out.documents.append({
            "doc_id": content_id(data), "source_path": f.source_path, "sha256": f.sha256,
            "title": clean.splitlines()[0], "region": None, "year": int(year.group(1)) if year else None,
            "report_date": None, "char_count": len(clean), "clean_text": clean,
            "province": None, "admin_level": None, "meeting": None, "speaker": None,
            "speaker_title": None, "region_code": None, "source_url": None, "encoding": "utf-8",
            "source_format": f.path.suffix.lstrip("."), "is_complete": None,
            "completeness_note": None, "pages": [f.source_path], "heading_hints": [],
        })
    return out
