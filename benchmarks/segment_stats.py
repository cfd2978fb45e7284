"""Segment every report of the lawtext-gov corpus and print sentence statistics and throughput.

Usage: python benchmarks/segment_stats.py [CORPUS_DIR]
(default: the repo's sibling ../shared/corpus/lawtext-gov, or $GOVREPORT_SHARED/corpus/lawtext-gov).
Cleaning uses the test-only stand-in in tests/segment_text_helpers.py until the real ingest lands;
only segmenting is timed (one process, one core).
"""
from __future__ import annotations

import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from pipelines.segment import segment_document, sentence_count_distribution  # noqa: E402
from segment_text_helpers import LAWTEXT, load_clean  # noqa: E402


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else LAWTEXT
    paths = sorted(corpus.rglob("*.md"))
    started = time.perf_counter()
    docs = [load_clean(p) for p in paths]
    clean_seconds = time.perf_counter() - started
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
    parts: dict[str, int] = {}
    for s in segs:
        for t in s.sentences:
            parts[t["part"]] = parts.get(t["part"], 0) + 1

    print(f"reports            {len(paths)}")
    print(f"characters         {chars:,}")
    print(f"sections           {sections:,}")
    print(f"paragraphs         {paragraphs:,}")
    print(f"sentences          {dist['total']:,}")
    print("sentences/report   min {min}  median {median:g}  p90 {p90:g}  max {max}".format(**dist))
    print(f"sentence length    median {lengths[len(lengths) // 2]}  p99 {lengths[int(len(lengths) * .99)]}"
          f"  max {lengths[-1]}  >1000: {sum(n > 1000 for n in lengths)}")
    print(f"target statement   {with_target} of {len(paths)} reports")
    print("sentences by part  " + "  ".join(f"{k} {v:,}" for k, v in sorted(parts.items())))
    print(f"segment throughput {chars / cpu / 1e6:.2f}M chars/s CPU ({cpu:.1f}s CPU, {wall:.1f}s wall, one core)")
    print(f"(test-helper cleaning took {clean_seconds:.1f}s, not counted)")
    print(f"peak RSS           {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
