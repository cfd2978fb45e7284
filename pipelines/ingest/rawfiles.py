"""The raw folder's inventory: every regular, non-hidden file, with its hash (and the folder walker
the raw-folder sensor shares)."""
from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
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


Skip = Callable[[str, str], None]  # (source_path, reason)


def walk_raw_folder(raw_dir: Path, *, follow_outside: bool = False,
                    on_skip: Skip | None = None) -> list[tuple[str, Path]]:
    """``(source_path, path)`` of every regular file under ``raw_dir`` (recursively) that the pipeline
    reads, sorted by ``source_path``: the one folder walker of the scanner and the raw-folder sensor.

    - Hidden files and anything inside hidden folders (``.gitkeep``, ``.DS_Store``, ``.git/``) are
      skipped.
    - Symlinks are followed when they point inside the raw folder: a linked file is read under the
      link's name, a linked folder walked under the link's path. A link pointing **outside** the raw
      folder is skipped, and ``on_skip`` told why, unless ``follow_outside`` (the resource setting
      ``follow_links_outside`` / ``GOVREPORT_FOLLOW_LINKS_OUTSIDE``: researchers who link a corpus
      in from elsewhere turn it on). So a stray link to ``/etc/passwd`` is never read by default.
    - A link back to a folder being walked (a cycle) is not entered again; broken links are skipped
      (and reported)."""
    raw_dir = Path(raw_dir)
    try:
        root = raw_dir.resolve(strict=True)
    except OSError:
        return []
    found: list[tuple[str, Path]] = []
    _walk(raw_dir, root, raw_dir, set(), found, follow_outside, on_skip or (lambda path, reason: None))
    return sorted(found)


def scan_raw_folder(raw_dir: Path, *, follow_outside: bool = False, on_skip: Skip | None = None) -> list[RawFile]:
    """Every file ``walk_raw_folder`` finds, with its sha256 and size, sorted by ``source_path``."""
    raw_dir = Path(raw_dir)
    files = []
    for rel, path in walk_raw_folder(raw_dir, follow_outside=follow_outside, on_skip=on_skip):
        try:
            files.append(raw_file(raw_dir, path))
        except OSError as exc:  # vanished or unreadable between the walk and the read
            (on_skip or (lambda p, r: None))(rel, f"unreadable: {exc.strerror or exc}")
    return files


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _walk(raw_dir: Path, root: Path, folder: Path, open_dirs: set[tuple[int, int]],
          found: list[tuple[str, Path]], follow_outside: bool, skip: Skip) -> None:
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
        rel = path.relative_to(raw_dir).as_posix()
        try:
            if entry.is_symlink():
                try:
                    target = path.resolve(strict=True)
                except (OSError, RuntimeError):
                    skip(rel, "broken symlink")
                    continue
                if not follow_outside and not _inside(target, root):
                    skip(rel, f"symlink to {target}, outside the raw folder (set follow_links_outside "
                              "to read it)")
                    continue
            if entry.is_dir(follow_symlinks=True):
                _walk(raw_dir, root, path, open_dirs, found, follow_outside, skip)
            elif entry.is_file(follow_symlinks=True):
                found.append((rel, path))
        except OSError:  # unreadable entry
            continue
    open_dirs.discard(here)
