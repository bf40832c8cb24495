from django.apps import AppConfig


class LegacyImportConfig(AppConfig):
    """The legacy-site importer: its records, admin views and redirect middleware."""

    name = "reviews.legacy"
    label = "legacy"
    verbose_name = "Legacy import"
    default_auto_field = "django.db.models.BigAutoField"
