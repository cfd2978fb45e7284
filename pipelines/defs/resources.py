"""The one resource every asset uses: where the raw folder and the warehouse are, and how many
worker processes to use.

Each setting is resource config (editable in the UI's launchpad); left unset, it falls back at run
time to an environment variable and then to a default:

| config      | environment variable    | default                     |
|-------------|-------------------------|-----------------------------|
| raw_dir     | GOVREPORT_RAW_DIR       | raw                         |
| warehouse   | GOVREPORT_WAREHOUSE     | warehouse/reports.duckdb    |
| workers     | GOVREPORT_WORKERS       | the machine's cores         |
| lock_wait   | GOVREPORT_LOCK_WAIT     | 600 (seconds)               |
| follow_links_outside | GOVREPORT_FOLLOW_LINKS_OUTSIDE | off: symlinks are followed only inside the raw folder |

Relative paths resolve against the repo root, not the current directory.
"""

import os
from pathlib import Path
from typing import Optional

import dagster as dg

from pipelines.config import DEFAULT_RAW_DIR, DEFAULT_WAREHOUSE, resolve
from pipelines.parallel import default_workers
from pipelines.warehouse.store import Warehouse


class GovReportResource(dg.ConfigurableResource):
    """Paths and parallelism of the govreport pipeline."""

    raw_dir: Optional[str] = None
    warehouse: Optional[str] = None
    workers: Optional[int] = None
    batch_size: int = 64
    lock_wait: Optional[float] = None
    """Seconds to wait for a read-write session on the warehouse (or another run) before failing."""
    follow_links_outside: Optional[bool] = None
    """Follow symlinks in the raw folder that point outside it (a corpus linked in from elsewhere).
    Off by default: such a link is skipped, and the run log says which and why."""

    def raw_path(self) -> Path:
        return resolve(self.raw_dir or os.environ.get("GOVREPORT_RAW_DIR") or DEFAULT_RAW_DIR)

    def warehouse_path(self) -> Path:
        return resolve(self.warehouse or os.environ.get("GOVREPORT_WAREHOUSE") or DEFAULT_WAREHOUSE)

    def follow_outside(self) -> bool:
        if self.follow_links_outside is not None:
            return self.follow_links_outside
        return os.environ.get("GOVREPORT_FOLLOW_LINKS_OUTSIDE", "").lower() in {"1", "on", "true", "yes"}

    def worker_count(self) -> int:
        env = os.environ.get("GOVREPORT_WORKERS")
        return max(1, self.workers or (int(env) if env else default_workers()))

    def store(self, log=None) -> Warehouse:
        """The warehouse; ``log`` (e.g. ``context.log.info``) receives lock-waiting messages."""
        return Warehouse(self.warehouse_path(), lock_wait=self.lock_wait, log=log)


@dg.definitions
def resources() -> dg.Definitions:
    return dg.Definitions(resources={"govreport": GovReportResource()})
