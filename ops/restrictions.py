"""View restrictions checked without a query while the site has none (the usual case).

Wagtail's ``check_view_restrictions`` hook calls ``page.get_view_restrictions()`` on every
page view: two queries (the ancestors, then their restrictions). Whether any restriction
exists at all is kept with the content version, which every saved or deleted restriction
changes (ops.invalidation); while there are none, no page can be restricted.
"""

from django.db.models import QuerySet

from wagtail.models import PageViewRestriction

from ops.fragments import content_cached


def site_has_view_restrictions() -> bool:
    return content_cached("view-restrictions", "count", PageViewRestriction.objects.count) > 0


class CachedViewRestrictionsMixin:
    """For page models: Wagtail's own lookup only when some page is restricted."""

    def get_view_restrictions(self) -> QuerySet:
        if site_has_view_restrictions():
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()
