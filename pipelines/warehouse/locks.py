"""Who holds the warehouse, and waiting for them: the locks that keep runs and analysts apart.

DuckDB locks a database file with POSIX ``fcntl`` record locks: a read-write connection takes an
exclusive (write) lock on the whole file, a read-only connection a shared (read) lock. We use the
same mechanism, so the kernel arbitrates between the pipeline and any DuckDB client:

- ``hold_published`` takes a *shared* lock on the published file while a run copies it and while
  it swaps the new build in. Read-only analysts share it (never blocked); a read-write session
  conflicts, so we wait for it — logging which process holds it and for how long — up to
  ``GOVREPORT_LOCK_WAIT`` seconds, then fail with a clear message. While we hold it nobody can open
  the file read-write, so nothing can be written to it between our check and the rename.
- ``RunLock`` is one exclusive lock file per warehouse (``.build/pipeline.lock``): one run builds
  at a time; a second run waits for the first and then starts from what it published.

Open-file-description locks (``F_OFD_*``, Linux) are used where available: they are not dropped
when this process closes some other descriptor of the same file, and they conflict with DuckDB's
process locks as they should.
"""
from __future__ import annotations

import errno
import fcntl
import json
import os
import struct
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator, Optional

DEFAULT_LOCK_WAIT = 600.0  # seconds; GOVREPORT_LOCK_WAIT overrides
_POLL = 0.25
_FLOCK = "hhqqi4x"  # struct flock on 64-bit Linux: type, whence, start, len, pid (+ padding)
_SETLK = getattr(fcntl, "F_OFD_SETLK", fcntl.F_SETLK)
_GETLK = getattr(fcntl, "F_OFD_GETLK", fcntl.F_GETLK)

Log = Callable[[str], None]


class WarehouseBusy(RuntimeError):
    """Another process held the warehouse longer than we were allowed to wait. Nothing was changed."""


def lock_wait_seconds(value: Optional[float] = None) -> float:
    if value is not None:
        return float(value)
    env = os.environ.get("GOVREPORT_LOCK_WAIT")
    return float(env) if env else DEFAULT_LOCK_WAIT


def _try_lock(fd: int, shared: bool) -> bool:
    kind = fcntl.F_RDLCK if shared else fcntl.F_WRLCK
    try:
        fcntl.fcntl(fd, _SETLK, struct.pack(_FLOCK, kind, os.SEEK_SET, 0, 0, 0))
        return True
    except OSError as exc:
        if exc.errno in (errno.EACCES, errno.EAGAIN):
            return False
        raise


def conflicting_pid(fd: int, shared: bool) -> Optional[int]:
    """The PID of a process whose lock on the file conflicts with the one we want (None if free;
    -1 if the holder is an open-file-description lock, which carries no PID)."""
    kind = fcntl.F_RDLCK if shared else fcntl.F_WRLCK
    res = fcntl.fcntl(fd, _GETLK, struct.pack(_FLOCK, kind, os.SEEK_SET, 0, 0, 0))
    l_type, _, _, _, pid = struct.unpack(_FLOCK, res)
    return None if l_type == fcntl.F_UNLCK else pid


def describe_process(pid: Optional[int]) -> str:
    """``PID 1234 (python analysis.py)`` as far as /proc tells."""
    if pid is None or pid <= 0:
        return "another process (PID unknown)"
    try:
        cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
    except OSError:
        cmd = ""
    return f"PID {pid} ({cmd[:120]})" if cmd else f"PID {pid}"


def _wait_for_lock(fd: int, shared: bool, what: str, wait: float, log: Optional[Log],
                   holder: Callable[[], str], every: float = 5.0) -> None:
    """Take the lock, waiting up to ``wait`` seconds and logging who holds it."""
    start = time.monotonic()
    last_log = None
    while not _try_lock(fd, shared):
        waited = time.monotonic() - start
        who = holder()
        if waited >= wait:
            raise WarehouseBusy(
                f"{what} is held by {who}; gave up after {waited:.0f}s (GOVREPORT_LOCK_WAIT={wait:g}). "
                "Nothing was changed: the published warehouse is as it was. Close that session "
                "(or reopen it read-only) and run again.")
        if log and (last_log is None or time.monotonic() - last_log >= every):
            last_log = time.monotonic()
            log(f"Waiting: {what} is held by {who} for {waited:.0f}s so far; waiting up to "
                f"{wait:g}s (GOVREPORT_LOCK_WAIT).")
        time.sleep(_POLL)
    if last_log is not None and log:
        log(f"{what} is free after {time.monotonic() - start:.1f}s; continuing.")


@contextmanager
def hold_published(path: Path, wait: float, log: Optional[Log] = None) -> Iterator[Optional[int]]:
    """A shared lock on the published warehouse file while the body runs (yields a read-only
    descriptor of it, or None when there is no published file yet)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except FileNotFoundError:
        yield None
        return
    try:
        _wait_for_lock(fd, True, f"the warehouse {path.name} (open read-write)", wait, log,
                       lambda: describe_process(conflicting_pid(fd, True)))
        yield fd
    finally:
        os.close(fd)  # releases our lock


class RunLock:
    """One run at a time per warehouse: an exclusive lock on ``<build_dir>/pipeline.lock``.

    The file names the run holding it (for the log of a run that waits). The kernel drops the lock
    when the holding process ends, so a killed run never leaves it stuck. Within one process (tests,
    the CLI) a new run takes over a lock an earlier, failed run of the same process left held.
    """

    _held: dict[str, tuple[int, str]] = {}  # lock path -> (fd, run_id) held by this process

    def __init__(self, build_dir: Path):
        self.path = Path(build_dir) / "pipeline.lock"

    def _holder(self) -> str:
        try:
            info = json.loads(self.path.read_text(encoding="utf-8") or "{}")
        except (OSError, ValueError):
            info = {}
        return (f"run {info.get('run_id', '?')} ({describe_process(info.get('pid'))})"
                if info else "another run")

    def acquire(self, run_id: str, wait: float, log: Optional[Log] = None) -> None:
        key = str(self.path)
        if key in self._held:
            fd, _ = self._held[key]
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                _wait_for_lock(fd, False, "the warehouse build (another pipeline run)", wait, log,
                               self._holder)
            except BaseException:
                os.close(fd)
                raise
        self._held[key] = (fd, run_id)
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps({"run_id": run_id, "pid": os.getpid()}).encode(), 0)

    def release(self, run_id: str) -> None:
        held = self._held.get(str(self.path))
        if held and held[1] == run_id:
            del self._held[str(self.path)]
            os.ftruncate(held[0], 0)
            os.close(held[0])

    def held_by(self, run_id: str) -> bool:
        held = self._held.get(str(self.path))
        return bool(held and held[1] == run_id)
