from django.db.models import Count

from wagtail import hooks
from wagtail_modeladmin.options import ModelAdmin, modeladmin_register

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
    list_display = ("name", "review_count", "slug")
    search_fields = ("name", "bio")

    def get_queryset(self, request):
        # One query for the whole list, however many reviews each contributor has.
        return super().get_queryset(request).annotate(num_reviews=Count("reviews"))

    @staticmethod
    def review_count(contributor: Contributor) -> int:
        return contributor.num_reviews

    review_count.short_description = "Reviews"
    review_count.admin_order_field = "num_reviews"


modeladmin_register(ContributorAdmin)
