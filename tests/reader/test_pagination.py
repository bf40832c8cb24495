"""Numbered pagination: first, previous, the numbers around the current page, next, last;
a page number past the last page is a 404."""

import pytest

from reviews import pagination
from tests.reader.conftest import quick_film, soup_of


@pytest.mark.parametrize(
    ("current", "last", "links"),
    [
        (1, 1, [1]),
        (1, 3, [1, 2, 3]),
        (1, 9, [1, 2, 3, None, 9]),
        (5, 9, [1, 2, 3, 4, 5, 6, 7, 8, 9]),
        (7, 13, [1, None, 5, 6, 7, 8, 9, None, 13]),
        (4, 9, [1, 2, 3, 4, 5, 6, None, 9]),  # a gap of one page is that page
        (9, 9, [1, None, 7, 8, 9]),
    ],
)
def test_which_page_numbers_are_linked(current, last, links):
    assert pagination.page_links(current, last) == links


@pytest.fixture
def thirteen_pages(site_tree, monkeypatch):
    monkeypatch.setattr("reviews.models.sections.SECTION_PAGE_SIZE", 2)
    section = site_tree.section_for("film")
    for n in range(25):
        quick_film(section, f"Film {n:02}")
    return section


def nav_of(response):
    return soup_of(response).find("nav", class_="pagination")


def test_a_middle_page_links_first_previous_numbers_next_and_last(client, thirteen_pages):
    nav = nav_of(client.get(thirteen_pages.url + "?page=7"))
    assert "Page 7 of 13" in nav.get_text()
    links = [(a.get_text(strip=True), a["href"]) for a in nav.find_all("a")]
    assert links == [
        ("« First", "?"),
        ("‹ Newer", "?page=6"),
        ("1", "?"),
        ("5", "?page=5"),
        ("6", "?page=6"),
        ("7", "?page=7"),
        ("8", "?page=8"),
        ("9", "?page=9"),
        ("13", "?page=13"),
        ("Older ›", "?page=8"),
        ("Last »", "?page=13"),
    ]
    assert nav.find("a", attrs={"aria-current": "page"}).get_text() == "7"
    assert [gap.get_text() for gap in nav.select(".pagination__gap")] == ["…", "…"]


def test_the_last_page_has_no_next_and_the_first_no_previous(client, thirteen_pages):
    last = [
        a.get_text(strip=True) for a in nav_of(client.get(thirteen_pages.url + "?page=13"))("a")
    ]
    assert last == ["« First", "‹ Newer", "1", "11", "12", "13"]
    first = [a.get_text(strip=True) for a in nav_of(client.get(thirteen_pages.url))("a")]
    assert first == ["1", "2", "3", "13", "Older ›", "Last »"]


def test_filters_are_kept_in_every_page_link(client, thirteen_pages):
    nav = nav_of(client.get(thirteen_pages.url + "?page=2&order=title"))
    assert {a["href"] for a in nav("a")} >= {"?order=title", "?order=title&page=3"}


def test_a_page_past_the_last_is_not_found(client, thirteen_pages):
    assert client.get(thirteen_pages.url + "?page=13").status_code == 200
    assert client.get(thirteen_pages.url + "?page=14").status_code == 404
    assert client.get(thirteen_pages.url + "?page=0").status_code == 404
    assert client.get(thirteen_pages.url + "?page=abc").status_code == 200  # read as page 1
