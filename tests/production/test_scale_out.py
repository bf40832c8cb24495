"""Scale-out profile: app servers keep no state of their own.

The settings test checks every kind of state goes to a shared service. The two-server test
starts two real gunicorn servers on one PostgreSQL database and one Redis (it needs both,
so it runs in CI's PostgreSQL + Redis pass) and shows that a session, a cached page and
an invalidation made through one server hold on the other.
"""

import os
import subprocess
import sys
from collections.abc import Iterator

import pytest

from search.backend_settings import search_backends
from tests.production.conftest import REPO, deployment_environ, load_production_settings
from tests.production.servers import Browser, on_the_server, start_gunicorn, stop_gunicorn

SCALE_OUT_ENV = {
    "REDIS_URL": "redis://cache.internal:6379/0",
    "AWS_STORAGE_BUCKET_NAME": "talkingpictures-media",
    "AWS_S3_CUSTOM_DOMAIN": "media.talkingpictures.example",
    "SEARCH_URL": "opensearch://search.internal:9200/talkingpictures",
}


def test_every_kind_of_state_lives_in_a_shared_service():
    settings = load_production_settings(**SCALE_OUT_ENV)
    assert settings["DATABASES"]["default"]["ENGINE"] == "django.db.backends.postgresql"
    assert {alias: c["BACKEND"] for alias, c in settings["CACHES"].items()} == {
        "default": "ops.redis_cache.FailSoftRedisCache",
        "renditions": "ops.redis_cache.FailSoftRedisCache",
    }
    # In the database only: Redis holds nothing that may not be lost or evicted.
    assert settings["SESSION_ENGINE"] == "django.contrib.sessions.backends.db"
    assert settings["STORAGES"]["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert settings["SERVE_MEDIA_FROM_DISK"] is False
    # Base settings read SEARCH_URL (search.backend_settings): an external index when set.
    search = search_backends(SCALE_OUT_ENV["SEARCH_URL"])["default"]["BACKEND"]
    assert "opensearch" in search
    assert settings["PAGE_CACHE_ENABLED"] is True
    # Hashed static names come from the build, identical on every server.
    assert "Manifest" in settings["STORAGES"]["staticfiles"]["BACKEND"]


def test_without_redis_the_page_cache_stays_off():
    """A per-process cache could not be invalidated on the other servers."""
    settings = load_production_settings(REDIS_URL="")
    assert settings["PAGE_CACHE_ENABLED"] is False


# -- Two real app servers ---------------------------------------------------------------------

SHARED_DB = "postgres://postgres@127.0.0.1:5432/tp_prod"
needs_services = pytest.mark.skipif(
    not (
        os.environ.get("REDIS_URL") and os.environ.get("DATABASE_URL", "").startswith("postgres")
    ),
    reason="needs PostgreSQL (DATABASE_URL) and Redis (REDIS_URL), as in CI's second pass",
)

SEED_SITE = """
from django.contrib.auth import get_user_model
from home.tree import ensure_site_tree
from tests.conftest import make_film_review
tree = ensure_site_tree(hostname="127.0.0.1")
make_film_review(tree.section_for("film"), title="Ikiru")
get_user_model().objects.create_superuser("editor", "editor@example.com", "pw-scale-out")
"""
REPUBLISH = """
from reviews.models import FilmReviewPage
page = FilmReviewPage.objects.get(slug="ikiru")
page.title = "Ikiru (To Live)"
page.save_revision().publish()
"""


@pytest.fixture(scope="module")
def shared_services(tmp_path_factory) -> Iterator[dict]:
    on_the_server("DROP DATABASE IF EXISTS tp_prod WITH (FORCE)", "CREATE DATABASE tp_prod")
    env = deployment_environ(
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=SHARED_DB,
        REDIS_URL=os.environ["REDIS_URL"],
        MEDIA_ROOT=str(tmp_path_factory.mktemp("shared-media")),
        # Every server gets the same built static files, as from one deployment image.
        STATIC_ROOT=str(tmp_path_factory.mktemp("collected-static")),
        SECURE_SSL_REDIRECT="false",
        SECURE_COOKIES="false",
        LOG_LEVEL="WARNING",
        WEB_CONCURRENCY="1",
        PYTHONPATH=str(REPO),
    )
    manage = [sys.executable, "manage.py"]
    for command in (
        ["migrate", "--noinput", "-v", "0"],
        ["collectstatic", "--noinput", "-v", "0"],
        ["shell", "-c", SEED_SITE],
    ):
        subprocess.run([*manage, *command], cwd=REPO, env=env, check=True)
    yield env
    on_the_server("DROP DATABASE IF EXISTS tp_prod WITH (FORCE)")  # leave the server as found


@pytest.fixture(scope="module")
def two_servers(shared_services):
    servers = [start_gunicorn(shared_services, port) for port in (8771, 8772)]
    yield [f"http://127.0.0.1:{port}" for port in (8771, 8772)]
    for process in servers:
        stop_gunicorn(process)


@needs_services
def test_a_session_made_on_one_server_works_on_the_other(two_servers):
    server_a, server_b = two_servers
    browser = Browser()
    browser.log_in(server_a, "editor", "pw-scale-out")
    assert browser.get(f"{server_b}/admin/").status == 200


@needs_services
def test_cache_and_invalidation_are_shared_by_all_servers(two_servers, shared_services):
    server_a, server_b = two_servers
    reader = Browser()
    review = "/film-reviews/ikiru/"
    assert reader.get(server_a + review).headers["X-Page-Cache"] == "miss"
    assert reader.get(server_b + review).headers["X-Page-Cache"] == "hit"
    subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", REPUBLISH],
        cwd=REPO,
        env=shared_services,
        check=True,
    )
    for server in (server_a, server_b):
        assert b"Ikiru (To Live)" in reader.get(server + review).read(), server
