"""The review queue: every imported page's record in Wagtail's own listing (a snippet
viewset, so Wagtail's bulk actions apply), with its checks, review state, filters, a sort by
severity, and CSV/XLSX export of what is filtered.

Records are written by the importer only: nobody adds, edits or deletes one by hand; the
review state is set by the bulk actions (``legacy/bulk_actions.py``).
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q, QuerySet
from django.db.models.fields.json import KT
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.views.decorators.http import require_POST

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.views.snippets import (
    IndexView,
    InspectView,
    SnippetViewSet,
    SnippetViewSetGroup,
)

import django_filters

from legacy.checks import CHECKS
from legacy.dashboard import run_dashboard
from legacy.models import (
    KIND_LABELS,
    SECTION_LABELS,
    ImportCheck,
    ImportRecord,
    ImportRun,
    JobState,
    ReimportJob,
    ReviewState,
    cluster_label,
)
from legacy.ranking import worst_first
from legacy.side_by_side import new_page, side_by_side
from legacy.tasks import run_again

FIDELITY_BANDS = {
    "perfect": ("100%", Q(fidelity__gte=1)),
    "high": ("95% to 99.9%", Q(fidelity__gte=0.95, fidelity__lt=1)),
    "low": ("below 95%", Q(fidelity__lt=0.95)),
}
LIST_COLUMNS_DEFERRED = ("original_html", "removed", "leftovers", "warnings")


class RecordPermissionPolicy(ModelPermissionPolicy):
    """Records are the importer's: view them and set their review state ("change"), never
    add or delete one by hand."""

    def user_has_permission(self, user, action: str) -> bool:
        return action not in ("add", "delete") and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions) -> bool:
        return any(self.user_has_permission(user, action) for action in actions)


for _model in (ImportRecord, ImportRun, ReimportJob):
    register_permission_policy(_model, RecordPermissionPolicy(_model), exact_class=True)


def check_choices() -> list[tuple[str, str]]:
    """Each check with the number of pages it is on, commonest first: a check on most of a
    site's pages reads as the site's pattern before anyone filters by it."""
    counts = dict(ImportCheck.objects.values_list("name").annotate(n=Count("pk")))
    ordered = sorted(CHECKS.items(), key=lambda item: -counts.get(item[0], 0))
    return [(name, f"{check.label} ({counts.get(name, 0)})") for name, check in ordered]


def cluster_choices() -> list[tuple[str, str]]:
    clusters = ImportRecord.objects.exclude(cluster="").values_list("cluster", flat=True)
    return [(name, cluster_label(name)) for name in clusters.distinct().order_by("cluster")]


class RecordFilterSet(WagtailFilterSet):
    check = django_filters.ChoiceFilter(
        label="Check",
        choices=check_choices,
        method="filter_check",
    )
    review_state = django_filters.ChoiceFilter(label="State", choices=ReviewState.choices)
    kind = django_filters.ChoiceFilter(label="Kind", choices=list(KIND_LABELS.items()))
    section = django_filters.ChoiceFilter(label="Section", choices=list(SECTION_LABELS.items()))
    cluster = django_filters.ChoiceFilter(label="Template cluster", choices=cluster_choices)
    date_source = django_filters.ChoiceFilter(
        label="Date from", choices=ImportRecord._meta.get_field("date_source").choices
    )
    date_approximate = django_filters.BooleanFilter(label="Date approximate")
    undated = django_filters.ChoiceFilter(
        label="Date",
        choices=[("yes", "No date on the old page"), ("no", "Dated by the old page")],
        method="filter_undated",
    )
    last_run = django_filters.ModelChoiceFilter(
        label="Run", queryset=ImportRun.objects.order_by("-started_at")
    )
    lost = django_filters.ChoiceFilter(
        label="Words lost",
        choices=[("yes", "Some words lost"), ("no", "Nothing lost")],
        method="filter_lost",
    )
    fidelity = django_filters.ChoiceFilter(
        label="Fidelity",
        choices=[(value, label) for value, (label, _) in FIDELITY_BANDS.items()],
        method="filter_fidelity",
    )

    class Meta:
        model = ImportRecord
        fields = [
            "check",
            "review_state",
            "kind",
            "section",
            "cluster",
            "date_source",
            "date_approximate",
            "last_run",
            "status",
        ]

    def filter_check(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(checks__name=value) if value else queryset

    def filter_undated(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value not in ("yes", "no"):
            return queryset
        return queryset.filter(undated=value == "yes")

    def filter_lost(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if value == "yes":
            return queryset.filter(words_lost__gt=0)
        return queryset.filter(words_lost=0) if value == "no" else queryset

    def filter_fidelity(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        band = FIDELITY_BANDS.get(value)
        return queryset.filter(band[1]) if band else queryset


class RecordTitleColumn(TitleColumn):
    """The page's title, and under it the old file's path."""

    cell_template_name = "legacy/admin/record_title_cell.html"

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, classname="legacy-title-cell", **kwargs)


class TemplateColumn(Column):
    """A column whose cell is its own template, given the record."""

    def __init__(self, name: str, template: str, **kwargs) -> None:
        super().__init__(name, **kwargs)
        self.cell_template_name = template

    def get_value(self, instance):
        return instance


class ReadOnlyIndexView(IndexView):
    def get_edit_url(self, instance) -> None:
        return None  # no edit form: the title opens the inspect view


def jobs_to_show(limit: int = 5) -> list[ReimportJob]:
    """The re-import jobs the queue shows above its list: those not finished, then the
    latest finished, newest first."""
    jobs = ReimportJob.objects.select_related("requested_by")
    waiting = list(jobs.exclude(state__in=[JobState.DONE, JobState.FAILED])[:limit])
    return waiting + list(jobs.filter(state__in=[JobState.DONE, JobState.FAILED])[:2])


def jobs_panel(request) -> TemplateResponse:
    """The re-import jobs panel alone: the queue reloads it while a job is pending."""
    if not request.user.has_perm("legacy.view_importrecord"):
        raise PermissionDenied
    return TemplateResponse(
        request, "legacy/admin/reimport_jobs_panel.html", {"jobs": jobs_to_show()}
    )


@require_POST
def run_job_again(request, pk: int) -> HttpResponseRedirect:
    """Queue an interrupted re-import again (its worker was killed or it ran too long)."""
    if not request.user.has_perm("legacy.change_importrecord"):
        raise PermissionDenied
    with transaction.atomic():
        job = get_object_or_404(ReimportJob.objects.select_for_update(), pk=pk)
        if not job.interrupted:
            messages.error(request, f"{job} is not interrupted: it was not run again.")
        else:
            again = run_again(job, request.user)
            messages.success(request, f"{job} queued again as re-import {again.pk}.")
    return HttpResponseRedirect(reverse("legacy_importrecord:list"))


class RecordIndexView(ReadOnlyIndexView):
    default_ordering = "-severity"
    page_title = "Review queue"

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["reimport_jobs"] = jobs_to_show()
        return context

    def get_list_buttons(self, instance) -> list:
        # No row menu: its one entry (Inspect) is the title's link, and the title cell links
        # the side-by-side view and the page editor. A row is then two lines, not three.
        return []

    def _get_title_column(self, field_name, column_class=RecordTitleColumn, **kwargs):
        return super()._get_title_column(field_name, column_class, **kwargs)

    def get_base_queryset(self) -> QuerySet:
        return (
            super()
            .get_base_queryset()
            .defer(*LIST_COLUMNS_DEFERRED)
            .annotate(first_warning=KT("warnings__0"))  # why a skipped file is no page
            .select_related("review_state_by", "page")
            .prefetch_related("checks")
        )

    def order_queryset(self, queryset: QuerySet) -> QuerySet:
        if self.ordering in ("severity", "-severity"):  # the rarest serious problems first
            return worst_first(queryset, descending=self.ordering == "-severity")
        # the path breaks ties, so that pages of equal severity keep their place between pages
        return super().order_queryset(queryset).order_by(self.ordering, "source_path")


class RecordInspectView(InspectView):
    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["checks"] = list(self.object.checks.all())
        return context


class ImportRecordViewSet(SnippetViewSet):
    model = ImportRecord
    base_url_path = "legacy/importrecord"
    admin_url_namespace = "legacy_importrecord"
    icon = "tasks"
    menu_label = "Review queue"
    menu_name = "legacy_review_queue"
    index_view_class = RecordIndexView
    index_template_name = "legacy/admin/review_queue_index.html"  # the jobs above the list
    inspect_view_class = RecordInspectView
    inspect_view_enabled = True
    inspect_template_name = "legacy/admin/importrecord_inspect.html"
    copy_view_enabled = False
    filterset_class = RecordFilterSet
    search_fields = ["source_path", "title"]
    search_backend_name = None  # the ORM's icontains: records are not in the search index
    list_per_page = 50
    list_export = [
        "source_path",
        "title",
        "kind_label",
        "section_label",
        "get_review_state_display",
        "severity_label",
        "check_labels",
        "fidelity",
        "words_source",
        "words_lost",
        "page_id",
    ]
    export_headings = {
        "source_path": "Old path",
        "title": "Title",
        "kind_label": "Kind",
        "section_label": "Section",
        "get_review_state_display": "State",
        "severity_label": "Worst check",
        "check_labels": "Checks",
        "fidelity": "Fidelity",
        "words_source": "Words on the old page",
        "words_lost": "Words lost",
        "page_id": "Page id",
    }
    export_filename = "review-queue"

    @property
    def list_display(self) -> list:
        return [
            "title",
            Column("kind_label", label="Kind", sort_key="kind", classname="legacy-nowrap"),
            Column(
                "section_label", label="Section", sort_key="section", classname="legacy-nowrap"
            ),
            TemplateColumn(
                "state",
                "legacy/admin/record_state_cell.html",
                label="State",
                sort_key="review_state",
            ),
            TemplateColumn(
                "checks",
                "legacy/admin/record_checks_cell.html",
                label="Checks",
                sort_key="severity",
            ),
            Column(
                "fidelity_percent", label="Fidelity", sort_key="fidelity", classname="legacy-num"
            ),
            TemplateColumn(
                "words",
                "legacy/admin/record_words_cell.html",
                label="Words",
                sort_key="words_lost",
            ),
        ]

    def get_urlpatterns(self) -> list:
        return [
            *super().get_urlpatterns(),
            path("side-by-side/<int:pk>/", side_by_side, name="side_by_side"),
            path("side-by-side/<int:pk>/new/", new_page, name="new_page"),
            path("jobs-panel/", jobs_panel, name="jobs_panel"),
            path("jobs/<int:pk>/run-again/", run_job_again, name="run_job_again"),
        ]


class RunDashboardView(InspectView):
    page_title = "Run dashboard"

    def get_page_subtitle(self) -> str:
        return str(self.object)

    def get_context_data(self, **kwargs) -> dict:
        context = super().get_context_data(**kwargs)
        context["dashboard"] = run_dashboard(self.object)
        return context


class ImportRunViewSet(SnippetViewSet):
    """The runs, newest first, each with its dashboard (the inspect view): read-only."""

    model = ImportRun
    base_url_path = "legacy/importrun"
    admin_url_namespace = "legacy_importrun"
    icon = "history"
    menu_label = "Import runs"
    index_view_class = ReadOnlyIndexView
    inspect_view_class = RunDashboardView
    inspect_template_name = "legacy/admin/run_dashboard.html"
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "__str__",
        "invoked_by",
        "created",
        "updated",
        "unchanged",
        "failed",
        "stopped",
    ]


class ReimportJobViewSet(SnippetViewSet):
    """Re-imports asked for in the review queue, newest first, with their state and what
    they did (the inspect view lists the pages): read-only."""

    model = ReimportJob
    base_url_path = "legacy/reimportjob"
    admin_url_namespace = "legacy_reimportjob"
    icon = "resubmit"
    menu_label = "Re-import jobs"
    index_view_class = ReadOnlyIndexView
    inspect_view_enabled = True
    inspect_template_name = "legacy/admin/reimportjob_inspect.html"
    copy_view_enabled = False
    list_display = [
        "__str__",
        TemplateColumn(
            "state", "legacy/admin/job_state_cell.html", label="State", sort_key="state"
        ),
        TemplateColumn("result", "legacy/admin/job_result_cell.html", label="Result"),
        "requested_by",
        "requested_at",
    ]


class LegacyImportGroup(SnippetViewSetGroup):
    menu_label = "Legacy import"
    menu_icon = "download"
    menu_order = 900
    items = (ImportRecordViewSet, ImportRunViewSet, ReimportJobViewSet)
