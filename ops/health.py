"""`/healthz`: is this app server able to serve? Checks the database and the cache, nothing else.

Cheap on purpose (one `SELECT 1` and one cache round trip, no page tree), because load
balancers call it every few seconds and the benchmark uses it as its baseline.
"""

import logging
import os
import socket
import threading
import time

from django.core.cache import cache
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache

from ops.redis_cache import raising

logger = logging.getLogger(__name__)


def check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def probe_key() -> str:
    # One key per worker thread on each machine: with a shared key, two workers probing at
    # once would read each other's token and report a healthy cache as broken.
    return f"healthz:{socket.gethostname()}:{os.getpid()}:{threading.get_ident()}"


def check_cache() -> None:
    key, token = probe_key(), str(time.monotonic_ns())
    # The pages fail soft when Redis is down; this check must see the real error (and,
    # past the breaker, notice at once when Redis is back).
    with raising():
        cache.set(key, token, timeout=30)
        value = cache.get(key)
    if value != token:
        raise RuntimeError("cache did not return the value just written")


CHECKS = {"database": check_database, "cache": check_cache}


def run_checks() -> dict[str, str]:
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:  # noqa: BLE001 - any failure means "unhealthy", never a 500
            logger.error(
                "health check %s failed", name, extra={"check": name, "error": repr(error)}
            )
            results[name] = f"error: {type(error).__name__}"
        else:
            results[name] = "ok"
    return results


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    checks = run_checks()
    healthy = all(result == "ok" for result in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": checks}, status=200 if healthy else 503
    )
