"""A run's dashboard (legacy/dashboard.py) and the admin dashboard's totals."""

from wagtail.models import Page

import pytest

from legacy.dashboard import Row, bar_chart, queue_totals, removed_words, run_dashboard
from legacy.models import ImportRecord

from .conftest import run_import
from .mirror import LONG_PARAGRAPHS, film_review, write_mirror

pytestmark = pytest.mark.django_db


def test_words_removed_are_counted_by_reason_whatever_its_numbers():
    counts = removed_words(
        [
            {"reason": "site chrome: recurs on 12 pages", "text": "Home | News"},
            {"reason": "site chrome: recurs on 9 pages", "text": "About Us"},
            {"reason": "site chrome: on 245 of the site's 249 pages", "text": "Contents"},
            {"reason": "site chrome: on 3 of the site's 249 pages", "text": "Page..."},
            {"reason": "site chrome: a line on many of the site's 249 pages", "text": "x"},
            {"reason": "the title of part 2 (joined)", "text": "Urban Feel"},
        ]
    )
    assert counts == {  # as an editor reads them: never "on N of the site's N pages"
        "site chrome: recurs on several pages": 5,
        "site chrome: on several of the site's pages": 2,
        "site chrome: a line on many of the site's pages": 1,
        "the title of a later part (joined)": 2,
    }


def test_the_chart_is_inline_svg_with_a_link_per_bar():
    svg = str(bar_chart([Row("Images <missing>", 4, "/q?check=x"), Row("Date", 2, "/q")], "T"))
    assert svg.startswith("<svg") and svg.count("<rect") == 2
    assert 'href="/q?check=x"' in svg and "Images &lt;missing&gt;" in svg


def test_the_run_dashboard_counts_link_to_the_queue_and_compare_runs(admin_client, tmp_path):
    mirror = write_mirror(
        tmp_path,
        {
            "reviews/a.htm": film_review("Aa", "Ann Bell. U.K. 2001.", LONG_PARAGRAPHS),
            "reviews/b.htm": film_review(
                "Bb", "Ann Bell. U.K. 2001.", LONG_PARAGRAPHS, signature=""
            ),
        },
    )
    run_import(mirror)
    run_import(mirror)
    second = ImportRecord.objects.first().last_run
    html = admin_client.get(f"/admin/legacy/importrun/inspect/{second.pk}/").content.decode()
    assert "Run dashboard" in html and "compared with" in html
    assert (
        f"/admin/legacy/importrecord/?check=review_without_reviewer&amp;last_run={second.pk}"
        in html
    )
    assert "<svg" in html and "Film review" in html
    assert "Words removed, by reason" in html


def test_the_admin_dashboard_shows_totals_with_links(admin_client):
    from .queue import make_records

    make_records(30)
    ImportRecord.objects.update(page=None)
    html = admin_client.get("/admin/").content.decode()
    assert "Imported pages to review" not in html  # no imported page, no panel


def test_a_check_on_most_of_a_runs_pages_is_shown_as_the_sites_not_each_pages(admin_client):
    from legacy.models import ImportCheck, ImportRun

    from .queue import make_records

    run = ImportRun.objects.create(invoked_by="tests")
    records = make_records(10, run=run)
    ImportCheck.objects.filter(record__in=records).delete()
    for record in records[:7]:  # 70%: the site's template
        ImportCheck.objects.create(record=record, name="byline_removed", severity=3)
    ImportCheck.objects.create(record=records[8], name="credits_incomplete", severity=2)
    html = admin_client.get(f"/admin/legacy/importrun/inspect/{run.pk}/").content.decode()
    assert "On most pages:</strong> Byline or date removed? (70%)" in html
    assert "<code>--mute byline_removed</code>" in html
    assert "--mute credits_incomplete" not in html  # one page of ten: a finding, not the site
    assert ">10%<" in html.replace(" ", "")


def test_clusters_and_options_read_as_an_editor_reads_them(admin_client):
    from legacy.dashboard import option_text
    from legacy.models import ImportRun, cluster_label

    assert cluster_label(".#8") == "Template 8"
    assert cluster_label("reviews#2") == "Template 2 in reviews/"
    assert option_text(2097152) == "2 MB" and option_text(7) == "7"
    run = ImportRun.objects.create(invoked_by="tests", options={"max_page_size": 2097152})
    from .queue import make_records

    make_records(3, run=run)
    ImportRecord.objects.update(cluster=".#1")
    html = admin_client.get(f"/admin/legacy/importrun/inspect/{run.pk}/").content.decode()
    assert "Template 1" in html and ".#1" not in html
    assert "2 MB" in html


def test_joined_parts_and_failures_are_not_counted_as_pages(admin_client):
    """A later part joined into its first page is a skipped record that points at that page:
    the dashboards count pages, so neither it nor a failed record is one (Nitrate Online read
    "249 imported pages" for 235, and 14 features too many)."""
    from .queue import make_records

    records = make_records(6)
    page = Page.objects.get(depth=2)
    ImportRecord.objects.update(page=page)
    ImportRecord.objects.filter(pk=records[0].pk).update(status="skipped")
    ImportRecord.objects.filter(pk=records[1].pk).update(status="failed", page=None)
    dashboard = run_dashboard(records[0].last_run)
    assert dashboard["total"] == 4
    assert sum(row.count for row in dashboard["kinds"]) == 4
    assert sum(row.count for row in dashboard["fidelity"]) == 4
    assert queue_totals()["total"] == 4
