"""The review queue (legacy/review.py): what it lists, filters, sorts and exports, in a
constant number of queries however many records there are."""

import csv
import io

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from legacy.checks import CHECKS
from legacy.models import ImportCheck, ImportRecord, ImportRun

from .queue import make_records

pytestmark = pytest.mark.django_db
QUEUE = "/admin/legacy/importrecord/"


def listed(admin_client, query: str = "") -> list[str]:
    """The old paths the queue lists, in its order."""
    response = admin_client.get(QUEUE + query)
    assert response.status_code == 200
    html = response.content.decode()
    paths = ImportRecord.objects.values_list("source_path", flat=True)
    return sorted((path for path in paths if f"<code>{path}</code>" in html), key=html.index)


def test_the_queue_shows_each_record_as_an_editor_reads_it(admin_client):
    (record,) = make_records(1)
    ImportCheck.objects.filter(record=record).delete()
    ImportCheck.objects.create(
        record=record, name="review_without_reviewer", severity=3, detail="No signature"
    )
    html = admin_client.get(QUEUE).content.decode()
    assert "Page number 0" in html and "<code>reviews/page00000.htm</code>" in html
    assert "Film review" in html and "Film reviews" in html  # labels, never slugs
    assert "film_review" not in html.split("<tbody>")[1].split("</tbody>")[0]
    assert "Review without a reviewer" in html and "To check" in html
    assert f"{QUEUE}inspect/{record.pk}/" in html
    assert "/edit/" not in html.split("<tbody>")[1]  # records are not edited by hand
    assert admin_client.get(f"{QUEUE}add/").status_code in (302, 403)


def test_each_row_links_its_side_by_side_view_and_page_editor_without_a_row_menu(
    admin_client, site_tree
):
    (record,) = make_records(1)
    ImportRecord.objects.filter(pk=record.pk).update(page=site_tree.about)
    body = admin_client.get(QUEUE).content.decode().split("<tbody>")[1].split("</tbody>")[0]
    assert f"/admin/legacy/importrecord/side-by-side/{record.pk}/" in body
    assert f"/admin/pages/{site_tree.about.pk}/edit/" in body
    assert "w-dropdown" not in body  # one line less per row: more rows on a screen


@pytest.mark.parametrize(
    ("fidelity", "shown"), [(0.9875, "98.7%"), (0.99999, "99.9%"), (1.0, "100%"), (0.5, "50%")]
)
def test_the_queue_shows_fidelity_as_a_percentage_only_a_whole_page_reads_100(
    admin_client, fidelity, shown
):
    (record,) = make_records(1)
    ImportRecord.objects.filter(pk=record.pk).update(fidelity=fidelity)
    body = admin_client.get(QUEUE).content.decode().split("<tbody>")[1]
    assert f">{shown}<" in body.replace("\n", "").replace(" ", "")
    assert str(fidelity) not in body


def test_the_queue_filters_by_check_state_kind_section_cluster_and_run(admin_client):
    records = make_records(12)
    other_run = make_records(2, start=100)
    by_check = set(
        ImportCheck.objects.filter(name="images_missing").values_list(
            "record__source_path", flat=True
        )
    )
    assert by_check and set(listed(admin_client, "?check=images_missing")) == by_check
    ImportRecord.objects.filter(pk=records[0].pk).update(review_state="checked")
    assert listed(admin_client, "?review_state=checked") == [records[0].source_path]
    books = {r.source_path for r in records + other_run if r.kind == "book_review"}
    assert set(listed(admin_client, "?kind=book_review")) == books
    assert set(listed(admin_client, "?section=book")) == books
    assert set(listed(admin_client, "?cluster=t1")) == {
        r.source_path for r in records + other_run if r.cluster == "t1"
    }
    run = other_run[0].last_run_id
    assert set(listed(admin_client, f"?last_run={run}")) == {r.source_path for r in other_run}


def with_checks(records: list[ImportRecord], *names: str) -> None:
    """Give ``records`` exactly the checks ``names`` (and their worst severity)."""
    ImportCheck.objects.filter(record__in=records).delete()
    for record in records:
        for name in names:
            ImportCheck.objects.create(record=record, name=name, severity=CHECKS[name].severity)
        worst = max((CHECKS[name].severity for name in names), default=0)
        ImportRecord.objects.filter(pk=record.pk).update(severity=worst)


def test_the_queue_opens_with_the_rarest_serious_problems_first(admin_client):
    """On a run of 20 pages: a warning on 15 of them is the site's, not the page's."""
    records = make_records(20)
    rare_error, rare_warning, rare_info, clean = records[:4]
    common = records[4:]
    with_checks(records, "credits_incomplete")  # 20 pages: every page, for now
    with_checks([rare_error], "byline_removed")
    with_checks([rare_warning], "large_share_removed")
    with_checks([rare_info], "images_missing")
    with_checks([clean])
    order = listed(admin_client)
    assert order[:3] == [r.source_path for r in (rare_error, rare_warning, rare_info)]
    assert set(order[3:19]) == {r.source_path for r in common}  # then the site's pattern
    assert order[19] == clean.source_path
    mildest = listed(admin_client, "?ordering=severity")
    assert mildest[0] == clean.source_path and mildest[17:] == order[2::-1]


def test_an_error_on_most_pages_ranks_below_a_warning_on_one(admin_client):
    records = make_records(20)
    with_checks(records[1:], "review_without_reviewer")  # the site signs no review
    with_checks([records[0]], "reviewer_seen_once")
    with_checks([records[19]])
    order = listed(admin_client)
    assert order[0] == records[0].source_path
    assert order[-1] == records[19].source_path  # an error still ranks above a clean page


