"""Contributors, section indexes, reviews and articles."""

import datetime

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Exists, OuterRef, QuerySet
from django.db.models.functions import Length, Substr
from django.utils.functional import cached_property
from django.utils.text import slugify

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index

from editorial.panels import CreditsLinePanel, ImportedSourcePanel
from ops.restrictions import ViewRestrictionsInOneQueryMixin
from reviews.blocks import INLINE_FEATURES, StoryBlock
from reviews.credits import book_credits, film_credits
from reviews.section_routes import SectionRoutesMixin

SECTION_PAGE_SIZE = 20

PUBLICATION_DATE_HELP = "The date printed on the page; listings are ordered by it."
LEAD_IMAGE_HELP = "Shown at the top of the page and on its card in listings."
SCHEDULING_HELP = (
    "The publication date is what readers see. To make the page go live later, use "
    "“Set schedule” in the Status side panel, then publish."
)


class Contributor(index.Indexed, models.Model):
    """A reviewer or writer. Deleting one who has reviews is refused (PROTECT)."""

    name = models.CharField(
        max_length=150, unique=True, help_text="Full name as printed in bylines."
    )
    slug = models.SlugField(
        max_length=160,
        unique=True,
        blank=True,
        help_text="Their page's web address; filled in from the name when left blank.",
    )
    bio = models.TextField(
        "short bio", blank=True, help_text="Two or three sentences shown with their work."
    )
    photo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional portrait for their contributor page.",
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("bio"), FieldPanel("photo")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.unique_slug()
        super().save(*args, **kwargs)

    def unique_slug(self) -> str:
        # "Anne-Marie Roy" and "Anne Marie Roy" are different people with the same slugify().
        base = slugify(self.name)[:150] or "contributor"
        taken = set(
            Contributor.objects.filter(slug__startswith=base)
            .exclude(pk=self.pk)
            .values_list("slug", flat=True)
        )
        slug, number = base, 2
        while slug in taken:
            slug, number = f"{base}-{number}", number + 1
        return slug


class ReadableQuerySet(PageQuerySet):
    """Page querysets with the one filter every reader-facing listing goes through."""

    def readable(self) -> "ReadableQuerySet":
        """Live pages that no view restriction (login, password or groups, on the page or on
        an ancestor) hides: what Wagtail's ``public()`` keeps, less aliases of private pages.
        Listings are the same for every reader, editors included: they are cached for all.

        Written as NOT EXISTS rather than ``public()``, which reads the restrictions in a
        query of its own each time it is called: here they are read with the listing, in
        the same query, when it runs.
        """
        return (
            self.live()
            .exclude(Exists(restrictions_over("path")))
            .exclude(
                # An alias shows its source's content under the source's restrictions (Wagtail's
                # page view applies them; ``public()`` forgets them).
                Exists(restrictions_over("alias_of__path"))
            )
        )


def restrictions_over(path_field: str) -> QuerySet:
    """Restricted pages at the outer query's ``path_field`` or above it: the restricted page's
    path is a prefix of that path (treebeard's materialised paths).

    Driven from the restrictions (few, usually none), listed once by an uncorrelated IN:
    matched from the pages' side instead, SQLite scanned every page for every listed row
    (1,334 reviews counted in 690 ms; this way 7 ms).
    """
    path = OuterRef(path_field)
    return Page.objects.filter(
        pk__in=PageViewRestriction.objects.values("page_id"),
        path=Substr(path, 1, Length("path")),
    )


def readable_pages() -> ReadableQuerySet:
    """Every page a reader may be shown, of any type, in tree order (as ``Page.objects``)."""
    return ReadableQuerySet(Page).order_by("path").readable()


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


