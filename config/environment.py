"""Reading production configuration from the environment (twelve-factor style).

Kept out of the settings module so each piece can be tested with a plain dict.
"""

import os
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit


def env_bool(name: str, default: bool, environ: Mapping[str, str] = os.environ) -> bool:
    value = environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int, environ: Mapping[str, str] = os.environ) -> int:
    value = environ.get(name, "").strip()
    return int(value) if value else default


def env_list(name: str, default: str = "", environ: Mapping[str, str] = os.environ) -> list[str]:
    return [item.strip() for item in environ.get(name, default).split(",") if item.strip()]


@dataclass(frozen=True)
class SiteURL:
    """Where readers reach the site (SITE_URL): the one source of every absolute URL."""

    scheme: str
    hostname: str
    port: int

    @property
    def origin(self) -> str:
        default_port = {"http": 80, "https": 443}[self.scheme]
        port = "" if self.port == default_port else f":{self.port}"
        return f"{self.scheme}://{self.hostname}{port}"


def parse_site_url(value: str) -> SiteURL:
    """``http://127.0.0.1:8000`` or ``https://magazine.example``; ValueError saying what is
    wrong otherwise. Wagtail's Site tells the scheme by its port (443 is https, any other
    http), so https must be on 443 and http not on it."""
    parts = urlsplit(value.strip())
    example = "e.g. SITE_URL=https://magazine.example or http://127.0.0.1:8000"
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ValueError(f"SITE_URL must be an http(s) URL with a host, not {value!r} ({example})")
    if parts.path.strip("/") or parts.query or parts.fragment or parts.username:
        raise ValueError(f"SITE_URL is the site's origin only, no path: {value!r} ({example})")
    try:
        port = parts.port or {"http": 80, "https": 443}[parts.scheme]
    except ValueError:
        raise ValueError(f"SITE_URL has an invalid port: {value!r} ({example})") from None
    if (parts.scheme == "https") != (port == 443):
        raise ValueError(
            f"SITE_URL {value!r}: https is served on port 443 and http on any other port "
            "(Wagtail's Site derives the scheme of absolute URLs from the port)"
        )
    return SiteURL(scheme=parts.scheme, hostname=parts.hostname, port=port)


def redis_caches(redis_url: str) -> dict:
    """Every cache in one Redis (sessions and login failures live in the database, so Redis
    holds nothing that may not be evicted); renditions get their own alias as Wagtail expects.

    Fail-soft (ops.redis_cache): Redis down means "no cache", never an error page. A short
    connect timeout and the breaker's RETRY_AFTER keep a dead Redis from costing seconds per
    request; run it with ``maxmemory`` and ``maxmemory-policy allkeys-lru`` (docs/deployment.md).
    """
    redis = {
        "BACKEND": "ops.redis_cache.FailSoftRedisCache",
        "LOCATION": redis_url,
        "TIMEOUT": 600,
        "RETRY_AFTER": 5,  # seconds a failed Redis is left alone before the next try
        "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
    }
    return {
        "default": {**redis, "KEY_PREFIX": "tp"},
        "renditions": {**redis, "KEY_PREFIX": "tp-renditions", "TIMEOUT": 60 * 60 * 24},
    }


def caches_without_redis(location: str) -> dict:
    """Without Redis: a cache on local disk that every gunicorn worker of this host shares.

    Not a per-process one (LocMem): other workers could not invalidate it, so a publish would
    stay unseen on them. On disk, one worker's version bump (ops.invalidation) reaches all of
    them, which is what a single-host (SQLite) site needs; several hosts need Redis.
    """
    return {
        "default": {
            # Django's file cache without its per-write folder scan and rewrites of unchanged
            # values (Wagtail stores each rendition on every use): ops/disk_cache.py.
            "BACKEND": "ops.disk_cache.DiskCache",
            "LOCATION": location,
            "TIMEOUT": 600,
            "OPTIONS": {"MAX_ENTRIES": 20_000, "CULL_EVERY": 200},
        }
    }


def media_storage(environ: Mapping[str, str] = os.environ) -> dict:
    """Local disk unless AWS_STORAGE_BUCKET_NAME names an S3-compatible bucket.

    Credentials are not read here: boto3 finds AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY
    (or an instance role) itself.
    """
    bucket = environ.get("AWS_STORAGE_BUCKET_NAME", "")
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options = {
        "bucket_name": bucket,
        "file_overwrite": False,  # two editors uploading "poster.jpg" must not clash
        "default_acl": None,
        "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", False, environ),
    }
    for option, name in [
        ("endpoint_url", "AWS_S3_ENDPOINT_URL"),
        ("region_name", "AWS_S3_REGION_NAME"),
        ("custom_domain", "AWS_S3_CUSTOM_DOMAIN"),
        ("location", "AWS_LOCATION"),
    ]:
        if environ.get(name):
            options[option] = environ[name]
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


def frontend_cache_backends(environ: Mapping[str, str] = os.environ) -> dict:
    """WAGTAILFRONTENDCACHE from FRONTEND_CACHE_* variables; empty when no CDN is used."""
    kind = environ.get("FRONTEND_CACHE_BACKEND", "").strip().lower()
    backends = {
        "cloudflare": lambda: {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": environ["FRONTEND_CACHE_CLOUDFLARE_TOKEN"],
            "ZONEID": environ["FRONTEND_CACHE_CLOUDFLARE_ZONEID"],
        },
        "cloudfront": lambda: {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudfrontBackend",
            "DISTRIBUTION_ID": environ["FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID"],
        },
        # Varnish, Fastly-style or any cache that accepts an HTTP PURGE request.
        "http": lambda: {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": environ["FRONTEND_CACHE_LOCATION"],
        },
    }
    if not kind:
        return {}
    if kind not in backends:
        raise ValueError(f"FRONTEND_CACHE_BACKEND must be one of {sorted(backends)}, not {kind!r}")
    return {"default": backends[kind]()}
