"""What each role can and cannot do, proved through the admin's own views."""

import datetime
import importlib
from unittest import mock

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.contrib.search_promotions.models import Query
from wagtail.models import GroupPagePermission, TaskState, WorkflowPage

import pytest

from editorial.roles import CONTRIBUTORS, EDITORS, WORKFLOW_NAME
from home.models import StandardPage
from home.tree import ensure_site_tree
from reviews.models import FilmReviewPage
from tests.conftest import make_film_review
from tests.editorial.conftest import add_url, film_review_form

pytestmark = pytest.mark.django_db

FIX_MIGRATION = "editorial.migrations.0002_contributors_edit_own_pages_editors_search"
SEARCH_TERMS_REPORT = "/admin/reports/search-terms/"
PROMOTED_RESULTS = "/admin/searchpicks/"

EDITOR_PAGE_CODENAMES = {
    "add_page",
    "change_page",
    "publish_page",
    "bulk_delete_page",
    "lock_page",
    "unlock_page",
}


def page_permissions(group_name: str) -> set[tuple[str, str]]:
    return {
        (grant.page.title, grant.permission.codename)
        for grant in GroupPagePermission.objects.filter(group__name=group_name).select_related(
            "page", "permission"
        )
    }


def denied(response) -> bool:
    """Wagtail answers a forbidden admin view with 403, or a redirect away from it."""
    return response.status_code == 403 or (
        response.status_code == 302 and response.url != response.request["PATH_INFO"]
    )


def approve_url(page, task_state) -> str:
    return reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])


def submitted_review(contributor_client, site_tree) -> FilmReviewPage:
    """A contributor's new film review, submitted for moderation through the add form."""
    response = contributor_client.post(
        add_url(FilmReviewPage, site_tree.sections["film"]), film_review_form(action="submit")
    )
    assert response.status_code == 302
    return FilmReviewPage.objects.get(slug="the-quiet-harbour")


class TestRolesCreatedByTheMigration:
    def test_groups_and_global_permissions(self, db):
        def codenames(name):
            return set(Group.objects.get(name=name).permissions.values_list("codename", flat=True))

        assert codenames(CONTRIBUTORS) == {"access_admin"}
        assert {"access_admin", "delete_contributor", "view_importrecord"} <= codenames(EDITORS)

    def test_page_permissions_follow_the_tree(self, site_tree):
        sections = [section.title for section in site_tree.sections.values()]
        assert page_permissions(CONTRIBUTORS) == {
            (title, "add_page")
            for title in sections  # "add" alone: their own pages only
        }
        # Wagtail's own initial data also gives its default Editors group add/change on Root.
        on_home = {grant for grant in page_permissions(EDITORS) if grant[0] != "Root"}
        assert on_home == {("Talking Pictures", codename) for codename in EDITOR_PAGE_CODENAMES}

    def test_sections_are_moderated_and_rebuilding_adds_nothing(self, site_tree):
        before = GroupPagePermission.objects.count()
        ensure_site_tree(hostname="testserver")
        assert GroupPagePermission.objects.count() == before
        assigned = WorkflowPage.objects.filter(workflow__name=WORKFLOW_NAME)
        assert {wp.page_id for wp in assigned} == {s.pk for s in site_tree.sections.values()}

    def test_an_administrators_change_to_a_group_is_kept(self, site_tree):
        editors = Group.objects.get(name=EDITORS)
        editors.permissions.remove(*editors.permissions.filter(codename="view_importrun"))
        ensure_site_tree(hostname="testserver")
        assert not editors.permissions.filter(codename="view_importrun").exists()


class TestMigrationFixesAnOlderDatabase:
    """``migrate`` brings a database made with the first version of the roles up to date."""

    def test_contributors_lose_change_on_sections_and_editors_gain_search(self, site_tree):
        contributors = Group.objects.get(name=CONTRIBUTORS)
        change = Permission.objects.get(
            content_type__app_label="wagtailcore", codename="change_page"
        )
        for section in site_tree.sections.values():  # what the first version granted
            GroupPagePermission.objects.create(group=contributors, page=section, permission=change)
        by_hand = GroupPagePermission.objects.create(
            group=contributors, page=site_tree.about, permission=change
        )
        editors = Group.objects.get(name=EDITORS)
        editors.permissions.remove(
            *editors.permissions.filter(codename__endswith="searchpromotion")
        )

        importlib.import_module(FIX_MIGRATION).fix_roles(apps, None)

        sections = {section.pk for section in site_tree.sections.values()}
        left = GroupPagePermission.objects.filter(group=contributors, page__in=sections)
        assert set(left.values_list("permission__codename", flat=True)) == {"add_page"}
        assert GroupPagePermission.objects.filter(pk=by_hand.pk).exists()  # not ours to take
        codenames = set(editors.permissions.values_list("codename", flat=True))
        assert {"add_searchpromotion", "change_searchpromotion", "view_query"} <= codenames


