"""Meta description, canonical URL, Open Graph, Twitter card and feed links in each page's head."""

import pytest
from wagtail_factories import ImageFactory

from tests.conftest import make_article, make_film_review
from tests.reader.conftest import soup_of


def meta(soup, **attrs) -> str | None:
    tag = soup.find("meta", attrs=attrs)
    return tag["content"] if tag else None


def test_description_defaults_to_summary_and_editor_can_override(client, site_tree):
    review = make_film_review(site_tree.section_for("film"), summary="A quiet, devastating film.")
    soup = soup_of(client.get(review.url))
    assert meta(soup, name="description") == "A quiet, devastating film."
    review.search_description = "Written by an editor for search engines."
    review.save_revision().publish()
    soup = soup_of(client.get(review.url))
    assert meta(soup, name="description") == "Written by an editor for search engines."
    assert meta(soup, property="og:description") == "Written by an editor for search engines."


def test_description_falls_back_to_first_paragraph_truncated(client, site_tree):
    long_text = "Lorem ipsum &amp; <b>dolor</b> sit amet. " * 20
    body = [
        ("epigraph", {"quote": "Not this.", "attribution": ""}),
        ("paragraph", f"<p>{long_text}</p>"),
        ("paragraph", "<p>Nor this.</p>"),
    ]
    article = make_article(site_tree.section_for("news"), body=body)
    description = meta(soup_of(client.get(article.url)), name="description")
    assert description.startswith("Lorem ipsum & dolor sit amet. Lorem")
    assert len(description) <= 160 and description.endswith("…")


def test_canonical_open_graph_and_twitter_without_image(client, site_tree):
    review = make_film_review(site_tree.section_for("film"))
    soup = soup_of(client.get(review.url))
    assert soup.find("link", rel="canonical")["href"] == review.full_url
    assert meta(soup, property="og:url") == review.full_url
    assert meta(soup, property="og:title") == "Never Let Me Go"
    assert meta(soup, property="og:type") == "article"
    assert meta(soup, name="twitter:card") == "summary"
    assert meta(soup, property="og:image") is None


@pytest.mark.django_db
def test_share_image_is_an_absolute_rendition_url(client, site_tree):
    image = ImageFactory(title="A still from the film")
    review = make_film_review(site_tree.section_for("film"), lead_image=image)
    soup = soup_of(client.get(review.url))
    og_image = meta(soup, property="og:image")
    assert og_image.startswith("http://testserver/media/images/")
    assert ".fill-1200x630" in og_image
    assert meta(soup, name="twitter:image") == og_image
    assert meta(soup, name="twitter:card") == "summary_large_image"
    lead = soup.find("img", class_="lead-image")
    assert lead["alt"] == "A still from the film"


def test_feed_links_site_wide_and_for_the_section(client, site_tree):
    review = make_film_review(site_tree.section_for("film"))
    for url in (review.url, site_tree.section_for("film").url):
        feeds = {
            link["href"] for link in soup_of(client.get(url)).find_all("link", rel="alternate")
        }
        assert feeds == {
            "/feed/",
            "/feed/atom/",
            "/film-reviews/feed/",
            "/film-reviews/feed/atom/",
        }
    home_feeds = soup_of(client.get("/")).find_all("link", rel="alternate")
    assert {link["type"] for link in home_feeds} == {"application/rss+xml", "application/atom+xml"}
    assert {link["href"] for link in home_feeds} == {"/feed/", "/feed/atom/"}


def test_home_and_section_are_websites_with_descriptions(client, site_tree):
    section = site_tree.section_for("film")
    section.intro = "<p>Every film we have <i>reviewed</i>.</p>"
    section.save_revision().publish()
    soup = soup_of(client.get(section.url))
    assert meta(soup, name="description") == "Every film we have reviewed."
    assert meta(soup, property="og:type") == "website"
    assert soup.find("link", rel="canonical")["href"] == section.full_url


def test_the_home_page_is_described_by_its_intro_until_an_editor_writes_one(client, site_tree):
    home = site_tree.home
    assert meta(soup_of(client.get("/")), name="description") == (
        "Independent reviews of films and books, with news and features, since 2000."
    )
    home.intro = "<p>Films and <b>books</b>, reviewed.</p>"
    home.save_revision().publish()
    assert meta(soup_of(client.get("/")), name="description") == "Films and books, reviewed."
    home.search_description = "The independent film and book magazine."
    home.save_revision().publish()
    assert meta(soup_of(client.get("/")), name="description") == (
        "The independent film and book magazine."
    )


def test_every_page_names_its_icon_and_favicon_ico_finds_it(client, site_tree):
    icon = soup_of(client.get("/")).find("link", rel="icon")["href"]
    assert icon.endswith("favicon.ico")
    response = client.get("/favicon.ico")
    assert response.status_code == 302 and response["Location"] == icon
