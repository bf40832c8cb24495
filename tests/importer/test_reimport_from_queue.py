"""Re-import from the review queue (the "Re-import" bulk action, legacy/tasks.py,
legacy/writing/reimport.py): the editor's choice becomes a job that the task worker runs
(``manage.py db_worker``, for real, on the database queue); the chosen pages are read again
from their mirror, filed under another section (converted, keeping their id and old URL) or
read with a site profile; the other pages and their records are left as they are; the queue
shows the job queued, then done with what it did, or failed with why."""

import io
from pathlib import Path

from django.core.management import call_command

from wagtail.models import Page

import pytest

from legacy.models import ImportRecord, ImportRun, JobState, ReimportJob
from reviews.models import ArticlePage, FilmReviewPage
from tests.sites import reel_cellar

from .conftest import BASE_URL
from .mirror import LONG_PARAGRAPHS, feature, write_mirror

# the worker commits, as it would in production: each test's data is flushed after it
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
QUEUE = "/admin/legacy/importrecord/"


def bulk_url(action: str, records) -> str:
    ids = "&".join(f"id={record.pk}" for record in records)
    return f"/admin/bulk/legacy/importrecord/{action}/?{ids}&next={QUEUE}"


def import_mirror(mirror: Path, *options: str) -> None:
    call_command(
        "import_legacy", str(mirror), "--base-url", BASE_URL, *options, stdout=io.StringIO()
    )


def run_worker() -> None:
    """The worker of the importer's queue, as `make run` and production start it, until the
    queue is empty."""
    call_command(
        "db_worker",
        "--backend=imports",
        "--queue-name=imports",
        "--batch",
        "--no-reload",
        "--no-startup-delay",
        verbosity=0,
        stdout=io.StringIO(),
    )


def revisions(record: ImportRecord) -> int:
    return Page.objects.get(pk=record.page_id).revisions.count()


def queue_jobs(admin_client) -> str:
    """The queue's panel of re-import jobs, as text."""
    html = admin_client.get(QUEUE).content.decode()
    start = html.index('class="legacy-jobs')
    return html[start : html.index("</section>", start)]


@pytest.fixture
def specials(tmp_path) -> Path:
    return write_mirror(
        tmp_path,
        {
            f"specials/{name}.htm": feature(name.title(), [("Light", LONG_PARAGRAPHS[0])])
            for name in ("harbour", "lighthouse", "pier")
        },
    )


def test_reimport_is_queued_then_the_worker_converts_the_chosen_pages(
    admin_client, client, specials
):
    import_mirror(specials, "--section", "specials/*=feature")
    harbour, lighthouse, pier = ImportRecord.objects.order_by("source_path")
    first_run = lighthouse.last_run_id
    before = {record.pk: revisions(record) for record in (harbour, lighthouse, pier)}

    url = bulk_url("reimport", [harbour, pier])
    assert "specials/harbour.htm" in admin_client.get(url).content.decode()
    response = admin_client.post(url, {"section": "film", "profile": ""}, follow=True)

    job = ReimportJob.objects.get()
    assert f"Re-import {job.pk} of 2 pages queued" in response.content.decode()
    assert job.state == JobState.QUEUED and job.task_id
    assert "Queued" in queue_jobs(admin_client)
    assert isinstance(Page.objects.get(pk=harbour.page_id).specific, ArticlePage)  # not yet

    run_worker()

    job.refresh_from_db()
    assert job.state == JobState.DONE and job.started_at and job.finished_at
    panel = queue_jobs(admin_client)
    assert "Done" in panel and "2 re-imported, 2 converted, 0 failed" in panel
    assert "2 pages, filed under Film reviews" in panel
    run = ImportRun.objects.order_by("-pk").first()
    assert f'href="/admin/legacy/importrun/inspect/{run.pk}/"' in panel
    assert run.invoked_by == f"admin (review queue, re-import {job.pk})"
    assert "specials/harbour.htm = film" in run.options["rules"]
    assert (run.created, run.updated, run.unchanged) == (0, 2, 0)  # the chosen pages only
    dashboard = admin_client.get(f"/admin/legacy/importrun/inspect/{run.pk}/").content.decode()
    assert "a re-import of 2 chosen pages from the review queue" in dashboard
    for record in (harbour, pier):
        record.refresh_from_db()
        page = Page.objects.get(pk=record.page_id).specific
        assert isinstance(page, FilmReviewPage)  # the same page, now a film review
        assert record.section == "film" and revisions(record) > before[record.pk]
        assert record.last_run == run
        assert client.get(f"/{record.source_path}")["Location"].endswith(page.url)
    lighthouse.refresh_from_db()
    assert isinstance(Page.objects.get(pk=lighthouse.page_id).specific, ArticlePage)
    assert revisions(lighthouse) == before[lighthouse.pk]  # not chosen: not written
    assert lighthouse.last_run_id == first_run  # nor its record

    details = admin_client.get(f"/admin/legacy/reimportjob/inspect/{job.pk}/").content.decode()
    assert "specials/harbour.htm: Converted: article → film review" in details

    import_mirror(specials, "--section", "specials/*=feature")  # the next whole run
    latest = ImportRun.objects.order_by("-pk").first()
    dashboard = admin_client.get(f"/admin/legacy/importrun/inspect/{latest.pk}/").content
    assert f'compared with <a href="/admin/legacy/importrun/inspect/{first_run}/' in (
        dashboard.decode()
    )  # with the whole run before, not with the re-import of two pages


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
    admin_client.post(bulk_url("reimport", chosen), {"section": "", "profile": profile})
    assert ReimportJob.objects.get().profile == profile.strip()
    run_worker()

    assert "2 re-imported, 0 converted, 0 failed" in queue_jobs(admin_client)
    for record in chosen:
        assert FilmReviewPage.objects.get(pk=record.page_id).reviewer is None
    assert FilmReviewPage.objects.filter(reviewer__isnull=False).count() == others


