"""Shared fixtures: a real page tree in a real database, built the way the site builds it."""

import datetime

import pytest

from home.tree import SiteTree, ensure_site_tree
from ops.pagecache import bump_version
from reviews.models import ArticlePage, BookReviewPage, Contributor, FilmReviewPage, WorkCreator


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
