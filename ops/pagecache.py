"""Whole-page cache for anonymous readers, shared by every app server through the cache (Redis).

Why a middleware rather than Django's per-site cache: it must decide *before* any work
(session, URL routing, page tree) whether a request is anonymous, and it must never store
or serve a response for an editor, a preview or anything personal.

Invalidation is a site-wide version number that is part of every key: publishing,
unpublishing, moving or deleting a page bumps it (see ops.invalidation), so every cached
page (the page itself, its section's listing pages, the home page, feeds, search and A-Z
pages) is dropped at once. A review shows up on many URLs whose list we could not keep
exact (pagination shifts, search results); a magazine publishes a few pages an hour,
and re-rendering a cold page costs a few milliseconds, so "drop everything" is the
simple choice that is correct by construction.

Every key also names the release (``settings.APP_RELEASE``, see ``release``): a deploy changes
templates and the classes of pickled objects, so what one release cached is never read by
the next, without a ``clear_page_cache``. The content version is shared by all releases: a
publish on a server still running the old one during a rolling deploy invalidates the new
one's pages too.
"""

import contextlib
import hashlib
import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode

from wagtail.models import Site

from ops.redis_cache import CACHE_ERRORS, on_recovery, raising

logger = logging.getLogger(__name__)

VERSION_KEY = "pagecache:version"
CACHE_STATUS_HEADER = "X-Page-Cache"
# Not 404: a random path would store a full page per path (a redirect is a few bytes).
STORED_STATUSES = {200, 301}
# Headers a shared cache must not replay, or that outer middleware adds again.
UNSTORED_HEADERS = {"set-cookie", "content-security-policy", "strict-transport-security"}
NEVER_STORE_DIRECTIVES = ("private", "no-store", "no-cache")
# Production sets these (config/settings/production.py); other environments get the defaults.
DEFAULTS = {
    "PAGE_CACHE_ALIAS": "default",
    "PAGE_CACHE_ENABLED": True,
    "PAGE_CACHE_TIMEOUT": 600,
    "PAGE_CACHE_BROWSER_MAX_AGE": 5,
    "PAGE_CACHE_SHARED_MAX_AGE": 0,
    "PAGE_CACHE_EXCLUDED_PREFIXES": ["/admin/", "/django-admin/", "/documents/", "/healthz"],
    # The query parameters some page reads (pagination, search and its filters, sitemap
    # pages): the only ones in a key. A request with any other is answered from the key
    # without them, or rendered and not stored, so junk query strings add no keys.
    "PAGE_CACHE_QUERY_PARAMETERS": [
        "page",
        "p",
        "q",
        "section",
        "kind",
        "year",
        "decade",
        "order",
    ],
}


def setting(name: str):
    return getattr(settings, name, DEFAULTS[name])


def page_cache():
    return caches[setting("PAGE_CACHE_ALIAS")]


def release() -> str:
    """The running release, part of every page and fragment key (config/settings/base.py)."""
    return settings.APP_RELEASE


def current_version() -> int | None:
    """The content version in every cache key; None when there is no shared cache to key
    on (Redis unreachable, or a DummyCache): callers then render and compute uncached."""
    # Seeded with the clock rather than 1: if Redis evicts or loses this key, the new
    # version can never equal an old one, so stale entries are never revived.
    cache = page_cache()
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns() // 1000, timeout=None)
        version = cache.get(VERSION_KEY)
    return None if version is None else int(version)


