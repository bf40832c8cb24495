"""Which Wagtail site a request is for, looked up once per published state, not per request.

Wagtail finds the site with a query on every request (hostname, port, default site), then
loads the root page's specific row to route from it. Both change only when a site or a page
is saved, which changes the content version (ops.invalidation), so they are kept with it;
the cached (pickled) Site is a fragment, so its key names the release too (ops.fragments).
"""

from django.conf import settings
from django.http import HttpRequest
from django.http.request import split_domain_port

from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from ops.fragments import content_cached, one_content_version
from ops.pagecache import setting


class CachedSiteMiddleware:
    """Sets ``request._wagtail_site``, where ``Site.find_for_request`` looks first, and reads
    the content version once for the whole request (``ops.fragments.one_content_version``)."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        # Not for the admin, documents or the health check (which must not need the cache).
        if request.path.startswith(tuple(setting("PAGE_CACHE_EXCLUDED_PREFIXES"))):
            return self.get_response(request)
        with one_content_version():  # the site and the page's fragments: one published state
            request._wagtail_site = site_for(request)
            return self.get_response(request)


def site_for(request: HttpRequest) -> Site | None:
    # get_host() validates the Host header against ALLOWED_HOSTS: no key for arbitrary names.
    hostname, port = split_domain_port(request.get_host())[0], request.get_port()
    return content_cached("site", f"{hostname}:{port}", lambda: _lookup(hostname, port))


def _lookup(hostname: str, port: str) -> Site | None:
    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None
    site.root_page = site.root_page.specific  # routing starts here: no query for it later
    return site


def absolute_url(request: HttpRequest, path: str) -> str:
    """``path`` on the site readers reach (its Site's root URL, set from SITE_URL), not on
    whatever host this request came in by (a proxy's, a health checker's)."""
    site = Site.find_for_request(request)
    return f"{site.root_url if site else settings.WAGTAILADMIN_BASE_URL}{path}"
