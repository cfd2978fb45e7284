"""Distribution figures over segmented reports (printed by ``benchmarks/segment_stats.py``)."""
from __future__ import annotations

import math
from collections.abc import Iterable


def _quantile(sorted_values: list[int], q: float) -> float:
    """Linear-interpolated quantile (numpy's default method) of an ascending list."""
    if not sorted_values:
        raise ValueError("no values")
    pos = (len(sorted_values) - 1) * q
    lo, hi = math.floor(pos), math.ceil(pos)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def sentence_count_distribution(counts: Iterable[int]) -> dict:
    """``{"reports", "min", "median", "p90", "max", "total"}`` of sentences per report."""
    values = sorted(counts)
    return {
        "reports": len(values),
        "min": values[0],
        "median": _quantile(values, 0.5),
        "p90": _quantile(values, 0.9),
        "max": values[-1],
        "total": sum(values),
    }
