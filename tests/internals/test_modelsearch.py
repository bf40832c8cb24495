"""django-modelsearch: the private parts search/sqlite_ranking.py and search/postgres_ranking.py
build on (docs/internals.md, "django-modelsearch")."""

from django.db import connection
from django.db.models import F

from wagtail.search.backends import get_search_backend

import pytest
from modelsearch.backends.base import BaseSearchResults
from modelsearch.backends.database.postgres import postgres as modelsearch_postgres

from reviews.models import FilmReviewPage
from tests.conftest import make_film_review
from tests.internals.fence import changed, parameters

LIBRARY = "django-modelsearch"


def test_search_results_carry_the_score_field_they_annotate():
    assert parameters(BaseSearchResults.annotate_score) == ["self", "field_name"], changed(
        LIBRARY, "_score_field"
    )


@pytest.mark.django_db
def test_score_field_is_none_until_annotate_score_sets_it_and_clones_keep_it(site_tree):
    make_film_review(site_tree.section_for("film"), title="Ikiru")
    results = get_search_backend().search("Ikiru", FilmReviewPage)
    assert results._score_field is None, changed(LIBRARY, "_score_field")
    scored = results.annotate_score("relevance")
    assert scored._score_field == "relevance", changed(LIBRARY, "_score_field")
    assert scored[:10]._score_field == "relevance", changed(LIBRARY, "_score_field")
    # With the field set our ranking steps aside and modelsearch's own SQL annotates it.
    assert [hasattr(page, "relevance") for page in scored] == [True], changed(
        LIBRARY, "_score_field"
    )


def test_the_postgres_compiler_builds_its_rank_from_vectors_and_a_config():
    compiler = modelsearch_postgres.PostgresSearchQueryCompiler
    assert callable(getattr(compiler, "_build_rank_expression", None)), changed(
        LIBRARY, "_build_rank_expression"
    )
    assert parameters(compiler._build_rank_expression) == ["self", "vectors", "config"], changed(
        LIBRARY, "_build_rank_expression"
    )
    for name in ("get_config", "build_tsquery", "build_tsrank"):
        assert callable(getattr(compiler, name, None)), changed(LIBRARY, f"compiler.{name}")
    assert modelsearch_postgres.IndexEntry._meta.get_field("title_norm"), changed(
        LIBRARY, "IndexEntry.title_norm"
    )


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL full-text search only")
def test_the_rank_expression_scores_a_title_match_above_a_body_match(site_tree):
    section = site_tree.section_for("film")
    in_title = make_film_review(section, title="Ikiru")
    in_body = make_film_review(
        section, title="To Live", body=[("paragraph", "<p>Kurosawa's Ikiru, again.</p>")]
    )
    backend = get_search_backend()
    compiler = backend.search("Ikiru", FilmReviewPage).query_compiler
    rank = compiler._build_rank_expression(
        [(F("title"), F("title_norm")), (F("body"), 1.0)], compiler.get_config(backend)
    )
    scores = dict(
        modelsearch_postgres.IndexEntry._default_manager.filter(
            object_id__in=[str(in_title.pk), str(in_body.pk)]
        )
        .annotate(score=rank)
        .values_list("object_id", "score")
    )
    assert scores[str(in_title.pk)] > scores[str(in_body.pk)] > 0, changed(
        LIBRARY, "_build_rank_expression"
    )
