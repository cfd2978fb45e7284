"""Segment every report of the lawtext-gov corpus and print sentence statistics and throughput.

Usage: python benchmarks/segment_stats.py [CORPUS_DIR] [-v]   (-v: list reports without a top-level review/tasks section)
(default: the repo's sibling ../shared/corpus/lawtext-gov, or $GOVREPORT_SHARED/corpus/lawtext-gov).
Clean text comes from the real ingest stage (``pipelines.ingest.ingest_folder``, timed separately);
only segmenting is timed for the throughput (one process, one core).
"""
from __future__ import annotations

import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.ingest import ingest_folder  # noqa: E402
from pipelines.segment import segment_document, sentence_count_distribution  # noqa: E402

SHARED = Path(os.environ.get("GOVREPORT_SHARED") or ROOT.parent / "shared")
LAWTEXT = SHARED / "corpus" / "lawtext-gov"


def main() -> None:
    args = [a for a in sys.argv[1:] if a != "-v"]
    corpus = Path(args[0]) if args else LAWTEXT
    started = time.perf_counter()
    outcome = ingest_folder(corpus)
    clean_seconds = time.perf_counter() - started
    ingested = sorted(outcome.documents, key=lambda d: d["source_path"])
    paths = [d["source_path"] for d in ingested]
    docs = [(d["clean_text"], d["heading_hints"]) for d in ingested]
    chars = sum(len(text) for text, _ in docs)

    cpu0, wall0 = time.process_time(), time.perf_counter()
    segs = [segment_document(f"d{i}", text, hints) for i, (text, hints) in enumerate(docs)]
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0

    per_report = [len(s.sentences) for s in segs]
    dist = sentence_count_distribution(per_report)
    lengths = sorted(len(t["text"]) for s in segs for t in s.sentences)
    sections = sum(len(s.sections) for s in segs)
    paragraphs = sum(len(s.paragraphs) for s in segs)
    with_target = sum(any(t["is_target_statement"] for t in s.sentences) for s in segs)
    # reports whose sections never say what was done or what is to be done
    no_body = [p for p, s in zip(paths, segs) if not any(x["part"] in ("review", "tasks") for x in s.sections)]
    no_top_body = [p for p, s in zip(paths, segs)
                   if not any(x["part"] in ("review", "tasks") and x["level"] == 1 for x in s.sections)]
    parts: dict[str, int] = {}
    for s in segs:
        for t in s.sentences:
            parts[t["part"]] = parts.get(t["part"], 0) + 1

    if "-v" in sys.argv:
        print("\n".join(no_top_body))
    print(f"reports            {len(paths)}")
    print(f"characters         {chars:,}")
    print(f"sections           {sections:,}")
    print(f"paragraphs         {paragraphs:,}")
    print(f"sentences          {dist['total']:,}")
    print("sentences/report   min {min}  median {median:g}  p90 {p90:g}  max {max}".format(**dist))
    print(f"sentence length    median {lengths[len(lengths) // 2]}  p99 {lengths[int(len(lengths) * .99)]}"
          f"  max {lengths[-1]}  >1000: {sum(n > 1000 for n in lengths)}")
    print(f"target statement   {with_target} of {len(paths)} reports")
    print(f"no review/tasks    {len(no_body)} reports (no top-level review/tasks section: {len(no_top_body)})")
    print("sentences by part  " + "  ".join(f"{k} {v:,}" for k, v in sorted(parts.items())))
    print(f"segment throughput {chars / cpu / 1e6:.2f}M chars/s CPU ({cpu:.1f}s CPU, {wall:.1f}s wall, one core)")
    print(f"(ingest took {clean_seconds:.1f}s wall, not counted; {len(outcome.rejected)} files rejected)")
    print(f"peak RSS           {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
