"""The Contributors admin: counts that link to the work, and deletion refused while work exists."""

import pytest

from reviews.models import Contributor
from tests.conftest import make_article, make_film_review

pytestmark = pytest.mark.django_db

INDEX = "/admin/reviews/contributor/"


def delete_url(contributor) -> str:
    return f"{INDEX}delete/{contributor.pk}/"


class TestListing:
    def test_counts_link_to_the_contributors_reviews(self, editor_client, site_tree, contributor):
        for number in range(3):
            make_film_review(
                site_tree.sections["film"],
                title=f"Film {number}",
                slug=f"film-{number}",
                reviewer=contributor,
            )
        make_article(site_tree.sections["news"], author=contributor)
        response = editor_client.get(INDEX)
        rows = {c.name: (c.num_reviews, c.num_articles) for c in response.context["object_list"]}
        assert rows == {"Howard Schumann": (3, 1)}
        work_url = f"{INDEX}{contributor.pk}/reviews/"
        assert f'href="{work_url}"' in response.content.decode()

        work = editor_client.get(work_url)
        assert work.status_code == 200
        html = work.content.decode()
        assert all(f"Film {number}" in html for number in range(3))
        assert "Reviews by Howard Schumann" in html

    def test_listing_queries_do_not_grow_with_the_rows(
        self, editor_client, site_tree, django_assert_max_num_queries
    ):
        for number in range(30):
            reviewer = Contributor.objects.create(name=f"Reviewer {number}")
            make_film_review(
                site_tree.sections["film"],
                title=f"F{number}",
                slug=f"f{number}",
                reviewer=reviewer,
            )
        with django_assert_max_num_queries(20):
            assert editor_client.get(INDEX).status_code == 200

    def test_the_work_listing_queries_do_not_grow_with_the_rows(
        self, editor_client, site_tree, contributor
    ):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        def queries_for(total: int) -> int:
            while contributor.reviews.count() < total:
                number = contributor.reviews.count()
                make_film_review(
                    site_tree.sections["film"],
                    title=f"W{number}",
                    slug=f"w{number}",
                    reviewer=contributor,
                    live=number % 2 == 0,
                )
            with CaptureQueriesContext(connection) as queries:
                response = editor_client.get(f"{INDEX}{contributor.pk}/reviews/")
                assert response.status_code == 200
            return len(queries)

        queries_for(2)  # a worker's first admin request fills its per-process caches
        assert queries_for(2) == queries_for(8)


class TestDeletion:
    def test_a_contributor_with_reviews_is_refused_clearly(
        self, editor_client, site_tree, contributor
    ):
        make_film_review(site_tree.sections["film"], reviewer=contributor)
        page = editor_client.get(delete_url(contributor))
        assert page.status_code == 200
        html = page.content.decode()
        assert "Howard Schumann cannot be deleted" in html and "1 review(s)" in html
        assert 'value="Yes, delete"' not in html  # no confirmation button is offered

        response = editor_client.post(delete_url(contributor))
        assert response.status_code == 200
        assert "cannot be deleted" in response.content.decode()
        assert Contributor.objects.filter(pk=contributor.pk).exists()

    def test_an_article_author_is_refused_too(self, editor_client, site_tree, contributor):
        make_article(site_tree.sections["news"], author=contributor)
        editor_client.post(delete_url(contributor))
        assert Contributor.objects.filter(pk=contributor.pk).exists()

    def test_a_contributor_without_work_is_deleted(self, editor_client, contributor):
        response = editor_client.post(delete_url(contributor))
        assert response.status_code == 302
        assert not Contributor.objects.filter(pk=contributor.pk).exists()

    def test_contributors_cannot_open_the_work_listing(self, contributor_client, contributor):
        response = contributor_client.get(f"{INDEX}{contributor.pk}/reviews/")
        assert response.status_code in (302, 403)
