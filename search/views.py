from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from wagtail.models import Page

RESULTS_PER_PAGE = 10


def search(request):
    query = request.GET.get("query", request.GET.get("q", "")).strip()
    results = Page.objects.live().public().search(query) if query else Page.objects.none()
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "search/search.html", {"search_query": query, "search_results": page}
    )
