"""The raw folder's inventory: every regular, non-hidden file, with its hash."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class RawFile:
    source_path: str  # posix path relative to the raw folder
    path: Path
    sha256: str       # full hex digest of the bytes
    size: int


def _sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def raw_file(raw_dir: Path, path: Path) -> RawFile:
    return RawFile(path.relative_to(raw_dir).as_posix(), path, _sha256(path), path.stat().st_size)


def scan_raw_folder(raw_dir: Path) -> list[RawFile]:
    """Every regular file under ``raw_dir`` (recursively), sorted by ``source_path``; hidden files
    and anything inside hidden folders (``.gitkeep``, ``.DS_Store``, ``.git/``) are skipped."""
    raw_dir = Path(raw_dir)
    files = []
    for path in raw_dir.rglob("*"):
        rel = path.relative_to(raw_dir)
        if any(part.startswith(".") for part in rel.parts):
            continue
        if path.is_file() and not path.is_symlink():
            files.append(raw_file(raw_dir, path))
    return sorted(files, key=lambda f: f.source_path)
