from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Running the site in production: health check, page cache, invalidation, security."""

    name = "ops"
    verbose_name = "Operations"

    def ready(self) -> None:
        from ops import invalidation

        invalidation.connect_signals()
