from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from editorial.passwords import authenticate_with_password
from home.feeds import SiteAtomFeed, SiteFeed
from home.sitemaps import SITEMAPS, sitemap_index
from home.views import favicon, robots_txt, sitemap_section
from ops.health import healthz
from ops.media import media_urlpatterns
from reviews.contributor_views import contributor_detail
from search import views as search_views

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("search/", search_views.search, name="search"),
    path("healthz", healthz, name="healthz"),
    path("feed/", SiteFeed(), name="feed_rss"),
    path("feed/atom/", SiteAtomFeed(), name="feed_atom"),
    path(
        "sitemap.xml",
        sitemap_index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemap_section, {"sitemaps": SITEMAPS}, name="sitemap_section"),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("favicon.ico", favicon, name="favicon"),
    path("contributors/<str:slug>/", contributor_detail, name="contributor"),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    # Wagtail's page-password view behind a lockout; the same path, so it shadows Wagtail's.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        authenticate_with_password,
    ),
]

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
if settings.DEBUG or getattr(settings, "SERVE_MEDIA_FROM_DISK", False):
    # Production on one machine without object storage: the app serves uploads itself.
    urlpatterns += media_urlpatterns()

# Wagtail serves everything else from the page tree; keep it last.
urlpatterns += [path("", include(wagtail_urls))]
