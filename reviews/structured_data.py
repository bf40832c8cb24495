"""schema.org JSON-LD for reviews and articles, as plain dicts, and the script tag that carries it.

Search engines read it to show a review's subject, author and date; tests parse it back out of
the rendered page.
"""

import json
from collections.abc import Callable
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import SafeString, mark_safe

from wagtail.models import Page

from reviews import kinds
from reviews.browsing import split_countries
from reviews.kinds import ReviewedWork
from reviews.models import ArticlePage, BookReviewPage, FilmReviewPage, ReviewPage

SCHEMA_CONTEXT = "https://schema.org"
PUBLISHER_NAME = "Talking Pictures"

# The same escapes as Django's json_script: "</script>" or "<!--" in a title cannot end the tag.
_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def person(name: str) -> dict[str, str]:
    return {"@type": "Person", "name": name}


def _without_empty(data: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def movie(review: FilmReviewPage) -> dict[str, Any]:
    return _without_empty(
        {
            "@type": "Movie",
            "name": review.title,
            "alternateName": review.original_title,
            "director": [person(name) for name in review.get_creator_names()],
            "countryOfOrigin": [
                {"@type": "Country", "name": country}
                for country in split_countries(review.countries)
            ],
            "dateCreated": str(review.year) if review.year else None,
        }
    )


def book(review: BookReviewPage) -> dict[str, Any]:
    publisher = {"@type": "Organization", "name": review.publisher} if review.publisher else None
    return _without_empty(
        {
            "@type": "Book",
            "name": review.title,
            "alternateName": review.original_title,
            "author": [person(name) for name in review.get_creator_names()],
            "publisher": publisher,
            "datePublished": str(review.year) if review.year else None,
            "numberOfPages": review.pages,
        }
    )


def _publication(
    page: Page, kind: str, url: str, description: str, image_url: str | None, writer
) -> dict[str, Any]:
    return _without_empty(
        {
            "@context": SCHEMA_CONTEXT,
            "@type": kind,
            "url": url,
            "description": description,
            "image": image_url,
            "author": person(writer.name) if writer else None,
            "datePublished": page.date.isoformat(),
            "publisher": {"@type": "Organization", "name": PUBLISHER_NAME},
        }
    )


# Who made the work, by its schema.org type: the builder of ``itemReviewed``.
SUBJECTS: dict[str, Callable[[ReviewPage], dict[str, Any]]] = {"Movie": movie, "Book": book}


def review(
    page: ReviewPage,
    work: ReviewedWork,
    *,
    url: str,
    description: str = "",
    image_url: str | None = None,
    schema_type: str = "Review",
) -> dict[str, Any]:
    data = _publication(page, schema_type, url, description, image_url, page.reviewer)
    return {**data, "name": page.title, "itemReviewed": SUBJECTS[work.schema_type](page)}


def article(
    page: ArticlePage,
    *,
    url: str,
    description: str = "",
    image_url: str | None = None,
    schema_type: str = "Article",
) -> dict[str, Any]:
    data = _publication(page, schema_type, url, description, image_url, page.author)
    return {**data, "headline": page.title[:110]}


def for_page(page: Page, **details) -> dict[str, Any] | None:
    """The JSON-LD a page publishes, or None for pages that no section kind holds."""
    held_by = kinds.kinds_holding(page._meta.label)
    if not held_by:
        return None
    kind = held_by[0]  # kinds that share a page type share its schema.org type
    if kind.work:
        return review(page, kind.work, schema_type=kind.schema_type, **details)
    return article(page, schema_type=kind.schema_type, **details)


def json_ld_script(data: dict[str, Any]) -> SafeString:
    """A ``<script type="application/ld+json">``, escaped the way Django's json_script is."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        _SCRIPT_ESCAPES
    )
    return mark_safe(f'<script type="application/ld+json">{payload}</script>')  # noqa: S308
