"""Listings cost the same number of SQL queries whether a section holds a handful of reviews or
thousands: we render every listing with a few reviews and again with several pages of them.
"""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from wagtail_factories import ImageFactory

from reviews.models import SECTION_PAGE_SIZE, Contributor
from tests.conftest import make_article
from tests.reader.conftest import quick_film

# Two pages (the second holds one: ?page=2 exists at both sizes), then three full ones.
SMALL, LARGE = SECTION_PAGE_SIZE + 1, 3 * SECTION_PAGE_SIZE

LISTINGS = [
    "/",
    "/film-reviews/",
    "/film-reviews/?page=2",
    "/film-reviews/a-z/",
    "/film-reviews/a-z/f/",
    "/film-reviews/years/",
    "/film-reviews/years/2010/",
    "/film-reviews/decades/2010s/",
    "/film-reviews/directors/",
    "/film-reviews/directors/mark-romanek/",
    "/film-reviews/countries/",
    "/film-reviews/countries/uk/",
    "/contributors/reviewer-0/",
    "/film-reviews/film-0/",  # a review page with its related reviews
    "/feed/",
    "/feed/atom/",
    "/film-reviews/feed/",
    "/sitemap.xml",
    "/sitemap-pages.xml",
]


def add_films(section, start: int, stop: int, reviewers, images) -> None:
    for number in range(start, stop):
        quick_film(
            section,
            f"Film {number}",
            slug=f"film-{number}",
            year=2010 + number % 3,
            directors=["Mark Romanek", f"Co-director {number}"],
            countries="U.K./France",
            reviewer=reviewers[number % len(reviewers)],
            lead_image=images[number % len(images)],
            summary=f"Summary {number}.",
            date=datetime.date(2020, 1, 1) + datetime.timedelta(number),
        )


def count_queries(client, url: str) -> int:
    client.get(url)  # the first render makes image renditions: a one-off, not per request
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.django_db
def test_listing_queries_do_not_grow_with_the_archive(client, site_tree):
    section = site_tree.section_for("film")
    reviewers = [Contributor.objects.create(name=f"Reviewer {n}") for n in range(3)]
    images = [ImageFactory(title=f"Still {n}") for n in range(2)]
    # Newest of all, so mixed listings (feeds, the contributor page) show both page types at
    # either size: each page type costs its own query, however many pages there are.
    make_article(
        site_tree.section_for("news"), author=reviewers[0], date=datetime.date(2030, 1, 1)
    )
    add_films(section, 0, SMALL, reviewers, images)
    small = {url: count_queries(client, url) for url in LISTINGS}
    add_films(section, SMALL, LARGE, reviewers, images)
    large = {url: count_queries(client, url) for url in LISTINGS}

    print(f"\nSQL queries per request, {SMALL} vs {LARGE} film reviews:")
    for url in LISTINGS:
        print(f"  {small[url]:3d} {large[url]:3d}  {url}")
    assert large == small
