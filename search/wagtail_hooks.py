"""Settings → Popular search terms: editors hide a term from the public Popular searches list.

Whoever may manage Promoted search results (the Editors role) may moderate these terms too:
both curate what readers are offered for a search, so no new permission is needed.
"""

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from search.models import SearchTerm

register_permission_policy(
    SearchTerm, ModelPermissionPolicy(SearchTerm, auth_model=SearchPromotion), exact_class=True
)


class SearchTermViewSet(ModelViewSet):
    model = SearchTerm
    icon = "search"
    menu_label = "Popular search terms"
    add_to_settings_menu = True
    # Adding a term with "hidden" ticked keeps it off the list before it is ever popular.
    form_fields = ["query_string", "hidden"]
    list_display = ["query_string", "hidden"]
    list_filter = ["hidden"]
    search_fields = ["query_string"]
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_search_term_viewset() -> SearchTermViewSet:
    return SearchTermViewSet("popular_search_terms")
