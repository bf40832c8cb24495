"""The /search/ page end to end: real pages in a real database, searched by the real backend."""

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

import pytest

from search.popular import SearchToCount, count_search
from search.query import parse_query
from search.results import Criteria, run_search
from tests.conftest import make_article, make_book_review, make_film_review
from tests.search.conftest import result_titles

SEARCH = "/search/"


def search(client, **params):
    response = client.get(SEARCH, params)
    assert response.status_code == 200
    return response


# Relevance ---------------------------------------------------------------------------------


def test_a_review_titled_with_the_query_ranks_above_a_mere_mention(client, library):
    titles = result_titles(search(client, q="Ikiru"))
    assert titles.index("Ikiru") < titles.index("Rashomon")
    assert titles[0] == "Ikiru"


def test_backend_relevance_prefers_the_title_without_an_exact_match(client, site_tree):
    # "Ikiru" is in one title but is not the whole title, so the exact-match rule does not
    # apply: the backend's own weighting (SQLite: title column x5; PostgreSQL: the title
    # vector plus field weights) must rank the title above a mention in a body of equal length.
    films = site_tree.section_for("film")
    text = "<p>" + "A quiet and humane story. " * 10 + "{extra}</p>"
    make_film_review(
        films, title="Late Spring", body=[("paragraph", text.format(extra="Unlike Ikiru."))]
    )
    make_film_review(
        films, title="Ikiru: To Live", body=[("paragraph", text.format(extra="Unlike Spring."))]
    )
    assert result_titles(search(client, q="ikiru")) == ["Ikiru: To Live", "Late Spring"]


def test_title_match_first_regardless_of_case_and_quotes(client, library):
    assert result_titles(search(client, q='"ikiru"'))[0] == "Ikiru"


def test_an_exact_director_name_brings_their_reviews_first(client, library, site_tree):
    make_article(
        site_tree.section_for("news"),
        title="Retrospective",
        body=[("paragraph", "<p>Akira Kurosawa, Akira Kurosawa, Akira Kurosawa.</p>")],
    )
    titles = result_titles(search(client, q="Akira Kurosawa"))
    assert set(titles[:2]) == {"Ikiru", "Rashomon"}
    assert "Retrospective" in titles


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("Kurosawa", "Ikiru"),  # director
        ("Japan", "Ikiru"),  # country
        ("1952", "Ikiru"),  # year of the work
        ("Schumann", "Ikiru"),  # reviewer
        ("bureaucrat", "Ikiru"),  # body paragraph
        ("civil servant", "Ikiru"),  # summary
        ("dignity", "The Remains of the Day"),  # epigraph quote
        ("Stevens", "The Remains of the Day"),  # epigraph attribution
        ("Ishiguro", "The Remains of the Day"),  # author
        ("Faber", "The Remains of the Day"),  # publisher
        ("servants screen", "Fifty years of butlers"),  # heading block
    ],
)
def test_every_kind_of_text_is_searchable(client, library, query, title):
    assert title in result_titles(search(client, q=query))


def test_words_in_spoiler_caption_and_signature_blocks(client, site_tree):
    make_film_review(
        site_tree.section_for("film"),
        title="Vertigo",
        body=[
            ("spoiler_notice", {"label": "Spoiler alert", "text": "Madeleine falls twice."}),
            ("pull_quote", {"quote": "Obsession in San Francisco.", "attribution": ""}),
            ("signature", {"contributor": None, "name": "Ada Lovelace", "dateline": "May 2001"}),
        ],
    )
    for query in ("Madeleine", "obsession", "Lovelace"):
        assert result_titles(search(client, q=query)) == ["Vertigo"], query


def test_phrase_search(client, library):
    assert result_titles(search(client, q='"patient film"')) == ["Ikiru"]
    assert result_titles(search(client, q='"film patient"')) == []


# Filters, ordering, pagination ----------------------------------------------------------------


