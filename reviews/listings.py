"""Listings that mix page types (a contributor's work, the site feed, related reviews).

Each is built in a constant number of queries however long it is: first the ordered page ids,
then one ``for_listing()`` query per page type, never a query per card.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import F, Q, QuerySet
from django.db.models.functions import Coalesce
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from wagtail.models import Page

from ops.fragments import content_cached
from reviews.models import (
    SECTION_PAGE_SIZE,
    ArticlePage,
    Contributor,
    ReviewPage,
    SectionPage,
    WorkCreator,
    readable_pages,
)

RELATED_REVIEWS_LIMIT = 4


def load_specific(
    rows: Iterable[tuple[int, int]], prepare: Callable[[QuerySet], QuerySet]
) -> dict[int, Page]:
    """The specific pages of ``(pk, content_type_id)`` rows by pk: one query per page type,
    each queryset ``prepare``d with what the caller shows (and may filter out). The one card
    loader of listings and search results, which differ only in ``prepare``."""
    pks_by_type: dict[int, list[int]] = defaultdict(list)
    for pk, content_type_id in rows:
        pks_by_type[content_type_id].append(pk)
    loaded: dict[int, Page] = {}
    for content_type_id, pks in pks_by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class() or Page
        loaded.update((page.pk, page) for page in prepare(model.objects.filter(pk__in=pks)))
    return loaded


def load_cards(rows: Iterable[tuple[int, int]]) -> list[Page]:
    """Specific pages for ``(pk, content_type_id)`` rows, in the rows' order, ready for cards.

    Rows of pages readers may not see are dropped, whoever chose them."""
    rows = list(rows)
    loaded = load_specific(rows, lambda pages: pages.readable().for_listing())
    return [loaded[pk] for pk, _ in rows if pk in loaded]


def paginate_cards(
    pages: QuerySet, page_number, per_page: int = SECTION_PAGE_SIZE
) -> PaginatorPage:
    """Paginate a mixed queryset of pages, loading only the cards of the page being shown."""
    paginated = Paginator(pages.values_list("pk", "content_type_id"), per_page).get_page(
        page_number
    )
    paginated.object_list = load_cards(paginated.object_list)
    return paginated


def newest_first(pages: QuerySet) -> QuerySet:
    """Newest first by the magazine's publication date, the one order of every listing and of
    search results sorted by date. A queryset of one story type orders by its own ``date``
    (the ``*_newest_first`` indexes); a mixed one by whichever table holds the page's date
    (reviews and articles keep theirs apart), then pages without one, by first publication."""
    if hasattr(pages.model, "date"):
        return pages.order_by("-date", "-id")
    dated = Coalesce(F("reviewpage__date"), F("articlepage__date"), F("first_published_at__date"))
    return pages.order_by(dated.desc(nulls_last=True), "-id")


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


def related_reviews(review: ReviewPage, limit: int = RELATED_REVIEWS_LIMIT) -> list[Page]:
    """Other reviews of work by the same directors or authors, then more by the same reviewer."""
    others = ReviewPage.objects.readable().exclude(pk=review.pk).order_by("-date", "-pk")
    same_creator = others.filter(
        pk__in=WorkCreator.objects.filter(name__in=review.creators.values("name")).values(
            "page_id"
        )
    )
    rows = list(same_creator.values_list("pk", "content_type_id")[:limit])
    if review.reviewer_id and len(rows) < limit:
        same_reviewer = others.filter(reviewer_id=review.reviewer_id).exclude(
            pk__in=[pk for pk, _ in rows]
        )
        rows += same_reviewer.values_list("pk", "content_type_id")[: limit - len(rows)]
    return load_cards(rows)


def review_context(review: ReviewPage, request) -> dict:
    """What a review page shows besides itself: its section and the "Related reviews" aside."""
    section = review.get_parent().specific
    # The costliest part of a review page and the same for every reader: rendered once and
    # kept until the next publish (ops.fragments; any publish changes the content version).
    related_html = content_cached(
        "related-aside",
        f"{review.pk}:{request.get_host()}",  # its links are relative to the site being read
        lambda: related_aside(review, section, request),
    )
    return {"section": section, "related_html": mark_safe(related_html)}  # noqa: S308


def related_aside(review: ReviewPage, section: Page, request) -> str:
    """The aside's HTML: reviews of the same people (or by the same reviewer), browse links."""
    context = {
        "work_links": section.work_links(review, request)
        if isinstance(section, SectionPage)
        else [],
        "related_reviews": related_reviews(review),
    }
    return render_to_string("reviews/includes/related.html", context, request)
