from django.urls import path

from wagtail import hooks
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

from reviews.contributor_admin import (
    ContributorDeleteView,
    ContributorWorkView,
    with_work_counts,
    work_link,
)
from reviews.models import Contributor
from reviews.views import contributor_chooser_viewset


@hooks.register("register_admin_viewset")
def register_contributor_chooser():
    return contributor_chooser_viewset


class ContributorAdmin(ModelAdmin):
    model = Contributor
    menu_label = "Contributors"
    menu_icon = "group"
    menu_order = 200
    add_to_settings_menu = False
    list_display = ("name", "review_count", "article_count", "slug")
    search_fields = ("name", "bio")
    delete_view_class = ContributorDeleteView

    def get_queryset(self, request):
        # One query for the whole list, however many reviews each contributor has.
        return with_work_counts(super().get_queryset(request))

    @staticmethod
    def review_count(contributor: Contributor) -> str:
        return work_link(contributor)

    review_count.short_description = "Reviews"
    review_count.admin_order_field = "num_reviews"

    @staticmethod
    def article_count(contributor: Contributor) -> int:
        return contributor.num_articles

    article_count.short_description = "Articles"
    article_count.admin_order_field = "num_articles"


modeladmin_register(ContributorAdmin)


@hooks.register("register_admin_urls")
def register_contributor_work_urls():
    return [
        path(
            "reviews/contributor/<int:pk>/reviews/",
            ContributorWorkView.as_view(),
            name="contributor_work",
        ),
    ]
