from django.apps import AppConfig


class LegacyImportConfig(AppConfig):
    """The legacy-site importer: its records, admin views and the import_legacy command."""

    name = "legacy"
    label = "legacy"
    verbose_name = "Legacy import"
    default_auto_field = "django.db.models.BigAutoField"
