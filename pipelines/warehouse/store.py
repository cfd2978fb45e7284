"""The warehouse file, and how a run builds and publishes it.

Analysts read ``warehouse/reports.duckdb`` (the *published* file). The pipeline never writes to it in
place: a run copies it to ``warehouse/.build/<run_id>.duckdb``, writes its stages there (each stage
into the ``staging`` schema, the load step into the main tables in one transaction), builds the views,
and finally swaps the build file in with ``os.replace`` — an atomic rename. So:

- a run that fails half-way leaves the published warehouse exactly as it was;
- an analyst with the file open (read-only) is never blocked: their session keeps the snapshot it
  opened, a new connection sees the new build;
- the file stays readable by the DuckDB CLI that PyPI ships, because it is written with the storage
  format of DuckDB 1.5 (``STORAGE_VERSION``).

Beside analysts (see ``locks``): one run builds at a time (``begin_run`` waits for a running one and
removes the build files killed runs left behind); the copy and the swap happen under a shared lock
on the published file, so a read-write session (which may be writing) is waited for — with log
lines naming its PID — and never overwritten; and if the published file changed between the copy
and the swap (someone wrote to it), the run refuses to publish rather than drop their change.
"""
from __future__ import annotations

import json
import os
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, Optional

import duckdb

from pipelines.warehouse.build import Build, ensure_staging, ensure_tables
from pipelines.warehouse.locks import RunLock, WarehouseBusy, hold_published, lock_wait_seconds
from pipelines.warehouse.schema import STAGING

# The oldest storage format that holds everything we write; duckdb-cli 1.5 reads it.
STORAGE_VERSION = "v1.5.0"


def connect(path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    config = {} if read_only else {"storage_compatibility_version": STORAGE_VERSION}
    return duckdb.connect(str(path), read_only=read_only, config=config)


def _identity(path: Path, fd: Optional[int] = None) -> Optional[list]:
    """What a file is right now: inode, size, mtime (and its WAL's), to notice any write."""
    try:
        st = os.fstat(fd) if fd is not None else os.stat(path)
    except FileNotFoundError:
        return None
    wal = Path(str(path) + ".wal")
    wst = os.stat(wal) if wal.exists() else None
    return [st.st_ino, st.st_size, st.st_mtime_ns, wst and [wst.st_size, wst.st_mtime_ns]]


class Warehouse:
    """The published warehouse file and the per-run build files beside it.

    ``lock_wait`` (seconds; default ``GOVREPORT_LOCK_WAIT`` or 600) bounds how long a run waits for
    a read-write holder of the published file or for another run; ``log`` receives the waiting
    messages (an asset passes ``context.log.info``).
    """

    def __init__(self, published: Path, lock_wait: Optional[float] = None,
                 log: Optional[Callable[[str], None]] = None):
        self.published = Path(published)
        self.build_dir = self.published.parent / ".build"
        self.lock_wait = lock_wait_seconds(lock_wait)
        self.log = log

    def _say(self, message: str) -> None:
        if self.log:
            self.log(message)

    def build_path(self, run_id: str) -> Path:
        return self.build_dir / f"{run_id}.duckdb"

    def _base_path(self, run_id: str) -> Path:
        return self.build_dir / f"{run_id}.base.json"

    def has_build(self, run_id: str) -> bool:
        return self.build_path(run_id).exists()

    # -- one run at a time -------------------------------------------------------------------------
    def begin_run(self, run_id: str) -> list[str]:
        """Wait until no other run builds this warehouse, take the run lock, and delete the build
        files of runs that died (killed, crashed, or stopped by a failed check). Returns their names."""
        RunLock(self.build_dir).acquire(run_id, self.lock_wait, self._say)
        removed = []
        for p in sorted(self.build_dir.iterdir()):
            if p.name == "pipeline.lock" or p.name.startswith(run_id + "."):
                continue
            p.unlink(missing_ok=True)
            removed.append(p.name)
        if removed:
            self._say(f"Removed {len(removed)} stale build file(s) left by earlier runs that did not "
                      f"finish: {', '.join(removed[:6])}{' …' if len(removed) > 6 else ''}")
        return removed

    def end_run(self, run_id: str) -> None:
        RunLock(self.build_dir).release(run_id)

    # -- build and publish -------------------------------------------------------------------------
    def start_build(self, run_id: str) -> Path:
        """Copy the published warehouse (or start an empty one) into this run's build file."""
        path = self.build_path(run_id)
        if path.exists():
            return path
        if not RunLock(self.build_dir).held_by(run_id):
            self.begin_run(run_id)  # a run that did not start at raw_inventory (one view, from the UI)
        tmp = path.with_suffix(".copying")
        if Path(str(self.published) + ".wal").exists():
            self._merge_leftover_wal()
        with hold_published(self.published, self.lock_wait, self._say) as fd:
            base = _identity(self.published, fd)
            if fd is not None:
                with open(tmp, "wb") as out:  # read through our locked descriptor
                    os.lseek(fd, 0, os.SEEK_SET)
                    with os.fdopen(os.dup(fd), "rb") as src:
                        shutil.copyfileobj(src, out, 1 << 20)
                os.replace(tmp, path)
        self._base_path(run_id).write_text(json.dumps({"published": base}), encoding="utf-8")
        with connect(path) as con:
            ensure_tables(con)
            ensure_staging(con)
        return path

    def _merge_leftover_wal(self) -> None:
        """A write-ahead log beside the published file holds transactions a read-write session
        committed but did not checkpoint (it crashed, or is still open). Once no session holds the
        file, fold them into it — what DuckDB itself does on the next read-write open — so that the
        copy includes them."""
        with hold_published(self.published, self.lock_wait, self._say):
            pass  # waits while a read-write session is open
        self._say(f"{self.published.name}.wal holds committed changes not yet checkpointed; "
                  "checkpointing them into the published file before copying it.")
        with duckdb.connect(str(self.published)) as con:
            con.execute("CHECKPOINT")

    @contextmanager
    def build(self, run_id: str) -> Iterator[Build]:
        """This run's build file, open read-write (started if needed)."""
        con = connect(self.start_build(run_id))
        try:
            yield Build(con)
        finally:
            con.close()

    def publish(self, run_id: str) -> Path:
        """Atomically replace the published warehouse with this run's build.

        Raises ``WarehouseBusy`` (and leaves the published file untouched) if a read-write session
        holds it longer than ``lock_wait``, or if it changed since this run copied it."""
        path = self.build_path(run_id)
        with connect(path) as con:
            con.execute(f"DROP SCHEMA IF EXISTS {STAGING} CASCADE")
            con.execute("CHECKPOINT")
        self.published.parent.mkdir(parents=True, exist_ok=True)
        base_file = self._base_path(run_id)
        base = json.loads(base_file.read_text(encoding="utf-8"))["published"] if base_file.exists() else None
        with hold_published(self.published, self.lock_wait, self._say) as fd:
            now = _identity(self.published, fd)
            if base_file.exists() and now != base:
                raise WarehouseBusy(
                    f"{self.published} was changed by another process while this run was building "
                    "(it is not the file this run copied). Not replacing it, so that change is kept; "
                    "run again to build on top of it.")
            os.replace(path, self.published)
        base_file.unlink(missing_ok=True)
        return self.published

    def discard(self, run_id: str) -> None:
        for p in (self.build_path(run_id), self.build_path(run_id).with_suffix(".duckdb.wal"),
                  self._base_path(run_id)):
            p.unlink(missing_ok=True)
