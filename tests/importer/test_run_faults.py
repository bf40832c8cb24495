"""A run that meets a path it cannot store, or is interrupted (issue 21, finding 2): the
page is skipped with the reason, the run goes on, the report is written and the run is
closed in every case. On PostgreSQL (CI's second pass) a path over the columns' lengths
raised DataError and aborted the whole run."""

import io
import json

from django.core.management import call_command

from wagtail.contrib.redirects.models import Redirect

import pytest

from legacy.models import ImportRecord, ImportRun
from legacy.writing.writer import ImportOptions, LegacyImporter
from reviews.models import FilmReviewPage

from .conftest import BASE_URL
from .mirror import LONG_PARAGRAPHS, film_review, write_mirror

pytestmark = pytest.mark.django_db

FOLDER = "f" * 200  # a file name may have 255 bytes; a path many more


def review(title: str) -> str:
    return film_review(title, "Ann Bell. U.K. 2001.", LONG_PARAGRAPHS)


def test_a_path_too_long_to_store_is_skipped_and_the_run_goes_on(tmp_path):
    mid = f"reviews/{FOLDER}/{'m' * 50}.htm"  # 264 characters: too long for a redirect
    huge = f"reviews/{FOLDER}/{FOLDER}/{FOLDER}/huge.htm"  # over 500: too long for a record
    mirror = write_mirror(
        tmp_path / "site",
        {"reviews/fine.htm": review("Fine"), mid: review("Middling"), huge: review("Huge")},
    )
    out, report_file = io.StringIO(), tmp_path / "report.json"
    call_command("import_legacy", str(mirror), base_url=BASE_URL, report=report_file, stdout=out)

    items = {item["source"]: item for item in json.loads(report_file.read_text())["items"]}
    assert items["reviews/fine.htm"]["status"] == "created"
    for path in (mid, huge):
        assert items[path]["status"] == "skipped" and items[path]["page_id"] is None
        assert "path too long" in items[path]["warnings"][0]
        assert f"not read: {path}: Not imported: path too long" in out.getvalue()
    assert not FilmReviewPage.objects.filter(title__in=["Middling", "Huge"]).exists()
    assert ImportRecord.objects.get(source_path=mid).status == "skipped"
    (kept,) = ImportRecord.objects.filter(source_path__startswith=huge[:400])
    assert kept.status == "skipped" and len(kept.source_path) <= 500
    run = ImportRun.objects.get()
    assert run.finished_at is not None and run.stopped == ""
    assert (run.created, run.skipped, run.failed) == (1, 2, 0)
    assert not Redirect.objects.filter(old_path__startswith="/reviews/fff").exists()


def test_an_interrupted_run_is_closed_with_what_it_did(tmp_path):
    mirror = write_mirror(
        tmp_path / "site",
        {f"reviews/{name}.htm": review(name.title()) for name in ("one", "two", "three")},
    )

    def interrupt(item):
        raise KeyboardInterrupt  # Ctrl-C once the first page is written

    importer = LegacyImporter(ImportOptions(base_url=BASE_URL))
    with pytest.raises(KeyboardInterrupt):
        importer.run_import([mirror], on_item=interrupt)

    run = ImportRun.objects.get()
    assert run.finished_at is not None
    assert run.stopped.startswith("Interrupted")
    assert run.created == 1 and FilmReviewPage.objects.count() == 1
    assert [item.status for item in importer.report.items] == ["created"]
    assert importer.report.as_dict()["stopped"] == run.stopped
    page = FilmReviewPage.objects.get()
    assert FilmReviewPage.objects.search(page.title.split()[0]).count() == 1  # indexed too
