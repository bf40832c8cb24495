"""`manage.py clear_page_cache`: make every cached page and fragment stale (after a deploy)."""

from django.core.management.base import BaseCommand

from ops.pagecache import bump_version


class Command(BaseCommand):
    help = "Invalidate the shared page cache on every app server (bumps the content version)."

    def handle(self, *args, **options) -> None:
        bump_version()
        self.stdout.write("Page cache invalidated.")
