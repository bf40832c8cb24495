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

from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

VERSION_KEY = "pagecache:version"
# What the cache raises when Redis is unreachable.
CACHE_ERRORS = (RedisError, OSError)
CACHE_STATUS_HEADER = "X-Page-Cache"
STORED_STATUSES = {200, 301, 404}
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
}


def setting(name: str):
    return getattr(settings, name, DEFAULTS[name])


def page_cache():
    return caches[setting("PAGE_CACHE_ALIAS")]


def current_version() -> int:
    # Seeded with the clock rather than 1: if Redis evicts or loses this key, the new
    # version can never equal an old one, so stale entries are never revived.
    cache = page_cache()
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns() // 1000, timeout=None)
        version = cache.get(VERSION_KEY)
    return int(version)


def bump_version() -> None:
    """Make every cached page stale, on every app server at once."""
    cache = page_cache()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # key missing: start a fresh, larger version
        cache.add(VERSION_KEY, time.time_ns() // 1000, timeout=None)


def cache_key(request: HttpRequest, version: int) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.blake2b(address.encode(), digest_size=20).hexdigest()
    return f"pagecache:{version}:{digest}"


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
        try:
            key = cache_key(request, current_version())
            frozen = page_cache().get(key)
        except CACHE_ERRORS as error:
            # Redis down: readers still get pages, only slower (and /healthz says 503).
            logger.warning("page cache unavailable", extra={"error": repr(error)})
            response = self.get_response(request)
            mark_private(response)
            return response
        if frozen is not None:
            response = thaw(frozen)
            response[CACHE_STATUS_HEADER] = "hit"
            return response
        return self.render_and_store(request, key)

    def render_and_store(self, request: HttpRequest, key: str) -> HttpResponse:
        response = self.get_response(request)
        # HEAD responses lose their body on the way out: only a GET may fill the cache.
        if set_cache_headers(response) and request.method == "GET":
            with contextlib.suppress(*CACHE_ERRORS):
                page_cache().set(key, freeze(response), setting("PAGE_CACHE_TIMEOUT"))
            response[CACHE_STATUS_HEADER] = "miss"
        return response
