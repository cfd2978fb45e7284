"""Shared fixtures: build a real warehouse with the real Dagster assets into a temp dir."""
from __future__ import annotations

import shutil
from functools import lru_cache
from pathlib import Path

import dagster as dg
import duckdb
import pytest

from pipelines.definitions import defs
from pipelines.defs.resources import GovReportResource
from tests.shared import SHARED, shared_path  # noqa: F401  (the one ../shared locator, re-exported)

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "raw" / "yuzhong-2024-web.txt"


@lru_cache(maxsize=1)
def definitions() -> dg.Definitions:
    """The code location, loaded from ``pipelines/defs/`` as Dagster loads it."""
    return defs()


def all_assets() -> list:
    return list(definitions().assets)


def materialize(raw_dir: Path, warehouse: Path, run_config: dict | None = None,
                workers: int = 1, batch_size: int = 64) -> dg.ExecuteInProcessResult:
    """Run every asset (the ingest_reports job's selection) once, for real."""
    resource = GovReportResource(raw_dir=str(raw_dir), warehouse=str(warehouse), workers=workers,
                                 batch_size=batch_size)
    return dg.materialize(all_assets(), resources={"govreport": resource}, run_config=run_config)


@pytest.fixture
def raw_dir(tmp_path: Path) -> Path:
    """A raw folder holding the committed sample report."""
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SAMPLE, raw / SAMPLE.name)
    return raw


@pytest.fixture(scope="session")
def sample_warehouse(tmp_path_factory) -> Path:
    """The warehouse built from the committed sample in raw/ (built once per test session)."""
    root = tmp_path_factory.mktemp("sample")
    raw = root / "raw"
    raw.mkdir()
    shutil.copy(SAMPLE, raw / SAMPLE.name)
    warehouse = root / "warehouse" / "reports.duckdb"
    result = materialize(raw, warehouse)
    assert result.success
    return warehouse


@pytest.fixture
def sample_db(sample_warehouse: Path):
    con = duckdb.connect(str(sample_warehouse), read_only=True)
    yield con
    con.close()
