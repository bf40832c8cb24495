"""Section indexes (Film Reviews, Book Reviews, News, Features) and the routes under them.

/film-reviews/                    the newest pages, paginated
/film-reviews/feed/               RSS (and feed/atom/)
/film-reviews/a-z/                every title, grouped by letter (a-z/q/ for one letter)
/film-reviews/years/              decades and years, with years/1994/ and decades/1990s/
/film-reviews/directors/          directors (authors/ for books), directors/<slug>/ their films
/film-reviews/countries/          countries of production, countries/<slug>/ their films

What a section holds and how it can be browsed comes from its kind (reviews.kinds). Every
listing is paginated and costs a constant number of queries, however big the archive.
"""

import hashlib
import re
from dataclasses import dataclass
from urllib.parse import urljoin

from django.apps import apps
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, QuerySet
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import register_converter

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.search import index

from editorial.forms import MagazinePageForm
from ops.fragments import content_cached
from ops.pagecache import accept_parameter
from ops.restrictions import ViewRestrictionsInOneQueryMixin
from reviews import kinds
from reviews.blocks import INLINE_FEATURES
from reviews.browsing import (
    OTHER_LETTER,
    alphabet,
    count_names,
    decade_label,
    decade_of,
    decade_range,
    group_by_letter,
    name_slug,
    names_matching_slug,
    split_countries,
    surname_key,
)
from reviews.feeds import SectionAtomFeed, SectionFeed
from reviews.models.querysets import ReadableQuerySet
from reviews.page_meta import ATOM, RSS, FeedLink
from reviews.pagination import page_or_404

SECTION_PAGE_SIZE = 20
OTHER_LETTER_SLUG = "other"
BROWSE_LABELS = {kinds.A_TO_Z: "A–Z", kinds.YEARS: "By year", kinds.COUNTRIES: "By country"}
# "directors|authors": one route serves the creators index of every review kind.
CREATORS = "|".join(kinds.CREATOR_ROUTES)
# A name's slug in any script ("wong-kar-wai", "侯孝賢"): textkit.slugs.name_slug.
NAME_SLUG = r"[-\w]+"


class YearConverter:
    """A year or decade in a URL, no larger than a review's ``year`` field holds. Django's
    ``int`` takes any length, and a 30-digit decade overflowed SQLite's integers (a 500);
    a number past the field's range matches no route, so it is a 404 like any unknown address.
    """

    regex = "[0-9]{1,5}"
    largest = 32767  # PositiveSmallIntegerField, on every database Django supports

    def to_python(self, value: str) -> int:
        year = int(value)
        if year > self.largest:
            raise ValueError(value)  # Django's signal for "this route does not match"
        return year

    def to_url(self, value: int) -> str:
        return str(value)


# Registered before the routes below are declared: their patterns are compiled at once.
register_converter(YearConverter, "year")


@dataclass(frozen=True)
class BrowseEntry:
    label: str
    url: str
    count: int


class ChildPageRouteMixin:
    """Routes to a child page fetched as its own type, with what its page shows, at once.

    Wagtail's ``Page.route`` finds the child as a plain page, then its specific row, and the
    page's template then loads its credits, image and reviewer one query each. Placed after
    ``RoutablePageMixin`` in the bases, so a section's own routes (A–Z, by year...) still win.
    """

    def child_for_route(self, slug: str) -> Page | None:
        raise NotImplementedError

    def route(self, request, path_components):
        if path_components:
            child = self.child_for_route(path_components[0])
            if child is not None:
                child._cached_parent_obj = self  # as Page.route does: get_parent() is free
                return child.route(request, path_components[1:])
        return super().route(request, path_components)


