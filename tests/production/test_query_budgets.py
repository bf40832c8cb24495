"""Each page type costs a fixed number of SQL queries, whether the archive has 20 or 2,000 pages.

The archive is inserted in bulk (demo.archive) once for the module, measured small, grown to
2,000 reviews and measured again; everything is rolled back afterwards.
"""

from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from wagtail.models import Page

import pytest

from demo.archive import build_archive
from home.tree import ensure_site_tree
from reviews.models import ArticlePage, Contributor, FilmReviewPage, SectionPage

SMALL, LARGE = 20, 2_000
# Measured counts; the firm rule is
# that the count does not grow with the archive.
BUDGETS = {
    # Each page view reads its own view restrictions from the database (one query on the
    # ancestors' paths, ops.restrictions); listings check theirs within their own queries.
    "home": 12,
    "section": 5,
    # A review or article page, its article and head are kept per published state
    # (tests/reader/test_kept_pages.py): only its view restrictions are read.
    "review": 1,
    "article": 1,
    # 15 to answer, then 3 after the page is sent (search/popular.py counts the search in close())
    "search": 18,
    "a_to_z": 2,
    "contributor": 11,
}


def page_urls() -> dict[str, str | None]:
    """One URL per page type; None where another team's route does not exist yet."""
    film = SectionPage.objects.get(kind=SectionPage.Kind.FILM_REVIEWS)
    review = FilmReviewPage.objects.live().order_by("pk").first()
    article = ArticlePage.objects.live().order_by("pk").first()
    contributor = Contributor.objects.order_by("pk").first()
    return {
        "home": "/",
        "section": film.url,
        "review": review.url,
        "article": article.url,
        # A country: only film reviews match, so every results page loads one page type
        # (cards cost one query per type shown, which must not make the sizes differ).
        "search": f"{reverse('search')}?q=France",
        "a_to_z": optional(lambda: film.url + film.specific.reverse_subpage("a_to_z")),
        "contributor": optional(lambda: reverse("contributor", args=[contributor.slug])),
    }


def optional(build_url) -> str | None:
    try:
        return build_url()
    except (NoReverseMatch, AttributeError):
        return None


def count_queries(urls: dict[str, str | None]) -> dict[str, int | None]:
    client = Client()
    counts = {}
    for name, url in urls.items():
        if url is None:
            counts[name] = None
            continue
        assert client.get(url).status_code == 200, url  # warm per-process caches first
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200, url
        counts[name] = len(queries)
    return counts


def is_test_database() -> bool:
    name = str(connection.settings_dict["NAME"])
    return connection.vendor == "sqlite" and connection.is_in_memory_db() or "test" in name


@pytest.fixture(scope="module")
def measured(django_db_setup, django_db_blocker) -> tuple[dict, dict]:
    with django_db_blocker.unblock(), transaction.atomic():
        # pytest-django only creates the test database for marked tests; never touch another.
        assert is_test_database(), connection.settings_dict["NAME"]
        tree = ensure_site_tree(hostname="testserver")
        build_archive(SMALL, images=3, tree=tree)
        urls = page_urls()
        small = count_queries(urls)
        build_archive(LARGE - SMALL, images=3, seed=7, tree=tree)
        assert Page.objects.type(FilmReviewPage).count() > LARGE // 2
        large = count_queries(urls)
        transaction.set_rollback(True)
    return small, large


@pytest.mark.django_db
@pytest.mark.parametrize("page_type", list(BUDGETS))
def test_query_count_does_not_grow_with_the_archive(measured, page_type):
    small, large = measured
    if small[page_type] is None:
        pytest.skip(f"no route for {page_type} yet (built by another team)")
    assert large[page_type] == small[page_type], (small, large)
    assert small[page_type] <= BUDGETS[page_type], small
