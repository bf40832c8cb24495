"""Golden files: the whole parse of every fixture, compared with a reviewed snapshot.

A test run only compares. After an intended change, regenerate them as a separate step,
``.venv/bin/python -m tests.legacy.goldens`` (``make goldens``), and review the diff it
prints (``goldens.py``).
"""

import json
import os

import pytest

from .goldens import SITES, golden_path, site_golden_path, site_snapshots, snapshot
from .support import fixture_paths, parse_fixture


def test_a_test_run_never_regenerates_the_goldens():
    assert "UPDATE_GOLDEN" not in os.environ, (
        "goldens are regenerated apart from a test run: python -m tests.legacy.goldens"
    )


@pytest.mark.parametrize("path", fixture_paths())
def test_matches_golden_file(path):
    golden = golden_path(path)
    if not golden.exists():
        pytest.fail(f"no golden file for {path}: run python -m tests.legacy.goldens, review it")
    assert snapshot(parse_fixture(path)) == json.loads(golden.read_text("utf-8"))


SITE_PAGES = [(name, path) for name in SITES for _, path in SITES[name]()]


@pytest.mark.parametrize("name, path", SITE_PAGES, ids=lambda value: value)
def test_a_whole_sites_page_matches_its_golden_file(name, path):
    golden = site_golden_path(name, path)
    if not golden.exists():
        pytest.fail(f"no golden file for {name}/{path}: run python -m tests.legacy.goldens")
    assert json.loads(site_snapshots(name)[path]) == json.loads(golden.read_text("utf-8"))