class SectionPage(RoutablePageMixin, ChildPageRouteMixin, ViewRestrictionsInOneQueryMixin, Page):
    """A section of the magazine; its kind decides what it holds and how it is browsed."""

    base_form_class = MagazinePageForm

    Kind = models.TextChoices(
        "Kind", [(kind.enum_name, (kind.value, kind.label)) for kind in kinds.KINDS]
    )

    kind = models.CharField(
        max_length=10,
        choices=Kind.choices,
        help_text="What this section publishes; decides which pages editors can add to it.",
    )
    intro = RichTextField(
        blank=True,
        features=INLINE_FEATURES,
        help_text="A sentence or two shown above the section's list of pages.",
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = list(kinds.PAGE_MODELS)

    content_panels = [*Page.content_panels, FieldPanel("kind"), FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    objects = PageManager.from_queryset(ReadableQuerySet)()

    @property
    def section_kind(self) -> kinds.SectionKind:
        return kinds.BY_VALUE[self.kind]

    @property
    def work(self) -> kinds.ReviewedWork | None:
        """What this section reviews; None for news and features."""
        return self.section_kind.work

    @property
    def child_model(self) -> type[Page]:
        return apps.get_model(self.section_kind.page_model)

    def child_for_route(self, slug: str) -> Page | None:
        # Kept per published state (ops.fragments), as the home page keeps its sections: the
        # query over the page's three tables with its reviewer, image and creators took a
        # third of a review page's time (bench/README.md), unpickling the page a fraction of a
        # millisecond. None (no such slug, or a child of another type) is never kept: it
        # falls back to Wagtail's lookup. The slug is the reader's, so the key holds its
        # digest. View restrictions are still read from the database on every view.
        digest = hashlib.blake2b(slug.encode(), digest_size=16).hexdigest()
        return content_cached(
            "child-by-slug", f"{self.pk}:{digest}", lambda: self._child_by_slug(slug)
        )

    def _child_by_slug(self, slug: str) -> Page | None:
        return self.child_model.objects.child_of(self).for_page_view().filter(slug=slug).first()

    def latest_items(self):
        """Readable children newest first, with what their cards show already loaded."""
        return self.child_model.objects.child_of(self).readable().for_listing()

    def paginate(self, request, items: QuerySet | None = None) -> PaginatorPage:
        # ?page=abc is page 1; ?page=9999 past the last page is a 404 (reviews/pagination.py).
        items = self.latest_items() if items is None else items
        number = request.GET.get("page")
        page = page_or_404(Paginator(items, SECTION_PAGE_SIZE), number)
        accept_parameter(request, "page", None if number is None else page.number)
        return page

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items"] = self.paginate(request)
        context["browse_links"] = self.browse_links(request)
        return context

    # -- Feeds -----------------------------------------------------------------------------

    @path("feed/", name="rss_feed")
    def rss_feed(self, request):
        return SectionFeed()(request, section=self)

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        return SectionAtomFeed()(request, section=self)

    def feed_links(self, request=None) -> list[FeedLink]:
        base = self.get_url(request)
        return [
            FeedLink(f"{self.title} (RSS)", base + self.reverse_subpage("rss_feed"), RSS),
            FeedLink(f"{self.title} (Atom)", base + self.reverse_subpage("atom_feed"), ATOM),
        ]

    # -- A–Z -------------------------------------------------------------------------------

    @path("a-z/", name="a_to_z")
    @path("a-z/<str:letter>/", name="a_to_z_letter")
    def a_to_z(self, request, letter: str | None = None):
        self._require_browse(kinds.A_TO_Z)
        all_groups = self._title_groups(request)
        current = None
        groups = all_groups
        if letter is not None:
            current = OTHER_LETTER if letter == OTHER_LETTER_SLUG else letter.upper()
            groups = [group for group in all_groups if group.letter == current]
            if not groups:
                raise Http404("No titles under that letter.")
        present = {group.letter for group in all_groups}
        letters = [
            (
                symbol,
                self._letter_url(request, symbol) if symbol in present else None,
                symbol == current,
            )
            for symbol in alphabet()
        ]
        return self._render(
            request,
            "reviews/section_a_to_z.html",
            title=f"{self.title} A–Z" + (f": {current}" if current else ""),
            route=("a_to_z_letter", [letter]) if letter else ("a_to_z", []),
            groups=groups,
            letters=letters,
        )

    def _title_groups(self, request) -> list:
        """Every title in the section, filed by letter, with its URL; filed once per published
        state of the site, since every letter's page needs all of them (which letters exist)."""
        section_url = self.get_url(request)
        return content_cached(
            "a-to-z", f"{self.pk}:{section_url}", lambda: self._file_titles(section_url)
        )

    def _file_titles(self, section_url: str) -> list:
        # Titles only (one query, no bodies), so even a large archive indexes cheaply.
        rows = self._children().order_by().values("title", "slug", "year")
        groups = group_by_letter(rows, title=lambda row: row["title"])
        for group in groups:
            group.items = [{**row, "url": f"{section_url}{row['slug']}/"} for row in group.items]
        return groups

    # -- By year ---------------------------------------------------------------------------

    @path("years/", name="years")
    def years(self, request):
        self._require_browse(kinds.YEARS)
        counts = (
            self._children().exclude(year=None).order_by().values("year").annotate(n=Count("pk"))
        )
        by_decade: dict[int, list[BrowseEntry]] = {}
        for row in sorted(counts, key=lambda row: row["year"], reverse=True):
            url = self._route_url(request, "year", [row["year"]])
            by_decade.setdefault(decade_of(row["year"]), []).append(
                BrowseEntry(str(row["year"]), url, row["n"])
            )
        decades = [
            (
                BrowseEntry(
                    decade_label(decade),
                    self._route_url(request, "decade", [decade]),
                    sum(entry.count for entry in entries),
                ),
                entries,
            )
            for decade, entries in by_decade.items()
        ]
        return self._render(
            request,
            "reviews/section_years.html",
            title=f"{self.title} by year",
            route=("years", []),
            decades=decades,
        )

    @path("years/<year:year>/", name="year")
    def year(self, request, year: int):
        self._require_browse(kinds.YEARS)
        return self._listing(
            request,
            self.latest_items().filter(year=year),
            f"{self.work.heading} from {year}",
            ("year", [year]),
        )

    @path("decades/<year:decade>s/", name="decade")
    def decade(self, request, decade: int):
        self._require_browse(kinds.YEARS)
        if decade % 10:
            raise Http404("A decade starts with a year ending in 0.")
        items = self.latest_items().filter(year__range=decade_range(decade))
        return self._listing(
            request,
            items,
            f"{self.work.heading} from the {decade_label(decade)}",
            ("decade", [decade]),
        )

    # -- By director or author ------------------------------------------------------------

    @re_path(rf"^(?P<creators>{CREATORS})/$", name="creators")
    def creators_index(self, request, creators: str):
        self._require_creators(creators)
        counts = (
            self._creators().values("name").annotate(n=Count("page", distinct=True)).order_by()
        )
        entries = [
            BrowseEntry(row["name"], self.creator_url(row["name"], request), row["n"])
            for row in counts
        ]
        return self._render(
            request,
            "reviews/section_names.html",
            title=f"{self.title} by {self.work.creator}",
            route=("creators", [creators]),
            groups=group_by_letter(entries, title=lambda entry: entry.label, sort_key=surname_key),
        )

    @re_path(rf"^(?P<creators>{CREATORS})/(?P<slug>{NAME_SLUG})/$", name="creator")
    def creator(self, request, creators: str, slug: str):
        self._require_creators(creators)
        creators_here = self._creators()
        # order_by(): the default ordering would make DISTINCT apply to (name, sort_order).
        names = names_matching_slug(
            creators_here.order_by().values_list("name", flat=True).distinct(), slug
        )
        if not names:
            raise Http404("Nobody of that name in this section.")
        items = self.latest_items().filter(
            pk__in=creators_here.filter(name__in=names).values("page_id")
        )
        title = f"{self.work.by_creator} {names[0]}"
        return self._listing(request, items, title, ("creator", [creators, slug]))

    def creator_url(self, name: str, request=None) -> str:
        return self._route_url(request, "creator", [self.work.creators, name_slug(name)])

    def _creators(self) -> QuerySet:
        """The directors or authors of this section's readable pages, one row per credit."""
        credits = self.child_model._meta.get_field("creators").related_model
        return credits.objects.filter(page__in=self._children().values("pk"))

    def _require_creators(self, creators: str) -> None:
        self._require_browse(kinds.CREATORS)
        if creators != self.work.creators:
            raise Http404(f"This section's index of people is {self.work.creators}/.")

    # -- By country ------------------------------------------------------------------------

    @path("countries/", name="countries")
    def countries(self, request):
        self._require_browse(kinds.COUNTRIES)
        counts = count_names(self._children().values_list("countries", flat=True), split_countries)
        merged: dict[str, BrowseEntry] = {}
        for name, count in counts.items():
            slug = name_slug(name)
            entry = merged.get(slug)
            total = count + (entry.count if entry else 0)
            merged[slug] = BrowseEntry(
                entry.label if entry else name, self._route_url(request, "country", [slug]), total
            )
        return self._render(
            request,
            "reviews/section_names.html",
            title=f"{self.title} by country",
            route=("countries", []),
            groups=group_by_letter(merged.values(), title=lambda entry: entry.label),
        )

    @re_path(rf"^countries/(?P<slug>{NAME_SLUG})/$", name="country")
    def country(self, request, slug: str):
        self._require_browse(kinds.COUNTRIES)
        spellings = self._country_spellings(slug)
        if not spellings:
            raise Http404("Nothing from that country.")
        # "Germany/Austria" lists two countries: match whole names between the slashes.
        alternatives = "|".join(re.escape(name) for name in spellings)
        pattern = rf"(^|/)\s*({alternatives})\s*(/|$)"
        items = self.latest_items().filter(countries__iregex=pattern)
        title = f"{self.work.heading} from {spellings[0]}"
        return self._listing(request, items, title, ("country", [slug]))

    def _country_spellings(self, slug: str) -> list[str]:
        values = self._children().order_by().values_list("countries", flat=True).distinct()
        return names_matching_slug(count_names(values, split_countries), slug)

    # -- Browse navigation -----------------------------------------------------------------

    def browse_links(self, request=None) -> list[tuple[str, str]]:
        """The ways to browse this section, for its navigation; none for news and features."""
        return [(label, self._route_url(request, *route)) for label, route in self._browse()]

    def work_links(self, review, request=None) -> list[tuple[str, str]]:
        """Links from a review to the rest of the archive: its people, countries and decade."""
        work = self.work
        if work is None:
            return []
        links = [
            (f"More {work.plural} by {name}", self.creator_url(name, request))
            for name in review.get_creator_names()
        ]
        if kinds.COUNTRIES in work.browse:
            for country in split_countries(review.countries):
                url = self._route_url(request, "country", [name_slug(country)])
                links.append((f"More {work.plural} from {country}", url))
        if review.year:
            decade = decade_of(review.year)
            links.append(
                (
                    f"More {work.plural} from the {decade_label(decade)}",
                    self._route_url(request, "decade", [decade]),
                )
            )
        return links

    def get_sitemap_urls(self, request=None) -> list[dict]:
        """The section itself, then its browse indexes (A–Z, years, people, countries)."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        return urls + [
            {"location": urljoin(base, self.reverse_subpage(*route))}
            for _label, route in self._browse()
        ]

    def _browse(self) -> list[tuple[str, tuple[str, list]]]:
        """(label, (route name, args)) of each way this section's kind is browsed."""
        work = self.work
        if work is None:
            return []
        routes = []
        for way in work.browse:
            if way == kinds.CREATORS:
                routes.append((f"By {work.creator}", ("creators", [work.creators])))
            else:
                routes.append((BROWSE_LABELS[way], (way, [])))
        return routes

    # -- Helpers ---------------------------------------------------------------------------

    def _children(self) -> QuerySet:
        """Readable pages of this section, without listing extras."""
        return self.child_model.objects.child_of(self).readable()

    def _letter_url(self, request, letter: str) -> str:
        slug = OTHER_LETTER_SLUG if letter == OTHER_LETTER else letter.lower()
        return self._route_url(request, "a_to_z_letter", [slug])

    def _route_url(self, request, name: str, args: list | None = None) -> str:
        return self.get_url(request) + self.reverse_subpage(name, args=args)

    def _require_browse(self, way: str) -> None:
        if self.work is None or way not in self.work.browse:
            raise Http404("This section cannot be browsed this way.")

    def _listing(self, request, items: QuerySet, title: str, route: tuple[str, list]):
        return self._render(
            request,
            "reviews/section_browse.html",
            title=title,
            route=route,
            items=self.paginate(request, items),
        )

    def _render(self, request, template: str, *, title: str, route: tuple[str, list], **context):
        # Not self.render(): that would also build the section's own paginated listing.
        name, args = route
        context.update(
            page=self,
            self=self,
            browse_title=title,
            meta_title=title,
            meta_description=f"{title}: reviews from {self.title} in Talking Pictures.",
            canonical_url=urljoin(self.get_full_url(request), self.reverse_subpage(name, args)),
            browse_links=self.browse_links(request),
        )
        return TemplateResponse(request, template, context)
