"""Cards of mixed page types, loaded in a constant number of queries however many there are.

First the ordered page ids, then one query per page type, never a query per card. Imports no
page model, so the models themselves (a review's related reviews) can use it.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable

from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import F, QuerySet
from django.db.models.functions import Coalesce

from wagtail.models import Page

from reviews.pagination import page_or_404


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


def paginate_cards(pages: QuerySet, page_number, per_page: int) -> PaginatorPage:
    """Paginate a mixed queryset of pages, loading only the cards of the page being shown."""
    rows = Paginator(pages.values_list("pk", "content_type_id"), per_page)
    paginated = page_or_404(rows, page_number)
    paginated.object_list = load_cards(paginated.object_list)
    return paginated


def newest_first(pages: QuerySet) -> QuerySet:
    """Newest first by the magazine's publication date, the one order of every listing and of
    search results sorted by date. A queryset of one story type orders by its own ``date``
    (the ``*_newest_first`` indexes); a mixed one by whichever table holds the page's date
    (reviews and articles keep theirs apart), then pages without one, by first publication."""
    if hasattr(pages.model, "date"):
        return pages.order_by(F("date").desc(nulls_last=True), "-id")
    dated = Coalesce(F("reviewpage__date"), F("articlepage__date"), F("first_published_at__date"))
    return pages.order_by(dated.desc(nulls_last=True), "-id")
