"""Lean settings for the test suite: fast hashing, memory cache and media in a temp dir."""

import os
import tempfile

from .base import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405 - demo and benchmark data
DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if os.environ.get("REDIS_URL"):
    # CI's second run shares one real Redis, as production does; a per-run prefix keeps
    # parallel runs (and pytest-xdist workers) from reading each other's keys.
    CACHES = {
        "default": {
            "BACKEND": "ops.redis_cache.ReusingRedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": f"tp-test-{os.getpid()}",
        }
    }
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = tempfile.mkdtemp(prefix="talkingpictures-test-media-")
SITE_URL = WAGTAILADMIN_BASE_URL = "http://testserver"
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# client.login() passes no request, which django-axes refuses; its own tests turn it on.
AXES_ENABLED = False
