"""The site search: criteria in, one page of ready-to-show hits out.

The view and ``bench/search_bench.py`` both call :func:`run_search`, so the benchmark times
exactly what readers get.
"""

import datetime
import enum
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.apps import apps
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Case, Count, Q, QuerySet, Value, When
from django.db.models.functions import Substr, Upper
from django.db.models.lookups import Exact
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe

from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.query import And, Phrase, PlainText, SearchQuery

from reviews.cards import load_specific, newest_first
from reviews.kinds import SectionKind
from reviews.models import (
    ArticlePage,
    ReviewPage,
    SectionPage,
    WorkCreator,
)
from search.query import ParsedQuery, highlight, highlighted_excerpt, log_key, stream_text

RESULTS_PER_PAGE = 10
MAX_RESULTS_PER_PAGE = 50
SUGGESTIONS = 8
MAX_PINNED = 50  # exact matches shown first; a prolific director's 300 films need no pinning


class Order(enum.StrEnum):
    RELEVANCE = "relevance"
    NEWEST = "newest"


# How to load what a result card shows for each page type in one query per type (no N+1).
RESULT_RELATIONS: dict[type[Page], tuple[tuple[str, ...], tuple[str, ...]]] = {
    ReviewPage: (("reviewer",), ("creators",)),
    ArticlePage: (("author",), ()),
}


@dataclass(frozen=True)
class Criteria:
    query: ParsedQuery
    site_root: Page
    section: SectionPage | None = None
    kind: SectionKind | None = None
    year_range: tuple[int, int] | None = None
    order: Order = Order.RELEVANCE
    page_number: str | int | None = 1
    per_page: int = RESULTS_PER_PAGE

    @property
    def has_filters(self) -> bool:
        return bool(self.section or self.kind or self.year_range)


@dataclass
class Hit:
    page: Page
    section: SectionPage | None
    title_html: str
    credits: str
    excerpt_html: str
    promoted: bool = False
    # "Reviewed by …" or "By …" (or "") and the date, read here for every page type: in the
    # template, each lookup of a field a page type lacks (an article's reviewer) costs Django
    # a dir() of the page, ~0.2 ms, which made the search page 6% slower.
    byline: str = ""
    date: datetime.date | None = None


@dataclass
class SectionCount:
    section: SectionPage
    count: int


@dataclass
class SearchOutcome:
    criteria: Criteria
    hits: list[Hit]
    page: PaginatorPage | None
    section_counts: list[SectionCount] = field(default_factory=list)
    external_promotions: list[SearchPromotion] = field(default_factory=list)

    @property
    def total(self) -> int:
        return self.page.paginator.count if self.page else 0


@dataclass(frozen=True)
class RestSlice:
    """The backend's results ``[start:stop]``, fetched in the same statement as the counts."""

    start: int
    stop: int
    pages: list[Page]


class PinnedFirst:
    """Pinned pages (promotions, exact title matches), then the backend's results.

    Looks enough like a list for Django's Paginator; only the requested slice is fetched.
    """

    def __init__(
        self,
        pinned: Sequence[Page],
        rest,
        rest_count: int | None = None,
        rest_slice: RestSlice | None = None,
    ) -> None:
        self.pinned = list(pinned)
        self.rest = rest
        self.rest_slice = rest_slice  # fetched with the counts, if the backend could
        if rest_count is not None:
            self._rest_count = rest_count  # counted with the section facet: no COUNT query

    @cached_property
    def _rest_count(self) -> int:
        return self.rest.count()

    def count(self) -> int:
        return len(self.pinned) + self._rest_count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, window: slice) -> list[Page]:
        start, stop = window.start or 0, window.stop if window.stop is not None else self.count()
        head = self.pinned[start:stop]
        rest_start, rest_stop = max(0, start - len(self.pinned)), stop - len(self.pinned)
        if rest_stop <= rest_start:
            return head
        fetched = self.rest_slice
        if fetched and fetched.start == rest_start and rest_stop <= fetched.stop:
            return head + fetched.pages[: rest_stop - rest_start]
        return head + list(self.rest[rest_start:rest_stop])


def rest_window(page_number: str | int | None, per_page: int, pinned: int) -> tuple[int, int]:
    """Which of the backend's results the requested page shows, after ``pinned`` pages.

    A guess made before the count is known: a page number the paginator reads differently
    (``?page=9999`` becomes the last page) only costs the slice's own query later.
    """
    try:
        number = max(1, int(page_number or 1))
    except (TypeError, ValueError):
        number = 1
    number = min(number, 100_000)  # beyond any result set: the last page anyway (and SQL's int)
    start = (number - 1) * per_page
    return max(0, start - pinned), max(0, start + per_page - pinned)


