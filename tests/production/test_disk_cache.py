"""The cache on disk used without Redis (ops.disk_cache): Django's file cache, with no folder
scan on every write and no rewrite of a value it already stores (Wagtail stores each rendition
on every use: a home page wrote nine files per request)."""

import os
from pathlib import Path

from ops.disk_cache import DiskCache


def cache_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.djcache"))


def test_storing_the_value_it_holds_writes_nothing(tmp_path):
    cache = DiskCache(str(tmp_path), {"TIMEOUT": 600})
    cache.set("rendition", {"file": "poster.fill-400x300.jpg"})
    [stored] = cache_files(tmp_path)
    inode = stored.stat().st_ino
    cache.set("rendition", {"file": "poster.fill-400x300.jpg"})
    assert stored.stat().st_ino == inode  # not replaced by a new file
    cache.set("rendition", {"file": "poster.fill-800x600.jpg"})
    assert stored.stat().st_ino != inode
    assert cache.get("rendition") == {"file": "poster.fill-800x600.jpg"}


def test_a_value_near_its_expiry_is_written_again(tmp_path):
    cache = DiskCache(str(tmp_path), {"TIMEOUT": 600})
    cache.set("menu", "<nav>", timeout=100)
    [stored] = cache_files(tmp_path)
    inode = stored.stat().st_ino
    cache.set("menu", "<nav>", timeout=1000)  # asked to keep it 10x longer: rewritten
    assert stored.stat().st_ino != inode
    assert cache.get("menu") == "<nav>"


def test_another_process_sees_a_write_and_a_version_bump(tmp_path):
    this_worker = DiskCache(str(tmp_path), {})
    other_worker = DiskCache(str(tmp_path), {})
    this_worker.set("version", 41)
    other_worker.incr("version")
    assert this_worker.get("version") == 42


def test_the_folder_is_still_held_to_max_entries(tmp_path):
    cache = DiskCache(str(tmp_path), {"OPTIONS": {"MAX_ENTRIES": 50, "CULL_EVERY": 10}})
    for n in range(300):
        cache.set(f"page-{n}", n)
    # Counted every 10 writes: at most 10 past the limit between counts.
    assert len(cache_files(tmp_path)) <= 60
    assert not [name for name in os.listdir(tmp_path) if not name.endswith(".djcache")]


def test_a_deleted_folder_is_made_again(tmp_path):
    folder = tmp_path / "cache"
    cache = DiskCache(str(folder), {})
    folder.rmdir()
    cache.set("site", "magazine")
    assert cache.get("site") == "magazine"
