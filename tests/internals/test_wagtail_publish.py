"""Wagtail: what the importer's revision-publish shortcut (legacy/writing/pages.py
``validated_once``, ``_already_validated`` and ``publish``, used by legacy/writing/writer.py)
relies on; docs/internals.md, "Wagtail: the importer's revision-publish shortcut"."""

from wagtail.models import Page

import pytest

from home.models import StandardPage
from tests.internals.fence import changed, parameters

LIBRARY = "Wagtail"
WHAT = "the importer's revision-publish shortcut"


def test_the_save_and_publish_signatures_the_importer_calls():
    assert "clean" in parameters(Page.save), changed(LIBRARY, f"{WHAT} (Page.save clean=)")
    assert {"clean", "log_action"} <= set(parameters(Page.save_revision)), changed(
        LIBRARY, f"{WHAT} (save_revision clean=)"
    )
    assert parameters(Page.publish)[:2] == ["self", "revision"], changed(
        LIBRARY, f"{WHAT} (Page.publish)"
    )
    assert "log_action" in parameters(Page.publish), changed(LIBRARY, f"{WHAT} (Page.publish)")


@pytest.mark.django_db
def test_saving_and_publishing_validate_through_the_instances_full_clean(site_tree):
    page = StandardPage(title="Ikiru", slug="ikiru", live=True)
    cleaned, built = [], []
    page.full_clean = lambda *args, **kwargs: cleaned.append("full_clean")
    site_tree.home.add_child(instance=page)  # treebeard → Page.save(clean=True)
    assert cleaned == ["full_clean"], changed(LIBRARY, f"{WHAT} (Page.save calls full_clean)")

    revision = page.save_revision(clean=False)
    assert cleaned == ["full_clean"], changed(LIBRARY, f"{WHAT} (save_revision clean=False)")

    def as_object():
        built.append("as_object")
        return page

    revision.as_object = as_object
    page.publish(revision)
    # The publish action took its object from this very revision instance, and saved it.
    assert built == ["as_object"], changed(LIBRARY, f"{WHAT} (publish uses as_object)")
    assert cleaned == ["full_clean"] * 2, changed(LIBRARY, f"{WHAT} (publish saves the object)")
    assert (page.live, page.live_revision_id) == (True, revision.pk), changed(
        LIBRARY, f"{WHAT} (publish updates the object)"
    )
    del page.full_clean, revision.as_object
    stored = Page.objects.get(pk=page.pk)
    assert (stored.live_revision_id, stored.has_unpublished_changes) == (revision.pk, False), (
        changed(LIBRARY, f"{WHAT} (publish saves the object)")
    )
