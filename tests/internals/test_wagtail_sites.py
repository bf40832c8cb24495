"""Wagtail: ``get_site_for_hostname`` and ``request._wagtail_site`` (ops/sites.py);
docs/internals.md, "Wagtail: the request's site"."""

from django.test import RequestFactory

from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

import pytest

from tests.internals.fence import changed, parameters

LIBRARY = "Wagtail"


def test_get_site_for_hostname_takes_a_hostname_and_a_port():
    assert parameters(get_site_for_hostname) == ["hostname", "port"], changed(
        LIBRARY, "get_site_for_hostname"
    )


@pytest.mark.django_db
def test_get_site_for_hostname_answers_what_find_for_request_answers(
    site_tree, django_assert_num_queries
):
    request = RequestFactory().get("/", HTTP_HOST="testserver")
    expected = Site._find_for_request(request)
    with django_assert_num_queries(1):  # the site and its root page in one query
        site = get_site_for_hostname("testserver", request.get_port())
        assert site.root_page.pk == site_tree.home.pk
    assert isinstance(site, Site) and site == expected, changed(LIBRARY, "get_site_for_hostname")


@pytest.mark.django_db
def test_get_site_for_hostname_raises_does_not_exist_without_a_match():
    Site.objects.all().delete()
    with pytest.raises(Site.DoesNotExist):
        get_site_for_hostname("nowhere.example", 80)


@pytest.mark.django_db
def test_find_for_request_reads_request_wagtail_site_first(site_tree, django_assert_num_queries):
    request = RequestFactory().get("/", HTTP_HOST="testserver")
    cached = Site(hostname="cached.example", root_page=site_tree.home.specific)
    request._wagtail_site = cached
    with django_assert_num_queries(0):
        assert Site.find_for_request(request) is cached, changed(LIBRARY, "request._wagtail_site")
        # Routing starts from that site's root page, already specific: no query either.
        page, _args, _kwargs = Page.route_for_request(request, "/")
    assert page.pk == site_tree.home.pk, changed(LIBRARY, "request._wagtail_site")