def test_section_filter(client, library):
    assert result_titles(search(client, q="butler", section="news")) == ["Festival opens"]


@pytest.mark.parametrize(
    ("kind", "titles"),
    [
        ("film", set()),
        ("book", {"The Remains of the Day"}),
        ("news", {"Festival opens"}),
        ("feature", {"Fifty years of butlers"}),
    ],
)
def test_kind_filter(client, library, kind, titles):
    assert set(result_titles(search(client, q="butler", kind=kind))) == titles


def test_year_and_decade_filters(client, library):
    assert result_titles(search(client, q="Kurosawa", year="1952")) == ["Ikiru"]
    assert set(result_titles(search(client, q="Kurosawa", decade="1950"))) == {"Ikiru", "Rashomon"}
    assert result_titles(search(client, q="Kurosawa", decade="1980")) == []
    # Articles have no year of a work: a year filter leaves only reviews.
    assert result_titles(search(client, q="butler", decade="1980")) == ["The Remains of the Day"]
    assert result_titles(search(client, q="butler", kind="news", year="1989")) == []


def test_newest_order_uses_the_publication_date(client, library):
    titles = result_titles(search(client, q="butler", order="newest"))
    assert titles == ["Festival opens", "The Remains of the Day", "Fifty years of butlers"]


def test_counts_per_section_ignore_the_section_filter_but_keep_the_others(client, library):
    response = search(client, q="butler", section="news")
    counts = {c.section.slug: c.count for c in response.context["outcome"].section_counts}
    assert counts == {"film-reviews": 0, "book-reviews": 1, "news": 1, "features": 1}
    html = response.content.decode()
    assert 'href="?q=butler&amp;section=book-reviews"' in html


@pytest.mark.parametrize(
    "params",
    [
        {"section": "no-such-section"},
        {"kind": "poetry"},
        {"year": "nineteen"},
        {"year": "99999999999999999999"},
        {"decade": "1955"},
        {"order": "random"},
        {"page": "abc"},
        {"page": "-1"},
        {"page": "0"},
        {"page": "9999"},
        {"page": "9" * 5000},
    ],
)
def test_bad_filter_and_page_values_are_ignored(client, library, params):
    assert "Ikiru" in result_titles(search(client, q="Ikiru", **params))


def test_pagination_keeps_filters_and_order(client, site_tree):
    films = site_tree.section_for("film")
    for number in range(12):
        make_film_review(
            films, title=f"Noir {number}", year=1947, date=datetime.date(2001, 1, number + 1)
        )
    response = search(client, q="noir", section="film-reviews", decade="1940", order="newest")
    outcome = response.context["outcome"]
    assert outcome.total == 12 and len(outcome.hits) == 10
    next_link = re.search(r'rel="next" href="([^"]+)"', response.content.decode()).group(1)
    for expected in ("q=noir", "section=film-reviews", "decade=1940", "order=newest", "page=2"):
        assert expected in next_link
    second = client.get(SEARCH + next_link.replace("&amp;", "&"))
    assert result_titles(second) == ["Noir 1", "Noir 0"]
    previous = re.search(r'rel="prev" href="([^"]+)"', second.content.decode()).group(1)
    assert "section=film-reviews" in previous and "page=" not in previous  # page 1: no page


def test_sql_queries_do_not_grow_with_the_page_size(site_tree, contributor):
    films = site_tree.section_for("film")
    for number in range(55):
        make_film_review(
            films,
            title=f"Western {number}",
            directors=("John Ford", "Howard Hawks"),
            reviewer=contributor,
        )
    make_article(site_tree.section_for("news"), title="Western news", author=contributor)

    def queries_for(per_page):
        criteria = Criteria(
            query=parse_query("western"), site_root=site_tree.home, per_page=per_page
        )
        with CaptureQueriesContext(connection) as captured:
            outcome = run_search(criteria)
            rendered = [(hit.credits, hit.excerpt_html, hit.section) for hit in outcome.hits]
        assert len(rendered) == per_page
        return len(captured)

    assert queries_for(10) == queries_for(50)


