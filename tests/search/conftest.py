"""Search fixtures: a handful of real, published, indexed pages.

Wagtail's database backend indexes a page when it is saved (the search-index task runs at once
under django-tasks' immediate backend), so pages made with ``publish()`` are searchable straight
away, inside the test's transaction, on SQLite and PostgreSQL alike.
"""

import datetime
from dataclasses import dataclass

import pytest

from reviews.models import ArticlePage, BookReviewPage, FilmReviewPage
from tests.conftest import make_article, make_book_review, make_film_review


@dataclass
class Library:
    ikiru: FilmReviewPage
    mention: FilmReviewPage
    remains: BookReviewPage
    news: ArticlePage
    feature: ArticlePage


@pytest.fixture
def library(site_tree, contributor) -> Library:
    films = site_tree.section_for("film")
    books = site_tree.section_for("book")
    return Library(
        ikiru=make_film_review(
            films,
            title="Ikiru",
            directors=("Akira Kurosawa",),
            countries="Japan",
            year=1952,
            reviewer=contributor,
            date=datetime.date(2004, 5, 1),
            summary="A civil servant learns he is dying.",
            body=[
                (
                    "paragraph",
                    "<p>A long, patient film about a bureaucrat. " + "Tokyo " * 80 + "</p>",
                )
            ],
        ),
        # Mentions Ikiru three times in a short body: scores well on word counts alone.
        mention=make_film_review(
            films,
            title="Rashomon",
            directors=("Akira Kurosawa",),
            countries="Japan",
            year=1950,
            date=datetime.date(2003, 1, 1),
            body=[("paragraph", "<p>Ikiru, Ikiru, Ikiru: not this one.</p>")],
        ),
        remains=make_book_review(
            books,
            title="The Remains of the Day",
            year=1989,
            date=datetime.date(2010, 1, 1),
            body=[
                (
                    "epigraph",
                    {"quote": "What dignity is there in that?", "attribution": "Stevens"},
                ),
                ("paragraph", "<p>Ishiguro's butler narrates.</p>"),
            ],
        ),
        news=make_article(
            site_tree.section_for("news"),
            title="Festival opens",
            date=datetime.date(2011, 6, 1),
            body=[("paragraph", "<p>The festival opens with a butler drama.</p>")],
        ),
        feature=make_article(
            site_tree.section_for("feature"),
            title="Fifty years of butlers",
            date=datetime.date(2009, 2, 1),
            body=[
                ("heading", {"text": "Servants on screen", "level": "h2"}),
                ("paragraph", "<p>From Renoir to Altman: the butler on film.</p>"),
            ],
        ),
    )


def result_titles(response) -> list[str]:
    return [hit.page.title for hit in response.context["outcome"].hits]
