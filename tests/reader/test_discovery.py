"""Feeds, sitemap.xml and robots.txt."""

import datetime
import math
import xml.etree.ElementTree as ET

from wagtail.models import Page

import pytest

from home.sitemaps import PagesSitemap
from tests.conftest import make_article, make_book_review, make_film_review

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def published(site_tree, contributor):
    film = make_film_review(
        site_tree.section_for("film"),
        reviewer=contributor,
        summary="A quiet, devastating film.",
        date=datetime.date(2024, 5, 1),
    )
    book = make_book_review(site_tree.section_for("book"), date=datetime.date(2024, 4, 1))
    news = make_article(
        site_tree.section_for("news"), author=contributor, date=datetime.date(2024, 6, 1)
    )
    return film, book, news


def test_site_rss_lists_newest_first_with_details(client, published):
    film, book, news = published
    response = client.get("/feed/")
    assert response["Content-Type"].startswith("application/rss+xml")
    items = ET.fromstring(response.content).findall("./channel/item")
    assert [item.findtext("title") for item in items] == [news.title, film.title, book.title]
    film_item = items[1]
    assert film_item.findtext("link") == film.full_url
    assert film_item.findtext("description") == "A quiet, devastating film."
    assert film_item.findtext("{http://purl.org/dc/elements/1.1/}creator") == "Howard Schumann"
    assert film_item.findtext("pubDate").startswith("Wed, 01 May 2024")


def test_site_atom_feed(client, published):
    response = client.get("/feed/atom/")
    assert response["Content-Type"].startswith("application/atom+xml")
    entries = ET.fromstring(response.content).findall(f"{ATOM}entry")
    assert len(entries) == 3
    film_entry = entries[1]
    assert film_entry.findtext(f"{ATOM}author/{ATOM}name") == "Howard Schumann"
    assert film_entry.findtext(f"{ATOM}summary") == "A quiet, devastating film."
    assert film_entry.find(f"{ATOM}link").get("href").endswith("/film-reviews/never-let-me-go/")
    assert film_entry.findtext(f"{ATOM}published").startswith("2024-05-01")


def test_section_feeds_only_list_their_section(client, published):
    film, _book, _news = published
    rss = ET.fromstring(client.get("/film-reviews/feed/").content)
    assert [item.findtext("title") for item in rss.findall("./channel/item")] == [film.title]
    assert rss.findtext("./channel/title") == "Film Reviews · Talking Pictures"
    atom = ET.fromstring(client.get("/film-reviews/feed/atom/").content)
    assert [entry.findtext(f"{ATOM}title") for entry in atom.findall(f"{ATOM}entry")] == [
        film.title
    ]


def test_drafts_are_not_in_feeds(client, site_tree):
    make_film_review(site_tree.section_for("film"), title="Unfinished", live=False)
    assert b"Unfinished" not in client.get("/feed/").content
    assert b"Unfinished" not in client.get("/film-reviews/feed/").content


def sitemap_locations(client, url: str) -> list[str]:
    response = client.get(url.removeprefix("http://testserver"))
    assert response.status_code == 200, url
    return [loc.text for loc in ET.fromstring(response.content).iter(f"{SITEMAP}loc")]


def test_sitemap_lists_pages_and_browse_indexes(client, published):
    film, _book, _news = published
    root = film.get_site().root_url
    (pages_sitemap,) = sitemap_locations(client, "/sitemap.xml")  # the index
    assert pages_sitemap.endswith("/sitemap-pages.xml")
    locations = set(sitemap_locations(client, pages_sitemap))
    assert f"{root}/" in locations
    assert film.full_url in locations
    assert f"{root}/film-reviews/a-z/" in locations
    assert f"{root}/film-reviews/countries/" in locations
    assert f"{root}/book-reviews/authors/" in locations
    assert f"{root}/news/a-z/" not in locations


def test_the_sitemap_index_gives_the_newest_change(client, published):
    response = client.get("/sitemap.xml")
    lastmod = ET.fromstring(response.content).findtext(f"{SITEMAP}sitemap/{SITEMAP}lastmod")
    changes = [p.last_published_at or p.latest_revision_created_at for p in Page.objects.live()]
    newest = max(change for change in changes if change)
    assert datetime.datetime.fromisoformat(lastmod) == newest


def test_the_sitemap_is_split_into_pages_of_a_bounded_size(client, published, monkeypatch):
    monkeypatch.setattr(PagesSitemap, "limit", 2)
    site = published[0].get_site()
    pages = Page.objects.live().public().descendant_of(site.root_page, inclusive=True)
    index = sitemap_locations(client, "/sitemap.xml")
    assert len(index) == math.ceil(pages.count() / 2) > 2
    assert index[1].endswith("/sitemap-pages.xml?p=2")
    listed = {url for page in index for url in sitemap_locations(client, page)}
    assert {page.full_url for page in pages} <= listed  # every page, on one sitemap page


def test_robots_txt_points_at_sitemap(client, site_tree):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Disallow: /search/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
