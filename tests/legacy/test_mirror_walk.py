"""Walking a mirror on disk: what is inside the roots is decided in one place (no Django)."""

import os
from pathlib import Path

import pytest

from legacy.parsing.paths import (
    PAGE_SUFFIXES,
    MirrorRoots,
    Refused,
    TooLarge,
    read_file,
    walk_sources,
)


@pytest.fixture
def farm(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "secret.htm").write_text("<p>outside</p>")
    (outside / "folder" / "page.htm").write_text("<p>outside too</p>")
    mirror = tmp_path / "site"
    (mirror / "reviews").mkdir(parents=True)
    (mirror / ".git").mkdir()
    (mirror / ".git" / "x.htm").write_text("hidden")
    (mirror / "reviews" / "real.htm").write_text("<p>inside</p>")
    links = {
        "reviews/out.htm": outside / "secret.htm",
        "reviews/passwd.htm": "/etc/passwd",
        "reviews/folder": outside / "folder",
        "reviews/up": "..",
        "reviews/alias.htm": "real.htm",
        "reviews/loop.htm": "loop.htm",
        "reviews/broken.htm": "nothing-here.htm",
    }
    for name, target in links.items():
        os.symlink(target, mirror / name)
    os.mkfifo(mirror / "reviews" / "pipe.htm")  # reading it would wait for ever
    return mirror


def test_links_out_loops_and_odd_files_are_refused_never_followed(farm, tmp_path):
    sources = {source.key: source for source in walk_sources([farm])}
    assert sorted(sources) == [
        "reviews/alias.htm",
        "reviews/broken.htm",
        "reviews/folder/",
        "reviews/loop.htm",
        "reviews/out.htm",
        "reviews/passwd.htm",
        "reviews/pipe.htm",
        "reviews/real.htm",
    ]
    for key in ("reviews/out.htm", "reviews/passwd.htm", "reviews/folder/"):
        assert "links outside the mirror" in sources[key].refused, key
    assert "symlink loop" in sources["reviews/loop.htm"].refused
    assert "broken symlink" in sources["reviews/broken.htm"].refused
    assert "not a regular file" in sources["reviews/pipe.htm"].refused
    readable = [source for source in sources.values() if not source.refused]
    assert all(source.path.is_relative_to(farm.resolve()) for source in readable)
    assert all(source.path is None for source in sources.values() if source.refused)


def test_a_link_inside_the_mirror_is_an_alias_of_the_page_it_points_at(farm):
    sources = {source.key: source for source in walk_sources([farm])}
    alias = sources["reviews/alias.htm"]
    assert alias.alias_of == "reviews/real.htm" and not alias.refused
    assert alias.path == sources["reviews/real.htm"].path


def test_a_single_file_that_links_out_is_refused_not_a_crash(farm):
    (source,) = walk_sources([farm / "reviews" / "out.htm"], root=farm)
    assert (source.key, source.path) == ("reviews/out.htm", None)
    assert "links outside the mirror" in source.refused


def test_locate_is_the_one_judge_of_inside(farm, tmp_path):
    roots = MirrorRoots([farm])
    assert (
        roots.locate(farm / "reviews" / "alias.htm") == (farm / "reviews" / "real.htm").resolve()
    )
    with pytest.raises(Refused, match="links outside the mirror"):
        roots.locate(farm / "reviews" / "passwd.htm")
    # Two roots: a link from one into the other stays inside the run.
    both = MirrorRoots([farm, tmp_path / "outside"])
    assert both.locate(farm / "reviews" / "out.htm").name == "secret.htm"


def test_read_file_checks_the_size_before_reading_and_never_follows_a_link(farm):
    page = farm / "reviews" / "real.htm"
    assert read_file(page, limit=100) == b"<p>inside</p>"
    with pytest.raises(TooLarge) as too_large:
        read_file(page, limit=5)
    assert (too_large.value.size, too_large.value.limit) == (13, 5)
    with pytest.raises(Refused):  # swapped for a link after the walk: not followed
        read_file(farm / "reviews" / "out.htm")


def test_walk_leaves_out_hidden_folders_and_other_suffixes(farm):
    (farm / "notes.txt").write_text("not a page")
    keys = [entry.key for entry in MirrorRoots([farm]).walk(farm, PAGE_SUFFIXES)]
    assert ".git/x.htm" not in keys and "notes.txt" not in keys
    assert not any(key.startswith("reviews/up/") for key in keys)
