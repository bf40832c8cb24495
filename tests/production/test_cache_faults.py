"""Redis down costs the cache, never the site; nothing that must be invalidated is kept where
other processes cannot invalidate it.

No fault is mocked: "down" is a cache configured at a closed port, or a redis-server of this
module's own (port 6393) shut down and started again mid-test with the data it saved, as a
restarted Redis comes back.
"""

import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

from django.contrib.auth import get_user_model
from django.test import Client, override_settings

from wagtail.models import Page, PageViewRestriction

import pytest
import redis

from ops import pagecache, redis_cache
from ops.disk_cache import DiskCache
from tests.conftest import make_film_review
from tests.production.conftest import load_production_settings

pytestmark = pytest.mark.django_db

CLOSED_PORT = 6390  # nothing listens here
OWN_PORT = 6393
RETRY_AFTER = 0.5  # the breaker's back-off, short for the test
PASSWORD = "right-password"  # noqa: S105


def fail_soft_caches(port: int) -> dict:
    cache = {
        "BACKEND": "ops.redis_cache.FailSoftRedisCache",
        "LOCATION": f"redis://127.0.0.1:{port}/0",
        "KEY_PREFIX": "tp-h2-test",
        "RETRY_AFTER": RETRY_AFTER,
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
    }
    return {"default": cache, "renditions": {**cache, "KEY_PREFIX": "tp-h2-renditions"}}


class OwnRedis:
    """A redis-server that saves its data on shutdown and loads it on start, like a restart."""

    def __init__(self, port: int, directory: Path) -> None:
        self.port, self.directory, self.process = port, directory, None

    def start(self) -> None:
        command = ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1"]
        command += ["--save", "", "--appendonly", "no", "--dir", str(self.directory)]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL)  # noqa: S603
        deadline = time.monotonic() + 10
        while not self.answers():
            assert time.monotonic() < deadline, "redis-server did not start"
            time.sleep(0.05)

    def answers(self) -> bool:
        try:
            return redis.Redis(port=self.port, socket_connect_timeout=0.2).ping()
        except redis.RedisError:
            return False

    def stop(self) -> None:
        """Shut down, saving everything (the cached pages included) for the next start."""
        redis.Redis(port=self.port).shutdown(save=True)
        self.process.wait(timeout=10)

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)


@pytest.fixture(autouse=True)
def fresh_breakers() -> Iterator[None]:
    """Each test starts with every server believed up (the breakers are per process)."""
    redis_cache._breakers.clear()
    yield
    redis_cache._breakers.clear()


@pytest.fixture
def own_redis(tmp_path) -> Iterator[OwnRedis]:
    if shutil.which("redis-server") is None:
        pytest.skip("redis-server is not installed")
    with socket.socket() as probe:
        assert probe.connect_ex(("127.0.0.1", OWN_PORT)) != 0, f"port {OWN_PORT} is in use"
    server = OwnRedis(OWN_PORT, tmp_path)
    server.start()
    yield server
    server.kill()


@pytest.fixture
def production_sessions(production_settings) -> Iterator[None]:
    with override_settings(SESSION_ENGINE=production_settings["SESSION_ENGINE"]):
        yield


@pytest.fixture
def review(site_tree):
    return make_film_review(site_tree.section_for("film"), title="Ikiru")


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("editor", "editor@example.com", PASSWORD)


def log_in(client: Client, password: str = PASSWORD):
    data = {"username": "editor", "password": password}
    return client.post("/admin/login/", data, secure=True)


def cache_status(response) -> str | None:
    return response.get("X-Page-Cache")


def wait_out_the_breaker() -> None:
    time.sleep(RETRY_AFTER + 0.1)


# -- Redis at a closed port ----------------------------------------------------------------------


@override_settings(CACHES=fail_soft_caches(CLOSED_PORT), AXES_ENABLED=True)
def test_redis_at_a_closed_port_costs_the_cache_not_the_site(
    production_stack, production_sessions, site_tree, review, editor
):
    reader = Client()
    for url in ["/", site_tree.section_for("film").url, review.url, "/search/?q=ikiru"]:
        response = reader.get(url)
        assert response.status_code == 200, url
        assert b"Ikiru" in response.content, url
        assert cache_status(response) is None and "private" in response["Cache-Control"]
    assert reader.get("/healthz").status_code == 503  # the load balancer is told

    editor_client = Client()
    assert log_in(editor_client).status_code == 302
    assert editor_client.get("/admin/", secure=True).status_code == 200
    review.title = "Ikiru (To Live)"
    review.save_revision().publish()  # the version bump cannot reach Redis: no error
    assert b"Ikiru (To Live)" in reader.get(review.url).content


@override_settings(CACHES=fail_soft_caches(CLOSED_PORT), AXES_ENABLED=True, AXES_FAILURE_LIMIT=3)
def test_login_lockout_still_holds_with_redis_down(production_stack, production_sessions, editor):
    """django-axes counts failures in the database, not in the cache."""
    client = Client()
    assert log_in(client).status_code == 302
    client.post("/admin/logout/", secure=True)
    for _ in range(3):
        log_in(client, password="wrong")
    assert log_in(client).status_code == 429


# -- Redis stopped and started again mid-test ----------------------------------------------------


