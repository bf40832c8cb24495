"""Production: every secret and host comes from the environment; nothing insecure by default.

Required: SECRET_KEY, SITE_URL (where readers reach the site), DATABASE_URL; REDIS_URL for
more than one host.
Optional: AWS_STORAGE_BUCKET_NAME (+ AWS_*) for S3-compatible media, FRONTEND_CACHE_* for
a CDN, SEARCH_URL for OpenSearch, and the tuning knobs below. See docs/deployment.md.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from csp.constants import NONE, SELF, UNSAFE_INLINE

from config.database import database_settings
from config.environment import (
    caches_without_redis,
    env_bool,
    env_int,
    env_list,
    frontend_cache_backends,
    media_storage,
    parse_site_url,
    redis_caches,
)

from .base import *  # noqa: F403


def required(name: str) -> str:
    value = os.environ.get(name, "")
    if not value:
        raise ImproperlyConfigured(f"Set the {name} environment variable (docs/deployment.md).")
    return value


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = required("SECRET_KEY")
SITE_URL = required("SITE_URL")
try:
    _site_url = parse_site_url(SITE_URL)
except ValueError as error:
    raise ImproperlyConfigured(str(error)) from None
WAGTAILADMIN_BASE_URL = _site_url.origin
# The site's own host is always allowed; ALLOWED_HOSTS adds others (127.0.0.1 for probes).
ALLOWED_HOSTS = list(dict.fromkeys([_site_url.hostname, *env_list("ALLOWED_HOSTS")]))
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# --- Database: persistent, health-checked connections (one per gunicorn worker) -------------
# The same SQLite options as every other environment (config/database.py).
DATABASES = {
    "default": database_settings(
        required("DATABASE_URL"),
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}

# --- Cache and sessions: shared Redis so any app server can answer any request -----------------
REDIS_URL = os.environ.get("REDIS_URL", "")
# Without Redis, a cache on disk shared by this host's workers (not LocMem, which goes stale
# on the other workers); CACHE_DIR must be a folder of its own, emptied with the database.
CACHES = (
    redis_caches(REDIS_URL)
    if REDIS_URL
    else caches_without_redis(os.environ.get("CACHE_DIR", str(BASE_DIR / "cache")))  # noqa: F405
)
# Sessions in the database only: a Redis outage or restart logs nobody out, a logout made
# while Redis was down cannot be revived from a stale cached copy, and Redis may evict
# anything. Only editors and page-password visitors have sessions (readers get cached pages).
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# --- Static files (WhiteNoise, hashed + compressed) and media (disk or S3) ----------------------
STORAGES = {
    "default": media_storage(),
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
SERVE_MEDIA_FROM_DISK = env_bool(
    "SERVE_MEDIA_FROM_DISK", STORAGES["default"]["BACKEND"].endswith("FileSystemStorage")
)
WHITENOISE_MAX_AGE = env_int("STATIC_MAX_AGE", 60 * 60)  # hashed names get a year anyway

# --- Whole-page cache for anonymous readers (ops.pagecache) -------------------------------------
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", bool(REDIS_URL))
PAGE_CACHE_TIMEOUT = env_int("PAGE_CACHE_TIMEOUT", 600)
# Browsers cannot be purged, so they may keep a page only a few seconds.
PAGE_CACHE_BROWSER_MAX_AGE = env_int("PAGE_CACHE_BROWSER_MAX_AGE", 5)
# A CDN is purged on publish (frontend_cache), so it may keep pages longer.
WAGTAILFRONTENDCACHE = frontend_cache_backends()
PAGE_CACHE_SHARED_MAX_AGE = env_int("CDN_MAX_AGE", 300 if WAGTAILFRONTENDCACHE else 0)
# Beyond the page and its ancestors, a CDN purge on publish also drops these URLs.
FRONTEND_CACHE_EXTRA_PATHS = env_list(
    "FRONTEND_CACHE_EXTRA_PATHS", "feed/,feed/atom/,sitemap.xml,sitemap-pages.xml"
)
FRONTEND_CACHE_SECTION_PATHS = env_list("FRONTEND_CACHE_SECTION_PATHS", "feed/,feed/atom/,a-z/")
PAGE_CACHE_EXCLUDED_PREFIXES = ["/admin/", "/django-admin/", "/documents/", "/healthz"]
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.contrib.frontend_cache"]  # noqa: F405

# --- Middleware: base order, with the production layers slotted in ------------------------------
MIDDLEWARE = [*MIDDLEWARE]  # noqa: F405
_after_security = MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1
MIDDLEWARE[_after_security:_after_security] = [
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "ops.security.SiteAndAdminCSPMiddleware",
    # Before sessions: a cache hit skips sessions, routing and the page tree entirely.
    "ops.pagecache.AnonymousPageCacheMiddleware",
]

# --- HTTPS and security headers -----------------------------------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # load balancers probe over plain HTTP
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
SESSION_COOKIE_HTTPONLY = True
# DENY everywhere; Wagtail's preview views set SAMEORIGIN themselves for the editor's iframe.
X_FRAME_OPTIONS = "DENY"
# No third-party requests from the admin (the CSP would block them anyway).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

MEDIA_HOSTS = [f"https://{host}" for host in env_list("AWS_S3_CUSTOM_DOMAIN")]
if os.environ.get("AWS_S3_ENDPOINT_URL"):
    MEDIA_HOSTS.append(os.environ["AWS_S3_ENDPOINT_URL"])
VIDEO_PLAYERS = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *MEDIA_HOSTS],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, *VIDEO_PLAYERS],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# What the Wagtail admin needs on top, found by driving it in Chromium with violation
# reporting (tests/production/test_admin_csp_browser.py): the page editor writes inline
# <script> elements (InlinePanel, date pickers) and its widgets inject <style> elements;
# blob: serves image previews on upload; its preview iframe needs frame-ancestors 'self'.
CSP_ADMIN_PATH_PREFIXES = ["/admin/", "/django-admin/"]
CSP_ADMIN_REPLACE = {
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:", *MEDIA_HOSTS],
    "frame-ancestors": [SELF],
}

# --- Logging: one JSON object per line on stdout, for the platform's log collector --------------
LOGGING = {
    **LOGGING,  # noqa: F405
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        }
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json",
        }
    },
}
