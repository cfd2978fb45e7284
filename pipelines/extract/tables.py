"""Loads the CSV tables in ``data/`` once (units, magnitudes, qualifiers, indicators)."""
from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")


def _rows(name: str) -> list[dict]:
    with open(DATA_DIR / name, encoding="utf-8", newline="") as f:
        return [row for row in csv.DictReader(f)]


@lru_cache(maxsize=None)
def units() -> dict[str, tuple[str, str]]:
    """surface → (base unit, family); family ∈ percent, permille, pp, multiple, money, count, physical."""
    return {r["surface"]: (r["base"], r["family"]) for r in _rows("units.csv")}


@lru_cache(maxsize=None)
def magnitudes() -> dict[str, float]:
    """magnitude word → factor (万 → 1e4, 亿 → 1e8 …)."""
    return {r["word"]: float(r["factor"]) for r in _rows("magnitudes.csv")}


@lru_cache(maxsize=None)
def qualifiers() -> list[dict]:
    """Rows word, position (pre / post / infix), qualifier, strength (hard / soft / '')."""
    return _rows("qualifiers.csv")


@lru_cache(maxsize=None)
def indicators() -> list[dict]:
    """Rows code, name_zh, synonyms ('|'-separated), unit_kind, notes."""
    return _rows("indicators.csv")


@lru_cache(maxsize=None)
def indicator_guards() -> list[dict]:
    """Rows synonym, reject_before, reject_after (regexes): contexts where a synonym is a trap."""
    return _rows("indicator_guards.csv")


@lru_cache(maxsize=None)
def unit_kind_families() -> dict[str, frozenset[str]]:
    """indicator unit_kind → the unit families a value of that kind may have (``data/unit_kinds.csv``)."""
    return {r["unit_kind"]: frozenset(r["families"].split("|")) for r in _rows("unit_kinds.csv")}
