from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_safe

from wagtail.contrib.sitemaps import views as sitemaps

from ops.pagecache import accept_parameter
from ops.sites import absolute_url

# The admin is no business of crawlers; search results are endless near-duplicates.
DISALLOWED_PATHS = ("/admin/", "/django-admin/", "/search/")


@require_safe
def favicon(request: HttpRequest) -> HttpResponse:
    """Browsers and feed readers ask for /favicon.ico whatever the page links: send them to
    the static file (its hashed name in production, so it can be cached for long)."""
    return redirect(static("favicon.ico"))


@require_safe  # GET and HEAD: monitors and link checkers send HEAD
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in DISALLOWED_PATHS)]
    lines.append(f"Sitemap: {absolute_url(request, reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def sitemap_section(request: HttpRequest, **kwargs) -> HttpResponse:
    """Wagtail's sitemap view; its ``?p=`` page is part of the page cache's key (a page that
    does not exist answers 404, which is never stored)."""
    accept_parameter(request, "p", request.GET.get("p"))
    return sitemaps.sitemap(request, **kwargs)
