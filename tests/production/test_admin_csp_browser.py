"""The Wagtail admin, driven in a real Chromium under the production CSP, reports no violation.

This is how the admin's allowance in CSP_ADMIN_REPLACE was found: remove an entry and
this test names the directive and the blocked resource.
"""

import shutil

from django.contrib.auth import get_user_model

import pytest
from pytest_django.live_server_helper import LiveServer

from tests.conftest import make_film_review
from tests.production.conftest import READER_URLS

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
playwright_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")

# Recorded in the page before any script runs, so even the first violation is seen.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
});
"""


@pytest.fixture
def review(site_tree):
    get_user_model().objects.create_superuser("editor", "editor@example.com", "pw-for-csp")
    return make_film_review(site_tree.section_for("film"), title="Ikiru")


@pytest.fixture
def server_url(production_stack, review):
    """A live server started *inside* the production settings, so it loads their middleware
    (pytest-django's session-wide live_server built its middleware chain long before)."""
    server = LiveServer("127.0.0.1:0")
    yield server.url
    server.stop()


@pytest.fixture
def browser_page(server_url):
    """Created after the database rows: Playwright's event loop forbids ORM calls."""
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed")
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        page.add_init_script(RECORD_VIOLATIONS)
        yield page
        browser.close()


def violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations")


def visit(page, url: str) -> None:
    """Open ``url``, wait for its scripts to settle, and check it ran under a CSP."""
    response = page.goto(url)
    page.wait_for_load_state("networkidle")
    assert "script-src" in response.headers.get("content-security-policy", ""), url


def test_admin_editor_runs_under_production_csp(server_url, review, browser_page):
    page = browser_page
    visit(page, f"{server_url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "pw-for-csp")
    page.click("button[type=submit]")
    page.wait_for_url(f"{server_url}/admin/")
    assert violations(page) == []

    visit(page, f"{server_url}/admin/pages/{review.pk}/edit/")
    # The Draftail editor and the InlinePanel of directors only exist if their scripts ran.
    assert page.locator(".Draftail-Editor").count() > 0
    assert page.locator("#id_creators-0-name").count() == 1
    assert violations(page) == []

    visit(page, f"{server_url}/admin/images/")
    assert violations(page) == []


@pytest.mark.parametrize("url", READER_URLS)
def test_reader_pages_run_under_production_csp(server_url, review, browser_page, url):
    visit(browser_page, f"{server_url}{url}")
    assert violations(browser_page) == [], url
