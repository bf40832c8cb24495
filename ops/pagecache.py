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

Query strings: a page is stored under the parameters it *read* (``request.GET`` notes every
name a view looks at, :class:`ReadNotingQueryDict`), with the values it *accepted*
(:func:`accept_parameter`, called by the views that read one). A parameter a page ignores is
not part of its key (``?q=`` on a review is answered from the review's key, and a request
carrying it is never stored); a value the view refused or corrected (``?page=abc``,
``?year=junk``, a page beyond the last) is rendered and not stored. Which names a path reads
is kept beside its pages (``reads`` key), so a request with a query string finds its key in
two reads; one without, in one.
"""

import contextlib
import hashlib
import logging
import time
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, QueryDict
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


class ReadNotingQueryDict(QueryDict):
    """``request.GET`` that notes the name of every parameter a view or template reads (or
    all of them, when it is iterated or copied): what a cached page's key depends on."""

    def __init__(self, *args, **kwargs) -> None:
        self.names_read: set[str] = set()
        super().__init__(*args, **kwargs)

    def _note_all(self) -> None:
        self.names_read.update(super().keys())

    def __getitem__(self, key):
        self.names_read.add(key)
        return super().__getitem__(key)

    def __contains__(self, key) -> bool:
        self.names_read.add(key)
        return super().__contains__(key)

    def _getlist(self, key, *args, **kwargs):
        self.names_read.add(key)
        return super()._getlist(key, *args, **kwargs)

    def __iter__(self):
        self._note_all()
        return super().__iter__()

    def keys(self):
        self._note_all()
        return super().keys()

    def items(self):
        self._note_all()
        return super().items()

    def lists(self):
        self._note_all()
        return super().lists()

    def values(self):
        self._note_all()
        return super().values()

    def urlencode(self, *args, **kwargs) -> str:
        self._note_all()
        return super().urlencode(*args, **kwargs)

    def __deepcopy__(self, memo):
        self._note_all()
        return super().__deepcopy__(memo)

    def __copy__(self):
        self._note_all()
        return super().__copy__()


def note_reads(request: HttpRequest) -> None:
    request.GET = ReadNotingQueryDict(
        request.META.get("QUERY_STRING", ""), encoding=request.encoding
    )
    request.page_cache_accepted = {}


def accept_parameter(request: HttpRequest, name: str, value) -> None:
    """Tell the page cache which value of ``?name=`` the page used: None when it was absent,
    or refused and replaced by a default. A request whose value differs is not stored."""
    accepted = getattr(request, "page_cache_accepted", None)
    if accepted is not None:
        accepted[name] = None if value is None else str(value)


def _address(request: HttpRequest) -> str:
    return f"{request.scheme}://{request.get_host()}{request.path}"


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=20).hexdigest()


def reads_key(request: HttpRequest, version: int) -> str:
    return f"pagecache:{release()}:{version}:reads:{_digest(_address(request))}"


def given(request: HttpRequest, name: str) -> list[str]:
    """The request's values of ``?name=``, read without noting it (the cache's own read)."""
    return dict.get(request.GET, name, [])


def cache_key(request: HttpRequest, version: int, names: Iterable[str] = ()) -> str:
    """The key of the page at this address with the request's values of ``names``."""
    params = [(name, value) for name in sorted(set(names)) for value in given(request, name)]
    query = f"?{urlencode(params)}" if params else ""
    return f"pagecache:{release()}:{version}:{_digest(_address(request) + query)}"


def storable_reads(request: HttpRequest) -> set[str] | None:
    """The names this page read, if its response may be stored for this request: every
    parameter given is one the page accepted, with the value it accepted. None otherwise
    (a parameter the page ignored may still be echoed in its links by {% querystring %})."""
    if not isinstance(request.GET, ReadNotingQueryDict):
        return None  # replaced by someone else: what was read is unknown
    accepted = request.page_cache_accepted
    if set(dict.keys(request.GET)) - set(accepted):
        return None
    for name, value in accepted.items():
        if given(request, name) != ([] if value is None else [value]):
            return None  # refused, corrected or repeated
    return request.GET.names_read | set(accepted)


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
        key = self.lookup_key(request, version)
        frozen = page_cache().get(key) if key else None
        if frozen is not None:
            response = thaw(frozen)
            response[CACHE_STATUS_HEADER] = "hit"
            return response
        return self.render_and_store(request, version)

    def lookup_key(self, request: HttpRequest, version: int) -> str | None:
        """Where this request's page would be: without a query string, the bare address;
        with one, the address with the parameters the page is known to read (None before
        any request has shown which)."""
        if not request.META.get("QUERY_STRING"):
            return cache_key(request, version)
        names = page_cache().get(reads_key(request, version))
        return None if names is None else cache_key(request, version, names)

    def render_and_store(self, request: HttpRequest, version: int) -> HttpResponse:
        note_reads(request)
        response = self.get_response(request)
        # HEAD responses lose their body on the way out: only a GET may fill the cache.
        names = storable_reads(request) if request.method == "GET" else None
        if set_cache_headers(response) and names is not None:
            timeout = setting("PAGE_CACHE_TIMEOUT")
            entries = {
                cache_key(request, version, names): freeze(response),
                reads_key(request, version): sorted(names),
            }
            with contextlib.suppress(*CACHE_ERRORS):
                page_cache().set_many(entries, timeout)
            response[CACHE_STATUS_HEADER] = "miss"
        return response
