"""Ingest throughput: chars/s and MB/s over a folder (default: ../shared/corpus), and peak RSS.

    python benchmarks/ingest_throughput.py [RAW_DIR] [--limit N]
"""
from __future__ import annotations

import argparse
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.ingest import group_files, ingest_group, scan_raw_folder  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("raw_dir", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    parser.add_argument("--limit", type=int, default=None, help="only the first N groups")
    args = parser.parse_args()
    t0 = time.perf_counter()
    files = scan_raw_folder(Path(args.raw_dir))
    t1 = time.perf_counter()
    groups = group_files(files)[: args.limit]
    t2 = time.perf_counter()
    n_docs = n_rej = chars = 0
    in_bytes = sum(f.size for g in groups for f in g)
    for group in groups:
        outcome = ingest_group(group)
        n_docs += len(outcome.documents)
        n_rej += len(outcome.rejected)
        chars += sum(d["char_count"] for d in outcome.documents)
    t3 = time.perf_counter()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"files {len(files)}  groups {len(groups)}  documents {n_docs}  rejected {n_rej}")
    print(f"input {in_bytes / 1e6:.1f} MB, clean_text {chars / 1e6:.2f} M chars")
    print(f"scan {t1 - t0:.2f}s  group {t2 - t1:.2f}s  ingest {t3 - t2:.2f}s  total {t3 - t0:.2f}s")
    print(f"throughput {chars / (t3 - t2):,.0f} chars/s  {in_bytes / 1e6 / (t3 - t2):.2f} MB/s (one core)")
    print(f"peak RSS {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
