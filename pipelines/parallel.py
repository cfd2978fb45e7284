"""Run a function over batches in a pool of worker processes, results in input order.

Workers are started with ``spawn`` (a fresh interpreter: forking a process that runs Dagster's
threads is unsafe) and import only the pure stage modules. With one worker, or one batch, the work
runs in this process: no pool start-up cost for a small folder.
"""
from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def map_batches(fn: Callable[[T], R], batches: Iterable[T], workers: int,
                max_pending: int | None = None) -> Iterator[R]:
    """Yield fn(batch) for each batch, in order; at most ``max_pending`` batches in flight so that
    memory stays bounded however many batches there are."""
    batches = iter(batches)
    first = next(batches, None)
    if first is None:
        return
    second = next(batches, None)
    if workers <= 1 or second is None:
        yield fn(first)
        if second is not None:
            yield fn(second)
            for b in batches:
                yield fn(b)
        return
    max_pending = max_pending or workers * 2
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx) as pool:
        pending = [pool.submit(fn, first), pool.submit(fn, second)]
        for b in batches:
            if len(pending) >= max_pending:
                yield pending.pop(0).result()
            pending.append(pool.submit(fn, b))
        for fut in pending:
            yield fut.result()
