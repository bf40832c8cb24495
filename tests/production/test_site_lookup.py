"""The request's Wagtail site is looked up once per published state, and a change to the
sites (or a publish) is seen by the very next request."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Site

from home.models import StandardPage
from tests.conftest import make_film_review


def site_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return sum('FROM "wagtailcore_site"' in query["sql"] for query in queries.captured_queries)


def test_the_site_is_not_queried_on_every_request(client, site_tree):
    review = make_film_review(site_tree.section_for("film"), title="Ikiru")
    site_queries(client, review.url)
    assert site_queries(client, review.url) == 0
    assert site_queries(client, "/") == 0


def test_a_new_site_is_used_at_once(client, site_tree):
    assert client.get("/about-us/", HTTP_HOST="127.0.0.1").status_code == 200  # default site
    other_root = site_tree.home.add_child(instance=StandardPage(title="Other magazine"))
    Site.objects.create(hostname="127.0.0.1", port=80, root_page=other_root)
    response = client.get("/", HTTP_HOST="127.0.0.1")
    assert response.status_code == 200 and b"Other magazine" in response.content
    assert client.get("/about-us/", HTTP_HOST="127.0.0.1").status_code == 404


def test_the_admin_and_health_check_look_the_site_up_themselves(admin_client, site_tree):
    assert site_queries(admin_client, "/healthz") == 0
    assert admin_client.get("/admin/").status_code == 200
