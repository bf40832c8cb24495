"""Shared fixtures: a real page tree in a real database, built the way the site builds it."""

import datetime
import tempfile
from pathlib import Path

import pytest

from home.tree import SiteTree, ensure_site_tree
from ops.pagecache import bump_version
from reviews.models import ArticlePage, BookReviewPage, Contributor, FilmReviewPage, WorkCreator


def use_a_file_for_sqlite_test_database() -> None:
    """Give the live server its own SQLite connection instead of sharing the test's.

    With SQLite's in-memory test database the live server's threads share the test thread's
    connection; a request still in flight while a test's data is flushed and restored can then
    roll that restore back. A file database gives each thread a connection of its own.
    """
    from django.db import connections

    settings = connections["default"].settings_dict
    if settings["ENGINE"].endswith("sqlite3") and not settings["TEST"].get("NAME"):
        directory = tempfile.mkdtemp(prefix="talkingpictures-browser-db-")
        settings["TEST"]["NAME"] = str(Path(directory) / "test.sqlite3")


def pytest_collection_modifyitems(config, items):
    # Tests that send simultaneous requests to the live server need connections of their own.
    if any("live_server" in getattr(item, "fixturenames", ()) for item in items):
        use_a_file_for_sqlite_test_database()


@pytest.fixture(autouse=True)
def fresh_content_version():
    """Rolled-back tests leave cached fragments (menu, site) behind in a cache that outlives
    them; a new content version per test makes every test start from what its database holds."""
    bump_version()


@pytest.fixture
def site_tree(db) -> SiteTree:
    return ensure_site_tree(hostname="testserver")


@pytest.fixture
def contributor(db) -> Contributor:
    return Contributor.objects.create(name="Howard Schumann", bio="Reviewer since 2001.")


def publish(parent, page, *, live: bool = True):
    """Add ``page`` under ``parent`` as an editor would: a revision, published unless a draft."""
    page.live = live
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    page.refresh_from_db()
    return page


def make_film_review(
    section,
    *,
    title="Never Let Me Go",
    directors=("Mark Romanek",),
    countries="U.K.",
    year=2010,
    reviewer=None,
    body=None,
    live=True,
    date=datetime.date(2011, 3, 1),
    **fields,
) -> FilmReviewPage:
    page = film_review(
        title=title,
        directors=directors,
        countries=countries,
        year=year,
        reviewer=reviewer,
        date=date,
        body=body or [("paragraph", f"<p>A review of {title}.</p>")],
        **fields,
    )
    return publish(section, page, live=live)


def film_review(*, directors=("Mark Romanek",), **fields) -> FilmReviewPage:
    """An unsaved film review with its directors, for tests that add it their own way."""
    return FilmReviewPage(creators=[WorkCreator(name=name) for name in directors], **fields)


def make_book_review(
    section,
    *,
    title="The Remains of the Day",
    authors=("Kazuo Ishiguro",),
    publisher="Faber and Faber",
    year=1989,
    pages=245,
    reviewer=None,
    body=None,
    date=datetime.date(2011, 3, 1),
    **fields,
) -> BookReviewPage:
    page = BookReviewPage(
        title=title,
        publisher=publisher,
        year=year,
        pages=pages,
        reviewer=reviewer,
        date=date,
        body=body or [("paragraph", f"<p>A review of {title}.</p>")],
        creators=[WorkCreator(name=name) for name in authors],
        **fields,
    )
    return publish(section, page)


def make_article(
    section,
    *,
    title="Festival news",
    author=None,
    body=None,
    date=datetime.date(2010, 11, 12),
    **fields,
) -> ArticlePage:
    page = ArticlePage(
        title=title,
        author=author,
        date=date,
        body=body or [("paragraph", f"<p>{title}.</p>")],
        **fields,
    )
    return publish(section, page)


BROWSER_SKIP_PREFIX = "browser tests skipped: "


def pytest_unconfigure(config):
    """After pytest's own last line: one line saying how many browser tests were skipped, why
    and how to install what they need (tests/browser/conftest.py skips them with that prefix)."""
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    if reporter is None:
        return
    reasons = [
        report.longrepr[2]
        for report in reporter.stats.get("skipped", [])
        if isinstance(report.longrepr, tuple) and BROWSER_SKIP_PREFIX in report.longrepr[2]
    ]
    if reasons:
        why = reasons[0].split(BROWSER_SKIP_PREFIX, 1)[1]
        reporter.write_line(f"{len(reasons)} browser tests skipped: {why}, then make test again.")
