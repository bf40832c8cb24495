"""DATABASES["default"] for every environment, so production and development share the
SQLite options instead of each settings module building its own (production once lost them).
"""

import dj_database_url

SQLITE_ENGINE = "django.db.backends.sqlite3"
# WAL: readers never wait for a writer (and the writer not for them). NORMAL sync is safe
# under WAL and makes each commit cheap. IMMEDIATE: a transaction takes the write lock when it
# begins, so it waits its turn (up to ``timeout`` seconds) instead of failing with "database
# is locked" when a read turns into a write while another process is writing.
SQLITE_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}


def database_settings(url: str, conn_max_age: int = 0, conn_health_checks: bool = False) -> dict:
    """The connection settings for ``url``, with the SQLite options above on SQLite.

    Options given in the URL (``sqlite:///db.sqlite3?timeout=5``) win over the defaults.
    """
    database = dj_database_url.parse(
        url, conn_max_age=conn_max_age, conn_health_checks=conn_health_checks
    )
    if database["ENGINE"] == SQLITE_ENGINE:
        database["OPTIONS"] = {**SQLITE_OPTIONS, **database.get("OPTIONS", {})}
    return database
