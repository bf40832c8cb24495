"""Each role walked through the admin over HTTP: real users in the real groups, real pages.

Contributor A writes a draft; Contributor B must not open, change or delete it, nor the
section page; B works on his own pages; the Editor edits, publishes and approves A's work;
anonymous visitors are sent to the login page. Refusals are checked by their status code and
by the page being exactly as it was.
"""

from django.test import Client
from django.urls import reverse

from wagtail.models import Page, TaskState

import pytest

from editorial.roles import CONTRIBUTORS
from reviews.models import FilmReviewPage
from tests.editorial.conftest import add_url, film_review_form, logged_in, make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def second_contributor(site_tree, django_user_model):
    return make_member(django_user_model, "bruno", CONTRIBUTORS)


@pytest.fixture
def b_client(second_contributor) -> Client:
    return logged_in(second_contributor)


def edit_url(page) -> str:
    return f"/admin/pages/{page.pk}/edit/"


def delete_url(page) -> str:
    return f"/admin/pages/{page.pk}/delete/"


def create_draft(client, section, *, title: str, slug: str, action=None) -> FilmReviewPage:
    response = client.post(
        add_url(FilmReviewPage, section), film_review_form(title=title, slug=slug, action=action)
    )
    assert response.status_code == 302, response
    return FilmReviewPage.objects.get(slug=slug)


def edit_form(page, *, title: str, action=None) -> dict:
    return film_review_form(title=title, slug=page.slug, action=action)


def snapshot(page) -> tuple:
    """What a refused request must leave alone: the page row and its revisions."""
    page = Page.objects.filter(pk=page.pk).first()
    if page is None:
        return ("deleted",)
    latest = page.get_latest_revision()
    return (
        page.title,
        page.live,
        page.has_unpublished_changes,
        page.latest_revision_id,
        latest.content["title"] if latest else None,
        page.revisions.count(),
        page.locked,
    )


def assert_refused(response) -> None:
    """Wagtail's admin refuses by sending the user back to the dashboard with an error."""
    assert response.status_code == 302, response
    assert response.url == reverse("wagtailadmin_home"), response.url


@pytest.fixture
def a_draft(contributor_client, site_tree) -> FilmReviewPage:
    return create_draft(
        contributor_client, site_tree.sections["film"], title="A's draft", slug="a-draft"
    )


class TestAnotherContributor:
    def test_cannot_open_or_change_a_draft_that_is_not_his(self, b_client, a_draft):
        before = snapshot(a_draft)
        assert_refused(b_client.get(edit_url(a_draft)))
        dashboard = b_client.get(reverse("wagtailadmin_home")).content.decode()
        assert "Sorry, you do not have permission" in dashboard
        assert_refused(b_client.post(edit_url(a_draft), edit_form(a_draft, title="Defaced")))
        assert_refused(
            b_client.post(edit_url(a_draft), edit_form(a_draft, title="Defaced", action="submit"))
        )
        assert snapshot(a_draft) == before

    def test_cannot_delete_it(self, b_client, a_draft):
        before = snapshot(a_draft)
        assert_refused(b_client.get(delete_url(a_draft)))
        assert_refused(b_client.post(delete_url(a_draft)))
        assert snapshot(a_draft) == before

    def test_cannot_open_or_change_the_section_page(self, b_client, site_tree):
        section = site_tree.sections["film"]
        before = snapshot(section)
        assert_refused(b_client.get(edit_url(section)))
        assert_refused(b_client.post(edit_url(section), {"title": "Defaced", "slug": "x"}))
        assert_refused(b_client.post(delete_url(section)))
        assert snapshot(section) == before

    def test_writes_edits_and_deletes_his_own(self, b_client, site_tree, a_draft):
        own = create_draft(b_client, site_tree.sections["film"], title="B's draft", slug="b-draft")
        assert b_client.get(edit_url(own)).status_code == 200
        response = b_client.post(edit_url(own), edit_form(own, title="B's second thoughts"))
        assert response.status_code == 302
        own.refresh_from_db()
        assert own.get_latest_revision().content["title"] == "B's second thoughts"
        assert not own.live  # saved as a draft, never published by a contributor

        assert b_client.get(delete_url(own)).status_code == 200
        assert b_client.post(delete_url(own)).status_code == 302
        assert not Page.objects.filter(pk=own.pk).exists()
        assert Page.objects.filter(pk=a_draft.pk).exists()


class TestTheAuthor:
    def test_edits_and_deletes_her_own_draft(self, contributor_client, a_draft):
        response = contributor_client.post(edit_url(a_draft), edit_form(a_draft, title="Better"))
        assert response.status_code == 302
        a_draft.refresh_from_db()
        assert a_draft.get_latest_revision().content["title"] == "Better"
        assert contributor_client.post(delete_url(a_draft)).status_code == 302
        assert not Page.objects.filter(pk=a_draft.pk).exists()

    def test_cannot_open_the_section_page(self, contributor_client, site_tree):
        section = site_tree.sections["film"]
        before = snapshot(section)
        assert_refused(contributor_client.get(edit_url(section)))
        assert snapshot(section) == before


class TestEditor:
    def test_edits_and_publishes_a_contributors_draft(self, editor_client, a_draft):
        assert editor_client.get(edit_url(a_draft)).status_code == 200
        response = editor_client.post(
            edit_url(a_draft), edit_form(a_draft, title="Edited", action="publish")
        )
        assert response.status_code == 302
        a_draft.refresh_from_db()
        assert a_draft.live and a_draft.title == "Edited"

    def test_approves_a_contributors_submission(self, contributor_client, editor_client, a_draft):
        response = contributor_client.post(
            edit_url(a_draft), edit_form(a_draft, title="A's draft", action="submit")
        )
        assert response.status_code == 302
        task_state = TaskState.objects.get(
            workflow_state__object_id=str(a_draft.pk), status=TaskState.STATUS_IN_PROGRESS
        )
        approve = reverse(
            "wagtailadmin_pages:workflow_action", args=[a_draft.pk, "approve", task_state.pk]
        )
        assert editor_client.post(approve, {"comment": "Good."}).status_code in (200, 302)
        a_draft.refresh_from_db()
        assert a_draft.live and not a_draft.workflow_in_progress


class TestAnonymous:
    def test_is_sent_to_the_login_page_and_changes_nothing(self, client, a_draft):
        before = snapshot(a_draft)
        for response in (
            client.get(edit_url(a_draft)),
            client.post(edit_url(a_draft), edit_form(a_draft, title="Defaced")),
            client.post(delete_url(a_draft)),
        ):
            assert response.status_code == 302
            assert response.url.startswith(reverse("wagtailadmin_login"))
        assert snapshot(a_draft) == before
