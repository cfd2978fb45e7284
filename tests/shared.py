"""Where ``../shared`` is (the corpus, gold files, reference and tools beside the repo): the one
locator every test and test helper uses. ``GOVREPORT_SHARED`` points elsewhere (e.g. from a git
worktree that is not a sibling of ``shared/``)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("GOVREPORT_SHARED") or REPO.parent / "shared")


def shared_path(*parts: str) -> Path:
    """A path under ../shared, or skip the test with the reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"../shared is not beside the repo ({'/'.join(('shared',) + parts)} missing; set "
                    "GOVREPORT_SHARED to its folder): this test needs the shared corpus")
    return path
