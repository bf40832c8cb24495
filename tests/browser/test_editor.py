"""An editor changes a review in Wagtail's admin, publishes it and sees it on the site."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.content import log_in_as_editor

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_editor_edits_publishes_and_sees_the_change(
    page, live_server, magazine, django_user_model
):
    log_in_as_editor(page, live_server, django_user_model)

    page.goto(f"{live_server.url}/admin/pages/{magazine.review.pk}/edit/")
    title = page.locator("#id_title")
    title.fill("The Quiet Harbour Revisited")
    # Publish lives in the footer's action menu, behind the "More actions" toggle.
    publish = page.locator("button[name='action-publish']")
    if not publish.is_visible():
        page.locator(
            "footer [aria-label='More actions'], footer .w-dropdown__toggle"
        ).first.click()
    publish.click()
    expect(page.locator(".messages")).to_contain_text("published")

    page.goto(live_server.url + magazine.review.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("The Quiet Harbour Revisited")
    expect(page).to_have_title(re.compile("The Quiet Harbour Revisited"))
