"""Wagtail pages from parsed documents: which page type, where, and which fields."""

import contextlib
import datetime
import re
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation

from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils.text import slugify

from wagtail.blocks import StreamBlockValidationError
from wagtail.models import Page, Revision

from home.models import StandardPage
from home.tree import SiteTree
from legacy.parsing.document import Credits, Image, LegacyDocument, Rating
from legacy.parsing.sections import PAGE
from legacy.parsing.shapes import reads_as_prose
from legacy.parsing.text import content_words
from reviews import kinds
from reviews.credits import join_names
from reviews.models import ArticlePage, BookReviewPage, Contributor, FilmReviewPage, WorkCreator
from textkit.identity import strip_format_chars
from textkit.markup import html_to_text
from textkit.shorten import shorten_at_word
from textkit.slugs import numbered_slug

NAME_LIMIT = 150
TITLE_LIMIT = 255  # Page.title's max_length
SUMMARY_LIMIT = 300
SMALL_INT_LIMIT = 32767  # PositiveSmallIntegerField
RATING_LIMIT = Decimal("999.99")  # ReviewPage.rating_value: 5 digits, 2 decimal places
UNDATED = "No publication date on the old page or its site: shown undated, listed last."
PARTLY_UNDERSTOOD = "Credits only partly understood: kept as the credits note: "
NO_CREATORS = "The credits name no director or author: add them in the admin."


def dated_from_mtime(date: datetime.date) -> str:
    return (
        "No publication date on the old page: dated from the file's modification time "
        f"({date.isoformat()})."
    )


_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")


def page_type(target: str) -> type[Page]:
    """The page type of a section kind (reviews.kinds), or a plain page under Home."""
    return StandardPage if target == PAGE else apps.get_model(kinds.BY_VALUE[target].page_model)


def parent_for(tree: SiteTree, target: str) -> Page:
    return tree.home if target == PAGE else tree.section_for(target)


def new_page(
    target: str, document: LegacyDocument, parent: Page, slugs: "FreeSlugs | None" = None
) -> Page:
    """An unsaved page of the right type with a slug that is free under ``parent``
    (``slugs``: the run's record of the slugs taken, else read from the database)."""
    page = page_type(target)(title=page_title(document))
    base = slugify(page.title, allow_unicode=True) or "page"
    page.slug = slugs.take(parent, base) if slugs is not None else free_slug(parent, base)
    return page


def adoptable_page(tree: SiteTree, document: LegacyDocument) -> StandardPage | None:
    """An existing plain page under Home with this title or its slug (About Us is pre-made),
    that no other old page was imported into: fourteen issues' "Editorial" pages are
    fourteen pages, never one written over thirteen times."""
    title = page_title(document)
    imported = apps.get_model("legacy", "ImportRecord").objects.filter(page__isnull=False)
    siblings = StandardPage.objects.child_of(tree.home).exclude(pk__in=imported.values("page_id"))
    return (
        siblings.filter(slug=slugify(title, allow_unicode=True)).first()
        or siblings.filter(title__iexact=title).first()
    )


def clean_title(title: str) -> str:
    """A title without invisible format characters (U+202E would reverse what follows it
    wherever it is shown), cut to the title's length."""
    return shorten_at_word(strip_format_chars(title).strip(), TITLE_LIMIT)


def page_title(document: LegacyDocument) -> str:
    title = clean_title(document.title)
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


class FreeSlugs:
    """The slugs of each parent's children, read once per parent and then kept by the run.

    ``free_slug`` asks the database each time, over every sibling whose slug starts with the
    base: at thousands of pages under one section that query cost more with each page. The
    run creates its pages one at a time, so it knows what it adds: ``take`` gives the free
    slug and counts it taken (the caller saves the page with it, or fails). Whatever could
    make the record wrong (a page transaction rolled back, a page moved) calls ``forget``,
    and the next ``take`` reads the parent's children again."""

    def __init__(self) -> None:
        self.taken: dict[int, set[str]] = {}

    def take(self, parent: Page, base: str) -> str:
        taken = self.taken.get(parent.pk)
        if taken is None:
            taken = set(Page.objects.child_of(parent).values_list("slug", flat=True))
            self.taken[parent.pk] = taken
        slug = numbered_slug(base[:240], taken)
        taken.add(slug)
        return slug

    def forget(self) -> None:
        self.taken.clear()


