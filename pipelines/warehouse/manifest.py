"""A small JSON file beside the published warehouse that says what it was built from.

It lets a run decide "nothing changed" without opening the warehouse (which an analyst may hold
locked): the raw files and their sha256, the pipeline version and the SQL models' digest. The
warehouse tables stay the truth: a stale manifest only costs a run that finds nothing to do.
"""
from __future__ import annotations

import json
import os
from pathlib import Path


def manifest_path(published: Path) -> Path:
    return Path(published).with_name(Path(published).name + ".manifest.json")


def read_manifest(published: Path) -> dict | None:
    path = manifest_path(published)
    if not Path(published).exists() or not path.exists():
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_manifest(published: Path, manifest: dict) -> None:
    path = manifest_path(published)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)
