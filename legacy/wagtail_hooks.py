"""Editors' view of the import: the review queue of per-page records and the runs
(``legacy/review.py``), and the queue's bulk actions."""

from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet

from .bulk_actions import ACTIONS
from .review import LegacyImportGroup
from .writing.convert import CONVERT_ACTION

register_snippet(LegacyImportGroup)


@hooks.register("insert_global_admin_css")
def review_queue_css() -> str:
    return format_html('<link rel="stylesheet" href="{}">', static("legacy/review.css"))


@hooks.register("register_log_actions")
def register_conversion_log(actions) -> None:
    @actions.register_action(CONVERT_ACTION)
    class ConversionFormatter(LogFormatter):
        label = "Change kind"

        def format_message(self, log_entry) -> str:
            data = log_entry.data
            return f"Converted from {data.get('from')} to {data.get('to')}"


for action in ACTIONS:
    hooks.register("register_bulk_action", action)