def test_a_queue_whose_checks_weigh_nothing_opens_by_severity_and_path(admin_client):
    """One check on every page weighs 0 (a single page too): the order is by severity, then
    path; the rank must not become a constant in ORDER BY, which PostgreSQL refuses (500)."""
    records = make_records(3)
    with_checks(records, "review_without_reviewer")
    assert listed(admin_client) == sorted(r.source_path for r in records)
    assert listed(admin_client, "?ordering=severity") == sorted(r.source_path for r in records)


def under_host(records: list[ImportRecord], host: str) -> list[ImportRecord]:
    """The records moved under a host folder, as an HTTrack mirror of two sites keys them."""
    for record in records:
        record.source_path = f"{host}/{record.source_path}"
    ImportRecord.objects.bulk_update(records, ["source_path"])
    return records


def test_a_check_is_rare_or_common_in_its_own_site(admin_client):
    """Two sites of one mirror: a check on most pages of one is an outlier on the other."""
    first = under_host(make_records(10), "www.first.example")
    second = under_host(make_records(10, start=100), "www.second.example")
    with_checks(first + second)
    with_checks(first[:8], "date_missing_or_approximate")  # the first site's pattern
    with_checks(second[:1], "date_missing_or_approximate")  # one page of the second
    with_checks(first[8:9], "summary_is_link_text")
    order = listed(admin_client)
    assert order[:2] == sorted([second[0].source_path, first[8].source_path])
    assert set(order[2:10]) == {r.source_path for r in first[:8]}


def test_pages_written_again_by_a_later_run_count_with_their_site(admin_client):
    """A re-import from the queue is a run of a few pages: their checks are no commoner."""
    records = make_records(20)
    with_checks(records)
    with_checks(records[:3], "kind_outlier")
    with_checks(records[3:4], "credits_incomplete")
    with_checks(records[4:], "date_missing_or_approximate")  # the site's pattern
    ImportRecord.objects.filter(pk__in=[r.pk for r in records[:3]]).update(
        last_run=ImportRun.objects.create(invoked_by="re-import from the queue")
    )
    order = listed(admin_client)
    assert order[0] == records[3].source_path  # on 1 page of 20
    assert set(order[1:4]) == {r.source_path for r in records[:3]}  # on 3 of 20, not 3 of 3


def test_the_queue_exports_what_it_filters_as_csv_and_xlsx(admin_client):
    make_records(12)
    response = admin_client.get(QUEUE + "?export=csv&kind=news")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    news = ImportRecord.objects.filter(kind="news")
    assert {row["Old path"] for row in rows} == set(news.values_list("source_path", flat=True))
    assert {row["Kind"] for row in rows} == {"News"}
    assert "Checks" in rows[0] and "State" in rows[0]
    xlsx = admin_client.get(QUEUE + "?export=xlsx&kind=news")
    assert xlsx.status_code == 200
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def queue_queries(admin_client, query: str = "") -> int:
    admin_client.get(QUEUE + query)  # a process's first request fills caches
    with CaptureQueriesContext(connection) as queries:
        assert admin_client.get(QUEUE + query).status_code == 200
    return len(queries.captured_queries)


@pytest.mark.parametrize("query", ["", "?check=images_missing&ordering=fidelity"])
def test_the_queue_runs_as_many_queries_for_200_records_as_for_20(admin_client, query):
    make_records(20)
    few = queue_queries(admin_client, query)
    make_records(180, start=20)
    assert queue_queries(admin_client, query) == few


def test_the_check_filter_gives_each_checks_pages_commonest_first(admin_client):
    records = make_records(6)
    ImportCheck.objects.all().delete()
    for record in records[:5]:
        ImportCheck.objects.create(record=record, name="credits_incomplete", severity=2)
    ImportCheck.objects.create(record=records[5], name="byline_removed", severity=3)
    html = admin_client.get(QUEUE).content.decode()
    credits = html.index("Credits without creator or year (5)")
    assert credits < html.index("Byline or date removed? (1)") < html.index("(0)")


def test_word_counts_are_grouped_by_thousands(admin_client):
    (record,) = make_records(1)
    ImportRecord.objects.filter(pk=record.pk).update(words_source=14004, words_lost=1200)
    body = admin_client.get(QUEUE).content.decode().split("<tbody>")[1]
    assert "14,004" in body and "1,200 lost" in body


def test_a_file_that_is_no_page_says_why_in_the_queue(admin_client):
    """A later part joined into its first page is a record with no checks: the row says so
    instead of "None" (an editor took 14 of them for pages left unchecked)."""
    part, page = make_records(2)
    with_checks([part, page])
    joined = "A later part of reviews/page00001.htm, joined into its page."
    ImportRecord.objects.filter(pk=part.pk).update(
        status="skipped", warnings=[joined, "part 2 of 2"], fidelity=None
    )
    ImportRecord.objects.filter(pk=page.pk).update(warnings=["Dead link kept as text"])
    rows = admin_client.get(QUEUE).content.decode().split("<tbody>")[1].split("</tr>")
    part_row = next(row for row in rows if f"<code>{part.source_path}</code>" in row)
    page_row = next(row for row in rows if f"<code>{page.source_path}</code>" in row)
    assert "Skipped" in part_row and joined in part_row and "None" not in part_row
    assert "None" in page_row and "Dead link" not in page_row