def backend_query(parsed: ParsedQuery) -> SearchQuery:
    """Every word must match; quoted phrases must match as phrases."""
    parts: list[SearchQuery] = []
    if parsed.terms:
        parts.append(PlainText(" ".join(parsed.terms), operator="and"))
    parts.extend(Phrase(phrase) for phrase in parsed.phrases)
    return parts[0] if len(parts) == 1 else And(parts)


def site_sections(site_root: Page, private: Q | None = None) -> list[SectionPage]:
    """The site's live, public sections; ``private`` is ``private_pages_q()`` if already read."""
    private = private_pages_q() if private is None else private
    return list(SectionPage.objects.child_of(site_root).live().exclude(private).order_by("path"))


NO_PAGE = Q(pk__in=[])  # what Wagtail's private_q() gives while nothing is restricted


def private_pages_q() -> Q:
    """Pages readers may not see: Wagtail's ``private_q()`` (read once per search: it queries
    the restrictions), plus aliases of those pages, which Wagtail's page view serves under
    their source's restrictions but ``private_q()`` forgets. The aliases cost a query only
    while some page is restricted."""
    private = Page.objects.all().private_q()
    if private == NO_PAGE:
        return private
    aliases = Page.objects.filter(alias_of__in=Page.objects.filter(private))
    return private | Q(pk__in=list(aliases.values_list("pk", flat=True)))


def filtered_pages(
    criteria: Criteria, sections: Sequence[SectionPage], *, section=True, private: Q | None = None
):
    """Live, public pages of the site that match the filters (not the words)."""
    kind = criteria.kind
    model = apps.get_model(kind.page_model) if kind else Page
    if criteria.year_range:
        if kind and not kind.is_review:
            return Page.objects.none()  # news and features have no year of a work
        model = model if model is not Page else ReviewPage
    private = private_pages_q() if private is None else private
    pages = model.objects.live().exclude(private)
    pages = pages.descendant_of(criteria.site_root, inclusive=True)
    if kind:
        # A kind is its sections: news and features are both articles.
        paths = [s.path for s in sections if s.kind == kind.value]
        if not paths:
            return Page.objects.none()
        in_kind = Q()
        for path in paths:
            in_kind |= Q(path__startswith=path)
        pages = pages.filter(in_kind)
    if section and criteria.section:
        pages = pages.descendant_of(criteria.section)
    if criteria.year_range:
        pages = pages.filter(year__gte=criteria.year_range[0], year__lte=criteria.year_range[1])
    return pages


def promoted_pages(criteria: Criteria, pages) -> tuple[list[Page], list[SearchPromotion]]:
    """Editors' picks for this query that pass the filters, and picks that link elsewhere."""
    promotions = list(
        SearchPromotion.objects.filter(query__query_string=query_log_key(criteria.query))
        .select_related("page")
        .order_by("sort_order")
    )
    page_ids = [promotion.page_id for promotion in promotions if promotion.page_id]
    visible = {page.pk: page for page in pages.filter(pk__in=page_ids)} if page_ids else {}
    external = [p for p in promotions if not p.page_id and p.external_link_url]
    return [visible[pk] for pk in page_ids if pk in visible], external


def exact_matches(criteria: Criteria, pages) -> list[Page]:
    """Pages whose title, original title or director/author is exactly the query.

    They go first whatever the backend's score says: SQLite FTS5 (as modelsearch uses it)
    weighs a word in the title no more than one in the body, so "Ikiru" could rank a passing
    mention above the review of Ikiru. PostgreSQL's field boosts usually agree anyway.
    """
    text = " ".join(criteria.query.text.replace('"', " ").split())
    if not text:
        return []
    # UPPER(column) = UPPER(text): what iexact means on PostgreSQL (and, for ASCII, SQLite's
    # LIKE), written so the expression indexes of search/migrations/0002 serve it.
    wanted = Upper(Value(text))
    titled = (
        Page.objects.filter(Exact(Upper("title"), wanted))
        .order_by()
        .values("pk")
        .union(
            ReviewPage.objects.filter(Exact(Upper("original_title"), wanted))
            .order_by()
            .values("pk")
        )
    )
    credited = (
        WorkCreator.objects.filter(Exact(Upper("name"), wanted)).order_by().values("page_id")
    )
    # One IN (… UNION …): three index lookups, then pages by primary key. An OR of three
    # IN-subqueries made PostgreSQL scan every page (figure: bench/README.md).
    matches = pages.filter(pk__in=titled.union(credited)).annotate(
        title_match=Case(When(pk__in=titled, then=Value(1)), default=Value(0))
    )
    return list(matches.order_by("-title_match", "path")[:MAX_PINNED])


