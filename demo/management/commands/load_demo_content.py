from django.core.management.base import BaseCommand

from demo.content import load_demo_content


class Command(BaseCommand):
    help = "Build the page tree if needed and add the demo reviews, news and features."

    def handle(self, *args, **options):
        created = load_demo_content()
        self.stdout.write(self.style.SUCCESS(f"Demo content ready ({created} pages created)."))
