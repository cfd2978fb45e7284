"""What changed in the raw folder since the warehouse was built: one pure comparison, used by the
raw-folder sensor (against the published manifest) and by ``raw_inventory`` (against the sources the
warehouse tables record), and the run plan ``raw_inventory`` derives from it.

Both sides are ``{source_path: sha256}``. A row of a CSV/JSONL export is recorded as
``file.csv#N``; ``source_files`` folds such rows back into their file.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

_ROW_SUFFIX = re.compile(r"#\d+$")


@dataclass(frozen=True)
class Diff:
    """Paths new in ``current``, present in both with another sha256, and gone from ``current``."""

    new: frozenset[str]
    changed: frozenset[str]
    deleted: frozenset[str]

    @property
    def touched(self) -> frozenset[str]:
        """New or changed: the files whose contents must be (re)read."""
        return self.new | self.changed

    def __bool__(self) -> bool:
        return bool(self.new or self.changed or self.deleted)


def diff(current: Mapping[str, str], previous: Mapping[str, str]) -> Diff:
    """Compare two ``{source_path: sha256}`` inventories."""
    return Diff(new=frozenset(current.keys() - previous.keys()),
                changed=frozenset(p for p in current.keys() & previous.keys() if current[p] != previous[p]),
                deleted=frozenset(previous.keys() - current.keys()))


def source_file(source_path: str) -> str:
    """The raw file a recorded source is (``file.csv#3`` → ``file.csv``)."""
    return _ROW_SUFFIX.sub("", source_path)


def source_files(rows: Iterable[tuple[str, str]]) -> dict[str, str]:
    """``(source_path, sha256)`` rows of the warehouse → ``{file: sha256}`` (export rows folded)."""
    return {source_file(path): sha for path, sha in rows}


@dataclass(frozen=True)
class Plan:
    """What a run processes: the file groups to (re)read, and the paths whose old rows it forgets."""

    diff: Diff
    stale: frozenset[str]
    todo: list[Sequence]          # groups of raw files (pages of one report together)
    forget: frozenset[str]

    @property
    def reprocessed(self) -> frozenset[str]:
        return self.diff.touched | self.stale


def plan(groups: Sequence[Sequence], current: Mapping[str, str], known: Mapping[str, str],
         stale: Iterable[str] = (), full_refresh: bool = False) -> Plan:
    """The run plan: every group with a new, changed or stale file (all groups on a full refresh),
    and the paths to forget — those files, the deleted ones, the other pages of the groups re-read,
    and on a full refresh everything the warehouse knew."""
    d = diff(current, known)
    stale = frozenset(stale) & current.keys()
    redo = set(current) if full_refresh else d.touched | stale
    todo = [g for g in groups if any(f.source_path in redo for f in g)]
    forget = redo | d.deleted | {f.source_path for g in todo for f in g}
    if full_refresh:
        forget |= set(known)
    return Plan(diff=d, stale=frozenset(stale), todo=todo, forget=frozenset(forget))
