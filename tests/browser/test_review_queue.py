"""An editor checks an import in the admin: from the dashboard to the review queue, ten
unsigned reviews given their reviewer in one action and marked checked, a misfiled review
converted to a film review that its old URL still finds, and one page side by side."""

import os
import re

import pytest
from playwright.sync_api import expect

from legacy.models import ImportCheck, ImportRecord, ImportRun
from reviews.models import Contributor, FilmReviewPage
from tests.browser.content import log_in_as_editor
from tests.conftest import make_article, make_film_review

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def imported(page, *checks: str, kind="film_review", section="film", run=None) -> ImportRecord:
    record = ImportRecord.objects.create(
        source_path=f"reviews/{page.slug}.htm",
        title=page.title,
        page=page,
        kind=kind,
        section=section,
        status="created",
        severity=3 if checks else 0,
        last_run=run,
        fidelity=1.0,
        words_source=420,
        words_lost=0,
        original_html=f"<html><body><h1>{page.title}</h1><p>Old words.</p></body></html>",
    )
    for name in checks:
        ImportCheck.objects.create(record=record, name=name, severity=3, detail="No signature")
    return record


def select_rows(page, titles: list[str]) -> None:
    for title in titles:
        page.locator("tr", has_text=title).locator("input[type=checkbox]").check()


def bulk(page, action: str) -> None:
    button = page.locator("[data-bulk-action-button]", has_text=action)
    if not button.is_visible():
        page.get_by_role("button", name="More", exact=True).click()
    button.first.click()


def test_an_editor_reviews_an_import_from_the_dashboard(
    page, live_server, site_tree, django_user_model, screenshot_dir
):
    run = ImportRun.objects.create(invoked_by="tests", sources=[])
    films = site_tree.sections["film"]
    unsigned = [
        make_film_review(films, title=f"Unsigned {n:02}", countries="", slug=f"unsigned-{n:02}")
        for n in range(12)
    ]
    for film in unsigned:
        imported(film, "review_without_reviewer", run=run)
    misfiled = make_article(site_tree.sections["feature"], title="Misfiled Review")
    imported(misfiled, "kind_against_folder", kind="feature", section="feature", run=run)
    from wagtail.contrib.redirects.models import Redirect

    Redirect.objects.create(old_path="/reviews/misfiled.htm", redirect_page=misfiled)
    Contributor.objects.create(name="Ada Quill")
    log_in_as_editor(page, live_server, django_user_model)

    # The dashboard's totals lead to the queue, filtered by the check
    page.get_by_role("link", name="Review without a reviewer").click()
    expect(page).to_have_url(re.compile(r"check=review_without_reviewer"))
    expect(page.locator("input[data-bulk-action-checkbox]")).to_have_count(12)
    if os.environ.get("SCREENSHOT_DIR"):
        page.set_viewport_size({"width": 1280, "height": 800})
        page.screenshot(path=str(screenshot_dir / "queue.png"))
    ten = [f"Unsigned {n:02}" for n in range(10)]
    select_rows(page, ten)
    bulk(page, "Set reviewer")
    page.get_by_label("Reviewer or author").select_option(label="Ada Quill")
    page.get_by_role("button", name="Set reviewer").click()
    expect(page.locator(".messages")).to_contain_text("10 page(s)")
    assert FilmReviewPage.objects.filter(reviewer__name="Ada Quill").count() == 10
    rows = page.locator("input[data-bulk-action-checkbox]")
    expect(rows).to_have_count(2)  # the two left without one

    page.goto(live_server.url + "/admin/legacy/importrecord/?q=Unsigned")
    select_rows(page, ten)
    bulk(page, "Mark checked")
    page.get_by_role("button", name="Mark checked").click()
    expect(page.locator(".messages")).to_contain_text("10 record(s) marked 'Checked'")
    assert ImportRecord.objects.filter(review_state="checked").count() == 10

    # A misfiled review becomes a film review; its old URL follows it
    page.goto(live_server.url + "/admin/legacy/importrecord/?check=kind_against_folder")
    select_rows(page, ["Misfiled Review"])
    bulk(page, "Change kind")
    page.get_by_label("New kind").select_option(label="Film reviews")
    page.get_by_role("button", name="Change kind").click()
    expect(page.locator(".messages")).to_contain_text("Kind changed: 1 page(s)")
    page.goto(live_server.url + "/reviews/misfiled.htm")
    expect(page).to_have_url(re.compile(r"/film-reviews/misfiled-review/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Misfiled Review")

    # Side by side, one click from the queue
    page.goto(live_server.url + "/admin/legacy/importrecord/?q=Misfiled")
    page.get_by_role("link", name="Side by side").first.click()
    expect(page.get_by_role("heading", name="The old page", exact=True)).to_be_visible()
    old = page.frame_locator("iframe[title='The old page, as it rendered']")
    expect(old.locator("h1")).to_have_text("Misfiled Review")
    new = page.frame_locator('iframe[title="The new page\'s preview"]')
    expect(new.get_by_role("heading", level=1)).to_have_text("Misfiled Review")


@pytest.mark.parametrize("action", ["Set date", "To check", "Publish", "Unpublish"])
def test_the_more_menus_actions_open_with_the_selected_pages(
    page, live_server, site_tree, django_user_model, action
):
    """Picked as soon as the menu opens (Wagtail bound its links only once it had faded in,
    and a link followed before then opened its action with nothing selected)."""
    films = site_tree.sections["film"]
    for n in range(3):
        imported(make_film_review(films, title=f"Picked {n}", slug=f"picked-{n}"))
    imported(make_film_review(films, title="Left alone", slug="left-alone"))
    log_in_as_editor(page, live_server, django_user_model)
    page.goto(live_server.url + "/admin/legacy/importrecord/")
    select_rows(page, ["Picked 0", "Picked 1", "Picked 2"])
    page.get_by_role("button", name="More", exact=True).click()
    page.locator("[data-bulk-action-button]", has_text=re.compile(f"^\\s*{action}\\s*$")).click()
    expect(page).to_have_url(re.compile(r"[?&]id="))
    form = page.locator("main")
    for n in range(3):
        expect(form).to_contain_text(f"Picked {n}")
    expect(form).not_to_contain_text("Left alone")


def test_the_queue_shows_a_screenful_of_rows_at_1280_by_800(
    page, live_server, site_tree, django_user_model
):
    """A row is a title line and a path line (it was three to five, ~6 rows a screen), long
    titles end in an ellipsis with the whole title in the tooltip, and every column fits."""
    films = site_tree.sections["film"]
    long_title = "The Twenty-Fifth Seattle International Film Festival, Part Two"
    for n in range(14):
        film = make_film_review(films, title=f"{long_title} {n:02}", slug=f"festival-{n:02}")
        imported(film, "review_without_reviewer", "kind_outlier")
    log_in_as_editor(page, live_server, django_user_model)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + "/admin/legacy/importrecord/")
    heights = page.locator("table.listing tbody tr").evaluate_all(
        "rows => rows.map(row => row.getBoundingClientRect().height)"
    )
    assert len(heights) == 14 and max(heights) <= 60, heights
    assert page.evaluate(
        "() => { const t = document.querySelector('table.listing');"
        " return t.scrollWidth <= t.parentElement.clientWidth + 1; }"
    )
    expect(page.locator(f"span[title='{long_title} 00']")).to_have_count(1)


