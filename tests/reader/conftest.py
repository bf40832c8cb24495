"""Helpers for reader-facing tests: fast page creation and HTML parsing."""

import datetime
import json

import pytest
from bs4 import BeautifulSoup

from reviews.models import FilmReviewPage
from tests.conftest import film_review


def quick_film(
    section,
    title: str,
    *,
    directors=("Mark Romanek",),
    year=2010,
    reviewer=None,
    countries="U.K.",
    date=datetime.date(2011, 3, 1),
    **fields,
) -> FilmReviewPage:
    """A live film review without revisions: enough for listings, much faster for many pages."""
    page = film_review(
        title=title,
        directors=directors,
        year=year,
        reviewer=reviewer,
        date=date,
        countries=countries,
        **fields,
    )
    return section.add_child(instance=page)


def soup_of(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def json_ld_of(response) -> list[dict]:
    scripts = soup_of(response).find_all("script", type="application/ld+json")
    return [json.loads(script.string) for script in scripts]


@pytest.fixture
def film_section(site_tree):
    return site_tree.section_for("film")


@pytest.fixture
def book_section(site_tree):
    return site_tree.section_for("book")
