"""A contributor's public page: their bio and everything they reviewed or wrote."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse

from ops.pagecache import accept_parameter
from ops.sites import absolute_url
from reviews.cards import paginate_cards
from reviews.listings import contributor_work
from reviews.models import SECTION_PAGE_SIZE, Contributor


def contributor_detail(request: HttpRequest, slug: str) -> HttpResponse:
    contributor = get_object_or_404(Contributor.objects.select_related("photo"), slug=slug)
    number = request.GET.get("page")
    work = paginate_cards(contributor_work(contributor), number, SECTION_PAGE_SIZE)
    accept_parameter(request, "page", None if number is None else work.number)
    context = {
        "contributor": contributor,
        "items": work,
        "meta_title": contributor.name,
        "meta_description": contributor.bio or f"Reviews and articles by {contributor.name}.",
        "canonical_url": absolute_url(request, request.path),
    }
    return TemplateResponse(request, "reviews/contributor_detail.html", context)
