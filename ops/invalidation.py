"""Keep caches truthful: whatever changes what readers see drops the cached pages.

Two layers: the shared page cache (a version bump, see ops.pagecache) and, when one is
configured, a CDN in front (wagtail.contrib.frontend_cache purges the page's own URLs on
publish/unpublish; we add the pages that list it: its section and the home page, plus
paths from FRONTEND_CACHE_EXTRA_PATHS such as feeds).
"""

import logging

from django.apps import apps
from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from ops.pagecache import bump_version

logger = logging.getLogger(__name__)

# Models whose changes show on public pages without a page being (re)published.
CONTENT_MODELS = [
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",
    "wagtailredirects.Redirect",
    "wagtailimages.Image",
    "reviews.Contributor",
]


def invalidate_pages() -> None:
    """Bump now, and again once the transaction commits.

    The second bump closes a race: a reader who rendered the old content between the
    first bump and the commit would otherwise have stored it under the new version.
    """
    bump_version()
    transaction.on_commit(bump_version, robust=True)


def on_page_changed(sender, instance: Page, **kwargs) -> None:
    invalidate_pages()
    purge_listing_pages(instance)


def on_page_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page) and instance.live:
        invalidate_pages()


def on_content_changed(sender, **kwargs) -> None:
    invalidate_pages()


def purge_listing_pages(page: Page) -> None:
    """Ask the CDN to drop the pages that list ``page`` (its own URL Wagtail purges itself)."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    # Imported only where a CDN is configured: the frontend_cache app is optional.
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    ancestors = list(page.get_ancestors().filter(depth__gt=1).specific(defer=True))
    batch.add_pages(ancestors)
    parent_url = ancestors[-1].get_full_url() if ancestors else None
    if parent_url:  # the section's own feeds and A-Z list the page too
        batch.add_urls(parent_url + path for path in settings.FRONTEND_CACHE_SECTION_PATHS)
    for root_url in {site.root_url for site in apps.get_model("wagtailcore.Site").objects.all()}:
        batch.add_urls(f"{root_url}/{path}" for path in settings.FRONTEND_CACHE_EXTRA_PATHS)
    batch.purge()


def connect_signals() -> None:
    page_published.connect(on_page_changed, dispatch_uid="ops.page_published")
    page_unpublished.connect(on_page_changed, dispatch_uid="ops.page_unpublished")
    post_page_move.connect(on_page_changed, dispatch_uid="ops.post_page_move")
    post_delete.connect(on_page_deleted, dispatch_uid="ops.page_deleted")
    for label in CONTENT_MODELS:
        model = apps.get_model(label)
        post_save.connect(on_content_changed, sender=model, dispatch_uid=f"ops.save.{label}")
        post_delete.connect(on_content_changed, sender=model, dispatch_uid=f"ops.delete.{label}")
