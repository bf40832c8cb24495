"""A reader finds their way: home → section → review, the header search, turning pages."""

import re

import pytest
from playwright.sync_api import expect

# The live server runs in another thread: it must see committed data, restored after each test.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_home_to_section_to_review(page, live_server, magazine):
    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Film Reviews").click()
    expect(page).to_have_url(re.compile(r"/film-reviews/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Film Reviews")
    page.get_by_role("link", name="The Quiet Harbour").first.click()
    expect(page).to_have_url(re.compile(r"/film-reviews/the-quiet-harbour/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("The Quiet Harbour")
    expect(page.locator(".credits")).to_contain_text("Agnès Varda")


def test_search_from_the_header(page, live_server, magazine):
    page.goto(live_server.url + "/")
    search = page.get_by_label("Search the magazine")  # a combobox once autocomplete loads
    search.fill("Quiet Harbour")
    search.press("Enter")
    expect(page).to_have_url(re.compile(r"/search/\?.*q=Quiet"))
    results = page.locator("main a[href$='/film-reviews/the-quiet-harbour/']")
    expect(results.first).to_be_visible()


def test_paging_through_search_results(page, live_server, magazine):
    page.goto(live_server.url + "/")
    search = page.get_by_label("Search the magazine")
    search.fill("Archive Film")
    search.press("Enter")
    pages = page.get_by_role("navigation", name="Result pages")
    first = page.locator("main h2 a").all_inner_texts()
    assert len(first) == 10
    pages.get_by_role("link", name="Next").click()
    expect(page).to_have_url(re.compile(r"q=Archive\+Film.*page=2|page=2.*q=Archive\+Film"))
    second = page.locator("main h2 a").all_inner_texts()
    assert second and not set(first) & set(second)  # a different ten results
    assert all(title.startswith("Archive Film") for title in first + second)
    page.get_by_role("navigation", name="Result pages").get_by_role(
        "link", name="Previous"
    ).click()
    expect(page.locator("main h2 a")).to_have_text(first)


def test_paging_through_a_section(page, live_server, magazine):
    page.goto(live_server.url + magazine.section_url)
    pages = page.get_by_role("navigation", name="Pages")
    expect(pages).to_contain_text("Page 1 of 2")
    pages.get_by_role("link", name="Older").click()
    expect(page).to_have_url(re.compile(r"\?page=2$"))
    expect(page.get_by_role("navigation", name="Pages")).to_contain_text("Page 2 of 2")
    expect(page.locator(".card__title")).to_have_count(1)
    page.get_by_role("navigation", name="Pages").get_by_role("link", name="Newer").click()
    expect(page.get_by_role("navigation", name="Pages")).to_contain_text("Page 1 of 2")


def test_browsing_the_a_to_z(page, live_server, magazine):
    page.goto(live_server.url + magazine.section_url)
    page.get_by_role("navigation", name="Browse Film Reviews").get_by_role(
        "link", name="A–Z"
    ).click()
    page.get_by_role("navigation", name="Letters").get_by_role(
        "link", name="Q", exact=True
    ).click()
    expect(page.get_by_role("heading", level=2)).to_have_text(["Q"])
    page.get_by_role("link", name="The Quiet Harbour").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The Quiet Harbour")
