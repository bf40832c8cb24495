"""Django's Redis cache client and redis-py: the private parts ops/redis_cache.py builds on
(``RedisCache._class``, ``RedisCacheClient._get_connection_pool`` and ``_client``);
docs/internals.md, "Django's Redis cache and redis-py"."""

import inspect
import os
import socket
import uuid
from urllib.parse import urlsplit

from django.core.cache.backends.redis import RedisCache, RedisCacheClient

import pytest
import redis

from tests.internals.fence import changed, parameters

LIBRARY = "Django's Redis cache (django.core.cache.backends.redis) / redis-py"
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/1")


def redis_reachable() -> bool:
    parts = urlsplit(REDIS_URL)
    try:
        socket.create_connection((parts.hostname, parts.port or 6379), timeout=0.5).close()
    except OSError:
        return False
    return True


needs_redis = pytest.mark.skipif(not redis_reachable(), reason=f"no Redis at {REDIS_URL}")


def test_the_client_methods_ops_redis_cache_overrides_or_calls():
    assert parameters(RedisCacheClient.__init__)[:2] == ["self", "servers"], changed(
        LIBRARY, "RedisCacheClient.__init__"
    )
    assert parameters(RedisCacheClient._get_connection_pool) == ["self", "write"], changed(
        LIBRARY, "RedisCacheClient._get_connection_pool"
    )
    signature = inspect.signature(RedisCacheClient.get_client)
    assert list(signature.parameters) == ["self", "key", "write"], changed(
        LIBRARY, "RedisCacheClient.get_client"
    )
    assert signature.parameters["write"].kind is inspect.Parameter.KEYWORD_ONLY


def test_the_client_class_is_redis_redis_and_set_per_client():
    client = RedisCacheClient(["redis://127.0.0.1:6379/1"])  # connects only when used
    assert client._client is redis.Redis, changed(LIBRARY, "RedisCacheClient._client")
    # ReusingRedisCacheClient keeps its clients in ``_clients``: a name Django must not take.
    assert not hasattr(client, "_clients"), changed(LIBRARY, "RedisCacheClient._clients")


def test_redis_cache_builds_its_client_from_the_class_in_class():
    class Marked(RedisCacheClient):
        pass

    cache = RedisCache("redis://127.0.0.1:6379/1", {})
    assert cache._class is RedisCacheClient, changed(LIBRARY, "RedisCache._class")
    cache._class = Marked  # what ReusingRedisCache.__init__ does
    assert type(cache._cache) is Marked, changed(LIBRARY, "RedisCache._class")


def test_the_methods_fail_soft_wraps_are_redis_caches_own():
    # ops/redis_cache.py calls getattr(ReusingRedisCache, name) for each of these.
    names = ["get", "get_many", "has_key", "add", "set", "set_many", "touch", "delete"]
    for name in [*names, "delete_many", "clear", "incr"]:
        assert name in vars(RedisCache), changed(LIBRARY, f"RedisCache.{name}")


@needs_redis
def test_one_client_per_pool_round_trips_through_redis():
    client = RedisCacheClient([REDIS_URL])
    pool = client._get_connection_pool(True)
    assert client._get_connection_pool(False) is pool, changed(
        LIBRARY, "RedisCacheClient._get_connection_pool"
    )
    reused = client._client(connection_pool=pool)
    assert reused.connection_pool is pool, changed(LIBRARY, "RedisCacheClient._client")
    key = f"tp-internals-{uuid.uuid4().hex}"
    try:
        client.set(key, {"title": "Ikiru"}, 30)  # Django's serializer on the way in
        raw = reused.get(key)  # redis-py straight from the pool
        assert raw is not None and client._serializer.loads(raw) == {"title": "Ikiru"}, changed(
            LIBRARY, "RedisCacheClient._client"
        )
    finally:
        reused.delete(key)
    assert client.get(key, "gone") == "gone"
