from django.core.management.base import BaseCommand

from home.tree import apply_site_url, ensure_site_tree


class Command(BaseCommand):
    help = (
        "Create the home page, the four sections and About Us where they are missing; "
        "the default Site answers at SITE_URL."
    )

    def handle(self, *args, **options):
        tree = ensure_site_tree()
        site = apply_site_url()
        self.stdout.write(f"Site: {site.root_url}")
        self.stdout.write(f"Home: {tree.home.url_path}")
        for section in tree.sections.values():
            self.stdout.write(f"Section: {section.title} ({section.kind})")
        self.stdout.write(f"Plain page: {tree.about.title}")
