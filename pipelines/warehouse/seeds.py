"""Seed tables: small reference tables kept as CSV files in ``seeds/`` and loaded into the warehouse.

Every ``seeds/<name>.csv`` becomes the table ``<name>`` (replaced on each build), so researchers
extend the policy keywords or an indicator's polarity by editing a CSV, not code:

- ``keywords.csv`` → ``keywords`` (``keyword``, ``category``, ``label_en``): the terms
  ``keyword_intensity`` counts in every report.
- ``indicator_polarity.csv`` → ``indicator_polarity`` (``indicator_code``, ``better``,
  ``approx_tolerance``, ``note``): which way is better for an indicator (``higher``, ``lower``,
  ``band``), read by ``targets_vs_actuals`` to decide whether a target was met.

Columns are read as text and cast in the staging views (``sql/staging/stg_<name>.sql``), so a
CSV edit can never change a table's types behind the views' back.
"""
from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import duckdb

from pipelines.config import REPO_ROOT

SEEDS_DIR = REPO_ROOT / "seeds"

# Columns each known seed must have (more are allowed), and the column whose values must be unique.
REQUIRED = {
    "keywords": (("keyword", "category", "label_en"), "keyword"),
    "indicator_polarity": (("indicator_code", "better", "approx_tolerance"), "indicator_code"),
}


class SeedError(ValueError):
    """A seed CSV that cannot be loaded as it is (missing column, blank or duplicate key)."""


def seed_files(seeds_dir: Path = SEEDS_DIR) -> dict[str, Path]:
    """Table name → CSV path, for every ``*.csv`` directly in ``seeds_dir``, sorted by name."""
    return {p.stem: p for p in sorted(Path(seeds_dir).glob("*.csv"))}


def seeds_digest(seeds_dir: Path = SEEDS_DIR) -> str:
    """A digest of every seed file's name and bytes (a changed seed means the views must rebuild)."""
    digest = hashlib.sha256()
    for name, path in seed_files(seeds_dir).items():
        digest.update(name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def read_seed(name: str, path: Path) -> tuple[list[str], list[list[str]]]:
    """The CSV's header and rows (cells stripped), checked against ``REQUIRED``."""
    with open(path, encoding="utf-8-sig", newline="") as fh:
        rows = [[c.strip() for c in row] for row in csv.reader(fh) if any(c.strip() for c in row)]
    if not rows:
        raise SeedError(f"{path.name}: empty file (a header row is required)")
    header, body = rows[0], rows[1:]
    if len(set(header)) != len(header) or any(not h for h in header):
        raise SeedError(f"{path.name}: blank or repeated column name in header {header}")
    for i, row in enumerate(body, start=2):
        if len(row) != len(header):
            raise SeedError(f"{path.name}:{i}: {len(row)} cells, header has {len(header)}")
    required, key = REQUIRED.get(name, ((), None))
    missing = [c for c in required if c not in header]
    if missing:
        raise SeedError(f"{path.name}: missing column(s) {missing}")
    if key:
        k = header.index(key)
        seen: set[str] = set()
        for i, row in enumerate(body, start=2):
            if not row[k]:
                raise SeedError(f"{path.name}:{i}: blank {key}")
            if row[k] in seen:
                raise SeedError(f"{path.name}:{i}: duplicate {key} {row[k]!r}")
            seen.add(row[k])
    return header, body


def load_seeds(con: duckdb.DuckDBPyConnection, seeds_dir: Path = SEEDS_DIR) -> dict[str, int]:
    """(Re)create one VARCHAR table per seed CSV in one transaction; returns rows per table."""
    loaded: dict[str, int] = {}
    parsed = {name: read_seed(name, path) for name, path in seed_files(seeds_dir).items()}
    con.execute("BEGIN TRANSACTION")
    try:
        for name, (header, body) in parsed.items():
            cols = ", ".join(f'"{c}" VARCHAR' for c in header)
            con.execute(f'CREATE OR REPLACE TABLE "{name}" ({cols})')
            if body:
                marks = ", ".join("?" for _ in header)
                con.executemany(f'INSERT INTO "{name}" VALUES ({marks})',
                                [[c if c != "" else None for c in row] for row in body])
            loaded[name] = len(body)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return loaded
