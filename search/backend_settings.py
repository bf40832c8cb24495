"""WAGTAILSEARCH_BACKENDS from the environment.

Kept free of Django imports: settings modules call it before Django is set up.

- No ``SEARCH_URL``: Wagtail's database backend, which picks SQLite FTS5 or PostgreSQL
  full-text search from the default database by itself.
- ``SEARCH_URL=opensearch://host:9200/talkingpictures``: OpenSearch 2 with index prefix
  ``talkingpictures``. ``elasticsearch://`` selects Elasticsearch 8. Append ``+https`` to the
  scheme for TLS (``opensearch+https://user:secret@host/``), ``?timeout=10`` for the timeout.
"""

from urllib.parse import parse_qs, urlsplit

# Wagtail's database backend (SQLite FTS5 / PostgreSQL FTS), with faster SQLite ranking.
DATABASE_BACKEND = "search.backends"
DEFAULT_INDEX_PREFIX = "talkingpictures"
DEFAULT_TIMEOUT = 5

SEARCH_ENGINES = {
    "opensearch": "wagtail.search.backends.opensearch2",
    "opensearch2": "wagtail.search.backends.opensearch2",
    "opensearch3": "wagtail.search.backends.opensearch3",
    "elasticsearch": "wagtail.search.backends.elasticsearch8",
    "elasticsearch7": "wagtail.search.backends.elasticsearch7",
    "elasticsearch8": "wagtail.search.backends.elasticsearch8",
    "elasticsearch9": "wagtail.search.backends.elasticsearch9",
}


class SearchURLError(ValueError):
    pass


def search_backends(search_url: str | None) -> dict[str, dict]:
    """The ``WAGTAILSEARCH_BACKENDS`` setting for ``search_url`` (empty: the database)."""
    if not search_url or not search_url.strip():
        return {"default": {"BACKEND": DATABASE_BACKEND, "AUTO_UPDATE": True}}
    parts = urlsplit(search_url.strip())
    engine, _, transport = parts.scheme.lower().partition("+")
    if engine not in SEARCH_ENGINES:
        known = ", ".join(sorted(SEARCH_ENGINES))
        raise SearchURLError(f"SEARCH_URL scheme {parts.scheme!r} is not one of: {known}.")
    if transport not in ("", "http", "https"):
        raise SearchURLError(f"SEARCH_URL transport {transport!r} must be http or https.")
    if not parts.hostname:
        raise SearchURLError("SEARCH_URL needs a host, e.g. opensearch://localhost:9200/site.")
    options = parse_qs(parts.query)
    try:
        timeout = int(options.get("timeout", [DEFAULT_TIMEOUT])[0])
    except ValueError as error:
        raise SearchURLError("SEARCH_URL timeout must be a whole number of seconds.") from error
    credentials = parts.netloc.rpartition("@")[0]
    host = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    port = f":{parts.port}" if parts.port else ""
    server = f"{transport or 'http'}://{credentials + '@' if credentials else ''}{host}{port}"
    return {
        "default": {
            "BACKEND": SEARCH_ENGINES[engine],
            "URLS": [server],
            "INDEX": parts.path.strip("/") or DEFAULT_INDEX_PREFIX,
            "TIMEOUT": timeout,
            "AUTO_UPDATE": True,
            "ATOMIC_REBUILD": True,
        }
    }
