"""sitemap.xml: an index of sitemap pages, each listing at most ``PagesSitemap.limit`` pages.

One sitemap of the whole archive grew with it, in time and in queries (Wagtail iterates the
pages in chunks); a sitemap page here lists at most ``limit`` pages however large the archive
(figures: bench/README.md). Search engines read the index and fetch each page.
"""

from datetime import datetime

from django.db.models import Max
from django.db.models.functions import Coalesce

from wagtail.contrib.sitemaps import Sitemap
from wagtail.query import PageQuerySet

from reviews.models import readable_pages


class PagesSitemap(Sitemap):
    limit = 1000  # pages per sitemap page (the protocol allows 50,000 URLs)

    def items(self) -> PageQuerySet:
        """Wagtail's list (the site's pages in tree order), read through the listings' filter."""
        root = self.get_wagtail_site().root_page
        return readable_pages().descendant_of(root, inclusive=True).defer_streamfields().specific()

    def get_latest_lastmod(self) -> datetime | None:
        """The index's lastmod in one aggregate instead of loading every page (Django's
        default); the same fallback as Wagtail's ``lastmod``."""
        latest = Max(Coalesce("last_published_at", "latest_revision_created_at"))
        return self.items().order_by().aggregate(latest=latest)["latest"]


SITEMAPS = {"pages": PagesSitemap}
