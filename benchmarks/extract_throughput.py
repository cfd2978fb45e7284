"""Extraction throughput over the whole lawtext-gov corpus: characters per second on one core, peak RSS.

    python benchmarks/extract_throughput.py [--limit N] [--profile]

Reads every Markdown report under ``../shared/corpus/lawtext-gov/``, splits it into sentences with a
minimal splitter (the segmenter's job in the pipeline; its time is not counted), then times
``pipelines.extract.extract_mentions`` over every sentence. Prints documents, characters, mentions,
seconds, characters per second and the process's peak resident memory.
"""
from __future__ import annotations

import argparse
import re
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from pipelines.extract import extract_mentions  # noqa: E402

SENTENCE_END = re.compile(r"(?<=[。！？；\n])")


def find_corpus() -> Path:
    for parent in ROOT.parents:
        if (parent / "shared" / "corpus" / "lawtext-gov").is_dir():
            return parent / "shared" / "corpus" / "lawtext-gov"
    sys.exit("../shared/corpus/lawtext-gov not found")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, default=0, help="only the first N files")
    a = ap.parse_args()
    files = sorted(find_corpus().rglob("*.md"))
    if a.limit:
        files = files[: a.limit]
    chars = mentions = 0
    seconds = 0.0
    for f in files:  # one report at a time, so peak memory is the extractor's, not the corpus's
        year = int(f.stem) if f.stem.isdigit() else None
        sentences = [s for s in SENTENCE_END.split(f.read_text(encoding="utf-8")) if s.strip()]
        chars += sum(len(s) for s in sentences)
        start = time.process_time()
        for s in sentences:
            mentions += len(extract_mentions(s, report_year=year))
        seconds += time.process_time() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"documents {len(files)}  characters {chars:,}  mentions {mentions:,}")
    print(f"extraction CPU seconds {seconds:.1f}  throughput {chars / seconds:,.0f} chars/s (one core)  "
          f"peak RSS {peak_mb:,.0f} MB")


if __name__ == "__main__":
    main()
