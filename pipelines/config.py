"""Where things are: the repo root, and paths given relative to it."""
from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
SQL_DIR = REPO_ROOT / "sql"

DEFAULT_RAW_DIR = "raw"
DEFAULT_WAREHOUSE = "warehouse/reports.duckdb"


def resolve(path: str | Path) -> Path:
    """A path as configured: absolute as is, relative against the repo root (not the cwd)."""
    p = Path(path).expanduser()
    return p if p.is_absolute() else (REPO_ROOT / p)
