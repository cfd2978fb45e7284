"""Building twice from scratch gives identical warehouse contents — with the worker pool on, and
whether one worker or two did the work (issue: whole-corpus scale)."""
from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from conftest import materialize, shared_path

# a corpus subset across levels, decades and formats (Markdown, scraped text, CSV export)
SUBSET = [
    "lawtext-gov/政府工作报告-国务院/1985.md",
    "lawtext-gov/政府工作报告-国务院/2016.md",
    "lawtext-gov/政府工作报告-国务院/2024.md",
    "lawtext-gov/政府工作报告-省自治区/浙江省/2010.md",
    "lawtext-gov/政府工作报告-主要城市/重庆市/2023.md",
    "lawtext-gov/政府工作报告-其他地市/三明市/2025.md",
    "lawtext-gov/政府工作报告-其他地市/咸阳市/2014.md",
    "web/national-2006-scraped.txt",
    "web/ningxia-2026-export.csv",
    "web/yuzhong-2024-web.txt",
]
# columns that record when, not what
VOLATILE = {"ingested_at", "detected_at"}


def _raw(root: Path) -> Path:
    raw = root / "raw"
    for rel in SUBSET:
        dst = raw / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(shared_path("corpus", rel), dst)
    return raw


def _contents(warehouse: Path) -> dict[str, list[tuple]]:
    """Every row of every table and view, volatile columns left out, in a canonical order."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        names = [r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
            "ORDER BY table_name").fetchall()]
        out = {}
        for name in names:
            cols = [c for (c,) in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' "
                "AND table_name = ? ORDER BY ordinal_position", [name]).fetchall() if c not in VOLATILE]
            col_list = ", ".join(f'"{c}"' for c in cols)
            out[name] = con.execute(f'SELECT {col_list} FROM "{name}" ORDER BY ALL').fetchall()
        return out
    finally:
        con.close()


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    root = tmp_path_factory.mktemp("determinism")
    raw = _raw(root)
    made = {}
    for label, workers in (("first", 2), ("second", 2), ("one_worker", 1)):
        warehouse = root / label / "reports.duckdb"
        # batches of 3 documents, so that two workers really share the work
        assert materialize(raw, warehouse, workers=workers, batch_size=3).success
        made[label] = _contents(warehouse)
    return made


def test_the_subset_fills_every_table(builds):
    first = builds["first"]
    assert len(first["documents"]) == 10  # 9 files, the CSV export holding one report
    for table in ("sections", "paragraphs", "sentences", "metrics", "indicator_values", "targets"):
        assert len(first[table]) > 0, table


def test_two_builds_from_scratch_are_identical(builds):
    first, second = builds["first"], builds["second"]
    assert first.keys() == second.keys()
    for name in first:
        assert first[name] == second[name], f"{name} differs between two builds"


def test_one_worker_builds_the_same_as_two(builds):
    first, single = builds["first"], builds["one_worker"]
    for name in first:
        assert first[name] == single[name], f"{name} differs between 1 and 2 workers"
