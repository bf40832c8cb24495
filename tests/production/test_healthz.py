"""/healthz answers 200 when the database and the cache work, 503 with the reason otherwise."""

from django.db import OperationalError
from django.test import override_settings

import pytest

from ops import health

BROKEN_REDIS = {
    "default": {
        "BACKEND": "ops.redis_cache.ReusingRedisCache",
        # Nothing listens on port 1: a real connection failure, not a mock.
        "LOCATION": "redis://127.0.0.1:1/0",
        "OPTIONS": {"socket_connect_timeout": 0.2},
    }
}


@pytest.mark.django_db
def test_healthy(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):  # cheap: SELECT 1, no page tree
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "checks": {"database": "ok", "cache": "ok"}}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_cache_down_is_503(client):
    with override_settings(CACHES=BROKEN_REDIS):
        response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "error"
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["cache"].startswith("error")


@pytest.mark.django_db
def test_database_down_is_503(client, monkeypatch):
    def refuse_connection():
        raise OperationalError("connection refused")

    monkeypatch.setattr(health.connection, "cursor", refuse_connection)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"] == {"database": "error: OperationalError", "cache": "ok"}


@pytest.mark.django_db
def test_fail_soft_cache_down_is_still_503_with_the_real_error(client):
    """The pages treat a dead Redis as "no cache"; the health check must not."""
    fail_soft = {**BROKEN_REDIS["default"], "BACKEND": "ops.redis_cache.FailSoftRedisCache"}
    with override_settings(
        CACHES={"default": {**fail_soft, "LOCATION": "redis://127.0.0.1:6390/0"}}
    ):
        for _ in range(2):  # the second probe, inside the back-off, still tries for real
            response = client.get("/healthz")
            assert response.status_code == 503
            assert response.json()["checks"]["cache"] == "error: ConnectionError"
