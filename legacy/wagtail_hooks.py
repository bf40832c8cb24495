"""Editors' view of the import: runs and per-page records in the Wagtail admin (read-only)."""

from django.contrib.admin import SimpleListFilter
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.html import format_html

from wagtail_modeladmin.helpers import PermissionHelper
from wagtail_modeladmin.options import ModelAdmin, ModelAdminGroup, modeladmin_register

from .models import ImportRecord, ImportRun

EMPTY_LIST_VALUES = Q(warnings=[]) | Q(warnings__isnull=True)


class ReadOnlyPermissionHelper(PermissionHelper):
    """Records are written by the importer only: editing them by hand would break its key."""

    def user_can_create(self, user) -> bool:
        return False

    def user_can_edit_obj(self, user, obj) -> bool:
        return False

    def user_can_delete_obj(self, user, obj) -> bool:
        return False


class ChoiceFilter(SimpleListFilter):
    """A list filter whose choices are each a label and the Q it filters by."""

    CHOICES: dict[str, tuple[str, Q]] = {}

    def lookups(self, request, model_admin):
        return [(value, label) for value, (label, _) in self.CHOICES.items()]

    def queryset(self, request, queryset: QuerySet) -> QuerySet:
        choice = self.CHOICES.get(self.value() or "")
        return queryset.filter(choice[1]) if choice else queryset


class HasWarningsFilter(ChoiceFilter):
    title = "warnings"
    parameter_name = "has_warnings"
    CHOICES = {
        "yes": ("Has warnings", ~EMPTY_LIST_VALUES),
        "no": ("No warnings", EMPTY_LIST_VALUES),
    }


class CheckKindFilter(ChoiceFilter):
    """Pages the importer placed by their content against their folder (legacy/README.md)."""

    title = "kind to check"
    parameter_name = "check_kind"
    CHOICES = {"yes": ("Kind to check", Q(warnings__icontains="check kind"))}


class UndatedFilter(ChoiceFilter):
    """Pages whose old page prints no date: dated today or by the file (legacy/README.md)."""

    title = "date"
    parameter_name = "undated"
    CHOICES = {
        "yes": ("No date on the old page", Q(undated=True)),
        "no": ("Dated by the old page", Q(undated=False)),
    }


class LostWordsFilter(ChoiceFilter):
    title = "words lost"
    parameter_name = "lost"
    CHOICES = {
        "yes": ("Some words lost", Q(words_lost__gt=0)),
        "no": ("Nothing lost", Q(words_lost=0)),
    }


class FidelityFilter(ChoiceFilter):
    """Fidelity bands (legacy/README.md): 1.0 is nothing lost and no chrome kept."""

    title = "fidelity"
    parameter_name = "fidelity_band"
    CHOICES = {
        "perfect": ("1.0", Q(fidelity__gte=1)),
        "high": ("0.95 to 1.0", Q(fidelity__gte=0.95, fidelity__lt=1)),
        "low": ("below 0.95", Q(fidelity__lt=0.95)),
    }


class ImportRecordAdmin(ModelAdmin):
    model = ImportRecord
    menu_label = "Imported pages"
    menu_icon = "doc-full"
    permission_helper_class = ReadOnlyPermissionHelper
    list_display = (
        "source_path",
        "status",
        "kind",
        "warning_count",
        "fidelity",
        "words_source",
        "words_chrome",
        "words_lost",
        "page_links",
    )
    list_filter = (
        "status",
        "kind",
        HasWarningsFilter,
        CheckKindFilter,
        UndatedFilter,
        LostWordsFilter,
        FidelityFilter,
        "last_run",
    )
    search_fields = ("source_path", "title")
    list_select_related = ("page",)  # one query for the list, however many rows
    inspect_view_enabled = True
    inspect_template_name = "legacy/admin/importrecord_inspect.html"

    def get_queryset(self, request):
        # The list never shows the original HTML: leave the heavy column in the database.
        return super().get_queryset(request).defer("original_html")

    @staticmethod
    def warning_count(record: ImportRecord) -> int:
        return len(record.warnings or [])

    warning_count.short_description = "Warnings"

    @staticmethod
    def page_links(record: ImportRecord) -> str:
        return page_links(record)

    page_links.short_description = "Page"


class ImportRunAdmin(ModelAdmin):
    model = ImportRun
    menu_label = "Import runs"
    menu_icon = "history"
    permission_helper_class = ReadOnlyPermissionHelper
    list_display = (
        "__str__",
        "invoked_by",
        "created",
        "updated",
        "unchanged",
        "skipped",
        "failed",
        "finished_at",
        "stopped",
        "records_link",
    )
    inspect_view_enabled = True

    @staticmethod
    def records_link(run: ImportRun) -> str:
        url = reverse("legacy_importrecord_modeladmin_index")
        return format_html('<a href="{}?last_run__id__exact={}">Records</a>', url, run.pk)

    records_link.short_description = "Records"


class LegacyImportGroup(ModelAdminGroup):
    menu_label = "Legacy import"
    menu_icon = "download"
    menu_order = 900
    items = (ImportRecordAdmin, ImportRunAdmin)


def page_links(record: ImportRecord) -> str:
    """Edit and live links for the imported page (the page is select_related: no query)."""
    if record.page_id is None:
        return "—"
    edit_url = reverse("wagtailadmin_pages:edit", args=[record.page_id])
    live_url = record.page.url if record.page.live else None
    if live_url is None:
        return format_html('<a href="{}">Edit</a> (draft)', edit_url)
    return format_html('<a href="{}">Edit</a> · <a href="{}">Live</a>', edit_url, live_url)


modeladmin_register(LegacyImportGroup)
