"""Editors in the admin: every form opens, contributors are managed, a review is published."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from home.models import StandardPage
from reviews.models import ArticlePage, BookReviewPage, Contributor, FilmReviewPage
from tests.conftest import make_article, make_book_review, make_film_review


def add_url(model, parent) -> str:
    return f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"


@pytest.mark.django_db
class TestEditorForms:
    @pytest.mark.parametrize(
        ("model", "parent_key"),
        [
            (FilmReviewPage, "film"),
            (BookReviewPage, "book"),
            (ArticlePage, "news"),
            (ArticlePage, "feature"),
            (StandardPage, None),
        ],
    )
    def test_add_form_opens(self, admin_client, site_tree, model, parent_key):
        parent = site_tree.sections[parent_key] if parent_key else site_tree.home
        response = admin_client.get(add_url(model, parent))
        assert response.status_code == 200

    def test_add_form_for_a_section(self, admin_client, site_tree):
        from reviews.models import SectionPage

        assert admin_client.get(add_url(SectionPage, site_tree.home)).status_code == 200

    def test_edit_forms_open(self, admin_client, site_tree, contributor):
        pages = [
            site_tree.home,
            site_tree.about,
            site_tree.sections["film"],
            make_film_review(site_tree.sections["film"], reviewer=contributor),
            make_book_review(site_tree.sections["book"], reviewer=contributor),
            make_article(site_tree.sections["news"], author=contributor),
        ]
        for page in pages:
            response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
            assert response.status_code == 200, page
            assert page.title in response.content.decode()

    def test_review_edit_form_groups_the_work_and_the_review(self, admin_client, site_tree):
        review = make_film_review(site_tree.sections["film"])
        html = admin_client.get(f"/admin/pages/{review.pk}/edit/").content.decode()
        assert "The work" in html and "Directors" in html and "Countries" in html

    def test_editor_creates_and_publishes_a_review(self, admin_client, site_tree, contributor):
        section = site_tree.sections["film"]
        data = nested_form_data(
            {
                "title": "The Quiet Harbour",
                "slug": "the-quiet-harbour",
                "original_title": "",
                "creators": inline_formset([{"name": "Hana Sato"}], min=1),
                "countries": "Japan",
                "year": "2022",
                "reviewer": str(contributor.pk),
                "date": "2024-01-08",
                "summary": "Grief waits politely to be noticed.",
                "body": streamfield(
                    [
                        (
                            "epigraph",
                            {"quote": "Every harbour keeps a secret.", "attribution": ""},
                        ),
                        ("paragraph", rich_text("<p>Sato never tells us what happened.</p>")),
                    ]
                ),
                "action-publish": "publish",
            }
        )
        response = admin_client.post(add_url(FilmReviewPage, section), data)
        assert response.status_code == 302, response.context and response.context["form"].errors
        review = FilmReviewPage.objects.get(slug="the-quiet-harbour")
        assert review.live
        assert review.credits_line == "Hana Sato. Japan. 2022."
        public = admin_client.get(review.url).content.decode()
        assert "Every harbour keeps a secret." in public
        assert "Sato never tells us what happened." in public


@pytest.mark.django_db
class TestContributorAdmin:
    def test_list_shows_review_counts_and_searches(self, admin_client, site_tree, contributor):
        other = Contributor.objects.create(name="Mara Lindqvist")
        for number in range(3):
            make_film_review(
                site_tree.sections["film"], title=f"Film {number}", reviewer=contributor
            )
        response = admin_client.get("/admin/reviews/contributor/")
        assert response.status_code == 200
        rows = {c.name: c.num_reviews for c in response.context["object_list"]}
        assert rows == {"Howard Schumann": 3, "Mara Lindqvist": 0}
        found = admin_client.get("/admin/reviews/contributor/", {"q": "Mara"})
        assert [c.pk for c in found.context["object_list"]] == [other.pk]

    def test_create_contributor(self, admin_client, db):
        assert admin_client.get("/admin/reviews/contributor/create/").status_code == 200
        response = admin_client.post(
            "/admin/reviews/contributor/create/",
            {"name": "Ines Okafor", "slug": "", "bio": "Festival correspondent.", "photo": ""},
        )
        assert response.status_code == 302
        assert Contributor.objects.get(name="Ines Okafor").slug == "ines-okafor"

    def test_contributor_chooser_opens(self, admin_client, contributor):
        response = admin_client.get("/admin/contributor_chooser/")
        assert response.status_code == 200
        assert "Howard Schumann" in response.json()["html"]


@pytest.mark.django_db
def test_contributors_whose_names_slugify_alike_get_distinct_slugs():
    first = Contributor.objects.create(name="Anne-Marie Roy")
    second = Contributor.objects.create(name="Anne Marie Roy")
    assert (first.slug, second.slug) == ("anne-marie-roy", "anne-marie-roy-2")