def test_a_filter_that_rejects_the_best_candidates_still_finds_the_rest(
    client, site_tree, monkeypatch
):
    # SQLite ranks a few candidates first and checks only those against the filters; when
    # too few pass (here: every candidate is a film), it must rank every match instead.
    if connection.vendor == "sqlite":
        monkeypatch.setattr("search.sqlite_ranking.CANDIDATES", 1)
    body = [("paragraph", "<p>A noir about a detective.</p>")]
    make_book_review(site_tree.section_for("book"), title="Paper Noir", body=body)
    for number in range(25):
        make_film_review(site_tree.section_for("film"), title=f"Film {number}", body=body)
    response = search(client, q="detective", kind="book")
    assert result_titles(response) == ["Paper Noir"]
    assert response.context["outcome"].total == 1
    assert search(client, q="detective").context["outcome"].total == 26


def test_total_and_section_counts_come_from_one_count(client, library):
    # A promoted page that does not contain the words is shown and counted in the total;
    # the section counts are matches of the words only.
    SearchPromotion.objects.create(query=Query.get("ikiru"), page=library.remains, sort_order=0)
    outcome = search(client, q="Ikiru").context["outcome"]
    assert [hit.page.title for hit in outcome.hits] == [
        "The Remains of the Day",
        "Ikiru",
        "Rashomon",
    ]
    assert outcome.total == 3
    counts = {c.section.slug: c.count for c in outcome.section_counts}
    assert counts == {"film-reviews": 2, "book-reviews": 0, "news": 0, "features": 0}


# Promotions and the query log -----------------------------------------------------------------


def test_promoted_pages_come_first(client, library):
    SearchPromotion.objects.create(
        query=Query.get("butler"), page=library.feature, sort_order=0, description="Our long read."
    )
    SearchPromotion.objects.create(
        query=Query.get("butler"),
        external_link_url="https://example.org/",
        external_link_text="Butlers elsewhere",
        sort_order=1,
    )
    response = search(client, q="Butler")
    hits = response.context["outcome"].hits
    assert hits[0].page == library.feature and hits[0].promoted
    assert [hit.page.title for hit in hits].count("Fifty years of butlers") == 1
    assert "Butlers elsewhere" in response.content.decode()


def test_a_promoted_page_that_fails_the_filters_is_not_shown(client, library):
    SearchPromotion.objects.create(query=Query.get("butler"), page=library.feature, sort_order=0)
    assert result_titles(search(client, q="butler", kind="book")) == ["The Remains of the Day"]


def test_searches_are_logged_once_per_search_not_per_page(client, library):
    search(client, q="Ikiru")
    search(client, q="  IKIRU ")
    search(client, q="Ikiru", page="2")
    assert Query.get("ikiru").hits == 2


def test_no_results_suggests_removing_filters_and_popular_searches(client, library):
    # Popular: found results for three readers on two days (tests/search/test_popular_searches.py).
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    count_search(SearchToCount("kurosawa", found=True, client="reader-one", day=yesterday))
    count_search(SearchToCount("kurosawa", found=True, client="reader-two", day=yesterday))
    search(client, q="Kurosawa")
    search(client, q="one-off")
    response = search(client, q="Kurosawa", kind="book")
    html = response.content.decode()
    assert "Nothing found" in html
    assert "Search all sections, kinds and years" in html
    assert response.context["popular_searches"] == ["kurosawa"]


def test_empty_query_state(client, library):
    response = search(client)
    assert "Type a title" in response.content.decode()
    assert response.context["outcome"].hits == []
    assert not Query.objects.exists()


def test_results_are_not_indexed_by_search_engines(client, library):
    response = search(client, q="Ikiru")
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    assert response["X-Robots-Tag"] == "noindex"


# Safety -------------------------------------------------------------------------------------


