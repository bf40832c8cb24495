"""Review page details readers notice: the lead image shown once, a trailer that can always
be reached by a link, the featured review's reviewer and date on the home page."""

import datetime

import pytest
from wagtail_factories import ImageFactory

from reviews.models import Contributor
from tests.conftest import make_film_review
from tests.reader.conftest import soup_of

TRAILER = "https://www.youtube.com/watch?v=aqz-KE-bpKQ"


@pytest.mark.django_db
def test_the_lead_image_is_not_repeated_as_the_first_body_picture(client, site_tree):
    lead, other = ImageFactory(title="Lead still"), ImageFactory(title="Another still")
    body = [
        ("image", {"image": lead, "caption": "The lamp"}),
        ("paragraph", "<p>Text.</p>"),
        ("image", {"image": other, "caption": "The bay"}),
    ]
    review = make_film_review(site_tree.section_for("film"), lead_image=lead, body=body)
    soup = soup_of(client.get(review.url))
    assert len(soup.select("img.lead-image")) == 1
    assert [
        caption.get_text(" ", strip=True) for caption in soup.select("article figcaption")
    ] == ["The bay"]


@pytest.mark.django_db
def test_a_body_picture_that_is_not_the_lead_image_stays(client, site_tree):
    lead, other = ImageFactory(title="Lead still"), ImageFactory(title="Another still")
    body = [("image", {"image": other, "caption": "The bay"})]
    review = make_film_review(site_tree.section_for("film"), lead_image=lead, body=body)
    soup = soup_of(client.get(review.url))
    assert "The bay" in soup.select_one("article figcaption").get_text()


def test_a_trailer_always_has_a_link_to_it(client, site_tree):
    body = [("trailer", {"video": TRAILER, "caption": "Official trailer"})]
    review = make_film_review(site_tree.section_for("film"), body=body)
    link = soup_of(client.get(review.url)).select_one("figure.trailer a.trailer__link")
    assert link["href"] == TRAILER and link.get_text() == "Watch the trailer"


def test_the_featured_review_shows_its_reviewer_and_date(client, site_tree):
    mara = Contributor.objects.create(name="Mara Lindqvist")
    review = make_film_review(
        site_tree.section_for("film"), reviewer=mara, date=datetime.date(2024, 3, 2)
    )
    home = site_tree.home
    home.featured_review = review
    home.save_revision().publish()
    byline = soup_of(client.get("/")).select_one(".featured .featured__byline")
    assert " ".join(byline.get_text().split()) == "Reviewed by Mara Lindqvist · 2 March 2024"
