from wagtail.admin.viewsets.chooser import ChooserViewSet


class ContributorChooserViewSet(ChooserViewSet):
    model = "reviews.Contributor"
    icon = "user"
    choose_one_text = "Choose a contributor"
    choose_another_text = "Choose another contributor"
    edit_item_text = "Edit this contributor"
    form_fields = ["name", "bio"]


contributor_chooser_viewset = ContributorChooserViewSet("contributor_chooser")
