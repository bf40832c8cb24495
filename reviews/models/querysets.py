"""The one filter every reader-facing listing goes through: what readers may see."""

from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.functions import Length, Substr

from wagtail.models import Page, PageViewRestriction
from wagtail.query import PageQuerySet


class ReadableQuerySet(PageQuerySet):
    """Page querysets with the one filter every reader-facing listing goes through."""

    def readable(self) -> "ReadableQuerySet":
        """Live pages that no view restriction (login, password or groups, on the page or on
        an ancestor) hides: what Wagtail's ``public()`` keeps, less aliases of private pages.
        Listings are the same for every reader, editors included: they are cached for all.

        Written as NOT EXISTS rather than ``public()``, which reads the restrictions in a
        query of its own each time it is called: here they are read with the listing, in
        the same query, when it runs.
        """
        return (
            self.live()
            .exclude(Exists(restrictions_over("path")))
            .exclude(
                # An alias shows its source's content under the source's restrictions (Wagtail's
                # page view applies them; ``public()`` forgets them).
                Exists(restrictions_over("alias_of__path"))
            )
        )


def restrictions_over(path_field: str) -> QuerySet:
    """Restricted pages at the outer query's ``path_field`` or above it: the restricted page's
    path is a prefix of that path (treebeard's materialised paths).

    Driven from the restrictions (few, usually none), listed once by an uncorrelated IN, so each
    listed row is checked against the restricted pages only: matched from the pages' side
    instead, SQLite scanned every page for every listed row (figures: bench/README.md).
    """
    path = OuterRef(path_field)
    return Page.objects.filter(
        pk__in=PageViewRestriction.objects.values("page_id"),
        path=Substr(path, 1, Length("path")),
    )


def readable_pages() -> ReadableQuerySet:
    """Every page a reader may be shown, of any type, in tree order (as ``Page.objects``)."""
    return ReadableQuerySet(Page).order_by("path").readable()
