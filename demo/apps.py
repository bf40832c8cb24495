from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Made-up content for development and benchmarks: the demo magazine and the synthetic
    archive. Installed by the dev and test settings only, never in production."""

    name = "demo"
    verbose_name = "Demo and benchmark data"