class SectionPage(SectionRoutesMixin, ChildPageRouteMixin, ViewRestrictionsInOneQueryMixin, Page):
    """A section of the magazine (Film Reviews, Book Reviews, News, Features)."""

    class Kind(models.TextChoices):
        FILM_REVIEWS = "film", "Film reviews"
        BOOK_REVIEWS = "book", "Book reviews"
        NEWS = "news", "News"
        FEATURES = "feature", "Features"

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
    subpage_types = ["reviews.FilmReviewPage", "reviews.BookReviewPage", "reviews.ArticlePage"]

    content_panels = [*Page.content_panels, FieldPanel("kind"), FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    objects = PageManager.from_queryset(ReadableQuerySet)()

    @property
    def child_model(self) -> type[Page]:
        return {
            self.Kind.FILM_REVIEWS: FilmReviewPage,
            self.Kind.BOOK_REVIEWS: BookReviewPage,
        }.get(self.kind, ArticlePage)

    def child_for_route(self, slug: str) -> Page | None:
        # None (a child of another type, or no such slug) falls back to Wagtail's lookup.
        return self.child_model.objects.child_of(self).for_page_view().filter(slug=slug).first()

    def latest_items(self):
        """Readable children newest first, with what their cards show already loaded."""
        return self.child_model.objects.child_of(self).readable().for_listing()

    def paginate(self, request) -> PaginatorPage:
        # get_page() turns ?page=abc into page 1 and ?page=9999 into the last page.
        return Paginator(self.latest_items(), SECTION_PAGE_SIZE).get_page(request.GET.get("page"))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["items"] = self.paginate(request)
        return context


class SectionChildMixin:
    """Only lets a page type be created in the sections whose kind publishes it."""

    section_kinds: tuple[str, ...] = ()

    @classmethod
    def can_create_at(cls, parent) -> bool:
        return super().can_create_at(parent) and cls.belongs_in(parent)

    def can_move_to(self, parent) -> bool:
        return super().can_move_to(parent) and self.belongs_in(parent)

    @classmethod
    def belongs_in(cls, parent) -> bool:
        section = parent.specific
        return isinstance(section, SectionPage) and section.kind in cls.section_kinds


class ReviewQuerySet(ReadableQuerySet):
    def for_page_view(self):
        """With what a review's own page shows loaded in the same query (or one prefetch)."""
        return self.select_related("reviewer", "lead_image").prefetch_related("creators")

    def for_listing(self):
        """Newest first, with what a card shows loaded up front (no query per card)."""
        return (
            self.select_related("reviewer", "lead_image")
            .prefetch_related("creators", "lead_image__renditions")
            .order_by("-date", "-pk")
        )


class ArticleQuerySet(ReadableQuerySet):
    def for_page_view(self):
        return self.select_related("author", "lead_image")

    def for_listing(self):
        return (
            self.select_related("author", "lead_image")
            .prefetch_related("lead_image__renditions")
            .order_by("-date", "-pk")
        )


class StoryFields(models.Model):
    """What every review and article has: a date, a lead image, a summary and the body."""

    date = models.DateField(
        "publication date", default=datetime.date.today, help_text=PUBLICATION_DATE_HELP
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=LEAD_IMAGE_HELP,
    )
    summary = models.TextField(
        blank=True, help_text="One or two sentences shown in listings and search results."
    )
    body = StreamField(
        StoryBlock(),
        blank=True,
        help_text="The text itself: paragraphs, epigraphs, spoiler notices, images, trailers.",
    )

    story_search_fields = [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    class Meta:
        abstract = True


class ReviewPage(SectionChildMixin, StoryFields, ViewRestrictionsInOneQueryMixin, Page):  # noqa: DJ008 (Page has __str__)
    """Fields every review shares; readers only ever see a film or a book review."""

    original_title = models.CharField(
        max_length=255, blank=True, help_text="The title in its original language, if different."
    )
    year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Year the film was released or the book published."
    )
    reviewer = models.ForeignKey(
        Contributor,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviews",
        help_text="Who wrote the review: shown in the byline and on their contributor page.",
    )

    objects = PageManager.from_queryset(ReviewQuerySet)()

    is_creatable = False
    subpage_types: list[str] = []

    search_fields = [
        *Page.search_fields,
        index.SearchField("original_title", boost=3),
        index.AutocompleteField("original_title"),
        *StoryFields.story_search_fields,
        # Directors/authors weigh like the title; typing part of one suggests their work.
        index.RelatedFields(
            "creators", [index.SearchField("name", boost=2), index.AutocompleteField("name")]
        ),
        index.RelatedFields("reviewer", [index.SearchField("name")]),
        index.SearchField("year"),  # "1952" finds the works of that year
        index.FilterField("year"),
        index.FilterField("reviewer"),
    ]

    class Meta:
        ordering = ["-date"]
        # Listings show the newest first (date, then id): the first page reads 20 index
        # entries instead of sorting the whole section.
        indexes = [models.Index(fields=["-date", "-page_ptr"], name="review_newest_first")]

    def get_creator_names(self) -> list[str]:
        return self.creator_names

    @cached_property
    def creator_names(self) -> list[str]:
        # The credits line, the JSON-LD and the browse links all ask: one query per request.
        return [creator.name for creator in self.creators.all()]

    def get_context(self, request, *args, **kwargs):
        from reviews.listings import review_context  # listings import this module

        context = super().get_context(request, *args, **kwargs)
        context.update(review_context(self, request))
        return context

    @property
    def credits_line(self) -> str:
        raise NotImplementedError


class WorkCreator(Orderable):
    """A director of a film or an author of a book, in billing order."""

    page = ParentalKey(ReviewPage, on_delete=models.CASCADE, related_name="creators")
    name = models.CharField(
        max_length=150, help_text="One person per row, in the order the credits print them."
    )

    panels = [FieldPanel("name")]

    def __str__(self) -> str:
        return self.name


def story_panels(writer_field: str, heading: str) -> list:
    """The panels every review and article ends with: who and when, the card, the text."""
    return [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel(writer_field), FieldPanel("date")])],
            heading=heading,
            help_text=SCHEDULING_HELP,
        ),
        MultiFieldPanel(
            [FieldPanel("summary"), FieldPanel("lead_image")], heading="Listings and cards"
        ),
        FieldPanel("body"),
    ]


