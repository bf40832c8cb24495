"""Wagtail pages from parsed documents: which page type, where, and which fields."""

import contextlib
import datetime
import re
from collections.abc import Iterator

from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils.text import slugify

from wagtail.blocks import StreamBlockValidationError
from wagtail.models import Page

from home.models import StandardPage
from home.tree import SiteTree
from legacy.parsing.document import LegacyDocument
from legacy.parsing.sections import PAGE
from reviews import kinds
from reviews.models import ArticlePage, BookReviewPage, Contributor, FilmReviewPage, WorkCreator
from textkit.markup import html_to_text
from textkit.shorten import shorten_at_word
from textkit.slugs import numbered_slug

NAME_LIMIT = 150
TITLE_LIMIT = 255  # Page.title's max_length
SUMMARY_LIMIT = 300
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def page_type(target: str) -> type[Page]:
    """The page type of a section kind (reviews.kinds), or a plain page under Home."""
    return StandardPage if target == PAGE else apps.get_model(kinds.BY_VALUE[target].page_model)


def parent_for(tree: SiteTree, target: str) -> Page:
    return tree.home if target == PAGE else tree.section_for(target)


def new_page(target: str, document: LegacyDocument, parent: Page) -> Page:
    """An unsaved page of the right type with a slug that is free under ``parent``."""
    page = page_type(target)(title=page_title(document))
    page.slug = free_slug(parent, slugify(page.title, allow_unicode=True) or "page")
    return page


def adoptable_page(tree: SiteTree, document: LegacyDocument) -> StandardPage | None:
    """An existing plain page under Home with this title or its slug (About Us is pre-made)."""
    title = page_title(document)
    siblings = StandardPage.objects.child_of(tree.home)
    return (
        siblings.filter(slug=slugify(title, allow_unicode=True)).first()
        or siblings.filter(title__iexact=title).first()
    )


def page_title(document: LegacyDocument) -> str:
    title = document.title.strip()
    if not title:
        stem = document.source_path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        title = stem.replace("_", " ").replace("-", " ").title() or "Untitled"
    return shorten_at_word(title, TITLE_LIMIT)


def free_slug(parent: Page, base: str) -> str:
    base = base[:240]
    taken = set(
        Page.objects.child_of(parent).filter(slug__startswith=base).values_list("slug", flat=True)
    )
    return numbered_slug(base, taken)


def fill_page(
    page: Page, document: LegacyDocument, body: list[dict], signer: Contributor | None
) -> list[str]:
    """Set every field the document provides; return warnings about what it lacked."""
    page.title = page_title(document)
    page.body = body
    if isinstance(page, StandardPage):
        return []
    warnings = []
    if document.published:
        page.date = document.published
    elif page.pk is None:
        warnings.append("No publication date on the old page: dated today.")
    page.summary = summary_of(body)
    if isinstance(page, ArticlePage):
        page.author = signer
    else:
        page.reviewer = signer
        fill_credits(page, document)
    return warnings


def fill_credits(page: FilmReviewPage | BookReviewPage, document: LegacyDocument) -> None:
    credits = document.credits
    if credits is None:
        return
    page.creators = [WorkCreator(name=name[:NAME_LIMIT]) for name in credits.people]
    page.year = credits.year if credits.year and 0 < credits.year < 32767 else None
    if isinstance(page, FilmReviewPage):
        page.countries = "/".join(credits.countries)[:NAME_LIMIT]
    else:
        page.publisher = credits.publisher[:NAME_LIMIT]
        page.pages = credits.pages if credits.pages and credits.pages > 0 else None


def field_text(page: Page) -> str:
    """The words a saved page shows outside its body: its title and its credits."""
    parts = [page.title]
    if isinstance(page, FilmReviewPage | BookReviewPage):
        parts += [creator.name for creator in page.creators.all()]
        parts += [str(page.year or ""), getattr(page, "countries", "")]
        parts += [getattr(page, "publisher", "")]
        parts += [f"{page.pages} pages" if getattr(page, "pages", None) else ""]
    return "\n".join(part for part in parts if part)


def summary_of(body: list[dict]) -> str:
    """The first sentence or two of the first paragraph, for listings and search results."""
    first = next((block["value"] for block in body if block["type"] == "paragraph"), "")
    summary = ""
    for sentence in _SENTENCE_END.split(html_to_text(first).replace("\n", " ")):
        if summary and len(summary) + len(sentence) > SUMMARY_LIMIT:
            break
        summary = f"{summary} {sentence}".strip()
    return summary[:SUMMARY_LIMIT]


def first_published(document: LegacyDocument) -> datetime.datetime | None:
    if document.published is None:
        return None
    return datetime.datetime.combine(document.published, datetime.time(12), tzinfo=datetime.UTC)


def validate(page: Page, *, is_new: bool) -> None:
    """The body through StoryBlock's own clean, then the whole page through full_clean."""
    page.body = page.body.stream_block.clean(page.body)
    # A new page has no tree position until add_child, which sets path and depth itself.
    page.full_clean(exclude=["path", "depth", "numchild", "url_path"] if is_new else None)


@contextlib.contextmanager
def validated_once(page: Page, *, is_new: bool) -> Iterator[None]:
    """Validate the page (``validate``), then save it without validating it again.

    ``add_child`` and publishing both call ``Page.save()``, which runs ``full_clean`` (and so
    the whole StreamField validation, with its chooser lookups) once more each time. Inside
    this block the instance's ``full_clean`` is a no-op: the page was validated a moment ago
    and nothing is changed between here and the save but tree and publishing metadata.
    """
    validate(page, is_new=is_new)
    page.full_clean = _already_validated
    try:
        yield
    finally:
        del page.full_clean


def publish(page: Page, revision, **kwargs) -> None:
    """Publish ``revision`` of ``page``, which was just saved from this very instance.

    Wagtail's publish action rebuilds the page from the revision's JSON and saves that copy,
    validating it once more; here the copy is the instance itself, already validated (call
    this inside ``validated_once``), and not fetched again from the database either.
    """
    revision.as_object = lambda: page
    try:
        page.publish(revision, **kwargs)
    finally:
        del revision.as_object


def _already_validated(*args, **kwargs) -> None:
    return None


def describe_error(error: Exception) -> str:
    """A one-line account of a validation error that names the failing block and field."""
    if isinstance(error, StreamBlockValidationError):
        return f"Invalid body: {error.as_json_data()}"
    if isinstance(error, ValidationError) and hasattr(error, "message_dict"):
        fields = "; ".join(
            f"{name}: {' '.join(msgs)}" for name, msgs in error.message_dict.items()
        )
        return f"Invalid page: {fields}"
    return f"{type(error).__name__}: {error}"
