"""SITE_URL decides every absolute URL readers and crawlers are given, whatever host the
request came in by (a proxy's, 127.0.0.1): canonical, Open Graph, JSON-LD, feeds, sitemap."""

import json

from django.core.management import call_command
from django.test import override_settings

from wagtail.models import Site

from bs4 import BeautifulSoup

from tests.conftest import make_film_review
from tests.reader.conftest import soup_of

SITE_URL = "http://films.example:8123"


def test_every_absolute_url_is_on_site_url(client, site_tree):
    review = make_film_review(site_tree.section_for("film"))
    with override_settings(SITE_URL=SITE_URL):
        call_command("setup_site", stdout=open("/dev/null", "w"))  # noqa: SIM115
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("films.example", 8123, SITE_URL)
    page_url = f"{SITE_URL}/film-reviews/never-let-me-go/"

    soup = soup_of(client.get(review.url))  # requested as "testserver"
    assert soup.find("link", rel="canonical")["href"] == page_url
    assert soup.find("meta", property="og:url")["content"] == page_url
    json_ld = json.loads(soup.find("script", type="application/ld+json").string)
    assert json_ld["url"] == page_url

    feed = client.get("/feed/").content.decode()
    assert f"<link>{page_url}</link>" in feed
    assert f'href="{SITE_URL}/feed/"' in feed and "testserver" not in feed
    sitemap = client.get("/sitemap-pages.xml").content.decode()
    assert f"<loc>{page_url}</loc>" in sitemap and "testserver" not in sitemap
    robots = client.get("/robots.txt").content.decode()
    assert f"Sitemap: {SITE_URL}/sitemap.xml" in robots
    section = BeautifulSoup(client.get("/film-reviews/").content, "html.parser")
    assert section.find("link", rel="canonical")["href"] == f"{SITE_URL}/film-reviews/"


def test_https_on_443_gives_https_urls_without_a_port(client, site_tree):
    with override_settings(SITE_URL="https://magazine.example"):
        call_command("setup_site", stdout=open("/dev/null", "w"))  # noqa: SIM115
    soup = soup_of(client.get("/"))
    assert soup.find("link", rel="canonical")["href"] == "https://magazine.example/"


def test_the_sitemap_index_points_at_site_url(client, site_tree):
    with override_settings(SITE_URL=SITE_URL):
        call_command("setup_site", stdout=open("/dev/null", "w"))  # noqa: SIM115
    index = client.get("/sitemap.xml").content.decode()
    assert f"<loc>{SITE_URL}/sitemap-pages.xml</loc>" in index, index
