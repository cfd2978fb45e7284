"""The one comparison of the raw folder with what the warehouse was built from (``inventory.diff``),
and the run plan ``raw_inventory`` derives from it — the sensor and the inventory use the same one."""
from __future__ import annotations

from pathlib import Path

from pipelines.ingest import RawFile, group_files
from pipelines.warehouse.inventory import diff, plan, source_files

BUILT = {"yuzhong-2024-web.txt": "a1", "重庆市/2025.md": "b1", "reports-export.csv": "c1"}


def _files(inventory: dict[str, str]) -> list[RawFile]:
    return [RawFile(p, Path(p), sha, 10) for p, sha in sorted(inventory.items())]


def test_diff_names_new_changed_and_deleted_paths():
    now = {"yuzhong-2024-web.txt": "a1", "重庆市/2025.md": "b2", "邢台市/2021.md": "d1"}
    d = diff(now, BUILT)
    assert (d.new, d.changed, d.deleted) == ({"邢台市/2021.md"}, {"重庆市/2025.md"}, {"reports-export.csv"})
    assert d.touched == {"邢台市/2021.md", "重庆市/2025.md"} and bool(d)
    assert not diff(BUILT, dict(BUILT))  # the same folder: no change at all


def test_export_rows_fold_into_their_file():
    rows = [("reports-export.csv#1", "c1"), ("reports-export.csv#2", "c1"), ("重庆市/2025.md", "b1")]
    assert source_files(rows) == {"reports-export.csv": "c1", "重庆市/2025.md": "b1"}


def test_plan_reads_changed_and_stale_files_and_forgets_deleted_ones():
    now = {"yuzhong-2024-web.txt": "a1", "重庆市/2025.md": "b2"}
    run = plan(group_files(_files(now)), now, BUILT, stale={"yuzhong-2024-web.txt", "gone.txt"})
    assert [[f.source_path for f in g] for g in run.todo] == [["yuzhong-2024-web.txt"], ["重庆市/2025.md"]]
    assert run.stale == {"yuzhong-2024-web.txt"}          # a stale file no longer there is not re-read
    assert run.forget == {"yuzhong-2024-web.txt", "重庆市/2025.md", "reports-export.csv"}


def test_plan_of_an_unchanged_folder_is_empty_and_a_full_refresh_is_everything():
    groups = group_files(_files(BUILT))
    quiet = plan(groups, BUILT, BUILT)
    assert quiet.todo == [] and quiet.forget == frozenset()
    full = plan(groups, BUILT, BUILT, full_refresh=True)
    assert len(full.todo) == 3 and full.forget == set(BUILT)
