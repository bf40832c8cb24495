"""SEARCH_URL selects the search backend; no search server is needed to test the parsing."""

from django.conf import settings

import pytest

from search.backend_settings import DATABASE_BACKEND, SearchURLError, search_backends


@pytest.mark.parametrize("value", [None, "", "   "])
def test_no_search_url_means_the_database_backend(value):
    assert search_backends(value)["default"]["BACKEND"] == DATABASE_BACKEND


def test_the_project_uses_the_database_backend_by_default():
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == DATABASE_BACKEND


def test_opensearch_url():
    backend = search_backends("opensearch://search.internal:9200/tp-live")["default"]
    assert backend == {
        "BACKEND": "wagtail.search.backends.opensearch2",
        "URLS": ["http://search.internal:9200"],
        "INDEX": "tp-live",
        "TIMEOUT": 5,
        "AUTO_UPDATE": True,
        "ATOMIC_REBUILD": True,
    }


def test_elasticsearch_over_https_with_credentials_and_timeout():
    backend = search_backends("elasticsearch+https://user:s3cret@es.example.com/?timeout=20")
    backend = backend["default"]
    assert backend["BACKEND"] == "wagtail.search.backends.elasticsearch8"
    assert backend["URLS"] == ["https://user:s3cret@es.example.com"]
    assert backend["INDEX"] == "talkingpictures"
    assert backend["TIMEOUT"] == 20


@pytest.mark.parametrize(
    ("scheme", "module"),
    [
        ("opensearch3", "opensearch3"),
        ("elasticsearch7", "elasticsearch7"),
        ("elasticsearch9", "elasticsearch9"),
    ],
)
def test_versioned_schemes(scheme, module):
    backend = search_backends(f"{scheme}://localhost:9200")["default"]
    assert backend["BACKEND"] == f"wagtail.search.backends.{module}"


def test_ipv6_host():
    assert search_backends("opensearch://[::1]:9200/x")["default"]["URLS"] == ["http://[::1]:9200"]


@pytest.mark.parametrize(
    "url",
    [
        "solr://localhost:8983/x",
        "opensearch+ftp://localhost/x",
        "opensearch:///no-host",
        "opensearch://localhost/x?timeout=soon",
    ],
)
def test_bad_search_urls_fail_loudly(url):
    with pytest.raises(SearchURLError):
        search_backends(url)


def test_every_named_backend_module_exists():
    # find_spec, not import: the OpenSearch/Elasticsearch client libraries are optional.
    from importlib.util import find_spec

    from search.backend_settings import SEARCH_ENGINES

    for module in set(SEARCH_ENGINES.values()):
        assert find_spec(module) is not None, module


@pytest.mark.django_db
def test_database_backend_matches_the_database():
    from django.db import connection

    from wagtail.search.backends import get_search_backend

    expected = {
        "sqlite": "RankedSQLiteSearchBackend",  # search/sqlite_ranking.py
        "postgresql": "RankedPostgresSearchBackend",  # search/postgres_ranking.py
    }[connection.vendor]
    assert type(get_search_backend()).__name__ == expected
