"""The editing experience: panels, credits line, imported sources, preview, dashboard."""

from modelcluster.fields import ParentalKey
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

import pytest

from home.models import HomePage, StandardPage
from legacy.models import ImportRecord, ImportStatus
from reviews.models import (
    ArticlePage,
    BookReviewPage,
    Contributor,
    FilmReviewPage,
    SectionPage,
    WorkCreator,
)
from tests.conftest import make_article, make_book_review, make_film_review
from tests.editorial.conftest import add_url, film_review_form

pytestmark = pytest.mark.django_db


def edit_html(client, page) -> str:
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    return response.content.decode()


class TestPanels:
    def test_review_editor_groups_work_then_reviewer_then_body(self, editor_client, site_tree):
        html = edit_html(editor_client, make_film_review(site_tree.sections["film"]))
        positions = [
            html.index(heading)
            for heading in ("The work", "Reviewer and dates", "Listings and cards", "Body")
        ]
        assert positions == sorted(positions)
        assert "Who wrote the review" in html  # help text on the reviewer field
        assert "in the order the credits print them" in html

    def test_the_credits_line_is_shown_as_readers_see_it(self, editor_client, site_tree):
        film = make_film_review(site_tree.sections["film"])
        assert "Mark Romanek. U.K. 2010." in edit_html(editor_client, film)
        book = make_book_review(site_tree.sections["book"])
        assert "Kazuo Ishiguro. Faber and Faber, 1989. 245 pages." in edit_html(
            editor_client, book
        )

    def test_a_new_review_explains_where_the_credits_line_will_appear(
        self, editor_client, site_tree
    ):
        html = editor_client.get(add_url(FilmReviewPage, site_tree.sections["film"])).content
        assert b"appears here once the page has been saved" in html

    def test_every_content_field_has_help_text(self):
        models = (
            FilmReviewPage,
            BookReviewPage,
            ArticlePage,
            SectionPage,
            HomePage,
            StandardPage,
            WorkCreator,
            Contributor,
        )
        missing = {
            (model.__name__, field.name)
            for model in models
            for field in model._meta.get_fields(include_parents=False)
            if field.concrete
            and field.editable
            and not field.primary_key
            and not isinstance(field, ParentalKey)
            and not field.help_text
        }
        assert missing == set()


def imported(page, warnings) -> ImportRecord:
    return ImportRecord.objects.create(
        source_path=f"reviews/{page.slug}.htm",
        checksum="0" * 64,
        status=ImportStatus.CREATED,
        original_html="<html><body><h1>Old <b>page</b></h1></body></html>",
        warnings=warnings,
        page=page,
        kind="film",
    )


class TestImportedSource:
    def test_editors_see_the_old_html_and_the_warnings(self, editor_client, site_tree):
        review = make_film_review(site_tree.sections["film"])
        record = imported(review, ["dropped a sidebar with text: 'Links'"])
        html = edit_html(editor_client, review)
        assert "Imported from the old site" in html
        assert "dropped a sidebar with text" in html
        assert "&lt;h1&gt;Old &lt;b&gt;page&lt;/b&gt;&lt;/h1&gt;" in html  # escaped source
        assert 'sandbox srcdoc="' in html
        assert f"/{record.pk}/" in html  # links to the importer's own inspect view

    def test_pages_that_were_not_imported_show_no_panel(self, editor_client, site_tree):
        review = make_film_review(site_tree.sections["film"])
        assert "Imported from the old site" not in edit_html(editor_client, review)

    def test_contributors_do_not_see_import_records(
        self, contributor_client, contributor_user, site_tree
    ):
        review = make_film_review(site_tree.sections["film"], live=False, owner=contributor_user)
        imported(review, ["a warning"])
        assert "Imported from the old site" not in edit_html(contributor_client, review)


PREVIEW_FORMS = {
    "film": lambda tree: (FilmReviewPage, tree.sections["film"], film_review_form()),
    "book": lambda tree: (
        BookReviewPage,
        tree.sections["book"],
        nested_form_data(
            {
                "title": "The Quiet Harbour",
                "slug": "paper-crowns",
                "original_title": "",
                "creators": inline_formset([{"name": "Ada Byrne"}], min=1),
                "publisher": "Faber",
                "year": "1999",
                "pages": "300",
                "reviewer": "",
                "date": "2024-01-08",
                "summary": "",
                "lead_image": "",
                "body": streamfield([("paragraph", rich_text("<p>Sato never tells us.</p>"))]),
            }
        ),
    ),
    "article": lambda tree: (
        ArticlePage,
        tree.sections["news"],
        nested_form_data(
            {
                "title": "The Quiet Harbour",
                "slug": "festival",
                "author": "",
                "date": "2024-01-08",
                "summary": "",
                "lead_image": "",
                "body": streamfield([("paragraph", rich_text("<p>Sato never tells us.</p>"))]),
            }
        ),
    ),
    "standard": lambda tree: (
        StandardPage,
        tree.home,
        nested_form_data(
            {
                "title": "The Quiet Harbour",
                "slug": "contact",
                "body": streamfield([("paragraph", rich_text("<p>Sato never tells us.</p>"))]),
            }
        ),
    ),
    "section": lambda tree: (
        SectionPage,
        tree.home,
        nested_form_data(
            {
                "title": "The Quiet Harbour",
                "slug": "essays",
                "kind": "feature",
                "intro": rich_text("<p>Sato never tells us.</p>"),
            }
        ),
    ),
}


