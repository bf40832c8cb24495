"""The checks through a real import: stored on each record, listed in the JSON report,
counted by type, and muted by name or path for a run (with the mute recorded)."""

import io
import json

from django.core.management import call_command

import pytest

from legacy.models import ImportCheck, ImportRecord, ImportRun

from .conftest import BASE_URL
from .mirror import LONG_PARAGRAPHS, film_review, write_mirror

pytestmark = pytest.mark.django_db


@pytest.fixture
def mirror(tmp_path):
    """A signed review with every part, and an unsigned one with two missing icons."""
    icons = [
        f'<img src="../images/icons/{name}.gif" alt="The {name} of the harbour">'
        for name in ("lighthouse", "quay")
    ]
    return write_mirror(
        tmp_path / "site",
        {
            "reviews/alpha.htm": film_review(
                "Alpha Road", "Jan Kowal. Poland. 2008.", LONG_PARAGRAPHS, dateline="3 May 2009"
            ),
            "reviews/beta.htm": film_review(
                "Beta Lake",
                "Maria Santos. Brazil. 2009.",
                [*LONG_PARAGRAPHS, *icons],
                signature="",
                dateline="",
            ),
        },
    )


def import_with_report(mirror, tmp_path, *extra: str) -> dict:
    report_path = tmp_path / "report.json"
    call_command(
        "import_legacy",
        str(mirror),
        "--base-url",
        BASE_URL,
        "--report",
        str(report_path),
        *extra,
        stdout=io.StringIO(),
    )
    return json.loads(report_path.read_text())


def test_checks_are_stored_on_the_record_and_listed_in_the_report(mirror, tmp_path):
    report = import_with_report(mirror, tmp_path)
    items = {item["source"]: item for item in report["items"]}
    beta = {check["name"]: check for check in items["reviews/beta.htm"]["checks"]}
    assert beta["review_without_reviewer"]["severity"] == "error"
    assert beta["images_missing"]["detail"] == "2 images not in the mirror: images/icons/ (2)"
    assert items["reviews/alpha.htm"]["checks"] == []
    assert report["checks"]["review_without_reviewer"] == 1
    assert report["warning_types"]["Image not found in the mirror"] == 2

    record = ImportRecord.objects.get(source_path="reviews/beta.htm")
    assert record.severity == 3
    assert {check.name for check in record.checks.all()} == set(beta)
    assert ImportRecord.objects.get(source_path="reviews/alpha.htm").severity == 0


def test_a_run_mutes_a_check_and_an_image_folder_and_records_it(mirror, tmp_path):
    report = import_with_report(
        mirror, tmp_path, "--mute", "images/icons/*", "--mute", "review_without_reviewer"
    )
    assert report["checks"] == {"date_missing_or_approximate": 1} and report["muted"] == 2
    run = ImportRun.objects.get()
    assert run.mutes == ["review_without_reviewer", "images/icons/*"]
    assert run.muted == 2
    assert set(ImportCheck.objects.values_list("name", flat=True)) == {
        "date_missing_or_approximate"
    }


def test_checks_survive_an_unchanged_rerun_and_are_replaced_on_a_rewrite(mirror, tmp_path):
    import_with_report(mirror, tmp_path)
    again = import_with_report(mirror, tmp_path)
    beta = next(item for item in again["items"] if item["source"] == "reviews/beta.htm")
    assert beta["status"] == "unchanged"
    assert "review_without_reviewer" in {check["name"] for check in beta["checks"]}
    path = mirror / "reviews" / "beta.htm"
    path.write_text(path.read_text().replace("<b></b>", "<b>Ada Quill</b>"))
    import_with_report(mirror, tmp_path)
    names = set(
        ImportCheck.objects.filter(record__source_path="reviews/beta.htm").values_list(
            "name", flat=True
        )
    )
    assert "review_without_reviewer" not in names


def test_the_terminal_summary_says_what_to_do_next(mirror):
    out, err = io.StringIO(), io.StringIO()
    call_command("import_legacy", str(mirror), "--base-url", BASE_URL, stdout=out, stderr=err)
    text = out.getvalue()
    run = ImportRun.objects.get()
    assert "Pages by kind" in text and "Film review" in text
    assert "Review without a reviewer" in text and "review_without_reviewer" in text
    problems = text.split("Most common problems")[1].split("Where to look")[0]
    assert problems.count("\n  ") <= 5 and "1. " in problems
    assert f"/admin/legacy/importrecord/?last_run={run.pk}" in text
    assert f"/admin/legacy/importrun/inspect/{run.pk}/" in text
    assert "written 2 of 2 (100%)" in err.getvalue()  # plain lines off a terminal
