"""The raw folder's inventory: every regular, non-hidden file, with its hash."""
from __future__ import annotations

import hashlib
import os
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
    """``path`` under ``raw_dir`` (through links: the name is the link's, the bytes its target's)."""
    return RawFile(path.relative_to(raw_dir).as_posix(), path, _sha256(path), path.stat().st_size)


def scan_raw_folder(raw_dir: Path) -> list[RawFile]:
    """Every regular file under ``raw_dir`` (recursively), sorted by ``source_path``; hidden files
    and anything inside hidden folders (``.gitkeep``, ``.DS_Store``, ``.git/``) are skipped.

    Symlinks are followed (researchers link corpora in): a linked file is read under the link's
    name, a linked folder is walked under the link's path. A link back to a folder that is being
    walked (a cycle) is not entered again; broken links are skipped."""
    raw_dir = Path(raw_dir)
    files: list[RawFile] = []
    _walk(raw_dir, raw_dir, set(), files)
    return sorted(files, key=lambda f: f.source_path)


def _walk(raw_dir: Path, folder: Path, open_dirs: set[tuple[int, int]], files: list[RawFile]) -> None:
    try:
        st = folder.stat()
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    here = (st.st_dev, st.st_ino)
    if here in open_dirs:  # a link to a folder we are inside: a cycle
        return
    open_dirs.add(here)
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = folder / entry.name
        try:
            if entry.is_dir(follow_symlinks=True):
                _walk(raw_dir, path, open_dirs, files)
            elif entry.is_file(follow_symlinks=True):
                files.append(raw_file(raw_dir, path))
        except OSError:  # broken link, unreadable entry
            continue
    open_dirs.discard(here)
