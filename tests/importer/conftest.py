"""Fixtures for the importer tests: a mirror on disk and a one-call import."""

from pathlib import Path

import pytest

from legacy.writing.writer import ImportOptions, ImportReport, LegacyImporter

from .mirror import LONG_PARAGRAPHS, book_review, film_review, write_mirror

BASE_URL = "http://www.talkingpictures.example/"


def run_import(*paths: Path, **options) -> ImportReport:
    options.setdefault("base_url", BASE_URL)
    return LegacyImporter(ImportOptions(**options)).run_import(list(paths))


def by_source(report: ImportReport) -> dict:
    return {item.source: item for item in report.items}


@pytest.fixture
def small_mirror(tmp_path: Path) -> Path:
    """Two films that link to each other and a book, in the old site's folders."""
    return write_mirror(
        tmp_path / "site",
        {
            "reviews/alpha.htm": film_review(
                "Alpha Road",
                "Jan Kowal. Poland. 2008.",
                [*LONG_PARAGRAPHS, 'It is a companion to <a href="beta.htm">Beta Lake</a>.'],
            ),
            "reviews/beta.htm": film_review(
                "Beta Lake",
                "Maria Santos. Brazil/Portugal. 2009.",
                [*LONG_PARAGRAPHS, 'Compare <a href="../Reviews/ALPHA.htm">Alpha Road</a>.'],
            ),
            "books/gamma.htm": book_review(
                "Gamma Street",
                "Lena Frost. Harbour Books, 2004. 288 pages.",
                LONG_PARAGRAPHS,
            ),
        },
    )


def pytest_collection_modifyitems(config, items):
    # test_interrupted_jobs runs the worker in a process of its own: it needs a database file
    if any(item.module.__name__.endswith("test_interrupted_jobs") for item in items):
        from tests.conftest import use_a_file_for_sqlite_test_database

        use_a_file_for_sqlite_test_database()
