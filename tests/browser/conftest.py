"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

They skip, saying why, when Chromium, the playwright package or axe-core is missing
(``make install-dev`` installs the last two; ``.ci/run`` installs Chromium).
"""

import os
from pathlib import Path

import pytest

from tests.conftest import use_a_file_for_sqlite_test_database

# Playwright's sync API runs an event loop in the test thread; Django would otherwise refuse
# ORM calls from it (the usual setting for Playwright with Django's test server).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# Debian's package; another path (or a missing one, to see the suite without it) from the env.
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
AXE_JS = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
WIDTHS = (375, 1280)

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - depends on the machine
    sync_playwright = None


def missing_browser() -> str | None:
    if sync_playwright is None:
        return "the playwright package is not installed (pip install -e '.[dev]')"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing: install Debian's browser with apt-get install chromium"
    return None


def pytest_collection_modifyitems(config, items):
    reason = missing_browser()
    here = Path(__file__).parent
    browser_items = [item for item in items if here in Path(item.fspath).parents]
    for item in browser_items:
        item.add_marker(pytest.mark.browser)
        if reason:
            item.add_marker(pytest.mark.skip(reason=f"browser tests skipped: {reason}"))
    if browser_items and not reason:
        use_a_file_for_sqlite_test_database()


@pytest.fixture
def browser(magazine):
    """Chromium, started once the test's data exists and stopped before it is flushed.

    While Playwright's event loop runs, Django hands this thread a different database
    connection (its connections are per event-loop context); keeping the browser inside the
    database fixtures lets the flush and restore after each test use the test's own connection.
    """
    from django.db import connections

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield chromium
        finally:
            chromium.close()
            connections.close_all()  # the connections opened while the loop ran


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(15_000)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def axe_source() -> str:
    if not AXE_JS.exists():
        pytest.skip(f"axe-core is missing: run `make install-dev` (npm ci in {AXE_JS.parents[2]})")
    return AXE_JS.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def screenshot_dir(tmp_path_factory) -> Path:
    chosen = os.environ.get("SCREENSHOT_DIR")
    directory = Path(chosen) if chosen else tmp_path_factory.mktemp("screenshots")
    directory.mkdir(parents=True, exist_ok=True)
    return directory


@pytest.fixture
def magazine(live_server, site_tree):
    from tests.browser.content import build_magazine

    return build_magazine(site_tree)
