"""``scan_raw_folder`` follows symlinked files and folders (researchers link corpora in — from outside
the raw folder only when ``follow_outside`` is set), never loops on a link cycle, skips broken links
and hidden entries."""
import hashlib
import os
import shutil

import pytest

from pipelines.ingest import group_files, ingest_group, scan_raw_folder
from test_ingest_helpers import FIXTURES, SAMPLE

needs_symlinks = pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="symlinks unsupported")


@pytest.fixture
def linked_raw(tmp_path):
    """raw/ with a real file, a linked file, a linked corpus folder holding a cycle, and broken/hidden links."""
    outside = tmp_path / "elsewhere"
    (outside / "corpus" / "2024").mkdir(parents=True)
    shutil.copy(SAMPLE, outside / "sample.txt")
    shutil.copy(FIXTURES / "encodings" / "report-gbk.txt", outside / "corpus" / "2024" / "gbk.txt")
    shutil.copy(FIXTURES / "encodings" / "report-big5.txt", outside / "corpus" / "big5.txt")
    (outside / "corpus" / ".DS_Store").write_bytes(b"\x00\x01")
    (outside / "corpus" / "2024" / "back-to-corpus").symlink_to(outside / "corpus", target_is_directory=True)
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(FIXTURES / "encodings" / "report-utf8.txt", raw / "own.txt")
    (raw / "linked-sample.txt").symlink_to(outside / "sample.txt")
    (raw / "corpus").symlink_to(outside / "corpus", target_is_directory=True)
    (raw / "raw-again").symlink_to(raw, target_is_directory=True)   # a cycle through the raw folder itself
    (raw / "broken.txt").symlink_to(tmp_path / "missing.txt")
    (raw / ".hidden-link.txt").symlink_to(outside / "sample.txt")
    return raw


SCANNED = [  # (source_path, the file whose bytes it has)
    ("corpus/2024/gbk.txt", FIXTURES / "encodings" / "report-gbk.txt"),
    ("corpus/big5.txt", FIXTURES / "encodings" / "report-big5.txt"),
    ("linked-sample.txt", SAMPLE),
    ("own.txt", FIXTURES / "encodings" / "report-utf8.txt"),
]


@needs_symlinks
def test_symlinks_are_followed_without_looping(linked_raw):
    files = scan_raw_folder(linked_raw, follow_outside=True)
    assert [f.source_path for f in files] == [path for path, _ in SCANNED]
    for f, (_, origin) in zip(files, SCANNED):
        data = origin.read_bytes()
        assert (f.sha256, f.size) == (hashlib.sha256(data).hexdigest(), len(data))
        assert f.path == linked_raw / f.source_path  # read through the link's name


@needs_symlinks
def test_links_out_of_the_raw_folder_are_skipped_with_a_reason_by_default(linked_raw, tmp_path):
    (linked_raw / "passwd").symlink_to("/etc/passwd")
    (linked_raw / "inside").mkdir()
    (linked_raw / "inside-link.txt").symlink_to(linked_raw / "own.txt")   # stays inside: followed
    skipped: dict[str, str] = {}
    files = scan_raw_folder(linked_raw, on_skip=skipped.__setitem__)
    assert [f.source_path for f in files] == ["inside-link.txt", "own.txt"]
    assert sorted(skipped) == ["broken.txt", "corpus", "linked-sample.txt", "passwd"]
    assert "outside the raw folder" in skipped["passwd"] and "/etc/passwd" in skipped["passwd"]
    assert skipped["broken.txt"] == "broken symlink"
    assert files[0].sha256 == files[1].sha256  # the inside link reads its target's bytes


@needs_symlinks
def test_linked_files_ingest(linked_raw):
    docs = [d for g in group_files(scan_raw_folder(linked_raw, follow_outside=True))
            for d in ingest_group(g).documents]
    assert sorted((d["source_path"], d["region"]) for d in docs) == [
        ("corpus/2024/gbk.txt", "重庆市渝中区"), ("corpus/big5.txt", "重庆市渝中区"),
        ("linked-sample.txt", "重庆市渝中区"), ("own.txt", "重庆市渝中区"),
    ]


@needs_symlinks
def test_link_cycle_alone(tmp_path):
    raw = tmp_path / "raw"
    (raw / "a" / "b").mkdir(parents=True)
    shutil.copy(SAMPLE, raw / "a" / "b" / "report.txt")
    (raw / "a" / "b" / "up").symlink_to(raw / "a", target_is_directory=True)
    (raw / "a" / "self").symlink_to(raw / "a" / "self")  # a link to itself: broken for stat()
    assert [f.source_path for f in scan_raw_folder(raw)] == ["a/b/report.txt"]
