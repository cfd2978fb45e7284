"""Build the warehouse from a whole corpus through the real Dagster job and print per-stage figures.

    python benchmarks/build_benchmark.py [--raw ../shared/corpus] [--workers 1 2] [--keep DIR]

For each worker count: a from-scratch build into a temp warehouse, then a no-change re-run. Per stage
(inventory, cleaning, segmenting, extraction, loading, views, publish): wall time, characters per
second, rows written; and the run's peak resident memory (this process plus its worker processes,
sampled every 50 ms). Before that, a *floor* measured in the same run: a fresh Python that imports
dagster and duckdb, reads every file and makes one regex pass over its text — so the figures read as
"pipeline = N × floor".
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

CHECKS = {f"warehouse_tables_{c}" for c in ("unique_ids", "offsets_round_trip", "metric_units_allowed",
                                              "no_page_furniture", "documents_with_metrics")}
STAGES = [("raw_inventory", "inventory"), ("cleaned_documents", "cleaning"), ("segments", "segmenting"),
          ("metric_mentions", "extraction"), ("warehouse_tables", "loading")]

FLOOR = r"""
import re, sys, time
t0 = time.perf_counter()
import dagster, duckdb
from pathlib import Path
t1 = time.perf_counter()
pat = re.compile(r"\d+(?:\.\d+)?(?:万|亿)?(?:元|%)")
chars = hits = files = 0
for p in sorted(Path(sys.argv[1]).rglob("*")):
    if p.is_file() and not p.name.startswith("."):
        text = p.read_bytes().decode("utf-8", "replace")
        chars += len(text); files += 1
        hits += sum(1 for _ in pat.finditer(text))
t2 = time.perf_counter()
print(files, chars, hits, t1 - t0, t2 - t1)
"""


class PeakRss:
    """Samples the resident memory of this process and all its children; keeps the peak."""

    def __init__(self, interval: float = 0.05):
        self.interval, self.peak, self._stop = interval, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for p in [me, *me.children(recursive=True)]:
                try:
                    total += p.memory_info().rss
                except psutil.Error:
                    pass
            self.peak = max(self.peak, total)
            time.sleep(self.interval)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()


def measure_floor(raw: Path) -> dict:
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", FLOOR, str(raw)], capture_output=True, text=True, check=True)
    wall = time.perf_counter() - start
    files, chars, hits, t_import, t_read = out.stdout.split()
    return {"files": int(files), "chars": int(chars), "wall": wall, "import": float(t_import),
            "read_regex": float(t_read)}


def step_seconds(result) -> dict[str, float]:
    """Wall time of each step, from the run's STEP_SUCCESS events."""
    return {e.step_key: e.event_specific_data.duration_ms / 1000 for e in result.all_events
            if e.event_type_value == "STEP_SUCCESS"}


def run_build(raw: Path, warehouse: Path, workers: int) -> dict:
    import dagster as dg

    from pipelines.definitions import defs
    from pipelines.defs.resources import GovReportResource

    resource = GovReportResource(raw_dir=str(raw), warehouse=str(warehouse), workers=workers)
    job = defs().resolve_job_def("ingest_reports")  # the real job: assets and asset checks
    start = time.perf_counter()
    with PeakRss() as rss:
        result = job.execute_in_process(resources={"govreport": resource},
                                        instance=dg.DagsterInstance.ephemeral())
    wall = time.perf_counter() - start
    assert result.success
    meta = {}
    for key, _ in STAGES + [("published_warehouse", "publish")]:
        mats = result.asset_materializations_for_node(key)
        meta[key] = {k: getattr(v, "value", v) for k, v in mats[0].metadata.items()} if mats else {}
    return {"wall": wall, "peak_rss": rss.peak, "steps": step_seconds(result), "meta": meta}


def rows_written(key: str, meta: dict) -> int:
    m = meta.get(key, {})
    if key == "raw_inventory":
        return m.get("files", 0)
    if key == "cleaned_documents":
        return m.get("documents", 0) + m.get("rejected", 0)
    if key == "segments":
        return m.get("sections", 0) + m.get("paragraphs", 0) + m.get("sentences", 0)
    if key == "metric_mentions":
        return m.get("metrics", 0)
    if key == "warehouse_tables":
        return sum(v for k, v in m.items() if k.startswith("loaded_") and k != "loaded_documents_removed")
    return 0


def report(label: str, build: dict, chars: int, floor: dict) -> None:
    steps = build["steps"]
    print(f"\n== {label}: {build['wall']:.1f} s end to end, peak RSS {build['peak_rss'] / 2**20:,.0f} MiB "
          f"= {build['wall'] / floor['wall']:.1f} x floor")
    print(f"{'stage':<12}{'wall s':>9}{'chars/s':>14}{'rows':>12}")
    for key, name in STAGES:
        s = steps.get(key, 0.0)
        print(f"{name:<12}{s:>9.2f}{chars / s if s else 0:>14,.0f}{rows_written(key, build['meta']):>12,}")
    checks = {k: v for k, v in steps.items() if k in CHECKS}
    other = {k: v for k, v in steps.items()
             if k not in dict(STAGES) and k not in checks and k not in ("published_warehouse", "charts")}
    print(f"{'views':<12}{sum(other.values()):>9.2f}   ({len(other)} SQL models and seeds; slowest: "
          + ", ".join(f"{k} {v:.1f}" for k, v in sorted(other.items(), key=lambda kv: -kv[1])[:3]) + ")")
    print(f"{'checks':<12}{sum(checks.values()):>9.2f}   ("
          + ", ".join(f"{k.removeprefix('warehouse_tables_')} {v:.1f}" for k, v in checks.items()) + ")")
    print(f"{'publish':<12}{steps.get('published_warehouse', 0.0):>9.2f}")
    print(f"{'charts':<12}{steps.get('charts', 0.0):>9.2f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--raw", default=str(REPO.parent / "shared" / "corpus"))
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--keep", help="keep the warehouse of the last build in this folder")
    a = ap.parse_args()
    raw = Path(a.raw).resolve()
    if not raw.exists():
        print(f"no corpus at {raw}", file=sys.stderr)
        return 2

    print(f"machine: {os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB; corpus {raw.name}")
    floor = measure_floor(raw)
    print(f"floor: {floor['wall']:.2f} s wall ({floor['import']:.2f} s importing dagster+duckdb, "
          f"{floor['read_regex']:.2f} s reading {floor['files']} files / {floor['chars']:,} chars + one regex pass)")

    builds = {}
    for workers in a.workers:
        with tempfile.TemporaryDirectory() as tmp:
            warehouse = Path(a.keep or tmp) / "reports.duckdb"
            if warehouse.exists():
                warehouse.unlink()
            build = run_build(raw, warehouse, workers)
            chars = build["meta"]["cleaned_documents"].get("characters", floor["chars"])
            report(f"build, {workers} worker(s)", build, chars, floor)
            rerun = run_build(raw, warehouse, workers)
            print(f"no-change re-run: {rerun['wall']:.2f} s = {100 * rerun['wall'] / build['wall']:.1f}% "
                  "of the build")
            builds[workers] = build
    if len(builds) > 1:
        lo, hi = min(builds), max(builds)
        print(f"\nscaling: {hi} workers build in {builds[hi]['wall']:.1f} s vs {builds[lo]['wall']:.1f} s with "
              f"{lo}: {builds[lo]['wall'] / builds[hi]['wall']:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