def run_search(
    criteria: Criteria,
    sections: Sequence[SectionPage] | None = None,
    private: Q | None = None,
) -> SearchOutcome:
    """Search, paginate and load one page of hits; queries do not grow with the page size.

    ``private`` is ``private_pages_q()`` when the caller has already read the view
    restrictions (the view reads them once for the sections and the search).
    """
    if not criteria.query.is_searchable:
        return SearchOutcome(criteria=criteria, hits=[], page=None)
    private = private_pages_q() if private is None else private
    if sections is None:
        sections = site_sections(criteria.site_root, private)
    backend = get_search_backend()
    query = backend_query(criteria.query)
    pages = filtered_pages(criteria, sections, private=private)
    promoted: list[Page] = []
    external: list[SearchPromotion] = []
    pinned: list[Page] = []
    if criteria.order == Order.RELEVANCE:
        promoted, external = promoted_pages(criteria, pages)
        titled = [page for page in exact_matches(criteria, pages) if page not in promoted]
        pinned = promoted + titled
    pinned_ids = [page.pk for page in pinned]
    per_page = max(1, min(criteria.per_page, MAX_RESULTS_PER_PAGE))
    window = rest_window(criteria.page_number, per_page, len(pinned))
    section_counts, rest_count, rest_slice = count_matches(
        criteria, query, sections, backend, private, pinned_ids, window
    )
    if criteria.order == Order.RELEVANCE:
        rest_pages = pages.exclude(id__in=pinned_ids) if pinned else pages
        rest = backend.search(query, rest_pages, order_by_relevance=True)
    else:
        rest = backend.search(query, newest_first(pages), order_by_relevance=False)
    # get_page() turns ?page=abc into page 1 and ?page=9999 into the last page: unlike a
    # listing's (reviews/pagination.py), a search's last page moves as content changes, and a
    # reader's ?page=5 of yesterday's search should show results, not a 404.
    listing = PinnedFirst(pinned, rest, rest_count, rest_slice)
    result_page = Paginator(listing, per_page).get_page(criteria.page_number)
    promoted_ids = {page.pk for page in promoted}
    return SearchOutcome(
        criteria=criteria,
        hits=build_hits(list(result_page.object_list), criteria.query, sections, promoted_ids),
        page=result_page,
        section_counts=section_counts,
        external_promotions=external if result_page.number == 1 else [],
    )


def count_matches(
    criteria: Criteria,
    query: SearchQuery,
    sections: Sequence[SectionPage],
    backend,
    private: Q,
    pinned_ids: Sequence[int],
    window: tuple[int, int],
) -> tuple[list[SectionCount], int | None, RestSlice | None]:
    """Matches per section (under the other filters), the backend's share of the total and,
    where the backend can fetch it in the same statement, its ``window`` of results.

    Database backends: one GROUP BY over the matches gives both the section facet and the
    number of unpinned matches the paginator needs, so no separate COUNT runs. The second
    value is None when it must be counted separately (search servers).
    """
    everywhere = filtered_pages(criteria, sections, section=False, private=private)
    counted = backend.search(query, everywhere, order_by_relevance=False)
    if not hasattr(counted, "get_queryset"):
        counts = [
            SectionCount(section, backend.search(query, everywhere.descendant_of(section)).count())
            for section in sections
        ]
        return counts, None, None
    groups = facet_groups(criteria, sections, pinned_ids)
    fetched = counts_with_window(criteria, query, everywhere, backend, groups, pinned_ids, window)
    if fetched is None:
        grouped = counted.get_queryset().order_by().annotate(**groups)
        rows, rest_slice = grouped.values(*groups).annotate(matches=Count("pk")), None
    else:
        rows, rest_slice = fetched
    per_section: dict[str, int] = defaultdict(int)
    in_filter = 0
    for row in rows:
        if row["below"]:
            per_section[row["section_path"]] += row["matches"]
        if criteria.section is None or (
            row["below"] and row["section_path"] == criteria.section.path
        ):
            in_filter += 0 if row["pinned"] else row["matches"]
    counts = [SectionCount(section, per_section.get(section.path, 0)) for section in sections]
    return counts, in_filter, rest_slice


def counts_with_window(
    criteria: Criteria, query, everywhere, backend, groups: dict, pinned_ids, window
) -> tuple[list[dict], RestSlice] | None:
    """The facet's rows and the window of results in one statement, where the backend can
    (PostgreSQL, ``counts_and_slice``); None elsewhere."""
    relevance = criteria.order == Order.RELEVANCE
    ordered = backend.search(
        query, everywhere if relevance else newest_first(everywhere), order_by_relevance=relevance
    )
    if not hasattr(ordered, "counts_and_slice"):
        return None
    # What the paginated results hold: the section filter, without the pinned pages.
    rest = ~Q(pk__in=pinned_ids) if pinned_ids else Q()
    if criteria.section:
        rest &= Q(path__startswith=criteria.section.path, depth__gt=criteria.section.depth)
    fetched = ordered.counts_and_slice(groups, rest, *window)
    if fetched is None:
        return None
    rows, pages = fetched
    return rows, RestSlice(*window, pages)


