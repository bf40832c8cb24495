"""Server-side accessibility checks on every kind of page: landmarks, one h1, headings, alt."""

import pytest
from wagtail_factories import ImageFactory

from tests.conftest import make_article, make_book_review, make_film_review
from tests.reader.conftest import soup_of


@pytest.fixture
def urls(site_tree, contributor) -> list[str]:
    image = ImageFactory(title="A lighthouse at dusk")
    body = [
        ("paragraph", "<p>Opening.</p>"),
        ("heading", {"text": "The early films", "level": "h2"}),
        # Another picture: the lead image again as the first body picture is not shown twice.
        (
            "image",
            {
                "image": ImageFactory(title="The gallery"),
                "alt_text": "The keeper on the gallery",
                "caption": "",
            },
        ),
        ("heading", {"text": "A detail", "level": "h3"}),
        ("paragraph", "<p>More.</p>"),
    ]
    film = make_film_review(
        site_tree.section_for("film"), reviewer=contributor, lead_image=image, body=body
    )
    make_film_review(
        site_tree.section_for("film"), title="Another", slug="another", reviewer=contributor
    )
    make_book_review(site_tree.section_for("book"), reviewer=contributor)
    article = make_article(site_tree.section_for("news"), author=contributor)
    return [
        "/",
        "/film-reviews/",
        film.url,
        article.url,
        "/about-us/",
        "/film-reviews/a-z/",
        "/film-reviews/years/",
        "/film-reviews/directors/",
        "/film-reviews/countries/",
        "/film-reviews/decades/2010s/",
        "/book-reviews/authors/",
        "/contributors/howard-schumann/",
        "/search/?q=never",
    ]


def heading_levels(soup) -> list[int]:
    return [int(tag.name[1]) for tag in soup.find_all(["h1", "h2", "h3", "h4", "h5", "h6"])]


def test_every_page_has_landmarks_one_h1_ordered_headings_and_alt_text(client, urls):
    for url in urls:
        soup = soup_of(client.get(url))
        assert len(soup.find_all("main")) == 1, url
        assert soup.find("header", class_="site-header") and soup.find("footer"), url
        assert soup.find("nav", attrs={"aria-label": "Main"}), url
        levels = heading_levels(soup)
        assert levels.count(1) == 1 and levels[0] == 1, (url, levels)
        skipped = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
        assert not skipped, (url, levels)
        assert all(img.has_attr("alt") for img in soup.find_all("img")), url


def test_meaningful_images_have_alt_text(client, urls):
    soup = soup_of(client.get(urls[2]))
    assert soup.find("img", class_="lead-image")["alt"] == "A lighthouse at dusk"
    assert soup.select_one(".image-block img")["alt"] == "The keeper on the gallery"


def test_print_stylesheet_is_linked_for_print(client, urls):
    soup = soup_of(client.get(urls[2]))
    print_css = soup.find("link", rel="stylesheet", media="print")
    assert print_css["href"].endswith("css/print.css")
