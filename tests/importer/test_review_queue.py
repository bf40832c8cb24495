"""The review queue (legacy/review.py): what it lists, filters, sorts and exports, in a
constant number of queries however many records there are."""

import csv
import io

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from legacy.models import ImportCheck, ImportRecord

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


def test_the_queue_opens_worst_first(admin_client):
    make_records(12)
    order = listed(admin_client)
    severities = dict(ImportRecord.objects.values_list("source_path", "severity"))
    assert [severities[path] for path in order] == sorted(severities.values(), reverse=True)
    mildest = listed(admin_client, "?ordering=severity")
    assert [severities[path] for path in mildest] == sorted(severities.values())


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
