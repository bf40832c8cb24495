"""The bulk-action footer is Wagtail's own with its "More" menu kept mounted
(editorial/templatetags/bulk_action_tags.py); the browser test in
tests/browser/test_review_queue.py shows what that mends."""

import json
from pathlib import Path

from django.template.loader import get_template

import wagtail

HERE = Path(__file__).resolve().parents[2]
WAGTAIL_FOOTER = (
    Path(wagtail.__file__).parent / "admin/templates/wagtailadmin/bulk_actions/footer.html"
)
OURS = HERE / "editorial/templates/wagtailadmin/bulk_actions/footer.html"
# A snippet listing's footer counts in the model's words (``bulk_action_names``)
NAMES_CHANGES = [
    (
        "        {% if objects.has_other_pages %}\n",
        "        {% bulk_action_names app_label model_name item_type as names %}\n"
        "        {% if objects.has_other_pages %}\n",
    ),
    ("{{ select_all_obj_text }}", "{% firstof names.select_all select_all_obj_text %}"),
    (
        "    </div>\n</section>",
        "    </div>\n"
        '    {% if names %}{{ names.strings|json_script:"bulk-action-names" }}'
        "<script src=\"{% versioned_static 'editorial/bulk-action-names.js' %}\"></script>"
        "{% endif %}\n</section>",
    ),
]


def test_the_footer_is_wagtails_but_for_the_buttons_tag():
    """A Wagtail upgrade that changes its footer fails here, to be merged by hand."""
    theirs = WAGTAIL_FOOTER.read_text().replace(
        "{% load i18n wagtailadmin_tags %}", "{% load i18n wagtailadmin_tags bulk_action_tags %}"
    )
    theirs = theirs.replace("{% bulk_action_choices ", "{% bulk_action_buttons ")
    for wagtails, ours in NAMES_CHANGES:
        assert theirs.count(wagtails) == 1
        theirs = theirs.replace(wagtails, ours)
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


def test_a_snippet_listings_footer_counts_in_the_models_words(admin_client, db):
    html = admin_client.get("/admin/legacy/importrecord/").content.decode()
    footer = html.split("data-bulk-action-footer")[1].split("</section>")[0]
    strings = json.loads(footer.split('id="bulk-action-names"')[1].split(">")[1].split("<")[0])
    assert strings == {
        "SINGULAR": "1 import record selected",
        "PLURAL": "%(objects)s import records selected",
        "ALL": "All %(objects)s import records on this screen selected",
        "ALL_IN_LISTING": "All import records in listing selected",
    }
    assert "editorial/bulk-action-names" in footer and "snippet" not in footer


def test_other_listings_keep_wagtails_words(admin_client, db):
    from wagtail.models import Page

    root = Page.objects.filter(depth=2).first() or Page.objects.get(depth=1)
    html = admin_client.get(f"/admin/pages/{root.pk}/").content.decode()
    assert "data-bulk-action-footer" in html and "bulk-action-names" not in html
