"""Wagtail's database search backend, with relevance ranking that scales on SQLite and PostgreSQL.

``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends"}}`` picks, like
``wagtail.search.backends.database``, PostgreSQL, SQLite FTS5 or MySQL full-text search from
the default database (MySQL unchanged). What matches is unchanged; how matches are found,
ranked and counted changes:

SQLite: modelsearch 1.3 scores SQLite results with a correlated subquery that re-runs the FTS match
for every matching page: quadratic in the matches (figure: bench/README.md). Here the FTS table
alone is ranked with ``bm25()`` (title column weighted above the body, which modelsearch's
SQLite scoring does not do), only the best candidates are checked against the page filters,
and only the requested slice of pages is loaded (``search/sqlite_ranking.py``).

PostgreSQL: modelsearch joins every page to its index entry on a text column and ranks page
rows; here the index entries are matched through the GIN index, filtered by integer page id,
and only matches that pass the filters are ranked, with modelsearch's own score
(``search/postgres_ranking.py``).
"""

from django.db import connection

from modelsearch.backends.database import SearchBackend as database_search_backend


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    # Each ranking module imports its database's own modelsearch backend (psycopg for
    # PostgreSQL): only the one this database uses is imported.
    if connection.vendor == "postgresql":
        from search.postgres_ranking import RankedPostgresSearchBackend

        return RankedPostgresSearchBackend(params)
    backend = database_search_backend(params)
    if connection.vendor != "sqlite":
        return backend  # MySQL full-text search, unchanged
    from search.sqlite_ranking import RankedSQLiteSearchBackend, modelsearch_sqlite

    if isinstance(backend, modelsearch_sqlite.SQLiteSearchBackend):
        return RankedSQLiteSearchBackend(params)
    return backend  # SQLite without FTS5: modelsearch's fallback
