"""Numbered pagination: which page a request asks for, and which page numbers to link.

A ``?page=`` past the last page is a 404, not the last page again under another URL (a
crawler walking ``?page=N`` upwards stops, and nothing is cached for it); a missing or
unreadable number is the first page.
"""

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.core.paginator import Page as PaginatorPage
from django.http import Http404

# Page numbers linked either side of the current one; the first and last are always linked.
AROUND = 2


def page_or_404(paginator: Paginator, number: str | int | None) -> PaginatorPage:
    try:
        return paginator.page(number or 1)
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        raise Http404("There is no such page of this listing.") from None


def page_links(current: int, last: int, around: int = AROUND) -> list[int | None]:
    """The page numbers to link: the first, the last and ``around`` either side of
    ``current``; None marks a gap of more than one page (a gap of one is that page)."""
    shown = sorted({1, last, *range(max(1, current - around), min(last, current + around) + 1)})
    links: list[int | None] = []
    for number in shown:
        if links and number - links[-1] == 2:
            links.append(number - 1)
        elif links and number - links[-1] > 2:
            links.append(None)
        links.append(number)
    return links
