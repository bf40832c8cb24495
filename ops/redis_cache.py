"""Django's Redis cache, reusing one redis-py client per connection pool, and failing soft.

Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis`` for every cache call,
and each one fills a table of ~170 response callbacks: on an uncached page with a dozen cache
calls (menu, page-cache version, renditions, site root paths) that was a noticeable share of
the request. A client is only a thin, thread-safe wrapper around its pool, so one per pool
behaves exactly the same.

:class:`FailSoftRedisCache` is the one place where "Redis is down" becomes "there is no
cache": every call answers as a miss instead of raising, so pages render uncached, fragments
are computed and Wagtail looks its site up in the database. After a failure the server is
left alone for ``RETRY_AFTER`` seconds (a circuit breaker), so a dead Redis costs one
connection attempt per process every few seconds, not one per cache call. When a call
succeeds again, the recovery hooks run first (``ops.pagecache`` drops every page cached
before the outage, since publishes during it could not reach Redis).
"""

import contextlib
import logging
import threading
import time
from collections.abc import Callable, Iterator
from contextvars import ContextVar

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# What redis-py raises when the server is unreachable, hung or restarting.
CACHE_ERRORS = (RedisError, OSError)
DEFAULT_RETRY_AFTER = 5.0
_raising: ContextVar[bool] = ContextVar("cache_raising", default=False)
_recovery_hooks: list[Callable[[], None]] = []


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}  # id(pool) → client

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class ReusingRedisCache(RedisCache):
    """``django.core.cache.backends.redis.RedisCache`` with :class:`ReusingRedisCacheClient`."""

    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient


class Breaker:
    """Whether one Redis server is usable, shared by every alias and thread of a process."""

    def __init__(self, retry_after: float) -> None:
        self.retry_after = retry_after
        self.open_until = 0.0  # monotonic time before which the server is not tried
        self.recovery_pending = False  # an outage was seen; run the hooks on the next success
        self.lock = threading.Lock()

    def is_open(self) -> bool:
        return time.monotonic() < self.open_until

    def trip(self, error: BaseException) -> None:
        if not self.recovery_pending:
            logger.warning("cache unavailable, serving without it", extra={"error": repr(error)})
        self.open_until = time.monotonic() + self.retry_after
        self.recovery_pending = True

    def recovered(self) -> bool:
        """True once per outage, for the caller that must run the recovery hooks."""
        with self.lock:
            pending, self.recovery_pending = self.recovery_pending, False
        return pending


_breakers: dict[str, Breaker] = {}


def on_recovery(hook: Callable[[], None]) -> None:
    """Run ``hook()`` when a cache server answers again after failing (once per outage)."""
    if hook not in _recovery_hooks:
        _recovery_hooks.append(hook)


@contextlib.contextmanager
def raising() -> Iterator[None]:
    """Cache errors raise inside this block, breaker or not: for the health check and for
    writes whose failure must be known (a content-version bump)."""
    token = _raising.set(True)
    try:
        yield
    finally:
        _raising.reset(token)


def _fail_soft(name: str, fallback: Callable[..., object]):
    def method(self, *args, **kwargs):
        strict = _raising.get()
        if self._breaker.is_open() and not strict:
            return fallback(*args, **kwargs)
        try:
            result = getattr(ReusingRedisCache, name)(self, *args, **kwargs)
        except CACHE_ERRORS as error:
            self._breaker.trip(error)
            if strict:
                raise
            return fallback(*args, **kwargs)
        if self._breaker.recovered():
            self._run_recovery_hooks()
            # What this call read may predate the recovery (a pre-outage version): a miss.
            return fallback(*args, **kwargs) if name in _READS else result
        return result

    method.__name__ = name
    return method


def _default(key, default=None, version=None):
    return default


def _missing_key(key, *args, **kwargs):
    # What Django's incr raises for a missing key: without a cache, every key is missing.
    raise ValueError(f"Key {key!r} not found (cache unavailable)")


_READS = {"get", "get_many", "has_key"}


class FailSoftRedisCache(ReusingRedisCache):
    """:class:`ReusingRedisCache` that answers "no cache" while Redis is unreachable.

    ``RETRY_AFTER`` (seconds, beside ``LOCATION``) is how long a failed server is left alone.
    """

    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        retry_after = float(params.get("RETRY_AFTER", DEFAULT_RETRY_AFTER))
        self._breaker = _breakers.setdefault(str(server), Breaker(retry_after))

    def _run_recovery_hooks(self) -> None:
        logger.warning("cache reachable again, dropping what was cached before the outage")
        for hook in _recovery_hooks:
            try:
                with raising():
                    hook()
            except CACHE_ERRORS:  # down again: the hooks run on the next recovery
                return

    get = _fail_soft("get", _default)
    get_many = _fail_soft("get_many", lambda keys, version=None: {})
    has_key = _fail_soft("has_key", lambda key, version=None: False)
    add = _fail_soft("add", lambda *args, **kwargs: False)
    set = _fail_soft("set", lambda *args, **kwargs: None)
    set_many = _fail_soft("set_many", lambda data, *args, **kwargs: list(data))
    touch = _fail_soft("touch", lambda *args, **kwargs: False)
    delete = _fail_soft("delete", lambda *args, **kwargs: False)
    delete_many = _fail_soft("delete_many", lambda *args, **kwargs: None)
    clear = _fail_soft("clear", lambda: None)

    incr = _fail_soft("incr", _missing_key)
