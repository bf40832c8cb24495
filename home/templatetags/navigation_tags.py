from django import template

from wagtail.models import Page, Site

register = template.Library()


@register.inclusion_tag("includes/navigation.html", takes_context=True)
def site_navigation(context) -> dict:
    """The header menu: the live pages under the site root that editors set to show in menus."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    root = site.root_page if site else None
    items = Page.objects.child_of(root).live().public().in_menu() if root else Page.objects.none()
    current = context.get("page")
    return {
        "home": root,
        "items": items,
        "current_path": current.url_path if current else "",
        "request": request,
    }
