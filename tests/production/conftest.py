"""Production settings, loaded for real, mounted over the test settings where a test needs them."""

import importlib
import os
import secrets
import sys
import tempfile
from pathlib import Path

from django.test import override_settings

import pytest

from ops import pagecache

REPO = Path(__file__).resolve().parents[2]

# What an operator must set; the values are local but shaped like the real thing.
PRODUCTION_ENV = {
    "SECRET_KEY": secrets.token_urlsafe(50),
    "ALLOWED_HOSTS": "testserver,magazine.example",
    "SITE_URL": "https://magazine.example",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/tp_prod",
    "REDIS_URL": "redis://127.0.0.1:6379/3",
}

# Set by test tooling (Playwright tests); a real deployment never has them.
TEST_ONLY_VARIABLES = ("DJANGO_ALLOW_ASYNC_UNSAFE",)


def deployment_environ(**env: str) -> dict[str, str]:
    """This process's environment as a deployed server would see it, plus ``env``."""
    environ = {k: v for k, v in os.environ.items() if k not in TEST_ONLY_VARIABLES}
    return {
        **environ,
        **PRODUCTION_ENV,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        # Without Redis the cache lives on disk: each deployment its own, as its database is.
        "CACHE_DIR": tempfile.mkdtemp(prefix="tp-cache-"),
        **env,
    }


# The settings that shape what a production response looks like, copied onto the test settings.
MOUNTED_SETTINGS = [
    "MIDDLEWARE",
    "CONTENT_SECURITY_POLICY",
    "CSP_ADMIN_PATH_PREFIXES",
    "CSP_ADMIN_REPLACE",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY",
    "SECURE_CROSS_ORIGIN_OPENER_POLICY",
    "X_FRAME_OPTIONS",
    "WAGTAIL_GRAVATAR_PROVIDER_URL",
    "WAGTAIL_ENABLE_UPDATE_CHECK",
    "PAGE_CACHE_TIMEOUT",
    "PAGE_CACHE_BROWSER_MAX_AGE",
    "PAGE_CACHE_EXCLUDED_PREFIXES",
]

# Pages a reader sees, with a review titled "Ikiru" published under Film Reviews.
READER_URLS = [
    "/",
    "/film-reviews/",
    "/film-reviews/ikiru/",
    "/search/?q=ikiru",
]


def load_production_settings(**env: str) -> dict:
    """Execute config/settings/production.py afresh with PRODUCTION_ENV (+ ``env``)."""
    name = "config.settings.production"
    saved_env, saved_module = dict(os.environ), sys.modules.pop(name, None)
    os.environ.update({**PRODUCTION_ENV, **env})
    try:
        module = importlib.import_module(name)
        return {key: getattr(module, key) for key in dir(module) if key.isupper()}
    finally:
        sys.modules.pop(name, None)
        if saved_module is not None:
            sys.modules[name] = saved_module
        os.environ.clear()
        os.environ.update(saved_env)


@pytest.fixture(scope="session")
def production_settings() -> dict:
    return load_production_settings()


@pytest.fixture
def production_stack(production_settings):
    """The production middleware and headers over the test database and (locmem) cache.

    WhiteNoise is kept out: it needs collectstatic output, which the test run has not made.
    """
    mounted = {key: production_settings[key] for key in MOUNTED_SETTINGS}
    mounted["MIDDLEWARE"] = [
        entry for entry in mounted["MIDDLEWARE"] if not entry.startswith("whitenoise.")
    ]
    with override_settings(**mounted, PAGE_CACHE_ENABLED=True, PAGE_CACHE_ALIAS="default"):
        # A version bump empties the page cache without flushing a Redis shared with others.
        pagecache.bump_version()
        yield
        pagecache.bump_version()
