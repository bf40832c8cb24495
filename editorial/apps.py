from django.apps import AppConfig


class EditorialConfig(AppConfig):
    """Who may do what in the admin, how work is approved, and what editors see first."""

    name = "editorial"
    label = "editorial"
    verbose_name = "Editorial workflow"
    default_auto_field = "django.db.models.BigAutoField"
