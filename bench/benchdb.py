"""A database of the benchmark's own: never the project's db.sqlite3 or DATABASE_URL itself.

Also the environment in which the server benchmarks run the data generator on that database.
"""

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit


def bench_database_url(prefix: str) -> tuple[str, str | None]:
    """(URL to use, PostgreSQL database to create): ``<name>_bench`` or a temp SQLite file."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        parts = urlsplit(url)
        name = parts.path.strip("/").removesuffix("_bench") + "_bench"
        return urlunsplit(parts._replace(path=f"/{name}")), name
    handle, path = tempfile.mkstemp(prefix=prefix, suffix=".sqlite3")
    os.close(handle)
    return f"sqlite:///{path}", None


def postgres_admin(url: str, statement: str) -> None:
    """Run a statement (CREATE/DROP DATABASE) on the server's maintenance database."""
    import psycopg

    admin_url = urlunsplit(urlsplit(url)._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(statement)


def create_bench_database(url: str, postgres_name: str | None) -> None:
    """A fresh, empty PostgreSQL database (a temp SQLite file needs nothing)."""
    if postgres_name:
        postgres_admin(url, f'DROP DATABASE IF EXISTS "{postgres_name}"')
        postgres_admin(url, f'CREATE DATABASE "{postgres_name}"')


def discard_bench_database(url: str, postgres_name: str | None) -> None:
    if postgres_name:
        postgres_admin(url, f'DROP DATABASE IF EXISTS "{postgres_name}"')
    else:
        Path(urlsplit(url).path).unlink(missing_ok=True)


def generator_env(server_env: dict[str, str]) -> dict[str, str]:
    """``server_env`` with the development settings, for ``generate_archive``: the generator is
    in the development-only demo app, which production settings do not install. Database,
    media and search index are the server's (DATABASE_URL, MEDIA_ROOT, SEARCH_URL)."""
    return {**server_env, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}


def setup_django(database_url: str) -> None:
    """Django with the test settings on the benchmark's database, answering any host."""
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.conf import settings

    settings.ALLOWED_HOSTS = ["*"]


@contextmanager
def bench_database(prefix: str, *, keep: bool = False) -> Iterator[str]:
    """A fresh benchmark database with Django set up on it (its URL); dropped when done,
    unless ``keep``."""
    url, postgres_name = bench_database_url(prefix)
    create_bench_database(url, postgres_name)
    setup_django(url)
    from django.db import connection

    try:
        yield url
    finally:
        connection.close()
        if keep:
            print(f"  kept {url}")
        else:
            discard_bench_database(url, postgres_name)
