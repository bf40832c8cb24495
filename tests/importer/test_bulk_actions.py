"""The review queue's bulk actions (legacy/bulk_actions.py), through Wagtail's bulk-action
URLs as the queue's footer buttons post them."""

import datetime

from wagtail.models import Page

import pytest

from legacy.models import ImportCheck, ImportRecord
from reviews.models import Contributor, FilmReviewPage
from tests.conftest import make_article, make_film_review

pytestmark = pytest.mark.django_db


def bulk_url(action: str, records) -> str:
    ids = "&".join(f"id={record.pk}" for record in records)
    return f"/admin/bulk/legacy/importrecord/{action}/?{ids}&next=/admin/legacy/importrecord/"


def record_for(page, *checks: str, kind="film_review", section="film") -> ImportRecord:
    record = ImportRecord.objects.create(
        source_path=f"reviews/{page.slug}.htm",
        page=page,
        kind=kind,
        section=section,
        status="created",
        severity=3 if checks else 0,
    )
    for name in checks:
        ImportCheck.objects.create(record=record, name=name, severity=3, detail="")
    return record


@pytest.fixture
def unsigned(site_tree):
    films = [
        make_film_review(site_tree.sections["film"], title=f"Film {n}", countries="")
        for n in range(3)
    ]
    return [record_for(page, "review_without_reviewer", "images_missing") for page in films]


def test_set_reviewer_on_selected_pages_publishes_them_and_settles_the_check(
    admin_client, unsigned
):
    ada = Contributor.objects.create(name="Ada Quill")
    url = bulk_url("set_reviewer", unsigned[:2])
    confirm = admin_client.get(url)
    assert confirm.status_code == 200 and "reviews/film-0.htm" in confirm.content.decode()
    response = admin_client.post(url, {"contributor": ada.pk})
    assert response.status_code == 302
    for record in unsigned[:2]:
        page = FilmReviewPage.objects.get(pk=record.page_id)
        assert page.reviewer == ada and not page.has_unpublished_changes  # published
        record.refresh_from_db()
        assert list(record.checks.values_list("name", flat=True)) == ["images_missing"]
        assert record.severity == 3  # the detail rows were made with 3
    assert FilmReviewPage.objects.get(pk=unsigned[2].page_id).reviewer is None


def test_mark_checked_records_who_and_when(admin_client, admin_user, unsigned):
    admin_client.post(bulk_url("mark_checked", unsigned), {})
    for record in ImportRecord.objects.all():
        assert record.review_state == "checked" and record.review_state_by == admin_user
        assert record.review_state_at is not None
    html = admin_client.get("/admin/legacy/importrecord/?review_state=checked").content.decode()
    assert html.count("Checked") >= 3 and "admin" in html


def test_set_date_keeps_a_draft_a_draft(admin_client, site_tree):
    draft = make_film_review(site_tree.sections["film"], title="Draft", live=False)
    record = record_for(draft, "date_missing_or_approximate")
    admin_client.post(bulk_url("set_date", [record]), {"date": "2003-04-05"})
    page = FilmReviewPage.objects.get(pk=draft.pk)
    assert not page.live
    assert page.get_latest_revision_as_object().date == datetime.date(2003, 4, 5)
    assert not record.checks.exists()


def test_change_kind_converts_and_refuses_with_a_message(admin_client, site_tree):
    feature = make_article(site_tree.sections["feature"], title="Misfiled")
    film = make_film_review(site_tree.sections["film"], title="Has countries")
    records = [
        record_for(feature, "kind_against_folder", kind="feature", section="feature"),
        record_for(film),
    ]
    response = admin_client.post(bulk_url("change_kind", records), {"kind": "book"}, follow=True)
    html = response.content.decode()
    assert "cannot become a book review" in html and "countries (U.K.)" in html
    assert Page.objects.get(pk=feature.pk).specific_class.__name__ == "BookReviewPage"
    assert Page.objects.get(pk=film.pk).specific_class is FilmReviewPage


def test_unpublish_and_publish(admin_client, unsigned):
    admin_client.post(bulk_url("unpublish_pages", unsigned[:1]), {})
    assert not Page.objects.get(pk=unsigned[0].page_id).live
    admin_client.post(bulk_url("publish_pages", unsigned[:1]), {})
    assert Page.objects.get(pk=unsigned[0].page_id).live


def test_an_editor_without_page_permission_changes_nothing(client, unsigned, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("reader", password="pw")
    user.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="change_importrecord"),
    )
    client.force_login(user)
    ada = Contributor.objects.create(name="Ada Quill")
    client.post(bulk_url("set_reviewer", unsigned), {"contributor": ada.pk})
    assert not FilmReviewPage.objects.filter(reviewer=ada).exists()
