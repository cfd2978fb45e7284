"""Helpers for the operations tests: run the real `ingest_reports` job (assets and asset checks)
on a raw folder, read the run's log, snapshot the warehouse, hold it open from another process."""
from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import dagster as dg
import duckdb

from pipelines.defs.resources import GovReportResource
from tests.conftest import REPO, SAMPLE, definitions, shared_path

# three small reports of the shared corpus (paths under ../shared/corpus)
CORPUS_FILES = ["lawtext-gov/政府工作报告-国务院/1975.md",
                "lawtext-gov/政府工作报告-其他地市/邢台市/2021.md",
                "lawtext-gov/政府工作报告-其他地市/抚顺市/2020.md"]
ROW_TABLES = ("documents", "sections", "paragraphs", "sentences", "metrics", "document_sources")


def make_raw(root: Path, corpus_files=CORPUS_FILES, sample: bool = True) -> Path:
    """A raw folder with the committed sample and copies of some corpus reports."""
    raw = root / "raw"
    raw.mkdir(parents=True, exist_ok=True)
    if sample:
        shutil.copy(SAMPLE, raw / SAMPLE.name)
    for rel in corpus_files:
        src = shared_path("corpus", rel)
        dst = raw / Path(rel).relative_to("lawtext-gov")
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(src, dst)
    return raw


def run_job(raw: Path, warehouse: Path, *, full_refresh: bool = False, reprocess_stale: bool = True,
            lock_wait: float | None = None) -> tuple[dg.ExecuteInProcessResult, list[str]]:
    """Run ingest_reports (assets + checks) in this process; returns the result and its log lines."""
    resource = GovReportResource(raw_dir=str(raw), warehouse=str(warehouse), workers=1, lock_wait=lock_wait)
    instance = dg.DagsterInstance.ephemeral()
    result = definitions().resolve_job_def("ingest_reports").execute_in_process(
        run_config={"ops": {"raw_inventory": {"config": {"full_refresh": full_refresh,
                                                         "reprocess_stale": reprocess_stale}}}},
        resources={"govreport": resource}, instance=instance, raise_on_error=False)
    logs = [e.user_message for e in instance.all_logs(result.run_id) if e.user_message]
    return result, logs


def metadata(result: dg.ExecuteInProcessResult, asset: str) -> dict:
    mats = result.asset_materializations_for_node(asset)
    assert mats, f"{asset} was not materialized"
    return {k: v.value for k, v in mats[-1].metadata.items()}


def snapshot(warehouse: Path, skip_columns=()) -> dict[str, dict[str, list[tuple]]]:
    """Every row of every document table, grouped by doc_id (read-only)."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        snap = {}
        for table in ROW_TABLES:
            cols = [c for (c,) in con.execute(
                "SELECT column_name FROM duckdb_columns() WHERE table_name = ? AND schema_name = 'main' "
                "ORDER BY column_index", [table]).fetchall() if c not in skip_columns]
            rows = con.execute(f'SELECT {", ".join(cols)} FROM {table}').fetchall()
            by_doc: dict[str, list[tuple]] = {}
            for row in rows:
                by_doc.setdefault(row[cols.index("doc_id")], []).append(row)
            snap[table] = {d: sorted(r, key=repr) for d, r in by_doc.items()}
        return snap
    finally:
        con.close()


def file_sha(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def python_env() -> dict:
    """Environment for a child Python process: this repo importable, no Dagster instance."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DAGSTER_", "GOVREPORT_"))}
    env["PYTHONPATH"] = str(REPO)
    return env


def holder(warehouse: Path, code: str) -> subprocess.Popen:
    """A second real process that opens the warehouse and runs ``code`` (with ``con`` and ``path``
    defined), then prints ``ready`` and waits for a line on stdin (or EOF) before closing it."""
    script = "\n".join([
        "import sys, duckdb",
        f"path = {str(warehouse)!r}",
        textwrap.dedent(code).strip(),
        "print('ready', flush=True)",
        "for line in sys.stdin:",
        "    if line.strip() == 'close':",
        "        break",
        "    print(eval(line), flush=True)",
        "con.close()",
        "print('closed', flush=True)",
    ])
    proc = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True, env=python_env())
    line = proc.stdout.readline().strip()
    assert line == "ready", f"holder did not start: {line!r}"
    return proc


def ask(proc: subprocess.Popen, expression: str) -> str:
    proc.stdin.write(expression + "\n")
    proc.stdin.flush()
    return proc.stdout.readline().strip()


def close(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.stdin.write("close\n")
        proc.stdin.flush()
        proc.stdout.readline()
        proc.wait(timeout=30)
