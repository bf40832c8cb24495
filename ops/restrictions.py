"""View restrictions read from the database on every page view, in one indexed query.

Privacy decisions are never taken from a cache: a per-process cache cannot be invalidated by
another worker, and no cache sees a restriction added from a shell or a restored dump.

Wagtail's ``check_view_restrictions`` hook calls ``page.get_view_restrictions()`` on every
page view, which costs two queries (the ancestors, then their restrictions). The ancestors'
paths are prefixes of the page's own ``path`` (treebeard's materialised path), so one query
on the unique ``path`` index finds the restrictions of the page and every ancestor, and
those of an ancestor's alias source (which Wagtail applies to aliases).
"""

from django.db.models import Q, QuerySet

from wagtail.models import Page, PageViewRestriction


def ancestor_paths(page: Page) -> list[str]:
    """The paths of ``page`` and every ancestor, computed from ``page.path`` alone."""
    step = page.steplen
    return [page.path[:end] for end in range(step, len(page.path) + 1, step)]


def view_restrictions_for(page: Page) -> QuerySet:
    paths = ancestor_paths(page)
    alias_sources = Page.objects.filter(path__in=paths, alias_of__isnull=False).values("alias_of")
    return PageViewRestriction.objects.filter(Q(page__path__in=paths) | Q(page__in=alias_sources))


class ViewRestrictionsInOneQueryMixin:
    """For page models: Wagtail's restrictions lookup in one query instead of two.

    (The name predates the rule above; nothing here is cached.)"""

    def get_view_restrictions(self) -> QuerySet:
        return view_restrictions_for(self)