def fill_page(
    page: Page,
    document: LegacyDocument,
    body: list[dict],
    signer: Contributor | None,
    *,
    file_date: datetime.date | None = None,
) -> list[str]:
    """Set every field the document provides; return warnings about what it lacked.

    ``file_date``: the file's modification time, to date a page that prints no date
    (``--date-from-mtime``)."""
    page.title = page_title(document)
    page.body = body
    if isinstance(page, StandardPage):
        return []
    warnings = []
    if document.published:
        page.date = document.published
    elif file_date:
        page.date = file_date
        warnings.append(dated_from_mtime(file_date))
    else:  # never today: a reader would take the day of the import for the review's
        page.date = None
        warnings.append(UNDATED)
    pictures = [
        text for b in document.blocks if isinstance(b, Image) for text in (b.alt, b.caption)
    ]
    # The line an index of the old site printed beside its link is the best summary it has.
    page.summary = document.summary[:SUMMARY_LIMIT] or summary_of(body, pictures)
    if isinstance(page, ArticlePage):
        page.author = signer
    else:
        page.reviewer = signer
        warnings += fill_credits(page, document)
        fill_rating(page, document.rating)
    return warnings


def fill_credits(page: FilmReviewPage | BookReviewPage, document: LegacyDocument) -> list[str]:
    """The credits' fields on the page; a warning when some of the credits were not read."""
    credits = document.credits
    if credits is None:
        return []
    page.creators = [WorkCreator(name=clean_name(name)) for name in credits.people]
    page.year = _small_int(credits.year)
    if isinstance(page, FilmReviewPage):
        page.countries = clean_name("/".join(credits.countries))
        page.running_time = _small_int(credits.running_time)
        page.cast = names_field(credits.cast, FilmReviewPage._meta.get_field("cast").max_length)
    else:
        page.publisher = clean_name(credits.publisher)
        page.pages = credits.pages if credits.pages and credits.pages > 0 else None
        page.isbn = credits.isbn.strip()[: BookReviewPage._meta.get_field("isbn").max_length]
        limit = BookReviewPage._meta.get_field("translator").max_length
        page.translator = names_field(credits.translators, limit)
        page.edition = shorten_at_word(
            credits.edition.strip(), BookReviewPage._meta.get_field("edition").max_length
        )
    page.credits_note = credits_note(page, credits)
    warnings = [PARTLY_UNDERSTOOD + "; ".join(credits.remainder)] if credits.remainder else []
    if not credits.people:  # "The Lover (Pantheon, 1985)": the editor adds the author
        warnings.append(NO_CREATORS)
    return warnings


def credits_note(page: FilmReviewPage | BookReviewPage, credits: Credits) -> str:
    """``credits.note``, plus what a field could not hold (another work's ISBN on a film)."""
    beyond = []
    if isinstance(page, FilmReviewPage):
        beyond += [f"ISBN {credits.isbn}" if credits.isbn else "", ", ".join(credits.translators)]
        beyond.append(credits.edition)
    else:
        beyond += [f"{credits.running_time} min" if credits.running_time else ""]
        beyond.append(", ".join(credits.cast))
    return ". ".join(part for part in [credits.note, *beyond] if part)


def fill_rating(page: FilmReviewPage | BookReviewPage, rating: Rating | None) -> None:
    """The page's rating from the one the old page printed (none: no rating). A number off
    its scale is not stored as a number: its printed form is kept."""
    limit = page._meta.get_field("rating_printed").max_length
    page.rating_printed = shorten_at_word(rating.printed.strip(), limit) if rating else ""
    page.rating_value, page.rating_best = rating_numbers(rating)


def rating_numbers(rating: Rating | None) -> tuple[Decimal | None, int | None]:
    if rating is None or rating.value is None or not rating.best:
        return None, None
    try:
        value = Decimal(str(rating.value)).quantize(Decimal("0.01"))
    except InvalidOperation:
        return None, None
    best = rating.best
    if best != int(best) or not 0 < best <= SMALL_INT_LIMIT or not 0 <= value <= best:
        return None, None
    if value > RATING_LIMIT:
        return None, None
    return value, int(best)


def clean_name(name: str) -> str:
    """A name as a field stores it: without invisible format characters, cut to fit."""
    return strip_format_chars(name).strip()[:NAME_LIMIT]


def names_field(names: list[str], limit: int) -> str:
    """Names separated by commas, as many whole names as fit in ``limit`` characters."""
    kept: list[str] = []
    for name in (strip_format_chars(name).strip() for name in names):
        if name and len(", ".join([*kept, name])) <= limit:
            kept.append(name)
    return ", ".join(kept)


def _small_int(number: int | None) -> int | None:
    return number if number and 0 < number <= SMALL_INT_LIMIT else None


