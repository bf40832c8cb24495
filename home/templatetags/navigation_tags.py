from django import template

from wagtail.models import Page, Site

from ops.fragments import content_cached
from reviews.models import readable_pages

register = template.Library()


def menu_entry(page: Page, request) -> dict[str, str]:
    return {"title": page.title, "url": page.get_url(request), "url_path": page.url_path}


def menu_for(root: Page, request) -> dict:
    items = readable_pages().child_of(root).in_menu()
    return {
        "home": menu_entry(root, request),
        "items": [menu_entry(page, request) for page in items],
    }


@register.inclusion_tag("includes/navigation.html", takes_context=True)
def site_navigation(context) -> dict:
    """The header menu: the live pages under the site root that editors set to show in menus.

    Shown on every page and the same for everyone, so it is built once per publish
    (ops.fragments) rather than queried on every request.
    """
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    menu = {"home": None, "items": []}
    if site:
        menu = content_cached("menu", site.pk, lambda: menu_for(site.root_page, request))
    current = context.get("page")
    return {**menu, "current_path": current.url_path if current else "", "request": request}
