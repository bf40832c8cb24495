"""Read-only panels for the page editor: the credits line as readers see it, and the old page
an imported page came from, with the importer's warnings beside it.

Kept free of model imports so ``reviews.models`` can use these panels without a cycle.
"""

from django.apps import apps
from django.urls import NoReverseMatch, reverse

from wagtail.admin.panels import Panel

IMPORT_RECORD_MODEL = "legacy.ImportRecord"


class CreditsLinePanel(Panel):
    """Shows the page's ``credits_line`` as of the last save, so editors can check the credits."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "editorial/panels/credits_line.html"

        def get_context_data(self, parent_context=None) -> dict:
            context = super().get_context_data(parent_context)
            context["credits_line"] = self.current_credits_line()
            return context

        def current_credits_line(self) -> str:
            if self.instance.pk is None:
                return ""
            return self.instance.credits_line


def import_record_for(page):
    """The importer's record for ``page``, or None (also when the importer is not installed)."""
    if page.pk is None:
        return None
    try:
        ImportRecord = apps.get_model(IMPORT_RECORD_MODEL)
    except LookupError:
        return None
    return ImportRecord.objects.filter(page_id=page.pk).order_by("-updated_at").first()


def import_record_inspect_url(record) -> str:
    """The importer's own inspect view for the record, when its admin registers one."""
    return import_record_url(record, "inspect")


def import_record_url(record, view: str) -> str:
    """A view of the importer's review queue for the record ("inspect", "side_by_side")."""
    try:
        return reverse(f"legacy_importrecord:{view}", args=[record.pk])
    except NoReverseMatch:
        return ""


class ImportedSourcePanel(Panel):
    """For imported pages: the old HTML and the importer's warnings, while the page is fixed.

    Hidden for pages that were not imported and for people who may not view import records.
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "editorial/panels/imported_source.html"

        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.record = self.find_record()

        def find_record(self):
            if not self.request.user.has_perm("legacy.view_importrecord"):
                return None
            return import_record_for(self.instance)

        def is_shown(self) -> bool:
            return self.record is not None

        def get_context_data(self, parent_context=None) -> dict:
            context = super().get_context_data(parent_context)
            context["record"] = self.record
            context["inspect_url"] = import_record_inspect_url(self.record)
            context["side_by_side_url"] = import_record_url(self.record, "side_by_side")
            return context
