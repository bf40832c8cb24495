"""An image whose original file is gone costs the picture, never the page.

A real Wagtail image is the lead image of a featured review, a picture in its text and a
contributor's photo; then its file is deleted from MEDIA_ROOT, as when a database is
restored without its media. Every page that shows it still answers, without any picture
(no broken ``<img>``, no share image) and with everything else.
"""

import itertools
import re

import pytest
from wagtail_factories import ImageFactory

from tests.conftest import make_film_review

TITLE = "The Quiet Harbour"
PAGES = ["review", "/", "/film-reviews/", "/contributors/howard-schumann/", "/search/?q=harbour"]
FEEDS = ["/feed/", "/feed/atom/", "/film-reviews/feed/", "/film-reviews/feed/atom/"]
# Renditions are cached by image id and file hash, beyond a test's rollback, and ids are
# reused: a colour of its own gives each test's image a file (and a hash) of its own.
COLOURS = ((shade, 128, 64) for shade in itertools.cycle(range(256)))


@pytest.fixture
def pictured(site_tree, contributor):
    image = ImageFactory(title="A still from the film", file__color=next(COLOURS))
    image.get_file_hash()  # as Wagtail's upload form sets it (the factory does not)
    contributor.photo = image
    contributor.save()
    review = make_film_review(
        site_tree.section_for("film"),
        title=TITLE,
        reviewer=contributor,
        lead_image=image,
        summary="A harbour town.",
        body=[
            ("paragraph", "<p>Before the still.</p>"),
            ("image", {"image": image, "alt_text": "The harbour", "caption": "The harbour"}),
            ("paragraph", "<p>After the still.</p>"),
        ],
    )
    site_tree.home.featured_review = review
    site_tree.home.save_revision().publish()
    return review, image


def address(url: str, review) -> str:
    return review.url if url == "review" else url


def pictures(content: bytes) -> list[bytes]:
    """Every <img>, share image or image link in a page or feed."""
    return re.findall(rb"<img\b[^>]*>|og:image[^>]*>|/media/[^\s\"<]*", content)


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGES)
def test_pages_show_the_picture_while_its_file_exists(client, pictured, url):
    review, _ = pictured
    response = client.get(address(url, review))
    assert response.status_code == 200
    if url != "/search/?q=harbour":  # results show no pictures
        assert pictures(response.content)


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGES + FEEDS)
def test_a_missing_file_costs_the_picture_not_the_page(client, pictured, url):
    review, image = pictured
    image.file.storage.delete(image.file.name)
    response = client.get(address(url, review))
    assert response.status_code == 200
    assert "Quiet" in response.content.decode()  # search results highlight "Harbour"
    assert pictures(response.content) == []


@pytest.mark.django_db
def test_the_review_keeps_its_text_and_drops_the_captioned_picture(client, pictured):
    review, image = pictured
    image.file.storage.delete(image.file.name)
    html = client.get(review.url).content.decode()
    assert "Before the still." in html and "After the still." in html
    assert 'class="image-block"' not in html  # no caption left under a missing picture


# Issue 21, finding 6: a file that is there but cannot be decoded costs the picture too.
DAMAGED = {
    "junk bytes": b"this is not a picture at all" * 20,
    "truncated JPEG": b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    + b"\xff\xdb\x00\x43\x00"
    + bytes(range(64)),
    "bare PNG header": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
}


@pytest.mark.django_db
@pytest.mark.parametrize("damage", DAMAGED)
def test_a_damaged_file_costs_the_picture_not_the_page(client, pictured, damage, caplog):
    review, image = pictured
    with image.file.storage.open(image.file.name, "wb") as file:
        file.write(DAMAGED[damage])
    statuses = {url: client.get(address(url, review)).status_code for url in PAGES + FEEDS}
    assert statuses == dict.fromkeys(statuses, 200)
    html = client.get(review.url).content.decode()
    assert "Before the still." in html and "After the still." in html
    assert pictures(html.encode()) == []
    assert f"Image {image.pk}" in caplog.text  # logged, so an editor can replace the file
