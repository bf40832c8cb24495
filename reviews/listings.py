"""Listings that mix page types: the newest work of the site, a contributor's work.

Each is a queryset of pages, newest first; ``reviews.cards`` loads the cards of the page shown.
"""

from django.db.models import Q, QuerySet

from wagtail.models import Page

from reviews.cards import newest_first
from reviews.models import ArticlePage, Contributor, ReviewPage, readable_pages


def latest_work(root: Page | None = None) -> QuerySet:
    """Every readable review and article (under ``root`` if given), newest first."""
    pages = readable_pages().type(ReviewPage, ArticlePage)
    if root is not None:
        pages = pages.descendant_of(root)
    return newest_first(pages)


def contributor_work(contributor: Contributor) -> QuerySet:
    """The reviews a contributor wrote and the articles they signed, newest first."""
    pages = readable_pages().filter(
        Q(reviewpage__reviewer=contributor) | Q(articlepage__author=contributor)
    )
    return newest_first(pages)
