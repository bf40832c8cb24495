"""A database of the benchmark's own: never the project's db.sqlite3 or DATABASE_URL itself."""

import os
import tempfile
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
