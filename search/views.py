"""/search/ results page and the /search/suggest/ JSON used by the autocomplete script."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.http import require_safe

from wagtail.models import Site

from ops.pagecache import accept_parameter
from search.forms import FILTERS, SearchForm
from search.popular import CountedSearchResponse, popular_searches, search_to_count
from search.query import parse_query
from search.results import (
    RESULTS_PER_PAGE,
    private_pages_q,
    run_search,
    site_sections,
    suggestions,
)


def site_root(request: HttpRequest):
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    return site.root_page


@require_safe  # GET and HEAD
def search(request: HttpRequest) -> HttpResponse:
    root = site_root(request)
    private = private_pages_q()  # Wagtail's view restrictions, read once per search
    sections = site_sections(root, private)
    form = SearchForm(request.GET, sections)
    criteria = form.criteria(root, request.GET.get("page"), RESULTS_PER_PAGE)
    outcome = run_search(criteria, sections, private)
    accept_search_parameters(request, form, outcome)
    no_results = criteria.query.is_searchable and not outcome.total
    context = {
        "form": form,
        "search_query": criteria.query.text,
        "outcome": outcome,
        "search_results": outcome.page,
        "popular_searches": popular_searches() if no_results else [],
    }
    response = CountedSearchResponse(request, "search/search.html", context)
    # Counted once the page has been sent: a failed count never fails the search.
    response.search = search_to_count(
        request, criteria.query, bool(outcome.total), request.GET.get("page")
    )
    response["X-Robots-Tag"] = "noindex"  # the <meta> tag covers HTML; this covers any client
    return response


def accept_search_parameters(request: HttpRequest, form: SearchForm, outcome) -> None:
    """What the page cache may store this search under: the query as typed, the filters the
    form accepted, the results page shown (a refused or corrected value is not stored)."""
    accept_parameter(request, "q", request.GET.get("q"))
    for name in FILTERS:
        accept_parameter(request, name, form.value_of(name))
    number = request.GET.get("page")
    shown = outcome.page.number if outcome.page is not None else None
    accept_parameter(request, "page", None if number is None else shown)


@require_safe  # GET and HEAD
def suggest(request: HttpRequest) -> JsonResponse:
    accept_parameter(request, "q", request.GET.get("q"))
    parsed = parse_query(request.GET.get("q", ""))
    found = suggestions(parsed, site_root(request), request)
    response = JsonResponse({"query": parsed.text, "suggestions": found})
    response["X-Robots-Tag"] = "noindex"
    return response
