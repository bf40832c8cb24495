"""Stories: film and book reviews with their credits, and articles (news, features)."""

import datetime

from django.db import models
from django.db.models import F
from django.template.loader import render_to_string
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.search import index

from editorial.forms import MagazinePageForm
from editorial.panels import CreditsLinePanel, ImportedSourcePanel
from ops.fragments import content_cached
from ops.restrictions import ViewRestrictionsInOneQueryMixin
from reviews.blocks import StoryBlock
from reviews.cards import load_cards
from reviews.credits import book_credits, film_credits, split_names
from reviews.models.contributors import Contributor
from reviews.models.querysets import ReadableQuerySet
from reviews.models.ratings import RatingFields
from reviews.models.sections import SectionPage

PUBLICATION_DATE_HELP = "The date printed on the page; listings are ordered by it."
LEAD_IMAGE_HELP = "Shown at the top of the page and on its card in listings."
RELATED_REVIEWS_LIMIT = 4
SCHEDULING_HELP = (
    "The publication date is what readers see. To make the page go live later, use "
    "“Set schedule” in the Status side panel, then publish."
)


class SectionChildMixin:
    """Only lets a page type be created in the sections whose kind holds it (reviews.kinds)."""

    @classmethod
    def can_create_at(cls, parent) -> bool:
        return super().can_create_at(parent) and cls.belongs_in(parent)

    def can_move_to(self, parent) -> bool:
        return super().can_move_to(parent) and self.belongs_in(parent)

    @classmethod
    def belongs_in(cls, parent) -> bool:
        section = parent.specific
        return (
            isinstance(section, SectionPage) and section.section_kind.page_model == cls._meta.label
        )


class ReviewQuerySet(ReadableQuerySet):
    def for_page_view(self):
        """With what a review's own page shows loaded in the same query (or one prefetch)."""
        return self.select_related("reviewer", "lead_image").prefetch_related("creators")

    def for_listing(self):
        """Newest first, with what a card shows loaded up front (no query per card)."""
        return (
            self.select_related("reviewer", "lead_image")
            .prefetch_related("creators", "lead_image__renditions")
            .order_by(*NEWEST_FIRST)
        )


class ArticleQuerySet(ReadableQuerySet):
    def for_page_view(self):
        return self.select_related("author", "lead_image")

    def for_listing(self):
        return (
            self.select_related("author", "lead_image")
            .prefetch_related("lead_image__renditions")
            .order_by(*NEWEST_FIRST)
        )


# Newest first; pages with no date last (PostgreSQL would put them first in a descending
# order: the *_newest_first indexes have a NULLS LAST twin there, migration 0009).
NEWEST_FIRST = (F("date").desc(nulls_last=True), F("pk").desc())


class StoryFields(models.Model):
    """What every review and article has: a date, a lead image, a summary and the body."""

    # Empty only on an imported page whose old page and site gave no date at all: shown
    # undated, listed after every dated page (``NEWEST_FIRST``), never dated today.
    date = models.DateField(
        "publication date",
        null=True,
        blank=True,
        default=datetime.date.today,
        help_text=PUBLICATION_DATE_HELP,
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

    @property
    def repeated_lead_image_block(self) -> int | None:
        """The index of the body's first picture when it is the lead image again (imported
        pages and hurried editors repeat it): the page shows it once, at the top. Read from
        the stored JSON, so no image is loaded to decide."""
        if self.lead_image_id is None:
            return None
        for index_, block in enumerate(self.body.raw_data):
            if block["type"] == "image":
                image = (block.get("value") or {}).get("image")
                return index_ if image == self.lead_image_id else None
        return None


class ReviewPage(  # noqa: DJ008 (Page has __str__)
    SectionChildMixin, StoryFields, RatingFields, ViewRestrictionsInOneQueryMixin, Page
):
    """Fields every review shares; readers only ever see a film or a book review."""

    base_form_class = MagazinePageForm

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
    credits_note = models.TextField(
        blank=True,
        help_text="Shown in small type under the credits line: what the credits print beyond "
        "the fields above (a price, a certificate, a line the importer could not read).",
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
        """The page, its section and the "Related reviews" aside."""
        context = super().get_context(request, *args, **kwargs)
        section = self.get_parent().specific
        # The costliest part of a review page and the same for every reader: rendered once and
        # kept until the next publish (ops.fragments; any publish changes the content version).
        related_html = content_cached(
            "related-aside",
            f"{self.pk}:{request.get_host()}",  # its links are relative to the site being read
            lambda: self.related_aside(section, request),
        )
        context.update(section=section, related_html=mark_safe(related_html))  # noqa: S308
        return context

    def related_aside(self, section: Page, request) -> str:
        """The aside's HTML: reviews of the same people (or by the same reviewer), browse links."""
        context = {
            "work_links": section.work_links(self, request)
            if isinstance(section, SectionPage)
            else [],
            "related_reviews": self.related_reviews(),
        }
        return render_to_string("reviews/includes/related.html", context, request)

    def related_reviews(self, limit: int = RELATED_REVIEWS_LIMIT) -> list[Page]:
        """Other reviews of work by the same directors or authors, then more by the same
        reviewer, as cards."""
        others = ReviewPage.objects.readable().exclude(pk=self.pk).order_by(*NEWEST_FIRST)
        same_names = WorkCreator.objects.filter(name__in=self.creators.values("name"))
        same_creator = others.filter(pk__in=same_names.values("page_id"))
        rows = list(same_creator.values_list("pk", "content_type_id")[:limit])
        if self.reviewer_id and len(rows) < limit:
            same_reviewer = others.filter(reviewer_id=self.reviewer_id).exclude(
                pk__in=[pk for pk, _ in rows]
            )
            rows += same_reviewer.values_list("pk", "content_type_id")[: limit - len(rows)]
        return load_cards(rows)

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
                FieldPanel("credits_note"),
                CreditsLinePanel(heading="Credits line"),
            ],
            heading="The work",
            help_text="What is reviewed. These fields make the credits line under the title.",
        ),
        RatingFields.rating_panel(),
        *story_panels("reviewer", "Reviewer and dates"),
    ]


