"""Admin hooks for the editorial workflow: the dashboard panels and the Search terms report."""

from wagtail import hooks

from editorial import search_terms
from editorial.dashboard import editorial_panels_for


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels: list) -> None:
    # Ours lists the same task states as Wagtail's moderation panel in a fixed number of
    # queries (Wagtail's asks for each row's actions and tasks), so it replaces that one.
    panels[:] = [panel for panel in panels if panel.name != "workflow_objects_to_moderate"]
    panels.extend(editorial_panels_for(request.user))


@hooks.register("register_admin_urls")
def register_search_terms_report_urls() -> list:
    return search_terms.admin_urls()


@hooks.register("register_reports_menu_item")
def register_search_terms_menu_item():
    return search_terms.menu_item()


@hooks.register("construct_reports_menu")
def replace_wagtails_search_terms_item(request, items: list) -> None:
    search_terms.drop_wagtails_menu_item(items)