def field_text(page: Page) -> str:
    """The words a saved page shows outside its body: its title, its credits line's fields
    (with the words the line prints them with: "112 min", "With A and B", "ISBN ..."), the
    credits note and the rating."""
    parts = [page.title]
    if isinstance(page, FilmReviewPage):
        parts += [page.countries, f"{page.running_time} min" if page.running_time else ""]
        parts += [f"With {join_names(page.cast_names)}" if page.cast else ""]
    if isinstance(page, BookReviewPage):
        parts += [page.publisher, f"{page.pages} pages" if page.pages else ""]
        parts += [f"Translated by {join_names(page.translator_names)}" if page.translator else ""]
        parts += [page.edition, f"ISBN {page.isbn}" if page.isbn else ""]
    if isinstance(page, FilmReviewPage | BookReviewPage):
        parts += [creator.name for creator in page.creators.all()]
        parts += [str(page.year or ""), page.credits_note, page.rating_printed]
    return "\n".join(part for part in parts if part)


def summary_of(body: list[dict], pictures: Iterable[str] = ()) -> str:
    """The first sentence or two of the first paragraph of the page's own words, for
    listings and search results: only prose (``shapes.reads_as_prose``: never the rest of a
    cast list, a byline or a title left in the body), never a short paragraph all in bold
    (a subtitle), never a paragraph that is only link
    text ("Buy it at the shop"), nor one that only prints a picture's alt text or caption
    (``pictures``: a picture not found in the mirror is kept as its words). No summary
    rather than one that is not a sentence of the page."""
    picture_words = {tuple(content_words(text)) for text in pictures} - {()}
    first = next(
        (
            block["value"]
            for block in body
            if block["type"] == "paragraph"
            and not _only_link_text(block["value"])
            and not _only_picture_words(block["value"], picture_words)
            and not _bold_line(block["value"])
            and reads_as_prose(html_to_text(block["value"]).replace("\n", " "))
        ),
        "",
    )
    summary = ""
    for sentence in _SENTENCE_END.split(html_to_text(first).replace("\n", " ")):
        if summary and len(summary) + len(sentence) > SUMMARY_LIMIT:
            break
        summary = f"{summary} {sentence}".strip()
    return summary[:SUMMARY_LIMIT]


_LINK = re.compile(r"<a\b[^>]*>.*?</a>", re.IGNORECASE | re.DOTALL)


_BOLD = re.compile(r"<(b|strong)\b[^>]*>.*?</\1>", re.IGNORECASE | re.DOTALL)
BOLD_LINE_WORDS = 20  # a bold paragraph this short is a heading or a subtitle


def _bold_line(html: str) -> bool:
    """A short paragraph all in bold: the article's subtitle or a heading, not its text."""
    words = content_words(html_to_text(html))
    return (
        0 < len(words) < BOLD_LINE_WORDS
        and bool(_BOLD.search(html))
        and not content_words(html_to_text(_BOLD.sub(" ", html)))
    )


def _only_link_text(html: str) -> bool:
    return bool(_LINK.search(html)) and not content_words(html_to_text(_LINK.sub(" ", html)))


def _only_picture_words(html: str, picture_words: set[tuple[str, ...]]) -> bool:
    lines = [tuple(content_words(line)) for line in html_to_text(html).split("\n")]
    lines = [line for line in lines if line]
    return bool(lines) and all(line in picture_words for line in lines)


def first_published(
    document: LegacyDocument, file_date: datetime.date | None = None
) -> datetime.datetime | None:
    date = document.published or file_date
    if date is None:
        return None
    return datetime.datetime.combine(date, datetime.time(12), tzinfo=datetime.UTC)


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


def publish(page: Page, revision, *, created: bool = False, **kwargs) -> None:
    """Publish ``revision`` of ``page``, which was just saved from this very instance.

    Wagtail's publish action rebuilds the page from the revision's JSON and saves that copy,
    validating it once more; here the copy is the instance itself, already validated (call
    this inside ``validated_once``), and not fetched again from the database either.

    ``created``: the page was created in this transaction and ``revision`` is its first.
    Then what publishing would look up is known: the revision is the latest and has none
    before it (no rename to log), and no page is an alias of this one (none to update).
    """
    revision.as_object = lambda: page
    if created:
        revision.is_latest_revision = lambda: True
        revision.get_previous = _no_previous_revision
        page.update_aliases = _no_aliases
    try:
        page.publish(revision, **kwargs)
    finally:
        del revision.as_object
        if created:
            del revision.is_latest_revision, revision.get_previous, page.update_aliases


def _no_previous_revision():
    raise Revision.DoesNotExist


def _no_aliases(**kwargs) -> None:
    return None


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
