"""Caching pieces of a page (the menu, say) until the next publish, for every visitor.

Keys carry the page cache's content version (ops.pagecache), so whatever invalidates cached
pages invalidates these fragments too; no separate purge list to keep in step. They carry the
release as well (``ops.pagecache.release``): a deploy never reads the last release's. Without a
shared cache (Redis down, or none configured) every fragment is simply computed.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

from ops.pagecache import current_version, page_cache, release, setting

T = TypeVar("T")
_UNPINNED = object()
# The version read once for the request: an int, None (no cache: compute everything), or
# _UNPINNED outside a request.
_pinned_version: ContextVar[object] = ContextVar("pinned_content_version", default=_UNPINNED)


@contextmanager
def one_content_version() -> Iterator[None]:
    """Read the content version once for a whole request: every fragment of the page then
    comes from the same published state, for one cache round trip instead of one each."""
    token = _pinned_version.set(current_version())
    try:
        yield
    finally:
        _pinned_version.reset(token)


def content_cached(name: str, key: object, compute: Callable[[], T]) -> T:
    """``compute()`` once per published state of the site, shared by all app servers."""
    version = _pinned_version.get()
    if version is _UNPINNED:
        version = current_version()
    if version is None:
        return compute()
    cache = page_cache()
    full_key = f"fragment:{release()}:{name}:{version}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, setting("PAGE_CACHE_TIMEOUT"))
    return value
