"""Views behind the Contributors admin: a contributor's work, and deletion that never cascades."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html

from wagtail.admin.ui.tables import Column, DateColumn, LiveStatusTagColumn, TitleColumn
from wagtail.admin.views.generic.base import BaseListingView
from wagtail_modeladmin.views import DeleteView

from reviews.models import ArticlePage, Contributor, ReviewPage


def count_of(model, field: str) -> Coalesce:
    """A correlated COUNT, so several counts on one listing never multiply each other's rows."""
    counted = (
        model.objects.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted), 0)


def with_work_counts(contributors: QuerySet) -> QuerySet:
    return contributors.annotate(
        num_reviews=count_of(ReviewPage, "reviewer"), num_articles=count_of(ArticlePage, "author")
    )


def work_link(contributor: Contributor) -> str:
    """The review count in the Contributors list, linking to the reviews themselves."""
    if not contributor.num_reviews:
        return "0"
    url = reverse("contributor_work", args=[contributor.pk])
    return format_html('<a href="{}">{}</a>', url, contributor.num_reviews)


class ContributorDeleteView(DeleteView):
    """Refuses, with the reason, to delete anyone whose reviews or articles still name them.

    The foreign keys are PROTECT; this turns that into a clear page before anyone confirms,
    and never lists thousands of pages (the stock view loads every protected object).
    """

    @cached_property
    def work(self) -> dict[str, int]:
        return {
            "reviews": ReviewPage.objects.filter(reviewer=self.instance).count(),
            "articles": ArticlePage.objects.filter(author=self.instance).count(),
        }

    def has_work(self) -> bool:
        return any(self.work.values())

    def get(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if self.has_work():
            return self.refuse()
        return super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if self.has_work():
            messages.error(request, self.refusal_message())
            return self.refuse()
        return super().post(request, *args, **kwargs)

    def refusal_message(self) -> str:
        return (
            f"{self.instance} cannot be deleted: {self.work['reviews']} review(s) and "
            f"{self.work['articles']} article(s) name them. Give that work another reviewer "
            "or author first."
        )

    def refuse(self) -> HttpResponse:
        context = self.get_context_data(
            refused=True,
            refusal_message=self.refusal_message(),
            work=self.work,
            work_url=reverse("contributor_work", args=[self.instance.pk]),
        )
        return self.render_to_response(context)

    def get_template_names(self) -> list[str]:
        return ["reviews/admin/contributor_delete.html"]


class ContributorWorkView(BaseListingView):
    """Every review a contributor wrote, newest first, each linking to its editor."""

    template_name = "wagtailadmin/generic/listing.html"
    results_template_name = "wagtailadmin/generic/listing_results.html"
    index_url_name = "contributor_work"
    default_ordering = "-date"
    paginate_by = 50
    columns = [
        TitleColumn("title", label="Review", url_name="wagtailadmin_pages:edit"),
        Column("type", label="Type", accessor=lambda p: p.specific_class._meta.verbose_name),
        DateColumn("date", label="Publication date", sort_key="date"),
        LiveStatusTagColumn(),
    ]

    def dispatch(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_perm("reviews.view_contributor"):
            raise PermissionDenied
        self.contributor = get_object_or_404(Contributor, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return f"Reviews by {self.contributor}"

    def get_index_url(self) -> str:
        return reverse(self.index_url_name, args=[self.contributor.pk])

    def get_breadcrumbs_items(self) -> list[dict]:
        contributors = {
            "url": reverse("reviews_contributor_modeladmin_index"),
            "label": "Contributors",
        }
        return [*self.breadcrumbs_items, contributors, {"url": "", "label": str(self.contributor)}]

    def get_base_queryset(self) -> QuerySet:
        # Schedules and workflow states come with the rows: the status column asks for both.
        return (
            ReviewPage.objects.filter(reviewer=self.contributor)
            .annotate_approved_schedule()
            .prefetch_workflow_states()
        )

    def get_valid_orderings(self) -> list[str]:
        return ["date", "-date", "title", "-title", "live", "-live"]