def facet_groups(criteria: Criteria, sections: Sequence[SectionPage], pinned_ids) -> dict:
    """What the matches are counted by: the section's path, whether the page is below its
    section (a section page itself is not "in" it), and whether it is pinned."""
    if sections:
        prefix_length, section_depth = len(sections[0].path), sections[0].depth
    else:
        prefix_length, section_depth = len(criteria.site_root.path), criteria.site_root.depth
    return {
        "section_path": Substr("path", 1, prefix_length),
        "below": Case(When(depth__gt=section_depth, then=Value(1)), default=Value(0)),
        "pinned": Case(When(pk__in=list(pinned_ids), then=Value(1)), default=Value(0))
        if pinned_ids
        else Value(0),
    }


def with_hit_relations(pages: QuerySet) -> QuerySet:
    """What a result card shows for its page type, loaded with the pages (no N+1)."""
    for base, (joined, prefetched) in RESULT_RELATIONS.items():
        if issubclass(pages.model, base):
            pages = pages.select_related(*joined).prefetch_related(*prefetched)
    return pages


def hit_pages(pages: Sequence[Page]) -> list[Page]:
    """The specific pages, in order, with what their cards show: one query per page type."""
    loaded = load_specific(((page.pk, page.content_type_id) for page in pages), with_hit_relations)
    return [loaded.get(page.pk, page) for page in pages]


def section_of(page: Page, sections: Sequence[SectionPage]) -> SectionPage | None:
    return next((s for s in sections if page.path.startswith(s.path) and page.pk != s.pk), None)


# A text this short is a label (an epigraph's attribution, a spoiler notice's title), not
# prose to show when no text names the words searched for.
PROSE_WORDS = 8


def page_text(page: Page) -> list[str]:
    """The summary, then each piece of text of each body block on its own (a paragraph; an
    epigraph's quotation and its attribution apart): an excerpt is cut from one of them, so
    a block's label never runs into the next block's prose."""
    texts = [getattr(page, "summary", "") or ""]
    body = getattr(page, "body", None)
    if body is not None:
        # raw_data is the stored JSON: reading it converts no blocks and runs no queries.
        for block in body.raw_data:
            texts.extend(stream_text(block.get("value")))
    return [text for text in texts if text]


def best_excerpt(texts: Sequence[str], terms: Sequence[str]) -> str:
    """The first text that mentions a term, else the first that reads as prose; highlighted."""
    lowered_terms = [term.casefold() for term in terms]
    chosen = next(
        (text for text in texts if any(term in text.casefold() for term in lowered_terms)),
        None,
    )
    if chosen is None:
        prose = [text for text in texts if len(text.split()) >= PROSE_WORDS]
        chosen = (prose or [*texts, ""])[0]
    return highlighted_excerpt(chosen, terms)


def build_hits(
    pages: Sequence[Page], query: ParsedQuery, sections, promoted_ids: set[int]
) -> list[Hit]:
    terms = query.highlight_terms
    hits = []
    for page in hit_pages(pages):
        credits = getattr(page, "credits_line", "")
        hits.append(
            Hit(
                page=page,
                section=section_of(page, sections),
                # Safe to mark: highlight() escapes every character of the text and terms.
                title_html=mark_safe(highlight(page.title, terms)),  # noqa: S308
                credits=credits,
                excerpt_html=mark_safe(best_excerpt(page_text(page), terms)),  # noqa: S308
                promoted=page.pk in promoted_ids,
                byline=byline_of(page),
                date=getattr(page, "date", None),
            )
        )
    return hits


def byline_of(page: Page) -> str:
    """Who wrote a result: a review's reviewer, an article's author; "" for other pages."""
    if reviewer := getattr(page, "reviewer", None):
        return f"Reviewed by {reviewer.name}"
    if author := getattr(page, "author", None):
        return f"By {author.name}"
    return ""


def query_log_key(parsed: ParsedQuery) -> str:
    """The query as the promotions log stores it (lower case, single spaces)."""
    return log_key(parsed.text)


def suggestions(parsed: ParsedQuery, site_root: Page, request=None) -> list[dict[str, str]]:
    """Titles for the autocomplete box, from the backend's autocomplete (prefix) search."""
    if not parsed.terms:
        return []
    pages = Page.objects.live().exclude(private_pages_q()).descendant_of(site_root)
    backend = get_search_backend()
    found = backend.autocomplete(" ".join(parsed.terms), pages)[:SUGGESTIONS]
    return [{"title": page.title, "url": page.get_url(request) or ""} for page in found]
