"""Section indexes: Film Reviews, Book Reviews, News, Features."""

from django.apps import apps
from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db import models

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageManager
from wagtail.search import index

from ops.restrictions import ViewRestrictionsInOneQueryMixin
from reviews.blocks import INLINE_FEATURES
from reviews.models.querysets import ReadableQuerySet
from reviews.section_routes import SectionRoutesMixin

SECTION_PAGE_SIZE = 20


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
        model_name = {
            self.Kind.FILM_REVIEWS: "FilmReviewPage",
            self.Kind.BOOK_REVIEWS: "BookReviewPage",
        }.get(self.kind, "ArticlePage")
        return apps.get_model("reviews", model_name)

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