def test_an_editor_reimports_pages_and_follows_the_job_in_the_queue(
    page, live_server, site_tree, django_user_model, screenshot_dir, tmp_path
):
    """Re-import runs in the task worker: the queue shows the job queued, then done with
    what it did and a link to its run; a skipped page chosen with it gets its page."""
    import io

    from django.core.management import call_command

    from tests.importer.mirror import LONG_PARAGRAPHS, feature, write_mirror
    from tests.importer.test_reimport_from_queue import run_worker

    mirror = write_mirror(
        tmp_path / "mirror",
        {
            f"specials/{name}.htm": feature(name.title(), [("Light", LONG_PARAGRAPHS[0])])
            for name in ("harbour", "lighthouse", "pier")
        },
    )
    call_command(
        "import_legacy",
        str(mirror),
        "--base-url=http://www.talkingpictures.example/",
        "--section=specials/pier.htm=skip",
        "--section=specials/*=feature",
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    log_in_as_editor(page, live_server, django_user_model)
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_server.url + "/admin/legacy/importrecord/")
    select_rows(page, ["Harbour", "specials/pier.htm"])
    bulk(page, "Re-import")
    page.get_by_label("File under").select_option(label="Film reviews")
    page.get_by_role("button", name="Re-import").click()
    expect(page.locator(".messages")).to_contain_text("of 2 pages queued")
    jobs = page.locator(".legacy-jobs")
    expect(jobs).to_contain_text("Queued")

    panel_requests = []
    page.on("request", lambda r: "jobs-panel" in r.url and panel_requests.append(r.url))
    run_worker()
    expect(jobs).to_contain_text("Done")  # no reload: the panel follows its job
    polled = len(panel_requests)
    assert polled >= 1
    page.wait_for_timeout(4000)
    assert len(panel_requests) == polled  # no job pending: the polling has stopped
    expect(jobs).to_contain_text("2 re-imported, 1 converted, 0 failed")
    if os.environ.get("SCREENSHOT_DIR"):
        page.screenshot(path=str(screenshot_dir / "queue-reimport-done.png"))
    pier = ImportRecord.objects.get(source_path="specials/pier.htm")
    assert pier.status == "created" and pier.section == "film"
    jobs.get_by_role("link", name=re.compile(r"^run \d+$")).click()
    expect(page).to_have_url(re.compile(r"/admin/legacy/importrun/inspect/\d+/$"))
    page.go_back()
    jobs.get_by_role("link", name=re.compile(r"^Re-import \d+$")).click()
    expect(page.locator("main")).to_contain_text("specials/harbour.htm: Converted")
    if os.environ.get("SCREENSHOT_DIR"):
        page.screenshot(path=str(screenshot_dir / "reimport-job.png"), full_page=True)
