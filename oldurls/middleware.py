"""Old URLs in the spellings readers used: ``/Reviews/NeverLetMeGo.htm``, ``/reviews/index.html``.

Wagtail's RedirectMiddleware matches ``old_path`` exactly (case-sensitive). The importer
stores old paths lower-cased with folders as ``…/index.htm``; this middleware sits just
before Wagtail's in MIDDLEWARE, so it sees the 404 only after Wagtail found no exact match,
and then looks the old path up in its canonical spelling.
"""

from collections.abc import Callable

from django.http import (
    HttpRequest,
    HttpResponse,
    HttpResponsePermanentRedirect,
    HttpResponseRedirect,
)

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Site

from oldurls.paths import redirect_lookup_paths


class LegacyPathRedirectMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code != 404 or request.method not in ("GET", "HEAD"):
            return response
        return self.legacy_redirect(request) or response

    def legacy_redirect(self, request: HttpRequest) -> HttpResponse | None:
        candidates = redirect_lookup_paths(request.path)
        if not candidates or "\0" in request.path:
            return None
        site = Site.find_for_request(request)
        redirects = Redirect.get_for_site(site).filter(old_path__in=candidates)
        # Prefer the canonical spelling, then a site-specific redirect over an all-sites one.
        found = sorted(
            redirects.select_related("redirect_page"),
            key=lambda r: (candidates.index(r.old_path), r.site_id is None),
        )
        if not found or found[0].link is None:
            return None
        redirect = found[0]
        response_class = (
            HttpResponsePermanentRedirect if redirect.is_permanent else HttpResponseRedirect
        )
        return response_class(redirect.link)
