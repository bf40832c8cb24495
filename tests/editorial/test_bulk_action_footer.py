"""The bulk-action footer is Wagtail's own with its "More" menu kept mounted
(editorial/templatetags/bulk_action_tags.py); the browser test in
tests/browser/test_review_queue.py shows what that mends."""

from pathlib import Path

from django.template.loader import get_template

import wagtail

HERE = Path(__file__).resolve().parents[2]
WAGTAIL_FOOTER = (
    Path(wagtail.__file__).parent / "admin/templates/wagtailadmin/bulk_actions/footer.html"
)
OURS = HERE / "editorial/templates/wagtailadmin/bulk_actions/footer.html"


def test_the_footer_is_wagtails_but_for_the_buttons_tag():
    """A Wagtail upgrade that changes its footer fails here, to be merged by hand."""
    theirs = WAGTAIL_FOOTER.read_text().replace(
        "{% load i18n wagtailadmin_tags %}", "{% load i18n wagtailadmin_tags bulk_action_tags %}"
    )
    theirs = theirs.replace("{% bulk_action_choices ", "{% bulk_action_buttons ")
    assert OURS.read_text() == theirs
    assert Path(get_template("wagtailadmin/bulk_actions/footer.html").origin.name) == OURS


def test_the_more_menu_is_in_the_footer_before_it_is_opened(admin_client, db):
    html = admin_client.get("/admin/legacy/importrecord/").content.decode()
    footer = html.split("data-bulk-action-footer")[1].split("</section>")[0]
    assert 'data-w-dropdown-keep-mounted-value="true"' in footer
    assert "/admin/bulk/legacy/importrecord/set_date/" in footer


def test_no_bulk_delete_is_offered_where_nobody_may_delete(admin_client, db):
    records = admin_client.get("/admin/legacy/importrecord/").content.decode()
    assert "/admin/bulk/legacy/importrecord/delete/" not in records  # the importer's
    assert "/admin/bulk/legacy/importrecord/set_date/" in records  # the others stay


def test_bulk_delete_stays_where_the_policy_allows_it(admin_user):
    from editorial.templatetags.bulk_action_tags import deletes_nothing

    assert deletes_nothing(admin_user, "legacy", "importrecord")
    assert deletes_nothing(admin_user, "legacy", "importrun")
    assert not deletes_nothing(admin_user, "wagtailcore", "page")  # pages: Wagtail's own
