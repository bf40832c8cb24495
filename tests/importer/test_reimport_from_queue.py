"""Re-import from the review queue (legacy/writing/reimport.py, the "Re-import" bulk action):
the chosen pages are read again from their mirror by the command's own run, filed under
another section (converted, keeping their id and old URL) or read with a site profile; the
other pages are left as they are, and the editor is told what was converted."""

import io
from pathlib import Path

from django.core.management import call_command

from wagtail.models import Page

import pytest

from legacy.models import ImportRecord, ImportRun
from reviews.models import ArticlePage, FilmReviewPage
from tests.sites import reel_cellar

from .conftest import BASE_URL
from .mirror import LONG_PARAGRAPHS, feature, write_mirror

pytestmark = pytest.mark.django_db


def bulk_url(action: str, records) -> str:
    ids = "&".join(f"id={record.pk}" for record in records)
    return f"/admin/bulk/legacy/importrecord/{action}/?{ids}&next=/admin/legacy/importrecord/"


def import_mirror(mirror: Path, *options: str) -> None:
    call_command(
        "import_legacy", str(mirror), "--base-url", BASE_URL, *options, stdout=io.StringIO()
    )


def revisions(record: ImportRecord) -> int:
    return Page.objects.get(pk=record.page_id).revisions.count()


@pytest.fixture
def specials(tmp_path) -> Path:
    return write_mirror(
        tmp_path,
        {
            f"specials/{name}.htm": feature(name.title(), [("Light", LONG_PARAGRAPHS[0])])
            for name in ("harbour", "lighthouse", "pier")
        },
    )


def test_reimport_files_the_chosen_pages_under_another_kind(admin_client, client, specials):
    import_mirror(specials, "--section", "specials/*=feature")
    harbour, lighthouse, pier = ImportRecord.objects.order_by("source_path")
    before = {record.pk: revisions(record) for record in (harbour, lighthouse, pier)}

    url = bulk_url("reimport", [harbour, pier])
    assert "specials/harbour.htm" in admin_client.get(url).content.decode()
    response = admin_client.post(url, {"section": "film", "profile": ""}, follow=True)

    html = response.content.decode()
    assert "Re-imported: 2 page(s) written again, 2 converted" in html
    assert "specials/harbour.htm: Converted: article → film review" in html
    for record in (harbour, pier):
        record.refresh_from_db()
        page = Page.objects.get(pk=record.page_id).specific
        assert isinstance(page, FilmReviewPage)  # the same page, now a film review
        assert record.section == "film" and revisions(record) > before[record.pk]
        assert client.get(f"/{record.source_path}")["Location"].endswith(page.url)
    assert isinstance(Page.objects.get(pk=lighthouse.page_id).specific, ArticlePage)
    assert revisions(lighthouse) == before[lighthouse.pk]  # not chosen: not written
    run = ImportRun.objects.order_by("-pk").first()
    assert run.invoked_by == "admin (review queue)"
    assert "specials/harbour.htm = film" in run.options["rules"]


def test_reimport_reads_the_chosen_pages_with_a_profile(admin_client, tmp_path):
    for path, data, _ in reel_cellar.build():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(data)
    import_mirror(tmp_path)
    reviewed = FilmReviewPage.objects.filter(reviewer__isnull=False).values("pk")
    signed = ImportRecord.objects.filter(page__in=reviewed).order_by("source_path")
    chosen = list(signed[:2])
    others = len(signed) - 2
    assert len(chosen) == 2 and others > 5

    profile = '[[slot]]\nlabel = "Review by"\nfield = "content"\n'
    response = admin_client.post(
        bulk_url("reimport", chosen), {"section": "", "profile": profile}, follow=True
    )

    assert "Re-imported: 2 page(s) written again." in response.content.decode()
    for record in chosen:
        assert FilmReviewPage.objects.get(pk=record.page_id).reviewer is None
    assert FilmReviewPage.objects.filter(reviewer__isnull=False).count() == others


def test_a_profile_with_a_mistake_is_refused_in_the_form(admin_client, specials):
    import_mirror(specials)
    record = ImportRecord.objects.order_by("source_path").first()
    response = admin_client.post(bulk_url("reimport", [record]), {"profile": "[slots]\nx = 1\n"})
    assert response.status_code == 200  # the form again, with why
    assert "unknown section [slots]" in response.content.decode()
    assert ImportRun.objects.count() == 1


def test_a_mirror_no_longer_on_the_server_is_said_and_nothing_changes(admin_client, specials):
    import_mirror(specials, "--section", "specials/*=feature")
    record = ImportRecord.objects.order_by("source_path").first()
    ImportRun.objects.update(sources=[str(specials / "gone")])
    response = admin_client.post(bulk_url("reimport", [record]), {"section": "film"}, follow=True)
    assert "the mirror run" in response.content.decode()
    assert "is not on this server any more" in response.content.decode()
    assert isinstance(Page.objects.get(pk=record.page_id).specific, ArticlePage)
    assert ImportRun.objects.count() == 1
