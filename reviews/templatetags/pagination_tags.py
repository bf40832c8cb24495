"""``{% page_links items %}`` and ``{% page_url n %}`` for templates/includes/pagination.html."""

from django import template
from django.core.paginator import Page as PaginatorPage

from reviews import pagination

register = template.Library()


@register.simple_tag
def page_links(items: PaginatorPage) -> list[int | None]:
    return pagination.page_links(items.number, items.paginator.num_pages)


@register.simple_tag(takes_context=True)
def page_url(context, number: int) -> str:
    """This URL's query string with page ``number`` (none for the first: one URL per page)."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    if number > 1:
        query["page"] = number
    return f"?{query.urlencode()}" if query else "?"