def test_pages_stay_up_through_a_restart_and_caching_resumes(production_stack, own_redis, review):
    with override_settings(CACHES=fail_soft_caches(OWN_PORT)):
        reader = Client()
        assert [cache_status(reader.get(review.url)) for _ in range(2)] == ["miss", "hit"]
        own_redis.stop()
        down = reader.get(review.url)
        assert down.status_code == 200 and b"Ikiru" in down.content
        own_redis.start()
        # Within the back-off the process does not try Redis again: still uncached.
        assert cache_status(reader.get(review.url)) is None
        wait_out_the_breaker()
        # The first request back re-renders (pages from before the outage are dropped).
        assert [cache_status(reader.get(review.url)) for _ in range(2)] == ["miss", "hit"]


def test_a_publish_during_the_outage_is_not_hidden_by_pages_saved_before_it(
    production_stack, own_redis, site_tree, review
):
    section = site_tree.section_for("film")
    with override_settings(CACHES=fail_soft_caches(OWN_PORT)):
        reader = Client()
        for url in [review.url, section.url]:
            reader.get(url)
            assert cache_status(reader.get(url)) == "hit"
        own_redis.stop()
        review.title = "Ikiru (To Live)"
        review.save_revision().publish()
        assert b"Ikiru (To Live)" in reader.get(review.url).content
        own_redis.start()  # with the pages cached before the outage
        wait_out_the_breaker()
        for url in [review.url, section.url, review.url, section.url]:
            assert b"Ikiru (To Live)" in reader.get(url).content, url
        assert cache_status(reader.get(review.url)) == "hit"


def test_a_change_another_process_made_during_the_outage_is_seen(
    production_stack, own_redis, review
):
    """Another process's version bump could not reach Redis either: the first process to
    reach Redis again drops every page cached before the outage."""
    with override_settings(CACHES=fail_soft_caches(OWN_PORT)):
        reader = Client()
        reader.get(review.url)
        assert cache_status(reader.get(review.url)) == "hit"
        own_redis.stop()
        assert reader.get(review.url).status_code == 200
        Page.objects.filter(pk=review.pk).update(title="Ikiru (To Live)")  # no signal here
        own_redis.start()
        wait_out_the_breaker()
        assert b"Ikiru (To Live)" in reader.get(review.url).content


def test_editors_stay_logged_in_and_a_logout_holds_through_a_restart(
    production_stack, production_sessions, own_redis, editor
):
    with override_settings(CACHES=fail_soft_caches(OWN_PORT), AXES_ENABLED=True):
        editor_client = Client()
        assert log_in(editor_client).status_code == 302
        own_redis.stop()
        assert editor_client.get("/admin/", secure=True).status_code == 200
        old_cookie = editor_client.cookies["sessionid"].value
        editor_client.post("/admin/logout/", secure=True)
        own_redis.start()
        wait_out_the_breaker()
        replayed = Client()
        replayed.cookies["sessionid"] = old_cookie
        assert replayed.get("/admin/", secure=True).status_code == 302  # to the login page
        assert log_in(editor_client).status_code == 302
        assert editor_client.get("/admin/", secure=True).status_code == 200


# -- Nothing that must be invalidated in a per-process cache -------------------------------------


def test_a_restriction_added_by_another_process_holds_at_once(client, review):
    """bulk_create sends no signal: what this process sees of a restriction another worker,
    a shell or a restored dump added."""
    assert b"A review of Ikiru" in client.get(review.url).content
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=review, restriction_type="login")]
    )
    response = client.get(review.url)
    assert response.status_code == 302 and "login" in response["Location"]
    assert b"A review of Ikiru" not in response.content


def test_a_restriction_on_an_ancestor_covers_the_page(client, site_tree, review):
    section = site_tree.section_for("film")
    client.get(review.url)
    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=section, restriction_type="login")]
    )
    assert client.get(review.url).status_code == 302
    assert client.get(site_tree.home.url).status_code == 200


def test_production_without_redis_shares_its_cache_between_processes(
    client, site_tree, review, tmp_path
):
    """Without Redis the cache is on disk: a version bump by another worker (here, another
    cache object on the same folder, as another process has) reaches this one."""
    settings = load_production_settings(REDIS_URL="", CACHE_DIR=str(tmp_path))
    assert settings["CACHES"]["default"]["BACKEND"] == "ops.disk_cache.DiskCache"
    section = site_tree.section_for("film")
    with override_settings(CACHES=settings["CACHES"]):
        assert b"Film Reviews" in client.get("/").content  # the menu, now cached on disk
        Page.objects.filter(pk=section.pk).update(title="Films, reviewed")
        other_worker = DiskCache(str(tmp_path), {})
        other_worker.incr(pagecache.VERSION_KEY)
        assert b"Films, reviewed" in client.get(review.url).content


def test_production_profile_keeps_sessions_out_of_redis_and_fails_soft():
    settings = load_production_settings()
    assert settings["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"
    for alias in ("default", "renditions"):
        cache = settings["CACHES"][alias]
        assert cache["BACKEND"] == "ops.redis_cache.FailSoftRedisCache"
        assert cache["OPTIONS"]["socket_connect_timeout"] <= 0.5
        assert 1 <= cache["RETRY_AFTER"] <= 10
