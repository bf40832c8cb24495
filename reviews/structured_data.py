"""schema.org JSON-LD for reviews and articles, as plain dicts, and the script tag that carries it.

Search engines read it to show a review's subject, author and date; tests parse it back out of
the rendered page.
"""

import json
import re
from collections.abc import Callable
from decimal import Decimal
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

# schema.org's BookFormatType, by the words an edition is printed with.
_BOOK_FORMATS = [
    (re.compile(r"\b(?:paper(?:back)?|softcover|soft cover|pbk)\b", re.I), "Paperback"),
    (re.compile(r"\b(?:hard(?:cover|back|bound)?|cloth|hbk)\b", re.I), "Hardcover"),
    (re.compile(r"\b(?:e-?book|kindle|epub)\b", re.I), "EBook"),
    (re.compile(r"\baudio(?:book)?\b", re.I), "AudiobookFormat"),
]


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
            "duration": f"PT{review.running_time}M" if review.running_time else None,
            "actor": [person(name) for name in review.cast_names],
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
            "isbn": review.isbn.strip(),
            "bookEdition": book_edition(review.edition),
            "bookFormat": book_format(review.edition),
            "translator": [person(name) for name in review.translator_names],
        }
    )


def book_edition(edition: str) -> str:
    """The edition as printed, unless it only names a binding ("Paper": that is bookFormat)."""
    rest = edition or ""
    for pattern, _ in _BOOK_FORMATS:
        rest = pattern.sub("", rest)
    return edition.strip() if re.search(r"\w", rest) else ""


def book_format(edition: str) -> str | None:
    """The schema.org BookFormatType an edition names ("Paper" → Paperback), if any."""
    for pattern, name in _BOOK_FORMATS:
        if pattern.search(edition or ""):
            return f"{SCHEMA_CONTEXT}/{name}"
    return None


def _number(value: Decimal | int) -> int | float:
    """A JSON number (DjangoJSONEncoder writes a Decimal as a string): 8 rather than "8.00"."""
    value = Decimal(value)
    return int(value) if value == value.to_integral_value() else float(value)


def rating(page: ReviewPage) -> dict[str, Any] | None:
    """The reviewer's mark as a schema.org Rating: the number on its scale (from 0), or the
    printed grade ("B+") as its value when it is no number; None when there is none."""
    if page.rating_value is not None and page.rating_best:
        return {
            "@type": "Rating",
            "ratingValue": _number(page.rating_value),
            "bestRating": _number(page.rating_best),
            "worstRating": 0,
        }
    if page.rating_printed.strip():
        return {"@type": "Rating", "ratingValue": page.rating_printed.strip()}
    return None


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
            "datePublished": page.date.isoformat() if page.date else None,
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
    data = {**data, "name": page.title, "itemReviewed": SUBJECTS[work.schema_type](page)}
    return _without_empty({**data, "reviewRating": rating(page)})


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