def review_panels(creators_label: str, work_fields: list) -> list:
    """The review editor: the work and its credits, then who and when, then the text."""
    return [
        *Page.content_panels,
        ImportedSourcePanel(heading="Imported from the old site"),
        MultiFieldPanel(
            [
                FieldPanel("original_title"),
                InlinePanel("creators", label=creators_label, min_num=1),
                *work_fields,
                CreditsLinePanel(heading="Credits line"),
            ],
            heading="The work",
            help_text="What is reviewed. These fields make the credits line under the title.",
        ),
        *story_panels("reviewer", "Reviewer and dates"),
    ]


class FilmReviewPage(ReviewPage):  # noqa: DJ008
    countries = models.CharField(
        max_length=150,
        blank=True,
        help_text="As printed, several separated by “/”: Germany/Austria.",
    )

    section_kinds = (SectionPage.Kind.FILM_REVIEWS,)
    parent_page_types = ["reviews.SectionPage"]
    subpage_types: list[str] = []
    is_creatable = True

    content_panels = review_panels(
        "Directors", [FieldRowPanel([FieldPanel("countries"), FieldPanel("year")])]
    )
    search_fields = [*ReviewPage.search_fields, index.SearchField("countries")]

    class Meta:
        verbose_name = "film review"

    @property
    def credits_line(self) -> str:
        return film_credits(self.get_creator_names(), self.countries, self.year)

    @property
    def country_list(self) -> list[str]:
        return [country.strip() for country in self.countries.split("/") if country.strip()]


class BookReviewPage(ReviewPage):  # noqa: DJ008
    publisher = models.CharField(
        max_length=150, blank=True, help_text="As printed in the edition reviewed."
    )
    pages = models.PositiveIntegerField(
        "number of pages", null=True, blank=True, help_text="Of the edition reviewed."
    )

    section_kinds = (SectionPage.Kind.BOOK_REVIEWS,)
    parent_page_types = ["reviews.SectionPage"]
    subpage_types: list[str] = []
    is_creatable = True

    content_panels = review_panels(
        "Authors",
        [FieldRowPanel([FieldPanel("publisher"), FieldPanel("year"), FieldPanel("pages")])],
    )
    search_fields = [*ReviewPage.search_fields, index.SearchField("publisher")]

    class Meta:
        verbose_name = "book review"

    @property
    def credits_line(self) -> str:
        return book_credits(self.get_creator_names(), self.publisher, self.year, self.pages)


class ArticlePage(SectionChildMixin, StoryFields, ViewRestrictionsInOneQueryMixin, Page):  # noqa: DJ008
    """A news item or a feature."""

    author = models.ForeignKey(
        Contributor,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="articles",
        help_text="Who wrote the article: shown in the byline.",
    )

    objects = PageManager.from_queryset(ArticleQuerySet)()

    section_kinds = (SectionPage.Kind.NEWS, SectionPage.Kind.FEATURES)
    parent_page_types = ["reviews.SectionPage"]
    subpage_types: list[str] = []

    content_panels = [
        *Page.content_panels,
        ImportedSourcePanel(heading="Imported from the old site"),
        *story_panels("author", "Author and dates"),
    ]
    search_fields = [
        *Page.search_fields,
        *StoryFields.story_search_fields,
        index.RelatedFields("author", [index.SearchField("name")]),
    ]

    class Meta:
        verbose_name = "article"
        ordering = ["-date"]
        indexes = [models.Index(fields=["-date", "-page_ptr"], name="article_newest_first")]

    @property
    def credits_line(self) -> str:
        byline = f"By {self.author.name}. " if self.author_id else ""
        return f"{byline}{self.date:%-d %B %Y}."
