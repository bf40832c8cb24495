"""SQL queries per imported page (issue 23's import speed): a page costs a fixed number of
queries whatever the size of the run. On SQLite each query is mostly Django's and
Wagtail's Python around it, so the count is the importer's cost that a noisy machine does
not blur. The first run of a mirror creates every page; its cost per page is pinned."""

from pathlib import Path

from django.db import connection

import pytest

from .conftest import run_import
from .mirror import LONG_PARAGRAPHS, film_review, write_mirror

pytestmark = pytest.mark.django_db

# Statements per new film review (savepoints included, the run's bulk indexing shared out),
# in a test's transaction: 71 before issue 23's cuts (a record and a redirect looked for
# before being created, a new page's workflow state and site-root status queried), 56 since;
# 52 since a new page's free slug is known to the run and its publish looks up no earlier
# revision, newer revision or alias of a page created a moment ago; 51 since its revision
# is told in memory that it has no comment.
MOST_PER_PAGE = 51


def mirror_of(root: Path, pages: int, run: str) -> Path:
    """``pages`` film reviews that link nowhere (no second pass), each its own title and
    path (``run`` keeps two runs' pages apart)."""
    return write_mirror(
        root,
        {
            f"reviews/film{run}{n}.htm": film_review(
                f"Film {run} {n}", f"Director {n}. U.K. {1950 + n}.", LONG_PARAGRAPHS
            )
            for n in range(pages)
        },
    )


def queries_for(root: Path, pages: int, run: str) -> int:
    mirror = mirror_of(root / run, pages, run)
    count = 0

    def counted(execute, sql, params, many, context):
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    # Counted as they run, not with CaptureQueriesContext: the writer empties Django's query
    # log after each page (reset_queries, so that DEBUG does not keep every page's SQL).
    with connection.execute_wrapper(counted):
        report = run_import(mirror)
    assert report.summary()["created"] == pages
    return count


def test_queries_per_page_do_not_grow_with_the_run(tmp_path):
    queries_for(tmp_path, 1, "first")  # the site's sections are made by the first run
    small, large = queries_for(tmp_path, 4, "a"), queries_for(tmp_path, 12, "b")
    per_page = (large - small) / 8
    assert per_page <= MOST_PER_PAGE, per_page
    # Per page, the larger run costs no more than the smaller (the run's own set-up shared
    # out over more pages): nothing looked up again for every page written before.
    assert large / 12 <= small / 4, (small, large)