class FilmReviewPage(ReviewPage):  # noqa: DJ008
    countries = models.CharField(
        max_length=150,
        blank=True,
        help_text="As printed, several separated by “/”: Germany/Austria.",
    )
    running_time = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="In minutes: shown as “112 min”."
    )
    cast = models.CharField(
        max_length=500,
        blank=True,
        help_text="The principal cast in billing order, separated by commas: shown as "
        "“With A, B and C”.",
    )

    parent_page_types = ["reviews.SectionPage"]
    subpage_types: list[str] = []

    content_panels = review_panels(
        "Directors",
        [
            FieldRowPanel([FieldPanel("countries"), FieldPanel("year")]),
            FieldRowPanel([FieldPanel("running_time"), FieldPanel("cast")]),
        ],
    )
    search_fields = [
        *ReviewPage.search_fields,
        index.SearchField("countries"),
        index.SearchField("cast"),
    ]

    class Meta:
        verbose_name = "film review"

    @property
    def cast_names(self) -> list[str]:
        return split_names(self.cast)

    @property
    def credits_line(self) -> str:
        return film_credits(
            self.get_creator_names(),
            self.countries,
            self.year,
            running_time=self.running_time,
            cast=self.cast_names,
        )


class BookReviewPage(ReviewPage):  # noqa: DJ008
    publisher = models.CharField(
        max_length=150, blank=True, help_text="As printed in the edition reviewed."
    )
    pages = models.PositiveIntegerField(
        "number of pages", null=True, blank=True, help_text="Of the edition reviewed."
    )
    isbn = models.CharField(
        "ISBN", max_length=32, blank=True, help_text="Of the edition reviewed, as printed."
    )
    translator = models.CharField(
        max_length=255,
        blank=True,
        help_text="Who translated the book, several separated by commas: shown as "
        "“Translated by …”.",
    )
    edition = models.CharField(
        max_length=100,
        blank=True,
        help_text="Binding or edition as printed: “Paper”, “Hardcover”, “2nd edition”.",
    )

    parent_page_types = ["reviews.SectionPage"]
    subpage_types: list[str] = []

    content_panels = review_panels(
        "Authors",
        [
            FieldRowPanel([FieldPanel("publisher"), FieldPanel("year"), FieldPanel("pages")]),
            FieldRowPanel([FieldPanel("translator"), FieldPanel("edition"), FieldPanel("isbn")]),
        ],
    )
    search_fields = [
        *ReviewPage.search_fields,
        index.SearchField("publisher"),
        index.SearchField("translator"),
        index.SearchField("isbn"),
    ]

    class Meta:
        verbose_name = "book review"

    @property
    def translator_names(self) -> list[str]:
        return split_names(self.translator)

    @property
    def credits_line(self) -> str:
        return book_credits(
            self.get_creator_names(),
            self.publisher,
            self.year,
            self.pages,
            translators=self.translator_names,
            edition=self.edition,
            isbn=self.isbn,
        )


class ArticlePage(SectionChildMixin, StoryFields, ViewRestrictionsInOneQueryMixin, Page):  # noqa: DJ008
    """A news item or a feature."""

    base_form_class = MagazinePageForm

    author = models.ForeignKey(
        Contributor,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="articles",
        help_text="Who wrote the article: shown in the byline.",
    )

    objects = PageManager.from_queryset(ArticleQuerySet)()

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
        indexes = [models.Index(fields=["-date", "-page_ptr"], name="article_newest_first")]

    @property
    def credits_line(self) -> str:
        byline = f"By {self.author.name}. " if self.author_id else ""
        return f"{byline}{self.date:%-d %B %Y}." if self.date else byline.strip()
