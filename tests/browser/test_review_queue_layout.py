"""The review queue on a laptop's screen: at 1024x768 (Wagtail's sidebar open leaves the table
824 px) and 1280x800 every column is on the screen and nothing in a cell runs into the next;
the bulk footer counts import records, not "snippets"."""

import pytest
from playwright.sync_api import expect

from legacy.checks import CHECKS
from legacy.models import ImportCheck, ImportRecord, ImportRun, ReviewState
from tests.browser.content import log_in_as_editor

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
QUEUE = "/admin/legacy/importrecord/"
# The widest of each column an import gives: kinds, sections, labels of the longest checks
WIDEST = [
    ("page", "page", ["kind_outlier", "byline_removed", "date_missing_or_approximate"]),
    ("book_review", "book", ["credits_incomplete", "summary_is_link_text"]),
    ("listing", "feature", ["kind_against_folder", "reviewer_seen_once", "images_missing"]),
    ("film_review", "film", ["review_without_reviewer"]),
]


def widest_records(count: int) -> None:
    run = ImportRun.objects.create(invoked_by="tests")
    for n in range(count):
        kind, section, checks = WIDEST[n % len(WIDEST)]
        record = ImportRecord.objects.create(
            source_path=f"festivals/1999/seattle-international-film-festival-{n:02}.html",
            title=f"The Twenty-Fifth Seattle International Film Festival, Part {n:02}",
            kind=kind,
            section=section,
            status="created",
            severity=max(CHECKS[name].severity for name in checks),
            fidelity=0.6954,
            words_source=14004 + n,
            words_lost=1200 if n % 2 else 0,
            review_state=ReviewState.NEEDS_WORK if n % 3 == 0 else ReviewState.TO_CHECK,
            last_run=run,
        )
        for name in checks:
            ImportCheck.objects.create(
                record=record, name=name, severity=CHECKS[name].severity, detail="x"
            )


OVERFLOW = """() => {
    const table = document.querySelector('table.listing');
    const box = table.getBoundingClientRect();
    const cut = [...table.querySelectorAll('th, td')]
        .filter(cell => cell.getBoundingClientRect().right > window.innerWidth + 1
            || cell.scrollWidth > cell.clientWidth + 1)
        .map(cell => cell.className + ': ' + cell.innerText.trim().slice(0, 30));
    const links = [...table.querySelectorAll('.legacy-path__links')]
        .filter(links => links.getBoundingClientRect().right
            > links.closest('td').getBoundingClientRect().right + 1).length;
    return {
        table: Math.round(box.right), page: document.documentElement.scrollWidth,
        window: window.innerWidth, wider: table.scrollWidth - table.parentElement.clientWidth,
        cut, links,
    };
}"""


@pytest.mark.parametrize("size", [(1024, 768), (1280, 800)])
def test_no_column_of_the_queue_is_cut_on_a_laptops_screen(
    page, live_server, django_user_model, size
):
    widest_records(12)
    log_in_as_editor(page, live_server, django_user_model)
    page.set_viewport_size({"width": size[0], "height": size[1]})
    page.goto(live_server.url + QUEUE)
    expect(page.locator("table.listing tbody tr")).to_have_count(12)
    seen = page.evaluate(OVERFLOW)
    assert seen["table"] <= seen["window"] and seen["page"] <= seen["window"], seen
    assert seen["wider"] <= 1, seen  # the table is no wider than its place
    assert seen["cut"] == [] and seen["links"] == 0, seen  # no cell spills into the next
    for heading in ("Fidelity", "Words"):
        header = page.locator("table.listing thead th", has_text=heading)
        assert header.bounding_box()["x"] + header.bounding_box()["width"] <= size[0]


def test_the_bulk_footer_counts_import_records(page, live_server, django_user_model):
    widest_records(3)
    log_in_as_editor(page, live_server, django_user_model)
    page.goto(live_server.url + QUEUE)
    boxes = page.locator("input[data-bulk-action-checkbox]")
    boxes.nth(0).check()
    expect(page.locator("[data-bulk-action-num-objects]")).to_have_text("1 import record selected")
    boxes.nth(1).check()
    count = page.locator("[data-bulk-action-num-objects]")
    expect(count).to_have_text("2 import records selected")
    boxes.nth(2).check()
    expect(count).to_have_text("All 3 import records on this screen selected")
