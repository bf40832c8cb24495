"""PostgreSQL: our matching/ranking SQL returns exactly what modelsearch's own SQL returns."""

import re

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import F, Q
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

import pytest
from modelsearch.query import And, Phrase, PlainText

from reviews.models import FilmReviewPage
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
    # modelsearch matches `title || body`: a phrase may run from the title's last word into
    # the body's first, and a match on the body alone must not miss it.
    make_film_review(films, title="Night harbour", body=[("paragraph", "<p>Light rain.</p>")])


QUERIES = [
    PlainText("harbour"),
    PlainText("harbour light", operator="and"),
    Phrase("harbour light"),
    And([PlainText("light"), Phrase("the harbour")]),
]


@pytest.mark.parametrize("query", QUERIES)
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


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("relevance", [True, False])
def test_counts_and_a_slice_in_one_statement_agree_with_modelsearch(
    backends, corpus, query, relevance
):
    ours, theirs = backends
    newest = Page.objects.live().order_by("-first_published_at", "-id")
    groups = {"type": F("content_type_id")}
    films = Q(content_type=ContentType.objects.get_for_model(FilmReviewPage))
    for start, stop in [(0, 10), (3, 8), (40, 50)]:
        counts, pages = ours.search(query, newest, order_by_relevance=relevance).counts_and_slice(
            groups, films, start, stop
        )
        expected = theirs.search(query, newest.filter(films), order_by_relevance=relevance)
        assert [page.pk for page in pages] == [page.pk for page in expected[start:stop]]
        assert {row["type"]: row["matches"] for row in counts} == {
            type_id: theirs.search(query, newest.filter(content_type_id=type_id)).count()
            for type_id in {page.content_type_id for page in theirs.search(query, newest)}
        }
    assert counts and pages == []  # past the end: counted, nothing to show


def test_a_phrase_running_from_the_title_into_the_body_matches_as_in_modelsearch(backends, corpus):
    ours, theirs = backends
    pages = Page.objects.live()
    for query in (Phrase("harbour light"), And([PlainText("rain"), Phrase("night harbour")])):
        found = [page.title for page in ours.search(query, pages)]
        assert "Night harbour" in found
        assert found == [page.title for page in theirs.search(query, pages)]


def test_the_tsquery_is_computed_once_per_statement(backends, corpus):
    """``(SELECT to_tsquery(…))``, never a bare ``to_tsquery`` evaluated for every row.

    Hidden from the planner, a word in nearly every page is still matched through the GIN
    index (not a sequential scan merging ``title || body`` per row), and ranking does not
    parse the query again for every match. See ``search.postgres_ranking._Once``.
    """
    ours, _ = backends
    pages = Page.objects.live()
    query = And([PlainText("light"), Phrase("the harbour")])
    with CaptureQueriesContext(connection) as captured:
        ranked = [p.pk for p in ours.search(query, pages)[:10]]
        newest = list(ours.search(query, pages, order_by_relevance=False)[:10])
    assert ranked and newest
    searches = [q["sql"] for q in captured.captured_queries if "to_tsquery(" in q["sql"]]
    assert len(searches) == 2
    for sql in searches:
        assert sql.count("to_tsquery(") >= 2  # a word and a phrase
        assert all(_inside_a_select(sql, call.start()) for call in TSQUERY_CALL.finditer(sql))


TSQUERY_CALL = re.compile(r"\w*to_tsquery\(")
ONCE = re.compile(r"\(SELECT \(*\w*to_tsquery\(")  # (SELECT to_tsquery(…) [&& …])


def _inside_a_select(sql: str, position: int) -> bool:
    """Whether ``position`` is inside a ``(SELECT <tsquery>)`` (not any subquery)."""
    opened: list[bool] = []
    for index, char in enumerate(sql[:position]):
        if char == "(":
            opened.append(ONCE.match(sql, index) is not None)
        elif char == ")" and opened:
            opened.pop()
    return any(opened)
