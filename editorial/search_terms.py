"""Reports → Search terms for editors, not only superusers.

Wagtail's own report view refuses everyone but superusers (its ``dispatch``) and its menu item
is an ``AdminOnlyMenuItem``, so no group permission can open it. This is the same report behind
a real permission, "view query" on search promotions' Query model, which the Editors role holds.
"""

from django.http import HttpRequest, HttpResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.menu import MenuItem
from wagtail.admin.views.reports import ReportView
from wagtail.contrib.search_promotions.models import Query
from wagtail.contrib.search_promotions.views.reports import SearchTermsReportView
from wagtail.permission_policies import ModelPermissionPolicy

MENU_ITEM_NAME = "search-terms"
VIEW_PERMISSION = "wagtailsearchpromotions.view_query"


class EditorsSearchTermsReportView(SearchTermsReportView):
    index_url_name = "editorial_search_terms"
    index_results_url_name = "editorial_search_terms_results"
    permission_policy = ModelPermissionPolicy(Query)
    permission_required = "view"

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        # Past SearchTermsReportView's superuser-only check: ReportView's permission check
        # (PermissionCheckedMixin, "view" on Query) decides instead.
        return ReportView.dispatch(self, request, *args, **kwargs)


class SearchTermsMenuItem(MenuItem):
    def is_shown(self, request: HttpRequest) -> bool:
        return request.user.has_perm(VIEW_PERMISSION)


def admin_urls() -> list:
    return [
        path(
            "reports/search-terms/",
            EditorsSearchTermsReportView.as_view(),
            name="editorial_search_terms",
        ),
        path(
            "reports/search-terms/results/",
            EditorsSearchTermsReportView.as_view(results_only=True),
            name="editorial_search_terms_results",
        ),
    ]


def menu_item() -> MenuItem:
    return SearchTermsMenuItem(
        _("Search terms"),
        reverse("editorial_search_terms"),
        name=MENU_ITEM_NAME,
        icon_name="search",
        order=1300,
    )


def drop_wagtails_menu_item(items: list) -> None:
    """Keep ours only: Wagtail's item (same name, superusers only) would show twice."""
    items[:] = [
        item
        for item in items
        if item.name != MENU_ITEM_NAME or isinstance(item, SearchTermsMenuItem)
    ]
