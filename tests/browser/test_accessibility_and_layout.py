"""axe-core finds no serious or critical problems; no page scrolls sideways on a phone, where the
header and nav take less than a sixth of the screen."""

import pytest

from tests.browser.conftest import WIDTHS

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PAGES = {
    "home": "/",
    "section": "/film-reviews/",
    "review": "/film-reviews/the-quiet-harbour/",
    "a-z": "/film-reviews/a-z/",
    "search": "/search/?q=harbour",
    "contributor": "/contributors/mara-lindqvist/",
}
BLOCKING_IMPACTS = {"serious", "critical"}


def run_axe(page, axe_source: str) -> list[dict]:
    page.add_script_tag(content=axe_source)
    results = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return results["violations"]


def describe(violations: list[dict]) -> str:
    return "\n".join(
        f"{v['impact']}: {v['id']} ({v['help']}) at {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
    )


def test_axe_finds_no_serious_violations(page, live_server, magazine, axe_source):
    failures = {}
    for name, path in PAGES.items():
        page.goto(live_server.url + path)
        violations = run_axe(page, axe_source)
        print(f"\naxe on {name} ({path}): {len(violations)} violation(s)\n{describe(violations)}")
        blocking = [v for v in violations if v["impact"] in BLOCKING_IMPACTS]
        if blocking:
            failures[name] = describe(blocking)
    assert not failures, failures


@pytest.mark.parametrize("width", WIDTHS)
def test_no_horizontal_scrolling(browser, live_server, magazine, screenshot_dir, width):
    phone = width < 500
    height = 667 if phone else 900  # a small phone's screen
    context = browser.new_context(viewport={"width": width, "height": height})
    tab = context.new_page()
    try:
        overflowing, tall_headers = {}, {}
        for name, path in PAGES.items():
            tab.goto(live_server.url + path)
            tab.screenshot(path=screenshot_dir / f"{name}-{width}.png", full_page=True)
            scroll_width, inner_width = tab.evaluate(
                "() => [document.documentElement.scrollWidth, window.innerWidth]"
            )
            if scroll_width > inner_width:
                overflowing[name] = (scroll_width, inner_width)
            header = tab.evaluate(
                "() => document.querySelector('.site-header').getBoundingClientRect().height"
            )
            if phone and header >= height / 6:
                tall_headers[name] = header
        print(f"\nscreenshots at {width}px in {screenshot_dir}")
        assert not overflowing, overflowing
        assert not tall_headers, f"header and nav over a sixth of {height}px: {tall_headers}"
    finally:
        context.close()


def test_review_prints_without_site_chrome(page, live_server, magazine):
    page.goto(live_server.url + PAGES["review"])
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """() => ['.site-header', '.site-footer', '.related', '.skip-link']
            .map(sel => document.querySelector(sel))
            .filter(el => el && getComputedStyle(el).display !== 'none').length"""
    )
    assert hidden == 0
    assert page.locator("h1").is_visible()
    assert page.locator(".review .body-text").first.is_visible()
