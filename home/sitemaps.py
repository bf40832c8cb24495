"""sitemap.xml: an index of sitemap pages, each listing at most ``PagesSitemap.limit`` pages.

One sitemap of the whole archive grew with it, in time and in queries (Wagtail iterates the
pages in chunks); a sitemap page here lists at most ``limit`` pages however large the archive
(figures: bench/README.md). Search engines read the index and fetch each page.
"""

from dataclasses import replace
from datetime import datetime

from django.db.models import Max
from django.db.models.functions import Coalesce
from django.http import HttpRequest
from django.template.response import TemplateResponse

from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps import views as sitemaps_views
from wagtail.query import PageQuerySet

from ops.sites import absolute_url
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


def sitemap_index(request: HttpRequest, **kwargs) -> TemplateResponse:
    """Wagtail's sitemap index, its sitemap pages on SITE_URL (Django's would name the host
    this request came in by)."""
    response = sitemaps_views.index(request, **kwargs)
    request_origin = f"{request.scheme}://{request.get_host()}"
    response.context_data["sitemaps"] = [
        replace(item, location=absolute_url(request, item.location.removeprefix(request_origin)))
        for item in response.context_data["sitemaps"]
    ]
    return response
