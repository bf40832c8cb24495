"""The Redis cache backend reuses one client per connection pool and behaves like Django's."""

import os
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from ops.redis_cache import ReusingRedisCache

pytestmark = pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="REDIS_URL is not set")


@pytest.fixture
def redis_cache():
    cache = ReusingRedisCache(
        os.environ.get("REDIS_URL", ""), {"KEY_PREFIX": f"tp-test-{uuid.uuid4().hex}"}
    )
    yield cache
    cache.clear()


def test_cache_operations_work_through_one_reused_client(redis_cache):
    redis_cache.set("review", {"title": "Ikiru"}, 30)
    assert redis_cache.get("review") == {"title": "Ikiru"}
    assert redis_cache.add("review", "other", 30) is False
    redis_cache.set("hits", 1, 30)
    assert redis_cache.incr("hits") == 2
    assert redis_cache.get_many(["review", "missing"]) == {"review": {"title": "Ikiru"}}
    assert redis_cache.delete("review") is True
    assert redis_cache.get("review", "gone") == "gone"
    client = redis_cache._cache
    assert client.get_client(write=True) is client.get_client(write=False)


def test_threads_share_the_client_safely(redis_cache):
    def write_and_read(number: int) -> int:
        redis_cache.set(f"key-{number}", number, 30)
        return redis_cache.get(f"key-{number}")

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(write_and_read, range(200))) == list(range(200))