def test_a_profile_with_a_mistake_is_refused_in_the_form(admin_client, specials):
    import_mirror(specials)
    record = ImportRecord.objects.order_by("source_path").first()
    response = admin_client.post(bulk_url("reimport", [record]), {"profile": "[slots]\nx = 1\n"})
    assert response.status_code == 200  # the form again, with why
    assert "unknown section [slots]" in response.content.decode()
    assert not ReimportJob.objects.exists()


def test_a_job_whose_mirror_is_gone_shows_failed_with_why(admin_client, specials):
    import_mirror(specials, "--section", "specials/*=feature")
    record = ImportRecord.objects.order_by("source_path").first()
    ImportRun.objects.update(sources=[str(specials / "gone")])
    admin_client.post(bulk_url("reimport", [record]), {"section": "film"})
    run_worker()

    job = ReimportJob.objects.get()
    assert job.state == JobState.FAILED
    panel = queue_jobs(admin_client)
    assert "Failed" in panel and "is not on this server any more" in panel
    assert isinstance(Page.objects.get(pk=record.page_id).specific, ArticlePage)
    assert ImportRun.objects.count() == 1


def test_a_job_that_raises_is_failed_with_its_message(admin_client, specials):
    import_mirror(specials)
    record = ImportRecord.objects.order_by("source_path").first()
    admin_client.post(bulk_url("reimport", [record]), {"section": ""})
    # the profile was valid when asked for; the job reads it again in the worker
    ReimportJob.objects.update(profile="[slots]\nx = 1\n")
    run_worker()

    job = ReimportJob.objects.get()
    assert job.state == JobState.FAILED and "unknown section [slots]" in job.message
    assert "ProfileError" in queue_jobs(admin_client)


def test_a_skipped_page_is_re_imported_as_the_kind_chosen(admin_client, client, specials):
    import_mirror(specials, "--section", "specials/pier.htm=skip", "--section", "*=feature")
    pier = ImportRecord.objects.get(source_path="specials/pier.htm")
    assert pier.status == "skipped" and pier.page_id is None

    page = admin_client.get(bulk_url("reimport", [pier])).content.decode()
    assert "Not changed" not in page  # a record with no page may be chosen
    admin_client.post(bulk_url("reimport", [pier]), {"section": "film"})
    run_worker()

    pier.refresh_from_db()
    assert pier.status == "created" and pier.section == "film"
    created = Page.objects.get(pk=pier.page_id).specific
    assert isinstance(created, FilmReviewPage) and created.title == "Pier"
    assert client.get("/specials/pier.htm")["Location"].endswith(created.url)
    assert "1 re-imported, 0 converted, 0 failed" in queue_jobs(admin_client)


def test_a_reimport_reads_only_the_chosen_pages_site_and_writes_only_them(tmp_path):
    """Two sites in one mirror (HTTrack's host folders): re-importing a page of one learns
    that site's model from all its pages, and reads, writes and records nothing of the
    other, whose file is unreadable now (it would fail if it were read)."""
    from legacy.writing.reimport import reimport

    paragraphs = [("Light", LONG_PARAGRAPHS[0])]
    mirror = write_mirror(
        tmp_path,
        {
            **{f"www.one.example/{n}.htm": feature(n.title(), paragraphs) for n in ("a", "b")},
            **{f"www.two.example/{n}.htm": feature(n.title(), paragraphs) for n in ("c", "d")},
        },
    )
    import_mirror(mirror)
    chosen = ImportRecord.objects.get(source_path="www.one.example/a.htm")
    other_site = mirror / "www.two.example" / "c.htm"
    other_site.write_bytes(b"\x00\x01 not a page any more")

    done = reimport([chosen], section="film", invoked_by="test")

    assert done.written == ["www.one.example/a.htm"] and not done.failed
    run = ImportRun.objects.order_by("-pk").first()
    assert run.options["only"] == ["www.one.example/a.htm"]
    assert list(run.records.values_list("source_path", flat=True)) == [chosen.source_path]
    assert ImportRecord.objects.get(source_path="www.two.example/c.htm").status == "created"


def test_wagtails_own_tasks_still_run_at_once_with_no_worker(admin_client):
    """Wagtail 8 enqueues its own tasks (the reference index on every save, deleting a
    replaced file, an image's focal point): they stay on the immediate default backend, so
    nothing of Wagtail's waits for the importer's worker."""
    from wagtail.models import ReferenceIndex

    from django_tasks_db.models import DBTaskResult

    from home.tree import ensure_site_tree
    from reviews.models import Contributor

    tree = ensure_site_tree()
    film = tree.sections["film"]
    film.intro = f'<p>See <a linktype="page" id="{tree.home.pk}">home</a>.</p>'
    film.save_revision().publish()
    Contributor.objects.create(name="Ada Quill")

    assert ReferenceIndex.get_references_for_object(film).exists()  # indexed at once
    assert not DBTaskResult.objects.exists()  # nothing queued for a worker
