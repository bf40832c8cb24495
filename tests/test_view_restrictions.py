"""Private pages stay private: a restriction added in the admin applies from the next request,
to the page and everything under it, read from the database in one query per page view."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import PageViewRestriction

from tests.conftest import make_film_review


def test_a_restriction_applies_at_once_to_the_section_and_its_reviews(client, site_tree):
    section = site_tree.section_for("film")
    review = make_film_review(section, title="Ikiru")
    assert client.get(review.url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        client.get(review.url)
    reads = [q for q in queries.captured_queries if "wagtailcore_pageviewrestriction" in q["sql"]]
    assert len(reads) == 1  # the page's and its ancestors' restrictions, in one query

    restriction = PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.PASSWORD, password="members"
    )
    response = client.get(review.url)
    assert response.status_code == 200 and b"Ikiru" not in response.content
    assert b'name="password"' in response.content  # Wagtail's password form instead

    restriction.delete()
    assert b"Ikiru" in client.get(review.url).content


def test_a_login_restriction_on_about_us(client, site_tree):
    about = site_tree.home.get_children().get(slug="about-us")
    PageViewRestriction.objects.create(page=about, restriction_type=PageViewRestriction.LOGIN)
    response = client.get("/about-us/")
    assert response.status_code == 302 and "login" in response["Location"]
