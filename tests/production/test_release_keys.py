"""Pages, sites and fragments cached by one release are never read by another (a deploy needs
no ``clear_page_cache``); the same release keeps reading what it cached."""

import importlib.util
import os
import uuid
from importlib import metadata
from pathlib import Path

from django.db import connection
from django.test import Client, RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext

import pytest

from ops import pagecache
from ops.fragments import content_cached
from ops.sites import site_for
from tests.conftest import make_film_review

pytestmark = pytest.mark.django_db

BASE_SETTINGS = Path(__file__).resolve().parents[2] / "config" / "settings" / "base.py"

BACKENDS = {
    "locmem": lambda: {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "redis": lambda: {
        "BACKEND": "ops.redis_cache.FailSoftRedisCache",
        "LOCATION": os.environ["REDIS_URL"],
    },
}


@pytest.fixture(params=list(BACKENDS))
def release_cache(request, production_stack):
    """The test's cache, empty: local memory, and the real Redis when REDIS_URL is set."""
    if request.param == "redis" and not os.environ.get("REDIS_URL"):
        pytest.skip("REDIS_URL is not set")
    # A fresh prefix instead of clear(): the Redis database is shared with other runs.
    backend = {**BACKENDS[request.param](), "KEY_PREFIX": f"tp-release-{uuid.uuid4().hex}"}
    with override_settings(CACHES={"default": backend}):
        yield


def release(name: str):
    return override_settings(APP_RELEASE=name)


def cache_status(response) -> str | None:
    return response.get(pagecache.CACHE_STATUS_HEADER)


def test_a_page_cached_by_one_release_is_a_miss_for_the_next(release_cache, site_tree):
    review = make_film_review(site_tree.section_for("film"), title="Ikiru")
    reader = Client()
    with release("1111111"):
        assert cache_status(reader.get(review.url)) == "miss"
        assert cache_status(reader.get(review.url)) == "hit"
    with release("2222222"):
        assert cache_status(reader.get(review.url)) == "miss"
        assert cache_status(reader.get(review.url)) == "hit"
    with release("1111111"):  # the content version is shared: the old release's page stands
        assert cache_status(reader.get(review.url)) == "hit"


def test_a_fragment_cached_by_one_release_is_computed_again_by_the_next(release_cache):
    computed = []

    def menu() -> str:
        computed.append(1)
        return f"menu #{len(computed)}"

    with release("1111111"):
        assert content_cached("menu", "home", menu) == "menu #1"
        assert content_cached("menu", "home", menu) == "menu #1"
    with release("2222222"):
        assert content_cached("menu", "home", menu) == "menu #2"
        assert content_cached("menu", "home", menu) == "menu #2"
    with release("1111111"):
        assert content_cached("menu", "home", menu) == "menu #1"
    assert len(computed) == 2


def site_queries(request) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert site_for(request) is not None
    return sum('FROM "wagtailcore_site"' in query["sql"] for query in queries.captured_queries)


def test_a_site_cached_by_one_release_is_looked_up_again_by_the_next(release_cache, site_tree):
    request = RequestFactory().get("/", HTTP_HOST="testserver")
    with release("1111111"):
        assert (site_queries(request), site_queries(request)) == (1, 0)
    with release("2222222"):
        assert (site_queries(request), site_queries(request)) == (1, 0)
    with release("1111111"):
        assert site_queries(request) == 0


def base_settings_release() -> str:
    """APP_RELEASE as config/settings/base.py computes it afresh from this environment."""
    spec = importlib.util.spec_from_file_location("fresh_base_settings", BASE_SETTINGS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.APP_RELEASE


def test_the_release_comes_from_the_environment_else_the_installed_version(monkeypatch):
    monkeypatch.setenv("APP_RELEASE", " 3f2c1ab ")
    assert base_settings_release() == "3f2c1ab"
    monkeypatch.delenv("APP_RELEASE")
    assert base_settings_release() == metadata.version("talking-pictures")
