"""The warehouse beside analysts and failures, with second real processes: a read-only holder
never blocks a run; a read-write holder is waited for (the log names its PID), bounded by the lock
wait, and never overwritten; a run killed with SIGKILL mid-load leaves the previous warehouse
intact; a crashed analyst session's committed changes survive the next run."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from pipelines.warehouse.locks import WarehouseBusy
from pipelines.warehouse.manifest import manifest_path
from pipelines.warehouse.store import Warehouse
from tests.conftest import SHARED
from tests.ops_support import (CORPUS_FILES, ask, close, file_sha, holder, make_raw, python_env,
                               run_job, shared_path)

NEW = Path(CORPUS_FILES[1])


@pytest.fixture
def built(tmp_path):
    """A published warehouse built from the sample alone, and a raw folder with one more report."""
    raw = make_raw(tmp_path, corpus_files=[])
    warehouse = tmp_path / "warehouse" / "reports.duckdb"
    assert run_job(raw, warehouse)[0].success
    shutil.copy(shared_path("corpus", str(NEW)), raw / NEW.name)
    return raw, warehouse


def count_docs(warehouse: Path) -> int:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute("SELECT count(*) FROM documents").fetchone()[0]
    finally:
        con.close()


def tables(warehouse: Path) -> set[str]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return {t for (t,) in con.execute("SELECT table_name FROM information_schema.tables "
                                          "WHERE table_type = 'BASE TABLE'").fetchall()}
    finally:
        con.close()


def test_read_only_holder_never_blocks_a_run(built):
    raw, warehouse = built
    analyst = holder(warehouse, "con = duckdb.connect(path, read_only=True)")
    try:
        q = "con.execute('SELECT count(*) FROM documents').fetchone()[0]"
        assert ask(analyst, q) == "1"
        start = time.monotonic()
        result, logs = run_job(raw, warehouse, lock_wait=30)
        assert result.success
        assert time.monotonic() - start < 30 and not any("Waiting" in line for line in logs)
        assert count_docs(warehouse) == 2          # a new connection sees the new build
        assert ask(analyst, q) == "1"              # the open session keeps the snapshot it opened
    finally:
        close(analyst)


ANALYST_WRITES = """
con = duckdb.connect(path)
con.execute("CREATE TABLE analyst_notes AS SELECT 'keep me' AS note")
"""


def test_read_write_holder_is_waited_for_then_the_run_publishes(built):
    raw, warehouse = built
    analyst = holder(warehouse, ANALYST_WRITES)
    closer = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(3)"])  # analyst's 3 s
    try:
        import threading
        threading.Thread(target=lambda: (closer.wait(), close(analyst)), daemon=True).start()
        result, logs = run_job(raw, warehouse, lock_wait=60)
    finally:
        close(analyst)
    assert result.success
    waits = [line for line in logs if line.startswith("Waiting:")]
    assert waits and f"PID {analyst.pid}" in waits[0] and "GOVREPORT_LOCK_WAIT" in waits[0], logs
    assert any("is free after" in line for line in logs)
    assert count_docs(warehouse) == 2
    assert "analyst_notes" in tables(warehouse)    # the analyst's table is kept


def test_read_write_holder_beyond_the_lock_wait_fails_clearly_and_changes_nothing(built):
    raw, warehouse = built
    before = file_sha(warehouse)
    manifest_before = manifest_path(warehouse).read_text(encoding="utf-8")
    analyst = holder(warehouse, ANALYST_WRITES)
    try:
        start = time.monotonic()
        result, logs = run_job(raw, warehouse, lock_wait=2)
        assert 2 <= time.monotonic() - start < 30
        assert not result.success
        failure = result.get_step_failure_events()[0].step_failure_data.error.to_string()
        assert f"held by PID {analyst.pid}" in failure and "GOVREPORT_LOCK_WAIT=2" in failure, failure
        assert "Nothing was changed" in failure
        assert file_sha(warehouse) == before
        assert manifest_path(warehouse).read_text(encoding="utf-8") == manifest_before
    finally:
        close(analyst)
    assert count_docs(warehouse) == 1 and "analyst_notes" in tables(warehouse)
    result, _ = run_job(raw, warehouse, lock_wait=2)  # once the session is closed, the run succeeds
    assert result.success and count_docs(warehouse) == 2 and "analyst_notes" in tables(warehouse)


def test_publish_waits_for_a_read_write_session_opened_mid_run(built):
    _, warehouse = built
    said: list[str] = []
    store = Warehouse(warehouse, lock_wait=60, log=said.append)
    store.begin_run("mid-run")
    with store.build("mid-run") as build:
        build.con.execute("CREATE TABLE built_by_run AS SELECT 1 AS x")
    reader = holder(warehouse, "con = duckdb.connect(path)")  # read-write, writes nothing
    timer = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(2)"])
    import threading
    threading.Thread(target=lambda: (timer.wait(), close(reader)), daemon=True).start()
    store.publish("mid-run")
    store.end_run("mid-run")
    assert any(f"PID {reader.pid}" in s for s in said) and any("is free after" in s for s in said)
    assert "built_by_run" in tables(warehouse)


def test_publish_refuses_to_overwrite_a_change_made_during_the_run(built):
    _, warehouse = built
    store = Warehouse(warehouse, lock_wait=5)
    store.begin_run("late")
    with store.build("late") as build:
        build.con.execute("CREATE TABLE built_by_run AS SELECT 1 AS x")
    writer = holder(warehouse, ANALYST_WRITES)   # an analyst writes while the run builds …
    close(writer)
    with pytest.raises(WarehouseBusy, match="changed by another process"):
        store.publish("late")                    # … so the run does not replace their file
    store.end_run("late")
    assert "analyst_notes" in tables(warehouse) and "built_by_run" not in tables(warehouse)


def test_committed_changes_of_a_crashed_read_write_session_survive_the_next_run(built):
    raw, warehouse = built
    crash = subprocess.run([sys.executable, "-c", (
        "import os, duckdb\n"
        f"con = duckdb.connect({str(warehouse)!r})\n"
        "con.execute(\"CREATE TABLE analyst_notes AS SELECT 'keep me' AS note\")\n"
        "os.kill(os.getpid(), 9)\n")], env=python_env())
    assert crash.returncode == -signal.SIGKILL
    assert Path(str(warehouse) + ".wal").exists()  # committed, not checkpointed
    result, logs = run_job(raw, warehouse, lock_wait=5)
    assert result.success
    assert any("checkpointing them into the published file" in line for line in logs)
    assert "analyst_notes" in tables(warehouse) and count_docs(warehouse) == 2
    assert not Path(str(warehouse) + ".wal").exists()


def test_kill_9_mid_load_leaves_the_previous_warehouse_intact(tmp_path):
    corpus = shared_path("corpus", "lawtext-gov")
    raw = make_raw(tmp_path, corpus_files=[])
    warehouse = tmp_path / "warehouse" / "reports.duckdb"
    assert run_job(raw, warehouse)[0].success
    before_sha, before_docs = file_sha(warehouse), count_docs(warehouse)
    manifest_before = manifest_path(warehouse).read_text(encoding="utf-8")
    # enough reports that segmenting and extracting take seconds
    for src in sorted(corpus.rglob("*.md"))[:150]:
        dst = raw / "big" / src.relative_to(corpus)
        dst.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(src, dst)
    build = subprocess.Popen([sys.executable, "-m", "pipelines", "build", "--raw-dir", str(raw),
                              "--warehouse", str(warehouse), "--workers", "1"],
                             stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True, env=python_env(),
                             start_new_session=True)
    seen = []
    try:
        for line in build.stderr:
            seen.append(line)
            if 'Started execution of step "segments"' in line or "segmenting:" in line:
                break
        build_files = list((warehouse.parent / ".build").glob("*.duckdb"))
        assert build_files, "the run should have a build file by now"
        os.kill(build.pid, signal.SIGKILL)
        build.wait(timeout=30)
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
            build.wait()
    assert build.returncode == -signal.SIGKILL, "".join(seen[-20:])
    # the analysts' file is exactly as before, and readable
    assert file_sha(warehouse) == before_sha and count_docs(warehouse) == before_docs
    assert manifest_path(warehouse).read_text(encoding="utf-8") == manifest_before
    assert all(p.exists() for p in build_files)       # the killed run's leftovers …
    result, logs = run_job(raw, warehouse)             # … are removed by the next run, which succeeds
    assert result.success
    assert any("stale build file" in line for line in logs)
    assert not any(p.exists() for p in build_files)
    assert sorted(p.name for p in (warehouse.parent / ".build").iterdir()) == ["pipeline.lock"]
    assert count_docs(warehouse) == 151
