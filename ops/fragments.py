"""Caching pieces of a page (the menu, say) until the next publish, for every visitor.

Keys carry the page cache's content version (ops.pagecache), so whatever invalidates cached
pages invalidates these fragments too; no separate purge list to keep in step.
"""

from collections.abc import Callable
from typing import TypeVar

from ops.pagecache import current_version, page_cache, setting

T = TypeVar("T")


def content_cached(name: str, key: object, compute: Callable[[], T]) -> T:
    """``compute()`` once per published state of the site, shared by all app servers."""
    cache = page_cache()
    full_key = f"fragment:{name}:{current_version()}:{key}"
    value = cache.get(full_key)
    if value is None:
        value = compute()
        cache.set(full_key, value, setting("PAGE_CACHE_TIMEOUT"))
    return value