class TestContributor:
    def test_opens_the_add_form_and_saves_a_draft(self, contributor_client, site_tree):
        url = add_url(FilmReviewPage, site_tree.sections["film"])
        assert contributor_client.get(url).status_code == 200
        response = contributor_client.post(url, film_review_form())
        assert response.status_code == 302
        review = FilmReviewPage.objects.get(slug="the-quiet-harbour")
        assert not review.live and review.has_unpublished_changes

    def test_submits_for_moderation(self, contributor_client, contributor_user, site_tree):
        review = submitted_review(contributor_client, site_tree)
        state = review.current_workflow_state
        assert state.workflow.name == WORKFLOW_NAME and state.requested_by == contributor_user
        assert state.current_task_state.task.name == "Editor approval"
        assert not review.live

    def test_cannot_publish_a_new_page(self, contributor_client, site_tree):
        url = add_url(FilmReviewPage, site_tree.sections["film"])
        contributor_client.post(url, film_review_form(action="publish"))
        assert not FilmReviewPage.objects.get(slug="the-quiet-harbour").live

    def test_cannot_publish_an_edit(self, contributor_client, contributor_user, site_tree):
        review = make_film_review(site_tree.sections["film"], live=False, owner=contributor_user)
        contributor_client.post(
            f"/admin/pages/{review.pk}/edit/",
            film_review_form(title=review.title, slug=review.slug, action="publish"),
        )
        review.refresh_from_db()
        assert not review.live

    def test_the_editor_offers_submit_but_not_publish(
        self, contributor_client, contributor_user, site_tree
    ):
        review = make_film_review(site_tree.sections["film"], live=False, owner=contributor_user)
        html = contributor_client.get(f"/admin/pages/{review.pk}/edit/").content.decode()
        assert 'name="action-submit"' in html
        assert 'name="action-publish"' not in html

    def test_cannot_edit_about_us_or_home(self, contributor_client, site_tree):
        for page in (site_tree.about, site_tree.home):
            assert denied(contributor_client.get(f"/admin/pages/{page.pk}/edit/")), page
        assert denied(contributor_client.get(add_url(StandardPage, site_tree.home)))
        assert denied(contributor_client.post(f"/admin/pages/{site_tree.about.pk}/edit/", {}))

    def test_cannot_approve_a_submission(self, contributor_client, site_tree):
        review = submitted_review(contributor_client, site_tree)
        task_state = TaskState.objects.get(workflow_state__object_id=str(review.pk))
        assert denied(contributor_client.post(approve_url(review, task_state), {"comment": ""}))
        review.refresh_from_db()
        assert not review.live

    @pytest.mark.parametrize(
        "url",
        [
            "/admin/users/",
            "/admin/groups/",
            "/admin/sites/",
            "/admin/workflows/list/",
            "/admin/reviews/contributor/",
            "/admin/reviews/contributor/create/",
        ],
    )
    def test_cannot_reach_settings_users_or_contributors(self, contributor_client, url):
        assert denied(contributor_client.get(url))

    def test_cannot_open_promoted_results_or_the_search_terms_report(self, contributor_client):
        for url in (PROMOTED_RESULTS, f"{PROMOTED_RESULTS}add/", SEARCH_TERMS_REPORT):
            assert denied(contributor_client.get(url)), url
        assert SEARCH_TERMS_REPORT not in contributor_client.get("/admin/").content.decode()


class TestEditor:
    def test_opens_promoted_search_results(self, editor_client, site_tree):
        assert editor_client.get(PROMOTED_RESULTS).status_code == 200
        assert editor_client.get(f"{PROMOTED_RESULTS}add/").status_code == 200
        assert PROMOTED_RESULTS in editor_client.get("/admin/").content.decode()  # in the menu

    def test_reads_the_search_terms_report(self, editor_client, site_tree):
        Query.get("ikiru").add_hit()
        response = editor_client.get(SEARCH_TERMS_REPORT)
        assert response.status_code == 200
        assert "ikiru" in response.content.decode()
        assert editor_client.get(f"{SEARCH_TERMS_REPORT}results/").status_code == 200
        assert SEARCH_TERMS_REPORT in editor_client.get("/admin/").content.decode()  # in the menu

    def test_superusers_see_the_search_terms_report_once(self, admin_client, site_tree):
        html = admin_client.get("/admin/").content.decode()
        assert html.count(SEARCH_TERMS_REPORT) == 1
        assert "/admin/searchpicks/reports/search-terms/" not in html  # Wagtail's own item

    def test_publishes(self, editor_client, site_tree):
        url = add_url(FilmReviewPage, site_tree.sections["film"])
        response = editor_client.post(url, film_review_form(action="publish"))
        assert response.status_code == 302
        assert FilmReviewPage.objects.get(slug="the-quiet-harbour").live

    def test_edits_about_us(self, editor_client, site_tree):
        assert editor_client.get(f"/admin/pages/{site_tree.about.pk}/edit/").status_code == 200

    def test_approves_a_contributors_submission(
        self, contributor_client, editor_client, site_tree
    ):
        review = submitted_review(contributor_client, site_tree)
        task_state = TaskState.objects.get(workflow_state__object_id=str(review.pk))
        dashboard = editor_client.get("/admin/").content.decode()
        assert review.title in dashboard  # the moderation panel lists it

        response = editor_client.post(approve_url(review, task_state), {"comment": "Lovely."})
        assert response.status_code in (200, 302)
        review.refresh_from_db()
        assert review.live
        assert not review.workflow_in_progress

    def test_schedules_publication(self, editor_client, site_tree):
        go_live = timezone.now() + datetime.timedelta(days=2)
        form = film_review_form(action="publish", go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
        response = editor_client.post(add_url(FilmReviewPage, site_tree.sections["film"]), form)
        assert response.status_code == 302
        review = FilmReviewPage.objects.get(slug="the-quiet-harbour")
        call_command("publish_scheduled")
        review.refresh_from_db()
        assert not review.live  # not yet: the go-live time is two days away

        # Two days later the cron job runs again, with the clock past the go-live time.
        with mock.patch(
            "django.utils.timezone.now", return_value=go_live + datetime.timedelta(minutes=5)
        ):
            call_command("publish_scheduled")
        review.refresh_from_db()
        assert review.live and review.first_published_at is not None
