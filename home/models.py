"""The home page and plain standalone pages such as About Us."""

from django.db import models
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from editorial.forms import MagazinePageForm
from ops.fragments import content_cached
from ops.restrictions import ViewRestrictionsInOneQueryMixin
from reviews.blocks import INLINE_FEATURES, StoryBlock
from reviews.models import ChildPageRouteMixin, ReviewPage, SectionPage

HOME_ITEMS_PER_SECTION = 4


class HomePage(ChildPageRouteMixin, ViewRestrictionsInOneQueryMixin, Page):
    base_form_class = MagazinePageForm
    intro = RichTextField(
        blank=True,
        features=INLINE_FEATURES,
        help_text="A sentence or two under the magazine's name on the home page.",
    )
    featured_review = models.ForeignKey(
        "reviews.ReviewPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Shown large at the top of the home page.",
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["reviews.SectionPage", "home.StandardPage"]
    max_count = 1

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("featured_review")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    def child_for_route(self, slug: str) -> Page | None:
        # Sections carry nearly all traffic; other pages (About Us) take Wagtail's lookup.
        # The few sections change only on a publish, so they are kept with the content version.
        sections = content_cached("sections-by-slug", self.pk, self._sections_by_slug)
        return sections.get(slug)

    def _sections_by_slug(self) -> dict[str, SectionPage]:
        return {section.slug: section for section in SectionPage.objects.child_of(self)}

    def sections(self):
        return SectionPage.objects.child_of(self).readable().order_by("path")

    def get_featured_review(self) -> ReviewPage | None:
        """The featured review as its own type, if readers may see it (live, not private):
        the home page is the same for everyone and cached for everyone."""
        if self.featured_review_id is None:
            return None
        return ReviewPage.objects.filter(pk=self.featured_review_id).readable().specific().first()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured"] = self.get_featured_review()
        # The costliest part of the home page (four listings' queries, their cards and
        # pictures) and the same for every reader: rendered once per published state
        # (ops.fragments; any publish changes the content version), as a review's aside is.
        listings_html = content_cached(
            "home-listings",
            f"{self.pk}:{request.get_host()}",  # its links are relative to the site being read
            lambda: self.listings_html(request),
        )
        context["listings_html"] = mark_safe(listings_html)  # noqa: S308 - our own template
        return context

    def listings_html(self, request) -> str:
        section_listings = [
            (section, list(section.latest_items()[:HOME_ITEMS_PER_SECTION]))
            for section in self.sections()
        ]
        context = {"section_listings": section_listings}
        return render_to_string("home/includes/listings.html", context, request)


class StandardPage(ViewRestrictionsInOneQueryMixin, Page):
    """A plain page such as About Us."""

    base_form_class = MagazinePageForm

    body = StreamField(StoryBlock(), blank=True, help_text="The page's text.")

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]

    class Meta:
        verbose_name = "plain page"
