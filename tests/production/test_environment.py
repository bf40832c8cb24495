"""Production configuration read from the environment: media storage, CDN purging."""

from unittest import mock

from django.test import override_settings

from wagtail.models import Site

import pytest

from config.environment import env_bool, frontend_cache_backends, media_storage
from tests.conftest import make_film_review


def test_media_on_local_disk_unless_a_bucket_is_named():
    assert media_storage({})["BACKEND"].endswith("FileSystemStorage")
    storage = media_storage(
        {"AWS_STORAGE_BUCKET_NAME": "media", "AWS_S3_ENDPOINT_URL": "https://objects.example"}
    )
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "media"
    assert storage["OPTIONS"]["endpoint_url"] == "https://objects.example"
    assert storage["OPTIONS"]["file_overwrite"] is False


@pytest.mark.parametrize(
    ("environ", "backend"),
    [
        ({}, None),
        (
            {
                "FRONTEND_CACHE_BACKEND": "cloudflare",
                "FRONTEND_CACHE_CLOUDFLARE_TOKEN": "token",
                "FRONTEND_CACHE_CLOUDFLARE_ZONEID": "zone",
            },
            "CloudflareBackend",
        ),
        (
            {
                "FRONTEND_CACHE_BACKEND": "cloudfront",
                "FRONTEND_CACHE_CLOUDFRONT_DISTRIBUTION_ID": "E1",
            },
            "CloudfrontBackend",
        ),
        (
            {"FRONTEND_CACHE_BACKEND": "http", "FRONTEND_CACHE_LOCATION": "http://127.0.0.1:6081"},
            "HTTPBackend",
        ),
    ],
)
def test_frontend_cache_backend_from_environment(environ, backend):
    backends = frontend_cache_backends(environ)
    if backend is None:
        assert backends == {}
    else:
        assert backends["default"]["BACKEND"].endswith(backend)


def test_unknown_frontend_cache_backend_is_refused():
    with pytest.raises(ValueError, match="FRONTEND_CACHE_BACKEND"):
        frontend_cache_backends({"FRONTEND_CACHE_BACKEND": "akamia"})


def test_env_bool():
    assert env_bool("X", True, {}) is True
    assert env_bool("X", True, {"X": "false"}) is False
    assert env_bool("X", False, {"X": "yes"}) is True


@pytest.mark.django_db
@override_settings(
    WAGTAILFRONTENDCACHE={
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://127.0.0.1:6081",
        }
    },
    FRONTEND_CACHE_SECTION_PATHS=["feed/", "a-z/"],
    FRONTEND_CACHE_EXTRA_PATHS=["feed/", "sitemap.xml"],
)
def test_publishing_purges_the_listing_pages_from_the_cdn(site_tree):
    with mock.patch(
        "wagtail.contrib.frontend_cache.backends.HTTPBackend.purge_batch"
    ) as purge_batch:
        make_film_review(site_tree.section_for("film"), title="Ikiru")
    purged = {url for call in purge_batch.call_args_list for url in call.args[0]}
    root = Site.objects.get(is_default_site=True).root_url
    expected = ["/", "/film-reviews/", "/film-reviews/feed/", "/film-reviews/a-z/", "/feed/"]
    assert {root + path for path in [*expected, "/sitemap.xml"]} <= purged
