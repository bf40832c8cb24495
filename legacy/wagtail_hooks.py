"""Editors' view of the import: the review queue of per-page records and the runs
(``legacy/review.py``), and the queue's bulk actions."""

from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .review import LegacyImportGroup

register_snippet(LegacyImportGroup)


@hooks.register("insert_global_admin_css")
def review_queue_css() -> str:
    return format_html('<link rel="stylesheet" href="{}">', static("legacy/review.css"))
