"""PostgreSQL: our matching/ranking SQL returns exactly what modelsearch's own SQL returns."""

from django.db import connection

from wagtail.models import Page

import pytest
from modelsearch.query import And, Phrase, PlainText

from tests.conftest import make_book_review, make_film_review

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="PostgreSQL full-text search only"
)


@pytest.fixture
def backends():
    from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

    from search.postgres_ranking import RankedPostgresSearchBackend

    params = {"BACKEND": "search.backends"}
    return RankedPostgresSearchBackend(params), PostgresSearchBackend(params)


@pytest.fixture
def corpus(site_tree):
    films, books = site_tree.section_for("film"), site_tree.section_for("book")
    words = ["harbour", "light", "harbour light", "light on the harbour", "night"]
    for number in range(24):
        body = [("paragraph", f"<p>{' '.join(words[: 1 + number % 5])} {'rain ' * number}</p>")]
        make = make_film_review if number % 3 else make_book_review
        make(films if number % 3 else books, title=f"{words[number % 5]} {number}", body=body)


@pytest.mark.parametrize(
    "query",
    [
        PlainText("harbour"),
        PlainText("harbour light", operator="and"),
        Phrase("harbour light"),
        And([PlainText("light"), Phrase("the harbour")]),
    ],
)
def test_same_results_in_the_same_order_and_counts(backends, corpus, query):
    ours, theirs = backends
    pages = Page.objects.live()
    for start, stop in [(0, 10), (5, 15), (0, None)]:
        mine = [p.pk for p in ours.search(query, pages)[start:stop]]
        expected = [p.pk for p in theirs.search(query, pages)[start:stop]]
        assert mine == expected
    assert ours.search(query, pages).count() == theirs.search(query, pages).count() > 0
    newest = pages.order_by("-first_published_at", "-id")
    assert [p.pk for p in ours.search(query, newest, order_by_relevance=False)] == [
        p.pk for p in theirs.search(query, newest, order_by_relevance=False)
    ]
