"""Routes under a section page: its feeds, and ways to browse a review section's archive.

/film-reviews/feed/               RSS (and feed/atom/)
/film-reviews/a-z/                every title, grouped by letter (a-z/q/ for one letter)
/film-reviews/years/              decades and years, with years/1994/ and decades/1990s/
/film-reviews/directors/          directors (authors/ for books), directors/<slug>/ their films
/film-reviews/countries/          countries of production, countries/<slug>/ their films

Every listing is paginated and costs a constant number of queries, however big the archive.
"""

import re
from dataclasses import dataclass
from urllib.parse import urljoin

from django.db.models import Count, QuerySet
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import register_converter

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from ops.fragments import content_cached
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

OTHER_LETTER_SLUG = "other"


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


class SectionRoutesMixin(RoutablePageMixin):
    """Mixed into SectionPage; relies on its ``kind``, ``child_model`` and ``latest_items()``."""

    # -- Feeds -----------------------------------------------------------------------------

    @path("feed/", name="rss_feed")
    def rss_feed(self, request):
        from reviews.feeds import SectionFeed  # feeds import the models, which import us

        return SectionFeed()(request, section=self)

    @path("feed/atom/", name="atom_feed")
    def atom_feed(self, request):
        from reviews.feeds import SectionAtomFeed

        return SectionAtomFeed()(request, section=self)

    # -- A–Z -------------------------------------------------------------------------------

    @path("a-z/", name="a_to_z")
    @path("a-z/<str:letter>/", name="a_to_z_letter")
    def a_to_z(self, request, letter: str | None = None):
        self._require_reviews()
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
        self._require_reviews()
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
        self._require_reviews()
        return self._listing(
            request,
            self.latest_items().filter(year=year),
            f"{self.work_noun} from {year}",
            ("year", [year]),
        )

    @path("decades/<year:decade>s/", name="decade")
    def decade(self, request, decade: int):
        self._require_reviews()
        if decade % 10:
            raise Http404("A decade starts with a year ending in 0.")
        items = self.latest_items().filter(year__range=decade_range(decade))
        return self._listing(
            request,
            items,
            f"{self.work_noun} from the {decade_label(decade)}",
            ("decade", [decade]),
        )

    # -- By director or author ------------------------------------------------------------

    @path("directors/", name="directors")
    def directors(self, request):
        return self._creators_index(request, "directors")

    @path("authors/", name="authors")
    def authors(self, request):
        return self._creators_index(request, "authors")

    @path("directors/<slug:slug>/", name="director")
    def director(self, request, slug: str):
        return self._creator_listing(request, "directors", slug)

    @path("authors/<slug:slug>/", name="author")
    def author(self, request, slug: str):
        return self._creator_listing(request, "authors", slug)

    # -- By country ------------------------------------------------------------------------

    @path("countries/", name="countries")
    def countries(self, request):
        self._require_kind(self.Kind.FILM_REVIEWS)
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

    @path("countries/<slug:slug>/", name="country")
    def country(self, request, slug: str):
        self._require_kind(self.Kind.FILM_REVIEWS)
        spellings = self._country_spellings(slug)
        if not spellings:
            raise Http404("No films from that country.")
        # "Germany/Austria" lists two countries: match whole names between the slashes.
        alternatives = "|".join(re.escape(name) for name in spellings)
        pattern = rf"(^|/)\s*({alternatives})\s*(/|$)"
        items = self.latest_items().filter(countries__iregex=pattern)
        return self._listing(request, items, f"Films from {spellings[0]}", ("country", [slug]))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["browse_links"] = self.browse_links(request)
        return context

    # -- Helpers ---------------------------------------------------------------------------

    @property
    def is_review_section(self) -> bool:
        return self.kind in (self.Kind.FILM_REVIEWS, self.Kind.BOOK_REVIEWS)

    @property
    def creators_route(self) -> str:
        return "directors" if self.kind == self.Kind.FILM_REVIEWS else "authors"

    @property
    def work_noun(self) -> str:
        return "Films" if self.kind == self.Kind.FILM_REVIEWS else "Books"

    def browse_links(self, request=None) -> list[tuple[str, str]]:
        """The ways to browse this section, for its navigation; none for news and features."""
        labels = {
            "a_to_z": "A–Z",
            "years": "By year",
            "directors": "By director",
            "authors": "By author",
            "countries": "By country",
        }
        return [
            (labels[name], self._route_url(request, name)) for name in self._browse_route_names()
        ]

    def creator_url(self, name: str, request=None) -> str:
        singular = "director" if self.creators_route == "directors" else "author"
        return self._route_url(request, singular, [name_slug(name)])

    def work_links(self, review, request=None) -> list[tuple[str, str]]:
        """Links from a review to the rest of the archive: its people, countries and decade."""
        noun = "films" if self.kind == self.Kind.FILM_REVIEWS else "books"
        links = [
            (f"More {noun} by {name}", self.creator_url(name, request))
            for name in review.get_creator_names()
        ]
        for country in split_countries(getattr(review, "countries", "")):
            links.append(
                (
                    f"More films from {country}",
                    self._route_url(request, "country", [name_slug(country)]),
                )
            )
        if review.year:
            decade = decade_of(review.year)
            links.append(
                (
                    f"More {noun} from the {decade_label(decade)}",
                    self._route_url(request, "decade", [decade]),
                )
            )
        return links

    def get_sitemap_urls(self, request=None) -> list[dict]:
        """The section itself, then its browse indexes (A–Z, years, people, countries)."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        return urls + [
            {"location": urljoin(base, self.reverse_subpage(name))}
            for name in self._browse_route_names()
        ]

    def _browse_route_names(self) -> list[str]:
        if not self.is_review_section:
            return []
        names = ["a_to_z", "years", self.creators_route]
        if self.kind == self.Kind.FILM_REVIEWS:
            names.append("countries")
        return names

    def _children(self) -> QuerySet:
        """Readable pages of this section, without listing extras."""
        return self.child_model.objects.child_of(self).readable()

    def _letter_url(self, request, letter: str) -> str:
        slug = OTHER_LETTER_SLUG if letter == OTHER_LETTER else letter.lower()
        return self._route_url(request, "a_to_z_letter", [slug])

    def _route_url(self, request, name: str, args: list | None = None) -> str:
        return self.get_url(request) + self.reverse_subpage(name, args=args)

    def _require_reviews(self) -> None:
        if not self.is_review_section:
            raise Http404("Only review sections can be browsed this way.")

    def _require_kind(self, kind: str) -> None:
        if self.kind != kind:
            raise Http404("This section cannot be browsed this way.")

    def _creators_index(self, request, route: str):
        self._require_reviews()
        if route != self.creators_route:
            raise Http404("Films have directors; books have authors.")
        from reviews.models import WorkCreator

        counts = (
            WorkCreator.objects.filter(page__in=self._children().values("pk"))
            .values("name")
            .annotate(n=Count("page", distinct=True))
            .order_by()
        )
        entries = [
            BrowseEntry(row["name"], self.creator_url(row["name"], request), row["n"])
            for row in counts
        ]
        return self._render(
            request,
            "reviews/section_names.html",
            title=f"{self.title} by {'director' if route == 'directors' else 'author'}",
            route=(route, []),
            groups=group_by_letter(entries, title=lambda entry: entry.label, sort_key=surname_key),
        )

    def _creator_listing(self, request, route: str, slug: str):
        self._require_reviews()
        if route != self.creators_route:
            raise Http404("Films have directors; books have authors.")
        from reviews.models import WorkCreator

        creators = WorkCreator.objects.filter(page__in=self._children().values("pk"))
        # order_by(): the default ordering would make DISTINCT apply to (name, sort_order).
        names = names_matching_slug(
            creators.order_by().values_list("name", flat=True).distinct(), slug
        )
        if not names:
            raise Http404("Nobody of that name in this section.")
        items = self.latest_items().filter(
            pk__in=creators.filter(name__in=names).values("page_id")
        )
        verb = "Films directed by" if route == "directors" else "Books by"
        singular = route.removesuffix("s")
        return self._listing(request, items, f"{verb} {names[0]}", (singular, [slug]))

    def _country_spellings(self, slug: str) -> list[str]:
        values = self._children().order_by().values_list("countries", flat=True).distinct()
        return names_matching_slug(count_names(values, split_countries), slug)

    def _listing(self, request, items: QuerySet, title: str, route: tuple[str, list]):
        from django.core.paginator import Paginator

        from reviews.models import SECTION_PAGE_SIZE

        paginated = Paginator(items, SECTION_PAGE_SIZE).get_page(request.GET.get("page"))
        return self._render(
            request, "reviews/section_browse.html", title=title, route=route, items=paginated
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
