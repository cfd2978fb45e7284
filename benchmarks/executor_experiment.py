"""Two ways to spread per-document work over the cores, measured on the same work.

    python benchmarks/executor_experiment.py [--raw ../shared/corpus/lawtext-gov] [--shards 8]

The work: clean, segment and extract every report (the pipeline's per-document stages, no DuckDB).

A. a process pool inside one step (what the pipeline does: ``pipelines.parallel.map_batches``);
B. the corpus split into shards, one Dagster op per shard, run by Dagster's multiprocess executor
   (``max_concurrent`` = cores), each step in its own process — the shape partitions take when an
   executor runs them in parallel.

Both use every core; the figures say what the executor's per-step process start costs against the
pool's, and whether B buys anything on one machine.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import dagster as dg  # noqa: E402

SHARDS = int(os.environ.get("EXPERIMENT_SHARDS", "8"))


def _work(groups) -> tuple[int, int, int]:
    """Clean, segment and extract a batch of file groups; returns (documents, sentences, metrics)."""
    from pipelines.extract import extract_document_metrics
    from pipelines.ingest import ingest_group
    from pipelines.segment import segment_document

    docs = sents = mets = 0
    for group in groups:
        for doc in ingest_group(group).documents:
            seg = segment_document(doc["doc_id"], doc["clean_text"], doc.get("heading_hints"))
            mets += len(extract_document_metrics(doc, seg.sentences))
            docs += 1
            sents += len(seg.sentences)
    return docs, sents, mets


def _groups(raw: Path):
    from pipelines.ingest import group_files, scan_raw_folder

    return group_files(scan_raw_folder(raw))


def _shard_op(i: int):
    @dg.op(name=f"shard_{i}")
    def _op(context) -> tuple:
        groups = _groups(Path(os.environ["EXPERIMENT_RAW"]))
        return _work(groups[i::SHARDS])

    return _op


@dg.job(executor_def=dg.multiprocess_executor.configured({"max_concurrent": os.cpu_count() or 2}))
def sharded_job():
    for i in range(SHARDS):
        _shard_op(i)()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--raw", default=str(REPO.parent / "shared" / "corpus" / "lawtext-gov"))
    a = ap.parse_args()
    raw = Path(a.raw).resolve()
    os.environ["EXPERIMENT_RAW"] = str(raw)

    from pipelines.parallel import default_workers, map_batches

    workers = default_workers()
    groups = _groups(raw)
    start = time.perf_counter()
    batches = [groups[i:i + 64] for i in range(0, len(groups), 64)]
    totals = [sum(x) for x in zip(*map_batches(_work, batches, workers))]
    pool = time.perf_counter() - start
    print(f"A. process pool in one step ({workers} workers): {pool:.1f} s  (docs, sentences, metrics = {totals})")

    with tempfile.TemporaryDirectory() as home:
        instance = dg.DagsterInstance.local_temp(home)
        start = time.perf_counter()
        with dg.execute_job(dg.reconstructable(sharded_job), instance=instance) as result:
            sharded = time.perf_counter() - start
            assert result.success
            totals = [sum(x) for x in zip(*(result.output_for_node(f"shard_{i}") for i in range(SHARDS)))]
    print(f"B. {SHARDS} shards on the multiprocess executor: {sharded:.1f} s  (docs, sentences, metrics = {totals})")
    print(f"B / A = {sharded / pool:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
