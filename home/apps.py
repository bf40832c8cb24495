from django.apps import AppConfig
from django.db.models.signals import post_migrate


def apply_site_url_after_migrate(sender, using: str = "default", **kwargs) -> None:
    from home.tree import apply_site_url

    if using == "default":
        apply_site_url()


class HomeConfig(AppConfig):
    name = "home"

    def ready(self) -> None:
        # Every deploy migrates: the Site then follows SITE_URL wherever the site moves.
        post_migrate.connect(apply_site_url_after_migrate, sender=self)
