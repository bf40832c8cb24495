"""A hostile mirror's file names (issue 21, finding 1): a name is never decoded into a path
into another folder, and two files never share one old path in silence.

Each run is the real ``import_legacy`` command over a mirror written to disk by the test.
"""

import io
import json
from pathlib import Path

from django.core.management import call_command

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Revision

import pytest

from legacy.models import ImportRecord
from reviews.models import FilmReviewPage

from .conftest import BASE_URL
from .mirror import LONG_PARAGRAPHS, film_review, write_mirror

pytestmark = pytest.mark.django_db

LANTERNS = "reviews/paperlanterns.htm"
TAKEOVER = "a/%2E%2E%2Freviews%2Fpaperlanterns.htm"


def review(title: str) -> str:
    return film_review(title, "Ann Bell. U.K. 2001.", LONG_PARAGRAPHS)


def import_legacy(mirror: Path, report: Path) -> tuple[dict[str, dict], str]:
    out = io.StringIO()
    call_command("import_legacy", str(mirror), base_url=BASE_URL, report=report, stdout=out)
    items = json.loads(report.read_text())["items"]
    return {item["source"]: item for item in items}, out.getvalue()


def test_a_file_name_cannot_take_over_another_pages_old_path(tmp_path):
    mirror = write_mirror(tmp_path / "site", {LANTERNS: review("Paper Lanterns")})
    import_legacy(mirror, tmp_path / "first.json")
    lanterns = FilmReviewPage.objects.get(title="Paper Lanterns")
    revisions = Revision.objects.filter(object_id=str(lanterns.pk)).count()

    write_mirror(
        mirror,
        {TAKEOVER: review("Hijacked Lanterns"), "reviews/%2F..%2Fetc.htm": review("Climber")},
    )
    items, _ = import_legacy(mirror, tmp_path / "second.json")

    lanterns.refresh_from_db()
    assert lanterns.title == "Paper Lanterns" and lanterns.live
    assert Revision.objects.filter(object_id=str(lanterns.pk)).count() == revisions
    assert items[LANTERNS]["status"] == "unchanged"
    # Each hostile file is a page of its own, under its own name: nothing is merged or lost.
    hijack = items["a/..%2freviews%2fpaperlanterns.htm"]
    climber = items["reviews/%2f..%2fetc.htm"]
    assert hijack["status"] == climber["status"] == "created"
    assert "etc.htm" not in items
    assert Redirect.objects.get(old_path="/reviews/paperlanterns.htm").redirect_page_id == (
        lanterns.pk
    )
    assert FilmReviewPage.objects.get(pk=hijack["page_id"]).title == "Hijacked Lanterns"


def test_two_files_with_one_old_path_are_both_reported(tmp_path):
    mirror = write_mirror(
        tmp_path / "site",
        {
            "reviews/lanterns.htm": review("Lanterns Lower"),
            "reviews/Lanterns.htm": review("Lanterns Upper"),
            "news/index.html": review("Index Long"),
            "news/index.htm": review("Index Short"),
        },
    )
    items, out = import_legacy(mirror, tmp_path / "report.json")

    # The file spelt as the old path keeps it; the other is skipped, saying why.
    assert items["reviews/lanterns.htm"]["status"] == "created"
    other = items["reviews/Lanterns.htm"]
    assert other["status"] == "skipped" and other["page_id"] is None
    assert "already the old path of reviews/lanterns.htm" in other["warnings"][0]
    assert "not read: reviews/Lanterns.htm" in out
    assert FilmReviewPage.objects.filter(title="Lanterns Lower").exists()
    assert not FilmReviewPage.objects.filter(title="Lanterns Upper").exists()
    assert "already the old path of news/index.htm" in items["news/index.html"]["warnings"][0]
    record = ImportRecord.objects.get(source_path="reviews/Lanterns.htm")
    assert record.status == "skipped" and record.original_html == ""