def test_markup_in_pages_and_queries_is_escaped(client, site_tree):
    make_film_review(
        site_tree.section_for("film"),
        title="<script>alert('t')</script> Psycho",
        summary="<script>alert('s')</script> Psycho shower",
        body=[("paragraph", "<p>&lt;script&gt;alert('b')&lt;/script&gt; shower</p>")],
    )
    found = search(client, q="shower psycho")
    assert found.context["outcome"].total == 1
    assert "<script>alert" not in found.content.decode()
    assert "&lt;script&gt;alert(&#x27;t&#x27;)&lt;/script&gt; <mark>Psycho</mark>" in (
        found.content.decode()
    )
    # The query is echoed and highlighted escaped too (PostgreSQL drops "<script>" as a tag,
    # SQLite keeps "script" as a word: either way nothing is injected).
    echoed = search(client, q="<script>alert(1)</script> shower")
    assert "<script>alert" not in echoed.content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; shower" in echoed.content.decode()


def test_unpublished_and_private_pages_never_appear(client, library, site_tree):
    make_film_review(site_tree.section_for("film"), title="Ikiru draft", live=False)
    PageViewRestriction.objects.create(
        page=library.mention, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    private_section = site_tree.section_for("feature")
    PageViewRestriction.objects.create(
        page=private_section, restriction_type=PageViewRestriction.LOGIN
    )
    assert result_titles(search(client, q="Ikiru")) == ["Ikiru"]
    assert result_titles(search(client, q="butler", kind="feature")) == []
    suggest = client.get(reverse("search_suggest"), {"q": "ikiru"}).json()
    assert [s["title"] for s in suggest["suggestions"]] == ["Ikiru"]


def test_unpublishing_removes_a_page_from_results(client, library):
    library.ikiru.unpublish()
    assert "Ikiru" not in result_titles(search(client, q="Ikiru"))


# Autocomplete ---------------------------------------------------------------------------------


def test_autocomplete_suggests_titles_by_prefix_and_director(client, library):
    data = client.get(reverse("search_suggest"), {"q": "iki"}).json()
    assert data["suggestions"] == [{"title": "Ikiru", "url": "/film-reviews/ikiru/"}]
    by_director = client.get(reverse("search_suggest"), {"q": "kuros"}).json()
    assert {s["title"] for s in by_director["suggestions"]} == {"Ikiru", "Rashomon"}


@pytest.mark.parametrize("query", ["", "   ", "!!!", "\x00", '"', "a" * 5000, "AND"])
def test_autocomplete_odd_queries(client, library, query):
    response = client.get(reverse("search_suggest"), {"q": query})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert isinstance(response.json()["suggestions"], list)


def test_header_form_works_without_javascript_and_loads_the_script(client, library):
    html = search(client, q="Ikiru").content.decode()
    assert 'action="/search/"' in html and 'name="q"' in html
    assert 'data-suggest-url="/search/suggest/"' in html
    assert "js/autocomplete.js" in html


# Admin ---------------------------------------------------------------------------------------


def test_admin_page_explorer_search_still_works(client, library, django_user_model):
    admin = django_user_model.objects.create_superuser("editor", "e@example.com", "pw")
    client.force_login(admin)
    response = client.get(reverse("wagtailadmin_pages:search"), {"q": "Ikiru"})
    assert response.status_code == 200
    assert "Ikiru" in response.content.decode()
    draft = make_film_review(library.ikiru.get_parent(), title="Unfinished Ikiru", live=False)
    response = client.get(reverse("wagtailadmin_pages:search"), {"q": "Unfinished"})
    assert draft.title in response.content.decode()


def test_admin_shows_popular_queries(client, library, django_user_model):
    search(client, q="Kurosawa")
    admin = django_user_model.objects.create_superuser("editor", "e@example.com", "pw")
    client.force_login(admin)
    response = client.get(reverse("wagtailsearchpromotions:search_terms"))
    assert response.status_code == 200
    assert "kurosawa" in response.content.decode()