def _bump() -> None:
    cache = page_cache()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # key missing: start a fresh, larger version
        cache.add(VERSION_KEY, time.time_ns() // 1000, timeout=None)


def bump_version() -> None:
    """Make every cached page stale, on every app server at once.

    With Redis down a publish still succeeds: the failure opens the cache's breaker, and
    the first process to reach Redis again bumps the version (see ``drop_pre_outage_pages``).
    """
    try:
        with raising():
            _bump()
    except CACHE_ERRORS as error:
        logger.warning("content version not bumped", extra={"error": repr(error)})


def drop_pre_outage_pages() -> None:
    """After an outage: pages and fragments cached before it may show content published
    while Redis was unreachable (by any process), so none of them may be served."""
    _bump()
    Site.clear_site_root_paths_cache()  # Wagtail's own copy, not keyed on our version


on_recovery(drop_pre_outage_pages)


def cache_key(request: HttpRequest, version: int) -> str:
    known = setting("PAGE_CACHE_QUERY_PARAMETERS")
    # A stable sort by name only: for a repeated parameter, the value a view reads (the
    # last) stays last.
    params = sorted(
        (
            (name, value)
            for name, values in request.GET.lists()
            if name in known
            for value in values
        ),
        key=lambda item: item[0],
    )
    query = f"?{urlencode(params)}" if params else ""
    address = f"{request.scheme}://{request.get_host()}{request.path}{query}"
    digest = hashlib.blake2b(address.encode(), digest_size=20).hexdigest()
    return f"pagecache:{release()}:{version}:{digest}"


def has_unknown_parameters(request: HttpRequest) -> bool:
    known = setting("PAGE_CACHE_QUERY_PARAMETERS")
    return any(name not in known for name in request.GET)


def is_anonymous_page_request(request: HttpRequest) -> bool:
    """Decided from the request alone, without touching the session store."""
    if request.method not in ("GET", "HEAD"):
        return False
    # Anyone with a session (editors, password-protected page visitors) bypasses the cache.
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return False
    return not request.path_info.startswith(tuple(setting("PAGE_CACHE_EXCLUDED_PREFIXES")))


def is_storable(response: HttpResponse) -> bool:
    if response.status_code not in STORED_STATUSES or response.streaming:
        return False
    if response.cookies:
        return False
    vary = {value.strip().lower() for value in response.get("Vary", "").split(",") if value}
    if vary - {"accept-encoding"}:
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(directive in cache_control for directive in NEVER_STORE_DIRECTIVES)


def freeze(response: HttpResponse) -> tuple:
    headers = [(k, v) for k, v in response.items() if k.lower() not in UNSTORED_HEADERS]
    return (response.status_code, headers, response.content)


def thaw(frozen: tuple) -> HttpResponse:
    status, headers, content = frozen
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


def mark_public(response: HttpResponse) -> None:
    directives = {"public": True, "max_age": setting("PAGE_CACHE_BROWSER_MAX_AGE")}
    if setting("PAGE_CACHE_SHARED_MAX_AGE"):
        directives["s_maxage"] = setting("PAGE_CACHE_SHARED_MAX_AGE")
    patch_cache_control(response, **directives)


def mark_private(response: HttpResponse) -> None:
    if "Cache-Control" not in response:
        patch_cache_control(response, private=True, no_cache=True)


def set_cache_headers(response: HttpResponse) -> bool:
    """Public for a response any reader may share, private otherwise; True if public."""
    storable = is_storable(response)
    if storable:
        mark_public(response)
    else:
        mark_private(response)
    return storable


class AnonymousPageCacheMiddleware:
    """Serve anonymous GETs from the shared cache; everyone else gets a fresh, private page.

    Sits after SecurityMiddleware/WhiteNoise/CSP (which still add their headers on a hit)
    and before SessionMiddleware, so a hit skips sessions, routing and the page tree.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not is_anonymous_page_request(request):
            response = self.get_response(request)
            mark_private(response)
            return response
        if not setting("PAGE_CACHE_ENABLED"):
            response = self.get_response(request)
            set_cache_headers(response)
            return response
        version = current_version()
        if version is None:
            # Redis down: readers still get pages, only slower (and /healthz says 503).
            response = self.get_response(request)
            mark_private(response)
            return response
        key = cache_key(request, version)
        frozen = page_cache().get(key)
        if frozen is not None:
            response = thaw(frozen)
            response[CACHE_STATUS_HEADER] = "hit"
            return response
        return self.render_and_store(request, key)

    def render_and_store(self, request: HttpRequest, key: str) -> HttpResponse:
        response = self.get_response(request)
        # HEAD responses lose their body on the way out: only a GET may fill the cache.
        # Unknown parameters may be echoed in links ({% querystring %}): never stored.
        storable = request.method == "GET" and not has_unknown_parameters(request)
        if set_cache_headers(response) and storable:
            with contextlib.suppress(*CACHE_ERRORS):
                page_cache().set(key, freeze(response), setting("PAGE_CACHE_TIMEOUT"))
            response[CACHE_STATUS_HEADER] = "miss"
        return response
