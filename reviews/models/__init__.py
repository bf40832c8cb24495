"""The magazine's models, one module per idea; import them from here.

- ``contributors``: reviewers and writers.
- ``querysets``: ``readable()``, the filter every reader-facing listing goes through.
- ``sections``: the section index pages and their browse routes.
- ``stories``: film reviews, book reviews and articles.
"""

from reviews.models.contributors import Contributor
from reviews.models.querysets import ReadableQuerySet, readable_pages, restrictions_over
from reviews.models.sections import SECTION_PAGE_SIZE, ChildPageRouteMixin, SectionPage
from reviews.models.stories import (
    ArticlePage,
    ArticleQuerySet,
    BookReviewPage,
    FilmReviewPage,
    ReviewPage,
    ReviewQuerySet,
    SectionChildMixin,
    StoryFields,
    WorkCreator,
)

__all__ = [
    "SECTION_PAGE_SIZE",
    "ArticlePage",
    "ArticleQuerySet",
    "BookReviewPage",
    "ChildPageRouteMixin",
    "Contributor",
    "FilmReviewPage",
    "ReadableQuerySet",
    "ReviewPage",
    "ReviewQuerySet",
    "SectionChildMixin",
    "SectionPage",
    "StoryFields",
    "WorkCreator",
    "readable_pages",
    "restrictions_over",
]
