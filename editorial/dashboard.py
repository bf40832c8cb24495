"""Dashboard panels: what waits for an editor, what the importer flagged, and my drafts.

Each panel runs a fixed, small number of queries, however many pages the site has.
"""

from collections.abc import Mapping
from typing import Any

from django.apps import apps
from django.db.models import Q, QuerySet

from wagtail.admin.ui.components import Component
from wagtail.models import Page, TaskState, get_default_page_content_type

PANEL_ROWS = 8


class AwaitingModerationPanel(Component):
    """Pages submitted for moderation whose current task this user may approve."""

    name = "editorial_awaiting_moderation"
    template_name = "editorial/dashboard/awaiting_moderation.html"
    order = 100

    def get_context_data(self, parent_context: Mapping[str, Any]) -> dict:
        user = parent_context["request"].user
        states = self.reviewable_page_states(user)
        rows = list(states[:PANEL_ROWS])
        pages = Page.objects.in_bulk(int(state.workflow_state.object_id) for state in rows)
        return {
            "rows": [
                (state, pages[int(state.workflow_state.object_id)])
                for state in rows
                if int(state.workflow_state.object_id) in pages
            ],
            "total": states.count() if len(rows) == PANEL_ROWS else len(rows),
        }

    @staticmethod
    def reviewable_page_states(user) -> QuerySet:
        return (
            TaskState.objects.reviewable_by(user)
            .filter(workflow_state__base_content_type=get_default_page_content_type())
            .select_related("workflow_state__requested_by", "task")
            .order_by("started_at")  # oldest first: the longest wait is at the top
        )


class ImportWarningsPanel(Component):
    """The import's review queue in numbers: pages by review state and the commonest
    checks, each a link to the queue filtered by it (totals, never a sample of rows)."""

    name = "editorial_import_warnings"
    template_name = "editorial/dashboard/import_warnings.html"
    order = 160

    def get_context_data(self, parent_context: Mapping[str, Any]) -> dict:
        from legacy.dashboard import queue_totals  # only when the importer is installed

        return queue_totals()


class MyDraftsPanel(Component):
    """Pages this user owns or last edited that have changes nobody has published yet."""

    name = "editorial_my_drafts"
    template_name = "editorial/dashboard/my_drafts.html"
    order = 150

    def get_context_data(self, parent_context: Mapping[str, Any]) -> dict:
        user = parent_context["request"].user
        drafts = (
            Page.objects.filter(Q(owner=user) | Q(latest_revision__user=user))
            .filter(has_unpublished_changes=True)
            .order_by("-latest_revision_created_at", "-pk")
        )
        return {"drafts": list(drafts[:PANEL_ROWS])}


def editorial_panels_for(user) -> list[Component]:
    # The moderation panel renders nothing when there is nothing this user may approve.
    panels: list[Component] = [AwaitingModerationPanel(), MyDraftsPanel()]
    if import_records_installed() and user.has_perm("legacy.view_importrecord"):
        panels.append(ImportWarningsPanel())
    return panels


def import_records_installed() -> bool:
    return apps.is_installed("legacy")