class TestPreview:
    @pytest.mark.parametrize("kind", sorted(PREVIEW_FORMS))
    def test_preview_of_a_new_page(self, editor_client, site_tree, kind):
        model, parent, form = PREVIEW_FORMS[kind](site_tree)
        url = add_url(model, parent) + "preview/"
        posted = editor_client.post(url, form)
        assert posted.json() == {"is_valid": True, "is_available": True}
        response = editor_client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert "The Quiet Harbour" in html and "Sato never tells us." in html

    @pytest.mark.parametrize("kind", ["film", "book", "article", "home"])
    def test_preview_of_an_edit(self, editor_client, site_tree, kind):
        if kind == "home":
            page, form = (
                site_tree.home,
                nested_form_data(
                    {
                        "title": "Talking Pictures",
                        "slug": "home",
                        "featured_review": "",
                        "intro": rich_text("<p>Sato never tells us.</p>"),
                    }
                ),
            )
        else:
            maker = {"film": make_film_review, "book": make_book_review, "article": make_article}[
                kind
            ]
            page = maker(site_tree.sections[{"article": "news"}.get(kind, kind)])
            _, _, form = PREVIEW_FORMS[kind](site_tree)
            form["slug"] = page.slug
        url = f"/admin/pages/{page.pk}/edit/preview/"
        assert editor_client.post(url, form).json()["is_valid"]
        response = editor_client.get(url)
        assert response.status_code == 200
        assert "Sato never tells us." in response.content.decode()


class TestDashboard:
    def test_an_editor_sees_submissions_imports_and_drafts(
        self, contributor_client, editor_client, editor_user, site_tree
    ):
        contributor_client.post(
            add_url(FilmReviewPage, site_tree.sections["film"]), film_review_form(action="submit")
        )
        flagged = make_film_review(site_tree.sections["film"], title="Ikiru", slug="ikiru")
        imported(flagged, ["repaired UTF-8 text that had been decoded as windows-1252"])
        editor_client.post(
            add_url(FilmReviewPage, site_tree.sections["film"]),
            film_review_form(title="Orchard Light", slug="orchard-light"),
        )

        html = editor_client.get("/admin/").content.decode()
        assert "Awaiting your approval" in html and "The Quiet Harbour" in html
        assert "Imported pages to review" in html and "Open the review queue" in html
        assert '<a href="/admin/legacy/importrecord/?review_state=to_check">To check</a>' in html
        assert "My drafts" in html and "Orchard Light" in html

    def test_a_contributor_sees_only_their_drafts(self, contributor_client, site_tree):
        contributor_client.post(
            add_url(FilmReviewPage, site_tree.sections["film"]), film_review_form(action="submit")
        )
        html = contributor_client.get("/admin/").content.decode()
        assert "My drafts" in html and "The Quiet Harbour" in html
        assert "Awaiting your approval" not in html
        assert "Imported pages to review" not in html

    def test_the_dashboard_queries_do_not_grow_with_the_rows(
        self, contributor_client, editor_client, site_tree, django_assert_max_num_queries
    ):
        def dashboard_queries(n: int) -> int:
            from django.db import connection
            from django.test.utils import CaptureQueriesContext

            for number in range(n):
                contributor_client.post(
                    add_url(FilmReviewPage, site_tree.sections["film"]),
                    film_review_form(
                        title=f"Film {number}", slug=f"film-{number}-{n}", action="submit"
                    ),
                )
                imported(
                    make_film_review(
                        site_tree.sections["film"], title=f"I{number}-{n}", slug=f"i-{number}-{n}"
                    ),
                    ["a warning"],
                )
            with CaptureQueriesContext(connection) as queries:
                assert editor_client.get("/admin/").status_code == 200
            return len(queries)

        assert dashboard_queries(2) == dashboard_queries(6)


class TestReviewParts:
    """Running time, cast, the credits note and the rating, set in the review editor."""

    def test_the_editor_has_the_new_fields_and_a_rating_row(self, editor_client, site_tree):
        html = edit_html(editor_client, make_film_review(site_tree.sections["film"]))
        for name in ("running_time", "cast", "credits_note", "rating_value", "rating_best"):
            assert f'name="{name}"' in html
        assert "Rating" in html and "The top of the scale" in html
        book = edit_html(editor_client, make_book_review(site_tree.sections["book"]))
        for name in ("isbn", "translator", "edition", "rating_printed"):
            assert f'name="{name}"' in book

    def test_an_editor_sets_a_rating_and_readers_see_it(self, editor_client, client, site_tree):
        url = add_url(FilmReviewPage, site_tree.sections["film"])
        form = film_review_form(
            action="publish",
            running_time="98",
            cast="Aiko Mori, Ken Ito",
            credits_note="Cert PG",
            rating_value="4",
            rating_best="5",
            rating_printed="****",
        )
        assert editor_client.post(url, form).status_code == 302
        review = FilmReviewPage.objects.get(slug="the-quiet-harbour")
        assert review.live and review.rating_best == 5
        assert "Hana Sato. Japan. 2022. 98 min. With Aiko Mori and Ken Ito." in edit_html(
            editor_client, review
        )
        html = client.get(review.url).content.decode()
        assert "Rating: <span" in html and "4/5 (****)" in html and "Cert PG" in html

    def test_a_rating_above_its_scale_is_refused(self, editor_client, site_tree):
        url = add_url(FilmReviewPage, site_tree.sections["film"])
        form = film_review_form(rating_value="11", rating_best="10")
        response = editor_client.post(url, form)
        assert response.status_code == 200  # the form again, with the error
        assert "cannot be above the top of its scale" in response.content.decode()
        assert not FilmReviewPage.objects.filter(slug="the-quiet-harbour").exists()
        response = editor_client.post(url, film_review_form(rating_value="8"))
        assert "Give the top of the scale" in response.content.decode()
