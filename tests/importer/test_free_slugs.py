"""A new page's slug is free under its parent: the run keeps the slugs it has taken
(``pages.FreeSlugs``) and forgets them when a page's transaction is rolled back."""

import random

import pytest

from legacy.writing.writer import LegacyImporter
from reviews.models import FilmReviewPage

from .conftest import by_source, run_import
from .mirror import film_review, write_mirror

pytestmark = pytest.mark.django_db


WORDS = [
    "camera",
    "winter",
    "lantern",
    "harbour",
    "orchard",
    "silence",
    "letter",
    "river",
    "memory",
    "actor",
]


def paragraphs(rng):
    """Body text of a page's own (text printed on several pages would be the site's chrome)."""
    return [" ".join(rng.choice(WORDS) for _ in range(40)).capitalize() + "." for _ in range(3)]


def same_titles(root, count, name="same"):
    rng = random.Random(str(root))
    return write_mirror(
        root,
        {
            f"reviews/{name}{n}.htm": film_review(
                "Same Title", f"Director {n}. U.K. {1950 + n}.", paragraphs(rng)
            )
            for n in range(count)
        },
    )


def test_pages_of_one_title_get_numbered_slugs(tmp_path):
    run_import(same_titles(tmp_path / "one", 3))
    run_import(same_titles(tmp_path / "two", 3, "other"))  # a second run reads what the first took
    slugs = sorted(FilmReviewPage.objects.values_list("slug", flat=True))
    assert slugs == [f"same-title{suffix}" for suffix in ["", "-2", "-3", "-4", "-5", "-6"]]


def test_a_rolled_back_page_leaves_its_slug_free(tmp_path, monkeypatch):
    check = LegacyImporter._check

    def failing_first(self, parsed, *args, **kwargs):
        if parsed.key.endswith("same0.htm"):
            raise RuntimeError("a fault after the page was saved")
        return check(self, parsed, *args, **kwargs)

    monkeypatch.setattr(LegacyImporter, "_check", failing_first)
    report = run_import(same_titles(tmp_path, 3))
    statuses = sorted(str(item.status) for item in by_source(report).values())
    assert statuses.count("failed") == 1, statuses
    slugs = sorted(FilmReviewPage.objects.values_list("slug", flat=True))
    assert slugs == ["same-title", "same-title-2"]
