from django.apps import AppConfig


class OldUrlsConfig(AppConfig):
    """Answers old-site URLs, in any spelling readers used, with the importer's redirects."""

    name = "oldurls"
    verbose_name = "Old URLs"
